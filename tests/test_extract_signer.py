"""The signing block: an acting head's mark."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText


@pytest.mark.parametrize("title, position", [("Q. GIÁM ĐỐC", "Quyền Giám đốc"), ("Q. CHỦ TỊCH", "Quyền Chủ tịch")])
def test_an_acting_head_signs_as_such(title: str, position: str) -> None:
    """A tester's decision signed `Q. GIÁM ĐỐC`: the mark was cut off as a line's end and the
    acting director read as the director."""
    text = ("SỞ Y TẾ\nSố: 1533/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\nĐiều 1. Nội dung.\nNơi nhận:\n"
            "- Lưu: VT.\n" + title + "\n\nTrương Minh Đức\n")
    facts = extract_facts([PageText(1, text)])
    assert facts.document.signer is not None and facts.document.signer.name == "Trương Minh Đức"
    assert facts.document.signer.title == title  # (the line is the acting head's title and authority)
    assert [p.position for p in facts.people if p.name == "Trương Minh Đức"] == [position]


def test_an_acting_head_signing_by_order_keeps_both_lines() -> None:
    """A reviewer's: `TL. GIÁM ĐỐC` then `Q. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ` were merged into one
    authority and the title lost."""
    text = ("SỞ Y TẾ\nSố: 1533/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc biệt phái viên chức\nĐiều 1. Nội dung.\nNơi nhận:\n"
            "- Lưu: VT.\nTL. GIÁM ĐỐC\nQ. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ\nTrương Minh Đức\n")
    facts = extract_facts([PageText(1, text)])
    signer = facts.document.signer
    assert (signer.authority, signer.title) == ("TL. GIÁM ĐỐC", "Q. TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ")
    assert [p.position for p in facts.people] == ["Quyền Trưởng phòng Tổ chức cán bộ"]


def test_a_name_after_a_seals_small_scraps_is_the_signer() -> None:
    """On a colour scan the seal's darker ink read as `se hà` before the name under it."""
    text = ("SỞ NỘI VỤ\nSố: 2417/SNV-CCVC\nV/v báo cáo\nNội dung.\nNơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"
            "se hà Phan Đình Lộc\n")
    assert extract_facts([PageText(1, text)]).document.signer.name == "Phan Đình Lộc"


def test_the_recipients_first_line_beside_the_title_is_no_name() -> None:
    """A photocopy read `- Như Điều 3;` as `- Như Điều Bo` on the line of the title, among a seal's
    scraps (Như is a family name too): the signer is the name below."""
    text = ("UBND TỈNH LẠNG SƠN\nSố: 518/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc tăng cường công chức\nĐiều 1. Nội dung.\n"
            "chịu trách nhiệm thi hành Quyết định này. 1,\nNơi nhận: a\nKT. CHỦ TỊCH\n"
            "- Như Điều Bo | - \"¬ | a ph) CHỦ TỊCH\n~€T, các PCT UBND tinh; -\nT* =LWÀ: VT, NC.\nEm, | aN\ntự of\n"
            "Lâm Quốc Tuấn\n")
    assert extract_facts([PageText(1, text, "ocr", ocr_confidence=0.63)]).document.signer.name == "Lâm Quốc Tuấn"


def test_an_item_of_the_recipients_list_beside_the_title_is_no_name() -> None:
    """A copy whose seal hid the name: the list's items read beside and below the title, one of
    them a body whose first word is a family name too (`Đoàn`, its words read capitalised). No
    signer is better than it."""
    text = ("UBND TỈNH HÀ GIANG\nSố: 207/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc luân chuyển công chức\nĐiều 1. Nội dung.\n"
            "Nơi nhận: | TT. | để | CHỦ TỊCH.\n- Như Điều 4;\n- TT Tỉnh ủy (b/c);\nTỊCH\n"
            "- Đoàn Kiểm Tra Tỉnh;\n- CT, các PCT UBND tỉnh;\n- Lưu: VT, NC.\nkí {\nca | $7\n")
    signer = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.6)]).document.signer
    assert signer is None or "Đoàn" not in signer.name


