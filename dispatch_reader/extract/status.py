"""What a document does with each sending it states, and what the sending does to the people.

Status (record.SendingStatus):
- `decided`: this document sends, extends or ends it (a decision; a dispatch naming the people
  it sends itself);
- `requested`: it asks or directs others to send (`đề nghị các sở cử 64 công chức`, a tờ trình,
  a dispatch or telegram setting a headcount the departments fill: who goes is decided later);
- `planned`: a plan's target (`tăng cường 120 công chức` in a KẾ HOẠCH, `dự kiến cử`, `plans to`);
- `reported`: a report, notice or reply states a sending decided elsewhere (`đã cử 46/52`,
  `các sở đang chuẩn bị 64 người`, `đã ban hành Quyết định số … điều động …`).

How it is decided for one statement (a sending verb with its person or headcount): the cue
nearest before the verb in its sentence wins (request verbs of request_cues.txt, planned and
reported cues of status_cues.tsv); without one, the document type decides (status_defaults.tsv),
for named people and for bare headcounts apart. A dispatch's headcount is `decided` when the
issuer itself is the clause's sender (`Sở Nội vụ cử 02 công chức sau đây`).

English press reports stand for the document they report (their header is that document's), so
the same table applies; the reporter's tense (`has seconded`, `were seconded`) is not the
document's, so past-tense cues are Vietnamese only, while `plans to`, `asked … to send` and
`proposed` count in English too.

Action (record.SendingAction): `end` or `extend` when an action cue stands right before the verb
(`chấm dứt biệt phái`, `gia hạn thời gian biệt phái`; action_cues.tsv), else `send`.

`refers_to`: for reported sendings, extensions and endings, the document number cited in the
statement's sentence (`theo Quyết định số 2214/QĐ-UBND`), else the last document the text cites
about a sending (`Căn cứ Quyết định số 318/QĐ-SNNMT … về việc biệt phái …`).

Counts (`count_status`): a figure carries the status of the sending whose people it counts —
the verb right before or after it (`cử 58 công chức`, `38/56 công chức được cử`), else the
nearest sending verb earlier in its sentence unless a staff cue stands right before the number
(`hiện có 46 công chức`, `còn thiếu 71`), never after a limit (`không quá 05 công chức`), else the sending figure before it when its sentence
opens with a part cue (`Trong đó: Sở Xây dựng 21 người`, `Số còn lại 16 người`), else a figure
of people said (not) to have arrived. Any other figure counts no one sent: status None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.kinds import (
    ADDRESSEE_LINE, SENTENCE_STOP, Verb, kind_in, page_verbs, recalled_before, request_cue_before, sentence_start,
)
from dispatch_reader.extract.nlp import token_at
from dispatch_reader.extract.tables import column_field
from dispatch_reader.extract.textutil import Page, fold_phrase
from dispatch_reader.record import Count, DocumentFacts, Reference, Secondment
from dispatch_reader.textnorm import for_matching

STATUSES = ("decided", "requested", "planned", "reported")
_LEGAL = re.compile(r"/(?:19|20)\d{2}/")  # 170/2025/NĐ-CP: a law or decree, never what is reported


@lru_cache(maxsize=1)
def _defaults() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in resources.rows("status_defaults.tsv")}


def default_status(doc_type: str | None, *, named: bool) -> str:
    """What a document of this type does with a sending when no cue word says otherwise."""
    table = _defaults()
    named_status, count_status_ = table.get(doc_type or "other", table["other"])
    return named_status if named else count_status_


def _alternation(cues: Sequence[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in sorted(set(cues), key=len, reverse=True))


@lru_cache(maxsize=1)
def _status_res() -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern, status, where) for the cues of status_cues.tsv, on lower-case matching text."""
    by: dict[tuple[str, str], list[str]] = {}
    for row in resources.rows("status_cues.tsv"):
        by.setdefault((row[1], row[2]), []).append(for_matching(row[0]).lower())
    return [(re.compile(r"(?<!\w)(?:" + _alternation(cues) + r")(?!\w)"), status, where)
            for (status, where), cues in by.items()]


@lru_cache(maxsize=1)
def _action_re() -> list[tuple[re.Pattern[str], str]]:
    by: dict[str, list[str]] = {}
    for row in resources.rows("action_cues.tsv"):
        by.setdefault(row[1], []).append(for_matching(row[0]).lower())
    return [(re.compile(r"(?<!\w)(?:" + _alternation(cues) + r")(?!\w)"), action) for action, cues in by.items()]


@lru_cache(maxsize=1)
def _count_cues() -> dict[str, re.Pattern[str]]:
    by: dict[str, list[str]] = {}
    for row in resources.rows("count_status_cues.tsv"):
        by.setdefault(row[1], []).append(for_matching(row[0]).lower())
    return {role: re.compile(r"(?<!\w)(?:" + _alternation(cues) + r")(?!\w)") for role, cues in by.items()}


