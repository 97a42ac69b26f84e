"""What real files add around the header: e-signature boxes, Gazette chrome, consolidated texts.

On strings, laid out as the text-layer reader lays out real Gazette pages (invented bodies'
numbers and people; the layouts are those of real files).
"""

from __future__ import annotations

import pytest

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


def test_a_consolidated_text_whose_block_a_copy_damaged():
    """augraphy's fax and phone photo of a Gazette VBHN (twenty-first round): the fax read the
    title a letter off and the number as nothing (`NAC THỰC …`, `SỐ: I@VBIIN BPC`); the phone
    photo's edge cut the title (`XÁC THT”`) and read `Số:` as `sé:`."""
    fax = [line.replace("BỘ TÀI CHÍNH XÁC THỰC", "BO TÀI CHÍNH\nNAC THỰC") for line in CONSOLIDATED_END]
    fax = [line.replace("Số: 463/VBHN-BTC", "SỐ: I@VBIIN BPC").replace("Hà Nội, ngày 10 tháng 02 năm 2025",
                                                                      "Tha Nai, nuàằt 10 thane 02 nam 2025")
           for line in fax]
    doc = facts(CONSOLIDATED_TOP, fax).document
    assert (doc.doc_type, doc.doc_type_label) == ("other", "Văn bản hợp nhất")
    # the top's number and body are the base text's, cited in its lead paragraph: none of this one's;
    # the block's date line is read by its skeleton (`nuàằt 10 thane 02 nam`), its own date, flagged
    assert (doc.number, doc.issuer, doc.issued_date) == (None, "Bộ Tài chính", "2025-02-10")
    from dispatch_reader.extract.confidence import MENDED, repairs
    assert repairs("issued_date", doc, doc.evidence["issued_date"]) == MENDED
    assert doc.consolidates == "34/2016/TT-BTC"
    assert doc.evidence["issuer"].quote == "BO TÀI CHÍNH" and doc.evidence["issuer"].page == 2
    phone = [line.replace("BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT", "BỘ TÀI CHÍNH\nXÁC THT”")
             .replace("Số: 463", "sé: 463") for line in CONSOLIDATED_END]
    doc = facts(CONSOLIDATED_TOP, phone).document
    assert (doc.doc_type, doc.number, doc.issuer) == ("other", "463/VBHN-BTC", "Bộ Tài chính")


