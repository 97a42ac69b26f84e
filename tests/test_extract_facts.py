"""Extraction of references, dates, people, counts and secondments from page text (no PDFs)."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts, Record, Source, validate

HEADER = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 77/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 12 tháng 9 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức đến làm việc tại các xã
"""

DECISION = HEADER + """Căn cứ Luật Cán bộ, công chức số 80/2025/QH15 ngày 24 tháng 6 năm 2025;
Căn cứ Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về
tuyển dụng, sử dụng và quản lý công chức;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 51/TTr-SNV ngày 05/9/2025.
QUYẾT ĐỊNH:
Điều 1. Biệt phái 02 công chức đến làm việc tại Ủy ban nhân dân các xã, từ ngày
15/9/2025 đến ngày 15/12/2025, gồm:
1. Ông Lò Văn Thắng, Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng, đến làm việc
tại Ủy ban nhân dân xã Nậm Cang, phụ trách lĩnh vực xây dựng.
2. Bà Hoàng Thị Mai Lan, Chuyên viên Phòng Ngân sách, Sở Tài chính, đến làm việc tại
Ủy ban nhân dân xã Tà Lèng, phụ trách lĩnh vực tài chính, ngân sách.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Sở Nội vụ báo cáo kết quả trước
ngày 30/12/2025.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Văn Quang
"""


def facts_of(text: str, **page) -> Facts:
    return extract_facts([PageText(1, text, **page)])


def quotes_hold(text: str, facts: Facts) -> None:
    """Every piece of evidence is the page text at its offset."""
    evs = list(facts.document.evidence.values())
    for group in (facts.references, facts.people, facts.counts, facts.dates, facts.secondments):
        evs += [x.evidence for x in group]
    assert evs
    for ev in evs:
        assert ev.page == 1
        assert text[ev.start:ev.start + len(ev.quote)] == ev.quote


def test_a_photos_own_number_misread_and_a_citation_cut_short_are_no_documents_cited() -> None:
    """A clerk found `Quyết định số 844/OD-TTg` among the documents a brief of 844/QĐ-TTg cites
    (its own number, misread in its closing lines), and `53/2013/NĐ` beside `53/2013/NĐ-CP`
    (a line's end cut): the first is the document's own, the second the whole one's. On a text
    layer a number of other letters is another document."""
    text = DECISION.replace("Điều 2. Quyết định", "Căn cứ Nghị định số 53/2013/NĐ ngày 18 tháng 5 năm 2013;\n"
                                                   "Căn cứ Nghị định số 53/2013/NĐ-CP;\nĐiều 2. Quyết định") \
        + "Quyết định số 77/OD-UBND ngày 12 tháng 9 năm 2025\n"
    read = {r.number: r for r in facts_of(text, method="ocr", ocr_confidence=0.9).references}
    assert "77/OD-UBND" not in read and "53/2013/NĐ" not in read
    assert read["53/2013/NĐ-CP"].date == "2013-05-18"  # what the cut one told of it
    # (`OD` itself is read as `QĐ` everywhere now, number_fixes.tsv: the guard uses other letters)
    assert "77/QB-UBND" in {r.number for r in facts_of(text.replace("77/OD-UBND", "77/QB-UBND")).references}


def test_a_cited_number_no_register_gives_is_no_document_cited() -> None:
    """A fax of a consolidated law cited `0/2008/QH12` (the `4` of `40/…` under a streak) and
    `2022/QH15` (the year read as the number, the figures before it lost): no register numbers
    a document 0, nor a law, decree or circular in the thousands. A decision numbered in the
    thousands is one (`2016/QĐ-UBND`)."""
    text = HEADER + ("Căn cứ Luật Bảo hiểm y tế số 0/2008/QH12 ngày 14 tháng 11 năm 2008;\n"
                     "Căn cứ Luật số 2022/QH15 sửa đổi, bổ sung một số điều;\n"
                     "Căn cứ Nghị định số 2019/NĐ-CP của Chính phủ;\n"
                     "Căn cứ Quyết định số 2016/QĐ-UBND ngày 05 tháng 8 năm 2025;\n"
                     "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15 ngày 24 tháng 6 năm 2025;\n")
    read = {r.number for r in facts_of(text, method="ocr", ocr_confidence=0.9).references}
    assert read == {"2016/QĐ-UBND", "80/2025/QH15"}


