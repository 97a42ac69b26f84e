"""The interface's words in Vietnamese (default) and English: labels.json plus any labels_*.json
beside it (one per group of pages, so each can add its words without touching the others')."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

LANGUAGES = ("vi", "en")
DEFAULT = "vi"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    folder = resources.files("dispatch_reader.web")
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("labels") and p.name.endswith(".json"))
    for name in names:
        data = json.loads(folder.joinpath(name).read_text("utf-8"))
        for lang in LANGUAGES:
            table[lang].update(data.get(lang, {}))
    return table


def choose(asked: str | None) -> str | None:
    """`asked` when it is a language the interface has, else None."""
    return asked if asked in LANGUAGES else None


def translator(lang: str) -> Callable[..., str]:
    """t("key", n=3): the label in `lang`, formatted; the English one, then the key, when missing."""
    own, english = _table()[lang], _table()["en"]

    def t(key: str, **values: Any) -> str:
        text = own.get(key) or english.get(key) or key
        return text.format(**values) if values else text

    return t
