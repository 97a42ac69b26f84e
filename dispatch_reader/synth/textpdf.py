"""Render a plain text file as a born-digital PDF, lines kept as they are."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from dispatch_reader.synth.fonts import register_fonts
from dispatch_reader.textnorm import nfc

_SIZE = 12
_LEADING = 16
_LEFT, _RIGHT, _TOP, _BOTTOM = 2.5 * cm, 2 * cm, 2 * cm, 2 * cm


def _fit(line: str, font: str, width: float) -> list[str]:
    """Split a line too wide for the page at spaces; short lines pass unchanged."""
    if stringWidth(line, font, _SIZE) <= width:
        return [line]
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, _SIZE) > width:
            out.append(current)
            current = word
        else:
            current = trial
    out.append(current)
    return out


def render_text_pdf(text: str) -> bytes:
    """A4 PDF of `text`: one PDF line per text line (over-long lines wrapped at spaces),
    a new page at each form feed or when the page is full. Deterministic bytes."""
    font = register_fonts()
    width = A4[0] - _LEFT - _RIGHT
    per_page = int((A4[1] - _TOP - _BOTTOM) // _LEADING)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.setTitle("dispatch-reader text render")
    canvas.setCreator("dispatch-reader synth")
    canvas.setProducer("dispatch-reader synth")
    chunks = nfc(text).replace("\r\n", "\n").split("\f")
    for chunk in chunks:
        lines = [part for raw in chunk.split("\n") for part in _fit(raw.rstrip(), font, width)]
        if chunk.endswith("\n"):
            lines = lines[:-1]
        for start in range(0, max(len(lines), 1), per_page):
            y = A4[1] - _TOP - _SIZE
            for line in lines[start:start + per_page]:
                if line:
                    canvas.setFont(font, _SIZE)
                    canvas.drawString(_LEFT, y, line)
                y -= _LEADING
            canvas.showPage()
    canvas.save()
    return buf.getvalue()
