"""Search by person, commune, body, number, type, dates and free text, with and without diacritics."""

from __future__ import annotations

import unicodedata

import pytest

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.store import Filters, open_store
from dispatch_reader.store.keys import fold_aligned, key, number_key
from dispatch_reader.store.search import snippet_at


@pytest.fixture
def store(store_url):
    a = make_record("a", number="15/QĐ-UBND", issued="2025-08-04",
                    people=[("Nguyễn Thị Chuyên", "Sở Nội vụ")],
                    secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ",
                                  "to_unit": "Ủy ban nhân dân xã Tủa Thàng", "quote": "bà Nguyễn Thị Chuyên đến xã Tủa Thàng"}])
    b = make_record("b", number="1335/UBND-NC", doc_type="official_dispatch", issued="2025-09-20",
                    issuer="Ủy ban nhân dân tỉnh Thái Nguyên", subject="V/v tăng cường nhân lực cho các xã, phường",
                    people=[("Đặng Thuỷ Tiên", "Sở Tài chính")],
                    secondments=[{"person": "Đặng Thuỷ Tiên", "from_unit": "Sở Tài chính", "to_unit": "phường Phan Đình Phùng",
                                  "kind": "reinforcement", "quote": "tăng cường bà Đặng Thuỷ Tiên về phường Phan Đình Phùng"}])
    c = make_record("c", number="170/2025/NĐ-CP", doc_type="decree", issued="2025-06-30", issuer="Chính phủ",
                    subject="Quy định về tuyển dụng, sử dụng và quản lý công chức", people=[], secondments=[])
    with open_store(store_url) as s:
        for r in (a, b, c):
            s.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        yield s


def numbers(hits) -> list[str]:
    return [h.number for h in hits]


@pytest.mark.parametrize("query", ["Nguyễn Thị Chuyên", "nguyen thi chuyen", "NGUYEN THI CHUYEN", "Chuyên",
                                   unicodedata.normalize("NFD", "Nguyễn Thị Chuyên")])
def test_person_with_and_without_diacritics(store, query):
    hits = store.search(person=query)
    assert numbers(hits) == ["15/QĐ-UBND"]
    assert hits[0].matched == "person" and "Nguyễn Thị Chuyên" in hits[0].quote and hits[0].page == 1


@pytest.mark.parametrize("query", ["Đặng Thủy Tiên", "Đặng Thuỷ Tiên", "Ðặng Thủy Tiên", "dang thuy tien"])
def test_person_tone_placement_and_lookalike_d(store, query):
    assert numbers(store.search(person=query)) == ["1335/UBND-NC"]


def test_person_whole_words_only(store):
    assert store.search(person="Chuy") == []
    assert store.search(person="Nguyễn Văn Chuyên") == []


@pytest.mark.parametrize("query", ["Tủa Thàng", "tua thang", "xã Tủa Thàng"])
def test_commune(store, query):
    hits = store.search(commune=query)
    assert numbers(hits) == ["15/QĐ-UBND"]
    assert hits[0].matched == "commune" and "Tủa Thàng" in hits[0].quote


def test_body_matches_issuer_and_sending_unit(store):
    assert numbers(store.search(body="so tai chinh")) == ["1335/UBND-NC"]
    assert numbers(store.search(body="Thái Nguyên")) == ["1335/UBND-NC"]
    assert numbers(store.search(issuer="Chính phủ")) == ["170/2025/NĐ-CP"]
    assert store.search(issuer="Sở Tài chính") == []  # the issuer filter looks at the issuer only


def test_number_full_partial_and_folded(store):
    assert numbers(store.search(number="1335/UBND-NC")) == ["1335/UBND-NC"]
    assert numbers(store.search(number="1335")) == ["1335/UBND-NC"]
    assert numbers(store.search(number="170/2025/nd-cp")) == ["170/2025/NĐ-CP"]
    assert numbers(store.search(number="15")) == ["15/QĐ-UBND"]
    assert store.search(number="133") == []


def test_type_and_date_range(store):
    assert numbers(store.search(doc_type="decree")) == ["170/2025/NĐ-CP"]
    assert numbers(store.search(date_from="2025-08-01")) == ["1335/UBND-NC", "15/QĐ-UBND"]
    assert numbers(store.search(date_from="1/7/2025", date_to="31/8/2025")) == ["15/QĐ-UBND"]
    assert numbers(store.search(doc_type="decision", date_from="2025-09-01")) == []


@pytest.mark.parametrize("query", ["tăng cường nhân lực", "tang cuong nhan luc", "TĂNG CƯỜNG"])
def test_free_text(store, query):
    hits = store.search(text=query)
    assert numbers(hits) == ["1335/UBND-NC"]
    assert hits[0].matched == "text" and "tăng cường" in hits[0].quote.lower()


