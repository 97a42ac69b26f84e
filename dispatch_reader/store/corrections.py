"""Corrections: a user's word on one fact of a document, kept apart from what was read.

A correction names the file it was made on (by SHA-256), the fact (`document.number`,
`document.signer.name`, `people[2].name`, `secondments[0].to_unit`, `counts[1].value` — paths
into the record JSON), the value before and after, who and when. It is written into the file's
stored record at once (through `Store.save`, so search, show, briefs, summaries, people and
exports all see it) and applied again by `Store.save` whenever the file is read again, so a
re-extraction does not undo it.

Applied again on a new reading, a correction of a list item (`people[2].name`) goes to the
item whose value is still the one corrected (`before`) or already the corrected one (`after`):
the index first, else the first item of the list that has it; when the new reading has neither,
the correction is not applied and the record says so in a warning. A header field
(`document.*`) is always set: the user's word wins over any reading.

A person's name or unit is read in two places (the people named and the table of sendings):
a correction of one is applied to the other wherever it holds the value corrected, so the
briefs, summaries, exports and the people page all show the corrected name or unit.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from dispatch_reader.errors import NotFoundError, UsageError
from dispatch_reader.record import Record
from dispatch_reader.store.models import Correction, File, Page

ACTIONS = ("correct", "confirm")
# what may be corrected: the facts, never the source, evidence or schema version
FACT_ROOTS = ("document", "people", "secondments", "counts", "dates", "references")
_NOT_FACTS = {"evidence", "source", "schema_version", "boxes", "e_signatures", "to_place", "from_place"}
_TOKEN = re.compile(r"([A-Za-z_]+)|\[(\d+)\]|\.")
_INT_FIELDS = {"count", "value", "total", "birth_year"}
_FLOAT_FIELDS = {"duration_months"}
_DATE_FIELDS = {"issued_date", "start", "end", "date"}


class CorrectionError(UsageError):
    """A correction that cannot be made: unknown path, wrong value."""


@dataclass
class CorrectionEntry:
    id: int
    sha256: str
    path: str
    action: str
    before: Any
    after: Any
    user: str
    at: dt.datetime
    document_id: int | None = None  # set by `correct`: the document's id after the correction

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "sha256": self.sha256, "path": self.path, "action": self.action,
                "before": self.before, "after": self.after, "user": self.user, "at": self.at.isoformat()}


def parse_path(path: str) -> list[str | int]:
    """`people[2].name` → ["people", 2, "name"]; CorrectionError when it is not a fact's path."""
    parts: list[str | int] = []
    pos = 0
    text = path.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise CorrectionError(f"path '{path}': not a field path (e.g. secondments[0].to_unit)")
        if m.group(1):
            parts.append(m.group(1))
        elif m.group(2):
            parts.append(int(m.group(2)))
        pos = m.end()
    if not parts or parts[0] not in FACT_ROOTS or any(p in _NOT_FACTS for p in parts if isinstance(p, str)):
        raise CorrectionError(f"path '{path}': only facts can be corrected ({', '.join(FACT_ROOTS)})")
    if parts[0] != "document" and (len(parts) < 3 or not isinstance(parts[1], int)):
        raise CorrectionError(f"path '{path}': name an item and its field, e.g. {parts[0]}[0].name")
    return parts


def _get(data: Any, parts: list[str | int], path: str) -> Any:
    node = data
    for p in parts:
        try:
            if isinstance(p, int):
                if not isinstance(node, list):
                    raise KeyError(p)
                node = node[p]
            else:
                if not isinstance(node, dict) or p not in node:
                    raise KeyError(p)
                node = node[p]
        except (IndexError, KeyError):
            raise CorrectionError(f"path '{path}': no such fact in this document") from None
    return node


def _set(data: Any, parts: list[str | int], value: Any, path: str) -> None:
    parent = _get(data, parts[:-1], path)
    last = parts[-1]
    if isinstance(last, int) or not isinstance(parent, dict) or last not in parent:
        raise CorrectionError(f"path '{path}': no such fact in this document")
    parent[last] = value


def coerce(path: str, value: Any) -> Any:
    """A value as typed in a form (a string) turned into the field's kind; NFC text; "" is none."""
    field = str(parse_path(path)[-1])
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value.strip())
        if value == "":
            return None
        if field in _INT_FIELDS:
            try:
                return int(value.replace(".", "").replace(",", ""))
            except ValueError:
                raise CorrectionError(f"{path}: '{value}' is not a whole number") from None
        if field in _FLOAT_FIELDS:
            try:
                return float(value.replace(",", "."))
            except ValueError:
                raise CorrectionError(f"{path}: '{value}' is not a number") from None
        if field in _DATE_FIELDS:
            from dispatch_reader.store.filters import FilterError, parse_user_date

            try:
                return parse_user_date(value).isoformat()
            except FilterError as exc:
                raise CorrectionError(f"{path}: {exc}") from None
    elif isinstance(value, list):
        return [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value]
    return value


