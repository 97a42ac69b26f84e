"""Secondments: who is sent from where to where, for which job, from when to when.

One entry per named person sent (`Biệt phái ông X, <position>, <unit>, đến làm việc tại
<body>, phụ trách <field>, từ ngày … đến ngày …`, list items under an intro such as
`Điều 1. Biệt phái 04 công chức …, gồm:`, DANH SÁCH table rows), or, where the text names
nobody, one entry with the headcount (`tăng cường 60 công chức, viên chức của 14 sở … về làm
việc tại 39 xã, phường`). The kind (biệt phái, điều động, luân chuyển, tăng cường) is the one
in the document's subject when it names one, else the verb's. Cue words are data
(secondment_kinds.tsv, secondment_cues.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import body_end, body_text, complete_body
from dispatch_reader.extract.counts import CountHit, person_nouns
from dispatch_reader.extract.dates import months_between, period_months
from dispatch_reader.extract.casing import expand_abbreviations
from dispatch_reader.extract.people import Mention, repair_ocr_name
from dispatch_reader.extract.tables import find_list_rows, period_cell
from dispatch_reader.extract.nlp import tok_start
from dispatch_reader.extract.textutil import Page, fold_phrase, squash
from dispatch_reader.record import DateFact, DocumentFacts, Evidence, Person, Secondment
from dispatch_reader.textnorm import for_matching

_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]\s|[-+•]\s|[a-zđ]\)\s|Điều \d+\.|Article \d+)", re.M)
_ARTICLE = re.compile(r"^[ \t]*(?:Điều|Dieu|Article) \d+\.", re.M)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {fold_phrase(r[0]): r[1] for r in resources.rows("secondment_kinds.tsv")}


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"to": [], "position": [], "stop": []}
    for row in resources.rows("secondment_cues.tsv"):
        out[row[1]].append(row[0])
    for key in out:
        out[key].sort(key=len, reverse=True)
    return out


def kind_in(text: str | None) -> str | None:
    """The secondment kind named in a text (`Về việc biệt phái …` → secondment)."""
    if not text:
        return None
    f = " " + fold_phrase(text) + " "
    for word, kind in sorted(_kinds().items(), key=lambda kv: -len(kv[0])):
        if len(word) > 3 and f" {word} " in f:
            return kind
    return None


@dataclass
class Scope:
    item: tuple[int, int]  # the sentence or list item holding the mention
    intro: tuple[int, int] | None  # the article's opening words when the mention is a list item
    article: tuple[int, int]


_BODY_LINE = re.compile(r"^[ \t]*(?:Căn cứ|Kính gửi|Thực hiện|Điều 1|Ngày \d|Theo đề nghị|Xét đề nghị|"
                        r"Sau khi|I\. )", re.M)


def body_start(page: Page) -> int:
    """Where the body starts on the first page (the header's subject names verbs too)."""
    if page.number != 1:
        return 0
    m = _BODY_LINE.search(page.text)
    return m.start() if m else 0


def _scope(page: Page, offset: int) -> Scope:
    text = page.text
    art_start = 0
    for m in _ARTICLE.finditer(text, 0, offset + 1):
        art_start = m.start()
    nxt = _ARTICLE.search(text, offset + 1)
    art_end = nxt.start() if nxt else len(text)
    art_start = max(art_start, body_start(page))
    list_start = art_start
    for m in _ITEM.finditer(text, art_start, offset + 1):
        list_start = m.start()
    # a sentence inside the item: "… Biệt phái ông Lục Văn Sinh, …" after the previous one
    item_start = list_start
    for m in re.finditer(r"[.;]\s+(?=[A-ZĐÀ-Ỹ])", text[list_start:offset]):
        if not re.search(r"(?:^|\s)\d{1,2}$", text[list_start:list_start + m.start()]):
            item_start = list_start + m.end()
    nxt_item = _ITEM.search(text, offset + 1, art_end)
    item_end = nxt_item.start() if nxt_item else art_end
    sent = re.search(r"\.\s+(?=[A-ZĐÀ-Ỹ])|\.\s*$", text[offset:item_end])
    if sent:
        item_end = offset + sent.end()
    intro = None
    if item_start == list_start:
        # the intro of the list this item belongs to: "…, gồm:" / "… như sau:"
        for m in _ITEM.finditer(text, art_start, min(len(text), list_start + 12)):
            if m.start() > list_start:
                break
            before = text[art_start:m.start()].rstrip()
            if m.start() > art_start and before.endswith(":"):
                cut = max(before.rfind(". "), before.rfind(";\n"))
                intro = (art_start + cut + 1 if cut >= 0 else art_start, m.start())
    return Scope(item=(item_start, item_end), intro=intro, article=(art_start, art_end))


def _verb_kind(page: Page, doc: Doc, a: int, b: int) -> tuple[str | None, int | None]:
    """(kind, offset) of the first secondment verb in page text [a, b)."""
    best: tuple[int, str | None] | None = None
    for label in ("KIND", "KIND_ASCII"):
        for span in doc.spans.get(label, []):
            s = tok_start(doc, span.start)
            if a <= s < b and (best is None or s < best[0]):
                best = (s, _kinds().get(fold_phrase(span.text)))
    # OCR may drop one mark of a two-word verb ("tang cường"): look for the folded form too
    m = _folded_kinds().search(page.folded, a, b)
    if m and (best is None or m.start() < best[0]):
        best = (m.start(), _kinds().get(m.group(0)))
    return (best[1], best[0]) if best else (None, None)


@lru_cache(maxsize=1)
def _folded_kinds() -> re.Pattern[str]:
    words = sorted((w for w in _kinds() if " " in w), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])")


