"""People: places listed after a level word, list tables whose cell gaps were lost."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.looserows import header_fields, split_glued
from dispatch_reader.ingest.pages import PageText

HEADER = """ỦY BAN NHÂN DÂN
TỈNH MINH SƠN
Số: 231/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Minh Sơn, ngày 10 tháng 10 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức đến làm việc tại các xã
"""

SIGNATURE = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Minh Trí\n"


def test_places_listed_after_a_level_word_are_not_people() -> None:
    text = HEADER + ("Xã Bản Liền được thành lập trên cơ sở nhập các xã Nậm Lúc, Lê Văn Lâm và Hoàng Thu Phố;\n"
                     "bà Lê Thị Hoa, Chủ tịch Ủy ban nhân dân xã, báo cáo.\n") + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text)]).people}
    assert "Lê Văn Lâm" not in names and "Hoàng Thu Phố" not in names
    assert "Lê Thị Hoa" in names  # an honorific vouches for a person after the list
    # the level word with a colon after it, as a recipients' list puts it
    text = HEADER + ("Kính gửi:\n- Ủy ban nhân dân các xã: Nậm Lúc, Lê Văn Lâm, Hoàng Thu Phố.\n"
                     "bà Lê Thị Hoa, Chủ tịch Ủy ban nhân dân xã, báo cáo.\n") + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text)]).people}
    assert "Lê Văn Lâm" not in names and "Hoàng Thu Phố" not in names and "Lê Thị Hoa" in names
    # a reviewer's: after the colon a list of people (its first item a name) stays people
    text = HEADER + "Chủ tịch Ủy ban nhân dân các xã: Nguyễn Văn Hùng, Trần Thị Mai và Lê Văn Nam thi hành.\n" + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text)]).people}
    assert {"Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Nam"} <= names


TABLE = """DANH SÁCH CÔNG CHỨC BIỆT PHÁI
(Kèm theo Quyết định số 231/QĐ-UBND ngày 10/10/2025)
STT Họ và tên
Chức vụ Đơn vị công tác Nơi biệt phái đến
1 Đèo Văn Sáng Chuyên viên Phòng Kế hoạch, UBND xã Nà Hỳ
tài chính
2 Trịnh Thị Bích Chuyên viên Văn phòng Sở UBND xã Chà Tở
Ngọc
3 LầuAPhềnh Phó Trưởng Phòng Quản lý UBND xã Na Sang
phòng đô thị
"""

BODY = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 03 công chức (có danh sách kèm theo) đến làm việc tại Ủy ban nhân dân\n"
        "các xã. Thời gian biệt phái 12 tháng, kể từ ngày 20 tháng 10 năm 2025.\n")


def test_list_table_rows_without_cell_gaps() -> None:
    facts = extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, TABLE)])
    people = {p.name: p for p in facts.people}
    assert {"Đèo Văn Sáng", "Trịnh Thị Bích Ngọc", "Lầu A Phềnh"} <= set(people)
    assert "Trịnh Thị Bích" not in people  # the wrapped cell's last syllable belongs to the name
    assert people["Đèo Văn Sáng"].position == "Chuyên viên"
    assert people["Lầu A Phềnh"].position == "Phó Trưởng phòng"
    sec = {s.person: s for s in facts.secondments}
    assert set(sec) == {"Đèo Văn Sáng", "Trịnh Thị Bích Ngọc", "Lầu A Phềnh"}
    assert all(s.start == "2025-10-20" and s.duration_months == 12 for s in sec.values())
    assert sec["Đèo Văn Sáng"].to_unit == "Ủy ban nhân dân xã Nà Hỳ"
    assert sec["Đèo Văn Sáng"].from_unit == "Phòng Kế hoạch, tài chính"
    for s in sec.values():  # evidence is the page text at its offset
        assert TABLE[s.evidence.start:s.evidence.start + len(s.evidence.quote)] == s.evidence.quote


def test_a_lone_syllable_after_a_hanging_place_is_not_a_name_tail() -> None:
    table = TABLE.replace("2 Trịnh Thị Bích Chuyên viên Văn phòng Sở UBND xã Chà Tở\nNgọc\n",
                          "2 Trịnh Thị Bích Chuyên viên Văn phòng Sở UBND xã Chà\nTở\n")
    people = {p.name for p in extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, table)]).people}
    assert "Trịnh Thị Bích" in people and "Trịnh Thị Bích Tở" not in people


def test_glued_syllables_and_ocr_header_words() -> None:
    assert split_glued("NôngVănPhúc") == ["Nông", "Văn", "Phúc"]
    assert split_glued("ThàoAPáo") == ["Thào", "A", "Páo"]
    assert split_glued("UBND") == ["UBND"]
    assert header_fields("Chứcvụ Đơnvịcôngtác Nơi biệt phái đến") == ["position", "from_unit", "to_unit"]
    assert header_fields("STT Họ và tên Thời gian") == ["row", "name", "period"]
    assert header_fields("Các xã đã được tăng cường") is None


def test_table_with_an_empty_last_column_and_a_name_like_a_unit() -> None:
    table = ("DANH SÁCH VIÊN CHỨC BIỆT PHÁI\n"
             "STT   Họ và tên   Chức vụ   Đơn vị công tác   Nơi biệt phái đến   Thời gian   Ghi chú\n"
             "1   Lù Văn Phòng   Giáo viên   Trường THCS Pa Ham   Xã Mường Mô   01/11/2025 - 30/4/2026\n"
             "2   Tòng Văn Phong   Giáo viên   Trường THPT Sìn Hồ   Xã Noong Hẻo   01/11/2025 - 30/4/2026\n")
    facts = extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, table)])
    sec = {s.person: s for s in facts.secondments}
    assert set(sec) == {"Lù Văn Phòng", "Tòng Văn Phong"}
    assert sec["Tòng Văn Phong"].start == "2025-11-01" and sec["Tòng Văn Phong"].end == "2026-04-30"
    assert sec["Tòng Văn Phong"].from_unit == "Trường THPT Sìn Hồ"


def test_english_bodies_and_abbreviated_honorifics() -> None:
    text = ("Son La, May 4, 2026 - The Department of Health of Son La province has issued Decision No.\n"
            "88/QD-SYT seconding two doctors to border communes. Mr. Lo Van Tien, a doctor at Moc Chau\n"
            "General Hospital, and Mrs. Cam Thi Hoa, a nurse at Thuan Chau Health Centre, were sent to\n"
            "Chieng Khoa commune from May 10.\n")
    facts = extract_facts([PageText(1, text)])
    assert {p.name for p in facts.people} == {"Lo Van Tien", "Cam Thi Hoa"}
    assert {s.person for s in facts.secondments} == {"Lo Van Tien", "Cam Thi Hoa"}


def test_a_field_name_holding_a_stop_word_is_not_cut() -> None:
    """`Phòng Chuyển đổi số`: `số` ends a body name elsewhere (`… số 12/QĐ`), not here."""
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 2974/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc tăng cường công chức\n"
            "Điều 1. Tăng cường các công chức sau đến làm việc tại các xã:\n"
            "1. Ông Hứa Văn Đông, Chuyên viên Phòng Chuyển đổi số, Sở Khoa học và Công nghệ, đến làm việc tại "
            "Ủy ban nhân dân xã Na Rì.\n")
    facts = extract_facts([PageText(1, text, "text_layer")])
    [person] = [p for p in facts.people if p.name == "Hứa Văn Đông"]
    assert (person.position, person.unit) == ("Chuyên viên Phòng Chuyển đổi số", "Sở Khoa học và Công nghệ")
    assert facts.secondments[0].from_unit == "Sở Khoa học và Công nghệ"


def test_a_committee_members_role_from_the_list_label_before_his_position() -> None:
    text = HEADER.replace("biệt phái công chức đến làm việc tại các xã", "kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh") + (
        "Điều 1. Kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh, gồm các thành viên sau đây:\n"
        "1. Trưởng ban Chỉ đạo Trung ương: Phó Chủ tịch Ủy ban nhân dân tỉnh Lai Châu Lò Văn Pấng.\n"
        "2. Phó Trưởng ban: Ông Vàng A Dế, Giám đốc Sở Nội vụ.\n"
        "3. Thường trực: Bà Lê Thị Hoa, Chánh Văn phòng.\n") + SIGNATURE
    people = {p.name: p.position for p in extract_facts([PageText(1, text)]).people}
    assert people["Lò Văn Pấng"] == "Phó Chủ tịch Ủy ban nhân dân tỉnh Lai Châu; Trưởng ban Chỉ đạo Trung ương"
    assert people["Vàng A Dế"] == "Giám đốc Sở Nội vụ; Phó Trưởng ban"
    # a label that is no position's name (`Thường trực:`) adds nothing
    assert people["Lê Thị Hoa"] == "Chánh Văn phòng"


def test_a_sentence_before_a_colon_is_no_committee_role() -> None:
    text = HEADER + ("Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n"
                     "Phó Chủ tịch Ủy ban nhân dân tỉnh Lai Châu Lò Văn Pấng chỉ đạo các sở.\n"
                     "1. Giám đốc Sở Nội vụ báo cáo: Ông Vàng A Dế, Phó Giám đốc Sở Nội vụ.\n") + SIGNATURE
    people = {p.name: p.position for p in extract_facts([PageText(1, text)]).people}
    assert people["Lò Văn Pấng"] == "Phó Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"
    assert people["Vàng A Dế"] == "Phó Giám đốc Sở Nội vụ"


@pytest.mark.parametrize("authority, position", [
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ("TM. CHÍNH PHỦ KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"),
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("TL. BỘ TRƯỞNG", None),  # an official signs by order: any title
    ("TM. BAN CHẤP HÀNH", None),
    (None, None),
])
def test_the_authority_lines_tell_the_signers_title_a_seal_hid(authority: str | None, position: str | None) -> None:
    from dispatch_reader.extract.people import position_from_authority

    assert position_from_authority(authority) == position


def test_a_signer_whose_title_line_was_lost_takes_the_title_the_authority_tells() -> None:

    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 1587/QĐ-UBND\nSơn La, ngày 28 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Biệt phái.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nya ee\nLê Quang Vinh\n")
    facts = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)])
    assert facts.document.signer.title is None  # not read: the record says so
    assert [(p.name, p.position) for p in facts.people] == [("Lê Quang Vinh", "Phó Chủ tịch")]


def test_a_units_comma_glued_to_the_next_word_gets_its_space() -> None:
    """A sealed copy's table cell `Phòng Lao động - Việc làm,Sở Nội vụ`: OCR dropped the space
    after the comma; the unit is the printed one."""
    table = ("DANH SÁCH VIÊN CHỨC BIỆT PHÁI\n"
             "STT   Họ và tên   Chức vụ   Đơn vị công tác   Nơi biệt phái đến   Thời gian   Ghi chú\n"
             "1   Lù Văn Phòng   Chuyên viên   Phòng Lao động - Việc làm,Sở Nội vụ   Xã Mường Mô   01/11/2025 - 30/4/2026\n")
    facts = extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, table)])
    sec = {s.person: s for s in facts.secondments}
    assert sec["Lù Văn Phòng"].from_unit == "Phòng Lao động - Việc làm, Sở Nội vụ"


def test_a_units_body_a_fax_misspelled_is_the_body_as_it_spells_itself() -> None:
    """A fax's `Phòng Xây dựng chính quyền, Sơ NộI vụ` and `Sớ Ty pháp`: the department's part is
    a known body's name a letter or two off, respelled; on a text layer, and where the part is
    more than the body's name, the unit stays as printed."""
    table = ("DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
             "STT   Họ và tên   Chức vụ   Đơn vị công tác   Nơi biệt phái đến   Thời gian   Ghi chú\n"
             "1   Lù Văn Phòng   Chuyên viên   Phòng Xây dựng chính quyền, Sơ NộI vụ   Xã Mường Mô   01/11/2025 - 30/4/2026\n"
             "2   Lò Thị Mai   Chuyên viên   Phòng Hành chính tư pháp, Sớ Ty pháp   Xã Mường Mô   01/11/2025 - 30/4/2026\n"
             "3   Tòng Văn Sơn   Chuyên viên   Sở Ngoại vụ   Xã Mường Mô   01/11/2025 - 30/4/2026\n")
    read = [PageText(1, HEADER + BODY + SIGNATURE, method="ocr", ocr_confidence=0.9),
            PageText(2, table, method="ocr", ocr_confidence=0.9)]
    units = {s.person: s.from_unit for s in extract_facts(read).secondments}
    assert units["Lù Văn Phòng"] == "Phòng Xây dựng chính quyền, Sở Nội vụ"
    assert units["Lò Thị Mai"] == "Phòng Hành chính tư pháp, Sở Tư pháp"
    assert units["Tòng Văn Sơn"] == "Sở Ngoại vụ"  # another body, not `Sở Nội vụ` misread
    typed = {s.person: s.from_unit for s in extract_facts([PageText(1, HEADER + BODY + SIGNATURE),
                                                              PageText(2, table)]).secondments}
    assert typed["Lù Văn Phòng"] == "Phòng Xây dựng chính quyền, Sơ NộI vụ"
    # by the page the unit was read from, not the first page (a scanned annex of a typed decision)
    mixed = {s.person: s.from_unit for s in extract_facts([PageText(1, HEADER + BODY + SIGNATURE),
                                                              read[1]]).secondments}
    assert mixed["Lù Văn Phòng"] == "Phòng Xây dựng chính quyền, Sở Nội vụ"


