"""Secondments: who is sent from where to where, for which job, from when to when.

One entry per named person sent (`Biệt phái ông X, <position>, <unit>, đến làm việc tại
<body>, phụ trách <field>, từ ngày … đến ngày …`, list items under an intro such as
`Điều 1. Biệt phái 04 công chức …, gồm:`, DANH SÁCH table rows), or, where the text names
nobody, one entry with the headcount (`tăng cường 60 công chức, viên chức của 14 sở … về làm
việc tại 39 xã, phường`). The kind (biệt phái, điều động, luân chuyển, tăng cường) is the one
in the document's subject when it names one, else the verb's. Cue words are data
(secondment_kinds.tsv, secondment_cues.tsv). What the document does with each entry (decides,
asks others, plans, reports; sends, extends or ends) is status.py's: requests, plans, reports
and endings are entries too, with their status and action.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import body_end, body_text, complete_body, is_subunit, level_end
from dispatch_reader.extract.counts import (
    COMMUNE_LEVELS, CountHit, counts_people, cue_pattern, led_by_destination, levels_re, not_a_date, person_nouns,
)
from dispatch_reader.extract.dates import months_between, period_months
from dispatch_reader.extract import status as sending_status
from dispatch_reader.extract.kinds import (
    ASSIGNING, FULL_STOP, SENDING_ADVERBS, SENTENCE_STOP, Verb, kind_in, not_sending, page_verbs, request_cue_before, request_pattern, resolve, sentence_start,
    subject_lead_kind, verbs_between,
)
from dispatch_reader.extract.casing import expand_abbreviations
from dispatch_reader.extract.lexicon import mend_non_words
from dispatch_reader.extract.namefix import repair_ocr_name
from dispatch_reader.extract.people import Mention, honorifics, listed_position_unit
from dispatch_reader.extract.tables import find_list_rows, period_cell
from dispatch_reader.extract.nlp import tok_end, tok_start, token_at
from dispatch_reader.extract.textutil import Page, fold_phrase, is_word, squash
from dispatch_reader.record import DateFact, DocumentFacts, Evidence, Person, Reference, Secondment
from dispatch_reader.textnorm import for_matching

# an item's figure and its stop, or a comma a scan read for it before a capital (`1, Ông …`)
_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]\s|\d{1,2},\s(?=[A-ZĐÀ-Ỹ])|[-+•]\s|[a-zđ]\)\s|Điều \d+\.|Article \d+)", re.M)
_ARTICLE = re.compile(r"^[ \t]*(?:Điều|Dieu|Article) \d+\.", re.M)


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"to": [], "position": [], "stop": [], "move": [], "post": [], "period_label": [],
                                 "field": [], "field_stop": [], "field_stop_place": [], "place_head": [],
                                 "verb_modifier": []}
    for row in resources.rows("secondment_cues.tsv"):
        out.setdefault(row[1], []).append(row[0])
    for key in out:
        out[key].sort(key=len, reverse=True)
    return out


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


# the period of "Mr.", "Mrs.", "Dr.", "No.", "TP." ends no sentence
_ABBR_SAFE = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\bSt)(?<!\bTP)(?<!\bTp)"


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
    for m in re.finditer(_ABBR_SAFE + r"[.;]\s+(?=[A-ZĐÀ-Ỹ])", text[list_start:offset]):
        if not re.search(r"(?:^|\s)\d{1,2}$", text[list_start:list_start + m.start()]):
            item_start = list_start + m.end()
    nxt_item = _ITEM.search(text, offset + 1, art_end)
    item_end = nxt_item.start() if nxt_item else art_end
    sent = re.search(_ABBR_SAFE + r"\.\s+(?=[A-ZĐÀ-Ỹ])|\.\s*$", text[offset:item_end])
    if sent:
        item_end = offset + sent.end()
    intro = None
    head = text[list_start:item_start]
    colon = head.rfind(":")
    if item_start > list_start and head.rstrip().endswith(";") and colon >= 0 \
            and not re.search(rf"(?:{FULL_STOP})\s", head[colon:]) \
            and _opens_alike(head[colon + 1:], text[item_start:item_end]):
        # an enumeration run on in one sentence (`…, cụ thể: ông A, …; ông B, …`): the people
        # after the first are its items as much as a list's lines are, under the same intro
        stops = [m.end() for m in re.finditer(rf"(?:{FULL_STOP})\s", head[:colon])]
        intro = (list_start + (stops[-1] if stops else 0), list_start + colon)
    if item_start == list_start:
        # the intro of the list this item belongs to: "…, gồm:" / "… như sau:"
        for m in _ITEM.finditer(text, art_start, min(len(text), list_start + 12)):
            if m.start() > list_start:
                break
            before = text[art_start:m.start()].rstrip()
            if m.start() > art_start and before.endswith(":"):
                # (a stop after figures before small letters is a speck: `đối với 02. công chức sau:`)
                stops = [m.start() for m in re.finditer(rf"(?:{FULL_STOP}) |;\n", before)]
                cut = stops[-1] if stops else -1
                intro = (art_start + cut + 1 if cut >= 0 else art_start, m.start())
    return Scope(item=(item_start, item_end), intro=intro, article=(art_start, art_end))



# where people are now, said before a place (`đang công tác tại`, `hiện làm việc tại`)
_STAYING = re.compile(r"(?:đang|hiện)(?:\s+(?:công\s+tác|làm\s+việc))?\s*$")


def _opens_alike(first: str, item: str) -> bool:
    """Do the enumeration's first item (after its colon) and a later one (after a semicolon) open
    alike: an honorific each (`ông …; bà …`), or the same word (`Sở …; Sở …`)? A colon inside a
    sentence that opens no list (`Thời gian biệt phái: 12 tháng …; Ông B có trách nhiệm …`) does not."""
    a, b = first.split()[:1], item.split()[:1]
    if not a or not b:
        return False
    a0, b0 = fold_phrase(a[0].strip(",.;")), fold_phrase(b[0].strip(",.;"))
    return a0 == b0 or (a0 in honorifics() and b0 in honorifics())


def _to_unit(page: Page, doc: Doc, a: int, b: int, english: bool, *, intro: bool = False) -> str | None:
    """The body after a destination cue (`đến làm việc tại`, `in`) within page text [a, b). In an
    enumeration's intro (`intro`), the last one, nearest the items, and never where people are
    now (`đang công tác tại Sở A, cụ thể:`)."""
    text = page.text
    low = for_matching(text[a:b]).lower()
    if english:
        m = re.search(r"\b(?:in|to|at|joins?)\s+((?:[A-Z][a-z]+ |\d{1,2} ){1,4}(?:commune|ward|province|district|town))\b",
                      text[a:b])
        if m:
            return m.group(1)
        m = re.search(r"\bto\s+(\d[\d,]* (?:communes|wards|communes and wards)(?: [a-z]+){0,2}?)(?=[ ,.]|$)", text[a:b])
        if m:
            return m.group(1)
        # "to commune health stations", "to mountainous communes": a group of places by its kind
        m = re.search(r"\bto\s+((?:[a-z]+\s+){0,3}(?:communes|wards|stations)(?:\s+and\s+wards)?)(?=[\s,.;]|$)", text[a:b])
        return squash(m.group(1)) if m else None
    best: tuple[int, str] | None = None
    for cue in _cues()["to"]:
        for m in re.finditer(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"(?!\w)", low):
            tok = token_at(doc, a + m.end())
            end = body_end(doc, tok) if tok < len(doc) else None
            if end is None and tok < len(doc):
                end = _place_end(doc, tok)  # "đến xã Nậm Đét": a place given by its level
            if end is not None and tok_start(doc, tok) - (a + m.end()) <= 2:
                name = body_text(doc, tok, end)
                staying = intro and _STAYING.search(low[:m.start()])
                if len(name.split()) >= 2 and not re.search(r"\bcác\b", name) and not staying:
                    if best is None or (m.start() > best[0] if intro else m.start() < best[0]):
                        best = (m.start(), name)
                break
    return best[1] if best else None


_PLACED = re.compile(r"(?<!\w)(?:xã|phường|thị trấn|đặc khu)\s+[A-ZĐÀ-Ỹ]")


def has_place(name: str | None) -> bool:
    """A body named with its commune or ward (`Ủy ban nhân dân xã Tân Phong`), not a bare head."""
    return bool(name) and bool(_PLACED.search(for_matching(name)))


def _post_body(page: Page, doc: Doc, a: int, b: int) -> str | None:
    """`đến giữ chức vụ Phó Chủ tịch Ủy ban nhân dân xã Thượng Lâm`: the body of the post, when it
    names its commune or ward."""
    low = for_matching(page.text[a:b]).lower()
    for cue in _cues()["post"]:
        m = re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"(?!\w)", low)
        if not m:
            continue
        for i in range(token_at(doc, a + m.end()), token_at(doc, b)):
            end = body_end(doc, i)
            if end is not None and tok_start(doc, end - 1) < b:
                name = body_text(doc, i, end)
                if has_place(name):
                    return name
    return None


_BARE_LEVEL = re.compile(r"(?<!\w)(?:tại|cho|về|đến|tới)\s+(xã|phường|đặc khu)(?=\s+[a-zđ]|\s*[,.;(]|\s*$)")


def own_place(page: Page, a: int, b: int, doc_facts: DocumentFacts) -> str | None:
    """`… tăng cường 07 công chức cho xã trong thời gian …` in a commune's own document: that commune."""
    m = _BARE_LEVEL.search(for_matching(page.text[a:b]))
    issuer = for_matching(doc_facts.issuer or "")
    if not m:
        return None
    own = re.match(r"(?:Ủy ban nhân dân|UBND)\s+(xã|phường|đặc khu)\s+(\S.*)$", issuer, re.I)
    if own and own.group(1).lower() == m.group(1):
        return f"{m.group(1)} {own.group(2)}"
    return None


