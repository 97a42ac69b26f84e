"""A document symbol mended from the type and issuer only when what was read is a damaged
form of the one they prescribe."""

from __future__ import annotations

import pytest

from dispatch_reader.extract.docnumber import HEADER_NUMBER, clean_number, expected_symbol, mend_symbol, slash_read_as_comma


def number(text: str):
    return clean_number(HEADER_NUMBER.search(f"Số: {text}"))


@pytest.mark.parametrize("label, issuer, expected", [
    ("THÔNG TƯ", "Bộ Khoa học và Công nghệ", ("TT", "BKHCN")),
    ("NGHỊ QUYẾT", "Chính phủ", ("NQ", "CP")),
    ("QUYẾT ĐỊNH", "Thủ tướng Chính phủ", ("QĐ", "TTg")),
    ("KẾ HOẠCH", "Ủy ban nhân dân xã Mường Khoa", ("KH", "UBND")),
    ("THÔNG BÁO", "Văn phòng Ủy ban nhân dân tỉnh Lai Châu", ("TB", "VPUBND")),
    ("CÔNG VĂN", "Ủy ban nhân dân tỉnh Lai Châu", None),   # its symbol names a department
    ("LUẬT", "Quốc hội", None),                            # `04/2017/QH14`: no type part
    ("NGHỊ QUYẾT", "Quốc hội", None),                      # the term is not in the name
    ("QUYẾT ĐỊNH", "Sở Nội vụ", None),                     # a department: symbol not known
    ("QUYẾT ĐỊNH", "Ủy ban nhân dân", ("QĐ", "UBND")),
    ("QUYẾT ĐỊNH", "Ủy bạn nhân dân— xx cộnghòa", ("QĐ", "UBND")),  # a stamp's scraps glued on, a fax's
    ("TT", "Bộ Khoa học và Công nghệ", ("TT", "BKHCN")),  # the type as the number's own part says it
    ("XY", "Bộ Khoa học và Công nghệ", None),
])
def test_expected_symbol(label: str, issuer: str, expected: tuple[str, str] | None) -> None:
    assert expected_symbol(label, issuer) == expected


@pytest.mark.parametrize("read, expected, mended", [
    ("28/2026/TT", ("TT", "BKHCN"), "28/2026/TT-BKHCN"),
    ("113/N6", ("NQ", "CP"), "113/NQ-CP"),
    ("123/QĐ-TTG", ("QĐ", "TTg"), "123/QĐ-TTg"),
    ("2046/QĐ-UBN2", ("QĐ", "UBND"), "2046/QĐ-UBND"),
    ("2046/QĐ-UBND", ("QĐ", "UBND"), None),
    ("2046/QĐ-CT", ("QĐ", "UBND"), None),          # a real abbreviation is what it says
    ("2046/QĐ-CTUBND", ("QĐ", "UBND"), None),      # letters added: another symbol
    ("95/TB-VPUBND", ("TB", "UBND"), None),
    ("5/2020/TTLT-BNV-BTC", ("TTLT", "BNV"), None),  # more parts than prescribed
    ("2046/QĐ-XYZW", ("QĐ", "UBND"), None),         # nothing like it
    ("135/QĐ-BLIJTBXII", ("QĐ", "BLĐTBXH"), "135/QĐ-BLĐTBXH"),  # a fax broke H and Đ in two
    ("135/QĐ-BLIJTBXIIX", ("QĐ", "BLĐTBXH"), None),  # and a letter more: another symbol
    ("32/2021/T1-BLDTBXII", ("TT", "BLĐTBXH"), "32/2021/TT-BLĐTBXH"),  # H broken, Đ's stroke lost, T as 1
    ("144/2026/NĐ-CPs6", ("NĐ", "CP"), "144/2026/NĐ-CP"),  # a hand's figures glued after it
    ("144/2026/NĐ-CPXY", ("NĐ", "CP"), None),  # capitals after it: another symbol
    # letters or figures no symbol is written with, its first letter and length kept: the
    # prescribed one misread (a photocopy's toner over a ministry's symbol, real Gazette files)
    ("56/2026/TT-BGW9", ("TT", "BCA"), "56/2026/TT-BCA"),
    ("05/2023/TT-BLWBXMS", ("TT", "BLĐTBXH"), "05/2023/TT-BLĐTBXH"),
    ("02/2023/TB-LPQ7", ("TB", "BNG"), None),  # another first letter: a department's own, misread
    ("56/2026/TT-BGW9XY", ("TT", "BCA"), None),  # longer by three: no misreading of it
    # the type's two letters both misread on a phone photo, the body's long symbol read whole or
    # a letter off: the title's type and the issuer's symbol
    ("40/OP-SNNMT", ("QĐ", "SNNMT"), "40/QĐ-SNNMT"),
    ("40/OP-SNNMI", ("QĐ", "SNNMT"), "40/QĐ-SNNMT"),
    ("40/OP-SNBMI", ("QĐ", "SNNMT"), None),  # the body's part two letters off too: unsure
    ("40/OP-STC", ("QĐ", "STC"), None),  # a short body symbol is too little to go by
    ("40/KH-SNNMT", ("QĐ", "SNNMT"), None),  # a real type's letters: the number's own type
    ("45/KL-UBND", ("TB", "UBND"), None),  # letters no lookalikes of the title's (a reviewer's)
    ("45/GP-UBND", ("QĐ", "UBND"), None),
])
def test_mend_symbol(read: str, expected: tuple[str, str], mended: str | None) -> None:
    dn = number(read)
    out = mend_symbol(dn, expected)
    assert (out.text if out else None) == mended
    if out:
        assert (out.number, out.year, out.parts) == (dn.number, dn.year, expected)


