"""Date expressions in Vietnamese and English, found on folded text (offsets = page offsets).

`ngày 04 tháng 8 năm 2025`, `04/8/2025`, `4-8-2025`, `04.8.2025`, `August 4, 2025`,
`4 August 2025`, `October 21` (the year comes from context). OCR look-alikes in the digits
(`O`, `l`) are accepted and read as digits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dispatch_reader.extract.syllables import is_syllable

_D = r"[0-9oil]"  # folded text is lower case: o/i/l are OCR'd 0/1/1
# a month may be a 5 read as an S (`tháng Š năm 2026`, a copy of a copy): between `tháng` and
# `năm` no word is one letter
# or a 5 read as a dollar sign (`tháng $ năm 2026`, a fax) or a section sign, an 8 as an
# ampersand (`tháng § năm 2024`, `thủng & năm 2024`: faxes of a fifth augraphy set; every such
# month is flagged, confidence._figures_printed)
_M = r"[0-9oils$§&]"
# a speck after a word or a figure read as a comma (`ngày, 13 tháng 5 năm 2026` on a phone
# photo), a colon or a semicolon (`ngày: 05 tháng: 12`), or after all but `ngày` a stop (`ngày
# 05. tháng 12`; `… 30 ngày.` ends a sentence); the last two only with the year on the same
# line (`Số ngày: 12` over `Tháng 3 năm 2025` is a table's two cells)
_YEAR_ON_LINE = r"(?=[^\n]*\d{4})"
_P_DAY_WORD = rf"(?:,|[:;]{_YEAR_ON_LINE})?"
_P = rf"(?:,|[.:;]{_YEAR_ON_LINE})?"
# around `tháng`, a stamp's frame line through the date line read as dashes glued to the day and
# the month (`ngày 09-tháng-3 năm 2026`), with the year on the line
_P_MONTH_WORD = rf"(?:,|[.:;\-–—]{_YEAR_ON_LINE})?"
# and a day's or month's leading 0 read twice, once as the letter (`tháng O01`, a phone photo)
_OZ = r"(?:o(?=0[0-9]))?"
_VI_LONG = re.compile(
    rf"\bngay{_P_DAY_WORD}\s*{_OZ}(?P<d>{_D}{{1,2}}){_P_MONTH_WORD}\s*(?:thang|th\.){_P_MONTH_WORD}\s*{_OZ}(?P<m>{_M}{{1,2}}){_P}"
    rf"\s*(?:nam|n\.){_P}\s*(?:[0-9]\s+)?(?P<y>{_D}{{4}})(?!\d)"
)  # (a speck read as a figure before the year: `năm 7 2025`)
_NUMERIC_FORM = r"(?<![\d/.])(?P<d>[0-9]{1,2})\s?(?P<s>[/.\-])\s?(?P<m>[0-9]{1,2})(?P=s)\s?(?P<y>%s)(?![\d/])"
_NUMERIC = re.compile(_NUMERIC_FORM % r"(?:19|20)[0-9]{2}")
# after `ngày`, a figure OCR read as a look-alike letter (`từ ngày Ù1/10/20Z5`, a fax's start of a
# sending: the 0's top lost to a streak, the 2's curve squared; `01/9/202s`, a phone photo's 5
# with its top bar blurred off): the day word vouches for a date
_NUMERIC_AFTER_DAY_WORD = re.compile(
    r"\bngay\s+(?P<d>[0-9oilzus]{1,2})(?P<s>[/.\-])(?P<m>[0-9oilzus]{1,2})(?P=s)"
    r"(?P<y>[1il][9][0-9oilzus]{2}|[2z][0o][0-9oilzus]{2})"
    r"(?![\w/])")
_NUMERIC_LOOKALIKES = str.maketrans("oilzus", "011205")
# a hand writes the year short (`05/9/25` on a receipt stamp); print never does
_NUMERIC_SHORT_YEAR = re.compile(_NUMERIC_FORM % r"(?:19|20)[0-9]{2}|[0-9]{2}")
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_EN_MDY = re.compile(rf"\b{_MON}\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}}))?(?![0-9])")
_EN_DMY = re.compile(rf"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}}))?(?![0-9])")


@dataclass(frozen=True)
class DateHit:
    iso: str | None  # None when the parts do not make a real date
    start: int
    end: int
    has_year: bool = True


# the letters OCR reads for digits in a date (folded text is lower case)
DIGIT_LOOKALIKES = str.maketrans("oils$", "01155")
# ... and in a month's place only (`năm 202§` is a year's digit lost, not a 5)
_MONTH_LOOKALIKES = str.maketrans("oils$§&", "0115558")


def _num(text: str) -> int:
    return int(text.translate(_MONTH_LOOKALIKES))


def make_iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(folded: str, default_year: int | None = None, english: bool = False) -> list[DateHit]:
    """All date expressions in a folded text, in order, without overlaps."""
    hits: list[DateHit] = []
    for m in _VI_LONG.finditer(folded):
        hits.append(DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end()))
    for m in _NUMERIC.finditer(folded):
        hits.append(DateHit(make_iso(int(m["y"]), int(m["m"]), int(m["d"])), m.start(), m.end()))
    for m in _NUMERIC_AFTER_DAY_WORD.finditer(folded):
        if not all(m[k].isdigit() for k in ("d", "m", "y")):  # all figures: _NUMERIC's
            y, mo, d = (int(m[k].translate(_NUMERIC_LOOKALIKES)) for k in ("y", "m", "d"))
            hits.append(DateHit(make_iso(y, mo, d), m.start("d"), m.end()))
    if english:
        for rx in (_EN_MDY, _EN_DMY):
            for m in rx.finditer(folded):
                if m["mon"] == "may" and not m["y"] and rx is _EN_MDY:
                    # "may 4" without a year is as likely the verb; need a year or a capital.
                    pass
                y = int(m["y"]) if m["y"] else default_year
                iso = make_iso(y, _MONTHS[m["mon"]], int(m["d"])) if y else None
                hits.append(DateHit(iso, m.start(), m.end(), has_year=bool(m["y"])))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[DateHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def find_written_date(text: str) -> DateHit | None:
    """The first `d/m/yyyy` or `d/m/yy` date (a hand's, a two-figure year in this century)."""
    m = _NUMERIC_SHORT_YEAR.search(text)
    if m is None:
        return None
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    return DateHit(make_iso(year, int(m["m"]), int(m["d"])), m.start(), m.end())


# The date line under the motto, where OCR may garble the word "tháng" (`ngày 05 đóng 11 năm 2025`):
# day, one short word, month, "năm", year. A fax's streaks add specks read as short words: up
# to two after "ngày", one after "tháng" (`ngày ni ney 20 tháng k 10 năm 2025`); the word's
# last letter may be read as a digit (`thán8 3`), or the word be split where a mark was lost
# on a curled photo (`th „ng`). A photocopy's toner may garble `năm` as well (`ngày 25 thanh 4
# nari 2026`): `na` and a letter or two, two letters off it at most.
_SPECK = r"[^\s\d]{1,4}(?=\s)"
_VI_HEADER = re.compile(
    rf"\bngay(?:\s+{_SPECK}){{0,2}}\s*(?P<d>{_D}{{1,2}})\s+[^\s\d][^\s\d]{{1,4}}[^\s]?(?:\s+[^\s\d]{{1,3}}(?=\s))?"
    rf"\s+(?P<m>{_M}{{1,2}})\s*(?:nam|n\.|(?P<yw>na[a-z]{{1,2}})\s)\s*(?P<y>{_D}{{4}})(?!\d)"
)


# `ngày` with one letter misread, lost (`gay`, `ngy`; not `nay`, a word) or read as a speck
# (`ngà?`), `tháng` and `năm` whole: still the date line's words
_NGAY_SLIPPED = r"(?:[a-z]gay|n[a-z]ay|ng[a-z]y|nga[a-z?*]|gay|ngy)"
_VI_DAY_WORD_SLIP = re.compile(
    rf"\b{_NGAY_SLIPPED},?\s+(?P<d>{_D}{{1,2}})\s+thang\s+(?P<m>{_M}{{1,2}})\s+nam\s+"
    rf"(?P<y>{_D}{{4}})(?!\d)")


# The date line's year with its last digit lost under a stamp's stroke or a speck (`năm 202§`):
# the day, the month and the decade are read; the year must come from elsewhere. The photo that
# cut the year may garble `tháng` too (`ngày 21 páng 7 năm 202/`): a word two letters off it at
# most (`garbled`, and then only the number's own year completes it); a fax `ngày` a letter
# off (`ngav 30 thang 6 năm 202?`).
_VI_LOST_YEAR = re.compile(
    rf"\b(?:ngay|{_NGAY_SLIPPED})\s*(?P<d>{_D}{{1,2}})\s*(?P<mw>thang|th\.|[a-z]{{3,6}}(?=\s))\s*(?P<m>{_D}{{1,2}})\s*(?:nam|n\.)\s*"
    rf"(?P<y>[1il]9{_D}|2[0o]{_D})(?:[^\w\s]|[a-z](?![a-z]))(?!\d)"
)


@dataclass(frozen=True)
class LostYear:
    day: int
    month: int
    decade: str  # the year's first three digits
    start: int
    end: int
    garbled: bool = False  # `tháng` read a letter or two off

    def dated(self, year: int) -> str | None:
        """The date in `year` when that year is of the decade read."""
        return make_iso(year, self.month, self.day) if str(year)[:3] == self.decade else None


def find_lost_year(folded: str) -> LostYear | None:
    """A date line whose year lost its last digit (`ngày 05 tháng 5 năm 202§`)."""
    from dispatch_reader.places.match import edit_distance

    m = _VI_LOST_YEAR.search(folded)
    if not m or make_iso(_num(m["y"]) * 10, _num(m["m"]), _num(m["d"])) is None:
        return None
    garbled = m["mw"] not in ("thang", "th.")
    if garbled and edit_distance(m["mw"], "thang", 2) > 2:
        return None
    # `ngày` a letter off is a garbled line too: only the number's own year completes it (a
    # committee's number has none, and the grounds' latest year is no witness to so worn a line)
    garbled |= not m.group(0).startswith("ngay")
    return LostYear(_num(m["d"]), _num(m["m"]), str(_num(m["y"])), m.start(), m.end(), garbled)


@dataclass(frozen=True)
class PartialDate:
    """A date line read without its day or its year: what was read of it."""
    month: int
    year: int | None  # None: the year cut off
    start: int
    end: int
    day: int | None = None  # read, when the year was the part lost
    left: str = ""  # the year's figures the cut left (`025`, `20`), when any

    def iso(self) -> str | None:
        """The whole date, when the year was completed from the figures left of it."""
        return make_iso(self.year, self.month, self.day) if self.year and self.day else None

    def agrees(self, iso: str | None) -> bool:
        """Is `iso` a day of the month (and year) read?"""
        if not iso or int(iso[5:7]) != self.month:
            return False
        return self.year is None or int(iso[:4]) == self.year

    def missing(self) -> str:
        return "day" if self.day is None else "year"


# The date line's day filled in by hand after signing, as the number often is, and read as
# letters or as no day (`ngày OF tháng 6 năm 2021`, `ngày 4Ó`), or left blank ...
_VI_LOST_DAY = re.compile(
    rf"\bngay\s*(?:(?P<d>\S{{1,3}})\s*)?(?:thang|th\.)\s*(?P<m>{_D}{{1,2}})\s*(?:nam|n\.)\s*(?P<y>{_D}{{4}})(?!\d)"
)
# ... or its year cut off at the line's end by a copier's streak (`ngày 28 tháng 8 na`,
# `ngày 28 tháng 8 na 025`: the figures the streak left)
# (a modifier letter, `ˆ`, `˜`, is a speck after it, not a word)
_VI_CUT_YEAR = re.compile(rf"\bngay\s*(?P<d>{_D}{{1,2}})\s*(?:thang|th\.)\s*(?P<m>{_D}{{1,2}})"
                          rf"\s*n(?:am?)?\.?(?:\s*(?P<y>[0-9]{{1,3}}))?[\W\u02b0-\u02ff]*$")


def find_partial_date(folded: str, this_year: int | None = None) -> PartialDate | None:
    """A date line whose day is no day (handwritten, or blank), or whose year was cut off:
    the month and what else was read. Only where no date was read: `ngày 07 tháng 6 năm
    2021` matches too. A word in the day's place is no handwriting (`ngày hội tháng 9`)."""
    m = _VI_LOST_DAY.search(folded)
    if m and make_iso(_num(m["y"]), _num(m["m"]), 1) is not None and not (m["d"] and is_syllable(m["d"])):
        return PartialDate(_num(m["m"]), _num(m["y"]), m.start(), m.end())
    m = _VI_CUT_YEAR.search(folded)
    if m and make_iso(2000, _num(m["m"]), _num(m["d"])) is not None:
        return PartialDate(_num(m["m"]), _completed_year(m["y"], this_year), m.start(), m.end(), _num(m["d"]),
                           m["y"] or "")
    return None


def _completed_year(tail: str | None, this_year: int | None = None) -> int | None:
    """The year `tail`'s three figures are with one figure lost, anywhere (`025` → 2025, an
    edge's cut; `220` → 2020, a worn 0 between its neighbours), when exactly one such year is
    a possible one (`202` fits 2002, 2012, 2022: none); fewer figures fit too many."""
    if not tail or len(tail) != 3:
        return None
    last = (this_year or dt.date.today().year) + 1
    fits = {int(tail[:i] + d + tail[i:]) for i in range(4) for d in "0123456789"}
    fits = [y for y in fits if FIRST_YEAR <= y <= last]
    return fits[0] if len(fits) == 1 else None


# ... and on a fax every word of it garbled, `ngày` and `năm` too (`neav 15 thủng 5 nam 2026`,
# `nưày 27 thủng 3 nàn 2026`, a speck after it read as a comma: `ngà, 29 tháng 4`, or apart from
# it: `ném : 2026`, a copier's faint toner): still the
# place's comma, then words a letter or two off `ngày`, `tháng` and `năm` around the day, the
# month and the year
_VI_HEADER_GARBLED = re.compile(
    rf"(?:(?<=[,\s])|^)\s*(?P<dw>n[a-z]{{2,3}})(?:\s?[.,:;])?\s+(?P<d>{_D}{{1,2}})\s+(?P<mw>[a-z]{{3,6}})\s+(?P<m>{_D}{{1,2}})\s+"
    rf"(?P<yw>[a-z]{{2,3}})(?:\s?[.,:;])?\s+(?P<y>{_D}{{4}})(?!\d)"
)


def date_figures(folded: str) -> list[tuple[str, str, str]]:
    """(date, the day as read, the month as read) of each Vietnamese date line's reading in a
    folded line: `05`, `o5`, `§`, as the page gave them."""
    out = []
    for rx in (_VI_LONG, _VI_HEADER, _VI_HEADER_GARBLED, _VI_DAY_WORD_SLIP):
        for m in rx.finditer(folded):
            iso = make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"]))
            if iso:
                out.append((iso, m["d"], m["m"]))
    return out


def find_header_dates(folded: str) -> list[DateHit]:
    """Dates of the header's date line that `find_dates` misses because OCR garbled `tháng`, or
    one letter of `ngày` with `tháng` and `năm` read whole (`Hada pgay 04 tháng 4 năm 2026`)."""
    from dispatch_reader.places.match import edit_distance

    hits = [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end())
            for m in _VI_HEADER.finditer(folded) if not m["yw"] or edit_distance(m["yw"], "nam", 2) <= 2]
    return hits or [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end())
                    for m in _VI_DAY_WORD_SLIP.finditer(folded)]


