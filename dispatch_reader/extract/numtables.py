"""Tables of figures in reports: one row per unit, numbers in the cells.

`STT | Xã, phường | Có mặt/Biên chế | Được tăng cường` then `1 | Xã Tân Phong | 31/40 | 6`: the
row number is no count, each figure is one (`31/40` is 31 of 40), counted under its column's
header and the row's unit. Rows come with cells split by ` | ` (ingestion's tables) or wide gaps.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dispatch_reader.extract.textutil import Page, squash
from dispatch_reader.record import Count, Evidence

_CELL = re.compile(r"[^|]+?(?=\s*\||\s{2,}|\s*$)")
_FIGURE = re.compile(r"^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:/(\d{1,3}(?:[.,]\d{3})*|\d+))?$")
_ROW_NO = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")
_HEADER_ROW = re.compile(r"^\s*(?:STT|TT|Số TT|No\.?)\b", re.I)


@dataclass
class Figure:
    value: int
    total: int | None
    start: int  # page offset of the cell
    quote: str
    what: str


@dataclass
class NumberTable:
    row_numbers: list[int]  # page offsets of the row numbers: not counts
    figures: list[Figure]


def _cells(line: str, at: int) -> list[tuple[int, str]]:
    """(page offset, text) of each cell of a line split at ` | ` or wide gaps."""
    out = []
    for m in _CELL.finditer(line):
        text = m.group(0).strip()
        if text:
            out.append((at + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), text))
    return out


def _int(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def _figure_row(cells: list[tuple[int, str]]) -> tuple[int | None, str, list[tuple[int, str]]] | None:
    """(row-number offset, label, figure cells) of a figures row, else None."""
    if len(cells) >= 3 and re.match(r"^\d{1,3}\.?$", cells[0][1]) and not _FIGURE.match(cells[1][1]):
        # the row number in a cell of its own: number and label read as one first cell
        cells = [(cells[0][0], f"{cells[0][1]} {cells[1][1]}")] + cells[2:]
    if len(cells) < 2:
        return None
    figures = [c for c in cells[1:] if _FIGURE.match(c[1])]
    if len(figures) != len(cells) - 1:
        return None
    at, first = cells[0]
    m = _ROW_NO.match(first)
    label = first[m.end():] if m else first
    if not re.search(r"[^\W\d_]", label):
        return None
    return (at if m else None), squash(label), figures


def _headers(line: str, n_figures: int) -> list[str] | None:
    """The figure columns' headers when the header line splits into as many cells as the rows."""
    parts = [squash(t) for _, t in _cells(line, 0)]
    if parts and re.match(r"^(?:STT|TT|Số TT)$", parts[0], re.I):
        parts = parts[1:]
    if len(parts) == n_figures + 1:
        return parts[1:]
    return None


def _year_columns(rows: list[list[tuple[int, str]]]) -> set[int]:
    """Columns whose every cell is a year (`Năm sinh`, `Năm tuyển dụng`): dates, not counts."""
    out = set()
    for c in range(len(rows[0])):
        cells = [r[c][1] for r in rows if c < len(r)]
        if all(re.fullmatch(r"(?:19|20)\d\d", t) for t in cells):
            out.add(c)
    return out


def find_number_tables(page: Page) -> NumberTable:
    """Every run of two or more figure rows on a page (cached on the page)."""
    if "number_tables" in page.cache:
        return page.cache["number_tables"]
    found = NumberTable([], [])
    text = page.text
    if "|" in text or "  " in text:
        lines = text.split("\n")
        offsets = []
        pos = 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        rows = [_figure_row(_cells(line, offsets[k])) if ("|" in line or "  " in line) else None
                for k, line in enumerate(lines)]
        k = 0
        while k < len(lines):
            if rows[k] is None:
                k += 1
                continue
            j = k
            while j < len(lines) and rows[j] is not None and len(rows[j][2]) == len(rows[k][2]):
                j += 1
            if j - k >= 2 and sum(r[0] is not None for r in rows[k:j]) >= 1:
                above = lines[k - 1] if k > 0 else ""
                heads = _headers(above, len(rows[k][2])) if _HEADER_ROW.match(above) else None
                years = _year_columns([r[2] for r in rows[k:j]])
                for row_no, label, figs in rows[k:j]:
                    if row_no is not None:
                        found.row_numbers.append(row_no)
                    for c, (at, cell) in enumerate(figs):
                        if c in years:
                            continue
                        m = _FIGURE.match(cell)
                        value, total = _int(m.group(1)), (_int(m.group(2)) if m.group(2) else None)
                        if total is not None and value > total:
                            continue
                        what = f"{heads[c]} - {label}" if heads else label
                        found.figures.append(Figure(value, total, at, cell, what))
            k = max(j, k + 1)
        _read_by_column(lines, offsets, rows, found)
    page.cache["number_tables"] = found
    return found


