"""Every mistake a caller can make is a 4xx with one OpenAI-shaped body, and the server stays up."""
from __future__ import annotations

import httpx
import pytest

from tests.serve.conftest import MODEL_NAME

CHAT = "/v1/chat/completions"
OK_MESSAGES = [{"role": "user", "content": "hi"}]


def _post(live_server, path, **kwargs) -> httpx.Response:
    return httpx.post(live_server.url + path, timeout=60, **kwargs)


def _assert_error(r: httpx.Response, status: int, param: str | None = None, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"} and err["message"]
    if param is not None:
        assert err["param"] == param
    if code is not None:
        assert err["code"] == code
    return err


@pytest.mark.parametrize("body,param", [
    ({"model": MODEL_NAME, "messages": []}, "messages"),
    ({"model": MODEL_NAME}, "messages"),
    ({"model": MODEL_NAME, "messages": OK_MESSAGES, "max_tokens": -1}, "max_tokens"),
    ({"model": MODEL_NAME, "messages": OK_MESSAGES, "max_tokens": "many"}, "max_tokens"),
    ({"model": MODEL_NAME, "messages": OK_MESSAGES, "temperature": 7}, "temperature"),
    ({"model": MODEL_NAME, "messages": OK_MESSAGES, "n": 0}, "n"),
    ({"model": MODEL_NAME, "messages": [{"role": "wizard", "content": "x"}]}, "messages[0].role"),
    ({"model": MODEL_NAME, "messages": [{"role": "user", "content": 5}]}, None),
    ({"model": MODEL_NAME, "messages": OK_MESSAGES, "stream": "yes please"}, "stream"),
])
def test_wrong_fields_are_400_naming_the_field(live_server, body, param):
    _assert_error(_post(live_server, CHAT, json=body), 400, param=param)


def test_unsupported_openai_field_is_rejected_by_name(live_server):
    err = _assert_error(_post(live_server, CHAT, json={"model": MODEL_NAME, "messages": OK_MESSAGES,
                                                       "audio": {"voice": "alloy", "format": "wav"}}),
                        400, param="audio", code="unsupported_parameter")
    assert "audio" in err["message"]
    # ... but its default value is fine
    assert _post(live_server, CHAT, json={"model": MODEL_NAME, "messages": OK_MESSAGES, "max_tokens": 2,
                                          "modalities": ["text"]}).status_code == 200
    _assert_error(_post(live_server, "/v1/completions", json={"model": MODEL_NAME, "prompt": "x",
                                                              "suffix": "tail"}), 400, param="suffix")


def test_unknown_model_is_404(live_server):
    _assert_error(_post(live_server, CHAT, json={"model": "gpt-9", "messages": OK_MESSAGES}), 404,
                  param="model", code="model_not_found")


def test_huge_max_tokens_and_long_prompts_are_context_errors(live_server):
    _assert_error(_post(live_server, CHAT, json={"model": MODEL_NAME, "messages": OK_MESSAGES,
                                                 "max_tokens": 10**9}), 400, code="context_length_exceeded")
    long_prompt = "word " * 5000  # the test server's window is 2048 tokens
    _assert_error(_post(live_server, "/v1/completions", json={"model": MODEL_NAME, "prompt": long_prompt}),
                  400, code="context_length_exceeded")


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2]", b'"a string"', b"\xff\xfe\xfa{}",
                                     '{"messages": [{"role": "user", "content": "\udcff"}]}'.encode("utf-8", "surrogatepass")])
def test_malformed_bodies_are_400(live_server, content):
    r = _post(live_server, CHAT, content=content, headers={"content-type": "application/json"})
    _assert_error(r, 400)


def test_bad_tools_and_formats(live_server):
    tool = {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "tool_choice": "required"}), 400,
                  param="tool_choice")
    _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "tools": [tool],
                                                 "tool_choice": {"type": "function", "function": {"name": "g"}}}),
                  400, param="tool_choice")
    _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "response_format": {
        "type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "strin"}}}}), 400,
        param="response_format")
    _assert_error(_post(live_server, CHAT, json={"messages": [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "http://x/y.png"}}]}]}), 400, code="unsupported_content")
    _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "logit_bias": {"abc": 1}}), 400,
                  param="logit_bias")
    _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "logit_bias": {"99999999": 1}}), 400)


