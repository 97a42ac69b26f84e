"""How sure the tool is of each header fact read from an OCRed page: a confidence that means
something (issue 11, point 3).

A page's mean word confidence says 0.94 on a photocopy whose signer line is half black, so it
cannot tell a reader which facts to check. A fact's confidence here comes from the fact itself:

- the OCR words of its quote (the printed line it was read from), found on the page: the least
  sure of them, and how closely they spell the quote (a line rebuilt from fragments is doubtful);
- whether the value is a possible one: a name of Vietnamese syllables opening with a family
  name; a number whose type part is a type abbreviation and agrees with the document's type;
  a date of this century; a body name or subject of real syllables.

The raw score is then mapped through a per-field calibration (data/confidence.json, made by
`bench/calibrate.py` on the office-grade variants) so that one line means one thing for every
field: a fact at or above CONFIDENT (0.80, the briefs' and exports' line) was read right at
least 95 % of the time on the variants; below it the reader is asked to check it.
Text-layer facts keep no confidence (None): they are what the file says.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from dispatch_reader import family_names
from dispatch_reader.extract.datefmt import (DIGIT_LOOKALIKES, date_figures, find_cut_date_line, find_date_skeleton,
                                             find_date_through_scraps, find_dates,
                                             find_garbled_date_line, find_header_dates)
from dispatch_reader.extract.docnumber import FILLED_IN, SYMBOL_RUNS_ON
from dispatch_reader.extract.namefix import listed_spellings
from dispatch_reader.extract.selfcite import ANNEX_SUBHEAD
from dispatch_reader.extract import textutil
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.extract.wordboxes import find_words, value_words
from dispatch_reader.extract.wordconf import DOUBTFUL_WORD
from dispatch_reader.ingest.pages import PageText, Word
from dispatch_reader.ingest.vietnamese import is_syllable as loosely_a_syllable
from dispatch_reader.record import DocumentFacts, Evidence, Facts, Secondment
from dispatch_reader.textnorm import fold

CONFIDENT = 0.80  # the line: at or above, read right >= 95 % of the time (messages.LOW_CONFIDENCE)
FIELDS = ("doc_type", "number", "issuer", "issued_date", "place", "subject", "signer")

_TOKEN = re.compile(r"[^\W_]+(?:[/.-][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(unicodedata.normalize("NFC", text or ""))]


def _word_tokens(words: Sequence[Word]) -> list[tuple[str, float]]:
    out = []
    for w in words:
        if w.conf is None:
            continue
        for t in _tokens(w.text):
            out.append((t, w.conf))
    return out


def quote_reading(page: PageText, quote: str) -> tuple[float, float] | None:
    """(the lowest OCR confidence among the words of `quote` on `page`, how closely those words
    spell it 0..1), or None when the page was not OCRed or has no words."""
    if page.method != "ocr" or not page.words:
        return None
    target = _tokens(quote)[:40]  # a long subject: its opening is enough
    words = _word_tokens(page.words)
    if not target or not words:
        return None
    want = " ".join(target)
    firsts = set(target)
    best: tuple[float, float] = (0.0, 0.0)
    n = len(target)
    for i, (tok, _) in enumerate(words):
        if tok not in firsts:
            continue  # a window starts at a word of the quote
        for start in (i - target.index(tok), i):  # the quote's first use of the word, or this one
            window = words[max(start, 0):max(start, 0) + n]
            ratio = SequenceMatcher(None, want, " ".join(t for t, _ in window), autojunk=False).ratio()
            if ratio > best[1]:
                best = (min(c for _, c in window), ratio)
    if best[1] == 0.0:
        return 0.0, 0.0
    return best


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in family_names.listed())


def _unnamed_spelling(word: str) -> bool:
    spellings = listed_spellings(word)
    return bool(spellings) and word.casefold() not in spellings


def _syllable_share(text: str) -> float:
    """Share of the letters-only words of `text` that are possible Vietnamese syllables."""
    words = [w for w in re.findall(r"[^\W\d_]+", text or "") if len(w) > 1 or w.isalpha()]
    if not words:
        return 0.0
    return sum(is_syllable(w) for w in words) / len(words)


# A sending's unit or job read by OCR with letters no Vietnamese word has, or a sign no unit
# prints (`Sở ated Công`, `SỐ HỘ ward dựng`, `Việc lam, S° „in nế` from a photocopy's table; a
# tester found such rows unmarked): the row's confidence, under every line, so it is checked.
ODD_TEXT = 0.45
_ODD_SIGN = re.compile(r"[°„*#|~^¥§]")


def odd_text(text: str) -> bool:
    """A word in small letters that is no Vietnamese syllable, its marks lost or not (`ated`,
    `ward`), or a stray sign. A capital opens names and abbreviations no syllable list holds
    (`Ea Súp`, `Pleiku`, `Viettel`, `UBND`, `Phòng B`); figures (`Đội 2B`) and an apostrophe
    (`Cư M’gar`) are a name's too: a reviewer found 137 official communes' names flagged by
    a first rule that asked every word to be a syllable."""
    if _ODD_SIGN.search(text):
        return True
    small_before = False
    for token in text.split():
        if any(c.isdigit() or c in "'’" for c in token):
            continue
        for part in re.findall(r"[^\W\d_]+", token):
            if part[0].islower() and not loosely_a_syllable(part):
                return True
            # a word in capitals with a vowel's mark after one in small letters (`Sở pong TÔ chức`,
            # `chính quyên, SỐ HỘ`): a row's words from two lines mixed; an abbreviation has no
            # such mark (`Văn phòng HĐND và UBND`)
            if small_before and len(part) > 1 and part.isupper() and _vowel_marked(part):
                return True
            small_before = part[0].islower()
    return False


def _vowel_marked(word: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


def _doubt(s: Secondment) -> None:
    """The sending's confidence under every line (ODD_TEXT), never raised."""
    conf = s.evidence.confidence
    s.evidence.confidence = min(conf if conf is not None else 1.0, ODD_TEXT)


