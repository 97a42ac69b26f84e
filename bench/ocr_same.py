"""Does a change to the OCR stage keep its output exactly? Old code vs new, page by page.

Dumps, for every page of the scanned samples (samples/*.scan.pdf) and of the image-only PDFs
of ../shared/realpdfs-dev/ (read in place; `"kind": "scan"` in its truth.jsonl), what one OCR
worker gives: `worker.run_job` (every word with its box, confidence and line key, rotation,
skew, page size, notes, table rules) and `read_document` (text, method, reason, confidence,
words with boxes, tables), cache off, one worker. Floats are compared exactly (repr). Each
dump also records the CPU seconds each file took (this process, its children and its
Tesseract engines), so two dumps made taking turns compare speed too.

    git worktree add -f --detach /tmp/h14before HEAD
    PYTHONPATH=/tmp/h14before .venv/bin/python bench/ocr_same.py dump /tmp/old.pkl
    .venv/bin/python bench/ocr_same.py dump /tmp/new.pkl
    .venv/bin/python bench/ocr_same.py compare /tmp/old.pkl /tmp/new.pkl

`side-by-side BEFORE_TREE [--after AFTER_TREE]` runs the two (AFTER_TREE defaults to this
one) in turns, file by file, each in a fresh process, and prints CPU seconds a page for each
and whether every dump is identical (the OCR jobs' output; `dump`/`compare` check
read_document's pages too). Nothing of a document's text is printed, only counts and names.

    .venv/bin/python bench/ocr_same.py side-by-side /tmp/h14before --after /tmp/h14after
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from _same import cpu_seconds, plain

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "realpdfs-dev"


def files(real: Path = REAL) -> list[Path]:
    out = sorted((ROOT / "samples").glob("*.scan.pdf"))
    truth = real / "truth.jsonl"
    if truth.exists():
        for line in truth.read_text("utf-8").splitlines():
            entry = json.loads(line)
            if entry.get("kind") == "scan" and (real / entry["pdf"]).exists():
                out.append(real / entry["pdf"])
    return out


def dump(out: Path, only: list[str] | None = None, jobs_only: bool = False, real: Path = REAL) -> None:
    import pypdfium2 as pdfium

    import dispatch_reader
    from dispatch_reader.ingest import worker
    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.ingest.settings import IngestSettings

    print("code from", Path(dispatch_reader.__file__).parent, file=sys.stderr)
    settings = IngestSettings(cache_dir=None, workers=1)
    result: dict[str, dict[str, object]] = {}
    for f in files(real):
        if only and f.name not in only:
            continue
        n = len(pdfium.PdfDocument(str(f)))
        started = cpu_seconds()
        jobs = [plain(worker.run_job(worker.OcrJob(str(f), "pdf", i, settings))) for i in range(n)]
        job_cpu = cpu_seconds() - started
        doc: object = None
        if not jobs_only:
            try:
                doc = plain(read_document(f, settings).pages)
            except Exception as e:  # the same refusal on both sides is the same output
                doc = f"error: {type(e).__name__}: {e}"
        result[f.name] = {"jobs": jobs, "pages": doc, "n": n, "job_cpu": job_cpu}
    out.write_bytes(pickle.dumps(result))
    pages = sum(v["n"] for v in result.values())  # type: ignore[misc]
    cpu = sum(v["job_cpu"] for v in result.values())  # type: ignore[misc]
    print(f"{len(result)} files, {pages} pages, {cpu / max(pages, 1):.3f} CPU s a page (OCR jobs) -> {out}",
          file=sys.stderr)


def _diff(a: object, b: object, where: str) -> str | None:
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        if a.keys() != b.keys():  # type: ignore[union-attr]
            return f"{where}: keys {sorted(set(a) ^ set(b))}"  # type: ignore[arg-type]
        for k in a:
            d = _diff(a[k], b[k], f"{where}.{k}")  # type: ignore[index]
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):  # type: ignore[arg-type]
            return f"{where}: {len(a)} vs {len(b)} items"  # type: ignore[arg-type]
        for i, (x, y) in enumerate(zip(a, b)):  # type: ignore[call-overload]
            d = _diff(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{where}: differs"  # never the values: they are a document's text


def compare(old: Path, new: Path) -> bool:
    a, b = pickle.loads(old.read_bytes()), pickle.loads(new.read_bytes())
    same = True
    if a.keys() != b.keys():
        print("different files:", sorted(set(a) ^ set(b)))
        same = False
    words = pages = 0
    for name in sorted(set(a) & set(b)):
        for part in ("jobs", "pages"):
            d = _diff(a[name][part], b[name][part], f"{name}:{part}")
            if d:
                print("DIFFERENT", d)
                same = False
        pages += a[name]["n"]
        words += sum(len(j["page"]["words"]) for j in a[name]["jobs"] if j["page"])
    print(f"{len(a)} files, {pages} pages, {words} words: {'IDENTICAL' if same else 'NOT IDENTICAL'}")
    return same


def side_by_side(before: Path, after: Path, rounds: int, folder: Path, real: Path = REAL) -> None:
    """The two trees take turns file by file, `rounds` times; each dump of a file in a fresh
    process. CPU seconds a page (OCR jobs only), and whether every dump pair is identical."""
    folder.mkdir(parents=True, exist_ok=True)
    trees = {"before": before, "after": after}
    cpu = {k: 0.0 for k in trees}
    pages = 0
    same = True
    for r in range(rounds):
        for f in files(real):
            order = list(trees.items()) if r % 2 == 0 else list(reversed(trees.items()))
            for label, tree in order:
                out = folder / f"{label}-{r}-{f.name}.pkl"
                env = dict(os.environ, PYTHONPATH=str(tree))
                subprocess.run([sys.executable, str(Path(__file__).resolve()), "dump", str(out), "--only", f.name,
                                "--jobs-only", "--real", str(real)], env=env, check=True, stderr=subprocess.DEVNULL)
                got = pickle.loads(out.read_bytes())[f.name]
                cpu[label] += got["job_cpu"]
                if label == "before":
                    pages += got["n"]
            a = pickle.loads((folder / f"before-{r}-{f.name}.pkl").read_bytes())[f.name]
            b = pickle.loads((folder / f"after-{r}-{f.name}.pkl").read_bytes())[f.name]
            d = _diff(a["jobs"], b["jobs"], f.name)
            if d:
                print("DIFFERENT", d)
                same = False
            print(f"  round {r + 1} {f.name[:40]:40s} {a['n']:3d} p  before {a['job_cpu']:6.2f} s  "
                  f"after {b['job_cpu']:6.2f} s", flush=True)
    print(f"CPU seconds a page (one worker, OCR jobs, {pages} pages over {rounds} round(s)): "
          f"before {cpu['before'] / pages:.3f}, after {cpu['after'] / pages:.3f} "
          f"({(cpu['before'] - cpu['after']) / pages:+.3f} s saved a page); output "
          f"{'IDENTICAL' if same else 'NOT IDENTICAL'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--only", action="append", help="this file name only (repeatable)")
    d.add_argument("--jobs-only", action="store_true", help="only the OCR jobs, not read_document too")
    d.add_argument("--real", type=Path, default=REAL, help="folder of real PDFs with truth.jsonl")
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    s = sub.add_parser("side-by-side")
    s.add_argument("before", type=Path)
    s.add_argument("--after", type=Path, default=ROOT, help="the tree with the change (default: this one)")
    s.add_argument("--real", type=Path, default=REAL, help="folder of real PDFs with truth.jsonl")
    s.add_argument("--rounds", type=int, default=1)
    s.add_argument("--folder", type=Path, default=Path("/tmp/ocr-same"))
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.only, args.jobs_only, args.real)
    elif args.cmd == "compare":
        sys.exit(0 if compare(args.old, args.new) else 1)
    else:
        side_by_side(args.before, args.after, args.rounds, args.folder, args.real)


if __name__ == "__main__":
    main()
