"""How a brief shows a destination matched to the official list (places/, `to_place`).

A matched destination is shown with its official name (`Trạm Y tế xã Pắc Ta` for a printed
`Trạm Y tế xã Pac Ta`); one the reader must check carries a visible mark in the brief's
language (labels.json "places"): corrected from what was printed, not in the list, a name of
several provinces, an old name. A group of places (`37 xã, phường`) is no place: summaries
count it in one aggregate row.
"""

from __future__ import annotations

from typing import Any

from dispatch_reader.briefs.grouping import destination_label, group_key
from dispatch_reader.briefs.labels import labels
from dispatch_reader.places.match import FLAGGED, own_unit_name, respell

MATCHED = ("exact", "folded", "corrected")
AGGREGATE_KEY = "*aggregate*"  # the summary's one row for destinations that are groups of places


def official_display(place: dict[str, Any]) -> str | None:
    """`xã Pắc Ta` from the official `Xã Pắc Ta` and its level."""
    name, level = place.get("name"), place.get("level")
    if not name or not level:
        return None
    return f"{level} {name[len(level) + 1:]}" if name.lower().startswith(level) else name


def own_unit_label(unit: str, place: dict[str, Any]) -> str:
    """A commune's unit named by its level word alone, with the commune's name after it
    (places.match.own_unit_name)."""
    return own_unit_name(unit, place.get("name"), place.get("level"))


def place_fields(s: dict[str, Any], lang: str) -> dict[str, Any]:
    """The destination of secondment `s` as a brief shows it:

    - `destination`: the official name in the printed wording, with the mark when flagged;
    - `place`: the same without the mark (lead sentences);
    - `commune`, `commune_key`: what summaries group by (the unit itself, by its code);
    - `place_flag`: the match kind when the reader must check it, else None;
    - `place_code`, `place_aggregate`.
    """
    to_unit = s.get("to_unit")
    place = s.get("to_place") or {}
    kind = place.get("match")
    marks = labels(lang).get("places", {})
    shown = destination_label(to_unit)
    commune = shown
    key = group_key(shown) if shown else ""
    display = official_display(place)
    if kind in MATCHED + ("old_name",) and display:  # an old name converted has its new unit
        shown = destination_label(respell(to_unit or "", display, tail=kind != "old_name"))
        commune, key = display, f"code:{place.get('code')}"
    elif kind == "own" and display and to_unit:
        shown, commune, key = own_unit_label(to_unit, place), display, f"code:{place.get('code')}"
    elif kind == "aggregate":
        commune, key = marks.get("aggregate", shown), AGGREGATE_KEY
    flag = kind if kind in FLAGGED else None
    # what was read (`xã Pac Ta`), or the whole print when only noise around the name went
    read_as = place.get("read_as") if place.get("read_as") and place.get("read_as") != display else place.get("printed")
    mark_kind = "converted" if kind == "old_name" and display else flag
    mark = marks.get(mark_kind, "").format(read_as=read_as or "") if flag else ""
    return {
        "destination": f"{shown} {mark}" if shown and mark else shown,
        "place": shown,
        "commune": f"{commune} {mark}" if commune and mark and not display else commune,
        "commune_key": key,
        "place_flag": flag,
        "place_code": place.get("code") if display else None,
        "place_aggregate": kind == "aggregate",
    }