def doubt_lost_cells(secondments: Sequence[Secondment], read: set[int]) -> None:
    """Lower the confidence of a named sending read from an OCRed page that lacks its
    destination or its sending unit where most named sendings of the document have it: a
    row's cells lost to a copy's damage (a tester found `Phạm Quốc Khánh: ? → ?` unmarked, and
    the destination's commune gone from the summary without a word)."""
    named = [s for s in secondments if s.person]
    for field in ("to_unit", "from_unit"):
        having = sum(1 for s in named if getattr(s, field))
        if having * 2 <= len(named):
            continue
        for s in named:
            if s.evidence.page in read and not getattr(s, field):
                _doubt(s)


def odd_name(name: str) -> bool:
    """A person's name whose family name is on no list (`Sting Thị Mỷ`: OCR's `Sùng`). Given
    names are not asked to be syllables: the Central Highlands' are not (`Y Bih Niê`, `Ksor
    H'Bla`), and a rare one spelled right is none to doubt (`Vần`, `Thưởng`). A family name
    written as a prefix (`H'Hen Niê`) is that prefix's."""
    parts = name.split()
    if not parts:
        return False
    return parts[0].casefold() not in _family_names() and not family_names.prefixed(parts[0])


def doubt_odd_names(secondments: Sequence[Secondment], read: set[int]) -> None:
    """Lower the confidence of each named sending read from an OCRed page whose name is odd
    (`odd_name`): a summary passed `Sting Thị Mỷ` on unmarked, read at the page's 0.93."""
    for s in secondments:
        if s.person and s.evidence.page in read and odd_name(s.person):
            _doubt(s)