def test_a_reference_to_the_home_ministrys_local_government_department_keeps_its_d() -> None:
    """`4620/BNV-CQDP` on a copy: the department's symbol is `CQĐP` (number_fixes.tsv)."""
    from dispatch_reader.extract.docnumber import find_header_number

    assert find_header_number("Số: 4620/BNV-CQDP")[0].text == "4620/BNV-CQĐP"


def test_a_continent_or_country_named_like_a_person_is_none() -> None:
    """A circular on workers abroad: a tester found `Châu Đại Dương` (Oceania) stored, searched
    and exported as a person; `Hàn Quốc` opens with a family name too. A person beside them is one."""
    text = HEADER + ("Người lao động đi làm việc tại các nước Châu Đại\nDương, Hàn Quốc và Châu Âu theo hợp đồng;\n"
                     "ông Lò Văn Pấng, Chuyên viên Sở Nội vụ, theo dõi.\n") + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)]).people}
    assert not names & {"Châu Đại Dương", "Hàn Quốc", "Châu Âu"}
    assert "Lò Văn Pấng" in names
    # a person whose name opens as one does is a person (a reviewer's: Quốc and Mỹ are middle names)
    people = HEADER + ("Cử ông Hàn Quốc Tuấn, bà Châu Mỹ Linh và bà Thái Lan Anh, Chuyên viên Sở Nội vụ, "
                       "đến làm việc tại xã Tà Lèng.\n") + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, people, method="ocr", ocr_confidence=0.9)]).people}
    assert {"Hàn Quốc Tuấn", "Châu Mỹ Linh", "Thái Lan Anh"} <= names


