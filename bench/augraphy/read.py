"""Run with the project's .venv/bin/python bench/augraphy/read.py VARIANT [VARIANT ...] [--only NAME ...]
Reads $AUG_WORK/work/NAME.VARIANT.pdf with the project's own reader (read_document + build_record,
exactly what `extract` and `eval` run), one OCR worker, no OCR cache, and writes
$AUG_WORK/out/NAME.VARIANT.json: the record and the text of every page."""
import json
import os
import sys
import time
from pathlib import Path
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.reader import read_document
from dispatch_reader.pipeline import build_record

BASE = Path(os.environ.get("AUG_WORK", "/tmp/aug"))
WORK, OUT = BASE / "work", BASE / "out"
OUT.mkdir(exist_ok=True)
args = sys.argv[1:]
# diagnostics: --tag TAG --set field=value (IngestSettings overrides; output NAME.VARIANT+TAG.json)
tag, overrides = "", {}
while "--tag" in args:
    i = args.index("--tag"); tag = "+" + args[i + 1]; del args[i:i + 2]
while "--set" in args:
    i = args.index("--set"); k, val = args[i + 1].split("="); del args[i:i + 2]
    overrides[k] = {"true": True, "false": False}.get(val.lower(), val)
only = set(args[args.index("--only") + 1:]) if "--only" in args else None
variants = args[: args.index("--only")] if only else args
settings = IngestSettings(workers=1, cache_dir=None, **overrides)
for doc in json.loads((WORK / "manifest.json").read_text()):
    if only and doc["name"] not in only:
        continue
    for v in variants:
        pdf = WORK / f"{doc['name']}.{v}.pdf"
        out = OUT / f"{doc['name']}.{v}{tag}.json"
        if out.exists() or not pdf.exists():
            continue
        t = time.monotonic()
        try:
            document = read_document(pdf, settings)
            record = build_record(pdf, document).to_dict()
            res = {"record": record, "pages": [{"method": p.method, "conf": p.ocr_confidence, "text": p.text}
                                               for p in document.pages]}
        except Exception as exc:
            res = {"error": f"{type(exc).__name__}: {exc}"}
        res["seconds"] = round(time.monotonic() - t, 1)
        out.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str))
        print(doc["name"], v + tag, res["seconds"], "s", res.get("error", ""), flush=True)
