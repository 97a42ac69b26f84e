"""An OCR-read issuer snapped to a name a body really has.

A photocopy, fax or phone photo damages the two header lines the issuer is read from:
`Uy.ran nhan dan tỉnh Phú Thọ`, `Ủy ban nhân dân Tính:phú tho`, `Ủy ban nhân dân tỉnh Son La`,
`Sở Nội vụ quyết định` (the title glued on). The names themselves are few and known: a
people's committee (`Ủy ban nhân dân`) or its office of a province or commune on the official
list (places/), or a department from known_bodies.txt. So:

- the committee's head words are taken when they are within a few letters of `ủy ban nhân
  dân`, and the place after the level word (`tỉnh`, `xã`, `phường`, also glued to it) when its
  letters, marks aside, are a unit of the list at that level, or, for a province, a letter or
  two off exactly one; anything after the place is dropped;
- a committee with no place left (`Ủy ban nhân dân`, the province line lost) takes the date
  line's place when that is a province's name, or a commune's that one unit of the list bears
  (Decree 30: a body dates its documents at its province's or commune's name); so does a
  province's committee whose name after `tỉnh` is garbled;
- a known body (department, ministry, the Government) followed by words no body name has is
  cut back to it, also when its own letters are one or two off (`ˆ€hính phủ oo`).

Only ever applied to OCR text; a text layer says what it says. Nothing is guessed where two
readings are possible.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.docnumber import body_of_symbol, central_bodies, department_symbols, term_body
from dispatch_reader.extract.syllables import is_syllable, may_be_syllable
from dispatch_reader.extract.textutil import fold_phrase, squash
from dispatch_reader.places.legacy import old_unit_spellings
from dispatch_reader.places.match import edit_distance
from dispatch_reader.places.official import key, official, old_provinces
from dispatch_reader.textnorm import fold, for_matching, marks, tone_count, toneless

_HEADS = {
    "uybannhandan": "Ủy ban nhân dân",
    "vanphonguybannhandan": "Văn phòng Ủy ban nhân dân",
}
_LEVELS = {"tinh": "tỉnh", "xa": "xã", "phuong": "phường", "thanhpho": "thành phố"}
# a district-level town's committee (`thị xã Sơn Tây`, `thị trấn`, before 2025): a level of its
# own, no commune's, so that `xã` is never read out of it
_TOWN_LEVELS = {"xa": "thị xã", "tran": "thị trấn"}
_TOWNS = frozenset(_TOWN_LEVELS.values())
HEAD_EDITS = 3  # letters a damaged head may differ by (`uyranhandan`, `tyrannhannan`)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]


@lru_cache(maxsize=1)
def _units() -> dict[str, dict[str, str]]:
    """level → key(short name) → short name, for provinces (tỉnh/thành phố) and communes;
    a name that two units of one level share maps to '' (no choice)."""
    out: dict[str, dict[str, str]] = {"tỉnh": {}, "xã": {}, "phường": {}, "đặc khu": {}}
    lst = official()
    for p in lst.provinces:
        out["tỉnh"][key(p.short)] = p.short
    for u in lst.units:
        if u.level in out:
            k = key(u.short)
            out[u.level][k] = "" if out[u.level].get(k, u.short) != u.short else u.short
    out["thành phố"] = out["tỉnh"]
    return out


def _level_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """(level, tokens it takes) when tokens[i:] open with a level word, one letter slip allowed
    for `tinh` (`tin`, `tinb`)."""
    if i + 1 < len(tokens) and tokens[i] + tokens[i + 1] == "thanhpho":
        return "thành phố", 2
    if i + 1 < len(tokens) and tokens[i] == "thi" and tokens[i + 1] in _TOWN_LEVELS:
        return _TOWN_LEVELS[tokens[i + 1]], 2
    word = tokens[i]
    if word in _LEVELS:
        return _LEVELS[word], 1
    if len(word) >= 3 and edit_distance(word, "tinh", 1) <= 1:
        return "tỉnh", 1
    return None


def _place_after(tokens: list[str], level: str) -> str | None:
    names = _units()[level]
    for n in (4, 3, 2, 1):
        got = names.get("".join(tokens[:n]))
        if got:
            return got
    if level in ("tỉnh", "thành phố"):
        return _near_province(tokens)
    return None


@lru_cache(maxsize=1)
def _provinces_ever() -> dict[str, str]:
    """key → name of every province, today's 34 and the 63 before 1 July 2025 (an older
    document's `tỉnh Hà Giang` is no damaged `An Giang`)."""
    out = {k: name for k, name in _units()["tỉnh"].items() if name}
    for name, _ in old_provinces():
        out.setdefault(key(name), name)
    return out


def _near_province(tokens: list[str]) -> str | None:
    """A province's name a letter or two off (`Laeshau` for Lai Châu), when no other, today's or
    one merged in 2025, comes as close: there are few, far apart. Communes are thousands, many
    a letter apart: never."""
    best: dict[str, int] = {}
    for n in (1, 2, 3, 4):
        read = "".join(tokens[:n])
        if len(tokens) < n or len(read) < 5:
            continue
        for k, name in _provinces_ever().items():
            distance = edit_distance(read, k, 2)
            if distance <= (1 if len(k) < 7 else 2) and name:
                best[name] = min(best.get(name, 9), distance)
    ranked = sorted(best.items(), key=lambda kv: kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] < ranked[1][1]):
        return ranked[0][0]
    return None


def _province_level(short: str) -> str:
    """`thành phố` for a centrally run city (Hà Nội, Huế …), `tỉnh` for a province."""
    province = official().province_by_key.get(key(short))
    # an old province merged into a city in 2025 (`Quảng Nam`, now Đà Nẵng's) was a province
    city = province is not None and key(province.short) == key(short) and province.level.startswith("thành phố")
    return "thành phố" if city else "tỉnh"


