"""What a summary brief shows over a selection of records, computed once for every format.

Counting rules a reader can check against the records:
- only sendings the documents decide are people sent (status `decided`); what a document asks
  others to send, plans or reports stands on its own labelled line (`not_counted`: đề nghị cử,
  kế hoạch, theo báo cáo), never added to the total;
- one secondment entry stands for one named person, or for the count it states;
- a document stored twice (a born-digital file and its scan, a translation: same number, same
  issue date; store/identity.py) is counted once, from its best-read copy; a press report about
  a document counted here adds nothing (its files are listed with the document's); a report
  about a document not here counts what it tells as `reported`;
- a person named in several documents (a second posting, an extension) is counted once, where
  the latest of them sends them; extensions after it are folded into that sending (its end, its
  `doc_text`), the other entries are marked `superseded`, all are listed under people named in
  more than one document, and only the latest period can be "ending soon"; when the latest ends
  the sending (chấm dứt, thu hồi), the person is no longer counted (listed under `ended`);
- a destination that is a group of places (`37 xã, phường`, `các xã`) is one aggregate row of
  the breakdown by destination, not a place;
- with a destination filter, only the secondments to that place are counted.
Every breakdown therefore adds up to `total_people`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Container, Iterable, Sequence

from dispatch_reader.briefs.document import (
    doc_title, end_of, heads, low_pages, number_needs_check, sending_needs_check, status_of, type_name,
    weak_evidence,
)
from dispatch_reader.briefs.formatting import format_date, format_month, format_number, parse_iso, people_n
from dispatch_reader.briefs.grouping import (
    destination_label, field_label, group_key, is_aggregate, matches_place, sending_body,
)
from dispatch_reader.briefs.places import AGGREGATE_KEY, own_unit_label, place_fields
from dispatch_reader.places import Province, find_province, province_hint
from dispatch_reader.briefs.labels import labels
from dispatch_reader.store import identity, keys

DEFAULT_ENDING_WITHIN = 30  # days: a month's notice is what a Home Affairs department plans with

def number_key(number: str | None) -> str | None:
    """Numbers compare without case, diacritics or spaces: `1335/UBND-NC` = `1335 / ubnd-nc`
    (the store's key, store/keys.py)."""
    return keys.number_key(number)


@dataclass
class Selection:
    """The filters a summary was made with, for its header and for counting per destination."""

    date_from: date | None = None
    date_to: date | None = None
    commune: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    doc_type_label: str | None = None  # of a kind with no type of its own (`Văn bản hợp nhất`)

    def describe(self, lang: str) -> str:
        lab = labels(lang)
        msg = lab["messages"]
        start, end = format_date(self.date_from, lang), format_date(self.date_to, lang)
        if start and end:
            parts = [msg["selection_dates"].format(start=start, end=end)]
        elif start:
            parts = [msg["selection_from"].format(start=start)]
        elif end:
            parts = [msg["selection_to"].format(end=end)]
        else:
            parts = [msg["selection_all"]]
        if self.commune:
            parts.append(msg["selection_commune"].format(value=self.commune))
        if self.issuer:
            parts.append(msg["selection_issuer"].format(value=self.issuer))
        if self.doc_type:
            named = type_name({"doc_type": self.doc_type, "doc_type_label": self.doc_type_label}, lang)
            if self.doc_type_label and named == lab["doc_types"].get("other"):
                named = self.doc_type_label  # a kind the briefs have no name of their own for (`QUY CHẾ`)
            parts.append(msg["selection_doc_type"].format(value=named))
        return "; ".join(parts)


@dataclass
class _Group:
    label: str
    people: int = 0
    entries: int = 0
    documents: set[int] = field(default_factory=set)


def _facts(record: dict[str, Any]) -> identity.FileFacts:
    return identity.FileFacts.from_record(record)


def _document_order(document: tuple[dict[str, Any], list[dict[str, Any]]]) -> tuple[str, str, str]:
    """A document's place in every list: by issue date, number, then its best file's name."""
    d = document[0]["document"]
    return d.get("issued_date") or "9999", d.get("number") or "", document[0]["source"]["file_name"]


def _quality(record: dict[str, Any]) -> tuple[Any, ...]:
    """Sort key, best copy first (store/identity.py): the Vietnamese born-digital original, a scan
    with higher OCR confidence, a translation, a report; then the one with more sendings."""
    return identity.quality(_facts(record))


def merge_copies(records: Iterable[dict[str, Any]],
                 groups: list[list[int]] | None = None) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Records grouped into documents: (best copy, all copies), in input order of first copy.

    `groups` is the store's grouping (indexes into `records`, one list per stored document);
    without it the records are grouped here by the store's own rules (store/identity.py: same
    number and issue date, issuers agreeing within a language, because two communes may both
    issue `15/QĐ-UBND` on the same day). A press report about a document (a document of its own
    in the store) is counted with the document it reports on when that one is here too: its
    files are copies of it; a report whose document is not here stands alone, and what it tells
    is `reported` (see `_read_documents`).
    """
    records = list(records)
    if groups is None:
        facts = [identity.FileFacts.from_record(r, i=i) for i, r in enumerate(records)]
        groups = [[f.extra["i"] for f in g] for g in identity.group(facts)]
    clusters = [[records[i] for i in g] for g in groups if g]
    clusters = [sorted(c, key=_quality) for c in clusters]
    documents: dict[str, list[dict[str, Any]]] = {}
    for c in clusters:
        documents.setdefault(identity.document_key(_facts(c[0])), c)
    out: list[list[dict[str, Any]]] = []
    for c in clusters:
        about = identity.refers_to_key(_facts(c[0]))
        if about and about in documents and documents[about] is not c:
            documents[about].extend(c)  # a report about a document counted here: copies of it
        else:
            out.append(c)
    return [(_surest_readings(c), c) for c in out]


def _surest_readings(copies: list[dict[str, Any]]) -> dict[str, Any]:
    """The best copy, with what it read under the confidence line taken from another copy that
    read it surer: the subject (a phone photo's `TH tăng cường …`, the photocopy's `Về việc tăng
    cường …`) and a sending's person (`Sting Thị Mỷ` on the photo, `Sùng Thị Mỷ` on the
    photocopy; a sending is the same in both when its destination and period are). Tester's finds."""
    best = copies[0]
    # another reading of the same words: a Vietnamese copy, not a translation or a press report
    copies = [best] + [c for c in copies[1:] if c.get("language") == best.get("language")
                       and identity.role(_facts(c)) != "report"]
    if len(copies) < 2:
        return best
    d = best["document"]
    subject = _surer(d.get("subject"), (d.get("evidence") or {}).get("subject"),
                     [(c["document"].get("subject"), (c["document"].get("evidence") or {}).get("subject"))
                      for c in copies[1:]])
    if subject:
        best = best | {"document": d | {"subject": subject[0], "evidence": dict(d.get("evidence") or {},
                                                                                 subject=subject[1])}}
    others = [_by_sending(c["secondments"]) for c in copies[1:]]
    sendings = []
    for key, s in zip(_sending_keys(best["secondments"]), best["secondments"]):
        person = _surer(s.get("person"), s.get("evidence"),
                        [(o[key].get("person"), o[key].get("evidence")) for o in others if key and key in o])
        # the sending's own evidence stays: its unit and period were read as weakly as the name
        sendings.append(s | {"person": person[0]} if person else s)
    return best | {"secondments": sendings}