def test_a_cited_documents_slash_lost_and_its_month_read_as_a_sign() -> None:
    """A tester found `Nghị định số 21/2024NĐ-CP` listed as a document missing from the store
    (every other decree went to the legal texts), its year's slash lost on a fax; and a cited
    decision dated 16 May for `ngày 16 tháng § năm 2013` (the 8 read as a section sign): the
    slash is put back before a part a symbol holds, and a date read through a sign is none."""
    text = HEADER + ("Căn cứ Nghị định số 21/2024NĐ-CP ngày 23 tháng 02 năm 2024 của Chính phủ;\n"
                     "Căn cứ Luật Cán bộ, công chức số 80/2025QH15;\n"
                     "Căn cứ Quyết định số 51/2013/QĐ-TTg ngày 16 tháng § năm 2013 của Thủ tướng Chính phủ;\n"
                     "Căn cứ Quyết định số 12/2025AB-UBND;\n")
    read = {r.number: r for r in facts_of(text, method="ocr", ocr_confidence=0.9).references}
    assert {"21/2024/NĐ-CP", "80/2025/QH15", "51/2013/QĐ-TTg"} <= set(read)
    assert read["21/2024/NĐ-CP"].date == "2024-02-23" and read["21/2024/NĐ-CP"].doc_type == "decree"
    assert read["51/2013/QĐ-TTg"].date is None and read["51/2013/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    assert "12/2025/AB-UBND" not in read  # no part a symbol holds after the year: as read


def test_a_cited_documents_issuer_cut_to_its_head_is_none() -> None:
    """`Thông tư số 37/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ` / `trưởng Bộ Lao động …`:
    a clerk read `— Bộ` as the cited circular's issuer. A head alone names no body."""
    text = HEADER + ("Căn cứ Thông tư số 37/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ\n"
                     "trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn quản lý lao động;\n"
                     "Căn cứ Nghị định số 53/2013/NĐ-CP ngày 18 tháng 5 năm 2013 của Chính phủ;\n")
    refs = {r.number: r.issuer for r in facts_of(text).references}
    assert refs["37/2016/TT-BLĐTBXH"] is None and refs["53/2013/NĐ-CP"] == "Chính phủ"


def test_references_with_type_issuer_and_date() -> None:
    facts = facts_of(DECISION)
    refs = {r.number: r for r in facts.references}
    assert set(refs) == {"80/2025/QH15", "170/2025/NĐ-CP", "51/TTr-SNV"}
    assert (refs["80/2025/QH15"].doc_type, refs["80/2025/QH15"].date) == ("law", "2025-06-24")
    assert (refs["170/2025/NĐ-CP"].doc_type, refs["170/2025/NĐ-CP"].issuer) == ("decree", "Chính phủ")
    assert refs["51/TTr-SNV"].doc_type == "submission"
    assert refs["51/TTr-SNV"].issuer == "Sở Nội vụ"
    assert refs["51/TTr-SNV"].date == "2025-09-05"


def test_dates_and_roles() -> None:
    facts = facts_of(DECISION)
    got = {(d.date, d.role) for d in facts.dates}
    assert ("2025-09-12", "issued") in got
    assert ("2025-06-24", "cited") in got
    assert ("2025-09-15", "start") in got
    assert ("2025-12-15", "end") in got
    assert ("2025-09-12", "effective") in got  # "có hiệu lực kể từ ngày ký"
    assert ("2025-12-30", "deadline") in got


def test_a_hands_instruction_above_the_header_dates_nothing() -> None:
    """A photocopy's bút phê over the header, `Chuyển P. Nội vụ xử lý … 5/3/2026`, read before
    the issuer's line, was listed among the document's dates (a clerk saw 05/3/2026 on the web
    page). It is written on the paper, not in the document; the document's dates stay."""
    text = "Chuyển P. Nội vụ xử lý\nHQ 5/3/2026\n" + DECISION
    got = {(d.date, d.role) for d in facts_of(text, method="ocr", ocr_confidence=0.8).dates}
    assert not any(date == "2026-03-05" for date, _ in got)
    assert {("2025-09-12", "issued"), ("2025-06-24", "cited"), ("2025-09-15", "start")} <= got
    # the same words in the body are the document's
    body = DECISION.replace("Nơi nhận:", "Chuyển P. Nội vụ xử lý trước ngày 05/3/2026.\nNơi nhận:")
    assert any(d.date == "2026-03-05" for d in facts_of(body, method="ocr", ocr_confidence=0.8).dates)


def test_a_consolidated_texts_dates_stand_above_its_closing_block() -> None:
    """A reviewer's: a one-page consolidated text (VBHN) has its number and issuer in the block
    that closes it, under the whole text; its own dates above that block stay its dates."""
    text = ("Thông tư số 37/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Lao động - Thương binh\n"
            "và Xã hội hướng dẫn quản lý lao động, có hiệu lực từ ngày 10 tháng 12 năm 2016, được sửa đổi bởi:\n"
            "Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng.\n"
            "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn quản lý lao động.\n"
            "Điều 2. Hiệu lực thi hành\nCác công ty báo cáo trước ngày 31/12/2025.\n"
            "Điều 3. Trách nhiệm thi hành\nCác bộ, cơ quan thực hiện.\n"
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 464/VBHN-BLĐTBXH\nXÁC THỰC VĂN BẢN HỢP NHẤT\n"
            "Hà Nội, ngày 10 tháng 02 năm 2025\nBỘ TRƯỞNG\nĐào Ngọc Dung\n")
    facts = facts_of(text, method="ocr", ocr_confidence=0.8)
    got = {d.date for d in facts.dates}
    assert {"2025-12-31", "2016-10-25"} <= got


def test_people_with_honorific_position_unit_and_signer() -> None:
    facts = facts_of(DECISION)
    people = {p.name: p for p in facts.people}
    assert set(people) == {"Lò Văn Thắng", "Hoàng Thị Mai Lan", "Đinh Văn Quang"}
    assert people["Lò Văn Thắng"].honorific == "Ông"
    assert people["Lò Văn Thắng"].position == "Chuyên viên Phòng Quản lý xây dựng"
    assert people["Lò Văn Thắng"].unit == "Sở Xây dựng"
    assert people["Hoàng Thị Mai Lan"].honorific == "Bà"
    assert people["Đinh Văn Quang"].position == "Phó Chủ tịch"
    assert people["Đinh Văn Quang"].unit == "Ủy ban nhân dân tỉnh Lai Châu"


def test_a_job_held_anywhere_then_its_body_is_position_and_unit() -> None:
    """`giáo viên Trường Trung học phổ thông Cao Lâm,` with no body after it: the job is the
    position and the school the unit. A department inside a body stays in the position when
    the body follows (`Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng`), and a head's office
    of one body is no job held anywhere."""
    text = DECISION.replace("Lò Văn Thắng, Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng",
                            "Lò Văn Thắng, giáo viên Trường Trung học phổ thông Cao Lâm")
    assert text != DECISION
    people = {p.name: p for p in facts_of(text).people}
    assert (people["Lò Văn Thắng"].position, people["Lò Văn Thắng"].unit) == \
        ("giáo viên", "Trường Trung học phổ thông Cao Lâm")
    text = DECISION.replace("Lò Văn Thắng, Chuyên viên Phòng Quản lý xây dựng, Sở Xây dựng",
                            "Lò Văn Thắng, Chuyên viên Phòng Quản lý xây dựng")
    assert {p.name: p for p in facts_of(text).people}["Lò Văn Thắng"].position == "Chuyên viên Phòng Quản lý xây dựng"


def test_places_and_bodies_are_not_people() -> None:
    text = HEADER + ("Căn cứ đề nghị của Ủy ban nhân dân xã Lê Lợi và phường Hà Huy Tập;\n"
                     "Sở Nông nghiệp và Môi trường tỉnh Sơn La báo cáo tại Hà Nội.\n")
    names = {p.name for p in facts_of(text).people}
    assert not names & {"Lê Lợi", "Hà Huy Tập", "Sơn La", "Hà Nội", "Lai Châu"}


def test_secondments_from_list_items() -> None:
    facts = facts_of(DECISION)
    sec = {s.person: s for s in facts.secondments}
    assert set(sec) == {"Lò Văn Thắng", "Hoàng Thị Mai Lan"}
    s = sec["Hoàng Thị Mai Lan"]
    assert s.kind == "secondment"
    assert s.from_unit == "Sở Tài chính"
    assert s.to_unit == "Ủy ban nhân dân xã Tà Lèng"
    assert s.position == "lĩnh vực tài chính, ngân sách"
    assert (s.start, s.end, s.duration_months) == ("2025-09-15", "2025-12-15", 3)


def test_period_from_signing_day() -> None:
    text = HEADER + ("QUYẾT ĐỊNH:\nĐiều 1. Điều động bà Vàng Thị Say, Kế toán, Trạm Y tế xã Sín Hồ, "
                     "đến công tác tại Trung tâm Y tế khu vực Phong Thổ, thời hạn 06 tháng kể từ ngày ký.\n")
    facts = facts_of(text)
    s = facts.secondments[0]
    assert (s.kind, s.person, s.start, s.end, s.duration_months) == (
        "secondment", "Vàng Thị Say", "2025-09-12", None, 6)
    assert s.to_unit == "Trung tâm Y tế khu vực Phong Thổ"
    assert ("2025-09-12", "start") in {(d.date, d.role) for d in facts.dates}


def test_counts_vietnamese_numbers() -> None:
    text = HEADER.replace("QUYẾT ĐỊNH", "BÁO CÁO") + (
        "Toàn tỉnh có 9.939 cán bộ, công chức, viên chức; lĩnh vực đất đai đã bố trí 28/43 vị trí,\n"
        "tỷ lệ đạt 84,82%. Điều 3 quy định 5 nội dung.\n")
    counts = {(c.value, c.total): c.what for c in facts_of(text).counts}
    assert counts[(9939, None)] == "cán bộ, công chức, viên chức"
    assert counts[(28, 43)].startswith("vị trí")
    assert all(v not in (84, 82, 3) for v, _ in counts)


def test_headcount_secondment_without_names() -> None:
    text = HEADER.replace("Số: 77/QĐ-UBND", "Số: 900/UBND-NC\nV/v bảo đảm nhân lực cho các xã").replace(
        "QUYẾT ĐỊNH\nVề việc biệt phái công chức đến làm việc tại các xã\n", "") + (
        "Kính gửi: Sở Nội vụ.\n1. Tăng cường 60 công chức, viên chức của 14 sở, ban, ngành về làm việc tại "
        "39 xã, phường ở các lĩnh vực đất đai, xây dựng; thời gian từ ngày 01/10/2025 đến ngày 31/12/2025.\n")
    facts = facts_of(text)
    assert len(facts.secondments) == 1
    s = facts.secondments[0]
    assert (s.kind, s.person, s.count) == ("reinforcement", None, 60)
    assert s.from_unit == "14 sở, ban, ngành"
    assert s.to_unit == "39 xã, phường"
    assert s.position == "đất đai, xây dựng"
    assert (s.start, s.end, s.duration_months) == ("2025-10-01", "2025-12-31", 3)


def test_danh_sach_table_rows() -> None:
    text = DECISION.split("Nơi nhận:")[0] + (
        "DANH SÁCH\nCông chức biệt phái đến các xã\n(Kèm theo Quyết định số 77/QĐ-UBND ngày 12/9/2025)\n"
        "STT | Họ và tên | Chức vụ | Đơn vị công tác | Nơi biệt phái đến | Thời gian\n"
        "1 | Sùng A Dình | Chuyên viên | Sở Tư pháp | Xã Pa Vệ Sử | 03/10/2025-03/12/2025\n"
        "2   Giàng Thị Dợ   Văn thư   Văn phòng Sở, Sở Y tế   Xã Mù Cả   06 tháng\n")
    facts = facts_of(text)
    sec = {s.person: s for s in facts.secondments}
    assert sec["Sùng A Dình"].from_unit == "Sở Tư pháp"
    assert sec["Sùng A Dình"].to_unit == "Ủy ban nhân dân xã Pa Vệ Sử"
    assert (sec["Sùng A Dình"].start, sec["Sùng A Dình"].end) == ("2025-10-03", "2025-12-03")
    assert sec["Giàng Thị Dợ"].duration_months == 6
    people = {p.name: p for p in facts.people}
    assert people["Giàng Thị Dợ"].position == "Văn thư"
    assert people["Giàng Thị Dợ"].unit == "Văn phòng Sở, Sở Y tế"
    quotes_hold(text, facts)


def _listed(title: str, heading: str, first: int) -> str:
    """The decision with a two-row DANH SÁCH under `heading`, its rows numbered from `first`."""
    return DECISION.split("Nơi nhận:")[0] + (
        f"{title}\nCông chức biệt phái đến các xã\n{heading}\n"
        f"{first} | Lý Seo Dìn | Chuyên viên | Sở Nông nghiệp và Môi trường | Xã A Mú Sung | Nông nghiệp\n"
        f"{first + 1} | Vàng Thị Say | Kế toán viên | Văn phòng Sở Tài chính | Xã Mù Cang Chải | Tài chính - kế toán\n")


def test_danh_sach_table_whose_headings_a_copy_misread() -> None:
    """`Nơi biệt phá đến` (a letter lost on a photocopy) and `Lĩnhvựcphutrách` (its spaces lost)
    are still the commune's and the field's columns; a short heading is not guessed at."""
    text = _listed("DANH SÁCH", "STT | Họ và tên | Chức vụ | Đơn vị công tác | Nơi biệt phá đến | Lĩnhvựcphutrách", 1)
    sec = {s.person: s for s in facts_of(text).secondments}
    assert sec["Lý Seo Dìn"].to_unit == "Ủy ban nhân dân xã A Mú Sung"
    assert sec["Vàng Thị Say"].position == "Tài chính - kế toán"
    from dispatch_reader.extract.tables import column_field
    assert (column_field("Nơi biệt phá đến"), column_field("Lĩnhvựcphutrách")) == ("to_unit", "field")
    assert column_field("Tén") is None and column_field("Nơi biệt") is None
    # a copy's specks before the commune in its cell are no part of it
    specked = facts_of(text.replace("| Xã A Mú Sung |", "| h Xã A Mú Sung |"))
    assert {s.person: s.to_unit for s in specked.secondments}["Lý Seo Dìn"] == "Ủy ban nhân dân xã A Mú Sung"
    # a rule's stub at the heading's corner (a fax): still the row numbers' column
    assert column_field("_STT") == "row"
    facts = facts_of(text.replace("STT | Họ", "_STT | Họ"))
    assert {s.person: s.to_unit for s in facts.secondments}["Lý Seo Dìn"] == "Ủy ban nhân dân xã A Mú Sung"


def test_danh_sach_table_whose_number_column_head_ocr_misread() -> None:
    """`Si` for `STT` (a scan): the short head before the name column is still the row numbers'."""
    text = _listed("DANH SACH", "Si | Ho va tén | Chức vụ | Đơn vị công tác | Nơi biệt phái đến | Lĩnh vực phụ trách", 2)
    sec = {s.person: s for s in facts_of(text).secondments}
    assert sec["Lý Seo Dìn"].to_unit == "Ủy ban nhân dân xã A Mú Sung"
    assert sec["Vàng Thị Say"].from_unit == "Văn phòng Sở Tài chính"
    assert sec["Vàng Thị Say"].position == "Tài chính - kế toán"
    from dispatch_reader.extract.tables import _header

    # a long unknown first head, or no name column after it, is no list table's header
    assert _header("Số thứ tự dòng | Ho va tén | Chức vụ | Đơn vị công tác") is None
    assert _header("Si | Chức vụ | Đơn vị công tác | Nơi biệt phái đến") is None
    # a roster's day or a form's number before the name column is no misread STT (a reviewer's)
    assert _header("Ngày | Họ và tên | Chức vụ | Nhiệm vụ | Ghi chú") is None
    assert _header("1 | Họ và tên | Nguyễn Văn An | Đơn vị | Sở Nội vụ | Chức vụ | Chuyên viên") is None


ENGLISH = """Son La sends staff to communes
Son La, September 10, 2025
On September 8, the People's Committee of Son La province issued Decision No. 77/QD-UBND on
seconding civil servants, sending 97 public employees and civil servants from 12 provincial
departments to 31 communes and wards.
Under the decision, signed by Vice Chairman Dinh Van Quang, Mr. Lo Van Thang, an official of the
Department of Construction, will handle construction in Nam Cang commune.
The staff will work in land administration and finance from September 15 to December 15.
Departments must report before December 30, said Ms. Hoang Thi Mai Lan, Director of the
Department of Home Affairs.
"""


def test_english_press_report() -> None:
    facts = facts_of(ENGLISH)
    doc = facts.document
    assert facts.language == "en"
    assert (doc.doc_type, doc.doc_type_label, doc.number) == ("decision", "Decision", "77/QD-UBND")
    assert doc.issuer == "People's Committee of Son La province"
    assert doc.issued_date == "2025-09-08"
    assert doc.signer and (doc.signer.name, doc.signer.title) == ("Dinh Van Quang", "Vice Chairman")
    people = {p.name: p for p in facts.people}
    assert set(people) == {"Dinh Van Quang", "Lo Van Thang", "Hoang Thi Mai Lan"}
    assert people["Lo Van Thang"].honorific == "Mr"
    assert people["Lo Van Thang"].unit == "Department of Construction"
    assert people["Hoang Thi Mai Lan"].position == "Director of the Department of Home Affairs"
    counts = {c.value: c.what for c in facts.counts}
    assert counts[97] == "public employees and civil servants"
    assert counts[12] == "provincial departments"
    assert counts[31] == "communes and wards"
    dates = {(d.date, d.role) for d in facts.dates}
    assert {("2025-09-15", "start"), ("2025-12-15", "end"), ("2025-12-30", "deadline")} <= dates
    sec = {s.person: s for s in facts.secondments}
    assert sec["Lo Van Thang"].to_unit == "Nam Cang commune"
    assert sec["Lo Van Thang"].kind == "secondment"
    quotes_hold(ENGLISH, facts)


def test_english_two_people_in_one_sentence_each_keep_their_own_job() -> None:
    """`Mr. A … will handle land administration in …, while Ms. B … will take charge of finance
    and accounting in …`: each person's job is the one named next to them (the longer cue of
    the two was taken for both)."""
    text = ENGLISH.replace(
        "will handle construction in Nam Cang commune.",
        "will handle land administration in Nam Cang commune, while Ms. Tran Thi Mai Huong, an "
        "official of the\nDepartment of Finance, will take charge of finance and accounting in To Hieu ward.")
    sec = {s.person: s for s in facts_of(text).secondments}
    assert (sec["Lo Van Thang"].position, sec["Lo Van Thang"].to_unit) == ("land administration", "Nam Cang commune")
    assert (sec["Tran Thi Mai Huong"].position, sec["Tran Thi Mai Huong"].to_unit) == \
        ("finance and accounting", "To Hieu ward")


def test_low_confidence_page_warns() -> None:
    facts = facts_of(DECISION, method="ocr", ocr_confidence=0.41)
    assert any("low OCR confidence" in w and "page 1" in w for w in facts.warnings)
    assert not any("low OCR confidence" in w for w in facts_of(DECISION).warnings)


def test_unparsable_number_warns() -> None:
    facts = facts_of(HEADER.replace("Số: 77/QĐ-UBND", "Số: 77 QĐ UBND"))
    assert facts.document.number is None
    assert any("number" in w for w in facts.warnings)


def test_record_validates_and_evidence_holds() -> None:
    facts = facts_of(DECISION)
    quotes_hold(DECISION, facts)
    record = Record.from_facts(Source(file_name="x.pdf", sha256="0" * 64, page_count=1), facts)
    validate(record.to_dict())


def test_empty_and_blank_pages() -> None:
    facts = extract_facts([PageText(1, ""), PageText(2, "   \n")])
    assert facts.document.number is None and facts.people == []
    assert any("no text" in w for w in facts.warnings)
    assert extract_facts([]).document.issuer is None


def _son_la_report(issuer: str, slash: str = "/") -> str:
    """An English press report on a decision, its issuer and the number's slash as OCR read them."""
    return ("Son La sends two officials to help understaffed communes\nSon La, August 30, 2025\n"
            f"{issuer} has issued Decision No.\n1587{slash}QD-UBND dated August 28, 2025, "
            "seconding two officials to communes.\n")


def test_english_number_whose_slash_ocr_read_as_a_quote() -> None:
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = _son_la_report("The People's Committee of Son La province", "'")
    doc = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.9)]).document
    assert (doc.doc_type, doc.number) == ("decision", "1587/QD-UBND")
    assert doc.evidence["number"].quote == "1587'QD-UBND"


