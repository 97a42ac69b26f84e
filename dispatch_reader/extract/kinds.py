"""Which verb sends people, what kind of sending it is, and whether the text sends at all.

Kinds: the verb that governs a person or a headcount decides (`điều động` → transfer), unless the
document's subject opens with a kind (`Về việc biệt phái …`, `reinforcing staff …`: then the
whole document is that kind, whatever form the body names). General verbs (`cử`, `send`,
`huy động`) are *weak*: they take the subject's kind when it names one.

Requests: a commune asking for staff, a tờ trình proposing a secondment, a province asking its
departments to send (`đề nghị các sở cử …`) send nobody yet: their sendings are `requested`
(status.py). A statement is a request when a request verb (`đề nghị`, `kính trình`, `đề xuất`,
`proposed`) stands earlier in its sentence; `theo đề nghị của …` (at the request of) is a noun,
not a request. Verbs, strengths and request cues are data (secondment_kinds.tsv, request_cues.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.nlp import tok_start, token_at
from dispatch_reader.extract.textutil import Page, fold_phrase, squash
from dispatch_reader.record import DocumentFacts
from dispatch_reader.textnorm import for_matching


@dataclass(frozen=True)
class Verb:
    start: int  # page offset
    end_tok: int  # index of the token after the verb
    kind: str
    weak: bool


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, bool]]:
    """folded verb → (kind, weak)."""
    out = {}
    for row in resources.rows("secondment_kinds.tsv"):
        out[fold_phrase(row[0])] = (row[1], len(row) > 2 and row[2] == "weak")
    return out


def kinds() -> dict[str, str]:
    return {w: k for w, (k, _) in _table().items()}


# the words that give a body its task, as tokens (`Giao Sở A cử …`, `đề nghị Sở B cử …`, `chỉ đạo
# Sở C biệt phái …`)
ASSIGNING = (("giao",), ("đề", "nghị"), ("yêu", "cầu"), ("chỉ", "đạo"))
# adverbs between a sending body and its verb (`Sở Xây dựng đã cử`, `… khẩn trương cử`)
SENDING_ADVERBS = ("đã", "sẽ", "đều", "tiếp tục", "khẩn trương", "chủ động")


@lru_cache(maxsize=1)
def _sender_clause() -> re.Pattern[str]:
    """A clause that is a body and its sending verb (folded), nothing after: `so noi vu cu`,
    `so xay dung da cu them`."""
    verbs = "|".join(re.escape(w) for w in sorted(_table(), key=len, reverse=True))
    adverbs = "|".join(re.escape(fold_phrase(a)) for a in SENDING_ADVERBS)
    return re.compile(rf"^(?P<body>.+?)(?:\s+(?:{adverbs}))*\s+(?:{verbs})(?:\s+them)?$")


def sender_before(text: str) -> tuple[str, ...] | None:
    """The body that opens a clause and sends the headcount right after it, its words folded:
    `Sở Nội vụ cử` (before `01 công chức; Sở Tư pháp cử 01 công chức`). None where the clause
    opens on no capital (`đề nghị cử`) or ends on no sending verb."""
    # (a line's end inside the body's name is no clause's end: `Sở Văn\nhóa … cử 02 …`; a list's item is)
    clause = squash(re.split(r"[;:,.]|\n(?=[ \t]*(?:[-+•]|\d{1,2}[.)])\s)", text)[-1])
    clause = re.sub(r"^[\d\W]+(?=\w)", "", clause)  # an item's label (`1.`, `-`)
    words = clause.split()
    for cue in ASSIGNING:  # the word that gives the body its task (`giao Sở A cử 03 …`)
        if tuple(w.lower() for w in words[:len(cue)]) == cue:
            clause = " ".join(words[len(cue):])
            break
    if not clause[:1].isupper():
        return None
    m = _sender_clause().match(fold_phrase(clause))
    return tuple(m["body"].split()) if m else None


@lru_cache(maxsize=1)
def _folded_verbs() -> re.Pattern[str]:
    words = sorted((w for w in _table() if " " in w), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])")



def page_verbs(page: Page, doc: Doc, english: bool) -> list[Verb]:
    """Every secondment verb on a page, in text order (computed once per page)."""
    cache = doc.user_data.setdefault("_verbs", {})
    if english in cache:
        return cache[english]
    table = _table()
    found: dict[int, Verb] = {}
    for label in ("KIND", "KIND_ASCII"):
        if label == "KIND_ASCII" and not english:
            continue
        for span in doc.spans.get(label, []):
            kind, weak = table.get(fold_phrase(span.text), (None, False))
            if kind:
                found[tok_start(doc, span.start)] = Verb(tok_start(doc, span.start), span.end, kind, weak)
    # OCR may drop one mark of a two-word verb ("tang cường"): the folded form counts too
    for m in _folded_verbs().finditer(page.folded):
        if m.start() not in found:
            kind, weak = table[m.group(0)]
            found[m.start()] = Verb(m.start(), token_at(doc, m.end()), kind, weak)
    verbs = [found[k] for k in sorted(found)]
    cache[english] = verbs
    return verbs


def verbs_between(verbs: list[Verb], a: int, b: int) -> list[Verb]:
    return [v for v in verbs if a <= v.start < b]


def kind_in(text: str | None) -> str | None:
    """The secondment kind named in a text (`Về việc biệt phái …` → secondment); general
    verbs such as `cử` are not kinds."""
    if not text:
        return None
    f = " " + fold_phrase(text) + " "
    for word, (kind, weak) in sorted(_table().items(), key=lambda kv: -len(kv[0])):
        if not weak and f" {word} " in f:
            return kind
    return None


_SUBJECT_LEAD = re.compile(r"^(?:v\s?/\s?v|ve viec|on|about|regarding)?\s*(?:viec\s+)?")


def subject_lead_kind(subject: str | None) -> str | None:
    """The kind a subject opens with (`Về việc luân chuyển cán bộ`, `Tăng cường công chức …`,
    `seconding three civil servants`): it names what the whole document does."""
    if not subject:
        return None
    f = fold_phrase(subject)
    f = f[_SUBJECT_LEAD.match(f).end():]
    for word, (kind, weak) in sorted(_table().items(), key=lambda kv: -len(kv[0])):
        if not weak and (f == word or f.startswith(word + " ")):
            return kind
    return None


def resolve(lead: str | None, subject: str | None, strong: Verb | None, weak: Verb | None) -> str | None:
    """The kind of one statement: the subject's opening kind, else the governing verb's, else the
    subject's, else the general verb's."""
    if lead:
        return lead
    if strong is not None:
        return strong.kind
    return subject or (weak.kind if weak is not None else None)


def request_pattern() -> re.Pattern[str]:
    """The request verbs of request_cues.txt, on lower-case matching text."""
    return _request_re()


@lru_cache(maxsize=1)
def _request_re() -> re.Pattern[str]:
    cues = sorted((for_matching(c).lower() for c in resources.lines("request_cues.txt")), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in cues) + r")(?!\w)")


# "theo đề nghị của", "xét đề nghị", "trả lời đề nghị", "Công văn … về việc đề nghị": the request
# of someone else, named as a noun
_NOUN_BEFORE = re.compile(r"(?:theo|xét|trả lời|về việc|các|những|tại|the|a|its|their|his|her)\s*$")
_NOUN_AFTER = re.compile(r"^\s*(?:của|tại|số|of|from)\b")
# a stop after figures before a word in small letters ends no sentence: a speck read so on a
# fax (`đối với 02. công chức sau:`, the list of the people sent cut off from its verb)
_LOWER_LETTERS = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
FULL_STOP = rf"(?<!\d)\.|(?<=\d)\.(?![ \t]+[{_LOWER_LETTERS}])"
SENTENCE_STOP = rf"[;!?](?=\s)|(?:{FULL_STOP})(?=\s)"
# the addressee's line ends what stands above it whatever ends it (`Kính gửi: Sở Nội vụ tỉnh Lào
# Cai,`: a fax's stop read as a comma ran the header's `V/v đề nghị biệt phái …` into the letter's
# first sentence, whose figures became requested)
# (its marks as OCR may read them: `Kinh gửi`, `Kính gứi`, `Kính Gửi`)
ADDRESSEE_LINE = r"(?im:^[ \t]*k[iíìỉĩị]nh[ \t]+g[uúùủũụưứừửữự]i\b[^\n]*\n)"
_SENTENCE = re.compile(rf"{SENTENCE_STOP}|:\s*\n|{ADDRESSEE_LINE}|\n(?=[ \t]*(?:[-+•]|\d{{1,2}}[.)]|[a-zđ]\))\s)")


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    start = max(floor, pos - 400)
    for m in _SENTENCE.finditer(text, start, pos):
        start = m.end()
    return start


def request_cue_before(page: Page, pos: int, floor: int = 0) -> int | None:
    """Page offset of the last request verb earlier in the sentence that holds page offset pos
    (`đề nghị các sở cử …` included: the sending is asked of others), None when there is none."""
    a = sentence_start(page.text, pos, floor)
    low = for_matching(page.text[a:pos]).lower()
    found = None
    for m in _request_re().finditer(low):
        if _NOUN_BEFORE.search(low[:m.start()]) or _NOUN_AFTER.match(low[m.end():]):
            continue
        found = a + m.start()
    return found


def requested(page: Page, pos: int, floor: int = 0) -> bool:
    """A request verb stands earlier in the sentence that holds page offset pos."""
    return request_cue_before(page, pos, floor) is not None


def document_requests(doc_facts: DocumentFacts) -> bool:
    """A tờ trình proposes; a công văn whose subject opens with a request asks."""
    if doc_facts.doc_type == "submission":
        return True
    subject = for_matching(doc_facts.subject or "").lower()
    subject = re.sub(r"^(?:v\s?/\s?v|về việc)\s*", "", subject)
    m = _request_re().match(subject)
    return bool(m) and not _NOUN_AFTER.match(subject[m.end():])


@lru_cache(maxsize=1)
def _no_sending_res() -> dict[str, re.Pattern[str]]:
    by_role: dict[str, list[str]] = {}
    for row in resources.rows("no_sending_cues.tsv"):
        by_role.setdefault(row[1], []).append(for_matching(row[0]).lower())
    out = {}
    for role, cues in by_role.items():
        alt = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in sorted(cues, key=len, reverse=True))
        out[role] = re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)")
    return out


# up to three words between an ending word and the verb: "kết thúc thời hạn biệt phái",
# "chấm dứt việc biệt phái", "end the secondment of"
_ENDING_GAP = re.compile(r"^(?:\s+[^\W\d_]+){0,3}\s*$")


@lru_cache(maxsize=1)
def _ending_words() -> re.Pattern[str]:
    """The words that end a sending (action_cues.tsv's `end` rows), folded for matching."""
    cues = [for_matching(r[0]).lower() for r in resources.rows("action_cues.tsv") if r[1] == "end"]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _recalled() -> re.Pattern[str]:
    """What stands between an ending word and the state it ends: a headcount and the people's
    noun, no more (`rút 02 viên chức đang biệt phái`; not `thôi việc hoặc đang biệt phái`)."""
    nouns = sorted((for_matching(n).lower() for n in resources.lines("person_nouns.txt")), key=len, reverse=True)
    alt = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in nouns)
    return re.compile(rf"^\s+(?:(?:các|những|\d{{1,3}})\s+)?(?:{alt})\s+$")


