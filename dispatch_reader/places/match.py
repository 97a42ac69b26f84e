"""Matching a printed destination (`Ủy ban nhân dân xã Tả Phìn`, `Trạm Y tế xã Pắc Ta`,
`37 xã, phường`, `Tan Phong commune`) to the official list. Pure functions on strings.

How a name matches, in this order (`PlaceMatch.match`):
- `aggregate`: a group of places, not one (`37 xã, phường`, `các xã vùng cao, biên giới`);
- `unnamed`: no commune or ward is named (`Sở Tài chính`, `Trung tâm Phục vụ hành chính công xã`);
- `exact`: the name as the list spells it (the level word's case aside: `xã`/`Xã`);
- `folded`: equal once case, old/new tone placement (`Hoà`/`Hòa`, `Thuỷ`/`Thủy`), level
  abbreviations (`P.`, `TT.`) and spacing are set aside, or a name printed with no diacritics
  at all in a text that has none (an English report's `Tan Phong commune`);
- `corrected`: an OCR-damaged name (`xã Đà Vi`, `Pac Ta` in a Vietnamese text, `Đắc Ta`, noise
  such as `n¡; Xã Tả Phìn`), read as the one unit of the issuing province whose folded name has
  as many syllables and is within `max_edits` of it; never without a province, never when two
  units are that close, never for a document issued before the reorganisation;
- `ambiguous`: the name is a real unit in several provinces and nothing says which;
- `old_name`: a name from before 1 July 2025 (given with a district or a `thị trấn`, or in a
  document issued before then) that the new list does not hold; kept as printed, not converted;
- `unmatched`: nothing in the list is close enough.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from dispatch_reader.places.official import Province, Unit, key, official, old_names
from dispatch_reader.textnorm import for_matching, nfc, squash

REORGANISED = "2025-07-01"  # the two-level local government starts (no districts after this day)

MATCH_KINDS = ("exact", "folded", "corrected", "aggregate", "ambiguous", "old_name", "unmatched", "unnamed", "own")
FLAGGED = ("corrected", "ambiguous", "old_name", "unmatched")  # what a reader must check


@dataclass(frozen=True)
class UnknownProvince:
    """A province a document names that the official list does not hold (`UBND TỈNH PHÙ VÂN`)."""

    name: str


@dataclass(frozen=True)
class PlaceMatch:
    printed: str  # the destination as the document prints it
    match: str  # one of MATCH_KINDS
    name: str | None = None  # official name: `Xã Tả Phìn`
    code: str | None = None  # official code, five digits: `03013`
    level: str | None = None  # `xã`, `phường`, `đặc khu`
    province: str | None = None  # `Tỉnh Lào Cai`
    province_code: str | None = None  # two digits: `15`
    read_as: str | None = None  # the place name read from `printed` (`xã Đà Vi`), before correction
    note: str | None = None  # why it matched so, or why not (English)

    @property
    def display(self) -> str | None:
        """The official name as running text writes it (`xã Tả Phìn`), else None."""
        if not self.name or not self.level:
            return None
        return f"{self.level} {self.name[len(self.level) + 1:]}" if self.name.lower().startswith(self.level) else self.name

    @property
    def flagged(self) -> bool:
        return self.match in FLAGGED

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("printed", "name", "code", "level", "province", "province_code",
                                               "match", "read_as", "note")}


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    return json.loads(resources.files("dispatch_reader.places").joinpath("data/place_words.json").read_text("utf-8"))


def _fold_chars(text: str) -> str:
    """Lower-case, no diacritics, `đ` → `d`, one character for each of `text` (offsets carry over)."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) or ch
        base = base[0].replace("Đ", "D").replace("đ", "d").lower()
        out.append(base[0] if base else ch)
    return "".join(out)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    w = _words()
    levels = _alt(list(w["levels"]))
    levels_en = _alt(list(w["levels_en"]))
    quant = _alt(w["quantifiers"])
    stop = _alt(w["stop_levels"])
    plurals = _alt(w["plurals_en"])
    tails = _alt(w["aggregate_tails"])
    return {
        # a level word (folded text), then its name
        "level": re.compile(rf"(?<![0-9a-z])({levels})(?=[\s,;:]|$|(?<=\.))"),
        # an English level after its name: `Tan Phong commune`
        "level_en": re.compile(rf"(?<![0-9a-z])({levels_en})(?![0-9a-z])"),
        # a group: `37 xã`, `các xã`, `the communes`, `37 communes and wards`
        "aggregate": re.compile(rf"(?<![0-9a-z])(?:\d+|{quant})\s+(?:{levels}|{plurals})(?![0-9a-z])"),
        "aggregate_tail": re.compile(rf"^(?:[\s,;]*(?:{tails})(?![0-9a-z]))*[\s,;.]*$"),
        "stop": re.compile(rf"(?:{stop})(?![0-9a-z])"),
        "old": re.compile(rf"(?<![0-9a-z])(?:{_alt(w['old_levels'])})(?![0-9a-z])"),
    }


