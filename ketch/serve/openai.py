"""OpenAI-compatible routes: /v1/chat/completions, /v1/completions, /v1/models."""
from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ketch.outputs import CompletionOutput, Logprob, RequestOutput
from ketch.sampling import SamplingParams
from ketch.serve.call import Call
from ketch.serve.chat import ToolPlan, could_start_tool_call, encode_chat, parse_tool_calls, tool_plan
from ketch.serve.errors import APIError
from ketch.serve.params import chat_params, completion_params, log_ignored, response_format_spec
from ketch.serve.protocol import ChatCompletionRequest, CompletionRequest
from ketch.serve.state import ServerState, Ticket
from ketch.serve.streaming import SSE_DONE, EventStream, finish_unless_disconnected, sse, sse_template

router = APIRouter()


def _state(request: Request) -> ServerState:
    return request.app.state.ketch


def _call(request: Request) -> Call | None:
    """This request's record: ids, the caller's pass (with --auth), what its audit row will say."""
    return getattr(request.state, "call", None)


def _check_model(state: ServerState, model: str | None, request: Request) -> str:
    name = state.config.model_name
    if model not in (None, "", name):
        raise APIError(404, f"The model '{model}' does not exist; this server serves '{name}'",
                       param="model", code="model_not_found")
    call = _call(request)
    if call is not None:
        call.use_model(name)
    return name


def _guarded(state: ServerState, tokenizer, prompt: str | list[int], call: Call | None) -> str | list[int]:
    """A completion prompt through the guard; token ids are checked as the text they decode to."""
    if isinstance(prompt, str):
        return state.guard_prompt(prompt, call)
    vocab = state.require_engine().engine.model_config.vocab_size
    bad = next((t for t in prompt if not isinstance(t, int) or not 0 <= t < vocab), None)
    if bad is not None:
        raise APIError(400, f"token ids must be in [0, {vocab}); got {bad}", param="prompt", code="invalid_value")
    text = tokenizer.decode(prompt, skip_special_tokens=False)
    checked = state.guard_prompt(text, call)
    return prompt if checked == text else tokenizer.encode(checked, add_special_tokens=False)


def _keep_prompt(state: ServerState, request: Request, reqs: list) -> None:
    """The prompt text for the audit row, when the server keeps text there (--audit-text)."""
    call = _call(request)
    if call is not None and state.config.security.audit_text:
        tok = state.require_engine().tokenizer
        call.prompt_text = "\n".join(r.prompt if r.prompt is not None else tok.decode(r.prompt_token_ids)
                                      for r in reqs)


def _finite(x: float) -> float:
    # JSON has no -inf; vLLM clamps the same way.
    return x if math.isfinite(x) else -9999.0


def _usage(out: RequestOutput) -> dict[str, int]:
    prompt = len(out.prompt_token_ids)
    completion = sum(len(o.token_ids) for o in out.outputs)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            **({"prompt_tokens_details": {"cached_tokens": out.num_cached_tokens}} if out.num_cached_tokens else {})}


def _total_usage(finals) -> dict[str, int]:
    """Token counts summed over the requests of one multi-prompt completion."""
    usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    for final in finals:
        for key, value in _usage(final).items():
            if key in usage:
                usage[key] += value
    return usage


def _finish_reason(o: CompletionOutput) -> str | None:
    return None if o.finish_reason == "abort" else o.finish_reason


# ---- logprobs ---------------------------------------------------------------------------------

def _chat_logprob_entries(o: CompletionOutput, start: int, end: int, top: int) -> list[dict[str, Any]]:
    entries = []
    for tid, lps in zip(o.token_ids[start:end], (o.logprobs or [])[start:end]):
        chosen = lps.get(tid) or Logprob(float("-inf"))
        token = chosen.decoded_token or ""
        ranked = sorted(((lp.rank or 0, t, lp) for t, lp in lps.items() if lp.rank is not None
                         and lp.rank <= top), key=lambda r: r[0])
        entries.append({"token": token, "logprob": _finite(chosen.logprob), "bytes": list(token.encode()),
                        "top_logprobs": [{"token": lp.decoded_token or "", "logprob": _finite(lp.logprob),
                                          "bytes": list((lp.decoded_token or "").encode())}
                                         for _, _, lp in ranked][:top]})
    return entries


