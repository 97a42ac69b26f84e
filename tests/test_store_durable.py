"""Making a commit durable must not cost another process its writes (SQLite, several processes).

A process that holds SQLite connections must never open and close the database file (or its
-wal/-shm) itself: closing any descriptor of a file drops every POSIX lock the process holds on
it, so another process closing its last connection believes it is the only one, checkpoints and
deletes the WAL under the first one's feet; the two then see different databases and the first
one's final checkpoint overwrites the other's writes (fresh-eyes finding 1: `serve` and a CLI
command, or a long-running `watch` and a CLI command).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from dispatch_reader.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

HOLDER = """
import sys
from sqlalchemy import text
from dispatch_reader.store import open_store
from dispatch_reader.watch.lifecycle import make_durable

store = open_store(sys.argv[1])
with store.engine.begin() as conn:
    conn.execute(text("INSERT INTO durable_probe (who) VALUES ('holder 1')"))
make_durable(store)  # what the watcher does after storing a file (serve's watcher thread, watch)
with store.engine.connect() as conn:  # a connection stays in the pool, as in serve
    conn.execute(text("SELECT count(*) FROM durable_probe")).scalar_one()
print("ready", flush=True)
sys.stdin.readline()  # the other process writes and closes meanwhile
with store.engine.begin() as conn:
    conn.execute(text("INSERT INTO durable_probe (who) VALUES ('holder 2')"))
with store.engine.connect() as conn:
    print(",".join(sorted(conn.execute(text("SELECT who FROM durable_probe")).scalars())), flush=True)
store.close()
"""

WRITER = """
import sys
from sqlalchemy import text
from dispatch_reader.store import open_store

store = open_store(sys.argv[1])
with store.engine.begin() as conn:
    conn.execute(text("INSERT INTO durable_probe (who) VALUES ('other')"))
store.close()  # its last connection: SQLite checkpoints and deletes the WAL only if it is the last of all
"""


def test_durable_step_keeps_other_processes_writes(tmp_path):
    db = tmp_path / "records.db"
    url = f"sqlite:///{db}"
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE durable_probe (who TEXT NOT NULL)"))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], env=ENV, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "ready"
        subprocess.run([sys.executable, "-c", WRITER, url], env=ENV, check=True)
        # the holder still has its connection: the WAL must still be there for it
        assert Path(f"{db}-wal").exists(), "the WAL was deleted while another process held a connection"
        holder.stdin.write("go\n")
        holder.stdin.flush()
        seen = holder.stdout.readline().strip()
    finally:
        if holder.poll() is None:
            holder.stdin.close()  # type: ignore[union-attr]
        assert holder.wait() == 0
    assert seen == "holder 1,holder 2,other"  # both processes see one database
    with open_store(url) as store, store.engine.connect() as conn:
        assert sorted(conn.execute(text("SELECT who FROM durable_probe")).scalars()) == ["holder 1", "holder 2", "other"]
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL: each commit is durable


def test_make_durable_opens_no_database_file(tmp_path, monkeypatch):
    """The durability step itself opens neither the database file nor its -wal/-shm."""
    db = tmp_path / "records.db"
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    from dispatch_reader.watch.lifecycle import make_durable

    with open_store(f"sqlite:///{db}") as store:
        with store.engine.begin() as conn:
            conn.execute(text("CREATE TABLE durable_probe (who TEXT NOT NULL)"))
        monkeypatch.setattr(os, "open", spy)
        make_durable(store)
        monkeypatch.undo()
    assert not [p for p in opened if Path(p).name.startswith("records.db")]
