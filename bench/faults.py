"""Faults and misuse, as the issue 13 probe tried them, against the real command line.

    .venv/bin/python bench/faults.py            # every case
    .venv/bin/python bench/faults.py fifo tiff  # only cases whose name holds one of these words

Each case is a function in CASES: it sets up a fresh folder, runs `dispatch-reader` in its
own process as a clerk or an attacker would, and returns (expected, observed, ok). The table
at the end has one row per case: case, expected, observed. Add a case by writing one more
function and listing it in CASES. Exits 1 when any case did not hold.

Every watcher started here is killed when its case ends; children run with a 64 MB file-size
limit, so a case that goes wrong (a /dev/zero copy) cannot fill the disk.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dispatch_reader.errors import ExitCode  # noqa: E402

Result = tuple[str, str, bool]  # expected, observed, held
LOCK = ".dispatch-reader-watch.lock"
_FSIZE_LIMIT = 64 << 20

_TEXT = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: {n}/QĐ-UBND
Sơn La, ngày 0{d} tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức đến công tác tại xã
Điều 1. Biệt phái ông Nguyễn Văn Nam đến công tác tại UBND xã Tân Phong.
"""


def document(n: int) -> bytes:
    from dispatch_reader.synth import render_text_pdf

    return render_text_pdf(_TEXT.format(n=n, d=1 + n % 9))


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["COLUMNS"] = "400"
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env.pop("DISPATCH_READER_DEBUG", None)
    return env


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (_FSIZE_LIMIT, _FSIZE_LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)


class Cli:
    """`dispatch-reader ARGS` in the background, killed when the case ends."""

    def __init__(self, work: Path, *args: str, prefix: tuple[str, ...] = ()) -> None:
        self.log = open(work / f"cli-{time.monotonic_ns()}.log", "w+")  # noqa: SIM115
        self.proc = subprocess.Popen([*prefix, sys.executable, "-m", "dispatch_reader", *args], cwd=work,
                                     env=_env(work), stdout=self.log, stderr=subprocess.STDOUT, text=True,
                                     preexec_fn=_limit)

    def __enter__(self) -> Cli:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def stop(self, timeout: float) -> float | None:
        """SIGTERM; seconds it took to end, or None when it did not end in time."""
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return time.monotonic() - started

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()


def run(work: Path, *args: str, prefix: tuple[str, ...] = (), timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "dispatch_reader", *args], cwd=work, env=_env(work),
                          capture_output=True, text=True, timeout=timeout, preexec_fn=_limit)


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) if folder.exists() else []


def stored(db: Path) -> int:
    from dispatch_reader.store import open_store

    with open_store(f"sqlite:///{db}") as store:
        return store.count()


def _watch(work: Path, inbox: Path, *extra: str) -> Cli:
    inbox.mkdir(exist_ok=True)
    cli = Cli(work, "watch", str(inbox), "--db", f"sqlite:///{work / 'db.sqlite3'}", "--format", "md", *extra)
    wait_for(lambda: (inbox / LOCK).exists(), 30)
    time.sleep(0.5)  # the observer is up
    return cli


def _drop_renamed(inbox: Path, name: str, make: Callable[[Path], None]) -> None:
    """Put an entry into INBOX the way copy tools do: a hidden name, then a rename (so the
    watcher sees it complete at once, not only after the writer grace time)."""
    staged = inbox / f".{name}.tmp"
    make(staged)
    staged.rename(inbox / name)


# -- the cases ---------------------------------------------------------------------------------


def _second_watcher_refused(work: Path, inbox: Path) -> bool:
    """Start another watcher on INBOX: True when it refuses within 15 s (exit BUSY, one line)."""
    with Cli(work, "watch", str(inbox), "--db", f"sqlite:///{work / 'db2.sqlite3'}") as other:
        ended = wait_for(lambda: other.proc.poll() is not None, 15)
        return ended and other.proc.returncode == ExitCode.BUSY and "another watcher" in other.output()


