"""Briefs count decided sendings only: the samples' summary (what `make run` shows) has its total
of people sent and separate lines for what documents ask others to send, plan or report; lead
sentences use the verb of what the document does; aggregate destinations are no places;
warnings are in the reader's language; a fact to check is marked where it is shown."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from dispatch_reader.briefs.grouping import is_aggregate
from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.messages import localise, needs_check, stage
from dispatch_reader.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# decided: the decisions' named people (2 + 10 + 2 + 4 + 1 + 8 + 3 + 5), a transfer and the
# rotation (1 + 1) and the three people Sở Nội vụ sends by dispatch; the extension names two
# people of an earlier decision again (counted once); the English report of a decision is a copy.
# xã Mường Khoa's 86/QĐ-UBND moves its own clerk between two of its units: no one sent to it.
DECIDED = 40
WITHIN = 1
REQUESTED = 100  # dispatch 1418/UBND-NC (64, and its English report, a copy) + 3476/UBND-NC (36)
PLANNED = 120  # plan 198/KH-UBND
REPORTED = 110  # report 402/BC-SNV (64; its English report a copy) + notice 95/TB-VPUBND (46/52)


@lru_cache(maxsize=1)
def sample_records() -> tuple[dict, ...]:
    """The born-digital samples as `make run` reads them (their scans are the same documents)."""
    return tuple(extract_file(p).to_dict() for p in sorted(SAMPLES.glob("*.pdf")) if not p.name.endswith(".scan.pdf"))


def writer(lang: str = "vi", fmt: str = "html", tmp: Path = Path("/tmp")) -> BriefWriter:
    from datetime import date

    return BriefWriter(tmp, fmt, lang, today=date(2025, 12, 1))


def test_the_samples_summary_counts_decided_sendings_only() -> None:
    ctx = writer().summary_context(list(sample_records()))
    assert ctx["total_people"] == DECIDED
    lines = {line["status"]: line for line in ctx["not_counted"]}
    assert (lines["requested"]["people"], lines["planned"]["people"], lines["reported"]["people"]) == (
        REQUESTED, PLANNED, REPORTED)
    # in the documents' order (by issue date: 3476 of 15/9/2025, 1418 of 21/10/2025), whatever
    # the order the records come in
    assert lines["requested"]["documents"] == ["3476/UBND-NC", "1418/UBND-NC"]
    assert lines["planned"]["documents"] == ["198/KH-UBND"]
    # a report names what it reports on (1418 is the request above): its people are that request's
    assert lines["reported"]["documents"] == ["402/BC-SNV về 1418/UBND-NC", "95/TB-VPUBND"]
    assert (lines["within"]["people"], lines["within"]["documents"]) == (WITHIN, ["86/QĐ-UBND"])
    assert lines["within"]["text"] == "Điều động trong xã, phường: 1 người (86/QĐ-UBND)"
    (moved,) = [d for d in ctx["documents"] if d["document"]["number"] == "86/QĐ-UBND"]
    assert (moved["people"], moved["other_text"]) == (0, "điều động trong xã, phường: 1 người")
    # every breakdown adds up to the decided total, not the requests
    for key in ("by_commune", "by_sender", "by_field", "by_month"):
        assert sum(r["people"] for r in ctx[key]) == DECIDED
    assert not any(r["status"] != "decided" for r in ctx["secondments"])


def test_the_samples_summary_html_shows_the_lines_apart(tmp_path: Path) -> None:
    html = writer(tmp=tmp_path).summary_bytes(list(sample_records())).decode()
    assert f"<b>{DECIDED}</b><span>Tổng số người được cử</span>" in html
    assert "Chưa tính vào tổng" in html
    for label, n in (("Đề nghị cử", REQUESTED), ("Kế hoạch", PLANNED), ("Theo báo cáo", REPORTED)):
        assert f"<td>{label}</td><td class=\"num\">{n} người</td>" in html
    md = writer(fmt="md", lang="en", tmp=tmp_path).summary_bytes(list(sample_records())).decode()
    assert f"- People sent in total: **{DECIDED}**" in md
    assert f"- Asked to send: **{REQUESTED}** people" in md and f"- Planned: **{PLANNED}** people" in md
    assert f"- As reported: **{REPORTED}** people" in md
    assert f"- Moved within their commune: **{WITHIN}** person" in md


def _lead(name: str, lang: str) -> str:
    record = next(r for r in sample_records() if r["source"]["file_name"] == f"{name}.pdf")
    return writer(lang).document_context(record)["lead"]


@pytest.mark.parametrize("name, vi, en", [
    ("cv-tang-cuong-01", "đề nghị 15 sở, ban, ngành cấp tỉnh cử 64 người tăng cường đến 37 xã, phường",
     "asks 15 sở, ban, ngành cấp tỉnh to send 64 people as reinforcement to 37 xã, phường"),
    ("kh-tang-cuong-01", "đặt kế hoạch tăng cường 120 người", "plans to send 120 people as reinforcement"),
    ("bc-nhan-su-01", "báo cáo việc tăng cường 64 người đến 37 xã, phường (theo 1418/UBND-NC)",
     "reports the reinforcement of 64 people to 37 xã, phường (under 1418/UBND-NC)"),
    ("qd-gia-han-01", "gia hạn thời gian biệt phái cho 2 người tại xã Mường Khoa và xã Tủa Sín Chải",
     "extends the secondment of 2 people at xã Mường Khoa and xã Tủa Sín Chải"),
    ("qd-biet-phai-01", "biệt phái 2 người đến xã Tân Phong và phường Tô Hiệu", "seconds 2 people to"),
])
def test_lead_sentences_use_what_the_document_does(name: str, vi: str, en: str) -> None:
    assert vi in _lead(name, "vi")
    assert en in _lead(name, "en")


def test_an_ending_reads_as_an_ending_in_the_brief_and_leaves_the_summary() -> None:
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    ended = json.loads(json.dumps(record))
    ended["document"] |= {"number": "1600/QĐ-UBND", "issued_date": "2025-10-01"}
    ended["source"] |= {"file_name": "ending.pdf", "sha256": "0" * 64}
    ended["secondments"] = [s | {"action": "end", "start": None, "end": "2025-10-15"} for s in record["secondments"]]
    lead = writer().document_context(ended)["lead"]
    assert "chấm dứt biệt phái đối với 2 người tại xã Tân Phong và phường Tô Hiệu, kể từ 15/10/2025" in lead
    assert "ends the secondment of 2 people" in writer("en").document_context(ended)["lead"]
    ctx = writer().summary_context([record, ended])
    assert ctx["total_people"] == 0 and ctx["ended_people"] == 2
    assert [p["times"] for p in ctx["repeated_people"]] == [2, 2]


@pytest.mark.parametrize("text, aggregate", [
    ("37 xã, phường", True), ("các xã", True), ("các xã vùng cao", True), ("Ủy ban nhân dân các xã Lũng Cú, Mèo Vạc", True),
    ("xã, phường còn thiếu nhân lực", True), ("45 communes and wards", True), ("commune health stations", True),
    ("Ủy ban nhân dân xã Tân Phong", False), ("xã Tân Phong", False), ("Trạm Y tế xã Pắc Ta", False),
    ("Tan Phong commune", False), ("phường Tô Hiệu", False), (None, False),
])
def test_aggregate_destinations(text: str | None, aggregate: bool) -> None:
    assert is_aggregate(text) is aggregate


def test_an_aggregate_destination_is_one_aggregate_row_not_a_place() -> None:
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    headcount = json.loads(json.dumps(record))
    headcount["document"] |= {"number": "1700/QĐ-UBND"}
    headcount["source"] |= {"file_name": "headcount.pdf", "sha256": "1" * 64}
    headcount["secondments"] = [{**record["secondments"][0], "person": None, "count": 12, "to_unit": "các xã vùng cao",
                                 "to_place": None}]
    ctx = writer().summary_context([record, headcount])
    rows = {r["label"]: r for r in ctx["by_commune"]}
    assert ctx["total_people"] == 14
    aggregate = [r for r in ctx["by_commune"] if r["aggregate"]]
    assert len(aggregate) == 1 and aggregate[0]["people"] == 12
    assert "các xã vùng cao" not in rows


def test_warnings_in_the_readers_language() -> None:
    warning = "page 2: low OCR confidence (0.55); facts read from it may be wrong"
    assert localise(warning, "en") == warning
    assert localise(warning, "vi") == "Trang 2: độ tin cậy nhận dạng ảnh (OCR) thấp (0,55); thông tin đọc từ trang này có thể sai."
    assert localise("no issuer found in the header", "vi") == "Không tìm thấy cơ quan ban hành ở phần đầu văn bản."
    assert localise("something no table knows", "vi") == "something no table knows"
    assert stage("text layer in a legacy Vietnamese encoding (TCVN3), converted to Unicode") == "ingest"
    assert stage("no signature block (title and signer's name) found") == "extract"
    assert stage("no signature block (title and signer's name) found or read") == "extract"
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["warnings"] = ["no place-and-date line found under the motto"]
    vi = writer().document_context(record)["warnings"]
    en = writer("en").document_context(record)["warnings"]
    assert vi[0] == "Không tìm thấy dòng địa danh, ngày tháng dưới quốc hiệu." and en[0] == record["warnings"][0][:1].upper() + record["warnings"][0][1:] + "."  # a sentence


def test_a_fact_to_check_is_marked_where_it_is_shown(tmp_path: Path) -> None:
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["secondments"][1]["evidence"]["confidence"] = 0.55  # read badly
    record["warnings"] = [f"destination '{record['secondments'][0]['to_unit']}' matches no commune or ward of the "
                          "official list"]
    ctx = writer(tmp=tmp_path).document_context(record)
    assert [s["needs_check"] for s in ctx["secondments"]] == [True, True]
    html = writer(tmp=tmp_path).document_bytes(record).decode()
    assert html.count('title="cần kiểm tra">⚠</span>') >= 2
    assert needs_check(0.9, ["xã Tân Phong"], []) is False
    assert needs_check(0.7, [], []) is True
    assert needs_check(None, ["Ủy ban nhân dân xã Đà Vi"], ["destination 'xã Đà Vi' read as 'xã Pà Vi' (OCR correction)"])


def test_a_version_1_record_given_as_json_counts_by_its_type() -> None:
    records = []
    for name in ("cv-tang-cuong-01", "qd-biet-phai-01"):
        data = json.loads((SAMPLES / f"{name}.truth.json").read_text("utf-8"))
        data["schema_version"] = "1"
        data["secondments"] = [{k: v for k, v in s.items() if k not in ("status", "action", "refers_to")}
                               for s in data["secondments"]]
        records.append(data)
    ctx = writer().summary_context(records)
    assert ctx["total_people"] == 2  # the decision's two people; the dispatch's 64 are asked for
    assert ctx["requested_people"] == 64


def test_a_header_fact_read_below_the_line_is_marked_in_the_brief(tmp_path: Path) -> None:
    """Issue 11, point 3: a signer respelled from a name under a seal is flagged where the brief
    shows it; the confident facts beside it are not."""
    from dispatch_reader.briefs.document import header_rows

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["evidence"]["signer"] = {"page": 1, "quote": "Bui Van Hải", "confidence": 0.48}
    record["document"]["evidence"]["number"]["confidence"] = 0.93
    rows = {r["field"]: r for r in header_rows(record, "vi")}
    assert rows["signer"]["needs_check"] is True
    assert rows["number"]["needs_check"] is False
    html = writer(tmp=tmp_path).document_bytes(record).decode()
    assert html.count('title="cần kiểm tra">⚠</span>') >= 1


def test_a_briefs_warnings_put_what_to_check_before_what_the_page_reading_did() -> None:
    from dispatch_reader.briefs.document import warnings as brief_warnings

    record = {"warnings": ["page 1: enlarged 3.1x from 96 dpi before OCR",
                           "page 1: 20 word(s) given the marks a Vietnamese-only reading saw",
                           "document number read as '/2021/TT-BQP' in the header; '58/2021/TT-BQP' as the annex "
                           "on page 17 cites the document: check it"],
              "document": {"doc_type": "circular", "number": "58/2021/TT-BQP", "issuer": "Bộ Quốc phòng",
                           "issued_date": "2021-06-07", "evidence": {}},
              "source": {"pages": []}, "counts": []}
    out = brief_warnings(record, [], [], "vi")
    assert out[0].startswith("Số văn bản ở phần đầu đọc được là '/2021/TT-BQP'")
    assert out[1:3] == ["Trang 1: đã phóng to 3,1 lần từ 96 dpi trước khi nhận dạng.",
                        "Trang 1: đọc lại trang chỉ theo tiếng Việt để thêm dấu còn thiếu cho 20 chữ."]


@pytest.mark.parametrize(("fmt", "lang", "shown"), [
    ("md", "vi", "số đến 3992, 23/11/2025, chuyển P. Nội vụ"),
    ("html", "en", "No. 3992, November 23, 2025, passed to P. Nội vụ"),
])
def test_the_receiving_stamp_is_shown_apart_and_flagged(tmp_path: Path, fmt: str, lang: str, shown: str) -> None:
    """Issue 11: the stamp's number and date are useful to a clerk, shown on their own row and
    marked for checking (read from a hand's figures), never as the document's number or date."""
    from dispatch_reader.briefs.document import header_rows

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["received"] = {"evidence": {"page": 1, "quote": "CÔNG VĂN ĐẾN / 3992 / 23/11/2025",
                                                   "confidence": 0.5},
                                      "number": "3992", "date": "2025-11-23", "forwarded_to": "P. Nội vụ"}
    rows = {r["field"]: r for r in header_rows(record, lang)}
    assert rows["received"]["value"] == shown and rows["received"]["needs_check"] is True
    assert rows["number"]["value"] == record["document"]["number"]
    out = writer(fmt=fmt, lang=lang, tmp=tmp_path).document_bytes(record).decode()
    assert shown in out
    del record["document"]["received"]
    assert "received" not in {r["field"] for r in header_rows(record, lang)}


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_number_to_check_is_marked_in_the_briefs_title_line_too(tmp_path: Path, fmt: str) -> None:
    """A clerk read `Thông báo số 98/TB-VPUBND ngày 12/11/2025` under the brief's heading with no
    mark, the table's row below flagged (a stamp's pen across the figures): the line naming the
    number and the date says it too; with both confident it does not."""
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["evidence"]["number"]["confidence"] = 0.93
    record["document"]["evidence"]["issued_date"]["confidence"] = 0.93
    ctx = writer(tmp=tmp_path, fmt=fmt).document_context(record)
    assert ctx["subtitle_check"] is False
    record["document"]["evidence"]["number"]["confidence"] = 0.45
    ctx = writer(tmp=tmp_path, fmt=fmt).document_context(record)
    assert ctx["subtitle_check"] is True
    number = record["document"]["number"]
    assert ctx["subtitle"].startswith(f"Quyết định số {number} ⚠ ngày ") and ctx["subtitle"].count("⚠") == 1
    text = writer(tmp=tmp_path, fmt=fmt).document_bytes(record).decode()
    title_line = next(line for line in text.splitlines() if "ngày 28/8/2025" in line and number in line)
    # the mark stands right after the number, not after the date (a clerk could not tell which)
    assert title_line.index("⚠") > title_line.index(number) and title_line.index("⚠") < title_line.index("ngày 28/8")
    if fmt == "html":
        assert 'class="low"' in title_line  # coloured as the table's marks are
    # the date alone to check: marked after the date
    record["document"]["evidence"]["number"]["confidence"] = 0.93
    record["document"]["evidence"]["issued_date"]["confidence"] = 0.45
    assert writer(tmp=tmp_path, fmt=fmt).document_context(record)["subtitle"].endswith("28/8/2025 ⚠")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_number_to_check_is_marked_in_the_lead_too(tmp_path: Path, lang: str) -> None:
    """A clerk read a flagged number marked in the title line and bare in the lead sentence
    right under it: the lead marks it after the number; a confident number is left bare."""
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    number = record["document"]["number"]
    lead = writer(tmp=tmp_path, lang=lang).document_context(record)["lead"]
    assert number in lead and "⚠" not in lead
    record["document"]["evidence"]["number"]["confidence"] = 0.45
    lead = writer(tmp=tmp_path, lang=lang).document_context(record)["lead"]
    assert f"{number} ⚠" in lead
    # a doubtful date alone leaves the number bare (the title line marks the date)
    record["document"]["evidence"]["number"]["confidence"] = 0.93
    record["document"]["evidence"]["issued_date"]["confidence"] = 0.45
    assert "⚠" not in writer(tmp=tmp_path, lang=lang).document_context(record)["lead"]


def test_a_numbers_doubt_its_own_warning_tells_is_told_once() -> None:
    """A clerk read the number's doubt twice in a brief's warnings: its own warning (the stamp's
    ink across its figures) and again as a fact read below the line. Once; the date's, which
    has no warning of its own, is still told."""
    from dispatch_reader.briefs.document import header_rows
    from dispatch_reader.briefs.document import warnings as brief_warnings

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    number = record["document"]["number"]
    record["document"]["evidence"]["number"]["confidence"] = 0.45
    record["document"]["evidence"]["issued_date"]["confidence"] = 0.45
    record["warnings"] = [f"document number {number} read where a stamp's, a seal's or a signature's ink crossed "
                          "its figures on page 1: they may be misread; check the page"]
    told = brief_warnings(record, header_rows(record, "en"), [], "en")
    assert sum("number" in w.lower() for w in told) == 1
    assert any("date" in w.lower() for w in told)


def test_a_dates_doubt_its_own_warning_tells_is_told_once() -> None:
    """A date the Gazette's issue doubts (printed 76 days after it) is told by that warning, not
    again as a fact read below the line; the number, with no warning of its own, still is."""
    from dispatch_reader.briefs.document import header_rows
    from dispatch_reader.briefs.document import warnings as brief_warnings

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["evidence"]["number"]["confidence"] = 0.45
    record["document"]["evidence"]["issued_date"]["confidence"] = 0.45
    from dispatch_reader.extract.gazette import GazetteDoubt, gazette_warning

    record["warnings"] = [gazette_warning("2026-03-15", GazetteDoubt("2026-05-30", 76))]
    for lang, date_word in (("en", "date"), ("vi", "ngày")):
        told = brief_warnings(record, header_rows(record, lang), [], lang)
        assert sum(date_word in w.lower() for w in told) == 1, told
        assert any("76" in w for w in told) and len(told) == 2
    # so for a year taken from the number, an older warning of the date's own
    record["warnings"] = ["the date line's year is cut off: taken as 2025 from the number: check it"]
    told = brief_warnings(record, header_rows(record, "en"), [], "en")
    assert sum("date" in w.lower() for w in told) == 1, told


def test_a_stamp_read_but_not_made_out_has_its_row() -> None:
    """A clerk read `a receiving stamp in colour read alone` in a brief's notes and found no row
    for the stamp: its figures were not made out. The row says so, to be checked. A coloured
    frame read alone that is no receiving stamp (a blue e-signature box) has no row: a tester
    was told of a stamp on an original that has none."""
    from dispatch_reader.briefs.document import header_rows
    from dispatch_reader.extract.received import received_from_stamp
    from dataclasses import asdict

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    note = "page 1: a receiving stamp in colour read alone (its ink is dropped from the page)"
    esign = ("Ký bởi: Sở Nông nghiệp và Môi trường\nEmail: snnmt@laichau.gov.vn\n"
             "Cơ quan: Tỉnh Lai Châu\nThời gian ký: 09.10.2025 08:05:12 +07:00")
    assert received_from_stamp(1, esign, "2025-10-09") is None
    record["document"]["received"] = None
    record["warnings"] = [note]
    assert "received" not in {r["field"] for r in header_rows(record, "vi")}
    unmade = received_from_stamp(1, "CUNG VAN BEN\n?\nnary 23/12/2125", "2025-10-20")
    assert unmade is not None and (unmade.number, unmade.date) == (None, None)
    record["document"]["received"] = asdict(unmade)
    rows = {r["field"]: r for r in header_rows(record, "vi")}
    assert rows["received"]["value"] == "có dấu, chưa nhận ra số đến và ngày đến"
    assert rows["received"]["needs_check"] is True and rows["received"]["page"] == 1


@pytest.mark.parametrize("lang, number_only, date_only", [
    ("vi", "số đến 699, chưa nhận ra ngày đến", "chưa nhận ra số đến, 02/11/2025"),
    ("en", "No. 699, date not made out", "number not made out, November 2, 2025"),
])
def test_a_stamp_read_in_part_says_what_was_not_made_out(lang: str, number_only: str, date_only: str) -> None:
    """A clerk read `số đến 699` as the whole stamp: its date had not been made out. The row
    says which of the two is missing."""
    from dispatch_reader.briefs.document import received_text

    ev = {"page": 1, "quote": "CÔNG VĂN ĐẾN 699", "confidence": 0.5}
    assert received_text({"evidence": ev, "number": "699", "date": None}, lang) == number_only
    assert received_text({"evidence": ev, "number": None, "date": "2025-11-02"}, lang) == date_only


def test_an_urgency_mark_is_shown(tmp_path: Path) -> None:
    """`KHẨN` was read into the record and shown nowhere (a clerk found it in the JSON only): the
    brief's header has it after the number; a document without one has no such row."""
    from dispatch_reader.briefs.document import header_rows

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    assert "marks" not in {r["field"] for r in header_rows(record, "vi")}
    record["document"]["marks"] = ["HỎA TỐC"]
    rows = header_rows(record, "vi")
    fields = [r["field"] for r in rows]
    assert fields.index("marks") == fields.index("number") + 1
    assert rows[fields.index("marks")]["value"] == "HỎA TỐC"
    assert "Độ khẩn, độ mật, dự thảo" in writer(tmp=tmp_path, fmt="md").document_bytes(record).decode()
    # in English, worded, the mark as printed beside it (a reviewer read `HỎA TỐC` bare)
    assert {r["field"]: r for r in header_rows(record, "en")}["marks"]["value"] == "flash (HỎA TỐC)"


