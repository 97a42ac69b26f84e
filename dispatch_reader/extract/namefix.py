"""Repairs of names read by OCR: a syllable is respelled only when one spelling is clearly right.

OCR drops or swaps the marks of name syllables (`Khuyén`, `Nguyễn Thi`, `Lé Quang`, `Chu Van
Hiéu`). Each syllable is compared with the syllables that have the same letters in
name_frequencies.tsv, by how often each stands in its slot of a name (family, middle, given):

- a spelling that is no Vietnamese syllable (`Khuyén`, `Hiéu`) becomes the likeliest listed one;
- a syllable with no marks at all (`Thi`, `Van`) becomes a listed one that is at least ten times
  as likely in its slot as what was read and three times as likely as any other repair;
- a syllable with marks keeps them unless a repair only adds marks OCR dropped (`Hoang` → …,
  never `Khái` → `Khải`), under the same odds; an unknown family name becomes the known one;
- a family-name spelling seen in no name at all becomes the one family name with the same
  vowels and another tone (`Tổng`, `Tông` → `Tống`), when exactly one has them;
- a spelling seen in no name with đ's stroke loses it when one listed spelling has every other
  mark (`Đũng` → `Dũng`: a speck across the D's stem).

A name that reads as printed (a rare but real syllable) is kept.
"""

from __future__ import annotations

from functools import lru_cache

from dispatch_reader import family_names
from dispatch_reader.extract import resources
from dispatch_reader.extract.syllables import is_syllable, may_be_syllable
from dispatch_reader.extract.textutil import fold_phrase
from dispatch_reader.textnorm import cased_like, marks, one_letter_off, tone_count, toneless

_SLOTS = {"family": 0, "middle": 1, "given": 2}
ODDS = 10.0  # how much likelier a repair must be than the syllable as read
MARGIN = 3.0  # and than the next best repair
# a family name this common (per 10,000 names) is what a spelling never seen as one stands for
COMMON_FAMILY = 10
# a middle or given name this common (per 10,000 in its slot) is what a spelling no name bears
# with its letters stands for, its marks misread
COMMON_NAME = 100


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, tuple[int, int, int]]]]:
    """folded letters → [(spelling, (family, middle, given))]."""
    out: dict[str, list[tuple[str, tuple[int, int, int]]]] = {}
    for row in resources.rows("name_frequencies.tsv"):
        freq = tuple(int(x) for x in row[1:4])
        out.setdefault(fold_phrase(row[0]), []).append((row[0], freq))  # type: ignore[arg-type]
    return out


def listed_spellings(syllable: str) -> frozenset[str]:
    """The spellings name_frequencies.tsv lists for the syllable's letters (any marks), lower case."""
    return frozenset(s.casefold() for s, _ in _table().get(fold_phrase(syllable), []))


def never_given(spelling: str) -> bool:
    """Is `spelling` (its marks as written) listed, and never as a given name (`Trần`, `Nguyễn`:
    family names only, by the list's figures: a rare given name may still bear it)?"""
    hits = [freq for s, freq in _table().get(fold_phrase(spelling), []) if s.casefold() == spelling.casefold()]
    return bool(hits) and all(freq[2] == 0 for freq in hits)


@lru_cache(maxsize=1)
def _family_spellings() -> dict[str, str]:
    """folded family name → its likeliest spelling."""
    out: dict[str, tuple[int, str]] = {}
    for spelling, freq in (e for entries in _table().values() for e in entries):
        key = fold_phrase(spelling)
        if freq[0] > out.get(key, (0, ""))[0]:
            out[key] = (freq[0], spelling)
    for spelling in family_names.listed():
        out.setdefault(fold_phrase(spelling), (0, spelling))
    return {k: v[1] for k, v in out.items()}


def near_marked_family(read: str) -> str | None:
    """The one listed family name (as listed) that `read`, a short family name OCR read in small
    letters (`nơ`: the capital's stem lost under a seal's ring), misses by its first consonant
    alone, the marked vowel kept; None otherwise. Read with its capital, a name is as printed
    (`Mè`, `Kơ` are family names of their own)."""
    if not 2 <= len(read) <= 3 or not read[0].islower() or not marks(read) or read in _listed_families():
        return None
    hits = {f for f in family_names.listed() if len(f) == len(read) and f[1:].lower() == read[1:]}
    return hits.pop() if len(hits) == 1 else None


