"""OCR of one page image with Tesseract (through pytesseract), words with boxes and confidences.

Every Tesseract process runs single-threaded (OMP_THREAD_LIMIT=1): on these machines the
default OpenMP threads make one page ~4x slower, and we parallelise across pages instead.
pytesseract passes our environment to the process, so setting it here covers every call.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import statistics
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from dispatch_reader import family_names
from dispatch_reader.errors import DamagedFileError, LimitExceededError, MissingDependencyError
from dispatch_reader.ingest import marks_merge, photo_ink, preprocess, sheet, tessengine
from dispatch_reader.ingest.private import die_with_parent, workspace
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.vietnamese import EDGE_PUNCT, is_syllable, score_text
from dispatch_reader.textnorm import case_blind, cased_like, fold, mark_count, marks, one_letter_off

# Below these, a page is read again after asking Tesseract's orientation detector.
_POOR_CONFIDENCE = 0.55
_POOR_SYLLABLES = 0.5
_FAIR_CONFIDENCE = 0.8
# Marks that on a scan are almost always a speck, a table rule or a signature stroke.
_NOISE_MARKS = set("|¦_„‚~^`'\"°«»")


def single_thread_env() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


@lru_cache(maxsize=8)
def installed_languages() -> frozenset[str]:
    single_thread_env()
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


def check_languages(path: Path, languages: str) -> None:
    have = installed_languages()
    missing = [lang for lang in languages.split("+") if lang and lang not in have]
    if missing:
        raise MissingDependencyError(path, f"Tesseract language data not installed: {', '.join(missing)} (have {', '.join(sorted(have))})")


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    single_thread_env()
    try:
        return str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


@dataclass
class OcrPage:
    words: list[Word]
    line_keys: list[tuple[int, int, int]]
    confidence: float | None  # mean word confidence 0..1
    rotation: int  # degrees turned clockwise to read the page upright
    skew: float  # degrees of tilt corrected
    width_pt: float
    height_pt: float
    notes: list[str] = field(default_factory=list)
    # Table rules and underlines found on the (turned, deskewed) image, in points: x0, y0, x1, y1.
    rules_h: list[list[float]] = field(default_factory=list)
    rules_v: list[list[float]] = field(default_factory=list)

    def text_for_scoring(self) -> str:
        return " ".join(w.text for w in self.words)


class _Deadline:
    def __init__(self, path: Path, page: int, seconds: float) -> None:
        self.path, self.page, self.seconds = path, page, seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            self.fail()
        return remaining

    def fail(self) -> None:
        raise LimitExceededError(self.path, f"page {self.page}: OCR did not finish within {self.seconds:g} s")


def _run(image_path: str, settings: IngestSettings, deadline: _Deadline) -> dict[str, list]:
    return _run_psm(image_path, settings, deadline, settings.psm)


def _tesseract(image_path: str, extension: str, lang: str, config: str, timeout: float) -> str:
    """Run Tesseract writing its output beside the image, in our private folder.

    Not pytesseract.image_to_*: those put `tess_*` files (the page's words) in the shared
    temp folder, readable by all and left there when we are killed; and a Tesseract we start
    must die with us (PR_SET_PDEATHSIG) rather than read on for nobody.

    A TSV read goes to the engine kept loaded (tessengine.py: the same TSV, without the
    command's start-up, which cost as much as a re-read of a line); the command runs where
    there is no engine, and wherever another command is set (pytesseract.tesseract_cmd).
    """
    engine_psm = re.fullmatch(r"-c tessedit_create_tsv=1 --psm (\d+)", config) if extension == "tsv" else None
    if engine_psm and pytesseract.pytesseract.tesseract_cmd == "tesseract":  # not for a command set by hand
        try:
            tsv = tessengine.read_tsv(image_path, lang, int(engine_psm.group(1)), timeout, tesseract_version())
        except tessengine.EngineError as exc:
            raise pytesseract.TesseractError(1, str(exc)) from None
        if tsv is not None:
            return tsv
    base = os.path.splitext(image_path)[0] + "-out"
    # as pytesseract does: the tsv and osd outputs come from the config, not a config-file name
    args = [pytesseract.pytesseract.tesseract_cmd, image_path, base, "-l", lang, *shlex.split(config)]
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                preexec_fn=functools.partial(die_with_parent, os.getpid()))
    except FileNotFoundError:
        raise pytesseract.TesseractNotFoundError() from None
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError("Tesseract process timeout") from None
    if proc.returncode:
        raise pytesseract.TesseractError(proc.returncode, " ".join(err.decode("utf-8", "replace").split()))
    output = f"{base}.{extension}"
    try:
        with open(output, encoding="utf-8") as fh:
            return fh.read()
    finally:
        try:
            os.unlink(output)
        except OSError:
            pass


def _run_psm(image_path: str, settings: IngestSettings, deadline: _Deadline, psm: int,
             languages: str | None = None) -> dict[str, list]:
    single_thread_env()
    try:
        tsv = _tesseract(image_path, "tsv", languages or settings.languages, f"-c tessedit_create_tsv=1 --psm {psm}",
                         max(deadline.left(), 0.01))
        return pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(deadline.path, "tesseract is not installed (apt-get install tesseract-ocr)") from None
    except pytesseract.TesseractError as exc:  # a RuntimeError too: must come first
        message = " ".join(str(exc.message).split())[:200]
        raise DamagedFileError(deadline.path, f"page {deadline.page}: OCR failed ({message})") from None
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        raise


def _osd_rotation(image_path: str, deadline: _Deadline) -> int | None:
    """Tesseract's orientation detector: degrees to turn clockwise, None if unsure."""
    single_thread_env()
    try:
        out = _tesseract(image_path, "osd", "osd", "--psm 0 -c min_characters_to_try=10",
                         max(deadline.left(), 0.01))
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        return None  # too few characters, or no osd data: keep the page as it is
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not conf or float(conf.group(1)) < 1.5:
        return None
    return int(rotate.group(1)) % 360


def _words(data: dict[str, list], scale: float, min_word_conf: float = 0.0) -> tuple[list[Word], list[tuple[int, int, int]]]:
    words: list[Word] = []
    keys: list[tuple[int, int, int]] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or _is_noise(text, conf):
            continue
        left, top, width, height = (float(data[k][i]) for k in ("left", "top", "width", "height"))
        if _too_narrow(text, conf, width, height):
            continue
        words.append(Word(text=text, x0=left * scale, top=top * scale, x1=(left + width) * scale,
                          bottom=(top + height) * scale, conf=round(conf / 100.0, 3)))
        keys.append((int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])))
    return words, keys


def _is_noise(text: str, conf: float) -> bool:
    """Specks and rules read as punctuation (`|`, `„`, `_`) that would split rows into cells."""
    if any(c.isalnum() for c in text):
        return False
    return conf < 50 or set(text) <= _NOISE_MARKS


def _too_narrow(text: str, conf: float, width: float, height: float) -> bool:
    """A word far narrower than its letters could be, read unsurely: a copier's streak at the
    page's edge read as `Tàn Tan` (three letters in less than a fifth of their height). Such
    words stood at the foot of a signing page and were taken for the signer."""
    letters = sum(c.isalnum() for c in text)
    return letters >= 2 and conf < 30 and width < 0.15 * height * letters


def _mean_conf(words: list[Word]) -> float | None:
    confs = [w.conf for w in words if w.conf is not None]
    return round(statistics.fmean(confs), 3) if confs else None


def _poor(words: list[Word]) -> bool:
    if len(words) < 5:
        return False  # nearly empty page: nothing to gain from turning it
    conf = _mean_conf(words) or 0.0
    if conf < _POOR_CONFIDENCE:
        return True
    # Few Vietnamese syllables alone is no sign of a turned page (English text has few);
    # together with middling confidence it is.
    return conf < _FAIR_CONFIDENCE and score_text(" ".join(w.text for w in words)).ratio < _POOR_SYLLABLES


def _write(grey: np.ndarray, folder: str, name: str) -> str:
    # BMP: written in ~2 ms (PNG ~40-100 ms) and read by Tesseract faster than PGM.
    target = os.path.join(folder, name + ".bmp")
    cv2.imwrite(target, grey)
    return target


def _small(grey: np.ndarray, dpi: float) -> np.ndarray:
    factor = min(1.0, 150.0 / dpi)
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey


def _fill_narrow_columns(grey: np.ndarray, rules_v: list[list[float]], words: list[Word],
                         keys: list[tuple[int, int, int]], scale: float, settings: IngestSettings,
                         deadline: _Deadline, tmp: str) -> tuple[list[Word], list[tuple[int, int, int]]]:
    """Re-read narrow ruled columns (STT) as one block each.

    Page segmentation drops lone digits standing in narrow cells, so the row numbers of a
    list table vanish; read as a single block (psm 6) the strip gives them back.
    """
    long_rules = [r for r in rules_v if r[3] - r[1] > 50]
    xs = sorted({round((r[0] + r[2]) / 2, 1) for r in long_rules})
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > 4:
            merged.append(x)
    out_words, out_keys = list(words), list(keys)
    for left, right in zip(merged, merged[1:]):
        if not 8 < right - left < 60:  # points: narrow enough to be a number column
            continue
        column = [r for r in long_rules if left - 4 <= (r[0] + r[2]) / 2 <= left + 4]
        top, bottom = min(r[1] for r in column), max(r[3] for r in column)
        inside = [i for i, w in enumerate(out_words) if left <= (w.x0 + w.x1) / 2 <= right and top <= w.top <= bottom]
        px = [int(v / scale) for v in (left, top, right, bottom)]
        strip = grey[max(px[1], 0):px[3], max(px[0] + 2, 0):px[2] - 1]
        if strip.size == 0:
            continue
        data = _run_psm(_write(strip, tmp, "strip"), settings, deadline, 6)
        found, _ = _words(data, scale)
        if len(found) <= len(inside):
            continue
        keep = [i for i in range(len(out_words)) if i not in set(inside)]
        out_words = [out_words[i] for i in keep]
        out_keys = [out_keys[i] for i in keep]
        dx, dy = (px[0] + 2) * scale, px[1] * scale
        for n, w in enumerate(found):
            out_words.append(Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf))
            out_keys.append((10_000 + n, 0, 0))
    return out_words, out_keys


SHORT_PAGE_LINES = 30
_NAME_WORD = re.compile(r"^[^\w]*([^\W\d_][^\W\d_]*)[^\w]*$")


def _reread_name_lines(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                       settings: IngestSettings, deadline: _Deadline,
                       tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], int]:
    """Re-read short lines of capitalised words in the lower half of the page, or anywhere on a
    short page (the signer's title and name), one line at a time, and take the marks that
    reading gives.

    Read with the whole page, a bold name line loses the marks above its letters (`Phạm Đức
    Thanh` for `Thành`, `Trinh Van Lam` for `Trịnh Văn Lâm`); read alone (psm 7) it keeps them.
    Only the marks are taken: the words must be the same letters, as many, and the new reading
    must carry more marks. A line whose first word is no family name at all is read again as a
    block instead and taken whole when that reading is a name (`_reread_whole_name`); so is a
    line whose family name was read whole but whose other words lost their capitals to a
    signature's stroke (`Lường ăn ot`), in the band of its own words' height.
    Returns the words, their line keys and how many lines were re-read to effect."""
    height = grey.shape[0] * scale
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    changed = 0
    out = list(words)
    replaced: dict[tuple[int, ...], list[Word]] = {}
    for idx in lines.values():
        line = [out[i] for i in idx]
        texts = [_NAME_WORD.match(w.text) for w in line]
        # the signing block: the lower half of a page, or anywhere on a short page (the last
        # page of a document that ran over holds little more than it)
        if not 2 <= len(line) <= 6 or not all(texts) or (min(w.top for w in line) < height / 2
                                                          and len(lines) > SHORT_PAGE_LINES):
            continue
        capital = texts[0].group(1)[0].isupper()
        # a family name read whole and small letters after it that have no capital of the same
        # shape: the capitals a signature's stroke took (`Lường ăn ot` for `Lường Văn Hoan`)
        stroked = capital and _family_first([texts[0].group(1)]) and _lost_capitals(line) and any(
            not m.group(1)[0].isupper() and not case_blind(m.group(1)) for m in texts[1:])
        # a letter alone inside the line is a ring's or a stroke's scrap (`Nguy i Ngân`) when no
        # family name opens it: the whole reading below mends it
        scrap = not _family_first([texts[0].group(1)])
        if not stroked and not all(m.group(1)[0].isupper() or case_blind(m.group(1)) or (scrap and len(m.group(1)) == 1)
                                   for m in texts[1:-1]):
            continue
        if not stroked and not texts[-1].group(1)[0].isupper() and (capital or not _lost_capitals(line)):
            continue
        # a lower-case first word is a name's first letter lost under a stroke (`ũ Hải Quân`),
        # and on a fax the stroke can take the last word's capital too (`thị uỳnh` for `Đinh
        # Thị Quỳnh`): only a whole new reading can mend it
        x0, x1 = min(w.x0 for w in line), max(w.x1 for w in line)
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        pad = bottom - top
        box = [int(v / scale) for v in (x0 - pad, top - pad / 2, x1 + pad, bottom + pad / 2)]
        crop = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
        if crop.size == 0:
            continue
        old = " ".join(m.group(1) for m in texts)
        fuller: list[Word] | None = None
        sounder: list[Word] | None = None
        same: list[list[Word]] = []  # readings of the same letters, word for word
        # the line's own height, not that of a word a stroke above it inflated
        band_top, band_bottom = _band(line)
        # (image, enlarged k times, its left and top on the page in pixels)
        crops: list[tuple[np.ndarray, int, int, int]] = []
        wide: tuple[np.ndarray, int, int, int] | None = None
        if capital and not stroked:
            tight_top = max(int((band_top - pad / 4) / scale), 0)
            tight = grey[tight_top:int((band_bottom + pad / 4) / scale), max(box[0], 0):box[2]]
            framed = cv2.copyMakeBorder(tight, _BORDER, _BORDER, _BORDER, _BORDER, cv2.BORDER_CONSTANT, value=255)
            # as it is, then twice as large (a small bold name keeps its marks better enlarged);
            # then the same cut to the line's band (a stroke's leftover above it read as a mark)
            at, framed_at = (max(box[0], 0), max(box[1], 0)), (max(box[0], 0) - _BORDER, tight_top - _BORDER)
            crops = [(crop, 1, *at), (crop, 2, *at), (framed, 1, *framed_at), (framed, 2, *framed_at)]
            if any(not is_syllable(m.group(1)) for m in texts):
                # a word garbled under a stroke may be read shorter than it is printed (`Kht` for
                # `Khương`): the band once more with room after the last word, for its syllables
                right = min(int((x1 + 3 * pad) / scale), grey.shape[1])
                band = grey[tight_top:int((band_bottom + pad / 4) / scale), max(box[0], 0):right]
                wide = (cv2.copyMakeBorder(band, _BORDER, _BORDER, _BORDER, _BORDER, cv2.BORDER_CONSTANT, value=255),
                        2, *framed_at)

        def read(image: np.ndarray, k: int) -> tuple[list[Word], list[re.Match[str] | None]]:
            if k > 1:
                image = cv2.resize(image, None, fx=k, fy=k, interpolation=cv2.INTER_CUBIC)
            found, _ = _words(_run_psm(_write(image, tmp, "line"), settings, deadline, 7), scale / k)
            return found, [_NAME_WORD.match(w.text) for w in found]

        for n, (image, k, left, upper) in enumerate(crops):
            found, new_texts = read(image, k)
            if n < 2 and fuller is None and _holds_more_of_name(texts, found, new_texts):
                fuller = _placed(found, left, upper, scale)
            if sounder is None and _spells_the_name(texts, new_texts):
                sounder = _placed(found, left, upper, scale, texts)
            if len(found) == len(line) and all(new_texts) and \
                    fold(" ".join(m.group(1) for m in new_texts)) == fold(old):
                same.append([Word(m.group(1), w.x0, w.top, w.x1, w.bottom, w.conf) for w, m in zip(found, new_texts)])
        if sounder is None and wide is not None:
            image, k, left, upper = wide
            found, new_texts = read(image, k)
            if _spells_the_name(texts, new_texts):
                sounder = _placed(found, left, upper, scale, texts)
        marked = voted_marks([m.group(1) for m in texts], same)
        if marked is None and fuller is not None:
            replaced[tuple(idx)] = fuller  # `Vũ Tuấn`: the page reading lost `Minh` under a stroke
            changed += 1
            continue
        if marked is None and sounder is not None:
            replaced[tuple(idx)] = sounder  # `Nguyen Marit Kht`: a stroke through `Mạnh Khương`
            changed += 1
            continue
        if marked is None:
            # a title line in capitals (`KT. THỦ TƯỚNG`) is no garbled name
            if (stroked or not _family_first([m.group(1) for m in texts])) and not old.isupper():
                if stroked:
                    pad = band_bottom - band_top
                    box = [int(v / scale) for v in (x0 - pad, band_top - pad / 2, x1 + pad, band_bottom + pad / 2)]
                whole = _reread_whole_name(grey, box, scale, settings, deadline, tmp,
                                           texts[0].group(1) if stroked else None, line)
                others = [w for i, w in enumerate(out) if i not in idx]
                if whole is not None and any(_overlaps(a, b) for a in whole for b in others):
                    whole = None  # the name beside a speck line, read already as its own line
                if whole is not None:
                    replaced[tuple(idx)] = whole
                    changed += 1
            continue
        for i, (word, conf) in zip(idx, marked):
            original = out[i]
            out[i] = Word(original.text.replace(_NAME_WORD.match(original.text).group(1), word),
                          original.x0, original.top, original.x1, original.bottom, original.conf if conf is None else conf)
        changed += 1
    if not replaced:
        return out, list(keys), changed
    gone = {i for idx in replaced for i in idx}
    out_keys = [k for i, k in enumerate(keys) if i not in gone]
    out = [w for i, w in enumerate(out) if i not in gone]
    for idx, line in replaced.items():
        out.extend(line)
        out_keys.extend([keys[idx[0]]] * len(line))
    return out, out_keys, changed