def doubt_odd_sendings(secondments: Sequence[Secondment], read: set[int]) -> list[Secondment]:
    """Lower the confidence of each sending read from an OCRed page (`read`) whose unit or job
    holds odd text (`odd_text`); return those whose sending unit does (it names no place)."""
    odd_units = []
    for s in secondments:
        if s.evidence.page not in read:
            continue
        unit_odd = bool(s.from_unit) and odd_text(s.from_unit or "")
        if unit_odd or (s.position and odd_text(s.position)):
            _doubt(s)
        if unit_odd:
            odd_units.append(s)
    return odd_units


def plausibility(field: str, doc: DocumentFacts) -> float:
    """1.0 when the value is a possible one for its field, less when it is odd, 0 when it
    cannot be right (a date in 1925 or next decade)."""
    if field == "number":
        from dispatch_reader.extract.docnumber import HEADER_NUMBER, clean_number, type_of_number, year_slipped

        m = HEADER_NUMBER.search(f"Số: {doc.number or ''}")
        dn = clean_number(m) if m else None
        if dn is None or year_slipped(dn):
            return 0.3
        kind = type_of_number(dn)
        if kind is None:
            return 1.0 if doc.doc_type == "official_dispatch" else 0.8
        return 1.0 if kind == doc.doc_type else 0.6
    if field == "issued_date":
        year = int((doc.issued_date or "0")[:4] or 0)
        if not 1990 <= year <= 2035:
            return 0.0
        # a document is numbered in the year it is signed: a date line read with another year
        # than the number's (`nặu, 2022` over `06/2023/TT-BLĐTBXH`, a phone photo) is one of the
        # two misread, and the date is to be checked
        numbered = re.match(r"\d+/((?:19|20)\d\d)/", doc.number or "")
        return YEARS_DISAGREE if numbered and int(numbered[1]) != year else 1.0
    if field == "signer":
        name = doc.signer.name if doc.signer else None
        parts = (name or "").split()
        if not 2 <= len(parts) <= 6:
            return 0.3
        if parts[0].casefold() not in _family_names():
            return 0.5
        if not all(is_syllable(p) for p in parts):
            return 0.6
        # a spelling no name has where the same letters with other marks are a name's (`Mĩnh`: a
        # speck read as a tilde over `Minh`; also a rare name read right, `Vần`): to check
        return 0.6 if any(_unnamed_spelling(p) for p in parts[1:]) else 1.0
    if field == "subject" and _WRITTEN_DATE.search(doc.subject or ""):
        return 0.5  # a date with a two-figure year amid the wording: a receipt's handwriting over it
    if field == "issuer" and _MINISTRY.match(doc.issuer or ""):
        from dispatch_reader.extract.issuer_snap import snap_department

        # the ministries are a closed list: one named otherwise is a name misread (`Bộ Dau tu`,
        # a phone photo of `BỘ KẾ HOẠCH VÀ ĐẦU TƯ`, whose words were read surely)
        if snap_department(doc.issuer, central=True) != doc.issuer:
            return 0.5
    if field == "place" and doc.place:
        from dispatch_reader.extract.issuer_snap import is_known_place

        # a date line names where the body sits: a province, a commune or ward, a city (today's
        # or one merged in 2025); a place on none of the lists is most often one read a letter
        # off (`Lạng Sơm` under a stamp's frame, a letter on the frame's line), each of its
        # words a syllable still
        if not is_known_place(doc.place):
            return UNLISTED_PLACE
    if field in ("issuer", "place", "subject"):
        share = _syllable_share(getattr(doc, field) or "")
        return 1.0 if share >= 0.95 else 0.8 if share >= 0.85 else 0.5
    return 1.0


# a date written short (`57/09/25`, `25/9`): how a clerk dates a receipt by hand; printed
# wording writes a year whole (`15/10/2020`, `năm 2025`)
_WRITTEN_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2})?(?![\d/])")