def test_a_consolidated_text_is_named_so_in_its_brief() -> None:
    """A clerk read `Văn bản số 464/VBHN-BLĐTBXH` in the brief of a consolidated text, and the
    terminal said `other`: its printed type, `Văn bản hợp nhất`, names it in the title line and
    the header's type row, in either language; a paper of no known type stays `Văn bản`."""
    from dispatch_reader.briefs.document import doc_title, header_rows

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    d = record["document"]
    d.update(doc_type="other", doc_type_label="Văn bản hợp nhất", number="464/VBHN-BLĐTBXH")
    assert doc_title(d, "vi", with_issuer=False) == "Văn bản hợp nhất số 464/VBHN-BLĐTBXH"
    assert doc_title(d, "en", with_issuer=False).startswith("Consolidated text")
    assert {r["field"]: r["value"] for r in header_rows(record, "vi")}["doc_type"] == "Văn bản hợp nhất"
    d.update(doc_type_label="PHIẾU TRÌNH")
    assert doc_title(d, "vi", with_issuer=False) == "Văn bản số 464/VBHN-BLĐTBXH"


def test_a_page_read_badly_is_told_once() -> None:
    """A clerk read three warnings per page read badly: the reading's note, the extraction's,
    and the brief's own line naming the facts read from it. The brief's line stays, alone."""
    from dispatch_reader.briefs.document import header_rows
    from dispatch_reader.briefs.document import warnings as brief_warnings

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["source"]["pages"] = [{"number": 1, "method": "ocr", "ocr_confidence": 0.46}]
    record["warnings"] = ["page 1: low OCR confidence 0.46 (below 0.70); check the text",
                          "page 1: low OCR confidence (0.46); facts read from it may be wrong",
                          "page 2: low OCR confidence 0.55 (below 0.70); check the text"]
    for lang in ("en", "vi"):
        told = brief_warnings(record, header_rows(record, lang), [], lang)
        about_page_1 = [w for w in told if ("page 1" in w.lower() or "trang 1" in w.lower())]
        assert len(about_page_1) == 1, told
        assert any("page 2" in w.lower() or "trang 2" in w.lower() for w in told)  # no line of its own: kept


