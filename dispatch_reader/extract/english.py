"""English press reports about a dispatch: the reported document's header facts.

`On October 21, the People's Committee of Van Xuan province issued Official Dispatch No.
1335/UBND-NC on reinforcing human resources …`; `… has issued Decision No. 1587/QD-UBND dated
August 28, 2025, seconding …`; `… signed by Vice Chairman Le Quang Vinh`. Place, recipients
and marks are not stated in such reports and stay empty.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.datefmt import find_dates
from dispatch_reader.extract.textutil import Page, squash
from dispatch_reader.record import DocumentFacts, Evidence, Signer

_NUMBER = r"(?P<num>\d[\dA-Za-zĐđ./\-]*/[A-ZĐ][A-Za-zĐđ0-9./\-]*[A-Za-z0-9])"


@lru_cache(maxsize=1)
def _labels() -> list[tuple[str, str]]:
    rows = [(r[0], r[1]) for r in resources.rows("doc_types_en.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _doc_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label, _ in _labels())
    return re.compile(rf"(?P<label>{labels})\.?\s+(?:No\.?|Number|#)\s*{_NUMBER}", re.I)


_ISSUER = re.compile(
    r"(?:\b[Tt]he\s+|^|[.,;]\s+)"
    r"(?P<issuer>(?:[A-Z][\w'’\-]*\s+){0,4}?(?:[Cc]ommittee|[Dd]epartment|[Mm]inistry|[Oo]ffice|[Gg]overnment|[Cc]ouncil|"
    r"[Bb]oard|[Cc]entre|[Cc]enter|[Aa]gency|Prime Minister|[Ii]nspectorate)(?: of [A-Za-z'’\- ]+?)?)"
    # a time phrase may stand between the body and its verb: "… province on September 5 issued"
    r"(?:,?\s+(?:on|in|last|this)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,\s*\d{4})?,?)?"
    r"\s+(?:has |had |have |recently |just |officially )*(?:issued|signed|released|promulgated|sent|approved)\s*$"
)
_SUBJECT = re.compile(r"^\s*(?:,?\s*dated\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:,\s*|\s+on\s+|\s+about\s+|\s+regarding\s+"
                      # or the gerund that says what the document does: "No. 12/QD-UBND seconding …"
                      r"|\s+(?=[a-z]+ing\s))"
                      r"(?P<subj>[^.;]+?)(?=\s+(?:that|which|who)\s|[.;,]|$)")


@lru_cache(maxsize=1)
def _honorifics_en() -> str:
    """English honorifics (`Mr.`, `Ms`) as a regex alternative, from the honorifics data."""
    words = {h.rstrip(".") for h in resources.words("honorifics.txt") if h.isascii() and h[:1].isupper()}
    return "|".join(re.escape(w) + r"\.?" for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _signed_res() -> tuple[re.Pattern[str], ...]:
    run = rf"(?P<all>(?:(?:{_honorifics_en()}) |[A-Z][a-z]+ ){{1,8}}[A-Z][a-z]+)"
    # "signed by Vice Chairman Mr. X" and "… Ms. Y signed the decision" name the same person
    return (re.compile(rf"signed by {run}"),
            re.compile(rf"{run},? (?:has |had )?signed (?:the|this)\b"))


def _split_signer(words: str) -> tuple[str, str, int]:
    """(title, name, offset of the name in words): an honorific separates the title from the name."""
    hm = None
    for hm in re.finditer(rf"\b(?:{_honorifics_en()}) ", words):
        pass
    if hm is not None:
        title = words[:hm.start()].strip()
        title = re.sub(r"^(?:The|A|An) ", "", title)
        lead = leading_position(title + " ") if title else ""
        return (lead or title), words[hm.end():], hm.end()
    # "Provincial Committee Chairman Nguyen Van B": the title may start after other capitals
    for m in re.finditer(r"(?:^|(?<= ))\S", words):
        title = leading_position(words[m.start():])
        if title:
            name = words[m.start() + len(title):].strip()
            return title, name, len(words) - len(name)
    return "", words, 0


@lru_cache(maxsize=1)
def _positions() -> list[str]:
    return sorted(resources.words("positions_en.txt"), key=len, reverse=True)


def leading_position(words: str) -> str:
    """The English job title a phrase starts with (`Vice Chairman` of `Vice Chairman Le …`)."""
    low = words.lower()
    for pos in _positions():
        if low.startswith(pos.lower() + " "):
            return words[:len(pos)]
    return ""


def _flat(text: str) -> str:
    """One line, same length as `text` (offsets stay quotes); OCR's `1587'QD-UBND` or
    `1587|QD-UBND` for a number's slash read as the slash; a speck read as a low quote between
    two words (`Son La„province`) as the space it stands in."""
    text = re.sub(r"(?<=\w)[„‚](?=\w)", " ", re.sub(r"\s", " ", text))
    return re.sub(r"(?<=\d)['’‘|](?=[A-ZĐ]{2})", "/", text)


# the month as OCR read it (`Águst`)
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}),\s*\S{3,10}\s+\d{1,2},?\s*\d{4}\b",
                       re.M)
# `The People's Coinmittee of Sam) La province has issued`: a committee whose name a stamp or
# a copy damaged, told by its shape
_COMMITTEE_SHAPE = re.compile(r"People\W{0,3}s\W{1,3}(?P<head>[A-Za-z]{6,12})\W{1,3}(?i:of)\W{1,3}"
                              r"(?P<place>[^.;]{1,30}?)\W{0,3}\bprovince\b")


def _dateline_place(pages: list[Page]) -> str | None:
    """`Son La, August 30, 2025` heading a report: where it was written."""
    m = _DATELINE.search(pages[0].text[:600]) if pages else None
    return m.group("place") if m else None