_SIGNED = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 2046/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nCao Bằng, ngày 12 tháng 9 năm 2025\nQUYẾT ĐỊNH\n"
           "Về việc biệt phái công chức\nQUYẾT ĐỊNH:\nĐiều 1. Biệt phái Ông Phan Thanh Bình, Chuyên viên "
           "Sở Xây dựng, đến làm việc tại Ủy ban nhân dân phường Thục Phán.\nNơi nhận:\n- Như Điều 1;\n"
           "- CT, các PCT UBND tỉnh;\n- Lưu: VT, NC (Hg).\n{name}\n")


@pytest.mark.parametrize("line, signer", [
    ("Hồ Sỹ I Long", "Hồ Sỹ Long"),  # a stroke of the signature read as a letter
    ("“Bui Văn Hải\nÁ\njZ|", "Bùi Văn Hải"),  # a quote mark glued to the family name, scraps below
])
def test_the_signers_name_line_read_otherwise_as_a_mention_is_one_person(line: str, signer: str) -> None:
    """A fax's signing block, its title lost under the seal: the signer's reading of the name
    line is the one person there, not beside a second `Hồ Sỹ I Long` or `Văn Hải Á`."""
    facts = extract_facts([PageText(1, _SIGNED.format(name=line), method="ocr", ocr_confidence=0.8)])
    assert facts.document.signer.name == signer
    assert [p.name for p in facts.people] == ["Phan Thanh Bình", signer]


