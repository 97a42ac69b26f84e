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
# another set (a second work folder): AUG_DOCS=path,path,… — a text's or sample's path without
# its extension, or a real PDF beside a truth.jsonl (its truth names the header facts only)
if os.environ.get("AUG_DOCS"):
    DOCS = [Path(p) for p in os.environ["AUG_DOCS"].split(",")]


def truth_of(base: Path) -> tuple[Path, Path]:
    """(truth file, source file) of a listed document; a real PDF's truth.jsonl line is written
    out as a truth file of its own under the work folder."""
    if base.suffix == ".pdf":
        for line in (base.parent / "truth.jsonl").read_text("utf-8").splitlines():
            entry = json.loads(line) if line.strip() else {}
            if entry.get("pdf") == base.name:
                out = WORK / "truths" / f"{base.stem}.truth.json"
                out.parent.mkdir(exist_ok=True)
                out.write_text(json.dumps(entry, ensure_ascii=False))
                return out, base
        raise SystemExit(f"{base}: no line of its truth.jsonl names it")
    src = base.with_name(base.name + ".pdf")
    return base.with_name(base.name + ".truth.json"), src if src.exists() else base.with_name(base.name + ".txt")


manifest = []
for base in DOCS:
    name = base.stem if base.suffix == ".pdf" else base.name
    truth_path, src = truth_of(base)
    truth = ev.load_truth(truth_path)
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
    manifest.append({"name": name, "truth": str(truth_path), "pages_full": n,
                     "signing_page": sig, "excerpt_pages": len(doc), "pngs": pngs})
    print(name, "pages", n, "signing", sig, "excerpt", len(doc), flush=True)
(WORK / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
