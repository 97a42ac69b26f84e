"""A family name read without the tone mark its ink shows (`Lương` for `Lường`), given back
from the list's one marked sibling; a bare name, or a stroke over it, is left as read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import familymarks
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline
from dispatch_reader.synth.fonts import find_font_files

# points per pixel of a page at 200 dpi, as a scan is read
SCALE = 72 / 200


def _page(printed: str, read_as: str, size: int = 36, stroke: bool = False) -> tuple[np.ndarray, list[Word]]:
    """A line of body text and, under it, `printed` in bold; its words as the page reading gave
    them (`read_as`), boxed where they are printed."""
    font = ImageFont.truetype(str(find_font_files()["-Bold"]), size)
    image = Image.new("L", (1100, 220), 255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", font=font, fill=0)
    y = 40 + int(size * 1.6)
    draw.text((40, y), printed, font=font, fill=0)
    words, x = [], 40
    for shown, read in zip(printed.split(), read_as.split()):
        box = draw.textbbox((x, y), shown, font=font)
        words.append(Word(read, *(v * SCALE for v in box), 90.0))
        x = draw.textbbox((x, y), shown + " ", font=font)[2]
    if stroke:
        # a signature's stroke sweeping over the name's first word, above its letters
        first = draw.textbbox((40, y), printed.split()[0], font=font)
        draw.line([(first[0] - 30, first[1] - 4), (first[2] + 60, first[1] - 10)], fill=0, width=3)
    return np.array(image), words


def _marked(grey: np.ndarray, words: list[Word], tmp_path: Path) -> list[str]:
    out, _ = familymarks.mark_family_names(grey, words, [(1, 1, 1)] * len(words), SCALE, IngestSettings(),
                                           Deadline(Path("page.png"), 1, 60), str(tmp_path))
    return [w.text for w in out]


def test_the_pairs_are_the_listed_names_one_tone_mark_apart() -> None:
    pairs = {bare: pair.marked for bare, pair in familymarks._pairs().items()}
    assert pairs["Lương"] == "Lường" and pairs["Giang"] == "Giàng" and pairs["Quang"] == "Quàng"
    assert pairs["La"] == "Lã" and pairs["Lư"] == "Lữ"  # `Lù` is another vowel: no sibling of `Lư`
    # both spellings marked, or the mark a dot below: no pair the ink above could settle
    assert "Hồ" not in pairs and "Hờ" not in pairs and "Ngô" not in pairs and "Hạng" not in pairs


@pytest.mark.parametrize("printed", ["Lường Văn Hoan", "Giàng Seo Vần", "Lã Thị Mai", "Quàng Văn Ơn", "Lữ Văn Bình"])
def test_a_mark_the_reading_dropped_is_given_back_from_the_ink(printed: str, tmp_path: Path) -> None:
    bare = {"Lường": "Lương", "Giàng": "Giang", "Lã": "La", "Quàng": "Quang", "Lữ": "Lư"}
    first, rest = printed.split(" ", 1)
    grey, words = _page(printed, f"{bare[first]} {rest}")
    assert _marked(grey, words, tmp_path)[0] == first


@pytest.mark.parametrize("printed", ["Lương Văn Hoan", "Giang Thị Hoa", "La Văn Sơn", "Quang Văn Tú"])
def test_a_bare_name_stays_bare(printed: str, tmp_path: Path) -> None:
    grey, words = _page(printed, printed)
    assert _marked(grey, words, tmp_path) == printed.split()


def test_a_stroke_over_a_bare_name_is_no_mark(tmp_path: Path) -> None:
    grey, words = _page("Lương Văn Hoan", "Lương Văn Hoan", stroke=True)
    assert _marked(grey, words, tmp_path) == ["Lương", "Văn", "Hoan"]


def test_only_a_word_that_opens_a_name_is_looked_at(tmp_path: Path) -> None:
    """`Quang` after a capitalised word is a middle name (`Lê Quang Vinh`), `Giang` a
    province's (`Hà Giang`): never given a family name's mark, whatever the ink."""
    grey, words = _page("Lê Quàng Vinh", "Lê Quang Vinh")
    assert _marked(grey, words, tmp_path) == ["Lê", "Quang", "Vinh"]
    grey, words = _page("Lường", "Lương")  # a family name alone is no name
    assert _marked(grey, words, tmp_path) == ["Lương"]
