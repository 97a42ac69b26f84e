"""Builds the packaged Word templates `templates/document.docx` and `templates/summary.docx`.

They are ordinary Word files with Jinja2 tags (docxtpl); offices change them in Word and put
the result in their templates folder. This module only regenerates the packaged defaults:

    .venv/bin/python -m dispatch_reader.briefs.docx_templates templates/
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# The page of an administrative text (Decree 30/2020, Appendix I): A4, Times New Roman 13 pt,
# margins top/bottom 20 mm, left 30 mm, right 15 mm.
FONT = "Times New Roman"


def _document() -> Any:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    for name, size in (("Normal", 13), ("Heading 1", 14), ("Heading 2", 13)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), FONT)
        # theme fonts would override the explicit ones in headings
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    doc.styles["Heading 1"].font.bold = True
    doc.styles["Heading 2"].font.bold = True
    doc.styles["Heading 1"].paragraph_format.alignment = 1  # centred, as the HTML brief's title
    _page_numbers(section)
    return doc


def _field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) Word and LibreOffice fill in when they lay the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(section: Any) -> None:
    """`2/5` at the foot of every page, right-aligned, as the HTML brief prints it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(p, "PAGE")
    p.add_run("/")
    _field(p, "NUMPAGES")
    for run in p.runs:
        run.font.size = Pt(9)


def _repeat_header(row: Any) -> None:
    """The table's header row is printed again at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _para(doc: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: int | None = None,
          center: bool = False, style: str | None = None) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _table(doc: Any, head: list[str] | None, cells: list[str], loop: str, *, total: list[str] | None = None,
           widths: list[float] | None = None, right: tuple[int, ...] = ()) -> Any:
    """A table with a header row and one row repeated by docxtpl's `{%tr for … %}`."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    width = len(cells)
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    rows = ([head] if head else []) + [
        [f"{{%tr for {loop} %}}"] + [""] * (width - 1), cells, ["{%tr endfor %}"] + [""] * (width - 1)]
    if total:
        rows.append(total)
    for i, values in enumerate(rows):
        row = table.add_row()
        if head and i == 0:
            _repeat_header(row)
        for index, (cell, value) in enumerate(zip(row.cells, values)):
            cell.text = value
            for p in cell.paragraphs:
                if index in right:  # figures line up on their last digit
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in p.runs:
                    run.font.size = Pt(11)
                    run.bold = ((head and i == 0) or (total is not None and i == len(rows) - 1)) or None
    if widths:
        # Word and LibreOffice read the grid, the cells and the autofit flag; set all three
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Mm(width)
    return table


def build_document(path: Path) -> None:
    doc = _document()
    _para(doc, "{{ L.brief | upper }}", style="Heading 1")
    _para(doc, "{{ subtitle }}", italic=True, center=True)
    p = _para(doc)
    p.add_run("{{ L.what }}: ").bold = True
    p.add_run("{{ lead }}")
    _table(doc, None,
           ["{{ h.label }}", "{{ h.value or '—' }}",
            "{% if h.page %}{{ L.page }} {{ h.page }}{% endif %}{% if h.low_confidence %} {{ L.low_mark }}{% endif %}"],
           "h in header", widths=[45, 105, 15])
    _para(doc, "{%p if checks %}")
    _para(doc, "{{ L.warnings }}", style="Heading 2")
    _para(doc, "{%p for w in checks %}")
    _para(doc, "– {{ w }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if secondments %}")
    _para(doc, "{{ secondments_heading or L.secondments }}", style="Heading 2")
    _para(doc, "{%p if one_kind %}")
    _para(doc, "{{ L.kind }}: {{ one_kind | lower }}", italic=True, size=11)
    _para(doc, "{%p endif %}")
    _table(doc, ["#", "{{ L.person }}", "{{ L.from }}", "{{ L.to }}", "{{ L.job }}", "{{ L.period }}", ""],
           ["{{ s.index }}", "{{ s.who or '—' }}{% if s.needs_check %} {{ L.low_mark }}{% endif %}"
            "{% if s.note %} ({{ s.note }}){% endif %}",
            "{{ s.from_unit or '—' }}", "{{ s.destination or s.to_unit or '—' }}",
            "{{ s.position or '—' }}", "{{ s.period or '—' }}",
            "{{ L.page }} {{ s.page }}{% if s.low_confidence %} {{ L.low_mark }}{% endif %}"],
           "s in secondments", total=["", "{% if total_people or not not_counted %}{{ L.total }}: {{ total_people | num }} "
                                       "{{ L.person_unit if total_people == 1 else L.people_unit }}{% endif %}", "", "", "", "", ""],
           widths=[8, 30, 30, 24, 25, 28, 15])
    _para(doc, "{%p for line in not_counted %}")
    _para(doc, "{{ line.label }}: {{ line.text }} ({{ L.not_counted | lower }})", bold=True)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if secondments | selectattr('end_derived') | list %}")
    _para(doc, "{{ L.derived_mark }} {{ labels.messages.derived_end }}", italic=True, size=10)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if counts %}")
    _para(doc, "{{ L.counts }}", style="Heading 2")
    _table(doc, ["{{ L.value }}", "{{ L.counted }}", ""],
           ["{{ c.value_text }}", "{{ c.what }}", "{{ L.page }} {{ c.page }}"], "c in counts", widths=[25, 125, 15],
           right=(0,))
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if references %}")
    _para(doc, "{{ L.references }}", style="Heading 2")
    _para(doc, "{%p for ref in references %}")
    _para(doc, "– {% if ref.type_label %}{{ ref.type_label }} {{ L.no }} {% endif %}{{ ref.number }}"
               "{% if ref.date_text %} {{ L.dated }} {{ ref.date_text }}{% endif %}{% if ref.issuer %} — {{ ref.issuer }}{% endif %}"
               " ({{ L.page }} {{ ref.page }})")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")
    # what the reading of the pages did: apart, under the facts (a clerk found it burying them)
    _para(doc, "{%p if reading_notes %}")
    _para(doc, "{{ L.reading_notes }}", bold=True, size=9)
    _para(doc, "{%p for w in reading_notes %}")
    _para(doc, "– {{ w }}", size=9)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")
    _para(doc, "{{ L.generated }} {{ source.file_name }} ({{ source.page_count }} {{ L.pages }}: "
               "{% for p in source.pages %}{{ L.page }} {{ p.number }} {{ L[p.method] }}"
               "{% if p.ocr_confidence is not none %} {{ p.ocr_confidence | whole_percent }}%{% endif %}"
               "{{ ', ' if not loop.last }}{% endfor %}). SHA-256 {{ source.sha256[:12] }}…", italic=True, size=9)
    _para(doc, "{%p if other_files %}")
    _para(doc, "{{ L.other_files }} {{ other_files | join('; ') }}", italic=True, size=9)
    _para(doc, "{%p endif %}")
    doc.save(str(path))


