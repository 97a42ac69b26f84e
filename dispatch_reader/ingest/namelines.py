"""Name lines re-read alone for the marks and letters the page reading lost: the signer's
line under a stroke or a seal, and names in a list that Tesseract spelt in English.

Its own part because its rules are about Vietnamese names (family names first, capitals,
syllables, marks agreed by two readings), which grow with each name a real scan garbles;
the page's run only calls it once the page is read.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import cv2
import numpy as np

from dispatch_reader import family_names
from dispatch_reader.extract.namefix import never_given
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.signing import SHORT_PAGE_LINES
from dispatch_reader.ingest.tessread import BORDER, Deadline, overlaps, run_psm, tsv_words, write
from dispatch_reader.ingest.unread import larger_than_letters, letter_lines, line_alone
from dispatch_reader.ingest.vietnamese import is_syllable, spelled_as_a_name
from dispatch_reader.textnorm import (NAME_WORD, case_blind, cased_like, fold, letter_off, mark_count, marks,
                                      one_letter_off)



def reread_name_lines(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                      settings: IngestSettings, deadline: Deadline, tmp: str,
                      seals: Sequence[tuple[float, float, float, float]] = ()
                      ) -> tuple[list[Word], list[tuple[int, int, int]], int]:
    """Re-read short lines of capitalised words in the lower half of the page, or anywhere on a
    short page (the signer's title and name), one line at a time, and take the marks that
    reading gives.

    Read with the whole page, a bold name line loses the marks above its letters (`Phạm Đức
    Thanh` for `Thành`, `Trinh Van Lam` for `Trịnh Văn Lâm`); read alone (psm 7) it keeps them.
    Only the marks are taken: the words must be the same letters, as many, and the new reading
    must carry more marks. A line whose first word is no family name at all is read again as a
    block instead and taken whole when that reading is a name (`_reread_whole_name`); so is a
    line whose family name was read whole but whose other words lost their capitals to a
    signature's stroke (`Lường ăn ot`), in the band of its own words' height. So is a line
    beside one of the `seals` (boxes of the black rings cleared from `grey`, in points) that
    ends in a name's words after scraps (`mar iu n Văn Tâm.`: the ring read through the family
    name).
    Returns the words, their line keys and how many lines were re-read to effect."""
    height = grey.shape[0] * scale
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    changed = 0
    out = list(words)
    replaced: dict[tuple[int, ...], list[Word]] = {}
    taken: set[int] = set()
    # first the rows beside a seal's ring read through as scraps, taken only where their
    # reading is a name's syllables alone: the rest is left to the line's own re-readings below
    for idx in (row for seal in seals for row in _rows_beside(out, list(lines.values()), seal)):
        line = [out[i] for i in idx]
        if (min(w.top for w in line) >= height / 2 or len(lines) <= SHORT_PAGE_LINES) and \
                _name_after_scraps(line) and not taken.intersection(idx):
            # the band of the last word, the width of the whole row: the family name is under
            # the scraps
            band_top, band_bottom = line[-1].top, line[-1].bottom
            pad = band_bottom - band_top
            box = [int(v / scale) for v in (min(w.x0 for w in line) - pad, band_top - pad / 2,
                                            max(w.x1 for w in line) + pad, band_bottom + pad / 2)]
            whole = _reread_whole_name(grey, box, scale, settings, deadline, tmp, None, line)
            # (the crop's room may take in a word of another line, or one left of the column)
            if whole is not None and not _over_other_words(whole, out, idx) and _syllables_alone(whole):
                replaced[tuple(idx)] = [replace(w, text=w.text.lstrip(_RING_SPECKS)) for w in whole]
                taken.update(idx)
                changed += 1
    for idx in lines.values():
        if taken.intersection(idx):
            continue
        # a speck read as a stop beside the name (`jen Đức Toàn .`) is no word of it; it stays
        idx = [i for i in idx if any(c.isalnum() for c in out[i].text)] or idx
        line = [out[i] for i in idx]
        texts = [NAME_WORD.match(w.text) for w in line]
        # the signing block: the lower half of a page, or anywhere on a short page (the last
        # page of a document that ran over holds little more than it)
        if not 2 <= len(line) <= 6 or not all(texts) or (min(w.top for w in line) < height / 2
                                                          and len(lines) > SHORT_PAGE_LINES):
            continue
        capital = texts[0]["core"][0].isupper()
        # a family name read whole and small letters after it that have no capital of the same
        # shape: the capitals a signature's stroke took (`Lường ăn ot` for `Lường Văn Hoan`)
        stroked = capital and _family_first([texts[0]["core"]]) and _lost_capitals(line) and any(
            not m["core"][0].isupper() and not case_blind(m["core"]) for m in texts[1:])
        # a letter alone inside the line is a ring's or a stroke's scrap (`Nguy i Ngân`) when no
        # family name opens it: the whole reading below mends it
        scrap = not _family_first([texts[0]["core"]])
        if not stroked and not all(m["core"][0].isupper() or case_blind(m["core"]) or (scrap and len(m["core"]) == 1)
                                   for m in texts[1:-1]):
            continue
        if not stroked and not texts[-1]["core"][0].isupper() and (capital or not _lost_capitals(line)):
            continue
        # a lower-case first word is a name's first letter lost under a stroke (`ũ Hải Quân`),
        # and on a fax the stroke can take the last word's capital too (`thị uỳnh` for `Đinh
        # Thị Quỳnh`): only a whole new reading can mend it
        x0, x1 = min(w.x0 for w in line), max(w.x1 for w in line)
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        pad = bottom - top
        box = [int(v / scale) for v in (x0 - pad, top - pad / 2, x1 + pad, bottom + pad / 2)]
        crop = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
        if crop.size == 0:
            continue
        old = " ".join(m["core"] for m in texts)
        fuller: list[Word] | None = None
        sounder: list[Word] | None = None
        same: list[list[Word]] = []  # readings of the same letters, word for word
        # the line's own height, not that of a word a stroke above it inflated
        band_top, band_bottom = _band(line)
        # (image, enlarged k times, its left and top on the page in pixels)
        crops: list[tuple[np.ndarray, int, int, int]] = []
        wide: tuple[np.ndarray, int, int, int] | None = None
        if capital and not stroked:
            tight_top = max(int((band_top - pad / 4) / scale), 0)
            tight = grey[tight_top:int((band_bottom + pad / 4) / scale), max(box[0], 0):box[2]]
            framed = cv2.copyMakeBorder(tight, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
            # as it is, then twice as large (a small bold name keeps its marks better enlarged);
            # then the same cut to the line's band (a stroke's leftover above it read as a mark)
            at, framed_at = (max(box[0], 0), max(box[1], 0)), (max(box[0], 0) - BORDER, tight_top - BORDER)
            crops = [(crop, 1, *at), (crop, 2, *at), (framed, 1, *framed_at), (framed, 2, *framed_at)]
            if any(not is_syllable(m["core"]) for m in texts):
                # a word garbled under a stroke may be read shorter than it is printed (`Kht` for
                # `Khương`): the band once more with room after the last word, for its syllables
                right = min(int((x1 + 3 * pad) / scale), grey.shape[1])
                band = grey[tight_top:int((band_bottom + pad / 4) / scale), max(box[0], 0):right]
                wide = (cv2.copyMakeBorder(band, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255),
                        2, *framed_at)

        def read(image: np.ndarray, k: int) -> tuple[list[Word], list[re.Match[str] | None]]:
            if k > 1:
                image = cv2.resize(image, None, fx=k, fy=k, interpolation=cv2.INTER_CUBIC)
            found, _ = tsv_words(run_psm(write(image, tmp, "line"), settings, deadline, 7), scale / k)
            return found, [NAME_WORD.match(w.text) for w in found]

        for n, (image, k, left, upper) in enumerate(crops):
            found, new_texts = read(image, k)
            if n < 2 and fuller is None:
                # (the ring's scraps the line's crop took in before the family name left out)
                named = past_ring_scraps(found)
                if _holds_more_of_name(texts, named, [NAME_WORD.match(w.text) for w in named]):
                    fuller = _placed(named, left, upper, scale)
            if sounder is None and _spells_the_name(texts, new_texts):
                sounder = _placed(found, left, upper, scale, texts)
            if len(found) == len(line) and all(new_texts) and \
                    fold(" ".join(m["core"] for m in new_texts)) == fold(old):
                same.append([Word(m["core"], w.x0, w.top, w.x1, w.bottom, w.conf) for w, m in zip(found, new_texts)])
        if sounder is None and wide is not None:
            image, k, left, upper = wide
            found, new_texts = read(image, k)
            if _spells_the_name(texts, new_texts):
                sounder = _placed(found, left, upper, scale, texts)
        marked = voted_marks([m["core"] for m in texts], same)
        if marked is None and fuller is not None:
            replaced[tuple(idx)] = fuller  # `Vũ Tuấn`: the page reading lost `Minh` under a stroke
            changed += 1
            continue
        if marked is None and sounder is not None:
            replaced[tuple(idx)] = sounder  # `Nguyen Marit Kht`: a stroke through `Mạnh Khương`
            changed += 1
            continue
        if marked is None:
            # a word far taller than the line's others is a seal's or a signature's ink read with
            # the letters beside it as one word (`Sung` for the ring's foot, the stroke and `Đào
            # Ngọc` of `Đào Ngọc Dung`): a word the line's band leaves out. The family name it
            # reads as is no reading, and the line is read again in the band of its other words.
            # A line opening on no family name is read again with the room round it as before: in
            # its band a fax's `Pram Đức Thành` read `PIấm`, which the names' mending no longer
            # takes for Phạm
            family = _family_first([m["core"] for m in texts])
            blob = family and any(w.top < band_top or w.bottom > band_bottom for w in line)
            # a title line in capitals (`KT. THỦ TƯỚNG`) is no garbled name
            if (stroked or blob or not family) and not old.isupper():
                if stroked or blob:
                    pad = band_bottom - band_top
                    box = [int(v / scale) for v in (x0 - pad, band_top - pad / 2, x1 + pad, band_bottom + pad / 2)]
                whole = _reread_whole_name(grey, box, scale, settings, deadline, tmp,
                                           texts[0]["core"] if stroked else None, line)
                if whole is not None and _over_other_words(whole, out, idx):
                    whole = None  # the name beside a speck line, read already as its own line
                if whole is not None:
                    replaced[tuple(idx)] = whole
                    changed += 1
            continue
        for i, (word, conf) in zip(idx, marked):
            original = out[i]
            out[i] = Word(original.text.replace(NAME_WORD.match(original.text)["core"], word),
                          original.x0, original.top, original.x1, original.bottom, original.conf if conf is None else conf)
        changed += 1
    if not replaced:
        return out, list(keys), changed
    gone = {i for idx in replaced for i in idx}
    out_keys = [k for i, k in enumerate(keys) if i not in gone]
    out = [w for i, w in enumerate(out) if i not in gone]
    for idx, line in replaced.items():
        out.extend(line)
        out_keys.extend([keys[idx[0]]] * len(line))
    return out, out_keys, changed


# a page whose words carry marks this often is Vietnamese (an English report's carry almost none)
_VIETNAMESE_PAGE = 0.2
# ... counted over the words read with this confidence, of two letters or more: a copier's
# bands and grain read as scraps (`ie eee IE ae`) say nothing of the page's language; fewer
# such words than this, among more scraps, say too little to call the page English
_SURE_WORD = 0.6
_FEW_WORDS = 20
# words in a person's name: two-word runs are places and bodies as often (`Lai Châu,` before
# its date, `Đoàn Thanh` niên), so three at least
_NAME_RUN = (3, 5)
# words that open a body's name, never inside a person's (`Nay Sở Nội vụ`, `Do Sở Tài chính`)
_BODY_WORDS = frozenset({"Sở", "Phòng", "Ban", "Trưởng", "Chánh", "Ủy", "Cục", "Vụ", "Bộ", "Viện", "Trường",
                         "Hội", "Đoàn", "Tổng", "Trạm", "Đội", "Nghề", "Thành", "Phố", "Thị", "Trấn"})
# words a place's name follows (`Xã Si Ma Cai`): what comes next is no person's name
_PLACE_LEVELS = frozenset({"xa", "phuong", "tinh", "huyen", "quan", "thon", "ban", "to", "ap", "lang"})


def _bare_name_runs(words: list[Word], keys: list[tuple[int, int, int]],
                    rules_v: list[list[float]] | None = None) -> list[list[int]]:
    """Runs of three to five neighbouring words of one line, each capitalised, none a body's
    word, the first a family name, one or more of them with no mark at all: a name whose marks
    the page reading lost (`Hoang Van Thuan`, `Pham Quốc Khanh`, `Vang Thi Say` in a list
    table). The capitalised
    words after a level word are a place's (`Xã Si Ma Cai`), not a name; a line that is a name
    alone is the signer's, which `reread_name_lines` reads again its own way (a fax's speck
    read in Vietnamese alone makes `Vinh` `Vĩnh`), unless it stands in a ruled table's cell
    (Tesseract reads each cell as a line of its own). `rules_v`: the page's vertical rules,
    in points."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    runs: list[list[int]] = []
    for idx in lines.values():
        run: list[int] = []
        place = False
        for i in sorted(idx, key=lambda i: words[i].x0) + [-1]:
            m = NAME_WORD.match(words[i].text) if i >= 0 else None
            word = m["core"] if m else ""
            capital = bool(word) and word[0].isupper() and word[1:].islower()
            if capital and run and not place and not _ends_phrase(words[run[-1]].text) and word not in _BODY_WORDS:
                run.append(i)
                continue
            # a line that is the name alone is a signer's, re-read already (reread_name_lines)
            if _NAME_RUN[0] <= len(run) <= _NAME_RUN[1] and (len(run) < len(idx) or _in_cell(
                    [words[k] for k in run], rules_v or [])) and any(
                    mark_count(NAME_WORD.match(words[k].text)["core"]) == 0 for k in run):
                runs.append(run)
            run = []
            if word and fold(word) in _PLACE_LEVELS:
                place = True
            elif not capital:
                place = False
            elif not place and _opens_name(word):
                run = [i]
    return runs