def _rematch_place(data: dict[str, Any], parts: list[str | int]) -> None:
    """A corrected destination or sending unit is matched to the official list again, so the
    brief shows (and summaries group by) the corrected place, not the one read."""
    if parts[0] != "secondments" or parts[-1] not in ("to_unit", "from_unit"):
        return
    from dispatch_reader.places import match_place, match_unit, province_hint

    item = data["secondments"][parts[1]]
    doc = data["document"]
    target = "to_place" if parts[-1] == "to_unit" else "from_place"
    unit = item.get(parts[-1])
    if not unit:
        item[target] = None
        return
    hint = province_hint(doc.get("issuer"), doc.get("issuer_parent"), doc.get("place"))
    issuer = match_place(doc["issuer"], hint, issued=doc.get("issued_date")) if doc.get("issuer") else None
    m = match_unit(unit, hint, issuer, issued=doc.get("issued_date"))
    keep = target == "to_place" or m.match not in ("unnamed", "aggregate")
    item[target] = m.as_dict() if keep else None


def anchor_of(data: dict[str, Any], parts: list[str | int]) -> str | None:
    """The name of the person a list item's fact belongs to (people[i].name, secondments[i].person):
    what tells the item apart in another copy, where the items may come in another order and
    share the value (every sending of a decision often ends the same day)."""
    field = _NAME_FIELDS.get(str(parts[0]))
    if field is None or len(parts) < 2 or not isinstance(parts[1], int):
        return None
    items = data.get(str(parts[0])) or []
    item = items[parts[1]] if parts[1] < len(items) else None
    return item.get(field) if isinstance(item, dict) else None


def _locate(data: dict[str, Any], parts: list[str | int], before: Any, after: Any, path: str,
            anchor: str | None = None) -> list[str | int] | None:
    """Where a stored correction applies in a (new) reading, or None when nowhere (see module
    doc); with `anchor` (anchor_of in the copy it was made on), the item of that person first."""
    if parts[0] == "document":
        try:
            _get(data, parts[:-1], path)
        except CorrectionError:
            return None
        return parts
    items = data.get(str(parts[0])) or []
    rest = parts[2:]

    def value_at(i: int) -> Any:
        try:
            return _get(items[i], rest, path)
        except CorrectionError:
            return _Missing

    index = int(parts[1])
    field = _NAME_FIELDS.get(str(parts[0]))
    if anchor and field:
        for i, item in enumerate(items):
            if isinstance(item, dict) and item.get(field) == anchor and value_at(i) in (before, after):
                return [parts[0], i, *rest]
    if index < len(items) and value_at(index) in (before, after):
        return parts
    for i in range(len(items)):
        if value_at(i) in (before, after):
            return [parts[0], i, *rest]
    return None


class _Missing:
    pass


def apply(record_data: dict[str, Any], entries: list[CorrectionEntry]) -> dict[str, Any]:
    """The record (JSON form) with `entries` applied, oldest first; a copy."""
    data = copy.deepcopy(record_data)
    for e in sorted(entries, key=lambda e: (e.at, e.id)):
        parts = parse_path(e.path)
        where = _locate(data, parts, e.before, e.after, e.path)
        if e.action != "correct":
            if where is not None:  # confirmed: a user read it on the page, no longer a doubt
                _vouch(data, where)
            continue
        if where is None:
            note = f"correction of {e.path} by {e.user} not applied: the document now reads differently there"
            if note not in data.setdefault("warnings", []):
                data["warnings"].append(note)
            continue
        old = _get(data, where, e.path)
        _set(data, where, e.after, e.path)
        _rematch_place(data, where)
        _vouch(data, where)
        for linked in _same_value_elsewhere(data, where, {e.before, old} - {e.after} if _hashable(e.before, old)
                                            else set()):
            _set(data, linked, e.after, e.path)
            _rematch_place(data, linked)
    return data


def _vouch(data: dict[str, Any], where: list[str | int]) -> None:
    """A fact a user corrected or confirmed is as sure as a born-digital reading: its evidence's
    confidence becomes 1.0, so the page and the brief stop marking it for a check (⚠, "read with
    low confidence"). For a person or sending the evidence is the item's (one reading of it)."""
    ev: Any = None
    if where[0] == "document":
        evidence = data["document"].get("evidence") or {}
        field = str(where[1])
        if field == "signer":
            field = "signer_name" if where[-1] == "name" and "signer_name" in evidence else "signer"
        ev = evidence.get(field)
    else:
        items = data.get(str(where[0])) or []
        item = items[int(where[1])] if int(where[1]) < len(items) else None
        ev = item.get("evidence") if isinstance(item, dict) else None
    if isinstance(ev, dict) and ev.get("confidence") is not None:
        ev["confidence"] = 1.0