def _token_at(doc: Doc, offset: int) -> int:
    starts = doc.user_data["starts"]
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _to_unit(page: Page, doc: Doc, a: int, b: int, english: bool) -> str | None:
    """The body after a destination cue (`đến làm việc tại`, `in`) within page text [a, b)."""
    text = page.text
    low = for_matching(text[a:b]).lower()
    if english:
        m = re.search(r"\b(?:in|to|at)\s+((?:[A-Z][a-z]+ ){1,4}(?:commune|ward|province|district|town))\b", text[a:b])
        if m:
            return m.group(1)
        m = re.search(r"\bto\s+(\d[\d,]* (?:communes|wards|communes and wards)(?: [a-z]+){0,2}?)(?=[ ,.]|$)", text[a:b])
        return m.group(1) if m else None
    best: tuple[int, str] | None = None
    for cue in _cues()["to"]:
        for m in re.finditer(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"(?!\w)", low):
            tok = _token_at(doc, a + m.end())
            end = body_end(doc, tok) if tok < len(doc) else None
            if end is not None and tok_start(doc, tok) - (a + m.end()) <= 2:
                name = body_text(doc, tok, end)
                if len(name.split()) >= 2 and not re.search(r"\bcác\b", name):
                    if best is None or m.start() < best[0]:
                        best = (m.start(), name)
                break
    return best[1] if best else None


def _to_count_phrase(page: Page, a: int, b: int, hits: list[CountHit], english: bool) -> str | None:
    """`… về làm việc tại 39 xã, phường` / `to 37 communes and wards`: a count as destination."""
    text = page.text
    for h in hits:
        s = h.count.evidence.start or 0
        if a <= s < b and not fold_phrase(h.count.what).split()[0] in {fold_phrase(w).split()[0] for w in person_nouns()}:
            before = for_matching(text[max(a, s - 25):s]).lower()
            if re.search(r"(?:tại|cho|về|đến|tới|to|in)\s*$", before):
                return squash(text[s:s + len(h.count.evidence.quote)])
    return None


