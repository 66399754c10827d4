"""``--auth`` through the real server on 127.0.0.1: roles × routes, key states, limits, headers.

Rate windows move on the test's clock (``create_app(clock=...)``), never by sleeping.
"""
from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketch.config import SecurityConfig
from ketch.security.access import ADMIN, OPEN, ROUTE_ACCESS, USER
from ketch.security.keys import KeyLimits, KeyStore
from ketch.serve.admin import CreateKeyRequest
from tests.security.test_keys import T0, Clock
from tests.serve.conftest import MODEL_NAME, start_server, stop_server

CHAT = "/v1/chat/completions"


def chat_body(max_tokens: int = 2, **extra) -> dict:
    return {"messages": [{"role": "user", "content": "Say hi"}], "max_tokens": max_tokens, "temperature": 0, **extra}


@pytest.fixture(scope="module")
def auth_server(smollm2_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("auth") / "auth.db"
    clock = Clock()
    live, server, thread = start_server(str(smollm2_path), clock=clock,
                                        security=SecurityConfig(auth=True, auth_db=str(db),
                                                                audit_db=str(db.with_name("audit.db"))))
    live.clock = clock
    live.db = db
    live.keys = KeyStore(db, clock)  # a second handle on the file, as `ketch keys` from a shell would be
    try:
        yield live
    finally:
        stop_server(server, thread)
        live.keys.close()


@pytest.fixture(scope="module")
def keys(auth_server):
    s = auth_server.keys
    return {"user": s.create("matrix user")[1], "admin": s.create("matrix admin", "admin")[1]}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _call(live, method: str, path: str, headers: dict[str, str]) -> httpx.Response:
    if method == "GET":
        return httpx.get(live.url + path, headers=headers, timeout=60)
    bodies = {CHAT: chat_body(), "/v1/completions": {"prompt": "Hi", "max_tokens": 2},
              "/generate": {"inputs": "Hi", "parameters": {"max_new_tokens": 2}},
              "/generate_stream": {"inputs": "Hi", "parameters": {"max_new_tokens": 2}},
              "/": {"inputs": "Hi", "parameters": {"max_new_tokens": 2}},
              "/tokenize": {"prompt": "Hi"}, "/detokenize": {"tokens": [1, 2]},
              "/admin/keys": {"name": "made by the matrix"}}
    return httpx.post(live.url + path, json=bodies.get(path, {}), headers=headers, timeout=60)


def _routes(live) -> list[tuple[str, str, str]]:
    """(method, concrete path, level) for every entry of the access table."""
    spare = live.keys.create("spare for revoke/rotate")[0].id
    concrete = {"/v1/models/{model_id:path}": f"/v1/models/{MODEL_NAME}", "/admin/keys/{key_id}": f"/admin/keys/{spare}",
                "/admin/keys/{key_id}/revoke": f"/admin/keys/{spare}/revoke",
                "/admin/keys/{key_id}/rotate": f"/admin/keys/{spare}/rotate"}
    posts = {CHAT, "/v1/completions", "/generate", "/generate_stream", "/", "/tokenize", "/detokenize"}
    out = []
    for template, level in ROUTE_ACCESS.items():
        path = concrete.get(template, template)
        method = "POST" if template in posts or template.endswith(("/revoke", "/rotate")) else "GET"
        out.append((method, path, level))
    out.append(("POST", "/admin/keys", ADMIN))
    return out


def test_role_by_route_matrix(auth_server, keys):
    for method, path, level in _routes(auth_server):
        for who in ("nobody", "user", "admin"):
            headers = bearer(keys[who]) if who != "nobody" else {}
            r = _call(auth_server, method, path, headers)
            if level == OPEN or (who == "admin") or (who == "user" and level == USER):
                assert r.status_code not in (401, 403), (who, method, path, r.status_code, r.text[:200])
                assert r.status_code < 500, (who, method, path, r.text[:200])
            else:
                expected = 401 if who == "nobody" else 403
                assert r.status_code == expected, (who, method, path, r.status_code, r.text[:200])
                err = r.json()["error"]
                assert set(err) == {"message", "type", "param", "code"} and err["message"]
    # the user's inference calls really ran
    r = httpx.post(auth_server.url + CHAT, json=chat_body(), headers=bearer(keys["user"]), timeout=60)
    assert r.status_code == 200 and r.json()["choices"][0]["message"]["content"] is not None


def test_both_headers_work_and_bad_ones_are_401(auth_server, keys):
    ok = httpx.post(auth_server.url + CHAT, json=chat_body(), headers={"x-api-key": keys["user"]}, timeout=60)
    assert ok.status_code == 200
    for headers, code in (({}, "missing_api_key"), (bearer("sk-ketch-nope"), "invalid_api_key"),
                          ({"Authorization": "Basic " + keys["user"]}, "invalid_authorization"),
                          ({"Authorization": keys["user"]}, "invalid_authorization")):
        r = httpx.post(auth_server.url + CHAT, json=chat_body(), headers=headers, timeout=60)
        assert r.status_code == 401 and r.json()["error"]["code"] == code, r.text
        assert keys["user"] not in r.text  # a key is never echoed back


def test_revoked_expired_and_rotated_keys(auth_server):
    store, url = auth_server.keys, auth_server.url
    rec, key = store.create("short-lived", expires_at=auth_server.clock.t + 60)
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200
    auth_server.clock.t += 61
    r = httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
    assert r.status_code == 401 and r.json()["error"]["code"] == "expired_api_key"
    auth_server.clock.t -= 61

    rec, key = store.create("to revoke")
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200
    store.revoke(rec.id)  # through the file, as `ketch keys revoke` in another process does
    r = httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
    assert r.status_code == 401 and r.json()["error"]["code"] == "revoked_api_key"

    rec, old = store.create("to rotate")
    admin = store.create("rotator", "admin")[1]
    r = httpx.post(url + f"/admin/keys/{rec.id}/rotate", headers=bearer(admin), timeout=60)
    assert r.status_code == 200 and r.json()["id"] == rec.id
    new = r.json()["key"]
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(old), timeout=60).status_code == 401
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(new), timeout=60).status_code == 200


