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
