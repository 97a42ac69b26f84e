"""The receiving office's stamp: `CÔNG VĂN ĐẾN — Số: 1234 — Ngày: 05/9/2025 — Chuyển: …`.

A clerk stamps every incoming document on page 1, often across the header, and fills the
number and date in by hand. That registration number and date are useful (where the paper
went, when it arrived) and are recorded as `document.received` — but they are never the
document's own number or date, so their lines are blanked before the header is read.
Labels are data (received_labels.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.datefmt import find_dates, find_written_date
from dispatch_reader.extract.esign import is_esign_field
from dispatch_reader.extract.issuer_snap import known_body_after_a_scrap, number_symbols
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.extract.textutil import Page
from dispatch_reader.places.match import edit_distance
from dispatch_reader.record import Evidence, Received
from dispatch_reader.textnorm import eth_as_d, fold, squash

# How many lines after the stamp's title its fields may stand (OCR breaks the box into lines).
_REACH = 6
# ... and under a title that counts alone (`ĐẾN`): its `Số`, `Ngày` and `Chuyển` lines only
_ALONE_REACH = 3
# The title with its first word smudged (`ÌNG VAN DEN`), alone on its line.
_SMUDGED_TITLE = re.compile(r"^\W{0,3}(\w{1,4}\s+van\s+den)\W*$")
# A receiving office's name as a stamp prints it above the title: a body, in a few words (the V
# of `VĂN PHÒNG` misread, `UBND` run into its place on a copy: `UBNDXALAOBAO`).
_RECEIVING_BODY = re.compile(r"^\W{0,3}(?:(?:so|ban|[vjy]an phong|phong|uy ban)\b|ubnd)[^\n]{0,40}$")
# ... opening a people's committee's name, whole on its line (`UBND XÃ LAO BẢO`): a body's
# first line (`ỦY BAN KIỂM TRA` under a Party committee's line is that block's own)
_COMMITTEE_HEAD = re.compile(r"^\W{0,3}(?:ubnd|uy ban nhan dan)")
# ... naming its place after a level (`SỞ NỘI VỤ TỈNH LẠNG SƠN`): a stamp prints the office's
# whole name on one line; a header's first line is its parent's or a bare head (`ỦY BAN NHÂN DÂN`)
_LEVEL_AND_PLACE = re.compile(r"\b(?:tinh|xa|phuong|thanh pho|huyen)\s+\w{2,}")
# a stamp's title alone on its line, in capitals as stamps print it (`ĐẾN`, `‘DEN`)
_TITLE_ALONE_LINE = re.compile(r"^\W{0,3}[ĐD][ẾÊEỀ]N\W*$")


@dataclass
class StampLines:
    page: int
    spans: list[tuple[int, int]]  # offsets in the page text of the stamp's pieces


@lru_cache(maxsize=1)
def _all_labels() -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The titles found anywhere in a line, the titles that count only alone (`ĐẾN`), the
    fields' labels (longest first)."""
    titles: list[str] = []
    alone: list[str] = []
    fields: list[tuple[str, str]] = []
    for row in resources.rows("received_labels.tsv"):
        if len(row) < 2:
            continue
        if row[1] == "title":
            titles.append(row[0])
        elif row[1] == "title alone":
            alone.append(row[0])
        else:
            fields.append((row[0], row[1]))
    return tuple(titles), tuple(alone), tuple(sorted(fields, key=lambda f: -len(f[0])))


def _alone_title(folded: str) -> re.Match[str] | None:
    """A title that counts only alone (`ĐẾN`) opening a folded line that holds no other title."""
    titles, alone, _ = _all_labels()
    if any(t in folded for t in titles):
        return None
    return next((m for t in alone if (m := re.match(rf"\W{{0,3}}({re.escape(t)})(?![a-z])", folded))), None)


