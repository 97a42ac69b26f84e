"""Is this real Vietnamese? A syllable check that tells text from legacy-font garbage.

Text decoded from a TCVN3 or VNI font (`Qu¸n lý`, `Ñieàu`) and OCR of an upside-down page
are full of tokens that no Vietnamese syllable can be; good text has few. The syllable
parts live in data/vietnamese_syllables.json.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dispatch_reader.textnorm import APOSTROPHES

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = frozenset("aăâeêioôơuưy")
_EDGE_PUNCT = ".,;:!?()[]{}\"'“”‘’«»-–—/…*•"
EDGE_PUNCT = _EDGE_PUNCT  # what is stripped from a token's ends before it is judged


@lru_cache(maxsize=1)
def _parts() -> tuple[frozenset[str], frozenset[str], int]:
    raw = json.loads(resources.files("dispatch_reader.ingest").joinpath("data/vietnamese_syllables.json").read_text("utf-8"))
    onsets = frozenset(raw["onsets"])
    rhymes = frozenset(unicodedata.normalize("NFC", r) for r in raw["rhymes"])
    return onsets, rhymes, max(len(o) for o in onsets)


def tone_on_vowel(decomposed: str) -> bool:
    """Does every tone mark of an NFD string stand on a vowel (`quân`, not `quâñ`: a tilde on
    a consonant is Spanish, or OCR's)? Other marks (hat, breve, horn) may come between."""
    base = ""
    for c in decomposed:
        if not unicodedata.combining(c):
            base = c
        elif c in _TONES and base not in "aeiouy":
            return False
    return True


def rhymes_of(bare: str) -> list[str]:
    """The rhymes a toneless lower-case word splits into after one of the onsets, [] when it
    is no syllable's spelling. After `gi` and `qu` the `i`/`u` may be the rhyme's own (`gìn`
    is g + in, `quyên` qu + yên, `Quỳnh` qu + uynh); `gì` is gi with no rhyme ("")."""
    onsets, rhymes, longest = _parts()
    out = []
    for cut in range(min(longest, len(bare)), -1, -1):
        onset, rest = bare[:cut], bare[cut:]
        if onset not in onsets:
            continue
        # `gi` + consonant is g + i… (`gìn`); `qu` lends its u only to a vowel (`qu` + `ynh` is
        # `uynh`; `qun` is nothing)
        lend = onset == "gi" or (onset == "qu" and rest[:1] in _VOWELS)
        for rhyme in (rest, onset[1] + rest) if lend else (rest,):
            if rhyme in rhymes or (onset == "gi" and not rhyme):
                out.append(rhyme)
    return out


def split_tone(token: str) -> tuple[str, str | None]:
    """(the word without its tone mark, NFC lower case; its tone mark (NFD) or None). Two
    tone marks, or one not on a vowel, make no syllable: (…, "many")."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    tones = [c for c in decomposed if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if len(tones) > 1 or (tones and not tone_on_vowel(decomposed)):
        return bare, "many"
    return bare, tones[0] if tones else None


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """True when `token` (one word, no punctuation) is a well-formed Vietnamese syllable, its
    marks possibly lost (`Duc` for `Đức` passes: OCR drops marks, and text judged here may
    have none). extract.syllables holds words to the tone rules too."""
    bare, tone = split_tone(token)
    return bare.isalpha() and tone != "many" and bool(rhymes_of(bare))


# the longest run of consonants a name of the other peoples writes (`Kr` of `Krăm`, `Kđ` of
# `Kđăm`, `Rch` of `Rcom`'s kin), after its last vowel (`Ksor`, `Khlot`: one), and of vowel
# groups (`Êban`, `Adrơng`, `Ayŭn`: two)
_NAME_CONSONANTS = 3
_NAME_FINAL_CONSONANTS = 2
_NAME_VOWEL_GROUPS = 2
# ... each of two vowels at most besides a y (`uô`, `ayŭ`), and the word six letters at most
# (`Adrơng`): two syllables read glued (`Hoaquan` for `Hoa Quân`) are longer, or run vowels on
_NAME_GROUP_VOWELS = 2
_NAME_LEAST_LETTERS = 3
_NAME_MOST_LETTERS = 6
# letters no name of Vietnam's peoples is written with (Ê Đê writes j and w, Khmer names
# neither f nor z): OCR's scraps (`Blùz`)
_NO_NAMES_LETTERS = frozenset("fz")


def spelled_as_a_name(token: str) -> bool:
    """Is `token` a capitalised word a name may have: a Vietnamese syllable's spelling (its
    marks as OCR read them, the loose `is_syllable`), or a word of another people's name as
    Vietnamese writes it (`Ksor`, `Kđăm`, `Êban`, `Blút`, `Khlot`, `H'Bia`): a capital and small
    Latin letters after it, three to six, a vowel among them, one tone mark at most, no longer
    runs of consonants or vowel groups than such names have, no letter thrice in a row? A
    ring's letters are capitals (`ANH`), a signature's loops short scraps (`Es`, `Fs`) or glued
    signs. Whose name may have such words is extraction's to say (signer.py)."""
    if not token[:1].isupper():
        return False
    head, _, tail = token.translate(APOSTROPHES).partition("'")
    if tail:
        # an Ê Đê or Jarai woman's `H'` prefix, once: the name after it is one more word
        return head == "H" and "'" not in tail and spelled_as_a_name(tail)
    if not token[1:].islower() and token[1:]:
        return False
    if is_syllable(token):
        return True
    bare, tone = split_tone(token)
    skeleton = "".join(c for c in unicodedata.normalize("NFD", bare) if not unicodedata.combining(c))
    skeleton = skeleton.replace("đ", "d")
    if tone == "many" or not _NAME_LEAST_LETTERS <= len(skeleton) <= _NAME_MOST_LETTERS or re.search(r"(.)\1\1", skeleton) \
            or not (skeleton.isascii() and skeleton.isalpha()) or set(skeleton) & _NO_NAMES_LETTERS:
        return False
    runs = [len(r) for r in re.findall(r"[^aeiouy]+", skeleton)]
    vowel_groups = re.findall(r"[aeiouy]+", skeleton)
    final = re.search(r"[^aeiouy]*$", skeleton).group(0)
    return bool(vowel_groups) and len(vowel_groups) <= _NAME_VOWEL_GROUPS and max(runs, default=0) <= _NAME_CONSONANTS \
        and len(final) <= _NAME_FINAL_CONSONANTS and max(len(g.replace("y", "")) for g in vowel_groups) <= _NAME_GROUP_VOWELS