def _in_cell(line: list[Word], rules_v: list[list[float]]) -> bool:
    """Do vertical rules stand left and right of the words, across their height?"""
    middle = (min(w.top for w in line) + max(w.bottom for w in line)) / 2
    crossing = [(r[0] + r[2]) / 2 for r in rules_v if min(r[1], r[3]) <= middle <= max(r[1], r[3])]
    return any(x <= line[0].x0 for x in crossing) and any(x >= line[-1].x1 for x in crossing)


def _ends_phrase(text: str) -> bool:
    """A word with a comma, stop or bracket after it ends a name (`Thuận, Chuyên viên`)."""
    text = text.rstrip()
    return bool(text) and text[-1] in ",.;:)|"


def _opens_name(word: str) -> bool:
    """A family name as listed, or its letters bare (`Xã` is no `Xa`, `Hoang` may be `Hoàng`)."""
    return word.lower() in family_names.lowered() or (mark_count(word) == 0 and fold(word) in _families())


def reads_vietnamese(words: list[Word], settings: IngestSettings) -> bool:
    """Read in Vietnamese and another language, and Vietnamese by its words' marks (an English
    report's carry almost none), or too few words read surely to tell."""
    langs = settings.languages.split("+")
    if "vie" not in langs or len(langs) < 2:
        return False
    read = [w for w in words if w.text.isalpha() and len(w.text) >= 2]
    sure = [w for w in read if w.conf is None or w.conf >= _SURE_WORD]
    if len(sure) < _FEW_WORDS and len(sure) * 2 < len(read):
        # most of what was read is scraps and few words are sure: the page says too little to
        # be called English (a short English page's words are read surely, and judged below)
        return True
    alpha = [w for w in words if w.text.isalpha()]
    return bool(alpha) and sum(1 for w in alpha if mark_count(w.text)) >= _VIETNAMESE_PAGE * len(alpha)


