"""Unicode normalisation for Vietnamese text.

Stored and compared text is NFC. For *matching* we go further: the look-alike `Ð` (U+00D0)
becomes `Đ`, and old-style tone placement (`hoà`, `Uỷ`) becomes the new style (`hòa`, `Ủy`),
so one rule matches every spelling. Quotes keep the NFC original.
"""

from __future__ import annotations

import re
import unicodedata

# Old ("hoà", "thuỷ") vs new ("hòa", "thủy") tone placement on the diphthongs oa, oe, uy.
# Tone marks as combining characters, applied on NFD text.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(rf"([oO])([aAeE])([{_TONES}])(?![^\W\d_])|(?<![qQ])([uU])([yY])([{_TONES}])(?![^\W\d_])")
# a word of a name as OCR gives it: its letters (`core`), and the specks it read before and
# after them (`“Lương`, `Hoan,`); a figure inside is no name word's (`H6`)
# the apostrophe of an Ê Đê or Jarai name (`H'Bia`), as typed or set: straight, curly, a modifier
# letter, each read as the straight one
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
NAME_WORD = re.compile(r"^(?P<lead>[^\w]*)(?P<core>[^\W\d_]+)(?P<tail>[^\w]*)$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Đ/đ read or mapped as the Icelandic Ð/ð (U+00D0/U+00F0), the same shape: some fonts map Đ
# to it, and OCR reads a stamp's `Đ/C` so
_ETH = str.maketrans("\u00d0\u00f0", "\u0110\u0111")


def eth_as_d(text: str) -> str:
    """`Ð/C Lan` → `Đ/C Lan`."""
    return text.translate(_ETH)


def _move_tone(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1) + m.group(3) + m.group(2)
    return m.group(4) + m.group(6) + m.group(5)


def for_matching(text: str) -> str:
    """NFC text with look-alikes unified and tone marks in the new placement.

    The result has the same length as `nfc(text)` for all inputs met in practice, so offsets
    found in it point into the NFC original as well.
    """
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _OLD_TONE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", decomposed)


def fold(text: str) -> str:
    """Lower-case ASCII skeleton: no diacritics, `đ` as `d`, spaces collapsed."""
    text = for_matching(text).replace("Đ", "D").replace("đ", "d")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().casefold()


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


# Small letters whose capital differs only in size: on a photo OCR reads a name's `Văn` as
# `văn`. Read by the OCR name-line re-read and by the header's name-line test alike.
SAME_SHAPE_SMALL = frozenset("cosvwxzôơóòỏõọốồổỗộớờởỡợ")


def mark_count(text: str) -> int:
    """How many diacritic marks a text carries (đ's stroke counts as one)."""
    return sum(1 for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c)) \
        + text.count("đ") + text.count("Đ")


def cased_like(spelling: str, like: str) -> str:
    """`spelling` in the case of `like`: all capitals, a capital first, or small."""
    if like.isupper() and len(like) > 1:
        return spelling.upper()
    return spelling[:1].upper() + spelling[1:].lower() if like[:1].isupper() else spelling.lower()


def toneless(word: str) -> str:
    """The word in small letters without its tone (grave, acute, hook, tilde, dot below); its
    vowels' hats, horns and breves and đ's stroke are letters and stay (`Thổ` → `thô`)."""
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", word.lower()) if ch not in _TONES))


def tone_count(word: str) -> int:
    """How many tone marks the word bears (one at most in a syllable)."""
    return sum(ch in _TONES for ch in unicodedata.normalize("NFD", word))


def marks(word: str) -> set[tuple[int, str]]:
    """(letter index, mark) pairs; đ counts as d with a stroke. One word's marks are all on
    another of the same letters when `marks(a) <= marks(b)` (`Van` → `Vân`; not `Vân` → `Văn`)."""
    out = set()
    k = -1
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            out.add((k, ch))
        else:
            k += 1
            if ch == "đ":
                out.add((k, "stroke"))
    return out


def case_blind(word: str) -> bool:
    """Does the word start with a small letter that OCR may have read for its capital?"""
    return bool(word) and word[0] in SAME_SHAPE_SMALL


def letter_off(folded: str, known: frozenset[str] | set[str], min_len: int = 4) -> set[str]:
    """The entries of `known` (folded words) that `folded` misses by one letter read as another
    (`phar`: `phan`, `pham`); none for a short word (`le`, `ly`, `lo` are all family names) or
    one `known` holds."""
    if len(folded) < min_len or folded in known:
        return set()
    return {k for k in known if len(k) == len(folded) and sum(a != b for a, b in zip(k, folded)) == 1}


def one_letter_off(folded: str, known: frozenset[str] | set[str], min_len: int = 4) -> str | None:
    """The one entry of `known` (folded words) that `folded` misses by one letter read as
    another, if exactly one does: OCR's `dinn` for `dinh`."""
    hits = letter_off(folded, known, min_len)
    return hits.pop() if len(hits) == 1 else None