def _title_at(folded: str, next_line: str = "") -> int:
    """Where the stamp's title starts in a folded line, or -1. A title that counts only alone
    (`ĐẾN`) must have the stamp's number label right after it, on its line or the next
    (`ĐẾN Số: 1234`, `ĐẾN` over `Số: 1234`): `Đến ngày: 31/12/2025` is a sentence's."""
    titles, _, _ = _all_labels()
    at = next((folded.find(t) for t in titles if t in folded), -1)
    if at >= 0:
        return at
    if _worn_title(folded):
        return len(folded) - len(folded.lstrip(" .:;,|-_'\"“”‘’"))
    m = _alone_title(folded)
    if m is None:
        return -1
    rest = folded[m.end():].strip(" .:;,|-_\n")
    return m.start(1) if _opens_on_number(rest if rest else next_line) else -1


# a title this long at least may be read with letters lost or other (`CÔNG AN ĐỀN` for `CÔNG
# VĂN ĐẾN`: a grey stamp's V lost in a faint copy), and be told as the title still when it is
# the whole line, two letters off at most
_WORN_TITLE_LEAST, _WORN_TITLE_OFF = 10, 2


def _worn_title(folded: str) -> bool:
    """Is the folded line, alone, a long stamp title read two letters off at most, its last word
    whole?"""
    from dispatch_reader.places.match import edit_distance

    words = re.findall(r"[a-z]+", folded)
    line = " ".join(words)
    titles, _, _ = _all_labels()
    # its last word whole (`ĐẾN`): `CÔNG VĂN ĐI`, `công văn trên`, `văn bản đó` are no stamp's (a
    # reviewer's)
    return any(len(t) >= _WORN_TITLE_LEAST and line != t and words[-1:] == t.split()[-1:]
               and len(words) == len(t.split()) and edit_distance(line, t, _WORN_TITLE_OFF) <= _WORN_TITLE_OFF
               for t in titles)


def _opens_on_number(folded: str) -> bool:
    return any(name == "number" and label_at <= 3 for name, _, label_at in _field_at(folded.lstrip()))


def _field_at(folded: str) -> list[tuple[str, int, int]]:
    """(field, value start, label start) for each `label:` in a folded line."""
    _, _, fields = _all_labels()
    out = []
    for label, name in fields:
        for m in re.finditer(rf"(?<![a-z]){re.escape(label)}\s*[:.]\s*", folded):
            if not any(m.start() < end and start < m.end() for _, end, start in out):
                out.append((name, m.end(), m.start()))
    return sorted(out, key=lambda f: f[2])


def _header_line(line: str) -> bool:
    """A line in capitals of two words or more: the issuer block goes on above (`TỈNH LÀO CAI`
    over `SỞ NỘI VỤ`), so the body line under it is the issuer's, not a stamp's."""
    words = re.findall(r"[^\W\d_]{2,}", line)
    return len(words) >= 2 and all(w.isupper() for w in words)


def _receiving_body_at(lines: list[str], folded_lines: list[str], i: int) -> int | None:
    """The line above the stamp's title at line i when it is the receiving office's name (`SỞ
    NỘI VỤ TỈNH …`, `UBND XÃ …`); None where there is none or it is the header's own. A body line
    under a header line continues the issuer's block (`TỈNH LÀO CAI` over `SỞ NỘI VỤ`), but not
    one that opens a committee under a line that does not (`UBND XÃ LAO BẢO` under `KHU KINH
    TẾ`: a block never goes on with another committee's name)."""
    k = i - 1
    if k < 0 or not _RECEIVING_BODY.match(folded_lines[k]):
        return None
    if k == 0:
        # the page's first line: the office's whole name, and the header's own lines under the
        # stamp's (two words in capitals at least before the document's `Số:`)
        return k if _LEVEL_AND_PLACE.search(folded_lines[k]) and _header_below(lines, folded_lines, i) else None
    if _header_line(lines[k - 1]) and not (
            _COMMITTEE_HEAD.match(folded_lines[k]) and not _COMMITTEE_HEAD.match(folded_lines[k - 1])):
        return None
    return k


