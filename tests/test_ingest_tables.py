"""DANH SÁCH attachments come out as rows: from the text layer and from OCR of a scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from _ingest_make import _fonts, image_pdf, render_grey, scanned
from dispatch_reader.ingest.reader import IngestSettings, read_document

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Nơi biệt phái đến", "Thời gian"]
ROWS = [
    ["1", "Lò Văn Pấng", "Chuyên viên", "Phòng Công chức, viên chức, Sở Nội vụ", "Xã Mường Khoa", "06 tháng"],
    ["2", "Nguyễn Thị Chuyên", "Phó Trưởng phòng", "Văn phòng Sở", "Phường Vân Sơn", "03 tháng"],
    ["3", "Nông Huy Thiêm", "Chuyên viên", "Thanh tra Sở, Sở Nội vụ", "Xã Tả Phìn", "06 tháng"],
]


def _table_pdf(path: Path, ruled: bool) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    regular, bold = _fonts()
    cell = ParagraphStyle("cell", fontName=regular, fontSize=11, leading=13)
    title = ParagraphStyle("title", fontName=bold, fontSize=13, leading=16, alignment=1)
    data = [HEADER] + [[Paragraph(c, cell) for c in row] for row in ROWS]
    table = Table(data, colWidths=[35, 140, 110, 190, 140, 80])
    style = [("FONTNAME", (0, 0), (-1, 0), bold), ("FONTSIZE", (0, 0), (-1, 0), 11), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.8, (0, 0, 0)))
    table.setStyle(TableStyle(style))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1)
    doc.build([Paragraph("DANH SÁCH", title), Paragraph("Công chức biệt phái đến các xã, phường", title), table])
    return path


def _settings(tmp_path: Path) -> IngestSettings:
    return IngestSettings(cache_dir=tmp_path / "cache", workers=1)


@pytest.mark.parametrize("ruled", [True, False])
def test_text_layer_table_rows(tmp_path: Path, ruled: bool) -> None:
    page = read_document(_table_pdf(tmp_path / "t.pdf", ruled), _settings(tmp_path)).pages[0]
    assert len(page.tables) == 1
    table = page.tables[0]
    assert table.source == ("ruled" if ruled else "aligned")
    assert table.header == HEADER
    assert table.rows == ROWS  # wrapped cells are joined back into one cell
    lines = page.text.splitlines()
    assert " | ".join(ROWS[0]) in lines
    assert lines.index("DANH SÁCH") < lines.index(" | ".join(HEADER))


def test_scanned_ruled_table_rows(tmp_path: Path) -> None:
    born = _table_pdf(tmp_path / "t.pdf", ruled=True)
    scan = image_pdf(tmp_path / "t.scan.pdf", [scanned(render_grey(born, dpi=200), angle=0.8)])
    page = read_document(scan, _settings(tmp_path)).pages[0]
    assert page.method == "ocr"
    assert len(page.tables) == 1
    table = page.tables[0]
    assert [row[0] for row in table.rows] == ["1", "2", "3"]  # the narrow STT column survives
    assert [row[1] for row in table.rows] == [row[1] for row in ROWS]
    assert [row[4] for row in table.rows] == [row[4] for row in ROWS]


# A plain-text list drawn line by line in a proportional font, columns padded with spaces
# (how a text file becomes a PDF): cells wrap onto continuation lines indented to their column.
PLAIN_HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Nơi đến"]
PLAIN_LINES = [
    "STT  Họ và tên          Chức vụ, đơn vị               Nơi đến",
    "1    Đinh Văn Quý       Kế toán viên Ban Quản lý      Xã Khánh Yên",
    "                        rừng phòng hộ                 Hạ",
    "2    Mã Thị Lành        Cán sự Trạm Khuyến nông       Xã Phong Thổ",
    "     Thu                huyện",
    "3    Vi Đức Tùng        Văn thư                       Xã Nậm Mòn",
]
PLAIN_ROWS = [
    ["1", "Đinh Văn Quý", "Kế toán viên Ban Quản lý rừng phòng hộ", "Xã Khánh Yên Hạ"],
    ["2", "Mã Thị Lành Thu", "Cán sự Trạm Khuyến nông huyện", "Xã Phong Thổ"],
    ["3", "Vi Đức Tùng", "Văn thư", "Xã Nậm Mòn"],
]


def _plain_pdf(path: Path, before: list[str], lines: list[str], after: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 60
    for text in before + lines + after:
        c.setFont(regular, 11)
        c.drawString(60, y, text)
        y -= 15
    c.save()
    return path


def test_plain_text_table_wrapped_cells(tmp_path: Path) -> None:
    after = ["", "", "", "Danh sách gồm 03 người."]
    pdf = _plain_pdf(tmp_path / "p.pdf", ["DANH SÁCH", "Kèm theo Quyết định số 12/QĐ-UBND", ""], PLAIN_LINES, after)
    page = read_document(pdf, _settings(tmp_path)).pages[0]
    assert len(page.tables) == 1
    table = page.tables[0]
    assert table.header == PLAIN_HEADER
    # A continuation line goes to the cell whose column it is indented to, even where its
    # x position lies inside the column to the left (a proportional font's spaces are narrow).
    assert table.rows == PLAIN_ROWS
    lines = page.text.splitlines()
    for row in PLAIN_ROWS:
        assert " | ".join(row) in lines
    assert lines[-1] == "Danh sách gồm 03 người."  # text after the table stays outside it


def test_justified_paragraph_is_not_a_space_grid(tmp_path: Path) -> None:
    # Without rules or space-padded columns the table is read from x positions: the
    # typeset (reportlab Paragraph) table must still come out cell by cell.
    page = read_document(_table_pdf(tmp_path / "t.pdf", ruled=False), _settings(tmp_path)).pages[0]
    assert page.tables[0].rows == ROWS


def test_ruled_table_wrapped_cells(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    regular, bold = _fonts()
    cell = ParagraphStyle("cell", fontName=regular, fontSize=11, leading=13)
    rows = [["1", "Hoàng Thị Bích Ngọc", "Chuyên viên Phòng Kế hoạch - Tài chính", "Xã Bản Lầu"],
            ["2", "Lò A Chu", "Văn thư", "Phường Cam Đường"]]
    data = [["STT", "Họ và tên", "Chức vụ", "Nơi đến"]] + [[Paragraph(c, cell) for c in row] for row in rows]
    table = Table(data, colWidths=[35, 80, 110, 70])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), bold), ("GRID", (0, 0), (-1, -1), 0.8, (0, 0, 0)),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = tmp_path / "r.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([Paragraph("DANH SÁCH", cell), table])
    page = read_document(path, _settings(tmp_path)).pages[0]
    assert page.tables[0].source == "ruled"
    assert page.tables[0].rows == rows  # every cell wraps here, and each is joined back
    assert " | ".join(rows[0]) in page.text.splitlines()


def test_scanned_plain_text_table_wrapped_cells(tmp_path: Path) -> None:
    from dispatch_reader.textnorm import fold

    born = _plain_pdf(tmp_path / "p.pdf", ["DANH SÁCH", ""], PLAIN_LINES, [])
    scan = image_pdf(tmp_path / "p.scan.pdf", [scanned(render_grey(born, dpi=200), angle=0.5)])
    page = read_document(scan, _settings(tmp_path)).pages[0]
    assert page.method == "ocr"
    table = page.tables[0]
    assert len(table.header) == len(PLAIN_HEADER)  # "STT" kept apart from "Họ và tên" two spaces away
    # OCR boxes are not on a character grid: continuation lines go to the column whose
    # cells start nearest to them. Compared without diacritics: this checks cells, not OCR.
    # The row number keeps whatever OCR made of it ("3_"): only its digits are compared.
    assert [row[0].rstrip("._,:)") for row in table.rows] == [row[0] for row in PLAIN_ROWS]
    assert [[fold(c).replace(" ", "") for c in row[1:]] for row in table.rows] == \
        [[fold(c).replace(" ", "") for c in row[1:]] for row in PLAIN_ROWS]


def test_page_break_after_signature_stamp_is_kept(tmp_path: Path) -> None:
    # A decision whose last page ends with an e-signature stamp, the list on the next page:
    # the stamp's last line and the list title stay on their own pages and lines.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    path = tmp_path / "s.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(regular, 11)
    c.drawString(330, 120, "Ký bởi: Sở Nội vụ")
    c.drawString(330, 105, "Ngày ký: 15.09.2025 16:21:07 +07:00")
    c.showPage()
    c.setFont(regular, 11)
    y = A4[1] - 60
    for text in ["DANH SÁCH", ""] + PLAIN_LINES:
        c.drawString(60, y, text)
        y -= 15
    c.save()
    pages = read_document(path, _settings(tmp_path)).pages
    assert pages[0].text.splitlines()[-1] == "Ngày ký: 15.09.2025 16:21:07 +07:00"
    assert pages[1].text.splitlines()[0] == "DANH SÁCH"
    assert pages[1].tables[0].rows == PLAIN_ROWS


@pytest.mark.parametrize(("cell", "expected"), [
    ("LòVănThắm", "Lò Văn Thắm"),  # OCR dropped the narrow spaces of a name cell
    ("Giàng AChớ", "Giàng A Chớ"),
    ("ThS Lê Văn An", "ThS Lê Văn An"),  # a title abbreviation is not split: "Th" is no syllable
    ("NGUYỄN VĂN AN", "NGUYỄN VĂN AN"),
    ("NGUYỄN THỊ ÁI", "NGUYỄN THỊ ÁI"),  # capitals only: `ÁI` is one syllable, not `Á I`
])
def test_glued_name_cell_is_split_at_syllables(cell: str, expected: str) -> None:
    from dispatch_reader.ingest.tables import _unglue_name

    assert _unglue_name(cell) == expected


def _cells_row(cells: list[str], top: float, starts: list[float]) -> list:
    """Words of one table row, each cell's words from its column's left edge (10 pt high)."""
    from dispatch_reader.ingest.pages import Word

    words = []
    for text, x in zip(cells, starts):
        for token in text.split():
            words.append(Word(token, x, top, x + 6 * len(token), top + 10, 0.9))
            x += 6 * len(token) + 3
    return words


@pytest.mark.parametrize(("heading", "second", "found"), [
    ("STT", "Họ và tên", True),
    ("Si", "Họ và tên", True),  # a scan's bold `STT` in its narrow cell, misread
    ("TT", "Họ và tên", True),
    ("Về", "Họ và tên", False),  # a short word, but no row-number lookalike
    ("Si", "Chức danh", False),  # the name heading is not the cell after it
])
def test_a_misread_row_number_heading_still_opens_the_table(heading: str, second: str, found: bool) -> None:
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    third = "Chức vụ" if second == "Họ và tên" else "Họ và tên"
    words = _cells_row([heading, second, third, "Đơn vị công tác"], 100, starts)
    for n, row in enumerate(ROWS[:2]):
        words += _cells_row([row[0], row[1], row[2], row[3]], 120 + 20 * n, starts)
    table = find_table(words, [], [])
    assert (table is not None) == found
    if found:
        assert [r[1] for r in table.rows] == [ROWS[0][1], ROWS[1][1]]


def _grid_words(starts: list[int], heading: list[str], rows: list[list[str]], top: int, step: int) -> list:
    words = _cells_row(heading, top, starts)
    for n, row in enumerate(rows):
        words += _cells_row(row, top + step * (n + 1), starts)
    return words


def test_a_ruled_table_whose_rules_a_fax_broke() -> None:
    """A fax's dropped scan line cuts the column rules across (two pieces each), a row's rule
    comes in two pieces with a gap, another stops short of the table's sides, and the heading
    keeps a rule's stub (`_STT`): the grid still has every row, each alone."""
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    xs = [35, 75, 215, 325, 480]
    rows = [r[:4] for r in ROWS] + [["4", "Vi Đức Tùng", "Văn thư", "Văn phòng Sở"]]
    words = _grid_words(starts, ["_STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    cut = 157.0  # across the rules, between rows 2 and 3
    rules_v = [[x, 95, x + 1, cut] for x in xs] + [[x, cut + 3, x + 1, 195] for x in xs]
    rules_h = [[35, 95, 480, 96], [35, 115, 480, 116],
               [35, 135, 200, 136], [300, 135.5, 480, 136.5],  # two pieces: 325 of 445 points
               [55, 155, 470, 156],  # short of both sides
               [35, 175, 480, 176], [35, 195, 480, 196]]
    table = find_table(words, rules_h, rules_v)
    assert table is not None and table.source == "ruled"
    assert [r[1] for r in table.rows] == [r[1] for r in rows]
    # a rule under part of a row only (a third of the width) splits nothing (the last row's
    # number lost, nothing else tells the rows apart)
    partial = [r for r in rules_h if r[1] != 175] + [[35, 175, 180, 176]]
    unnumbered = [w for w in words if not (w.text == "4" and w.top == 180)]
    table = find_table(unnumbered, partial, rules_v)
    assert table is not None and [r[1] for r in table.rows][-1] == "Nông Huy Thiêm Vi Đức Tùng"


def test_a_column_rule_too_faint_to_be_found_is_put_back_between_two_headings() -> None:
    """A JPEG scan's grey rule between `Đơn vị công tác` and `Nơi biệt phái đến` was not found:
    two headings stood between one pair of rules, and each row's unit and commune ran together.
    The lost rule goes where no word of the rows crosses, between the two headings."""
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330, 600]
    rows = [r[:5] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Nơi biệt phái đến"], rows, 100, 20)
    xs = [35, 75, 215, 325, 760]  # the rule at 595 lost
    rules_v = [[x, 95, x + 1, 175] for x in xs]
    rules_h = [[35, y, 760, y + 1] for y in (95, 115, 135, 155, 175)]
    table = find_table(words, rules_h, rules_v)
    assert table is not None and table.source == "ruled"
    assert table.header[3:] == ["Đơn vị công tác", "Nơi biệt phái đến"]
    assert [r[3] for r in table.rows] == [r[3] for r in rows]
    assert [r[4] for r in table.rows] == [r[4] for r in rows]


def test_rules_a_copy_lost_under_the_header_between_rows_and_at_the_right() -> None:
    """A photocopy's light rules gone under the header, between rows 2 and 3, and at the
    table's right side: `STT 1 | Họ và tên Lò Văn Pấng` and `2 3 | …` came out as one row each
    and the last column was dropped. A row starts at its number; the widest band no word
    crosses between two starts is where the rule was; a heading past the last rule is a column."""
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330, 600]
    rows = [r[:4] + [r[5]] for r in ROWS] + [["4", "Vi Đức Tùng", "Văn thư", "Văn phòng Sở", "03 tháng"]]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Thời gian"], rows, 100, 20)
    xs = [35, 75, 215, 325, 595]  # the rule right of `Thời gian` (at 700) lost
    rules_v = [[x, 95, x + 1, 195] for x in xs]
    rules_h = [[35, y, 700, y + 1] for y in (95, 135, 175, 195)]  # lost: 115 and 155
    table = find_table(words, rules_h, rules_v)
    assert table is not None and table.source == "ruled"
    assert table.header == ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Thời gian"]
    assert [r[0] for r in table.rows] == ["1", "2", "3", "4"]
    assert [r[1] for r in table.rows] == [r[1] for r in rows]
    assert [r[4] for r in table.rows] == [r[4] for r in rows]


def test_no_column_is_made_of_what_stands_beside_a_table() -> None:
    """A seam seal's letters or a margin note at the header's height right of the table, past
    the row rules' end, are no lost column (a fresh-eyes tester's `NHÂN`/`DÂN`/`TỈNH`); nor do
    a heading typed with wide spaces (`Họ   và   tên`) or a speck beside one split a column."""
    from dispatch_reader.ingest.pages import Word
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    xs = [35, 75, 215, 325, 560]
    rules_v = [[x, 95, x + 1, 175] for x in xs]
    rules_h = [[35, y, 560, y + 1] for y in (95, 115, 135, 155, 175)]
    seal = [Word(t, 575, top, 600, top + 10, 0.9) for t, top in (("NHÂN", 100), ("DÂN", 120), ("TỈNH", 140))]
    table = find_table(words + seal, rules_h, rules_v)
    assert table is not None and table.header == ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"]
    wide = [w for w in words if w.top != 100] + [Word(t, x, 100, x + 6 * len(t), 110, 0.9) for t, x in
                                                  (("STT", 40), ("Họ", 80), ("và", 112), ("tên", 140),
                                                   ("Chức", 220), ("vụ", 250), ("Đơn", 330), ("vị", 360),
                                                   ("công", 390), ("tác", 430))]
    table = find_table(wide, rules_h, rules_v)
    assert table is not None and table.header == ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"]
    specked = words + [Word("'", 77, 100, 79, 110, 0.9)]
    table = find_table(specked, rules_h, rules_v)
    assert table is not None and len(table.header) == 4 and [r[1] for r in table.rows] == [r[1] for r in rows]


def test_the_left_rule_that_lost_its_top_through_the_header_still_bounds_the_table() -> None:
    """A phone photo's bent sheet: the table's left rule was found only from under the header
    down, and `STT` with every row's number fell outside the table (the name read as the
    first cell, each row's cells shifted, no sending placed). A rule from just under the
    header to the table's foot, close left of the first rule, with a heading between, is
    its side; one that starts lower down, or stands far out, is not."""
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    rules_h = [[35, y, 480, y + 1] for y in (95, 115, 135, 155, 175)]
    inner = [[x, 95, x + 1, 175] for x in (75, 215, 325, 480)]
    table = find_table(words, rules_h, inner + [[35, 117, 36, 175]])
    assert table is not None and table.header == ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"]
    assert [r[:2] for r in table.rows] == [r[:2] for r in rows]
    for lost in ([35, 137, 36, 175],  # from the second row down: a rule inside the list, no side
                 [35, 117, 36, 155]):  # short of the table's foot
        table = find_table(words, rules_h, inner + [lost])
        assert table is not None and "STT" not in table.header


def test_what_is_left_of_a_bent_rule_parts_two_numbered_rows() -> None:
    """A phone photo's bent sheet: each row rule touches the letters along part of its length
    and is found in pieces covering half the table's width, short of a whole rule's share,
    and a wrapped cell leaves no band free of words: rows 2 and 3 came out as one (`2 3 |
    Nguyễn Thị Chuyên Nông Huy Thiêm`). Between two numbered rows, such a rule parts them."""
    from dispatch_reader.ingest.pages import Word
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    words.append(Word("Sở", 330, 146, 345, 162, 0.9))  # row 2's unit wrapped down to row 3's top
    xs = [35, 75, 215, 325, 480]
    rules_v = [[x, 95, x + 1, 175] for x in xs]
    half = [[35, 155, 140, 156], [200, 155.5, 320, 156.5]]  # 225 of 445 points
    rules_h = [[35, y, 480, y + 1] for y in (95, 115, 135, 175)] + half
    table = find_table(words, rules_h, rules_v)
    assert table is not None and [r[0] for r in table.rows] == ["1", "2", "3"]
    assert table.rows[1][3] == "Văn phòng Sở Sở" and table.rows[2][1] == "Nông Huy Thiêm"


def test_a_bar_read_inside_a_cell_is_no_cell_of_its_own() -> None:
    """A rule's stub or a speck read as `|` inside a cell, or a wide gap in it, parted the
    row's line (cells joined by ` | `) into more cells than the table has columns: the row
    was lost to the list."""
    from dispatch_reader.ingest.pages import Word
    from dispatch_reader.ingest.tables import find_table, text_with_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    words += [Word("|", 300, 140, 302, 150, 0.4), Word("Wa", 420, 140, 432, 150, 0.3)]
    xs = [35, 75, 215, 325, 480]
    table = find_table(words, [[35, y, 480, y + 1] for y in (95, 115, 135, 155, 175)],
                       [[x, 95, x + 1, 175] for x in xs])
    assert table is not None
    assert table.rows[1][2] == "Phó Trưởng phòng"
    line = next(line for line in text_with_table(words, table).split("\n") if "Nguyễn Thị Chuyên" in line)
    assert line.count("|") == 3


def test_a_ruled_tables_name_cell_read_without_its_spaces_is_unglued() -> None:
    """`LýSeoDìn` (faint ink: the narrow spaces of a name lost) in a ruled table is split at
    its capitals, as an aligned table's is: with no space the name was no name and its row
    was lost."""
    from dispatch_reader.ingest.tables import find_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    rows[1] = ["2", "LýSeoDìn", "Chuyên viên", "Văn phòng Sở"]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    table = find_table(words, [[35, y, 480, y + 1] for y in (95, 115, 135, 155, 175)],
                       [[x, 95, x + 1, 175] for x in (35, 75, 215, 325, 480)])
    assert table is not None and table.rows[1][1] == "Lý Seo Dìn"
    # a name typed in capitals is no glued name (`NGUYỄN THỊ ÁI`, not `Á I`)
    rows[1] = ["2", "NGUYỄN THỊ ÁI", "Chuyên viên", "Văn phòng Sở"]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    table = find_table(words, [[35, y, 480, y + 1] for y in (95, 115, 135, 155, 175)],
                       [[x, 95, x + 1, 175] for x in (35, 75, 215, 325, 480)])
    assert table is not None and table.rows[1][1] == "NGUYỄN THỊ ÁI"


def test_a_line_down_the_margin_from_above_is_no_column_of_the_table() -> None:
    """A batch scan's page edge (or a fold) down the left margin from the letterhead through the
    table: taken for a column rule, it started the table at the letterhead, the number, date and
    addressee lines went into a first row, and the page's text lost them with it."""
    from dispatch_reader.ingest.pages import Word
    from dispatch_reader.ingest.tables import find_table, text_with_table

    starts = [40, 80, 220, 330]
    rows = [r[:4] for r in ROWS]
    words = _grid_words(starts, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], rows, 100, 20)
    letterhead = [Word(t, x, 30, x + 40, 40, 0.95) for t, x in (("Số:", 60), ("238/SNV-VP", 110))]
    xs = [35, 75, 215, 325, 560]
    rules_v = [[x, 95, x + 1, 175] for x in xs] + [[8, 10, 9, 170]]  # the page's edge, from above
    rules_h = [[35, y, 560, y + 1] for y in (95, 115, 135, 155, 175)]
    table = find_table(letterhead + words, rules_h, rules_v)
    assert table is not None and table.header == ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"]
    assert table.top >= 90 and table.x0 >= 30
    assert "Số: 238/SNV-VP" in text_with_table(letterhead + words, table).splitlines()
    # a tall header row (a heading wrapped over many lines, the cue words in its middle): its
    # column rules start far above the cue words, on the table's top rule (a reviewer's)
    tall_v = [[x, 40, x + 1, 175] for x in xs]
    tall_h = [[35, 40, 560, 41]] + rules_h[1:]
    table = find_table(letterhead + words, tall_h, tall_v)
    assert table is not None and table.source == "ruled" and table.x0 >= 30