# a page whose words carry marks this often is Vietnamese (an English report's carry almost none)
_VIETNAMESE_PAGE = 0.2
# words in a person's name: two-word runs are places and bodies as often (`Lai Châu,` before
# its date, `Đoàn Thanh` niên), so three at least
_NAME_RUN = (3, 5)
# words that open a body's name, never inside a person's (`Nay Sở Nội vụ`, `Do Sở Tài chính`)
_BODY_WORDS = frozenset({"Sở", "Phòng", "Ban", "Trưởng", "Chánh", "Ủy", "Cục", "Vụ", "Bộ", "Viện", "Trường",
                         "Hội", "Đoàn", "Tổng", "Trạm", "Đội", "Nghề", "Thành", "Phố", "Thị", "Trấn"})
# words a place's name follows (`Xã Si Ma Cai`): what comes next is no person's name
_PLACE_LEVELS = frozenset({"xa", "phuong", "tinh", "huyen", "quan", "thon", "ban", "to", "ap", "lang"})


def _bare_name_runs(words: list[Word], keys: list[tuple[int, int, int]],
                    rules_v: list[list[float]] | None = None) -> list[list[int]]:
    """Runs of three to five neighbouring words of one line, each capitalised, none a body's
    word, the first a family name, one or more of them with no mark at all: a name whose marks
    the page reading lost (`Hoang Van Thuan`, `Pham Quốc Khanh`, `Vang Thi Say` in a list
    table). The capitalised
    words after a level word are a place's (`Xã Si Ma Cai`), not a name; a line that is a name
    alone is the signer's, which `_reread_name_lines` reads again its own way (a fax's speck
    read in Vietnamese alone makes `Vinh` `Vĩnh`), unless it stands in a ruled table's cell
    (Tesseract reads each cell as a line of its own). `rules_v`: the page's vertical rules,
    in points."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    runs: list[list[int]] = []
    for idx in lines.values():
        run: list[int] = []
        place = False
        for i in sorted(idx, key=lambda i: words[i].x0) + [-1]:
            m = _NAME_WORD.match(words[i].text) if i >= 0 else None
            word = m.group(1) if m else ""
            capital = bool(word) and word[0].isupper() and word[1:].islower()
            if capital and run and not place and not _ends_phrase(words[run[-1]].text) and word not in _BODY_WORDS:
                run.append(i)
                continue
            # a line that is the name alone is a signer's, re-read already (_reread_name_lines)
            if _NAME_RUN[0] <= len(run) <= _NAME_RUN[1] and (len(run) < len(idx) or _in_cell(
                    [words[k] for k in run], rules_v or [])) and any(
                    mark_count(_NAME_WORD.match(words[k].text).group(1)) == 0 for k in run):
                runs.append(run)
            run = []
            if word and fold(word) in _PLACE_LEVELS:
                place = True
            elif not capital:
                place = False
            elif not place and _opens_name(word):
                run = [i]
    return runs


def _in_cell(line: list[Word], rules_v: list[list[float]]) -> bool:
    """Do vertical rules stand left and right of the words, across their height?"""
    middle = (min(w.top for w in line) + max(w.bottom for w in line)) / 2
    crossing = [(r[0] + r[2]) / 2 for r in rules_v if min(r[1], r[3]) <= middle <= max(r[1], r[3])]
    return any(x <= line[0].x0 for x in crossing) and any(x >= line[-1].x1 for x in crossing)


def _ends_phrase(text: str) -> bool:
    """A word with a comma, stop or bracket after it ends a name (`Thuận, Chuyên viên`)."""
    return text.rstrip()[-1:] in ",.;:)|"


def _opens_name(word: str) -> bool:
    """A family name as listed, or its letters bare (`Xã` is no `Xa`, `Hoang` may be `Hoàng`)."""
    return word.lower() in family_names.lowered() or (mark_count(word) == 0 and fold(word) in _families())


def _reads_vietnamese(words: list[Word], settings: IngestSettings) -> bool:
    """Read in Vietnamese and another language, and Vietnamese by its words' marks (an English
    report's carry almost none)."""
    langs = settings.languages.split("+")
    if "vie" not in langs or len(langs) < 2:
        return False
    alpha = [w for w in words if w.text.isalpha()]
    return bool(alpha) and sum(1 for w in alpha if mark_count(w.text)) >= _VIETNAMESE_PAGE * len(alpha)


def _mark_bare_names(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                     settings: IngestSettings, deadline: _Deadline, tmp: str,
                     rules_v: list[list[float]] | None = None) -> tuple[list[Word], int]:
    """Names the page reading gave without a mark, read again alone in Vietnamese, and their
    marks taken.

    Read with `vie+eng`, Tesseract takes a Vietnamese name it can spell in English for English
    and drops its marks (`Vang Thi Say` for `Vàng Thị Say`, most often in a list table's cells);
    read alone in Vietnamese it keeps them. Only the marks are taken: the same letters, as many
    words, each a syllable. Not on a page that reads as English (an English report's names
    are printed bare)."""
    if not _reads_vietnamese(words, settings):
        return words, 0
    out = list(words)
    marked = 0
    for run in _bare_name_runs(words, keys, rules_v):
        line = [out[i] for i in run]
        old = [_NAME_WORD.match(w.text).group(1) for w in line]
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        pad = bottom - top
        box = [int(v / scale) for v in (line[0].x0 - pad, top - pad / 2, line[-1].x1 + pad, bottom + pad / 2)]
        crop = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
        if crop.size == 0:
            continue
        found, _ = _words(_run_psm(_write(crop, tmp, "name"), settings, deadline, 7, "vie"), scale)
        new = [m.group(1) if (m := _NAME_WORD.match(w.text)) else "" for w in found]
        if len(new) != len(old) or not all(new) or not all(is_syllable(w) for w in new):
            continue
        if fold(" ".join(new)) != fold(" ".join(old)) or mark_count(" ".join(new)) <= mark_count(" ".join(old)):
            continue
        if any(mark_count(n) < mark_count(o) for n, o in zip(new, old)):
            continue  # marks the page reading saw are not given up
        for i, word, was in zip(run, new, old):
            w = out[i]
            out[i] = Word(w.text.replace(was, word), w.x0, w.top, w.x1, w.bottom, w.conf)
        marked += 1
    return out, marked


# readings that must give a word's marks alike before they are taken
_AGREEING_READINGS = 2


def voted_marks(old: list[str], readings: list[list[Word]]) -> list[tuple[str, float | None]] | None:
    """The words of a line read without some of their marks, with the marks that at least two
    readings of the same letters agree on (each word with the least sure of those readings'
    confidences, or None where it stays as it was); None when no word gains a mark.

    One reading alone may take a stroke's leftover above a word for a mark (`Tráng` under a
    signature's underline, `Vĩnh` where another reading gives `Vính`): the print's marks come
    back alike from crops of another size and height, a leftover's do not. Of two forms with
    as many readings, the one with more marks; a word is never given fewer marks than the page
    reading saw."""
    out: list[tuple[str, float | None]] = []
    gained = False
    for i, word in enumerate(old):
        forms: dict[str, list[float]] = {}
        for reading in readings:
            forms.setdefault(reading[i].text, []).append(reading[i].conf or 0.0)
        # OCR loses a mark far more often than it makes one up: as many readings for a word
        # with the mark as without it give the mark
        ranked = sorted(((len(confs), mark_count(form), form) for form, confs in forms.items()
                         if len(confs) >= _AGREEING_READINGS and mark_count(form) > mark_count(word)
                         and is_syllable(form) and marks(word) <= marks(form)), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[1][:2] < ranked[0][:2]):
            top = ranked[0][2]
            out.append((top, min(forms[top])))
            gained = True
        else:
            out.append((word, None))
    return out if gained else None


def _holds_more_of_name(texts: list[re.Match[str]], found: list[Word], new_texts: list[re.Match[str] | None]) -> bool:
    """A line read alone that gives a name with one or two words more than the page reading
    had, those words among them in order: a family name first, every word capitalised, at
    most four; a word added is a syllable in small letters after its capital (not `ME`, a
    seal's scrap read beside the name)."""
    if not len(texts) < len(found) <= min(len(texts) + 2, 4) or not all(new_texts):
        return False
    words = [m.group(1) for m in new_texts if m]
    if not all(w[0].isupper() for w in words) or not _family_first(words) or " ".join(words).isupper():
        return False
    # the words read already, in order, and what is left over: the words added
    added: list[str] = []
    old = iter(fold(m.group(1)) for m in texts)
    want = next(old, None)
    for w in words:
        if want is not None and fold(w) == want:
            want = next(old, None)
        else:
            added.append(w)
    return want is None and all((len(a) == 1 or a[1:].islower()) and is_syllable(a) for a in added)


