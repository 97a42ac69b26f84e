"""People across documents: who was sent where and when, one person across documents and languages.

A mention is one document naming one name (its best-read file's people and secondments). Two
mentions in different documents are the same person when their names agree without diacritics
(`Nguyen Van Khai` = `Nguyễn Văn Khải`) and

- their birth years agree, where both documents give one; or
- their sending bodies agree (one inside the other once folded: `Sở Nội vụ` and `Phòng Công
  chức, Sở Nội vụ tỉnh Lai Châu`; English names read as their Vietnamese ones from
  data/bodies_en.json: `Department of Finance` = `Sở Tài chính`), and no birth years differ; or
- the name is unique in the store: no two of its mentions contradict each other (different birth
  years, or sending bodies that do not agree), so there is one person of that name to be.

A name with namesakes (contradicting mentions) joins only what agrees; a bare mention of it (no
body, no year) stays a person of its own rather than be guessed into one of them. The spelling
shown is the one used most among those with diacritics. A user's word overrides all of this
(`people merge A B`: the two mentions are one person, whatever the names; `people split A B`:
two people), stored in `person_overrides` by document key and folded name, so it survives
reading the files again.

Events: a sending the document decides is `sent`, `extended` or `recalled`; one it asks for,
plans or reports (and every sending in a press report about another document) is `requested`,
`planned` or `reported`; a name without a sending is `mentioned`. "Seconded only" keeps the
first three.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from sqlalchemy import Connection, or_, select

from dispatch_reader.errors import UsageError
from dispatch_reader.store import keys
from dispatch_reader.store.models import Document, Evidence, File, Person, PersonOverride, Secondment
from dispatch_reader.textnorm import fold

SENDING = ("sent", "extended", "recalled")


@dataclass
class PersonEvent:
    document_id: int
    number: str | None
    issued_date: dt.date | None
    action: str  # sent, extended, recalled; requested, planned, reported; mentioned
    kind: str | None = None  # secondment, transfer, rotation, reinforcement
    from_unit: str | None = None
    to_unit: str | None = None
    position: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    page: int | None = None
    quote: str | None = None
    status: str | None = None  # decided, requested, planned, reported (None: a mention)
    name: str | None = None  # as this document writes it
    file_name: str | None = None  # the file the facts are read from


@dataclass
class PersonHistory:
    name: str  # the spelling used most, diacritics preferred
    key: str  # the folded name
    units: list[str] = field(default_factory=list)
    birth_year: int | None = None
    events: list[PersonEvent] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every spelling seen
    ref: str = ""  # how to name this person to `people merge` / `people split`: NAME@DOCUMENT

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


# -- sending bodies ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _english_bodies() -> tuple[list[tuple[str, str]], list[tuple[re.Pattern[str], str]]]:
    raw = json.loads(resources.files("dispatch_reader.store").joinpath("data/bodies_en.json").read_text("utf-8"))
    names = sorted(((" ".join(keys.terms(en)), " ".join(keys.terms(vi))) for en, vi in raw["names"].items()),
                   key=lambda p: -len(p[0]))
    patterns = []
    for en, vi in raw["patterns"].items():
        left, right = (" ".join(keys.terms(part)) for part in en.split("{place}"))
        rx = re.compile(r"\b" + (re.escape(left) + r"\s+" if left else "") + r"(?P<place>[a-z0-9 ]+?)"
                        + (r"\s+" + re.escape(right) if right else "") + r"\b")
        patterns.append((rx, " ".join(keys.terms(vi.replace("{place}", "PLACE"))).replace("place", "{place}")))
    return names, patterns


def body_key(unit: str | None) -> str | None:
    """A sending body as a padded folded key, English names read as the Vietnamese ones."""
    words = " ".join(keys.terms(unit or ""))
    if not words:
        return None
    names, patterns = _english_bodies()
    for rx, vi in patterns:
        words = rx.sub(lambda m, vi=vi: vi.format(place=m.group("place")), words)
    for en, vi in names:
        words = re.sub(rf"\b{re.escape(en)}\b", vi, words)
    return f" {words} "


def bodies_agree(a: Iterable[str], b: Iterable[str]) -> bool:
    return any(x in y or y in x for x in a for y in b)


# -- mentions ----------------------------------------------------------------------------------

@dataclass
class _Mention:
    """Everything one document says about one name."""

    document_id: int
    document_key: str
    number: str | None
    issued_date: dt.date | None
    subject: str | None
    doc_type: str | None
    file_name: str | None
    report: bool
    key: str
    names: list[str] = field(default_factory=list)
    bodies: set[str] = field(default_factory=set)
    units: list[str] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    secondments: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)


def _rows(conn: Connection, model: Any, key_col: Any, cond: Any) -> list[Any]:
    """Rows of `model` in best-read files whose name key meets `cond`, with their document's columns."""
    return conn.execute(
        select(*model.__table__.c, File.document_id.label("doc_id"), Document.key.label("doc_key"),
               File.number.label("doc_number"), File.issued_date.label("doc_date"), File.subject.label("doc_subject"),
               File.doc_type.label("doc_type"), File.file_name.label("doc_file"),
               Evidence.page.label("ev_page"), Evidence.quote.label("ev_quote"))
        .join(File, File.id == model.file_id)
        .join(Document, Document.id == File.document_id)
        .outerjoin(Evidence, Evidence.id == model.evidence_id)
        .where(File.rank == 1, cond).order_by(File.document_id, model.ordinal)).all()


