"""File → pages of clean NFC text with layout: the ingestion stage's entry point.

Per page the right reader: the PDF text layer where it is real (converted from TCVN3/VNI
where the fonts say so), OCR where there is no text layer, only a stamp, or garbage. OCR
pages run in parallel and are cached, so no page is OCRed twice with the same settings.
"""

from __future__ import annotations

import dataclasses
import logging
import tempfile
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from dispatch_reader.errors import DamagedFileError, DispatchReaderError, LimitExceededError, UnexpectedError
from dispatch_reader.ingest import ocr, pool, private, tessread
from dispatch_reader.ingest.cache import OcrCache, cache_key
from dispatch_reader.ingest.choose import judge_layer
from dispatch_reader.ingest.confidence import page_confidence
from dispatch_reader.ingest.layout import Row, group_rows, layout_text
from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.ocrfix import fix_word
from dispatch_reader.ingest.pages import Document, PageText, Word
from dispatch_reader.ingest.raster import check_pixels, image_frames, scan_dpi
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.sniff import FileInfo, sniff
from dispatch_reader.ingest.tables import find_table, has_table_header, text_with_table
from dispatch_reader.ingest.worker import JobResult, OcrJob
from dispatch_reader.messages import rounded_down

__all__ = ["IngestSettings", "ReadAhead", "read_document", "read_documents"]

log = logging.getLogger(__name__)


@dataclass
class _Plan:
    number: int
    page: PageText | None = None  # decided from the text layer
    reason: str = ""  # why OCR, when page is None
    scan_dpi: float | None = None  # the scan's own resolution (raster.scan_dpi), for OCR pages


def read_document(path: Path, settings: IngestSettings | None = None) -> Document:
    """Read a PDF or an image (PNG, JPEG, TIFF, WebP, HEIC) into pages of text in reading order; its OCR pages in
    parallel (one page, or one worker: in this process).

    Raises the errors.py classes (one line naming the file and the reason) for files that
    cannot be read: empty, not a PDF/image, truncated, encrypted, over the limits, OCR too slow.
    """
    settings = settings or IngestSettings()
    reading = _Reading(Path(path), settings)
    reading.prepare()
    try:
        for result in pool.run_jobs(reading.jobs, settings.jobs(len(reading.jobs))):
            reading.accept(result)
    except pool.BrokenProcessPool:
        reading.fail(UnexpectedError(reading.path, _WORKER_DIED))
    outcome = reading.finish()
    if isinstance(outcome, DispatchReaderError):
        raise outcome
    return outcome


def read_documents(paths: Iterable[Path], settings: IngestSettings | None = None
                   ) -> Iterator[tuple[Path, Document | DispatchReaderError]]:
    """Read many files with one shared OCR pool, a few files ahead (ReadAhead), so pages of
    different files run in parallel too (a batch of one-page scans keeps every worker busy).

    Yields (path, Document) or (path, error) per file, in the order given, each as soon as its
    own pages are read; a bad file never stops the others.
    """
    ahead = ReadAhead(settings)
    waiting: deque[Path] = deque()
    try:
        for path in paths:
            waiting.append(Path(path))
            ahead.start(waiting[-1])
            while not ahead.room():
                yield _taken(ahead, waiting.popleft())
        while waiting:
            yield _taken(ahead, waiting.popleft())
    finally:
        ahead.close()


def _taken(ahead: ReadAhead, path: Path) -> tuple[Path, Document | DispatchReaderError]:
    try:
        return path, ahead.take(path)
    except DispatchReaderError as err:
        return path, err


_WORKER_DIED = "an OCR worker process died (out of memory?)"


