"""The document header: type, number, issuer, place, date, subject, recipients; the signer
is signer.py's, called from here.

The header of Decree 30/2020 documents is two columns (issuer | motto, number | place-date)
that arrive as the left column's lines then the right column's, interleaved line by line, or
side by side on one line. Every rule here works on *segments* (a line, or one column of a
line) classified one at a time, so the three layouts read the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.people import honorifics
from dispatch_reader.extract.canon import (
    canon_authority, canon_phrase, canon_title, reconcile_place, repair_ocr_phrase, repair_ocr_recipient,
    repair_subject_opener, respace_body, respell_place, restore_name_dashes,
)
from dispatch_reader.extract.bodies import standalone_bodies
from dispatch_reader.extract.casing import expand_abbreviations, proper_case_body
from dispatch_reader.extract.consensus import agree_with_text
from dispatch_reader.extract.counts import levels
from dispatch_reader.extract.datefmt import (DateHit, LostYear, PartialDate, find_cut_date_line, find_date_skeleton,
                                             find_date_through_scraps, find_dates, find_garbled_date_line,
                                             find_header_dates, find_lost_year,
                                             find_partial_date, make_iso, mend_year)
from dispatch_reader.extract.docnumber import (FILLED_IN, MAX_NUMBER_DIGITS, DocNumber, committee_symbol,
                                               committee_symbol_misread,
                                               expected_symbol,
                                               symbol_names_another,
                                               find_header_number, glued_tail, mend_symbol,
                                               slash_read_as_bracket, slash_read_as_comma, term_body,
                                               type_part_garbled,
                                               type_of_number, year_read_with_a_letter, year_slipped)
from dispatch_reader.extract.doctypes import (enacted_type, small_speck, type_for_abbreviation, type_for_title,
                                              without_specks)
from dispatch_reader.extract.faxline import fax_sender
from dispatch_reader.extract.gazette import section_heading
from dispatch_reader.extract.headlines import (
    AUTHORITY, FAX_PAGE_COUNTER, GAZETTE, LIST_ITEM, NOI_NHAN, mostly_not_syllables, quoted, starts_with_head,
    wording_word,
)
from dispatch_reader.extract.enacting import enacting_department
from dispatch_reader.extract.lexicon import joined_letters, mend_non_words, split_glued
from dispatch_reader.extract.issuer_snap import (
    central_body_from_symbol, central_body_read_short, central_seat, committee_from_symbol, dating_place,
    department_of_symbol, department_symbol, damaged_body_line,
    ends_off, is_department, is_known_place, known_body_after_a_scrap, known_body_before_a_scrap, near_province_place,
    opens_a_place, opens_as_a_committee, worn_word,
    province_by_last_word, respell_department_heads, respell_unit, respell_units_after_levels,
    snap_committee, snap_issuer, snap_place,
)
from dispatch_reader.extract.selfcite import annex_citations, cited_number
from dispatch_reader.extract.signer import _is_name_line, bottom_segments, deputy_read_bare, find_signer, name_under_seal
from dispatch_reader.extract.syllables import is_syllable, may_be_syllable
from dispatch_reader.extract.textutil import (
    Page, Segment, fold_phrase, is_rule_line, is_upper_line, squash,
)
from dispatch_reader.places.match import edit_distance, find_province
from dispatch_reader.places.official import key as place_key
from dispatch_reader.messages import warning
from dispatch_reader.record import DocumentFacts, Evidence
from dispatch_reader.textnorm import mark_count

# Lines that open the body: the header is over when one of these starts a segment.
# a body's grounds open so (`Căn cứ …`): a document is dated on or after each one they cite
_GROUND_HEADS = r"can cu|xet de nghi|theo de nghi|thuc hien"
_BODY_START = re.compile(  # (a quote or a speck glued before it: `“Thực hiện …`)
    rf"^[“”\"'‘’„*.,]?(?:{_GROUND_HEADS}|dieu \d|trong thoi gian|"
    r"quyet dinh\s*:|quyet nghi\s*:|chuong [ivx\d]|[ivx]+\. [a-z])"
)


# body openers that are a subject's words too, in small letters (`… các xã biên giới` over
# `thực hiện chính sách dân tộc năm 2026`, `trong thời gian …`); `căn cứ` read small is the
# grounds' still (a phone photo lowers its capital)
_SUBJECT_WORDS_TOO = re.compile(r"^\W?(?:thuc hien|trong thoi gian)\b")


def _opens_body(seg: Segment, folded: str) -> bool:
    """Does the line open the body (`Căn cứ …`, `Thực hiện …`, `Điều 1.`)? `Thực hiện` in small
    letters is a subject's wrapped line (`Cử công chức … các xã biên giới` over `thực hiện chính
    sách dân tộc năm 2026`)."""
    first = next((c for c in seg.text if c.isalpha()), "")
    return bool(_BODY_START.match(folded)) and not (first.islower() and _SUBJECT_WORDS_TOO.match(folded))


# `Căn cứ` with its words damaged by a stamp or a fax (`CAn nữ Luat …`, `chuy&ăn:‹ tứ Luat …`),
# told by the cited law or decree and its number behind it: a subject never opens so
_DAMAGED_CAN_CU = re.compile(
    r"^\W*(?:\S{1,12}\s+)?(?:[a-z]{2,4}\s+)?[cnte]u\s+"
    r"(?:luat|hien phap|nghi dinh|nghi quyet|quyet dinh|thong tu|cong van|ke hoach|van ban)\b"
    r"(?=.*(?:\bso\s*\d|\d+/\d{4}/))")
# a cited document's number and date (`số 80/2025/QH15 ngày 24 tháng 6`, `số 4620/BNV-CQĐP ngày 18`)
_CITED_WITH_DATE = re.compile(r"\bso\s+\d+/(?:\d{4}/)?[a-z]\S*\s+ngay\s+\d")
# the words a subject wrapping before a cited law opens its line with (`… chuyển tiếp / từ Luật
# Đất đai số 45/2013/QH13`): spelt right, they are no damaged `cứ`
_NOT_CU = frozenset({"từ", "tự", "tư"})


def _damaged_can_cu(seg: Segment) -> bool:
    m = _DAMAGED_CAN_CU.match(seg.folded)
    if m and not _NOT_CU & {w.lower().strip(_LEAD_SPECKS) for w in seg.text.split()[:3]}:
        return True
    # `Căn cứ Luật` lost to a stamp (`CAR, #6Agpcán 1 bộ, công chức số 80/2025/QH15 ngày 24
    # tháng 6`): a cited document with its date, after words that are scraps (a sign inside a
    # word, or most no syllable); a subject citing one opens with words
    cited = _CITED_WITH_DATE.search(seg.folded)
    head = seg.text[:cited.start()].split()[:2] if cited else []
    return bool(head) and (any(re.search(r"\w[^\w\s,.;:-]\w", w) for w in head) or mostly_not_syllables(" ".join(head)))


# "Số:" (OCR: "Sô:", "S§ố:", "§ố:", "S6:", "$6:" on a photo), optionally after a type name ("Luật số …")
# `ố` read as a digit too: `Sô`, `S0`, `s9:` (a photocopy's haze)
# (`s 6: 1895/QĐ-UBND`: a stamp's edge over `Số:` split it, its colon still there)
_NUMBER_LEAD = re.compile(r"^(?:(?P<label>luat|nghi dinh|quyet dinh|nghi quyet|phap lenh)\s+)?"
                          r"(?:[s$§][^\w\s]{0,2}[o069][\s:;.,]*(?=[\s:;.,]|\d|o)|s\s[o069]\s*:\s*"
                          # the S read as an 8 on a fax (`80: 123/2026/NĐ-CP`, its ố a 6 or 9 as
                          # well: `86:`) or as a 3 with its colon a semicolon (`30; 133/2026/NĐ-CP`,
                          # ink and paper), the ố as an é on a phone photo (`sé: 16/VBHN-BTC`): with
                          # the colon and the figures; as a 5 on a faint copy (`50; 412/SCT-QLTM`)
                          r"|[835][o069]\s*[:;]\s*(?=\d)|se\s*:\s*(?=\d))")
# a type's label before the number with its `số` garbled past reading, the colon kept (`Luật lá:
# 04/2017/QH14`, a phone photo): the label and the colon say it is the header's number
_LABELLED_LEAD = re.compile(r"^(?P<label>luat|nghi dinh|quyet dinh|nghi quyet|phap lenh)\s+[a-z]{1,3}\s*:\s*(?=\d)")
# a cited document's number, not the header's: `số` in small letters with its mark, no colon,
# and its date right after the number
_CITED_BY_DATE = re.compile(r"số\s+\d")
_DATE_AFTER = re.compile(r"\s*(?:ngày\s*\d|\d{1,2}/\d{1,2}/\d{4})")
# ... or what it is about, or whose (`số 96/QĐ-SCT về việc cử …`, `số 12/KH-UBND của …`, `số
# 5/QĐ-SNV phê duyệt …`): running text's cited document, its line's start lost on a faint copy
_ABOUT_AFTER = re.compile(r"\s*,?\s*(?:về|của|phê duyệt|ban hành|quy định)\s")
# specks OCR reads before `Số:` from a stamp's frame or a copier's dots (`* s9: 798/QĐ-TTg`)
_LEAD_SPECKS = "_—–-|.,:;'\"“”‘’*¡!•·§® "
_VV_LINES = 4
# one short scrap before `Số:` with its colon, a copier's specks between them or none (`VÀ _Số:
# 143, UBND-VP`); not a dash: `Mẫu - Số: 02/BM-TCCB` is a form's code, `ĐẾN - Số:` a stamp's line
_SCRAP_SPECKS = "_|.'\"“”‘’*¡!•·§® "
_SCRAP_BEFORE_NUMBER = re.compile(rf"^(\S{{1,3}})\s+(?=[{re.escape(_SCRAP_SPECKS)}]*[s$][^\w\s]{{0,2}}[o069]\s*:)")
# an issuer line that opens with its level, the body's head on the line above
_LEVEL_FIRST = re.compile(r"^(?:tinh|thanh pho|xa|phuong)\s")
# a number line's figures before its slash, its symbol unreadable (`2318/013-LI5NI)`)
_FIGURES_BEFORE_SLASH = re.compile(r"^([0-9]{2,5})\s*/")
# `V/v`, also as OCR reads its slash under a stamp or at low resolution (`Viv`, `‘V/v`)
_VV = re.compile(r"^[‘'\"`]?v\s?[/.il1]\s?v\b\s*[:.]?\s*")
_KINH_GUI = re.compile(r"^kinh\s*gui\s*[:;.]?\s*")
# ... its first word garbled (`Kt nh gửi:` under a stamp's ink): a short scrap or two, then
# `gửi` and its colon (folded)
_KINH_GUI_WORN = re.compile(r"^\W*(?P<kinh>[^\W\d_]{1,5}(?:\s+\S{1,2})?)\s+gui\s*:")


def _worn_kinh_gui(folded: str) -> bool:
    """`Kính gửi:` with `Kính` worn to letters two off it at most (`Kt nh gửi:`); `Thân gửi:`,
    `Người gửi:` are other words."""
    m = _KINH_GUI_WORN.match(folded)
    return m is not None and edit_distance(re.sub(r"\s+", "", m["kinh"]), "kinh", 2) <= 2
# an issuer of a commune's level: its date line names the commune, not a province
_COMMUNE_LEVEL = re.compile(r"\b(?:xa|phuong|dac khu)\b")
# a decision's subject opens so, and no other line of a header does
_DECISION_SUBJECT = re.compile(r"^ve viec\s+[a-z]")
# a number in running text (`số 1702/QĐ-UBND`, a wrapped subject's): a cited document's
_CITED_NUMBER = re.compile(r"\W*số\b")
# an item of a list of bodies (`- Các sở, ban, ngành;`), not a wrapped range (`-2025`)
_RECIPIENT_ITEM = re.compile(r"^[-–+•*]\s+[^\W\d_]")


def _recipient_item(text: str) -> bool:
    """An item of a list of bodies: a bullet, then a body's name, capitalised (`- Sở Nội vụ;`).
    A bullet before a small word is a speck before a wrapped line's word (`+ phố` under `… phía
    Tây thành`: a stamp's edge read as a plus)."""
    m = _RECIPIENT_ITEM.match(text)
    return m is not None and text[m.end() - 1].isupper()


_PLACE_DATE = re.compile(r"^[a-z][a-z .'-]{1,40},\s*ngay\s*\d")  # "lam ha, ngay 05 …" (folded)
_DATE_FIRST = re.compile(r"^\W{0,2}ngay\s*\d")
# a line ending on a cited document's number (`… Nghị định số 145/2020/NĐ-CP`): its date may
# follow on the next line
_CITES_AT_END = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ][\wĐđ.&-]*\W{0,2}$")


@lru_cache(maxsize=1)
def _motto_keys() -> tuple[str, ...]:
    return tuple(sorted(resources.lines("motto.txt"), key=len, reverse=True))


def _line_above(pages: list[Page], evidence: Evidence | None) -> str:
    """The line of the page text right above a fact's quote ('' where there is none)."""
    if evidence is None or evidence.start is None:
        return ""
    text = next((p.text for p in pages if p.number == evidence.page), "")
    end = text.rfind("\n", 0, evidence.start)
    return text[text.rfind("\n", 0, end) + 1:end] if end > 0 else ""


@lru_cache(maxsize=1)
def _bare_heads() -> frozenset[str]:
    return frozenset(fold_phrase(h) for h in resources.lines("bare_heads.txt"))


# a parent body's name that opens with no head the data knows has this many letters at least
_NAME_LETTERS = 8


@lru_cache(maxsize=1)
def _opening_heads() -> tuple[str, ...]:
    """What a parent body's line opens with, folded: a body's head (`Bộ`, `Ủy ban nhân dân`,
    `Tỉnh ủy`) or a level before its place (`Tỉnh`, `Thành phố`)."""
    heads = set(_head_words()) | {fold_phrase(row[0]) for row in resources.rows("admin_levels.txt")}
    return tuple(sorted(heads, key=len, reverse=True))


def _specks_as_capitals(line: str) -> bool:
    """Is a line read above the issuer a copy's specks read as capitals (`TY AC`, a run of
    letters no syllable spells: `UBNĐTỈNHSƠNEA`), not a body's name? A line opening as a body
    does (its abbreviations spelt out: `UBND TỈNH LÀO CAI`) is a name however damaged; one of
    other heads the data lacks (`ĐẢNG BỘ TỈNH …`, `ĐẠI HỌC QUỐC GIA …`) has its words and letters."""
    folded = fold_phrase(expand_abbreviations(line))
    if any(folded == h or folded.startswith(h + " ") for h in _opening_heads()):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    spelt = [w for w in words if is_syllable(w)]
    return sum(len(w) for w in words) < _NAME_LETTERS or len(spelt) < len(words) / 2


# a receiving stamp's handwritten figure glued before a header line, or standing apart from it
_STAMP_FIGURE = re.compile(r"^[^\w\s]{0,2}\d{1,5}[^\w\s]{0,2}\s*(?=[^\W\d_])")


def damaged_bare_head(text: str) -> str | None:
    """A bare head (`VĂN PHÒNG`, `THANH TRA`) alone on its line with a letter of it misread and
    its space maybe lost, a stamp's handwritten figure before it and a speck after (`67YANPHONG
    j` under a receiving stamp: a one-bit copy makes the figure and the print one word): the
    head in capitals, when exactly one bare head reads so."""
    # a speck read as a lone letter before the figure (`i 67YAN PHÒNG`) is no part of it
    text = re.sub(r"^(?:[^\d\s]\s+)+(?=\d)", "", text)
    figure = _STAMP_FIGURE.match(text)
    start = figure.end() if figure else 0
    words = text[start:].split()
    while len(words) > 1 and len(words[-1].strip(_PUNCT)) <= 1:
        words.pop()  # a speck read as a letter after the line
    core = " ".join(words)
    if not is_upper_line(core):
        return None
    read = re.sub(r"[^a-z]", "", fold_phrase(core))
    if len(read) < 6:
        return None
    # A letter off is taken only with a sign that the line is the head damaged: a stamp's
    # figure glued to it, or one of the head's own marks read (`YĂN PHÒNG`); and never with a
    # mark the head has not: `TẤN PHONG`, `TAN PHONG` are a commune's name (`XÃ` / `TÂN PHONG`)
    marked = _marked_letters(core)
    found = {head for head, letters, head_marked in _bare_head_letters()
             if (d := edit_distance(read, letters, 1)) <= 1 and marked <= head_marked and (d == 0 or figure or marked)}
    if len(found) != 1 or (not figure and fold_phrase(core) in _bare_heads()):
        return None  # none, two, or the head read right on its own (no damage to mend)
    return found.pop().upper()


def _marked_letters(text: str) -> frozenset[str]:
    return frozenset(c for c in text.lower() if c.isalpha() and mark_count(c))


