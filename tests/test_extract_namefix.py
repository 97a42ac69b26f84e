"""OCR name repair: respell a syllable only when one spelling is clearly right."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.namefix import repair_ocr_name, repair_syllable
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.ingest.pages import PageText


def test_syllable_spelling_rules() -> None:
    for word in ("Nguyễn", "Khuyến", "Giàng", "quyết", "gìn", "Phềnh", "Khuỷu", "Mỷ", "Hường"):
        assert is_syllable(word), word
    for word in ("Thuyén", "Tiéu", "Ngoc", "Lòc", "Huyen", "Ksor", "Thiét"):
        assert not is_syllable(word), word


def test_impossible_and_unmarked_syllables_are_repaired() -> None:
    assert repair_ocr_name("Đặng Văn Hiéu") == "Đặng Văn Hiếu"  # no such syllable as printed
    assert repair_ocr_name("Phan Thi Hoa") == "Phan Thị Hoa"  # far likelier as a middle name
    assert repair_ocr_name("Ngo Van Tuan") == "Ngô Văn Tuấn"
    assert repair_ocr_name("Lé Minh Châu") == "Lê Minh Châu"  # not a family name; Lê is
    assert repair_syllable("NGOC", "middle") == "NGỌC"


def test_plausible_names_are_kept() -> None:
    assert repair_ocr_name("Bùi Văn Khái") == "Bùi Văn Khái"  # marks read would be taken away
    assert repair_ocr_name("Lò Thị My") == "Lò Thị My"  # a real given name as printed
    assert repair_ocr_name("Vàng A Sinh") == "Vàng A Sinh"
    assert repair_ocr_name("Ksor Hơn") == "Ksor Hơn"  # nothing to compare with
    assert repair_ocr_name("Lâm Văn Chính") == "Lâm Văn Chính"


def test_names_on_scanned_pages_only() -> None:
    text = ("QUYẾT ĐỊNH\nVề việc biệt phái công chức\nĐiều 1. Biệt phái ông Đặng Văn Hiéu, Chuyên viên, Sở Y tế,\n"
            "đến làm việc tại Ủy ban nhân dân xã Bản Mù.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhan Thi Hoa\n")
    scanned = extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)])
    assert {p.name for p in scanned.people} == {"Đặng Văn Hiếu", "Phan Thị Hoa"}
    assert scanned.document.signer.name == "Phan Thị Hoa"
    typed = extract_facts([PageText(1, text)])
    assert "Đặng Văn Hiéu" in {p.name for p in typed.people}  # a text layer is what the author typed