# a stamp's scraps read between the date line's words (`ngày 05 tháng 5 by năm ras Y 2026`): at
# most two words of at most three letters after the month and after `năm`
_SCRAPS = r"(?:\s+[^\s\d]{1,3}){0,2}"
_VI_THROUGH_SCRAPS = re.compile(
    rf"\bngay\s*(?P<d>{_D}{{1,2}})\s+thang\s+(?P<m>{_M}{{1,2}})(?P<s1>{_SCRAPS})\s+nam(?P<s2>{_SCRAPS})\s+(?P<y>{_D}{{4}})(?!\d)"
)


def find_date_through_scraps(folded: str) -> list[DateHit]:
    """A date line whose words are whole but a stamp's scraps stand among them, after the month
    or after `năm`. Whether the words before are a place is the caller's to judge."""
    return [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end())
            for m in _VI_THROUGH_SCRAPS.finditer(folded) if m["s1"] or m["s2"]]


def find_garbled_date_line(folded: str) -> list[DateHit]:
    """A fax's date line with `ngày`, `tháng` and `năm` all garbled, each word at most two
    letters off (`năm` one: a copy of a copy's `tăm`), a speck after a word (`ngày. 29 tháng 4
    năm: 2026`). Whether the words before are a place is the caller's to judge: `nhóm 2 lớp 5
    năm 2026` reads like this too."""
    from dispatch_reader.places.match import edit_distance

    return [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end())
            for m in _VI_HEADER_GARBLED.finditer(folded)
            if edit_distance(m["dw"], "ngay", 2) <= 2 and edit_distance(m["mw"], "thang", 2) <= 1
            and edit_distance(m["yw"], "nam", 1) <= 1]