def test_a_count_in_a_warning_has_the_readers_thousands_separator() -> None:
    """`đã xóa 31010 chấm mực lẻ`: a count is written as the brief writes numbers (`31.010`);
    a year or a document's number in a warning is not."""
    from dispatch_reader.messages import localise

    assert "31.010" in localise("page 3: 31010 stray toner speck(s) cleared (none where a letter's mark would be)", "vi")
    said = localise("the date line's year is cut off: taken as 2025 from the number: check it", "vi")
    assert "2025" in said and "2.025" not in said


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_how_the_pages_were_read_is_told_apart_from_what_to_check(tmp_path: Path, fmt: str) -> None:
    """A clerk found 15-20 lines of the reading's notes (`28 words given marks`, `31010 specks
    cleared`) burying the two warnings to act on: those stand under `Lưu ý khi sử dụng`, the
    reading's notes apart under the facts."""
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    date_doubt = ("issue date read as 2026-03-15, 76 days before the Official Gazette issue of 2026-05-30 that "
                  "prints the document (the Gazette prints documents within weeks of their date): check it")
    record["warnings"] = ["page 1: 31010 stray toner speck(s) cleared (none where a letter's mark would be)", date_doubt]
    ctx = writer(tmp=tmp_path).document_context(record)
    assert [w for w in ctx["checks"] if "Công báo" in w] and not [w for w in ctx["checks"] if "31.010" in w]
    assert [w for w in ctx["reading_notes"] if "31.010" in w] and len(ctx["warnings"]) == 2
    text = writer(tmp=tmp_path, fmt=fmt).document_bytes(record).decode()
    assert text.index("Lưu ý khi sử dụng") < text.index("Công báo") < text.index("Ghi chú về quá trình nhận dạng trang") \
        < text.index("31.010")


