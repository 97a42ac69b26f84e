"""A subject OCR read once, respelled where the rest of the document reads its words otherwise."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.consensus import agree_with_text
from dispatch_reader.ingest.pages import PageText

BODY = ("Điều 1. Thanh toán chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán năm 2022. "
        "Chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán được quyết toán. "
        "Biệt phái công chức đến các xã; biệt phái công chức theo quy định. "
        "Ủy ban nhân dân tinh và Ủy ban nhân dân tinh, UBND tinh, UBND tinh.")


def test_a_word_the_body_spells_otherwise_beside_the_same_neighbour_takes_its_spelling() -> None:
    title = "Về thanh toán các chi phí khárn bệnh, chữa bệnh vượt tong mức thanh toán"
    assert agree_with_text(title, BODY + "\n" + title) == \
        "Về thanh toán các chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán"
    assert agree_with_text("Về việc hiệt phái công chức", BODY + "\nVề việc hiệt phái công chức") == \
        "Về việc biệt phái công chức"
    assert agree_with_text("Hiệt phái công chức", BODY) == "Biệt phái công chức"  # its capital kept


def test_what_the_body_does_not_outvote_stays() -> None:
    # the body's worse reading, repeated, takes no mark away (`UBND tinh` all over a photocopy)
    assert agree_with_text("Kết luận của Chủ tịch UBND tỉnh", BODY) == "Kết luận của Chủ tịch UBND tỉnh"
    # another word, not a slip of this one (`viên chức` beside `công chức`)
    assert agree_with_text("Biệt phái viên chức", BODY) == "Biệt phái viên chức"
    # once in the body is no majority
    assert agree_with_text("vượt dư toán", BODY + " vượt dự toán") == "vượt dư toán"
    # the phrase's own spelling stands where the body has it too
    assert agree_with_text("chi phí khám bệnh", BODY + " chi phí khám bệnh khác") == "chi phí khám bệnh"


def test_a_scanned_subject_is_mended_from_its_body_and_the_set_wording_has_the_last_word() -> None:
    head = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 1587/QĐ-UBND\nSơn La, ngày 28 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
    text = (head + "Về việc hiệt phái công chức\nCăn cứ Luật Cán bộ, công chức;\n"
            "Điều 1. Biệt phái công chức đến làm việc tại xã; biệt phái công chức theo danh sách.\n")
    assert extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.85)]).document.subject == \
        "Về việc biệt phái công chức"
    # a text layer is what was printed: left alone
    assert extract_facts([PageText(1, text, method="text")]).document.subject == "Về việc hiệt phái công chức"
    # the body's OCR slips `chi tiết` the same way each time; the title's set wording wins
    decree = ("CHÍNH PHỦ\nSố: 12/2026/NĐ-CP\nHà Nội, ngày 01 tháng 3 năm 2026\nNGHỊ ĐỊNH\n"
              "Quy định chi tiết một số điều của Luật Đường thủy\nCăn cứ Luật Tổ chức Chính phủ;\n"
              "Nghị định này quy định chỉ tiết khoản 2; quy định chỉ tiết khoản 3.\n")
    assert extract_facts([PageText(1, decree, method="ocr", ocr_confidence=0.85)]).document.subject == \
        "Quy định chi tiết một số điều của Luật Đường thủy"
