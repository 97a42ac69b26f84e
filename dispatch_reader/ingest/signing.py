"""A signing-block line under a black seal, read alone, taken as the listed wording it is a
letter or two from.

Its own part because it reads with a list, not with the ink: on a photocopy or a fax the seal
is as black as the print, its star and ring letters run into the title (`TM. ỦY BAN NHÂN DÂN`
read `EM. ỦY(91) BAN(4) NHÂN(4) DÂN(96)`, `CHỦ TỊCH` read `=-#HỦ(4) TICH(80)`), and no
cleaning of the image made Tesseract surer of it. The block's lines are few and fixed (a
signing authority, a collective body, a title), so a reading close to one of them, anchored by
a word read surely, is that line. The words keep the confidence of its least sure word, 0.5 at
most, so the title taken from them stays marked for checking.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources as rule_data
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.vietnamese import EDGE_PUNCT
from dispatch_reader.places.match import edit_distance
from dispatch_reader.textnorm import fold

# a word read at least this surely, one of the line's own words, anchors the match
_ANCHOR_CONF = 0.7
# the reading is this many letters off at most per letter of the wording (a letter in six),
# one at least
_LETTERS_PER_EDIT = 6
# scraps read at either end (a ring's letter, a star's point) dropped before matching: read
# below this, of two letters at most (`PAO(0)` before `CIAM DOC` is `PHÓ` garbled, a word:
# dropped, the deputy's title read as the director's)
_SCRAP_CONF = 0.5
_SCRAP_LETTERS = 2
_MAX_SCRAPS = 2
# the signing authorities the wordings open with: one letter (`Q.`) is no reading's slip
_AUTHORITIES = ("TM", "KT", "TL", "TUQ", "Q")


@lru_cache(maxsize=1)
def _wordings() -> dict[str, tuple[str, ...]]:
    """The listed lines, folded (no marks, letters and spaces) to their printed wordings: more
    than one where only marks tell them apart (`THỨ TRƯỞNG`, a deputy minister; `THỦ TRƯỞNG`)."""
    titles = rule_data.lines("signer_titles.txt")
    printed = list(titles)
    printed += [f"TM. {body}" for body in rule_data.lines("signing_bodies.txt")]
    printed += [f"{lead}. {title}" for lead in _AUTHORITIES[1:] for title in titles]
    out: dict[str, tuple[str, ...]] = {}
    for line in printed:
        out[_letters(line)] = (*out.get(_letters(line), ()), line)
    return out


def _letters(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", fold(text)))


def listed_signing_line(line: list[Word]) -> list[Word] | None:
    """The words of a listed signing-block line that `line` (one line's words, read alone, in
    order) is a letter or two from, placed over the words read, or None. Written in capitals
    like the block, at most two scraps at either end left out, anchored by one of its words
    read surely and closer to this wording than to any other."""
    # signs alone are a ring's or a star's points, no letters to match
    words = [w for w in line if any(c.isalpha() for c in w.text)]
    for lead in range(min(_MAX_SCRAPS, len(words)) + 1):
        for tail in range(min(_MAX_SCRAPS, len(words) - lead) + 1):
            kept = words[lead:len(words) - tail]
            dropped = words[:lead] + words[len(words) - tail:]
            if not kept or any((w.conf or 0) >= _SCRAP_CONF or sum(c.isalpha() for c in w.text) > _SCRAP_LETTERS
                               for w in dropped):
                continue
            found = _wording(kept)
            if found is not None:
                return _placed(found, kept)
    return None


def _wording(kept: list[Word]) -> str | None:
    text = " ".join(w.text.strip(EDGE_PUNCT) for w in kept)
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return None
    read = _letters(text)
    near = sorted((edit_distance(read, folded), folded) for folded in _wordings())
    best, folded = near[0]
    if best > max(1, len(folded.replace(" ", "")) // _LETTERS_PER_EDIT):
        return None
    if len(near) > 1 and near[1][0] == best:
        return None
    anchors = set(folded.split())
    if not any((w.conf or 0) >= _ANCHOR_CONF and _letters(w.text) in anchors for w in kept):
        return None
    # of wordings only marks tell apart, the one whose marks the reading has; none if it
    # shows neither's
    marked = sorted((edit_distance(text.upper(), printed), printed) for printed in _wordings()[folded])
    if len(marked) > 1 and marked[0][0] == marked[1][0]:
        return None
    lead = folded.split()[0]
    if lead.upper() in _AUTHORITIES and \
            edit_distance(_letters(kept[0].text), lead) > (0 if len(lead) == 1 else 1):
        # the authority is read, a letter off at most (`EM.` for `TM.`), never made of a scrap:
        # `Z¡ CHỦ TỊCH` is no `Q. CHỦ TỊCH` (acting), `I ỦY BAN NHÂN DÂN` no `TM. …`
        return None
    return marked[0][1]


# a line taken from the list is the tool's reading, not the page's: its words stay under the
# line a fact's word is doubted below (extract/wordconf.DOUBTFUL_WORD, 0.6), so the signer row
# showing the title is marked as the page's note says (`"S/ PHOIGIAM(69) ĐỐC(91)`: the row was
# unmarked, its note saying "check it")
_LISTED_CONF = 0.5


def _placed(wording: str, kept: list[Word]) -> list[Word]:
    """The wording's words over the span the kept words were read in, each as wide as its
    letters, at the confidence of the reading's least sure word, _LISTED_CONF at most."""
    x0, x1 = min(w.x0 for w in kept), max(w.x1 for w in kept)
    top, bottom = min(w.top for w in kept), max(w.bottom for w in kept)
    confs = [w.conf for w in kept if w.conf is not None]
    conf = min([*confs, _LISTED_CONF])
    parts = wording.split()
    total = sum(len(p) + 1 for p in parts) - 1
    out, at = [], 0
    for p in parts:
        left = x0 + (x1 - x0) * at / total
        at += len(p)
        out.append(Word(p, left, top, x0 + (x1 - x0) * at / total, bottom, conf))
        at += 1
    return out


# a page of at most this many lines (the last page of a document that ran over) may hold its
# signing block anywhere (namelines reads its name lines there too)
SHORT_PAGE_LINES = 30


def signing_part(top: float, height: float, keys: list[tuple[int, int, int]]) -> bool:
    """Is a line whose top is `top` (pixels of a page `height` tall) where a signing block
    stands: the page's lower half, or anywhere on a short page (`keys`: its words' lines)?"""
    return top > height / 2 or len(set(keys)) <= SHORT_PAGE_LINES
