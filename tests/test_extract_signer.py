"""The signing block: an acting head's mark."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText


@pytest.mark.parametrize("title, position", [("Q. GIÁM ĐỐC", "Quyền Giám đốc"), ("Q. CHỦ TỊCH", "Quyền Chủ tịch")])
def test_an_acting_head_signs_as_such(title: str, position: str) -> None:
    """A tester's decision signed `Q. GIÁM ĐỐC`: the mark was cut off as a line's end and the
    acting director read as the director."""
    text = ("SỞ Y TẾ\nSố: 1533/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\nĐiều 1. Nội dung.\nNơi nhận:\n"
            "- Lưu: VT.\n" + title + "\n\nTrương Minh Đức\n")
    facts = extract_facts([PageText(1, text)])
    assert facts.document.signer is not None and facts.document.signer.name == "Trương Minh Đức"
    assert facts.document.signer.authority == title
    assert [p.position for p in facts.people if p.name == "Trương Minh Đức"] == [position]
