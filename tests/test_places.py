"""Matching printed destinations to the official list of units after 1 July 2025 (places/)."""

import pytest

from dispatch_reader.places import (
    UnknownProvince, data_version, unknown_province, edit_distance, find_province, key, match_place, max_edits, official, province_hint,
)
from dispatch_reader.places.match import respell


def _province(name: str):
    found = find_province(name)
    assert found is not None, name
    return found


# --- the list -----------------------------------------------------------------------------

def test_the_list_has_34_provinces_and_3321_units():
    lst = official()
    assert len(lst.provinces) == 34
    assert len(lst.units) == 3321
    assert {u.level for u in lst.units} == {"xã", "phường", "đặc khu"}
    assert sum(1 for p in lst.provinces if p.level == "thành phố trung ương") == 6


def test_the_list_is_loaded_once():
    assert official() is official()


def test_data_version_names_package_and_date():
    assert data_version().startswith("vietnam-provinces 2025.") or data_version().startswith("vietnam-provinces 20")
    assert "data 20" in data_version()


def test_names_are_nfc_with_single_spaces():
    import unicodedata

    for u in official().units:
        assert u.name == unicodedata.normalize("NFC", u.name)
        assert "  " not in u.name


# --- exact and folded ---------------------------------------------------------------------

def test_exact_name_with_the_level_in_running_text():
    m = match_place("Ủy ban nhân dân xã Tả Phìn", "Ủy ban nhân dân tỉnh Lào Cai")
    assert (m.match, m.name, m.code, m.level) == ("exact", "Xã Tả Phìn", "03013", "xã")
    assert (m.province, m.province_code) == ("Tỉnh Lào Cai", "15")
    assert m.display == "xã Tả Phìn"
    assert m.printed == "Ủy ban nhân dân xã Tả Phìn"
    assert not m.flagged


@pytest.mark.parametrize("printed", ["Xã Y Tý", "xã Y Tý", "UBND xã Y Tý", "Ủy ban nhân dân xã Y Tý"])
def test_level_word_case_and_facility_heads_keep_exact(printed):
    m = match_place(printed, "Lào Cai")
    assert (m.match, m.name) == ("exact", "Xã Y Tý")


@pytest.mark.parametrize("printed", [
    "XÃ TẢ PHÌN",            # capitals
    "xã TảPhìn",             # a space lost
])
def test_folded_case_and_spacing(printed):
    m = match_place(printed, "Lào Cai")
    assert (m.match, m.name) == ("folded", "Xã Tả Phìn")


def test_old_and_new_tone_placement_fold_together():
    # the list spells Hòa Minh (new placement); a document may print Hoà Minh
    m = match_place("xã Hoà Minh", "Vĩnh Long")
    assert (m.match, m.name, m.province) == ("folded", "Xã Hòa Minh", "Tỉnh Vĩnh Long")
    m = match_place("xã Hòa Minh", "Vĩnh Long")
    assert m.match == "exact"


def test_level_abbreviations():
    m = match_place("P. Vân Sơn", "Sơn La")
    assert (m.name, m.level) == ("Phường Vân Sơn", "phường")
    m = match_place("P.Vân Sơn", "Sơn La")
    assert m.name == "Phường Vân Sơn"


def test_a_hyphenated_official_name():
    assert match_place("Phường Văn Miếu - Quốc Tử Giám", "Hà Nội").match == "exact"
    m = match_place("phường Văn Miếu Quốc Tử Giám", "Thành phố Hà Nội")
    assert (m.match, m.name) == ("folded", "Phường Văn Miếu - Quốc Tử Giám")


def test_special_zone():
    m = match_place("đặc khu Phú Quốc", None)
    assert (m.match, m.level, m.province) == ("exact", "đặc khu", "Tỉnh An Giang")


def test_english_text_without_diacritics_is_folded():
    # an English report: the whole text has no diacritics, so none are missing
    m = match_place("Pac Ta commune", "Lai Chau")
    assert (m.match, m.name) == ("folded", "Xã Pắc Ta")
    m = match_place("Y Ty commune", "People's Committee of Lao Cai province")
    assert (m.match, m.name) == ("folded", "Xã Y Tý")


