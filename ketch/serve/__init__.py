"""HTTP serving. Not built yet: the server issue adds the OpenAI-compatible and TGI-style APIs."""
from __future__ import annotations


def run_server(model: str) -> None:
    raise NotImplementedError("`ketch serve` is not supported yet: the HTTP server is the next milestone. "
                              "Use `ketch generate`, `ketch chat` or the Python API (ketch.LLM) meanwhile.")