def _overrides(conn: Connection, name_keys: set[str] | None = None) -> list[Any]:
    stmt = select(PersonOverride).order_by(PersonOverride.id)
    if name_keys is not None:
        stmt = stmt.where(or_(PersonOverride.a_name_key.in_(name_keys), PersonOverride.b_name_key.in_(name_keys)))
    return list(conn.execute(stmt).all())


def _wanted_keys(conn: Connection, min_documents: int) -> set[str]:
    """Names that occur in enough documents (found without loading every mention), and names a
    user merged (whose documents add up only with their partner's)."""
    per_key: dict[str, set[int]] = defaultdict(set)
    for model, col in ((Person, Person.name_key), (Secondment, Secondment.person_key)):
        stmt = (select(col, File.document_id).join(File, File.id == model.file_id)
                .where(File.rank == 1, col.is_not(None)).distinct())
        for k, doc_id in conn.execute(stmt):
            per_key[k].add(doc_id)
    wanted = {k for k, docs in per_key.items() if len(docs) >= min_documents}
    for o in _overrides(conn):
        if o.action == "merge":
            wanted |= {o.a_name_key, o.b_name_key}
    return wanted


def _load(conn: Connection, name: str | None, min_documents: int) -> tuple[list[_Mention], list[Any]]:
    """The mentions to cluster, and the overrides that touch them."""
    if name:
        pattern = keys.like_pattern(name)
        if pattern is None:
            return [], []
        person_cond = Person.name_key.like(pattern, escape="\\")
        sec_cond = Secondment.person_key.like(pattern, escape="\\")
    else:
        wanted = _wanted_keys(conn, min_documents)
        if not wanted:
            return [], []
        person_cond, sec_cond = Person.name_key.in_(wanted), Secondment.person_key.in_(wanted)
    people = _rows(conn, Person, Person.name_key, person_cond)
    seconded = _rows(conn, Secondment, Secondment.person_key, sec_cond)
    # a user's merge brings in the other name's mentions too
    loaded = {p.name_key for p in people} | {s.person_key for s in seconded}
    overrides = _overrides(conn, loaded)
    extra = {k for o in overrides if o.action == "merge" for k in (o.a_name_key, o.b_name_key)} - loaded
    while extra:
        people += _rows(conn, Person, Person.name_key, Person.name_key.in_(extra))
        seconded += _rows(conn, Secondment, Secondment.person_key, Secondment.person_key.in_(extra))
        loaded |= extra
        overrides = _overrides(conn, loaded)
        extra = {k for o in overrides if o.action == "merge" for k in (o.a_name_key, o.b_name_key)} - loaded

    mentions: dict[tuple[int, str], _Mention] = {}

    def mention(row: Any, k: str) -> _Mention:
        got = mentions.get((row.doc_id, k))
        if got is None:
            got = mentions[(row.doc_id, k)] = _Mention(
                row.doc_id, row.doc_key, row.doc_number, row.doc_date, row.doc_subject, row.doc_type, row.doc_file,
                row.doc_key.startswith("report:"), k)
        return got

    for p in people:
        m = mention(p, p.name_key)
        m.names.append(p.name)
        m.people.append(p)
        if p.unit:
            m.bodies.add(body_key(p.unit) or "")
            m.units.append(p.unit)
        if p.birth_year:
            m.years.add(p.birth_year)
    for s in seconded:
        m = mention(s, s.person_key)
        m.names.append(s.person)
        m.secondments.append(s)
        year = keys.birth_year(s.ev_quote)
        if year:
            m.years.add(year)
        if s.from_unit and not m.units:  # the person's own unit, when no people row says it
            m.bodies.add(body_key(s.from_unit) or "")
            m.units.append(s.from_unit)
    for m in mentions.values():
        m.bodies.discard("")
    ordered = sorted(mentions.values(), key=lambda m: (m.issued_date or dt.date.max, m.document_id, m.key))
    return ordered, overrides