def part_cue() -> re.Pattern[str] | None:
    """The cues that open the parts of a figure stated before (`trong đó`, `cụ thể`, `gồm`), on
    lower-case matching text."""
    return _count_cues().get("part")


# up to three words between an action word and the verb: "gia hạn thời gian biệt phái",
# "chấm dứt việc biệt phái", "end the secondment of"
_GAP = re.compile(r"^(?:\s+[^\W\d_]+){0,3}\s*$")
_NEAR = re.compile(r"^(?:\s*[^\W\d_]+){0,3}\s*$")
_VIETNAMESE_ONLY = {"reported"}  # past-tense cues: a reporter's English tense is not the document's


# the word that says people are where a verb puts them, right before it (`đang biệt phái`)
_STATE_AT_END = re.compile(r"\sđang\s*$")


@dataclass(frozen=True)
class Status:
    status: str
    action: str = "send"
    refers_to: str | None = None


def action_at(page: Page, verb_start: int, floor: int = 0) -> str:
    """`end` / `extend` when an action word stands right before the verb, else `send`."""
    a = max(sentence_start(page.text, verb_start, floor), verb_start - 60)
    low = for_matching(page.text[a:verb_start]).lower()
    best: tuple[int, str] | None = None
    for pattern, action in _action_re():
        for m in pattern.finditer(low):
            if _GAP.match(low[m.end():]) and (best is None or m.start() > best[0]):
                best = (m.start(), action)
    state = _STATE_AT_END.search(low)
    if best is None and state and recalled_before(low[:state.start() + 1]):
        return "end"  # `Rút 02 viên chức đang biệt phái …`: recalled from where they are
    return best[1] if best else "send"


def _issuer_sends(clause: str, doc_facts: DocumentFacts) -> bool:
    """The issuer is the clause's subject: `Sở Nội vụ cử …` in a dispatch of the Sở Nội vụ (not
    `các đơn vị thuộc Ủy ban nhân dân tỉnh cử …`, where it is named inside another subject)."""
    if not doc_facts.issuer:
        return False
    name = fold_phrase(doc_facts.issuer)
    name = re.sub(r"\s+(?:tinh|thanh pho)\s+.*$", "", name) if name.startswith("uy ban") else name
    opening = re.sub(r"^[\s\d.)\-+•]*", "", fold_phrase(clause))
    return bool(name) and (opening == name or opening.startswith(name + " "))


# (the list's first item, or a table's row of headings: `STT | Họ và tên | …`)
_LIST_AHEAD = re.compile(r"^[^.;\n]*(?:\n[^.;\n]*){0,2}?:[ \t]*\n[ \t]*(?:[-+•]|\d{1,2}[.)]|(?P<row>[^\n|]{1,40} \| [^\n]*))")


def announces_list(page: Page, pos: int) -> bool:
    """The statement at pos introduces a list of the people it counts (`cử 02 công chức sau đây
    đến …:` then `- Ông …`, or a table with a column of names): its headcount is those named
    people's. A table of bodies and figures (`STT | Đơn vị cử | Số lượng`) names nobody."""
    m = _LIST_AHEAD.match(page.text[pos:pos + 400])
    if m is None:
        return False
    return m["row"] is None or any(column_field(cell) == "name" for cell in m["row"].split("|"))


def status_at(page: Page, verb_start: int, doc_facts: DocumentFacts, language: str, *, named: bool,
              floor: int = 0, requests_only: bool = False) -> str:
    """The status of the sending whose verb starts at `verb_start` (see the module's doc)."""
    a = sentence_start(page.text, verb_start, floor)
    clause = page.text[a:verb_start]
    best: tuple[int, str] | None = None
    request = request_cue_before(page, verb_start, floor)
    if request is not None:
        best = (request, "requested")
    best = _status_cue(page.text, a, verb_start, language, best)
    if best is None and page.text[:a].rstrip().endswith(";") and clause.strip()[:1].isupper() \
            and len(clause.split()) <= _SUBJECT_WORDS:
        # a body and its verb after a semicolon (`giao Sở A cử 02 …, Sở B cử 01 …; Sở C cử 02 …`):
        # the sentence's word that assigns or asks governs it as it governs the others; a word of
        # another status belongs to its own clause's verb (`… đã được cử …; Sở C cử …`)
        whole = max(_sentence_of(page.text, verb_start), floor)
        assigned = _status_cue(page.text, whole, verb_start, language, None)
        best = assigned if assigned is not None and assigned[1] == "requested" else None
    if doc_facts.doc_type == "submission" or document_asks(doc_facts):
        return "requested"  # a tờ trình proposes; a request asks for all it names
    if best is not None and not requests_only:
        if best[1] == "requested" and doc_facts.doc_type == "decision" and named:
            return "decided"  # "giao … biệt phái ông X" in a decision still decides
        return best[1]
    status = default_status(doc_facts.doc_type, named=named)
    if status == "requested" and not named and _issuer_sends(clause, doc_facts):
        return "decided"
    return status


