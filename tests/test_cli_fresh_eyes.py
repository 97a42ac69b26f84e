"""A fresh-eyes user test of the command line: a missing path among good files, a picture of
noise, watch's exit codes (SIGTERM, a second watcher), lookups that find nothing, -q/-v after
the command's name, an example in every command's --help."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from _ingest_make import letter_pdf
from cli_fixtures import clean_state  # noqa: F401  (autouse)
from dispatch_reader.cli import app
from dispatch_reader.errors import ExitCode, NotADocumentError
from dispatch_reader.ingest.pages import Document, PageText, Word
from dispatch_reader.pipeline import build_record, check_is_document

ROOT = Path(__file__).resolve().parent.parent




def run(*args: object) -> object:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def _count(db: Path) -> int:
    """Files stored (two letters of one number are two files of one document)."""
    from dispatch_reader.store import open_store

    with open_store(f"sqlite:///{db}") as store:
        return store.count_files()


def _noise(path: Path) -> Path:
    import numpy as np
    from PIL import Image

    pixels = np.random.default_rng(7).integers(0, 256, (1600, 1200, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


# --- 1: a missing path is one failed file; the others are read ------------------------------

def test_process_a_missing_path_fails_alone(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    good = letter_pdf(tmp_path / "good.pdf")
    other = letter_pdf(tmp_path / "other.pdf", body=["Điều 1. Cử ông Trần Văn Nam đi công tác."])
    result = run("process", good, tmp_path / "nope.pdf", other, "--db", f"sqlite:///{db}", "--out", tmp_path / "b")
    assert result.exit_code == ExitCode.FILES_FAILED, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert lines == [f"error: {tmp_path / 'nope.pdf'}: no such file or folder"]
    assert "2 processed, 0 already stored, 1 failed" in result.stdout
    assert _count(db) == 2


def test_process_with_nothing_that_exists_is_an_input_error(tmp_path: Path) -> None:
    result = run("process", tmp_path / "nope.pdf", "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.pdf'}: no such file or folder"


# --- 2: a picture of noise is not a document ----------------------------------------------------

def test_noise_image_is_refused_and_not_stored(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    noise = _noise(tmp_path / "noise.png")
    good = letter_pdf(tmp_path / "good.pdf")
    result = run("process", noise, good, "--db", f"sqlite:///{db}", "--out", tmp_path / "b")
    assert result.exit_code == ExitCode.FILES_FAILED, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and lines[0].startswith(f"error: {noise}: no readable text: not a document")
    assert _count(db) == 1  # the letter only
    assert not list((tmp_path / "b").glob("noise*"))  # no brief of it
    single = run("extract", noise)  # one file asked for: the code of a bad input file
    assert single.exit_code == ExitCode.INPUT and "no readable text: not a document" in single.stderr


def _doc(text: str, conf: float | None = 0.9, method: str = "ocr") -> Document:
    words = [Word(t, 0, 0, 1, 1, conf) for t in text.split()]
    page = PageText(number=1, text=text, method=method, ocr_confidence=conf, words=words)  # type: ignore[arg-type]
    return Document(path="x.png", sha256="0" * 64, pages=[page])


@pytest.mark.parametrize("text, refused", [
    ("", True),  # noise, a photo, a blank scan: OCR keeps nothing
    ("pore ii", True),  # a speck or two read as letters
    ("Số: 15/QĐ-UBND", False),  # a poor scan whose number was read is a document
    ("Ủy ban nhân dân tỉnh đề nghị các sở cử công chức về tăng cường cho các xã", False),
    ("The provincial People's Committee has seconded twelve officials to border communes", False),
])
def test_the_rule_for_not_a_document(text: str, refused: bool) -> None:
    document = _doc(text)
    record = build_record(Path("x.png"), document)
    if refused:
        with pytest.raises(NotADocumentError, match="no readable text: not a document") as info:
            check_is_document(Path("x.png"), document, record)
        assert info.value.exit_code == ExitCode.INPUT
    else:
        check_is_document(Path("x.png"), document, record)


def test_low_confidence_junk_words_do_not_make_a_document() -> None:
    document = _doc(" ".join(["ww", "mmm", "ooo", "lll"] * 5), conf=0.2)
    with pytest.raises(NotADocumentError):
        check_is_document(Path("x.png"), document, build_record(Path("x.png"), document))


def test_a_sample_scan_is_still_a_document(tmp_path: Path) -> None:
    scan = ROOT / "samples" / "cv-tang-cuong-01.scan.pdf"
    if not scan.exists():
        pytest.skip("sample scan missing")
    db = tmp_path / "db.sqlite3"
    result = run("process", scan, "--db", f"sqlite:///{db}", "--out", tmp_path / "b", "-j", "1")
    assert result.exit_code == 0, result.output
    assert _count(db) == 1


# --- 3, 4: watch: a stop by signal, a second watcher ---------------------------------------------

def test_readme_says_what_a_watch_stopped_by_a_signal_exits_with() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("## Exit codes"):]
    row = next(line for line in table.splitlines() if line.startswith("| 130 |"))
    assert "`watch`" in row and "exits 0" in row  # the exception is in the table itself
    assert re.search(r"\| 11 \| .*another watcher", table)


def test_watch_stopped_by_sigterm_exits_0_and_once_interrupted_exits_130(tmp_path: Path) -> None:
    from test_watch_support import Cli, wait_for

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with Cli("watch", str(inbox), "--db", url, cwd=tmp_path) as watcher:
        wait_for(lambda: (inbox / ".dispatch-reader-watch.lock").exists(), 60, "the watcher to start")
        watcher.signal(signal.SIGTERM)
        assert watcher.wait(timeout=60) == ExitCode.OK, watcher.err[-2000:]
    assert "(stopped)" in watcher.err
    # --once stopped while a file is still settling: work is left, run again to go on
    (inbox / "slow.pdf").write_bytes(letter_pdf(tmp_path / "slow.pdf").read_bytes())
    with Cli("watch", str(inbox), "--db", url, "--once", "--settle", "60", cwd=tmp_path) as once:
        wait_for(lambda: (inbox / ".dispatch-reader-watch.lock").exists()
                 and (inbox / ".dispatch-reader-watch.lock").read_text().strip() == str(once.pid),
                 60, "the --once watcher to start")
        once.signal(signal.SIGTERM)
        assert once.wait(timeout=60) == ExitCode.INTERRUPTED, once.err[-2000:]
    assert "run the same command again" in once.err
    assert (inbox / "slow.pdf").exists()


def test_a_second_watcher_says_busy_before_anything_else(tmp_path: Path) -> None:
    from test_watch_support import run_cli

    from dispatch_reader.watch.places import Places
    from dispatch_reader.watch.watcher import _exclusive

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    places = Places.make(inbox)
    places.ensure()
    with _exclusive(places):
        result = run_cli("watch", str(inbox), "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}", cwd=tmp_path)
    assert result.returncode == ExitCode.BUSY == 11
    assert "watching" not in result.stderr
    assert result.stderr.strip() == f"error: {inbox}: another watcher (pid {os.getpid()}) is already working " \
                                    "on this folder"


# --- 5: a lookup that finds nothing ---------------------------------------------------------------

def test_lookups_that_find_nothing_exit_not_found(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run("process", letter_pdf(tmp_path / "a.pdf"), "--db", db, "--out", tmp_path / "b").exit_code == 0
    for args in (["show", "9999/QĐ-UBND"], ["brief", "9999/QĐ-UBND", "--out", tmp_path / "x"],
                 ["db", "history", "9999/QĐ-UBND"], ["people", "forget", "42"],
                 ["people", "merge", "Ai Đó@9999/QĐ-UBND", "Người Khác@15/QĐ-UBND"]):
        result = run(*args, "--db", db)
        assert result.exit_code == ExitCode.NOT_FOUND == 10, (args, result.output)
        assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1, args
    # a search that finds nothing is an answer, not a failure
    assert run("search", "--number", "9999", "--db", db).exit_code == 0
    assert run("people", "Ai Đó", "--db", db).exit_code == 0


# --- 6: -q and -v after the command's name --------------------------------------------------------

def test_quiet_and_verbose_work_after_the_command(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    pdf = letter_pdf(tmp_path / "a.pdf")
    quiet = run("process", "-q", pdf, "--db", db, "--out", tmp_path / "b")
    assert quiet.exit_code == 0, quiet.output
    assert "processed" not in quiet.stdout  # the summary is progress, not data asked for
    loud = run("process", pdf, "--db", db, "--out", tmp_path / "b", "--reprocess")
    assert "1 processed" in loud.stdout
    assert run("db", "info", "-v", "--db", db).exit_code == 0
    assert run("cache", "info", "--quiet").exit_code == 0
    assert run("search", "-vv", "--db", db).exit_code == 0
    both = run("-q", "search", "-v", "--db", db)
    assert both.exit_code == ExitCode.USAGE and "-q and -v do not go together" in both.output


# --- 7: an example in every command's --help -------------------------------------------------------

def _commands(command: object, path: list[str]) -> list[list[str]]:
    found = [path] if path else []
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, [*path, name])
    return found


def test_every_command_and_group_has_an_example_in_its_help() -> None:
    paths = _commands(typer.main.get_command(app), [])
    assert {"cache", "cache info", "db", "process", "watch"} <= {" ".join(p) for p in paths}
    for path in paths:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Example" in result.output and "dispatch-reader " + " ".join(path) in result.output, path
