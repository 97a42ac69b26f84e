"""Which files are one document (store/identity.py): number + issue date + issuer, whatever the
language; a press report is a document of its own; the best-read file first."""

from __future__ import annotations

from dispatch_reader.store import identity
from dispatch_reader.store.identity import FileFacts


def facts(name: str, number: str | None = "1587/QĐ-UBND", date: str | None = "2025-08-28",
          issuer: str | None = "Ủy ban nhân dân tỉnh Sơn La", language: str = "vi", methods=("text_layer",),
          confidences=(), first_page: str = "", laid_out: bool = True, secondments: int = 2,
          parent: str | None = None) -> FileFacts:
    return FileFacts(sha256=name * 4, file_name=f"{name}.pdf", language=language, number=number, issuer=issuer,
                     issued_date=date, methods=tuple(methods), confidences=tuple(confidences),
                     secondments=secondments, laid_out=laid_out, first_page=first_page, issuer_parent=parent)


BORN = facts("born")
SCAN = facts("scan", methods=("ocr", "ocr"), confidences=(0.93, 0.95))
BLURRED = facts("blurred", methods=("ocr", "ocr"), confidences=(0.71, 0.80))
PRESS = facts("press", number="1587/QD-UBND", issuer="People's Committee of Son La province", language="en",
              laid_out=False, first_page="Son La sends two officials to help understaffed communes\nThe People's "
                                         "Committee of Son La province has issued Decision No. 1587/QD-UBND")
PRESS_SCAN = facts("press-scan", number="1587/QD-UBND", issuer="People's Committee of Son La province",
                   language="en", laid_out=False, methods=("ocr",), confidences=(0.95,),
                   first_page="Son La sends two offcials to help understaffed communes\nThe People's "
                              "Committee of Son La province has issued Decision No. 1587/QD-UBND")
OTHER_PRESS = facts("other-press", number="1587/QD-UBND", language="en", laid_out=False,
                    first_page="Hanoi Times: Son La budget meeting closes with a list of new projects for 2026")
TRANSLATION = facts("translation", number="1587/QD-UBND", issuer="People's Committee of Son La province",
                    language="en", first_page="PEOPLE'S COMMITTEE OF SON LA PROVINCE\nSOCIALIST REPUBLIC OF VIET NAM"
                                              "\nIndependence - Freedom - Happiness\nNo.: 1587/QD-UBND")


def test_a_file_its_scan_and_a_translation_are_one_document_the_original_first() -> None:
    assert identity.document_key(BORN) == identity.document_key(SCAN) == "doc:1587/qd-ubnd|2025-08-28"
    translation = FileFacts(**{**TRANSLATION.__dict__, "laid_out": identity.laid_out_as_document(
        {"language": "en", "document": {}}, TRANSLATION.first_page)})
    groups = identity.group([translation, BLURRED, SCAN, BORN])
    assert [[f.file_name for f in g] for g in groups] == [
        ["born.pdf", "scan.pdf", "blurred.pdf", "translation.pdf"]]
    assert [role for _f, role in identity.ranked(groups[0])] == ["original", "scan", "duplicate", "translation"]


def test_a_press_report_is_a_document_of_its_own_that_refers_to_the_decision() -> None:
    assert identity.role(PRESS) == "report"
    assert identity.document_key(PRESS) == "report:en:1587/qd-ubnd|2025-08-28"
    assert identity.refers_to_key(PRESS) == identity.document_key(BORN)
    groups = identity.group([BORN, PRESS, PRESS_SCAN, OTHER_PRESS])
    # the article and its scan are one report; another article about the decision is another
    assert [[f.file_name for f in g] for g in groups] == [["born.pdf"], ["press.pdf", "press-scan.pdf"],
                                                          ["other-press.pdf"]]


def test_laid_out_as_the_document_or_an_account_of_it() -> None:
    assert identity.laid_out_as_document({"language": "vi", "document": {}})
    assert identity.laid_out_as_document({"language": "en", "document": {}}, TRANSLATION.first_page)
    assert identity.laid_out_as_document({"language": "en", "document": {"recipients": ["Departments"]}})
    assert not identity.laid_out_as_document({"language": "en", "document": {}}, PRESS.first_page)