def part_and_lock(work: Path) -> Result:
    inbox = work / "inbox"
    data = document(4)
    with _watch(work, inbox, "--settle", "0.5", "--max-wait", "2") as cli:
        part = inbox / "scan.pdf.part"
        part.write_bytes(data[:600])  # a browser downloading into INBOX
        (inbox / "~$owner.docx").write_bytes(b"Word's owner file")
        second = _second_watcher_refused(work, inbox)
        time.sleep(4)  # settle and max-wait are long over
        early = [p.name for p in files(inbox / "failed")]
        with part.open("ab") as fh:
            fh.write(data[600:])
        part.rename(inbox / "scan.pdf")
        archived = wait_for(lambda: len(files(inbox / "archive")) == 1, 30)
        lock_kept = (inbox / LOCK).exists()
        third = _second_watcher_refused(work, inbox)
        cli.stop(20)
    refused = [second, third]
    observed = (f"failed/ before the rename: {early or 'empty'}; scan.pdf {'archived' if archived else 'NOT archived'}; "
                f"lock {'kept' if lock_kept else 'TAKEN'}; 2nd and 3rd watcher refused: {refused}")
    return ("nothing taken early; scan.pdf archived; lock kept; other watchers refused", observed,
            not early and archived and lock_kept and all(refused))


def symlink(work: Path) -> Result:
    inbox = work / "inbox"
    with _watch(work, inbox, "--settle", "0.2", "--max-wait", "1") as cli:
        _drop_renamed(inbox, "x.pdf", lambda p: p.symlink_to("/etc/passwd"))
        (inbox / "after.pdf").write_bytes(document(1))
        wait_for(lambda: len(files(inbox / "archive")) == 1, 30)
        time.sleep(2)
        cli.stop(20)
    secret = Path("/etc/passwd").read_bytes()
    copies = [p for p in files(inbox) if p.name != LOCK and p.read_bytes() == secret]
    link_kept = (inbox / "x.pdf").is_symlink()
    observed = (f"{len(copies)} copies of /etc/passwd; link {'left in INBOX' if link_kept else 'gone'}; "
                f"later file {'archived' if files(inbox / 'archive') else 'NOT archived'}")
    return ("no copy of the target; link left; later file archived", observed,
            not copies and link_kept and len(files(inbox / "archive")) == 1)


def fifo(work: Path) -> Result:
    inbox = work / "inbox"
    with _watch(work, inbox, "--settle", "0.2", "--max-wait", "1") as cli:
        _drop_renamed(inbox, "f.pdf", lambda p: os.mkfifo(p))
        time.sleep(1.5)
        (inbox / "after.pdf").write_bytes(document(2))
        archived = wait_for(lambda: len(files(inbox / "archive")) == 1, 30)
        took = cli.stop(10)
    observed = (f"later file {'archived' if archived else 'NOT archived'}; "
                + (f"SIGTERM ended it in {took:.1f}s" if took is not None else "SIGTERM ignored (blocked)"))
    return ("later file archived; SIGTERM ends it in < 5 s", observed, archived and took is not None and took < 5)


def dev_zero(work: Path) -> Result:
    inbox = work / "inbox"
    with _watch(work, inbox, "--settle", "0.2", "--max-wait", "1") as cli:
        _drop_renamed(inbox, "zero.pdf", lambda p: p.symlink_to("/dev/zero"))
        (inbox / "zero2.pdf").symlink_to("/dev/zero")  # created in place too
        (inbox / "after.pdf").write_bytes(document(3))
        wait_for(lambda: len(files(inbox / "archive")) == 1, 30)
        time.sleep(2)
        cli.stop(20)
        log = cli.output()
    used = sum(p.stat().st_size for p in files(work))
    guard = log.count("File too large")  # a copy of /dev/zero ran into the 64 MB limit of this bench
    observed = (f"{used / 1e6:.1f} MB left under the folders; {guard} copies stopped by the 64 MB guard; "
                f"links {'left' if (inbox / 'zero.pdf').is_symlink() else 'gone'}")
    return ("not followed: nothing copied, links left", observed,
            used < 5e6 and not guard and (inbox / "zero.pdf").is_symlink() and len(files(inbox / "archive")) == 1)