def _place_end(doc: Doc, tok: int) -> int | None:
    lvl = level_end(doc, tok)
    if lvl is None or lvl >= len(doc) or not doc[lvl].text[:1].isupper():
        return None
    j = lvl
    while j < len(doc) and doc[j].text[:1].isupper() and is_word(doc[j].text) and j - lvl < 4:
        j += 1
    return j


@lru_cache(maxsize=1)
def _places_said() -> re.Pattern[str]:
    """`biệt phái về các xã còn thiếu`, `về các xã, phường vùng cao`: communes named by what they
    share, after a cue that sends (no `tại`: where people already are). Only `xã` and `phường`
    are read so; the phrase ends at a comma (`các xã, phường …` is `các xã`)."""
    return re.compile(r"(?<!\w)(?:về|đến|tới|cho)\s+(?:làm việc tại\s+|công tác tại\s+)?"
                      r"(các\s+" + levels_re(("xã", "phường")) + r"(?:\s+[a-zà-ỹđ]+){0,4}?)"
                      r"(?=\s*[,.;:()]|\s+(?:từ|trong|kể|để|theo|và)\s|\s*$)")


def _to_places_said(page: Page, a: int, b: int) -> str | None:
    m = _places_said().search(for_matching(page.text[a:b]))
    return squash(m.group(1)) if m else None


def _to_count_phrase(page: Page, a: int, b: int, hits: list[CountHit], english: bool) -> str | None:
    """`… về làm việc tại 39 xã, phường` / `to 37 communes and wards`: a count as destination."""
    text = page.text
    for h in hits:
        s = h.count.evidence.start or 0
        if a <= s < b and not fold_phrase(h.count.what).split()[0] in {fold_phrase(w).split()[0] for w in person_nouns()}:
            if led_by_destination(text, s, a):
                return squash(text[s:s + len(h.count.evidence.quote)])
    return None


def _position(page: Page, a: int, b: int, english: bool) -> str | None:
    text = page.text[a:b]
    low = for_matching(text).lower()
    found = [m for cue in _cues()["position"]
             if (m := re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"\s+", low))]
    if english:
        # one sentence may send two people, each to a job of their own (`Mr. A … will handle
        # land administration …, while Ms. B … will take charge of finance …`): the cue next
        # to the name is its own. (A Vietnamese `hỗ trợ` may be the verb of the destination,
        # `đến hỗ trợ xã Y, phụ trách …`: there the longer cue is surer.)
        found.sort(key=lambda m: m.start())
    for m in found:
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
    """`ở các lĩnh vực đất đai, xây dựng, …; `, `có chuyên môn về đất đai, xây dựng tăng cường cho
    …`: the fields of a headcount statement (cues of secondment_cues.tsv)."""
    last = 0
    text = squash(page.text[a:b])
    found = []
    for m in _field_re().finditer(text):
        # a list of parts, one field each (`cụ thể: 01 công chức lĩnh vực đất đai; 01 công chức
        # lĩnh vực xây dựng; …`): the headcount's fields are all of them
        if found and ";" not in text[last:m.start()]:
            break
        value = _before_a_body(m.group(1)).strip(" ,")
        if value and value not in found:
            found.append(value)
        last = m.end()
    return ", ".join(found) or None


@lru_cache(maxsize=1)
def _body_after_comma() -> re.Pattern[str]:
    heads = sorted((h for h in resources.lines("body_heads.txt")), key=len, reverse=True)
    return re.compile(r",\s*(?:" + "|".join(r"\s+".join(re.escape(w) for w in h.split()) for h in heads) + r"|UBND)\s+[A-ZĐÀ-Ỹ]")


def _before_a_body(field: str) -> str:
    """A field ends before a comma and a body's name (`lĩnh vực đất đai, Sở Xây dựng cử 05 …`:
    the next clause's sender) ..."""
    m = _body_after_comma().search(field)
    field = field[:m.start()] if m else field
    # nor runs into the next headcount's joint (`tư pháp - hộ tịch và 01 công chức …`)
    return re.sub(r"\s+(?:và|and)$", "", field.rstrip(" ,"))


@lru_cache(maxsize=1)
def _field_re() -> re.Pattern[str]:
    def alt(role: str) -> str:
        return "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in _cues()[role])
    # a preposition ends a field where a place follows it (`về xã …`, `cho các xã`), not inside
    # one (`quản lý nhà nước về đất đai`)
    stop = rf"(?:{alt('field_stop')})\s|(?:{alt('field_stop_place')})\s+(?:(?:{alt('place_head')})(?!\w)|\d)"
    return re.compile(rf"(?<!\w)(?:{alt('field')}) ((?:[^;.\d](?!\s(?:{stop})))+[^;.\d,\s]*)")


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