def _placed(found: list[Word], left: int, upper: int, scale: float,
            read: list[re.Match[str]] | None = None) -> list[Word]:
    """Words read in a crop whose corner is at (left, upper) pixels, put where they are on the
    page. A word the page reading (`read`) gave with the same letters and more marks keeps
    them (`Vần`, where the line alone read `Van`)."""
    out = []
    for i, w in enumerate(found):
        text = w.text
        if read is not None:
            old = read[i].group(1)
            if fold(old) == fold(text) and mark_count(old) > mark_count(text):
                text = old
        out.append(Word(text, w.x0 + left * scale, w.top + upper * scale, w.x1 + left * scale,
                        w.bottom + upper * scale, w.conf))
    return out


def _spells_the_name(texts: list[re.Match[str]], new_texts: list[re.Match[str] | None]) -> bool:
    """A line read alone that spells as syllables the name the page reading garbled under a
    signature's stroke (`Nguyen Mạnh Khương` for `Nguyen Marit Kht`): as many words, each
    opening with the same letter, capitalised, a family name first, and every word it reads
    otherwise a syllable where the page reading's was none. A name of another people's
    (`Ksor`, `H'Bia`) reads as no syllable either way and keeps the page reading."""
    if len(new_texts) != len(texts) or not all(new_texts):
        return False
    old = [m.group(1) for m in texts]
    new = [m.group(1) for m in new_texts if m]
    if not all(w[0].isupper() for w in new) or " ".join(new).isupper() or not _family_first(new):
        return False
    if not all(fold(a[0]) == fold(b[0]) for a, b in zip(old, new)):
        return False
    # the words read otherwise: each a garbled one read as a syllable (`Nguyen`, the same
    # letters both ways, is not judged)
    # (a word in capitals inside a name is a scrap read so: `THẾ` for the `Th` of `Thị`)
    changed = [(a, b) for a, b in zip(old, new) if fold(a) != fold(b)]
    return bool(changed) and all(not is_syllable(a) and is_syllable(b) and (len(b) == 1 or b[1:].islower())
                                 for a, b in changed)


def _band(line: list[Word]) -> tuple[float, float]:
    """Top and bottom of a line from its words, leaving out a word twice as tall as the others
    (`ot` read together with the signature's loop above it)."""
    heights = [w.bottom - w.top for w in line]
    usual = statistics.median(heights)
    kept = [w for w, h in zip(line, heights) if h <= 1.5 * usual] or line
    return min(w.top for w in kept), max(w.bottom for w in kept)


def _lost_capitals(line: list[Word]) -> bool:
    """A short line in small letters that may be a name whose capitals a stroke took: two to
    four bare words, no punctuation (a body line's tail, `hợp thực hiện./.`, has some)."""
    return len(line) <= 4 and all(w.text.isalpha() for w in line)


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    return frozenset(fold(name) for name in family_names.listed())


def _family_first(words: list[str]) -> bool:
    return bool(words) and fold(words[0]) in _families()


def _reread_whole_name(grey: np.ndarray, box: list[int], scale: float, settings: IngestSettings,
                       deadline: _Deadline, tmp: str, family: str | None = None,
                       read: list[Word] | None = None) -> list[Word] | None:
    """A name line the page reading garbled (a signature's stroke across its first word: `We
    ThiKi Kim Ngân`) read again as a block with some room above it; the reading is taken only
    if it has a line that is a name: a known family name first, capitalised name words. A word
    the page reading (`read`) gave in the same place with the same letters keeps its marks."""
    x0, y0, x1, y1 = box
    # the page reading may have lost a whole word, the family name first of all (`thị uỳnh`
    # for `Đinh Thị Quỳnh`): room for one on either side
    left = max(x0 - 2 * (y1 - y0), 0)
    x1 = min(x1 + (y1 - y0), grey.shape[1])
    # the line alone (psm 7), then with the line above it as a block (psm 6): a stroke that
    # crosses both reads best one way or the other
    # then, a seal's ring and a signature's loops touching the name's letters (`NguyÊP-Tfý` for
    # `Nguyễn Thị`), the line cut out alone with the pieces larger than a letter taken off it
    earlier: list[list[Word]] = []
    tall = (max(y0 - (y1 - y0), 0), y1 + (y1 - y0) // 2)
    for top, bottom, psm in ((max(y0, 0), y1, 7), (*tall, 6), (*tall, 0)):
        crop = grey[top:bottom, left:x1]
        if crop.size == 0:
            return None
        if psm == 0:
            crop = _name_line_alone(crop, 72.0 / scale, y0 - top, y1 - top)
            if crop is None:
                break
            top, left = top + crop[1], left + crop[2]
            crop, psm = crop[0], 7
        framed = cv2.copyMakeBorder(crop, _BORDER, _BORDER, _BORDER, _BORDER, cv2.BORDER_CONSTANT, value=255)
        found, found_keys = _words(_run_psm(_write(framed, tmp, "nameblock"), settings, deadline, psm), scale)
        lines: dict[tuple[int, int, int], list[Word]] = {}
        for w, k in zip(found, found_keys):
            lines.setdefault(k, []).append(w)
        dx, dy = (left - _BORDER) * scale, (top - _BORDER) * scale
        top_pt, bottom_pt = y0 * scale, y1 * scale
        for line in reversed(list(lines.values())):
            names = [_NAME_WORD.match(w.text) for w in line]
            if not 2 <= len(line) <= 6 or not all(names) or not all(m.group(1)[0].isupper() for m in names):
                continue
            text = " ".join(m.group(1) for m in names)
            # the line read again, not its neighbour (the title above, `PHÓ THỦ TƯỚNG`: Phó is
            # a family name too, but a name is not printed in capitals under a title)
            first = text.split()[0]
            # the family name the page reading gave whole, read again a letter off (`Luang` for
            # `Lường`, where `Quang` is one letter off too)
            kept = family if family and fold(first) != fold(family) and one_letter_off(
                fold(first), {fold(family)}, min_len=2) else None
            if not (kept or _family_first([first]) or one_letter_off(fold(first), _families())) or text.isupper():
                continue
            if min(w.top for w in line) + dy >= bottom_pt or max(w.bottom for w in line) + dy <= top_pt:
                continue
            placed = [Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf) for w in line]
            return [replace(w, text=kept if kept and i == 0 else _as_read_there(w, read or [])
                            or _with_more_marks(w.text, i, len(line), earlier)) for i, w in enumerate(placed)]
        earlier.extend(lines.values())
    return None


def _name_line_alone(crop: np.ndarray, dpi: float, y0: int, y1: int) -> tuple[np.ndarray, int, int] | None:
    """The line of letters whose core lies in rows y0..y1 of the crop, cut out alone as a
    region's line is (`_line_alone`): (image, its top, its left in the crop), or None."""
    big = _larger_than_letters((crop < 128).view(np.uint8), dpi)
    for line in _letter_lines(crop, dpi):
        core_top, core_bottom, top, _, left, _ = line
        if y0 <= (core_top + core_bottom) // 2 <= y1:
            return _line_alone(crop, big, line, dpi), top, left
    return None


def _as_read_there(word: Word, read: list[Word]) -> str | None:
    """The page reading's word in the same place with the same letters and marks (`Ngân`,
    where a block reading under a signature's loops gave `Ngấn`): read in its page's light, it
    is the surer of the two."""
    for old in read:
        if _overlaps(word, old) and fold(old.text) == fold(word.text) and mark_count(old.text):
            return cased_like(old.text, word.text)
    return None


def _with_more_marks(text: str, i: int, n: int, earlier: list[list[Word]]) -> str:
    """Word i of an n-word name reading, with the marks of an earlier reading of the same
    line that had the same letters there and more marks (the line alone kept `Thành` where
    the block reading, the one that got the family name right, gave `Thanh`)."""
    best = text
    for line in earlier:
        if len(line) == n and fold(line[i].text) == fold(best) and mark_count(line[i].text) > mark_count(best):
            best = line[i].text
    return best


# Ink the page reading left without words: a region at least this large (inches) is read
# again on its own. Smaller leftovers are specks, rules' ends, stray strokes.
_UNREAD_MIN_IN = 0.25
_UNREAD_MAX_REGIONS = 4
# words taken from such a region must be read this surely (a seal's ring or a signature's
# strokes read as letters come out far below it)
_UNREAD_MIN_CONF = 0.7
# a figure on a line with such words: a scrap is no longer feared there, and Tesseract is less
# sure of figures beside a comma (`2026,` at 0.69 on a clean line)
_UNREAD_FIGURE_MIN_CONF = 0.5
# a syllable on a line with two such words
_UNREAD_BESIDE_MIN_CONF = 0.4
# a page word read below this is a scrap: a region's sure words read over it replace it
_UNREAD_SCRAP_CONF = 0.5
# a region larger than this share of the page is a page read badly, not a block missed
_UNREAD_MAX_SHARE = 0.15


