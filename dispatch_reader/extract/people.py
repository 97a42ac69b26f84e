"""Named people: who is named, with honorific, position and unit where the text states them.

A name is a run of capitalised syllables that starts after an honorific (`Ông`, `bà`,
`đồng chí`, `Mr.`), after a position (`Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà`), or with
a family name from family_names.txt (three syllables or more when nothing else vouches for
it). Places and bodies are kept out: a run right after an administrative level (`tỉnh Lâm
Hà`), before `, ngày` (the date line) or before `province`/`commune` is a place; phrases in
not_names.txt are never people. Mentions of one person merge into one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import (
    _span_starting, body_end, body_text, complete_body, ends_name, is_subunit, level_end, is_province, names_no_body,
    provinces,
)
from dispatch_reader.extract.casing import expand_abbreviations, proper_case_body
from dispatch_reader.extract.namefix import repair_ocr_name
from dispatch_reader.extract.nlp import parse, span_text, tok_end, tok_start
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.extract.tables import find_list_rows, speck_after_a_name
from dispatch_reader.extract.textutil import Page, coarse_scan, fold_phrase, is_word, squash
from dispatch_reader.record import DocumentFacts, Evidence, Person
from dispatch_reader.textnorm import cased_like, for_matching, marks

_EN_PLACE_AFTER = {"province", "city", "commune", "ward", "district", "town", "village", "provincial"}
_CLAUSE_END = {",", ";", ".", ":", "(", ")"}


@dataclass
class Mention:
    name: str
    page: int
    start: int  # page offset
    quote: str
    honorific: str | None = None
    position: str | None = None
    unit: str | None = None
    tok: tuple[int, int] = (0, 0)


@lru_cache(maxsize=1)
def _en_body_words() -> frozenset[str]:
    return frozenset(resources.lines("body_words_en.txt"))


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Honorifics before a name, folded → as the record writes them (`ông` → `Ông`)."""
    return {fold_phrase(r[0]): r[1] for r in resources.rows("honorifics.txt") if len(r) > 1}


@lru_cache(maxsize=1)
def _stop_syllables() -> frozenset[str]:
    return frozenset(resources.lines("name_stop_syllables.txt"))


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in resources.lines("not_names.txt")) | provinces()


@lru_cache(maxsize=1)
def _places_named_like_people() -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in resources.lines("places_named_like_people.txt"))


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    verbs = {"tiếp", "hỗ", "làm", "được", "chịu", "phụ", "biệt", "điều", "luân", "tăng", "đến", "về", "nay",
             "will", "who", "has", "have", "said", "asked", "was", "is", "to", "from", "in", "and"}
    return frozenset(w.lower() for w in resources.words("body_stopwords.txt")) | verbs


def _is_name_syllable(text: str, english: bool) -> bool:
    if not (text.isalpha() if english else is_word(text)) or not text[:1].isupper() \
            or len(text) > 8 + ("'" in text or "’" in text):
        return False
    if text.isupper() and len(text) > 1:
        return False
    return text.isascii() if english else True


def _small_family(doc: Doc, k: int) -> bool:
    """`Ông triệu Văn Quyết`: OCR read a family name's capital small (a fax's streak took the
    T's bar); a family name of the list, then a capitalised name word."""
    return doc[k].text[:1].islower() and _span_starting(doc, "FAMILY", k) is not None \
        and k + 1 < len(doc) and _is_name_syllable(doc[k + 1].text, False)


def _family_at(doc: Doc, k: int) -> bool:
    """A family name of the list starts at token k, with its marks or without them (`Dang`)."""
    return bool(_span_starting(doc, "FAMILY", k) or _span_starting(doc, "FAMILY_ASCII", k))


# `2. Bả Dang Thị Thu, Chuyển viền …` (a fax): a list item's honorific OCR read with another mark;
# not `Bá`, a syllable of its own (`Bá Thước`, a middle name)
_ITEM_HONORIFICS = {"Ba": "Bà", "Bả": "Bà", "Bạ": "Bà", "Bã": "Bà", "Ong": "Ông", "Óng": "Ông", "Ồng": "Ông",
                    "Ổng": "Ông", "Ỗng": "Ông", "Ộng": "Ông"}


def _item_honorific(doc: Doc, k: int) -> str | None:
    """The honorific a word before token k stands for, OCR's marks aside, where it opens a list
    item (`2. Bả`, `3, Óng`) and a family name follows (`Dang` for Đặng, its marks lost too):
    `Bà`, `Ông`, else None. A place or a body after `2. Ba` (`Ba Bể`) starts with no family name."""
    if k < 3 or k >= len(doc) or not _is_name_syllable(doc[k].text, False) or not _family_at(doc, k):
        return None
    word, stop, figure = doc[k - 1].text, doc[k - 2].text, doc[k - 3].text
    canonical = _ITEM_HONORIFICS.get(word)
    if canonical is None or not word[:1].isupper() or stop not in (".", ",") or not figure.isdigit():
        return None
    text = doc.user_data["text"]
    line_start = text.rfind("\n", 0, tok_start(doc, k - 3)) + 1
    return canonical if not text[line_start:tok_start(doc, k - 3)].strip() else None


