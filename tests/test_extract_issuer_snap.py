"""A damaged OCR issuer snapped to a name a body really has (issue 11): the committee's head
words within a few letters, its place a unit of the official list at that level; a known
department with words glued after it. Nothing is snapped where the text is fine or two
readings are possible."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.issuer_snap import snap_issuer
from dispatch_reader.ingest.pages import PageText


@pytest.mark.parametrize("printed, place, snapped", [
    ("Uy.ran nhan dan tỉnh Phú Thọ", "Phú Thọ", "Ủy ban nhân dân tỉnh Phú Thọ"),
    ("Ty ran nhân nan tỉnh Phú Thọ", None, "Ủy ban nhân dân tỉnh Phú Thọ"),
    ("Ủy ban nhân dân tỉnh Son La", "Sơn La", "Ủy ban nhân dân tỉnh Sơn La"),
    ("Ủy ban nhân dân Tính:phú tho", None, "Ủy ban nhân dân tỉnh Phú Thọ"),
    ("Ủy ban nhân dân tỉnh Lào Cai Công Văn đến", None, "Ủy ban nhân dân tỉnh Lào Cai"),
    ("Ủy ban nhân dân xã Tân Phong Tm. Ủy Ban", None, "Ủy ban nhân dân xã Tân Phong"),
    ("Văn phòng Ủy ban nhân dân tỉnh Lai Chau", None, "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"),
    ("Ủy ban nhân dân", "Cao Bằng", "Ủy ban nhân dân tỉnh Cao Bằng"),  # the province line lost
    ("Ủy ban nhân dâ", "Sơn La", "Ủy ban nhân dân tỉnh Sơn La"),  # and a letter of the head
    ("Sở Nội vụ quyết định", None, "Sở Nội vụ"),
    ("Sở Nông nghiệp và Môi trường ing", None, "Sở Nông nghiệp và Môi trường"),
    ("Chính phủ Cộng:hờa:xã hội", None, "Chính phủ"),  # the motto glued on
    ("ˆ€hính phủ oo", None, "Chính phủ"),  # a letter lost to a speck
    ("Bộ Nội vu xyz", None, "Bộ Nội vụ"),
    ("Ủy ban nhân dân tỉnh Laeshau", None, "Ủy ban nhân dân tỉnh Lai Châu"),  # two letters off one province
    ("Ủy bán nhân hân _tỉnhcaobằng", None, "Ủy ban nhân dân tỉnh Cao Bằng"),  # the level word glued on
    ("Ủy ban nhân dân tỉnh Ha Giaag", None, "Ủy ban nhân dân tỉnh Hà Giang"),  # a province before 2025
    # the motto's words woven in, word by word (a copy turned in the copier: augraphy's)
    ("Bộ Cộng nội hòa vụ xã hội", None, "Bộ Nội vụ"),
    ("Cộng hòa Chính phủ xã hội", None, "Chính phủ"),
    ("Bộ Cộng Công hòa an xã hội", None, "Bộ Công an"),  # `Công` is the body's, `Cộng` the motto's
])
def test_damaged_issuers_are_snapped(printed: str, place: str | None, snapped: str) -> None:
    assert snap_issuer(printed, place) == snapped


@pytest.mark.parametrize("printed, place", [
    ("Ủy ban nhân dân tỉnh Lai Châu", "Lai Châu"),  # fine as it is
    ("Hội đồng nhân dân tỉnh Sơn La", None),  # another body, not a damaged committee
    ("Ban Dân tộc tỉnh Lai Châu", None),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La", None),
    ("Ủy ban nhân dân huyện Mù Cang Chải", None),  # a district: not on the new list, kept
    ("Ủy ban nhân dân tỉnh Phù Vân", None),  # no such province: nothing to snap to
    ("Sở Tài chính thành phố Hà Nội", None),
    ("Ủy ban nhân dân", "Tân Phong"),  # many communes bear the name: which cannot be told
    ("Bộ Khoa học và Công nghệ", None),
    ("Ộ Y tế abc", None),  # Bộ Y tế or Sở Y tế: one letter from both, neither chosen
    ("Ủy ban nhân dân tỉnh Hà Giang", None),  # merged in 2025, one letter from no other: kept, not An Giang
    ("Ủy ban nhân dân tỉnh Quảng Bình", None),  # not Quảng Ninh
    ("Ủy ban nhân dân xã Mường Khoaa", None),  # communes are too many to snap one letter off
    ("Bộ Cộng hòa Nội vụ xã Tân", None),  # the motto's words out, a word left that no body has
    ("Bộ hòa Nội Cộng vụ", None),  # the motto's words out of their order: no weave
])
def test_what_is_not_snapped(printed: str, place: str | None) -> None:
    assert snap_issuer(printed, place) is None


def test_only_ocr_text_is_snapped() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SON LA\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSon La, ngày 04 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề việc biệt phái\n")
    ocr = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.9)]).document
    born = extract_facts([PageText(1, text, "text_layer")]).document
    assert ocr.issuer == "Ủy ban nhân dân tỉnh Sơn La"
    assert born.issuer == "Ủy ban nhân dân tỉnh Son La"


def test_the_closest_known_body_when_no_other_is_as_close() -> None:
    """`Bộ Hoa học và Công nghệ` (the K lost on a phone photo, words glued after it or not) is
    one letter from Bộ Khoa học và Công nghệ and two from Sở Khoa học và Công nghệ."""
    from dispatch_reader.extract.issuer_snap import snap_issuer

    assert snap_issuer("Bộ Hoa học và Công nghệ", None) == "Bộ Khoa học và Công nghệ"
    assert snap_issuer("Bộ Hoa học và Công nghệ bkhcn cộng hòa xã Hot", None) == "Bộ Khoa học và Công nghệ"
    assert snap_issuer("Sở Nội vụ", None) is None  # a real body as read stays


def test_a_committee_without_its_place_is_completed_from_the_e_signature_box() -> None:
    """The commune line lost under a stamp (`‘UY BAN NHÂN DAN,`); the e-signature box printed
    on the page names the committee with its commune, OCR having split it into cells. Only on
    OCR pages, with a warning; a box naming another body, or two committees, completes nothing."""
    from dispatch_reader.extract.issuer_snap import issuer_from_e_signature

    text = ("Ký bởi: Uy ban nhâr| dan xã Mường Hum\nEmail: xamuonghum@laocai.gov.vn\n"
            "‘UY BAN NHÂN DAN,\n14/11/\nSố: 317/UBND-VP\nV/v đề nghị biệt phái công chức\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nngày 04 tháng 11 năm 2025\n")
    facts = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.8)])
    assert facts.document.issuer == "Ủy ban nhân dân xã Mường Hum"
    assert any("taken from the e-signature box" in w for w in facts.warnings)
    assert extract_facts([PageText(1, text, "text")]).document.issuer != "Ủy ban nhân dân xã Mường Hum"
    assert issuer_from_e_signature("Ủy ban nhân dân", ["Cổng Thông tin điện tử Chính phủ"]) is None
    assert issuer_from_e_signature("Ủy ban nhân dân", ["Ủy ban nhân dân xã Mường Hum",
                                                        "Ủy ban nhân dân tỉnh Lào Cai"]) is None
    assert issuer_from_e_signature("Ủy ban nhân dân tỉnh Lào Cai", ["Ủy ban nhân dân xã Mường Hum"]) is None


def test_a_committee_whose_place_a_fax_garbled_takes_the_date_lines() -> None:
    from dispatch_reader.extract.issuer_snap import snap_committee

    # a province's committee dates its documents at the province's name
    assert snap_committee("Ủy ban nhân dân tỉnh Conta Ính Syn T A", "Sơn La") == "Ủy ban nhân dân tỉnh Sơn La"
    # a commune's at its own, when one commune or ward of the list bears the name
    assert snap_committee("Ủy ban nhân dân", "Mường Khoa") == "Ủy ban nhân dân xã Mường Khoa"
    # many communes are called Tân Phong: no guess
    assert snap_committee("Ủy ban nhân dân", "Tân Phong") is None
    # a place read whole is never replaced
    assert snap_committee("Ủy ban nhân dân tỉnh Phú Thọ", "Sơn La") == "Ủy ban nhân dân tỉnh Phú Thọ"


def test_a_committee_whose_level_word_a_copier_garbled_before_the_date_lines_place() -> None:
    from dispatch_reader.extract.issuer_snap import snap_committee

    # `xã` read `t a` under a copier's grain, a speck in the head: the scraps are a letter off
    # one level word, and a unit of that level bears the name (Tân Phong is a xã's and a phường's)
    assert snap_committee("Ủy ị bạn nhận dan t a Tân Phong", "Tân Phong") == "Ủy ban nhân dân xã Tân Phong"
    assert snap_committee("Văn phòng Ủy ban nhân dân phwong Tân Phong", "Tân Phong") == \
        "Văn phòng Ủy ban nhân dân phường Tân Phong"
    # a letter alone, scraps like no level word, a name not the date line's: no guess
    assert snap_committee("Ủy ban nhân dân x Tân Phong", "Tân Phong") is None
    assert snap_committee("Ủy ban nhân dân abcd Tân Phong", "Tân Phong") is None
    assert snap_committee("Ủy ban nhân dân t a Tân Phong", "Hà Nội") is None
    # `thị` opens a level no commune is: no head may take it in (`thị xã Sơn Tây`)
    assert snap_committee("Ủy ban nhân dân thị x a Sơn Tây", "Sơn Tây") is None
    assert snap_committee("Ủy ban nhân dân thị xã Sơn Tây", "Sơn Tây") is None
    # read whole, `thị xã` and `thị trấn` are levels of their own, whose committees today's
    # list does not hold: never a commune's (`xã Sơn Tây` is not `thị xã Sơn Tây`)
    assert snap_committee("Ủy ban nhân dân thị xã Sơn Tây", None) is None
    assert snap_committee("Ủy ban nhân dân thị trấn Tân Phong", "Tân Phong") is None
    # an e-signature box naming a town's committee still names the issuer
    from dispatch_reader.extract.issuer_snap import issuer_from_e_signature
    assert issuer_from_e_signature("Ủy ban nhân dân", ["Ủy ban nhân dân thị xã Tân Phong"]) == \
        "Ủy ban nhân dân thị xã Tân Phong"
    # a town whose name no commune bears (before, `xã` was read out of `thị xã`: no such commune, no issuer)
    assert issuer_from_e_signature("Ủy ban nhân dân", ["Ủy ban nhân dân thị xã Phù Vân Đông"]) == \
        "Ủy ban nhân dân thị xã Phù Vân Đông"
    # as the box's line was read, a space before it and two inside it (the reviewer's)
    assert issuer_from_e_signature("Ủy ban nhân dân", [" Ủy ban nhân dân thị trấn  Tân Phong"]) == \
        "Ủy ban nhân dân thị trấn Tân Phong"


def test_a_department_line_a_fax_glued_and_misread_names_the_issuer() -> None:
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.extract.issuer_snap import damaged_body_line
    from dispatch_reader.ingest.pages import PageText

    assert damaged_body_line("_SỬYTẾ")  # Sở Y tế, a letter off; Bộ Y tế two
    assert not damaged_body_line("SỞ Y TẾ") and not damaged_body_line("TỈNH SƠN LA")
    text = ("UBND TÍNH SƠN LA\n_SỬYTẾ\nSố: 812/QĐ-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 10 tháng 9 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái viên chức y tế\nCăn cứ Luật Viên chức;\n")
    doc = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.8)]).document
    assert doc.issuer == "Sở Y tế"


def test_a_province_whose_first_word_a_stamp_took_from_the_date_line() -> None:
    from dispatch_reader.extract.issuer_snap import province_by_last_word

    assert province_by_last_word("arta ® Nội") == "Hà Nội"
    assert province_by_last_word("là. Phong") is None  # Phong is no Phòng: a commune's name
    assert province_by_last_word("ta Giang") is None  # Hà Giang, An Giang, Bắc Giang …
    assert province_by_last_word("Tân Phong") is None  # read whole: nothing to mend
    # a province's whole name after scraps in small letters; a scrap capitalised, or the name
    # itself a letter short, is no such name
    assert province_by_last_word('ra x=" Hải Dương') == "Hải Dương"
    assert province_by_last_word("Ab Hải Dương") is None
    assert province_by_last_word("ra Hải Dươn") is None
    # a level before it: a unit's name as written (a ward named as its province), no scraps
    assert province_by_last_word("phường Lào Cai") is None
    assert province_by_last_word("thành phố Hải Dương") is None
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 798/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\narta ® Nội, ngày 05 tháng 5 năm 2026\nQUYẾT ĐỊNH\n"
            "Kiện toàn Ban Chỉ đạo Trung ương\nCăn cứ Luật Tổ chức Chính phủ;\n")
    assert extract_facts([PageText(1, text, "ocr", ocr_confidence=0.8)]).document.place == "Hà Nội"


def test_a_place_mended_from_its_last_word_is_flagged_for_checking() -> None:
    from dispatch_reader.extract import confidence as c
    from dispatch_reader.ingest.pages import Word

    def page(place: str) -> PageText:
        lines = ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 798/QĐ-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", f"{place}, ngày 05 tháng 5 năm 2026", "QUYẾT ĐỊNH",
                 "Kiện toàn Ban Chỉ đạo Trung ương", "Căn cứ Luật Tổ chức Chính phủ;"]
        words, y = [], 50.0
        for line in lines:
            x = 50.0
            for w in line.split():
                words.append(Word(w, x, y, x + 10 * len(w), y + 12, 0.95))
                x += 10 * len(w) + 6
            y += 20
        return PageText(1, "\n".join(lines), "ocr", ocr_confidence=0.95, words=words)

    mended = extract_facts([page("arta ® Nội")]).document
    read = extract_facts([page("Ha Nội")]).document  # marks restored only
    assert mended.place == read.place == "Hà Nội"
    assert mended.evidence["place"].confidence < c.CONFIDENT <= read.evidence["place"].confidence


def test_a_date_lines_place_a_letter_or_two_off_one_province() -> None:
    from dispatch_reader.extract.issuer_snap import near_province_place

    assert near_province_place("Lào Cổi") == "Lào Cai"  # a ward bears the name too: the same name
    assert near_province_place("Lai Chân") == "Lai Châu"
    assert near_province_place("Lào Cai") is None  # read right: nothing to mend
    # the whole place, not its first words: `Thành phố Hồ Chí Minh` opens two off `Thanh Hóa`
    assert near_province_place("Thành phố Hồ Chí Minh") is None
    assert near_province_place("Tân Phang") is None  # no province that close; a commune may be


def test_a_date_lines_place_near_a_province_and_a_commune_with_the_parent_line_agreeing() -> None:
    """`Gia La` is a letter off the province Gia Lai and the commune Gia Lâm: a department's
    parent line above its name, damaged too (`TỈNH GIA LẠI`), names the province; a parent
    nearer the commune, or naming nothing, leaves the place as read."""
    from dispatch_reader.extract.issuer_snap import near_province_place

    assert near_province_place("Gia La") is None
    assert near_province_place("Gia La", "UBND TỈNH GIA LẠI") == "Gia Lai"
    assert near_province_place("Gia La", "UBND TỈNH GIA LAM") is None
    assert near_province_place("Gia La", "UBND TỈNH") is None


def test_a_committee_line_with_the_motto_read_into_it() -> None:
    """A copy turned in the copier: OCR reads the committee's line and the motto beside it as
    one (`Ủy ban nhân dân Cộng how xã Hộíchủ Nghĩíñvíệtnẩm' O xã Mường Khoa`, augraphy's
    photocopy). The motto's `xã` is no level; the committee is the head and the level and
    name the line ends with. Words that are no motto's (`cộng đồng`) name no committee."""
    assert snap_issuer("Ủy ban nhân dân © cộng hòa xã Tân Phong", "Tân Phong") == "Ủy ban nhân dân xã Tân Phong"
    assert snap_issuer("Ủy ban nhân dân Cộng how xã Hộíchủ Nghĩíñvíệtnẩm' O xã Mường Khoa",
                       "Mường Khoa") == "Ủy ban nhân dân xã Mường Khoa"
    assert snap_issuer("Ủy ban nhân dân Cộng hòa xã hội chủ nghĩa Việt Nam tỉnh Lào Cai",
                       None) == "Ủy ban nhân dân tỉnh Lào Cai"
    assert snap_issuer("Ủy ban nhân dân cộng đồng xã Tân Phong", "Tân Phong") is None


