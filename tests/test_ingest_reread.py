"""The signer's name line re-read alone for the marks a whole-page reading lost (issue 11):
read with the page, a bold name loses the marks above its letters (`Thanh` for `Thành`);
read as one line it keeps them. Only marks are taken, never other letters."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import namelines, tessread, unread
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.textnorm import NAME_WORD, fold

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")


def _page() -> np.ndarray:
    im = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(im)
    draw.text((1000, 1900), "CHỦ TỊCH", font=ImageFont.truetype(str(FONT), 34), fill=0)
    draw.text((940, 2080), "Phạm Đức Thành", font=ImageFont.truetype(str(FONT), 34), fill=0)
    return np.array(im)


def _read(grey: np.ndarray, tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], float]:
    settings = IngestSettings()
    scale = 72.0 / 200
    deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
    words, keys = tessread.tsv_words(tessread.run_psm(tessread.write(grey, tmp, "page"), settings, deadline, 3), scale)
    return words, keys, scale


def test_a_name_line_gets_back_the_marks_the_page_reading_lost() -> None:
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        assert [w.text for w in words][-3:] == ["Phạm", "Đức", "Thành"]
        lost = [Word(w.text.replace("Thành", "Thanh").replace("Phạm", "Pham"), w.x0, w.top, w.x1, w.bottom, w.conf)
                for w in words]
        fixed, _, reread = namelines.reread_name_lines(grey, lost, keys, scale, IngestSettings(),
                                                    tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in fixed][-3:] == ["Phạm", "Đức", "Thành"]
        assert reread >= 1
        # other letters are never taken from the re-reading: a word that differs is kept
        other = [Word("Thinh" if w.text == "Thành" else w.text, w.x0, w.top, w.x1, w.bottom, w.conf) for w in words]
        kept, _, _ = namelines.reread_name_lines(grey, other, keys, scale, IngestSettings(),
                                              tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in kept][-1] == "Thinh"


def _sealed_signing_block() -> np.ndarray:
    """A photocopied signing block: the title inside a black seal's ring with a star and a
    signature stroke across it, the name below; the body text above."""
    im = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(im)
    body = ImageFont.truetype(str(FONT), 26)
    for i, line in enumerate(["Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
                              "Chánh Văn phòng Sở và các công chức có tên chịu trách nhiệm thi hành."]):
        draw.text((200, 900 + i * 50), line, font=body, fill=0)
    draw.ellipse((980, 1500, 1380, 1900), outline=0, width=14)
    draw.ellipse((1030, 1550, 1330, 1850), outline=0, width=5)
    draw.polygon([(1180, 1640), (1215, 1740), (1120, 1680), (1240, 1680), (1145, 1740)], fill=0)
    draw.text((1040, 1620), "KT. GIÁM ĐỐC", font=ImageFont.truetype(str(FONT), 34), fill=0)
    draw.line([(1000, 1800), (1100, 1700), (1200, 1820), (1350, 1760)], fill=0, width=6)
    draw.text((1060, 1960), "Bùi Văn Hải", font=ImageFont.truetype(str(FONT), 34), fill=0)
    return np.array(im)


def test_ink_the_page_reading_skipped_is_read_again_without_the_seal() -> None:
    """A name the page reading left out (the seal made Tesseract take the block for a picture)
    is found in the ink no word covers; the ring, star and stroke are not read as letters."""
    grey = _sealed_signing_block()
    scale = 72.0 / 200
    deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, _ = _read(grey, tmp)
        body = [w for w in words if w.bottom < 1200 * scale]
        body_keys = [k for w, k in zip(words, keys) if w.bottom < 1200 * scale]
        assert body, "the body lines are read by the page reading"
        # the page reading as it goes wrong on a photocopy: nothing of the signing block
        regions = unread._unread_regions(grey, body, scale)
        assert regions and all(y0 > 1200 for _, y0, _, _ in regions)
        out, out_keys, added = unread.read_unread_ink(grey, body, body_keys, scale, IngestSettings(), deadline, tmp)
        new = [w.text for w in out[len(body):]]
        assert added == len(new) and "Hải" in new and "Bùi" in new
        assert len(out_keys) == len(out)
        # words already read are not added twice
        again, _, more = unread.read_unread_ink(grey, out, out_keys, scale, IngestSettings(), deadline, tmp)
        assert [w.text for w in again].count("Hải") == 1


def test_a_page_read_whole_leaves_nothing_to_read_again() -> None:
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, _, scale = _read(grey, tmp)
        assert unread._unread_regions(grey, words, scale) == []


def test_letters_only_paints_out_the_ring_and_keeps_the_letters() -> None:
    grey = _sealed_signing_block()[1480:2020, 960:1400]
    out = unread._letters_only(grey, 200)
    inner = out[tessread.BORDER:-tessread.BORDER, tessread.BORDER:-tessread.BORDER]
    ring = grey[:, :30] < 128  # the ring's left side
    assert ring.any() and not (inner[:, :30] < 128).any()
    name = slice(480, 530)  # the name's row band stays as it was
    assert ((grey[name] < 128) == (inner[name] < 128)).all() and (grey[name] < 128).any()


def test_a_name_line_whose_first_word_is_no_family_name_is_read_again_whole() -> None:
    """`We ThiKi Kim Ngân`: a signature's stroke across the name made the page reading garble
    its first words. No family name comes first, so the line is read again as a block and
    taken whole when that reading is a name; a line already starting with one is left alone."""
    grey = _page()
    scale = 72.0 / 200
    deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, _ = _read(grey, tmp)
        assert [w.text for w in words][-3:] == ["Phạm", "Đức", "Thành"]
        garbled = [Word({"Phạm": "We", "Đức": "DiKi"}.get(w.text, w.text), w.x0, w.top, w.x1, w.bottom, w.conf)
                   for w in words]
        fixed, fixed_keys, changed = namelines.reread_name_lines(grey, garbled, keys, scale, IngestSettings(), deadline, tmp)
        assert changed >= 1 and len(fixed_keys) == len(fixed)
        name = [w.text for w in fixed if w.top > 2000 * scale]
        assert name[0] == "Phạm" and "We" not in [w.text for w in fixed]
        # a reading that is no name is not taken: the garbled line stays as it was
        not_name = [Word({"Phạm": "We"}.get(w.text, w.text), w.x0, w.top, w.x1, w.bottom, w.conf) for w in words]
        blank = grey.copy()
        blank[int(2000 / 1):, :] = 255  # the ink under the name is gone: nothing to read again
        kept, _, _ = namelines.reread_name_lines(blank, not_name, keys, scale, IngestSettings(), deadline, tmp)
        assert "We" in [w.text for w in kept]


def test_a_name_that_lost_its_first_letter_is_read_again_whole() -> None:
    """`ũ Hải Quân`: the seal's stroke took the V. A lower-case first word is no family name;
    the line read again alone gives the name back."""
    grey = _page()
    scale = 72.0 / 200
    deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, _ = _read(grey, tmp)
        lost = [Word({"Phạm": "ạm"}.get(w.text, w.text), w.x0, w.top, w.x1, w.bottom, w.conf) for w in words]
        fixed, _, changed = namelines.reread_name_lines(grey, lost, keys, scale, IngestSettings(), deadline, tmp)
        assert changed >= 1
        assert [w.text for w in fixed if w.top > 2000 * scale][0] == "Phạm"


def test_scraps_read_from_skipped_ink_are_not_added() -> None:
    """What the page reading skipped and is no word (`NGC CC`, a lone letter) is left out."""
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 34)
    draw.text((1000, 1600), "NGC CC", font=font, fill=0)
    draw.text((1000, 1900), "V", font=font, fill=0)
    grey = np.array(im)
    with tempfile.TemporaryDirectory() as tmp:
        out, _, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                               tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert added == 0 and out == []


def test_a_title_line_is_never_replaced_by_a_name_read_near_it() -> None:
    """`KT. THỦ TƯỚNG` starts with no family name, but a line in capitals is a title, not a
    garbled name: it is not read again whole (the block around it brings in `PHÓ THỦ TƯỚNG`
    below it, and Phó is a family name too), so no line is read twice."""
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 34)
    draw.text((1000, 1900), "KT. THỦ TƯỚNG", font=font, fill=0)
    draw.text((1000, 1948), "PHÓ THỦ TƯỚNG", font=font, fill=0)
    draw.text((1000, 2120), "Lê Minh Khái", font=font, fill=0)
    grey = np.array(im)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        assert [w.text for w in words].count("PHÓ") == 1
        out, _, _ = namelines.reread_name_lines(grey, words, keys, scale, IngestSettings(),
                                                tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in out].count("PHÓ") == 1
        assert "KT." in [w.text for w in out]


def test_a_name_that_lost_its_family_name_and_its_capitals_is_read_again_whole() -> None:
    """On a fax the signature's stroke took `Đinh` and the capital of `Quỳnh`: the page reading
    gave `thị uỳnh`. A short line of bare small words at the page's foot is read again whole,
    with room on its left for the word it lost."""
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        lost = [(Word(w.text.lower(), w.x0, w.top, w.x1, w.bottom, w.conf), k) for w, k in zip(words, keys)
                if w.text != "Phạm"]
        lost_words, lost_keys = [w for w, _ in lost], [k for _, k in lost]
        assert [w.text for w in lost_words][-2:] == ["đức", "thành"]
        fixed, _, changed = namelines.reread_name_lines(grey, lost_words, lost_keys, scale, IngestSettings(),
                                                        tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert changed >= 1
        assert [w.text for w in fixed if w.top > 2000 * scale] == ["Phạm", "Đức", "Thành"]
        # a body line's tail in small letters with its punctuation is no lost name: not read again
        assert not namelines._lost_capitals([Word("hiện./.", 0, 0, 1, 1, 0.9), Word("thực", 0, 0, 1, 1, 0.9)])


def test_a_whole_reading_takes_the_marks_an_earlier_reading_of_the_line_kept() -> None:
    """The block reading got the family name (`PIấm`, one letter off `Phạm`) but lost the
    grave of `Thành`; the line read alone kept it but lost the family name. The name taken is
    the block's, with the marks the line alone kept where the letters are the same."""
    alone = [Word(t, 0, 0, 1, 1, 0.9) for t in ("prim", "Đức", "Thành")]
    assert [namelines._with_more_marks(t, i, 3, [alone]) for i, t in enumerate(["PIấm", "Đức", "Thanh"])] == \
        ["PIấm", "Đức", "Thành"]
    # other letters, or a reading of another length, give nothing
    assert namelines._with_more_marks("Thanh", 2, 3, [[Word(t, 0, 0, 1, 1, 0.9) for t in ("Đức", "Thành")]]) == "Thanh"
    assert namelines._with_more_marks("Thanh", 1, 3, [alone]) == "Thanh"


