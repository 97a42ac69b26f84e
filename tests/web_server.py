"""A real `dispatch-reader serve` on a free port of 127.0.0.1, for the browser tests and the
screenshot script: its own database, inbox, data and cache folders under one temporary folder,
users added with the `users add` command, stopped (by its process id) at the end."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "dispatch_reader"]
CHROMIUM = "/usr/bin/chromium"  # Debian's package (Makefile APT_PACKAGES); Playwright downloads none

USERS = {"lan": ("clerk", "lan-pass-2025"), "minh": ("reader", "minh-pass-2025")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    inbox: Path
    db: str
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"XDG_DATA_HOME": str(folder / "data"), "XDG_CACHE_HOME": str(folder / "cache"),
                "XDG_CONFIG_HOME": str(folder / "config"), "DISPATCH_READER_DB": f"sqlite:///{folder / 'store.db'}",
                "PYTHONUNBUFFERED": "1"})
    env.pop("DISPATCH_READER_WEB_SECRET", None)
    return env


def run_cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([*CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"dispatch-reader {' '.join(args[:2])} failed: {done.stderr.strip()[-500:]}")


def start(folder: Path, *, watch: bool = True, users: dict[str, tuple[str, str]] = USERS) -> Server:
    folder.mkdir(parents=True, exist_ok=True)
    env = environment(folder)
    for name, (role, password) in users.items():
        run_cli(env, "users", "add", name, "--role", role, "--password", password)
    port = free_port()
    inbox = folder / "inbox"
    log = folder / "serve.log"
    args = [*CLI, "serve", "--port", str(port), "--inbox", str(inbox), "--watch" if watch else "--no-watch"]
    process = subprocess.Popen(args, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    server = Server(url, inbox, env["DISPATCH_READER_DB"], env, process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited: {log.read_text('utf-8', 'replace')[-800:]}")
        try:
            with urllib.request.urlopen(url + "/login", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"serve did not answer within 60 s: {log.read_text('utf-8', 'replace')[-800:]}")