_MINISTRY = re.compile(r"Bộ\s")  # a ministry's name, as the record writes it (`Bộ Tài chính`)
REPAIRED = 0.6  # a value the tool respelled (marks restored, a symbol mended): a guess to check
BARE_NAME = 0.7  # a signer's name read without its title (a seal over it): the line may be another
# a number line OCR found specks on before `Số:` (`“$6: 98/TB-VPUBND`): a receipt stamp's
# frame or its handwritten figures cross it, and a digit beneath may be misread (95 → 98).
# Under every field's calibrated line (bench/calibrate.py never sets one below 0.5).
OVERPRINTED = 0.45
# a date line's place on no list of places (plausibility): under the place's calibrated line
UNLISTED_PLACE = 0.45
# a number whose symbol was mended from the document's type and issuer: the page did not say it
MENDED = 0.45
YEARS_DISAGREE = 0.45  # the date's year is not the number's: under every calibrated line, as MENDED
# a header number an annex cites with other figures (selfcite.annex_disagrees): one is misread
DISPUTED = 0.45
# a name read from a page scanned this coarse or coarser (dpi, across or down, whole): a fax's
# rows at 100 dpi hold a tone mark in a pixel or two, and a name's marks are no word's to check
# them by (`Lường` read `Lương`, `Đỗ` read `Hồ`, at Tesseract's full confidence); a 150-dpi
# office scan's little better (a name's tone lost at Tesseract's full confidence); under every
# line (`textutil.names_unsure`; only a fax's are read as coarse by the names' mending:
# `textutil.coarse_scan`).
COARSE_DPI = textutil.COARSE_DPI
COARSE = 0.45


# the year a Vietnamese date line prints (folded: `năm 2025`, `năm 2O25`, `năm 202§`): after its
# month (`tháng 3 năm 2032`), or after `năm` ending the line where a fax garbled `tháng` (`thủng 3`)
_YEAR_PRINTED = re.compile(r"\bthang\s*\S{1,2}\s*nam\s*(\S{3,4})|\bnam\s+(\d\S{2,3})\s*$")


# A date line prints a day under 10, and the months 1 and 2, with a 0 before them (`ngày 05
# tháng 02`, Decree 30/2020/NĐ-CP): a lone figure there is a digit lost as often as not (`ngày
# 1 thàng 6` for the 15th, `ngày 1 thane 02` for the 19th, two faxes of a fifth augraphy set)
_LONE_FIGURE = re.compile(r"\bngay\s*[.:,]?\s*[1-9](?![\w/])|\bthang\s*[.:,]?\s*[12](?![\w/])")


# types printed with no title of their own: a letter's subject is its `V/v …` line
_UNTITLED = frozenset({None, "official_dispatch", "other"})


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or "")).casefold()


def _folded(text: str) -> str:
    from dispatch_reader.textnorm import fold

    return re.sub(r"[\W_]+", "", fold(text or ""))