def test_a_known_body_read_a_mark_or_a_speck_off_is_written_as_it_writes_itself() -> None:
    """`Bộ Ké hoạch và Đầu tư_` (augraphy's photocopy of a Gazette page): every letter right,
    a mark slipped and a speck after it; it was left as read. A body spelled right stays."""
    assert snap_issuer("Bộ Ké hoạch và Đầu tư_", None) == "Bộ Kế hoạch và Đầu tư"
    assert snap_issuer("Bộ Kế hoạch và Đầu tư", None) is None
    assert snap_issuer("Sở Nội vụ tỉnh Lào Cai", None) is None  # its province kept


def test_a_reviewers_cases_for_the_motto_read_into_a_committee() -> None:
    """A fresh-eyes reviewer's cases: a word a letter off `Cộng` is no motto (`Long`), and the
    motto's own `xã` opens no commune even where the letters after it spell one (`xã Hội củ`
    … `Hội Cư`): the committee's name ends the line."""
    assert snap_issuer("Ủy ban nhân dân Long xã Tân Phong", None) is None
    assert snap_issuer("Ủy ban nhân dân Cộng hòa xã Hội củ nghĩa Việt Nam phường Hội An",
                       None) == "Ủy ban nhân dân phường Hội An"


def _gazette_header(issuer_lines: str, number: str) -> str:
    return (f"{issuer_lines}\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 29 tháng 6 năm 2023\nTHÔNG TƯ\nHướng dẫn điều chỉnh lương hưu\nCăn cứ Luật;\n")