def mark_bare_names(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                    settings: IngestSettings, deadline: Deadline, tmp: str,
                    rules_v: list[list[float]] | None = None) -> tuple[list[Word], int]:
    """Names the page reading gave without a mark, read again alone in Vietnamese, and their
    marks taken.

    Read with `vie+eng`, Tesseract takes a Vietnamese name it can spell in English for English
    and drops its marks (`Vang Thi Say` for `Vàng Thị Say`, most often in a list table's cells);
    read alone in Vietnamese it keeps them. Only the marks are taken: the same letters, as many
    words, each a syllable. Not on a page that reads as English (an English report's names
    are printed bare)."""
    if not reads_vietnamese(words, settings):
        return words, 0
    out = list(words)
    marked = 0
    for run in _bare_name_runs(words, keys, rules_v):
        line = [out[i] for i in run]
        old = [NAME_WORD.match(w.text)["core"] for w in line]
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        pad = bottom - top
        box = [int(v / scale) for v in (line[0].x0 - pad, top - pad / 2, line[-1].x1 + pad, bottom + pad / 2)]
        crop = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
        if crop.size == 0:
            continue
        found, _ = tsv_words(run_psm(write(crop, tmp, "name"), settings, deadline, 7, "vie"), scale)
        new = [m["core"] if (m := NAME_WORD.match(w.text)) else "" for w in found]
        if len(new) != len(old) or not all(new) or not all(is_syllable(w) for w in new):
            continue
        if fold(" ".join(new)) != fold(" ".join(old)) or mark_count(" ".join(new)) <= mark_count(" ".join(old)):
            continue
        if any(mark_count(n) < mark_count(o) for n, o in zip(new, old)):
            continue  # marks the page reading saw are not given up
        for i, word, was in zip(run, new, old):
            w = out[i]
            out[i] = Word(w.text.replace(was, word), w.x0, w.top, w.x1, w.bottom, w.conf)
        marked += 1
    return out, marked