# ... and, where ink and paper wore the words themselves past two letters (`Hà Nội, Py 1s han 5
# năm 2026`, `VI Nội, ngài 05 thé 5 năm 2026`), the line's skeleton: a short word, the day
# (a figure in it read as its look-alike letter), a short word, the month, `năm` and the year
_VI_HEADER_SKELETON = re.compile(
    rf"(?:(?<=[,\s])|^)\s*(?P<dw>[a-z]{{1,5}})[.,:;]?\s+(?P<d>[0-9oils]{{1,2}})\s+(?P<mw>[a-z]{{2,6}})\s+"
    rf"(?P<m>{_M}{{1,2}})\s+(?P<yw>[a-z]{{2,4}})[.,:;]?\s+(?:\d\s+)?(?P<y>{_D}{{4}})(?!\d)"
)  # (a speck read as a figure before the year: `xám 2 2022`)


def find_date_skeleton(folded: str) -> list[DateHit]:
    """A date line whose `ngày` and `tháng` are worn past the other readers (above), one of
    them still two letters off at most, `năm` whole or a letter off, the day and the month each
    holding a real figure or the month one look-alike (`$`): `nhóm 2 lớp 5 năm 2026` is no
    date, nor is `sinh 12 tháng 5 năm 1980` (`tháng` read whole, and the word before the day
    another word than a worn `ngày`). Whether it is the header's date line, after a place and its comma, is
    the caller's to judge; a date so read is a guess to check (confidence.repairs)."""
    from dispatch_reader.places.match import edit_distance

    return [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), m.start(), m.end())
            for m in _VI_HEADER_SKELETON.finditer(folded)
            if edit_distance(m["yw"], "nam", 1) <= 1 and re.search(r"\d", m["d"])
            and (re.search(r"\d", m["m"]) or m["m"] in ("s", "$"))
            and (_worn_ngay(m["dw"]) or (m["mw"] != "thang" and edit_distance(m["mw"], "thang", 2) <= 2))]


