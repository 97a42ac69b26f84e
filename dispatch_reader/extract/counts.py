"""Headcounts and other counted things: a number followed by a counted noun.

`9.939 cán bộ, công chức, viên chức`, `28/43 vị trí` (28 of 43), `97 public employees and civil
servants`, `28 of 43 positions`, `two provincial civil servants`. The nouns are data
(count_nouns*.txt, marked by the pipeline); nouns joined by `,`/`và`/`and` count together, and
qualifiers such as `cấp tỉnh` stay with the noun. Vietnamese writes thousands with `.`,
English with `,`; a decimal (`84,82%`) is not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import _span_starting
from dispatch_reader.extract.gazette import section_heading
from dispatch_reader.extract.kinds import sender_before, sentence_start
from dispatch_reader.extract.nlp import span_text, tok_end, tok_start
from dispatch_reader.extract.numtables import figure_counts, find_number_tables
from dispatch_reader.extract.textutil import Page, fold_phrase, line_at, squash
from dispatch_reader.record import Count, Evidence
from dispatch_reader.textnorm import for_matching

_NOT_BEFORE = {"điều", "khoản", "điểm", "chương", "mục", "ngày", "tháng", "năm", "thứ", "lần", "no",
               "article", "clause", "decree", "decision", "dispatch", "page", "trang", "phụ", "lục", "quý",
               "giai", "đoạn", "khóa", "kỳ"}
_VI_INT = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")
_EN_INT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
# a fax machine numbers the pages it sends, both figures padded with zeros: `008/015`
_PAGE_COUNTER = re.compile(r"^0\d{2,}/0\d{2,}$")
_RATIO = re.compile(r"^(\d[\d.,]*)/(\d[\d.,]*)$")
_LINKS = {",", "và", "and", "&"}
_EN_STOP = {"of", "to", "in", "and", "the", "from", "were", "was", "are", "have", "has", "for", "with"}


@dataclass
class CountHit:
    count: Count
    tok: tuple[int, int]  # value token .. end of the counted phrase
    noun: tuple[int, int]


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {r[0]: int(r[1]) for r in resources.rows("numbers_en.tsv")}


@lru_cache(maxsize=1)
def _number_words_vi() -> dict[str, int]:
    return {r[0]: int(r[1]) for r in resources.rows("numbers_vi.tsv")}


@lru_cache(maxsize=1)
def _copy_nouns() -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in resources.lines("copy_nouns.txt"))


@lru_cache(maxsize=1)
def _qualifiers() -> list[list[str]]:
    tokens = (re.findall(r"\w+|[^\w\s]", q) for q in resources.lines("count_qualifiers.txt"))
    return sorted(tokens, key=len, reverse=True)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in resources.lines("person_nouns.txt"))


def parse_int(text: str, english: bool) -> int | None:
    text = text.strip()
    if english:
        if _EN_INT.match(text):
            return int(text.replace(",", ""))
    elif _VI_INT.match(text):
        return int(text.replace(".", ""))
    return None


def _noun_end(doc: Doc, k: int, english: bool) -> int | None:
    labels = ("COUNT_NOUN_EN", "COUNT_NOUN_EN_ASCII") if english else ("COUNT_NOUN",)
    for label in labels:
        end = _span_starting(doc, label, k)
        if end is not None:
            return end
    if english:
        return None
    # OCR dropped a mark inside a noun of several words ("đơn vi hành chính"): its letters
    # are enough there; a one-word noun needs its marks ("xa" is not "xã")
    folded = _folded_nouns()
    words = doc.user_data.get("words") or [t.text for t in doc]
    if k >= len(words) or fold_phrase(words[k]) not in _first_folded():
        return None
    for n in range(min(4, len(words) - k), 1, -1):
        if tuple(fold_phrase(w) for w in words[k:k + n]) in folded:
            return k + n
    return None


@lru_cache(maxsize=1)
def _first_folded() -> frozenset[str]:
    return frozenset(key[0] for key in _folded_nouns())


@lru_cache(maxsize=1)
def _folded_nouns() -> frozenset[tuple[str, ...]]:
    out = set()
    for line in resources.lines("count_nouns.txt"):
        words = re.findall(r"\w+|[^\w\s]", line)
        if len(words) >= 2:
            out.add(tuple(fold_phrase(w) for w in words))
    return frozenset(out)


def _phrase_after(doc: Doc, k: int, english: bool) -> tuple[int, int] | None:
    """(noun start, phrase end) of the counted phrase starting at token k, or None."""
    n = len(doc)
    start = k
    if english:
        # up to three modifiers: "specialised commune civil servants", "provincial departments",
        # "finance and accounting positions" (an inner "and" joins two modifiers)
        best = None
        for skip in range(5):
            t0 = start + skip
            mods = [doc[t] for t in range(start, min(t0, n))]
            # "commune-level officials": a noun joined by a hyphen is a modifier
            if t0 < n and _noun_end(doc, t0, english) is not None and all(
                    (t.text.isalpha() and t.text.islower() and t.text not in _EN_STOP
                     and (_noun_end(doc, t.i, english) is None or (k + 1 < len(mods) and mods[k + 1].text == "-")))
                    or (t.text == "and" and 0 < k < len(mods) - 1)
                    or (t.text == "-" and 0 < k < len(mods) - 1 and not t.whitespace_ and not mods[k - 1].whitespace_)
                    for k, t in enumerate(mods)) and sum(t.text.isalpha() and t.text != "and" for t in mods) <= 3:
                if best is None or _noun_end(doc, t0, english) >= _noun_end(doc, best, english):
                    best = t0
        if best is None:
            return None
        start = best
    end = _noun_end(doc, start, english)
    if end is None:
        return None
    # more nouns: "officials, civil servants and public employees"; "biên chế công chức"
    while end < n:
        if doc[end].text in _LINKS and end + 1 < n:
            nxt = _noun_end(doc, end + 1, english)
            if nxt is not None and (english or doc[end].text != ","):
                end = nxt
                continue
        nxt = None if english else _noun_end(doc, end, english)
        if nxt is not None:
            end = nxt
            continue
        break
    if not english:
        for q in _qualifiers():
            words = [t.text for t in doc[end:end + len(q)]]
            if [fold_phrase(w) for w in words] == [fold_phrase(w) for w in q] and \
                    [w.lower() for w in words] == [w.lower() for w in q]:
                end += len(q)
                break
    return start, end


_FIELD_VI = re.compile(r"lĩnh vực ([^\d:,;.]+?)\s*(?::|,|$)")


def _context(doc: Doc, i: int, english: bool) -> str:
    """What the clause says about the count: its field (`lĩnh vực đất đai: … 28/43 vị trí`,
    `In land administration only 28 of 43 positions`) or a shortfall (`còn thiếu 13 công chức`)."""
    text = doc.user_data["text"]
    a = tok_start(doc, i)
    sentence = re.split(r"[.;]\s", text[max(0, a - 200):a])[-1]
    flat = " ".join(sentence.split())
    if english:
        m = re.match(r"^(?:[Ii]n|[Ff]or) ((?:[a-z]+ ){1,4}?)(?:only |just |about )?$", flat.split(",")[-1].strip() + " ")
        if m:
            return " in " + m.group(1).strip()
        if re.search(r"\black(?:s|ing)?\s*$", flat):
            return " lacking"
        return ""
    if re.search(r"thiếu\s*$", flat):
        return " còn thiếu"
    low = flat.lower()
    pos = low.rfind("lĩnh vực")
    if pos < 0:
        return ""
    after = flat[pos + len("lĩnh vực"):]
    parts = re.split(r"([,:])", after)
    last = parts[-1].strip()
    if len(parts) > 1 and parts[-2] == "," and last and not re.search(r"\d", last) and len(last.split()) <= 5 \
            and last.islower():
        return " lĩnh vực " + last  # "…, xây dựng 03 người"
    first = parts[0].strip()
    if first and not re.search(r"\d", first) and len(first.split()) <= 6:
        return " lĩnh vực " + first
    return ""


_RECIPIENTS = re.compile(r"^[ \t]*N[ơo]i nh[ậa]n\s*[:;.]?", re.M | re.I)
_LIST_CLOSE = re.compile(r"(?:^|[\s-])L[ưu]u\s*:?", re.I)


def recipient_zones(text: str) -> list[tuple[int, int]]:
    """Offsets of the Nơi nhận lists: they name recipients and copies, never headcounts."""
    zones = []
    for m in _RECIPIENTS.finditer(text):
        end = m.end()
        for k, line in enumerate(text[m.end():].split("\n")[:16]):
            end += len(line) + (1 if k else 0)
            if _LIST_CLOSE.search(line):
                break
        zones.append((m.start(), end))
    return zones


@lru_cache(maxsize=1)
def _chrome() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(line cue, tail cue) patterns of web_chrome.tsv, at a line's start."""
    by: dict[str, list[str]] = {"line": [], "tail": []}
    for row in resources.rows("web_chrome.tsv"):
        by.setdefault(row[1], []).append(re.escape(row[0]))
    return tuple(re.compile(r"^[ \t]*(?:" + "|".join(sorted(by[k], key=len, reverse=True)) + r")(?![a-z])", re.M | re.I)
                 for k in ("line", "tail"))  # type: ignore[return-value]