def _unglued(tokens: list[str]) -> list[str]:
    """`tinhcaobang` (OCR lost the spaces after the level word) as `tinh`, `caobang`."""
    out: list[str] = []
    for t in tokens:
        lead = next((w for w in ("tinh", "phuong") if t.startswith(w) and len(t) >= len(w) + 4), None)
        out.extend([lead, t[len(lead):]] if lead else [t])
    return out


def snap_committee(issuer: str, place: str | None) -> str | None:
    """`Ủy ban nhân dân tỉnh Phú Thọ` from a damaged committee name, or None."""
    tokens = _unglued(_tokens(issuer))
    for i in range(1, len(tokens)):
        level = _level_at(tokens, i)
        if level is None:
            continue
        canon = _head(tokens[:i])
        # the motto beside it read into the same line (`Ủy ban nhân dân Cộng how xã Hộíchủ …
        # xã Mường Khoa`, a copy turned in the copier): its `xã` is no level, the next may be
        woven = _head_before_motto(tokens[:i]) if canon is None else None
        canon = canon or woven
        if canon is None:
            continue
        if level[0] in _TOWNS:
            return None  # a town's committee: no unit of today's list
        name = _place_after(tokens[i + level[1]:], level[0])
        if woven and (not name or "".join(tokens[i + level[1]:]) != key(name)):
            continue  # the name ends the line: the motto's own `xã` opens none (`xã Hội củ nghĩa …`)
        if not name and level[0] in ("tỉnh", "thành phố") and place:
            # `Ủy ban nhân dân Tỉn` (the name lost) or `tỉnh Conta Ính Syn T A` (a fax's streaks
            # through it): a province's committee dates its documents at the province's name; a
            # city run from the centre (Hà Nội, Huế) is no `tỉnh`, and a `thành phố` is one of
            # those (`thành phố Đề Hị Nẵ Vệg`, a stamp's frame through the name), never a
            # province's town that bears its province's name
            name = _units()["tỉnh"].get(key(place))
            if name and _province_level(name) != level[0]:
                return None
        if not name and level[0] in ("xã", "phường") and place:
            name = _commune_read_off(tokens[i + level[1]:], place, level[0])
        if name:
            return f"{canon} {level[0]} {name}"
        return None
    if not place:
        return None
    canon = _head(tokens)
    dated_at = _unit_dated_at(place)
    if canon:
        # the province line was lost (`Ủy ban nhân dâ`): a body dates its documents at its
        # province's or commune's name
        return f"{canon} {dated_at[0]} {dated_at[1]}" if dated_at else None
    # the level word garbled (`Ủy ị bạn nhận dan t a Tân Phong`: `xã` under a copier's grain)
    # before the very name the date line gives: the level whose word the scraps are a letter
    # off, where a unit of that level bears the name (`Tân Phong` is a xã's and a phường's)
    want = key(place)
    for i in range(1, len(tokens)):
        canon = _head(tokens[:i])
        rest = "".join(tokens[i:])
        if canon is None or not rest.endswith(want) or len(rest) - len(want) < 2:
            continue  # a letter alone says no level
        scraps = rest[:len(rest) - len(want)]
        levels = [lvl for word, lvl in _LEVELS.items()
                  if edit_distance(scraps, word, 1) <= 1 and _units()[lvl].get(want)]
        if len(levels) == 1:
            return f"{canon} {levels[0]} {_units()[levels[0]][want]}"
    return None


# the motto's words run together, folded, and how far off (a share of their letters) the
# scraps read of its start may be
_MOTTO_LETTERS = "conghoaxahoichunghiavietnam"
_MOTTO_SLIPS = 0.3


def _head_before_motto(tokens: list[str]) -> str | None:
    """The committee's head words read whole, then the start of the motto's words garbled a
    little (`cong how`, `cong hoa xa hoichu nghiinvietnam o`): the head, or None."""
    for j in range(1, len(tokens)):
        between = "".join(tokens[j:])
        if len(between) < len("conghoa"):
            break  # `Cộng hòa` at least: `Long`, `Cổng` are a letter off `cong` and no motto
        slips = int(_MOTTO_SLIPS * len(between))
        head = _head(tokens[:j])
        if head and edit_distance(_MOTTO_LETTERS, between, slips, any_prefix=True) <= slips:
            return head
    return None


def _head(tokens: list[str]) -> str | None:
    """The committee's (or its office's) head words a few letters off, or None. Never with
    `thị` at its end: `thị xã` read whole is a level of its own (`_level_at`), but with `xã`
    garbled (`thị x a Sơn Tây`) the head's tolerance would take `thị` in and leave `xã`."""
    if tokens and tokens[-1] == "thi":
        return None
    joined = "".join(tokens)
    return next((name for k, name in _HEADS.items() if edit_distance(joined, k, HEAD_EDITS) <= HEAD_EDITS), None)


def _commune_read_off(tokens: list[str], place: str, level: str) -> str | None:
    """The commune or ward the date line names, when the committee's line names it a letter or
    two off (`XÃ MƯỜNG K)OA` under a grey stamp's ink, dated `Mường Khoa, ngày …`): a commune dates
    its documents at its own name. Only a name of that level that no other unit of it bears
    (what was read names none: `_place_after`)."""
    name = _units()[level].get(key(place))
    read = "".join(tokens)
    if not name or len(read) < 4 or key(place) in _provinces_ever():
        return None
    # or read as no name at all (`XÃ Ê€EMWQ`: no word of two letters a syllable, none the
    # date line's), the level word read: the name is the one the commune dates at
    garbled = not any(len(t) > 1 and (may_be_syllable(t) or t in _tokens(name)) for t in tokens)
    return name if _letters_off(read, key(name)) or garbled else None