def _header_below(lines: list[str], folded_lines: list[str], i: int) -> bool:
    """Does a line with two words in capitals stand under the stamp's title at line i (past its
    number line) before the next `Số:`?"""
    for j in range(i + 1, min(len(lines), i + _REACH + 1)):
        if (re.match(r"\W{0,3}s[o6]\b", folded_lines[j]) and j > i + 1) or re.search(r"cong hoa|doc lap", folded_lines[j]):
            return False  # the number's line, or the motto's column
        if sum(w.isupper() for w in re.findall(r"[^\W\d_]{2,}", lines[j])) >= 2 and not _field_at(folded_lines[j]):
            return True
    return False


# the lines of a page's top in which its header's number stands
_HEADER_LINES = 25


def find_received(pages: list[Page]) -> tuple[Received | None, StampLines | None]:
    """The receipt stamp on the first page that has one, and where its pieces stand."""
    for page in pages[:2]:
        lines = page.text.splitlines(keepends=True)
        symbols = number_symbols("".join(lines[:_HEADER_LINES]))
        folded_lines = page.folded.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        for i, folded in enumerate(folded_lines):
            at = _title_at(folded, folded_lines[i + 1] if i + 1 < len(folded_lines) else "")
            alone_line = _TITLE_ALONE_LINE.match(lines[i]) is not None
            body = _receiving_body_at(lines, folded_lines, i) if (at < 0 and alone_line) or 0 <= at <= 2 else None
            if at < 0 and body is not None:
                at = re.search(r"\w", folded).start()  # `ĐẾN` alone, its figures lost: under an office's name
            if at < 0:
                smudged = _SMUDGED_TITLE.match(folded)
                if not smudged:
                    continue
                at = smudged.start(1)
                body = _receiving_body_at(lines, folded_lines, i) if at <= 2 else None
            received = Received(evidence=Evidence(page=page.number, quote=squash(lines[i]), start=offsets[i] + at))
            spans = [(offsets[i] + at, offsets[i] + len(lines[i].rstrip("\n")))]
            if body is not None:
                # the receiving office's name printed above the title (`SỞ GIÁO DỤC VÀ ĐÀO TẠO`),
                # apart from the header's own lines: the stamp's, never the issuer
                spans.append((offsets[body], offsets[body + 1] - 1))
            alone = _alone_title(folded) is not None
            worded = False  # words after the count: `Đến số: 15 thì dừng` is a sentence
            # a stamp titled `ĐẾN` alone holds its number, date and forwarding in the lines under it
            for j in range(i, min(len(lines), i + (_ALONE_REACH if alone else _REACH) + 1)):
                for name, value_at, label_at in _field_at(folded_lines[j] if j > i else folded[at:]):
                    base = offsets[j] if j > i else offsets[i] + at
                    text = lines[j] if j > i else lines[i][at:]
                    value = text[value_at:].split("|")[0].strip()
                    value = re.split(r"\s{2,}", value)[0]
                    taken = _fill(received, name, value, symbols)
                    if taken:
                        spans.append((base + label_at, base + value_at + taken))
                        after = fold(value[taken:]).lower().strip(" .,;:")
                        worded |= name == "number" and bool(after) and not any(
                            label_at == 0 for _, _, label_at in _field_at(after))
            if alone and (worded or (received.number is None and not (body is not None and alone_line))):
                # `Đến` over a `Số:` with no hand's count alone after it is no stamp; `ĐẾN` alone
                # in capitals under a receiving office's name is, its figures lost or not
                continue
            # the title alone (its figures smudged past reading) is still no part of the header
            return (received if received.number or received.date else None), StampLines(page.number, spans)
    return None, None