def test_english_issuer_whose_apostrophe_and_space_ocr_lost() -> None:
    """Under a seal OCR read `The Peoples Committee of Son La„province` (apostrophe dropped, a
    speck for the space); a phone photo gives `People’s`. All are the same body; the quote
    keeps what was read."""
    text = _son_la_report("The Peoples Committee of Son La„province")
    for read in (text, text.replace("Peoples", "People’s").replace("„", " ")):
        doc = extract_facts([PageText(1, read, "ocr", ocr_confidence=0.9)]).document
        assert doc.issuer == "People's Committee of Son La province"
    assert doc.evidence["issuer"].quote == "People’s Committee of Son La province"


def test_english_issuer_a_stamp_damaged_is_read_by_its_shape_and_the_dateline() -> None:
    """A receipt stamp over the paragraph: `People's Coinmittee of Sam) La province`. The head
    word is three letters or fewer from `Committee` and the place a few from the dateline's
    `Son La`: that body, flagged for checking. Datelined elsewhere, or a text layer: nothing."""
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = _son_la_report("The People's Coinmittee of Sam) La province")
    for read in (text, text.replace("Coinmittee of Sam)", "Committee “OF #").replace("August 30", "Águst 30")):
        doc = extract_facts([PageText(1, read, "ocr", ocr_confidence=0.9)]).document
        assert doc.issuer == "People's Committee of Son La province"
        assert doc.evidence["issuer"].quote.startswith("People's Co")  # the page's own words
        assert doc.evidence["issuer"].confidence < 0.8
    elsewhere = text.replace("Son La, August 30", "Hanoi, August 30")
    assert extract_facts([PageText(1, elsewhere, "ocr", ocr_confidence=0.9)]).document.issuer is None
    assert extract_facts([PageText(1, text, "text")]).document.issuer is None