def _signer(tail: str, conf: float | None = 0.8):
    text = ("UBND TỈNH GIA LAI\nSố: 518/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc luân chuyển công chức\nĐiều 1. Nội dung.\n"
            "Nơi nhận:\n- Như Điều 4;\n- Lưu: VT, NC.\n" + tail)
    page = PageText(1, text, "ocr", ocr_confidence=conf) if conf is not None else PageText(1, text)
    return extract_facts([page]).document.signer


@pytest.mark.parametrize("name", ["H’Linh Byă", "H'Linh Byă", "Y Blút Êban", "Ksor Kpă", "Thạch Sóc Khlot"])
def test_a_name_of_another_people_signs(name: str) -> None:
    """Ê Đê, Jarai and Khmer names are written in words no Vietnamese syllable spells, a woman's
    Ê Đê family name as a prefix (`H’`): the signer was lost, with a title or without."""
    signer = _signer("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + name + "\n")
    assert signer is not None and signer.name == name
    assert _signer("ạ | ~\n" + name + "\n").name == name  # the seal over the title lines


def test_a_peoples_name_below_a_scraps_name_is_the_signer() -> None:
    """A clean scan read the seal's star and the signature as `Hà T` (a family name and a
    letter) above the Ê Đê name: the sound name below is the signer's."""
    signer = _signer("KT. CHỦ TỊCH\nR | ž\nPK C.HU TỊCH\n¢ 4 ue Ba | Hà T>\nGC.\nline Os\nY Blút Êban Kdăm\n")
    assert signer.name == "Y Blút Êban Kdăm"


def test_a_family_name_a_letter_off_under_the_ring_is_mended() -> None:
    """The ring cut an n's leg (`Phar`: Phan or Phạm, one letter off each): the glyph decides;
    with no title (seal over it), a Khmer family name a letter off (`Thacb`) still opens a
    name and is mended."""
    assert _signer("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhar Văn Đức\n").name == "Phan Văn Đức"
    assert _signer("Lưu: VT.\nmộ 5 e\nXE. r kxt o q 7 = ut = e Lo) Ø\n˜\n“Thacb Sóc Khlot\n.").name == "Thạch Sóc Khlot"


def test_scraps_are_no_name_of_another_people() -> None:
    """The looser spelling of other peoples' names lets no scraps in: capitals, two letters,
    letters no name has, no family name first."""
    from dispatch_reader.ingest.vietnamese import spelled_as_a_name

    assert all(spelled_as_a_name(w) for w in ("Ksor", "Kđăm", "H’Bia", "H‘Bia", "HʼBia", "Êban", "Khlot", "Blút",
                                              "Nguyễn"))
    assert not any(spelled_as_a_name(w) for w in ("KSOR", "Es", "Blùz", "Fox", "Bcdfg", "THZGđứnh", "ksor", "H'H'Bia",
                                                  "Ubnd", "Yyy", "Adrơngai", "Hoaquan"))
    signer = _signer("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nDp Fs Ke\n")
    assert signer is None or "Dp" not in signer.name


@pytest.mark.parametrize("foot", ["Phó Chủ tịch UBND\nxã Tiên Lãng", "phường Đông Hải", "Phó Chủ tịch UBND\nXã Tiên Lãng"])
def test_a_commune_at_a_pages_foot_is_no_signer(foot: str) -> None:
    """A copy's annex page ended in a cell `xã …` (a commune: `Xa` is a family name too, read
    small, and `Phương` one a letter off `phường`): it was taken for the signer's name."""
    assert extract_facts([PageText(1, foot + "\n", "ocr", ocr_confidence=0.6)]).document.signer is None


def test_a_heads_title_read_twice_is_a_deputys_block() -> None:
    """A fax's seal took `KT.` and `PHÓ` off a deputy's block: `GIÁM ĐỐC` read twice (once
    with a mark misread) went into the signer's position as `Giám đốc Giám đóc`. The one block a
    title repeats in is `KT. GIÁM ĐỐC` over `PHÓ GIÁM ĐỐC`; the clerk is told. A head's own title
    read once, or a text layer's, stays."""
    text = ("SỞ NỘI VỤ\nSố: 512/BC-SNV\nBÁO CÁO\nKết quả biệt phái\nNội dung.\nNơi nhận:\n- Lưu: VT.\n"
            "GIÁM ĐỐC\nGIÁM ĐÓC\n\nPhan Thị Mai\n")
    facts = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.7)])
    signer = facts.document.signer
    assert (signer.authority, signer.title) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert [p.position for p in facts.people if p.name == "Phan Thị Mai"] == ["Phó Giám đốc"]
    assert any("deputy's block" in w for w in facts.warnings)
    once = text.replace("GIÁM ĐỐC\nGIÁM ĐÓC\n", "GIÁM ĐỐC\n")
    assert extract_facts([PageText(1, once, "ocr", ocr_confidence=0.7)]).document.signer.title == "GIÁM ĐỐC"
    # a text layer says what it says; a block read with its own `KT.`, or two bodies' blocks
    # side by side (`TM.` twice), is no bare deputy's
    assert extract_facts([PageText(1, text)]).document.signer.title != "PHÓ GIÁM ĐỐC"
    signed_for = text.replace("GIÁM ĐỐC\nGIÁM ĐÓC\n", "KT. GIÁM ĐỐC\nGIÁM ĐỐC\nGIÁM ĐÓC\n")
    assert extract_facts([PageText(1, signed_for, "ocr", ocr_confidence=0.7)]).document.signer.authority == "KT. GIÁM ĐỐC"
    joint = text.replace("GIÁM ĐỐC\nGIÁM ĐÓC\n", "TM. BAN THƯỜNG TRỰC | TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH | CHỦ TỊCH\n")
    assert "PHÓ" not in (extract_facts([PageText(1, joint, "ocr", ocr_confidence=0.7)]).document.signer.title or "")