# readings that must give a word's marks alike before they are taken
_AGREEING_READINGS = 2


def voted_marks(old: list[str], readings: list[list[Word]]) -> list[tuple[str, float | None]] | None:
    """The words of a line read without some of their marks, with the marks that at least two
    readings of the same letters agree on (each word with the least sure of those readings'
    confidences, or None where it stays as it was); None when no word gains a mark.

    One reading alone may take a stroke's leftover above a word for a mark (`Tráng` under a
    signature's underline, `Vĩnh` where another reading gives `Vính`): the print's marks come
    back alike from crops of another size and height, a leftover's do not. Of two forms with
    as many readings, the one with more marks; a word is never given fewer marks than the page
    reading saw."""
    out: list[tuple[str, float | None]] = []
    gained = False
    for i, word in enumerate(old):
        forms: dict[str, list[float]] = {}
        for reading in readings:
            forms.setdefault(reading[i].text, []).append(reading[i].conf or 0.0)
        # OCR loses a mark far more often than it makes one up: as many readings for a word
        # with the mark as without it give the mark
        # (the last word, a given name read with marks, is not made one only families bear:
        # Tesseract's word list gives `Trần` for a clean `Trân` read alone, three crops of four;
        # one read bare may take them, `Ly` → `Lý`)
        ranked = sorted(((len(confs), mark_count(form), form) for form, confs in forms.items()
                         if len(confs) >= _AGREEING_READINGS and mark_count(form) > mark_count(word)
                         and is_syllable(form) and marks(word) <= marks(form)
                         and not (0 < i == len(old) - 1 and marks(word) and never_given(form))), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[1][:2] < ranked[0][:2]):
            top = ranked[0][2]
            out.append((top, min(forms[top])))
            gained = True
        else:
            out.append((word, None))
    return out if gained else None