def _worn_ngay(word: str) -> bool:
    """`ngày` two letters off at most, as read or with a look-alike put back (`rigav`: `ri`
    for `n`, data/glyph_lookalikes.tsv)."""
    from dispatch_reader.extract.lookalikes import lookalike_variants
    from dispatch_reader.places.match import edit_distance

    return any(edit_distance(w, "ngay", 2) <= 2 for w in (word, *lookalike_variants(word)))


# A date line whose start a phone photo's edge cut off (`Hà Nội, ngà` gone): what is left of
# `ngày` (`iy`, `y`) opens the line, `tháng` and `năm` whole, the year ends it.
_VI_CUT_START = re.compile(
    rf"^\W{{0,3}}(?P<dw>[a-z]{{1,2}})\s+(?P<d>{_D}{{1,2}})\s+thang\s+(?P<m>{_D}{{1,2}})\s+nam\s+(?P<y>{_D}{{4}})\W{{0,2}}$"
)


# what a cut leaves of `ngày`: its `y`, with its `à` before it as read (`iy`); a word of two
# letters ending so (`Kỳ 1`, `ký 3`, `Ty`) is a word's, and `tu` a sentence's `từ`
_NGAY_TAILS = frozenset({"y", "ay", "iy", "ey", "oy"})


def find_cut_date_line(folded: str) -> list[DateHit]:
    """A date line (alone, folded) whose start was cut off, down to the last letters of `ngày`
    (`iy 28 tháng 12 năm 2022`). Where it is the header's is the caller's to judge; a guess to
    check."""
    m = _VI_CUT_START.match(folded.strip())
    if m is None or m["dw"] not in _NGAY_TAILS:
        return []
    lead = len(folded) - len(folded.lstrip())
    return [DateHit(make_iso(_num(m["y"]), _num(m["m"]), _num(m["d"])), lead + m.start(), lead + m.end())]


