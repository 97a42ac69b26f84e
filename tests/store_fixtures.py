"""Fixtures for the store tests: a fresh database per test on SQLite and, when a server is
reachable, on PostgreSQL; and a builder of synthetic records.

Test modules use them with `from store_fixtures import *  # noqa: F401,F403`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import pytest

import pg_server
from dispatch_reader.record import (
    Count, DateFact, DocumentFacts, Evidence, PageInfo, Person, Record, Reference, Secondment, Signer, Source,
)

__all__ = ["pg_server_url", "store_url", "sqlite_url", "make_record", "page_text_for", "sha_of", "app"]

# A công văn that asks the departments to send people (status requested), for the migration tests.
REQUEST_DISPATCH = """ỦY BAN NHÂN DÂN
TỈNH BẮC HÀ
Số: 612/UBND-NC
V/v tăng cường công chức cho các xã biên giới
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Hà, ngày 06 tháng 11 năm 2025
Kính gửi: Các sở, ban, ngành.
Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành cử 31 công chức về tăng cường cho các xã biên giới.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đàm Quang Hưng
"""



@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[tuple[str | None, str]]:
    """(URL of a PostgreSQL server the tests may create databases on, or None; why not)."""
    given = os.environ.get(pg_server.ENV_URL)
    if given:
        ok = pg_server.reachable(given)
        yield (given if ok else None, f"{pg_server.ENV_URL} is set but the server does not answer")
        return
    server = pg_server.ThrowawayServer()
    url = server.start()
    try:
        ok = bool(url) and pg_server.reachable(url)
        yield (url if ok else None, server.error or "the throwaway server does not answer")
    finally:
        server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path / 'records.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A URL of a new, empty database: SQLite always, PostgreSQL when one is reachable."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'records.sqlite3'}"
        return
    server, why = request.getfixturevalue("pg_server_url")
    if not server:
        if os.environ.get(pg_server.ENV_REQUIRE) == "1":
            pytest.fail(f"PostgreSQL required ({pg_server.ENV_REQUIRE}=1) but unavailable: {why}")
        pytest.skip(f"no PostgreSQL server: {why}")
    url = pg_server.create_database(server)
    try:
        yield url
    finally:
        pg_server.drop_database(server, url)


def sha_of(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def _ev(quote: str, page: int = 1) -> Evidence:
    return Evidence(page=page, quote=quote, start=0, confidence=0.9)


def make_record(
    label: str = "doc",
    *,
    number: str | None = "15/QĐ-UBND",
    doc_type: str | None = "decision",
    issuer: str | None = "Ủy ban nhân dân tỉnh Lai Châu",
    issued: str | None = "2025-08-04",
    subject: str | None = "Về việc biệt phái công chức đến công tác tại xã",
    people: list[tuple[str, str | None]] | None = None,
    secondments: list[dict[str, Any]] | None = None,
    counts: list[tuple[int, str]] | None = None,
    pages: int = 1,
) -> Record:
    """A synthetic record; `people` as (name, unit), `secondments` as Secondment keyword dicts."""
    people = people if people is not None else [("Nguyễn Thị Chuyên", "Sở Nội vụ")]
    secondments = secondments if secondments is not None else [
        {"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "Ủy ban nhân dân xã Tủa Thàng",
         "start": "2025-09-03", "end": "2025-11-03"}]
    counts = counts if counts is not None else [(28, "vị trí")]
    evidence = {}
    if number:
        evidence["number"] = _ev(f"Số: {number}")
    if issuer:
        evidence["issuer"] = _ev(issuer.upper())
    if subject:
        evidence["subject"] = _ev(subject)
    return Record(
        source=Source(file_name=f"{label}.pdf", sha256=sha_of(label), page_count=pages,
                      pages=[PageInfo(number=i, method="ocr" if i > 1 else "text_layer",
                                      ocr_confidence=0.87 if i > 1 else None, rotation=0) for i in range(1, pages + 1)]),
        language="vi",
        document=DocumentFacts(
            doc_type=doc_type, doc_type_label="QUYẾT ĐỊNH" if doc_type == "decision" else None, number=number,
            issuer=issuer, issuer_parent=None, place="Lai Châu", issued_date=issued, subject=subject,
            recipients=["Như Điều 3", "Lưu: VT, SNV"],
            signer=Signer(name="Lê Công Huấn", title="PHÓ CHỦ TỊCH", authority="KT. CHỦ TỊCH"),
            marks=[], evidence=evidence),
        references=[Reference(number="170/2025/NĐ-CP", evidence=_ev("Căn cứ Nghị định số 170/2025/NĐ-CP"),
                              doc_type="decree", issuer="Chính phủ", date="2025-06-30")],
        people=[Person(name=n, evidence=_ev(f"Bà {n}, chuyên viên {u or ''}"), honorific="Bà", position="Chuyên viên",
                       unit=u) for n, u in people],
        counts=[Count(value=v, what=w, evidence=_ev(f"{v} {w}")) for v, w in counts],
        dates=[DateFact(date=issued, role="issued", evidence=_ev("ngày 04 tháng 8 năm 2025"))] if issued else [],
        secondments=[Secondment(kind=s.pop("kind", "secondment"),
                                evidence=_ev(s.pop("quote", f"biệt phái {s.get('person') or ''} đến {s.get('to_unit') or ''}")),
                                **s) for s in (dict(x) for x in secondments)],
        warnings=[],
    )


def page_text_for(record: Record) -> list[str]:
    """Page texts that contain the record's quotes, so full-text search has something to find."""
    quotes = [e.quote for e in record.document.evidence.values()]
    quotes += [x.evidence.quote for x in (*record.people, *record.secondments, *record.counts, *record.references)]
    pages = ["\n".join(quotes)]
    pages += [f"Trang {i}: danh sách kèm theo" for i in range(2, record.source.page_count + 1)]
    return pages


# A decision that seconds one named official (status decided), for the migration tests.
SECONDMENT_DECISION = """UBND TỈNH BẮC HÀ
SỞ NỘI VỤ
Số: 903/QĐ-SNV
Bắc Hà, ngày 10 tháng 11 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức
GIÁM ĐỐC SỞ NỘI VỤ
QUYẾT ĐỊNH:
Điều 1. Biệt phái ông Vi Văn Thạch, Chuyên viên Phòng Quy hoạch, Sở Xây dựng, đến làm việc tại Ủy ban nhân dân
xã Nậm Đét, từ ngày 15/11/2025 đến ngày 15/5/2026.
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
GIÁM ĐỐC
Trịnh Quốc Đông
"""


@pytest.fixture
def app():
    """The store's commands on a bare Typer app (the CLI's own callback aside)."""
    import typer

    from dispatch_reader.store.cli import register

    app = typer.Typer(add_completion=False, rich_markup_mode=None)

    @app.callback()
    def main() -> None:
        """dispatch-reader (test host)"""

    register(app)
    return app
