"""Headcounts: what is a count, what is not, and one count per stated fact."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.docnumber import find_header_number
from dispatch_reader.ingest.pages import PageText

HEADER = """ỦY BAN NHÂN DÂN
TỈNH MINH SƠN
Số: 412/UBND-NC
V/v bố trí công chức cho các xã
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Minh Sơn, ngày 03 tháng 11 năm 2025
Kính gửi: Sở Nội vụ.
"""


def counts_of(text: str) -> dict[tuple[int, int | None], str]:
    facts = extract_facts([PageText(1, text)])
    return {(c.value, c.total): c.what for c in facts.counts}


def count_list(text: str) -> list[tuple[int, int | None]]:
    return [(c.value, c.total) for c in extract_facts([PageText(1, text)]).counts]


def test_copies_in_the_recipient_list_are_not_headcounts() -> None:
    text = HEADER + ("Tỉnh giao 07 công chức về làm việc tại các xã vùng cao.\n"
                     "Nơi nhận:\n- Như trên;\n- Sở Tài chính (03 bản);\n- UBND 12 xã (b/c);\n- Lưu: VT, NC.\n")
    got = count_list(text)
    assert (7, None) in got
    assert (3, None) not in got and (12, None) not in got


def test_copies_in_parentheses_are_not_villages() -> None:
    text = HEADER + "Hỗ trợ 06 bản vùng cao; hồ sơ gửi Sở Nội vụ (04 bản) trước ngày 20/11/2025.\n"
    got = count_list(text)
    assert (6, None) in got
    assert (4, None) not in got


def test_vietnamese_number_words_before_a_counted_noun() -> None:
    text = HEADER + ("Hiện nay ba xã biên giới còn thiếu bốn công chức địa chính; chính quyền địa phương\n"
                     "hai cấp đã vận hành. Ngày thứ hai của đợt kiểm tra.\n")
    got = counts_of(text)
    assert (3, None) in got and got[(3, None)].startswith("xã")
    assert (4, None) in got and got[(4, None)].startswith("công chức")
    assert (2, None) not in got  # "hai cấp" counts no noun; "thứ hai" is an ordinal


EN = """Binh Son adds staff to upland communes

Binh Son, March 3, 2026 - The People's Committee of Binh Son province on February 27 issued
Decision No. 88/QD-UBND assigning 52 civil servants to upland communes.

