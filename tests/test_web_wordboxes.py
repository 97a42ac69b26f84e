"""Word boxes in evidence (schema 3): each fact's quote mapped to the words it was read from,
so the web page can highlight them; old records stay readable."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from dispatch_reader.extract.wordboxes import attach_boxes, boxes_of, find_words
from dispatch_reader.ingest.pages import PageText, Word
from dispatch_reader.record import SCHEMA_VERSION, Evidence, Record, validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _page(lines: list[list[str]], *, number: int = 1, columns: bool = False) -> PageText:
    """A page whose words sit on lines 20 pt apart, 10 pt high, words 50 pt apart. The text
    joins lines with newlines; with `columns`, the word list runs across two lines that the
    text keeps apart (a header's left and right column)."""
    words: list[Word] = []
    for row, line in enumerate(lines):
        for col, text in enumerate(line):
            words.append(Word(text, 50.0 * col + 10, 20.0 * row + 10, 50.0 * col + 50, 20.0 * row + 20, 0.9))
    return PageText(number=number, text="\n".join(" ".join(line) for line in lines), method="ocr",
                    width=600.0, height=800.0, words=words)


def _ev(page: PageText, quote: str, occurrence: int = 0) -> Evidence:
    start = -1
    for _ in range(occurrence + 1):
        start = page.text.index(quote, start + 1)
    return Evidence(page=page.number, quote=quote, start=start)


def test_a_quote_is_found_among_the_page_words() -> None:
    page = _page([["Căn", "cứ", "Luật"], ["1.", "Ông", "Nguyễn", "Văn", "Khải,", "Chuyên", "viên"]])
    words = find_words(page, _ev(page, "Nguyễn Văn Khải"))
    assert [w.text for w in words] == ["Nguyễn", "Văn", "Khải,"]
    # one box for the line, as fractions of the page (x 110..250 of 600, y 30..40 of 800)
    assert boxes_of(words, page.width, page.height) == [[round(110 / 600, 4), round(30 / 800, 4),
                                                         round(250 / 600, 4), round(40 / 800, 4)]]


def test_a_quote_over_two_lines_gets_a_box_per_line() -> None:
    page = _page([["Căn", "cứ", "ngày", "24", "tháng", "6"], ["năm", "2025;", "Căn", "cứ"]])
    ev = Evidence(page=1, quote="ngày 24 tháng 6\nnăm 2025", start=page.text.index("ngày"))
    boxes = boxes_of(find_words(page, ev), page.width, page.height)
    assert len(boxes) == 2
    assert boxes[0][1] < boxes[1][1]  # first line above the second


def test_the_right_one_of_two_equal_quotes_is_chosen() -> None:
    # the name is printed twice; each fact quotes its own place in the text
    page = _page([["Ông", "Lò", "Văn", "Páo", "nhận"], ["giao", "ông", "Lò", "Văn", "Páo", "phụ", "trách"]])
    first = find_words(page, _ev(page, "Lò Văn Páo", 0))
    second = find_words(page, _ev(page, "Lò Văn Páo", 1))
    assert first[0].top == 10.0 and second[0].top == 30.0


def test_the_header_column_is_found_though_the_text_keeps_it_apart() -> None:
    # OCR lists the two header columns line by line; the text has the left column first.
    # "Ủy ban nhân dân" also stands in the body: the issuer is the one above TỈNH SƠN LA.
    left = [["ỦY", "BAN", "NHÂN", "DÂN"], ["TỈNH", "SƠN", "LA"]]
    right = [["CỘNG", "HÒA", "XÃ", "HỘI"], ["Độc", "lập"]]
    words: list[Word] = []
    for row in range(2):
        for col, text in enumerate(left[row]):
            words.append(Word(text, 40.0 * col, 20.0 * row, 40.0 * col + 35, 20.0 * row + 10))
        for col, text in enumerate(right[row]):
            words.append(Word(text, 300 + 40.0 * col, 20.0 * row, 300 + 40.0 * col + 35, 20.0 * row + 10))
    body = ["phòng", "Ủy", "ban", "nhân", "dân", "tỉnh,", "Giám", "đốc"]
    words += [Word(t, 40.0 * i, 300.0, 40.0 * i + 35, 310.0) for i, t in enumerate(body)]
    text = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nCỘNG HÒA XÃ HỘI\nĐộc lập\n" + " ".join(body)
    page = PageText(number=1, text=text, method="ocr", width=600, height=800, words=words)
    found = find_words(page, Evidence(page=1, quote="ỦY BAN NHÂN DÂN", start=0))
    assert [w.text for w in found] == ["ỦY", "BAN", "NHÂN", "DÂN"] and found[0].top == 0.0


def test_a_word_the_text_fixed_still_matches() -> None:
    # OCR's word list has "Khai" where the text, after a re-read, says "Khải"; the quote
    # "Trấn Văn Khải" has a damaged first word too: the run still matches most of it
    page = _page([["Ông", "Tran", "Văn", "Khai", "nhận"]])
    page.text = "Ông Trấn Văn Khải nhận"
    words = find_words(page, _ev(page, "Trấn Văn Khải"))
    assert [w.text for w in words] == ["Tran", "Văn", "Khai"]


def test_a_quote_not_on_the_page_gets_no_box() -> None:
    page = _page([["Căn", "cứ", "Luật", "Cán", "bộ"]])
    assert find_words(page, Evidence(page=1, quote="Hoàng Thị Lan", start=None)) == []
    text_only = PageText(number=1, text="Căn cứ Luật", words=[])
    assert find_words(text_only, Evidence(page=1, quote="Luật", start=7)) == []


def _record(ev: Evidence) -> Record:
    from dispatch_reader.record import DocumentFacts, PageInfo, Person, Source

    doc = DocumentFacts(number="12/QĐ-UBND", evidence={"number": ev})
    return Record(source=Source("a.pdf", "0" * 64, 1, [PageInfo(1, "ocr")]), language="vi", document=doc,
                  people=[Person(name="Lò Văn Páo", evidence=Evidence(page=1, quote="Lò Văn Páo", start=3))])


def test_attach_boxes_fills_every_evidence_and_validates() -> None:
    page = _page([["Số:", "12/QĐ-UBND"], ["Ông", "Lò", "Văn", "Páo"]])
    record = _record(Evidence(page=1, quote="Số: 12/QĐ-UBND", start=0))
    record.people[0].evidence.start = page.text.index("Lò")
    attach_boxes(record, [page])
    assert record.document.evidence["number"].boxes == [[round(10 / 600, 4), round(10 / 800, 4),
                                                         round(100 / 600, 4), round(20 / 800, 4)]]
    assert len(record.people[0].evidence.boxes) == 1
    data = record.to_dict()
    assert data["schema_version"] == SCHEMA_VERSION == "3"
    validate(data)
    assert Record.from_dict(data).to_dict() == data
    # a box outside the page is refused by the schema
    bad = copy.deepcopy(data)
    bad["document"]["evidence"]["number"]["boxes"] = [[0.1, 0.1, 1.5, 0.2]]
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


def test_an_evidence_on_a_page_not_read_gets_an_empty_list() -> None:
    record = _record(Evidence(page=2, quote="Số: 12", start=0))
    attach_boxes(record, [_page([["Số:", "12"]])])
    assert record.document.evidence["number"].boxes == []


def test_a_version_2_record_is_still_read_and_valid() -> None:
    truth = json.loads((SAMPLES / "qd-biet-phai-01.truth.json").read_text("utf-8"))

    def as_version_2(o: object) -> None:  # a record as stored before schema 3: no boxes keys
        if isinstance(o, dict):
            o.pop("boxes", None), o.pop("parts", None)
            for v in o.values():
                as_version_2(v)
        elif isinstance(o, list):
            for v in o:
                as_version_2(v)

    as_version_2(truth)
    truth["schema_version"] = "2"
    validate(truth)  # a stored or exported version-2 record is a valid record
    record = Record.from_dict(truth)
    assert record.schema_version == SCHEMA_VERSION
    assert record.document.evidence["number"].boxes is None  # read before boxes existed
    validate(record.to_dict())


def test_a_born_digital_sample_gets_boxes_on_its_words() -> None:
    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.pipeline import build_record

    path = SAMPLES / "qd-biet-phai-01.pdf"
    document = read_document(path)
    record = build_record(path, document)
    number = record.document.evidence["number"]
    assert number.boxes and len(number.boxes) == 1
    x0, top, x1, bottom = number.boxes[0]
    # the number line "Số: 1587/QĐ-UBND" is in the left header column near the top
    assert x1 < 0.5 and bottom < 0.2 and x0 < x1 and top < bottom
    people = [p for p in record.people if p.name == "Nguyễn Văn Khải"]
    assert people and people[0].evidence.boxes and people[0].evidence.boxes[0][1] > bottom


def test_a_sending_field_gets_its_own_words_nearest_to_the_fact() -> None:
    from dispatch_reader.extract.wordboxes import value_words

    # "xã Tân Phong" is printed twice; the destination of the sending on line 2 is the one there
    page = _page([["Căn", "cứ", "đề", "nghị", "xã", "Tân", "Phong"],
                  ["1.", "Ông", "Lò", "Văn", "Páo,", "biệt", "phái"],
                  ["đến", "xã", "Tân", "Phong", "từ", "ngày"]])
    near = find_words(page, _ev(page, "Lò Văn Páo"))
    words = value_words(page, "xã Tân Phong", near)
    assert [w.text for w in words] == ["xã", "Tân", "Phong"] and words[0].top == 50.0
    assert value_words(page, "xã Mường Tè", near) == []


def test_attach_boxes_fills_parts_of_sendings_and_people() -> None:
    from dispatch_reader.record import Secondment

    page = _page([["Ông", "Lò", "Văn", "Páo,", "Sở", "Nội", "vụ,"], ["biệt", "phái", "đến", "xã", "Pắc", "Ta"]])
    record = _record(Evidence(page=1, quote="Ông", start=0))
    ev = Evidence(page=1, quote="Lò Văn Páo", start=page.text.index("Lò"))
    record.people[0].evidence = ev
    record.people[0].unit = "Sở Nội vụ"
    record.secondments = [Secondment(kind="secondment", evidence=ev, person="Lò Văn Páo", to_unit="xã Pắc Ta",
                                     from_unit="Sở Nội vụ")]
    attach_boxes(record, [page])
    parts = record.secondments[0].evidence.parts
    assert set(parts) >= {"person", "to_unit", "from_unit", "name", "unit"}
    assert parts["to_unit"][0][1] > parts["person"][0][1]  # the destination is on the next line
    assert parts["to_unit"] != record.secondments[0].evidence.boxes
    validate(record.to_dict())
