"""Which database, and a SQLAlchemy engine set up for safe concurrent use.

SQLite (the default) runs in WAL mode with foreign keys on, waits for locks instead of failing,
and takes the write lock at the start of a write transaction (BEGIN IMMEDIATE) so two writers
queue instead of deadlocking on a lock upgrade. PostgreSQL is used when the URL says so.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dispatch_reader.errors import StoreError

ENV_VAR = "DISPATCH_READER_DB"
DEFAULT_FILE = "records.sqlite3"
# seconds a writer waits for another process's transaction before giving up
LOCK_TIMEOUT = 60


def store_error(where: str | Path, reason: str) -> StoreError:
    """StoreError naming a file path or a URL (a URL must not go through Path, which eats '//')."""
    if "://" in str(where):
        return StoreError(None, f"{where}: {reason}")
    return StoreError(where, reason)


def default_sqlite_path() -> Path:
    return Path(user_data_dir("dispatch-reader")) / DEFAULT_FILE


def resolve_url(url: str | None = None) -> str:
    """`url`, else $DISPATCH_READER_DB, else the default SQLite file; a bare path means SQLite."""
    chosen = url or os.environ.get(ENV_VAR) or ""
    chosen = chosen.strip()
    if not chosen:
        return f"sqlite:///{default_sqlite_path()}"
    if "://" not in chosen:
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    if chosen.startswith(("postgresql://", "postgres://")):
        # the only PostgreSQL driver we ship is psycopg 3
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine for `url`; raises StoreError naming the database when it cannot be used."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise store_error(display_url(url), f"not a database URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        except ModuleNotFoundError as exc:
            raise store_error(display_url(url), f"PostgreSQL driver missing ({exc.name}); install psycopg[binary]") from None
    raise store_error(display_url(url), f"unsupported database '{backend}' (use sqlite:/// or postgresql+psycopg://)")


def _set_wal(cur: Any) -> None:
    """Switch to WAL, waiting for a lock like any write would.

    Turning a new database to WAL needs an exclusive lock, and SQLite answers "database is
    locked" at once instead of calling the busy handler when another process holds one (two
    processes opening a new database together, e.g. a watcher and a batch).
    """
    import sqlite3

    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_engine(url: str) -> Engine:
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(path, f"cannot create the database folder ({exc.strerror})") from None
        if path.exists() and path.is_dir():
            raise StoreError(path, "is a folder, not a database file")
    engine = create_engine(url, connect_args={"timeout": LOCK_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # let SQLAlchemy's begin event decide how transactions start (see _on_begin)
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {LOCK_TIMEOUT * 1000}")
        cur.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            _set_wal(cur)
            # FULL: every commit syncs the WAL, so a stored file is on disk before the watcher
            # removes the dropped one, without anyone opening the database file outside SQLite
            # (which would drop this process's locks on it: see watch/lifecycle.make_durable)
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
