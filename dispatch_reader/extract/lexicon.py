"""How often Vietnamese uses a word, and a word OCR read as one the language hardly uses put
back as the one it nearly always is.

OCR drops marks (`tong` for `tổng`, `vê` for `về`) and now and then swaps a tone for another
(`cúa` for `của`). Where what was read is a syllable Vietnamese almost never writes and the same
letters with more marks are a common word, the common word is what was printed. The frequencies
are wordfreq's Vietnamese list (subtitles, Wikipedia, news and web text: about 10,600 words,
shipped inside the package, nothing fetched).

A general list underrates an office's own words (`sạt lở`, `cho vay`, `nêu trên` are rarer in
films than in dispatches), so the rules are kept narrow, and were measured on the real texts
and text layers of ../shared (about 105,000 words, printed right): none of their words is
respelled.

- only a word read less often than once in 100,000 words is a candidate (`luồng`, `vay`,
  `nêu` are above it); a tone swapped (the same number of marks) only for a word never seen;
- the common word must be used at least 30 times as often, and 5 times as often as any other
  spelling of the same letters (`vê`: `về` 3.7e-3, `vệ` 5.7e-4);
- the document itself has the last word: a rare word its text spells so more often than the
  common one is the document's own word.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.textnorm import cased_like, fold, mark_count

_RARE = 1e-5  # below this a word is a candidate for respelling
_COMMONER = 30.0  # the common word is used this many times as often
_UNRIVALLED = 5.0  # … and this many times as often as the next spelling of the same letters
_FLOOR = 1e-8  # the frequency given a word the list has not got
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: f for w, f in get_frequency_dict("vi").items() if w.isalpha()}


@lru_cache(maxsize=1)
def _by_letters() -> dict[str, list[tuple[float, str]]]:
    """Folded letters → the words spelt with them, the commonest first."""
    out: dict[str, list[tuple[float, str]]] = {}
    for word, f in _frequencies().items():
        if is_syllable(word):
            out.setdefault(fold(word), []).append((f, word))
    for spellings in out.values():
        spellings.sort(reverse=True)
    return out


def frequency(word: str) -> float:
    """How often Vietnamese writes `word` (lower case), per word of text; 0 when never seen."""
    return _frequencies().get(word.lower(), 0.0)


def common_spelling(word: str, counts: Counter[str] | None = None) -> str | None:
    """The common word OCR read as `word`, or None when `word` may well be what was printed.
    `counts`: the document's own words (lower case) and how often its text has each."""
    read = word.lower()
    seen = frequency(read)
    if seen >= _RARE or not read.isalpha():
        return None
    marks = mark_count(read)
    # OCR loses marks far more often than it invents a tone; a word it swapped a tone of
    # (`cúa`) is only taken for another when the language has no such word at all
    spellings = [(f, w) for f, w in _by_letters().get(fold(read), ())
                 if w != read and (mark_count(w) > marks or (seen == 0.0 and mark_count(w) == marks))]
    if not spellings:
        return None
    best_f, best = spellings[0]
    if best_f < _COMMONER * max(seen, _FLOOR):
        return None
    if len(spellings) > 1 and spellings[1][0] * _UNRIVALLED > best_f:
        return None
    if counts is not None and counts[best] < counts[read] - 1:
        return None  # the text spells it so again and again: the document's own word
    return best


def respell_rare_words(phrase: str, text: str) -> str:
    """`phrase` (read once, as a subject) with each lower-case word the language hardly uses
    put back as the common word it nearly always is; the first word too, whatever its case.
    A capital inside the phrase is a name's and stays. `text`: the document's whole text."""
    counts = Counter(w.lower() for w in _WORD.findall(text))
    tokens = phrase.split(" ")
    for i, token in enumerate(tokens):
        m = _WORD.search(token)
        if not m or (i > 0 and not m.group(0).islower()):
            continue
        core = m.group(0)
        if len(core) != len(token.strip(",.;:()\"'“”")):
            continue  # a word run into a symbol (`10/2022/NĐ-CP`) is no word of the list
        better = common_spelling(core, counts)
        if better:
            tokens[i] = token.replace(core, cased_like(better, core), 1)
    return " ".join(tokens)
