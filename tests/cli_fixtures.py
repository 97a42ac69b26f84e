"""What a test of the main CLI needs around it: the CLI's callback sets environment variables
for its subprocesses and module state (the chosen config, quiet mode); undo both after each
test, and keep the user's config folder and OCR cache out of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dispatch_reader import config, console


@pytest.fixture(autouse=True)
def clean_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    saved = dict(os.environ)
    monkeypatch.setattr(config, "_chosen", None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("DISPATCH_READER_CACHE_DIR", str(tmp_path / "ocr-cache"))
    yield
    os.environ.clear()
    os.environ.update(saved)
    console.set_quiet(False)