_LABEL_LINE = re.compile(r"^\s*(\d{1,3})\.?\s+(?=[^\W\d_])([^|]*?)\s*$")
_GARBAGE = re.compile(r"^[^\W\d_]{1,4}$")  # a figure OCR read as letters ("ibe" for 12)


def _bare_figures(cells: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The figures of a row that has no label: `97/112 | 12` (OCR read the table column by
    column, labels first); cells OCR garbled into letters are skipped, not counted."""
    if len(cells) < 2 or not _FIGURE.match(cells[0][1]):
        return None
    if not all(_FIGURE.match(t) or _GARBAGE.match(t) for _, t in cells[1:]):
        return None
    return [c for c in cells if _FIGURE.match(c[1])]


def _read_by_column(lines: list[str], offsets: list[int], rows: list, found: NumberTable) -> None:
    """A table OCR read column by column: numbered labels (`1 Xã Tân Phong`, `2 …`), maybe the
    figure headers, then as many label-less figure rows. Labels and figures pair in order."""
    k = 0
    while k < len(lines):
        bare = _bare_figures(_cells(lines[k], offsets[k])) if "|" in lines[k] or "  " in lines[k] else None
        if bare is None or rows[k] is not None:
            k += 1
            continue
        run = []
        j = k
        while j < len(lines) and rows[j] is None:
            b = _bare_figures(_cells(lines[j], offsets[j])) if "|" in lines[j] or "  " in lines[j] else None
            if b is None:
                break
            run.append(b)
            j += 1
        if len(run) < 2:
            k = j + 1
            continue
        labels: list[tuple[int, str]] = []
        gap = 0
        i = k - 1
        while i >= 0 and gap <= 2:
            m = _LABEL_LINE.match(lines[i])
            if m and (not labels or int(m.group(1)) == int(_LABEL_LINE.match(lines[labels[0][0]]).group(1)) - 1):
                labels.insert(0, (i, m.group(2)))
                if int(m.group(1)) == 1:
                    break
            elif labels:
                break
            else:
                gap += 1
            i -= 1
        paired = len(labels) == len(run)
        for r, figs in enumerate(run):
            label = squash(labels[r][1]) if paired else ""
            if paired:
                line_no = labels[r][0]
                found.row_numbers.append(offsets[line_no] + len(lines[line_no]) - len(lines[line_no].lstrip()))
            for at, cell in figs:
                m = _FIGURE.match(cell)
                value, total = _int(m.group(1)), (_int(m.group(2)) if m.group(2) else None)
                if total is None or value <= total:
                    found.figures.append(Figure(value, total, at, cell, label))
        # a total row after the label-less rows ("Tổng cộng | 293/354 | 46")
        if j < len(lines):
            row = _figure_row(_cells(lines[j], offsets[j]))
            if row is not None and row[0] is None:
                for at, cell in row[2]:
                    m = _FIGURE.match(cell)
                    value, total = _int(m.group(1)), (_int(m.group(2)) if m.group(2) else None)
                    if total is None or value <= total:
                        found.figures.append(Figure(value, total, at, cell, row[1]))
                j += 1
        k = j


def figure_counts(page: Page, doc: Doc) -> list[tuple[Count, int]]:
    """The figures of the page's tables as counts, each with the index of its token."""
    starts = doc.user_data["starts"]
    out = []
    for f in find_number_tables(page).figures:
        tok = min(bisect.bisect_left(starts, f.start), max(len(starts) - 1, 0))
        out.append((Count(value=f.value, what=f.what, total=f.total,
                          evidence=Evidence(page=page.number, quote=f.quote, start=f.start,
                                            confidence=page.ocr_confidence)), tok))
    return out
