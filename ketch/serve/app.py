"""The FastAPI app: routes, error handlers, request ids, JSON access log, body-size limit."""
from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ketch.config import ServerConfig
from ketch.engine.async_engine import AsyncEngine
from ketch.serve import admin, openai, tgi
from ketch.security.access import OPEN, required_level
from ketch.security.audit import AuditEntry
from ketch.serve.auth import Pass
from ketch.serve.call import Call
from ketch.serve.chat import ToolPlan, encode_chat
from ketch.serve.errors import APIError, error_body, install_error_handlers
from ketch.serve.metrics import CONTENT_TYPE
from ketch.serve.protocol import ChatCompletionRequest, DetokenizeRequest, TokenizeRequest
from ketch.serve.state import ServerState

access_log = logging.getLogger("ketch.access")
log = logging.getLogger("ketch.serve")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RequestContext:
    """ASGI middleware: request id, body-size limit, error counting and one JSON access-log line.

    The engine keys requests by an id of ours, never by the client's ``X-Request-Id``: that header
    is an untrusted label (two clients may send the same one), echoed back and logged beside ours.
    """

    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        request_id = uuid.uuid4().hex
        client_id = headers.get("x-request-id", "")
        label = client_id if _CLIENT_ID.match(client_id) else request_id
        call = Call(request_id, label)
        scope.setdefault("state", {}).update(request_id=request_id, client_request_id=label, call=call)
        start = time.perf_counter()
        status = {"code": 0}
        gate_pass: Pass | None = None

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                extra = [(b"x-request-id", label.encode())]
                if gate_pass is not None:
                    extra += [(k.encode(), v.encode()) for k, v in gate_pass.rate_headers().items()]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        denied: APIError | None = None
        if _CONTROL.search(scope.get("path", "")):  # "/admin/keys%0A": no route has control characters
            denied = APIError(400, "the request path has control characters", code="invalid_path")
        preflight = scope.get("method") == "OPTIONS" and "access-control-request-method" in headers
        # the key is checked before the body is read: an anonymous caller uploads nothing
        if self.state.gate is not None and not preflight and denied is None:
            try:
                gate_pass = self.state.gate.enter(scope.get("path", ""), headers)
            except APIError as exc:
                denied = exc
        call.gate = gate_pass
        try:
            await self._respond(scope, receive, headers, send_wrapper, denied, status)
        finally:
            if gate_pass is not None:  # every branch: a 413 or a client gone mid-body holds no slot
                gate_pass.finish()
        code = status["code"]
        if code >= 400:
            self.state.metrics.errors.labels(str(code)).inc()
        if self.state.audit is not None and required_level(scope.get("path", "")) != OPEN:
            self._audit(call, scope, code, start, denied)
        if self.state.config.access_log:
            access_log.info(json.dumps({
                "ts": round(time.time(), 3), "request_id": request_id, "client_request_id": label,
                "method": scope.get("method"), "path": scope.get("path"), "status": code,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                "client": (scope.get("client") or ["?"])[0], "user_agent": headers.get("user-agent")}))


    async def _respond(self, scope: Scope, receive: Receive, headers: dict[str, str], send: Send,
                       denied: APIError | None, status: dict[str, int]) -> None:
        """Answer a refusal, a body over the limit, or run the app on the buffered body."""
        if denied is not None:
            await _send_json(send, denied.status, denied.body(), denied.headers)
            return
        body = await _read_body(receive, headers, self.state.config.max_body_bytes)
        if body == 413:
            limit = self.state.config.max_body_bytes
            await _send_json(send, 413, error_body(413, f"the request body is over {limit} bytes",
                                                   code="body_too_large"))
        elif isinstance(body, int):
            status["code"] = 499  # the client left while sending its body: nobody to answer
        else:
            try:
                await self.app(scope, _replay(body, receive), send)
            except Exception:  # noqa: BLE001 - a bug: answer in the one error shape, keep serving
                log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
                if status["code"] == 0:
                    await _send_json(send, 500, error_body(500, "internal error", code="internal_error"))

    def _audit(self, call: Call, scope: Scope, code: int, start: float, denied: APIError | None) -> None:
        principal = call.gate.principal if call.gate is not None else None
        keep_text = self.state.config.security.audit_text
        guard = list(call.guard)
        if denied is not None:  # who was turned away at the gate, and why
            guard.append({"guard": "auth", "action": "block", "reason": denied.code})
        self.state.audit.record(AuditEntry(
            ts=self.state.clock(), request_id=call.request_id, client_request_id=call.client_request_id,
            key_id=principal.key_id if principal else None, role=principal.role if principal else None,
            model=call.model, method=scope.get("method", ""), route=scope.get("path", ""), status=code,
            prompt_tokens=call.prompt_tokens, completion_tokens=call.completion_tokens,
            latency_ms=(time.perf_counter() - start) * 1000, guard=guard, redactions=dict(call.redactions),
            prompt_text=call.prompt_text if keep_text else None,
            output_text="\n".join(call.outputs) if keep_text and call.outputs else None))