def _fill(received: Received, name: str, value: str, symbols: frozenset[str] = frozenset()) -> int:
    """Set the field from `value` if it has the stamp's form; how much of `value` it took.
    `symbols`: the parts of the page's header numbers' symbols."""
    if name == "number" and received.number is None:
        # a registration number is a bare count; `Số: 120/QĐ-UBND` is the document's own
        m = re.match(r"[0-9OoIl]{1,6}(?![\w/])(?!\s+/)", value)  # `198 /KH-UBND`: a space read in
        if m:
            received.number = m.group(0).translate(str.maketrans("OoIl", "0011"))
            return m.end()
    elif name == "date" and received.date is None:
        hits = [h for h in find_dates(value.lower()) if h.iso and h.start == 0]
        if hits:
            received.date = hits[0].iso
            return hits[0].end
    elif name == "forwarded_to" and received.forwarded_to is None and value:
        # a body's name in print after the label's dotted blank (`Chuyển:........SỞ TƯ PHÁP`) is
        # the header's line the stamp lies over, no hand's routing
        header_at = known_body_after_a_scrap(value, symbols) or len(value)
        received.forwarded_to = squash(value[:header_at]).strip(" .;,") or None
        return header_at
    return 0


def blank(page_text: str, spans: list[tuple[int, int]]) -> str:
    """The page text with the stamp's pieces turned to spaces (offsets unchanged)."""
    chars = list(page_text)
    for start, end in spans:
        for k in range(max(0, start), min(len(chars), end)):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


# A stamp read alone (ingest/stamp.py): coloured boxes of the stamp's shape, one block of
# lines each (largest first). A block is a receiving stamp when a line reads `CÔNG VĂN ĐẾN`,
# a few letters off at most (`CUNG VAN BEN`, `CONS VAN DEN`): a coloured `KHẨN`, a certified-copy
# stamp or a boxed table is none. Its small print rarely keeps its labels (`“i 3992`, `ven
# 3/11/2025`): below the title, the hand's number stands alone on its line above the date,
# written d/m/yyyy or dd/mm/yy; the `Chuyển` and `Giờ` lines hold no number.
# The usual title read a few letters off is still one (`CUNG VAN BEN`); the others only as
# printed (`Văn bản đề nghị`, a letter off `VĂN BẢN ĐẾN`, is a line's words).
_TITLE = "congvanden"
_TITLE_SLIP = 3
_STAMP_NUMBER = re.compile(r"\d{2,6}")  # a word of bare figures, once its wrapping is stripped
_NO_NUMBER_LABELS = ("chuyen", "gio")
# A paper is stamped on arrival: days after it was signed, not before, and not months after
# (a hand's `08/8/2024` on a circular of 6 March, for `08/3/2024`; `03⁄12⁄22` on one of 30
# September, for `08/10/22`): a letter reaches the office it is sent to within days, a law or
# a decree through the Gazette within weeks (gazette.PRINTED_WITHIN_DAYS)
_ARRIVES_WITHIN_DAYS = 45
# Read from a hand's figures in coloured ink: shown, and flagged for checking.
STAMP_CONFIDENCE = 0.5


def _is_title(line: str, next_line: str = "") -> bool:
    """`CÔNG VĂN ĐẾN` a few letters off anywhere in the line; another title as the line's whole
    letters (`VĂN BẢN ĐẾN`, `CV ĐẾN`); `ĐẾN` alone before its `Số:`."""
    folded = fold(line).lower()
    letters = "".join(c for c in folded if c.isalpha())
    n = len(_TITLE)
    if any(edit_distance(letters[i:i + k], _TITLE, _TITLE_SLIP) <= _TITLE_SLIP
           for k in range(n - _TITLE_SLIP, n + _TITLE_SLIP + 1) for i in range(max(1, len(letters) - k + 1))):
        return True
    if letters in {t.replace(" ", "") for t in _all_labels()[0]}:
        return True
    return _alone_title(folded) is not None and _title_at(folded, fold(next_line).lower()) >= 0


def _after_alone_title(line: str) -> str:
    """What follows a title that counts alone, on its line (`ĐẾN Số: 1234`: `Số: 1234`), or ""."""
    if _alone_title(fold(line).lower()) is None:
        return ""
    m = re.match(r"\W{0,3}\w+", line)
    return line[m.end():].strip() if m else ""