def _surer(value: Any, evidence: dict[str, Any] | None,
           others: list[tuple[Any, dict[str, Any] | None]]) -> tuple[Any, dict[str, Any]] | None:
    """(value, evidence) of the surest other reading, when `value` was read under the confidence
    line and that one was not; None to keep `value`."""
    if not value or not weak_evidence(evidence):
        return None

    def sureness(ev: dict[str, Any] | None) -> float:
        conf = (ev or {}).get("confidence")
        return 1.0 if conf is None else conf  # a text layer's words are as printed

    read = [(v, ev) for v, ev in others if v and ev and v != value and not weak_evidence(ev)]
    surest = max(read, key=lambda r: sureness(r[1]), default=None)
    return surest if surest and sureness(surest[1]) > sureness(evidence) else None


def _sending_keys(sendings: list[dict[str, Any]]) -> list[tuple[str, str, str] | None]:
    """Each sending's destination and period, None where two sendings share them."""
    found = [(group_key(destination_label(s.get("to_unit")) or ""), s.get("start") or "", s.get("end") or "")
             for s in sendings]
    return [k if found.count(k) == 1 and k[0] else None for k in found]


def _by_sending(sendings: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {k: s for k, s in zip(_sending_keys(sendings), sendings) if k}


def _breakdown(groups: dict[str, _Group], total: int, lang: str, *, chronological: bool = False) -> list[dict[str, Any]]:
    unknown = labels(lang)["text"]["unknown"]
    items = list(groups.items())
    if chronological:
        items.sort(key=lambda kv: (kv[0] == "", kv[0]))
    else:
        items.sort(key=lambda kv: (kv[0] == "", -kv[1].people, kv[1].label))
    return [{
        "key": key,
        "label": g.label if key else unknown,
        "people": g.people,
        "entries": g.entries,
        "documents": len(g.documents),
        "share": g.people / total if total else 0.0,
        "people_text": format_number(g.people, lang),
    } for key, g in items]


def _add(groups: dict[str, _Group], label: str | None, n: int, doc_index: int, key: str | None = None) -> None:
    if key is None:
        key = group_key(label) if label else ""
    g = groups.setdefault(key, _Group(label or ""))
    g.people += n
    g.entries += 1
    g.documents.add(doc_index)


STATUS_ORDER = ("decided", "requested", "planned", "reported")
# the summary's own: a decided move between two units of one commune (not a status of the record)
WITHIN = "within"


def within_commune(row: dict[str, Any]) -> bool:
    """Does the sending move someone between two units of one commune, both placed in it (a
    place's code is a commune's; a commune's own unit named by its level word is matched to it)?
    A unit naming no place is not taken for the commune's: `Văn phòng Sở Nội vụ`, `Kho bạc Nhà
    nước khu vực VIII` are outside it, and a reviewer found them taken in."""
    came, went = row.get("from_place") or {}, row.get("to_place") or {}
    return bool(came.get("code")) and came.get("code") == went.get("code")


def _mover_keys(row: dict[str, Any], cited: Sequence[dict[str, Any]] | None = None) -> list[tuple[str, str, str]]:
    """Who a move within a commune is, as its extension names them: the person with their unit,
    with the paper's issuer (an extension restating no unit), or with the move's number, which
    an extension cites (`cited`: its references; its issuer unread or misread, a reviewer's)."""
    person, issuer = group_key(row["person"]), group_key(row["document"].get("issuer") or "")
    keys = [(person, "issuer", issuer)] if issuer else []
    if row["body"]:
        keys.append((person, "body", group_key(row["body"])))
    own = number_key(row["document"].get("number"))
    numbers = [own] if cited is None else [number_key(ref.get("number")) for ref in cited]
    keys.extend((person, "number", k) for k in numbers if k)
    return keys


def _row(s: dict[str, Any], rec: dict[str, Any], doc_index: int, title: str, lang: str,
         weak: Container[int] = (), warned: Sequence[str] = ()) -> dict[str, Any]:
    """A secondment with what the summary groups and lists it by; `weak` and `warned` are its
    record's pages read badly and warnings (document.sending_needs_check)."""
    n = heads(s)
    end, derived = end_of(s)
    place = place_fields(s, lang)  # destination, and the commune it is grouped by (official code)
    if not place.get("place_aggregate") and is_aggregate(s.get("to_unit")):
        place |= {"commune": labels(lang).get("places", {}).get("aggregate", place["commune"]),
                  "commune_key": AGGREGATE_KEY, "place_aggregate": True}
    return s | {
        "status": status_of(s, rec["document"].get("doc_type")),
        "action": s.get("action") or "send",
        "heads": n,
        "who": s.get("person") or people_n(n, lang),
        **place,
        "body": _sending_body(s),
        "field": field_label(s.get("position")),
        "end_date": end,
        "end_derived": derived,
        "document": rec["document"],
        "doc_title": title,
        "doc_index": doc_index,
        "file_name": rec["source"]["file_name"],
        # read with low confidence or named by a warning: marked, as in the document's brief,
        # so a name or unit OCR garbled is not passed on as read (`Sting Thị Mỷ`)
        "needs_check": sending_needs_check(s, weak, warned),
        "superseded": False,
        "superseded_by": None,
        "extended_by": [],  # the doc_index of later documents extending this sending (_extend)
        # the document as the lists name it: its number, and the extensions' (`245/QĐ-SNV, gia hạn: 61/QĐ-SNV`)
        "doc_text": _doc_text(s, rec, lang),
    }


def _number(row: dict[str, Any]) -> str:
    """A row's document as lists name it: its number, else its file's name."""
    return row["document"].get("number") or row["file_name"]


def _doc_text(s: dict[str, Any], rec: dict[str, Any], lang: str) -> str:
    """The document as the lists name a sending's: its number (`245/QĐ-SNV`), and the step where
    it is one (`61/QĐ-SNV, gia hạn`: an extension whose sending is not in the selection)."""
    number = rec["document"].get("number") or rec["source"]["file_name"]
    step = labels(lang)["steps"].get(s.get("action") or "send")
    return f"{number}, {step}" if step else number


def _sending_body(s: dict[str, Any]) -> str | None:
    """The body a secondment sends from, as the summary groups it; a commune's own unit named
    by its level word alone with the commune's name (`Văn phòng … Ủy ban nhân dân xã Mường Khoa`)."""
    body = sending_body(s.get("from_unit"))
    place = s.get("from_place") or {}
    return own_unit_label(body, place) if body and place.get("match") == "own" else body


def _at(commune: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows sending people to `commune`: by the printed unit, or the commune it was placed in
    (`Trung tâm Phục vụ hành chính công xã` in xã Mường Khoa's own decision)."""
    return [r for r in rows if matches_place(r.get("to_unit"), commune) or matches_place(r.get("commune"), commune)]


def _by_person(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Named secondments per person, oldest first. A person is a name within one sending body:
    an extension names the same person from the same body; a namesake elsewhere stays apart."""
    named: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("person"):
            named[(group_key(row["person"]), group_key(row["body"] or ""))].append(row)
    # an extension that does not restate the body (`gia hạn … đối với ông Lò Văn Pấng`) is the
    # one person of that name's, when there is one
    bodied: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in named:
        if key[1]:
            bodied[key[0]].append(key)
    for key in [k for k in named if not k[1]]:
        if len(bodied[key[0]]) == 1 and all(r["action"] != "send" for r in named[key]):
            named[bodied[key[0]][0]] += named.pop(key)
    for person_rows in named.values():
        person_rows.sort(key=lambda r: (r.get("start") or r["document"].get("issued_date") or "",
                                        r["document"].get("issued_date") or ""))
    return named


# a commune's or ward's level word, folded: a roster is read by the places' names (a tester found
# `phường Tô Hiệu`, `Trung tâm …`, `xã Mường Khoa` in no visible order)
_LEVEL_WORD = re.compile(r"^(?:xa|phuong|thi tran|dac khu)\s+")


def _by_name(place: str | None) -> str:
    key = group_key(place or "")
    return _LEVEL_WORD.sub("", key)


def _legal_order(cited: dict[str, Any]) -> tuple[int, int, str]:
    """`80/2025/QH15` → (2025, 80, …): a legal text's year and number."""
    m = re.match(r"(\d+)/((?:19|20)\d\d)/", cited["number"])
    return (int(m[2]), int(m[1]), cited["number"]) if m else (0, 0, cited["number"])


def _note_citation(cited: dict[str, dict[str, Any]], ref: dict[str, Any], citing: str, known: set[str],
                   lang: str) -> None:
    """Remember `ref` when the archive does not hold it, with the documents that cite it."""
    nk = number_key(ref["number"])
    if not nk or nk in known:
        return
    lab = labels(lang)
    entry = cited.setdefault(nk, {
        "number": ref["number"],
        "doc_type": ref.get("doc_type"),
        "type_label": lab["doc_types"].get(ref["doc_type"], "") if ref.get("doc_type") else "",
        "date": ref.get("date"),
        "date_text": format_date(ref.get("date"), lang),
        "issuer": ref.get("issuer"),
        "legal": keys.is_legal_number(ref["number"]),
        "cited_by": [],
    })
    # a later citation fills what an earlier one lacked (a photocopy that lost the date under a stamp)
    for key, value in (("doc_type", ref.get("doc_type")), ("date", ref.get("date")), ("issuer", ref.get("issuer"))):
        if value and not entry[key]:
            entry[key] = value
            if key == "doc_type":
                entry["type_label"] = lab["doc_types"].get(value, "")
            elif key == "date":
                entry["date_text"] = format_date(value, lang)
    if citing not in entry["cited_by"]:
        entry["cited_by"].append(citing)


def summary_context(
    records: list[dict[str, Any]],
    lang: str = "vi",
    *,
    today: date | None = None,
    ending_within: int = DEFAULT_ENDING_WITHIN,
    archive_numbers: set[str] | None = None,
    selection: Selection | None = None,
    groups: list[list[int]] | None = None,
) -> dict[str, Any]:
    """Totals and breakdowns over `records` (dicts of `Record.to_dict()`); see docs/briefs.md.

    `archive_numbers` are the number keys of every document the archive holds (default: those
    of `records`); `today` anchors "ending within N days" (default: the real today); `groups`
    is the store's grouping of `records` into documents (see `merge_copies`).
    """
    lab = labels(lang)
    today = today or date.today()
    selection = selection or Selection()
    # in the order of the documents themselves, not of the records: `process` hands them over as
    # their files finish, `summary` as the store lists them, and the two wrote different briefs
    # (a tester found a cited document's date in one and not the other)
    documents = sorted(merge_copies(records, groups), key=_document_order)
    known = archive_numbers if archive_numbers is not None else {
        k for k in (number_key(r["document"].get("number")) for r in records) if k}

    rows, doc_rows, cited = _read_documents(documents, known, lang)
    # a commune moving its own clerk from one of its units to another sends nobody to it (a
    # tester counted `86/QĐ-UBND` of xã Mường Khoa among the people sent to communes)
    for row in rows:
        if row["status"] == "decided" and within_commune(row):
            row["status"] = WITHIN
    # and so is a later extension or end of such a move naming no other place: the same person
    # from the same unit, or, naming no unit, in the same commune's paper (a namesake's extension
    # elsewhere is not this one's)
    moved = {key for r in rows if r["status"] == WITHIN and r.get("person") for key in _mover_keys(r)}
    for row in rows:
        if row["status"] == "decided" and row["action"] != "send" and row.get("person") \
                and not (row.get("to_place") or {}).get("code") \
                and moved.intersection(_mover_keys(row, doc_rows[row["doc_index"]]["record"]["references"] or [])):
            row["status"] = WITHIN
    decided = [r for r in rows if r["status"] == "decided"]
    named = _by_person(decided)
    current, ended = _latest(named, decided, lang)
    current, counted_extensions = _count_only_extensions(current, doc_rows, lang)
    # only now, once every extension is folded into its sending: the place the sending ends at
    # (an extension naming no place still moves the end of a sending to Mường Khoa)
    if selection.commune:
        rows, current, ended, counted_extensions = (_at(selection.commune, x)
                                                    for x in (rows, current, ended, counted_extensions))
        kept = {id(r) for r in rows}  # by identity: comparing the rows' dicts would be quadratic and deep
        named = {k: v for k, v in named.items() if any(id(r) in kept for r in v)}
    # after the people are told apart: the province is no part of who a person is (an extension
    # whose document names no province is still the same person's)
    _tell_provinces_apart(rows, doc_rows)
    groups, ending = _breakdowns(current, doc_rows, today, ending_within, lang)
    for row in counted_extensions:  # `0 (gia hạn 2)`, as a named extension's
        doc_rows[row["doc_index"]]["extended"] += row["heads"]
    by_commune, by_sender, by_field, by_month = groups
    not_counted = _not_counted(rows, doc_rows, lang)

    total = sum(r["heads"] for r in current)
    ending.sort(key=lambda r: (r["end_date"], r["destination"] or ""))
    refs = sorted(cited.values(), key=lambda c: (-len(c["cited_by"]), c["date"] or "", c["number"]))
    # an extension or an end is no second sending: each entry says which it is (a tester read two
    # people extended by one decision as "sent more than once")
    steps = lab["steps"]
    repeated = [{"name": p[-1]["person"], "times": len(p),
                 "rows": [r | {"step": steps.get(r["action"], "")} for r in p]}
                for p in named.values() if len(p) > 1]
    repeated.sort(key=lambda p: (-p["times"], p["name"]))
    copies = len(records) - len(documents)
    # who is where: everyone counted, by destination, with the period and the document that says so
    roster = [r | {"start_text": format_date(r.get("start"), lang), "end_text": format_date(r["end_date"], lang)}
              for r in sorted(current, key=lambda r: (r["commune_key"] == "", r["commune_key"] == AGGREGATE_KEY,
                                                      _by_name(r["commune"]), group_key(r["commune"] or ""),
                                                      group_key(r["who"])))]
    return {
        "records": [r for r, _ in documents],
        "documents": doc_rows,
        "secondments": current,
        "roster": roster,
        "all_secondments": rows,
        "not_counted": not_counted,
        "requested_people": _people_of(not_counted, "requested"),
        "planned_people": _people_of(not_counted, "planned"),
        "reported_people": _people_of(not_counted, "reported"),
        "ended": ended,
        "ended_people": sum(r["heads"] for r in ended),
        "selection": selection,
        "selection_text": selection.describe(lang),
        "today": today.isoformat(),
        "today_text": format_date(today, lang),
        "total_docs": len(documents),
        "total_files": len(records),
        "copies": copies,
        "copies_text": lab["messages"]["copies"].format(n=copies) if copies else "",
        "total_people": total,
        "total_secondments": len(decided),
        "named_people": len(named),
        "by_commune": [c | {"aggregate": c["key"] == AGGREGATE_KEY} for c in _breakdown(by_commune, total, lang)],
        "by_sender": _breakdown(by_sender, total, lang),
        "by_field": _breakdown(by_field, total, lang),
        "by_month": _breakdown(by_month, total, lang, chronological=True),
        "ending_within": ending_within,
        "ending_soon": ending,
        "missing_refs": [c for c in refs if not c["legal"]],
        # the legal texts in the order a reader looks them up: by year, then number (a tester
        # found them as often cited: 80/2025, 170/2025, 72/2025, 06/2024 …)
        "missing_legal": sorted((c for c in refs if c["legal"]), key=_legal_order),
        "repeated_people": repeated,
        # anything the lists above mark for checking (the legend is shown only then)
        "any_check": any(r["needs_check"] for r in roster + ending + ended) or any(d["number_check"] for d in doc_rows),
    }


def _read_documents(documents: list[tuple[dict[str, Any], list[dict[str, Any]]]], known: set[str], lang: str
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Every secondment of the counted copies as a row (any status), one row per document, and
    the citations the archive lacks."""
    lab = labels(lang)
    rows: list[dict[str, Any]] = []
    doc_rows: list[dict[str, Any]] = []
    cited: dict[str, dict[str, Any]] = {}
    for doc_index, (rec, copies) in enumerate(documents):
        d = rec["document"]
        title = doc_title(d, lang, with_issuer=False)
        report = identity.role(_facts(rec)) == "report"  # a press report whose document is not here
        weak, warned = low_pages(rec), rec.get("warnings") or []
        for s in rec["secondments"]:
            rows.append(_row(identity.reported(s, d.get("number")) if report else s, rec, doc_index, title, lang,
                             weak, warned))
        for ref in rec["references"]:
            _note_citation(cited, ref, d.get("number") or rec["source"]["file_name"], known, lang)
        doc_rows.append({
            "record": rec,
            "document": d,
            "title": title,
            "type_label": type_name(d, lang),
            "date_text": format_date(d.get("issued_date"), lang),
            "people": 0,
            "other": {},  # status -> people the document names without sending them
            "extended": 0,  # people it extends the sending of, counted under the sending (_extend)
            "other_text": "",
            "issuer_text": d.get("issuer") or "",  # with its province over several (_tell_provinces_apart)
            "files": [c["source"]["file_name"] for c in sorted(copies, key=_quality)],
            "number_check": number_needs_check(rec),
        })
    return rows, doc_rows, cited


def _province(document: dict[str, Any]) -> str | None:
    """The short name of the province a document was issued in (`Lai Châu`), if it is known."""
    found = province_hint(document.get("issuer"), document.get("issuer_parent"), document.get("place"))
    return found.short if isinstance(found, Province) else None


def _tell_provinces_apart(rows: list[dict[str, Any]], doc_rows: list[dict[str, Any]]) -> None:
    """Over documents of several provinces, a sending body or an issuer that does not name its
    province gets it (`Sở Nội vụ (Lai Châu)`): a tester found the Home Affairs departments of
    three provinces counted as one `Sở Nội vụ`. Over one province nothing changes."""
    by_doc = [_province(d["document"]) for d in doc_rows]
    if len({p for p in by_doc if p}) < 2:
        return
    for d, province in zip(doc_rows, by_doc):
        issuer = d["document"].get("issuer")
        if issuer and province and find_province(issuer) is None:
            d["issuer_text"] = f"{issuer} ({province})"
    for row in rows:
        province = by_doc[row["doc_index"]]
        body = row.get("body")
        # a commune's own unit is placed by its commune (from_place), no province needed
        if body and province and not (row.get("from_place") or {}).get("code") and find_province(body) is None:
            row["body"] = f"{body} ({province})"


def _latest(named: dict[tuple[str, str], list[dict[str, Any]]], decided: list[dict[str, Any]], lang: str
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(counted rows, ended rows): a person counts once, where the latest document sends them;
    an earlier row is superseded; when the latest ends the sending, nobody counts. Extensions
    after the latest sending are folded into it: it runs to the last extension's end, and the
    person stays counted under the document that sent them, from the month it started and in
    its field (a tester found two people of a decision counted under the extension, as sent in
    March, in no field)."""
    for person_rows in named.values():
        sent = len(person_rows) - 1
        while sent > 0 and person_rows[sent]["action"] == "extend":
            sent -= 1
        base = person_rows[sent]
        extensions = person_rows[sent + 1:] if base["action"] == "send" else []
        if not extensions:
            base = person_rows[-1]
        for row in person_rows:  # an earlier secondment of someone a later document sends again
            if row is not base:
                row["superseded"] = True
                row["superseded_by"] = _number(base)
        if extensions:
            _extend(base, extensions, lang)
    live = [r for r in decided if not r["superseded"]]
    return [r for r in live if r["action"] != "end"], [r for r in live if r["action"] == "end"]


def _count_only_extensions(current: list[dict[str, Any]], doc_rows: list[dict[str, Any]], lang: str
                           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the rows counted, the part of each extension naming no one that extends people the
    summary counts already): `gia hạn thời gian biệt phái đối với 02 công chức` citing the
    decision that sent them was added beside them (4 for 2). Extending all of them, it moves
    their end as a named extension does; one citing an earlier extension (`lần 2`) reaches what
    that one extended; people beyond those (05 of a sending of 02) still count, once. A cited
    number is that document only where the citation's date and province, or else the citing
    document's province, are its own, and where the extension names a commune, theirs."""
    # what a citation of a document's number extends: its sendings' rows, then an extension's
    reach: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in current:
        key = number_key(doc_rows[row["doc_index"]]["document"].get("number"))
        if key and row["action"] == "send":
            reach[key].append(row)
    counted, covered = [], []
    extended: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for row in _in_citation_order(current, doc_rows):
        if row["action"] != "extend" or row.get("person"):
            counted.append(row)
            continue
        document = doc_rows[row["doc_index"]]
        base: list[dict[str, Any]] = []
        for ref in document["record"]["references"]:
            for r in reach.get(number_key(ref.get("number")) or "", []):
                if r["doc_index"] != row["doc_index"] and all(r is not b for b in base) \
                        and _cites(ref, document["document"], doc_rows[r["doc_index"]]["document"]):
                    base.append(r)
        place = (row.get("to_place") or {}).get("code")
        if place and not any((r.get("to_place") or {}).get("code") == place for r in base):
            base = []  # it extends people at another commune than these
        own = number_key(document["document"].get("number"))
        if not base:
            counted.append(row)
            if own:
                reach[own].append(row)
            continue
        theirs = sum(r["heads"] for r in base)
        if row["heads"] == theirs and not any(r["extended_by"] for r in base if id(r) not in extended):
            for r in base:
                extended.setdefault(id(r), (r, []))[1].append(row)
            if own:
                reach[own].extend(base)
            continue  # counted under the sending, shown beside the extension (_breakdowns)
        covered.append(row | {"heads": min(row["heads"], theirs)})
        more = []
        if row["heads"] > theirs:
            more = [row | {"heads": row["heads"] - theirs, "who": people_n(row["heads"] - theirs, lang)}]
            counted.extend(more)
        if own:
            reach[own].extend(base + more)
    for r, extensions in extended.values():
        _extend(r, extensions, lang)
    return counted, covered


def _in_citation_order(rows: list[dict[str, Any]], doc_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with every extension naming no one after those it cites: an undated first
    extension sorts last, and the `lần 2` citing it, met first, was counted as people of its own."""
    def count_only(row: dict[str, Any]) -> bool:
        return row["action"] == "extend" and not row.get("person")

    def number(row: dict[str, Any]) -> str | None:
        return number_key(doc_rows[row["doc_index"]]["document"].get("number"))

    def cited(row: dict[str, Any]) -> set[str]:
        refs = doc_rows[row["doc_index"]]["record"]["references"]
        return {k for k in (number_key(ref.get("number")) for ref in refs) if k} - {number(row)}

    waiting = [r for r in rows if count_only(r)]
    ordered = [r for r in rows if not count_only(r)]
    while waiting:
        numbers = {number(r) for r in waiting}
        # the first whose cited extensions are all placed; in a loop of citations, the first
        at = next((i for i, r in enumerate(waiting) if not cited(r) & numbers), 0)
        ordered.append(waiting.pop(at))
    return ordered


def _cites(ref: dict[str, Any], citing: dict[str, Any], document: dict[str, Any]) -> bool:
    """Is the number `citing` cites (`ref`) this document: no date or province the citation
    gives is another, nor, where it gives none, the citing document's own province?"""
    if ref.get("date") and document.get("issued_date") and ref["date"] != document["issued_date"]:
        return False
    named = province_hint(ref.get("issuer")) if ref.get("issuer") else None
    province = named.short if isinstance(named, Province) else _province(citing)
    return province is None or _province(document) in (None, province)


def _extend(sending: dict[str, Any], extensions: list[dict[str, Any]], lang: str) -> None:
    """The sending as its extensions leave it: the last one's end, what it lacked from them."""
    last = extensions[-1]
    if last["end_date"]:
        sending["end_date"], sending["end_derived"] = last["end_date"], last["end_derived"]
    for key in ("destination", "commune", "commune_key", "body", "field"):
        if not sending.get(key) and last.get(key):
            sending[key] = last[key]
    sending["extended_by"] = [e["doc_index"] for e in extensions]
    sending["needs_check"] = sending["needs_check"] or any(e["needs_check"] for e in extensions)
    sending["doc_text"] = labels(lang)["messages"]["extended_by"].format(
        doc=_number(sending), by=", ".join(_number(e) for e in extensions))


def _breakdowns(current: list[dict[str, Any]], doc_rows: list[dict[str, Any]], today: date, ending_within: int,
                lang: str) -> tuple[tuple[dict[str, _Group], ...], list[dict[str, Any]]]:
    """People sent by destination, sending body, field and month, and those ending soon."""
    lab = labels(lang)
    by_commune: dict[str, _Group] = {}
    by_sender: dict[str, _Group] = {}
    by_field: dict[str, _Group] = {}
    by_month: dict[str, _Group] = {}
    ending: list[dict[str, Any]] = []
    for row in current:
        n, doc_index = row["heads"], row["doc_index"]
        doc_rows[doc_index]["people"] += n
        for extending in row["extended_by"]:  # shown beside the extension's 0: `0 (gia hạn 2)`
            doc_rows[extending]["extended"] += n
        _add(by_commune, row["commune"], n, doc_index, key=row["commune_key"])  # a group of places: one row
        _add(by_sender, row["body"], n, doc_index)
        _add(by_field, row["field"], n, doc_index)
        month_of = row.get("start") or row["document"].get("issued_date")
        month_key = month_of[:7] if month_of and parse_iso(month_of) else ""
        # keyed by the ISO month so the rows sort by time, not by their label
        _add(by_month, format_month(month_key, lang) if month_key else None, n, doc_index, key=month_key)
        end_d = parse_iso(row["end_date"])
        if end_d and 0 <= (end_d - today).days <= ending_within:
            days = (end_d - today).days
            ending.append(row | {
                "days_left": days,
                "end_text": format_date(end_d, lang),
                "days_text": (lab["messages"]["ending_in"].format(days=days) if days
                              else lab["messages"]["ended_today"]),
            })
    return (by_commune, by_sender, by_field, by_month), ending


def _not_counted(rows: list[dict[str, Any]], doc_rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """One line per status other than decided: the people documents ask others to send, plan or
    report, with the documents that say so; never part of the total."""
    lab = labels(lang)
    msg = lab["messages"]
    lines = []
    for status in (*STATUS_ORDER[1:], WITHIN):
        mine = [r for r in rows if r["status"] == status]
        if not mine:
            continue
        docs: list[str] = []
        for r in mine:
            doc_rows[r["doc_index"]]["other"][status] = doc_rows[r["doc_index"]]["other"].get(status, 0) + r["heads"]
            number = r["document"].get("number") or r["file_name"]
            if status == "reported" and r.get("refers_to"):
                # the document reported on, which the store may count on a line above (a tester
                # read "Theo báo cáo: 64 người" as 64 more beside the request for the same 64)
                number = msg["reported_on"].format(doc=number, ref=r["refers_to"])
            if number not in docs:
                docs.append(number)
        # a move within a commune extended later is one person moved, not two
        moved = [r for r in mine if r["action"] == "send"] if status == WITHIN else mine
        people = sum(r["heads"] for r in moved or mine)
        label = lab["statuses"][status] if status != WITHIN else msg["within_commune"]
        lines.append({
            "status": status,
            "label": label,
            "people": people,
            "people_text": format_number(people, lang),
            "entries": len(mine),
            "documents": docs,
            "rows": mine,
            "text": msg["not_counted_line"].format(label=label, people=people_n(people, lang), documents=", ".join(docs)),
        })
    for d in doc_rows:
        d["other_text"] = "; ".join([f"{lab['statuses'][k].lower()} {format_number(v, lang)}" if k != WITHIN
                                     # (`điều động trong xã, phường 1` read as ward No. 1's)
                                     else f"{msg['within_commune'].lower()}: {people_n(v, lang)}"
                                     for k, v in d["other"].items() if v]
                                    + ([f"{lab['steps']['extend']} {format_number(d['extended'], lang)}"]
                                       if d["extended"] else []))
    return lines


def _people_of(lines: list[dict[str, Any]], status: str) -> int:
    return next((line["people"] for line in lines if line["status"] == status), 0)