def test_admin_api_creates_lists_and_never_shows_secrets(auth_server, keys):
    url, admin = auth_server.url, bearer(keys["admin"])
    r = httpx.post(url + "/admin/keys", json={"name": "via http", "models": ["other-model"], "rpm": 9,
                                              "expires": "7d"}, headers=admin, timeout=60)
    assert r.status_code == 200, r.text
    made = r.json()
    assert made["key"].startswith("sk-ketch-") and made["rpm"] == 9 and made["expires_at"] == T0 + 7 * 86400
    listed = httpx.get(url + "/admin/keys", headers=admin, timeout=60)
    assert made["id"] in listed.text and made["key"] not in listed.text and keys["user"] not in listed.text
    assert "hash" not in listed.text
    # its key may not use the served model: 403 on inference, and /v1/models hides it
    k = bearer(made["key"])
    r = httpx.post(url + CHAT, json=chat_body(), headers=k, timeout=60)
    assert r.status_code == 403 and r.json()["error"]["code"] == "model_not_allowed"
    assert httpx.post(url + "/generate", json={"inputs": "Hi"}, headers=k, timeout=60).status_code == 403
    assert httpx.get(url + "/v1/models", headers=k, timeout=60).json()["data"] == []
    for body, status in (({"name": "x", "role": "root"}, 400), ({"name": "x", "rpm": -1}, 400),
                         ({"name": "x", "expires": "yesterday"}, 400), ({"nam": "x"}, 400)):
        r = httpx.post(url + "/admin/keys", json=body, headers=admin, timeout=60)
        assert r.status_code == status, (body, r.text)
    assert httpx.post(url + "/admin/keys/key_nope/revoke", headers=admin, timeout=60).status_code == 404


def test_requests_per_minute_over_http(auth_server):
    url = auth_server.url
    key = auth_server.keys.create("rpm 2", limits=KeyLimits(rpm=2))[1]
    seen = []
    for _ in range(2):
        r = httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
        assert r.status_code == 200
        seen.append(r.headers["x-ratelimit-remaining-requests"])
    assert seen == ["1", "0"] and r.headers["x-ratelimit-limit-requests"] == "2"
    r = httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limit_exceeded"
    assert r.headers["retry-after"] == "30" and r.headers["x-ratelimit-reset-requests"] == "1m0s"
    auth_server.clock.t += 30
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200


def test_tokens_per_minute_over_http(auth_server):
    url = auth_server.url
    key = auth_server.keys.create("tpm", limits=KeyLimits(tpm=60))[1]
    r = httpx.post(url + CHAT, json=chat_body(max_tokens=8, ignore_eos=True), headers=bearer(key), timeout=60)
    assert r.status_code == 200
    used = r.json()["usage"]["total_tokens"]
    assert int(r.headers["x-ratelimit-remaining-tokens"]) <= 60 - r.json()["usage"]["prompt_tokens"]
    while used + r.json()["usage"]["prompt_tokens"] <= 60:
        r = httpx.post(url + CHAT, json=chat_body(max_tokens=8, ignore_eos=True), headers=bearer(key), timeout=60)
        assert r.status_code == 200
        used += r.json()["usage"]["total_tokens"]
    r = httpx.post(url + CHAT, json=chat_body(max_tokens=8), headers=bearer(key), timeout=60)
    assert r.status_code == 429 and "tokens per minute" in r.json()["error"]["message"]
    auth_server.clock.t += 60
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200


