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
    words = (_line("UBND TỈNH LÂM HÀ", 60, 50) + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 260, 50)
             + _line("SỞ NỘI VỤ", 90, 66) + _line("Độc lập - Tự do - Hạnh phúc", 300, 66)
             + _line("Số: 12/QĐ-SNV", 70, 90) + _line("Lâm Hà, ngày 04 tháng 8 năm 2025", 290, 90)
             + _line("QUYẾT ĐỊNH", 250, 140) + _line("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", 60, 170))
    assert layout_text(words).splitlines() == [
        "UBND TỈNH LÂM HÀ", "SỞ NỘI VỤ", "Số: 12/QĐ-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Hà, ngày 04 tháng 8 năm 2025",
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
