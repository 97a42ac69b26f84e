"""The document's number and date as its annexes cite them (extract/selfcite.py)."""

from __future__ import annotations

from dispatch_reader.extract import extract_facts, prepare_pages
from dispatch_reader.extract.selfcite import annex_citations
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts

HEADER = ("BỘ QUỐC PHÒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: {number}\nHà Nội, ngày {day} tháng 6 năm 2021\nTHÔNG TƯ\n"
          "Hướng dẫn thực hiện thí điểm sử dụng đất quốc phòng\n"
          "Căn cứ Nghị định số 164/2017/NĐ-CP ngày 30 tháng 12 năm 2017 của Chính phủ;\n"
          "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện thí điểm.\n")
ANNEX = ("Phụ lục {k}\nMẪU BÁO CÁO\n({head} {kind} số {number} ngày 07 tháng 6 năm 2021 của Bộ Quốc phòng)\n"
         "1. Tên đơn vị: ..........\n")


def scanned(*pages: str) -> Facts:
    return extract_facts([PageText(i, t, method="ocr", ocr_confidence=0.85) for i, t in enumerate(pages, 1)])


def annex(number: str = "58/2021/TT-BQP", k: int = 1, kind: str = "Thông tư", head: str = "Kèm theo") -> str:
    return ANNEX.format(k=k, number=number, kind=kind, head=head)


def test_a_number_whose_digits_were_handwritten_is_taken_from_the_annex() -> None:
    # the digits filled in by hand read as specks: the header keeps only the year and symbol
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="07"), annex())
    doc = facts.document
    assert doc.number == "58/2021/TT-BQP"
    assert doc.evidence["number"].page == 2
    assert "Kèm theo Thông tư số 58/2021/TT-BQP" in doc.evidence["number"].quote
    assert any("as the annex on page 2 cites" in w for w in facts.warnings)


def test_an_annex_of_another_year_or_symbol_gives_no_number() -> None:
    # a heading citing a document of the same type but another symbol is another document's
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="07"), annex("12/2020/TT-BQP"))
    assert facts.document.number == "/2021/TT-BQP"
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="07"), annex("58/2021/TT-BTC"))
    assert facts.document.number == "/2021/TT-BQP"


def test_an_annex_citing_another_type_is_another_document() -> None:
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="07"),
                    annex("58/2021/NĐ-CP", kind="Nghị định"))
    assert facts.document.number == "/2021/TT-BQP"


def test_the_date_lost_in_the_header_is_taken_from_the_annex_citing_the_number() -> None:
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="OF"), annex())
    assert (facts.document.number, facts.document.issued_date) == ("58/2021/TT-BQP", "2021-06-07")
    assert facts.document.evidence["issued_date"].page == 2


def test_a_header_number_read_whole_stays_unless_two_annexes_agree_on_another() -> None:
    one = scanned(HEADER.format(number="53/2021/TT-BQP", day="07"), annex())
    assert one.document.number == "53/2021/TT-BQP"
    two = scanned(HEADER.format(number="53/2021/TT-BQP", day="07"), annex(), annex(k=2))
    assert two.document.number == "58/2021/TT-BQP"
    # undated annexes citing another number of the same symbol are an amended circular's forms
    undated = annex().replace(" ngày 07 tháng 6 năm 2021", "")
    kept = scanned(HEADER.format(number="53/2021/TT-BQP", day="07"), undated, undated.replace("lục 1", "lục 2"))
    assert kept.document.number == "53/2021/TT-BQP"
    # a text layer is what was typed: the header is the document's word
    typed = extract_facts([PageText(i, t, method="text_layer") for i, t in enumerate(
        [HEADER.format(number="53/2021/TT-BQP", day="07"), annex(), annex(k=2)], 1)])
    assert typed.document.number == "53/2021/TT-BQP"


