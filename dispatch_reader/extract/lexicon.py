"""Words OCR turned into no Vietnamese word at all, put back: `cúa Chính phủ` → `của`,
`hiệt phái` → `biệt phái`, `hướng din` → `hướng dẫn`.

Vietnamese writes one syllable per word, and the syllables in use are a closed list: Tesseract's
own (vi_words.txt: the 3,198 words of its list that can be Vietnamese syllables), which holds
every word of our real texts but abbreviations, addresses and a rare name. A word of running text
outside it was misread. It is mended only where one word is clearly meant:

- two words read as one where the space was narrow (`Ytế`), when its letters split into a pair
  of the vocabulary's phrases in one way (`split_glued`);

- a word the vocabulary's phrases put beside its neighbour (canon's phrases: body names,
  positions, subjects' wording), with the read word's letters but other marks, or one letter
  other, more or fewer (`hướng din`: the phrase `hướng dẫn`), when exactly one such word fits;
- else, among the words with the read word's letters and other marks, the commonest of official
  writing (common_words.txt: `cúa` → `của`, not `cửa`), lower-case words only.

A capitalised word outside the list is a name or a place more often than a slip: only a phrase
mends it. Words in capitals (abbreviations), numbers and symbols are left as they are.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.textutil import fold_phrase
from dispatch_reader.textnorm import cased_like

_PUNCT = ",.;:()\"'“”‘’!?"
# the share of a text's words that must be known ones for it to be Vietnamese running text
_VIETNAMESE_SHARE = 0.75


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """The Vietnamese words (syllables) in use, lower case."""
    return frozenset(resources.lines("vi_words.txt"))


def is_known(word: str) -> bool:
    return word.lower() in known_words()


def has_a_words_letters(word: str) -> bool:
    """Are `word`'s letters, marks aside, some Vietnamese word's (`Khứớng`: `khương`)?"""
    return fold_phrase(word) in _by_letters()


@lru_cache(maxsize=1)
def _by_letters() -> dict[str, tuple[str, ...]]:
    """folded letters → the known words that bear them."""
    out: dict[str, list[str]] = {}
    for w in known_words():
        out.setdefault(fold_phrase(w), []).append(w)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _rank() -> dict[str, int]:
    out: dict[str, int] = {}
    for i, w in enumerate(resources.lines("common_words.txt")):
        out.setdefault(w, i)
    return out


@lru_cache(maxsize=1)
def _pairs() -> dict[tuple[str, str], frozenset[tuple[str, str]]]:
    """Two neighbouring words of the vocabulary's phrases, folded → their spellings."""
    from dispatch_reader.extract.canon import vocabulary_phrases

    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for spelled in vocabulary_phrases():
        for a, b in zip(spelled, spelled[1:]):
            out.setdefault((fold_phrase(a), fold_phrase(b)), set()).add((a.lower(), b.lower()))
    return {k: frozenset(v) for k, v in out.items()}


def _one_letter_away(folded: str) -> set[str]:
    """Folded spellings one letter other, more or fewer than `folded`, that known words bear."""
    letters = string.ascii_lowercase
    edits = {folded[:i] + folded[i + 1:] for i in range(len(folded))}
    edits |= {folded[:i] + c + folded[i + 1:] for i in range(len(folded)) for c in letters}
    edits |= {folded[:i] + c + folded[i:] for i in range(len(folded) + 1) for c in letters}
    return {e for e in edits if e and e != folded and e in _by_letters()}


def _by_phrase(folded: str, left: str | None, right: str | None) -> str | None:
    """The one word a phrase puts between these neighbours (folded), with these letters or one
    letter off."""
    spellings = {folded} | _one_letter_away(folded)
    found = set()
    for s in spellings:
        if left:
            found |= {b for a, b in _pairs().get((left, s), ()) if fold_phrase(a) == left}
        if right:
            found |= {a for a, b in _pairs().get((s, right), ()) if fold_phrase(b) == right}
    found = {w for w in found if is_known(w)}
    return found.pop() if len(found) == 1 else None


def _commonest(folded: str) -> str | None:
    ranked = sorted((_rank()[w], w) for w in _by_letters().get(folded, ()) if w in _rank())
    return ranked[0][1] if ranked else None


def split_glued(text: str) -> str:
    """Two words OCR read as one where the space between was narrow (`Ytế` → `Y tế`): a word no
    Vietnamese word whose letters split into a pair of the vocabulary's phrases in one way."""
    out = []
    for raw in text.split(" "):
        core = raw.strip(_PUNCT)
        if len(core) >= 3 and core.isalpha() and not core.isupper() and not is_known(core):
            f = fold_phrase(core)
            found = {(k, a, b) for k in range(1, len(f)) for a, b in _pairs().get((f[:k], f[k:]), ())}
            if len(found) == 1:
                k, a, b = found.pop()
                raw = raw.replace(core, cased_like(a, core[:k]) + " " + cased_like(b, core[k:]), 1)
        out.append(raw)
    return " ".join(out)


# a consonant alone: no Vietnamese word (`điểm c khoản 2` keeps its point's letter: `ckhoản` is none)
_LONE_CONSONANT = re.compile(r"(?<![\w/.-])([bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]) ([^\W\d_]+)")


def joined_letters(text: str) -> str:
    """A word OCR split after its first letter, a space read in it (`Cần T hơ`, `hành c hính`,
    a multifunction printer's dots between the letters): a consonant alone, then letters, that
    together are a Vietnamese word."""
    def join(m: re.Match[str]) -> str:
        word = m[1] + m[2]
        return word if is_known(word.lower()) else m.group()
    return _LONE_CONSONANT.sub(join, text)


def mend_non_words(text: str) -> str:
    """`text` with each word that is no Vietnamese word mended where one word is clearly meant."""
    text = split_glued(joined_letters(text))
    words = text.split(" ")
    cores = [w.strip(_PUNCT) for w in words]
    folded = [fold_phrase(c) if c.isalpha() else None for c in cores]
    lettered = [c for c in cores if c.isalpha() and not c.isupper()]
    if sum(map(is_known, lettered)) < _VIETNAMESE_SHARE * len(lettered):
        return text  # English (`to` is no `tổ`), or scraps no mending would make a subject of
    out = list(words)
    for i, core in enumerate(cores):
        if len(core) < 2 or not core.isalpha() or core.isupper() or is_known(core) or not folded[i]:
            continue
        left = folded[i - 1] if i and folded[i - 1] else None
        right = folded[i + 1] if i + 1 < len(words) and folded[i + 1] else None
        want = _by_phrase(folded[i], left, right)
        if want is None and core.islower():
            want = _commonest(folded[i])
        if want:
            out[i] = words[i].replace(core, cased_like(want, core), 1)
    return " ".join(out)