Of the 52 people, 31 are civil servants and 21 are public employees. Of the 640 commune
officials, 512 hold a college degree, and 44 of 58 land and construction posts are filled.
Of these, 19 work in Dong Lam 2 commune. Officials said the 52 staff would stay for a year.
"""


def test_english_groups_partitions_and_shares() -> None:
    got = count_list(EN)
    counts = counts_of(EN)
    assert got.count((52, None)) == 1  # headline, body and "the 52 people" state one fact
    assert counts[(31, None)] == "civil servants"
    assert counts[(21, None)] == "public employees"
    assert (512, 640) in counts  # a share of the group named before it
    assert (44, 58) in counts and "land and construction posts" in counts[(44, 58)]
    assert (19, None) in counts  # "Of these, 19 work …": no noun after the number
    assert (2, None) not in counts  # a digit inside a place name


def test_english_headline_count_kept_when_the_body_does_not_repeat_it() -> None:
    text = EN.replace("Binh Son adds staff", "Binh Son adds 9 teachers")
    assert (9, None) in counts_of(text)


def test_party_and_ocr_numbers_in_the_header() -> None:
    assert find_header_number("315-QĐ/BTCTU")[0].text == "315-QĐ/BTCTU"
    assert find_header_number("27 - KL/TU  Hà Nội")[0].text == "27-KL/TU"
    assert find_header_number("3l/2O24/QĐ-UBND")[0].text == "31/2024/QĐ-UBND"
    assert find_header_number("l8/KH-UBND")[0].text == "18/KH-UBND"
    text = "ĐẢNG BỘ TỈNH MINH SƠN\nBAN TUYÊN GIÁO TỈNH ỦY\n*\nSố 96-QĐ/BTGTU   Minh Sơn, ngày 2 tháng 3 năm 2026\n"
    doc = extract_facts([PageText(1, text + "QUYẾT ĐỊNH\nvề việc điều động cán bộ\n")]).document
    assert (doc.number, doc.doc_type) == ("96-QĐ/BTGTU", "decision")


def test_ocr_slips_inside_counts() -> None:
    text = HEADER + "Toàn tỉnh có 96 đơn vi hành chính cấp xã và 14 xa vùng sâu.\n"
    got = count_list(text)
    assert (96, None) in got  # a mark lost inside a noun of several words
    assert (14, None) not in got  # "xa" is not "xã"
    en = EN.replace("21 are public employees", "21 are\n_public employees")
    assert counts_of(en)[(21, None)] == "public employees"


def test_a_share_without_its_noun() -> None:
    text = HEADER + "Kết quả rà soát: 412/530 đạt chuẩn trình độ; hồ sơ nộp ngày 12/2025 và 7/9 năm nay.\n"
    counts = counts_of(text)
    assert counts[(412, 530)] == "đạt chuẩn trình độ"
    assert (12, 2025) not in counts


def test_a_decided_headcount_larger_than_the_list_read_is_warned() -> None:
    """A damaged scan of a decision for 8 people whose list lost 7 rows: the record says so."""
    from dispatch_reader.extract import list_warnings
    from dispatch_reader.messages import localise
    from dispatch_reader.record import Count, Evidence, Facts, Secondment

    ev = Evidence(page=1, quote="x")
    facts = Facts(counts=[Count(8, "công chức, viên chức", ev, status="decided")],
                  secondments=[Secondment(kind="secondment", evidence=ev, person="Lý Seo Dìn")])
    [warning] = list_warnings(facts)
    assert warning.startswith("the document decides 8 công chức, viên chức but only 1 are read by name")
    assert localise(warning, "vi").startswith("Văn bản quyết định 8 công chức, viên chức nhưng chỉ đọc được tên 1 người")
    # the whole list read, or a request's figure, or a headcount sending: nothing to say
    full = Facts(counts=facts.counts, secondments=facts.secondments * 8)
    assert list_warnings(full) == []
    asked = Facts(counts=[Count(8, "công chức", ev, status="requested")], secondments=facts.secondments)
    assert list_warnings(asked) == []


def test_a_fax_page_counter_is_no_headcount() -> None:
    """A fax machine prints `008/015` (page 8 of 15) at the top of every page it sends; read
    with the first word of the page's next line (`hộ`) it came out as 8 of 15 households. A
    share written plainly (`8/15 xã`) is still one."""
    page = "008/015\nhộ gia đình được hỗ trợ theo quy định tại Điều 5.\n"
    facts = extract_facts([PageText(1, HEADER + "Điều 1. Tăng cường 8/15 xã có công chức.\n"),
                           PageText(2, page, method="ocr", ocr_confidence=0.9)])
    got = {(c.value, c.total) for c in facts.counts}
    assert (8, 15) in got and all(c.evidence.page == 1 for c in facts.counts), got


def test_the_gazettes_page_number_over_its_section_heading_is_no_count() -> None:
    """An OCRed Gazette page reads its running head, its page number and the section's heading
    on lines of their own: `37` over `VĂN BẢN KHÁC` was a count of 37 `VĂN BẢN` (a tester's)."""
    text = "CÔNG BÁO/Số 61 + 62/Ngày 30-9-2025\n37\nVĂN BẢN KHÁC\n" + HEADER + \
        "Tăng cường 05 công chức cấp tỉnh về làm việc tại các xã.\n"
    assert count_list(text) == [(5, None)]
    # a count whose noun merely opens like a heading's words is still one
    assert (37, None) in count_list(HEADER + "Đã ban hành 37 văn bản khác về việc này.\n")


def test_a_figure_tallied_and_the_same_figure_as_a_destination_are_two_facts() -> None:
    """A report counts `41 xã, phường` lacking staff and then sends people `về làm việc tại 41 xã,
    phường`: the second is where they went (a tester's), not the first said again. The same
    figure in the same role is still one fact."""
    text = HEADER.replace("412/UBND-NC", "725/BC-SNV") + (
        "Toàn tỉnh có 41 xã, phường còn thiếu công chức chuyên môn. Các sở đã cử 118 công chức\n"
        "về làm việc tại 41 xã, phường. Có 41 xã, phường đã báo cáo.\n")
    facts = extract_facts([PageText(1, text)])
    assert [(c.value, c.what) for c in facts.counts].count((41, "xã, phường")) == 2
    [sent] = facts.secondments
    assert (sent.count, sent.to_unit) == (118, "41 xã, phường")


def test_people_named_again_after_a_destination_cue_are_one_count() -> None:
    """`cử 02 công chức … đến hỗ trợ xã Lìa`, then `phân công nhiệm vụ cho 02 công chức nêu trên`:
    `cho` before people is no destination; the two are one fact, as before the destination role
    kept a figure said again as where people go (a holdout's extra count of 2)."""
    text = ("SỞ NỘI VỤ\nSố: 15/SNV-TCBC\nV/v cử công chức hỗ trợ xã\nKính gửi: Ủy ban nhân dân xã Lìa.\n"
            "Sở Nội vụ cử 02 công chức sau đây đến hỗ trợ Ủy ban nhân dân xã Lìa.\n"
            "Đề nghị Ủy ban nhân dân xã Lìa phân công nhiệm vụ cụ thể cho 02 công chức nêu trên.\n")
    assert [v for v, _ in count_list(text)].count(2) == 1


def test_parts_of_one_size_each_with_a_field_of_their_own_are_counted_each() -> None:
    """A helper's: `01 công chức lĩnh vực đất đai; 01 công chức lĩnh vực xây dựng; …` made one
    count of 1 (the same value and noun stated twice count once)."""
    text = ("Ủy ban nhân dân xã đề nghị Sở Nội vụ tăng cường 03 công chức về xã, cụ thể: 01 công chức lĩnh vực "
            "đất đai; 01 công chức lĩnh vực xây dựng; 01 công chức lĩnh vực kế toán.\n")
    facts = extract_facts([PageText(1, text)])
    assert sorted(c.value for c in facts.counts) == [1, 1, 1, 3]


def test_one_headcount_said_twice_with_its_body_is_counted_once() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái 05 công chức thuộc Sở Y tế đến công tác tại Ủy ban nhân dân xã Con Cuông.\n"
            "Điều 2. 05 công chức thuộc Sở Y tế có trách nhiệm chấp hành sự phân công của Ủy ban nhân dân xã.\n")
    assert [c.value for c in extract_facts([PageText(1, text)]).counts] == [5]