def _completion_logprobs(o: CompletionOutput, start: int, end: int, top: int, offset: int) -> dict[str, Any]:
    tokens, token_lps, tops, offsets = [], [], [], []
    for tid, lps in zip(o.token_ids[start:end], (o.logprobs or [])[start:end]):
        chosen = lps.get(tid) or Logprob(float("-inf"))
        token = chosen.decoded_token or ""
        tokens.append(token)
        token_lps.append(_finite(chosen.logprob))
        ranked = sorted((lp for lp in lps.values() if lp.rank is not None and lp.rank <= top),
                        key=lambda lp: lp.rank)
        tops.append({(lp.decoded_token or ""): _finite(lp.logprob) for lp in ranked} if top else None)
        offsets.append(offset)
        offset += len(token)
    return {"tokens": tokens, "token_logprobs": token_lps, "top_logprobs": tops, "text_offset": offsets}


# ---- /v1/models -------------------------------------------------------------------------------

def _model_card(state: ServerState) -> dict[str, Any]:
    card: dict[str, Any] = {"id": state.config.model_name, "object": "model", "created": int(state.started),
                            "owned_by": "ketch", "root": state.config.engine.model}
    if state.engine is not None:
        card["max_model_len"] = state.engine.engine.max_model_len
    return card


@router.get("/v1/models")
async def list_models(request: Request) -> dict[str, Any]:
    state, call = _state(request), _call(request)
    gate = call.gate if call is not None else None
    visible = gate is None or gate.principal is None or gate.principal.allows_model(state.config.model_name)
    return {"object": "list", "data": [_model_card(state)] if visible else []}


@router.get("/v1/models/{model_id:path}")
async def get_model(model_id: str, request: Request) -> dict[str, Any]:
    state = _state(request)
    _check_model(state, model_id, request)
    return _model_card(state)


# ---- /v1/chat/completions ---------------------------------------------------------------------

@router.post("/v1/chat/completions")
async def chat_completions(body: ChatCompletionRequest, request: Request):
    state = _state(request)
    request_id = request.state.request_id
    model = _check_model(state, body.model, request)
    log_ignored(body, "chat", request_id)
    plan = tool_plan(body)
    structured = response_format_spec(body)
    if plan.structured is not None:
        if structured is not None:
            raise APIError(400, "response_format cannot be combined with a forced tool_choice",
                           param="response_format", code="invalid_value")
        structured = plan.structured
    params = chat_params(body, state.config.engine.scheduler.max_num_seqs, structured)
    state.refuse_token_details(bool(body.logprobs), "logprobs")
    call = _call(request)
    guard = (lambda messages: state.guard_messages(messages, call)) if state.guard is not None else None
    with state.admission() as ticket:
        tokenizer = state.require_engine().tokenizer
        # the guard's scans of long text run off the event loop, which keeps serving meanwhile
        prompt_ids = (await asyncio.to_thread(encode_chat, tokenizer, body, plan, guard) if guard is not None
                      else encode_chat(tokenizer, body, plan))
        req = state.make_request({"prompt_token_ids": prompt_ids}, params, request_id, call=_call(request))
    _keep_prompt(state, request, [req])
    chat_id, created = f"chatcmpl-{request_id}", int(time.time())
    top = body.top_logprobs or 0
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return EventStream(_chat_stream(state, req, plan, chat_id, created, model, body.logprobs, top,
                                        include_usage, _call(request)), on_close=ticket.release)
    final = await finish_unless_disconnected(request, state.final(req, _call(request)), ticket.release)
    if final is None:
        return JSONResponse({}, status_code=499)  # nobody reads it; the engine request was aborted
    choices = []
    for o in final.outputs:
        content, calls = parse_tool_calls(o.text, plan)
        message: dict[str, Any] = {"role": "assistant", "content": content if calls else (content or "")}
        if calls:
            message["tool_calls"] = calls
        choices.append({
            "index": o.index, "message": message,
            "logprobs": {"content": _chat_logprob_entries(o, 0, len(o.token_ids), top)} if body.logprobs else None,
            "finish_reason": "tool_calls" if calls else _finish_reason(o)})
    return {"id": chat_id, "object": "chat.completion", "created": created, "model": model,
            "choices": choices, "usage": _usage(final), "system_fingerprint": None}


