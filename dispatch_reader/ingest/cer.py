"""Character error rate of page text against a reference, with and without diacritics.

Used by bench/cer.py (and available to `eval`). White space is collapsed first: OCR and
the reference break lines in different places, and that is not a reading error.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from dispatch_reader.textnorm import eth_as_d


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time (pages are a few thousand chars)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    bcodes = np.fromiter((ord(c) for c in b), dtype=np.int64, count=len(b))
    positions = np.arange(len(b) + 1, dtype=np.int64)
    prev = positions.copy()
    for i, ch in enumerate(a, start=1):
        cost = (bcodes != ord(ch)).astype(np.int64)
        # Deletion and substitution come from the previous row; insertion runs along this
        # row and is a running minimum of (value - position) + position.
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        cur = np.minimum.accumulate(cur - positions) + positions
        prev = cur
    return int(prev[-1])


def normalise(text: str, diacritics: bool = True) -> str:
    text = unicodedata.normalize("NFC", text)
    if not diacritics:
        text = text.replace("Đ", "D").replace("đ", "d")
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def cer(hypothesis: str, reference: str, diacritics: bool = True) -> tuple[int, int]:
    """(edits, reference length) after normalising both; CER = edits / length."""
    hyp, ref = normalise(hypothesis, diacritics), normalise(reference, diacritics)
    return edit_distance(hyp, ref), len(ref)


def _bare(word: str) -> str:
    word = word.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).casefold()


_CIRCUMFLEX_VOWELS = set("âêôÂÊÔ")


def diacritic_word_errors(hypothesis: str, reference: str) -> tuple[int, int, int]:
    """(reference words, words read with only their diacritics wrong, of which the
    reference word has â/ê/ô) — the tone-mark slips Tesseract's Vietnamese model makes."""
    import difflib

    ref = normalise(reference).split()
    hyp = normalise(hypothesis).split()
    matcher = difflib.SequenceMatcher(None, [_bare(w) for w in ref], [_bare(w) for w in hyp], autojunk=False)
    wrong = circumflex = 0
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            r, h = ref[i1 + k], hyp[j1 + k]
            if r != h and r.casefold() != h.casefold():
                wrong += 1
                base = "".join(c for c in unicodedata.normalize("NFD", r) if c not in "\u0300\u0301\u0303\u0309\u0323")
                if set(unicodedata.normalize("NFC", base)) & _CIRCUMFLEX_VOWELS:
                    circumflex += 1
    return len(ref), wrong, circumflex


def words_in_order(hypothesis: str, reference: str) -> tuple[int, int]:
    """(reference words found in the hypothesis in the same order, reference words).

    Compares two readers' reading order: a word counts when the longest common
    subsequence of the two word lists keeps it, so a column read in the wrong place
    costs its words while line breaks and spacing cost nothing."""
    import difflib

    ref = normalise(reference).split()
    hyp = normalise(hypothesis).split()
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(ref)


_MATH_LETTERS = re.compile("[\U0001D400-\U0001D7FF]")


def _as_read(text: str) -> str:
    """Text with the character unifications our reader makes on purpose, applied to both
    sides before comparing: the look-alike Ð (U+00D0, some fonts map Đ to it) is Đ, styled
    math letters (U+1D400…) are their plain letters. Neither is a reading-order difference."""
    text = eth_as_d(text)
    return _MATH_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def lines_found(hypothesis: str, reference: str) -> tuple[int, int]:
    """(words of the reference's lines that stand whole in our lines, reference words).

    Two readers may order blocks differently (a table cell by cell or row by row) and both be
    sound; what must hold is that each line the other reader sees is one run of our words,
    not letters scattered over columns or two columns interleaved. Our cell marks (" | ") and
    spacing do not count, nor do the look-alike letters our reader unifies (`_as_read`).

    For the same reason a reference line that reads across a gutter we keep stands whole
    when it is exactly two whole lines of ours, the left one first: a row-by-row reader joins
    a header's cells ("BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI …", where we give the left
    column, then the right one) or two table cells a little apart."""
    lines = [normalise(_as_read(line.replace(" | ", " "))) for line in hypothesis.splitlines()]
    # A line may also stand across two of ours: readers break lines in other places.
    runs = [f" {line} " for line in lines]
    for first, second in zip(lines, lines[1:]):
        runs.append(f" {first} {second} ")
    ours = "\n".join(runs)
    # Poppler takes a hyphen at a line end for a word break: it drops the hyphen and brings
    # the next line of its flow up ("07/2023/TT-" + "BLĐTBXH ngày …" comes out as one line
    # "07/2023/TTBLĐTBXH ngày …", though the hyphen is part of the number). Such a line is
    # judged as the two printed lines it was: the first one of our lines ending in "-", the
    # rest standing in our lines like any other reference line.
    stems = {line[:-1].rstrip() for line in lines if line.endswith("-") and len(line) > 1}
    first_at: dict[str, int] = {}
    last_at: dict[str, int] = {}
    for index, line in enumerate(lines):
        first_at.setdefault(line, index)
        last_at[line] = index
    found = total = 0
    for line in _as_read(reference).splitlines():
        words = normalise(line).split()
        if not words:
            continue
        total += len(words)
        text = " ".join(words)
        if f" {text} " in ours or any(
                first_at.get(" ".join(words[:k]), len(lines)) < last_at.get(" ".join(words[k:]), -1)
                for k in range(1, len(words))) or any(
                text.startswith(stem) and f" {text[len(stem):].strip()} " in ours
                for stem in stems if len(text) > len(stem)):
            found += len(words)
    return found, total