def _damaged_committee(before: str, dateline: str | None) -> tuple[str, int, int] | None:
    """(`People's Committee of Son La province`, start, end) from a damaged reading of it, when
    its place is a few letters from the report's dateline place (a province's own report is
    datelined there); the head word within three letters of `Committee`."""
    from dispatch_reader.places.match import edit_distance

    if not dateline or len(dateline) < 4:
        return None
    hit = None
    for m in _COMMITTEE_SHAPE.finditer(before):
        hit = m
    if hit is None or edit_distance(hit.group("head").lower(), "committee", 3) > 3:
        return None
    read = re.sub(r"[^a-z]", "", hit.group("place").lower())
    if edit_distance(read, re.sub(r"[^a-z]", "", dateline.lower()), 3) > 3:
        return None
    return f"People's Committee of {dateline} province", hit.start(), hit.end()


def extract_header_en(pages: list[Page]) -> tuple[DocumentFacts, list[str]]:
    doc = DocumentFacts()
    warnings: list[str] = []
    for page in pages:
        flat = _flat(page.text)
        m = _doc_re().search(flat)
        if not m:
            continue
        label = squash(m.group("label"))
        doc.doc_type_label = " ".join(w[:1].upper() + w[1:] for w in label.split())
        doc.doc_type = next((kind for lab, kind in _labels() if lab.lower() == label.lower()), None)
        doc.number = m.group("num").rstrip(".,")
        ev = Evidence(page=page.number, quote=page.text[m.start("num"):m.start("num") + len(doc.number)],
                      start=m.start("num"), confidence=page.ocr_confidence)
        doc.evidence["number"] = ev
        doc.evidence["doc_type"] = Evidence(page=page.number, quote=page.text[m.start():m.end("label")],
                                            start=m.start(), confidence=page.ocr_confidence)
        # Issuer: the body that "issued" it, in the same sentence.
        w0 = max(0, m.start() - 300)
        before = re.sub(r"\s+(?:an?|the)\s*$", "", flat[w0:m.start()].rstrip())
        im = _ISSUER.search(before)
        if im is None and page.ocr_confidence is not None:
            im = _damaged_committee(before, _dateline_place(pages))
            if im is not None:
                doc.issuer = im[0]
                doc.evidence["issuer"] = Evidence(page=page.number, quote=page.text[w0 + im[1]:w0 + im[2]],
                                                  start=w0 + im[1], confidence=min(page.ocr_confidence, 0.5))
                im = None
        if im:
            # OCR drops or curls the apostrophe of "People's" (`Peoples`, `People’s`)
            doc.issuer = re.sub(r"\bPeople(?:s|’s)\b", "People's", squash(im.group("issuer")))
            a = w0 + im.start("issuer")
            doc.evidence["issuer"] = Evidence(page=page.number, quote=page.text[a:w0 + im.end("issuer")], start=a,
                                              confidence=page.ocr_confidence)
        # Subject: "on …" / ", seconding …" after the number (and its date).
        after = flat[m.end():m.end() + 300]
        sm = _SUBJECT.match(after)
        if sm:
            subj = squash(sm.group("subj"))
            if len(subj.split()) >= 2:
                doc.subject = subj
                a = m.end() + sm.start("subj")
                doc.evidence["subject"] = Evidence(page=page.number, quote=page.text[a:m.end() + sm.end("subj")],
                                                   start=a, confidence=page.ocr_confidence)
        break
    _issued_date(pages, doc)
    for page in pages:
        if doc.signer is not None:
            break
        for rx in _signed_res():
            sm = rx.search(_flat(page.text))
            if not sm:
                continue
            title, name, off = _split_signer(sm.group("all"))
            if len(name.split()) < 2:
                continue
            a = sm.start("all") + off
            doc.signer = Signer(name=name, title=title or None, authority=None)
            doc.evidence["signer"] = Evidence(page=page.number, quote=page.text[a:a + len(name)], start=a,
                                              confidence=page.ocr_confidence)
            break
    if doc.number is None:
        warnings.append("no document number (No. …) found in the text")
    if doc.issued_date is None:
        warnings.append("no issue date found in the text")
    return doc, warnings


_ISSUED_CUES = re.compile(r"(?:\bdated\s+|\bon\s+|\bsigned\s+on\s+|\bissued\s+on\s+)$", re.I)


def _issued_date(pages: list[Page], doc: DocumentFacts) -> None:
    """`dated August 28, 2025` after the number, or `On October 21, … issued`."""
    years = [int(h.iso[:4]) for p in pages for h in find_dates(p.folded, english=True) if h.has_year and h.iso]
    year = years[0] if years else None
    num_ev = doc.evidence.get("number")
    for page in pages:
        flat = _flat(page.text)
        for hit in find_dates(page.folded, default_year=year, english=True):
            if not hit.iso:
                continue
            before = flat[max(0, hit.start - 20):hit.start]
            cue = _ISSUED_CUES.search(before)
            if not cue:
                continue
            sent_end = flat.find(". ", hit.end)
            sentence = flat[hit.end:sent_end if sent_end >= 0 else len(flat)]
            near_number = num_ev is not None and num_ev.page == page.number and \
                0 <= hit.start - (num_ev.start or 0) <= len(num_ev.quote) + 12
            if near_number or "dated" in cue.group(0).lower() or re.search(r"\b(?:issued|signed|released)\b", sentence):
                doc.issued_date = hit.iso
                a = hit.start - len(cue.group(0)) if cue.group(0).strip().lower() == "on" else hit.start
                if "dated" in cue.group(0).lower() and not near_number:
                    a = hit.start - len(cue.group(0))
                doc.evidence["issued_date"] = Evidence(page=page.number, quote=page.text[a:hit.end], start=a,
                                                       confidence=page.ocr_confidence)
                return
