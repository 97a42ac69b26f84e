"""The store commands through the command line: search, show, export, people, db."""

from __future__ import annotations

import re

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.store import open_store


@pytest.fixture
def db(sqlite_url):
    with open_store(sqlite_url) as store:
        for r in (
            make_record("a", number="15/QĐ-UBND", issued="2025-08-04"),
            make_record("b", number="1335/UBND-NC", doc_type="official_dispatch", issued="2025-09-20",
                        subject="V/v tăng cường nhân lực cho các xã", people=[("Lò Thông Nhất", "Sở Y tế")],
                        secondments=[{"person": "Lò Thông Nhất", "from_unit": "Sở Y tế", "to_unit": "xã Mường Tè"}]),
        ):
            store.save(r, page_texts=page_text_for(r), extractor_version="1.0")
    return sqlite_url


def run(app, *args, env=None):
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def test_search_json_and_table(app, db):
    res = run(app, "search", "--person", "lo thong nhat", "--json", "--db", db)
    assert res.exit_code == 0
    hits = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(h["number"], h["date"], h["matched"]) for h in hits] == [("1335/UBND-NC", "2025-09-20", "person")]
    assert "Lò Thông Nhất" in hits[0]["quote"]
    res = run(app, "search", "tang cuong", "--db", db, env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "1335/UBND-NC" in res.stdout and "15/QĐ-UBND" not in res.stdout


def test_db_from_environment(app, db):
    res = run(app, "search", "--commune", "Mường Tè", "--json", env={"DISPATCH_READER_DB": db})
    assert [json.loads(x)["number"] for x in res.stdout.splitlines()] == ["1335/UBND-NC"]


def test_show_prints_evidence_and_json(app, db):
    res = run(app, "show", "15/QĐ-UBND", "--history", "--db", db, env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert 'p. 1: "Số: 15/QĐ-UBND"' in res.stdout and "created by 1.0" in res.stdout
    res = run(app, "show", "15/qd-ubnd", "--json", "--db", db)
    assert json.loads(res.stdout)["document"]["number"] == "15/QĐ-UBND"


def test_export_csv_to_stdout_has_bom(app, db):
    res = run(app, "export", "secondments", "--format", "csv", "--raw", "--commune", "muong te", "--db", db)
    assert res.exit_code == 0
    assert res.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(res.stdout_bytes.decode("utf-8-sig"), newline="")))
    assert [(r["person"], r["to_unit"]) for r in rows] == [("Lò Thông Nhất", "xã Mường Tè")]


def test_export_xlsx_file(app, db, tmp_path):
    out = tmp_path / "d.xlsx"
    res = run(app, "export", "documents", "-f", "xlsx", "--out", str(out), "--db", db)
    assert res.exit_code == 0 and out.stat().st_size > 0


def test_people(app, db):
    res = run(app, "people", "Lo Thong Nhat", "--json", "--db", db)
    people = json.loads(res.stdout)
    assert [(p["name"], p["documents"], [e["to_unit"] for e in p["events"]]) for p in people] == [
        ("Lò Thông Nhất", 1, ["xã Mường Tè"])]