def _letters_off(read: str, want: str) -> bool:
    """Is `read` a letter or two off `want` (one for every four letters of it, two at most)?"""
    return edit_distance(read, want, 2) <= min(2, len(want) // 4)


def _unit_dated_at(place: str) -> tuple[str, str] | None:
    """(level, name) of the unit a date line's place names: a province, or the one commune or
    ward of the list that bears the name; None where the name is no unit's or two share it."""
    province = _units()["tỉnh"].get(key(place))
    if province:
        return _province_level(province), province
    communes = [(lvl, _units()[lvl].get(key(place))) for lvl in ("xã", "phường")]
    named = [(lvl, n) for lvl, n in communes if n]
    if len(named) == 1 and not any(n == "" for _, n in communes):
        return named[0]
    return None


@lru_cache(maxsize=1)
def _bodies() -> list[tuple[list[str], str]]:
    """Known bodies (departments, ministries, the Government, the National Assembly), longest first."""
    names = list(resources.lines("known_bodies.txt")) + list(resources.lines("standalone_bodies.txt"))
    return sorted(((_tokens(b), b) for b in dict.fromkeys(names)), key=lambda kb: -len(kb[0]))


def _allowed(name: str) -> int:
    """One letter off for a short name, two for a long one (`hinhphu` for `chinhphu`)."""
    return 1 if len(name) < 10 else 2


def respell_bodies(unit: str) -> str:
    """A unit's parts that are a known body's name a letter or two off, respelled as the body
    spells it: `Phòng Xây dựng chính quyền, Sơ NộI vụ` → `…, Sở Nội vụ` (a fax's marks). Only
    a part that is the body's name and nothing more, in as many words; the rest as read."""
    parts = unit.split(", ")
    for k, part in enumerate(parts):
        body = snap_department(part)
        if body and body != part and len(_tokens(body)) == len(_tokens(part)):
            parts[k] = body
    return ", ".join(parts)


def snap_department(issuer: str, central: bool = False) -> str | None:
    """`Sở Nội vụ` from `Sở Nội vụ quyết định`, `Chính phủ` from `ˆ€hính phủ oo` or `Chính phủ
    Cộng:hờa:xã hội`: a known body, its letters whole or one or two off, and words after it that
    continue no body name (a body's own province, `tỉnh …`, is kept). Only when exactly one
    known body reads so (`Sở Y tế` and `Bộ Y tế` are one letter apart) — among the central
    bodies alone where the document is of a type only they issue (`central`: a thông tư under
    `pO TÀI CHÍNH` is the ministry's, never a department's), a body read whole apart."""
    unwoven = _unwoven(issuer)
    if unwoven:
        return unwoven
    tokens = _tokens(issuer)
    scrapped = _after_scraps(tokens)
    if scrapped:
        return scrapped
    # a body read whole stands as read, whatever the title says: one of the two was misread
    exact = [body for words, body in _bodies() if tokens[:len(words)] == words]
    if exact:
        words = _tokens(exact[0])
        rest = tokens[len(words):]
        if not rest:
            # its letters whole, a mark or a speck off (`Bộ Ké hoạch và Đầu tư_`): as it writes itself
            return exact[0]
        return exact[0] if rest[0] not in ("tinh", "thanh") else None
    near: dict[str, int] = {}
    for words, body in _bodies():
        if central and fold_phrase(body) not in central_bodies():
            continue
        if tokens and tokens[0] != words[0] and {tokens[0], words[0]} <= _HEAD_WORDS:
            continue  # `Sở Tài nguyên và Môi trường` read whole is a department, two letters from the ministry
        # as many words as the body's, one fewer or more; or all there is, glued (`_SỬYTẾ`)
        for n in {*range(max(len(words) - 1, 1), len(words) + 2), len(tokens)}:
            if len(tokens) < n:
                continue
            read, name = "".join(tokens[:n]), "".join(words)
            distance = edit_distance(read, name, 2)
            if distance <= _allowed(name):
                near[body] = min(near.get(body, 9), distance)
    # the closest, when no other body is as close (`Bộ Hoa học…` is one letter from Bộ Khoa
    # học và Công nghệ, two from Sở Khoa học và Công nghệ)
    best = sorted(near.items(), key=lambda kv: kv[1])
    if best and (len(best) == 1 or best[0][1] < best[1][1]):
        return best[0][0]
    return _opened_whole(issuer, tokens, central) or _words_scattered(issuer, tokens, central)


# a copier's scraps read above the header's first line and taken into it (`Ma ni Bộ Lao động -
# Thương binh và Xã hội`): at most this many words of at most this many letters
_SCRAP_WORDS, _SCRAP_LETTERS = 2, 2


def _after_scraps(tokens: list[str]) -> str | None:
    """The known body the line names whole, to its end, after a scrap or two of a copier's
    (`ma ni`): words too short to be any part of a body's name."""
    for k in range(1, _SCRAP_WORDS + 1):
        if len(tokens) <= k or any(len(t) > _SCRAP_LETTERS for t in tokens[:k]):
            return None
        whole = [body for words, body in _bodies() if tokens[k:] == words]
        if whole:
            return whole[0]
    return None


def known_body_before_a_scrap(line: str) -> int:
    """Where a known body's name, read whole in capitals from the line's start, ends, when one
    short word in small letters follows it (`BỘ CÔNG AN sử`: a copier's scrap beside the
    issuer); 0 if not."""
    m = _SCRAP_AFTER.fullmatch(line)
    if not m or not m["body"].isupper() or not line[m.end("body"):].strip().islower():
        return 0
    return m.end("body") if any(_tokens(m["body"]) == words for words, _ in _bodies()) else 0


_SCRAP_AFTER = re.compile(r"(?P<body>.*?\S)\s+[^\W\d_]{1,3}\s*")


def known_body_after_a_scrap(line: str, symbols: frozenset[str]) -> int:
    """Where a department's name, read whole in capitals to the line's end, starts, when a short
    scrap with no word in capitals stands before it (`Chuyển:.........SỞ-Y TẾ`, `qyéh. SỞ Y
    TẾ`: a receiving stamp's label over the header's line) and the document's number's symbol
    (`symbols`: its parts) is the department's initials, as a department's own number's is; 0
    if not. (A stamp routes a paper to a department in its own hand; the number tells whose
    the header is.)"""
    m = _BODY_AT_END.search(line)
    if not m or m.start() == 0 or not m.group().isupper():
        return 0
    before = line[:m.start()]
    if len(before.strip()) > _SCRAP_BEFORE_MOST or not re.search(r"[^\w\s]", before) \
            or any(sum(c.isupper() for c in w) >= 2 for w in before.split()):
        return 0
    body = next((b for words, b in _bodies() if words == _tokens(m.group())), None)
    return m.start() if body and is_department(body) and department_symbols()[body] in symbols else 0


def is_department(name: str) -> bool:
    """Does the name open on `Sở` (a province's department), whatever its case and marks?"""
    return _tokens(name)[:1] == [_DEPARTMENT_HEAD]


_DEPARTMENT_HEAD = "so"


# a run of words ending the line, the first of two letters or more (a hyphen read for a space:
# `SỞ-TƯ PHÁP`); whether they are capitals is told in code
_BODY_AT_END = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}(?:[\s\-]+[^\W\d_]+)+\s*$")
_SCRAP_BEFORE_MOST = 16


