"""The failed-login limit on its own: per name and address, per address, the window, the sweep."""

from __future__ import annotations

import time

from dispatch_reader.web import ratelimit
from dispatch_reader.web.ratelimit import LoginLimiter


def test_limits_per_name_and_per_address(monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    limiter = LoginLimiter(per_name=3, per_address=5, window_s=60)
    for _ in range(3):
        assert limiter.retry_after("10.0.0.1", "Lan") == 0
        limiter.failed("10.0.0.1", "Lan")
    assert limiter.retry_after("10.0.0.1", "lan") > 0  # names compared without case
    assert limiter.retry_after("10.0.0.2", "lan") == 0  # another address is not held
    assert limiter.retry_after("10.0.0.1", "hoa") == 0
    limiter.failed("10.0.0.1", "hoa")
    limiter.failed("10.0.0.1", "minh")
    assert limiter.retry_after("10.0.0.1", "tuan") > 0  # five from one address, whatever the names
    clock[0] += 61
    assert limiter.retry_after("10.0.0.1", "lan") == 0  # the window has passed
    limiter.failed("10.0.0.1", "lan")
    limiter.succeeded("10.0.0.1", "lan")
    assert limiter._failures.get(("10.0.0.1", "lan")) is None


def test_many_names_do_not_grow_memory(monkeypatch) -> None:
    clock = [0.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(ratelimit, "SWEEP_AT", 100)
    limiter = LoginLimiter(per_name=5, per_address=10**9, window_s=10)
    for i in range(1000):
        clock[0] += 1
        limiter.failed("10.0.0.9", f"user{i}")
    assert len(limiter._failures) < 150