def _when(page: Page, dates: list[DateFact], ranges: list[tuple[int, int]], whole: bool,
          others: list[tuple[int, int]] = ()) -> tuple[str | None, str | None, float | None]:
    """Start, end and length from the first range that states a date; dates inside `others`
    (the items of other statements) belong to those statements."""
    start = end = duration = None
    usable = [d for d in dates if not any(
        d.evidence.page == page.number and d.evidence.start is not None and oa <= d.evidence.start < ob
        for oa, ob in others)]
    for a, b in ranges:
        s, e = _dates_in(usable, page.number, a, b)
        start, end = start or s, end or e
        if duration is None:
            duration = period_months(_masked(page.folded, a, b, others))
        if start or end:
            break
    if whole and not (start or end):
        s, e = _dates_in(usable, page.number, 0, len(page.text))
        start, end = s, e
        duration = duration or period_months(page.folded)
    if start and end and end < start:
        end = None  # an end before the start belongs to another period (a phase's deadline)
    if duration is None and start and end:
        duration = months_between(start, end)
    return start, end, duration


def _other_items(page: Page, sc: Scope) -> list[tuple[int, int]]:
    """The article's list items other than the statement's own: their dates are theirs, except
    an item that only states the period (`2. Thời gian tăng cường: 06 tháng, từ ngày …`)."""
    a, b = sc.article
    starts = [m.start() for m in _ITEM.finditer(page.text, a, b) if m.start() > a]
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else b
        if s <= sc.item[0] < e:
            continue
        label = fold_phrase(re.sub(r"^\s*(?:\d{1,2}[.)]|[-+•]|[a-zđ]\))\s*", "", page.text[s:s + 60]))
        if any(label.startswith(fold_phrase(w)) for w in _cues()["period_label"]):
            continue
        out.append((s, e))
    return out


_SENTENCE_END = re.compile(rf"{SENTENCE_STOP}")


@lru_cache(maxsize=1)
def _period_labels() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w.lower()) for w in _cues()["period_label"]) + r")(?!\w)")


def _unrelated_sentences(page: Page, doc: Doc, sc: Scope, english: bool) -> list[tuple[int, int]]:
    """Sentences of the statement's article that neither send nor state a period: their dates
    are another matter's (`từ ngày 01/7/2025 đến ngày 30/9/2025, xã đã tiếp nhận 1.538 hồ sơ`
    in a commune's letter, which has no articles, so its whole body is the article)."""
    a, b = sc.article
    verbs = [v.start for v in page_verbs(page, doc, english)]
    labels = _period_labels()
    out = []
    pos = a
    while pos < b:
        m = _SENTENCE_END.search(page.text, pos, b)
        end = m.end() if m else b
        if (end <= sc.item[0] or pos >= sc.item[1]) and not any(pos <= v < end for v in verbs) \
                and not labels.search(for_matching(page.text[pos:end]).lower()):
            out.append((pos, end))
        pos = end
    return out


def _masked(text: str, a: int, b: int, others: list[tuple[int, int]]) -> str:
    out = text[a:b]
    for oa, ob in others:
        lo, hi = max(oa, a), min(ob, b)
        if lo < hi:
            out = out[:lo - a] + " " * (hi - lo) + out[hi - a:]
    return out


@lru_cache(maxsize=1)
def _move_re() -> re.Pattern[str]:
    cues = sorted(resources_cues("move"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in cues) + r")\b")


def resources_cues(role: str) -> list[str]:
    return _cues().get(role, [])


def _sends_onward(page: Page, doc: Doc, v: Verb) -> bool:
    """`…, biệt phái đến Ủy ban nhân dân xã …`: a verb after the name that sends somewhere."""
    tail = for_matching(page.text[tok_start(doc, v.end_tok):tok_start(doc, v.end_tok) + 20]).lower()
    return bool(re.match(r"\s*(?:đến|về|tới|to|in|at)\b", tail))


def _own_sentences(pages_by_no: dict[int, tuple[Page, Doc]], mentions: list[Mention], scopes: list[Scope | None],
                   english: bool) -> dict[int, list[tuple[int, int]]]:
    """Per page, the sentences or list items in which a person is sent by a verb of their own
    (`Biệt phái bà X, …, đến …`): the dates there are that person's. `scopes`: each mention's,
    None for the signer's."""
    out: dict[int, list[tuple[int, int]]] = {}
    for m, sc in zip(mentions, scopes):
        if sc is None:
            continue
        page, doc = pages_by_no[m.page]
        if verbs_between(page_verbs(page, doc, english), sc.item[0], m.start):
            out.setdefault(m.page, []).append(sc.item)
    return out


# the document's own province's or city's committee head, named by the title before the name
_OWN_COMMITTEE_HEAD = re.compile(r"(?i)^(?:phó\s+)?chủ\s+tịch\s+ủy\s+ban\s+nhân\s+dân\s+(?:tỉnh|thành\s+phố)$")


def named_secondments(pages: list[Page], docs: list[Doc], mentions: list[Mention], people: list[Person],
                      doc_facts: DocumentFacts, dates: list[DateFact], language: str,
                      references: list[Reference] = ()) -> list[Secondment]:
    english = language == "en"
    subject_kind = kind_in(doc_facts.subject)
    lead = subject_lead_kind(doc_facts.subject)
    by_name = {fold_phrase(p.name): p for p in people}
    signer = fold_phrase(doc_facts.signer.name) if doc_facts.signer and doc_facts.signer.name else None
    out: list[Secondment] = []
    done: set[str] = set()
    pages_by_no = {p.number: (p, d) for p, d in zip(pages, docs)}
    # where each mention stands (the signer's: nowhere of interest)
    scopes = [None if fold_phrase(m.name) == signer else _scope(pages_by_no[m.page][0], m.start) for m in mentions]
    own_items = _own_sentences(pages_by_no, mentions, scopes, english)
    for m, sc in zip(mentions, scopes):
        key = fold_phrase(m.name)
        if key in done or key == signer:
            continue
        if m.honorific is None and m.position and _OWN_COMMITTEE_HEAD.match(m.position):
            continue  # `Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn kết luận …`: who decides, not who goes
        page, doc = pages_by_no[m.page]
        verbs = page_verbs(page, doc, english)
        a, b = sc.item
        before = verbs_between(verbs, a, m.start)
        intro = verbs_between(verbs, *sc.intro) if sc.intro else []
        after = [v for v in verbs_between(verbs, m.start + len(m.quote), b) if _sends_onward(page, doc, v)]
        # the verb that governs the name: the nearest before it, else the list's intro, else after it.
        # In the intro, the last that sends: `Gia hạn thời gian biệt phái đối với 02 viên chức đang
        # biệt phái tại …, cụ thể:` extends the people listed; its `đang biệt phái` only says where
        # they are (a tester's extension lost both its people to it)
        if intro and not before:
            sending = [v for v in intro if not not_sending(page, v.start, tok_end(doc, v.end_tok - 1), floor=sc.intro[0])]
            intro = sending or intro
        governing = (before[-1:] or intro[-1:] or after[:1] or [None])[0]
        moved = english and (subject_kind or lead) and _move_re().search(page.text[m.start:b])
        if english and re.search(r"\bsigned by\b(?:\s+[A-Z][\w.]*){0,4}\s*$", page.text[max(0, m.start - 60):m.start]):
            continue  # "signed by Vice Chairman Mr. X": the signer, whatever the sentence goes on to say
        if governing is None and not moved:
            continue
        floor = sc.intro[0] if governing in intro else a
        if governing is not None and not_sending(page, governing.start, tok_end(doc, governing.end_tok - 1),
                                                 floor=floor):
            done.add(key)  # a secondment stated (not made) sends nobody, here or in later mentions
            continue
        st = sending_status.statement(pages, page, governing.start if governing is not None else m.start,
                                      doc_facts, references, language, named=True, floor=floor)
        strong = next((v for v in reversed(before) if not v.weak), None) or \
            next((v for v in reversed(intro) if not v.weak), None) or next((v for v in after if not v.weak), None)
        weak = next((v for v in before + intro + after if v.weak), None)
        kind = resolve(lead, subject_kind, strong, weak)
        person = by_name.get(key)
        ranges = [sc.item] + ([sc.intro] if sc.intro else []) + [sc.article]
        # another person's own sentence or item holds that person's dates, not this one's
        others = [it for it in own_items.get(m.page, ()) if it != sc.item and sc.article[0] <= it[0] < sc.article[1]
                  and not (sc.intro and it[0] < sc.intro[1] and sc.intro[0] < it[1])]
        start, end, duration = _when(page, dates, ranges, whole=english, others=others)
        to_unit = _to_unit(page, doc, m.start + len(m.quote), b, english)
        if to_unit is None and sc.intro:
            to_unit = _to_unit(page, doc, *sc.intro, english, intro=True)
        if to_unit is None and governing in before:
            # the destination said between the verb and the people it sends (`Biệt phái công
            # chức về làm việc tại Ủy ban nhân dân xã A …, cụ thể: ông …`), before the first of them
            first = min((o.start for o in mentions if o.page == m.page and governing.start < o.start <= m.start),
                        default=m.start)
            to_unit = _to_unit(page, doc, tok_end(doc, governing.end_tok - 1), first, english, intro=True)
        position = _position(page, m.start + len(m.quote), b, english)
        if not english and not has_place(to_unit):
            to_unit = _post_body(page, doc, m.start + len(m.quote), b) or to_unit or \
                own_place(page, m.start + len(m.quote), b, doc_facts)
        if to_unit and not english:
            to_unit = complete_body(for_matching(to_unit), doc_facts)
        done.add(key)
        out.append(sending_status.apply(Secondment(
            kind=kind, person=person.name if person else m.name, from_unit=person.unit if person else m.unit,
            to_unit=to_unit, position=position, start=start, end=end, duration_months=duration,
            evidence=Evidence(page=m.page, quote=m.quote, start=m.start, confidence=page.ocr_confidence)), st))
    return out