def chrome_zones(text: str) -> list[tuple[int, int]]:
    """Offsets of web-page chrome in an English press report (`500 characters left`, `Related
    news: …`, `Share | Print`): the article's facts are never read from it."""
    line, tail = _chrome()
    zones = []
    m = tail.search(text)
    if m and m.start() > len(text) // 3:  # a tail cue near the top is a word of the article
        zones.append((m.start(), len(text)))
    for m in line.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        if end - m.start() <= 60:  # a short line of its own ("Share | Print"), not a sentence
            zones.append((m.start(), end))
    return zones


def _in_parentheses(text: str, a: int, b: int) -> bool:
    """`(02 bản)`: the count is the whole bracketed phrase."""
    return text[:a].rstrip().endswith("(") and text[b:].lstrip().startswith(")")


_OF_GROUP = re.compile(
    r"^(?:[A-Z][a-z]+ly,? )?Of (?:(?P<these>these|them|those|whom)|the (?P<total>\d[\d,]*) "
    r"(?P<what>[a-z][\w\- ]*?)),\s*$")
_BE = {"are", "were", "is", "was"}
_YEAR_BEFORE = {"trong", "hằng", "hàng", "mỗi", "cả", "của", "một", "nửa", "đầu", "cuối", "giữa", "cùng", "qua"}
_VI_LINKS = {"và", "của", "theo", "tại", "trong", "đến", "từ", "với", "cho", "là"}
_SPECKS = {"_", "|", "‘", "'", "`", "~", "«"}


