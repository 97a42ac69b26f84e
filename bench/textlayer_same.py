"""Does a change to text-layer reading keep the output exactly? Old code vs new, field by field.

Dumps, for every page of the born-digital samples and of ../shared/realpdfs-dev/*.pdf (read in
place), what `textlayer.read_layer` gives (size, rotation, image measures, every word with its
box, font and unmapped-character count) and what `read_document` gives with OCR off (text,
method, reason, size, words with boxes, tables), then compares two dumps. Floats are compared
exactly (repr), not approximately.

Dumps run with PYTHONHASHSEED=0 (the script restarts itself so): a word set in two fonts
equally often takes the one a set of the names gives first, which follows string hashing.

    # the old code, from a worktree of the commit before the change
    git worktree add /tmp/tl-before HEAD
    PYTHONPATH=/tmp/tl-before .venv/bin/python bench/textlayer_same.py dump /tmp/old.pkl
    .venv/bin/python bench/textlayer_same.py dump /tmp/new.pkl
    .venv/bin/python bench/textlayer_same.py compare /tmp/old.pkl /tmp/new.pkl
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from pathlib import Path

from _same import plain

ROOT = Path(__file__).resolve().parent.parent


def files(samples_only: bool = False) -> list[Path]:
    out = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]
    if not samples_only:
        out += sorted((ROOT.parent / "shared" / "realpdfs-dev").glob("*.pdf"))
    return out


def dump(out: Path, samples_only: bool = False) -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    import pypdfium2 as pdfium

    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.ingest.settings import IngestSettings
    from dispatch_reader.ingest.textlayer import load_page, read_layer

    import dispatch_reader
    print("code from", Path(dispatch_reader.__file__).parent, file=sys.stderr)
    settings = IngestSettings(cache_dir=None, ocr_mode="never")
    result: dict[str, dict[str, object]] = {}
    for f in files(samples_only):
        layers = []
        pdf = pdfium.PdfDocument(str(f))
        try:
            for i in range(len(pdf)):
                page = load_page(pdf, i)
                layers.append(plain(read_layer(page)))
                page.close()
        finally:
            pdf.close()
        try:
            doc: object = plain(read_document(f, settings).pages)
        except Exception as e:  # the same refusal on both sides is the same output
            doc = f"error: {type(e).__name__}: {e}"
        result[f.name] = {"layers": layers, "pages": doc}
    out.write_bytes(pickle.dumps(result))
    pages = sum(len(v["layers"]) for v in result.values())  # type: ignore[arg-type]
    print(f"{len(result)} files, {pages} pages -> {out}", file=sys.stderr)


def _diff(a: object, b: object, where: str, found: list[str]) -> None:
    if len(found) >= 30:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                found.append(f"{where}.{k}: only on one side")
            else:
                _diff(a[k], b[k], f"{where}.{k}", found)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            found.append(f"{where}: {len(a)} vs {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{where}[{i}]", found)
    elif a != b:
        found.append(f"{where}: {a!r} vs {b!r}"[:300])


def compare(old: Path, new: Path) -> int:
    a, b = pickle.loads(old.read_bytes()), pickle.loads(new.read_bytes())
    found: list[str] = []
    _diff(a, b, "", found)
    pages = sum(len(v["layers"]) for v in a.values())
    words = sum(len(layer["words"]) for v in a.values() for layer in v["layers"])
    if found:
        print(f"DIFFERENT ({len(found)}{'+' if len(found) >= 30 else ''} differences):")
        print("\n".join(found))
        return 1
    print(f"identical: {len(a)} files, {pages} pages, {words} layer words")
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--samples-only", action="store_true", help="only the born-digital samples (a quick check)")
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.samples_only)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
