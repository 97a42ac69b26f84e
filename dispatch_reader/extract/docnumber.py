"""Document numbers and symbols: `123/QĐ-UBND`, `170/2025/NĐ-CP`, `1335/UBND-NC`.

A number is digits, an optional year, then a symbol of upper-case parts joined by `-`
(the type abbreviation first, when the document type has one). OCR puts spaces around the
slashes and confuses `0`/`O`, `1`/`l`; the cleaner takes those out and restores `Đ` where
a part cannot be anything else (data file number_fixes.tsv).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.lookalikes import lookalike_variants

_PART = r"[A-ZĐĐa-zđ][A-ZĐa-zđ0-9&]*|\d+[A-ZĐ][A-ZĐa-zđ0-9&]*"
# OCR reads 0 as O and 1 as l or I inside digit runs; a run must hold one real digit.
_NUM = r"[0-9][0-9OoIl]*(?:[.,][0-9]+)?[a-z]?|[OoIl][0-9][0-9OoIl]*"
_YEAR = r"(?:[1l][9]|[2][0Oo])[0-9OoIl]{2}"
_SP = r"[ ]?"
# a header's year with a figure misread, or a speck read as a space inside it (`15/302 6/NQ-CP`
# for `15/2026`): taken so that the number is not cut to `6/NQ-CP`; the issue date mends it
_SLIPPED_YEAR = r"[0-9]{4}|[0-9]{3} [0-9]|[0-9] [0-9]{3}|[0-9]{2} [0-9]{2}"

# a symbol's hyphen in a header, as printed or as a phone photo's blur reads it low on the line
# (`116/NQ„CP`)
_HYPHEN = "[-–„]"
# Header form: tolerate single spaces around '/' and '-' (`12 /QĐ - UBND`).
HEADER_NUMBER = re.compile(
    rf"(?P<num>{_NUM})?{_SP}/{_SP}(?:(?P<year>{_YEAR}|{_SLIPPED_YEAR}){_SP}/{_SP})?"
    rf"(?P<sym>(?:{_PART})(?:{_SP}{_HYPHEN}(?:{_SP}{_HYPHEN})*{_SP}(?:{_PART}))*(?:/(?:{_PART})(?:{_HYPHEN}(?:{_PART}))*)*)"
)
# Body form: no spaces inside (a space there usually ends the number), except a line break
# or one space after a hyphen where the symbol was wrapped (`170/2025/NĐ-\nCP`).
_JOIN = r"[-–](?:\n|[ ](?=[A-ZĐ]{2}))?"
BODY_NUMBER = re.compile(
    rf"(?<![\w/:])(?P<num>{_NUM})/(?:(?P<year>{_YEAR})/)?"
    rf"(?P<sym>(?:{_PART})(?:{_JOIN}(?:{_PART}))*(?:/(?:{_PART})(?:[-–](?:{_PART}))*)*)(?![\w])"
)
# Party documents put the type after a hyphen: `488-QĐ/TU`, `12-NQ/TW`, `214-QĐ/BTCTU`.
PARTY_NUMBER = re.compile(r"(?<![\w/:])(?P<num>\d{1,5})-(?P<type>[A-ZĐ]{1,5})/(?P<sym>[A-ZĐ]{1,6}(?:-[A-ZĐ]{1,6})*)(?![\w])")
# The same in a header line, where OCR may put spaces around the marks and slip digits.
_HEADER_PARTY = re.compile(
    r"(?P<num>[0-9][0-9OoIl]{0,4}|[OoIl][0-9][0-9OoIl]{0,3}) ?[-–] ?(?P<type>[A-ZĐ][A-ZĐa-z]{0,4}) ?/ ?"
    r"(?P<sym>[A-ZĐ]{1,8}(?:[-–][A-ZĐ]{1,8})*)(?![\w])")


# a number's figures standing apart from its symbol (`Số: 445 /NQ-CP`): the template left a blank
# before the slash and the figures were written into it by hand after signing, and handwriting
# is read wrong more often than print (115 read 445 on a Gazette scan). No clean copy of the
# samples' or the real texts' office variants reads a number so (190 OCR'd documents).
FILLED_IN = re.compile(r"\d\s+/")


# a register's numbers restart every year; the busiest (a city tax office's công văn) run to
# six digits. More is a stamp's handwritten figures run into the number (`5621702` for `1702`).
MAX_NUMBER_DIGITS = 6


# The Official Gazette's issue line on every page (`CÔNG BÁO/Số 601 + 602/Ngày 07-5-2024`): its
# `602/Ngày` is no document's number, where a phone photo set `CÔNG BÁO` on a line apart
_GAZETTE_ISSUE = re.compile(r"(?i)ng(?:[aàá]y\b|$)")  # `Ng`: the symbol's letters stop at the accent of `Ngày`


@dataclass(frozen=True)
class DocNumber:
    text: str  # cleaned, no spaces: 123/QĐ-UBND
    number: str | None
    year: str | None
    parts: tuple[str, ...]  # symbol parts: ("QĐ", "UBND")


@lru_cache(maxsize=1)
def _fixes() -> dict[str, str]:
    """Symbol parts as OCR or a missing font leaves them → as printed: the listed fixes, and
    every issuing body's symbol with its Đ read as D (BKHDT → BKHĐT), where that D-form is
    no other body's symbol."""
    fixes = {row[0]: row[1] for row in resources.rows("number_fixes.tsv") if len(row) > 1}
    symbols = {row[0] for row in resources.rows("body_symbols.tsv")}
    for symbol in symbols:
        plain = symbol.replace("Đ", "D")
        if plain != symbol and plain not in symbols:
            fixes.setdefault(plain, symbol)
    return fixes


