"""Render a DocSpec the way an office makes it: a Word file converted to PDF by LibreOffice.

The Decree-30 header is a borderless two-column Word table, the body Times New Roman (which
LibreOffice lays out with Liberation Serif, the same metrics), the `Nơi nhận` / signature
block a second borderless table, a DANH SÁCH on a landscape section. Optional: an
e-signature box (Arial, top right of page 1, in the first-page header), a Công báo running
head on every page with the gazette's page numbers.

The DOCX is written with python-docx and converted with `soffice --headless --convert-to pdf`
in a private profile. LibreOffice stamps each export with the clock (`/CreationDate`) and a
random file `/ID`; both are overwritten in place with values of the same length (a fixed date
from the spec, an MD5 of the rest of the file), so equal specs give equal PDF bytes on one
machine and the xref offsets stay valid.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import _Cell

from dispatch_reader.errors import MissingDependencyError
from dispatch_reader.synth.spec import Block, DocSpec, OfficeLayout
from dispatch_reader.textnorm import nfc

_A4 = (Cm(21.0), Cm(29.7))
_LEFT, _RIGHT, _TOP, _BOTTOM = Cm(3.0), Cm(2.0), Cm(2.0), Cm(2.0)
_TEXT_W = Emu(_A4[0] - _LEFT - _RIGHT)  # 16 cm
_ISSUER_COL = Cm(6.4)
_STAMP_FONT = "Arial"  # e-signature boxes are printed in a sans face
_TIMEOUT_S = 120


def soffice_path() -> str | None:
    """The LibreOffice binary, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# ---------------------------------------------------------------------------------------------
# Small python-docx helpers


def _fmt(par, *, align=None, before: float = 0, after: float = 0, line: float | None = 1.0,
         indent_first: float | None = None, left: float | None = None, right: float | None = None) -> None:
    pf = par.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if line is not None:
        pf.line_spacing = line
    if align is not None:
        pf.alignment = align
    if indent_first is not None:
        pf.first_line_indent = Cm(indent_first)
    if left is not None:
        pf.left_indent = Cm(left)
    if right is not None:
        pf.right_indent = Cm(right)


def _run(par, text: str, *, size: float, bold: bool = False, italic: bool = False, font: str | None = None,
         color: RGBColor | None = None):
    # python-docx turns "\n" into a line break (<w:br/>) inside the run.
    run = par.add_run(nfc(text))
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    if font:
        _set_font(run._r.get_or_add_rPr(), font)
    if color is not None:
        run.font.color.rgb = color
    return run


def _set_font(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _line(container, text: str, size: float, *, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, before: float = 0, after: float = 0, first: bool = False):
    """A paragraph with one run; `first` reuses the empty paragraph a new cell starts with."""
    par = container.paragraphs[0] if first else container.add_paragraph()
    _fmt(par, align=align, before=before, after=after)
    _run(par, text, size=size, bold=bold, italic=italic)
    return par


# Elements that follow a property in its parent (OOXML keeps a fixed child order; Word checks it).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _bottom_border(par, eighths_pt: int) -> None:
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(eighths_pt)), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    par._p.get_or_add_pPr().insert_element_before(bdr, *_AFTER_PBDR)


def _rule(container, width_cm: float, column_cm: float) -> None:
    """A short centred line under a header block: an empty paragraph with a bottom border."""
    par = container.add_paragraph()
    side = max(0.0, (column_cm - width_cm) / 2)
    _fmt(par, align=WD_ALIGN_PARAGRAPH.CENTER, left=side, right=side, line=None)
    par.paragraph_format.line_spacing = Pt(3)
    _bottom_border(par, 6)
    _run(par, "", size=2)


def _borders(table, *, on: bool) -> None:
    """Make every border of a table none (a layout table) or single (a list)."""
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        if on:
            for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                el.set(qn(k), v)
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _fixed_table(container, rows: int, widths: list, *, borders: bool, align=WD_TABLE_ALIGNMENT.CENTER):
    if isinstance(container, (DocxDocument, _Cell)):
        table = container.add_table(rows, len(widths))
    else:  # a header or footer wants the table's width
        table = container.add_table(rows, len(widths), Emu(sum(widths)))
    table.alignment = align
    table.autofit = False  # <w:tblLayout w:type="fixed"/>: the widths below hold
    _borders(table, on=borders)
    for i, w in enumerate(widths):
        table.columns[i].width = w
        for cell in table.columns[i].cells:
            cell.width = w
    return table