@pytest.mark.parametrize("detail", ["sinh ngày 12/4/1984", "sinh năm 1984", "dân tộc Thái", "quê quán xã Yên Thành",
                                    # a reviewer's: details holding commas, or a label's colon
                                    "quê quán xã Diễn Lâm, huyện Diễn Châu, tỉnh Nghệ An",
                                    "sinh ngày 12/4/1984, quê quán: xã Diễn Lâm, tỉnh Nghệ An",
                                    "trú tại thôn 3, xã Môn Sơn, tỉnh Nghệ An",
                                    "trình độ chuyên môn: Đại học, chuyên ngành Xây dựng",
                                    # a tester's: the position's lead words after the details
                                    "sinh năm 1984, hiện là"])
def test_a_persons_own_details_before_the_position_are_passed_over(detail: str) -> None:
    """A tester's decision: `ông Lô Văn Thắng, sinh ngày 12/4/1984, Phó Trưởng phòng …` lost the
    position, the unit and the sending body (the detail stood where the position is looked for)."""
    joint = " " if detail.endswith(" là") else ", "
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Điều động ông Lô Văn Thắng, " + detail + joint + "Phó Trưởng phòng Quản lý xây dựng, "
            "Sở Xây dựng, đến nhận công tác tại Ủy ban nhân dân xã Con Cuông, kể từ ngày 15 tháng 10 năm 2025, "
            "để bố trí thực hiện nhiệm vụ lĩnh vực quy hoạch, xây dựng.\n")
    facts = extract_facts([PageText(1, text)])
    (person,) = facts.people
    assert (person.name, person.position, person.unit) == ("Lô Văn Thắng", "Phó Trưởng phòng Quản lý xây dựng", "Sở Xây dựng")
    (s,) = facts.secondments
    assert (s.from_unit, s.to_unit, s.position) == ("Sở Xây dựng", "Ủy ban nhân dân xã Con Cuông", "quy hoạch, xây dựng")