_PASSIVE = {"được", "đã", "đều", "vừa", "mới", "were", "was", "have", "has", "had", "been", "be", "being", "are",
            "is", "already"}


def _counted_by(doc: Doc, v: Verb, hits: list[CountHit]) -> CountHit | None:
    """The headcount a verb sends: right after it (`tăng cường 60 công chức`, `cử đủ 18 …`), or
    right before it in the passive (`38/56 công chức được cử đến …`, `64 officials were sent`)."""
    at = token_at(doc, v.start)
    text = doc.user_data["text"]
    onward = text[tok_start(doc, v.end_tok):][:12] if v.end_tok < len(doc) else ""
    if not v.weak and re.match(r"\s*(?:về|đến|tới|xuống)\s", onward):
        # "tổng số 150 công chức, viên chức, tăng cường về 61 xã": the verb as the headcount's
        # participle, a comma between, sending somewhere (the count after it is the destination)
        before = next((h for h in hits if [doc[t].text for t in range(h.tok[1], at)] == [","]), None)
        if before is not None:
            return before
    after = next((h for h in hits if 0 <= h.tok[0] - v.end_tok <= 2 or _modifier_between(doc, v.end_tok, h.tok[0])),
                 None)
    if after is not None:
        return after
    for h in hits:
        if not 0 < at - h.tok[1] <= 3:
            continue  # only a few auxiliary words may stand between the headcount and its verb
        gap = [doc[t].text.lower() for t in range(h.tok[1], at)]
        if all(w in _PASSIVE for w in gap) and any(w in {"được", "were", "was", "been", "are",
                                                                             "is"} for w in gap):
            return h
    return None


@lru_cache(maxsize=1)
def _qualifier() -> str:
    """What a headcount's people are told by, said after each of two joined (`02 công chức
    thuộc Sở A và 01 công chức thuộc Sở B`, `02 công chức lĩnh vực tư pháp và 01 công chức lĩnh
    vực công nghệ`, `03 công chức có chuyên môn về kế toán, 01 công chức có chuyên môn về tư
    pháp`): the body they come from or their field (secondment_cues.tsv)."""
    return "(?:" + cue_pattern("qualifier") + "|" + cue_pattern("field_qualifier") + "|" + cue_pattern("field_opener") + ")"


@lru_cache(maxsize=1)
def _from_opens() -> re.Pattern[str]:
    return re.compile(r"\s*" + _qualifier() + r"\s")


@lru_cache(maxsize=1)
def _from_joined() -> re.Pattern[str]:
    # (joined by `và` or a comma: `03 … có chuyên môn về kế toán, 01 … về tư pháp và 01 …`)
    return re.compile(r"\s*" + _qualifier() + r"\s[^,.;:]+?(?:\s(?:và|and)|,)\s*$")


def _joined_headcounts(page: Page, hit: CountHit, hits: list[CountHit], english: bool) -> list[CountHit]:
    """`cử 03 công chức về xã Lao Bảo và 02 công chức về xã Khe Sanh`: the headcounts the same
    verb sends, each to a place of its own, joined to the first by `và` or a comma (a tester's)."""
    text = page.text
    nouns = person_nouns()
    out = []
    prev = hit
    for h in hits:
        s = h.count.evidence.start or 0
        p_end = (prev.count.evidence.start or 0) + len(prev.count.evidence.quote)
        if s <= p_end:
            continue
        between = text[p_end:s]
        what = fold_phrase(h.count.what)
        after = text[s + len(h.count.evidence.quote):s + len(h.count.evidence.quote) + 30]
        # `02 công chức thuộc Sở A và 01 công chức thuộc Sở B đến …`: each from a body of its own
        from_each = _from_joined().match(between) is not None and _from_opens().match(after) is not None
        # else the one before went somewhere, and nothing but a joint stands before this one
        if not from_each and (re.search(r"[.;:]", between) or not re.search(r"(?:,|\s(?:và|and))\s*$", between)
                              or not _goes_somewhere(between, english)):
            break
        if english and not any(n in what for n in nouns) or \
                not english and what not in nouns and not any(what.startswith(n) for n in nouns):
            break
        if not from_each and not _goes_somewhere(after, english):
            break
        out.append(h)
        prev = h
    return out


# destination cues that also say where someone already is: no movement of their own
_STAYING_CUES = frozenset({"tại", "làm việc tại", "công tác tại"})


@lru_cache(maxsize=2)
def _going_cue(english: bool) -> re.Pattern[str]:
    """A destination cue after at most two words; where people go, not where they are
    (`02 công chức tại chỗ`, `tại xã Lao Bảo đã nghỉ hưu`)."""
    cues = ["to"] if english else [c for c in _cues()["to"] if c not in _STAYING_CUES]
    alt = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in cues)
    return re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}?(?:" + alt + r")(?!\w)")


def _goes_somewhere(text: str, english: bool) -> bool:
    """A destination cue opens the text, after at most two words (`về xã Khe Sanh`, `tăng cường
    về xã Lao Bảo`)."""
    return _going_cue(english).match(for_matching(text).lower()) is not None


