"""DANH SÁCH rows whose cell gaps were lost: `1 Lò Thị Duyên Chuyên viên Phòng Công chức, UBND xã Mường Nhé`.

A text layer or OCR may give a table's row as plain words with single spaces, its header split
over two lines, and a cell that wrapped inside the table on the next line(s) (`viên chức`,
`Nga`). The cells are then read from what the words are, in the header's column order: the
name is the capitalised run after the row number (OCR's glued `GiàngAChớ` split at its
capitals), a position starts with a listed position, a unit and a destination start with a
body head, the destination with a commune-level head (`UBND xã`, `Xã`); dates are the period.
Vocabularies are the data files the rest of extraction uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.textutil import fold_phrase, fold_word
from dispatch_reader.textnorm import for_matching

_WORD = re.compile(r"\S+")
_NOISE = re.compile(r"^[^\w(]+$")  # "|", "©", "‘": cell rules and specks
_ROW_NO = re.compile(r"^\s*(\d{1,3})\.?\s+(?=\S)")
_DATEISH = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{1,2}\s*(?:tháng|năm)\b")


@dataclass
class LooseRow:
    cells: dict[str, str]
    name_start: int  # offset of the name's first word in the text given
    name_quote: str  # the name as printed (before glued syllables were split)
    extra: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _positions() -> tuple[tuple[str, ...], ...]:
    rows = {tuple(fold_phrase(p).split()) for p in resources.lines("positions.txt")}
    return tuple(sorted(rows, key=len, reverse=True))


@lru_cache(maxsize=1)
def _heads() -> frozenset[tuple[str, ...]]:
    heads = {tuple(fold_phrase(h).split()) for h in resources.lines("body_heads.txt")}
    heads |= {(fold_phrase(a),) for a in resources.words("abbreviations.tsv") if a.isupper()}
    return frozenset(heads)


@lru_cache(maxsize=1)
def _levels() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold_phrase(r[0]).split()) for r in resources.rows("admin_levels.txt"))


def _starts(words: list[str], i: int, phrases: frozenset[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at words[i] (0 for none)."""
    folded = [fold_word(w.strip(",.;:")) for w in words[i:i + 6]]
    best = 0
    for p in phrases:
        if len(p) > best and tuple(folded[:len(p)]) == p:
            best = len(p)
    return best


def _is_head(words: list[str], i: int) -> bool:
    return bool(words[i][:1].isupper() and _starts(words, i, _heads()))


def _is_level(words: list[str], i: int) -> bool:
    return bool(_starts(words, i, _levels()))


def _destination_start(words: list[str], i: int) -> bool:
    """`UBND xã …`, `Ủy ban nhân dân phường …`, `Xã …`, `Trạm Y tế xã …`: a commune-level place."""
    if not words[i][:1].isupper():
        return False
    if _is_level(words, i):
        return True
    n = _starts(words, i, _heads())
    return bool(n and i + n < len(words) and _is_level(words, i + n))


def _name_syllable(word: str) -> bool:
    return word.isalpha() and word[:1].isupper() and (len(word) == 1 or not word.isupper()) and len(word) <= 7


def split_glued(word: str) -> list[str]:
    """`GiàngAChớ` → `Giàng A Chớ`: OCR lost the spaces between a name's syllables (a capital
    after a small letter, or a capital before a small letter after another capital)."""
    out: list[str] = []
    begin = 0
    for i in range(1, len(word)):
        ch, prev = word[i], word[i - 1]
        if ch.isupper() and prev.isalpha() and (prev.islower() or (i + 1 < len(word) and word[i + 1].islower())):
            out.append(word[begin:i])
            begin = i
    out.append(word[begin:])
    return out


def _vocab_start(words: list[str], i: int) -> bool:
    return bool(_starts(words, i, _positions()) or _is_head(words, i) or _is_level(words, i))


