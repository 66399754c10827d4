"""Property-based fuzz: random and malformed bodies never get a 5xx and never take the server down."""
from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROUTES = ["/v1/chat/completions", "/v1/completions", "/generate", "/generate_stream", "/tokenize", "/detokenize"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
KNOWN = ["model", "messages", "prompt", "max_tokens", "temperature", "top_p", "top_k", "n", "stop", "seed",
         "logprobs", "top_logprobs", "stream", "response_format", "tools", "tool_choice", "logit_bias",
         "inputs", "parameters", "tokens", "max_completion_tokens", "stream_options", "echo", "min_p"]
message = st.fixed_dictionaries({"role": st.sampled_from(["user", "system", "assistant", "tool", "x"]),
                                 "content": st.one_of(st.text(max_size=30), values)})
bodies = st.one_of(
    st.dictionaries(st.sampled_from(KNOWN), values, max_size=6),
    st.fixed_dictionaries({"messages": st.lists(message, max_size=3)},
                          optional={"max_tokens": st.integers(-5, 3), "temperature": values, "n": st.integers(-1, 3),
                                    "stop": values, "logprobs": values, "top_logprobs": values,
                                    "response_format": values, "tools": values, "stream": st.booleans()}),
    st.fixed_dictionaries({"inputs": st.text(max_size=30)},
                          optional={"parameters": st.dictionaries(st.sampled_from(
                              ["max_new_tokens", "temperature", "top_k", "top_p", "details", "stop", "seed",
                               "grammar", "truncate", "top_n_tokens", "do_sample"]), values, max_size=4)}),
    values,
)


def _encode(body) -> bytes:
    try:
        return json.dumps(body, allow_nan=True).encode()
    except (ValueError, TypeError):
        return b"{}"


@pytest.fixture(scope="module")
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=120) as client:
        yield client


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(route=st.sampled_from(ROUTES), body=bodies, raw=st.one_of(st.none(), st.binary(max_size=64)))
def test_no_5xx_for_anything_a_client_sends(http, route, body, raw):
    content = raw if raw is not None else _encode(body)
    if isinstance(body, dict):
        # keep generations short so the fuzz stays quick; the limits themselves are fuzzed above
        for key in ("max_tokens", "max_completion_tokens"):
            if isinstance(body.get(key), int) and body[key] > 3:
                body[key] = 3
        content = raw if raw is not None else _encode(body)
    r = http.post(route, content=content, headers={"content-type": "application/json"})
    assert r.status_code < 500, (route, content[:200], r.status_code, r.text[:300])
    if r.status_code >= 400:
        err = r.json()["error"]
        assert {"message", "type", "param", "code"} <= set(err)


def test_server_survived_the_fuzz(http):
    assert http.get("/ready").status_code == 200
    r = http.post("/v1/completions", json={"prompt": "Hello", "max_tokens": 2})
    assert r.status_code == 200