def _name_end(doc: Doc, i: int, english: bool, small_first: bool = False) -> int:
    """End token of the capitalised run that starts at i (stops before positions, bodies…);
    with `small_first`, its first word may be in small letters (_small_family)."""
    n = len(doc)
    j = i
    text = doc.user_data["text"]
    while j < n and j - i < 6 and (_is_name_syllable(doc[j].text, english) or (small_first and j == i)):
        if j > i and doc[j].text in _stop_syllables():
            break
        if j - i >= 3 and speck_after_a_name(doc[j].text):
            break
        gap = text[tok_end(doc, j - 1):tok_start(doc, j)] if j > i else ""
        if gap.count("\n") >= 2 or (j - i >= 4 and "\n" in gap):
            break  # a name does not go on over a blank line, nor a full name over a line break
        if "\n" in gap and doc[j].text == doc[i].text:
            break  # the same name printed again on the next line (a signature stamp, then the name)
        if j > i and (_span_starting(doc, "POSITION", j) or _span_starting(doc, "BODY_HEAD", j)
                      or _span_starting(doc, "HONORIFIC", j) or level_end(doc, j)
                      or (english and (_span_starting(doc, "POSITION_EN", j) or doc[j].lower_ in _EN_PLACE_AFTER))):
            break
        j += 1
    return j


_LIST_JOIN = {",", "và", "and", "&"}


def _listed_after_level(doc: Doc, i: int) -> bool:
    """`các xã Tùng Vài, Cao Mã Pờ và Tả Ván`: a capitalised run in a list that an
    administrative level opens (with a colon after it or not: `các xã: …`) names a place like
    the first item does."""
    k = i - 1
    joined = False
    while k >= 0:
        t = doc[k].text
        if t in _LIST_JOIN:
            joined = True
            k -= 1
            continue
        if t == ":":
            # (a list of people may follow a colon too, `Chủ tịch Ủy ban nhân dân các xã: Nguyễn
            # Văn …`: its first item must be no name, one opening on no family name)
            return joined and k > 0 and doc[k - 1].text[:1].isalpha() and any(
                level_end(doc, m) == k for m in (k - 1, k - 2) if m >= 0) \
                and k + 1 < len(doc) and _span_starting(doc, "FAMILY", k + 1) is None
        if t[:1].isupper() and t.isalpha() and not _span_starting(doc, "HONORIFIC", k) and \
                not _span_starting(doc, "POSITION", k) and not _span_starting(doc, "BODY_HEAD", k):
            if joined and any(level_end(doc, m) == k for m in (k - 1, k - 2) if m >= 0):
                return True
            k -= 1
            continue
        return False
    return False


def _level_before(doc: Doc, i: int) -> int | None:
    """Where an administrative level word ending right before token i starts (`xã`, `thành
    phố`: one or two tokens), or None."""
    if level_end(doc, i - 1) == i:
        return i - 1
    return i - 2 if i > 1 and level_end(doc, i - 2) == i else None


def _is_place_context(doc: Doc, i: int, j: int, english: bool) -> bool:
    if any(is_province(doc, k, i + 1) for k in range(max(i - 3, 0), i)):
        return True  # the last word of a province's name (`Lai Châu Lò Văn Pấng`: `Châu`)
    if i > 0:
        prev = doc[i - 1]
        if _level_before(doc, i) is not None:
            return True
        if _listed_after_level(doc, i):
            return True
        if prev.lower_ in {"tại", "of", "in", "at"} and english:
            pass
    if j < len(doc):
        nxt = doc[j]
        if nxt.text == "," and j + 1 < len(doc) and doc[j + 1].norm_ in {"ngày", "ngay"}:
            return True
        if english and nxt.lower_ in _EN_PLACE_AFTER:
            return True
    if english and any(doc[t].text in _en_body_words() for t in range(i, j)):
        return True  # "Mai Chau High School": a body named like a person
        if english and nxt.text in {",", ":"} and j + 1 < len(doc) and re.match(r"^[A-Z][a-z]+$", doc[j + 1].text) \
                and doc[j + 1].lower_ in {"january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"}:
            return True
    return False


def _a_commune_read_bare(name: str) -> bool:
    """`Xa Thới Hưng`, `Xa t Thái Thụy`: a table's `Xã …` cell read with the level word's tilde
    lost (and a speck beside it), which reads as the Thái family `Xa` before a name. It is the
    commune when what follows, specks aside, spells a commune or ward of the official list
    exactly, marks and all, and opens on no middle name (`Xa Văn Lang` is a man)."""
    words = name.split()
    if len(words) < 3 or fold_phrase(words[0]) != "xa":
        return False
    rest = [w for w in words[1:] if len(w) > 1]
    if len(rest) < 2 or fold_phrase(rest[0]) in ("van", "thi"):
        return False
    from dispatch_reader.places.official import key, official

    units = official().by_key.get(key(" ".join(rest))) or ()
    spelled = " ".join(rest).lower()
    return any(u.short.lower() == spelled for u in units)