def number_symbols(text: str) -> frozenset[str]:
    """The parts of the symbols of the numbers a header's lines hold (`Số: 87/TTr-STP` → TTr,
    STP)."""
    return frozenset(p for m in re.finditer(r"\d+/((?:\d{4}/)?[^\s/]+(?:/[^\s/]+)?)", text)
                     for p in re.split(r"[-/]", m.group(1)) if p and not p.isdigit())


# the words a body's name opens with, each a kind of body of its own
_HEAD_WORDS = frozenset({"so", "bo", "cuc", "vu", "ban", "vien", "tong"})
# a long body's name opened by this many of its words read whole names it, when no other opens so
_OPENING_WORDS = 3


def _opened_whole(issuer: str, tokens: list[str], central: bool) -> str | None:
    """The one known body of more than three words whose first three the line reads whole, the
    rest garbled with the motto beside it (`Bộ Lao động thuongsina deong my a xã hội`: a
    photocopy of the ministry's two lines): when what follows holds letters no syllable has and
    shares a word with the rest of its name."""
    found = [(words, body) for words, body in _bodies() if len(words) > _OPENING_WORDS
             and tokens[:_OPENING_WORDS] == words[:_OPENING_WORDS]
             and (not central or fold_phrase(body) in central_bodies())]
    if len(found) != 1:
        return None
    words, body = found[0]
    rest = tokens[_OPENING_WORDS:]
    # a clean reading is another body's own name (`Bảo hiểm xã hội Việt Nam`, `Sở Văn hóa và Thể
    # thao`): only a rest with letters no syllable has is this one's garbled
    return body if _garbled_after(issuer, _OPENING_WORDS) and set(rest) & set(words[_OPENING_WORDS:]) else None


def _garbled_after(issuer: str, n: int) -> bool:
    """The line's words after its first n hold letters no syllable has."""
    return any(len(w) > 1 and not is_syllable(w) for w in re.findall(r"[^\W\d_]+", issuer)[n:])


# a long body's name whose words a stamp scattered: this many of them read whole, besides its head
# word and the motto's, and this share of all its words after the head
_SCATTERED_WORDS = 3
_SCATTERED_SHARE = 2 / 3


def _words_scattered(issuer: str, tokens: list[str], central: bool) -> str | None:
    """The one known body of more than three words that the line opens on the head word of
    and reads most of the other words of, in any order, amid letters no syllable has
    (`Bộ Ng vi an de đọng - Thị lao vaxa hội g bình`: a receipt stamp over the ministry's two
    lines, OCR reading the stamp's scraps between its words). Two words glued count as both
    (`vaxa`). The motto's words (`xã hội`) alone name no body."""
    if len(tokens) < 2 or tokens[0] not in _HEAD_WORDS or not _garbled_after(issuer, 1):
        return None
    # the word after the head word must be the body's own or garbled: a clean other word names
    # another body (`Sở Tài nguyên và Môi trường tỉnh Đắk Nông` holds `Nông` and `và Môi
    # trường`, and is no `Sở Nông nghiệp và Môi trường`: a reviewer's case)
    second_clean = is_syllable(tokens[1])
    read = set(tokens[1:])
    scores: dict[str, int] = {}
    for words, body in _bodies():
        if len(words) <= _OPENING_WORDS or words[0] != tokens[0] \
                or (central and fold_phrase(body) not in central_bodies()):
            continue
        rest = words[1:]
        if second_clean and tokens[1] != rest[0]:
            continue
        found = {w for w in rest if w in read} | {w for a, b in zip(rest, rest[1:]) if a + b in read for w in (a, b)}
        if len(found - _MOTTO_FOLDED) >= _SCATTERED_WORDS and len(found) >= _SCATTERED_SHARE * len(set(rest)):
            scores[body] = len(found)
    best = sorted(scores.items(), key=lambda kv: -kv[1])
    return best[0][0] if best and (len(best) == 1 or best[0][1] > best[1][1]) else None


# the motto's words in their order, lower case with their marks (`Công` of `Bộ Công an` is no
# `Cộng`; folded, the two are one)
_MOTTO = ("cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam")
_MOTTO_FOLDED = frozenset(fold(w) for w in _MOTTO)


def _marked_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", for_matching(text).lower()) if w]


def _unwoven(issuer: str) -> str | None:
    """A known body whose words OCR wove together with the motto's beside it, word by word
    (`Bộ Cộng nội hòa vụ xã hội`: a copy turned in the copier, the two columns' lines read as
    one): the body when the line is its words in order with two or more of the motto's, in
    the motto's order, between them."""
    read = _marked_words(issuer)
    if sum(w in _MOTTO for w in read) < 2:
        return None
    found = [body for body in dict.fromkeys(b for _, b in _bodies()) if _woven(read, _marked_words(body))]
    return found[0] if len(found) == 1 else None


def _woven(read: list[str], body: list[str]) -> bool:
    """Is `read` the body's words and two or more of the motto's, each in its own order?"""
    @lru_cache(maxsize=None)
    def fits(i: int, j: int, k: int, motto: int) -> bool:
        if i == len(read):
            return j == len(body) and motto >= 2
        return (j < len(body) and read[i] == body[j] and fits(i + 1, j + 1, k, motto)) or any(
            read[i] == _MOTTO[m] and fits(i + 1, j, m + 1, motto + 1) for m in range(k, len(_MOTTO)))
    return fits(0, 0, 0, 0)