def test_a_province_printed_with_the_name_wins_over_the_hint():
    m = match_place("xã Tả Phìn, tỉnh Lào Cai", "Tuyên Quang")
    assert (m.match, m.province) == ("exact", "Tỉnh Lào Cai")


# --- OCR damage ---------------------------------------------------------------------------

def test_pac_ta_without_marks_in_a_vietnamese_text_is_corrected():
    m = match_place("Trạm Y tế xã Pac Ta", "Lai Châu")
    assert (m.match, m.name, m.code) == ("corrected", "Xã Pắc Ta", "03616")
    assert m.printed == "Trạm Y tế xã Pac Ta"
    assert m.read_as == "xã Pac Ta"
    assert m.flagged


def test_dac_ta_is_one_letter_from_pac_ta():
    m = match_place("Trạm Y tế xã Đắc Ta", "Ủy ban nhân dân tỉnh Lai Châu")
    assert (m.match, m.name) == ("corrected", "Xã Pắc Ta")
    assert m.read_as == "xã Đắc Ta"


def test_noise_before_the_level_word_is_dropped_and_flagged():
    m = match_place("n¡; Xã Tả Phìn", "Lào Cai")
    assert (m.match, m.name) == ("corrected", "Xã Tả Phìn")
    assert m.printed == "n¡; Xã Tả Phìn"
    assert "dropped" in m.note


def test_da_vi_is_not_a_commune_of_tuyen_quang():
    # Pà Vi (old Pả Vi, Mèo Vạc) was merged into xã Mèo Vạc: the new list has no Pà Vi, and no
    # unit of Tuyên Quang is one letter from Đà Vi, so nothing is guessed
    assert not official().by_key.get(key("Pà Vi"))
    m = match_place("xã Đà Vi", "Tuyên Quang")
    assert m.match == "unmatched"
    assert m.name is None and m.read_as == "xã Đà Vi"
    assert m.flagged


def test_no_correction_without_the_issuing_province():
    m = match_place("Trạm Y tế xã Đắc Ta", None)
    assert m.match == "unmatched"
    m = match_place("Trạm Y tế xã Pac Ta", None)
    assert m.match == "unmatched"
    assert "Xã Pắc Ta" in m.note  # the reader is told what it is close to


def test_max_edits_boundary():
    assert max_edits("yty", "yti") == 0  # under 4 letters: exact only
    assert max_edits("pavi", "davi") == 1
    assert max_edits("amusung", "amusunq") == 1  # 7 letters
    assert max_edits("mucangchai", "mucangcha") == 2  # 8 letters or more
    assert max_edits("lungcuha", "lungcuh") == 2


def test_short_names_are_never_corrected():
    assert match_place("xã Y Tí", "Lào Cai").match == "unmatched"


def test_one_edit_corrects_a_short_name_two_do_not():
    # A Mú Sung: 7 letters folded, one edit allowed
    assert match_place("xã A Mú Sunq", "Lào Cai").name == "Xã A Mú Sung"
    assert match_place("xã A Mú Sunq", "Lào Cai").match == "corrected"
    assert match_place("xã A Mù Sunq", "Lào Cai").match == "corrected"  # marks do not count as edits
    assert match_place("xã A Mú Suqq", "Lào Cai").match == "unmatched"


def test_two_edits_correct_a_long_name_three_do_not():
    # Mù Cang Chải: 10 letters folded, two edits allowed
    m = match_place("xã Mù Cang Chà", "Lào Cai")  # one letter lost
    assert (m.match, m.name) == ("corrected", "Xã Mù Cang Chải")
    assert match_place("xã Mù Cang Ch", "Lào Cai").match == "corrected"  # two lost
    assert match_place("xã Mù Cang C", "Lào Cai").match == "unmatched"  # three lost


def test_a_syllable_more_or_less_is_another_name():
    # Lũng Cú Hạ is two letters from Lũng Cú (Tuyên Quang) but a syllable longer: not a misread
    m = match_place("xã Lũng Cú Hạ", "Tuyên Quang")
    assert m.match == "unmatched"


def test_no_letter_corrections_in_documents_from_before_the_reorganisation():
    assert match_place("Trạm Y tế xã Đắc Ta", "Lai Châu", issued="2025-06-30").match == "old_name"
    assert match_place("Trạm Y tế xã Đắc Ta", "Lai Châu", issued="2025-07-01").match == "corrected"


