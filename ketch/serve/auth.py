"""The security gate of each HTTP request (``ketch serve --auth``): key, role, per-key limits.

``RequestContext`` asks the gate before it reads a body, so an anonymous caller costs a header
lookup, not a body upload. The decisions are ``ketch.security``'s; this module turns them into
the one error shape and the OpenAI rate-limit headers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ketch.security.access import ADMIN, OPEN, AccessDenied, Principal, authenticate, authorize, required_level
from ketch.security.keys import KeyStore
from ketch.security.limits import KeyLimiter, Lease, LimitExceeded
from ketch.serve.errors import APIError


@dataclass(slots=True)
class Pass:
    """What the gate lets through: the caller (None on open routes) and its hold on its key's limits."""

    principal: Principal | None
    lease: Lease | None

    def rate_headers(self) -> dict[str, str]:
        if self.principal is None or self.lease is None:
            return {}
        return self.lease.limiter.headers(self.principal.key_id, self.principal.key.limits)

    def finish(self) -> None:
        if self.lease is not None:
            self.lease.finish()


class Gate:
    def __init__(self, store: KeyStore, limiter: KeyLimiter) -> None:
        self.store = store
        self.limiter = limiter

    def enter(self, path: str, headers: dict[str, str]) -> Pass:
        """Authenticate and authorize one request; APIError 401/403/429 when it may not pass."""
        level = required_level(path)
        if level == OPEN:
            return Pass(None, None)
        try:
            principal = authenticate(self.store, headers)
            authorize(principal, level)
        except AccessDenied as exc:
            raise APIError(exc.status, exc.message, code=exc.code) from None
        if level == ADMIN:
            return Pass(principal, None)  # keys and audit are not inference: no limits
        try:
            lease = self.limiter.begin(principal.key_id, principal.key.limits)
        except LimitExceeded as exc:
            raise limit_error(exc) from None
        return Pass(principal, lease)


def limit_error(exc: LimitExceeded) -> APIError:
    headers = dict(exc.headers)
    if exc.retry_after is not None:
        headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after)))
    return APIError(429, exc.message, code=exc.code, type="rate_limit_exceeded" if exc.code != "quota_exceeded"
                    else "insufficient_quota", headers=headers)


def check_model(gate_pass: Pass | None, model: str) -> None:
    """403 when the caller's key does not allow ``model``."""
    if gate_pass is None or gate_pass.principal is None:
        return
    if not gate_pass.principal.allows_model(model):
        raise APIError(403, f"key {gate_pass.principal.key_id} may not use model {model!r}", param="model",
                       code="model_not_allowed")