@lru_cache(maxsize=1)
def _bare_head_letters() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Each bare head: as printed, its letters with no space or mark, its marked letters."""
    return tuple((h, re.sub(r"[^a-z]", "", fold_phrase(h)), _marked_letters(h)) for h in resources.lines("bare_heads.txt"))


@lru_cache(maxsize=1)
def _marks() -> frozenset[str]:
    return frozenset(fold_phrase(m) for m in resources.lines("marks.txt"))


@lru_cache(maxsize=1)
def _body_heads() -> tuple[str, ...]:
    heads = [*_head_words(), *_abbreviation_words()]
    return tuple(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    return tuple(fold_phrase(h) for h in resources.lines("body_heads.txt"))


@lru_cache(maxsize=1)
def _abbreviation_words() -> frozenset[str]:
    return frozenset(fold_phrase(a) for a in resources.words("abbreviations.tsv"))


@lru_cache(maxsize=1)
def _known_body_names() -> frozenset[str]:
    return frozenset(fold_phrase(b) for f in ("known_bodies.txt", "standalone_bodies.txt") for b in resources.lines(f))


@lru_cache(maxsize=1)
def _body_names() -> tuple[str, ...]:
    return tuple(sorted(set(_body_heads()) | _known_body_names(), key=len, reverse=True))


def _read_as_no_body(issuer: str | None, sender: str, place: str | None) -> bool:
    """Is the issuer lost, read as no body at all, or as none a fax's `sender` line could be
    mistaken for: the same kind of body by its first word and its level, but no known one nor
    a committee, with a word no syllable spells (`Ủy ban nham thành phố Ộng Hỏa Xê Ty)`)?
    Never where the date line names a known place the sender's name does not end in, a letter
    off at most (a commune's paper sent on by its province's fax: `xã Ia Grai`, `FROM: UBND
    TINH GIA LAI`)."""
    if place and is_known_place(place) and ends_off(sender, place_key(place)) > 1:
        return False
    if not issuer or not _names_a_body(issuer):
        return True  # (`thành phố Hal`: a committee's second line, its first lost)
    words = fold_phrase(issuer).split()
    level = _level_named(issuer)
    return bool(words) and words[0] == fold_phrase(sender).split()[0] \
        and level in (None, _level_named(sender)) \
        and fold_phrase(issuer) not in _known_body_names() and snap_committee(issuer, place) is None \
        and any(not is_syllable(w) for w in re.findall(r"[^\W\d_]+", issuer))


# a committee's levels, folded, as its name says them
_LEVEL_NAMED = re.compile(r"\b(thanh pho|thi xa|thi tran|dac khu|tinh|xa|phuong|huyen|quan)\b(?! hoi)")


def _level_named(body: str) -> str | None:
    """The first level a body's name says (`thành phố`), folded; None if it says none."""
    m = _LEVEL_NAMED.search(fold_phrase(body))
    return m.group(1) if m else None


def _names_a_body(issuer: str) -> bool:
    """Does the issuer read name a body anywhere in it: a head (`Ủy ban nhân dân`, `Sở`, `UBND`)
    or a known body opening one of its words?"""
    words = fold_phrase(issuer).split()
    if len(words) == 1 and words[0] not in _known_body_names():
        return False  # a head with no name (`Sở`: the `SỐ:` label read as one) names none
    if words[0] in _head_words() and not any(is_syllable(w) or "&" in w or fold_phrase(w) in _abbreviation_words()
                                              for w in issuer.split()[1:]):
        # nor one whose name is scraps (`Sở Bbci`: a stamp's figures over the line); a
        # department's short form has its `&` (`Sở GD&ĐT`)
        return False
    return any(starts_with_head(" ".join(words[i:]), _body_names()) for i in range(len(words)))


def _motto_at(seg: Segment, key: str) -> int:
    """Where a motto key stands in a segment, -1 if not; a `^` key only closes the line and
    opens it or follows capitals."""
    if not key.startswith("^"):
        return seg.folded.find(key)
    key = key[1:]
    pos = seg.folded.find(key)
    if pos < 0 or re.search(r"\w", seg.folded[pos + len(key):]):
        return -1
    left = seg.text[:pos].strip()
    return pos if not left or is_upper_line(left) else -1


_MOTTO_WORDS = ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam")


def _motto_run_before(words: list[str], word: str) -> bool:
    """Are `words` the motto's own words right before `word` of it, in order (`hoi` before
    `chu`, `xa hoi` before `chu`)?"""
    if word not in _MOTTO_WORDS:
        return False
    at = _MOTTO_WORDS.index(word)
    return 0 < len(words) <= at and tuple(words) == _MOTTO_WORDS[at - len(words):at]


def split_motto(seg: Segment) -> list[Segment]:
    """Cut a segment where the motto starts inside it (issuer and motto OCR'd onto one line)."""
    f = seg.folded
    for key in _motto_keys():
        pos = _motto_at(seg, key)
        if pos > 0 and f[pos - 1] == " ":
            # a piece of the motto's words alone (`HỘI CHỦ NGHĨA VIỆT NAM`, set apart from the
            # issuer by OCR) is all motto: `Hội` left standing would open an issuer. Words after
            # a body's name are its own (`BẢO HIỂM XÃ HỘI`, `VĂN PHÒNG QUỐC HỘI` before the key)
            if _motto_run_before(f[:pos].split(), f[pos:].split()[0]):
                return [seg]
            garbled = _garbled_motto_at(f)
            if 0 <= garbled < pos:
                pos = garbled  # its opening garbled before the key (`(CONG. HÓA XÃ, HỢP, CHỦ NGHĨA`)
            if pos == 0:
                return [seg]
            left = seg.sub(0, pos)
            if left.text:
                return [left, seg.sub(pos)]
        if pos >= 0:
            return [seg]
    pos = _garbled_motto_at(f)
    if pos > 0 and seg.sub(0, pos).text:
        return [seg.sub(0, pos), seg.sub(pos)]
    return [seg]


_MOTTO_LETTERS = "conghoaxahoichunghiavietnam"
# of the motto's 27 letters, at most this many read otherwise, dropped or added; of its first
# seven (`conghoa`), at most one (`cộng đồng xã hội …`, `công tác …` are other words)
_MOTTO_SLIPS = 5
_MOTTO_OPENING_SLIPS = 1


def _garbled_motto_at(folded: str) -> int:
    """Where the national motto starts in a line when OCR garbled it past every key
    (`ỦY BAN NHẨN DÂN“ “ CỘNG HỜWXÃ HOF CHU NGHIAVIET NAM`, a copier's streak through it): at a
    word opening `co`, whose letters from there are the motto's but for a few slips. -1 if not."""
    if "nam" not in folded and "viet" not in folded:
        return -1  # its end read whole, or no motto to find: most lines stop here
    n = len(_MOTTO_LETTERS)
    for m in re.finditer(r"(?<!\w)co", folded):
        letters = re.sub(r"[^a-z]", "", folded[m.start():])[:n + _MOTTO_SLIPS]
        if len(letters) < n - _MOTTO_SLIPS:
            break
        if edit_distance(letters[:7], _MOTTO_LETTERS[:7], _MOTTO_OPENING_SLIPS) > _MOTTO_OPENING_SLIPS:
            continue
        if edit_distance(letters, _MOTTO_LETTERS, any_prefix=True) <= _MOTTO_SLIPS:
            return m.start()
    return -1


# the motto's first two words in capitals opening a line, a sign glued after them and more
# after that, garbled (`CỘNG HÒA! (AH | Ủ NGHĨA …`: a stamp's frame through it); a ward's name
# is the two alone on its line (`PHƯỜNG` / `CỘNG HÒA`), or with a speck or its district after
# a space (`CỘNG HÒA ii`, `CỘNG HÒA (HUYỆN …)`)
_MOTTO_CAPITALS = re.compile(r"^\W{0,3}(cong\s+hoa)[!:;|'\"“”]\W*\w")


def is_motto(seg: Segment) -> bool:
    # (or a line that opens with the motto garbled past its keys, `CỘNG HÒA NA HỘI CHỦ NG HIA
    # VIET NAM.` on a copy of a copy: never an issuer)
    return any(_motto_at(seg, key) >= 0 for key in _motto_keys()) or _garbled_motto_at(seg.folded) == 0 \
        or bool((m := _MOTTO_CAPITALS.match(seg.folded)) and seg.text[m.start(1):m.end(1)].isupper())


def is_mark(seg: Segment) -> bool:
    return fold_phrase(seg.text) in _marks()



def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


# ---------------------------------------------------------------- classification

@dataclass
class Cls:
    seg: Segment
    kind: str  # blank rule motto number date vv kinh_gui mark title upper body text gazette
    extra: dict = field(default_factory=dict)


def _number_lead(seg: Segment) -> tuple[int, re.Match[str] | None]:
    """Where the segment's `Số:` stands (its offset in the folded text, and _NUMBER_LEAD's
    match there), past the specks OCR put before it (`_— Số: 1468/SNV-XDCQ`: the receipt
    stamp's frame beside it) and a scrap that is no word (`VW Số: 143/UBND-VP`: the `V/v`
    below, read into the line through a copier's grain; the colon says it is the header's)."""
    f = seg.folded
    lead = len(f) - len(f.lstrip(_LEAD_SPECKS))
    if lead and f[lead - 1] == "§" and _NUMBER_LEAD.match(f[lead - 1:]):
        lead -= 1  # `§ố:`: the S read as the section sign, no speck before it
    m = _NUMBER_LEAD.match(f[lead:]) or _LABELLED_LEAD.match(f[lead:])
    scrap = _SCRAP_BEFORE_NUMBER.match(f[lead:]) if not m else None
    if scrap and _is_scrap(_without_speck(seg.text[lead:lead + scrap.end(1)]),
                           seg.text[lead + scrap.end(1):].lstrip(_SCRAP_SPECKS)[:1] == "S"):
        lead += scrap.end(1)
        lead += len(f[lead:]) - len(f[lead:].lstrip(_LEAD_SPECKS))
        m = _NUMBER_LEAD.match(f[lead:])
    return lead, m


def _without_speck(token: str) -> str:
    """Letters with a speck read after them, without it (`VN.`); an item's label keeps its
    stop (`1.`, `a.`)."""
    letters = token.rstrip(_SCRAP_SPECKS)
    return letters if len(letters) >= 2 and letters.isalpha() else token


def _is_scrap(token: str, capital_so: bool = False) -> bool:
    """Letters that spell no word: no syllable, no type's abbreviation (`QĐ số: …` is a cited
    decision's), no item's label (`1.`, `a)`: figures and brackets are no scrap). Before the
    header's own `Số:`, in capitals, a syllable is a scrap too: a receipt stamp's pale frame
    reads as one (`leo Số: 15/2026/NQ-CP`), and no sentence puts one word before `Số:`; so
    does a lone figure, a copier's speck read as one (`7 “Số: 21/2026/NQ-CP`; an item's label
    has its stop or bracket)."""
    if capital_so and len(token) == 1 and token.isdigit():
        return True
    return token.isalpha() and (capital_so or not may_be_syllable(token)) \
        and type_for_abbreviation(token.upper()) is None


# a fax's page counter alone on its line: no document number
_FAX_PAGE = re.compile(rf"^\W*{FAX_PAGE_COUNTER}\W*$")
# the line a fax machine prints over the page (`FROM: UBND TINH …`, `FAX: 02xx … PAGE 1/1`):
# the sender's name in it is no issuer's line
_FAX_CHROME = re.compile(r"^\W{0,2}(?:from|fax|tel)\s?[:;]")


# a sign no date line prints, between a word and a figure or two words: a speck read with
# them; between two figures it is none of this (`1*5` is no `1 5`); an apostrophe only between
# a word and a figure (`năm'2025`: a place's `K'Bang` holds one between letters)
_GLUED_SPECK = re.compile(r"(?<=[a-z])[*#{}|~^](?=[a-z0-9])|(?<=[0-9])[*#{}|~^](?=[a-z])|(?<=[a-z])['’‘`](?=[0-9])")


def classify(seg: Segment) -> list[Cls]:
    """One header segment → one or more classified pieces (number and date may share a line)."""
    f = seg.folded
    text = seg.text
    if is_rule_line(text):
        return [Cls(seg, "rule")]
    if _FAX_PAGE.match(f) or _FAX_CHROME.match(f):
        return [Cls(seg, "text")]
    if GAZETTE.match(f) or section_heading(f):
        return [Cls(seg, "gazette")]
    if is_motto(seg):
        return [Cls(seg, "motto")]
    out: list[Cls] = []
    lead, m = _number_lead(seg)
    if m:
        rest = seg.sub(lead + m.end())
        found = find_header_number(rest.text) or slash_read_as_comma(rest.text) or slash_read_as_bracket(rest.text)
        # (after a type's name too: `Quyết định số 1719/QĐ-TTg ngày 14 …`, a body line whose start
        # a curled photo's blur garbled; the header's is `Số:`, a law's `Luật số:`, with a colon)
        labelled_off = len(m["label"]) if m["label"] else 0
        if found and _CITED_BY_DATE.match(text[lead + labelled_off:].lstrip()) and (
                _DATE_AFTER.match(rest.text[found[2]:]) or _ABOUT_AFTER.match(rest.text[found[2]:])):
            # `số 1702/QĐ-UBND ngày 08/10/2025`: a V/v line wrapped at a cited document, in
            # small letters and dated, not the header's `Số:` (the subject goes on through it)
            return [Cls(seg, "text")]
        if found:
            dn, a, b = found
            # `Luật số: 04/2017/QH14`: the label names the type that a legislature's symbol does not
            labelled = type_for_title(m["label"]) if m["label"] else None
            tail = rest.sub(b)
            out.append(Cls(rest.sub(a, b), "number", {"number": dn, "lead": seg,
                                                     "labelled": labelled[1] if labelled else None,
                                                     "runs_on": glued_tail(rest.text[b:]),
                                                     "apart": _capitals_apart(rest.text[b:]),
                                                     "garbled": _punctuation_in_symbol(rest.text, a, b)}))
            if tail.text:
                beside = classify(tail)
                day = _date_ending(tail) if not any(c.kind == "date" for c in beside) else None
                # the place-date column read on the number's line, its place under a stamp's
                # handwriting (`Số: 12/QĐ-UBND Na, 27/11 pic, ngày 24 tháng 11 năm 2025`): the
                # full date ending the line is the date line's; no place is read from the scraps
                out.extend(beside if day is None else classify(tail.sub(day)))
            return out
        if rest.text and len(rest.text) <= 40 and re.search(r"\d", rest.text[:4]):
            return [Cls(seg, "bad_number", {"raw": rest.text.split()[0]})]
    if _opens_body(seg, f) or _damaged_can_cu(seg):
        return [Cls(seg, "body")]
    bare = _bare_number(seg)
    if bare is not None:
        return bare
    # a speck glued between a word and a figure (`nam*2026`, `tháng 11*ndm 2022` on augraphy's
    # photocopies) parts them as a space would: one sign for one, so the quote's places hold
    f = _GLUED_SPECK.sub(" ", f)
    dates = [d for d in find_dates(f) if d.iso and f[d.start:d.start + 4] == "ngay"]
    if not dates:
        dates = [d for d in find_header_dates(f) if d.iso]
    if not dates:
        # a stamp's scraps among the date line's words, right after a place
        dates = [d for d in find_date_through_scraps(f) if d.iso and _place_shaped(text[:d.start])]
    if not dates:
        # a fax's date line with every word garbled, before it a place's shape: one to four
        # capitalised words (`Ha Nai, neav 15 thủng 5 nam 2026`; not `học viên, nam 15 nữ …`)
        garbled = [d for d in find_garbled_date_line(f) if d.iso]
        dates = [d for d in garbled if _place_shaped(text[:d.start]) or _place_worn(text[:d.start])]
        cut = _place_start(text, garbled[0].start) if garbled and not dates else 0
        if cut > 0 and _place_shaped(text[cut:garbled[0].start]):
            # a copier's specks read before the place (`Mua me oo Ha Nội ngày. 29 …`)
            return classify(seg.sub(0, cut)) + classify(seg.sub(cut))
    if not dates:
        # worn past those (`Hà Nội, Py 1s han 5 năm 2026`): the line's skeleton, right after a
        # place and its comma only (or the comma read as a stop: `Lạng Sơn. rigav 14 thang 10`
        # on a phone photo)
        skeleton = [d for d in find_date_skeleton(f) if d.iso and (_place_shaped(text[:d.start].rstrip().rstrip("."))
                                                                  or _place_worn(text[:d.start].rstrip().rstrip(".")))
                    and text[:d.start].rstrip()[-1:] in (",", ".") and not _opens_on_a_person(text[:d.start])]
        if skeleton and len(f[skeleton[0].end:].strip(" .,;")) <= 2:
            return [Cls(seg, "date", {"date": skeleton[0], "skeleton": True})]
        # a phone photo's edge cut the line's start (`iy 28 tháng 12 năm 2022`): told by where
        # it stands, as a skeleton is
        cut_off = [d for d in find_cut_date_line(f) if d.iso]
        if cut_off:
            return [Cls(seg, "date", {"date": cut_off[0], "skeleton": True})]
    # The place-date line ends with its date and has at most a place name before it (after it,
    # a speck or a stamp's frame line read as dashes: `năm 2026 — -`).
    if dates and len(f[dates[0].end:].strip(" .,;-–—_")) <= 2:
        hit = dates[0]
        at = _without_a_speck_after_the_comma(text, hit.start)
        # a place's letter read as a figure (`Hà N6i, ngày …`): the words still a place's shape
        if (_a_place_at_most(f[:at]) or _place_shaped(_FIGURE_IN_A_WORD.sub("", text[:at]))
                or _place_worn(text[:at])) \
                and not _runs_on(text[:at]):
            return [Cls(seg, "date", {"date": hit})]
        # Another column's text on the same line: the place is the capitalised words
        # right before ", ngày".
        cut = _place_start(text, hit.start)
        if cut > 0:
            return classify(seg.sub(0, cut)) + classify(seg.sub(cut))
    # a date line whose year lost a digit, or whose day is no figure (handwritten, blank) or
    # year was cut off: the line ends there and holds a place at most before it (a partial
    # date has a place: a subject that names a day, `… Giờ Trái Đất ngày 23 tháng 3`, none)
    lost = find_lost_year(f) if not dates else None
    partial = ("lost_year", lost) if lost is not None else ("partial", find_partial_date(f)) if not dates else None
    if partial is not None and partial[1] is not None and len(f[partial[1].end:].strip(" .,;`'-—–")) <= 2:
        what, hit = partial
        if _a_place_at_most(f[:hit.start]) and not _runs_on(text[:hit.start]) \
                and (what == "lost_year" or f[:hit.start].strip()):
            return [Cls(seg, "date", {"date": DateHit(None, hit.start, hit.end), what: hit})]
    if re.match(r"ngay \d{1,2}\b", f) and text[:1].isupper():
        return [Cls(seg, "body")]  # "Ngày 10 tháng 11 năm 2025, đồng chí …" opens a notice
    if _VV.match(f):
        return [Cls(seg, "vv")]
    if _KINH_GUI.match(f) or _worn_kinh_gui(f):
        return [Cls(seg, "kinh_gui")]
    if is_mark(seg):
        return [Cls(seg, "mark")]
    if _opens_body(seg, f):
        return [Cls(seg, "body")]
    scrap = _FIGURE_SCRAP.match(text)
    if scrap and is_upper_line(text[scrap.end():]):
        # a speck read as a figure before a body's name or a title (`1. CHÍNH PHỦ`, `7 NGHỊ
        # ĐỊNH` on augraphy's photocopies): the line without it is one or the other, or neither
        rest = classify(seg.sub(scrap.end()))
        if len(rest) == 1 and (rest[0].kind == "title" or (rest[0].kind == "upper" and starts_with_head(
                fold_phrase(_issuer_text(rest[0].seg)), _body_heads()))):
            return rest
    title = type_for_title(text)
    after = _title_after_a_note(text) if title is None else 0
    if after:
        # a stamp's words read before the title on its line (`“cone TẤN BỀN, . QUYẾT ĐỊNH`)
        return classify(seg.sub(after))
    beside = _title_beside_a_note(text) if title is None else 0
    if beside:
        # a title with a reader's note written beside it (`THÔNG TƯ ˆ Tổng hợp`), apart by a
        # speck OCR read between them: the note is no part of the title nor of the subject
        return classify(seg.sub(0, beside))
    bare = without_specks(text) if title else text
    if title and is_upper_line(bare) and not text.rstrip().endswith(":"):
        label = squash(bare).rstrip(" .,")
        if (" " not in label and " " in title[0]) or \
                fold_phrase(label).replace(" ", "") != fold_phrase(title[0]).replace(" ", ""):
            label = title[0]  # a title read by its shape (`NGHỊ DINII`, `g UVẾT ĐỊNH`, `KEHOACH`)
        return [Cls(seg, "title", {"label": label, "doc_type": title[1]})]
    if damaged_bare_head(text) is not None:
        return [Cls(seg, "upper")]
    if is_upper_line(text) or (_half_in_capitals(text) and fold_phrase(text) in _known_body_names()) \
            or (len((trimmed := _capitals_before_specks(text)).split()) >= 2 and is_upper_line(trimmed)):
        # a body's name in capitals that a photo's light read partly small (`BỘ Nội VỤ`); a
        # body named in small letters (`Chính phủ` wrapping a subject) is text
        return [Cls(seg, "upper")]
    return [Cls(seg, "text")]