def _score(freq: tuple[int, int, int], slot: str) -> float:
    """How often a spelling stands in this slot; a little credit for the other slots."""
    k = _SLOTS[slot]
    return freq[k] + 0.05 * (sum(freq) - freq[k])


@lru_cache(maxsize=1)
def _listed_families() -> frozenset[str]:
    return family_names.lowered()


def _tone(word: str) -> bool:
    return tone_count(word) > 0


def repair_syllable(syllable: str, slot: str, short_slip: bool = False, coarse: bool = False) -> str:
    """The syllable as it should read in this slot of a name (unchanged unless clearly wrong).
    `short_slip`: the name's other words are syllables, so a three-letter middle word that is
    none may be one misread (`_short_middle_slip`), and a family name cut short completed."""
    entries = _table().get(fold_phrase(syllable))
    if not entries and len(syllable) > 2 and syllable[0].isupper() and syllable[1].casefold() == syllable[0].casefold() \
            and _table().get(fold_phrase(syllable[1:])):
        # a capital read twice (`SSùng A Tủa`: a photocopy's speck or a ring's edge beside the
        # S): no Vietnamese syllable opens on a doubled letter (the capital kept: `Ssùng` too)
        return repair_syllable(syllable[0] + syllable[2:], slot, short_slip, coarse)
    if not entries and slot == "family" and syllable.isalpha():
        # a family name only the list of families holds, read with a mark lost (`Xông` for
        # `Xồng`, an H'Mông clan's): the listed one, when it has every mark read (OCR loses marks, it adds none)
        listed = _family_spellings().get(fold_phrase(syllable))
        if listed and listed.lower() != syllable.lower() and marks(syllable.lower()) < marks(listed.lower()) \
                and syllable.lower() not in _listed_families():
            return cased_like(listed, syllable)
        glyphs = _family_by_glyphs(syllable)
        if glyphs:
            return glyphs
        # family names are a near-closed list: a word one letter off exactly one of them is
        # that one misread (`Đìnn` → `Đinh`)
        near = one_letter_off(fold_phrase(syllable), _family_spellings().keys())
        if near:
            return cased_like(_family_spellings()[near], syllable)
        # a short one whose vowel kept its marks: the one family name a consonant off (`nơ`
        # for `Rơ`, the R's stem under a seal's ring); `lo`, `le` without marks are many names'
        marked = near_marked_family(syllable)
        if marked:
            return cased_like(marked, syllable)
        # its end lost under a seal's ring or a stroke (`Nguy Thị Kim Ngân`): the one family
        # name it opens, four letters read at least, with every mark read (`Ngụy` is a family
        # name of its own), in a Vietnamese name (`Khuon Sudary` is a Khmer one)
        if len(syllable) < 4 or not short_slip:
            return syllable
        opened = [k for k in _family_spellings() if k.startswith(fold_phrase(syllable))]
        spelled = _family_spellings()[opened[0]] if len(opened) == 1 else None
        return cased_like(spelled, syllable) if spelled and _kept_marks(syllable, spelled) else syllable
    if not entries and syllable.isalpha() and (len(syllable) >= 4 or (short_slip and _short_middle_slip(syllable, slot))) \
            and not is_syllable(syllable):
        # no syllable and no name's: one letter read as another (`Mauh` for `Mạnh`, the arch of
        # its `n` under a signature's stroke), when one listed spelling is far likelier in the
        # slot; or letters read as other glyphs (`Inành` for `Thành`)
        return _name_by_glyphs(syllable, slot) or _one_letter_off_name(syllable, slot)
    if not entries and slot == "middle" and len(syllable) == 2 and syllable.isalpha() and not is_syllable(syllable):
        # a middle name's end lost under a stroke or a seal's ring (`Nguyễn Th Bích Ngọc`):
        # the middle name it opens, when one is far likelier than any other (`Thị`)
        return _completed_middle(syllable)
    if slot != "family" and syllable.isalpha() and not any(s.lower() == syllable.lower() for s, _ in entries or ()):
        lost = _end_letter_lost(syllable, slot)
        if lost:
            return lost
    if not entries or not syllable.isalpha():
        return syllable
    own = next((f for s, f in entries if s.lower() == syllable.lower()), None)
    if slot == "family" and own is None and syllable.lower() in _listed_families():
        # a family the list of families holds, read as listed (`Cấn`, `Nhữ`): the frequencies
        # lack it, and their commoner spellings of its letters (`Cần`, `Như`) are no family's
        return syllable
    if slot == "family" and (own is None or own[0] == 0):
        # a spelling never seen as a family name where one stands (`Nguyên` for `Nguyễn`):
        # the family name OCR took marks from, if exactly one is that spelling plus marks
        families = [s for s, f in entries if f[0] >= COMMON_FAMILY and marks(syllable) <= marks(s)]
        if len(families) == 1:
            return cased_like(families[0], syllable)
        # a spelling seen in no name at all: the one family name with the same vowels that
        # OCR read another tone on (`Tổng`, `Tông` for `Tống`; `Tòng` has no ô). A vowel's hat
        # or horn is drawn into the letter and survives a fax; the tone above it is a speck or
        # two and does not. (`Trang`, a given name, stays: `Tráng` is a family name too.)
        # A name the list of family names holds stays (`Điểu`, `Quản`: the frequencies lack
        # them), and no tone is taken away (OCR loses marks; it does not add them). A spelling
        # seen only as another slot's name counts too when a tone was read on it: Tesseract
        # reads a bold serif's grave as a hook (`Quảng`, a given name, for `Quàng`).
        families = [s for s, f in entries if f[0] > 0 and toneless(s) == toneless(syllable)
                    and (_tone(s) or not _tone(syllable))]
        if len(families) == 1 and (own is None or (_tone(syllable) and _tone(families[0]))) \
                and syllable.lower() not in _listed_families():
            return cased_like(families[0], syllable)
        # a tone on a common family name that bears none, making a given name no family bears
        # (`Định` for `Đinh`: a speck under the i, a show-through's dot): the one such family
        bare = [s for s, f in entries if f[0] >= COMMON_FAMILY and not _tone(s) and toneless(s) == toneless(syllable)]
        if len(bare) == 1 and own is not None and _tone(syllable) and syllable.lower() not in _listed_families():
            return cased_like(bare[0], syllable)
    if own is not None and _score(own, slot) > 0:
        return syllable
    if own is None:
        hat = _hat_read_as_acute(syllable, slot, entries)
        if hat:
            return hat
    if coarse and own is None and slot != "family" and _tone(syllable):
        # read from a coarse scan (a fax's 100 rows an inch hold a tone mark in a pixel or two):
        # a tone no name bears on these letters is the one name's that bears another (`Phứ` →
        # `Phử`, `Bịch` → `Bích`); a tone read is never taken away (`Vần` is no `Vân`)
        toned = [s for s, f in entries if _score(f, slot) > 0 and _tone(s) and toneless(s) == toneless(syllable)]
        if len(toned) == 1:
            return cased_like(toned[0], syllable)
    stroke = {m for m in marks(syllable) if m[1] == "stroke"}
    if own is None and stroke:
        # a speck across a D's stem read as đ's stroke (`Hồ Quốc Đũng`): a spelling seen in
        # no name whose every other mark one listed spelling of the slot has, and no more
        bare = [s for s, f in entries if _score(f, slot) > 0 and marks(s) == marks(syllable) - stroke]
        if len(bare) == 1:
            return cased_like(bare[0], syllable)
    # a name only ever a middle one (`Thị`, `Văn`) is no family's nor given name read bare:
    # its credit from the middle slot would make `Nguyễn Văn Thi` a `Thị`
    ranked = sorted(((s, _score(f, slot)) for s, f in entries if s.lower() != syllable.lower()
                     and (slot == "middle" or f[0] or f[2])), key=lambda x: -x[1])
    if not ranked or ranked[0][1] <= 0:
        return syllable
    best, best_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if not is_syllable(syllable):
        return cased_like(best, syllable)
    if best_score < MARGIN * second:
        return syllable
    if slot == "given" and own is None and marks(syllable) and never_given(best):
        # a given name read with its marks that the list lacks (`Trân`) is never made one the
        # list gives no given name (`Trần`: families' only). A middle name may be a family's
        # (`Nguyễn Phạm Minh Châu`), and a given name read bare still gets its marks (`Ly` →
        # `Lý`: the list's zeros are rare names, not impossible ones)
        return syllable
    if slot == "family" and own is None:
        return cased_like(best, syllable)  # family names are a near-closed list
    base = _score(own, slot) if own is not None else 0.0
    if best_score < ODDS * max(base, 1.0):
        return syllable
    if not marks(syllable) <= marks(best) and not (
            own is None and best_score >= COMMON_NAME
            and (_breve_read_as_tilde(syllable, best)
                 or (slot == "middle" and best_score >= _DOMINANT_MIDDLE and _tone_misread(syllable, best)))):
        # OCR saw marks the repair would take away; but a breve read as a tilde (`Vẫn` for
        # `Văn`, `Hãng` for `Hằng`), in a spelling no name bears, in a slot a common name with
        # its letters fills, is that name misread. So is `Thị`'s or `Văn`'s tone read as another
        # (`Thí`: its dot lost under a seal's ring, a speck above), the two middle names of most
        # names; a rarer one's is not told (`Thạnh`, `Hựu` are real names the list lacks), nor a
        # given name's (`Mình` stays)
        return syllable
    return cased_like(best, syllable)


