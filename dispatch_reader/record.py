"""The dispatch record (see schema/record-schema.json): what every stage speaks.

Dataclasses mirror the JSON schema one to one; `Record.to_dict()` gives the JSON form that
`extract --json` prints and the store keeps, `Record.from_dict()` reads it back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

SCHEMA_VERSION = "3"  # 2: status / action / refers_to on secondments and counts; 3: word boxes in evidence

DocType = Literal[
    "decision", "official_dispatch", "plan", "report", "notice", "submission", "resolution",
    "directive", "decree", "circular", "law", "guidance", "telegram", "invitation", "minutes", "other",
]
DateRole = Literal["issued", "effective", "start", "end", "deadline", "cited", "mentioned"]
SecondmentKind = Literal["secondment", "transfer", "rotation", "reinforcement"]
# What the document does with a sending (see extract/status.py): decides it; asks or directs
# others to send; sets it as a plan's target; or reports a sending decided elsewhere.
SendingStatus = Literal["decided", "requested", "planned", "reported"]
# What the sending does to the people: sends them, extends their period, or ends it (chấm dứt,
# kết thúc, thu hồi biệt phái), so that a person's history reads in order.
SendingAction = Literal["send", "extend", "end"]


@dataclass
class Evidence:
    page: int
    quote: str
    start: int | None = None
    confidence: float | None = None
    # Where the quote's words are on the page: one [x0, top, x1, bottom] per line, as fractions
    # of the page's width and height (origin top left, the page as read upright), so the web
    # page can highlight them over a page image of any size (extract/wordboxes.py). None: read
    # before schema 3; []: the words were not found on the page.
    boxes: list[list[float]] | None = None
    # For a sending or a person: the boxes of each printed field's own words (to_unit, unit, …),
    # so the page shows the destination when the destination is clicked. None: not known.
    parts: dict[str, list[list[float]]] | None = None


@dataclass
class Signer:
    name: str | None = None
    title: str | None = None
    authority: str | None = None


@dataclass
class ESignature:
    """A digital-signature box printed on the file (`Ký bởi: … Thời gian ký: …`): who
    signed the file and when. Not the issuer, the signer of the text or the issue date."""

    evidence: Evidence
    signed_by: str | None = None
    organisation: str | None = None
    email: str | None = None
    signed_at: str | None = None  # ISO date or date-time with offset, as far as printed


@dataclass
class Received:
    """The receiving office's stamp (CÔNG VĂN ĐẾN): its registration number and date, and
    whom the paper was passed to. Never the document's own number or date."""

    evidence: Evidence
    number: str | None = None
    date: str | None = None
    forwarded_to: str | None = None


@dataclass
class DocumentFacts:
    doc_type: str | None = None
    doc_type_label: str | None = None
    number: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    marks: list[str] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    consolidates: str | None = None  # a consolidated text (VBHN): the base document's number
    e_signatures: list[ESignature] = field(default_factory=list)
    received: Received | None = None


@dataclass
class Reference:
    number: str
    evidence: Evidence
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None


@dataclass
class Person:
    name: str
    evidence: Evidence
    honorific: str | None = None
    position: str | None = None
    unit: str | None = None


@dataclass
class Count:
    value: int
    what: str
    evidence: Evidence
    total: int | None = None
    status: str | None = None  # SendingStatus when the figure counts people of a sending; else None
    action: str | None = None  # SendingAction, with status


@dataclass
class DateFact:
    date: str
    role: str
    evidence: Evidence


@dataclass
class PlaceRef:
    """A printed place matched to the official list of units after 1 July 2025 (places/):
    `match` is exact, folded, corrected, aggregate, ambiguous, old_name, unmatched, unnamed or own."""

    printed: str  # as the document prints it: `Trạm Y tế xã Pac Ta`
    match: str
    name: str | None = None  # official: `Xã Pắc Ta`
    code: str | None = None  # official five-digit code: `03616`
    level: str | None = None  # xã / phường / đặc khu
    province: str | None = None  # `Tỉnh Lai Châu`
    province_code: str | None = None  # `12`
    read_as: str | None = None  # the place name read from the print, before any correction
    note: str | None = None


