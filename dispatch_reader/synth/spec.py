"""What a synthetic document says and how it is laid out (Decree 30/2020 Appendix I)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

BlockKind = Literal["body", "center_bold", "center", "left_bold", "noindent"]


@dataclass
class Block:
    """One body paragraph. `lead` is printed bold before `text` (e.g. 'Điều 1.')."""

    text: str
    kind: BlockKind = "body"
    lead: str = ""


@dataclass
class SignatureBlock:
    title: str  # e.g. PHÓ CHỦ TỊCH
    name: str
    authority: str | None = None  # e.g. KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN


@dataclass
class Attachment:
    """A DANH SÁCH table on its own page after the signature."""

    title: str  # DANH SÁCH
    subtitle_lines: list[str]  # what the list is
    note: str  # (Kèm theo Quyết định số … ngày … của …)
    columns: list[str]
    rows: list[list[str]]
    col_widths_cm: list[float] | None = None


@dataclass
class DocSpec:
    issuer_lines: list[str]  # top-left, e.g. ["UBND TỈNH LÂM HÀ", "SỞ NỘI VỤ"]
    number: str  # as printed after "Số:", e.g. 123/QĐ-UBND
    place: str
    issued: date
    type_label: str | None = None  # QUYẾT ĐỊNH, KẾ HOẠCH …; None for a công văn
    subject_lines: list[str] = field(default_factory=list)  # under the type title
    vv_lines: list[str] = field(default_factory=list)  # công văn: "V/v …" under the number
    marks: list[str] = field(default_factory=list)  # KHẨN, HỎA TỐC …
    kinh_gui: list[str] = field(default_factory=list)  # công văn recipients
    body: list[Block] = field(default_factory=list)
    signature: SignatureBlock | None = None
    noi_nhan: list[str] = field(default_factory=list)
    attachment: Attachment | None = None

    def date_line(self) -> str:
        return f"{self.place}, {vn_date_words(self.issued)}"


@dataclass
class PressSpec:
    """An English press report: headline and paragraphs, no administrative layout."""

    headline: str
    paragraphs: list[str]
    dateline: str = ""


def vn_day_month(d: date) -> tuple[str, str]:
    """Day and month as printed in a date line: day padded below 10, month padded only for 1-2."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month


def vn_date_words(d: date) -> str:
    day, month = vn_day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def vn_date_short(d: date) -> str:
    """The dd/m/yyyy form used in body text, e.g. 03/9/2025."""
    return f"{d.day:02d}/{d.month}/{d.year}"