def test_a_consolidated_blocks_symbol_a_copy_broke_is_the_one_its_body_prescribes():
    """A fourth augraphy set's ink-and-paper copy of the Labour ministry's VBHN 466: the block
    read whole but its symbol `466/VBIIN-BILĐTRXH` (H broken in two, L read `IL`, B read `R`).
    The body above the title prescribes `VBHN-BLĐTBXH`; told as mended, for checking."""
    from dispatch_reader.extract.confidence import MENDED, repairs

    block = ["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 466/VBIIN-BILĐTRXH", "XÁC THỰC VĂN BẢN HỢP NHẤT",
             "Hà Nội, ngày 10 tháng 02 năm 2025", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Thanh"]
    end = CONSOLIDATED_END[:2] + block
    doc = facts(CONSOLIDATED_TOP, end).document
    assert (doc.doc_type, doc.number, doc.issued_date) == ("other", "466/VBHN-BLĐTBXH", "2025-02-10")
    assert doc.issuer == "Bộ Lao động - Thương binh và Xã hội"
    assert repairs("number", doc, doc.evidence["number"]) == MENDED
    # another body's symbol read whole is no damaged form of this one's: not put in its place
    other = [line.replace("VBIIN-BILĐTRXH", "VBIIN-BTC") for line in end]
    assert facts(CONSOLIDATED_TOP, other).document.number != "466/VBHN-BLĐTBXH"


def test_a_long_symbol_a_letter_misread_and_one_added_is_mended_a_short_one_is_not():
    from dispatch_reader.extract.docnumber import find_header_number, mend_symbol

    read = find_header_number("Số: 466/VBHN-BILĐTRXH")[0]
    assert mend_symbol(read, ("VBHN", "BLĐTBXH")).text == "466/VBHN-BLĐTBXH"
    # two letters off a short symbol is another one as likely as this one
    assert mend_symbol(find_header_number("Số: 12/QĐ-BTCC")[0], ("QĐ", "BTP")) is None


def test_a_consolidated_block_whose_number_a_photocopy_garbled_is_still_the_texts_own():
    """A third augraphy set's photocopy of a Gazette VBHN: the block's title whole, its number
    garbled past reading (`tb oe 3 vBHN-BEBTBKH`), the date, title lines and signer read. The
    text is a VBHN of the body above the title, dated by the block; its number not known."""
    end = [line.replace("Số: 463/VBHN-BTC", "tb oe 3 vBHN-BEBTBKH | Hà Nội, ngày 10 tháng 02 năm 2025° | ch h")
           for line in CONSOLIDATED_END if not line.startswith("Hà Nội")]
    doc = facts(CONSOLIDATED_TOP, end).document
    assert (doc.doc_type, doc.doc_type_label) == ("other", "Văn bản hợp nhất")
    assert (doc.number, doc.issuer, doc.issued_date) == (None, "Bộ Tài chính", "2025-02-10")
    # a form's blank block in an annex (no date, an example's name) makes no VBHN of a circular
    form = [line.replace("Số: 463/VBHN-BTC", "Số:      /VBHN-BTC").replace("ngày 10 tháng 02 năm 2025", "ngày ... tháng ... năm ...")
            .replace("Lê Văn Thành", "Nguyễn Văn A") for line in CONSOLIDATED_END]
    top = [line for line in CONSOLIDATED_TOP if not line.startswith("VĂN BẢN HỢP NHẤT")]
    assert facts(top, form).document.doc_type != "other"


def test_a_form_of_the_block_dated_and_signed_makes_no_vbhn_of_a_circular():
    """A fresh-eyes tester's: a circular's annex shows the block as a form, its number blank but
    dated and with an example's name; an article quotes one. The circular stays a circular."""
    top = ["BỘ TÀI CHÍNH", "Số: 52/2026/TT-BTC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Hà Nội, ngày 12 tháng 5 năm 2026", "THÔNG TƯ", "Hướng dẫn hợp nhất văn bản",
           "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;", "Điều 1. Phạm vi", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG",
           "Lê Văn Thành"]
    annex = ["Phụ lục", "MẪU XÁC THỰC VĂN BẢN HỢP NHẤT", "(Kèm theo Thông tư số 52/2026/TT-BTC)", "BỘ TÀI CHÍNH",
             "Số:      /VBHN-BTC", "XÁC THỰC VĂN BẢN HỢP NHẤT", "Hà Nội, ngày 15 tháng 3 năm 2026", "BỘ TRƯỞNG",
             "(Chữ ký, dấu)", "Nguyễn Văn An"]
    doc = facts(top, annex).document
    assert (doc.doc_type, doc.number) == ("circular", "52/2026/TT-BTC")


def test_a_garbled_block_without_its_date_line_takes_no_later_documents_date():
    # the block's date line lost; the next document on the Gazette's page is dated below it
    end = [line.replace("Số: 463/VBHN-BTC", "tb oe 3 vBHN-BEBTBKH") for line in CONSOLIDATED_END
           if not line.startswith("Hà Nội")]
    nxt = ["BỘ TÀI CHÍNH", "Số: 88/2024/TT-BTC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Hà Nội, ngày 14 tháng 11 năm 2024", "THÔNG TƯ"]
    doc = facts(CONSOLIDATED_TOP, end + nxt).document
    assert doc.issued_date != "2024-11-14"


def test_a_consolidated_text_whose_title_was_lost_is_found_by_its_own_number():
    """augraphy's phone photo of the National Assembly Office's VBHN: a blot for the block's
    title (`KACY`), its number under its label still read; a fax read the office's name a
    letter off (`VĂN PHÒNG OUÓC HỘI`)."""
    end = [line.replace("BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT", "VĂN PHÒNG OUÓC HỘI\nKACY")
           .replace("463/VBHN-BTC", "22/VBHN-VPQH") for line in CONSOLIDATED_END]
    doc = facts(CONSOLIDATED_TOP, end).document
    assert (doc.doc_type, doc.number, doc.issuer, doc.issued_date) == ("other", "22/VBHN-VPQH",
                                                                       "Văn phòng Quốc hội", "2025-02-10")


def test_a_consolidated_text_whose_number_a_black_seals_specks_part_from_its_body_is_found():
    """Our photocopy of the labour ministry's VBHN 466: the block's title garbled (`XÁC
    PIUC'VANBYAN HỢP NHÁT`), the seal printed black between the body's name and the number, read
    as lines of specks (`}`, `2`, `=`); the Gazette's heading garbled too. The circular it
    consolidates came out, confident. The number under its label, a body's name above the
    specks, makes the block."""
    top = [line.replace("VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH", "on P. MENG kN eb NHÁT -") for line in CONSOLIDATED_TOP]
    end = CONSOLIDATED_END[:2] + ["BỘ TÀI CHÍNH XÁC PIUC'VANBYAN HỢP NHÁT", "se", "s/", "}", "2", "=",
                                  "Số: 463/VBHN-BTC", "Hà Nội, ngày 10 tháng 02 năm 2025", "KT. BỘ TRƯỞNG", "Lê Văn Thành"]
    doc = facts(top, end).document
    assert (doc.doc_type, doc.number, doc.issuer) == ("other", "463/VBHN-BTC", "Bộ Tài chính")
    # a citation's number with no body above it, specks or none, makes no block; nor one under
    # a list's numbering, or a body's name past the blank lines a block leaves (a reviewer's cases)
    for tail in (["Các văn bản đã xác thực", "se", "}", "Số: 463/VBHN-BTC"],
                 ["Danh mục", "BỘ TÀI CHÍNH", "1.", "2.", "Số: 463/VBHN-BTC ngày 10 tháng 02 năm 2025"],
                 ["BỘ TÀI CHÍNH", "", "", "", "", "", "Số: 463/VBHN-BTC"]):
        assert facts(top, CONSOLIDATED_END[:2] + tail).document.doc_type == "circular", tail


def test_a_consolidated_block_whose_body_and_number_a_photo_garbled_is_told_by_what_stands_under_its_title():
    """augraphy's phone photo of VBHN 464: the title read whole, the body's name beside it
    garbled (`BỘ Lag ĐỘNG - THƯƠNG BINH`), the number's line lost into the date's. Nothing was
    given; a date line and a signing authority under the title make the block: a VBHN, dated
    and signed, its number not known."""
    top = [line.replace("VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH", "3 | -:") for line in CONSOLIDATED_TOP]
    block = ["BỘ Lag ĐỘNG - THƯƠNG BINH XÁC THỰC VĂN BẢN HỢP NHÁT", "Vx", "it",
             "66 | H - | XH | Hà Nội, ngày 10 tháng 02 năm 2025"]
    signed = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Thanh"]
    doc = read(top, CONSOLIDATED_END[:2] + block + signed).document
    assert (doc.doc_type, doc.number, doc.issued_date) == ("other", None, "2025-02-10")
    assert doc.signer.name == "Lê Văn Thanh"
    # no date line, or no authority after it, under the title: no block
    for tail in (block[:3] + ["KT. BỘ TRƯỞNG", "Lê Văn Thanh"], block + ["Điều 10. Trách nhiệm thi hành"]):
        assert read(top, CONSOLIDATED_END[:2] + tail).document.doc_type == "circular", tail
    # an annex's form of the block, dated and signed (a reviewer's case): the circular stays one
    form = ["PHỤ LỤC", "Mẫu số 01. XÁC THỰC VĂN BẢN HỢP NHẤT", "Hà Nội, ngày 10 tháng 02 năm 2025"] + signed
    assert read(top, CONSOLIDATED_END[:2] + form).document.doc_type == "circular"
    # a text layer's block is read as typed: a garbled name there is no damage to look past
    assert facts(top, CONSOLIDATED_END[:2] + block + signed).document.doc_type == "circular"


def read(*pages: list[str]):
    """As `facts`, the pages OCR-read."""
    return extract_facts([PageText(number=i, text="\n".join(lines), method="ocr", ocr_confidence=0.85)
                          for i, lines in enumerate(pages, 1)])


def test_what_the_top_said_of_its_number_and_body_goes_when_the_closing_block_gives_them():
    """A clerk read `issuer lines unreadable: 'Thủ tướng Chính phủ' told by the number's symbol
    'QĐ-TTg'` in the brief of the finance ministry's VBHN: the top's reading took a cited
    decision's number for the text's; the closing block gave its own, and the top's word on
    facts that are no longer the record's goes with them."""
    top = [line.replace("VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH", "Số: 60/2015/QĐ-TTg") for line in CONSOLIDATED_TOP]
    f = read(top, CONSOLIDATED_END)
    assert (f.document.number, f.document.issuer) == ("463/VBHN-BTC", "Bộ Tài chính")
    assert not any("QĐ-TTg" in w or "issuer" in w for w in f.warnings), f.warnings
    # a date the top's reading found is another document's: with the block's date line lost, the
    # text has none, and what was said of that date goes with it (a reviewer's case)
    top.insert(top.index("THÔNG TƯ"), "Hà Nội, ngày 25 tháng 10 năm 216")
    undated = read(top, [line for line in CONSOLIDATED_END if not line.startswith("Hà Nội")])
    assert (undated.document.number, undated.document.issued_date) == ("463/VBHN-BTC", None)
    assert not any("year lost a figure" in w for w in undated.warnings), undated.warnings
    # ... and the reader is told where the date line stands: in the block, not under the motto
    # (a tester read `no place-and-date line found under the motto` under a VBHN)
    assert not any("under the motto" in w for w in undated.warnings), undated.warnings
    assert any(w.startswith("the consolidated text's date line, in its closing block") for w in undated.warnings)
    dated = read(top, CONSOLIDATED_END)
    assert dated.document.issued_date and not any("consolidated text's date line" in w for w in dated.warnings)


def test_a_consolidated_text_whose_block_was_lost_is_told_by_the_gazettes_heading():
    """augraphy's photocopy of the same VBHN: no line of its closing block read; the Gazette's
    heading over its first page (`VĂN BẢN HỢP NHÁT - VĂN PHÒNG QUỐC Hol”`) says what it is and
    whose. Its number and date are not known, and the base text's are not taken for them."""
    def heading(text: str) -> list[str]:
        return [text if line == "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH" else line for line in CONSOLIDATED_TOP]

    top = heading("VĂN BẢN HỢP NHÁT - VĂN PHÒNG QUỐC Hol”")
    end = CONSOLIDATED_END[:2] + ["KT. BỘ TRƯỞNG"]
    doc = facts(top, end).document
    assert (doc.doc_type, doc.doc_type_label) == ("other", "Văn bản hợp nhất")
    assert (doc.number, doc.issuer, doc.issued_date) == (None, "Văn phòng Quốc hội", None)
    assert doc.evidence["issuer"].page == 1 and "HỢP NHÁT" in doc.evidence["issuer"].quote
    # the heading of another section, or an unknown body after it, tells nothing
    assert facts(heading("VĂN BẢN QUY PHẠM PHÁP LUẬT - BỘ TÀI CHÍNH"), end).document.doc_type == "circular"
    assert facts(heading("VĂN BẢN HỢP NHẤT - Loe i ret"), end).document.doc_type == "circular"


def test_a_reviewers_cases_for_the_damaged_block():
    """A fresh-eyes reviewer's false positives (twenty-first round), each mended."""
    circular = ["BỘ TÀI CHÍNH", "Số: 28/2026/TT-BTC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 27 tháng 3 năm 2026", "THÔNG TƯ",
                "Quy định mức thu phí", "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;"]
    end = ["BỘ TRƯỞNG", "Nguyễn Văn Thắng"]
    for tail in (["Mục 3", "XÁC THỰC VĂN BẢN HỢP NHẤT", "Điều 12. Thẩm quyền", "1. Bộ trưởng ký xác thực."],
                 ["CHƯƠNG IV", "XÁC THỰC VĂN BẢN HỢP NHẤT", "Điều 12. Thẩm quyền", "1. Bộ trưởng ký xác thực."],
                 ["Các văn bản hợp nhất đã được xác thực:", "BỘ TÀI CHÍNH",
                  "- Số: 16/VBHN-BTC ngày 06 tháng 3 năm 2020;"],
                 ["QUY TRÌNH", "KÝ XÁC THỰC VĂN BẢN HỢP NHẤT CỦA BỘ TÀI CHÍNH", "Điều 1. Phạm vi"],
                 ["Mẫu số 01", "TÊN CƠ QUAN XÁC THỰC", "XÁC THỰC VĂN BẢN HỢP NHẤT", "Số: …/VBHN-…",
                  "…, ngày … tháng … năm …"],
                 ["Các văn bản hợp nhất đã được xác thực gồm:", "- Số: 16/VBHN-BTC ngày 06 tháng 3 năm 2020;"]):
        doc = facts(circular + tail + end).document
        assert (doc.doc_type, doc.number, doc.issuer) == ("circular", "28/2026/TT-BTC", "Bộ Tài chính"), tail
    # a letter's subject wrapped so that a line opens like the Gazette's heading, in small letters
    letter = ["BỘ TƯ PHÁP", "Số: 120/BTP-KTrVB", "V/v góp ý về", "văn bản hợp nhất - Bộ Tài chính",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 05 tháng 3 năm 2024",
              "Kính gửi: Bộ Tài chính"]
    assert facts(letter).document.number == "120/BTP-KTrVB"
    # a sentence on consolidation after a whole block does not hide it
    note = ["20 Điều 5 Quyết định số 38/2019/QĐ-TTg quy định như sau:", "“Điều 5. Bộ Tài chính thực hiện",
            "xác thực văn bản hợp nhất theo quy định.”"]
    assert facts(CONSOLIDATED_TOP, CONSOLIDATED_END + note).document.number == "463/VBHN-BTC"
    # the number lost on the date's line (two columns read as one): the date stays, the place
    # only where it is a known one, and a body's name cut by the title's line is read whole
    end = [line.replace("BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT", "BỘ LAO ĐỘNG - THƯƠNG BINH XÁC THỰC VĂN BẢN HỢP "
                        "NHẤT\nVÀ XÃ HỘI").replace("Số: 463/VBHN-BTC\n", "") for line in CONSOLIDATED_END]
    end = [line.replace("Số: 463/VBHN-BTC", "SỐ: I@VBIIN BPC Hà Nội, ngày 10 tháng 02 năm 2025")
           if line.startswith("Số:") else line for line in end if not line.startswith("Hà Nội")]
    doc = facts(CONSOLIDATED_TOP, end).document
    assert (doc.doc_type_label, doc.number, doc.issued_date) == ("Văn bản hợp nhất", None, "2025-02-10")
    assert (doc.issuer, doc.place) == ("Bộ Lao động - Thương binh và Xã hội", None)


def test_a_sentence_on_consolidation_makes_no_consolidated_text():
    top = ["BỘ TƯ PHÁP", "Số: 12/2026/TT-BTP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Hà Nội, ngày 12 tháng 5 năm 2026", "THÔNG TƯ", "Hướng dẫn hợp nhất văn bản quy phạm pháp luật"]
    body = ["Điều 5. Người đứng đầu cơ quan ký xác thực văn bản hợp nhất",
            "và chịu trách nhiệm về tính chính xác của văn bản hợp nhất."]
    # the title's words in a sentence, in small letters, with no number of a VBHN by them
    doc = facts(top + body).document
    assert (doc.doc_type, doc.number, doc.issuer) == ("circular", "12/2026/TT-BTP", "Bộ Tư pháp")
    doc = facts(top + body + ["Điều 6. Xác thực điện tử: văn bản hợp nhất số 16/VBHN-BTC được đăng tải."]).document
    assert (doc.doc_type, doc.number, doc.issuer) == ("circular", "12/2026/TT-BTP", "Bộ Tư pháp")


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
    # a fax's 5 read as an S in the term (augraphy's faxes of circulars citing laws)
    assert read("Luật số 63/2025/QHIS") == "63/2025/QH15"
    assert read("Luật số 59/2024/OHIS") == "59/2024/QH15"
    assert read("Số: 12/NQ-UBTVQH1S") == "12/NQ-UBTVQH15"
    assert read("Luật số 34/2024/QOH15") == "34/2024/QH15"  # a speck read as an O inside it


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


@pytest.mark.parametrize("rank", ["Đại tướng", "Dại tướng"])  # (a fax loses Đ's stroke)
def test_a_rank_before_the_signers_name_is_not_part_of_it(rank: str):
    end = [
        "Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026./.",
        "BỘ TRƯỞNG",
        f"{rank} Lương Tam Quang",
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


def test_the_gazettes_heading_with_its_first_word_lost_is_no_title():
    """augraphy's sixth set: a photocopy's grain took `VĂN` of the Gazette's heading, specks
    read in its place (`sania? oman BẢN QUY PHẠM PHÁP LUẬT`), and its `LUẬT` made a circular a
    law. The heading is told by its last words; a title line of a law still is one."""
    circular = ["CÔNG BÁO/Số 483 + 484/Ngày 04-4-2024", "sania? oman BẢN QUY PHẠM PHÁP LUẬT",
                "BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: 02/2024/TT-BKHĐT", "Hà Nội, ngày 06 tháng 3 năm 2024", "THÔNG TƯ",
                "Quy định hoạt động đào tạo về đấu thầu", "Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023;"]
    doc = facts(circular).document
    assert (doc.doc_type, doc.number) == ("circular", "02/2024/TT-BKHĐT")
    law = ["QUỐC HỘI", "Luật số: 51/2024/QH15", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "LUẬT", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT CÁC TỔ CHỨC TÍN DỤNG"]
    assert facts(law).document.doc_type == "law"


def test_a_consolidated_texts_date_line_with_a_worn_figure_is_dated_and_said():
    """augraphy's sixth set: the block's `Hà Nói, ngày 06 tháng 3 năm 220` (a worn 0) gave no date.
    2020 is the one year its figures fit; taken, and the clerk told, as the header's would be."""
    from dispatch_reader.messages import localise

    end = [line.replace("ngày 10 tháng 02 năm 2025", "ngày 10 tháng 02 năm 225") for line in CONSOLIDATED_END]
    got = extract_facts([PageText(number=i, text="\n".join(lines), method="ocr", ocr_confidence=0.8)
                         for i, lines in enumerate((CONSOLIDATED_TOP, end), 1)])
    assert (got.document.number, got.document.issued_date) == ("463/VBHN-BTC", "2025-02-10")
    told = [w for w in got.warnings if "lost a figure" in w]
    assert told and localise(told[0], "vi") != told[0]


def test_a_consolidated_texts_subject_stops_where_its_lead_paragraph_begins():
    """A text layer's VBHN: the title's lines ran on into the lead paragraph that names the base
    decision, its number left out of the subject (`… quỹ hỗ trợ ngày 12 tháng 3 năm 2016 của Thủ
    tướng …`), so the cut at `Quyết định số …` found nothing: a paragraph for a subject."""
    top = ESIGN + ["CÔNG BÁO/Số 295 + 296/Ngày 22-3-2020 41", "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH",
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUYẾT ĐỊNH1",
                   "Quy chế quản lý quỹ dự trữ của các bộ, ngành và địa phương về",
                   "tài chính công và chi phí quản lý quỹ dự trữ,", "quỹ hỗ trợ",
                   "Quyết định số 44/2016/QĐ-TTg ngày 12 tháng 3 năm 2016 của Thủ tướng",
                   "Chính phủ về quy chế quản lý quỹ dự trữ của các bộ, ngành và địa phương về tài chính",
                   "công, có hiệu lực thi hành kể từ ngày 1 tháng 5 năm 2016, được sửa đổi, bổ", "sung bởi:",
                   "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;"]
    doc = facts(top, CONSOLIDATED_END).document
    assert doc.number == "463/VBHN-BTC"
    assert doc.subject == ("Quy chế quản lý quỹ dự trữ của các bộ, ngành và địa phương về tài chính công và chi phí "
                           "quản lý quỹ dự trữ, quỹ hỗ trợ")
