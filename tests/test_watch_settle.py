"""When a dropped file counts as complete, and how destination names avoid clobbering."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _ingest_make import photo_bytes
from PIL import Image
from test_watch_support import document_bytes

from dispatch_reader.watch.places import clash_name, free_name, place
from dispatch_reader.watch.settle import Tracker, is_temporary, list_inbox, looks_complete


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_file_is_ready_only_after_settling(tmp_path: Path):
    clock = Clock()
    tracker = Tracker(settle=3.0, max_wait=60.0, clock=clock)
    f = tmp_path / "a.pdf"
    data = document_bytes(1)
    f.write_bytes(data[:1000])
    tracker.see(f)
    clock.now += 5
    assert tracker.ready() == []  # quiet long enough, but cut short: no %%EOF yet
    f.write_bytes(data)
    os.utime(f, ns=(1, 2))  # a change of size and time is noticed at the next look
    assert tracker.ready() == []
    clock.now += 2.9
    assert tracker.ready() == []
    clock.now += 0.2
    assert tracker.ready() == [f]


def test_writer_still_holding_the_file_open_is_waited_for(tmp_path: Path):
    clock = Clock()
    tracker = Tracker(settle=1.0, max_wait=600.0, clock=clock)
    f = tmp_path / "scan.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100 + b"IEND\xaeB`\x82")
    tracker.see(f, writing=True)  # inotify: created/modified, no close yet
    clock.now += 20
    assert tracker.ready() == []
    tracker.see(f, writing=False)  # inotify: closed after writing
    clock.now += 1.1
    assert tracker.ready() == [f]


def test_cut_short_file_is_taken_after_max_wait(tmp_path: Path):
    clock = Clock()
    tracker = Tracker(settle=1.0, max_wait=30.0, clock=clock)
    f = tmp_path / "half.pdf"
    f.write_bytes(document_bytes(2)[:500])
    tracker.see(f)
    clock.now += 29
    assert tracker.ready() == []
    clock.now += 2
    assert tracker.ready() == [f]  # then fails with the reader's reason instead of waiting forever


def test_a_cut_short_file_says_once_that_it_waits(tmp_path: Path, caplog):
    """A tester's truncated PDF sat in INBOX five minutes with no word: the watcher says once
    what it waits for, and how long."""
    clock = Clock()
    tracker = Tracker(settle=1.0, max_wait=300.0, clock=clock)
    f = tmp_path / "hỏng một nửa.pdf"
    f.write_bytes(document_bytes(2)[:500])
    tracker.see(f)
    with caplog.at_level("WARNING", logger="dispatch_reader.watch.settle"):
        for _ in range(3):
            clock.now += 2
            assert tracker.ready() == []
    told = [r.getMessage() for r in caplog.records]
    assert len(told) == 1 and "hỏng một nửa.pdf looks cut short" in told[0] and "300 s" in told[0]


def test_vanished_file_is_forgotten(tmp_path: Path):
    tracker = Tracker(settle=0.0, clock=Clock())
    f = tmp_path / "x.pdf"
    f.write_bytes(document_bytes(3))
    tracker.see(f)
    f.unlink()
    assert tracker.ready() == [] and len(tracker) == 0


def _photo(fmt: str) -> bytes:
    return photo_bytes(Image.effect_noise((64, 64), 60), fmt)


@pytest.mark.parametrize("data, complete", [
    (document_bytes(4), True),
    (document_bytes(4)[:-200], False),
    (b"\xff\xd8\xff\xe0" + b"\0" * 50 + b"\xff\xd9", True),
    (b"\xff\xd8\xff\xe0" + b"\0" * 50, False),
    (b"plain garbage, no known start", True),  # nothing to wait for: it fails at once
    # a WebP or HEIC has no end marker but states its size: a copy still short of it waits
    (_photo("webp"), True),
    (_photo("webp")[:-100], False),
    (_photo("heic"), True),
    (_photo("heic")[:-100], False),
    (_photo("heic")[:30], False),  # not even the first box whole
])
def test_looks_complete(tmp_path: Path, data: bytes, complete: bool):
    f = tmp_path / "f"
    f.write_bytes(data)
    assert looks_complete(f) is complete


def test_temporary_names_and_subfolders_are_not_taken(tmp_path: Path):
    for name in ("a.pdf", ".hidden.pdf", "b.pdf.part", "c.pdf.crdownload", "~$d.docx", "e.PDF.TMP", "Công văn f.pdf"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "g.pdf").write_bytes(b"x")
    assert sorted(p.name for p in list_inbox(tmp_path)) == ["Công văn f.pdf", "a.pdf"]
    assert is_temporary("x.pdf.filepart") and not is_temporary("x.pdf")


def test_clash_names_keep_the_extension(tmp_path: Path):
    assert clash_name("Quyết định 12.pdf", 2) == "Quyết định 12 (2).pdf"
    assert clash_name("README", 3) == "README (3)"
    (tmp_path / "a.pdf").write_bytes(b"1")
    (tmp_path / "a (2).pdf.error.txt").write_text("note of another file")
    assert free_name(tmp_path, "a.pdf").name == "a (3).pdf"
    assert free_name(tmp_path, "b.pdf").name == "b.pdf"


def test_place_never_overwrites(tmp_path: Path):
    src, dest = tmp_path / "src.pdf", tmp_path / "dest.pdf"
    src.write_bytes(b"new")
    dest.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        place(src, dest)
    assert dest.read_bytes() == b"old" and src.read_bytes() == b"new"
