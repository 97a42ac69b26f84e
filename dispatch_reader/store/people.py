"""People across documents: who was sent where and when, told apart by name plus unit or birth year.

Two mentions are taken for the same person when their names agree without diacritics and
nothing says otherwise: birth years, where both are given, must be equal; failing that, units,
where both are given, must overlap (one key inside the other: "Sở Nội vụ" and "Sở Nội vụ tỉnh
Lai Châu"). A mention with neither joins the first person of that name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Connection, select

from dispatch_reader.store import keys
from dispatch_reader.store.models import Document, Evidence, Person, Secondment
from dispatch_reader.textnorm import fold


@dataclass
class PersonEvent:
    document_id: int
    number: str | None
    issued_date: dt.date | None
    action: str  # sent, extended, recalled; requested, planned, reported (nobody sent yet); mentioned
    kind: str | None = None  # secondment, transfer, rotation, reinforcement
    from_unit: str | None = None
    to_unit: str | None = None
    position: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    page: int | None = None
    quote: str | None = None


@dataclass
class PersonHistory:
    name: str  # the spelling used most
    key: str
    units: list[str] = field(default_factory=list)
    birth_year: int | None = None
    events: list[PersonEvent] = field(default_factory=list)

    @property
    def document_count(self) -> int:
        return len({e.document_id for e in self.events})

    @property
    def times_sent(self) -> int:
        return sum(1 for e in self.events if e.action == "sent")


@lru_cache(maxsize=1)
def _event_words() -> dict[str, list[str]]:
    raw = json.loads(resources.files("dispatch_reader.store").joinpath("data/events.json").read_text("utf-8"))
    return {action: [fold(w) for w in words] for action, words in raw.items() if not action.startswith("_")}


def action_of(*texts: str | None) -> str:
    """sent, extended or recalled, from the words of the subject and the quote."""
    folded = " ".join(fold(t) for t in texts if t)
    for action in ("recalled", "extended"):
        if any(w in folded for w in _event_words()[action]):
            return action
    return "sent"


@dataclass
class _DocMention:
    """Everything one document says about one name."""

    document_id: int
    number: str | None
    issued_date: dt.date | None
    subject: str | None
    key: str
    names: list[str] = field(default_factory=list)
    unit_keys: set[str] = field(default_factory=set)
    units: list[str] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    secondments: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)


def _load(conn: Connection, name: str | None, min_documents: int) -> list[_DocMention]:
    pattern = keys.like_pattern(name) if name else None
    if name and pattern is None:
        return []
    wanted: set[str] | None = None
    if pattern is None:
        # only names that occur in enough documents, found without loading every mention
        per_key: dict[str, set[int]] = defaultdict(set)
        for model, col in ((Person, Person.name_key), (Secondment, Secondment.person_key)):
            stmt = select(col, model.document_id).where(col.is_not(None)).distinct()
            for k, doc_id in conn.execute(stmt):
                per_key[k].add(doc_id)
        wanted = {k for k, docs in per_key.items() if len(docs) >= min_documents}
        if not wanted:
            return []

    def where(col: Any) -> Any:
        return col.like(pattern, escape="\\") if pattern is not None else col.in_(wanted or set())

    mentions: dict[tuple[int, str], _DocMention] = {}

    def mention(row: Any, k: str) -> _DocMention:
        got = mentions.get((row.document_id, k))
        if got is None:
            got = mentions[(row.document_id, k)] = _DocMention(row.document_id, row.doc_number, row.doc_date,
                                                               row.doc_subject, k)
        return got

    doc_cols = (Document.number.label("doc_number"), Document.issued_date.label("doc_date"),
                Document.subject.label("doc_subject"), Evidence.page.label("ev_page"),
                Evidence.quote.label("ev_quote"))
    def rows_of(model: Any, key_col: Any) -> list[Any]:
        """Every row of `model` whose name key matches, with its document's and evidence's columns."""
        return conn.execute(
            select(*model.__table__.c, *doc_cols)
            .join(Document, Document.id == model.document_id)
            .outerjoin(Evidence, Evidence.id == model.evidence_id)
            .where(where(key_col)).order_by(model.document_id, model.ordinal)).all()

    people = rows_of(Person, Person.name_key)
    for p in people:
        m = mention(p, p.name_key)
        m.names.append(p.name)
        m.people.append(p)
        if p.unit_key:
            m.unit_keys.add(p.unit_key)
            m.units.append(p.unit)
        if p.birth_year:
            m.years.add(p.birth_year)
    seconded = rows_of(Secondment, Secondment.person_key)
    for s in seconded:
        m = mention(s, s.person_key)
        m.names.append(s.person)
        m.secondments.append(s)
        year = keys.birth_year(s.ev_quote)
        if year:
            m.years.add(year)
        if s.from_key and not m.unit_keys:  # the person's own unit, when no people row says it
            m.unit_keys.add(s.from_key)
            m.units.append(s.from_unit)
    return sorted(mentions.values(), key=lambda m: (m.issued_date or dt.date.max, m.document_id))


def _compatible(person: _DocMention, m: _DocMention) -> bool:
    if person.years and m.years:
        return bool(person.years & m.years)
    if person.unit_keys and m.unit_keys:
        return any(a in b or b in a for a in person.unit_keys for b in m.unit_keys)
    return True


def _events(m: _DocMention) -> list[PersonEvent]:
    if not m.secondments:
        p = m.people[0]
        return [PersonEvent(m.document_id, m.number, m.issued_date, "mentioned", position=p.position,
                            from_unit=p.unit, page=p.ev_page, quote=p.ev_quote)]
    return [PersonEvent(m.document_id, m.number, m.issued_date, _action(m, s), kind=s.kind,
                        from_unit=s.from_unit, to_unit=s.to_unit, position=s.position, start=s.start, end=s.end,
                        page=s.ev_page, quote=s.ev_quote)
            for s in m.secondments]


_ACTIONS = {"send": "sent", "extend": "extended", "end": "recalled"}


def _action(m: _DocMention, s: Any) -> str:
    """What the document does to the person: the row's status and action (schema 2); a row
    without them is read from the words of the subject and the quote."""
    status, action = getattr(s, "status", None), getattr(s, "action", None)
    if status and status != "decided":
        return status  # asked for, planned or reported: nobody is sent by this document
    if action in _ACTIONS:
        return _ACTIONS[action]
    return action_of(m.subject, s.ev_quote)


def person_histories(conn: Connection, name: str | None = None, *, min_documents: int = 1,
                     seconded_only: bool = False) -> list[PersonHistory]:
    """People whose name matches `name` (whole words, any diacritics), or everyone named in at
    least `min_documents` documents; each with their events in date order. `seconded_only`
    drops mentions that send nobody anywhere (a signer, a person in a report)."""
    clusters: list[tuple[_DocMention, list[_DocMention]]] = []  # (merged facts, mentions)
    for m in _load(conn, name, min_documents):
        for merged, members in clusters:
            if merged.key == m.key and _compatible(merged, m):
                members.append(m)
                merged.years |= m.years
                merged.unit_keys |= m.unit_keys
                merged.units += m.units
                merged.names += m.names
                break
        else:
            merged = _DocMention(0, None, None, None, m.key, list(m.names), set(m.unit_keys), list(m.units),
                                 set(m.years))
            clusters.append((merged, [m]))
    out = []
    for merged, members in clusters:
        history = PersonHistory(
            name=Counter(merged.names).most_common(1)[0][0],
            key=merged.key,
            units=list(dict.fromkeys(u for u in merged.units if u)),
            birth_year=min(merged.years) if len(merged.years) == 1 else None,
            events=[e for m in members for e in _events(m)
                    if not (seconded_only and e.action not in ("sent", "extended", "recalled"))],
        )
        if history.events and history.document_count >= min_documents:
            out.append(history)
    out.sort(key=lambda h: (-h.document_count, h.key))
    return out


