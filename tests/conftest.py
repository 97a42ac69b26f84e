"""Keep the suite off the user's own folders: a fresh OCR cache and data folder per run.

Tests that start subprocesses pass os.environ on, so they see the same folders.
"""

import atexit
import os
import shutil
import tempfile

_HOME = tempfile.mkdtemp(prefix="dispatch-reader-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ.pop("DISPATCH_READER_DB", None)
os.environ.pop("DISPATCH_READER_TEMPLATES", None)
