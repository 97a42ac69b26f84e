"""A phrase OCR read once (a subject) respelled where the rest of the document reads the same
words otherwise, in the same company, more than once.

A subject's words come back in the body: a resolution `Về thanh toán các chi phí khám bệnh`
says `chi phí khám bệnh` again in every article. OCR slips are independent from one place to
the next, so where the title reads `khárn bệnh` (rn for m under a speck of toner) and the body
reads `khám bệnh` twice or more, with `khárn bệnh` nowhere but in the title, the body's
spelling is the printed one. The rules keep a right word right:

- the neighbour must be the same word, marks and all (any number is one token: the body's
  `tháng 6 năm 2025` speaks for the title's `thang 01 nam 2022`);
- a word read as a real syllable is respelled only when the body agrees beside both its
  neighbours (`phái`/`phân`, `dân`/`dẫn`, `quy`/`quý` are all words); one that is no syllable
  (`khárn`, `chive`) needs one;
- the same letters are respelled only to more marks (OCR drops marks: `tong` → `tổng`; a tone
  swapped, `tỉnh`/`tính`, is another word), and never to fewer;
- a capital inside the phrase is a name's (`Việt Nam`, `Bộ Tài chính`) and stays.

Before that, a word that is no syllable but two glued (`côngchức`, the space lost) is split
where the text has the two side by side at least twice, and at one cut only.
"""

from __future__ import annotations

import re
from collections import Counter

from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.places.match import edit_distance
from dispatch_reader.textnorm import cased_like, fold, mark_count

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
# a spelling the body has this often, beside the same neighbour, outweighs the phrase's own
_AGREEING = 2


def _pairs(text: str) -> Counter[tuple[str, str]]:
    """Neighbouring words of a text, as written (lower case, any number `#`), counted."""
    words = [_token(w) for w in _WORD.findall(text)]
    return Counter(zip(words, words[1:]))


def _token(word: str) -> str:
    """A word in lower case; any number is one token (`năm 2022` and `năm 2025` are alike)."""
    return "#" if _DIGIT.search(word) else word.lower()


def _near(read: str, other: str) -> bool:
    """Could OCR have read `other` as `read`? The same letters with other marks, or one letter
    off (two in words of five letters or more), or `rn` for `m` (`khárn` for `khám`)."""
    a, b = fold(read), fold(other)
    # OCR loses marks far more often than it invents them: a spelling with fewer marks than
    # the phrase's is a worse reading repeated (`UBND tinh` all over a photocopy's body)
    if mark_count(other) < mark_count(read):
        return False
    if a == b:
        return mark_count(other) > mark_count(read)  # marks OCR lost; a tone swapped is another word
    if a.replace("rn", "m") == b:
        return True  # r and n run together read as m
    if min(len(a), len(b)) < 2:
        return False
    return edit_distance(a, b, 2) <= (2 if min(len(a), len(b)) >= 5 else 1)


# small letters with a figure among them (`m6`, `c1`): a word read garbled, the figure a
# letter's marks or a letter under a speck (a code, `5G`, `B2`, has capitals or opens with it)
_GARBLED = re.compile(r"[^\W\d_A-ZĐ]{1,3}\d[^\W\d_A-ZĐ]{0,3}")


def _garbled_as(read: str, other: str) -> bool:
    """Could `other` be the word OCR garbled into `read` (`m6` → `một`)? A syllable opening
    with its first letter, of about its length; the body beside both its neighbours decides."""
    return is_syllable(other) and not _DIGIT.search(other) and fold(other)[:1] == fold(read)[:1] \
        and abs(len(other) - len(read)) <= 2


def _unglued(phrase: str, pairs: Counter[tuple[str, str]]) -> str:
    """`phrase` with each word that is no syllable but two glued together (`côngchức`: OCR lost
    the space) split, where the text has the two side by side at least twice and no other cut
    gives a pair it has."""
    out = []
    for token in phrase.split(" "):
        m = _WORD.fullmatch(token.strip(",.;:()"))
        core = m.group(0) if m else ""
        # in small letters only: a name or place glued (`Tânphong`) keeps its capitals as it is
        if core and core.islower() and len(core) >= 4 and not is_syllable(core):
            cuts = [i for i in range(1, len(core))
                    if pairs[(core[:i], core[i:])] >= _AGREEING
                    and is_syllable(core[:i]) and is_syllable(core[i:])]
            if len(cuts) == 1:
                token = token.replace(core, f"{core[:cuts[0]]} {core[cuts[0]:]}", 1)
        out.append(token)
    return " ".join(out)


def agree_with_text(phrase: str, text: str) -> str:
    """`phrase` with each word the rest of `text` spells otherwise beside the same neighbour
    at least twice (and never as the phrase has it but once) respelled so; a word that is two
    the text has side by side, glued, split first."""
    pairs = _pairs(text)
    phrase = _unglued(phrase, pairs)
    by_left = _index(pairs, neighbour_first=True)
    by_right = _index(pairs, neighbour_first=False)
    tokens = phrase.split(" ")
    cores = [m.group(0) if (m := _WORD.search(t)) else "" for t in tokens]
    out = list(tokens)
    for i, core in enumerate(cores):
        # a letter and a figure run together (`m6` for `một`) is a word OCR garbled, no number
        garbled = bool(_GARBLED.fullmatch(core)) and core.lower() == core
        if not core or (_DIGIT.search(core) and not garbled):
            continue
        word = core.lower()
        if i > 0 and core[:1].isupper():
            continue  # a capital inside the phrase is a name's (`Việt Nam`, `Bộ Tài chính`)
        votes: Counter[str] = Counter()
        sides: Counter[str] = Counter()
        for j, index, as_pair in ((i - 1, by_left, lambda key: (key, word)),
                                  (i + 1, by_right, lambda key: (word, key))):
            if not 0 <= j < len(cores) or not cores[j]:
                continue
            key = _token(cores[j])
            if pairs[as_pair(key)] > 1:
                continue  # the body has the phrase's own spelling here too
            for other, n in index.get(key, {}).items():
                if n >= _AGREEING and (_near(word, other) or (garbled and _garbled_as(word, other))):
                    votes[other] += n
                    sides[other] += 1
        # a real syllable read is as often a right word as a slip (`phái`/`phân`, `dân`/`dẫn`,
        # `quy`/`quý`): another spelling needs the body beside both its neighbours, unless what
        # was read is no syllable at all (`khárn`)
        for other in list(votes):
            if sides[other] < 2 and (is_syllable(word) or garbled):
                del votes[other]
        if not votes:
            continue
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            continue  # two spellings as likely: none is taken
        word = cased_like(ranked[0][0], core)
        if garbled:
            # what stands after a garbled word is its marks misread (`m6:`), but for a comma;
            # what stands before it is the text's (`(m6`)
            lead, rest = tokens[i].split(core, 1)
            # (`"" in ",;"` holds: an empty rest is checked for first)
            out[i] = lead + word + (rest[-1] if rest and rest[-1] in ",;" else "")
        else:
            out[i] = tokens[i].replace(core, word, 1)
    return " ".join(out)


def _index(pairs: Counter[tuple[str, str]], neighbour_first: bool) -> dict[str, dict[str, int]]:
    """neighbour → {word as written: count}."""
    out: dict[str, dict[str, int]] = {}
    for (a, b), n in pairs.items():  # each pair once: no sums to make
        neighbour, word = (a, b) if neighbour_first else (b, a)
        out.setdefault(neighbour, {})[word] = n
    return out
