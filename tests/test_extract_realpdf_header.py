"""What real files add around the header: e-signature boxes, Gazette chrome, consolidated texts.

On strings, laid out as the text-layer reader lays out real Gazette pages (invented bodies'
numbers and people; the layouts are those of real files).
"""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.esign import signed_at
from dispatch_reader.ingest.pages import PageText

ESIGN = [
    "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ",
    "Email: thongtinchinhphu@chinhphu.vn",
    "Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
    "Thời gian ký: 17.02.2025 14:44:38 +07:00",
]

GAZETTE_TOP = [
    "CÔNG BÁO/Số 97 + 98/Ngày 18-01-2025",
    "BỘ TÀI CHÍNH",
    "31",
]


def facts(*pages: list[str]):
    return extract_facts([PageText(number=i, text="\n".join(lines)) for i, lines in enumerate(pages, 1)])


def test_e_signature_box_is_its_own_fact_and_never_the_header():
    page = ESIGN + GAZETTE_TOP + [
        "BỘ TÀI CHÍNH",
        "Số: 52/2026/TT-BTC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 12 tháng 5 năm 2026",
        "THÔNG TƯ",
        "Hướng dẫn chế độ quản lý kinh phí",
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
    ]
    doc = facts(page).document
    assert (doc.doc_type, doc.number, doc.issuer, doc.issued_date) == (
        "circular", "52/2026/TT-BTC", "Bộ Tài chính", "2026-05-12")
    [sig] = doc.e_signatures
    assert sig.signed_by == "Cổng Thông tin điện tử Chính phủ"
    assert sig.organisation == "Văn phòng Chính phủ"
    assert sig.email == "thongtinchinhphu@chinhphu.vn"
    assert sig.signed_at == "2025-02-17T14:44:38+07:00"
    assert sig.evidence.page == 1 and sig.evidence.quote.startswith("Người ký: CỔNG")
    assert sig.evidence.quote.endswith("+07:00")


def test_provincial_e_signature_with_ky_boi():
    page = [
        "Ký bởi: Ủy ban nhân dân tỉnh Lào Cai",
        "Cơ quan: Tỉnh Lào Cai",
        "Thời gian ký: 26.08.2025 10:21:55 +07:00",
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÀO CAI",
        "Số: 120/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày 25 tháng 8 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc biệt phái viên chức",
    ]
    doc = facts(page).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert doc.issued_date == "2025-08-25"  # not the signing time
    assert [(s.signed_by, s.signed_at) for s in doc.e_signatures] == [
        ("Ủy ban nhân dân tỉnh Lào Cai", "2025-08-26T10:21:55+07:00")]


def test_signed_at_reads_what_is_printed():
    assert signed_at("26.04.2023 10:21:55 +07:00") == "2023-04-26T10:21:55+07:00"
    assert signed_at("05/9/2025") == "2025-09-05"
    assert signed_at("99.99.2025") is None


CONSOLIDATED_TOP = ESIGN + [
    "CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025",
    "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH",
    "41",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "THÔNG TƯ",
    "Hướng dẫn quản lý quỹ dự trữ",
    "Thông tư số 34/2016/TT-BTC ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Tài chính",
    "hướng dẫn quản lý quỹ dự trữ, có hiệu lực từ ngày 10 tháng 12 năm 2016, được sửa đổi, bổ",
    "sung bởi:",
    "Thông tư số 12/2024/TT-BTC ngày 14 tháng 11 năm 2024 của Bộ trưởng Bộ Tài chính",
    "sửa đổi, bổ sung một số điều, có hiệu lực kể từ ngày 29 tháng 12 năm 2024.",
    "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
]
CONSOLIDATED_END = [
    "Điều 9. Hiệu lực thi hành",
    "Thông tư này có hiệu lực thi hành kể từ ngày 10 tháng 12 năm 2016./.",
    "BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT",
    "Số: 463/VBHN-BTC",
    "Hà Nội, ngày 10 tháng 02 năm 2025",
    "KT. BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "Lê Văn Thành",
    "1 Thông tư số 12/2024/TT-BTC có căn cứ ban hành như sau:",
]