def _modifier_between(doc: Doc, a: int, b: int) -> bool:
    """Tokens a..b are a verb modifier of secondment_cues.tsv and at most two words more."""
    if b - a <= 2 or b - a > 8:
        return False
    gap = for_matching(" ".join(doc[t].text for t in range(a, b))).lower()
    return any(re.fullmatch(r"\s+".join(re.escape(w) for w in c.split()) + r"(?:\s+\S+){0,2}", gap)
               for c in _cues()["verb_modifier"])


# a bracket opened right after a headcount's noun, before its parts (`50 công chức (biệt phái 30 …`)
_BRACKET_OPENS = re.compile(r"^[^()]{0,40}?\(")


# a commune or ward named in a clause: its level word and the capitalised words of its name
_CLAUSE_PLACE = re.compile(r"\b(?:xã|phường|đặc khu)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,;.()]*\s?){1,4})")


def _clause_place(text: str, start: int, end: int | None = None) -> str | None:
    """The commune a clause from `start` (to its `;`, `.`, bracket or line's end, or `end`) names."""
    stop = re.search(r"[;.()\n]", text[start:end]) if end is None else None
    clause = text[start:start + stop.start()] if stop else text[start:end]
    m = _CLAUSE_PLACE.search(clause)
    return fold_phrase(m.group(1)).strip() if m else None


def _parts_replace_wholes(found: list[_Statement]) -> dict[int, int]:
    """{part's index: whole's index}: a headcount stated after a part cue (`…, trong đó: biệt phái
    73 người; tăng cường có thời hạn 45 người`) in the same statement as the figure before it
    is a part of that figure. A whole whose parts are sent by verbs of their own and add up to
    it gives way to them (they say which kind each part is); otherwise the parts give way to
    the whole. Either way no one is counted twice."""
    cue = sending_status.part_cue()
    parts: dict[int, list[int]] = {}
    by_list: set[int] = set()  # wholes whose parts are a list's items
    for i, whole in enumerate(found):
        w_end = (whole.hit.count.evidence.start or 0) + len(whole.hit.count.evidence.quote)
        for j, part in enumerate(found):
            s = part.hit.count.evidence.start or 0
            # a part in the same statement, or an item of the list the whole's statement opens
            # (`Đề nghị các sở bố trí tổng cộng 07 …, cụ thể:` then `- Sở A cử 02 …` a line each)
            # (both asked for or both not: `đề nghị Sở A cử 01 …` in an item under `điều động 02 …, gồm:`
            # is another sending)
            listed = part.scope.intro is not None and part.scope.item != whole.scope.item \
                and part.scope.intro[0] <= (whole.hit.count.evidence.start or 0) < part.scope.intro[1] \
                and (request_cue_before(part.page, part.verb.start) is None) == \
                (request_cue_before(whole.page, whole.verb.start) is None)
            if j == i or part.page is not whole.page or (part.scope.item != whole.scope.item and not listed) \
                    or s <= w_end or part.hit.count.value > whole.hit.count.value:
                continue
            between = for_matching(whole.page.text[w_end:part.scope.intro[1] + 1 if listed else s]).lower()
            at = cue.search(between) if cue is not None else None
            if at is None and _BRACKET_OPENS.match(between):
                at = _BRACKET_OPENS.match(between)  # `50 công chức (biệt phái 30 người, …)`: the bracket breaks it down
            if at is None or re.search(rf"{FULL_STOP}\s", between) or ")" in between[at.end():] \
                    or any(j in ps for ps in parts.values()):
                continue  # (an aside the cue opened and a bracket closed: `(trong đó …); tăng cường 05 …`)
            place = _clause_place(whole.page.text, s)
            if not listed and place is not None \
                    and place != _clause_place(whole.page.text, whole.verb.start, w_end + at.start()):
                continue  # a sending of its own to another commune (`…, trong đó có 03 nữ; tăng cường 05 … đến xã Y`)
            parts.setdefault(i, []).append(j)
            if listed:
                by_list.add(i)
    out: dict[int, int] = {}
    for i, ps in parts.items():
        total = sum(found[j].hit.count.value for j in ps)
        if i in by_list and total != found[i].hit.count.value:
            continue  # items of a list that are not the whole's parts (`… tăng cường 10 …, trong đó đợt 1:`)
        for j in ps:
            out[j] = i
        if total == found[i].hit.count.value:
            out[i] = -1  # the whole gives way to its parts
    return out


def _intro_of(page: Page, sc: Scope, pos: int) -> tuple[int, int] | None:
    """What introduces the enumeration a statement at `pos` is an item of: its list's intro, or
    the words before a colon earlier in its own sentence (`Biệt phái công chức về làm việc tại
    Ủy ban nhân dân xã A, cụ thể: Sở Nội vụ cử 01 …`)."""
    if sc.intro:
        return sc.intro
    colon = page.text.rfind(":", sc.item[0], pos)
    return (sc.item[0], colon) if colon > sc.item[0] else None


@dataclass
class _Statement:
    page: Page
    doc: Doc
    verb: Verb
    hit: CountHit
    scope: Scope


