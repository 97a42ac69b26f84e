"""samples/generate.py loaded as a module, once, for the tests that rebuild samples."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def load_generator():
    if "samples_generate" in sys.modules:
        return sys.modules["samples_generate"]
    spec = importlib.util.spec_from_file_location("samples_generate", SAMPLES / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["samples_generate"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module