@pytest.mark.parametrize("lines, number, issuer", [
    # the second line of the ministry's name lost under a receipt stamp (a real PDF's photocopy)
    ("BỘ KẺ HOẠCH", "10/2024/TT-BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    # its two lines read into the motto beside them
    ("BỘ LAO ĐỘNG - THƯƠNG BINS CỘNG HÒA ».A HỘI\nVÀ XÃ HỘI", "06/2023/TT-BLĐTBXH",
     "Bộ Lao động - Thương binh và Xã hội"),
])
def test_a_ministry_read_short_is_the_one_its_numbers_symbol_names(lines: str, number: str, issuer: str) -> None:
    doc = extract_facts([PageText(1, _gazette_header(lines, number), method="ocr", ocr_confidence=0.8)]).document
    assert doc.issuer == issuer


def test_a_body_the_symbol_does_not_open_with_stays_as_read() -> None:
    from dispatch_reader.extract.issuer_snap import central_body_read_short

    # another body's words, or the whole name read right: nothing told
    assert central_body_read_short("Cục Việc làm", ("TT", "BLĐTBXH")) is None
    assert central_body_read_short("Bộ Tài chính", ("TT", "BTC")) is None
    assert central_body_read_short("Bộ Công an và", ("TT", "BCT")) is None


def test_a_long_bodys_name_opened_whole_and_the_rest_garbled_is_that_body() -> None:
    # a photocopy of the ministry's two lines, the motto read into the second; no number to tell it
    assert snap_issuer("Bộ Lao động thuongsina deong my a xã hội", None) == "Bộ Lao động - Thương binh và Xã hội"
    # words after it that no part of its name shares: not this body's garble
    assert snap_issuer("Bộ Lao động quyết định", None) is None
    # a clean reading is another body's own name (a reviewer's cases), and three words alone tell
    # nothing: another body may open so
    for name in ("Bảo hiểm xã hội Việt Nam", "Sở Văn hóa và Thể thao", "Ngân hàng Nhà nước chi nhánh khu vực 5",
                 "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai", "Cổng Thông tin điện tử tỉnh Lào Cai", "Bộ Lao động"):
        assert snap_issuer(name, None) is None, name


def test_a_department_read_whole_is_never_the_ministry_two_letters_off() -> None:
    # `Sở` and `Bộ` are each a kind of body: the department is what was read
    for name in ("Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải"):
        assert snap_issuer(name, None) is None, name
    assert snap_issuer("Bộ Hoa học và Công nghệ", None) == "Bộ Khoa học và Công nghệ"  # a letter lost still mends


def test_a_long_bodys_words_a_stamp_scattered_name_it() -> None:
    # a receipt stamp over the ministry's two lines: OCR read its scraps between the name's words
    assert snap_issuer("Bộ Ng vi an de đọng - Thị lao vaxa hội g bình", None) == "Bộ Lao động - Thương binh và Xã hội"
    # a few of its words (or the motto's `xã hội`) amid scraps are not enough; clean words tell nothing
    for name in ("Bộ Ng vi lao dong binh", "Bộ Lao đg xã hội", "Bộ Nội vụ Cộng hòa xã hội chủ nghĩa",
                 "Bộ Ng vi an xã hội chủ nghĩa Việt Nam"):
        assert snap_issuer(name, None) != "Bộ Lao động - Thương binh và Xã hội", name
    # a clean word after the head word names another body, whose words a place may share (a
    # reviewer's cases: `Nông` of Đắk Nông with `và Môi trường`)
    for name in ("Sở Tài nguyên và Môi trường tỉnh Đắk Nông", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH ĐẮK NÔNG",
                 "SỞ KẾ HOẠCH VÀ ĐẦU TƯ TRƯỜNG CAO ĐẲNG NÔNG NGHIỆP SỐ: 12/ABC-XYZ"):
        assert snap_issuer(name, None) is None, name


@pytest.mark.parametrize(("line", "body"), [
    ("Ma ni Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
    ("NI BỘ TÀI CHÍNH", "Bộ Tài chính"),
])
def test_a_copiers_scraps_before_a_body_read_whole_are_no_part_of_it(line: str, body: str) -> None:
    """Scraps read above the header's first line and taken into it (an augraphy photocopy of a
    real PDF): a word or two too short for any body's name, then a known body whole, to the end."""
    assert snap_issuer(line, None) == body


@pytest.mark.parametrize("line", [
    "AB Sở Nội vụ tỉnh Yên Bái",  # words after the body
    "Vụ Tổ chức cán bộ",  # a short word that opens a body's own name
    "Chính phủ",
])
def test_a_short_word_before_no_whole_body_is_no_scrap(line: str) -> None:
    assert snap_issuer(line, None) is None


def test_a_department_read_short_is_the_one_its_numbers_symbol_spells() -> None:
    """A fax lost a department's last words under a stamp (`SỞ GIÁO DỤC` of `Sở Giáo dục và Đào
    tạo`): its number's symbol is the department's initials, and the one department opening so
    with them is the issuer, the clerk told to check it. Another department's symbol, or none,
    leaves the line as read."""
    from dispatch_reader.extract.issuer_snap import central_body_read_short

    assert central_body_read_short("Sở Giáo dục", ("QĐ", "SGDĐT")) == "Sở Giáo dục và Đào tạo"
    assert central_body_read_short("Sở Khoa học", ("KH", "SKHCN")) == "Sở Khoa học và Công nghệ"
    assert central_body_read_short("Sở Giáo dục", ("QĐ", "SNV")) is None
    assert central_body_read_short("Sở Nội vụ", ("QĐ", "SNV")) is None  # read whole already
    text = ("UBND TỈNH GIA LAI\nSỞ GIÁO DỤC\nSố: 1204/QĐ-SGDĐT\nGia Lai, ngày 12 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái viên chức\nĐiều 1. Nội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n\nTrương Minh Đức\n")
    facts = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.8)])
    assert facts.document.issuer == "Sở Giáo dục và Đào tạo"
    assert any("Sở Giáo dục và Đào tạo" in w and "check" in w for w in facts.warnings)