def test_parallel_limit_over_http(auth_server):
    url = auth_server.url
    key = auth_server.keys.create("one at a time", limits=KeyLimits(max_parallel=1))[1]
    with httpx.stream("POST", url + CHAT, json=chat_body(max_tokens=200, stream=True, ignore_eos=True),
                      headers=bearer(key), timeout=60) as held:
        assert held.status_code == 200
        lines = held.iter_lines()  # kept: a dropped iterator closes the response, and the server aborts
        next(lines)  # the first event: the request is in flight
        r = httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
        assert r.status_code == 429 and r.json()["error"]["code"] == "parallel_limit_exceeded"
        assert r.headers["retry-after"] == "1"
        assert list(lines)[-2:] == ["data: [DONE]", ""]
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200


def test_daily_quota_over_http_survives_a_restart(smollm2_path, tmp_path):
    db = tmp_path / "auth.db"
    clock = Clock()
    store = KeyStore(db, clock)
    key = store.create("quota", limits=KeyLimits(daily_tokens=60))[1]
    store.close()
    live, server, thread = start_server(str(smollm2_path), clock=clock,
                                        security=SecurityConfig(auth=True, auth_db=str(db)))
    try:
        r = httpx.post(live.url + CHAT, json=chat_body(max_tokens=500, ignore_eos=True), headers=bearer(key),
                       timeout=120)
        assert r.status_code == 200
        usage = r.json()["usage"]
        assert usage["total_tokens"] == 60 and r.json()["choices"][0]["finish_reason"] == "length"
        r = httpx.post(live.url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
        assert r.status_code == 429 and r.json()["error"]["code"] == "quota_exceeded"
        assert r.json()["error"]["type"] == "insufficient_quota"
    finally:
        stop_server(server, thread)
    live, server, thread = start_server(str(smollm2_path), clock=clock,
                                        security=SecurityConfig(auth=True, auth_db=str(db)))
    try:
        r = httpx.post(live.url + CHAT, json=chat_body(), headers=bearer(key), timeout=60)
        assert r.status_code == 429 and r.json()["error"]["code"] == "quota_exceeded"
        clock.t = (T0 // 86400 + 1) * 86400 + 5  # the next UTC day
        assert httpx.post(live.url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200
    finally:
        stop_server(server, thread)


_names = st.sampled_from(["authorization", "x-api-key", "Authorization", "X-Api-Key", "cookie", "x-key",
                          "proxy-authorization", "api-key"])
_printable = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7e), max_size=60)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headers=st.dictionaries(_names, st.one_of(_printable, _printable.map(lambda v: ("Bearer " + v).strip())), max_size=3),
       path=st.sampled_from([CHAT, "/v1/completions", "/generate", "/tokenize", "/v1/models", "/metrics",
                             "/admin/keys", "/nope", "/v1/models/x"]),
       mutate=st.sampled_from(["none", "prefix", "suffix", "case", "drop"]))
def test_no_request_is_served_without_a_valid_key(auth_server, keys, headers, path, mutate):
    """Random headers, including near-misses of a real key: everything but /health and /ready is 401."""
    real = keys["admin"]
    near = {"none": None, "prefix": "x" + real, "suffix": real + "x", "case": real.swapcase(),
            "drop": real[:-1]}[mutate]
    if near is not None:
        headers = {**headers, "authorization": "Bearer " + near}
    r = httpx.post(auth_server.url + path, json=chat_body(), headers=headers, timeout=60)
    assert r.status_code == 401, (headers, path, r.status_code, r.text[:200])


