"""The same person across documents: seconded, extended, recalled; namesakes kept apart."""

from __future__ import annotations

import pytest

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.store import open_store
from dispatch_reader.store.people import action_of


def _save(store, *records):
    for r in records:
        store.save(r, page_texts=page_text_for(r), extractor_version="1.0")


def test_history_of_one_person_over_documents(store_url):
    sent = make_record("sent", number="10/QĐ-UBND", issued="2025-08-01",
                       people=[("Nguyễn Thị Chuyên", "Sở Nội vụ")],
                       secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng",
                                     "start": "2025-08-15", "end": "2025-11-15"}])
    extended = make_record("ext", number="20/QĐ-UBND", issued="2025-11-10",
                           subject="Về việc gia hạn thời gian biệt phái công chức", people=[("Nguyen Thi Chuyen", None)],
                           secondments=[{"person": "Nguyen Thi Chuyen", "to_unit": "xã Tủa Thàng", "end": "2026-02-15",
                                         "action": "extend"}])
    recalled = make_record("rec", number="30/QĐ-UBND", issued="2026-02-20",
                           subject="Về việc chấm dứt biệt phái đối với công chức", people=[("NGUYỄN THỊ CHUYÊN", "Sở Nội vụ")],
                           secondments=[{"person": "NGUYỄN THỊ CHUYÊN", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng",
                                         "action": "end"}])
    resent = make_record("again", number="40/QĐ-UBND", issued="2026-05-01", people=[("Nguyễn Thị Chuyên", "Sở Nội vụ")],
                         secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "phường Tân Phong"}])
    other = make_record("other", number="50/QĐ-UBND", issued="2025-09-01", people=[("Lò Văn Páo", "Sở Y tế")],
                        secondments=[{"person": "Lò Văn Páo", "from_unit": "Sở Y tế", "to_unit": "xã Sìn Hồ"}])
    with open_store(store_url) as store:
        _save(store, recalled, other, sent, resent, extended)
        histories = store.people("nguyen thi chuyen")
        assert len(histories) == 1
        h = histories[0]
        assert h.name == "Nguyễn Thị Chuyên"
        assert [(e.number, e.action) for e in h.events] == [
            ("10/QĐ-UBND", "sent"), ("20/QĐ-UBND", "extended"), ("30/QĐ-UBND", "recalled"), ("40/QĐ-UBND", "sent")]
        assert h.times_sent == 2 and h.document_count == 4
        assert [e.to_unit for e in h.events][-1] == "phường Tân Phong"
        assert h.events[0].start.isoformat() == "2025-08-15"
        # people named in two or more documents: only her
        assert [x.name for x in store.people(min_documents=2)] == ["Nguyễn Thị Chuyên"]
        assert [x.name for x in store.people("Páo")] == ["Lò Văn Páo"]


def test_namesakes_told_apart_by_unit_and_birth_year(store_url):
    a = make_record("a", issued="2025-08-01", people=[("Trần Văn Hùng", "Sở Tài chính")],
                    secondments=[{"person": "Trần Văn Hùng", "from_unit": "Sở Tài chính", "to_unit": "xã A Mú Sung"}])
    b = make_record("b", issued="2025-09-01", people=[("Trần Văn Hùng", "Sở Giáo dục và Đào tạo")],
                    secondments=[{"person": "Trần Văn Hùng", "from_unit": "Sở Giáo dục và Đào tạo", "to_unit": "xã Bản Xèo"}])
    c = make_record("c", issued="2025-10-01", people=[("Trần Văn Hùng", "Sở Tài chính tỉnh Lào Cai")],
                    secondments=[{"person": "Trần Văn Hùng", "to_unit": "xã Bát Xát",
                                  "quote": "ông Trần Văn Hùng, sinh năm 1980, đến xã Bát Xát"}])
    d = make_record("d", issued="2025-11-01", people=[("Trần Văn Hùng", "Sở Tài chính")],
                    secondments=[{"person": "Trần Văn Hùng", "to_unit": "xã Y Tý",
                                  "quote": "ông Trần Văn Hùng, sinh năm 1992, đến xã Y Tý"}])
    with open_store(store_url) as store:
        _save(store, a, b, c, d)
        histories = store.people("Tran Van Hung")
        where = sorted(sorted(e.to_unit for e in h.events) for h in histories)
        # a and c share the unit (one inside the other); d has the same unit but another birth year
        assert where == [["xã A Mú Sung", "xã Bát Xát"], ["xã Bản Xèo"], ["xã Y Tý"]]
        by_year = {h.birth_year for h in histories}
        assert {1980, 1992} <= by_year