def _continues_in_small_letters(items: list[Cls | None], idx: int) -> bool:
    """Is the next header item a line of text opening in small letters (a wrapped line)?"""
    below = next((x for x in items[idx + 1:] if x is not None), None)
    return below is not None and below.kind == "text" and below.seg.text.lstrip()[:1].islower()


def _a_communes_body(issuer: str | None) -> bool:
    """Is the issuer a commune's, ward's or special zone's body? A department's name cut short
    is none though its word folds to a level's (`Sở Xâ` for `Sở Xây dựng`: `so xa`)."""
    return bool(issuer) and not is_department(issuer) and bool(_COMMUNE_LEVEL.search(fold_phrase(issuer)))


def _opens_on_a_committee_head(line: str) -> bool:
    """Does the line open on a committee's head in capitals, its last word or two a letter off
    (`ỦY BAN NHÂN ĐÂN …`, `ỦY BAN NHÂN BAN …`)? A sentence's `Ủy ban nhân dân xã …` does not."""
    m = re.match(r"\W*uy\s+ban\s+(\S+)\s+(\S+)", fold_phrase(line))
    head = [c for c in " ".join(line.split()[:4]) if c.isalpha()]
    return m is not None and edit_distance(m.group(1) + m.group(2), "nhandan", 2) <= 1 \
        and sum(c.isupper() for c in head) >= 0.75 * len(head)


def _from_a_level(issuer: str) -> str | None:
    """The issuer's words from its last level word on (`xã' Mường Khoa` in `D bn bản dân xã'
    Mường Khoa`), None when it holds none."""
    words = [re.sub(r"\W", "", w) for w in issuer.split()]  # (a speck glued to it: `xã'`)
    bare = [fold_phrase(w) for w in words]
    for i in range(len(words) - 2, -1, -1):
        if bare[i] == "xa" and i > 0 and bare[i - 1] == "thi":
            return None  # `thị xã`: a town's, a district's level, no commune's
        if _LEVEL_FIRST.match(" ".join(bare[i:i + 3])):
            return " ".join([words[i], *issuer.split()[i + 1:]])
    return None


def _without_level(place: str) -> str:
    """The place's name without a level before it (`Thành phố Hải Phòng` → `Hải Phòng`)."""
    words = place.split()
    return " ".join(words[2:]) if len(words) > 2 and fold_phrase(words[1]) in _LEVEL_TAILS else place


def _another_place(read: str | None, seat: str) -> bool:
    """Does a place read as no place still hold a capitalised word another place's (`Lâm 06`
    where the issuer's province is Sơn La): a word of the read a letter or more from every word
    of `seat`? Scraps, specks and words a letter off (`ân The` for `Cần Thơ`) do not."""
    if not read:
        return False

    def a_letter_off(word: str, other: str) -> bool:
        # a short word's letter lost or added is another word (`Lâm` is no `La`)
        if len(word) != len(other) and min(len(word), len(other)) < 4:
            return False
        return edit_distance(word, other, 2) <= 1

    seat_words = [fold_phrase(w) for w in seat.split()]
    return any(len(w) >= 2 and w[0].isupper() and is_syllable(w)
               and not any(a_letter_off(fold_phrase(w), s) for s in seat_words)
               for w in re.findall(r"[^\W\d_]+", read))


# a stop or a colon between a type part's letters and the dash after it: no symbol holds one, so
# a letter was read as it (`1185/TT:-SNV`, a `TTr`'s small r blurred into a colon)
_PUNCTUATION_IN_SYMBOL = re.compile(r"[:;.,'’][-–][A-ZĐ]")


def _punctuation_in_symbol(text: str, a: int, b: int) -> str:
    """The whole word of a number whose parse stopped at a stop or colon inside its symbol
    (`1185/TT:-SNV`), "" if it did not."""
    return text[a:].split()[0] if _PUNCTUATION_IN_SYMBOL.match(text, b) else ""


# a number's last part's letters a space after what parsed, capitals and specks only
_CAPITALS_APART = re.compile(r" ([A-ZĐ][A-ZĐ'’.]{0,3})(?=\s|$)")


def _capitals_apart(after: str) -> str:
    """The capitals standing a space after what parsed of a number (`I'C` after `388/QĐ-S`),
    "" if none: what is read there is the date column's words in mixed case, or nothing."""
    m = _CAPITALS_APART.match(after)
    return m.group(1) if m else ""


def _date_ending(seg: Segment) -> int | None:
    """Where a whole date line's date (`ngày … tháng … năm …`) ending the segment starts, after
    a comma as a place's (`…, ngày`): a subject's `V/v … đến ngày 15 tháng 3 năm 2026` beside the
    number is no date line."""
    f = _GLUED_SPECK.sub(" ", seg.folded)
    if _VV.match(f.lstrip()):
        return None
    hits = [d for d in find_dates(f) if d.iso and f[d.start:d.start + 4] == "ngay" and len(f[d.end:].strip(" .,;")) <= 2
            and f[:d.start].rstrip().endswith(",")]
    return hits[-1].start if hits else None


# a speck after the place's comma, read as a figure or a sign or two (`Hà Nội, 1 ngày …`)
_SPECK_AFTER_THE_COMMA = re.compile(r"(?<=,)\s*(?:\d|[^\w\s]){1,2}\s+$")


def _without_a_speck_after_the_comma(text: str, date_start: int) -> int:
    """Where the place's text ends before a date line's `ngày` at `date_start`: before a speck
    read after its comma, if any."""
    m = _SPECK_AFTER_THE_COMMA.search(text[:date_start])
    return m.start() if m else date_start


def _a_place_at_most(before: str) -> bool:
    """Is what stands before a date line's `ngày` a place's name at most (a few words, no
    figures), not another column's text, nor a sentence's deadline (`không quá ngày …`)?"""
    words = before.split()
    if words and all(w.strip(",.;:") in resources.words("deadline_words.txt") for w in words):
        return False
    return len(words) <= 6 and not re.search(r"[\d/]", before)


def _runs_on(before: str) -> bool:
    """Does a sentence run on into `ngày` (`… quyền địa / phương ngày 22 tháng 11 năm 2019`, a
    cited law's date wrapped in the grounds)? A word in small letters right before it, with no
    stop or comma between: a place is capitalised, and a date line puts its comma there. A
    letter alone that is no word (`ÿ ngày …`) is a copier's speck, not a sentence's."""
    words = before.split()
    if len(words) == 1 and len(words[0]) == 1 and not is_syllable(words[0]):
        return False
    return bool(words) and words[-1][:1].islower() and words[-1][-1:].isalpha()


def _half_in_capitals(text: str) -> bool:
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 2]
    return bool(words) and 2 * sum(w.isupper() for w in words) >= len(words)


# a stamp's scraps read as syllables (`Ta và. Bồ vì KẾ HOẠCH`): at most this many words of at
# most this many letters, not in capitals (an enacting line before a title is)
_SCRAP_SYLLABLES, _SCRAP_SYLLABLE_LETTERS = 5, 3


def _scraps_in_small_letters(head: str) -> bool:
    words = head.split()
    return 0 < len(words) <= _SCRAP_SYLLABLES and not is_upper_line(head) \
        and all(len(re.sub(r"\W", "", w)) <= _SCRAP_SYLLABLE_LETTERS for w in words)


def _title_after_a_note(text: str) -> int:
    """Where a title in capitals starts when a stamp's scraps stand before it on its line
    (`“cone TẤN BỀN, . QUYẾT ĐỊNH`): the title is the line's end, nothing after it, and what is
    before holds a sign or is mostly no syllables; 0 when the line is no such title. A body's
    enacting line (`BỘ TRƯỞNG BỘ NỘI VỤ QUYẾT ĐỊNH:`) ends in a colon or is words."""
    if text.rstrip().endswith(":"):
        return 0
    words = list(re.finditer(r"\S+", text))
    for k in range(1, len(words)):
        tail = text[words[k].start():]
        title = type_for_title(tail)
        if title and is_upper_line(tail) and fold_phrase(tail).replace(" ", "") == fold_phrase(title[0]).replace(" ", ""):
            head = text[:words[k].start()]
            signs = re.search(r"[^\w\s,.\-]|[,.]\s*[,.]", head)
            return words[k].start() if signs or mostly_not_syllables(head) or _scraps_in_small_letters(head) else 0
    return 0


def _title_beside_a_note(text: str) -> int:
    """Where a title in capitals ends when a speck (`ˆ`, `|`, `—`) and more words follow it on
    its line; 0 when the line is no such title."""
    words = text.split()
    for k in range(1, min(4, len(words) - 1)):
        speck = words[k]
        if len(speck) <= 3 and not any(unicodedata.category(c)[0] in "LN" and unicodedata.category(c) != "Lm"
                                       for c in speck):
            head = " ".join(words[:k])
            if type_for_title(head) and is_upper_line(head):
                return len(head)
            return 0
    return 0


# the `Số:` label garbled into one or two scraps of three characters at most, or three letters
# with specks about them (`R we 15/2026/NQ-CP`, `sẽ 944/QĐ-TTg`, `‘ots. 15/2026/NQ-CP` on
# augraphy's photocopies): taken only where the header's place says (`loose`)
_SCRAPS_BEFORE_NUMBER = re.compile(r"^(?:[^\s\d]{1,3} |[^\w\s]{0,2}[^\W\d_]{1,3}[^\w\s]{1,2} ){1,2}(?=\d)")


def _a_provinces_committee(committee: str | None) -> bool:
    """Is the committee (as snap_committee names it) a province's (departments, `Sở …`, are a
    province's)?"""
    return fold_phrase(committee or "").startswith(("uy ban nhan dan tinh ", "uy ban nhan dan thanh pho "))


def _scrap_before_the_number(taken: DocNumber, later: Cls) -> bool:
    """Is `taken`, a bare number of no type, a scrap (its symbol a letter or two) where a
    number under its `Số:` with a type follows (`7 / K` above `Số: 28/QĐ-BQLDA`)?"""
    return len("".join(taken.parts)) <= 2 and not later.extra.get("bare") \
        and type_of_number(later.extra["number"]) is not None


def _bare_number(seg: Segment) -> list[Cls] | None:
    """A segment that is a document number with its `Số:` lost or garbled (`05/CĐ-UBND`,
    `Sô 05/CĐ-UBND`): what it holds decides, not where it sits — but for a number after
    scraps of its label, which the caller takes only in the header's top."""
    text = seg.text
    m = re.match(r"^\S{0,4}?\s?(?=\d)", text)
    loose = False
    if not m or not is_upper_line(re.sub(r"[\d\W]", "", text) + "AA"):
        m = _SCRAPS_BEFORE_NUMBER.match(text)
        loose = True
        if not m or not is_upper_line(re.sub(r"[\d\W]", "", text[m.end():]) + "AA") \
                or any(w.lower() in resources.words("number_joining_words.txt") for w in text[:m.end()].split()):
            return None
    found = find_header_number(text[m.end():])
    if not found:
        return None
    dn, a, b = found
    if dn.number is None or a != 0 or b + m.end() < 0.6 * len(text.rstrip(" .,;")):
        return None
    if loose and (type_of_number(dn) is None or text[m.end() + b:].strip(" .,;")):
        return None  # the number alone on its line, and of a type (`…/NQ-CP`), or no number
    if text[m.end() + b:].lstrip()[:1] in (":", ";"):
        # the end of a ground's clause wrapped onto its own line (`… Luật số` / `28/2025/QH15:`
        # under a copy of a copy's lost `Số:`): a cited law, never the header's number
        return None
    out = [Cls(seg.sub(m.end() + a, m.end() + b), "number", {"number": dn, "lead": seg, "bare": True,
                                                               "loose": loose})]
    tail = seg.sub(m.end() + b)
    if tail.text:
        out.extend(classify(tail))
    return out


# one figure with a speck or two about it, alone before a line in capitals
_FIGURE_SCRAP = re.compile(r"^[^\w\s]{0,2}\d[^\w\s]{0,2}\s+")
_FIGURE_IN_A_WORD = re.compile(r"(?<=[^\W\d_])\d(?=[^\W\d_])")


def _opens_on_a_person(text: str) -> bool:
    """`Ông Nguyễn Văn An, …`: an honorific opens it, a person's name, never a place."""
    words = fold_phrase(text).split()
    return any(" ".join(words[:n]) in honorifics() for n in (1, 2))


# no body above the issuer is named in fewer letters (`BỘ Y TẾ`, `UBND TỈNH …`)
_PARENT_LETTERS = 4


def _place_shaped(text: str) -> bool:
    """One to four words, each of letters only and capitalised, then the comma; a level's
    second word in small letters may stand before them (`Thành phố Hồ Chí Minh`)."""
    words = text.strip().rstrip(",").split()
    if len(words) > 2 and words[0][:1].isupper() and fold_phrase(words[1]) in _LEVEL_TAILS:
        words = words[2:]
    return 1 <= len(words) <= 4 and all(w.isalpha() and w[0].isupper() for w in words)


def _place_worn(text: str) -> bool:
    """A place's shape with a word read as figures after its first (`Lâm 06,`): the date is
    the line's all the same; the place is mended from the issuer's name or dropped."""
    words = text.strip().rstrip(",").split()
    worn = [w for w in words[1:] if worn_word(w)]
    return 2 <= len(words) <= 4 and bool(worn) and all(
        w in worn or (w.isalpha() and w[0].isupper()) for w in words[1:]) and words[0].isalpha() \
        and words[0][0].isupper() and opens_a_place(words)


