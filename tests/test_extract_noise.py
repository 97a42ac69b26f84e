"""OCR noise: tone slips in keywords, look-alike digits, broken lines, spaced numbers, lost spaces."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.canon import canon_authority, canon_title, reconcile_place, respace_body
from dispatch_reader.extract.people import repair_ocr_name
from dispatch_reader.ingest.pages import PageText


def facts_of(text: str, conf: float | None = None):  # noqa: ANN201
    return extract_facts([PageText(1, text, method="ocr" if conf else "text_layer", ocr_confidence=conf)])


@pytest.mark.parametrize("line,number", [
    ("Số: 12 /QĐ-UBND", "12/QĐ-UBND"),
    ("Sô: 12/QD-UBND", "12/QĐ-UBND"),
    ("S6: 1O5/QĐ - UBND", "105/QĐ-UBND"),
    ("Số:   1335/UBND-NC", "1335/UBND-NC"),
    ("Luật số: 04/2017/QH14", "04/2017/QH14"),
    ("Số: 66.13/2026/NQ-CP", "66.13/2026/NQ-CP"),
    ("Số: 1587/OD-UBND", "1587/QĐ-UBND"),  # the Q's tail lost on a copy
])
def test_header_numbers_through_noise(line: str, number: str) -> None:
    text = f"SỞ NỘI VỤ\n{line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSơn La, ngày 04 tháng 8 năm 2025\n"
    assert facts_of(text).document.number == number


def test_noisy_body_keywords() -> None:
    text = ("SỞ NỘI VỤ\nSố: 9/QĐ-SNV\nSơn La, ngày 04 tháng 8 năm 2025\nQuyet dinh\nVề việc điều động\n"
            "Căn cứ Nghị lịnh số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ;\n"
            "Căn cứ Quyết định số 1120/QĐ-\nUBND ngày 02/7/2025 của Ủy ban nhân dân tỉnh Sơn La;\n")
    facts = facts_of(text)
    assert facts.document.doc_type == "decision"
    refs = {r.number: r for r in facts.references}
    assert refs["170/2025/NĐ-CP"].doc_type == "decree"
    assert refs["170/2025/NĐ-CP"].date == "2025-06-30"
    assert refs["1120/QĐ-UBND"].date == "2025-07-02"  # symbol wrapped at its hyphen


def test_a_cited_decision_whose_q_lost_its_tail() -> None:
    """`Quyết định số 90/OD-TTg` on four real Gazette photocopies: no symbol is written `OD`."""
    text = ("SỞ NỘI VỤ\nSố: 9/QĐ-SNV\nSơn La, ngày 04 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề việc điều động\n"
            "Căn cứ Quyết định số 90/OD-TTg ngày 12 tháng 01 năm 2022 của Thủ tướng Chính phủ;\n")
    refs = {r.number: r for r in facts_of(text).references}
    assert refs["90/QĐ-TTg"].doc_type == "decision" and refs["90/QĐ-TTg"].date == "2022-01-12"


def test_dates_with_look_alike_digits_and_line_breaks() -> None:
    text = ("SỞ NỘI VỤ\nSố: 9/QĐ-SNV\nSơn La, ngày O4 tháng 8 năm 2O25\nQUYẾT ĐỊNH\nVề việc biệt phái\n"
            "Điều 1. Biệt phái ông Lò Văn Sáng, Chuyên viên, Sở Nội vụ, đến làm việc tại Ủy ban nhân dân "
            "xã Nậm Hàng từ ngày\n03/9/2025 đến ngày 03/11/2025.\n")
    facts = facts_of(text)
    assert facts.document.issued_date == "2025-08-04"
    got = {(d.date, d.role) for d in facts.dates}
    assert {("2025-09-03", "start"), ("2025-11-03", "end")} <= got
    assert facts.secondments and facts.secondments[0].duration_months == 2


def test_subject_hyphenated_across_lines() -> None:
    text = ("SỞ NỘI VỤ\nSố: 9/QĐ-SNV\nSơn La, ngày 04 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức đến làm việc tại các xã biên giới trong thời gian hai tháng cuối năm, phường-\n"
            "thị trấn\nCăn cứ Luật Cán bộ, công chức;\n")
    assert facts_of(text).document.subject.endswith("phườngthị trấn")


def test_closed_vocabulary_repairs() -> None:
    assert canon_title("PHO CHU TỊCH") == "PHÓ CHỦ TỊCH"
    assert canon_authority("KT. CHU TICH") == "KT. CHỦ TỊCH"
    assert canon_authority("TM. UY BAN NHAN DAN") == "TM. ỦY BAN NHÂN DÂN"
    assert respace_body("SỞNỘIVỤ") == "SỞ NỘI VỤ"
    assert respace_body("SỞY TẾ") == "SỞ Y TẾ"  # one space lost (a photocopy's speck cleared)
    assert respace_body("SỞ Y TẾ") == "SỞ Y TẾ" and respace_body("SỞ NỘI VỤ TỈNH") == "SỞ NỘI VỤ TỈNH"
    assert reconcile_place("Ủy ban nhân dân tỉnh Phúthọ", "Phú Thọ") == (
        "Ủy ban nhân dân tỉnh Phú Thọ", "Phú Thọ")
    # a mark read where a stamp's ink lay (`LÀI CHÂU`): more marks, but no province so spelled
    assert reconcile_place("UBND tỉnh Lài Châu", "Lai Châu") == ("UBND tỉnh Lai Châu", "Lai Châu")
    # a commune's name is no province's, however its letters fold
    assert reconcile_place("Ủy ban nhân dân xã Thanh Hòa", "Thanh Hoà") == (
        "Ủy ban nhân dân xã Thanh Hoà", "Thanh Hoà")


def test_scanned_header_repaired() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTINH PHÚTHỌ\nSố: 14/UBND-NC\nV/v tăng cường nhân lực\n2\nKHAN\nKính gửi:\n"
            "- Sở Nội vụ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Phú Thọ, ngày 21 tháng 10 năm 2025\n- UBND các xã, phường.\nThực hiện chỉ đạo của tỉnh.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. UY BAN NHAN DAN\nCHU TỊCH\nl\nLé Quang Vình\n")
    doc = facts_of(text, conf=0.9).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert (doc.place, doc.issued_date) == ("Phú Thọ", "2025-10-21")
    assert doc.subject == "tăng cường nhân lực"
    assert doc.marks == ["KHẨN"]
    assert doc.recipients == ["Sở Nội vụ", "UBND các xã, phường", "Như trên", "Lưu: VT"]
    assert doc.signer and doc.signer.authority == "TM. ỦY BAN NHÂN DÂN" and doc.signer.title == "CHỦ TỊCH"
    # the family name's marks come back from the list; a given name with marks is kept as read
    assert doc.signer.name == "Lê Quang Vình"


def test_name_repair_keeps_right_spellings() -> None:
    assert repair_ocr_name("Nguyễn Thi Thu Trang") == "Nguyễn Thị Thu Trang"
    assert repair_ocr_name("Phạm Đức Thành") == "Phạm Đức Thành"
    assert repair_ocr_name("Nong Quốc Việt") == "Nông Quốc Việt"


def test_name_repair_only_on_scanned_pages() -> None:
    text = "Ông Nguyen Thi Hoa, Chuyên viên, Sở Y tế, được khen thưởng.\n"
    assert [p.name for p in facts_of(text).people] == ["Nguyen Thi Hoa"]
    assert [p.name for p in facts_of(text, conf=0.9).people] == ["Nguyễn Thị Hoa"]