def test_consolidated_text_takes_its_number_date_body_and_signer_from_the_closing_block():
    f = facts(CONSOLIDATED_TOP, CONSOLIDATED_END)
    doc = f.document
    assert doc.doc_type == "other" and doc.doc_type_label == "Văn bản hợp nhất"
    assert doc.number == "463/VBHN-BTC"
    assert doc.issued_date == "2025-02-10"  # the authentication date, not the base text's
    assert doc.issuer == "Bộ Tài chính"
    assert doc.signer.name == "Lê Văn Thành" and doc.signer.authority == "KT. BỘ TRƯỞNG"
    assert doc.consolidates == "34/2016/TT-BTC"
    assert doc.subject == "Hướng dẫn quản lý quỹ dự trữ"
    assert doc.evidence["number"].page == 2 and "463/VBHN-BTC" in doc.evidence["number"].quote
    assert not any("Số:" in w or "issuer" in w for w in f.warnings)


def test_consolidated_body_from_the_number_when_the_block_prints_none():
    end = [line.replace("BỘ TÀI CHÍNH ", "") for line in CONSOLIDATED_END]
    end = [line.replace("463/VBHN-BTC", "22/VBHN-VPQH") for line in end]
    doc = facts(CONSOLIDATED_TOP, end).document
    assert doc.number == "22/VBHN-VPQH" and doc.issuer == "Văn phòng Quốc hội"


def test_a_text_citing_a_consolidated_text_is_not_one():
    page = [
        "BỘ TÀI CHÍNH",
        "Số: 52/2026/TT-BTC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 12 tháng 5 năm 2026",
        "THÔNG TƯ",
        "Hướng dẫn chế độ quản lý kinh phí",
        "Căn cứ Văn bản hợp nhất số 16/VBHN-BTC ngày 06 tháng 3 năm 2020 của Bộ Tài chính;",
    ]
    doc = facts(page).document
    assert doc.doc_type == "circular" and doc.number == "52/2026/TT-BTC" and doc.consolidates is None


def test_ocr_slips_in_symbols_are_repaired_from_the_table_of_bodies():
    from dispatch_reader.extract.docnumber import find_header_number

    def read(text: str) -> str:
        return find_header_number(text)[0].text

    assert read("Số: 12/2024/TT-BKHDT") == "12/2024/TT-BKHĐT"  # a body whose symbol has Đ
    assert read("Số: 1021/NQ-UBTVQHI5") == "1021/NQ-UBTVQH15"  # the legislature's term read as letters
    assert read("Luật số 80/2015/QHl3") == "80/2015/QH13"
    assert read("Số: 12/HD-SNV") == "12/HD-SNV"  # HD (Hướng dẫn) is a real type: left alone
    # a provincial department's Đ lost on a photocopy (every province has a Sở Giáo dục và Đào tạo)
    assert read("Số: 1093/QĐ-SGDDT") == "1093/QĐ-SGDĐT"
    # a phone photo: the slash after the year read as 7, the Q of the legislature's term as 0
    assert read("Số: 02/20267TT-BTC") == "02/2026/TT-BTC"
    assert read("Luật số: 04/2017/0H14") == "04/2017/QH14"


def _ocr_page(lines: list[str], doubtful: str, conf: float) -> PageText:
    from dispatch_reader.ingest.pages import Word

    words = [Word(text=w, x0=0, top=i * 10, x1=10, bottom=i * 10 + 8, conf=conf if w == doubtful else 0.95)
             for i, line in enumerate(lines) for w in line.split()]
    return PageText(number=1, text="\n".join(lines), method="ocr", ocr_confidence=0.93, words=words)


