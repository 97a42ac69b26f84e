"""Where on the page a fact was read: each evidence quote mapped to the boxes of its words.

Pure functions on `PageText` (its text and its words with x0/top/x1/bottom): the web page
draws these boxes over the page image when a fact is clicked. The page text and the word list
do not always run in the same order (a header's two columns are kept apart in the text, OCR
lists them line by line), and OCR fixes change a word in the text but not in the word list, so
the quote is matched to runs of words by their letters, not by character offsets; where a quote
occurs more than once, the words around it in the text choose the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from dispatch_reader.ingest.pages import PageText, Word
from dispatch_reader.record import Evidence, Record
from dispatch_reader.textnorm import fold

Box = list[float]  # [x0, top, x1, bottom] as fractions of the page's width and height

# A word read a little differently in the text and the word list (an OCR fix, a glued mark)
# still counts at this similarity of its folded letters.
_NEAR = 0.75
_CONTEXT = 4  # words on each side of the quote compared to choose among equal runs
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


@lru_cache(maxsize=65536)  # words repeat on a page and across facts: fold each once
def _key(text: str) -> str:
    """A word's letters and digits for matching: folded, outer punctuation dropped."""
    return _EDGE.sub("", fold(text))


@lru_cache(maxsize=65536)
def _same(a: str, b: str) -> float:
    """1 for the same word, a partial score for a near one, 0 for another word."""
    if a == b:
        return 1.0 if a else 0.0
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < _NEAR or matcher.quick_ratio() < _NEAR:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= _NEAR else 0.0


@lru_cache(maxsize=64)  # a page's text is tokenised once for all its facts (do not change the list)
def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text)]


def _quote_tokens(page: PageText, ev: Evidence) -> tuple[list[str], list[str], list[str]]:
    """The quote's words, and the words before and after it in the page text."""
    quote = [k for _, _, k in _tokens(ev.quote) if k]
    if ev.start is None or page.text[ev.start:ev.start + len(ev.quote)] != ev.quote:
        return quote, [], []
    tokens = [t for t in _tokens(page.text) if t[2]]
    end = ev.start + len(ev.quote)
    before = [k for s, e, k in tokens if e <= ev.start][-_CONTEXT:]
    after = [k for s, e, k in tokens if s >= end][:_CONTEXT]
    return quote, before, after


def _runs(keys: list[str], quote: list[str]) -> Iterator[tuple[int, float]]:
    """(first word index, score) of every run of words as long as the quote that matches at
    least half of it, the first and last word of the quote included when it has three or more."""
    n = len(quote)
    for i in range(len(keys) - n + 1):
        if not _same(keys[i], quote[0]) and n < 3 and not _same(keys[i + n - 1], quote[-1]):
            continue
        if n >= 3 and not _same(keys[i], quote[0]):
            continue  # a run must start on the quote's first word (cheap test first)
        scores = [_same(keys[i + j], quote[j]) for j in range(n)]
        total = sum(scores)
        if total * 2 < n or (n >= 3 and not (scores[0] and scores[-1])) or (n < 3 and total < n * _NEAR):
            continue
        yield i, total


def _context(words: Sequence[Word], keys: list[str], i: int, n: int, before: list[str], after: list[str]) -> float:
    """How well the words around a run agree with the words around the quote in the text:
    next to it in the word list, or near it on the page (a header's two columns are apart in
    the text but side by side in OCR's lines, so list order alone can mislead)."""
    left = keys[max(0, i - len(before)):i]
    right = keys[i + n:i + n + len(after)]
    in_order = sum(_same(a, b) for a, b in zip(reversed(left), reversed(before)))
    in_order += sum(_same(a, b) for a, b in zip(right, after))
    run = words[i:i + n]
    line = max(w.bottom - w.top for w in run) or 1.0
    x0, x1 = min(w.x0 for w in run), max(w.x1 for w in run)
    top, bottom = min(w.top for w in run) - 2 * line, max(w.bottom for w in run) + 2 * line
    span = max(x1 - x0, 10 * line)
    near = {keys[j] for j, w in enumerate(words)
            if not i <= j < i + n and w.bottom >= top and w.top <= bottom and w.x1 >= x0 - span and w.x0 <= x1 + span}
    on_page = sum(1 for k in set(before) | set(after) if k in near)
    return max(in_order, on_page)


def find_words(page: PageText, ev: Evidence) -> list[Word]:
    """The page's words the evidence quote was read from, in order; [] when they cannot be
    told (no words, or no run of words like the quote)."""
    if not page.words:
        return []
    quote, before, after = _quote_tokens(page, ev)
    if not quote:
        return []
    keys = [_key(w.text) for w in page.words]
    runs = list(_runs(keys, quote))
    if not runs:
        return []
    n = len(quote)
    # equal runs and equal surroundings: the one as many runs down as the quote is occurrences
    # down the text (a name printed twice, each quoted by its own fact)
    rank = _occurrence(page, ev, quote)
    best = max(enumerate(runs), key=lambda r: (r[1][1], _context(page.words, keys, r[1][0], n, before, after),
                                               -abs(r[0] - rank)))
    first = best[1][0]
    return [w for w in page.words[first:first + len(quote)] if _key(w.text)]


