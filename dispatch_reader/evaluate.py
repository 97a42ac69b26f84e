"""`dispatch-reader eval`: extraction measured against truth files, per field and per variant.

A folder holds NAME.truth.json beside the document in one or more forms: NAME.pdf (born-digital),
NAME.scan.pdf (scanned), or NAME.txt (plain text, rendered here to both). Two truth shapes are
read: a full record (the samples) and the realdocs shape {"truth": {...header...}, "people", "counts"}.
A folder of real PDFs may instead hold one `truth.jsonl`: a line per PDF with `pdf`, `kind`
("text_layer" → scored as born-digital, "scan" → scanned) and `truth` (the realdocs shape's header
fields; only the fields it names are scored).

Single-valued fields: a prediction that equals the truth is a true positive; a wrong or spurious
prediction a false positive; a truth value not predicted exactly a false negative (so a wrong
value counts on both sides). List fields (people, counts, secondments, references) are matched
as multisets of keys.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from rich.console import Console
from rich.table import Table

from dispatch_reader.errors import DispatchReaderError
from dispatch_reader.textnorm import fold, for_matching, squash

VARIANT_NAMES = {"born": "born-digital", "scan": "scanned"}


def _exact(value: Any) -> Any:
    return value


def _number(value: str) -> str:
    return re.sub(r"\s+", "", for_matching(value))


def _text(value: str) -> str:
    """Case, spacing and final punctuation don't matter; letters and diacritics do."""
    return squash(for_matching(value)).casefold().rstrip(" .;:,")


def _issuer(value: str) -> str:
    text = _text(value).replace("ubnd", "ủy ban nhân dân").replace("hđnd", "hội đồng nhân dân")
    return re.sub(r"\s*-\s*", " - ", text)


def _name(value: str) -> str:
    return squash(for_matching(value)).casefold()


SCALAR_FIELDS: dict[str, Callable[[Any], Any]] = {
    "doc_type": _exact,
    "number": _number,
    "issuer": _issuer,
    "issued_date": _exact,
    "place": _text,
    "subject": _text,
    "signer.name": _name,
}
LIST_FIELDS = ("references", "people", "counts", "secondments")


def _scalar_values(record: dict[str, Any]) -> dict[str, Any]:
    doc = record.get("document") or {}
    signer = doc.get("signer") or {}
    return {
        "doc_type": doc.get("doc_type"), "number": doc.get("number"), "issuer": doc.get("issuer"),
        "issued_date": doc.get("issued_date"), "place": doc.get("place"), "subject": doc.get("subject"),
        "signer.name": signer.get("name"),
    }


def _named_fields(record: dict[str, Any]) -> set[str]:
    """Scalar fields the truth speaks about (present, even as null)."""
    doc = record.get("document") or {}
    named = {k for k in SCALAR_FIELDS if k in doc}
    if "signer" in doc:
        named.add("signer.name")
    return named


def _list_keys(record: dict[str, Any]) -> dict[str, list[Any] | None]:
    """Keys that make two list entries 'the same fact'. None: the truth does not list this field."""
    def sec_key(s: dict[str, Any]) -> Any:
        return (s.get("kind"), _name(s["person"]) if s.get("person") else s.get("count"), s.get("start"))

    return {
        "references": [_number(r["number"]) for r in record["references"]] if "references" in record else None,
        "people": [_name(p["name"]) for p in record["people"]] if "people" in record else None,
        "counts": [(c["value"], c.get("total")) for c in record["counts"]] if "counts" in record else None,
        "secondments": [sec_key(s) for s in record["secondments"]] if "secondments" in record else None,
    }


def load_truth(path: Path) -> dict[str, Any]:
    """Either truth shape, as a record-shaped dict (absent lists stay absent: not scored)."""
    return truth_record(json.loads(path.read_text("utf-8")))


def truth_record(data: dict[str, Any], only_named: bool = False) -> dict[str, Any]:
    """A truth in either shape as a record-shaped dict. With `only_named`, header fields the
    truth does not name are left out of the document, so they are not scored."""
    if "truth" not in data:
        return data
    t = data["truth"]
    document = {
        "doc_type": t.get("doc_type"), "number": t.get("number"), "issuer": t.get("issuer"),
        "issued_date": t.get("issued_date"), "place": t.get("place"), "subject": t.get("subject"),
        "signer": {"name": t.get("signer_name")},
    }
    if only_named:
        document = {k: v for k, v in document.items() if (k if k != "signer" else "signer_name") in t}
    converted: dict[str, Any] = {"document": document}
    for key in ("people", "counts", "secondments", "references"):
        if key in data:
            converted[key] = data[key]
    return converted


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (variant, field)
    documents: Counter[str] = field(default_factory=Counter)  # variant -> documents scored
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # wrong values, for --errors

    def tally(self, variant: str, name: str) -> Tally:
        return self.tallies.setdefault((variant, name), Tally())

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": dict(self.documents),
            "failures": self.failures,
            "fields": [
                {"variant": v, "field": f, "tp": t.tp, "fp": t.fp, "fn": t.fn,
                 "precision": t.precision, "recall": t.recall, "f1": t.f1}
                for (v, f), t in sorted(self.tallies.items())
            ],
        }


