"""The watched folder under hostile and careless input (issue 13): temporary names, links,
pipes, devices, a TIFF still being written, two watchers on one INBOX, over-long and
unreadable files, control characters in names. Each test failed before its fix.

Watchers run in a thread with inotify events (as `dispatch-reader watch` runs) or with --once;
documents are tiny text-layer PDFs, and the reader is stubbed where reading is beside the point.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_watch_support import cli_env, document_bytes, files_under, wait_for

from dispatch_reader.errors import InputFileError
from dispatch_reader.ingest.reader import IngestSettings
from dispatch_reader.pipeline import Outcome, process_file
from dispatch_reader.store import open_store
from dispatch_reader.watch.claims import Claim
from dispatch_reader.watch.lifecycle import Lifecycle
from dispatch_reader.watch.places import Places
from dispatch_reader.watch.settle import Tracker
from dispatch_reader.watch.watcher import Watcher, WatchSettings, _exclusive

TIFF_HEAD = b"II*\x00"


@pytest.fixture
def setup(tmp_path: Path):
    places = Places.make(tmp_path / "inbox")
    places.ensure()
    store = open_store(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    settings = IngestSettings(cache_dir=None)
    yield places, store, (lambda p: process_file(p, store, None, settings))
    store.close()


def _stub_fail(path: Path) -> Outcome:
    """A reader that refuses everything at once: for tests about where files go, not reading."""
    return Outcome(path, "failed", error=InputFileError(path, "stub reader: not read"))


class Running:
    """A Watcher running in a thread (inotify events unless `poll`), stopped on exit."""

    def __init__(self, places: Places, store, process, **settings) -> None:
        self.results: list = []
        self.watcher = Watcher(places, store, process, None, WatchSettings(**settings), on_result=self.results.append)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.watcher.run()
        except BaseException as exc:  # noqa: BLE001  (handed to the test)
            self.error = exc

    def __enter__(self) -> Running:
        self.thread.start()
        time.sleep(0.3)  # the observer is up
        return self

    def __exit__(self, *exc: object) -> None:
        self.watcher.stop()
        self.thread.join(timeout=10)

    def stopped_within(self, seconds: float) -> bool:
        self.watcher.stop()
        self.thread.join(timeout=seconds)
        return not self.thread.is_alive()


def _once(places: Places, store, process, results: list | None = None):
    return Watcher(places, store, process, None, WatchSettings(settle=0, once=True, max_wait=0),
                   on_result=results.append if results is not None else None).run()


def _archived(places: Places) -> list[Path]:
    return files_under(places.archive)


# -- 13: one filter for events and scans -------------------------------------------------------


def test_part_download_and_office_owner_file_stay_in_inbox_until_renamed(setup):
    places, store, process = setup
    data = document_bytes(1)
    with Running(places, store, process, settle=0.2, max_wait=0.5, rescan=60):
        part = places.inbox / "scan.pdf.part"
        part.write_bytes(data[:700])  # a browser still downloading
        (places.inbox / "~$owner.docx").write_bytes(b"owner file of an open Word document")
        (places.inbox / ".hidden.pdf").write_bytes(data)
        time.sleep(1.5)  # settle and max_wait are long over: a taken .part would be in failed/ by now
        assert files_under(places.failed) == [] and files_under(places.processing) == []
        with part.open("ab") as fh:
            fh.write(data[700:])
        part.rename(places.inbox / "scan.pdf")  # the download is done
        wait_for(lambda: len(_archived(places)) == 1, 15, "scan.pdf archived")
    assert _archived(places)[0].read_bytes() == data
    assert files_under(places.failed) == []
    assert (places.inbox / "~$owner.docx").exists() and (places.inbox / ".hidden.pdf").exists()


def test_the_watchers_own_lock_file_is_never_taken(setup):
    places, store, process = setup
    with Running(places, store, _stub_fail, settle=0.1, max_wait=0.2, rescan=60):
        for _ in range(2):  # a second watcher tries (and opens the lock file for writing)
            with pytest.raises(InputFileError, match="another watcher"):
                with _exclusive(places):
                    pass
            time.sleep(1.0)
        assert places.lock_file.exists(), "the lock file was taken"
        assert files_under(places.failed) == []
        with pytest.raises(InputFileError, match="another watcher"):
            with _exclusive(places):
                pass


def test_ignore_rules_are_one_filter():
    from dispatch_reader.watch.admit import ignored
    from dispatch_reader.watch.settle import is_temporary

    for name in ("x.pdf.part", "X.PDF.PART", "~$owner.docx", ".dispatch-reader-watch.lock", ".x.pdf",
                 "a.crdownload", "b.tmp", "c.pdf~", "Thumbs.db"):
        assert ignored(name) and is_temporary(name), name
    for name in ("Quyết định.pdf", "scan0001.tif", "part.pdf", "tmp.pdf"):
        assert not ignored(name), name


# -- 1, 2: links and special files -------------------------------------------------------------


def test_symlink_out_of_inbox_is_never_copied(setup, tmp_path: Path):
    places, store, process = setup
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"root:x:0:0:secret\n" * 10)
    link = places.inbox / "x.pdf"
    with Running(places, store, _stub_fail, settle=0.1, max_wait=0.3, rescan=60) as run:
        staged = places.inbox / ".x.pdf.tmp"
        staged.symlink_to(secret)
        staged.rename(link)  # renamed into place, as rsync and copy tools drop files: looks complete at once
        time.sleep(0.3)
        (places.inbox / "y.pdf").write_bytes(b"not a pdf")  # a file after it is still taken
        wait_for(lambda: any(p.name == "y.pdf" for p in files_under(places.failed)), 15, "y.pdf failed")
        time.sleep(0.5)
    for folder in (places.failed, places.processing, places.archive, places.duplicates):
        for p in files_under(folder):
            assert b"secret" not in p.read_bytes(), f"{p} is a copy of the link's target"
    assert link.is_symlink()  # left where it is, not followed
    assert [r.file for r in run.results] == ["y.pdf"]


def test_taking_a_symlink_refuses_it_without_reading_it(setup, tmp_path: Path):
    places, store, process = setup
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"secret")
    link = places.inbox / "x.pdf"
    link.symlink_to(secret)
    with pytest.raises(InputFileError, match="symbolic link"):
        Lifecycle(places, store, _stub_fail).take(link)
    assert files_under(places.processing) == [] and files_under(places.failed) == []
    assert link.is_symlink()


def test_named_pipe_neither_blocks_the_watcher_nor_is_taken(setup):
    places, store, process = setup
    fifo = places.inbox / "f.pdf"
    run = Running(places, store, _stub_fail, settle=0.1, max_wait=0.3, rescan=60)
    try:
        with run:
            os.mkfifo(places.inbox / ".f.pdf.tmp")
            (places.inbox / ".f.pdf.tmp").rename(fifo)  # renamed into place: looks complete at once
            time.sleep(0.5)
            (places.inbox / "later.pdf").write_bytes(b"not a pdf")
            wait_for(lambda: any(p.name == "later.pdf" for p in files_under(places.failed)), 10,
                     "the file dropped after the pipe to be taken")
            assert run.stopped_within(5), "the watcher did not stop: blocked on the pipe"
    finally:
        _unblock(fifo)
    assert fifo.exists() and not fifo.is_file()
    assert not any(p.name.startswith("f.pdf") for p in files_under(places.failed))


def _unblock(fifo: Path) -> None:
    """Release a reader stuck in open() on the pipe (only before the fix)."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    except OSError:
        pass


