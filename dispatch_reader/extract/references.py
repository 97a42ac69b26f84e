"""Cited documents: every number/symbol in the text with its type, issuer and date.

`Căn cứ Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ …`,
`Theo đề nghị của Giám đốc Sở Nội vụ tại Công văn số 412/SNV-CCVC ngày …`,
`Decree 178/2024/ND-CP`. The type comes from the label printed before the number, else from
the symbol (`QĐ` → decision); the issuer from `của …` after it or `của … tại` before it; the
date from `ngày …` right after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import body_end, body_text, complete_body, names_no_body
from dispatch_reader.extract.datefmt import find_dates
from dispatch_reader.extract.docnumber import (BODY_NUMBER, MAX_NUMBER_DIGITS, PARTY_NUMBER, DocNumber, clean_number,
                                               term_h_read_as_ones)
from dispatch_reader.extract.nlp import token_at
from dispatch_reader.extract.doctypes import all_labels, type_for_abbreviation
from dispatch_reader.extract.textutil import Page, fold_phrase, line_at
from dispatch_reader.record import DocumentFacts, Evidence, Reference
from dispatch_reader.textnorm import for_matching

_GAZETTE_LINE = re.compile(r"^\s*(?:cong bao|ky boi|nguoi ky|co quan\s*:|email|ngay ky|thoi gian ky)")


@lru_cache(maxsize=1)
def _en_labels() -> list[tuple[str, str]]:
    rows = [(fold_phrase(r[0]), r[1]) for r in resources.rows("doc_types_en.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _symbol_types() -> dict[str, str]:
    return {r[0]: r[1] for r in resources.rows("symbol_types.tsv")}


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    labels = [re.escape(k) for k, _ in all_labels()] + [re.escape(k) for k, _ in _en_labels()]
    # "<label> [số|No.] " right before the number; OCR slips in "Nghị định" (`nghi linh`).
    return re.compile(rf"(?:^|[^a-z])({'|'.join(labels)}|nghi linh)\s*(?:so|no\.?|number|#)?\s*[:.]?\s*$")


def _party_number(m: re.Match[str]) -> DocNumber:
    return DocNumber(text=m.group(0), number=m.group("num"), year=None,
                     parts=(m.group("type"),) + tuple(m.group("sym").split("-")))


def type_from_symbol(dn: DocNumber) -> str | None:
    if not dn.parts:
        return None
    kind = type_for_abbreviation(dn.parts[0])
    if kind:
        return kind
    for part in dn.parts:
        bare = re.sub(r"\d+$", "", part)
        if bare in _symbol_types():
            return _symbol_types()[bare]
    return None


# signs the date reader takes for figures (datefmt._MONTH_LOOKALIKES)
_SIGN_FIGURE = re.compile(r"[$§&]")
# a register of one of these types holds fewer numbers than this a year
_SMALL_REGISTER = 1000


def _no_register_number(dn: DocNumber) -> bool:
    """A cited number no register gives: 0 (`0/2008/QH12`, the `4` of `40/…` under a fax's
    streak), or a law's, decree's or circular's of 1000 or more, its year read as its number
    (`2022/QH15`)."""
    if not (dn.number or "").isdigit():
        return False
    figure = int(dn.number)
    return figure == 0 or (figure >= _SMALL_REGISTER and type_from_symbol(dn) in resources.lines("small_registers.txt"))


def _label_before(folded: str, start: int) -> str | None:
    window = re.sub(r"\s+", " ", folded[max(0, start - 45):start])
    m = _label_re().search(window)
    if not m:
        return None
    key = m.group(1)
    if key == "nghi linh":
        return "decree"
    for k, kind in all_labels():
        if k == key:
            return kind
    for k, kind in _en_labels():
        if k == key:
            return kind
    return None



def _issuer_after(doc: Doc, tok: int) -> tuple[str | None, int]:
    """`của <body>` starting at token tok (after the number and its date)."""
    n = len(doc)
    if tok < n and doc[tok].norm_ in {"của", "cua", "of", "by"}:
        j = tok + 1
        # "của Bộ trưởng Bộ Tài chính": the minister's ministry.
        k = j
        while k < n and k - j < 5 and body_end(doc, k, allow_level_start=False) is None:
            if not doc[k].text[:1].isupper():
                break
            k += 1
        start = k if k < n and body_end(doc, k, allow_level_start=False) else j
        end = body_end(doc, start, allow_level_start=False)
        if end:
            return body_text(doc, start, end), end
    return None, tok


def _issuer_before(doc: Doc, page: Page, start: int) -> str | None:
    """`… của <Giám đốc> Sở Nội vụ tại Công văn số N`: the body named before `tại`."""
    window_start = max(0, start - 140)
    window = page.folded[window_start:start]
    cut = window.rfind(" tai ")
    if cut < 0 or len(window) - cut > 40 or _label_re().search(re.sub(r"\s+", " ", window[cut:])) is None:
        return None
    cua = window.rfind("cua ", 0, cut)
    if cua < 0:
        return None
    tok = token_at(doc, window_start + cua + 4)
    limit = window_start + cut
    while tok < len(doc) and doc.user_data["starts"][tok] < limit:
        end = body_end(doc, tok, allow_level_start=False)
        if end is not None:
            return body_text(doc, tok, end)
        tok += 1
    return None


def _cut_short(number: str, own: str) -> bool:
    """Is `number` the document's own number with its symbol's end lost (`245/QĐ-` in an
    annex's `Kèm theo Quyết định số 245/QĐ-SNV`, its last letters under a fax's streak)?"""
    cut = number.rstrip("-–")
    return "/" in cut and len(cut) < len(own) and own.startswith(cut) and own[len(cut)] in "-–/"


def _on_own_number_line(doc_facts: DocumentFacts, page: int, at: int) -> bool:
    """Is offset `at` of page `page` inside the line the document's own number was read from?
    A number mended there (`135/QĐ-BLIJTBXII` → `BLĐTBXH`, a year read with a letter) is its
    own as read, no document it cites."""
    ev = doc_facts.evidence.get("number")
    return ev is not None and doc_facts.number is not None and ev.page == page and ev.start is not None \
        and ev.start <= at < ev.start + len(ev.quote or "")


def extract_references(pages: list[Page], docs: list[Doc], doc_facts: DocumentFacts, language: str) -> list[Reference]:
    own = doc_facts.number
    found: dict[str, Reference] = {}
    for page, doc in zip(pages, docs):
        text = for_matching(page.text)
        if page.ocr_confidence is not None:
            text = term_h_read_as_ones(text)
        matches = [(m, clean_number(m), False) for m in BODY_NUMBER.finditer(text)]
        matches += [(m, _party_number(m), True) for m in PARTY_NUMBER.finditer(text)]
        for m, dn, party in matches:
            if dn is None or not any(sum(c.isupper() for c in p) >= 2 for p in dn.parts):
                continue
            if len(dn.number or "") > MAX_NUMBER_DIGITS:
                continue  # no register's number: a stamp's figures run into one
            if _no_register_number(dn):
                continue
            if _GAZETTE_LINE.match(fold_phrase(line_at(page.text, m.start()))):
                continue
            number = m.group(0) if language == "en" else dn.text
            number = re.sub(r"\s+", "", number)
            if own and (number == own or dn.text == own or _cut_short(number, own)
                        or (page.ocr_confidence is not None and _misread_as(number, own))):
                continue
            if _on_own_number_line(doc_facts, page.number, m.start()):
                continue
            label, symbol = _label_before(page.folded, m.start()), type_from_symbol(dn)
            # a label of no type of its own before the number is a name's last words where the
            # symbol says the type (`Luật Người lao động … theo hợp đồng số 69/2020/QH14`: a law,
            # not a contract; a tester's brief listed it as `Văn bản số 69/2020/QH14`)
            kind = symbol if label == "other" and symbol not in (None, "other") else (label or symbol)
            if party and label:
                # a party's `QĐ` is a regulation (`Quy định số 65-QĐ/TW`), its label says so
                kind = label
            if kind is None and language == "vi":
                kind = "official_dispatch"
            # Date right after: "… ngày 30 tháng 6 năm 2025" / "ngày 15/10/2020".
            date = None
            after = page.folded[m.end():m.end() + 40]
            lead = len(after) - len(after.lstrip(" \n,"))
            date_end = m.end()
            hits = find_dates(after, english=language == "en")
            if hits and hits[0].start <= lead + 6 and hits[0].iso:
                date_end = m.end() + hits[0].end
                # a month read as a sign (`tháng § năm 2013`, for 8) is a header date's guess,
                # flagged there; a cited document's date has no flag of its own to carry it
                date = None if _SIGN_FIGURE.search(after[hits[0].start:hits[0].end]) else hits[0].iso
            tok = token_at(doc, date_end)
            issuer, _ = _issuer_after(doc, tok) if tok < len(doc) else (None, 0)
            if issuer is None:
                issuer = _issuer_before(doc, page, m.start())
            issuer = complete_body(issuer, doc_facts)
            if issuer and names_no_body(issuer):
                issuer = None  # a cited document's `— Bộ` told a clerk nothing
            ev = Evidence(page=page.number, quote=page.text[m.start():m.end()], start=m.start(),
                          confidence=page.ocr_confidence)
            ref = found.get(number)
            if ref is None:
                found[number] = Reference(number=number, evidence=ev, doc_type=kind, issuer=issuer, date=date)
            else:
                ref.doc_type = ref.doc_type or kind
                ref.issuer = ref.issuer or issuer
                ref.date = ref.date or date
    return _whole_only(list(found.values()))


# letters and figures OCR reads one for the other in a symbol (`844/OD-TTg` for `844/QĐ-TTg`)
_LOOKALIKE = str.maketrans({"Q": "O", "Đ": "D", "0": "O", "1": "I", "L": "I", "|": "I"})


def _misread_as(number: str, own: str) -> bool:
    """Is `number` the document's own number with a letter of its symbol read as one of its
    shape (`844/OD-TTg` in the closing lines of `844/QĐ-TTg`, a photo)? Figures as its own."""
    head, _, symbol = number.partition("/")
    own_head, _, own_symbol = own.partition("/")
    return head == own_head and symbol != own_symbol and \
        symbol.upper().translate(_LOOKALIKE) == own_symbol.upper().translate(_LOOKALIKE)


def _whole_only(refs: list[Reference]) -> list[Reference]:
    """The references less those that are another's number with its symbol's end lost
    (`53/2013/NĐ` beside `53/2013/NĐ-CP`, a line's end cut): one document cited, as the whole
    number names it, with what the cut one told of it."""
    out = []
    for ref in refs:
        whole = next((r for r in refs if r is not ref and _cut_short(ref.number, r.number)), None)
        if whole is None:
            out.append(ref)
            continue
        whole.doc_type = whole.doc_type or ref.doc_type
        whole.issuer = whole.issuer or ref.issuer
        whole.date = whole.date or ref.date
    return out