def _holds_more_of_name(texts: list[re.Match[str]], found: list[Word], new_texts: list[re.Match[str] | None]) -> bool:
    """A line read alone that gives a name with one or two words more than the page reading
    had, those words among them in order: a family name first, every word capitalised, at
    most four; a word added is a syllable in small letters after its capital (not `ME`, a
    seal's scrap read beside the name)."""
    if not len(texts) < len(found) <= min(len(texts) + 2, 4) or not all(new_texts):
        return False
    words = [m["core"] for m in new_texts if m]
    if not all(w[0].isupper() for w in words) or not _family_first(words) or " ".join(words).isupper():
        return False
    # the words read already, in order, and what is left over: the words added
    added: list[str] = []
    old = iter(fold(m["core"]) for m in texts)
    want = next(old, None)
    for w in words:
        if want is not None and fold(w) == want:
            want = next(old, None)
        else:
            added.append(w)
    return want is None and all((len(a) == 1 or a[1:].islower()) and is_syllable(a) for a in added)


def _placed(found: list[Word], left: int, upper: int, scale: float,
            read: list[re.Match[str]] | None = None) -> list[Word]:
    """Words read in a crop whose corner is at (left, upper) pixels, put where they are on the
    page. A word the page reading (`read`) gave with the same letters and more marks keeps
    them (`Vần`, where the line alone read `Van`)."""
    out = []
    for i, w in enumerate(found):
        text = w.text
        if read is not None:
            old = read[i]["core"]
            if fold(old) == fold(text) and mark_count(old) > mark_count(text):
                text = old
        out.append(Word(text, w.x0 + left * scale, w.top + upper * scale, w.x1 + left * scale,
                        w.bottom + upper * scale, w.conf))
    return out


def _spells_the_name(texts: list[re.Match[str]], new_texts: list[re.Match[str] | None]) -> bool:
    """A line read alone that spells as syllables the name the page reading garbled under a
    signature's stroke (`Nguyen Mạnh Khương` for `Nguyen Marit Kht`): as many words, each
    opening with the same letter, capitalised, a family name first, and every word it reads
    otherwise a syllable where the page reading's was none. A name of another people's
    (`Ksor`, `H'Bia`) reads as no syllable either way and keeps the page reading."""
    if len(new_texts) != len(texts) or not all(new_texts):
        return False
    old = [m["core"] for m in texts]
    new = [m["core"] for m in new_texts if m]
    if not all(w[0].isupper() for w in new) or " ".join(new).isupper() or not _family_first(new):
        return False
    if not all(fold(a[0]) == fold(b[0]) for a, b in zip(old, new)):
        return False
    # the words read otherwise: each a garbled one read as a syllable (`Nguyen`, the same
    # letters both ways, is not judged)
    # (a word in capitals inside a name is a scrap read so: `THẾ` for the `Th` of `Thị`)
    changed = [(a, b) for a, b in zip(old, new) if fold(a) != fold(b)]
    return bool(changed) and all(not is_syllable(a) and is_syllable(b) and (len(b) == 1 or b[1:].islower())
                                 for a, b in changed)


