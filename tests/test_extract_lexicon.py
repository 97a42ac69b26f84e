"""Words OCR turned into no Vietnamese word, mended from the word list (extract/lexicon.py)."""

import pytest

from dispatch_reader.extract.lexicon import is_known, mend_non_words


@pytest.mark.parametrize("read, meant", [
    # the commonest word of official writing with these letters (của, not cửa or cua)
    ("quy định cúa Chính phủ về lệ phí", "quy định của Chính phủ về lệ phí"),
    # a phrase of the vocabulary names the word beside its neighbour, one letter other
    ("Về việc hiệt phái công chức", "Về việc biệt phái công chức"),
    # ... or one letter fewer (`dẫn` read `din`)
    ("Thông tư hướng din về bảo vệ việc làm", "Thông tư hướng dẫn về bảo vệ việc làm"),
    # ... or one letter more lost (`người` read `gười`), punctuation kept where it stood
    ("là gười làm việc, theo hợp đồng", "là người làm việc, theo hợp đồng"),
])
def test_a_word_that_is_no_vietnamese_word_is_mended_where_one_is_meant(read: str, meant: str) -> None:
    assert mend_non_words(read) == meant


@pytest.mark.parametrize("text", [
    # English: `to`, `for` are no Vietnamese words, and no mending makes them so
    "reinforcing human resources for communes and wards to the provinces",
    # abbreviations, numbers and symbols are no words to mend
    "Về việc thực hiện Quyết định số 17/2025/QĐ-TTg và Thông tư BLĐTBXH",
    # a capitalised word outside the list is a name (`Phớc`): no phrase puts another there
    "Khen thưởng ông Hồ Đức Phớc",
    # a real word, even beside a phrase it would spell otherwise, is as printed
    "mức lực của chuyên gia",
    # a word outside the list with no word one letter away in a phrase or of the same letters
    "mạng xpon và modem cho các xã",
])
def test_text_whose_words_are_known_or_unmendable_is_as_read(text: str) -> None:
    assert mend_non_words(text) == text


def test_the_word_list_knows_vietnamese_syllables_and_not_english_or_markless_spellings() -> None:
    assert all(is_known(w) for w in ("của", "biệt", "phái", "người", "Ủy", "phường", "huyện"))
    # in Tesseract's list but no Vietnamese syllable: a misread `biệt` as `biet` or `big` is no word
    assert not any(is_known(w) for w in ("biet", "big", "theme", "cúa", "hiệt"))


def test_a_word_split_after_its_first_letter_is_joined_on_a_scan() -> None:
    # a multifunction printer's dots read as a space after a word's first letter (`T hơ`,
    # `c hính`): a consonant alone is no word, and with the letters after it makes one. A
    # point's letter (`điểm c khoản 2`) stays; a text layer says what it says.
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.extract.lexicon import joined_letters
    from dispatch_reader.ingest.pages import PageText

    assert joined_letters("hành c hính công") == "hành chính công"
    assert joined_letters("theo điểm c khoản 2 và điểm đ khoản 1") == "theo điểm c khoản 2 và điểm đ khoản 1"
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nĐiện Biên, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\n"
            "Tăng cường công chức hành c hính cho các xã\n")
    assert extract_facts([PageText(1, text, method="ocr", ocr_confidence=0.9)]).document.subject == \
        "Tăng cường công chức hành chính cho các xã"
    assert extract_facts([PageText(1, text)]).document.subject == "Tăng cường công chức hành c hính cho các xã"
    issuer = text.replace("TỈNH ĐIỆN BIÊN", "TỈNH ĐIỆN B IÊN")
    assert extract_facts([PageText(1, issuer, method="ocr", ocr_confidence=0.9)]).document.issuer == \
        "Ủy ban nhân dân tỉnh Điện Biên"
