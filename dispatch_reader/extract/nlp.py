"""The spaCy pipeline: syllable tokens, folded norms, and vocabulary matchers from data files.

Tokenizer: Vietnamese writes words as space-separated syllables, so a syllable is a token; the
stock `vi` tokenizer needs pyvi (a model download) and keeps punctuation glued to words, so we
use our own: a syllable, a number with its separators (`9.939`, `28/43`, `04/8/2025`), a
document symbol (`12/QĐ-UBND`), or one punctuation mark. Runs of white space other than one
space become whitespace tokens, so `doc.text` is the page text and token offsets are page
offsets.

Every lexeme's NORM is its fold (no diacritics, lower case), so phrase matchers built on NORM
accept `Nguyen` for `Nguyễn` and OCR tone slips. The `dr_lexicon` component marks vocabulary
spans (family names, honorifics, positions, body heads, counted nouns, secondment verbs) in
`doc.spans[LABEL]`; the extraction modules read facts from those spans and the tokens.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dispatch_reader.extract import resources
from dispatch_reader.extract.textutil import fold_phrase, fold_word
from dispatch_reader.textnorm import for_matching

_TOKEN = re.compile(
    r"\d+(?:[.,:/\-]\d+)*(?:/[^\W_]+(?:[\-–][^\W_]+)*)*%?"  # numbers, dates, 12/QĐ-UBND
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?(?:/[^\W\d_]+)?"  # a syllable (V/v, b/c, H'Hen)
    r"|[^\W_]+"  # mixed letters and digits (QH15)
    r"|\S"  # one punctuation mark
)

# Vocabularies marked in every doc: label → data file.
LEXICONS = {
    "FAMILY": "family_names.txt",
    "HONORIFIC": "honorifics.txt",
    "POSITION": "positions.txt",
    "POSITION_EN": "positions_en.txt",
    "BODY_HEAD": "body_heads.txt",
    "LEVEL": "admin_levels.txt",
    "COUNT_NOUN": "count_nouns.txt",
    "COUNT_NOUN_EN": "count_nouns_en.txt",
    "KIND": "secondment_kinds.tsv",
    "NOT_NAME": "not_names.txt",
}


def norm_of(word: str) -> str:
    """Lower case; a word written with diacritics keeps them (in the new tone placement),
    a word without any (English text, stripped OCR) is its ASCII fold."""
    if word.isascii():
        return word.lower()
    folded = fold_word(word)
    return for_matching(word).lower() if folded != word.lower() else folded


class SyllableTokenizer:
    """Syllables, numbers and marks as tokens; white space is not a token (a line break
    must not cut `Sở Nông\nnghiệp` or `14 provincial\ndepartments` apart). The true page
    offset of every token is kept in `doc.user_data["starts"]` (see `char_span`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._normed: set[str] = set()

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        starts: list[int] = []
        for m in _TOKEN.finditer(text):
            words.append(m.group())
            starts.append(m.start())
        spaces = [starts[i] + len(words[i]) < starts[i + 1] for i in range(len(words) - 1)]
        if words:
            spaces.append(False)
        for w in words:
            if w not in self._normed:
                self._normed.add(w)
                self.vocab[w].norm_ = norm_of(w)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["starts"] = starts
        doc.user_data["text"] = text
        doc.user_data["words"] = words  # token texts without building Token objects (hot loops)
        return doc


def token_at(doc: Doc, offset: int) -> int:
    """Index of the first token starting at or after page offset `offset` (len(doc) if none)."""
    return bisect_left(doc.user_data["starts"], offset)


def tok_start(doc: Doc, i: int) -> int:
    """Page offset of token i (len(text) past the end)."""
    starts = doc.user_data["starts"]
    return starts[i] if i < len(starts) else len(doc.user_data["text"])


def tok_end(doc: Doc, i: int) -> int:
    """Page offset just after token i."""
    return doc.user_data["starts"][i] + len(doc[i].text)


def span_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Page offsets of tokens [start, end)."""
    return tok_start(doc, start), tok_end(doc, end - 1)


def span_text(doc: Doc, start: int, end: int) -> str:
    """The page text of tokens [start, end), line breaks and all."""
    a, b = span_offsets(doc, start, end)
    return doc.user_data["text"][a:b]


@Language.factory("dr_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconMarker:
    return LexiconMarker(nlp)


class LexiconMarker:
    """Marks every vocabulary phrase of the data files as spans in doc.spans[label].

    Matches of a phrase as written go to `LABEL`; matches of its ASCII fold only (text
    without diacritics: English translations, stripped OCR) go to `LABEL_ASCII`, so Vietnamese
    text is not read with the looser fold (`Phong` the name is not `Phòng` the office).
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.labels: list[str] = []
        for label, fname in LEXICONS.items():
            phrases = {row[0] for row in resources.rows(fname)}
            folded = {fold_phrase(p) for p in phrases} - {p.lower() for p in phrases}
            self.matcher.add(label, [nlp.make_doc(p) for p in sorted(phrases)])
            self.matcher.add(label + "_ASCII", [nlp.make_doc(p) for p in sorted(folded)])
            self.labels += [label, label + "_ASCII"]

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[tuple[int, int]]] = {label: [] for label in self.labels}
        for match_id, start, end in self.matcher(doc):
            found[doc.vocab.strings[match_id]].append((start, end))
        for label, spans in found.items():
            doc.spans[label] = [doc[s:e] for s, e in _longest(spans)]
        return doc


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping matches, in text order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _build() -> Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    nlp.add_pipe("dr_lexicon")
    return nlp


def pipeline() -> Language:
    """The process-wide pipeline, built on first use."""
    with _LOCK:
        return _build()


def parse(text: str) -> Doc:
    return pipeline()(text)