def test_a_speck_line_beside_a_name_read_already_does_not_bring_it_in_twice() -> None:
    """Seal specks read as `sae ý` just above the name: read again whole, their box takes in
    the name below them; the name is read already as its own line, so nothing is added (the
    signer came out as `Vũ Vũ Minh Minh Tuấn Tuấn`)."""
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        name = [w for w in words if w.top > 2000 * scale]
        assert [w.text for w in name] == ["Phạm", "Đức", "Thành"]
        left, right, top = min(w.x0 for w in name), max(w.x1 for w in name), min(w.top for w in name)
        specks = [Word("sae", left + 10, top - 14, right - 30, top - 6, 0.3), Word("ý", right - 28, top - 24, right - 20, top - 5, 0.3)]
        fixed, _, _ = namelines.reread_name_lines(grey, words + specks, keys + [(99, 1, 1)] * 2, scale, IngestSettings(),
                                                  tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in fixed].count("Phạm") == 1 and [w.text for w in fixed].count("Thành") == 1


def _name_read_clean(tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], float, list[tuple[Word, tuple]]]:
    """The clean page read whole: its words, their line keys, the scale, and the name line's
    words with their keys."""
    words, keys, scale = _read(_page(), tmp)
    name = [(w, k) for w, k in zip(words, keys) if w.top > 2000 * scale]
    assert [w.text for w, _ in name] == ["Phạm", "Đức", "Thành"]
    return words, keys, scale, name