_NAME_WORD = re.compile(r"(?:[^\W\d_][\w'’]*|\d+)")
_NOISE = re.compile(r"[^\w\s.,()\-–/'’\"]")


def _name_after(text: str, folded: str, at: int) -> tuple[int, int]:
    """The capitalised words from `at` on: `Tả Phìn` in `xã Tả Phìn, huyện Sa Pa`; their span."""
    words: list[str] = []
    first = None
    end = at
    for m in re.finditer(r"\S+", text[at:]):
        raw = m.group(0)
        start = at + m.start()
        word = raw.rstrip(",;:.)")
        if not word or _patterns()["stop"].match(folded[start:]):
            break
        if word in ("-", "–"):  # `Văn Miếu - Quốc Tử Giám`
            words.append("-")
            continue
        if not (word[0].isupper() or word[0].isdigit()) or len(words) >= 6:
            break
        words.append(word)
        first = start if first is None else first
        end = start + len(word)
        if raw != word:  # a comma or full stop ends the name
            break
    return (first, end) if first is not None else (at, at)


@dataclass
class _Read:
    name: str | None  # the place's own name (`Tả Phìn`)
    level: str | None  # the level printed (`xã`), normalised
    level_text: str  # the level as printed (`Xã`, `P.`)
    noise: bool  # characters that are no part of a name stood before it (`n¡;`)
    old: bool  # a pre-reorganisation level was printed (`thị trấn`, `huyện`)
    province: Province | UnknownProvince | None  # a province printed with it (`…, tỉnh Lào Cai`)
    aggregate: bool
    span: tuple[int, int] | None = None  # level word and name in the squashed NFC print
    district: str | None = None  # an old district printed with it: `huyện Mèo Vạc`
    province_text: str | None = None  # the province as printed: `tỉnh Hà Giang` (maybe an old one)
    misread: bool = False  # an OCR reading's garbled level word stood before the name (_level_misread)


def read_place(printed: str, ocr: bool = False) -> _Read:
    """What a printed destination says: the name, level, district and province it gives (no
    matching); with `ocr` (an OCR reading), a name after a garbled level word (_level_misread)."""
    read = _read(printed)
    if ocr and not read.name and not read.aggregate:
        misread = _level_misread(printed)
        if misread is not None:
            return misread
    text = for_matching(squash(nfc(printed)))
    folded = _fold_chars(text)
    read.district = _level_and_name(text, folded, r"huyen|quan|thi xa")
    read.province_text = _level_and_name(text, folded, r"tinh|thanh pho")
    return read


def _level_and_name(text: str, folded: str, levels: str) -> str | None:
    """`huyện Mèo Vạc` from `xã Pả Vi, huyện Mèo Vạc, tỉnh Hà Giang` (a level in lower case, or
    a text all in capitals, then capitalised words)."""
    for m in re.finditer(rf"(?<![0-9a-z])(?:{levels})(?![0-9a-z])\s*", folded):
        if not (text[m.start()].islower() or text.isupper()):
            continue
        words = _capitalised(text[m.end():])
        if words:
            return squash(text[m.start():m.end()] + " " + " ".join(words))
    return None