async def _read_body(receive: Receive, headers: dict[str, str], limit: int) -> list[Message] | int:
    """The request's body messages, read whole before any route sees them; 413 when over ``limit``
    (declared or, for a chunked body, counted as it arrives), 499 when the client left mid-body.

    Reading here rather than counting inside the route's receive keeps the answer a 413: an error
    raised from a route's body read is turned into a 400 by FastAPI."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return 413
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return 499
        size += len(message.get("body", b""))
        if size > limit:
            return 413
        messages.append(message)
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that hands out the buffered body, then waits on the client (for disconnects)."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


async def _send_json(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    data = json.dumps(body).encode()
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *extra]})
    await send({"type": "http.response.body", "body": data})


def create_app(config: ServerConfig, engine: AsyncEngine | None = None,
               clock: Callable[[], float] = time.time) -> FastAPI:
    """The app for one model. With ``engine`` given it serves at once; otherwise it loads in the
    background. ``clock`` is the wall time of key expiry and rate windows (tests bring their own)."""
    state = ServerState(config, engine, clock)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        state.loop, state.loop_thread = asyncio.get_running_loop(), threading.get_ident()
        if state.engine is None:
            state.start_loading()
        yield
        state.draining = True
        state.shutdown()

    app = FastAPI(title="ketch", version="0.1.0", lifespan=lifespan,
                  description="OpenAI-compatible and TGI-style text generation, served by ketch.")
    app.state.ketch = state
    install_error_handlers(app)
    app.include_router(openai.router)
    app.include_router(tgi.router)
    app.include_router(admin.router)
    _add_service_routes(app, state)
    if config.allowed_origins:
        # inside RequestContext: a preflight answered here still gets an id and an access-log line
        app.add_middleware(CORSMiddleware, allow_origins=list(config.allowed_origins), allow_methods=["GET", "POST"],
                           allow_headers=["authorization", "x-api-key", "content-type", "x-request-id"],
                           expose_headers=["x-request-id", "retry-after", "x-ratelimit-limit-requests",
                                           "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                                           "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
                                           "x-ratelimit-reset-tokens"])
    app.add_middleware(RequestContext, state=state)
    return app


def _check_call_model(request: Request, state: ServerState) -> None:
    call: Call | None = getattr(request.state, "call", None)
    if call is not None:
        call.use_model(state.config.model_name)


def _add_service_routes(app: FastAPI, state: ServerState) -> None:
    @app.get("/health")
    async def health() -> dict[str, str]:
        """The process is alive (the model may still be loading: see /ready)."""
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        """200 once the model is loaded and the engine loop runs; 503 while loading, draining or failed."""
        if state.ready:
            return JSONResponse({"status": "ready", "model": state.config.model_name})
        if state.load_error:
            reason = f"the model failed to load: {state.load_error}"
        elif state.draining:
            reason = "the server is shutting down"
        elif state.engine is None:
            reason = "the model is still loading"
        else:
            reason = "the engine has stopped"
        body = error_body(503, reason, code="not_ready")
        return JSONResponse(body, status_code=503, headers={"Retry-After": "2"})

    @app.get("/metrics")
    async def metrics() -> Response:
        return Response(state.metrics.render(), media_type=CONTENT_TYPE)

    @app.post("/tokenize")
    async def tokenize(body: TokenizeRequest, request: Request) -> dict[str, Any]:
        """Token ids of a prompt, or of messages rendered by the chat template."""
        _check_call_model(request, state)
        if (body.prompt is None) == (body.messages is None):
            raise APIError(400, "give exactly one of prompt or messages", param="prompt", code="invalid_value")
        if body.messages is not None and not body.messages:
            raise APIError(400, "messages must not be empty", param="messages", code="invalid_value")
        with state.admission() as ticket:  # tokenizing and rendering cost like a request's start
            try:
                engine = state.require_engine()
                tok = engine.tokenizer
                if body.prompt is not None:
                    ids = tok.encode(body.prompt, add_special_tokens=body.add_special_tokens)
                else:
                    chat = ChatCompletionRequest(messages=body.messages,
                                                 add_generation_prompt=body.add_generation_prompt)
                    ids = encode_chat(tok, chat, ToolPlan([], "none"))
                return {"count": len(ids), "max_model_len": engine.engine.max_model_len, "tokens": ids,
                        "token_strs": [tok.id_to_token(i) for i in ids]}
            finally:
                ticket.release()

    @app.post("/detokenize")
    async def detokenize(body: DetokenizeRequest, request: Request) -> dict[str, str]:
        _check_call_model(request, state)
        engine = state.require_engine()
        vocab = engine.engine.model_config.vocab_size
        bad = [t for t in body.tokens if not 0 <= t < vocab]
        if bad:
            raise APIError(400, f"token ids must be in [0, {vocab}); got {bad[0]}", param="tokens",
                           code="invalid_value")
        return {"prompt": engine.tokenizer.decode(body.tokens)}
