"""Dates, numbers and periods written the way readers of each language write them.

Vietnamese: `04/8/2025`, `9.939`, `84,82`, `tháng 9/2025`; English: `August 4, 2025`, `9,939`,
`84.82`, `September 2025`. Month names come from labels.json so a translator edits data only.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from dispatch_reader.briefs.labels import labels


def parse_iso(iso: str | date | None) -> date | None:
    if iso is None or iso == "":
        return None
    if isinstance(iso, date):
        return iso
    try:
        return date.fromisoformat(str(iso))
    except ValueError:
        return None


def format_date(iso: str | date | None, lang: str = "vi", short: bool = False) -> str:
    """`2025-08-04` as people write it: `04/8/2025` in Vietnamese, `August 4, 2025` in English
    (`Aug 4, 2025` when `short`, for table cells; the Vietnamese form is short already).

    A value that is not an ISO date is returned as it is, so a template never hides what the
    record holds.
    """
    if iso is None or iso == "":
        return ""
    d = parse_iso(iso)
    if d is None:
        return str(iso)
    if lang == "en":
        return f"{labels('en')['months_short' if short else 'months'][d.month - 1]} {d.day}, {d.year}"
    # Decree 30/2020 style: the day is always two digits, the month only for January and February.
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def format_long_date(iso: str | date | None, lang: str = "vi") -> str:
    """The date line style: `ngày 04 tháng 8 năm 2025` / `August 4, 2025`."""
    d = parse_iso(iso)
    if d is None:
        return format_date(iso, lang)
    if lang == "en":
        return format_date(d, lang)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_month(key: str | None, lang: str = "vi") -> str:
    """`2025-09` as `tháng 9/2025` or `September 2025`."""
    if not key:
        return ""
    try:
        year, month = (int(x) for x in key.split("-")[:2])
    except ValueError:
        return key
    if lang == "en":
        return f"{labels('en')['months'][month - 1]} {year}"
    return f"{labels('vi')['months'][month - 1]}/{year}"


def format_number(value: Any, lang: str = "vi", digits: int = 0) -> str:
    """Thousands and decimal separators of the language: `9.939` / `84,82` vs `9,939` / `84.82`."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if digits == 0 and number != round(number):
        digits = 1 if abs(number * 10 - round(number * 10)) < 1e-9 else 2
    text = f"{number:,.{digits}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(part: float, whole: float, lang: str = "vi") -> str:
    if not whole:
        return ""
    return format_number(round(part * 100 / whole, 1), lang) + "%"


def add_months(start: date, months: float) -> date:
    """`start` plus whole months, clamped to the month's last day (31/8 + 1 month = 30/9).

    Half months count 15 days: documents say "thời hạn 1,5 tháng" rarely, but they do.
    """
    whole = int(months)
    month_index = start.month - 1 + whole
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    result = date(year, month, day)
    rest = months - whole
    if rest > 0:
        result = date.fromordinal(result.toordinal() + round(rest * 30))
    return result


def people_n(n: int, lang: str) -> str:
    """`40 người`, `1 person` (a tester read `1 people` in the English summary)."""
    msg = labels(lang)["messages"]
    return (msg["person_n"] if n == 1 else msg["people_n"]).format(n=format_number(n, lang))