def test_unknown_route_and_method_use_the_same_shape(live_server):
    _assert_error(httpx.get(live_server.url + "/v1/nothing", timeout=10), 404)
    _assert_error(httpx.get(live_server.url + CHAT, timeout=10), 405)


def test_oversize_body_is_413(live_server):
    r = _post(live_server, CHAT, content=b"x" * (live_server.state.config.max_body_bytes + 1),
              headers={"content-type": "application/json"})
    _assert_error(r, 413, code="body_too_large")


def test_errors_are_counted_and_the_server_still_serves(live_server):
    before = live_server.metric('ketch:request_errors_total{code="404"}')
    _post(live_server, CHAT, json={"model": "nope", "messages": OK_MESSAGES})
    assert live_server.metric('ketch:request_errors_total{code="404"}') == before + 1
    r = _post(live_server, CHAT, json={"messages": OK_MESSAGES, "max_tokens": 2})
    assert r.status_code == 200 and r.headers["x-request-id"]


def test_a_chunked_body_over_the_limit_is_413(live_server):
    limit = live_server.state.config.max_body_bytes
    chunk = b"x" * (1 << 16)

    def chunks():  # no content-length: the size is only known as the chunks arrive
        for _ in range(limit // len(chunk) + 2):
            yield chunk

    r = _post(live_server, CHAT, content=chunks(), headers={"content-type": "application/json"})
    _assert_error(r, 413, code="body_too_large")
    assert _post(live_server, CHAT, json={"messages": OK_MESSAGES, "max_tokens": 1}).status_code == 200


@pytest.mark.parametrize("key", ["bos_token", "eos_token", "messages", "add_generation_prompt", "tools"])
def test_chat_template_kwargs_cannot_replace_what_ketch_passes(live_server, key):
    err = _assert_error(_post(live_server, CHAT, json={"messages": OK_MESSAGES, "max_tokens": 1,
                                                       "chat_template_kwargs": {key: "x"}}),
                        400, param="chat_template_kwargs", code="invalid_value")
    assert key in err["message"]


def test_concurrent_requests_with_one_client_request_id_are_separate(live_server):
    """The client's X-Request-Id is a label: two requests in flight under one id both complete."""
    import threading

    results: dict[int, tuple[int, str, str]] = {}

    def one(k: int, stream: bool) -> None:
        with httpx.stream("POST", live_server.url + CHAT, headers={"X-Request-Id": "same-id"}, timeout=120,
                          json={"messages": [{"role": "user", "content": f"Count to {k + 5}"}],
                                "max_tokens": 12, "stream": stream, "temperature": 0}) as r:
            results[k] = (r.status_code, r.read().decode(), r.headers.get("x-request-id", ""))

    threads = [threading.Thread(target=one, args=(k, k % 2 == 0)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(results) == [0, 1, 2, 3]
    for k, (status, text, echoed) in results.items():
        assert status == 200, text
        assert echoed == "same-id"
        if k % 2 == 0:
            assert text.rstrip().endswith("data: [DONE]")
    ids = {httpx.Response(200, content=results[k][1]).json()["id"] for k in (1, 3)}
    assert len(ids) == 2  # the responses' ids are the server's own, one per request


def test_tokenize_counts_against_capacity(live_server):
    state = live_server.state
    held = []
    try:
        while state.in_flight < state.config.max_concurrent:
            held.append(state.admit())
        r = _post(live_server, "/tokenize", json={"messages": OK_MESSAGES})
        _assert_error(r, 429, code="overloaded")
    finally:
        for ticket in held:
            ticket.release()
    r = _post(live_server, "/tokenize", json={"messages": OK_MESSAGES})
    assert r.status_code == 200 and r.json()["count"] > 0