# Bodies whose symbol carries the legislature's term (QH15, UBTVQH14): OCR reads its digits
# as letters (UBTVQHI5, QHl4; a fax's QHIS, OHIS: the 5 read as an S).
_TERM = re.compile(r"^((?:UBTV)?(?:QH|[0O]H|Q[0O]H))([1Il][0-9IlOoS])$")  # the 10th term on (`QOH15`: a speck)
# the body's part of it as printed: `QH`, `UBTVQH` (a Q read as 0 or O, a speck read as an O)
_TERM_BODY = re.compile(r"Q?[0O]?H$")
_TERM_DIGITS = str.maketrans("OoIlS", "00115")
# A year whose slash OCR read as a digit or a bar, glued to the type (`02/20267TT-BTC`).
_GLUED_YEAR = re.compile(r"^((?:19|20)[0-9]{2})[71lI|]([A-ZĐ][A-ZĐa-z]*)$")


def _fix_part(piece: str) -> str:
    fixed = _fixes().get(piece)
    if fixed:
        return fixed
    term = _TERM.match(piece)
    if term:
        return _TERM_BODY.sub("QH", term[1]) + term[2].translate(_TERM_DIGITS)
    return piece


def _digits(text: str) -> str:
    return text.translate(str.maketrans("OoIl", "0011"))


def clean_number(match: re.Match[str]) -> DocNumber | None:
    """Normalise a HEADER_NUMBER / BODY_NUMBER match; None when it is not a document symbol."""
    num = match.group("num")
    year = match.group("year")
    sym = re.sub(r"-{2,}", "-", re.sub(_HYPHEN, "-", re.sub(r"\s+", "", match.group("sym")))).rstrip(".-")
    if year is None:
        head, sep, rest = sym.partition("-")
        glued = _GLUED_YEAR.match(head) or _YEAR_SLASH_LOST.match(head)
        if glued and (glued.re is _GLUED_YEAR or _TERM.sub(r"\1", glued[2]) in _known_parts()):
            # the slash lost altogether (a fax's `21/2024NĐ-CP`, `80/2025QH15`) only before a
            # part a symbol holds: `12/2025AB-UBND` is left as read
            year, sym = glued[1], glued[2] + sep + rest
    if not re.search(r"[A-ZĐ]", sym) or _GAZETTE_ISSUE.match(sym):
        return None
    parts = []
    for piece in re.split(r"([-/])", sym):
        if piece in {"-", "/"} or not piece:
            parts.append(piece)
            continue
        parts.append(_fix_part(piece))
    sym = "".join(parts)
    num_c = _digits(num) if num else None
    year_c = _digits(year).replace(" ", "") if year else None
    if num_c and not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?[a-z]?", num_c):
        return None
    text = (num_c or "") + "/" + (year_c + "/" if year_c else "") + sym
    return DocNumber(text=text, number=num_c, year=year_c,
                     parts=tuple(p for p in re.split(r"[-/]", sym) if p))


def year_slipped(dn: DocNumber, this_year: int | None = None) -> bool:
    """Does the number carry a year no document bears (`15/3026/NQ-CP`, `15/2036/NQ-CP` read
    in a header)?"""
    from dispatch_reader.extract.datefmt import FIRST_YEAR

    last = (this_year or dt.date.today().year) + 1
    return dn.year is not None and not (dn.year.isdigit() and FIRST_YEAR <= int(dn.year) <= last)


def zero_padded(number: str) -> str:
    """`2/2023/TB-LPQT` → `02/2023/TB-LPQT`: a number below 10 is written with a 0 before it
    (Decree 30/2020/NĐ-CP, Annex I, as Circular 01/2011/TT-BNV before it); a state body's
    number only (a party's `7-NQ/TW` is of another form)."""
    return f"0{number}" if re.match(r"[1-9]/", number) else number