def _place_start(text: str, date_start: int) -> int:
    """Offset where the place name before a `, ngày …` date starts (0 when not found)."""
    words = list(re.finditer(r"\S+", text[:date_start]))
    start = -1
    for w in reversed(words[-5:]):
        # a comma OCR set apart (`Hà Nội ,ngày`) and a speck glued before the place (`“Hà`)
        # are no words of it
        core = re.sub(r"^[^\w]+", "", w.group())
        if not core and start < 0:
            continue
        # a place's word holds no figure but one read for a letter inside it (`N6i`): `S26,`
        # before `Hà Nội, ngày …` is a copier's band over the margin, no word of the place
        if core[:1].isupper() and not is_upper_line(core) and not re.search(r"\d", _FIGURE_IN_A_WORD.sub("", core)):
            start = w.start() + len(w.group()) - len(core)
        else:
            break
    return max(start, 0)


def header_items(page: Page, max_lines: int = 45) -> list[Cls | None]:
    """Classified segments of the header zone of a page; None marks a blank line."""
    items: list[Cls | None] = []
    lines = _rejoin_date(page, page.lines[:max_lines])
    for line in lines:
        if not line:
            items.append(None)
            continue
        line = _rejoin_number(page, line)
        for seg in line:
            for part in split_number_label(seg):
                for piece in split_motto(part):
                    items.extend(classify(piece))
    return _motto_tails(_motto_heads(items))


def _motto_tails(items: list[Cls | None]) -> list[Cls | None]:
    """The motto's closing words set apart from it on its own line (`CỘNG HÒA XÃ HỘI !›HỦ |
    VIỆT NAM`: a stamp's ink garbled `CHỦ NGHĨA` and a gap split the rest off): the motto's, not
    words of the issuer whose line OCR joined to the left of it."""
    out = list(items)
    for i, it in enumerate(out):
        if it is None or it.kind != "upper":
            continue
        words = tuple(it.seg.folded.split())
        if not words or words != _MOTTO_WORDS[len(_MOTTO_WORDS) - len(words):]:
            continue
        # the motto's own words before it on the line, read without their close: not the tagline
        # (`Độc lập - Tự do - Hạnh phúc | VIỆT NAM` is a body's name wrapped beside it), nor the
        # motto read whole (a body's `VIỆT NAM` may follow that)
        if any(x is not None and x.kind == "motto" and x.seg.line == it.seg.line
               and re.search(r"\b(?:cong hoa|xa hoi)\b", x.seg.folded) and not x.seg.folded.rstrip(" .").endswith("nam")
               for x in out[:i]):
            out[i] = Cls(it.seg, "motto")
    return out


def _motto_heads(items: list[Cls | None]) -> list[Cls | None]:
    """A line of the motto's first words alone and in order, up to `HỘI` (`HỘI`, `XÃ HỘI`),
    right above the rest of it without them (`U NGHĨA VIỆT NAM`): the motto broken over two
    lines, not an issuer (`Hội` is a body's head). A body's `XÃ HỘI` wrapped above the whole
    motto, or a commune `XÃ CỘNG HÒA`, stays the issuer's."""
    out = list(items)
    for i, it in enumerate(out):
        if it is None or it.kind != "upper" or not _motto_run_before(it.seg.folded.split(), "chu"):
            continue
        below = next((x for x in out[i + 1:] if x is not None and x.seg.line > it.seg.line), None)
        if below is not None and below.kind == "motto" and below.seg.line == it.seg.line + 1 \
                and "nghia" in below.seg.folded and "hoi" not in below.seg.folded.split():
            out[i] = Cls(it.seg, "motto")
    return out


# the subject's `V/v` and the number's label after it, a number after that (`V/v Số: 143/…`):
# capitalised, with its colon (a sentence's `V/v thực hiện … số 12/QĐ-UBND` has neither). Only
# after `V/v`: before a label, an item's mark or a speck says the line is no number's
# (`1. Số: …`, `QĐ Số: …`; other rules read those)
_LABEL_AFTER_VV = re.compile(r"^[Vv]/[Vv]:?\s+(?=Số\s*:\s*\d{1,5}\s*/)")


def split_number_label(seg: Segment) -> list[Segment]:
    """Cut the subject's `V/v` off a number line it was read into: Tesseract ran the header's
    lines into one (`V/v Số: 143/UBND-VP công Pant Phong. ngày 20 …`, augraphy's hazy
    photocopy), and the number went with the subject."""
    m = _LABEL_AFTER_VV.match(seg.text)
    if m is None:
        return [seg]
    return [seg.sub(0, m.end()), seg.sub(m.end())]


# `Tân Phong, ngày` ending a line: a place in capitalised words (or none) and a comma before it;
# or the line run on to its month, its year wrapped in its cell (`…, ngày 05 tháng 01` over
# `năm 2026`: a long place's name)
_DANGLING_NGAY = re.compile(r"(?:^|,)\s*ngay(?P<month> \d{1,2} thang \d{1,2})?$")
_YEAR_WRAPPED = re.compile(r"^nam \d{4}\b")
# a level's second word, in small letters inside a place's name (`Thành phố`, `Thị xã`, `Thị trấn`)
_LEVEL_TAILS = frozenset({"pho", "xa", "tran"})


def _rejoin_date(page: Page, lines: list[list[Segment]]) -> list[list[Segment]]:
    """A date line OCR broke after `ngày` (`Tân Phong, ngày` over `20 tháng 10 năm 2025`): the
    line's last piece and the next line's first put back together as one."""
    out = [list(line) for line in lines]
    for i in range(len(out) - 1):
        dangling = _DANGLING_NGAY.search(out[i][-1].folded) if out[i] and out[i + 1] else None
        if dangling is None or (dangling["month"] and not _YEAR_WRAPPED.match(out[i + 1][0].folded)):
            continue
        a, b = out[i][-1], out[i + 1][0]
        place = a.text[:a.text.rfind(",") + 1].rstrip(",").split() if "," in a.text else []
        if len(place) > 5 or not all(w[:1].isupper() or fold_phrase(w) in _LEVEL_TAILS for w in place):
            continue  # `chào mừng ngày` wrapping a subject is no date line (`Thành phố Hồ Chí Minh` is a place)
        joined = "ngay" + (dangling["month"] or "") + " " + b.folded
        if not any(d.iso and d.start == 0 for d in find_dates(joined) + find_header_dates(joined)):
            continue
        # same length as the page text between them, so offsets into it still hold
        text = page.text[a.start:b.end].replace("\n", " ")
        merged = Segment(a.page, a.line, a.col, a.start, text, page.folded[a.start:b.end].replace("\n", " "))
        out[i][-1] = merged
        del out[i + 1][0]
    # a line emptied by the join is gone, not a blank line (which would end the header's block)
    return [line for line, was in zip(out, lines) if line or not was]


_LONE_SO = re.compile(r"^(?:luat\s+)?s[o06]\s*[:;.]?$")


def _rejoin_number(page: Page, line: list[Segment]) -> list[Segment]:
    """`Số:` cut off from its number by a wide gap: put the two back together."""
    if len(line) >= 2 and _LONE_SO.match(line[0].folded):
        a, b = line[0], line[1]
        text = page.text[a.start:b.end]
        merged = Segment(a.page, a.line, a.col, a.start, text, page.folded[a.start:b.end])
        return [merged] + line[2:]
    return line


# ---------------------------------------------------------------- issuer

def _group_issuer_lines(segs: list[Segment]) -> list[list[Segment]]:
    """Issuer-block lines → bodies: a line that starts with a body head opens a new body."""
    heads = _body_heads()
    groups: list[list[Segment]] = []
    for seg in segs:
        if not groups or starts_with_head(fold_phrase(_issuer_text(seg)), heads) is not None or (
                is_upper_line(seg.text) and (damaged_body_line(seg.text) or _damaged_committee_head(seg.text))):
            groups.append([seg])
        else:
            groups[-1].append(seg)  # a wrapped line of the same body
    # The same body printed twice (a letterhead image over typed text) counts once.
    out: list[list[Segment]] = []
    seen: set[str] = set()
    for g in groups:
        key = fold_phrase(" ".join(_issuer_text(s) for s in g))
        if key in seen:
            continue
        seen.add(key)
        out.append(g)
    return out


def _damaged_committee_head(line: str) -> bool:
    """A committee's first line with `NHÂN` a letter off under a stamp's side (`ỦY BAN NHAM DÂ`):
    it opens a body of its own, not the line above wrapped (a stamp's title scrap, `TRA`)."""
    m = re.match(r"uy ban (\S+) d", fold_phrase(line))
    return m is not None and edit_distance(m.group(1), "nhan", 1) == 1


def _foreign_letter(word: str) -> bool:
    """Does the word hold a letter outside the Vietnamese alphabet and its marks (`ø`, `ß`)?"""
    return any(c.isalpha() and not re.fullmatch(r"[a-zđ]", fold_phrase(c) or "a") for c in word)


def _capitals_before_specks(text: str) -> str:
    """A line in capitals without the specks read after it as small letters (`XÃ TÂN PHONG
    wo`: a copier's grain beside a commune's name); the line as it is when there are none."""
    words = text.split()
    while len(words) > 1 and small_speck(words[-1].strip(_PUNCT)) and " ".join(words[:-1]).isupper():
        words = words[:-1]
    return " ".join(words)


# a committee's first line, its last word worn or a stamp's scraps after it (folded): `ỦY BAN
# NHÂN DA Ư KẾT …` over `TỈNH …`
_COMMITTEE_FIRST_LINE = re.compile(r"^uy ban nhan d")
_COMMITTEE = "ỦY BAN NHÂN DÂN"
# the levels a committee is named by
_COMMITTEE_LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    """Their words, folded (admin_levels.txt)."""
    return frozenset(w for lv in levels(_COMMITTEE_LEVELS) for w in fold_phrase(lv).split())


def _wrapped_issuer_texts(segs: list[Segment]) -> list[str]:
    """The issuer's lines as they should read, a comma that ends a line before the next kept:
    the name wraps at it (`SỞ VĂN HÓA,` / `THỂ THAO` / `VÀ DU LỊCH`)."""
    texts = [_issuer_text(s) for s in segs]
    # (no name puts a comma before its `và`: `SỞ NÔNG NGHIỆP,` / `VÀ MÔI TRƯỜNG` is a speck's)
    return [t + "," if k < len(segs) - 1 and t and not t.endswith(",") and segs[k].text.rstrip().endswith(",")
            and fold_phrase(texts[k + 1]).split()[:1] != ["va"] else t for k, t in enumerate(texts)]


def _committee_lines(lines: list[str]) -> list[str]:
    """An issuer's lines, a committee's first line read as its name alone where the next opens
    on its level (`TỈNH`, `THÀNH PHỐ`, `XÃ`): the words OCR read after `ỦY BAN NHÂN D…` on that
    line are a receiving stamp's or the motto's scraps, never the committee's (its level and
    place are the next line)."""
    first = fold_phrase(lines[0])
    if len(lines) < 2 or not _COMMITTEE_FIRST_LINE.match(first) or first == fold_phrase(_COMMITTEE):
        return lines
    # a level on the first line is the committee's own (`ỦY BAN NHÂN DÂN TỈNH …` over a
    # commune's stamp; `… THỊ` / `XÃ SA PA` wrapped), the motto's `XÃ HỘI` none
    rest = re.findall(r"\w+", " ".join(first.split()[4:]))
    if any(w in _level_words() and not (w == "xa" and rest[k + 1:k + 2] == ["hoi"]) for k, w in enumerate(rest)):
        return lines
    below = fold_phrase(lines[1])
    if not any(below.startswith(fold_phrase(lv) + " ") for lv in levels(("tỉnh", "thành phố", "xã", "phường", "đặc khu"))):
        return lines
    return [_COMMITTEE, *lines[1:]]


def _issuer_text(seg: Segment) -> str:
    """An issuer line as it should read: OCR specks at the ends off, lost spaces restored
    (`SỞNỘIVỤ`, `UBNDTỈNH`)."""
    damaged = damaged_bare_head(seg.text)
    if damaged is not None:
        return damaged
    words = _capitals_before_specks(seg.text).split()
    # a lone accent or modifier OCR found in a speck (`CHÍNH PHỦ ˆ`) is a letter to Python
    # but no word: it holds no letter with a case and no digit
    kept = [i for i, w in enumerate(words) if any(c.isdigit() or c.isupper() or c.islower() for c in w)]
    # (an underline's stub read as `_` is a speck too: `_SỞ Y TẾ`)
    text = re.sub(r"^(?:[^\w(]|_)+|(?:[^\w)]|_)+$", "", " ".join(words[kept[0]:kept[-1] + 1] if kept else []))
    text = _GLUED_ABBR().sub(r"\1 ", text)
    return respace_body(text)


@lru_cache(maxsize=1)
def _GLUED_ABBR() -> re.Pattern[str]:
    abbr = sorted((a for a in resources.words("abbreviations.tsv") if a.isalpha() and a.isupper() and len(a) >= 3),
                  key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in abbr) + r")(?=[A-ZĐÀ-Ỹ][^\W\d_])")


def _upper_past_a_speck(text: str) -> bool:
    """A line in capitals but for a first word that spells nothing (`bint TƯỚNG CHÍNH PHỦ`:
    the enacting body under a subject, its first word under a copier's speck)."""
    words = text.split()
    return len(words) >= 3 and not is_upper_line(words[0]) and not may_be_syllable(words[0].strip(_PUNCT)) \
        and is_upper_line(" ".join(words[1:]))


_PUNCT = ".,;:'\"‘’“”|()[]{}*-–—_~"


def _issuer_like(seg: Segment) -> bool:
    """A header line that can name the issuer: a body, its level and place, in capitals; no
    digits but a stamp's figure before a bare head. Never the motto's opening, its keys worn
    (`CỌNG HÒA AXA HỘI`, a photocopy, the rest of the motto set apart): `Cộng hòa`, a short
    word, `hội` (a commune `CỘNG HÒA` or `CỘNG HÒA LIÊN BANG ĐỨC` is a name's)."""
    if _MOTTO_OPENING.match(seg.folded.lstrip(_LEAD_SPECKS)) or _a_label(seg):
        return False
    return not re.search(r"[\d/]", seg.text) or damaged_bare_head(seg.text) is not None


def _a_label(seg: Segment) -> bool:
    """A label's line, never a body's name: `SỐ:` alone is no `Sở`, `PHONG TỦ:` no `Phòng`; nor
    a number's line whose figures a photo lost (`So: POMATT-BLDTEXY`)."""
    end = seg.text.rstrip()[-1:]
    return end == ":" or bool(end in ";." and _LONE_SO.match(seg.folded)) \
        or bool(_SO_LABEL.match(seg.folded) and not _SO_BODY.match(seg.text))


_SO_LABEL = re.compile(r"\W{0,2}s[o0]\s*[:;.,]")  # `Số:`, its colon read as `;`, `.` or `,`
_SO_BODY = re.compile(r"\W{0,2}s[ởơ]", re.IGNORECASE)  # `SỞ: NỘI VỤ`, a speck after a department's head
_MOTTO_OPENING = re.compile(r"c[o0][nm]g ?h[o0]a\s+\S{1,4}\s+h[o0][il]\b")


# ---------------------------------------------------------------- subject and place

def _speck_word(word: str) -> bool:
    core = word.strip(",.;:'\"‘’“”|-_~")
    # (letters with a sign inside that no number's symbol holds: `s›:ø2z`, a stamp's scraps)
    # (an apostrophe inside a word is an Ê Đê or Jarai name's: `Ea H’Leo`, `H'Hen`)
    signed = any(c.isalpha() for c in core) and any(not c.isalnum() and c not in "/-.&" for c in _APOSTROPHE_IN_WORD.sub("", core))
    return not core or not any(c.isalnum() for c in core) or small_speck(core) or signed


_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
_LONE_SPECKS = frozenset("()[]{}|ˆ^~`¬¦*")


_LONE_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_DASHES = frozenset("-–—")
_NO_DASH_BEFORE = frozenset({"tại", "của"})
# marks run together that wording prints between words (a single mark is judged alone: `_LONE_SPECKS`)
_WORDING_MARKS = frozenset({"--", "..."})


