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

from dispatch_reader.places.official import OfficialList, Province, Unit, key, official
from dispatch_reader.textnorm import for_matching, nfc, squash

REORGANISED = "2025-07-01"  # the two-level local government starts (no districts after this day)

MATCH_KINDS = ("exact", "folded", "corrected", "aggregate", "ambiguous", "old_name", "unmatched", "unnamed")
FLAGGED = ("corrected", "ambiguous", "old_name", "unmatched")  # what a reader must check


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
    province: Province | None  # a province printed with it (`…, tỉnh Lào Cai`)
    aggregate: bool


def read_place(printed: str) -> _Read:
    """What a printed destination says: the name, level and province it gives (no matching)."""
    as_printed = squash(nfc(printed))
    text = for_matching(as_printed)  # same length: offsets carry over
    folded = _fold_chars(text)
    pats = _patterns()
    # a district or `thị trấn` named in running text (lower case) or in a text all in capitals
    old = any(text[m.start()].islower() or text.isupper() for m in pats["old"].finditer(folded))
    province = _province_in(text, folded)
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
        return _Read(name, level, text[m.start():m.end()], noise, old or level == "thị trấn", province, False)
    for m in pats["level_en"].finditer(folded):
        before = re.search(r"((?:[A-Z][\w'’-]*\s+){1,5})$", text[:m.start()])
        if before:
            level = _words()["levels_en"][m.group(1)]
            return _Read(squash(as_printed[before.start(1):before.end(1)]), level, m.group(1), False, old, province,
                         False)
    # a bare name: two to five capitalised words and nothing else (a table cell `Pà Vi`)
    if re.fullmatch(r"(?:[^\W\d_][\w'’]*\s*){1,5}", text) and all(w[0].isupper() for w in text.split()) \
            and len(text.split()) >= 2:
        return _Read(as_printed, None, "", False, old, province, False)
    return _Read(None, None, "", False, old, province, False)


def _province_in(text: str, folded: str) -> Province | None:
    """A province named in `text`: `tỉnh Lào Cai`, `TỈNH LÀO CAI`, `thành phố Hà Nội`,
    `TP. Hồ Chí Minh`, `Lao Cai province`, `People's Committee of Van Xuan province`."""
    lst = official()
    for m in re.finditer(r"(?<![0-9a-z])(?:tinh|thanh pho|tp\.?)\s*", folded):
        found = _longest_province(text[m.end():], lst)
        if found:
            return found
    for m in re.finditer(r"(?<![0-9a-z])(?:province|city)(?![0-9a-z])", folded):
        words = text[:m.start()].split()
        for n in range(min(4, len(words)), 0, -1):
            p = lst.province_by_key.get(key(" ".join(words[-n:])))
            if p:
                return p
    return None


def _longest_province(rest: str, lst: OfficialList) -> Province | None:
    words = re.split(r"\s+", rest.strip())[:4]
    for n in range(len(words), 0, -1):
        p = lst.province_by_key.get(key(" ".join(w.strip(",;.") for w in words[:n])))
        if p:
            return p
    return None


def find_province(text: str | None) -> Province | None:
    """The province `text` names: an issuer (`Ủy ban nhân dân tỉnh Lào Cai`), a place
    (`Lào Cai`, an old `Yên Bái`), or a commune found in one province only (`Mường Hum`)."""
    if not text or not text.strip():
        return None
    text = squash(for_matching(nfc(text)))
    lst = official()
    found = _province_in(text, _fold_chars(text))
    if found:
        return found
    bare = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s*", "", text, flags=re.I)
    if bare and key(bare) in lst.province_by_key:
        return lst.province_by_key[key(bare)]
    read = read_place(text)
    name = read.name or (text if re.fullmatch(r"(?:[^\W\d_]+\s*){1,5}", text) else None)
    if name:
        units = lst.by_key.get(key(name), ())
        provinces = {u.province.code for u in units}
        if len(provinces) == 1:
            return units[0].province
    return None


def province_hint(*texts: str | None) -> Province | None:
    """The first province the issuer, its parent or the document's place names (see find_province)."""
    for text in texts:
        found = find_province(text)
        if found:
            return found
    return None


def max_edits(a: str, b: str) -> int:
    """How many letter edits an OCR correction may make, on folded names without spaces
    (`pavi`, `tasinthang`): none under 4 letters, 1 under 8, 2 from 8 on (the longer name counts)."""
    n = max(len(a), len(b))
    return 0 if n < 4 else 1 if n < 8 else 2


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; stops early once every path exceeds `limit`."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > (limit if limit is not None else len(a) + len(b)):
        return (limit or 0) + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


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


def _resolve_hint(hint: Province | str | None) -> Province | None:
    if hint is None or isinstance(hint, Province):
        return hint
    return find_province(hint)


def match_place(printed: str, province_hint: Province | str | None = None, *,
                issued: str | None = None) -> PlaceMatch:
    """Match a printed destination to the official list (see the module's docstring).

    `province_hint` is the issuing province (a Province, or text such as the issuer's name);
    a province printed with the name itself wins over it. `issued` (ISO date) tells whether
    the document predates the reorganisation, when old names are to be expected.
    """
    printed = printed or ""
    read = read_place(printed)
    if read.aggregate:
        return PlaceMatch(printed=printed, match="aggregate", note="a group of communes or wards, not one place")
    if not read.name:
        return PlaceMatch(printed=printed, match="unnamed", note="no commune or ward is named")
    lst = official()
    scope = read.province or _resolve_hint(province_hint)
    read_as = f"{read.level} {read.name}" if read.level else read.name
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
        same = ", ".join(f"{u.name} ({u.province.short})" for u in everywhere[:4])
        note = f"the list has {same}, not a {read.level}" if read.level else f"the list has {same}"
    else:
        note = f"no unit of {scope.name} is named so or close to it" if scope else "no unit is named so"
    return PlaceMatch(printed=printed, match="unmatched", read_as=read_as, note=note)
