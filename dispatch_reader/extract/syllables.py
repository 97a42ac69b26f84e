"""Is a word a possible Vietnamese syllable? Onset + rhyme + tone, as the spelling rules allow.

A syllable is an optional onset (`ngh`, `tr`, `qu`, `gi`, …), a rhyme from a closed list (`uyên`,
`ương`, `anh`, …) and one tone mark; a rhyme that ends in `p`, `t`, `c`, `ch` takes only the
sắc or nặng tone. OCR slips often break these rules (`Khuyén`, `Hiéu`: `uye`/`ie` before a final
need their circumflex), which tells a misread name syllable from a rare but real one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from dispatch_reader.ingest.vietnamese import tone_on_vowel

_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_RHYMES = """
a ai ao au ay ac ach am an ang anh ap at
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oem oen oeo oep oet oi om on
ong ooc oong op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut uy uya uych uyên uyêt
uynh uyt uyu uyp
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y yêm yên yêng yêt yêu
"""


@lru_cache(maxsize=1)
def _rhymes() -> frozenset[str]:
    return frozenset(_RHYMES.split())


def split_tone(syllable: str) -> tuple[str, str | None]:
    """(the syllable without its tone mark, NFC lower case; the tone's name or None).
    Two tone marks make no syllable: (…, 'many')."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [c for c in decomposed if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if len(tones) > 1:
        return bare, "many"
    return bare, _TONES[tones[0]] if tones else None


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is spelled as a Vietnamese syllable can be (case ignored)."""
    if not word or not word.isalpha():
        return False
    bare, tone = split_tone(word)
    if tone == "many" or (tone and not tone_on_vowel(unicodedata.normalize("NFD", word.lower()))):
        return False
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        candidates = [rhyme]
        if onset in ("gi", "qu"):
            candidates.append(onset[1] + rhyme)  # "gìn" is g + ìn, "quyên" qu + yên
        for r in candidates:
            if r in _rhymes() or (onset == "gi" and r == ""):
                if r.endswith(("p", "t", "c", "ch")) and tone not in ("sac", "nang"):
                    continue
                return True
    return False