def test_the_issuer_tells_apart_two_documents_under_one_number_and_date() -> None:
    a = facts("tan-phong", number="15/QĐ-UBND", issuer="Ủy ban nhân dân xã Tân Phong")
    b = facts("tan-phu", number="15/QĐ-UBND", issuer="Ủy ban nhân dân xã Tân Phú")
    a_scan = facts("tan-phong-scan", number="15/QĐ-UBND", issuer="UỶ BAN NHÂN DÂN XÃ TÂN PHONG", methods=("ocr",))
    assert not identity.same_document(a, b)
    assert identity.same_document(a, a_scan)  # folded: case, old tone spelling
    assert identity.issuers_agree("Sở Nội vụ", "Sở Nội vụ tỉnh Sơn La")
    assert not identity.issuers_agree("Sở Nội vụ", "Sở Y tế")
    # another language names the issuer in its own words: not told apart by it
    assert identity.same_document(a, facts("en", number="15/QD-UBND", issuer="Tan Phong Commune", language="en"))


def test_departments_of_two_provinces_are_two_issuers() -> None:
    lam_ha = facts("syt-lam-ha", number="812/QĐ-SYT", date="2025-09-10", issuer="Sở Y tế", parent="UBND TỈNH LÂM HÀ")
    son_la = facts("syt-son-la", number="812/QĐ-SYT", date="2025-09-10", issuer="Sở Y tế", parent="UBND TỈNH SƠN LA")
    son_la_scan = facts("syt-son-la-scan", number="812/QĐ-SYT", date="2025-09-10", issuer="SỞ Y TẾ",
                        parent="ỦY BAN NHÂN DÂN TỈNH SƠN LA", methods=("ocr",))
    assert not identity.same_document(lam_ha, son_la)
    assert identity.same_document(son_la, son_la_scan)  # UBND = Ủy ban nhân dân, folded
    assert [[f.file_name for f in g] for g in identity.group([lam_ha, son_la, son_la_scan])] == [
        ["syt-lam-ha.pdf"], ["syt-son-la.pdf", "syt-son-la-scan.pdf"]]
    phu_van = facts("snv-phu-van", number="245/QĐ-SNV", issuer="Sở Nội vụ", parent="UBND TỈNH PHÙ VÂN")
    lai_chau = facts("snv-lai-chau", number="245/QĐ-SNV", issuer="Sở Nội vụ", parent="UBND TỈNH LAI CHÂU")
    assert not identity.same_document(phu_van, lai_chau)
    # a province named in the issuer itself, against a parent naming another province
    assert not identity.issuers_agree("Sở Nội vụ tỉnh Sơn La", "Sở Nội vụ", None, "UBND TỈNH LAI CHÂU")
    assert identity.issuers_agree("Sở Nội vụ tỉnh Sơn La", "Sở Nội vụ", None, "UBND TỈNH SƠN LA")
    # only one file names a parent: not told apart by it
    assert identity.issuers_agree("Sở Nội vụ", "Sở Nội vụ", "UBND TỈNH LAI CHÂU", None)
    assert identity.issuers_agree("Sở Nội vụ", "Sở Nội vụ tỉnh Sơn La")
    # another language: the province, read through the English names of bodies
    en_lai_chau = facts("en-lai-chau", number="245/QD-SNV", issuer="Department of Home Affairs of Lai Chau province",
                        language="en", first_page=TRANSLATION.first_page)
    assert identity.same_document(lai_chau, en_lai_chau) and not identity.same_document(phu_van, en_lai_chau)
    assert identity.same_document(BORN, TRANSLATION)  # People's Committee of Son La province = UBND tỉnh Sơn La
    assert not identity.same_document(
        BORN, facts("en-other", number="1587/QD-UBND", language="en", issuer="People's Committee of Lai Chau province"))
    # a press report still refers to the Vietnamese document it reports on
    assert identity.refers_to_key(PRESS) == identity.document_key(BORN)