HANDWRITTEN = [
    "CHÍNH PHỦ",
    "Số: 445/NQ-CP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 29 tháng 4 năm 2026",
    "NGHỊ QUYẾT",
    "Về việc chuyển giao Vườn quốc gia",
]


def test_a_number_whose_digits_ocr_doubted_is_marked_and_warned_not_silently_taken():
    f = extract_facts([_ocr_page(HANDWRITTEN, "445/NQ-CP", 0.31)])
    assert f.document.number == "445/NQ-CP"  # what was read stays, for the clerk to check
    assert f.document.evidence["number"].confidence == 0.31
    assert any("445/NQ-CP" in w and "low confidence" in w for w in f.warnings)


def test_a_number_read_with_confidence_raises_nothing():
    f = extract_facts([_ocr_page(HANDWRITTEN, "445/NQ-CP", 0.91)])
    assert not any("low confidence" in w and "number" in w for w in f.warnings)


def test_a_number_whose_digits_were_not_read_is_flagged():
    lines = [line.replace("445/NQ-CP", "§ @ /2021/TT-BQP") for line in HANDWRITTEN]
    f = extract_facts([_ocr_page(lines, "@", 0.2)])
    assert f.document.number == "/2021/TT-BQP"
    assert f.document.evidence["number"].confidence == 0.0
    assert any("without its digits" in w for w in f.warnings)


def test_gazette_section_heading_and_repeated_body_name_are_chrome_not_the_parent_body():
    page = GAZETTE_TOP[:1] + [
        "VĂN BẢN QUY PHẠM PHÁP LUẬT",
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        "BỘ LAO ĐỘNG - THƯƠNG BINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "VÀ XÃ HỘI | Độc lập - Tự do - Hạnh phúc",
        "Số: 14/2024/TT-BLĐTBXH | Hà Nội, ngày 31 tháng 12 năm 2024",
        "THÔNG TƯ",
        "Quy định tiêu chí kiểm định chất lượng",
        "Căn cứ Luật Giáo dục nghề nghiệp ngày 27 tháng 11 năm 2014;",
    ]
    doc = facts(page).document
    assert doc.issuer == "Bộ Lao động - Thương binh và Xã hội"
    assert doc.issuer_parent is None
    assert doc.doc_type == "circular"  # not `law` from the heading


def test_a_rank_before_the_signers_name_is_not_part_of_it():
    end = [
        "Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026./.",
        "BỘ TRƯỞNG",
        "Đại tướng Lương Tam Quang",
    ]
    head = ["BỘ CÔNG AN", "Số: 56/2026/TT-BCA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 15 tháng 5 năm 2026", "THÔNG TƯ", "Quy định quản lý"]
    signer = facts(head, end).document.signer
    assert signer.name == "Lương Tam Quang" and signer.title == "BỘ TRƯỞNG"


RECEIPT_OVER_HEADER = [
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc",
    "CÔNG VĂN ĐẾN",
    "Số: 1234",
    "Ngày: 05/9/2025",
    "Chuyển: P. Nội vụ",
    "Số: 120/QĐ-UBND | Lào Cai, ngày 25 tháng 8 năm 2025",
    "QUYẾT ĐỊNH",
    "Về việc biệt phái viên chức",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
]


def test_receipt_stamp_is_its_own_fact_and_never_the_documents_number_or_date():
    f = facts(RECEIPT_OVER_HEADER)
    doc = f.document
    assert (doc.number, doc.issued_date, doc.issuer) == ("120/QĐ-UBND", "2025-08-25", "Ủy ban nhân dân tỉnh Lào Cai")
    assert doc.received is not None
    assert (doc.received.number, doc.received.date, doc.received.forwarded_to) == ("1234", "2025-09-05", "P. Nội vụ")
    assert "2025-09-05" not in {d.date for d in f.dates}  # the arrival is not a date the document states
    assert not any("does not parse" in w for w in f.warnings)


