"""Every note the reading of a page writes (what was done to it and why) is told in Vietnamese
in a Vietnamese brief: each has its kind in schema/warnings.json."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dispatch_reader.messages import localise

INGEST = Path(__file__).resolve().parent.parent / "dispatch_reader" / "ingest"
# notes.append(f"…") on one line, or its text in two string pieces on two lines
_NOTE = re.compile(r'notes\.append\(\s*f?"((?:[^"\\]|\\.)*)"\s*(?:\n\s*f?"((?:[^"\\]|\\.)*)")?\s*\)')


def _notes() -> list[str]:
    """Each note as the record carries it, its values filled in (a share as a percentage)."""
    out = []
    for path in sorted(INGEST.glob("*.py")):
        for m in _NOTE.finditer(path.read_text("utf-8")):
            text = m.group(1) + (m.group(2) or "")
            text = re.sub(r"\{[^}]*%\}", "2.5%", text)
            out.append("page 1: " + re.sub(r"\{[^}]*\}", "2", text))
    return out


def test_the_notes_are_found() -> None:
    notes = _notes()
    assert len(notes) >= 20
    assert any("stray toner speck" in n for n in notes)


@pytest.mark.parametrize("note", _notes())
def test_a_pages_note_is_told_in_vietnamese(note: str) -> None:
    told = localise(note, "vi")
    assert told != note
    assert told.startswith("Trang 1")


def test_a_notes_older_wording_is_still_told() -> None:
    # records stored before a note was reworded (a photocopy's dark ground is no phone photo)
    told = localise("page 2: photographed sheet found and straightened (about 180 dpi)", "vi")
    assert told.startswith("Trang 2: đã tìm mép tờ giấy") and "180" in told