def test_symlink_to_dev_zero_is_never_tracked(tmp_path: Path):
    link = tmp_path / "zero.pdf"
    link.symlink_to("/dev/zero")
    tracker = Tracker(settle=0.0, max_wait=0.0)
    tracker.see(link)
    assert len(tracker) == 0 and tracker.ready() == []


def test_opening_a_dropped_file_never_follows_or_blocks(tmp_path: Path):
    from dispatch_reader.watch.admit import open_regular

    fifo = tmp_path / "p.pdf"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(InputFileError, match="named pipe"):
        open_regular(fifo)
    assert time.monotonic() - started < 1
    zero = tmp_path / "z.pdf"
    zero.symlink_to("/dev/zero")
    with pytest.raises(InputFileError, match="symbolic link"):
        open_regular(zero)
    with pytest.raises(InputFileError, match="device"):
        open_regular("/dev/zero")


# -- 6: a TIFF still being written -------------------------------------------------------------


def test_tiff_needs_the_longer_quiet_time_unless_a_writer_closed_it(tmp_path: Path):
    class Clock:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    tracker = Tracker(settle=1.0, max_wait=600.0, settle_unmarked=20.0, clock=clock)
    tif, pdf = tmp_path / "scan.tif", tmp_path / "doc.pdf"
    tif.write_bytes(TIFF_HEAD + b"\0" * 500)
    pdf.write_bytes(document_bytes(2))
    tracker.see(tif)
    tracker.see(pdf)
    clock.now += 8  # a scanner pausing between pages
    assert tracker.ready() == [pdf]  # a PDF has %%EOF to show it is whole; a TIFF has nothing
    clock.now += 12.5
    assert tracker.ready() == [tif, pdf] or tracker.ready() == [pdf, tif]
    closed = tmp_path / "closed.tif"
    closed.write_bytes(TIFF_HEAD + b"\0" * 10)
    tracker.see(closed, writing=False)  # inotify saw the writer close it
    clock.now += 1.1
    assert closed in tracker.ready()


