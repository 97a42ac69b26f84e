"""Third extraction round: causes seen on provincial documents (own strings, no held-out facts)."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts


def facts_of(text: str, conf: float | None = None) -> Facts:
    pages = [PageText(number=i + 1, text=t, method="text_layer" if conf is None else "ocr", ocr_confidence=conf)
             for i, t in enumerate(text.split("\f"))]
    return extract_facts(pages)


_DISPATCH = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ TÀI CHÍNH
Số: 12/STC-TCCB
Hà Nam Phong, ngày 12 tháng 3 năm 2025
V/v cử công chức hỗ trợ xã

Sở Tài chính cử ông Nguyễn Văn Tâm đến làm việc tại Ủy ban nhân dân xã Đông Sơn.

Nơi nhận:
- Như trên;
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
{tail}
"""


def test_signer_after_an_electronic_signature_stamp() -> None:
    tail = ("- Lưu: VT, TCCB.\nNgười ký: Trịnh Quốc \u00d0ông\nTrịnh Quốc \u00d0ông\n"
            "Cơ quan: Sở Tài chính, Tỉnh Hà Nam Phong\nThời gian ký: 10.10.2025 09:12:44 +07:00")
    facts = facts_of(_DISPATCH.format(tail=tail))
    assert facts.document.signer is not None
    assert facts.document.signer.name == "Trịnh Quốc \u00d0ông"
    # the stamp's name and the printed name are one person, not one doubled name
    names = [p.name for p in facts.people]
    assert "Trịnh Quốc \u00d0ông" in names
    assert not any(n.count("Trịnh") > 1 for n in names)


def test_signer_named_after_a_signed_mark_on_one_line() -> None:
    facts = facts_of(_DISPATCH.format(tail="- Lưu: VT, TCCB.          (Đã ký) Đoàn Thị Hồng Nhung"))
    assert facts.document.signer is not None
    assert facts.document.signer.name == "Đoàn Thị Hồng Nhung"


_PARTY = """ĐẢNG BỘ TỈNH HÀ NAM PHONG            {motto}
BAN TUYÊN GIÁO TỈNH ỦY                  ____________________
           *
Số 77-TB/BTGTU           Hà Nam Phong, ngày 12 tháng 3 năm 2025

THÔNG BÁO
về việc phân công cán bộ

Ban Tuyên giáo Tỉnh ủy thông báo phân công đồng chí Nguyễn Văn Tâm làm Trưởng phòng.

Nơi nhận:                                     K/T TRƯỞNG BAN
- Như trên;                                    PHÓ TRƯỞNG BAN
- Lưu: VT.                                    Trịnh Quốc Đông
"""


@pytest.mark.parametrize("motto,conf", [("ĐẢNG CỘNG SẢN VIỆT NAM", None), ("Dang cong san viet nam", 0.8)])
def test_party_motto_is_never_the_issuer(motto: str, conf: float | None) -> None:
    facts = facts_of(_PARTY.format(motto=motto), conf)
    assert facts.document.issuer == "Ban Tuyên giáo Tỉnh ủy"


@pytest.mark.parametrize("printed,proper", [
    ("BAN DÂN VẬN HUYỆN ỦY", "Ban Dân vận Huyện ủy"),
    ("VĂN PHÒNG THÀNH ỦY", "Văn phòng Thành ủy"),
    ("SỞ Y TẾ TỈNH ĐẮK LẮK", "Sở Y tế tỉnh Đắk Lắk"),
])
def test_party_committee_closes_a_body_name(printed: str, proper: str) -> None:
    assert proper_case_body(printed) == proper


_EN = ("On March 3, the People's Committee of Hoa Lam province issued Official Dispatch No. 77/UBND-NC on "
       "sending staff to communes. {sig} The dispatch asks departments to send 12 civil servants to communes.")


@pytest.mark.parametrize("sig,name,title", [
    ("It was signed by Vice Chairman Mr. Tran Van Hoang.", "Tran Van Hoang", "Vice Chairman"),
    ("The Deputy Director Ms. Vo Thi Lan signed the dispatch.", "Vo Thi Lan", "Deputy Director"),
    ("It was signed by Vice Chairman Le Quang Vinh.", "Le Quang Vinh", "Vice Chairman"),
])
def test_english_signer_with_honorific_or_as_subject(sig: str, name: str, title: str) -> None:
    facts = facts_of(_EN.format(sig=sig))
    assert facts.document.signer is not None
    assert (facts.document.signer.name, facts.document.signer.title) == (name, title)
    assert name in [p.name for p in facts.people]


