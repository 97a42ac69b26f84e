"""Body names in running text: `Sở Nông nghiệp và Môi trường`, `Ủy ban nhân dân xã Tân Phong`.

A body name is a head from body_heads.txt (`Sở`, `Ủy ban nhân dân`), then field parts in
sentence case joined by `và`, `-` or `,`, then optionally an administrative level and a
place name (`tỉnh Lâm Hà`). Lower-case words continue a field part (`Nội vụ`, `Quản lý đất
đai`) until a word from body_stopwords.txt (`tại`, `về`, `quy định`) ends the name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from dispatch_reader.extract import resources
from dispatch_reader.extract.nlp import span_text
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.extract.textutil import fold_phrase, is_word
from dispatch_reader.record import DocumentFacts

_CONNECTORS = {"và", "-", "–", "and", "&"}


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return frozenset(w.lower() for w in resources.words("body_stopwords.txt"))


@lru_cache(maxsize=None)
def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    """The phrases of a data file, each as its folded words."""
    return frozenset(tuple(fold_phrase(w) for w in line.split()) for line in resources.lines(name))


def _field_phrases() -> frozenset[tuple[str, ...]]:
    return _phrases("field_phrases.txt")


def ends_name(doc: Doc, j: int, stop: frozenset[str]) -> bool:
    """Does the lower-case word at token j end a body name or position? A stop word does,
    unless it closes a field name that holds it (`Chuyển đổi số`: field_phrases.txt)."""
    if doc[j].text not in stop:
        return False
    for phrase in _field_phrases():
        k = j - len(phrase) + 1
        if k >= 0 and tuple(fold_phrase(doc[m].text) for m in range(k, j + 1)) == phrase:
            return False
    return True


@lru_cache(maxsize=1)
def standalone_bodies() -> frozenset[str]:
    """The folded names of bodies that stand alone (`Chính phủ`, `Thủ tướng Chính phủ`)."""
    return frozenset(fold_phrase(w) for w in resources.words("standalone_bodies.txt"))


def _span_starting(doc: Doc, label: str, i: int) -> int | None:
    """End of the `label` span that starts at token i, if any."""
    index = doc.user_data.setdefault("_span_index", {})
    if label not in index:
        index[label] = {s.start: s.end for s in doc.spans[label]}
    return index[label].get(i)


@lru_cache(maxsize=1)
def _not_after() -> dict[str, frozenset[str]]:
    return {fold_phrase(r[0]): frozenset(fold_phrase(w) for w in r[1].split(",")) if len(r) > 1 else frozenset()
            for r in resources.rows("admin_levels.txt")}


def level_end(doc: Doc, j: int) -> int | None:
    """End of an administrative level word at token j (`xã`, but not the `xã` of `xã hội`)."""
    end = _span_starting(doc, "LEVEL", j)
    if end is None:
        return None
    if end < len(doc) and fold_phrase(doc[end].text) in _not_after().get(fold_phrase(doc[j:end].text), ()):
        return None
    return end


def is_title_token(tok_text: str) -> bool:
    return tok_text[:1].isupper() and is_word(tok_text)  # (`Ea H'Leo`: a place's word with its apostrophe)


@lru_cache(maxsize=1)
def provinces() -> frozenset[str]:
    """Province and city names (provinces.txt), folded."""
    return frozenset(fold_phrase(p) for p in resources.lines("provinces.txt"))


_PROVINCE_LEVELS = frozenset({"tinh", "thanh pho"})


def is_province(doc: Doc, start: int, end: int) -> bool:
    """Do tokens [start, end) name a province or city (provinces.txt)?"""
    return fold_phrase(doc[start:end].text) in provinces()


def _province_end(doc: Doc, level: int, start: int, end: int) -> int | None:
    """The end of the longest known province's name in tokens [start, end) after a province's
    level word at `level`, when the title words run on past it; else None."""
    if fold_phrase(doc[level:start].text) not in _PROVINCE_LEVELS:
        return None
    return next((k for k in range(min(end - 1, start + 4), start, -1) if is_province(doc, start, k)), None)


def body_end(doc: Doc, i: int, *, allow_level_start: bool = True) -> int | None:
    """End token of the body name starting at token i, or None when none starts there."""
    n = len(doc)
    if i >= n or not doc[i].text[:1].isupper():
        return None
    end = _span_starting(doc, "BODY_HEAD", i)
    if end is not None:
        if fold_phrase(doc[i:end].text) in standalone_bodies():
            return end
        j = end
    elif allow_level_start and level_end(doc, i) is not None:
        # "Xã Mường Khoa": a place given by its level alone.
        lvl_end = level_end(doc, i)
        if lvl_end < n and is_title_token(doc[lvl_end].text):
            j = lvl_end
            while j < n and is_title_token(doc[j].text) and _span_starting(doc, "BODY_HEAD", j) is None:
                j += 1
            return j
        return None
    else:
        return None
    stop = _stop()
    while j < n:
        t = doc[j].text
        nested = _span_starting(doc, "BODY_HEAD", j) if is_title_token(t) else None
        if nested is not None and level_end(doc, j) is not None and nested > level_end(doc, j):
            j = nested  # "Tỉnh ủy" is a body, not the level "tỉnh"
            continue
        lvl = level_end(doc, j)
        if lvl is not None:
            k = lvl
            while k < n and is_title_token(doc[k].text) and _span_starting(doc, "BODY_HEAD", k) is None:
                k += 1
            # a province is a known name: what follows it is no part of it (`Ủy ban nhân dân
            # tỉnh Lai Châu Lò Văn Pấng`, the person after his body)
            j = _province_end(doc, j, lvl, k) or k
            break  # a place name (or a bare "tỉnh") closes the body
        if is_title_token(t):
            nested = _span_starting(doc, "BODY_HEAD", j)
            j = nested if nested is not None else j + 1
            count = 0
            while j < n and doc[j].text.isalpha() and doc[j].text.islower() and not ends_name(doc, j, stop) and count < 4:
                j += 1
                count += 1
            continue
        if t in _CONNECTORS and j + 1 < n and is_title_token(doc[j + 1].text):
            j += 1
            continue
        lower = _lower_field_end(doc, j + 1) if t == "và" else None
        if lower is not None:
            j = lower  # a level and place may follow (`… và đào tạo tỉnh Lào Cai`)
            continue
        if t == "," and _field_list_follows(doc, j + 1):
            # "Văn hóa, Thể thao và Du lịch": a comma inside a list of fields.
            j += 1
            continue
        break
    return j


def _lower_field_end(doc: Doc, k: int) -> int | None:
    """The end of a field in lower case after `và` (lower_fields.txt) that closes a body's name:
    `Trung tâm Quan trắc tài nguyên và môi trường`, then a comma, a stop word, a level or the
    text's end."""
    for phrase in _phrases("lower_fields.txt"):
        end = k + len(phrase)
        if end <= len(doc) and doc[k].text.islower() \
                and tuple(fold_phrase(doc[m].text) for m in range(k, end)) == phrase \
                and (end == len(doc) or not doc[end].text.isalpha() or doc[end].text in _stop()
                     or level_end(doc, end) is not None):
            return end
    return None


