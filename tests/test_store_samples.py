"""The samples as a user processes them (`dispatch-reader process samples/` into a fresh store: every
born-digital file, its scan, and the English press reports) read per document: people named in
two documents are the people the samples' truth names in two different documents, the export has
one row per secondment of a document, and a brief asked for by number names the files it used.

Slow: the store is made once for the module, which OCRs the 23 scans."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from dispatch_reader.store import keys
from dispatch_reader.store.identity import FileFacts, role

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TRUTHS = {p.name[:-len(".truth.json")]: json.loads(p.read_text("utf-8")) for p in sorted(SAMPLES.glob("*.truth.json"))}


def _cli(url: str, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DISPATCH_READER_DB": url, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "dispatch_reader", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh store with every sample processed (the data folders are the suite's own, conftest.py)."""
    work = tmp_path_factory.mktemp("samples-store")
    url = f"sqlite:///{work / 'records.sqlite3'}"
    result = _cli(url, "process", str(SAMPLES), "--out", str(work / "briefs"), timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{2 * len(TRUTHS)} processed" in result.stdout
    return url


def _named_in(decided_only: bool) -> dict[str, set[str]]:
    """Folded name → the samples (documents) whose truth names the person; with `decided_only`,
    only where the document itself sends them (a press report tells of a sending, it sends nobody)."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, truth in TRUTHS.items():
        report = role(FileFacts.from_record(truth)) == "report"
        named = [s["person"] for s in truth["secondments"]
                 if s.get("person") and (not decided_only or (s["status"] == "decided" and not report))]
        if not decided_only:
            named += [p["name"] for p in truth["people"]]
        for person in named:
            out[keys.key(person)].add(name)
    return {k: v for k, v in out.items() if len(v) >= 2}


def _people(url: str, *args: str) -> dict[str, set[str]]:
    result = _cli(url, "people", *args, "--json")
    assert result.returncode == 0, result.stderr
    out: dict[str, set[str]] = {}
    for person in json.loads(result.stdout):
        documents = {e["file_name"][:-len(".pdf")] for e in person["events"]}  # the file each document is read from
        assert len(documents) == person["documents"]  # a document counts once, whatever its files
        out[keys.key(person["name"])] = documents
    return out


def test_people_in_two_documents_are_those_the_truth_names_in_two_documents(store_url):
    # seconded (the default): the two people decision 245/QĐ-SNV sends and 61/QĐ-SNV extends
    assert _people(store_url, "--min-docs", "2") == _named_in(decided_only=True) == {
        " lo van pang ": {"qd-biet-phai-02", "qd-gia-han-01"}, " quang van on ": {"qd-biet-phai-02", "qd-gia-han-01"}}
    # every mention: signers, and the people an English report names (Nguyen Van Khai = Nguyễn Văn Khải)
    everyone = _people(store_url, "--all", "--min-docs", "2")
    assert everyone == _named_in(decided_only=False)
    assert everyone[" nguyen van khai "] == {"qd-biet-phai-01", "en-press-02"}
    khai = json.loads(_cli(store_url, "people", "Nguyen Van Khai", "--json").stdout)
    assert [(p["name"], sorted(p["names"])) for p in khai] == [("Nguyễn Văn Khải", ["Nguyen Van Khai", "Nguyễn Văn Khải"])]
    assert sorted(e["action"] for e in khai[0]["events"]) == ["reported", "sent"]


def test_export_has_one_row_per_secondment_of_a_document(store_url):
    result = _cli(store_url, "export", "secondments", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    truth = Counter({name: len(t["secondments"]) for name, t in TRUTHS.items() if t["secondments"]})
    assert len(rows) == sum(truth.values())  # not doubled by the scans
    assert Counter(r["source_file"][:-len(".pdf")] for r in rows) == truth  # each from the born-digital file
    for r in rows:
        stem = r["source_file"][:-len(".pdf")]
        born, scan = ("report", "report") if stem.startswith("en-press") else ("original", "scan")
        assert re.fullmatch(rf"{stem}\.pdf \({born}, used\); {stem}\.scan\.pdf \({scan}, OCR [01]\.\d\d\)", r["files"])
    documents = json.loads(_cli(store_url, "export", "documents", "--format", "json").stdout)
    assert len(documents) == len(TRUTHS) and {d["file_count"] for d in documents} == {2}
    assert {d["report_on"] for d in documents if d["report_on"]} == {"1418/UBND-NC", "1587/QD-UBND", "402/BC-SNV"}
    assert len(json.loads(_cli(store_url, "export", "files", "--format", "json").stdout)) == 2 * len(TRUTHS)


def test_a_brief_by_number_names_the_files_it_used(store_url, tmp_path):
    for number in ("1587/QĐ-UBND", "1587/QD-UBND"):
        result = _cli(store_url, "brief", number, "--format", "md", "--out", "-")
        assert result.returncode == 0, result.stderr
        assert ("2 files of one document; the brief is made from qd-biet-phai-01.pdf (original, 2 pages), the best "
                "read; also: qd-biet-phai-01.scan.pdf (scan, OCR") in result.stderr
        assert "reported in en-press-02.pdf (report" in result.stderr
        assert "different documents match" not in result.stderr
        foot = result.stdout.strip().splitlines()[-1]
        assert "qd-biet-phai-01.pdf" in foot and "qd-biet-phai-01.scan.pdf (bản quét, OCR" in foot
        assert "en-press-02.pdf (bài báo, báo cáo về văn bản)" in foot
    show = _cli(store_url, "show", "1587/QĐ-UBND")
    assert "qd-biet-phai-01.scan.pdf (scan, OCR" in show.stdout and "reports on: 1587/QĐ-UBND" in show.stdout
    hits = [json.loads(line) for line in _cli(store_url, "search", "--number", "1587", "--json").stdout.splitlines()]
    assert sorted((h["files"], h["report_on"]) for h in hits) == [
        (["en-press-02.pdf", "en-press-02.scan.pdf"], "1587/QD-UBND"), (["qd-biet-phai-01.pdf", "qd-biet-phai-01.scan.pdf"], None)]


def test_the_summary_from_the_store_counts_each_document_once(store_url):
    result = _cli(store_url, "summary", "--format", "md", "--out", "-", "--today", "2025-12-01")
    assert result.returncode == 0, result.stderr
    assert "**40**" in result.stdout  # the decided sendings (tests/test_briefs_status.py)
    assert "26 tệp là bản sao" in result.stdout  # 46 files, 20 documents counted (3 press reports with theirs)