def count_secondments(pages: list[Page], docs: list[Doc], hits: list[list[CountHit]], doc_facts: DocumentFacts,
                      dates: list[DateFact], language: str, references: list[Reference] = ()) -> list[Secondment]:
    """Statements that send a headcount and name nobody."""
    english = language == "en"
    subject_kind = kind_in(doc_facts.subject)
    lead = subject_lead_kind(doc_facts.subject)
    nouns = person_nouns()
    found: list[_Statement] = []
    for page, doc, page_hits in zip(pages, docs, hits):
        for v in page_verbs(page, doc, english):
            hit = _counted_by(doc, v, page_hits)
            if hit is None:
                continue
            what = fold_phrase(hit.count.what)
            if not english and what not in nouns and not any(what.startswith(n) for n in nouns):
                continue
            if english and not any(n in what for n in nouns):
                continue
            anchor = min(v.start, hit.count.evidence.start or v.start)
            z = max(tok_end(doc, v.end_tok - 1), (hit.count.evidence.start or 0) + len(hit.count.evidence.quote))
            if not_sending(page, v.start, z):
                continue
            found.append(_Statement(page, doc, v, hit, _scope(page, anchor)))
            taken = {id(st.hit) for st in found}
            for joined in _joined_headcounts(page, hit, page_hits, english):
                if id(joined) not in taken:
                    found.append(_Statement(page, doc, v, joined, _scope(page, anchor)))
    out: list[Secondment] = []
    hits_of = {page.number: page_hits for page, page_hits in zip(pages, hits)}
    whole_of = _parts_replace_wholes(found)
    for st in found:
        page, doc, v, hit, sc = st.page, st.doc, st.verb, st.hit, st.scope
        b = sc.item[1]
        h0 = hit.count.evidence.start or v.start
        strong = (_kind_after_noun(page, doc, hit, english) if v.weak else None) or (None if v.weak else v)
        kind = resolve(lead, subject_kind, strong, v if v.weak else None)
        from_unit = _from_phrase(page, hit, b, hits_of[page.number], english) or \
            _sender_before(page, doc, v, sc.item[0], english) or _asked_party(page, v) or \
            _body_sending(page, doc, v, sc.item[0])
        intro = _intro_of(page, sc, min(v.start, h0))
        to_unit = _to_count_phrase(page, h0, b, hits_of[page.number], english) or \
            _to_unit(page, doc, h0, b, english) or \
            (None if english else (own_place(page, h0, b, doc_facts) or _to_places_said(page, h0, b))) or \
            (_to_unit(page, doc, *intro, english, intro=True) if intro else None)
        # (a field said after the next headcount sent by a verb of its own is that one's: `Sở A cử
        # 03 công chức, …; Sở E cử 03 công chức lĩnh vực chuyển đổi số …`; the parts of this one, `07 …,
        # gồm: 03 công chức lĩnh vực đất đai, …`, are its fields)
        verbs = page_verbs(page, doc, english)
        following = [h.count.evidence.start for h in hits_of[page.number]
                     if h.count.evidence.start is not None and h0 < h.count.evidence.start < b
                     and counts_people(h.count.what) and verbs_between(verbs, h0, h.count.evidence.start)]
        position = _field(page, h0, min(following, default=b)) if not english \
            else _position(page, 0, len(page.text), english)
        st = sending_status.statement(pages, page, v.start, doc_facts, references, language,
                                      named=sending_status.announces_list(page, v.start))
        # a report's dates are the reported sending's; a plan or request beside it has its own
        usual = st.status == sending_status.document_status(doc_facts, named=False).status
        others = _other_items(page, sc) + ([] if english else _unrelated_sentences(page, doc, sc, english))
        start, end, duration = _when(page, dates, [sc.item, sc.article] if usual else [sc.item],
                                     whole=english and usual, others=others)
        a = min(v.start, h0)
        z = max(tok_end(doc, v.end_tok - 1), h0 + len(hit.count.evidence.quote))
        out.append(sending_status.apply(Secondment(
            kind=kind, count=hit.count.value, from_unit=from_unit, to_unit=to_unit, position=position,
            start=start, end=end, duration_months=duration,
            evidence=Evidence(page=page.number, quote=page.text[a:z], start=a, confidence=page.ocr_confidence)), st))
    kept = []
    for i, s in enumerate(out):
        w = whole_of.get(i)
        if w == -1 or (w is not None and whole_of.get(w) != -1):
            continue  # a whole that gave way to its parts, or a part of a whole kept
        if w is not None:
            # a part goes where the whole goes, from whom it comes, when it does
            whole = out[w]
            for attr in ("from_unit", "to_unit", "position", "start", "end", "duration_months", "refers_to"):
                if getattr(s, attr) is None:
                    setattr(s, attr, getattr(whole, attr))
        kept.append(s)
    # one headcount stated again is one sending; two of one size from bodies, in fields or to
    # places of their own (`01 công chức thuộc Sở A và 01 công chức thuộc Sở B`, `01 … có chuyên môn
    # về xây dựng và 01 … về tài chính`) are two
    uniq: list[Secondment] = []
    for s in kept:
        if any(u.count == s.count and all(_same_or_unsaid(getattr(u, f), getattr(s, f))
                                          for f in ("from_unit", "position", "to_unit")) for u in uniq):
            continue
        uniq.append(s)
    return uniq


def _same_or_unsaid(a: str | None, b: str | None) -> bool:
    """Unsaid in one, or said alike (`Ủy ban nhân dân xã Tân Lập` and `xã Tân Lập`: the one named
    with its committee or without)."""
    if a is None or b is None:
        return True
    fa, fb = fold_phrase(expand_abbreviations(a)), fold_phrase(expand_abbreviations(b))
    return fa == fb or fa.endswith(" " + fb) or fb.endswith(" " + fa)


# "các sở, ban, ngành đã cử …", "provincial departments have seconded …": the sender is the
# clause's subject, a plural of bodies right before the verb
_SENDER_VI = re.compile(r"((?:[Cc]ác|[Nn]hững)\s+(?:sở|ban|ngành|cơ quan|đơn vị|bộ|huyện|phòng)(?:\s*,\s*(?:sở|ban|ngành|cơ quan|"
                        r"đơn vị))*(?:\s+(?:cấp tỉnh|tỉnh|thành phố|trung ương))?)\s+"
                        r"(?:(?:đã|đều|mới|vừa|chưa|đang|sẽ|tiếp tục|chuẩn bị|khẩn trương)\s+)*$")
_SENDER_EN = re.compile(r"((?:the\s+)?(?:(?:provincial|district|city|central|relevant|other|all|specialised|specialized|"
                        r"line|local|several|some|many|most)\s+){0,2}(?:departments|agencies|ministries|units|provinces)"
                        r"(?:\s+and\s+(?:agencies|units|departments))?)\s+(?:(?:have|has|had|already|also|will)\s+)*"
                        r"(?:to\s+)?$")  # "asked departments to send …": the object of the request sends


def _sender_before(page: Page, doc: Doc, v: Verb, floor: int, english: bool) -> str | None:
    text = squash(page.text[max(floor, v.start - 120):v.start]) + " "
    m = (_SENDER_EN if english else _SENDER_VI).search(text if english else for_matching(text))
    if not m:
        return None
    sender = squash(m.group(1))
    return re.sub(r"^the\s+", "", sender, flags=re.I) if english else sender[:1].lower() + sender[1:]


def _kind_after_noun(page: Page, doc: Doc, hit: CountHit, english: bool) -> Verb | None:
    """`cử thêm 57 công chức biệt phái về …`: the kind the people are named by, right after
    their noun, rather than the general verb's (`cử` says nothing of how they go)."""
    end = (hit.count.evidence.start or 0) + len(hit.count.evidence.quote)
    # or after their field, in the same clause (`08 công chức lĩnh vực đất đai, Sở Xây dựng cử 05
    # công chức lĩnh vực xây dựng biệt phái về các xã`: both are sent so)
    stop = re.search(r";|\.\s", page.text[end:end + _KIND_REACH])
    reach = end + (stop.start() if stop else _KIND_REACH)
    for v in page_verbs(page, doc, english):
        if v.weak or not end <= v.start <= reach:
            continue
        if v.start <= end + 2:
            return v
        # after the field only (`… lĩnh vực đất đai, Sở Xây dựng cử 05 … biệt phái về`); not a
        # verb that sends others, after a task of their own (`cử 03 viên chức tham gia Đoàn
        # kiểm tra … đề xuất điều động bác sĩ về …`)
        if _field_opens().match(page.text, end) and _going_after(page, doc, v, english):
            return v
    return None


@lru_cache(maxsize=1)
def _field_opens() -> re.Pattern[str]:
    """A headcount's field opening right after it (`lĩnh vực đất đai`, `có chuyên môn …`)."""
    return re.compile(r"\s*(?:" + cue_pattern("field_qualifier") + "|" + cue_pattern("field_opener") + r")\s")


_KIND_REACH = 150


def _going_after(page: Page, doc: Doc, v: Verb, english: bool) -> bool:
    return _goes_somewhere(page.text[tok_start(doc, v.end_tok) if v.end_tok < len(doc) else len(page.text):][:40],
                           english)


# adverbs between a sending body and its verb (`Sở Xây dựng đã cử`, `… khẩn trương cử`), word by word
_SENDING_ADVERB_WORDS = frozenset(w for a in SENDING_ADVERBS for w in a.split())