def test_the_parent_is_read_from_the_record() -> None:
    record = {"language": "vi", "source": {"sha256": "ab", "file_name": "a.pdf", "pages": []},
              "document": {"number": "812/QĐ-SYT", "issuer": "Sở Y tế", "issuer_parent": "UBND TỈNH SƠN LA"}}
    assert FileFacts.from_record(record).issuer_parent == "UBND TỈNH SƠN LA"


def test_no_number_means_its_own_document_and_another_date_another_document() -> None:
    lone = facts("lone", number=None)
    assert identity.document_key(lone) == f"file:{lone.sha256}"
    assert not identity.same_document(lone, facts("lone2", number=None))
    assert not identity.same_document(BORN, facts("next-year", date="2026-08-28"))
    assert identity.family("doc:15/qd-ubnd|2025-08-04~2") == "doc:15/qd-ubnd|2025-08-04"


def test_reading_and_confidence() -> None:
    assert identity.reading(BORN) == "text_layer" and identity.mean_confidence(BORN) is None
    assert identity.reading(SCAN) == "ocr" and identity.mean_confidence(SCAN) == 0.94
    assert identity.reading(facts("m", methods=("text_layer", "ocr"))) == "mixed"
    assert identity.reported({"person": "A", "status": "decided"}, "1587/QD-UBND") == {
        "person": "A", "status": "reported", "refers_to": "1587/QD-UBND"}


def copy(name: str, number: str | None = None, content=("person: nguyen van khai ", "person: tran thi mai huong ",
                                                          "count:2", "cites:412/snv-ccvc"), **kw) -> FileFacts:
    """A photocopy or phone photo of decision 1587/QĐ-UBND: OCRed, of type `decision`."""
    f = facts(name, number=number, methods=("ocr",), confidences=(0.9,), **kw)
    return FileFacts(**{**f.__dict__, "doc_type": "decision", "content": frozenset(content)})


def test_a_copy_that_lost_its_number_is_the_document_when_what_it_says_agrees() -> None:
    """A receiving stamp's handwriting across `Số:` on a photocopy: the copy read no number (or
    misread its symbol, `1587/QUEUBN`) and was a document of its own, and the summary counted a
    request or a report twice. Same type, day and issuer, and the same people, headcounts and
    local citations, make it a copy. Another decision of the body that day (others sent), one
    sharing only a headcount, another issuer, type or day, two copies that both lost the number,
    and two born-digital files are not."""
    original = FileFacts(**{**copy("original", number="1587/QĐ-UBND").__dict__, "methods": ("text_layer",),
                            "confidences": ()})
    lost, misread = copy("photocopy"), copy("phone", number="1587/QUEUBN")
    assert identity.same_document(original, lost) and identity.same_document(original, misread)
    assert identity.same_document(lost, misread)  # the misread one keeps its figures: the lost one's too
    groups = identity.group([lost, original, misread])
    assert [[f.file_name for f in g] for g in groups] == [["original.pdf", "phone.pdf", "photocopy.pdf"]]
    other = copy("other-decision", content=("person: lo van pang ", "count:1", "cites:412/snv-ccvc"))
    assert not identity.same_document(original, other)
    assert not identity.same_document(original, copy("one-count", content=("count:2",)))
    assert not identity.same_document(original, copy("another-figure", number="1588/QĐ-UBND"))
    assert not identity.same_document(original, copy("lai-chau", issuer="Ủy ban nhân dân tỉnh Lai Châu"))
    assert not identity.same_document(original, copy("next-day", date="2025-08-29"))
    assert not identity.same_document(original, FileFacts(**{**lost.__dict__, "doc_type": "official_dispatch"}))
    assert not identity.same_document(lost, copy("photocopy-2"))
    assert not identity.same_document(original, FileFacts(**{**lost.__dict__, "methods": ("text_layer",)}))
    # the laws every decision of the body cites say nothing of which decision it is
    record = {"secondments": [{"person": "Nguyễn Văn Khải"}], "counts": [{"value": 2}],
              "references": [{"number": "72/2025/QH15"}, {"number": "412/SNV-CCVC"}]}
    assert identity.content_of(record) == {"person: nguyen van khai ", "count:2", "cites:412/snv-ccvc"}
