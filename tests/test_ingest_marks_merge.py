"""The marks of a page's Vietnamese-only reading put on its vie+eng reading, word by word."""

from __future__ import annotations

from dispatch_reader.ingest.marks_merge import merge_marks
from dispatch_reader.ingest.pages import Word


def line(*texts: str, conf: float = 0.9, dx: float = 0.0, y: float = 0.0) -> list[Word]:
    out, x = [], 10.0 + dx
    for t in texts:
        out.append(Word(t, x, y, x + 8 * len(t), y + 12, conf))
        x += 8 * len(t) + 6
    return out


def texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_a_word_takes_the_marks_the_vietnamese_reading_sees_on_the_same_letters() -> None:
    english = line("1.", "Hoang", "Van", "Thuan,", "Sở", "Nong", "nghiep")
    vietnamese = line("1.", "Hoàng", "Văn", "Thuận,", "Sở", "Nông", "nghiệp", dx=1.0)
    out, n = merge_marks(english, vietnamese)
    assert texts(out) == ["1.", "Hoàng", "Văn", "Thuận,", "Sở", "Nông", "nghiệp"]
    assert n == 5
    assert [(w.x0, w.conf) for w in out] == [(w.x0, w.conf) for w in english]  # boxes and confidence kept


def test_nothing_crosses_that_is_another_word_elsewhere_unsure_or_no_syllable() -> None:
    english = line("Trang", "Van", "UBND", "Dinh", "Vân", "Dam")
    vietnamese = line("Tráng", "Văn", "UBND", "Đinh", "Văn", "Đàm")
    # another line's word at the same x is no reading of this one
    assert texts(merge_marks(english, line("Tráng", y=40.0))[0]) == texts(english)
    # an unsure reading gives no marks
    assert texts(merge_marks(english, line("Tráng", "Văn", conf=0.4))[0]) == texts(english)
    # a mark the first reading saw is never given up for another (`Vân` is no `Văn`)
    out, _ = merge_marks(english, vietnamese)
    assert texts(out) == ["Tráng", "Văn", "UBND", "Đinh", "Vân", "Đàm"]
    # other letters are another word (`Van` → `Vạn` is marks; `Van` → `Vần` too; `Ban` is not)
    assert texts(merge_marks(line("Van"), line("Ban"))[0]) == ["Van"]
    # what is no Vietnamese syllable takes nothing (`Email` read `Emaíl`)
    assert texts(merge_marks(line("Email"), line("Emaíl"))[0]) == ["Email"]


def test_a_tone_on_a_consonant_is_no_syllable_and_crosses_no_marks() -> None:
    from dispatch_reader.extract.syllables import is_syllable as extract_is_syllable
    from dispatch_reader.ingest.vietnamese import is_syllable

    # `Quâñ` (a fax's speck read as a tilde on the n) is no Vietnamese spelling
    for check in (is_syllable, extract_is_syllable):
        assert check("Quân") and check("Nguyễn") and check("Đặng")
        assert not check("Quâñ")
    assert texts(merge_marks(line("Vũ", "Hải", "Quân"), line("Vũ", "Hải", "Quâñ"))[0]) == ["Vũ", "Hải", "Quân"]


def test_the_first_readings_case_is_kept() -> None:
    # a header line in capitals stays in capitals (`TINH` → `TỈNH`, not `Tỉnh`); a small `van` stays small
    out, _ = merge_marks(line("UBND", "TINH", "van"), line("UBND", "Tỉnh", "Văn"))
    assert texts(out) == ["UBND", "TỈNH", "văn"]
