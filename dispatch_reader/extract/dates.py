"""Dates and their roles: issued, effective, start, end, deadline, cited, mentioned.

The role comes from the words just before a date (`từ ngày` → start, `đến (hết) ngày` → end,
`trước ngày` → deadline, a cited number or `Căn cứ` → cited) and from fixed phrases with no
date in them that point at the signing day (`có hiệu lực kể từ ngày ký` → effective,
`thời hạn 06 tháng kể từ ngày ký` → start). Cue words are data (date_cues.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.datefmt import DateHit, find_dates
from dispatch_reader.extract.docnumber import BODY_NUMBER
from dispatch_reader.extract.gazette import RUNNING_HEAD
from dispatch_reader.extract.textutil import Page, fold_keep
from dispatch_reader.places.match import edit_distance
from dispatch_reader.record import DateFact, DocumentFacts, Evidence
from dispatch_reader.textnorm import fold, for_matching

_SKIP_LINE = re.compile(r"^\s*(?:cong bao|ky boi|nguoi ky|co quan\s*:|email|ngay ky|thoi gian ky|\(?kem theo)")
# a fax machine's line over each page it sends: the time it was sent, the sender's number and
# the page's (`06/05/2026 10:32  FROM: 0243 123 4567   P.002/004`), no date of the document's
_FAX_LINE = re.compile(r"\b\d{1,2}:\d{2}\s+(?:from|fax)\s*:?\s*[+(]?\d[\d ()-]{6,}|\bp\.\s?\d{1,3}\s?/\s?\d{1,3}\s*$")
# ... over the page's top or under its foot: this many lines (a sentence's `… at 8:00 from 20
# May 2026` or `… tại phòng P.2/4` stands inside the page)
_EDGE_LINES = 2
_SIGNING_DAY = re.compile(
    r"(?:co hieu luc(?: thi hanh)?|(?:has|have|took|takes|take) effect|(?:is|are|be) effective)\s+"
    r"(?:(?:ke\s+)?tu|from|as of|on)\s+(?:ngay\s+ky(?:\s+ban\s+hanh)?|the (?:date|day) of signing)"
)
# (`Thời gian biệt phái: 12 tháng kể từ ngày ký Quyết định này`, a tester's, as well)
_PERIOD_FROM_SIGNING = re.compile(
    r"thoi\s+(?:han|gian)(?:\s+[a-z]+){0,3}?\s*:?\s+(?:la\s+)?(?P<n>\d{1,2})\s+(?P<unit>thang|nam)\s*,?\s+"
    r"(?:ke\s+)?tu\s+ngay\s+ky"
)


def _at_edge(folded: str, line_start: int) -> bool:
    """Is the line starting at `line_start` among the page's first or last _EDGE_LINES lines?"""
    before = folded.count("\n", 0, line_start)
    after = folded.count("\n", line_start) - (1 if folded.endswith("\n") else 0)
    return before < _EDGE_LINES or after < _EDGE_LINES


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    role: str
    quote_from_cue: bool


@lru_cache(maxsize=1)
def _cues() -> list[Cue]:
    """(regex on the folded words before a date, role); first match wins."""
    out = []
    for row in resources.rows("date_cues.tsv"):
        phrase, role = row[0], row[1]
        quote = len(row) > 2 and row[2] == "quote"
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        out.append(Cue(re.compile(rf"(?:^|[^\w])({words})(?:\s+ngày)?\s*[:,]?\s*$"), role, quote))
    return out


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _clause_start(folded: str, pos: int) -> int:
    """Start of the clause holding pos: after the last `;` or `.` followed by space, or
    a line that starts a new article or item."""
    best = 0
    for m in re.finditer(r"[;:](?=\s)|\.(?=\s+[A-Za-z0-9])|\n(?=\s*(?:\d+\.|[a-z]\)|-|dieu\s))", folded[:pos]):
        best = m.end()
    return best

# `từ ngày 01/9/2025 gén ngày 28/2/2026` (a phone photo's `đến`, a letter misread)
_MISREAD_UNTIL = re.compile(r"(?:^|\s)từ ngày (?P<first>\S{6,10}) (?P<w>[^\W\d_]{3}) ngày\s*$")


def _as_of(before_cue: str, after: str) -> bool:
    """`…, đến ngày 30/9/2025 các sở đã cử …`, `Đến ngày 30/9/2025, các sở …`: `đến` opening a
    clause whose subject follows the date (a comma between or not) says "as of", not when
    something ends."""
    clause = re.split(r"[,;.:\n]", before_cue)[-1].strip()
    return clause in ("", "tính") and bool(re.match(r",?\s+[^\W\d_]", after)) and \
        not re.match(r",?\s+(?:và|hoặc|or|and)\b", after)


