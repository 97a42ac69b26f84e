"""A subject OCR read once, respelled where the rest of the document reads its words otherwise."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.consensus import agree_with_text
from dispatch_reader.ingest.pages import PageText

BODY = ("Điều 1. Thanh toán chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán năm 2022. "
        "Chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán được quyết toán. "
        "Biệt phái công chức đến các xã; biệt phái công chức theo quy định. Quyết định về việc biệt phái; "
        "về việc biệt phái công chức. Phân công công chức; phân công cán bộ. "
        "Ủy ban nhân dân tinh và Ủy ban nhân dân tinh, UBND tinh, UBND tinh.")


def test_a_word_the_body_spells_otherwise_beside_the_same_neighbour_takes_its_spelling() -> None:
    title = "Về thanh toán các chi phí khárn bệnh, chữa bệnh vượt tong mức thanh toán"
    assert agree_with_text(title, BODY + "\n" + title) == \
        "Về thanh toán các chi phí khám bệnh, chữa bệnh vượt tổng mức thanh toán"
    assert agree_with_text("Về việc hiệt phái công chức", BODY + "\nVề việc hiệt phái công chức") == \
        "Về việc biệt phái công chức"
    assert agree_with_text("Việc hiệt phái công chức", BODY) == "Việc biệt phái công chức"


def test_what_the_body_does_not_outvote_stays() -> None:
    # the body's worse reading, repeated, takes no mark away (`UBND tinh` all over a photocopy)
    assert agree_with_text("Kết luận của Chủ tịch UBND tỉnh", BODY) == "Kết luận của Chủ tịch UBND tỉnh"
    # another word, not a slip of this one (`viên chức` beside `công chức`)
    assert agree_with_text("Biệt phái viên chức", BODY) == "Biệt phái viên chức"
    # another letter makes another word as often as a slip: `phái` beside `công` stays, though
    # the body says `phân công` twice; only a spelling the body has beside both neighbours is
    # taken for a real syllable (`hiệt` above)
    assert agree_with_text("Biệt phái công chức", BODY.replace("biệt phái công", "biệt phái các")) == \
        "Biệt phái công chức"
    # once in the body is no majority
    assert agree_with_text("vượt dư toán", BODY + " vượt dự toán") == "vượt dư toán"
    # the phrase's own spelling stands where the body has it too
    assert agree_with_text("chi phí khám bệnh", BODY + " chi phí khám bệnh khác") == "chi phí khám bệnh"


def test_a_scanned_subject_is_mended_from_its_body_and_the_set_wording_has_the_last_word() -> None:
    head = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 1587/QĐ-UBND\nSơn La, ngày 28 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
    text = (head + "Về việc hiệt phái công chức\nCăn cứ Luật Cán bộ, công chức;\n"
            "Điều 1. Biệt phái công chức đến làm việc tại xã; biệt phái công chức theo danh sách.\n"
            "Điều 2. Quyết định về việc biệt phái có hiệu lực; về việc biệt phái, các cơ quan báo cáo.\n")
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


def test_a_number_beside_a_word_is_context_like_any_number_but_not_for_a_name() -> None:
    """`ngày 15 thang 01 nam 2022`: the body's dates say `tháng 6`, `năm 2025`; any number is
    alike as a neighbour. A capital inside the phrase beside a number is a name's (`Việt Nam
    2030`) and keeps its spelling."""
    body = "ngày 30 tháng 6 năm 2025, ngày 2 tháng 3 năm 2024 và ngày 9 tháng 9 năm 2023."
    title = "Sửa đổi Nghị định số 10/2022/NĐ-CP ngày 15 thang 01 nam 2022 của Chính phủ"
    assert agree_with_text(title, body + "\n" + title) == \
        "Sửa đổi Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 của Chính phủ"
    assert agree_with_text("Chiến lược phát triển Việt Nam 2030", body) == "Chiến lược phát triển Việt Nam 2030"


def test_a_reviewers_right_words_stay_right() -> None:
    """Correct subjects a reviewer found respelled by an earlier version of these rules: a
    tone swapped is another word (`tỉnh`/`tính`), so is another letter on a real syllable with
    the body beside one neighbour only (`dân`/`dẫn`, `quy`/`quý`, `dùng`/`dụng`), a capital
    inside the subject is a name's (`Bộ`, `Việt Nam`), and old spellings stay (`Uỷ`, `hóa`)."""
    cases = [
        ("Về việc sắp xếp đơn vị hành chính cấp xã của tỉnh theo Nghị quyết", "tính theo giờ; tính theo ngày"),
        ("Phát triển du lịch của tỉnh đến năm 2030", "Tính đến nay; tính đến năm 2025"),
        ("Về việc vận động người dân thực hiện", "hướng dẫn thực hiện; hướng dẫn thực hiện"),
        ("Về việc rà soát dự án trong quy hoạch sử dụng đất", "trong quý III; trong quý IV"),
        ("Về việc dùng chung cơ sở dữ liệu", "sử dụng chung; sử dụng chung"),
        ("V/v góp ý dự thảo Thông tư của Bộ Tài chính", "của Sở Tài chính; của Sở Tài chính"),
        ("Chiến lược thể thao Việt Nam giai đoạn 2021-2030", "5 năm giai đoạn; 10 năm giai đoạn"),
        ("Về việc kiện toàn Uỷ ban An toàn giao thông", "Ủy ban An toàn; Ủy ban An toàn"),
        ("Kế hoạch phát triển văn hóa đọc", "văn hoá đọc; văn hoá đọc"),
    ]
    for subject, body in cases:
        assert agree_with_text(subject, body + "\n" + subject) == subject


def test_two_words_glued_are_split_where_the_text_has_them_side_by_side() -> None:
    # `côngchức` (the space lost on a photocopy): the body says `công chức` again and again
    assert agree_with_text("Về việc điều động côngchức", BODY) == "Về việc điều động công chức"
    # once in the body is not enough; a real syllable (`chuyển`) or a name is never cut
    assert agree_with_text("Về việc tăngcường nhân lực", BODY + " tăng cường") == "Về việc tăngcường nhân lực"
    assert agree_with_text("Về việc chuyển công tác", BODY + " chuy ển; chuy ển") == "Về việc chuyển công tác"
    # a name or place glued keeps its capitals: not split where the body's pair is lower-cased
    assert agree_with_text("Về việc tăng cường cho xã Tânphong", BODY + " tân phong; tân phong") == \
        "Về việc tăng cường cho xã Tânphong"


def test_a_word_garbled_with_a_figure_takes_the_bodys_word_beside_both_neighbours() -> None:
    body = "Luật sửa đổi, bổ sung một số điều của Luật. Nay bổ sung một số điều khác; bổ sung một số quy định."
    assert agree_with_text("Luật sửa đổi, bổ sung m6: số điều của Luật", body) == \
        "Luật sửa đổi, bổ sung một số điều của Luật"
    # beside one neighbour only, a garbled word stays: the body may say another word there
    assert agree_with_text("Luật sửa đổi, bổ sung m6: các điều của Luật", body) == \
        "Luật sửa đổi, bổ sung m6: các điều của Luật"
    # a number or a code is no garbled word
    assert agree_with_text("Luật số 23/2004/QH11 sửa đổi", body + " Luật số 12/2020/QH14 sửa đổi") == \
        "Luật số 23/2004/QH11 sửa đổi"


def test_a_garbled_word_with_nothing_after_it_is_mended_without_a_crash() -> None:
    # `s6` for `số` in a real PDF's photocopied subject: nothing stood after the garbled word (its
    # `rest` empty), and `"" in ",;"` holds: the mend read past the end of it and crashed the file
    body = " ".join(["Sửa đổi Nghị định số 181/2025/NĐ-CP ngày 01 tháng 7"] * 3)
    assert agree_with_text("Sửa đổi Nghị định s6 181/2025/NĐ-CP ngày 01", body) == \
        "Sửa đổi Nghị định số 181/2025/NĐ-CP ngày 01"
