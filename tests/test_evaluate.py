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


def _sec(**kw):
    base = {"kind": "secondment", "person": None, "count": None, "from_unit": None, "to_unit": None, "position": None,
            "start": None, "end": None, "status": "decided", "action": "send"}
    return base | kw


def test_a_wrong_destination_no_longer_scores_as_right():
    truth = _rec() | {"secondments": [_sec(person="Lò Văn Páo", to_unit="Ủy ban nhân dân xã Pa Tần", start="2025-09-08",
                                           from_unit="Phòng Tổ chức biên chế, Sở Nội vụ")]}
    right = _rec() | {"secondments": [_sec(person="Lò Văn Páo", to_unit="xã Pa Tần", start="2025-09-08",
                                           from_unit="Sở Nội vụ")]}
    wrong = _rec() | {"secondments": [_sec(person="Lò Văn Páo", to_unit="xã Đà Vi", start="2025-09-08")]}
    report = Report()
    score(report, "born", "x", truth, right)
    score(report, "scan", "x", truth, wrong)
    # "Ủy ban nhân dân xã Pa Tần" and "xã Pa Tần" are one destination; the sending body is the Sở
    for name in ("secondments", "secondments.destination", "secondments.from_unit", "secondments.start"):
        assert report.tally("born", name).f1 == 1.0, name
    assert report.tally("scan", "secondments").f1 == 0.0
    assert report.tally("scan", "secondments.destination").f1 == 0.0
    assert report.tally("scan", "secondments.start").f1 == 1.0


def test_status_action_and_count_status_are_scored():
    truth = _rec() | {"secondments": [_sec(count=64, status="requested")],
                      "counts": [{"value": 64, "total": None, "status": "requested"}, {"value": 12, "status": None}]}
    got = _rec() | {"secondments": [_sec(count=64, status="decided")],
                    "counts": [{"value": 64, "total": None, "status": "decided"}, {"value": 12, "status": None}]}
    report = Report()
    score(report, "born", "x", truth, got)
    assert report.tally("born", "secondments").f1 == 1.0  # the same sending …
    assert report.tally("born", "secondments.status").f1 == 0.0  # … with the wrong status
    assert report.tally("born", "secondments.action").f1 == 1.0
    c = report.tally("born", "counts")
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_people_roles_are_scored_where_the_truth_gives_them():
    truth = _rec() | {"people": [{"name": "Lò Văn Páo", "position": "Chuyên viên"}, {"name": "Vàng A Sử"}]}
    got = _rec() | {"people": [{"name": "Lò Văn Páo", "position": "chuyên viên"}, {"name": "Vàng A Sử", "position": "x"}]}
    report = Report()
    score(report, "born", "x", truth, got)
    t = report.tally("born", "people.position")
    assert (t.tp, t.fp, t.fn) == (1, 0, 0)


def test_an_office_copy_of_a_real_pdfs_excerpt_is_made_once_and_the_same(tmp_path):
    # a real PDF longer than the excerpt: the excerpt's bytes differ from run to run (a new
    # PDF's file ID), and the copy must not (issue 11: seeded, deterministic)
    from dispatch_reader.evaluate import _office_copy
    from dispatch_reader.synth import render_text_pdf

    text = "\n".join(f"Trang {i}.\n\f" for i in range(6)) + "Hà Nội, ngày 01 tháng 02 năm 2026\n"
    source = tmp_path / "long.pdf"
    source.write_bytes(render_text_pdf(text))
    truth = {"document": {"doc_type": "decree", "number": "1/2026/NĐ-CP", "issuer": "Chính phủ",
                          "issued_date": "2026-02-01"}}
    work = tmp_path / "work"
    first = _office_copy("fax", source, work, truth, excerpt=True)
    second = _office_copy("fax", source, work, truth, excerpt=True)
    assert first == second
    assert sorted(p.name for p in work.glob("*.pdf")) == [first.name]


def test_a_pdf_of_page_images_is_scored_as_a_scan(tmp_path):
    """A tester's folder of scans (NAME.pdf, no text layer) was scored under `born-digital`."""
    import io

    from PIL import Image

    from dispatch_reader.synth.textpdf import render_text_pdf

    (tmp_path / "a.truth.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.truth.json").write_text("{}", encoding="utf-8")
    buf = io.BytesIO()
    Image.new("L", (200, 280), 255).save(buf, "PDF", resolution=50)
    (tmp_path / "a.pdf").write_bytes(buf.getvalue())
    (tmp_path / "b.pdf").write_bytes(render_text_pdf("ỦY BAN NHÂN DÂN\nSố: 1/QĐ-UBND\n"))
    sources = {name: files for name, _, files in find_cases([tmp_path])}
    assert sources["a"]["born"] is None and sources["a"]["scan"] == tmp_path / "a.pdf"
    assert sources["b"]["born"] == tmp_path / "b.pdf" and sources["b"]["scan"] is None
