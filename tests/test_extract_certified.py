"""A certified copy's own block (sao y) is the copy's: its number, recipients and signer are no
fact of the document's."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.certified import find_copy_block
from dispatch_reader.ingest.pages import PageText, Word

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 318/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 9 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
         "Về việc biệt phái công chức\nĐiều 1. Biệt phái ông Lê Văn Hải, Chuyên viên Sở Tài chính, đến làm việc "
         "tại Ủy ban nhân dân xã Phú Bình.\n")


def _facts(text: str, words: list[Word] | None = None):
    return extract_facts([PageText(1, text, words=words or [])])


def test_a_copys_block_under_the_signature_is_left_out() -> None:
    original = _HEAD + "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHà Văn Tuấn\n"
    copy = ("UBND XÃ PHÚ BÌNH\nVĂN PHÒNG\nSố: 12/SY-VP\nPhú Bình, ngày 12 tháng 3 năm 2026\nNơi nhận:\n"
            "- Các bộ phận;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nTrần Thị Mai\n")
    facts = _facts(original + copy)
    assert facts.document.signer is not None and facts.document.signer.name == "Hà Văn Tuấn"
    assert "12/SY-VP" not in [r.number for r in facts.references]
    assert "Trần Thị Mai" not in [p.name for p in facts.people]
    assert any("certified copy (sao y, 12/SY-VP)" in w for w in facts.warnings)
    # the document alone: no copy told
    alone = _facts(original)
    assert alone.document.signer.name == "Hà Văn Tuấn" and not any("certified copy" in w for w in alone.warnings)


def _words(rows: list[tuple[float, float, str]]) -> list[Word]:
    """Words of lines placed at (x, top), a word 8 points wide a letter."""
    out = []
    for x, top, line in rows:
        for word in line.split():
            out.append(Word(word, x, top, x + 5 * len(word), top + 9, 0.9))
            x += 5 * len(word) + 4
    return out


def test_the_copys_lines_are_told_by_height_where_the_text_interleaves_the_blocks() -> None:
    """OCR reads the page's columns in its own order: the original's name after the copy's
    `Nơi nhận`. The copy's lines are those at its body's name's height or below."""
    rows = [(80, 500, "Nơi nhận:"), (80, 512, "- Như Điều 1;"), (80, 524, "- Lưu: VT."),
            (330, 500, "KT. CHỦ TỊCH"), (330, 512, "PHÓ CHỦ TỊCH"), (330, 580, "Hà Văn Tuấn"),
            (90, 620, "UBND XÃ PHÚ BÌNH"), (110, 634, "VĂN PHÒNG"), (100, 660, "Số: 12/SY-VP"),
            (300, 630, "Phú Bình, ngày 12 tháng 3 năm 2026"), (320, 650, "TL. CHỦ TỊCH"),
            (320, 662, "CHÁNH VĂN PHÒNG"), (80, 690, "Nơi nhận:"), (80, 702, "- Lưu: VT."),
            (330, 730, "Trần Thị Mai")]
    order = [0, 1, 2, 3, 4, 6, 7, 8, 12, 13, 5, 9, 10, 11, 14]
    tail = "\n".join(rows[i][2] for i in order) + "\n"
    text = _HEAD + tail
    head_rows = [(80, 40 + 12 * k, line) for k, line in enumerate(_HEAD.splitlines())]
    facts = _facts(text, _words(head_rows + rows))
    assert facts.document.signer is not None and facts.document.signer.name == "Hà Văn Tuấn"
    assert "12/SY-VP" not in [r.number for r in facts.references]
    assert "Trần Thị Mai" not in [p.name for p in facts.people]
    block = find_copy_block([PageText(1, text, words=_words(head_rows + rows))])
    assert block is not None and block.number == "12/SY-VP"
    cut = {text[a:b] for a, b in block.spans}
    assert {"Trần", "Mai", "UBND", "PHÒNG"} <= cut and not {"Hà", "Tuấn", "KT."} & cut


def test_a_copys_number_with_a_year_or_read_with_a_case_slip_is_the_copys() -> None:
    # `Số: 05/2024/SY-VP` (a year in it), `Sy` (a case slip), `SY.VP` (a stop for the hyphen);
    # a department's own `…/SYT-…` is no copy's (a reviewer's)
    text = "Điều 1. Biệt phái.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nLê Văn Hải\nVĂN PHÒNG\n{line}\nTrần Thị Mai\n"
    found = {line: find_copy_block([PageText(2, text.format(line=line))])
             for line in ("Số: 05/2024/SY-VP", "Số: 05/Sy-VP", "Số 05/SY.VP", "Số: 05/SYT-VP")}
    assert [b.number if b else None for b in found.values()] == ["05/2024/SY-VP", "05/SY-VP", "05/SY-VP", None]
