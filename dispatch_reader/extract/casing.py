"""Proper case for body names printed in capitals: `SỞ NỘI VỤ` → `Sở Nội vụ`.

Vietnamese writes a body as a head (`Sở`, `Ủy ban nhân dân`) in its fixed spelling, then the
field in sentence case per part (`Lao động - Thương binh và Xã hội`), then an administrative
level in lower case followed by a place name with every syllable capitalised
(`tỉnh Lâm Hà`). Heads, levels, abbreviations and exceptions are data files.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.textutil import fold_phrase, fold_word, squash
from dispatch_reader.extract.syllables import may_be_syllable
from dispatch_reader.textnorm import for_matching, one_letter_off

_CONNECTORS = {"va": "và", "cua": "của", "thuoc": "thuộc", "truc": "trực"}
_PLURALS = frozenset({"cac", "nhung"})
_COUNTRY = ("viet", "nam")


@lru_cache(maxsize=1)
def _heads() -> list[tuple[list[str], list[str]]]:
    """(folded syllables, proper syllables) per head, longest first."""
    heads = []
    for line in resources.lines("body_heads.txt"):
        syl = line.split()
        heads.append(([fold_word(s) for s in syl], syl))
    heads.sort(key=lambda h: -len(h[0]))
    return heads


@lru_cache(maxsize=1)
def _committees() -> list[tuple[list[str], list[str]]]:
    return [([fold_word(s) for s in line.split()], line.split()) for line in resources.lines("committee_heads.txt")]


@lru_cache(maxsize=1)
def _levels() -> list[tuple[list[str], list[str], frozenset[str]]]:
    out = []
    for row in resources.rows("admin_levels.txt"):
        syl = row[0].split()
        not_after = frozenset(fold_word(w) for w in row[1].split(",")) if len(row) > 1 else frozenset()
        out.append(([fold_word(s) for s in syl], syl, not_after))
    out.sort(key=lambda h: -len(h[0]))
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {row[0].upper(): row[1] for row in resources.rows("abbreviations.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    return {fold_phrase(line): line for line in resources.lines("known_bodies.txt")}


def expand_abbreviations(text: str) -> str:
    """`UBND TỈNH X` → `Ủy ban nhân dân TỈNH X` (only whole words found in the data, or one
    letter off one of four letters or more that no syllable spells: OCR's `Jbnd` for `UBND`)."""
    abbr = _abbreviations()
    out = []
    for word in text.split():
        bare = word.rstrip(".,;:")
        full = abbr.get(word.upper(), abbr.get(bare.upper()))
        if full is None and len(bare) >= 4 and bare.isalpha() and not may_be_syllable(bare):
            full = _one_letter_off_abbreviation(bare)
            full = full + word[len(bare):] if full else None
        out.append(full or word)
    return " ".join(out)


def _one_letter_off_abbreviation(word: str) -> str | None:
    """The full form of the abbreviation of four letters or more that `word` is, or misses by
    one letter, with no vowel the abbreviation lacks (`Hand` is a word, not `HĐND`)."""
    folded = fold_word(word)
    known = _long_abbreviations()
    near = folded if folded in known else one_letter_off(folded, known)
    if near is None or set(folded) & set("aeiouy") - set(near):
        return None
    return _abbreviations()[known[near]]


@lru_cache(maxsize=1)
def _long_abbreviations() -> dict[str, str]:
    """folded → the abbreviation, for those of four letters or more."""
    return {fold_word(a): a for a in _abbreviations() if a.isalpha() and len(a) >= 4}


def _cap(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:].lower()


def _match(sylls_f: list[str], i: int, pattern: list[str]) -> bool:
    return sylls_f[i:i + len(pattern)] == pattern


def proper_case_body(text: str) -> str:
    """A body name in capitals (or mixed) → its proper spelling."""
    text = squash(expand_abbreviations(squash(for_matching(text))))
    if not text:
        return text
    known = _known()
    whole = known.get(fold_phrase(text))
    if whole:
        return whole
    # Hyphens and commas separate parts of a field name; keep them as their own tokens.
    tokens = re.findall(r"[^\s,\-–]+|[,\-–]", text)
    folded = [fold_word(t) for t in tokens]
    out: list[str] = []
    i = 0
    mode = "field_start"  # field_start | field | place
    while i < len(tokens):
        tok, f = tokens[i], folded[i]
        # A known body (e.g. "Bộ Công Thương") inside a longer name.
        matched = False
        # A head only opens a name part: "Vụ" inside "Nội vụ" is not the head "Vụ".
        for head_f, head in (_heads() if mode == "field_start" else _committees()):
            if _match(folded, i, head_f):
                out.extend(head)
                i += len(head_f)
                mode = "field_start"
                matched = True
                break
        if matched:
            continue
        for lvl_f, lvl, not_after in _levels():
            if _match(folded, i, lvl_f):
                nxt = folded[i + len(lvl_f)] if i + len(lvl_f) < len(folded) else ""
                if nxt in not_after or not nxt:
                    continue
                out.extend(s.lower() for s in lvl)
                i += len(lvl_f)
                mode = "place"
                matched = True
                break
        if matched:
            continue
        if folded[i:i + 2] == list(_COUNTRY):
            # the country's name closing a national body's (`Bảo hiểm xã hội Việt Nam`): a place,
            # each syllable capitalised, with no level word before it
            out.extend(_cap(t) for t in tokens[i:i + 2])
            i += 2
            mode = "field"  # what follows runs on small (`Viện Việt Nam học`)
            continue
        if tok in {",", "-", "–"}:
            out.append(tok)
            if mode != "place":
                mode = "field_start"
        elif mode == "place":
            out.append(_cap(tok))
        elif f in _CONNECTORS:
            out.append(tok.lower())
            mode = "field_start"
        elif mode == "field_start" and f in _PLURALS:
            # a plural word opens no field (`và các khu công nghiệp`): it and the field run on small
            out.append(tok.lower())
            mode = "field"
        elif mode == "field_start":
            out.append(_cap(tok))
            mode = "field"
        else:
            out.append(tok.lower())
        i += 1
    result = " ".join(out).replace(" ,", ",")
    known_again = known.get(fold_phrase(result))
    if known_again:
        return known_again
    # Fix known bodies embedded in the name, e.g. "Sở Công thương tỉnh X".
    for key, proper in known.items():
        fr = fold_phrase(result)
        pos = fr.find(key)
        if pos >= 0 and (pos + len(key) == len(fr) or fr[pos + len(key)] == " "):
            result = result[:pos] + proper + result[pos + len(proper):]
    return result
