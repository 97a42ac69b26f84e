"""Generate the sample documents with their ground truth.

    .venv/bin/python samples/generate.py [--out samples] [--only NAME ...]

For each sample: NAME.pdf (born-digital), NAME.scan.pdf (scanned look, no text layer) and
NAME.truth.json (a full record per the record schema, evidence located in NAME.pdf).
People and document numbers are fictional; provinces, communes and wards are real units
of the official list after 1 July 2025 (dispatch_reader.places), so place matching is tested on real names. Deterministic: fixed
seeds, no clock, so reruns give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dispatch_reader.synth import (  # noqa: E402
    Attachment, Block, DocSpec, PressSpec, SignatureBlock, render_spec_pdf, scan_pdf,
)
from dispatch_reader.errors import MissingDependencyError  # noqa: E402
from dispatch_reader.synth.office import render_office_pdf  # noqa: E402
from dispatch_reader.synth.spec import ESignature, OfficeLayout, vn_date_short, vn_date_words  # noqa: E402
from dispatch_reader.synth.truth import Q, build_record, header_facts  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Fact helpers: every fact is stated from the same variables the text is written from.


@dataclass
class Cite:
    """A cited document, printed as '<label> số <number> ngày <date> <tail>'."""

    label: str  # Luật Cán bộ, công chức / Nghị định / Quyết định / Công văn
    number: str
    doc_type: str
    issuer: str | None  # only when the text names it
    when: date | None
    tail: str = ""

    def text(self) -> str:
        out = f"{self.label} số {self.number}"
        if self.when:
            out += f" {self.date_words()}"
        return f"{out} {self.tail}".strip()

    def date_words(self) -> str:
        return vn_date_words(self.when) if self.when else ""


@dataclass
class Who:
    name: str
    honorific: str | None  # Ông / Bà / Đồng chí / Mr / Ms
    position: str | None
    unit: str | None

    @property
    def hon(self) -> str:
        """Honorific as written inside a sentence."""
        return (self.honorific or "").lower()


@dataclass
class Facts:
    language: str = "vi"
    references: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    secondments: list[dict[str, Any]] = field(default_factory=list)
    # what the document does with its sendings (record.SendingStatus): a decision decides, a
    # dispatch's bare headcount asks the departments to send, a plan plans, a report reports
    status: str = "decided"

    def cite(self, c: Cite) -> Cite:
        self.references.append({"number": c.number, "doc_type": c.doc_type, "issuer": c.issuer,
                                "date": c.when.isoformat() if c.when else None, "evidence": Q(c.number)})
        if c.when:
            self.date(c.when, "cited", Q(c.date_words(), anchor=c.number))
        return c

    def person(self, w: Who, quote: Q | None = None) -> Who:
        if all(p["name"] != w.name for p in self.people):
            self.people.append({"name": w.name, "honorific": w.honorific, "position": w.position,
                                "unit": w.unit, "evidence": quote or Q(w.name)})
        return w

    def count(self, value: int, what: str, quote: Q, total: int | None = None, status: str | None = None,
              action: str | None = None) -> None:
        """`status`: the sending whose people the figure counts (None: it counts no one sent)."""
        self.counts.append({"value": value, "what": what, "total": total, "status": status,
                            "action": action or ("send" if status else None), "evidence": quote})

    def date(self, d: date, role: str, quote: Q) -> None:
        if all((x["date"], x["role"]) != (d.isoformat(), role) for x in self.dates):
            self.dates.append({"date": d.isoformat(), "role": role, "evidence": quote})

    def second(self, kind: str, quote: Q, *, person: str | None = None, count: int | None = None,
               from_unit: str | None = None, to_unit: str | None = None, position: str | None = None,
               start: date | None = None, end: date | None = None, months: float | None = None,
               status: str | None = None, action: str = "send", refers_to: str | None = None) -> None:
        self.secondments.append({
            "kind": kind, "person": person, "count": count, "from_unit": from_unit, "to_unit": to_unit,
            "position": position, "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None, "duration_months": months,
            "status": status or self.status, "action": action, "refers_to": refers_to, "evidence": quote})

    def signer(self, spec: DocSpec, position: str, unit: str) -> None:
        assert spec.signature
        self.person(Who(spec.signature.name, None, position, unit), Q(spec.signature.name))

    def issued(self, spec: DocSpec) -> None:
        self.date(spec.issued, "issued", Q(spec.date_line()))

    def record(self, document: dict[str, Any]) -> dict[str, Any]:
        return {"language": self.language, "document": document, "references": self.references,
                "people": self.people, "counts": self.counts, "dates": self.dates,
                "secondments": self.secondments, "warnings": []}


@dataclass
class Sample:
    name: str
    spec: DocSpec | PressSpec
    facts: dict[str, Any]
    seed: int
    layout: OfficeLayout | None = None  # set: typed in Word, converted by LibreOffice


@dataclass(frozen=True)
class Reinforcement:
    """One reinforcement dispatch that several samples speak of (the dispatch, a report, press)."""

    number: str
    issued: date
    people: int
    communes: int
    depts: int
    start: date
    end: date
    deadline: date


# Phú Thọ's dispatch: cv-tang-cuong-01 issues it, bc-nhan-su-01 cites it, en-press-01/03 report it.
VX_DISPATCH = Reinforcement("1418/UBND-NC", date(2025, 10, 21), 64, 37, 15,
                            date(2025, 10, 27), date(2026, 1, 27), date(2025, 10, 25))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def en_date(d: date, year: bool = True) -> str:
    """English press form: October 27, 2025 (or October 27). Not strftime: that follows the locale."""
    md = f"{_MONTHS[d.month - 1]} {d.day}"
    return f"{md}, {d.year}" if year else md


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, d.day)


# Central legal documents cited as real administrative texts cite them.
def luat_cbcc() -> Cite:
    return Cite("Luật Cán bộ, công chức", "80/2025/QH15", "law", None, date(2025, 6, 24))


def luat_tcchdp() -> Cite:
    return Cite("Luật Tổ chức chính quyền địa phương", "72/2025/QH15", "law", None, date(2025, 6, 16))


def luat_vc() -> Cite:
    return Cite("Luật Viên chức", "58/2010/QH12", "law", None, date(2010, 11, 15))


def nd_170() -> Cite:
    return Cite("Nghị định", "170/2025/NĐ-CP", "decree", "Chính phủ", date(2025, 6, 30),
                "của Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức")


def nd_115() -> Cite:
    return Cite("Nghị định", "115/2020/NĐ-CP", "decree", "Chính phủ", date(2020, 9, 25),
                "của Chính phủ quy định về tuyển dụng, sử dụng và quản lý viên chức")


# Old tone placement ("Uỷ", "hoà") as many offices still type it; the truth keeps the new spelling.
OLD_TONE = {"Ủy": "Uỷ", "ủy": "uỷ", "Hòa": "Hoà", "hòa": "hoà", "thủy": "thuỷ"}


def old_tone(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        text = b.text
        for new, old in OLD_TONE.items():
            text = text.replace(new, old)
        out.append(Block(text, b.kind, b.lead))
    return out


def can_cu(f: Facts, cites: list[Cite]) -> list[Block]:
    return [Block(f"Căn cứ {f.cite(c).text()};") for c in cites]


# ---------------------------------------------------------------------------------------------
# Vietnamese samples


def qd_biet_phai_01() -> Sample:
    """UBND tỉnh seconds two named civil servants to two communes, fixed start and end dates."""
    f = Facts()
    province, place = "Sơn La", "Sơn La"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, end = date(2025, 8, 28), date(2025, 9, 3), date(2025, 11, 3)
    prior = Cite("Công văn", "412/SNV-CCVC", "official_dispatch", f"Sở Nội vụ", date(2025, 8, 20))
    cites = [luat_tcchdp(), luat_cbcc(), nd_170()]
    people = [
        (Who("Nguyễn Văn Khải", "Ông", "Chuyên viên Phòng Quản lý đất đai", "Sở Nông nghiệp và Môi trường"),
         "Ủy ban nhân dân xã Tân Phong", "lĩnh vực đất đai"),
        (Who("Trần Thị Mai Hương", "Bà", "Chuyên viên Phòng Ngân sách", "Sở Tài chính"),
         "Ủy ban nhân dân phường Tô Hiệu", "lĩnh vực tài chính - kế toán"),
    ]
    body = can_cu(f, cites)
    body.append(Block(f"Theo đề nghị của Giám đốc Sở Nội vụ tại {f.cite(prior).text()}."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    body.append(Block(f"Biệt phái công chức đến làm việc tại Ủy ban nhân dân các xã, phường "
                      f"từ ngày {vn_date_short(start)} đến ngày {vn_date_short(end)}, cụ thể như sau:", lead="Điều 1."))
    for i, (w, to, field_) in enumerate(people, 1):
        f.person(w)
        body.append(Block(f"{i}. {w.honorific} {w.name}, {w.position}, {w.unit}, biệt phái đến {to}, "
                          f"phụ trách {field_}.", "noindent"))
        f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=field_,
                 start=start, end=end, months=2)
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    body += [
        Block("Trong thời gian biệt phái, công chức chịu sự phân công, quản lý của Chủ tịch Ủy ban nhân dân "
              "xã, phường nơi đến; tiền lương và các chế độ khác do cơ quan cử đi biệt phái chi trả.", lead="Điều 2."),
        Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
              "Giám đốc các sở có liên quan, Chủ tịch Ủy ban nhân dân xã Tân Phong, phường Tô Hiệu và các "
              "công chức có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="1587/QĐ-UBND", place=place,
        issued=issued, type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc biệt phái công chức đến làm việc", "tại Ủy ban nhân dân xã, phường"],
        body=body, signature=SignatureBlock("PHÓ CHỦ TỊCH", "Lê Quang Vinh", "KT. CHỦ TỊCH"),
        noi_nhan=["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None, issuer_quote=f"TỈNH {province.upper()}")
    return Sample("qd-biet-phai-01", spec, f.record(doc), seed=101)


def cv_tang_cuong_01() -> Sample:
    """UBND tỉnh công văn: reinforce communes with a headcount, no names, KHẨN (the departments
    choose and send the people: requested)."""
    f = Facts(status="requested")
    province = "Phú Thọ"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    vx = VX_DISPATCH
    issued, start, end = vx.issued, vx.start, vx.end
    n_people, n_communes, n_depts = vx.people, vx.communes, vx.depts
    prior = Cite("Kế hoạch", "215/KH-UBND", "plan", issuer, date(2025, 9, 12))
    report = Cite("Báo cáo", "388/BC-SNV", "report", "Sở Nội vụ", date(2025, 10, 15))
    body = [
        Block(f"Thực hiện {f.cite(prior).text()} của Ủy ban nhân dân tỉnh về bảo đảm nhân lực cho chính quyền "
              f"địa phương hai cấp; xét đề nghị của Sở Nội vụ tại {f.cite(report).text()}, Ủy ban nhân dân tỉnh "
              f"có ý kiến như sau:"),
        Block(f"1. Tăng cường {n_people} công chức, viên chức của {n_depts} sở, ban, ngành cấp tỉnh về làm việc tại "
              f"{n_communes} xã, phường còn thiếu nhân lực ở các lĩnh vực đất đai, xây dựng, tài chính, y tế và "
              f"giáo dục; thời gian tăng cường từ ngày {vn_date_short(start)} đến ngày {vn_date_short(end)}.", "noindent"),
        Block(f"2. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành lựa chọn công chức, viên chức có chuyên môn "
              f"phù hợp, hoàn thành việc cử người trước ngày {vn_date_short(vx.deadline)}; báo cáo kết quả về Ủy ban nhân dân tỉnh.", "noindent"),
        Block("3. Ủy ban nhân dân các xã, phường tiếp nhận, bố trí công việc, tạo điều kiện về nơi làm việc cho "
              "công chức, viên chức được tăng cường.", "noindent"),
        Block("Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện./."),
    ]
    f.count(n_people, "công chức, viên chức", Q(f"{n_people} công chức, viên chức"), status="requested")
    f.count(n_depts, "sở, ban, ngành cấp tỉnh", Q(f"{n_depts} sở, ban, ngành"))
    f.count(n_communes, "xã, phường", Q(f"{n_communes} xã, phường"))
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    f.date(vx.deadline, "deadline", Q(f"trước ngày {vn_date_short(vx.deadline)}"))
    f.second("reinforcement", Q(f"Tăng cường {n_people} công chức, viên chức"), count=n_people,
             from_unit="các sở, ban, ngành cấp tỉnh", to_unit=f"{n_communes} xã, phường",
             position="đất đai, xây dựng, tài chính, y tế và giáo dục", start=start, end=end, months=3)
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number=vx.number, place=province,
        issued=issued, vv_lines=["V/v tăng cường nhân lực", "cho các xã, phường"], marks=["KHẨN"],
        kinh_gui=["Sở Nội vụ;", "Các sở, ban, ngành thuộc UBND tỉnh;", "UBND các xã, phường."],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Phạm Đức Thành", "TM. ỦY BAN NHÂN DÂN"),
        noi_nhan=["- Như trên;", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="official_dispatch", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"TỈNH {province.upper()}")
    return Sample("cv-tang-cuong-01", spec, f.record(doc), seed=201)


def qd_biet_phai_02() -> Sample:
    """Sở Nội vụ decision with a DANH SÁCH table of ten people, many ethnic-minority names."""
    f = Facts()
    province = "Lai Châu"
    issuer, parent = "Sở Nội vụ", f"UBND TỈNH {province.upper()}"
    issued = date(2025, 9, 8)
    months = 6
    number = "245/QĐ-SNV"
    delegation = Cite("Quyết định", "1120/QĐ-UBND", "decision", f"Ủy ban nhân dân tỉnh {province}",
                      date(2025, 7, 2), f"của Ủy ban nhân dân tỉnh {province} về phân cấp quản lý công chức, viên chức")
    rows_data = [
        (Who("Lò Văn Pấng", None, "Chuyên viên", "Phòng Công chức, viên chức"), "Xã Mường Khoa", "Địa chính - xây dựng"),
        (Who("Vàng Seo Chứ", None, "Chuyên viên", "Phòng Xây dựng chính quyền"), "Xã Tủa Sín Chải", "Văn phòng - thống kê"),
        (Who("Giàng A Páo", None, "Chuyên viên", "Phòng Tổ chức biên chế"), "Xã Pa Tần", "Nội vụ"),
        (Who("Sùng Thị Mỷ", None, "Chuyên viên", "Văn phòng Sở"), "Xã Khun Há", "Văn hóa - xã hội"),
        (Who("Nông Văn Hậu", None, "Chuyên viên", "Phòng Công chức, viên chức"), "Xã Nậm Hàng", "Tư pháp - hộ tịch"),
        (Who("Nguyễn Thị Thanh Tâm", None, "Chuyên viên", "Thanh tra Sở"), "Phường Đoàn Kết", "Nội vụ"),
        (Who("Lữ Thị Hoa", None, "Chuyên viên", "Phòng Lao động - Việc làm"), "Xã Mường Khoa", "Lao động - thương binh"),
        (Who("Hoàng Minh Đức", None, "Chuyên viên", "Phòng Xây dựng chính quyền"), "Xã Tả Lèng", "Văn phòng - thống kê"),
        (Who("Quàng Văn Ơn", None, "Chuyên viên", "Phòng Tổ chức biên chế"), "Xã Tủa Sín Chải", "Địa chính - xây dựng"),
        (Who("Đỗ Thị Ngọc Ánh", None, "Chuyên viên", "Văn phòng Sở"), "Phường Đoàn Kết", "Tài chính - kế toán"),
    ]
    n = len(rows_data)
    term = f"thời hạn {months:02d} tháng kể từ ngày ký"
    body = can_cu(f, [luat_cbcc(), nd_170(), delegation])
    body.append(Block("Theo đề nghị của Trưởng phòng Công chức, viên chức."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    body.append(Block(f"Biệt phái {n:02d} công chức thuộc Sở Nội vụ (có danh sách kèm theo) đến làm việc tại Ủy ban "
                      f"nhân dân các xã, phường, {term}.", lead="Điều 1."))
    body.append(Block("Công chức được biệt phái chịu sự phân công, điều hành của Chủ tịch Ủy ban nhân dân xã, "
                      "phường nơi đến; hết thời hạn biệt phái trở về Sở Nội vụ nhận nhiệm vụ.", lead="Điều 2."))
    body.append(Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng chuyên môn, "
                      "Chủ tịch Ủy ban nhân dân các xã, phường có liên quan và các công chức có tên trong danh sách "
                      "chịu trách nhiệm thi hành Quyết định này.", lead="Điều 3."))
    f.count(n, "công chức", Q(f"{n:02d} công chức"), status="decided")
    f.date(issued, "start", Q(term))
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    rows = []
    for i, (w, to, field_) in enumerate(rows_data, 1):
        w.unit = w.unit  # the person's current office within the Sở
        rows.append([str(i), w.name, w.position or "", f"{w.unit}, Sở Nội vụ", to, field_, f"{months:02d} tháng"])
        f.person(Who(w.name, None, w.position, f"{w.unit}, Sở Nội vụ"), Q(w.name, page=2))
        f.second("secondment", Q(w.name, page=2), person=w.name, from_unit=f"{w.unit}, Sở Nội vụ",
                 to_unit=f"Ủy ban nhân dân {to[0].lower()}{to[1:]}", position=field_, start=issued, months=months)
    spec = DocSpec(
        issuer_lines=[parent, "SỞ NỘI VỤ"], number=number, place=province, issued=issued, type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc biệt phái công chức đến làm việc", "tại các xã, phường"],
        body=body, signature=SignatureBlock("PHÓ GIÁM ĐỐC", "Bùi Văn Hải", "KT. GIÁM ĐỐC"),
        noi_nhan=["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Giám đốc Sở;", "- Lưu: VT, CCVC."],
        attachment=Attachment(
            title="DANH SÁCH", subtitle_lines=["Công chức Sở Nội vụ biệt phái đến các xã, phường"],
            note=f"(Kèm theo Quyết định số {number} ngày {vn_date_short(issued)} của Sở Nội vụ)",
            columns=["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Nơi biệt phái đến", "Lĩnh vực", "Thời gian"],
            rows=rows, col_widths_cm=[1.2, 4.6, 2.6, 5.8, 4.0, 4.4, 2.2]),
    )
    f.issued(spec)
    f.signer(spec, "Phó Giám đốc", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=parent)
    return Sample("qd-biet-phai-02", spec, f.record(doc), seed=102)


def qd_biet_phai_03() -> Sample:
    """Sở Y tế seconds two public employees (viên chức) to commune health stations for 12 months."""
    f = Facts()
    province = "Sơn La"
    issuer, parent = "Sở Y tế", f"UBND TỈNH {province.upper()}"
    issued, start, months = date(2025, 9, 10), date(2025, 9, 15), 12
    functions = Cite("Quyết định", "1342/QĐ-UBND", "decision", f"Ủy ban nhân dân tỉnh {province}", date(2025, 7, 1),
                     f"của Ủy ban nhân dân tỉnh {province} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Y tế")
    request = Cite("Công văn", "57/UBND-VP", "official_dispatch", "Ủy ban nhân dân xã Nậm Lầu", date(2025, 8, 25))
    body = can_cu(f, [luat_vc(), nd_115(), functions])
    body.append(Block(f"Xét đề nghị của Ủy ban nhân dân xã Nậm Lầu tại {f.cite(request).text()} "
                      "về việc hỗ trợ nhân lực y tế và đề nghị của Trưởng phòng Tổ chức cán bộ Sở Y tế."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    staff = [
        (Who("Hà Thị Nhung", "Bà", "Bác sĩ Khoa Nội", "Bệnh viện Đa khoa tỉnh"), "Trạm Y tế xã Nậm Lầu", "khám, chữa bệnh"),
        (Who("Lục Văn Sinh", "Ông", "Y sĩ", "Trung tâm Y tế khu vực Bắc Lâm"), "Trạm Y tế xã Pắc Ngà", "y tế dự phòng"),
    ]
    lead = "Điều 1."
    for w, to, job in staff:
        f.person(w)
        body.append(Block(f"Biệt phái {w.hon} {w.name}, {w.position}, {w.unit}, đến công tác tại {to}, "
                          f"làm nhiệm vụ {job}, thời hạn {months} tháng kể từ ngày {vn_date_short(start)}.", lead=lead))
        lead = ""
        f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=job,
                 start=start, months=months)
    f.date(start, "start", Q(f"kể từ ngày {vn_date_short(start)}"))
    body += [
        Block("Trong thời gian biệt phái, viên chức được hưởng phụ cấp biệt phái bằng 30% mức lương hiện hưởng "
              "và các chế độ theo quy định; đơn vị cử đi chi trả tiền lương.", lead="Điều 2."),
        Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ, "
              "Giám đốc Bệnh viện Đa khoa tỉnh, Giám đốc Trung tâm Y tế khu vực Bắc Lâm, Trưởng Trạm Y tế các xã "
              "Nậm Lầu, Pắc Ngà và các viên chức có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=[parent, "SỞ Y TẾ"], number="812/QĐ-SYT", place=province, issued=issued,
        type_label="QUYẾT ĐỊNH", subject_lines=["Về việc biệt phái viên chức y tế", "đến các Trạm Y tế xã"],
        body=body, signature=SignatureBlock("GIÁM ĐỐC", "Vũ Minh Tuấn"),
        noi_nhan=["- Như Điều 3;", "- Sở Nội vụ (để biết);", "- Lưu: VT, TCCB."],
    )
    f.issued(spec)
    f.signer(spec, "Giám đốc", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=parent)
    return Sample("qd-biet-phai-03", spec, f.record(doc), seed=103)


def qd_biet_phai_04() -> Sample:
    """A two-page decision: long citations, four named people, duties and allowances."""
    f = Facts()
    province = "Cao Bằng"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, end = date(2025, 9, 24), date(2025, 10, 1), date(2025, 12, 31)
    number = "2046/QĐ-UBND"
    plan = Cite("Kế hoạch", "176/KH-UBND", "plan", issuer, date(2025, 8, 14),
                f"của Ủy ban nhân dân tỉnh về bảo đảm nhân lực cho các xã, phường sau sắp xếp")
    req = Cite("Tờ trình", "301/TTr-SNV", "submission", "Sở Nội vụ", date(2025, 9, 19))
    cites = [luat_tcchdp(), luat_cbcc(), nd_170(),
             Cite("Nghị định", "29/2025/NĐ-CP", "decree", "Chính phủ", date(2025, 2, 24),
                  "của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ"),
             plan]
    body = can_cu(f, cites)
    body.append(Block(f"Theo đề nghị của Giám đốc Sở Nội vụ tại {f.cite(req).text()}."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    period = (f"từ ngày {start.day:02d} tháng {start.month} năm {start.year} "
              f"đến hết ngày {end.day} tháng {end.month} năm {end.year}")
    body.append(Block(f"Biệt phái 04 công chức đến làm việc tại Ủy ban nhân dân các xã, phường, thời gian {period}, gồm:",
                      lead="Điều 1."))
    staff = [
        (Who("Phan Thanh Bình", "Ông", "Phó Trưởng phòng Quản lý xây dựng", "Sở Xây dựng"),
         "Ủy ban nhân dân phường Thục Phán", "phụ trách lĩnh vực quy hoạch, xây dựng"),
        (Who("Đặng Thị Thu", "Bà", "Chuyên viên Phòng Kế toán", "Sở Tài chính"),
         "Ủy ban nhân dân xã Bảo Lâm", "phụ trách lĩnh vực tài chính, ngân sách"),
        (Who("Triệu Văn Mạnh", "Ông", "Chuyên viên Chi cục Quản lý đất đai", "Sở Nông nghiệp và Môi trường"),
         "Ủy ban nhân dân xã Lũng Nặm", "phụ trách lĩnh vực đất đai"),
        (Who("Mùa A Chu", "Ông", "Chuyên viên Phòng Bảo trợ xã hội", "Sở Y tế"),
         "Ủy ban nhân dân xã Trà Lĩnh", "phụ trách lĩnh vực chính sách xã hội"),
    ]
    for i, (w, to, job) in enumerate(staff, 1):
        f.person(w)
        body.append(Block(f"{i}. {w.honorific} {w.name}, {w.position}, {w.unit}, đến làm việc tại {to}, {job}.", "noindent"))
        f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=job.removeprefix("phụ trách "),
                 start=start, end=end, months=3)
    f.count(4, "công chức", Q("04 công chức"), status="decided")
    f.date(start, "start", Q(f"từ ngày {start.day:02d} tháng {start.month} năm {start.year}"))
    f.date(end, "end", Q(f"đến hết ngày {end.day} tháng {end.month} năm {end.year}"))
    body += [
        Block("Nhiệm vụ của công chức được biệt phái:", lead="Điều 2."),
        Block("1. Tham mưu Chủ tịch Ủy ban nhân dân xã, phường giải quyết các hồ sơ, thủ tục hành chính tồn đọng "
              "thuộc lĩnh vực được phân công; hướng dẫn, kèm cặp công chức chuyên môn của xã, phường.", "noindent"),
        Block("2. Chấp hành sự phân công, quản lý của Chủ tịch Ủy ban nhân dân xã, phường nơi đến; thực hiện chế độ "
              "báo cáo định kỳ hằng tháng về cơ quan cử đi biệt phái và Sở Nội vụ.", "noindent"),
        Block("3. Không được tự ý rời bỏ nhiệm vụ khi chưa có quyết định của cấp có thẩm quyền.", "noindent"),
        Block("Chế độ, chính sách:", lead="Điều 3."),
        Block("1. Cơ quan cử công chức đi biệt phái tiếp tục quản lý, trả lương và các khoản phụ cấp hiện hưởng.", "noindent"),
        Block("2. Công chức được biệt phái được hưởng phụ cấp biệt phái theo quy định tại Nghị định số 170/2025/NĐ-CP, "
              "được bố trí nơi ở và phương tiện đi lại phù hợp với điều kiện thực tế của xã, phường.", "noindent"),
        Block("3. Ủy ban nhân dân các xã, phường tiếp nhận có trách nhiệm bố trí nơi làm việc, trang thiết bị "
              "cần thiết và nhận xét, đánh giá công chức khi kết thúc thời gian biệt phái.", "noindent"),
        Block("Tổ chức thực hiện:", lead="Điều 4."),
        Block("1. Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện và báo cáo Ủy ban nhân dân tỉnh trước "
              "ngày 15/01/2026.", "noindent"),
        Block("2. Quyết định này có hiệu lực kể từ ngày ký.", "noindent"),
        Block("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Nội vụ, Xây dựng, Tài chính, Nông nghiệp và "
              "Môi trường, Y tế; Chủ tịch Ủy ban nhân dân các xã, phường có tên tại Điều 1 và các ông, bà có tên "
              "tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", lead="Điều 5."),
    ]
    f.date(date(2026, 1, 15), "deadline", Q("ngày 15/01/2026"))
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number=number, place=province, issued=issued,
        type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc biệt phái công chức các sở, ngành", "đến làm việc tại các xã, phường"],
        body=body, signature=SignatureBlock("PHÓ CHỦ TỊCH", "Hồ Sỹ Long", "KT. CHỦ TỊCH"),
        noi_nhan=["- Như Điều 5;", "- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                  "- Lưu: VT, NC (Hg)."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None, issuer_quote=f"TỈNH {province.upper()}")
    return Sample("qd-biet-phai-04", spec, f.record(doc), seed=104)


def qd_dieu_dong_01() -> Sample:
    """A transfer (điều động): permanent move with a start date and a new position; CHỦ TỊCH signs."""
    f = Facts()
    province = "Phú Thọ"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start = date(2025, 10, 8), date(2025, 10, 15)
    proposal = Cite("Tờ trình", "355/TTr-SNV", "submission", "Sở Nội vụ", date(2025, 10, 2))
    body = can_cu(f, [luat_tcchdp(), luat_cbcc(), nd_170()])
    body.append(Block(f"Theo đề nghị của Giám đốc Sở Nội vụ tại {f.cite(proposal).text()}."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    w = f.person(Who("Dương Văn Toàn", "Ông", "Phó Trưởng phòng Quy hoạch - Kiến trúc", "Sở Xây dựng"))
    to, job = "Ủy ban nhân dân phường Việt Trì", "Trưởng phòng Kinh tế, Hạ tầng và Đô thị"
    body.append(Block(f"Điều động {w.hon} {w.name}, {w.position}, {w.unit}, đến nhận công tác tại {to}, "
                      f"giữ chức vụ {job}, kể từ ngày {vn_date_short(start)}.", lead="Điều 1."))
    f.second("transfer", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=job, start=start)
    f.date(start, "start", Q(f"kể từ ngày {vn_date_short(start)}"))
    body += [
        Block(f"{w.honorific} {w.name} được hưởng lương và phụ cấp chức vụ theo quy định hiện hành.", lead="Điều 2."),
        Block(f"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
              f"Giám đốc Sở Xây dựng, Chủ tịch Ủy ban nhân dân phường Việt Trì và {w.hon} {w.name} chịu trách nhiệm "
              "thi hành Quyết định này.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="1702/QĐ-UBND", place=province,
        issued=issued, type_label="QUYẾT ĐỊNH", subject_lines=["Về việc điều động công chức"],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Phạm Đức Thành"),
        noi_nhan=["- Như Điều 3;", "- TT Tỉnh ủy (b/c);", "- Lưu: VT, NC, SNV."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None, issuer_quote=f"TỈNH {province.upper()}")
    return Sample("qd-dieu-dong-01", spec, f.record(doc), seed=301)


def qd_luan_chuyen_01() -> Sample:
    """A rotation (luân chuyển) for three years, TM. ỦY BAN NHÂN DÂN."""
    f = Facts()
    province = "Lai Châu"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued = date(2025, 11, 3)
    years = 3
    party = Cite("Quyết định", "488-QĐ/TU", "decision", f"Ban Thường vụ Tỉnh ủy", date(2025, 10, 27),
                 "của Ban Thường vụ Tỉnh ủy về việc luân chuyển cán bộ")
    body = can_cu(f, [luat_tcchdp(), luat_cbcc(), nd_170(), party])
    body.append(Block("Theo đề nghị của Giám đốc Sở Nội vụ."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    w = f.person(Who("Ngô Thị Bích", "Bà", "Phó Giám đốc", "Sở Văn hóa, Thể thao và Du lịch"))
    to = "Ủy ban nhân dân xã Mường Khoa"
    body.append(Block(f"Luân chuyển {w.hon} {w.name}, {w.position} {w.unit}, đến công tác tại {to}, "
                      f"giới thiệu để bầu giữ chức vụ Phó Chủ tịch Ủy ban nhân dân xã Mường Khoa, "
                      f"thời hạn luân chuyển {years:02d} năm kể từ ngày ký.", lead="Điều 1."))
    f.second("rotation", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to,
             position="Phó Chủ tịch Ủy ban nhân dân xã Mường Khoa", start=issued, months=12 * years)
    f.date(issued, "start", Q(f"thời hạn luân chuyển {years:02d} năm kể từ ngày ký"))
    body += [
        Block(f"Trong thời gian luân chuyển, {w.hon} {w.name} được giữ nguyên chức vụ, phụ cấp chức vụ và hưởng "
              "chế độ, chính sách theo quy định về luân chuyển cán bộ.", lead="Điều 2."),
        Block(f"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
              f"Giám đốc Sở Văn hóa, Thể thao và Du lịch, Chủ tịch Ủy ban nhân dân xã Mường Khoa và {w.hon} "
              f"{w.name} chịu trách nhiệm thi hành Quyết định này.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="1895/QĐ-UBND", place=province,
        issued=issued, type_label="QUYẾT ĐỊNH", subject_lines=["Về việc luân chuyển cán bộ lãnh đạo"],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Nông Quốc Việt", "TM. ỦY BAN NHÂN DÂN"),
        noi_nhan=["- Như Điều 3;", "- Ban Tổ chức Tỉnh ủy;", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None, issuer_quote=f"TỈNH {province.upper()}")
    return Sample("qd-luan-chuyen-01", spec, f.record(doc), seed=401)


def qd_dieu_dong_xa_01() -> Sample:
    """Commune level: UBND xã transfers a commune civil servant between its offices; old tone spelling."""
    f = Facts()
    commune = "Mường Khoa"
    issuer = f"Ủy ban nhân dân xã {commune}"
    issued, start = date(2025, 8, 4), date(2025, 8, 4)
    body = can_cu(f, [luat_tcchdp(), luat_cbcc(), nd_170()])
    body.append(Block("Xét đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    w = f.person(Who("Lý Thị Hằng", "Bà", "công chức Văn phòng - thống kê", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"))
    to = "Trung tâm Phục vụ hành chính công xã"
    body.append(Block(f"Điều động {w.hon} {w.name}, {w.position}, {w.unit}, đến làm việc tại {to}, "
                      f"phụ trách tiếp nhận hồ sơ lĩnh vực hộ tịch, kể từ ngày 4-8-2025.", lead="Điều 1."))
    f.second("transfer", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to,
             position="tiếp nhận hồ sơ lĩnh vực hộ tịch", start=start)
    f.date(start, "start", Q("kể từ ngày 4-8-2025"))
    body += [
        Block(f"Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, Giám đốc Trung tâm Phục vụ hành chính công "
              f"xã và {w.hon} {w.name} chịu trách nhiệm thi hành Quyết định này./.", lead="Điều 2."),
    ]
    body = old_tone(body)  # commune offices often still type the old tone placement
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"], number="86/QĐ-UBND", place=commune,
        issued=issued, type_label="QUYẾT ĐỊNH", subject_lines=["Về việc điều động công chức"],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Giàng Seo Phử"),
        noi_nhan=["- Như Điều 2;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None, issuer_quote=f"XÃ {commune.upper()}")
    return Sample("qd-dieu-dong-xa-01", spec, f.record(doc), seed=302)


def cv_tang_cuong_02() -> Sample:
    """Sở Nội vụ công văn naming three people sent to one commune, with an x/y shortage."""
    f = Facts()
    province = "Sơn La"
    issuer, parent = "Sở Nội vụ", f"UBND TỈNH {province.upper()}"
    issued, start, months = date(2025, 10, 28), date(2025, 11, 1), 3
    request = Cite("Công văn", "143/UBND-VP", "official_dispatch", "Ủy ban nhân dân xã Tân Phong", date(2025, 10, 20))
    have, need = 8, 15
    received = date(2025, 10, 22)
    body = [
        Block(f"Ngày {received.day} tháng {received.month} năm {received.year}, Sở Nội vụ nhận được "
              f"{f.cite(request).text()} của Ủy ban nhân dân xã Tân Phong đề nghị hỗ trợ nhân lực; hiện xã mới bố trí "
              f"được {have}/{need} công chức chuyên môn theo vị trí việc làm."),
        Block(f"Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ cử 03 đồng chí sau đây đến tăng cường cho "
              f"Ủy ban nhân dân xã Tân Phong, thời gian {months:02d} tháng kể từ ngày {vn_date_short(start)}:"),
    ]
    f.count(have, "công chức chuyên môn", Q(f"{have}/{need} công chức"), total=need)
    f.count(3, "đồng chí", Q("03 đồng chí"), status="decided")
    staff = [
        (Who("Vũ Thị Lan Anh", "Đồng chí", "Chuyên viên Phòng Tổ chức biên chế", "Sở Nội vụ"), "lĩnh vực nội vụ"),
        (Who("Lò Văn Thắm", "Đồng chí", "Chuyên viên Phòng Xây dựng chính quyền", "Sở Nội vụ"), "lĩnh vực văn phòng - thống kê"),
        (Who("Huỳnh Ngọc Sơn", "Đồng chí", "Chuyên viên Phòng Công chức, viên chức", "Sở Nội vụ"), "lĩnh vực lao động, việc làm"),
    ]
    for i, (w, job) in enumerate(staff, 1):
        f.person(w)
        body.append(Block(f"{i}. Đồng chí {w.name}, {w.position}, hỗ trợ {job}.", "noindent"))
        f.second("reinforcement", Q(w.name), person=w.name, from_unit=w.unit, to_unit="Ủy ban nhân dân xã Tân Phong",
                 position=job, start=start, months=months)
    f.date(start, "start", Q(f"kể từ ngày {vn_date_short(start)}"))
    f.date(received, "mentioned", Q(f"Ngày {received.day} tháng {received.month} năm {received.year}"))
    body += [
        Block("Đề nghị Ủy ban nhân dân xã Tân Phong bố trí nơi làm việc, phân công nhiệm vụ cụ thể và định kỳ "
              "nhận xét kết quả công tác của các đồng chí được tăng cường gửi về Sở Nội vụ trước ngày 05 hằng tháng."),
        Block("Sở Nội vụ thông báo để Ủy ban nhân dân xã Tân Phong biết, phối hợp thực hiện./."),
    ]
    spec = DocSpec(
        issuer_lines=[parent, "SỞ NỘI VỤ"], number="1468/SNV-XDCQ", place=province, issued=issued,
        vv_lines=["V/v cử công chức tăng cường", "cho xã Tân Phong"], kinh_gui=["Ủy ban nhân dân xã Tân Phong."],
        body=body, signature=SignatureBlock("PHÓ GIÁM ĐỐC", "Đinh Thị Quỳnh", "KT. GIÁM ĐỐC"),
        noi_nhan=["- Như trên;", "- UBND tỉnh (b/c);", "- Giám đốc Sở (b/c);", "- Các đồng chí có tên trên;",
                  "- Lưu: VT, XDCQ."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Giám đốc", issuer)
    doc = header_facts(spec, doc_type="official_dispatch", issuer=issuer, issuer_parent=parent)
    return Sample("cv-tang-cuong-02", spec, f.record(doc), seed=202)


def cv_de_nghi_xa_01() -> Sample:
    """Commune level công văn asking for staff: headcounts, lacking positions by field."""
    f = Facts()
    commune = "Tân Phong"
    issuer = f"Ủy ban nhân dân xã {commune}"
    issued = date(2025, 10, 20)
    have, quota, lacking = 32, 45, 13
    body = [
        Block(f"Sau khi sắp xếp, tổ chức chính quyền địa phương hai cấp, xã {commune} được giao {quota} biên chế "
              f"công chức; đến nay mới có {have}/{quota} công chức, còn thiếu {lacking} công chức, trong đó: "
              "lĩnh vực đất đai 04 người, xây dựng 03 người, tài chính - kế toán 03 người, tư pháp - hộ tịch "
              "02 người, văn hóa - xã hội 01 người."),
        Block("Khối lượng hồ sơ thủ tục hành chính tăng mạnh; riêng tháng 9/2025 xã tiếp nhận 1.126 hồ sơ, "
              "trong đó 214 hồ sơ quá hạn."),
        Block("Để bảo đảm hoạt động của bộ máy, Ủy ban nhân dân xã kính đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân "
              "tỉnh tăng cường, biệt phái công chức có chuyên môn phù hợp về làm việc tại xã trong thời gian tối "
              "thiểu 06 tháng."),
        Block("Ủy ban nhân dân xã kính đề nghị Sở Nội vụ quan tâm, xem xét./."),
    ]
    f.count(quota, "biên chế công chức", Q(f"{quota} biên chế"))
    f.count(have, "công chức", Q(f"{have}/{quota} công chức"), total=quota)
    f.count(lacking, "công chức còn thiếu", Q(f"còn thiếu {lacking} công chức"))
    f.count(4, "người lĩnh vực đất đai", Q("đất đai 04 người"))
    f.count(3, "người lĩnh vực xây dựng", Q("xây dựng 03 người"))
    f.count(3, "người lĩnh vực tài chính - kế toán", Q("kế toán 03 người"))
    f.count(2, "người lĩnh vực tư pháp - hộ tịch", Q("hộ tịch 02 người"))
    f.count(1, "người lĩnh vực văn hóa - xã hội", Q("xã hội 01 người"))
    f.count(1126, "hồ sơ", Q("1.126 hồ sơ"))
    f.count(214, "hồ sơ quá hạn", Q("214 hồ sơ quá hạn"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"], number="143/UBND-VP", place=commune,
        issued=issued, vv_lines=["V/v đề nghị tăng cường công chức"], kinh_gui=["Sở Nội vụ tỉnh Sơn La."],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Lê Thị Kim Oanh", "TM. ỦY BAN NHÂN DÂN"),
        noi_nhan=["- Như trên;", "- UBND tỉnh (b/c);", "- TT Đảng ủy xã;", "- Lưu: VT."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="official_dispatch", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"XÃ {commune.upper()}")
    return Sample("cv-de-nghi-xa-01", spec, f.record(doc), seed=203)


def kh_tang_cuong_01() -> Sample:
    """A plan (KẾ HOẠCH) with targets, phases and deadlines."""
    f = Facts(status="planned")
    province = "Sơn La"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued = date(2025, 9, 5)
    n_people, n_communes, n_highland = 120, 45, 18
    d1, d2, d3 = date(2025, 9, 30), date(2025, 10, 15), date(2026, 3, 31)
    directive = Cite("Công văn", "4620/BNV-CQĐP", "official_dispatch", "Bộ Nội vụ", date(2025, 8, 18),
                     "của Bộ Nội vụ về việc bảo đảm nhân lực cho chính quyền cấp xã")
    body = [Block(f"Thực hiện {f.cite(directive).text()}; Ủy ban nhân dân tỉnh ban hành Kế hoạch tăng cường công "
                  "chức, viên chức về làm việc tại các xã, phường như sau:")]
    body += [
        Block("I. MỤC ĐÍCH, YÊU CẦU", "left_bold"),
        Block("1. Kịp thời bổ sung nhân lực có chuyên môn cho các xã, phường còn thiếu công chức ở các lĩnh vực "
              "đất đai, xây dựng, tài chính, tư pháp sau khi sắp xếp đơn vị hành chính."),
        Block("2. Việc tăng cường bảo đảm đúng người, đúng việc, không làm ảnh hưởng đến hoạt động của cơ quan cử đi."),
        Block("II. NỘI DUNG", "left_bold"),
        Block(f"1. Số lượng: tăng cường {n_people} công chức, viên chức cấp tỉnh cho {n_communes} xã, phường; "
              f"ưu tiên {n_highland} xã vùng cao, biên giới."),
        Block("2. Thời gian tăng cường: từ 06 tháng đến 12 tháng."),
        Block("3. Lộ trình thực hiện:"),
        Block(f"- Các sở, ban, ngành đăng ký danh sách công chức, viên chức gửi Sở Nội vụ trước ngày "
              f"{vn_date_short(d1)};", "noindent"),
        Block(f"- Ủy ban nhân dân tỉnh ban hành quyết định biệt phái xong trước ngày {vn_date_short(d2)};", "noindent"),
        Block(f"- Sơ kết, đánh giá kết quả tăng cường trước ngày {vn_date_short(d3)}.", "noindent"),
        Block("III. TỔ CHỨC THỰC HIỆN", "left_bold"),
        Block("1. Sở Nội vụ chủ trì tổng hợp nhu cầu, thẩm định danh sách, tham mưu Ủy ban nhân dân tỉnh quyết định "
              "biệt phái; theo dõi, báo cáo kết quả."),
        Block("2. Sở Tài chính bố trí kinh phí chi trả phụ cấp, hỗ trợ cho công chức, viên chức được tăng cường."),
        Block("3. Ủy ban nhân dân các xã, phường rà soát nhu cầu, tiếp nhận và phân công nhiệm vụ."),
    ]
    f.count(n_people, "công chức, viên chức cấp tỉnh", Q(f"{n_people} công chức, viên chức"), status="planned")
    f.count(n_communes, "xã, phường", Q(f"{n_communes} xã, phường"))
    f.count(n_highland, "xã vùng cao, biên giới", Q(f"{n_highland} xã vùng cao"))
    for d in (d1, d2, d3):
        f.date(d, "deadline", Q(f"trước ngày {vn_date_short(d)}"))
    f.second("reinforcement", Q(f"tăng cường {n_people} công chức, viên chức"), count=n_people,
             from_unit="cấp tỉnh", to_unit=f"{n_communes} xã, phường",
             position="đất đai, xây dựng, tài chính, tư pháp")
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="198/KH-UBND", place=province,
        issued=issued, type_label="KẾ HOẠCH",
        subject_lines=["Tăng cường công chức, viên chức về làm việc", "tại các xã, phường năm 2025 - 2026"],
        body=body, signature=SignatureBlock("PHÓ CHỦ TỊCH", "Lê Quang Vinh", "KT. CHỦ TỊCH"),
        noi_nhan=["- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành;",
                  "- UBND các xã, phường;", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="plan", issuer=issuer, issuer_parent=None, issuer_quote=f"TỈNH {province.upper()}")
    return Sample("kh-tang-cuong-01", spec, f.record(doc), seed=501)


def bc_nhan_su_01() -> Sample:
    """A report (BÁO CÁO) full of headcounts: x/y forms, thousands separators, decimals."""
    f = Facts()
    province = "Phú Thọ"
    issuer, parent = "Sở Nội vụ", f"UBND TỈNH {province.upper()}"
    issued = date(2025, 10, 30)
    total_staff, communes, wards = 9939, 94, 18
    cx, cx_ok = 1245, 1056
    pct = f"{100 * cx_ok / cx:.2f}".replace(".", ",")
    pos_filled, pos_total = 28, 43
    lacking = 312
    vx = VX_DISPATCH
    sent, sent_communes = vx.people, vx.communes

    def vn(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    body = [
        Block("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo tình hình đội ngũ công chức cấp xã sau "
              "sắp xếp như sau:"),
        Block("I. TÌNH HÌNH CHUNG", "left_bold"),
        Block(f"Toàn tỉnh có {communes} xã và {wards} phường với tổng số {vn(total_staff)} cán bộ, công chức, viên chức "
              f"đang làm việc. Số công chức chuyên môn cấp xã là {vn(cx)} công chức, trong đó {vn(cx_ok)}/{vn(cx)} "
              f"công chức đạt chuẩn trình độ, chiếm {pct}%."),
        Block("II. KẾT QUẢ BỐ TRÍ VỊ TRÍ VIỆC LÀM", "left_bold"),
        Block(f"Lĩnh vực đất đai: đã bố trí {pos_filled}/{pos_total} vị trí; lĩnh vực xây dựng: 19/31 vị trí; "
              f"lĩnh vực tài chính - kế toán: 37/40 vị trí. Toàn tỉnh còn thiếu {lacking} công chức chuyên môn."),
        Block(f"Thực hiện Công văn số {vx.number} ngày {vn_date_short(vx.issued)} của Ủy ban nhân dân tỉnh, các sở đang chuẩn bị "
              f"tăng cường {sent} công chức, viên chức cho {sent_communes} xã, phường."),
        Block("III. ĐỀ XUẤT", "left_bold"),
        Block("Đề nghị Ủy ban nhân dân tỉnh cho phép tuyển dụng bổ sung công chức cấp xã trong quý I năm 2026 và "
              "tiếp tục biệt phái công chức các sở về hỗ trợ các xã vùng cao."),
    ]
    f.count(communes, "xã", Q(f"{communes} xã"))
    f.count(wards, "phường", Q(f"{wards} phường"))
    f.count(total_staff, "cán bộ, công chức, viên chức", Q(f"{vn(total_staff)} cán bộ, công chức, viên chức"))
    f.count(cx, "công chức chuyên môn cấp xã", Q(f"{vn(cx)} công chức,"))
    f.count(cx_ok, "công chức đạt chuẩn trình độ", Q(f"{vn(cx_ok)}/{vn(cx)}"), total=cx)
    f.count(pos_filled, "vị trí lĩnh vực đất đai", Q(f"{pos_filled}/{pos_total} vị trí"), total=pos_total)
    f.count(19, "vị trí lĩnh vực xây dựng", Q("19/31 vị trí"), total=31)
    f.count(37, "vị trí lĩnh vực tài chính - kế toán", Q("37/40 vị trí"), total=40)
    f.count(lacking, "công chức chuyên môn còn thiếu", Q(f"thiếu {lacking} công chức"))
    f.count(sent, "công chức, viên chức", Q(f"{sent} công chức, viên chức"), status="reported")
    f.count(sent_communes, "xã, phường", Q(f"{sent_communes} xã, phường"))
    cited = Cite("Công văn", vx.number, "official_dispatch", f"Ủy ban nhân dân tỉnh {province}", vx.issued)
    f.references.append({"number": cited.number, "doc_type": cited.doc_type, "issuer": cited.issuer,
                         "date": cited.when.isoformat(), "evidence": Q(cited.number)})
    f.date(vx.issued, "cited", Q(f"ngày {vn_date_short(vx.issued)}", anchor=cited.number))
    f.second("reinforcement", Q(f"tăng cường {sent} công chức, viên chức"), count=sent,
             from_unit="các sở", to_unit=f"{sent_communes} xã, phường", status="reported", refers_to=cited.number)
    spec = DocSpec(
        issuer_lines=[parent, "SỞ NỘI VỤ"], number="402/BC-SNV", place=province, issued=issued,
        type_label="BÁO CÁO", subject_lines=["Tình hình đội ngũ công chức cấp xã", "sau sắp xếp đơn vị hành chính"],
        body=body, signature=SignatureBlock("GIÁM ĐỐC", "Trịnh Văn Lâm"),
        noi_nhan=["- UBND tỉnh (b/c);", "- Bộ Nội vụ (b/c);", "- Lưu: VT, CCVC."],
    )
    f.issued(spec)
    f.signer(spec, "Giám đốc", issuer)
    doc = header_facts(spec, doc_type="report", issuer=issuer, issuer_parent=parent)
    return Sample("bc-nhan-su-01", spec, f.record(doc), seed=601)


def tb_ket_luan_01() -> Sample:
    """A notice (THÔNG BÁO) of a meeting's conclusions: people by title, counts, deadlines."""
    f = Facts()
    province = "Lai Châu"
    issuer, parent = f"Văn phòng Ủy ban nhân dân tỉnh {province}", f"UBND TỈNH {province.upper()}"
    issued, meeting = date(2025, 11, 12), date(2025, 11, 10)
    chair = f.person(Who("Hà Văn Lâm", "Đồng chí", "Phó Chủ tịch Ủy ban nhân dân tỉnh", f"Ủy ban nhân dân tỉnh {province}"))
    director = f.person(Who("Nguyễn Thị Thu Trang", "Bà", "Giám đốc Sở Nội vụ", "Sở Nội vụ"))
    body = [
        Block(f"Ngày {meeting.day} tháng {meeting.month} năm {meeting.year}, đồng chí {chair.name}, "
              f"{chair.position} chủ trì cuộc họp về tình hình thực hiện biệt phái công chức, viên chức đến các xã. "
              f"Tham dự có bà {director.name}, {director.position} và đại diện các sở, ngành, "
              "Ủy ban nhân dân 12 xã vùng cao."),
        Block(f"Sau khi nghe báo cáo và ý kiến các đại biểu, đồng chí {chair.position} kết luận như sau:"),
        Block("1. Đến nay, các sở đã cử 46/52 công chức, viên chức theo kế hoạch; còn 06 người chưa đến nhận nhiệm vụ. "
              "Yêu cầu các sở hoàn thành việc cử người trước ngày 20/11/2025.", "noindent"),
        Block("2. Sở Nội vụ rà soát, đề xuất gia hạn thời gian biệt phái đối với các trường hợp hết hạn ngày "
              "30/11/2025 tại các xã còn thiếu nhân lực.", "noindent"),
        Block("3. Ủy ban nhân dân các xã báo cáo kết quả sử dụng công chức được biệt phái trước ngày 05/12/2025.", "noindent"),
        Block("Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."),
    ]
    f.count(12, "xã vùng cao", Q("12 xã vùng cao"))
    f.count(46, "công chức, viên chức đã cử", Q("46/52 công chức"), total=52, status="reported")
    f.count(6, "người chưa đến nhận nhiệm vụ", Q("06 người"), status="reported")
    f.date(meeting, "mentioned", Q(f"Ngày {meeting.day} tháng {meeting.month} năm {meeting.year}"))
    f.date(date(2025, 11, 20), "deadline", Q("trước ngày 20/11/2025"))
    f.date(date(2025, 11, 30), "end", Q("ngày 30/11/2025"))
    f.date(date(2025, 12, 5), "deadline", Q("trước ngày 05/12/2025"))
    f.second("secondment", Q("46/52 công chức, viên chức"), count=46, from_unit="các sở", to_unit="các xã",
             status="reported")
    spec = DocSpec(
        issuer_lines=[parent, "VĂN PHÒNG"], number="95/TB-VPUBND", place=province, issued=issued,
        type_label="THÔNG BÁO",
        subject_lines=[f"Kết luận của Phó Chủ tịch UBND tỉnh {chair.name} tại cuộc họp",
                       "về tình hình biệt phái công chức, viên chức đến các xã"],
        body=body, signature=SignatureBlock("PHÓ CHÁNH VĂN PHÒNG", "Tống Thị Hạnh", "KT. CHÁNH VĂN PHÒNG"),
        noi_nhan=["- CT, các PCT UBND tỉnh;", "- Các sở, ban, ngành;", "- UBND các xã, phường;", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Chánh Văn phòng", issuer)
    doc = header_facts(spec, doc_type="notice", issuer=issuer, issuer_parent=parent, issuer_quote="VĂN PHÒNG")
    return Sample("tb-ket-luan-01", spec, f.record(doc), seed=701)


def qd_biet_phai_05() -> Sample:
    """Sở Giáo dục và Đào tạo seconds a teacher to a commune; HỎA TỐC mark; dates in words."""
    f = Facts()
    province = "Cao Bằng"
    issuer, parent = "Sở Giáo dục và Đào tạo", f"UBND TỈNH {province.upper()}"
    issued, start, end = date(2025, 8, 15), date(2025, 9, 1), date(2026, 5, 31)
    body = can_cu(f, [luat_vc(), nd_115()])
    body.append(Block("Xét đề nghị của Trưởng phòng Tổ chức cán bộ."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    w = f.person(Who("Sùng Mí Dở", "Ông", "giáo viên", "Trường Trung học phổ thông Cao Lâm"))
    to = "Ủy ban nhân dân xã Trà Lĩnh"
    body.append(Block(f"Biệt phái {w.hon} {w.name}, {w.position} {w.unit}, đến làm việc tại {to}, làm nhiệm vụ "
                      f"quản lý giáo dục - đào tạo, từ ngày {start.day:02d} tháng {start.month} năm {start.year} đến "
                      f"ngày {end.day} tháng {end.month} năm {end.year}.", lead="Điều 1."))
    f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to,
             position="quản lý giáo dục - đào tạo", start=start, end=end, months=9)
    f.date(start, "start", Q(f"từ ngày {start.day:02d} tháng {start.month} năm {start.year}"))
    f.date(end, "end", Q(f"ngày {end.day} tháng {end.month} năm {end.year}", anchor="từ ngày"))
    body += [
        Block(f"{w.honorific} {w.name} được hưởng nguyên lương, phụ cấp hiện hưởng do Trường Trung học phổ thông "
              "Cao Lâm chi trả và phụ cấp biệt phái theo quy định.", lead="Điều 2."),
        Block(f"Quyết định có hiệu lực từ ngày ký. Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ, Hiệu trưởng "
              f"Trường Trung học phổ thông Cao Lâm, Chủ tịch Ủy ban nhân dân xã Trà Lĩnh và {w.hon} {w.name} "
              "chịu trách nhiệm thi hành Quyết định này.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực từ ngày ký"))
    spec = DocSpec(
        issuer_lines=[parent, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], number="1093/QĐ-SGDĐT", place=province, issued=issued,
        type_label="QUYẾT ĐỊNH", subject_lines=["Về việc biệt phái viên chức"], marks=["HỎA TỐC"],
        body=body, signature=SignatureBlock("PHÓ GIÁM ĐỐC", "Chu Văn Hiếu", "KT. GIÁM ĐỐC"),
        noi_nhan=["- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, TCCB."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Giám đốc", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=parent, issuer_quote="SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    return Sample("qd-biet-phai-05", spec, f.record(doc), seed=105)


# ---------------------------------------------------------------------------------------------
# English press reports


def en_press_01() -> Sample:
    f = Facts(language="en")
    province = "Phu Tho"
    vx = VX_DISPATCH
    number, issued = vx.number, vx.issued
    n_people, n_communes, n_depts = vx.people, vx.communes, vx.depts
    head = f"{province} seconds {n_people} civil servants to communes and wards"
    director = Who("Nguyen Thi Hong Nhung", "Ms", "Director of the Department of Home Affairs", "Department of Home Affairs")
    paras = [
        f"On {en_date(issued, False)}, the People's Committee of {province} province issued Official Dispatch No. {number} on "
        f"reinforcing human resources for communes and wards, seconding {n_people} civil servants and public "
        f"employees from {n_depts} provincial departments to {n_communes} communes and wards.",
        "The staff will work in land administration, construction, finance, health and education "
        f"from {en_date(vx.start)} to {en_date(vx.end)}.",
        f"According to Ms. {director.name}, {director.position}, many communes still lack officials "
        "for specialised work after the two-level local government took effect on July 1.",
        f"The provincial People's Committee asked departments to complete the selection before {en_date(vx.deadline, False)}.",
    ]
    f.person(director)
    f.count(n_people, "civil servants and public employees", Q(f"{n_people} civil servants and public"),
            status="requested")
    f.count(n_depts, "provincial departments", Q(f"{n_depts} provincial departments"))
    f.count(n_communes, "communes and wards", Q(f"{n_communes} communes and wards"))
    f.date(issued, "issued", Q(f"On {en_date(issued, False)}"))
    f.date(vx.start, "start", Q(f"from {en_date(vx.start)}"))
    f.date(vx.end, "end", Q(f"to {en_date(vx.end)}"))
    f.date(vx.deadline, "deadline", Q(f"before {en_date(vx.deadline, False)}"))
    f.second("reinforcement", Q(f"seconding {n_people} civil servants"), count=n_people,
             from_unit=f"{n_depts} provincial departments", to_unit=f"{n_communes} communes and wards",
             position="land administration, construction, finance, health and education",
             start=vx.start, end=vx.end, months=3, status="requested")
    spec = PressSpec(headline=head, dateline=f"{province}, October 22, 2025", paragraphs=paras)
    doc = {
        "doc_type": "official_dispatch", "doc_type_label": "Official Dispatch", "number": number,
        "issuer": f"People's Committee of {province} province", "issuer_parent": None, "place": None,
        "issued_date": issued.isoformat(),
        "subject": "reinforcing human resources for communes and wards", "recipients": [], "signer": None,
        "marks": [],
        "evidence": {"doc_type": Q("Official Dispatch"), "doc_type_label": Q("Official Dispatch"),
                     "number": Q(number), "issuer": Q(f"People's Committee of {province} province"),
                     "issued_date": Q(f"On {en_date(issued, False)}"),
                     "subject": Q("reinforcing human resources for communes and wards")},
    }
    return Sample("en-press-01", spec, f.record(doc), seed=901)


def en_press_02() -> Sample:
    """A news item on a secondment decision naming people (names without diacritics)."""
    f = Facts(language="en")
    province = "Son La"
    number, issued = "1587/QD-UBND", date(2025, 8, 28)
    start, end = date(2025, 9, 3), date(2025, 11, 3)
    issuer = f"People's Committee of {province} province"
    khai = Who("Nguyen Van Khai", "Mr", "an official of the Department of Agriculture and Environment",
               "Department of Agriculture and Environment")
    huong = Who("Tran Thi Mai Huong", "Ms", "an official of the Department of Finance", "Department of Finance")
    vinh = Who("Le Quang Vinh", None, "Vice Chairman of the provincial People's Committee", issuer)
    paras = [
        f"The {issuer} has issued Decision No. {number} dated August 28, 2025, seconding two provincial "
        "civil servants to communes and wards that lack specialised staff.",
        f"Under the decision, signed by Vice Chairman {vinh.name}, Mr. {khai.name}, {khai.position}, "
        f"will handle land administration in Tan Phong commune, while Ms. {huong.name}, {huong.position}, "
        "will take charge of finance and accounting in To Hieu ward.",
        "The two officials will work at their new posts from September 3 to November 3. Their salaries "
        "will continue to be paid by their home departments.",
        "The province plans to send more staff to communes in the coming months, the provincial Department "
        "of Home Affairs said.",
    ]
    f.person(vinh, Q(vinh.name))
    f.person(khai)
    f.person(huong)
    f.date(issued, "issued", Q("August 28, 2025"))
    f.date(start, "start", Q("from September 3"))
    f.date(end, "end", Q("to November 3"))
    f.count(2, "provincial civil servants", Q("two provincial civil servants"), status="decided")
    f.second("secondment", Q(khai.name), person=khai.name, from_unit=khai.unit, to_unit="Tan Phong commune",
             position="land administration", start=start, end=end, months=2)
    f.second("secondment", Q(huong.name), person=huong.name, from_unit=huong.unit, to_unit="To Hieu ward",
             position="finance and accounting", start=start, end=end, months=2)
    spec = PressSpec(headline=f"{province} sends two officials to help understaffed communes",
                     dateline=f"{province}, August 30, 2025", paragraphs=paras)
    doc = {
        "doc_type": "decision", "doc_type_label": "Decision", "number": number, "issuer": issuer,
        "issuer_parent": None, "place": None, "issued_date": issued.isoformat(),
        "subject": "seconding two provincial civil servants to communes and wards", "recipients": [],
        "signer": {"name": vinh.name, "title": "Vice Chairman", "authority": None}, "marks": [],
        "evidence": {"doc_type": Q("Decision No."), "doc_type_label": Q("Decision"), "number": Q(number),
                     "issuer": Q(issuer), "issued_date": Q("August 28, 2025"),
                     "subject": Q("seconding two provincial"), "signer": Q(vinh.name)},
    }
    return Sample("en-press-02", spec, f.record(doc), seed=902)


def en_press_03() -> Sample:
    """A press report on a staffing report: English number forms (1,245; 84.82%; 28 of 43)."""
    f = Facts(language="en")
    province = "Phu Tho"
    number, issued = "402/BC-SNV", date(2025, 10, 30)
    issuer = "Department of Home Affairs"
    vx = VX_DISPATCH
    chair = Who("Dinh Cong Thuan", "Comrade", "Vice Chairman of the provincial People's Committee",
                f"People's Committee of {province} province")
    paras = [
        f"The {issuer} of {province} province has released Report No. {number} on the commune-level "
        "civil service after the reorganisation of administrative units.",
        "According to the report, dated October 30, the province has 9,939 officials, civil servants and public "
        "employees working in 94 communes and 18 wards. Of the 1,245 specialised commune civil servants, "
        "1,056 meet the required qualifications, or 84.82%.",
        "In land administration only 28 of 43 positions have been filled, and the province still lacks 312 "
        "specialised civil servants.",
        f"Chairing a meeting on the report, Comrade {chair.name}, {chair.position}, asked departments "
        f"to send {vx.people} civil servants and public employees to {vx.communes} communes and wards before November 15.",
    ]
    f.person(chair)
    f.date(issued, "issued", Q("dated October 30"))
    f.date(date(2025, 11, 15), "deadline", Q("before November 15"))
    f.count(9939, "officials, civil servants and public employees", Q("9,939 officials"))
    f.count(94, "communes", Q("94 communes"))
    f.count(18, "wards", Q("18 wards"))
    f.count(1245, "specialised commune civil servants", Q("1,245 specialised commune civil servants"))
    f.count(1056, "civil servants meeting the required qualifications", Q("1,056 meet"), total=1245)
    f.count(28, "positions in land administration", Q("28 of 43 positions"), total=43)
    f.count(312, "specialised civil servants lacking", Q("lacks 312"))
    f.count(vx.people, "civil servants and public employees", Q(f"{vx.people} civil servants and public employees"),
            status="requested")
    f.count(vx.communes, "communes and wards", Q(f"{vx.communes} communes and wards"))
    f.second("reinforcement", Q(f"send {vx.people} civil servants"), count=vx.people, from_unit="departments",
             to_unit=f"{vx.communes} communes and wards", status="requested")
    spec = PressSpec(headline=f"{province}: commune civil service still short of 312 specialists",
                     dateline=f"{province}, November 2, 2025", paragraphs=paras)
    doc = {
        "doc_type": "report", "doc_type_label": "Report", "number": number,
        "issuer": f"{issuer} of {province} province", "issuer_parent": None, "place": None,
        "issued_date": issued.isoformat(),
        "subject": "the commune-level civil service after the reorganisation of administrative units",
        "recipients": [], "signer": None, "marks": [],
        "evidence": {"doc_type": Q("Report No."), "doc_type_label": Q("Report"), "number": Q(number),
                     "issuer": Q(f"{issuer} of {province} province"), "issued_date": Q("dated October 30"),
                     "subject": Q("commune-level")},
    }
    return Sample("en-press-03", spec, f.record(doc), seed=903)


def qd_gia_han_01() -> Sample:
    """Extends the secondment of two people from qd-biet-phai-02: the same names seconded twice."""
    f = Facts()
    province = "Lai Châu"
    issuer, parent = "Sở Nội vụ", f"UBND TỈNH {province.upper()}"
    issued, start, end = date(2026, 2, 20), date(2026, 3, 8), date(2026, 6, 8)
    first = Cite("Quyết định", "245/QĐ-SNV", "decision", "Sở Nội vụ", date(2025, 9, 8),
                 "của Sở Nội vụ về việc biệt phái công chức đến làm việc tại các xã, phường")
    body = can_cu(f, [luat_cbcc(), nd_170(), first])
    body.append(Block("Xét đề nghị của Ủy ban nhân dân xã Mường Khoa và Ủy ban nhân dân xã Tủa Sín Chải."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    body.append(Block(f"Gia hạn thời gian biệt phái thêm 03 tháng, từ ngày {vn_date_short(start)} đến ngày "
                      f"{vn_date_short(end)}, đối với 02 công chức sau:", lead="Điều 1."))
    staff = [
        (Who("Lò Văn Pấng", "Ông", "Chuyên viên", "Phòng Công chức, viên chức, Sở Nội vụ"), "Ủy ban nhân dân xã Mường Khoa"),
        (Who("Quàng Văn Ơn", "Ông", "Chuyên viên", "Phòng Tổ chức biên chế, Sở Nội vụ"), "Ủy ban nhân dân xã Tủa Sín Chải"),
    ]
    for i, (w, to) in enumerate(staff, 1):
        f.person(w)
        body.append(Block(f"{i}. {w.honorific} {w.name}, {w.position} {w.unit}, tiếp tục làm việc tại {to}.", "noindent"))
        f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, start=start, end=end, months=3,
                 action="extend", refers_to=first.number)
    f.count(2, "công chức", Q("02 công chức"), status="decided", action="extend")
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    body.append(Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng có liên quan, "
                      "Chủ tịch Ủy ban nhân dân các xã Mường Khoa, Tủa Sín Chải và các ông có tên tại Điều 1 chịu trách "
                      "nhiệm thi hành Quyết định này.", lead="Điều 2."))
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=[parent, "SỞ NỘI VỤ"], number="61/QĐ-SNV", place=province, issued=issued,
        type_label="QUYẾT ĐỊNH", subject_lines=["Về việc gia hạn thời gian biệt phái công chức"],
        body=body, signature=SignatureBlock("GIÁM ĐỐC", "Nguyễn Thị Thu Trang"),
        noi_nhan=["- Như Điều 2;", "- UBND tỉnh (b/c);", "- Lưu: VT, CCVC."],
    )
    f.issued(spec)
    f.signer(spec, "Giám đốc", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=parent)
    return Sample("qd-gia-han-01", spec, f.record(doc), seed=106)


# ---------------------------------------------------------------------------------------------
# Office samples: real provinces and communes (34 provinces since July 2025), fictional people and
# numbers. Typed as a Word file (python-docx), converted by LibreOffice (`synth/office.py`), with
# the e-signature box the document-management systems stamp and, on one, a Công báo running head.

VN_TZ = timezone(timedelta(hours=7))


def esign(signed_by: str, email: str, agency: str, when: datetime) -> ESignature:
    return ESignature(signed_by=signed_by, email=email, agency=agency, signed_at=when.replace(tzinfo=VN_TZ))


def qd_biet_phai_office_01() -> Sample:
    """UBND tỉnh Lào Cai seconds 08 civil servants and public employees to eight highland communes;
    who goes where is only in the DANH SÁCH (landscape section), the period only in Điều 1.
    E-signature box signed the same afternoon; page number on page 2."""
    f = Facts()
    province = "Lào Cai"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    number = "2318/QĐ-UBND"
    issued, start, end = date(2025, 8, 26), date(2025, 9, 1), date(2026, 2, 28)
    proposal = Cite("Tờ trình", "512/TTr-SNV", "submission", "Sở Nội vụ", date(2025, 8, 22))
    body = can_cu(f, [luat_tcchdp(), luat_cbcc(), luat_vc(), nd_170(), nd_115()])
    body.append(Block(f"Theo đề nghị của Giám đốc Sở Nội vụ tại {f.cite(proposal).text()}."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    rows_data = [
        (Who("Hoàng Văn Thuận", None, "Chuyên viên", "Phòng Quản lý đất đai, Sở Nông nghiệp và Môi trường"),
         "Xã Y Tý", "Đất đai, môi trường"),
        (Who("Lý Seo Dìn", None, "Chuyên viên", "Phòng Trồng trọt và Bảo vệ thực vật, Sở Nông nghiệp và Môi trường"),
         "Xã A Mú Sung", "Nông nghiệp"),
        (Who("Vàng Thị Say", None, "Kế toán viên", "Văn phòng Sở Tài chính"), "Xã Mù Cang Chải", "Tài chính - kế toán"),
        (Who("Phạm Quốc Khánh", None, "Chuyên viên", "Phòng Quy hoạch - Kiến trúc, Sở Xây dựng"),
         "Xã Trạm Tấu", "Quy hoạch - xây dựng"),
        (Who("Sùng A Tủa", None, "Chuyên viên", "Phòng Hành chính tư pháp, Sở Tư pháp"), "Xã Si Ma Cai",
         "Tư pháp - hộ tịch"),
        (Who("Đào Thị Hồng Nhung", None, "Bác sĩ", "Trung tâm Kiểm soát bệnh tật tỉnh"), "Xã Mường Khương", "Y tế"),
        (Who("Tẩn Láo Lở", None, "Chuyên viên", "Phòng Xây dựng chính quyền, Sở Nội vụ"), "Xã Bản Hồ", "Nội vụ"),
        (Who("Nguyễn Thị Thu Hà", None, "Chuyên viên", "Phòng Giáo dục phổ thông, Sở Giáo dục và Đào tạo"),
         "Xã Nậm Có", "Văn hóa - xã hội"),
    ]
    n = len(rows_data)
    period = f"từ ngày {vn_date_short(start)} đến ngày {vn_date_short(end)}"
    body.append(Block(f"Biệt phái {n:02d} công chức, viên chức của các sở, ngành (có danh sách kèm theo) đến làm việc "
                      f"tại Ủy ban nhân dân các xã, thời gian {period}.", lead="Điều 1."))
    body.append(Block("Trong thời gian biệt phái, công chức, viên chức chịu sự phân công, quản lý, đánh giá của Chủ tịch "
                      "Ủy ban nhân dân xã nơi đến; cơ quan, đơn vị cử đi biệt phái tiếp tục trả lương và bảo đảm các chế "
                      "độ, chính sách theo quy định. Ủy ban nhân dân các xã bố trí nơi làm việc, nơi ở phù hợp cho người "
                      "được biệt phái.", lead="Điều 2."))
    communes = ", ".join(to.removeprefix("Xã ") for _, to, _ in rows_data)
    body.append(Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội "
                      f"vụ, Thủ trưởng các sở, ngành có liên quan, Chủ tịch Ủy ban nhân dân các xã: {communes} và các "
                      "ông, bà có tên trong danh sách chịu trách nhiệm thi hành Quyết định này./.", lead="Điều 3."))
    f.count(n, "công chức, viên chức", Q(f"{n:02d} công chức, viên chức"), status="decided")
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    rows = []
    for i, (w, to, field_) in enumerate(rows_data, 1):
        rows.append([str(i), w.name, w.position or "", w.unit or "", to, field_])
        f.person(w, Q(w.name, anchor="DANH SÁCH"))
        f.second("secondment", Q(w.name, anchor="DANH SÁCH"), person=w.name, from_unit=w.unit,
                 to_unit=f"Ủy ban nhân dân {to[0].lower()}{to[1:]}", position=field_, start=start, end=end, months=6)
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number=number, place=province, issued=issued,
        type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc biệt phái công chức, viên chức", "đến làm việc tại Ủy ban nhân dân các xã"],
        body=body, signature=SignatureBlock("PHÓ CHỦ TỊCH", "Giàng Seo Vần", "KT. CHỦ TỊCH"),
        noi_nhan=["- Như Điều 3;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;", "- Sở Nội vụ;",
                  "- Lưu: VT, NC."],
        attachment=Attachment(
            title="DANH SÁCH",
            subtitle_lines=["Công chức, viên chức biệt phái đến làm việc tại Ủy ban nhân dân các xã"],
            note=f"(Kèm theo Quyết định số {number} ngày {vn_date_short(issued)} của Ủy ban nhân dân tỉnh {province})",
            columns=["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Nơi biệt phái đến", "Lĩnh vực phụ trách"],
            rows=rows, col_widths_cm=[1.2, 4.4, 2.8, 8.0, 4.0, 4.6]),
    )
    f.issued(spec)
    f.signer(spec, "Phó Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"TỈNH {province.upper()}")
    layout = OfficeLayout(esign=esign(issuer, "vanthu.ubnd@laocai.gov.vn", f"Tỉnh {province}",
                                      datetime(2025, 8, 26, 16, 42, 7)))
    return Sample("qd-biet-phai-office-01", spec, f.record(doc), seed=1101, layout=layout)


def cv_tang_cuong_office_01() -> Sample:
    """UBND tỉnh Tuyên Quang công văn (KHẨN, two pages): reinforce 12 highland border communes with
    36 people from 14 departments; shortage figures; e-signed the morning after the date line."""
    f = Facts()
    province = "Tuyên Quang"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, end = date(2025, 9, 15), date(2025, 9, 22), date(2026, 3, 22)
    pick_by, report_by = date(2025, 9, 19), date(2026, 3, 31)
    n_people, n_depts = 36, 14
    communes = ["Lũng Cú", "Đồng Văn", "Sà Phìn", "Phố Bảng", "Sơn Vĩ", "Mèo Vạc", "Khâu Vai", "Xín Mần",
                "Pà Vầy Sủ", "Hồ Thầu", "Nậm Dịch", "Thàng Tín"]
    n_communes = len(communes)
    have, need, short_all = 287, 356, 214
    plan = Cite("Kế hoạch", "146/KH-UBND", "plan", issuer, date(2025, 8, 18),
                "của Ủy ban nhân dân tỉnh về bảo đảm nhân lực cho chính quyền cấp xã sau sắp xếp")
    report = Cite("Báo cáo", "603/BC-SNV", "report", "Sở Nội vụ", date(2025, 9, 10))
    leader = Who("Hầu Văn Lịch", "Đồng chí", "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ")
    body = [
        Block(f"Thực hiện {f.cite(plan).text()}; trên cơ sở {f.cite(report).text()} của Sở Nội vụ, toàn tỉnh hiện "
              f"còn thiếu {short_all} công chức chuyên môn ở cấp xã, tập trung tại các xã vùng cao, biên giới. Riêng "
              f"các xã vùng cao, biên giới mới bố trí được {have}/{need} công chức theo vị trí việc làm; lĩnh "
              "vực đất đai còn thiếu 23 người, xây dựng thiếu 17 người, tài chính - kế toán thiếu 15 người."),
        Block("Để kịp thời hỗ trợ các xã giải quyết thủ tục hành chính cho người dân, Chủ tịch Ủy ban nhân dân tỉnh "
              "chỉ đạo như sau:"),
        Block(f"1. Tăng cường {n_people} công chức, viên chức của {n_depts} sở, ban, ngành tỉnh về làm việc tại "
              f"{n_communes} xã vùng cao, biên giới: {', '.join(communes)}; thời gian tăng cường từ ngày "
              f"{vn_date_short(start)} đến ngày {vn_date_short(end)}.", "noindent"),
        Block("2. Giao Sở Nội vụ:", "noindent"),
        Block("a) Chủ trì, phối hợp với các sở, ban, ngành lựa chọn người có chuyên môn về đất đai, xây dựng, tài "
              "chính - kế toán, tư pháp - hộ tịch; ưu tiên người biết tiếng dân tộc Mông, Dao; hoàn thành việc lựa "
              f"chọn trước ngày {vn_date_short(pick_by)}.", "noindent"),
        Block(f"b) Phân công {leader.hon} {leader.name}, {leader.position}, theo dõi, đôn đốc việc tăng cường; tổng "
              "hợp, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng.", "noindent"),
        Block("3. Các sở, ban, ngành tỉnh cử người theo phân bổ của Sở Nội vụ; tiếp tục trả lương, phụ cấp và bảo "
              "đảm các chế độ, chính sách cho người được tăng cường trong thời gian tăng cường; không cử người đang "
              "trong thời gian bị xem xét xử lý kỷ luật.", "noindent"),
        Block("4. Ủy ban nhân dân các xã tiếp nhận: bố trí nơi làm việc, nơi ở; phân công nhiệm vụ cụ thể, gắn với "
              "việc hướng dẫn, kèm cặp công chức chuyên môn của xã; nhận xét, đánh giá người được tăng cường khi kết "
              f"thúc thời gian tăng cường, gửi về Sở Nội vụ trước ngày {vn_date_short(report_by)}.", "noindent"),
        Block("5. Sở Tài chính tham mưu bố trí kinh phí hỗ trợ đi lại, thuê nhà ở cho người được tăng cường theo quy "
              "định; Sở Dân tộc và Tôn giáo phối hợp bồi dưỡng tiếng dân tộc cho người được tăng cường chưa biết "
              "tiếng dân tộc tại địa bàn.", "noindent"),
        Block("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban "
              "nhân dân tỉnh (qua Sở Nội vụ) để xem xét, giải quyết./."),
    ]
    f.person(leader)
    f.count(short_all, "công chức chuyên môn ở cấp xã còn thiếu", Q(f"{short_all} công chức chuyên môn"))
    f.count(have, "công chức theo vị trí việc làm", Q(f"{have}/{need} công chức"), total=need)
    f.count(23, "người lĩnh vực đất đai còn thiếu", Q("thiếu 23 người"))
    f.count(17, "người lĩnh vực xây dựng còn thiếu", Q("thiếu 17 người"))
    f.count(15, "người lĩnh vực tài chính - kế toán còn thiếu", Q("thiếu 15 người"))
    f.count(n_people, "công chức, viên chức", Q(f"{n_people} công chức, viên chức"), status="requested")
    f.count(n_depts, "sở, ban, ngành tỉnh", Q(f"{n_depts} sở, ban, ngành"))
    f.count(n_communes, "xã vùng cao, biên giới", Q(f"{n_communes} xã vùng cao, biên giới"))
    f.second("reinforcement", Q(f"Tăng cường {n_people} công chức, viên chức"), count=n_people,
             from_unit=f"{n_depts} sở, ban, ngành tỉnh", to_unit=f"{n_communes} xã vùng cao, biên giới",
             position=None, start=start, end=end, months=6, status="requested")
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    f.date(pick_by, "deadline", Q(f"trước ngày {vn_date_short(pick_by)}"))
    f.date(report_by, "deadline", Q(f"trước ngày {vn_date_short(report_by)}"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="3476/UBND-NC", place=province,
        issued=issued, vv_lines=["V/v tăng cường công chức, viên chức cho các xã vùng cao, biên giới"],  # wraps in its cell
        marks=["KHẨN"],
        kinh_gui=["Sở Nội vụ;", "Các sở, ban, ngành tỉnh;", "Ủy ban nhân dân các xã vùng cao, biên giới."],
        body=body, signature=SignatureBlock("PHÓ CHỦ TỊCH", "Nông Thị Bích Vân", "KT. CHỦ TỊCH"),
        noi_nhan=["- Như trên;", "- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- CT, các PCT UBND tỉnh;",
                  "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="official_dispatch", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"TỈNH {province.upper()}")
    layout = OfficeLayout(header_rows=1, esign=esign(issuer, "vanthu.ubnd@tuyenquang.gov.vn", f"Tỉnh {province}",
                                                     datetime(2025, 9, 16, 8, 5, 12)))
    return Sample("cv-tang-cuong-office-01", spec, f.record(doc), seed=1201, layout=layout)


def qd_biet_phai_office_02() -> Sample:
    """Sở Nông nghiệp và Môi trường tỉnh Điện Biên: the issuer wraps over two lines of its column
    (SỞ NÔNG NGHIỆP VÀ / MÔI TRƯỜNG); three public employees, 06 months from a date; e-signed."""
    f = Facts()
    province = "Điện Biên"
    issuer, parent = "Sở Nông nghiệp và Môi trường", f"UBND TỈNH {province.upper()}"
    issued, start, months = date(2025, 10, 9), date(2025, 10, 15), 6
    functions = Cite("Quyết định", "28/2025/QĐ-UBND", "decision", f"Ủy ban nhân dân tỉnh {province}", date(2025, 7, 1),
                     f"của Ủy ban nhân dân tỉnh {province} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức "
                     "của Sở Nông nghiệp và Môi trường")
    ask = Cite("Công văn", "2254/UBND-NC", "official_dispatch", f"Ủy ban nhân dân tỉnh {province}", date(2025, 9, 29),
               "của Ủy ban nhân dân tỉnh về việc hỗ trợ nhân lực lĩnh vực đất đai, môi trường cho cấp xã")
    body = can_cu(f, [luat_vc(), nd_115(), functions, ask])
    body.append(Block("Theo đề nghị của Chánh Văn phòng Sở."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    term = f"thời hạn {months:02d} tháng kể từ ngày {vn_date_short(start)}"
    staff = [
        (Who("Lò Văn Thưởng", "Ông", "Viên chức", "Văn phòng Đăng ký đất đai tỉnh"), "Ủy ban nhân dân xã Mường Nhé",
         "lĩnh vực đo đạc, đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất"),
        (Who("Quàng Thị Dung", "Bà", "Viên chức", "Trung tâm Phát triển quỹ đất tỉnh"), "Ủy ban nhân dân xã Sín Thầu",
         "lĩnh vực bồi thường, hỗ trợ, tái định cư"),
        (Who("Nguyễn Đức Mạnh", "Ông", "Viên chức", "Trung tâm Quan trắc tài nguyên và môi trường"),
         "Ủy ban nhân dân xã Nà Hỳ", "lĩnh vực quản lý môi trường, thu gom, xử lý chất thải"),
    ]
    body.append(Block(f"Biệt phái {len(staff):02d} viên chức thuộc Sở Nông nghiệp và Môi trường đến làm việc tại Ủy ban "
                      f"nhân dân các xã, {term}, cụ thể như sau:", lead="Điều 1."))
    for i, (w, to, job) in enumerate(staff, 1):
        f.person(w)
        body.append(Block(f"{i}. {w.honorific} {w.name}, {w.position} {w.unit}, biệt phái đến {to}, hỗ trợ {job}.",
                          "noindent"))
        f.second("secondment", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=job,
                 start=start, months=months)
    f.count(len(staff), "viên chức", Q(f"{len(staff):02d} viên chức"), status="decided")
    f.date(start, "start", Q(f"kể từ ngày {vn_date_short(start)}"))
    body += [
        Block("Trong thời gian biệt phái, viên chức chịu sự phân công, quản lý của Chủ tịch Ủy ban nhân dân xã nơi "
              "đến; được hưởng phụ cấp biệt phái bằng 30% mức lương hiện hưởng và các chế độ khác theo quy định; "
              "đơn vị cử đi tiếp tục trả lương.", lead="Điều 2."),
        Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Giám đốc Văn phòng Đăng ký đất đai tỉnh, "
              "Giám đốc Trung tâm Phát triển quỹ đất tỉnh, Giám đốc Trung tâm Quan trắc tài nguyên và môi trường, "
              "Chủ tịch Ủy ban nhân dân các xã Mường Nhé, Sín Thầu, Nà Hỳ và các viên chức có tên tại Điều 1 chịu "
              "trách nhiệm thi hành Quyết định này./.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=[parent, "SỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG"], number="1187/QĐ-SNNMT", place=province,
        issued=issued, type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc biệt phái viên chức đến làm việc", "tại Ủy ban nhân dân các xã"],
        body=body, signature=SignatureBlock("PHÓ GIÁM ĐỐC", "Lường Văn Hoan", "KT. GIÁM ĐỐC"),
        noi_nhan=["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Giám đốc Sở (b/c);", "- Lưu: VT, VP."],
    )
    f.issued(spec)
    f.signer(spec, "Phó Giám đốc", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=parent)
    layout = OfficeLayout(esign=esign(issuer, "snnmt@dienbien.gov.vn", f"Tỉnh {province}",
                                      datetime(2025, 10, 9, 15, 47, 20)))
    return Sample("qd-biet-phai-office-02", spec, f.record(doc), seed=1102, layout=layout)


def qd_tang_cuong_office_01() -> Sample:
    """UBND tỉnh Thái Nguyên decision as the provincial Công báo prints it: running head
    CÔNG BÁO/Số 61 + 62/Ngày 30-9-2025 with gazette page numbers from 37, the section heading
    and the body's name above the real header, e-signed by the office that publishes the gazette.
    Five named people reinforce five communes for 12 months; two pages."""
    f = Facts()
    province = "Thái Nguyên"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, months = date(2025, 9, 19), date(2025, 10, 1), 12
    proposal = Cite("Tờ trình", "418/TTr-SNV", "submission", "Sở Nội vụ", date(2025, 9, 12))
    body = can_cu(f, [luat_tcchdp(), luat_cbcc(), luat_vc(), nd_170()])
    body.append(Block(f"Theo đề nghị của Giám đốc Sở Nội vụ tại {f.cite(proposal).text()}."))
    body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
    staff = [
        (Who("Triệu Văn Quyết", "Ông", "Phó Trưởng phòng Quy hoạch - Kiến trúc", "Sở Xây dựng"),
         "Ủy ban nhân dân xã Ba Bể", "lĩnh vực quy hoạch, xây dựng"),
        (Who("Bàn Thị Liên", "Bà", "Chuyên viên Phòng Quản lý ngân sách", "Sở Tài chính"),
         "Ủy ban nhân dân xã Chợ Đồn", "lĩnh vực tài chính, ngân sách"),
        (Who("Ma Văn Tuấn", "Ông", "Chuyên viên Chi cục Thủy lợi", "Sở Nông nghiệp và Môi trường"),
         "Ủy ban nhân dân xã Na Rì", "lĩnh vực thủy lợi, phòng, chống thiên tai"),
        (Who("Dương Thị Hải Yến", "Bà", "Chuyên viên Phòng Hành chính tư pháp", "Sở Tư pháp"),
         "Ủy ban nhân dân xã Ngân Sơn", "lĩnh vực tư pháp - hộ tịch"),
        (Who("Hứa Văn Đông", "Ông", "Chuyên viên Phòng Chuyển đổi số", "Sở Khoa học và Công nghệ"),
         "Ủy ban nhân dân xã Thần Sa", "lĩnh vực chuyển đổi số"),
    ]
    n = len(staff)
    term = f"thời gian {months} tháng kể từ ngày {vn_date_short(start)}"
    body.append(Block(f"Tăng cường {n:02d} công chức cấp tỉnh về làm việc tại Ủy ban nhân dân các xã, {term}, "
                      "cụ thể như sau:", lead="Điều 1."))
    for i, (w, to, job) in enumerate(staff, 1):
        f.person(w)
        body.append(Block(f"{i}. {w.honorific} {w.name}, {w.position}, {w.unit}, tăng cường về {to}, phụ trách {job}.",
                          "noindent"))
        f.second("reinforcement", Q(w.name), person=w.name, from_unit=w.unit, to_unit=to, position=job,
                 start=start, months=months)
    f.count(n, "công chức cấp tỉnh", Q(f"{n:02d} công chức cấp tỉnh"), status="decided")
    f.date(start, "start", Q(f"kể từ ngày {vn_date_short(start)}"))
    body += [
        Block("Nhiệm vụ, quyền lợi của công chức được tăng cường:", lead="Điều 2."),
        Block("1. Tham mưu Chủ tịch Ủy ban nhân dân xã giải quyết hồ sơ, thủ tục hành chính thuộc lĩnh vực được "
              "phân công; hướng dẫn, kèm cặp công chức chuyên môn của xã; chấp hành sự phân công, quản lý của Chủ "
              "tịch Ủy ban nhân dân xã nơi đến.", "noindent"),
        Block("2. Được giữ nguyên chức vụ, ngạch công chức, tiền lương và phụ cấp hiện hưởng do cơ quan cử đi chi "
              "trả; được hỗ trợ đi lại và thuê nhà ở theo quy định của Hội đồng nhân dân tỉnh.", "noindent"),
        Block("3. Hằng quý báo cáo kết quả công tác về cơ quan cử đi và Sở Nội vụ; khi kết thúc thời gian tăng "
              "cường, Ủy ban nhân dân xã nhận xét, đánh giá làm căn cứ xem xét quy hoạch, bổ nhiệm.", "noindent"),
        Block("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Nội "
              "vụ, Xây dựng, Tài chính, Nông nghiệp và Môi trường, Tư pháp, Khoa học và Công nghệ; Chủ tịch Ủy ban "
              "nhân dân các xã Ba Bể, Chợ Đồn, Na Rì, Ngân Sơn, Thần Sa và các ông, bà có tên tại Điều 1 chịu trách "
              "nhiệm thi hành Quyết định này./.", lead="Điều 3."),
    ]
    f.date(issued, "effective", Q("có hiệu lực kể từ ngày ký"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="2974/QĐ-UBND", place=province,
        issued=issued, type_label="QUYẾT ĐỊNH",
        subject_lines=["Về việc tăng cường công chức cấp tỉnh", "về làm việc tại Ủy ban nhân dân các xã"],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Đỗ Văn Khiêm", "TM. ỦY BAN NHÂN DÂN"),
        noi_nhan=["- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các PCT UBND tỉnh;",
                  "- Công báo tỉnh;", "- Lưu: VT, NC."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="decision", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"TỈNH {province.upper()}")
    office = f"Văn phòng Ủy ban nhân dân tỉnh {province}"
    layout = OfficeLayout(
        header_rows=1, gazette_head="CÔNG BÁO/Số 61 + 62/Ngày 30-9-2025", first_page_number=37,
        lead_lines=["VĂN BẢN KHÁC", f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}"],
        esign=esign(office, "congbao@thainguyen.gov.vn", f"Tỉnh {province}", datetime(2025, 10, 2, 14, 30, 8)))
    return Sample("qd-tang-cuong-office-01", spec, f.record(doc), seed=1103, layout=layout)


def cv_de_nghi_xa_office_01() -> Sample:
    """UBND xã Mường Hum (Lào Cai) asks the Sở Nội vụ for land and construction staff: a commune
    công văn with headcounts and a request, no sending decided; e-signed by the commune."""
    f = Facts()
    commune = "Mường Hum"
    issuer = f"Ủy ban nhân dân xã {commune}"
    issued = date(2025, 11, 4)
    quota, have = 38, 29
    lacking = quota - have
    body = [
        Block(f"Sau khi sắp xếp đơn vị hành chính, xã {commune} được giao {quota} biên chế công chức; đến nay xã mới "
              f"bố trí được {have}/{quota} công chức, còn thiếu {lacking:02d} công chức, trong đó lĩnh vực đất đai "
              "03 người, xây dựng 02 người, tài chính - kế toán 02 người."),
        Block("Từ tháng 7 đến tháng 10 năm 2025, xã tiếp nhận 2.148 hồ sơ thủ tục hành chính, trong đó 1.312 hồ sơ "
              "lĩnh vực đất đai; số hồ sơ giải quyết quá hạn là 96 hồ sơ."),
        Block("Để bảo đảm giải quyết kịp thời thủ tục hành chính cho người dân, Ủy ban nhân dân xã kính đề nghị Sở "
              "Nội vụ tham mưu Ủy ban nhân dân tỉnh biệt phái công chức có chuyên môn về đất đai, xây dựng đến làm "
              "việc tại xã trong thời gian tối thiểu 06 tháng."),
        Block("Ủy ban nhân dân xã kính đề nghị Sở Nội vụ quan tâm, xem xét./."),
    ]
    f.count(quota, "biên chế công chức", Q(f"{quota} biên chế"))
    f.count(have, "công chức", Q(f"{have}/{quota} công chức"), total=quota)
    f.count(lacking, "công chức còn thiếu", Q(f"còn thiếu {lacking:02d} công chức"))
    f.count(3, "người lĩnh vực đất đai", Q("đất đai 03 người"))
    f.count(2, "người lĩnh vực xây dựng", Q("xây dựng 02 người"))
    f.count(2, "người lĩnh vực tài chính - kế toán", Q("kế toán 02 người"))
    f.count(2148, "hồ sơ thủ tục hành chính", Q("2.148 hồ sơ"))
    f.count(1312, "hồ sơ lĩnh vực đất đai", Q("1.312 hồ sơ"))
    f.count(96, "hồ sơ giải quyết quá hạn", Q("96 hồ sơ"))
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"], number="317/UBND-VP", place=commune,
        issued=issued, vv_lines=["V/v đề nghị biệt phái công chức", "lĩnh vực đất đai, xây dựng"],
        kinh_gui=["Sở Nội vụ tỉnh Lào Cai."],
        body=body, signature=SignatureBlock("CHỦ TỊCH", "Chảo Láo Tả", "TM. ỦY BAN NHÂN DÂN"),
        noi_nhan=["- Như trên;", "- UBND tỉnh (b/c);", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT."],
    )
    f.issued(spec)
    f.signer(spec, "Chủ tịch", issuer)
    doc = header_facts(spec, doc_type="official_dispatch", issuer=issuer, issuer_parent=None,
                       issuer_quote=f"XÃ {commune.upper()}")
    layout = OfficeLayout(header_rows=1, esign=esign(issuer, "xamuonghum@laocai.gov.vn", "Tỉnh Lào Cai",
                                                     datetime(2025, 11, 4, 9, 58, 41)))
    return Sample("cv-de-nghi-xa-office-01", spec, f.record(doc), seed=1202, layout=layout)


OFFICE_SAMPLES: list[Callable[[], Sample]] = [
    qd_biet_phai_office_01, qd_biet_phai_office_02, qd_tang_cuong_office_01, cv_tang_cuong_office_01,
    cv_de_nghi_xa_office_01,
]


SAMPLES: list[Callable[[], Sample]] = [
    qd_biet_phai_01, qd_biet_phai_02, qd_biet_phai_03, qd_biet_phai_04, qd_biet_phai_05,
    qd_dieu_dong_01, qd_dieu_dong_xa_01, qd_luan_chuyen_01,
    qd_gia_han_01, cv_tang_cuong_01, cv_tang_cuong_02, cv_de_nghi_xa_01, kh_tang_cuong_01, bc_nhan_su_01,
    tb_ket_luan_01, en_press_01, en_press_02, en_press_03,
    *OFFICE_SAMPLES,
]


def write_sample(sample: Sample, out: Path) -> dict[str, Any]:
    if sample.layout is not None:
        assert isinstance(sample.spec, DocSpec)
        pdf = render_office_pdf(sample.spec, sample.layout)
    else:
        pdf = render_spec_pdf(sample.spec)
    try:
        record = build_record(sample.facts, pdf, f"{sample.name}.pdf")
    except LookupError as exc:  # a fact whose words the document does not print
        raise SystemExit(f"{sample.name}: {exc}") from None
    (out / f"{sample.name}.pdf").write_bytes(pdf)
    (out / f"{sample.name}.scan.pdf").write_bytes(scan_pdf(pdf, seed=sample.seed, dpi=200))
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    (out / f"{sample.name}.truth.json").write_text(text, encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--only", nargs="*", help="generate only these sample names")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    no_office: str | None = None
    for make in SAMPLES:
        sample = make()
        if args.only and sample.name not in args.only:
            continue
        if sample.layout is not None and no_office is not None:
            continue
        try:
            record = write_sample(sample, args.out)
        except MissingDependencyError as exc:  # LibreOffice missing: the reportlab samples still get made
            no_office = exc.reason
            print(f"office samples not made: {no_office}", file=sys.stderr)
            continue
        print(f"{sample.name}: {record['source']['page_count']} page(s), {len(record['people'])} people, "
              f"{len(record['secondments'])} secondments")
    return 1 if no_office else 0


if __name__ == "__main__":
    raise SystemExit(main())