def test_a_name_under_a_signatures_loop_is_read_again_in_its_own_band() -> None:
    """A signature's loop runs along the top of `Đức Thành`: the page reading kept `Phạm` and
    gave the rest in small letters, one word boxed together with the loop (twice a letter's
    height). The line is read again in the band of its other words, and the family name read
    whole stays as it was read (here the re-reading is free to misread it a letter off)."""
    im = Image.fromarray(_page())
    draw = ImageDraw.Draw(im)
    draw.line([(1060, 2074), (1240, 2072), (1250, 2000)], fill=0, width=5)  # the loop's bottom stroke
    grey = np.array(im)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale, name = _name_read_clean(tmp)
        (pham, k0), (duc, k1), (thanh, k2) = name
        stroked = [pham, Word("ức", duc.x0, duc.top, duc.x1, duc.bottom, 0.5),
                   Word("ot", thanh.x0, thanh.top - 2 * (thanh.bottom - thanh.top), thanh.x1, thanh.bottom, 0.2)]
        others = [(w, k) for w, k in zip(words, keys) if w.top <= 2000 * scale]
        fixed, _, changed = namelines.reread_name_lines(grey, [w for w, _ in others] + stroked,
                                                        [k for _, k in others] + [k0, k1, k2], scale, IngestSettings(),
                                                        tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert changed >= 1
        assert [w.text for w in fixed if w.top > 2000 * scale - 30] == ["Phạm", "Đức", "Thành"]
    tall, short = Word("ot", 0, 10, 5, 50, 0.2), [Word("Lường", 0, 30, 5, 48, 0.9), Word("ăn", 0, 34, 5, 46, 0.9)]
    assert namelines._band(short + [tall]) == (30, 48)


def test_a_name_the_page_reading_lost_a_word_of_is_taken_whole_from_its_line_read_alone() -> None:
    """A signature's stroke took `Đức` from the page reading (`Phạm Thành`): the line read
    alone gives the whole name, which holds the words read already, in order, and is taken
    with its words' places on the page."""
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        kept = [(w, k) for w, k in zip(words, keys) if w.text != "Đức"]
        fixed, fixed_keys, changed = namelines.reread_name_lines(grey, [w for w, _ in kept], [k for _, k in kept], scale,
                                                                 IngestSettings(), tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        name = [w for w in fixed if w.top > 2000 * scale]
        assert changed >= 1 and [w.text for w in name] == ["Phạm", "Đức", "Thành"]
        assert len(fixed_keys) == len(fixed)
        # placed where the name is printed (x 940 at 200 dpi), not at the crop's corner
        assert abs(name[0].x0 / scale - 940) < 20 and abs(name[0].top / scale - 2080) < 30


def test_more_of_a_name_only_when_it_holds_the_words_read_in_order() -> None:
    def m(*texts: str) -> list:
        return [NAME_WORD.match(t) for t in texts]

    def w(*texts: str) -> list[Word]:
        return [Word(t, 0, 0, 1, 1, 0.9) for t in texts]

    assert namelines._holds_more_of_name(m("Vũ", "Tuấn"), w("Vũ", "Minh", "Tuấn"), m("Vũ", "Minh", "Tuấn"))
    assert not namelines._holds_more_of_name(m("Tuấn", "Vũ"), w("Vũ", "Minh", "Tuấn"), m("Vũ", "Minh", "Tuấn"))
    assert not namelines._holds_more_of_name(m("Vũ", "Tuấn"), w("Vũ", "Tuấn"), m("Vũ", "Tuấn"))  # no more
    assert not namelines._holds_more_of_name(m("Vũ", "Tuấn"), w("Vũ", "minh", "Tuấn"), m("Vũ", "minh", "Tuấn"))
    assert not namelines._holds_more_of_name(m("Minh", "Tuấn"), w("Sao", "Minh", "Tuấn"), m("Sao", "Minh", "Tuấn"))
    assert not namelines._holds_more_of_name(m("KT", "CHỦ"), w("KT", "PHÓ", "CHỦ"), m("KT", "PHÓ", "CHỦ"))


def test_a_photocopys_specks_do_not_hide_a_name_left_unread() -> None:
    """Toner specks strewn over a photocopied page joined, once dilated, every piece of ink
    left unread into one region larger than any block missed, which was passed over: the
    name under the seal was never read again."""
    grey = _sealed_signing_block()
    rng = np.random.default_rng(3)
    ys, xs = rng.integers(0, grey.shape[0], 60000), rng.integers(0, grey.shape[1], 60000)
    grey[ys, xs] = 0  # one-pixel specks, 1.5% of the page
    scale = 72.0 / 200
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, _ = _read(_sealed_signing_block(), tmp)
        body = [w for w in words if w.bottom < 1200 * scale]
        regions = unread._unread_regions(grey, body, scale)
        # the name's line (y 1960-2000 at 200 dpi) is inside a region
        assert any(y0 <= 1965 and y1 >= 1995 and x0 <= 1070 for x0, y0, x1, y1 in regions)


def test_a_scrap_read_beside_a_whole_name_is_no_word_of_it() -> None:
    """`Nguyễn Mạnh Khương ME`: the line read alone took a seal's scrap beside the name; a
    word added must be a syllable in small letters after its capital."""
    def m(*texts: str) -> list:
        return [NAME_WORD.match(t) for t in texts]

    def w(*texts: str) -> list[Word]:
        return [Word(t, 0, 0, 1, 1, 0.9) for t in texts]

    name = ("Nguyễn", "Mạnh", "Khương")
    assert not namelines._holds_more_of_name(m(*name), w(*name, "ME"), m(*name, "ME"))
    assert not namelines._holds_more_of_name(m("Nguyễn", "Khương"), w("Nguyễn", "Mxz", "Khương"), m("Nguyễn", "Mxz", "Khương"))
    assert namelines._holds_more_of_name(m("Nguyễn", "Khương"), w(*name), m(*name))


def test_a_name_read_alone_as_syllables_replaces_one_a_stroke_garbled() -> None:
    """A signature's last stroke ran through `Mạnh Khương` at the letters' middle: the page
    read `Nguyen Marit Kht`, the line alone `Nguyen Mạnh Khương`. The alone reading is taken
    where it has as many words, each opening with the same letter, every one a syllable, and
    the page reading had words that are none."""
    def m(*texts: str) -> list:
        return [NAME_WORD.match(t) for t in texts]

    assert namelines._spells_the_name(m("Nguyen", "Marit", "Kht"), m("Nguyen", "Mạnh", "Khương"))
    assert not namelines._spells_the_name(m("Nguyễn", "Mạnh", "Khương"), m("Nguyễn", "Mạnh", "Khuông"))  # read whole
    assert not namelines._spells_the_name(m("Nguyen", "Marit", "Kht"), m("Nguyen", "Mạnh"))  # a word fewer
    assert not namelines._spells_the_name(m("Nguyen", "Marit", "Kht"), m("Nguyen", "Hạnh", "Khương"))  # another letter
    assert not namelines._spells_the_name(m("Nguyen", "Marit", "Kht"), m("Nguyen", "Mạnh", "Kbt"))  # garbled otherwise
    assert not namelines._spells_the_name(m("Ksor", "Hlim"), m("Ksor", "Hlum"))  # another people's name
    assert not namelines._spells_the_name(m("KT", "CHỦ", "TỊCH"), m("KT", "CHỦ", "TỊCH"))
    # `Th` (the rest of `Thị` under a stroke) read alone as `THẾ`: a word in capitals is no name's
    assert not namelines._spells_the_name(m("Nguyễn", "Th", "Bích", "Ngọc"), m("Nguyễn", "THẾ", "Bích", "Ngọc"))


def _reading(*texts: str, conf: float = 0.9) -> list[Word]:
    return [Word(t, 10.0 * i, 0.0, 10.0 * i + 8, 10.0, conf) for i, t in enumerate(texts)]


def test_marks_are_taken_where_two_readings_agree_on_them() -> None:
    old = ["Trinh", "Van", "Lam"]
    # two readings give `Trịnh Văn Lâm`, one loses a mark again: the two are taken
    got = namelines.voted_marks(old, [_reading("Trịnh", "Văn", "Lâm"), _reading("Trịnh", "Văn", "Lâm", conf=0.8),
                                      _reading("Trịnh", "Van", "Lâm")])
    assert [w for w, _ in got] == ["Trịnh", "Văn", "Lâm"]
    assert got[0][1] == 0.8  # the least sure of the agreeing readings
    # one reading alone (a signature's underline above `Trang` read as an acute) is no vote
    assert namelines.voted_marks(["Nguyễn", "Thị", "Thu", "Trang"], [_reading("Nguyễn", "Thị", "Thu", "Tráng")]) is None
    # readings that disagree on a word's marks (`Vính`, `Vĩnh`) leave it as it was
    assert namelines.voted_marks(["Lê", "Quang", "Vinh"], [_reading("Lê", "Quang", "Vính"), _reading("Lê", "Quang", "Vĩnh")]) is None
    # never fewer marks than the page reading saw
    assert namelines.voted_marks(["Hồ", "Sỹ", "Long"], [_reading("Ho", "Sy", "Long"), _reading("Ho", "Sy", "Long")]) is None
    # as many readings with the mark as without it: the mark (OCR loses marks, it seldom makes them)
    tie = namelines.voted_marks(["Nông", "Bích", "Van"], [_reading("Nông", "Bích", "Van"), _reading("Nông", "Bích", "Vân"),
                                                          _reading("Nông", "Bích", "Van"), _reading("Nông", "Bích", "Vân")])
    assert [w for w, _ in tie] == ["Nông", "Bích", "Vân"]
    # marks no Vietnamese word has (a tilde on a consonant) are no vote however many give them
    assert namelines.voted_marks(["Vũ", "Hải", "Quan"], [_reading("Vũ", "Hải", "Quâñ"), _reading("Vũ", "Hải", "Quâñ")]) is None
    # a mark the page reading saw is never traded for another (`Vân` is no `Vằn`)
    assert namelines.voted_marks(["Vân"], [_reading("Vằn"), _reading("Vằn")]) is None
    # a given name is never a spelling only families bear: three crops of a clean `Trân` read
    # `Trần`, Tesseract's word list's; the family name and a given name's other marks still vote
    three = [_reading("Lý", "Thị", "Bảo", "Trần")] * 3 + [_reading("Lý", "Thị", "Bảo", "Trân")]
    assert namelines.voted_marks(["Lý", "Thị", "Bảo", "Trân"], three) is None
    got = namelines.voted_marks(["Tran", "Van", "Trân"], [_reading("Trần", "Văn", "Trần")] * 2)
    assert [w for w, _ in got] == ["Trần", "Văn", "Trân"]
    # a given name read bare takes the marks all the same (`Lý`: a rare given name, listed as a
    # family's only)
    got = namelines.voted_marks(["Nguyễn", "Thị", "Ly"], [_reading("Nguyễn", "Thị", "Lý")] * 2)
    assert [w for w, _ in got] == ["Nguyễn", "Thị", "Lý"]


def _ring_touching_the_name() -> np.ndarray:
    """A signing block whose seal's ring runs into the tops of the name's letters (`Hồ Đức
    Phớc` under the ring, as on a real decree's photocopy), the title lines inside it."""
    im = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 34)
    draw.text((1000, 1620), "KT. THỦ TƯỚNG", font=font, fill=0)
    draw.text((1000, 1668), "PHÓ THỦ TƯỚNG", font=font, fill=0)
    draw.text((1000, 1905), "Hồ Đức Phớc", font=font, fill=0)
    # the ring's foot crosses the capitals' tops (the name's letters start at y ~1912)
    draw.ellipse((900, 1520, 1300, 1910), outline=0, width=8)
    return np.array(im)


def test_letter_lines_are_found_by_their_cores_and_a_ring_is_no_line() -> None:
    grey = _ring_touching_the_name()[1500:2000, 880:1500]
    lines = unread.letter_lines(grey, 200)
    # three lines: two titles and the name, top to bottom; the ring is no line of its own
    assert len(lines) == 3
    cores = [(top + 1500, bottom + 1500) for top, bottom, *_ in lines]
    assert cores[0][0] < 1668 < cores[1][1] and cores[2][0] > 1900
    # a line reaches above its core for its marks, not into the line above
    (_, core_bottom0, *_), (core_top1, _, top1, *_) = lines[0], lines[1]
    assert core_bottom0 <= top1 < core_top1


def test_a_line_alone_keeps_the_letters_a_ring_runs_into() -> None:
    grey = _ring_touching_the_name()[1500:2000, 880:1500]
    name = unread.letter_lines(grey, 200)[-1]
    core_top, core_bottom, top, bottom, left, right = name
    alone = unread.line_alone(grey, unread.larger_than_letters((grey < 128).view(np.uint8), 200), name, 200)
    painted = unread._letters_only(grey, 200)[tessread.BORDER:-tessread.BORDER, tessread.BORDER:-tessread.BORDER]
    band = slice(core_top, core_bottom)
    # inside the core, every inked pixel stays (the ring's piece holds `Đ`'s top): more ink than
    # the letters-only crop, which painted the touching letters out with the ring
    assert ((alone[core_top - top:core_bottom - top] < 128)
            == (grey[band, left:right] < 128)).all()
    assert (grey[band, left:right] < 128).sum() > (painted[band, left:right] < 128).sum()
    # above the core the ring's arc is gone
    above = slice(0, core_top - top)
    assert (alone[above] < 128).sum() < (grey[top:core_top, left:right] < 128).sum()


def _region_readings(monkeypatch: pytest.MonkeyPatch, keep: Callable[[dict], dict]) -> list[str]:
    """Patch unread.run_psm: a region's own reading (psm 3 of an `unread` image) gives what `keep`
    leaves of Tesseract's; returns the list each line read alone (psm 7) is added to."""
    run_psm = tessread.run_psm
    lines_read: list[str] = []

    def spied(path, settings, deadline, psm, *rest):  # type: ignore[no-untyped-def]
        data = run_psm(path, settings, deadline, psm, *rest)
        if psm == 3 and "unread" in path:
            return keep(data)
        if psm == 7:
            lines_read.append(" ".join(t for t in data["text"] if t.strip()))
        return data

    monkeypatch.setattr(unread, "run_psm", spied)
    return lines_read


def _nothing(data: dict) -> dict:
    return {k: [] for k in data}


def test_a_region_tesseracts_layout_calls_empty_is_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract's page segmentation said "Empty page" on a real photocopy's signing block,
    even with the ring painted out: each line of letters is then read alone, and the name
    whose letters touch the ring is read with them."""
    grey = _ring_touching_the_name()
    _region_readings(monkeypatch, _nothing)
    with tempfile.TemporaryDirectory() as tmp:
        out, out_keys, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                                      tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    texts = [w.text for w in out]
    assert added == len(out) == len(out_keys)
    assert {"Hồ", "Đức"} <= set(texts), texts
    # the title lines are read too, each a line of its own
    assert texts.count("TƯỚNG") == 2
    # the name's words stand on one line of their own, in reading order, where they are printed
    name = [(w, k) for w, k in zip(out, out_keys) if w.text in ("Hồ", "Đức")]
    assert len({k for _, k in name}) == 1 and name[0][0].x0 < name[1][0].x0
    assert abs(name[0][0].top / (72.0 / 200) - 1912) < 25 and abs(name[0][0].x0 / (72.0 / 200) - 1000) < 25


def test_regions_side_by_side_on_one_line_are_one() -> None:
    """`Hồ` and `Phớc` left as two regions (the ring took `Đức` between them) are read as one;
    a region on another line, or far along the same one, stays apart."""
    dpi = 200
    ho, phoc = (980, 1900, 1077, 1949), (1158, 1899, 1270, 1949)
    title = (980, 1606, 1364, 1712)
    far = (1158 + 300, 1900, 1600, 1950)  # 1.9 inches past `Hồ`
    assert unread._joined_along_lines([title, phoc, ho], dpi) == [title, (980, 1899, 1270, 1949)]
    assert unread._joined_along_lines([ho, far], dpi) == [ho, far]
    # three pieces of one line join whatever order they come in
    assert unread._joined_along_lines([phoc, (1290, 1902, 1330, 1950), ho], dpi) == [(980, 1899, 1330, 1950)]
    # a tall block beside a one-line region (a stamp, a seal's block) is on no line with it
    tall = (700, 1600, 940, 1950)
    assert unread._joined_along_lines([tall, ho], dpi) == [tall, ho]


def test_a_region_of_many_lines_keeps_its_lowest_for_the_name() -> None:
    im = Image.new("L", (900, 1400), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 34)
    for i in range(11):
        draw.text((40, 40 + i * 110), "KT. THỦ TƯỚNG" if i < 10 else "Hồ Đức Phớc", font=font, fill=0)
    lines = unread.letter_lines(np.array(im), 200)
    assert len(lines) == unread._UNREAD_MAX_LINES
    assert lines[-1][0] > 40 + 10 * 110  # the name's line, the last, is among them


def _clean_lines_on_grain(seed: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Two clean header lines, and the same on a photocopy's speckled grey, binarised: grain in
    clusters of 2-4 pixels strewn all round them, as an augraphy photocopy's background came out."""
    im = Image.new("L", (1654, 1000), 255)  # the top of an A4 page at 200 dpi
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 26)
    draw.text((200, 300), "CHÍNH PHỦ", font=font, fill=0)
    draw.text((200, 600), "Hà Nội, ngày 01 tháng 6 năm 2026", font=font, fill=0)
    clean = np.array(im)
    grey = clean.copy()
    rng = np.random.default_rng(seed)
    for _ in range(3000):
        y, x = int(rng.integers(60, 940)), int(rng.integers(60, 1594))
        grey[y:y + int(rng.integers(2, 5)), x:x + int(rng.integers(2, 5))] = 0
    return clean, grey


