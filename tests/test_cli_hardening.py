"""Issue 13 items 15, 16, 17: passwords, exit codes and choices, the config file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _ingest_make import letter_pdf
from cli_fixtures import clean_state  # noqa: F401  (autouse)
from dispatch_reader import config
from dispatch_reader.cli import app
from dispatch_reader.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent




def run(*args: str) -> object:
    return _debug(CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"}))


# --- 15: encrypted PDFs -------------------------------------------------------------------

def _encrypted(tmp_path: Path, name: str, **enc: object) -> Path:
    import pikepdf

    plain = letter_pdf(tmp_path / f"{name}-plain.pdf")
    target = tmp_path / f"{name}.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(user="bi-mat-2025", owner="owner-pw", **enc))  # type: ignore[arg-type]
    return target


@pytest.mark.parametrize("scheme", [dict(R=6), dict(R=3, aes=False, metadata=False)], ids=["aes256", "rc4"])
def test_password_opens_aes256_and_rc4(tmp_path: Path, scheme: dict) -> None:
    pdf = _encrypted(tmp_path, "locked", **scheme)
    refused = run("extract", pdf)
    assert refused.exit_code == ExitCode.ENCRYPTED and "needs a password" in refused.output
    wrong = run("extract", pdf, "--password", "guess")
    assert wrong.exit_code == ExitCode.ENCRYPTED and "password is wrong" in wrong.output
    opened = run("extract", pdf, "--password", "bi-mat-2025", "--json")
    assert opened.exit_code == 0, opened.output
    assert "SỞ NỘI VỤ" in opened.output


def test_passwords_file_for_the_watcher_from_config(tmp_path: Path) -> None:
    from dispatch_reader.cli import ingest_settings
    from dispatch_reader.ingest.reader import read_document

    pdf = _encrypted(tmp_path, "aes", R=6)
    words = tmp_path / "passwords.txt"
    words.write_text("# senders' passwords\nwrong-one\nbi-mat-2025\n", "utf-8")
    (tmp_path / "dr.toml").write_text(f'passwords_file = "{words}"\n', "utf-8")
    config.use_config_file(tmp_path / "dr.toml")
    # what `watch` and `process` build their reading settings from
    doc = read_document(pdf, ingest_settings(None, 1))
    assert "SỞ NỘI VỤ" in doc.pages[0].text
    words.write_text("wrong-one\nwrong-two\n", "utf-8")
    result = run("--config", tmp_path / "dr.toml", "extract", pdf)
    assert result.exit_code == ExitCode.ENCRYPTED and "none of the 2 passwords" in result.output


def test_password_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _encrypted(tmp_path, "env", R=6)
    monkeypatch.setenv("DISPATCH_READER_PASSWORD", "bi-mat-2025")
    assert run("extract", pdf).exit_code == 0


# --- 16: exit codes, choices up front ------------------------------------------------------

def test_exit_codes_are_one_enum_in_help_and_readme() -> None:
    help_text = run("--help").output
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Exit codes"):]
    for code in ExitCode:
        assert re.search(rf"^\s*{int(code)}\s", help_text, re.M), f"exit code {int(code)} not in --help"
        assert f"| {int(code)} |" in section, f"exit code {int(code)} not in the README table"


def test_unknown_brief_format_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    pdf = letter_pdf(tmp_path / "a.pdf")
    result = run("process", pdf, "--format", "rtf", "--db", f"sqlite:///{db}", "--out", tmp_path / "out")
    assert result.exit_code == ExitCode.USAGE and "rtf" in result.output
    assert not db.exists() and not (tmp_path / "out").exists()
    assert run("process", pdf, "--lang", "fr", "--db", f"sqlite:///{db}").exit_code == ExitCode.USAGE
    for command in (["watch", tmp_path], ["batch", tmp_path, "--out", tmp_path / "b"]):
        result = run(*command, "--format", "rtf", "--db", f"sqlite:///{db}")
        assert result.exit_code == ExitCode.USAGE and "rtf" in result.output, command
    assert not db.exists()


def test_unknown_eval_variant_is_refused(tmp_path: Path) -> None:
    result = run("eval", tmp_path, "--variant", "foo")
    assert result.exit_code == ExitCode.USAGE and "unknown variant 'foo'" in result.output
    assert "precision" not in result.output.lower()


def test_export_typo_writes_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    # a real process: a BOM left in an unflushed buffer still reaches stdout at exit
    proc = subprocess.run([sys.executable, "-m", "dispatch_reader", "export", "secondment",
                           "--db", f"sqlite:///{tmp_path}/x.db"], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == ExitCode.USAGE
    assert proc.stdout == b""  # no BOM before the failure
    assert b"cannot export 'secondment'" in proc.stderr and b"secondments" in proc.stderr


@pytest.mark.parametrize("spelling", ["quyet_dinh", "QĐ", "qd", "Quyết định", "decision"])
def test_vietnamese_type_names(tmp_path: Path, spelling: str) -> None:
    db = f"sqlite:///{tmp_path}/x.db"
    assert run("search", "--type", spelling, "--db", db).exit_code == 0
    summary = run("summary", "--type", spelling, "--db", db, "--out", tmp_path / "s.html")
    assert summary.exit_code == 0, summary.output
    assert run("summary", "--doc-type", spelling, "--db", db, "--out", tmp_path / "s.html").exit_code == 0


def test_unknown_type_is_a_usage_error(tmp_path: Path) -> None:
    result = run("search", "--type", "letter", "--db", f"sqlite:///{tmp_path}/x.db")
    assert result.exit_code == ExitCode.USAGE and "quyet_dinh" in result.output
    assert "--doc-type" not in run("summary", "--help").output  # one name shown: --type


def test_jobs_means_the_same_everywhere() -> None:
    same = "At most N processes work at once (OCR of pages; whole files in batch). Default: the number of cores."
    for command in ("extract", "process", "eval", "watch", "batch"):
        text = " ".join(run(command, "--help").output.split())
        assert "-j" in text and same in text, command


def test_quiet_and_verbose(tmp_path: Path) -> None:
    pdf = letter_pdf(tmp_path / "a.pdf")
    db = f"sqlite:///{tmp_path}/x.db"
    loud = run("process", pdf, "--db", db, "--out", tmp_path / "o1")
    quiet = run("-q", "process", pdf, "--db", db, "--out", tmp_path / "o2")
    assert loud.exit_code == quiet.exit_code == 0
    assert "already stored" in loud.output or "processed" in loud.output
    assert quiet.output.strip() == ""
    assert run("-q", "-v", "extract", pdf).exit_code == ExitCode.USAGE


# --- 17: the config file -----------------------------------------------------------------

def test_config_file_env_and_options_in_that_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.cli import ingest_settings

    cfg = tmp_path / "xdg-config" / "dispatch-reader" / "config.toml"  # the user config folder
    cfg.parent.mkdir(parents=True)
    cfg.write_text('dpi = 200\nocr_mode = "never"\nmax_pages = 7\nmax_pixels = 2000000\npage_timeout = 9.5\n'
                   'min_confidence = 0.5\ncache_max_mb = 3\nlanguages = "vie"\nworkers = 3\n'
                   'password = "từ-tệp"\n', "utf-8")
    s = ingest_settings(None, None)
    assert (s.dpi, s.ocr_mode, s.max_pages, s.max_pixels, s.page_timeout_s, s.min_confidence) == \
        (200, "never", 7, 2_000_000, 9.5, 0.5)
    assert (s.cache_max_bytes, s.languages, s.workers, s.password) == (3 * 2**20, "vie", 3, "từ-tệp")
    monkeypatch.setenv("DISPATCH_READER_DPI", "150")
    monkeypatch.setenv("DISPATCH_READER_OCR_MODE", "always")
    s = ingest_settings("eng", 2)
    assert (s.dpi, s.ocr_mode, s.languages, s.workers) == (150, "always", "eng", 2)
    # the second, Vietnamese-only reading for marks: on by default, off by the variable
    assert s.vietnamese_marks is True
    monkeypatch.setenv("DISPATCH_READER_VIETNAMESE_MARKS", "false")
    assert ingest_settings(None, None).vietnamese_marks is False


def test_bad_config_is_one_line_and_exit_9(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    pdf = letter_pdf(tmp_path / "a.pdf")
    for text, words in [('dpi = "lots"\n', "dpi"), ("colour = true\n", "colour"), ("dpi = [\n", "cannot read")]:
        cfg.write_text(text, "utf-8")
        result = run("--config", cfg, "extract", pdf)
        assert result.exit_code == ExitCode.CONFIG, result.output
        lines = [x for x in result.output.splitlines() if x.strip()]
        assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.output
    missing = run("--config", tmp_path / "none.toml", "extract", pdf)
    assert missing.exit_code == ExitCode.CONFIG and "no such config file" in missing.output


def test_bad_environment_value_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_READER_OCR_MODE", "sometimes")
    result = run("extract", letter_pdf(tmp_path / "a.pdf"))
    assert result.exit_code == ExitCode.CONFIG and "DISPATCH_READER_OCR_MODE" in result.output


def test_config_db_is_the_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPATCH_READER_DB", raising=False)
    db = tmp_path / "from-config.sqlite3"
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'db = "sqlite:///{db}"\n', "utf-8")
    assert run("--config", cfg, "db", "info").exit_code == 0
    assert db.exists()


def test_cache_is_bounded_and_cleared(tmp_path: Path) -> None:
    from dispatch_reader.ingest.cache import OcrCache, cache_size
    from dispatch_reader.ingest.ocr import OcrPage
    from dispatch_reader.ingest.pages import Word

    folder = tmp_path / "ocr-cache"
    page = OcrPage(words=[Word("chữ" * 300, 0, 0, 1, 1, 0.9)], line_keys=[(1, 1, 1)], confidence=0.9, rotation=0,
                   skew=0.0, width_pt=1, height_pt=1, notes=[])
    cache = OcrCache(folder, max_bytes=64 * 1024)
    for i in range(400):
        cache.put(f"{i:064x}", page)
    entries, size = cache_size(folder)
    assert size <= 64 * 1024 + 64 * 2048  # trimmed back under the limit (checked every 64 writes)
    assert cache.get(f"{399:064x}") is not None  # the newest stay
    result = run("cache", "clear")
    assert result.exit_code == 0 and f"{entries} cached page(s) removed" in result.output
    assert cache_size(folder) == (0, 0)


def _debug(result):  # noqa: ANN001, ANN202
    import traceback
    if result.exc_info and result.exit_code not in (0, 2, 3, 9):
        traceback.print_exception(*result.exc_info)
    return result