def _breakdown(doc: Any, rows: str, title: str, head: str) -> None:
    _para(doc, f"{{%p if {rows} %}}")
    _para(doc, title, style="Heading 2")
    _table(doc, [head, "{{ L.count }}", "{{ L.share }}", "{{ L.documents_n | capitalize }}"],
           ["{{ row.label }}", "{{ row.people_text }}", "{{ row.people | percent(total_people) }}", "{{ row.documents }}"],
           f"row in {rows}", total=["{{ L.total }}", "{{ total_people | num }}", "", ""], widths=[95, 25, 22, 23],
           right=(1, 2, 3))
    _para(doc, "{%p endif %}")


def build_summary(path: Path) -> None:
    doc = _document()
    _para(doc, "{{ L.summary | upper }}", style="Heading 1")
    _para(doc, "{{ selection_text }}", italic=True, center=True)
    _para(doc, "{{ L.total_people }}: {{ total_people | num }}", bold=True)
    _para(doc, "{{ L.total_docs }}: {{ total_docs | num }}")
    _para(doc, "{{ L.destinations }}: {{ by_commune | rejectattr('key', 'equalto', '') | rejectattr('aggregate') | list | length | num }}")
    _para(doc, "{{ L.ending_soon.format(days=ending_within) }}: {{ ending_soon | sum(attribute='heads') | num }}")
    _para(doc, "{%p if not_counted or ended %}")
    _para(doc, "{{ L.not_counted }}", bold=True)
    _para(doc, "{%p for line in not_counted %}")
    _para(doc, "– {{ line.label }}: {{ line.people | num }} {{ L.person_unit if line.people == 1 else L.people_unit }} ({{ line.documents | join(', ') }})")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if ended %}")
    _para(doc, "– {{ L.ended }}: {{ ended_people | num }} {{ L.person_unit if ended_people == 1 else L.people_unit }} "
               "({% for s in ended %}{{ s.who }}{% if s.needs_check %} {{ L.low_mark }}{% endif %}, {{ s.doc_text }}{{ '; ' if not loop.last }}{% endfor %})")
    _para(doc, "{%p endif %}")
    _para(doc, "{{ labels.messages.not_counted_note }}", italic=True, size=11)
    _para(doc, "{%p endif %}")
    _para(doc, "{{ copies_text }}", italic=True, size=11)
    _breakdown(doc, "by_commune", "{{ L.by_commune }}", "{{ L.to }}")
    _para(doc, "{%p if roster %}")
    _para(doc, "{{ L.roster }}", style="Heading 2")
    _table(doc, ["#", "{{ L.person }}", "{{ L.to }}", "{{ L.from }}", "{{ L.period }}", "{{ L.doc }}"],
           ["{{ loop.index }}", "{{ s.who }}{% if s.needs_check %} {{ L.low_mark }}{% endif %}", "{{ s.destination or '—' }}", "{{ s.body or s.from_unit or '—' }}",
            "{% if s.start_text or s.end_text %}{{ s.start_text or '…' }} – {{ s.end_text or '…' }}"
            "{% if s.end_derived %}{{ L.derived_mark }}{% endif %}{% else %}—{% endif %}",
            "{{ s.doc_text }}"], "s in roster", widths=[8, 30, 33, 30, 30, 34], right=(0,))
    _para(doc, "{%p if roster | selectattr('end_derived') | list %}")
    _para(doc, "{{ L.derived_mark }} {{ labels.messages.derived_end }}", italic=True, size=10)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endif %}")
    _breakdown(doc, "by_sender", "{{ L.by_sender }}", "{{ L.from }}")
    _breakdown(doc, "by_field", "{{ L.by_field }}", "{{ L.job }}")
    _breakdown(doc, "by_month", "{{ L.by_month }}", "{{ L.period }}")
    _para(doc, "{{ L.ending_soon.format(days=ending_within) }}", style="Heading 2")
    _para(doc, "{%p if ending_soon %}")
    _table(doc, ["{{ L.person }}", "{{ L.to }}", "{{ L.from }}", "{{ L.end }}", "{{ L.days_left }}", "{{ L.doc }}"],
           ["{{ s.who }}{% if s.needs_check %} {{ L.low_mark }}{% endif %}", "{{ s.destination or '—' }}", "{{ s.body or '—' }}",
            "{{ s.end_text }}{% if s.end_derived %}{{ L.derived_mark }}{% endif %}", "{{ s.days_text }}",
            "{{ s.doc_text }}"], "s in ending_soon", widths=[32, 30, 32, 22, 22, 27])
    _para(doc, "{%p if ending_soon | selectattr('end_derived') | list %}")
    _para(doc, "{{ L.derived_mark }} {{ labels.messages.derived_end }}", italic=True, size=10)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p else %}")
    _para(doc, "{{ L.none }}.")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if repeated_people %}")
    _para(doc, "{{ L.repeated }}", style="Heading 2")
    _table(doc, ["{{ L.person }}", "{{ L.times }}", "{{ L.to }}"],
           ["{{ p.name }}", "{{ p.times }}", "{% for s in p.rows %}{{ s.destination or '—' }} "
            "({{ s.document.number or s.file_name }}{{ ', ' ~ s.step if s.step }}){{ '; ' if not loop.last }}{% endfor %}"],
           "p in repeated_people", widths=[45, 20, 100], right=(1,))
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if missing_refs or missing_legal %}")
    _para(doc, "{{ L.missing_refs }}", style="Heading 2")
    _para(doc, "{%p if missing_refs %}")
    _table(doc, ["{{ L.doc }}", "{{ L.date }}", "{{ L.issuer }}", "{{ L.cited_by }}"],
           ["{% if c.type_label %}{{ c.type_label }} {{ L.no }} {% endif %}{{ c.number }}", "{{ c.date_text or '—' }}",
            "{{ c.issuer or '—' }}", "{{ c.cited_by | join(', ') }}"], "c in missing_refs", widths=[50, 25, 50, 40])
    _para(doc, "{%p else %}")
    _para(doc, "{{ L.none }}.")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if missing_legal %}")
    _para(doc, "{{ L.missing_legal }}: {% for c in missing_legal %}{% if c.type_label %}{{ c.type_label }} {% endif %}"
               "{{ c.number }}{{ '; ' if not loop.last }}{% endfor %}.", italic=True, size=10)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endif %}")
    _para(doc, "{{ L.documents }}", style="Heading 2")
    _table(doc, ["#", "{{ L.doc }}", "{{ L.date }}", "{{ L.issuer }}", "{{ L.subject }}", "{{ L.count }}"],
           ["{{ loop.index }}", "{{ doc.title }}{% if doc.number_check %} {{ L.low_mark }}{% endif %} ({{ doc.files | join(', ') }})", "{{ doc.date_text or '—' }}",
            "{{ doc.issuer_text or '—' }}",
            "{{ doc.document.subject or '—' }}", "{{ doc.people | num }}{% if doc.other_text %} ({{ doc.other_text }}){% endif %}"],
           "doc in documents",
           total=["", "{{ L.total }}", "", "", "", "{{ total_people | num }}"], widths=[8, 38, 22, 35, 47, 15],
           right=(0, 5))
    _para(doc, "{%p if any_check %}")
    _para(doc, "{{ labels.messages.summary_check }}", italic=True, size=10)
    _para(doc, "{%p endif %}")
    _para(doc, "{{ L.generated_on }} {{ today_text }}.", italic=True, size=9)
    doc.save(str(path))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "templates"
    build_document(out / "document.docx")
    build_summary(out / "summary.docx")
    print(f"wrote {out / 'document.docx'} and {out / 'summary.docx'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