def _hashable(*values: Any) -> bool:
    return all(v is None or isinstance(v, (str, int, float)) for v in values)


# the fields that name one person or their unit, in the list of people and in the sendings:
# the same value read twice (a person named in the text and in the table of sendings)
_NAME_FIELDS = {"people": "name", "secondments": "person"}
_UNIT_FIELDS = {"people": "unit", "secondments": "from_unit"}


def _same_value_elsewhere(data: dict[str, Any], where: list[str | int], old: set[Any]) -> list[list[str | int]]:
    """The other places of the record that hold the value just corrected: a person's name in
    the people and in the sendings, a person's unit (people[i].unit) and where they are sent
    from (secondments[j].from_unit). A clerk corrects a name once, and every brief, summary
    and export after shows it (fresh-eyes finding 3)."""
    old = {v for v in old if v not in (None, "")}
    if len(where) != 3 or not old:
        return []
    root, index, field = where
    root = str(root)
    found: list[list[str | int]] = []
    if _NAME_FIELDS.get(root) == field:
        for other, name_field in _NAME_FIELDS.items():
            for i, item in enumerate(data.get(other) or []):
                if [other, i] != [root, index] and isinstance(item, dict) and item.get(name_field) in old:
                    found.append([other, i, name_field])
    elif _UNIT_FIELDS.get(root) == field:
        item = (data.get(root) or [])[int(index)]
        person = item.get(_NAME_FIELDS[root]) if isinstance(item, dict) else None
        if person:
            for other, unit_field in _UNIT_FIELDS.items():
                for i, it in enumerate(data.get(other) or []):
                    if ([other, i] != [root, index] and isinstance(it, dict) and it.get(_NAME_FIELDS[other]) == person
                            and it.get(unit_field) in old):
                        found.append([other, i, unit_field])
    return found


def _entry(row: Any) -> CorrectionEntry:
    at = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.timezone.utc)
    return CorrectionEntry(int(row.id), row.sha256, row.path, row.action,
                           json.loads(row.before_json) if row.before_json is not None else None,
                           json.loads(row.after_json) if row.after_json is not None else None,
                           row.user_name, at)


def for_file(store: Any, sha256: str) -> list[CorrectionEntry]:
    with store._read() as conn:
        rows = conn.execute(select(*Correction.__table__.c).where(Correction.sha256 == sha256).order_by(Correction.id))
        return [_entry(r) for r in rows]


def history(store: Any, doc_id: int) -> list[CorrectionEntry]:
    """Every correction and confirmation made on the document's files, newest first.

    One correction is stored for each copy that has the fact, each under the path the fact has
    in that copy; the history shows it once, under the path it has in the document's best-read
    file NOW (a copy that joined later may rank first and list the facts in another order)."""
    with store._read() as conn:
        rows = conn.execute(select(*Correction.__table__.c).join(File, File.sha256 == Correction.sha256)
                            .where(File.document_id == doc_id)
                            .order_by(Correction.created_at.desc(), File.rank, File.id, Correction.id))
        seen: set[tuple[Any, ...]] = set()
        entries = []
        for r in rows:
            key = (r.created_at, r.user_name, r.action, r.after_json)
            if key not in seen:
                seen.add(key)
                entries.append(_entry(r))
        return entries


def latest_by_path(store: Any, doc_id: int, sha256: str | None = None) -> dict[str, CorrectionEntry]:
    """The newest correction or confirmation of each fact of one file of the document (its
    best-read one unless `sha256` names another), keyed by the fact's path IN THAT FILE: the
    marks on the page land on the fact corrected, whichever copy ranks first."""
    with store._read() as conn:
        if sha256 is None:
            sha256 = conn.execute(select(File.sha256).where(File.document_id == doc_id)
                                  .order_by(File.rank, File.id).limit(1)).scalar()
        if sha256 is None:
            return {}
        rows = conn.execute(select(*Correction.__table__.c).where(Correction.sha256 == sha256)
                            .order_by(Correction.created_at.desc(), Correction.id.desc()))
        found: dict[str, CorrectionEntry] = {}
        for r in rows:
            found.setdefault(r.path, _entry(r))
        return found


