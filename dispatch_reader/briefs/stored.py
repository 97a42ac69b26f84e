"""What a brief of a stored document names besides its best-read file: the same for `brief`
(briefs/cli.py) and the brief `process`, `batch` and `watch` write (pipeline.document_brief)."""

from __future__ import annotations

from typing import Any


def reports_about(store: Any, doc: Any) -> list[Any]:
    """The stored reports about a document (press articles about a decision), oldest first;
    none for a report itself."""
    if doc.is_report or not doc.reported_in:
        return []
    return [r for r in store.documents(list(doc.reported_in)) if r.is_report and r.files]


def other_files(store: Any, doc: Any, reports: list[Any] | None = None) -> list[dict[str, Any]]:
    """The document's other files (a scan, a translation), then the first file of each report
    about it, as the foot of its brief names them (`en-press-02.pdf (bài báo, báo cáo về văn bản)`)."""
    if reports is None:
        reports = reports_about(store, doc)
    return [f.as_dict() for f in doc.files[1:]] + [r.files[0].as_dict() for r in reports]
