"""`dispatch-reader eval`: extraction measured against truth files, per field and per variant.

A folder holds NAME.truth.json beside the document in one or more forms: NAME.pdf (born-digital;
scored as scanned when its pages hold no text, only images), NAME.scan.pdf (scanned), or NAME.txt
(plain text, rendered here to both). The office-grade
variants (seal, receipt, photocopy, phone, fax: `synth.damage`) are made here from the
born-digital PDF (or the rendered text), cached in the work folder. Two truth shapes are
read: a full record (the samples) and the realdocs shape {"truth": {...header...}, "people", "counts"}.
A folder of real PDFs may instead hold one `truth.jsonl`: a line per PDF with `pdf`, `kind`
("text_layer" → scored as born-digital, "scan" → scanned) and `truth` (the realdocs shape's header
fields; only the fields it names are scored). The office-grade variants of such a real PDF are
made from its pages 1, 2, last and the one with the signing block (where the header and the
signature are), not the whole file.

Single-valued fields: a prediction that equals the truth is a true positive; a wrong or spurious
prediction a false positive; a truth value not predicted exactly a false negative (so a wrong
value counts on both sides). List fields (people, counts, secondments, references) are matched
as multisets of keys: people by name, counts by value, total and status, secondments by kind,
person or headcount, destination (folded, without `Ủy ban nhân dân`) and start.

What readers use is also scored field by field (`secondments.destination`, `.from_unit` (as the
sending body the summary groups by), `.position`, `.start`, `.end`, `.status`, `.action`;
`people.position`): truth and predicted
entries are paired by person or headcount, and each field of a pair is scored like a single
field; an entry without a partner counts its non-empty fields on its own side. A field is scored
only where the truth gives it (truth files without `status` score no status).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from rich.console import Console
from rich.table import Table

from dispatch_reader.errors import DispatchReaderError, UsageError
from dispatch_reader.textnorm import fold, for_matching, squash

VARIANT_NAMES = {"born": "born-digital", "scan": "scanned", "seal": "sealed", "receipt": "received",
                 "photocopy": "photocopy", "phone": "phone photo", "fax": "fax"}
DAMAGE_VARIANTS = ("seal", "receipt", "photocopy", "phone", "fax")  # made by synth.damage
EXCERPT_PAGES = [0, 1, -1]  # a real PDF's pages that its office-grade variants are made from (and its signing page)


def parse_variants(text: str) -> tuple[str, ...]:
    """`born,scan,seal` → the variants in that order; `all` is born and scan; `office` the five
    office-grade ones."""
    names: list[str] = []
    for word in (w.strip().lower() for w in text.split(",")):
        expanded = {"all": ("born", "scan"), "office": DAMAGE_VARIANTS}.get(word, (word,))
        for name in expanded:
            if name not in VARIANT_NAMES:
                raise UsageError(f"unknown variant {word!r}: use all, office or a comma list of "
                                 + ", ".join(VARIANT_NAMES))
            if name not in names:
                names.append(name)
    if not names:
        raise UsageError("no variant named")
    return tuple(names)


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
    # the receiving office's stamp on an office copy (the generator's values; no truth file has them)
    "received.number": _exact,
    "received.date": _exact,
}
LIST_FIELDS = ("references", "people", "counts", "secondments")
# fields of list entries scored on their own: list → (field, normaliser) in table order
SECONDMENT_FIELDS = ("destination", "from_unit", "position", "start", "end", "status", "action")
ATTRIBUTE_FIELDS = {"people": ("position",), "secondments": SECONDMENT_FIELDS}


def _key_text(value: Any) -> str:
    """Diacritics, case, punctuation and spacing do not matter (like the summary's grouping)."""
    return re.sub(r"[^0-9a-z]+", " ", fold(value or "")).strip()


def _destination(value: str | None) -> str | None:
    """Where people are sent as the brief shows it: `Ủy ban nhân dân xã Tân Phong` = `xã Tân Phong`."""
    from dispatch_reader.briefs.grouping import destination_label

    return _key_text(destination_label(value)) or None if value else None


def _field_text(value: str | None) -> str | None:
    from dispatch_reader.briefs.grouping import field_label

    return _key_text(field_label(value)) or None if value else None


def _sending_body(value: str | None) -> str | None:
    """The body people are sent from as the summary groups it: `Phòng Ngân sách, Sở Tài chính`
    and `Sở Tài chính` are one sending body."""
    from dispatch_reader.briefs.grouping import sending_body

    return _key_text(sending_body(value)) or None if value else None


_ATTRIBUTE_NORM: dict[str, Callable[[Any], Any]] = {
    "destination": _destination, "from_unit": _sending_body, "position": _field_text, "start": _exact, "end": _exact,
    "status": _exact, "action": _exact,
}
_SOURCE_KEY = {"destination": "to_unit"}  # the record key a scored field is read from


def _scalar_values(record: dict[str, Any]) -> dict[str, Any]:
    doc = record.get("document") or {}
    signer = doc.get("signer") or {}
    received = doc.get("received") or {}
    return {
        "doc_type": doc.get("doc_type"), "number": doc.get("number"), "issuer": doc.get("issuer"),
        "issued_date": doc.get("issued_date"), "place": doc.get("place"), "subject": doc.get("subject"),
        "signer.name": signer.get("name"), "received.number": received.get("number"),
        "received.date": received.get("date"),
    }


def _named_fields(record: dict[str, Any]) -> set[str]:
    """Scalar fields the truth speaks about (present, even as null)."""
    doc = record.get("document") or {}
    named = {k for k in SCALAR_FIELDS if k in doc}
    if "signer" in doc:
        named.add("signer.name")
    if "received" in doc:
        named |= {"received.number", "received.date"}
    return named


def _list_keys(record: dict[str, Any], with_status: bool = True) -> dict[str, list[Any] | None]:
    """Keys that make two list entries 'the same fact'. None: the truth does not list this field.
    Without `with_status` (a truth that gives no count a status) counts match on value and total."""
    def sec_key(s: dict[str, Any]) -> Any:
        return (s.get("kind"), _who(s), _destination(s.get("to_unit")), s.get("start"))

    return {
        "references": [_number(r["number"]) for r in record["references"]] if "references" in record else None,
        "people": [_name(p["name"]) for p in record["people"]] if "people" in record else None,
        "counts": [(c["value"], c.get("total"), c.get("status") if with_status else None) for c in record["counts"]]
        if "counts" in record else None,
        "secondments": [sec_key(s) for s in record["secondments"]] if "secondments" in record else None,
    }


def _who(entry: dict[str, Any]) -> Any:
    """What pairs a secondment of the truth with a predicted one: the person, else the headcount."""
    return _name(entry["person"]) if entry.get("person") else entry.get("count")


def _pairs(truth: list[dict[str, Any]], predicted: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
           ) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Entries paired by `key` in order (each used once); the rest alone on their side."""
    left = list(predicted)
    out: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for t in truth:
        k = key(t)
        match = next((p for p in left if key(p) == k), None)
        if match is not None:
            left.remove(match)
        out.append((t, match))
    out.extend((None, p) for p in left)
    return out


def _score_attributes(report: Report, variant: str, name: str, list_name: str, truth: dict[str, Any],
                      predicted: dict[str, Any]) -> None:
    """Each field readers use, scored over paired entries (see the module's doc)."""
    want = truth.get(list_name)
    if not want:
        return
    got = predicted.get(list_name) or []
    if list_name == "people":
        pairs = [(t, p) for t, p in _pairs(want, got, lambda e: _name(e["name"])) if t is not None]
        key_of = {"position": "position"}
        norms = {"position": _field_text}
    else:
        pairs = _pairs(want, got, _who)
        key_of = {f: _SOURCE_KEY.get(f, f) for f in SECONDMENT_FIELDS}
        norms = _ATTRIBUTE_NORM
    for field_name in ATTRIBUTE_FIELDS[list_name]:
        source = key_of[field_name]
        if not any(source in t for t in want):
            continue  # the truth does not speak of this field
        if list_name == "people" and not any(t.get(source) for t in want):
            continue
        tally = report.tally(variant, f"{list_name}.{field_name}")
        norm = norms[field_name]
        for t, p in pairs:
            if list_name == "people" and not (t or {}).get(source):
                continue  # a person's role is scored where the truth gives it
            tv = norm(t.get(source)) if t is not None else None
            pv = norm(p.get(source)) if p is not None else None
            same = tv is not None and pv is not None and tv == pv
            tally.tp += same
            tally.fp += pv is not None and not same
            tally.fn += tv is not None and not same
            if not same and (tv is not None or pv is not None) and t is not None and p is not None:
                who = t.get("name") or t.get("person") or t.get("count")
                report.errors.append(f"{variant} {name} {list_name}.{field_name} ({who}): expected "
                                     f"{t.get(source)!r}, got {p.get(source)!r}")


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
    # (variant, field, confidence, right) of every header fact read from an OCRed page
    confidence: list[tuple[str, str, float, bool]] = field(default_factory=list)

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
            "confidence": [
                {"variant": v, "field": f, "confident": n, "right": r, "flagged": m, "flagged_right": mr}
                for (v, f), (n, r, m, mr) in sorted(confidence_table(self).items())
            ],
        }


def _fact_confidence(record: dict[str, Any], key: str) -> float | None:
    doc = record.get("document") or {}
    if key.startswith("received."):
        return None  # the stamp is no header fact: the confidence table is the header's
    ev = (doc.get("evidence") or {}).get("signer" if key == "signer.name" else key) or {}
    return ev.get("confidence")


def confidence_table(report: Report, line: float | None = None) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(variant, field) → (facts marked confident, right among them, facts flagged for checking,
    right among those), the line being the briefs' (messages.LOW_CONFIDENCE)."""
    from dispatch_reader.messages import LOW_CONFIDENCE

    line = LOW_CONFIDENCE if line is None else line
    out: dict[tuple[str, str], list[int]] = {}
    for variant, name, conf, right in report.confidence:
        row = out.setdefault((variant, name), [0, 0, 0, 0])
        at = 0 if conf >= line else 2
        row[at] += 1
        row[at + 1] += right
    return {k: (a, b, c, d) for k, (a, b, c, d) in out.items()}


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
        conf = _fact_confidence(predicted, key) if p is not None else None
        if conf is not None:
            report.confidence.append((variant, key, conf, same))
        if not same and (t is not None or p is not None):
            report.errors.append(f"{variant} {name} {key}: expected {t!r}, got {p!r}")
    with_status = any("status" in c for c in truth.get("counts") or [])
    want_lists, got_lists = _list_keys(truth, with_status), _list_keys(predicted, with_status)
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
        if key in ATTRIBUTE_FIELDS:
            _score_attributes(report, variant, name, key, truth, predicted)


Case = tuple[str, Callable[[], dict[str, Any]], dict[str, Path | None]]


def find_cases(dirs: Iterable[Path]) -> list[Case]:
    """(name, truth loader, sources) for every truth found. Sources: {born: pdf|txt, scan: pdf|txt},
    and for a real text-layer PDF of a truth.jsonl also {excerpt: pdf}: its office-grade
    variants are made from pages 1, 2, last and the signing page of it."""
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
            if born.exists() and not scan.exists() and not _has_text_layer(born):
                # a NAME.pdf of page images is a scan: scored as one, not as born-digital (a
                # tester's folder of scans read as `born-digital (10 docs)`)
                born, scan = folder / f"{stem}.none", born
            cases.append((stem, lambda truth=truth: load_truth(truth), {
                "born": born if born.exists() else (txt if txt.exists() else None),
                "scan": scan if scan.exists() else (txt if txt.exists() else None),
            }))
    return cases


def _has_text_layer(pdf: Path) -> bool:
    """Does any page of the PDF hold text (an unreadable file is left to the reading to report)?"""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError:
        return True
    try:
        for page in doc:
            text = page.get_textpage().get_text_range()
            if text.strip():
                return True
        return False
    finally:
        doc.close()


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
        sources: dict[str, Path | None] = {variant: pdf}
        if variant == "born":  # office-grade copies are made from its first, signing and last pages
            sources["excerpt"] = pdf
        cases.append((entry.get("id") or pdf.stem, lambda record=record: record, sources))
    return cases


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()[:12]


def _born_pdf(source: Path, work_dir: Path) -> Path:
    """A PDF as it is; a text file rendered to a born-digital PDF (cached by content)."""
    if source.suffix.lower() != ".txt":
        return source
    from dispatch_reader.synth import render_text_pdf

    work_dir.mkdir(parents=True, exist_ok=True)
    born = work_dir / f"{source.stem}-{_digest(source.read_bytes())}.pdf"
    if not born.exists():
        born.write_bytes(render_text_pdf(source.read_text("utf-8")))
    return born


def _scanned(source: Path, work_dir: Path) -> Path:
    """A scanned PDF as it is; a text file rendered and then scanned (cached by content)."""
    if source.suffix.lower() != ".txt":
        return source
    from dispatch_reader.synth import scan_pdf

    digest = _digest(source.read_bytes())
    scan = work_dir / f"{source.stem}-{digest}.scan.pdf"
    if not scan.exists():
        scan.write_bytes(scan_pdf(_born_pdf(source, work_dir).read_bytes(), seed=int(digest[:8], 16)))
    return scan


def _office_copy(variant: str, source: Path, work_dir: Path, truth: dict[str, Any], excerpt: bool) -> Path:
    """The office-grade `variant` of a born-digital source (synth.damage), cached under a key of
    the PDF's content, the truth facts it uses, the variant and the generator's version; beside
    it, the receipt stamp's values (`_stamp_file`)."""
    from dispatch_reader.synth.damage import GENERATOR_VERSION, DocFacts, damage_copy, excerpt_pdf, signing_page

    data = _born_pdf(source, work_dir).read_bytes()
    facts = DocFacts.from_record(truth)
    basis = data
    if excerpt:
        signing = signing_page(data, facts.signer)
        pages = EXCERPT_PAGES + ([signing] if signing is not None else [])
        excerpted = excerpt_pdf(data, pages)
        # the excerpt's own bytes change from run to run (a new PDF's file ID): the copy is keyed
        # and seeded by the source and the pages taken, so that it is made once and the same
        if excerpted != data:
            basis = data + repr(sorted(set(pages))).encode()
        data = excerpted
    seed = int(_digest(basis)[:8], 16)
    key = _digest(basis + repr((facts, variant, GENERATOR_VERSION, excerpt)).encode())
    work_dir.mkdir(parents=True, exist_ok=True)
    out = work_dir / f"{source.stem}-{key}.{variant}.pdf"
    stamp = _stamp_file(out)
    if not out.exists() or not stamp.exists():
        copy = damage_copy(data, variant, seed=seed, facts=facts)
        received = copy.received and {"number": str(copy.received.number), "date": copy.received.date.isoformat()}
        # two runs may make the same files at once: each writes its own, then moves it in place
        for path, content in ((stamp, json.dumps(received).encode()), (out, copy.pdf)):
            tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
            tmp.write_bytes(content)
            tmp.replace(path)
    return out


def _stamp_file(copy: Path) -> Path:
    return copy.with_name(copy.name[:-len(".pdf")] + ".received.json")


def _with_stamp(truth: dict[str, Any], copy: Path) -> dict[str, Any]:
    """The truth of an office copy: the document's, and the receipt stamp's values (None where
    the copy carries no stamp, so a stamp read there is a false positive)."""
    stamp = _stamp_file(copy)
    if not stamp.exists():
        return truth
    doc = dict(truth.get("document") or {})
    doc["received"] = json.loads(stamp.read_text("utf-8"))
    return {**truth, "document": doc}


def _materialise(sources: dict[str, Path | None], variant: str, work_dir: Path, truth: dict[str, Any]) -> Path | None:
    """The file to read for `variant`, made (and cached in `work_dir`) when it is not on disk;
    None when the case has no source for it."""
    if variant == "born":
        return _born_pdf(sources["born"], work_dir) if sources.get("born") else None
    if variant == "scan":
        return _scanned(sources["scan"], work_dir) if sources.get("scan") else None
    origin = sources.get("excerpt") or sources.get("born")
    if origin is None:
        return None
    return _office_copy(variant, origin, work_dir, truth, excerpt=sources.get("excerpt") is not None)


def evaluate(dirs: list[Path], variants: tuple[str, ...] = ("born", "scan"), work_dir: Path = Path(".cache/eval"),
             settings: Any = None, progress: Console | None = None) -> Report:
    from dispatch_reader.pipeline import extract_file

    report = Report()
    cases = find_cases(dirs)
    for i, (name, load, sources) in enumerate(cases, 1):
        truth = load()
        for variant in variants:
            try:
                path = _materialise(sources, variant, work_dir, truth)
                if path is None:
                    continue
                if progress:
                    progress.print(f"[{i}/{len(cases)}] {variant:9} {name}", markup=False, highlight=False)
                record = extract_file(path, settings)
            except DispatchReaderError as err:
                report.failures.append(f"{variant} {name}: {err}")
                continue
            except Exception as exc:  # a crash on one document is a finding, not the end of the run
                report.failures.append(f"{variant} {name}: crashed ({type(exc).__name__}: {exc})")
                continue
            report.documents[variant] += 1
            score(report, variant, name, truth if variant in ("born", "scan") else _with_stamp(truth, path),
                  record.to_dict())
    return report


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _rows(report: Report) -> tuple[list[str], list[list[str]]]:
    """Column titles and one row of "P / R / F1" cells per field that was scored anywhere."""
    variants = [v for v in VARIANT_NAMES if report.documents.get(v)]
    titles = ["field"] + [f"{VARIANT_NAMES[v]} ({report.documents[v]} docs)" for v in variants]
    rows = []
    names = [f"document.{k}" for k in SCALAR_FIELDS]
    for list_name in LIST_FIELDS:
        names += [list_name] + [f"{list_name}.{a}" for a in ATTRIBUTE_FIELDS.get(list_name, ())]
    for f in names:
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


def _print_confidence(report: Report, console: Console) -> None:
    """Does the confidence mean something: of the facts read from OCRed pages and marked
    confident, how many were right; how many were flagged for checking, and how many of those
    were right after all."""
    table = confidence_table(report)
    if not table:
        return
    out = Table(title="Header facts from OCRed pages: marked confident (right/all) · flagged for checking (right/all)")
    variants = [v for v in VARIANT_NAMES if any(k[0] == v for k in table)]
    out.add_column("field")
    for v in variants:
        out.add_column(VARIANT_NAMES[v], justify="right")
    for key in SCALAR_FIELDS:
        cells = []
        for v in variants:
            n, r, m, mr = table.get((v, key), (0, 0, 0, 0))
            cells.append(f"{r}/{n} · {mr}/{m}" if n + m else "n/a")
        if any(c != "n/a" for c in cells):
            out.add_row(key, *cells)
    console.print(out)


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
    _print_confidence(report, console)
    for failure in report.failures:
        console.print(f"failed: {failure}", markup=False, highlight=False)
    if show_errors:
        for e in report.errors:
            console.print(e, markup=False, highlight=False)