@pytest.mark.parametrize("scraps", ["Lò Ans", "Mai Ksor", "Hà Yee"])
def test_a_signatures_scraps_spelled_like_a_peoples_name_do_not_hide_the_name_below(scraps: str) -> None:
    """A reviewer's: a signature's loops read as a family name and a word no syllable spells
    above the name: only the families of the peoples whose names have such words may."""
    signer = _signer(f"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{scraps}\nNguyễn Mạnh Khương\n", conf=0.6)
    assert signer.name == "Nguyễn Mạnh Khương"



def test_a_seals_scraps_with_a_titles_word_and_a_recipients_second_line_are_no_name() -> None:
    """A grey scan and a copy of a copy: a black seal's ring and the title's word read as one
    line under the title (`Kfy TỊCH`, `VX ON Tị | CHỦ TỊCH`: capitals beside a capitalised word
    in small letters, which no printed name mixes), and the second line of a recipients' item
    beside the block (`Pa Cò;`, a commune; no name ends on a semicolon). The signer is the name
    at the block's foot, below the list's last items and the seal's scraps."""
    head = "UBND TỈNH SƠN LA\nSố: 311/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc biệt phái công chức\nĐiều 1. Nội dung.\n"
    blocks = {
        "Trịnh Thị Bích Ngọc": ("Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n- CT, các PCT UBND tỉnh;\n"
                                "- Sở Nội vụ;\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nVX ON Tị | CHỦ TỊCH\nS4\nt\n"
                                "- Lưu: VT, KGVX.\na\nTrinh Thị Bich Ngọc\n"),
        "Nguyễn Hữu Toàn": ("Nơi nhận: | “on | CHỦ TỊCH\n- Như Điệu; | 6 | Kfy TỊCH\n: thường trực Tĩnh ay (bee); - | ft | <\n"
                            "ST, các PCT UBND tỉnh: | oie. | K | k\nLưu: VI,NC. | c | h | ‡ | J\nNguyễn Hữu Toàn\n"),
        "Đặng Thu Hà": ("Nơi nhận:\n- Các sở: Nội vụ, Tài chính,\nXây dựng;\n- UBND các xã: Mường Bú, Chiềng Sơn,\n"
                        "~HL. GIÁM ĐỐC\nCHÁNH VAN PHÒNG\nÈ | at\nPa Cò; | \\ | \\ | 7a\n- Giám đốc Sở (b/c); | + | \"Ni V\n"
                        "- Lưu: VT, CCVC.\nSar SE ii\nĐặng Thu Hà\n"),
    }
    for name, block in blocks.items():
        signer = extract_facts([PageText(1, head + block, "ocr", ocr_confidence=0.6)]).document.signer
        assert signer is not None and signer.name == name