@pytest.mark.parametrize("detail", ["(sinh năm 1982)", "(SN 1982)", "(1982)", "(sinh ngày 12/4/1984, dân tộc Thái)"])
def test_a_persons_own_details_in_brackets_after_the_name_are_passed_over(detail: str) -> None:
    """A second tester's: `ông Trần Văn Bình (sinh năm 1982), Phó Trưởng phòng …` lost the
    position and the sending body (a bracket ended the words looked at after the name)."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Trần Văn Bình " + detail + ", Phó Trưởng phòng Kế hoạch - Tài chính, "
            "Sở Nông nghiệp và Môi trường, đến làm việc tại Ủy ban nhân dân xã Con Cuông.\n")
    facts = extract_facts([PageText(1, text)])
    (person,) = facts.people
    assert (person.position, person.unit) == ("Phó Trưởng phòng Kế hoạch - Tài chính", "Sở Nông nghiệp và Môi trường")
    (s,) = facts.secondments
    assert s.from_unit == "Sở Nông nghiệp và Môi trường"


def test_a_position_in_brackets_after_the_name_is_not_passed_over_as_a_detail() -> None:
    """Only details are passed over: a bracket holding anything else leaves the words after the
    name as they were (no position read out of the text past it)."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Trần Văn Bình (Phó Trưởng phòng Kế hoạch - Tài chính), "
            "Chuyên viên Văn phòng, Sở Nông nghiệp và Môi trường, đến làm việc tại Ủy ban nhân dân xã Con Cuông.\n")
    (person,) = extract_facts([PageText(1, text)]).people
    assert person.position != "Chuyên viên Văn phòng"