def party_number(match: re.Match[str]) -> DocNumber | None:
    """`214-QĐ/BTCTU` from a PARTY_NUMBER or header party match (digit slips repaired)."""
    num = _digits(match.group("num"))
    if not num.isdigit():
        return None
    kind = _fixes().get(match.group("type"), match.group("type"))
    sym = re.sub(r"[–]", "-", match.group("sym"))
    parts = [_fix_part(p) for p in sym.split("-")]
    return DocNumber(text=f"{num}-{kind}/{'-'.join(parts)}", number=num, year=None, parts=(kind, *parts))


# capitals with Vietnamese marks glued to a symbol's end (`BKHÔT`), past what a symbol may hold
_GLUED_CAPITALS = re.compile(r"[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ][A-ZĐ]*")


def _with_glued_capitals(dn: DocNumber, glued: str) -> DocNumber | None:
    """The number with its last symbol part run on through `glued`, each capital O with a mark
    read as the Đ it stands for (`BKH` + `ÔT` → `BKHĐT`), when that is a known part; else None."""
    last = dn.parts[-1] + "".join("Đ" if unicodedata.normalize("NFD", c)[0] == "O" else c for c in glued)
    if last not in _known_parts():
        return None
    return replace(dn, text=dn.text + last[len(dn.parts[-1]):], parts=(*dn.parts[:-1], last))


def _glued_to_letters(text: str, at: int) -> bool:
    """Do the figures at `at` continue a number's part after its slash, or one that a letter or
    two broke (`28/2u26`, `28/2o2u`: the year read with letters)? A number's own figures never
    follow a slash. A label read a letter off (`Sé12/…`, `Sối12/…`, `5ố12/…`) is no such run."""
    return re.search(r"\d\s?/\s?(?:\d+[^\W\d_]{1,2})?$", text[:at]) is not None


# a number whose year OCR read with a letter in it (`28/2u26/TT-BKHCN`; one word, as read)
_YEAR_WITH_A_LETTER = re.compile(r"^(\d{1,5})/([0-9A-Za-z]{4})/(\S+)$")


def year_read_with_a_letter(raw: str, issued_year: str) -> DocNumber | None:
    """The number `raw` stands for when its year is the issue date's with one figure read as a
    letter (`28/2u26/TT-BKHCN` dated 2026: a document is numbered in the year it is signed);
    None when any other figure differs, or its symbol holds a part no symbol has."""
    m = _YEAR_WITH_A_LETTER.match(raw)
    if not m or len(issued_year) != 4:
        return None
    off = [i for i, (a, b) in enumerate(zip(m[2], issued_year)) if a != b]
    if len(off) != 1 or m[2][off[0]].isdigit():
        return None
    found = find_header_number(f"{m[1]}/{issued_year}/{m[3]}")
    if found is None or found[0].year != issued_year or found[0].number != m[1]:
        return None
    return found[0] if all(part in _known_parts() for part in found[0].parts) else None


# a number whose type part no symbol's grammar takes (`09/2026/171-BNV`: a fax's `TT` read as
# figures), its body part whole
_TYPE_GARBLED = re.compile(r"^(\d{1,5})/(?:((?:19|20)\d{2})/)?([^\s/-]{1,4})-([A-ZĐa-z]+)[.,;:)]?$")


def type_part_garbled(raw: str, expected: tuple[str, str] | None) -> DocNumber | None:
    """The number `raw` (which did not parse) stands for when its body part is the one the
    title and issuer prescribe and its type part, no longer than that type's abbreviation and
    a letter, is no abbreviation at all; None otherwise."""
    m = _TYPE_GARBLED.match(raw)
    if m is None or expected is None or m[4] != expected[1] or m[3] in _known_parts() \
            or len(m[3]) > len(expected[0]) + 1:
        return None
    year = f"{m[2]}/" if m[2] else ""
    return DocNumber(text=f"{m[1]}/{year}{expected[0]}-{expected[1]}", number=m[1], year=m[2], parts=expected)


# one or two letters shaped as a 1 (`L`, `I`, `l`), alone before a number's figures and glued
# to them, after a space, a colon or the segment's start. Not `|`: a table's edge or a fold
# read so is a speck beside the figures (`Số: |245/UBND-VX`), no figure of them
_ONES_BEFORE = re.compile(r"(?:^|(?<=[\s:]))([LlI]{1,2})$")