def test_receipt_stamp_read_before_the_number_line_still_leaves_the_number_alone():
    # OCR put the stamp's fields on the header's lines
    lines = [
        "ỦY BAN NHÂN DÂN | CÔNG VĂN ĐẾN Số: 87 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH LÀO CAI | Ngày: 3/9/2025 | Độc lập - Tự do - Hạnh phúc",
        "Số: 120/QĐ-UBND | Lào Cai, ngày 25 tháng 8 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc biệt phái viên chức",
    ]
    doc = facts(lines).document
    assert (doc.number, doc.issued_date) == ("120/QĐ-UBND", "2025-08-25")
    assert (doc.received.number, doc.received.date) == ("87", "2025-09-03")


def test_a_footnote_mark_after_the_type_title_leaves_it_a_title():
    from dispatch_reader.extract.doctypes import type_for_title

    assert type_for_title("QUYẾT ĐỊNH1") == type_for_title("QUYẾT ĐỊNH")
    assert type_for_title("THÔNG TƯ 12") == type_for_title("THÔNG TƯ")
    assert type_for_title("ĐIỀU 12") is None


def test_a_speck_in_small_letters_before_the_type_title_leaves_it_a_title():
    """A photocopy's speck read as `oo` before `THONG BÁO`: small letters that are no syllable,
    before a line in capitals. A word that is one (`về`, `ra`) is no speck."""
    from dispatch_reader.extract.doctypes import type_for_title

    assert type_for_title("oo THONG BÁO") == ("THÔNG BÁO", "notice")
    assert type_for_title("xs KẾ HOẠCH") == ("KẾ HOẠCH", "plan")
    assert type_for_title("về việc THÔNG BÁO") is None


def test_signer_whose_title_the_seal_covered_is_the_name_line_below_it():
    body = [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc",
        "Số: 120/QĐ-UBND | Lào Cai, ngày 25 tháng 8 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc biệt phái viên chức",
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký./.",
    ]
    end = ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, NC.", "Ry >", "VAS :", "Lé Quang Vinh"]
    lines_ocr = [PageText(number=1, text="\n".join(body), method="ocr", ocr_confidence=0.9),
                 PageText(number=2, text="\n".join(end), method="ocr", ocr_confidence=0.88)]
    f = extract_facts(lines_ocr)
    assert f.document.signer.name == "Lê Quang Vinh"
    assert f.document.evidence["signer"].confidence == 0.5
    assert any("title not read" in w for w in f.warnings)
    # a text layer keeps its title lines: a lone name at its end is no signer
    text_layer = [PageText(number=p.number, text=p.text) for p in lines_ocr]
    assert extract_facts(text_layer).document.signer is None


def test_figures_glued_to_letters_are_no_number_the_label_glued_to_them_is() -> None:
    """A phone photo read `So: 28/2u26/TT-BKHCN`: `26/TT-BKHCN` is the tail of the broken
    year, no number of the document (a wrong number is worse than none). `Số` glued to its
    figures (`Sô12/QĐ-UBND`, `SốI7/TB-VP`) is the label, and the number stands."""
    from dispatch_reader.extract.docnumber import find_header_number

    assert find_header_number("So: 28/2u26/TT-BKHCN") is None
    # nor are figures right after a slash (`2o2u/TT-BKHCN`: the year read with two letters)
    assert find_header_number("So: 28/2o2u/TT-BKHCN") is None
    assert find_header_number("Sô12/QĐ-UBND")[0].text == "12/QĐ-UBND"
    assert find_header_number("SốI7/TB-VP")[0].text == "17/TB-VP"
    assert find_header_number("Số: 28/2026/TT-BKHCN")[0].text == "28/2026/TT-BKHCN"
    # the label read a letter off is no broken run (a reviewer's)
    for label in ("Sé12/QĐ-UBND", "Sối12/QĐ-UBND", "5ố12/QĐ-UBND"):
        assert find_header_number(label)[0].text == "12/QĐ-UBND", label