def test_a_lists_row_numbers_before_places_are_no_counts() -> None:
    """A tester's list of communes short of staff, its heading wrapped (no table told): `1 Xã Kỳ
    Hoa | 42 | 35 | 7` was a count of one commune, and so on down the rows."""
    text = ("Một số xã, phường thiếu nhiều công chức như sau:\nSTT | Xã, phường | Biên chế Hiện có | Còn | Ghi chú\n"
            "được giao\nthiếu\n1 Xã Kỳ Hoa | 42 | 35 | 7 | Thiếu đất đai\n2 Xã Cẩm Xuyên | 45 | 39 | 6\n"
            "3 Xã Thạch Khê | 40 | 31 | 9 | Thiếu kế toán\n4 Phường Hải Ninh | 38 | 33 | 5\n"
            "5 Xã Can Lộc | 44 | 36 | 8 | Thiếu công nghệ thông\ntin\nCộng | 209 | 174 | 35\n"
            "Toàn tỉnh còn thiếu 184 công chức.\n")
    assert [c.value for c in extract_facts([PageText(1, text)]).counts] == [184]


def test_parts_of_one_size_each_sent_by_a_body_named_before_its_verb_are_counted_each() -> None:
    """A reviewer's: `Sở Nội vụ cử 01 công chức; Sở Tư pháp cử 01 công chức` made one count of
    1 and one sending; each body sends its own. The same body said again is one."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Biệt phái công chức về làm việc tại Ủy ban nhân dân xã Tân Lập trong thời gian 09 "
            "tháng, cụ thể: Sở Nội vụ cử 01 công chức; Sở Tư pháp đã cử 01 công chức.\n")
    facts = extract_facts([PageText(1, text)])
    assert [c.value for c in facts.counts] == [1, 1]
    assert sorted(s.from_unit for s in facts.secondments) == ["Sở Nội vụ", "Sở Tư pháp"]
    again = text.replace("Sở Tư pháp đã cử", "Sở Nội vụ cử")
    assert [c.value for c in extract_facts([PageText(1, again)]).counts] == [1]


def test_a_headcount_said_again_as_the_ones_named_before_is_counted_once() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ủy ban nhân dân tỉnh thống nhất cử 02 công chức có chuyên môn về đất đai về xã Tân Lập.\n"
            "Điều 2. Giao Sở Nội vụ cử 02 công chức nêu trên, bảo đảm để 02 công chức có chuyên môn nêu trên sớm đến "
            "nhận nhiệm vụ.\n")
    assert [c.value for c in extract_facts([PageText(1, text)]).counts] == [2]
