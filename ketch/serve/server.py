"""Run the app under uvicorn; SIGTERM drains (no new requests, running ones finish) and exits 0."""
from __future__ import annotations

import logging
import signal
import sys
from types import FrameType

import uvicorn

from ketch.config import ServerConfig
from ketch.serve import host_memory
from ketch.serve.app import create_app
from ketch.serve.state import ServerState


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, state: ServerState) -> None:
        super().__init__(config)
        self.ketch_state = state

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.ketch_state.draining = True  # new requests get 503 while the open ones finish
        super().handle_exit(sig, frame)
        if sig == signal.SIGTERM and sig in self._captured_signals:
            # uvicorn re-raises the signal after shutting down; a completed drain is a clean exit.
            self._captured_signals.remove(sig)


def configure_logging(level: str = "info") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name in ("ketch.access",):
        lg = logging.getLogger(name)
        lg.handlers[:] = [handler]
        lg.setLevel(logging.INFO)
        lg.propagate = False
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run_server(config: ServerConfig, log_level: str = "info") -> None:
    """Serve until SIGINT/SIGTERM. Binds first, then loads the model (see /ready)."""
    configure_logging(log_level)
    host_memory.share_one_arena()  # before the engine's and the event loop's threads start
    app = create_app(config)
    uv_config = uvicorn.Config(app, host=config.host, port=config.port, log_level=log_level, access_log=False,
                               timeout_graceful_shutdown=config.drain_timeout, lifespan="on",
                               timeout_keep_alive=5, ssl_certfile=config.ssl_certfile,
                               ssl_keyfile=config.ssl_keyfile)
    server = DrainingServer(uv_config, app.state.ketch)
    server.run()
    if not server.started:
        raise SystemExit(1)  # e.g. the port is taken; uvicorn has logged why
