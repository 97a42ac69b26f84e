"""Tesseract kept loaded: one engine process per OCR worker, reading image after image.

The `tesseract` command loads its language models every time it starts (about a quarter of a
CPU second for vie+eng), which is as much as reading a whole page takes for the re-reads of a
page's parts (name lines, a signing block, ink left unread, narrow columns): measured with
`bench/ocr.py --where`, most of what those cost was the command starting. The engine is a
child process (`python -m dispatch_reader.ingest.tessengine`) that loads libtesseract once
and then reads each image it is sent with the calls the command makes for one image
(SetImage, Recognize, GetTSVText under the TSV renderer's header), so it gives the same TSV.

It keeps the command's guarantees: it dies with its parent (PR_SET_PDEATHSIG), a read that
overruns its time gets the engine killed (a new one starts for the next read), and an engine
that crashes on an image is that page's OCR failing, never the caller's. Where the library
cannot be loaded, `read_tsv` returns None and tessread.py runs the command as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import os
import select
import subprocess
import sys
import threading
import time

_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
# (pid, thread) → its engine: a forked child never uses its parent's, two threads never share one
_engines: dict[tuple[int, int], _Engine] = {}
_unavailable = False  # the library could not be loaded: the command is used


class EngineError(RuntimeError):
    """Tesseract failed on this image (or its engine died on it)."""


class EngineTimeout(RuntimeError):
    """The read did not finish in time; the engine was killed."""


def read_tsv(image_path: str, lang: str, psm: int, timeout: float, version: str) -> str | None:
    """The TSV `tesseract IMAGE out -l LANG -c tessedit_create_tsv=1 --psm PSM` writes, or None
    when no engine can run here, or its library is not the command's `version` (then the
    caller runs the command)."""
    global _unavailable
    if _unavailable:
        return None
    key = (os.getpid(), threading.get_ident())
    engine = _engines.get(key)
    if engine is None or not engine.alive():
        try:
            engine = _Engine(version)
        except (OSError, EngineError, EngineTimeout):  # cannot start, no library, another version
            _unavailable = True
            return None
        _engines[key] = engine
    return engine.read(image_path, lang, psm, timeout)


def stop_all() -> None:
    """Stop this process's engines (the next read starts a new one)."""
    for key in [k for k in _engines if k[0] == os.getpid()]:
        _engines.pop(key).stop()


class _Engine:
    def __init__(self, version: str) -> None:
        """Start one; it says `ready VERSION` once its library is loaded. Raises EngineError
        when it cannot load it, or the library is not the command's `version`."""
        from dispatch_reader.ingest.private import die_with_parent

        # the child finds this package where the parent did (a checkout run without installing)
        env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dispatch_reader.ingest.tessengine"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            preexec_fn=functools.partial(die_with_parent, os.getpid()))
        try:
            status, body = self._answer(time.monotonic() + 60)
        except (OSError, EOFError, ValueError, EngineTimeout):
            self.stop()
            raise EngineError("the Tesseract engine did not start") from None
        if status != "ready" or body != version:
            self.stop()
            raise EngineError(f"no engine: {status} {body}")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.proc.kill()
        self.proc.wait()

    def read(self, image_path: str, lang: str, psm: int, timeout: float) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        request = {"image": image_path, "lang": lang, "psm": psm}
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
            status, body = self._answer(time.monotonic() + timeout)
        except EngineTimeout:
            self.stop()
            raise
        except (OSError, EOFError, ValueError):
            self.stop()
            raise EngineError("the Tesseract engine died reading this image") from None
        if status == "ok":
            return body
        raise EngineError(body)

    def _answer(self, deadline: float) -> tuple[str, str]:
        out = self.proc.stdout
        assert out is not None
        line = self._read(out, deadline, None)
        status, _, size = line.decode().strip().partition(" ")
        return status, self._read(out, deadline, int(size)).decode("utf-8")

    @staticmethod
    def _read(out: object, deadline: float, size: int | None) -> bytes:
        fd = out.fileno()  # type: ignore[attr-defined]
        data = b""
        while True:
            if size is None and data.endswith(b"\n") or size is not None and len(data) >= size:
                return data
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise EngineTimeout("Tesseract process timeout")
            chunk = os.read(fd, 1 if size is None else size - len(data))
            if not chunk:
                raise EOFError
            data += chunk


# -- the engine process ---------------------------------------------------------------------------


def _library() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    tess = ctypes.CDLL(ctypes.util.find_library("tesseract") or "libtesseract.so.5")
    lept = ctypes.CDLL(ctypes.util.find_library("lept") or "liblept.so.5")
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, args, result in [
        ("TessBaseAPICreate", [], p), ("TessBaseAPIDelete", [p], None), ("TessBaseAPIEnd", [p], None),
        ("TessBaseAPIInit3", [p, s, s], i), ("TessBaseAPISetVariable", [p, s, s], i),
        ("TessBaseAPISetPageSegMode", [p, i], None), ("TessBaseAPISetInputName", [p, s], None),
        ("TessBaseAPISetImage2", [p, p], None), ("TessBaseAPIRecognize", [p, p], i),
        ("TessBaseAPIGetTsvText", [p, i], p), ("TessDeleteText", [p], None), ("TessVersion", [], s),
    ]:
        function = getattr(tess, name)
        function.argtypes, function.restype = args, result
    lept.pixRead.argtypes, lept.pixRead.restype = [s], p
    lept.pixDestroy.argtypes, lept.pixDestroy.restype = [ctypes.POINTER(p)], None
    return tess, lept


def _serve() -> None:
    """Read requests (one JSON line each) from stdin; answer `STATUS SIZE\\n` and SIZE bytes."""
    out = sys.stdout.buffer

    def answer(status: str, body: str) -> None:
        data = body.encode("utf-8")
        out.write(f"{status} {len(data)}\n".encode() + data)
        out.flush()

    try:
        tess, lept = _library()
    except OSError as exc:
        answer("nolib", str(exc))
        return
    answer("ready", (tess.TessVersion() or b"").decode())  # the parent checks it is the command's
    api = tess.TessBaseAPICreate()
    loaded: str | None = None
    for raw in sys.stdin.buffer:
        request = json.loads(raw)
        lang, image = request["lang"], request["image"]
        if lang != loaded:
            if loaded is not None:
                tess.TessBaseAPIEnd(api)
            if tess.TessBaseAPIInit3(api, None, lang.encode()) != 0:
                loaded = None
                answer("error", f"Failed loading language '{lang}'")
                continue
            tess.TessBaseAPISetVariable(api, b"tessedit_create_tsv", b"1")
            loaded = lang
        pix = lept.pixRead(os.fsencode(image))
        if not pix:
            answer("error", f"Error, cannot read input file {image}")
            continue
        try:
            tess.TessBaseAPISetPageSegMode(api, int(request["psm"]))
            tess.TessBaseAPISetInputName(api, os.fsencode(image))
            tess.TessBaseAPISetImage2(api, pix)
            if tess.TessBaseAPIRecognize(api, None) < 0:
                answer("error", "Error during processing.")
                continue
            text = tess.TessBaseAPIGetTsvText(api, 0)
            try:
                answer("ok", _TSV_HEADER + (ctypes.string_at(text).decode("utf-8") if text else ""))
            finally:
                if text:
                    tess.TessDeleteText(text)
        finally:
            box = ctypes.c_void_p(pix)
            lept.pixDestroy(ctypes.byref(box))


if __name__ == "__main__":
    _serve()
