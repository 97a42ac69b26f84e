"""What every command shares: the two consoles and the one-line failure handling."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import typer
from rich.console import Console

from dispatch_reader.errors import DispatchReaderError

out = Console(width=max(Console().width, 120))
err_console = Console(stderr=True, soft_wrap=True)  # an error stays one line, however long

F = TypeVar("F", bound=Callable[..., Any])


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
