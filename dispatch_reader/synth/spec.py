"""What a synthetic document says and how it is laid out (Decree 30/2020 Appendix I)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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
class ESignature:
    """The box a document-management system stamps top right of page 1 when a body signs
    digitally: `Ký bởi: <signed_by>` / `Email: …` / `Cơ quan: …` / `Thời gian ký: 26.08.2025 10:21:55 +07:00`.
    It names who signed digitally and when; it is not the issuer, the signer of the text or
    the issue date."""

    signed_by: str
    email: str
    agency: str
    signed_at: datetime  # aware, +07:00
    label: str = "Ký bởi"  # or "Người ký"

    def lines(self) -> list[str]:
        offset = self.signed_at.strftime("%z")  # +0700
        when = self.signed_at.strftime("%d.%m.%Y %H:%M:%S") + f" {offset[:3]}:{offset[3:]}"
        return [f"{self.label}: {self.signed_by}", f"Email: {self.email}", f"Cơ quan: {self.agency}",
                f"Thời gian ký: {when}"]


@dataclass
class OfficeLayout:
    """How an office's Word file differs from the reportlab layout (`synth/office.py` renders it).

    An entry of `DocSpec.issuer_lines` may hold a line break (`\n`): the typist's own break
    where a long name does not fit its column (`SỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG`)."""

    font: str = "Times New Roman"  # as named in the DOCX; LibreOffice uses Liberation Serif (same metrics)
    esign: ESignature | None = None
    # The header table: 2 rows puts `Số:` beside the date line, 1 row stacks each column.
    header_rows: int = 2
    # Công báo running head on every page, e.g. "CÔNG BÁO/Số 57 + 58/Ngày 22-9-2025", page number
    # at the right starting at `first_page_number`; None: Decree 30 page numbers from page 2 on.
    gazette_head: str | None = None
    first_page_number: int = 1
    lead_lines: list[str] = field(default_factory=list)  # printed above the header (gazette section, body)
    title: str = ""  # DOCX/PDF title metadata


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
