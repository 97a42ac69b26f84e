"""TCVN3 (.VnTime) and VNI (VNI-Times) text layers are recognised and converted to Unicode.

The legacy strings below are typed by hand from the encodings' code charts, not produced
with the package's tables, so a wrong table entry fails here.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from _ingest_make import legacy_pdf
from dispatch_reader.ingest import legacy
from dispatch_reader.ingest.choose import judge_layer
from dispatch_reader.ingest.reader import IngestSettings, read_document
from dispatch_reader.ingest.textlayer import read_layer

TCVN3_LINES = ["QuyÕt ®Þnh vÒ viÖc biÖt ph¸i c«ng chøc", "Uû ban nh©n d©n tØnh NghÖ An",
               "Së Néi vô cö «ng NguyÔn V¨n Kh¶i ®Õn x· T©n Phong", "§iÒu 1. Thêi h¹n biÖt ph¸i lµ s¸u th¸ng",
               "Ng\xadêi ®\xadîc cö lµ c«ng chøc cña tr\xadêng"]  # \xad (soft hyphen) is ư
TCVN3_EXPECTED = ["Quyết định về việc biệt phái công chức", "Uỷ ban nhân dân tỉnh Nghệ An",
                  "Sở Nội vụ cử ông Nguyễn Văn Khải đến xã Tân Phong", "Điều 1. Thời hạn biệt phái là sáu tháng",
                  "Người được cử là công chức của trường"]
VNI_LINES = ["Quyeát ñònh veà vieäc bieät phaùi coâng chöùc", "UÛy ban nhaân daân tænh Ngheä An",
             "Sôû Noäi vuï cöû oâng Nguyeãn Vaên Khaûi ñeán xaõ Taân Phong", "Ñieàu 1. Thôøi haïn bieät phaùi laø saùu thaùng"]
VNI_EXPECTED = ["Quyết định về việc biệt phái công chức", "Ủy ban nhân dân tỉnh Nghệ An",
                "Sở Nội vụ cử ông Nguyễn Văn Khải đến xã Tân Phong", "Điều 1. Thời hạn biệt phái là sáu tháng"]


def _settings(tmp_path: Path) -> IngestSettings:
    return IngestSettings(cache_dir=tmp_path / "cache", workers=1, ocr_mode="auto")


def test_tcvn3_table_conversion() -> None:
    assert [legacy.tcvn3_to_unicode(s) for s in TCVN3_LINES] == TCVN3_EXPECTED
    assert legacy.tcvn3_to_unicode("quyÕt ®Þnh", uppercase=True) == "QUYẾT ĐỊNH"


def test_vni_table_conversion() -> None:
    assert [legacy.vni_to_unicode(s) for s in VNI_LINES] == VNI_EXPECTED
    assert legacy.vni_to_unicode("QUYEÁT ÑÒNH") == "QUYẾT ĐỊNH"


def test_font_names_say_which_encoding() -> None:
    assert legacy.font_encoding("ABCDEF+.VnTime") == "tcvn3"
    assert legacy.font_encoding(".VnArialH,Bold") == "tcvn3"
    assert legacy.font_encoding("VNI-Times-Bold") == "vni"
    assert legacy.font_encoding("TimesNewRomanPSMT") is None
    assert legacy.is_uppercase_font(".VnTimeH") and not legacy.is_uppercase_font(".VnTime")


def test_tcvn3_pdf_is_converted(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "tcvn3.pdf", ".VnTime", TCVN3_LINES)
    page = read_document(f, _settings(tmp_path)).pages[0]
    assert page.method == "text_layer"
    assert page.reason.startswith("converted from TCVN3")
    assert page.text.splitlines() == TCVN3_EXPECTED


def test_tcvn3_capitals_font(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "tcvn3h.pdf", ".VnTimeH", ["quyÕt ®Þnh", "céng hoµ x· héi chñ nghÜa viÖt nam"])
    page = read_document(f, _settings(tmp_path)).pages[0]
    assert page.text.splitlines() == ["QUYẾT ĐỊNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_vni_pdf_is_converted(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "vni.pdf", "VNI-Times", VNI_LINES)
    doc = read_document(f, _settings(tmp_path))
    page = doc.pages[0]
    assert page.method == "text_layer"
    assert page.reason.startswith("converted from VNI")
    assert page.text.splitlines() == VNI_EXPECTED
    assert any("VNI" in w for w in doc.warnings)


def test_legacy_bytes_without_font_hint_are_recognised_from_text(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "renamed.pdf", "PlainSerif", TCVN3_LINES)
    page = read_document(f, _settings(tmp_path)).pages[0]
    assert page.reason == "converted from TCVN3 (recognised by the text itself)"
    assert page.text.splitlines() == TCVN3_EXPECTED


def test_unconvertible_legacy_layer_goes_to_ocr(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "junk.pdf", ".VnTime", ["¸¸¸ µµ ¶¶¶ ·· ¹¹ ¨©ª «¬ ®® §§ ¡¢£ ¤¥¦ ¸µ¶·¹"] * 4)
    pdf = pdfium.PdfDocument(str(f))
    decision = judge_layer(read_layer(pdf[0]), "auto")
    pdf.close()
    assert not decision.use_layer
    assert "TCVN3 garbage" in decision.reason


def test_unicode_text_is_never_converted(tmp_path: Path) -> None:
    f = legacy_pdf(tmp_path / "unicode.pdf", "PlainSerif2", TCVN3_EXPECTED)
    page = read_document(f, _settings(tmp_path)).pages[0]
    assert page.reason == "text layer"
    assert page.text.splitlines() == TCVN3_EXPECTED
