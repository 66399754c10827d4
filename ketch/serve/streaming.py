"""Server-sent events and client disconnects.

A client that goes away must abort its request in the engine at once (its KV blocks are freed):
for a stream the body iterator is closed when the response ends for any reason; for a plain
response the handler races the generation against the ``http.disconnect`` message.
"""
from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

T = TypeVar("T")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sse(payload: Any) -> bytes:
    """One SSE event, the way OpenAI's API writes them."""
    data = payload if isinstance(payload, str) else _dumps(payload)
    return f"data: {data}\n\n".encode()


def sse_template(payload: dict[str, Any], slot: str) -> Callable[[Any], bytes]:
    """SSE events that differ from ``payload`` only in the value of key ``slot``.

    A stream sends one event per token, each the same envelope (id, model, ...) around new choices:
    the envelope is encoded once, and each event encodes only its slot.
    """
    marker = "\x00slot\x00"
    before, after = _dumps({**payload, slot: marker}).split(_dumps(marker), 1)
    return lambda value: f"data: {before}{_dumps(value)}{after}\n\n".encode()


SSE_DONE = b"data: [DONE]\n\n"


class EventStream(StreamingResponse):
    """An SSE response that always closes its iterator (aborting the request) and runs ``on_close``."""

    def __init__(self, content: AsyncIterator[bytes], on_close: Callable[[], None] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        base = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        super().__init__(content, media_type="text/event-stream", headers={**base, **(headers or {})})
        self._on_close = on_close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            aclose = getattr(self.body_iterator, "aclose", None)
            if aclose is not None:
                await aclose()
            if self._on_close is not None:
                self._on_close()


class ClientGone(Exception):
    """The client disconnected before the response was ready."""


async def unless_disconnected(request: Request, work: Awaitable[T]) -> T:
    """Run ``work``; if the client disconnects first, cancel it (which aborts the engine request)."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_wait_disconnect(request))
    try:
        done, _ = await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            return task.result()
        task.cancel()
        try:
            await task
        except (asyncio.CancelledError, Exception):  # noqa: BLE001 - the client is gone either way
            pass
        raise ClientGone()
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()


async def finish_unless_disconnected(request: Request, work: Awaitable[T], release: Callable[[], None]) -> T | None:
    """``work``'s result, or None when the client left first; ``release`` runs either way."""
    try:
        return await unless_disconnected(request, work)
    except ClientGone:
        return None
    finally:
        release()


async def _wait_disconnect(request: Request) -> None:
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
