"""The OCR cache is keyed by the rule data the OCR stage reads: a name added to the families'
list is read with on the next run, not taken from a reading made before it (the name re-reads
look for family names; the cache had kept its key through such a change)."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from dispatch_reader.ingest.settings import OCR_RULE_DATA, IngestSettings, rule_data_key

PACKAGE = Path(__file__).resolve().parent.parent / "dispatch_reader"

# what the OCR stage takes from the extraction's code, and the data each reads (all listed in
# OCR_RULE_DATA): a new import from there must say its data here and there
_FROM_EXTRACT = {
    "dispatch_reader.extract.namefix.never_given": ("name_frequencies.tsv",),
    "dispatch_reader.extract.doctypes.type_for_abbreviation": ("doc_types.tsv",),
    "dispatch_reader.extract.resources": (),  # (its files: the literal names below)
    "dispatch_reader.family_names": ("family_names.txt",),
}


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(PACKAGE / "ingest" / "data", root / "ingest" / "data")
    shutil.copytree(PACKAGE / "extract" / "data", root / "extract" / "data")
    return root


def test_the_key_changes_with_the_rule_data_the_ocr_reads(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = rule_data_key(root)
    assert rule_data_key(root) == before
    families = root / "extract" / "data" / "family_names.txt"
    families.write_text(families.read_text("utf-8") + "Xìn\n", "utf-8")
    grown = rule_data_key(root)
    assert grown != before
    syllables = root / "ingest" / "data" / "common_english.txt"
    syllables.write_text(syllables.read_text("utf-8") + "paperwork\n", "utf-8")
    assert rule_data_key(root) != grown
    # the extraction's other rules do not change what OCR returns
    bodies = root / "extract" / "data" / "known_bodies.txt"
    now = rule_data_key(root)
    bodies.write_text(bodies.read_text("utf-8") + "Sở Thử nghiệm\n", "utf-8")
    assert rule_data_key(root) == now


def test_the_cache_key_holds_the_rule_data() -> None:
    assert IngestSettings().ocr_key()["data"] == rule_data_key()


def test_what_the_ocr_stage_takes_from_the_extraction_reads_listed_data() -> None:
    imported: set[str] = set()
    literals: set[str] = set()
    for path in sorted((PACKAGE / "ingest").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        aliases = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and (
                    node.module.startswith("dispatch_reader.extract") or node.module == "dispatch_reader"):
                for name in node.names:
                    full = f"{node.module}.{name.name}"
                    if node.module == "dispatch_reader" and name.name not in ("family_names", "extract"):
                        continue
                    imported.add(full)
                    if full == "dispatch_reader.extract.resources":
                        aliases.add(name.asname or name.name)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in aliases \
                    and node.args and isinstance(node.args[0], ast.Constant):
                literals.add(node.args[0].value)
    assert imported <= set(_FROM_EXTRACT), f"list the data of {imported - set(_FROM_EXTRACT)} in OCR_RULE_DATA"
    assert {"signer_titles.txt", "signing_bodies.txt"} <= literals  # (the walk finds them)
    wanted = literals | {f for files in _FROM_EXTRACT.values() for f in files}
    assert wanted <= set(OCR_RULE_DATA)