def damaged_body_line(line: str) -> bool:
    """A header line that is a known body's whole name with a letter of it misread and its
    spaces maybe lost (`_SỬYTẾ` for `SỞ Y TẾ` on a fax), when exactly one body reads so: it
    names a body of its own, not the line above it wrapped."""
    read = "".join(_tokens(line))
    if len(read) < 5:
        return False
    distances = [(edit_distance(read, "".join(words), 1), body) for words, body in _bodies()]
    return not any(d == 0 for d, _ in distances) and sum(d == 1 for d, _ in distances) == 1


def snap_issuer(issuer: str | None, place: str | None, doc_type: str | None = None) -> str | None:
    """The issuer as a body really names itself, or None when it is fine or cannot be told. A
    damaged department's name over a document of a type only central bodies issue
    (data/central_types.txt) snaps to one of them."""
    if not issuer:
        return None
    central = doc_type in resources.words("central_types.txt")
    snapped = snap_committee(issuer, place) or snap_department(issuer, central)
    return snapped if snapped and snapped != issuer else None


def snap_place(place: str | None, issuer: str | None) -> str | None:
    """The date line's place as the issuer's name spells it, when what OCR left of it is a
    letter or two off (`là. Phong` for `Tân Phong` under a stamp's frame): a commune's or a
    province's document is dated where its body sits. None when it is fine or far off."""
    if not place or not issuer:
        return None
    words = issuer.split()
    read = "".join(_tokens(place))
    for k in (3, 2, 1):
        tail = " ".join(words[-k:])
        want = "".join(_tokens(tail))
        if len(words) <= k or not tail[:1].isupper() or len(want) < 5 or want == read:
            continue
        if is_known_place(place) and not is_known_place(tail):
            # the date line read clean and the issuer's line under a stamp (`Mường Khoa` beside
            # `xã Mường K)oa`): the place as printed is the one on the lists
            continue
        if _letters_off(read, want) or _word_for_word(place, tail) \
                or _worn_word_for_word(place, tail):
            return tail
    return None


@lru_cache(maxsize=1)
def _place_openings() -> frozenset[tuple[str, int]]:
    """(first word, words) of every province's (today's or before 2025), commune's and ward's
    name, its marks kept, in small letters."""
    names = list(_provinces_ever().values()) + [n for lvl in ("xã", "phường") for n in _units()[lvl].values() if n]
    return frozenset((n.split()[0].lower(), len(n.split())) for n in names if n.split())


def opens_a_place(words: list[str]) -> bool:
    """Does the words' first, as spelled, open some place's name of as many words (`Lâm …` of
    `Lâm Đồng`; `Khoản 2`, `Quận 3` open none: `Quan Sơn` is another word)?"""
    return bool(words) and (words[0].lower(), len(words)) in _place_openings()


def worn_word(word: str) -> bool:
    """A place's word worn under a stamp's or a seal's ink and read as a figure or two (`06`)."""
    return word.isdigit() and len(word) <= 2


def _worn_word_for_word(place: str, name: str) -> bool:
    """The place read word for word as the name but for words worn to a figure or two (`Lâm
    06` under a stamp's ink, the issuer's `tỉnh Lâm Đồng`): one word read whole at least."""
    read, want = _tokens(place), _tokens(name)
    worn = [worn_word(r) for r in read]
    return len(read) == len(want) >= 2 and any(worn) and not all(worn) \
        and all(w_ or r == w for r, w, w_ in zip(read, want, worn))


def _word_for_word(place: str, name: str) -> bool:
    """The place read word for word as the name, each word opening on the name's letter, two
    letters off in all at most (`Sen Lo` for `Sơn La` under a stamp's ink): a short name
    allows one letter off as a whole, but read so, word by word, it is no other place. A place
    read as one on the lists (`Hà Nội` beside `Hà Nam`) is left as read."""
    read, want = _tokens(place), _tokens(name)
    return len(read) == len(want) >= 2 and all(r[:1] == w[:1] for r, w in zip(read, want)) \
        and edit_distance("".join(read), "".join(want), 2) <= 2 and not is_known_place(place)


# the last word of a level written before a unit's name (folded): `tỉnh`, `xã`, `phường`,
# `huyện`, `quận`, `thành phố`, `thị xã`, `thị trấn`, `đặc khu`
_LEVEL_ENDS = frozenset({"tinh", "xa", "phuong", "huyen", "quan", "pho", "tran", "khu"})


def province_by_last_word(place: str) -> str | None:
    """The province whose name ends in the place's last word, when a stamp took the words before
    it (`arta ® Nội` for `Hà Nội`): the last word read whole and capitalised, the others no
    capitalised words at all, and exactly one province (today's or before 2025) so ending. Or
    the province whose whole name the place's last capitalised words are, scraps in small
    letters before them (`ra x=" Hải Dương`)."""
    words = re.findall(r"[^\W\d_]+", place)
    # the capitalised words the place ends in, none before them
    capitals = len(words) - next((i for i in range(len(words) - 1, -1, -1) if not words[i][:1].isupper()), -1) - 1
    if len(words) < 2 or not 0 < capitals < len(words) or any(w[:1].isupper() for w in words[:-capitals]):
        return None
    if capitals > 1:
        # a province's whole name after a stamp's scraps (`ra x=" Hải Dương`), marks and all;
        # after a level (`phường Lào Cai`, `thành phố Hà Nội`) it is a unit's name as written
        if fold(words[-capitals - 1]) in _LEVEL_ENDS:
            return None
        tail = " ".join(words[-capitals:]).lower()
        named = {name for name in _provinces_ever().values() if name.lower() == tail}
        return named.pop() if len(named) == 1 else None
    # marks and all: `Phong` is no `Phòng` (Hải Phòng), the commune it was read from
    last = words[-1].lower()
    names = {name for name in _provinces_ever().values() if name.split()[-1].lower() == last}
    return names.pop() if len(names) == 1 else None


