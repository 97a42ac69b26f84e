"""The fixed choices of the command line, as enums checked before any work starts.

Typer turns an Enum parameter into a choice: a wrong value is a usage error (exit 2) naming
the allowed ones, before a file is read or a byte is written. Document types also accept
their Vietnamese names and abbreviations (quyet_dinh, "Quyết định", QĐ, QD), as clerks
write them.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from dispatch_reader.errors import UsageError


class BriefFormat(str, Enum):
    html = "html"
    md = "md"
    docx = "docx"
    pdf = "pdf"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _key(text: str, keep_d: bool = False) -> str:
    """`Quyết định`, `quyet_dinh`, `QĐ` → `quyetdinh`, `qd`; with `keep_d` the Đ stays apart
    (`ĐA`, Đề án, is no `DA`, Dự án)."""
    from dispatch_reader.textnorm import fold

    d = ("dd", "DD") if keep_d else ("d", "D")
    return re.sub(r"[\s_\-.]+", "", fold(text.replace("đ", d[0]).replace("Đ", d[1])))


def _type_rows() -> list[tuple[str, ...]]:
    """(label, abbreviation, code) of doc_types.tsv."""
    from dispatch_reader.extract import resources

    return [(*row, "", "")[:3] for row in resources.rows("doc_types.tsv")]


@lru_cache(maxsize=None)
def doc_type_names(keep_d: bool = False) -> dict[str, str]:
    """Every accepted spelling (folded; `keep_d`: its Đ apart) → the document type code."""
    from dispatch_reader.store.filters import DOC_TYPES

    names = {_key(code, keep_d): code for code in DOC_TYPES}
    for label, abbreviation, code in _type_rows():
        if code in DOC_TYPES and code != "other":
            names.setdefault(_key(label, keep_d), code)
            if abbreviation:
                names.setdefault(_key(abbreviation, keep_d), code)
    names.setdefault(_key("CV", keep_d), "official_dispatch")  # công văn: its numbers carry no type letters
    return names


@lru_cache(maxsize=None)
def other_type_labels(keep_d: bool = False) -> dict[str, str]:
    """Every accepted spelling (folded; `keep_d`: its Đ apart) of a kind of document with no
    type code of its own → its label as the record stores it: a regulation (`QUY CHẾ`, `QC`), a
    consolidated text (`VBHN`, `Văn bản hợp nhất`, `consolidated`). Their type is `other`; the
    label tells them apart. A spelling two labels share (`DA` for Đề án's `ĐA` and Dự án's) is
    neither's."""
    from dispatch_reader.extract.consolidated import ALIASES, LABEL

    labels = {_key(alias, keep_d): LABEL for alias in (LABEL, *ALIASES)}
    shared: set[str] = set()
    for label, abbreviation, code in _type_rows():
        if code != "other":
            continue
        for spelling in (label, abbreviation):
            key = _key(spelling, keep_d) if spelling else ""
            if key and labels.setdefault(key, label) != label:
                shared.add(key)
    return {k: v for k, v in labels.items() if k not in shared}


def type_and_label(value: str | None) -> tuple[str | None, str | None]:
    """(type code, label) for a type as a clerk writes it: a code, a Vietnamese name or an
    abbreviation; a kind with no code of its own (a consolidated text, a regulation) is
    (`other`, its label). UsageError for an unknown one."""
    if value is None or not value.strip():
        return None, None
    # as written first, its Đ apart (`HĐ`, a contract, is no `HD`, a guidance), then folded
    # (`QD` as clerks type `QĐ`)
    for keep_d in (True, False):
        code = doc_type_names(keep_d).get(_key(value, keep_d))
        if code is not None:
            return code, None
        label = other_type_labels(keep_d).get(_key(value, keep_d))
        if label is not None:
            return "other", label
    return doc_type(value), None


def doc_type(value: str | None) -> str | None:
    """The type code for an English code, a Vietnamese name or an abbreviation; UsageError else."""
    if value is None or not value.strip():
        return None
    code = doc_type_names().get(_key(value))
    if code is None:
        from dispatch_reader.store.filters import DOC_TYPES

        raise UsageError(f"unknown document type '{value}' (one of: {', '.join(DOC_TYPES)}; "
                         "or a Vietnamese name such as quyet_dinh, cong_van, QĐ, or VBHN)")
    return code