def find_header_number(text: str) -> tuple[DocNumber, int, int] | None:
    """The first number/symbol in a header segment: (number, start, end) or None."""
    party = _HEADER_PARTY.search(text)
    for m in HEADER_NUMBER.finditer(text):
        if party is not None and party.start() <= m.start():
            break
        if m.group("num") and _glued_to_letters(text, m.start("num")):
            # figures glued to a letter are the tail of a longer run OCR broke (`28/2u26/TT-BKHCN`:
            # `26/TT-BKHCN` is no number of this document)
            continue
        if m.group("num") and text[:m.start("num")].endswith("§"):
            # `Số: §44/QĐ-TTg`: a figure read as the section sign (no number holds one); `44` is
            # only the rest of the number
            continue
        dn, end = clean_number(m), m.end()
        glued = _GLUED_CAPITALS.match(text, end)
        if dn is not None and glued:
            # `1205/QĐ-BKHÔT`: the symbol's Đ read as a capital with a mark, which no symbol holds;
            # the match stopped there and `BKH` is no symbol of this document
            dn, end = _with_glued_capitals(dn, glued[0]), glued.end()
        if dn is not None:
            start = m.start()
            lead = _ONES_BEFORE.search(text[:start]) if m.group("num") else None
            # `LI6/NQ-CP`: the number's leading ones read as letters; `16` is no number of it
            ones, at = ("1" * len(lead[1]), lead.start(1)) if lead else ("", start)
            if not lead and m.group("num") and text[:start].strip(" :") == "1" and text[start - 1:start] == " " \
                    and not dn.number.startswith("0") and len(dn.number) < 4:
                # `Số: 1 185/TTr-SNV`: a thin 1 read apart from the figures after it, alone after
                # the label (a fax, a faint copy); never before a leading 0 or four figures (a
                # reviewer's: `1 01/2026/QĐ-SNV` is `01/…` with a stroke before it)
                ones, at = "1", text.index("1")
            if ones:
                dn = replace(dn, number=ones + dn.number, text=ones + dn.text)
            return dn, at, end
    if party is not None:
        dn = party_number(party)
        if dn is not None:
            return dn, party.start(), party.end()
    return None


# a symbol's first part that is a year run into a type abbreviation (`2026TT`)
# A year whose slash a copier's grain or a fax lost (`28/2026TT-BTC`, a cited `80/2025QH15`):
# put back (clean_number) before a part a symbol holds, a law's term after its body
_YEAR_SLASH_LOST = re.compile(r"^((?:19|20)[0-9]{2})([A-ZĐ]{1,6}(?:[0-9]{2})?)$")


# after the header's `Số:`, figures, a comma and capitals: the number's slash with its upper
# stroke lost in a copier's grain (`Số: 143, UBND-VP`); a sentence never runs so after the label
# (or the year's slash read as a colon: `Số: 01/2024: TT-BLDTBXH`, a copy of a copy)
_SLASH_AS_COMMA = re.compile(r"^([0-9]{1,5}) ?, ?(?=[A-ZĐ])|^([0-9]{1,5}/(?:19|20)[0-9]{2}) ?[,:;] ?(?=[A-ZĐ])")


def slash_read_as_comma(text: str) -> tuple[DocNumber, int, int] | None:
    """The number a header's `Số:` label leads when its slash was read as a comma: (number,
    start, end) as find_header_number gives it, or None. Its symbol must open with a part some
    symbol has (a body's or a type's: `UBND`, `QĐ`); the rest is a department's, free."""
    m = _SLASH_AS_COMMA.match(text)
    if m is None:
        return None
    lead = m[1] or m[2]
    # the comma and its spaces become a slash with as many (the header form takes one on
    # each side), so that the offsets found are the text's own
    slash = {0: "/", 1: "/ ", 2: " / "}[len(m[0]) - len(lead) - 1]
    found = find_header_number(lead + slash + text[m.end():])
    if found is None or found[1] != 0 or found[0].number != lead.split("/")[0] \
            or found[0].parts[0] not in _known_parts():
        return None
    return found


# a slash read as a bracket or a bar between figures and the next part (`04/2017]QH14`), and a
# legislature's term's 1 read as an I with its mark (`QHÍ4`): one character each, in place
# (or as an apostrophe: `94'TB-SNV`, a phone photo's blur)
_SLASH_AS_BRACKET = re.compile(r"(?<=\d)[\]|)\\'’](?=[\dA-ZĐ])")
# a hyphen between two capitals' parts read as a stop (`TB.SNV`)
_HYPHEN_AS_STOP = re.compile(r"(?<=[A-ZĐ])\.(?=[A-ZĐ]{2})")
_TERM_ONE = re.compile(r"(?<=/QH)[ÍÌIl|!](?=\d)")


# a legislature's term whose H OCR read as two ones, its two stems (`80/2025/Q1115` for
# `QH15`), after a year
_TERM_H_AS_ONES = re.compile(r"(?<=/(?:19|20)\d\d/)((?:UBTV)?Q)[1Il|]{2}(1\d)(?![\w/])")


def term_h_read_as_ones(text: str) -> str:
    """`text` with each term's H read as two ones put back (`…/2025/Q1115` → `…/2025/QH15 `):
    a space pads it where the letter was, so the text's offsets stay."""
    return _TERM_H_AS_ONES.sub(lambda t: f"{t[1]}H{t[2]} ", text)


