"""Request bodies are bounded before anything reads them: FastAPI parses a form (an upload)
before it asks who is sending it, so without a bound anyone could fill the disk with one
request. Uploads may be as large as the reading limit; every other request gets 1 MiB."""

from __future__ import annotations

from typing import Any, Callable

from starlette.responses import JSONResponse

SMALL = 1 << 20
UPLOAD_PATHS = ("/api/upload",)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 when a body is (or turns out, while streaming) over its limit."""

    def __init__(self, app: Any, upload_limit: Callable[[], int]) -> None:
        self.app = app
        self.upload_limit = upload_limit

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        # a multipart envelope around the file: a little more than the file itself
        limit = self.upload_limit() + SMALL if path in UPLOAD_PATHS else SMALL
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    if int(value) > limit:
                        await _refuse(limit, scope, receive, send)
                        return
                except ValueError:
                    pass
        seen = 0
        started = refused = False

        async def counted() -> dict[str, Any]:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    if not started and not refused:
                        # answered here: the body parser turns any error into its own 400
                        refused = True
                        await _refuse(limit, scope, receive, send)
                    raise _TooLarge
            return message

        async def watched_send(message: dict[str, Any]) -> None:
            nonlocal started
            if refused:
                return  # the 413 is sent already
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched_send)
        except _TooLarge:
            pass


async def _refuse(limit: int, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
    response = JSONResponse({"detail": f"request body over the limit of {limit / 2**20:.0f} MiB"}, status_code=413,
                            headers={"Connection": "close"})
    await response(scope, receive, send)
