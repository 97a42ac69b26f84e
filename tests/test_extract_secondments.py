"""Secondments: the governing verb's kind, requests (entries with status requested), passive
headcounts, dates that belong to other statements, English reports of named people."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts


def header(number: str, subject: str, issuer: str = "UBND TỈNH BẮC HÀ\nSỞ NỘI VỤ") -> str:
    return (f"{issuer}\nSố: {number}\n{subject}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBắc Hà, ngày 06 tháng 11 năm 2025\n")


SIGN = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nĐàm Quang Hưng\n"


def facts_of(text: str) -> Facts:
    return extract_facts([PageText(1, text)])


def kinds(facts: Facts) -> dict[object, tuple[str | None, str | None]]:
    return {s.person or s.count: (s.kind, s.start) for s in facts.secondments}


def test_the_verb_governing_a_person_gives_the_kind() -> None:
    text = header("2210/SNV-CCVC", "V/v phúc đáp đề nghị tăng cường công chức của xã Nậm Đét") + (
        "Kính gửi: Ủy ban nhân dân xã Nậm Đét.\n"
        "1. Ngày 01/11/2025, Chủ tịch Ủy ban nhân dân tỉnh đã điều động 02 công chức về làm việc tại\n"
        "Ủy ban nhân dân xã Nậm Đét kể từ ngày 10/11/2025, gồm:\n"
        "- Ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng;\n"
        "- Bà Lục Thị Yến, Chuyên viên Phòng Ngân sách, Sở Tài chính.\n") + SIGN
    got = kinds(facts_of(text))
    assert got == {"Vi Văn Thạch": ("transfer", "2025-11-10"), "Lục Thị Yến": ("transfer", "2025-11-10")}


def test_a_subject_that_opens_with_a_kind_names_the_whole_document() -> None:
    text = header("512/UBND-NC", "V/v tăng cường nhân lực cho các xã biên giới",
                  issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "Kính gửi: Các sở, ban, ngành.\n"
        "1. Biệt phái 27 công chức, viên chức của các sở về làm việc tại 9 xã biên giới.\n") + SIGN
    assert kinds(facts_of(text)) == {27: ("reinforcement", None)}


def statuses(facts: Facts) -> dict[object, str]:
    return {s.person or s.count: s.status for s in facts.secondments}


def test_requests_and_proposals_are_requested_not_sent() -> None:
    commune = header("61/UBND-VP", "V/v đề nghị hỗ trợ công chức chuyên môn",
                     issuer="ỦY BAN NHÂN DÂN\nXÃ NẬM ĐÉT") + (
        "Kính gửi: Sở Nội vụ.\nỦy ban nhân dân xã kính đề nghị Sở Nội vụ xem xét, tăng cường 03 công chức\n"
        "địa chính về làm việc tại xã trong thời gian 06 tháng.\n") + SIGN
    assert statuses(facts_of(commune)) == {3: "requested"}
    proposal = header("77/TTr-SNV", "") + (
        "TỜ TRÌNH\nVề việc biệt phái công chức đến làm việc tại xã Nậm Đét\nKính gửi: Ủy ban nhân dân tỉnh.\n"
        "Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, quyết định biệt phái 01 công chức như sau:\n"
        "1. Ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng, biệt phái đến Ủy ban nhân dân\n"
        "xã Nậm Đét.\n") + SIGN
    assert statuses(facts_of(proposal)) == {"Vi Văn Thạch": "requested"}
    asked_peers = header("2211/SNV-CCVC", "V/v bố trí công chức cho xã Nậm Đét") + (
        "Kính gửi: Ủy ban nhân dân xã Nậm Đét.\n"
        "Sở Nội vụ đã đề nghị Sở Y tế cử 02 viên chức biệt phái về xã trong tháng 12 năm 2025.\n") + SIGN
    assert statuses(facts_of(asked_peers)) == {2: "requested"}


def test_at_someones_request_is_not_a_request_to_send() -> None:
    text = header("901/QĐ-SNV", "") + (
        "QUYẾT ĐỊNH\nVề việc biệt phái công chức\nTheo đề nghị của Ủy ban nhân dân xã Nậm Đét,\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng, đến làm\n"
        "việc tại Ủy ban nhân dân xã Nậm Đét, từ ngày 15/11/2025.\n") + SIGN
    assert kinds(facts_of(text)) == {"Vi Văn Thạch": ("secondment", "2025-11-15")}


def test_passive_headcounts_senders_and_dates_of_other_items() -> None:
    text = header("140/TB-VP", "", issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + (
        "THÔNG BÁO\nKết luận về việc tăng cường công chức cho các xã biên giới\n"
        "Ngày 04/11/2025, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n"
        "1. Đến nay mới có 41/50 công chức được cử đến làm việc tại các xã biên giới.\n"
        "2. Các sở đã cử 17 công chức đến xã Nậm Đét từ ngày 20/10/2025.\n"
        "3. Tiếp tục tăng cường 12 công chức cho 4 xã, kể từ ngày 01/12/2025.\n") + SIGN
    facts = facts_of(text)
    got = kinds(facts)
    assert got == {41: ("reinforcement", None), 17: ("reinforcement", "2025-10-20"),
                   12: ("reinforcement", "2025-12-01")}
    assert set(statuses(facts).values()) == {"reported"}  # a notice of conclusions reports
    sec = {s.count: s for s in facts.secondments}
    assert sec[17].from_unit == "các sở"


def test_a_period_item_belongs_to_the_plan_around_it() -> None:
    text = header("88/KH-UBND", "", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "KẾ HOẠCH\nTăng cường công chức cho các xã sau sắp xếp\nI. NỘI DUNG\n"
        "1. Số lượng: huy động 90 công chức từ 11 sở, ngành về các xã.\n"
        "2. Thời gian tăng cường: 03 tháng, từ ngày 05/01/2026 đến ngày 05/4/2026.\n") + SIGN
    sec = extract_facts([PageText(1, text)]).secondments
    assert [(s.kind, s.count, s.start, s.end) for s in sec] == [("reinforcement", 90, "2026-01-05", "2026-04-05")]
    assert sec[0].from_unit == "11 sở, ngành"


EN = """Bac Ha seconds three officials to border communes

Bac Ha (November 8, 2025) - The People's Committee of Bac Ha province on November 6 issued
Decision No. 901/QD-UBND seconding three provincial civil servants to border communes.

Mr. Vi Van Thach, from the Department of Construction, goes to Nam Det commune; Ms. Luc Thi Yen,
an official of the Department of Finance, joins Ban Cam 2 commune; and Mr. Dam Van Son will work
in Coc Ly commune. They will start work on November 17 for six months. The province plans to
second about 25 more officials next year.
"""


def test_english_report_of_named_people() -> None:
    facts = facts_of(EN)
    assert facts.document.issuer == "People's Committee of Bac Ha province"
    assert facts.document.subject == "seconding three provincial civil servants to border communes"
    got = kinds(facts)
    assert got == {"Vi Van Thach": ("secondment", "2025-11-17"), "Luc Thi Yen": ("secondment", "2025-11-17"),
                   "Dam Van Son": ("secondment", "2025-11-17"), 25: ("secondment", None)}
    assert statuses(facts) == {"Vi Van Thach": "decided", "Luc Thi Yen": "decided", "Dam Van Son": "decided",
                               25: "planned"}  # "plans to second about 25 more": a plan beside the decision
    assert {c.value for c in facts.counts} == {3, 25}
    sec = {s.person: s for s in facts.secondments}
    assert sec["Vi Van Thach"].to_unit == "Nam Det commune"


def test_as_of_is_not_an_end() -> None:
    text = header("141/BC-SNV", "", issuer="UBND TỈNH BẮC HÀ\nSỞ NỘI VỤ") + (
        "BÁO CÁO\nKết quả biệt phái công chức về cấp xã\n"
        "Thực hiện Kế hoạch của tỉnh, đến ngày 31/10/2025 các sở đã biệt phái 33 công chức về 11 xã,\n"
        "thời gian từ ngày 01/9/2025 đến ngày 01/3/2026.\n") + SIGN
    facts = facts_of(text)
    roles = {(d.date, d.role) for d in facts.dates}
    assert ("2025-10-31", "mentioned") in roles and ("2026-03-01", "end") in roles
    sec = facts.secondments[0]
    assert (sec.kind, sec.count, sec.start, sec.end) == ("secondment", 33, "2025-09-01", "2026-03-01")


def test_a_province_asking_its_departments_is_a_request() -> None:
    text = header("515/UBND-NC", "V/v bảo đảm nhân lực cho các xã biên giới", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "Kính gửi: Các sở, ban, ngành.\n"
        "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành cử 31 công chức về tăng cường cho các xã biên giới.\n"
        "Sở Nội vụ đề nghị Ủy ban nhân dân tỉnh xem xét, cử thêm 12 công chức.\n") + SIGN
    facts = facts_of(text)
    assert kinds(facts) == {31: ("reinforcement", None), 12: ("reinforcement", None)}
    assert statuses(facts) == {31: "requested", 12: "requested"}


def test_a_submission_proposes_even_without_a_request_verb() -> None:
    text = header("78/TTr-SNV", "") + (
        "TỜ TRÌNH\nVề việc biệt phái công chức\nKính gửi: Ủy ban nhân dân tỉnh.\nDanh sách cụ thể như sau:\n"
        "1. Ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng, biệt phái đến Ủy ban nhân dân\n"
        "xã Nậm Đét, từ ngày 01/12/2025.\n") + SIGN
    facts = facts_of(text)
    assert facts.document.doc_type == "submission"
    assert statuses(facts) == {"Vi Văn Thạch": "requested"}
    decision = text.replace("78/TTr-SNV", "79/QĐ-SNV").replace("TỜ TRÌNH", "QUYẾT ĐỊNH")
    assert kinds(facts_of(decision)) == {"Vi Văn Thạch": ("secondment", "2025-12-01")}
    assert statuses(facts_of(decision)) == {"Vi Văn Thạch": "decided"}


def _article_one(number: str, subject: str, intro: str, *items: str) -> str:
    """A decision whose Article 1 is `intro` and a list of `items`, one a line."""
    body = "QUYẾT ĐỊNH:\nĐiều 1. " + intro + "\n" + "".join(item + "\n" for item in items)
    return header(number, "QUYẾT ĐỊNH\n" + subject) + body + SIGN


def test_a_stop_a_fax_read_after_the_figures_of_a_list_intro() -> None:
    """`Gia hạn … đối với 02. công chức sau:` (a speck read as a stop after `02` on a fax): no
    sentence ends before a word in small letters, and the listed people are the extension's."""
    text = _article_one(
        "61/QĐ-SNV", "Về việc gia hạn thời gian biệt phái công chức",
        "Gia hạn thời gian biệt phái thêm 03 tháng, từ ngày 08/3/2026 đến ngày 08/6/2026, đối với 02{stop} "
        "công chức sau:",
        "1. Ông Lò Văn Pấng, Chuyên viên Phòng Công chức, viên chức, Sở Nội vụ, tiếp tục làm việc tại "
        "Ủy ban nhân dân xã Mường Khoa.",
        "2. Ông Quàng Văn Ơn, Chuyên viên Phòng Tổ chức biên chế, Sở Nội vụ, tiếp tục làm việc tại "
        "Ủy ban nhân dân xã Tủa Sín Chải.")
    clean = kinds(facts_of(text.format(stop="")))
    assert clean == {"Lò Văn Pấng": ("secondment", "2026-03-08"), "Quàng Văn Ơn": ("secondment", "2026-03-08")}
    assert kinds(facts_of(text.format(stop="."))) == clean