def slash_read_as_bracket(text: str) -> tuple[DocNumber, int, int] | None:
    """The number a header's `Số:` label leads when a slash was read as a bracket, a bar or an
    apostrophe (`04/2017]QHÍ4` → `04/2017/QH14`; a hyphen then read as a stop too: `94'TB.SNV`),
    as find_header_number gives it, or None. Every part of
    its symbol must be one some symbol has: a misread bracket is no licence for scraps."""
    fixed = _TERM_ONE.sub("1", _SLASH_AS_BRACKET.sub("/", text))
    if fixed == text:
        return None
    fixed = _HYPHEN_AS_STOP.sub("-", fixed)
    found = find_header_number(fixed)
    if found is None or found[1] != 0 or not all(p in _known_parts() or re.fullmatch(r"QH\d+", p)
                                                 for p in found[0].parts):
        return None
    return found


def type_of_number(dn: DocNumber) -> str | None:
    """doc_type implied by the symbol's first part (QĐ → decision); None for a công văn."""
    from dispatch_reader.extract.doctypes import type_for_abbreviation

    if not dn.parts:
        return None
    return type_for_abbreviation(dn.parts[0])


# Bodies whose symbol carries the legislature's term (`QH15`): the term cannot be known from
# the issuer's name, so their numbers are never mended.
_TERM_BODIES = frozenset({"QH", "UBTVQH"})


@lru_cache(maxsize=1)
def _body_symbols() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(folded central body name → symbol, (folded local body head, symbol) longest first).
    A body's first row is the symbol it prescribes; its later rows, others it prints too."""
    from dispatch_reader.extract.textutil import fold_phrase

    central: dict[str, str] = {}
    for row in resources.rows("body_symbols.tsv"):
        if len(row) > 1 and row[0] not in _TERM_BODIES:
            central.setdefault(fold_phrase(row[1]), row[0])
    local = sorted(((fold_phrase(row[0]), row[1]) for row in resources.rows("committee_symbols.tsv") if len(row) > 1),
                   key=lambda r: -len(r[0]))
    return central, tuple(local)


@lru_cache(maxsize=1)
def _bodies_by_symbol() -> dict[str, str]:
    return {row[0].casefold(): row[1] for row in resources.rows("body_symbols.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def central_bodies() -> frozenset[str]:
    """Every central body of body_symbols.tsv (the Government, the ministries, the National
    Assembly), its name folded."""
    from dispatch_reader.extract.textutil import fold_phrase

    return frozenset(fold_phrase(body) for body in _bodies_by_symbol().values())


def term_body(parts: tuple[str, ...]) -> str | None:
    """The legislature's body when a symbol is its part with its term alone (`QH14`: `QH`),
    else None: a law's or the National Assembly's resolution's number has no type's part."""
    term = _TERM.match(parts[0]) if len(parts) == 1 else None
    return _fix_part(parts[0])[:-2] if term else None  # the term's two figures off


def body_of_symbol(symbol: str) -> str | None:
    """The central body a symbol part names (`BTC`: Bộ Tài chính, `TTg`; case ignored)."""
    return _bodies_by_symbol().get(symbol.casefold())


@lru_cache(maxsize=1)
def department_symbols() -> dict[str, str]:
    """Each known department (`Sở …` of known_bodies.txt) → the symbol it prints: its name's
    initials, `và` left out (`Sở Giáo dục và Đào tạo` → SGDĐT), or department_symbols.tsv's."""
    listed = {body: symbol for symbol, body in resources.rows("department_symbols.tsv")}
    return {body: listed.get(body) or "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", body)
                                              if w.casefold() != "và")
            for body in resources.lines("known_bodies.txt") if body.startswith("Sở ")}


@lru_cache(maxsize=1)
def _known_parts() -> frozenset[str]:
    """Every part a symbol is known to hold: a part read as one of these is what it says."""
    abbrs = {row[1] for row in resources.rows("doc_types.tsv") if len(row) > 1 and row[1]}
    bodies = {row[0] for row in resources.rows("body_symbols.tsv")}
    local = {row[1] for row in resources.rows("committee_symbols.tsv") if len(row) > 1}
    return frozenset(abbrs | bodies | local | set(_fixes().values()) | set(department_symbols().values()))


