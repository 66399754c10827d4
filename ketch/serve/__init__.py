"""HTTP serving: OpenAI-compatible and TGI-style APIs over the async engine."""
from __future__ import annotations

from ketch.serve.app import create_app
from ketch.serve.server import run_server

__all__ = ["create_app", "run_server"]