@dataclass(frozen=True)
class TextScore:
    words: int  # tokens judged (letters only)
    valid: int  # of which are Vietnamese syllables
    odd_chars: int  # characters no Vietnamese text has (¸ § « ® …) inside words

    @property
    def ratio(self) -> float:
        return self.valid / self.words if self.words else 0.0


def _is_abbreviation(token: str) -> bool:
    # UBND, HĐND, QĐ, NĐ: upper-case runs that are not syllables but belong in good text.
    return len(token) <= 8 and token.isupper() and all(c.isascii() or c == "Đ" for c in token)


def score_text(text: str) -> TextScore:
    """How much of `text` reads as Vietnamese syllables; numbers and abbreviations don't count."""
    words = valid = odd = 0
    for raw in unicodedata.normalize("NFC", text).split():
        token = raw.strip(_EDGE_PUNCT)
        if not token or any(c.isdigit() for c in token):
            continue
        parts = [p for p in token.replace("-", " ").replace("/", " ").split() if p]
        for part in parts:
            if not all(c.isalpha() for c in part):
                odd += sum(1 for c in part if not c.isalpha() and c not in _EDGE_PUNCT)
                words += 1
                continue
            if is_syllable(part):
                words += 1
                valid += 1
            elif not _is_abbreviation(part):
                words += 1
    return TextScore(words=words, valid=valid, odd_chars=odd)
