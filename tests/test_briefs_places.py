"""Destinations in summaries: grouped by the official unit, groups of places as one aggregate
row, names the reader must check marked (briefs/places.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefs_fixtures import make
from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.briefs.summary import summary_context
from dispatch_reader.extract.destinations import match_destinations


def _records():
    lai_chau = "Ủy ban nhân dân tỉnh Lai Châu"
    a = make("a", number="15/QĐ-UBND", issuer=lai_chau, secondments=[
        {"person": "Lò Văn Páo", "to_unit": "Ủy ban nhân dân xã Pắc Ta", "start": "2025-09-01"},
        {"person": "Lò Thị Mai", "to_unit": "Trạm Y tế xã Pac Ta", "start": "2025-09-01"},  # an OCR slip
    ])
    b = make("b", number="16/QĐ-UBND", issuer=lai_chau, secondments=[
        {"count": 37, "to_unit": "37 xã, phường", "start": "2025-09-01"},
    ])
    c = make("c", number="17/QĐ-UBND", issuer=lai_chau, secondments=[
        {"person": "Vàng A Dình", "to_unit": "Ủy ban nhân dân xã Đà Vi", "start": "2025-09-01"},
    ])
    for r in (a, b, c):
        r.warnings.extend(match_destinations(r))  # what extract_facts does after secondments
    return [a, b, c]


def test_the_chart_groups_by_official_unit_and_keeps_groups_apart():
    ctx = summary_context([r.to_dict() for r in _records()], "vi", today=date(2025, 10, 20))
    rows = {row["label"]: row for row in ctx["by_commune"]}
    assert rows["xã Pắc Ta"]["people"] == 2  # printed two ways, one commune
    assert rows["xã Pắc Ta"]["key"] == "code:03616"
    aggregate = [row for row in ctx["by_commune"] if row["aggregate"]]
    assert [(row["label"], row["people"]) for row in aggregate] == [("Nhiều xã, phường (số liệu chung)", 37)]
    assert "37 xã, phường" not in rows  # a group is no place
    assert rows["xã Đà Vi (không có trong danh mục ĐVHC)"]["people"] == 1
    assert sum(row["people"] for row in ctx["by_commune"]) == ctx["total_people"]


def test_the_summary_counts_places_not_groups(tmp_path: Path):
    writer = BriefWriter(tmp_path / "out", fmt="md", lang="vi", today=date(2025, 10, 20))
    text = writer.summary(_records()).read_text("utf-8")
    assert "Số nơi đến: **2**" in text  # xã Pắc Ta and the flagged xã Đà Vi, not the 37
    assert "Nhiều xã, phường (số liệu chung)" in text


def test_a_document_brief_marks_the_correction_and_keeps_the_facility():
    from dispatch_reader.briefs.document import document_context

    ctx = document_context(_records()[0].to_dict(), "vi")
    shown = [row["destination"] for row in ctx["secondments"]]
    assert shown == ["xã Pắc Ta", "Trạm Y tế xã Pắc Ta (đã sửa từ “xã Pac Ta”)"]
    assert ctx["lead_parts"]["places"] == ["xã Pắc Ta", "Trạm Y tế xã Pắc Ta"]  # no marks in the lead sentence
    assert "Nơi đến 'xã Pac Ta' đọc thành 'xã Pắc Ta' (sửa lỗi OCR)." in ctx["warnings"]  # each a sentence, its stop after the bracket


def test_html_and_docx_summaries_count_places_not_groups(tmp_path: Path):
    import re

    html = BriefWriter(tmp_path / "h", fmt="html", lang="vi", today=date(2025, 10, 20)).summary(_records())
    assert re.search(r"<b>2</b><span>Số nơi đến</span>", html.read_text("utf-8"))
    from docx import Document

    docx = BriefWriter(tmp_path / "d", fmt="docx", lang="vi", today=date(2025, 10, 20)).summary(_records())
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert "Số nơi đến: 2" in paragraphs