def test_two_units_within_reach_means_no_correction():
    # "Đồng Vâm" is one letter from both Đồng Văn and Đồng Tâm (Tuyên Quang): nothing is guessed
    assert edit_distance(key("Đồng Vâm"), key("Đồng Văn")) == 1
    assert edit_distance(key("Đồng Vâm"), key("Đồng Tâm")) == 1
    m = match_place("xã Đồng Vâm", "Tuyên Quang")
    assert m.match == "unmatched"
    assert "none chosen" in m.note
    assert match_place("xã Đồng Văm", "Tuyên Quang").match == "unmatched"  # marks do not break the tie


def test_edit_distance():
    assert edit_distance("pacta", "dacta") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("kitten", "sitting", limit=1) == 2  # stops early: more than the limit


# --- groups, bodies, ambiguity, old names --------------------------------------------------

@pytest.mark.parametrize("printed", [
    "37 xã, phường", "45 xã, phường", "các xã", "các xã vùng cao, biên giới", "12 xã vùng cao, biên giới",
    "39 xã, phường trên địa bàn tỉnh", "Ủy ban nhân dân các xã", "UBND xã, phường", "37 communes and wards",
])
def test_aggregates_are_groups_not_places(printed):
    m = match_place(printed, "Lào Cai")
    assert m.match == "aggregate"
    assert m.name is None
    assert not m.flagged


@pytest.mark.parametrize("printed", ["Sở Tài chính", "Trung tâm Phục vụ hành chính công xã", ""])
def test_a_body_without_a_place_is_unnamed(printed):
    m = match_place(printed, None)
    assert m.match == "unnamed"
    assert not m.flagged


def test_a_name_of_several_provinces_is_ambiguous_without_a_hint():
    # Vân Sơn: a phường of Sơn La, a xã of Bắc Ninh and a xã of Phú Thọ
    m = match_place("xã Vân Sơn", None)
    assert m.match == "ambiguous"
    assert "Bắc Ninh" in m.note and "Phú Thọ" in m.note
    assert match_place("xã Vân Sơn", "Phú Thọ").province == "Tỉnh Phú Thọ"
    # the printed level tells the phường from the two xã
    assert match_place("phường Vân Sơn", None).province == "Tỉnh Sơn La"


def test_without_a_province_the_printed_level_must_agree():
    # Hòa Minh is a xã of Vĩnh Long; a "phường Hòa Minh" is not it
    m = match_place("Ủy ban nhân dân phường Hòa Minh", None)
    assert m.match == "unmatched"
    assert "Xã Hòa Minh" in m.note


def test_a_unit_outside_the_issuing_province_is_matched_with_a_note():
    m = match_place("xã Mường Khoa", "Lào Cai")
    assert (m.match, m.province) == ("exact", "Tỉnh Lai Châu")
    assert "not in Tỉnh Lào Cai" in m.note


def test_old_names_are_kept_and_said_so():
    m = match_place("xã Pả Vi", None, issued="2025-05-01")
    assert m.match == "old_name"
    assert m.name is None and m.read_as == "xã Pả Vi"
    assert m.flagged
    # a document issued before 1 July 2025 naming a unit the new list lacks
    assert match_place("xã Lũng Cú Hạ", "Tuyên Quang", issued="2025-03-01").match == "old_name"
    assert match_place("xã Lũng Cú Hạ", "Tuyên Quang", issued="2025-09-01").match == "unmatched"
    # a thị trấn no longer exists
    assert match_place("thị trấn Nông Trường", "Sơn La").match == "old_name"


def test_an_old_address_whose_commune_kept_its_name_converts_to_it():
    m = match_place("xã Tả Phìn, huyện Sa Pa, tỉnh Lào Cai", None)
    assert (m.match, m.name) == ("old_name", "Xã Tả Phìn")
    assert "Thị xã Sa Pa" in m.note  # the package's spelling of the old district


# --- the province hint ---------------------------------------------------------------------

