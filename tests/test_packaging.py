"""A non-editable install must carry every subpackage and data file the code reads."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_python_package_is_listed():
    listed = set(_config()["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "dispatch_reader").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk - listed == set()


def test_every_data_file_is_covered_by_package_data():
    import fnmatch

    config = _config()
    dirs = {pkg: ROOT / config.get("package-dir", {}).get(pkg, pkg.replace(".", "/")) for pkg in config["packages"]}
    missing = []
    for pkg, folder in dirs.items():
        globs = config.get("package-data", {}).get(pkg, [])
        for f in folder.glob("*"):
            if f.is_file() and f.suffix not in {".py", ".pyc", ".md"}:  # docs are not read at run time
                if not any(fnmatch.fnmatch(f.name, g) for g in globs):
                    missing.append(str(f.relative_to(ROOT)))
        for sub in folder.iterdir():
            # data folders without __init__.py ship through their parent's globs, e.g. "data/*.json"
            if sub.is_dir() and sub.name != "__pycache__" and not (sub / "__init__.py").exists() and f"{pkg}.{sub.name}" not in dirs:
                for f in sub.rglob("*"):
                    rel = str(f.relative_to(folder))
                    if f.is_file() and "__pycache__" not in f.parts and not any(fnmatch.fnmatch(rel, g) for g in globs):
                        missing.append(str(f.relative_to(ROOT)))
    assert missing == []
