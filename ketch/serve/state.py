"""What one server holds: the engine (loaded in the background), admission control, metrics.

The model loads in a thread after the socket is open, so ``/health`` answers at once and requests
that come too early get a 503 with ``Retry-After`` instead of a refused connection. Admission is
a plain counter: the engine's running slots plus a bounded queue; past that, 429.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TypeVar

from ketch.config import ServerConfig
from ketch.engine.async_engine import AsyncEngine, EngineDeadError
from ketch.engine.llm_engine import ContextLengthError, EngineStats, LLMEngine
from ketch.engine.sequence import Request
from ketch.engine.structured import GrammarError
from ketch.formats.chat_template import render_chat
from ketch.outputs import CompletionOutput, RequestOutput
from ketch.sampling import SamplingParams
from ketch.security.audit import AuditLog
from ketch.security.guards.guard import Guard, GuardRefusal, InputCheck, Judge, moderation_decisions
from ketch.security.guards.judge import judge_messages, yes_probability
from ketch.security.guards.moderation import StreamModerator
from ketch.security.keys import KeyStore
from ketch.security.limits import KeyLimiter, LimitExceeded
from ketch.serve import host_memory
from ketch.serve.auth import Gate, limit_error
from ketch.serve.call import Call
from ketch.serve.errors import APIError
from ketch.serve.metrics import ServerMetrics

log = logging.getLogger("ketch.serve")
T = TypeVar("T")
# No tokenizer ketch serves has tokens longer than this many characters, so a prompt over
# max_model_len times it cannot fit (checked before the guard scans it).
_MAX_CHARS_PER_TOKEN = 64


class Ticket:
    """One admitted request; ``release`` is idempotent so every exit path may call it."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._released = False

    def release(self) -> None:
        if not self._released:
            self._released = True
            self._state._release()


