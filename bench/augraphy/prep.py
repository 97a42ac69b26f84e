"""Run with the project's .venv/bin/python. Makes, under $AUG_WORK/work (default /tmp/aug/work):
  NAME.born.pdf      born-digital PDF (samples: as is; realdocs: rendered from the text, as eval does)
  NAME.excerpt.pdf   pages 1, 2, signing page and last (as eval's office variants pick them)
  NAME.scan.pdf      the excerpt through the project's scan_pdf (eval's `scanned` variant recipe)
  pages/NAME-pK.png  300 dpi clean renders of the excerpt pages (input to make.py / augraphy)
  NAME.clean300.pdf  those clean renders assembled as an image PDF (control: no damage)
"""
import hashlib
import json
import os
from pathlib import Path
import pypdfium2 as pdfium
from PIL import Image
from dispatch_reader import evaluate as ev
from dispatch_reader.synth.damage import DocFacts, excerpt_pdf, signing_page
from dispatch_reader.synth import scan_pdf

ROOT = Path(__file__).resolve().parents[2]
WORK = Path(os.environ.get("AUG_WORK", "/tmp/aug")) / "work"
(WORK / "pages").mkdir(parents=True, exist_ok=True)
# real texts are read in place from ../shared (never copied into the repository)
REAL = ROOT.parent / "shared" / "realdocs-dev"
SAMP = ROOT / "samples"
DOCS = [REAL / f"{n}" for n in ("rd042", "rd044", "rd048", "rd052", "rd054", "rd060")] + \
       [SAMP / n for n in ("qd-biet-phai-01", "qd-biet-phai-office-01", "cv-tang-cuong-01",
                           "cv-de-nghi-xa-01", "qd-dieu-dong-xa-01", "tb-ket-luan-01")]
manifest = []
for base in DOCS:
    name = base.name
    truth = ev.load_truth(base.with_name(name + ".truth.json"))
    src = base.with_name(name + ".pdf")
    if not src.exists():
        src = base.with_name(name + ".txt")
    born = ev._born_pdf(src, WORK / "render")
    data = born.read_bytes()
    (WORK / f"{name}.born.pdf").write_bytes(data)
    facts = DocFacts.from_record(truth)
    sig = signing_page(data, facts.signer)
    pdf = pdfium.PdfDocument(data); n = len(pdf); pdf.close()
    want = [0, 1, -1] + ([sig] if sig is not None else [])
    ex = excerpt_pdf(data, want)
    (WORK / f"{name}.excerpt.pdf").write_bytes(ex)
    seed = int(hashlib.sha256(ex).hexdigest()[:8], 16)
    (WORK / f"{name}.scan.pdf").write_bytes(scan_pdf(ex, seed=seed))
    doc = pdfium.PdfDocument(ex); pngs = []
    for i in range(len(doc)):
        img = doc[i].render(scale=300 / 72).to_pil().convert("RGB")
        p = WORK / "pages" / f"{name}-p{i+1}.png"; img.save(p, dpi=(300, 300)); pngs.append(p.name)
    imgs = [Image.open(WORK / "pages" / p) for p in pngs]
    imgs[0].save(WORK / f"{name}.clean300.pdf", save_all=True, append_images=imgs[1:], resolution=300)
    manifest.append({"name": name, "truth": str(base.with_name(name + ".truth.json")), "pages_full": n,
                     "signing_page": sig, "excerpt_pages": len(doc), "pngs": pngs})
    print(name, "pages", n, "signing", sig, "excerpt", len(doc), flush=True)
(WORK / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
