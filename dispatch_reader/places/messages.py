"""Warnings about places, in the record as stable English text and shown in the reader's
language through a small table (data/warnings.json)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from dispatch_reader.places.match import PlaceMatch


ROLES = ("destination", "sending unit")  # which place of a secondment a warning is about


@lru_cache(maxsize=1)
def _data() -> dict[str, dict]:
    return json.loads(resources.files("dispatch_reader.places").joinpath("data/warnings.json").read_text("utf-8"))


def _table() -> dict[str, dict[str, str]]:
    return {k: v for k, v in _data().items() if not k.startswith("_")}


def _role(role: str, lang: str) -> str:
    return _data()["_roles"].get(role, {}).get(lang, role)


@lru_cache(maxsize=1)
def _english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    from dispatch_reader.messages import template_pattern

    return [(name, template_pattern(texts["en"])) for name, texts in _table().items()]


def place_warning(m: PlaceMatch, role: str = "destination") -> str | None:
    """The English warning for a match a reader must check; None for one that needs none.
    `role` is one of ROLES: the secondment's destination or its sending unit."""
    kind = {"corrected": "place_corrected", "ambiguous": "place_ambiguous", "old_name": "place_old_name",
            "unmatched": "place_unmatched"}.get(m.match)
    if m.match == "old_name" and m.name:
        kind = "place_converted"
    if kind is None:
        return None
    note = (m.note or "").split("(")[-1].rstrip(")") if m.match == "ambiguous" else (m.note or "")
    # the place as read (`xã Đà Vi`), or the whole print when only noise around it was dropped
    shown = m.read_as if m.read_as and m.read_as != m.display else m.printed
    return _table()[kind]["en"].format(role=role, printed=shown, official=m.display or m.name or "", note=note)


def localise(warning: str, lang: str) -> str:
    """A place warning in `lang` (other warnings, and languages the table lacks, pass unchanged)."""
    if lang == "en":
        return warning
    for name, pattern in _english_patterns():
        m = pattern.match(warning)
        if m and lang in _table()[name] and m.group("role") in ROLES:
            return _table()[name][lang].format(**(m.groupdict() | {"role": _role(m.group("role"), lang)}))
    return warning
