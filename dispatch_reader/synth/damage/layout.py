"""Where the marks go: the signature block and the header, read from a born-digital PDF's text layer.

An office stamps its seal over the signing block and the receiving clerk stamps the header, so
the generator needs to know where those are on the page. It reads them from the text layer of
the PDF it damages (pypdfium2's text rectangles), never from OCR: the damage must not depend
on the reader it is meant to test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dispatch_reader.textnorm import fold, squash

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points from the page's top-left


@dataclass(frozen=True)
class Phrase:
    """A run of text on one line (pdfium's text rectangles, neighbours on a line joined)."""

    page: int
    text: str
    box: Box

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def bottom(self) -> float:
        return self.box[3]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


@dataclass(frozen=True)
class PageText:
    size: tuple[float, float]  # width, height in points
    phrases: list[Phrase]


@dataclass(frozen=True)
class SignatureSpot:
    """The signing block: title lines (TM./KT. … CHỦ TỊCH) above the gap, the name below it."""

    page: int
    titles: list[Phrase]
    name: Phrase | None

    @property
    def box(self) -> Box:
        parts = self.titles + ([self.name] if self.name else [])
        return (min(p.x0 for p in parts), min(p.top for p in parts),
                max(p.x1 for p in parts), max(p.bottom for p in parts))


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def read_pages(pdf: object) -> list[PageText]:
    """Phrases of every page of an open pypdfium2 document, top to bottom."""
    pages = []
    for index in range(len(pdf)):  # type: ignore[arg-type]
        page = pdf[index]  # type: ignore[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        runs: list[Phrase] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = squash(textpage.get_text_bounded(left, bottom, right, top) or "")
            if text:
                runs.append(Phrase(index, text, (left, height - top, right, height - bottom)))
        textpage.close()
        page.close()
        pages.append(PageText((width, height), _join_runs(runs)))
    return pages


def _join_runs(runs: list[Phrase]) -> list[Phrase]:
    """Runs on one baseline with a gap under two text heights become one phrase; columns
    (Nơi nhận beside the signature) stay apart."""
    runs = sorted(runs, key=lambda r: (round((r.top + r.bottom) / 2 / 3), r.x0))
    out: list[Phrase] = []
    for run in runs:
        last = out[-1] if out else None
        if (last is not None and abs((last.top + last.bottom) - (run.top + run.bottom)) / 2 < 0.5 * max(last.height, 1)
                and 0 <= run.x0 - last.x1 < 2 * max(last.height, run.height)):
            out[-1] = Phrase(last.page, f"{last.text} {run.text}", _union(last.box, run.box))
        else:
            out.append(run)
    return sorted(out, key=lambda r: (r.top, r.x0))


# Words of the signing block's title lines: authority (TM., KT., Q., TL., TUQ.) and the posts.
_TITLE = re.compile(
    r"^(tm|kt|q|tl|tuq)\s*\.|chu tich|giam doc|thu truong|bo truong|tong giam doc|truong ban|"
    r"truong phong|chanh van phong|bi thu|pho chu tich|thu tuong|chanh an|vien truong|hieu truong|"
    r"cuc truong|tong cuc truong|thong doc|tong kiem toan|chu nhiem|truong|pho ",
)
_NOT_TITLE = re.compile(r"noi nhan|^-|:")


def _is_title(phrase: Phrase) -> bool:
    text = fold(phrase.text).lower()
    if _NOT_TITLE.search(text) or len(text) > 60:
        return False
    letters = [c for c in phrase.text if c.isalpha()]
    capitals = letters and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return bool(capitals and _TITLE.search(text))


def _looks_like_name(phrase: Phrase) -> bool:
    words = phrase.text.rstrip(".").split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha())


def _name_alone(phrase: Phrase, name: str) -> bool:
    """The phrase is the name, give or take a few letters (a full stop, `(đã ký)`)."""
    return len(squash(fold(phrase.text))) <= len(name) + _NAME_SLACK


_NAME_SLACK = 8


def _overlaps(a: Phrase, b: Phrase) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0 or abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 < 60


def _titles_above(page: PageText, name: Phrase) -> list[Phrase]:
    """Title lines in the name's column, at most ~12 lines above it, nearest block only."""
    above = [p for p in page.phrases
             if p.bottom <= name.top + 1 and name.top - p.bottom < 12 * max(name.height, 10) and _overlaps(p, name)]
    titles: list[Phrase] = []
    for p in reversed(above):  # nearest first
        if _is_title(p):
            titles.insert(0, p)
        elif titles:
            break
    return titles


def find_signature(pages: list[PageText], signer: str | None) -> SignatureSpot | None:
    """The signing block: the line with the signer's name (when known) under title lines;
    else the last title lines of the document and the name-like line below them."""
    want = squash(fold(signer)).lower() if signer else None
    candidates: list[SignatureSpot] = []
    for page in pages:
        for i, phrase in enumerate(page.phrases):
            # the name printed on a line of its own: the same name in a sentence (a press
            # report's `signed by Vice Chairman Le Quang Vinh, …`) is no signing block
            if want and want in fold(phrase.text).lower() and _name_alone(phrase, want):
                candidates.append(SignatureSpot(phrase.page, _titles_above(page, phrase), phrase))
    if candidates:
        with_titles = [c for c in candidates if c.titles]
        return (with_titles or candidates)[-1]
    for page in reversed(pages):
        titles = [p for p in page.phrases if _is_title(p)]
        if not titles:
            continue
        last = titles[-1]
        block = [p for p in titles if last.top - p.bottom < 5 * last.height and _overlaps(p, last)]
        below = [p for p in page.phrases if p.top > last.bottom and _overlaps(p, last) and _looks_like_name(p)]
        return SignatureSpot(page.phrases[0].page, block, below[0] if below else None)
    return None


_NUMBER_LINE = re.compile(r"^s[oố]\s*[:.]?\s*(\d+)", re.IGNORECASE)


def find_header(pages: list[PageText]) -> tuple[Box | None, Box | None]:
    """Page 1's issuer/number block (left header column) and its date line, if found."""
    if not pages or not pages[0].phrases:
        return None, None
    page = pages[0]
    width, height = page.size
    top = [p for p in page.phrases if p.top < 0.4 * height]
    number = next((p for p in top if _NUMBER_LINE.match(fold(p.text))), None)
    first = top[0] if top else page.phrases[0]
    left = [p for p in top if p.x0 < 0.45 * width and p.top <= (number.bottom if number else first.bottom + 60)]
    block: Box | None = None
    for p in left or [first]:
        block = p.box if block is None else _union(block, p.box)
    dated = next((p for p in top if re.search(r"ngay\s+\d+\s+thang", fold(p.text).lower())), None)
    return block, (dated.box if dated else None)


_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")


def printed_facts(pages: list[PageText]) -> tuple[set[int], set[date]]:
    """Numbers on page 1's `Số:` line and dates written `ngày d tháng m năm y` on page 1:
    what a receipt stamp must not repeat when the truth is not known."""
    numbers: set[int] = set()
    dates: set[date] = set()
    for p in pages[0].phrases if pages else []:
        text = fold(p.text).lower()
        m = _NUMBER_LINE.match(text)
        if m:
            numbers.add(int(m.group(1)))
        for d, mo, y in _DATE_WORDS.findall(text):
            try:
                dates.add(date(int(y), int(mo), int(d)))
            except ValueError:
                pass
    return numbers, dates