def two_roots(work: Path) -> Result:
    inbox = work / "inbox"
    with _watch(work, inbox, "--root", str(work / "root-a"), "--settle", "0.3") as a, \
            Cli(work, "watch", str(inbox), "--root", str(work / "root-b"), "--db", f"sqlite:///{work / 'db-b.sqlite3'}",
                "--format", "md", "--settle", "0.3") as b:
        refused = wait_for(lambda: b.proc.poll() is not None, 15)
        for i in range(6):
            (inbox / f"d{i}.pdf").write_bytes(document(10 + i))
        wait_for(lambda: len(files(work / "root-a" / "archive")) + len(files(work / "root-b" / "archive")) >= 6
                 and not any(p.suffix == ".pdf" for p in inbox.iterdir()), 60)
        time.sleep(1)
        a.stop(20)
        b.stop(20)
        said = "another watcher" in b.output()
    n_a = stored(work / "db.sqlite3")
    n_b = stored(work / "db-b.sqlite3") if (work / "db-b.sqlite3").exists() else 0
    second = f"exit {b.proc.returncode}{' (another watcher…)' if said else ''}" if refused else "ran beside the first"
    observed = f"second watcher: {second}; stored by first {n_a}, by second {n_b}"
    return (f"second refused (exit {int(ExitCode.BUSY)}, busy); 6 stored once", observed,
            refused and b.proc.returncode == ExitCode.BUSY and said and n_a == 6 and n_b == 0)