def _read(printed: str) -> _Read:
    as_printed = squash(nfc(printed))
    text = for_matching(as_printed)  # same length: offsets carry over
    folded = _fold_chars(text)
    pats = _patterns()
    # a district or `thị trấn` named in running text (lower case) or in a text all in capitals
    old = any(text[m.start()].islower() or text.isupper() for m in pats["old"].finditer(folded))
    found, unknown = _province_in(text, folded)
    province = found or (UnknownProvince(unknown) if unknown else None)
    agg = pats["aggregate"].search(folded)
    if agg:
        return _Read(None, None, "", False, old, province, True)
    for m in pats["level"].finditer(folded):
        a, b = _name_after(text, folded, m.end())
        name = squash(as_printed[a:b])
        if not name.strip(" -"):
            if pats["aggregate_tail"].match(folded[m.end():]) and "," in folded[m.start():]:
                return _Read(None, None, "", False, old, province, True)  # `xã, phường trên địa bàn`
            continue
        level = _words()["levels"][m.group(1)]
        prefix = text[:m.start()]
        noise = bool(_NOISE.search(prefix)) or bool(re.search(r"(?:^|\s)[^\W\d_]\W*$", prefix)
                                                    and not re.search(r"\w{2,}\s*$", prefix))
        return _Read(name, level, text[m.start():m.end()], noise, old or level == "thị trấn", province, False,
                     (m.start(), b))
    for m in pats["level_en"].finditer(folded):
        before = re.search(r"((?:[A-Z][\w'’-]*\s+){1,5})$", text[:m.start()])
        if before:
            level = _words()["levels_en"][m.group(1)]
            return _Read(squash(as_printed[before.start(1):before.end(1)]), level, m.group(1), False, old, province,
                         False, (before.start(1), m.end()))
    # a bare name: two to five capitalised words and nothing else (a table cell `Pà Vi`)
    if re.fullmatch(r"(?:[^\W\d_][\w'’]*\s*){1,5}", text) and all(w[0].isupper() for w in text.split()) \
            and len(text.split()) >= 2:
        return _Read(as_printed, None, "", False, old, province, False, (0, len(as_printed)))
    return _Read(None, None, "", False, old, province, False)


# an OCR reading of a table cell whose level word came out garbled (`ys rạ Lèng`, `xz mủa sin
# Chải` for `Xã Tả Lèng`, `Xã Tủa Sín Chải`: a fax's streak took the row's top pixels): one or
# two letters (_level_misread says which), then the name's one to four words; the commune's
# committee may stand before (`Ủy ban nhân dân ys Trạm Tấu`, the list's cell under `đến làm việc
# tại UBND các xã`)
_MISREAD_LEVEL = re.compile(r"(?P<head>(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+)?(?P<level>[^\W\d_]{1,2})\s+"
                            r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})", re.IGNORECASE)


def _level_misread(printed: str) -> _Read | None:
    """The name after a level word OCR garbled (see _MISREAD_LEVEL), read as noise and a name:
    the word is what a clipped `Xã` reads as, an `x`, `y` or `v` and a letter at most (`ys`, `xz`,
    `và`, `xà` with the name read small); the name holds a capital. Not `htx`, `bv`, `tp`, `Tả`,
    `Sa` (a body's short form, an old level, a name's own first word) nor `ra trung tâm`."""
    as_printed = squash(nfc(printed))
    m = _MISREAD_LEVEL.fullmatch(as_printed)
    if m is None or _fold_chars(m["level"])[0] not in "xyv" or not any(c.isupper() for c in m["name"]):
        return None
    return _Read(m["name"], None, m["level"], True, False, None, False, (m.start("level"), m.end()), misread=True)


def respell(printed: str, official_name: str, *, tail: bool = True, ocr: bool = False) -> str:
    """`printed` with its place written as `official_name`: `Trạm Y tế xã Pac Ta` →
    `Trạm Y tế xã Pắc Ta`; noise before the place goes (`n¡; Xã Tả Phìn` → `xã Tả Phìn`);
    without `tail`, what follows the place goes too (an old `…, huyện Mèo Vạc`); with `ocr`, a
    level word OCR garbled goes (`ys rạ Lèng` → `xã Tả Lèng`)."""
    read = read_place(printed, ocr)
    text = squash(nfc(printed or ""))
    if read.span is None:
        return text
    a, b = read.span
    head = text[:a] if read.misread or not read.noise else ""  # a misread level's committee stays
    return squash(head + official_name + (text[b:] if tail else ""))


