"""Admin routes (an ``admin`` key, see ``ketch.security.access``): API keys, the audit log, the guard policy."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict

from ketch.security.audit import AuditReader
from ketch.security.guards.guard import Guard
from ketch.security.keys import KeyLimits, KeyStore, UnknownKey, parse_expiry
from ketch.serve.errors import APIError
from ketch.serve.state import ServerState

router = APIRouter()


class CreateKeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    role: str = "user"
    models: list[str] | None = None
    rpm: int | None = None
    tpm: int | None = None
    max_parallel: int | None = None
    daily_tokens: int | None = None
    expires: str | None = None  # 30d, 12h, 90m, or an ISO date/time


def _keys(request: Request) -> tuple[ServerState, KeyStore]:
    state: ServerState = request.app.state.ketch
    if state.keys is None:
        raise APIError(404, "keys are managed when the server runs with --auth", code="auth_disabled")
    return state, state.keys


@contextmanager
def _key_errors() -> Iterator[None]:
    """The key store's refusals as the one error shape: an unknown id is a 404, a bad value a 400."""
    try:
        yield
    except UnknownKey as exc:
        raise APIError(404, str(exc), param="key_id", code="key_not_found") from None
    except ValueError as exc:
        raise APIError(400, str(exc), code="invalid_value") from None


@router.get("/admin/keys")
async def list_keys(request: Request) -> dict[str, Any]:
    state, store = _keys(request)
    now = state.clock()
    return {"object": "list", "data": [r.public(now) for r in store.list()]}


@router.post("/admin/keys")
async def create_key(body: CreateKeyRequest, request: Request) -> dict[str, Any]:
    """A new key; the response is the only place its secret ever appears."""
    state, store = _keys(request)
    with _key_errors():
        limits = KeyLimits(rpm=body.rpm, tpm=body.tpm, max_parallel=body.max_parallel,
                           daily_tokens=body.daily_tokens)
        expires = parse_expiry(body.expires, state.clock()) if body.expires else None
        record, key = store.create(body.name, body.role, models=body.models, limits=limits, expires_at=expires)
    return {**record.public(state.clock()), "key": key}


@router.get("/admin/keys/{key_id}")
async def get_key(key_id: str, request: Request) -> dict[str, Any]:
    state, store = _keys(request)
    with _key_errors():
        return store.get(key_id).public(state.clock())


@router.post("/admin/keys/{key_id}/revoke")
async def revoke_key(key_id: str, request: Request) -> dict[str, Any]:
    state, store = _keys(request)
    with _key_errors():
        return store.revoke(key_id).public(state.clock())


@router.post("/admin/keys/{key_id}/rotate")
async def rotate_key(key_id: str, request: Request) -> dict[str, Any]:
    """A new secret for the key; the old one stops working at once."""
    state, store = _keys(request)
    with _key_errors():
        record, key = store.rotate(key_id)
    return {**record.public(state.clock()), "key": key}


@router.get("/admin/audit")
async def query_audit(request: Request, key_id: str | None = None, since: float | None = None,
                      until: float | None = None, status: int | None = None, guard_action: str | None = None,
                      limit: int = 100) -> dict[str, Any]:
    """Audit rows, newest first; ``since``/``until`` are Unix times."""
    state: ServerState = request.app.state.ketch
    if state.audit is None:
        raise APIError(404, "the audit log is off (ketch serve --auth, or --audit)", code="audit_disabled")
    if guard_action is not None and guard_action not in ("block", "flag", "redact", "sanitize"):
        raise APIError(400, "guard_action must be block, flag, redact or sanitize", param="guard_action",
                       code="invalid_value")
    if not 1 <= limit <= 10_000:
        raise APIError(400, "limit must be in [1, 10000]", param="limit", code="invalid_value")
    if status is not None and not 100 <= status <= 599:
        raise APIError(400, "status must be an HTTP status (100-599)", param="status", code="invalid_value")
    for name, value in (("since", since), ("until", until)):
        if value is not None and not -1e12 < value < 1e12:
            raise APIError(400, f"{name} must be a Unix time", param=name, code="invalid_value")
    state.audit.flush(timeout=2.0)  # what this server has queued is shown
    reader = AuditReader(state.audit.path)
    try:
        rows = await asyncio.to_thread(reader.query, key_id=key_id, since=since, until=until, status=status,
                                       guard_action=guard_action, limit=limit)
    finally:
        reader.close()
    return {"object": "list", "data": rows}


@router.get("/admin/guard")
async def get_guard(request: Request) -> dict[str, Any]:
    """The guard policy in force (``enabled`` false without one)."""
    state: ServerState = request.app.state.ketch
    guard = state.guard
    return {"enabled": guard is not None, **(guard.policy() if guard is not None else {})}


@router.put("/admin/guard")
async def put_guard(body: dict[str, Any], request: Request) -> dict[str, Any]:
    """Replace the guard policy (the shape of a policy file, as JSON: ``injection`` with its
    ``models`` and ``keys`` overrides, and ``category``). Requests under way finish under the old
    one; the next request sees the new one. Not written to disk: a restart reads --guard-policy."""
    state: ServerState = request.app.state.ketch
    try:
        guard = await asyncio.to_thread(Guard.from_policy, body)
        shown = {"enabled": True, **guard.policy()}
        # a lone surrogate is valid JSON but no valid text: refused before the policy is installed,
        # or every later GET would fail to answer
        json.dumps(shown, ensure_ascii=False).encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise APIError(400, f"invalid guard policy: {exc}", code="invalid_value") from None
    state.guard = guard
    return shown
