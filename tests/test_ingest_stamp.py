"""A colour receiving stamp: found by its shape, read alone, its number and date kept apart
from the document's own (issue 11: `document.received`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.extract.received import STAMP_CONFIDENCE, received_from_stamp
from dispatch_reader.ingest import stamp
from dispatch_reader.ingest.pages import PageText

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
VIOLET, BLUE, RED = (110, 60, 160), (30, 50, 170), (200, 30, 40)


def _page(with_stamp: bool = True, form: bool = False) -> np.ndarray:
    """A4 at 200 dpi: a black header, a violet stamp with blue figures over its right part,
    and a red round seal low on the page."""
    im = Image.new("RGB", (1654, 2339), (250, 248, 244))
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((180, 180), "ỦY BAN NHÂN DÂN", font=font, fill=(0, 0, 0))
    draw.text((180, 230), "TỈNH LAI CHÂU", font=font, fill=(0, 0, 0))
    draw.text((200, 290), "Số: 95/TB-VPUBND", font=font, fill=(0, 0, 0))
    if with_stamp:
        draw.rectangle((160, 330, 640, 560), outline=VIOLET, width=4)
        small = ImageFont.truetype(str(FONT), 22)
        draw.text((300, 345), "CÔNG VĂN ĐẾN", font=ImageFont.truetype(str(FONT), 28), fill=VIOLET)
        draw.text((180, 405), "Số:", font=small, fill=VIOLET)
        draw.text((180, 455), "Ngày:", font=small, fill=VIOLET)
        draw.text((180, 505), "Chuyển:", font=small, fill=VIOLET)
        hand = ImageFont.truetype(str(FONT), 34)
        draw.text((290, 395), "3992", font=hand, fill=BLUE)
        draw.text((290, 445), "23/11/2025", font=hand, fill=BLUE)
        draw.text((300, 495), "P. Nội vụ", font=hand, fill=BLUE)
        # the header's subject line runs under the stamp, printed black over it
        draw.text((420, 410), "V/v biệt phái", font=font, fill=(0, 0, 0))
    if form:
        # a larger coloured box beside it that is no stamp: a registry's form
        draw.rectangle((820, 300, 1500, 640), outline=BLUE, width=4)
        draw.text((850, 330), "Mã hồ sơ", font=font, fill=BLUE)
        draw.text((850, 420), "8890", font=ImageFont.truetype(str(FONT), 34), fill=BLUE)
        draw.text((850, 510), "nhận 16/11/2025", font=font, fill=BLUE)
    draw.ellipse((900, 1700, 1200, 2000), outline=RED, width=10)
    return np.asarray(im)


pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")


def test_the_stamp_is_found_by_its_shape_and_the_seal_is_not() -> None:
    box = stamp.find_stamp(_page(), 200)
    assert box is not None
    x, y, w, h = box
    assert x <= 165 and y <= 335 and x + w >= 635 and y + h >= 555  # the frame and all inside it
    assert y + h < 1169  # the top half: the seal below is no stamp
    assert stamp.find_stamp(_page(with_stamp=False), 200) is None  # a seal alone, round: none


def test_the_stamp_ink_is_read_without_the_black_text_under_it() -> None:
    page = _page()
    ink = stamp.stamp_ink(page, stamp.find_stamp(page, 200))
    # the violet and blue strokes are dark, the black header line through the box is paper
    assert (ink < 128).sum() > 2000
    x, y, w, h = stamp.find_stamp(page, 200)
    black = (page[y:y + h, x:x + w].max(axis=2) < 60)
    assert (ink[black] > 200).mean() > 0.9


def test_the_stamps_number_and_date_are_read_without_their_labels() -> None:
    read = received_from_stamp(1, "CUNG VAN BEN\n“i 3992\nven 23/11/2025\nee P. Nộ/vụ", "2025-11-12")
    assert (read.number, read.date) == ("3992", "2025-11-23")
    assert read.evidence.page == 1 and read.evidence.confidence == STAMP_CONFIDENCE  # flagged for checking
    two_digits = received_from_stamp(1, "CONG VAN DEN\nsu 6397\nNgay 09/09/25", None)
    assert (two_digits.number, two_digits.date) == ("6397", "2025-09-09")


@pytest.mark.parametrize(("text", "issued", "number", "when"), [
    ("CÔNG VĂN ĐẾN\n3992\n23/10/2125", "2025-10-20", "3992", None),  # no year a paper arrives in
    ("CÔNG VĂN ĐẾN\n3992\n19/10/2025", "2025-10-20", "3992", None),  # before it was signed
    ("CÔNG VĂN ĐẾN\n02/13/2025", None, None, None),  # no date at all
    ("CÔNG VĂN ĐẾN\nSố: 95/TB-VPUBND", None, None, None),  # the document's number is no count
    ("CÔNG VĂN ĐẾN\nChuyển: P. Nội vụ xử lý số 12 ngày", None, None, None),  # a long line is no figure
    # coloured boxes that are no receiving stamp (a fresh-eyes tester's): no title, nothing
    ("KHẨN - MẬT\nBản số: 05", None, None, None),
    ("SAO Y BẢN CHÍNH\nSố chứng thực: 125\nQuyển số: 01\nNgày 15/11/2025", "2025-11-12", None, None),
    ("CHÀO MỪNG KỶ NIỆM 50 NĂM\n1975 - 2025", None, None, None),
    # in a stamp, the lines that hold no registration number
    ("CÔNG VĂN ĐẾN\nSố:\nNgày:\nChuyển: P. 204", None, None, None),
    ("CÔNG VĂN ĐẾN\nGiờ: 14:30\nNgày: 23/11/2025", "2025-11-12", None, "2025-11-23"),
    ("CÔNG VĂN ĐẾN\nGiờ: 14 30\nNgày: 23/11/2025", "2025-11-12", None, "2025-11-23"),
    # figures part damaged: what is left is part of the number (`7657`, `5855`), no number
    ("CÔNG VĂN ĐẾN\nS ? 57\nsuy 8/9/2021", "2021-09-01", None, "2021-09-08"),
    ("CÔNG VĂN ĐẾN\n“$855\n“8 13/1/2026", "2026-01-10", None, "2026-01-13"),
    # a hand's figures spaced apart are one count where the line holds nothing else; not three
    # groups, nor two that make more figures than a register's count
    ("CÔNG VĂN ĐẾN\nS 76 57\nsuy 8/9/2021", "2021-09-01", "7657", "2021-09-08"),
    ("CÔNG VĂN ĐẾN\n12 76 57\nsuy 8/9/2021", "2021-09-01", None, "2021-09-08"),
    ("CÔNG VĂN ĐẾN\n559 2810\nsuy 8/9/2021", "2021-09-01", None, "2021-09-08"),
    ("CÔNG VĂN ĐẾN\nSố: ?\nNgày: 24 04\nChuyển: P. Nội vụ", "2026-04-20", None, None),  # a day and month
    # a label's scrap glued to whole figures is no damage to them, nor the label read with a
    # figure (`Số` with its mark read as a 6)
    ("COME VAN DEN ị\n¡3529\n7 ?", None, "3529", None),
    ("CÔNG VĂN ĐẾN\nS6 3992\n23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    ("CÔNG VĂN ĐẾN\n56: 3992\n23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    # two boxes read, the larger a form's: the stamp is the one titled so
    ("Mã hồ sơ\n8890\nnhận 16/11/2025\n\nCÔNG VĂN ĐẾN\n3992\n23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    # stamps titled otherwise, as offices print them: `VĂN BẢN ĐẾN`, or `ĐẾN` alone on its line
    # or before a field's label; `Đến` opening a line of words, or a period's end, is no title
    ("SỞ NỘI VỤ\nĐẾN\nSố: 1234\nNgày: 05/9/2025\nChuyển: P. TCCB", "2025-09-01", "1234", "2025-09-05"),
    ("VĂN BẢN ĐẾN\n3992\n23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    ("ĐẾN Số: 3992\nNgày: 23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    ("ĐẾN Số: 3992 Ngày: 23/11/2025", "2025-11-12", "3992", "2025-11-23"),
    ("Đến nay 3992\n23/11/2025", "2025-11-12", None, None),
    ("Từ ngày 12/11/2025\nĐến ngày 23/11/2025", "2025-11-12", None, None),
    ("Đến ngày: 23/11/2025\n3992", "2025-11-12", None, None),
    # only `CÔNG VĂN ĐẾN` is taken a few letters off: these are a box's words
    ("Văn bản đề nghị\n3992\n23/11/2025", "2025-11-12", None, None),
    ("Phúc đáp CV đến số 12\n3992\n23/11/2025", "2025-11-12", None, None),
    ("VĂN BẢN HẾT HIỆU LỰC\n3992\n23/11/2025", "2025-11-12", None, None),
    # the title smudged past reading: two of the fields' labels tell the stamp; not a certified
    # copy's, whose `Số:` and `Ngày` are no receipt's
    ("CÊ?!C VAN DED\nso ?\nNgày: 11/2/2025\nChuyến: P Nội vụ", "2025-02-10", None, "2025-02-11"),
    # ... and the hand's count over the first of them, its own label lost to a scrap
    ("SỞ Y TẾ\nDONC VAN BE\ns 5183\nNgày 24/4/2026\nChuyển P. Nội vụ", "2026-04-20", "5183", "2026-04-24"),
    ("SỞ Y TẾ\nDONC VAN BE\nHà Nội 5183\nNgày 24/4/2026\nChuyển P. Nội vụ", "2026-04-20", None, "2026-04-24"),
    ("cae VĂN HỆ?\nSố: 6744\nngay. 10/2022\nChuyển: P. NO/Vu", "2022-03-30", "6744", None),
    ("SAO Y BẢN CHÍNH\nSố: 125\nNgày 15/11/2025", "2025-11-12", None, None),
    ("ĐÃ KIỂM TRA\nSố: 125\nNgày 15/11/2025", "2025-11-12", None, None),
    # a reviewer's: the first label on the block's first line; one label twice; words, not labels;
    # a copy stamp whose title was smudged too, told by its number's symbol
    ("Số: 3992\nNgày: 11/2/2025\nChuyển: P. Nội vụ", "2025-02-10", "3992", "2025-02-11"),
    ("Số: 3992\nNgày: 11/2/2025", "2025-02-10", None, None),  # no forwarding field: any box's
    ("Ngày 12/2/2025\nNgày 13/2/2025", "2025-02-10", None, None),
    ("Ngân hàng Nhà nước\nChuyên viên 3992\nNgày 12/2/2025", "2025-02-10", None, None),
    ("S?O Y B?N CH?NH\nSố: 15/SY-VP\nNgày 20/2/2025", "2025-02-10", None, None),
    # a hand's slash read as a fraction's; a date months after the signing is a misread one
    ("CONC VAN DEN\n39: 4747\nNgày 20/5 ⁄2026", "2026-05-15", "4747", "2026-05-20"),
    ("CONG VAN ĐỀN\nwo ?\nh , 08/8/2024", "2024-03-06", None, None),
    # a coloured e-signature box is framed too, and its signing time a date: no stamp
    ("Ký bởi: Ủy ban nhân dân tỉnh Tuyên Quang\nEmail: vanthu@tuyenquang.gov.vn\nCơ quan: Tỉnh Tuyên Quang\n"
     "Thời gian ký: 16.09.2025 08:05:12 +07:00", "2025-09-15", None, None),
])
def test_a_stamp_reading_keeps_only_what_can_be_the_stamps(text: str, issued: str | None, number: str | None,
                                                           when: str | None) -> None:
    read = received_from_stamp(1, text, issued)
    assert (read.number, read.date) == (number, when) if read else number is None and when is None


def test_the_stamp_read_alone_is_the_documents_received_fact_and_not_its_header() -> None:
    from dispatch_reader.extract import extract_facts

    text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 95/TB-VPUBND\nLai Châu, ngày 12 tháng 11 năm 2025\nTHÔNG BÁO\n"
    page = PageText(number=1, text=text, method="ocr", ocr_confidence=0.9,
                    stamp_text="CÔNG VĂN ĐẾN\nSố: 3992\nNgày: 23/11/2025")
    facts = extract_facts([page])
    assert facts.document.number == "95/TB-VPUBND" and facts.document.issued_date == "2025-11-12"
    assert facts.document.received is not None
    assert (facts.document.received.number, facts.document.received.date) == ("3992", "2025-11-23")
    assert extract_facts([PageText(number=1, text=text, method="ocr", ocr_confidence=0.9)]).document.received is None


def test_a_colour_stamp_is_read_alone_end_to_end(tmp_path: Path) -> None:
    """The page as a colour scan: its header read without the stamp, the stamp read alone; a
    larger coloured form beside it is read too, and is no stamp."""
    from dispatch_reader.ingest.reader import IngestSettings, read_document

    assert len(stamp.find_stamps(_page(form=True), 200)) == 2
    path = tmp_path / "công văn đến.png"
    Image.fromarray(_page(form=True)).save(path, dpi=(200, 200))
    page = read_document(path, IngestSettings(cache_dir=None, workers=1)).pages[0]
    assert "3992" not in page.text and "CÔNG VĂN ĐẾN" not in page.text  # the colour is dropped
    read = received_from_stamp(1, page.stamp_text, "2025-11-12")
    assert read is not None and (read.number, read.date) == ("3992", "2025-11-23")


def test_a_hands_two_figure_year_is_a_stamps_date_but_no_printed_one() -> None:
    from dispatch_reader.extract.datefmt import find_dates, find_written_date

    assert find_written_date("Ngày: 05/9/25").iso == "2025-09-05"
    assert find_written_date("Ngày: 23/11/2025").iso == "2025-11-23"
    assert find_written_date("Số: 3992") is None
    assert [h.iso for h in find_dates("ngay 05/9/25")] == []  # print writes the year whole


def test_an_english_papers_stamp_is_its_received_fact_too() -> None:
    # the receiving office stamps a press release in English as it does a dispatch
    from dispatch_reader.extract import extract_facts

    text = ("Phu Tho seconds 64 civil servants to communes and wards\nPhu Tho, October 22, 2025\n"
            "On October 21, the People's Committee of Phu Tho province issued Official Dispatch No. "
            "1418/UBND-NC on reinforcing human resources for communes and wards.\n")
    page = PageText(number=1, text=text, method="ocr", ocr_confidence=0.9,
                    stamp_text="CONG VAN DEN\nso 6397\nNgay 28/10/25")
    facts = extract_facts([page])
    assert facts.language == "en"
    assert facts.document.received is not None
    assert (facts.document.received.number, facts.document.received.date) == ("6397", "2025-10-28")
    assert facts.document.number != "6397"


def _voted(monkeypatch: pytest.MonkeyPatch, first: str, again: list[str]) -> tuple[str, int]:
    """What `_agreed_figures` makes of a word read `first` in the block and `again` alone, and
    how many readings alone it asked for."""
    asked = iter(again)
    calls = []

    def read_again(*args: object) -> str:
        calls.append(args)
        return next(asked)

    monkeypatch.setattr(stamp, "_figures_again", read_again)
    word = stamp.Word(first, 10, 10, 80, 40)
    return stamp._agreed_figures(np.full((60, 100), 255, np.uint8), word, "", None), len(calls)


def test_a_hands_count_stands_where_two_readings_alone_confirm_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _voted(monkeypatch, "4797", ["4797", "4797", "197"]) == ("4797", 2)  # confirmed twice: no more asked
    assert _voted(monkeypatch, "4797", ["197", "4797", "4797"]) == ("4797", 3)
    assert _voted(monkeypatch, "“0699", ["699", "699", "x"]) == ("“0699", 2)  # leading zeros aside, as read
    # confirmed once only (the block's `8768` read `68` and `876` alone): no count
    assert _voted(monkeypatch, "8768", ["68", "8768", "876"]) == ("?", 3)
    assert _voted(monkeypatch, "8768", ["68", "876", "x"]) == ("?", 2)  # two denials: it cannot be confirmed
    # the readings alone agreeing among themselves against the block: no count either
    assert _voted(monkeypatch, "7988", ["2988", "2988", "2988"]) == ("?", 2)
    assert _voted(monkeypatch, "00", ["", "0", "0"]) == ("00", 3)  # an empty reading confirms nothing


def test_a_label_read_as_figures_is_not_read_again_as_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Số:` read `56:` keeps its colon (received.py skips it as a label), and is not voted
    to `?`, which would make the line's count look damaged."""
    page = _page()
    box = stamp.find_stamp(page, 200)
    monkeypatch.setattr(stamp, "run_psm", lambda *a, **k: "tsv")
    words = [stamp.Word("56:", 20, 60, 70, 90), stamp.Word("3992", 110, 60, 200, 90)]
    monkeypatch.setattr(stamp, "tsv_words", lambda *a, **k: (words, [(1, 1, 1), (1, 1, 1)]))
    monkeypatch.setattr(stamp, "write", lambda *a, **k: "")
    asked = []
    monkeypatch.setattr(stamp, "_agreed_figures", lambda framed, word, tmp, deadline: asked.append(word.text) or word.text)
    assert stamp._read_box(page, box, 200, None, None, "") == "56: 3992"
    assert asked == ["3992"]