def test_a_header_number_one_annex_cites_otherwise_is_kept_and_flagged() -> None:
    """`7318/QĐ-UBND` in a phone photo's header, `Kèm theo Quyết định số 2318/QĐ-UBND` with
    the same date in its annex (augraphy's phone photo): one of them is misread, and one annex
    is no majority. The header's number stays, under the confident line, and the reader is
    told what the annex says; an annex that agrees, another date or a text layer: nothing."""
    from dispatch_reader.extract.confidence import CONFIDENT
    from dispatch_reader.messages import localise

    facts = scanned(HEADER.format(number="53/2021/TT-BQP", day="07"), annex())
    assert facts.document.number == "53/2021/TT-BQP"
    told = [w for w in facts.warnings if "cites the document as '58/2021/TT-BQP'" in w]
    assert len(told) == 1 and "'53/2021/TT-BQP'" in told[0] and "page 2" in told[0]
    assert localise(told[0], "vi") != told[0]
    assert facts.document.evidence["number"].confidence < CONFIDENT
    for quiet in (scanned(HEADER.format(number="58/2021/TT-BQP", day="07"), annex()),
                  scanned(HEADER.format(number="53/2021/TT-BQP", day="08"), annex()),
                  extract_facts([PageText(i, t, method="text_layer") for i, t in enumerate(
                      [HEADER.format(number="53/2021/TT-BQP", day="07"), annex()], 1)])):
        assert not any("cites the document as" in w for w in quiet.warnings)
        assert quiet.document.evidence["number"].confidence in (0.85, None)  # the page's, or a text layer's


def test_an_annex_dated_otherwise_than_the_document_is_not_its_own() -> None:
    # the header's date is read (07 June); a heading dated otherwise cites an earlier document
    other = ANNEX.format(k=1, number="58/2021/TT-BQP", kind="Thông tư", head="Kèm theo").replace(
        "ngày 07 tháng 6", "ngày 20 tháng 3")
    facts = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="07"), other)
    assert facts.document.number == "/2021/TT-BQP"


def test_citations_read_only_from_bracketed_annex_subheadings() -> None:
    pages = prepare_pages([PageText(1, "Quy chế ban hành kèm theo Quyết định số 12/2020/QĐ-UBND ngày 3 "
                                       "tháng 2 năm 2020 được sửa đổi.\n(Ban hành kèm theo Quyết định số "
                                       "15/2021/QĐ-UBND ngày 07 tháng 6 năm 2021 của UBND tỉnh)\n", "text_layer")])
    cites = annex_citations(pages, "decision")
    assert [(c.number.text, c.date) for c in cites] == [("15/2021/QĐ-UBND", "2021-06-07")]
    assert annex_citations(pages, "circular") == []


def test_a_date_line_whose_day_is_handwritten_still_gives_the_place() -> None:
    for day in ("OF", "4Ó"):  # read as letters, or as no day
        facts = scanned(HEADER.format(number="58/2021/TT-BQP", day=day))
        assert (facts.document.place, facts.document.issued_date) == ("Hà Nội", None)
        assert any("day is no figure" in w for w in facts.warnings)


def test_a_cited_date_in_another_month_than_the_date_line_is_not_taken() -> None:
    other = annex().replace("ngày 07 tháng 6", "ngày 07 tháng 9")
    facts = scanned(HEADER.format(number="58/2021/TT-BQP", day="OF"), other)
    assert (facts.document.number, facts.document.issued_date) == ("58/2021/TT-BQP", None)


def test_find_partial_date() -> None:
    from dispatch_reader.extract.datefmt import find_partial_date

    lost = find_partial_date("ha noi, ngay of thang 6 nam 2021")
    assert (lost.month, lost.year) == (6, 2021) and lost.agrees("2021-06-07") and not lost.agrees("2021-07-07")
    assert find_partial_date("ha noi, ngay thang 6 nam 2021") is not None  # left blank
    assert find_partial_date("ha noi, ngay of thang 13 nam 2021") is None  # no month 13
    cut = find_partial_date("son la, ngay 28 thang 8 na")  # the year under a copier's streak
    assert (cut.month, cut.year, cut.missing()) == (8, None, "year") and cut.agrees("2025-08-28")
    left = find_partial_date("son la, ngay 28 thang 8 na 025", this_year=2026)
    assert left.iso() == "2025-08-28"
    assert find_partial_date("son la, ngay 28 thang 8 na 031", this_year=2026).iso() is None  # no such year yet
    # a figure lost between its neighbours (a worn 0: `năm 220`), when one year only fits
    assert find_partial_date("ha noi, ngay 06 thang 3 nam 220", this_year=2026).iso() == "2020-03-06"
    assert find_partial_date("ha noi, ngay 06 thang 3 nam 202", this_year=2026).iso() is None  # 2002, 2012, 2022
    # a subject naming a day, a word where the day stands: no date line
    assert find_partial_date("v/v huong ung chien dich gio trai dat ngay 23 thang 3") is None
    assert find_partial_date("ha noi, ngay hoi thang 9 nam 2025") is None
    assert find_partial_date("son la, ngay 28 thang 8 va cac xa") is None  # words go on: no cut year


