"""Document types: printed titles (`QUYẾT ĐỊNH`) and symbol abbreviations (`QĐ`) → schema type."""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.lookalikes import lookalike_variants
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.extract.textutil import fold_phrase


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    by_label: dict[str, tuple[str, str]] = {}
    by_abbr: dict[str, str] = {}
    for row in resources.rows("doc_types.tsv"):
        label, abbr, kind = (list(row) + ["", "", ""])[:3]
        by_label[fold_phrase(label)] = (label, kind)
        if abbr:
            by_abbr.setdefault(abbr, kind)
    return by_label, by_abbr


def small_speck(word: str) -> bool:
    """A speck OCR read as a short word in small letters: at most four, and no syllable
    (`oo`, `iis`, `nye`)."""
    return word.isalpha() and word.islower() and len(word) <= 4 and not is_syllable(word)


# signs that open a list item or a checklist's line (`- QUYẾT ĐỊNH …` in a list of documents,
# `□ QUYẾT ĐỊNH` on a form): no speck before a title, the line is an item
_ITEM_SIGNS = frozenset("-–—+•*·□☐☑■▪◦>")


def _sign_speck(word: str) -> bool:
    """A sign alone that a copier's dots or a stamp's edge made (`#`), no item's bullet."""
    return not any(c.isalnum() for c in word) and not set(word) & _ITEM_SIGNS


# a speck read as a quote or a stop glued to a title's first letter (`‘THÔNG BÁO`)
_GLUED_SPECKS = "‘’'`´\"“”.,:;~^"


def without_specks(text: str) -> str:
    """A line in capitals without the specks read before it: as small letters (`oo THONG BÁO`),
    as a sign alone (`# QUYẾT ĐỊNH`, a copier's dots; a bullet opens an item instead), or as a
    quote glued to the first letter (`‘THÔNG BÁO`)."""
    words = text.split()
    while len(words) > 1 and (small_speck(words[0]) or _sign_speck(words[0])) \
            and " ".join(words[1:]).isupper():
        words = words[1:]
    if words and (bare := words[0].lstrip(_GLUED_SPECKS)) != words[0] and bare \
            and " ".join([bare, *words[1:]]).isupper():
        return " ".join([bare, *words[1:]])
    return " ".join(words) if len(words) < len(text.split()) else text


def type_for_title(text: str) -> tuple[str, str] | None:
    """(label, doc_type) when the whole line is a type title, e.g. `QUYẾT ĐỊNH`."""
    by_label, _ = _table()
    text = without_specks(text)
    # (a speck read as a quote after it too: `BÁO CÁO”`)
    key = fold_phrase(text).rstrip(" :.,'\"“”‘’")
    hit = by_label.get(key)
    if hit is None and key[-1:].isdigit():
        hit = by_label.get(key.rstrip("0123456789*").rstrip())  # a footnote mark: "QUYẾT ĐỊNH1"
    if hit is None and " " not in key and len(key) >= 5:
        hit = _squeezed().get(key)  # OCR lost the space: "KEHOACH"
    if hit is None and text.isupper() and len(key.split()) <= 4:
        # or put one in a word (`NGHỊ ĐỊN H`), or read it as a comma or a stop (`NGHI,QUYET`)
        hit = _squeezed().get(re.sub(r"(?<=\w)[,.] ?(?=\w)", "", key).replace(" ", ""))
    for variant in lookalike_variants(text) if hit is None else ():
        hit = by_label.get(fold_phrase(variant).rstrip(" :.,"))  # `NGHỊ DINII`: an H broken in two
        if hit:
            break
    if hit is None:
        hit = _near_title(key)
    return hit


_STROKE_MARKS = frozenset("[]\\/|(){}!")


def _near_title(key: str) -> tuple[str, str] | None:
    """A title a stamp or a copy damaged (`g UVẾT ĐỊNH`): a speck letter before it dropped, its
    letters one off a label, two off a long one (`QUYẾT ĐỊNH`), when no other label is as close.
    Labels stand three or more letters apart (`THÔNG TIN` is two from no label, `THÔNG TƯ` …)."""
    from dispatch_reader.places.match import edit_distance

    words = key.split()
    while len(words) > 1 and len(words[0]) == 1:
        words = words[1:]  # a speck read as a letter before the title
    if not 1 <= len(words) <= 3:
        return None
    read = "".join(words)
    # a letter's stroke read as a bracket or a slash (`\NGH] ĐỊNH` on augraphy's photocopy): the
    # marks dropped, the letters left are one off the label
    marks = sum(not c.isalnum() for c in read)
    kept = "".join(c for c in read if not (marks <= 2 and c in _STROKE_MARKS))
    dropped, read = kept != read, kept
    if not read.isalpha() or len(read) < 6:
        return None
    ranked = sorted((edit_distance(read, k, 2), k) for k in _squeezed_all())
    best, label = ranked[0]
    if (best == 0 and not dropped) or best > (2 if len(label) >= 9 else 1) or (len(ranked) > 1 and ranked[1][0] == best):
        return None
    return _squeezed_all()[label]