def _leftover_ink(grey: np.ndarray, words: list[Word], scale: float) -> np.ndarray:
    """0/1 ink of the page with every word's box (and a little round it), the page's edge and
    the specks cut out: what the page reading left unread."""
    dpi = 72.0 / scale
    # a photocopy's toner specks, strewn over the page, would join every region into one once
    # dilated (one larger than a block missed, passed over): a 3x3 median takes them, and
    # leaves strokes two pixels wide or more
    ink = cv2.medianBlur((grey < 128).view(np.uint8), 3)
    h, w = ink.shape
    pad = max(2, int(0.03 * dpi))
    for word in words:
        x0, y0 = max(int(word.x0 / scale) - pad, 0), max(int(word.top / scale) - pad, 0)
        ink[y0:int(word.bottom / scale) + pad, x0:int(word.x1 / scale) + pad] = 0
    # leave the page's edge alone: copier bands and punch holes, not text
    margin = int(0.3 * dpi)
    ink[:margin, :] = 0
    ink[h - margin:, :] = 0
    ink[:, :margin] = 0
    ink[:, w - margin:] = 0
    _drop_stray_specks(ink, dpi)
    return ink


# a speck is at most this tall and wide (inches): a copier's grain, a mark over a letter, a dot;
# one this far (inches) from any larger piece is stray
_SPECK_MAX_IN = 0.03
_SPECK_NEAR_IN = 0.08


def _drop_stray_specks(ink: np.ndarray, dpi: float) -> None:
    """Paint out (in place) the specks of a 0/1 image that lie far from any larger piece.

    A photocopy's grey background comes out of binarisation as grain that the median leaves in
    clusters; dilated, it joined a clean line left unread (`CHÍNH PHỦ`, on an augraphy copy
    whose background was speckled) into a sparse blob passed over as a haze. Marks and dots
    stand near their letters and stay.

    Worked box by box (_ink_boxes, boxes more than `near` apart, so no speck is near a piece of
    another box): the leftover ink of most pages is a little, and labelling the page whole cost
    ~47 ms on a page read whole (box by box, 0.5 ms)."""
    near = max(1, int(_SPECK_NEAR_IN * dpi))
    most = _SPECK_MAX_IN * dpi
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * near + 1, 2 * near + 1))
    for y0, y1, x0, x1 in _ink_boxes(ink, near, near):
        box = ink[y0:y1, x0:x1]
        if y1 - y0 <= most and x1 - x0 <= most:
            box[:] = 0  # a speck alone
            continue
        _, labels, stats, _ = cv2.connectedComponentsWithStats(box, connectivity=8)
        small = (stats[:, cv2.CC_STAT_HEIGHT] <= most) & (stats[:, cv2.CC_STAT_WIDTH] <= most)
        small[0] = False
        if not small.any():
            continue
        if small[1:].all():
            box[:] = 0  # grain only
            continue
        specks = small[labels]
        larger = cv2.dilate((box.astype(bool) & ~specks).view(np.uint8), kernel)
        box[specks & (larger == 0)] = 0


def _unread_regions(grey: np.ndarray, words: list[Word], scale: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of ink that no word of the page reading covers, largest first.

    Tesseract's page segmentation takes a black seal with the signer's title and name beside
    it for one picture and reads none of it; on a photocopy the whole signing block can go.

    What is left once the words are cut out is a little ink scattered over a blank page. It is
    taken in boxes (_ink_boxes) and only a box that can hold what is looked for is labelled:
    labelling the page whole cost ~50 ms a time, mostly on blank pixels. The regions are the
    same as the page's own labelling gives.
    """
    dpi = 72.0 / scale
    ink = _leftover_ink(grey, words, scale)
    h, w = ink.shape
    # A copier's streak or a seal's ring alone is nothing to read: pieces larger than a letter
    # go. A box no larger than a letter holds none.
    tall, wide = _LETTER_MAX_IN[0] * dpi, _LETTER_MAX_IN[1] * dpi
    for y0, y1, x0, x1 in _ink_boxes(ink, 1, 1):
        if y1 - y0 > tall or x1 - x0 > wide:
            _drop_larger_than_letters(ink[y0:y1, x0:x1], dpi)
    join = max(3, int(0.12 * dpi))
    kx, ky = join * 2, join
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky))
    least = _UNREAD_MIN_IN * dpi
    regions = []
    # Ink more than twice the kernel's size apart cannot meet once dilated (each piece grows by
    # less than the kernel's size): each box is dilated alone, with room round it for all it
    # grows into, and gives the blobs the page dilated whole would. A box too small once grown
    # to hold a region is passed over.
    for y0, y1, x0, x1 in _ink_boxes(ink, 2 * ky, 2 * kx):
        if x1 - x0 + kx - 1 < least or y1 - y0 + ky - 1 < least / 2:
            continue
        # nor one with too little ink: a region needs 2% of its box inked (below), its box is at
        # least least x least/2, and all the ink inside it is this box's (1 spare for rounding)
        if cv2.countNonZero(ink[y0:y1, x0:x1]) < 0.02 * least * (least / 2) - 1:
            continue
        top, left = max(y0 - ky, 0), max(x0 - kx, 0)
        blobs = cv2.dilate(ink[top:min(y1 + ky, h), left:min(x1 + kx, w)], kernel)
        for x, y, bw, bh in _blob_boxes(blobs, least, least / 2):
            x, y = x + left, y + top  # np.int32 still, as the page's own labels gave
            if ink[y:y + bh, x:x + bw].sum() < 0.02 * bw * bh:
                continue  # a faint haze of specks
            if bw * bh > _UNREAD_MAX_SHARE * w * h:
                continue  # not a block the page reading missed but a page it read badly
            regions.append((x, y, x + bw, y + bh))
    # joined before the largest are taken: the pieces of a name a ring cut are small ones
    joined = [((x1 - x0) * (y1 - y0), (x0, y0, x1, y1)) for x0, y0, x1, y1 in _joined_along_lines(regions, dpi)]
    joined = [(area, box) for area, box in joined if area <= _UNREAD_MAX_SHARE * w * h]
    joined.sort(reverse=True)
    return [box for _, box in joined[:_UNREAD_MAX_REGIONS]]


def _blob_boxes(blobs: np.ndarray, least_w: float, least_h: float) -> np.ndarray:
    """x, y, width, height (np.int32, as connectedComponentsWithStats gives them) of the
    pieces (8-connected) of a 0/1 image at least least_w wide and least_h tall.

    From the pieces' outer borders (findContours: at the top level of RETR_CCOMP, one border
    for each piece, a piece inside another's hole included), not from labelling with stats:
    on a dilated block that cost ~15x as much, for the statistics of every pixel."""
    contours, hierarchy = cv2.findContours(blobs, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    boxes = np.array([cv2.boundingRect(c) for c, (_, _, _, parent) in zip(contours, hierarchy[0] if contours else [])
                      if parent < 0], dtype=np.int32).reshape(-1, 4)
    return boxes[(boxes[:, 2] >= least_w) & (boxes[:, 3] >= least_h)]


def _ink_boxes(ink: np.ndarray, gap_y: int, gap_x: int) -> list[tuple[int, int, int, int]]:
    """Boxes (y0, y1, x0, x1; ends excluded) holding all the ink of a 0/1 image, ink in two
    boxes more than gap_y rows or gap_x columns apart: runs of rows with ink (runs no further
    apart taken as one), each split likewise into runs of columns. A piece of ink (8-connected)
    crosses no blank row or column, so none spans two boxes."""
    out = []
    for y0, y1 in _runs(cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel(), gap_y):
        for x0, x1 in _runs(cv2.reduce(ink[y0:y1], 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel(), gap_x):
            out.append((y0, y1, x0, x1))
    return out


def _runs(counts: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """(start, end excluded) of the runs of non-zero counts, runs no more than `gap` apart
    (the next starting at most `gap` after the last non-zero) taken as one."""
    at = counts.nonzero()[0]
    if not len(at):
        return []
    cuts = (at[1:] - at[:-1] > gap).nonzero()[0]
    return list(zip([at[0].item(), *at[cuts + 1].tolist()], [*(at[cuts] + 1).tolist(), at[-1].item() + 1]))


_BORDER = 30  # pixels of white put round a region: Tesseract reads nothing that touches the edge


# a letter (with its marks) is at most this tall and wide, in inches; larger ink is a seal's
# ring, its star, a signature's stroke
_LETTER_MAX_IN = (0.25, 0.6)


def _larger_than_letters(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Mask of the pieces of ink (0/1 image) larger than a letter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # a lookup by label, not np.isin (which sorts the whole page's labels): the same mask
    return _big(stats, dpi)[labels]


def _drop_larger_than_letters(ink: np.ndarray, dpi: float) -> None:
    """Paint out (in place) the pieces of ink (0/1 image) larger than a letter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = _big(stats, dpi)
    if big.any():  # most bands hold letters and specks only: no lookup over their labels
        ink[big[labels]] = 0


def _big(stats: np.ndarray, dpi: float) -> np.ndarray:
    """Which labels (connectedComponentsWithStats' stats) are pieces larger than a letter."""
    tall, wide = (_LETTER_MAX_IN[0] * dpi, _LETTER_MAX_IN[1] * dpi)
    big = (stats[:, cv2.CC_STAT_HEIGHT] > tall) | (stats[:, cv2.CC_STAT_WIDTH] > wide)
    big[0] = False  # the background
    return big


def _letters_only(crop: np.ndarray, dpi: float, big: np.ndarray | None = None) -> np.ndarray:
    """The crop with every piece of ink larger than a letter (`big`, when its mask is known)
    painted white, in a white border.

    Read as it is, a seal's ring and a signature's strokes make Tesseract take the whole
    region for a picture; without them the name beneath is read."""
    out = crop.copy()
    out[_larger_than_letters((crop < 128).view(np.uint8), dpi) if big is None else big] = 255
    return _with_border(out)


def _with_border(crop: np.ndarray) -> np.ndarray:
    return cv2.copyMakeBorder(crop, _BORDER, _BORDER, _BORDER, _BORDER, cv2.BORDER_CONSTANT, value=255)


def _overlaps(a: Word, b: Word) -> bool:
    """Do two word boxes share more than a third of the smaller one?"""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return False
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return w * h > smaller / 3


def _touch(a: Word, b: Word) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


def _read_unread_ink(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                     settings: IngestSettings, deadline: _Deadline,
                     tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], int]:
    """Read again, alone, each region of ink the page reading left without words, and add the
    words read surely there. Returns the words, their line keys and how many words were added."""
    out_words, out_keys = list(words), list(keys)
    added = 0
    for n, (x0, y0, x1, y1) in enumerate(_unread_regions(grey, words, scale)):
        margin = int(0.05 * 72.0 / scale)
        bx0, by0 = max(x0 - margin, 0), max(y0 - margin, 0)
        region = grey[by0:y1 + margin, bx0:x1 + margin]
        # the region's ink larger than a letter, labelled once: painted out for the region's
        # reading, and kept where it crosses a line's core for the line read alone
        big = _larger_than_letters((region < 128).view(np.uint8), 72.0 / scale)
        crop = _letters_only(region, 72.0 / scale, big)
        data = _run_psm(_write(crop, tmp, "unread"), settings, deadline, 3)
        found, found_keys = _words(data, scale)
        taken = _sure_new_words(found, found_keys, (bx0 - _BORDER) * scale, (by0 - _BORDER) * scale,
                                20_000 + n * 1000, out_words)
        if len(taken) < 2:
            taken = []  # a name or a title is two words at least; one is a scrap
        # the lines of the region no word covers, the page reading's or the region's: Tesseract's
        # layout read nothing sure there (on a real photocopy's signing block it said "Empty
        # page", ring painted out or not; on a speckled one it read `NGHỊ QUYẾT` and skipped the
        # clean `Hà Nội, ngày …` above it). Each is read alone, as printed: a name whose letters
        # touch the ring lost them with it in `crop` (`Hồ  c Phớc`). At most 8 lines of 4
        # regions, on damaged pages.
        read = [w for w, _ in taken] + out_words
        lines = [line for line in _letter_lines(region, 72.0 / scale) if not _line_taken(line, read, bx0, by0, scale)]
        if lines and deadline.left() > _LINES_LEAST_TIME_S:
            for i, line in enumerate(lines):
                alone = _line_alone(region, big, line, 72.0 / scale)
                sure = []
                # as printed; then, on a photo of a curled sheet, with its waves flattened
                # (`Giàng seo Phử` with `seo` sunk under the line read as nothing at all)
                for band in (alone, _flattened(alone, 72.0 / scale)):
                    if band is None or len(sure) >= 2:
                        continue
                    found, found_keys = _words(_run_psm(_write(_with_border(band), tmp, "unread-line"), settings,
                                                        deadline, 7), scale)
                    sure = _sure_new_words(found, found_keys, (bx0 + line[4] - _BORDER) * scale,
                                           (by0 + line[2] - _BORDER) * scale, 20_000 + n * 1000 + 100 + i,
                                           out_words + [w for w, _ in taken])
                if len(sure) >= 2:  # a line alone: two words at least, or a scrap of a ring's letters
                    taken += sure
        if len(taken) < 2:
            continue  # a name or a title is two words at least; one is a scrap
        # the page reading's scraps that the region's words were read over go (`bs 07/2026/TT-1
        # Lae`): two readings of one ink; a scrap's middle in the word's rows, the boxes touching
        # (`bs` shares a third of its box with `Số:`, no more). An unsure word of the line above
        # or below stays.
        kept = [i for i, old in enumerate(out_words)
                if not (_scrap(old) and any(_touch(w, old) and w.top <= (old.top + old.bottom) / 2 <= w.bottom
                                            for w, _ in taken))]
        out_words, out_keys = [out_words[i] for i in kept], [out_keys[i] for i in kept]
        out_words.extend(w for w, _ in taken)
        out_keys.extend(k for _, k in taken)
        added += len(taken)
    return out_words, out_keys, added