# a word that denies the ending after it (`không thu hồi`, `chưa rút`)
_DENIED = re.compile(r"(?:^|\s)(?:không|chưa|chẳng)\s+$")


def recalled_before(low: str) -> bool:
    """`Rút 02 viên chức` right before `đang biệt phái` (matching text in small letters, up to
    the state's word): an ending word that takes the people it states seconded, undenied?"""
    return any(_recalled().match(low[m.end():]) and not _DENIED.search(low[:m.start()])
               for m in _ending_words().finditer(low))


def not_sending(page: Page, verb_start: int, verb_end: int, floor: int = 0) -> bool:
    """The verb states a secondment (`đang biệt phái tại`), or its clause says the people have not
    come (`… được cử nhưng chưa đến nhận nhiệm vụ`). Ending one (`chấm dứt biệt phái`) is a
    sending with action `end` (status.py, action_cues.tsv), not this."""
    res = _no_sending_res()
    a = max(sentence_start(page.text, verb_start, floor), verb_start - 60)
    low = for_matching(page.text[a:verb_start]).lower()
    if "before" in res:
        for m in res["before"].finditer(low):
            if _ENDING_GAP.match(low[m.end():]):
                return True
    if "adjacent" in res:
        for m in res["adjacent"].finditer(low):
            if not low[m.end():].strip() and not recalled_before(low[:m.start()]):
                return True
    if "after" in res:
        tail = for_matching(page.text[verb_end:verb_end + 120]).lower()
        tail = re.split(rf"{SENTENCE_STOP}|\n(?=[ \t]*(?:[-+•]|\d{{1,2}}[.)])\s)", tail, maxsplit=1)[0]
        if res["after"].search(tail):
            return True
    return False
