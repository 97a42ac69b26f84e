"""DANH SÁCH tables: one row per person (STT, Họ và tên, Chức vụ, Đơn vị, Nơi đến, Thời gian).

Rows come as text lines with cells separated by ` | ` (what ingestion writes for tables it
found) or by wide gaps (text layers, typed text): `1 | Lò Văn A | Chuyên viên | Sở Nội vụ |
Xã X | 03/9/2025-03/11/2025`. The header row names the columns; header names are data
(table_columns.tsv), so any column order works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.datefmt import find_dates
from dispatch_reader.extract.looserows import find_loose_header, is_stop_line, parse_row, split_glued
from dispatch_reader.extract.textutil import Page, fold_phrase, squash
from dispatch_reader.ingest.tables import HEADING_SPECKS
from dispatch_reader.ingest.vietnamese import is_syllable as may_be_syllable
from dispatch_reader.places.match import edit_distance

_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
# a row number, after a speck or two OCR read at the row's start (`—— 8 | Hoang Minh Đức | …`,
# `‹ 7 | Lit Thị Hoa | …`: a photocopy's toner, a fax's streak at the table's left rule); not a
# bullet's `-`, `+` or `•`, and then three figures at most (`“2025 | …` is no row 2025)
_ROW_NO = re.compile(r"^\s*(?:[^\w\s|\-+•]{1,3}\s*(?=\d{1,3}\D))?(\d{1,4})\.?(?:\s*\|\s*|\t|\s{2,}|\s+(?=\S))")
_NAME_SPECKS = re.compile(r"^[^\w(]+|[^\w)]+$")
_SPECK_ROW = re.compile(r"^\s*[^\w\s|]{1,2}\s*\|")
_LOOSE_NO = re.compile(r"^\s*(\d{1,3})\.?\s+(?=[^\W\d_])")


def speck_after_a_name(word: str) -> bool:
    """Is `word`, read after a whole name (three words), a speck beside it: a letter alone, in
    small letters or marked (`Phan Minh Khoa Ì`)? A plain capital tells namesakes apart in a
    list (`Nguyễn Thị Hoa A`, a reviewer's); a one-letter name word stands inside a name
    (`Giàng A Chử`, `Y Kô Niê`)."""
    return len(word) == 1 and not ("A" <= word <= "Z")


def _without_scrap_tail(name: str) -> str:
    """An OCRed name cell without the words after it in small unmarked letters that no
    Vietnamese syllable is spelled as, marks lost or not (`Phạm Quốc Khánh ee ees`: specks under
    a tilted row of a photo, read as letters). A syllable in small letters stays (OCR lowers a
    name's capital: `Lò Văn pấng`), as does a marked word (`Y Moan êban`) and one in brackets."""
    words = name.split()
    kept = len(words)
    if kept >= 4 and speck_after_a_name(words[-1]):
        kept -= 1
    while kept > 2 and words[kept - 1].isascii() and words[kept - 1].isalpha() and words[kept - 1].islower() \
            and not may_be_syllable(words[kept - 1]):
        kept -= 1
    return name if kept == len(words) else " ".join(words[:kept])


# a dash or a rule's stub OCR read at a cell's edge (`- UBND xã Pha Long`, `Sở Xây dựng -`)
_EDGE_DASH = re.compile(r"^[-–—_~]+\s+|\s+[-–—_~]+$")


def _without_cell_specks(cell: str) -> str:
    """An OCRed cell without a dash at its edges and the small unmarked letters after it that
    no syllable is spelled as (`Quy hoạch, xây dựng is`: a speck under a tilted row)."""
    cell = _EDGE_DASH.sub("", cell)
    words = cell.split()
    if len(words) > 1 and words[-1].isascii() and words[-1].isalpha() and words[-1].islower() \
            and len(words[-1]) <= 3 and not may_be_syllable(words[-1]):
        cell = cell[:cell.rstrip().rfind(" ")].rstrip()
    return cell


@dataclass
class ListRow:
    page: int
    cells: dict[str, str]
    name_start: int  # offset of the name in the page text
    line: str = ""
    heading: str = ""  # the DANH SÁCH title above the table
    extra: dict[str, str] = field(default_factory=dict)
    quote: str = ""  # the name as printed, where it differs from cells["name"] (glued syllables)

    @property
    def name_quote(self) -> str:
        return self.quote or self.cells["name"]


@lru_cache(maxsize=1)
def _columns() -> list[tuple[str, str]]:
    rows = [(fold_phrase(r[0]), r[1]) for r in resources.rows("table_columns.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=4096)
def column_field(header: str) -> str | None:
    # every line of three cells or more is asked (`_header`), a near heading reckoned for each
    # cell: the same cells recur. A rule's stub a scan left at a heading's corner (`_STT` on a
    # fax) is no part of it.
    f = fold_phrase(header).strip(HEADING_SPECKS)
    for key, name in _columns():
        if f == key or f.startswith(key + " ") or f.startswith(key + ","):
            return name
    # a narrow column's heading wrapped inside its cell (`ST T`, `Họ và t ên`): its words whole
    squeezed = f.replace(" ", "")
    for key, name in _columns():
        if squeezed == key.replace(" ", ""):
            return name
    return _near_column(f)


def _near_column(folded: str) -> str | None:
    """A heading a copy misread a letter of, or read without its spaces (`Nơi biệt phá đến`,
    `Lĩnhvựcphutrách`): its letters one off a long heading's (two off a longer one), and
    no heading of another field as near."""
    read = re.sub(r"[^a-z]", "", folded)
    if len(read) < _NEAR_LEAST:
        return None
    near: dict[str, int] = {}
    for key, name in _columns():
        letters = re.sub(r"[^a-z]", "", key)
        if len(letters) < _NEAR_LEAST:
            continue
        slip = 1 if len(letters) < 12 else 2
        d = edit_distance(read, letters, slip)
        if d <= slip:
            near[name] = min(d, near.get(name, d))
    if not near:
        return None
    best = min(near.values())
    fields = [name for name, d in near.items() if d == best]
    return fields[0] if len(fields) == 1 else None


# headings shorter than this (letters) are too short to be guessed at (`Tên`, `STT`)
_NEAR_LEAST = 6


def _split(line: str, keep_empty: bool = False) -> list[str]:
    cells = [c.strip() for c in _CELL_SPLIT.split(line.strip())]
    if not keep_empty:
        return [c for c in cells if c]
    # an empty cell between two others (`… | Chuyên viên Phòng X, Sở Y |  | xã Z`) holds its column
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _unglue_row_number(cells: list[str]) -> list[str]:
    """`STT Họ và tên` (the number column glued to the next by a narrow gap) is two cells."""
    if len(cells) < 2:
        return cells
    head, _, rest = cells[0].partition(" ")
    if rest and len(head) <= 5 and column_field(head) == "row" and column_field(rest):
        return [head, rest] + cells[1:]
    return cells


# `STT` as OCR misreads it: an S (or 5, $, §) and at most two more marks (`Si`, `5TT`, `ST.`);
# not `Ngày`, `Thứ`, `Ca`, `Tổ` opening a roster or a form
_MISREAD_STT = re.compile(r"[Ss5$§][^\s]{0,2}\.?")


def _header(line: str) -> list[str | None] | None:
    cells = _unglue_row_number(_split(line))
    if len(cells) < 3:
        return None
    fields = [column_field(c) for c in cells]
    # the number column's short head misread (`Si`, `5TT` for `STT`) before a name column and
    # two more columns the table's vocabulary knows: the row numbers' column still
    if "row" not in fields and len(fields) > 1 and fields[0] is None and fields[1] == "name" and \
            _MISREAD_STT.fullmatch(cells[0]) and sum(f is not None for f in fields) >= 3:
        fields[0] = "row"
    if "row" in fields and "name" in fields:
        return fields
    return None


# a row number misread as a letter, a sign or two (`Uh | Tấn Láo Lở | …` for 7 on a phone photo;
# `i`, `a`, `2)` for 1, 2 and 5 on faint ink): a cell of three marks at most, no word
_MISREAD_ROW = re.compile(r"^\s*[^\s|]{1,3}\s*\|")
# the rows looked at below it for a number that vouches for it
_MISREAD_REACH = 3


def _misread_number(line: str, below: list[str], last: int | None, columns: int) -> bool:
    """A full row (`columns` cells) whose number cell was misread, where the next numbered row
    below, the rows between full rows too, bears the number this row's place in the list
    gives it: its number was misread. (Lettered sub-items under numbered headings, `1 | Sở Nội
    vụ`, `a | …`, `b | …`, `2 | …`, are no such rows: the numbers do not follow.)"""
    if not _MISREAD_ROW.match(line) or len(_split(line)) != columns:
        return False
    for gap, later in enumerate(below[:_MISREAD_REACH]):
        m = _ROW_NO.match(later)
        if m:
            return int(m.group(1)) == (last or 0) + gap + 2
        if not _MISREAD_ROW.match(later) or len(_split(later)) != columns:
            return False
    return False


def _next_row(line: str, last: int | None) -> bool:
    """A line that opens the next row: its leading number follows the last row's."""
    m = _LOOSE_NO.match(line)
    return bool(m) and (last is None or int(m.group(1)) == last + 1)


def find_list_rows(pages: list[Page]) -> list[ListRow]:
    out: list[ListRow] = []
    for page in pages:
        if "list_rows" not in page.cache:
            page.cache["list_rows"] = _page_rows(page)
        out.extend(page.cache["list_rows"])
    return out


def _page_rows(page: Page) -> list[ListRow]:
    out: list[ListRow] = []
    for _ in (page,):
        text = page.text
        if "stt" not in page.folded and "ho va ten" not in page.folded and "ho ten" not in page.folded:
            continue
        lines = text.split("\n")
        starts = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        fields: list[str | None] | None = None
        loose = False
        heading = ""
        last: int | None = None
        i = 0
        while i < len(lines):
            line, start = lines[i], starts[i]
            i += 1
            if fields is None:
                if fold_phrase(line).startswith("danh sach"):
                    heading = line.strip()
                elif heading and len(heading) < 300 and not _header(line):
                    heading = squash(heading + " " + line) if not line.strip().startswith("(") else heading
                fields = _header(line)
                if fields is None:
                    found = find_loose_header(lines, i - 1)
                    if found:
                        fields, used = found
                        loose = True
                        i += used - 1
                continue
            m = _ROW_NO.match(line) if not loose else None
            # a row number OCR read as a speck ("= | Nông Văn Hậu | …") between numbered rows
            speck = not loose and m is None and \
                (last is not None and _SPECK_ROW.match(line) or _misread_number(line, lines[i:], last, len(fields)))
            cells = _split(line) if m or speck else []
            if cells and fields and len(cells) < len(fields):
                spaced = _split(line, keep_empty=True)
                cells = spaced if len(spaced) == len(fields) else cells
            if m and fields and fields[0] == "row" and len(cells) == len(fields) - 1 and \
                    re.match(r"\d{1,4}\.?\s+[^\W\d_]", cells[0]):
                # the row number glued to the name by a narrow gap, as in its header
                cells = [m.group(1), re.sub(r"^\s*\d{1,4}\.?\s*", "", cells[0])] + cells[1:]
            # an empty last column ("Ghi chú") leaves no cell
            while fields and len(cells) < len(fields) and len(cells) >= len(fields) - 2 and \
                    all(f in (None, "note", "birth") for f in fields[len(cells):]):
                cells.append("")
            if (m or speck) and len(cells) == len(fields):
                row = {f: c for f, c in zip(fields, cells) if f}
                if page.ocr_confidence is not None:
                    row = {f: c if f == "name" else _without_cell_specks(c) for f, c in row.items()}
                # a speck read before or after the name (`“Tấn Láo Lở`: a quote mark) is none of it
                if "name" in row:
                    row["name"] = _NAME_SPECKS.sub("", row["name"])
                    if page.ocr_confidence is not None:  # (a text layer's cell is as typed)
                        row["name"] = _without_scrap_tail(row["name"])
                name = row.get("name", "")
                if name and re.search(r"\d", name) and m:
                    # rows ingestion merged into one line: their names are still in order
                    merged = _merged_names(text, start, line, name, int(m.group(1)), page.number, heading)
                    out.extend(merged)
                    if merged:
                        last = int(m.group(1)) + len(merged) - 1
                    continue
                if not name or len(name.split()) < 2 or re.search(r"[\d,;]", name):
                    continue
                name_at = text.find(name, start, start + len(line))
                out.append(ListRow(page=page.number, cells=row, name_start=name_at if name_at >= 0 else start,
                                   line=line, heading=heading))
                last = int(m.group(1)) if m else (last or 0) + 1
                continue
            if not _next_row(line, last):
                continue
            # a row whose cells have no gaps between them: read the words, and the wrapped
            # cell ends on the lines below it
            tails = []
            j = i
            while j < len(lines) and len(tails) < 4 and not _next_row(lines[j], int(_LOOSE_NO.match(line).group(1))) \
                    and not is_stop_line(lines[j]):
                if lines[j].strip():
                    tails.append(lines[j])
                j += 1
            parsed = parse_row(line, fields, tails)
            if parsed is None:
                continue
            last = int(_LOOSE_NO.match(line).group(1))
            out.append(ListRow(page=page.number, cells=parsed.cells, name_start=start + parsed.name_start,
                               line=line, heading=heading, quote=parsed.name_quote))
    return out


_MERGED_NO = re.compile(r"(?:^|(?<=\s))(\d{1,3})\.?\s+")


def _merged_names(text: str, start: int, line: str, cell: str, first: int, page: int,
                  heading: str) -> list[ListRow]:
    """`1 Lò Văn A đai, 2 Vàng Thị B 3 GiàngSeoC`: several rows' name cells read as one, each
    after its row number; words of a wrapped cell in another column (`đai,`) and glued
    syllables are cleaned off. Only the names are kept: the other cells cannot be told apart."""
    cell_at = text.find(cell, start, start + len(line))
    if cell_at < 0:
        return []
    pieces: list[tuple[int, int]] = [(0, 0)]  # the first row's number was cut off with its own cell
    expect = first + 1
    for mm in _MERGED_NO.finditer(cell):
        if int(mm.group(1)) == expect:
            pieces.append((mm.start(1), mm.end()))
            expect += 1
    if len(pieces) < 2:
        return []
    out = []
    for k, (_, name_at) in enumerate(pieces):
        end = pieces[k + 1][0] if k + 1 < len(pieces) else len(cell)
        words = cell[name_at:end].split()
        syllables: list[str] = []
        used = 0
        for w in words:
            parts = split_glued(w)
            if not all(p.isalpha() and p[:1].isupper() for p in parts):
                break
            syllables.extend(parts)
            used += 1
        if len(syllables) < 2 or len(syllables) > 5:
            continue
        quote = " ".join(words[:used])
        at = text.find(quote, cell_at + name_at, cell_at + end)
        out.append(ListRow(page=page, cells={"name": " ".join(syllables)}, name_start=at if at >= 0 else start,
                           line=line, heading=heading, quote=quote))
    return out


def period_cell(text: str, default_year: int | None = None) -> tuple[str | None, str | None, float | None]:
    """`03/9/2025-03/11/2025`, `từ 03/9/2025 đến 03/11/2025`, `06 tháng` → (start, end, months)."""
    from dispatch_reader.extract.textutil import fold_keep

    hits = [h for h in find_dates(fold_keep(text), default_year=default_year) if h.iso]
    start = hits[0].iso if hits else None
    end = hits[1].iso if len(hits) > 1 else None
    months = None
    m = re.search(r"(\d{1,2})\s*(tháng|năm|months?|years?)", text.lower())
    if m and not hits:
        n = int(m.group(1))
        months = float(n * 12 if m.group(2) in ("năm", "year", "years") else n)
    return start, end, months
