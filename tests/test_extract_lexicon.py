"""A subject word OCR read as one the language hardly writes, put back as the common word."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.lexicon import common_spelling, frequency, respell_rare_words
from dispatch_reader.ingest.pages import PageText


def test_the_list_knows_common_and_rare_words() -> None:
    assert frequency("của") > 1e-3 > frequency("tổng") > 1e-5 > frequency("tong")
    assert frequency("khárn") == 0.0


def test_a_word_read_without_its_marks_is_the_common_word() -> None:
    assert common_spelling("tong") == "tổng"
    assert common_spelling("vê") == "về"
    # a tone swapped, where the language has no such word at all
    assert common_spelling("cúa") == "của"
    phrase = "vê chính sách của Luật, vượt tong mức thanh toán cúa Chính phủ"
    assert respell_rare_words(phrase, phrase) == "về chính sách của Luật, vượt tổng mức thanh toán của Chính phủ"
    assert respell_rare_words("Vê thanh toán", "") == "Về thanh toán"


def test_right_words_stay_right() -> None:
    # common words and an office's own words: none is rare enough, or the other spelling is
    # not common enough beside the next one (`thang`/`tháng`, `nam`/`năm`, `din`: `dẫn`/`dần`)
    for word in ("thang", "nam", "tai", "cho", "vay", "nêu", "luồng", "luân", "quy", "phái", "dân", "tỉnh",
                 "din", "quyên", "biên", "chế", "viên", "chức", "xã", "phường", "đất", "đai"):
        assert common_spelling(word) is None, word
    subjects = ["Về việc luân chuyển cán bộ lãnh đạo", "Về thang lương, bảng lương và chế độ phụ cấp",
                "Về phòng, chống tai nạn giao thông năm 2025", "Về việc biệt phái công chức đến xã Nậm Nèn",
                "Quy định mức cho vay đối với hộ nghèo", "tăng cường nhân lực cho các xã vùng cao, biên giới"]
    for subject in subjects:
        assert respell_rare_words(subject, subject) == subject


def test_a_name_and_a_word_the_document_repeats_stay() -> None:
    # a capital inside the phrase is a name's
    assert respell_rare_words("Về việc cử cán bộ đến bản Tong", "") == "Về việc cử cán bộ đến bản Tong"
    # the document spells it so again and again, and the common word never: its own word
    text = "Khắc phục sạt lở đất tại xã. Vùng sạt lở được di dời. Sạt lở kéo dài."
    assert common_spelling("sạt") == "sắt"
    assert respell_rare_words("Về khắc phục hậu quả sạt lở đất", text) == "Về khắc phục hậu quả sạt lở đất"
    # a word run into a symbol is not looked up
    assert respell_rare_words("Sửa đổi Nghị định số 10/2022/tong", "") == "Sửa đổi Nghị định số 10/2022/tong"


def test_a_scanned_subject_has_its_rare_word_respelled_and_a_text_layer_is_left_as_printed() -> None:
    text = ("CHÍNH PHỦ\nSố: 113/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 25 tháng 4 năm 2026\nNGHỊ QUYẾT\nVề thanh toán chi phí vượt tong mức thanh toán\n"
            "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
            "Điều 1. Thanh toán chi phí theo quy định.\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nPhạm Thị Thanh Trà\n")
    scanned = extract_facts([PageText(1, text, "ocr", "scan", 0.9)]).document
    printed = extract_facts([PageText(1, text, "text_layer")]).document
    assert scanned.subject == "Về thanh toán chi phí vượt tổng mức thanh toán"
    assert printed.subject == "Về thanh toán chi phí vượt tong mức thanh toán"