def test_a_photos_stamp_tells_the_paper_was_stamped_not_its_figures(tmp_path: Path) -> None:
    """A phone photo's stamp, askew and blurred, gave wrong numbers: its figures are left unread,
    but its words still tell a clerk the paper was stamped (a tester's phone photo of a stamped
    letter said nothing of the stamp)."""
    from dispatch_reader.ingest.settings import IngestSettings
    from dispatch_reader.ingest.tessread import Deadline

    page = _page()
    deadline = Deadline(tmp_path / "x.png", 1, 120)
    read = stamp.read_stamp(page, 200, IngestSettings(cache_dir=None, workers=1), deadline, str(tmp_path),
                            figures=False)
    assert "ĐẾN" in read.upper() or "DEN" in read.upper()
    assert not any(c.isdigit() for c in read)  # no figure of the hand's, nor any other
    found = received_from_stamp(1, read, "2025-11-12")
    assert found is not None and (found.number, found.date) == (None, None)
    whole = stamp.read_stamp(page, 200, IngestSettings(cache_dir=None, workers=1), deadline, str(tmp_path))
    assert "3992" in whole


def test_a_stamp_read_alone_says_whom_the_paper_was_passed_to() -> None:
    """A tester's brief gave the stamp's number and date but not its `Chuyển` line, which the
    reading had (`chuyên Ð/C Lan - PCT`: the label's mark lost, Đ read as the Icelandic Ð)."""
    from dispatch_reader.extract.received import received_from_stamp

    read = "HRD PHƯƠNG ẤN BÌNH\nCONG VAN DEN\n4797\n›uy 29/8/2025\nchuyên Ð/C Lan - PCT"
    got = received_from_stamp(1, read, "2025-08-20")
    assert (got.number, got.date, got.forwarded_to) == ("4797", "2025-08-29", "Đ/C Lan - PCT")
    assert received_from_stamp(1, read.replace("chuyên Ð/C Lan - PCT", "Chuyển: P. Nội vụ"),
                               "2025-08-20").forwarded_to == "P. Nội vụ"
    # a `Chuyên viên` line is a job, no forwarding; a label with scraps after it, none either
    assert received_from_stamp(1, read.replace("chuyên Ð/C", "Chuyên viên"), "2025-08-20").forwarded_to is None
    assert received_from_stamp(1, read.replace("Ð/C Lan - PCT", "| 7"), "2025-08-20").forwarded_to is None
    # a reviewer's: the label glued to its value, another field or box after it, junk for a value
    for line, to in (("Chuyển:P. Nội vụ", "P. Nội vụ"), ("Chuyển: Đ/c Lan | Số và ký hiệu", "Đ/c Lan"),
                     ("Chuyển Đ/c Lan Giờ: 8h", "Đ/c Lan"), ("Chuyển: ~~ ii .", None), ("Chuyển: ........ eee", None)):
        assert received_from_stamp(1, read.replace("chuyên Ð/C Lan - PCT", line), "2025-08-20").forwarded_to == to, line