def _labelled_no_number(line: str) -> bool:
    first = re.sub(r"[^a-z]", "", fold(line.split()[0]).lower()) if line.split() else ""
    return any(len(first) >= len(label) - 1 and edit_distance(first, label, 2) <= (2 if len(label) > 4 else 1)
               for label in _NO_NUMBER_LABELS)


def received_from_stamp(page: int, text: str, issued: str | None) -> Received | None:
    """The number and date of the first receiving stamp among the blocks read alone or set
    apart by a black stamp's frame (blank lines between blocks), neither where its figures were
    not made out (`?`), or None when no block
    is one (a blue e-signature box is a coloured frame too: a clerk was told of a stamp on an
    original that has none)."""
    for block in re.split(r"\n\s*\n", text):
        lines = [squash(line) for line in block.splitlines() if line.strip()]
        title = next((i for i, line in enumerate(lines) if _is_title(line, lines[i + 1] if i + 1 < len(lines) else "")),
                     None)
        if any(is_esign_field(fold(line).lower()) for line in lines):
            continue
        if title is not None:
            # `ĐẾN Số: 3992 Ngày: 23/11/2025` on one line: a field a line
            rest = re.split(r"\s+(?=\S+\s*:)", _after_alone_title(lines[title]))
            fields = [r for r in rest if r] + lines[title + 1:]
        else:
            # the title's small capitals smudged past reading (`CÊ?!C VAN DED`): two of the
            # fields' labels still tell the stamp (`Ngày: 11/2/2025`, `Chuyến: P Nội vụ`)
            fields = _labelled_fields(lines)
            if fields is None:
                continue
        number, when = _figures(fields, issued)
        return Received(evidence=Evidence(page=page, quote=" / ".join(lines), confidence=STAMP_CONFIDENCE),
                        number=number, date=when, forwarded_to=_forwarded(fields) if number or when else None)
    return None


# the forwarding label as a line opens with it (`Chuyển:`, `chuyên`, glued: `Chuyển:P. Nội vụ`)
_FORWARD_LABEL = re.compile(r"^\W*[^\W\d_]+\s*:?\s*")
# where another field, or another box, begins after the value (as find_received cuts it)
_VALUE_ENDS = re.compile(r"\s*\||\s{2,}|\s+(?=[^\W\d_]{2,5}\s*:)")


def _forwarded(lines: list[str]) -> str | None:
    """Whom a stamp read alone says the paper was passed to: what follows its `Chuyển` label
    (`chuyên Ð/C Lan - PCT`, a mark lost) up to another field (`Giờ: 8h`) or box (`|`), with a
    word in it (a syllable or capitals: `P. Nội vụ`, `Đ/C Lan - PCT`; not `~~ ii`). A tester
    found the row without it, the stamp's reading having it."""
    for line in lines:
        if _field_label(line) != "forwarded_to":
            continue
        value = eth_as_d(_VALUE_ENDS.split(_FORWARD_LABEL.sub("", line), 1)[0]).strip(" .;,:")
        worded = any(len(w) >= 2 and (w.isupper() or is_syllable(w)) for w in re.findall(r"[^\W\d_]+", value))
        return squash(value) if worded else None
    return None


# what follows `chuyên` in a job's or a field's name, folded (`Chuyên viên`, `chuyên môn`)
_CHUYEN_WORDS = frozenset({"vien", "mon", "trach", "nganh", "de", "gia", "sau", "can", "quyen"})
# a certified copy's stamp prints `Số:` and `Ngày` too (`SAO Y BẢN CHÍNH`, `Số chứng thực`)
_COPY_STAMP = re.compile(r"\b(?:sao y|sao luc|trich sao|ban sao|chung thuc)\b")


