"""What a document does with each sending (extract/status.py): decided, requested, planned,
reported; send, extend, end; the document a report or an extension refers to; which figures
count people sent at all. Own strings only (fictional province Bắc Hà)."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.status import default_status
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts

SIGN = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐàm Quang Hưng\n"


def head(number: str, kind_line: str = "", subject: str = "", issuer: str = "UBND TỈNH BẮC HÀ\nSỞ NỘI VỤ") -> str:
    return (f"{issuer}\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Bắc Hà, ngày 06 tháng 11 năm 2025\n{kind_line}\n{subject}\n")


def facts_of(text: str) -> Facts:
    return extract_facts([PageText(1, text)])


def sendings(facts: Facts) -> dict[object, tuple[str, str]]:
    return {s.person or s.count: (s.status, s.action) for s in facts.secondments}


def count_status(facts: Facts) -> dict[int, str | None]:
    return {c.value: c.status for c in facts.counts}


def test_a_decision_sends() -> None:
    text = head("910/QĐ-SNV", "QUYẾT ĐỊNH", "Về việc biệt phái công chức") + (
        "QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân xã Nậm Đét, từ ngày 15/11/2025:\n"
        "1. Ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng;\n"
        "2. Bà Lục Thị Yến, Chuyên viên Phòng Ngân sách, Sở Tài chính.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {"Vi Văn Thạch": ("decided", "send"), "Lục Thị Yến": ("decided", "send")}
    assert count_status(facts)[2] == "decided"


def test_asking_the_departments_to_send_is_requested() -> None:
    text = head("1402/SNV-CCVC", "", "V/v cử công chức tăng cường cho các xã biên giới") + (
        "Kính gửi: Các sở, ban, ngành tỉnh.\n"
        "Sở Nội vụ đề nghị các sở cử 64 công chức về tăng cường cho các xã biên giới từ ngày 01/12/2025.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {64: ("requested", "send")}
    assert count_status(facts)[64] == "requested"


def test_a_dispatch_headcount_the_departments_fill_is_requested_but_its_own_people_are_sent() -> None:
    asked = head("1403/UBND-NC", "", "V/v tăng cường nhân lực cho các xã", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "Kính gửi: Các sở, ban, ngành tỉnh.\n"
        "1. Tăng cường 40 công chức, viên chức của các sở về làm việc tại 12 xã còn thiếu nhân lực.\n") + SIGN
    assert sendings(facts_of(asked)) == {40: ("requested", "send")}
    own = head("1404/SNV-CCVC", "", "V/v cử công chức hỗ trợ xã Nậm Đét") + (
        "Kính gửi: Ủy ban nhân dân xã Nậm Đét.\n"
        "Sở Nội vụ cử 02 công chức sau đây đến hỗ trợ Ủy ban nhân dân xã Nậm Đét từ ngày 10/11/2025:\n"
        "- Ông Vi Văn Thạch, Chuyên viên Phòng Tổ chức, biên chế;\n"
        "- Bà Lục Thị Yến, Chuyên viên Phòng Công chức, viên chức.\n") + SIGN
    facts = facts_of(own)
    assert sendings(facts) == {"Vi Văn Thạch": ("decided", "send"), "Lục Thị Yến": ("decided", "send")}
    assert count_status(facts)[2] == "decided"  # the issuer sends its own: decided


def test_a_plan_target_is_planned() -> None:
    text = head("61/KH-UBND", "KẾ HOẠCH", "Tăng cường công chức về các xã", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "I. NỘI DUNG\n1. Số lượng: tăng cường 120 công chức cho 45 xã, phường.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {120: ("planned", "send")}
    assert count_status(facts) == {120: "planned", 45: None}


def test_a_report_of_sendings_prepared_elsewhere_is_reported() -> None:
    text = head("330/BC-SNV", "BÁO CÁO", "Tình hình công chức cấp xã") + (
        "Toàn tỉnh có 2.450 cán bộ, công chức cấp xã; còn thiếu 210 công chức chuyên môn.\n"
        "Thực hiện Công văn số 1403/UBND-NC ngày 21/10/2025 của Ủy ban nhân dân tỉnh, các sở đang chuẩn bị "
        "64 người cho 30 xã.\n") + SIGN
    facts = facts_of(text)
    # "chuẩn bị" governs no headcount as a sending verb here; what there is, is a reported figure
    statuses = count_status(facts)
    assert statuses[2450] is None and statuses[210] is None  # staff and posts are no sending
    text2 = text.replace("các sở đang chuẩn bị 64 người", "các sở đang chuẩn bị tăng cường 64 người")
    facts = facts_of(text2)
    assert sendings(facts) == {64: ("reported", "send")}
    assert facts.secondments[0].refers_to == "1403/UBND-NC"


def test_a_notice_of_progress_is_reported() -> None:
    text = head("140/TB-VP", "THÔNG BÁO", "Kết luận về việc tăng cường công chức",
                issuer="UBND TỈNH BẮC HÀ\nVĂN PHÒNG") + (
        "1. Đến nay các sở đã cử 46/52 công chức, viên chức; còn 06 người chưa đến nhận nhiệm vụ.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {46: ("reported", "send")}
    assert count_status(facts) == {46: "reported", 6: "reported"}


def test_an_extension_and_an_ending() -> None:
    text = head("930/QĐ-SYT", "QUYẾT ĐỊNH", "Về việc gia hạn và chấm dứt biệt phái viên chức",
                issuer="UBND TỈNH BẮC HÀ\nSỞ Y TẾ") + (
        "Căn cứ Quyết định số 512/QĐ-SYT ngày 01/8/2025 của Sở Y tế về việc biệt phái viên chức đến các trạm y tế xã;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Gia hạn thời gian biệt phái đối với bà Lục Thị Yến, điều dưỡng Bệnh viện Đa khoa tỉnh, tại Trạm Y tế "
        "xã Nậm Đét đến ngày 31/5/2026.\n"
        "Điều 2. Chấm dứt biệt phái đối với ông Vi Văn Thạch, bác sĩ Trung tâm Y tế khu vực Bắc Hà, đang biệt phái "
        "tại Trạm Y tế xã Bản Cầm, kể từ ngày 01/12/2025.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {"Lục Thị Yến": ("decided", "extend"), "Vi Văn Thạch": ("decided", "end")}
    ended = next(s for s in facts.secondments if s.action == "end")
    assert (ended.start, ended.end, ended.to_unit) == (None, "2025-12-01", "Trạm Y tế xã Bản Cầm")
    assert {s.refers_to for s in facts.secondments} == {"512/QĐ-SYT"}  # the decision cited about a sending


def test_staff_figures_are_no_sending() -> None:
    text = head("1405/SNV-CCVC", "", "V/v hỗ trợ xã Nậm Đét") + (
        "Kính gửi: Ủy ban nhân dân xã Nậm Đét.\n"
        "Sở Nội vụ hiện có 52 công chức, trong đó 8 công chức làm công tác tổ chức bộ máy.\n") + SIGN
    facts = facts_of(text)
    assert facts.secondments == []
    assert count_status(facts) == {52: None, 8: None}


def test_a_part_of_a_sending_figure_shares_its_status() -> None:
    text = head("331/BC-SNV", "BÁO CÁO", "Kết quả tăng cường") + (
        "Đến ngày 31/10/2025, các sở đã cử 40 công chức về các xã. Trong đó: Sở Xây dựng 12 người; "
        "Sở Tài chính 10 người; các cơ quan còn lại 18 người.\n") + SIGN
    assert count_status(facts_of(text)) == {40: "reported", 12: "reported", 10: "reported", 18: "reported"}


EN_DECISION = """Bac Ha health department seconds 85 staff to commune stations

