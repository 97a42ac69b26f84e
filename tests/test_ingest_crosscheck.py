"""cer.lines_found: what counts as our lines agreeing with a second reader's (issue 10)."""

from __future__ import annotations

from dispatch_reader.ingest.cer import lines_found

HEADER = "\n".join([
    "BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 14/2024/TT-BLĐTBXH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 31 tháng 12 năm 2024",
])


def _found(ours: str, reference: str) -> bool:
    hit, total = lines_found(ours, reference)
    assert total == len(reference.split())
    return hit == total


def test_reference_line_across_our_header_columns_is_two_of_our_lines() -> None:
    # pdftotext keeps the issuer cell and the motto on one line where the cell runs close;
    # pdfplumber reads the whole header row by row.
    assert _found(HEADER, "BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _found(HEADER, "VÀ XÃ HỘI Độc lập - Tự do - Hạnh phúc")


def test_two_lines_count_only_whole_and_left_first() -> None:
    assert not _found(HEADER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BỘ LAO ĐỘNG - THƯƠNG BINH")
    assert not _found(HEADER, "LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI")


def test_scrambled_lines_still_fail() -> None:
    # Two columns interleaved word by word, letters split into columns, a line cut into
    # three or more of ours (each word its own column).
    assert not _found("UBND TỈNH CỘNG HÒA NGHỆ AN XÃ HỘI", "UBND TỈNH NGHỆ AN")
    assert not _found("Că | n cứ Luật", "Căn cứ Luật")
    assert not _found("CỘNG\nHÒA\nXÃ\nHỘI", "CỘNG HÒA XÃ HỘI")


def test_line_poppler_joined_at_a_line_end_hyphen_is_the_two_printed_lines() -> None:
    # quyet-dinh-so-135: a table read row by row puts other cells between a cell's lines;
    # poppler reads the cell on and drops the hyphen, even the one inside a number.
    ours = "\n".join([
        "Được thay thế bởi Thông tư số 07/2023/TT-",
        "Thông tư số 03/2018/TT-BLĐTBXH ngày 15/6/2018 | BLĐTBXH ngày 28/8/2023 của Bộ trưởng Bộ",
        "ngày 16/4/2012 của Bộ Lao động -",
        "Mẫu số 1A, Mẫu số 1B, Mẫu",
        "Thương binh và Xã hội, Bộ Nội",
    ])
    assert _found(ours, "Được thay thế bởi Thông tư số 07/2023/TTBLĐTBXH ngày 28/8/2023 của Bộ trưởng Bộ")
    assert _found(ours, "ngày 16/4/2012 của Bộ Lao động Thương binh và Xã hội, Bộ Nội")
    # The rest must stand in our lines like any reference line.
    assert not _found(ours, "ngày 16/4/2012 của Bộ Lao động Thương binh và Xã hội, Bộ Tài chính")


def test_look_alike_letters_the_reader_unifies_are_not_differences() -> None:
    assert _found("c) Buộc Đơn vị bán buôn điện", "c) Buộc \u00d0ơn vị bán buôn điện")
    assert _found("Tn là tốc độ phát triển", "\U0001d447\U0001d45b là tốc độ phát triển")
