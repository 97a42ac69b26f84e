"""Third extraction round: causes seen on provincial documents (own strings, no held-out facts)."""

from __future__ import annotations

import pytest

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts


def facts_of(text: str, conf: float | None = None) -> Facts:
    pages = [PageText(number=i + 1, text=t, method="text_layer" if conf is None else "ocr", ocr_confidence=conf)
             for i, t in enumerate(text.split("\f"))]
    return extract_facts(pages)


_DISPATCH = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM PHONG
SỞ TÀI CHÍNH
Số: 12/STC-TCCB
Hà Nam Phong, ngày 12 tháng 3 năm 2025
V/v cử công chức hỗ trợ xã

Sở Tài chính cử ông Nguyễn Văn Tâm đến làm việc tại Ủy ban nhân dân xã Đông Sơn.

Nơi nhận:
- Như trên;
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
{tail}
"""


def test_signer_after_an_electronic_signature_stamp() -> None:
    tail = ("- Lưu: VT, TCCB.\nNgười ký: Trịnh Quốc \u00d0ông\nTrịnh Quốc \u00d0ông\n"
            "Cơ quan: Sở Tài chính, Tỉnh Hà Nam Phong\nThời gian ký: 10.10.2025 09:12:44 +07:00")
    facts = facts_of(_DISPATCH.format(tail=tail))
    assert facts.document.signer is not None
    assert facts.document.signer.name == "Trịnh Quốc \u00d0ông"
    # the stamp's name and the printed name are one person, not one doubled name
    names = [p.name for p in facts.people]
    assert "Trịnh Quốc \u00d0ông" in names
    assert not any(n.count("Trịnh") > 1 for n in names)


def test_signer_named_after_a_signed_mark_on_one_line() -> None:
    facts = facts_of(_DISPATCH.format(tail="- Lưu: VT, TCCB.          (Đã ký) Đoàn Thị Hồng Nhung"))
    assert facts.document.signer is not None
    assert facts.document.signer.name == "Đoàn Thị Hồng Nhung"


_PARTY = """ĐẢNG BỘ TỈNH HÀ NAM PHONG            {motto}
BAN TUYÊN GIÁO TỈNH ỦY                  ____________________
           *
Số 77-TB/BTGTU           Hà Nam Phong, ngày 12 tháng 3 năm 2025

THÔNG BÁO
về việc phân công cán bộ

Ban Tuyên giáo Tỉnh ủy thông báo phân công đồng chí Nguyễn Văn Tâm làm Trưởng phòng.

Nơi nhận:                                     K/T TRƯỞNG BAN
- Như trên;                                    PHÓ TRƯỞNG BAN
- Lưu: VT.                                    Trịnh Quốc Đông
"""


@pytest.mark.parametrize("motto,conf", [("ĐẢNG CỘNG SẢN VIỆT NAM", None), ("Dang cong san viet nam", 0.8)])
def test_party_motto_is_never_the_issuer(motto: str, conf: float | None) -> None:
    facts = facts_of(_PARTY.format(motto=motto), conf)
    assert facts.document.issuer == "Ban Tuyên giáo Tỉnh ủy"


@pytest.mark.parametrize("printed,proper", [
    ("BAN DÂN VẬN HUYỆN ỦY", "Ban Dân vận Huyện ủy"),
    ("VĂN PHÒNG THÀNH ỦY", "Văn phòng Thành ủy"),
    ("SỞ Y TẾ TỈNH ĐẮK LẮK", "Sở Y tế tỉnh Đắk Lắk"),
])
def test_party_committee_closes_a_body_name(printed: str, proper: str) -> None:
    assert proper_case_body(printed) == proper


_EN = ("On March 3, the People's Committee of Hoa Lam province issued Official Dispatch No. 77/UBND-NC on "
       "sending staff to communes. {sig} The dispatch asks departments to send 12 civil servants to communes.")


@pytest.mark.parametrize("sig,name,title", [
    ("It was signed by Vice Chairman Mr. Tran Van Hoang.", "Tran Van Hoang", "Vice Chairman"),
    ("The Deputy Director Ms. Vo Thi Lan signed the dispatch.", "Vo Thi Lan", "Deputy Director"),
    ("It was signed by Vice Chairman Le Quang Vinh.", "Le Quang Vinh", "Vice Chairman"),
])
def test_english_signer_with_honorific_or_as_subject(sig: str, name: str, title: str) -> None:
    facts = facts_of(_EN.format(sig=sig))
    assert facts.document.signer is not None
    assert (facts.document.signer.name, facts.document.signer.title) == (name, title)
    assert name in [p.name for p in facts.people]