Bac Ha (VNA) - The Department of Health of Bac Ha province has seconded 85 public employees to commune
health stations under Decision No. 702/QD-SYT dated November 3, 2025, signed by Director Mr. Vi Van Thach.

The 85 doctors and nurses were seconded for six months from November 10, 2025 to May 10, 2026.

Related news: Bac Ha recruits 240 teachers
"""

EN_PLAN = """Bac Ha plans to second 150 civil servants to border communes

Bac Ha (VNA) - The People's Committee of Bac Ha province plans to second 150 civil servants to 40
border communes under Plan No. 88/KH-UBND issued on October 9, 2025.

The plan, signed by Vice Chairman Mr. Vi Van Thach, sets a first phase in which 90 officials will be
sent to 25 communes.

Comments (0)
Please enter your comment. 500 characters left
Share | Print
"""


def test_english_press_reports_take_the_reported_documents_status() -> None:
    decision = facts_of(EN_DECISION)
    assert decision.document.doc_type == "decision"
    # "has seconded" is the reporter's tense: the decision itself sends
    assert sendings(decision) == {85: ("decided", "send")}
    assert decision.secondments[0].to_unit == "commune health stations"
    assert 240 not in [c.value for c in decision.counts]  # a related article's headline is chrome
    assert [c.value for c in decision.counts].count(85) == 1  # the headline above "Bac Ha (VNA) -" restates
    plan = facts_of(EN_PLAN)
    assert sendings(plan) == {150: ("planned", "send")}  # the signer is not one of those sent
    assert 500 not in [c.value for c in plan.counts]


@pytest.mark.parametrize("doc_type, named, headcount", [
    ("decision", "decided", "decided"), ("official_dispatch", "decided", "requested"), ("plan", "planned", "planned"),
    ("report", "reported", "reported"), ("notice", "reported", "reported"), ("submission", "requested", "requested"),
    (None, "decided", "decided"),
])
def test_default_status_by_document_type(doc_type: str | None, named: str, headcount: str) -> None:
    assert default_status(doc_type, named=True) == named
    assert default_status(doc_type, named=False) == headcount


def test_the_bodies_a_request_addresses_send() -> None:
    text = head("1406/SNV-CCVC", "", "V/v cử viên chức y tế cho các xã") + (
        "Kính gửi: Các đơn vị.\n"
        "Sở Nội vụ đề nghị các bệnh viện tuyến tỉnh và các trung tâm y tế khu vực cử 26 viên chức về tăng cường "
        "cho các xã từ ngày 01/12/2025.\n") + SIGN
    [s] = facts_of(text).secondments
    assert (s.status, s.from_unit) == ("requested", "các bệnh viện tuyến tỉnh và các trung tâm y tế khu vực")


def test_as_of_at_the_start_of_a_sentence_under_a_heading_is_not_an_end() -> None:
    text = head("332/BC-SNV", "BÁO CÁO", "Kết quả biệt phái") + (
        "II. KẾT QUẢ\nĐến ngày 31/10/2025, các sở đã biệt phái 33 công chức về 11 xã.\n") + SIGN
    facts = facts_of(text)
    assert ("2025-10-31", "mentioned") in {(d.date, d.role) for d in facts.dates}
    [s] = facts.secondments
    assert (s.count, s.status, s.end) == (33, "reported", None)


def test_a_headcount_that_announces_its_names_is_theirs() -> None:
    text = head("1407/SNNMT-TCCB", "", "V/v trả lời Công văn của xã Nậm Đét",
                issuer="UBND TỈNH BẮC HÀ\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") + (
        "Kính gửi: Ủy ban nhân dân xã Nậm Đét.\n"
        "1. Thống nhất cử 02 viên chức đến hỗ trợ xã Nậm Đét theo hình thức biệt phái, gồm:\n"
        "- Ông Vi Văn Thạch, viên chức Văn phòng Đăng ký đất đai tỉnh;\n"
        "- Bà Lục Thị Yến, viên chức Trung tâm Phát triển quỹ đất tỉnh.\n") + SIGN
    facts = facts_of(text)
    assert sendings(facts) == {"Vi Văn Thạch": ("decided", "send"), "Lục Thị Yến": ("decided", "send")}
    assert count_status(facts)[2] == "decided"
    assert {s.to_unit for s in facts.secondments} == {"xã Nậm Đét"}  # "đến hỗ trợ xã …"


def test_a_collective_subject_sends_what_the_dispatch_asks() -> None:
    text = head("1408/UBND-NC", "", "V/v tăng cường công chức", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "Kính gửi: Các sở, ban, ngành.\nChủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:\n"
        "1. Các sở, ban, ngành và các đơn vị sự nghiệp thuộc Ủy ban nhân dân tỉnh cử 30 công chức về các xã.\n") + SIGN
    [s] = facts_of(text).secondments
    # the province is named inside the subject, it is not the one sending
    assert (s.status, s.from_unit) == ("requested", "các sở, ban, ngành và các đơn vị sự nghiệp thuộc Ủy ban nhân dân tỉnh")


def test_the_post_names_the_destination() -> None:
    text = head("920/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc luân chuyển cán bộ", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "QUYẾT ĐỊNH:\nĐiều 1. Luân chuyển ông Vi Văn Thạch, Phó Giám đốc Sở Tài chính, đến giữ chức vụ Phó Chủ tịch "
        "Ủy ban nhân dân xã Bản Cầm, từ ngày 01/12/2025.\n") + SIGN
    [s] = facts_of(text).secondments
    assert (s.kind, s.to_unit) == ("rotation", "Ủy ban nhân dân xã Bản Cầm")


def test_a_commune_asking_for_itself() -> None:
    text = head("52/UBND-VP", "", "V/v đề nghị tăng cường công chức", issuer="ỦY BAN NHÂN DÂN\nXÃ NẬM ĐÉT") + (
        "Kính gửi: Sở Nội vụ.\nỦy ban nhân dân xã kính đề nghị Sở Nội vụ xem xét, tăng cường 05 công chức cho xã "
        "trong thời gian 06 tháng.\n") + SIGN
    [s] = facts_of(text).secondments
    assert (s.count, s.status, s.to_unit) == (5, "requested", "xã Nậm Đét")


def test_a_limit_a_rule_sets_and_a_quota_are_not_plans() -> None:
    rule = head("15/2025/QĐ-UBND", "QUYẾT ĐỊNH", "Ban hành Quy định về biệt phái công chức",
                issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "Điều 3. Mỗi xã tiếp nhận không quá 04 công chức, viên chức biệt phái cùng một thời điểm.\n") + SIGN
    assert count_status(facts_of(rule))[4] is None
    telegram = head("07/CĐ-UBND", "CÔNG ĐIỆN", "Về việc cử đủ công chức tăng cường", issuer="ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ") + (
        "1. Giám đốc các sở chưa hoàn thành chỉ tiêu khẩn trương cử đủ 9 công chức còn lại.\n") + SIGN
    assert sendings(facts_of(telegram)) == {9: ("requested", "send")}


def test_of_the_people_sent_the_parts_share_the_status() -> None:
    text = """Bac Ha sends 80 staff to communes