# a clause's subject before its verb, at most (`Sở Nông nghiệp và Môi trường`)
_SUBJECT_WORDS = 12


def _status_cue(text: str, a: int, verb_start: int, language: str,
                best: tuple[int, str] | None) -> tuple[int, str] | None:
    """The last status cue in text[a:verb_start] (page offset, status), or `best` if it is later."""
    low = for_matching(text[a:verb_start]).lower()
    for pattern, status, where in _status_res():
        if language == "en" and status in _VIETNAMESE_ONLY:
            continue
        for m in pattern.finditer(low):
            if where == "near" and not _NEAR.match(low[m.end():]):
                continue
            if best is None or a + m.start() > best[0]:
                best = (a + m.start(), status)
    return best


def document_asks(doc_facts: DocumentFacts) -> bool:
    """A công văn whose subject opens with a request (`V/v đề nghị tăng cường …`) asks."""
    from dispatch_reader.extract.kinds import document_requests

    return doc_facts.doc_type != "submission" and document_requests(doc_facts)


def _reference_text(page_text: str, ref: Reference) -> str:
    start = ref.evidence.start or 0
    tail = page_text[start:start + 260]
    cut = re.search(r";|\.\s|\n\s*\n|:\s*\n", tail)
    return tail[:cut.start()] if cut else tail


def refers_to(pages: Sequence[Page], page: Page, verb_start: int, references: Sequence[Reference],
              doc_facts: DocumentFacts, floor: int = 0) -> str | None:
    """The document a reported sending, an extension or an ending refers to (module doc)."""
    own = fold_phrase(doc_facts.number or "")
    usable = [r for r in references if not _LEGAL.search(r.number) and fold_phrase(r.number) != own]
    a = sentence_start(page.text, verb_start, floor)
    end = re.search(rf"{SENTENCE_STOP}|\n\s*\n", page.text[verb_start:])
    b = verb_start + (end.start() if end else len(page.text) - verb_start)
    inside = [r for r in usable if r.evidence.page == page.number and r.evidence.start is not None
              and a <= r.evidence.start < b]
    if inside:
        return min(inside, key=lambda r: abs((r.evidence.start or 0) - verb_start)).number
    texts = {p.number: p.text for p in pages}
    about = [r for r in usable if r.evidence.page in texts
             and kind_in(_reference_text(texts[r.evidence.page], r))]
    return about[-1].number if about else None


def statement(pages: Sequence[Page], page: Page, verb_start: int, doc_facts: DocumentFacts,
              references: Sequence[Reference], language: str, *, named: bool, floor: int = 0) -> Status:
    """Status, action and the document referred to, for one sending statement."""
    status = status_at(page, verb_start, doc_facts, language, named=named, floor=floor)
    action = action_at(page, verb_start, floor)
    ref = None
    if status == "reported" or action != "send":
        ref = refers_to(pages, page, verb_start, references, doc_facts, floor)
    return Status(status, action, ref)


def document_status(doc_facts: DocumentFacts, *, named: bool) -> Status:
    """For entries with no verb of their own (DANH SÁCH rows): the document's status, and the
    action its subject opens with (`Về việc gia hạn thời gian biệt phái …`)."""
    status = "requested" if doc_facts.doc_type == "submission" or document_asks(doc_facts) else \
        default_status(doc_facts.doc_type, named=named)
    action = "send"
    subject = for_matching(doc_facts.subject or "").lower()
    subject = re.sub(r"^(?:v\s?/\s?v|về việc)\s*", "", subject)
    for pattern, act in _action_re():
        m = pattern.match(subject)
        if m:
            action = act
            break
    return Status(status, action)


def apply(s: Secondment, st: Status) -> Secondment:
    s.status, s.action, s.refers_to = st.status, st.action, st.refers_to
    if st.action == "end" and s.start and not s.end:
        s.start, s.end = None, s.start  # "chấm dứt … kể từ ngày 01/12/2025": the day it ends
        s.duration_months = None
    return s


# -- counts -------------------------------------------------------------------------------------

_AUX = {"được", "đã", "chưa", "đều", "vừa", "mới", "sẽ", "đang", "were", "was", "been", "have", "has", "had",
        "be", "being", "are", "is", "will", "not", "already", "also"}


