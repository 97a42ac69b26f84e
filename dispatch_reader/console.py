"""What every command shares: the two consoles and the one-line failure handling."""

from __future__ import annotations

import contextlib
import functools
from typing import Any, Callable, ContextManager, TypeVar

import typer
from rich.console import Console

from dispatch_reader.errors import DispatchReaderError

out = Console(width=max(Console().width, 120))
err_console = Console(stderr=True, soft_wrap=True)  # an error stays one line, however long

F = TypeVar("F", bound=Callable[..., Any])
_quiet = False


def set_quiet(quiet: bool) -> None:
    """-q: no progress or summaries; errors and asked-for data (--json, exports, eval's table) still go out."""
    global _quiet
    _quiet = quiet
    out.quiet = quiet


def status(text: str) -> ContextManager[Any]:
    """A spinner on stderr; where stderr is no terminal (a log, cron), each update as a line of
    its own (a tester's batch of eight files ran 42 s in silence); nothing under -q."""
    if _quiet:
        return contextlib.nullcontext(_Silent())
    if not err_console.is_terminal:
        return contextlib.nullcontext(_Lines())
    return err_console.status(text)


class _Silent:
    def update(self, *_args: Any, **_kwargs: Any) -> None:
        pass


class _Lines:
    def update(self, text: str = "", *_args: Any, **_kwargs: Any) -> None:
        err_console.print(text, markup=False, highlight=False)


def friendly(func: F) -> F:
    """Expected failures become one line on stderr and the failure's exit code, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DispatchReaderError as err:
            err_console.print(f"error: {err}", markup=False, highlight=False)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            err_console.print("interrupted", markup=False)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


# -- what the terminal marks, as the brief marks it (extract, process, show) ---------------------

# under a table that marks a fact ⚠
DOUBT_CAPTION = ("⚠ check it on the page: read with doubt (a stamp's ink across it, a worn copy, a page read "
                 "badly), written by hand (a receiving stamp), or at odds with another fact of the paper (the "
                 "number's year, the date of the Gazette issue printing it); the document's warnings say which")


def header_of(record: Any) -> list[dict[str, Any]]:
    """The brief's header rows of a record (in English): what the terminal shows and marks."""
    from dispatch_reader.briefs.document import header_rows

    return header_rows(record.to_dict(), "en")


def to_check(record: Any, header: list[dict[str, Any]] | None = None) -> set[str]:
    """The header fields the brief marks to be checked (read below its line, on a page read
    badly, or named by a warning): the terminal marks the same ones."""
    return {h["field"] for h in (header if header is not None else header_of(record)) if h["needs_check"]}


def marked(value: str | None, field: str, fields: set[str]) -> str:
    """`value`, with ⚠ where its reading is to be checked (`fields`: to_check's)."""
    return (value + (" ⚠" if field in fields else "")) if value else "—"


def stamp_of(header: list[dict[str, Any]]) -> str | None:
    """The receiving stamp as the brief's row words it, or None."""
    return next((h["value"] for h in header if h["field"] == "received"), None)