# The first year a document of the Democratic Republic could bear; the last is next year.
FIRST_YEAR = 1945


def mend_year(iso: str, witness: str | None = None, this_year: int | None = None) -> str | None:
    """An OCR'd date whose year cannot be (`2925-03-01`: a 0 read 9), with the year one digit
    off it that can: the year the document's number carries (`…/2025/NĐ-CP`) when it is a
    figure or two off, else the only year in range one figure off. The date unchanged when its
    year is possible; None when no single year mends it."""
    year = int(iso[:4])
    last = (this_year or dt.date.today().year) + 1
    if FIRST_YEAR <= year <= last:
        return iso

    def figures_off(candidate: int) -> int:
        return sum(a != b for a, b in zip(f"{candidate:04d}", f"{year:04d}"))

    # the number's year, a figure or two off the one read (`năm 2037` on a phone photo of
    # `25/2022/TT-…`): a document is numbered in the year it is signed
    witnessed = bool(witness and witness.isdigit() and FIRST_YEAR <= int(witness) <= last
                     and figures_off(int(witness)) <= 2)
    found = [int(witness or 0)] if witnessed else [c for c in range(FIRST_YEAR, last + 1) if figures_off(c) == 1]
    if len(found) != 1:
        return None
    return make_iso(found[0], int(iso[5:7]), int(iso[8:10]))
