"""One exception class per failure kind, each with its own exit code.

Every error names the file and the reason in one line; the CLI prints `str(err)` and exits
with `err.exit_code`, so a batch can log it and go on with the next file. The codes are one
IntEnum, printed as a table by `--help` and in the README ("Exit codes").
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """What a script can tell from the exit status. USAGE and INPUT share 2, as Click's own
    usage errors exit 2 and scripts already read 2 as "nothing was read: fix the command"."""

    OK = 0
    FILES_FAILED = 1  # the run finished, but some file could not be read (see the messages)
    USAGE = 2  # a word of the command is wrong: unknown option, format, type, bad date
    INPUT = 2  # a named file is missing, empty, unreadable, or not a PDF or image
    ENCRYPTED = 3  # a PDF needs a password that was not given (--password, passwords_file)
    DAMAGED = 4  # a PDF or image no reader can open (truncated, corrupt)
    LIMIT = 5  # too many pages or pixels, or OCR over the page time limit
    DEPENDENCY = 6  # tesseract, a language pack or pillow-heif (for a HEIC photo) is missing
    STORE = 7  # the database cannot be opened or written
    TEMPLATE = 8  # a brief template failed
    CONFIG = 9  # the config file or a DISPATCH_READER_* variable has a wrong value
    NOT_FOUND = 10  # show, brief, people merge/split/forget, db history: nothing stored matches the key
    BUSY = 11  # another watcher already works on this folder; nothing was done
    QUEUE = 12  # the queue (Redis broker) or the spool folder of a worker fleet cannot be used
    INTERNAL = 70  # a bug: please report it with the file
    INTERRUPTED = 130  # Ctrl-C or SIGTERM; run the same command again to go on


EXIT_CODE_HELP = {
    ExitCode.OK: "success",
    ExitCode.FILES_FAILED: "finished, but some files failed",
    ExitCode.USAGE: "usage error, or an input file missing / not a PDF or image / no readable text",
    ExitCode.ENCRYPTED: "encrypted PDF without the right password",
    ExitCode.DAMAGED: "damaged PDF or image that no reader can open",
    ExitCode.LIMIT: "over a page, pixel or time limit",
    ExitCode.DEPENDENCY: "tesseract, a language pack or HEIC support (pillow-heif) missing",
    ExitCode.STORE: "database cannot be opened or written",
    ExitCode.TEMPLATE: "brief template failed",
    ExitCode.CONFIG: "wrong value in the config file or a DISPATCH_READER_* variable",
    ExitCode.NOT_FOUND: "no stored document matches the number, id, SHA-256 or file name given",
    ExitCode.BUSY: "busy: another watcher is already working on this folder",
    ExitCode.QUEUE: "the queue (Redis) or the fleet's spool folder cannot be reached or written",
    ExitCode.INTERNAL: "internal error (a bug)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C, SIGTERM) before the work was done; "
                          "`watch` without --once stops with 0",
}


def exit_code_table() -> str:
    """The table for `--help` and the README."""
    return "\n".join(f"  {int(code):>3}  {text}" for code, text in EXIT_CODE_HELP.items())


class DispatchReaderError(Exception):
    """Base of all expected failures. Never shown with a traceback."""

    exit_code: int = ExitCode.FILES_FAILED
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

    exit_code: int = ExitCode.INPUT
    kind = "input"


class NotADocumentError(InputFileError):
    """A picture with no readable text (a photo, noise, a blank page): nothing to store."""

    kind = "no_text"


class UsageError(DispatchReaderError):
    """A command's words that cannot be understood (bad date, unknown type or format)."""

    exit_code: int = ExitCode.USAGE
    kind = "usage"

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(path, reason)


class EncryptedPdfError(DispatchReaderError):
    """A PDF that needs a password we do not have."""

    exit_code: int = ExitCode.ENCRYPTED
    kind = "encrypted"


class DamagedFileError(DispatchReaderError):
    """A PDF or image that starts right but cannot be read through (truncated, corrupt)."""

    exit_code: int = ExitCode.DAMAGED
    kind = "damaged"


class LimitExceededError(DispatchReaderError):
    """Too many pages, too many pixels, or a page that OCR could not finish in time."""

    exit_code: int = ExitCode.LIMIT
    kind = "limit"


class MissingDependencyError(DispatchReaderError):
    """A program the tool needs (tesseract, a language pack, pillow-heif for HEIC) is not installed."""

    exit_code: int = ExitCode.DEPENDENCY
    kind = "dependency"


class StoreError(DispatchReaderError):
    """The database could not be opened or written."""

    exit_code: int = ExitCode.STORE
    kind = "store"


class TemplateError(DispatchReaderError):
    """A brief template failed; the message names the template file and line."""

    exit_code: int = ExitCode.TEMPLATE
    kind = "template"


class ConfigError(DispatchReaderError):
    """A config file or DISPATCH_READER_* value that is wrong; named before anything is read."""

    exit_code: int = ExitCode.CONFIG
    kind = "config"


class NotFoundError(DispatchReaderError):
    """A lookup (`show`, `brief`, `people merge`, …) whose number, id or SHA-256 matches nothing
    stored. A search that finds nothing is not a failure (exit 0)."""

    exit_code: int = ExitCode.NOT_FOUND
    kind = "not_found"


class BusyError(InputFileError):
    """Another watcher holds the folder's lock; the folder is fine, just taken."""

    exit_code: int = ExitCode.BUSY
    kind = "busy"


class QueueError(DispatchReaderError):
    """The worker fleet's broker (Redis) or its spool folder cannot be reached or written."""

    exit_code: int = ExitCode.QUEUE
    kind = "queue"


class UnexpectedError(DispatchReaderError):
    """A bug: something failed that no rule foresaw. Reported per file so a batch goes on."""

    exit_code: int = ExitCode.INTERNAL
    kind = "internal"
