"""A throwaway PostgreSQL server for tests, on 127.0.0.1 and a free port, deleted afterwards.

`server_url()` gives a URL to a server the tests may create databases on: the one in
$DISPATCH_READER_TEST_PG when set, else a cluster started here from the Debian binaries
(/usr/lib/postgresql/*/bin), else None (the PostgreSQL tests then skip).

Run as a script to try it: `python tests/pg_server.py` starts a server, prints its URL, stops it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ENV_URL = "DISPATCH_READER_TEST_PG"
# set to 1 in CI: a missing PostgreSQL then fails the PostgreSQL tests instead of skipping them
ENV_REQUIRE = "DISPATCH_READER_REQUIRE_PG"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayServer:
    """initdb + pg_ctl start in a temporary folder; `stop()` removes it all."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.dir: Path | None = None
        self.port = 0
        self.user_prefix: list[str] = []
        self.error: str | None = None  # why no server could be started

    def start(self) -> str | None:
        if self.bin is None:
            self.error = "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
            return None
        root = os.geteuid() == 0
        # as root the server runs as `postgres`, which must reach the folder: /tmp, not a private TMPDIR
        self.dir = Path(tempfile.mkdtemp(prefix="dr-pg-", dir="/tmp" if root and Path("/tmp").is_dir() else None))
        data = self.dir / "data"
        if root:
            # initdb refuses to run as root; the Debian package brings a `postgres` user
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                self.error = "running as root and there is no 'postgres' user to run the server"
                self.stop()
                return None
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user_prefix = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        try:
            self._run([str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                       "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
            self._pg_ctl_start()
        except subprocess.CalledProcessError as exc:
            tail = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:] or [""]
            self.error = f"{Path(exc.cmd[len(self.user_prefix)]).name} failed: {tail[0]}"
            self.stop()
            return None
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.error = f"cannot start PostgreSQL: {exc}"
            self.stop()
            return None
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl_start(self) -> None:
        assert self.dir is not None and self.bin is not None
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-t", "60",
                   "-o", f"-h 127.0.0.1 -p {self.port} -k {self.dir} -F -c max_connections=60", "start"])

    def _run(self, cmd: list[str]) -> None:
        subprocess.run(self.user_prefix + cmd, check=True, capture_output=True, timeout=120)

    # -- an outage, for the tests of what survives one (the cluster and its data are kept) ----------

    def halt(self, mode: str = "fast") -> None:
        """Shut the server down, as an operator or a failover does: `fast` ends every session
        (clients see their connections drop), `immediate` is a crash. Returns once it is down."""
        assert self.dir is not None and self.bin is not None, "not started"
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", mode, "-w", "-t", "60", "stop"])

    def resume(self) -> None:
        """Start the halted server again, same port, same data; returns once it accepts connections."""
        self._pg_ctl_start()

    def restart(self, mode: str = "fast") -> None:
        """halt() then resume(): every connection open before is gone afterwards."""
        self.halt(mode)
        self.resume()

    def stop(self) -> None:
        if self.dir is None:
            return
        data = self.dir / "data"
        if (data / "postmaster.pid").exists() and self.bin is not None:
            try:
                self._run([str(self.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
            except (subprocess.CalledProcessError, OSError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


def reachable(url: str) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(_libpq(url), connect_timeout=5):
            return True
    except psycopg.Error:
        return False


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def create_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = "dr_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    base, _, _db = server_url.rpartition("/")
    return f"{base}/{name}"


def drop_database(server_url: str, db_url: str) -> None:
    import psycopg

    name = db_url.rpartition("/")[2]
    with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    server = ThrowawayServer()
    started = time.monotonic()
    url = server.start()
    print(url, reachable(url) if url else server.error, f"{time.monotonic() - started:.1f}s")
    server.stop()