def test_tiff_written_in_two_halves_under_poll_is_never_lost(setup):
    places, store, process = setup
    data = TIFF_HEAD + bytes(range(256)) * 200
    dropped = places.inbox / "scan.tif"
    with Running(places, store, _stub_fail, poll=0.1, settle=0.3, settle_unmarked=2.5, max_wait=60):
        with dropped.open("wb") as fh:  # one open file, as a scanner writes it
            fh.write(data[: len(data) // 2])
            fh.flush()
            time.sleep(1.2)  # the pause: far longer than --settle
            fh.write(data[len(data) // 2:])
        wait_for(lambda: any(p.suffix == ".tif" for p in files_under(places.failed)), 15, "the scan taken")
        time.sleep(0.3)
    kept = [p for p in files_under(places.failed) if p.suffix == ".tif"]
    assert [p.read_bytes() == data for p in kept] == [True], "the whole scan is not where it should be"
    assert not dropped.exists()


def test_original_changed_in_place_after_it_was_taken_stays_in_inbox(setup):
    places, store, process = setup
    dropped = places.inbox / "scan.tif"
    first = TIFF_HEAD + b"\1" * 1000
    rest = TIFF_HEAD + b"\2" * 1000  # same size: a writer filling a preallocated file
    dropped.write_bytes(first)

    def writer_resumes(step: str, claim: Claim) -> None:
        if step == "stored":
            st = dropped.stat()
            with dropped.open("r+b") as fh:
                fh.write(rest)
            os.utime(dropped, ns=(st.st_atime_ns, st.st_mtime_ns))  # a coarse clock (SMB, FAT): same time

    result = Lifecycle(places, store, _stub_fail, step=writer_resumes).take(dropped)
    assert dropped.exists() and dropped.read_bytes() == rest, "the changed file was removed from INBOX"
    assert result is not None and result.note and "left in INBOX" in result.note
    assert [p.read_bytes() for p in files_under(places.failed) if p.suffix == ".tif"] == [first]


# -- 7: the lock belongs to INBOX --------------------------------------------------------------


def test_two_watchers_with_different_roots_on_one_inbox(tmp_path: Path):
    inbox = tmp_path / "inbox"
    a = Places.make(inbox, tmp_path / "root-a")
    b = Places.make(inbox, tmp_path / "root-b")
    a.ensure()
    b.ensure()
    with _exclusive(a):
        with pytest.raises(InputFileError, match="another watcher"):
            with _exclusive(b):
                pass
    with _exclusive(b):  # released: the other may start now
        pass


def test_two_inboxes_sharing_one_root_are_refused_too(tmp_path: Path):
    a = Places.make(tmp_path / "in-a", tmp_path / "root")
    b = Places.make(tmp_path / "in-b", tmp_path / "root")
    a.ensure()
    b.ensure()
    with _exclusive(a):
        with pytest.raises(InputFileError, match="--root"):
            with _exclusive(b):
                pass
        assert a.lock_file.exists()  # b's refusal released nothing of a's
    assert list((tmp_path / "in-b").glob(".*.lock")) == [(tmp_path / "in-b" / ".dispatch-reader-watch.lock")]


def test_second_watcher_on_the_same_inbox_does_not_run(setup, tmp_path: Path):
    places, store, process = setup
    other = Places.make(places.inbox, tmp_path / "elsewhere")
    with Running(places, store, _stub_fail, settle=0.1):
        with pytest.raises(InputFileError, match="another watcher"):
            Watcher(other, store, _stub_fail, None, WatchSettings(once=True)).run()


# -- 8: one file's error is that file's ---------------------------------------------------------


def test_250_character_name_is_read_and_the_others_too(setup):
    places, store, process = setup
    long_name = "Quyet dinh ve viec biet phai cong chuc " * 7
    long_name = long_name[:246] + ".pdf"
    assert len(long_name) == 250
    (places.inbox / long_name).write_bytes(document_bytes(3))
    (places.inbox / ("x" * 246 + ".pdf")).write_bytes(b"not a pdf at all")
    (places.inbox / "a.pdf").write_bytes(document_bytes(4))
    results: list = []
    report = _once(places, store, process, results)
    assert report.counts["done"] == 2 and report.counts["failed"] == 1 and not report.counts["errors"]
    assert store.count() == 2
    assert [p for p in places.inbox.iterdir() if p.is_file() and not p.name.startswith(".")] == []
    assert files_under(places.processing) == []
    for p in files_under(places.root):
        assert len(os.fsencode(p.name)) <= 255
    notes = [p for p in files_under(places.failed) if p.name.endswith(".error.txt")]
    assert len(notes) == 1 and "not a PDF" in notes[0].read_text("utf-8")
    assert {r.file for r in results} == {long_name, "x" * 246 + ".pdf", "a.pdf"}


def test_250_character_name_gets_its_brief(setup):
    from dispatch_reader.briefs.render import BriefWriter

    places, store, process = setup
    long_name = "q" * 246 + ".pdf"
    (places.inbox / long_name).write_bytes(document_bytes(16))
    Watcher(places, store, process, BriefWriter(places.outbox, fmt="html"),
            WatchSettings(settle=0, once=True, max_wait=0)).run()
    briefs = files_under(places.outbox)
    assert len(briefs) == 1 and len(briefs[0].name) <= 255


def test_an_error_on_one_file_does_not_end_a_once_run(setup, monkeypatch):
    places, store, process = setup
    (places.inbox / "a.pdf").write_bytes(document_bytes(5))
    (places.inbox / "b.pdf").write_bytes(document_bytes(6))
    os.utime(places.inbox / "a.pdf", (1, 1))  # a.pdf is taken first
    import dispatch_reader.watch.lifecycle as lifecycle

    real = lifecycle.Lifecycle.take

    def take(self, path: Path):
        if path.name == "a.pdf":
            raise OSError(36, "File name too long")
        return real(self, path)

    monkeypatch.setattr(lifecycle.Lifecycle, "take", take)
    report = _once(places, store, process)
    assert report.counts["done"] == 1 and store.count() == 1  # b.pdf was still read
    assert (places.inbox / "a.pdf").exists()  # left where it was, whole


def test_a_file_that_keeps_failing_is_not_retried_in_a_loop(setup, monkeypatch):
    places, store, process = setup
    (places.inbox / "a.pdf").write_bytes(document_bytes(7))
    calls: list[Path] = []
    import dispatch_reader.watch.lifecycle as lifecycle

    def take(self, path: Path):
        calls.append(path)
        raise InputFileError(path, "cannot take it")

    monkeypatch.setattr(lifecycle.Lifecycle, "take", take)
    with Running(places, store, process, settle=0.05, max_wait=0.1, rescan=0.2):
        time.sleep(1.5)  # many rescans and settle times
    assert len(calls) == 1
    assert (places.inbox / "a.pdf").exists()


def _cannot_read_prefix() -> list[str] | None:
    """A command prefix under which a mode-000 file is unreadable (root reads everything)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_once_run_with_an_unreadable_file_a_long_name_and_a_newline(tmp_path: Path):
    """The probe's cron run: each bad file is dealt with and the good ones are read."""
    prefix = _cannot_read_prefix()
    if prefix is None:
        pytest.skip("no way to make a file unreadable for root here")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    unreadable = inbox / "khoa.pdf"
    unreadable.write_bytes(document_bytes(8))
    unreadable.chmod(0)
    long_name = "v" * 246 + ".pdf"
    (inbox / long_name).write_bytes(document_bytes(9))
    (inbox / "dòng\nmới.pdf").write_bytes(document_bytes(10))
    (inbox / "tốt.pdf").write_bytes(document_bytes(11))
    proc = subprocess.run([*prefix, sys.executable, "-m", "dispatch_reader", "watch", str(inbox), "--once",
                           "--settle", "0", "--max-wait", "0", "--db", url, "--format", "md"],
                          cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr  # one file failed
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 4, proc.stdout
    assert all(line.count("\t") >= 4 for line in lines)
    by_file = {line.split("\t")[1]: line.split("\t")[2] for line in lines}
    assert by_file == {"khoa.pdf": "failed", long_name: "done", "dòng\\nmới.pdf": "done", "tốt.pdf": "done"}
    assert (inbox / "failed" / "khoa.pdf").exists()
    assert "permission denied" in (inbox / "failed" / "khoa.pdf.error.txt").read_text("utf-8")
    assert len(files_under(inbox / "archive")) == 3
    assert files_under(inbox / "processing") == []


# -- 12: control characters in log lines -------------------------------------------------------


def test_newline_and_tab_in_a_file_name_stay_on_one_log_line(setup):
    places, store, process = setup
    (places.inbox / "công văn\nsố 1.pdf").write_bytes(document_bytes(12))
    (places.inbox / "a\tb\x1b[31m.pdf").write_bytes(b"not a pdf")
    results: list = []
    _once(places, store, process, results)
    lines = [r.line() for r in results]
    assert len(lines) == 2
    for line in lines:
        assert "\n" not in line and "\x1b" not in line
        assert len(line.split("\t")) in (5, 6)  # time, file, result, number, seconds[, reason]
    files = sorted(line.split("\t")[1] for line in lines)
    assert files == ["a\\tb\\x1b[31m.pdf", "công văn\\nsố 1.pdf"]
    note = next(p for p in files_under(places.failed) if p.name.endswith(".error.txt"))
    assert note.read_text("utf-8").splitlines()[0].startswith("a\\tb\\x1b[31m.pdf: ")


def test_a_name_that_is_not_utf8_is_shown_escaped(setup):
    places, store, process = setup
    raw = os.fsencode(str(places.inbox)) + b"/scan\xff.pdf"
    with open(raw, "wb") as fh:
        fh.write(b"not a pdf")
    with open(os.fsencode(str(places.inbox)) + b"/good\xfe.pdf", "wb") as fh:
        fh.write(document_bytes(13))
    results: list = []
    _once(places, store, process, results)
    assert sorted((r.line().split("\t")[1], r.result) for r in results) == [
        ("good\\xfe.pdf", "done"), ("scan\\xff.pdf", "failed")]
    results[0].line().encode("utf-8")  # printable as UTF-8 (a lone surrogate would raise)



def test_a_link_planted_as_the_lock_file_is_not_written_through(setup, tmp_path: Path):
    places, store, process = setup
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    places.lock_file.symlink_to(victim)  # anyone who can drop into INBOX can do this
    with pytest.raises(InputFileError, match="lock file"):
        with _exclusive(places):
            pass
    assert victim.read_text() == "keep me"


def test_one_claim_that_cannot_be_finished_is_not_retried_in_a_loop(setup, monkeypatch):
    places, store, process = setup
    (places.inbox / "a.pdf").write_bytes(document_bytes(14))
    (places.inbox / "b.pdf").write_bytes(document_bytes(15))
    os.utime(places.inbox / "a.pdf", (1, 1))  # taken first

    class Crash(BaseException):
        pass

    def crash(step: str, claim: Claim) -> None:
        if step == "journal":
            raise Crash  # killed just after writing a.pdf's journal

    with pytest.raises(Crash):
        Watcher(places, store, process, None, WatchSettings(settle=0, once=True, max_wait=0), step=crash).run()
    real_finish = Lifecycle.finish
    tries: list[str] = []

    def finish(self, claim: Claim):
        if Path(claim.original).name == "a.pdf":
            tries.append(claim.name)
            raise RuntimeError("a bug set off by this one claim")
        return real_finish(self, claim)

    import dispatch_reader.watch.watcher as watcher

    monkeypatch.setattr(Lifecycle, "finish", finish)
    monkeypatch.setattr(watcher, "_BACKOFF_S", 0.05)
    with Running(places, store, process, settle=0.05, rescan=0.2):
        wait_for(lambda: store.count() == 1, 15, "b.pdf stored")
        time.sleep(1.0)  # twenty back-off periods
    assert len(tries) == 1, f"the broken claim was tried {len(tries)} times"
    assert (places.inbox / "a.pdf").exists() and list(places.processing.glob("*.claim.json"))


def test_a_stop_asked_as_soon_as_the_lock_file_shows_is_a_clean_stop(setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """The watcher's signal handlers stand before its lock file does: a SIGTERM sent the moment
    the lock appears (a service manager stopping it at once, CI's own test of it) was met by the
    default handler and killed the watcher (exit -15) instead of stopping it cleanly."""
    import signal

    import dispatch_reader.watch.watcher as watcher_module

    places, store, _ = setup
    seen: list[object] = []

    class Spy(_exclusive):
        def __enter__(self) -> None:
            super().__enter__()
            seen.append(signal.getsignal(signal.SIGTERM))

    monkeypatch.setattr(watcher_module, "_exclusive", Spy)
    before = signal.getsignal(signal.SIGTERM)
    Watcher(places, store, _stub_fail, None, WatchSettings(once=True)).run()
    assert seen and seen[0] not in (signal.SIG_DFL, before)
    assert signal.getsignal(signal.SIGTERM) == before  # put back after the run
