"""The facts of a record as the document page lists them: one row per fact a user can check,
correct or confirm, with the record path a correction names, the value as a form shows it,
where it was read (page, word boxes) and whether it needs a look.

Pure functions on the record's JSON form; the page module adds the corrections history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dispatch_reader.briefs.document import low_pages, received_fact, type_name
from dispatch_reader.briefs.formatting import format_date, format_number
from dispatch_reader.briefs.labels import labels
from dispatch_reader.messages import LOW_CONFIDENCE, needs_check
from dispatch_reader.web.labels import translator


@dataclass
class FactRow:
    path: str  # the record path a correction names: document.number, secondments[0].to_unit
    label: str
    value: str  # as a form field shows it (ISO dates as d/m/yyyy, numbers as digits)
    shown: str  # as the page shows it (dates and numbers as in the briefs)
    page: int | None = None
    boxes: list[list[float]] = field(default_factory=list)
    quote: str = ""
    confidence: float | None = None
    check: bool = False  # read with low confidence, or named by a warning: look before relying on it
    status: str | None = None  # corrected / confirmed (by a user), else None
    by: str | None = None  # who corrected or confirmed it
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label) for a closed list
    editable: bool = True  # False: shown for the reader, not a fact the correction form can set

    @property
    def boxes_json(self) -> str:
        return json.dumps(self.boxes)


@dataclass
class FactGroup:
    key: str  # header, secondments, people, counts, dates (its title: the label group_KEY)
    items: list[list[FactRow]]  # one list of rows per item (the header is one item)


def _form_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        y, m, d = value.split("-")
        return f"{int(d)}/{int(m)}/{y}"
    except ValueError:
        return value


def _row(path: str, label: str, value: Any, shown: str | None, ev: dict[str, Any] | None,
         weak: dict[int, float], warnings: list[str], corrections: dict[str, Any]) -> FactRow:
    ev = ev or {}
    page = ev.get("page")
    # a sending's or person's field shows its own words when they were found (Evidence.parts),
    # else the words of the whole fact
    parts = ev.get("parts") or {}
    own = parts.get(path.rsplit(".", 1)[-1])
    if not own and parts:
        # the fact's words minus the boxes of its other fields: a sending's destination whose own
        # words were not found must not light up the person's name (the row's first cell)
        others = [b for field_boxes in parts.values() for b in field_boxes]
        own = [b for b in ev.get("boxes") or [] if b not in others] or None
        if own is None:
            ev = {**ev, "boxes": []}
    conf = ev.get("confidence")
    text_value = "" if value is None else str(value)
    low = (page in weak) or (conf is not None and conf < LOW_CONFIDENCE)
    entry = corrections.get(path)
    return FactRow(
        path=path, label=label, value=text_value, shown=shown if shown is not None else text_value,
        page=page, boxes=list(own or ev.get("boxes") or []), quote=ev.get("quote") or "", confidence=conf,
        # corrected or confirmed by a user: no longer a doubt, whatever the reading's confidence
        check=(low or needs_check(conf, [text_value], warnings)) and entry is None,
        status=("corrected" if entry.action == "correct" else "confirmed") if entry is not None else None,
        by=getattr(entry, "user", None),
    )


def header_rows(data: dict[str, Any], lang: str, corrections: dict[str, Any]) -> list[FactRow]:
    lab = labels(lang)
    text = lab["text"]
    d = data["document"]
    ev = d.get("evidence") or {}
    weak = low_pages(data)
    warnings = list(data.get("warnings") or [])
    signer = d.get("signer") or {}
    rows = [
        _row("document.doc_type", text["type"], d.get("doc_type"),
             type_name(d, lang) if d.get("doc_type") else d.get("doc_type_label") or "", ev.get("doc_type"),
             weak, warnings, corrections),
        _row("document.number", text["number"], d.get("number"), None, ev.get("number"), weak, warnings, corrections),
        _row("document.issuer", text["issuer"], d.get("issuer"), None, ev.get("issuer"), weak, warnings, corrections),
        _row("document.place", text["place"], d.get("place"), None, ev.get("place"), weak, warnings, corrections),
        _row("document.issued_date", text["date"], _form_date(d.get("issued_date")),
             format_date(d.get("issued_date"), lang), ev.get("issued_date"), weak, warnings, corrections),
        _row("document.subject", text["subject"], d.get("subject"), None, ev.get("subject"), weak, warnings,
             corrections),
    ]
    rows[0].choices = [(k, v) for k, v in lab["doc_types"].items()]
    if d.get("signer") is not None:
        sev = ev.get("signer") or ev.get("signer_name")
        rows.append(_row("document.signer.name", text["signer"], signer.get("name"), None, sev, weak, warnings,
                         corrections))
        rows.append(_row("document.signer.title", text["position"], signer.get("title"), None, sev, weak, warnings,
                         corrections))
    stamp = _received_row(data, lang)
    return rows + ([stamp] if stamp else [])


def _received_row(data: dict[str, Any], lang: str) -> FactRow | None:
    """The receiving office's stamp, as the brief shows it (briefs.document.received_fact): one
    row, always to be checked (a hand's figures), never the document's number or date."""
    stamp = received_fact(data, lang)
    if stamp is None:
        return None
    value, page, ev = stamp
    ev = ev or {}
    return FactRow(path="document.received", label=labels(lang)["text"]["received"], value="", shown=value,
                   page=page, boxes=list(ev.get("boxes") or []), quote=ev.get("quote") or "",
                   confidence=ev.get("confidence"), check=True, editable=False)


def secondment_items(data: dict[str, Any], lang: str, corrections: dict[str, Any]) -> list[list[FactRow]]:
    lab = labels(lang)
    text = lab["text"]
    weak = low_pages(data)
    warnings = list(data.get("warnings") or [])
    items = []
    for i, s in enumerate(data.get("secondments") or []):
        ev = s.get("evidence")
        p = f"secondments[{i}]"

        def r(name: str, label: str, value: Any, shown: str | None = None) -> FactRow:
            return _row(f"{p}.{name}", label, value, shown, ev, weak, warnings, corrections)

        rows = []
        if s.get("person") is not None or not s.get("count"):
            rows.append(r("person", text["person"], s.get("person")))
        if s.get("count") is not None:
            rows.append(r("count", text["count"], s.get("count"), format_number(s.get("count"), lang)))
        to_place = s.get("to_place") or {}
        to_shown = to_place.get("name") if to_place.get("match") in ("exact", "folded", "corrected") else None
        rows.append(r("to_unit", text["to"], s.get("to_unit"),
                      f"{s.get('to_unit') or ''}" + (f" → {to_shown}" if to_shown and to_shown != s.get("to_unit") else "")))
        rows.append(r("from_unit", text["from"], s.get("from_unit")))
        rows.append(r("position", text["job"], s.get("position")))
        rows.append(r("start", text["start"], _form_date(s.get("start")), format_date(s.get("start"), lang)))
        rows.append(r("end", text["end"], _form_date(s.get("end")), format_date(s.get("end"), lang)))
        status = r("status", text["status"], s.get("status"), lab["statuses"].get(s.get("status") or "", ""))
        status.choices = list(lab["statuses"].items())
        rows.append(status)
        items.append(rows)
    return items


def people_items(data: dict[str, Any], lang: str, corrections: dict[str, Any]) -> list[list[FactRow]]:
    text = labels(lang)["text"]
    weak = low_pages(data)
    warnings = list(data.get("warnings") or [])
    out = []
    for i, person in enumerate(data.get("people") or []):
        ev = person.get("evidence")
        out.append([
            _row(f"people[{i}].name", text["person"], person.get("name"), None, ev, weak, warnings, corrections),
            _row(f"people[{i}].position", text["position"], person.get("position"), None, ev, weak, warnings,
                 corrections),
            _row(f"people[{i}].unit", text["unit"], person.get("unit"), None, ev, weak, warnings, corrections),
        ])
    return out


def count_items(data: dict[str, Any], lang: str, corrections: dict[str, Any]) -> list[list[FactRow]]:
    text = labels(lang)["text"]
    weak = low_pages(data)
    warnings = list(data.get("warnings") or [])
    return [[_row(f"counts[{i}].value", c.get("what") or text["count"], c.get("value"),
                  format_number(c.get("value"), lang), c.get("evidence"), weak, warnings, corrections)]
            for i, c in enumerate(data.get("counts") or [])]


def date_items(data: dict[str, Any], lang: str, corrections: dict[str, Any]) -> list[list[FactRow]]:
    weak = low_pages(data)
    warnings = list(data.get("warnings") or [])
    t = translator(lang)
    return [[_row(f"dates[{i}].date", t(f"date_role_{d.get('role')}"), _form_date(d.get("date")), format_date(d.get("date"), lang),
                  d.get("evidence"), weak, warnings, corrections)]
            for i, d in enumerate(data.get("dates") or [])]


def fact_groups(data: dict[str, Any], lang: str, corrections: dict[str, Any] | None = None) -> list[FactGroup]:
    """Every group of facts of the record, the header first; `corrections`: path → the latest
    correction or confirmation of that fact (store.corrections.latest_by_path)."""
    corrections = corrections or {}
    groups = [FactGroup("header", [header_rows(data, lang, corrections)]),
              FactGroup("secondments", secondment_items(data, lang, corrections)),
              FactGroup("people", people_items(data, lang, corrections)),
              FactGroup("counts", count_items(data, lang, corrections)),
              FactGroup("dates", date_items(data, lang, corrections))]
    return [g for g in groups if any(g.items)]


def fact_names(groups: list[FactGroup], lang: str) -> dict[str, str]:
    """Each fact's path → its name as the page shows it (`Mục 9 · Từ đơn vị`), for the history
    and for messages, instead of the record path (`secondments[8].from_unit`)."""
    t = translator(lang)
    names: dict[str, str] = {}
    for g in groups:
        for n, item in enumerate(g.items, start=1):
            for f in item:
                names[f.path] = f"{t('item_n', n=n)} · {f.label}" if g.key in ("secondments", "people") else f.label
    return names