_LISTED = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ NỘI VỤ
Số: 88/QĐ-SNV
Hà Nam Phong, ngày 02 tháng 4 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức, viên chức đến làm việc tại các xã
GIÁM ĐỐC SỞ NỘI VỤ
QUYẾT ĐỊNH:
Điều 1. Biệt phái 03 công chức, viên chức (có danh sách kèm theo) đến làm
việc tại Ủy ban nhân dân các xã Đông Sơn, Tây Sơn.
{period}
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
GIÁM ĐỐC
Trịnh Quốc Đông
\fDANH SÁCH
CÔNG CHỨC, VIÊN CHỨC BIỆT PHÁI ĐẾN LÀM VIỆC TẠI CÁC XÃ
{rows}
"""
_GLUED_ROWS = """STT Họ và tên | Chức vụ, đơn vị công tác | Nơi biệt phái đến
1 Nguyễn Văn Hùng | Chuyên viên Sở Xây dựng | UBND xã Đông Sơn
2 Trần Thị Mai | Chuyên viên Sở Tài chính | UBND xã Tây Sơn
3 Lê Văn Bình | Y sĩ Trung tâm Y tế khu vực Đông Sơn | UBND xã Tây Sơn"""


@pytest.mark.parametrize("period,start,end", [
    ("Thời gian biệt phái: 06 tháng, kể từ ngày 15 tháng 4 năm 2025.", "2025-04-15", None),
    ("Thời gian biệt phái từ ngày 15/4/2025 đến ngày 14/10/2025.", "2025-04-15", "2025-10-14"),
])
def test_table_rows_with_glued_row_numbers_take_the_stated_period(period: str, start: str, end: str | None) -> None:
    facts = facts_of(_LISTED.format(period=period, rows=_GLUED_ROWS))
    got = {s.person: (s.start, s.end) for s in facts.secondments}
    assert got == {n: (start, end) for n in ("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Bình")}
    if end is None:  # the length stated after a colon ("Thời gian biệt phái: 06 tháng")
        assert {s.duration_months for s in facts.secondments} == {6.0}


def test_rows_merged_into_one_line_give_no_name_with_numbers() -> None:
    merged = ("STT Họ và tên | Chức vụ, đơn vị công tác | Nơi biệt phái đến\n"
              "1 Nguyễn Văn Hùng, 2 Trần Thị Mai 3 Lê Văn Bình | Chuyên viên Sở Xây dựng Chuyên viên Sở Tài chính "
              "| UBND xã Đông Sơn UBND xã Tây Sơn")
    facts = facts_of(_LISTED.format(period="Thời gian biệt phái: 06 tháng, kể từ ngày 15 tháng 4 năm 2025.",
                                    rows=merged))
    assert not any(any(c.isdigit() for c in (s.person or "")) for s in facts.secondments)
    assert not any(any(c.isdigit() for c in p.name) for p in facts.people)


_ENDED = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ Y TẾ
Số: 91/QĐ-SYT
Hà Nam Phong, ngày 20 tháng 11 năm 2025
QUYẾT ĐỊNH
Về việc gia hạn biệt phái và chấm dứt biệt phái viên chức
GIÁM ĐỐC SỞ Y TẾ
QUYẾT ĐỊNH:
Điều 1. Biệt phái bà Nguyễn Thị Lan, điều dưỡng Bệnh viện Đa khoa tỉnh, đến làm việc tại Trạm Y tế xã Đông Sơn, thời gian từ ngày 01 tháng 12 năm 2025 đến ngày 31 tháng 5 năm 2026.
Điều 2. Kết thúc thời hạn biệt phái trước thời hạn đối với ông Phạm Quốc Huy, bác sĩ Trung tâm Y tế khu vực Tây Sơn, đang biệt phái tại Trạm Y tế xã Tây Sơn, kể từ ngày 01 tháng 12 năm 2025. Ông Phạm Quốc Huy có trách nhiệm bàn giao công việc.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
GIÁM ĐỐC
Trịnh Quốc Đông"""


@pytest.mark.parametrize("ending", ["Kết thúc thời hạn biệt phái", "Chấm dứt việc biệt phái", "Thôi biệt phái"])
def test_ending_a_secondment_is_an_ending_not_a_sending(ending: str) -> None:
    facts = facts_of(_ENDED.replace("Kết thúc thời hạn biệt phái", ending))
    assert [(s.person, s.action, s.start, s.end, s.to_unit) for s in facts.secondments] == [
        ("Nguyễn Thị Lan", "send", "2025-12-01", "2026-05-31", "Trạm Y tế xã Đông Sơn"),
        ("Phạm Quốc Huy", "end", None, "2025-12-01", "Trạm Y tế xã Tây Sơn")]
    assert {s.status for s in facts.secondments} == {"decided"}