# what may stand round a word's letters in a reading
EDGE_SPECKS = "_|.,:;'\"“”‘’`-~^*"
# a leading token of one letter is a name's own in the names of the Central Highlands' peoples
# (`Y Moan Niê`): never taken for a scrap
_NAME_LETTERS = frozenset({"Y"})
# scraps of a ring read before a name at most
_MAX_RING_SCRAPS = 3


def _ring_scrap(text: str) -> bool:
    """A token read before a name that is a scrap: two letters at most, and no capitalised
    word of two (`Lê`, `Vũ` are family names): `››9$„`, `_`, `“A`, `oN`, `an`. A longer token
    (`_Đoàäf`) may be the family name garbled: never passed over."""
    letters = "".join(c for c in text if c.isalpha())
    if len(letters) > 2 or letters in _NAME_LETTERS:
        return False
    return len(letters) < 2 or not letters[0].isupper()


def _split_word(a: str, b: str) -> bool:
    """A capital alone, then small letters: one word read in two (`Đ ảo`)."""
    a, b = a.strip(EDGE_SPECKS), b.strip(EDGE_SPECKS)
    return len(a) == 1 and a.isupper() and b.isalpha() and b.islower()


def past_ring_scraps(line: list[Word]) -> list[Word]:
    """A line read under a seal without the ring's scraps read before its family name (`››©S
    Ngưýễn Thị Mai`, `oN an _ Đoàn Văn Lực`: the ring's letters and arc where it
    crosses the name's first word): at most three, and only where a family name follows them
    (exactly, or one letter off) and a name's other words after it; the line as it was
    otherwise."""
    # (an arc read as an underscore on a word's edge: `_Ngưýễn`; a speck after the name: `-`)
    words = [replace(w, text=w.text.strip("_")) for w in line]
    while len(words) > 2 and not any(c.isalpha() for c in words[-1].text):
        words.pop()
    for n in range(1, min(_MAX_RING_SCRAPS, len(words) - 2) + 1):
        if not _ring_scrap(words[n - 1].text):
            break
        if n >= 2 and _split_word(words[n - 2].text, words[n - 1].text):
            break  # `Đ ảo Ngọ Cc Dung`: the family name read in two (`Đào`), no ring's scraps
        first = NAME_WORD.match(words[n].text)
        if first is not None and first["core"][0].isupper() and (
                _family_first([first["core"]]) or _near_family(first["core"])):
            return words[n:]
    return line


# what a ring's speck glued before a family name reads as (`}>—-Trần`)
_RING_SPECKS = EDGE_SPECKS + "}>)—–"


def _over_other_words(read: list[Word], words: list[Word], idx: list[int]) -> bool:
    """Does a line read again lie over a word of the page's other than its own (`idx`)?"""
    return any(overlaps(a, b) for b in (w for i, w in enumerate(words) if i not in idx and any(
        c.isalnum() for c in w.text)) for a in read)


# a line of scraps and a name's words: at most this many words
_SCRAPPED_LINE_WORDS = 8


def _rows_beside(words: list[Word], lines: list[list[int]], seal: tuple[float, float, float, float]
                 ) -> list[list[int]]:
    """The rows of print across a seal's ring or just under it, from its left edge to two ring
    widths right of it (the signing block's column, not the Nơi nhận list beside it): the
    page's lines cut to that column, each with the words of other lines in its band (the reading
    cut one row into several where a ring's or a signature's ink stood between its words: `1) 7
    Lê Qu | Hưng`), left to right, specks without a letter or figure left out."""
    x0, y0, x1, y1 = seal
    size = y1 - y0
    cut = []
    for idx in lines:
        idx = [i for i in idx if any(c.isalnum() for c in words[i].text)
               and x0 <= (words[i].x0 + words[i].x1) / 2 <= x1 + 2 * size]
        if idx and y0 <= statistics.median((words[i].top + words[i].bottom) / 2 for i in idx) <= y1 + size / 2:
            cut.append(idx)
    rows = []
    for idx in cut:
        # the words of the other lines whose middle is in this line's band (its words' median
        # top and bottom: a scrap's height set aside)
        top = statistics.median(words[i].top for i in idx)
        bottom = statistics.median(words[i].bottom for i in idx)
        row = idx + [i for other in cut if other is not idx for i in other
                     if top <= (words[i].top + words[i].bottom) / 2 <= bottom]
        rows.append(sorted(row, key=lambda i: words[i].x0))
    return rows