def test_a_fact_not_read_is_told_once() -> None:
    """A clerk read three times that a fax's number was not read: the reading's `no document
    number found`, what it read instead, and the brief's line naming every fact not read. The
    first goes (the brief's line says it); what was read instead stays."""
    from dispatch_reader.briefs.document import header_rows
    from dispatch_reader.briefs.document import warnings as brief_warnings

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["number"] = None
    record["warnings"] = ["document number '[S8' does not parse as number/symbol",
                          "no document number (Số: …) found in the header"]
    told = brief_warnings(record, header_rows(record, "en"), [], "en")
    assert len([w for w in told if "number" in w.lower()]) == 2, told
    assert any("[S8" in w for w in told) and not any("found in the header" in w for w in told)


def test_a_signer_read_without_a_title_is_told_once() -> None:
    """A tester's brief warned of the signer twice: its title not read (under the seal), then
    the name read with low confidence (64%, capped for that very reason). Told once."""
    from dispatch_reader.briefs.document import header_rows, told_apart

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"]["evidence"]["signer"]["confidence"] = 0.64
    record["source"]["pages"] = [{**p, "method": "ocr", "ocr_confidence": 0.93} for p in record["source"]["pages"]]
    record["warnings"] = []
    header = header_rows(record, "en")
    checks, _ = told_apart(record, header, [], "en")
    assert sum("signer" in c.lower() or "signed" in c.lower() for c in checks) == 1  # the low confidence
    record["warnings"] = ["signer's title not read (covered by the seal?): the name line alone is taken; check it"]
    checks, _ = told_apart(record, header_rows(record, "en"), [], "en")
    assert len([c for c in checks if "signer" in c.lower()]) == 1
    assert not any("low confidence" in c and "signer" in c.lower() for c in checks)


