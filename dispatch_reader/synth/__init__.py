"""Synthetic documents with known truth: specs, the PDF renderer, and the scan simulator.

Used by `samples/generate.py` to build the sample set and by evaluation to render real texts
the same way (born-digital and scanned).
"""

from dispatch_reader.synth.pagetext import locate, page_texts
from dispatch_reader.synth.render import render_spec_pdf
from dispatch_reader.synth.scan import scan_pdf
from dispatch_reader.synth.spec import (
    Attachment,
    Block,
    DocSpec,
    PressSpec,
    SignatureBlock,
)
from dispatch_reader.synth.textpdf import render_text_pdf

__all__ = [
    "Attachment", "Block", "DocSpec", "PressSpec", "SignatureBlock",
    "locate", "page_texts", "render_spec_pdf", "render_text_pdf", "scan_pdf",
]