def _named_after_own_committee(doc: Doc, i: int, j: int, position_before: str | None) -> bool:
    """`Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn`: the title names the
    document's own city's committee, its place left out, and the name follows the level word.
    Only a family name opening no place's name: `… thành phố Hồ Chí Minh` is the city."""
    level = _level_before(doc, i)
    # a province's or a city's committee: a ward or commune is more often named after a person
    # (`phường Lê Hồng Phong`, `xã Trương Lương`) than left unnamed before its officer's name
    if position_before is None or level is None or _span_starting(doc, "FAMILY", i) is None \
            or fold_phrase(span_text(doc, level, i)) not in ("tinh", "thanh pho"):
        return False
    run = [fold_phrase(span_text(doc, i, e)) for e in range(i + 1, j + 1)]
    if any(is_province(doc, i, e) for e in range(i + 1, j + 1)) or any(r in _places_named_like_people() for r in run):
        return False
    # nor a commune or ward of the official list (`Phó Chủ tịch UBND phường Lê Lợi`: Lê is a family name)
    from dispatch_reader.places.official import key, official
    names = official().by_key
    return not any(key(span_text(doc, i, e)) in names for e in range(i + 2, j + 1))


def _honorific_before(doc: Doc, i: int) -> tuple[str | None, int]:
    """(canonical honorific, its first token) when one ends right before token i."""
    for span in doc.spans["HONORIFIC"]:
        if span.end == i or (span.end == i - 1 and doc[i - 1].text == "."):
            return honorifics().get(fold_phrase(span.text), span.text), span.start
    for span in doc.spans.get("HONORIFIC_ASCII", []):
        if span.end == i or (span.end == i - 1 and doc[i - 1].text == "."):
            return honorifics().get(fold_phrase(span.text), span.text), span.start
    return None, i


# a People's Committee (or Council) named by its level alone (`Ủy ban nhân dân thành phố`)
_COMMITTEE_BEFORE = re.compile(r"(?:^|\s)(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$")


def _position_before(doc: Doc, i: int, english: bool) -> str | None:
    """`Phó Thủ tướng Chính phủ Phạm …`, `Vice Chairman Le …`: the title right before."""
    labels = ["POSITION_EN", "POSITION_EN_ASCII"] if english else ["POSITION"]
    for label in labels:
        for span in doc.spans.get(label, []):
            first = doc[span.start].text
            # the body the title names runs to the name (`Phó Chủ tịch Ủy ban nhân dân tỉnh Lai Châu`)
            if span.end > i or i - span.end > 10 or not first[:1].isupper() or first.isupper():
                continue
            k = span.end
            # the title may name its body: "Giám đốc Sở Nội vụ", "Phó Thủ tướng Chính phủ"
            while k < i:
                end = body_end(doc, k, allow_level_start=False)
                if end is None or end > i:
                    break
                k = end
            if k < i and any(b.start < span.end <= b.end == i for b in doc.spans["BODY_HEAD"]):
                k = i  # "Phó Thủ tướng Chính phủ": the title overlaps "Thủ tướng Chính phủ"
            level = _level_before(doc, i)
            if k < i and level is not None and _COMMITTEE_BEFORE.search(fold_phrase(span_text(doc, k, level))):
                # `Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn`: the committee of the
                # document's own city, its name left out (the body runs on into the person's);
                # spelt out as the body's own sentences spell it (`UBND` in a subject)
                return expand_abbreviations(squash(span_text(doc, span.start, i)))
            if k == i:
                return squash(span_text(doc, span.start, i))
    return None