def score(report: Report, variant: str, name: str, truth: dict[str, Any], predicted: dict[str, Any]) -> None:
    """Add one document's comparison to the report."""
    want, got = _scalar_values(truth), _scalar_values(predicted)
    named = _named_fields(truth)
    for key, norm in SCALAR_FIELDS.items():
        if key not in named:
            continue
        t, p = want[key], got[key]
        tally = report.tally(variant, f"document.{key}")
        same = t is not None and p is not None and norm(t) == norm(p)
        tally.tp += same
        tally.fp += p is not None and not same
        tally.fn += t is not None and not same
        if not same and (t is not None or p is not None):
            report.errors.append(f"{variant} {name} {key}: expected {t!r}, got {p!r}")
    want_lists, got_lists = _list_keys(truth), _list_keys(predicted)
    for key in LIST_FIELDS:
        if want_lists[key] is None:
            continue
        t_keys, p_keys = Counter(want_lists[key]), Counter(got_lists[key] or [])
        common = sum((t_keys & p_keys).values())
        tally = report.tally(variant, key)
        tally.tp += common
        tally.fp += sum(p_keys.values()) - common
        tally.fn += sum(t_keys.values()) - common
        missing, extra = t_keys - p_keys, p_keys - t_keys
        if missing or extra:
            report.errors.append(f"{variant} {name} {key}: missing {sorted(map(str, missing))}, extra {sorted(map(str, extra))}")


Case = tuple[str, Callable[[], dict[str, Any]], dict[str, Path | None]]


def find_cases(dirs: Iterable[Path]) -> list[Case]:
    """(name, truth loader, {born: pdf|txt, scan: pdf|txt}) for every truth found."""
    cases: list[Case] = []
    for folder in dirs:
        listing = folder / "truth.jsonl"
        if listing.exists():
            cases.extend(_jsonl_cases(listing))
            continue
        for truth in sorted(folder.glob("*.truth.json")):
            stem = truth.name[: -len(".truth.json")]
            txt = folder / f"{stem}.txt"
            born = folder / f"{stem}.pdf"
            scan = folder / f"{stem}.scan.pdf"
            cases.append((stem, lambda truth=truth: load_truth(truth), {
                "born": born if born.exists() else (txt if txt.exists() else None),
                "scan": scan if scan.exists() else (txt if txt.exists() else None),
            }))
    return cases


def _jsonl_cases(listing: Path) -> list[Case]:
    cases: list[Case] = []
    for n, line in enumerate(listing.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            pdf = listing.parent / entry["pdf"]
        except (ValueError, KeyError, TypeError) as exc:
            raise DispatchReaderError(listing, f"line {n} is not a truth entry ({exc})") from None
        variant = "scan" if entry.get("kind") == "scan" else "born"
        record = truth_record(entry, only_named=True)
        cases.append((entry.get("id") or pdf.stem, lambda record=record: record,
                       {variant: pdf}))
    return cases


def _materialise(source: Path, variant: str, work_dir: Path) -> Path:
    """A text file becomes a born-digital PDF, and that PDF a scanned one; cached by content."""
    if source.suffix.lower() != ".txt":
        return source
    import hashlib

    from dispatch_reader.synth import render_text_pdf, scan_pdf

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    work_dir.mkdir(parents=True, exist_ok=True)
    born = work_dir / f"{source.stem}-{digest}.pdf"
    if not born.exists():
        born.write_bytes(render_text_pdf(source.read_text("utf-8")))
    if variant == "born":
        return born
    scan = work_dir / f"{source.stem}-{digest}.scan.pdf"
    if not scan.exists():
        scan.write_bytes(scan_pdf(born.read_bytes(), seed=int(digest[:8], 16)))
    return scan


def evaluate(dirs: list[Path], variants: tuple[str, ...] = ("born", "scan"), work_dir: Path = Path(".cache/eval"),
             settings: Any = None, progress: Console | None = None) -> Report:
    from dispatch_reader.pipeline import extract_file

    report = Report()
    cases = find_cases(dirs)
    for i, (name, load, sources) in enumerate(cases, 1):
        truth = load()
        for variant in variants:
            source = sources.get(variant)
            if source is None:
                continue
            if progress:
                progress.print(f"[{i}/{len(cases)}] {variant:4} {name}", markup=False, highlight=False)
            try:
                record = extract_file(_materialise(source, variant, work_dir), settings)
            except DispatchReaderError as err:
                report.failures.append(f"{variant} {name}: {err}")
                continue
            except Exception as exc:  # a crash on one document is a finding, not the end of the run
                report.failures.append(f"{variant} {name}: crashed ({type(exc).__name__}: {exc})")
                continue
            report.documents[variant] += 1
            score(report, variant, name, truth, record.to_dict())
    return report


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _rows(report: Report) -> tuple[list[str], list[list[str]]]:
    """Column titles and one row of "P / R / F1" cells per field that was scored anywhere."""
    variants = [v for v in VARIANT_NAMES if report.documents.get(v)]
    titles = ["field"] + [f"{VARIANT_NAMES[v]} ({report.documents[v]} docs)" for v in variants]
    rows = []
    for f in [f"document.{k}" for k in SCALAR_FIELDS] + list(LIST_FIELDS):
        cells = []
        for v in variants:
            t = report.tallies.get((v, f))
            cells.append("n/a" if t is None or (t.tp + t.fp + t.fn) == 0 else
                         f"{_fmt(t.precision)} / {_fmt(t.recall)} / {_fmt(t.f1)}")
        if any(c != "n/a" for c in cells):
            rows.append([f, *cells])
    return titles, rows


def markdown_table(report: Report) -> str:
    titles, rows = _rows(report)
    lines = ["| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def print_report(report: Report, console: Console, show_errors: bool = False, markdown: bool = False) -> None:
    if markdown:
        console.print(markdown_table(report), markup=False, highlight=False, soft_wrap=True)
    else:
        titles, rows = _rows(report)
        table = Table(title="Extraction vs truth (P / R / F1)")
        for i, title in enumerate(titles):
            table.add_column(title, justify="right" if i else "left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    for failure in report.failures:
        console.print(f"failed: {failure}", markup=False, highlight=False)
    if show_errors:
        for e in report.errors:
            console.print(e, markup=False, highlight=False)