def test_a_task_given_is_no_field() -> None:
    """`thực hiện nhiệm vụ` opens a field only before `lĩnh vực`: a task `được giao` is none."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Điều động ông Lô Văn Thắng, Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng, "
            "đến nhận công tác tại Ủy ban nhân dân xã Con Cuông để thực hiện nhiệm vụ được giao.\n")
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.position is None and s.to_unit == "Ủy ban nhân dân xã Con Cuông"


@pytest.mark.parametrize("heading", ["Chức vụ, đơn vị công tác", "Chức danh, đơn vị hiện công tác"])
def test_one_column_of_position_and_unit_is_split_as_a_sentence_is(heading: str) -> None:
    """A tester's list: `Chức vụ, đơn vị công tác` was all taken as the position (the heading
    opens as `Chức vụ`), the sending body was lost, and the issuer filled the person's unit."""
    table = ("DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
             f"STT | Họ và tên | {heading} | Nơi biệt phái đến | Lĩnh vực\n"
             "1 | Giàng A Sử | Chuyên viên Phòng Quản lý đất đai, Sở Nông nghiệp và Môi trường | xã Bát Xát | Đất đai\n"
             "2 | Tẩn Thị Mẩy | Kế toán viên, Văn phòng Sở Tài chính | xã Bắc Hà | Tài chính - kế toán\n"
             "3 | Lù Văn Phúc | Y sĩ, Trung tâm Kiểm soát bệnh tật tỉnh | phường Sa Pa | Y tế\n"
             "4 | Lò Văn Pấng | Chuyên viên Phòng Tổ chức biên chế | xã Pha Long | Nội vụ\n"
             # a reviewer's: no comma before the body; a department, then its body
             "5 | Hà Văn Tâm | Chuyên viên Phòng Quản lý đất đai Sở Nông nghiệp và Môi trường | xã Bát Xát | Đất đai\n"
             "6 | Vi Thị Lan | Chuyên viên chính, Phòng Tổ chức cán bộ, Sở Nội vụ | xã Bắc Hà | Nội vụ\n")
    facts = extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, table)])
    people = {p.name: (p.position, p.unit) for p in facts.people}
    assert people["Giàng A Sử"] == ("Chuyên viên Phòng Quản lý đất đai", "Sở Nông nghiệp và Môi trường")
    assert people["Tẩn Thị Mẩy"] == ("Kế toán viên", "Văn phòng Sở Tài chính")
    assert people["Lù Văn Phúc"] == ("Y sĩ", "Trung tâm Kiểm soát bệnh tật tỉnh")
    assert people["Lò Văn Pấng"][0] == "Chuyên viên Phòng Tổ chức biên chế"  # the issuer's department
    assert people["Hà Văn Tâm"] == ("Chuyên viên Phòng Quản lý đất đai", "Sở Nông nghiệp và Môi trường")
    assert people["Vi Thị Lan"] == ("Chuyên viên chính", "Phòng Tổ chức cán bộ, Sở Nội vụ")
    sent = {s.person: s.from_unit for s in facts.secondments}
    assert sent["Giàng A Sử"] == "Sở Nông nghiệp và Môi trường" and sent["Tẩn Thị Mẩy"] == "Văn phòng Sở Tài chính"
    assert sent["Lò Văn Pấng"] is None


