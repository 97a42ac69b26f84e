"""Per PDF page: is the text layer good enough to use, or must the page be OCRed, and why.

The reasons end up in PageText.reason and the record, so they are short and plain.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from dispatch_reader.ingest import legacy
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import OcrMode
from dispatch_reader.ingest.textlayer import LayerPage
from dispatch_reader.ingest.vietnamese import score_text
from dispatch_reader.textnorm import eth_as_d

# Share of syllable-like words above which converted legacy text is trusted.
TRUST_CONVERTED = 0.75
# Share of words that must change under a content-guessed conversion to call it legacy text.
GUESSED_SHARE = 0.10
# Characters that do not belong in text (control, private use, replacement) per letter.
GARBAGE_SHARE = 0.05
# A scanned page often carries a small text layer: a signature stamp, a page number, the
# Gazette's running head and section heading typeset above a scan that fills 40 % of the page.
STAMP_IMAGE_COVERAGE = 0.3
STAMP_TEXT_AREA = 0.04


@dataclass
class Decision:
    use_layer: bool
    reason: str
    words: list[Word] = field(default_factory=list)
    encoding: str | None = None  # legacy encoding converted from, if any


def _bad_chars(text: str) -> int:
    # each distinct character judged once, then counted (a page has a few hundred kinds)
    bad = 0
    for ch in set(text):
        if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cs", "Cn"):
            bad += text.count(ch)
    return bad + text.count("(cid:")


def _convert_by_font(layer: LayerPage) -> tuple[list[Word], str | None, int]:
    words: list[Word] = []
    counts: dict[str, int] = {}
    for lw in layer.words:
        encoding = legacy.font_encoding(lw.font)
        text = lw.word.text
        if encoding:
            text = legacy.convert(text, encoding, legacy.is_uppercase_font(lw.font))
            counts[encoding] = counts.get(encoding, 0) + 1
        words.append(_with_text(lw.word, text))
    main = max(counts, key=counts.__getitem__) if counts else None
    return words, main, sum(counts.values())


def _beyond_cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
        return False
    except UnicodeEncodeError:
        return True


def _convert_by_content(words: list[Word]) -> tuple[list[Word], str | None, int]:
    guesses = [legacy.convert_word_if_better(word.text) for word in words]
    counts: dict[str, int] = {}
    for _, encoding in guesses:
        if encoding:
            counts[encoding] = counts.get(encoding, 0) + 1
    if not counts:  # nothing reads better converted (most pages): no words to make
        return [], None, 0
    out = [_with_text(word, text) for word, (text, _) in zip(words, guesses)]
    main = max(counts, key=counts.__getitem__)
    unicode_words = sum(1 for w in words if _beyond_cp1252(w.text))
    if main and unicode_words <= 0.05 * len(words):
        # The page is all legacy bytes (real Vietnamese Unicode would show letters beyond
        # cp1252 such as ế or ư): convert every word, including legacy words that happen to
        # look like a syllable already (`vÒ` is `về`, not `vò`).
        out = [_with_text(w, legacy.convert(w.text, main)) for w in words]  # type: ignore[arg-type]
    return out, main, sum(counts.values())


def _with_text(word: Word, text: str) -> Word:
    """The word with `text` (NFC, Ð/ð as Đ/đ); the word itself where that is its own text."""
    if not text.isascii():  # NFC and the Ð/ð → Đ/đ fix change no ASCII text
        text = eth_as_d(unicodedata.normalize("NFC", text))
    if text == word.text:
        return word
    return Word(text, word.x0, word.top, word.x1, word.bottom, word.conf)


def judge_layer(layer: LayerPage, mode: OcrMode) -> Decision:
    """Use the text layer (possibly converted from TCVN3/VNI) or OCR the page."""
    if mode == "always":
        return Decision(False, "OCR forced by settings (ocr_mode=always)")
    letters = layer.letters
    if letters == 0:
        if mode == "never":
            return Decision(True, "no text layer (OCR turned off)", [])
        return Decision(False, "no text layer")
    plain = [lw.word for lw in layer.words]
    joined = " ".join(w.text for w in plain)

    words, encoding, converted = _convert_by_font(layer)
    how = "font names"
    if not converted:
        guessed, guess_enc, changed = _convert_by_content(plain)
        if changed >= max(2, GUESSED_SHARE * len(plain)):
            words, encoding, converted, how = guessed, guess_enc, changed, "the text itself"
    if converted:
        label = legacy.LABEL[encoding or "tcvn3"]
        ratio = score_text(" ".join(w.text for w in words)).ratio
        if ratio >= TRUST_CONVERTED:
            return Decision(True, f"converted from {label} (recognised by {how})", words, encoding)
        if mode == "never":
            return Decision(True, f"text layer is {label} garbage, converted as well as possible (OCR turned off)", words, encoding)
        return Decision(False, f"text layer is {label} garbage (conversion uncertain: {ratio:.0%} of words read as Vietnamese)")

    map_errors = sum(lw.map_errors for lw in layer.words)
    if (_bad_chars(joined) + map_errors) > GARBAGE_SHARE * max(letters, 1):
        if mode != "never":
            return Decision(False, "text layer decodes to garbage (unmapped or control characters)")
    if layer.image_coverage >= STAMP_IMAGE_COVERAGE and layer.text_area_share < STAMP_TEXT_AREA and mode != "never":
        return Decision(False, "text layer is only a stamp or a few words over a scanned image")
    if layer.image_coverage >= SCAN_UNDER_TEXT and mode != "never" and _vietnamese_without_marks(words):
        return Decision(False, "text layer is Vietnamese without its marks over a scanned image (a copier's OCR)")
    if layer.image_coverage >= SCAN_UNDER_TEXT and mode != "never" and _no_language(words):
        return Decision(False, "text layer reads as no language over a scanned image (a copier's OCR of the "
                               "page upside down or sideways)")
    return Decision(True, "text layer", words)  # as _convert_by_font made them: no word converted


# A text layer over an image that covers this share of the page is a scan's OCR layer
SCAN_UNDER_TEXT = 0.9
# ... and one of Vietnamese read without its marks (a copier's OCR in English: `Ha Noi, ngay 13
# thang 5`, `Pham Thi Thanh Tra`) when this share of its words are common syllables so read and
# hardly any word has a letter only Vietnamese writes (a third of a Vietnamese text's words do)
UNMARKED_SHARE = 0.15
MARKED_AT_MOST = 0.03


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    """A data file's words, one a line (`#` opens a comment line)."""
    text = resources.files("dispatch_reader.ingest").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _unmarked_syllables() -> frozenset[str]:
    return _word_list("unmarked_vietnamese.txt")


