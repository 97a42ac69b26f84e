"""The official list of administrative units after 1 July 2025: 34 provinces and cities, 3,321
communes, wards and special zones, from the `vietnam-provinces` package (installed with the
project; its data ships inside the package, nothing is downloaded). Loaded once, on first use.

Names are kept as the list spells them, NFC and with single spaces (the list has a few double
spaces: `Phường  An Nhơn`); keys fold diacritics, case and spacing for matching.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dispatch_reader.textnorm import fold, nfc, squash

_LEVEL_WORDS = ("Đặc khu", "Phường", "Xã")  # how the list's names start


@dataclass(frozen=True)
class Province:
    name: str  # official: `Tỉnh Lào Cai`, `Thành phố Hà Nội`
    short: str  # `Lào Cai`, `Hà Nội`
    code: int
    level: str  # `tỉnh` or `thành phố trung ương`


@dataclass(frozen=True)
class Unit:
    """A commune (xã), ward (phường) or special zone (đặc khu)."""

    name: str  # official: `Xã Tả Phìn`
    short: str  # without the level: `Tả Phìn`
    code: int
    level: str  # `xã`, `phường`, `đặc khu`
    province: Province

    @property
    def display(self) -> str:
        """The name as running text writes it: `xã Tả Phìn`."""
        return f"{self.level} {self.short}"


def key(text: str) -> str:
    """Matching key: no diacritics, case, punctuation or spaces (`Văn Miếu - Quốc Tử Giám` →
    `vanmieuquoctugiam`), so OCR's lost or extra spaces do not matter either."""
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def data_version() -> str:
    """The list's data version (`__data_version__` of vietnam-provinces), e.g. `2025-10-18`."""
    import vietnam_provinces

    return f"vietnam-provinces {vietnam_provinces.__version__} (data {vietnam_provinces.__data_version__})"


@dataclass(frozen=True)
class OfficialList:
    provinces: tuple[Province, ...]
    units: tuple[Unit, ...]
    by_key: dict[str, tuple[Unit, ...]]  # key(short name) → units of that name, every province
    province_by_key: dict[str, Province]  # key(short name) → province, old names included

    def in_province(self, code: int) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.province.code == code)


def _split_level(name: str) -> tuple[str, str]:
    for word in _LEVEL_WORDS:
        if name.startswith(word + " "):
            return word.lower(), name[len(word) + 1:]
    return "", name


def old_provinces() -> list[tuple[str, str]]:
    """(old name, today's province) for the provinces merged on 1 July 2025."""
    return _old_provinces()


def _old_provinces() -> list[tuple[str, str]]:
    text = resources.files("dispatch_reader.places").joinpath("data/old_provinces.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            old, new = line.split("\t")
            rows.append((nfc(old.strip()), nfc(new.strip())))
    return rows


def old_names(province: Province) -> tuple[str, ...]:
    """The province's own short name and those of the provinces merged into it in 2025."""
    return (province.short, *(old for old, new in _old_provinces() if new == province.short))


@lru_cache(maxsize=1)
def official() -> OfficialList:
    """The whole list, built once per process."""
    from vietnam_provinces import Province as VPProvince
    from vietnam_provinces import Ward as VPWard

    provinces: dict[int, Province] = {}
    for p in VPProvince.iter_all():
        name = squash(nfc(p.name))
        level = str(p.division_type.value)
        short = name[len("Thành phố "):] if name.startswith("Thành phố ") else name
        full = f"Thành phố {short}" if level == "thành phố trung ương" else f"Tỉnh {short}"
        provinces[int(p.code)] = Province(name=full, short=short, code=int(p.code), level=level)
    units = []
    for w in VPWard.iter_all():
        name = squash(nfc(w.name))
        _, short = _split_level(name)
        units.append(Unit(name=name, short=short, code=int(w.code), level=str(w.division_type.value),
                          province=provinces[int(w.province_code)]))
    units.sort(key=lambda u: u.code)
    by_key: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        by_key[key(u.short)].append(u)
    province_by_key = {key(p.short): p for p in provinces.values()}
    by_short = {p.short: p for p in provinces.values()}
    for old, new in _old_provinces():
        province_by_key.setdefault(key(old), by_short[new])
    return OfficialList(provinces=tuple(sorted(provinces.values(), key=lambda p: p.code)), units=tuple(units),
                        by_key={k: tuple(v) for k, v in by_key.items()}, province_by_key=province_by_key)