class ReadAhead:
    """Files read a few at a time through one shared OCR pool, each taken whole in its turn.

    `start(path)` reads the file's text layers here and hands its OCR pages to the pool;
    `take(path)` waits for that file's pages only and returns its Document (or raises its
    error). A caller (`process`, `watch`) starts the next files while `room()` says so, then
    takes, stores and commits each file on its own, in order: the pages of the files started
    run side by side, so a burst of one-page scans keeps every core busy, and a file that
    fails, or a run killed mid-burst, costs only the files not yet committed.

    With one worker nothing runs ahead: a file's pages are read in this process when taken.
    """

    def __init__(self, settings: IngestSettings | None = None, *, max_files: int | None = None) -> None:
        self.settings = settings or IngestSettings()
        self.workers = self.settings.jobs(1 << 30)  # every worker the settings allow
        # enough files in hand to keep every worker busy while the oldest is stored and committed
        self.max_files = max_files or 2 * self.workers + 1
        self._started: dict[Path, tuple[_Reading, list[Future[JobResult]]]] = {}

    def start(self, path: Path) -> None:
        """Begin reading `path` (nothing happens if it is already started)."""
        path = Path(path)
        if path in self._started:
            return
        reading = _Reading(path, self.settings)
        reading.prepare()
        self._started[path] = (reading, self._submit(reading, reading.jobs))

    def room(self) -> bool:
        """True while one more file should be started: fewer than two OCR pages per worker
        waiting or running, and fewer than `max_files` files in hand."""
        if self.workers <= 1:
            return not self._started
        if len(self._started) >= self.max_files:
            return False
        pending = sum(not f.done() for _, futures in self._started.values() for f in futures)
        return pending < 2 * self.workers

    def take(self, path: Path) -> Document:
        """The file's Document once its pages are read (started now if it was not)."""
        path = Path(path)
        self.start(path)
        reading, futures = self._started.pop(path)
        try:
            results = self._results(reading, futures)
            for result in results:
                reading.accept(result)
        except BaseException:
            self._cancel(futures)
            reading.finish()  # its private copy, if any, is removed
            raise
        outcome = reading.finish()
        if isinstance(outcome, DispatchReaderError):
            raise outcome
        return outcome

    def discard(self, path: Path) -> None:
        """Stop reading a started file that will not be taken (stored meanwhile, or stopping)."""
        started = self._started.pop(Path(path), None)
        if started is not None:
            self._cancel(started[1])
            started[0].finish()

    def close(self) -> None:
        for path in list(self._started):
            self.discard(path)

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the pool -----------------------------------------------------------------------------

    def _submit(self, reading: _Reading, jobs: list[OcrJob]) -> list[Future[JobResult]]:
        try:
            return [pool.submit(job, self.workers) for job in jobs]
        except pool.BrokenProcessPool:
            pool.forget_broken(self.workers)
            try:
                return [pool.submit(job, self.workers) for job in jobs]
            except pool.BrokenProcessPool:
                pool.forget_broken(self.workers)
                reading.fail(UnexpectedError(reading.path, _WORKER_DIED))
                return []

    def _results(self, reading: _Reading, futures: list[Future[JobResult]]) -> list[JobResult]:
        """The file's OCR results in page order. A worker that died (this file's page, or
        another file's page in the same pool) breaks every future of the pool: the pages not
        yet read are read again once on a fresh pool; a second death fails this file."""
        results: list[JobResult] = []
        retried = False
        while len(results) < len(futures):
            try:
                results.append(futures[len(results)].result())
            except pool.BrokenProcessPool:
                pool.forget_broken(self.workers)
                if retried or reading.error is not None:
                    reading.fail(UnexpectedError(reading.path, _WORKER_DIED))
                    return results
                retried = True
                futures[len(results):] = self._submit(reading, reading.jobs[len(results):])
                if reading.error is not None:
                    return results
        return results

    @staticmethod
    def _cancel(futures: list[Future[JobResult]]) -> None:
        for future in futures:
            future.cancel()