def test_a_consolidated_texts_base_document_is_shown() -> None:
    """A tester found the base document of a consolidated text (`consolidates`) in the record,
    never in the brief: it has its row under the type, named by the type it is cited as."""
    from dispatch_reader.briefs.document import header_rows

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"].update(doc_type="other", doc_type_label="Văn bản hợp nhất", consolidates="60/2015/QĐ-TTg")
    record["references"] = [{"number": "60/2015/QĐ-TTg", "doc_type": "decision", "issuer": None, "date": None,
                             "evidence": {"page": 1, "quote": "60/2015/QĐ-TTg", "start": 10, "confidence": None}}]
    rows = header_rows(record, "vi")
    assert [r["field"] for r in rows][:3] == ["doc_type", "consolidates", "number"]
    assert rows[0]["value"] == "Văn bản hợp nhất"
    assert (rows[1]["label"], rows[1]["value"], rows[1]["page"]) == ("Văn bản được hợp nhất", "Quyết định 60/2015/QĐ-TTg", 1)
    record["document"]["consolidates"] = None
    assert "consolidates" not in {r["field"] for r in header_rows(record, "en")}
    # with no subject read, the lead names it instead of saying the title again
    record["document"].update(consolidates="60/2015/QĐ-TTg", subject=None, number="16/VBHN-BTC")
    record["secondments"] = []
    assert writer("vi").document_context(record)["lead"].endswith(", hợp nhất Quyết định 60/2015/QĐ-TTg.")
    assert writer("en").document_context(record)["lead"].endswith(", consolidating Decision 60/2015/QĐ-TTg.")