def _without_specks(subject: str) -> str:
    """`nye Về việc điều động công chức iis`: a stamp's or seal's scraps OCR glued to the ends
    of a subject line (short lower-case words that are no syllables) are no part of it; and
    `Vẽ việc` opening it is `Về việc`."""
    words = subject.split()
    while len(words) > 2 and _speck_word(words[0]):
        words.pop(0)
    while len(words) > 2 and _speck_word(words[-1]):
        words.pop()
        if len(words) > 3 and len(words[-1]) == 1 and words[-1].isalpha() and _speck_word(words[-2]):
            words.pop()  # a letter among the specks (`dùng { N {`)
    words = words[:len(words) - _scrap_tail(words)]
    # a lone bracket or mark between words (`Quỹ ( định`), or marks run together (`viên chức -_
    # đến`: a photo's grain), is a speck, never the wording
    words = [w for k, w in enumerate(words) if not ((len(w) == 1 and w in _LONE_SPECKS and not (
        w == "*" and k > 0 and words[k - 1].isdigit())) or (
        len(w) > 1 and not any(c.isalnum() for c in w) and w not in _WORDING_MARKS))]
    # a stop glued to a word in small letters before another (`lĩnh vực y. tế`): a speck, as
    # wording stops no sentence inside a subject (`TP. Hồ Chí Minh`: a capital follows)
    words = [w[:-1] if k < len(words) - 1 and w.endswith(".") and w[:-1].isalpha() and w[:-1].islower()
             and words[k + 1][:1].islower() else w for k, w in enumerate(words)]
    # a closing quote glued to a word with no quote opened before it (`cho” Trạm Y tế`), or a
    # colon ending the subject: a copy's specks (a subject quotes nothing it does not open)
    opened = any(q in subject for q in "“\"„«‘")
    words = [w[:-1] if len(w) > 1 and w[:-1].isalpha() and (
        (w.endswith("”") and not opened) or (w.endswith(":") and k == len(words) - 1))
        else w for k, w in enumerate(words)]
    # ... and an opening quote glued to its first word with none closed after it (`“Tăng cường …`)
    if words and len(words[0]) > 1 and words[0][0] in "“\"„«" and words[0][1:].isalpha() \
            and not any(q in subject[1:] for q in "”\"»“"):  # (a closing quote read as an opening one: `tộc“`)
        words[0] = words[0][1:]
    # a small consonant alone between words (`nơi cư r trú`) is no word; a point's letter after
    # `điểm` is (`điểm b khoản 2`)
    words = [w for k, w in enumerate(words) if not (
        0 < k < len(words) - 1 and len(w) == 1 and w in _LONE_CONSONANTS and fold_phrase(words[k - 1]) != "diem")]
    joins = resources.words("function_words.txt")
    for i in range(1, len(words)):
        if words[i][:1].isupper() and words[i].lower() in joins and not words[i - 1].endswith((".", ":", ";")):
            words[i] = words[i].lower()  # `,Cho các xã` wrapped from the line above
    opener = next((i for i in range(1, min(len(words) - 2, _SCRAPS_BEFORE_OPENER + 1))
                   if fold_phrase(words[i]) == "ve" and fold_phrase(words[i + 1]) == "viec"), None)
    if opener is not None and _scraps_before(words[:opener]):
        # a stamp's or the grain's scraps read before a decision's opener (`Sẻ Bt x — về việc
        # biệt phái …`): the subject opens with it
        words = ["Về", *words[opener + 1:]]
    if len(words) > 2 and fold_phrase(words[0]) == "ve" and fold_phrase(words[1]) == "viec":
        # the opener of a decision's subject, its mark misread (`Vẽ việc`); only here: `bảo vệ
        # việc làm` inside a subject is another phrase
        words[:2] = ["Về" if words[0][:1].isupper() else "về", "việc"]
    # a dash alone before `tại` or `của` (`làm việc - tại các xã`): wording dashes between two
    # names or fields (`văn hóa - xã hội`, `mua bán - cho thuê`, `Lao động - việc làm`), never
    # before where or whose; a speck of the grain
    words = [w for k, w in enumerate(words) if not (
        0 < k < len(words) - 1 and w in _DASHES and words[k + 1] in _NO_DASH_BEFORE and words[k - 1][-1:].isalpha())]
    return " ".join(words)


# quotes and signs OCR glues to a stamp's or a hand's strokes, which a subject's words do not carry
# alone at its end (its own quotes are paired: `dự án “Nhà ở xã hội”`)
_GLUED_SIGNS = frozenset("“”„¿¡«»")
# a cited number's figures and symbol (`1234/QĐ-UBND`) and a year are wording
_NUMBER_WORD = re.compile(r"\d+(?:/[\w.\-]+)+|\d{1,4}")


_SCRAP_LETTERS = 3
_FIGURES_FOLLOW = frozenset({"nam", "so", "doan", "dot", "ky", "khoa", "lan", "thang", "ngay", "dieu", "khoan",
                             "muc", "chuong", "-"})


def _department_of_number(number: DocNumber, doc_type: str | None) -> str | None:
    """The department a number's symbol names: after the type (`…/TTr-SYT`), or, on a công
    văn, which has no type, first (`238/SKHCN-VP`: the department, then its office). A number
    with no type under another type's title (`QUYẾT ĐỊNH`, `402/SNV-CCVC`) tells nothing."""
    if len(number.parts) != 2:
        return None
    if type_for_abbreviation(number.parts[0]):
        return department_of_symbol(number.parts[1])
    return department_of_symbol(number.parts[0]) if doc_type == "official_dispatch" else None


def _scrap_tail(words: list[str]) -> int:
    """How many words at the end of a subject line are a stamp's or a hand's scraps OCR read
    beside it (`điều động công chức 7” 277 Qo ¿ “Xử`, the receipt stamp's figures over the
    line): the words after the last clean word that are figures or odd, three odd at least (a
    sign alone, three letters or fewer that are no syllable, a quote glued to one side). A subject that
    ends on a year's range (`năm 2025 - 2026`) or a number (`số 12/2025/NĐ-CP`) holds one odd
    word at most."""
    odd = 0
    k = len(words)
    while k > 2:
        word = words[k - 1]
        core = word.strip(_PUNCT + "¿¡«»„")
        if _NUMBER_WORD.fullmatch(core) and not any(c in _GLUED_SIGNS for c in word):
            k -= 1  # figures: either the wording's or the scraps'
            continue
        glued = word.count("“") != word.count("”")
        # a short scrap of letters (`Qo`); a longer word no syllable is a foreign name's or an
        # acronym's (`VNeID, VssID`, `Google for Startups`), and two words read as one
        # (`côngchức`) are wording: split_glued parts them later
        not_a_word = core.isalpha() and len(core) <= _SCRAP_LETTERS and not is_syllable(core) \
            and not core.isupper() and split_glued(core) == core
        if not (_speck_word(word) or glued or not_a_word or not core):
            break
        odd += 1
        k -= 1
    if fold_phrase(words[k - 1]) in _FIGURES_FOLLOW:
        # figures after a word that figures follow stay with the wording (`năm 2025 ¿ Qo “Xử`)
        while k < len(words) and _NUMBER_WORD.fullmatch(words[k]):
            k += 1
    return len(words) - k if odd >= 3 and k >= 2 else 0


# scraps before a subject's `Về việc`: a few words at most
_SCRAPS_BEFORE_OPENER = 6


def _scraps_before(words: list[str]) -> bool:
    """Words read before `về việc` that are no wording: a sign alone among them (`—`, `=`),
    or most of them no syllable; a sentence's words (`đồng ý về việc`) are wording."""
    signs = [w for w in words if not any(c.isalnum() for c in w)]
    letters = [w.strip(_PUNCT) for w in words if any(c.isalpha() for c in w)]
    odd = [w for w in letters if not is_syllable(w) or len(w) == 1]
    # figures alone before it: a receipt stamp's handwritten number (`644 Về việc …`)
    figures = bool(words) and all(w.strip(_PUNCT).isdigit() for w in words)
    return (bool(signs) and bool(odd)) or len(odd) * 2 > len(letters) > 0 or figures


@lru_cache(maxsize=1)
def _commune_committee() -> re.Pattern[str]:
    """A commune's, ward's or special zone's committee or council (folded), not a ministry's `… và
    Xã hội` (the levels of admin_levels.txt; a town's, `thị trấn`, is not looked for)."""
    folded = "|".join(re.escape(fold_phrase(lv)) for lv in levels(("xã", "phường", "đặc khu")))
    return re.compile(r"^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+(?:" + folded + r")\s")


def _stamps_office(issuer: str | None, place: str | None) -> bool:
    """Is `issuer` a commune's or ward's, while the date line names a province, not it?"""
    if not issuer or not place or not _commune_committee().match(fold_phrase(issuer)):
        return False
    named = find_province(place, communes=False)
    return named is not None and fold_phrase(place) not in fold_phrase(issuer)


# header lines read under an issuer line before the number's: this many at most
_LINES_BELOW_ISSUER = 4


def _garbled_lines_below(pages: list[Page], issuer: Evidence | None, name: str) -> bool:
    """Lines in capitals under the issuer's, before `Số:`, that were no part of it (`name`): a
    header's own body lines garbled under a stamp (`UBND TINRồ8UáïNG›TRỊ`, `- VMĂN/EHÒNG`)."""
    page = next((p for p in pages if issuer is not None and p.number == issuer.page), None)
    if page is None or issuer.start is None:
        return False
    below = page.text[issuer.start + len(issuer.quote or ""):].split("\n")[1:_LINES_BELOW_ISSUER + 1]
    named = fold_phrase(expand_abbreviations(name))
    for line in below:
        folded = fold_phrase(expand_abbreviations(line)).strip(" -.,")
        if re.match(r"\W*s[oố6ô]\W*:", folded):
            return False
        if (folded and folded in named) or any(key in folded for key in _motto_keys()):
            continue  # the issuer's own second line (`PHƯỜNG CỐC LẾU`), the motto beside it
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.6 * len(letters):
            return True
    return False


def _unreadable_place(place: str) -> bool:
    """Most words of a place name are capitalised syllables; `og NSS`, `ị Hadid` are not."""
    words = re.findall(r"[^\W\d_]+", place)
    bad = [w for w in words if not (w[0].isupper() and is_syllable(w))]
    return bool(words) and len(bad) * 2 > len(words)


def _wrapped_words(text: str) -> bool:
    """A line that can wrap a subject: words only (a comma or semicolon after one), in small
    letters, or all of them syllables (a body's or a place's name)."""
    tokens = [t.rstrip(",;") for t in text.split()]
    if not tokens or not all(t.isalpha() for t in tokens):
        return False
    return (_starts_lower(text) and not mostly_not_syllables(text)) or all(is_syllable(t) for t in tokens)


# a leader's handwritten instruction in the margin (bút phê), read beside the header: `Chuyển P.
# Nội vụ xử lý`, `Chuyên đ/c Minh giải quyết` (the hook of `Chuyển` often lost), `Giao P. Tổ chức
# tham mưu`, or the unit alone before what it is to do (`90 P. Tổ Chức tham mu,`: a stamp's
# figure before it, the last word's end lost); a subject may open `Phòng, chống …`, `Giao chỉ
# tiêu …` or `Giao Phòng … chủ trì`, so a note without `Chuyển` opens on the unit's abbreviation
_READERS_NOTE = re.compile(r"^\W*(?:\d{1,4}\s+)?(?:chuyen\s+(?:p\.|phong\b|d/c\b|dc\b|anh\b|chi\b)|"
                           r"(?:giao\s+)?(?:p\.|d/c\b|dc\b)).*\b(?:xu ly|giai quyet|tham mu|nghien cuu|theo doi|bao cao|"
                           r"thuc hien|chu tri)")
# figures run together, more than a year's (`0432026`: a receipt stamp's handwritten date)
_FIGURES_ALONE = re.compile(r"[^\w\s]*\d{5,}[^\w\s]*")


# a subject's opening word (`Về thanh toán …`, `Về việc …`)
_SUBJECT_OPENS = re.compile(r"^ve\s+[a-z]")
# how many lines below a line a subject's opening may stand, past scraps
_SUBJECT_BELOW = 5


def _subject_below(items: list[Cls | None], idx: int) -> bool:
    """A line opening a subject (`Về …`) stands a few lines below item idx, past one scrap at
    least and scraps only: a hand's note reads as a line and its pieces. A short subject line
    with foreign or minority words (`Kết luận Hội nghị Smart City`, `Dự án WB8 Krông Búk`) reads
    as a scrap too, but the body's `Về …` follows it at once (a reviewer's cases)."""
    for n, it in enumerate([x for x in items[idx + 1:idx + 1 + 2 * _SUBJECT_BELOW] if x is not None][:_SUBJECT_BELOW]):
        letters = len(re.findall(r"[^\W\d_]", it.seg.text))
        if it.kind == "text" and it.seg.text.lstrip().startswith("Về") and _SUBJECT_OPENS.match(it.seg.folded):
            return n > 0
        # (the hand's scraps in capitals, `GO`, `VL 74`, are letters or two)
        if not ((it.kind == "text" and _scrap_line(it.seg.text)) or (it.kind in ("text", "upper") and letters <= 3)):
            return False
    return False


def _scrap_line(text: str) -> bool:
    """A line (not in capitals) under a subject's first in sentence case that is no wrap of it:
    a letter alone (`ị`, a pen's mark), or no small-letter word of the language and a word that
    is neither that nor a capitalised syllable (`eee XI,`, `DEN Oe`: paper grain and a stain
    under a `V/v` subject), or as many such words as small-letter ones (`sỦt C2 sản`, `eae ay,`:
    a seal's and a photo's scraps read beside a word or two). A place's name wrapping alone
    (`Thanh Hóa`, `TP. Hồ Chí Minh`) is capitalised syllables and abbreviations."""
    words = re.findall(r"[^\W\d_]+", text)
    if _FIGURES_ALONE.fullmatch(text.strip()) or _READERS_NOTE.match(fold_phrase(text)):
        return True
    if sum(len(w) for w in words) < 2:
        return bool(words)
    small = [w for w in words if w.islower() and len(w) >= 2 and is_syllable(w)]
    odd = [w for w in words if not wording_word(w) and fold_phrase(w) not in _abbreviation_words()]
    # (a word in capitals among small ones is a symbol's part: `và 15/2021/QĐ-UBND`)
    mixed = [w for w in odd if not w.isupper()]
    return (not small and bool(odd)) or (bool(mixed) and len(mixed) >= len(small))


# ---------------------------------------------------------------- recipients

def _is_date_line(seg: Segment) -> bool:
    return any(c.kind == "date" for c in classify(seg))


def _clean_item(text: str) -> str:
    t = LIST_ITEM.sub("", text.strip())
    return t.strip().rstrip(";,.").strip()


def find_recipients(pages: list[Page]) -> tuple[list[str], Segment | None]:
    segs = bottom_segments(pages)
    out: list[str] = []
    first: Segment | None = None
    for i, seg in enumerate(segs):
        for rx in (_KINH_GUI, NOI_NHAN):
            m = rx.match(seg.folded)
            if not m:
                continue
            first = first or seg
            rest = seg.text[m.end():].strip()
            if rest and re.search(r"[^\W\d_]{2}", rest) and not AUTHORITY.match(fold_phrase(rest)):
                out.append(_clean_item(rest))
            j = i + 1
            while j < len(segs) and j - i < 40:
                s = segs[j]
                if s.page != seg.page or (out and out[-1].casefold().startswith("lưu")):
                    break  # "Lưu: …" closes the list
                if LIST_ITEM.match(s.text):
                    out.append(_clean_item(s.text))
                elif rx is NOI_NHAN and (is_upper_line(s.text) or _is_name_line(s.text)):
                    pass  # the signature block beside the list
                elif out and _starts_lower(s.text) and rx is NOI_NHAN:
                    out[-1] = squash(out[-1] + " " + _clean_item(s.text))
                elif rx is _KINH_GUI and (is_motto(s) or is_rule_line(s.text) or _is_date_line(s)):
                    pass  # the right header column read after the left one
                elif rx is _KINH_GUI:
                    break
                elif _BODY_START.match(s.folded) or s.folded.startswith("danh sach"):
                    break
                j += 1
    seen: set[str] = set()
    uniq = []
    for r in out:
        if r and r not in seen:
            seen.add(r)
            uniq.append(r)
    return uniq, first


# ---------------------------------------------------------------- main