_FULL_STOP = re.compile(rf"\.(?=\s)|:\s*\n|{ADDRESSEE_LINE}|\n(?=[ \t]*(?:[-+•]|\d{{1,2}}[.)]|[a-zđ]\))\s)")


def _sentence_of(text: str, pos: int) -> int:
    """Start of the full sentence (`.`, not `;`) holding pos, or of its list item."""
    base = max(0, pos - 500)
    start = base
    for m in _FULL_STOP.finditer(text, base, pos):
        start = m.end()
    return start


@dataclass
class _Sending:
    status: str
    action: str
    start: int  # page offset of the figure


def count_status(pages: Sequence[Page], docs: Sequence[Doc], hits: Sequence[Sequence[object]],
                 doc_facts: DocumentFacts, secondments: Sequence[Secondment], language: str,
                 person_nouns: frozenset[str]) -> None:
    """Set `status` and `action` on every count (in place); see the module's doc."""
    english = language == "en"
    by_quote = {(s.evidence.page, s.evidence.start): s for s in secondments if s.count is not None}
    cues = _count_cues()
    for page, doc, page_hits in zip(pages, docs, hits):
        verbs = page_verbs(page, doc, english)
        earlier: list[_Sending] = []
        for h in page_hits:
            c: Count = h.count  # type: ignore[attr-defined]
            pos = c.evidence.start or 0
            what = fold_phrase(c.what)
            people = any(what == n or what.startswith(n + " ") for n in person_nouns) or \
                (english and any(n in what for n in person_nouns))
            if not people and kind_in(c.what) is None:
                continue
            st = _figure_status(page, doc, verbs, h, doc_facts, language, cues, earlier, by_quote)
            if st is None:
                continue
            c.status, c.action = st
            earlier.append(_Sending(st[0], st[1], pos))


def _figure_status(page: Page, doc: Doc, verbs: list[Verb], hit: object, doc_facts: DocumentFacts, language: str,
                   cues: dict[str, re.Pattern[str]], earlier: list[_Sending],
                   by_quote: dict[tuple[int, int | None], Secondment]) -> tuple[str, str] | None:
    c: Count = hit.count  # type: ignore[attr-defined]
    tok0, tok1 = hit.tok  # type: ignore[attr-defined]
    pos = c.evidence.start or 0
    text = page.text
    lead = for_matching(text[max(0, pos - 30):pos]).lower()
    if cues.get("limit") and re.search(r"(?:" + cues["limit"].pattern + r")\s*$", lead):
        return None  # a ceiling set by a rule counts no one sent
    # a headcount statement read as a secondment: its status
    for (pg, start), s in by_quote.items():
        if pg == page.number and s.count == c.value and start is not None and start <= pos < start + len(s.evidence.quote):
            return s.status, s.action
    # the verb right before the number (`cử 58 …`, `biệt phái đối với 02 công chức`) or right
    # after its noun (`38/56 công chức được cử`, `06 người chưa cử`)
    for v in verbs:
        if 0 <= tok0 - v.end_tok <= 3 and all(doc[t].text.lower() in {"đối", "với", "thêm", "đủ", "đến", "for",
                                                                       "of", "about", "some", "nearly", "over"}
                                               for t in range(v.end_tok, tok0)):
            return _verb_status(page, v, doc_facts, language)
        vt = token_at(doc, v.start)
        gap = [doc[t].text.lower() for t in range(tok1, vt)]
        if 0 <= len(gap) <= 3 and all(w in _AUX for w in gap) and vt >= tok1:
            return _verb_status(page, v, doc_facts, language)
    if cues.get("staff") and re.search(r"(?:" + cues["staff"].pattern + r")\s*$", lead):
        return None
    s0 = _sentence_of(text, pos)
    before = [v for v in verbs if s0 <= v.start < pos]
    if before:
        return _verb_status(page, before[-1], doc_facts, language)
    opening = for_matching(text[s0:pos]).lower().lstrip(" \t\n-+•0123456789.)")
    if cues.get("part") and cues["part"].match(opening) and earlier and pos - earlier[-1].start < 800:
        return earlier[-1].status, earlier[-1].action
    end = re.search(rf"{SENTENCE_STOP}|\n\s*\n", text[pos:])
    tail = for_matching(text[pos:pos + (end.start() if end else 160)]).lower()
    if cues.get("arrival") and cues["arrival"].search(tail):
        return status_at(page, pos, doc_facts, language, named=False), "send"
    if kind_in(c.what):  # a figures column headed by a sending verb ("Được tăng cường")
        return status_at(page, pos, doc_facts, language, named=False), "send"
    return None


def _verb_status(page: Page, v: Verb, doc_facts: DocumentFacts, language: str) -> tuple[str, str]:
    named = announces_list(page, v.start)
    return status_at(page, v.start, doc_facts, language, named=named), action_at(page, v.start)
