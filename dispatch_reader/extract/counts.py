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
from dispatch_reader.extract.nlp import span_text, tok_end, tok_start
from dispatch_reader.extract.textutil import Page, fold_phrase, squash
from dispatch_reader.record import Count, Evidence

_NOT_BEFORE = {"điều", "khoản", "điểm", "chương", "mục", "ngày", "tháng", "năm", "thứ", "lần", "no",
               "article", "clause", "decree", "decision", "dispatch", "page", "trang", "phụ", "lục", "quý",
               "giai", "đoạn", "khóa", "kỳ"}
_VI_INT = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")
_EN_INT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
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
    return None


def _phrase_after(doc: Doc, k: int, english: bool) -> tuple[int, int] | None:
    """(noun start, phrase end) of the counted phrase starting at token k, or None."""
    n = len(doc)
    start = k
    if english:
        # up to two modifiers: "specialised commune civil servants", "provincial departments"
        best = None
        for skip in range(3):
            t0 = start + skip
            if t0 < n and _noun_end(doc, t0, english) is not None and all(
                    doc[t].text.isalpha() and doc[t].text.islower() and doc[t].text not in _EN_STOP
                    for t in range(start, t0)):
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


def find_counts(page: Page, doc: Doc, english: bool) -> list[CountHit]:
    out: list[CountHit] = []
    n = len(doc)
    words = _number_words()
    texts = [t.text for t in doc]
    candidates = [k for k, t in enumerate(texts) if t[0].isdigit() or (english and t.lower() in words)]
    last_end = 0
    for i in candidates:
        if i < last_end:
            continue
        text = texts[i]
        prev = texts[i - 1].lower() if i > 0 else ""
        value = total = None
        k = i + 1
        m = _RATIO.match(text)
        if m and not re.match(r"^\d{1,2}/\d{1,2}/\d{2,4}$", text):
            value, total = parse_int(m.group(1), english), parse_int(m.group(2), english)
            if value is not None and total is not None and value > total:
                value = total = None
        elif english and text.lower() in words:
            if prev in {"the", "these", "those", "both", "all"}:
                continue  # "the two officials": people counted before, not a new count
            value = words[text.lower()]
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
        phrase = _phrase_after(doc, k, english)
        if phrase is None:
            continue
        noun_start, end = phrase
        what = squash(span_text(doc, noun_start if not english else k, end)) + _context(doc, i, english)
        a, b = tok_start(doc, i), tok_end(doc, end - 1)
        out.append(CountHit(
            count=Count(value=value, what=what, total=total,
                        evidence=Evidence(page=page.number, quote=page.text[a:b], start=a,
                                          confidence=page.ocr_confidence)),
            tok=(i, end), noun=(noun_start, end)))
        last_end = end
    return out


_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}, (?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$", re.M)


def headline_end(page: Page) -> int:
    """End offset of an English report's headline and dateline (counts there repeat the body)."""
    m = _DATELINE.search(page.text[:400])
    return m.end() if m else 0


def extract_counts(pages: list[Page], docs: list[Doc], language: str) -> tuple[list[Count], list[list[CountHit]]]:
    english = language == "en"
    hits = [find_counts(page, doc, english) for page, doc in zip(pages, docs)]
    if english and pages:
        cut = headline_end(pages[0])
        hits[0] = [h for h in hits[0] if (h.count.evidence.start or 0) >= cut]
    return [h.count for page_hits in hits for h in page_hits], hits