def expected_symbol(type_label: str | None, issuer: str | None,
                    body_symbol: str | None = None) -> tuple[str, str] | None:
    """(type abbreviation, body symbol) a document of this printed type (or type abbreviation)
    from this body must
    carry (`THÔNG TƯ` of `Bộ Khoa học và Công nghệ` → TT, BKHCN); None when either is unknown,
    a công văn (its symbol names a department, not a type) or a body whose symbol holds a term.
    `body_symbol`: the body's symbol where the caller knows it otherwise (a department's initials)."""
    from dispatch_reader.extract.doctypes import abbreviation_for_label, type_for_abbreviation

    if not type_label or not issuer:
        return None
    abbr = abbreviation_for_label(type_label) or (type_label if type_for_abbreviation(type_label) else None)
    if not abbr or abbr in ("L", "BL"):
        return None  # a law's number is `04/2017/QH14`: no type part
    body = symbol_of_body(issuer) or body_symbol
    return (abbr, body) if body else None


def symbol_of_body(issuer: str) -> str | None:
    """The symbol a central body or a committee prints in its numbers (`BKHCN`, `UBND`), if known."""
    from dispatch_reader.extract.textutil import fold_phrase

    central, local = _body_symbols()
    key = fold_phrase(issuer)
    # a committee's head told by its words, whatever OCR glued to them (`Ủy ban nhân dân— xx …`
    # under a fax's stamp: its number's `QĐ-UBN` was left unmended)
    words = " ".join(re.findall(r"\w+", key))
    return central.get(key) or next((sym for head, sym in local if words == head or words.startswith(head + " ")), None)


def foreign_symbol(number: str | None, type_label: str | None, issuer: str | None) -> tuple[str, str] | None:
    """(the part read, the body's symbol) when a number's symbol lacks the body symbol its type
    and issuer prescribe and holds, where it should be, a part no symbol has that is that one
    misread past mending (`1587/QĐ-UBHDK`: letters a symbol may have, three of them wrong; one
    with letters none has, its first and its length kept, was mended: `mend_symbol`); None
    otherwise. A part some body or type prints (`TT-BYT`, `QĐ-UBND-NC`), the body's own short
    form (`QĐ-BNN-TCCB`, `TB-VP`, `QĐ-UB`) and a symbol of its own (a department's `TB-LPQT`,
    a steering committee's `KH-BCĐ35`, a command's `QĐ-BTL`) are no misreading of it."""
    m = HEADER_NUMBER.search(f"Số: {number or ''}")
    dn = clean_number(m) if m else None
    expected = expected_symbol(type_label, issuer) if dn is not None else None
    if dn is None or dn.number is None or expected is None or expected[1] in dn.parts:
        return None
    if "/" in dn.text[len(dn.number) + 1 + (len(dn.year) + 1 if dn.year else 0):]:
        return None  # a party document's or a joint one's symbol: another form
    want = expected[1]
    if len(dn.parts[-1]) == 1 and want.startswith(dn.parts[-1]) and len(want) > 1:
        return dn.parts[-1], want  # cut short to its first letter (`10/2021/TT-N` of the State Bank's `NHNN`)
    if any(len(p) >= 2 and want.startswith(p) for p in dn.parts):
        return None  # the body's short form, a department's part after it
    misread = [p for p in dn.parts if p not in _known_parts() and not re.fullmatch(r"QH\d+", p)
               and _misreads(p, want)]
    return (misread[-1], want) if misread else None


def _misreads(part: str, want: str) -> bool:
    """`part` keeps most of `want`'s letters in order and about its length: a misreading of it
    (`BLWBXMS` for `BLĐTBXH`, `VBND` for `UBND`, `CF` for `CP`), not another body's symbol
    (`UBKT`, `BTL`, `LPQT`), which keeps half of them or fewer."""
    a, b = part.upper().replace("Đ", "D"), want.upper().replace("Đ", "D")
    if abs(len(a) - len(b)) > 2:
        return False
    # the longest run of `want`'s letters `part` keeps in order
    kept = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            kept[i + 1][j + 1] = kept[i][j] + 1 if x == y else max(kept[i][j + 1], kept[i + 1][j])
    share = kept[len(a)][len(b)] / len(b)
    return share >= 0.5 if len(b) <= 3 else share > 0.5


def symbol_names_another(issuer: str, parts: tuple[str, ...]) -> bool:
    """Does a number's symbol name a central body or a committee (`TT-BYT`, `QĐ-UBND`) other
    than `issuer`?"""
    _, local = _body_symbols()
    named = {p for p in parts if body_of_symbol(p) or any(p == sym for _, sym in local)}
    return bool(named) and symbol_of_body(issuer) not in named


def _rejoined_capitals(part: str, depth: int = 3) -> set[str]:
    """`part` with up to `depth` capitals that print broke in two put back
    (data/glyph_lookalikes.tsv)."""
    out = {part}
    for _ in range(depth):
        out |= {v for x in out for v in lookalike_variants(x)}
    return out