@pytest.mark.parametrize("subject, quote, expected", [
    ("Về việc gia hạn thời gian biệt phái", "", "extended"),
    ("Về việc chấm dứt biệt phái", "", "recalled"),
    ("Ve viec cham dut biet phai", "", "recalled"),
    ("Về việc biệt phái công chức", "cử bà A đến xã B", "sent"),
    (None, "tiếp tục tăng cường ông B về xã C", "extended"),
])
def test_action_words(subject, quote, expected):
    assert action_of(subject, quote) == expected


def test_listing_without_a_name_counts_secondments_not_signatures(store_url):
    # the signer (people list) of every document is named three times but sent nowhere
    docs = [make_record(f"d{i}", number=f"{i}/QĐ-UBND", people=[("Lê Công Huấn", "Ủy ban nhân dân tỉnh"),
                                                                  (f"Vàng A Dơ {i}", "Sở Nội vụ")],
                        secondments=[{"person": "Giàng Thị Mỷ", "from_unit": "Sở Nội vụ", "to_unit": f"xã {i}"}]
                        if i < 2 else []) for i in range(3)]
    with open_store(store_url) as store:
        _save(store, *docs)
        assert [h.name for h in store.people(min_documents=2, seconded_only=True)] == ["Giàng Thị Mỷ"]
        assert [h.name for h in store.people(min_documents=3)] == ["Lê Công Huấn"]
        assert [(h.name, h.times_sent) for h in store.people("Giàng Thị Mỷ")] == [("Giàng Thị Mỷ", 2)]


def test_requested_and_reported_people_are_not_sent(store_url):
    sent = make_record("sent", number="10/QĐ-UBND", issued="2025-08-01", people=[("Nguyễn Thị Chuyên", "Sở Nội vụ")],
                       secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng"}])
    proposed = make_record("prop", number="11/TTr-SNV", doc_type="submission", issued="2025-07-20",
                           people=[("Nguyễn Thị Chuyên", "Sở Nội vụ")],
                           secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng",
                                         "status": "requested"}])
    with open_store(store_url) as store:
        _save(store, sent, proposed)
        [h] = store.people("Nguyễn Thị Chuyên")
        assert [(e.number, e.action) for e in h.events] == [("11/TTr-SNV", "requested"), ("10/QĐ-UBND", "sent")]
        assert h.times_sent == 1


def _press(label, number, people, secondments):
    """An English press report about a decision (its own document; what it tells is reported)."""
    r = make_record(label, number=number, issued="2025-08-28", issuer="People's Committee of Son La province",
                    people=people, secondments=secondments)
    r.language, r.document.place, r.document.recipients = "en", None, []
    return r


def test_one_person_across_languages_and_documents(store_url):
    decision = make_record("qd", number="1587/QĐ-UBND", issued="2025-08-28",
                           people=[("Nguyễn Văn Khải", "Sở Nông nghiệp và Môi trường")],
                           secondments=[{"person": "Nguyễn Văn Khải", "from_unit": "Sở Nông nghiệp và Môi trường",
                                         "to_unit": "xã Tân Phong"}])
    press = _press("press", "1587/QD-UBND", [("Nguyen Van Khai", "Department of Agriculture and Environment")],
                   [{"person": "Nguyen Van Khai", "from_unit": "Department of Agriculture and Environment",
                     "to_unit": "Tan Phong commune"}])
    with open_store(store_url) as store:
        _save(store, press, decision)
        khai, = store.people("Nguyen Van Khai")
        assert khai.name == "Nguyễn Văn Khải"  # the spelling with diacritics is shown
        assert set(khai.names) == {"Nguyễn Văn Khải", "Nguyen Van Khai"}
        assert sorted(e.action for e in khai.events) == ["reported", "sent"]
        assert khai.document_count == 2 and khai.ref == "Nguyễn Văn Khải@1587/QĐ-UBND"
        # named in two documents, but only one of them sends him
        assert store.people(min_documents=2, seconded_only=True) == []
        assert [h.name for h in store.people(min_documents=2)] == ["Nguyễn Văn Khải"]
        report_id = store.find_ids("1587/QD-UBND")[-1]
        # the report's mention by its id (it shares the number): the user can split the two
        store.override_people("split", khai.ref, f"Nguyen Van Khai@#{report_id}")
        assert sorted(h.document_count for h in store.people("Nguyen Van Khai")) == [1, 1]


def test_the_english_body_agrees_with_the_vietnamese_one():
    from dispatch_reader.store.people import bodies_agree, body_key

    assert bodies_agree({body_key("Department of Finance")}, {body_key("Phòng Kế toán, Sở Tài chính")})
    assert body_key("People's Committee of Son La province") == body_key("Ủy ban nhân dân tỉnh Sơn La")
    assert not bodies_agree({body_key("Department of Health")}, {body_key("Sở Tài chính")})


