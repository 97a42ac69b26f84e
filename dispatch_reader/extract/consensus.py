"""A phrase OCR read once (a subject) respelled where the rest of the document reads the same
words otherwise, in the same company, more than once.

A subject's words come back in the body: a resolution `Về thanh toán các chi phí khám bệnh`
says `chi phí khám bệnh` again in every article. OCR slips are independent from one place to
the next, so where the title reads `khárn bệnh` (rn for m under a speck of toner) and the body
reads `khám bệnh` twice or more, with `khárn bệnh` nowhere but in the title, the body's
spelling is the printed one. A word is respelled only beside a neighbour it has in the body
(the same letters), and only to a spelling that differs from it by its marks or by one or two
letters (`tong` → `tổng`, `hiệt` → `biệt`, `dy` → `dự`); a word that the body has as it is,
with that neighbour, stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.places.match import edit_distance
from dispatch_reader.textnorm import fold

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
# a spelling the body has this often, beside the same neighbour, outweighs the phrase's own
_AGREEING = 2


def _spellings(text: str) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(left neighbour's fold, word) and (word, right neighbour's fold) pairs of a text, words
    as written (lower case), counted."""
    words = [_token(w) for w in _WORD.findall(text)]
    folded = [fold(w) for w in words]
    left: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for k in range(1, len(words)):
        left[(folded[k - 1], words[k])] += 1
        right[(words[k - 1], folded[k])] += 1
    return left, right


def _token(word: str) -> str:
    """A word in lower case; any number is one token (`năm 2022` and `năm 2025` are alike)."""
    return "#" if _DIGIT.search(word) else word.lower()


def _near(read: str, other: str) -> bool:
    """Could OCR have read `other` as `read`? The same letters with other marks, or one letter
    off (two in words of five letters or more), or `rn` for `m` (`khárn` for `khám`)."""
    a, b = fold(read), fold(other)
    # OCR loses marks far more often than it invents them: a spelling with fewer marks than
    # the phrase's is a worse reading repeated (`UBND tinh` all over a photocopy's body)
    if _marks(other) < _marks(read):
        return False
    if a == b:
        return read != other
    if a.replace("rn", "m") == b:
        return True  # r and n run together read as m
    if min(len(a), len(b)) < 2:
        return False
    return edit_distance(a, b, 2) <= (2 if min(len(a), len(b)) >= 5 else 1)


def _marks(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c)) + word.count("đ")


def _cased(spelling: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return spelling.upper()
    return spelling[:1].upper() + spelling[1:] if like[:1].isupper() else spelling


def agree_with_text(phrase: str, text: str) -> str:
    """`phrase` with each word the rest of `text` spells otherwise beside the same neighbour
    at least twice (and never as the phrase has it but once) respelled so."""
    left, right = _spellings(text)
    by_left = _index(left, neighbour_first=True)
    by_right = _index(right, neighbour_first=False)
    tokens = phrase.split(" ")
    cores = [(_WORD.search(t).group(0) if _WORD.search(t) else "") for t in tokens]
    out = list(tokens)
    for i, core in enumerate(cores):
        if not core or _DIGIT.search(core):
            continue
        word = core.lower()
        # a capital inside the phrase is a name's (`Việt Nam`): beside a number, which any
        # `năm 2025` of the body has too, it is left as it is
        proper = i > 0 and core[:1].isupper()
        votes: Counter[str] = Counter()
        sides: Counter[str] = Counter()
        for j, pairs, index, as_pair in ((i - 1, left, by_left, lambda key: (key, word)),
                                          (i + 1, right, by_right, lambda key: (word, key))):
            if not 0 <= j < len(cores) or not cores[j]:
                continue
            key = fold(_token(cores[j]))
            if pairs[as_pair(key)] > 1 or (proper and key == "#"):
                continue  # the body has the phrase's own spelling here too
            for other, n in index.get(key, {}).items():
                if n >= _AGREEING and _near(word, other):
                    votes[other] += n
                    sides[other] += 1
        # another letter makes another word as often as a slip (`phái`, `phân`): such a
        # spelling needs the body beside both neighbours, unless what was read is no syllable
        for other in list(votes):
            if fold(other) != fold(word) and sides[other] < 2 and is_syllable(word):
                del votes[other]
        if not votes:
            continue
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            continue  # two spellings as likely: none is taken
        out[i] = tokens[i].replace(core, _cased(ranked[0][0], core), 1)
    return " ".join(out)


def _index(pairs: Counter[tuple[str, str]], neighbour_first: bool) -> dict[str, dict[str, int]]:
    """neighbour's fold → {word as written: count}."""
    out: dict[str, dict[str, int]] = {}
    for (a, b), n in pairs.items():
        neighbour, word = (a, b) if neighbour_first else (b, a)
        out.setdefault(neighbour, {})[word] = out.get(neighbour, {}).get(word, 0) + n
    return out