def _body_sending(page: Page, doc: Doc, v: Verb, floor: int) -> str | None:
    """`Giao Sở Nông nghiệp và Môi trường cử thêm 08 …, Sở Xây dựng cử 05 …`: the one body
    named right before the verb is who sends (a tester's notice)."""
    verb_tok = token_at(doc, v.start)
    k = verb_tok
    while k > 0 and doc[k - 1].text.lower() in _SENDING_ADVERB_WORDS:
        k -= 1
    for start in range(k - 1, max(-1, k - 13), -1):
        if tok_start(doc, start) < floor:
            break
        if doc[start].text[:1].isupper() and body_end(doc, start, allow_level_start=False) == k:
            # the clause's subject: after its opening, a comma, or the word that assigns it (`Giao
            # Sở A cử …, Sở B cử …`); not a body inside another's words (`các đơn vị thuộc Ủy ban
            # nhân dân tỉnh cử`, `đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh tăng cường`)
            before = doc[start - 1].text.lower() if start > 0 and tok_start(doc, start - 1) >= floor else ""
            words = tuple(t.text.lower() for t in doc[max(0, start - 2):start])
            if before and not (doc[start - 1].is_punct or any(words[-len(cue):] == cue for cue in ASSIGNING)):
                return None
            name = body_text(doc, start, k)
            if is_subunit(name) or _province_committee().match(for_matching(name)):
                return None  # (`Ủy ban nhân dân tỉnh đã biệt phái …`: it decides; its departments send)
            return for_matching(name)
    return None


@lru_cache(maxsize=1)
def _province_committee() -> re.Pattern[str]:
    """A province's (or a centrally run city's) People's Committee."""
    return re.compile(r"(?i)(?:ủy ban nhân dân|ubnd)\s+" + levels_re(("tỉnh", "thành phố")) + r"\b")


def _asked_party(page: Page, v: Verb) -> str | None:
    """`đề nghị các sở, ban, ngành và các đơn vị … cử 58 công chức`: the bodies a request asks to
    send, when they are addressed collectively (`các …`, `những …`); without a request, such a
    collective subject opening the clause (`1. Các sở, ban, ngành, Ban Quản lý … cử 126 …`)."""
    cue = request_cue_before(page, v.start)
    if cue is None:
        start = sentence_start(page.text, v.start)
        party = re.sub(r"^[\s\d.)\-+•]*", "", squash(page.text[start:v.start])).strip(" ,")
    else:
        m = request_pattern().match(for_matching(page.text[cue:v.start]).lower())
        if m is None:
            return None
        party = squash(page.text[cue + m.end():v.start]).strip(" ,")
    if not re.match(r"(?:các|những)\s", party, re.I) or len(party.split()) > 30 or re.search(r"[;:.]", party):
        return None
    return party[:1].lower() + party[1:]


def _from_phrase(page: Page, hit: CountHit, b: int, hits: list[CountHit], english: bool) -> str | None:
    """`… của 14 sở, ban, ngành cấp tỉnh`, `from 14 provincial departments`."""
    s = (hit.count.evidence.start or 0) + len(hit.count.evidence.quote)
    window = page.text[s:b]
    m = re.match(r"\s*" + cue_pattern("qualifier") + r"\s+" + not_a_date(), window)
    if not m:
        # after the post they hold, before where they go (`12 công chức giữ chức vụ trưởng phòng của
        # các sở, ban, ngành về 06 xã …`): `của`/`thuộc` within the clause, no stop before it
        m = _POST_THEN_BODY.match(window)
    if not m:
        return None  # (`02 công chức từ ngày 15/11/2025`: when, not whence)
    start = s + m.end()
    for h in hits:
        if h.count.evidence.start == start:
            return squash(h.count.evidence.quote)
    # the body ends where another headcount starts (`thuộc Sở A và 01 công chức thuộc Sở B`)
    b = min([b] + [h.count.evidence.start for h in hits if h.count.evidence.start is not None
                   and start < h.count.evidence.start < b])
    rest = re.match(r"([^,.;]+?)(?=\s+(?:to|về|đến|tới|cho|tại|và|and)\s*$|\s+(?:to|về|đến|tới|cho|tại)\s|\s+(?:và|and)\s+\d|\s*\(|[,.;]|$)",
                    page.text[start:b])
    if not rest:
        return None
    # bodies named together (`các sở, ngành`, `các sở, ban, ngành`): the comma is theirs
    more = _BODIES_TOGETHER.match(page.text, start + rest.end(1), b) if re.match(r"(?:các|những)\s", rest.group(1)) \
        else None
    return squash(rest.group(1) + (more.group() if more else ""))


# `của`/`thuộc` after a post (no stop before it, nor a destination's word), then the body
# (bodies addressed together only: after a post, `của Sở` is often the post's own body, and `theo
# chỉ đạo của Chủ tịch …` no body's)
_POST_THEN_BODY = re.compile(r"(?:(?!\s(?:về|đến|tới|cho|tại|to)\s)[^.;:,\n]){0,60}?\s(?:của|thuộc)\s+(?=các\s|những\s)")
_BODIES_TOGETHER = re.compile(r"(?:,\s*(?:ban|ngành|đoàn thể|địa phương)\b)+")


@lru_cache(maxsize=1)
def _place_at_end() -> re.Pattern[str]:
    return re.compile(r"\s+(" + levels_re(COMMUNE_LEVELS) + r"\s+[A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*)*)$")


@lru_cache(maxsize=1)
def _bare_place() -> re.Pattern[str]:
    return re.compile(r"^(" + levels_re(COMMUNE_LEVELS) + r")\s+(\S.*)$", re.I)


@lru_cache(maxsize=1)
def _specks_before_place() -> re.Pattern[str]:
    """A copy's specks read before the commune in its cell (`h Xã Nậm Hàng`, `4" Sẽ Xã Tủa Sín Chải`)."""
    return re.compile(r"^(?:\S{1,2}\s+){1,2}(?=" + levels_re(COMMUNE_LEVELS) + r"\s)", re.I)