def _cell_margins(table, left_cm: float, right_cm: float) -> None:
    mar = OxmlElement("w:tblCellMar")
    for edge, value in (("left", left_cm), ("right", right_cm)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(value * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.insert_element_before(mar, *_AFTER_TBLCELLMAR)


def _field(par, instr: str, placeholder: str, size: float) -> None:
    """A simple field (PAGE) that LibreOffice fills in when it lays out the page."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = placeholder
    r.append(t)
    fld.append(r)
    par._p.append(fld)


def _repeat_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


# ---------------------------------------------------------------------------------------------
# The document


def _base_document(layout: OfficeLayout, spec: DocSpec):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    _set_font(normal.element.get_or_add_rPr(), layout.font)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # Fixed metadata: LibreOffice copies title/author into the PDF's Info dictionary.
    props = doc.core_properties
    props.title = nfc(layout.title or f"{spec.type_label or 'Công văn'} {spec.number}")
    props.author = "VanThu"
    props.last_modified_by = "VanThu"
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    stamp = datetime(spec.issued.year, spec.issued.month, spec.issued.day, 8, 0, 0)
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    section = doc.sections[0]
    section.page_width, section.page_height = _A4
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin, section.right_margin = _LEFT, _RIGHT
    section.top_margin, section.bottom_margin = _TOP, _BOTTOM
    section.header_distance, section.footer_distance = Cm(0.8), Cm(0.8)
    if layout.first_page_number != 1:
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), str(layout.first_page_number))
        section._sectPr.insert_element_before(pg, *_AFTER_PGNUMTYPE)
    return doc


def _esign_box(header, layout: OfficeLayout):
    assert layout.esign
    table = _fixed_table(header, 1, [Cm(7.2)], borders=True, align=WD_TABLE_ALIGNMENT.RIGHT)
    _cell_margins(table, 0.12, 0.12)
    cell = table.cell(0, 0)
    blue = RGBColor(0x1F, 0x3A, 0x93)
    for i, text in enumerate(layout.esign.lines()):
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT)
        label, _, value = text.partition(": ")
        _run(par, f"{label}: ", size=7.5, font=_STAMP_FONT, color=blue)
        _run(par, value, size=7.5, bold=i == 0, font=_STAMP_FONT, color=blue)
    return table


def _gazette_line(container, layout: OfficeLayout) -> None:
    """The Công báo head in the header's first paragraph: name, number and date left, page right."""
    par = container.paragraphs[0]
    par.style = "Normal"  # the Header style's own centre and right tabs would catch the tab
    _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    par.paragraph_format.tab_stops.add_tab_stop(_TEXT_W, WD_TAB_ALIGNMENT.RIGHT)
    _run(par, layout.gazette_head or "", size=11, bold=True)
    _run(par, "\t", size=11)
    _field(par, "PAGE", str(layout.first_page_number), 11)
    _bottom_border(par, 8)


def _page_heads(doc, layout: OfficeLayout) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    later = section.header
    later.is_linked_to_previous = False
    if layout.gazette_head:
        _gazette_line(later, layout)
    else:
        # Decree 30: page numbers from page 2 on, centred at the top.
        par = later.paragraphs[0]
        _fmt(par, align=WD_ALIGN_PARAGRAPH.CENTER)
        _field(par, "PAGE", "2", 13)
    head = first.paragraphs[0]
    if layout.esign:
        box = _esign_box(first, layout)
        head._p.addprevious(box._tbl)  # the box first, top right
    if layout.gazette_head:
        _gazette_line(first, layout)
    else:
        _fmt(head, line=None)
        head.paragraph_format.line_spacing = Pt(2)


def _header_table(doc, spec: DocSpec, layout: OfficeLayout) -> None:
    right_w = Emu(_TEXT_W - _ISSUER_COL)
    col_l, col_r = _ISSUER_COL.cm, right_w.cm
    two_rows = layout.header_rows == 2
    table = _fixed_table(doc, 2 if two_rows else 1, [_ISSUER_COL, right_w], borders=False)
    _cell_margins(table, 0.05, 0.05)
    left, right = table.cell(0, 0), table.cell(0, 1)
    *parents, issuer = spec.issuer_lines
    first = True
    for line in parents:
        _line(left, line, 13, first=first)
        first = False
    _line(left, issuer, 13, bold=True, first=first)
    _rule(left, 2.4, col_l)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, bold=True, first=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 13.5, bold=True)
    _rule(right, 5.6, col_r)
    number_cell, date_cell = (table.cell(1, 0), table.cell(1, 1)) if two_rows else (left, right)
    _line(number_cell, f"Số: {spec.number}", 13, first=two_rows, before=0 if two_rows else 4)
    for vv in spec.vv_lines:
        _line(number_cell, vv, 12)
    _line(date_cell, spec.date_line(), 14, italic=True, first=two_rows, before=0 if two_rows else 4)
    for mark in spec.marks:
        box = _fixed_table(number_cell, 1, [Cm(2.6)], borders=True)
        _line(box.cell(0, 0), mark, 13, bold=True, first=True)


def _body(doc, spec: DocSpec) -> None:
    if spec.type_label:
        _line(doc, spec.type_label, 14, bold=True, before=14)
        for s in spec.subject_lines:
            _line(doc, s, 14, bold=True)
        _rule(doc, 4.0, _TEXT_W.cm)
    if spec.kinh_gui:
        if len(spec.kinh_gui) == 1:
            par = doc.add_paragraph()
            _fmt(par, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=6)
            _run(par, f"Kính gửi: {spec.kinh_gui[0]}", size=14)
        else:
            par = doc.add_paragraph()
            _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT, before=12, left=3.0)
            _run(par, "Kính gửi:", size=14)
            for r in spec.kinh_gui:
                par = doc.add_paragraph()
                _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT, left=5.0)
                _run(par, f"- {r}", size=14)
            doc.paragraphs[-1].paragraph_format.space_after = Pt(6)
    for b in spec.body:
        _block(doc, b)


