"""Repairs for OCR slips in header words whose right spelling is known.

Tesseract's Vietnamese model drops or swaps tone marks on capitals (`PHO CHU TỊCH`, `KHAN`,
`QUYET DINH`) and loses the space between capitalised words (`VẠNXUÂN`). Where a word comes
from a closed vocabulary (titles, type names, marks, body heads) the vocabulary's spelling is
restored; where two header fields name the same place (`tỉnh Vạnxuân` in the issuer, `Vạn
Xuân` in the date line) the better spelled one is used for both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.lookalikes import lookalike_variants
from dispatch_reader.extract.lexicon import is_known
from dispatch_reader.extract.textutil import fold_keep, fold_phrase
from dispatch_reader.places.match import edit_distance
from dispatch_reader.textnorm import cased_like, marks


@lru_cache(maxsize=None)
def _spellings(name: str) -> dict[str, list[str]]:
    """fold → every entry of the vocabulary with it (`THỨ TRƯỞNG`, `THỦ TRƯỞNG`), in file order."""
    out: dict[str, list[str]] = {}
    for row in resources.rows(name):
        out.setdefault(fold_phrase(row[0]), []).append(row[0])
    return out


@lru_cache(maxsize=None)
def _vocab(name: str) -> dict[str, str]:
    """fold → the vocabulary's first entry with it."""
    return {key: entries[0] for key, entries in _spellings(name).items()}


def canon_phrase(text: str | None, *vocab_files: str) -> str | None:
    """The vocabulary spelling of `text` when its fold matches an entry (case as printed).
    Where entries share the fold, the first that bears every mark read: OCR loses marks, so
    `THU TRUONG` is the first listed, but `THỦ TRƯỞNG` (head of an agency) is never `THỨ
    TRƯỞNG` (a deputy minister); with none such, the first (a mark misread, `THỦ TƯỞNG`)."""
    if not text:
        return text
    key = fold_phrase(text)
    read = marks(text.upper())
    for name in vocab_files:
        hits = _spellings(name).get(key)
        if hits:
            hit = next((h for h in hits if read <= marks(h.upper())), hits[0])
            return hit.upper() if text.isupper() or _mostly_upper(text) else hit
    return text


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8


@lru_cache(maxsize=1)
def _titles_a_letter_short() -> dict[str, set[str]]:
    """Each listed signer title of two words or more with one letter taken out → the titles it
    comes from (`Ộ TRƯỞNG` → {`BỘ TRƯỞNG`})."""
    out: dict[str, set[str]] = {}
    for title in _vocab("signer_titles.txt").values():
        if " " in title:
            for i in range(len(title)):
                out.setdefault(title[:i] + title[i + 1:], set()).add(title)
    return out


def title_a_letter_off(text: str) -> str | None:
    """The listed signer title of two words or more that `text` is with one letter lost, marks
    and all (`Ộ TRƯỞNG`: the B under the seal's ring). A letter read as another is another
    title or a name (`TỔ TRƯỞNG`, `CHU TỈNH`), never this one; lines of under seven letters
    are left alone."""
    line = " ".join(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text).upper()))
    if len(line.replace(" ", "")) < 7:
        return None
    near = _titles_a_letter_short().get(line, set())
    return next(iter(near)) if len(near) == 1 else None


def canon_title(text: str | None) -> str | None:
    """`PHO CHU TỊCH` → `PHÓ CHỦ TỊCH`; a known title head with a body after it keeps the body;
    a whole title with a letter lost is that title."""
    if not text:
        return text
    fixed = canon_phrase(text, "signer_titles.txt", "positions.txt")
    if fixed != text:
        return fixed
    near = title_a_letter_off(text)
    if near is not None:
        return near
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        head = canon_phrase(" ".join(words[:k]), "signer_titles.txt")
        if head != " ".join(words[:k]):
            rest = canon_phrase(" ".join(words[k:]), "body_heads.txt", "known_bodies.txt")
            return f"{head} {rest}"
    return text