@lru_cache(maxsize=1)
def _exact_vocab() -> frozenset[tuple[str, ...]]:
    """Positions, heads and levels in lower case with their marks."""
    out = set()
    for name in ("positions.txt", "body_heads.txt", "admin_levels.txt"):
        for row in resources.rows(name):
            out.add(tuple(for_matching(row[0]).lower().split()))
    out |= {(a.lower(),) for a in resources.words("abbreviations.tsv") if a.isupper()}
    return frozenset(out)


def _vocab_start_exact(words: list[str], i: int) -> bool:
    """A vocabulary phrase starts at words[i], marks and all: `Văn Phong` ends no name the way
    `Văn phòng` starts a unit."""
    low = [for_matching(w.strip(",.;:")).lower() for w in words[i:i + 6]]
    return any(tuple(low[:len(p)]) == p for p in _exact_vocab())


def _take_name(words: list[str]) -> tuple[list[str], int]:
    """(name syllables, words used) from the start of a row."""
    out: list[str] = []
    used = 0
    for k, w in enumerate(words):
        parts = split_glued(w)
        if not all(_name_syllable(p) for p in parts) or len(out) + len(parts) > 5:
            break
        if out and (_vocab_start_exact(words, k) or _vocab_start_exact(parts + words[k + 1:], 0)):
            break
        out.extend(parts)
        used = k + 1
    return out, used


def _take_position(words: list[str]) -> int:
    """Words of the position cell: a listed position, else the words before a body name."""
    n = _starts(words, 0, _positions())
    if n:
        # "Phó Trưởng Phòng Công chức": the listed "Phó Trưởng phòng" ends in lower case; a
        # capitalised last word there starts the unit instead
        last = words[n - 1]
        if n > 1 and last[:1].isupper() and _is_head(words, n - 1):
            n -= 1
        return n
    k = 0
    while k < len(words) and not _is_head(words, k) and not _DATEISH.match(words[k]):
        k += 1
    return k


def _cut_before(words: list[str], test: Callable[[list[str], int], bool]) -> int:
    k = 0
    while k < len(words) and not test(words, k):
        k += 1
    return k


def parse_row(text: str, fields: list[str | None], tails: list[str]) -> LooseRow | None:
    """One row from its line (after nothing: the row number is still on it) and the lines
    that hold its wrapped cells."""
    m = _ROW_NO.match(text)
    if not m:
        return None
    spans = [(w.start(), w.group()) for w in _WORD.finditer(text, m.end()) if not _NOISE.match(w.group())]
    words = [w for _, w in spans]
    name, used = _take_name(words)
    if len(name) < 2:
        return None
    cells: dict[str, str] = {"name": " ".join(name)}
    rest = words[used:]
    order = [f for f in fields if f not in (None, "row", "name")]
    for f in order:
        if not rest:
            break
        if f == "position":
            n = _take_position(rest)
        elif f == "from_unit" and "to_unit" in order[order.index(f) + 1:]:
            n = _cut_before(rest, lambda ws, k: k > 0 and _destination_start(ws, k))
        elif f in ("to_unit", "from_unit", "field"):
            n = _cut_before(rest, lambda ws, k: bool(_DATEISH.match(ws[k])))
        elif f == "period":
            n = len(rest)
        else:
            continue
        if n:
            cells[f] = " ".join(rest[:n])
            rest = rest[n:]
    _add_tails(cells, tails, order)
    first = spans[0][0]
    quote_words = [w for _, w in spans[:used]]
    quote = text[first:spans[used - 1][0] + len(quote_words[-1])]
    return LooseRow(cells=cells, name_start=first, name_quote=quote)