def test_a_faxed_consolidated_texts_brief_is_made_and_tells_each_thing_once() -> None:
    """A reviewer's: a VBHN whose base document is cited on a page read badly made the brief fail
    (its row had no field's name to tell); its date not read was told twice (the block's
    warning, then 'the date could not be read'); and a colour frame read alone that was no
    stamp left its reading note with no stamp row."""
    from dispatch_reader.briefs.document import document_context

    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    record["document"].update(doc_type="other", doc_type_label="Văn bản hợp nhất", consolidates="60/2015/QĐ-TTg",
                              number="16/VBHN-BTC", issued_date=None, received=None)
    record["document"]["evidence"].pop("issued_date", None)
    record["references"] = [{"number": "60/2015/QĐ-TTg", "doc_type": "decision", "issuer": None, "date": None,
                             "evidence": {"page": 1, "quote": "60/2015/QĐ-TTg", "start": 10, "confidence": 0.4}}]
    record["source"]["pages"] = [{**p, "method": "ocr", "ocr_confidence": 0.40} for p in record["source"]["pages"]]
    record["warnings"] = [
        "the consolidated text's date line, in its closing block (XÁC THỰC VĂN BẢN HỢP NHẤT), not read (under "
        "its seal?): no date taken; check it",
        "page 1: a receiving stamp in colour read alone (its ink is dropped from the page)"]
    for lang in ("vi", "en"):
        ctx = document_context(record, lang)
        said = " ".join(ctx["checks"] + ctx["reading_notes"])
        assert ("văn bản hợp nhất" in said.lower()) if lang == "vi" else ("consolidated text's date line" in said)
        assert ("Ngày ban hành" not in said and "ngày ban hành" not in said) if lang == "vi" else \
            ("date of issue" not in said)
        assert "stamp" not in said.lower() and "dấu công văn đến" not in said.lower()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_sending_or_number_to_check_is_marked_in_the_summary_too(tmp_path: Path, fmt: str) -> None:
    """The document's brief marked a sending read badly; the summary listed the same person as
    read (`Sting Thị Mỷ`, a phone photo's `Sùng`), with nothing to tell a clerk to look. Now the
    roster, the sendings ending soon and the documents' table carry the same mark and the brief
    says once what it means; a summary with nothing to check says nothing of it."""
    record = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    clean = writer(tmp=tmp_path, fmt=fmt).summary_context([record])
    assert not clean["any_check"] and not any(r["needs_check"] for r in clean["roster"])
    record["secondments"][1]["evidence"]["confidence"] = 0.55  # read badly
    record["document"]["evidence"]["number"]["confidence"] = 0.45
    ctx = writer(tmp=tmp_path, fmt=fmt).summary_context([record])
    marked = {r["person"]: r["needs_check"] for r in ctx["roster"]}
    assert marked == {record["secondments"][0]["person"]: False, record["secondments"][1]["person"]: True}
    assert ctx["documents"][0]["number_check"] and ctx["any_check"]
    data = writer(tmp=tmp_path, fmt=fmt).summary_bytes([record])
    text = docx_text(data) if fmt == "docx" else data.decode()
    assert f"{record['secondments'][1]['person']} ⚠" in text.replace('<span class="low" title="cần kiểm tra">', "") \
        .replace("</span>", "")
    assert f"{record['secondments'][0]['person']} ⚠" not in text
    assert "kiểm tra lại với trang văn bản" in text
    plain = writer(tmp=tmp_path, fmt=fmt).summary_bytes([json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))])
    assert "kiểm tra lại với trang văn bản" not in (docx_text(plain) if fmt == "docx" else plain.decode())
    # a sending handed in without its evidence (a record built by hand) is no reason to fail
    record["secondments"][0]["evidence"] = None
    assert writer(tmp=tmp_path, fmt=fmt).summary_context([record])["roster"]