def test_a_clean_line_amid_a_copiers_grain_is_a_region_of_its_own() -> None:
    """The grain round a line left unread joined it, once dilated, into a sparse blob that was
    passed over as a haze: `CHÍNH PHỦ` and the date line were never read again. Stray specks
    go before the regions are sought; the marks by their letters stay."""
    clean, grey = _clean_lines_on_grain()
    regions = unread._unread_regions(grey, [], 72.0 / 200)
    for top, bottom in ((300, 330), (600, 630)):  # each line is a region about its own size
        assert any(y0 <= top and y1 >= bottom and y1 - y0 < 100 and x0 <= 210 for x0, y0, x1, y1 in regions), regions
    ink = unread._leftover_ink(grey, [], 72.0 / 200).astype(bool)
    clean_ink = unread._leftover_ink(clean, [], 72.0 / 200).astype(bool)
    # the letters and their marks (`Ủ`'s hook, `ộ`'s dot, pieces no larger than a speck) stay
    assert ink[clean_ink].all()
    # the grain far from the lines goes
    assert ink[100:250, 300:1500].sum() < 0.05 * (grey[100:250, 300:1500] < 128).sum()


def test_the_figures_of_a_worded_line_are_taken_and_a_lone_scrap_is_not() -> None:
    def found(*texts: tuple[str, float], line: int = 1) -> tuple[list[Word], list[tuple[int, int, int]]]:
        words = [Word(t, 10 + 60 * i, 10, 60 + 60 * i, 30, c) for i, (t, c) in enumerate(texts)]
        return words, [(1, 1, line)] * len(words)

    date = found(("Hà", 0.95), ("Nội,", 0.95), ("ngày", 0.96), ("01", 0.96), ("tháng", 0.96), ("6", 0.96),
                 ("năm", 0.96), ("2026,", 0.69))
    taken = unread._sure_new_words(*date, 0, 0, 20_000, [])
    assert [w.text for w, _ in taken] == ["Hà", "Nội,", "ngày", "01", "tháng", "6", "năm", "2026,"]
    number = found(("Số:", 0.9), ("141/NQ-CP", 0.88))
    assert [w.text for w, _ in unread._sure_new_words(*number, 0, 0, 20_000, [])] == ["Số:", "141/NQ-CP"]
    # figures alone (a signature's loops read `11 1`) or unsure ones are no words
    assert unread._sure_new_words(*found(("11", 0.9), ("1", 0.9)), 0, 0, 20_000, []) == []
    assert [w.text for w, _ in unread._sure_new_words(*found(("ngày", 0.9), ("2026", 0.3)), 0, 0, 20_000, [])] == ["ngày"]


def _date_line_and(second: str) -> np.ndarray:
    """The top of a page at 200 dpi: a date line, and `second` just under it."""
    im = Image.new("L", (1654, 1000), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 26)
    draw.text((200, 400), "Hà Nội, ngày 01 tháng 6 năm 2026", font=font, fill=0)
    draw.text((200, 445), second, font=font, fill=0)
    return np.array(im)