def test_the_own_number_cut_short_in_an_annex_heading_is_no_reference() -> None:
    """`(Kèm theo Quyết định số 245/QĐ- ngày …)`: the annex names the decision itself, its
    symbol's end lost on a fax. A number that only shares its start is another document."""
    annex = ("\nDANH SÁCH\n(Kèm theo Quyết định số 77/QĐ- ngày 12/9/2025 của Ủy ban nhân dân tỉnh)\n"
             "Căn cứ Quyết định số 77/QĐ-SNV ngày 01/9/2025 của Sở Nội vụ;\n")
    refs = {r.number for r in facts_of(DECISION + annex).references}
    assert "77/QĐ" not in refs and "77/QĐ-" not in refs
    assert "77/QĐ-SNV" in refs  # not the own 77/QĐ-UBND: cited


def test_a_pages_low_confidence_is_told_rounded_down() -> None:
    """`0.70 (below 0.70)` read as a contradiction: a confidence under the line is written
    rounded down (0.597 → 0.59), never up to the line itself (0.6)."""
    facts = facts_of(DECISION, method="ocr", ocr_confidence=0.597)
    assert any("(0.59)" in w for w in facts.warnings), facts.warnings


def test_a_fax_machines_line_and_the_gazettes_running_head_date_nothing_of_the_document() -> None:
    """A tester's `show` listed a decree's fax as dated 6 May three times (the sending machine's
    line over each page) and 18 May (the Gazette issue's running head): neither is a date the
    document speaks of. A date in the text beside a time is still one."""
    page2 = ("06/05/2026 10:32  FROM: 0243 123 4567   P.002/004\nCÔNG BÁO/Số 293/Ngày 18-05-2026\n"
             "Điều 3. Hội nghị họp lúc 14:30 ngày 20/5/2026 tại trụ sở Sở Nội vụ.\n")
    facts = extract_facts([PageText(1, DECISION, method="ocr", ocr_confidence=0.9),
                           PageText(2, page2, method="ocr", ocr_confidence=0.9)])
    dated = {(d.date, d.evidence.page) for d in facts.dates}
    assert ("2026-05-06", 2) not in dated and ("2026-05-18", 2) not in dated
    assert ("2026-05-20", 2) in dated
    # a reviewer's: a page mark or a time with `from` inside the page is a sentence's
    inside = ("Điều 4. Nhận hồ sơ lúc 8:00 from ngày 21 tháng 5 năm 2026.\nHọp ngày 22/5/2026 tại phòng P.2/4\n"
              "Điều 5. Hiệu lực.\nĐiều 6. Trách nhiệm.\n")
    facts = extract_facts([PageText(1, DECISION + inside, method="ocr", ocr_confidence=0.9)])
    assert {"2026-05-21", "2026-05-22"} <= {d.date for d in facts.dates}