@pytest.mark.parametrize("args, message, code", [
    (["show", "999/XX"], "no stored document matches '999/XX'", 10),  # not found
    (["search", "--from", "tomorrow"], "not a date", 2),
    (["search", "--type", "memo"], "unknown document type", 2),
    (["export", "documents", "--format", "xlsx"], "xlsx needs --out", 2),
    (["export", "parcels"], "cannot export 'parcels'", 2),
])
def test_bad_input_is_one_line_error(app, db, args, message, code):
    res = CliRunner().invoke(app, [*args, "--db", db])
    assert res.exit_code == code
    assert message in res.stderr and "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_unreachable_database_is_one_line_error(app, tmp_path):
    res = CliRunner().invoke(app, ["search", "x", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert res.exit_code == 7  # StoreError
    assert res.stderr.startswith("error: postgresql+psycopg://nobody@127.0.0.1:1/none: cannot open the database")


def test_db_upgrade_and_info(app, tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    res = run(app, "db", "upgrade", "--db", url)
    newest = re.search(r"revision (\d{4}) \(newest (\d{4})\)", res.stdout)
    assert res.exit_code == 0 and newest and newest[1] == newest[2] and int(newest[1]) >= 4
    assert run(app, "db", "upgrade", "--db", url).exit_code == 0
    res = run(app, "db", "info", "--db", url)
    assert "documents: 0" in res.stdout and "files: 0" in res.stdout


def test_every_command_has_help_with_an_example(app):
    for cmd in (["search"], ["show"], ["export"], ["people"], ["db", "upgrade"], ["db", "info"], ["db", "history"]):
        res = run(app, *cmd, "--help")
        assert res.exit_code == 0 and "dispatch-reader " + " ".join(cmd) in res.stdout and "--db" in res.stdout
    # every command and group of the main command line, found by walking it (a new one is covered too)
    import typer

    from dispatch_reader.cli import app as main_app

    def commands(command, path):
        found = [path] if path else []
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found += commands(sub, [*path, name])
        return found

    paths = commands(typer.main.get_command(main_app), [])
    assert {"cache", "cache info", "cache clear", "db", "db info", "process", "watch", "batch"} <= \
        {" ".join(p) for p in paths}
    for cmd in paths:
        res = run(main_app, *cmd, "--help")
        assert res.exit_code == 0, cmd
        assert "Example" in res.stdout and "dispatch-reader " + " ".join(cmd) in res.stdout, cmd


def test_people_merge_split_and_overrides(app, sqlite_url):
    with open_store(sqlite_url) as store:
        for label, number, name in (("a", "10/QĐ-UBND", "Nguyễn Văn Khải"), ("b", "20/QĐ-UBND", "Nguyễn Văn Khả")):
            r = make_record(label, number=number, people=[(name, None)],
                            secondments=[{"person": name, "to_unit": "xã Tân Phong"}])
            store.save(r, page_texts=page_text_for(r), extractor_version="1.0")
    res = run(app, "people", "merge", "Nguyễn Văn Khả@20/QĐ-UBND", "Nguyen Van Khai@10/QD-UBND", "--db", sqlite_url)
    assert res.exit_code == 0 and "are one person from now on (override 1" in res.stdout
    people = json.loads(run(app, "people", "Khải", "--json", "--db", sqlite_url).stdout)
    assert [(p["documents"], p["ref"]) for p in people] == [(2, "Nguyễn Văn Khải@10/QĐ-UBND")]
    assert "1: merge nguyen van kha in doc:20/qd-ubnd|2025-08-04" in run(app, "people", "overrides", "--db", sqlite_url).stdout
    assert run(app, "people", "forget", "1", "--db", sqlite_url).exit_code == 0
    assert len(json.loads(run(app, "people", "Khải", "--json", "--db", sqlite_url).stdout)) == 1  # Khả apart again
    res = CliRunner().invoke(app, ["people", "split", "Nguyễn Văn Khả", "--db", sqlite_url])
    assert res.exit_code == 2 and "two people" in res.stderr


def test_show_lists_the_files_of_a_document(app, sqlite_url):
    born = make_record("qd-15", number="15/QĐ-UBND")
    scan = make_record("qd-15.scan", number="15/QĐ-UBND", pages=2)
    with open_store(sqlite_url) as store:
        for r in (scan, born):
            store.save(r, page_texts=page_text_for(r), extractor_version="1.0")
    res = run(app, "show", "15/QĐ-UBND", "--db", sqlite_url, env={"COLUMNS": "200"})
    assert res.exit_code == 0
    files = res.stdout.split("files:")[1]
    assert files.index("qd-15.pdf (original, 1 page)") < files.index("qd-15.scan.pdf (scan, OCR 0.87, 2 pages)")
    assert "← facts shown" in files


def test_show_and_extract_print_the_receiving_stamp(app, sqlite_url):
    """`show` and `extract` printed no line for the receiving stamp the brief and the web page
    show (a clerk looked for `4797` in `show 1587/QĐ-UBND`): a line of its own, marked, never as
    the number or date; with a caption for the mark under `extract`'s table."""
    from dispatch_reader.cli import _print_summary, out
    from dispatch_reader.record import Evidence, Received

    record = make_record("stamped", number="78/QĐ-UBND", issued="2025-08-04")
    record.document.received = Received(evidence=Evidence(page=1, quote="CÔNG VĂN ĐẾN 4797", confidence=0.5),
                                        number="4797", date=None)
    record.document.marks = ["KHẨN"]
    with open_store(sqlite_url) as store:
        store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
    res = run(app, "show", "78/QĐ-UBND", "--db", sqlite_url, env={"COLUMNS": "200"})
    line = next(x for x in res.stdout.splitlines() if x.startswith("received"))
    assert "No. 4797, date not made out ⚠" in line and "CÔNG VĂN ĐẾN 4797" in line
    number = next(x for x in res.stdout.splitlines() if x.startswith("number"))
    assert "4797" not in number and "⚠" not in number
    assert "check it on the page" in res.stdout  # the stamp's ⚠ explained
    assert any(x.startswith("marks") and "KHẨN" in x for x in res.stdout.splitlines())
    with out.capture() as captured:
        _print_summary(record)
    text = captured.get()
    assert "received     No. 4797, date not made out ⚠" in text and "check it on the page" in text
    assert "marks        KHẨN" in text


def test_show_marks_a_number_read_with_doubt(app, sqlite_url):
    """A reviewer's: `show` printed a number read at 0.3 bare, the brief marking it."""
    record = make_record("doubted", number="79/QĐ-UBND", issued="2025-08-04")
    record.document.evidence["number"].confidence = 0.3
    with open_store(sqlite_url) as store:
        store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
    res = run(app, "show", "79/QĐ-UBND", "--db", sqlite_url, env={"COLUMNS": "200"})
    lines = res.stdout.splitlines()
    assert "79/QĐ-UBND ⚠" in next(x for x in lines if x.startswith("number"))
    assert "⚠" not in next(x for x in lines if x.startswith("date"))
    assert "check it on the page" in res.stdout


def test_show_lists_a_date_said_several_times_once(app, sqlite_url):
    """A decision's start date, said in its article, its list and its annex, was three lines of
    `show` a reader took for three dates: one line, how often and where."""
    from dispatch_reader.record import DateFact, Evidence

    r = make_record("d", number="88/QĐ-UBND", pages=3)
    r.dates = [DateFact("2025-12-15", "end", Evidence(page=1, quote="đến ngày 15/12/2025")),
               DateFact("2025-09-15", "start", Evidence(page=1, quote="từ ngày 15/9/2025")),
               DateFact("2025-09-15", "start", Evidence(page=2, quote="kể từ ngày 15/9/2025")),
               DateFact("2025-09-15", "start", Evidence(page=3, quote="từ 15/9/2025"))]
    with open_store(sqlite_url) as store:
        store.save(r, page_texts=page_text_for(r), extractor_version="1.0")
    res = run(app, "show", "88/QĐ-UBND", "--db", sqlite_url, env={"COLUMNS": "200"})
    assert res.exit_code == 0
    lines = [line.strip() for line in res.stdout.splitlines()]
    assert lines.count("- 2025-09-15 (start), said 3 times (p. 1, 2, 3)") == 1
    assert not any(line.startswith("- 2025-09-15 (start)") and "said" not in line for line in lines)
    assert "- 2025-12-15 (end)" in lines
    assert 'p. 1: "từ ngày 15/9/2025"' in res.stdout
    # earliest first, whatever order they were read in
    assert lines.index("- 2025-09-15 (start), said 3 times (p. 1, 2, 3)") < lines.index("- 2025-12-15 (end)")


def test_show_marks_a_signer_and_a_sending_read_with_doubt(app, sqlite_url):
    """A fresh-eyes tester: `show` told a signer and a list's row the brief marks ⚠ (a title
    under a seal, a row whose cells a copy lost) without a mark."""
    from dispatch_reader.record import Evidence

    record = make_record("doubted-rows", number="80/QĐ-UBND", issued="2025-08-04")
    record.document.evidence["signer"] = Evidence(page=1, quote="Lê Công Huấn", confidence=0.4)
    record.secondments[0].evidence.confidence = 0.45
    with open_store(sqlite_url) as store:
        store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
    res = run(app, "show", "80/QĐ-UBND", "--db", sqlite_url, env={"COLUMNS": "200"})
    lines = res.stdout.splitlines()
    assert next(x for x in lines if x.startswith("signer")).split('p. 1')[0].rstrip().endswith("Lê Công Huấn ⚠")
    assert next(x for x in lines if "Nguyễn Thị Chuyên: Sở Nội vụ" in x).endswith("⚠")
    assert "⚠" not in next(x for x in lines if x.startswith("issuer"))
    assert "check it on the page" in res.stdout
