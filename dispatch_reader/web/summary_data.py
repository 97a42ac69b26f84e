"""The summary brief over stored documents, for the API and the Summary page: the same
selection, grouping and "cited but not in the archive" set as the `summary` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.briefs.summary import DEFAULT_ENDING_WITHIN, Selection, number_key
from dispatch_reader.record import Record
from dispatch_reader.store import Filters, Store


def summary_inputs(store: Store, filters: Filters) -> tuple[list[dict[str, Any]], list[list[int]], set[str]]:
    """(every file's record of the selected documents, as JSON dicts, best file first in each
    document; their grouping into documents; the number keys of the whole archive) — what
    BriefWriter.summary_* take. Read in chunks of documents, not a query per document, and a
    record of the current schema is used as stored, not rebuilt (a page over 10,000 documents)."""
    from sqlalchemy import select

    from dispatch_reader.record import SCHEMA_VERSION
    from dispatch_reader.store.models import File

    ids = store.document_ids(filters)
    records: list[dict[str, Any]] = []
    groups: list[list[int]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        with store._read() as conn:
            rows = conn.execute(select(File.document_id, File.record_json).where(File.document_id.in_(chunk))
                                .order_by(File.document_id, File.rank, File.id)).all()
        by_doc: dict[int, list[str]] = {}
        for doc_id, text in rows:
            by_doc.setdefault(doc_id, []).append(text)
        for doc_id in chunk:  # newest first, as document_ids gives them
            texts = by_doc.get(doc_id)
            if not texts:
                continue  # gone since the ids were read
            groups.append(list(range(len(records), len(records) + len(texts))))
            for text in texts:
                data = json.loads(text)
                # an older schema's record is read through Record, which brings it up to date
                records.append(data if data.get("schema_version") == SCHEMA_VERSION
                               else Record.from_dict(data).to_dict())
    return records, groups, archive_numbers(store)


def archive_numbers(store: Store) -> set[str]:
    """The number keys of every stored document ("cited but not in the archive" asks them all),
    from the files' number column: the `summary` command reads every record for it, which a page
    cannot afford on a large archive."""
    from sqlalchemy import select

    from dispatch_reader.store.models import File

    with store._read() as conn:
        numbers = conn.execute(select(File.number).where(File.rank == 1, File.number.is_not(None))).scalars()
        return {k for k in (number_key(n) for n in numbers) if k}


def selection_of(filters: Filters, commune: str | None = None, issuer: str | None = None) -> Selection:
    return Selection(date_from=filters.date_from, date_to=filters.date_to, commune=commune, issuer=issuer,
                     doc_type=filters.doc_type, doc_type_label=filters.doc_type_label)


def writer(fmt: str, lang: str, today: dt.date | None, ending_within: int = DEFAULT_ENDING_WITHIN) -> BriefWriter:
    return BriefWriter(Path("."), fmt=fmt, lang=lang, today=today, ending_within=ending_within)  # nothing written


def summary_context(store: Store, filters: Filters, *, lang: str = "vi", today: dt.date | None = None,
                    ending_within: int = DEFAULT_ENDING_WITHIN, commune: str | None = None,
                    issuer: str | None = None) -> dict[str, Any]:
    records, groups, archive = summary_inputs(store, filters)
    return writer("html", lang, today, ending_within).summary_context(
        records, selection=selection_of(filters, commune, issuer), archive_numbers=archive, groups=groups)


def summary_bytes(store: Store, filters: Filters, fmt: str, *, lang: str = "vi", today: dt.date | None = None,
                  ending_within: int = DEFAULT_ENDING_WITHIN, commune: str | None = None,
                  issuer: str | None = None) -> bytes:
    """The summary brief as html, md, pdf or docx bytes."""
    records, groups, archive = summary_inputs(store, filters)
    return writer(fmt, lang, today, ending_within).summary_bytes(
        records, selection=selection_of(filters, commune, issuer), archive_numbers=archive, groups=groups)