def _position(page: Page, a: int, b: int, english: bool) -> str | None:
    text = page.text[a:b]
    low = for_matching(text).lower()
    for cue in _cues()["position"]:
        m = re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"\s+", low)
        if not m:
            continue
        rest = text[m.end():]
        stops = "|".join(re.escape(s) for s in _cues()["stop"])
        cut = re.search(rf"[;.](?:\s|$)|,\s*(?:{stops})\b|\s+(?:in|from|until)\s+(?=[A-Z0-9])", rest)
        if english:
            cut = re.search(r"[;.](?:\s|$)|,\s+(?:while|and|who|which)\s|\s+(?:in|from|until|at)\s+", rest)
        value = squash(rest[:cut.start()] if cut else rest)
        if value:
            return value
    if english:
        m = re.search(r"\bwork in ([a-z ,]+?(?: and [a-z]+)?)(?= from| until|[.;]|$)", squash(text))
        if m:
            return m.group(1)
    return None


def _field(page: Page, a: int, b: int) -> str | None:
    """`ở các lĩnh vực đất đai, xây dựng, …; `: the fields of a headcount statement."""
    text = squash(page.text[a:b])
    m = re.search(r"lĩnh vực ((?:[^;.\d](?!\s(?:từ|trong|thời gian)\s))+[^;.\d,]*)", text)
    if m:
        return m.group(1).strip(" ,")
    return None


def _dates_in(dates: list[DateFact], page: int, a: int, b: int) -> tuple[str | None, str | None]:
    start = end = None
    for d in dates:
        ev = d.evidence
        if ev.page != page or ev.start is None or not a <= ev.start < b:
            continue
        if d.role == "start" and start is None:
            start = d.date
        elif d.role == "end" and end is None:
            end = d.date
    return start, end


def _when(page: Page, dates: list[DateFact], ranges: list[tuple[int, int]], whole: bool) -> tuple[
        str | None, str | None, float | None]:
    start = end = duration = None
    for a, b in ranges:
        s, e = _dates_in(dates, page.number, a, b)
        start, end = start or s, end or e
        if duration is None:
            duration = period_months(page.folded[a:b])
        if start or end:
            break
    if whole and not (start or end):
        s, e = _dates_in(dates, page.number, 0, len(page.text))
        start, end = s, e
        duration = duration or period_months(page.folded)
    if duration is None and start and end:
        duration = months_between(start, end)
    return start, end, duration


def named_secondments(pages: list[Page], docs: list[Doc], mentions: list[Mention], people: list[Person],
                      doc_facts: DocumentFacts, dates: list[DateFact], language: str) -> list[Secondment]:
    english = language == "en"
    doc_kind = kind_in(doc_facts.subject)
    by_name = {fold_phrase(p.name): p for p in people}
    signer = fold_phrase(doc_facts.signer.name) if doc_facts.signer and doc_facts.signer.name else None
    out: list[Secondment] = []
    done: set[str] = set()
    pages_by_no = {p.number: (p, d) for p, d in zip(pages, docs)}
    for m in mentions:
        key = fold_phrase(m.name)
        if key in done or key == signer:
            continue
        page, doc = pages_by_no[m.page]
        sc = _scope(page, m.start)
        a, b = sc.item
        kind, verb_at = _verb_kind(page, doc, a, m.start)
        after_kind, after_at = _verb_kind(page, doc, m.start, b)
        intro_kind = _verb_kind(page, doc, *sc.intro)[0] if sc.intro else None
        seconded = kind is not None or intro_kind is not None
        if not seconded and after_kind is not None:
            tail = for_matching(page.text[after_at:after_at + 40]).lower()
            seconded = bool(re.match(r"\S+\s+\S+\s+(?:đến|về|tới|to)\b", tail))
        if not seconded and english and doc_kind and re.search(
                r"\bwill (?:handle|take charge|work|be seconded|be assigned|be sent)", page.text[m.start:b]):
            seconded = True
        if not seconded:
            continue
        kind = doc_kind or kind or intro_kind or after_kind
        person = by_name.get(key)
        ranges = [sc.item] + ([sc.intro] if sc.intro else []) + [sc.article]
        start, end, duration = _when(page, dates, ranges, whole=english)
        to_unit = _to_unit(page, doc, m.start + len(m.quote), b, english)
        if to_unit is None and sc.intro:
            to_unit = _to_unit(page, doc, *sc.intro, english)
        position = _position(page, m.start + len(m.quote), b, english)
        if to_unit and not english:
            to_unit = complete_body(for_matching(to_unit), doc_facts)
        done.add(key)
        out.append(Secondment(
            kind=kind, person=person.name if person else m.name, from_unit=person.unit if person else m.unit,
            to_unit=to_unit, position=position, start=start, end=end, duration_months=duration,
            evidence=Evidence(page=m.page, quote=m.quote, start=m.start, confidence=page.ocr_confidence)))
    return out


