"""The marks of a page's Vietnamese-only reading put on its `vie+eng` reading, word by word.

Read with `vie+eng`, Tesseract takes a Vietnamese word it can spell in English for English and
drops its marks: a list table's `Hoang Van Thuan`, `Vang Thi Say`, a body's `Nong nghiep`.
Read with `vie` alone the same pixels keep them, but that reading loses elsewhere what the
rules were measured on (headers, signers, English reports). So the page is read both ways and
only marks cross over: a word of the `vie+eng` reading takes the `vie` reading's spelling where
that word stands on the same spot, has the same letters, more marks, none of the first
reading's marks lost, and is a Vietnamese syllable read surely.
"""

from __future__ import annotations

from collections import defaultdict

from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.vietnamese import EDGE_PUNCT, is_syllable
from dispatch_reader.textnorm import fold, mark_count, marks

# a Vietnamese reading this unsure of a word gives it no marks
MIN_CONF = 0.6
# the two words' boxes share at least this much of the larger one
_OVERLAP = 0.6


def _core(text: str) -> str:
    return text.strip(EDGE_PUNCT)


def _overlap(a: Word, b: Word) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    larger = max((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return w * h / larger if larger > 0 else 0.0


def _cased_as(new: str, old: str) -> str:
    """`new` with each letter in the case `old` has it (`TINH` → `TỈNH`, not `Tỉnh`): the case
    is the first reading's, which the header rules were measured on."""
    return "".join(n.upper() if o.isupper() else n.lower() for n, o in zip(new, old))


def merge_marks(words: list[Word], vietnamese: list[Word]) -> tuple[list[Word], int]:
    """`words` with the marks of `vietnamese` (another reading of the same page) taken where
    they qualify (module docstring); how many words took them."""
    rows: dict[int, list[Word]] = defaultdict(list)
    for v in vietnamese:
        rows[int((v.top + v.bottom) / 2 // 10)].append(v)
    out: list[Word] = []
    taken = 0
    for w in words:
        core = _core(w.text)
        new = None
        if core.isalpha():
            middle = int((w.top + w.bottom) / 2 // 10)
            near = [v for r in (middle - 1, middle, middle + 1) for v in rows.get(r, ())]
            for v in near:
                vcore = _core(v.text)
                if (v.conf or 0) < MIN_CONF or _overlap(w, v) < _OVERLAP:
                    continue
                if len(vcore) != len(core) or fold(vcore) != fold(core) or mark_count(vcore) <= mark_count(core):
                    continue
                if not is_syllable(vcore) or not marks(core) <= marks(vcore):
                    continue
                new = vcore
                break
        if new is None:
            out.append(w)
            continue
        out.append(Word(w.text.replace(core, _cased_as(new, core), 1), w.x0, w.top, w.x1, w.bottom, w.conf))
        taken += 1
    return out, taken
