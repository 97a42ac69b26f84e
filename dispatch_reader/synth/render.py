"""Render a DocSpec or PressSpec as a born-digital A4 PDF (real text, deterministic bytes)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dispatch_reader.synth.fonts import register_fonts
from dispatch_reader.synth.spec import DocSpec, PressSpec
from dispatch_reader.textnorm import nfc

# Decree 30 margins: top/bottom 2 cm, left 3 cm, right 1.5-2 cm.
_MARGINS = {"leftMargin": 3 * cm, "rightMargin": 2 * cm, "topMargin": 2 * cm, "bottomMargin": 2 * cm}
_FRAME_W = A4[0] - _MARGINS["leftMargin"] - _MARGINS["rightMargin"]
_LAND_W = A4[1] - 4 * cm  # frame width of a landscape attachment page
_LEFT_COL = 6.2 * cm  # issuer column; the rest is the motto column


def _styles(font: str) -> dict[str, ParagraphStyle]:
    bold, italic, bi = font + "-Bold", font + "-Italic", font + "-BoldItalic"
    base = ParagraphStyle("base", fontName=font, fontSize=13, leading=17)
    return {
        "issuer_parent": ParagraphStyle("ip", base, fontSize=12, leading=15, alignment=TA_CENTER),
        "issuer": ParagraphStyle("is", base, fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "motto1": ParagraphStyle("m1", base, fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "motto2": ParagraphStyle("m2", base, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "number": ParagraphStyle("no", base, fontSize=13, leading=16, alignment=TA_CENTER),
        "vv": ParagraphStyle("vv", base, fontSize=12, leading=14, alignment=TA_CENTER),
        "dateline": ParagraphStyle("dl", base, fontName=italic, fontSize=13, leading=16, alignment=TA_CENTER),
        "mark": ParagraphStyle("mk", base, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "type": ParagraphStyle("ty", base, fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER, spaceBefore=14),
        "subject": ParagraphStyle("su", base, fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER),
        "body": ParagraphStyle("bo", base, alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceBefore=3, spaceAfter=3),
        "noindent": ParagraphStyle("ni", base, alignment=TA_JUSTIFY, spaceBefore=3, spaceAfter=3),
        "center_bold": ParagraphStyle("cb", base, fontName=bold, alignment=TA_CENTER, spaceBefore=6, spaceAfter=6),
        "center": ParagraphStyle("ce", base, alignment=TA_CENTER, spaceBefore=3, spaceAfter=3),
        "left_bold": ParagraphStyle("lb", base, fontName=bold, spaceBefore=6, spaceAfter=3),
        "kinh_gui": ParagraphStyle("kg", base, fontSize=13, leading=17, leftIndent=3 * cm),
        "noi_nhan_head": ParagraphStyle("nnh", base, fontName=bi, fontSize=12, leading=14),
        "noi_nhan": ParagraphStyle("nn", base, fontSize=11, leading=13),
        "sig": ParagraphStyle("sg", base, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "att_title": ParagraphStyle("at", base, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "att_note": ParagraphStyle("an", base, fontName=italic, fontSize=12, leading=15, alignment=TA_CENTER, spaceAfter=8),
        "cell_head": ParagraphStyle("ch", base, fontName=bold, fontSize=11, leading=13, alignment=TA_CENTER),
        "cell": ParagraphStyle("ce2", base, fontSize=11, leading=13),
        "headline": ParagraphStyle("hl", base, fontName=bold, fontSize=17, leading=22, spaceAfter=10),
        "dateline_en": ParagraphStyle("de", base, fontName=italic, fontSize=11, leading=14, spaceAfter=6),
        "press": ParagraphStyle("pr", base, fontSize=11.5, leading=15.5, alignment=TA_JUSTIFY, spaceAfter=7),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(nfc(text)), style)


class _Rule(Flowable):
    """A short centred horizontal line, as under the issuer and under the subject."""

    def __init__(self, width: float, avail: float, space: float = 3) -> None:
        super().__init__()
        self.rule_w, self.avail, self.space = width, avail, space

    def wrap(self, *_: float) -> tuple[float, float]:
        return self.avail, self.space * 2

    def draw(self) -> None:
        x0 = (self.avail - self.rule_w) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x0, self.space, x0 + self.rule_w, self.space)


def _grid(rows: list[list[object]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return t


def _header(spec: DocSpec, st: dict[str, ParagraphStyle]) -> list[object]:
    right_w = _FRAME_W - _LEFT_COL
    left: list[object] = []
    *parents, issuer = spec.issuer_lines
    left += [_p(line, st["issuer_parent"]) for line in parents]
    left += [_p(issuer, st["issuer"]), _Rule(2.2 * cm, _LEFT_COL), Spacer(1, 4)]
    left.append(_p(f"Số: {spec.number}", st["number"]))
    left += [_p(line, st["vv"]) for line in spec.vv_lines]
    right: list[object] = [
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["motto1"]),
        _p("Độc lập - Tự do - Hạnh phúc", st["motto2"]),
        _Rule(5.2 * cm, right_w),
        Spacer(1, 4 + 15 * max(0, len(parents) - 1)),
        _p(spec.date_line(), st["dateline"]),
    ]
    out: list[object] = [_grid([[left, right]], [_LEFT_COL, right_w])]
    for mark in spec.marks:
        out += [Spacer(1, 6), _boxed(mark, st["mark"])]
    return out


def _boxed(text: str, style: ParagraphStyle) -> Table:
    width = stringWidth(nfc(text), style.fontName, style.fontSize) + 0.8 * cm
    t = Table([[_p(text, style)]], colWidths=[max(width, 2.4 * cm)], hAlign="LEFT")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return t


def _block(text: str, lead: str, style: ParagraphStyle) -> Paragraph:
    markup = escape(nfc(text))
    if lead:
        markup = f"<b>{escape(nfc(lead))}</b> {markup}" if text else f"<b>{escape(nfc(lead))}</b>"
    return Paragraph(markup, style)


def _footer_blocks(spec: DocSpec, st: dict[str, ParagraphStyle]) -> list[object]:
    left: list[object] = []
    if spec.noi_nhan:
        left.append(_p("Nơi nhận:", st["noi_nhan_head"]))
        left += [_p(line, st["noi_nhan"]) for line in spec.noi_nhan]
    right: list[object] = []
    sig = spec.signature
    if sig:
        if sig.authority:
            right.append(_p(sig.authority, st["sig"]))
        right += [_p(sig.title, st["sig"]), Spacer(1, 2.0 * cm), _p(sig.name, st["sig"])]
    left_w = 8.0 * cm
    return [Spacer(1, 10), KeepTogether(_grid([[left, right]], [left_w, _FRAME_W - left_w]))]


def _attachment(spec: DocSpec, st: dict[str, ParagraphStyle]) -> list[object]:
    att = spec.attachment
    if att is None:
        return []
    # Lists with many columns go on landscape pages, as offices print them.
    out: list[object] = [NextPageTemplate("landscape"), PageBreak(), _p(att.title, st["att_title"])]
    out += [_p(line, st["att_title"]) for line in att.subtitle_lines]
    out.append(_p(att.note, st["att_note"]))
    widths_cm = att.col_widths_cm or [_FRAME_W / cm / len(att.columns)] * len(att.columns)
    scale = _LAND_W / (sum(widths_cm) * cm)
    widths = [w * cm * scale for w in widths_cm]
    rows = [[_p(c, st["cell_head"]) for c in att.columns]]
    rows += [[_p(c, st["cell"]) for c in row] for row in att.rows]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return out + [table]


def _page_number(canvas: object, doc: object) -> None:
    # Decree 30: page numbers from page 2 on, centred in the top margin.
    page = canvas.getPageNumber()  # type: ignore[attr-defined]
    if page > 1:
        canvas.setFont(register_fonts(), 12)  # type: ignore[attr-defined]
        width, height = canvas._pagesize  # type: ignore[attr-defined]
        canvas.drawCentredString(width / 2, height - 1.2 * cm, str(page))  # type: ignore[attr-defined]


def _build(story: list[object], title: str, margins: dict[str, float]) -> bytes:
    buf = io.BytesIO()
    # invariant=1 fixes creation dates and the file ID, so reruns give identical bytes.
    doc = BaseDocTemplate(
        buf, pagesize=A4, invariant=1, title=nfc(title), author="dispatch-reader synth",
        creator="dispatch-reader synth", producer="dispatch-reader synth", subject="", **margins,
    )
    land = landscape(A4)
    portrait_frame = Frame(margins["leftMargin"], margins["bottomMargin"],
                           A4[0] - margins["leftMargin"] - margins["rightMargin"],
                           A4[1] - margins["topMargin"] - margins["bottomMargin"], id="p")
    land_frame = Frame(2 * cm, 2 * cm, land[0] - 4 * cm, land[1] - 4 * cm, id="l")
    doc.addPageTemplates([
        PageTemplate("portrait", [portrait_frame], onPage=_page_number, pagesize=A4),
        PageTemplate("landscape", [land_frame], onPage=_page_number, pagesize=land),
    ])
    doc.build(story)
    return buf.getvalue()


def render_spec_pdf(spec: DocSpec | PressSpec) -> bytes:
    """Born-digital A4 PDF of a spec, deterministic for equal specs."""
    st = _styles(register_fonts())
    if isinstance(spec, PressSpec):
        story: list[object] = [_p(spec.headline, st["headline"])]
        if spec.dateline:
            story.append(_p(spec.dateline, st["dateline_en"]))
        story += [_p(par, st["press"]) for par in spec.paragraphs]
        margins = {"leftMargin": 2.5 * cm, "rightMargin": 2.5 * cm, "topMargin": 2.5 * cm, "bottomMargin": 2.5 * cm}
        return _build(story, spec.headline, margins)

    story = _header(spec, st)
    if spec.type_label:
        story.append(_p(spec.type_label, st["type"]))
        story += [_p(line, st["subject"]) for line in spec.subject_lines]
        story.append(_Rule(4 * cm, _FRAME_W, space=5))
    if spec.kinh_gui:
        story.append(Spacer(1, 14))
        first, *rest = spec.kinh_gui
        prefix = "Kính gửi: " if not rest else "Kính gửi:"
        if rest:
            story.append(_p("Kính gửi:", ParagraphStyle("kgh", st["kinh_gui"], leftIndent=2 * cm)))
            story += [_p(f"- {r}", st["kinh_gui"]) for r in spec.kinh_gui]
        else:
            story.append(_p(prefix + first, ParagraphStyle("kg1", st["kinh_gui"], leftIndent=2 * cm)))
        story.append(Spacer(1, 8))
    else:
        story.append(Spacer(1, 6))
    for b in spec.body:
        story.append(_block(b.text, b.lead, st[b.kind]))
    story += _footer_blocks(spec, st)
    story += _attachment(spec, st)
    title = f"{spec.type_label or 'CÔNG VĂN'} {spec.number}"
    return _build(story, title, _MARGINS)