def canon_authority(text: str | None) -> str | None:
    """`KT. CHU TICH` → `KT. CHỦ TỊCH`, `TM. UY BAN NHAN DAN` → `TM. ỦY BAN NHÂN DÂN`."""
    if not text:
        return text
    parts = re.split(r"\s+(?=(?:TM|KT|TL|TUQ|Q|PP)\.)", text)
    out = []
    for part in parts:
        m = re.match(r"^(\S+\.?)\s+(.*)$", part)
        if not m:
            out.append(part)
            continue
        lead, rest = m.group(1), m.group(2)
        fixed = canon_title(rest)
        if fixed == rest:
            fixed = canon_phrase(rest, "body_heads.txt", "known_bodies.txt")
        out.append(f"{lead} {fixed}")
    return " ".join(out)


def _squeezed(text: str) -> str:
    return fold_phrase(text).replace(" ", "")


def _marks_count(text: str) -> int:
    return sum(1 for c in text if c.isalpha() and not c.isascii())


def reconcile_place(issuer: str | None, place: str | None) -> tuple[str | None, str | None]:
    """Make the place in the issuer's name and the date line's place agree on spelling."""
    if not issuer or not place:
        return issuer, place
    words = issuer.split()
    target = _squeezed(place)
    for k in range(max(0, len(words) - 4), len(words)):
        tail = " ".join(words[k:])
        if _squeezed(tail) == target and tail != place:
            better_place = place if _marks_count(place) >= _marks_count(tail) and " " in place else tail
            if " " not in better_place and " " in place:
                better_place = place
            # a province's own spelling over a mark read where none is (`LÀI CHÂU` under a stamp);
            # a commune may bear a province's letters with other marks (`xã Thanh Hoà`)
            if fold_phrase(" ".join(words[max(k - 2, 0):k])).endswith(("tinh", "thanh pho")):
                better_place = respell_place(better_place) or better_place
            return " ".join(words[:k] + [better_place]), better_place
    return issuer, place


def respace_body(line: str) -> str:
    """`SỞNỘIVỤ`, `SỞY TẾ` (OCR lost a space or all) → `SỞ NỘI VỤ`, `SỞ Y TẾ` when it is a
    known body."""
    key, count = _squeezed(line), len(line.split())
    for name in ("known_bodies.txt", "body_heads.txt"):
        for entry in resources.lines(name):
            if len(entry.split()) > count and _squeezed(entry) == key:
                return entry.upper() if _mostly_upper(line) else entry
    return line


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], list[str]]:
    """Folded multi-word vocabulary phrases → their spelling (body heads, bodies, positions)."""
    out: dict[tuple[str, ...], list[str]] = {}
    for name in ("body_heads.txt", "known_bodies.txt", "positions.txt", "count_nouns.txt", "recipient_phrases.txt",
                 "secondment_kinds.tsv", "subject_phrases.txt"):
        for line in resources.lines(name):
            words = line.split("\t")[0].split()
            if len(words) >= 2:
                out.setdefault(tuple(fold_phrase(w.strip(",.;:()")) for w in words), [w.strip(",.;:()") for w in words])
    return out


def vocabulary_phrases() -> list[list[str]]:
    """The vocabulary's phrases of two words or more, word by word as spelled."""
    return list(_phrases().values())


@lru_cache(maxsize=1)
def _phrases_but_one() -> dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    """Phrases of three words or more by their words with one left out ('' in its place):
    where OCR misread a letter of one word (`sửa đổi, hỗ sung`)."""
    out: dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]] = {}
    for key in _phrases():
        if len(key) >= 3:
            for j in range(len(key)):
                out.setdefault(key[:j] + ("",) + key[j + 1:], []).append((j, key))
    return out


def _letter_slip(i: int, folded: list[str]) -> tuple[int, tuple[str, ...]] | None:
    """A phrase of three or four words at word i but for one letter of one word, misread in
    place (the same length, one letter other), when exactly one phrase is that close."""
    found = []
    for n in (4, 3):
        window = tuple(folded[i:i + n])
        if len(window) < n:
            continue
        for j in range(n):
            for at, key in _phrases_but_one().get(window[:j] + ("",) + window[j + 1:], ()):
                read, want = window[at], key[at]
                # a short word one letter off is as often another real word (`vị`, `và` for
                # `về`): only in a phrase of four words, or in a word of four letters or more
                if len(read) == len(want) >= 2 and sum(a != b for a, b in zip(read, want)) == 1 and (
                        n == 4 or len(want) >= 4):
                    found.append((n, key))
        if found:
            break
    return found[0] if len(set(found)) == 1 else None


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    return {fold_phrase(r[0]): r[0] for r in resources.rows("admin_levels.txt") if " " not in r[0]}