def _chunks_after(doc: Doc, j: int, english: bool, limit: int = 60) -> list[tuple[int, int]]:
    """Comma-separated chunks after a name: [(start, end)] of tokens, up to a clause end.
    A body name keeps its own commas (`Sở Văn hóa, Thể thao và Du lịch`)."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    j = _past_bracketed_detail(doc, j)
    if j >= n or doc[j].text != ",":
        return out
    k = j + 1
    start = k
    while k < n and k - j < limit:
        t = doc[k].text
        if not english and t[:1].isupper():
            end = body_end(doc, k, allow_level_start=False)
            if end is not None and end > k + 1:
                k = end
                continue
        if t == ":" and not english and _personal_detail(doc, start, k):
            k += 1  # `quê quán: xã …`: a detail's label, not the clause's end
            continue
        if t in {";", ":", "(", ")"} or (t == "." and not doc[k - 1].text.isupper()):
            break
        if t == ",":
            out.append((start, k))
            start = k + 1
        k += 1
    if start < k:
        out.append((start, k))
    return out


def _past_bracketed_detail(doc: Doc, j: int) -> int:
    """Past the person's details set in brackets after the name (`Trần Văn Bình (sinh năm
    1982), Phó Trưởng phòng …`); a bracket holding anything else (a position) is left to be
    read."""
    if j >= len(doc) or doc[j].text != "(":
        return j
    for k in range(j + 1, min(len(doc), j + 16)):
        if doc[k].text == ")":
            inner = doc[j + 1:k]
            if len(inner) and (_personal_detail(doc, j + 1, k) or all(t.like_num or t.is_punct for t in inner)):
                return k + 1
            return j
        if doc[k].text in {"(", ";"} or "\n" in doc[k].text:
            return j
    return j


def _trim_position(doc: Doc, a: int, b: int) -> int:
    """End of a position phrase: before the first verb or `và` that starts other words."""
    stop = _stop()
    k = a
    while k < b:
        t = doc[k].text
        if t[:1].isupper():
            end = body_end(doc, k, allow_level_start=False)
            if end is not None and end > k:
                k = end
                continue
        if k > a and t.islower() and ends_name(doc, k, stop) and doc[k - 1].text not in {"-", "–"}:
            return k
        k += 1
    return min(k, b)


def _starts_position(doc: Doc, a: int, english: bool) -> bool:
    if english:
        return bool(_span_starting(doc, "POSITION_EN", a) or _span_starting(doc, "POSITION_EN_ASCII", a)
                    or doc[a].lower_ in {"an", "a", "the"} and a + 1 < len(doc)
                    and (_span_starting(doc, "POSITION_EN", a + 1) or doc[a + 1].lower_ in {"official", "officer"}))
    return bool(_span_starting(doc, "POSITION", a))


def _unit_in(doc: Doc, a: int, b: int, english: bool) -> str | None:
    """The first body named inside tokens [a, b)."""
    if english:
        text = squash(span_text(doc, a, b))
        m = re.search(r"((?:the )?(?:provincial |district |commune )?(?:[A-Z][\w'’]*\s)*(?:Department|Committee|"
                      r"Ministry|Office|Centre|Center|Agency|Board|Council|Inspectorate|Hospital|School)"
                      r"(?: of (?:the )?[A-Z][\w'’]*(?: (?:and|of) [A-Z][\w'’]*| [A-Z][\w'’]*)*)?)", text)
        return m.group(1) if m else None
    for k in range(a, b):
        end = body_end(doc, k, allow_level_start=False)
        if end is not None:
            return for_matching(body_text(doc, k, min(end, b)))
    return None


@lru_cache(maxsize=1)
def _detail_openings() -> tuple[tuple[str, ...], ...]:
    """The openings of a person's own details (data: person_details.txt), folded words."""
    return tuple(tuple(fold_phrase(line).split()) for line in resources.lines("person_details.txt"))


@lru_cache(maxsize=1)
def _position_leads() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold_phrase(line).split()) for line in resources.lines("position_leads.txt"))


def _lead_length(doc: Doc, a: int, b: int) -> int:
    """How many tokens at `a` are words set before a position (`hiện là`), none if no position follows."""
    words = tuple(fold_phrase(t.text) for t in doc[a:min(b, a + 4)])
    for lead in _position_leads():
        if words[:len(lead)] == lead and a + len(lead) < b and _starts_position(doc, a + len(lead), False):
            return len(lead)
    return 0


def _personal_detail(doc: Doc, a: int, b: int) -> bool:
    """Do tokens [a, b) state the person's birth, people, home or grade (person_details.txt)?"""
    words = tuple(fold_phrase(t.text) for t in doc[a:min(b, a + 5)])
    return any(words[:len(opening)] == opening for opening in _detail_openings())


def _attributes_after(doc: Doc, j: int, english: bool) -> tuple[str | None, str | None, bool]:
    """(position, unit, unit named inside the position) from `, <position>, <unit>,`; the
    person's own details set in commas (`, sinh ngày 12/4/1984,`) are passed over."""
    chunks = _chunks_after(doc, j, english)
    if chunks and _personal_detail(doc, *chunks[0]):
        # the person's own details, however many commas they hold (`quê quán xã Diễn Lâm, tỉnh
        # Nghệ An,`): up to the chunk that opens a position
        k = 0
        while k < len(chunks) and chunks[k][0] < chunks[k][1] and not _starts_position(doc, chunks[k][0], english) \
                and not (not english and _lead_length(doc, *chunks[k])):
            k += 1
        chunks = chunks[k:]
    chunks = [c for c in chunks if not _personal_detail(doc, *c)]
    if chunks and not english:
        # `hiện là Chuyên viên …`: the position after its lead words (position_leads.txt)
        lead = _lead_length(doc, *chunks[0])
        chunks[0] = (chunks[0][0] + lead, chunks[0][1])
    if not chunks or chunks[0][0] >= chunks[0][1] or not _starts_position(doc, chunks[0][0], english):
        return None, None, False
    stop = _stop()
    # a short lower-case chunk continues the previous one: "Phòng Công chức, viên chức"
    merged: list[list[int]] = []
    for a, b in chunks:
        if a >= b:
            break
        first = doc[a].text
        if merged and first.islower() and first not in stop and b - a <= 3 and not english:
            merged[-1][1] = b
            continue
        if merged and (first.islower() or first in stop):
            break
        merged.append([a, b])
    pos_a, pos_b = merged[0]
    trimmed = False
    if not english:
        end = _trim_position(doc, pos_a, pos_b)
        trimmed, pos_b = end < pos_b, end
    position = squash(span_text(doc, pos_a, pos_b))
    unit = None
    for a, b in ([] if trimmed else merged[1:]):
        if english:
            unit = _unit_in(doc, a, b, english)
        elif body_end(doc, a, allow_level_start=False) is not None:
            unit = for_matching(squash(span_text(doc, a, _trim_position(doc, a, b))))
        if unit:
            break
    if unit is not None:
        return position, unit, False
    split = None if english else _job_then_body(doc, pos_a, pos_b)
    if split is not None:
        # `giáo viên Trường THPT Cao Lâm,` and no body after it: the job, then the body the
        # person works in (`Chuyên viên Phòng X, Sở Y` and `Chuyên viên Phòng X,` keep their
        # department in the position)
        return squash(span_text(doc, pos_a, split)), for_matching(squash(span_text(doc, split, pos_b))), False
    inner = _unit_in(doc, pos_a + 1, pos_b, english)
    if inner and english:
        inner = re.sub(r"^the ", "", inner)
    return position, inner, inner is not None