async def _chat_stream(state: ServerState, req, plan: ToolPlan, chat_id: str, created: int, model: str,
                       logprobs: bool, top: int, include_usage: bool,
                       call: Call | None) -> AsyncIterator[bytes]:
    envelope: dict[str, Any] = {"id": chat_id, "object": "chat.completion.chunk", "created": created,
                                "model": model, "system_fingerprint": None, "choices": None}
    if include_usage:
        envelope["usage"] = None  # OpenAI sends "usage": null in every chunk but the last
    chunk = sse_template(envelope, "choices")

    n = req.params.n
    sent_text = [0] * n  # characters of each choice already sent
    sent_tokens = [0] * n
    holding = [plan.mode != "none" for _ in range(n)]  # text held back while it may be a tool call
    done = [False] * n
    final: RequestOutput | None = None
    try:
        for i in range(n):
            yield chunk([{"index": i, "delta": {"role": "assistant", "content": ""}, "logprobs": None,
                          "finish_reason": None}])
        async for out in state.stream(req, call):
            final = out
            for o in out.outputs:
                i = o.index
                if done[i]:
                    continue
                if holding[i] and plan.mode == "auto" and not could_start_tool_call(o.text):
                    holding[i] = False
                choices = []
                if not holding[i]:
                    delta_text = o.text[sent_text[i]:]
                    new_tokens = len(o.token_ids) - sent_tokens[i]
                    if delta_text or (logprobs and new_tokens):
                        entry: dict[str, Any] = {"index": i, "delta": {"content": delta_text}, "logprobs": None,
                                                 "finish_reason": None}
                        if logprobs:
                            entry["logprobs"] = {"content": _chat_logprob_entries(
                                o, sent_tokens[i], len(o.token_ids), top)}
                            sent_tokens[i] = len(o.token_ids)
                        sent_text[i] = len(o.text)
                        choices.append(entry)
                if o.finished():
                    done[i] = True
                    reason = _finish_reason(o)
                    if holding[i]:
                        content, calls = parse_tool_calls(o.text, plan)
                        if calls:
                            reason = "tool_calls"
                            choices.append({"index": i, "delta": {"tool_calls": [
                                {"index": k, **call} for k, call in enumerate(calls)]},
                                "logprobs": None, "finish_reason": None})
                        elif o.text:
                            choices.append({"index": i, "delta": {"content": o.text}, "logprobs": None,
                                            "finish_reason": None})
                    choices.append({"index": i, "delta": {}, "logprobs": None, "finish_reason": reason})
                for c in choices:
                    yield chunk([c])
        if include_usage and final is not None:
            yield sse({"id": chat_id, "object": "chat.completion.chunk", "created": created, "model": model,
                       "system_fingerprint": None, "choices": [], "usage": _usage(final)})
        yield SSE_DONE
    except APIError as exc:  # the stream has started: report in-band, as OpenAI does
        yield sse(exc.body())
        yield SSE_DONE


# ---- /v1/completions --------------------------------------------------------------------------

def _completion_prompts(prompt: Any) -> list[str | list[int]]:
    if isinstance(prompt, str):
        return [prompt]
    if not prompt:
        raise APIError(400, "prompt must not be empty", param="prompt", code="invalid_value")
    if all(isinstance(p, int) for p in prompt):
        return [list(prompt)]
    if all(isinstance(p, str) for p in prompt):
        return list(prompt)
    if all(isinstance(p, list) for p in prompt):
        return [list(p) for p in prompt]
    raise APIError(400, "prompt must be a string, a list of strings, or token ids", param="prompt",
                   code="invalid_value")


