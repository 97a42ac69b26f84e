"""Places: the official administrative units after 1 July 2025 (34 provinces, 3,321 communes,
wards and special zones, from the `vietnam-provinces` package) and matching of printed place
names to them. Pure functions on strings, like extract/; the list is loaded once, on first use.
"""

from dispatch_reader.places.match import (
    FLAGGED, MATCH_KINDS, PlaceMatch, edit_distance, find_province, match_place, match_unit, max_edits, province_hint,
    read_place,
    UnknownProvince, respell, unknown_province,
)
from dispatch_reader.places.official import OfficialList, Province, Unit, data_version, key, official

__all__ = [
    "FLAGGED", "MATCH_KINDS", "OfficialList", "PlaceMatch", "Province", "Unit", "data_version", "edit_distance",
    "find_province", "key", "match_place", "match_unit", "max_edits", "official", "province_hint", "read_place", "respell", "UnknownProvince",
    "unknown_province",
]