# a layer's words of letters, enough of them to judge its language by
_WORDS_TO_JUDGE = 30


def _letter_words(words: list[Word]) -> list[str] | None:
    letters = [w.text for w in words if w.text.isalpha()]
    return letters if len(letters) >= _WORDS_TO_JUDGE else None


def _vietnamese_without_marks(words: list[Word]) -> bool:
    letters = _letter_words(words)
    if letters is None:
        return False
    # a letter past Latin-1 (ư, ơ, ă, đ, ạ, ả, ấ …) is Vietnamese's own; a Latin OCR reads `é`
    marked = sum(any(ord(c) > 0xFF for c in w) for w in letters)
    common = sum(w.lower() in _unmarked_syllables() for w in letters)
    return marked <= MARKED_AT_MOST * len(letters) and common >= UNMARKED_SHARE * len(letters)


# ... and one that reads as no language at all (a copier's OCR of a sheet fed upside down:
# `ueyu uep iehd`) when under this share of its words are Vietnamese syllables and under
# this share common English words (an English text's are a third and more)
VIETNAMESE_AT_LEAST = 0.5
ENGLISH_AT_LEAST = 0.08


def _no_language(words: list[Word]) -> bool:
    letters = _letter_words(words)
    if letters is None:
        return False
    english = sum(w.lower() in _word_list("common_english.txt") for w in letters)
    return english < ENGLISH_AT_LEAST * len(letters) \
        and score_text(" ".join(letters)).ratio < VIETNAMESE_AT_LEAST