def test_a_laws_name_ending_in_a_kind_of_paper_does_not_type_its_number() -> None:
    """`Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14`:
    `hợp đồng` (a contract, of no type of its own) ends the law's name; the symbol says a law.
    A contract's own number stays of its kind."""
    text = HEADER + ("Căn cứ Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14;\n"
                     "Thực hiện Hợp đồng số 12/HĐ-SNV ngày 05 tháng 5 năm 2025;\n")
    refs = {r.number: r.doc_type for r in facts_of(text).references}
    assert refs["69/2020/QH14"] == "law"
    assert refs["12/HĐ-SNV"] == "other"


def test_a_department_whose_name_ends_like_a_level_is_still_the_issuers() -> None:
    """A reviewer's: `Văn phòng Cơ quan` folds to `… co quan`, whose last word is a district's
    level word folded (`quận`): it stays a department of the issuer, while `Văn phòng Đăng ký
    đất đai tỉnh` is a body of its own."""
    from dispatch_reader.extract.bodies import is_subunit

    assert is_subunit("Văn phòng Cơ quan") and is_subunit("Phòng Tổ chức biên chế")
    assert not is_subunit("Văn phòng Đăng ký đất đai tỉnh") and not is_subunit("Trạm Y tế xã")


def test_a_party_regulation_cited_is_no_decision() -> None:
    """A tester's brief listed `Quy định số 65-QĐ/TW` of the Party's Central Committee as a
    `Quyết định`: in a party's number `QĐ` is a regulation, as its label says."""
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("QUYẾT ĐỊNH\nVề việc luân chuyển cán bộ\nCăn cứ Quy định số 65-QĐ/TW ngày 28 tháng 4 năm 2022 của Ban "
            "Chấp hành Trung ương về luân chuyển cán bộ;\nCăn cứ Quyết định số 2754/QĐ-UBND ngày 15/8/2025 của Ủy ban "
            "nhân dân tỉnh;\n")
    types = {r.number: r.doc_type for r in extract_facts([PageText(1, text)]).references}
    assert types == {"65-QĐ/TW": "other", "2754/QĐ-UBND": "decision"}