def is_known_place(place: str) -> bool:
    """A province (today's or before 2025) or a commune or ward of the official list, by its
    letters: `Đắk Lắk`, `Ea Kar` are no Kinh syllables but places all the same."""
    k = key(place)
    return k in _provinces_ever() or any(k in _units()[level] for level in ("xã", "phường"))


def respell_unit(place: str) -> str | None:
    """A place read with a mark lost or misread (`Giang Vo`, `Mường Pòn`): the one province's,
    commune's or ward's name of the list with its letters (`_listed_spelling`); None when it is
    read as listed, or cannot be told."""
    return _listed_spelling(place, ("tỉnh", "xã", "phường"))


def _listed_spelling(name: str, levels: tuple[str, ...], tone_slip: bool = False) -> str | None:
    """The one spelling today's list gives the name's letters at these levels, where OCR read
    the name otherwise: marks lost (every mark read the list's too), or a mark misread into a
    word no Vietnamese syllable is (`Chiéng`). A spelling any commune, ward or district ever
    bore (before 2025 too: an archive's `xã Tiên Phong` is no misread `Tiền Phong`) stays.
    `tone_slip` (the name read after its level word): one word's tone read as another
    (`Thố` for `Thổ`: the hook above read as an acute), a real syllable, in a name no unit of
    any level ever bore."""
    k = key(name)
    spellings = {n for lvl in levels for n in [_units()[lvl].get(k)] if n is not None}
    if len(spellings) != 1 or "" in spellings:
        return None
    listed = spellings.pop()
    read, want = name.split(), listed.split()
    if listed == name or len(read) != len(want) or name in old_unit_spellings():
        return None
    lost = all(marks(r.lower()) <= marks(w.lower()) for r, w in zip(read, want)) and sum(
        len(marks(w.lower())) for w in want) > sum(len(marks(r.lower())) for r in read)
    misread = any(not is_syllable(r) for r in read)
    # (compared in today's tone placement: `Thiệu Hoà`, an archive's old commune as offices
    # wrote it, is the list's `Thiệu Hòa`, no slip)
    placed = for_matching(name)
    slipped = tone_slip and _one_tone_slipped(placed.split(), want) and placed not in old_unit_spellings() \
        and not any(_units()[lvl].get(k) == placed for lvl in _units())
    return listed if lost or misread or slipped else None


def _one_tone_slipped(read: list[str], want: list[str]) -> bool:
    """Do the words differ in one word's tone alone, read on it as another tone (none added
    to a bare syllable, none lost: those are `lost` and `misread`)?"""
    differ = [(r, w) for r, w in zip(read, want) if r.lower() != w.lower()]
    if len(differ) != 1:
        return False
    r, w = differ[0]
    # (a vowel's hat, horn and breve and đ's stroke are drawn into the letter and survive where
    # a tone, a speck or two, does not)
    return toneless(r) == toneless(w) and tone_count(r) == tone_count(w) == 1


# a commune's or ward's level word in running text, before its name (`xã Mường Pòn`)
_LEVEL_WORD = re.compile(r"(?<!\w)(xã|phường|đặc khu|Xã|Phường|Đặc khu)\s+")


def respell_units_after_levels(text: str) -> str:
    """Communes and wards named after their level word, spelled as the list spells them where
    OCR read a mark wrong (`xã Mường Pòn` → `xã Mường Pồn`: `_listed_spelling`), from the
    longest run of capitalised words (four at most) down."""
    out, at = [], 0
    for m in _LEVEL_WORD.finditer(text):
        if m.start() < at:
            continue
        level = m.group(1).lower()
        words = list(re.finditer(r"[^\W\d_]+", text[m.end():]))[:4]
        run: list[re.Match[str]] = []
        for w in words:
            # one word after another, a space between, each capitalised (`Mường La và …` stops at `và`)
            if not w.group()[:1].isupper() or (run and text[m.end() + run[-1].end():m.end() + w.start()] != " ") \
                    or (not run and w.start() != 0):
                break
            run.append(w)
        for n in range(len(run), 0, -1):
            start, end = m.end(), m.end() + run[n - 1].end()
            read = text[start:end]
            if _units()[level].get(key(read)) == read:
                break  # read as listed
            # a tone read as another only on the whole run of capitalised words: an old commune
            # whose first words are one tone off today's (`Thạnh Thới Thuận`) is no slip
            listed = _listed_spelling(read, (level,), tone_slip=n == len(run))
            if listed:
                out.append(text[at:start] + listed)
                at = end
                break
    return "".join(out) + text[at:]


def near_province_place(place: str, parent: str | None = None) -> str | None:
    """The province a date line's place names when OCR put a letter or two wrong in it (`Lào
    Cổi` under a copier's grain), with no issuer left to spell it: no unit bears the name as
    read, exactly one province's (today's or before 2025) is that close (`_near_province`), and
    no commune's or ward's is as close: communes are thousands, and a place may be one. A
    commune as close is no bar where the `parent` line above the issuer (`UBND TỈNH …` over a
    department: the province it dates at) ends in the province's name read a letter or two off
    too, and not in the commune's: two damaged readings of one name that agree."""
    tokens = _tokens(place)
    if is_known_place(place) or not 1 < len(tokens) <= 4:
        return None
    # the whole place as read, not its first words (`Thành phố Hồ Chí Minh` opens two letters
    # off `Thanh Hóa`)
    province = _near_province(["".join(tokens)])
    if province is None:
        return None
    read, want = "".join(tokens), key(province)
    limit = edit_distance(read, want, 2)
    # (a ward may bear its province's name: `Lào Cai` is both)
    rivals = [k for level in ("xã", "phường") for k in _units()[level] if k != want and edit_distance(read, k, limit) <= limit]
    if rivals and not (parent and ends_off(parent, want) < min(ends_off(parent, k) for k in rivals)):
        return None
    return province


