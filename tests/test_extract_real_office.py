"""Real PDFs (the Official Gazette's) made into office copies (issue 11, thirty-first round): the
header as OCR read it under a fax's top line, a receipt stamp and a leader's note. Each text is
what a page lost, in the shape OCR gave it; the facts must come through, and nothing of the
fax, the stamp or the note may become one."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import DocumentFacts


def _doc(text: str) -> DocumentFacts:
    return extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.7)]).document


def test_a_fax_page_counter_with_a_figure_read_as_a_letter_is_no_number() -> None:
    # `P.001/004` with its 0 read as a U: a number's shape (figures, a slash, a symbol)
    doc = _doc("05/04/2020 17:47 FROM: 0219 523 3581\nP.001/U004\nCÔNG BÁO/Số 237/Ngày 21-04-2026 | 74\n"
               "CHÍNH PHỦ\nSố: 133/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "Hà Nội, ngày 06 tháng 4 năm 2026\nNGHỊ ĐỊNH\n"
               "Quy định về xử phạt vi phạm hành chính trong lĩnh vực điện lực\nCăn cứ Luật;\n")
    assert doc.number == "133/2026/NĐ-CP"


STAMPED = ("CÔNG BÁO/Số 323/Ngày 11-06-2026\n72\nBỘ CÔNG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "CONG VĂN ĐÈN Độc lập - Tự do - Hạnh phúc\nSỐ; 5272\nSố: 56/2026/TT-BCA Hà Nội\n_Chuyér oP. 78\n"
           "THÔNG TƯ\nngày 15 đứng 5 năm 2026\n{note}A —— | h\nMM 20/5\n"
           "Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú\nCăn cứ Bộ luật Tố tụng hình sự;\n")


def test_a_date_line_read_apart_from_its_place_under_the_title_dates_the_document() -> None:
    # the place read beside the number, the date line's words under the title, `tháng` garbled
    doc = _doc(STAMPED.format(note=""))
    assert doc.issued_date == "2026-05-15"
    assert doc.subject == "Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú"


def test_a_leaders_note_under_the_title_is_no_subject() -> None:
    # the note in the margin, read under the title with a stamp's figure before it
    doc = _doc(STAMPED.format(note="90 P. Tổ Chức tham mu,\n"))
    assert doc.subject == "Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú"
    # a subject that opens on `Phòng` and says what is to be done is a subject
    doc = _doc(STAMPED.format(note="").replace(
        "Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú", "Phòng, chống thiên tai và thực hiện cứu hộ"))
    assert doc.subject == "Phòng, chống thiên tai và thực hiện cứu hộ"
    # nor does one that gives a task (a reviewer's cases)
    for subject in ("Giao chỉ tiêu kế hoạch thực hiện Chương trình mục tiêu quốc gia",
                    "Giao Phòng Tài chính - Kế hoạch chủ trì thực hiện dự án"):
        doc = _doc(STAMPED.format(note="").replace(
            "Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú", subject))
        assert doc.subject == subject


def test_a_wrapped_subject_line_opening_on_a_cited_date_stays_in_the_subject() -> None:
    doc = _doc("CHÍNH PHỦ\nSố: 51/2025/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "Hà Nội, ngày 01 tháng 3 năm 2025\nNGHỊ ĐỊNH\n"
               "Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP\n"
               "ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ\nCăn cứ Luật;\n")
    assert doc.issued_date == "2025-03-01"
    assert doc.subject == ("Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 "
                           "của Chính phủ quy định về lệ phí trước bạ")


def test_a_receipt_stamps_title_cut_to_cong_van_is_no_title_over_a_typed_number() -> None:
    text = ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 01/2025/TT-BKHĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 02 tháng 01 năm 2025\nCONG VAN\nTHÔNG TƯ\n"
            "Quy định bộ chỉ tiêu thống kê\nCăn cứ Luật Thống kê;\n")
    doc = _doc(text)
    assert doc.doc_type == "circular"
    assert doc.subject == "Quy định bộ chỉ tiêu thống kê"
    # where the number names no other type, the line is read as it was
    assert _doc(text.replace("01/2025/TT-BKHĐT", "15/BKHĐT-TCTK").replace("THÔNG TƯ\n", "")).doc_type == \
        "official_dispatch"


def test_a_number_label_whose_s_reads_as_a_section_sign_leads_the_number() -> None:
    # `§ố:` on a received copy, the type part garbled too (`ƒf`): the title and the issuer tell it
    doc = _doc("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n§ố:03/2024/ƒf-BLĐTBXH.\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 18 tháng 4 năm 2024\nTHÔNG TƯ\n"
               "Hướng dẫn một số nội dung thực hiện đa dạng hóa sinh kế\nCăn cứ Luật;\n")
    assert doc.number == "03/2024/TT-BLĐTBXH"


def test_two_real_words_are_never_both_respelled_into_another_phrase() -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    # a reviewer's case: `nhận viện` folds as `nhân viên`, but each is a word read right
    assert repair_ocr_phrase("Về việc tiếp nhận viện trợ không hoàn lại") == "Về việc tiếp nhận viện trợ không hoàn lại"
    # one word's slip in a set phrase is still mended, and marks lost from both
    assert repair_ocr_phrase("quy định chỉ tiết thi hành") == "quy định chi tiết thi hành"
    assert repair_ocr_phrase("nhan vien y tế") == "nhân viên y tế"


def test_two_real_words_read_with_no_mark_are_a_phrase_that_lost_its_marks() -> None:
    """A copy's or a fax's line loses every mark at once: `bao cao` (two real words, no mark)
    is `báo cáo` that lost them, one slip; a pair with marks of other words stays as read. The
    wording of a sending's ending and recall, and of a commune's shortfall, is phrases too."""
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("bao cao kết quả tuyển dụng năm 2026") == "báo cáo kết quả tuyển dụng năm 2026"
    # inside running text two bare words may be words of their own (a reviewer's)
    assert repair_ocr_phrase("thông qua hai dao luật mới") == "thông qua hai dao luật mới"
    assert repair_ocr_phrase("Về việc tiếp nhận viện trợ") == "Về việc tiếp nhận viện trợ"
    assert repair_ocr_phrase("Về việc cham dứt hợp đồng lao động") == "Về việc chấm dứt hợp đồng lao động"
    assert repair_ocr_phrase("thu hoi quyết định điều động") == "thu hồi quyết định điều động"
    assert repair_ocr_phrase("số giáo viên con thiếu ở các trường") == "số giáo viên còn thiếu ở các trường"
    assert repair_ocr_phrase("cho các xã ven biến và hải dao") == "cho các xã ven biển và hải đảo"


def test_a_subjects_first_word_garbled_before_viec_is_ve() -> None:
    """A stamp's edge over a decision's `Về`: `me việc …`, `cWVE việc …` open `Về việc …`; a
    subject of its own that opens on a capitalised word before `việc` stays."""
    from dispatch_reader.extract.canon import repair_subject_opener

    assert repair_subject_opener("me việc tiếp nhận công chức") == "Về việc tiếp nhận công chức"
    assert repair_subject_opener("cWVE việc tiếp nhận công chức") == "Về việc tiếp nhận công chức"
    assert repair_subject_opener("Công việc cần làm trong tháng") == "Công việc cần làm trong tháng"
    # a V/v subject's own words before `việc` (a reviewer's)
    for subject in ("làm việc với Đoàn kiểm tra của tỉnh", "giao việc cho các xã", "công việc trọng tâm"):
        assert repair_subject_opener(subject) == subject


NOTED = ("CHÍNH PHỦ\nSố: 113/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Hà Nội, ngày 25 tháng 4 năm 2026\nNGHỊ QUYẾT\nVP Nghe c1 đóO cơ\n⁄ | GO\n{between}"
         "Về thanh toán các chi phí khám bệnh, chữa bệnh bảo hiểm y tế\nvượt dự toán, vượt tổng mức\n"
         "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n")


def test_a_hands_note_read_in_after_the_title_is_passed_over_for_the_subject_below_it() -> None:
    # `VP nghiên cứu, báo cáo / NVL 7/5` written beside the motto, read after the title with its
    # scraps: the subject is the lines opening on `Về` below them
    doc = _doc(NOTED.format(between="N\nVL 74\n"))
    assert doc.subject == "Về thanh toán các chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán, vượt tổng mức"
    # past a line of words, the line below is no longer the subject's opening
    doc = _doc(NOTED.format(between="Quy định mức chi trả\n"))
    assert doc.subject is None or not doc.subject.startswith("Về thanh toán")


def test_a_short_subject_with_foreign_words_is_kept_before_a_body_line_opening_on_ve() -> None:
    # a reviewer's cases: a subject line that reads like a scrap (few Vietnamese small words),
    # the body's `Về …` right under it: no scrap lies between, so no hand's note is passed over
    for subject, body in (("Kết luận Hội nghị Smart City", "Về công tác chuyển đổi số, đề nghị các sở thực hiện."),
                          ("Dự án WB8 Krông Búk", "Về tình hình thực hiện:")):
        doc = _doc("ỦY BAN NHÂN DÂN\nHUYỆN EA H'LEO\nSố: 12/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   f"Độc lập - Tự do - Hạnh phúc\nEa H'Leo, ngày 05 tháng 3 năm 2025\nTHÔNG BÁO\n{subject}\n{body}\n")
        assert doc.subject == subject



def test_the_area_a_body_serves_read_with_a_tone_slipped() -> None:
    # `trên địa bàn tỉnh …`, an official text's commonest phrase of place: `địa bản` is no word
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("các xã trên địa bản tỉnh Cao Bằng") == "các xã trên địa bàn tỉnh Cao Bằng"
    assert repair_ocr_phrase("bản đồ địa chính") == "bản đồ địa chính"


def test_a_letter_slipped_in_the_half_year_or_in_settling_complaints_is_mended() -> None:
    # in three words one slipped letter of one is mended (a faint copy's `thắng`, `khiến`); the
    # word with other neighbours is a word of its own
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("Sơ kết 6 thắng đầu năm 2025") == "Sơ kết 6 tháng đầu năm 2025"
    assert repair_ocr_phrase("tiếp công dân, giải quyết khiến nại, tố cáo") == "tiếp công dân, giải quyết khiếu nại, tố cáo"
    assert repair_ocr_phrase("giành thắng lợi đầu năm") == "giành thắng lợi đầu năm"
    assert repair_ocr_phrase("khiến người dân hài lòng") == "khiến người dân hài lòng"