def test_a_quote_glued_before_a_names_word_is_a_speck() -> None:
    """A colour scan's speck read as a quote before the given name (`Phương 'Thảo`): the name is
    read without it; an Ê Đê name's own apostrophe inside its word stays."""
    head = "SỞ NỘI VỤ\nSố: 94/TB-SNV\nTHÔNG BÁO\nVề việc tiếp nhận\nNội dung.\nNơi nhận:\n- Lưu: VT.\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n"
    for read, meant in (("Đỗ Thị Mai 'Hương", "Đỗ Thị Mai Hương"), ("Nguyễn Văn “Tâm", "Nguyễn Văn Tâm"),
                        ("H’Lim Niê", "H’Lim Niê")):
        signer = extract_facts([PageText(1, head + read + "\n", "ocr", ocr_confidence=0.8)]).document.signer
        assert signer is not None and signer.name == meant, read



def test_a_degree_before_the_name_and_a_speck_after_it_keep_the_signer() -> None:
    """A reviewer's: `TS. Nguyễn Văn Hùng` (a degree in capitals with its stop beside the name in
    small letters) is no seal's scraps mixing cases, and `Nguyễn Văn An;` (a speck read as a
    semicolon) no recipients' line."""
    head = "SỞ Y TẾ\nSố: 94/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc cử\nNội dung.\nNơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"
    for read, meant in (("TS. Nguyễn Văn Hùng", "Nguyễn Văn Hùng"), ("PGS.TS. Trần Văn Bình", "Trần Văn Bình"),
                        ("Nguyễn Văn An;", "Nguyễn Văn An")):
        signer = extract_facts([PageText(1, head + read + "\n", "ocr", ocr_confidence=0.8)]).document.signer
        assert signer is not None and signer.name == meant, read


@pytest.mark.parametrize("dpi, name", [(100.0, "Giàng Seo Phử"), (149.9999969, "Giàng Seo Phứ"), (200.0, "Giàng Seo Phứ")])
def test_a_tone_is_swapped_on_a_faxs_coarse_rows_only(dpi: float, name: str) -> None:
    """A fax's 100 rows an inch hold a tone mark in a pixel or two: there a tone no name bears
    is the one name's that bears another. A 150-dpi scan (its resolution measured from the
    image and the page's points, 149.99999) is no fax: its tone read is the name's."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/QĐ-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Nội dung.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
            "Giàng Seo Phứ\n")
    facts = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.85, scan_dpi=dpi)])
    assert facts.document.signer.name == name


@pytest.mark.parametrize("line", ["Hà,Minh. Tuấn", "Hà, Minh. Tuấn"])
def test_stops_read_between_a_names_words(line: str) -> None:
    """A seal's or the grain's dots read as a comma and a stop between a signer's words, a space
    lost with them or not: the name's words all the same; a name then a position stays none."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/QĐ-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái công chức\nĐiều 1. Nội dung.\nNơi nhận:\nKT. CHỦ TỊCH\n- Như trên;\nPHÓ CHỦ TỊCH\n"
            "- Lưu: VT.\n\n{}\n")
    facts = extract_facts([PageText(1, text.format(line), method="ocr", ocr_confidence=0.85)])
    assert facts.document.signer.name == "Hà Minh Tuấn"
    facts = extract_facts([PageText(1, text.format("Hà Tuấn, Giám đốc"), method="ocr", ocr_confidence=0.85)])
    assert facts.document.signer is None or facts.document.signer.name != "Hà Tuấn Giám đốc"
    # a degree's stop, in small letters too, is the degree's: the name is read without it
    for degree in ("Ts. ", "Ths.", "Bs. ", "Ts.Bs. "):
        facts = extract_facts([PageText(1, text.format(degree + "Hà Minh Tuấn"), method="ocr", ocr_confidence=0.85)])
        assert facts.document.signer.name == "Hà Minh Tuấn", degree


