"""Character error rate of our OCR against the source text, per clean-up variant.

Corpora:
  samples   samples/NAME.scan.pdf against the text layer of samples/NAME.pdf
  realdocs  ../shared/realdocs-dev/rdNNN.txt rendered born-digital and scanned the way the
            samples are (dispatch_reader.synth), OCR against the rendered text layer

Prints one table row per (variant, corpus): CER with and without diacritics, mean OCR
confidence, seconds per page. OCR results are cached per variant (.cache/bench-ocr), so a
second run only recomputes the numbers.

    .venv/bin/python bench/cer.py [--variants deskew,none,...] [--realdoc-lines 90] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch_reader.ingest.cer import cer, diacritic_word_errors  # noqa: E402
from dispatch_reader.ingest.reader import read_document  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402

VARIANTS: dict[str, dict[str, object]] = {
    "none": {"deskew": False, "remove_rules": False, "binarize": "none", "denoise": False},
    "rules": {"deskew": False, "remove_rules": True, "binarize": "none", "denoise": False},
    "deskew": {"deskew": True, "remove_rules": False, "binarize": "none", "denoise": False},
    "deskew+rules": {"deskew": True, "remove_rules": True, "binarize": "none", "denoise": False},
    "deskew+rules+otsu": {"deskew": True, "remove_rules": True, "binarize": "otsu", "denoise": False},
    "deskew+rules+adaptive": {"deskew": True, "remove_rules": True, "binarize": "adaptive", "denoise": False},
    "deskew+rules+median": {"deskew": True, "remove_rules": True, "binarize": "none", "denoise": True},
    "deskew+rules@200dpi": {"deskew": True, "remove_rules": True, "binarize": "none", "denoise": False, "dpi": 200},
    "deskew+rules+native": {"deskew": True, "remove_rules": True, "keep_scan_resolution": True},
    "deskew+rules+median+native": {"deskew": True, "remove_rules": True, "denoise": True, "keep_scan_resolution": True},
    "deskew+rules+otsu+native": {"deskew": True, "remove_rules": True, "binarize": "otsu", "keep_scan_resolution": True},
    "deskew+rules+median+otsu": {"deskew": True, "remove_rules": True, "denoise": True, "binarize": "otsu"},
    "default": {},  # IngestSettings() as shipped
}


def sample_pairs() -> list[tuple[str, Path, Path]]:
    pairs = []
    for scan in sorted((ROOT / "samples").glob("*.scan.pdf")):
        born = scan.with_name(scan.name.replace(".scan.pdf", ".pdf"))
        if born.exists():
            pairs.append((scan.name.replace(".scan.pdf", ""), born, scan))
    return pairs


def realdoc_pairs(folder: Path, lines: int, out: Path, dpi: int) -> list[tuple[str, Path, Path]]:
    from dispatch_reader.synth import render_text_pdf, scan_pdf

    pairs = []
    for i, txt in enumerate(sorted(folder.glob("rd*.txt"))):
        text = "\n".join(txt.read_text("utf-8").splitlines()[:lines])
        born_bytes = render_text_pdf(text)
        born, scan = out / f"{txt.stem}.pdf", out / f"{txt.stem}.scan.pdf"
        born.write_bytes(born_bytes)
        scan.write_bytes(scan_pdf(born_bytes, seed=1000 + i, dpi=dpi))
        pairs.append((txt.stem, born, scan))
    return pairs


def measure(pairs: list[tuple[str, Path, Path]], settings: IngestSettings, per_doc: bool) -> dict[str, float]:
    totals = {"edits": 0, "chars": 0, "edits_nd": 0, "chars_nd": 0, "pages": 0, "conf": 0.0, "seconds": 0.0,
              "words": 0, "tone_words": 0, "circumflex_words": 0}
    for name, born, scan in pairs:
        ref = read_document(born, replace(settings, ocr_mode="never"))
        started = time.perf_counter()
        hyp = read_document(scan, settings)
        totals["seconds"] += time.perf_counter() - started
        doc_e = doc_c = 0
        for r, h in zip(ref.pages, hyp.pages):
            e, c = cer(h.text, r.text)
            end, cnd = cer(h.text, r.text, diacritics=False)
            totals["edits"] += e
            totals["chars"] += c
            totals["edits_nd"] += end
            totals["chars_nd"] += cnd
            totals["pages"] += 1
            totals["conf"] += h.ocr_confidence or 0.0
            words, tone, circ = diacritic_word_errors(h.text, r.text)
            totals["words"] += words
            totals["tone_words"] += tone
            totals["circumflex_words"] += circ
            doc_e, doc_c = doc_e + e, doc_c + c
        if per_doc:
            print(f"    {name:24s} CER {doc_e / max(doc_c, 1):6.2%}", file=sys.stderr)
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--corpora", default="samples,realdocs")
    ap.add_argument("--realdocs", type=Path, default=ROOT.parent / "shared" / "realdocs-dev")
    ap.add_argument("--realdoc-lines", type=int, default=90, help="lines of each real text to render (~2 pages)")
    ap.add_argument("--scan-dpi", type=int, default=200, help="resolution of the realdocs scans (samples are 200)")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--cache-dir", type=Path, default=ROOT / ".cache" / "bench-ocr")
    ap.add_argument("--per-doc", action="store_true", help="also print CER per document (stderr)")
    args = ap.parse_args()

    corpora: dict[str, list[tuple[str, Path, Path]]] = {}
    tmp = tempfile.TemporaryDirectory(prefix="dr-cer-")
    wanted = args.corpora.split(",")
    if "samples" in wanted:
        corpora["samples"] = sample_pairs()
    if "realdocs" in wanted:
        if args.realdocs.is_dir():
            corpora[f"realdocs@{args.scan_dpi}"] = realdoc_pairs(args.realdocs, args.realdoc_lines, Path(tmp.name),
                                                                 args.scan_dpi)
        else:
            print(f"(no {args.realdocs}: realdocs corpus skipped)")

    print(f"{'variant':28s} {'corpus':12s} {'pages':>5s} {'CER':>7s} {'CER no-diacritics':>18s} {'mean conf':>9s} {'s/page':>7s} {'diacritic-only word errors':>27s}")
    for variant in args.variants.split(","):
        settings = IngestSettings(workers=args.workers, cache_dir=args.cache_dir, **VARIANTS[variant])  # type: ignore[arg-type]
        for corpus, pairs in corpora.items():
            t = measure(pairs, settings, args.per_doc)
            pages = max(int(t["pages"]), 1)
            print(f"{variant:28s} {corpus:12s} {pages:5d} {t['edits'] / max(t['chars'], 1):7.2%} "
                  f"{t['edits_nd'] / max(t['chars_nd'], 1):18.2%} {t['conf'] / pages:9.3f} {t['seconds'] / pages:7.2f} "
                  f"{t['tone_words'] / max(t['words'], 1):10.2%} ({int(t['circumflex_words'])} of {int(t['tone_words'])} on â/ê/ô)",
                  flush=True)
    tmp.cleanup()


if __name__ == "__main__":
    main()