def role_for(page: Page, hit: DateHit, own_number: str | None) -> tuple[str, int]:
    """(role, quote start) for a date hit on a page."""
    f = page.folded
    # Cues are matched with their diacritics: folded "tu" is also the "tư" of "Thông tư".
    before = for_matching(page.text[max(0, hit.start - 40):hit.start]).lower()
    before = re.sub(r"[_|‘'`~]+$", "", before)  # "kể từ ngày\n_15/9/2025": an OCR speck before the date
    # right before a date, `ngay` is the day word with its mark lost (`ke từ ngay Ù1/10/20Z5`, a fax)
    before = re.sub(r"(?<!\w)ngay(\s*)$", r"ngày\1", before)
    if f[hit.start:hit.start + 4] == "ngay":
        before += " ngày"
    flat = re.sub(r"\s+", " ", before)
    for cue in _cues():
        m = cue.pattern.search(flat)
        if m:
            # Quote from the cue word ("từ ngày 03/9/2025") when the cue is part of the fact.
            start = hit.start
            if cue.quote_from_cue:
                raw = page.text[max(0, hit.start - 40):hit.start].lower()
                pos = raw.rfind(m.group(1).split()[0])
                start = hit.start - (len(raw) - pos) if pos >= 0 else hit.start
            raw = for_matching(page.text[max(0, hit.start - 40):hit.start]).lower()
            at = raw.rfind(m.group(1).split()[0])
            # the clause before the cue, line breaks kept: a heading line above ends no clause of it
            before_cue = raw[:at] if at >= 0 else flat[:m.start(1)]
            if cue.role == "end" and _as_of(before_cue, page.text[hit.end:hit.end + 30]):
                return "mentioned", max(start, 0)
            return cue.role, max(start, 0)
    clause = f[_clause_start(f, hit.start):hit.start]
    line = f[_line_start(f, hit.start):hit.start]
    if re.search(r"(?:^|\s)can cu\s", " " + clause) or re.search(r"(?:^|\s)can cu\s", " " + line):
        return "cited", hit.start
    # "… số 412/SNV-CCVC ngày 20 tháng 8 năm 2025": a date right after a cited number.
    near = page.text[max(0, hit.start - 40):hit.start]
    m = None
    for m in BODY_NUMBER.finditer(near):
        pass
    if m is not None and len(near) - m.end() <= 6:
        return "cited", hit.start
    if re.search(r"(?:luat|nghi dinh|nghi quyet|quyet dinh|thong tu|cong van|ke hoach|bao cao|to trinh|"
                 r"decree|decision|resolution|circular|dispatch|law|plan|report)\b[^;.]{0,120}$", clause):
        return "cited", hit.start
    if page.ocr_confidence is not None and _misread_until(flat, hit):
        return "end", hit.start
    return "mentioned", hit.start


def _misread_until(before: str, hit: DateHit) -> bool:
    """`từ ngày 01/9/2025 gén ngày 28/2/2026` on an OCR page: `đến` misread a letter off (its
    first letter one `đ` is read as: d, g, q), and the range's second date after its first."""
    m = _MISREAD_UNTIL.search(before)
    if not m or fold(m["w"])[:1] not in "dgq" or edit_distance(fold(m["w"]), "den", 1) != 1:
        return False
    first = find_dates(fold_keep("ngay " + m["first"]))
    return bool(first and first[0].iso and hit.iso and first[0].iso < hit.iso)


def _default_year(pages: list[Page], doc: DocumentFacts) -> int | None:
    if doc.issued_date:
        return int(doc.issued_date[:4])
    for page in pages:
        for hit in find_dates(page.folded, english=True):
            if hit.has_year and hit.iso:
                return int(hit.iso[:4])
    return None


def _add_months(iso: str, months: int) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    m0 = m - 1 + months
    return f"{y + m0 // 12:04d}-{m0 % 12 + 1:02d}-{d:02d}"


