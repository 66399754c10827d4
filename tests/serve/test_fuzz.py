"""Property-based fuzz: random and malformed bodies never get a 5xx and never take the server down."""
from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketch.serve.protocol import (ChatCompletionRequest, CompletionRequest, DetokenizeRequest, TGIParameters,
                                  TGIRequest, TokenizeRequest)

ROUTES = ["/v1/chat/completions", "/v1/completions", "/generate", "/generate_stream", "/tokenize", "/detokenize"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
# Every documented field of every route's body: a field added to the protocol is fuzzed at once.
KNOWN = sorted(set().union(*(m.model_fields for m in (ChatCompletionRequest, CompletionRequest, TokenizeRequest,
                                                       DetokenizeRequest, TGIRequest))))
TGI_KNOWN = sorted(TGIParameters.model_fields)
# Headers a client may send, with arbitrary values (printable, no edge blanks: what h11 transmits);
# names outside the list too.
HEADER_NAMES = ["x-request-id", "authorization", "x-api-key", "content-type", "accept", "accept-encoding",
                "user-agent", "origin", "cookie", "x-forwarded-for", "openai-organization", "openai-project",
                "access-control-request-method", "range", "expect", "content-encoding"]
header_values = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=80).map(str.strip)
headers = st.dictionaries(st.one_of(st.sampled_from(HEADER_NAMES),
                                    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", min_size=1,
                                            max_size=20)),
                          header_values, max_size=5)
message = st.fixed_dictionaries({"role": st.sampled_from(["user", "system", "assistant", "tool", "x"]),
                                 "content": st.one_of(st.text(max_size=30), values)})
bodies = st.one_of(
    st.dictionaries(st.sampled_from(KNOWN), values, max_size=6),
    st.fixed_dictionaries({"messages": st.lists(message, max_size=3)},
                          optional={"max_tokens": st.integers(-5, 3), "temperature": values, "n": st.integers(-1, 3),
                                    "stop": values, "logprobs": values, "top_logprobs": values,
                                    "response_format": values, "tools": values, "stream": st.booleans()}),
    st.fixed_dictionaries({"inputs": st.text(max_size=30)},
                          optional={"parameters": st.dictionaries(st.sampled_from(TGI_KNOWN), values,
                                                                  max_size=4)}),
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
@given(route=st.sampled_from(ROUTES), body=bodies, raw=st.one_of(st.none(), st.binary(max_size=64)),
       extra_headers=headers)
def test_no_5xx_for_anything_a_client_sends(http, route, body, raw, extra_headers):
    if isinstance(body, dict):
        # keep generations short so the fuzz stays quick; the limits themselves are fuzzed above
        for key in ("max_tokens", "max_completion_tokens", "min_tokens"):
            if isinstance(body.get(key), int) and body[key] > 3:
                body[key] = 3
        params = body.get("parameters")
        if isinstance(params, dict) and isinstance(params.get("max_new_tokens"), int):
            params["max_new_tokens"] = min(params["max_new_tokens"], 3)
    content = raw if raw is not None else _encode(body)
    sent = {"content-type": "application/json", **extra_headers}
    sent.pop("content-length", None)  # httpx sets it from the body
    if sent.get("expect", "").lower().startswith("100"):
        sent.pop("expect")  # a client that asks to continue waits for the 100; httpx does not
    try:
        r = http.post(route, content=content, headers=sent)
    except httpx.RemoteProtocolError as exc:  # a header uvicorn refuses closes the connection
        pytest.fail(f"the server dropped the connection for headers {sent!r}: {exc}")
    assert r.status_code < 500, (route, sent, content[:200], r.status_code, r.text[:300])
    if r.status_code >= 400:
        err = r.json()["error"]
        assert {"message", "type", "param", "code"} <= set(err)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/health", "/ready", "/metrics", "/v1/models", "/v1/models/x", "/nope", "/info"]),
       extra_headers=headers)
def test_no_5xx_for_any_header_on_a_get(http, path, extra_headers):
    r = http.get(path, headers=extra_headers)
    assert r.status_code < 500, (path, extra_headers, r.status_code, r.text[:300])


def test_server_survived_the_fuzz(http):
    assert http.get("/ready").status_code == 200
    r = http.post("/v1/completions", json={"prompt": "Hello", "max_tokens": 2})
    assert r.status_code == 200