def _add_tails(cells: dict[str, str], tails: list[str], order: list[str]) -> None:
    """Wrapped cell ends on the lines below a row go back to their cells."""
    for idx, line in enumerate(tails):
        words = [w for w in line.split() if not _NOISE.match(w)]
        if not words:
            continue
        if idx == 0 and _name_tail(cells, words):
            k = 0
            while k < len(words) and k < 2 and _name_syllable(words[k]) and not _vocab_start(words, k):
                k += 1
            cells["name"] += " " + " ".join(words[:k])
            words = words[k:]
            if not words:
                continue
        if _destination_start(words, 0):
            cells.setdefault("to_unit", " ".join(words))
            continue
        lower = []
        while words and words[0][:1].islower():
            lower.append(words.pop(0))
        if lower:
            pos = cells.get("position", "")
            k = 0
            if pos:
                for k in range(len(lower), 0, -1):
                    if _starts((pos + " " + " ".join(lower[:k])).split(), 0, _positions()) == len(pos.split()) + k:
                        break
                else:
                    k = 0
            if k:
                cells["position"] = pos + " " + " ".join(lower[:k])
            rest = lower[k:]
            if rest:
                key = "from_unit" if "from_unit" in cells else ("to_unit" if "to_unit" in cells else None)
                if key:
                    cells[key] = cells[key] + " " + " ".join(rest)
        if words and "from_unit" in order and "from_unit" not in cells and _is_head(words, 0):
            cells["from_unit"] = " ".join(words)


def _name_tail(cells: dict[str, str], words: list[str]) -> bool:
    """The first wrapped line starts with the end of the name: one or two capitalised syllables
    that are no vocabulary word, when the name is short enough to go on and no place cell of
    the row was left hanging on a level word (`UBND xã Mường` / `Nhé`)."""
    if len(cells["name"].split()) >= 4 or not _name_syllable(words[0]) or _vocab_start(words, 0):
        return False
    for key in ("to_unit", "from_unit"):
        unit = cells.get(key, "").split()
        if len(unit) >= 2 and _is_level(unit, len(unit) - 2):
            return False
    return True


def is_stop_line(line: str) -> bool:
    """A line that ends a table: a new section, a total, the signature or recipients."""
    f = fold_phrase(line)
    return bool(re.match(r"(?:tong (?:so|cong)|noi nhan|dieu \d|danh sach|ghi chu\s*:)", f)) or len(line) > 140


@lru_cache(maxsize=1)
def _squeezed_columns() -> tuple[tuple[str, str], ...]:
    """Column names without spaces or marks (OCR glues header words: `Đơnvicôngtác`), longest first.
    Glued, one heading of position and unit is two (`Chứcvụ Đơnvịcôngtác`): a row's words are
    parted between them (parse_row)."""
    rows = {(re.sub(r"[^a-z0-9]", "", fold_phrase(r[0])), r[1]) for r in resources.rows("table_columns.tsv")
            if r[1] not in ("position_unit", "to_position_unit")}
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def header_fields(line: str) -> list[str] | None:
    """The column fields a header line is made of, read left to right, or None when any part
    of the line is no column name."""
    if len(line) > 160:
        return None
    rest = re.sub(r"[^a-z0-9]", "", fold_phrase(line))
    out: list[str] = []
    while rest:
        hit = next(((key, f) for key, f in _squeezed_columns() if rest.startswith(key)), None)
        if hit is None:
            if not out:
                return None
            # a few letters OCR misread inside a column name (`Donvicdngtac`) belong to the
            # column before them when a known column name follows soon after
            skip = next((k for k in range(1, min(len(rest), 11)) if any(
                rest.startswith(key, k) for key, _ in _squeezed_columns() if len(key) >= 4)), None)
            if skip is None and len(rest) > 8:
                return None
            rest = rest[skip:] if skip is not None else ""
            continue
        out.append(hit[1])
        rest = rest[len(hit[0]):]
    return out or None


def find_loose_header(lines: list[str], i: int) -> tuple[list[str | None], int] | None:
    """Column fields of a header written without gaps, over up to three lines from lines[i]:
    (fields, lines used), or None."""
    fields: list[str | None] = []
    for used in range(1, 4):
        if i + used > len(lines):
            return None
        got = header_fields(lines[i + used - 1])
        if got is None:
            return None
        fields.extend(got)
        nxt = lines[i + used] if i + used < len(lines) else ""
        if "row" in fields and "name" in fields and len(fields) >= 3 and (
                _ROW_NO.match(nxt) or header_fields(nxt) is None):
            return fields, used
    return None
