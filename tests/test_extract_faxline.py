"""The sender line a fax machine prints atop the page: a second reading of the issuer."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts
from dispatch_reader.extract.faxline import fax_sender
from dispatch_reader.extract.textutil import Page
from dispatch_reader.ingest.pages import PageText

_BODY = ("Số: 318/QĐ-UBND\nGia Lai, ngày 12 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc biệt phái công chức\n"
         "Điều 1. Nội dung.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nTrương Minh Đức\n")


def _facts(fax_line: str, header: str):
    return extract_facts([PageText(1, fax_line + "\n" + header + _BODY, "ocr", ocr_confidence=0.7)])


def test_the_fax_machines_sender_line_names_a_body() -> None:
    """The machine's plain capitals without marks, its `S` and `O` read as `$` and `0`: the
    header's own rules name the body; a number where a name would be names none."""
    def sender(line: str) -> str | None:
        found = fax_sender([Page.make(1, line + "\nSố: 1/QĐ-UBND\n")])
        return found[0] if found else None

    assert sender("FROM: UBND TINH GIA LAI | FAX: 0269 822 114 | 12-03-2026 09:10 | PAGE 1/1") == \
        "Ủy ban nhân dân tỉnh Gia Lai"
    assert sender("FROM: $0 TU PHAP | FAX: 0269 822 115") == "Sở Tư pháp"
    assert sender("FROM; UBND XA IA GRAI") == "Ủy ban nhân dân xã Ia Grai"
    assert sender("01/11/2025 14:43 FROM: 0287 592 4131") is None
    assert sender("FROM: 0287 592 4131") is None
    # the machine's date and time first; the office's own words after the body's name
    assert sender("12-03-2026 09:10 FROM: UBND TINH GIA LAI") == "Ủy ban nhân dân tỉnh Gia Lai"
    assert sender("FROM: SO NOI VU TINH GIA LAI | FAX: 0269 822 115") == "Sở Nội vụ"


def test_an_issuer_lost_on_a_fax_is_the_sender_its_machine_names() -> None:
    """A tester's faxes: the issuer's lines garbled under the grain past naming a body (`tỉnh
    Glo Uy`), or as a body of the same kind no list knows (`Ủy ban nham …`); the sender line
    names it, the clerk is told to check it. An issuer read whole stays, whatever the machine
    says (a paper sent on by another office)."""
    fax = "FROM: UBND TINH GIA LAI | FAX: 0269 822 114 | 12-03-2026 09:10 | PAGE 1/1"
    lost = _facts(fax, "tỉnh Glo Uy Dạng\n")
    assert lost.document.issuer == "Ủy ban nhân dân tỉnh Gia Lai"
    assert any("fax machine's sender line" in w for w in lost.warnings)
    garbled = _facts(fax, "ỦY BAN NHAM TỈNH ỘNG HỎA XÊK TY)\n")
    assert garbled.document.issuer == "Ủy ban nhân dân tỉnh Gia Lai"
    kept = _facts(fax, "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n")
    assert kept.document.issuer == "Ủy ban nhân dân tỉnh Kon Tum"
    assert not any("fax machine" in w for w in _facts("", "tỉnh Glo Uy Dạng\n").warnings)


def test_a_fax_line_naming_another_level_or_place_leaves_the_issuer_read() -> None:
    """A commune's paper sent on by its province's fax: the commune's name read a letter off
    (`XÃ IA GRAl`) is no body the lists know, but the date line names the commune, and the
    level read is not the sender's: the issuer stays the commune's."""
    fax = "FROM: UBND TINH GIA LAI | FAX: 0269 822 114 | 12-03-2026 09:10 | PAGE 1/1"
    text = fax + "\nỦY BAN NHÂN DÂN\nXÃ IA GRAl\n" + _BODY.replace("Gia Lai, ngày", "Ia Grai, ngày")
    commune = extract_facts([PageText(1, text, "ocr", ocr_confidence=0.7)])
    assert commune.document.issuer.startswith("Ủy ban nhân dân xã")
    assert not any("fax machine" in w for w in commune.warnings)
    # a garbled committee of another level than the sender's, the date line's place unread
    other = _facts(fax, "ỦY BAN NHAM XÃ ỘNG HỎA XÊK TY)\n").document.issuer
    assert other != "Ủy ban nhân dân tỉnh Gia Lai"
    # of the sender's level, but dated at another province than the sender's
    kon_tum = _BODY.replace("Gia Lai, ngày", "Kon Tum, ngày")
    dated = extract_facts([PageText(1, fax + "\nỦY BAN NHAM TỈNH ỘNG HỎA XÊK TY)\n" + kon_tum, "ocr", ocr_confidence=0.7)])
    assert dated.document.issuer != "Ủy ban nhân dân tỉnh Gia Lai"