# -- identity ----------------------------------------------------------------------------------

def _contradict(a: _Mention, b: _Mention) -> bool:
    """Two mentions of one name that cannot be one person: different birth years, or (without
    years on both) sending bodies that do not agree."""
    if a.years and b.years:
        return not (a.years & b.years)
    return bool(a.bodies and b.bodies and not bodies_agree(a.bodies, b.bodies))


def _agree(a: _Mention, b: _Mention) -> bool:
    """Positive evidence: the same birth year, or agreeing bodies with no birth-year conflict."""
    if a.years and b.years:
        return bool(a.years & b.years)
    return bool(a.bodies and b.bodies and bodies_agree(a.bodies, b.bodies))


class _Clusters:
    """Union-find over mentions, with the pairs a user split kept apart."""

    def __init__(self, mentions: list[_Mention], apart: set[tuple[int, int]]) -> None:
        self.parent = list(range(len(mentions)))
        self.groups: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
        self.years: dict[int, set[int]] = {i: set(m.years) for i, m in enumerate(mentions)}
        self.apart = apart

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_join(self, i: int, j: int) -> bool:
        ra, rb = self.find(i), self.find(j)
        if ra == rb:
            return False
        ya, yb = self.years[ra], self.years[rb]
        if ya and yb and not (ya & yb):  # a person has one birth year
            return False
        return not any((x, y) in self.apart or (y, x) in self.apart for x in self.groups[ra] for y in self.groups[rb])

    def join(self, i: int, j: int) -> None:
        ra, rb = self.find(i), self.find(j)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.groups[ra] += self.groups.pop(rb)
        self.years[ra] |= self.years.pop(rb)


