"""One exception class per failure kind, each with its own exit code.

Every error names the file and the reason in one line; the CLI prints `str(err)` and exits
with `err.exit_code`, so a batch can log it and go on with the next file.
"""

from __future__ import annotations

from pathlib import Path


class DispatchReaderError(Exception):
    """Base of all expected failures. Never shown with a traceback."""

    exit_code = 1
    kind = "error"

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = reason
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        return f"{where}{self.reason}"


class InputFileError(DispatchReaderError):
    """Missing, empty, unreadable, or not a PDF/image at all."""

    exit_code = 2
    kind = "input"


class UsageError(DispatchReaderError):
    """A command's words that cannot be understood (bad date, unknown type or format)."""

    exit_code = 2
    kind = "usage"

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(path, reason)


class EncryptedPdfError(DispatchReaderError):
    """A PDF that needs a password we do not have."""

    exit_code = 3
    kind = "encrypted"


class DamagedFileError(DispatchReaderError):
    """A PDF or image that starts right but cannot be read through (truncated, corrupt)."""

    exit_code = 4
    kind = "damaged"


class LimitExceededError(DispatchReaderError):
    """Too many pages, too many pixels, or a page that OCR could not finish in time."""

    exit_code = 5
    kind = "limit"


class MissingDependencyError(DispatchReaderError):
    """A program the tool needs (tesseract, a language pack) is not installed."""

    exit_code = 6
    kind = "dependency"


class StoreError(DispatchReaderError):
    """The database could not be opened or written."""

    exit_code = 7
    kind = "store"


class TemplateError(DispatchReaderError):
    """A brief template failed; the message names the template file and line."""

    exit_code = 8
    kind = "template"


class UnexpectedError(DispatchReaderError):
    """A bug: something failed that no rule foresaw. Reported per file so a batch goes on."""

    exit_code = 70
    kind = "internal"