def _partition(doc: Doc, i: int, english: bool) -> tuple[int | None, str | None] | None:
    """`Of the 1,245 civil servants, 1,056 …` / `Of these, 10,517 …`: (total, what of the group);
    None when the number does not open a sentence like that."""
    if not english:
        return None
    text = doc.user_data["text"]
    a = tok_start(doc, i)
    flat = re.sub(r"\s+", " ", text[max(0, a - 160):a])
    sentence = re.split(r"(?<=[.;:!?]) ", flat)[-1]
    m = _OF_GROUP.match(sentence)
    if not m:
        return None
    if m.group("these"):
        return None, None
    return parse_int(m.group("total"), english), squash(m.group("what"))


def _predicate(doc: Doc, k: int) -> tuple[str, int] | None:
    """`meet the required qualifications` after a number: the clause up to its end."""
    n = len(doc)
    if k >= n or not doc[k].text.isalpha() or not doc[k].text.islower() or doc[k].lower_ in _EN_STOP | _BE \
            or doc[k].lower_ in _NOT_BEFORE or doc[k].lower_ in _VI_LINKS:
        return None
    j = k
    while j < n and doc[j].text not in {",", ".", ";", ":", "(", ")"} and j - k < 12:
        j += 1
    return squash(span_text(doc, k, j)), j