def docx_text(data: bytes) -> str:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells])


def test_a_request_and_its_copy_that_lost_its_number_are_counted_once() -> None:
    """A request stored with its photocopy, whose number the receiving stamp's handwriting hid:
    the summary listed two documents and asked for 36 people twice (`Đề nghị cử: 136`)."""
    request = json.loads((SAMPLES / "cv-tang-cuong-office-01.truth.json").read_text("utf-8"))
    copy = json.loads(json.dumps(request))
    copy["source"] |= {"file_name": "cv-tang-cuong-office-01.photocopy.pdf", "sha256": "c" * 64,
                       "pages": [p | {"method": "ocr", "ocr_confidence": 0.9} for p in request["source"]["pages"]]}
    copy["document"]["number"] = None
    copy["document"]["evidence"].pop("number", None)
    ctx = writer().summary_context([copy, request])
    assert ctx["total_docs"] == 1 and ctx["copies"] == 1
    line, = ctx["not_counted"]
    assert (line["status"], line["people"], line["documents"]) == ("requested", 36, ["3476/UBND-NC"])
    assert ctx["documents"][0]["files"] == ["cv-tang-cuong-office-01.pdf", "cv-tang-cuong-office-01.photocopy.pdf"]


def test_the_markdown_summary_says_what_a_computed_end_date_is() -> None:
    """The HTML and Word summaries explain the `*` after an end date computed from the period; a
    tester found the Markdown one did not."""
    ctx = writer(fmt="md").summary_context(list(sample_records()))
    assert any(r["end_derived"] for r in ctx["roster"])
    md = writer(fmt="md").summary_bytes(list(sample_records())).decode()
    assert "*\\* Ngày kết thúc tính từ thời hạn ghi trong văn bản.*" in md


