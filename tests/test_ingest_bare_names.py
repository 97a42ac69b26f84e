"""Names the vie+eng page reading gave without their marks, read again in Vietnamese alone.
The Tesseract call is replaced by the reading it would give, so these are tests of the choice:
which words are a bare name, and which new reading is taken."""

from __future__ import annotations

import numpy as np
import pytest

from dispatch_reader.ingest import namelines
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings


def _line(text: str, key: tuple[int, int, int] = (1, 1, 1), top: float = 100.0) -> list[tuple[Word, tuple]]:
    out, x = [], 50.0
    for w in text.split():
        out.append((Word(w, x, top, x + 8 * len(w), top + 12, 0.9), key))
        x += 8 * len(w) + 6
    return out


def _page(*lines: str) -> tuple[list[Word], list[tuple[int, int, int]]]:
    pairs = [p for n, text in enumerate(lines) for p in _line(text, (1, 1, n + 1), 100.0 + 20 * n)]
    return [w for w, _ in pairs], [k for _, k in pairs]


def _names(words: list[Word], keys: list[tuple[int, int, int]]) -> list[str]:
    return [" ".join(words[i].text for i in run) for run in namelines._bare_name_runs(words, keys)]


def test_a_bare_name_is_a_family_name_and_capitalised_words() -> None:
    words, keys = _page("1 | Hoang Van Thuan | Chuyên viên Phòng Quản lý đất đai",
                        "4 Pham Quốc Khanh | Chuyên viên | Xã Trạm Tấu",
                        "Biệt phái bà Nguyễn Thị Hằng, Chuyên viên",  # marks on every word
                        "| Xã Si Ma Cai | Tư pháp - hộ tịch",  # a place after its level word
                        "Căn cứ Luật Cán bộ, Công chức",  # no family name opens it
                        "Lê Quang Vinh",  # a name alone on its line: the signer's, read otherwise
                        "Lai Chau, ngày 15 tháng 9 năm 2025",  # two words: a place as often as a name
                        "Nay Sở Noi vụ đề nghị")  # a body's words are no name's
    assert _names(words, keys) == ["Hoang Van Thuan", "Pham Quốc Khanh"]
    # a list table's cell is a line of its own to Tesseract: a name there is read again
    cell, cell_keys = _page("Vang Thi Say")
    assert _names(cell, cell_keys) == []
    rules = [[40.0, 80.0, 40.0, 130.0], [200.0, 80.0, 200.0, 130.0]]
    assert [" ".join(cell[i].text for i in run) for run in namelines._bare_name_runs(cell, cell_keys, rules)] == \
        ["Vang Thi Say"]


def _reading(texts: list[str]) -> dict[str, list]:
    n = len(texts)
    return {"text": texts, "conf": [90] * n, "left": [10 + 60 * i for i in range(n)], "top": [5] * n,
            "width": [50] * n, "height": [20] * n, "block_num": [1] * n, "par_num": [1] * n, "line_num": [1] * n}


@pytest.mark.parametrize(("read_alone", "expected"), [
    (["Hoàng", "Văn", "Thuận"], "Hoàng Văn Thuận"),  # the marks English took
    (["Hoàng", "Văn"], "Hoang Van Thuan"),  # another count of words: not the same reading
    (["Hoàng", "Vân", "Thuần"], "Hoàng Vân Thuần"),  # the same letters: its marks are taken
    (["Hoàng", "Văn", "Thuyên"], "Hoang Van Thuan"),  # other letters: not taken
])
def test_only_the_marks_of_the_same_letters_are_taken(monkeypatch: pytest.MonkeyPatch, read_alone: list[str],
                                                      expected: str) -> None:
    words, keys = _page("Quyết định biệt phái ông Hoang Van Thuan, Chuyên viên Sở Nội vụ")
    asked: list[str | None] = []

    def fake(image_path, settings, deadline, psm, languages=None):  # noqa: ANN001, ANN202
        asked.append(languages)
        return _reading(read_alone)

    monkeypatch.setattr(namelines, "run_psm", fake)
    grey = np.full((1000, 2000), 255, np.uint8)
    out, marked = namelines.mark_bare_names(grey, words, keys, 72.0 / 300, IngestSettings(), None, "/tmp")
    name = " ".join(w.text.strip(",") for w in out[5:8])
    assert name == expected
    assert marked == (expected != "Hoang Van Thuan")
    assert asked == ["vie"]  # Vietnamese alone


def test_marks_the_page_read_are_not_given_up_and_an_english_page_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(namelines, "run_psm", lambda *a, **k: _reading(["Phạm", "Quoc", "Khánh"]))
    grey = np.full((1000, 2000), 255, np.uint8)
    words, keys = _page("Biệt phái ông Pham Quốc Khanh, Chuyên viên Sở Xây dựng")
    out, marked = namelines.mark_bare_names(grey, words, keys, 72.0 / 300, IngestSettings(), None, "/tmp")
    assert marked == 0 and [w.text for w in out] == [w.text for w in words]
    # an English report's names are printed bare: its page is not read again
    monkeypatch.setattr(namelines, "run_psm", lambda *a, **k: _reading(["Nguyễn", "Văn", "Khải"]))
    words, keys = _page("The province seconded Nguyen Van Khai to Tan Phong commune for six months")
    out, marked = namelines.mark_bare_names(grey, words, keys, 72.0 / 300, IngestSettings(), None, "/tmp")
    assert marked == 0 and "Nguyen" in [w.text for w in out]
    # nor a page read in Vietnamese alone already
    words, keys = _page("Biệt phái ông Hoang Van Thuan, Chuyên viên")
    out, marked = namelines.mark_bare_names(grey, words, keys, 72.0 / 300, IngestSettings(languages="vie"), None, "/tmp")
    assert marked == 0


def test_a_page_of_scraps_with_few_sure_words_is_not_called_english() -> None:
    """Augraphy's photocopy of a signing page: dirty-drum bands read as scraps (`ie eee IE ae`,
    unsure), and the few words read surely carry no marks (`Giang Seo Van`, read so with
    English): too little to call the page English, so its names are read again in Vietnamese.
    Sure words without marks, many of them, still make a page English."""
    scraps = [Word(t, 10.0 * i, 500, 10.0 * i + 8, 512, 0.2) for i, t in
              enumerate("ie eee IE ae ee en Te ie DCL Oe na Jako Lazy ohm cae Bey eer re we Bre ott".split())]
    sure = [Word(t, 10.0 * i, 100, 10.0 * i + 8, 112, 0.95) for i, t in enumerate("Giang Seo Van PCT UBND tinh".split())]
    assert namelines.reads_vietnamese(sure + scraps, IngestSettings())
    english, _ = _page("The province seconded Nguyen Van Khai to Tan Phong commune for six months")
    assert not namelines.reads_vietnamese(english + scraps[:5], IngestSettings())