def _field_label(line: str) -> str | None:
    """The field (received_labels.tsv) whose one-word label a line opens with: a two-letter one
    (`Số`) only with its colon (two letters alone are any word's); a longer one as printed, or a
    letter off with a colon after it (`Chuyến:`; `Ngân hàng`, `Chuyên viên` are words)."""
    folded = fold(line).lower()
    m = re.match(r"^([a-z]+)\s*(:?)\s*([a-z]*)", folded)
    if m is None or (m[1] == "chuyen" and m[3] in _CHUYEN_WORDS):
        return None  # `Chuyên viên 3992`: a job, folded as the label is
    for label, name in _all_labels()[2]:
        if " " in label:
            continue
        if len(label) <= 2:
            if m[1] == label and m[2]:
                return name
        elif m[1] == label or (m[2] and len(m[1]) >= len(label) - 1 and edit_distance(m[1], label, 1) <= 1):
            return name
    return None


def _labelled_fields(lines: list[str]) -> list[str] | None:
    """The lines from the first field's label on (from the line above it where that is the
    hand's number, its label lost: `s 5183` over `Ngày 24/4/2026`), where two different labels
    open lines and nothing tells a certified copy's stamp (its words, or a `Số:` with a symbol:
    `15/SY-VP`); else None."""
    labelled = [(i, name) for i, line in enumerate(lines) if (name := _field_label(line))]
    names = {name for _, name in labelled}
    if len(names) < 2 or "forwarded_to" not in names:
        return None  # the forwarding field is the receiving stamp's own (`Số:`, `Ngày` any box's)
    if any(_COPY_STAMP.search(fold(line).lower()) or re.search(r"\d\s*/\s*[A-ZĐ]", line) for line in lines):
        return None
    first = labelled[0][0]
    if first > 0 and _registration_number(lines[first - 1]) and len(lines[first - 1].split()) <= 2:
        first -= 1  # the hand's count over the first label, its own label lost
    return lines[first:]


def _figures(lines: list[str], issued: str | None) -> tuple[str | None, str | None]:
    number: str | None = None
    when: str | None = None
    for line in lines:
        # a hand's slash read as a fraction's (`20/5 ⁄2026`), a space beside it
        hit = find_written_date(re.sub(r"\s*[/⁄]\s*", "/", line))
        if hit and when is None:
            iso = hit.iso
            if iso and (issued is None or 0 <= (date.fromisoformat(iso) - date.fromisoformat(issued)).days
                        <= _ARRIVES_WITHIN_DAYS):
                when = iso
            continue
        figures = _registration_number(line)
        if figures and number is None and when is None and len(line.split()) <= 3 and not _labelled_no_number(line) \
                and _field_label(line) not in ("date", "forwarded_to"):
            # (`Ngày: 24 04`: a day and a month written apart are no count)
            number = figures
    return number, when


# what may wrap a hand's figures as read (a label's scraps stand apart: `“i 3992`, `w» 5295`,
# or glued to them: `¡3529`)
_WRAPPING = "“”\"'‘’«»()[]{}|-–—.,:;¡!"
# signs a hand's digit is read as (a 5's or an 8's loops: `$855` for `5855`); a letter glued to
# figures is the label's (`S6 3992`: `Số` with its mark read as a 6)
_DIGIT_SIGNS = re.compile(r"[$§&%#@]")


def _registration_number(line: str) -> str | None:
    """The line's one word of bare figures, or None where any of its words is figures damaged:
    a `?` (the two readings of the figures disagreed: `S ? 57` for `7657`) or figures glued to
    a sign a hand's digit is read as (`“$855` for `5855`): what is left of such a line is part
    of the number, and a wrong number is worse than none."""
    # a label is followed by its colon (`56:` is `Số:` read as figures)
    words = [w.strip(_WRAPPING) for w in line.split() if not w.endswith(":")]
    if any(w == "?" or (any(c.isdigit() for c in w) and _DIGIT_SIGNS.search(w)) for w in words):
        return None
    found = [w for w in words if _STAMP_NUMBER.fullmatch(w)]
    if len(found) == 2 and len(words) <= 3 and words[-2:] == found and len("".join(found)) <= 5:
        # a hand's figures spaced apart (`S 76 57` for 7657): the line holds nothing else
        return "".join(found)
    return found[0] if len(found) == 1 else None