def test_an_ocred_cells_edge_dash_and_speck_letters_are_no_part_of_it() -> None:
    """A tester's tilted scan: `Sở Xây dựng - | - UBND xã Pha Long | Quy hoạch, xây dựng is`."""
    table = ("DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
             "STT | Họ và tên | Chức vụ, đơn vị công tác | Nơi đến biệt phái | Lĩnh vực phụ trách\n"
             "1 | Hoàng Văn Thịnh | Phó Trưởng phòng Quản lý xây dựng, Sở Xây dựng - | - UBND xã Pha Long | "
             "Quy hoạch, xây dựng is\n")
    facts = extract_facts([PageText(1, HEADER + BODY + SIGNATURE, method="ocr", ocr_confidence=0.9),
                           PageText(2, table, method="ocr", ocr_confidence=0.9)])
    (s,) = [s for s in facts.secondments if s.person == "Hoàng Văn Thịnh"]
    assert (s.from_unit, s.position) == ("Sở Xây dựng", "Quy hoạch, xây dựng")
    assert s.to_unit.endswith("xã Pha Long") and not s.to_unit.startswith("-")


@pytest.mark.parametrize("heading", ["Nơi biệt phái", "Nơi điều động"])
def test_a_destination_column_named_without_den(heading: str) -> None:
    """A tester's list headed `Nơi biệt phái` (no `đến`): the destinations were lost."""
    table = (f"DANH SÁCH CÔNG CHỨC BIỆT PHÁI\nSTT | Họ và tên | Chức vụ | Đơn vị công tác | {heading}\n"
             "1 | Hồ Văn Khánh | Chuyên viên | Sở Xây dựng | xã Cam Lộ\n")
    (s,) = [s for s in extract_facts([PageText(1, HEADER + BODY + SIGNATURE), PageText(2, table)]).secondments
            if s.person == "Hồ Văn Khánh"]
    assert s.to_unit is not None and s.to_unit.endswith("xã Cam Lộ")


def test_a_departments_body_named_in_the_position_is_the_unit_not_the_issuer() -> None:
    """A tester: `hiện là Chuyên viên Văn phòng Sở Tư pháp` gave the person the province's
    committee (the issuer) as unit and sending body; the position names its body."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Điều động bà Lê Thị Mai, Chuyên viên Văn phòng Sở Tư pháp, đến nhận công tác "
            "tại Ủy ban nhân dân xã Hương Khê, kể từ ngày 01/9/2025.\n")
    facts = extract_facts([PageText(1, HEADER + text + SIGNATURE)])
    (person,) = [p for p in facts.people if p.name == "Lê Thị Mai"]
    assert person.unit == "Sở Tư pháp"
    assert [s.from_unit for s in facts.secondments] == ["Sở Tư pháp"]


def test_a_list_row_with_its_unit_cell_empty_keeps_its_columns() -> None:
    """A second tester's list: a row whose position cell held the unit too, its unit cell left
    empty, lost every cell (the empty cell shifted the destination into the unit's column)."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân các xã kể từ ngày "
            "01/9/2025 (có danh sách kèm theo).\n"
            "DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
            "STT | Họ và tên | Chức vụ | Đơn vị công tác | Nơi đến\n"
            "1 | Nguyễn Văn An | Chuyên viên | Phòng Trồng trọt, Sở Nông nghiệp và Môi trường | xã Nghi Lộc\n"
            "2 | Trần Thị Bình | Chuyên viên Phòng Quản lý đất đai, Sở Y tế |  | xã Diễn Châu\n")
    facts = extract_facts([PageText(1, text)])
    people = {p.name: (p.position, p.unit) for p in facts.people}
    assert people["Trần Thị Bình"] == ("Chuyên viên Phòng Quản lý đất đai", "Sở Y tế")
    sent = {s.person: (s.from_unit, s.to_unit) for s in facts.secondments}
    assert sent["Trần Thị Bình"] == ("Sở Y tế", "Ủy ban nhân dân xã Diễn Châu")


