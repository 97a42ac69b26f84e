"""Scanned headers read by what each line holds, wherever OCR put it."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.docnumber import find_header_number
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.extract.textutil import fold_phrase
from dispatch_reader.record import Facts


def scanned(*pages: str) -> Facts:
    return extract_facts([PageText(i, t, method="ocr", ocr_confidence=0.85) for i, t in enumerate(pages, 1)])


def test_garbled_number_lead_glued_issuer_and_garbled_month_word() -> None:
    text = ("VĂN PHÒNG UBNDTỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBẮC HÀ\nS§ố:17/TB-VP\n"
            "Độc lập - Tự do - Hạnh phúc\nBac Ha, ngay 09 thẳng 12 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về nhân lực cấp xã\n"
            "Ngày 08/12/2025, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp.\n")
    doc = scanned(text).document
    assert doc.number == "17/TB-VP"
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Bắc Hà"
    assert (doc.issued_date, doc.doc_type) == ("2025-12-09", "notice")


def test_number_without_its_lead_and_issuer_read_after_it() -> None:
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "26/CĐ-UBND\nỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nBắc Hà, ngày 3 tháng 12 năm 2025\n"
            "CÔNGĐIỆN\nVề việc cử công chức hỗ trợ các xã vùng lũ.\ncho kịp thời\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc các sở;\n")
    doc = scanned(text).document
    assert doc.number == "26/CĐ-UBND"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Bắc Hà"
    assert (doc.doc_type, doc.doc_type_label) == ("telegram", "CÔNG ĐIỆN")
    assert doc.subject == "Về việc cử công chức hỗ trợ các xã vùng lũ cho kịp thời"


def test_signer_after_seal_specks_and_recipients_across_a_page_break() -> None:
    first = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/KH-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\nKẾ HOẠCH\n"
             "Hỗ trợ các xã vùng lũ\nNơi nhận:\n- Bộ Nội vụ;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")
    second = "- Các sở, ban, ngành;\nUBND các xã, phường;\nLưu: VT.\ngi Ẻ ce\nNông Thị Hiên\n"
    assert scanned(first, second).document.signer.name == "Nông Thị Hiên"


def test_subject_names_and_places_spelled_as_elsewhere_in_the_document() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 41/TB-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của đồng chí Lé Văn Thịnh về nhân lực xã Nam Det\n"
            "Ngày 02/12/2025, đồng chí Lê Văn Thịnh, Phó Chủ tịch Ủy ban nhân dân tỉnh, làm việc với\n"
            "Ủy ban nhân dân xã Nậm Đét.\n")
    assert scanned(text).document.subject == "Kết luận của đồng chí Lê Văn Thịnh về nhân lực xã Nậm Đét"


def test_place_date_line_read_after_the_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 42/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "QUYẾT ĐỊNH\nVề việc điều động công chức\nBắc Hà, ngày 4 tháng 12 năm 2025\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text).document
    assert (doc.issued_date, doc.place, doc.subject) == ("2025-12-04", "Bắc Hà", "Về việc điều động công chức")
    wrapped = text.replace("Về việc điều động công chức\nBắc Hà, ngày 4 tháng 12 năm 2025\n",
                           "Về việc thực hiện Công văn của Bộ Nội vụ\nngày 30 tháng 6 năm 2025\n"
                           "Bắc Hà, ngày 4 tháng 12 năm 2025\n")
    doc = scanned(wrapped).document
    assert doc.issued_date == "2025-12-04"
    assert doc.subject == "Về việc thực hiện Công văn của Bộ Nội vụ ngày 30 tháng 6 năm 2025"


def test_name_under_seal_on_the_signing_page_before_an_annex() -> None:
    """A fax whose seal went black over the title lines: the name line, its marks lost and a
    speck glued to it, is on page 1 under the Nơi nhận list; page 2 is the DANH SÁCH annex."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal
    from dispatch_reader.ingest.pages import PageText

    signing = ("UBND TỈNH LAI CHÂU\nSỞ NỘI VỤ\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n"
               "- Như Điều 3;\n- Lưu: VT, CCVC.\n‘Bui Van Hải\n/ iS\n= (\nvÀ")
    annex = ("DANH SACH\nSTT | Họ và tên | Chức vụ\n1 | Lo Van Pang | Chuyên viên | Xã Mường Khoa\n"
             "10 | Đỗ Thị Ngọc Ánh | Chuyên viên Văn phòng Sở | Phường Đoàn Kết | 06 thang")
    pages = prepare_pages([PageText(1, signing, "ocr", ocr_confidence=0.9), PageText(2, annex, "ocr", ocr_confidence=0.8)])
    signer, ev = name_under_seal(pages, 0.9)
    assert signer.name == "Bùi Văn Hải"
    assert (ev["signer"].page, ev["signer"].quote) == (1, "Bui Van Hải")
    # a signing page with no name at its foot ends the search: no name is taken from earlier pages
    blank = signing.replace("‘Bui Van Hải\n", "")
    assert name_under_seal(prepare_pages([PageText(1, "Nguyễn Văn An", "ocr", ocr_confidence=0.9),
                                          PageText(2, blank, "ocr", ocr_confidence=0.9)]), 0.9) is None


def test_name_under_seal_over_a_copiers_bands_read_as_scraps() -> None:
    """Augraphy's photocopy: a dirty drum's bands took the title lines and the Nơi nhận label,
    and the rest of the page under the name is read as scraps, split by bars (`Hiện | we |
    Bre`); the name is still the foot's. A line of wording under a name ends the search."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal
    from dispatch_reader.ingest.pages import PageText

    body = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    signing = ("- CT, PCT UBND tỉnh;\n- Lưu: VT, NC.\nGiàng Seo Vần\nHiện | we | Bre | eer | re | Lazy\n"
               "nh ven TE ER vung RES NEL ae 1y c0 any fe Mo ae ie\nohm IE ae Te en i ie a i ie\n"
               "oot be | ott. | et. | Ll Lk 1. MWWsc-g i\n, TC 99% 48 AE OR on B‹ ne A SA ANC an 6\nie\nwy\n7.")
    signer, _ = name_under_seal(prepare_pages([PageText(1, body, "ocr", ocr_confidence=0.9),
                                               PageText(2, signing, "ocr", ocr_confidence=0.5)]), 0.5)
    assert signer.name == "Giàng Seo Vần"
    worded = signing.replace("Hiện | we", "các cơ quan, đơn vị có liên quan thực hiện | we")
    assert name_under_seal(prepare_pages([PageText(1, body, "ocr", ocr_confidence=0.9),
                                          PageText(2, worded, "ocr", ocr_confidence=0.5)]), 0.5) is None


def test_name_under_seal_above_an_annex_that_is_a_form_with_its_own_noi_nhan() -> None:
    """A decree's photocopy: the seal took the title lines, `Trần Hồng Hà` stands under them
    and the annex's heading (`Phụ lục`) follows on the same page; the last page is the annex, a
    form with a Nơi nhận list and `THỦ TRƯỞNG (Ký tên và đóng dấu)`, no name under it."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal
    from dispatch_reader.ingest.pages import PageText

    signing = ("Điều 6. Trách nhiệm thi hành\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm\n"
               "thi hành Nghị định này.\n[WAKPHU\n‘NG\nJING\nTrần Hồng Hà\nCÔNG BÁO/Số 229/Ngày 19-04-2026\n73\n"
               "Phụ lục\n(Kèm theo Nghị định số 123/2026/NĐ-CP\nngày 04 tháng 4 năm 2026 của Chính phủ)")
    form = ("TÊN TỔ CHỨC, CÁ NHÂN\nVĂN BẢN ĐỀ NGHỊ\nChúng tôi hoàn toàn chịu trách nhiệm về nội dung trên.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT,...\nTHỦ TRƯỞNG\n(Ký tên và đóng dấu)\nGhi chú:\n"
            "(1) Cơ quan có thẩm quyền phê duyệt")
    pages = prepare_pages([PageText(1, signing, "ocr", ocr_confidence=0.9), PageText(2, form, "ocr", ocr_confidence=0.9)])
    signer, ev = name_under_seal(pages, 0.9)
    assert signer.name == "Trần Hồng Hà" and ev["signer"].page == 1
    # with no annex heading, the form's foot ends the search as before: no name is guessed
    no_heading = signing.replace("Phụ lục\n", "")
    assert name_under_seal(prepare_pages([PageText(1, no_heading, "ocr", ocr_confidence=0.9),
                                          PageText(2, form, "ocr", ocr_confidence=0.9)]), 0.9) is None
    # the heading as annexes number it; a line of the body that looks like one, earlier, does
    # not stop the search at it
    for heading in ("PHỤ LỤC II", "Phụ lục số 01", "Mẫu số 01/TK", "PHỤ LỤC I-A"):
        numbered = signing.replace("Phụ lục\n", heading + "\n")
        early = numbered.replace("Điều 6.", "Mẫu số 02\nĐiều 6.")
        for text in (numbered, early):
            pages = prepare_pages([PageText(1, text, "ocr", ocr_confidence=0.9), PageText(2, form, "ocr", ocr_confidence=0.9)])
            assert name_under_seal(pages, 0.9)[0].name == "Trần Hồng Hà", (heading, text[:40])
    from dispatch_reader.extract.signer import _ANNEX_HEAD

    for line in ("phu luc kem theo quyet dinh", "mau so lieu", "mau so 01 ban hanh kem theo"):
        assert not _ANNEX_HEAD.match(line), line


def test_name_under_seal_split_from_the_seals_specks_by_the_layout() -> None:
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal
    from dispatch_reader.ingest.pages import PageText

    text = ("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, NC,\nave BAN NHÂN DÂN\n{> | C | ICH\ntà | on\n"
            "“Ho Văn Khiêm | Xe")
    signer, ev = name_under_seal(prepare_pages([PageText(1, text, "ocr", ocr_confidence=0.9)]), 0.9)
    assert signer.name == "Hồ Văn Khiêm" and ev["signer"].quote == "Ho Văn Khiêm"


def test_a_photocopied_receipt_stamp_under_the_number_is_no_issuer() -> None:
    """On a photocopy the receipt stamp is black, its figures past reading: its receiving
    body and title (`BAN TỔ CHỨC / CÔNG VĂN ĐẾN`) stand under the number line and are neither
    the issuer nor a received fact."""
    text = ("ỦY BAN NHÂN DÂN\nTINH SƠN LA\nSố: 198/KH-UBND\ngen\nBẠN TÔ CHỨC\nCONG VAN DEN\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lap - Tự do - Hanh phúc\n"
            "Sơn La, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH\nss: 8234 Tăng cường công chức về làm việc tại các xã\n"
            "Thực hiện Công văn số 4620/BNV-CQĐP ngày 18 tháng 8 năm 2025 của Bộ Nội vụ.\n")
    doc = scanned(text).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Sơn La"
    assert doc.number == "198/KH-UBND"
    assert doc.received is None


def test_a_photocopied_stamp_titled_den_alone_is_the_received_fact() -> None:
    """Many offices' stamps are titled `ĐẾN` alone (`ĐẾN — Số — Ngày — Chuyển`). On a photocopy
    its lines are in the page text: its number and date are the received fact, blanked before
    the header is read; a table's `Đến` with no field after it is no stamp."""
    tail = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Sơn La, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH\nTăng cường công chức về làm việc tại các xã\n")
    for stamp in ("SỞ NỘI VỤ\nĐẾN\nSố: 8234\nNgày: 10/9/2025\nChuyển: P. Nội vụ\n", "ĐẾN Số: 8234\nNgày: 10/9/2025\n"):
        doc = scanned("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 198/KH-UBND\n" + stamp + tail).document
        assert (doc.number, doc.issued_date, doc.issuer) == ("198/KH-UBND", "2025-09-05", "Ủy ban nhân dân tỉnh Sơn La")
        assert doc.received is not None and (doc.received.number, doc.received.date) == ("8234", "2025-09-10")
    table = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 198/KH-UBND\n" + tail + "Thời gian\nTừ\n01/10/2025\nĐến\n"
             "31/12/2025\nSố: 12 người\n")
    doc = scanned(table).document
    assert doc.received is None and doc.number == "198/KH-UBND"
    # a fresh-eyes reviewer's: lines that open on `Đến` with a field's label are a sentence's
    for body in ("Từ ngày: 01/10/2025\nĐến ngày: 30/9/2026\n", "- Đến ngày: 31/12/2025 hoàn thành.\n- Số: 60 công chức.\n",
                 "Đến số: 15 thì dừng\n", "Thời gian\n  Từ\n  01/10/2025\n  Đến\n  31/12/2025\nSố: 12 người\n"):
        doc = scanned("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 198/KH-UBND\n" + tail + body).document
        assert doc.received is None and doc.number == "198/KH-UBND", body
    # the document's number read with a space before its slash is no hand's count under the title
    doc = scanned("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nCÔNG VĂN ĐẾN\nSố: 198 /KH-UBND\nNgày: 10/9/2025\n" + tail).document
    assert doc.number == "198/KH-UBND" and doc.received is not None and doc.received.number is None


def test_a_grey_stamps_receiving_office_is_never_the_issuer() -> None:
    """A stamp scanned in grey is not dropped as coloured ink, and its lines are read with the
    header's: its receiving office's name over `ĐẾN` is the stamp's, wherever it stands: the
    page's first line (above the header), past a speck, or under the issuer's block when it
    opens another committee's name; `ĐẾN` alone in capitals under it is the stamp's title with
    its figures lost. The motto's first words in capitals, the rest garbled apart, are no
    issuer's line either."""
    tail = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Bắc Ninh, ngày 11 tháng 5 năm 2026\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\n")
    above = scanned("SỞ TÀI CHÍNH TỈNH BẮC NINH\nĐẾN\nSố: 5127\nỦY BAN NHÂN DÂN\nXÃ TIÊN DU\n"
                    "Số: 77/QĐ-UBND\n" + tail).document
    assert (above.issuer, above.number) == ("Ủy ban nhân dân xã Tiên Du", "77/QĐ-UBND")
    assert above.received is not None and above.received.number == "5127"
    for title in ("ĐẾN", "‘DEN"):
        under = scanned("UBND TỈNH BẮC NINH\nBAN QUẢN LÝ\nCÁC KHU CÔNG NGHIỆP\nUBND XÃ TIÊN DU\n" + title + "\n"
                        "CỘNG HÒA! (AH | Ủ NGHĨA VIỆT NAM\nSố: 77/QĐ-BQLKCN\n" + tail).document
        # (`các` opens no field of the name: casing.proper_case_body)
        assert under.issuer == "Ban Quản lý các khu công nghiệp", title
    # a department under its committee's line, over the title, is the header's own
    own = scanned("UBND TỈNH BẮC NINH\nSỞ TÀI CHÍNH\nĐẾN\nSố: 5127\nSố: 77/QĐ-STC\n" + tail).document
    assert own.issuer == "Sở Tài chính"
    # `ĐẾN` alone with no figures under a line that names no office is no stamp
    plain = scanned("ỦY BAN NHÂN DÂN\nXÃ TIÊN DU\nĐẾN\nSố: 77/QĐ-UBND\n" + tail).document
    assert plain.received is None and plain.issuer == "Ủy ban nhân dân xã Tiên Du"
    # a reviewer's: the header's own first line over a stamp is no office's (a bare head, a
    # department with no place, one whose own lines do not follow), nor a commune named `… PHONG`
    # under its level, nor a Party committee's board under its committee
    for header, issuer in (("ỦY BAN NHÂN DÂN\nĐẾN Số: 5127\nTỈNH BẮC NINH\nSố: 77/QĐ-UBND\n", "Ủy ban nhân dân tỉnh Bắc Ninh"),
                           ("SỞ NỘI VỤ\nĐẾN\nSố: 77/QĐ-SNV\n", "Sở Nội vụ"),
                           ("ỦY BAN NHÂN DÂN\nXÃ\nTÂN PHONG\nĐẾN\nSố: 77/QĐ-UBND\n", "Ủy ban nhân dân xã Tân Phong")):
        assert scanned(header + tail).document.issuer == issuer, header
    board = scanned("ĐẢNG BỘ TỈNH BẮC NINH\nỦY BAN KIỂM TRA TỈNH ỦY\nĐẾN\nSố: 512\nSố: 77-QĐ/UBKTTU\n" + tail).document
    assert board.issuer is not None and "Kiểm" in board.issuer


def test_a_photocopied_stamps_worn_number_label_still_labels_its_figures() -> None:
    """`Số:` on a photocopied stamp read `sé:` (a real Gazette photocopy: `CÔNG VĂN DEN` over
    `sé: 3420`) or `S6:`: under the stamp's title it labels the hand's figures all the same."""
    tail = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 26 tháng 4 năm 2024\nTHÔNG TƯ\nQuy định chỉ tiêu đánh giá\n")
    for label in ("sé:", "S6:"):
        doc = scanned("BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 07/2024/TT-BKHĐT\nCÔNG VĂN DEN\n" + label + " 3420\n" + tail).document
        assert doc.received is not None and doc.received.number == "3420", label
        assert doc.number == "07/2024/TT-BKHĐT"


def test_a_black_seals_ring_letters_under_the_name_are_specks() -> None:
    """`Lf SONS À`, the ring of a black seal read below the name line, does not hide the name."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal

    text = ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 3;\n"
            "- Lưu: VT, CCVC.\nBùi Văn Hải\nLf SONS À")
    signer, ev = name_under_seal(prepare_pages([PageText(1, text, "ocr", ocr_confidence=0.9)]), 0.9)
    assert signer.name == "Bùi Văn Hải" and ev["signer"].quote == "Bùi Văn Hải"


def test_a_title_line_with_no_name_under_it_is_no_name() -> None:
    """The name went to the next page under a black seal and was lost: `PHÓ THỦ TƯỚNG` is the
    last line of the signing page, and `Phó` is a family name too; it is still no signer."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal

    text = ("Điều 5. Bộ trưởng Bộ Công Thương chịu trách nhiệm thi hành Nghị quyết này./.\n"
            "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG")
    assert name_under_seal(prepare_pages([PageText(1, text, "ocr", ocr_confidence=0.9)]), 0.9) is None
    assert scanned(text).document.signer is None


def test_a_line_in_capitals_is_a_name_only_after_a_family_name() -> None:
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import _signed_name

    segs = [s for p in prepare_pages([PageText(1, "NGC CC\nNGUYỄN VĂN AN\nNguyễn Văn An", "ocr", ocr_confidence=0.9)])
            for s in p.segments()]
    assert [_signed_name(s) is not None for s in segs] == [False, True, True]


def test_a_middle_name_read_in_small_letters_where_the_shapes_match() -> None:
    """`Bui van Hai`: on a photo OCR reads the V of Văn small. Only a middle word may start so,
    and only with a letter whose two forms differ in size alone; `Sở Nội vụ` stays no name."""
    from dispatch_reader.extract.signer import _is_name_line
    from dispatch_reader.extract.namefix import repair_ocr_name

    assert _is_name_line("Bui van Hai") and repair_ocr_name("Bui van Hai") == "Bùi Văn Hải"
    assert not _is_name_line("Sở Nội vụ") and not _is_name_line("Bùi thị Hải") and not _is_name_line("bùi Văn Hải")


def test_a_receipt_stamp_with_a_smudged_title_and_its_receiving_office_above_it() -> None:
    """`ÌNG VAN DEN` under `sở GIAO DUC VÀ ĐÀO TẠO`: the stamp's title with its first word
    smudged and the receiving office printed above it are the stamp's, not the issuer."""
    text = ("QUỐC HÔI\nƒ——\nOYE P. Nội Vir xử ý\nĐó | s | 5\nsở GIAO DUC VÀ ĐÀO TẠO\nìNG VAN DEN\n"
            "Luật số: 04/2017/QH14\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "LUẬT\nHỖ TRỢ DOANH NGHIỆP NHỎ VÀ VỪA\n")
    assert scanned(text).document.issuer == "Quốc hội"
    # a department under its province, then the stamp: the department is the issuer
    kept = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSỞ NỘI VỤ\nCÔNG VĂN ĐẾN\nSố: 12/QĐ-SNV\n"
            "Lào Cai, ngày 3 tháng 9 năm 2025\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\n")
    assert scanned(kept).document.issuer == "Sở Nội vụ"


def test_a_signatures_loops_read_as_letters_are_no_name_but_an_ede_name_is() -> None:
    """`Dp Fs` under the title is a signature OCR read as letters: no Vietnamese syllable in it,
    so no signer (a wrong name is worse than none). A real name with one word outside Kinh
    spelling (the Ê Đê `Kđăm`) is still the signer."""
    block = ("Điều 3. Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n"
             "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}\n")
    assert scanned(block.format(name="Dp Fs")).document.signer is None
    signer = scanned(block.format(name="Y Thanh Hà Niê Kđăm")).document.signer
    assert signer is not None and signer.name == "Y Thanh Hà Niê Kđăm"