def test_an_items_stop_read_as_a_comma_still_opens_the_item() -> None:
    """`1, Ông Phan Thanh Bình, …` (a fax read the first item's stop as a comma): the list's
    intro (`…, gồm:`) still governs the items after it, not only the first."""
    text = _article_one(
        "12/QĐ-SNV", "Về việc biệt phái công chức",
        "Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân các xã, từ ngày 01 tháng 10 năm 2025, gồm:",
        "1{mark} Ông Phan Thanh Bình, Phó Trưởng phòng Quản lý xây dựng, Sở Xây dựng, đến làm việc tại "
        "Ủy ban nhân dân phường Thục Phán.",
        "2. Ông Triệu Văn Mạnh, Chuyên viên Chi cục Quản lý đất đai, Sở Nông nghiệp và Môi trường, đến "
        "làm việc tại Ủy ban nhân dân xã Lũng Nặm.")
    clean = kinds(facts_of(text.format(mark=".")))
    assert set(clean) == {"Phan Thanh Bình", "Triệu Văn Mạnh"}
    assert kinds(facts_of(text.format(mark=","))) == clean


def test_a_fax_reading_of_the_start_and_of_a_name_read_small() -> None:
    """Article 1 of a faxed decision as OCR read it: `từ ngay Ù1/10/20Z5` (the day word's mark
    lost, a 0 read `Ù`, a 2 `Z`) is the sendings' start; `Ông triệu Văn Quyết` (the family
    name's capital read small) is a person sent. A text layer's `triệu` is as the office typed it."""
    text = _article_one(
        "1208/QĐ-UBND", "Về việc tăng cường công chức về làm việc tại các xã",
        "Tăng cường 02 công chức cấp tỉnh về làm việc tại Ủy ban nhân dân các xã, thởi gian 12 thang "
        "ke từ ngay Ù1/10/20Z5, cụ te như sau;",
        "1. Ông triệu Văn Quyết, Phó Trưởng phòng Quy hoạch - Kiến trúc, Sở Xây dựng, tăng cường về "
        "Ủy ban nhân dân xã Ba Bể, phụ trách lĩnh vực quy hoạch, xây dựng.",
        "2. Bà Bàn Thị Liên, Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính, tăng cường về Ủy ban "
        "nhân dân xã Chợ Đồn, phụ trách lĩnh vực tài chính, ngân sách.")
    read = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.82)])
    assert kinds(read) == {"Triệu Văn Quyết": ("reinforcement", "2025-10-01"),
                           "Bàn Thị Liên": ("reinforcement", "2025-10-01")}
    typed = facts_of(text)
    assert "Triệu Văn Quyết" not in kinds(typed)


def test_a_list_items_honorific_read_with_another_mark_still_names_the_person() -> None:
    """`2. Bả Dang Thị Thu, Chuyển viền …` (a fax lost Đặng's marks and gave Bà a hook): the
    item's honorific vouches for the name, which the family names then respell."""
    text = _article_one(
        "15/QĐ-SNV", "Về việc biệt phái công chức",
        "Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân các xã, từ ngày 01 tháng 10 năm 2025, gồm:",
        "1. Ông Phan Thanh Bình, Phó Trưởng phòng Quản lý xây dựng, Sở Xây dựng, đến làm việc tại "
        "Ủy ban nhân dân phường Thục Phán.",
        "2. Bả Dang Thị Thu, Chuyển viền Phỏng Kế toán, Sở Tải chính, đến lầm việc tại Ủy ban nhân dân "
        "xã Bảo Lâm, phụ trách lĩnh vực tài chính.")
    read = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.8)])
    assert set(kinds(read)) == {"Phan Thanh Bình", "Đặng Thị Thu"}
    assert next(p for p in read.people if p.name == "Đặng Thị Thu").honorific == "Bà"
    assert set(kinds(facts_of(text))) == {"Phan Thanh Bình"}  # typed so, it is as typed


def _listed(rows: list[str]) -> str:
    """A decision whose Article 1 sends the people of its DANH SÁCH, the rows as OCR gives them."""
    return _article_one(
        "245/QĐ-SNV", "Về việc biệt phái công chức",
        "Biệt phái 03 công chức Sở Nội vụ đến làm việc tại các xã, phường có tên trong danh sách kèm theo, "
        "thời gian 06 tháng kể từ ngày 08/9/2025.") + (
        "DANH SÁCH\nCông chức Sở Nội vụ biệt phái đến các xã, phường\n"
        "STT | Họ và tên | Chức vụ | Đơn vị công tác | Nơi biệt phái đến | Lĩnh vực | Thời gian\n"
        + "".join(r + "\n" for r in rows))


def test_a_rows_number_after_a_speck_and_a_garbled_destination_on_a_copy() -> None:
    """A photocopy's toner before a row's number (`—— 8 | …`) and a fax's streak through its
    destination (`và rà Leng`, `xà mường Khoa`) lose no row, and name the commune of the
    province (the issuer's, Lai Châu) each stands for."""
    rows = ["1 | Lò Văn Pấng | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | xà mường Khoa | "
            "Địa chính - xây dựng | 06 tháng",
            "2 | Giàng A Páo | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Pa Tần | Nội vụ | 06 tháng",
            "—— 3 | Hoàng Minh Đức | Chuyên viên | Phòng Xây dựng chính quyền, Sở Nội vụ | và rà Leng | "
            "Văn phòng - thống kê | 06 tháng"]
    text = _listed(rows).replace("UBND TỈNH BẮC HÀ", "UBND TỈNH LAI CHÂU").replace("Bắc Hà, ngày", "Lai Châu, ngày")
    read = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.8)])
    to = {s.person: s.to_unit for s in read.secondments}
    assert to == {"Lò Văn Pấng": "xã Mường Khoa", "Giàng A Páo": "Xã Pa Tần", "Hoàng Minh Đức": "xã Tả Lèng"}
    assert all(s.start == "2025-09-08" for s in read.secondments)
    # typed so, the cells are as the office typed them: nothing is guessed
    typed = {s.person: s.to_unit for s in facts_of(text).secondments}
    assert typed["Hoàng Minh Đức"] == "và rà Leng"


def test_a_list_items_syllable_that_is_no_honorific_names_nobody() -> None:
    """`2. Bá Thước …` (a place; `Bá` is a syllable of its own) and `3. Ba Bể …` (`Ba` before no
    family name) are no misread `Bà`: no person."""
    text = _article_one(
        "16/QĐ-SNV", "Về việc giao biên chế",
        "Giao biên chế công chức năm 2025 cho các xã như sau:",
        "1. Ông Phan Thanh Bình, Chuyên viên Sở Nội vụ, đến làm việc tại Ủy ban nhân dân phường Thục Phán.",
        "2. Bá Thước Thanh Hóa được giao 20 biên chế.",
        "3. Ba Bể Cao Bằng được giao 18 biên chế.")
    read = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.8)])
    assert [p.name for p in read.people if p.name != "Đàm Quang Hưng"] == ["Phan Thanh Bình"]


