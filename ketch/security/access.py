"""Who may call what: every route of the app in one table, and the decision for one request.

Three levels: ``open`` (no key: liveness, readiness, the API docs), ``user`` (inference on the
models a key allows), ``admin`` (also keys, the audit log, metrics, models and guard policy). A
path in no entry needs a user key (deny by default: an unknown path tells an anonymous caller
nothing, not even that it does not exist). ``tests/security`` walks the app's routes and fails on
any route missing here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ketch.security.keys import KeyRecord, KeyStore

OPEN, USER, ADMIN = "open", "user", "admin"
_RANK = {OPEN: 0, USER: 1, ADMIN: 2}

# Path templates as the app declares them (FastAPI's syntax) -> the level they need.
ROUTE_ACCESS: dict[str, str] = {
    "/health": OPEN,
    "/ready": OPEN,
    "/docs": OPEN,
    "/docs/oauth2-redirect": OPEN,
    "/redoc": OPEN,
    "/openapi.json": OPEN,
    "/v1/models": USER,
    "/v1/models/{model_id:path}": USER,
    "/v1/chat/completions": USER,
    "/v1/completions": USER,
    "/generate": USER,
    "/generate_stream": USER,
    "/": USER,  # TGI's root route: generate or stream by the body's "stream"
    "/tokenize": USER,
    "/detokenize": USER,
    "/metrics": ADMIN,
    "/admin/keys": ADMIN,
    "/admin/keys/{key_id}": ADMIN,
    "/admin/keys/{key_id}/revoke": ADMIN,
    "/admin/keys/{key_id}/rotate": ADMIN,
    "/admin/audit": ADMIN,
    "/admin/guard": ADMIN,
}


def _compile(template: str) -> re.Pattern[str]:
    out, pos = "", 0
    for m in re.finditer(r"\{(\w+)(:path)?\}", template):
        out += re.escape(template[pos:m.start()]) + (".*" if m.group(2) else "[^/]+")
        pos = m.end()
    # "$" as Starlette's router compiles it (it also matches before a final newline): the table must
    # never see a path the router would route differently
    return re.compile(out + re.escape(template[pos:]) + "$")


_PATTERNS = [(_compile(t), level) for t, level in ROUTE_ACCESS.items()]


def required_level(path: str) -> str:
    """The level ``path`` needs: its table entry's, or ``user`` for a path in no entry."""
    for pattern, level in _PATTERNS:
        if pattern.match(path):
            return level
    return USER


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of one request."""

    key: KeyRecord

    @property
    def role(self) -> str:
        return self.key.role

    @property
    def key_id(self) -> str:
        return self.key.id

    def allows_model(self, model: str) -> bool:
        return self.key.allows_model(model)


class AccessDenied(Exception):
    """Why a request is refused: 401 (no usable key) or 403 (a key without the right)."""

    def __init__(self, status: int, message: str, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def presented_key(headers: dict[str, str]) -> str | None:
    """The key in ``Authorization: Bearer <key>`` or ``x-api-key``; None when neither is sent."""
    auth = headers.get("authorization", "").strip()
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise AccessDenied(401, "the Authorization header must be 'Bearer <key>'", "invalid_authorization")
        return value.strip()
    key = headers.get("x-api-key", "").strip()
    return key or None


def authenticate(store: KeyStore, headers: dict[str, str]) -> Principal:
    """The caller behind the request's key, or AccessDenied(401) saying what is wrong with it."""
    key = presented_key(headers)
    if key is None:
        raise AccessDenied(401, "this server needs an API key: send 'Authorization: Bearer <key>' or "
                                "'x-api-key: <key>'", "missing_api_key")
    record = store.lookup(key)
    if record is None:
        raise AccessDenied(401, "the API key is not valid", "invalid_api_key")
    status = record.status(store.clock())
    if status != "active":
        raise AccessDenied(401, f"the API key {record.id} is {status}", f"{status}_api_key")
    return Principal(record)


def authorize(principal: Principal, level: str) -> None:
    """AccessDenied(403) when the caller's role is below what the route needs."""
    if _RANK[principal.role] < _RANK[level]:
        raise AccessDenied(403, f"this route needs an {level} key; key {principal.key_id} has role "
                                f"{principal.role}", "insufficient_role")