def _is_name_digit(doc: Doc, i: int) -> bool:
    """`Son Kim 1 commune`, `Ward 3`: a digit that ends a capitalised place name."""
    if i < 1:
        return False
    prev = doc[i - 1].text
    if not (prev[:1].isupper() and prev[1:].islower() and prev.isalpha()):
        return False
    before = doc[i - 2].text if i >= 2 else "."
    text = doc.user_data["text"]
    line_start = text.rfind("\n", 0, tok_start(doc, i - 1)) + 1
    sentence_start = before in {".", "!", "?", ":", ";", "-", "–", "—"} or not text[line_start:tok_start(doc, i - 1)].strip()
    return not sentence_start


def _past_speck(doc: Doc, k: int) -> int:
    """`_public employees`: an OCR speck glued to the next word is skipped."""
    if k + 1 < len(doc) and doc[k].text in _SPECKS and not doc[k].whitespace_:
        return k + 1
    return k


# "Tổng số biên chế được giao là 13.440", "số có mặt là 12.087/13.440": the counted thing named
# before the number
_SO_LA = re.compile(r"(?:^|[\s(;,])(?:tổng số|số)\s+([^\d;:.()\[\]]{2,70}?)\s+(?:là|:)\s*$")
_OF_WHICH = {"which", "whom", "them", "these"}
_AUX = {"have", "has", "had", "are", "were", "is", "was", "already", "also"}


def _stated_before(text: str, a: int) -> tuple[str, int] | None:
    """(what, end token) for a number that closes `(tổng) số <what> là`; end is a placeholder 0."""
    w0 = max(0, a - 90)
    flat = re.sub(r"\s", " ", for_matching(text[w0:a]).lower())
    m = _SO_LA.search(flat)
    if not m:
        return None
    what = squash(text[w0 + m.start(1):w0 + m.end(1)])
    if fold_phrase(what).startswith("luong"):
        return None  # "số lượng là …": the noun follows elsewhere
    return what, 0


def _of_which(doc: Doc, texts: list[str], k: int, before: list[CountHit]) -> tuple[str, int] | None:
    """`99 commune-level units, 54 of which have reported shortages`: a part of the count before."""
    if k + 1 >= len(texts) or texts[k].lower() != "of" or texts[k + 1].lower() not in _OF_WHICH or not before:
        return None
    j = k + 2
    while j < len(texts) and texts[j].lower() in _AUX:
        j += 1
    pred = _predicate(doc, j)
    if pred is None:
        return None
    return f"{before[-1].count.what} {pred[0]}", pred[1]


_OCR_DIGIT = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})


def _glued_ocr_ratio(doc: Doc, texts: list[str], i: int) -> tuple[str, int] | None:
    """`0l/3`, `1O/12` (OCR read 1 as l, 0 as O; the tokenizer cut it at the letter): the
    ratio the glued tokens spell with the letters read as digits, and the index after them."""
    j = i
    parts = []
    while j < len(texts) and (j == i or not doc[j - 1].whitespace_) and re.fullmatch(r"[\dlIOo/]+", texts[j]):
        parts.append(texts[j])
        j += 1
    glued = "".join(parts)
    if j - i < 2 or not re.search(r"[lIOo]", glued):
        return None
    fixed = glued.translate(_OCR_DIGIT)
    m = _RATIO.match(fixed)
    return (fixed, j) if m and "/" in glued else None


# the levels a commune is named by (a ward, a special zone, a former town): the places people are
# sent to. The levels are admin_levels.txt's; a pattern names the ones it reads.
COMMUNE_LEVELS = ("xã", "phường", "thị trấn", "đặc khu")


@lru_cache(maxsize=None)
def levels(among: tuple[str, ...]) -> tuple[str, ...]:
    """The administrative levels of admin_levels.txt that are `among` these, in the file's order."""
    return tuple(r[0] for r in resources.rows("admin_levels.txt") if r[0] in among)


def levels_re(among: tuple[str, ...]) -> str:
    """Those levels as a group of alternatives."""
    return "(?:" + "|".join(re.escape(lv) for lv in levels(among)) + ")"