@lru_cache(maxsize=1)
def _squeezed_all() -> dict[str, tuple[str, str]]:
    by_label, _ = _table()
    return {key.replace(" ", ""): v for key, v in by_label.items()}


@lru_cache(maxsize=1)
def _squeezed() -> dict[str, tuple[str, str]]:
    by_label, _ = _table()
    return {key.replace(" ", ""): v for key, v in by_label.items() if " " in key}


def type_for_label_prefix(text: str) -> tuple[str, str, int] | None:
    """(label, doc_type, length) when `text` starts with a type name (`Nghị định số …`)."""
    by_label, _ = _table()
    f = fold_phrase(text)
    best = None
    for key, (label, kind) in by_label.items():
        if f.startswith(key) and (len(f) == len(key) or not f[len(key)].isalnum()):
            if best is None or len(key) > best[2]:
                best = (label, kind, len(key))
    return best


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in resources.rows("doc_types.tsv"):
        label, abbr = (list(row) + ["", ""])[:2]
        if abbr:
            out[fold_phrase(label)] = abbr
    return out


def abbreviation_for_label(label: str) -> str | None:
    """The abbreviation a type's numbers carry (`THÔNG TƯ` → `TT`); None for a công văn."""
    return _abbreviations().get(fold_phrase(label).rstrip(" :.,"))


def type_for_abbreviation(abbr: str) -> str | None:
    _, by_abbr = _table()
    return by_abbr.get(abbr)


def all_labels() -> list[tuple[str, str]]:
    """(folded label, doc_type), longest first."""
    by_label, _ = _table()
    return sorted(((k, v[1]) for k, v in by_label.items()), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1)
def _formulas() -> tuple[list[tuple[str, str]], dict[str, str], tuple[str, ...]]:
    verbs: list[tuple[str, str]] = []
    lines: dict[str, str] = {}
    authorities: list[str] = []
    for row in resources.rows("enacting_formulas.tsv"):
        if row[0] == "verb":
            verbs.append((row[1], row[2]))
        elif row[0] == "line":
            lines[row[1]] = row[2]
        else:
            authorities.append(row[1])
    return verbs, lines, tuple(authorities)


# what opens a document's articles: `Điều 1.` (its stop, or the comma a fax reads it as;
# `Điều 1 Quyết định số …` wrapped in a sentence is none), or `Chương I` on a line of its own
_ARTICLES = re.compile(r"^\s*(?:chuong\s+(?:i|1)\s*$|dieu\s+1\s*[.:,])")
_GROUNDS = ("can cu", "theo de nghi", "xet de nghi", "xet to trinh")


def enacted_type(folded_lines: list[str]) -> tuple[str, int] | None:
    """(doc_type, index of the line that says it) from a preamble's closing formula, the
    lines folded (`fold_phrase`): `Bộ trưởng Bộ Công an ban hành Thông tư quy định …` (the
    sentence opened by who enacts), or `QUYẾT ĐỊNH:` on a line of its own. Only a document
    with articles has one: the lines must reach `Điều 1.` (or `Chương I`), and the formula is
    the last before it, after the grounds."""
    end = next((i for i, line in enumerate(folded_lines) if _ARTICLES.match(line)), None)
    if end is None:
        return None
    verbs, whole, authorities = _formulas()
    for i in range(end - 1, -1, -1):
        line = folded_lines[i].strip()
        if line in whole:
            return whole[line], i
        # the formula wraps: this line and the next read as one
        joined = " ".join(x.strip() for x in folded_lines[i:min(i + 2, end)])
        for words, doc_type in verbs:
            for m in re.finditer(rf"\b{words}\b(?!\s*(?:lien tich\b|so\b|\d))", joined):
                if m.start() < len(line) and _opened_by_authority(folded_lines, i, m.start(), authorities):
                    return doc_type, i
        if line.startswith(_GROUNDS):
            return None  # the grounds: the formula, if any, came after them
    return None


def _opened_by_authority(lines: list[str], i: int, at: int, authorities: tuple[str, ...]) -> bool:
    """Does the sentence holding `ban hành` (line i, offset `at`) open with who enacts, with no
    stop or comma before it? It may have begun a line or two above."""
    text = lines[i].strip()[:at]
    for k in range(i - 1, max(i - 3, -1), -1):
        above = lines[k].strip()
        if not above or above[-1] in ".;:" or above.startswith(_GROUNDS):
            break
        text = f"{above} {text}"
    return not re.search(r"[,;.:]", text) and text.startswith(authorities)