def _name_after_scraps(line: list[Word]) -> bool:
    """A row ending in a capitalised syllable (`Tâm.`, `Hưng`) after words that are no name's:
    figures, marks, small letters (`1) 7 Lê Qu Hưng`, `eR "on Văn Phú`, `1< "Ua hị Hoa`)."""
    if not 2 <= len(line) <= _SCRAPPED_LINE_WORDS or any(w.text.endswith(";") for w in line):
        return False  # (an item of the Nơi nhận list ends so)
    last = NAME_WORD.match(line[-1].text)
    if last is None or not (last["core"][0].isupper() and last["core"][1:].islower() and is_syllable(last["core"])):
        return False
    return any(m is None or not m["core"][0].isupper() for m in (NAME_WORD.match(w.text) for w in line[:-1]))


def _syllables_alone(line: list[Word]) -> bool:
    """Every word, specks round it aside, a syllable or spelled as a name of another people's
    (`Ksor`, `Rcom`: `spelled_as_a_name`); `Vũ /T} Thu Hà` and `Vu Mnh Tuấn` are not. (A
    reading is capitalised already: `_reread_whole_name` takes no other.)"""
    found = [NAME_WORD.match(w.text) for w in line]
    return all(m is not None and (is_syllable(m["core"]) or spelled_as_a_name(m["core"])) for m in found)


def _band(line: list[Word]) -> tuple[float, float]:
    """Top and bottom of a line from its words, leaving out a word more than half again as tall
    as the line's median (`ot` read together with the signature's loop above it)."""
    heights = [w.bottom - w.top for w in line]
    usual = statistics.median(heights)
    kept = [w for w, h in zip(line, heights) if h <= 1.5 * usual] or line
    return min(w.top for w in kept), max(w.bottom for w in kept)


def _lost_capitals(line: list[Word]) -> bool:
    """A short line in small letters that may be a name whose capitals a stroke took: two to
    four bare words, no punctuation (a body line's tail, `hợp thực hiện./.`, has some)."""
    return len(line) <= 4 and all(w.text.isalpha() for w in line)


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    return frozenset(fold(name) for name in family_names.listed())


def _family_first(words: list[str]) -> bool:
    return bool(words) and fold(words[0]) in _families()


# the shortest family name a word read a letter off it is taken for (`Lê`, `Hà`: two letters
# one off are half the ring's scraps)
_NEAR_FAMILY_LETTERS = 3


def _near_family(word: str) -> bool:
    """Is `word` a family name read with one letter misread, whichever it is (`Phar`: `Phan` or
    `Phạm`)? Extraction's name mending decides which (`Phar`: an n whose leg a ring cut off);
    a name left unmended is flagged as odd."""
    return bool(letter_off(fold(word), _families(), _NEAR_FAMILY_LETTERS))