class ServerState:
    def __init__(self, config: ServerConfig, engine: AsyncEngine | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.engine = engine
        self.clock = clock  # wall time of keys and limits (tests drive rate windows with their own)
        self.keys: KeyStore | None = None
        self.gate: Gate | None = None
        if config.security.auth:
            self.keys = KeyStore(config.security.auth_db_path, clock)
            self.gate = Gate(self.keys, KeyLimiter(self.keys, clock))
        self.audit = AuditLog(config.security.audit_db_path) if config.security.audit_on else None
        self.guard = Guard.from_file(config.security.guard_policy) if config.security.guard else None
        self.loop: asyncio.AbstractEventLoop | None = None  # the server's, set at startup (the judge runs there)
        self.loop_thread: int | None = None
        self.load_error: str | None = None
        self.draining = False
        self.in_flight = 0
        self.started = time.time()
        self._lock = threading.Lock()
        self.metrics = ServerMetrics(self.engine_stats, config.model_name)

    # ---- lifecycle --------------------------------------------------------------------------

    def start_loading(self) -> threading.Thread:
        """Load the model in the background; ``/ready`` turns 200 when it is serving."""
        thread = threading.Thread(target=self._load, name="ketch-load", daemon=True)
        thread.start()
        return thread

    def _load(self) -> None:
        t0 = time.perf_counter()
        try:
            engine = AsyncEngine(LLMEngine(self.config.engine), on_idle=host_memory.trim)
        except Exception as exc:  # noqa: BLE001 - reported by /ready and every request
            self.load_error = f"{type(exc).__name__}: {exc}"
            log.error("model %s failed to load: %s", self.config.engine.model, self.load_error)
            return
        host_memory.trim()
        self.engine = engine
        e = engine.engine
        log.info("loaded %s (%.1fM parameters, %s, max_model_len %d, %d KV blocks) in %.1fs",
                 self.config.engine.model, e.num_parameters / 1e6, e.device, e.max_model_len,
                 e.block_manager.num_blocks, time.perf_counter() - t0)

    def shutdown(self) -> None:
        if self.engine is not None:
            self.engine.shutdown()
        if self.audit is not None:
            self.audit.close()

    @property
    def ready(self) -> bool:
        return self.engine is not None and self.engine.is_running and not self.draining

    def engine_stats(self) -> EngineStats | None:
        return self.engine.engine.stats() if self.engine is not None else None

    def require_engine(self) -> AsyncEngine:
        if self.load_error is not None:
            raise APIError(503, f"the model failed to load: {self.load_error}", code="model_load_failed")
        if self.engine is None:
            raise APIError(503, "the model is still loading; retry shortly", code="model_loading",
                           headers={"Retry-After": "2"})
        if not self.engine.is_running:
            raise APIError(503, "the engine has stopped", code="engine_stopped")
        return self.engine

    # ---- admission --------------------------------------------------------------------------

    def admit(self) -> Ticket:
        """Take a slot or raise 503 (loading, draining) / 429 (queue full), with Retry-After."""
        if self.draining:
            raise APIError(503, "the server is shutting down", code="draining", headers={"Retry-After": "5"})
        self.require_engine()
        with self._lock:
            if self.in_flight >= self.config.max_concurrent:
                raise APIError(429, f"the server is at capacity ({self.config.max_concurrent} requests in "
                                    "flight); retry shortly", code="overloaded", headers={"Retry-After": "1"})
            self.in_flight += 1
            self.metrics.in_flight.set(self.in_flight)
        return Ticket(self)

    @contextmanager
    def admission(self) -> Iterator[Ticket]:
        """``admit``, for work done before the engine request exists (tokenizing, rendering the
        template, compiling a grammar): that work counts against capacity too. The ticket is given
        back if the block raises; otherwise the caller owns it."""
        ticket = self.admit()
        try:
            yield ticket
        except BaseException:
            ticket.release()
            raise

    def _release(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self.metrics.in_flight.set(self.in_flight)

    # ---- requests ---------------------------------------------------------------------------

    def make_request(self, prompt, params, request_id: str, grammar_param: str = "response_format",
                     call: Call | None = None) -> Request:
        """Validate against the model (context window, vocabulary, grammar): errors are 400s. With a
        caller's key (``call``), its token limits are applied (429)."""
        engine = self.require_engine()
        try:
            # deltas: each step hands over only the new tokens; ``stream`` accumulates them once
            request = engine.make_request(prompt, replace(params, output_kind="delta"), request_id)
            lease = call.lease if call is not None else None
            if lease is not None:
                request.limit_max_tokens(lease.limiter.admit_tokens(
                    lease, len(request.prompt_token_ids), request.params.max_tokens, request.params.n))
            return request
        except LimitExceeded as exc:
            raise limit_error(exc) from None
        except ContextLengthError as exc:
            raise APIError(400, str(exc), param="messages" if isinstance(prompt, dict) else "prompt",
                           code="context_length_exceeded") from None
        except EngineDeadError as exc:
            raise APIError(503, str(exc), code="engine_stopped") from None
        except GrammarError as exc:
            raise APIError(400, str(exc), param=grammar_param, code="invalid_value") from None
        except ValueError as exc:
            raise APIError(400, str(exc), code="invalid_value") from None

    def admit_request(self, prompt, params, request_id: str, grammar_param: str = "response_format",
                      call: Call | None = None) -> tuple[Ticket, Request]:
        """A slot and a validated engine request; the slot is given back if validation fails."""
        with self.admission() as ticket:
            return ticket, self.make_request(prompt, params, request_id, grammar_param, call)

    def _moderate(self, delta: RequestOutput, mods: dict[int, StreamModerator], call: Call | None) -> None:
        """Output moderation, in place on one engine delta: each choice's new text passes its stream
        moderator (held back while it may still match, redacted, or ended as content_filter)."""
        guard = self.guard_of(call)
        assert guard is not None
        for d in delta.outputs:
            mod = mods.get(d.index)
            if mod is None:
                mod = mods[d.index] = guard.output(call.canary if call is not None else None)
            if mod.blocked or mod.closed:  # nothing more of this choice leaves, whatever the engine adds
                d.text, d.token_ids = "", []
                d.logprobs = [] if d.logprobs is not None else None
                if mod.blocked:
                    d.finish_reason, d.stop_reason = "content_filter", None
                continue
            text = mod.feed(d.text)
            if d.finish_reason is not None:
                text += mod.finish()
            d.text = text
            if mod.blocked:
                d.finish_reason, d.stop_reason = "content_filter", None
                if call is not None:
                    call.record(moderation_decisions(mod.counts, ("block",), "output"), {})
            if d.finish_reason is not None:
                mod.closed = True
                if call is not None:
                    call.record(moderation_decisions(mod.counts, ("redact", "flag"), "output"), mod.counts("redact"))
        if all(mods[d.index].blocked or d.finish_reason is not None for d in delta.outputs) and any(
                m.blocked for m in mods.values()):
            delta.finished = True

    def guard_of(self, call: Call | None) -> Guard | None:
        """The guard a request's output answers to: the one its input was checked under (an admin's
        policy change mid-stream applies from the next request), else the server's."""
        if call is not None and call.policy is not None:
            return call.policy
        return self.guard

    def output_moderated(self, call: Call | None) -> bool:
        """Whether this request's generated text passes the stream moderator (held back, redacted
        or cut), so token ids and details must not show it."""
        guard = self.guard_of(call)
        return guard is not None and (guard.moderates_output or bool(call is not None and call.canary))

    def _guard_size(self, chars: int, param: str) -> None:
        """Refuse, before any scanning, text that cannot fit the context window whatever its tokens."""
        window = self.require_engine().engine.max_model_len
        if chars > window * _MAX_CHARS_PER_TOKEN:
            raise APIError(400, f"the prompt has {chars} characters, more than a context window of {window} tokens "
                                "can hold", param=param, code="context_length_exceeded")

    def guard_messages(self, messages: list[dict], call: Call | None) -> list[dict]:
        """The guard's input check of a chat (400 on a refusal); the messages to render. Slow on long
        text: callers run it off the event loop."""
        self._guard_size(sum(len(m["content"]) for m in messages if isinstance(m.get("content"), str)), "messages")
        return self._guarded(lambda guard, model, key_id, judge: guard.check_messages(messages, model, key_id, judge),
                             call, "messages")

    def guard_prompt(self, prompt: str, call: Call | None, param: str = "prompt") -> str:
        self._guard_size(len(prompt), param)
        return self._guarded(lambda guard, model, key_id, judge: guard.check_prompt(prompt, model, key_id, judge),
                             call, param)

    def _judge_from_thread(self, guard: Guard) -> Judge | None:
        """The judge for a guard check running in a worker thread: it hands the question to the
        event loop (the engine lives there) and waits, up to the policy's timeout."""
        loop = self.loop
        if not guard.judge.enabled or loop is None:
            return None

        def judge(text: str) -> float | None:
            if threading.get_ident() == loop_thread:
                return None  # waiting here would stall the very loop the judge runs on
            future = None
            try:
                future = asyncio.run_coroutine_threadsafe(self.judge(text), loop)
                return future.result(timeout=guard.judge.timeout)
            except Exception as exc:  # a slow or failed judge leaves the classifier's score standing
                if future is not None:
                    future.cancel()
                log.warning("the injection judge gave no answer (%s): the classifier's score stands",
                            type(exc).__name__)
                return None
        loop_thread = self.loop_thread
        return judge

    async def judge(self, text: str) -> float | None:
        """Ask the served model whether ``text`` is an injection: P(yes) from its first token."""
        engine = self.require_engine()
        tok = engine.tokenizer
        rendered = render_chat(tok.chat_template, judge_messages(text), add_generation_prompt=True,
                               bos_token=tok.bos_token, eos_token=tok.eos_token)
        params = SamplingParams(temperature=0.0, max_tokens=1, logprobs=20)
        request = engine.make_request({"prompt_token_ids": tok.encode(rendered, add_special_tokens=False)},
                                      params, "judge-" + secrets.token_hex(8))
        last = None
        async for out in engine.generate(request):
            last = out
        if last is None or not last.outputs or not last.outputs[0].logprobs:
            return None
        top = last.outputs[0].logprobs[0]
        return yes_probability({tok.decode([tid]): lp.logprob for tid, lp in top.items()})

    def _guarded(self, check: Callable[[Guard, str | None, str | None, Judge | None], tuple[T, InputCheck]],
                 call: Call | None, param: str) -> T:
        """Run one guard check under the server's guard of the moment (recorded on ``call``, whose
        output answers to it too), with the caller's model and key choosing the injection policy:
        its decisions (and canary) onto ``call``, a refusal as a 400."""
        guard = self.guard
        assert guard is not None
        model, key_id = (call.model, call.key_id) if call is not None else (None, None)
        if call is not None:
            call.policy = guard
        judge = self._judge_from_thread(guard)
        try:
            out, result = check(guard, model, key_id, judge)
        except GuardRefusal as exc:
            if call is not None:
                call.record(exc.decisions, {})
            raise APIError(400, exc.message, param=param, code=exc.code) from None
        if call is not None:
            call.record(result.decisions, result.redactions)
            call.canary = result.canary or call.canary
        return out

    def refuse_token_details(self, asked: bool, param: str) -> None:
        """With output moderation on, logprobs and token details would show redacted text: a 400."""
        if asked and self.guard is not None and self.guard.moderates_output:
            raise APIError(400, f"{param} is not available while the server moderates output (token strings "
                                "would reveal redacted text)", param=param, code="unsupported_with_guard")

    async def final(self, request: Request, call: Call | None = None) -> RequestOutput:
        """Run ``request`` to the end and return its last (finished) output."""
        last = None
        async for out in self.stream(request, call):
            last = out
        assert last is not None and last.finished
        return last

    async def stream(self, request: Request, call: Call | None = None) -> AsyncIterator[RequestOutput]:
        """The engine's outputs for ``request``, with TTFT/ITL/e2e/queue/token metrics recorded and
        its tokens counted on ``call`` (for the audit row) and against the caller's key."""
        engine = self.require_engine()
        m, name = self.metrics, self.metrics.model_name
        itl = m.itl.labels(name)  # looked up once: this loop runs for every token
        last_time: float | None = None
        num_tokens = 0
        final: RequestOutput | None = None
        lease = call.lease if call is not None else None
        acc: dict[int, CompletionOutput] = {}  # per choice: everything so far, grown in place
        moderated = self.output_moderated(call)
        mods: dict[int, StreamModerator] = {}
        try:
            async for delta in engine.generate(request):
                if moderated:
                    self._moderate(delta, mods, call)
                out = _accumulate(acc, delta)
                now = time.monotonic()
                total = sum(len(o.token_ids) for o in out.outputs)
                if total > num_tokens:
                    if lease is not None:
                        lease.charge(total - num_tokens)
                    if last_time is None:
                        m.ttft.labels(name).observe(now - request.arrival_time)
                    else:
                        gap = (now - last_time) / (total - num_tokens)
                        for _ in range(total - num_tokens):
                            itl.observe(gap)
                    last_time, num_tokens = now, total
                if out.finished:
                    final = out
                yield out
                if out.finished:
                    break  # a response the guard ended: leaving aborts the engine request
        except EngineDeadError as exc:
            raise APIError(503, str(exc), code="engine_stopped") from None
        finally:
            if final is not None:
                m.e2e.labels(name).observe(time.monotonic() - request.arrival_time)
                if final.metrics is not None and final.metrics.first_scheduled_time is not None:
                    m.queue_time.labels(name).observe(final.metrics.first_scheduled_time - request.arrival_time)
                m.prompt_tokens.labels(name).inc(len(request.prompt_token_ids))
                m.generation_tokens.labels(name).inc(num_tokens)
                for o in final.outputs:
                    m.request_success.labels(name, o.finish_reason or "stop").inc()
            else:
                m.aborted.labels(name).inc()
                if num_tokens:
                    m.generation_tokens.labels(name).inc(num_tokens)
            if call is not None:
                call.prompt_tokens += len(request.prompt_token_ids)
                call.completion_tokens += num_tokens
                if final is not None:
                    call.outputs.extend(o.text for o in final.outputs)


def _accumulate(acc: dict[int, CompletionOutput], delta: RequestOutput) -> RequestOutput:
    """The request's cumulative output from one delta. Each choice's lists grow in place, so a step
    costs what it adds, not what came before; routes read them from what they already sent."""
    for d in delta.outputs:
        o = acc.get(d.index)
        if o is None:
            o = acc[d.index] = CompletionOutput(d.index, "", [], logprobs=[] if d.logprobs is not None else None)
        o.text += d.text
        o.token_ids.extend(d.token_ids)
        if d.logprobs is not None and o.logprobs is not None:
            o.logprobs.extend(d.logprobs)
        o.cumulative_logprob, o.finish_reason, o.stop_reason = d.cumulative_logprob, d.finish_reason, d.stop_reason
    return RequestOutput(delta.request_id, delta.prompt, delta.prompt_token_ids,
                         [acc[i] for i in sorted(acc)], delta.finished, delta.metrics, delta.num_cached_tokens,
                         delta.extra)

