"""The signing block: the signer's title and name, and the name alone under a seal.

The block stands at the foot of the signing page, not in the header's columns, and its trouble
is its own: a seal and a signature over the title and the name, an electronic-signature stamp
or a fax line inside it, the Nơi nhận list printed beside it on the same lines, an annex after
it. So it is read from the bottom segments of the whole document by rules of its own; only the
line heads are shared with the header (headlines.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from dispatch_reader import family_names
from dispatch_reader.extract import resources
from dispatch_reader.extract.bodies import written_levels
from dispatch_reader.extract.canon import canon_title, title_a_letter_off
from dispatch_reader.extract.headlines import (
    AUTHORITY, FAX_PAGE_COUNTER, GAZETTE, LIST_ITEM, NOI_NHAN, mostly_not_syllables, quoted, starts_with_head,
    wording_word,
)
from dispatch_reader.extract.namefix import (
    glyph_swaps, listed_spellings, near_marked_family, repair_ocr_name, repair_syllable)
from dispatch_reader.extract.selfcite import ANNEX_SUBHEAD
from dispatch_reader.extract.syllables import is_syllable
from dispatch_reader.ingest.vietnamese import spelled_as_a_name
from dispatch_reader.extract.textutil import Page, Segment, fold_phrase, fold_word, is_upper_line, squash
from dispatch_reader.places.match import edit_distance
from dispatch_reader.record import Evidence, Signer
from dispatch_reader.textnorm import case_blind, one_letter_off

# a name's word: letters, an Ê Đê or Jarai name's apostrophe inside (`H’Hen`, `Kơ'nia`)
# (a K'Ho or Mạ name opens on a capital and its apostrophe, a word of its own: `K' Điểu …`)
_NAME_SYL = re.compile(r"^(?:[^\W\d_]+(?:['’][^\W\d_]+)?|[A-Z]['’])$")


@lru_cache(maxsize=1)
def _title_heads() -> tuple[str, ...]:
    return tuple(sorted((fold_phrase(t) for t in resources.lines("signer_titles.txt")), key=len, reverse=True))


# (an underscore is no letter: `-_ Lâm Hoàng Phúc`, a seal's ring beside a grey scan's name)
_SPECKS_AT_START, _SPECKS_AT_END = re.compile(r"^[\W_]+"), re.compile(r"[\W_]+$")
_SPECKS = re.compile(f"{_SPECKS_AT_START.pattern}|{_SPECKS_AT_END.pattern}")


def _is_name_line(text: str, small_family: bool = False) -> bool:
    """A person's name: two to six name syllables, capitalised (a middle one may be read small
    where its letter's shapes match); with `small_family`, under the signature, the family name
    may be read small too (`phạm Đức Thành` under a photo's shadow), a letter off at that."""
    words = _without_specks(_SPECKS.sub("", text)).split()
    if not 2 <= len(words) <= 6:
        return False
    if words[0].lower() in written_levels():
        return False  # `Xã Tiên Lãng`, `phường Đông Hải`: a unit's name (`Xa` is a family name, unmarked)
    if is_upper_line(text) and len(words) > 4:
        return False
    for i, w in enumerate(words):
        middle = 0 < i < len(words) - 1
        # read small, or one letter of it misread too under the signature's stroke (`pram Đức
        # Thành`): the one family name it can be (namefix respells it)
        small = small_family and i == 0 and (fold_word(w) in _folded_families()
                                             or one_letter_off(fold_word(w), _folded_families()) is not None
                                             or near_marked_family(w) is not None)
        if not _NAME_SYL.match(w) or not (w[0].isupper() or (middle and case_blind(w)) or small):
            return False
        if _mixed_case(w) and not is_syllable(w) and not spelled_as_a_name(w):
            # scraps glued into a word (`THZGđứnh`); a case slip (`MìnH`) is mended; an Ê Đê
            # woman's `H’Hen` is a name's own
            return False
    return True


def _capitals_among_small(words: list[str]) -> bool:
    """A word of two letters or more in capitals beside a capitalised one in small letters: a
    name is printed in either, never both (`Endy TỊCH`: the seal's ring and the title's word)."""
    # (a degree before the name is in capitals with its stop: `TS.`, `PGS.TS.`, `BS.`)
    lettered = [w for w in words if sum(c.isalpha() for c in w) >= 2 and "." not in w]
    return any(w.isupper() for w in lettered) and any(w[:1].isupper() and not w.isupper() for w in lettered)


def _mixed_case(word: str) -> bool:
    """Capitals and small letters mixed after the first letter (`THZGđứnh`, `VưMnh`)."""
    rest = [c for c in word[1:] if c.isalpha()]
    return any(c.isupper() for c in rest) and any(c.islower() for c in rest)


def _is_title_line(seg: Segment) -> bool:
    if not is_upper_line(seg.text):
        return False
    return starts_with_head(seg.folded, _title_heads()) is not None or title_a_letter_off(seg.text) is not None


# the line a fax machine prints atop each page it sends (folded): its time and `FROM:` its
# number, or its page counter (`04/06/2026 07:22 FROM: 0272 716 4853 P.003/003`)
_FAX_LINE = re.compile(rf"\b(?:from|fax)\s?:|\d{{1,2}}:\d{{2}}.*\bfrom\b|\b{FAX_PAGE_COUNTER}\b")


def _is_filler(seg: Segment) -> bool:
    """Lines between the title and the name: stamps, '(Đã ký)', brackets, list items, the
    Nơi nhận entries printed beside the block (also across a page break), OCR specks."""
    t = seg.text.strip()
    f = seg.folded
    if len(t) <= 3 or t.startswith(("(", "[")):
        return True
    if LIST_ITEM.match(t) or NOI_NHAN.match(f) or f.startswith(("luu", "da ky", "ky ten")):
        return True
    if GAZETTE.match(f):
        return True  # an electronic-signature stamp printed inside the block ("Người ký: …")
    if _FAX_LINE.search(f):
        return True  # the sending fax machine's line atop each page: the block goes on under it
    if t.endswith(";") and not is_upper_line(t):
        return True  # a recipient whose dash OCR lost
    words = re.findall(r"[^\W\d_]+", t)
    # seal and signature strokes OCR reads as short nonsense: "pg ES ce", "Ó | CHỦ", and a
    # black seal's ring letters as "Lf SONS À": mostly no Vietnamese syllables
    if len(t) > 14:
        return False
    return all(len(w) <= 2 for w in words) or sum(map(is_syllable, words)) * 2 < len(words)


def _scraps(text: str) -> bool:
    """A line of scraps at a page's foot, however long: a copier's bands and grain read as
    words, most of them no syllable or capitals (`Hiện | we | Bre | eer | re | Lazy`, `TC 99%
    48 AE OR on`). A line of the body's wording is syllables in small letters; a line in
    capitals (a title) is none."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 2]
    wording = [w for w in words if wording_word(w)]
    return len(words) >= 3 and len(wording) * 2 < len(words) and not is_upper_line(text)


_TAIL_START = re.compile(r"(?<=[;:.,)]) +(?=\S)")


_SIGNED_MARK = re.compile(r"^\s*[(\[][^)\]]{1,24}[)\]]\s*(?=\S)")
# a seal's ring read before the name: figures (`40 Huỳnh Chí Nguyện`), or one or two scraps in
# small letters before a capital (`se hà Phan Đình Lộc`)
_SCRAPS_BEFORE = re.compile(r"^[\W_]*(?:(?P<figures>\d{1,3}[\W_]*\s+(?=[^\W\d_]))"
                            r"|(?:[a-zà-ỹđ_]{1,3}[\W_]*\s+){1,2}(?=[A-ZÀ-ỸĐ]))")


def _signed_name(seg: Segment) -> Segment | None:
    """The signer's name line, also after a signed mark on the same line ("(Đã ký) Lê Văn A")."""
    if NOI_NHAN.match(seg.folded):
        return None
    if _recipients_line(seg.folded):
        return None  # `- Như Điều Bo` (`Như Điều 3;` misread) beside a title: Như is a family name too
    if seg.text.rstrip().endswith(";") and (LIST_ITEM.match(seg.text) or (
            not is_upper_line(seg.text) and (not _family_first(_SPECKS.sub("", seg.text))
                                             or _SPECKS.sub("", seg.text)[:1].islower()))):
        # `- Đoàn Kiểm tra;`: an item of the recipients' list beside the title (Đoàn is a family
        # name), or an item's second line, a place (`- UBND các xã: …,` over `Na Hang;`), or an
        # item its dash lost opening in small letters (`xa Trà Cú;`: `xã` without its mark is a
        # family name's letters, a name's first letter a capital); a name with a speck read as a
        # semicolon after it stays (`Nguyễn Văn An;`)
        return None
    if _capitals_among_small(_SPECKS.sub("", seg.text).split()):
        return None  # `Endy TỊCH`, `ZR ON Tị`: a black seal's ring and the title's word read as one line
    if is_upper_line(seg.text) and not _family_first(seg.text):
        return None  # a name in capitals starts with a family name; `NGC CC` is a seal's scraps
    if is_upper_line(seg.text) and _ends_like_a_title(seg.folded):
        return None  # `PHÓ GHÁNH VĂN PHÒNG`: Phó is a family name, but this is a title misread
    if is_upper_line(seg.text) and _seal_ring(_SPECKS.sub("", seg.text).split()):
        return None  # `Y SỞ`: a seal's ring (Y is an Ê Đê family name, SỞ no one's)
    if mostly_not_syllables(seg.text, marks_lost=True) and not _peoples_name(seg.text):
        # a signature's loops read as `Dp Fs`; an Ê Đê `Kđăm` among real syllables stays, and
        # so does a name whose marks OCR lost (`Nguyễn Th Bich Ngoc`: `Bich` is `Bích` unmarked)
        return None
    if _is_name_line(seg.text, small_family=True):
        return seg
    scrapless = _without_scraps(seg.text)
    if scrapless != seg.text and _is_name_line(scrapless) and _family_first(_SPECKS.sub("", scrapless), cut_short=True):
        # (the name is read without the scraps below). The family name may be cut short where
        # the scrap is the stroke that cut it (`Nguy 1 Thi Kim Ngân`): namefix completes it.
        return seg
    mended = _figures_mended(seg.text)
    if mended and _is_name_line(mended) and _family_first(mended):
        return seg
    m = _SIGNED_MARK.match(seg.text)
    if m and _is_name_line(seg.text[m.end():]):
        return seg.sub(m.end())
    m = _SCRAPS_BEFORE.match(seg.text)
    if m and m.group("figures") is None and len(seg.text[m.end():].split()) < 3:
        # small letters only before three words at least: `các xã Tân Phong` is a place, no scraps and a name
        m = None
    if m and _is_name_line(seg.text[m.end():]) and _family_first(seg.text[m.end():]):
        return seg.sub(m.end())
    cut = _name_prefix_end(seg.text)
    if cut and _is_name_line(seg.text[cut:]):
        return seg.sub(cut)  # a rank or degree before the name ("Đại tướng Lương Tam Quang")
    return None


@lru_cache(maxsize=1)
def _recipient_phrases() -> tuple[str, ...]:
    return tuple(fold_phrase(p) for p in resources.lines("recipient_phrases.txt"))


def _recipients_line(folded: str) -> bool:
    """Does the line open with a phrase of the recipients' list (`nhu dieu`, `nhu tren`)?"""
    words = re.findall(r"\w+", folded)
    return any(words[:len(p.split())] == p.split() for p in _recipient_phrases())


@lru_cache(maxsize=1)
def _seal_words() -> frozenset[str]:
    return frozenset(resources.lines("seal_words.txt"))


def _seal_ring(words: list[str]) -> bool:
    """Words a seal's ring spells and letters of it alone (`Y SỞ`), no name's (`NGUYỄN VĂN HÒA`)."""
    return any(w in _seal_words() for w in words) and all(w in _seal_words() or len(w) == 1 for w in words)


def _figures_mended(text: str) -> str | None:
    """A name line with a figure read for a capital (`Ha 1rung Kiên`: a seal's ring across the
    T), each such word as the one listed name syllable a look-alike letter spells
    (name_glyphs.tsv); None where there is no such word or it spells none, or more than one."""
    words = text.split()
    changed = False
    for k, word in enumerate(words):
        if not any(c.isdigit() for c in word):
            continue
        found = {w for w in glyph_swaps(word) if w.isalpha() and w.casefold() in listed_spellings(w)}
        if len(found) != 1:
            return None
        words[k], changed = found.pop(), True
    return " ".join(words) if changed else None


def _ends_like_a_title(folded: str) -> bool:
    """A line that is a signer's title read a letter or two off (`- PHÓ GHÁNH VĂN PHÒNG`), not a
    name that shares a title's last words (`NGUYỄN VĂN PHÒNG`, `LÊ QUỐC HỘI`)."""
    line = " ".join(re.findall(r"[a-z]+", folded))
    return len(line) >= 8 and any(edit_distance(line, t, 2) <= 2 for t in _title_heads() if " " in t)


@lru_cache(maxsize=1)
def _name_prefixes() -> tuple[tuple[str, str], ...]:
    """Each rank or degree with its folded form: OCR misreads their marks (`Dại tướng`, its Đ's
    stroke lost on a fax)."""
    return tuple((p, fold_phrase(p)) for p in sorted(resources.words("name_prefixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _folded_families() -> frozenset[str]:
    return frozenset(fold_word(f) for f in family_names.listed())


def _name_prefix_end(text: str) -> int:
    """Where a leading rank or degree (data: name_prefixes.txt) ends, 0 if there is none."""
    end = 0
    prefixes = _name_prefixes()
    while True:
        rest = text[end:]
        hit = next((p for p, folded in prefixes if fold_phrase(rest[:len(p)]) == folded
                    and (p.endswith(".") or rest[len(p):len(p) + 1] == " ")), None)
        if hit is None:
            return end
        end += len(hit)
        end += len(text[end:]) - len(text[end:].lstrip())


def split_bottom(seg: Segment) -> list[Segment]:
    """Cut `- Như Điều 3; PHÓ CHỦ TỊCH` (Nơi nhận and signature on one line) in two."""
    if not seg.text[-1:].isupper() or len(seg.text) > 160 or AUTHORITY.match(seg.folded):
        return [seg]  # (`Q. GIÁM ĐỐC`: the acting authority's mark is no line's end)
    for m in _TAIL_START.finditer(seg.text):
        tail = seg.sub(m.end())
        if not is_upper_line(tail.text) or is_upper_line(seg.text[:m.start()]):
            continue
        if AUTHORITY.match(tail.folded) or starts_with_head(tail.folded, _title_heads()):
            return [seg.sub(0, m.start()), tail]
    return [seg]


def bottom_segments(pages: list[Page]) -> list[Segment]:
    return [piece for p in pages for s in p.segments() for piece in split_bottom(s)]


def _acting(seg: Segment) -> bool:
    """`Q. GIÁM ĐỐC`: an acting head's line (Q. for quyền)."""
    return bool(re.match(r"q\s?\.\s*\S", seg.folded))


def find_signer(pages: list[Page]) -> tuple[Signer, dict[str, Evidence]] | None:
    """The first complete signature block: [authority lines], title line(s), name."""
    segs = bottom_segments(pages)
    n = len(segs)
    i = 0
    while i < n:
        seg = segs[i]
        auth = AUTHORITY.match(seg.folded) and is_upper_line(seg.text)
        if not auth and not _is_title_line(seg):
            i += 1
            continue
        authority: list[Segment] = []
        titles: list[Segment] = []
        j = i
        while j < n and j - i < 20:
            s = segs[j]
            if AUTHORITY.match(s.folded) and is_upper_line(s.text) and not titles and not (authority and _acting(s)):
                authority.append(s)
            elif _acting(s) and is_upper_line(s.text) and authority and not titles:
                titles.append(s)  # `TL. GIÁM ĐỐC` then `Q. TRƯỞNG PHÒNG …`: the acting head's own title
            elif is_upper_line(s.text) and not _is_filler(s) and len(s.text.split()) <= 8 and (
                    _is_title_line(s) or authority or titles):
                titles.append(s)
            elif (titles or authority) and _signed_name(s) is not None:
                s = _signed_name(s)
                nxt = _sound_name_below(segs, j) if not _sound_name(s.text) else None
                if nxt is not None:
                    # the signature's loops read as a line of letters above the name (`ly Yee |
                    # z | ˆ` over `Nguyễn Mạnh Khương` on a phone photo; `Cee VI AI`, then its
                    # scraps `a`, `ý...`, `NGÀ 2 | l | 2V 1`, over `Đảo Ngọc Dung`): the name is
                    # the line that spells one
                    s = nxt
                # the name; a speck OCR put before it ("- Hồ Đức Phớc", "“pram …") is not part of it
                lead, tail = _SPECKS_AT_START.match(s.text), _SPECKS_AT_END.search(s.text)
                name_seg = s.sub(lead.end() if lead else 0, tail.start() if tail else len(s.text))
                if not titles and authority and _acting(authority[-1]):
                    # `Q. GIÁM ĐỐC` alone: the acting head signs in their own name, the line is
                    # their title as much as their authority
                    titles = [authority[-1]]
                signer = Signer(
                    name=_capitalised(_without_strokes(_name_read(_figures_mended(name_seg.text) or name_seg.text))),
                    title=squash(" ".join(_SPECKS.sub("", t.text) for t in titles)) or None,
                    authority=squash(" ".join(a.text for a in authority)) or None,
                )
                return signer, {"signer": quoted(name_seg)}
            elif not (_is_filler(s) or LIST_ITEM.match(s.text)):
                break
            j += 1
        i = max(i + 1, j if j > i + 1 else i + 1)
    return None


# a signing authority's marks of one signing for another (`KT.`, `TL.`, `TUQ.`, `Q.`)
_SIGNS_FOR = re.compile(r"\b(?:KT|TL|TUQ|Q)\s?\.")


def deputy_read_bare(signer: Signer) -> Signer | None:
    """A deputy's block read with its `KT.` and its `PHÓ` lost under the seal: the head's title
    read twice (`GIÁM ĐỐC GIÁM ĐÓC` for `KT. GIÁM ĐỐC` over `PHÓ GIÁM ĐỐC`), the one block a
    title repeats in. The signer as that block prints it, or None where the title is no head's
    title read twice (the clerk is told to check it)."""
    words = (signer.title or "").split()
    half = len(words) // 2
    if not half or len(words) % 2:
        return None
    if signer.authority and (_SIGNS_FOR.search(signer.authority) or signer.authority.count("TM.") > 1):
        return None  # read with its own `KT.`/`TL.` already, or two bodies' blocks side by side
    first, second = " ".join(words[:half]), " ".join(words[half:])
    head = canon_title(first)
    if head is None or fold_phrase(head) not in _title_heads() or edit_distance(
            fold_phrase(first), fold_phrase(second), 2) > 2 or edit_distance(fold_phrase(second), fold_phrase(head), 2) > 2:
        return None
    deputy = f"PHÓ {head}"
    if fold_phrase(deputy) not in _title_heads():
        return None
    return Signer(name=signer.name, title=deputy, authority=squash(f"{signer.authority or ''} KT. {head}"))


# the segments looked at below a name line that spells no name, for one that does (a
# signature's loops read as letters: a line and its cells)
_LOOPS_SEGMENTS = 6
# a segment this long or longer is text, no loop's scrap: nothing below it is looked at
_SCRAP_CHARS = 15


def _sound_name_below(segs: list[Segment], j: int) -> Segment | None:
    """The first name line that spells a name in the few short scraps below segment j, on its
    page (an annex's `DANH SÁCH` atop the next page is no loop of the signature)."""
    for seg in segs[j + 1:j + 1 + _LOOPS_SEGMENTS]:
        if seg.page != segs[j].page:
            return None
        found = _signed_name(seg)
        if found is not None and _sound_name(found.text):
            return found
        if not _is_filler(seg) and len(seg.text.strip()) >= _SCRAP_CHARS:
            return None
    return None


# A name read without its title is worth less than a whole signature block.
_BARE_NAME_CONFIDENCE = 0.5


# a stroke alone between a name's words: no name has such a word (`A` and `Y` it has: `Sùng A
# Tua`, `Y Moan`), but a seal's ring or a signature's stroke cut to a letter's size reads so
# (`Hồ Sỹ I Long`)
_STROKE_WORDS = frozenset("Iil|1!")


def _without_strokes(name: str) -> str:
    """The name without a stroke read as a word between its words, nor a speck glued to one."""
    words = _without_specks(name).split(" ")
    return " ".join(w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and w in _STROKE_WORDS))


# a seal's speck read after a name's word (`Pham Thi? Thanh Trà`): no sentence's stop, which
# ends a line of names or of words (`Nguyễn Văn A, Trần Văn B` is no name)
# (a lone capital opening the line keeps its apostrophe: a K'Ho name's `K' Điểu …`)
_GLUED_SPECK = re.compile(r"(?<=[^\W\d_])(?<!^[A-Z])[?*°\"'“”‘’`]+(?=\s|$)")
# ... nor a colon inside a line of one name's few words (`Nguyên Mạn: Khương`, ink and paper's
# specks); a line of two names is longer
_GLUED_COLON = re.compile(r"(?<=[^\W\d_]):(?=\s+[^\W\d_])")
_ONE_NAMES_WORDS = 4
_GLUED_STOP = re.compile(r"(?<=[^\W\d_])[,.;]")
# degrees name_prefixes.txt does not list (an engineer's `Ks.`, a bachelor's `CN.`, a
# pharmacist's `DS.`), whose stop is no speck either; stripping them before a name is not this
# rule's (the list's TS., ThS., BS., GS., PGS. are folded in by `_degrees`)
_DEGREES_UNLISTED = frozenset({"ks", "cn", "ds"})


# two capitalised words run together, the space between lost under a seal's ring (`ThịThanh`)
_GLUED_CAPITAL = re.compile(r"\b([^\W\d_][^\W\d_A-ZĐ]+)([A-ZĐ\u00C0-\u1EF9][^\W\d_A-ZĐ]+)\b")


# ... or with a speck between read as an apostrophe (`Vo'Thi Kim Loan`, a hard-pressed seal's dot)
_GLUED_BY_APOSTROPHE = re.compile(r"\b([^\W\d_]{2,})['’]([^\W\d_]+)\b")


def _glued_words_parted(text: str) -> str:
    """Each word of two capitalised syllables run together split in two, where the word is no
    syllable and each part is one (`Ngô ThịThanh Huyền`), or with an apostrophe between them
    (`Vo'Thi`); an Ê Đê `H’Hen` (a capital alone before it) and a `Kơ'nia` keep their own."""
    def part(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if not a[0].isupper() or not b[0].isupper() or is_syllable(m.group()) or not (is_syllable(a) and is_syllable(b)):
            return m.group()
        return f"{a} {b}"

    def part_at_apostrophe(m: re.Match[str]) -> str:
        # only after a Kinh name's letters (`Vo`, `Thi`): a Jarai or Bahnar word's own apostrophe
        # stays (`Pơ'Loong`, a reviewer's)
        # (its letters a name's as read, or bare of every mark: `Pơ` is no `Pờ` misread)
        listed = listed_spellings(m.group(1))
        return part(m) if listed and (m.group(1).lower() in listed or m.group(1).isascii()) else m.group()
    return _GLUED_BY_APOSTROPHE.sub(part_at_apostrophe, _GLUED_CAPITAL.sub(part, text))


# a figure between two letters: a seal's or a signature's dot read as one (`Vừ2Á Sùng`); a
# name holds no figure
_FIGURE_INSIDE = re.compile(r"(?<=[^\W\d_])\d(?=[^\W\d_])")


def _without_specks(text: str) -> str:
    text = _FIGURE_INSIDE.sub(" ", text)
    text = _glued_words_parted(_GLUED_SIGNS.sub("", _GLUED_SPECK.sub("", text)))
    if len(text.split()) > _ONE_NAMES_WORDS:
        return text
    text = _GLUED_COLON.sub("", text)
    # a comma or a stop between a name's words, a space lost with it or not (`Hà,Minh. Tuấn`: a
    # seal's or the grain's dots): every word a capitalised one, as a name's are
    # (after a word in small letters that is no degree: `Ts. Nguyễn …`, `TS.BS. …` keep theirs)
    parted = squash(_GLUED_STOP.sub(lambda m: m.group() if _before_is_degree(m) or not (
        m.string[m.start() - 1].islower() and _capital_follows(m)) else " ", text))
    return parted if all(w[:1].isupper() for w in parted.split()) else text


def _capital_follows(m: re.Match[str]) -> bool:
    rest = m.string[m.end():].lstrip()
    return rest[:1].isupper()


@lru_cache(maxsize=1)
def _degrees() -> frozenset[str]:
    """The degrees printed before a name, folded, without their stops (`ts`, `ths`, `bs`, `ks`)."""
    return frozenset(fold_phrase(p).replace(".", "").replace(" ", "") for p in resources.lines("name_prefixes.txt")
                     if "." in p) | _DEGREES_UNLISTED


def _before_is_degree(m: re.Match[str]) -> bool:
    word = re.findall(r"[^\W\d_]+$", m.string[:m.start()])
    return bool(word) and fold_phrase(word[0]) in _degrees()


# a copy of a copy's toner read about a name's words: a lone small letter or figure after a
# word (`Hồ Quốc Dũng s`, `Nguyễn) Văn n Thắng 7`), a bracket glued after a word or a `¡`
# before one (`Phạm Thị ¡Thanh Trà. 7`). A capital alone stays (`Lê Văn A`).
# A quote glued before an inner word's capital is a speck too (`Phương 'Thảo`); one inside a
# word is an Ê Đê name's own (`H’Nguyệt`).
_GLUED_SIGNS = re.compile(r"(?<=[^\W\d_])[)\]}]+(?=\s|$)|(?<=\s)[¡|]+(?=[^\W\d_])|(?<=\s)['‘’`\"“]+(?=[^\W\d_])")


def _without_scraps(text: str) -> str:
    words = _GLUED_SIGNS.sub("", text).split()
    return " ".join(w for k, w in enumerate(words) if k == 0 or not (len(w) == 1 and (w.islower() or w.isdigit())))


def _name_read(text: str) -> str:
    """A name line's words without the scraps and specks about them, spaces squashed."""
    return squash(_SPECKS.sub("", _without_scraps(text)))


def _sound_name(text: str) -> bool:
    """Every word a syllable, the first a capitalised family name: nothing of a stroke in it;
    or a name of another people (`_peoples_name`)."""
    words = _SPECKS.sub("", text).split()
    return (len(words) >= 2 and words[0][:1].isupper() and _family_first(text) and all(map(is_syllable, words))) \
        or _peoples_name(text)


def _peoples_name(text: str) -> bool:
    """A name of a people whose names Vietnamese writes in words no syllable spells (`H’Hen Niê`,
    `Ksor Kpă`, `Thạch Sóc Khlot`): one of their family names first (data/unsyllabic_families.txt,
    or an `H'` prefix), every word spelled as a name's (`spelled_as_a_name`). On another family
    name such words are scraps (`Lò Ans`)."""
    words = _SPECKS.sub("", text).split()
    if not 2 <= len(words) <= 6 or not all(spelled_as_a_name(w) for w in words):
        return False
    # (the family name a letter off one of theirs: a ring over it, `Thacb`)
    family = fold_word(words[0])
    return family in _unsyllabic_families() or one_letter_off(family, _unsyllabic_families()) is not None \
        or family_names.prefixed(words[0])


@lru_cache(maxsize=1)
def _unsyllabic_families() -> frozenset[str]:
    return frozenset(fold_word(f) for f in resources.lines("unsyllabic_families.txt"))


def _capitalised(name: str) -> str:
    """A signer's name opens with a capital, also when OCR read its family name small; a word
    OCR put a capital inside (`MìnH`) is in small letters after its first."""
    words = name.split(" ")
    # (`H'Hen Niê`, `Y-Ngông`: an Ê Đê or Jarai name's inner capital is its own)
    words = [w[:1] + w[1:].lower() if w[1:].isalpha() and any(c.isupper() for c in w[1:]) and not w[1:].isupper()
             else w for w in words]
    # a short family name read small, its capital's stem under the seal (`nơ` for `Rơ`)
    words[0] = near_marked_family(words[0]) or words[0]
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def _name_cell(seg: Segment) -> Segment | None:
    """The name when the layout split the seal's specks off into cells of their own
    (`“Ho Văn Khiêm | Xe`): the first cell, if it is a name line."""
    cut = seg.text.find(" | ")
    if cut <= 0:
        return None
    return _signed_name(seg.sub(0, cut))


def _family_first(text: str, cut_short: bool = False) -> bool:
    """The line opens with a family name; with `cut_short`, also with the opening letters (four
    or more) of the one family name they can begin, or one letter off one (namefix's repairs)."""
    words = _SPECKS.sub("", text, count=1).split()
    if not words:
        return False
    if fold_word(words[0]) in _folded_families() or family_names.prefixed(words[0]):
        return True
    return cut_short and fold_word(repair_syllable(words[0], "family", short_slip=True)) in _folded_families()


# how far above the name its title line may stand when the Nơi nhận list's lines were read
# between them (the two columns of the foot interleaved: `- Như Điều 3;` / `CHỦ TỊCH` / `- TT …`)
_TITLE_LINES_ABOVE = 6


def _title_above(segs: list[Segment], name: Segment) -> tuple[str | None, str | None]:
    """(title, authority) of a name found at the foot: the nearest title line in capitals a few
    lines above it on its page (the list's items between are the other column's), and an
    authority line right above that (`KT. CHỦ TỊCH`)."""
    above = [s for s in segs if s.page == name.page and name.line - _TITLE_LINES_ABOVE <= s.line < name.line]
    for k in range(len(above) - 1, -1, -1):
        seg = above[k]
        if _is_title_line(seg) and not seg.text.lstrip().startswith(("-", "+", "•")) and len(seg.text.split()) <= 5:
            prev = above[k - 1] if k else None
            authority = squash(prev.text) if prev is not None and AUTHORITY.match(prev.folded) and \
                is_upper_line(prev.text) else None
            return squash(seg.text), authority
    return None, None


def name_under_seal(pages: list[Page], conf: float | None) -> tuple[Signer, dict[str, Evidence]] | None:
    """The signer when the seal hid the title lines: on a scan, the last line of the signing
    page is a person's name (a known family name first) standing below the body and the Nơi
    nhận list, with only seal and signature specks around it. The name line is what counts.

    The signing page is the last one, or, when that one ends in an annex (a DANH SÁCH table, no
    name under it), the last page before it that holds the Nơi nhận list. An annex that is a
    form has a Nơi nhận of its own and a title with no name (`THỦ TRƯỞNG (Ký tên và đóng
    dấu)`): the name is then looked for above an annex's heading (`Phụ lục`)."""
    if conf is None:
        return None  # a text layer has its title lines; a lone name there is something else
    per_page = [[s for s in bottom_segments([page]) if s.text.strip()] for page in pages]
    for lines in (per_page, *_before_annex_headings(per_page)):
        found = _name_at_the_foot(lines, conf)
        if found is not None:
            return found
    return None


# an annex's heading standing alone on its line (folded): `Phụ lục`, `PHỤ LỤC II`, `Phụ lục số
# 01`, `PHỤ LỤC I-A`, `Mẫu số 01/TK`, `Mẫu số: 01`
_ANNEX_HEAD = re.compile(r"^(?:phu luc|mau so)(?:\s*:?\s*(?:so\s*)?(?:[ivxl]+|\d+[a-z]?)(?:[-./]\w+)*)?\s*[.:]?$")
# a heading among a page's first lines opens the document (an annex sent alone), no annex after it
_ANNEX_LEAST_LINE = 6


def _before_annex_headings(per_page: list[list[Segment]]) -> Iterator[list[list[Segment]]]:
    """The pages' lines up to each annex heading in turn (a heading-like line in the body, a
    list of forms, may come before the annex's own)."""
    for i, segs in enumerate(per_page):
        for k, seg in enumerate(segs):
            if (i or k >= _ANNEX_LEAST_LINE) and (_ANNEX_HEAD.match(seg.folded) or _heads_an_annex(segs, k)):
                yield per_page[:i] + [segs[:k]]


def _heads_an_annex(segs: list[Segment], k: int) -> bool:
    """A short line over `(Kèm theo …)` is an annex's heading, also read damaged (`Phu In` for
    `Phụ lục` on a fax), and so is a short line over it (the heading read twice: `Phu In`,
    `hụ Ine`). A page's number there (`73`) or the gazette's running head is no heading."""
    for j in (k + 1, k + 2):
        if j < len(segs) and ANNEX_SUBHEAD.match(segs[j].folded):
            return all(len(seg.text.split()) <= 4 and re.search(r"[^\W\d_]{2}", seg.text)
                       and not GAZETTE.match(seg.folded) for seg in segs[k:j])
    return False


def _name_at_the_foot(per_page: list[list[Segment]], conf: float) -> tuple[Signer, dict[str, Evidence]] | None:
    """The name at the foot of the signing page: the last page, or the last before it with a
    Nơi nhận list (each page given as its lines)."""
    for segs in reversed(per_page):
        names: list[Segment] = []
        # (a line's bars split it into segments: `Hiện | we | Bre`; the scraps are the line's)
        lines: dict[tuple[int, int], str] = {}
        for s in segs:
            lines[s.page, s.line] = f"{lines.get((s.page, s.line), '')} {s.text}"
        for seg in reversed(segs):
            if (_is_filler(seg) or (_scraps(lines[seg.page, seg.line]) and not _is_title_line(seg))) \
                    and not (_is_name_line(seg.text) and _family_first(seg.text, cut_short=True)):
                # (a name is no wording: `Thacb Sóc Khlot`, a Khmer name whose family name a ring
                # put a letter off, is no line of scraps)
                continue
            if _is_title_line(seg) or (AUTHORITY.match(seg.folded) and is_upper_line(seg.text)):
                break  # the block's title with no name under it ("PHÓ THỦ TƯỚNG": Phó is a family name too)
            named = _signed_name(seg) or _name_cell(seg)
            if named is None:
                break
            # OCR specks glued to the name ("‘Bui Van Hải") are no part of it
            lead = len(named.text) - len(_SPECKS.sub("", named.text, count=1)) if _SPECKS.match(named.text) else 0
            quote = named.sub(lead, len(named.text.rstrip("-–•*.,;:'‘’ ")))
            first = fold_word(quote.text.split()[0])
            if not _family_first(quote.text) and not one_letter_off(first, _folded_families()):
                break  # a family name first, or one letter off exactly one (`Đìnn` for `Đinh`)
            names.append(quote)
        if names:
            # a pen's scribble under the name can read as a short name too (`Lý Va` under `Nguyễn
            # Mạnh Khương`): the fullest name of the foot, the lowest of equals
            _, quote = max(enumerate(names), key=lambda iq: (min(len(iq[1].text.split()), 4), -iq[0]))
            # OCR slips in the marks of a name ("Lé" for "Lê", "Bui Van") are repaired as for people
            name = _capitalised(_without_strokes(repair_ocr_name(_name_read(quote.text))))
            title, authority = _title_above(segs, quote)
            return Signer(name=name, title=title, authority=authority), {"signer": Evidence(
                page=quote.page, quote=quote.text, start=quote.start, confidence=min(conf, _BARE_NAME_CONFIDENCE))}
        if any(NOI_NHAN.match(s.folded) for s in segs):
            return None  # the signing page, and no name at its foot
    return None
