"""The words of the briefs in each language, from labels.json (data, so translators need no code)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _all() -> dict[str, Any]:
    return json.loads(resources.files("dispatch_reader.briefs").joinpath("labels.json").read_text("utf-8"))


def languages() -> list[str]:
    return sorted(_all())


def labels(lang: str) -> dict[str, Any]:
    """The label set of `lang`; ValueError names the languages there are."""
    table = _all()
    if lang not in table:
        raise ValueError(f"no labels for language '{lang}' (one of: {', '.join(sorted(table))})")
    return table[lang]


@lru_cache(maxsize=1)
def grouping_rules() -> dict[str, Any]:
    return json.loads(resources.files("dispatch_reader.briefs").joinpath("data/grouping.json").read_text("utf-8"))