@pytest.mark.parametrize("level", ["thành phố", "tỉnh"])
def test_a_person_named_after_their_own_committees_title_is_a_person(level: str) -> None:
    """`Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn` (the city's own name left out) was
    taken for a place named after the level word; the city of Hồ Chí Minh, a health centre's area
    (`khu vực Hoàng Su Phì`) and a ward of the official list (`phường Lê Lợi`: Lê is a family
    name) stay places."""
    text = (f"Kết luận của Phó Chủ tịch Ủy ban nhân dân {level} Phạm Hồng Sơn tại cuộc họp.\n"
            "Giám đốc Trung tâm Y tế khu vực Hoàng Su Phì, Phó Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh, Phó "
            "Chủ tịch UBND phường Lê Lợi dự họp.\n")
    people = {p.name: p.position for p in extract_facts([PageText(1, text)]).people}
    assert people == {"Phạm Hồng Sơn": f"Phó Chủ tịch Ủy ban nhân dân {level}"}


def test_a_ward_named_after_a_person_after_its_officers_title_is_no_person() -> None:
    text = "Phó Chủ tịch UBND phường Lê Hồng Phong và Chủ tịch UBND xã Trương Lương dự họp.\n"
    assert extract_facts([PageText(1, text)]).people == []


def _listed_names(rows: str) -> set[str]:
    """The people found in a scanned decision listing `rows` under a list's column heads."""
    table = ("DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
             "STT   Họ và tên   Chức vụ   Đơn vị công tác   Nơi biệt phái đến\n" + rows)
    read = [PageText(1, HEADER + "Biệt phái các công chức có tên sau:\n" + table + SIGNATURE,
                     method="ocr", ocr_confidence=0.9)]
    return {p.name for p in extract_facts(read).people}


def test_a_communes_cell_read_with_its_tilde_lost_is_no_person() -> None:
    """A copy's table cell `Xã Mường Kim` read `Xa Mường Kim` (and `Xa t Phong Thổ`, a speck
    beside it) opens like the Thái family `Xa`: what follows spells a commune of the list exactly,
    so it is the commune. A Xa who is a man stays (`Xa Văn Lang`: a middle name, though a
    commune is named so), and so does a name that spells no commune."""
    names = _listed_names("1   Lù Văn Phòng   Chuyên viên   Sở Nội vụ   Xa Mường Kim\n"
                          "2   Lò Thị Mai   Chuyên viên   Sở Tư pháp   Xa t Phong Thổ\n"
                          "3   Xa Văn Lang   Chuyên viên   Sở Tư pháp   Xã Bản Liền\n"
                          "4   Xa Thị Hương   Chuyên viên   Sở Nội vụ   Xã Bản Liền\n")
    assert not {n for n in names if n.startswith("Xa M") or n.startswith("Xa t")}
    assert {"Lù Văn Phòng", "Lò Thị Mai", "Xa Văn Lang", "Xa Thị Hương"} <= names
    # an honorific or a position vouches for a man whose name spells a commune (a reviewer's)
    text = HEADER + "Cử ông Xa Anh Dũng, Chuyên viên Sở Nội vụ, đến làm việc tại xã Mường Kim.\n" + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)]).people}
    assert "Xa Anh Dũng" in names


def test_a_letter_alone_after_a_whole_name_is_a_speck() -> None:
    """A copy's speck read as a capital after a name in a table's row (`Lù Văn Phòng Ì`) is no
    part of the name; a one-letter middle name is (`Giàng A Chử`, an H'Mông name)."""
    names = _listed_names("1   Lù Văn Phòng Ì   Chuyên viên   Sở Nội vụ   Xã Mường Kim\n"
                          "2   Giàng A Chử   Chuyên viên   Sở Tư pháp   Xã Bản Liền\n"
                          "3   Lò Thị Xuân A   Chuyên viên   Sở Tư pháp   Xã Bản Liền\n")
    # (a plain capital after a name tells namesakes apart: a reviewer's)
    assert {"Lù Văn Phòng", "Giàng A Chử", "Lò Thị Xuân A"} <= names
    assert not any(n.endswith(" Ì") for n in names)
    text = HEADER + "Cử ông Lù Văn Sáng Ì, Chuyên viên Sở Nội vụ, đến làm việc tại xã Mường Kim.\n" + SIGNATURE
    names = {p.name for p in extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)]).people}
    assert "Lù Văn Sáng" in names and "Lù Văn Sáng Ì" not in names