def ends_off(line: str, want: str) -> int:
    """How many letters off `want` (a key) the last words of `line` spell it, two at most
    counted (3: farther)."""
    tokens = _tokens(line)
    return min((edit_distance("".join(tokens[-n:]), want, 2) for n in (1, 2, 3, 4) if len(tokens) >= n), default=3)


_COMMITTEE_KEY = "uybannhandan"
# the day districts ended (the two-level local government): from it a commune or ward dates
# its documents at its own name, and no district's town shares it
_TWO_LEVELS = "2025-07-01"


def committee_from_symbol(parts: tuple[str, ...], place: str | None, dated: str | None = None) -> str | None:
    """The people's committee (or its office) a document number's symbol names (`QĐ-UBND`,
    `UBND-VP`, `TB-VPUBND`: committee_symbols.tsv) with the date line's place, for a document
    whose issuer lines a stamp or toner left unreadable: a province's committee dates its
    documents at the province's name (today's, or one merged in 2025 on an older document), and
    since districts ended (`dated` on or after 1 July 2025) a commune's or ward's at its own,
    where one unit of the list alone bears it. None when the symbol names no committee, or two,
    or the place is no such unit's: a commune's name borne by many communes, one dated before
    that day (a district's town dated its own)."""
    heads = {symbol: head for head, symbol in resources.rows("committee_symbols.tsv")}
    named = {heads[p] for p in parts if p in heads}
    if len(named) != 1 or not place:
        return None
    head = named.pop()
    if key(head) not in _HEADS:
        return None  # a council (HĐND): its place is not told so
    # `Thành phố Hồ Chí Minh, ngày …`: the city by its name
    province = _provinces_ever().get(key(re.sub(r"^(?:thành phố|tp\.?)\s+", "", place, flags=re.IGNORECASE)))
    if province:
        return f"{head} {_province_level(province)} {province}"
    # (a commune's office is `Văn phòng HĐND và UBND`: only the committee is told so)
    unit = _unit_dated_at(place) if dated and dated >= _TWO_LEVELS and key(head) == _COMMITTEE_KEY else None
    return f"{head} {unit[0]} {unit[1]}" if unit else None


def central_body_from_symbol(parts: tuple[str, ...]) -> str | None:
    """The central body whose symbol closes a document number (`NQ-CP`: Chính phủ, `QĐ-TTg`:
    Thủ tướng Chính phủ, `TT-BTC`: body_symbols.tsv), for a document whose issuer line was
    lost: such a symbol is borne by that one body, wherever it is dated."""
    legislature = term_body(parts)
    if legislature:
        return body_of_symbol(legislature)  # `04/2017/QH14`: a law's, the Quốc hội's
    named = [body for body in map(body_of_symbol, parts[1:]) if body]
    # a joint document (`TTLT-BTC-BNV`) is two bodies': no one of them is its issuer
    if len(parts) < 2 or len(named) != 1 or parts[0].upper().endswith("LT"):
        return None
    return body_of_symbol(parts[-1])


@lru_cache(maxsize=1)
def _department_heads() -> re.Pattern[str]:
    """Any known department's name with its first word's two letters as read (`S\\w`)."""
    tails = sorted({body.split(" ", 1)[1] for words, body in _bodies() if words[0] == _DEPARTMENT_HEAD},
                   key=len, reverse=True)
    return re.compile(rf"(?<!\w)(S\w)(?= (?:{'|'.join(map(re.escape, tails))})(?!\w))")


def respell_department_heads(text: str) -> str:
    """A known department named in running text with its `Sở` read a mark off (`về Sử Tài chính
    nhận nhiệm vụ`, `Sơ Nội vụ`): `Sở`, where the rest of its name follows as the list spells it."""
    return _department_heads().sub(
        lambda m: "Sở" if m.group(1) != "Sở" and edit_distance(fold_phrase(m.group(1)), _DEPARTMENT_HEAD, 1) <= 1
        else m.group(), text)


def department_symbol(issuer: str | None) -> str | None:
    """The symbol a known department prints in its numbers (`Sở Tài chính` → STC); None for
    any other body."""
    read = _tokens(issuer) if issuer else []
    known = next((body for words, body in _bodies() if words == read and words[0] == _DEPARTMENT_HEAD), None)
    return department_symbols()[known] if known else None


def opens_as_a_committee(name: str) -> bool:
    """Does the name open on a people's committee's words (`Ủy ban nhân dân …`, `UBND …`)?"""
    tokens = _tokens(name)
    return "".join(tokens[:4]) == "uybannhandan" or tokens[:1] == ["ubnd"]


def department_of_symbol(part: str) -> str | None:
    """The one known department that prints `part` as its symbol (`SYT` → Sở Y tế)."""
    found = [body for body, symbol in department_symbols().items() if symbol == part]
    return found[0] if len(found) == 1 else None


def department_from_symbol(parts: tuple[str, ...], issuer: str) -> str | None:
    """The one known department (`Sở …`) opening as `issuer` does, with its first two words,
    whose initials a part of the number's symbol is (`QĐ-SNNMT`: Sở Nông nghiệp và Môi trường)."""
    read = _tokens(issuer)
    found = {body for words, body in _bodies() if words[0] == _DEPARTMENT_HEAD and _opens_as(read, words)
             and department_symbols()[body] in parts}
    return found.pop() if len(found) == 1 else None


def _opens_as(read: list[str], words: list[str]) -> bool:
    """Do the words read open a body's name with its first two words, the last read cut short
    (`Sở Nô` for `Sở Nông nghiệp và Môi trường`: a stamp's ink over the rest)?"""
    if len(read) < 2:
        return False
    head = read[:2]
    return head[0] == words[0] and len(words) >= 2 and (
        head[1] == words[1] or (len(read) == 2 and len(head[1]) >= 2 and words[1].startswith(head[1])))