@lru_cache(maxsize=1)
def _place_levels() -> frozenset[str]:
    """A list's places by their level, capitalised as a name's first word is (`Xã Kỳ Hoa`, `Thị
    trấn …`); in capitals the one-word levels only (`XÃ`, `PHƯỜNG`)."""
    commune = levels(COMMUNE_LEVELS)
    return frozenset({lv.split()[0].capitalize() for lv in commune} | {lv.upper() for lv in commune if " " not in lv})


def _row_number_of_a_place(text: str, doc: Doc, a: int, k: int) -> bool:
    """`1 Xã Kỳ Hoa | 42 | 35 | 7` (a tester's list of communes whose heading wrapped, so no
    table was told): a figure opening its line before a place named by its level is the row's
    number, no count of communes."""
    line_start = text.rfind("\n", 0, a) + 1
    return not text[line_start:a].strip() and k < len(doc) and doc[k].text in _place_levels()


def find_counts(page: Page, doc: Doc, english: bool) -> list[CountHit]:
    out: list[CountHit] = []
    n = len(doc)
    words = _number_words()
    words_vi = {} if english else _number_words_vi()
    texts = doc.user_data.get("words") or [t.text for t in doc]
    candidates = [k for k, t in enumerate(texts) if t[0].isdigit() or (english and t.lower() in words)
                  or t in words_vi]
    zones = recipient_zones(page.text) if not english else chrome_zones(page.text)
    table = find_number_tables(page)
    # a figures table's row numbers are no counts, its cells are read by the table
    skip = set(table.row_numbers) | {f.start for f in table.figures}
    last_end = 0
    for i in candidates:
        if i < last_end or (skip and tok_start(doc, i) in skip):
            continue
        text = texts[i]
        prev = texts[i - 1].lower() if i > 0 else ""
        value = total = None
        k = i + 1
        glued = _glued_ocr_ratio(doc, texts, i) if i + 1 < n and texts[i + 1] in {"l", "I", "O", "o"} else None
        if glued is not None:
            text, k = glued
        if _PAGE_COUNTER.match(text):
            continue  # a fax's page counter at the top of each page (`008/015`), no headcount
        m = _RATIO.match(text)
        if m and not re.match(r"^\d{1,2}/\d{1,2}/\d{2,4}$", text):
            value, total = parse_int(m.group(1), english), parse_int(m.group(2), english)
            if value is not None and total is not None and value > total:
                value = total = None
        elif english and text.lower() in words:
            if prev in {"the", "these", "those", "both", "all"}:
                continue  # "the two officials": people counted before, not a new count
            value = words[text.lower()]
        elif text in words_vi:
            if prev in _NOT_BEFORE or prev in words_vi or (text == "năm" and prev in _YEAR_BEFORE):
                continue  # "trong năm công chức …": the year, not five
            value = words_vi[text]
        else:
            value = parse_int(text, english)
            # "28 of 43 positions"
            if value is not None and english and k + 1 < n and doc[k].lower_ == "of" and \
                    parse_int(doc[k + 1].text, english) is not None:
                total = parse_int(doc[k + 1].text, english)
                k += 2
        if value is None or prev in _NOT_BEFORE or (i > 0 and texts[i - 1] in {"/", "-"}):
            continue
        if k < n and texts[k] in {"%", "/"}:
            continue
        if english and _is_name_digit(doc, i):
            continue
        a = tok_start(doc, i)
        if any(za <= a < zb for za, zb in zones):
            continue
        if not english and _row_number_of_a_place(page.text, doc, a, k):
            continue
        noun_at = _past_speck(doc, k)
        # "60 are civil servants": the group is named after the verb
        if english and k + 1 < n and doc[k].lower_ in _BE and _phrase_after(doc, _past_speck(doc, k + 1), english):
            noun_at = _past_speck(doc, k + 1)
        phrase = _phrase_after(doc, noun_at, english)
        what = None
        said = None
        if phrase is None:
            if english:
                said = _of_which(doc, texts, k, out)
            elif prev in {"là", ":"}:
                said = _stated_before(page.text, a)
        if said is not None:
            what, end = said
            noun_start = k
            end = max(end, k)
        elif phrase is None:
            group = _partition(doc, i, english)
            pred = _predicate(doc, k) if group is not None else None
            if pred is None and total is not None and not (1900 <= total <= 2100 and value <= 31):
                # "1.056/1.245 đạt chuẩn", "1,204/1,431 have been filled": a share stated
                # without its noun is counted with what the clause says of it
                group, pred = (None, None), _predicate(doc, k)
            if pred is None:
                continue
            what = pred[0] if group[1] is None else f"{group[1]}: {pred[0]}"
            total = total if total is not None else group[0]
            noun_start, end = k, pred[1]
        else:
            noun_start, end = phrase
        if section_heading(fold_phrase(line_at(page.text, tok_start(doc, noun_start)))):
            continue  # `37` over `VĂN BẢN KHÁC`: the Gazette's page number and section heading
        if not english and fold_phrase(span_text(doc, noun_start, end)) in _copy_nouns() and \
                _in_parentheses(page.text, a, tok_end(doc, end - 1)):
            continue  # "(02 bản)": copies of the document
        if what is None:
            what = squash(span_text(doc, noun_at if english else noun_start, end)) + \
                _context(doc, i, english)
        b = tok_end(doc, end - 1)
        out.append(CountHit(
            count=Count(value=value, what=what, total=total,
                        evidence=Evidence(page=page.number, quote=page.text[a:b], start=a,
                                          confidence=page.ocr_confidence)),
            tok=(i, end), noun=(noun_start, end)))
        last_end = end
    for count, tok in figure_counts(page, doc) if table.figures else ():
        out.append(CountHit(count=count, tok=(tok, tok + 1), noun=(tok, tok + 1)))
    out.sort(key=lambda h: h.count.evidence.start or 0)
    return out