Bac Ha (VNA) - On October 21, the People's Committee of Bac Ha province issued Official Dispatch
No. 1501/UBND-NC. Under the dispatch, 12 departments will send 80 public employees and civil servants
to 30 communes. Of the 80 people, 50 are civil servants and 30 are public employees.
"""
    statuses = count_status(facts_of(text))
    assert (statuses[80], statuses[50]) == ("requested", "requested")


@pytest.mark.parametrize("stop, label", [(".", "Kính gửi"), (",", "Kính gửi"), (",", "Kinh gửi"), (",", "Kính Gửi"),
                                         (",", "KÍNH GỬI")])
def test_the_header_never_runs_into_the_letters_first_sentence(stop: str, label: str) -> None:
    """`Kính gửi: Sở Nội vụ tỉnh Bắc Hà,` (a fax read the stop as a comma): the figures of the
    letter's first sentence, which states the commune's staff, are no people requested by the
    subject line above (`V/v đề nghị biệt phái công chức`)."""
    text = head("317/UBND-VP", "", "V/v đề nghị biệt phái công chức", "ỦY BAN NHÂN DÂN\nXÃ NẬM ĐÉT") + (
        f"{label}: Sở Nội vụ tỉnh Bắc Hà{stop}\n"
        "Sau khi sắp xếp đơn vị hành chính, xã Nậm Đét được giao 38 biên chế công chức; đến nay xã mới "
        "bố trí được 29/38 công chức, còn thiếu 09 công chức, trong đó lĩnh vực đất đai 03 người.\n"
        "Ủy ban nhân dân xã kính đề nghị Sở Nội vụ xem xét./.\n") + SIGN
    assert count_status(facts_of(text))[29] is None
    assert count_status(facts_of(text))[3] is None
