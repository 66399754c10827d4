"""TGI-style /generate and /generate_stream, and the tokenizer endpoints."""
from __future__ import annotations

import json

import httpx

PROMPT = "The three primary colours are"


def _events(r: httpx.Response) -> list[dict]:
    return [json.loads(line[5:]) for line in r.text.splitlines() if line.startswith("data:")]


def test_generate_details_and_stream_agree(live_server, openai_client):
    body = {"inputs": PROMPT, "parameters": {"max_new_tokens": 10, "details": True, "top_n_tokens": 2}}
    r = httpx.post(live_server.url + "/generate", json=body, timeout=60)
    assert r.status_code == 200, r.text
    out = r.json()
    details = out["details"]
    assert details["generated_tokens"] == len(details["tokens"]) == 10
    assert details["finish_reason"] == "length"
    assert all(t["logprob"] <= 0 and not t["special"] for t in details["tokens"])
    assert all(len(top) == 2 for top in details["top_tokens"])
    # greedy by default, as TGI: the same text as a temperature-0 completion
    same = openai_client.completions.create(model="smollm2", prompt=PROMPT, max_tokens=10, temperature=0)
    assert out["generated_text"] == same.choices[0].text

    s = httpx.post(live_server.url + "/generate_stream", json=body, timeout=60)
    assert s.status_code == 200 and s.headers["content-type"].startswith("text/event-stream")
    events = _events(s)
    assert [e["token"]["id"] for e in events] == [t["id"] for t in details["tokens"]]
    assert all(e["generated_text"] is None for e in events[:-1])
    assert events[-1]["generated_text"] == out["generated_text"]
    assert events[-1]["details"]["finish_reason"] == "length" and events[-1]["details"]["generated_tokens"] == 10
    assert "".join(e["token"]["text"] for e in events) == out["generated_text"]


def test_generate_sampling_reports_its_seed_and_full_text(live_server):
    body = {"inputs": PROMPT, "parameters": {"max_new_tokens": 6, "do_sample": True, "details": True,
                                             "return_full_text": True}}
    out = httpx.post(live_server.url + "/generate", json=body, timeout=60).json()
    seed = out["details"]["seed"]
    assert isinstance(seed, int) and out["generated_text"].startswith(PROMPT)
    body["parameters"]["seed"] = seed
    again = httpx.post(live_server.url + "/generate", json=body, timeout=60).json()
    assert again["generated_text"] == out["generated_text"]


def test_generate_errors(live_server):
    r = httpx.post(live_server.url + "/generate", json={"inputs": PROMPT, "parameters": {"temperature": 0}},
                   timeout=30)
    assert r.status_code == 400 and r.json()["error"]["param"] == "parameters.temperature"
    r = httpx.post(live_server.url + "/generate", json={"inputs": PROMPT, "parameters": {"watermark": True}},
                   timeout=30)
    assert r.status_code == 400 and r.json()["error"]["code"] == "unsupported_parameter"
    r = httpx.post(live_server.url + "/generate", json={"parameters": {}}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["param"] == "inputs"


def test_generate_grammar(live_server):
    body = {"inputs": "My phone number is", "parameters": {"max_new_tokens": 12,
                                                           "grammar": {"type": "regex", "value": "[0-9]{3}-[0-9]{4}"}}}
    out = httpx.post(live_server.url + "/generate", json=body, timeout=60).json()
    assert len(out["generated_text"]) == 8 and out["generated_text"][3] == "-"


def test_tokenize_detokenize_round_trip(live_server):
    r = httpx.post(live_server.url + "/tokenize", json={"prompt": "Hello world"}, timeout=10).json()
    assert r["count"] == len(r["tokens"]) > 0 and r["max_model_len"] == 2048
    back = httpx.post(live_server.url + "/detokenize", json={"tokens": r["tokens"]}, timeout=10).json()
    assert back["prompt"] == "Hello world"
    chat = httpx.post(live_server.url + "/tokenize",
                      json={"messages": [{"role": "user", "content": "Hello"}]}, timeout=10).json()
    assert chat["count"] > r["count"]  # the template adds its role markers
    bad = httpx.post(live_server.url + "/detokenize", json={"tokens": [-1]}, timeout=10)
    assert bad.status_code == 400


def test_health_ready_docs(live_server):
    assert httpx.get(live_server.url + "/health", timeout=10).json() == {"status": "ok"}
    assert httpx.get(live_server.url + "/ready", timeout=10).status_code == 200
    assert httpx.get(live_server.url + "/docs", timeout=10).status_code == 200
    spec = httpx.get(live_server.url + "/openapi.json", timeout=10).json()
    assert {"/v1/chat/completions", "/v1/completions", "/generate", "/generate_stream"} <= set(spec["paths"])


def test_root_route_is_tgi_compat(live_server):
    body = {"inputs": PROMPT, "parameters": {"max_new_tokens": 4}}
    listed = httpx.post(live_server.url + "/", json=body, timeout=60).json()
    single = httpx.post(live_server.url + "/generate", json=body, timeout=60).json()
    assert listed == [single]
    streamed = httpx.post(live_server.url + "/", json={**body, "stream": True}, timeout=60)
    assert _events(streamed)[-1]["generated_text"] == single["generated_text"]
