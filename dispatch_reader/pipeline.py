"""The whole job, top to bottom: file → pages → text → record → store → brief.

`extract_file` is the read-only half (what `extract` and `eval` run); `process_file` adds the
store and the brief of the document the file belongs to (from its best-read file), and is what `process`, `batch` and `watch` run for each file. Every
expected failure surfaces as a DispatchReaderError naming the file, so a caller working
through many files logs it and goes on.

`process` and `watch` hand `process_file` a shared reader (ingest/reader.ReadAhead) in which
they have started the next few files: the OCR pages of all of them share one pool, so a burst
of one-page scans keeps every core busy, while each file is still extracted, stored and
committed here on its own, one after another.
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dispatch_reader import __version__
from dispatch_reader.errors import DispatchReaderError, NotADocumentError, UnexpectedError
from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.wordboxes import attach_boxes
from dispatch_reader.ingest.pages import Document
from dispatch_reader.ingest.reader import IngestSettings, ReadAhead, read_document
from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.record import PageInfo, Record, Source
from dispatch_reader.textnorm import nfc

if TYPE_CHECKING:
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.store import Store
    from dispatch_reader.store.store import StoredDocument

log = logging.getLogger(__name__)
EXTRACTOR_VERSION = __version__
# the names watch, batch, the web inbox and the fleet spool take as documents (what a file is
# is then told by its content: ingest/sniff.py)
DOCUMENT_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".heic", ".heif"}


@dataclass
class Outcome:
    path: Path
    status: Literal["done", "skipped", "failed"]
    record: Record | None = None
    error: DispatchReaderError | None = None
    seconds: float = 0.0
    brief: Path | None = None
    brief_error: DispatchReaderError | None = None  # the document is stored; only its brief failed


def build_record(path: Path, document: Document) -> Record:
    """Pages of text → the record: extraction plus where each page's text came from."""
    facts = extract_facts(document.pages)
    source = Source(
        file_name=nfc(path.name),
        sha256=document.sha256,
        page_count=len(document.pages),
        pages=[
            PageInfo(number=p.number, method=p.method, ocr_confidence=p.ocr_confidence,
                     rotation=p.rotation, reason=p.reason or None)
            for p in document.pages
        ],
    )
    record = Record.from_facts(source, facts)
    attach_boxes(record, document.pages)  # where each fact's words are on its page (the web page)
    record.warnings = document.warnings + record.warnings
    return record


# A file is taken as a document when it has readable text or extraction found a header fact.
# Noise, a photo or a blank page gives none: OCR keeps no word of it (or one or two junk words
# of low confidence), where every real scan measured gives hundreds of readable words and its
# header (samples/*.scan.pdf; the image-only Gazette scans in ../shared/realpdfs-dev).
MIN_READABLE_WORDS = 10
MIN_WORD_CONFIDENCE = 0.5  # an OCR word below this may be a speck read as a letter


def readable_words(document: Document) -> int:
    """How much readable text a file has: Vietnamese syllables in its text, or (for a document in
    another language) words of two letters or more that OCR read with some confidence; the
    larger of the two."""
    from dispatch_reader.ingest.vietnamese import score_text

    syllables = score_text("\n".join(p.text for p in document.pages)).valid
    words = 0
    for page in document.pages:
        if page.method == "ocr" and page.words:
            words += sum(1 for w in page.words if (w.conf is None or w.conf >= MIN_WORD_CONFIDENCE)
                         and sum(c.isalpha() for c in w.text) >= 2)
        else:
            words += sum(1 for t in page.text.split() if sum(c.isalpha() for c in t) >= 2)
    return max(syllables, words)


def check_is_document(path: Path, document: Document, record: Record) -> None:
    """Refuse a file with no readable text and none of a document's header (type, number,
    issuer, date): a photo, noise, a blank scan. It is not stored, and the line says why."""
    d = record.document
    if d.doc_type or d.number or d.issuer or d.issued_date:
        return  # a poor scan whose header was read is a document
    words = readable_words(document)
    if words >= MIN_READABLE_WORDS:
        return
    raise NotADocumentError(path, f"no readable text: not a document ({words} readable word"
                                  f"{'' if words == 1 else 's'} on {len(document.pages)} page"
                                  f"{'' if len(document.pages) == 1 else 's'}; no type, number, issuer or date)")


def extract_file(path: Path, settings: IngestSettings | None = None) -> Record:
    """Read one file and return its record; nothing is written anywhere."""
    return build_record(path, read_document(path, settings))


