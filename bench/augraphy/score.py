"""Run with the project's .venv/bin/python bench/augraphy/score.py [VARIANT ...]
Scores $AUG_WORK/out/NAME.VARIANT.json against the truth with evaluate.py's own normalisers
(SCALAR_FIELDS, _scalar_values): right/total per header field and variant, and lists every wrong value.
Then the list fields (people, sendings, counts, references) as `eval` scores them (evaluate.score), F1
per variant: an excerpt (pages 1, 2, signing, last) holds only part of a long document's lists, so
their recall is below what the whole would give; compare runs, not with `eval`'s figures."""
import json
import os
import sys
from pathlib import Path
from dispatch_reader import evaluate as ev

BASE = Path(os.environ.get("AUG_WORK", "/tmp/aug"))
WORK, OUT = BASE / "work", BASE / "out"
FIELDS = ["doc_type", "number", "issuer", "issued_date", "place", "signer.name", "subject"]
variants = sys.argv[1:] or ["scan", "clean300", "photocopy", "fax", "inkpaper"]
manifest = json.loads((WORK / "manifest.json").read_text())
table = {v: {f: [0, 0] for f in FIELDS} for v in variants}
errors, summary = [], {}
lists = ev.Report()
for doc in manifest:
    truth = ev.load_truth(Path(doc["truth"]))
    want = ev._scalar_values(truth)
    for v in variants:
        p = OUT / f"{doc['name']}.{v}.json"
        if not p.exists():
            continue
        res = json.loads(p.read_text())
        got = ev._scalar_values(res.get("record") or {})
        ev.score(lists, v, doc["name"], truth, res.get("record") or {})
        for f in FIELDS:
            if want[f] is None:
                continue
            norm = ev.SCALAR_FIELDS[f]
            ok = got[f] is not None and norm(got[f]) == norm(want[f])
            table[v][f][0] += ok; table[v][f][1] += 1
            if not ok:
                errors.append((v, doc["name"], f, want[f], got[f]))
hdr = "| field | " + " | ".join(variants) + " |"
print(hdr); print("|" + "---|" * (len(variants) + 1))
for f in FIELDS:
    print(f"| {f} | " + " | ".join(f"{table[v][f][0]}/{table[v][f][1]}" for v in variants) + " |")
tot = {v: (sum(a for a, b in table[v].values() if True), sum(b for a, b in table[v].values())) for v in variants}
print("| all 7 | " + " | ".join(f"{a}/{b}" for a, b in tot.values()) + " |")
print()
LISTS = [f for f in sorted({f for _, f in lists.tallies}) if not f.startswith("document.")]
print("| list field (F1) | " + " | ".join(variants) + " |")
print("|" + "---|" * (len(variants) + 1))
for f in LISTS:
    cells = [lists.tallies.get((v, f)) for v in variants]
    print(f"| {f} | " + " | ".join("—" if t is None or t.f1 is None else f"{t.f1:.3f}" for t in cells) + " |")
print()
for e in errors:
    print(" | ".join(map(str, e)))
json.dump({"table": table, "errors": errors, "lists": lists.to_dict()["fields"]}, open(BASE / "score.json", "w"),
          ensure_ascii=False, indent=1)