def partial_tiff(work: Path) -> Result:
    inbox = work / "inbox"
    data = b"II*\x00" + bytes(range(256)) * 4000  # ~1 MB, no end marker
    with _watch(work, inbox, "--poll", "1") as cli:
        with (inbox / "scan.tif").open("wb") as fh:  # one open file, two halves, an 8 s pause
            fh.write(data[: len(data) // 2])
            fh.flush()
            time.sleep(8)
            fh.write(data[len(data) // 2:])
        wait_for(lambda: any(p.suffix == ".tif" for p in files(inbox / "failed") + files(inbox / "archive")), 90)
        time.sleep(1)
        cli.stop(20)
    kept = [p for p in files(inbox / "failed") + files(inbox / "archive") if p.suffix == ".tif"]
    whole = [p for p in kept if p.read_bytes() == data]
    in_inbox = (inbox / "scan.tif").exists()
    observed = (f"{len(kept)} taken ({len(whole)} whole, {len(kept) - len(whole)} half); "
                f"{'still in INBOX' if in_inbox else 'INBOX empty'}")
    return ("only the whole scan taken; nothing lost", observed, len(kept) == 1 and len(whole) == 1)


def long_name_once(work: Path) -> Result:
    inbox = work / "inbox"
    inbox.mkdir()
    long_name = ("Quyet dinh ve viec biet phai " * 10)[:246] + ".pdf"
    (inbox / long_name).write_bytes(document(20))
    (inbox / "a.pdf").write_bytes(document(21))
    (inbox / "b.pdf").write_bytes(document(22))
    os.utime(inbox / long_name, (1, 1))  # the long name first: it used to end the run
    done = run(work, "watch", str(inbox), "--once", "--settle", "0", "--db", f"sqlite:///{work / 'db.sqlite3'}",
               "--format", "md")
    n = stored(work / "db.sqlite3")
    left = [p.name for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")]
    observed = f"exit {done.returncode}; {n} stored; {len(left)} left in INBOX"
    return ("exit 0; 3 stored; INBOX empty", observed, done.returncode == 0 and n == 3 and not left)


def unreadable_once(work: Path) -> Result:
    """A mode-000 file (for root: without the capabilities that bypass modes)."""
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            return ("(needs setpriv as root)", "skipped", True)
        prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search")
    inbox = work / "inbox"
    inbox.mkdir()
    (inbox / "khoa.pdf").write_bytes(document(30))
    (inbox / "khoa.pdf").chmod(0)
    os.utime(inbox / "khoa.pdf", (1, 1))
    (inbox / "a.pdf").write_bytes(document(31))
    done = run(work, "watch", str(inbox), "--once", "--settle", "0", "--max-wait", "0", "--db",
               f"sqlite:///{work / 'db.sqlite3'}", "--format", "md", prefix=prefix)
    n = stored(work / "db.sqlite3")
    failed = (inbox / "failed" / "khoa.pdf").exists()
    stale = list((inbox / "processing").glob("*.claim.json"))
    observed = (f"exit {done.returncode}; {n} stored; unreadable file {'in failed/' if failed else 'not in failed/'}; "
                f"{len(stale)} stale journals")
    return ("exit 1; the other stored; it in failed/; no stale journal", observed,
            done.returncode == 1 and n == 1 and failed and not stale)


def newline_name(work: Path) -> Result:
    inbox = work / "inbox"
    inbox.mkdir()
    (inbox / "công văn\nsố 1.pdf").write_bytes(document(40))
    (inbox / "a\tb.pdf").write_bytes(b"not a pdf")
    done = run(work, "watch", str(inbox), "--once", "--settle", "0", "--db", f"sqlite:///{work / 'db.sqlite3'}",
               "--format", "md")
    lines = done.stdout.splitlines()
    fields = sorted(len(line.split("\t")) for line in lines)
    observed = f"{len(lines)} lines, fields per line {fields}"
    return ("2 lines, 5-6 fields each", observed, len(lines) == 2 and all(f in (5, 6) for f in fields))


def concurrent_process(work: Path) -> Result:
    """Four `process` runs started at once on overlapping folders, into one SQLite store."""
    from collections import Counter

    from dispatch_reader.store import open_store

    folders = [work / f"f{k}" for k in range(3)]
    for k, folder in enumerate(folders):
        folder.mkdir()
        for i in range(3):
            (folder / f"qd-{3 * k + i}.pdf").write_bytes(document(50 + 3 * k + i))
    a, b, c = (str(f) for f in folders)
    db = f"sqlite:///{work / 'db.sqlite3'}"
    runs = [Cli(work, "process", *given, "--db", db, "--out", str(work / "briefs"), "--format", "md", "-j", "1")
            for given in ((a, b), (b, c), (c, a), (a, b, c))]
    said = []
    for cli in runs:
        cli.proc.wait(timeout=300)
        found = re.search(r"(\d+) processed, (\d+) already stored", cli.output())
        said.append(f"{found[1]}+{found[2]}" if found else "?")
        cli.__exit__()
    exits = [cli.proc.returncode for cli in runs]
    with open_store(db) as store:
        history = store.history()
        n = store.count()
    reads = Counter(h.sha256 for h in history)  # one run per read: created, replaced or failed
    per_file = Counter(reads.values())  # {times read: how many files}
    briefs = len([p for p in files(work / "briefs") if p.name != "summary.md"])
    observed = (f"exits {exits}; read+skipped per run {' '.join(said)}; {n} stored; files read once: {per_file.get(1, 0)}, more than once: "
                f"{sum(v for k, v in per_file.items() if k > 1)} ({len(history)} reads of 9 files); "
                f"{briefs} document briefs")
    return ("all exit 0; 9 stored, each file read once; 9 briefs", observed,
            exits == [0, 0, 0, 0] and n == 9 and len(reads) == 9 and set(reads.values()) == {1} and briefs == 9)


CASES: list[Callable[[Path], Result]] = [
    part_and_lock,
    symlink,
    fifo,
    dev_zero,
    two_roots,
    partial_tiff,
    long_name_once,
    unreadable_once,
    newline_name,
    concurrent_process,
]
# exports and briefs (bench/faults_briefs.py): formula injection, PDF template fetch, full --out disk
from faults_briefs import CASES as _BRIEF_CASES  # noqa: E402

CASES += _BRIEF_CASES


def main(argv: list[str]) -> int:
    chosen = [c for c in CASES if not argv or any(word in c.__name__ for word in argv)]
    rows: list[tuple[str, str, str, str]] = []
    for case in chosen:
        work = Path(tempfile.mkdtemp(prefix=f"faults-{case.__name__}-"))
        started = time.monotonic()
        try:
            expected, observed, ok = case(work)
        except Exception as exc:  # a case that breaks is a row, not the end of the table
            expected, observed, ok = "(case ran)", f"case raised {exc!r}"[:160], False
        finally:
            shutil.rmtree(work, ignore_errors=True)
        rows.append((case.__name__, expected, observed, "ok" if ok else "FAILED"))
        print(f"{case.__name__}: {'ok' if ok else 'FAILED'} ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    header = ("case", "expected", "observed", "held")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0 if all(r[3] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