@pytest.mark.parametrize("text, short", [
    ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai"),
    ("UBND TỈNH TUYÊN QUANG", "Tuyên Quang"),
    ("Lào Cai", "Lào Cai"),
    ("Thành phố Hà Nội", "Hà Nội"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("People's Committee of Lao Cai province", "Lào Cai"),
    ("UBND TỈNH YÊN BÁI", "Lào Cai"),  # merged into Lào Cai
    ("Hà Giang", "Tuyên Quang"),
    ("Ủy ban nhân dân xã Mường Hum", "Lào Cai"),  # a commune of one province only
    ("BAN TỔ CHỨC TỈNH ỦY LÀO CAI", "Lào Cai"),
    ("Tỉnh đoàn Điện Biên", "Điện Biên"),
    ("Mường Hum", "Lào Cai"),
])
def test_province_hint_from_issuer_or_place(text, short):
    assert find_province(text).short == short


@pytest.mark.parametrize("text", ["Sở Nội vụ", "Vạn Xuân", "Ủy ban nhân dân xã Tân Phong", None, ""])
def test_no_province_hint(text):
    assert find_province(text) is None


def test_province_hint_takes_the_first_that_names_one():
    assert province_hint("Sở Nội vụ", "UBND TỈNH LÀO CAI", "Lào Cai").short == "Lào Cai"
    assert province_hint(None, "Vạn Xuân") is None


def test_one_ocr_slip_in_a_province_name_is_forgiven():
    assert find_province("UBND TỈNH LÀO CA1").short == "Lào Cai"
    assert find_province("UBND TỈNH TUYÊN QUANG|").short == "Tuyên Quang"
    # a letter for a letter is another name: Bắc Lĩnh is no misread Bắc Ninh
    assert find_province("Ủy ban nhân dân tỉnh Bắc Lĩnh") is None
    assert unknown_province("Ủy ban nhân dân tỉnh Bắc Lĩnh") == "Bắc Lĩnh"


def test_a_province_not_on_the_list_is_no_hint_and_no_licence_to_look_elsewhere():
    # Phù Vân is a xã of Ninh Bình; a `UBND TỈNH PHÙ VÂN` is a province the list lacks, and its
    # place line `Phù Vân` says nothing of Ninh Bình
    assert official().by_key[key("Phù Vân")][0].province.short == "Ninh Bình"
    hint = province_hint("Sở Nội vụ", "UBND TỈNH PHÙ VÂN", "Phù Vân")
    assert hint == UnknownProvince("PHÙ VÂN")
    m = match_place("Ủy ban nhân dân xã Tả Phìn", hint)
    assert m.match == "unmatched" and m.name is None
    assert "PHÙ VÂN" in m.note
    assert match_place("Ủy ban nhân dân xã Tả Phìn", "Ủy ban nhân dân tỉnh Vạn Xuân").match == "unmatched"
    assert match_place("Tan Phong commune", "People's Committee of Lam Ha province").match == "unmatched"


def test_the_place_line_counts_as_a_province_name_only():
    assert province_hint("Sở Nội vụ", None, "Lào Cai").short == "Lào Cai"
    assert province_hint("Sở Nội vụ", None, "Mường Hum") is None
    assert province_hint("Ủy ban nhân dân xã Mường Hum", None, "Mường Hum").short == "Lào Cai"


# --- old names converted (vietnamadminunits) --------------------------------------------------

@pytest.mark.parametrize("printed, hint, name, province", [
    ("xã Pả Vi, huyện Mèo Vạc, tỉnh Hà Giang", None, "Xã Mèo Vạc", "Tỉnh Tuyên Quang"),
    ("Ủy ban nhân dân xã Pả Vi, huyện Mèo Vạc", "UBND TỈNH TUYÊN QUANG", "Xã Mèo Vạc", "Tỉnh Tuyên Quang"),
    ("xã Lê Ninh, thị xã Kinh Môn, tỉnh Hải Dương", None, "Phường Bắc An Phụ", "Thành phố Hải Phòng"),
    ("thị trấn Mù Cang Chải, huyện Mù Cang Chải", "Ủy ban nhân dân tỉnh Yên Bái", "Xã Mù Cang Chải", "Tỉnh Lào Cai"),
    ("phường Bến Nghé, quận 1, thành phố Hồ Chí Minh", None, "Phường Sài Gòn", "Thành phố Hồ Chí Minh"),
])
def test_an_old_commune_with_its_district_is_converted(printed, hint, name, province):
    m = match_place(printed, hint)
    assert (m.match, m.name, m.province) == ("old_name", name, province)
    assert m.code and m.flagged
    assert "before 1 July 2025" in m.note
    # the unit is the official list's own
    assert any(u.name == name and f"{u.code:05d}" == m.code for u in official().units)


def test_an_old_commune_divided_among_new_ones_is_kept_as_printed():
    m = match_place("xã Tân Thạnh, huyện Thới Lai, thành phố Cần Thơ", None)
    assert (m.match, m.name) == ("old_name", None)
    assert "divided among Xã Tân Thạnh, Xã Trường Thành" in m.note


def test_without_its_district_an_old_name_is_not_converted():
    m = match_place("xã Pả Vi", "Tuyên Quang", issued="2025-03-01")
    assert (m.match, m.name) == ("old_name", None)
    assert "not converted" in m.note
    assert match_place("xã Pả Vi, huyện Đồng Văn, tỉnh Hà Giang", None).name is None  # not in that district


def test_conversion_never_reaches_the_network(monkeypatch):
    import socket

    from dispatch_reader.places.legacy import convert_old

    tried = []

    def refuse(*args, **kwargs):
        tried.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    # a divided commune with something street-like before it: the package would geocode a street
    convert_old("số 12, xã Tân Thạnh", "huyện Thới Lai", "thành phố Cần Thơ")
    assert convert_old("xã Tân Thạnh", "huyện Thới Lai", "thành phố Cần Thơ").divided_into
    assert convert_old("xã Pả Vi", "huyện Mèo Vạc", "Hà Giang").unit.name == "Xã Mèo Vạc"
    # and the package itself, given a street, no longer geocodes once we have loaded it
    from dispatch_reader.places.legacy import _converter

    convert_address, _ = _converter()
    convert_address("12 Đường A, Xã Tân Thạnh, Huyện Thới Lai, Thành phố Cần Thơ")
    assert tried == []


@pytest.mark.parametrize("printed, name", [
    ("ys rạ Lèng", "Xã Tả Lèng"),  # a fax's clipped row: the level word and a capital lost
    ("xz mủa sin Chải", "Xã Tủa Sín Chải"),
    ("ya Mường Khoa", "Xã Mường Khoa"),
    ("Ủy ban nhân dân ys Tả Lèng", "Xã Tả Lèng"),  # the list's cell under `UBND các xã`
])
def test_an_ocr_reading_whose_level_word_is_garbled_is_matched_in_the_province(printed, name):
    m = match_place(printed, "Lai Châu", ocr=True)
    assert (m.match, m.name) == ("corrected", name)
    assert respell(printed, m.display, ocr=True).endswith(m.display)
    assert respell("Ủy ban nhân dân ys Tả Lèng", "xã Tả Lèng", ocr=True) == "Ủy ban nhân dân xã Tả Lèng"
    # a text layer's or a typed text's letters are what the office wrote: no place is guessed
    assert match_place(printed, "Lai Châu").match == "unnamed"
    # nor with no issuing province to look in
    assert match_place(printed, None, ocr=True).match == "unnamed"


@pytest.mark.parametrize("printed", [
    "Sở Nội vụ", "Ban Dân tộc", "Văn phòng", "ys", "ys Đà Vi",
    # a body's short form, an old level's, a word, English: no clipped `Xã` (a reviewer's finds)
    "htx Tân Uyên", "bv Bắc Hà", "h Bát Xát", "tx Sa Pa", "tp Lào Cai", "ra trung tâm", "và hạnh phúc",
    "of Tan Uyen", "ga Lê Lợi",
    # a name's own first word is no level word read wrong (`Tả Lèng`'s `Tả`)
    "Ủy ban nhân dân Tả Lèng", "Ủy ban nhân dân Hà Nội", "Sa pa",
])
def test_a_first_word_that_is_a_word_or_a_name_near_no_unit_is_no_garbled_level(printed):
    m = match_place(printed, "Lai Châu", ocr=True, issued="2025-09-01")
    assert m.match in ("unnamed", "unmatched") and m.name is None