def test_an_extensions_figure_is_labelled_as_an_extension() -> None:
    """A tester found the extending decision's `2 công chức` labelled `(quyết định cử)`, people
    sent: they were extended."""
    record = next(r for r in sample_records() if r["source"]["file_name"] == "qd-gia-han-01.pdf")
    assert [(c["value"], c["status_label"]) for c in writer().document_context(record)["counts"]] == [(2, "gia hạn")]
    assert [c["status_label"] for c in writer("en").document_context(record)["counts"]] == ["extended"]
    plain = next(r for r in sample_records() if r["source"]["file_name"] == "qd-biet-phai-02.pdf")
    assert {c["status_label"] for c in writer().document_context(plain)["counts"] if c.get("status")} == {"Quyết định cử"}


def test_a_communes_own_units_are_named_with_the_commune_in_the_summary() -> None:
    """86/QĐ-UBND of xã Mường Khoa moves a clerk from `Văn phòng … Ủy ban nhân dân xã` to
    `Trung tâm Phục vụ hành chính công xã`: a tester found it a destination of its own, in no commune."""
    record = next(r for r in sample_records() if r["source"]["file_name"] == "qd-dieu-dong-xa-01.pdf")
    ctx = writer().summary_context([record])
    # a move between two of the commune's own units: listed apart, not among the people sent
    assert ctx["roster"] == [] and ctx["total_people"] == 0
    (line,) = ctx["not_counted"]
    (row,) = line["rows"]
    assert row["destination"] == "Trung tâm Phục vụ hành chính công xã Mường Khoa"
    assert row["body"] == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Mường Khoa"
    assert row["commune"] == "xã Mường Khoa"


def test_a_communes_own_unit_is_in_the_summary_for_that_commune() -> None:
    """A reviewer's: xã Mường Khoa's 86/QĐ-UBND was in the whole summary and not in Mường Khoa's.
    Its move within the commune is listed in both, counted in neither."""
    from dispatch_reader.briefs.summary import Selection

    record = next(r for r in sample_records() if r["source"]["file_name"] == "qd-dieu-dong-xa-01.pdf")
    ctx = writer().summary_context([record], selection=Selection(commune="Mường Khoa"))
    assert ctx["total_people"] == 0 and [(x["status"], x["people"]) for x in ctx["not_counted"]] == [("within", 1)]
    ctx = writer().summary_context([record], selection=Selection(commune="Tân Phong"))
    assert ctx["total_people"] == 0 and ctx["not_counted"] == []