# a vowel with a tilde (and a hat) that a breve's `ă` reads as at a scan's resolution
_TILDED_A = str.maketrans({"ã": "ă", "ẫ": "ă", "ẵ": "ă", "Ã": "Ă", "Ẫ": "Ă", "Ẵ": "Ă"})


def _breve_read_as_tilde(read: str, name: str) -> bool:
    """Is `name` the read spelling with its tilded a an `ă`, a tone it lacks at most added (OCR
    loses tones; `Vẫn` → `Văn`, `Hãng` → `Hằng`)?"""
    breve = read.translate(_TILDED_A)
    return breve != read and toneless(breve) == toneless(name) and (not _tone(breve) or breve.lower() == name.lower())


# a vowel's hat worn to one stroke reads as an acute: `Lé` for `Lê`, `Tó` for `Tô`
_HAT_FOR_ACUTE = str.maketrans({"á": "â", "é": "ê", "ó": "ô", "Á": "Â", "É": "Ê", "Ó": "Ô"})
_HAT_BESIDE_ACUTE = str.maketrans({"á": "ấ", "é": "ế", "ó": "ố", "Á": "Ấ", "É": "Ế", "Ó": "Ố"})


def _hat_read_as_acute(read: str, slot: str, entries: list[tuple[str, tuple[int, int, int]]]) -> str | None:
    """The name `read` (a spelling no name bears) is with its acute a hat, when that spelling is
    a common name in the slot; in a middle one, a common family name too (a mother's family
    name stands there: `Nguyễn Lê Huy`, `Trần Phạm Minh`)."""
    hatted = read.translate(_HAT_FOR_ACUTE)
    if hatted == read or tone_count(hatted) != 0:
        return None  # (another tone beside the acute: `Lế` is a hat and a tone, not this slip)
    # the hat lost and the acute kept is as likely (`Tuán` for `Tuấn`, `Tién` for `Tiến`): where
    # a name of the slot is spelled so, the acute is a tone (a reviewer's `Tuân`, `Tiên`)
    both = read.translate(_HAT_BESIDE_ACUTE).lower()
    if any(s.lower() == both and f[_SLOTS[slot]] > 0 for s, f in entries):
        return None
    for spelling, freq in entries:
        if spelling.lower() == hatted.lower() and (
                _score(freq, slot) >= ODDS or (slot == "middle" and freq[0] >= COMMON_FAMILY)):
            return cased_like(spelling, read)
    return None


