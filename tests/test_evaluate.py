import json

from dispatch_reader.evaluate import Report, find_cases, load_truth, score


def _rec(**doc):
    base = {"doc_type": None, "number": None, "issuer": None, "issued_date": None, "place": None,
            "subject": None, "signer": None}
    base.update(doc)
    return {"document": base, "people": [], "counts": [], "secondments": [], "references": []}


def test_scalar_field_right_wrong_and_missing():
    report = Report()
    truth = _rec(number="12/QĐ-UBND", issuer="Sở Nội vụ", issued_date="2025-08-04")
    predicted = _rec(number="12 /QĐ-UBND", issuer="SỞ NỘI VỤ", issued_date="2025-08-05")
    score(report, "born", "x", truth, predicted)
    assert report.tally("born", "document.number").tp == 1  # spaces inside the number don't count
    assert report.tally("born", "document.issuer").tp == 1  # issuers compare leniently
    date = report.tally("born", "document.issued_date")
    assert (date.tp, date.fp, date.fn) == (0, 1, 1)


def test_people_are_matched_as_sets():
    report = Report()
    truth = _rec() | {"people": [{"name": "Lò Văn Páo"}, {"name": "Nguyễn Thị Chuyên"}]}
    predicted = _rec() | {"people": [{"name": "Lò Văn Páo"}, {"name": "Sở Nội Vụ"}]}
    score(report, "scan", "x", truth, predicted)
    t = report.tally("scan", "people")
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert t.f1 == 0.5


def test_realdocs_truth_shape_is_read(tmp_path):
    (tmp_path / "rd1.truth.json").write_text(json.dumps(
        {"truth": {"doc_type": "decree", "number": "1/2025/NĐ-CP", "signer_name": "A B"}}), "utf-8")
    (tmp_path / "rd1.txt").write_text("x", "utf-8")
    truth = load_truth(tmp_path / "rd1.truth.json")
    assert truth["document"]["signer"]["name"] == "A B"
    assert "people" not in truth  # not listed in the truth: not scored
    [(name, _, sources)] = find_cases([tmp_path])
    assert name == "rd1" and sources["born"].name == "rd1.txt"


def test_markdown_table_has_a_row_per_scored_field():
    from dispatch_reader.evaluate import markdown_table

    report = Report()
    score(report, "born", "x", _rec(number="1/QĐ-UBND"), _rec(number="1/QĐ-UBND"))
    report.documents["born"] += 1
    lines = markdown_table(report).splitlines()
    assert lines[0] == "| field | born-digital (1 docs) |"
    assert "| document.number | 1.000 / 1.000 / 1.000 |" in lines
    assert not any("document.place" in line for line in lines)  # never scored: no row
