"""A scan whose destinations are damaged: the record keeps what was printed and the official
name it was read as, with a warning, and the brief shows the official name with a mark (issue
12, Done when). The scan is the born-digital sample qd-biet-phai-office-01 (Lào Cai, real
communes) with its DANH SÁCH damaged as OCR damages it, read as an OCRed page would be."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.record import Record, Source, validate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "qd-biet-phai-office-01.pdf"

# what OCR made of three destinations in the list
DAMAGE = {
    "| Xã A Mú Sung |": "| Xã A Mú Sunq |",  # g read as q: one letter from A Mú Sung, no other commune near
    "| Xã Mù Cang Chải |": "| n¡; Xã Mù Cang Chái |",  # a speck before it and a wrong tone mark
    "| Xã Si Ma Cai |": "| Xã Đà Vi |",  # nothing of Lào Cai is near: flagged, not guessed
    "| Xã Trạm Tấu |": "| ys Trạm Tẩu |",  # a fax's streak: the level word garbled, a mark wrong
}

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="samples/ not generated")


@pytest.fixture(scope="module")
def damaged() -> Record:
    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.ingest.settings import IngestSettings

    pages = read_document(SAMPLE, IngestSettings(ocr_mode="never", cache_dir=None, workers=1)).pages
    scanned = []
    for page in pages:
        text = page.text
        for clean, bad in DAMAGE.items():
            text = text.replace(clean, bad)
        scanned.append(replace(page, text=text, method="ocr", ocr_confidence=0.94, words=[], tables=[]))
    assert sum(p.text.count(bad) for p in scanned for bad in DAMAGE.values()) == len(DAMAGE)
    facts = extract_facts(scanned)
    return Record.from_facts(Source(file_name="qd-biet-phai-office-01.scan.pdf", sha256="0" * 64,
                                    page_count=len(scanned)), facts)


def _to(record: Record, person: str):
    s = next(s for s in record.secondments if s.person == person)
    assert s.to_place is not None
    return s.to_place


def test_clean_destinations_match_exactly(damaged: Record) -> None:
    place = _to(damaged, "Hoàng Văn Thuận")
    assert (place.match, place.name, place.code, place.province, place.province_code) == (
        "exact", "Xã Y Tý", "02701", "Tỉnh Lào Cai", "15")
    assert all(s.to_place is not None for s in damaged.secondments)


def test_a_misread_letter_is_corrected_and_both_forms_kept(damaged: Record) -> None:
    place = _to(damaged, "Lý Seo Dìn")
    assert (place.match, place.name, place.code) == ("corrected", "Xã A Mú Sung", "02686")
    assert place.printed == "Ủy ban nhân dân xã A Mú Sunq"  # the list's cell under "đến làm việc tại UBND các xã"
    assert place.read_as == "xã A Mú Sunq"
    assert "destination 'xã A Mú Sunq' read as 'xã A Mú Sung' (OCR correction)" in damaged.warnings


def test_a_corrected_destination_is_written_as_the_list_spells_it(damaged: Record) -> None:
    """The record, its exports and its brief name one place: what OCR read stays in
    `to_place.printed` (and the quote), the destination is the official name."""
    s = next(s for s in damaged.secondments if s.person == "Lý Seo Dìn")
    assert s.to_unit == "Ủy ban nhân dân xã A Mú Sung"
    assert s.to_place.printed == "Ủy ban nhân dân xã A Mú Sunq"
    s = next(s for s in damaged.secondments if s.person == "Vàng Thị Say")
    # the speck before it gone, written as the list's other cells are (the committee named)
    assert s.to_unit == "Ủy ban nhân dân xã Mù Cang Chải"
    s = next(s for s in damaged.secondments if s.person == "Sùng A Tủa")
    assert s.to_unit == "Ủy ban nhân dân xã Đà Vi"  # not matched: as read


def test_a_destination_corrected_across_levels_is_told_not_rewritten() -> None:
    """`phường Cốc Lếu` (an old city's ward) is a letter off the commune `Cốc Lầu`: another place,
    which the warning tells; the record keeps the ward as read."""
    from dispatch_reader.extract.destinations import match_destinations
    from dispatch_reader.record import DocumentFacts, Evidence, Facts, Secondment

    s = Secondment(kind="secondment", evidence=Evidence(page=1, quote="…"), person="Lò Văn A",
                   to_unit="Ủy ban nhân dân phường Cốc Lếu")
    facts = Facts(document=DocumentFacts(issuer="Ủy ban nhân dân tỉnh Lào Cai", issued_date="2025-09-01"),
                  secondments=[s])
    warnings = match_destinations(facts, (), {1})
    assert (s.to_place.match, s.to_place.name) == ("corrected", "Xã Cốc Lầu")
    assert s.to_unit == "Ủy ban nhân dân phường Cốc Lếu"
    assert any("Cốc Lầu" in w for w in warnings)


def test_a_garbled_level_word_is_read_as_the_provinces_commune(damaged: Record) -> None:
    s = next(s for s in damaged.secondments if s.person == "Phạm Quốc Khánh")
    assert (s.to_place.match, s.to_place.name) == ("corrected", "Xã Trạm Tấu")
    # as the list's other cells are written (`Ủy ban nhân dân xã …`): an export groups them as one
    assert s.to_unit == "Ủy ban nhân dân xã Trạm Tấu"
    assert "ys Trạm Tẩu" in s.to_place.printed
    assert "destination 'ys Trạm Tẩu' read as 'xã Trạm Tấu' (OCR correction)" in damaged.warnings


def test_noise_and_a_wrong_mark_are_corrected(damaged: Record) -> None:
    place = _to(damaged, "Vàng Thị Say")
    assert (place.match, place.name) == ("corrected", "Xã Mù Cang Chải")
    assert "n¡;" in place.printed


def test_a_name_nothing_is_near_is_flagged_not_guessed(damaged: Record) -> None:
    place = _to(damaged, "Sùng A Tủa")
    assert (place.match, place.name, place.code) == ("unmatched", None, None)
    assert place.read_as == "xã Đà Vi"
    assert "destination 'xã Đà Vi' matches no commune or ward of the official list" in damaged.warnings


def test_one_warning_per_destination_and_the_record_validates(damaged: Record) -> None:
    place_warnings = [w for w in damaged.warnings if w.startswith("destination ")]
    assert len(place_warnings) == len(DAMAGE)
    data = damaged.to_dict()
    validate(data)
    again = Record.from_dict(data)
    assert again.secondments[1].to_place == damaged.secondments[1].to_place


def _visible(markup: str) -> str:
    markup = re.sub(r"<style.*?</style>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_brief_shows_official_names_with_marks_and_warnings_in_the_readers_language(
        damaged: Record, tmp_path: Path, lang: str) -> None:
    from dispatch_reader.briefs.render import BriefWriter

    writer = BriefWriter(tmp_path / "out", fmt="html", lang=lang, today=date(2025, 10, 20))
    text = _visible(writer.document(damaged).read_text("utf-8"))
    if lang == "vi":
        assert "xã A Mú Sung (đã sửa từ “xã A Mú Sunq”)" in text
        assert "xã Đà Vi (không có trong danh mục ĐVHC)" in text
        # each warning a sentence in the brief
        assert "Nơi đến 'xã A Mú Sunq' đọc thành 'xã A Mú Sung' (sửa lỗi OCR)" in text
        assert "Nơi đến 'xã Đà Vi' không khớp với xã, phường nào trong danh mục đơn vị hành chính" in text
        assert "destination '" not in text.lower()  # no English place warning in a Vietnamese brief
    else:
        assert "xã A Mú Sung (corrected from “xã A Mú Sunq”)" in text
        assert "Destination 'xã A Mú Sunq' read as 'xã A Mú Sung' (OCR correction)" in text
    assert re.search(r"xã Mù Cang Chải \((?:đã sửa từ|corrected from) “xã Mù Cang Chái”\)", text)
    assert "n¡;" not in text.split("xã Mù Cang Chải")[0][-40:]  # the speck is gone from the table


def test_the_markdown_brief_marks_them_too(damaged: Record, tmp_path: Path) -> None:
    from dispatch_reader.briefs.render import BriefWriter

    writer = BriefWriter(tmp_path / "out", fmt="md", lang="vi", today=date(2025, 10, 20))
    text = writer.document(damaged).read_text("utf-8")
    assert "xã A Mú Sung (đã sửa từ “xã A Mú Sunq”)" in text
    assert "xã Đà Vi (không có trong danh mục ĐVHC)" in text
