"""What an operator sees of a queued batch: `batch --queue … --status`, and the bar while
`batch --queue` waits for the fleet."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from rich.table import Table

from dispatch_reader.fleet import tasks
from dispatch_reader.watch.places import display

POLL = 1.0  # seconds between looks at the store while waiting


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    if seconds < 86400 * 2:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds / 86400:.1f} days"


def status_table(found: list[tasks.Counts], depth: tuple[int | None, int | None]) -> Table:
    at = tasks.now()
    table = Table(title="queued batches")
    for col in ("batch", "folders", "queued", "running", "done", "failed", "pages/min", "ETA"):
        table.add_column(col, overflow="fold", justify="right" if col not in ("batch", "folders") else "left")
    for c in found:
        ppm = c.pages_per_minute(at)
        done = f"{c.done + c.skipped}" + (f" ({c.skipped} already stored)" if c.skipped else "")
        eta = "done" if not c.pending else _duration(c.eta_seconds(at))
        table.add_row(c.batch, c.label, str(c.queued), str(c.running), done, str(c.failed),
                      f"{ppm:.0f}" if ppm else "–", eta)
    waiting, held = depth
    if waiting is not None:
        table.caption = (f"broker: {waiting} message(s) waiting"
                         + (f", {held} held by workers" if held is not None else ""))
    return table


def failures_table(failed: list[tasks.Task], total: int) -> Table:
    table = Table(title=f"failed: dead letters ({total})")
    table.add_column("file", overflow="fold")
    table.add_column("kind")
    table.add_column("reason", overflow="fold")
    for t in failed:
        table.add_row(display(t.source), t.kind or "", t.reason or "")
    if total > len(failed):
        table.add_row(f"… and {total - len(failed)} more", "", "")
    return table


def follow(store: Any, batch: str, expected: set[str], on_end: Callable[[tasks.Task], None],
           stop: Callable[[], bool] = lambda: False, poll: float = POLL,
           on_away: Callable[[str | None], None] = lambda _reason: None) -> bool:
    """Call `on_end` for each task of `batch` in `expected` as it ends, until all have; False
    when `stop()` said to stop first.

    The database away (restarting, failing over) is waited out, as the workers wait it out:
    `on_away(reason)` when it goes, `on_away(None)` when it answers again."""
    from dispatch_reader.errors import StoreError

    left = set(expected)
    seen: set[str] = set()
    after: dt.datetime | None = None
    away = False
    while left:
        if stop():
            return False
        try:
            found = tasks.finished_since(store, batch, after, seen)
        except StoreError as exc:
            if not away:
                away = True
                on_away(exc.reason)
            time.sleep(poll)
            continue
        if away:
            away = False
            on_away(None)
        for t in found:
            seen.add(t.id)
            if t.id in left:
                left.discard(t.id)
                on_end(t)
        if found:
            # rows are committed out of finishing order by a few moments at most
            newest = max(t.finished_at for t in found if t.finished_at)
            after = newest - dt.timedelta(seconds=60)
        if left:
            time.sleep(poll)
    return True