def _job_then_body(doc: Doc, a: int, b: int) -> int | None:
    """Where a body's name starts right after a job title (positions.txt) that opens tokens
    a..b, when the title is a rank or job held in any body (job_ranks.txt: `Viên chức`,
    `giáo viên`), not the office of one body's head (`Phó Thủ tướng Chính phủ` is one title)."""
    for k in range(min(b - a, 4), 0, -1):
        title = fold_phrase(doc[a:a + k].text)
        if title in _folded_positions():
            if title not in _jobs() or a + k >= b:
                return None
            end = body_end(doc, a + k, allow_level_start=False)
            if end is None or end > b or is_subunit(doc[a + k:end].text):
                return None  # `Chuyên viên Phòng Tổ chức biên chế`: a department of the issuer
            return a + k
    return None


@lru_cache(maxsize=1)
def _jobs() -> frozenset[str]:
    """The ranks and jobs held in any body (data: job_ranks.txt), folded."""
    return frozenset(fold_phrase(line) for line in resources.lines("job_ranks.txt"))


def _title_case_position(title: str) -> str:
    """`PHÓ CHỦ TỊCH` → `Phó Chủ tịch`, `CHỦ TỊCH QUỐC HỘI` → `Chủ tịch Quốc hội`, `Q. GIÁM ĐỐC`
    and `QUYỀN GIÁM ĐỐC` → `Quyền Giám đốc`."""
    acting = re.match(r"(?i)(?:quyền\s+|q\s?\.\s*)(?=\S)", title)
    if acting:
        return "Quyền " + _title_case_position(title[acting.end():])
    words = title.split()
    k = _position_prefix(words)
    if k:
        rest = " ".join(words[k:])
        return _folded_positions()[fold_phrase(" ".join(words[:k]))] + (" " + proper_case_body(rest) if rest else "")
    low = title.lower().split()
    return " ".join([low[0].capitalize()] + low[1:]) if low else title


# a member's line of a committee's list: `1. Trưởng ban Chỉ đạo: Phó Thủ tướng Chính phủ Phạm …`,
# `- Phó Trưởng ban:` (the list's mark, the role, then the member's own position and name)
_ROLE_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[a-zđ][)]|[-–+•])[ \t]*(?P<role>[^\W\d_][^:\n]{2,80}?)[ \t]*:[ \t]*$")


@lru_cache(maxsize=1)
def _folded_positions() -> dict[str, str]:
    """folded position (positions.txt) → as written."""
    out: dict[str, str] = {}
    for p in resources.lines("positions.txt"):
        out.setdefault(fold_phrase(p), p)  # the first spelling listed
    return out


def _role_labelled(text: str, start: int) -> str | None:
    """The role a list line gives a member before the colon that precedes his position at
    `start` (`Trưởng ban Chỉ đạo Trung ương`): a position's name (positions.txt), with at most
    a name after it (a sentence before a colon, `… kết luận như sau:`, is none)."""
    m = _ROLE_LABEL.search(text, max(0, start - 120), start)
    if not m:
        return None
    role = squash(m["role"])
    words = role.split()
    k = _position_prefix(words)
    if not k:
        return None
    rest = words[k:]
    # a name's words after it (`Trung ương`), never two in small letters running
    # (`Sở Nội vụ báo cáo`, `Ủy ban nhân dân tỉnh kết luận như sau`: a sentence)
    named = not rest or (rest[0][:1].isupper() and not any(
        a[:1].islower() and b[:1].islower() for a, b in zip(rest, rest[1:])))
    return role if named else None


def _position_prefix(words: list[str]) -> int:
    """How many of the first words make the longest listed position (positions.txt); 0 if
    none does."""
    return next((k for k in range(len(words), 0, -1) if fold_phrase(" ".join(words[:k])) in _folded_positions()), 0)