@pytest.mark.parametrize("read, after, mended", [
    ("06/2023/TT-BI", ".ĐTBXH", "06/2023/TT-BLĐTBXH"),  # a fax broke the L into `I.`: the parse stopped there
    ("06/2023/TT-BI", ",pTBXH", "06/2023/TT-BLĐTBXH"),  # a phone photo: L broken, Đ blurred (two letters of seven)
    ("06/2023/TT-BI", ",pTBXHX", None),                  # and a letter more: another symbol
    ("06/2023/TT-BI", ",pTQXH", None),                   # three letters off: no longer it
    ("06/2023/TT-BI", ".X", None),                       # what ran on spells no part of it
    ("06/2023/TT-BI", "", None),                         # nothing ran on: too short to tell
])
def test_mend_symbol_with_the_letters_glued_after_it(read: str, after: str, mended: str | None) -> None:
    from dispatch_reader.extract.docnumber import glued_tail

    tail = glued_tail(after + " CỘNG HÒA")
    assert tail == after
    out = mend_symbol(number(read), ("TT", "BLĐTBXH"), tail)
    assert (out.text if out else None) == mended


@pytest.mark.parametrize("read, after, expected", [
    ("06/QĐ-VKSND", ".HN", ("QĐ", "VKSNDTC")),  # a real symbol read whole: another body's
    ("06/2023/TT-SL", ".ĐTBXH", ("TT", "BLĐTBXH")),  # whole with what ran on: the department's
])
def test_a_real_symbol_read_on_past_a_speck_is_not_mended(read: str, after: str, expected: tuple[str, str]) -> None:
    """A reviewer's: the mending of a symbol read on past a speck took real symbols for damaged ones."""
    assert mend_symbol(number(read), expected, after) is None


@pytest.mark.parametrize("after_label, expected", [
    ("143, UBND-VP", "143/UBND-VP"),        # a copier's grain took the slash's upper stroke
    ("143,UBND-VP V/v đề nghị", "143/UBND-VP"),
    ("1587 , QĐ-UBND", "1587/QĐ-UBND"),
    ("12, 13", None),                       # figures after the comma: a list, no symbol
    ("5, Điều 3", None),                    # a word, not a symbol
    ("143, VP-UBND", None),                 # a symbol opens with a body's or a type's part
    ("143/UBND-VP", None),                  # a slash read as one: find_header_number's
])
def test_slash_read_as_comma(after_label: str, expected: str | None) -> None:
    found = slash_read_as_comma(after_label)
    assert (found[0].text if found else None) == expected
    if found:
        assert found[1] == 0 and after_label[found[1]:found[2]].rstrip().endswith(found[0].text.split("/")[-1])
