"""The Official Gazette's running head, printed over every page of a document it publishes
(`CÔNG BÁO/Số 292/Ngày 30-05-2026`), as a check on the issue date read from a damaged page.

The Gazette prints a document after it is signed, and soon after: on the 45 real Gazette files
of our development set the issue came 10 to 33 days after the document's date for 42 of them,
and 45, 70 and 108 days after it for the other three; never before. A date line read with a
figure wrong (a fax's or a copier's `tháng 3` for `tháng 5`) gives a date weeks or months off;
where that date falls after the issue that prints it, or more than PRINTED_WITHIN_DAYS before
it, one of the two is misread and the date is the one to check. Two of the 45 right dates are
flagged so: a look a clerk spends on a year-end document printed months later. A day's slip
inside a month stays unseen: the check only flags, it never changes the date.

The running head is read on each page, and its date is the one most pages read, where no other
is read as often (a fax read one page's `Ngày 30-05-2026` as `10-05-2026`, the others right).
Only the issue of the document's year, or of the year before or after it (a December date
printed in January), is judged: a year slipped in either line (`Ngày 24-5-2022` on one page of
a 2024 issue) is the number's year's to check, and this check is of weeks and months.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dispatch_reader.extract import resources
from dispatch_reader.extract.datefmt import make_iso
from dispatch_reader.extract.textutil import Page
from dispatch_reader.messages import warning

# A document printed in the Gazette this long after its date is rare (2 of 45; see above);
# one read more than this before the issue that prints it is to be checked.
PRINTED_WITHIN_DAYS = 45
# the running head opens or closes a page: its first and last few lines are searched
_HEAD_LINES, _FOOT_LINES = 4, 3
# The running head opening its line (folded), a page's number before it (`68 cong bao/so 577 +
# 578/ngay 07-3-2023`), its words as a worn copy leaves them (`cong bao ro 292/ngay`, `cong bao
# /so 275! "nmuay 15-05-2026`), the date closing it but for the page's number or the section's
# name in capitals (`… 07-3-2023 ĐIỀU ƯỚC QUỐC TẾ`); a sentence citing a Gazette issue (`… đăng
# Công báo số 45 ngày 12-03-2026 và …`) does not open or end so.
RUNNING_HEAD = re.compile(
    r"^\W{0,3}(?:\d{1,4}\s*)?cong\s*ba\S{0,2}.{0,40}?n\S{0,4}\s*(?P<d>\d{1,2})\s*[-.]\s*(?P<m>\d{1,2})\s*[-.]\s*"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?P<rest>.{0,40})$")


def section_heading(folded: str) -> bool:
    """A Công báo section heading ("VĂN BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH")."""
    line = folded.strip()
    for heading in resources.lines("gazette_headings.txt"):
        if line == heading or line.startswith(heading + " -") or line.startswith(heading + " –"):
            return True
        # a long heading whose first word a copier's grain took, specks read in its place
        # (`sania? oman BẢN QUY PHẠM PHÁP LUẬT`: its `LUẬT` was taken for a law's title)
        tail = heading.split(" ", 1)[-1]
        if tail.count(" ") >= 3 and line.endswith(" " + tail) and len(line) - len(tail) <= 16:
            return True
    return False


@dataclass(frozen=True)
class GazetteDoubt:
    issue_date: str  # ISO: the date of the Gazette issue that prints the document
    days: int  # the issue's date less the document's date (negative: printed before it was signed)


def issue_date(pages: Sequence[Page]) -> str | None:
    """The date (ISO) of the Gazette issue printing the document, as most pages read it; None
    where no page carries the running head or two readings are as common."""
    read: list[str] = []
    for page in pages:
        # the folded lines for the words, the printed ones for what follows the date (capitals)
        lines = list(zip(page.folded.splitlines(), page.text.splitlines()))
        for folded, printed in lines[:_HEAD_LINES] + lines[-_FOOT_LINES:]:
            m = RUNNING_HEAD.match(folded)
            if m is None or any(c.islower() for c in printed[m.start("rest"):]):
                continue
            iso = make_iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if iso is not None:  # (a day or month misread past being one is no reading)
                read.append(iso)
                break
    ranked = Counter(read).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


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
    if abs(gazette.year - signed.year) > 1:
        return None  # a year slipped in one of the two lines: not this check's to say which
    days = (gazette - signed).days
    return GazetteDoubt(printed, days) if days < 0 or days > PRINTED_WITHIN_DAYS else None


def gazette_warning(issued: str, doubt: GazetteDoubt) -> str:
    """The record's warning, its dates ISO (a Vietnamese brief writes them 15/3/2026)."""
    if doubt.days < 0:
        return warning("date_after_gazette", read=issued, gazette=doubt.issue_date)
    return warning("date_long_before_gazette", read=issued, days=str(doubt.days), gazette=doubt.issue_date)