@router.post("/v1/completions")
async def completions(body: CompletionRequest, request: Request):
    state = _state(request)
    request_id = request.state.request_id
    model = _check_model(state, body.model, request)
    log_ignored(body, "completions", request_id)
    params = completion_params(body, state.config.engine.scheduler.max_num_seqs)
    state.refuse_token_details(body.logprobs is not None, "logprobs")
    prompts = _completion_prompts(body.prompt)
    if len(prompts) > 64:
        raise APIError(400, "at most 64 prompts per request", param="prompt", code="invalid_value")
    engine = state.require_engine()
    if state.guard is not None:
        prompts = await asyncio.to_thread(lambda: [_guarded(state, engine.tokenizer, p, _call(request))
                                                   for p in prompts])
    tickets: list[Ticket] = []
    reqs = []

    def release_all() -> None:
        for t in tickets:
            t.release()

    try:
        for k, p in enumerate(prompts):
            prompt_in = {"prompt_token_ids": p} if isinstance(p, list) else p
            ticket, req = state.admit_request(prompt_in, params, request_id if k == 0 else f"{request_id}-{k}",
                                              call=_call(request))
            tickets.append(ticket)
            reqs.append(req)
    except BaseException:
        release_all()
        raise

    _keep_prompt(state, request, reqs)
    cmpl_id, created = f"cmpl-{request_id}", int(time.time())
    tokenizer = state.require_engine().tokenizer
    echoes = [(r.prompt if r.prompt is not None else tokenizer.decode(r.prompt_token_ids)) if body.echo else ""
              for r in reqs]
    top = body.logprobs or 0
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return EventStream(_completion_stream(state, reqs, params, echoes, cmpl_id, created, model,
                                              body.logprobs is not None, top, include_usage, _call(request)),
                           on_close=release_all)
    finals = await finish_unless_disconnected(
        request, asyncio.gather(*(state.final(r, _call(request)) for r in reqs)), release_all)
    if finals is None:
        return JSONResponse({}, status_code=499)
    choices = []
    for k, final in enumerate(finals):
        for o in final.outputs:
            choices.append({
                "index": k * params.n + o.index, "text": echoes[k] + o.text,
                "logprobs": (_completion_logprobs(o, 0, len(o.token_ids), top, len(echoes[k]))
                             if body.logprobs is not None else None),
                "finish_reason": _finish_reason(o)})
    return {"id": cmpl_id, "object": "text_completion", "created": created, "model": model,
            "choices": choices, "usage": _total_usage(finals), "system_fingerprint": None}


async def _merge(streams: list[AsyncIterator[RequestOutput]]) -> AsyncIterator[tuple[int, RequestOutput]]:
    """Interleave several requests' outputs as they come (one prompt list, one SSE stream)."""
    if len(streams) == 1:
        async for out in streams[0]:
            yield 0, out
        return
    queue: asyncio.Queue = asyncio.Queue()

    async def pump(k: int, stream: AsyncIterator[RequestOutput]) -> None:
        try:
            async for out in stream:
                await queue.put((k, out, None))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the consumer
            await queue.put((k, None, exc))
        finally:
            await queue.put((k, None, StopAsyncIteration()))

    tasks = [asyncio.ensure_future(pump(k, s)) for k, s in enumerate(streams)]
    remaining = len(streams)
    try:
        while remaining:
            k, out, exc = await queue.get()
            if isinstance(exc, StopAsyncIteration):
                remaining -= 1
            elif exc is not None:
                raise exc
            else:
                yield k, out
    finally:
        for t in tasks:
            t.cancel()


async def _completion_stream(state: ServerState, reqs: list, params: SamplingParams, echoes: list[str],
                             cmpl_id: str, created: int, model: str, want_logprobs: bool, top: int,
                             include_usage: bool, call: Call | None) -> AsyncIterator[bytes]:
    envelope: dict[str, Any] = {"id": cmpl_id, "object": "text_completion", "created": created,
                                "model": model, "system_fingerprint": None, "choices": None}
    if include_usage:
        envelope["usage"] = None
    chunk = sse_template(envelope, "choices")

    n = params.n
    sent_text: dict[int, int] = {}
    sent_tokens: dict[int, int] = {}
    finals: dict[int, RequestOutput] = {}
    try:
        for k, echo in enumerate(echoes):
            if echo:
                for i in range(n):
                    yield chunk([{"index": k * n + i, "text": echo, "logprobs": None, "finish_reason": None}])
        async for k, out in _merge([state.stream(r, call) for r in reqs]):
            if out.finished:
                finals[k] = out
            for o in out.outputs:
                idx = k * n + o.index
                start_t, start_c = sent_tokens.get(idx, 0), sent_text.get(idx, 0)
                if start_t == -1:
                    continue  # this choice already finished
                delta = o.text[start_c:]
                entry: dict[str, Any] = {"index": idx, "text": delta, "logprobs": None, "finish_reason": None}
                if want_logprobs:
                    entry["logprobs"] = _completion_logprobs(o, start_t, len(o.token_ids), top,
                                                             len(echoes[k]) + start_c)
                if o.finished():
                    entry["finish_reason"] = _finish_reason(o)
                if delta or entry["finish_reason"] or (want_logprobs and len(o.token_ids) > start_t):
                    yield chunk([entry])
                sent_text[idx] = len(o.text)
                sent_tokens[idx] = -1 if o.finished() else len(o.token_ids)
        if include_usage:
            yield sse({"id": cmpl_id, "object": "text_completion", "created": created, "model": model,
                       "system_fingerprint": None, "choices": [], "usage": _total_usage(finals.values())})
        yield SSE_DONE
    except APIError as exc:
        yield sse(exc.body())
        yield SSE_DONE
