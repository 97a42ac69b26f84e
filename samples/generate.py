"""Generate the sample documents with their ground truth.

    .venv/bin/python samples/generate.py [--out samples] [--only NAME ...]

For each sample: NAME.pdf (born-digital), NAME.scan.pdf (scanned look, no text layer) and
NAME.truth.json (a full record per the record schema, evidence located in NAME.pdf).
Everything is fictional: provinces, communes, people, document numbers. Deterministic: fixed
seeds, no clock, so reruns give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dispatch_reader.synth import (  # noqa: E402
    Attachment, Block, DocSpec, PressSpec, SignatureBlock, render_spec_pdf, scan_pdf,
)
from dispatch_reader.synth.spec import vn_date_short, vn_date_words  # noqa: E402
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
            out += f" ngày {self.when.day:02d} tháng {self.when.month:02d} năm {self.when.year}" \
                if self.when.month <= 2 else f" {vn_date_words(self.when)}"
        return f"{out} {self.tail}".strip()

    def date_words(self) -> str:
        return self.text().split(f"số {self.number} ", 1)[1].split(" năm ")[0] + f" năm {self.when.year}" \
            if self.when else ""


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

    def count(self, value: int, what: str, quote: Q, total: int | None = None) -> None:
        self.counts.append({"value": value, "what": what, "total": total, "evidence": quote})

    def date(self, d: date, role: str, quote: Q) -> None:
        if all((x["date"], x["role"]) != (d.isoformat(), role) for x in self.dates):
            self.dates.append({"date": d.isoformat(), "role": role, "evidence": quote})

    def second(self, kind: str, quote: Q, *, person: str | None = None, count: int | None = None,
               from_unit: str | None = None, to_unit: str | None = None, position: str | None = None,
               start: date | None = None, end: date | None = None, months: float | None = None) -> None:
        self.secondments.append({
            "kind": kind, "person": person, "count": count, "from_unit": from_unit, "to_unit": to_unit,
            "position": position, "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None, "duration_months": months, "evidence": quote})

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


def can_cu(f: Facts, cites: list[Cite]) -> list[Block]:
    return [Block(f"Căn cứ {f.cite(c).text()};") for c in cites]


# ---------------------------------------------------------------------------------------------
# Vietnamese samples


def qd_biet_phai_01() -> Sample:
    """UBND tỉnh seconds two named civil servants to two communes, fixed start and end dates."""
    f = Facts()
    province, place = "Lâm Hà", "Lâm Hà"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, end = date(2025, 8, 28), date(2025, 9, 3), date(2025, 11, 3)
    prior = Cite("Công văn", "412/SNV-CCVC", "official_dispatch", f"Sở Nội vụ", date(2025, 8, 20))
    cites = [luat_tcchdp(), luat_cbcc(), nd_170()]
    people = [
        (Who("Nguyễn Văn Khải", "Ông", "Chuyên viên Phòng Quản lý đất đai", "Sở Nông nghiệp và Môi trường"),
         "Ủy ban nhân dân xã Tân Phong", "lĩnh vực đất đai"),
        (Who("Trần Thị Mai Hương", "Bà", "Chuyên viên Phòng Ngân sách", "Sở Tài chính"),
         "Ủy ban nhân dân phường Hòa Minh", "lĩnh vực tài chính - kế toán"),
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
              "Giám đốc các sở có liên quan, Chủ tịch Ủy ban nhân dân xã Tân Phong, phường Hòa Minh và các "
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
    """UBND tỉnh công văn: reinforce communes with a headcount, no names, KHẨN."""
    f = Facts()
    province = "Vạn Xuân"
    issuer = f"Ủy ban nhân dân tỉnh {province}"
    issued, start, end = date(2025, 10, 21), date(2025, 10, 27), date(2026, 1, 27)
    n_people, n_communes, n_depts = 60, 39, 14
    prior = Cite("Kế hoạch", "215/KH-UBND", "plan", issuer, date(2025, 9, 12))
    report = Cite("Báo cáo", "388/BC-SNV", "report", "Sở Nội vụ", date(2025, 10, 15))
    body = [
        Block(f"Thực hiện {f.cite(prior).text()} của Ủy ban nhân dân tỉnh về bảo đảm nhân lực cho chính quyền "
              f"địa phương hai cấp; xét đề nghị của Sở Nội vụ tại {f.cite(report).text()}, Ủy ban nhân dân tỉnh "
              f"có ý kiến như sau:"),
        Block(f"1. Tăng cường {n_people} công chức, viên chức của {n_depts} sở, ban, ngành cấp tỉnh về làm việc tại "
              f"{n_communes} xã, phường còn thiếu nhân lực ở các lĩnh vực đất đai, xây dựng, tài chính, y tế và "
              f"giáo dục; thời gian tăng cường từ ngày {vn_date_short(start)} đến ngày {vn_date_short(end)}.", "noindent"),
        Block("2. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành lựa chọn công chức, viên chức có chuyên môn "
              "phù hợp, hoàn thành việc cử người trước ngày 25/10/2025; báo cáo kết quả về Ủy ban nhân dân tỉnh.", "noindent"),
        Block("3. Ủy ban nhân dân các xã, phường tiếp nhận, bố trí công việc, tạo điều kiện về nơi làm việc cho "
              "công chức, viên chức được tăng cường.", "noindent"),
        Block("Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện./."),
    ]
    f.count(n_people, "công chức, viên chức", Q(f"{n_people} công chức, viên chức"))
    f.count(n_depts, "sở, ban, ngành cấp tỉnh", Q(f"{n_depts} sở, ban, ngành"))
    f.count(n_communes, "xã, phường", Q(f"{n_communes} xã, phường"))
    f.date(start, "start", Q(f"từ ngày {vn_date_short(start)}"))
    f.date(end, "end", Q(f"đến ngày {vn_date_short(end)}"))
    f.date(date(2025, 10, 25), "deadline", Q("trước ngày 25/10/2025"))
    f.second("reinforcement", Q(f"Tăng cường {n_people} công chức, viên chức"), count=n_people,
             from_unit="các sở, ban, ngành cấp tỉnh", to_unit=f"{n_communes} xã, phường",
             position="đất đai, xây dựng, tài chính, y tế và giáo dục", start=start, end=end, months=3)
    spec = DocSpec(
        issuer_lines=["ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}"], number="1335/UBND-NC", place=province,
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
    province = "Phù Vân"
    issuer, parent = "Sở Nội vụ", f"UBND TỈNH {province.upper()}"
    issued = date(2025, 9, 8)
    months = 6
    number = "245/QĐ-SNV"
    delegation = Cite("Quyết định", "1120/QĐ-UBND", "decision", f"Ủy ban nhân dân tỉnh {province}",
                      date(2025, 7, 2), f"của Ủy ban nhân dân tỉnh {province} về phân cấp quản lý công chức, viên chức")
    rows_data = [
        (Who("Lò Văn Pấng", None, "Chuyên viên", "Phòng Công chức, viên chức"), "Xã Mường Khoa", "Địa chính - xây dựng"),
        (Who("Vàng Seo Chứ", None, "Chuyên viên", "Phòng Xây dựng chính quyền"), "Xã Sín Chải", "Văn phòng - thống kê"),
        (Who("Giàng A Páo", None, "Chuyên viên", "Phòng Tổ chức biên chế"), "Xã Pà Vi", "Nội vụ"),
        (Who("Sùng Thị Mỷ", None, "Chuyên viên", "Văn phòng Sở"), "Xã Lũng Cú Hạ", "Văn hóa - xã hội"),
        (Who("Nông Văn Hậu", None, "Chuyên viên", "Phòng Công chức, viên chức"), "Xã Nà Hang Tây", "Tư pháp - hộ tịch"),
        (Who("Nguyễn Thị Thanh Tâm", None, "Chuyên viên", "Thanh tra Sở"), "Phường Vân Sơn", "Nội vụ"),
        (Who("Lữ Thị Hoa", None, "Chuyên viên", "Phòng Lao động - Việc làm"), "Xã Mường Khoa", "Lao động - thương binh"),
        (Who("Hoàng Minh Đức", None, "Chuyên viên", "Phòng Xây dựng chính quyền"), "Xã Tả Phìn", "Văn phòng - thống kê"),
        (Who("Quàng Văn Ơn", None, "Chuyên viên", "Phòng Tổ chức biên chế"), "Xã Sín Chải", "Địa chính - xây dựng"),
        (Who("Đỗ Thị Ngọc Ánh", None, "Chuyên viên", "Văn phòng Sở"), "Phường Vân Sơn", "Tài chính - kế toán"),
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
    f.count(n, "công chức", Q(f"{n:02d} công chức"))
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


# ---------------------------------------------------------------------------------------------
# English press reports


def en_press_01() -> Sample:
    f = Facts(language="en")
    province = "Van Xuan"
    number, issued = "1335/UBND-NC", date(2025, 10, 21)
    n_people, n_communes, n_depts = 60, 39, 14
    head = f"{province} seconds {n_people} civil servants to communes and wards"
    director = Who("Nguyen Thi Chuyen", "Ms", "Director of the Department of Home Affairs", "Department of Home Affairs")
    paras = [
        f"On October 21, the People's Committee of {province} province issued Official Dispatch No. {number} on "
        f"reinforcing human resources for communes and wards, seconding {n_people} civil servants and public "
        f"employees from {n_depts} provincial departments to {n_communes} communes and wards.",
        "The staff will work in land administration, construction, finance, health and education "
        "from October 27, 2025 to January 27, 2026.",
        f"According to Ms. {director.name}, {director.position}, many communes still lack officials "
        "for specialised work after the two-level local government took effect on July 1.",
        "The provincial People's Committee asked departments to complete the selection before October 25.",
    ]
    f.cite  # no citations stated in this article
    f.person(director)
    f.count(n_people, "civil servants and public employees", Q(f"{n_people} civil servants and public"))
    f.count(n_depts, "provincial departments", Q(f"{n_depts} provincial departments"))
    f.count(n_communes, "communes and wards", Q(f"{n_communes} communes and wards"))
    f.date(issued, "issued", Q("On October 21"))
    f.date(date(2025, 10, 27), "start", Q("from October 27, 2025"))
    f.date(date(2026, 1, 27), "end", Q("to January 27, 2026"))
    f.date(date(2025, 10, 25), "deadline", Q("before October 25"))
    f.second("reinforcement", Q(f"seconding {n_people} civil servants"), count=n_people,
             from_unit=f"{n_depts} provincial departments", to_unit=f"{n_communes} communes and wards",
             position="land administration, construction, finance, health and education",
             start=date(2025, 10, 27), end=date(2026, 1, 27), months=3)
    spec = PressSpec(headline=head, dateline=f"{province}, October 22, 2025", paragraphs=paras)
    doc = {
        "doc_type": "official_dispatch", "doc_type_label": "Official Dispatch", "number": number,
        "issuer": f"People's Committee of {province} province", "issuer_parent": None, "place": None,
        "issued_date": issued.isoformat(),
        "subject": "reinforcing human resources for communes and wards", "recipients": [], "signer": None,
        "marks": [],
        "evidence": {"doc_type": Q("Official Dispatch"), "doc_type_label": Q("Official Dispatch"),
                     "number": Q(number), "issuer": Q(f"People's Committee of {province} province"),
                     "issued_date": Q("On October 21"),
                     "subject": Q("reinforcing human resources for communes and wards")},
    }
    return Sample("en-press-01", spec, f.record(doc), seed=901)


SAMPLES: list[Callable[[], Sample]] = [
    qd_biet_phai_01, qd_biet_phai_02, cv_tang_cuong_01, en_press_01,
]


def write_sample(sample: Sample, out: Path) -> dict[str, Any]:
    pdf = render_spec_pdf(sample.spec)
    record = build_record(sample.facts, pdf, f"{sample.name}.pdf")
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
    for make in SAMPLES:
        sample = make()
        if args.only and sample.name not in args.only:
            continue
        record = write_sample(sample, args.out)
        print(f"{sample.name}: {record['source']['page_count']} page(s), {len(record['people'])} people, "
              f"{len(record['secondments'])} secondments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