def test_free_text_needs_every_word(store):
    assert numbers(store.search(text="Tủa Thàng")) == ["15/QĐ-UBND"]
    assert store.search(text="Tủa Phùng") == []
    assert store.search(text="nothing-like-this") == []
    assert store.search(text="!!!") == []


def test_filters_combine(store):
    assert numbers(store.search(person="Chuyên", commune="Tủa Thàng")) == ["15/QĐ-UBND"]
    assert store.search(person="Chuyên", commune="Phan Đình Phùng") == []
    hits = store.search(Filters(text="công chức", doc_type="decree"))
    assert numbers(hits) == ["170/2025/NĐ-CP"]


def test_limit_and_order(store):
    assert numbers(store.search()) == ["1335/UBND-NC", "15/QĐ-UBND", "170/2025/NĐ-CP"]
    assert numbers(store.search(limit=1)) == ["1335/UBND-NC"]


def test_snippet_quotes_the_original_words():
    text = "Điều 1. Biệt phái\nbà Lò Thị Hoà, chuyên viên, đến UBND xã Mường Tè\nĐiều 2."
    snippet = snippet_at(text, fold_aligned(text), ["lo", "thi", "hoa"])
    assert snippet == "bà Lò Thị Hoà, chuyên viên, đến UBND xã Mường Tè"


def test_keys():
    assert fold_aligned("Ủy ban NHÂN DÂN Đồng Hới") == "uy ban nhan dan dong hoi"
    assert len(fold_aligned(unicodedata.normalize("NFD", "Thuỷ"))) == len("Thuỷ")
    assert key("UBND xã Tủa Thàng,") == " ubnd xa tua thang "
    assert key("   ") is None
    assert number_key("1335 / UBND-NC") == number_key("1335/ubnd-nc") == "1335/ubnd-nc"


def test_a_kind_with_no_type_of_its_own_is_asked_by_its_label(store_url):
    """A consolidated text and a regulation are both `other`: `--type VBHN` finds the one,
    `--type "Quy chế"` the other (a clerk's `search --type VBHN` was an unknown type)."""
    vbhn = make_record("v", number="16/VBHN-BTC", doc_type="other", issuer="Bộ Tài chính", people=[], secondments=[])
    vbhn.document.doc_type_label = "Văn bản hợp nhất"
    rule = make_record("q", number="12/QC-UBND", doc_type="other", people=[], secondments=[])
    rule.document.doc_type_label = "QUY CHẾ"
    with open_store(store_url) as s:
        for r in (vbhn, rule):
            s.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        for asked in ("VBHN", "vbhn", "Văn bản hợp nhất", "van_ban_hop_nhat", "consolidated"):
            assert numbers(s.search(doc_type=asked)) == ["16/VBHN-BTC"], asked
        for asked in ("Quy chế", "QC"):
            assert numbers(s.search(doc_type=asked)) == ["12/QC-UBND"], asked
        assert sorted(numbers(s.search(doc_type="other"))) == ["12/QC-UBND", "16/VBHN-BTC"]


def test_a_summary_names_the_kind_it_was_asked_for():
    from dispatch_reader.briefs.summary import Selection

    f = Filters.make(doc_type="VBHN")
    assert (f.doc_type, f.doc_type_label) == ("other", "Văn bản hợp nhất")
    said = Selection(doc_type=f.doc_type, doc_type_label=f.doc_type_label)
    assert "Văn bản hợp nhất" in said.describe("vi")
    assert "Consolidated text" in said.describe("en")
    assert "QUY CHẾ" in Selection(doc_type="other", doc_type_label="QUY CHẾ").describe("vi")
    with pytest.raises(ValueError):
        Filters.make(doc_type="giấy mời họp chợ")
    # a Đ apart: `ĐA` is Đề án's, `DA` Dự án's (a reviewer's: both folded to `DA`, Đề án's won)
    assert (Filters.make(doc_type="DA").doc_type_label, Filters.make(doc_type="ĐA").doc_type_label) == \
        ("DỰ ÁN", "ĐỀ ÁN")


def test_a_contract_by_its_abbreviation_is_no_guidance():
    """`HĐ` (hợp đồng) was folded to `HD`, a guidance's abbreviation, and a search for contracts
    found guidance documents: the spelling as written is tried first, Đ apart; typed without
    its bar (`QD`) a type is still found folded."""
    f = Filters.make(doc_type="HĐ")
    assert (f.doc_type, f.doc_type_label) == ("other", "HỢP ĐỒNG")
    assert (Filters.make(doc_type="HD").doc_type, Filters.make(doc_type="HD").doc_type_label) == ("guidance", None)
    assert Filters.make(doc_type="QD").doc_type == Filters.make(doc_type="QĐ").doc_type == "decision"
    assert Filters.make(doc_type="hop dong").doc_type_label == "HỢP ĐỒNG"