def extract_dates(pages: list[Page], doc: DocumentFacts, language: str) -> list[DateFact]:
    out: list[DateFact] = []
    seen: set[tuple[str, str, int, int]] = set()
    issued_ev = doc.evidence.get("issued_date")
    year = _default_year(pages, doc)
    english = language == "en"

    def add(date: str | None, role: str, page: Page, a: int, b: int) -> None:
        if not date:
            return
        key = (date, role, page.number, a)
        if key in seen:
            return
        seen.add(key)
        out.append(DateFact(date=date, role=role, evidence=Evidence(
            page=page.number, quote=page.text[a:b], start=a, confidence=page.ocr_confidence)))

    for page in pages:
        f = page.folded
        header_at = 0 if english else _header_start(doc, page)
        for hit in find_dates(f, default_year=year, english=english):
            if not hit.iso:
                continue
            if hit.start < header_at:
                continue  # above the header: a hand's instruction or a stamp, not the document's words
            line_a = _line_start(f, hit.start)
            line = f[line_a:f.find("\n", hit.start) if f.find("\n", hit.start) >= 0 else len(f)]
            if _SKIP_LINE.match(line) or ((_FAX_LINE.search(line) or RUNNING_HEAD.match(line)) and _at_edge(f, line_a)):
                # a signing box's or an annex's line; a fax machine's line, the Gazette's running
                # head (its issue's date) read however a copy left it: no date of the document's
                continue
            if issued_ev and page.number == issued_ev.page and issued_ev.start is not None \
                    and issued_ev.start <= hit.start < issued_ev.start + len(issued_ev.quote):
                continue
            if english and _is_dateline(page, hit):
                continue
            role, qa = role_for(page, hit, doc.number)
            add(hit.iso, role, page, qa, hit.end)
        if doc.issued_date:
            for m in _SIGNING_DAY.finditer(f):
                add(doc.issued_date, "effective", page, m.start(), m.end())
            for m in _PERIOD_FROM_SIGNING.finditer(f):
                add(doc.issued_date, "start", page, m.start(), m.end())
    if doc.issued_date and issued_ev is not None:
        page = next((p for p in pages if p.number == issued_ev.page), None)
        if page is not None and issued_ev.start is not None:
            add(doc.issued_date, "issued", page, issued_ev.start, issued_ev.start + len(issued_ev.quote))
    return out


def _header_start(doc: DocumentFacts, page: Page) -> int:
    """Where the document's own header begins on the page (its issuer's or number's line,
    whichever comes first) when it heads the page; 0 otherwise. What stands above it there is
    written on the paper, not printed in the document: a bút phê's `Chuyển P. Nội vụ xử lý
    5/3/2026`, a receiving stamp's figures. (A consolidated text's issuer and number stand in
    its closing block, under the whole text: no header heads its page.)"""
    starts = [ev.start for field in ("issuer", "number")
              if (ev := doc.evidence.get(field)) is not None and ev.page == page.number and ev.start is not None]
    if len(starts) != 2 or page.text.count("\n", 0, min(starts)) > _LINES_ABOVE_HEADER:
        return 0
    return min(starts)


# a hand's note, a stamp and a gazette's running head above a header: a few lines at most
_LINES_ABOVE_HEADER = 8


def _is_dateline(page: Page, hit: DateHit) -> bool:
    """`Van Xuan, October 22, 2025` alone on its line: the article's dateline, not a fact."""
    f = page.folded
    a = _line_start(f, hit.start)
    b = f.find("\n", hit.end)
    line = f[a:b if b >= 0 else len(f)]
    return line.strip().endswith(f[hit.start:hit.end].strip()) and len(line.split()) <= 8 and "," in line


@lru_cache(maxsize=1)
def _limit_cues() -> tuple[str, ...]:
    """A ceiling's words before a figure (count_status_cues.tsv, `limit`), folded: `khong qua`."""
    return tuple(fold_keep(row[0]).lower() for row in resources.rows("count_status_cues.tsv")
                 if len(row) > 1 and row[1] == "limit")


def period_months(text_folded: str) -> float | None:
    """`thời hạn 06 tháng` / `Thời gian biệt phái: 03 năm` / `Thời gian tăng cường tối thiểu 12 tháng` /
    `for two months` → months."""
    m = re.search(r"thoi\s+(?:han|gian)((?:\s+(?!ngay\b|tu\b|den\b)[a-z]+){0,4}?)\s*:?\s+(\d{1,2})\s+(thang|nam)\b",
                  text_folded)
    if m:
        if any(m.group(1).endswith(" " + cue) for cue in _limit_cues()):
            return None  # `thời hạn biệt phái không quá 03 năm`: the law's ceiling, no sending's period
        n = int(m.group(2))
        return float(n * 12 if m.group(3) == "nam" else n)
    m = re.search(r"\b(?:for|of)\s+(\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+(months?|years?)", text_folded)
    if m:
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}
        n = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1)]
        return float(n * 12 if m.group(2).startswith("year") else n)
    return None


def months_between(start: str, end: str) -> float | None:
    """Whole months when the day matches (03/9 → 03/11 = 2), else to one decimal."""
    y1, m1, d1 = (int(x) for x in start.split("-"))
    y2, m2, d2 = (int(x) for x in end.split("-"))
    months = (y2 - y1) * 12 + (m2 - m1)
    if d2 == d1 or (d2 >= 28 and d1 == 1 and False):
        return float(months)
    if d1 == 1 and _is_month_end(y2, m2, d2):
        return float(months + 1)
    import datetime as dt
    days = (dt.date(y2, m2, d2) - dt.date(y1, m1, d1)).days
    return round(days / 30.4375, 1)


def _is_month_end(y: int, m: int, d: int) -> bool:
    import calendar
    return d == calendar.monthrange(y, m)[1]
