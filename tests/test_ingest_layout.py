"""Reading order from word boxes: two-column regions never interleave."""

from __future__ import annotations

from dispatch_reader.ingest.layout import layout_lines, layout_text
from dispatch_reader.ingest.pages import Word


def _line(text: str, x0: float, top: float, size: float = 12.0) -> list[Word]:
    words, x = [], x0
    for token in text.split():
        width = len(token) * size * 0.55
        words.append(Word(token, x, top, x + width, top + size))
        x += width + size * 0.3
    return words


def test_header_columns_come_out_left_then_right() -> None:
    words = (_line("UBND TỈNH SƠN LA", 60, 50) + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 260, 50)
             + _line("SỞ NỘI VỤ", 90, 66) + _line("Độc lập - Tự do - Hạnh phúc", 300, 66)
             + _line("Số: 12/QĐ-SNV", 70, 90) + _line("Sơn La, ngày 04 tháng 8 năm 2025", 290, 90)
             + _line("QUYẾT ĐỊNH", 250, 140) + _line("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", 60, 170))
    assert layout_text(words).splitlines() == [
        "UBND TỈNH SƠN LA", "SỞ NỘI VỤ", "Số: 12/QĐ-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 04 tháng 8 năm 2025",
        "QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    ]


def test_footer_with_longer_left_column_and_name_far_below() -> None:
    words = (_line("Nơi nhận:", 60, 500) + _line("KT. CHỦ TỊCH", 360, 500)
             + _line("- Như Điều 3;", 60, 514) + _line("PHÓ CHỦ TỊCH", 360, 514)
             + _line("- Sở Nội vụ;", 60, 528) + _line("- Lưu: VT, NC.", 60, 542)
             + _line("Lê Quang Vinh", 370, 600))
    lines = layout_lines(words)
    texts = [line.text for line in lines]
    assert texts[:6] == ["Nơi nhận:", "- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, NC.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert texts[-1] == "Lê Quang Vinh"
    assert {line.column for line in lines[:4]} == {"left"}


def test_single_column_body_is_plain_lines() -> None:
    words = _line("Điều 1. Biệt phái công chức đến làm việc", 60, 100) + _line("tại Ủy ban nhân dân xã Tân Phong.", 60, 116)
    assert layout_text(words) == "Điều 1. Biệt phái công chức đến làm việc\ntại Ủy ban nhân dân xã Tân Phong."


def test_words_given_out_of_order_are_sorted() -> None:
    words = _line("hai ba", 60, 116) + _line("một", 60, 100)
    assert layout_text(list(reversed(words))) == "một\nhai ba"


def test_table_row_cells_are_separated() -> None:
    words = (_line("1", 40, 300) + _line("Lò Văn Pấng", 80, 300) + _line("Chuyên viên", 220, 300)
             + _line("Xã Mường Khoa", 360, 300) + _line("06 tháng", 500, 300))
    assert layout_text(words) == "1 | Lò Văn Pấng | Chuyên viên | Xã Mường Khoa | 06 tháng"


def _after(words: list[Word], gap: float, text: str, top: float, size: float = 12.0) -> list[Word]:
    """`text` set on the same line as `words`, starting `gap` points after their last word."""
    return _line(text, words[-1].x1 + gap, top, size)


def test_header_row_with_left_cell_running_close_to_the_right_one_is_cut_at_the_gutter() -> None:
    # A Word header table (thong-tu-so-14-2024 page 1): the issuer cell "BỘ LAO ĐỘNG - THƯƠNG
    # BINH" ends 12 pt before "CỘNG HÒA …" starts: closer than a chunk gap (2.2 heights) but
    # three spaces wide. The title below starts left of where the issuer cell ends and runs
    # under the right column: taken into the column pair first, it would close the gutter.
    issuer = _line("BỘ LAO ĐỘNG - THƯƠNG BINH", 61, 128, 13)
    words = (issuer + _after(issuer, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 128, 13)
             + _line("VÀ XÃ HỘI", 110, 143, 13) + _line("Độc lập - Tự do - Hạnh phúc", 300, 143, 13)
             + _line("Số: 14/2024/TT-BLĐTBXH", 60, 173, 13) + _line("Hà Nội, ngày 31 tháng 12 năm 2024", 290, 173, 13)
             + _line("QUY ĐỊNH TIÊU CHÍ KIỂM ĐỊNH", 222, 212, 13))
    lines = layout_lines(words)
    assert [line.text for line in lines] == [
        "BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 14/2024/TT-BLĐTBXH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 12 năm 2024",
        "QUY ĐỊNH TIÊU CHÍ KIỂM ĐỊNH",
    ]
    assert [line.column for line in lines[:6]] == ["left"] * 3 + ["right"] * 3


def test_justified_body_line_under_the_header_is_not_cut() -> None:
    # Justified text stretches all its spaces alike: no gap stands out, so the line stays whole
    # even where it crosses the gutter of the columns just above.
    body: list[Word] = []
    x = 60.0
    for token in "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025 và".split():
        width = len(token) * 13 * 0.55
        body.append(Word(token, x, 200, x + width, 213))
        x += width + 9.0  # every space stretched to 9 pt
    words = (_line("VÀ XÃ HỘI", 110, 143, 13) + _line("Độc lập - Tự do - Hạnh phúc", 300, 143, 13)
             + _line("Số: 14/2024/TT-BLĐTBXH", 60, 173, 13) + _line("Hà Nội, ngày 31 tháng 12 năm 2024", 290, 173, 13)
             + body)
    assert layout_text(words).splitlines()[-1] == "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025 và"


def test_wide_gap_outside_the_gutter_does_not_cut() -> None:
    # A wide gap in a row under a column pair cuts only where it lies in the pair's gutter.
    lead = _line("Điều 1.", 60, 173, 13)
    words = (_line("VÀ XÃ HỘI", 110, 143, 13) + _line("Độc lập - Tự do - Hạnh phúc", 300, 143, 13)
             + lead + _after(lead, 14, "Phạm vi điều chỉnh và đối tượng áp dụng của Thông tư", 173, 13))
    assert layout_text(words).splitlines()[-1] == "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng của Thông tư"


def test_footnote_mark_set_small_and_high_stays_on_its_line() -> None:
    # thong-tu-so-25-2022 page 7: a cell starts with the mark "(1)" set at 8.5 pt, raised;
    # its centre lies above the 13 pt line's core band, yet it belongs to that line.
    words = ([Word("(1)", 430.7, 277.3, 440.1, 285.8)] + _line("Trang bị khi làm", 443.8, 279.8, 13)
             + _line("việc ở mặt nước.", 430.7, 297.8, 13))
    assert layout_text(words).splitlines() == ["(1) Trang bị khi làm", "việc ở mặt nước."]


def test_small_line_of_its_own_is_not_pulled_into_a_neighbour() -> None:
    # A small line (a footnote under the body) that lies outside its neighbours' band stays
    # a line of its own.
    words = _line("Điều 2. Hiệu lực thi hành.", 60, 100, 13) + _line("1 Sửa đổi bởi Thông tư số 03/2024.", 60, 118, 9)
    assert layout_text(words).splitlines() == ["Điều 2. Hiệu lực thi hành.", "1 Sửa đổi bởi Thông tư số 03/2024."]


def test_table_row_already_in_cells_is_not_cut_into_a_column_pair() -> None:
    # quyet-dinh-so-1205 page 54: a table row whose first two cells stand 13 pt apart, with a
    # third cell far right, under a two-cell header row. Cutting it would turn the table into
    # a column pair read half by half; it stays a row.
    number = _line("06/2018/TT-BKHĐT", 178, 125, 13)
    words = (_line("ban hành văn bản", 185, 104, 13) + _line("của văn bản", 370, 104, 13)
             + number + _after(number, 13, "Ban hành Hệ thống chỉ tiêu thống", 125, 13)
             + _line("chỉ văn bản trên cơ sở dữ liệu", 591, 125, 13))
    assert layout_text(words).splitlines() == [
        "ban hành văn bản", "của văn bản", "06/2018/TT-BKHĐT Ban hành Hệ thống chỉ tiêu thống",
        "chỉ văn bản trên cơ sở dữ liệu"]


def test_table_cell_flush_with_its_column_is_not_cut_off_its_row() -> None:
    # thong-tu-so-09-2026 page 33: a ruled table's left cell "3 Điều kiện ở," ends a wide gap
    # before the right cell, whose lines all start at one x. Under rows already split into the
    # two cells, this row is a table row, not a header issuer running over its column: cut,
    # it would pull the table into a column pair read half by half.
    lead = _line("3 Điều kiện ở,", 112.7, 280.6, 14)
    words = (_line("lao động", 120, 213.6, 14) + _line("sinh lao động; cung cấp miễn phí, đầy đủ", 222, 213.6, 14)
             + _line("việc, dụng cụ bảo hộ lao động phù hợp", 222, 228.6, 14)
             + _line("và vệ sinh lao động.", 222, 243.6, 14)
             + lead + _after(lead, 12, "Người sử dụng lao động bố trí miễn phí", 280.6, 14))
    assert layout_text(words).splitlines()[-1] == "3 Điều kiện ở, Người sử dụng lao động bố trí miễn phí"


def test_small_text_beside_a_line_but_away_from_it_keeps_its_own_row() -> None:
    # nghi-dinh-so-140 page 1: the e-signature box's last line (8 pt) ends 45 pt left of the
    # running head (14 pt) and shares its height; it is no superscript of the running head.
    words = (_line("Cơ quan: VĂN PHÒNG CHÍNH PHỦ", 40, 15.5, 8) + _line("Ngày ký: 2026-05-04 08:08:03 +07:00", 40, 24.5, 8)
             + _line("CÔNG BÁO/Số 260/Ngày 04-05-2026", 209.6, 27.7, 14) + _line("2", 531.9, 27.7, 14))
    assert layout_text(words).splitlines()[:2] == ["Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-05-04 08:08:03 +07:00"]


def test_small_words_whose_neighbour_row_gave_its_words_away_are_read() -> None:
    """Three rows of ever smaller specks below a line (augraphy's photocopied `rd042`, a
    copier's dots): the second row's speck joins the line beside it, and the third, set
    within the second's band, must not look for neighbours in a row left empty (it raised
    `min() arg is an empty sequence` and the whole file failed)."""
    words = _line("Độc lập - Tự do", 100, 100, 12) + [Word("ˆ", 196, 108, 199, 112), Word("'", 300, 110, 302, 113)]
    lines = layout_text(words).splitlines()
    assert lines[0].startswith("Độc lập - Tự do")
    assert "'" in " ".join(lines)


def test_a_speck_read_between_the_header_columns_bridges_no_gap() -> None:
    """A copier's speck in the gutter, read as `“` or `®`, once made the issuer and the motto
    one line (`ỦY BAN NHÂN DÂN “ CỘNG HÒA …`), and no issuer was found. It goes with the words
    before it. A dash or a table's `|` in a gap is print and still bridges it where it is
    near enough; a leader of stops is print too."""
    words = (_line("ỦY BAN NHÂN DÂN", 60, 50) + _line("“", 154, 50) + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 190, 50)
             + _line("XÃ MƯỜNG KHOA", 70, 66) + _line("Độc lập - Tự do - Hạnh phúc", 240, 66)
             + _line("Số: 86/QĐ-UBND", 62, 90) + _line("Mường Khoa, ngày 04 tháng 8 năm 2025", 220, 90))
    assert layout_text(words).splitlines() == [
        "ỦY BAN NHÂN DÂN “", "XÃ MƯỜNG KHOA", "Số: 86/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Mường Khoa, ngày 04 tháng 8 năm 2025"]
    for print_ in ("-", "|", "...."):
        row = _line("Hoàng Văn Thuận", 60, 50) + _line(print_, 178, 50) + _line("Chuyên viên", 205, 50)
        assert layout_text(row) == f"Hoàng Văn Thuận {print_} Chuyên viên"
    # a speck a column's gap from the words before it is a cell's: a table's ditto mark
    # (a reviewer's `” ` under `Chức vụ`), a bullet opening the right column
    ditto = (_line("1", 40, 50) + _line("Lê Văn An", 60, 50) + _line("Chuyên viên", 160, 50) + _line("Xã Pa Tần", 260, 50)
             + _line("2", 40, 66) + _line("Lê Văn Bình", 60, 66) + _line("”", 160, 66) + _line("Xã Nậm Có", 260, 66))
    assert layout_text(ditto).splitlines() == ["1 Lê Văn An | Chuyên viên | Xã Pa Tần", "2 Lê Văn Bình | ” | Xã Nậm Có"]


def test_words_ocr_barely_read_draw_no_line_to_them() -> None:
    """On a phone photo's tilted row, specks under the name were read `ee` and `ees` (confidence
    0.2-0.3), their boxes taller than the name's: taken for the line and the name's words for
    small print beside it, `Phạm` and `Khánh` joined the specks and the cell read `Quốc Phạm ee
    Khánh ees`. A footnote's mark beside a line read well still joins it."""
    words = [Word("Phạm", 68.8, 144.7, 87.3, 151.5, 0.96), Word("Quốc", 90.2, 144.4, 108.2, 151.5, 0.96),
             Word("Khánh", 110.8, 144.4, 133.0, 150.2, 0.96), Word("ee", 90.5, 146.5, 106.4, 156.4, 0.21),
             Word("ees", 134.0, 146.5, 169.7, 156.4, 0.31)]
    assert layout_text(words).splitlines()[0] == "Phạm Quốc Khánh"
    mark = [Word("Điều", 60, 100, 85, 112, 0.95), Word("5", 89, 100, 95, 112, 0.96), Word("(1)", 97, 98, 106, 105, 0.9)]
    assert layout_text(mark) == "Điều 5 (1)"