_REPORT = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ NỘI VỤ
Số: 301/BC-SNV
Hà Nam Phong, ngày 20 tháng 11 năm 2025
BÁO CÁO
Kết quả tăng cường công chức về các xã
I. KẾT QUẢ
- Các sở, ngành đã cử 120 công chức về làm việc tại các xã.
- Có 27 người được cử nhưng chưa đến nhận nhiệm vụ đúng thời gian quy định, đã được nhắc nhở.
Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trịnh Quốc Đông"""


def test_people_sent_but_not_arrived_are_no_sending() -> None:
    facts = facts_of(_REPORT)
    assert [(s.kind, s.count) for s in facts.secondments] == [("reinforcement", 120)]
    assert 27 in [c.value for c in facts.counts]


_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
Số: 52/KH-UBND
Hà Nam Phong, ngày 20 tháng 9 năm 2025
KẾ HOẠCH
Tăng cường công chức, viên chức về công tác tại các xã vùng cao
I. MỤC ĐÍCH
Bảo đảm nhân lực cho các xã.
II. ĐỐI TƯỢNG, SỐ LƯỢNG, THỜI GIAN
1. Đối tượng: công chức, viên chức các sở, ngành.
2. Số lượng: tổng số 85 công chức, viên chức, tăng cường về 23 xã vùng cao.
3. Thời gian tăng cường: 12 tháng, bắt đầu từ ngày 01 tháng 10 năm 2025.
III. TỔ CHỨC THỰC HIỆN
Giai đoạn 1 (từ ngày 22/9/2025 đến ngày 26/9/2025): các xã đăng ký nhu cầu.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trịnh Quốc Đông"""


def test_headcount_with_the_verb_after_it_carries_the_start_of_its_period_item() -> None:
    facts = facts_of(_PLAN)
    assert [(s.kind, s.count, s.start, s.end) for s in facts.secondments] == [
        ("reinforcement", 85, "2025-10-01", None)]