def extract_header(pages: list[Page]) -> tuple[DocumentFacts, list[str]]:
    """Header facts with evidence, and warnings about what could not be read."""
    doc = DocumentFacts()
    warnings: list[str] = []
    if not pages:
        return doc, ["no text to read"]
    first = pages[0]
    conf = first.ocr_confidence
    items = header_items(first)
    # the parts of the header's numbers' symbols (a department's initials among them)
    header_symbols = frozenset(p for it in items if it is not None and it.kind == "number"
                               for p in it.extra["number"].parts)
    number: DocNumber | None = None
    issuer_segs: list[Segment] = []
    scrap_issuer = False  # the issuer read from a body's line with a scrap beside it
    title: Cls | None = None
    subject_segs: list[Segment] = []
    vv_segs: list[Segment] = []
    date_cls: Cls | None = None
    number_ev: Evidence | None = None  # where the number line is, also when its number is left out
    filled_in: str | None = None  # the warning that the number's figures were written in by hand
    number_labelled: str | None = None  # the type its label names (`Luật số:`)
    number_runs_on = ""  # letters glued after what parsed of it
    number_apart = ""  # capitals a space after it
    number_garbled = ""  # the whole word, where a stop or a colon inside the symbol stopped the parse
    bad_number: Cls | None = None  # a number line whose number did not parse
    head_seg: Segment | None = None  # a committee's head line read as a line of text
    head_where: str | None = None  # which issuer group holds it: "issuer" or "parent"
    state = "top"
    in_vv = beside_vv = False
    kinh_gui: Segment | None = None  # the first `Kính gửi` line
    untitled = False  # a subject found by its opener, the title lost
    body_at: int | None = None  # the item that opens the body
    for idx, it in enumerate(items):
        if it is None:
            if state == "subject" and subject_segs:
                nxt = next((x for x in items[idx + 1:] if x is not None), None)
                if not (nxt and nxt.kind == "text" and _starts_lower(nxt.seg.text)):
                    state = "after"
            continue
        k = it.kind
        if k == "number" and it.extra.get("loose") and (state != "top" or date_cls is not None or title is not None
                                                        or vv_segs or kinh_gui is not None):
            # a number after scraps is the header's own only at its top: above the date line,
            # the title and a V/v subject (`và 171/2025/NĐ-CP` wraps a subject); elsewhere
            # the line is text
            k = "text"
        if k == "body":
            body_at = idx
            break
        if k == "kinh_gui":
            kinh_gui = kinh_gui or it.seg
            state = "after" if state == "subject" and subject_segs else state
        if k == "mark":
            doc.marks.append(squash(it.seg.text))
            continue
        if in_vv:
            if k == "text" and not re.search(r"[^\W\d_]{2}", it.seg.text):
                continue  # OCR specks ("2", "|") between the V/v lines
            if k == "text" and beside_vv and (it.seg.page, it.seg.line) == (vv_segs[0].page, vv_segs[0].line):
                continue  # the right column's date line, past the number read into the V/v's line
            if k == "text" and vv_segs and _scrap_line(it.seg.text):
                continue
            if k == "date" and vv_segs and (it.seg.page, it.seg.line) == (vv_segs[-1].page, vv_segs[-1].line + 1) \
                    and _CITES_AT_END.search(vv_segs[-1].text) and _DATE_FIRST.match(it.seg.folded):
                # the V/v wrapped at a cited document, its date on the next line (`V/v … Nghị định
                # số 145/2020/NĐ-CP` over `ngày 14 tháng 12 năm 2020`): the subject's, no place's
                k = "text"
            # a V/v subject wraps over a few lines, and `Kính gửi` ends it also behind a
            # stamp's scraps (`2 Móc - Kính gửi: …`); past that it is the letter's body
            # an item of the Kính gửi list (`- Các sở, ban, ngành …`) ends it too, its label lost
            if k == "text" and "kinh gui" not in it.seg.folded and kinh_gui is None and len(vv_segs) < _VV_LINES \
                    and not _recipient_item(it.seg.text):
                vv_segs.append(it.seg)
                continue
            # (the number's column read into the V/v's line, `V/v Số: 143/UBND-VP …`, is beside
            # the subject, not after it)
            beside_vv = k in ("number", "bad_number") and (it.seg.page, it.seg.line) == (vv_segs[0].page, vv_segs[0].line)
            if k not in ("motto", "date", "rule", "mark", "gazette") and not beside_vv:
                in_vv = False
        if k == "bad_number" and number is None and "bad_number" not in doc.evidence:
            warnings.append(f"document number '{it.extra['raw']}' does not parse as number/symbol")
            bad_number = bad_number or it
            continue
        if k == "number" and number is None and it.extra.get("bare") and _under_a_garbled_number(it, bad_number):
            # the header's own `Số:` line came first, read as a number with its slash, and did
            # not parse: a number with no label below it, other figures, is another document's
            # (`59/2024/OH` under `số: 26/2026.”`: a cited law, its line broken up by a phone
            # photo's blur), and no number is better than a wrong one. A receipt stamp's `Số:
            # 1234` has no slash: the document's own number may stand below it, its label lost.
            continue
        if k == "number" and number is not None and not type_of_number(number) \
                and (number.number is None or _scrap_before_the_number(number, it)) \
                and number_ev is not None and not _SO_LABEL.match(fold_phrase(number_ev.quote or "")) \
                and it.extra["number"].number is not None and doc.number == number.text:
            # figures of no type, with no `Số:` before them, above the header's own number (`CAO
            # BẰNG/K`: a stamp's office line read with a slash) were no number at all: the one
            # with its figures is. (`Số:      /UBND-NC`, a blank left for the hand, stays.) So
            # were figures with a letter or two after a slash (`7 / K`: a hand's note above the
            # letterhead) above a `Số:` line with a type
            warnings.append(warning("number_before_the_header_s", read=number.text, number=it.extra["number"].text))
            if filled_in in warnings:
                warnings.remove(filled_in)  # said of the scrap's figures, of no number now
            number = None
        if k == "number" and number is None:
            number = it.extra["number"]
            number_ev = quoted(it.extra["lead"], conf)
            if len(number.number or "") > MAX_NUMBER_DIGITS:
                # a receipt stamp's handwritten figures run into the number (`5621702/QĐ-UBND`
                # for `1702`): which digits are the document's cannot be told, and no number
                # is better than a wrong one. Its symbol still tells the type and the body.
                warnings.append(f"document number read as '{number.text}': more digits than a "
                                "register runs to (a stamp's figures run into it); left out")
                continue
            doc.number = number.text
            doc.evidence["number"] = number_ev
            number_labelled = it.extra.get("labelled")
            number_runs_on = it.extra.get("runs_on", "")
            number_apart = it.extra.get("apart", "")
            number_garbled = it.extra.get("garbled", "")
            if conf is not None and FILLED_IN.search(it.extra["lead"].text):
                warnings.append(f"document number '{number.text}': its figures stand apart from the symbol, "
                                "written into the blank by hand? check them")
                filled_in = warnings[-1]
            continue
        if k == "date" and state == "subject" and not (date_cls is None and (
                _PLACE_DATE.match(it.seg.folded) or (not subject_segs and _DATE_FIRST.match(it.seg.folded)))):
            # a wrapped subject line that ends in a date ("… của Bộ Nội vụ ngày 30 tháng 6 năm
            # 2025"); under the title, before any subject, a line opening on `ngày` is the date
            # line whose place was read apart (`Hà Nội` beside the number, a stamp between)
            k = "text"
        elif k == "date" and (date_cls is None or (date_cls.extra.get("skeleton") and not it.extra.get("skeleton"))):
            # the place-date line, also when OCR read it after the title; a line read whole is
            # the date line before one read by its skeleton alone
            date_cls = it
            continue
        if k == "vv" and not vv_segs:
            vv_segs.append(it.seg)
            in_vv, beside_vv = True, False
            continue
        if state == "top":
            if k == "title" and fold_phrase(it.seg.text).strip(" .:") == "cong van" and number is not None \
                    and type_of_number(number) not in (None, "official_dispatch"):
                # `CÔNG VĂN` alone: no title a công văn prints (its `V/v` says what it is), but a
                # receipt stamp's `CÔNG VĂN ĐẾN` cut short, over a document its number types
                continue
            if k == "title":
                title = it
                state = "subject"
            elif k == "text" and date_cls is not None and kinh_gui is None and _DECISION_SUBJECT.match(it.seg.folded) \
                    and not it.seg.text.rstrip().endswith((":", ".")):
                # the title lost under a stamp's scraps (`TT TT | oA OUVẾT ĐỊNH | Đ⁄C`): a
                # decision's subject still says what it is, under the date line
                subject_segs.append(it.seg)
                state = "subject"
                untitled = True
            elif k == "upper" and kinh_gui is None and _issuer_like(it.seg) and (
                    number is None
                    or (not issuer_segs and starts_with_head(fold_phrase(_issuer_text(it.seg)), _body_heads()))
                    or (issuer_segs and issuer_segs[-1].line == it.seg.line - 1)):
                # the issuer block stands above "Số:", unless OCR read the columns in another order;
                # a body named below "Số:" when one stood above it is a stamp's (the receiving office)
                issuer_segs.append(it.seg)
            elif k == "text" and conf is not None and kinh_gui is None and number is None and not issuer_segs \
                    and _committee_head_line(it.seg):
                # a committee's head line that a copier's specks read in mixed case (`ỦY BAN NHÍ Nv DA š`);
                # kept only where it snaps to a committee the place names
                issuer_segs.append(it.seg)
                head_seg = it.seg
            elif k == "text" and conf is not None and kinh_gui is None and number is None and not issuer_segs \
                    and (body_end := known_body_before_a_scrap(it.seg.text)):
                # a known body read whole, a copier's scrap in small letters beside it (`BỘ CÔNG AN sử`);
                # a stamp's body too (`SỞ TƯ PHÁP đến`): the number's symbol judges it below
                issuer_segs.append(it.seg.sub(0, body_end))
                scrap_issuer = True
            elif k == "text" and conf is not None and kinh_gui is None and number is None \
                    and (not issuer_segs or issuer_segs[-1].line == it.seg.line - 1) \
                    and (body_start := known_body_after_a_scrap(it.seg.text, header_symbols)):
                # a receiving stamp's label read before the body's name it lies over
                # (`Chuyển:........SỞ TƯ PHÁP`): the name is the header's line, the label the stamp's
                issuer_segs.append(it.seg.sub(body_start))
        elif state == "subject":
            if k in ("rule", "gazette", "kinh_gui"):
                if subject_segs:
                    state = "after"
                continue
            if not subject_segs and k in ("text", "upper") and len(re.findall(r"[^\W\d_]", it.seg.text)) <= 3:
                continue  # a scrap under the title (`(AM`: a stamp's or a fold's), before the subject
            if not subject_segs and k == "text" and _READERS_NOTE.match(fold_phrase(it.seg.text)):
                continue  # a leader's note written under the title, before the subject
            if not subject_segs and k == "text" and _scrap_line(it.seg.text) and _subject_below(items, idx):
                # a hand's note beside the header (`VP nghiên cứu, báo cáo` read `VP Nghe c1 đóO
                # cơ`), read in after the title: the subject opens below it
                continue
            if subject_segs and k == "text" and not is_upper_line(subject_segs[0].text) \
                    and not is_upper_line(it.seg.text) and _scrap_line(it.seg.text):
                continue  # and after its first line (a line in capitals ends it, below)
            if (k == "upper" or _upper_past_a_speck(it.seg.text)) and subject_segs \
                    and not is_upper_line(subject_segs[0].text):
                state = "after"
                continue
            if untitled and not _wrapped_words(it.seg.text):
                # with no title to follow, only the subject's own wrapped lines (words, in
                # small letters or a name's: `Ủy ban nhân dân xã Tân Phong`) go on from it; the
                # stamp's scraps (`Đ Fong`, `277 2_ ¿ “Xử`) do not
                state = "after"
                continue
            ends = it.seg.text.rstrip()[-1:]
            # a line ending on a joining word goes on whatever mark follows it: a speck
            # (`… thủ tục hành chính và:` under a punch hole's scraps)
            words = re.findall(r"[^\W\d_]+", it.seg.text)
            runs_on = ends in ":;" and bool(words) and words[-1].lower() in resources.words("function_words.txt")
            # a mark alone after the first line's words, a space before it, in a subject that opens
            # as one (`Về việc luân chuyển cán bộ lãnh đạo :`, a photo's speck); a sentence's
            # colon may stand so too (`… trân trọng kính mời :`)
            runs_on = runs_on or (not subject_segs and it.seg.folded.startswith("ve ")
                                  and bool(re.search(r"\s[:;]$", it.seg.text.rstrip())))
            # or glued to its last word, the subject wrapping on below in small letters
            # (`Về việc điều động …, viên chức:` over `đến công tác tại …`); a sentence that
            # announces what follows (`… như sau:`) is the body's
            runs_on = runs_on or (not subject_segs and it.seg.folded.startswith("ve viec ") and ends == ":"
                                  and not it.seg.folded.rstrip(" :").endswith("nhu sau")
                                  and _continues_in_small_letters(items, idx))
            if k == "text" and ends == "." and subject_segs and it.seg.text[:1].islower() \
                    and not subject_segs[-1].text.rstrip().endswith((".", ":", ";")):
                # a line in small letters under the subject's unfinished line goes on with it,
                # whatever stop ends it (a speck: `… công chức` over `cho các xã Tân Phong.`);
                # a body's sentence opens on its own capital
                subject_segs.append(it.seg.sub(0, len(it.seg.text.rstrip()) - 1))
                state = "after"
                continue
            # a line ending a sentence is the body, not the subject; the first line under the
            # title is the subject all the same (OCR puts specks at line ends)
            if k in ("text", "upper") and not runs_on and (
                    (ends in ".:;" and (subject_segs or ends != ".")) or len(subject_segs) >= 6):
                state = "after"
                continue
            if k in ("text", "upper"):
                subject_segs.append(it.seg.sub(0, len(it.seg.text.rstrip()) - 1) if runs_on else it.seg)
            elif subject_segs:
                state = "after"

    # Type.
    if title is not None:
        doc.doc_type = title.extra["doc_type"]
        doc.doc_type_label = title.extra["label"]
        doc.evidence["doc_type"] = quoted(title.seg, conf)
    elif number is not None:
        # the label's type (`Luật số:`) where no V/v nor `Kính gửi` says a letter cites the law
        kind = type_of_number(number) or (number_labelled if not (vv_segs or kinh_gui) else None)
        if kind:
            doc.doc_type = kind
        elif vv_segs or (len(number.parts) >= 1 and not term_body(number.parts)):
            # a công văn's symbol names its body alone; the legislature's (`QH14`) is a law's or
            # a resolution's, which its title or its preamble tells
            doc.doc_type = "official_dispatch"
        if doc.doc_type and number_ev is not None:
            doc.evidence["doc_type"] = number_ev
    elif kinh_gui is not None:
        # no title and no number read (a stamp over the number line), but addressed `Kính gửi:`
        # under the header: a letter, and only a công văn is one without a title of its type
        doc.doc_type = "official_dispatch"
        doc.evidence["doc_type"] = quoted(kinh_gui, conf)

    # Issuer.
    groups = _group_issuer_lines(issuer_segs)
    if len(groups) > 1 and fold_phrase(" ".join(_issuer_text(x) for x in groups[-2] + groups[-1])) \
            in standalone_bodies():
        # one body's name wrapped where its second line opens as a body does (`THỦ TƯỚNG` /
        # `CHÍNH PHỦ`): one issuer, not the Government under a parent
        groups = groups[:-2] + [groups[-2] + groups[-1]]
    if groups:
        issuer = groups[-1]
        doc.issuer = proper_case_body(" ".join(_committee_lines(_wrapped_issuer_texts(issuer))))
        if len(groups) > 1 and fold_phrase(doc.issuer) in _bare_heads():
            doc.issuer = doc.issuer + " " + proper_case_body(" ".join(_issuer_text(s) for s in groups[-2]))
        doc.evidence["issuer"] = Evidence(page=issuer[0].page, quote=issuer[0].text if len(issuer) == 1
                                          else _span(first, issuer), start=issuer[0].start, confidence=conf)
        if len(groups) > 1 and fold_phrase(proper_case_body(" ".join(_issuer_text(s) for s in groups[-2]))) == fold_phrase(doc.issuer):
            groups = groups[-1:]  # the Gazette prints the body's name again above the header
        if len(groups) > 1 and sum(c.isalpha() for c in " ".join(_issuer_text(s) for s in groups[-2])) < _PARENT_LETTERS:
            groups = groups[-1:]  # a speck's letters over the body (`SS` on a phone photo): no body's name
        if len(groups) > 1:
            parent = groups[-2]
            doc.issuer_parent = squash(" ".join(_issuer_text(s) for s in parent))
            doc.evidence["issuer_parent"] = Evidence(page=parent[0].page, quote=parent[0].text,
                                                     start=parent[0].start, confidence=conf)
            head_where = "parent" if any(s is head_seg for s in parent) else None
        if any(s is head_seg for s in issuer):
            head_where = "issuer"
    else:
        warnings.append("no issuer found in the header")

    # Place and date.
    if date_cls is not None:
        seg = date_cls.seg
        hit = date_cls.extra["date"]
        doc.issued_date = hit.iso
        partial = date_cls.extra.get("partial")
        if partial is not None and partial.iso():
            doc.issued_date = partial.iso()
            # its first figure lost (`năm 025`), or one between its neighbours (`năm 220`: a worn 0)
            kind = "date_year_completed" if doc.issued_date[1:4] == partial.left else "date_year_figure_lost"
            warnings.append(warning(kind, year=doc.issued_date[:4]))
        elif partial is not None and partial.missing() == "year" and number is not None and number.year \
                and not year_slipped(number) and number.year.startswith(partial.left) \
                and make_iso(int(number.year), partial.month, partial.day):
            # a document is numbered in the year it is signed (`28/2021/QĐ-TTg`): its number holds
            # the year the date line lost to a phone photo's edge or a copier's streak, where the
            # figures left of it (`năm 20`) do not say another
            doc.issued_date = make_iso(int(number.year), partial.month, partial.day)
            warnings.append(f"the date line's year is cut off: taken as {number.year} from the number: check it")
        elif partial is not None and partial.missing() == "year" \
                and (after := _dated_after_grounds(partial, pages)) is not None:
            # no year in the number either: a decision follows what its grounds cite, most often
            # within days (`Theo đề nghị … ngày 29 tháng 5 năm 2026` under `ngày 01 tháng 6 năm`)
            doc.issued_date = after
            warnings.append(f"the date line's year is cut off: taken as {after[:4]}, the first year not before "
                            "the latest date its grounds cite: check it")
        elif partial is not None:
            warnings.append("the date line's day is no figure (filled in by hand, or left blank): no issue date read"
                            if partial.missing() == "day" else "the date line's year is cut off: no issue date read")
        if "lost_year" in date_cls.extra:
            doc.issued_date = _year_from_elsewhere(date_cls.extra["lost_year"], number, pages)
            warnings.append("the date line's year lost a digit: " + (
                f"taken as {doc.issued_date[:4]} from the number or the latest document cited: check it"
                if doc.issued_date else "no year found elsewhere"))
        if doc.issued_date:
            doc.evidence["issued_date"] = quoted(seg, conf)
        # the comma before `ngày` read as a stop or a colon (`Tân Phong. ngày 20 …`)
        place = seg.text[:_without_a_speck_after_the_comma(seg.text, hit.start)].strip().rstrip(",.;:").strip()
        place = re.sub(r"^[\W_]+", "", place)  # (an underscore too: a ring's arc, `_.. Hà Tĩnh`)
        # a speck read as a letter no Vietnamese word has before it (`ø. Hà Nội`)
        words = place.split()
        while len(words) > 1 and _foreign_letter(words[0]):
            words = words[1:]
        place = " ".join(words)
        # (a letter alone is a speck before `ngày`, `ÿ ngày 25 …`: no place has one letter)
        if place and len(place.split()) <= 6 and len(re.findall(r"[^\W\d_]", place)) >= 2:
            doc.place = squash(place)
            doc.evidence["place"] = quoted(seg, conf)
    else:
        hit_seg = _fallback_issued(pages, law=doc.doc_type == "law")
        if hit_seg:
            doc.issued_date, seg = hit_seg
            doc.evidence["issued_date"] = quoted(seg, conf)
        warnings.append("no place-and-date line found under the motto")
        unread = _place_of_an_unread_date_line(pages[0]) if conf is not None else None
        if unread:
            doc.place, seg = unread
            doc.evidence["place"] = quoted(seg, conf)

    # Subject.
    if vv_segs:
        first_vv = vv_segs[0]
        m = _VV.match(first_vv.folded)
        parts = [first_vv.text[m.end():] if m else first_vv.text] + [s.text for s in vv_segs[1:]]
        # (a `V/v` whose words OCR lost holds no subject: none, not an empty one)
        doc.subject = _join_lines(parts) or None
        if doc.subject:
            doc.evidence["subject"] = quoted(first_vv, conf)
        if doc.doc_type is None:
            doc.doc_type = "official_dispatch"
    elif subject_segs:
        doc.subject = _join_lines([s.text for s in subject_segs])
        doc.evidence["subject"] = quoted(subject_segs[0], conf)
    elif title is None and number is not None and (type_of_number(number) or (number_labelled and not kinh_gui)) \
            and body_at is not None:
        # the title lost under a stamp (`L nh Po NỔI tụ Í` for `NGHỊ ĐỊNH`), the type told by
        # the number: the subject is still the lines of words right above the grounds
        above = _lines_above(items, body_at)
        if above:
            doc.subject = _join_lines([s.text for s in above])
            doc.evidence["subject"] = quoted(above[0], conf)
            warnings.append("title not read; the subject taken from the lines above the grounds: check it")

    if doc.doc_type is None:
        enacted = _enacted_type(pages)
        if enacted is not None:
            doc.doc_type = enacted[0]
            doc.evidence["doc_type"] = quoted(enacted[1], conf)
            warnings.append("title not read; the type taken from the preamble's closing words: check it")

    # the figures of a number line whose symbol did not parse (`2318/013-LI5NI)`)
    figures = _FIGURES_BEFORE_SLASH.match(bad_number.extra["raw"]) if bad_number is not None else None
    number = _number_from_annexes(doc, number, pages, warnings,
                                  date_cls.extra.get("partial") if date_cls is not None else None,
                                  figures[1] if figures else None)
    if number_ev is None and number is not None and "number" in doc.evidence:
        # an annex's heading that cites the document gave its number: its symbol tells the
        # issuer as the header's would (below), where the issuer lines are lost too
        number_ev = doc.evidence["number"]
    if doc.number is None and number is None and bad_number is not None and doc.issued_date:
        # no annex said it: a year read with a letter for a figure is the issue date's, where
        # the rest of the number reads whole (its symbol's parts known ones)
        mended_number = year_read_with_a_letter(bad_number.extra["raw"], doc.issued_date[:4])
        if mended_number is not None:
            number = mended_number
            doc.number = number.text
            doc.evidence["number"] = quoted(bad_number.seg, conf)
            warnings.append(f"document number read as '{bad_number.extra['raw']}', its year mended to "
                            f"'{number.year}': check it")
    if doc.number is None:
        warnings.append("no document number (Số: …) found in the header")

    signer = find_signer(pages)
    if signer is None:
        signer = name_under_seal(pages, conf)
        if signer is not None and not signer[0].title:
            warnings.append("signer's title not read (covered by the seal?): the name line alone is taken; check it")
    if signer:
        doc.signer, ev = signer
        doc.evidence.update(ev)
        deputy = deputy_read_bare(doc.signer) if conf is not None else None
        if deputy is not None:
            warnings.append(warning("signer_deputy_read_bare", read=doc.signer.title or "",
                                    authority=deputy.authority or "", title=deputy.title or ""))
            doc.signer = deputy
    else:
        # found or read: a fax's block under its seal is there and read as nothing (a tester)
        warnings.append(warning("no_signature"))

    # OCR slips in closed-vocabulary words; one spelling for the place in issuer and date line.
    doc.doc_type_label = canon_phrase(doc.doc_type_label, "doc_types.tsv")
    doc.marks = [canon_phrase(m, "marks.txt") or m for m in doc.marks]
    if doc.signer:
        doc.signer.title = canon_title(doc.signer.title)
        doc.signer.authority = canon_authority(doc.signer.authority)
    doc.issuer, doc.place = reconcile_place(doc.issuer, doc.place)
    unread_place: str | None = None  # a place read as no place, dropped below
    if conf is not None:
        # the body says the subject's words again: where it spells one otherwise, over and
        # over beside the same neighbour, its spelling is the printed one; the set wording of
        # titles has the last word (the body's OCR slips the same mark each time: `chỉ tiết`)
        if doc.subject:
            doc.subject = repair_subject_opener(restore_name_dashes(repair_ocr_phrase(mend_non_words(
                agree_with_text(_without_specks(doc.subject), "\n".join(p.text for p in pages))))))
            # an en dash between two words read as an em dash (`văn hóa — xã hội`): no subject
            # of these prints an em dash
            doc.subject = respell_department_heads(doc.subject.replace(" — ", " – "))
            # a commune named after its level word with a mark misread (`xã Mường Pòn`)
            doc.subject = respell_units_after_levels(doc.subject)
        # a word split after its first letter (`Cần T hơ`: a printer's dots read as a space)
        doc.issuer = joined_letters(doc.issuer) if doc.issuer else doc.issuer
        # two words run together by a printer's dots (`công nghệcao`), a set phrase's marks lost
        # (`khu công nghiep`)
        doc.issuer = repair_ocr_phrase(split_glued(doc.issuer)) if doc.issuer else doc.issuer
        doc.place = joined_letters(doc.place) if doc.place else doc.place
        if not _a_communes_body(doc.issuer):
            # a commune may bear a province's letters with other marks (`xã Thanh Hoà`, `Phù Yên`)
            doc.place = respell_place(doc.place)
        if doc.place:
            # a commune's or ward's name read with marks lost (`Giang Vo`): the one listed so
            doc.place = respell_unit(doc.place) or doc.place
        # a damaged committee or department name read as the body it can only be
        snapped = snap_issuer(doc.issuer, doc.place, doc.doc_type)
        if not snapped and doc.issuer and doc.issuer_parent and _LEVEL_FIRST.match(fold_phrase(doc.issuer)):
            # the committee's two lines read as two bodies (`ỦY BAN NHÍ Nv DA š` over `TỈNH SOF A #`,
            # a copier's streak through both): the level line alone names no body, the two do
            snapped = snap_issuer(f"{doc.issuer_parent} {doc.issuer}", doc.place, doc.doc_type)
            if snapped:
                doc.issuer_parent = None
                doc.evidence.pop("issuer_parent", None)
                head_where = None
        elif not snapped and doc.issuer and not doc.issuer_parent and number is not None \
                and number.parts[-1:] == ("UBND",) and (level_on := _from_a_level(doc.issuer)) is not None:
            # the committee's first line lost under a stamp (`LUY.BẤN/NHÂN DÂN`) or read past
            # knowing (`D BN BẢN DÂN`), its level line left (`XÃ MƯỜNG K)OA`): the number's
            # symbol says a committee issued it
            snapped = snap_issuer(f"{_COMMITTEE} {level_on}", doc.place, doc.doc_type)
        elif not snapped and doc.issuer and not doc.issuer_parent \
                and (level_on := _from_a_level(doc.issuer)) is not None and len(level_on.split()) == len(doc.issuer.split()) \
                and _opens_on_a_committee_head(_line_above(pages, doc.evidence.get("issuer"))):
            # the level line alone taken (`TỈNH GIA LAI ĐẾN`, a stamp's word after it), the
            # committee's head line above it read with the motto beside it (`ỦY BAN NHÂN BAN nhu
            # "CÔNG HÒA …`) and left out of the issuer
            snapped = snap_issuer(f"{_COMMITTEE} {level_on}", doc.place, doc.doc_type)
        if head_where == "parent" and doc.issuer_parent:
            # the damaged head line over another body (a department under the committee): the
            # parent is the committee it snaps to, or none
            doc.issuer_parent = snap_issuer(doc.issuer_parent, doc.place)
            if doc.issuer_parent is None:
                doc.evidence.pop("issuer_parent", None)
        if doc.issuer_parent and doc.issuer and is_department(doc.issuer) \
                and _level_named(doc.issuer_parent) in ("xa", "phuong", "dac khu"):
            # a department is the province's: a commune's committee over it is the receiving
            # office's stamp, read above the header (`UBND XÃ …` over `SỞ …`)
            doc.issuer_parent = None
            doc.evidence.pop("issuer_parent", None)
        if doc.issuer_parent and _specks_as_capitals(doc.issuer_parent):
            # an OCRed line over the issuer that names no body: specks a copy left read as
            # capitals (a tester's `Bộ Nội vụ (TY AC)`, shown and exported as its parent body)
            doc.issuer_parent = None
            doc.evidence.pop("issuer_parent", None)
        if snapped:
            doc.issuer, doc.place = reconcile_place(snapped, doc.place)
        if doc.issuer and not doc.issuer_parent and fold_phrase(doc.issuer) in _bare_heads():
            # `VĂN PHÒNG` names a body only with the committee above it; a stamp's figures over
            # that line (`UBND TỈNH 1AFKHÂU |,`) kept it out of the header's bodies
            committee = snap_committee(expand_abbreviations(_line_above(pages, doc.evidence.get("issuer"))),
                                       doc.place)
            if committee:
                doc.issuer = f"{doc.issuer} {committee}"
        sender = fax_sender(pages)
        if sender is not None and _read_as_no_body(doc.issuer, sender[0], doc.place):
            # the issuer's lines lost or garbled under a fax's grain or a stamp: the name the
            # sending office set its fax machine up with, atop the page, tells it
            warnings.append(warning("issuer_read_fax_sender", read=doc.issuer[:60], issuer=sender[0]) if doc.issuer
                            else warning("issuer_from_fax_sender", issuer=sender[0]))
            doc.issuer = sender[0]
            doc.issuer_parent = None
            doc.evidence.pop("issuer_parent", None)
            doc.evidence["issuer"] = quoted(sender[1], conf)
            head_where = None  # (the header's head line no longer the issuer's)
        doc.place = snap_place(doc.place, doc.issuer) or doc.place
        if doc.place and doc.issuer_parent and _place_worn(doc.place):
            # a department dates its papers at its province's name, the line above it
            doc.place = snap_place(doc.place, proper_case_body(doc.issuer_parent)) or doc.place
        if doc.place and not is_known_place(doc.place):
            # a commune dates at its own name, and one before 2025 may be on no list today
            # (`Long Tân` is no damaged `Long An`)
            near = near_province_place(doc.place, doc.issuer_parent) if not _a_communes_body(doc.issuer) else None
            doc.place = province_by_last_word(doc.place) or near or doc.place
        seat = central_seat(doc.issuer)
        if doc.place and seat and doc.place != seat and (fold_phrase(doc.place) == fold_phrase(seat) or (
                not is_known_place(doc.place) and (
                    edit_distance(fold_phrase(doc.place), fold_phrase(seat)) <= 2
                    or fold_phrase(seat).endswith(" " + fold_phrase(doc.place))
                    or fold_phrase(doc.place).endswith(" " + fold_phrase(seat))))):
            # a central body's seat read a letter or two off (`Hea Nội`), its first word lost
            # (`1à Nội`: a figure is no word of a place), its marks lost (`Ha Noi`), or specks
            # read as words before it (`Mua me oo Ha Nội`)
            doc.place = seat
        stamped = conf is not None and _stamps_office(doc.issuer, doc.place) \
            and _garbled_lines_below(pages, doc.evidence.get("issuer"), doc.issuer)
        if stamped:
            # a receiving stamp's office line over a header whose own lines it garbled (`UBND
            # PHƯỜNG AN BÌNH` over `UBND TINRồ8UáïNG›TRỊ` on a province office's notice dated
            # `Quảng Trị, ngày …`): a commune dates its papers at its own name, so it is not the
            # issuer (a ward of a city named like its province may date at the city: with no
            # garbled lines below, it stays the issuer); the number's symbol may still tell it
            warnings.append(f"issuer read as '{doc.issuer}', a commune's, but the date line names the "
                            f"province {doc.place}: a receiving stamp's office? dropped")
            doc.issuer = None
            doc.issuer_parent = None
            doc.evidence.pop("issuer", None)
            doc.evidence.pop("issuer_parent", None)
        if doc.place and (_unreadable_place(doc.place) or _place_worn(doc.place)) and not is_known_place(doc.place):
            # a stamp's handwriting over the place (`og NSS`): no place is better than that
            warnings.append(f"place unreadable: '{doc.place[:40]}' names no place")
            unread_place = doc.place
            doc.place = None
            doc.evidence.pop("place", None)
        if doc.issued_date:
            # a year no document bears (`năm 2925`, `năm 2037`): the number's year when a
            # figure or two off it, or the only possible year a figure off, else no date rather
            # than a wrong one
            mended_date = mend_year(doc.issued_date, number.year if number else None)
            if mended_date != doc.issued_date:
                warnings.append(f"issue date read as '{doc.issued_date}', " + (
                    f"its year mended to '{mended_date}': check it" if mended_date else "its year impossible: dropped"))
                doc.issued_date = mended_date
                if mended_date is None:
                    doc.evidence.pop("issued_date", None)
        if number is not None and doc.number and year_slipped(number):
            # a year no document bears (`15/302 6/NQ-CP`): the issue date's year when one figure
            # off it (a document is numbered in the year it is signed); with no date, the only
            # year one figure off; else no number rather than a wrong one
            if doc.issued_date:
                one_off = len(number.year) == 4 and sum(a != b for a, b in zip(number.year, doc.issued_date)) == 1
                mended_year = doc.issued_date if one_off else None
            else:
                mended_year = mend_year(f"{number.year}-01-01")
            if mended_year:
                number = replace(number, year=mended_year[:4],
                                 text=number.text.replace(f"/{number.year}/", f"/{mended_year[:4]}/", 1))
                warnings.append(f"document number read as '{doc.number}', its year mended to "
                                f"'{number.year}': check it")
                doc.number = number.text
            else:
                warnings.append(f"document number read as '{doc.number}': its year is no year; left out")
                doc.number = None
                doc.evidence.pop("number", None)
        # a stamp's figures or a copier's streak over the symbol (`28/2026/TT`, `QĐ-UBN2`): the
        # type and issuer, read on their own lines, prescribe it
        # the type as its title names it, or as the number's own type part does (the title
        # under the stamp: `28/2026/TT-`)
        kind = title.extra["label"] if title else (number.parts[0] if number and type_of_number(number) else None)
        expected = expected_symbol(kind, doc.issuer, department_symbol(doc.issuer)) if number else None
        # (a number left out stays out: `doc.number` is None while `number` was read)
        mended = mend_symbol(number, expected, number_runs_on) if number and expected and doc.number else None
        if mended is None and number_apart and not number_runs_on and number and expected and doc.number:
            # the last part's letters read apart by a speck's space (`QĐ-S I'C` for `QĐ-STC`)
            mended = mend_symbol(number, expected, number_apart)
        if mended is None and number_garbled and number and expected and doc.number \
                and expected[0].startswith(number.parts[0]) and number.parts[0] != expected[0]:
            # a letter of the type part read as a colon (`1185/TT:-SNV`): the type the title names,
            # the body part read whole after it; only where the letters read open that type (a
            # type read whole with a speck after it, `QĐ,-SNV`, is no garbled `TTr`: a reviewer's)
            mended = type_part_garbled(number_garbled, expected)
        shown = number_garbled if mended is not None and number_garbled else (number.text if number else "")
        if number is None and doc.number is None and bad_number is not None and title is not None:
            # the number's type part read past parsing (`09/2026/171-BNV` on a fax): the title
            # and the issuer prescribe it, the figures and the body part read whole
            number = type_part_garbled(bad_number.extra["raw"], expected_symbol(title.extra["label"], doc.issuer))
            if number is not None:
                doc.number = number.text
                doc.evidence["number"] = number_ev = quoted(bad_number.seg, conf)
                warnings.append(f"document number read as '{bad_number.extra['raw']}', its type part mended "
                                f"from the title to '{number.text}': check it")
        if mended is not None:
            warnings.append(f"document number read as '{shown}', its symbol mended from the type "
                            f"and issuer to '{mended.text}': check it")
            doc.number = mended.text
        read_symbol, told = mended or number, None
        if doc.issuer and read_symbol is not None and number_ev is not None \
                and not _CITED_NUMBER.match(number_ev.quote or ""):
            # a body's name read short (`Sở Nô…`, `Bộ Kẻ hoạch`), its number's symbol naming it:
            # told, before a name of no body is dropped below
            told = central_body_read_short(doc.issuer, read_symbol.parts)
            if told:
                warnings.append(f"issuer read as '{doc.issuer[:60]}': '{told}', the body the number's symbol "
                                f"'{'-'.join(read_symbol.parts)}' names and whose words it opens with: check it")
                doc.issuer = told
        if doc.issuer and not told and (
                not _names_a_body(doc.issuer) or (head_where == "issuer" and snap_committee(doc.issuer, doc.place) is None)):
            # a stamp or ink over the header leaves words but no body (`Cork ủy ị bạn nhận dan
            # ong`, `Hân dân`): no issuer is better than that, and the clerk is told
            warnings.append(f"issuer line unreadable: '{doc.issuer[:40]}' names no body")
            doc.issuer = None
            doc.evidence.pop("issuer", None)
        committee = committee_symbol_misread(number) if number and not doc.issuer and doc.number and not mended else None
        if committee is not None:
            # the issuer lines lost, the committee's symbol a letter off (`TB-HĐHD`)
            warnings.append(warning("number_committee_symbol", read=number.text, number=committee.text))
            doc.number = committee.text
            number = committee
        symbol = mended or number
        if scrap_issuer and doc.issuer and symbol is not None and symbol_names_another(doc.issuer, symbol.parts):
            # the body beside a scrap is a receiving stamp's, not the one the number names
            doc.issuer = None
            doc.evidence.pop("issuer", None)
        told_department = _department_of_number(symbol, doc.doc_type) if symbol is not None and number_ev is not None \
            and not _CITED_NUMBER.match(number_ev.quote or "") else None
        if told_department and doc.issuer and doc.issuer != told_department and opens_as_a_committee(doc.issuer) \
                and not doc.issuer_parent:
            # the department's line lost under a stamp, the committee's line above it read as
            # the issuer (`UBNĐ TA MANG NG` over a `…/TTr-SYT` number): a committee's own number
            # bears its `UBND`; one that bears a department's symbol is that department's
            warnings.append(warning("issuer_committee_over_department", read=doc.issuer[:60],
                                    issuer=told_department, symbol="-".join(symbol.parts)))
            parent = snap_committee(doc.issuer, doc.place)
            doc.issuer_parent = parent.upper() if parent else None
            doc.issuer = told_department
            doc.evidence["issuer"] = replace(number_ev)
        committee = snap_committee(doc.issuer, doc.place) if doc.doc_type == "decision" and doc.issuer \
            and opens_as_a_committee(doc.issuer) and not doc.issuer_parent else None
        enacted = enacting_department(pages[0]) if doc.doc_type == "decision" and pages and not told_department \
            and not (symbol is not None and committee_symbol(symbol.parts)) \
            and (doc.issuer is None or _a_provinces_committee(committee)) else None
        if enacted is not None:
            # the department's line lost under a stamp or toner, the committee's line above it
            # read as the issuer: the decision's enacting line names the head of the body that
            # enacts it (`GIÁM ĐỐC SỞ …`), never a committee's (whose number bears its `UBND`)
            body, seg = enacted
            warnings.append(warning("issuer_from_enacting_line", read=(doc.issuer or "")[:60], issuer=body))
            if doc.issuer:
                doc.issuer_parent = committee.upper() if committee else None
            doc.issuer = body
            doc.evidence["issuer"] = quoted(seg, conf)
        if doc.issuer is None and symbol is not None and number_ev is not None \
                and not _CITED_NUMBER.match(number_ev.quote or ""):
            # the issuer lines lost under a stamp or toner: a department's or a central body's
            # number names it; a committee's names its kind, and its date line its province
            named = told_department or central_body_from_symbol(symbol.parts)
            inferred = named or (committee_from_symbol(symbol.parts, doc.place, doc.issued_date) if "place" in doc.evidence else None)
            if inferred:
                doc.issuer = inferred
                doc.evidence["issuer"] = replace(number_ev if named else doc.evidence["place"])
                told = "" if named else f" and the place '{doc.place}'"
                warnings.append(f"issuer lines unreadable: '{inferred}' told by the number's symbol "
                                f"'{'-'.join(symbol.parts)}'{told}: check it")
        # (the issuer may have been told by the number since)
        seat = dating_place(doc.issuer, doc.issuer_parent) if date_cls is not None else None
        if seat and (doc.place is None or not (is_known_place(doc.place) or is_known_place(_without_level(doc.place)))) \
                and not _another_place(doc.place or unread_place, seat):
            # the date line's place lost under a stamp or read as no place (`ị Hadid, ngày 04 …`,
            # `ân The, ngày …`): a central body dates its documents where it sits, a province's
            # bodies at its name, a commune's at its own (Decree 30/2020, Appendix I)
            if doc.place:
                warnings.append(warning("place_unreadable", read=doc.place[:40]))
            doc.place = seat
            doc.evidence["place"] = quoted(date_cls.seg, conf)
            warnings.append(warning("place_central_seat", place=seat, issuer=doc.issuer) if central_seat(doc.issuer)
                            else warning("place_where_it_dates", place=seat, issuer=doc.issuer or doc.issuer_parent or ""))
    if doc.issuer_parent:
        _, doc.place = reconcile_place(proper_case_body(doc.issuer_parent), doc.place)

    recipients, rseg = find_recipients(pages)
    if rseg is not None and any(p.number == rseg.page and p.ocr_confidence is not None for p in pages):
        recipients = [repair_ocr_recipient(r) for r in recipients]
    doc.recipients = recipients
    if rseg is not None and recipients:
        doc.evidence["recipients"] = quoted(rseg)
    return doc, warnings