def _reread_whole_name(grey: np.ndarray, box: list[int], scale: float, settings: IngestSettings,
                       deadline: Deadline, tmp: str, family: str | None = None,
                       read: list[Word] | None = None) -> list[Word] | None:
    """A name line the page reading garbled (a signature's stroke across its first word: `We
    ThiKi Kim Ngân`) read again as a block with some room above it; the reading is taken only
    if it has a line that is a name: a known family name first, capitalised name words. A word
    the page reading (`read`) gave in the same place with the same letters keeps its marks."""
    x0, y0, x1, y1 = box
    # the page reading may have lost a whole word, the family name first of all (`thị uỳnh`
    # for `Đinh Thị Quỳnh`): room for one on either side
    left = max(x0 - 2 * (y1 - y0), 0)
    x1 = min(x1 + (y1 - y0), grey.shape[1])
    # the line alone (psm 7), then with the line above it as a block (psm 6): a stroke that
    # crosses both reads best one way or the other
    # then, a seal's ring and a signature's loops touching the name's letters (`NguyÊP-Tfý` for
    # `Nguyễn Thị`), the line cut out alone with the pieces larger than a letter taken off it
    earlier: list[list[Word]] = []
    fallback: list[Word] | None = None
    tall = (max(y0 - (y1 - y0), 0), y1 + (y1 - y0) // 2)
    start_left = left
    # each reading once more enlarged twice when none gave a name: a fax's ragged bold letters
    # (`vu Mnh Tian`, `Va Minh Twan` as they were; `Vu Minh Tuấn` larger)
    for k, (top, bottom, psm) in itertools.product((1, 2), ((max(y0, 0), y1, 7), (*tall, 6), (*tall, 0))):
        left = start_left
        crop = grey[top:bottom, left:x1]
        if crop.size == 0:
            return fallback
        if psm == 0:
            crop = _name_line_alone(crop, 72.0 / scale, y0 - top, y1 - top)
            if crop is None:
                continue
            top, left = top + crop[1], left + crop[2]
            crop, psm = crop[0], 7
        framed = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
        if k > 1:
            framed = cv2.resize(framed, None, fx=k, fy=k, interpolation=cv2.INTER_CUBIC)
        found, found_keys = tsv_words(run_psm(write(framed, tmp, "nameblock"), settings, deadline, psm), scale / k)
        lines: dict[tuple[int, int, int], list[Word]] = {}
        for w, key in zip(found, found_keys):
            lines.setdefault(key, []).append(w)
        dx, dy = (left - BORDER) * scale, (top - BORDER) * scale
        top_pt, bottom_pt = y0 * scale, y1 * scale
        for line in reversed(list(lines.values())):
            named = past_ring_scraps(line)
            names = [NAME_WORD.match(w.text) for w in named]
            if not 2 <= len(named) <= 6 or not all(names) or not all(m["core"][0].isupper() for m in names):
                continue
            if named is not line and not all(m["core"][1:].islower() for m in names if len(m["core"]) > 1):
                continue  # read past a ring's scraps, each word is one: `HùngNam` is two run together
            line = named
            text = " ".join(m["core"] for m in names)
            # the line read again, not its neighbour (the title above, `PHÓ THỦ TƯỚNG`: Phó is
            # a family name too, but a name is not printed in capitals under a title)
            first = text.split()[0]
            # the family name the page reading gave whole, read again a letter off (`Luang` for
            # `Lường`, where `Quang` is one letter off too)
            kept = family if family and fold(first) != fold(family) and one_letter_off(
                fold(first), {fold(family)}, min_len=2) else None
            # a family name a letter off, whichever (`Phar`), only where no reading gives one
            # exactly or a letter off one alone: a worse reading's (`Fùi` before `Bùi`) would stand
            near = not (kept or _family_first([first]) or one_letter_off(fold(first), _families()))
            if (near and not (_near_family(first) and spelled_as_a_name(first))) or text.isupper():
                continue
            if min(w.top for w in line) + dy >= bottom_pt or max(w.bottom for w in line) + dy <= top_pt:
                continue
            # one line, one band: a garbled word's own box can be a speck's (`Vu` 4 pt tall
            # over the ring's trace), which would set it on a line of its own in the text
            band_top = statistics.median(w.top for w in line) + dy
            band_bottom = statistics.median(w.bottom for w in line) + dy
            placed = [Word(w.text, w.x0 + dx, band_top, w.x1 + dx, band_bottom, w.conf) for w in line]
            found_name = [replace(w, text=kept if kept and i == 0 else _as_read_there(w, read or [])
                                  or _with_more_marks(w.text, i, len(line), earlier)) for i, w in enumerate(placed)]
            if not near:
                return found_name
            fallback = fallback or found_name
        earlier.extend(lines.values())
    return fallback


def _name_line_alone(crop: np.ndarray, dpi: float, y0: int, y1: int) -> tuple[np.ndarray, int, int] | None:
    """The line of letters whose core lies in rows y0..y1 of the crop, cut out alone as a
    region's line is (`line_alone`): (image, its top, its left in the crop), or None."""
    middle = (y0 + y1) / 2
    inside = [line for line in letter_lines(crop, dpi) if y0 <= (line[0] + line[1]) // 2 <= y1]
    if not inside:
        return None
    # the rows hold the name's own line and what a stroke or a ring left above or below it:
    # the name's is the one in the middle
    line = min(inside, key=lambda ln: abs((ln[0] + ln[1]) / 2 - middle))
    big = larger_than_letters((crop < 128).view(np.uint8), dpi)
    return line_alone(crop, big, line, dpi), line[2], line[4]


def _as_read_there(word: Word, read: list[Word]) -> str | None:
    """The page reading's word in the same place with the same letters and marks (`Ngân`,
    where a block reading under a signature's loops gave `Ngấn`): read in its page's light, it
    is the surer of the two."""
    for old in read:
        if overlaps(word, old) and fold(old.text) == fold(word.text) and mark_count(old.text):
            return cased_like(old.text, word.text)
    return None


def _with_more_marks(text: str, i: int, n: int, earlier: list[list[Word]]) -> str:
    """Word i of an n-word name reading, with the marks of an earlier reading of the same
    line that had the same letters there and more marks (the line alone kept `Thành` where
    the block reading, the one that got the family name right, gave `Thanh`)."""
    best = text
    for line in earlier:
        if len(line) == n and fold(line[i].text) == fold(best) and mark_count(line[i].text) > mark_count(best):
            best = line[i].text
    return best