def find_mentions(page: Page, doc: Doc, english: bool) -> list[Mention]:
    out: list[Mention] = []
    n = len(doc)
    taken = set()
    family = "FAMILY_ASCII" if english else "FAMILY"
    starts: list[tuple[int, str]] = []
    read = page.ocr_confidence is not None
    honorific_spans = [(span, False) for span in doc.spans["HONORIFIC"]] + \
        [(span, True) for span in doc.spans.get("HONORIFIC_ASCII", [])]
    for span, unmarked in honorific_spans:
        k = span.end + (1 if span.end < n and doc[span.end].text == "." else 0)
        if k < n and _is_name_syllable(doc[k].text, english):
            # in Vietnamese, `Ba` or `Ong` with no marks is `Bà`/`Ông` only before a family name:
            # `3. Ba Bể Cao Bằng` is a place (`Bế Cao Bằng` was a person)
            if english or not unmarked or _family_at(doc, k):
                starts.append((k, "honorific"))
        elif k < n and read and not english and _small_family(doc, k):
            starts.append((k, "small"))
    items: dict[int, str] = {}  # a name's first token → the list item's misread honorific
    if read and not english:
        words = doc.user_data["words"]
        for k in range(n - 1):
            if words[k] in _ITEM_HONORIFICS and not _span_starting(doc, "HONORIFIC", k):
                honorific = _item_honorific(doc, k + 1)
                if honorific:
                    items[k + 1] = honorific
        starts += [(k, "item") for k in items]
    for span in list(doc.spans.get(family, [])) + (list(doc.spans.get("FAMILY", [])) if english else []):
        if doc[span.start].text[:1].isupper() and not doc[span.start].text.isupper():
            starts.append((span.start, "family"))
    for i, why in sorted(starts):
        if i in taken:
            continue
        if why == "family" and (_span_starting(doc, "HONORIFIC", i) or _span_starting(doc, "POSITION", i)
                                or _span_starting(doc, "BODY_HEAD", i)):
            continue  # "Ông Nguyễn …": the honorific, not a family name Ông
        if _span_starting(doc, "POSITION", i) or _span_starting(doc, "BODY_HEAD", i):
            continue
        j = _name_end(doc, i, english, small_first=why == "small")
        size = j - i
        if size < 2:
            continue
        honorific, _ = _honorific_before(doc, i)
        if why == "item":
            honorific = items[i]
        position_before = _position_before(doc, i, english)
        vouched = honorific is not None or position_before is not None
        if size < 3 and not vouched:
            continue
        if why == "family" and not vouched and not english and _span_starting(doc, "FAMILY", i) is None:
            continue
        if _is_place_context(doc, i, j, english) and not _named_after_own_committee(doc, i, j, position_before):
            continue
        name_text = squash(span_text(doc, i, j))
        name_text = name_text[:1].upper() + name_text[1:]  # `triệu Văn Quyết` read small (_small_family)
        f = fold_phrase(name_text)
        if any(f == nn or f.startswith(nn + " ") for nn in _not_names()) or f in _places_named_like_people():
            continue
        if not vouched and _a_commune_read_bare(name_text):
            continue  # (`ông Xa Anh Dũng` is a man, though a commune is named Anh Dũng)
        taken.update(range(i, j))
        position, unit, inner = _attributes_after(doc, j, english)
        if inner and unit and is_subunit(unit):
            unit = None  # "Chuyên viên Phòng X": the body comes from the document
        lead = i  # where the mention's words begin: its position, its honorific, or the name
        if position is None and position_before:
            position = position_before
            unit = _unit_in(doc, i - len(position_before.split()), i, english) if not english else \
                _unit_in(doc, i - len(position_before.split()), i, english)
            lead = i - len(position_before.split())
        elif honorific is not None:
            lead = i - 1 if why == "item" else _honorific_before(doc, i)[1]
        role = None if english or position is None else _role_labelled(page.text, tok_start(doc, lead))
        if role:
            position = f"{position}; {role}"
        a = tok_start(doc, i)
        out.append(Mention(name=name_text, page=page.number, start=a, quote=page.text[a:a + len(span_text(doc, i, j))],
                           honorific=honorific, position=position, unit=unit, tok=(i, j)))
    return out


def table_mentions(pages: list[Page]) -> list[Mention]:
    """People listed in DANH SÁCH rows, with the row's position and unit."""
    out = []
    for row in find_list_rows(pages):
        name = row.cells["name"]
        page = next(p for p in pages if p.number == row.page)
        position, unit = listed_position_unit(row.cells)
        out.append(Mention(name=squash(name), page=row.page, start=row.name_start,
                           quote=page.text[row.name_start:row.name_start + len(row.name_quote)],
                           position=position, unit=for_matching(unit) if unit else None))
    return out


def listed_position_unit(cells: dict[str, str]) -> tuple[str | None, str | None]:
    """(position, unit) of a list's row: its columns, or one column holding both (`Chức vụ, đơn
    vị công tác`: `Kế toán viên, Văn phòng Sở Tài chính`) read as a sentence's `, <position>,
    <unit>`; a department of no named body stays in the position (`Chuyên viên Phòng Tổ chức
    biên chế`), as in a sentence, and a cell naming only a body is the unit."""
    position, unit = cells.get("position") or None, cells.get("from_unit") or None
    both = squash(cells.get("position_unit") or "")
    if not both and position and unit is None and "from_unit" in cells:
        # the unit's cell left empty, the position's holding both (`Chuyên viên Phòng X, Sở Y`)
        read, body = listed_position_unit({"position_unit": position})
        return (read, body) if body else (position, None)
    if not both:
        return position, unit
    doc = parse(", " + both)
    read, body, within = _attributes_after(doc, 0, english=False)
    if body is None and expand_abbreviations(both) != both:
        # the body abbreviated, as lists write it (`Chủ tịch UBND xã Đầm Hà`)
        doc = parse(", " + expand_abbreviations(both))
        read, body, within = _attributes_after(doc, 0, english=False)
    if read is None:
        read, body = (None, both) if body_end(doc, 1, allow_level_start=False) is not None else (both, None)
    elif within:
        # a body of its own after the department, no comma between (`Chuyên viên Phòng Quản lý
        # đất đai Sở Nông nghiệp và Môi trường`); else the issuer's department, filled as a
        # sentence's is (people_and_mentions)
        at = _own_body_at(doc, 2)
        read, body = (squash(doc[1:at].text), squash(doc[at:].text)) if at is not None else (read, None)
    elif body and not both.endswith(body):
        # the body with what follows it: a department, then its body (`Phòng Tổ chức cán bộ, Sở
        # Nội vụ`), as the sending body is told by (briefs.grouping.sending_body)
        body = both[both.find(body):] if body in both else body
    return position or (read.rstrip(" -–—,") if read else read), unit or body