def _province_in(text: str, folded: str) -> tuple[Province | None, str | None]:
    """The province `text` names: `tỉnh Lào Cai`, `TỈNH LÀO CAI`, `thành phố Hà Nội`,
    `TP. Hồ Chí Minh`, `Lao Cai province`, `People's Committee of Van Xuan province`; as
    (province, None), or (None, the name) for a `tỉnh` / `province` the list does not hold."""
    unknown = None
    for m in re.finditer(r"(?<![0-9a-z])(tinh|thanh pho|tp\.?)\s*", folded):
        rest = text[m.end():]
        parts = rest.split(None, 1)
        if parts and key(parts[0]) in _BODY_AFTER_TINH:  # `Tỉnh ủy Lào Cai`, `Tỉnh đoàn Điện Biên`
            rest = parts[1] if len(parts) > 1 else ""
        words = _capitalised(rest)
        found = _province_named(words)
        if found:
            return found, None
        if words and m.group(1) == "tinh" and unknown is None:
            unknown = " ".join(words)
    for m in re.finditer(r"(?<![0-9a-z])(?:province|city)(?![0-9a-z])", folded):
        words = re.findall(r"[A-Z][\w'’]*", text[:m.start()].split(" of ")[-1])[-4:]
        found = None
        for n in range(len(words), 0, -1):
            found = found or _province_named(words[-n:], exact_length=True)
        if found:
            return found, None
        if words and folded[m.start():].startswith("province") and unknown is None:
            unknown = " ".join(words)
    return None, unknown


# words after `tỉnh` / `thành phố` that name a body of the province, not the province
_BODY_AFTER_TINH = {"uy", "doan", "hoi", "doi"}


def _capitalised(rest: str) -> list[str]:
    words = []
    for w in rest.split()[:4]:
        w = w.strip(",;.()")
        if not w or not (w[0].isupper() or w[0].isdigit()):
            break
        words.append(w)
    return words


def _province_named(words: list[str], exact_length: bool = False) -> Province | None:
    """The province the first of `words` name (longest first). One OCR slip is forgiven where
    OCR shows (a digit or symbol inside the name: `LÀO CA1`) in a name of five letters or more
    that leaves one province within reach; a letter for a letter is another name (`Bắc Lĩnh`
    is not `Bắc Ninh`)."""
    lst = official()
    spans = [len(words)] if exact_length else range(len(words), 0, -1)
    for n in spans:
        k = key(" ".join(words[:n]))
        if k in lst.province_by_key:
            return lst.province_by_key[k]
    for n in spans:
        k = key(" ".join(words[:n]))
        if len(k) < 5 or not re.search(r"[^\w\s-]|\d", " ".join(words[:n])):
            continue
        near = {p.code: p for pk, p in lst.province_by_key.items() if edit_distance(k, pk, 1) <= 1}
        if len(near) == 1:
            return next(iter(near.values()))
    return None


def unknown_province(text: str | None) -> str | None:
    """The name of a province `text` names (`tỉnh Phù Vân`) that is not on the list, else None."""
    if not text:
        return None
    text = squash(for_matching(nfc(text)))
    found, unknown = _province_in(text, _fold_chars(text))
    return None if found else unknown


def find_province(text: str | None, *, communes: bool = True) -> Province | None:
    """The province `text` names: an issuer (`Ủy ban nhân dân tỉnh Lào Cai`), a place
    (`Lào Cai`, an old `Yên Bái`), or, with `communes`, a commune or ward found in one
    province only (`Ủy ban nhân dân xã Mường Hum`, `Mường Hum`)."""
    if not text or not text.strip():
        return None
    text = squash(for_matching(nfc(text)))
    lst = official()
    found, unknown = _province_in(text, _fold_chars(text))
    if found or unknown:
        return found
    bare = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s*", "", text, flags=re.I)
    if bare and key(bare) in lst.province_by_key:
        return lst.province_by_key[key(bare)]
    if not communes:
        return None
    read = read_place(text)
    if read.name:
        units = lst.by_key.get(key(read.name), ())
        provinces = {u.province.code for u in units}
        if len(provinces) == 1:
            return units[0].province
    return None