def test_a_row_whose_number_was_read_as_letters_between_two_numbered_rows() -> None:
    """A phone photo read row 7's number as `Uh`: between rows 6 and 8 (here 1 and 3) such a
    row is the one between, and its person is sent where the row says. Letters in the number
    cell with no numbered row after them to vouch are no row."""
    rows = ["1 | Lò Văn Pấng | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | Xã Mường Khoa | "
            "Địa chính - xây dựng | 06 tháng",
            "Uh | Giàng A Páo | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Pa Tần | Nội vụ | 06 tháng",
            "3 | Hoàng Minh Đức | Chuyên viên | Phòng Xây dựng chính quyền, Sở Nội vụ | Xã Tả Lèng | "
            "Văn phòng - thống kê | 06 tháng"]
    read = extract_facts([PageText(1, _listed(rows), method="ocr", ocr_confidence=0.8)])
    to = {s.person: s.to_unit for s in read.secondments}
    assert to == {"Lò Văn Pấng": "Xã Mường Khoa", "Giàng A Páo": "Xã Pa Tần", "Hoàng Minh Đức": "Xã Tả Lèng"}
    last = extract_facts([PageText(1, _listed(rows[:1] + [rows[1]]), method="ocr", ocr_confidence=0.8)])
    assert next((s.to_unit for s in last.secondments if s.person == "Giàng A Páo"), None) is None


def test_a_phone_photos_range_with_its_until_and_a_figure_misread() -> None:
    """`thời gian từ ngày 01/9/202s gén ngày 28/2/2026` (a phone photo: the 5's bar blurred
    off, `đến` read a letter off): the range still gives the sendings' start and end. A real
    word a letter off `đến` (`lên`, `nên`: a meeting moved from one day to another), a date
    before the first, or the same words typed in a text layer make no end."""
    def ends(until: str, second: str = "28/2/2026", ocr: bool = True) -> set[object]:
        text = _article_one(
            "2318/QĐ-UBND", "Về việc biệt phái công chức, viên chức",
            f"Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân các xã, thời gian từ ngày 01/9/202s {until} "
            f"ngày {second}, cụ thể như sau:",
            "1. Ông Phan Thanh Bình, Chuyên viên Sở Nội vụ, đến làm việc tại Ủy ban nhân dân phường Thục Phán.",
            "2. Bà Bàn Thị Liên, Chuyên viên Sở Tài chính, đến làm việc tại Ủy ban nhân dân xã Chợ Đồn.")
        page = PageText(1, text, method="ocr", ocr_confidence=0.8) if ocr else PageText(1, text)
        read = extract_facts([page])
        if ocr:
            assert {s.start for s in read.secondments} == {"2025-09-01"}
        return {s.end for s in read.secondments}

    assert ends("gén") == {"2026-02-28"}
    assert ends("lên") == {None} and ends("nên") == {None}
    assert ends("gén", second="28/8/2025") == {None}
    assert ends("gén", ocr=False) == {None}



def test_a_lists_first_row_whose_1_was_read_as_a_letter_and_a_speck_before_a_name() -> None:
    """Faint ink: row 1's number read `i`, with row 2 below it, is the list's first row; a
    quote mark read before a name (`“Giàng A Páo`) is none of the name."""
    rows = ["i | Lò Văn Pấng | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | Xã Mường Khoa | "
            "Địa chính - xây dựng | 06 tháng",
            "2 | “Giàng A Páo | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Pa Tần | Nội vụ | 06 tháng"]
    read = extract_facts([PageText(1, _listed(rows), method="ocr", ocr_confidence=0.8)])
    assert {s.person: s.to_unit for s in read.secondments} == {"Lò Văn Pấng": "Xã Mường Khoa",
                                                               "Giàng A Páo": "Xã Pa Tần"}


def test_a_listed_names_tail_of_specks_read_as_small_letters_is_none_of_it() -> None:
    """Specks under a phone photo's tilted row, read `ee ees` after the name: no Vietnamese
    syllable is spelled so, and the person is `Phạm Quốc Khánh`. A name syllable OCR read in
    small letters (`Lò Văn pấng`) is still a syllable and stays."""
    rows = ["1 | Phạm Quốc Khánh ee ees | Chuyên viên | Phòng Quy hoạch - Kiến trúc, Sở Xây dựng | Xã Trạm Tấu | "
            "Quy hoạch - xây dựng | 06 tháng",
            "2 | Lò Văn pấng | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | Xã Mường Khoa | "
            "Địa chính - xây dựng | 06 tháng"]
    read = extract_facts([PageText(1, _listed(rows), method="ocr", ocr_confidence=0.8)])
    assert {s.person for s in read.secondments} == {"Phạm Quốc Khánh", "Lò Văn Pấng"}
    # a marked word (`êban`, an Êđê name OCR read small) and a bracket stay; a text layer is as typed
    kept = ["1 | Y Moan êban | Chuyên viên | Phòng Quy hoạch - Kiến trúc, Sở Xây dựng | Xã Trạm Tấu | "
            "Quy hoạch - xây dựng | 06 tháng",
            "2 | Lò Văn Pấng (Phó trưởng phòng) | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | "
            "Xã Mường Khoa | Địa chính - xây dựng | 06 tháng"]
    read = extract_facts([PageText(1, _listed(kept), method="ocr", ocr_confidence=0.8)])
    assert [s.person for s in read.secondments] == ["Y Moan Êban", "Lò Văn Pấng (Phó Trưởng Phòng)"]
    assert [s.person for s in facts_of(_listed(kept)).secondments] == ["Y Moan êban", "Lò Văn Pấng (Phó trưởng phòng)"]


def test_a_listed_name_no_vietnamese_name_is_spelled_as_is_to_check() -> None:
    """`Sting Thị Mỷ` (a phone photo's `Sùng`): no family name is `Sting`, and the sending is read
    under the line, as its brief and the summary mark it. A rare name spelled right (`Vàng Seo
    Vần`) and the same row typed in a text layer are read as they are."""
    rows = ["1 | Sting Thị Mỷ | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | Xã Mường Khoa | "
            "Địa chính - xây dựng | 06 tháng",
            "2 | Vàng Seo Vần | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Pa Tần | Nội vụ | 06 tháng"]
    read = extract_facts([PageText(1, _listed(rows), method="ocr", ocr_confidence=0.93)])
    conf = {s.person: s.evidence.confidence for s in read.secondments}
    assert conf["Sting Thị Mỷ"] < 0.8 and conf["Vàng Seo Vần"] >= 0.8
    typed = {s.person: s.evidence.confidence for s in facts_of(_listed(rows)).secondments}
    assert all(c is None or c >= 0.8 for c in typed.values())
    # the Central Highlands' names are not Kinh syllables, and their family names are listed
    highlands = ["1 | Y Bih Niê | Chuyên viên | Phòng Công chức, viên chức, Sở Nội vụ | Xã Mường Khoa | "
                 "Địa chính - xây dựng | 06 tháng",
                 "2 | H'Hen Niê | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Pa Tần | Nội vụ | 06 tháng",
                 "3 | Ksor H'Bla | Chuyên viên | Phòng Tổ chức biên chế, Sở Nội vụ | Xã Tả Lèng | Nội vụ | 06 tháng"]
    read = extract_facts([PageText(1, _listed(highlands), method="ocr", ocr_confidence=0.93)])
    assert len(read.secondments) == 3 and all(s.evidence.confidence >= 0.8 for s in read.secondments)


