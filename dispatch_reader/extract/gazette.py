"""The Official Gazette's issue line, printed over every page of a document it publishes
(`CÔNG BÁO/Số 292/Ngày 30-05-2026`), as a check on the issue date read from a damaged page.

The Gazette prints a document after it is signed, and soon after: on the 45 real Gazette files
of our development set the issue came 10 to 33 days after the document's date for 42 of them,
and 45, 70 and 108 days after it for the other three; never before. A date line read with a
figure wrong (a fax's or a copier's `tháng 3` for `tháng 5`, `ngày 20` for `ngày 29`) gives a
date weeks or months off; where that date falls after the issue that prints it, or more than
PRINTED_WITHIN_DAYS before it, one of the two is misread and the date is the one to check.
A day's slip inside a month stays unseen: the check only flags, it never changes the date.

The issue line is read on each page, and its date is the one most pages read, where no other
is read as often (a fax read one page's `Ngày 30-05-2026` as `10-05-2026`, the others right).
An issue of another year than the document's, or of the year after it (a December date
printed in January), is not judged: a year slipped in either line (`Ngày 24-5-2022` on one page
of a 2024 issue) is the number's year's to check, and this check is of weeks and months.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dispatch_reader.extract.textutil import Page

# A document printed in the Gazette this long after its date is rare (3 of 45; see above);
# one read more than this before the issue that prints it is to be checked.
PRINTED_WITHIN_DAYS = 45
# the running head opens or closes a page: its first and last few lines are searched
_HEAD_LINES, _FOOT_LINES = 4, 3
# `cong bao/so 292/ngay 30-05-2026` (folded), its words as a worn copy leaves them (`cong bao
# ro 292/ngay`, `cong bao /so 275! "nmuay 15-05-2026`): `công báo`, then a `ngày` a few
# letters off within a few words, then the date written with dashes
_ISSUE_LINE = re.compile(
    r"\bcong\s*ba\S{0,2}.{0,40}?n\S{0,4}\s*(?P<d>\d{1,2})\s*[-.]\s*(?P<m>\d{1,2})\s*[-.]\s*(?P<y>(?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class GazetteDoubt:
    issue_date: str  # ISO: the date of the Gazette issue that prints the document
    days: int  # the issue's date less the document's date (negative: printed before it was signed)


def issue_date(pages: Sequence[Page]) -> str | None:
    """The date (ISO) of the Gazette issue printing the document, as most pages read it; None
    where no page carries the line or two readings are as common."""
    read: list[str] = []
    for page in pages:
        lines = page.folded.splitlines()
        for line in lines[:_HEAD_LINES] + lines[-_FOOT_LINES:]:
            m = _ISSUE_LINE.search(line)
            if m is None:
                continue
            try:
                read.append(dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat())
            except ValueError:
                continue  # a day or month misread past being one
            break
    if not read:
        return None
    value, votes = Counter(read).most_common(1)[0]
    tied = sum(1 for n in Counter(read).values() if n == votes) > 1
    return None if tied else value


def printed_doubt(pages: Sequence[Page], issued: str | None) -> GazetteDoubt | None:
    """The issue's date and its distance from `issued` where the document's date falls after
    the Gazette issue printing it or more than PRINTED_WITHIN_DAYS before it; None otherwise."""
    printed = issue_date(pages)
    if printed is None or issued is None:
        return None
    try:
        gazette, signed = dt.date.fromisoformat(printed), dt.date.fromisoformat(issued)
    except ValueError:
        return None
    if gazette.year - signed.year not in (0, 1):
        return None  # a year slipped in one of the two lines: not this check's to say which
    days = (gazette - signed).days
    return GazetteDoubt(printed, days) if days < 0 or days > PRINTED_WITHIN_DAYS else None


def gazette_warning(issued: str, doubt: GazetteDoubt) -> str:
    """The record's warning (schema/warnings.json: date_after_gazette, date_long_before_gazette),
    its dates written as the documents write them (30/05/2026)."""
    read, printed = _written(issued), _written(doubt.issue_date)
    if doubt.days < 0:
        return (f"issue date read as {read}, after {printed}, the date of the Official Gazette issue "
                f"that prints the document: one of them is misread; check the date")
    return (f"issue date read as {read}, {doubt.days} days before {printed}, the date of the Official "
            f"Gazette issue that prints the document, which prints a document within weeks of its date: check it")


def _written(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