def _body_named_in(position: str) -> str | None:
    """The body, no department, a position names after its department (`Văn phòng Sở Tư pháp` →
    `Sở Tư pháp`), if any."""
    doc = parse(position)
    at = _own_body_at(doc, 1)
    return squash(doc[at:].text) if at is not None else None


def _own_body_at(doc: Doc, start: int) -> int | None:
    """The first token from `start` opening a body that is no department (`Sở …` after `Phòng …`)."""
    for k in range(start, len(doc)):
        end = body_end(doc, k, allow_level_start=False)
        if end is not None and not is_subunit(doc[k:end].text):
            return k
    return None


def merge_people(mentions: list[Mention], doc_facts: DocumentFacts, pages: list[Page]) -> list[Person]:
    """One person per name; later mentions fill what the first one lacked."""
    people: dict[str, Person] = {}
    for m in mentions:
        key = fold_phrase(m.name)
        conf = next((p.ocr_confidence for p in pages if p.number == m.page), None)
        if key not in people:
            people[key] = Person(name=m.name, evidence=Evidence(page=m.page, quote=m.quote, start=m.start,
                                                                 confidence=conf),
                                 honorific=m.honorific, position=m.position, unit=m.unit)
        else:
            p = people[key]
            p.honorific = p.honorific or m.honorific
            if p.position is None:
                p.position, p.unit = m.position, p.unit or m.unit
            p.unit = p.unit or m.unit
    return list(people.values())


def _issuer_if_its_head(unit: str | None, doc_facts: DocumentFacts) -> str | None:
    """`Kế toán viên Văn phòng Sở` in a decision of the Sở Y tế: the head alone (`Sở`, the
    body's own way of naming itself) is the issuing body."""
    issuer = doc_facts.issuer
    if unit and issuer and names_no_body(unit) and fold_phrase(issuer).startswith(fold_phrase(unit) + " "):
        return issuer
    return unit


def marks_from_document(name: str, texts: list[str]) -> str:
    """A scanned name with the marks the document gives it elsewhere: a fax's or photocopy's
    signing block lost them (`Phạm Gia Tuc` signed under `… Chính phủ Pham Gia Túc` in the
    body). Only a word that is no syllable as read takes them (`Tuc`: a rhyme ending in c
    bears a tone), never one that is (`Minh`, `Lê`: a body line's `Mính`, `Lễ` is the slip),
    and only from one spelling."""
    words = name.split()
    key = [fold_phrase(w) for w in words]
    found: list[set[str]] = [set() for _ in words]
    for text in texts:
        tokens = [t.strip(",.;:()\"'“”‘’") for t in text.split()]
        folded = [fold_phrase(t) for t in tokens]
        for i in range(len(tokens) - len(words) + 1):
            if folded[i:i + len(words)] == key:
                for k, token in enumerate(tokens[i:i + len(words)]):
                    found[k].add(token)
    out = []
    for word, spellings in zip(words, found):
        richer = {s for s in spellings if marks(word) < marks(s) and is_syllable(s)} \
            if word.isalpha() and not is_syllable(word) else set()
        out.append(cased_like(richer.pop(), word) if len(richer) == 1 else word)
    return " ".join(out)


# `KT. X`: a deputy signs for X (Decree 30/2020, Appendix I): the deputy's title, where the seal
# hid the signer's own line; a minister's deputy is a vice-minister
_DEPUTY_OF = {"bo truong": "THỨ TRƯỞNG"}
# `TM. <a collective body>` alone: its head signs
_HEAD_OF = {"uy ban nhan dan": "CHỦ TỊCH", "hoi dong nhan dan": "CHỦ TỊCH", "chinh phu": "THỦ TƯỚNG"}