# a date written out: `ngày 15 tháng 01 năm 2022`, whose three words are set
_DATE_WORDS = re.compile(r"\b([^\W\d_]+)(\s+\d{1,2}\s+)(\S{2,7})(\s+\d{1,2}\s+)([^\W\d_]+)(?=\s+\d{4}\b)")
_DATE_SPELLINGS = (("ngay", "ngày"), ("thang", "tháng"), ("nam", "năm"))


def _date_words(m: re.Match[str]) -> str:
    words = m.group(1), m.group(3), m.group(5)
    folded = [fold_phrase(w) for w in words]
    if folded[0] != "ngay" or folded[2] != "nam":
        return m.group(0)
    # between a day and a month, `ngày` before and `năm` after, a word two letters or signs off
    # `tháng` is it garbled (`ngày 15 (áng 01 năm 2022`, a fax)
    if folded[1] != "thang" and not (0 < int(m.group(4)) <= 12 and edit_distance(folded[1], "thang", 2) <= 2):
        return m.group(0)
    spelled = [cased_like(want, w) for w, (_, want) in zip(words, _DATE_SPELLINGS)]
    return spelled[0] + m.group(2) + spelled[1] + m.group(4) + spelled[2]


# how OCR reads `về` at a subject's start: the hat kept, the grave lost or read as another tone
_READ_FOR_VE = frozenset({"về", "vê", "vệ", "vế", "vể", "vễ", "ve"})


@lru_cache(maxsize=1)
def _ve_compounds() -> frozenset[str]:
    return frozenset(w.lower() for w in resources.words("ve_compounds.txt"))


def repair_subject_opener(subject: str) -> str:
    """A subject that opens with `Vê`, `Vệ`, `Vế`, `Vể`, `Vễ` or `Ve`, in either case, is `Về …`
    (`Vệ chính sách của Luật …`, `vê chính sách …` → `Về chính sách …`): OCR keeps the hat and
    loses or swaps the tone. Not a compound of `vệ` (`Vệ sinh …`, ve_compounds.txt), a place
    (`Vệ An`), nor `Vé`, `Vẽ`, `Vẻ`, `Vè`, words of their own (`Vẽ lại bản đồ …`)."""
    words = subject.split()
    if len(words) >= 3 and fold_phrase(words[1]) == "viec" and words[1].islower() and words[0] != "Về" and (
            words[0].lower() == "và" or not is_known(words[0])
            or edit_distance(fold_phrase(words[0]), "ve", 1) <= 1):
        # `và việc …`: a subject never opens with `và`; nor with a word that is none, or a letter
        # off `ve`, before `việc` (`me việc`, `cWVE việc`: a stamp's edge over `Về`); a
        # decision's opens `Về việc`. A word of a V/v subject stays (`làm việc với …`, `giao việc`)
        return " ".join(["Về"] + words[1:])
    if len(words) < 2 or words[0] == "Về" or words[0].lower() not in _READ_FOR_VE:
        return subject
    second = re.split(r"[-–,.;:()]", words[1])[0]
    if second.lower() in _ve_compounds() or second[:1].isupper():
        return subject
    # a subject of its own opens with a capital (`V/v` subjects never open with `về`)
    return " ".join(["Về"] + words[1:])


# a closing bracket glued to a word, none opened before it, and running text after: the comma
# OCR read with a speck below it (`công chức) viên chức`)
_UNOPENED_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\)(?= [^\W\d_])")


def _comma_for_bracket(m: re.Match[str]) -> str:
    running = m.string[m.end() + 1].islower()
    return "," if running and "(" not in m.string[:m.start()] else ")"


# what stands at a word's edges in running text and is no part of it (OCR reads a stamp's speck
# as a closing quote: `Lao dong”`)
_EDGES = ",.;:()\"“”"


@lru_cache(maxsize=1)
def _dashed_names() -> list[tuple[re.Pattern[str], str]]:
    """Known bodies' names with a dash inside (`Lao động - Thương binh và Xã hội`), as patterns
    over folded text that take the dash as lost or read as a speck, with their spelling."""
    out = []
    for name in resources.lines("known_bodies.txt"):
        if " - " not in name:
            continue
        head, tail = name.split(" - ", 1)
        before, after = head.split()[-2:], tail.split()

        def words(ws: list[str]) -> str:
            return r"\s+".join(re.escape(fold_phrase(w)) for w in ws)

        out.append((re.compile(rf"\b{words(before)}(?:\s*[-–—”\"'’]\s*|\s+){words(after)}\b"),
                    " ".join(before) + " - " + " ".join(after)))
    return out


