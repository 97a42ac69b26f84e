"""Letters that worn or low-resolution print makes Tesseract read as others (`TI` for `H`).

Only ever tried against a closed list (provinces, document titles): a variant is taken when
it is a known name and the reading as it stands is not."""

from __future__ import annotations

import re

from dispatch_reader.extract import resources


def lookalike_variants(text: str) -> list[str]:
    """`text` with one look-alike at a word's start, or inside a word in capitals, put back
    as the letter it stands for (data/glyph_lookalikes.tsv)."""
    out = []
    for wrong, right in resources.rows("glyph_lookalikes.tsv"):
        for m in re.finditer(re.escape(wrong), text):
            before = text[:m.start()]
            word_start = not before or not before[-1].isalnum()
            in_capitals = before[-1:].isupper() and wrong.isupper()
            if word_start or in_capitals:
                out.append(before + right + text[m.end():])
    return out