def _field_list_follows(doc: Doc, k: int) -> bool:
    """A sentence-case field part, then `và`/`,` and another one (not a new body or person)."""
    n = len(doc)
    if k >= n or not is_title_token(doc[k].text) or _span_starting(doc, "BODY_HEAD", k) is not None \
            or _span_starting(doc, "FAMILY", k) is not None:
        return False
    k += 1
    stop = _stop()
    while k < n and doc[k].text.isalpha() and doc[k].text.islower() and doc[k].text not in stop:
        k += 1
    return k + 1 < n and doc[k].text in {"và", ","} and is_title_token(doc[k + 1].text)


def body_text(doc: Doc, i: int, end: int) -> str:
    """The body's words as one line (line breaks and double spaces squashed)."""
    return " ".join(span_text(doc, i, end).split())


def complete_body(name: str | None, doc_facts: DocumentFacts) -> str | None:
    """`Ủy ban nhân dân tỉnh` (the province is this document's own) → the full name."""
    if not name:
        return None
    f = fold_phrase(name)
    candidates = [doc_facts.issuer]
    if doc_facts.issuer_parent:
        candidates.append(proper_case_body(doc_facts.issuer_parent))
    for cand in candidates:
        if not cand:
            continue
        fc = fold_phrase(cand)
        if fc.startswith(f + " ") and len(f.split()) >= 3 and f.split()[-1] in _level_words():
            return cand
    return name


# heads that name no body without their field (`Bộ`, `Sở`, `Ủy ban nhân dân`); `Chính phủ`,
# `Ngân hàng Nhà nước`, `Kho bạc Nhà nước` do
_FIELDLESS = ("uy ban nhan dan", "hoi dong nhan dan", "tong cuc", "chi cuc", "trung tam", "van phong")


def names_no_body(name: str) -> bool:
    """Is `name` a head alone, cut from its field at a line's end (`… của Bộ` / `trưởng Bộ Lao
    động …`): no body named?"""
    return fold_phrase(name) in _heads_alone()


@lru_cache(maxsize=1)
def _heads_alone() -> frozenset[str]:
    heads = {fold_phrase(h) for h in resources.lines("body_heads.txt")}
    return frozenset(h for h in heads if " " not in h or h in _FIELDLESS)


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    return frozenset(fold_phrase(r[0]).split()[-1] for r in resources.rows("admin_levels.txt"))


@lru_cache(maxsize=1)
def _subunits() -> tuple[str, ...]:
    return tuple(sorted((fold_phrase(w) for w in resources.lines("subunit_heads.txt")), key=len, reverse=True))


def is_subunit(name: str) -> bool:
    """`Phòng Tổ chức biên chế` is a unit inside a body; `Sở Nội vụ` is a body, and so is one
    named down to its level (`Văn phòng Đăng ký đất đai tỉnh`, `Trạm Y tế xã`: the province's
    land registry, the commune's health station, whatever body issued the document)."""
    f = fold_phrase(name)
    # the level as written: folded, `cơ quan` would end on `quận` (`Văn phòng Cơ quan` is one)
    words = name.lower().split()
    if len(words) > 2 and words[-1] in written_levels():
        return False
    return any(f == h or f.startswith(h + " ") for h in _subunits())


@lru_cache(maxsize=1)
def written_levels() -> frozenset[str]:
    """The one-word administrative levels as written (`tỉnh`, `huyện`, `xã`, `quận`), lower case."""
    return frozenset(r[0].lower() for r in resources.rows("admin_levels.txt") if " " not in r[0].strip())
