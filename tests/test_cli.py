"""The foundation's promises, through the command line a user types."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dispatch_reader.record import validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run(*args: str, env_db: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env_db is not None:
        env["DISPATCH_READER_DB"] = f"sqlite:///{env_db}"
    return subprocess.run([sys.executable, "-m", "dispatch_reader", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=cwd)


def _one_line_error(result: subprocess.CompletedProcess[str], name: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    return lines[0]


@pytest.mark.parametrize("name, content, words", [
    ("empty file.pdf", b"", "empty"),
    ("Quyết định số 5.pdf", "chỉ là văn bản thường, không phải PDF\n".encode(), "not a PDF"),
])
def test_bad_input_gives_one_line_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    line = _one_line_error(run("extract", str(path)), name)
    assert words.lower() in line.lower()


def test_missing_path_gives_one_line(tmp_path):
    missing = tmp_path / "không có.pdf"
    _one_line_error(run("extract", str(missing)), "không có.pdf")
    _one_line_error(run("process", str(missing), "--out", str(tmp_path / "b"), env_db=tmp_path / "db.sqlite"), "không có.pdf")


def test_every_command_has_help_with_an_example():
    top = run("--help")
    assert top.returncode == 0
    commands = ["extract", "process", "eval", "search", "show", "export", "brief", "summary", "watch", "batch"]
    for command in commands:
        assert command in top.stdout
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert "Example" in result.stdout or "example" in result.stdout, command


def test_extract_json_follows_the_schema_and_reads_the_header():
    truth = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    result = run("extract", str(SAMPLES / "qd-biet-phai-01.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    for key in ("doc_type", "number", "issued_date"):
        assert record["document"][key] == truth["document"][key]
    assert record["source"]["pages"][0]["method"] == "text_layer"


def test_process_stores_briefs_and_skips_the_second_time(tmp_path):
    docs = tmp_path / "in thư mục"
    docs.mkdir()
    for name in ("qd-biet-phai-01.pdf", "cv-tang-cuong-01.pdf"):
        (docs / name).write_bytes((SAMPLES / name).read_bytes())
    (docs / "hỏng.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")  # a truncated PDF among good ones
    db, out = tmp_path / "db.sqlite", tmp_path / "briefs"
    first = run("process", str(docs), "--out", str(out), env_db=db)
    assert first.returncode == 1  # one file failed …
    assert "hỏng.pdf" in first.stderr and "Traceback" not in first.stderr
    assert "2 processed" in first.stdout  # … the others went on
    # stderr no terminal (a log, cron): a line a file, not 42 s of silence (a tester's)
    assert "/3] cv-tang-cuong-01.pdf: done" in first.stderr and "/3] qd-biet-phai-01.pdf: done" in first.stderr
    assert "/3] hỏng.pdf: failed" in first.stderr
    # the brief carries the file's hash: two folders may each hold a scan0001.pdf (issue 13, 10)
    [brief_path] = out.glob("qd-biet-phai-01-*.html")
    brief = brief_path.read_text("utf-8")
    truth = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    assert truth["document"]["number"] in brief
    assert truth["secondments"][0]["person"] in brief
    assert (out / "summary.html").exists()
    mtime = brief_path.stat().st_mtime_ns
    (docs / "hỏng.pdf").unlink()
    second = run("process", str(docs), "--out", str(out), env_db=db)
    assert second.returncode == 0, second.stderr
    assert "0 processed, 2 already stored" in second.stdout
    quiet = run("process", str(docs), "--out", str(out), "-q", env_db=db)
    assert quiet.returncode == 0 and "/2]" not in quiet.stderr
    assert brief_path.stat().st_mtime_ns == mtime


def test_a_number_or_date_to_check_is_marked_in_the_terminal_tables() -> None:
    """`process` and `extract` print the number and the date with ⚠ where the brief flags them
    (a clerk saw a stamp-crossed `98/TB-VPUBND` printed like any other number): read below the
    line, or named by a warning, as the brief's table marks them."""
    import json

    from dispatch_reader.cli import marked as _marked, to_check as _to_check
    from dispatch_reader.record import Record

    data = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    number, date = data["document"]["number"], data["document"]["issued_date"]
    data["document"]["evidence"]["number"]["confidence"] = 0.45
    data["document"]["evidence"]["issued_date"]["confidence"] = 0.93
    to_check = _to_check(Record.from_dict(data))
    assert _marked(number, "number", to_check) == f"{number} ⚠"
    assert _marked(date, "issued_date", to_check) == date
    assert _marked(None, "number", to_check) == "—"
    # a confident date on a page read badly is marked, as the brief marks it
    data["source"]["pages"][0] |= {"method": "ocr", "ocr_confidence": 0.55}
    assert "issued_date" in _to_check(Record.from_dict(data))
    # a text layer's number: no confidence, no mark; named by a warning, marked
    data["source"]["pages"][0] |= {"method": "text_layer", "ocr_confidence": None}
    data["document"]["evidence"]["number"]["confidence"] = None
    assert _to_check(Record.from_dict(data)) == set()
    data["warnings"] = [f"document number {number} read with a symbol the issuer does not use"]
    assert _to_check(Record.from_dict(data)) == {"number"}


def test_the_process_table_counts_the_people_sent_as_the_brief_does() -> None:
    """`process` showed 3 under "people" for a decision sending 2 (its signer counted): the
    column is the people the document sends, decided sendings only, as the brief's total."""
    import json

    from dispatch_reader.cli import _sent
    from dispatch_reader.record import Record

    data = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    assert len(data["people"]) == 3 and _sent(Record.from_dict(data)) == "2"
    for s in data["secondments"]:
        s["status"] = "requested"  # asked for, not decided: nobody sent by this paper
    assert _sent(Record.from_dict(data)) == "—"


def test_the_process_table_tells_an_extension_and_a_move_within_a_commune_from_people_sent() -> None:
    """A tester read 61/QĐ-SNV (extending two) and xã Mường Khoa's 86/QĐ-UBND (moving its own
    clerk between two of its units) as people sent, which the summary does not count."""
    from dispatch_reader.cli import _sent
    from dispatch_reader.pipeline import extract_file

    assert _sent(extract_file(SAMPLES / "qd-gia-han-01.pdf")) == "2 extended"
    assert _sent(extract_file(SAMPLES / "qd-dieu-dong-xa-01.pdf")) == "1 moved within the commune"


def test_the_process_table_names_a_kind_with_no_type_of_its_own() -> None:
    """A consolidated text showed as `other` in the process table: its name says what it is."""
    from dispatch_reader.cli import _kind
    from dispatch_reader.record import DocumentFacts

    assert _kind(DocumentFacts(doc_type="other", doc_type_label="Văn bản hợp nhất")) == "Văn bản hợp nhất"
    assert _kind(DocumentFacts(doc_type="decision", doc_type_label="QUYẾT ĐỊNH")) == "decision"
    assert _kind(DocumentFacts()) == "—"


def test_verbose_says_what_the_tool_does_not_what_the_stores_migration_does(tmp_path):
    """At -v a tester read alembic's `Context impl SQLiteImpl` lines first; they are -vv's."""
    db = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    once = run("-v", "search", "--person", "Lê", "--db", db)
    assert once.returncode == 0 and "alembic" not in once.stderr
    twice = run("-vv", "search", "--person", "Lê", "--db", f"sqlite:///{tmp_path / 'other.sqlite'}")
    assert twice.returncode == 0 and "alembic" in twice.stderr