def test_every_request_is_audited_by_key_id_never_by_key(auth_server, keys):
    url, state = auth_server.url, auth_server.state
    rec = auth_server.keys.lookup(keys["user"])
    r = httpx.post(url + CHAT, json=chat_body(max_tokens=3, ignore_eos=True), headers={**bearer(keys["user"]),
                   "X-Request-Id": "audit-me"}, timeout=60)
    assert r.status_code == 200
    httpx.post(url + CHAT, json=chat_body(), headers=bearer("sk-ketch-wrong"), timeout=60)
    httpx.get(url + "/health", timeout=60)
    state.audit.flush()
    r = httpx.get(url + "/admin/audit", params={"key_id": rec.id, "limit": 5}, headers=bearer(keys["admin"]),
                  timeout=60)
    assert r.status_code == 200, r.text
    row = next(x for x in r.json()["data"] if x["client_request_id"] == "audit-me")
    assert row["status"] == 200 and row["role"] == "user" and row["model"] == MODEL_NAME
    assert row["route"] == CHAT and row["completion_tokens"] == 3 and row["prompt_tokens"] > 0
    assert row["prompt_text"] is None and row["output_text"] is None  # text only with --audit-text
    denied = httpx.get(url + "/admin/audit", params={"status": 401, "limit": 50}, headers=bearer(keys["admin"]),
                       timeout=60).json()["data"]
    assert any(x["key_id"] is None and x["guard"] == [{"guard": "auth", "action": "block",
                                                       "reason": "invalid_api_key"}] for x in denied)
    everything = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in state.audit.path.parent.glob("audit.db*"))
    assert keys["user"] not in everything and "sk-ketch-wrong" not in everything
    assert not any(x["route"] == "/health" for x in
                   httpx.get(url + "/admin/audit", headers=bearer(keys["admin"]), timeout=60).json()["data"])
    assert httpx.get(url + "/admin/audit", headers=bearer(keys["user"]), timeout=60).status_code == 403


def test_a_control_character_in_the_path_never_reaches_an_admin_route(auth_server, keys):
    """Starlette routes "/admin/keys\\n" to /admin/keys; the gate must not read it as another path."""
    for path in ("/admin/keys%0A", "/admin/keys%0a", "/metrics%0A", "/admin/audit%0D%0A", "/v1/models%00"):
        r = httpx.get(auth_server.url + path, headers=bearer(keys["user"]), timeout=60)
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_path", (path, r.text)
    r = httpx.post(auth_server.url + "/admin/keys%0A", json={"name": "evil", "role": "admin"},
                   headers=bearer(keys["user"]), timeout=60)
    assert r.status_code == 400 and "evil" not in {k.name for k in auth_server.keys.list()}


def test_a_refused_body_gives_its_parallel_slot_back(auth_server):
    url = auth_server.url
    key = auth_server.keys.create("one slot", limits=KeyLimits(max_parallel=1))[1]
    big = b"x" * (auth_server.state.config.max_body_bytes + 1)
    r = httpx.post(url + CHAT, content=big, headers={**bearer(key), "content-type": "application/json"}, timeout=60)
    assert r.status_code == 413
    assert httpx.post(url + CHAT, json=chat_body(), headers=bearer(key), timeout=60).status_code == 200


def test_admin_inputs_out_of_range_are_400(auth_server, keys):
    url, admin = auth_server.url, bearer(keys["admin"])
    for body in ('{"name": "x", "rpm": 100000000000000000000}', '{"name": "x", "expires": "%sd"}' % ("9" * 400),
                 '{"name": "x", "models": ["\\ud800"]}', '{"name": "bad\\nname"}'):  # escapes as JSON sends them
        r = httpx.post(url + "/admin/keys", content=body.encode(), headers={**admin, "content-type": "application/json"},
                       timeout=60)
        assert r.status_code == 400, (body, r.text)
    for params in ({"status": 10**20}, {"since": "nan"}, {"limit": 0}):
        r = httpx.get(url + "/admin/audit", params=params, headers=admin, timeout=60)
        assert r.status_code == 400, (params, r.text)
    assert httpx.get(url + "/admin/keys", headers=admin, timeout=60).status_code == 200


_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30)),
                       lambda inner: st.one_of(st.lists(inner, max_size=3),
                                               st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                       max_leaves=8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(sorted(CreateKeyRequest.model_fields) + ["extra"]), _values, max_size=5),
       query=st.dictionaries(st.sampled_from(["key_id", "since", "until", "status", "guard_action", "limit"]),
                             st.one_of(st.text(max_size=20), st.integers(-2**70, 2**70).map(str)), max_size=4))
def test_no_5xx_from_the_admin_api(auth_server, keys, body, query):
    """Every field of the key-creation body and every audit query parameter, with any value."""
    admin = bearer(keys["admin"])
    r = httpx.post(auth_server.url + "/admin/keys", content=json.dumps(body, allow_nan=True).encode(), timeout=60,
                   headers={**admin, "content-type": "application/json"})  # encoded here: httpx refuses NaN
    assert r.status_code < 500, (body, r.status_code, r.text[:300])
    if r.status_code == 200:
        auth_server.keys.revoke(r.json()["id"])
    q = httpx.get(auth_server.url + "/admin/audit", params=query, headers=admin, timeout=60)
    assert q.status_code < 500, (query, q.status_code, q.text[:300])