def restore_name_dashes(text: str) -> str:
    """`Bộ Lao động Thương binh và Xã hội`, `Lao động” Thương binh`: the dash a known body's name
    holds, lost on a fax or read as a quote, put back (names spelled as the list spells them)."""
    for pattern, spelled in _dashed_names():
        folded = fold_keep(text)
        m = pattern.search(folded)
        if m and text[m.start():m.end()] != spelled:
            text = text[:m.start()] + spelled + text[m.end():]
    return text


def repair_ocr_phrase(text: str) -> str:
    """Tone marks and case OCR got wrong in running text whose words are known:
    `Tram Y tế xa` → `Trạm Y tế xã`, `làm VIỆC tại` → `làm việc tại`, `ngày 15 thang 01 nam
    2022` → `ngày 15 tháng 01 năm 2022`."""
    text = _UNOPENED_BRACKET.sub(_comma_for_bracket, text)
    words = text.split(" ")
    out = list(words)
    # a capitalised word with Vietnamese marks inside lower-case text is a case slip
    for i, w in enumerate(words):
        core = w.strip(_EDGES)
        # (a document's number is no word: `1702/QĐ-UBND` keeps its capitals)
        if len(core) >= 3 and core.isupper() and not core.isascii() and re.search(r"[aeiouy]", fold_phrase(core)) \
                and not re.search(r"[\d/]", core):
            left = words[i - 1] if i else ""
            right = words[i + 1] if i + 1 < len(words) else ""
            if (not left or left.islower()) and (not right or right.islower() or not right.isalpha()):
                out[i] = w.lower()
    folded = [fold_phrase(w.strip(_EDGES)) for w in out]
    phrases = _phrases()
    i = 0
    while i < len(out):
        hit = None
        for n in (4, 3):
            key = tuple(folded[i:i + n])
            if len(key) == n and key in phrases:
                hit = (n, phrases[key])
                break
        if hit is None:
            slip = _letter_slip(i, folded)
            if slip is not None:
                n, key = slip
                for k in range(n):
                    if folded[i + k] != key[k]:
                        core = out[i + k].strip(_EDGES)
                        want = phrases[key][k]
                        out[i + k] = out[i + k].replace(core, want if core[:1].islower() else want[:1].upper() + want[1:])
                        folded[i + k] = key[k]
                hit = (n, phrases[key])
        key = tuple(folded[i:i + 2])
        if hit is None and len(key) == 2 and key in phrases:
            hit = (2, phrases[key])
        if hit is None:
            i += 1
            continue
        n, spelled = hit
        respelled = [k for k in range(n) if out[i + k].strip(_EDGES).lower() != spelled[k].lower()]
        if n == 2 and len(respelled) == 2 and all(is_known(out[i + k].strip(_EDGES)) for k in respelled) \
                and not (i == 0 and all(out[i + k].strip(_EDGES).isascii() for k in respelled)):
            # both words of a two-word phrase read as other real words (`tiếp nhận viện trợ` is no
            # `nhân viên`): two slips at once are far less likely than another phrase. Not two
            # words read with no mark at all opening a subject (`bao cao số lượng …`): a copy's
            # line loses every mark at once, one slip; inside running text two bare words may be
            # words of their own (`thông qua hai dao luật`, `bao cao su`)
            i += 1
            continue
        for k in range(n):
            raw = out[i + k]
            core = raw.strip(_EDGES)
            if core and core.lower() != spelled[k].lower() and fold_phrase(core) == fold_phrase(spelled[k]):
                fixed = spelled[k].lower() if core[:1].islower() else spelled[k][:1].upper() + spelled[k][1:]
                fixed = fixed.upper() if core.isupper() and len(core) > 1 else fixed
                out[i + k] = raw.replace(core, fixed)
        nxt = i + n
        if nxt < len(out):
            # a level word bare of its marks after a phrase (`Trạm Y tế xa`); a marked word is a
            # word of its own (`đối với quân nhân`, `khắc phục tình trạng`, `phương án`: a
            # reviewer's), and so is `quan` before no place's capital (`nhiệm vụ quan trọng`)
            core = out[nxt].strip(_EDGES)
            lvl = _levels().get(fold_phrase(core))
            capital_after = nxt + 1 < len(out) and out[nxt + 1][:1].isupper()
            if lvl and core != lvl and core.islower() and core.isascii() \
                    and (fold_phrase(core) != "quan" or capital_after):
                out[nxt] = out[nxt].replace(core, lvl)
        i += n
    # a level word with its marks lost before a place's capital (`cho xa Tân Phong`); not
    # `quan` (`cơ quan Nhà nước`), the one level whose bare letters are a common word there
    for i in range(len(out) - 1):
        core = out[i].strip(_EDGES)
        lvl = _levels().get(fold_phrase(core)) if core.isascii() and core.islower() else None
        if lvl and lvl != core and fold_phrase(core) != "quan" and out[i + 1][:1].isupper():
            out[i] = out[i].replace(core, lvl)
    return _DATE_WORDS.sub(_date_words, " ".join(out))


