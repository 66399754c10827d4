"""asyncio front of the engine: a background thread runs the step loop; callers stream outputs.

The step loop never waits on the event loop and the event loop never waits on a step: requests
and aborts cross over in a thread-safe queue that the loop drains between steps, and outputs come
back through ``call_soon_threadsafe`` into per-request asyncio queues.
"""
from __future__ import annotations

import asyncio
import queue
import threading
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from ketch.config import EngineConfig
from ketch.engine.llm_engine import LLMEngine, PromptInput
from ketch.engine.sequence import Request
from ketch.outputs import RequestOutput
from ketch.sampling import SamplingParams


@dataclass(slots=True)
class _Stream:
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue


class EngineDeadError(RuntimeError):
    """The background step loop crashed; the engine must be restarted."""


class AsyncEngine:
    """``async for out in engine.generate(prompt, params, request_id)`` yields cumulative outputs."""

    def __init__(self, engine: LLMEngine, on_idle: Callable[[], None] | None = None) -> None:
        """``on_idle`` runs on the step thread each time the engine runs out of work (the server
        hands freed memory back to the OS there, off every request's path)."""
        self.engine = engine
        self._on_idle = on_idle
        self._commands: queue.Queue = queue.Queue()
        self._streams: dict[str, _Stream] = {}
        self._lock = threading.Lock()
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ketch-engine", daemon=True)
        self._thread.start()

    @classmethod
    def from_config(cls, config: EngineConfig) -> AsyncEngine:
        return cls(LLMEngine(config))

    @property
    def tokenizer(self):
        return self.engine.tokenizer

    @property
    def is_running(self) -> bool:
        """The step loop is alive and has not been told to stop."""
        return self._error is None and self._thread.is_alive() and not self._stopped.is_set()

    def make_request(self, prompt: PromptInput, params: SamplingParams | None = None,
                     request_id: str | None = None) -> Request:
        """Validate and tokenize now (raises ValueError), so callers can answer before streaming."""
        if self._error is not None:
            raise EngineDeadError(f"engine loop died: {self._error!r}")
        return self.engine.make_request(request_id or uuid.uuid4().hex, prompt, params)

    async def generate(self, prompt: PromptInput | Request, params: SamplingParams | None = None,
                       request_id: str | None = None) -> AsyncIterator[RequestOutput]:
        """Stream a request's outputs; leaving the loop early (or cancelling) aborts it.

        ``prompt`` may be a Request from ``make_request`` (then ``params`` and ``request_id`` are unused).
        """
        request = prompt if isinstance(prompt, Request) else self.make_request(prompt, params, request_id)
        if self._error is not None:
            raise EngineDeadError(f"engine loop died: {self._error!r}")
        if self._stopped.is_set():
            raise EngineDeadError("the engine was shut down")
        request_id = request.request_id
        stream = _Stream(asyncio.get_running_loop(), asyncio.Queue())
        with self._lock:
            if request_id in self._streams:
                raise ValueError(f"request id {request_id!r} is already in use")
            self._streams[request_id] = stream
        self._commands.put(("add", request))
        finished = False
        try:
            while True:
                item = await stream.queue.get()
                if isinstance(item, ValueError):
                    raise item
                if isinstance(item, BaseException):
                    raise EngineDeadError(f"engine loop died: {item!r}") from item
                finished = item.finished
                yield item
                if finished:
                    return
        finally:
            with self._lock:
                self._streams.pop(request_id, None)
            if not finished:
                self._commands.put(("abort", request_id))

    def abort(self, request_id: str) -> None:
        """Stop a request; its stream ends without a final output."""
        self._commands.put(("abort", request_id))

    def shutdown(self) -> None:
        """Stop the loop and abort whatever is still queued or running: nothing is left half-done."""
        self._stopped.set()
        self._commands.put(("stop", None))
        self._thread.join(timeout=30)
        if self._thread.is_alive():
            return  # a step is stuck; leave the engine alone rather than race it
        for request_id in list(self.engine.requests):
            self.engine.abort_request(request_id)
        while not self._commands.empty():
            self._commands.get_nowait()
        with self._lock:
            waiting = list(self._streams)
        for request_id in waiting:
            self._deliver(request_id, RuntimeError("the engine was shut down"))

    # ---- background thread ------------------------------------------------------------------

    def _drain(self, block: bool) -> None:
        try:
            cmd, arg = self._commands.get(block=block)
        except queue.Empty:
            return
        while True:
            if cmd == "add":
                try:
                    self.engine.enqueue(arg)
                except ValueError as exc:
                    self._deliver(arg.request_id, exc)
            elif cmd == "abort":
                self.engine.abort_request(arg)
            try:
                cmd, arg = self._commands.get_nowait()
            except queue.Empty:
                return

    def _run(self) -> None:
        try:
            worked = False
            while not self._stopped.is_set():
                idle = not self.engine.has_unfinished_requests()
                if idle and worked and self._on_idle is not None:
                    self._on_idle()
                worked = not idle
                self._drain(block=idle)
                if self._stopped.is_set():
                    break
                outputs = self.engine.step()
                if outputs:
                    self._deliver_step(outputs)
        except BaseException as exc:  # noqa: BLE001 - surfaced to every waiting caller
            self._error = exc
            with self._lock:
                ids = list(self._streams)
            for rid in ids:
                self._deliver(rid, exc)

    def _deliver_step(self, outputs: list[RequestOutput]) -> None:
        """One wake-up per event loop per step (not one per request): 32 streams, 1 cross-thread call."""
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Queue, RequestOutput]]] = {}
        with self._lock:
            for out in outputs:
                stream = self._streams.get(out.request_id)
                if stream is not None:
                    by_loop.setdefault(stream.loop, []).append((stream.queue, out))
        for loop, items in by_loop.items():
            try:
                loop.call_soon_threadsafe(_put_all, items)
            except RuntimeError:
                pass  # that event loop is closed: its callers are gone

    def _deliver(self, request_id: str, item: object) -> None:
        with self._lock:
            stream = self._streams.get(request_id)
        if stream is not None:
            stream.loop.call_soon_threadsafe(stream.queue.put_nowait, item)


def _put_all(items: list[tuple[asyncio.Queue, RequestOutput]]) -> None:
    for q, item in items:
        q.put_nowait(item)
