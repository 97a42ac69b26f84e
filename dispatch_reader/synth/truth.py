"""Turn a sample's facts into a full record whose evidence points into the rendered PDF.

A sample generator states each fact with `Q(words)`: the words the fact is read from. After
rendering, `build_record` finds those words in the born-digital PDF's text layer and
replaces every `Q` by evidence (page, quote as it stands there, start offset). A fact whose
words are not in the PDF stops the build: the truth would lie.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from dispatch_reader.record import SCHEMA_VERSION, validate
from dispatch_reader.synth.pagetext import locate, page_texts
from dispatch_reader.synth.spec import DocSpec


@dataclass(frozen=True)
class Q:
    """Words of the document a fact is read from; `anchor` picks the occurrence after it."""

    text: str
    anchor: str | None = None
    page: int | None = None


def _resolve(value: Any, pages: list[str]) -> Any:
    if isinstance(value, Q):
        return asdict(locate(value.text, pages, anchor=value.anchor, page=value.page))
    if isinstance(value, dict):
        return {k: _resolve(v, pages) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, pages) for v in value]
    return value


def build_record(facts: dict[str, Any], pdf_bytes: bytes, file_name: str) -> dict[str, Any]:
    """Full record dict (validated against the schema) for the rendered `pdf_bytes`."""
    pages = page_texts(pdf_bytes)
    source = {
        "file_name": file_name,
        "sha256": hashlib.sha256(pdf_bytes).hexdigest(),
        "page_count": len(pages),
        "pages": [{"number": i, "method": "text_layer", "ocr_confidence": None, "rotation": 0}
                  for i in range(1, len(pages) + 1)],
    }
    record = {"schema_version": SCHEMA_VERSION, "source": source, **_resolve(facts, pages)}
    validate(record)
    return record


def clean_entry(line: str) -> str:
    """A Kính gửi / Nơi nhận line without its dash and closing punctuation."""
    return line.strip().lstrip("-").strip().rstrip(";.,").strip()


def header_facts(
    spec: DocSpec, *, doc_type: str, issuer: str, issuer_parent: str | None,
    issuer_quote: str | None = None,
) -> dict[str, Any]:
    """The `document` part of a record, read off the parts of `spec` the renderer prints."""
    sig = spec.signature
    if spec.type_label:
        subject_lines, label = spec.subject_lines, spec.type_label
    else:
        subject_lines = [spec.vv_lines[0].removeprefix("V/v").strip(), *spec.vv_lines[1:]]
        label = None
    subject = " ".join(line.strip() for line in subject_lines) or None
    evidence: dict[str, Q] = {
        "doc_type": Q(label or f"Số: {spec.number}"),
        "number": Q(spec.number),
        # A long issuer the typist broke over two lines of its column is quoted by its first line:
        # the motto column's lines stand between the two in the page text.
        "issuer": Q(issuer_quote or spec.issuer_lines[-1].split("\n")[0]),
        "place": Q(spec.date_line()),
        "issued_date": Q(spec.date_line()),
    }
    if label:
        evidence["doc_type_label"] = Q(label)
    if issuer_parent:
        evidence["issuer_parent"] = Q(issuer_parent)
    if subject:
        evidence["subject"] = Q((spec.subject_lines or spec.vv_lines)[0])
    recipients = [clean_entry(r) for r in spec.kinh_gui] + [clean_entry(r) for r in spec.noi_nhan]
    if recipients:
        evidence["recipients"] = Q(spec.kinh_gui[0] if spec.kinh_gui else "Nơi nhận:")
    if sig:
        evidence["signer"] = Q(sig.name)
    return {
        "doc_type": doc_type,
        "doc_type_label": label,
        "number": spec.number,
        "issuer": issuer,
        "issuer_parent": issuer_parent,
        "place": spec.place,
        "issued_date": spec.issued.isoformat(),
        "subject": subject,
        "recipients": recipients,
        "signer": {"name": sig.name, "title": sig.title, "authority": sig.authority} if sig else None,
        "marks": list(spec.marks),
        "evidence": evidence,
    }