# `Van Xuan, October 22, 2025`, `Ha Tinh (September 8, 2025) -`, `Hanoi, 4 August 2025 — …`
_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}(?:(?:, | ?\()(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\)?"
                       r"| ?\([A-Z]{2,6}\))(?:\s*$|\s*[-–—:]\s)", re.M)  # also a news agency's `Dak Lak (VNA) -`


def headline_end(page: Page) -> int:
    """Start offset of an English report's dateline: the headline above it repeats the body."""
    m = _DATELINE.search(page.text[:400])
    return m.start() if m else 0


@lru_cache(maxsize=1)
def _destination_cue_re() -> re.Pattern[str]:
    cues = [for_matching(r[0]).lower() for r in resources.rows("secondment_cues.tsv") if len(r) > 1 and r[1] == "to"]
    alt = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alt + r"|to|in)\s*$")


def led_by_destination(text: str, start: int, floor: int = 0) -> bool:
    """`về làm việc tại 41 xã, phường`, `về hỗ trợ 62 xã`, `to 37 communes`: the figure at `start`
    names where people are sent (a destination cue of secondment_cues.tsv right before it)."""
    before = for_matching(text[max(floor, start - 30):start]).lower()
    return bool(_destination_cue_re().search(before))


def counts_people(what: str) -> bool:
    """Does the counted noun count people (person_nouns.txt: `công chức`, `viên chức` …)?"""
    folded = fold_phrase(what)
    return any(folded == n or folded.startswith(n + " ") for n in person_nouns())


@lru_cache(maxsize=None)
def cue_pattern(role: str) -> str:
    """The cues of one role of secondment_cues.tsv as a group of alternatives, in the file's order:
    `qualifier` (the body a headcount's people come from: `của`, `thuộc` …), `field_qualifier`
    (their field: `lĩnh vực` …), `field_opener`, `not_whence`."""
    # (a cue's words may stand a line apart: `có\nchuyên môn`)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in r[0].split()) for r in resources.rows("secondment_cues.tsv")
                            if len(r) > 1 and r[1] == role) + ")"


@lru_cache(maxsize=1)
def not_a_date() -> str:
    """After a qualifier, no date: `02 công chức từ ngày 15/11/2025` says when, not whence."""
    return r"(?!" + cue_pattern("not_whence") + r"|\d{1,2}[/.-]\d)"