def test_a_recipients_item_in_small_letters_beside_the_title_is_no_name() -> None:
    """`- UBND xã Mường Khoa;` beside the title, its dash and marks lost (`xa Mường Khoa;`): `Xa`
    is a family name's letters, but a name opens on a capital. With the name under the block
    lost, no signer is better than that item."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nSố: 40/TB-UBND\nBắc Hà, ngày 3 tháng 12 năm 2025\nTHÔNG BÁO\n"
            "Về việc biệt phái công chức\nNội dung.\nNơi nhận:\n- Sở Nội vụ;\nTL. CHÁNH VĂN PHÒNG\n"
            "TRƯỞNG PHÒNG HÀNH CHÍNH\nxa Mường Khoa; | Ps | AN\n- Lưu: VT.\n")
    signer = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.85)]).document.signer
    assert signer is None or signer.name is None
    # a name with a speck read as a semicolon after it stays a name (`Nguyễn Văn An;`)
    named = text.replace("xa Mường Khoa; | Ps | AN", "Lò Văn Pánh;")
    assert extract_facts([PageText(1, named, method="ocr", ocr_confidence=0.85)]).document.signer.name == "Lò Văn Pánh"


def test_a_khmer_family_name_read_small_after_a_speck_opens_the_name_line() -> None:
    """`Sơn` is a Khmer family name (Sơn Thị …): the name line under the signature read with a
    speck and its first letter small (`'sơn Thị Kim Thoa`) is the signer's."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 12/TB-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nCà Mau, ngày 3 tháng 2 năm 2026\nTHÔNG BÁO\nVề việc biệt phái công chức\n"
            "Thực hiện kế hoạch của tỉnh.\nNơi nhận:\n- Như trên;\nTL. CHÁNH VĂN PHÒNG\nTRƯỞNG PHÒNG HÀNH CHÍNH\n"
            "- Lưu: VT.\n'sơn Thị Kim Thoa\n")
    doc = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.85)]).document
    assert doc.signer is not None and doc.signer.name == "Sơn Thị Kim Thoa"


def test_an_annexs_heading_on_the_next_page_is_no_name_under_the_signature() -> None:
    """A signer whose family name the list lacks, then the annex (`DANH SÁCH`, `Kèm theo …`)
    on the next page: the heading in capitals is no name line of the signature's loops."""
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    first = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 3 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
             "Về việc biệt phái công chức\nĐiều 1. Biệt phái các công chức có tên tại danh sách kèm theo.\n"
             "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nDư Văn Lộc\n")
    annex = ("DANH SÁCH\nCông chức biệt phái\n(Kèm theo Quyết định số 77/QĐ-UBND ngày 3 tháng 3 năm 2026)\n"
             "STT | Họ và tên | Đơn vị\n1 | Lê Văn Hải | Sở Tài chính\n")
    signer = extract_facts([PageText(1, first), PageText(2, annex)]).document.signer
    assert signer is not None and signer.name == "Dư Văn Lộc"


def test_northern_kinh_families_the_list_holds() -> None:
    # fewer families than the commonest, but a signer's all the same (`Cấn Thị …`, `Nhữ Đình …`)
    from dispatch_reader.extract.signer import _sound_name

    assert all(_sound_name(n) for n in ("Cấn Thị Hoa", "Nhữ Đình Toản", "Thiều Quang Vinh", "Khuất Duy Tân"))
    # a common word that is a family name too stays out: a street is no person
    assert not _sound_name("Chung Văn Lộc")


def test_a_kho_names_opening_capital_keeps_its_apostrophe() -> None:
    # K'Ho and Mạ names open on a capital and an apostrophe, a word of its own (`K' Brơi …`):
    # no speck glued to a word
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("ỦY BAN NHÂN DÂN\nXÃ ĐẠ HUOAI\nSố: 21/UBND-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nĐạ Huoai, ngày 5 tháng 3 năm 2026\nV/v đề nghị tăng cường công chức\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nK' Brơi Thị Hoa\n")
    assert extract_facts([PageText(1, text)]).document.signer.name == "K' Brơi Thị Hoa"
