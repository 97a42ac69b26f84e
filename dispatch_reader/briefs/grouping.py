"""How secondments are grouped in a summary: by destination, sending body and field.

Records keep units as written ("Ủy ban nhân dân xã Tân Phong", "Phòng Công chức, viên chức,
Sở Nội vụ"); a reader of a summary wants "xã Tân Phong" and "Sở Nội vụ". The words that are
cut or kept are data (data/grouping.json); keys fold diacritics and case so "UBND xã Tân
Phong" and "Ủy ban nhân dân xã Tân Phong" land in one row.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.briefs.labels import grouping_rules
from dispatch_reader.extract.casing import expand_abbreviations
from dispatch_reader.textnorm import fold, for_matching, nfc, squash


def group_key(text: str | None) -> str:
    """Comparison key: diacritics, case, punctuation and spacing do not matter."""
    return re.sub(r"[^0-9a-z]+", " ", fold(text or "")).strip()


@lru_cache(maxsize=8)
def _prefix_pattern(rule: str) -> re.Pattern[str]:
    words = sorted(grouping_rules()[rule], key=len, reverse=True)  # longest first: "phụ trách lĩnh vực" before "lĩnh vực"
    return re.compile(r"^(?:" + "|".join(re.escape(for_matching(w)) for w in words) + r")\s+", re.IGNORECASE)


def _cut_prefix(text: str, rule: str) -> str:
    matched = _prefix_pattern(rule).match(for_matching(text))
    # for_matching keeps the length of NFC text, so the offset is valid in the original too
    return text[matched.end():] if matched else text


def destination_label(to_unit: str | None) -> str | None:
    """The place people are sent to, without "Ủy ban nhân dân": `xã Tân Phong`."""
    if not to_unit:
        return None
    text = squash(nfc(to_unit))
    cut = _cut_prefix(text, "destination_prefixes")
    return cut or text


def _segments(unit: str) -> list[str]:
    pattern = "|".join(re.escape(s) for s in grouping_rules()["unit_separators"])
    return [s.strip() for s in re.split(pattern, unit) if s.strip()]


def _starts_with_head(segment: str) -> bool:
    matched = for_matching(segment)
    for head in grouping_rules()["sending_body_heads"]:
        h = for_matching(head)
        if matched == h or matched.startswith(h + " "):
            return True
    return False


def sending_body(from_unit: str | None) -> str | None:
    """The department a person is sent from: the last part of the unit that names a body.

    "Phòng Công chức, viên chức, Sở Nội vụ" → "Sở Nội vụ"; "Sở Tài chính" stays; a generic
    "các sở, ban, ngành cấp tỉnh" stays whole (its parts are lower case, so no head matches).
    """
    if not from_unit:
        return None
    # `UBND xã Ba Chẽ` (a list's cell) and `Ủy ban nhân dân xã Ba Chẽ` are one body
    text = expand_abbreviations(squash(nfc(from_unit)))
    parts = _segments(text)
    for segment in reversed(parts[1:]):
        if _starts_with_head(segment):
            return segment
    return text


def field_label(position: str | None) -> str | None:
    """The job or field, without "lĩnh vực" and with a capital first letter: `Đất đai`."""
    if not position:
        return None
    text = _cut_prefix(squash(nfc(position)), "field_prefixes") or squash(nfc(position))
    return text[:1].upper() + text[1:]


def is_aggregate(to_unit: str | None) -> bool:
    """A destination that is a group of places, not one: `37 xã, phường`, `các xã vùng cao`,
    `45 remote communes`, `xã, phường còn thiếu nhân lực` (words are data: grouping.json)."""
    if not to_unit:
        return False
    rules = grouping_rules()
    text = squash(nfc(destination_label(to_unit) or ""))
    low = for_matching(text).lower()
    if not low or low[0].isdigit():
        return bool(low)
    if any(low == m or low.startswith(m + " ") for m in (for_matching(w).lower() for w in rules["aggregate_markers"])):
        return True
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in rules["plural_levels"]):
        return True
    for level in sorted(rules["place_levels"], key=len, reverse=True):
        lv = for_matching(level).lower()
        if low == lv or low.startswith(lv + " ") or low.startswith(lv + ","):
            rest = text[len(lv):].lstrip()
            return not rest or not rest[0].isupper()
    return False


def matches_place(text: str | None, query: str | None) -> bool:
    """`query` occurs in `text` as whole words, ignoring diacritics and case (like the store's filter)."""
    if not query:
        return True
    q = group_key(query)
    return bool(q) and f" {q} " in f" {group_key(text)} "