def _block(doc, b: Block) -> None:
    par = doc.add_paragraph()
    kind = b.kind
    if kind == "center_bold":
        _fmt(par, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=6)
        _run(par, b.text, size=14, bold=True)
        return
    if kind == "center":
        _fmt(par, align=WD_ALIGN_PARAGRAPH.CENTER, before=3, after=3)
    elif kind == "left_bold":
        _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=3, indent_first=1.27)
    else:
        _fmt(par, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent_first=1.27, line=1.1)
    if b.lead:
        _run(par, b.lead + (" " if b.text else ""), size=14, bold=True)
    if b.text:
        _run(par, b.text, size=14, bold=kind == "left_bold")


def _footer_table(doc, spec: DocSpec) -> None:
    left_w = Cm(7.6)
    table = _fixed_table(doc, 1, [left_w, Emu(_TEXT_W - left_w)], borders=False)
    _cell_margins(table, 0.0, 0.05)
    # Word keeps the signature with the row: never split across a page.
    trpr = table.rows[0]._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if spec.noi_nhan:
        par = left.paragraphs[0]
        _fmt(par, align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
        _run(par, "Nơi nhận:", size=12, bold=True, italic=True)
        for line in spec.noi_nhan:
            _line(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    sig = spec.signature
    if sig:
        first = True
        if sig.authority:
            _line(right, sig.authority, 14, bold=True, first=True, before=6)
            first = False
        _line(right, sig.title, 14, bold=True, first=first, before=6 if first else 0)
        for _ in range(4):
            _line(right, "", 14)
        _line(right, sig.name, 14, bold=True)


def _attachment(doc, spec: DocSpec) -> None:
    att = spec.attachment
    if att is None:
        return
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = _A4[1], _A4[0]
    section.left_margin, section.right_margin = Cm(2.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.different_first_page_header_footer = False
    for restart in section._sectPr.findall(qn("w:pgNumType")):  # copied from the first section
        section._sectPr.remove(restart)
    width = section.page_width - section.left_margin - section.right_margin
    _line(doc, att.title, 14, bold=True)
    for s in att.subtitle_lines:
        _line(doc, s, 14, bold=True)
    _line(doc, att.note, 13, italic=True, after=8)
    widths_cm = att.col_widths_cm or [1.0] * len(att.columns)
    scale = width / sum(widths_cm)
    widths = [Emu(int(w * scale)) for w in widths_cm]
    table = _fixed_table(doc, 1 + len(att.rows), widths, borders=True)
    _repeat_header_row(table.rows[0])
    for j, head in enumerate(att.columns):
        _line(table.cell(0, j), head, 12, bold=True, first=True, before=2, after=2)
    for i, row in enumerate(att.rows, 1):
        for j, value in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.CENTER if j == 0 or value.endswith("tháng") else WD_ALIGN_PARAGRAPH.LEFT
            _line(table.cell(i, j), value, 12, align=align, first=True, before=2, after=2)


def build_docx(spec: DocSpec, layout: OfficeLayout) -> bytes:
    """The DOCX an office clerk would type for `spec` (python-docx)."""
    doc = _base_document(layout, spec)
    _page_heads(doc, layout)
    # The body starts in the document's empty first paragraph's place.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    for line in layout.lead_lines:
        _line(doc, line, 13, bold=True, after=2)
    _header_table(doc, spec, layout)
    _body(doc, spec)
    _footer_table(doc, spec)
    _attachment(doc, spec)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# LibreOffice


def convert_docx(docx_files: list[Path], out_dir: Path) -> None:
    """Convert DOCX files to PDF in `out_dir` with one headless LibreOffice run."""
    binary = soffice_path()
    if binary is None:
        raise MissingDependencyError(
            None, "libreoffice not found: office samples need `apt-get install libreoffice-writer-nogui fonts-liberation`")
    with tempfile.TemporaryDirectory(prefix="dr-lo-profile-") as profile:
        env = {**os.environ, "HOME": profile, "SAL_USE_VCLPLUGIN": "svp", "TZ": "UTC"}
        cmd = [binary, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir),
               *map(str, docx_files)]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=_TIMEOUT_S, check=False)
    missing = [f for f in docx_files if not (out_dir / f"{f.stem}.pdf").is_file()]
    if done.returncode != 0 or missing:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"libreoffice could not convert {', '.join(f.name for f in missing) or 'files'}: "
                           f"{reason[-1] if reason else 'exit ' + str(done.returncode)}")