# regions on one line this near (inches) are one: what came between them went as ink larger
# than a letter
_LINE_GAP_IN = 0.6


def _joined_along_lines(regions: list[tuple[int, int, int, int]], dpi: float) -> list[tuple[int, int, int, int]]:
    """The regions, those side by side on one line (sharing half the taller one's height: a
    stamp or a block beside a name is not on its line; less than _LINE_GAP_IN apart) joined
    into one. A seal's ring that runs into `Đức` of `Hồ Đức Phớc` takes the word with it when
    pieces larger than a letter are painted out; `Hồ` and `Phớc` were then two regions of one
    word each, both passed over as scraps."""
    out = list(regions)
    joined = True
    while joined:
        joined = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = out[i], out[j]
                shared = min(ay1, by1) - max(ay0, by0)
                gap = max(ax0, bx0) - min(ax1, bx1)
                if shared >= 0.5 * max(ay1 - ay0, by1 - by0) and gap <= _LINE_GAP_IN * dpi:
                    out[i] = (min(ax0, bx0), min(ay0, by0), max(ax1, bx1), max(ay1, by1))
                    del out[j]
                    joined = True
                    break
            if joined:
                break
    return out


def _line_taken(line: tuple[int, int, int, int, int, int], words: list[Word], bx0: int, by0: int,
                scale: float) -> bool:
    """Do words (page points) cover half the width of one of a region's lines (_letter_lines,
    pixels of the region whose corner is bx0, by0)? Only the part of a word within the line's
    ends counts: another column's words stand on the same row."""
    core_top, core_bottom, _, _, left, right = line
    top, bottom = (by0 + core_top) * scale, (by0 + core_bottom) * scale
    x0, x1 = (bx0 + left) * scale, (bx0 + right) * scale
    # a scrap (`bs i Lae` over a stamp's figures) covers nothing: its ink is read again
    covered = sum(max(0.0, min(w.x1, x1) - max(w.x0, x0)) for w in words
                  if top <= (w.top + w.bottom) / 2 <= bottom and not _scrap(w))
    return covered >= 0.5 * (x1 - x0)


def _sure_new_words(found: list[Word], keys: list[tuple[int, int, int]], dx: float, dy: float, block0: int,
                    words: list[Word]) -> list[tuple[Word, tuple[int, int, int]]]:
    """The words of a region's reading worth adding to the page's, placed on the page."""
    taken = []
    # a seal's ring letters and a signature's loops come out as sure-looking scraps
    # (`NGC CC`, `V A`); what is worth adding here is words: Vietnamese syllables, and the
    # figures on a line that holds one (`Hà Nội, ngày 01 tháng 6 năm 2026`, `Số: 141/NQ-CP`)
    placed = [Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf) for w in found]
    # read already: the region's box takes in words around the missed ink. A scrap the page
    # reading made of the same ink is no reading of it (a stamp's handwritten figures over
    # `Số: 07/2026/TT-BNV` read as `bs i Lae` at 0.02-0.41 kept the number out)
    new = [not any(_overlaps(w, old) for old in words if not _scrap(old)) for w in placed]
    syllable = [new[i] and (w.conf or 0) >= _UNREAD_MIN_CONF and is_syllable(w.text.strip(EDGE_PUNCT))
                for i, w in enumerate(found)]
    sure_on_line = Counter(key for key, ok in zip(keys, syllable) if ok)
    for i, (w, (block, par, line)) in enumerate(zip(placed, keys)):
        worded = sure_on_line[(block, par, line)]
        figure = new[i] and worded and (w.conf or 0) >= _UNREAD_FIGURE_MIN_CONF \
            and _FIGURES.match(w.text.strip(EDGE_PUNCT))
        # a syllable beside two sure ones: a fax's lost mark leaves Tesseract unsure of a
        # name's word (`Pham` at 0.45 in `Pham Gia Tuc`), where a ring's scrap stands alone
        beside = new[i] and worded >= 2 and (w.conf or 0) >= _UNREAD_BESIDE_MIN_CONF \
            and is_syllable(w.text.strip(EDGE_PUNCT))
        if syllable[i] or figure or beside:
            taken.append((w, (block0 + block, par, line)))
    return taken