def test_a_name_with_namesakes_joins_only_what_agrees(store_url):
    # two Trần Văn Hùng (other bodies); a bare mention cannot be told to be either
    a = make_record("a", number="1/QĐ-UBND", people=[("Trần Văn Hùng", "Sở Tài chính")],
                    secondments=[{"person": "Trần Văn Hùng", "from_unit": "Sở Tài chính", "to_unit": "xã A"}])
    b = make_record("b", number="2/QĐ-UBND", people=[("Trần Văn Hùng", "Sở Y tế")],
                    secondments=[{"person": "Trần Văn Hùng", "from_unit": "Sở Y tế", "to_unit": "xã B"}])
    bare = make_record("c", number="3/QĐ-UBND", people=[("Tran Van Hung", None)],
                       secondments=[{"person": "Tran Van Hung", "to_unit": "xã C"}])
    with open_store(store_url) as store:
        _save(store, a, b, bare)
        assert sorted(sorted(e.to_unit for e in h.events) for h in store.people("Trần Văn Hùng")) == [
            ["xã A"], ["xã B"], ["xã C"]]


def test_merge_and_split_two_people(store_url):
    # the same official under an OCR-damaged spelling in a second decision; and a namesake the
    # rules join (a unique name) that the user knows to be another person
    first = make_record("first", number="10/QĐ-UBND", issued="2025-08-01", people=[("Nguyễn Văn Khải", "Sở Tài chính")],
                        secondments=[{"person": "Nguyễn Văn Khải", "from_unit": "Sở Tài chính", "to_unit": "xã A"}])
    damaged = make_record("second", number="20/QĐ-UBND", issued="2025-10-01", people=[("Nguyễn Văn Khả", None)],
                          secondments=[{"person": "Nguyễn Văn Khả", "to_unit": "xã A", "end": "2026-01-01"}])
    lan_a = make_record("lan-a", number="30/QĐ-UBND", issued="2025-08-05", people=[("Lò Thị Lan", None)],
                        secondments=[{"person": "Lò Thị Lan", "to_unit": "xã B"}])
    lan_b = make_record("lan-b", number="40/QĐ-UBND", issued="2025-09-05", people=[("Lò Thị Lan", None)],
                        secondments=[{"person": "Lò Thị Lan", "to_unit": "xã C"}])
    with open_store(store_url) as store:
        _save(store, first, damaged, lan_a, lan_b)
        assert len(store.people("Khải")) == 1 and len(store.people("Khả")) == 1
        assert [h.document_count for h in store.people("Lò Thị Lan")] == [2]
        merged = store.override_people("merge", "Nguyễn Văn Khả@20/QĐ-UBND", "Nguyễn Văn Khải")
        khai, = store.people("Khải")
        assert khai.name in ("Nguyễn Văn Khải", "Nguyễn Văn Khả") and khai.document_count == 2
        assert [(e.number, e.name) for e in khai.events] == [("10/QĐ-UBND", "Nguyễn Văn Khải"),
                                                             ("20/QĐ-UBND", "Nguyễn Văn Khả")]
        assert [h.name for h in store.people(min_documents=2, seconded_only=True)] == ["Lò Thị Lan", khai.name]
        split = store.override_people("split", "Lò Thị Lan@30/QĐ-UBND", "Lò Thị Lan@#" + str(store.find_ids("40/QĐ-UBND")[0]))
        assert [h.document_count for h in store.people("Lò Thị Lan")] == [1, 1]
        assert [o["action"] for o in store.person_overrides()] == ["merge", "split"]
        # the user's word survives reading the files again
        _save(store, lan_b)
        assert len(store.people("Lò Thị Lan")) == 2
        assert store.forget_person_override(split) and not store.forget_person_override(split)
        assert [h.document_count for h in store.people("Lò Thị Lan")] == [2]
        assert store.forget_person_override(merged) and len(store.people("Khải")) == 1


def test_a_person_reference_must_name_one_mention(sqlite_url):
    from dispatch_reader.store.people import PersonRefError

    docs = [make_record(f"d{i}", number=f"{i}/QĐ-UBND", people=[("Lò Văn Páo", "Sở Y tế")],
                        secondments=[{"person": "Lò Văn Páo", "from_unit": "Sở Y tế", "to_unit": f"xã {i}"}])
            for i in (1, 2)]
    with open_store(sqlite_url) as store:
        _save(store, *docs)
        for a, b, why in [("Lò Văn Páo", "Lò Văn Páo@2/QĐ-UBND", "2 documents name"),
                          ("Lò Văn Páo@9/QĐ-UBND", "Lò Văn Páo@2/QĐ-UBND", "no stored document names"),
                          ("Lò Văn Páo@1/QĐ-UBND", "Lo Van Pao@1/QD-UBND", "the same mention")]:
            with pytest.raises(PersonRefError, match=why):
                store.override_people("split", a, b)