# letters glued to a number's end (`J2/2021/TB.I.PQT`): its symbol went on past what parsed,
# read otherwise than printed, and was not cut short
SYMBOL_RUNS_ON = re.compile(r"[.,]?[^\W\d_]")
_GLUED_LETTERS = re.compile(r"[.,]?[^\W\d_]+(?:[.,][^\W\d_]+)*")


def glued_tail(after: str) -> str:
    """The letters glued after what parsed of a number (`.ĐTBXH` after `06/2023/TT-BI`), "" if none."""
    m = _GLUED_LETTERS.match(after)
    return m.group(0) if m else ""


_GLUED_SCRAP = re.compile(r"[a-zđ0-9]{1,3}")


def _damaged_part(part: str, want: str, tail: str = "") -> bool:
    """`part` is `want` with a letter misread, or its capitals broken in two (`BLIJTBXII`); or,
    in a long one read on past a speck, two of as many letters, the `tail` read past the speck
    (three letters or more) ending `want` but for one (`BI` then `pTBXH`: a phone photo's L
    broken, its Đ blurred; not `VKSND` then `HN`, another body's symbol and its place)."""
    from dispatch_reader.places.match import edit_distance

    distance = edit_distance(part.upper(), want.upper(), 2)
    ends_it = len(tail) >= 3 and edit_distance(tail.upper(), want[-len(tail):].upper(), 1) <= 1
    return distance <= 1 or (distance == 2 and len(part) == len(want) >= 7 and ends_it) or rejoined_as(part, want)


def rejoined_as(part: str, want: str) -> bool:
    """`part` is `want` once the capitals print broke in two are put back, Đ's stroke lost or
    not (`BLDTBXII` for `BLĐTBXH` on a fax: H broken into II, Đ's stroke gone)."""
    bare = want.upper().replace("Đ", "D")
    return any(v.replace("Đ", "D") == bare for v in _rejoined_capitals(part.upper()))


def mend_symbol(dn: DocNumber, expected: tuple[str, str], runs_on: str = "") -> DocNumber | None:
    """The number with the symbol its type and issuer prescribe, when what OCR left of the
    symbol is that one damaged: cut short (`28/2026/TT` for `TT-BKHCN`) or with parts no real
    symbol has, a letter or two misread (`QĐ-UBN2`, `QB-UBND`, `N6`). A part
    read as a real abbreviation or body symbol is kept as printed (`TB-VPUBND` is no damaged
    `TB-UBND`); None when nothing needs mending or the reading is no damaged form of it.
    `runs_on`: the letters glued to the reading's end (`glued_tail`: `2/2021/TB.I.PQT`), so a
    symbol with fewer parts than prescribed was read otherwise, not cut short: another body's,
    maybe; with as many parts, the last one read on past a speck."""
    read = dn.parts
    if tuple(p.replace("&", "") for p in read) == expected:
        return None  # the body's own form of its symbol (`SGD&ĐT`): as printed
    tail = re.sub(r"[.,'’]", "", runs_on)
    joined = read[-1] + tail if read else ""
    if dn.number is not None and runs_on and len(read) == len(expected) \
            and read[:-1] == expected[:-1] and read[-1] != expected[-1] \
            and read[-1] not in _known_parts() and (joined not in _known_parts() or joined == expected[-1]) \
            and _damaged_part(joined, expected[-1], tail):
        # (a real symbol read whole, or whole with what ran on, is another body's: `QĐ-VKSND`
        # then `.HN` is no `VKSNDTC`, `TT-SL` then `.ĐTBXH` is the department's `SLĐTBXH`)
        # the last part read on past a speck the parse stopped at (`TT-BI.ĐTBXH`: the L of
        # `BLĐTBXH` broken into `I.` on a fax): the prescribed part, with the letters after it
        return _with_symbol(dn, expected)
    if dn.number is None or not read or read == expected or len(read) > len(expected) \
            or (runs_on and len(read) < len(expected)):
        return None
    if "/" in dn.text[len(dn.number) + 1 + (len(dn.year) + 1 if dn.year else 0):]:
        return None  # a party document's or a joint one's symbol: another form
    from dispatch_reader.places.match import edit_distance

    for i, (part, want) in enumerate(zip(read, expected)):
        if part == want:
            continue
        if i == len(read) - 1 and len(part) >= 2 and len(want) >= 5 and want.upper().startswith(part.upper()) \
                and part not in _known_parts() and body_of_symbol(want) is not None and not runs_on:
            # a ministry's symbol cut short by a phone photo's blur (`TT-BK jy,` for `TT-BKHĐT`);
            # not a local body's short form (`TB-VP` of a committee's office, old decisions' `QĐ-UB`),
            # nor one whose letters ran on past a speck (`QĐ-VKSND.HN`: not cut short at all)
            continue
        if part.startswith(want) and _GLUED_SCRAP.fullmatch(part[len(want):]):
            continue  # small letters or figures glued after the part (`NĐ-CPs6`: a hand's figures)
        if part in _known_parts():
            return None
        if i == 0 and len(part) == len(want) == 2 and len(read) == len(expected) >= 2 and part.isalpha() \
                and all(a == b or (a, b) in _symbol_lookalikes() for a, b in zip(part.upper(), want.upper())) \
                and all(p == w or edit_distance(p.upper(), w.upper(), 1) <= 1 for p, w in zip(read[1:], expected[1:])) \
                and all(len(w) >= 4 for w in expected[1:]):
            # the type's two letters both misread as their lookalikes (`OP` for `QĐ` on a phone
            # photo: the Q's tail and the Đ's bar lost in the blur), the body's long symbol after
            # them read whole or a letter off: the title names the type, the body part the issuer
            # (`KL`, `GP` are no misreading of `TB`, `QĐ`: a reviewer's)
            continue
        # a letter or two misread, none added or lost: `CTUBND` is another body's symbol
        # (the chairman's), not `UBND` damaged
        # (a long symbol, a letter misread and one more read in: `BILĐTRXH` for `BLĐTBXH`; one
        # with letters fewer is as likely a short form the body prints: `VKSTC` for `VKSNDTC`)
        if _NOT_SYMBOL_LETTERS.search(part) and part[:1].upper() == want[:1].upper() and abs(len(part) - len(want)) <= 1:
            # letters no symbol is written with (`TT-BGW9` for `TT-BCA`, `TT-BLWBXMS` for
            # `TT-BLĐTBXH`: a photocopy's toner over a ministry's symbol): no other body's symbol
            # read right, but the prescribed one misread past two letters, its first letter and
            # its length kept
            continue
        distance = edit_distance(part.upper(), want.upper(), 2)
        added = len(part) == len(want) + 1 and len(want) >= 7
        if distance > 2 or (distance == 2 and (len(part) != len(want) or len(want) < 4) and not added):
            # capitals broken in two by a fax (`II` for `H`, `IJ` for `Đ`: `BLIJTBXII` for
            # `BLĐTBXH`): put back, the part must then be the prescribed one exactly
            if not rejoined_as(part, want):
                return None
    return _with_symbol(dn, expected)