def _tone_misread(read: str, name: str) -> bool:
    """Is `name` the read spelling with its one tone another or none (the same letters, hats
    and horns)?"""
    return toneless(read) == toneless(name) and tone_count(read) == 1


def _onset_lost(read: str) -> str | None:
    """The one listed middle name, common in that slot, that is `read` (in small letters, a
    spelling no middle name bears) with a consonant or two before it, marks and all."""
    if not read.isalpha() or any(f[1] > 0 for s, f in _table().get(fold_phrase(read), ()) if s.lower() == read.lower()):
        return None
    found = {s for k, entries in _table().items() if k.endswith(fold_phrase(read)) and 1 <= len(k) - len(read) <= 2
             for s, f in entries if f[1] >= COMMON_NAME and s.lower().endswith(read.lower())
             and s[:len(s) - len(read)].isalpha() and not set(fold_phrase(s[:len(s) - len(read)])) & set("aeiouy")}
    return found.pop() if len(found) == 1 else None


def _end_letter_lost(read: str, slot: str) -> str | None:
    """A middle or given name whose closing `h` or `g` a speck or a stroke took (`Nguyễn Mạn
    Khương` for `Mạnh`, `Lê Văn Min`): the one spelling with that letter back, its marks the
    same, that is a common name in the slot (as likely as a repair must be). A name seen as
    read is never one (`Hoan` stays)."""
    if not fold_phrase(read).endswith(("n", "c")):
        return None
    found = []
    for letter in "hg":
        longer = read + letter
        for spelling, freq in _table().get(fold_phrase(longer), []):
            if spelling.lower() == longer.lower() and _score(freq, slot) >= ODDS:
                found.append(spelling)
    return cased_like(found[0], read) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _families_by_spelling() -> dict[str, str]:
    """a family name in small letters, marks and all → its spelling."""
    return {s.lower(): s for s in _family_spellings().values()}