def test_a_photos_dollar_for_the_s_of_so_and_a_lone_accent_after_the_issuer() -> None:
    """On phone photos OCR reads `Số:` as `$6:` and leaves a speck's accent (`ˆ`, a letter to
    Python) after the body's name; neither may cost the number or spoil the issuer."""
    text = ("CHÍNH PHỦ ˆ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "$6: 02/2026/TT-BTC-\nHà Nội, ngày 01 tháng 01 năm 2026\nTHÔNG TƯ\nBãi bỏ Thông tư liên tịch\n")
    doc = scanned(text).document
    assert (doc.number, doc.issuer) == ("02/2026/TT-BTC", "Chính phủ")


def test_name_under_seal_whose_family_name_lost_a_letter() -> None:
    """On a fax the seal hid the title and the signature's stroke bent the family name: `Đìnn
    Thị Quỳnh` at the page's foot. One letter off exactly one family name (`Đinh`), it is
    still the signer's name line, and it is read as that name."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal

    text = "Nơi nhận:\n- Như trên;\n- Lưu: VT, XDCQ.\n{name}\n"
    signer, _ = name_under_seal(prepare_pages([PageText(1, text.format(name="Đìnn Thị Quỳnh"), "ocr",
                                                        ocr_confidence=0.9)]), 0.9)
    assert signer.name == "Đinh Thị Quỳnh"
    # a first word one letter off no family name, or off several, is no name line
    assert name_under_seal(prepare_pages([PageText(1, text.format(name="Xyzw Thị Quỳnh"), "ocr",
                                                   ocr_confidence=0.9)]), 0.9) is None


def test_specks_before_the_number_lead() -> None:
    """The receipt stamp's frame beside the number line comes out as `_—` before `Số:`."""
    text = ("UBND TỈNH SƠN LA\nSỞ NỘI VỤ\n_— Số: 1468/SNV-XDCQ\nV/v cử công chức tăng cường\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSơn La, ngày 28 tháng 10 năm 2025\n")
    doc = scanned(text).document
    assert (doc.number, doc.issuer) == ("1468/SNV-XDCQ", "Sở Nội vụ")


def test_an_issuer_read_that_names_no_body_is_no_issuer() -> None:
    """A stamp over the header left `Tinhhất cha g` of `Ủy ban nhân dân tỉnh Lai Châu`: it names
    no body, so there is no issuer (and a warning), not a wrong one. Bodies the heads list does
    not open with (`Kiểm toán nhà nước`, `Tỉnh ủy Sơn La`) are still bodies."""
    from dispatch_reader.extract.header import _names_a_body

    text = ("TINHHẤT CHA G\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nTân Phong, ngày 20 tháng 10 năm 2025\n")
    facts = scanned(text)
    assert facts.document.issuer is None and "issuer" not in facts.document.evidence
    assert any("issuer line unreadable" in w for w in facts.warnings)
    assert facts.document.number == "143/UBND-VP"
    assert all(_names_a_body(b) for b in ("Kiểm toán nhà nước", "Tỉnh ủy Sơn La", "Sở Y tế", "Chính phủ"))
    assert not _names_a_body("Sở")  # a head alone: the `SỐ:` label with its number lost under a stamp


def test_the_unreadable_issuer_warning_is_told_in_vietnamese() -> None:
    from dispatch_reader.messages import localise

    facts = scanned("TINHHẤT CHA G\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\n"
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
    warning = next(w for w in facts.warnings if w.startswith("issuer line unreadable"))
    assert localise(warning, "vi") == "Dòng cơ quan ban hành không đọc được: 'Tinhhất cha g' không phải tên một cơ quan."


def test_a_place_under_a_stamp_is_taken_as_the_issuer_names_it_or_dropped() -> None:
    """The receipt stamp's frame and handwriting cross the place-date line: `là. Phong` is two
    letters from the commune the issuer names, taken so; `og NSS` names no place: a commune
    dates its papers at its own name (Decree 30/2020), so the issuer's commune is taken, told
    and marked for checking; under a department with no line above it to name its province,
    dropped with a warning rather than stored; `Ea Kar` is no Kinh syllable but a commune, kept."""
    from dispatch_reader.messages import localise

    def header(place: str, issuer_line: str = "XÃ TÂN PHONG", head: str = "ỦY BAN NHÂN DÂN\n") -> str:
        return (f"{head}{issuer_line}\nSố: 143/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                f"Độc lập - Tự do - Hạnh phúc\n{place}, ngày 4 tháng 12 năm 2025\nKẾ HOẠCH\n"
                "Hỗ trợ các xã vùng lũ\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(header("là. Phong")).document.place == "Tân Phong"
    facts = scanned(header("og NSS"))
    assert facts.document.place == "Tân Phong"
    assert any(w.startswith("place unreadable: 'og NSS'") for w in facts.warnings)
    told = next(w for w in facts.warnings if w.startswith("place unreadable; 'Tân Phong'"))
    assert localise(told, "vi").startswith("Địa danh không đọc được; lấy 'Tân Phong'")
    assert facts.document.evidence["place"].confidence < 0.9
    assert facts.document.issued_date == "2025-12-04"
    assert scanned(header("ị Hadid")).document.place == "Tân Phong"
    facts = scanned(header("og NSS", "SỞ NỘI VỤ", head=""))
    assert facts.document.place is None and "place" not in facts.document.evidence
    assert localise(next(w for w in facts.warnings if w.startswith("place unreadable")), "vi") == \
        "Địa danh không đọc được: 'og NSS' không phải tên một địa danh."
    assert scanned(header("Ea Kar", "XÃ EA KAR")).document.place == "Ea Kar"
    born = extract_facts([PageText(1, header("og NSS"), method="text")]).document
    assert born.place == "og NSS"  # a text layer says what it says


def test_a_subject_loses_the_scraps_glued_to_its_ends_and_gets_its_marks_back() -> None:
    """A receipt stamp over the subject lines: its scraps glued to either end (`nye`, `iis`:
    no syllables), `Vẽ việc` for `Về việc`, a level word bare of its marks before a place."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 42/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Hà, ngày 4 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
            "nye Vẽ việc điều động công chức về xa Tân Phong iis\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text).document
    assert doc.subject == "Về việc điều động công chức về xã Tân Phong"
    assert doc.evidence["subject"].quote.startswith("nye Vẽ việc")  # the page's own words
    born = extract_facts([PageText(1, text, method="text")]).document
    assert born.subject.startswith("nye Vẽ việc")  # a text layer says what it says


def test_a_bare_level_word_is_respelled_only_before_a_place() -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("cử công chức cho xa Tân Phong") == "cử công chức cho xã Tân Phong"
    assert repair_ocr_phrase("các cơ quan Nhà nước") == "các cơ quan Nhà nước"  # not quận
    assert repair_ocr_phrase("đường xa và khó") == "đường xa và khó"  # far, not a commune
    assert repair_ocr_phrase("hướng dẫn về bảo vệ việc làm") == "hướng dẫn về bảo vệ việc làm"


@pytest.mark.parametrize(("read", "printed"), [
    # a fax's lost marks and a letter slipped (`tal`) in a sending's subject
    ("ngành den làm việc tal cac xã, phường", "ngành đến làm việc tại các xã, phường"),
    ("biệt phái công chức, viên chức den các xã", "biệt phái công chức, viên chức đến các xã"),
    # a photo's and a copy's slips in titles' wording
    ("quản lý tài chỉnh đào tạo lái xe", "quản lý tài chính đào tạo lái xe"),
    ("vượt tông mức thanh toán", "vượt tổng mức thanh toán"),
    ("Luật Bảo vệ quyên lợi người tiêu dùng", "Luật Bảo vệ quyền lợi người tiêu dùng"),
    ("làm cợ sở cho việc", "làm cơ sở cho việc"),
    # a sending's purpose and the part of a province it serves, marks lost on a copy or a photo
    ("cử công chức cho các xã phía Dong tỉnh", "cử công chức cho các xã phía Đông tỉnh"),
    ("tăng cường nhân lực phòng, chong dich bênh", "tăng cường nhân lực phòng, chống dịch bệnh"),
    ("hỗ trợ khắc phục hậu qua thiên tai", "hỗ trợ khắc phục hậu quả thiên tai"),
    ("kết quả 6 tháng đầu nẫm 2026", "kết quả 6 tháng đầu năm 2026"),
    # words of other letters are no slip of these
    ("đèn đường của xã", "đèn đường của xã"),
    # nor real wording another compound's letters spell, nor a marked word after a phrase taken
    # for a level word (a reviewer's, from real texts)
    ("chi khác phục vụ hoạt động", "chi khác phục vụ hoạt động"),
    ("phần công việc còn lại", "phần công việc còn lại"),
    ("trao đổi với các sở", "trao đổi với các sở"),
    ("mật độ phân bố dân cư", "mật độ phân bố dân cư"),
    ("phụ cấp đối với quân nhân", "phụ cấp đối với quân nhân"),
    ("nhiệm vụ quan trọng", "nhiệm vụ quan trọng"),
    ("triển khai phương án", "triển khai phương án"),
])
def test_the_set_wording_of_subjects_is_respelled(read: str, printed: str) -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase(read) == printed


def test_a_damaged_word_between_two_phrases_words_is_the_one_it_was() -> None:
    """`biệt phat công chức`: `phat` is no word; the phrases put `phái` after `biệt`, and no
    phrase's pair before `công` may make that ambiguous (`phân công` did: it was mended `phát`)."""
    from dispatch_reader.extract.lexicon import mend_non_words

    assert mend_non_words("đề nghị biệt phat công chức lĩnh vực đất đai") == "đề nghị biệt phái công chức lĩnh vực đất đai"


def test_scraps_under_a_subjects_first_line_are_no_part_of_it() -> None:
    """Augraphy's pen marks and paper grain read as lines under a subject: `ị`, `Ị` under a
    resolution's title lines, `eee XI,` and `DEN Oe` under a letter's `V/v` lines. A place
    wrapping alone and a line of capitalised syllables stay."""
    title = ("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "Hà Nội, ngày 01 tháng 6 năm 2026\nNGHỊ QUYẾT\nVề chính sách của Luật sửa đổi, bổ sung một số điều của\n"
             "Luật Bảo vệ quyền lợi người tiêu dùng\n{scrap}\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n")
    want = "Về chính sách của Luật sửa đổi, bổ sung một số điều của Luật Bảo vệ quyền lợi người tiêu dùng"
    assert scanned(title.format(scrap="ị\nỊ")).document.subject == want
    # the enacting body's line in capitals still ends it: what follows is no subject
    assert scanned(title.format(scrap="ị\nỊ\n{\nCHÍNH PHỦ\nN\nH\neo")).document.subject == want
    assert scanned(title.format(scrap="trên địa bàn\nThanh Hóa")).document.subject == want + " trên địa bàn Thanh Hóa"
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1418/UBND-NC\nV/v tăng cường nhân lực\ncho các xã, phường\n"
              "{scrap}\nKính gửi:\n- Sở Nội vụ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Phú Thọ, ngày 21 tháng 10 năm 2025\n")
    assert scanned(letter.format(scrap="eee XI,\nDEN Oe")).document.subject == "tăng cường nhân lực cho các xã, phường"
    assert scanned(letter.format(scrap="TP. Hồ Chí Minh")).document.subject == \
        "tăng cường nhân lực cho các xã, phường TP. Hồ Chí Minh"
    # scraps beside a word or two of the language (a seal's `sỦt C2 sản`, a photo's `eae ay,`);
    # a wrap holding a symbol in capitals is the subject's
    for scrap in ("sỦt C2 sản", "eae ay,"):
        assert scanned(letter.format(scrap=scrap)).document.subject == "tăng cường nhân lực cho các xã, phường"
    assert scanned(letter.format(scrap="theo 15/2021/QĐ-UBND")).document.subject == \
        "tăng cường nhân lực cho các xã, phường theo 15/2021/QĐ-UBND"


def test_a_commune_line_with_grain_read_after_it_is_still_the_issuers() -> None:
    """`XÃ TÂN PHONG wo` (augraphy's photocopy: grain beside the name read as small letters)
    is the committee's second line, not text; a word of the language after it is no speck."""
    text = ("ỦY BAN NHÂN DÂN\n{line}\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Tân Phong, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ\n")
    assert scanned(text.format(line="XÃ TÂN PHONG wo")).document.issuer == "Ủy ban nhân dân xã Tân Phong"
    assert scanned(text.format(line="XÃ TÂN PHONG")).document.issuer == "Ủy ban nhân dân xã Tân Phong"


@pytest.mark.parametrize(("line", "place"), [
    ("ø. Hà Nội, ngày 01 tháng 6 năm 2026", "Hà Nội"),  # a speck read as a letter no Vietnamese word has
    ("Y Tý, ngày 01 tháng 6 năm 2026", "Y Tý"),  # a one-letter word of a commune's name stays
])
def test_a_speck_before_the_place_is_no_part_of_it(line: str, place: str) -> None:
    text = ("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"{line}\nNGHỊ QUYẾT\nVề chính sách\nCăn cứ Luật Tổ chức Chính phủ;\n")
    doc = scanned(text).document
    assert (doc.place, doc.issued_date) == (place, "2026-06-01")


def _decision_with_subject(read: str) -> str:
    """A decision's header with `read` as its subject's line, the grounds after it."""
    return ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2318/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\nLào Cai, ngày 26 tháng 8 năm 2025\nQUYẾT ĐỊNH\n{read}\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")


@pytest.mark.parametrize(("read", "subject"), [
    # a receipt stamp's scraps read before a decision's opener (our photocopy)
    ("Sẻ Bt x — về việc biệt phái công chức các sở", "Về việc biệt phái công chức các sở"),
    ("Bt xq về việc điều động công chức", "Về việc điều động công chức"),
    # wording before `về việc` is the subject's own
    ("Quy định về việc làm thêm giờ", "Quy định về việc làm thêm giờ"),
])
def test_scraps_before_a_decisions_opener_are_no_part_of_its_subject(read: str, subject: str) -> None:
    assert scanned(_decision_with_subject(read)).document.subject == subject


@pytest.mark.parametrize(("read", "subject"), [
    # a copy's grain read as a dash before `tại` or `của`
    ("Về việc điều động công chức đến làm việc - tại các xã", "Về việc điều động công chức đến làm việc tại các xã"),
    # wording's own dashes stay: between two fields, and in a name that opens on a capital; a
    # dash glued between two small words too (`kinh tế-xã hội`, `mô-đun`: a reviewer's)
    ("Về việc tăng cường công chức văn hóa - xã hội cho các xã", "Về việc tăng cường công chức văn hóa - xã hội cho các xã"),
    ("Về việc biệt phái công chức biết tiếng Ê-đê cho các xã", "Về việc biệt phái công chức biết tiếng Ê-đê cho các xã"),
    ("Về việc hỗ trợ phát triển kinh tế-xã hội các xã", "Về việc hỗ trợ phát triển kinh tế-xã hội các xã"),
    ("Về việc tăng cường công chức lĩnh vực lao động - việc làm", "Về việc tăng cường công chức lĩnh vực lao động - việc làm"),
    ("Về việc quản lý mua bán - cho thuê nhà ở", "Về việc quản lý mua bán - cho thuê nhà ở"),
])
def test_a_dash_the_grain_made_between_a_subjects_words_goes(read: str, subject: str) -> None:
    text = _decision_with_subject(read)
    assert scanned(text).document.subject == subject
    born = extract_facts([PageText(1, text, method="text")]).document
    assert born.subject == read  # a text layer says what it says


def test_a_date_written_out_has_its_set_words() -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("Nghị định số 10/2022/NĐ-CP ngày 15 thang 01 nam 2022 của Chính phủ") == \
        "Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 của Chính phủ"
    assert repair_ocr_phrase("Ngay 5 tháng 1 nam 2022") == "Ngày 5 tháng 1 năm 2022"
    assert repair_ocr_phrase("NGAY 15 THANG 01 NAM 2022") == "NGÀY 15 THÁNG 01 NĂM 2022"
    # only the three words of the formula, all three there: `nam` alone is south, or male
    assert repair_ocr_phrase("xã Nam 12 thang 3 nam 2022") == "xã Nam 12 thang 3 nam 2022"
    assert repair_ocr_phrase("thang 3 nam 2022") == "thang 3 nam 2022"
    # `tháng` garbled between the day and the month, `ngày` and `năm` whole (a fax)
    assert repair_ocr_phrase("ngày 15 (áng 01 năm 2022 của Chính phủ") == "ngày 15 tháng 01 năm 2022 của Chính phủ"
    # another word there, or no month after it, is no `tháng`
    assert repair_ocr_phrase("ngày 15 và 01 năm 2022") == "ngày 15 và 01 năm 2022"
    assert repair_ocr_phrase("ngày 15 (áng 13 năm 2022") == "ngày 15 (áng 13 năm 2022"


def test_a_subject_opens_with_ve_whatever_marks_ocr_gave_it() -> None:
    from dispatch_reader.extract.canon import repair_subject_opener

    assert repair_subject_opener("Vệ chính sách của Luật Thương mại") == "Về chính sách của Luật Thương mại"
    assert repair_subject_opener("vê chính sách") == "Về chính sách"
    assert repair_subject_opener("về thanh toán") == "Về thanh toán"
    assert repair_subject_opener("Vệ sinh an toàn thực phẩm năm 2026") == "Vệ sinh an toàn thực phẩm năm 2026"
    assert repair_subject_opener("Vệ tinh") == "Vệ tinh"
    assert repair_subject_opener("Vệ tình hình biệt phái") == "Về tình hình biệt phái"
    assert repair_subject_opener("Về việc biệt phái") == "Về việc biệt phái"
    assert repair_subject_opener("Vận động nhân dân") == "Vận động nhân dân"
    # words of their own, compounds and a place, as a reviewer tried them
    for subject in ("Vé tháng xe buýt cho học sinh", "Vẽ lại bản đồ địa chính", "Vẻ đẹp quê hương",
                    "Vệ đường quốc lộ 4D", "Vệ sỹ", "Vệ nữ", "Vệ An", "Vệ sinh-môi trường", "Vệ  sinh môi trường"):
        assert repair_subject_opener(subject) == subject, subject


@pytest.mark.parametrize("lead", ["V/v ", "Viv.", "‘Viv "])
def test_a_vv_subject_read_through_a_stamp(lead: str) -> None:
    """`Viv.` for `V/v` (its slash under a stamp's frame) still opens the subject; a speck
    before the wrapped line and the capital OCR gave its first word are no part of it."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1418/UBND-NC\n" + lead + "tăng cường nhân lực\n"
            ",Cho các xã, phường\nKính gửi:\n- Sở Nội vụ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nPhú Thọ, ngày 21 tháng 10 năm 2025\n")
    doc = scanned(text).document
    assert (doc.doc_type, doc.subject) == ("official_dispatch", "tăng cường nhân lực cho các xã, phường")


def test_a_vv_subjects_last_word_behind_a_stamps_plus_sign() -> None:
    """A stamp's edge read as `+` before a V/v's last wrapped word (`+ phố`) is no bullet of a
    list of bodies: those name a body, capitalised; the list after `Kính gửi` still ends it."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1418/UBND-NC\nV/v tăng cường công chức cho các xã phía Tây thành\n"
            "S | ˆ | + phố\nKính gửi:\n- Sở Nội vụ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nPhú Thọ, ngày 21 tháng 10 năm 2025\n")
    assert scanned(text).document.subject == "tăng cường công chức cho các xã phía Tây thành phố"
    listed = text.replace("S | ˆ | + phố\nKính gửi:\n", "")
    assert scanned(listed).document.subject == "tăng cường công chức cho các xã phía Tây thành"


def test_a_titles_subject_goes_on_in_small_letters_past_a_speck_of_a_stop() -> None:
    """A speck read as a stop after the subject's second line (`cho các xã …, Phú Lộc.`): a
    line in small letters under an unfinished line is the subject's; the body's sentence after
    it opens on a capital."""
    head = ("SỞ NỘI VỤ\nSố: 31/TB-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Phú Thọ, ngày 21 tháng 10 năm 2025\nTHÔNG BÁO\n")
    text = head + ("Kết thúc thời gian tăng cường công chức\ncho các xã Thanh Sơn, Phú Lộc.\n"
                   "Thực hiện Quyết định số 15/QĐ-SNV của Sở Nội vụ, các công chức trở về đơn vị.\n")
    assert scanned(text).document.subject == "Kết thúc thời gian tăng cường công chức cho các xã Thanh Sơn, Phú Lộc"
    body = head + "Kết thúc thời gian tăng cường công chức\nCác công chức trở về đơn vị cũ.\n"
    assert scanned(body).document.subject == "Kết thúc thời gian tăng cường công chức"


def test_a_boards_name_read_through_a_printers_dots() -> None:
    """A multifunction printer's dots run two words of a board's name together (`CÔNG NGHỆCAO`)
    and take a set phrase's marks (`CÔNG NGHIEP`); `CÁC` after `VÀ` opens no field of its own.
    A text layer's name stays as printed."""
    text = ("UBND TỈNH MINH SƠN\nBAN QUẢN LÝ KHU CÔNG NGHỆCAO\nVÀ CÁC KHU CÔNG NGHIEP\nSố: 12/TB-BQL\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Minh Sơn, ngày 21 tháng 10 năm 2025\nTHÔNG BÁO\nVề việc tăng cường công chức\n")
    assert scanned(text).document.issuer == "Ban Quản lý Khu công nghệ cao và các khu công nghiệp"
    born = extract_facts([PageText(1, text, method="text")]).document
    assert born.issuer == "Ban Quản lý Khu công nghệcao và các khu công nghiep"


def test_a_vv_subject_ends_at_kinh_gui_behind_a_stamps_scraps() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 143/UBND-VP\nViv đề nghị tăng cường công\n: | chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTân Phong, ngày 20 tháng 10 năm 2025\n"
            "2 Móc - Kính gửi: Sở Nội vụ tỉnh Sơn La.\nSau khi sắp xếp tổ chức chính quyền địa phương hai cấp, xã Tân\n"
            "Phong được giao 45 biên chế công chức; đến nay mới có 32/45 công\n")
    assert scanned(text).document.subject == "đề nghị tăng cường công chức"


@pytest.mark.parametrize("line, kind", [
    ("g UVẾT ĐỊNH", "decision"),   # a speck letter before, two letters of a long title lost
    ("KE HOACK", "plan"),          # one letter off a short one
    ("THÔNG BẢO", "notice"),
    ("THÔNG TIN", None),           # two off THÔNG TƯ: not that title
    ("# QUYẾT ĐỊNH", "decision"),  # a copier's dots read as a sign before it
    ("‘THÔNG BÁO", "notice"),      # or as a quote glued to its first letter
    ("“Quyết định", None),         # a quoted sentence, not a title line
    ("# Quyết định", None),        # a sentence's words, not a title line
    ("- QUYẾT ĐỊNH", None),        # a list item's bullet: an item, no title
    ("□ QUYẾT ĐỊNH", None),        # a form's checkbox
    ("CỘNG HÒA", None),
    ("DANH SÁCH", None),
])
def test_a_damaged_title_line(line: str, kind: str | None) -> None:
    from dispatch_reader.extract.doctypes import type_for_title

    hit = type_for_title(line)
    assert (hit[1] if hit else None) == kind


@pytest.mark.parametrize("year, number, date", [
    ("2925", "Số: 42/QĐ-UBND", "2025-12-04"),          # the only possible year one digit off
    ("2099", "Số: 42/2019/QĐ-UBND", "2019-12-04"),     # 2009 or 2019: the number's year says
    ("2099", "Số: 42/QĐ-UBND", None),                  # nothing says: no date rather than a guess
    # two figures misread (2027, 2017 and 2007 are one off): the number's year, however far
    ("2037", "Số: 25/2022/QĐ-UBND", "2022-12-04"),
    ("2037", "Số: 25/QĐ-UBND", None),
    ("2025", "Số: 42/QĐ-UBND", "2025-12-04"),
])
def test_an_impossible_year_is_mended_or_dropped(year: str, number: str, date: str | None) -> None:
    from dispatch_reader.messages import localise

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\n" + number + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\nBắc Hà, ngày 4 tháng 12 năm {year}\nQUYẾT ĐỊNH\n"
            "Về việc điều động công chức\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    facts = scanned(text)
    assert facts.document.issued_date == date
    assert facts.document.place == "Bắc Hà"  # the place stands whatever the year
    told = [w for w in facts.warnings if w.startswith("issue date read as")]
    assert bool(told) == (year != "2025")
    assert all(localise(w, "vi") != w for w in told)
    if year == "2925":
        assert extract_facts([PageText(1, text, method="text")]).document.issued_date == "2925-12-04"


def test_date_line_broken_after_ngay_with_a_fax_streaks_specks() -> None:
    # a fax's streaks: the date line cut after `ngày`, specks read as short words in it
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTan Phong, ngày\n"
            "ni ney 20 tháng k 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n"
            "Sau khi sắp xếp, tổ chức chính quyền địa phương hai cấp, xã còn thiếu công chức.\n")
    doc = scanned(text).document
    assert (doc.issued_date, doc.place) == ("2025-10-20", "Tân Phong")
    assert doc.subject == "đề nghị tăng cường công chức"


def test_a_date_line_whose_year_wrapped_in_its_cell() -> None:
    """A long place's name runs the date line to its month and the year wraps in the header's
    cell (`…, ngày 05 tháng 01` over `năm 2026`), on a text layer as on a scan: the two are
    one date line, its place read; a line that ends on a month with no year under it dates nothing."""
    text = ("UBND TỈNH BẮC NINH\nSỞ NỘI VỤ\nSố: 12/QĐ-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 05 tháng 01\nnăm 2026\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    for method in ("text_layer", "ocr"):
        doc = extract_facts([PageText(1, text, method=method, ocr_confidence=0.9 if method == "ocr" else None)]).document
        assert (doc.issued_date, doc.place) == ("2026-01-05", "Bắc Ninh"), method
    assert scanned(text.replace("năm 2026\n", "")).document.issued_date is None
    # a city's name, its level's second word in small letters
    doc = scanned(text.replace("Bắc Ninh, ngày", "Thành phố Hải Phòng, ngày")).document
    assert (doc.issued_date, doc.place) == ("2026-01-05", "Thành phố Hải Phòng")


def test_a_line_ending_in_ngay_without_a_date_after_it_is_left_alone() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Tân Phong, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n"
            "Công chức được biệt phái từ ngày\nký quyết định đến hết năm.\n")
    doc = scanned(text).document
    assert (doc.issued_date, doc.place) == ("2025-10-20", "Tân Phong")