def committee_symbol(parts: tuple[str, ...]) -> bool:
    """Does a part of the symbol name a committee or its office (`UBND`, `VPUBND`: the
    committee's own number)?"""
    return any(p in _committee_symbols() for p in parts)


def committee_symbol_misread(dn: DocNumber) -> DocNumber | None:
    """The number with a committee's symbol (`UBND`, `HĐND`, `VPUBND`: committee_symbols.tsv)
    where a part no symbol has is exactly one of them with one capital read as its lookalike
    (data/symbol_lookalikes.tsv: `TB-HĐHD`), for a number whose issuer lines were lost: with no
    issuer to prescribe the symbol, the committees' are the ones a local paper bears most. A
    board's own symbol a letter off one (`HĐTD`) or a department's (`SNNMT`, a letter off the
    ministry's `BNNMT`) is not mended so."""
    if dn.number is None or len(dn.parts) < 2:
        return None
    for i, part in enumerate(dn.parts):
        if part in _known_parts():
            continue
        near = [sym for sym in _committee_symbols() if len(sym) == len(part)
                and _one_lookalike([(a, b) for a, b in zip(part, sym) if a != b])]
        if len(near) == 1:
            at = dn.text.rfind(part)
            return replace(dn, text=dn.text[:at] + near[0] + dn.text[at + len(part):],
                           parts=dn.parts[:i] + (near[0],) + dn.parts[i + 1:])
    return None


@lru_cache(maxsize=1)
def _committee_symbols() -> tuple[str, ...]:
    return tuple(row[1] for row in resources.rows("committee_symbols.tsv") if len(row) > 1)


@lru_cache(maxsize=1)
def _symbol_lookalikes() -> frozenset[tuple[str, str]]:
    return frozenset((row[0], row[1]) for row in resources.rows("symbol_lookalikes.tsv") if len(row) > 1)


def _one_lookalike(differences: list[tuple[str, str]]) -> bool:
    """Is the one letter (read, printed) two symbols differ in a pair of lookalike capitals?"""
    return len(differences) == 1 and differences[0] in _symbol_lookalikes()


# letters and figures no Vietnamese document symbol is written with (figures only in a
# number's own part, never in a body's letters)
_NOT_SYMBOL_LETTERS = re.compile(r"[0-9FJWZfjwz]")


def _with_symbol(dn: DocNumber, expected: tuple[str, str]) -> DocNumber:
    year = f"{dn.year}/" if dn.year else ""
    return DocNumber(text=f"{dn.number}/{year}{expected[0]}-{expected[1]}", number=dn.number, year=dn.year,
                     parts=expected)
