"""Header extraction from page text: the three column layouts, công văn, noise, real documents."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.textnorm import fold

REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs-dev"

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______________"]


def interleave(a: list[str], b: list[str]) -> list[str]:
    out: list[str] = []
    for i in range(max(len(a), len(b))):
        out += a[i:i + 1] + b[i:i + 1]
    return out


def side_by_side(a: list[str], b: list[str], gap: str) -> list[str]:
    n = max(len(a), len(b))
    a, b = a + [""] * (n - len(a)), b + [""] * (n - len(b))
    return [(x + gap + y).strip() for x, y in zip(a, b)]


LAYOUTS = {
    "columns": lambda a, b: a + b,
    "interleaved": interleave,
    "wide_gap": lambda a, b: side_by_side(a, b, "        "),
    "one_space": lambda a, b: side_by_side(a, b, " "),
}


def make_decision(layout: str, *, parent: str, issuer: str, number: str, place: str, date_line: str,
                  subject: list[str], authority: str, title: str, name: str) -> str:
    join = LAYOUTS[layout]
    left = ([parent] if parent else []) + [issuer, "_______", f"Số: {number}"]
    right = MOTTO + [f"{place}, {date_line}"]
    body = ["", "QUYẾT ĐỊNH", *subject, "", (issuer if not parent else "GIÁM ĐỐC " + issuer),
            "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;", "QUYẾT ĐỊNH:",
            "Điều 1. Biệt phái công chức đến làm việc tại xã.", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."]
    bottom_l = ["Nơi nhận:", "- Như Điều 2;", "- Lưu: VT, NV."]
    bottom_r = [authority, title, "", "(Đã ký)", "", name]
    return "\n".join(join(left, right) + body + join(bottom_l, bottom_r))


CASES = [
    dict(parent="UBND TỈNH LAI CHÂU", issuer="SỞ NỘI VỤ", number="245/QĐ-SNV", place="Lai Châu",
         date_line="ngày 08 tháng 9 năm 2025", iso="2025-09-08", proper="Sở Nội vụ",
         subject=["Về việc biệt phái công chức đến làm việc", "tại các xã, phường"],
         authority="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name="Bùi Văn Hải"),
    dict(parent="", issuer="ỦY BAN NHÂN DÂN XÃ TẢ PHÌN", number="17/QĐ-UBND", place="Tả Phìn",
         date_line="ngày 14 tháng 11 năm 2025", iso="2025-11-14", proper="Ủy ban nhân dân xã Tả Phìn",
         subject=["Về việc điều động công chức"],
         authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="Giàng A Sử"),
]


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("case", CASES, ids=["dept", "commune"])
def test_decision_header_in_every_layout(layout: str, case: dict) -> None:
    text = make_decision(layout, **{k: v for k, v in case.items() if k not in ("iso", "proper")})
    doc = extract_facts([PageText(1, text)]).document
    assert doc.doc_type == "decision"
    assert doc.doc_type_label == "QUYẾT ĐỊNH"
    assert doc.number == case["number"]
    assert doc.issuer == case["proper"]
    assert doc.issuer_parent == (case["parent"] or None)
    assert doc.place == case["place"]
    assert doc.issued_date == case["iso"]
    assert doc.subject == " ".join(case["subject"])
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title, doc.signer.authority) == (
        case["name"], case["title"], case["authority"])
    assert doc.recipients == ["Như Điều 2", "Lưu: VT, NV"]
    # Evidence points at the words it was read from.
    for key, ev in doc.evidence.items():
        assert text[ev.start:ev.start + len(ev.quote)] == ev.quote, key


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_cong_van_subject_and_recipients(layout: str) -> None:
    left = ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Số: 1335/UBND-NC", "V/v tăng cường nhân lực", "cho các xã, phường"]
    right = MOTTO + ["Phú Thọ, ngày 21 tháng 10 năm 2025"]
    lines = LAYOUTS[layout](left, right) + [
        "", "Kính gửi:", "- Sở Nội vụ;", "- UBND các xã, phường.",
        "Thực hiện Kế hoạch số 215/KH-UBND ngày 12 tháng 9 năm 2025 của Ủy ban nhân dân tỉnh;",
    ] + LAYOUTS[layout](["Nơi nhận:", "- Như trên;", "- Lưu: VT, NC."],
                        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Phạm Đức Thành"])
    doc = extract_facts([PageText(1, "\n".join(lines))]).document
    assert doc.doc_type == "official_dispatch"
    assert doc.number == "1335/UBND-NC"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert doc.issuer_parent is None
    assert doc.subject == "tăng cường nhân lực cho các xã, phường"
    assert doc.recipients == ["Sở Nội vụ", "UBND các xã, phường", "Như trên", "Lưu: VT, NC"]
    assert doc.signer and doc.signer.name == "Phạm Đức Thành" and doc.signer.title == "CHỦ TỊCH"


def test_ocr_noise_in_header() -> None:
    text = "\n".join([
        "UBND TỈNH LAI CHÂU",
        "SỞ Y TÉ",
        "Sô: 12 /QD-SYT",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHIA VIỆT NAM",
        "Độc lập - Tự đo - Hạnh phúc",
        "Lai Châu, ngảy O4 tháng 8 năm 2O25",
        "QUYET ĐỊNH",
        "Về việc tăng cường viên chức y tế",
        "Căn cứ Nghị lịnh số 170/2025/NĐ-CP;",
    ])
    doc = extract_facts([PageText(1, text)]).document
    assert doc.number == "12/QĐ-SYT"
    assert doc.issued_date == "2025-08-04"
    assert doc.doc_type == "decision"
    assert doc.issuer_parent == "UBND TỈNH LAI CHÂU"
    assert fold(doc.issuer or "") == fold("Sở Y tế")
    assert doc.subject == "Về việc tăng cường viên chức y tế"


def test_motto_is_never_the_issuer() -> None:
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBỘ NỘI VỤ\nSố: 7/2025/TT-BNV\n"
    doc = extract_facts([PageText(1, text)]).document
    assert doc.issuer == "Bộ Nội vụ"
    assert doc.doc_type == "circular"


def test_no_date_line_warns() -> None:
    facts = extract_facts([PageText(1, "SỞ NỘI VỤ\nSố: 3/TB-SNV\nTHÔNG BÁO\nVề việc họp giao ban\n")])
    assert facts.document.issued_date is None
    assert any("date" in w for w in facts.warnings)


@pytest.mark.parametrize("printed,proper", [
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
    ("UBND TỈNH NGHỆ AN", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
    ("TRẠM Y TẾ XÃ TỦA THÀNG", "Trạm Y tế xã Tủa Thàng"),
    ("UỶ BAN NHÂN DÂN PHƯỜNG HOÀ BÌNH", "Ủy ban nhân dân phường Hòa Bình"),
    # a plural word after `và` opens no field: it and its field run on in small letters
    ("BAN QUẢN LÝ KHU KINH TẾ VÀ CÁC KHU CÔNG NGHIỆP", "Ban Quản lý Khu kinh tế và các khu công nghiệp"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
])
def test_proper_case_body(printed: str, proper: str) -> None:
    assert proper_case_body(printed) == proper


def _realdocs() -> list[Path]:
    return sorted(REALDOCS.glob("*.truth.json")) if REALDOCS.is_dir() else []


@pytest.mark.skipif(not _realdocs(), reason="../shared/realdocs-dev is not here")
def test_realdocs_header_fields() -> None:
    fields = ["doc_type", "number", "issuer", "issued_date", "place", "signer_name", "subject"]
    good = total = 0
    misses = []
    for truth_path in _realdocs():
        truth = json.loads(truth_path.read_text("utf-8"))["truth"]
        text = unicodedata.normalize("NFC", truth_path.with_name(truth_path.name.split(".")[0] + ".txt")
                                     .read_text("utf-8"))
        doc = extract_facts([PageText(i + 1, t) for i, t in enumerate(text.split("\f"))]).document
        got = {**{f: getattr(doc, f, None) for f in fields}, "signer_name": doc.signer.name if doc.signer else None}
        for f in fields:
            total += 1
            t, g = truth.get(f), got[f]
            ok = fold(t) == fold(g) if (t and g) else t == g
            good += ok
            if not ok:
                misses.append((truth_path.name, f, t, g))
    assert good / total >= 0.95, misses


@pytest.mark.parametrize("rule", ["―――――――", "───────", "‒‒‒‒‒‒"])
def test_a_rule_typed_under_the_subject_ends_it(rule: str) -> None:
    """A tester's Word header: the rules typed as horizontal bars (`―――`) were read into the
    subject of eight documents of ten."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n" + rule[:5] + "\nSố: 2671/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n" + rule + "\nCà Mau, ngày 26 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc tăng cường có thời hạn công chức\ncho Ủy ban nhân dân các xã\n" + rule + "\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU\n")
    doc = extract_facts([PageText(1, text)]).document
    assert doc.subject == "Về việc tăng cường có thời hạn công chức cho Ủy ban nhân dân các xã"
    assert doc.number == "2671/QĐ-UBND" and doc.place == "Cà Mau"