class _Reading:
    """One file through the stage: prepare (text layers, cache), accept OCR results, finish."""

    def __init__(self, path: Path, settings: IngestSettings) -> None:
        self.path, self.settings = path, settings
        self.info: FileInfo | None = None
        self.plans: list[_Plan] = []
        self.jobs: list[OcrJob] = []
        self.keys: dict[int, str] = {}
        self.results: dict[int, OcrPage] = {}
        self.warnings: list[str] = []
        self.error: DispatchReaderError | None = None
        self.cache = OcrCache(settings.cache_dir, settings.cache_max_bytes)
        self.workdir: tempfile.TemporaryDirectory[str] | None = None  # a repaired copy, if any

    def _workdir(self) -> Path:
        """A private folder for a repaired copy of the file, made when first asked for."""
        if self.workdir is None:
            self.workdir = private.workspace("dr-pdf-")
        return Path(self.workdir.name)

    def fail(self, error: DispatchReaderError) -> None:
        if self.error is None:
            self.error = error

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except DispatchReaderError as err:
            self.fail(err)
        except MemoryError:
            self.fail(LimitExceededError(self.path, "out of memory while reading the file"))
        except Exception as exc:  # a library failing on a strange file must not escape as a traceback
            log.debug("unexpected failure reading %s", self.path, exc_info=True)
            self.fail(UnexpectedError(self.path, f"could not read the file ({type(exc).__name__}: {exc})"))

    def prepare(self) -> None:
        self._guard(self._prepare)
        if self.error is not None:
            self.jobs = []

    def _prepare(self) -> None:
        s = self.settings
        self.info = info = sniff(self.path, s.max_file_bytes)
        source = info.path
        if info.kind == "pdf":
            self.plans, source, password = _plan_pdf(info, s, self.warnings, self._workdir)
            # the workers open the file (or its repaired copy) with the password that worked
            s = dataclasses.replace(s, password=password, passwords_file=None)
        else:
            self.plans = _plan_image(info, s)
        todo = [p for p in self.plans if p.page is None]
        if not todo:
            return
        ocr.check_languages(info.path, s.languages)
        engine = tessread.tesseract_version()
        for plan in todo:
            self.keys[plan.number] = key = cache_key(info.sha256, plan.number, s.ocr_key(), engine)
            hit = self.cache.get(key)
            if hit is not None:
                self.results[plan.number] = hit
            else:
                self.jobs.append(OcrJob(str(source), info.kind, plan.number - 1, s))

    def accept(self, result: JobResult) -> None:
        if self.error is not None:
            return
        try:
            result.raise_error()
        except DispatchReaderError as err:
            self.fail(err)
            return
        assert result.page is not None
        self.results[result.index + 1] = result.page
        self.cache.put(self.keys[result.index + 1], result.page)

    def finish(self) -> Document | DispatchReaderError:
        if self.error is None:
            self._guard(self._finish)
        if self.workdir is not None:
            self.workdir.cleanup()
        if self.error is not None:
            return self.error
        assert self.info is not None
        pages = [p.page for p in self.plans if p.page is not None]
        return Document(path=str(self.path), sha256=self.info.sha256, pages=pages, warnings=self.warnings)

    def _finish(self) -> None:
        for plan in self.plans:
            if plan.page is not None:
                continue
            page = self.results[plan.number]
            plan.page = _ocr_page(plan.number, page, plan.reason, plan.scan_dpi)
            for note in page.notes:
                self.warnings.append(f"page {plan.number}: {note}")
            conf = plan.page.ocr_confidence
            if conf is not None and conf < self.settings.min_confidence:
                # rounded down: 0.697 is no `0.70 (below 0.70)`
                self.warnings.append(f"page {plan.number}: low OCR confidence {rounded_down(conf):.2f} "
                                     f"(below {self.settings.min_confidence:.2f}); check the text")


def _plan_pdf(info: FileInfo, settings: IngestSettings, warnings: list[str], workdir: Callable[[], Path]
              ) -> tuple[list[_Plan], Path, str | None]:
    """Pages to take from the text layer and pages to OCR; also the file to render from
    (the original, or its repaired copy) and the password that opened it."""
    import pypdfium2 as pdfium

    from dispatch_reader.ingest.pdf import PDFIUM_LOCK, open_lenient, read_passwords
    from dispatch_reader.ingest.textlayer import load_page, read_layer

    given = ([settings.password] if settings.password else []) + read_passwords(settings.passwords_file)
    with PDFIUM_LOCK:  # PDFium only with the lock held; the layers are judged outside it
        opened = open_lenient(info.path, given, workdir)
        pdf, source, password = opened.doc, opened.source, opened.password
    try:
        with PDFIUM_LOCK:
            count = len(pdf)  # in the try: a document that fails even this is closed below
        if count == 0:
            raise DamagedFileError(info.path, "PDF has no pages")
        if count > settings.max_pages:
            raise LimitExceededError(info.path, f"PDF has {count} pages, over the limit of {settings.max_pages}")
        plans: list[_Plan] = []
        converted: set[str] = set()
        for index in range(count):
            try:
                with PDFIUM_LOCK:
                    page = load_page(pdf, index)
                    layer = read_layer(page)
                    scan = scan_dpi(page)
                    page.close()
            except pdfium.PdfiumError as exc:
                raise DamagedFileError(info.path, f"page {index + 1} cannot be read: {exc}") from None
            decision = judge_layer(layer, settings.ocr_mode)
            if decision.use_layer:
                if decision.encoding:
                    converted.add(decision.encoding.upper())
                rows = group_rows(decision.words)  # grouped once for the layout and the table header
                page_text = _layer_page(index + 1, layer.width, layer.height, decision.words, decision.reason, rows)
                page_text.rotation = layer.rotation
                number = index + 1
                page_text = _with_table(page_text, None, None,
                                        lambda n=number: _pdf_rules(source, n, password), rows)
                plans.append(_Plan(number, page_text))
            else:
                scale = settings.dpi / 72.0
                check_pixels(info.path, f"page {index + 1} at {settings.dpi} dpi",
                             layer.width * scale * layer.height * scale, settings.max_pixels)
                check_pixels(info.path, f"an image on page {index + 1}", layer.largest_image_px, settings.max_pixels)
                plans.append(_Plan(index + 1, reason=decision.reason, scan_dpi=scan))
        if converted:
            warnings.append(f"text layer in a legacy Vietnamese encoding ({', '.join(sorted(converted))}), converted to Unicode")
        if opened.repaired:
            warnings.append(f"damaged PDF {opened.repaired}; check that no page is missing")
            for plan in plans:  # the reason of every page says its text came from a repaired file
                if plan.page is not None:
                    plan.page.reason = f"{plan.page.reason}; {opened.repaired}"
                else:
                    plan.reason = f"{plan.reason}; {opened.repaired}"
        return plans, source, password
    finally:
        with PDFIUM_LOCK:
            pdf.close()  # its pages with it, a page left open by an error too