def test_the_people_an_extension_lists_are_extended_though_its_intro_says_where_they_are() -> None:
    """A tester's extension: `Gia hạn … đối với 02 viên chức đang biệt phái tại …, cụ thể như
    sau:` then each person. The intro's last verb, `đang biệt phái`, states where they are; the
    people were dropped as stated, and a count of 2 to `Ủy ban nhân dân` stood in their place."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Gia hạn thời gian biệt phái đối với 02 viên chức đang biệt phái tại\n"
            "Ủy ban nhân dân các xã theo Quyết định số 705/QĐ-SNNMT ngày 28/8/2025\n"
            "của Giám đốc Sở Nông nghiệp và Môi trường, cụ thể như sau:\n"
            "1. Ông Vàng Mí Chứ, viên chức Văn phòng Đăng ký đất đai tỉnh, đang biệt\n"
            "phái tại Ủy ban nhân dân xã Đồng Văn, tiếp tục thực hiện nhiệm vụ lĩnh vực đo\n"
            "đạc, đăng ký đất đai.\n"
            "2. Bà Nông Thị Thu Hường, viên chức Trung tâm Khuyến nông tỉnh, đang\n"
            "biệt phái tại Ủy ban nhân dân xã Mèo Vạc, tiếp tục thực hiện nhiệm vụ lĩnh vực\n"
            "nông nghiệp, phát triển nông thôn.\n"
            "Thời gian gia hạn: 06 tháng, kể từ ngày 01 tháng 3 năm 2026 đến hết ngày\n"
            "31 tháng 8 năm 2026.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    found = extract_facts([PageText(1, text)]).secondments
    assert [(s.person, s.action, s.to_unit, s.start, s.end) for s in found] == [
        ("Vàng Mí Chứ", "extend", "Ủy ban nhân dân xã Đồng Văn", "2026-03-01", "2026-08-31"),
        ("Nông Thị Thu Hường", "extend", "Ủy ban nhân dân xã Mèo Vạc", "2026-03-01", "2026-08-31")]
    assert found[0].from_unit == "Văn phòng Đăng ký đất đai tỉnh" and found[1].position == "nông nghiệp, phát triển nông thôn"


def test_people_a_list_states_as_already_sent_are_still_not_sent() -> None:
    """Every verb of the intro stating (`đã được biệt phái … gồm:`): the people listed are not sent here."""
    text = ("Điều 1. Các viên chức đang biệt phái tại Ủy ban nhân dân xã Đồng Văn theo Quyết định số "
            "705/QĐ-SNNMT ngày 28/8/2025 gồm:\n1. Ông Vàng Mí Chứ, viên chức Văn phòng Đăng ký đất đai tỉnh.\n"
            "Điều 2. Giao Văn phòng Đăng ký đất đai tỉnh theo dõi.\n")
    assert extract_facts([PageText(1, text)]).secondments == []


def test_a_headcount_sent_to_help_a_number_of_communes() -> None:
    """`cử 146 công chức, viên chức về hỗ trợ 62 xã, phường`: the communes helped are the
    destination, as `về làm việc tại 62 xã` would be (a tester's)."""
    text = header("286/KH-UBND", "Tăng cường công chức cấp tỉnh về hỗ trợ các xã, phường",
                  issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "KẾ HOẠCH\nII. NỘI DUNG\nCác sở, ban, ngành tỉnh cử 146 công chức, viên chức về hỗ trợ 62 xã,\n"
        "phường còn thiếu công chức chuyên môn.\n") + SIGN
    [sent] = facts_of(text).secondments
    assert (sent.count, sent.to_unit) == (146, "62 xã, phường")


def test_a_second_headcount_joined_by_and_goes_to_its_own_place() -> None:
    """`đã cử 03 công chức tăng cường về xã Lao Bảo và 02 công chức về xã Khe Sanh`: one verb
    sends both; `có chuyên môn về đất đai, xây dựng` names the field (a tester's)."""
    text = header("318/TB-VPUBND", "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh",
                  issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + (
        "THÔNG BÁO\n1. Từ tháng 9/2025, các sở, ngành đã cử 03 công chức tăng cường về xã Lao Bảo\n"
        "và 02 công chức về xã Khe Sanh, bước đầu phát huy hiệu quả.\n"
        "2. Giao Sở Nội vụ cử thêm 04 công chức có chuyên môn về đất đai, xây dựng\n"
        "tăng cường cho xã Lao Bảo, thời gian 06 tháng.\n") + SIGN
    got = {s.count: (s.to_unit, s.position) for s in facts_of(text).secondments}
    assert got[3][0].endswith("xã Lao Bảo") and got[2][0].endswith("xã Khe Sanh")
    assert got[4][0].endswith("xã Lao Bảo") and got[4][1] == "đất đai, xây dựng"
    # a count joined to one that goes nowhere is no second sending
    alone = header("319/TB-VPUBND", "Kết luận", issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + (
        "THÔNG BÁO\nCác sở đã cử 03 công chức và 02 xã đã bố trí nơi ở.\n") + SIGN
    assert [s.count for s in facts_of(alone).secondments] == [3]


def test_parts_after_trong_do_are_not_counted_beside_their_whole() -> None:
    """`đã cử 118/125 …, trong đó: biệt phái 73 người; tăng cường có thời hạn 45 người`: the two
    parts say which kind each is and add up to the whole, so they stand for it, going where it
    goes (a tester's). Parts without verbs of their own, or that do not add up, leave the whole."""
    report = header("725/BC-SNV", "Kết quả biệt phái, tăng cường công chức") + (
        "BÁO CÁO\n2. Kết quả\nĐến ngày 31/10/2025, các sở, ban, ngành đã cử 118/125 công chức, viên\n"
        "chức theo kế hoạch về làm việc tại 41 xã, phường (đạt 94,4%), trong đó: biệt phái 73 người;\n"
        "tăng cường có thời hạn 45 người. Phân theo lĩnh vực: đất đai 39 người; xây dựng 79 người.\n") + SIGN
    facts = facts_of(report)
    got = {s.count: (s.kind, s.to_unit, s.from_unit) for s in facts.secondments}
    assert got == {73: ("secondment", "41 xã, phường", "các sở, ban, ngành"),
                   45: ("reinforcement", "41 xã, phường", "các sở, ban, ngành")}
    assert {c.value: c.status for c in facts.counts}[39] == "reported"  # a breakdown of the sending
    short = report.replace("45 người", "40 người")
    assert [s.count for s in facts_of(short).secondments] == [118]


def test_a_communes_request_takes_no_period_from_its_statistics() -> None:
    """A commune's letter has no articles, so its whole body was the request's fallback range:
    `từ ngày 01/7/2025 đến ngày 30/9/2025, xã đã tiếp nhận 1.538 hồ sơ` became the term asked for.
    The term is `tối thiểu 12 tháng`; the fields are those of every part (a tester's)."""
    text = header("412/UBND-VP", "V/v đề nghị tăng cường công chức", issuer="ỦY BAN NHÂN DÂN\nXÃ EA SÚP") + (
        "Kính gửi: Sở Nội vụ tỉnh Đắk Lắk.\n"
        "Xã chỉ có 04 công chức địa chính, trong khi khối lượng công việc rất lớn: từ ngày 01/7/2025 đến\n"
        "ngày 30/9/2025, xã đã tiếp nhận 1.538 hồ sơ thủ tục hành chính.\n"
        "Ủy ban nhân dân xã Ea Súp kính đề nghị Sở Nội vụ xem xét, tăng cường 03 công chức về làm việc\n"
        "tại xã, cụ thể: 01 công chức lĩnh vực đất đai; 01 công chức lĩnh vực xây dựng; 01 công chức\n"
        "lĩnh vực tài chính - kế toán. Thời gian tăng cường tối thiểu 12 tháng.\n") + SIGN
    [asked] = facts_of(text).secondments
    assert (asked.count, asked.start, asked.end, asked.duration_months) == (3, None, None, 12)
    assert asked.position == "đất đai, xây dựng, tài chính - kế toán"


@pytest.mark.parametrize("body", [
    "Điều 1. Biệt phái 10 công chức đến Ủy ban nhân dân xã Bản Lang, trong đó có 03 nữ; tăng cường 05 viên chức "
    "đến Ủy ban nhân dân xã Mường Khoa.\n",
    "Điều 1. Biệt phái 10 công chức đến Ủy ban nhân dân xã Bản Lang (gồm các lĩnh vực đất đai, xây dựng) và "
    "tăng cường 05 viên chức đến Ủy ban nhân dân xã Mường Khoa.\n",
    "Điều 1. Biệt phái 10 công chức đến Ủy ban nhân dân các xã (trong đó 06 công chức lĩnh vực đất đai, 04 công "
    "chức lĩnh vực xây dựng); tăng cường 05 viên chức đến Ủy ban nhân dân xã Mường Khoa.\n",
])
def test_a_sending_after_a_breakdown_of_another_is_its_own(body: str) -> None:
    """A reviewer: the 05 sent to xã Mường Khoa was taken for a part of the 10 (`trong đó`,
    `gồm`) and dropped; it goes elsewhere, or after the bracket that closed the breakdown."""
    found = facts_of(header("286/QĐ-SNV", "Biệt phái công chức") + "QUYẾT ĐỊNH:\n" + body + SIGN).secondments
    assert sorted(s.count for s in found) == [5, 10]
    assert any(s.count == 5 and (s.to_unit or "").endswith("xã Mường Khoa") for s in found)


def test_a_field_holding_ve_is_not_cut_and_people_in_place_are_not_sent() -> None:
    """A reviewer: `lĩnh vực quản lý nhà nước về đất đai` was cut at `về`; `02 công chức tại xã
    Lao Bảo đã nghỉ hưu`, joined to a sending, was sent."""
    body = ("THÔNG BÁO\n1. Sở Nội vụ đã cử 04 công chức lĩnh vực quản lý nhà nước về đất đai tăng cường về "
            "xã Lao Bảo.\n")
    (s,) = facts_of(header("318/TB-VPUBND", "Kết luận", issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + body + SIGN).secondments
    assert (s.count, s.position) == (4, "quản lý nhà nước về đất đai")
    for staying in ("02 công chức tại xã Lao Bảo đã nghỉ hưu", "02 công chức tại chỗ của xã được bố trí lại"):
        body = f"THÔNG BÁO\n1. Các sở đã cử 03 công chức về xã Lao Bảo, {staying}.\n"
        found = facts_of(header("318/TB-VPUBND", "Kết luận", issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + body + SIGN)
        assert [s.count for s in found.secondments] == [3]


@pytest.mark.parametrize("tail", ["cho 9 xã miền núi còn thiếu nhân lực", "đến tăng cường cho 19 xã vùng cao"])
def test_a_field_ends_before_a_preposition_that_a_figure_or_a_verb_follows(tail: str) -> None:
    """`có chuyên môn về đất đai, xây dựng cho 9 xã …` read `đất đai, xây dựng cho`."""
    body = f"THÔNG BÁO\\n1. Thống nhất tăng cường 25 công chức có chuyên môn về đất đai, xây dựng {tail}.\\n"
    found = facts_of(header("318/TB-VPUBND", "Kết luận", issuer="UBND TỈNH BẮC HÀ\\nVĂN PHÒNG") + body + SIGN)
    assert [s.position for s in found.secondments] == ["đất đai, xây dựng"]


def test_a_bracketed_breakdown_counts_its_whole_once() -> None:
    """A tester: `đã cử 50 công chức (biệt phái 30 người, tăng cường 20 người)` sent 100 (the
    50 and its two parts); the bracket breaks the whole down as `trong đó` does."""
    body = ("BÁO CÁO\n1. Kết quả thực hiện\nCác sở, ngành đã cử 50 công chức (biệt phái 30 người, tăng cường "
            "20 người) về hỗ trợ các xã, phường.\n")
    found = facts_of(header("301/BC-UBND", "Kết quả hỗ trợ công chức") + body + SIGN).secondments
    assert sorted((s.count, s.kind) for s in found) == [(20, "reinforcement"), (30, "secondment")]
    # a bracket that only says where the list is breaks nothing down
    body = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 10 công chức (có danh sách kèm theo) đến Ủy ban nhân dân xã Bản Lang; "
            "tăng cường 05 viên chức đến Ủy ban nhân dân xã Mường Khoa.\n")
    found = facts_of(header("286/QĐ-SNV", "Biệt phái công chức") + body + SIGN).secondments
    assert sorted(s.count for s in found) == [5, 10]


def test_a_persons_dates_stay_in_their_own_sentence() -> None:
    """A second tester's: a sentence sending a second person, with no date, took the first
    person's start and end from the first sentence of the article."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Trần Văn Bình, Chuyên viên Phòng Kế hoạch - Tài chính, Sở Nông nghiệp và "
            "Môi trường, đến làm việc tại Ủy ban nhân dân xã Con Cuông, kể từ ngày 01/9/2025 đến ngày 31/8/2026.\n"
            "Biệt phái bà Lê Thị Hoa, Chuyên viên Văn phòng, Sở Y tế, đến làm việc tại Ủy ban nhân dân xã Tương Dương.\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n")
    got = {s.person: (s.start, s.end) for s in extract_facts([PageText(1, text)]).secondments}
    assert got == {"Trần Văn Bình": ("2025-09-01", "2026-08-31"), "Lê Thị Hoa": (None, None)}


def test_a_period_said_for_everyone_still_reaches_each_person() -> None:
    """The period in a sentence of its own (no person sent there) is everyone's."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Trần Văn Bình, Chuyên viên Văn phòng, Sở Nông nghiệp và Môi trường, "
            "đến làm việc tại Ủy ban nhân dân xã Con Cuông.\n"
            "Biệt phái bà Lê Thị Hoa, Chuyên viên Văn phòng, Sở Y tế, đến làm việc tại Ủy ban nhân dân xã Tương Dương.\n"
            "Thời gian biệt phái: từ ngày 01/9/2025 đến ngày 31/8/2026.\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n")
    got = {s.person: (s.start, s.end) for s in extract_facts([PageText(1, text)]).secondments}
    assert got == {"Trần Văn Bình": ("2025-09-01", "2026-08-31"), "Lê Thị Hoa": ("2025-09-01", "2026-08-31")}


# a decision's list of two: the first with a body of their own, the second with a department only
LIST_OF_TWO = ("DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
               "STT | Họ và tên | Chức vụ, đơn vị công tác | Nơi đến\n"
               "1 | Nguyễn Văn An | Chuyên viên Phòng Trồng trọt, Sở Nông nghiệp và Môi trường | xã Nghi Lộc\n"
               "2 | Trần Thị Bình | Phó Trưởng phòng Quản lý đất đai | xã Diễn Châu\n")


def test_a_listed_person_with_no_body_comes_from_the_body_the_headcount_names() -> None:
    """A second tester's list: a row naming only a department (`Phó Trưởng phòng Quản lý đất đai`)
    lost its sending body, which the decision names once for all: `04 công chức thuộc Sở …`."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 02 công chức thuộc Sở Nông nghiệp và Môi trường đến công tác tại Ủy ban "
            "nhân dân các xã, kể từ ngày 15/8/2025 (có danh sách kèm theo).\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n" + LIST_OF_TWO)
    got = {s.person: s.from_unit for s in extract_facts([PageText(1, text)]).secondments}
    assert got == {"Nguyễn Văn An": "Sở Nông nghiệp và Môi trường", "Trần Thị Bình": "Sở Nông nghiệp và Môi trường"}


def test_a_listed_person_with_no_body_takes_none_where_the_headcounts_name_several() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 01 công chức thuộc Sở Nông nghiệp và Môi trường và 01 công chức thuộc Sở Y tế "
            "đến công tác tại Ủy ban nhân dân các xã (có danh sách kèm theo).\n"
            "DANH SÁCH CÔNG CHỨC BIỆT PHÁI\n"
            "STT | Họ và tên | Chức vụ, đơn vị công tác | Nơi đến\n"
            "1 | Nguyễn Văn An | Phó Trưởng phòng Trồng trọt | xã Nghi Lộc\n"
            "2 | Trần Thị Bình | Phó Trưởng phòng Quản lý đất đai | xã Diễn Châu\n")
    got = {s.person: s.from_unit for s in extract_facts([PageText(1, text)]).secondments if s.person}
    assert set(got) == {"Nguyễn Văn An", "Trần Thị Bình"} and set(got.values()) == {None}


@pytest.mark.parametrize("first", ["02", "01"])
def test_headcounts_joined_each_with_a_body_of_its_own_are_two_sendings(first: str) -> None:
    """`Biệt phái 02 công chức thuộc Sở A và 01 công chức thuộc Sở B đến …`: the first sending's
    body ran on into the second headcount, which was lost (and two of one size were one)."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái " + first + " công chức thuộc Sở Nông nghiệp và Môi trường và 01 công chức "
            "thuộc Sở Y tế đến công tác tại Ủy ban nhân dân các xã.\n")
    facts = extract_facts([PageText(1, text)])
    assert sorted((s.count, s.from_unit) for s in facts.secondments) == sorted(
        [(int(first), "Sở Nông nghiệp và Môi trường"), (1, "Sở Y tế")])
    assert sorted(c.value for c in facts.counts) == sorted([int(first), 1])


def test_one_headcount_said_again_is_still_one_sending() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 05 công chức thuộc Sở Y tế đến công tác tại Ủy ban nhân dân xã Con Cuông.\n"
            "Điều 2. 05 công chức được biệt phái có trách nhiệm chấp hành sự phân công của Ủy ban nhân dân xã.\n")
    assert [(s.count, s.from_unit) for s in extract_facts([PageText(1, text)]).secondments] == [(5, "Sở Y tế")]


def test_a_rotation_list_gives_the_post_and_body_gone_to_from_one_column() -> None:
    """A tester's rotation list: `Chức vụ, đơn vị hiện nay` and `Chức vụ, đơn vị luân chuyển đến`
    were both read as the person's own position and unit (the first heading's prefix), so no
    rotation had a destination; and `UBND` in a cell named no body."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Luân chuyển 02 đồng chí có tên tại danh sách kèm theo.\n"
            "Thời gian luân chuyển là 36 tháng, kể từ ngày 01 tháng 12 năm 2025.\n"
            "DANH SÁCH CÁN BỘ LUÂN CHUYỂN\n"
            "STT | Họ và tên | Chức vụ, đơn vị hiện nay | Chức vụ, đơn vị luân chuyển đến | Ghi chú\n"
            "1 | Đỗ Minh Khoa | Phó Chủ tịch UBND xã Ba Chẽ | Chủ tịch UBND xã Đầm Hà | \n"
            "2 | Lục Thị Hoa | Phó Chủ tịch UBND xã Tiên Yên | Phó Chủ tịch UBND xã Quảng Hà | \n")
    facts = extract_facts([PageText(1, text)])
    got = {s.person: (s.from_unit, s.to_unit, s.position, s.start) for s in facts.secondments}
    assert got == {
        "Đỗ Minh Khoa": ("Ủy ban nhân dân xã Ba Chẽ", "Ủy ban nhân dân xã Đầm Hà", "Chủ tịch", "2025-12-01"),
        "Lục Thị Hoa": ("Ủy ban nhân dân xã Tiên Yên", "Ủy ban nhân dân xã Quảng Hà", "Phó Chủ tịch", "2025-12-01")}
    assert {p.name: p.position for p in facts.people} == {"Đỗ Minh Khoa": "Phó Chủ tịch", "Lục Thị Hoa": "Phó Chủ tịch"}


def test_a_list_whose_narrow_heading_wrapped_is_read_and_its_headcount_is_its_people() -> None:
    """A tester's dispatch: the row-number column's heading wrapped in its cell (`ST T`) hid the
    whole table; and the headcount introducing it (`Đồng ý tăng cường 04 công chức …, cụ thể
    như sau:` then the table) was a fifth sending, `requested`, beside the four listed."""
    text = ("Kính gửi: Sở Nội vụ.\n1. Đồng ý tăng cường 02 công chức của Sở Xây dựng về làm việc tại Ủy ban nhân "
            "dân các xã, từ ngày 15/12/2025 đến ngày 15/6/2026, cụ thể như sau:\n"
            "ST T | Họ và tên | Chức vụ, đơn vị công tác | Nơi tăng cường đến | Lĩnh vực\n"
            "1 | Khúc Minh Hiếu | Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng | UBND xã Khoái Châu | Xây dựng\n"
            "2 | Nguyễn Thị Lan | Chuyên viên Phòng Hạ tầng kỹ thuật, Sở Xây dựng | UBND xã Tiên Lữ | Xây dựng\n")
    facts = extract_facts([PageText(1, "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 6284/UBND-NC\nV/v tăng cường công chức\n"
                                            + text)])
    assert facts.document.doc_type == "official_dispatch"
    got = sorted((s.person, s.to_unit, s.position, s.status) for s in facts.secondments)
    assert got == [("Khúc Minh Hiếu", "Ủy ban nhân dân xã Khoái Châu", "Xây dựng", "decided"),
                   ("Nguyễn Thị Lan", "Ủy ban nhân dân xã Tiên Lữ", "Xây dựng", "decided")]
    assert [(c.value, c.status) for c in facts.counts] == [(2, "decided")]


def test_a_period_labelled_in_another_article_reaches_the_people_sent() -> None:
    """A tester's decision: `Điều 2. Thời gian tăng cường: từ ngày … đến hết ngày …` left the
    three people of Điều 1 with no period (dates were looked for in their own article only)."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Tăng cường có thời hạn 02 công chức về làm việc tại Ủy ban nhân dân các xã, cụ thể:\n"
            "1. Ông Lâm Quốc Việt, Chuyên viên Phòng Quản lý đất đai, Sở Nông nghiệp và Môi trường, tăng cường về "
            "Ủy ban nhân dân xã Đầm Dơi.\n"
            "2. Bà Quách Thị Mỹ Duyên, Chuyên viên Phòng Ngân sách, Sở Tài chính, tăng cường về Ủy ban nhân dân "
            "xã Nguyễn Phích.\n"
            "Điều 2. Thời gian tăng cường: từ ngày 05 tháng 01 năm 2026 đến hết ngày 04 tháng 7 năm 2026. Trong thời "
            "gian tăng cường, công chức chịu sự quản lý của Ủy ban nhân dân xã.\n"
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký.\n")
    got = {s.person: (s.start, s.end) for s in extract_facts([PageText(1, text)]).secondments}
    assert got == {"Lâm Quốc Việt": ("2026-01-05", "2026-07-04"), "Quách Thị Mỹ Duyên": ("2026-01-05", "2026-07-04")}


@pytest.mark.parametrize("said", ["Thời gian biệt phái: 12 tháng kể từ ngày ký Quyết định này.",
                                  "Thời hạn biệt phái 12 tháng, kể từ ngày ký."])
def test_months_from_the_signing_day_start_on_it(said: str) -> None:
    """`Thời gian biệt phái: 12 tháng kể từ ngày ký` (a tester's) gave the length and no start."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 15/QĐ-SYT\nKhánh Hòa, ngày 12 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc biệt phái viên chức\nQUYẾT ĐỊNH:\nĐiều 1. Biệt phái bà Nguyễn Thị Thu Trang, Điều dưỡng hạng III, "
            "Trung tâm Y tế khu vực Cam Lâm, đến công tác tại Trạm Y tế xã Suối Dầu.\n" + said + "\n"
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n")
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert (s.start, s.duration_months) == ("2025-11-12", 12)


def test_bodies_named_before_their_verb_send_and_the_kind_follows_the_people() -> None:
    """A tester's notice: `Giao Sở A cử thêm 08 công chức lĩnh vực đất đai, Sở B cử 05 công chức
    lĩnh vực xây dựng biệt phái về các xã còn thiếu`: no sender, no destination, `cử` read as a
    reinforcement, and the first field ran into the next clause (`đất đai, Sở Xây dựng cử`)."""
    text = ("THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\n"
            "2. Giao Sở Nông nghiệp và Môi trường cử thêm 08 công chức lĩnh vực đất đai, Sở Xây dựng cử 05 công "
            "chức lĩnh vực xây dựng biệt phái về các xã còn thiếu; hoàn thành trước ngày 31/12/2025.\n")
    got = sorted((s.count, s.kind, s.from_unit, s.to_unit, s.position) for s in extract_facts([PageText(1, text)]).secondments)
    assert got == [(5, "secondment", "Sở Xây dựng", "các xã còn thiếu", "xây dựng"),
                   (8, "secondment", "Sở Nông nghiệp và Môi trường", "các xã còn thiếu", "đất đai")]


def test_a_body_inside_a_collective_sender_is_not_the_sender() -> None:
    text = ("CÔNG VĂN\n1. Các đơn vị thuộc Sở Y tế cử 30 viên chức về các xã vùng cao.\n")
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.from_unit != "Sở Y tế" and s.to_unit == "các xã vùng cao"


@pytest.mark.parametrize("lead", ["Đề nghị", "Yêu cầu", "Giao"])
def test_a_body_assigned_to_send_sends(lead: str) -> None:
    text = "CÔNG VĂN\n1. " + lead + " Sở Y tế cử 05 viên chức về các xã vùng cao.\n"
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.from_unit == "Sở Y tế"


def test_a_body_advising_another_does_not_send() -> None:
    """`Đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh tăng cường thêm 02 công chức …` (a
    tester's report) named the two bodies and their verb as the sender."""
    text = ("BÁO CÁO\n4. Kiến nghị\nĐề nghị Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh tăng cường thêm 02 công chức "
            "lĩnh vực tư pháp cho xã Sơn Hà.\n")
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.from_unit is None


def test_headcounts_joined_each_with_a_field_of_their_own_are_two_requests() -> None:
    """A tester's report: `tăng cường thêm 02 công chức lĩnh vực tư pháp - hộ tịch và 01 công chức
    lĩnh vực công nghệ thông tin cho xã Sơn Hà` gave one request, its field `tư pháp - hộ tịch và`."""
    text = ("BÁO CÁO\n4. Kiến nghị\nĐề nghị Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh tăng cường thêm 02 công chức "
            "lĩnh vực tư pháp - hộ tịch và 01 công chức lĩnh vực công nghệ thông tin cho xã Sơn Hà.\n")
    got = sorted((s.count, s.position, s.to_unit, s.status) for s in extract_facts([PageText(1, text)]).secondments)
    assert got == [(1, "công nghệ thông tin", "xã Sơn Hà", "requested"), (2, "tư pháp - hộ tịch", "xã Sơn Hà", "requested")]


def test_a_labelled_period_gives_the_end_a_list_intro_left_open() -> None:
    """A tester's report: the list's intro said when the people came (`từ ngày 20/10/2025 xã đã tiếp
    nhận 02 công chức …, gồm:`), a later sentence when they go (`Thời gian biệt phái … là 12
    tháng, đến hết ngày 19/10/2026`): the end was lost."""
    text = ("BÁO CÁO\n2. Kết quả tiếp nhận\nTừ ngày 20/10/2025 xã đã tiếp nhận 02 công chức được biệt phái, gồm:\n"
            "- Ông Đinh Văn Thơm, Chuyên viên Phòng Quy hoạch - Kiến trúc, Sở Xây dựng, phụ trách lĩnh vực xây dựng;\n"
            "- Ông Hồ Văn Dũng, Chuyên viên Văn phòng Đăng ký đất đai, Sở Nông nghiệp và Môi trường, phụ trách lĩnh "
            "vực đất đai.\n"
            "Thời gian biệt phái theo Quyết định là 12 tháng, đến hết ngày 19/10/2026.\n")
    got = {s.person: (s.start, s.end) for s in extract_facts([PageText(1, text)]).secondments if s.person}
    assert got == {"Đinh Văn Thơm": ("2025-10-20", "2026-10-19"), "Hồ Văn Dũng": ("2025-10-20", "2026-10-19")}


def test_one_headcount_said_again_with_another_preposition_is_one() -> None:
    """A reviewer's: `05 viên chức thuộc Sở Y tế` in Điều 1, `05 viên chức của Sở Y tế chịu sự
    phân công …` in Điều 2 were two counts and a second sending from `Sở Y tế chịu sự phân công …`."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 05 viên chức thuộc Sở Y tế đến làm việc tại Trạm Y tế xã Con Cuông, kể từ "
            "ngày 15/11/2025 đến ngày 14/11/2026.\nĐiều 2. Trong thời gian biệt phái, 05 viên chức của Sở Y tế chịu sự "
            "phân công của Chủ tịch Ủy ban nhân dân xã Con Cuông.\n")
    facts = extract_facts([PageText(1, text)])
    assert [c.value for c in facts.counts] == [5]
    assert [(s.count, s.from_unit) for s in facts.secondments] == [(5, "Sở Y tế")]


def test_a_date_after_tu_is_no_sending_body() -> None:
    """A reviewer's: `Biệt phái 02 công chức từ ngày 15/11/2025 …` gave a listed person with no
    body of their own the sending body `ngày 15/11/2025`."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 02 công chức từ ngày 15/11/2025 đến ngày 14/11/2026 đến làm việc tại Ủy ban "
            "nhân dân các xã (có danh sách kèm theo).\n" + LIST_OF_TWO)
    got = {s.person: s.from_unit for s in extract_facts([PageText(1, text)]).secondments}
    assert got["Trần Thị Bình"] is None


@pytest.mark.parametrize("inside", [
    "Biệt phái ông Trần Văn Bình, Chuyên viên Văn phòng, Sở Y tế, đến làm việc tại Ủy ban nhân dân xã Con Cuông, "
    "thời gian biệt phái từ ngày 01/9/2025 đến ngày 31/8/2026.",
    "Căn cứ Kế hoạch số 12/KH-UBND về thời gian thực hiện từ ngày 01/9/2025 đến ngày 31/12/2025;"])
def test_a_period_label_inside_a_sentence_is_that_sentences(inside: str) -> None:
    """A reviewer's: the first labelled period anywhere reached every person without dates: one
    inside another person's sentence, or a plan's in the preamble."""
    text = ("QUYẾT ĐỊNH:\n" + inside + "\nĐiều 1. Biệt phái bà Lê Thị Hoa, Chuyên viên Văn phòng, Sở Tư pháp, đến làm "
            "việc tại Ủy ban nhân dân xã Tương Dương.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n")
    got = {s.person: (s.start, s.end) for s in extract_facts([PageText(1, text)]).secondments}
    assert got["Lê Thị Hoa"] == (None, None)


@pytest.mark.parametrize("task", [
    "tham gia Đoàn kiểm tra việc bố trí nhân lực, đề xuất phương án điều động bác sĩ về các trạm y tế xã",
    "hướng dẫn nghiệp vụ cho công chức được điều động về xã"])
def test_a_kind_verb_after_another_task_is_not_the_peoples(task: str) -> None:
    """A reviewer's: a verb sending others after the people's own task gave the people its kind."""
    text = "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\n1. Giao Sở Y tế cử 03 viên chức " + task + ".\n"
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.kind == "reinforcement"


def test_a_table_of_bodies_and_figures_is_no_list_of_the_people() -> None:
    """A reviewer's: `cử 06 công chức …, phân bổ cụ thể như sau:` then a table of bodies and
    figures was taken as the people named, and the request as decided."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 62/UBND-NC\nV/v tăng cường công chức\nKính gửi: Các sở, ban, ngành.\n"
            "Đề nghị các sở, ban, ngành cử 06 công chức về làm việc tại Ủy ban nhân dân các xã, phân bổ cụ thể như sau:\n"
            "STT | Đơn vị cử | Số lượng\n1 | Sở Xây dựng | 03\n2 | Sở Tài chính | 03\n")
    facts = extract_facts([PageText(1, text)])
    assert [(s.count, s.status) for s in facts.secondments] == [(6, "requested")]


def test_the_province_committee_named_before_its_verb_is_no_sending_body() -> None:
    text = "BÁO CÁO\nỦy ban nhân dân tỉnh đã biệt phái 57 công chức về các xã còn thiếu.\n"
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert s.from_unit is None and s.to_unit == "các xã còn thiếu"


def test_a_posts_commune_named_with_it_is_the_destination() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Luân chuyển 01 đồng chí có tên tại danh sách kèm theo.\nDANH SÁCH CÁN BỘ LUÂN CHUYỂN\n"
            "STT | Họ và tên | Chức vụ, đơn vị công tác hiện nay | Chức vụ, đơn vị công tác sau luân chuyển | Ghi chú\n"
            "1 | Lục Thị Hoa | Phó Chủ tịch UBND xã Tiên Yên | Công chức Tư pháp - Hộ tịch xã Quảng Hà | \n")
    (s,) = extract_facts([PageText(1, text)]).secondments
    assert (s.to_unit, s.position, s.from_unit) == ("xã Quảng Hà", "Công chức Tư pháp - Hộ tịch", "Ủy ban nhân dân xã Tiên Yên")


_RUN_ON = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái công chức về làm việc tại Ủy ban nhân dân xã Hữu Lũng trong thời gian "
           "09 tháng, cụ thể: {items}.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n")


def test_an_enumeration_run_on_in_one_sentence_sends_each_of_its_people_where_its_intro_says() -> None:
    """`…, cụ thể: ông A, …; ông B, …` on one line: the second person was taken for a sentence
    with no verb and lost, and the destination said before the people given to nobody."""
    facts = facts_of(_RUN_ON.format(items="ông Nguyễn Văn An, chuyên viên Sở Nội vụ; ông Trần Văn Bình, "
                                          "chuyên viên Sở Tư pháp"))
    assert sorted((s.person, s.from_unit, s.to_unit) for s in facts.secondments) == [
        ("Nguyễn Văn An", "Sở Nội vụ", "Ủy ban nhân dân xã Hữu Lũng"),
        ("Trần Văn Bình", "Sở Tư pháp", "Ủy ban nhân dân xã Hữu Lũng")]


def test_headcounts_run_on_after_a_colon_go_where_its_intro_says() -> None:
    facts = facts_of(_RUN_ON.format(items="Sở Nội vụ cử 01 công chức; Sở Tư pháp cử 01 công chức"))
    assert sorted((s.count, s.from_unit, s.to_unit) for s in facts.secondments) == [
        (1, "Sở Nội vụ", "Ủy ban nhân dân xã Hữu Lũng"), (1, "Sở Tư pháp", "Ủy ban nhân dân xã Hữu Lũng")]



def test_a_central_highlands_name_with_a_curly_apostrophe_is_a_person() -> None:
    """An Ede name typed with a typographic apostrophe, as Word does (`bà H’Linh Niê`), was no
    person and her rotation was lost; so was one typed straight."""
    for name in ("H’Linh Niê", "H'Linh Niê"):
        facts = facts_of(f"QUYẾT ĐỊNH:\nĐiều 1. Luân chuyển bà {name}, Chuyên viên Phòng Dân tộc, Sở Dân tộc và Tôn "
                         "giáo đến nhận công tác tại Ủy ban nhân dân xã Ea Kar.\n")
        assert [(s.person, s.to_unit) for s in facts.secondments] == [(name, "Ủy ban nhân dân xã Ea Kar")]


RECALL = ("SỞ Y TẾ\nSố: 388/QĐ-SYT\nQUYẾT ĐỊNH\nVề việc rút viên chức biệt phái\nQUYẾT ĐỊNH:\n"
          "Điều 1. Rút 02 viên chức đang biệt phái tại các phường về Sở Y tế công tác, kể từ ngày 15/5/2026, "
          "gồm:\n1. Bà Lê Thị Hồng Nhung, Chuyên viên Phòng Kế hoạch - Tài chính, đang biệt phái tại Ủy ban nhân "
          "dân phường Tân Lập;\n2. Ông Vi Văn Sáng, Kế toán viên Văn phòng Sở, đang biệt phái tại Ủy ban nhân dân "
          "phường Phú Lương.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")


def test_a_recall_of_people_seconded_ends_their_secondments() -> None:
    """`Rút 02 viên chức đang biệt phái tại các phường …, gồm:`: the recall takes the people its
    list names from where they are seconded; it was read as no sending at all (`đang biệt phái`
    only says where they are)."""
    facts = facts_of(RECALL)
    assert sorted((s.person, s.action, s.to_unit, s.end) for s in facts.secondments) == [
        ("Lê Thị Hồng Nhung", "end", "Ủy ban nhân dân phường Tân Lập", "2026-05-15"),
        ("Vi Văn Sáng", "end", "Ủy ban nhân dân phường Phú Lương", "2026-05-15")]
    # people stated seconded with no recall before them are sent by nobody here
    stated = RECALL.replace("Rút 02 viên chức", "Rà soát 02 viên chức")
    assert facts_of(stated).secondments == []


def test_the_issuers_head_alone_in_a_position_is_the_issuer() -> None:
    """`Kế toán viên Văn phòng Sở` in a decision of the Sở Y tế: his unit is the Sở Y tế (it was
    `Sở`)."""
    units = {p.name: p.unit for p in facts_of(RECALL).people}
    assert units["Vi Văn Sáng"] == "Sở Y tế"


def test_a_body_a_request_asks_to_direct_sends() -> None:
    text = ("Sở Nội vụ kính đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Giáo dục và Đào tạo biệt phái 05 viên "
            "chức đến làm việc tại xã Yên Thế.\n")
    assert [(s.count, s.from_unit) for s in facts_of(text).secondments] == [(5, "Sở Giáo dục và Đào tạo")]


DASH_LIST = ("2. Đề nghị các sở bố trí tổng cộng 07 công chức biệt phái về các xã, cụ thể như sau:\n"
             "- Sở Tài chính cử 02 công chức lĩnh vực kế toán biệt phái về Ủy ban nhân dân xã Đình Lập;\n"
             "- Sở Nội vụ cử 01 công chức lĩnh vực văn thư biệt phái về Ủy ban nhân dân xã Tràng Định;\n"
             "- Sở Xây dựng cử 04 công chức lĩnh vực quy hoạch biệt phái về Ủy ban nhân dân xã Cao Lộc.\n"
             "Thời gian biệt phái: 12 tháng, từ ngày 01/6/2026 đến ngày 31/5/2027.\n"
             "3. Các sở gửi danh sách công chức về Sở Nội vụ trước ngày 20/5/2026.\n")


def test_headcounts_listed_a_line_each_share_the_period_under_the_list_and_replace_their_total() -> None:
    """The period on its own line under headcounts listed a line each reached the last only;
    and the total that opens the list (`tổng cộng 07 …, cụ thể như sau:`) stood beside its parts."""
    facts = facts_of(DASH_LIST)
    assert sorted((s.count, s.start, s.end) for s in facts.secondments) == [
        (1, "2026-06-01", "2027-05-31"), (2, "2026-06-01", "2027-05-31"), (4, "2026-06-01", "2027-05-31")]


def test_bodies_each_sending_a_headcount_in_one_assigning_sentence() -> None:
    """Bodies each with a headcount in one assigning sentence (`giao Sở A cử 03 …, Sở B cử 02 …, Sở
    Văn / hóa … cử 02 …; Sở D cử 03 … lĩnh vực …`): the headcounts of one size were one each (a
    body's name broken over a line, and the assigning word before the first), the clause after
    the semicolon took the notice's own status, and its field was given to those before it."""
    text = ("THÔNG BÁO\nÝ kiến kết luận của Chủ tịch\n3. Để kịp thời kiện toàn bộ máy cấp xã, giao Sở Tài chính cử 03\n"
            "công chức, Sở Y tế cử 02 viên chức, Sở Văn\nhóa, Thể thao và Du lịch cử 02 viên chức, Sở Công Thương cử "
            "03 công chức về các xã biên giới, thời gian\nbiệt phái 09 tháng kể từ ngày 15/6/2026; Sở Khoa học và "
            "Công nghệ cử\n03 công chức lĩnh vực chuyển đổi số về xã Hữu Lũng.\n")
    facts = facts_of(text)
    got = sorted((s.from_unit, s.count, s.position, s.status) for s in facts.secondments)
    assert got == [("Sở Công Thương", 3, None, "requested"), ("Sở Khoa học và Công nghệ", 3, "chuyển đổi số", "requested"),
                   ("Sở Tài chính", 3, None, "requested"), ("Sở Văn hóa, Thể thao và Du lịch", 2, None, "requested"),
                   ("Sở Y tế", 2, None, "requested")]


def test_headcounts_of_one_size_each_with_a_field_of_their_own_run_on_are_each_sent() -> None:
    """`cử 03 công chức có chuyên môn về kế toán, 01 công chức có / chuyên môn về địa chính và 01
    công chức có chuyên môn về tư pháp đến …` gave one sending of the three (the two of 01 were
    one, their `về` taken for a destination's, and the cue broken over a line)."""
    text = ("Ủy ban nhân dân xã Yên Thế kính đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh\nchỉ đạo các sở cử 03 "
            "công chức có chuyên môn về kế toán, 01 công chức có\nchuyên môn về địa chính và 01 công chức có chuyên "
            "môn về tư pháp\nđến tăng cường cho Ủy ban nhân dân xã Yên Thế trong thời gian 06 tháng.\n")
    facts = facts_of(text)
    assert sorted(c.value for c in facts.counts) == [1, 1, 3]
    assert sorted((s.count, s.position) for s in facts.secondments) == [(1, "tư pháp"), (1, "địa chính"), (3, "kế toán")]


def test_the_bodies_a_headcount_comes_from_after_their_post_and_named_together() -> None:
    """`12 công chức giữ chức vụ trưởng phòng của / các sở, ban, ngành về …` named no body (it
    follows the post), and `15 công chức chuyên môn của các sở, ngành` gave `các sở` (the comma
    between bodies named together is theirs)."""
    text = ("II. Dự kiến số lượng: 27 công chức, trong đó:\n"
            "- Dự kiến luân chuyển 12 công chức giữ chức vụ trưởng phòng của\ncác sở, ban, ngành về 06 xã biên giới "
            "để giữ chức danh trưởng phòng chuyên môn;\n"
            "- Dự kiến điều động 15 công chức chuyên môn của các sở, ngành về 05 xã vùng cao.\n")
    assert sorted((s.count, s.from_unit) for s in facts_of(text).secondments) == [
        (12, "các sở, ban, ngành"), (15, "các sở, ngành")]
    # a destination's word before `của` ends the clause's own words: the body is the place's
    placed = facts_of("Điều động 04 công chức về làm việc tại xã Cao Lộc của tỉnh Lạng Sơn.\n").secondments
    assert [s.from_unit for s in placed] == [None]

# -- what the rules above must not take (a reviewer's counter-examples, each proven on them) --


def test_a_colon_that_opens_no_list_makes_no_enumeration() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái ông Nguyễn Văn An, chuyên viên Sở Nội vụ, đến làm việc tại Ủy ban nhân dân "
            "xã Tân Lập. Thời gian biệt phái: 12 tháng kể từ ngày 01/10/2025; Ông Trần Văn Bình, Phó Giám đốc Sở "
            "Nội vụ, có trách nhiệm theo dõi.\n")
    assert [s.person for s in facts_of(text).secondments] == ["Nguyễn Văn An"]


@pytest.mark.parametrize("lead", ["Không rút 02 viên chức", "Chưa rút 02 viên chức",
                                  "Báo cáo danh sách viên chức thôi việc hoặc"])
def test_a_denied_recall_or_a_list_of_leavers_ends_nothing(lead: str) -> None:
    text = RECALL.replace("Rút 02 viên chức", lead)
    assert facts_of(text).secondments == []


def test_a_status_word_of_the_clause_before_a_semicolon_stays_its_own() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Năm 2025, các sở đã cử 12 công chức về các xã; Sở Tư pháp cử thêm 01 công chức về "
            "xã Phú Lương kể từ ngày 01/01/2026.\n")
    assert {s.count: s.status for s in facts_of(text).secondments}[1] == "decided"


def test_one_headcount_said_again_with_its_place_named_otherwise_is_one_sending() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 05 công chức của Sở Nông nghiệp và Môi trường đến làm việc tại Ủy ban nhân "
            "dân xã Tân Lập trong thời gian 12 tháng.\nĐiều 2. Sở Nông nghiệp và Môi trường cử 05 công chức lĩnh vực "
            "đất đai đến xã Tân Lập.\n")
    assert [s.count for s in facts_of(text).secondments] == [5]


def test_list_items_that_are_not_the_parts_of_a_headcount_before_them_stay_sendings() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 05 công chức Sở Nội vụ đến Ủy ban nhân dân xã Tân Lập và giao các sở cử "
            "bổ sung công chức cho xã Phú Lương, cụ thể:\n- Sở Tư pháp cử 01 công chức;\n- Sở Xây dựng cử 02 công "
            "chức.\n")
    got = sorted((s.count, s.from_unit, s.to_unit) for s in facts_of(text).secondments)
    assert got == [(1, "Sở Tư pháp", "xã Phú Lương"), (2, "Sở Xây dựng", "xã Phú Lương"),
                   (5, None, "Ủy ban nhân dân xã Tân Lập")]


def test_a_labelled_period_reaches_only_the_item_it_closes() -> None:
    text = ("1. Trong năm 2026, tăng cường 20 công chức cho các xã biên giới.\n2. Đợt 1, Sở Nội vụ cử 08 công chức về "
            "xã Tân Lập.\nThời gian tăng cường đợt 1: từ ngày 01/01/2026 đến ngày 30/6/2026.\n")
    assert {s.count: s.start for s in facts_of(text).secondments} == {20: None, 8: "2026-01-01"}


@pytest.mark.parametrize("text, body", [
    ("Sở Nội vụ cử 02 công chức thực hiện nhiệm vụ theo chỉ đạo của Chủ tịch UBND tỉnh đến xã Tân Lập.\n",
     "Sở Nội vụ"),
    ("Giao Sở Xây dựng cử 03 công chức giữ chức vụ lãnh đạo cấp phòng của Sở đến xã Phú Lương.\n", "Sở Xây dựng"),
    ("Biệt phái 20 công chức của Sở Nội vụ, ban Tổ chức về xã Tân Lập.\n", "Sở Nội vụ"),
])
def test_a_body_after_a_post_or_a_comma_is_taken_only_for_bodies_addressed_together(text: str, body: str) -> None:
    assert [s.from_unit for s in facts_of(text).secondments] == [body]


def test_where_people_work_now_said_before_them_is_no_destination() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái công chức đang công tác tại Sở Nông nghiệp và Môi trường, cụ thể: ông "
            "Nguyễn Văn An, chuyên viên; ông Trần Văn Bình, chuyên viên.\n")
    assert [s.to_unit for s in facts_of(text).secondments] == [None, None]


def test_the_head_of_the_documents_own_committee_named_by_title_is_no_one_sent() -> None:
    """`Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn kết luận như sau:` after a sentence
    that reports people sent: he decides; read as sent, his named sending also took the place of
    the reported headcount. A meeting `về tình hình biệt phái` sends nobody either."""
    text = ("THÔNG BÁO\nKết luận của Phó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn tại cuộc họp về tình hình "
            "biệt phái công chức\nSau khi nghe Sở Nội vụ báo cáo: các sở đã cử 17 công chức tăng cường cho 09 xã, ý "
            "kiến của các đại biểu,\nPhó Chủ tịch Ủy ban nhân dân thành phố Phạm Hồng Sơn kết luận như sau:\n"
            "1. Ghi nhận các sở đã chủ động cử công chức.\n")
    facts = facts_of(text)
    assert [(s.person, s.count) for s in facts.secondments] == [(None, 17)]


@pytest.mark.parametrize("place", ["xã Ea H'Leo", "xã Ia H’Drai", "xã Đắk R'Lấp"])
def test_a_communes_name_with_an_apostrophe_is_whole(place: str) -> None:
    """A reviewer's: `xã Ea H'Leo` was cut to `xã Ea` (its word with an apostrophe ended the name)."""
    text = f"QUYẾT ĐỊNH:\nĐiều 1. Biệt phái bà Trần Thị Bình, chuyên viên Sở Tư pháp, đến làm việc tại {place}.\n"
    assert [s.to_unit for s in facts_of(text).secondments] == [place]