def _stamped_header(issuer_lines: list[str], place_line: str = "Lạng Sơn, ngày 12 tháng 3 năm 2026") -> str:
    return "\n".join([*issuer_lines, "Độc lập - Tự do - Hạnh phúc", "Số: 412/QĐ-UBND", place_line,
                      "QUYẾT ĐỊNH", "Về việc biệt phái công chức"])


def test_a_stamps_scraps_after_a_committees_first_line_are_no_part_of_it() -> None:
    """`ỦY BAN NHÂN DA Ư KẾT BNC …` over `TỈNH …`: a receiving stamp between the header's
    columns read onto the committee's first line, in capitals. With its level and place on
    the next line, the first line is the committee's name alone."""
    lines = ["ỦY BAN NHÂN DA Ư KẾT BNC HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LẠNG SƠN"]
    doc = extract_facts([PageText(1, _stamped_header(lines), method="ocr", ocr_confidence=0.8)]).document
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lạng Sơn"
    # a committee named whole on its first line keeps it, whatever line follows (a commune's
    # stamp in capitals), and so does one whose level wrapped (`THỊ` / `XÃ …`)
    for lines, issuer in ((["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "tỉnh Lạng Sơn"),
                          (["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "PHƯỜNG ĐÔNG KINH"], "tỉnh Lạng Sơn"),
                          (["ỦY BAN NHÂN DÂN THỊ", "XÃ SA PA"], "thị xã Sa Pa")):
        doc = extract_facts([PageText(1, _stamped_header(lines), method="ocr", ocr_confidence=0.8)]).document
        assert fold(doc.issuer or "").startswith(fold("Ủy ban nhân dân " + issuer)), lines


def test_a_centrally_run_citys_committee_whose_name_a_stamp_garbled_is_the_date_lines_city() -> None:
    """`THÀNH PHỐ ĐỀ HỊ NẴ VỆG`: a stamp's frame through a city's name. A city run from the
    centre dates its documents at its name; a province's name after `THÀNH PHỐ` is a town's
    (before 2025), no city's to snap to."""
    lines = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐỀ HỊ NẴ VỆG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    doc = extract_facts([PageText(1, _stamped_header(lines, "Đà Nẵng, ngày 12 tháng 3 năm 2026"),
                                  method="ocr", ocr_confidence=0.8)]).document
    assert doc.issuer == "Ủy ban nhân dân thành phố Đà Nẵng"
    lines = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LỀ HỊ SƠ VỆG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    doc = extract_facts([PageText(1, _stamped_header(lines), method="ocr", ocr_confidence=0.8)]).document
    assert doc.issuer != "Ủy ban nhân dân thành phố Lạng Sơn"


def test_the_office_of_a_provinces_delegation_and_council() -> None:
    # since 2025 a province's delegation of deputies and its council share one office, its
    # header `ĐOÀN ĐBQH VÀ HĐND TỈNH …` over `VĂN PHÒNG`: both abbreviations written out
    text = ("ĐOÀN ĐBQH VÀ HĐND TỈNH PHÚ THỌ\nVĂN PHÒNG\nSố: 12/TB-VP\n" + "\n".join(MOTTO) +
            "\nPhú Thọ, ngày 3 tháng 3 năm 2026\nTHÔNG BÁO\nVề việc cử công chức làm việc tại xã\nNội dung.\n")
    doc = extract_facts([PageText(1, text)]).document
    assert doc.issuer == "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Phú Thọ"
    assert proper_case_body("ĐOÀN ĐBQH TỈNH PHÚ THỌ") == "Đoàn đại biểu Quốc hội tỉnh Phú Thọ"


def test_a_departments_name_wrapped_at_its_comma_keeps_it() -> None:
    # `SỞ VĂN HÓA,` / `THỂ THAO` / `VÀ DU LỊCH`: the comma ends a line, the name goes on
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("UBND TỈNH LẠNG SƠN\nSỞ VĂN HÓA,\nTHỂ THAO\nVÀ DU LỊCH\nSố: 40/QĐ-SVHTTDL\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 5 tháng 3 năm 2026\n"
            "QUYẾT ĐỊNH\nVề việc biệt phái viên chức\n")
    assert extract_facts([PageText(1, text)]).document.issuer == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_comma_before_the_wrapped_and_is_a_speck() -> None:
    # no body's name puts a comma before its `và`: `SỞ NÔNG NGHIỆP,` / `VÀ MÔI TRƯỜNG` (a reviewer's)
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText

    text = ("UBND TỈNH LẠNG SƠN\nSỞ NÔNG NGHIỆP,\nVÀ MÔI TRƯỜNG\nSố: 40/QĐ-SNNMT\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 5 tháng 3 năm 2026\n"
            "QUYẾT ĐỊNH\nVề việc biệt phái viên chức\n")
    assert extract_facts([PageText(1, text)]).document.issuer == "Sở Nông nghiệp và Môi trường"


def test_a_titles_subject_wrapping_onto_a_line_that_opens_like_the_body() -> None:
    """A plan's subject wraps onto a line in small letters that opens as a body's grounds do
    (`thực hiện chính sách …`): it is the subject's; the body's `Thực hiện …` opens on a capital."""
    text = ("UBND TỈNH MINH SƠN\nSỞ NỘI VỤ\nSố: 19/KH-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nMinh Sơn, ngày 12 tháng 5 năm 2026\nKẾ HOẠCH\n"
            "Cử công chức tăng cường hỗ trợ các xã vùng cao\nthực hiện chương trình chuyển đổi số năm 2026\n"
            "Thực hiện Kế hoạch số 88/KH-UBND ngày 22 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh, Sở Nội vụ\n"
            "xây dựng Kế hoạch như sau:\n")
    doc = extract_facts([PageText(1, text)]).document
    assert doc.subject == ("Cử công chức tăng cường hỗ trợ các xã vùng cao thực hiện chương trình chuyển đổi số "
                           "năm 2026")
    # `căn cứ` read small (a phone photo lowered its capital, its law garbled) opens the grounds still
    grounds = text.replace("thực hiện chương trình chuyển đổi số năm 2026\n",
                           "căn cứ -hưật Tổ chức chính quyền địa phương số 72/2025/QH15\n")
    doc = extract_facts([PageText(1, grounds, method="ocr", ocr_confidence=0.85)]).document
    assert doc.subject == "Cử công chức tăng cường hỗ trợ các xã vùng cao"
