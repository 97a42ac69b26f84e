"""A signing-block line under a black seal, read alone too unsurely for its words to be kept, is
taken as the listed wording it is a letter or two from (issue 11: photocopies and faxes lost the
signer's title on most pages, `=-#HỦ(4) TICH(80)` for `CHỦ TỊCH`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import tessread, unread
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.signing import listed_signing_line

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")


def _line(*spec: tuple[str, float]) -> list[Word]:
    out, x = [], 100.0
    for text, conf in spec:
        out.append(Word(text, x, 500, x + 12 * len(text), 520, conf))
        x += 12 * len(text) + 6
    return out


def _texts(words: list[Word] | None) -> list[str] | None:
    return None if words is None else [w.text for w in words]


def test_a_title_under_a_star_is_its_listed_wording() -> None:
    # as read on a photocopy: the star's point taken for letters before the title's `HỦ`
    read = _line(("-</", 0.38), ("=-#HỦ", 0.04), ("TICH", 0.80))
    taken = listed_signing_line(read)
    assert _texts(taken) == ["CHỦ", "TỊCH"]
    # the words keep the doubt of the reading's least sure word, under the doubt line at most
    # (so the title is marked for checking: `PHOIGIAM(69) ĐỐC(91)` passed as sure), and its place
    assert [w.conf for w in taken] == [0.04, 0.04]
    surer = listed_signing_line(_line(("PHOIGIAM", 0.69), ("ĐỐC", 0.91)))
    assert _texts(surer) == ["PHÓ", "GIÁM", "ĐỐC"] and {w.conf for w in surer} == {0.5}
    assert taken[0].x0 == read[1].x0 and taken[-1].x1 == read[-1].x1


def test_an_authority_line_with_a_ring_over_two_words() -> None:
    read = _line(("EM.", 0.27), ("ỦY", 0.91), ("BAN", 0.04), ("NHÂN", 0.04), ("DÂN", 0.96))
    assert _texts(listed_signing_line(read)) == ["TM.", "ỦY", "BAN", "NHÂN", "DÂN"]
    assert _texts(listed_signing_line(_line(("KT.", 0.9), ("BỘ", 0.3), ("TRUONG", 0.8)))) == ["KT.", "BỘ", "TRƯỞNG"]


def test_what_is_no_listed_line_is_left_as_read() -> None:
    # a ring's and a signature's scraps
    assert listed_signing_line(_line(("3)", 0.19), ("~#HÙTEM", 0.2))) is None
    assert listed_signing_line(_line(("we", 0.45), ("AG", 0.23))) is None
    # a body line is not in capitals
    assert listed_signing_line(_line(("Giám", 0.9), ("đốc", 0.9))) is None
    # no word of it read surely: nothing anchors the match
    assert listed_signing_line(_line(("HỦ", 0.2), ("TICH", 0.3))) is None
    # a sure word at an end is no scrap to drop: `PHÓ` stays, and makes it the deputy's title
    assert _texts(listed_signing_line(_line(("PHÓ", 0.9), ("CHỦ", 0.3), ("TICH", 0.4)))) == ["PHÓ", "CHỦ", "TỊCH"]
    # too far from any wording: two letters off in a title of seven
    assert listed_signing_line(_line(("HỦ", 0.9), ("TIEM", 0.3))) is None
    # wordings only marks tell apart: the one whose marks were read, none where neither's were
    assert _texts(listed_signing_line(_line(("KT.", 0.9), ("THỨ", 0.9), ("TRUONG", 0.3)))) == ["KT.", "THỨ", "TRƯỞNG"]
    assert _texts(listed_signing_line(_line(("THỦ", 0.9), ("TRƯỞN", 0.3)))) == ["THỦ", "TRƯỞNG"]
    assert listed_signing_line(_line(("THU", 0.9), ("TRUONG", 0.3))) is None
    # a word garbled is no scrap to drop, even read unsurely: `PAO` before `CIAM DOC` is the
    # deputy's `PHÓ` (a fax's), and the director's title would be a wrong one
    assert listed_signing_line(_line(("tof", 0.21), ("PAO", 0.0), ("CIAM", 0.0), ("DOC", 0.84))) is None
    # an acting signer's one-letter `Q.` is read, never a letter's slip (`Z¡ CHỦ TỊCH`, a fax's)
    assert listed_signing_line(_line(("Z¡", 0.63), ("CHỦ", 0.52), ("TỊCH", 0.93))) is None
    assert _texts(listed_signing_line(_line(("Q.", 0.9), ("CHỦ", 0.3), ("TICH", 0.8)))) == ["Q.", "CHỦ", "TỊCH"]
    # nor a signing authority made of a scrap (`I ỦY BAN NHÂN DÂN`: a reviewer's)
    assert listed_signing_line(_line(("I", 0.2), ("ỦY", 0.9), ("BAN", 0.9), ("NHÂN", 0.9), ("DÂN", 0.9))) is None
    # as near to two wordings: neither is taken
    assert listed_signing_line(_line(("KT.", 0.9), ("GIÁM", 0.9))) is None


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
def test_the_page_gets_the_title_its_line_read_alone_is_near(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the unread-ink reading of a signing block: the title line's reading alone is
    replaced by the listed wording, and the page is told which reading became which."""
    im = Image.new("L", (1654, 1200), 255)
    draw = ImageDraw.Draw(im)
    draw.text((1000, 600), "CHỦ TỊCH", font=ImageFont.truetype(str(FONT), 34), fill=0)
    grey = np.array(im)
    run_psm = tessread.run_psm

    def under_a_seal(path, settings, deadline, psm, *rest):  # type: ignore[no-untyped-def]
        data = run_psm(path, settings, deadline, psm, *rest)
        if psm == 3:
            return {k: [] for k in data}  # the region's layout read nothing, as on the copies
        # the line as a black star over its first letter reads it
        texts = [t for t in data["text"] if t.strip()]
        assert texts == ["CHỦ", "TỊCH"], texts
        for i, t in enumerate(data["text"]):
            if t == "CHỦ":
                data["text"][i], data["conf"][i] = "=-#HỦ", 4
            elif t == "TỊCH":
                data["text"][i], data["conf"][i] = "TICH", 80
        return data

    monkeypatch.setattr(unread, "run_psm", under_a_seal)
    listed: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out, _, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                               tessread.Deadline(Path("x.pdf"), 1, 60), tmp, listed)
    assert [w.text for w in out] == ["CHỦ", "TỊCH"]
    assert added == 2
    assert listed == [("=-#HỦ TICH", "CHỦ TỊCH")]
    # where it stands on the page (points at 200 dpi)
    assert abs(out[0].x0 / (72.0 / 200) - 1000) < 30
    # without the list's help, one sure word is a scrap and nothing is added
    monkeypatch.setattr(unread, "listed_signing_line", lambda found: None)
    with tempfile.TemporaryDirectory() as tmp:
        out, _, added = unread.read_unread_ink(grey, [], [], 72.0 / 200, IngestSettings(),
                                               tessread.Deadline(Path("x.pdf"), 1, 60), tmp, [])
    assert out == [] and added == 0


def test_a_listed_line_is_looked_for_in_the_signing_block_only() -> None:
    """The issuer's `ỦY BAN NHÂN DÂN` at the top, under a black receiving stamp on a photocopy,
    is read alone too (a reviewer's): it is no signing-block line to take from the list."""
    from dispatch_reader.ingest.signing import signing_part

    long_page = [(1, 1, i) for i in range(40)]
    assert not signing_part(300, 3508, long_page)  # the header of a full page
    assert signing_part(2600, 3508, long_page)  # its lower half
    assert signing_part(300, 3508, long_page[:12])  # a short last page: anywhere