def _destination(cell: str, pages: list[Page]) -> str:
    """`Xã Mường Khoa` → `Ủy ban nhân dân xã Mường Khoa` when the decision sends people to the
    communes' People's Committees (`… đến làm việc tại Ủy ban nhân dân các xã`)."""
    cell = expand_abbreviations(for_matching(squash(cell)))
    m = _bare_place().match(_specks_before_place().sub("", cell))
    if not m:
        return cell
    said = any(re.search(r"ủy ban nhân dân (?:các )?" + levels_re(COMMUNE_LEVELS), for_matching(p.text).lower())
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


_LIST_TITLE = re.compile(r"DANH S[AÁ]CH|danh sách (?:kèm theo|như sau)")


# how far after its label a period's dates stand (`Thời gian tăng cường: từ ngày 05 tháng 01 năm
# 2026 đến hết ngày 04 tháng 7 năm 2026`)
_LABELLED_REACH = 160
# what may stand before a label on its line: an article's or item's mark
_LINE_OPENING = re.compile(r"\s*(?:điều\s+\d{1,2}\s*[.:]\s*|\d{1,2}\s*[.)]\s*|[-+•]\s*|[a-zđ]\)\s*)?")


def _line_labelled_periods(page: Page, dates: list[DateFact]) -> Iterator[tuple[int, str | None, str | None]]:
    """(the line's start, start date, end date) of each period label that opens its line and
    states a date (`Thời gian biệt phái: 12 tháng, từ ngày … đến ngày …`). A label that opens its
    line or article states the period for all; one inside a sentence is that sentence's (a
    person's own, a preamble's plan, an ending's)."""
    low = for_matching(page.text).lower()
    for m in _period_labels().finditer(low, body_start(page)):
        line_start = low.rfind("\n", 0, m.start()) + 1
        if not _LINE_OPENING.fullmatch(low[line_start:m.start()]):
            continue
        start, end = _dates_in(dates, page.number, m.start(), m.end() + _LABELLED_REACH)
        if start is not None or end is not None:
            yield line_start, start, end


def _named_take_labelled_period(pages: list[Page], found: list[Secondment], dates: list[DateFact],
                                language: str) -> None:
    """People sent in one article with no dates of their own take the period a label states in
    another (`Điều 2. Thời gian tăng cường: từ ngày … đến hết ngày …`, a tester's decision): the
    first labelled period of the document, where it states a date."""
    bare = [s for s in found if s.person and (s.start is None or s.end is None)]
    if not bare or language == "en":
        return
    for page in pages:
        for _, start, end in _line_labelled_periods(page, dates):
            if start and end and end < start:
                end = None
            for s in bare:
                # what the person's own words left open (`từ ngày 20/10/2025` in the list's intro,
                # then `Thời gian biệt phái … là 12 tháng, đến hết ngày 19/10/2026`)
                new_start, new_end = s.start or start, s.end or end
                if new_start and new_end and new_end < new_start:
                    continue
                s.start, s.end = new_start, new_end
                if s.duration_months is None and new_start and new_end:
                    s.duration_months = months_between(new_start, new_end)
            return


_NUMBERED_ITEM = re.compile(r"^[ \t]*\d{1,2}[.)]\s", re.M)


def _listed_headcounts_share_a_labelled_period(pages: list[Page], counted: list[Secondment], dates: list[DateFact],
                                               language: str) -> None:
    """Headcounts listed one a line (`- Sở A cử 03 …;` … `- Sở D cử 01 …`), then the period on a
    line of its own under the list (`Thời gian biệt phái: 12 tháng, từ ngày … đến ngày …`): it
    was read as the last item's only. Each headcount of the list above it with no dates of its
    own, in the same article and as the one that took it (status, action), takes it too."""
    if language == "en":
        return
    for page in pages:
        for line_start, start, end in _line_labelled_periods(page, dates):
            # the article, or the numbered item, the label closes (`1. Giao … cụ thể:` `- …` `Thời gian …`)
            article = max([a.start() for a in _ARTICLE.finditer(page.text, 0, line_start)]
                          + [n.start() for n in _NUMBERED_ITEM.finditer(page.text, 0, line_start)], default=0)
            above = [c for c in counted if c.evidence.page == page.number and c.evidence.start is not None
                     and article <= c.evidence.start < line_start]
            took = [c for c in above if (c.start, c.end) == (start, end)]
            if not took:
                continue
            for c in above:
                if c.start is None and c.end is None and (c.status, c.action) == (took[0].status, took[0].action):
                    c.start, c.end = start, end
                    if c.duration_months is None:
                        c.duration_months = took[0].duration_months


def _listed_take_stated_period(pages: list[Page], found: list[Secondment], dates: list[DateFact]) -> None:
    """People read from a DANH SÁCH whose cells ingestion could not split (so read as names, not
    rows) take the period the decision states, as table rows do."""
    bare = [s for s in found if s.person and s.start is None and s.end is None and s.evidence.start is not None]
    if not bare:
        return
    title_at: dict[int, int] = {}
    for page in pages:
        m = _LIST_TITLE.search(page.text)
        if m:
            title_at[page.number] = m.start()
    if not title_at:
        return
    first = min(title_at)
    start, end, months = _stated_period(pages, dates)
    if start is None and end is None:
        return
    for s in bare:
        page_no, at = s.evidence.page, s.evidence.start or 0
        if page_no > first or (page_no == first and at > title_at[first]):
            s.start, s.end = start, end
            if s.duration_months is None:
                s.duration_months = months if months is not None else (
                    months_between(start, end) if start and end else None)


def table_secondments(pages: list[Page], doc_facts: DocumentFacts, dates: list[DateFact]) -> list[Secondment]:
    doc_kind = kind_in(doc_facts.subject)
    year = int(doc_facts.issued_date[:4]) if doc_facts.issued_date else None
    rows = find_list_rows(pages)
    st = sending_status.document_status(doc_facts, named=True)
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
        frm = listed_position_unit(row.cells)[1]
        name = squash(row.cells["name"])
        field = row.cells.get("field") or None
        if row.cells.get("to_position_unit"):
            # the post and the body gone to in one cell: `Chủ tịch UBND xã Đầm Hà`
            post, body = listed_position_unit({"position_unit": row.cells["to_position_unit"]})
            place = _place_at_end().search(post or "") if body is None else None
            if place:
                # a commune's post named with its commune, no body (`Công chức Tư pháp - Hộ tịch
                # xã Quảng Hà`): the commune is where the person goes
                post, body = post[:place.start()], place.group(1)
            to, field = to or body, field or post
        if page.ocr_confidence is not None:
            name = repair_ocr_name(name)
            # a cell's words OCR made no word (`Ytế`: the narrow space lost)
            field = mend_non_words(field) if field else None
            frm = mend_non_words(frm) if frm else frm
        out.append(sending_status.apply(Secondment(
            kind=doc_kind or kind_in(row.heading) or "secondment", person=name,
            from_unit=for_matching(frm) if frm else None, to_unit=_destination(to, pages) if to else None,
            position=field, start=start, end=end, duration_months=months,
            evidence=Evidence(page=row.page, quote=page.text[row.name_start:row.name_start + len(row.name_quote)],
                              start=row.name_start, confidence=page.ocr_confidence)), st))
    return out


def extract_secondments(pages: list[Page], docs: list[Doc], mentions: list[Mention], people: list[Person],
                        hits: list[list[CountHit]], doc_facts: DocumentFacts, dates: list[DateFact],
                        language: str, references: list[Reference] = ()) -> list[Secondment]:
    """Every sending the text states, each with its status and action (status.py)."""
    named = named_secondments(pages, docs, mentions, people, doc_facts, dates, language, references)
    listed = table_secondments(pages, doc_facts, dates)
    if listed:
        keys = {fold_phrase(s.person or "") for s in listed}
        named = [s for s in named if fold_phrase(s.person or "") not in keys] + listed
    _listed_take_stated_period(pages, named, dates)
    _named_take_labelled_period(pages, named, dates, language)
    counted = count_secondments(pages, docs, hits, doc_facts, dates, language, references)
    _listed_headcounts_share_a_labelled_period(pages, counted, dates, language)
    if not named:
        return counted
    # a headcount that introduces the named people is theirs; one the document treats otherwise
    # (a plan or request beside a decision's names) is a sending of its own
    done = {(s.status, s.action) for s in named}
    _named_take_stated_body(named, counted)
    return named + [s for s in counted if (s.status, s.action) not in done]


_PLURALS = frozenset({"các", "những", "mọi", "the"})


def _named_take_stated_body(named: list[Secondment], counted: list[Secondment]) -> None:
    """`Biệt phái 04 công chức thuộc Sở Nông nghiệp và Môi trường … (có danh sách kèm theo)`: a
    person listed with no body of their own (a row naming only a department, `Phó Trưởng phòng
    Quản lý đất đai`) comes from the one body the headcount that introduces them names."""
    for s in named:
        if s.from_unit is not None:
            continue
        bodies = {c.from_unit for c in counted if (c.status, c.action) == (s.status, s.action) and c.from_unit}
        if len(bodies) == 1:
            body = next(iter(bodies))
            # one body, not a department of one nor many bodies (`các sở`)
            if not is_subunit(body) and body.split()[0].lower() not in _PLURALS:
                s.from_unit = body