@lru_cache(maxsize=1)
def _told_apart() -> re.Pattern[str]:
    """What tells a headcount from another of its size, said right after it: the body its people
    come from, up to a joint or a stop, or the field they work in (`01 công chức lĩnh vực đất đai;
    01 công chức lĩnh vực xây dựng`, `03 công chức có chuyên môn về kế toán, 01 công chức có chuyên
    môn về tư pháp`: `về` after `chuyên môn` is the field's, no destination's)."""
    return re.compile(r"\s*(?:" + cue_pattern("qualifier") + r"|(?=" + cue_pattern("field_qualifier") + "|"
                      + cue_pattern("field_opener") + r"))\s*"
                      + not_a_date() + r"(?P<what>[^,.;:]+?)"
                      r"(?=\s+(?:và|and)\s+\d|\s+(?:đến|tới|tại|to)\s|(?<!chuyên môn)\s+về\s|[,.;:]|$)")


# people said again as the ones named before (`02 công chức nêu trên`, `… có chuyên môn nói trên`)
_RESTATED = re.compile(r"(?:\s+[^\W\d_]+){0,4}?\s+(?:nêu trên|nói trên|trên đây|đã nêu)(?!\w)")


def _dedupe(hits: list[CountHit], english: bool, headline: int, pages: list[Page]) -> list[CountHit]:
    """One count per stated fact: a headline repeating the body, `the 97 people` after `97
    public employees`, and the same value and noun stated twice in the same role count once.
    A figure that is where people are sent (`về làm việc tại 41 xã, phường`) is another fact
    than the same figure tallied (`có 41 xã, phường còn thiếu công chức`): a report states both,
    and the sending needs its own mention to name its destination."""
    body_values = {h.count.value for h in hits if (h.count.evidence.start or 0) >= headline}
    seen_values: set[int] = set()
    seen: dict[tuple[int, int | None, str, bool], list[tuple[str, ...]]] = {}
    out = []
    for h in hits:
        c = h.count
        start = c.evidence.start or 0
        if c.evidence.page == 1 and start < headline and c.value in body_values:
            continue
        page = next(p for p in pages if p.number == c.evidence.page)
        before = page.text[max(0, start - 12):start].split()
        if english and before and before[-1].lower() in {"the", "these", "those"} and c.value in seen_values:
            continue
        # (people are never a destination: `cho 02 công chức nêu trên` is the two sent again)
        where = led_by_destination(page.text, start) and not counts_people(c.what)
        # `01 công chức thuộc Sở A và 01 công chức thuộc Sở B`: two facts of one size
        told = _told_apart().match(page.text, start + len(c.evidence.quote))
        key = (c.value, c.total, fold_phrase(c.what), where)
        # (the words after the preposition: `thuộc Sở Y tế` and `của Sở Y tế` are one body);
        # or the body that sends them, named before its verb (`Sở Nội vụ cử 01 công chức; Sở Tư
        # pháp cử 01 công chức`: two facts of one size)
        said = tuple(fold_phrase(told.group("what")).split()) if told else \
            sender_before(page.text[sentence_start(page.text, start):start]) or ()
        if _RESTATED.match(page.text, start + len(c.evidence.quote)):
            said = ()  # `cử 02 công chức nêu trên`, `02 công chức có chuyên môn nêu trên`: the ones said before
        # the same words, or the one said again running on (`thuộc Sở Y tế có trách nhiệm …`)
        if any(said[:len(other)] == other or other[:len(said)] == said for other in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append(said)
        seen_values.add(c.value)
        out.append(h)
    return out


def extract_counts(pages: list[Page], docs: list[Doc], language: str) -> tuple[list[Count], list[list[CountHit]]]:
    english = language == "en"
    hits = [find_counts(page, doc, english) for page, doc in zip(pages, docs)]
    cut = headline_end(pages[0]) if english and pages else 0
    kept = {id(h) for h in _dedupe([h for page_hits in hits for h in page_hits], english, cut, pages)}
    hits = [[h for h in page_hits if id(h) in kept] for page_hits in hits]
    return [h.count for page_hits in hits for h in page_hits], hits
