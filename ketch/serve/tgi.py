"""TGI-style routes: POST /generate and /generate_stream (``inputs``, ``parameters``, ``details``)."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ketch.engine.sequence import Request as EngineRequest
from ketch.outputs import CompletionOutput
from ketch.serve.call import Call
from ketch.serve.errors import APIError
from ketch.serve.params import log_ignored, tgi_params
from ketch.serve.protocol import TGIRequest
from ketch.serve.state import ServerState, Ticket
from ketch.serve.streaming import EventStream, finish_unless_disconnected, sse

router = APIRouter()


def _finish_reason(o: CompletionOutput) -> str:
    if o.finish_reason in ("length", "content_filter"):  # TGI has no word for the second: ours, as is
        return o.finish_reason
    return "stop_sequence" if isinstance(o.stop_reason, str) else "eos_token"


def _token(tid: int, o: CompletionOutput, pos: int, text: str, special: set[int], tokenizer,
           masked: bool = False) -> dict[str, Any]:
    """One TGI token; ``masked`` (output moderation on): id -1 and only the moderated text, since an
    id would give away what moderation redacted."""
    lp = o.logprobs[pos].get(tid) if o.logprobs and pos < len(o.logprobs) else None
    if masked:
        return {"id": -1, "text": text, "logprob": lp.logprob if lp is not None else None, "special": False}
    return {"id": tid, "text": tokenizer.decode([tid], False) if tid in special else text,
            "logprob": lp.logprob if lp is not None else None, "special": tid in special}


def _top_tokens(o: CompletionOutput, pos: int, k: int, special: set[int]) -> list[dict[str, Any]]:
    if not k or not o.logprobs or pos >= len(o.logprobs):
        return []
    ranked = sorted((lp.rank or 0, tid, lp) for tid, lp in o.logprobs[pos].items() if lp.rank and lp.rank <= k)
    return [{"id": tid, "text": lp.decoded_token or "", "logprob": lp.logprob, "special": tid in special}
            for _, tid, lp in ranked]


async def _admit(body: TGIRequest, request: Request) -> tuple[ServerState, Ticket, EngineRequest]:
    """Validate, take a slot and build the engine request; the caller owns the returned ticket."""
    state: ServerState = request.app.state.ketch
    log_ignored(body, "generate", request.state.request_id)
    log_ignored(body.parameters, "generate", request.state.request_id, prefix="parameters.")
    params = tgi_params(body)
    if not body.inputs:
        raise APIError(400, "inputs must not be empty", param="inputs", code="invalid_value")
    call: Call | None = getattr(request.state, "call", None)
    if call is not None:
        call.use_model(state.config.model_name)
    state.refuse_token_details(bool(body.parameters.details or body.parameters.top_n_tokens), "parameters.details")
    inputs = (await asyncio.to_thread(state.guard_prompt, body.inputs, call, "inputs") if state.guard is not None
              else body.inputs)  # the guard's scans run off the event loop
    if call is not None and state.config.security.audit_text:
        call.prompt_text = inputs  # after the guard's redaction
    with state.admission() as ticket:
        ids = state.require_engine().tokenizer.encode(inputs)
        if body.parameters.truncate is not None:
            ids = ids[-body.parameters.truncate:]  # TGI keeps the end of an over-long input
        req = state.make_request({"prompt": inputs, "prompt_token_ids": ids}, params,
                                 request.state.request_id, grammar_param="parameters.grammar", call=call)
    return state, ticket, req


def _special_ids(state: ServerState) -> set[int]:
    return set(state.require_engine().engine.eos_token_ids)


@router.post("/generate")
async def generate(body: TGIRequest, request: Request):
    state, ticket, req = await _admit(body, request)
    final = await finish_unless_disconnected(request, state.final(req, getattr(request.state, "call", None)),
                                             ticket.release)
    if final is None:
        return JSONResponse({}, status_code=499)
    o = final.outputs[0]
    text = (body.inputs + o.text) if body.parameters.return_full_text else o.text
    result: dict[str, Any] = {"generated_text": text}
    if body.parameters.details:
        special = _special_ids(state)
        tokenizer = state.require_engine().tokenizer
        k = body.parameters.top_n_tokens or 0
        details: dict[str, Any] = {
            "finish_reason": _finish_reason(o), "generated_tokens": len(o.token_ids), "seed": req.params.seed,
            "prefill": [],
            "tokens": [_token(t, o, i, tokenizer.decode([t], False), special, tokenizer)
                       for i, t in enumerate(o.token_ids)]}
        if k:
            details["top_tokens"] = [_top_tokens(o, i, k, special) for i in range(len(o.token_ids))]
        result["details"] = details
    return result


@router.post("/")
async def compat_generate(body: TGIRequest, request: Request):
    """TGI's root route, what ``huggingface_hub.InferenceClient`` posts to: ``stream`` picks the shape."""
    if body.stream:
        return await generate_stream(body, request)
    result = await generate(body, request)
    return result if isinstance(result, JSONResponse) else [result]


@router.post("/generate_stream")
async def generate_stream(body: TGIRequest, request: Request):
    state, ticket, req = await _admit(body, request)
    return EventStream(_stream(state, req, body, getattr(request.state, "call", None)), on_close=ticket.release)


async def _stream(state: ServerState, req: EngineRequest, body: TGIRequest,
                  call: Call | None) -> AsyncIterator[bytes]:
    special = _special_ids(state)
    tokenizer = state.require_engine().tokenizer
    k = body.parameters.top_n_tokens or 0
    masked = state.output_moderated(call)
    sent_tokens = sent_text = 0
    try:
        async for out in state.stream(req, call):
            o = out.outputs[0]
            new = o.token_ids[sent_tokens:]
            delta = o.text[sent_text:]
            for j, tid in enumerate(new):
                pos = sent_tokens + j
                last = j == len(new) - 1
                event: dict[str, Any] = {
                    "index": pos + 1, "token": _token(tid, o, pos, delta if last else "", special, tokenizer,
                                                      masked),
                    "generated_text": None, "details": None}
                if k:
                    event["top_tokens"] = _top_tokens(o, pos, k, special)
                if last and out.finished:
                    full = (body.inputs + o.text) if body.parameters.return_full_text else o.text
                    event["generated_text"] = full
                    event["details"] = {"finish_reason": _finish_reason(o), "generated_tokens": len(o.token_ids),
                                        "seed": req.params.seed, "input_length": len(req.prompt_token_ids)}
                yield sse(event)
            sent_tokens, sent_text = len(o.token_ids), len(o.text)
    except APIError as exc:
        yield sse({"error": exc.message, "error_type": exc.code or exc.type})