def province_hint(issuer: str | None = None, issuer_parent: str | None = None,
                  place: str | None = None) -> Province | UnknownProvince | None:
    """The issuing province: named by the issuer or its parent line (`UBND TỈNH LÀO CAI`), the
    issuer's own commune (`Ủy ban nhân dân xã Mường Hum`), or the place line (`Lào Cai, ngày …`,
    a province's name only: a commune's name there says nothing of a provincial body).

    A `tỉnh` the list does not hold (`UBND TỈNH PHÙ VÂN`) is returned as an UnknownProvince:
    the destinations are in that province, not wherever a namesake commune happens to be."""
    for text in (issuer, issuer_parent):
        found = find_province(text)
        if found:
            return found
        unknown = unknown_province(text)
        if unknown:
            return UnknownProvince(unknown)
    return find_province(place, communes=False)


def max_edits(a: str, b: str) -> int:
    """How many letter edits an OCR correction may make, on folded names without spaces
    (`pavi`, `tasinthang`): none under 4 letters, 1 under 8, 2 from 8 on (the longer name counts)."""
    n = max(len(a), len(b))
    return 0 if n < 4 else 1 if n < 8 else 2


def edit_distance(a: str, b: str, limit: int | None = None, any_prefix: bool = False) -> int:
    """Levenshtein distance; stops early once every path exceeds `limit`. With `any_prefix`,
    the least distance between `b` and a prefix of `a` (what follows `b` in `a` is free)."""
    if a == b:
        return 0
    short = len(b) - len(a) if any_prefix else abs(len(a) - len(b))
    if short > (limit if limit is not None else len(a) + len(b)):
        return (limit or 0) + 1
    prev = list(range(len(b) + 1))
    best = prev[-1]
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if limit is not None and min(cur) > limit:
            return min(best, limit + 1) if any_prefix else limit + 1
        prev = cur
        best = min(best, cur[-1])
    return best if any_prefix else prev[-1]


def _has_marks(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)) or "đ" in text.lower()


def _same_but_case(a: str, b: str) -> bool:
    """Equal once case, tone placement and spacing are set aside (diacritics count)."""
    return re.sub(r"\W+", "", for_matching(a).casefold()) == re.sub(r"\W+", "", for_matching(b).casefold())


def _result(printed: str, unit: Unit, kind: str, read_as: str | None, note: str | None = None) -> PlaceMatch:
    return PlaceMatch(printed=printed, match=kind, name=unit.name, code=f"{unit.code:05d}", level=unit.level,
                      province=unit.province.name, province_code=f"{unit.province.code:02d}", read_as=read_as,
                      note=note)


def _pick_level(units: list[Unit], level: str | None) -> list[Unit]:
    if level and len(units) > 1:
        same = [u for u in units if u.level == level]
        if same:
            return same
    return units


def _resolve_hint(hint: Province | UnknownProvince | str | None) -> Province | UnknownProvince | None:
    if hint is None or isinstance(hint, (Province, UnknownProvince)):
        return hint
    found = find_province(hint)
    if found:
        return found
    unknown = unknown_province(hint)
    return UnknownProvince(unknown) if unknown else None


def _convert(printed: str, read: _Read, read_as: str, scope: Province | None) -> PlaceMatch | None:
    """An old commune with its district, converted to the unit it is part of now (places/legacy.py).
    The old province is the one printed, else one of those merged into the issuing province."""
    from dispatch_reader.places.legacy import convert_old

    if read.province_text:
        provinces = [read.province_text]
    elif isinstance(scope, Province):
        provinces = list(old_names(scope))
    else:
        return None
    found = [c for c in (convert_old(read_as, read.district or "", p) for p in provinces) if c is not None]
    if len(found) != 1:
        return None
    c = found[0]
    if c.unit is not None:
        return _result(printed, c.unit, "old_name", read_as,
                       f"{c.old} (before 1 July 2025) is part of {c.unit.name} now")
    names = ", ".join(u.name for u in c.divided_into) or "several units"
    return PlaceMatch(printed=printed, match="old_name", read_as=read_as,
                      note=f"{c.old} (before 1 July 2025) was divided among {names}; kept as printed")


