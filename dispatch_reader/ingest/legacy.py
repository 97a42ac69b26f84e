"""Legacy Vietnamese 8-bit encodings in PDF text layers: TCVN3 (.VnTime) and VNI (VNI-Times).

Word processors of the 1990s-2000s drew Vietnamese with fonts that put the letters at
Latin-1 codes, so the PDF text layer decodes to `Qu¸n lý` (TCVN3) or `Ñieàu` (VNI). The
font name says which; the tables in data/ say what each code really is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Literal

from dispatch_reader.ingest.vietnamese import is_syllable, score_text

Encoding = Literal["tcvn3", "vni"]
LABEL: dict[str, str] = {"tcvn3": "TCVN3", "vni": "VNI"}

_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_CID = re.compile(r"\(cid:(\d+)\)")


def _data(name: str) -> str:
    return resources.files("dispatch_reader.ingest").joinpath(f"data/{name}").read_text("utf-8")


@lru_cache(maxsize=1)
def _fonts() -> dict[str, dict[str, object]]:
    return json.loads(_data("legacy_fonts.json"))


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in _data("tcvn3.tsv").splitlines():
        if line and not line.startswith("#"):
            byte, code = line.split("\t")[:2]
            table[int(byte, 16)] = chr(int(code[2:], 16))
    return table


@lru_cache(maxsize=1)
def _vni_table() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for line in _data("vni.tsv").splitlines():
        if line and not line.startswith("#"):
            seq, uni = line.split("\t")[:2]
            (pairs if len(seq) == 2 else singles)[seq] = uni
    return pairs, singles


def _family(fontname: str) -> str:
    name = _SUBSET_TAG.sub("", fontname or "")
    return re.split(r"[,]", name, maxsplit=1)[0].strip()


@lru_cache(maxsize=1024)  # asked for every word of every text layer, of a few fonts a page
def font_encoding(fontname: str | None) -> Encoding | None:
    """The legacy encoding a font name announces (`.VnTime` → tcvn3, `VNI-Times` → vni)."""
    family = _family(fontname or "").casefold()
    for encoding in ("tcvn3", "vni"):
        prefixes = _fonts()[encoding]["prefixes"]
        assert isinstance(prefixes, list)
        if any(family.startswith(p) for p in prefixes):
            return encoding  # type: ignore[return-value]
    return None


@lru_cache(maxsize=1024)
def is_uppercase_font(fontname: str | None) -> bool:
    """TCVN3 capitals fonts (.VnTimeH, .VnArialH) draw capitals at the lower-case codes."""
    if font_encoding(fontname) != "tcvn3":
        return False
    family = re.split(r"[-]", _family(fontname or ""), maxsplit=1)[0]
    for style in ("Bold", "Italic", "BoldItalic", "Regular"):
        family = family.removesuffix(style).removesuffix(",")
    suffix = str(_fonts()["tcvn3"]["uppercase_suffix"])
    return family.endswith(suffix)


def _byte_of(ch: str) -> int | None:
    """The byte a PDF reader decoded as `ch` (WinAnsi first, then Latin-1)."""
    try:
        return ch.encode("cp1252")[0] if len(ch.encode("cp1252")) == 1 else None
    except UnicodeEncodeError:
        return ord(ch) if ord(ch) < 256 else None


def tcvn3_to_unicode(text: str, uppercase: bool = False) -> str:
    table = _tcvn3_table()
    text = _CID.sub(lambda m: chr(int(m.group(1))) if int(m.group(1)) < 256 else m.group(0), text)
    out = []
    for ch in text:
        byte = _byte_of(ch)
        out.append(table.get(byte, ch) if byte is not None and byte >= 0x80 else ch)
    result = unicodedata.normalize("NFC", "".join(out))
    return result.upper() if uppercase else result


def vni_to_unicode(text: str) -> str:
    pairs, singles = _vni_table()
    text = _CID.sub(lambda m: chr(int(m.group(1))) if int(m.group(1)) < 256 else m.group(0), text)
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if len(pair) == 2 and pair in pairs:
            out.append(pairs[pair])
            i += 2
            continue
        out.append(singles.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def convert(text: str, encoding: Encoding, uppercase: bool = False) -> str:
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text, uppercase)
    return vni_to_unicode(text)


@lru_cache(maxsize=1 << 16)  # asked for every word of a text layer without font hints
def convert_word_if_better(word: str) -> tuple[str, Encoding | None]:
    """For text with no font hint: convert one word only when that turns a non-syllable
    into a syllable (so real Unicode words are never touched)."""
    core = word.strip(".,;:!?()[]\"'“”")
    if not core or is_syllable(core) or all(c.isascii() for c in core):
        return word, None
    for encoding in ("tcvn3", "vni"):
        candidate = convert(word, encoding)  # type: ignore[arg-type]
        cand_core = candidate.strip(".,;:!?()[]\"'“”")
        if candidate != word and cand_core and is_syllable(cand_core):
            return candidate, encoding  # type: ignore[return-value]
    return word, None


def guess_encoding(text: str) -> Encoding | None:
    """Which legacy encoding (if any) turns `text` into clearly better Vietnamese."""
    base = score_text(text).ratio
    best: tuple[float, Encoding | None] = (base, None)
    for encoding in ("tcvn3", "vni"):
        ratio = score_text(convert(text, encoding)).ratio  # type: ignore[arg-type]
        if ratio > best[0] + 0.15:
            best = (ratio, encoding)  # type: ignore[assignment]
    return best[1]
