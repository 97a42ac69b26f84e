import unicodedata

from dispatch_reader.textnorm import fold, for_matching, nfc


def test_nfd_and_nfc_match_after_normalising():
    word = "Quyết định"
    assert nfc(unicodedata.normalize("NFD", word)) == word


def test_lookalike_eth_becomes_d_with_stroke():
    assert for_matching("ÐIỀU 1") == "ĐIỀU 1"


def test_old_tone_placement_becomes_new():
    assert for_matching("Uỷ ban") == "Ủy ban"
    assert for_matching("hoà bình") == "hòa bình"
    assert for_matching("khoẻ") == "khỏe"


def test_tone_moves_only_at_syllable_end_and_not_after_q():
    assert for_matching("hoàn thành") == "hoàn thành"
    assert for_matching("quý") == "quý"


def test_for_matching_keeps_length_so_offsets_hold():
    text = "Uỷ ban nhân dân tỉnh Thanh Hoá, thuỷ lợi"
    assert len(for_matching(text)) == len(nfc(text))


def test_fold_strips_diacritics_and_case():
    assert fold("Nguyễn Thị  Chuyên") == "nguyen thi chuyen"
    assert fold("ĐỒNG") == "dong"