def glyph_swaps(read: str) -> list[str]:
    """`read` with each of name_glyphs.tsv's misread glyphs put back, one swap at a time."""
    return [read.replace(wrong, right, 1) for wrong, right in resources.rows("name_glyphs.tsv") if wrong in read]


def _family_by_glyphs(read: str) -> str | None:
    """The family name whose letter OCR read as other glyphs (`Vii` → `Vũ`, name_glyphs.tsv),
    when one listed family name is what the swap spells, marks and all."""
    spelled = _families_by_spelling()
    # as read (`Inái`: the table's `In` is a capital's) and lower-cased (`VII`'s `ii`)
    swapped = {w.lower() for w in glyph_swaps(read) + glyph_swaps(read.lower())}
    found = {spelled[w] for w in swapped if w in spelled}
    return cased_like(found.pop(), read) if len(found) == 1 else None


def _name_by_glyphs(read: str, slot: str) -> str | None:
    """The middle or given name whose letters OCR read as other glyphs (`Inành` → `Thành`,
    name_glyphs.tsv), when exactly one spelling the swap gives stands in that slot of names."""
    found = {s for w in glyph_swaps(read) for s, f in _table().get(fold_phrase(w), [])
             if s.lower() == w.lower() and _score(f, slot) > 0}
    return cased_like(found.pop(), read) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _keys_by_length() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for key in _table():
        out.setdefault(len(key), []).append(key)
    return out


# two consonants that open a Vietnamese syllable; others (`Hl`, `Hr`, `Kp`) open a name of
# another people's, no misreading
_ONSETS = frozenset({"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"})
_VOWELS = frozenset("aeiouy")


def _one_letter_off_name(syllable: str, slot: str) -> str:
    folded = fold_phrase(syllable)
    if not (folded[0] in _VOWELS or folded[1] in _VOWELS or folded[:2] in _ONSETS):
        return syllable
    # the listed spellings one letter off that keep every mark OCR read (`Thànk`: `Thành`)
    ranked = sorted(((s, _score(f, slot)) for key in _keys_by_length().get(len(folded), [])
                     if sum(a != b for a, b in zip(key, folded)) == 1 for s, f in _table()[key]
                     if _kept_marks(syllable, s)), key=lambda x: -x[1])
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]):
        return syllable
    return cased_like(ranked[0][0], syllable)


def _short_middle_slip(syllable: str, slot: str) -> bool:
    """A three-letter middle name that is no syllable, ending in a vowel misread (`Sea` for
    `Seo` on a fax). One ending in a consonant no syllable ends in is another people's name,
    as printed (`Rơ Mah Phin`, a Jrai name: not `Mai`)."""
    return slot == "middle" and len(syllable) == 3 and fold_phrase(syllable)[-1] in _VOWELS


def _completed_middle(read: str) -> str:
    """The listed middle name that `read` (two letters) opens, when one stands in that slot at
    least MARGIN times as often as the next (`Th` → `Thị`; `Ng`: `Ngọc` or `Nguyễn`, none)."""
    head = fold_phrase(read)
    ranked = sorted(((s, _score(f, "middle")) for key, entries in _table().items()
                     if key.startswith(head) and key != head for s, f in entries if _kept_marks(read, s)),
                    key=lambda x: -x[1])
    if not ranked or ranked[0][1] < _COMMON_MIDDLE or (len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]):
        return read
    return cased_like(ranked[0][0], read)


# a middle name this common (per 10,000 names) is what two letters of one stand for
_COMMON_MIDDLE = 100
# the middle names of most names (`Thị`, `Văn`: per 10,000 names in that slot)
_DOMINANT_MIDDLE = 1000


