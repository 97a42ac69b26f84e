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
    assert facts.document.signer.title == title  # (the line is the acting head's title and authority)
    assert [p.position for p in facts.people if p.name == "Trương Minh Đức"] == [position]


def test_an_acting_head_signing_by_order_keeps_both_lines() -> None:
    """A reviewer's: `TL. GIÁM ĐỐC` then `Q. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ` were merged into one
    authority and the title lost."""
    text = ("SỞ Y TẾ\nSố: 1533/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\nĐiều 1. Nội dung.\nNơi nhận:\n"
            "- Lưu: VT.\nTL. GIÁM ĐỐC\nQ. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ\nTrương Minh Đức\n")
    facts = extract_facts([PageText(1, text)])
    signer = facts.document.signer
    assert (signer.authority, signer.title) == ("TL. GIÁM ĐỐC", "Q. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ")
    assert [p.position for p in facts.people] == ["Quyền Trưởng phòng Tổ chức cán bộ"]


def test_a_name_after_a_seals_small_scraps_is_the_signer() -> None:
    """On a colour scan the seal's darker ink read as `se hà` before the name under it."""
    text = ("SỞ NỘI VỤ\nSố: 2417/SNV-CCVC\nV/v báo cáo\nNội dung.\nNơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"
            "se hà Phan Đình Lộc\n")
    assert extract_facts([PageText(1, text)]).document.signer.name == "Phan Đình Lộc"


def test_the_recipients_first_line_beside_the_title_is_no_name() -> None:
    """A photocopy read `- Như Điều 3;` as `- Như Điều Bo` on the line of the title, among a seal's
    scraps (Như is a family name too): the signer is the name below."""
    text = ("UBND TỈNH LẠNG SƠN\nSố: 518/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc tăng cường công chức\nĐiều 1. Nội dung.\n"
            "chịu trách nhiệm thi hành Quyết định này. 1,\nNơi nhận: a\nKT. CHỦ TỊCH\n"
            "- Như Điều Bo | - \"¬ | a ph) CHỦ TỊCH\n~€T, các PCT UBND tinh; -\nT* =LWÀ: VT, NC.\nEm, | aN\ntự of\n"
            "Lâm Quốc Tuấn\n")
    assert extract_facts([PageText(1, text, "ocr", ocr_confidence=0.63)]).document.signer.name == "Lâm Quốc Tuấn"


def test_an_item_of_the_recipients_list_beside_the_title_is_no_name() -> None:
    """A copy whose seal hid the name: the list's items read beside and below the title, one of
    them a body whose first word is a family name too (`Đoàn`, its words read capitalised). No
    signer is better than it."""
    text = ("UBND TỈNH HÀ GIANG\nSố: 207/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc luân chuyển công chức\nĐiều 1. Nội dung.\n"
            "Nơi nhận: | TT. | để | CHỦ TỊCH.\n- Như Điều 4;\n- TT Tỉnh ủy (b/c);\nTỊCH\n"
            "- Đoàn Kiểm Tra Tỉnh;\n- CT, các PCT UBND tỉnh;\n- Lưu: VT, NC.\nkí {\nca | $7\n")
    signer = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.6)]).document.signer
    assert signer is None or "Đoàn" not in signer.name