def repairs(field: str, doc: DocumentFacts, ev: Evidence) -> float:
    """A cap for a value that is not what the page says word for word, or stands alone."""
    if field in ("number", "issued_date") and ANNEX_SUBHEAD.match(fold(ev.quote or "")):
        # the header lost it; an annex's heading citing the document gave it: told, not read
        return MENDED
    if field == "signer" and doc.signer and doc.signer.name:
        cap = 1.0 if _squeezed(doc.signer.name) in _squeezed(ev.quote) else REPAIRED
        return min(cap, 1.0 if doc.signer.title else BARE_NAME)
    if field == "number" and doc.number:
        if re.match(r"[\W_]", ev.quote or ""):
            return OVERPRINTED  # specks before `Số:`: something is printed across the line
        if FILLED_IN.search(ev.quote or ""):
            return OVERPRINTED  # figures apart from the symbol: written into the blank by hand
        quote, read = _squeezed(ev.quote), _squeezed(doc.number)
        at = quote.find(read)
        zero_added = at < 0 and re.match(r"0\d/", read) is not None and quote.find(read[1:]) >= 0
        if zero_added:
            # a number below 10 read without its 0 (`Số: 2/2023/…`): the 0 is the tool's, and a
            # figure before the one read may be lost with it (`12`, `22`)
            read = read[1:]
            at = quote.find(read)
        if at > 0 and quote[at - 1].isalpha() and ":" in quote[:at]:
            # letters glued before the figures, past the label (`Số: tJ2/2023/…` for `02`): a
            # figure read as letters, the number's lead maybe lost with it
            return OVERPRINTED
        if at >= 0 and SYMBOL_RUNS_ON.match(quote[at + len(read):]):
            return OVERPRINTED  # letters glued after it (`TB.I.PQT`): the symbol read past parsing
        if at > 0 and ":" in quote[:at] and re.search(r"\d", quote[:at].split(":", 1)[1]):
            # figures between the label and the number (`Số: 28/202 21/T 1/TT-BL…`, a curled
            # photo's line read in overlapping pieces): the number is one of the pieces
            return OVERPRINTED
        if at >= 0:
            return MENDED if zero_added else 1.0
        from dispatch_reader.extract.docnumber import find_header_number

        # respelled part by part from the data (`QD` → `QĐ`), or a symbol the type and
        # issuer prescribed in place of what was read (`28/2026/TT` → `TT-BKHCN`): a guess
        read = find_header_number(ev.quote or "")
        return REPAIRED if read is not None and read[0].text == doc.number else MENDED
    if field == "doc_type" and _folded(ev.quote).startswith("kinhgui"):
        # told by the letter's `Kính gửi:`, its title and number unread: a guess
        return MENDED
    if field == "issued_date" and doc.issued_date:
        # a year other than the one the date line holds (`năm 2925` mended, `năm 202§` taken from
        # elsewhere); a date written without a year (`On October 21`) is dated by its context
        line = fold(ev.quote or "")
        printed = _YEAR_PRINTED.search(line.strip())
        if printed and printed[printed.lastindex or 1].translate(DIGIT_LOOKALIKES) != doc.issued_date[:4]:
            return MENDED
        # a day or month printed with its 0 and read without it (a digit lost?)
        if _LONE_FIGURE.search(line.lower()):
            return MENDED
        if not _figures_printed(line.lower(), doc.issued_date):
            # the day or month read from something other than its figures, in its place: a
            # look-alike letter (`tháng Š`: a 5? an 8?, `ngày O5`, `thủng &`)
            return MENDED
        if "thang" in line and doc.issued_date[:4] not in line.translate(DIGIT_LOOKALIKES):
            return MENDED  # a date line's year completed from the figures left of it (`na 025`)
        if _only_its_skeleton(line, doc.issued_date):
            return MENDED  # read from the line's skeleton, its words worn past reading (`Py 1s han 5`)
    if field == "subject" and doc.subject and doc.doc_type_label is None and doc.doc_type not in _UNTITLED:
        # a type printed under a title, the title not read (a stamp over it): the subject was
        # told by where it stands
        return REPAIRED
    if field == "place" and doc.place:
        # letters the date line does not hold (`là. Phong` → Tân Phong, `arta ® Nội` → Hà
        # Nội) are the tool's, a guess under every calibrated line; marks restored are not counted
        return 1.0 if _folded(doc.place) in _folded(ev.quote) else MENDED
    return 1.0


def _figures_printed(folded: str, iso: str) -> bool:
    """Whether a Vietnamese date line holds the day's and the month's figures as figures, in
    their places (a line of another form, or no date line, is not judged)."""
    if "ngay" not in folded and "thang" not in folded:
        return True
    read = [(day, month) for found, day, month in date_figures(folded) if found == iso]
    if read:
        return any(day.isdigit() and month.isdigit() for day, month in read)
    _, month, day = (int(part) for part in iso.split("-"))
    return all(re.search(rf"(?<!\d)0?{value}(?!\d)", folded) for value in (day, month))


def _only_its_skeleton(folded: str, iso: str) -> bool:
    """Is `iso` in a date line only as its skeleton reads it (datefmt.find_date_skeleton)?"""
    readers = (find_dates, find_header_dates, find_garbled_date_line)
    return not any(hit.iso == iso for read in readers for hit in read(folded)) \
        and any(hit.iso == iso for read in (find_date_skeleton, find_cut_date_line, find_date_through_scraps)
                for hit in read(folded))