_FIGURES = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ NỘI VỤ
Số: 301/BC-SNV
Hà Nam Phong, ngày 20 tháng 11 năm 2025
BÁO CÁO
Kết quả tăng cường công chức về các xã
Sở Nội vụ đã tiếp nhận 210 công chức, viên chức. Kết quả tại một số xã như sau:
STT | Xã, phường | Có mặt/Biên chế | Được tăng cường
1 | Xã Tân Phong | 31/40 | 6
2 | Phường Đông Hòa | 52/60 | 4
3 | Xã Hòa Bình | 18/25 | 7
Tổng cộng | 101/125 | 17
Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trịnh Quốc Đông"""


@pytest.mark.parametrize("layout", ["bars", "gaps"])
def test_figures_table_cells_are_counts_and_row_numbers_are_not(layout: str) -> None:
    text = _FIGURES
    if layout == "gaps":
        text = "\n".join(line.replace(" | ", "   ") for line in text.split("\n"))
    counts = {(c.value, c.total): c.what for c in facts_of(text).counts}
    assert counts[(31, 40)] == "Có mặt/Biên chế - Xã Tân Phong"
    assert counts[(7, None)] == "Được tăng cường - Xã Hòa Bình"
    assert (101, 125) in counts and (17, None) in counts and (210, None) in counts
    assert not {(1, None), (2, None), (3, None)} & set(counts)
    assert len(counts) == 9


def test_sending_in_progress_still_sends() -> None:
    text = _REPORT.replace("- Các sở, ngành đã cử 120 công chức", "- Các sở, ngành đang chuẩn bị tăng cường 120 công chức")
    assert [(s.kind, s.count) for s in facts_of(text).secondments] == [("reinforcement", 120)]


_SHORT = """ỦY BAN NHÂN DÂN XÃ TÂN PHONG
Số: 12/UBND
Tân Phong, ngày 02 tháng 4 năm 2025
V/v báo cáo tình hình công chức
{body}
"""


def test_ocr_letters_in_a_share_read_as_digits() -> None:
    body = "Lĩnh vực đất đai có 02/4 công chức, lĩnh vực xây dựng có 0l/3 công chức, lĩnh vực y tế có 1O/12 người."
    got = {(c.value, c.total) for c in facts_of(_SHORT.format(body=body)).counts}
    assert got == {(2, 4), (1, 3), (10, 12)}


def test_counted_thing_named_before_the_number() -> None:
    body = ("Tổng số biên chế công chức cấp xã được giao là 2.310; số có mặt là 2.004/2.310 (đạt 86,75%); "
            "số vị trí chuyên môn còn thiếu là 306.")
    got = {(c.value, c.total): c.what for c in facts_of(_SHORT.format(body=body)).counts}
    assert got == {(2310, None): "biên chế công chức cấp xã được giao", (2004, 2310): "có mặt",
                   (306, None): "vị trí chuyên môn còn thiếu"}


def test_english_part_of_which() -> None:
    text = ("Hoa Lam, March 5, 2025 - The People's Committee of Hoa Lam province issued Official Dispatch No. "
            "77/UBND-NC on sending staff. The province has 120 commune-level units, 47 of which have reported "
            "shortages of staff.")
    got = {c.value: c.what for c in facts_of(text).counts}
    assert set(got) == {120, 47}
    assert got[47].startswith("commune-level units")


def test_rows_merged_into_one_line_keep_their_names_in_order() -> None:
    merged = ("STT Họ và tên | Chức vụ, đơn vị công tác | Nơi biệt phái đến\n"
              "1 Nguyễn Văn Hùng dựng, 2 TrầnThịMai 3 Lê Văn Bình | Chuyên viên Phòng Quản lý xây Chuyên viên "
              "Sở Tài chính Y sĩ Trạm Y tế | UBND xã Đông Sơn UBND xã Tây Sơn UBND xã Tây Sơn")
    facts = facts_of(_LISTED.format(period="Thời gian biệt phái: 06 tháng, kể từ ngày 15 tháng 4 năm 2025.",
                                    rows=merged))
    got = {s.person: s.start for s in facts.secondments}
    assert got == {n: "2025-04-15" for n in ("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Bình")}


def test_figures_table_read_column_by_column() -> None:
    table = ("STT Xã, phường\n1 Xã Tân Phong\n2 Phường Đông Hòa\n3 Xã Hòa Bình\nCó mặt/Biên chế Được tăng cường\n"
             "31/40 | 6\n52/60 | ilo\n18/25 | 7\nTổng cộng | 101/125 | 17")
    text = _FIGURES.split("STT |")[0] + table + "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrịnh Quốc Đông\n"
    counts = {(c.value, c.total): c.what for c in facts_of(text, 0.8).counts}
    assert counts[(31, 40)] == "Xã Tân Phong" and counts[(18, 25)] == "Xã Hòa Bình"
    assert counts[(7, None)] == "Xã Hòa Bình" and counts[(101, 125)] == "Tổng cộng"
    assert not {(1, None), (2, None), (3, None)} & set(counts)


def test_party_named_in_the_first_legal_basis_is_no_motto() -> None:
    text = _PARTY.format(motto="ĐẢNG CỘNG SẢN VIỆT NAM").replace(
        "về việc phân công cán bộ\n", "về việc phân công cán bộ\n- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n")
    facts = facts_of(text)
    assert facts.document.subject == "về việc phân công cán bộ"
    assert facts.document.issuer == "Ban Tuyên giáo Tỉnh ủy"


def test_english_signer_title_after_other_capitals() -> None:
    sig = "Provincial Committee Chairman Nguyen Van Binh signed the dispatch."
    facts = facts_of(_EN.format(sig=sig))
    assert facts.document.signer is not None
    assert facts.document.signer.name == "Nguyen Van Binh"


def test_birth_years_of_a_name_list_are_no_counts() -> None:
    table = ("STT | Họ và tên | Năm sinh\n1 | Nguyễn Văn Hùng | 1985\n2 | Trần Thị Mai | 1990\n"
             "3 | Lê Văn Bình | 1979")
    text = _FIGURES.split("STT |")[0] + table + "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrịnh Quốc Đông\n"
    values = {c.value for c in facts_of(text).counts}
    assert values == {210}


def test_a_table_cell_whose_two_words_ocr_glued_is_mended_on_a_scan() -> None:
    """`Ytế`: the narrow space of `Y tế` lost on a scan; a text layer's cell is as it reads."""
    rows = ("STT | Họ và tên | Đơn vị công tác | Lĩnh vực | Nơi biệt phái đến\n"
            "1 | Nguyễn Văn Hùng | Sở Y tế | Ytế | UBND xã Đông Sơn\n"
            "2 | Trần Thị Mai | Sở Tài chính | Tài chính | UBND xã Tây Sơn")
    text = _LISTED.format(period="Thời gian biệt phái: 06 tháng, kể từ ngày 15 tháng 4 năm 2025.", rows=rows)
    scanned = {s.person: s.position for s in facts_of(text, conf=0.9).secondments}
    assert scanned == {"Nguyễn Văn Hùng": "Y tế", "Trần Thị Mai": "Tài chính"}
    born = {s.person: s.position for s in facts_of(text).secondments}
    assert born["Nguyễn Văn Hùng"] == "Ytế"


def test_split_glued_takes_a_vocabulary_pair_only() -> None:
    from dispatch_reader.extract.lexicon import split_glued

    assert split_glued("Sở Ytế tỉnh") == "Sở Y tế tỉnh"
    assert split_glued("Tưpháp - hộ tịch") == "Tư pháp - hộ tịch"
    for text in ("Internet", "modem", "UBND", "Văn hóa - xã hội"):
        assert split_glued(text) == text