def _plan_image(info: FileInfo, settings: IngestSettings) -> list[_Plan]:
    dpis = image_frames(info.path, settings.max_pixels)
    frames = len(dpis)
    if frames > settings.max_pages:
        raise LimitExceededError(info.path, f"image has {frames} pages, over the limit of {settings.max_pages}")
    if settings.ocr_mode == "never":
        return [_Plan(i + 1, PageText(number=i + 1, text="", method="ocr", reason="image file (OCR turned off)"))
                for i in range(frames)]
    return [_Plan(i + 1, reason=f"image file ({info.kind.upper()})", scan_dpi=dpi) for i, dpi in enumerate(dpis)]


def _layer_page(number: int, width: float, height: float, words: list[Word], reason: str,
                rows: list[Row] | None = None) -> PageText:
    return PageText(number=number, text=layout_text(words, rows=rows), method="text_layer", reason=reason,
                    width=width, height=height, words=words)


def _looks_vietnamese(texts: list[str]) -> bool:
    """Most Vietnamese lines carry diacritics; an English page has next to none."""
    marked = sum(any(ord(c) > 127 and c.isalpha() for c in t) for t in texts)
    return marked >= max(3, len(texts) // 10)


def _ocr_page(number: int, page: OcrPage, reason: str, scan: float | None = None) -> PageText:
    texts = [unicodedata.normalize("NFC", w.text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
             for w in page.words]
    # Đ read as D is restored only on Vietnamese pages: an English text really prints "QD-UBND".
    if _looks_vietnamese(texts):
        texts = [fix_word(t) for t in texts]
    words = [Word(text=t, x0=w.x0, top=w.top, x1=w.x1, bottom=w.bottom, conf=w.conf)
             for t, w in zip(texts, page.words)]
    keys: list[object] = list(page.line_keys)
    text = PageText(number=number, text=layout_text(words, keys), method="ocr", reason=reason,
                    ocr_confidence=page_confidence(page.confidence), rotation=page.rotation, width=page.width_pt,
                    height=page.height_pt, words=words, stamp_text=unicodedata.normalize("NFC", page.stamp_text),
                    scan_dpi=scan)
    return _with_table(text, (page.rules_h, page.rules_v), keys)


def _pdf_rules(path: Path, number: int, password: str | None) -> tuple[list[list[float]], list[list[float]]]:
    """Vector rules of one PDF page (pdfplumber edges), top-left origin, in points."""
    import pdfplumber

    with pdfplumber.open(path, password=password or "") as pdf:
        page = pdf.pages[number - 1]
        _lay_out_without_text(page)
        rules_h = [[e["x0"], e["top"], e["x1"], e["bottom"]] for e in page.edges if e["orientation"] == "h"]
        rules_v = [[e["x0"], e["top"], e["x1"], e["bottom"]] for e in page.edges if e["orientation"] == "v"]
    return rules_h, rules_v


def _lay_out_without_text(page: object) -> None:
    """Lay a pdfplumber page out as pdfplumber does, without its characters: only its rules
    are read from it, and pdfminer spends most of a page's time on the characters (rules come
    from path operators and the CTM alone, never from the text state). Where pdfplumber's
    insides differ from 0.11's, nothing is done and pdfplumber lays the page out itself."""
    try:
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdftypes import dict_value
        from pdfplumber.page import PDFPageAggregatorWithMarkedContent

        class RulesOnly(PDFPageAggregatorWithMarkedContent):
            def render_string(self, *_args: object, **_kwargs: object) -> None:
                return None

        class NoFonts(PDFResourceManager):
            """Fonts are for drawing text, which RulesOnly never does: none is loaded (their
            ToUnicode CMaps took a third of a table page's time). With no font, pdfminer's
            text operators return before they reach the device."""

            def get_font(self, objid: object, spec: object) -> None:  # type: ignore[override]
                return None

        class NoText(PDFPageInterpreter):
            """Text statements dropped before pdfminer tokenizes them: with no font they change
            only the text state, and tokenizing them was most of a table page's time."""

            def init_resources(self, resources: dict[object, object]) -> None:
                # Fonts left unresolved: NoFonts gives None for each, as for an unknown one.
                if resources:
                    resources = {k: v for k, v in dict_value(resources).items() if k != "Font"}
                super().init_resources(resources)

            def execute(self, streams: Sequence[object]) -> None:
                super().execute(_text_dropped(streams))

        pdf = page.pdf  # type: ignore[attr-defined]
        device = RulesOnly(pdf.rsrcmgr, pageno=page.page_number, laparams=pdf.laparams)  # type: ignore[attr-defined]
        NoText(NoFonts(caching=True), device).process_page(page.page_obj)  # type: ignore[attr-defined]
        page._layout = device.get_result()  # type: ignore[attr-defined]
    except Exception:
        log.debug("rules read with pdfplumber's own layout", exc_info=True)


# pdfminer's text operators: with no font (NoFonts) each only sets the text state, which
# nothing but drawing text reads; the count of operands each takes from the stack is read
# from the interpreter's own methods.
_TEXT_OPERATORS = ("BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ", "'", '"')


def _text_arities() -> dict[bytes, int]:
    from pdfminer.pdfinterp import PDFPageInterpreter

    out = {}
    for name in _TEXT_OPERATORS:
        method = getattr(PDFPageInterpreter, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        out[name.encode()] = method.__code__.co_argcount - 1
    return out


def _text_dropped(streams: Sequence[object]) -> list[object]:
    """Content streams without their text statements, as copies under the same object
    numbers (pdfminer refuses a stream it is already running by its number). The streams
    unchanged when any of them could be tokenized otherwise, or one but the last does not
    end a line (pdfminer reads a page's streams as one, a token may run from one into the
    next)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    from dispatch_reader.ingest.pdf import drop_statements

    try:
        resolved = [resolve1(s) for s in streams]
        if not resolved or not all(isinstance(s, PDFStream) and s.objid is not None for s in resolved):
            return list(streams)
        datas = [s.get_data() for s in resolved]
        if any(not d.endswith((b"\n", b"\r")) for d in datas[:-1]):
            return list(streams)
        arities = _text_arities()
        dropped = [drop_statements(d, arities) for d in datas]
        if any(d is None for d in dropped):
            return list(streams)
    except Exception:  # pdfminer meets the same trouble itself and says so
        return list(streams)
    out: list[object] = []
    for stream, data in zip(resolved, dropped):
        copy = PDFStream(stream.attrs, stream.rawdata or b"", stream.decipher)
        copy.set_objid(stream.objid, stream.genno)  # type: ignore[arg-type]
        copy.data = data
        out.append(copy)
    return out


def _with_table(page: PageText, rules: tuple[list[list[float]], list[list[float]]] | None,
                line_keys: list[object] | None, rules_loader=None, rows: list[Row] | None = None  # noqa: ANN001
                ) -> PageText:
    """Find a DANH SÁCH table; if there is one, keep it as rows and put its rows in the text."""
    if not has_table_header(page.words, line_keys, rows):
        return page
    try:
        if rules is None and rules_loader is not None:
            rules = rules_loader()
        table = find_table(page.words, *(rules or ([], [])), line_keys=line_keys)
    except Exception:  # a table we cannot read leaves the plain text, which is still right
        log.debug("table reading failed on page %s", page.number, exc_info=True)
        return page
    if table is not None:
        page.tables = [table]
        page.text = text_with_table(page.words, table, line_keys)
    return page
