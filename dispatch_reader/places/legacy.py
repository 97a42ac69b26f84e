"""Names from before 1 July 2025: an old commune, its district and province → the unit it is
part of now, by the conversion table of the `vietnamadminunits` package (MIT; its data ships
in the package).

Used only where it measured right (README, "Places"): the old commune *and* its district are
printed (without the district the package finds nothing), and the old commune went whole into
one new unit. An old commune divided among several new units is not converted: the package
would pick a "default" one, a guess. The package geocodes over the network when it reads a
street in an address; we pass exactly `commune, district, province` and switch its geocoder
off, so it never does (tests/test_places.py converts with sockets closed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dispatch_reader.places.official import Province, Unit, key, official


@dataclass(frozen=True)
class Conversion:
    unit: Unit | None  # the new unit, when the old one went whole into it
    old: str  # `Xã Pả Vi, Huyện Mèo Vạc, Tỉnh Hà Giang`, as the package spells it
    divided_into: tuple[Unit, ...] = ()  # when the old commune was split: the new units


@lru_cache(maxsize=1)
def _converter():
    """(convert_address, the table of divided communes), or None when the package is missing."""
    try:
        from vietnamadminunits import convert_address
        from vietnamadminunits.converter import converter_2025
    except ImportError:
        return None
    # The package geocodes (ArcGIS, over the network) an old commune divided among new ones
    # whenever it reads a street in the address, and it reads one in more than it should
    # (`số 12 xã Tân Thạnh, …`). Nothing here may leave the machine: its geocoder answers
    # "not found", and the package falls back to its table (a divided commune we then keep).
    if hasattr(converter_2025, "get_geo_location"):
        converter_2025.get_geo_location = _no_geocoding
    else:
        return None  # a version we do not know how to keep offline
    return convert_address, getattr(converter_2025, "DICT_PROVINCE_WARD_DIVIDED", None)


def _no_geocoding(address: str) -> None:
    return None


_COMMUNE = re.compile(r"^(?:xã|phường|thị trấn)\s+(?:\d{1,2}|(?:[^\W\d_][\w'’]*)(?:\s+[^\W\d_][\w'’]*){0,5})$",
                      re.IGNORECASE)


def _clean(part: str) -> str:
    return re.sub(r"[,;]+", " ", part).strip()  # a comma would make a street of the first part


def convert_old(commune: str, district: str, province: str) -> Conversion | None:
    """The new unit of an old `commune` (with its level: `xã Pả Vi`) in `district` (`huyện
    Mèo Vạc`) of the old `province` (`Hà Giang` or `tỉnh Hà Giang`); None when unknown."""
    found = _converter()
    if found is None or not (commune and district and province):
        return None
    if not _COMMUNE.match(commune.strip()):
        return None  # only `xã Pả Vi`, `phường 3`, `thị trấn …`: nothing the package may take for a street
    convert_address, divided = found
    if divided is None:
        return None  # cannot tell a whole commune from a split one: no conversion
    try:
        new = convert_address(f"{_clean(commune)}, {_clean(district)}, {_clean(province)}")
    except Exception:  # the package raises on what it cannot parse
        return None
    old = getattr(new, "OldAdminUnit", None)
    if old is None or not getattr(old, "ward_key", None) or not getattr(old, "district_key", None):
        return None  # the old commune or district was not recognised
    old_text = ", ".join(x for x in (old.ward, old.district, old.province) if x)
    new_province = _province_of(new.province)
    if new_province is None:
        return None
    old_key = f"{old.province_key}_{old.district_key}_{old.ward_key}"
    for parts in divided.values():
        if old_key in parts:
            units = tuple(u for w in parts[old_key] for u in _units_named(new_province, w.get("newWardKey", "")))
            return Conversion(unit=None, old=old_text, divided_into=units)
    if not new.ward:
        return None
    units = _units_named(new_province, key(new.ward))
    return Conversion(unit=units[0], old=old_text) if len(units) == 1 else None


def _province_of(name: str | None) -> Province | None:
    if not name:
        return None
    bare = re.sub(r"^(?:Tỉnh|Thành phố)\s+", "", name)
    return official().province_by_key.get(key(bare))


def _units_named(province: Province, full_key: str) -> tuple[Unit, ...]:
    """Units of `province` whose official name (with its level) has key `full_key` (`xamevac`)."""
    return tuple(u for u in official().in_province(province.code) if key(u.name) == full_key)


@lru_cache(maxsize=1)
def old_unit_spellings() -> frozenset[str]:
    """Every commune's, ward's and district's name (short, as spelled) before 1 July 2025, from
    the package's own table (empty where the package is missing): an archive's place spelled
    so is a real one, whatever today's list spells with its letters (`xã Tiên Phong` is no
    misread `Tiền Phong`)."""
    import json
    from importlib import resources as package_files

    try:
        text = package_files.files("vietnamadminunits").joinpath("data/parser_legacy.json").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    data = json.loads(text)
    names = {ward.get("wardShort", "") for districts in data.get("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", {}).values()
             for wards in districts.values() for ward in wards.values()}
    names |= {district.get("districtShort", "") for districts in data.get("DICT_PROVINCE_DISTRICT", {}).values()
              for district in districts.values()}
    return frozenset(unicodedata.normalize("NFC", n) for n in names if isinstance(n, str) and n)
