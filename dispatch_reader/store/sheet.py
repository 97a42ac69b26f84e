"""Export rows as people read them in a spreadsheet: headers and labels in their language, codes
beside the labels, dates as dates, and no cell a spreadsheet would run as a formula.

The words are in briefs/labels.json ("export"), next to the briefs' own. A coded value (document
type, kind, status, action, file role, reading) keeps its code in a column of its own, right of
its label, so a filter on the label and a script on the code both work.

Formula injection (OWASP "CSV Injection"): a document's subject is text someone else wrote, and
`=HYPERLINK("http://…"&A2,"…")` in it would run when the sheet is opened. XLSX cells are typed,
so text cells are written as text; CSV has no types, so a text cell starting with = + - @ tab or
CR gets a leading apostrophe, unless the export is `raw` (exact values, for scripts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from dispatch_reader.briefs.labels import labels

# code column -> the labels.json table that words it
CODED = {"doc_type": "doc_types", "kind": "kinds", "status": "statuses", "action": "actions", "role": "file_roles",
         "reading": "readings"}
DATES = {"issued_date", "start", "end", "end_effective", "received_date"}
TIMES = {"updated_at", "added", "updated"}
SHARES = {"min_ocr_confidence", "confidence", "ocr_confidence"}
FLAGS = {"needs_check", "used", "end_derived"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMATS = {"vi": ("dd/mm/yyyy", "dd/mm/yyyy hh:mm"), "en": ("yyyy-mm-dd", "yyyy-mm-dd hh:mm")}
MAX_WIDTH = 60  # characters; longer text wraps in its cell


@dataclass(frozen=True)
class Column:
    key: str  # the row's key (a code column's label is `key + "_label"`)
    header: str


def neutralise(value: Any) -> Any:
    """A CSV text cell a spreadsheet shows as text: a leading apostrophe before = + - @ tab CR."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def layout(columns: list[str], lang: str | None) -> list[Column]:
    """The columns as written: field names without a language; with one, headers in it and each
    coded column as its label then its code."""
    if lang is None:
        return [Column(c, c) for c in columns]
    words = labels(lang)["export"]
    out = []
    for c in columns:
        header = words["columns"].get(c, c)
        if c in CODED:
            out += [Column(c + "_label", header), Column(c, words["code"].format(label=header))]
        else:
            out.append(Column(c, header))
    return out


def worded(row: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """`row` with the labels of its codes and yes/no for its flags, in `lang` (None: as is)."""
    if lang is None:
        return row
    lab = labels(lang)
    words = lab["export"]
    out = dict(row)
    for c, table in CODED.items():
        if row.get(c) is not None:
            names = words[table] if table in words else lab.get(table, {})
            # a label the row brings is its own (a consolidated text's `Văn bản hợp nhất`)
            out.setdefault(c + "_label", names.get(row[c], row[c]))
    for c in FLAGS:
        if isinstance(row.get(c), bool):
            out[c] = words["yes"] if row[c] else words["no"]
    return out


def _text_width(value: Any) -> int:
    if isinstance(value, (dt.date, dt.datetime)):
        return 16 if isinstance(value, dt.datetime) else 11
    return max((len(line) for line in str(value).splitlines()), default=0)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, str):
        # control characters other than tab/newline are not allowed in XLSX cells
        return "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 32)
    return value


def write_xlsx(rows: Iterable[dict[str, Any]], columns: list[str], path: Path, what: str,
               lang: str | None) -> int:
    """One sheet: a bold, frozen, filterable header row, columns as wide as their content (up to
    MAX_WIDTH, then wrapped), dates as dates in the language's format, shares as percents."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = layout(columns, lang)
    day, moment = DATE_FORMATS.get(lang or "en", DATE_FORMATS["en"])
    wb = Workbook()
    ws = wb.active
    ws.title = (labels(lang)["export"]["sheets"].get(what, what) if lang else what)[:31]
    ws.append([c.header for c in cols])
    widths = [len(c.header) for c in cols]
    n = 0
    for row in rows:
        row = worded(row, lang)
        n += 1
        for i, col in enumerate(cols):
            value = row.get(col.key)
            if value is None:
                continue
            cell = ws.cell(row=n + 1, column=i + 1, value=_xlsx_value(value))
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl makes "=…" a formula; a record's text is never one
            elif col.key in TIMES and isinstance(value, dt.datetime):
                cell.number_format = moment
            elif col.key in DATES and isinstance(value, dt.date):
                cell.number_format = day
            elif col.key in SHARES and isinstance(value, float):
                cell.number_format = "0%"
            widths[i] = max(widths[i], _text_width(value))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width, 6), MAX_WIDTH) + 2
        if width > MAX_WIDTH:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{n + 1}"
    wb.save(path)
    return n
