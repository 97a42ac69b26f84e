"""One document, many files: which files are the same document, and which of them is read best.

A document is known by its number, its issue date and its issuer, whatever the language:

- **Key.** The number's folded form (`keys.number_key`: `1587/QĐ-UBND` = `1587/QD-UBND`) and the
  issue date: `doc:1587/qd-ubnd|2025-08-28`. Files with the same key are one document unless the
  issuer tells them apart: two communes may both issue `15/QĐ-UBND` on the same day, so when two
  files in the same language both name an issuer, the issuers must agree (folded, one inside the
  other: `Sở Nội vụ` and `Sở Nội vụ tỉnh Lâm Hà` agree), and so must the bodies above them
  (`issuer_parent`, when both name one: `Sở Y tế` under `UBND TỈNH LÂM HÀ` is not `Sở Y tế` under
  `UBND TỈNH SƠN LA`; `UBND` reads as `Ủy ban nhân dân`). Files in different languages name the
  issuer in their own words and are not told apart by it, except by the province: a province
  named in the issuer or its parent (`tỉnh Sơn La`, `Son La province`, English read as
  Vietnamese by `people.body_key`) must not be another province than the other file names.
- **A file without a number** (or whose number could not be read) is a document of its own:
  `file:<sha256>`, unless it is a *copy whose number was lost* of a file that read it. A file whose
  date could not be read keys with an empty date and joins only files that lack it too.
- **A copy whose number was lost** (a receiving stamp's handwriting across `Số:` on a photocopy,
  the same paper photographed too): two Vietnamese files of the same type, issue date and agreeing
  issuers, one with the number and one without (or both with the same register figures, the
  symbol misread: `143/UBRRY`, `143/UBND-VP`), are one document when what they say agrees: the
  people they send, their headcounts and the local documents they cite (not the laws every
  decision of a body cites), at least two of these shared and half of them in all. Their first
  pages are no test: copies read 0.71-0.82 alike, two decisions of one template up to 0.78.
- **Translation or report.** A file in another language than Vietnamese is a *translation* of the
  document when it is laid out as the document itself (the national motto `SOCIALIST REPUBLIC OF
  VIET NAM` / `Independence - Freedom - Happiness` on its first page, or a place line or
  recipients read from it): it is one more file of the document. Otherwise it is a *report about*
  the document (a press article: "… issued Decision No. 1587/QD-UBND …"): a document of its own,
  keyed `report:<language>:<number>|<date>` and referring to the document it reports on
  (`refers_to_key`). Its sendings are that document's sendings as someone else tells them, so
  readers count them as `reported`, never as sent. Two files of one report (an article and its
  scan) are one report when their first pages read alike.

Among the files of a document the best-read one gives the document's facts: a Vietnamese
born-digital text layer over a scan, a scan with higher OCR confidence over a lower one, the
Vietnamese original over a translation, then the file that found more sendings. A file of the
same kind and read the same way as a better one (a second upload of the born-digital file, a
second scan) is a `duplicate`; the scan of a press report is a report too.

These are pure functions over `FileFacts`, used by the store when it saves a file, by migration
0003 when it groups an existing store, and by the summary brief over records that never were
stored.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from dispatch_reader.store import keys
from dispatch_reader.store.people import body_key
from dispatch_reader.textnorm import fold

ROLES = ("original", "scan", "translation", "report", "duplicate")
ROLE_ORDER = {"original": 0, "scan": 1, "translation": 2, "report": 3}
# folded words that show a page laid out as a Vietnamese document in another language
_MOTTO = ("socialist republic of viet nam", "socialist republic of vietnam", "independence freedom happiness")
SAME_REPORT = 0.6  # first pages at least this alike (difflib ratio, folded) are one report


@dataclass
class FileFacts:
    """What grouping needs to know about one file (from its record and its first page)."""

    sha256: str
    file_name: str
    language: str | None
    number: str | None
    issuer: str | None
    issued_date: str | None
    subject: str | None = None
    issuer_parent: str | None = None  # the line above the issuer (UBND TỈNH SƠN LA above SỞ Y TẾ)
    methods: tuple[str | None, ...] = ()
    confidences: tuple[float, ...] = ()
    secondments: int = 0
    laid_out: bool = True  # the file shows the document itself (header, motto), not an account of it
    first_page: str = ""
    doc_type: str | None = None
    # what the file says, folded: the people it sends, its headcounts, the local documents it cites
    content: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)  # the caller's own data (ids, the record)

    @classmethod
    def from_record(cls, record: dict[str, Any], page_texts: Sequence[str] | None = None,
                    **extra: Any) -> FileFacts:
        """From a record as `Record.to_dict()` gives it; `page_texts` when the pages are at hand."""
        d = record.get("document") or {}
        pages = record.get("source", {}).get("pages") or []
        first = page_texts[0] if page_texts else ""
        return cls(
            sha256=record["source"].get("sha256") or "",
            file_name=record["source"].get("file_name") or "",
            language=record.get("language"),
            number=d.get("number"),
            issuer=d.get("issuer"),
            issued_date=d.get("issued_date"),
            subject=d.get("subject"),
            issuer_parent=d.get("issuer_parent"),
            methods=tuple(p.get("method") for p in pages),
            confidences=tuple(p["ocr_confidence"] for p in pages if p.get("ocr_confidence") is not None),
            secondments=len(record.get("secondments") or []),
            laid_out=laid_out_as_document(record, first),
            first_page=first or "",
            doc_type=d.get("doc_type"),
            content=content_of(record),
            extra=extra,
        )


def content_of(record: dict[str, Any]) -> frozenset[str]:
    """What a record says that another document of its body on its day would not: the people it
    sends (folded names), its headcounts, the local documents it cites."""
    out = {f"person:{keys.key(s['person'])}" for s in record.get("secondments") or [] if s.get("person")}
    out |= {f"count:{c['value']}" for c in record.get("counts") or [] if c.get("value") is not None}
    out |= {f"cites:{keys.number_key(r['number'])}" for r in record.get("references") or []
            if r.get("number") and not keys.is_legal_number(r["number"])}  # every decision cites the laws
    return frozenset(out)


def laid_out_as_document(record: dict[str, Any], first_page: str = "") -> bool:
    """True when the file shows the document itself: any Vietnamese file; a file in another
    language when its first page carries the national motto, or a place line or recipients
    were read from it (a press report states neither)."""
    if (record.get("language") or "vi") == "vi":
        return True
    if first_page:
        folded = " ".join(keys.terms(first_page[:3000]))
        if any(m in folded for m in _MOTTO):
            return True
    d = record.get("document") or {}
    return bool(d.get("place") or d.get("recipients"))


def role(f: FileFacts) -> str:
    """original (born-digital text layer), scan (any page OCRed), translation or report."""
    if (f.language or "vi") != "vi":
        return "translation" if f.laid_out else "report"
    return "scan" if any(m == "ocr" for m in f.methods) else "original"


def reading(f: FileFacts) -> str | None:
    """How the file was read: text_layer, ocr, or mixed (some pages each)."""
    methods = {m for m in f.methods if m}
    if not methods:
        return None
    return methods.pop() if len(methods) == 1 else "mixed"


def mean_confidence(f: FileFacts) -> float | None:
    return round(sum(f.confidences) / len(f.confidences), 4) if f.confidences else None


def quality(f: FileFacts) -> tuple[Any, ...]:
    """Sort key, best file first: the original over a scan over a translation over a report,
    one that read the number over a copy that lost it, fewer OCRed pages, higher mean OCR
    confidence, more sendings found, then the file name."""
    ocr = sum(1 for m in f.methods if m == "ocr")
    conf = mean_confidence(f)
    return (ROLE_ORDER[role(f)], not f.number, ocr / max(len(f.methods), 1), -(conf if conf is not None else 1.0),
            -f.secondments, f.file_name, f.sha256)


def document_key(f: FileFacts) -> str:
    """The document a file belongs to, before the issuer tie-break (see the module docstring)."""
    nk = keys.number_key(f.number)
    if not nk:
        return f"file:{f.sha256}"
    when = f.issued_date or ""
    if role(f) == "report":
        return f"report:{f.language or '?'}:{nk}|{when}"
    return f"doc:{nk}|{when}"


def refers_to_key(f: FileFacts) -> str | None:
    """For a report, the key of the document it reports on."""
    if role(f) != "report":
        return None
    nk = keys.number_key(f.number)
    return f"doc:{nk}|{f.issued_date or ''}" if nk else None


def family(key: str) -> str:
    """The key without the tie-break suffix a second document with the same key gets (`~2`)."""
    return key.split("~", 1)[0]


_ABBREVIATIONS = ((re.compile(r"\bubnd\b"), "uy ban nhan dan"), (re.compile(r"\bhdnd\b"), "hoi dong nhan dan"))
# a province named in a body: `tỉnh Sơn La` (Vietnamese, or English read as Vietnamese by
# people.body_key), `of Son La province` / `Son La province` as English writes it elsewhere
_PROVINCE_VI = re.compile(r"\btinh ((?:[a-z0-9]+ ?){1,4})")
_PROVINCE_EN = re.compile(r"(?:\bof |^ )((?:[a-z0-9]+ ){1,3})province\b")


def _body(text: str | None) -> str | None:
    """A body as a padded folded key, `UBND` read as `Ủy ban nhân dân`."""
    k = keys.key(text)
    if not k:
        return None
    for rx, full in _ABBREVIATIONS:
        k = rx.sub(full, k)
    return k


def issuers_agree(a: str | None, b: str | None, parent_a: str | None = None,
                  parent_b: str | None = None) -> bool:
    """Folded, one inside the other, as whole words: `Sở Nội vụ` and `Sở Nội vụ tỉnh Lâm Hà`;
    the parent bodies too when both name one (`UBND TỈNH LÂM HÀ` is not `UBND TỈNH SƠN LA`),
    and no province named in one (issuer or parent) may be another than the other names."""
    ka, kb = _body(a), _body(b)
    if ka and kb and not (ka in kb or kb in ka):
        return False
    pa, pb = _body(parent_a), _body(parent_b)
    if pa and pb and not (pa in pb or pb in pa):
        return False
    return provinces_agree((a, parent_a), (b, parent_b))


def provinces(*bodies: str | None) -> set[str]:
    """The provinces named in bodies (issuer, parent), folded and padded: {' son la '}."""
    out = set()
    for body in bodies:
        k = body_key(body)
        if not k:
            continue
        for m in _PROVINCE_VI.finditer(k):
            out.add(f" {m.group(1).strip()} ")
        for m in _PROVINCE_EN.finditer(k):
            out.add(f" {m.group(1).strip()} ")
    return out


def provinces_agree(a: Sequence[str | None], b: Sequence[str | None]) -> bool:
    """Unless both name a province, or one's province is (whole words) inside one of the other's."""
    pa, pb = provinces(*a), provinces(*b)
    if not pa or not pb:
        return True
    return any(x in y or y in x for x in pa for y in pb)


def _alike(a: str, b: str) -> float:
    fa, fb = fold(a)[:800], fold(b)[:800]
    return difflib.SequenceMatcher(None, fa, fb, autojunk=False).ratio()


# two copies of one document share at least this many of the things they say, and this share
# of all of them (a damaged copy misreads some names, drops a headcount)
COPY_SHARED = 2
COPY_SHARE = 0.5
_FIGURES = re.compile(r"^(\d+)/")


def lost_number_copy(a: FileFacts, b: FileFacts) -> bool:
    """Is one of two files a copy of the other whose number was lost or its symbol misread
    (see the module docstring)?"""
    if role(a) != "scan" and role(b) != "scan":
        return False  # (only a reading of paper loses a number the office typed)
    if any((f.language or "vi") != "vi" or not f.laid_out for f in (a, b)):
        return False
    if not (a.issued_date and a.issued_date == b.issued_date and a.doc_type and a.doc_type == b.doc_type):
        return False
    if not (a.issuer and b.issuer and issuers_agree(a.issuer, b.issuer, a.issuer_parent, b.issuer_parent)):
        return False
    na, nb = keys.number_key(a.number), keys.number_key(b.number)
    if not na and not nb:
        return False
    if na and nb:
        fa, fb = _FIGURES.match(na), _FIGURES.match(nb)
        if not (fa and fb and fa[1] == fb[1]):
            return False
    shared = len(a.content & b.content)
    return shared >= COPY_SHARED and shared >= COPY_SHARE * len(a.content | b.content)


def same_document(a: FileFacts, b: FileFacts) -> bool:
    """Are two files one document? Same key, then the issuer (same language) or, for reports,
    alike first pages (else alike subjects); or one a copy of the other whose number was lost."""
    key = document_key(a)
    if key != document_key(b):
        return lost_number_copy(a, b)
    if key.startswith("file:"):
        return True
    if key.startswith("report:"):
        if a.first_page and b.first_page:
            return _alike(a.first_page, b.first_page) >= SAME_REPORT
        return _alike(a.subject or "", b.subject or "") >= SAME_REPORT
    if (a.language or "vi") != (b.language or "vi"):
        return provinces_agree((a.issuer, a.issuer_parent), (b.issuer, b.issuer_parent))
    return issuers_agree(a.issuer, b.issuer, a.issuer_parent, b.issuer_parent)


def fits(f: FileFacts, members: Iterable[FileFacts]) -> bool:
    """Does `f` belong with every file already in a document?"""
    return all(same_document(f, m) for m in members)


def ranked(files: Iterable[FileFacts]) -> list[tuple[FileFacts, str]]:
    """The files of one document, best first, each with its role; a file of the same kind and
    read the same way as a better one (a second upload, a second scan) is a `duplicate`."""
    out = []
    seen: set[tuple[str, str | None]] = set()
    for f in sorted(files, key=quality):
        kind = (role(f), reading(f))
        out.append((f, "duplicate" if kind in seen else kind[0]))
        seen.add(kind)
    return out


def group(files: Sequence[FileFacts]) -> list[list[FileFacts]]:
    """Files grouped into documents, each group best file first, groups in input order of their
    first file (what the store does file by file, done at once for records never stored)."""
    groups: list[list[FileFacts]] = []
    by_key: dict[str, list[list[FileFacts]]] = {}
    by_day: dict[tuple[str | None, str | None], list[list[FileFacts]]] = {}
    for f in files:
        day = (f.issued_date, f.doc_type)
        # its own key's documents first, then a document of its type and day it is a copy of
        for members in by_key.setdefault(document_key(f), []) + by_day.get(day, []):
            if fits(f, members):
                members.append(f)
                break
        else:
            members = [f]
            groups.append(members)
            by_key[document_key(f)].append(members)
            if f.issued_date and f.doc_type:
                by_day.setdefault(day, []).append(members)
    return [[f for f, _ in ranked(g)] for g in groups]


def reported(secondment: dict[str, Any], number: str | None) -> dict[str, Any]:
    """A report's sending as readers count it: `reported`, referring to the document it reports on."""
    return secondment | {"status": "reported", "refers_to": secondment.get("refers_to") or number}
