"""Forked OCR workers after the parent used OpenCV's own thread pool (eval's damaged copies)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The parent blurs a large image (OpenCV's thread pool at work), then starts forked workers as
# the OCR pool does; each worker makes OpenCV single-threaded (worker.py) and blurs. Before
# the fix every worker hung in its first cv2 call, in pthread_cond_destroy.
_SCRIPT = textwrap.dedent("""
    import sys
    from concurrent.futures import ProcessPoolExecutor
    import cv2, numpy as np
    from dispatch_reader.ingest import pool
    big = np.random.default_rng(0).integers(0, 255, (3000, 3000), dtype=np.uint8)
    for _ in range(3):
        cv2.GaussianBlur(big, (31, 31), 0)
    def child():
        cv2.setNumThreads(1)
        return int(cv2.GaussianBlur(big[:100, :100], (5, 5), 0).shape == (100, 100))
    if __name__ == "__main__":
        with ProcessPoolExecutor(max_workers=2, mp_context=pool._context()) as ex:
            print(sum(f.result() for f in [ex.submit(child) for _ in range(4)]))
""")


def test_forked_workers_do_not_hang_after_the_parent_used_opencvs_threads(tmp_path: Path) -> None:
    script = tmp_path / "fork_after_cv2.py"
    script.write_text(_SCRIPT)
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "4"