_CREATION = re.compile(rb"/CreationDate\(D:(\d{14})([^)]*)\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{32})")


def normalise_pdf(pdf: bytes, stamp: datetime) -> bytes:
    """Overwrite what LibreOffice takes from the clock, in place and at the same byte lengths:
    /CreationDate becomes `stamp`; the two /ID halves and /DocChecksum become the MD5 of the file
    with all three blanked."""
    def when(m: re.Match[bytes]) -> bytes:
        return b"/CreationDate(D:" + stamp.strftime("%Y%m%d%H%M%S").encode() + m.group(2) + b")"

    def put(pattern: re.Pattern[bytes], data: bytes, value: bytes) -> bytes:
        def one(m: re.Match[bytes]) -> bytes:
            text = m.group(0)
            for i in range(1, (pattern.groups or 0) + 1):
                text = text.replace(m.group(i), value)
            return text
        return pattern.sub(one, data)

    out = _CREATION.sub(when, pdf)
    blank = put(_CHECKSUM, put(_ID, out, b"0" * 32), b"0" * 32)
    digest = hashlib.md5(blank).hexdigest().upper().encode()  # noqa: S324 - a file ID, not security
    out = put(_CHECKSUM, put(_ID, out, digest), digest)
    if len(out) != len(pdf) or not _ID.search(out):
        raise RuntimeError("unexpected PDF trailer from LibreOffice: cannot fix its ID")
    return out


def render_office_pdfs(items: list[tuple[str, DocSpec, OfficeLayout]]) -> dict[str, bytes]:
    """PDFs (name -> bytes) of several specs, converted in one LibreOffice run."""
    with tempfile.TemporaryDirectory(prefix="dr-office-") as tmp:
        folder = Path(tmp)
        files = []
        for name, spec, layout in items:
            path = folder / f"{name}.docx"
            path.write_bytes(build_docx(spec, layout))
            files.append(path)
        convert_docx(files, folder / "pdf")
        out = {}
        for name, spec, layout in items:
            # LibreOffice writes the date in UTC ("Z"): the e-signing moment, else 08:00 on the issue day.
            stamp = (layout.esign.signed_at.astimezone(timezone.utc).replace(tzinfo=None) if layout.esign
                     else datetime(spec.issued.year, spec.issued.month, spec.issued.day, 1, 0, 0))
            out[name] = normalise_pdf((folder / "pdf" / f"{name}.pdf").read_bytes(), stamp)
        return out


def render_office_pdf(spec: DocSpec, layout: OfficeLayout) -> bytes:
    """Born-digital PDF of `spec` made through Word (DOCX) and LibreOffice."""
    return render_office_pdfs([("document", spec, layout)])["document"]