def test_a_date_line_whose_year_a_streak_cut_gives_the_place_and_a_year_its_figures_fit() -> None:
    header = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 1587/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 28 tháng 8 {year}\nQUYẾT ĐỊNH\nVề việc biệt phái công chức\n"
              "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    left = scanned(header.format(year="na 025"))
    assert (left.document.place, left.document.issued_date) == ("Sơn La", "2025-08-28")
    assert any("lost its first figure" in w for w in left.warnings)
    cut = scanned(header.format(year="na"))
    assert (cut.document.place, cut.document.issued_date) == ("Sơn La", None)
    # two figures fit many years: none is taken
    assert scanned(header.format(year="na 25")).document.issued_date is None


def test_this_rounds_warnings_are_told_in_vietnamese() -> None:
    """A brief in Vietnamese tells each of these warnings in Vietnamese (schema/warnings.json),
    with its values: none is left in the record's English."""
    from dispatch_reader.messages import localise

    warnings = scanned(HEADER.format(number="§ @ /2021/TT-BQP", day="OF"), annex()).warnings
    warnings += scanned(HEADER.format(number="58 /2021/TT-BQP", day="07")).warnings
    warnings += scanned(HEADER.format(number="58/2021/TT-BQP", day="07").replace("tháng 6 năm 2021", "tháng 6 na")).warnings
    warnings += scanned(HEADER.format(number="58/2021/TT-BQP", day="07").replace("tháng 6 năm 2021", "tháng 6 na 021")
                        .replace("Hà Nội", "ị Hadid").replace("THÔNG TƯ", "L nh Po NỔI tụ Í")).warnings
    told = [w for w in warnings if "annex" in w or "date line" in w or "by hand" in w or "sits" in w or "title not read" in w]
    assert len(told) >= 7
    for w in told:
        vi = localise(w, "vi")
        assert vi != w, w
        assert "cần kiểm tra" in vi or "không lấy ngày" in vi, vi
    assert "58/2021/TT-BQP" in localise(next(w for w in told if "as the annex" in w), "vi")


def test_a_number_whose_symbol_is_unreadable_is_taken_from_the_annex_citing_its_figures() -> None:
    # a fax: the number line's symbol read as scraps, the date line as no date; the list's
    # heading on page 2 cites the decision with the same figures
    header = HEADER.format(number="58/013-L15NI)", day="07").replace("tháng 6 năm 2021", "thang & nam 210121")
    facts = scanned(header, annex())
    assert (facts.document.number, facts.document.issued_date) == ("58/2021/TT-BQP", "2021-06-07")
    assert facts.document.evidence["number"].page == 2
    assert any("not read in the header; '58/2021/TT-BQP' as the annex" in w for w in facts.warnings)
    # other figures are another document's
    other = scanned(header.replace("58/013", "85/013"), annex())
    assert (other.document.number, other.document.issued_date) == (None, None)
    # a date read in the header that the annex does not give is another document's too
    dated = scanned(HEADER.format(number="58/013-L15NI)", day="09"), annex())
    assert (dated.document.number, dated.document.issued_date) == (None, "2021-06-09")
    # figures alone tie only a dated annex (an undated form may cite another document)
    undated = annex().replace(" ngày 07 tháng 6 năm 2021", "")
    assert scanned(header, undated).document.number is None
    # the annex's whole number wins over a year mended from the date line (a reviewer's)
    mended = scanned(HEADER.format(number="58/2u21/L15NI)", day="07"), annex())
    assert mended.document.number == "58/2021/TT-BQP"
