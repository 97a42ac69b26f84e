"""A sending's period in months, as a document states it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, months", [
    ("thoi han 06 thang", 6.0), ("thoi gian biet phai: 03 nam", 36.0),
    ("thoi gian tang cuong toi thieu 12 thang", 12.0),
    # a reviewer's: the law's ceiling is no sending's period
    ("thoi han biet phai khong qua 03 nam", None), ("thoi han toi da 24 thang", None),
])
def test_a_period_in_months_and_a_ceiling_that_is_none(text: str, months: float | None) -> None:
    from dispatch_reader.extract.dates import period_months

    assert period_months(text) == months