def _enacted_type(pages: list[Page]) -> tuple[str, Segment] | None:
    """The type the preamble's closing formula names (`… ban hành Thông tư …`, `QUYẾT
    ĐỊNH:`) on the first page, with the segment that says it. (A draft attached after a
    submission has its own formula, further on.)"""
    lines = [line for line in pages[0].lines if line]
    found = enacted_type([fold_phrase(" ".join(seg.text for seg in line)) for line in lines])
    return (found[0], lines[found[1]][0]) if found else None


def _number_from_annexes(doc: DocumentFacts, number: DocNumber | None, pages: list[Page],
                         warnings: list[str], partial: PartialDate | None = None,
                         figures: str | None = None) -> DocNumber | None:
    """The number (and the date) the annexes' subheadings give the document, where the header
    lost its digits or gave none (`selfcite`); on OCR'd pages, also where two annexes or more
    agree on other digits than the header's (handwritten figures read wrong). A date line
    read in `partial` (its day or year lost) takes the cited date only where it agrees with
    what was read; `figures` are those of a number line whose symbol did not parse. Returns
    the number as now taken."""
    if len(pages) < 2:
        return number
    citations = annex_citations(pages[1:], doc.doc_type)
    if not citations:
        return number
    cited = cited_number(citations, number, doc.issued_date, figures)
    if cited is not None and _cited_in_grounds(pages, cited.number):
        cited = None  # a document its grounds cite (`Căn cứ Quyết định số …`) is another one
    if cited is not None and cited.number.text != doc.number:
        # over figures read, only annexes dated the document's date (an amending circular's
        # forms cite the circular they amend, undated: another number of the same symbol)
        agreeing = sum(c.number.text == cited.number.text and doc.issued_date is not None
                       and c.date == doc.issued_date for c in citations)
        lost = doc.number is None or number is None or not number.number
        if lost or (pages[0].ocr_confidence is not None and agreeing >= 2):
            read = f"read as '{doc.number}'" if doc.number else "not read"
            warnings.append(f"document number {read} in the header; '{cited.number.text}' as the annex on "
                            f"page {cited.seg.page} cites the document: check it")
            doc.number = cited.number.text
            doc.evidence["number"] = quoted(cited.seg, next((p.ocr_confidence for p in pages if p.number == cited.seg.page),
                                                         None))
            number = cited.number
    if doc.issued_date is None and doc.number:
        dated = next((c for c in citations if c.number.text == doc.number and c.date
                      and (partial is None or partial.agrees(c.date))), None)
        if dated is not None:
            doc.issued_date = dated.date
            doc.evidence["issued_date"] = quoted(dated.seg, doc.evidence["number"].confidence
                                              if "number" in doc.evidence else None)
            warnings.append(f"issue date not read in the header; {dated.date} as the annex on page "
                            f"{dated.seg.page} cites the document: check it")
    return number