# a unit named by its level word alone, at its end: `Trung tâm Phục vụ hành chính công xã`
_BARE_LEVEL = re.compile(r"(?:^|\s)(xa|phuong|dac khu)\s*$")


def match_unit(unit: str, hint: Any, issuer: PlaceMatch | None, issued: str | None = None,
               ocr: bool = False) -> PlaceMatch:
    """A secondment's destination or sending unit matched (match_place), or, naming no place,
    to the issuing commune when it is one of its own units (own_unit). `issuer`: the issuer's
    own match, made once per document (match_place of its name)."""
    m = match_place(unit, hint, issued=issued, ocr=ocr)
    if m.match != "unnamed" or issuer is None:
        return m
    return own_unit(unit, issuer, issued) or m


def own_unit_name(unit: str, name: str | None, level: str | None) -> str:
    """A commune's own unit with the commune's name after it (`Trung tâm Phục vụ hành chính công
    xã` + `Xã Mường Khoa` → `… công xã Mường Khoa`; `Phòng Kinh tế` → `Phòng Kinh tế xã Mường
    Khoa`), as briefs show it and the store searches it."""
    if not name:
        return unit
    unit = unit.rstrip(" .;,")
    bare = name[len(level) + 1:] if level and name.lower().startswith(level) else name
    if level and not _BARE_LEVEL.search(_fold_chars(unit)):
        return f"{unit} {level} {bare}"
    return f"{unit} {bare}"


# a unit's name as the commune's offices are listed (place_words.json: commune_offices)
_OFFICE_SEPARATORS = re.compile(r"[\s,\-–—]+")


def _commune_office(printed: str) -> bool:
    """Is `printed` one of a commune's own offices by its name alone (`Phòng Kinh tế`,
    `Phòng Văn hóa - Xã hội`, `Văn phòng HĐND và UBND`)?"""
    name = _OFFICE_SEPARATORS.sub(" ", _fold_chars(printed)).strip(" .;")
    return name in _words()["commune_offices"]


def own_unit(printed: str, issuer: PlaceMatch, issued: str | None = None) -> PlaceMatch | None:
    """A commune's own unit in a document the commune issues (`issuer`: its committee matched)
    is in that commune: named by the level word alone (`Trung tâm Phục vụ hành chính công xã`),
    or by a commune office's name (`Phòng Kinh tế`; not before 1 July 2025, when districts had
    offices of those names). It is matched to it (`own`); None otherwise."""
    if issuer.match not in ("exact", "folded") or not issuer.level:
        return None
    unit = printed.rstrip(" .;,")
    bare = _BARE_LEVEL.search(_fold_chars(unit))
    if bare is not None and _fold_chars(issuer.level) == bare[1]:
        note = "a unit of the issuing commune, named by its level word alone"
    elif bare is None and (issued is None or issued >= REORGANISED) and _commune_office(unit):
        note = "an office of the issuing commune, named by the office's name alone"
    else:
        return None
    return PlaceMatch(printed=printed, match="own", name=issuer.name, code=issuer.code, level=issuer.level,
                      province=issuer.province, province_code=issuer.province_code, read_as=issuer.read_as,
                      note=note)