def document_brief(store: Store, briefs: BriefWriter, sha256: str, record: Record) -> Path:
    """The brief of the document a stored file belongs to: made from the document's best-read
    file (a scan read after its born-digital file rewrites that file's brief, it adds none of its
    own) and naming the document's other files. Named after that file and its hash, so two
    documents read from files of one name (`a/scan0001.pdf`, `b/scan0001.pdf`) get two briefs.
    Like `brief NUMBER`, it names the reports about the document too (briefs/stored.other_files),
    and a report's brief says it is one."""
    from dispatch_reader.briefs.render import brief_name

    ids = store.find_ids(sha256)
    doc = store.document(ids[0]) if ids else None
    best = store.get_by_id(doc.id) if doc else None
    if doc is None or best is None:
        return briefs.document(record, brief_name(record.source.file_name, record.source.sha256, briefs.fmt))
    path = _brief_of(store, briefs, doc, best)
    # the brief of the document a report is about names the report's files: it changes with them
    # (a tester found 1418/UBND-NC's brief still naming the report's worse copy)
    for about in store.documents(doc.refers_to):
        try:
            about_best = store.get_by_id(about.id)
            if about_best is not None:
                _brief_of(store, briefs, about, about_best)
        except Exception as exc:  # that brief can be written again with `brief`; this one was written
            log.warning("the brief of document %s was not rewritten: %s", about.id, exc)
    return path


def _brief_of(store: Store, briefs: BriefWriter, doc: StoredDocument, best: Record) -> Path:
    """Write the brief of a stored document from its best-read file's record `best`."""
    from dispatch_reader.briefs.render import brief_name
    from dispatch_reader.briefs.stored import other_files

    path = briefs.document(best, brief_name(best.source.file_name, best.source.sha256, briefs.fmt),
                           other_files=other_files(store, doc), report=doc.is_report)
    # a copy read better since the brief was made, named after it now: the old one goes, so
    # the document has one brief (a clerk found two of one decision, the earlier one naming
    # no other file)
    for f in doc.files:
        old = path.with_name(brief_name(f.file_name, f.sha256, briefs.fmt))
        if old != path:
            with suppress(OSError):  # (a read-only folder: the new brief is written, the old stays)
                old.unlink(missing_ok=True)
    return path


def _brief(store: Store, briefs: BriefWriter | None, sha256: str,
           record: Record | None) -> tuple[Path | None, DispatchReaderError | None]:
    """(brief, None), or (None, why) when it could not be made: a full --out disk or a broken
    template fails the brief, never the stored document."""
    if briefs is None or record is None:
        return None, None
    try:
        return document_brief(store, briefs, sha256, record), None
    except DispatchReaderError as exc:
        return None, exc
    except Exception as exc:  # a user template may fail in any way
        log.debug("brief of %s failed", record.source.file_name, exc_info=True)
        return None, UnexpectedError(record.source.file_name, f"brief not written: {exc!r}")


def _stored_already(path: Path, store: Store, briefs: BriefWriter | None, sha: str, started: float) -> Outcome:
    """A file the store holds already: its stored record, briefed, and nothing read again."""
    record = store.get(sha)
    brief, brief_error = _brief(store, briefs, sha, record)
    return Outcome(path, "skipped", record, seconds=time.monotonic() - started, brief=brief, brief_error=brief_error)


def process_file(
    path: Path,
    store: Store,
    briefs: BriefWriter | None = None,
    settings: IngestSettings | None = None,
    *,
    reprocess: bool = False,
    ahead: ReadAhead | None = None,
) -> Outcome:
    """Extract, store and brief one file; a file already stored is not read again.

    With `ahead`, the file's pages come from that shared reader (`process` and `watch` start
    the next files there, so their OCR pages keep every core busy); the file is still
    extracted, stored and committed here on its own."""
    started = time.monotonic()
    try:
        sha = file_sha256(path)
        if not reprocess and store.has(sha):
            if ahead is not None:
                ahead.discard(path)  # stored meanwhile: its reading, if started, is not needed
            return _stored_already(path, store, briefs, sha, started)
        # file → pages → text
        document = ahead.take(path) if ahead is not None else read_document(path, settings)
        record = build_record(path, document)  # text → record
        check_is_document(path, document, record)  # a photo or noise is refused, not stored
        saved = store.save(record, page_texts=[p.text for p in document.pages],
                           extractor_version=EXTRACTOR_VERSION, replace=reprocess)  # record → store
        if saved is None:  # the same file stored meanwhile (dropped twice at once): that reading stays
            return _stored_already(path, store, briefs, sha, started)
        brief, brief_error = _brief(store, briefs, sha, record)  # document → brief
        return Outcome(path, "done", record, seconds=time.monotonic() - started, brief=brief,
                       brief_error=brief_error)
    except Exception as exc:  # one file's failure must never stop a batch
        err = exc if isinstance(exc, DispatchReaderError) else UnexpectedError(path, f"internal error: {exc!r}")
        if not isinstance(exc, DispatchReaderError):
            log.debug("unexpected failure on %s", path, exc_info=True)
        try:
            store.record_failure(nfc(path.name), None, str(err), EXTRACTOR_VERSION)
        except Exception:
            log.warning("could not record the failure of %s in the store", path)
        return Outcome(path, "failed", error=err, seconds=time.monotonic() - started)
