"""Failed-login limit: after N failures of one user name from one address (or M from one address
for any names) within a window, further tries are refused without checking the password.

Kept in the server's memory (one `serve` process); a restart forgets it, which only gives back
tries an attacker already had.
"""

from __future__ import annotations

import threading
import time
from collections import deque

SWEEP_AT = 10_000  # keys kept before stale ones are swept, so guessing many names cannot grow memory for ever


class LoginLimiter:
    def __init__(self, per_name: int, per_address: int, window_s: float) -> None:
        self.per_name, self.per_address, self.window_s = per_name, per_address, window_s
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def retry_after(self, address: str, name: str) -> int:
        """Seconds until a try is allowed again; 0 when it is allowed now."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key, limit in (((address, name.casefold()), self.per_name), ((address, ""), self.per_address)):
                times = self._recent(key, now)
                if len(times) >= limit:
                    waits.append(times[len(times) - limit] + self.window_s - now)
            return max(1, int(max(waits)) + 1) if waits else 0

    def failed(self, address: str, name: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > SWEEP_AT:  # many names tried: forget what is out of the window
                for key in list(self._failures):
                    self._recent(key, now)
            for key in ((address, name.casefold()), (address, "")):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, address: str, name: str) -> None:
        with self._lock:
            self._failures.pop((address, name.casefold()), None)