def repair_ocr_recipient(item: str) -> str:
    """A Nơi nhận entry from a scan: `Luu: VT, NC` → `Lưu: VT, NC`, known phrases respelled."""
    item = re.sub(r"^L[uư]u\b", "Lưu", item)
    return repair_ocr_phrase(item)


def respell_place(place: str | None) -> str | None:
    """`Ha Nội` → `Hà Nội` when the fold is a known province or city name; so is `TIà Nội`,
    an `H` that worn print broke in two (data/glyph_lookalikes.tsv)."""
    if not place:
        return place
    vocab = _vocab("provinces.txt")
    hit = vocab.get(fold_phrase(place))
    for variant in () if hit else lookalike_variants(place):
        hit = vocab.get(fold_phrase(variant))
        if hit:
            break
    return hit or place


_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")


def _better(printed: list[str], other: list[str]) -> bool:
    """`other` spells the same letters with every mark `printed` has and more (OCR dropped some)."""
    return printed != other and all(marks(a) <= marks(b) for a, b in zip(printed, other)) and \
        sum(len(marks(b)) for b in other) > sum(len(marks(a)) for a in printed)


def _name_slip(printed: list[str], name: list[str]) -> bool:
    from dispatch_reader.extract.namefix import repair_ocr_name
    from dispatch_reader.extract.syllables import is_syllable

    return repair_ocr_name(" ".join(printed)) == " ".join(name) or _better(printed, name) or \
        not all(is_syllable(w) for w in printed)


def place_spellings(texts: list[str]) -> list[str]:
    """Place names as the text spells them after an administrative level (`xã Khánh Vĩnh`)."""
    levels = "|".join(re.escape(lvl) for lvl in sorted(_levels().values(), key=len, reverse=True))
    out = []
    for text in texts:
        for m in re.finditer(rf"(?<!\w)(?:{levels})\s+((?:[A-ZĐÀ-Ỹ][^\W\d_]*\s?){{1,4}})", text):
            out.append(" ".join(m.group(1).split()))
    return out


def respell_from_document(text: str | None, names: list[str], places: list[str]) -> str | None:
    """Names and places in a scanned header field (the subject) spelled as the document spells
    them elsewhere: a person's repaired name, or a place written with the marks OCR dropped."""
    if not text:
        return text
    words = text.split(" ")
    folded = [fold_phrase(w.strip(",.;:()")) for w in words]
    people = {fold_phrase(n) for n in names}
    places = [pl for pl in places if fold_phrase(pl) not in people]  # "tỉnh Đinh Xuân Quế": a title, not a place
    for phrase in sorted(set(names) | set(places), key=lambda x: (-len(x.split()), x)):
        target = phrase.split()
        key = [fold_phrase(w) for w in target]
        n = len(key)
        for i in range(len(words) - n + 1):
            if folded[i:i + n] != key:
                continue
            printed = [w.strip(",.;:()") for w in words[i:i + n]]
            if not printed[0][:1].isupper():
                continue
            if phrase in names and printed != target and _name_slip(printed, target) or \
                    phrase in places and _better(printed, target):
                for k in range(n):
                    words[i + k] = words[i + k].replace(printed[k], target[k])
                folded = [fold_phrase(w.strip(",.;:()")) for w in words]
    return " ".join(words)
