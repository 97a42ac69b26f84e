"""One dropped file's way through the folders, and a crash at every step of it.

A crash is simulated by the lifecycle's step hook raising at that step (nothing after it runs,
as if the process had died there); a new watcher then starts on the same folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import pg_server_url, store_url  # noqa: F401  (pytest fixtures)
from test_watch_support import document_bytes, files_under, sha256_bytes, store_runs

from dispatch_reader.ingest.reader import IngestSettings
from dispatch_reader.pipeline import process_file
from dispatch_reader.store import open_store
from dispatch_reader.watch.claims import Claim
from dispatch_reader.watch.lifecycle import Lifecycle
from dispatch_reader.watch.places import Places
from dispatch_reader.watch.watcher import Watcher, WatchSettings


class Crash(BaseException):
    """Stands for SIGKILL: nothing catches it, nothing after the step runs."""


@pytest.fixture
def setup(tmp_path: Path):
    places = Places.make(tmp_path / "inbox")
    places.ensure()
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    store = open_store(url)
    settings = IngestSettings(cache_dir=None)
    yield places, store, url, (lambda p: process_file(p, store, None, settings))
    store.close()


def _watcher(places, store, process, step=None, results=None):
    from dispatch_reader.briefs.render import BriefWriter

    return Watcher(places, store, process, BriefWriter(places.outbox, fmt="md"),
                   WatchSettings(settle=0, once=True, max_wait=0),
                   on_result=(results.append if results is not None else None), step=step)


def _where(places: Places, name: str) -> list[str]:
    """Every place a file of this name (or its clash-renamed copy) is in."""
    stem = Path(name).stem
    found = []
    for folder, label in ((places.inbox, "inbox"), (places.processing, "processing"), (places.archive, "archive"),
                          (places.failed, "failed"), (places.duplicates, "duplicates")):
        files = folder.iterdir() if folder == places.inbox else folder.rglob("*")
        for p in files:
            if p.is_file() and p.name.startswith(stem) and not p.name.endswith((".txt", ".json")):
                found.append(label)
    return found


def test_done_duplicate_and_failed_each_end_in_their_folder(setup):
    places, store, url, process = setup
    good = document_bytes(1)
    (places.inbox / "Quyết định số 1.pdf").write_bytes(good)
    (places.inbox / "bản sao.pdf").write_bytes(good)  # same bytes: a duplicate
    (places.inbox / "hỏng.pdf").write_bytes(b"this is a text file, not a PDF\n")
    (places.inbox / "ghi chú.docx").write_bytes(b"PK\x03\x04 not ours")
    results = []
    report = _watcher(places, store, process, results=results).run()

    assert report.counts == {"done": 1, "duplicate": 1, "failed": 2}
    assert [p.name for p in places.inbox.iterdir() if p.is_file() and not p.name.startswith(".")] == []
    assert files_under(places.processing) == []
    archived = files_under(places.archive)
    assert len(archived) == 1 and archived[0].read_bytes() == good
    assert archived[0].parent.parent.parent == places.archive  # archive/YYYY/MM/
    assert archived[0].parent.name.isdigit() and len(archived[0].parent.name) == 2
    # the duplicate says which stored document it repeats
    which = next(p for p in files_under(places.duplicates) if p.name.endswith(".duplicate.txt"))
    assert which.read_text("utf-8").startswith(("bản sao.pdf repeats stored document", "Quyết định số 1.pdf repeats"))
    assert "1/QĐ-UBND" in which.read_text("utf-8")
    # failures say why, one note per failed file
    notes = {p.name: p.read_text("utf-8") for p in files_under(places.failed) if p.name.endswith(".error.txt")}
    assert set(notes) == {"hỏng.pdf.error.txt", "ghi chú.docx.error.txt"}
    assert "not a PDF" in notes["hỏng.pdf.error.txt"]
    assert "not a PDF or image" in notes["ghi chú.docx.error.txt"]
    # one brief, named so a reused scanner file name cannot overwrite another document's brief
    briefs = files_under(places.outbox)
    assert len(briefs) == 1 and sha256_bytes(good)[:10] in briefs[0].name
    assert store.count() == 1
    lines = [r.line() for r in results]
    assert any(line.split("\t")[1:4] == ["Quyết định số 1.pdf", "done", "1/QĐ-UBND"] for line in lines)


def test_name_clash_in_destination_keeps_both(setup):
    places, store, url, process = setup
    month = places.archive
    (places.inbox / "scan 0001.pdf").write_bytes(document_bytes(2))
    _watcher(places, store, process).run()
    (places.inbox / "scan 0001.pdf").write_bytes(document_bytes(3))  # the scanner reuses the name
    _watcher(places, store, process).run()
    archived = files_under(month)
    assert sorted(p.name for p in archived) == ["scan 0001 (2).pdf", "scan 0001.pdf"]
    assert {sha256_bytes(p.read_bytes()) for p in archived} == {sha256_bytes(document_bytes(2)),
                                                                sha256_bytes(document_bytes(3))}
    assert len(files_under(places.outbox)) == 2
    assert store.count() == 2


def test_a_new_file_dropped_under_the_same_name_while_reading_stays_in_inbox(setup):
    places, store, url, process = setup
    first, second = document_bytes(4), document_bytes(5)
    dropped = places.inbox / "văn bản.pdf"
    dropped.write_bytes(first)

    def replace_it(step: str, claim: Claim) -> None:
        if step == "stored" and dropped.read_bytes() == first:
            dropped.unlink()
            dropped.write_bytes(second)  # the clerk drops another document with the same name

    _watcher(places, store, process, step=replace_it).run()
    assert store.has(sha256_bytes(first)) and store.has(sha256_bytes(second))
    assert sorted(p.name for p in files_under(places.archive)) == ["văn bản (2).pdf", "văn bản.pdf"]
    assert not dropped.exists()


def test_file_written_to_while_being_copied_is_left_for_later(setup, monkeypatch):
    places, store, url, process = setup
    dropped = places.inbox / "a.pdf"
    dropped.write_bytes(document_bytes(6))
    import dispatch_reader.watch.places as fs

    real_copy = fs.copy_into_place

    def copy_then_append(src: Path, dest: Path) -> None:
        real_copy(src, dest)
        with src.open("ab") as fh:  # the writer was not done after all
            fh.write(b"\n% more\n")

    monkeypatch.setattr(fs, "copy_into_place", copy_then_append)
    assert Lifecycle(places, store, process).take(dropped) is None
    assert dropped.exists() and files_under(places.processing) == []
    assert store.count() == 0


DONE_STEPS = ["journal", "claimed", "decided", "read", "stored", "dest", "placed", "original-removed"]


@pytest.mark.parametrize("step", DONE_STEPS)
def test_crash_at_each_step_of_a_stored_file_then_restart(setup, step):
    places, store, url, process = setup
    data = document_bytes(10)
    (places.inbox / "Công văn 10.pdf").write_bytes(data)

    def crash(at: str, claim: Claim) -> None:
        if at == step:
            raise Crash(at)

    with pytest.raises(Crash):
        _watcher(places, store, process, step=crash).run()
    report = _watcher(places, store, process).run()  # the restart

    assert _where(places, "Công văn 10.pdf") == ["archive"]
    assert files_under(places.processing) == []
    assert files_under(places.archive)[0].read_bytes() == data
    assert store.count() == 1
    runs = store_runs(url)
    assert runs["created"] == 1 and runs["replaced"] == 0, runs  # read and stored once, never twice
    assert sum(report.counts.values()) == 1
    assert len(files_under(places.outbox)) == 1


@pytest.mark.parametrize("step", ["decided", "dest", "placed", "original-removed"])
def test_crash_while_setting_aside_a_duplicate(setup, step):
    places, store, url, process = setup
    data = document_bytes(11)
    (places.inbox / "gốc.pdf").write_bytes(data)
    _watcher(places, store, process).run()
    (places.inbox / "bản sao.pdf").write_bytes(data)

    def crash(at: str, claim: Claim) -> None:
        if at == step:
            raise Crash(at)

    with pytest.raises(Crash):
        _watcher(places, store, process, step=crash).run()
    _watcher(places, store, process).run()
    assert _where(places, "bản sao.pdf") == ["duplicates"]
    assert len([p for p in files_under(places.duplicates) if p.name.endswith(".duplicate.txt")]) == 1
    assert files_under(places.processing) == []
    assert store.count() == 1 and store_runs(url)["replaced"] == 0


@pytest.mark.parametrize("step", ["read", "stored", "dest", "placed"])
def test_crash_while_failing_a_file(setup, step):
    places, store, url, process = setup
    (places.inbox / "rác.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)  # no end marker: truncated

    def crash(at: str, claim: Claim) -> None:
        if at == step:
            raise Crash(at)

    with pytest.raises(Crash):
        _watcher(places, store, process, step=crash).run()
    _watcher(places, store, process).run()
    assert _where(places, "rác.pdf") == ["failed"]
    notes = [p for p in files_under(places.failed) if p.name.endswith(".error.txt")]
    assert len(notes) == 1 and "rác.pdf:" in notes[0].read_text("utf-8")
    assert store.count() == 0


def test_database_down_keeps_the_file_for_later(setup, tmp_path):
    places, store, url, process = setup
    data = document_bytes(12)
    (places.inbox / "x.pdf").write_bytes(data)
    from dispatch_reader.errors import StoreError
    from dispatch_reader.pipeline import Outcome

    def db_down(path: Path) -> Outcome:
        return Outcome(path, "failed", error=StoreError(tmp_path / "records.sqlite3", "cannot write to the database"))

    original_count = store.count
    store.count = lambda: (_ for _ in ()).throw(StoreError("db", "down"))  # the probe fails too
    try:
        report = _watcher(places, store, db_down).run()
    finally:
        store.count = original_count
    assert report.counts["errors"] == 1 and not report.counts["failed"]
    assert files_under(places.failed) == []
    assert (places.inbox / "x.pdf").exists()  # not lost, not failed: kept for when the database is back
    _watcher(places, store, process).run()
    assert _where(places, "x.pdf") == ["archive"] and store.count() == 1


def test_second_watcher_on_the_same_folder_is_refused(setup):
    places, store, url, process = setup
    from dispatch_reader.errors import InputFileError
    from dispatch_reader.watch.watcher import _exclusive

    with _exclusive(places):
        with pytest.raises(InputFileError, match="another watcher"):
            with _exclusive(places):
                pass


def test_a_stranger_file_at_the_chosen_name_is_not_mistaken_for_ours(setup):
    places, store, url, process = setup
    data = document_bytes(13)
    (places.inbox / "tờ trình.pdf").write_bytes(data)
    chosen = []

    def crash(at: str, claim: Claim) -> None:
        if at == "dest":
            chosen.append(Path(claim.dest))
            raise Crash(at)

    with pytest.raises(Crash):
        _watcher(places, store, process, step=crash).run()
    chosen[0].write_bytes(b"someone filed this by hand")  # before the restart could place ours
    _watcher(places, store, process).run()
    assert chosen[0].read_bytes() == b"someone filed this by hand"
    ours = chosen[0].with_name("tờ trình (2).pdf")
    assert ours.read_bytes() == data
    assert files_under(places.processing) == [] and not (places.inbox / "tờ trình.pdf").exists()


@pytest.mark.parametrize("step", ["read", "placed"])
def test_crash_and_restart_on_each_database(tmp_path: Path, store_url: str, step: str):
    places = Places.make(tmp_path / "inbox")
    places.ensure()
    docs = {f"d{i}.pdf": document_bytes(20 + i) for i in range(3)}
    for name, data in docs.items():
        (places.inbox / name).write_bytes(data)
    settings = IngestSettings(cache_dir=None)
    with open_store(store_url) as store:
        def process(p: Path):
            return process_file(p, store, None, settings)

        def crash(at: str, claim: Claim) -> None:
            if at == step and claim.name == "d1.pdf":
                raise Crash(at)

        with pytest.raises(Crash):
            _watcher(places, store, process, step=crash).run()
        _watcher(places, store, process).run()
        assert sorted(sha256_bytes(p.read_bytes()) for p in files_under(places.archive)) == sorted(
            sha256_bytes(d) for d in docs.values())
        assert store.count() == 3
    assert store_runs(store_url) == {"created": 3}


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_a_scan_after_its_born_digital_file_rewrites_the_documents_brief(setup):
    """One brief per document, as `process` writes it: the scan dropped after its born-digital
    file joins that document; its brief is rewritten from the best-read file and names the scan,
    no second brief is added for the scan."""
    import shutil

    places, store, url, process = setup
    born, scan = SAMPLES / "qd-biet-phai-01.pdf", SAMPLES / "qd-biet-phai-01.scan.pdf"
    results = []
    shutil.copy(born, places.inbox / born.name)
    _watcher(places, store, process, results=results).run()
    shutil.copy(scan, places.inbox / scan.name)  # OCR: a few seconds
    _watcher(places, store, process, results=results).run()

    assert [r.result for r in results] == ["done", "done"]
    briefs = files_under(places.outbox)
    assert [p.name for p in briefs] == [f"qd-biet-phai-01-{sha256_bytes(born.read_bytes())[:10]}.md"]
    assert results[0].brief == results[1].brief == briefs[0]
    text = briefs[0].read_text("utf-8")
    assert "từ tệp qd-biet-phai-01.pdf" in text  # made from the born-digital file, the best read
    assert "qd-biet-phai-01.scan.pdf" in text  # and naming the scan
    assert len(store.find_ids(sha256_bytes(scan.read_bytes()))) == 1


def test_a_brief_that_fails_in_any_way_never_fails_the_stored_file(setup, monkeypatch, caplog):
    from dispatch_reader.briefs.render import BriefWriter

    places, store, url, process = setup

    def broken(self, *args, **kwargs):
        raise RuntimeError("a user template broke\non two lines")

    monkeypatch.setattr(BriefWriter, "document", broken)
    (places.inbox / "x.pdf").write_bytes(document_bytes(31))
    results = []
    with caplog.at_level("WARNING", logger="dispatch_reader.watch.lifecycle"):
        _watcher(places, store, process, results=results).run()
    assert [r.result for r in results] == ["done"] and results[0].brief is None
    assert _where(places, "x.pdf") == ["archive"] and store.count() == 1
    warned = [r.getMessage() for r in caplog.records if "no brief" in r.getMessage()]
    assert len(warned) == 1 and "\n" not in warned[0] and "a user template broke" in warned[0]


def test_the_same_file_dropped_twice_at_once_is_stored_once(setup, monkeypatch, tmp_path):
    """A tester copied one scan in under two names at once: two workers each found it not yet
    stored, read it, and both ended `done` in archive/, the second name in no record. The
    second save now finds the file stored meanwhile: the first reading stays, and the second
    file is a duplicate."""
    places, store, url, process = setup
    good = document_bytes(3)
    twin = tmp_path / "QD 3 ban chup.pdf"
    twin.write_bytes(good)
    (places.inbox / "qd-3 (gửi lại).pdf").write_bytes(good)

    def racing(path):
        # the other worker commits the twin between this worker's check and its save
        assert process_file(twin, store, None, IngestSettings(cache_dir=None)).status == "done"
        monkeypatch.setattr(store, "has", lambda sha: False)  # what this worker saw before
        try:
            return process(path)
        finally:
            monkeypatch.undo()

    results = []
    report = _watcher(places, store, racing, results=results).run()
    assert report.counts == {"duplicate": 1}
    assert _where(places, "qd-3 (gửi lại).pdf") == ["duplicates"]
    assert store.count_files() == 1
    assert store.get(sha256_bytes(good)).source.file_name == "QD 3 ban chup.pdf"
    runs = [r for r in store.history() if r.sha256 == sha256_bytes(good)]
    assert [r.status for r in runs] == ["created"]  # no second reading replaced the first