def central_body_read_short(issuer: str, parts: tuple[str, ...]) -> str | None:
    """The central body the number's symbol names (`TT-BLĐTBXH`), for an issuer OCR read as no
    known body but opening with that body's first two words: the rest of its name cut off or
    garbled with the motto beside it (`Bộ Kẻ hoạch` with `VÀ ĐẦU TƯ` lost under a stamp; `Bộ Lao
    động - Thương bins cộng hòa ».a hội và Xã hội`, the two columns read as one line), or read
    word for word with its garbled words no syllable (`Bộ Tc án` for Bộ Công an). So is a
    department whose initials the symbol is (`Sở Giáo dục` with `và Đào tạo` under a stamp, its
    number's `QĐ-SGDĐT`)."""
    body = central_body_from_symbol(parts) or department_from_symbol(parts, issuer)
    read = _tokens(issuer)
    if not body or len(read) < 2 or any(read[:len(words)] == words for words, _ in _bodies()):
        return None  # (a body's whole name read: that body's, the symbol's or not)
    want = _tokens(body)
    if _opens_as(read, want) and read != want:
        return body
    # `BỘ TC ÁN` (ink and paper): as many words as its name, the head and another read whole,
    # every other word no syllable at all
    pairs = list(zip(read[1:], want[1:]))
    if len(read) == len(want) and read[0] == want[0] and any(r == w for r, w in pairs) \
            and all(r == w or not is_syllable(r) for r, w in pairs):
        return body
    return None


# where the central bodies (body_symbols.tsv) sit and date what they sign
_CENTRAL_SEAT = "Hà Nội"


def central_seat(issuer: str | None) -> str | None:
    """Hà Nội for a central body (`Chính phủ`, `Bộ Nội vụ`: one of body_symbols.tsv), else None."""
    return _CENTRAL_SEAT if issuer and fold_phrase(issuer) in central_bodies() else None


# the level words a body's name ends with before its place's (folded), and the list that names it
_DATING_LEVELS = {("tinh",): "tỉnh", ("thanh", "pho"): "tỉnh", ("xa",): "xã", ("phuong",): "phường",
                  ("dac", "khu"): "đặc khu"}


def dating_place(issuer: str | None, parent: str | None = None) -> str | None:
    """Where a body dates what it signs (Decree 30/2020, Appendix I): a central body where it
    sits; a province's bodies at the province's name, a commune's or ward's at its own. The
    province or commune is the last one the issuer's name, or the line above it, ends with
    after its level (`Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa`, `Sở Y tế` under `UBND TỈNH AN
    GIANG`), as a list names it; None when neither says, or when the issuer is a district's
    body (`Tòa án nhân dân huyện …`, `Thành ủy Bảo Lộc`, `thị xã …`): it dated at its district's
    name, which no list of today holds."""
    seat = central_seat(issuer)
    if seat:
        return seat
    if issuer and _a_districts_body(issuer):
        return None
    for name in (issuer, parent):
        if not name or (name is parent and issuer and not is_department(issuer) and _ends_in_a_unit(issuer)):
            continue
        found = _ends_in_a_unit(name)
        if found:
            return found
    return None


# a district's level before its name (`huyện`, `thị xã`, a province's `thành phố`), or its Party
# committee's (`Huyện ủy`, `Thành ủy`), as written, marks and all (`quận` is no `quản`)
_DISTRICT_WORDS = re.compile(r"(?i)(?<!\w)(?:huyện|quận|thị xã|thành phố|tp\.|(?:huyện|quận|thị|thành) ủy)\s+(.+)$")


def _a_districts_body(name: str) -> bool:
    """Does the name hold a district's level, or a district's Party committee, before a name that
    is no province's (`thành phố Bảo Lộc`; `thành phố Hà Nội`, `Thành ủy Hà Nội` are a province's)?"""
    for m in _DISTRICT_WORDS.finditer(name):
        rest = m.group(1).split()
        if not any(key(" ".join(rest[:n])) in _provinces_ever() for n in (1, 2, 3, 4)):
            return True
    return False


@lru_cache(maxsize=1)
def _dating_names() -> dict[str, str]:
    """province → the name it dates with, where that is not its short name (dating_names.tsv)."""
    return dict(resources.rows("dating_names.tsv"))


def _ends_in_a_unit(name: str) -> str | None:
    """The listed province, commune or ward whose name ends `name` after its level word."""
    words = name.split()
    folded = [fold_phrase(w) for w in words]
    for i in range(len(words) - 1, 0, -1):
        for level_words, level in _DATING_LEVELS.items():
            n = len(level_words)
            if tuple(folded[i - n + 1:i + 1]) != level_words or i + 1 >= len(words):
                continue
            k = key(" ".join(words[i + 1:]))
            if level == "tỉnh":
                province = _provinces_ever().get(k)
                return _dating_names().get(province, province) if province else None
            listed = _units()[level].get(k)
            return listed if listed else None
    return None


def issuer_from_e_signature(issuer: str | None, signed_by: list[str]) -> str | None:
    """A committee read without its place (`Ủy ban nhân dân`: the province or commune line lost
    under a stamp) completed from the e-signature box printed on the page, when exactly one
    box names such a committee with its place (`Ký bởi: Uy ban nhâr| dan xã Mường Hum`)."""
    if not issuer or fold(issuer) not in {fold(h) for h in _HEADS.values()}:
        return None
    named = {snap_committee(s, None) or squash(s) for s in signed_by}
    named = {n for n in named if fold(n).startswith(fold(issuer) + " ") and _names_a_unit(n)}
    return named.pop() if len(named) == 1 else None


def _names_a_unit(name: str) -> bool:
    """`Ủy ban nhân dân xã Mường Hum`: a level and a unit of the official list at it (a town's
    level and a name, which today's list no longer holds)."""
    tokens = _unglued(_tokens(name))
    for i in range(1, len(tokens)):
        level = _level_at(tokens, i)
        if level is not None and level[0] in _TOWNS:
            return 1 <= len(tokens) - i - level[1] <= 4  # a town's (`thị xã Sơn Tây`): no list to hold it
        if level is not None:
            return _units()[level[0]].get("".join(tokens[i + level[1]:])) is not None
    return False