def cluster(mentions: list[_Mention], overrides: list[Any]) -> list[list[_Mention]]:
    """Mentions grouped into people (the rules in the module docstring)."""
    index = {(m.document_key, m.key): i for i, m in enumerate(mentions)}

    def pairs(action: str) -> list[tuple[int, int]]:
        out = []
        for o in overrides:
            a, b = index.get((o.a_document_key, o.a_name_key)), index.get((o.b_document_key, o.b_name_key))
            if o.action == action and a is not None and b is not None:
                out.append((a, b))
        return out

    uf = _Clusters(mentions, set(pairs("split")))
    for a, b in pairs("merge"):  # the user's word first; it may join different names
        uf.join(a, b)
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_name[m.key].append(i)
    for idx in by_name.values():
        unique = not any(_contradict(mentions[a], mentions[b]) for n, a in enumerate(idx) for b in idx[n + 1:])
        for n, a in enumerate(idx):
            for b in idx[n + 1:]:
                if (unique or _agree(mentions[a], mentions[b])) and uf.can_join(a, b):
                    uf.join(a, b)
    groups: dict[int, list[_Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[uf.find(i)].append(m)
    return list(groups.values())


# -- events and histories ----------------------------------------------------------------------

def _status(s: Any, doc_type: str | None) -> str:
    if s.status:
        return s.status
    from dispatch_reader.extract.status import default_status

    return default_status(doc_type, named=True)


def _events(m: _Mention) -> list[PersonEvent]:
    if not m.secondments:
        p = m.people[0]
        return [PersonEvent(m.document_id, m.number, m.issued_date, "mentioned", position=p.position,
                            from_unit=p.unit, page=p.ev_page, quote=p.ev_quote, name=p.name, file_name=m.file_name)]
    out = []
    for s in m.secondments:
        status = "reported" if m.report else _status(s, m.doc_type)
        if status != "decided":
            action = status
        else:
            action = {"extend": "extended", "end": "recalled"}.get(s.action or "") or action_of(m.subject, s.ev_quote)
        out.append(PersonEvent(m.document_id, m.number, m.issued_date, action, kind=s.kind, from_unit=s.from_unit,
                               to_unit=s.to_unit, position=s.position, start=s.start, end=s.end, page=s.ev_page,
                               quote=s.ev_quote, status=status, name=s.person, file_name=m.file_name))
    return out


def display_name(names: list[str]) -> str:
    """The spelling used most among those with diacritics (else among all)."""
    marked = [n for n in names if fold(n) != n.lower()]
    return Counter(marked or names).most_common(1)[0][0]


def mention_ref(name: str, number: str | None, document_id: int) -> str:
    """How a user names one mention: `Nguyễn Văn Khải@1587/QĐ-UBND` (or `@#12`, the document id)."""
    return f"{name}@{number}" if number else f"{name}@#{document_id}"


def person_histories(conn: Connection, name: str | None = None, *, min_documents: int = 1,
                     seconded_only: bool = False) -> list[PersonHistory]:
    """People whose name matches `name` (whole words, any diacritics), or everyone named in at
    least `min_documents` documents; each with their events in date order. `seconded_only`
    keeps only sendings the documents decide (sent, extended, recalled): not a signer, not a
    person a document asks for, plans or reports."""
    mentions, overrides = _load(conn, name, min_documents)
    out = []
    for members in cluster(mentions, overrides):
        names = [n for m in members for n in m.names]
        years = {y for m in members for y in m.years}
        first = members[0]
        ref_of = next((m for m in members if not m.report), first)
        history = PersonHistory(
            name=display_name(names),
            key=first.key,
            units=list(dict.fromkeys(u for m in members for u in m.units if u)),
            birth_year=min(years) if len(years) == 1 else None,
            events=[e for m in members for e in _events(m) if not (seconded_only and e.action not in SENDING)],
            names=list(dict.fromkeys(names)),
            # a report shares its number with the document it reports on: named by its id
            ref=mention_ref(display_name(ref_of.names), None if ref_of.report else ref_of.number, ref_of.document_id),
        )
        if history.events and history.document_count >= min_documents:
            out.append(history)
    out.sort(key=lambda h: (-h.document_count, h.key, h.events[0].issued_date or dt.date.max))
    return out


# -- a user's word: merge and split --------------------------------------------------------------

class PersonRefError(UsageError, ValueError):
    """A person reference (`NAME@DOCUMENT`) that names no mention, or more than one."""


def resolve_mention(conn: Connection, ref: str, find_ids: Any) -> tuple[str, str, str]:
    """`NAME@DOCUMENT` (or just `NAME` when one document names it) → (document key, folded name,
    what to call it in messages). DOCUMENT is a number, `#id` or an id, or a file's SHA-256."""
    name, _, doc = ref.rpartition("@") if "@" in ref else (ref, "", "")
    name_key = keys.key(name)
    if not name_key:
        raise PersonRefError(f"'{ref}': no name")
    in_docs = set()
    for model, col in ((Person, Person.name_key), (Secondment, Secondment.person_key)):
        in_docs |= set(conn.execute(select(File.document_id).join(model, model.file_id == File.id)
                                    .where(File.rank == 1, col == name_key)).scalars())
    if doc:
        wanted = find_ids(int(doc[1:]) if doc.startswith("#") and doc[1:].isdigit() else doc)
        in_docs &= set(wanted)
    if doc and len(in_docs) > 1:  # a number is its document's own, not that of the reports about it
        own = set(conn.execute(select(Document.id).where(Document.id.in_(in_docs),
                                                         Document.key.not_like("report:%"))).scalars())
        in_docs = own or in_docs
    if not in_docs:
        raise PersonRefError(f"'{ref}': no stored document names {name.strip()}" + (f" in {doc}" if doc else ""))
    if len(in_docs) > 1:
        raise PersonRefError(f"'{ref}': {len(in_docs)} documents name {name.strip()}; say which, e.g. "
                             f"'{name.strip()}@NUMBER' (see `people \"{name.strip()}\"`)")
    doc_id = in_docs.pop()
    key = conn.execute(select(Document.key).where(Document.id == doc_id)).scalar_one()
    return key, name_key, ref