def inherit(store: Any, doc_id: int, record: Record) -> bool:
    """Give a file that joined a document the corrections made on the document's other copies
    (stored for it, as if made on it); True when any was, and the file must be stored again."""
    sha = record.source.sha256
    with store._read() as conn:
        shas = select(File.sha256).where(File.document_id == doc_id).scalar_subquery()
        rows = conn.execute(select(*Correction.__table__.c).where(Correction.sha256.in_(shas))
                            .order_by(Correction.created_at, Correction.id)).all()
        stored = {r.sha256: r.record_json for r in conn.execute(
            select(File.sha256, File.record_json).where(File.document_id == doc_id))}
    own = {(r.created_at, r.user_name, r.action, r.after_json) for r in rows if r.sha256 == sha}
    data = record.to_dict()
    new = []
    for r in rows:
        key = (r.created_at, r.user_name, r.action, r.after_json)
        if r.sha256 == sha or key in own:
            continue
        e = _entry(r)
        parts = parse_path(e.path)
        anchor = None
        if r.sha256 in stored and parts[0] != "document":
            try:
                anchor = anchor_of(json.loads(stored[r.sha256]), parts)
            except (ValueError, CorrectionError):
                anchor = None
        where = _locate(data, parts, e.before, e.after, e.path, anchor)
        own.add(key)
        if where is not None:
            new.append({"sha256": sha, "path": _path_text(where), "action": e.action,
                        "before_json": json.dumps(_get(data, where, e.path), ensure_ascii=False),
                        "after_json": r.after_json, "user_name": r.user_name, "created_at": r.created_at})
    if new:
        with store._write() as conn:
            conn.execute(insert(Correction), new)
    # a confirmation changes no value: the file need not be stored again for it alone
    return any(n["action"] == "correct" for n in new)


def _path_text(parts: list[str | int]) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[")


def correct(store: Any, doc_id: int, path: str, value: Any, user: str, action: str = "correct") -> CorrectionEntry:
    """Correct (or confirm) one fact of a document, as its page shows it (its best-read file).

    The correction is stored for every file of the document that has the fact (a scan and its
    born-digital file: whichever ranks first later, the fact stays corrected, and a corrected
    number keeps the copies together), then each file's record is stored again with it applied
    (through Store.save: one seam for every write). The entry returned is the best file's; its
    `document_id` is the document's id afterwards (a corrected number or date can make it
    another document). NotFoundError when the document does not exist, CorrectionError for a
    path or value that does not fit the record."""
    if action not in ACTIONS:
        raise CorrectionError(f"action '{action}': one of {', '.join(ACTIONS)}")
    parts = parse_path(path)
    with store._read() as conn:
        files = conn.execute(select(File.id, File.sha256, File.record_json, File.extractor_version)
                             .where(File.document_id == doc_id).order_by(File.rank, File.id)).all()
        if not files:
            raise NotFoundError(None, f"document {doc_id}: not stored")
        texts = {f.id: list(conn.execute(select(Page.text).where(Page.file_id == f.id).order_by(Page.number))
                            .scalars()) for f in files}
    best = json.loads(files[0].record_json)
    before = _get(best, parts, path)
    if isinstance(before, (dict, list)) and not (isinstance(before, list) and all(isinstance(v, str) for v in before)):
        raise CorrectionError(f"path '{path}': name one field, not a group of fields")
    after = before if action == "confirm" else coerce(path, value)
    now = dt.datetime.now(dt.timezone.utc)
    entry = CorrectionEntry(0, files[0].sha256, _path_text(parts), action, before, after, user, now)
    _check(store, apply(best, [entry]), path)
    targets = [(files[0], best, parts)]
    # confirmations too: the mark follows the fact when another copy ranks first later
    anchor = anchor_of(best, parts) if parts[0] != "document" else None
    for f in files[1:]:
        data = json.loads(f.record_json)
        where = _locate(data, parts, before, after, path, anchor)
        if where is not None:
            targets.append((f, data, where))
    ids: list[int] = []
    with store._write() as conn:
        for f, data, where in targets:
            ids.append(int(conn.execute(insert(Correction).values(
                sha256=f.sha256, path=_path_text(where), action=action,
                before_json=json.dumps(_get(data, where, path), ensure_ascii=False),
                after_json=json.dumps(after, ensure_ascii=False), user_name=user, created_at=now)
            ).inserted_primary_key[0]))
    entry.id = ids[0]
    if action == "confirm" or after != before:  # a confirmation clears the fact's low-confidence marks
        try:
            for f, data, _where in targets:
                store.save(Record.from_dict(data), page_texts=texts[f.id], extractor_version=f.extractor_version)
        except Exception:
            with store._write() as conn:  # not stored after all: no correction without its effect
                conn.execute(delete(Correction).where(Correction.id.in_(ids)))
            raise
    found = store.find_ids(files[0].sha256)
    entry.document_id = found[0] if found else doc_id
    return entry


def _check(store: Any, data: dict[str, Any], path: str) -> None:
    from dispatch_reader.store.store import _validator

    error = next(_validator().iter_errors(data), None)
    if error is not None:
        raise CorrectionError(f"{path}: {error.message}")