def _scrap(word: Word) -> bool:
    """A page word read too unsurely to stand against a region's sure reading of its ink."""
    return word.conf is not None and word.conf < _UNREAD_SCRAP_CONF


# a number, a date, a document's number: a figure first, then figures, letters and / . - :
_FIGURES = re.compile(r"^\d[\w/.\-–:]*$")


# a line's core (the rows most of its letters fill, marks and tails apart) is this tall at
# least and at most, in inches
_LINE_CORE_IN = (0.04, 0.3)
# how far above and below its core a line's marks and tails reach at most, in inches
_LINE_REACH_IN = 0.08
_UNREAD_MAX_LINES = 8
# seconds of the page's time the line-by-line reading needs left, or it is not begun: it is a
# last try, and running out of time fails the whole page
_LINES_LEAST_TIME_S = 20.0


def _letter_lines(region: np.ndarray, dpi: float) -> list[tuple[int, int, int, int, int, int]]:
    """(core top, core bottom, top, bottom, left, right) of the lines of letter-sized ink in a region.

    A line is found by its core, the rows a fifth as inked as the region's fullest row or more
    (marks and tails ink few rows), and reaches out from it to take its marks, halfway to the
    next line at most: the lines of a signing block stand close, `Ủ`'s hook near the line above.
    Pieces larger than a letter (a ring, a signature's stroke) do not count, nor specks; the
    letters a signature's thin stroke joined into such a piece do, cut free of it (`Minh Khải`
    with a stroke through it: the line ended at `Lê Min`)."""
    every = (region < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(every, connectivity=8)
    ink = _letter_sized(stats, dpi)[labels].view(np.uint8)
    # the letters cut free of such a piece take the line's ends out, not its rows: a
    # signature's freed loops would make lines of their own
    pieces = _big(stats, dpi)[labels].view(np.uint8)
    freed = _letter_ink((every > (pieces > _thick_parts(pieces, dpi))).view(np.uint8), dpi) if pieces.any() else ink
    rows = cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    if not rows.any():
        return []
    # the fullest row of each stretch of inked rows, not the region's: a signing block's short
    # name line under a paragraph's long ones fills a fifth of their rows' ink at most
    strong = np.zeros_like(rows)
    for a, b in _runs(rows, int(0.02 * dpi)):
        stretch = rows[a:b]
        strong[a:b] = np.where(stretch >= 0.2 * stretch.max(), stretch, 0)
    cores = [(top, bottom) for top, bottom in _runs(strong, int(0.02 * dpi))
             if _LINE_CORE_IN[0] * dpi <= bottom - top <= _LINE_CORE_IN[1] * dpi]
    # the lowest lines when there are too many: a signing block's name is its last
    cores = cores[-_UNREAD_MAX_LINES:]
    reach = int(_LINE_REACH_IN * dpi)
    out = []
    for i, (top, bottom) in enumerate(cores):
        above = (top - cores[i - 1][1]) // 2 if i else reach
        below = (cores[i + 1][0] - bottom) // 2 if i + 1 < len(cores) else reach
        cols = cv2.reduce(ink[top:bottom], 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().nonzero()[0]
        left, right = _along_the_core(freed[top:bottom], int(cols[0]), int(cols[-1]) + 1, dpi)
        pad = int(0.03 * dpi)
        out.append((top, bottom, max(top - min(reach, above), 0), bottom + min(reach, below),
                    max(left - pad, 0), min(right + pad, region.shape[1])))
    return out


def _letter_ink(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The 0/1 ink's pieces of a letter's size: no larger, no speck."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return _letter_sized(stats, dpi)[labels].view(np.uint8)


def _letter_sized(stats: np.ndarray, dpi: float) -> np.ndarray:
    """Which labels are pieces of a letter's size: no larger, no speck."""
    letter = ~_big(stats, dpi) & (stats[:, cv2.CC_STAT_AREA] >= max(4, (0.015 * dpi) ** 2))
    letter[0] = False
    return letter


# letters along a line's core no farther than this (inches) from its own go on the line: a
# word gap is about 0.08 in
_ALONG_GAP_IN = 0.1


def _along_the_core(letters: np.ndarray, left: int, right: int, dpi: float) -> tuple[int, int]:
    """A line's ends (its letters' columns `left`..`right`) taken out over the letters that go
    on along its core rows (`letters`: those a signature's stroke joined into a piece larger
    than a letter, cut free of it; `Minh Khải` with the stroke through it ended the line at
    `Lê Min`). A seal ring's side beside the line is no letter and does not take it out."""
    cols = cv2.reduce(letters, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    for start, end in _runs(cols, int(_ALONG_GAP_IN * dpi)):
        if start < right and end > left:
            left, right = min(left, start), max(right, end)
    return left, right


def _thick_parts(pieces: np.ndarray, dpi: float) -> np.ndarray:
    """The 0/1 pieces of ink without their strokes thinner than a pen's (`_THIN_STROKE_IN`)
    from top to bottom: what is left of letters a signature's stroke ran through."""
    return cv2.morphologyEx(pieces, cv2.MORPH_OPEN, np.ones((max(3, int(_THIN_STROKE_IN * dpi)), 1), np.uint8))


# a stroke thinner than this (inches) is a pen's line, not a printed letter's stem or bowl
_THIN_STROKE_IN = 0.02


def _line_alone(region: np.ndarray, big: np.ndarray, line: tuple[int, int, int, int, int, int],
                dpi: float) -> np.ndarray:
    """One line of a region (_letter_lines) cut out to be read alone: its letters with their
    marks; of the ink larger than a letter (`big`, the region's mask) only what crosses the
    line's core, so a letter touching a seal's ring keeps its strokes while the ring's arc
    above the line goes.

    A signature's stroke drawn through letters joins them into one piece larger than a letter;
    cut where it runs thin, they are letters again, kept whole above and below the core too
    (`Minh Khải` lost the tops of h, K and h with the rest above the core, read `Minn Knal`)."""
    core_top, core_bottom, top, bottom, left, right = line
    crop = region[top:bottom, left:right].copy()
    pieces = (big[top:bottom, left:right] & (crop < 128)).view(np.uint8)
    thick = _thick_parts(pieces, dpi)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(thick, connectivity=8)
    # a letter cut free of the stroke reaches into the core, its marks and tails within the
    # line's reach; the ring's arc cut into pieces above the line does not reach the core, and
    # a signature's loop crossing the line runs on past its reach (cut at the crop's edge)
    in_core = np.zeros(len(stats), dtype=bool)
    in_core[labels[core_top - top:core_bottom - top]] = True
    past = np.zeros(len(stats), dtype=bool)
    past[labels[[0, -1]]] = True
    off = _big(stats, dpi) | ~in_core | past
    off[0] = False  # the background
    away = (pieces > thick) | off[labels]
    away[core_top - top:core_bottom - top] = False
    crop[away] = 255
    return crop


# a line whose ink's middle wanders this much (inches) is waved, not straight: a straight
# line's wanders 0.025 in at most (capitals, marks and tails), a curled sheet's 0.08 in and more
_WAVE_LEAST_IN = 0.04
# the stretch (inches) over which a line's middle is taken to tell a wave: about two syllables;
# it is flattened over half as much
_WAVE_SPAN_IN = 0.4


def _flattened(line: np.ndarray, dpi: float) -> np.ndarray | None:
    """A line of letters cut out alone (`_line_alone`) with each column moved up or down so
    that the ink's middle, taken over about a syllable, runs level; None when, taken over two
    (where capitals, marks and tails even out), it runs level already. A phone photo of a
    curled sheet waves its lines, and Tesseract reads a waved line as nothing. The ends, where
    the stretch runs past the letters, keep the middle next to them; the columns left bare are
    filled with the paper's grey."""
    ink = (line < 128).astype(np.float32)
    h, w = ink.shape
    cols = np.nonzero(ink.sum(axis=0))[0]
    wide = max(3, int(_WAVE_SPAN_IN * dpi) | 1)
    if len(cols) == 0 or cols[-1] - cols[0] < 2 * wide:
        return None  # too short to wave: a word or two
    rows = np.arange(h, dtype=np.float32)[:, None]

    def middle(span: int) -> tuple[np.ndarray, np.ndarray]:
        mass = cv2.blur(ink, (span, 1), borderType=cv2.BORDER_CONSTANT).sum(axis=0)
        moment = cv2.blur(ink * rows, (span, 1), borderType=cv2.BORDER_CONSTANT).sum(axis=0)
        inside = np.arange(cols[0] + span // 2, cols[-1] - span // 2 + 1)
        inside = inside[mass[inside] > 0.5]
        if len(inside) < 2:
            return np.zeros(w), inside
        return np.interp(np.arange(w), inside, moment[inside] / mass[inside]), inside

    level, inside = middle(wide)
    if len(inside) < 2 or np.ptp(level[inside]) < _WAVE_LEAST_IN * dpi:
        return None
    local, inside = middle(max(3, wide // 2 | 1))
    if len(inside) < 2:
        return None
    shift = np.rint(np.median(local[inside]) - local).astype(int)
    # row y of column x is row y - shift[x] of the line; rows taken from past its edges are paper
    source = np.arange(h)[:, None] - shift[None, :]
    within = (source >= 0) & (source < h)
    return np.where(within, line[np.clip(source, 0, h - 1), np.arange(w)[None, :]],
                    int(np.percentile(line, 90))).astype(line.dtype)


def _turn_segment(seg: list[float], turn: int, width: float, height: float) -> list[float]:
    """Where a segment lands when the page (width x height) is turned `turn`° clockwise."""
    x0, y0, x1, y1 = seg
    if turn == 180:
        pts = [(width - x1, height - y1), (width - x0, height - y0)]
    elif turn == 90:
        pts = [(height - y1, x0), (height - y0, x1)]
    else:  # 270
        pts = [(y0, width - x1), (y1, width - x0)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return [min(xs), min(ys), max(xs), max(ys)]


# A photographed sheet is taken to be A4 when its resolution is estimated.
_A4_WIDTH_IN = 8.27
# Paper whose brightness varies by more grey levels than this is lit unevenly (a photo, a
# copier's shadow). Flat scans vary by 2-5.
_UNEVEN = 20.0


def _office_paper(image: PageImage, settings: IngestSettings, notes: list[str]) -> tuple[np.ndarray, float]:
    """The page as paper from an office arrives: colour ink dropped, a photographed sheet
    cut out and straightened, its light evened, a low resolution enlarged. Each step says
    what it did in `notes` (kept per page in the record)."""
    grey, dpi = image.grey, image.dpi
    # The sheet is looked for before the colour goes: a brown or red desk dropped with the ink
    # would turn as white as the paper and hide the sheet's edges.
    corners = sheet.find_sheet(grey) if settings.photo_correction else None
    if settings.colour_dropout and image.colour is not None:
        grey, share = preprocess.drop_colour_ink(image.colour)
        if share >= 0.001:
            notes.append(f"red/blue ink (seal, signature, stamp) dropped before OCR: {share:.1%} of the page")
        if corners is not None:
            grey, pale = photo_ink.drop_photo_ink(grey, image.colour)
            if pale >= 0.001:
                notes.append(f"pale coloured ink on the photo (stamp, handwriting) dropped: {pale:.1%} of the page")
    if settings.photo_correction:
        if corners is not None:
            grey = preprocess.straighten(grey, corners)
            dpi = grey.shape[1] / _A4_WIDTH_IN
            notes.append(f"photographed sheet found and straightened (about {dpi:.0f} dpi)")
    binary = preprocess.is_binary(grey)
    if settings.flatten_light and binary:
        # one-bit copies carry the copier's black bands; grey photos carry shadows instead
        grey, cleared = preprocess.clear_dark_borders(grey, dpi)
        if cleared >= 0.002:
            notes.append(f"dark copier bands at the page edge cleared ({cleared:.1%} of the page)")
        grey, blotted = preprocess.clear_toner_blots(grey, dpi)
        if blotted:
            notes.append(f"toner blots inside the page cleared ({blotted:.1%} of the page)")
        grey, hazed = preprocess.clear_toner_haze(grey, dpi)
        if hazed:
            notes.append(f"a copier's grey haze of dots evened out ({hazed:.1%} of the page)")
    elif settings.flatten_light:
        spread = preprocess.uneven_light(grey, dpi)
        if spread > _UNEVEN:
            grey = preprocess.flatten_light(grey, dpi)
            notes.append(f"uneven light evened out (paper varied by {spread:.0f} grey levels)")
    if 0 < dpi < settings.upscale_below_dpi:
        factor = settings.dpi / dpi
        grey = preprocess.upscale(grey, factor)
        notes.append(f"enlarged {factor:.1f}x from {dpi:.0f} dpi before OCR")
        dpi = float(settings.dpi)
    return grey, dpi


def ocr_image(image: PageImage, settings: IngestSettings, path: Path, page: int) -> OcrPage:
    """Orientation, deskew, clean-up, then Tesseract; the image is dropped when done."""
    deadline = _Deadline(path, page, settings.page_timeout_s)
    notes: list[str] = []
    grey, dpi = _office_paper(image, settings, notes)
    image = PageImage(grey=grey, dpi=dpi, width_pt=grey.shape[1] / dpi * 72, height_pt=grey.shape[0] / dpi * 72)
    rotation = 0
    with workspace("dr-ocr-") as tmp:
        ink = preprocess.ink_mask(grey, image.dpi) if settings.detect_orientation or settings.deskew else None
        if settings.detect_orientation and preprocess.looks_sideways(grey, image.dpi, ink):
            # The profile test is a cheap hint; only Tesseract's detector decides the turn.
            turn = _osd_rotation(_write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn in (90, 270):
                grey = preprocess.rotate_quarter(grey, -turn)
                ink = preprocess.rotate_quarter(ink, -turn) if ink is not None else None
                rotation = turn
                notes.append(f"page turned {turn}° by orientation detection")
        skew = 0.0
        if settings.deskew:
            grey, skew = preprocess.deskew(grey, image.dpi, ink)
        del ink
        rules_h: list[list[float]] = []
        rules_v: list[list[float]] = []
        if settings.remove_rules:
            grey, found_h, found_v = preprocess.find_rules(grey, image.dpi)
            k = 72.0 / image.dpi
            rules_h = [[round(v * k, 2) for v in seg] for seg in found_h]
            rules_v = [[round(v * k, 2) for v in seg] for seg in found_v]
            # after the rules are taken (a table keeps its grid): what is left of long hair-thin
            # lines is a copier's streaks
            grey, streaks = preprocess.clear_streaks(grey, image.dpi)
            if streaks:
                notes.append(f"{streaks} piece(s) of hair-thin vertical streak (a copier's dirt) cleared")
        if settings.denoise:
            grey = preprocess.denoise(grey)
        if settings.binarize != "none":
            grey = preprocess.binarize(grey, settings.binarize)
        page_path = _write(grey, tmp, "page")
        data = _run(page_path, settings, deadline)
        scale = 72.0 / image.dpi
        words, keys = _words(data, scale)
        if settings.vietnamese_marks and _reads_vietnamese(words, settings):
            vie, _ = _words(_run_psm(page_path, settings, deadline, settings.psm, "vie"), scale)
            words, merged = marks_merge.merge_marks(words, vie)
            if merged:
                notes.append(f"{merged} word(s) given the marks a Vietnamese-only reading saw")
        if rules_v:
            words, keys = _fill_narrow_columns(grey, rules_v, words, keys, scale, settings, deadline, tmp)
        if settings.read_unread_ink:
            words, keys, found = _read_unread_ink(grey, words, keys, scale, settings, deadline, tmp)
            if found:
                notes.append(f"{found} word(s) read again from ink the page reading skipped "
                             "(a seal or signature taken for a picture)")
        words, keys, reread = _reread_name_lines(grey, words, keys, scale, settings, deadline, tmp)
        if reread:
            notes.append(f"{reread} short line(s) of capitalised words (signer's title, name) re-read alone "
                         "for the marks the page reading lost")
        words, marked = _mark_bare_names(grey, words, keys, scale, settings, deadline, tmp, rules_v)
        if marked:
            notes.append(f"{marked} name(s) read without marks re-read alone in Vietnamese for them")
        if settings.detect_orientation and _poor(words):
            turn = _osd_rotation(_write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn:
                turned = preprocess.rotate_quarter(grey, -turn)
                words2, keys2 = _words(_run(_write(turned, tmp, "turned"), settings, deadline), scale)
                if (_mean_conf(words2) or 0) > (_mean_conf(words) or 0):
                    h0, w0 = grey.shape
                    rules_h = [_turn_segment(seg, turn, w0 * scale, h0 * scale) for seg in rules_h]
                    rules_v = [_turn_segment(seg, turn, w0 * scale, h0 * scale) for seg in rules_v]
                    if turn in (90, 270):
                        rules_h, rules_v = rules_v, rules_h
                    words, keys, grey = words2, keys2, turned
                    rotation = (rotation + turn) % 360
                    notes.append(f"page turned {turn}° by orientation detection")
        h, w = grey.shape
    return OcrPage(words=words, line_keys=keys, confidence=_mean_conf(words), rotation=rotation, skew=skew,
                   width_pt=w * scale, height_pt=h * scale, notes=notes, rules_h=rules_h, rules_v=rules_v)
