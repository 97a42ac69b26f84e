"""Render one page of each office-grade variant of a sample for the README.

    .venv/bin/python docs/make_variants.py [SAMPLE]

Writes docs/variants/{seal,receipt,photocopy,phone,fax}.png from samples/SAMPLE.pdf (default
cv-tang-cuong-office-01, fictional people): the signature page for `seal`, page 1 for the others.
Each is downscaled to 760 px wide and kept under 150 KB (palette or one bit per pixel).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dispatch_reader.evaluate import load_truth  # noqa: E402
from dispatch_reader.synth.damage import VARIANTS, DocFacts, damage_pdf  # noqa: E402
from dispatch_reader.synth.damage.layout import find_signature, read_pages  # noqa: E402

WIDTH = 760
LIMIT = 150 * 1024


def page_image(pdf: bytes, index: int):  # noqa: ANN201 - a PIL image
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    page = doc[index]
    width_pt = page.get_size()[0]
    image = page.render(scale=WIDTH * 1.5 / width_pt).to_pil().convert("RGB")
    doc.close()
    return image.resize((WIDTH, round(image.height * WIDTH / image.width)), resample=3)


def save_small(image, path: Path, binary: bool) -> None:  # noqa: ANN001
    import cv2
    import numpy as np
    from PIL import Image

    if not binary:  # scanner and sensor noise do not compress; the picture does not need them
        rgb = cv2.fastNlMeansDenoisingColored(np.asarray(image), None, 6, 6, 5, 15)
        image = Image.fromarray(rgb)
    for colours in (256, 128, 64, 32):
        out = io.BytesIO()
        small = image.convert("1") if binary else image.quantize(colours, method=2, dither=0)
        small.save(out, format="PNG", optimize=True)
        if out.tell() <= LIMIT:
            break
    path.write_bytes(out.getvalue())


def main(sample: str = "cv-tang-cuong-office-01") -> None:
    import pypdfium2 as pdfium

    born = (ROOT / "samples" / f"{sample}.pdf").read_bytes()
    facts = DocFacts.from_record(load_truth(ROOT / "samples" / f"{sample}.truth.json"))
    spot = find_signature(read_pages(pdfium.PdfDocument(born)), facts.signer)
    folder = ROOT / "docs" / "variants"
    folder.mkdir(parents=True, exist_ok=True)
    for variant in VARIANTS:
        pdf = damage_pdf(born, variant, seed=11, facts=facts)
        index = spot.page if variant == "seal" and spot else 0
        path = folder / f"{variant}.png"
        save_small(page_image(pdf, index), path, binary=variant in ("photocopy", "fax"))
        print(f"{path.relative_to(ROOT)}: page {index + 1}, {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(*sys.argv[1:2])
