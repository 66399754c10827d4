"""Security at the server's edge: API keys and roles, per-key limits, the audit log, guards and
encrypted model files. Plain logic with no HTTP framework in it: ``ketch/serve`` wires it in as
middleware and hooks, and the engine knows nothing of it."""
