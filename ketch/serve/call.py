"""One HTTP request as it runs: its ids, the caller's pass, and what its audit row will say.

``RequestContext`` makes it before the route runs and writes the audit row from it afterwards;
the routes and ``ServerState.stream`` fill in the model, the token counts and (later) the guards'
decisions as they learn them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ketch.security.guards.guard import Guard
from ketch.security.limits import Lease
from ketch.serve.auth import Pass, check_model


@dataclass(slots=True)
class Call:
    request_id: str  # the server's own: the engine's key
    client_request_id: str  # the client's X-Request-Id label (or request_id)
    gate: Pass | None = None  # None without --auth, and on open routes
    model: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    guard: list[dict] = field(default_factory=list)  # the guards' decisions
    redactions: dict[str, int] = field(default_factory=dict)
    prompt_text: str | None = None
    outputs: list[str] = field(default_factory=list)
    canary: str | None = None  # planted in the system prompt by the guard; its echo ends the response
    policy: Guard | None = None  # the guard its input was checked under (its output answers to it too)

    def record(self, decisions: list[dict], redactions: dict[str, int]) -> None:
        """Add the guard's decisions and redaction counts (never text) to what the audit row says."""
        self.guard.extend(decisions)
        for k, v in redactions.items():
            self.redactions[k] = self.redactions.get(k, 0) + v

    def use_model(self, model: str) -> None:
        """403 when the caller's key does not allow ``model``; otherwise the model the audit row names."""
        check_model(self.gate, model)
        self.model = model

    @property
    def key_id(self) -> str | None:
        principal = self.gate.principal if self.gate is not None else None
        return principal.key_id if principal is not None else None

    @property
    def lease(self) -> Lease | None:
        return self.gate.lease if self.gate is not None else None