def test_an_h_broken_in_two_in_the_title_and_the_place() -> None:
    # worn print at fax resolution: `H` read `TI` or `II`
    text = ("CHÍNH PHỦ\nSố: 51/2025/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "TIà Nội, ngày 01 tháng 3 năm 2025\nNGHỊ DINII\n"
            "Sửa đổi, bổ sung một số điều của Nghị định về lệ phí trước bạ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    doc = scanned(text).document
    assert (doc.doc_type, doc.doc_type_label, doc.place) == ("decree", "NGHỊ ĐỊNH", "Hà Nội")
    assert doc.subject == "Sửa đổi, bổ sung một số điều của Nghị định về lệ phí trước bạ"


def test_the_wording_of_legal_titles_respelled_where_a_scan_slipped() -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    # a mark OCR added or swapped in the set wording of decrees' and circulars' titles
    assert repair_ocr_phrase("Quy định chỉ tiết một số điều Luật") == "Quy định chi tiết một số điều Luật"
    assert repair_ocr_phrase("Về thanh toán các chỉ phí khám bệnh") == "Về thanh toán các chi phí khám bệnh"
    # one letter of one word of a phrase of three words or more misread in place (b → h)
    assert repair_ocr_phrase("Sửa đối, hỗ sung một số điều của Nghị định") == \
        "Sửa đổi, bổ sung một số điều của Nghị định"
    # a two-word phrase needs every letter: `hỗ trợ` is no slip of anything
    assert repair_ocr_phrase("về hỗ trợ các xã") == "về hỗ trợ các xã"
    assert repair_ocr_phrase("bổ nhiệm lại") == "bổ nhiệm lại"


def test_a_readers_note_written_beside_the_title_is_no_part_of_it_nor_of_the_subject() -> None:
    text = ("BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 28/2026/TT-BKHCN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 31 tháng 5 năm 2026\nTHÔNG TƯ ˆ Tổng hợp\n"
            "Quy định Danh mục dịch vụ viễn thông bắt buộc quản lý chất lượng\n"
            "Căn cứ Luật Viễn thông số 24/2023/QH15;\n")
    doc = scanned(text).document
    assert (doc.doc_type, doc.doc_type_label) == ("circular", "THÔNG TƯ")
    assert doc.subject == "Quy định Danh mục dịch vụ viễn thông bắt buộc quản lý chất lượng"
    # a body line with a dash in it is no title beside a note
    from dispatch_reader.extract.header import _title_beside_a_note

    assert _title_beside_a_note("Căn cứ — Luật") == 0 and _title_beside_a_note("THÔNG TƯ") == 0
    # a lone bracket OCR put inside the subject is a speck; a dash between words is wording
    damaged = text.replace("Quy định Danh", "Quỹ ( định Danh").replace("quản lý", "quản lý - kiểm tra")
    assert scanned(damaged).document.subject == \
        "Quy định Danh mục dịch vụ viễn thông bắt buộc quản lý - kiểm tra chất lượng"
    # so is a lone star (a seal's or the grain's dot read `*`): wording writes none alone
    starred = text.replace("dịch vụ viễn", "dịch vụ * viễn")
    assert scanned(starred).document.subject == "Quy định Danh mục dịch vụ viễn thông bắt buộc quản lý chất lượng"


def test_scraps_round_a_title_subject_on_a_phone_photo() -> None:
    """A fold's or a stamp's scrap read as a line of its own under the title (`(AM`) and
    symbols with a letter among them at the subject's end (`{ N {`): no part of the subject,
    which then ends at the body's name in capitals as it should."""
    text = ("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 01 tháng 6 năm 2026\nNGHỊ QUYẾT\n(AM\n"
            "về chính sách của Luật sửa đổi, bổ sung một số điều của\n"
            "Luật Thương mại, Luật Cạnh tranh { N {\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    # (a subject of its own opens with a capital: `về` read small is `Về`)
    assert scanned(text).document.subject == \
        "Về chính sách của Luật sửa đổi, bổ sung một số điều của Luật Thương mại, Luật Cạnh tranh"


@pytest.mark.parametrize("month", ["thán8", "th „ng"])  # a mark lost on a curled photo splits the word
def test_a_phone_photos_header_a_body_read_partly_small_and_a_month_word_ending_in_a_digit(month: str) -> None:
    text = ("BỘ Nội VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Hà Nội, ngày 05 {month} 5 năm 2026\nTHÔNG TƯ\nQuy định mức lương của chuyên gia tư vấn trong nước\n"
            "Căn cứ Nghị định số 214/2025/NĐ-CP ngày 04 tháng 8 năm 2025 của Chính phủ;\n")
    doc = scanned(text).document
    assert (doc.issuer, doc.issued_date, doc.place) == ("Bộ Nội vụ", "2026-05-05", "Hà Nội")


def test_a_photocopys_date_line_with_the_year_word_garbled_too() -> None:
    """Toner garbled `tháng` and `năm` both (`thanh`, `nari`) and left a speck before `ngày`:
    still the date line; a word that is no garbled `năm` (`nhóm`) makes none."""
    text = ("CHÍNH PHỦ\nSố: 113/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "{line}\nNGHỊ QUYẾT\nVề thanh toán các chi phí khám bệnh\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    speck = scanned(text.format(line="ÿ ngày 25 thanh 4 nari 2026")).document
    # the speck is no place: the Government's seat stands for the place lost
    assert (speck.issued_date, speck.place) == ("2026-04-25", "Hà Nội")
    assert scanned(text.format(line="Hà Nội, ngày 25 tháng 4 nari 2026")).document.issued_date == "2026-04-25"
    assert scanned(text.format(line="ÿ ngày 25 thanh 4 nhóm 2026")).document.issued_date is None


def test_a_speck_between_two_figures_parts_nothing() -> None:
    # `1*5` is no `1 5` (a reviewer's: the place was lost with the line's split day)
    from dispatch_reader.extract.header import _GLUED_SPECK

    assert _GLUED_SPECK.sub(" ", "ha noi, ngay 1*5 thang 5 nam*2026 11*ndm") == "ha noi, ngay 1*5 thang 5 nam 2026 11 ndm"


@pytest.mark.parametrize("line, date", [
    ("Hà Nội, ngày 15 tháng 5 nam*2026", "2026-05-15"),
    ("a8 Hà Nội, ngày 30 tháng 11*ndm 2022", "2022-11-30"),
    ("Hà Nội, ngày 15 tháng 5#năm 2026", "2026-05-15"),
])
def test_a_speck_glued_between_a_date_lines_words(line: str, date: str) -> None:
    """Augraphy's photocopies glued a speck between the year's word and the year, or the month
    and the year's word: the date line was no date line ("no place-and-date line found"). A
    speck parts the words as a space would; the quote keeps the line as read."""
    text = ("CHÍNH PHỦ\nSố: 158/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"{line}\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    facts = scanned(text)
    assert (facts.document.issued_date, facts.document.place) == (date, "Hà Nội")
    quote = facts.document.evidence["issued_date"].quote
    assert quote == line[line.index("Hà Nội"):]  # as read, the speck too (`a8` before it is none of it)
    assert not any("place-and-date" in w for w in facts.warnings)


def test_a_scribble_under_the_name_read_as_a_short_name_is_not_the_signer() -> None:
    """Pen strokes under the name read `⁄ \\ Lý Va`, and the title lines merged (no block): the
    fullest name at the page's foot is the signer's."""
    text = ("BỘ NỘI VỤ\nSố: 07/2026/TT-BNV\nHà Nội, ngày 05 tháng 5 năm 2026\nTHÔNG TƯ\nQuy định mức lương\n"
            "Điều 1. Phạm vi điều chỉnh.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỨ KT. BỘ TRƯỞNG TRƯỞNG\n"
            "Nguyễn Mạnh Khương\n⁄ \\ Lý Va\nở\n\\ ae\n")
    assert scanned(text).document.signer.name == "Nguyễn Mạnh Khương"
    # the lowest of two names as full is taken, as before
    two = text.replace("⁄ \\ Lý Va\n", "Lê Văn Tám\n")
    assert scanned(two).document.signer.name == "Lê Văn Tám"


def test_an_underlines_stub_read_before_the_body_line_is_a_speck() -> None:
    text = ("UBND TỈNH SƠN LA\n{body}\nSố: 812/QĐ-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 10 tháng 9 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái viên chức y tế\n")
    for body in ("_SỞ Y TẾ", "‘_SỞ Y TẾ_"):
        assert scanned(text.format(body=body)).document.issuer == "Sở Y tế"


def test_a_seals_speck_glued_to_a_name_word_is_no_part_of_the_signers_name() -> None:
    """A faded seal's scrap read after a word (`Thi?`) leaves the name a name; a comma between
    two names is no speck: a line of two names is no signer's."""
    text = ("CHÍNH PHỦ\nSố: 21/2026/NQ-CP\nHà Nội, ngày 29 tháng 4 năm 2026\nNGHỊ QUYẾT\n"
            "Cắt giảm điều kiện kinh doanh\nĐiều 1. Phạm vi điều chỉnh.\nNơi nhận:\n- Như trên;\n"
            "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n{name}\n")
    assert scanned(text.format(name="Pham Thi? Thanh Trà")).document.signer.name == "Phạm Thị Thanh Trà"
    assert scanned(text.format(name="Nguyễn Văn An, Trần Văn Bình")).document.signer is None
    # a speck read as a colon between two name words (ink and paper): `Mạn` is `Mạnh` too
    assert scanned(text.format(name="Nguyên Mạn: Khương")).document.signer.name == "Nguyễn Mạnh Khương"
    assert scanned(text.format(name="Nguyễn Văn An; Trần Văn Bình")).document.signer is None
    assert scanned(text.format(name="Nguyễn Văn An: Trần Văn Bình")).document.signer is None


def test_a_family_name_read_small_under_a_shadow_still_opens_the_signers_name() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1418/UBND-NC\nV/v tăng cường nhân lực\n"
            "Phú Thọ, ngày 21 tháng 10 năm 2025\nKính gửi: Các sở.\nTriển khai thực hiện./.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nphạm Đức Thành\n")
    assert scanned(text).document.signer.name == "Phạm Đức Thành"
    # a body line in small letters is no name; elsewhere than under a signature neither is this
    from dispatch_reader.extract.signer import _is_name_line

    assert not _is_name_line("phạm vi điều chỉnh", small_family=True)
    assert not _is_name_line("phạm Đức Thành") and _is_name_line("phạm Đức Thành", small_family=True)


def test_what_the_sixth_rounds_rules_leave_alone() -> None:
    """A reviewer's cases: ordinary text the new rules must not touch, on a text layer and a scan."""
    from dispatch_reader.extract.canon import repair_ocr_phrase
    from dispatch_reader.extract.header import _title_beside_a_note

    # a V/v subject wrapping after `ngày` is no broken date line
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 143/UBND-VP\nV/v tổ chức các hoạt động\nchào mừng ngày\n"
            "20 tháng 11 năm 2025\nTân Phong, ngày 3 tháng 11 năm 2025\nKính gửi: Các thôn.\n")
    for doc in (scanned(text).document, extract_facts([PageText(1, text, method="text")]).document):
        assert (doc.issued_date, doc.place) == ("2025-11-03", "Tân Phong")
        assert doc.subject == "tổ chức các hoạt động chào mừng ngày 20 tháng 11 năm 2025"
    # a short word one letter off a phrase's is another word
    assert repair_ocr_phrase("Quy định vị trí việc làm") == "Quy định vị trí việc làm"
    assert repair_ocr_phrase("Ban hành Quy định và hướng dẫn") == "Ban hành Quy định và hướng dẫn"
    # a body named in small letters wrapping a subject is part of it
    decree = ("CHÍNH PHỦ\nSố: 191/2026/NĐ-CP\nHà Nội, ngày 29 tháng 5 năm 2026\nNGHỊ ĐỊNH\n"
              "Ban hành Quy chế làm việc của\nChính phủ\nCăn cứ Luật Tổ chức Chính phủ;\n")
    for doc in (scanned(decree).document, extract_facts([PageText(1, decree, method="text")]).document):
        assert doc.subject == "Ban hành Quy chế làm việc của Chính phủ"
    # two spaces are no speck
    assert _title_beside_a_note("THÔNG BÁO  Kết luận của Chủ tịch") == 0


def test_a_vv_subject_ends_at_the_recipients_list_when_kinh_gui_is_lost() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1418/UBND-NC\nV/v tăng cường nhân lực\ncho các xã, phường\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhú Thọ, ngày 21 tháng 10 năm 2025\n"
            "Y;\n- Các sở, ban, ngành thuộc UBND tỉnh;\n- UBND các xã, phường.\n"
            "Thực hiện Kế hoạch số 215/KH-UBND ngày 12 tháng 9 năm 2025\n")
    assert scanned(text).document.subject == "tăng cường nhân lực cho các xã, phường"


def test_a_decisions_subject_ends_at_a_damaged_can_cu() -> None:
    """A fax or a receipt stamp garbles the `Căn cứ` that opens the preamble (`CAn nữ Luat`,
    `chuy&ăn:‹ tứ Luat`): the law cited by its number behind it still ends the subject. A
    subject that names a law or wraps before one is left whole."""
    head = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 2974/QĐ-UBND\nThái Nguyên, ngày 19 tháng 9 năm 2025\n"
            "QUYẾT ĐỊNH\nVề việc tăng cường công chức cấp tỉnh\nvề làm việc tại Ủy ban nhân dân các xã\n")
    for opener in ("CAn nữ Luat To chức chính quyền địa phương số 72/2025/QH15 ngày 1",
                   "chuy&ăn:‹ tứ Luat Cán bộ, công chức số 80/2025/QH15 ngày 24 tháng 6"):
        doc = scanned(head + opener + "\ntháng 6 năm 2025;\nCăn cứ Nghị định số 170/2025/NĐ-CP;\n").document
        assert doc.subject == "Về việc tăng cường công chức cấp tỉnh về làm việc tại Ủy ban nhân dân các xã"
    decree = ("CHÍNH PHỦ\nSố: 51/2025/NĐ-CP\nHà Nội, ngày 01 tháng 3 năm 2025\nNGHỊ ĐỊNH\n"
              "Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP\n"
              "ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ\n"
              "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    for doc in (scanned(decree).document, extract_facts([PageText(1, decree, method="text")]).document):
        assert doc.subject == ("Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 "
                               "năm 2022 của Chính phủ quy định về lệ phí trước bạ")
    guidance = ("BỘ TƯ PHÁP\nSố: 12/2025/TT-BTP\nHà Nội, ngày 01 tháng 3 năm 2025\nTHÔNG TƯ\n"
                "Hướng dẫn thi hành một số điều của\nLuật Hộ tịch số 60/2014/QH13\n"
                "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n")
    assert scanned(guidance).document.subject == "Hướng dẫn thi hành một số điều của Luật Hộ tịch số 60/2014/QH13"
    # `từ` spelt right is the word it is (a reviewer's cases): the subject wraps before it
    for wrapped in ("dự án chuyển\ntiếp từ Nghị quyết số 12/NQ-HĐND ngày 10 tháng 7 năm 2024",
                    "hồ sơ chuyển tiếp\ntừ Luật Đất đai số 45/2013/QH13 sang Luật Đất đai năm 2024",
                    "quy định hết hiệu lực kể\ntừ Nghị định số 151/2025/NĐ-CP"):
        text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH SƠN LA\nSố: 12/NQ-HĐND\nSơn La, ngày 28 tháng 8 năm 2025\nNGHỊ QUYẾT\n"
                f"Về việc điều chỉnh {wrapped}\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
        for doc in (scanned(text).document, extract_facts([PageText(1, text, method="text")]).document):
            assert doc.subject == "Về việc điều chỉnh " + wrapped.replace("\n", " ")


def test_a_scanned_subjects_opener_and_date_words_and_a_text_layer_as_printed() -> None:
    text = ("CHÍNH PHỦ\nSố: 54/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 25 tháng 4 năm 2026\nNGHỊ ĐỊNH\nVệ sửa đổi Nghị định số 10/2022/NĐ-CP ngày 15 thang 01\n"
            "nam 2022 của Chính phủ quy định về lệ phí trước bạ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    assert scanned(text).document.subject == ("Về sửa đổi Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 "
                                              "của Chính phủ quy định về lệ phí trước bạ")
    printed = extract_facts([PageText(1, text, method="text_layer")]).document
    assert printed.subject.startswith("Vệ sửa đổi") and "thang 01 nam 2022" in printed.subject


def test_decision_subject_found_by_its_opener_when_the_title_is_lost_under_a_stamp() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 43/QĐ-UBND\nBắc Hà, ngày 4 tháng 12 năm 2025\n"
            "TT TT | oA OUVẾT ĐỊNH | Đ⁄C “2n,\nVề việc điều động công chức\nĐ Fong\n277 2_ ¿ “Xử\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text).document
    assert (doc.doc_type, doc.subject) == ("decision", "Về việc điều động công chức")
    # its wrapped line goes with it
    wrapped = text.replace("công chức\n", "công chức\nđến làm việc tại các xã\n")
    assert scanned(wrapped).document.subject == "Về việc điều động công chức đến làm việc tại các xã"


@pytest.mark.parametrize("number, place, issuer", [
    ("1702/QĐ-UBND", "Phú Thọ", "Ủy ban nhân dân tỉnh Phú Thọ"),
    ("95/TB-VPUBND", "Lai Châu", "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"),
    ("17/UBND-NC", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    # a department's symbol: the one department that prints it (department_symbols.tsv)
    ("402/BC-SNV", "Phú Thọ", "Sở Nội vụ"),
    ("402/BC-SNgV", "Phú Thọ", "Sở Ngoại vụ"),
    ("402/SNV-CCVC", "Phú Thọ", None),  # a department's công văn: no type part, not told so
    ("12/NQ-HĐND", "Phú Thọ", None),  # a council
    ("1702/QĐ-UBND", "Tân Phong", None),  # a commune's name that many communes bear
    # since districts ended (1 July 2025) a ward dates at its own name (before, a district's
    # town dated its own: test_a_wards_committee_is_not_told_before_districts_ended)
    ("88/QĐ-UBND", "Buôn Ma Thuột", "Ủy ban nhân dân phường Buôn Ma Thuột"),
    ("5/QĐ-UBND", "Quảng Nam", "Ủy ban nhân dân tỉnh Quảng Nam"),  # merged into Đà Nẵng in 2025: a province then
    ("9/QĐ-UBND", "Thành phố Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
])
def test_issuer_lines_lost_under_a_stamp_told_by_a_committees_number_and_place(number: str, place: str,
                                                                                issuer: str | None) -> None:
    text = (f"‘OY BAN N ERAN D4 3À\nDan\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"{place}, ngày 08 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc điều động công chức\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(text).document.issuer == issuer
    # a text layer says what it says: nothing is told there
    born = extract_facts([PageText(1, text, method="text_layer")]).document
    assert born.issuer is None


def test_a_wards_committee_is_not_told_before_districts_ended() -> None:
    text = ("‘OY BAN N ERAN D4 3À\nDan\nSố: 88/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Buôn Ma Thuột, ngày 08 tháng 10 năm {year}\nQUYẾT ĐỊNH\nVề việc điều động công chức\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(text.format(year=2024)).document.issuer is None
    assert scanned(text.format(year=2026)).document.issuer == "Ủy ban nhân dân phường Buôn Ma Thuột"


def test_a_letter_without_title_or_number_is_a_cong_van_by_its_kinh_gui() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nVW Số: tăng ^00ngryagbic cups pric, viên\nKHẨN\nKính gửi:\n"
            "- Sở Nội vụ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTuyên Quang, ngày 15 tháng 9 năm 2025\n"
            "Thực hiện Kế hoạch số 146/KH-UBND ngày 18 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh.\n")
    assert scanned(text).document.doc_type == "official_dispatch"
    # a decision's title is its type, Kính gửi or not
    titled = text.replace("KHẨN\n", "QUYẾT ĐỊNH\nVề việc điều động công chức\n")
    assert scanned(titled).document.doc_type == "decision"


def test_the_review_cases_of_the_ninth_round_headers() -> None:
    # a letter's sentence under Kính gửi opening `Về việc` is no decision's subject
    letter = scanned("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 1335/UBND-NC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Bắc Hà, ngày 4 tháng 12 năm 2025\nKính gửi: Sở Nội vụ.\n"
                     "Về việc tăng cường nhân lực, Ủy ban nhân dân tỉnh có ý kiến như sau:\n1. Giao Sở Nội vụ.\n").document
    assert letter.subject is None
    # a title-less subject wraps onto a body's name in capitals, and stops at the scraps
    wrapped = scanned("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 43/QĐ-UBND\nBắc Hà, ngày 4 tháng 12 năm 2025\n"
                      "TT TT | oA OUVẾT ĐỊNH\nVề việc biệt phái công chức đến làm việc tại\n"
                      "Ủy ban nhân dân xã Tân Phong\nĐ Fong\nCăn cứ Luật Tổ chức chính quyền địa phương;\n").document
    assert wrapped.subject == "Về việc biệt phái công chức đến làm việc tại Ủy ban nhân dân xã Tân Phong"
    # a number in running text (`số 1702/QĐ-UBND`, a cited decision's) tells no issuer
    cited = scanned("‘OY BAN N ERAN D4 3À\nDan\nV/v triển khai Quyết định\nsố 1702/QĐ-UBND ngày 3/10/2025\n"
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhú Thọ, ngày 08 tháng 10 năm 2025\nKính gửi: Sở Nội vụ\n"
                    "Thực hiện.\n").document
    assert cited.issuer is None
    # a commune bearing a province's letters with other marks keeps its own spelling
    commune = scanned("ỦY BAN NHÂN DÂN\nXÃ THANH HÒA\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                      "Thanh Hoà, ngày 08 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc điều động công chức\n"
                      "Căn cứ Luật;\n").document
    assert (commune.issuer, commune.place) == ("Ủy ban nhân dân xã Thanh Hoà", "Thanh Hoà")


@pytest.mark.parametrize("lead", ["* s9: 798/QĐ-TTg", "¡ Số: 798/QĐ-TTg", "s9: 798/QĐ-TTg", "‘s 6: 798/QĐ-TTg"])
def test_number_lead_under_a_copiers_dots(lead: str) -> None:
    """A photocopy's haze reads as specks before `Số:` and its `ố` as a digit (augraphy)."""
    text = (f"THỦ TƯỚNG CHÍNH PHỦ\n{lead}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 05 tháng 5 năm 2026\nQUYẾT ĐỊNH\nKiện toàn Ban Chỉ đạo\nTHỦ TƯỚNG CHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Kiện toàn.\n")
    assert scanned(text).document.number == "798/QĐ-TTg"


def test_a_split_number_label_needs_its_colon() -> None:
    # `s 6: …` is the header's label split by a stamp's edge; without the colon, words
    text = ("THỦ TƯỚNG CHÍNH PHỦ\n{lead} 798/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nội, ngày 05 tháng 5 năm 2026\nQUYẾT ĐỊNH\nKiện toàn Ban Chỉ đạo\nCăn cứ Luật;\n")
    assert scanned(text.format(lead="s 6:")).document.number == "798/QĐ-TTg"
    assert scanned(text.format(lead="s 6")).document.number is None


def test_place_before_a_date_whose_comma_was_read_as_a_stop() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 143/UBND-VP\nV/v đề nghị tăng cường công chức\n"
            "Tân Phong. ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n"
            "Sau khi sắp xếp, xã còn thiếu 13 công chức.\n")
    doc = scanned(text).document
    assert (doc.place, doc.issued_date) == ("Tân Phong", "2025-10-20")


_LOST_YEAR = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Hà Nội, ngày 05 tháng 5 năm 202§`—\nQUYẾT ĐỊNH\nKiện toàn Ban Chỉ đạo\nTHỦ TƯỚNG CHÍNH PHỦ\n"
              "Căn cứ Luật Tổ chức Chính phủ nga 18 tháng 02 năm 2025;\n"
              "Căn cứ Quyết định số 666/QĐ-TTg ngà 09 tháng 4 năm {cited} của Thủ tướng;\n"
              "QUYẾT ĐỊNH:\nĐiều 1. Kiện toàn Ban Chỉ đạo đến ngày 31 tháng 12 năm 2029.\n")


def test_a_year_that_lost_its_last_digit_is_taken_from_the_number_or_the_grounds_and_flagged() -> None:
    """`năm 202§`: a stamp's stroke over the year's last digit (augraphy's phone photo). The
    number's year holds it when it has one; else the latest year the grounds cite (a term's
    end in the body, 2029, is no ground); none of the decade read, no date."""
    by_number = scanned(_LOST_YEAR.format(number="07/2026/TT-BNV", cited="2024")).document
    assert by_number.issued_date == "2026-05-05"
    by_grounds = scanned(_LOST_YEAR.format(number="798/QĐ-TTg", cited="2026")).document
    assert by_grounds.issued_date == "2026-05-05"
    none = scanned(_LOST_YEAR.format(number="798/QĐ-TTg", cited="2019").replace("năm 2025", "năm 2019")).document
    assert none.issued_date is None and "issued_date" not in none.evidence
    # a year named in passing is no cited document's (`dự toán năm 2027`), nor a line past the
    # grounds (`Thực hiện` in an article)
    passing = _LOST_YEAR.format(number="798/QĐ-TTg", cited="2024").replace(
        "Căn cứ Luật Tổ chức Chính phủ nga 18 tháng 02 năm 2025;",
        "Căn cứ dự toán ngân sách năm 2027;").replace(
        "Điều 1. Kiện toàn", "Điều 1. Kiện toàn.\nThực hiện Quyết định số 5/QĐ-TTg ngày 01 tháng 3 năm 2028;\nKiện toàn")
    assert scanned(passing).document.issued_date == "2024-05-05"


def test_a_number_with_a_stamps_figures_run_into_it_is_left_out() -> None:
    """A receipt stamp's handwritten figures printed black over the number line (`5621702` for
    `1702`): no register runs to seven digits; which are the document's cannot be told, so no
    number rather than a wrong one, and no later line's number in its place. Six digits (a
    city tax office's busy register) stand."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n{}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Phú Thọ, ngày 08 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc điều động công chức\n12/QĐ-UBND\n"
            "Căn cứ Quyết định số 1234/QĐ-UBND ngày 01/9/2025;\nQUYẾT ĐỊNH:\nĐiều 1. Điều động.\n")
    facts = scanned(text.format("5621702/QĐ-UBND"))
    assert facts.document.number is None and "number" not in facts.document.evidence
    assert any("5621702/QĐ-UBND" in w for w in facts.warnings)
    assert "1234/QĐ-UBND" in {r.number for r in facts.references}
    assert not any("5621702" in r.number for r in facts.references)  # nor a cited document
    assert scanned(text.format("Số: 123456/QĐ-UBND")).document.number == "123456/QĐ-UBND"


def test_a_subject_wrapped_at_a_cited_document_keeps_it_and_gives_no_number() -> None:
    """`V/v thực hiện Quyết định` wrapped before `số 1702/QĐ-UBND ngày 08/10/2025` (the header's
    own number under a stamp): the line is the subject going on, in small letters and dated,
    not the header's `Số:` line; the cited number keeps its capitals. A `Số:` line, or `số`
    without a date after it, is the header's still."""
    head = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n{}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "{}Phú Thọ, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ.\n"
            "Thực hiện Quyết định số 1702/QĐ-UBND, Ủy ban nhân dân tỉnh đề nghị.\n")
    doc = scanned(head.format("", "V/v thực hiện Quyết định\nsố 1702/QĐ-UBND ngày 08/10/2025\n")).document
    assert doc.number is None
    assert doc.subject == "thực hiện Quyết định số 1702/QĐ-UBND ngày 08/10/2025"
    for line in ("Số: 12/UBND-VP\n", "số 12/UBND-VP\n", "Số 12/UBND-VP ngày 08/10/2025\n"):
        assert scanned(head.format(line, "V/v đề nghị\n")).document.number == "12/UBND-VP", line


def test_a_name_line_whose_marks_ocr_lost_is_still_a_name_line() -> None:
    """`Nguyễn Th Bich Ngoc` under a photocopy's seal: `Bich` and `Ngoc` are no right spellings
    (a stop-final rhyme takes a tone), but Vietnamese with its marks lost; three words of four
    are that, so the line is the name, not a signature's loops (`Dp Fs`)."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal

    text = "Thông tư này có hiệu lực thi hành từ ngày 20 tháng 02 năm 2026./.\n©.\n{name}\n"
    signer, ev = name_under_seal(prepare_pages([PageText(1, text.format(name="Nguyễn Th Bich Ngoc"), "ocr",
                                                         ocr_confidence=0.9)]), 0.9)
    assert signer.name.startswith("Nguyễn") and signer.name.endswith("Bích Ngọc")
    assert name_under_seal(prepare_pages([PageText(1, text.format(name="Nguyễn Dp Fs Xq"), "ocr",
                                                   ocr_confidence=0.9)]), 0.9) is None


@pytest.mark.parametrize("motto", ["Ã HỘI CHỦ GHĨA VIỆT NAM", "CỘNG HÒA XÀ HỘI CHỦ NGHIA VIỆT NAM"])
def test_a_motto_that_lost_a_letter_under_a_stamp_is_no_issuer(motto: str) -> None:
    """`Ã HỘI CHỦ GHĨA VIỆT NAM`: the stamp took `CỘNG HÒA X` and the N of `NGHĨA`; the line is
    still the motto, never the issuer's name or part of it."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.header import is_motto

    seg = prepare_pages([PageText(1, motto, "ocr", ocr_confidence=0.9)])[0].segments()[0]
    assert is_motto(seg)
    facts = scanned(f"BỘ NỘI VỤ\nSố: 12/2026/TT-BNV\n{motto}\nHà Nội, ngày 05 tháng 5 năm 2026\nTHÔNG TƯ\n"
                    "Quy định mức lương\nCăn cứ Luật Cán bộ, công chức;\n")
    assert facts.document.issuer == "Bộ Nội vụ"


@pytest.mark.parametrize("lead", ["VW Số: 143/UBND-VP -", "| VW Số: 143/UBND-VP", "VN. Số: 143/UBND- VP."])
def test_a_scrap_before_the_number_lead_is_passed_over(lead: str) -> None:
    """`VW Số: 143/UBND-VP`: the `V/v` below read into the number's line through a copier's
    grain. A scrap that is no word, then `Số:` with its colon, is the header's number."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\n" + lead + "\nđề nghị tăng cường công chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Tân Phong, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n")
    assert scanned(text).document.number == "143/UBND-VP"


@pytest.mark.parametrize("lead", ["xa số:", "QĐ Số:", "QĐ. Số:", "1. Số:", "a) Số:", "a. Số:"])
def test_a_word_before_so_is_no_scrap(lead: str) -> None:
    # `xa số: …` (a word before a sentence's `số`, in small letters), a type's abbreviation (a
    # cited `QĐ số:`), an item's label: no scrap, nothing is taken past it
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\n" + lead + " 143/UBND-VP\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Tân Phong, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n")
    assert scanned(text).document.number is None


@pytest.mark.parametrize("lead", ["leo", "xa"])
def test_a_syllable_before_the_headers_capital_so_is_a_scrap(lead: str) -> None:
    """A receipt stamp's pale frame beside the number read as a syllable (`leo Số:
    15/2026/NQ-CP`): before the header's own `Số:`, in capitals with its colon, one short word
    is a scrap too; no sentence puts one word there."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\n" + lead + " Số: 143/UBND-VP\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Tân Phong, ngày 20 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Sơn La.\n")
    assert scanned(text).document.number == "143/UBND-VP"


@pytest.mark.parametrize("read, date, number", [
    ("15/302 6/NQ-CP", "06 tháng 4 năm 2026", "15/2026/NQ-CP"),   # a figure misread, a speck's space
    ("15/2O36/NQ-CP", "06 tháng 4 năm 2026", "15/2026/NQ-CP"),    # O for 0, and a slip
    ("15/2036/NQ-CP", "06 tháng 4 năm 2026", "15/2026/NQ-CP"),    # a year not yet come
    ("15/3026/NQ-CP", "06 tháng 4 năm 2025", None),               # the date's year two figures off
    ("15/9999/NQ-CP", "06 tháng 4 năm 2026", None),               # none: no number, not a wrong one
])
def test_a_numbers_year_no_document_bears_is_mended_from_the_date(read: str, date: str, number: str | None) -> None:
    """`Số: 15/302 6/NQ-CP` (a stamp's ghost under `2026`): before, the number was cut to
    `6/NQ-CP` or lost. A document is numbered in the year it is signed: its date's year mends
    a year one figure off, flagged."""
    text = (f"CHÍNH PHỦ\nSố: {read}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Hà Nội, ngày {date}\nNGHỊ QUYẾT\nTạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP\n"
            "Căn cứ Luật Tổ chức Chính phủ;\n")
    facts = scanned(text)
    assert facts.document.number == number
    told = [w for w in facts.warnings if w.startswith("document number read as")]
    assert told and ("mended" in told[0]) == (number is not None), facts.warnings
    if number:
        assert facts.document.evidence["number"].confidence < 0.9


def test_a_motto_garbled_past_every_key_is_cut_from_the_issuer_line() -> None:
    """A copier's streak through the header line: `CỘNG HỜWXÃ HOF CHU NGHIAVIET NAM` holds no
    motto key, and the issuer ran on into it. The motto's letters but for a few slips cut it."""
    text = ("ỦY BAN NHẨN DÂN“ “ CỘNG HỜWXÃ HOF CHU NGHIAVIET NAM '°Ô 7\n"
            "XÃ MƯỜNG KHOA Độc lập - Tự do - Hạnh phúc\nSố: 86/QĐ-UBND\n"
            "Mường Khoa, ngày 04 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề việc điều động công chức\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n")
    doc = scanned(text).document
    assert doc.issuer == "Ủy ban nhân dân xã Mường Khoa"
    assert (doc.number, doc.issued_date) == ("86/QĐ-UBND", "2025-08-04")


def test_a_committee_name_like_the_motto_is_not_cut() -> None:
    from dispatch_reader.extract.header import _garbled_motto_at
    from dispatch_reader.extract.textutil import fold_phrase

    for line in ("ỦY BAN NHÂN DÂN XÃ CÔNG HÒA", "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", "Căn cứ Luật Tổ chức chính quyền",
                 # as long as the motto and near it past its opening: other words
                 "Xây dựng cộng đồng xã hội chủ nghĩa Việt Nam", "trên con đường xã hội chủ nghĩa Việt Nam",
                 "về công tác xã hội chủ nghĩa Việt Nam"):
        assert _garbled_motto_at(fold_phrase(line)) == -1, line
    assert _garbled_motto_at(fold_phrase("SỞ NỘI VỤ CỘNG HOÀ XẢ HỘI CHỦ NGHỈA VIỆT NAM")) == len("so noi vu ")


def test_an_abbreviation_ocr_read_one_letter_off_is_expanded() -> None:
    """`VĂN PHÒNG JBND TỈNH LAI CHÂU` on ink-bled paper: `JBND` is no word and one letter off
    `UBND`; a syllable (`BÌNH`) or a word of three letters (`UBN`) is left alone."""
    from dispatch_reader.extract.casing import expand_abbreviations

    text = ("VĂN PHÒNG JBND TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 95/TB-VPUBND\nLai Châu, ngày 12 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Phó Chủ tịch\n")
    assert scanned(text).document.issuer == "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"
    assert expand_abbreviations("HĐNĐ TỈNH") == "Hội đồng nhân dân TỈNH"
    assert expand_abbreviations("BÌNH UBN Lbnd") == "BÌNH UBN Ủy ban nhân dân"
    assert expand_abbreviations("Jbnd, tỉnh") == "Ủy ban nhân dân, tỉnh"
    # a vowel the abbreviation has not makes a word of it (`Hand` is one letter off `HĐND`)
    assert expand_abbreviations("Hand Hind") == "Hand Hind"


def test_an_annex_heading_read_damaged_is_told_by_the_line_under_it() -> None:
    """A fax read `Phụ lục` as `Phu In`, twice (`hụ Ine`): the `(Kèm theo …)` line under it
    says an annex begins there, and the name under the seal above it is the signer's."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.signer import name_under_seal

    signing = ("Điều 8. Hiệu lực thi hành\n1. Quyết định này có hiệu lực từ ngày 01 tháng 10 năm 2021.\n"
               "2. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc\n"
               "Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung\n"
               "ương chịu trách nhiệm thi hành Quyết định này./\n"
               "Lê Minh Khải\n10\nCÔNG BÁO/Số 849 + 850/Ngày 12-10-2021\nPhu In\nhụ Ine\n"
               "(Kèm theo Quyết định số 28/2021/QĐ-TTg\nngày 01 tháng 10 năm 2021 của Thủ tướng Chính phủ)")
    form = ("MẪU SỐ 01\nĐƠN ĐỀ NGHỊ\nNơi nhận:\n- Như trên;\nNGƯỜI ĐỀ NGHỊ\n(Ký và ghi rõ họ tên)\n"
            "1 Ghi rõ địa chỉ liên hệ.")

    def signer(text: str):  # type: ignore[no-untyped-def]
        pages = prepare_pages([PageText(1, text, "ocr", ocr_confidence=0.9), PageText(2, form, "ocr", ocr_confidence=0.9)])
        return name_under_seal(pages, 0.9)

    assert signer(signing)[0].name == "Lê Minh Khải"
    # without the line under it, `Phu In` is no heading: nothing is guessed
    assert signer(signing.replace("(Kèm theo", "(Danh sách")) is None


def test_the_block_goes_on_under_a_faxs_line_atop_the_next_page() -> None:
    """A fax prints its time, number and page counter atop each page: the title lines end one
    page, the name opens the next under that line."""
    first = ("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "Hà Nội, ngày 01 tháng 6 năm 2026\nNGHỊ QUYẾT\nVề chính sách của Luật Thương mại\n"
             "Căn cứ Luật Tổ chức Chính phủ;\nĐiều 4. Nghị quyết này có hiệu lực thi hành kể từ ngày ký.\n"
             "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG")
    for line in ("04/06/2026 07:22 FROM: 0272 716 4853 P.003/003", "04/06/2f%% 2:22 FROM: ‘627716 4853 P.003/003",
                 "P.003/003"):
        signer = scanned(first, f".z9\n{line}\nPhạm Gia Túc").document.signer
        assert signer is not None and signer.name == "Phạm Gia Túc" and signer.title == "PHÓ THỦ TƯỚNG", line
    # a line of words there still ends the block
    assert scanned(first, "Nơi gửi đến các bộ ngành\nPhạm Gia Túc").document.signer.title is None


def test_a_signers_name_takes_the_marks_the_document_gives_it_elsewhere() -> None:
    from dispatch_reader.extract.people import marks_from_document

    body = ["Điều 3. Phân công Phó Thủ tướng Pham Gia Túc chỉ đạo việc xây dựng dự án Luật."]
    assert marks_from_document("Phạm Gia Tuc", body) == "Phạm Gia Túc"
    # marks are added to a word read without any, never swapped, added to or taken away
    assert marks_from_document("Phạm Gia Tục", body) == "Phạm Gia Tục"
    assert marks_from_document("Lê Minh Hưng", ["đồng chí Lễ Minh Hưng"]) == "Lê Minh Hưng"
    assert marks_from_document("Phạm Gia Túc", ["Pham Gia Tuc"]) == "Phạm Gia Túc"
    # two spellings of it in the document: which is right cannot be told
    assert marks_from_document("Phạm Gia Tuc", body + ["ông Phạm Gia Tục"]) == "Phạm Gia Tuc"
    # another name with the same letters only in part is not it
    assert marks_from_document("Lê Văn Tuc", body) == "Lê Văn Tuc"


def test_a_capital_inside_a_signers_name_word_is_a_slip() -> None:
    from dispatch_reader.extract.signer import _capitalised

    assert _capitalised("Lê MìnH Khái") == "Lê Mình Khái"
    assert _capitalised("nguyễn Văn An") == "Nguyễn Văn An"
    assert _capitalised("NGUYỄN VĂN AN") == "NGUYỄN VĂN AN"


LAW_TOP = ("QUỐC HỘI\nLuật số: 04/2017/QH14\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "LUẬT\nHỖ TRỢ DOANH NGHIỆP NHỎ VÀ VỪA\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n")


@pytest.mark.parametrize("closing, date", [
    ("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV,\n"
     "kỳ họp thứ 3 thông qua ngày 12 tháng 6 năm 2017.", "2017-06-12"),
    # `thông` lost under the seal: the lines still name the Quốc hội passing it
    ("Luật này | Quốc hội nước Cộng hòa xã hội chủ nghị Việt Nam khóa\n"
     "Ỳ | hu 3 | qua ngay 12 thang 6 nam 2017.", "2017-06-12"),
    # `qua ngày` in a sentence with no Quốc hội passing anything is no date of the law's
    ("Các dự án chuyển tiếp được kéo dài\nqua ngày 12 tháng 6 năm 2017.", None),
    # a fax garbled the words naming the Quốc hội into scraps before `qua ngày`: a law's passing
    ("Luật này được\nmitt 3 AX ng qua ngày 12 tháng 6 năm 2017.", "2017-06-12"),
])
def test_a_laws_date_from_its_closing_formula_also_damaged(closing: str, date: str | None) -> None:
    facts = scanned(LAW_TOP, "Điều 35. Hiệu lực thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2018.\n"
                    + closing + "\nCHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân")
    assert facts.document.issued_date == date


def test_a_deadline_is_no_laws_date_and_the_whole_formula_wins() -> None:
    """`không quá ngày …` (`quá` folds to `qua`) in lines naming the Quốc hội is a deadline,
    not the damaged formula; and the formula read whole on any page wins over a damaged one."""
    from dispatch_reader.extract import prepare_pages
    from dispatch_reader.extract.header import _fallback_issued

    body = ("Để chuẩn bị cho kỳ họp thứ 10 Quốc hội khóa XV, đề nghị các bộ gửi báo cáo\n"
            "không quá ngày 15 tháng 9 năm 2025.\n")
    assert _fallback_issued(prepare_pages([PageText(1, body, "ocr", ocr_confidence=0.85)])) is None
    law = scanned(LAW_TOP, "Điều 35. Quốc hội quyết định giao Chính phủ\nbáo cáo không quá ngày 01 tháng 7 năm 2018.\n"
                  "Luật này được Quốc hội khóa XIV, kỳ họp thứ 3 thông qua ngày 12 tháng 6 năm 2017.\n"
                  "CHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân")
    assert law.document.issued_date == "2017-06-12"


def test_a_lost_year_digit_is_dated_by_the_grounds_when_the_numbers_year_slipped() -> None:
    text = ("CHÍNH PHỦ\nSố: 15/302 6/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 06 tháng 4 năm 202§\nNGHỊ QUYẾT\nTạm ngưng hiệu lực Nghị định\n"
            "Căn cứ Nghị định số 46/2026/NĐ-CP ngày 26 tháng 01 năm 2026 của Chính phủ;\n")
    doc = scanned(text).document
    assert doc.issued_date == "2026-04-06"
    assert doc.number == "15/2026/NQ-CP"


def test_a_signers_word_a_body_line_misread_keeps_its_own_spelling() -> None:
    from dispatch_reader.extract.people import marks_from_document

    # `Thanh`, `Minh` are syllables as read: a body line's `Thạnh`, `Mính` is the slip
    assert marks_from_document("Nguyễn Thanh Tịnh", ["ông Nguyễn Thạnh Tịnh"]) == "Nguyễn Thanh Tịnh"
    assert marks_from_document("Trần Minh Hoa", ["đồng chí Trần Mính Hoa"]) == "Trần Minh Hoa"


def test_an_ede_names_inner_capital_is_its_own() -> None:
    from dispatch_reader.extract.signer import _capitalised

    assert _capitalised("H'Hen Niê") == "H'Hen Niê" and _capitalised("Y-Ngông Niê Kđăm") == "Y-Ngông Niê Kđăm"


@pytest.mark.parametrize("lead", ["không quá", "trước", "kể từ", "chậm nhất"])
def test_a_deadline_in_the_header_zone_is_no_place_and_date_line(lead: str) -> None:
    """`không quá ngày 15 tháng 9 năm 2025` where the place-and-date line would stand is a
    deadline, not that line (the place came out `không quá`, the date taken); a place's name
    there is one, as before."""
    text = ("BỘ NỘI VỤ\nSố: 12/BNV-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "{} ngày 15 tháng 9 năm 2025\nKính gửi: Các bộ, ngành\n")
    doc = scanned(text.format(lead)).document
    assert doc.issued_date is None and doc.place is None
    placed = scanned(text.format("Hà Nội,")).document
    assert (placed.issued_date, placed.place) == ("2025-09-15", "Hà Nội")


def test_title_lost_under_a_stamp_the_subject_is_the_lines_above_the_grounds() -> None:
    text = ("CHÍNH PHỦ\nSố: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "ị Hadid ngày 04 tháng 4 năm 2026\nL nh Po NỔI tụ Í\nCốc øñö\n"
            "Quy định chi tiết một số điều Luật Giao thông đường thủy nội địa và\n"
            "Luật sửa đổi, bổ sung một số điều của Luật Giao thông đường thủy nội địa\n"
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    facts = scanned(text)
    doc = facts.document
    assert doc.doc_type == "decree"
    assert doc.subject == ("Quy định chi tiết một số điều Luật Giao thông đường thủy nội địa và Luật sửa đổi, "
                           "bổ sung một số điều của Luật Giao thông đường thủy nội địa")
    # the place lost under the stamp: the Government dates what it signs in Hà Nội
    assert doc.place == "Hà Nội"
    assert any("where Chính phủ sits" in w for w in facts.warnings)
    # a scrap right above the grounds is no subject
    scrap = text.replace("Luật sửa đổi, bổ sung một số điều của Luật Giao thông đường thủy nội địa\n",
                         "Luật sửa đổi, bổ sung một số điều của Luật Giao thông đường thủy nội địa\nCốc øñö py\n")
    assert scanned(scrap).document.subject is None


def test_a_provinces_lost_place_is_its_name_told_and_marked() -> None:
    """A province's bodies date what they sign at the province's name (Decree 30/2020, Appendix
    I), as a central body does at Hà Nội: a date line whose place a stamp took gets the
    province its issuer's name, or the line above a department, ends with, told and marked for
    checking; a place read whole is kept, and a word of another place left in the scraps
    (`Lâm 06` under a Sơn La department, elsewhere) bars it."""
    from dispatch_reader.messages import localise

    text = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 123/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nị Hadid ngày 04 tháng 4 năm 2026\nQUYẾT ĐỊNH\nVề việc biệt phái công chức\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    facts = scanned(text)
    assert facts.document.place == "Lai Châu" and facts.document.evidence["place"].confidence < 0.9
    told = next(w for w in facts.warnings if w.startswith("place unreadable; 'Lai Châu'"))
    assert localise(told, "vi").startswith("Địa danh không đọc được; lấy 'Lai Châu'")
    department = text.replace("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 123/QĐ-UBND",
                              "UBND TỈNH ĐIỆN BIÊN\nSỞ Y TẾ\nSố: 123/QĐ-SYT")
    assert scanned(department.replace("ị Hadid", "Điện Pt,")).document.place == "Điện Biên"
    # a speck's scraps a letter off the province's words are no other place
    assert scanned(department.replace("ị Hadid", "Điên Biến,")).document.place == "Điện Biên"
    assert scanned(department.replace("ị Hadid", "Hà Nội,")).document.place == "Hà Nội"
    # no line above the department: nothing says its province
    assert scanned(department.replace("UBND TỈNH ĐIỆN BIÊN\n", "")).document.place is None
    # a text layer says what it says
    assert extract_facts([PageText(1, text, method="text")]).document.place == "ị Hadid"


def test_a_family_name_read_small_and_a_letter_off_under_the_signature_is_mended() -> None:
    head = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/UBND-NC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 3 tháng 10 năm 2025\nV/v tăng cường công chức\n"
            "Kính gửi: Sở Nội vụ.\nỦy ban nhân dân tỉnh đề nghị.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    assert scanned(head + "“pram Đức Thành").document.signer.name == "Phạm Đức Thành"
    # a letter off two family names (`pran`: Phan, Trần): which one cannot be told, no name
    assert scanned(head + "pran Đức Thành").document.signer is None
    # a word in small letters that is no family name's at all
    assert scanned(head + "các xã Tân Phong").document.signer is None


def test_a_central_bodys_seat_read_a_letter_off_is_hanoi() -> None:
    text = ("BỘ NGOẠI GIAO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 02/2023/TB-LPQT\nHea Nội. ngày 18 tháng 01 năm 2023\nTHÔNG BÁO\nVề việc điều ước quốc tế có hiệu lực\n"
            "Thực hiện quy định tại Điều 56 của Luật Điều ước quốc tế năm 2016, Bộ Ngoại giao thông báo:\n")
    assert scanned(text).document.place == "Hà Nội"
    # a province's place a letter off is not taken for Hà Nội
    other = text.replace("BỘ NGOẠI GIAO", "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM").replace("Hea Nội", "Hà Nam")
    assert scanned(other).document.place == "Hà Nam"
    # its first word lost (a fax's `H` read as a figure): the seat, not `Nội`
    lost = scanned(text.replace("Hea Nội", "1à Nội")).document
    assert lost.place == "Hà Nội"
    from dispatch_reader.extract import confidence
    # the letters `Hà` are the tool's, not the page's: a guess, under every calibrated line
    assert confidence.repairs("place", lost, lost.evidence["place"]) == confidence.MENDED


def test_a_subject_naming_a_day_is_no_date_line() -> None:
    head = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 3 tháng 4 năm 2025\n")
    for subject in ("V/v tổ chức Ngày Sách Việt Nam ngày 21 tháng 4",
                    "V/v hưởng ứng Chiến dịch Giờ Trái Đất ngày 23 tháng 3 năm"):
        text = head + subject + "\nKính gửi: Các sở, ban, ngành.\n"
        for facts in (scanned(text), extract_facts([PageText(1, text, method="text_layer")])):
            assert facts.document.subject == subject[4:]
            assert facts.document.issued_date == "2025-04-03"


def test_a_name_word_of_glued_scraps_is_no_signer() -> None:
    """Under a black seal and a signature, OCR glued the ring's scraps into the given name
    (`Dinh THZGđứnh` for `Đinh Thị Quỳnh`): capitals and small letters mixed inside a word are
    printed in no name, and a wrong signer is worse than none. The same block read clean gives
    the name."""
    block = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/CV-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\n"
             "Về việc cử công chức tăng cường\nKính gửi: Ủy ban nhân dân xã Tân Phong\n"
             "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n")
    assert scanned(block + "Dinh THZGđứnh\n").document.signer is None
    assert scanned(block + "Đinh Thị Quỳnh\n").document.signer.name == "Đinh Thị Quỳnh"
    # a case slip on a real syllable is mended, never a reason to drop the name (a reviewer's)
    assert scanned(block + "Lê Văn MìnH\n").document.signer.name == "Lê Văn Mình"
    assert scanned(block + "Nguyễn Thị HIền\n").document.signer.name == "Nguyễn Thị Hiền"


def test_a_title_misread_is_no_name_though_it_opens_with_a_family_name() -> None:
    """`- PHÓ GHÁNH VĂN PHÒNG` under a fax's streaks, the seal's scraps round it: `Phó` is a
    family name, but a line in capitals that ends as a signer's title ends is the title
    misread, never the signer; the name below it is."""
    block = ("VĂN PHÒNG ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/TB-VP\nBắc Hà, ngày 3 tháng 12 năm 2025\n"
             "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh\n"
             "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\n“mm\nAT\n/ XO. \\.I1/41VWE1./V/3LN hai\n"
             "- PHÓ GHÁNH VĂN PHÒNG\ncm | za\nee eee ae\nLys. | Sự\nTong Thị Hạnh\n")
    signer = scanned(block).document.signer
    # `Tong` is Tòng or Tống: the marks are namefix's to guess, the line is the name's
    assert signer is not None and fold_phrase(signer.name) == "tong thi hanh"
    assert scanned(block.replace("Tong Thị Hạnh", "TỐNG THỊ HẠNH")).document.signer.name.lower() == "tống thị hạnh"
    # a name in capitals that ends as a title's last words do is a name (a reviewer's)
    for name in ("NGUYỄN VĂN PHÒNG", "LÊ QUỐC HỘI", "NGUYỄN THANH TRÀ"):
        signer = scanned(block.replace("Tong Thị Hạnh", name)).document.signer
        assert signer is not None and signer.name.upper() == name, name


def test_a_title_after_a_speck_in_small_letters_types_the_document() -> None:
    """`oo THONG BÁO` on a photocopy: the speck read as small letters kept the line from
    reading as capitals, and the notice had no type."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 95/VPUBND\nLai Châu, ngày 12 tháng 11 năm 2025\n"
            "oo THONG BÁO\nKết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp\n"
            "Ngày 10 tháng 11 năm 2025, đồng chí Hà Văn Lâm chủ trì cuộc họp.\n")
    doc = scanned(text).document
    assert doc.doc_type == "notice"
    assert doc.subject == "Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp"


def test_a_committees_two_lines_under_a_copiers_streak_name_it_with_the_date_lines_place() -> None:
    # the head line read in mixed case, the province line as scraps (augraphy's photocopy)
    # (its number's symbol too, so the number names no committee: `QUEUBN`)
    text = ("ee ae:\nỦY BAN NHÍ Nv DA š\nTỈNH SOF A #\nSố: 1587/QUEUBN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n{place}, ngày 28 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text.format(place="Sơn La")).document
    assert (doc.issuer, doc.issuer_parent) == ("Ủy ban nhân dân tỉnh Sơn La", None)
    # a place that is no province's name tells no province
    assert scanned(text.format(place="Hoa Sen")).document.issuer is None
    # a city run from the centre is no `tỉnh`: the lines name no committee of it
    assert scanned(text.format(place="Hà Nội")).document.issuer is None
    # a line in small letters about a committee is no head line: nothing names the body
    sentence = text.format(place="Sơn La").replace("ỦY BAN NHÍ Nv DA š", "Ủy ban nhân dân xã đề nghị")
    assert scanned(sentence).document.issuer is None
    # a department under the damaged head line stays the issuer; the head is its committee
    # (a reviewer's), and a head that names no committee is no parent
    for head, parent in (("ỦY BAN NHÍ Nv DA š\nTỈNH SƠN LA", "Ủy ban nhân dân tỉnh Sơn La"),
                         ("ỦY BAN KIỂM Nv TRA ee", None)):
        doc = scanned(text.format(place="Sơn La").replace("ỦY BAN NHÍ Nv DA š\nTỈNH SOF A #",
                                                           f"{head}\nSỞ NỘI VỤ")).document
        assert (doc.issuer, doc.issuer_parent) == ("Sở Nội vụ", parent), head


def test_a_number_whose_year_has_a_letter_takes_the_issue_dates_year() -> None:
    """`So: 28/2u26/TT-BKHCN` (a phone photo): the year's 0 read as u. A document is numbered in
    the year it is signed, so the date line's 2026 is its year; any other figure off, no number."""
    text = ("BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSo: 28/{year}/TT-BKHCN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nội, ngày 31 tháng 5 năm 2026\nTHÔNG TƯ\nQuy định Danh mục dịch vụ viễn thông\nCăn cứ Luật Viễn thông;\n")
    facts = scanned(text.format(year="2u26"))
    assert facts.document.number == "28/2026/TT-BKHCN"
    assert any("its year mended to '2026'" in w for w in facts.warnings)
    assert scanned(text.format(year="2u25")).document.number is None  # a figure off too
    assert scanned(text.format(year="2uu6")).document.number is None  # two letters


@pytest.mark.parametrize("year_read", ["năm", "năm 202 ˆ", "năm 202g."])
def test_a_date_lines_lost_year_is_the_year_its_number_carries(year_read: str) -> None:
    """A phone photo's edge or a copier's streak took the date line's year (`năm`, `năm 203 ˆ`,
    `năm 202g.`); the number carries it (`28/2021/QĐ-TTg`: a document is numbered in the year it
    is signed). Flagged; with no year in the number, no date."""
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 01 tháng 10 {year}\nQUYẾT ĐỊNH\nQuy định về việc thực hiện chính sách\n"
            "Căn cứ Luật Tổ chức Chính phủ;\n")
    year = "2021" if year_read != "năm 202g." else "2026"
    facts = scanned(text.format(number=f"28/{year}/QĐ-TTg", year=year_read))
    assert (facts.document.issued_date, facts.document.place) == (f"{year}-10-01", "Hà Nội")
    assert any(f"taken as {year} from the number" in w for w in facts.warnings)
    from dispatch_reader.messages import localise

    told = next(w for w in facts.warnings if "taken as" in w)
    assert localise(told, "vi") != told and year in localise(told, "vi")
    assert scanned(text.format(number="28/QĐ-TTg", year=year_read)).document.issued_date is None
    # figures left that say another year, or a deadline's `này` (no cut `năm`): no date (a reviewer's)
    assert scanned(text.format(number="28/2021/QĐ-TTg", year="năm 201")).document.issued_date is None
    assert scanned(text.format(number="28/2021/QĐ-TTg", year="này")).document.issued_date is None


@pytest.mark.parametrize(("day", "year_read", "want"), [
    ("01 tháng 6", "năm", "2026-06-01"),  # days after the latest ground: its year
    ("10 tháng 1", "năm", "2027-01-10"),  # a day and month before it: the year after
    ("01 tháng 6", "năm 20", "2026-06-01"),  # the figures left agree
    ("01 tháng 6", "năm 19", None),  # they say another century
])
def test_a_date_lines_lost_year_with_none_in_the_number_follows_the_grounds(day: str, year_read: str,
                                                                           want: str | None) -> None:
    """A phone photo's edge took the date line's year and the number has none (`141/NQ-CP`): a
    resolution follows what its grounds cite, the latest `ngày 29 tháng 5 năm 2026`; flagged."""
    text = ("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Hà Nội, ngày {day} {year_read}\nNGHỊ QUYẾT\nVề chính sách của Luật sửa đổi\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
            "Căn cứ Nghị định số 191/2026/NĐ-CP ngày 29 tháng 5 năm 2026 của\nChính phủ ban hành Quy chế;\n"
            "QUYẾT NGHỊ:\nĐiều 1. Thông qua chính sách ngày 30 tháng 12 năm 2027.\n")
    facts = scanned(text)
    assert facts.document.issued_date == want
    if want:
        from dispatch_reader.messages import localise

        told = next(w for w in facts.warnings if "grounds cite" in w)
        assert want[:4] in told and localise(told, "vi") != told
        from dispatch_reader.extract.confidence import MENDED, repairs

        # a year the line does not hold: rated as the tool's own, under the confident line
        assert repairs("issued_date", facts.document, facts.document.evidence["issued_date"]) == MENDED
    # grounds that date nothing: no date, as before
    bare = text.replace(" ngày 18 tháng 02 năm 2025", "").replace(" ngày 29 tháng 5 năm 2026", "")
    assert scanned(bare).document.issued_date is None


def test_a_date_line_behind_scraps_with_its_comma_set_apart_gives_place_and_date() -> None:
    """`Là # 2H? HÀ hóc “Hà Nội ,ngày 04 tháng 4 năm 2026` (a copier's grain beside the date
    line): the place is the capitalised words before the comma, the scraps before are not."""
    text = ("CHÍNH PHỦ\nSố: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Là # 2H? HÀ hóc “Hà Nội ,ngày 04 tháng 4 năm 2026\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều\n"
            "Căn cứ Luật Tổ chức Chính phủ;\n")
    doc = scanned(text).document
    assert (doc.place, doc.issued_date) == ("Hà Nội", "2026-04-04")


def test_a_faxed_header_with_every_date_word_garbled_and_a_title_split() -> None:
    """A fax of a Gazette decree: `Ha Nai, neav 15 thủng 5 nam 2026` (ngày, tháng and năm all
    garbled, the place's comma kept) and `NGHỊ ĐỊN H` (a space in a word). Without the comma
    such a line is no date line (`nhận 15 bản 5 năm 2026`)."""
    text = ("CHÍNH PHÙ\nSố: J03/20206/NĐ-CP\nCONG HOA XÃ HỘI CHỦ NGHĨA VIỆT NĂM\nĐộc lập - Tự do - Hạnh phúc\n"
            "{date}\nNGHỊ ĐỊN H\nĐiều chỉnh lương hưu, trợ cấp bảo hiểm xã hội\nCăn cứ Luật Tổ chức Chính phủ;\n")
    doc = scanned(text.format(date="Ha Nai, neav 15 thủng 5 nam 2026")).document
    assert (doc.issued_date, doc.doc_type) == ("2026-05-15", "decree")
    assert doc.place == "Hà Nội"  # the Government sits there, a letter or two off
    assert scanned(text.format(date="nhận 15 bản 5 năm 2026")).document.issued_date is None
    # nor are lines that only read like it: no place's shape before the comma, or words far off
    for line in ("học sinh Kim Đồng, nhận 15 bản 5 năm 2026", "Hà Nội, nhóm 2 lớp 5 năm 2026",
                 "kinh phí hỗ trợ, nhận 15 bản 5 năm 2026", "học viên, nam 15 nữ 5 năm 2026"):
        assert scanned(text.format(date=line)).document.issued_date is None, line


def test_a_garbled_year_word_with_a_speck_standing_apart_from_it_still_dates_the_header() -> None:
    """`Lâm Hà, ngày 07 tháng 9 nêm : 2025` (a faint copy: `năm` a letter off and a speck read
    as a colon between it and the year)."""
    text = ("UBND TỈNH LÂM ĐỒNG\nSỞ XÂY DỰNG\nSố: 71/KH-SXD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n{date}\nKẾ HOẠCH\nKiểm tra công trình\n")
    for line in ("Lâm Hà, ngày 07 tháng 9 nêm : 2025", "Lâm Hà, ngày 07 tháng 9 nêm ; 2025"):
        doc = scanned(text.format(date=line)).document
        assert (doc.place, doc.issued_date) == ("Lâm Hà", "2025-09-07"), line


def test_a_cited_laws_date_wrapped_in_the_grounds_is_no_date_line() -> None:
    """`phương ngày 22 tháng 11 năm 2019,` (the grounds' `… chính quyền địa / phương ngày …`
    wrapped, a photocopy's grain having hidden the real date line): a sentence running on into
    `ngày` is no place-and-date line; a place keeps its capital or its comma (`ị Hadid, ngày`)."""
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 28/2021/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{line}\n"
            "QUYẾT ĐỊNH\nQuy định về việc thực hiện chính sách\n")
    assert scanned(text.format(line="phương ngày 22 tháng 11 năm 2019,")).document.issued_date is None
    assert scanned(text.format(line="Hà Nội ngày 01 tháng 10 năm 2021")).document.issued_date == "2021-10-01"
    assert scanned(text.format(line="ị Hadid, ngày 01 tháng 10 năm 2021")).document.issued_date == "2021-10-01"


@pytest.mark.parametrize("method", ["ocr", "text_layer"])
def test_a_bodys_name_wrapped_onto_a_line_that_opens_as_a_body_is_one_issuer(method: str) -> None:
    """`THỦ TƯỚNG` / `CHÍNH PHỦ` in a narrow header column is the Prime Minister, not the
    Government under a parent `THỦ TƯỚNG`; a ministry over a department stays two."""
    text = ("{head}\nSố: 844/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 13 tháng 5 năm 2026\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động\nCăn cứ Luật;\n")

    def read(head: str) -> tuple[str | None, str | None]:
        doc = extract_facts([PageText(1, text.format(head=head), method=method,
                                      ocr_confidence=0.9 if method == "ocr" else None)]).document
        return doc.issuer, doc.issuer_parent

    assert read("THỦ TƯỚNG\nCHÍNH PHỦ") == ("Thủ tướng Chính phủ", None)
    assert read("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI") == ("Ủy ban Thường vụ Quốc hội", None)
    assert read("BỘ NỘI VỤ\nCỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC")[1] is not None


def test_a_number_with_no_label_under_the_headers_garbled_number_line_is_a_cited_one() -> None:
    """A phone photo broke the header: its `Số:` line read `số: 26/2026.”` and a cited law's
    number stood apart below it (`59/2024/OH`). That is no number of the document's, and no
    type comes from it; with the header's own line missing, the bare number still counts."""
    grounds = ("Căn cứ Luật Cư trú số\n59/2024/OH\n"
               "Theo đề nghị của Cục trưởng Cục Cảnh sát quản lý tạm giữ;\n"
               "Bộ trưởng Bộ Công an ban hành Thông tư quy định quản lý, theo dõi người\n"
               "bị cấm đi khỏi nơi cư trú.\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n")
    doc = scanned("BỘ CÔNG AN\nT NAM\nsố: 26/2026.”\n" + grounds).document
    assert doc.number is None
    assert doc.doc_type == "circular"  # the preamble's closing words say it
    doc = scanned("BỘ CÔNG AN\nT NAM\n56/2026/TT-BCA\nHà Nội, ngày 15 tháng 5 năm 2026\n" + grounds).document
    assert doc.number == "56/2026/TT-BCA"
    # a receipt stamp's `Số: 1234` (no slash) above the document's own number, its label
    # lost: the number stands (a reviewer's)
    doc = scanned("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1234\nNgày: 28/8/2025\n2318/QĐ-UBND\n"
                  "Lào Cai, ngày 26 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề việc biệt phái công chức\n").document
    assert doc.number == "2318/QĐ-UBND"


@pytest.mark.parametrize(("closing", "expected"), [
    ("Chính phủ ban hành Nghị định quy định chi tiết một số điều.", "decree"),
    ("QUYẾT ĐỊNH:", "decision"),
    ("QUYẾT NGHỊ:", "resolution"),
    ("Ủy ban nhân dân tỉnh đã ban hành Quyết định số 12/QĐ-UBND ngày 3/3/2025.", None),
    ("QUYẾT NGHỊ", "resolution"),  # its colon lost
    # a formula only where who enacts opens the sentence (a reviewer's)
    ("Sở Tư pháp tham mưu ban hành Quyết định sửa đổi.", None),
    ("Xét đề nghị của Sở Nội vụ, trình Ủy ban nhân dân tỉnh ban hành Quyết định sửa đổi.", None),
])
def test_a_lost_title_is_told_by_the_preambles_closing_words(closing: str, expected: str | None) -> None:
    """Title and number lost (a stamp, a blur): the preamble names the type it enacts, right
    before `Điều 1`; a type cited by its number is another document's."""
    text = ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 15 tháng 5 năm 2026\n"
            f"Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n{closing}\n"
            "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định.\n")
    assert scanned(text).document.doc_type == expected
    # a fax reads the stop after `Điều 1` as a comma
    assert scanned(text.replace("Điều 1.", "Điều 1,")).document.doc_type == expected
    # a letter has no articles: words in its body name no type of its own; `Điều 1` wrapped
    # into a sentence (`… Điều 1 Quyết định số 15/2024/QĐ-UBND`) opens no articles
    letter = text.replace("Điều 1. Phạm vi điều chỉnh\n", "")
    assert scanned(letter).document.doc_type is None
    wrapped = text.replace("Điều 1. Phạm vi điều chỉnh\n", "Điều 1 Quyết định số 15/2024/QĐ-UBND\n")
    assert scanned(wrapped).document.doc_type is None
    # a submission's draft attached on the next page has its own formula: not the first page's
    draft = "DỰ THẢO\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo.\n"
    assert scanned(letter, draft).document.doc_type is None


def test_a_number_mended_on_its_line_is_no_document_it_cites() -> None:
    """A fax broke the capitals of `135/QĐ-BLĐTBXH` (`BLIJTBXII`); the type and issuer mend
    it, and what was read on the number's own line is not listed as a decision it cites."""
    text = ("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 135/QĐ-BLIJTBXII\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nội, ngày 31 tháng 01 năm 2024\nQUYẾT ĐỊNH\nVề việc công bố Danh mục văn bản\n"
            "Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022;\n")
    facts = scanned(text)
    assert facts.document.number == "135/QĐ-BLĐTBXH"
    assert [r.number for r in facts.references] == ["62/2022/NĐ-CP"]


def test_a_numbers_slash_read_as_a_comma_under_a_copiers_grain() -> None:
    """`Số: 143, UBND-VP`: the grain over a photocopied header took the slash's upper stroke.
    After the header's label it is still the number; a comma elsewhere is no slash."""
    head = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN PHONG Độc lập - Tự do - Hạnh phúc\n"
            "_Số: 143, UBND-VP Tân Phong, ngày 20 tháng 10 năm 2025\nV/v đề nghị tăng cường công chức\n"
            "Kính gửi: Sở Nội vụ tỉnh Sơn La.\n")
    doc = scanned(head + "Xã được giao 45 biên chế, còn thiếu 13 công chức.\n").document
    assert (doc.number, doc.doc_type, doc.issued_date) == ("143/UBND-VP", "official_dispatch", "2025-10-20")
    listed = scanned(head.replace("Số: 143, UBND-VP", "Số: 143, 144") + "Xã được giao 45 biên chế.\n").document
    assert listed.number is None
    # the `V/v` below read into the line as a scrap, a speck of grain before the label
    scrap = scanned(head.replace("_Số:", "VÀ _Số:") + "Xã được giao 45 biên chế.\n").document
    assert scrap.number == "143/UBND-VP"


def _with_annex(first: str, heading: str):  # noqa: ANN202
    """A decision's first page, its last article, and an annex listing people under `heading`."""
    annex = f"DANH SÁCH\nCông chức biệt phái đến làm việc tại các xã\n{heading}\n"
    return scanned(first, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n", annex).document


def test_issuer_and_place_lost_under_a_copiers_grain_told_by_the_annex_that_cites_the_decision() -> None:
    """Header lines garbled by a copier's grain: no issuer line, no number, the date line's
    place two letters wrong. The annex's heading cites the decision by number and date; the
    number's symbol and the province the place is a letter off name the issuer."""
    first = ("ÉY#B7AWN NH wan ẤP\nTỈNH A ẠI 3\nS6: Dt112/0)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Lào Cổi, ngày 26 tháng 8 năm 2025\n# QUYẾT ĐỊNH\nVề việc biệt phái công chức\n"
             "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;\n")
    doc = _with_annex(first, "(Kèm theo Quyết định số 2318/QĐ-UBND ngày 26/8/2025 của Ủy ban nhân dân tỉnh Lào Cai)")
    assert (doc.doc_type, doc.number, doc.issued_date) == ("decision", "2318/QĐ-UBND", "2025-08-26")
    assert (doc.issuer, doc.place) == ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai")


def test_a_reviewers_cases_for_the_copiers_grain_rules() -> None:
    """What the eighteenth round's rules must leave alone (a fresh-eyes reviewer's cases)."""
    # a commune before 2025, on no list today, two letters off a province: its own name stays
    commune = ("ỦY BAN NHÂN DÂN\nXÃ LONG TÂN\nSố: 45/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Long Tân, ngày 5 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc cử công chức\n"
               "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(commune).document.place == "Long Tân"
    # a form's code above the header, a dash between: the header's own number leads
    form = ("Mẫu - Số: 02/BM-TCCB\nỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 12/QĐ-UBND\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhú Thọ, ngày 5 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc cử công chức\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(form).document.number == "12/QĐ-UBND"
    # a department's decision, its header lost, whose grounds cite the committee's decision of
    # the same day that its annex's heading names: that number is another document's
    lost = ("ÉY#B7AWN NH wan\nS6: Dt112/0)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Lào Cai, ngày 26 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề việc cử công chức đến các xã\n"
            "Căn cứ Quyết định số 2318/QĐ-UBND ngày 26/8/2025 của Ủy ban nhân dân tỉnh Lào Cai;\n")
    doc = _with_annex(lost, "(Kèm theo Quyết định số 2318/QĐ-UBND ngày 26/8/2025)")
    assert (doc.number, doc.issuer) == (None, None)


def test_a_number_after_scraps_of_its_label_leads_only_above_the_date_line_and_title() -> None:
    """`Số:` garbled into scraps in small letters (augraphy's photocopy of a resolution), and a
    title whose space was read as a comma."""
    page = ("CHÍNH PHỦ\nR we 15/2026/NQ-CP\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 06 tháng 4 năm 2026\nPane | NGHI,QUYET | ..,\n"
            "Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP\n"
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    doc = scanned(page).document
    assert (doc.number, doc.doc_type) == ("15/2026/NQ-CP", "resolution")
    assert doc.subject == "Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP"
    # below the date line a line such as `và 46/2026/NĐ-CP` wraps a subject: no number
    lost = ("CHÍNH PHỦ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 06 tháng 4 năm 2026\nVề việc tạm ngưng hiệu lực Nghị định\nvà 46/2026/NĐ-CP\n"
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    assert scanned(lost).document.number is None
    # scraps before figures with no type (a receipt stamp's `Số 1234/…` has none) are no number
    stamp = page.replace("R we 15/2026/NQ-CP", "R we 1234/VP")
    assert scanned(stamp).document.number is None


_LAW = ("Luật số: 04/2017/QH14\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật Hỗ trợ doanh nghiệp nhỏ và vừa.\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\n")


def test_a_laws_header_lost_under_a_copy_its_label_and_symbol_tell_type_and_issuer() -> None:
    """`QUỐC HỘI` and `LUẬT` lost (augraphy's photocopy of a law): `Luật số:` names the type and
    the legislature's symbol `QH14` the body; a number with that symbol alone is no công văn."""
    doc = scanned(_LAW).document
    assert (doc.doc_type, doc.number, doc.issuer) == ("law", "04/2017/QH14", "Quốc hội")
    # with the label lost too, the preamble's `Quốc hội ban hành Luật …` tells a law
    doc = scanned(_LAW.replace("Luật số:", "Số:")).document
    assert (doc.doc_type, doc.issuer) == ("law", "Quốc hội")
    # and with no formula, the type stays unknown rather than a công văn
    doc = scanned(_LAW.replace("Luật số:", "Số:").replace("Quốc hội ban hành Luật", "Luật")).document
    assert doc.doc_type is None


def test_a_faxs_number_label_read_as_figures_and_its_type_part_past_parsing() -> None:
    """augraphy's faxes: `Số:` read `80:`, and `TT` read `171` in `09/2026/TT-BNV` (the title
    and the issuer prescribe the type part; the figures and the body part are read whole)."""
    decree = ("CHÍNH PHỦ\n80: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Hà Nội, ngày 04 tháng 4 năm 2026\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều\n"
              "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    assert scanned(decree).document.number == "123/2026/NĐ-CP"
    # its ố read as a 6 or a 9 as well (a fax's `86:`), on a committee's plan
    plan = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n{label} 217/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nAn Giang, ngày 09 tháng 7 năm 2026\nKẾ HOẠCH\n"
            "Tăng cường công chức cho các xã\nThực hiện Luật Tổ chức chính quyền địa phương;\n")
    for label in ("86:", "89;", "S6:"):
        assert scanned(plan.format(label=label)).document.number == "217/KH-UBND", label
    # figures before a number in the body are no label (`86 217/KH-UBND`: no colon)
    assert scanned(plan.format(label="86")).document.number != "217/KH-UBND"
    circular = ("BỘ NỘI VỤ\nSố: 09/2026/171-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "Hà Nội, ngày 15 tháng 5 năm 2026\nTHÔNG TƯ\nSửa đổi, bổ sung một số điều\n"
                "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    facts = scanned(circular)
    assert facts.document.number == "09/2026/TT-BNV"
    assert any("type part mended" in w for w in facts.warnings)
    # another body's part, or a type part that is a real one, is no garbled type
    assert scanned(circular.replace("171-BNV", "171-BTC")).document.number is None
    assert scanned(circular.replace("THÔNG TƯ", "CÔNG VĂN")).document.number is None


def test_a_date_line_with_a_speck_read_as_a_comma_after_its_words() -> None:
    """augraphy's phone photo: `Hà Nội, ngày, 13 tháng 5 năm 2026`."""
    page = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày, 13 tháng 5 năm, 2026\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n")
    doc = scanned(page).document
    assert (doc.issued_date, doc.place) == ("2026-05-13", "Hà Nội")


def test_a_stroke_read_as_a_word_inside_a_signers_name_goes() -> None:
    """A seal's ring cut to a letter's size between the name's words (`Hồ Sỹ I Long`); a Hmong
    name's `A` stays."""
    page = ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 3;\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}\n")
    assert scanned(page.format(name="Hồ Sỹ I Long")).document.signer.name == "Hồ Sỹ Long"
    assert scanned(page.format(name="Sùng A Tua")).document.signer.name == "Sùng A Tua"


def test_a_reviewers_cases_for_the_nineteenth_rounds_rules() -> None:
    """What the label-in-scraps and `Luật số:` rules must leave alone (a fresh-eyes reviewer's
    cases): a subject wrapped at a cited number, a V/v above `Số:`, a law a letter cites."""
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    wrapped = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2318/QĐ-UBND\n" + motto + "Lào Cai, ngày 26 tháng 8 năm 2025\n"
               "QUYẾT ĐỊNH\nVề việc bãi bỏ Quyết định số 12/2020/QĐ-UBND\nvà 15/2021/QĐ-UBND\n"
               "của Ủy ban nhân dân tỉnh Lào Cai\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n")
    doc = scanned(wrapped).document
    assert doc.number == "2318/QĐ-UBND"
    assert doc.subject == ("Về việc bãi bỏ Quyết định số 12/2020/QĐ-UBND và 15/2021/QĐ-UBND "
                           "của Ủy ban nhân dân tỉnh Lào Cai")
    vv_first = ("UBND TỈNH NGHỆ AN\nSỞ NỘI VỤ\nV/v triển khai Nghị định số 170/2025/NĐ-CP\nvà 171/2025/NĐ-CP\n"
                "Số: 1468/SNV-XDCQ\n" + motto + "Nghệ An, ngày 04 tháng 8 năm 2025\nKính gửi: Các sở, ban, ngành\n")
    doc = scanned(vv_first).document
    assert (doc.number, doc.doc_type) == ("1468/SNV-XDCQ", "official_dispatch")
    cites_a_law = ("UBND TỈNH NGHỆ AN\nSỞ NỘI VỤ\nV/v hướng dẫn thi hành\nLuật số 80/2015/QH13\n" + motto
                   + "Nghệ An, ngày 04 tháng 8 năm 2025\nKính gửi: Các sở, ban, ngành\n")
    assert scanned(cites_a_law).document.doc_type == "official_dispatch"


# the twentieth round: augraphy's copies of Gazette PDFs not seen before (a third set)
_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _gazette_page(number_line: str, date_line: str, issuer: str = "NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM") -> str:
    return (f"CÔNG BÁO/Số 612/Ngày 02-8-2023\n{issuer}\n{number_line}\n{_MOTTO}{date_line}\nTHÔNG TƯ\n"
            "Quy định về cho vay lại vốn vay nước ngoài\nCăn cứ Luật Ngân hàng Nhà nước Việt Nam;\n")


def test_a_place_with_a_letter_read_as_a_figure_still_dates_the_document() -> None:
    """`Hà N6i, ngày 21 …` (a fax): a figure inside a word is a misread letter, no figure of
    another column's text; the date line stands, and its place is read as the place it is."""
    doc = scanned(_gazette_page("Số: 14/2023/TT-NHNN", "Hà N6i, ngày 18 tháng 7 năm 2023")).document
    assert (doc.issued_date, doc.place) == ("2023-07-18", "Hà Nội")
    # a figure standing as a word is still one: `Khoản 2` before a date opens a sentence, no
    # place (taken out with the figures inside words, it would be the place `Khoản 2`)
    assert scanned(_gazette_page("Số: 14/2023/TT-NHNN", "Khoản 2, ngày 18 tháng 7 năm 2023")).document.place is None


def test_a_date_word_with_a_speck_for_a_comma_and_a_month_word_garbled_where_the_year_is_cut() -> None:
    """`ngà, 29 tháng 4` (the `y` lost, a speck read as a comma); `ngày 21 páng 7 năm 202/` (a
    photo's edge: the year from the number, as for `năm 202ˆ`)."""
    doc = scanned(_gazette_page("Số: 14/2023/TT-NHNN", "Hà Nội, ngà, 29 tháng 4 năm 2023")).document
    assert doc.issued_date == "2023-04-29"
    doc = scanned(_gazette_page("Số: 14/2023/TT-NHNN", "Hà Nội, ngày 21 páng 7 năm 202/")).document
    assert doc.issued_date == "2023-07-21"
    # the number's year must be of the decade read
    assert scanned(_gazette_page("Số: 14/2019/TT-NHNN", "Hà Nội, ngày 21 páng 7 năm 202/")
                   ).document.issued_date is None


def test_a_numbers_leading_ones_read_as_letters_and_its_hyphen_read_low() -> None:
    """`Số: LI6/NQ„CP` on a phone photo: `16/NQ` was taken, a wrong number; the ones read as
    `L`, `I`, `l` glued before the figures are ones, and `„` between the symbol's parts its
    hyphen. A label read a letter off (`Sối12/…`) stays a label."""
    page = _gazette_page("Số: LI6/NQ„CP", "Hà Nội, ngày 29 tháng 4 năm 2023", issuer="CHÍNH PHỦ")
    assert scanned(page).document.number == "116/NQ-CP"
    assert scanned(page.replace("LI6", "Il6")).document.number == "116/NQ-CP"
    assert find_header_number("Sối12/NQ-CP")[0].number == "12"
    assert find_header_number("TỈNH L 12/QĐ")[0].number == "12"  # a letter apart from the figures


def test_a_damaged_ministry_line_over_a_circular_is_the_ministrys() -> None:
    """`pO TÀI CHÍNH` (a phone photo's glare over `BỘ`) is a letter off both Bộ Tài chính and Sở
    Tài chính; a thông tư is issued by ministries only, so it is the ministry. Under a decision
    both stay possible: none. A department read whole stays as read."""
    page = ("CÔNG BÁO/Số 51/Ngày 23-01-2026\n{issuer}\n" + _MOTTO + "Hà Nội, ngày 31 tháng 12 năm 2025\n{title}\n"
            "Quy định về quyết toán vốn đầu tư công\nCăn cứ Luật Ngân sách nhà nước;\n")
    assert scanned(page.format(issuer="pO TÀI CHÍNH", title="THÔNG TƯ")).document.issuer == "Bộ Tài chính"
    assert scanned(page.format(issuer="pO TÀI CHÍNH", title="QUYẾT ĐỊNH")).document.issuer is None
    assert scanned(page.format(issuer="SỞ NỘI VỤ", title="THÔNG TƯ")).document.issuer == "Sở Nội vụ"


def test_a_reviewers_cases_for_the_twentieth_rounds_rules() -> None:
    """What the rules above must leave alone (a fresh-eyes reviewer's cases): a table's edge
    read `|` before the figures is no one; a garbled month word with a lost year and a number
    of no year gives no date (the grounds' latest year was a year off on the Gazette's pages);
    another column's damaged body before the place stays out of it."""
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: |245/UBND-VX\nV/v triển khai tiêm chủng\n" + _MOTTO
              + "Nghệ An, ngày 04 tháng 8 năm 2025\nKính gửi: Các sở, ban, ngành\n")
    assert scanned(letter).document.number == "245/UBND-VX"
    resolution = ("CHÍNH PHỦ\nSố: 116/NQ-CP\n" + _MOTTO + "Hà Nội, ngày 29 páng 4 năm 202/\nNGHỊ QUYẾT\n"
                  "Về kế hoạch phòng, chống thiên tai\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    assert scanned(resolution).document.issued_date is None
    # (the same line with `tháng` whole still takes the grounds' year, as before)
    assert scanned(resolution.replace("páng", "tháng")).document.issued_date == "2025-04-29"
    beside = ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n" + _MOTTO + "SỞ T4I CHÍNH Nghệ An, ngày 04 tháng 8 năm 2025\n"
              "QUYẾT ĐỊNH\nVề việc điều động công chức\n")
    assert scanned(beside).document.place == "Nghệ An"


def test_a_signature_read_as_letters_above_the_name_gives_way_to_the_name() -> None:
    """On a phone photo the signature's loops were read as a line of their own right above the
    name (`ly Yee | z | ˆ`): `Ly` is a family name, so the line passed for one, but `Yee` is
    no syllable and the next line spells a whole name. A name line that is sound stays, also
    when another follows it."""
    block = ("Điều 3. Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n"
             "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n{lines}\n")
    signer = scanned(block.format(lines="ly Yee | z | ˆ\nNguyễn Mạnh Khương")).document.signer
    assert signer is not None and signer.name == "Nguyễn Mạnh Khương"
    kept = scanned(block.format(lines="Lê Văn Hùng\nNguyễn Mạnh Khương")).document.signer
    assert kept is not None and kept.name == "Lê Văn Hùng"
    # the loops read as a line and then as scraps of their own before the name (a real text's
    # phone photo): the name is looked for below them too, not past a line of text
    scraps = "+ | + | Cee VI AI\na\ný...\nNGÀ 2 | l | 2V 1\nĐào Ngọc Dung"
    signer = scanned(block.format(lines=scraps)).document.signer
    assert signer is not None and signer.name == "Đào Ngọc Dung"
    # past a line of text the block's reading stops: the loops' line (capitals beside a word in
    # small letters: no name) is no signer, and a name at the page's foot is taken only as a
    # bare name, flagged for checking (it was `Cee VI ÁI` once, taken whole as the block's)
    text = "Cee VI AI\nCăn cứ vào kết quả cuộc họp ngày hôm qua\nĐào Ngọc Dung"
    doc = scanned(block.format(lines=text)).document
    assert doc.signer is None or (doc.signer.name == "Đào Ngọc Dung" and doc.evidence["signer"].confidence <= 0.5)


_DECREE = ("{issuer}\nSố: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "{date}\n{title}\nQuy định chi tiết một số điều của Luật Giao thông đường thủy nội địa\n"
           "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")


def test_a_copiers_band_before_the_place_is_no_word_of_it() -> None:
    """`S26, Hà Nội, ngày …` (augraphy's photocopy, a dirty drum's band over the margin): a word
    with figures is no place's; a figure read inside one still is (`Hà N6i`)."""
    page = _DECREE.format(issuer="CHÍNH PHỦ", date="S26, Hà Nội, ngày 04 tháng 4 năm 2026", title="NGHỊ ĐỊNH")
    doc = scanned(page).document
    assert (doc.place, doc.issued_date) == ("Hà Nội", "2026-04-04")
    doc = scanned(page.replace("S26, Hà Nội", "Hà N6i")).document
    assert doc.issued_date == "2026-04-04" and doc.place is not None and "N" in doc.place


def test_a_figure_read_before_the_issuer_or_the_title_is_a_speck() -> None:
    """`1. CHÍNHPHỦ` and `7 NGHỊ ĐỊNH` (augraphy's photocopies): the body and the title without
    the figure; a numbered line in capitals that names no body (`1. NỘI DUNG`) stays as it was."""
    doc = scanned(_DECREE.format(issuer="1. CHÍNHPHỦ", date="Hà Nội, ngày 04 tháng 4 năm 2026",
                                 title="7 NGHỊ ĐỊNH")).document
    assert (doc.issuer, doc.doc_type_label, doc.doc_type) == ("Chính phủ", "NGHỊ ĐỊNH", "decree")
    doc = scanned(_DECREE.format(issuer="1. NỘI DUNG", date="Hà Nội, ngày 04 tháng 4 năm 2026",
                                 title="NGHỊ ĐỊNH")).document
    assert doc.issuer != "Nội dung" and (doc.issuer is None or "1" not in doc.issuer)


def test_a_number_after_a_label_read_as_letters_with_specks() -> None:
    """`‘ots. 15/2026/NQ-CP`: three letters and specks for `Số:` above the date line; a word of a
    sentence before figures (`theo 15/2026/NQ-CP`) is no label."""
    page = ("CHÍNH PHỦ\n‘ots. 15/2026/NQ-CP\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 06 tháng 4 năm 2026\nNGHỊ QUYẾT\nTạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP\n"
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    assert scanned(page).document.number == "15/2026/NQ-CP"
    assert scanned(page.replace("‘ots. ", "theo ")).document.number is None


def test_a_leading_zero_of_the_month_read_twice() -> None:
    """`tháng O01` (a phone photo): the letter and the figure are one 0."""
    page = _DECREE.format(issuer="CHÍNH PHỦ", date="Hà Nội, ngày 02 tháng O01 năm 2025", title="NGHỊ ĐỊNH")
    assert scanned(page).document.issued_date == "2025-01-02"
    assert scanned(page.replace("O01", "O13")).document.issued_date is None


def test_a_title_with_a_stroke_read_as_a_bracket() -> None:
    """`\\NGH] ĐỊNH` (augraphy's photocopy): the marks dropped, one letter off `NGHỊ ĐỊNH`;
    a line of other words with brackets is no title."""
    page = _DECREE.format(issuer="CHÍNH PHỦ", date="Hà Nội, ngày 04 tháng 4 năm 2026", title="\\NGH] ĐỊNH")
    doc = scanned(page.replace("Số: 123/2026/NĐ-CP", "Số: 123/2026")).document
    assert (doc.doc_type, doc.subject) == ("decree", "Quy định chi tiết một số điều của Luật Giao thông đường thủy nội địa")
    assert scanned(page.replace("\\NGH] ĐỊNH", "[LƯU]").replace("Số: 123/2026/NĐ-CP", "Số: 123/2026")).document.doc_type is None


def test_the_enacting_body_under_a_subject_ends_it_past_a_speck() -> None:
    """`bint TƯỚNG CHÍNH PHỦ` under a decision's subject: capitals but for a first word that spells
    nothing end the subject; a wrapped subject line is kept."""
    page = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 04 tháng 4 năm 2026\nQUYẾT ĐỊNH\nKiện toàn Ban Chỉ đạo Trung ương về cải cách\n"
            "chính sách tiền lương\n{line}\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
    subject = "Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương"
    assert scanned(page.format(line="bint TƯỚNG CHÍNH PHỦ")).document.subject == subject
    assert scanned(page.format(line="và bảo hiểm xã hội")).document.subject == subject + " và bảo hiểm xã hội"


@pytest.mark.parametrize("line", ["67YANPHONG j", "YĂN PHÒNG", "4 VĂN PHÒNG", "YAN PHÒNG ~",
                                  "i 67YAN PHÒNG"])  # (a speck read as a letter before the figure)
def test_a_bare_head_under_a_stamps_figure_still_names_the_office(line: str) -> None:
    # a receiving stamp's handwritten figure over `VĂN PHÒNG` on a one-bit copy: one word with
    # it, a letter misread; the office, not its committee, issued the notice
    text = (f"UBND TỈNH BẮC HÀ\n{line}\nSố: 95/TB-VPUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Hà, ngày 12 tháng 11 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp\n"
            "Ngày 10 tháng 11 năm 2025, đồng chí Phó Chủ tịch chủ trì.\n")
    doc = scanned(text).document
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Bắc Hà"
    assert doc.number == "95/TB-VPUBND"


def test_a_line_a_letter_off_two_heads_or_with_more_words_is_no_bare_head() -> None:
    from dispatch_reader.extract.header import damaged_bare_head
    assert damaged_bare_head("67YANPHONG j") == "VĂN PHÒNG"
    assert damaged_bare_head("VĂN PHÒNG") is None  # read right: nothing to mend
    assert damaged_bare_head("VĂN PHÒNG CHÍNH PHỦ") is None
    assert damaged_bare_head("PHÒNG") is None
    assert damaged_bare_head("Văn phòng") is None  # small letters: a sentence's words
    # a commune's name a letter off the head, its own marks kept: `XÃ` / `TÂN PHONG`
    assert damaged_bare_head("\\ TẤN PHONG") is None and damaged_bare_head("TÂN PHONG") is None
    assert damaged_bare_head("TAN PHONG") is None


def test_an_office_under_a_committee_line_a_stamp_garbled_is_the_committees_office() -> None:
    """`VĂN PHÒNG` names a body only with the committee above it. A receiving stamp's figures
    over the committee's line (`UBND TỈNH 1AFKHÂU |,`, a photocopy) kept that line out of the
    header's bodies, and the issuer read `Văn phòng`: the line above, a committee's head with
    its province garbled, is the committee of the date line's province. A line above that
    names no committee leaves the office as read."""
    text = ("UBND TỈNH 1AFKHÂU |,\n67¥AN PHONG\nSố: 95/TB-VPUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 12 tháng 11 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp\n"
            "Ngày 10 tháng 11 năm 2025, đồng chí Hà Văn Lâm chủ trì cuộc họp.\n")
    doc = scanned(text).document
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"
    doc = scanned(text.replace("UBND TỈNH 1AFKHÂU |,", "mr pp 29/1122")).document
    assert doc.issuer == "Văn phòng"


def test_a_department_head_over_scraps_names_no_body() -> None:
    """`SO` over a stamp's figures (`BBCI`) read as the issuer `Sở Bbci` on a real text's
    photocopy: a head whose name is no syllable names no body, and no issuer is better than
    that one. A department's name, or its short form with `&`, stays."""
    text = ("SO\nBBCI\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 01 tháng 6 năm 2026\nNGHỊ QUYẾT\nVề chính sách của Luật Thương mại\n")
    facts = scanned(text)
    assert facts.document.issuer != "Sở Bbci"
    for line, issuer in (("SỞ NỘI VỤ", "Sở Nội vụ"), ("SỞ GD&ĐT", "Sở Gd&đt")):
        assert scanned(text.replace("SO\nBBCI", line)).document.issuer == issuer


def test_the_number_label_inside_a_line_two_columns_ran_into() -> None:
    """Tesseract ran the header's lines into one on augraphy's hazy photocopy (`V/v Số:
    143/UBND-VP công Pant Phong. ngày 20 …`): the number went with the subject's `V/v` and was
    lost, the line taken for the subject. The label right after `V/v` opens the number; a
    sentence's `số 12/…` does not."""
    text = ("ỦY BẠN NHÂN DÂN\n4\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM -\nXÃ TÂN PHONG wo\n"
            "Độc lập - Tự đo - Hạnh phúc\nV/v Số: 143/UBND-VP công Pant Phong. ngày 20 cheng Hon năm 2023\n"
            "dé nghị tăng cường\nchức\nKính gửi: Sở Nội\n")
    doc = scanned(text).document
    assert doc.number == "143/UBND-VP"
    assert not (doc.subject or "").startswith("Số")
    sentence = text.replace("V/v Số: 143/UBND-VP", "V/v thực hiện Quyết định số 143/UBND-VP")
    assert scanned(sentence).document.number is None


@pytest.mark.parametrize("date_line", [
    "Lao Ca, ngày 26 thang 7 nam 210125",  # a fax: the year's figures run together, a mark lost
    "Lào Cai, ngày 26 tháng & iam m 2025",  # ink and paper: the month read `&`, `năm` garbled
])
def test_a_date_line_no_date_can_be_read_from_still_gives_its_place(date_line: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2318/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\n{date_line}\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức đến làm việc tại các xã\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text).document
    assert doc.place == "Lào Cai"
    assert doc.issued_date is None
    assert "Lao Ca" in doc.evidence["place"].quote or "Lào Cai" in doc.evidence["place"].quote


def test_words_before_a_garbled_date_that_are_no_place_give_none() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2318/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nog NSS ị, ngày 26 thang & nam 210125\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nhọc viên, ngày 5 tháng & năm\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(text).document.place is None
    # a place is written in small letters after its capitals: capitals alone are scraps
    assert scanned(text.replace("og NSS ị,", "NOE")).document.place is None


def test_a_number_read_into_the_v_v_line_leaves_the_subject_its_own_lines() -> None:
    """A photocopy read the V/v, the number and the garbled date line as one line: the subject
    is the V/v's wrapped lines, not the date line's words beside it (nor empty)."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "V/v Số: 143/UBND-VP công Pant Phong. ngày 20 cheng Hon năm 2023\n"
            "đề nghị tăng cường\ncông chức\nKính gửi: Sở Nội vụ\nSau khi sắp xếp tổ chức chính quyền.\n")
    doc = scanned(text).document
    assert doc.number == "143/UBND-VP"
    assert doc.subject == "đề nghị tăng cường công chức"


def test_a_closing_bracket_none_opened_before_running_text_is_a_comma() -> None:
    from dispatch_reader.extract.canon import repair_ocr_phrase

    assert repair_ocr_phrase("về tình hình biệt phái công chức) viên chức đến các xã") == \
        "về tình hình biệt phái công chức, viên chức đến các xã"
    # a bracket opened before, a list's letter, or a name after it: as read
    for text in ("Sửa đổi Luật (sửa đổi) về quản lý", "Về việc a) và b", "Công ty ABC) Hà Nội"):
        assert repair_ocr_phrase(text) == text


def test_a_name_whose_words_are_words_letters_with_other_marks_is_a_name_under_a_seal() -> None:
    """The seal took the title (`ya`) and the name's marks came out wrong (`Nguyén`, `Khứớng`:
    no syllables, but the letters of `Nguyên`, `Khương`): still the signer's name line; a
    signature's loops (`Dp Fs`) are no such letters."""
    text = ("BỘ NỘI VỤ\nSố: 7/2026/TT-BNV\nHà Nội, ngày 1 tháng 4 năm 2026\nTHÔNG TƯ\nQuy định mức lương\n"
            "Điều 1. Phạm vi điều chỉnh.\nNơi nhận:\n- Như trên;\nKT. BỘ TRƯỞNG\nya\n{name}\n")
    assert scanned(text.format(name="Nguyén Mạnh Khứớng")).document.signer.name == "Nguyễn Mạnh Khương"
    assert scanned(text.format(name="Dp Fs Hxq")).document.signer is None


_STAMPED_DECISION = ("UBND TỈNH LAI CHÂU\nSỞ NỘI VỤ\nSố: 61/QĐ-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 20 tháng 02 năm 2026\n{title}\n{subject}\n{scraps}\n"
                     "{grounds}\nnam 2025;\nCăn cứ Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của\n")


def test_a_receipt_stamp_read_into_the_title_and_subject_lines_leaves_them_theirs() -> None:
    """A photocopy with the receipt stamp over the title block: the stamp's words before the
    title (`“cone TẤN BỀN, . QUYẾT ĐỊNH`), its number before `Về việc` (`644`), its date alone on
    a line (`0432026`) and the grounds' `Căn cứ Luật` lost under it (`CAR, #6Agpcán 1 bộ, …`)."""
    doc = scanned(_STAMPED_DECISION.format(
        title="“cone TẤN BỀN, . QUYẾT ĐỊNH", subject="644 Về việc gia hạn thời gian biệt phái công chức",
        scraps="0432026", grounds="CAR, #6Agpcán 1 bộ, công chức số 80/2025/QH15 ngày 24 tháng 6")).document
    assert (doc.doc_type, doc.doc_type_label) == ("decision", "QUYẾT ĐỊNH")
    assert doc.subject == "Về việc gia hạn thời gian biệt phái công chức"


def test_a_subject_citing_a_dated_document_and_a_years_wrap_are_the_subjects() -> None:
    doc = scanned(_STAMPED_DECISION.format(
        title="NGHỊ ĐỊNH", subject="Sửa đổi, bổ sung một số điều của Nghị định\nsố 10/2022/NĐ-CP ngày 15 tháng 01 "
        "năm 2022 của Chính phủ giai đoạn 2021 -", scraps="2025",
        grounds="Căn cứ Luật Cán bộ, công chức số 80/2025/QH15 ngày 24 tháng 6")).document
    assert doc.subject == ("Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 "
                           "của Chính phủ giai đoạn 2021 - 2025")


def test_a_body_s_enacting_line_is_no_title_after_a_note() -> None:
    from dispatch_reader.extract.header import _title_after_a_note

    assert _title_after_a_note("“cone TẤN BỀN, . QUYẾT ĐỊNH") == len("“cone TẤN BỀN, . ")
    assert _title_after_a_note("BỘ TRƯỞNG BỘ NỘI VỤ QUYẾT ĐỊNH") == 0
    assert _title_after_a_note("BỘ TRƯỞNG BỘ NỘI VỤ QUYẾT ĐỊNH:") == 0
    assert _title_after_a_note("QUYẾT ĐỊNH") == 0


def test_a_leaders_note_beside_the_header_is_no_wrap_of_the_subject() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ MƯỜNG HUM\nSố: 317/UBND-VP\nV/v đề nghị biệt phái công chức\n"
            "lĩnh vực đất đai, xây dựng\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Mường Hum, ngày 04 tháng 11 năm 2025\n{note}\nKính gửi: Sở Nội vụ tỉnh Lào Cai.\n")
    want = "đề nghị biệt phái công chức lĩnh vực đất đai, xây dựng"
    assert scanned(text.format(note="Chuyên P. Nội vụ Xử lý")).document.subject == want
    assert scanned(text.format(note="Chuyển đ/c Minh giải quyết")).document.subject == want


def test_specks_read_as_a_semicolon_at_a_wraps_end_or_marks_run_together_are_no_wording() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ MƯỜNG HUM\nSố: 317/UBND-VP\nV/v {first}\n{second}\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Mường Hum, ngày 04 tháng 11 năm 2025\nKính gửi: Sở Nội vụ tỉnh Lào Cai.\n")
    assert scanned(text.format(first="đề nghị biệt phái công chức;", second="lĩnh vực đất đai, xây dựng")
                   ).document.subject == "đề nghị biệt phái công chức lĩnh vực đất đai, xây dựng"
    assert scanned(text.format(first="biệt phái công chức, viên chức -_", second="đến làm việc tại các xã")
                   ).document.subject == "biệt phái công chức, viên chức đến làm việc tại các xã"
    # a dash between words is wording
    assert scanned(text.format(first="tăng cường nhân lực năm 2025 - 2026", second="cho các xã -- phường")
                   ).document.subject == "tăng cường nhân lực năm 2025 - 2026 cho các xã -- phường"


def test_a_copy_of_a_copys_slips_in_a_gazette_subject_are_mended() -> None:
    """The second tester's copies of a copy of real Gazette pages: `và việc` opening a decision's
    subject, marks slipped in set wording (`công bồ`, `hệ thông hóa`, `tham quyền`, `đi khói`), a
    consonant alone between words (`cư r trú`); a point's letter after `điểm` stays."""
    from dispatch_reader.extract.canon import repair_ocr_phrase, repair_subject_opener

    assert repair_subject_opener(repair_ocr_phrase("và việc công bồ kết quả hệ thông hóa văn bản")) == \
        "Về việc công bố kết quả hệ thống hóa văn bản"
    assert repair_subject_opener("và các xã, phường") == "và các xã, phường"
    assert repair_ocr_phrase("phân cấp tham quyền") == "phân cấp thẩm quyền"
    text = ("BỘ CÔNG AN\nSố: 56/2026/TT-BCA\nHà Nội, ngày 10 tháng 5 năm 2026\nTHÔNG TƯ\n{subject}\n"
            "Căn cứ Luật Cư trú số 68/2020/QH14;\n")
    assert scanned(text.format(subject="Quy định quản lý người bị cấm đi khói nơi cư r trú")).document.subject == \
        "Quy định quản lý người bị cấm đi khỏi nơi cư trú"
    assert scanned(text.format(subject="Thủ tục hành chính trong lĩnh vực y. tế tại TP. Hồ Chí Minh")).document.subject \
        == "Thủ tục hành chính trong lĩnh vực y tế tại TP. Hồ Chí Minh"
    assert scanned(text.format(subject="Sửa đổi điểm b khoản 2 Điều 5 của Thông tư số 55/2021/TT-BCA")
                   ).document.subject == "Sửa đổi điểm b khoản 2 Điều 5 của Thông tư số 55/2021/TT-BCA"


def test_a_date_line_whose_ngay_lost_a_letter_still_dates_the_document() -> None:
    """A photocopy's toner over `Hà Nội, ngày`: `Hada pgay 04 tháng 4 năm 2026`, its `tháng` and
    `năm` whole. The place cannot be read there; the Government sits in Hà Nội (flagged)."""
    from dispatch_reader.extract.datefmt import find_header_dates

    assert [h.iso for h in find_header_dates("hada pgay 04 thang 4 nam 2026")] == ["2026-04-04"]
    assert find_header_dates("trong 04 thang 4 nam 2026") == []  # no `ngày` at all
    # its first letter lost, or its last read as a speck (real PDFs' received copies)
    assert [h.iso for h in find_header_dates("he noi, gay 06 thang 4 nam 2026")] == ["2026-04-06"]
    assert [h.iso for h in find_header_dates("ha noi, nga? 28 thang 12 nam 2021")] == ["2021-12-28"]
    assert find_header_dates("den nay 06 thang 4 nam 2026") == []  # `nay` is a word: no `ngày`
    text = ("CHÍNH PHỦ\nSố: 123/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hada pgay 04 tháng 4 năm 2026\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều của Luật Giao thông\n"
            "Căn cứ Luật Tổ chức Chính phủ;\n")
    doc = scanned(text).document
    assert (doc.issued_date, doc.place) == ("2026-04-04", "Hà Nội")


def test_a_known_bodys_dash_lost_on_a_fax_or_read_as_a_quote_is_put_back() -> None:
    from dispatch_reader.extract.canon import restore_name_dashes

    want = "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn"
    assert restore_name_dashes("của Bộ trưởng Bộ Lao động Thương binh và Xã hội hướng dẫn") == want
    assert restore_name_dashes("của Bộ trưởng Bộ Lao động” Thương binh và Xã hội hướng dẫn") == want
    assert restore_name_dashes(want) == want
    assert restore_name_dashes("người lao động thương binh") == "người lao động thương binh"


def test_a_plans_subject_under_a_receipt_stamp_ends_where_its_body_opens_garbled() -> None:
    """A photocopied plan: the stamp's words before `KẾHOẠCH`, its scraps before the subject
    (`s›:ø2z`), and the body's `Thực hiện Công văn số … ngày …` opening under the stamp's ink."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 198/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 05 tháng 9 năm 2025\nCÔNGVĂNĐEN 7 KẾHOẠCH\n"
            "s›:ø2z Tăng cường công chức, viên chức về làm việc\ntại các xã, phường năm 2025 - 2026\n"
            "_“sontye igh Công văn số 4620/BNV-CQĐP ngày 18 tháng 8 năm 2025\n"
            "của Bộ Nội vụ về việc bảo đảm nhân lực cho chính quyền cấp xã; Ủy\n"
            "ban nhân dân tỉnh ban hành Kế hoạch tăng cường công chức, viên chức\nI. MỤC ĐÍCH, YÊU CẦU\n")
    doc = scanned(text).document
    assert doc.doc_type == "plan"
    assert doc.subject == "Tăng cường công chức, viên chức về làm việc tại các xã, phường năm 2025 - 2026"
    # a subject ending in a document's symbol keeps it
    symbol = text.replace("phường năm 2025 - 2026", "phường theo Quyết định số 12/2020/QĐ-UBND")
    assert scanned(symbol).document.subject.endswith("theo Quyết định số 12/2020/QĐ-UBND")


def test_a_title_read_amid_the_noi_nhan_list_is_the_name_at_the_foots() -> None:
    """The foot's two columns interleaved (the seal broke the block's lines apart): `CHỦ TỊCH`
    between the list's items, the name at the foot. A list item naming a chairman is no title."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1702/QĐ-UBND\nPhú Thọ, ngày 08 tháng 10 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc điều động công chức\nĐiều 1. Điều động.\nNơi nhận:\n- Như Điều 3;\n{title}\n"
            "- TT Tỉnh ủy (b/c); | I | if RAY\n- Lưu: VT, NC, SNV. | aay | Aa\nPhạm Đức Thành\n")
    facts = scanned(text.format(title="CHỦ TỊCH"))
    assert (facts.document.signer.name, facts.document.signer.title) == ("Phạm Đức Thành", "CHỦ TỊCH")
    assert not any("title not read" in w for w in facts.warnings)
    bare = scanned(text.format(title="- Chủ tịch, các PCT UBND tỉnh;"))
    assert (bare.document.signer.name, bare.document.signer.title) == ("Phạm Đức Thành", None)


@pytest.mark.parametrize("line", ["Luật lá: 04/2017]QHÍ4", "Luật số: 04/2017]QH14", "Luật số: 04/2017/QHÍ4"])
def test_a_laws_number_with_its_label_slash_or_term_misread_is_read(line: str) -> None:
    """A phone photo of a law: `số` garbled after the type's label (the colon kept), the slash
    read as a bracket, the term's 1 as an `Í`."""
    text = (f"QUỐC HỘI\n{line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLUẬT\n"
            "HỖ TRỢ DOANH NGHIỆP NHỎ VÀ VỪA\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n")
    assert scanned(text).document.number == "04/2017/QH14"


def test_a_bracket_for_a_slash_is_no_licence_for_scraps() -> None:
    from dispatch_reader.extract.docnumber import slash_read_as_bracket

    assert slash_read_as_bracket("12]QĐ-UBND")[0].text == "12/QĐ-UBND"
    assert slash_read_as_bracket("12]XQZW-KKQ") is None  # no part any symbol has
    assert slash_read_as_bracket("12/QĐ-UBND") is None  # nothing misread


def test_a_years_slash_lost_before_the_type_is_put_back() -> None:
    """A copy's grain took the year's slash (`Số:28/2026TT-BTC`): the number is the one with it
    put back, when the type part after the year is a real one; the quote is the line's own."""
    text = ("BỘ TÀI CHÍNH\nSố:28/2026TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 27 tháng 3 năm 2026\nTHÔNG TƯ\nQuy định mức thu, chế độ thu, nộp phí\n"
            "Căn cứ Luật Phí và lệ phí số 97/2015/QH13;\n")
    facts = scanned(text)
    assert facts.document.number == "28/2026/TT-BTC"
    assert "28/2026TT-BTC" in facts.document.evidence["number"].quote


def test_a_year_run_into_no_type_is_left_as_read() -> None:
    assert find_header_number("12/2025AB-UBND")[0].text == "12/2025AB-UBND"  # no type `AB`
    assert find_header_number("170/2025/NĐ-CP")[0].text == "170/2025/NĐ-CP"


def test_specks_read_as_capitals_over_the_issuer_are_no_parent_body() -> None:
    """A photocopy's specks over `BỘ NỘI VỤ` read `TY AC`: a tester's brief and export showed
    `Bộ Nội vụ (TY AC)`, its parent body. A line that opens as no body's name is none; a
    committee over its department is one."""
    text = ("{above}\nBỘ NỘI VỤ\nSố: 09/2026/TT-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 05 tháng 5 năm 2026\nTHÔNG TƯ\nHướng dẫn một số nội dung\n"
            "Căn cứ Nghị định số 25/2025/NĐ-CP;\n")
    doc = scanned(text.format(above="TY AC")).document
    assert (doc.issuer, doc.issuer_parent) == ("Bộ Nội vụ", None)
    assert "issuer_parent" not in doc.evidence
    sub = text.replace("BỘ NỘI VỤ", "SỞ NỘI VỤ").replace("09/2026/TT-BNV", "61/QĐ-SNV").replace("THÔNG TƯ", "QUYẾT ĐỊNH")
    doc = scanned(sub.format(above="UBND TỈNH LAI CHÂU").replace("Hà Nội", "Lai Châu")).document
    assert (doc.issuer, doc.issuer_parent) == ("Sở Nội vụ", "UBND TỈNH LAI CHÂU")
    # heads the data lacks still name bodies (a reviewer's): a party committee over its board, a
    # university over its school
    for above, body in (("ĐẢNG BỘ TỈNH LAI CHÂU", "BAN TỔ CHỨC TỈNH ỦY"),
                        ("ĐẠI HỌC QUỐC GIA HÀ NỘI", "TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN")):
        doc = scanned(text.format(above=above).replace("BỘ NỘI VỤ", body)).document
        assert doc.issuer_parent == above, (above, doc.issuer, doc.issuer_parent)


def test_a_scan_whose_subject_was_not_read_says_so() -> None:
    """A photocopy's V/v line lost under a receipt stamp: the brief's row showed "—" and nothing
    said why (a tester's). A scan says so; a text layer that prints none does not."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 1587/UBND-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 28 tháng 8 năm 2025\n{vv}Kính gửi: Sở Nội vụ\n"
            "Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ tham mưu.\n")
    lost = scanned(text.format(vv=""))
    assert lost.document.subject is None
    assert any(w.startswith("no subject (V/v") for w in lost.warnings)
    read = scanned(text.format(vv="V/v tăng cường công chức\n"))
    assert read.document.subject == "tăng cường công chức"
    assert not any(w.startswith("no subject") for w in read.warnings)
    typed = extract_facts([PageText(1, text.format(vv=""), method="text_layer")])
    assert not any(w.startswith("no subject") for w in typed.warnings)
    # a scanned newspaper clipping, no number and no type read, is no document that lost one
    clipping = scanned("Báo Lai Châu\nTỉnh tăng cường cán bộ cho các xã vùng cao.\nPhóng viên Lò Văn Pấng\n")
    assert not any(w.startswith("no subject") for w in clipping.warnings)


def test_a_seals_ring_read_as_a_capital_line_below_the_title_is_no_signer() -> None:
    """A tester's photocopy: the title ended page 1, and the seal across its edge read `Y SỞ`
    under it (Y is an Ê Đê family name): the signer was `Y SỞ`, the name on page 2 lost."""
    first = ("SỞ Y TẾ\nSố: 1218/QĐ-SYT\nCao Bằng, ngày 28 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
             "Về việc chấm dứt biệt phái viên chức\nNơi nhận: | KT. GIÁM ĐỐC\n- Như Điều 3; | PHÓ GIÁM ĐỐC\n>>\nY SỞ\n")
    second = "- Giám đốc Sở (b/c);\n- Lưu: VT, TCCB.\nĐàm Văn Thiêm\n"
    assert scanned(first, second).document.signer.name == "Đàm Văn Thiêm"
    # a name in capitals is no ring's, though a word of it is one a ring may hold (a reviewer)
    capitals = first.replace("Y SỞ\n", "NGUYỄN VĂN HÒA\n")
    assert scanned(capitals).document.signer.name.upper() == "NGUYỄN VĂN HÒA"


def test_a_figure_a_seals_ring_made_of_a_capital_in_the_signers_name() -> None:
    """A tester's photocopy: the ring across the T of `Hà Trung Kiên` read `Ha 1rung Kiên`, and
    the name line was no name; a figure that spells one listed name as a letter is that letter."""
    text = ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 146/QĐ-SNNMT\nTuyên Quang, ngày 20 tháng 02 năm 2026\n"
            "QUYẾT ĐỊNH\nVề việc gia hạn thời gian biệt phái viên chức\nGIÁM ĐỐC\nNơi nhận:\n- Như Điều 3;\n"
            "- Lưu: VT, VP.\nHa 1rung Kiên\n- qr\n")
    signer = scanned(text).document.signer
    assert (signer.name, signer.title) == ("Hà Trung Kiên", "GIÁM ĐỐC")
    # a figure that spells no name, or more than one, leaves the line as it was: no name
    other = scanned(text.replace("Ha 1rung Kiên", "Ha 7rung Kiên")).document.signer
    assert other is None or other.name != "Hà Trung Kiên"


def test_a_receiving_stamps_office_over_a_garbled_header_is_not_the_issuer() -> None:
    """A tester's photocopy: the receiving stamp's `UBND PHƯỜNG AN BÌNH` stood over a province
    office's header, whose own lines it garbled, and was taken as the issuer. A commune dates
    its papers at its own name; dated at a province's, the commune's name is a stamp's."""
    text = ("PBND PHUONG AN BIN\nUBND TINRồ8UáïNG›TRỊ\n- VMĂN/EHÒNG\nSố: 318/TĐ.V/RUBXMIY\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Quảng Trị, ngày 02 tháng 12 năm 2025\nTHÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh\n"
            "Ngày 27 tháng 11 năm 2025, đồng chí Chủ tịch Ủy ban nhân dân tỉnh đã làm việc.\n")
    facts = scanned(text)
    assert facts.document.issuer is None and facts.document.place == "Quảng Trị"
    assert any("receiving stamp's office" in w for w in facts.warnings)
    # its number read whole, the symbol tells the office (`TB-VPUBND` dated at Quảng Trị)
    whole = scanned(text.replace("318/TĐ.V/RUBXMIY", "318/TB-VPUBND")).document
    assert whole.issuer == "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị"
    # a ward's own paper, dated at its name, keeps its issuer
    own = text.replace("PBND PHUONG AN BIN\nUBND TINRồ8UáïNG›TRỊ\n- VMĂN/EHÒNG\n", "ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH\n")
    own = own.replace("Quảng Trị, ngày", "An Bình, ngày")
    assert scanned(own).document.issuer == "Ủy ban nhân dân phường An Bình"
    # a reviewer: a ward of a city named like its province, dated at the city, with no garbled
    # lines under its name, is its own paper's issuer
    city = ("ỦY BAN NHÂN DÂN\nPHƯỜNG CỐC LẾU\nSố: 112/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLào Cai, ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc điều động công chức\n")
    assert scanned(city).document.issuer == "Ủy ban nhân dân phường Cốc Lếu"


def test_a_short_family_name_a_consonant_off_under_the_seal() -> None:
    """A tester's photocopy: the seal's ring took the R's stem of `Rơ Châm Long` (`nơ Châm
    Long`); the vowel kept its horn, and one family name is a consonant off it."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 286/KH-UBND\nGia Lai, ngày 29 tháng 8 năm 2025\nKẾ HOẠCH\n"
            "Tăng cường công chức\nNơi nhận:\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "nơ Châm Long\n")
    assert scanned(text).document.signer.name == "Rơ Châm Long"
    # unmarked, a short read is many family names' (`lo`: Lò, Lô, Lộ …): no name is made of it
    other = scanned(text.replace("nơ Châm Long", "mo Châm Long")).document.signer
    assert other is None or other.name != "Rơ Châm Long"


def test_a_fax_machines_line_is_never_the_issuer() -> None:
    """A fax: the machine's `FROM: UBND XA YEN THE | FAX: … | PAGE 1/1` over a header a receiving
    stamp garbled was read as the issuer (`From: ủy ban nhân dân xã Yen The …`)."""
    text = ("FROM: UBND XÃ YEN THE | FAX: 0204 871 330 | 03-03-2026 09:12 | PAGE 1/1\n"
            "ỦY BAN NHÂN FANG nọ vụ CỘNG HOAX, HỘI CHỦ NGHĨA VIỆT NAM\nXÃ YÊN TH\n"
            "CONG VĂN DEAS lậu - Tự do - Hạnh phúc\nNyy: Wwuø\nSố: 41/UBND-VƑPChuyen:\n"
            "V/v đề nghị tăng cường công chức\nchuyên môn cho xã\nKinh gui:\nYen The, ngày 02 thắng 03 năm 2026\n"
            "- Uy ban nhan dân tỉnh Bắc Ninh;\n- Sở Nội vụ tỉnh Bắc Ninh.\n")
    issuer = scanned(text).document.issuer or ""
    assert not issuer.lower().startswith("from") and "yen the" not in issuer.lower()


def test_a_short_place_read_two_letters_off_word_for_word_is_the_issuers() -> None:
    """A stamp's ink over a province's short name, read word for word two letters off (`Sen Lo`
    for `Sơn La`): one letter off as a whole is all a short name allowed, and it was dropped as
    unreadable. Each word opening on the name's letter, it is the issuer's. A place read as one
    on the lists stays as read (`Hà Nội` beside an issuer `Hà Nam`)."""
    def header(place: str, province: str) -> str:
        return (f"ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: 208/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                f"Độc lập - Tự do - Hạnh phúc\n{place}, ngày 4 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
                "Về việc điều động công chức\nĐiều 1. Nội dung.\n")
    assert scanned(header("Sen Lo", "SƠN LA")).document.place == "Sơn La"
    assert scanned(header("Hà Nội", "HÀ NAM")).document.place == "Hà Nội"


def test_a_rings_arc_read_as_underscores_before_the_place_is_no_part_of_it() -> None:
    """A seal's arc over the date line's start read `_..` before the province's name."""
    text = "SỞ NỘI VỤ\nSố: 12/SNV-TCBC\n_.. Gia Lai, ngày 12 tháng 3 năm 2026\nV/v cử công chức\nNội dung.\n"
    assert extract_facts([PageText(1, text, "ocr", ocr_confidence=0.8)]).document.place == "Gia Lai"


def test_a_committees_symbol_a_letter_off_with_the_issuer_lines_lost() -> None:
    """A fax garbled a city committee's lines past naming a body and read `TB-HĐHD`: with no
    issuer to prescribe the symbol, the committee's it misses by one letter is taken and the
    clerk told; a department's symbol no committee's is left as read."""
    def facts(number: str) -> Facts:
        text = (f"ỦY BẠN NHÂN Dị tủ PHAP\nTHÀNH PHO HAL\nSố: {number}\nGia Lai, ngày 11 tháng 3 năm 2026\n"
                "THÔNG BÁO\nKết luận của Chủ tịch tại cuộc họp\nNội dung.\n")
        return extract_facts([PageText(1, text, "ocr", ocr_confidence=0.7)])

    mended = facts("87/TB-HĐHD")
    assert mended.document.number == "87/TB-HĐND"
    assert any("HĐND" in w and "check" in w for w in mended.warnings)
    assert facts("87/TB-SNNMT").document.number == "87/TB-SNNMT"
    assert facts("15/UBHD-VP").document.number == "15/UBND-VP"
    # a recruitment board's own symbol is a letter off `HĐND`, not by a lookalike: as read
    assert facts("15/TB-HĐTD").document.number == "15/TB-HĐTD"


def test_a_committees_symbol_mended_keeps_the_numbers_own_form() -> None:
    from dispatch_reader.extract.docnumber import DocNumber, committee_symbol_misread

    party = DocNumber(text="12-TB/UBHD", number="12", year=None, parts=("TB", "UBHD"))
    assert committee_symbol_misread(party).text == "12-TB/UBND"


def test_a_stamps_title_scrap_above_a_damaged_committee_line_is_no_part_of_it() -> None:
    """A tester's copy: the receiving stamp's title left a word (`VIÊN`) on a line of its own
    above the committee's, whose `NHÂN DÂN` the stamp's side garbled (`NHAM DÂ`): the scrap
    was read as the body's first word and no committee was told."""
    text = ("VIÊN\nỦY BAN NHAM DÂ\nTỈNH GIA LAI\nSố: 2915/UBND-VX\nGia Lai, ngày 14 tháng 9 năm 2025\n"
            "V/v cử công chức tăng cường\nKính gửi: Sở Nội vụ\nNội dung.\n")
    doc = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.7)]).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Gia Lai"