def test_a_department_whose_second_word_a_stamp_cut_short() -> None:
    """`SỞ NÔ` (the rest of `Sở Nông nghiệp và Môi trường` under a stamp's ink): a word cut
    short opens the department's second word, and the symbol's initials name it; it was
    dropped as naming no body before."""
    from dispatch_reader.extract.issuer_snap import central_body_read_short

    assert central_body_read_short("Sở Nô", ("QĐ", "SNNMT")) == "Sở Nông nghiệp và Môi trường"
    # one letter tells nothing; another department's initials leave it
    assert central_body_read_short("Sở N", ("QĐ", "SNNMT")) is None
    assert central_body_read_short("Sở Nô", ("QĐ", "STC")) is None
    text = ("UBND TỈNH ĐIỆN BIÊN\nSỞ NÔ\nSố: 318/QĐ-SNNMT\nĐiện Biên, ngày 12 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Nội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n\nLò Văn Pánh\n")
    facts = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.8)])
    assert facts.document.issuer == "Sở Nông nghiệp và Môi trường"
    assert any("Sở Nông nghiệp và Môi trường" in w and "check" in w for w in facts.warnings)


def test_a_departments_parent_line_tells_its_damaged_place() -> None:
    """The header reads the parent line (`UBND TỈNH GIA LẠI`, a mark off) over a department's;
    the date line `Gia La` is a letter off the province and a commune alike: the parent tells."""
    text = ("UBND TỈNH GIA LẠI\nSỞ NỘI VỤ\nSố: 12/SNV-TCBC\nGia La, ngày 12 tháng 3 năm 2026\nV/v cử công chức\n"
            "Nội dung.\n")
    assert extract_facts([PageText(1, text, "ocr", ocr_confidence=0.7)]).document.place == "Gia Lai"


def test_a_communes_name_under_a_stamp_is_the_clean_date_lines() -> None:
    from dispatch_reader.extract.issuer_snap import snap_committee, snap_place

    # the committee's level line read a letter off under a stamp's ink, the date line clean: a
    # commune dates its documents at its own name
    assert snap_committee("Ủy ban nhân dân xã Mường Kh0a", "Mường Khoa") == "Ủy ban nhân dân xã Mường Khoa"
    assert snap_committee("Ủy ban nhân dân xã Mường K)oa", "Mường Khoa") == "Ủy ban nhân dân xã Mường Khoa"
    # far off, or a name many communes bear: no guess
    assert snap_committee("Ủy ban nhân dân xã Mường Kh0a", "Mường Than") is None
    assert snap_committee("Ủy ban nhân dân xã Vĩnh Thạnb", "Vĩnh Thạnh") is None
    # and the clean date line keeps its spelling: the damaged one is the issuer's
    assert snap_place("Mường Khoa", "Ủy ban nhân dân xã Mường Kh0a") is None
    # (the other way round the issuer's spelling mends the date line, as before)
    assert snap_place("Mường Kh0a", "Ủy ban nhân dân xã Mường Khoa") == "Mường Khoa"