@dataclass
class Secondment:
    kind: str
    evidence: Evidence
    person: str | None = None
    count: int | None = None
    from_unit: str | None = None
    to_unit: str | None = None
    to_place: PlaceRef | None = None  # to_unit matched to the official list; None when not matched yet
    from_place: PlaceRef | None = None  # from_unit matched, when it names a commune or ward
    position: str | None = None
    start: str | None = None
    end: str | None = None
    duration_months: float | None = None
    status: str = "decided"  # SendingStatus
    action: str = "send"  # SendingAction
    refers_to: str | None = None  # number of the document it reports on, extends or ends, when cited


@dataclass
class PageInfo:
    number: int
    method: Literal["text_layer", "ocr"]
    ocr_confidence: float | None = None
    rotation: int | None = None
    reason: str | None = None  # why this method was chosen (extra key, allowed by the schema)


@dataclass
class Source:
    file_name: str
    sha256: str
    page_count: int
    pages: list[PageInfo] = field(default_factory=list)


@dataclass
class Facts:
    """Everything extraction reads from page text; the record minus its source."""

    language: str = "vi"
    document: DocumentFacts = field(default_factory=DocumentFacts)
    references: list[Reference] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    secondments: list[Secondment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Record:
    source: Source
    language: str
    document: DocumentFacts
    references: list[Reference] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    secondments: list[Secondment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def from_facts(cls, source: Source, facts: Facts) -> Record:
        return cls(source=source, **{f.name: getattr(facts, f.name) for f in fields(Facts)})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        def ev(d: dict[str, Any]) -> Evidence:
            return Evidence(**d)

        doc = dict(data["document"])
        doc["evidence"] = {k: ev(v) for k, v in (doc.get("evidence") or {}).items()}
        doc["signer"] = Signer(**doc["signer"]) if doc.get("signer") else None
        doc["e_signatures"] = [ESignature(**{**e, "evidence": ev(e["evidence"])}) for e in doc.get("e_signatures") or []]
        received = doc.get("received")
        doc["received"] = Received(**{**received, "evidence": ev(received["evidence"])}) if received else None
        src = dict(data["source"])
        src["pages"] = [PageInfo(**p) for p in src.get("pages", [])]

        def items(key: str, kind: type) -> list[Any]:
            return [kind(**{**x, "evidence": ev(x["evidence"])}) for x in data.get(key, [])]

        version = data.get("schema_version", SCHEMA_VERSION)
        if version == "1":
            data = _upgrade_v1(data)
        return cls(
            schema_version=SCHEMA_VERSION,
            source=Source(**src),
            language=data["language"],
            document=DocumentFacts(**{k: v for k, v in doc.items() if k in _DOC_FIELDS}),
            references=items("references", Reference),
            people=items("people", Person),
            counts=items("counts", Count),
            dates=items("dates", DateFact),
            secondments=[_with_place(s) for s in items("secondments", Secondment)],
            warnings=list(data.get("warnings", [])),
        )


_DOC_FIELDS = {f.name for f in fields(DocumentFacts)}


def _with_place(s: Secondment) -> Secondment:
    if isinstance(s.to_place, dict):
        s.to_place = PlaceRef(**s.to_place)
    if isinstance(s.from_place, dict):
        s.from_place = PlaceRef(**s.from_place)
    return s


def _upgrade_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 record (no status) read as version 2: each secondment gets the status its
    document type gives it (extract/status.py's defaults: a decision decides, a plan plans, a
    report reports, a dispatch's bare headcount asks others to send); counts get none. Stores
    are re-read from their page texts by migration 0002, which also sees the words around."""
    from dispatch_reader.extract.status import default_status

    doc_type = (data.get("document") or {}).get("doc_type")
    out = dict(data)
    out["secondments"] = [
        {**s, "status": s.get("status") or default_status(doc_type, named=bool(s.get("person"))),
         "action": s.get("action") or "send"}
        for s in data.get("secondments", [])
    ]
    return out


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("dispatch_reader.schema").joinpath("record-schema.json").read_text("utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `data` breaks the record contract."""
    import jsonschema

    jsonschema.validate(data, schema())
