"""A real ketch server on a free 127.0.0.1 port (uvicorn in a thread), serving SmolLM2."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn

from ketch.config import CacheConfig, EngineConfig, SchedulerConfig, ServerConfig
from ketch.serve import create_app
from ketch.serve.state import ServerState

MODEL_NAME = "smollm2"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    state: ServerState

    @property
    def v1(self) -> str:
        return self.url + "/v1"

    def metric(self, name: str, default: float | None = None) -> float:
        """The value of one sample in /metrics (``default`` when it is absent)."""
        text = httpx.get(self.url + "/metrics", timeout=10).text
        for line in text.splitlines():
            if line.startswith(name + " ") or line.startswith(name + "{"):
                return float(line.rsplit(" ", 1)[1])
        if default is not None:
            return default
        raise KeyError(name)


def start_server(model: str, clock=None, **server_kwargs) -> tuple[LiveServer, uvicorn.Server, threading.Thread]:
    """``clock``: the wall time of key expiry and rate windows (a test's own, to move time by hand)."""
    engine_kwargs = server_kwargs.pop("engine", {})
    config = ServerConfig(
        engine=EngineConfig(model=model, model_key=engine_kwargs.pop("model_key", None),
                            cache=CacheConfig(kv_cache_memory_bytes=64 << 20),
                            scheduler=SchedulerConfig(max_num_seqs=engine_kwargs.pop("max_num_seqs", 32),
                                                      max_model_len=engine_kwargs.pop("max_model_len", 2048))),
        port=free_port(), served_model_name=MODEL_NAME, access_log=False, **server_kwargs)
    app = create_app(config, clock=clock) if clock is not None else create_app(config)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=config.port, log_level="warning",
                                          ssl_certfile=config.ssl_certfile, ssl_keyfile=config.ssl_keyfile,
                                          lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    scheme = "https" if config.ssl_certfile else "http"
    live = LiveServer(f"{scheme}://127.0.0.1:{config.port}", app.state.ketch)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(live.url + "/ready", timeout=5, verify=False).status_code == 200:
                return live, server, thread
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.should_exit = True
    raise RuntimeError(f"server did not become ready: {live.state.load_error}")


def stop_server(server: uvicorn.Server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_server(smollm2_path) -> Iterator[LiveServer]:
    live, server, thread = start_server(str(smollm2_path))
    try:
        yield live
    finally:
        stop_server(server, thread)


@pytest.fixture(scope="session")
def openai_client(live_server):
    openai = pytest.importorskip("openai")
    return openai.OpenAI(base_url=live_server.v1, api_key="unused", max_retries=0, timeout=120)


@pytest.fixture(scope="session")
def async_openai_client(live_server):
    openai = pytest.importorskip("openai")
    return openai.AsyncOpenAI(base_url=live_server.v1, api_key="unused", max_retries=0, timeout=120)