def test_a_line_the_regions_reading_skipped_is_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract's layout read one line of a region and skipped the other (on a speckled copy it
    read `NGHỊ QUYẾT` and not the clean date line above it): the line left without sure words
    is read alone; the line read already is not read twice."""
    grey = _date_line_and("NGHỊ QUYẾT")

    def lower_line_only(data: dict) -> dict:
        keep = [i for i, top in enumerate(data["top"]) if top > 70]
        return {k: [v[i] for i in keep] for k, v in data.items()}

    lines_read = _region_readings(monkeypatch, lower_line_only)
    with tempfile.TemporaryDirectory() as tmp:
        out, out_keys, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                                      tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    texts = [w.text for w in out]
    assert texts[:2] == ["NGHỊ", "QUYẾT"], texts
    assert texts[2:] == ["Hà", "Nội,", "ngày", "01", "tháng", "6", "năm", "2026"], texts
    assert len(lines_read) == 1  # the date line only
    assert len({k for k in out_keys[2:]}) == 1 and out_keys[2] != out_keys[0]


def test_a_line_the_page_read_already_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A region's box takes in lines the page reading has (a seal's block beside its title and
    name): those are not read alone again, only the line no word covers."""
    grey = _date_line_and("Nghị quyết của Chính phủ")
    scale = 72.0 / 200
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, _ = _read(grey, tmp)
    # the page reading has the second line but its last word: the word left unread joins the
    # date line into one region, which takes in the whole second line
    page = [(w, k) for w, k in zip(words, keys) if w.text in ("Nghị", "quyết", "của", "Chính")]
    assert len(page) == 4
    # the region's reading finds nothing sure: every line of it the page has not is read alone
    lines_read = _region_readings(monkeypatch, _nothing)
    with tempfile.TemporaryDirectory() as tmp:
        out, _, added = unread.read_unread_ink(grey, [w for w, _ in page], [k for _, k in page], scale, IngestSettings(),
                                               tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert [w.text for w in out][4:] == ["Hà", "Nội,", "ngày", "01", "tháng", "6", "năm", "2026"]
    assert lines_read and all("quyết" not in line for line in lines_read), lines_read


def test_a_figure_beside_a_word_read_already_is_no_new_word() -> None:
    """`11 1` from a signature's loops on the line of a name the page has: the name's words
    are not new, so the figures stand alone and are no words."""
    name = [Word("Bùi", 10, 10, 50, 30, 0.95), Word("Hải", 60, 10, 100, 30, 0.95)]
    found = name + [Word("11", 110, 10, 130, 30, 0.9), Word("1", 140, 10, 150, 30, 0.9)]
    assert unread._sure_new_words(found, [(1, 1, 1)] * 4, 0, 0, 20_000, list(name)) == []


def _waved(grey: np.ndarray, amplitude: float, period: float) -> np.ndarray:
    """The page with each column moved up or down along a sine: a curled sheet's line."""
    out = np.full_like(grey, 255)
    for x in range(grey.shape[1]):
        out[:, x] = np.roll(grey[:, x], int(round(amplitude * np.sin(2 * np.pi * x / period))))
    return out


def _ink_middles(line: np.ndarray, span: int) -> np.ndarray:
    ink = (line < 128).astype(float)
    rows = np.arange(line.shape[0])[:, None]
    mass = np.convolve(ink.sum(axis=0), np.ones(span), "same")
    moment = np.convolve((ink * rows).sum(axis=0), np.ones(span), "same")
    return (moment / np.maximum(mass, 1e-9))[mass > span]


def _line(text: str) -> np.ndarray:
    im = Image.new("L", (900, 140), 255)
    ImageDraw.Draw(im).text((40, 50), text, font=ImageFont.truetype(str(FONT), 34), fill=0)
    return np.array(im)


@pytest.mark.parametrize("text", ["Nguyễn Thị Quỳnh Giang", "KT. CHỦ TỊCH", "ngày 15 tháng 9 năm 2025", "Hồ Đức Phớc"])
def test_a_straight_line_is_not_flattened(text: str) -> None:
    # capitals, marks and tails move the ink's middle a little, not as a wave does
    assert unread._flattened(_line(text), 200) is None


def test_a_waved_line_is_flattened_and_a_straight_one_left_alone() -> None:
    straight = _line("Giàng Seo Phử")
    assert unread._flattened(straight, 200) is None
    waved = _waved(straight, 12, 360)
    middles = _ink_middles(waved, 41)
    assert np.ptp(middles) > 12  # the line waves up and down by more than a third of its letters
    flat = unread._flattened(waved, 200)
    assert flat is not None and flat.shape == waved.shape
    assert np.ptp(_ink_middles(flat, 41)) < np.ptp(middles) / 3
    # the ink is moved, not made: as much of it as before (bar a column's end)
    assert abs(int((flat < 128).sum()) - int((waved < 128).sum())) < 0.02 * (waved < 128).sum()


def test_a_line_read_as_nothing_is_read_again_flattened(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phone photo of a curled sheet: `Giàng seo Phử`, `seo` sunk under the line, read alone
    gave nothing at all. The line is then read flattened."""
    im = Image.new("L", (1654, 1000), 255)
    ImageDraw.Draw(im).text((600, 500), "Giàng Seo Phử", font=ImageFont.truetype(str(FONT), 34), fill=0)
    grey = _waved(np.array(im), 12, 360)
    run_psm = tessread.run_psm
    readings = []

    def waved_line_reads_as_nothing(path, settings, deadline, psm, *rest):  # type: ignore[no-untyped-def]
        data = run_psm(path, settings, deadline, psm, *rest)
        if psm == 7:
            readings.append(path)
        if "unread" in path and (psm == 3 or len(readings) == 1):
            return {k: [] for k in data}  # the layout and the first, waved, line reading: nothing
        return data

    monkeypatch.setattr(unread, "run_psm", waved_line_reads_as_nothing)
    with tempfile.TemporaryDirectory() as tmp:
        out, _, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                               tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert len(readings) == 2
    assert [fold(w.text) for w in out] == ["giang", "seo", "phu"], [w.text for w in out]


def test_a_scrap_the_page_read_over_a_line_does_not_keep_its_words_out() -> None:
    """A receipt stamp's figures over `Số: 07/2026/TT-BNV` read by the page as `bs i Lae`
    (0.02-0.41): the region's sure reading of the same ink is new all the same. A word the
    page read surely still keeps a second reading of itself out."""
    found = [Word("Số:", 71, 123, 86, 134, 0.93), Word("07/2026/TT-1", 91, 119, 159, 135, 0.69)]
    keys = [(1, 1, 1)] * 2
    scraps = [Word("bs", 78, 113, 83, 128, 0.11), Word("Lae", 140, 113, 179, 133, 0.02)]
    assert [w.text for w, _ in unread._sure_new_words(found, keys, 0, 0, 20_000, scraps)] == ["Số:", "07/2026/TT-1"]
    read = [Word("Số:", 71, 123, 86, 134, 0.93)]
    assert [w.text for w, _ in unread._sure_new_words(found, keys, 0, 0, 20_000, read)] == []


def test_the_scraps_a_regions_words_were_read_over_go() -> None:
    """The page read a stamp's ink over the middle of a date line as a scrap and the rest of
    the line not at all: the line is read again, and the scrap is no line of its own beside it."""
    grey = _date_line_and("")
    scale = 72.0 / 200
    with tempfile.TemporaryDirectory() as tmp:
        page, _, _ = _read(grey, tmp)
        at = next(w for w in page if w.text == "01")
        scrap = Word("Lae", at.x0, at.top, at.x1, at.bottom, 0.02)
        out, keys, added = unread.read_unread_ink(grey, [scrap], [(1, 1, 1)], scale, IngestSettings(),
                                                  tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    texts = [w.text for w in out]
    assert "Lae" not in texts, texts
    assert texts == ["Hà", "Nội,", "ngày", "01", "tháng", "6", "năm", "2026"], texts
    assert added == 8


def test_an_unsure_syllable_beside_two_sure_ones_is_taken() -> None:
    """A fax lost `ạ` of `Phạm`: Tesseract read `Pham` at 0.45 beside `Gia Tuc` at 0.93. Beside
    one sure word, or no syllable, it is still a scrap."""
    def found(*texts: tuple[str, float]) -> tuple[list[Word], list[tuple[int, int, int]]]:
        return [Word(t, 10 + 60 * i, 10, 60 + 60 * i, 30, c) for i, (t, c) in enumerate(texts)], [(1, 1, 1)] * len(texts)

    def taken(*texts: tuple[str, float]) -> list[str]:
        return [w.text for w, _ in unread._sure_new_words(*found(*texts), 0, 0, 20_000, [])]

    assert taken(("Pham", 0.45), ("Gia", 0.93), ("Tuc", 0.95)) == ["Pham", "Gia", "Tuc"]
    assert taken(("Pham", 0.45), ("Gia", 0.93)) == ["Gia"]
    assert taken(("Xq", 0.45), ("Gia", 0.93), ("Tuc", 0.95)) == ["Gia", "Tuc"]
    assert taken(("Pham", 0.3), ("Gia", 0.93), ("Tuc", 0.95)) == ["Gia", "Tuc"]


def test_a_line_runs_on_over_letters_a_signatures_stroke_joined_into_one_piece() -> None:
    """`Lê Minh Khải` with a signature's thin stroke drawn through `Minh Khải`: those letters
    and the stroke are one piece larger than a letter, and the line ended where the letters
    outside it did (`Lê Min`). Cut free of the stroke, they are letters that take the line's
    end out; a ring's thick side beside a line, no letter when cut so, does not."""
    grey = np.full((200, 700), 255, np.uint8)
    for x in (40, 60):                        # `Lê`: two letters on their own
        grey[70:106, x:x + 10] = 0
    stems = [86 + 24 * i for i in range(14)]   # `Minh Khải`: letters ...
    for x in stems:
        grey[70:106, x:x + 10] = 0
    grey[84:86, 86:430] = 0                   # ... the stroke through them all
    grey[40:160, 600:612] = 0                 # a ring's side beside the line, 0.6 in tall
    grey[84:88, 612:640] = 0                  # its tail touching the line's core
    big = unread.larger_than_letters((grey < 128).view(np.uint8), 200)
    assert big[90, 135] and big[100, 605]     # the joined letters and the ring: larger than letters
    (line,) = unread.letter_lines(grey, 200)
    core_top, core_bottom, top, bottom, left, right = line
    assert stems[-1] + 10 <= right < 600      # past the last joined letter, not into the ring
    alone = unread.line_alone(grey, big, line, 200)
    for x in stems:                           # each letter whole in the line read alone
        assert (alone[70 - top:106 - top, x - left:x + 10 - left] == 0).mean() > 0.95


def test_a_line_alone_keeps_letters_cut_free_of_a_stroke_and_drops_what_stays_off_its_core() -> None:
    """One piece larger than a letter: a letter's stem (its top above the line's core), a
    thin pen stroke, and a thick piece of a ring's arc above the line. Cut at the thin stroke,
    the stem is a letter reaching into the core, kept whole; the arc's piece, letter-sized now
    but nowhere in the core, goes with the stroke."""
    grey = np.full((200, 400), 255, np.uint8)
    grey[85:130, 50:60] = 0     # the stem, from above the core down to its foot
    grey[88:90, 55:200] = 0     # the pen's thin stroke
    grey[62:89, 180:230] = 0    # the arc's piece, above the core, the stroke running into it
    line = (100, 130, 60, 170, 0, 400)
    big = unread.larger_than_letters((grey < 128).view(np.uint8), 200)
    assert big[100, 55] and big[70, 200]  # all one piece larger than a letter
    alone = unread.line_alone(grey, big, line, 200)
    # the stem whole, above the core too (bar a row the cut may shave off its top)
    assert (alone[85 - 60:130 - 60, 50:60] == 0).mean() > 0.95
    assert (alone[62 - 60:89 - 60, 180:230] == 255).all()  # the arc's piece gone
    assert (alone[88 - 60:90 - 60, 100:170] == 255).all()  # the stroke gone


def test_a_name_read_again_keeps_the_marks_the_page_read_in_its_place() -> None:
    """The page read `Nguy i Ngân`; the block reading under the signature's loops gave
    `Ngấn`, the line cut out alone `Ngan`: the page's `Ngân` in the same place is kept."""
    read = [Word("Nguy", 71, 572, 113, 584, 0.84), Word("Ngân", 167, 567, 197, 584, 0.96)]
    assert namelines._as_read_there(Word("Ngan", 166, 568, 198, 585, 0.9), read) == "Ngân"
    assert namelines._as_read_there(Word("Nguyen", 70, 570, 120, 585, 0.9), read) is None  # other letters
    assert namelines._as_read_there(Word("Ngan", 300, 568, 330, 585, 0.9), read) is None   # elsewhere


def test_a_name_line_with_a_letter_of_a_rings_scrap_inside_is_read_again_whole() -> None:
    """`Nguy i Ngân`: a seal's ring and a signature's loops over `Nguyễn Thị Kim`. A lone
    small letter inside a line no family name opens is a scrap: the line is read again whole.
    Opened by a family name, the line is left to the marks' re-reading as before."""
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        garbled = [Word({"Phạm": "Phm", "Đức": "i"}.get(w.text, w.text), w.x0, w.top, w.x1, w.bottom, w.conf)
                   for w in words]
        fixed, _, changed = namelines.reread_name_lines(grey, garbled, keys, scale, IngestSettings(),
                                                        tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert changed >= 1
    assert [w.text for w in fixed if w.top > 2000 * scale] == ["Phạm", "Đức", "Thành"]


def test_a_short_name_line_under_a_paragraphs_long_lines_is_a_line_of_its_own() -> None:
    """A region that took in the last lines of the body above a signing block: the name, a
    short line, fills a fifth of a long line's rows' ink at most. Each stretch of inked rows
    is measured by its own fullest row."""
    im = Image.new("L", (1654, 500), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((40, 40), "Điều 7. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân tỉnh", font=font, fill=0)
    draw.text((40, 90), "chịu trách nhiệm thi hành Quyết định này, kể từ ngày ký ban hành và các văn bản", font=font, fill=0)
    draw.text((300, 300), "Lê Minh Hưng", font=font, fill=0)
    lines = unread.letter_lines(np.array(im), 200)
    assert len(lines) == 3
    core_top, core_bottom, *_ , left, right = lines[-1]
    assert 300 <= core_top < core_bottom <= 340 and left < 310 and right > 450


def test_a_name_line_alone_is_the_line_in_the_middle_of_its_rows_not_the_scraps_above() -> None:
    """A fax's signature and seal leave scraps in a row of their own just above the name
    (`Đinh Thị Quỳnh`): the rows read again hold both, and the name is the line in their
    middle. Taking the first line found read the scraps (`¬_—`) and lost the name."""
    im = Image.new("L", (700, 260), 255)
    draw = ImageDraw.Draw(im)
    draw.text((60, 40), "o  ~  o  ~  o", font=ImageFont.truetype(str(FONT), 26), fill=0)
    draw.text((60, 110), "Đinh Thị Quỳnh", font=ImageFont.truetype(str(FONT), 34), fill=0)
    grey = np.array(im)
    lines = unread.letter_lines(grey, 200)
    assert len(lines) == 2  # the scraps' row, then the name's
    scraps, name = lines
    # rows from the scraps' core down past the name's: the name's core is nearer their middle
    y0, y1 = scraps[0], name[1] + 30
    alone = namelines._name_line_alone(grey, 200, y0, y1)
    assert alone is not None and alone[1] == name[2]


def test_a_garbled_name_line_is_read_enlarged_when_no_reading_as_it_was_gives_a_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A fax's ragged bold name read `vu Mnh Tian`, `Va Minh Twan` by each reading at its own
    size, `Vu Minh Tuấn` enlarged twice: the enlarged reading is taken, placed where the line
    stands on the page."""
    im = Image.new("L", (1654, 2339), 255)
    ImageDraw.Draw(im).text((940, 2080), "Vũ Minh Tuấn", font=ImageFont.truetype(str(FONT), 34), fill=0)
    grey = np.array(im)
    run_psm = tessread.run_psm
    sizes: list[tuple[int, int]] = []

    def spied(path, settings, deadline, psm, *rest):  # type: ignore[no-untyped-def]
        data = run_psm(path, settings, deadline, psm, *rest)
        sizes.append(Image.open(path).size)
        if len(sizes) <= 3:  # as they were: the first word lost its capital under the stroke
            data = dict(data, text=[t.lower() for t in data["text"]])
        return data

    monkeypatch.setattr(namelines, "run_psm", spied)
    scale = 72.0 / 200
    with tempfile.TemporaryDirectory() as tmp:
        found = namelines._reread_whole_name(grey, [930, 2070, 1250, 2130], scale, IngestSettings(),
                                             tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert found is not None and len(sizes) >= 4
    assert sizes[3][0] == 2 * sizes[0][0]  # the line alone, enlarged
    assert [fold(w.text) for w in found] == ["vu", "minh", "tuan"]
    # in page points, where the name is drawn (940 px from the left, 2080 px down)
    assert abs(found[0].x0 - 940 * scale) < 10 and abs(found[0].top - 2085 * scale) < 12
    # one line, one band: a word's own box never sets it on a line of its own
    assert len({(w.top, w.bottom) for w in found}) == 1


def test_a_name_read_together_with_a_seals_foot_as_one_tall_word_is_read_again_in_its_band() -> None:
    """On a fax the seal's ring and the signature's stroke above `Phạm Đức` were boxed with
    those two words as one word four lines tall, read `Sung` (a family name, `Sùng`), beside
    `Thành` read right. What such a word reads as is no reading: the line is read again in the
    band of its other word and taken whole. Without the ink of a name there, the line stays."""
    im = Image.fromarray(_page())
    draw = ImageDraw.Draw(im)
    draw.arc([(820, 1700), (1120, 2040)], start=20, end=160, fill=0, width=6)  # the ring's foot
    draw.line([(900, 2010), (980, 1960), (1040, 2030), (1100, 1980)], fill=0, width=4)  # the stroke
    grey = np.array(im)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale, name = _name_read_clean(tmp)
        (pham, k0), (duc, _), (thanh, k2) = name
        blob = Word("Sung", pham.x0 - 40 * scale, 1900 * scale, duc.x1, duc.bottom, 0.6)
        others = [(w, k) for w, k in zip(words, keys) if w.top <= 2000 * scale]
        page_words, page_keys = [w for w, _ in others] + [blob, thanh], [k for _, k in others] + [k0, k2]
        deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
        fixed, fixed_keys, changed = namelines.reread_name_lines(grey, page_words, page_keys, scale, IngestSettings(),
                                                                 deadline, tmp)
        assert changed >= 1 and len(fixed_keys) == len(fixed)
        assert [w.text for w, k in zip(fixed, fixed_keys) if k in (k0, k2)] == ["Phạm", "Đức", "Thành"]
        # no name's ink under the tall word: nothing to take, the line is kept as it was read
        blank = grey.copy()
        blank[2060:2140, :int(duc.x1 / scale) + 5] = 255
        kept, kept_keys, _ = namelines.reread_name_lines(blank, page_words, page_keys, scale, IngestSettings(),
                                                         deadline, tmp)
        assert [w.text for w, k in zip(kept, kept_keys) if k in (k0, k2)] == ["Sung", "Thành"]


def _words(*texts: str) -> list[Word]:
    return [Word(t, 10.0 * i, 0, 10.0 * i + 8, 10, 0.9) for i, t in enumerate(texts)]


def test_a_rings_scraps_before_a_family_name_are_passed_over() -> None:
    """Where a seal's ring crosses the family name, the line read alone opens on the ring's
    scraps (`oN an _ Đoàn Văn Lực`, `››©S Ngưýễn Thị Mai`): they go when a family name follows
    them, and only then; a specks' stop after the name goes with them."""
    def past(*texts: str) -> list[str]:
        return [w.text for w in namelines.past_ring_scraps(_words(*texts))]

    assert past("oN", "an", "_", "Đoàn", "Văn", "Lực") == ["Đoàn", "Văn", "Lực"]
    assert past("››©S", "Ngưýễn", "Thị", "Mai") == ["Ngưýễn", "Thị", "Mai"]
    assert past("“A", "Tạ", "Quang", "Bửu", "-") == ["Tạ", "Quang", "Bửu"]
    assert past("án", "_Ngưiễn", "Đức", "Toàn") == ["Ngưiễn", "Đức", "Toàn"]  # one letter off Nguyễn
    # no family name after them: the line as read
    assert past("dp", "_Đoàäf", "Văn", "Lực") == ["dp", "_Đoàäf", "Văn", "Lực"]
    # a family name of two letters, a name's own leading letter: no scraps
    assert past("Lê", "Hoàng", "Nam") == ["Lê", "Hoàng", "Nam"]
    assert past("Y", "Moan", "Niê") == ["Y", "Moan", "Niê"]
    # the family name and one word more at least
    assert past("oN", "Đoàn") == ["oN", "Đoàn"]
    # a family name read in two (a real fax's `Đ ảo Ngọ Cc Dung` for `Đào Ngọc Dung`) is no scraps
    assert past("Đ", "ảo", "Ngọ", "Cc", "Dung") == ["Đ", "ảo", "Ngọ", "Cc", "Dung"]


def test_a_name_whose_family_name_a_ring_crossed_is_read_again_past_the_rings_scraps() -> None:
    """The page reading kept `Đức Thành` and a stop after it; the ring's scraps printed before
    `Phạm` are read with it whenever the line is read again: the reading is taken without them."""
    im = Image.fromarray(_page())
    draw = ImageDraw.Draw(im)
    draw.text((880, 2086), "o", font=ImageFont.truetype(str(FONT), 22), fill=0)
    draw.line([(905, 2118), (936, 2118)], fill=0, width=3)  # the ring's foot, an underscore
    grey = np.array(im)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale, name = _name_read_clean(tmp)
        (pham, k0), (duc, k1), (thanh, k2) = name
        stop = Word(".", thanh.x1 + 6, thanh.bottom - 4, thanh.x1 + 8, thanh.bottom - 2, 0.9)
        others = [(w, k) for w, k in zip(words, keys) if w.top <= 2000 * scale]
        fixed, _, changed = namelines.reread_name_lines(grey, [w for w, _ in others] + [duc, thanh, stop],
                                                        [k for _, k in others] + [k1, k2, k2], scale, IngestSettings(),
                                                        tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
        assert changed >= 1
        assert [w.text for w in fixed if w.top > 2000 * scale - 30 and w.text != "."] == ["Phạm", "Đức", "Thành"]


def test_a_name_line_beside_a_seal_read_through_as_scraps_is_read_again_whole() -> None:
    """`1) mar | iu Thành`: a black seal's ring read through a name's first words, and the
    reading cut the row in two. Beside the ring the row is read again whole from the page
    without the ring; the same scraps with no seal near them are left as read."""
    grey = _page()
    deadline = tessread.Deadline(Path("x.pdf"), 1, 60)
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        assert [w.text for w in words][-3:] == ["Phạm", "Đức", "Thành"]
        name = words[-3:]
        other_key = (keys[-1][0], keys[-1][1], keys[-1][2] + 1)
        scrap = Word("1)", name[0].x0 - 30, name[0].top, name[0].x0 - 22, name[0].bottom, 0.3)
        garbled = words[:-3] + [scrap, replace(name[0], text="mar"), replace(name[1], text="iu"), name[2]]
        garbled_keys = keys[:-3] + [keys[-1], keys[-1], other_key, other_key]
        # the ring: an inch and a half across, its foot level with the name, left of its middle
        ring = tuple(v * scale for v in (760, 1800, 1060, 2100))
        fixed, fixed_keys, changed = namelines.reread_name_lines(grey, garbled, garbled_keys, scale, IngestSettings(),
                                                                 deadline, tmp, [ring])
        assert changed >= 1 and len(fixed_keys) == len(fixed)
        assert [w.text for w in fixed if w.top > 2000 * scale] == ["Phạm", "Đức", "Thành"]
        far = tuple(v * scale for v in (200, 300, 500, 600))
        kept, _, _ = namelines.reread_name_lines(grey, garbled, garbled_keys, scale, IngestSettings(), deadline, tmp,
                                                 [far])
        assert [w.text for w in kept if w.top > 2000 * scale] == ["1)", "mar", "iu", "Thành"]


@pytest.mark.parametrize(("reading", "taken"), [
    ("Trần Văn Tâm", True), ("}>—-Trần Văn Tâm", True), ("Rơ Châm Ksor", True),
    ("Vu Mnh Tuấn", False), ("Vũ /T} Thu Hà", False), ("Nguyễn 2 Phú", False),
])
def test_a_seal_rows_reading_is_taken_only_as_a_names_words(reading: str, taken: bool) -> None:
    """A row beside a seal read again is taken only when each word, specks round it aside, is a
    syllable or a capitalised word with a vowel (another people's name, `Ksor`); else the
    line's own re-readings have it."""
    assert namelines._syllables_alone([Word(t, 0, 0, 1, 1, 0.9) for t in reading.split()]) is taken


def _ringed_row(reading: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The signing foot's words after reread_name_lines, its whole re-reading stood in for by
    `reading` (placed where the name is): a Nơi nhận item left of the ring, the name's row
    read as scraps across it."""
    # (the item's end within half a ring's width left of it)
    item = [Word("-", 196, 640, 200, 652, 0.9), Word("Như", 204, 640, 226, 652, 0.9),
            Word("Điều", 230, 640, 256, 652, 0.9), Word("3;", 260, 640, 270, 652, 0.9)]
    row = [Word("1)", 330, 640, 340, 654, 0.3), Word("mar", 346, 640, 370, 654, 0.4),
           Word("Tâm", 420, 640, 450, 654, 0.9)]
    words, keys = item + row, [(1, 1, 1)] * 4 + [(1, 2, 1)] * 3
    placed = [Word(t, 380 + 30 * k, 640, 405 + 30 * k, 654, 0.9) for k, t in enumerate(reading)]
    seen: list[list[str]] = []

    def whole(grey, box, scale, settings, deadline, tmp, family=None, read=None):  # type: ignore[no-untyped-def]
        seen.append([w.text for w in read or []])
        return placed

    monkeypatch.setattr(namelines, "_reread_whole_name", whole)
    grey = np.full((3508, 2480), 255, np.uint8)  # A4 at 300 dpi; the foot at 640 pt
    out, out_keys, _ = namelines.reread_name_lines(grey, words, keys, 72.0 / 300, IngestSettings(),
                                                    tessread.Deadline(Path("x.pdf"), 1, 60), "/tmp",
                                                    [(300.0, 560.0, 400.0, 660.0)])
    assert len(out_keys) == len(out)
    assert seen and all("3;" not in texts for texts in seen), "the Nơi nhận item left of the ring is no part of the row"
    return [w.text for w in sorted(out, key=lambda w: w.x0) if w.x0 >= 300]


def test_a_seal_rows_reading_is_taken_as_a_names_words_its_specks_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _ringed_row(["}>—-Trần", "Văn", "Tâm"], monkeypatch) == ["Trần", "Văn", "Tâm"]


def test_a_seal_rows_reading_that_is_no_names_words_leaves_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _ringed_row(["Vu", "Mnh", "Tâm"], monkeypatch) == ["1)", "mar", "Tâm"]


def test_a_word_of_another_peoples_name_beside_a_sure_syllable_is_taken() -> None:
    """A Khmer or Ê Đê name's words are no Vietnamese syllables (`Sóc Khlot`, `Y Blút`): read
    surely beside a sure syllable they are the name's, and with them the name's unsure
    syllable too; alone, in capitals (a ring's letters) or with letters no name has, scraps."""
    def found(*texts: tuple[str, float]) -> tuple[list[Word], list[tuple[int, int, int]]]:
        return [Word(t, 10 + 60 * i, 10, 60 + 60 * i, 30, c) for i, (t, c) in enumerate(texts)], [(1, 1, 1)] * len(texts)

    def taken(*texts: tuple[str, float]) -> list[str]:
        return [w.text for w, _ in unread._sure_new_words(*found(*texts), 0, 0, 20_000, [])]

    assert taken(("Sơn", 0.9), ("Khlot", 0.9)) == ["Sơn", "Khlot"]
    assert taken(("Kim", 0.45), ("Sóc", 0.92), ("Khlot", 0.9)) == ["Kim", "Sóc", "Khlot"]
    assert taken(("Phlai", 0.9), ("Drơk", 0.9)) == []  # no sure syllable on the line
    assert taken(("Sơn", 0.9), ("KHLOT", 0.9)) == ["Sơn"]  # capitals: a ring's letters
    assert taken(("Sơn", 0.9), ("Khloz", 0.9)) == ["Sơn"]
    assert taken(("Sơn", 0.9), ("Khlot", 0.5)) == ["Sơn"]
    # two syllables read glued, a letter garbled, are no name's word (a real file's photocopy)
    assert taken(("Vũ", 0.93), ("Hoaquan", 0.84)) == ["Vũ"]


def test_a_name_read_again_may_open_on_a_family_name_a_letter_off_whichever() -> None:
    """Under a seal's ring an n loses its leg (`Trar` for `Trần` … or `Trâm`?): the name read
    again is taken with it, for extraction's mending to decide; two letters off is none."""
    assert namelines._near_family("Phar") and namelines._near_family("Trar")
    assert not namelines._near_family("Strog") and not namelines._near_family("Hả")
    assert not namelines._near_family("Phan")  # a family name read right is no letter off


def test_a_number_line_read_alone_after_its_label_read_as_figures() -> None:
    """A faint copy's `Số: 412/SCT-QLTM` left unread by the page: its label read `50;` makes no
    syllable on the line, but a whole number read surely after a `Số:` as a copy reads it is
    taken. A receiving stamp's `Số: 8819` (no symbol) and a scrap before a number are not."""
    def found(*texts: tuple[str, float]) -> tuple[list[Word], list[tuple[int, int, int]]]:
        words = [Word(t, 10 + 80 * i, 10, 80 + 80 * i, 30, c) for i, (t, c) in enumerate(texts)]
        return words, [(1, 1, 1)] * len(words)

    def taken(*texts: tuple[str, float]) -> list[str]:
        return [w.text for w, _ in unread._sure_new_words(*found(*texts), 0, 0, 20_000, [])]

    assert taken(("50;", 0.74), ("412/SCT-QLTM", 0.9)) == ["50;", "412/SCT-QLTM"]
    assert taken(("S6:", 0.6), ("27/QĐ-STP", 0.88)) == ["S6:", "27/QĐ-STP"]
    assert taken(("50;", 0.74), ("8819", 0.9)) == []
    assert taken(("Lae", 0.74), ("412/SCT-QLTM", 0.9)) == []
    assert taken(("50;", 0.74), ("412/SCT-QLTM", 0.4)) == []


def _unread_with(monkeypatch: pytest.MonkeyPatch, region: list[tuple[str, int, float]],
                 line: list[tuple[str, int, float]]) -> list[str]:
    """read_unread_ink on one region whose layout reading is `region` and whose one line read
    alone is `line` ((text, slot, confidence); a slot is a word's place on the line)."""
    def words(read: list[tuple[str, int, float]]) -> tuple[list[Word], list[tuple[int, int, int]]]:
        return [Word(t, 10 + 100 * i, 40, 90 + 100 * i, 60, c) for t, i, c in read], [(1, 1, 1)] * len(read)

    readings = iter([words(region), words(line)])
    monkeypatch.setattr(unread, "_unread_regions", lambda *a: [(0, 0, 1000, 100)])
    monkeypatch.setattr(unread, "letter_lines", lambda *a: [(0, 100, 0, 100, 0, 1000)])
    monkeypatch.setattr(unread, "line_alone", lambda region, *a: region)
    monkeypatch.setattr(unread, "_flattened", lambda *a: None)
    monkeypatch.setattr(unread, "run_psm", lambda *a, **k: {})
    monkeypatch.setattr(unread, "tsv_words", lambda data, scale: next(readings))
    monkeypatch.setattr(unread, "_line_taken", lambda *a: False)
    with tempfile.TemporaryDirectory() as tmp:
        deadline = tessread.Deadline(Path("x.pdf"), 1, 600)
        out, _, _ = unread.read_unread_ink(np.full((400, 1200), 255, np.uint8), [], [], 1.0, IngestSettings(),
                                           deadline, tmp)
    return [w.text for w in sorted(out, key=lambda w: w.x0)]


def test_a_line_read_alone_mends_the_regions_scraps_of_it_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """The region's layout read four scraps of a line (`cử công | tang | hỗ`); read alone, the
    line gave its words whole. Both kept, the page had the line twice, interleaved: a word of the
    line's reading replaces the region's word it lies over where it reads better (more marks on
    the same letters, else as sure at least); a reviewer's: a worse reading (`Ngyễn`, `Nguyen`)
    never replaces a good one."""
    line = [(t, i, 0.96) for i, t in enumerate(["cử", "công", "chức", "tăng", "cường", "hỗ", "trợ"])]
    region = [("cử", 0, 0.9), ("công", 1, 0.43), ("tang", 3, 0.7), ("hỗ", 5, 0.75)]
    assert _unread_with(monkeypatch, region, line) == ["cử", "công", "chức", "tăng", "cường", "hỗ", "trợ"]
    region = [("Nguyễn", 0, 0.9), ("Thị", 1, 0.9)]
    line = [("Ngyễn", 0, 0.5), ("Thị", 1, 0.95), ("Hồng", 2, 0.95), ("Nhung", 3, 0.95)]
    assert _unread_with(monkeypatch, region, line) == ["Nguyễn", "Thị", "Hồng", "Nhung"]
    region = [("Nguyễn", 0, 0.9), ("Văn", 1, 0.9), ("Hòa", 2, 0.9)]
    line = [("Nguyen", 0, 0.95), ("Van", 1, 0.95), ("Hoa", 2, 0.95)]
    assert _unread_with(monkeypatch, region, line) == ["Nguyễn", "Văn", "Hòa"]
    # other letters replace a scrap only: a number read whole stays (our faxes: `1587/QD-UBN`)
    region = [("số", 0, 0.9), ("1587/QĐ-UBND", 1, 0.9)]
    line = [("số", 0, 0.95), ("1587/QĐ-UBN", 1, 0.95), ("ngày", 2, 0.95)]
    assert _unread_with(monkeypatch, region, line) == ["số", "1587/QĐ-UBND", "ngày"]
    # a mark read unsurely (a speck) does not replace a sure word; a scrap is not replaced by a
    # cut-off start of it (a reviewer's)
    region = [("Trần", 0, 0.96), ("Văn", 1, 0.96), ("Hai", 2, 0.96)]
    line = [("Trần", 0, 0.96), ("Văn", 1, 0.96), ("Hải", 2, 0.41)]
    assert _unread_with(monkeypatch, region, line) == ["Trần", "Văn", "Hai"]
    region = [("Lê", 0, 0.9), ("Hoàng", 1, 0.45), ("Nam", 2, 0.9)]
    line = [("Lê", 0, 0.95), ("Hoàn", 1, 0.8), ("Nam", 2, 0.95)]
    assert _unread_with(monkeypatch, region, line) == ["Lê", "Hoàng", "Nam"]