def test_a_title_with_a_copys_specks_after_it_or_between_its_words() -> None:
    """A copy of a copy's toner: a quote read after the title (`KẾ HOẠCH”`), a stop between its
    words (`TỜ. TRÌNH`); the title is found and the subject under it read. A list item's dash
    before a title still makes it an item."""
    from dispatch_reader.extract.doctypes import type_for_title

    assert type_for_title("KẾ HOẠCH”") == type_for_title("KẾ HOẠCH") is not None
    assert type_for_title("TỜ. TRÌNH") == type_for_title("TỜ TRÌNH") is not None
    assert type_for_title("- TỜ TRÌNH") is None
    text = ("ỦY BAN NHÂN DÂN\nXÃ TIÊN DU\nSố: 44/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nTiên Du, ngày 12 tháng 3 năm 2026\nKẾ HOẠCH”\n"
            "Tiếp nhận công chức tăng cường năm 2026\nThực hiện Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(text).document
    assert (doc.doc_type, doc.subject) == ("plan", "Tiếp nhận công chức tăng cường năm 2026")


def test_a_copys_quote_and_colons_in_a_subject_are_specks() -> None:
    """A copy of a copy's toner read as a closing quote glued to a word with none opened
    (`cho” Phòng`), or a colon ending the subject: no subject's wording. A quotation the subject
    opens keeps its quotes (however it opens them), and a colon inside it stays."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ TIÊN DU\nSố: 51/UBND-VP\nV/v {subject}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nTiên Du, ngày 12 tháng 3 năm 2026\nKính gửi: Sở Nội vụ.\n"
            "Ủy ban nhân dân xã Tiên Du đề nghị như sau.\n")
    for read, meant in (("cử kế toán cho” Phòng Kinh tế xã Tiên Du:", "cử kế toán cho Phòng Kinh tế xã Tiên Du"),
                        ("góp ý dự thảo: quy định chức năng", "góp ý dự thảo: quy định chức năng"),
                        ("triển khai “Ngày hội” tiếp nhận công chức", "triển khai “Ngày hội” tiếp nhận công chức"),
                        ("triển khai „Ngày hội” tiếp nhận công chức", "triển khai „Ngày hội” tiếp nhận công chức")):
        assert scanned(text.format(subject=read)).document.subject == meant, read


def test_a_committees_level_line_alone_under_a_stamp() -> None:
    # the committee's first line lost under a receiving stamp's ink, its level line read a
    # letter off; the number's symbol says a committee, the date line names the commune
    lines = "{first}XÃ MƯỜNG K)OA\nSố: 31/BC-{body}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" \
            "Mường Khoa, ngày 5 tháng 3 năm 2026\nBÁO CÁO\nKết quả tiếp nhận công chức tăng cường\n" \
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh.\n"
    doc = scanned(lines.format(first="", body="UBND")).document
    assert (doc.issuer, doc.place) == ("Ủy ban nhân dân xã Mường Khoa", "Mường Khoa")
    # a council's paper (`HĐND`): its first line is not the committee's to guess
    doc = scanned(lines.format(first="", body="HĐND")).document
    assert doc.issuer != "Ủy ban nhân dân xã Mường Khoa" and doc.place == "Mường Khoa"


def test_a_date_line_whose_places_word_a_stamp_wore_to_figures() -> None:
    # `Lâm Đồng` read `Lâm 06` under a stamp's ink: the date is the line's all the same, the
    # place the issuer's province whose name it is word for word but for the worn word
    lines = "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 77/SNV-CCVC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
            "Độc lập - Tự do - Hạnh phúc\n{line}\nV/v cử công chức tăng cường cho xã\n" \
            "Kính gửi: Ủy ban nhân dân các xã.\n"
    doc = scanned(lines.format(line="Lâm 06, ngày 12 tháng 3 năm 2026")).document
    assert (doc.issued_date, doc.place) == ("2026-03-12", "Lâm Đồng")
    # its words worn too, to the line's skeleton
    doc = scanned(lines.format(line="Lâm 06, ngàv 12 thxirg 3 năm 2026")).document
    assert (doc.issued_date, doc.place) == ("2026-03-12", "Lâm Đồng")
    # another province's name beside it: the date stays, the worn place is no place
    doc = scanned(lines.replace("LÂM ĐỒNG", "SƠN LA").format(line="Lâm 06, ngày 12 tháng 3 năm 2026")).document
    assert (doc.issued_date, doc.place) == ("2026-03-12", None)
    # a room's number is no worn word (three figures), nor is a place of figures alone; a
    # district or ward named by its figure (`Quận 3`) is no worn place of the list
    doc = scanned(lines.format(line="Phòng 305, ngày 12 tháng 3 năm 2026")).document
    assert doc.place != "Phòng 305"
    from dispatch_reader.extract.header import _place_worn

    assert _place_worn("Lâm 06,") and not _place_worn("Quận 3,") and not _place_worn("Phường 1,")


def test_a_communes_committee_over_a_department_is_a_stamps() -> None:
    # a department is the province's: the receiving commune's stamp read over its lines is no
    # parent body (a province's committee over it stays)
    lines = "{parent}\nSỞ NỘI VỤ\nSố: 12/SNV-CCVC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" \
            "Lạng Sơn, ngày 3 tháng 3 năm 2026\nV/v cử công chức tăng cường cho xã\nKính gửi: Ủy ban nhân dân các xã.\n"
    doc = scanned(lines.format(parent="UBND XÃ NA SẦM")).document
    assert (doc.issuer, doc.issuer_parent) == ("Sở Nội vụ", None)
    doc = scanned(lines.format(parent="UBND TỈNH LẠNG SƠN")).document
    assert (doc.issuer, doc.issuer_parent) == ("Sở Nội vụ", "UBND TỈNH LẠNG SƠN")


def test_a_wards_name_read_without_its_marks_is_the_listed_one() -> None:
    # a date line's ward read with its marks lost: the one unit the list spells with those
    # letters; letters two units share (another level's, with other marks) are left as read
    lines = "ỦY BAN NHÂN DÂN\nPHƯỜNG {unit}\nSố: 14/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
            "Độc lập - Tự do - Hạnh phúc\n{place}, ngày 5 tháng 3 năm 2026\nBÁO CÁO\nKết quả tiếp nhận công chức\n" \
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh.\n"
    doc = scanned(lines.format(unit="GIẢNG VÕ", place="Giang Vo")).document
    assert doc.place == "Giảng Võ"
    from dispatch_reader.extract.issuer_snap import respell_unit

    assert respell_unit("Muong Khoa") == "Mường Khoa" and respell_unit("Mường Khoa") is None
    assert respell_unit("Thanh Hoa") is None  # tỉnh Thanh Hóa, xã Thanh Hòa


def test_a_receiving_stamps_label_read_before_the_departments_name() -> None:
    # the province's stamp over a department's header: its `Chuyển:` blank and the
    # department's line read as one, or the label read as a scrap; the name is the header's
    head = "UBND TỈNH CAO BẰNG\nCÔNG VĂN ĐẾN\nSố:.......\n{line}\nSố: 41/TTr-SYT\n"
    rest = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCao Bằng, ngày 9 tháng 3 năm 2026\n"
            "TỜ TRÌNH\nVề việc biệt phái viên chức y tế\nKính gửi: Ủy ban nhân dân tỉnh Cao Bằng\n")
    for line in ("Chuyển:.........SỞ Y TẾ", "qyéh. SỞ Y TẾ"):
        facts = scanned(head.format(line=line) + rest)
        assert facts.document.issuer == "Sở Y tế", line
        assert facts.document.received is None or facts.document.received.forwarded_to is None
    from dispatch_reader.extract.issuer_snap import known_body_after_a_scrap

    # a body's name alone, or after words in capitals, or after a sentence's words, is no such;
    # nor one another body's number stands under (a ministry's paper routed by hand to a Sở)
    symbols = frozenset({"TTr", "SYT"})
    assert known_body_after_a_scrap("SỞ Y TẾ", symbols) == 0
    assert known_body_after_a_scrap("ỦY BAN SỞ Y TẾ", symbols) == 0
    assert known_body_after_a_scrap("Về việc cử công chức của SỞ Y TẾ", symbols) == 0
    assert known_body_after_a_scrap("Chuyển:.........SỞ Y TẾ", frozenset({"BYT", "DP"})) == 0
    ministry = ("BỘ Y TẾ\nĐẾN Số: 123\nChuyển: - SỞ Y TẾ\nSố: 41/BYT-DP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 9 tháng 3 năm 2026\nV/v cử cán bộ\nKính gửi: Các Sở Y tế\n")
    for page in (PageText(1, ministry, method="ocr", ocr_confidence=0.85), PageText(1, ministry)):
        doc = extract_facts([page]).document
        assert (doc.issuer, doc.received.forwarded_to) == ("Bộ Y tế", "- SỞ Y TẾ")


def test_subject_specks_a_quote_opened_a_worn_kinh_gui_and_a_communes_mark() -> None:
    # an opening quote glued to the subject's first word with none closed; the address line
    # under a stamp's ink (`Kt nh gửi:`) ends the subject; a commune after its level word read
    # with a mark wrong is the one the list spells with those letters
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 71/UBND-NC\nV/v “tăng cường công chức cho xã Mường Pòn\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐiện Biên, ngày 9 tháng 3 năm 2026\n"
            "Kt nh gửi: Sở Nội vụ\nthu tực 2 Hạ định số 12/QĐ-UBND ngày 5/01/2026 của Ủy ban nhân dân tỉnh về việc\n"
            "cử công chức tăng cường cho các xã.\n")
    doc = scanned(text).document
    assert doc.subject == "tăng cường công chức cho xã Mường Pồn"
    # a quote that closes stays, its closer read as an opener too (`tộc“`)
    quoted = text.replace("“tăng cường công chức cho xã Mường Pòn", "“tăng cường” công chức cho xã Mường Pồn")
    assert scanned(quoted).document.subject == "“tăng cường” công chức cho xã Mường Pồn"
    quoted = text.replace("“tăng cường công chức cho xã Mường Pòn", "“Ngày hội toàn dân tộc“ năm 2026")
    assert scanned(quoted).document.subject == "“Ngày hội toàn dân tộc“ năm 2026"
    # a letter's `Thân gửi:` is no worn `Kính gửi:`
    from dispatch_reader.extract.header import _worn_kinh_gui

    assert _worn_kinh_gui("kt nh gui: so noi vu") and not _worn_kinh_gui("than gui: dong bao")
    assert not _worn_kinh_gui("nguoi gui: van thu")
    # a commune an archive names as it was before 2025 is no misread of today's (`xã Tiên
    # Phong`, beside today's `Tiền Phong`), nor is one read as spelled elsewhere on the list
    from dispatch_reader.extract.issuer_snap import respell_unit, respell_units_after_levels

    assert respell_units_after_levels("tại xã Tiên Phong và xã Phú Yên") == "tại xã Tiên Phong và xã Phú Yên"
    # each commune of a list after its own level word
    assert respell_units_after_levels("xã Mường Khoa và xã Mường Pòn") == "xã Mường Khoa và xã Mường Pồn"
    assert respell_unit("Tiên Phong") is None and respell_unit("Na Hang") is None
    # a star after a figure is a rating's (`hạng 4 *`)
    starred = text.replace("“tăng cường công chức cho xã Mường Pòn", "công nhận khách sạn hạng 4 * năm 2026")
    assert scanned(starred).document.subject == "công nhận khách sạn hạng 4 * năm 2026"


def test_a_stamps_office_line_read_with_a_slash_is_no_number() -> None:
    # a receiving stamp's office over the header, read with a slash and a letter (`…/K`): no
    # figures, no type; the header's own `Số:` line below is the number
    text = ("SỞ Y TẾ TỈNH CAO BẰNG/K\n¢\nỦY BAN NHÂN DÂN\nXÃ MƯỜNG KHOA\nSố: 12/BC-UBND\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nMường Khoa, ngày 5 tháng 3 năm 2026\n"
            "BÁO CÁO\nKết quả tiếp nhận công chức\nThực hiện Kế hoạch số 3/KH-UBND ngày 10/01/2026.\n")
    assert scanned(text).document.number == "12/BC-UBND"
    # a number's blank left for the hand (`Số:      /UBND-NC`) stays the header's, whatever
    # number a receiving stamp or another line below holds
    for below in ("CÔNG VĂN ĐẾN\nSố: 156/VP\nNgày: 10/3/2026\n", "Số: 12/TTr-SNV\n"):
        blank = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố:       /UBND-NC\n" + below + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\nCao Bằng, ngày 9 tháng 3 năm 2026\nV/v cử cán bộ\nKính gửi: Các sở\n")
        assert scanned(blank).document.number == "/UBND-NC"
        assert extract_facts([PageText(1, blank)]).document.number == "/UBND-NC"


def test_the_body_opening_after_a_speck_ends_the_subject() -> None:
    # a copy's speck read as a quote before the body's first words (`“Thực hiện …`): the body
    # opens there all the same, and the subject ends above it
    text = ("UBND TỈNH ĐIỆN BIÊN\nSỞ Y TẾ\nSố: 17/KH-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nĐiện Biên, ngày 9 tháng 3 năm 2026\nKẾ HOẠCH\n"
            "Cử viên chức y tế hỗ trợ các trạm y tế xã năm 2026\n"
            "“Thực hiện Kế hoạch số 12/KH-UBND ngày 5/01/2026 của Ủy ban nhân dân tỉnh, Sở Y tế\n"
            "ban hành Kế hoạch như sau:\n")
    assert scanned(text).document.subject == "Cử viên chức y tế hỗ trợ các trạm y tế xã năm 2026"


def test_date_line_specks_a_copy_leaves() -> None:
    """Specks a photocopy leaves on the date line: a figure or a sign after the place's comma
    (`Thái Nguyên, 4 ngày …`), an apostrophe glued before the year (`năm'2026`), a figure read
    before the year (`năm 1 2026`); the place-date column read on the number's line with its
    place under a stamp's handwriting (the date kept, no place from the scraps, then the
    province's own name, marked); a long place's level in small letters before a date whose
    month is unreadable (the place kept, no date)."""
    head = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 58/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n{line}\nQUYẾT ĐỊNH\nVề việc điều động công chức\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    for line in ("Thái Nguyên, 4 ngày 17 tháng 3 năm 2026", "Thái Nguyên, ” ngày 17 tháng 3 năm 2026",
                 "Thái Nguyên, ngày 17 tháng 3 năm'2026", "Thái Nguyên, ngày 17 tháng 3 năm 1 2026"):
        doc = scanned(head.format(line=line)).document
        assert (doc.place, doc.issued_date) == ("Thái Nguyên", "2026-03-17"), line
    # two figures after the comma are another column's, not a speck
    assert scanned(head.format(line="Thái Nguyên, 45 ngày 17 tháng 3 năm 2026")).document.place != "Thái Nguyên, 45"
    merged = head.replace("Số: 58/QĐ-UBND\n", "").format(
        line="Số: 58/QĐ-UBND Kf, 3/4 mua leo, ngày 17 tháng 3 năm 1 2026")
    facts = scanned(merged)
    assert (facts.document.number, facts.document.issued_date) == ("58/QĐ-UBND", "2026-03-17")
    assert facts.document.place == "Thái Nguyên" and facts.document.evidence["place"].confidence < 0.9
    city = head.replace("TỈNH THÁI NGUYÊN", "THÀNH PHỐ HỒ CHÍ MINH").format(
        line="Thành phố Hồ Chí Minh, ngày 17 tháng ri 8\n..năm 2026")
    doc = scanned(city).document
    assert (doc.place, doc.issued_date) == ("Thành phố Hồ Chí Minh", None)


def test_a_department_cut_short_is_no_communes_body() -> None:
    """`Sở Xâ` (a department's second word cut short) folds to `so xa`: no commune's body, so
    the date line's province read with a tone misread (`Thái Nguyến`) is respelled."""
    text = ("UBND TỈNH 3k Ngu\nSỞ XÂ\nSố: 21/KH-SXD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nThái Nguyến, ngày 9 tháng 4 năm 2026\nKẾ HOẠCH\n"
            "Hỗ trợ các xã về quy hoạch\nThực hiện chỉ đạo của Ủy ban nhân dân tỉnh.\n")
    assert scanned(text).document.place == "Thái Nguyên"


def test_a_departments_symbol_read_apart_or_a_k_broken_is_mended() -> None:
    """A department's symbol is its initials (`Sở Xây dựng` → SXD): its last part read apart by
    a speck's space (`QĐ-S X'D`) is mended to them, flagged; a K's stem read apart from its arms
    (`ICH` for `KH`) under a committee is its type's. Mixed-case words after a space are the
    date column's, never a symbol's."""
    from dispatch_reader.extract.docnumber import mend_symbol
    from dispatch_reader.extract.issuer_snap import department_symbol

    def header(number_line: str, head: str = "UBND TỈNH BẮC NINH\nSỞ XÂY DỰNG\n", title: str = "QUYẾT ĐỊNH") -> str:
        return (f"{head}{number_line}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                f"Bắc Ninh, ngày 2 tháng 6 năm 2026\n{title}\nVề việc biệt phái công chức\n"
                "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    facts = scanned(header("Số: 71/QĐ-S X'D"))
    assert facts.document.number == "71/QĐ-SXD" and facts.document.evidence["number"].confidence < 0.9
    assert scanned(header("Số: 71/QĐ-SXD")).document.number == "71/QĐ-SXD"
    facts = scanned(header("Số: 71/ICH-UBND", head="ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n", title="KẾ HOẠCH"))
    assert facts.document.number == "71/KH-UBND"
    assert department_symbol("Sở Giáo dục và Đào tạo") == "SGDĐT" and department_symbol("Ủy ban nhân dân tỉnh Bắc Ninh") is None
    from dispatch_reader.extract.docnumber import find_header_number

    dn = find_header_number("71/QĐ-S")[0]
    assert mend_symbol(dn, ("QĐ", "SXD"), "X'D") is not None
    from dispatch_reader.extract.header import _capitals_apart

    assert _capitals_apart(" Hà Nội, ngày") == "" and _capitals_apart(" X'D") == "X'D"


def test_a_communes_lines_garbled_its_level_word_read_and_its_number_a_committees() -> None:
    """A commune's committee under a stamp: its head read past knowing (`Y BN BẢN DÂN`) or
    glued to the stamp's word, its name read as no name (`XÃ' TQWRX`, `XÃ HỎAMLDNH`), its
    level word read, the number a committee's (`…/BC-UBND`): the committee of the commune the
    date line names. A name read as another (`Mường Tè` under `Tân Phong, ngày …`) or a
    province's date line tells nothing so."""
    def header(lines: str, place: str = "Tân Phong", number: str = "31/BC-UBND") -> str:
        return (f"{lines}\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                f"{place}, ngày 5 tháng 3 năm 2026\nBÁO CÁO\nKết quả tiếp nhận công chức tăng cường\n"
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh.\n")
    assert scanned(header("Y BN BẢN DÂN |.\n.©XÃ' TQWRX")).document.issuer == "Ủy ban nhân dân xã Tân Phong"
    assert scanned(header("ỦY BAN NHÂN DÂN\nXÃ HỎAMLDNH")).document.issuer == "Ủy ban nhân dân xã Tân Phong"
    assert scanned(header("ỦY BAN NHÂN DÂN\nXÃ MƯỜNG TÈ")).document.issuer != "Ủy ban nhân dân xã Tân Phong"
    assert scanned(header("Y BN BẢN DÂN |.\n.©XÃ' TQWRX", number="31/BC-HĐND")).document.issuer \
        != "Ủy ban nhân dân xã Tân Phong"
    assert scanned(header("ỦY BAN NHÂN DÂN\nXÃ HỎAMLDNH", place="Lai Châu")).document.issuer \
        != "Ủy ban nhân dân xã Lai Châu"


def test_a_departments_line_lost_the_committees_above_it_read_as_the_issuer() -> None:
    """`UBND TỈNH …` read garbled over a department whose line a stamp took: the number's
    symbol is the department's (`…/TTr-SXD`), so the issuer is that department, told and
    marked; a committee's own number (`…/TTr-UBND`) keeps the committee."""
    def header(number: str) -> str:
        return ("UBNĐ TA HỌAN NG —\nSố: " + number + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nHưng Yên, ngày 3 tháng 12 năm 2025\nTỜ TRÌNH\n"
                "Về việc biệt phái viên chức đến các xã\nKính gửi: Ủy ban nhân dân tỉnh.\n")
    facts = scanned(header("58/TTr-SXD"))
    assert facts.document.issuer == "Sở Xây dựng"
    assert any(w.startswith("issuer read as 'Ủy ban nhân dân") and "'Sở Xây dựng'" in w for w in facts.warnings)
    assert scanned(header("58/TTr-UBND")).document.issuer != "Sở Xây dựng"


def test_a_level_line_alone_under_a_committees_head_read_with_the_motto() -> None:
    """The committee's head line read into the motto beside it (`ỦY BAN NHÂN BAN nhu "CỘNG
    HÒA …`) and left out of the issuer, the level line alone taken, a stamp's `ĐẾN` after it:
    the committee of that level line, whatever the number says; a sentence in small letters
    above (`Ủy ban nhân dân xã đề nghị`) is no head."""
    def header(above: str, level: str = "XÃ HÒA PHÚ") -> str:
        return (f"{above} \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{level}\nSố: 61UBND-V?\n"
                "V/v đề nghị tăng cường công chức\nĐộc lập - Tự do - Hạnh phúc\n"
                "Hòa Phú, ngày 12 tháng 01 năm 2026\nKính gửi: Ủy ban nhân dân tỉnh.\n")
    assert scanned(header("ỦY BAN NHÂN BAN nhu")).document.issuer == "Ủy ban nhân dân xã Hòa Phú"
    assert scanned(header("ỦY BAN NHÂN ĐÂN c„„.;¡/CŠ112", "TỈNH THÁI NGUYÊN ĐẾN")).document.issuer \
        == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert scanned(header("Ủy ban nhân dân xã đề nghị")).document.issuer != "Ủy ban nhân dân xã Hòa Phú"


def test_a_subjects_first_line_ending_on_a_speck_colon_wraps_on() -> None:
    """`Về việc …, viên chức:` over `đến công tác tại …` (a copy's speck glued as a colon): the
    subject wraps on below; a sentence announcing what follows (`… như sau:`) is the body's. An
    en dash read as an em dash (`văn hóa — xã hội`) is the en dash."""
    head = ("UBND TỈNH NINH BÌNH\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\nSố: 88/QĐ-BQL\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nNinh Bình, ngày 4 tháng 5 năm 2026\nQUYẾT ĐỊNH\n{subject}\n"
            "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH NINH BÌNH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    doc = scanned(head.format(subject="Về việc cử công chức văn hóa — xã hội, viên chức:\nđến làm việc tại xã Gia Viễn")).document
    assert doc.subject == "Về việc cử công chức văn hóa – xã hội, viên chức đến làm việc tại xã Gia Viễn"
    doc = scanned(head.format(subject="Về việc cử công chức, Ban quyết định như sau:\nđến làm việc tại xã Gia Viễn")).document
    assert doc.subject is None or "đến làm việc" not in doc.subject


def test_a_departments_so_read_a_mark_off_in_a_subject() -> None:
    """`Sử Xây dựng`, `Sơ Nội vụ` in an OCRed subject: a known department's name after a
    capital S-word a letter off `Sở` is the department's; a Bộ stays a Bộ."""
    from dispatch_reader.extract.issuer_snap import respell_department_heads

    assert respell_department_heads("điều động công chức về Sử Xây dựng làm việc") == \
        "điều động công chức về Sở Xây dựng làm việc"
    assert respell_department_heads("theo đề nghị của Sơ Nội vụ") == "theo đề nghị của Sở Nội vụ"
    assert respell_department_heads("Bộ Y tế và lịch sử y tế") == "Bộ Y tế và lịch sử y tế"
    text = ("UBND TỈNH HÀ TĨNH\nSỞ XÂY DỰNG\nSố: 12/QĐ-SXD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Tĩnh, ngày 4 tháng 5 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc thu hồi công chức biệt phái về Sử Xây dựng\nGIÁM ĐỐC SỞ XÂY DỰNG\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert scanned(text).document.subject == "Về việc thu hồi công chức biệt phái về Sở Xây dựng"


def test_a_numbers_slash_read_as_an_apostrophe_and_its_hyphen_as_a_stop() -> None:
    """A phone photo's blur: `Số: 57'KH.SXD` is `57/KH-SXD` when every part is a known
    symbol's (a department's initials among them); scraps so read stay no number."""
    from dispatch_reader.extract.docnumber import slash_read_as_bracket

    text = ("UBND TỈNH HÀ TĨNH\nSỞ XÂY DỰNG\nSố: 57'KH.SXD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Tĩnh, ngày 4 tháng 5 năm 2026\nKẾ HOẠCH\n"
            "Hỗ trợ các xã về quy hoạch\nThực hiện chỉ đạo của Ủy ban nhân dân tỉnh.\n")
    assert scanned(text).document.number == "57/KH-SXD"
    assert slash_read_as_bracket("57'ABQ.XYZ") is None


def test_the_reviewers_misfires_of_the_places_and_symbols_rules() -> None:
    """What a reviewer found the fifty-sixth round's rules doing to right readings: a town's
    `THỊ XÃ …` taken for a commune's `xã`; a district's court, procuracy or Party committee given
    its province's name for a lost place (they date at the district's own); a department's own
    `&` form of its symbol (`SGD&ĐT`) rewritten; a subject's `V/v … đến ngày …` beside the number
    taken for the date line; a commune's office (`Văn phòng HĐND và UBND`) told as the committee's
    `Văn phòng Ủy ban nhân dân`."""
    from dispatch_reader.extract.issuer_snap import committee_from_symbol, dating_place

    def header(lines: str, date_line: str, body: str = "QUYẾT ĐỊNH\nVề việc điều động công chức\n") -> str:
        return (f"{lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{date_line}\n{body}"
                "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    town = scanned(header("ỦY BAN NHÂN DÂN\nTHỊ XÃ PHÚ THỌ\nSố: 58/QĐ-UBND", "Phú Thọ, ngày 17 tháng 3 năm 2024"))
    assert town.document.issuer == "Ủy ban nhân dân thị xã Phú Thọ"
    for issuer, parent in (("Viện kiểm sát nhân dân thành phố Bảo Lộc", "VIỆN KSND TỈNH LÂM ĐỒNG"),
                           ("Tòa án nhân dân huyện Đồng Hỷ tỉnh Thái Nguyên", None),
                           ("Huyện ủy Đức Trọng", "ĐẢNG BỘ TỈNH LÂM ĐỒNG"),
                           ("Trung tâm Y tế huyện Đồng Hỷ", "SỞ Y TẾ TỈNH THÁI NGUYÊN")):
        assert dating_place(issuer, parent) is None, issuer
    assert dating_place("Ủy ban nhân dân thành phố Hà Nội") == "Hà Nội"
    amp = scanned(header("UBND TỈNH THÁI NGUYÊN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/QĐ-SGD&ĐT",
                         "Thái Nguyên, ngày 17 tháng 3 năm 2026"))
    assert amp.document.number == "12/QĐ-SGD&ĐT"
    vv = scanned(header("UBND TỈNH THÁI NGUYÊN\nSỞ NỘI VỤ\nSố: 1234/SNV-NC V/v báo cáo kết quả đến ngày 15 tháng 3 năm 2026",
                        "Thái Nguyên, ngày 17 tháng 3 năm 2026", body="Kính gửi: Ủy ban nhân dân các xã.\n"))
    assert (vv.document.issued_date, vv.document.place) == ("2026-03-17", "Thái Nguyên")
    assert committee_from_symbol(("TB", "VPUBND"), "Tân Hội", "2026-01-05") is None


def test_two_name_words_run_together_are_parted() -> None:
    """The space between two of a name's words lost under a seal's ring (`ThịThanh`): two
    capitalised syllables in one word are two words; an Ê Đê `H’Hen` keeps its own."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 14/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 2 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Biệt phái công chức.\nNơi nhận:\n- Như trên;\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}\n")
    assert scanned(text.format(name="Trịnh ThịMai Hương")).document.signer.name == "Trịnh Thị Mai Hương"
    assert scanned(text.format(name="“Đào VănHùng")).document.signer.name == "Đào Văn Hùng"
    assert scanned(text.format(name="H’Hen Niê")).document.signer.name == "H’Hen Niê"


def test_a_hard_pressed_seals_dots_inside_a_signers_name() -> None:
    """A seal pressed hard over the name leaves dots read inside it: an apostrophe between two
    syllables (`Trịnh Thi'Mai Hương`), a figure between two letters (`Vàng2A Páo`, its A given an
    acute: an H'Mông middle name bears no mark). An Ê Đê `H’Hen` and a Jarai `Kơ'nia` keep theirs."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 14/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 2 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Biệt phái công chức.\nNơi nhận:\n- Như trên;\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}\n")
    assert scanned(text.format(name="Trịnh Thi'Mai Hương")).document.signer.name == "Trịnh Thị Mai Hương"
    assert scanned(text.format(name="Vàng2Á Páo")).document.signer.name == "Vàng A Páo"
    assert scanned(text.format(name="H’Hen Niê")).document.signer.name == "H’Hen Niê"
    assert scanned(text.format(name="Y Kơ'nia Mlô")).document.signer.name == "Y Kơ'nia Mlô"
    # a Bahnar word's own apostrophe after marked letters no Kinh name reads so (a reviewer's)
    signer = scanned(text.format(name="Pơ'Loong Plênh")).document.signer
    assert signer is None or signer.name != "Pờ Loong Plênh"


def test_a_special_zone_and_a_commune_read_with_one_tone_slipped() -> None:
    """A special zone (`đặc khu`) is named after its level word as a commune is; a name read
    with one tone as another (a hook read as an acute) in a name no unit ever bore is the one
    listed with those letters; a name some unit bears or bore stays."""
    from dispatch_reader.extract.issuer_snap import respell_units_after_levels

    assert respell_units_after_levels("cử viên chức đến đặc khu Côn Đáo") == "cử viên chức đến đặc khu Côn Đảo"
    assert respell_units_after_levels("đến Đặc khu Phú Quốc") == "đến Đặc khu Phú Quốc"
    assert respell_units_after_levels("xã Mường Pốn") == "xã Mường Pồn"
    assert respell_units_after_levels("xã Mường Khoà") == "xã Mường Khoà"  # a tone added is no slip
    assert respell_units_after_levels("tại xã Tiên Phong") == "tại xã Tiên Phong"
    # a special zone dates its papers at its own name, as a commune does
    from dispatch_reader.extract.issuer_snap import dating_place

    assert dating_place("Ủy ban nhân dân đặc khu Côn Đảo") == "Côn Đảo"


def test_a_laws_term_whose_h_read_as_two_ones_is_cited_whole() -> None:
    # the H of `QH15` read as its two stems (`Q1115`) after a law's year: the law is cited, with
    # its date; a text layer says what it says
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Tĩnh, ngày 5 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc biệt phái\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/Q1115 ngày 16 tháng 6 năm 2025;\n")
    refs = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)]).references
    assert [(r.number, r.date) for r in refs] == [("72/2025/QH15", "2025-06-16")]


def test_an_old_commune_as_offices_wrote_it_is_no_tone_slip() -> None:
    # an archive's commune in the old tone placement (`Hoà`) is the list's spelling in the new,
    # no slip; an old commune whose first words are one tone off today's unit is no slip either:
    # only the whole run of capitalised words is looked up (a reviewer's)
    from dispatch_reader.extract.issuer_snap import respell_units_after_levels

    assert respell_units_after_levels("tại xã Thiệu Hoà") == "tại xã Thiệu Hoà"
    assert respell_units_after_levels("xã Thạnh Thới Thuận và xã Cam Phúc Bắc") == \
        "xã Thạnh Thới Thuận và xã Cam Phúc Bắc"


def test_a_stamps_title_read_letters_off_is_still_the_stamps() -> None:
    """A grey stamp in a faint copy: `CÔNG VĂN ĐẾN` read `CÔNG AN ĐỀN` (its V lost) is the
    stamp's title, its number the received one, and never the issuer (`Công an …` is a body's
    head). A body's own line stays a body's."""
    tail = ("Số: 77/BC-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Minh Sơn, ngày 11 tháng 5 năm 2026\nBÁO CÁO\nKết quả biệt phái công chức\n")
    doc = scanned("CÔNG AN ĐỀN\nSố: 5127\nNgày: 12/5\n" + tail).document
    assert doc.issuer is None and doc.number == "77/BC-VP"
    assert doc.received is not None and doc.received.number == "5127"
    # an outgoing register's `CÔNG VĂN ĐI` is no receiving stamp (a reviewer's)
    sent = scanned("SỞ NỘI VỤ\nCÔNG VĂN ĐI\nSố: 5127\n" + tail).document
    assert sent.received is None
    own = scanned("CÔNG AN TỈNH LÀO CAI\n" + tail.replace("Minh Sơn", "Lào Cai")).document
    assert (own.issuer or "").startswith("Công an tỉnh") and own.received is None


def test_a_cited_number_opening_a_body_line_is_never_the_documents() -> None:
    """A faint copy lost the header's `Số:` line and the start of a body line, which then opens
    `số 96/QĐ-SNV về việc …`: running text's cited decision, in small letters with what it is
    about after it (the line above opened `Phực hiện`, read so), never the document's number (nor
    its type). `Số: 96/QĐ-SNV` is the header's."""
    head = ("UBND TỈNH MINH SƠN\nSỞ NỘI VỤ\nKính gửi: Ủy ban nhân dân các xã\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nMinh Sơn, ngày 06 tháng 4 năm 2026\n"
            "Phực hiện Kế hoạch số 75/KH-UBND của Ủy ban nhân dân tỉnh, Giám đốc Sở đã ban hành Quyết định\n")
    for cited in ("số 96/QĐ-SNV về việc cử 03 công chức", "số 96/QĐ-SNV về cử 03 công chức",
                  "số 96/QĐ-SNV, về việc cử 03 công chức", "số 96/QĐ-SNV phê duyệt danh sách công chức"):
        doc = scanned(head + cited + " tăng cường cho các xã biên giới.\n").document
        assert doc.number is None and doc.doc_type != "decision", cited
    labelled = scanned(head.replace("Kính gửi", "Số: 96/QĐ-SNV\nKính gửi")).document
    assert labelled.number == "96/QĐ-SNV"
    # after a type's name, dated: a body line's cited decision, its line's start blurred away
    # (`iện | Quyết định số …` under a plan's subject whose wrap opens `thực hiện …`)
    plan = ("UBND TỈNH MINH SƠN\nSở NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Minh Sơn, ngày 12 tháng 5 năm 2026\nKẾ HOẠCH\nCử công chức tăng cường hỗ trợ các xã vùng cao\n"
            "thực hiện chính sách dân tộc năm 2026\n"
            "iện | Quyết định số 1719/QĐ-TTg ngày 14 tháng 10 năm 2021 của Thủ tướng Chính phủ\n")
    doc = scanned(plan).document
    assert doc.number is None and doc.issuer != "Thủ tướng Chính phủ"


def test_a_type_letter_read_as_a_colon_inside_the_symbol() -> None:
    """A blurred small `r` read as a colon (`Số: 412/TT:-SNV`): the parse stopped there at a
    real type (`TT`), but no symbol holds a colon; the title's type and the body part read whole
    after it make the number."""
    page = ("UBND TỈNH BẮC NINH\nSỞ NỘI VỤ\nSố: 412/TT:-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 03 tháng 4 năm 2026\nTỜ TRÌNH\n"
            "Về việc tăng cường công chức cho các xã\nKính gửi: Ủy ban nhân dân tỉnh.\n")
    facts = scanned(page)
    assert facts.document.number == "412/TTr-SNV"
    assert any("412/TT:-SNV" in w and "mended" in w for w in facts.warnings)
    # another body's part after the colon is no garbled type of this one's
    assert scanned(page.replace("TT:-SNV", "TT:-STC")).document.number != "412/TTr-STC"
    # a type read whole with a speck after it is no garbled `TTr` (a reviewer's)
    assert scanned(page.replace("TT:-SNV", "QĐ,-SNV")).document.number != "412/TTr-SNV"


def test_the_number_label_read_with_a_five_for_its_s() -> None:
    """A faint copy's `Số:` read `50;`: with the colon and the figures it is the header's label."""
    page = ("UBND TỈNH ĐỒNG THÁP\nSỞ CÔNG THƯƠNG\n50; 412/SCT-QLTM\nV/v cử công chức tăng cường\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Đồng Tháp, ngày 06 tháng 4 năm 2026\nKính gửi: Ủy ban nhân dân xã Tân Hồng.\n")
    assert scanned(page).document.number == "412/SCT-QLTM"
    # figures with no colon before a number are no label
    assert scanned(page.replace("50; ", "50 ")).document.number != "412/SCT-QLTM"


def test_a_stamps_frame_line_through_the_date_line_read_as_dashes() -> None:
    """A receiving stamp's frame runs through the date line's end: `ngày 09tháng-3 năm 2026 — -`
    (the line glued to the month, a dash after the year). The date is the line's."""
    page = ("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 27/QĐ-SNV Lâm Đồng, ngày 09tháng-3 năm 2026 — -\nQUYẾT ĐỊNH\n"
            "Về việc tăng cường công chức\nCăn cứ Luật Cán bộ, công chức năm 2025;\n")
    doc = scanned(page).document
    assert (doc.number, doc.issued_date, doc.place) == ("27/QĐ-SNV", "2026-03-09", "Lâm Đồng")


def test_a_dash_after_the_month_word_only_with_the_year_on_the_line() -> None:
    from dispatch_reader.extract.datefmt import find_dates

    assert [d.iso for d in find_dates("ngay 09 thang-3 nam 2026")] == ["2026-03-09"]
    assert [d.iso for d in find_dates("ngay 09-thang-3 nam 2026")] == ["2026-03-09"]
    assert [d.iso for d in find_dates("ngay 09 thang-3\nnam 2026") if d.iso] == []


def test_a_cong_vans_symbol_names_its_department_first() -> None:
    """A công văn has no type in its number: the department's symbol opens it (`415/SYT-VP`).
    Its line lost on a photo (`80 Y TẾ` under a fold), the committee's line above it is no
    issuer of the department's own number."""
    page = ("UBND TỈNH LÂM ĐỒNG\n80 Y TẾ\nSố: 415/SYT-VP\nV/v cử viên chức tăng cường cho các xã\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Lâm Đồng, ngày 15 tháng 4 năm 2026\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng.\n")
    doc = scanned(page).document
    assert doc.issuer == "Sở Y tế"
    # the committee's own công văn keeps its committee
    assert scanned(page.replace("415/SYT-VP", "415/UBND-VP")).document.issuer != "Sở Y tế"


def test_a_thin_one_read_apart_from_the_numbers_figures() -> None:
    """`Số: 1 185/TTr -SNV` on a faint copy: the first 1 read apart is the number's."""
    page = ("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 1 185/TTr -SNV Lâm Đồng, ngày 08 tháng 6 năm 2026\nTỜ TRÌNH\nVề việc điều động công chức\n")
    assert scanned(page).document.number == "1185/TTr-SNV"
    # another figure before the number is no part of it (a stamp's); nor is a 1 before a leading
    # 0 or before four figures (a reviewer's: a stroke before `01/2026/…`)
    assert scanned(page.replace("1 185/", "7 185/")).document.number != "7185/TTr-SNV"
    assert scanned(page.replace("1 185/TTr", "1 01/2026/TTr")).document.number != "101/2026/TTr-SNV"
    assert scanned(page.replace("1 185/", "1 1234/")).document.number != "11234/TTr-SNV"


_DEPARTMENT_LOST = (
    "UBND TỈNH LÀO CAI\n{lost}\nSố: 41/QĐ-S1 ;\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lào Cai, ngày 12 tháng 02 năm 2026\nQUYẾT ĐỊNH\nVề việc biệt phái công chức đến các xã\n"
    "{enacting}\nCăn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;\n"
    "Theo đề nghị của Trưởng phòng Tổ chức cán bộ.\nQUYẾT ĐỊNH:\nĐiều 1. Biệt phái 02 công chức.\n")


@pytest.mark.parametrize("enacting", ["- GIÁM ĐỐC SỞ TÀI CHÍNH", "Q. GIÁM ĐỐC SỞ TẢI CHÍNH"])
def test_a_decisions_enacting_line_names_its_department_when_the_header_line_is_lost(enacting: str) -> None:
    doc = scanned(_DEPARTMENT_LOST.format(lost="„: Ee x ¡", enacting=enacting)).document
    assert doc.issuer == "Sở Tài chính"
    assert doc.issuer_parent == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert "GIÁM ĐỐC" in doc.evidence["issuer"].quote


def test_a_committees_decision_and_a_proposal_in_its_preamble_keep_the_committee() -> None:
    text = _DEPARTMENT_LOST.format(lost="", enacting="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI").replace(
        "41/QĐ-S1 ;", "41/QĐ-UBND").replace("Trưởng phòng Tổ chức cán bộ", "Giám đốc Sở Tài chính")
    assert scanned(text).document.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    # a line of the preamble (after `Căn cứ`) that opens on a head's title is no enacting line
    text = text.replace("Theo đề nghị của Giám đốc Sở Tài chính", "GIÁM ĐỐC SỞ TÀI CHÍNH")
    assert scanned(text).document.issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_a_hands_figures_above_the_letterhead_are_no_number_before_the_headers_own() -> None:
    text = ("7 / K\nUBND TỈNH LÀO CAI\nBAN QUẢN LÝ DỰ ÁN\nSố: 28/QĐ-BQLDA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLào Cai, ngày 3 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc cử viên chức đến các xã\n")
    facts = scanned(text)
    assert facts.document.number == "28/QĐ-BQLDA"
    assert not any("7/K" in w and "by hand" in w for w in facts.warnings)
    # a công văn's number with its label lost, no type of its own, stays before a cited one
    text = ("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ\n45/SNV-CCVC\nV/v cử công chức\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Lào Cai, ngày 3 tháng 3 năm 2026\nKính gửi: Ủy ban nhân dân các xã\n")
    assert scanned(text).document.number == "45/SNV-CCVC"


_COMMITTEE_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 215/QĐ-{symbol}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nLào Cai, ngày 12 tháng 02 năm 2026\nQUYẾT ĐỊNH\n")
_ENACTED = "QUYẾT ĐỊNH:\nĐiều 1. Bổ nhiệm ông Nguyễn Văn A.\n"


@pytest.mark.parametrize("symbol, middle", [
    # a subject wrapped onto a department head's title, under the committee's own number
    ("UBND", "Về việc bổ nhiệm ông Nguyễn Văn A giữ chức\nGiám đốc Sở Tư pháp\n"
             "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nCăn cứ Luật Cán bộ, công chức;\n"),
    # ... in capitals, the committee's enacting line under it
    ("UB", "VỀ VIỆC BỔ NHIỆM LẠI\nGIÁM ĐỐC SỞ NỘI VỤ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nCăn cứ Luật;\n"),
    # a preamble opening after a bullet, a proposal's head wrapped onto the next line
    ("UB", "Về việc phê duyệt kế hoạch\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\n- Căn cứ Luật Tổ chức chính quyền địa phương;\n"
           "- Xét đề nghị của\nGIÁM ĐỐC SỞ TÀI CHÍNH\n"),
])
def test_a_department_heads_title_outside_the_enacting_line_keeps_the_committee(symbol: str, middle: str) -> None:
    doc = scanned(_COMMITTEE_HEADER.format(symbol=symbol) + middle + _ENACTED).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_a_departments_symbol_outweighs_another_departments_enacting_line() -> None:
    text = _DEPARTMENT_LOST.format(lost="„: Ee x ¡", enacting="GIÁM ĐỐC SỞ TƯ PHÁP").replace("41/QĐ-S1 ;", "41/QĐ-SYT")
    assert scanned(text).document.issuer == "Sở Y tế"


def test_a_title_after_a_stamps_scraps_read_as_syllables() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ MINH SƠN\n7! 4UKHvp-\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Minh Sơn, ngày 4 tháng 3 năm 2026\nTa và. Bồ vì KẾ HOẠCH\nTiếp nhận công chức tăng cường\n"
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh.\n")
    doc = scanned(text).document
    assert doc.doc_type == "plan"
    assert doc.subject == "Tiếp nhận công chức tăng cường"


def test_a_date_line_with_a_stamps_scraps_among_its_words_is_read_and_flagged() -> None:
    from dispatch_reader.extract.confidence import MENDED, repairs

    text = ("BỘ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/2026/TT-BTP\n"
            "Hà Nội, ngày 17 tháng 4 ơi năm tả N 2026\nTHÔNG TƯ\nQuy định chế độ báo cáo\n")
    doc = scanned(text).document
    assert (doc.issued_date, doc.place) == ("2026-04-17", "Hà Nội")
    assert repairs("issued_date", doc, doc.evidence["issued_date"]) == MENDED  # a guess to check
    # the same words after no place's name are no date line
    assert scanned(text.replace("Hà Nội, ngày", "học sinh, ngày")).document.issued_date is None


def test_the_mottos_closing_words_split_off_on_the_issuers_line_are_no_issuers() -> None:
    """`ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI !›HỦ | VIỆT NAM` under a receiving stamp's lines: its
    ink garbled `CHỦ NGHĨA` and a gap set `VIỆT NAM` apart; it is the motto's, not the commune
    committee's name. A body whose own name ends on `VIỆT NAM`, left of the motto, keeps it."""
    text = ("UBND TỈNH\nCÔNG here ĐỀN\n{first}\nXÃ TÂN LẬP | Độc lập - Tự do - Hạnh phúc\nSố: 15/TB-UBND\n"
            "Tân Lập, ngày 03 tháng 3 năm 2026\nTHÔNG BÁO\nPhân công nhiệm vụ công chức\n")
    doc = scanned(text.format(first="ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI !›HỦ | VIỆT NAM")).document
    assert doc.issuer == "Ủy ban nhân dân xã Tân Lập"
    body = ("BẢO HIỂM XÃ HỘI VIỆT NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 15/TB-BHXH\nHà Nội, ngày 03 tháng 3 năm 2026\nTHÔNG BÁO\nPhân công nhiệm vụ công chức\n")
    assert scanned(body).document.issuer == "Bảo hiểm xã hội Việt Nam"
    # a body's name wrapped beside the tagline, or after the motto read whole, keeps its close
    bank = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | NGÂN HÀNG NHÀ NƯỚC\nĐộc lập - Tự do - Hạnh phúc | VIỆT NAM\n"
            "Số: 15/NHNN-TTGSNH | Hà Nội, ngày 03 tháng 3 năm 2026\nV/v báo cáo\n")
    assert scanned(bank).document.issuer == "Ngân hàng Nhà nước Việt Nam"
    jurists = ("HỘI LUẬT GIA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "Số: 15/HLG | Hà Nội, ngày 03 tháng 3 năm 2026\nV/v báo cáo\n")
    assert scanned(jurists).document.issuer == "Hội Luật gia Việt Nam"


def test_a_national_bodys_country_is_cased_as_a_place_and_what_follows_runs_on_small() -> None:
    from dispatch_reader.extract.casing import proper_case_body

    assert proper_case_body("BẢO HIỂM XÃ HỘI VIỆT NAM") == "Bảo hiểm xã hội Việt Nam"
    assert proper_case_body("HỘI NÔNG DÂN VIỆT NAM TỈNH LÂM ĐỒNG") == "Hội Nông dân Việt Nam tỉnh Lâm Đồng"
    assert proper_case_body("VIỆN VIỆT NAM HỌC") == "Viện Việt Nam học"