def value_words(page: PageText, value: str, near: Sequence[Word]) -> list[Word]:
    """The words of a fact's own value (a sending's destination, a person's unit) on the page:
    of every run of words like it, the one nearest to `near` (the words of the fact's quote),
    so a clicked destination shows the destination, not the whole sentence it was read from."""
    tokens = [k for _, _, k in _tokens(value) if k]
    if not page.words or not tokens or not near:
        return []
    keys = [_key(w.text) for w in page.words]
    runs = [(i, score) for i, score in _runs(keys, tokens) if score >= len(tokens) * _NEAR]
    if not runs:
        return []
    cx = sum((w.x0 + w.x1) / 2 for w in near) / len(near)
    cy = sum((w.top + w.bottom) / 2 for w in near) / len(near)

    def distance(run: tuple[int, float]) -> tuple[float, float]:
        words = page.words[run[0]:run[0] + len(tokens)]
        x = sum((w.x0 + w.x1) / 2 for w in words) / len(words)
        y = sum((w.top + w.bottom) / 2 for w in words) / len(words)
        return -run[1], abs(y - cy) * 4 + abs(x - cx)  # lines apart count more than columns apart

    first = min(runs, key=distance)[0]
    return [w for w in page.words[first:first + len(tokens)] if _key(w.text)]


# Fields whose value is printed as it stands, so its own words can be shown when it is clicked.
PART_FIELDS = {"secondments": ("person", "to_unit", "from_unit", "position"), "people": ("name", "position", "unit")}


def _printed_forms(item: object, name: str) -> list[str]:
    """The forms a field's value may be printed in, fullest first. A destination is stored as
    the unit (`Ủy ban nhân dân xã Khun Há`) where a list table's cell prints only the place
    (`Xã Khun Há`): its matched place as printed and as named, then the value's tail, down to
    the place's last two words — so a clicked destination shows the destination's cell, not
    the whole row's first words (the person's name)."""
    value = getattr(item, name, None)
    if not isinstance(value, str) or not value.strip():
        return []
    forms = [value]
    if name in ("to_unit", "from_unit"):
        place = getattr(item, "to_place" if name == "to_unit" else "from_place", None)
        forms += [x for x in (getattr(place, "printed", None), getattr(place, "name", None)) if isinstance(x, str) and x]
        words = value.split()
        forms += [" ".join(words[i:]) for i in range(1, len(words) - 1)]
    seen: set[str] = set()
    return [f for f in forms if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


def _occurrence(page: PageText, ev: Evidence, quote: list[str]) -> int:
    """How many times the quote's words occur in the page text before the quote itself."""
    if ev.start is None:
        return 0
    keys = [k for s, _, k in _tokens(page.text) if k and s < ev.start]
    n = len(quote)
    return sum(1 for i in range(len(keys) - n + 1) if keys[i:i + n] == quote)


def _on_one_line(a: Word, b: Word) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and b.x0 >= a.x0


def boxes_of(words: Sequence[Word], width: float, height: float) -> list[Box]:
    """One box per line of the words (a quote over two lines gives two), as fractions of the
    page size, so that the page image can be drawn at any size."""
    if not words or width <= 0 or height <= 0:
        return []
    lines: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        if _on_one_line(lines[-1][-1], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    out: list[Box] = []
    for line in lines:
        x0, top = min(w.x0 for w in line), min(w.top for w in line)
        x1, bottom = max(w.x1 for w in line), max(w.bottom for w in line)
        out.append([round(max(0.0, x0 / width), 4), round(max(0.0, top / height), 4),
                    round(min(1.0, x1 / width), 4), round(min(1.0, bottom / height), 4)])
    return out


def evidence_boxes(page: PageText, ev: Evidence) -> list[Box]:
    if not page.width or not page.height:
        return []
    return boxes_of(find_words(page, ev), page.width, page.height)


def all_evidence(record: Record) -> Iterator[Evidence]:
    """Every evidence object in the record (header fields, stamps, each listed fact)."""
    doc = record.document
    yield from doc.evidence.values()
    yield from (e.evidence for e in doc.e_signatures)
    if doc.received is not None:
        yield doc.received.evidence
    for items in (record.references, record.people, record.counts, record.dates, record.secondments):
        yield from (x.evidence for x in items)


def attach_boxes(record: Record, pages: Sequence[PageText]) -> Record:
    """Fill `boxes` of every evidence of the record from its page's words (in place), and for
    sendings and people `parts`: the boxes of each printed field's own words (PART_FIELDS). An
    evidence whose words are not found gets [] (known: not on the page's words); one object
    shared by two facts is matched once."""
    by_number = {p.number: p for p in pages}
    quoted: dict[int, list[Word]] = {}
    for ev in all_evidence(record):
        if id(ev) in quoted:
            continue
        page = by_number.get(ev.page)
        words = find_words(page, ev) if page is not None else []
        quoted[id(ev)] = words
        ev.boxes = boxes_of(words, page.width or 0, page.height or 0) if page is not None else []
    for key, names in PART_FIELDS.items():
        for item in getattr(record, key):
            ev = item.evidence
            page = by_number.get(ev.page)
            if page is None or not page.width or not page.height:
                continue
            for name in names:
                words = []
                for value in _printed_forms(item, name):
                    words = value_words(page, value, quoted.get(id(ev)) or [])
                    if words:
                        break
                if words:
                    ev.parts = {**(ev.parts or {}), name: boxes_of(words, page.width, page.height)}
    return record