def _kept_marks(read: str, spelling: str) -> bool:
    """Does `spelling` bear every mark `read` bears, letter for letter where both have one
    (`Thànk` → `Thành`; not `Thanh`)?"""
    return all(any(m == mark for _, m in marks(spelling)) for _, mark in marks(read))


@lru_cache(maxsize=1)
def _peoples() -> list[tuple[frozenset[str], dict[str, str]]]:
    """(middle syllables, lower case with their marks; folded family name → its spelling) per
    people (name_peoples.tsv)."""
    return [(frozenset(m.lower() for m in row[0].split()), {fold_phrase(f): f for f in row[1].split()})
            for row in resources.rows("name_peoples.tsv")]


def _family_of_people(words: list[str]) -> str | None:
    """The family name as the people whose middle name the name bears write it (`Giang Seo
    Phử` → `Giàng`), when OCR left it with fewer marks than that; None when no such people's
    name. The words as read: the middle name with its own marks (`Chứ`, not `Chu`)."""
    if len(words) < 3:
        return None
    for middles, families in _peoples():
        if any(w.lower() in middles for w in words[1:-1]):
            spelled = families.get(fold_phrase(words[0]))
            if spelled and spelled != words[0] and marks(words[0]) <= marks(spelled):
                return cased_like(spelled, words[0])
    return None


def _middle_of_people(words: list[str]) -> dict[int, str]:
    """The middle names a people's family name tells, where OCR left them with fewer marks
    (`Chảo Lao Tả` → `Láo`: a fax's coarse rows took the acute): {word index: spelling}. Only a
    middle word no name bears as read, whose letters are that people's middle name."""
    if len(words) < 3:
        return {}
    out: dict[int, str] = {}
    for middles, families in _peoples():
        if fold_phrase(words[0]) not in families:
            continue
        spelled = {fold_phrase(m): m for m in middles}
        for i in range(1, len(words) - 1):
            w = words[i]
            own = next((f for s, f in _table().get(fold_phrase(w), []) if s.lower() == w.lower()), None)
            want = spelled.get(fold_phrase(w))
            if want and want != w.lower() and marks(w) < marks(want) and (own is None or _score(own, "middle") == 0):
                out[i] = cased_like(want, w)
            elif want and len(w) == 1 and len(want) == 1 and w != want.upper():
                # a one-letter middle name read with a mark (`Vừ Á Sùng`: a seal's dot over the
                # A): the people's own bears none
                out[i] = want.upper()
    return out


def repair_ocr_name(name: str, coarse: bool = False) -> str:
    """`Chu Van Hiéu` → `Chu Văn Hiếu`, `Nguyễn Thi Lan` → `Nguyễn Thị Lan`."""
    # a name word always starts with a capital; OCR reads `V` small where the shapes match
    read = name.split()
    words = [w[:1].upper() + w[1:] if w[:1].islower() else w for w in read]
    # ... and a middle word read small that no name is may have lost its capital altogether
    # (`Đinh ông Lực`, the C of `Công` under a seal's ring): the one common middle name it
    # ends, its consonant before
    for i in range(1, len(words) - 1):
        if read[i][:1].islower():
            words[i] = _onset_lost(read[i]) or words[i]
    # a people's own family name first, from the words as read (the respelling below would
    # take `Vù` for `Vũ` and lose the `Vừ` it is)
    family = _family_of_people(words)
    out = []
    for i, w in enumerate(words):
        slot = "family" if i == 0 else ("given" if i == len(words) - 1 else "middle")
        # a name of another language (`Kim Hye Jin`, `Li Xue Mei`) has other words that are no
        # syllable: its short words are as printed
        vietnamese = all(may_be_syllable(x) for j, x in enumerate(words) if j != i)
        out.append(family if i == 0 and family else repair_syllable(w, slot, vietnamese, coarse) if len(words) >= 2 else w)
    if family is None:
        # the middle name that tells the people mended only now (`Giang Sea Vần`: `Seo`)
        out[0] = _family_of_people(out) or out[0]
    middles = _middle_of_people(out)
    for i, spelled in middles.items():
        out[i] = spelled
    if middles:
        out[0] = _family_of_people(out) or out[0]  # `Tan Lao Lở`: `Tẩn` once `Láo` is told
    return " ".join(out)