def position_from_authority(authority: str | None) -> str | None:
    """The signer's title the authority lines tell when the title line itself was not read:
    `KT. CHỦ TỊCH` → `PHÓ CHỦ TỊCH`, `KT. BỘ TRƯỞNG` → `THỨ TRƯỞNG`, `TM. ỦY BAN NHÂN DÂN` →
    `CHỦ TỊCH`, `Q. GIÁM ĐỐC` → `QUYỀN GIÁM ĐỐC`; None for `TL.`, `TUQ.` (an official signs by order: any title) or nothing read."""
    if not authority:
        return None
    parts = re.split(r"\b(TM|KT|TL|TUQ|Q)\.\s*", authority.upper())
    marks = [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]
    if not marks:
        return None
    mark, whom = marks[-1]
    key = fold_phrase(whom)
    if mark == "KT" and whom:
        return _DEPUTY_OF.get(key) or (whom if key.startswith("pho ") else f"PHÓ {whom}")
    if mark == "TM":
        return _HEAD_OF.get(key)
    if mark == "Q" and whom:
        return f"QUYỀN {whom}"  # `Q. GIÁM ĐỐC`: the acting director signs, in their own name
    return None


def signer_person(doc_facts: DocumentFacts, english: bool, pages: list[Page] | None = None) -> Person | None:
    signer = doc_facts.signer
    ev = doc_facts.evidence.get("signer")
    if signer is None or not signer.name or ev is None:
        return None
    if not english and pages and any(p.number == ev.page and p.ocr_confidence is not None for p in pages):
        # a page scanned coarser than a tone mark's few pixels (a fax's rows): which tone is read
        # cannot be trusted, only that one is
        coarse = any(p.number == ev.page and coarse_scan(p.scan_dpi) for p in pages)
        signer.name = marks_from_document(repair_ocr_name(signer.name, coarse), [p.text for p in pages])
    position = signer.title or (None if english else position_from_authority(signer.authority))
    if position and not english:
        position = _title_case_position(position)
    return Person(name=signer.name, evidence=ev, honorific=None, position=position, unit=doc_facts.issuer)


def _has_subunit(position: str) -> bool:
    words = position.split()
    return any(is_subunit(" ".join(words[k:])) for k in range(1, len(words)))


def _complete_en_unit(unit: str | None, pages: list[Page]) -> str | None:
    """`provincial People's Committee` → `People's Committee of Van Xuan province` when named so."""
    if not unit:
        return unit
    m = re.match(r"(?:the )?provincial (.+)$", unit)
    if not m:
        return unit
    core = re.escape(m.group(1))
    for pattern in (rf"{core} of ((?:[A-Z][a-z]+ ){{1,4}})province", r"\bof ((?:[A-Z][a-z]+ ){1,4})province"):
        for page in pages:
            full = re.search(pattern, re.sub(r"\s+", " ", page.text))
            if full:
                return f"{m.group(1)} of {full.group(1)}province"
    return unit


def _overlaps(a: Evidence, b: Evidence) -> bool:
    """Two quotes share words of one page."""
    if a.page != b.page or a.start is None or b.start is None:
        return False
    return a.start < b.start + len(b.quote) and b.start < a.start + len(a.quote)


def extract_people(pages: list[Page], docs: list[Doc], doc_facts: DocumentFacts, language: str) -> list[Person]:
    return people_and_mentions(pages, docs, doc_facts, language)[0]


def people_and_mentions(pages: list[Page], docs: list[Doc], doc_facts: DocumentFacts,
                        language: str) -> tuple[list[Person], list[Mention]]:
    english = language == "en"
    mentions: list[Mention] = []
    for page, doc in zip(pages, docs):
        mentions.extend(find_mentions(page, doc, english))
    listed = table_mentions(pages)
    # a name wrapped in a table cell ("Nguyễn Thị Hằng" / "Nga") is the row's whole name
    at = {(m.page, m.start): m for m in listed}
    mentions = [m for m in mentions if not ((m.page, m.start) in at and at[(m.page, m.start)].name != m.name
                                            and fold_phrase(at[(m.page, m.start)].name).startswith(fold_phrase(m.name)))]
    mentions.extend(listed)
    if not english:
        ocr_pages = {p.number for p in pages if p.ocr_confidence is not None}
        for m in mentions:
            if m.page in ocr_pages:
                m.name = repair_ocr_name(m.name)
    people = merge_people(mentions, doc_facts, pages)
    for p in people:
        if english:
            p.unit = _complete_en_unit(p.unit, pages)
            continue
        p.unit = complete_body(p.unit, doc_facts)
        # A unit inside a body ("Phòng Tổ chức biên chế") with no body named: the issuer's; with
        # its body named in the position (`Chuyên viên Văn phòng Sở Tư pháp`), that body's
        if doc_facts.issuer and p.unit is None and p.position and _has_subunit(p.position):
            p.unit = _issuer_if_its_head(_body_named_in(p.position), doc_facts) or doc_facts.issuer
    signer = signer_person(doc_facts, english, pages)
    if signer is not None:
        key = fold_phrase(signer.name)
        # the signer's name line read otherwise as a mention (`Hồ Sỹ I Long`: a stroke of the
        # signature read as a letter; `“Bui Văn Hải` / `Á`: a quote mark glued to the family
        # name, a scrap below): the signer's reading of those words stands, the other is no person
        people = [p for p in people if fold_phrase(p.name) == key or not _overlaps(p.evidence, signer.evidence)]
        existing = next((p for p in people if fold_phrase(p.name) == key), None)
        if existing is None:
            people.append(signer)
        else:
            existing.position = existing.position or signer.position
            existing.unit = existing.unit or signer.unit
    return people, mentions