def _own_words(field: str, quote: str) -> str:
    """The words of `quote` the field was read from: a place, the date line's words before
    `ngày` (its figures, crossed by a stamp's pen or not, are the date's)."""
    if field == "place":
        at = re.search(r"\bngay\b", fold(quote).lower())
        if at and quote[:at.start()].strip(" ,.;:"):
            return quote[:at.start()]
    return quote


def raw_confidence(field: str, doc: DocumentFacts, ev: Evidence, page: PageText) -> float | None:
    reading = quote_reading(page, _own_words(field, ev.quote))
    if reading is None:
        return None
    low, ratio = reading
    cap = repairs(field, doc, ev)
    if field == "signer" and textutil.names_unsure(page.scan_dpi):
        cap = min(cap, COARSE)
    if field == "signer" and _title_doubted(doc, ev, page):
        cap = min(cap, REPAIRED)
    if field == "issuer" and doc.issuer and ev.start is not None:
        # snapped to a body's name, completed from the e-signature box, read by its shape:
        # letters the issuer's lines do not hold, in order, are the tool's, not the page's
        lines = "\n".join(page.text[ev.start:].split("\n")[:4])
        cap = min(cap, 1.0 if _in_order(_folded(doc.issuer), _folded(lines)) else REPAIRED)
    return min(low, ratio, plausibility(field, doc), cap)


def _title_doubted(doc: DocumentFacts, ev: Evidence, page: PageText) -> bool:
    """Was the signer's title or signing authority, the one nearest the name, read with a
    doubtful word? Under a black seal it may be the listed wording a reading was a letter or two
    from (ingest/signing.py, its words at the reading's least sure word's confidence): the row
    shows both, so it is to be checked."""
    if not (doc.signer and (doc.signer.title or doc.signer.authority)):
        return False
    name = find_words(page, ev)
    return any(w.conf is not None and w.conf < DOUBTFUL_WORD
               for value in (doc.signer.title, doc.signer.authority) if value
               for w in value_words(page, value, name))


def _in_order(letters: str, text: str) -> bool:
    it = iter(text)
    return all(c in it for c in letters)


@lru_cache(maxsize=1)
def _calibration() -> dict[str, float]:
    """field → the raw score at and above which facts of that field were read right >= 95 %
    of the time (data/confidence.json, from bench/calibrate.py)."""
    text = resources.files("dispatch_reader.extract").joinpath("data/confidence.json").read_text("utf-8")
    return {k: float(v) for k, v in json.loads(text)["thresholds"].items()}


def calibrated(field: str, raw: float) -> float:
    """`raw` mapped piecewise-linearly so that the field's threshold lands on CONFIDENT."""
    t = max(_calibration().get(field, CONFIDENT), 0.01)
    if t < 1 and raw >= t:
        return round(CONFIDENT + (1 - CONFIDENT) * (raw - t) / (1 - t), 3)
    # below the line; a field never read right often enough (t >= 1) is never confident
    return round(min(CONFIDENT * raw / t, CONFIDENT - 0.001), 3)


def _evidence_of(field: str, doc: DocumentFacts) -> Evidence | None:
    if field == "signer":
        return doc.evidence.get("signer") if doc.signer and doc.signer.name else None
    if getattr(doc, field, None) is None:
        return None
    return doc.evidence.get(field)


def rate_header(pages: Sequence[PageText], facts: Facts) -> None:
    """Set each OCR-read header fact's evidence confidence from its own words and value, in
    place of the page's mean (which says 0.94 on a page whose signer line is lost)."""
    by_number = {p.number: p for p in pages}
    doc = facts.document
    for field in FIELDS:
        ev = _evidence_of(field, doc)
        page = by_number.get(ev.page) if ev else None
        if ev is None or page is None:
            continue
        raw = raw_confidence(field, doc, ev, page)
        if raw is None:
            continue
        ev.confidence = calibrated(field, raw)
