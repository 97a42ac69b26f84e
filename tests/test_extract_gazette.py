"""The Official Gazette's issue line as a check on an issue date read from a damaged page: the
Gazette prints a document after its date and within weeks of it, so a date read after the issue
printing it, or months before it (a fax's `tháng 3` for `tháng 5`), is flagged and said. The
check never changes a date, and a text layer's date is what the office typed."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import confidence as c
from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.gazette import PRINTED_WITHIN_DAYS, GazetteDoubt, issue_date, printed_doubt
from dispatch_reader.extract.textutil import Page
from dispatch_reader.ingest.pages import PageText, Word
from dispatch_reader.messages import localise, warning_kind


def pages(*texts: str) -> list[Page]:
    return [Page.make(i, t) for i, t in enumerate(texts, 1)]


HEAD = "CÔNG BÁO/Số 292/Ngày 30-05-2026"


def test_the_issue_date_is_the_one_most_pages_read() -> None:
    # a fax read one page's 30 as 10; the others right
    read = pages("CÔNG BẢO Rõ 292/Ngày 10-05-2026\n20\nCHÍNH PHỦ", f"{HEAD}  21\nĐiều 2.", f"x\n{HEAD}\nĐiều 3.")
    assert issue_date(read) == "2026-05-30"
    # a worn line's words (`CONG BẢO /Só 275! “NMuay`) still carry it; a page with no line is no vote
    assert issue_date(pages("CONG BẢO /Só 275! “NMuay 15-05-2026\nNGHỊ QUYẾT", "Điều 1. Phạm vi")) == "2026-05-15"
    # two readings as common: no date; a day no month has is no reading
    assert issue_date(pages("CÔNG BÁO/Số 5/Ngày 09-6-2024", "CÔNG BÁO/Số 5/Ngày 09-6-2021")) is None
    assert issue_date(pages("CÔNG BÁO/Số 5/Ngày 24-60-2024", "Điều 1.")) is None


def test_the_line_is_the_pages_running_head_not_its_wording() -> None:
    """A sentence citing a Gazette issue, at a page's top where the running head stands, is no
    running head (a reviewer's case: a dispatch never printed in the Gazette was doubted)."""
    for sentence in ("đăng Công báo số 45 ngày 12-03-2026 và báo cáo kết quả.",
                     "Công báo số 45 ngày 12-03-2026 đã đăng toàn văn quyết định.",
                     "Căn cứ Công báo số 12 ngày 01-01-2026;"):
        assert issue_date(pages(f"{sentence}\nĐiều 2.", f"{sentence}\nĐiều 3.")) is None, sentence
    # a page's number before the head, the section's name after it, as a file's text layer joins them
    assert issue_date(pages("68 CÔNG BÁO/Số 577 + 578/Ngày 07-3-2023 ĐIỀU ƯỚC QUỐC TẾ\nx",
                            "CÔNG BAO/S6 577 + 578/Ngày 07-3-2023\n69")) == "2023-03-07"


@pytest.mark.parametrize("issued, doubt", [
    ("2026-05-15", None),  # 15 days: as the Gazette prints
    (f"2026-04-{30 - (PRINTED_WITHIN_DAYS - 30):02d}", None),  # the longest wait not judged
    ("2026-03-15", GazetteDoubt("2026-05-30", 76)),  # `tháng 3` read for `tháng 5`
    ("2026-06-01", GazetteDoubt("2026-05-30", -2)),  # dated after the issue that prints it
    ("2025-12-28", GazetteDoubt("2026-05-30", 153)),  # a year-end date the next year's issue prints
    ("2027-05-15", GazetteDoubt("2026-05-30", -350)),  # a year after the issue printing it
    ("2024-05-15", None),  # years apart: a slipped year, the number's year checks it
    ("2028-05-15", None),
    (None, None),
])
def test_a_date_after_the_issue_or_long_before_it_is_doubted(issued, doubt) -> None:
    assert printed_doubt(pages(f"{HEAD}\nCHÍNH PHỦ", f"{HEAD}\nĐiều 2."), issued) == doubt


LINES = [
    (HEAD, 0.95), ("CHÍNH PHỦ", 0.96), ("Số: 158/2026/NĐ-CP", 0.93),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.95), ("Độc lập - Tự do - Hạnh phúc", 0.95),
    ("Hà Nội, ngày 15 tháng 5 năm 2026", 0.94), ("NGHỊ ĐỊNH", 0.97),
    ("Quy định chi tiết một số điều của Luật Tương trợ tư pháp", 0.95), ("Căn cứ Luật Tổ chức Chính phủ;", 0.93),
]


def ocr_page(lines: list[tuple[str, float]], number: int = 1) -> PageText:
    words, y = [], 50.0
    for text, conf in lines:
        x = 50.0
        for w in text.split():
            words.append(Word(w, x, y, x + 10 * len(w), y + 12, conf))
            x += 10 * len(w) + 6
        y += 20
    return PageText(number=number, text="\n".join(t for t, _ in lines), method="ocr", ocr_confidence=0.94, words=words)


def test_a_date_read_months_before_its_gazette_issue_is_flagged_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fax's `ngày 15 thẳng 3 năm 2026` over a decree the Gazette printed on 30 May came out
    confident (0.956): every word of it read surely. It is flagged now, and the warning gives
    both dates; the date itself stays as read. The same page read right stays confident."""
    monkeypatch.setattr(c, "_calibration", lambda: {})
    second = ocr_page([(HEAD, 0.95), ("Điều 2. Hiệu lực thi hành", 0.95)], number=2)
    misread = [(t.replace("tháng 5", "tháng 3"), conf) for t, conf in LINES]
    facts = extract_facts([ocr_page(misread), second])
    assert facts.document.issued_date == "2026-03-15"
    assert facts.document.evidence["issued_date"].confidence < c.CONFIDENT
    told = [k for k in map(warning_kind, facts.warnings) if k and k[0] == "date_long_before_gazette"]
    assert told and told[0][1] == {"read": "2026-03-15", "days": "76", "gazette": "2026-05-30"}
    said = next(w for w in facts.warnings if "Gazette" in w)
    # in Vietnamese, the dates as its briefs write them
    assert "Công báo" in localise(said, "vi") and "15/3/2026" in localise(said, "vi") and \
        "30/5/2026" in localise(said, "vi")
    right = extract_facts([ocr_page(LINES), second])
    assert right.document.issued_date == "2026-05-15"
    assert right.document.evidence["issued_date"].confidence >= c.CONFIDENT
    assert not any("Gazette" in w for w in right.warnings)
    # a text layer's date is what the office typed: no doubt on it
    born = [PageText(number=1, text="\n".join(t for t, _ in misread), method="text_layer"),
            PageText(number=2, text=f"{HEAD}\nĐiều 2.", method="text_layer")]
    assert not any("Gazette" in w for w in extract_facts(born).warnings)
