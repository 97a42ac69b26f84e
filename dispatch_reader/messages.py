"""The record's warnings in the reader's language, and which stage wrote each.

Records keep warnings as English text (stable, searchable, the same whatever language a brief
is in). The known kinds are a data table (schema/warnings.json: the English text with
`{placeholders}`, the Vietnamese, the stage that writes it); a brief shows each warning in its
language, a warning of no known kind as it is. Place warnings have their own table
(places/messages.py) and are translated there first.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _kinds() -> dict[str, dict[str, str]]:
    data = json.loads(resources.files("dispatch_reader.schema").joinpath("warnings.json").read_text("utf-8"))
    return data["kinds"]


def template_pattern(template: str) -> re.Pattern[str]:
    """A warning template (`destination '{printed}' matches …`) as a regex whose named groups
    take the placeholders' values back out of a warning."""
    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{pattern}$")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    # a kind's older wording (`was`) still names it: records stored before it was reworded
    return [(name, template_pattern(en)) for name, kind in _kinds().items() for en in (kind["en"], *kind.get("was", ()))]


def warning_kind(warning: str) -> tuple[str, dict[str, str]] | None:
    """(kind, its placeholders' values) of a known warning; None for one of no known kind."""
    for name, pattern in _patterns():
        m = pattern.match(warning)
        if m:
            return name, m.groupdict()
    return None


def stage(warning: str) -> str | None:
    """`ingest` or `extract` for a warning of a known kind (place warnings are `extract`)."""
    if warning.startswith(("destination '", "sending unit '")):
        return "extract"
    found = warning_kind(warning)
    return _kinds()[found[0]]["stage"] if found else None


# placeholders that hold a count (a page's specks cleared, its words marked, the days between
# two dates): written with the reader's thousands separator (`31.010`); a year or a document's
# number never is
_COUNTS = frozenset({"n", "days"})


def _formatted(values: dict[str, str], lang: str) -> dict[str, str]:
    """A warning's placeholders as the briefs write them in `lang` (briefs.formatting): counts
    with their thousands separator, ISO dates (`15/3/2026`, `March 15, 2026`; the record keeps
    the ISO date, which no reader takes for the 3rd of the 15th month), decimals `0,55` in
    Vietnamese; other values as they are."""
    from dispatch_reader.briefs.formatting import format_date, format_number

    out = {}
    for key, value in values.items():
        if key in _COUNTS and value.isdigit():
            out[key] = format_number(int(value), lang)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            out[key] = format_date(value, lang)
        elif lang == "vi" and re.fullmatch(r"\d+\.\d+%?", value):
            out[key] = value.replace(".", ",")
        else:
            out[key] = value
    return out


def localise(warning: str, lang: str) -> str:
    """`warning` in `lang`: English as recorded, its counts and dates written as English briefs
    write them; other languages through the tables."""
    if lang == "en":
        found = warning_kind(warning)
        if found is None:
            return warning
        name, values = found
        return _kinds()[name]["en"].format(**_formatted(values, lang))
    from dispatch_reader.places.messages import localise as localise_place

    placed = localise_place(warning, lang)
    if placed != warning:
        return placed
    found = warning_kind(warning)
    if found is None:
        return warning
    name, values = found
    template = _kinds()[name].get(lang)
    if not template:
        return warning
    return template.format(**_formatted(values, lang))


def known_kinds() -> dict[str, dict[str, Any]]:
    return dict(_kinds())


def rounded_down(value: float, places: int = 2) -> float:
    """`value` cut to `places` decimals, never rounded up: a confidence under a line stays under
    it when written (0.697 is no `0.70 (below 0.70)`); the float's own error aside (0.57 stays)."""
    scale = 10 ** places
    return math.floor(round(value * scale, 6)) / scale


def warning(kind: str, **values: str) -> str:
    """The record's (English) warning of a known kind, from its template: one wording, the one
    `warning_kind` reads back."""
    return _kinds()[kind]["en"].format(**values)


# Below this confidence a fact is marked for checking wherever it is shown (briefs, exports).
# Tesseract's clean scans of these documents sit around 0.9; pages under 0.8 were where misread
# names and numbers clustered.
LOW_CONFIDENCE = 0.80
_QUOTED = re.compile(r"'([^']{3,})'")


def _fold(text: str) -> str:
    from dispatch_reader.textnorm import fold

    return re.sub(r"[^0-9a-z]+", " ", fold(text or "")).strip()


def names(warning: str, value: str | None) -> bool:
    """The warning names `value`: a quoted part of it ('xã Đà Vi') is in the value, or is it."""
    if not value:
        return False
    v = f" {_fold(value)} "
    for quoted in _QUOTED.findall(warning):
        q = _fold(quoted)
        if q and (f" {q} " in v or v.strip() == q):
            return True
    return False


def needs_check(confidence: float | None, values: list[str | None], warnings: list[str],
                threshold: float = LOW_CONFIDENCE) -> bool:
    """A fact to check before relying on it: read below the threshold, or named by a warning."""
    if confidence is not None and confidence < threshold:
        return True
    return any(names(w, v) for w in warnings for v in values if v)