def count_secondments(pages: list[Page], docs: list[Doc], hits: list[list[CountHit]], doc_facts: DocumentFacts,
                      dates: list[DateFact], language: str) -> list[Secondment]:
    """Statements that send a headcount and name nobody."""
    english = language == "en"
    doc_kind = kind_in(doc_facts.subject)
    nouns = person_nouns()
    out: list[Secondment] = []
    for page, doc, page_hits in zip(pages, docs, hits):
        verbs = [(tok_start(doc, span.start), span.end, _kinds().get(fold_phrase(span.text)))
                 for label in ("KIND", "KIND_ASCII") if english or label == "KIND"
                 for span in doc.spans.get(label, [])]
        for m in _folded_kinds().finditer(page.folded):
            if not any(v == m.start() for v, _, _ in verbs):
                verbs.append((m.start(), _token_at(doc, m.end()), _kinds().get(m.group(0))))
        for v, verb_end, verb_kind in sorted(verbs):
            # the headcount right after the verb: "tăng cường 60 công chức", "send 64 civil servants"
            hit = next((h for h in page_hits if 0 <= h.tok[0] - verb_end <= 2), None)
            if hit is None or fold_phrase(hit.count.what) not in nouns and not any(
                    fold_phrase(hit.count.what).startswith(n) for n in nouns) and not english:
                continue
            if english and not any(n in fold_phrase(hit.count.what) for n in nouns):
                continue
            sc = _scope(page, v)
            a, b = sc.item
            sent_end = b
            kind = doc_kind or verb_kind
            from_unit = _from_phrase(page, hit, b, page_hits, english)
            to_unit = _to_count_phrase(page, hit.count.evidence.start or a, sent_end, page_hits, english) or \
                _to_unit(page, doc, hit.count.evidence.start or a, sent_end, english)
            position = _field(page, hit.count.evidence.start or a, sent_end) if not english else \
                _position(page, 0, len(page.text), english)
            start, end, duration = _when(page, dates, [sc.item, sc.article], whole=english)
            out.append(Secondment(
                kind=kind, count=hit.count.value, from_unit=from_unit, to_unit=to_unit, position=position,
                start=start, end=end, duration_months=duration,
                evidence=Evidence(page=page.number, quote=page.text[v:(hit.count.evidence.start or v) +
                                                                   len(hit.count.evidence.quote)],
                                  start=v, confidence=page.ocr_confidence)))
    seen: set[int | None] = set()
    uniq = []
    for s in out:
        if s.count in seen:
            continue
        seen.add(s.count)
        uniq.append(s)
    return uniq


def _from_phrase(page: Page, hit: CountHit, b: int, hits: list[CountHit], english: bool) -> str | None:
    """`… của 14 sở, ban, ngành cấp tỉnh`, `from 14 provincial departments`."""
    s = (hit.count.evidence.start or 0) + len(hit.count.evidence.quote)
    window = page.text[s:b]
    m = re.match(r"\s*(?:của|from|thuộc)\s+", window)
    if not m:
        return None
    start = s + m.end()
    for h in hits:
        if h.count.evidence.start == start:
            return squash(h.count.evidence.quote)
    rest = re.match(r"([^,.;]+?)(?=\s+(?:to|về|đến|tới|cho|tại)\s|[,.;]|$)", page.text[start:b])
    return squash(rest.group(1)) if rest else None