def _under_a_garbled_number(bare: Cls, bad: Cls | None) -> bool:
    """Is `bare` (a number with no label) another document's, the header's own `Số:` line
    `bad` having come before it, shaped as a number with its slash, with other figures?"""
    if bad is None or "/" not in bad.extra["raw"]:
        return False
    figures = _FIGURES_BEFORE_SLASH.match(bad.extra["raw"])
    return not figures or figures[1] != bare.extra["number"].number


def _committee_head_line(seg: Segment) -> bool:
    """A line opening `ỦY BAN` in capitals, most of its letters capitals: a committee's head
    line, specks read into it as small letters."""
    letters = [c for c in seg.text if c.isalpha()]
    return bool(re.match(r"^[^\w]*(?:ỦY|UỶ|UY) BAN\b", seg.text)) and \
        sum(c.isupper() for c in letters) >= 0.75 * len(letters)


def _lines_above(items: list[Cls | None], end: int, most: int = 4) -> list[Segment]:
    """The text lines right above item `end` that read as a subject: sentence lines of three
    words or more, nearly all syllables, the first opening with a capital; none when a scrap
    or a line of another kind stands right above."""
    out: list[Segment] = []
    for it in reversed(items[:end]):
        if it is None:
            continue
        words = re.findall(r"[^\W\d_]+", it.seg.text)
        if it.kind != "text" or len(words) < 3 or sum(is_syllable(w) for w in words) < 0.8 * len(words) \
                or len(out) == most:
            break
        out.insert(0, it.seg)
    while out and not out[0].text.lstrip()[:1].isupper():
        out.pop(0)
    return out


def _span(page: Page, segs: list[Segment]) -> str:
    return segs[0].text


def _join_lines(parts: list[str]) -> str:
    """Join wrapped lines; a hyphen at a line end joins the syllable halves."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out:
            # a speck OCR read before a wrapped line (`,Cho các xã`; `+ phố`, a stamp's edge)
            p = p.lstrip(",;:.‘'`+").lstrip()
        if out.endswith("-") and not out.endswith(" -"):
            out = out[:-1] + p
        elif out.endswith((".", ";")) and p[:1].islower():
            # a speck OCR read as a period or a semicolon at the end of a wrapped line
            out = out[:-1] + " " + p
        else:
            out = (out + " " + p) if out else p
    return squash(out)


_PASSED = re.compile(r"thong qua\s+ngay")


_GROUNDS = re.compile(rf"^\W*(?:{_GROUND_HEADS})\b")
# where the grounds end: the operative part (`QUYẾT ĐỊNH:`, `Điều 1.`)
_OPERATIVE = re.compile(r"^\W*(?:dieu 1\b|quyet dinh\s*:|quyet nghi\s*:|nghi quyet\s*:)")
# a cited document's year: in its date (`… tháng 4 năm 2026`, `21/10/2025`) or its number
# (`23/2023/QĐ-TTg`), not a year named in passing (`dự toán năm 2025`, `đến năm 2030`)
_CITED_YEAR = re.compile(r"thang\s*\S{1,2}\s*nam\s*((?:19|20)\d{2})(?!\d)|\d{1,2}/\d{1,2}/((?:19|20)\d{2})(?!\d)"
                         r"|\d/((?:19|20)\d{2})/")


def _grounds_lines(pages: list[Page]) -> Iterator[tuple[Segment, Segment | None]]:
    """Each grounds line (`Căn cứ …`, `Theo đề nghị …`) before the operative part (`Điều 1.`,
    `QUYẾT ĐỊNH:`), with the line after it, onto which it may wrap."""
    for page in pages:
        segs = page.segments()
        for i, seg in enumerate(segs):
            if _OPERATIVE.match(seg.folded):
                return
            if _GROUNDS.match(seg.folded):
                yield seg, segs[i + 1] if i + 1 < len(segs) else None


def _cited_in_grounds(pages: list[Page], number: DocNumber) -> bool:
    """Do the grounds cite this number? A document never cites itself there: an annex giving
    the same number dated the same day heads another document's list (a department's
    decision on the committee's)."""
    want = fold_phrase(number.text).replace(" ", "")
    return any(want in seg.folded.replace(" ", "") for line in _grounds_lines(pages) for seg in line if seg)


def _year_from_elsewhere(lost: LostYear, number: DocNumber | None, pages: list[Page]) -> str | None:
    """The date of a date line whose year lost its last digit: in the year the number carries
    (`…/2026/TT-BNV`), else in the latest year of a document its grounds cite on the first page
    (a decision follows what it is based on, most often within the year), when of the decade
    read — but for a line whose month word was garbled too, less of it read."""
    if number is not None and number.year and not year_slipped(number):
        return lost.dated(int(number.year))
    if lost.garbled:
        return None  # a date line with its month word garbled too: the number's year or none
    # `ngà 09 tháng 4 năm 2026`: OCR took a letter of `ngày`, the year is still there
    years = [int(y) for seg, _ in _grounds_lines(pages[:1]) for groups in _CITED_YEAR.findall(seg.folded)
             for y in groups if y and y[:3] == lost.decade]
    return lost.dated(max(years)) if years else None


def _dated_after_grounds(partial: PartialDate, pages: list[Page]) -> str | None:
    """The date line's day and month in the first year that is not before the latest date its
    grounds cite (`Căn cứ …`, `Theo đề nghị …` on the first two pages), when that year begins
    with the figures the cut left (`năm 20`); None when the grounds date nothing."""
    cited = [hit.iso for seg, wrap in _grounds_lines(pages[:2]) for line in (seg, wrap) if line
             for hit in find_dates(line.folded) if hit.iso]
    if not cited or partial.day is None:
        return None
    latest = max(cited)
    for year in (int(latest[:4]), int(latest[:4]) + 1):
        iso = make_iso(year, partial.month, partial.day)
        if iso is not None and iso >= latest:
            return iso if str(year).startswith(partial.left) else None
    return None


# the closing formula's `thông` lost under a seal (`Ỳ | hu 3 | qua ngay 12 thang 6 nam 2017.`):
# `qua ngày` after a scrap, no word (`không quá ngày …`, `trước`: a deadline), in the lines
# that name the Quốc hội passing it; only where no page holds the formula whole
_PASSED_DAMAGED = re.compile(r"(?:^|(?:^|\s)(?:\S{1,3}|[|])\s+)qua\s+ngay")
_PASSED_BY = re.compile(r"quoc hoi|ky hop")


# a date line OCR garbled past reading a date (`Lào Cai, ngày 26 tháng & iam m 2025`, `Lao Ca,
# ngày 26 thang 7 nam 210125`): `ngày` and the day's figures still stand after the place
_UNREAD_DATE = re.compile(r"[,.]?\s*ngay[.,]?\s+[0-9oil]{1,2}\s+\S")
_HEADER_LINES = 20


def _place_of_an_unread_date_line(page: Page) -> tuple[str, Segment] | None:
    """The place before `, ngày` on a header line whose date no rule could read, when the words
    before it are a place's shape (the issuer's own name mends its spelling later)."""
    for seg in page.segments():
        if seg.line >= _HEADER_LINES:
            break
        m = _UNREAD_DATE.search(seg.folded)
        if not m or not seg.folded[m.start():].lstrip(",. ").startswith("ngay"):
            continue
        before = seg.text[:m.start()]
        cut = 0 if _a_place_at_most(before.lower()) and not _runs_on(before) else _place_start(seg.text, m.start())
        place = before[cut:].strip(" ,.;:")
        # (a place is written in small letters after its capitals: `NOE ngày 25` is a copier's
        # scraps where `Hà Nội,` stood)
        if _place_shaped(place) and not _unreadable_place(place) and all(
                any(c.islower() for c in w) for w in place.split() if len(w) > 1):
            return place, seg
    return None


def _fallback_issued(pages: list[Page], law: bool = False) -> tuple[str, Segment] | None:
    """Laws carry no date line: `… thông qua ngày 12 tháng 6 năm 2017` gives the date."""
    return _passed_on(pages, damaged=False) or _passed_on(pages, damaged=True, law=law)


def _passed_on(pages: list[Page], damaged: bool, law: bool = False) -> tuple[str, Segment] | None:
    """`law`: the document is a law (its title says), whose closing words are the legislature's
    passing: `qua ngày …` after scraps stands for them when the words naming it (`Quốc hội … kỳ
    họp`) were garbled into those scraps (`mitt 3 AX ng qua ngày 12 tháng 6 năm 2017`, a fax); a
    sentence's `qua ngày` (`… kéo dài / qua ngày …`) has none before it."""
    for page in reversed(pages):
        segs = page.segments()
        for k, seg in enumerate(segs):
            m = _PASSED.search(seg.folded) if not damaged else None
            passing = any(_PASSED_BY.search(s.folded) for s in segs[max(k - 3, 0):k + 1])
            if damaged and law and not passing:
                at = seg.folded.find("qua ngay")
                passing = at > 0 and mostly_not_syllables(seg.text[:at])
            if damaged and passing:
                m = _PASSED_DAMAGED.search(seg.folded)
                # the word before `qua` a deadline's (`đến quá ngày`, `từ`: deadline_words.txt)
                before = seg.folded[:m.end()].split()[-3:-2] if m else []
                if before and before[0] in resources.words("deadline_words.txt"):
                    m = None
            if m:
                hits = [h for h in find_dates(seg.folded) if h.start >= m.start() and h.iso]
                if hits:
                    return hits[0].iso, seg
    return None