def match_place(printed: str, province_hint: Province | UnknownProvince | str | None = None, *,
                issued: str | None = None, ocr: bool = False) -> PlaceMatch:
    """Match a printed destination to the official list (see the module's docstring).

    `province_hint` is the issuing province: a Province or UnknownProvince (see province_hint),
    or text such as the issuer's name (`Ủy ban nhân dân tỉnh Lào Cai`) or a province's name;
    a province printed with the name itself wins over it. `issued` (ISO date) tells whether
    the document predates the reorganisation, when old names are to be expected. `ocr`: the
    text is an OCR reading, whose level word may be garbled (_level_misread): its name is then
    matched as a corrected one, in the issuing province only.
    """
    printed = printed or ""
    read = read_place(printed, ocr)
    if read.aggregate:
        return PlaceMatch(printed=printed, match="aggregate", note="a group of communes or wards, not one place")
    if not read.name:
        return PlaceMatch(printed=printed, match="unnamed", note="no commune or ward is named")
    lst = official()
    scope = read.province or _resolve_hint(province_hint)
    # a garbled level word is told as read (`xà mường Khoa` read as `xã Mường Khoa`)
    level = read.level or (read.level_text if read.misread else None)
    read_as = f"{level} {read.name}" if level else read.name
    if isinstance(scope, UnknownProvince):
        return PlaceMatch(printed=printed, match="unmatched", read_as=read_as,
                          note=f"the issuing province ({scope.name}) is not in the official list")
    if read.misread and scope is None:  # letters read where a level word stood name no place anywhere
        return PlaceMatch(printed=printed, match="unnamed", note="no commune or ward is named")
    if read.district:  # an old address: commune, district, province
        converted = _convert(printed, read, read_as, scope)
        if converted is not None:
            return converted
    k = key(read.name)
    everywhere = list(lst.by_key.get(k, ()))
    in_scope = _pick_level([u for u in everywhere if scope is None or u.province.code == scope.code], read.level)
    if scope is None and read.level:
        in_scope = [u for u in in_scope if u.level == read.level]  # with no province, the level must agree
    ascii_text = not _has_marks(printed)
    if len(in_scope) == 1:
        unit = in_scope[0]
        other_level = (f"printed as {read.level}, the list has {unit.level}"
                       if read.level and read.level != unit.level else None)
        if read.name == unit.short and not read.noise:
            return _result(printed, unit, "exact", read_as, other_level)
        if (_same_but_case(read.name, unit.short) or ascii_text) and not read.noise:
            return _result(printed, unit, "folded", read_as, other_level)
        if _same_but_case(read.name, unit.short) or ascii_text:
            return _result(printed, unit, "corrected", read_as, "characters that are no part of the name dropped")
        if scope is not None:
            return _result(printed, unit, "corrected", read_as, "diacritics differ from the official name")
        return PlaceMatch(printed=printed, match="unmatched", read_as=read_as,
                          note=f"only the diacritics differ from {unit.name} ({unit.province.name}); "
                               "no issuing province to confirm the correction")
    if len(in_scope) > 1:
        provinces = sorted({u.province.short for u in in_scope})
        return PlaceMatch(printed=printed, match="ambiguous", read_as=read_as,
                          note=f"{len(in_scope)} units are named so ({', '.join(provinces)})")
    before_reform = issued is not None and issued < REORGANISED
    if scope is not None:
        # a misread keeps the syllables (`Đắc Ta` for `Pắc Ta`); a name a syllable longer or
        # shorter is another name (`Lũng Cú Hạ` is not `Lũng Cú`); an old document's unknown
        # name is an old name, not a misread
        syllables = len(read.name.split())
        close = [] if before_reform else [
            u for u in lst.in_province(scope.code)
            if len(u.short.split()) == syllables
            and edit_distance(k, key(u.short), max_edits(k, key(u.short))) <= max_edits(k, key(u.short))]
        close = _pick_level(close, read.level) if len(close) > 1 else close
        if len(close) == 1:
            return _result(printed, close[0], "corrected", read_as,
                           f"read as the one unit of {scope.name} within {max_edits(k, key(close[0].short))} "
                           "letter edits")
        if len(close) > 1:
            return PlaceMatch(printed=printed, match="unmatched", read_as=read_as,
                              note=f"close to {len(close)} units of {scope.name} "
                                   f"({', '.join(u.name for u in close[:4])}); none chosen")
        elsewhere = _pick_level(everywhere, read.level)
        if len(elsewhere) == 1 and (_same_but_case(read.name, elsewhere[0].short) or ascii_text) and not read.noise:
            unit = elsewhere[0]
            kind = "exact" if read.name == unit.short else "folded"
            return _result(printed, unit, kind, read_as, f"in {unit.province.name}, not in {scope.name}")
    if read.old or before_reform:
        return PlaceMatch(printed=printed, match="old_name", read_as=read_as,
                          note="a name from before 1 July 2025, kept as printed (not converted)")
    if everywhere:
        note = "the list has " + ", ".join(f"{u.name} ({u.province.short})" for u in everywhere[:4])
    else:
        note = f"no unit of {scope.name} is named so or close to it" if scope else "no unit is named so"
    return PlaceMatch(printed=printed, match="unmatched", read_as=read_as, note=note)
