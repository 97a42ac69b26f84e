"""Every warning the extraction writes is told in Vietnamese in a Vietnamese brief: each has its
kind in schema/warnings.json (a clerk found `issuer read as '…': '…', the body the number's
symbol … names …` left in English in a Vietnamese brief)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from dispatch_reader.messages import localise

SOURCES = sorted((Path(__file__).resolve().parent.parent / "dispatch_reader" / "extract").glob("*.py"))
# warnings.append(f"…" f"…") of string pieces only (a warning chosen by a condition is another's)
_WARNING = re.compile(r'warnings\.append\(\s*((?:f?"(?:[^"\\]|\\.)*"\s*)+)\)')
_PIECE = re.compile(r'f?"((?:[^"\\]|\\.)*)"')
_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")
# what a value may be: a word, nothing (a clause left out), a clause (`read as '…'`)
_VALUES = ("x", "", "read as 'x'", "not read")


def _warnings() -> list[str]:
    out = []
    for path in SOURCES:
        for m in _WARNING.finditer(path.read_text("utf-8")):
            out.append("".join(_PIECE.findall(m.group(1))))
    return out


def test_the_warnings_are_found() -> None:
    warnings = _warnings()
    assert len(warnings) >= 20
    assert any(w.startswith("issuer read as") for w in warnings)


@pytest.mark.parametrize("warning", _warnings())
def test_an_extraction_warning_is_told_in_vietnamese(warning: str) -> None:
    fields = _FIELD.findall(warning)
    for values in itertools.product(_VALUES, repeat=len(fields)):
        text = warning
        for field, value in zip(fields, values):
            text = text.replace(field, value, 1)
        if localise(text, "vi") != text:
            return
    pytest.fail(f"no Vietnamese for: {warning}")