_BARE_PLACE = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+(\S.*)$", re.I)


def _destination(cell: str, pages: list[Page]) -> str:
    """`Xã Mường Khoa` → `Ủy ban nhân dân xã Mường Khoa` when the decision sends people to the
    communes' People's Committees (`… đến làm việc tại Ủy ban nhân dân các xã`)."""
    cell = expand_abbreviations(for_matching(squash(cell)))
    m = _BARE_PLACE.match(cell)
    if not m:
        return cell
    said = any(re.search(r"ủy ban nhân dân (?:các )?(?:xã|phường|thị trấn|đặc khu)", for_matching(p.text).lower())
               for p in pages)
    return f"Ủy ban nhân dân {m.group(1).lower()} {m.group(2)}" if said else cell


def _stated_period(pages: list[Page], dates: list[DateFact]) -> tuple[str | None, str | None, float | None]:
    """The first start date the document states, the end and length stated with it."""
    first = next((d for d in dates if d.role == "start"), None)
    if first is None or first.evidence.start is None:
        return None, None, None
    page = next(p for p in pages if p.number == first.evidence.page)
    a = first.evidence.start
    end = next((d.date for d in dates if d.role == "end" and d.evidence.page == page.number
                and d.evidence.start is not None and a < d.evidence.start < a + 120), None)
    sentence_start = max(page.text.rfind(". ", 0, a), page.text.rfind(";", 0, a), page.text.rfind("\n\n", 0, a), 0)
    months = period_months(page.folded[sentence_start:a + 60])
    if months is None and end:
        months = months_between(first.date, end)
    return first.date, end, months


def table_secondments(pages: list[Page], doc_facts: DocumentFacts, dates: list[DateFact]) -> list[Secondment]:
    doc_kind = kind_in(doc_facts.subject)
    year = int(doc_facts.issued_date[:4]) if doc_facts.issued_date else None
    rows = find_list_rows(pages)
    # rows without a period of their own: the period the decision states for everyone on the list
    doc_start, doc_end, doc_months = _stated_period(pages, dates) if rows else (None, None, None)
    out = []
    for row in rows:
        page = next(p for p in pages if p.number == row.page)
        start, end, months = period_cell(row.cells.get("period", ""), year)
        if start is None and end is None:
            start, end = doc_start, doc_end
            months = months if months is not None else doc_months
        if months is None and start and end:
            months = months_between(start, end)
        to = row.cells.get("to_unit")
        frm = row.cells.get("from_unit")
        name = squash(row.cells["name"])
        if page.ocr_confidence is not None:
            name = repair_ocr_name(name)
        out.append(Secondment(
            kind=doc_kind or kind_in(row.heading) or "secondment", person=name,
            from_unit=for_matching(frm) if frm else None, to_unit=_destination(to, pages) if to else None,
            position=row.cells.get("field") or None, start=start, end=end, duration_months=months,
            evidence=Evidence(page=row.page, quote=page.text[row.name_start:row.name_start + len(row.name_quote)],
                              start=row.name_start, confidence=page.ocr_confidence)))
    return out


def extract_secondments(pages: list[Page], docs: list[Doc], mentions: list[Mention], people: list[Person],
                        hits: list[list[CountHit]], doc_facts: DocumentFacts, dates: list[DateFact],
                        language: str) -> list[Secondment]:
    named = named_secondments(pages, docs, mentions, people, doc_facts, dates, language)
    listed = table_secondments(pages, doc_facts, dates)
    if listed:
        keys = {fold_phrase(s.person or "") for s in listed}
        named = [s for s in named if fold_phrase(s.person or "") not in keys] + listed
    if named:
        return named
    return count_secondments(pages, docs, hits, doc_facts, dates, language)
