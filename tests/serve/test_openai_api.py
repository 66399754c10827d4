"""The official openai client against a real server: chat and completions, streamed and not."""
from __future__ import annotations

import json

import jsonschema
import pytest

from tests.serve.conftest import MODEL_NAME

MESSAGES = [{"role": "system", "content": "You are a concise assistant."},
            {"role": "user", "content": "Name three colours."}]


def test_models_lists_the_served_name(openai_client):
    models = openai_client.models.list()
    assert [m.id for m in models.data] == [MODEL_NAME]
    assert openai_client.models.retrieve(MODEL_NAME).id == MODEL_NAME


def test_chat_streamed_text_equals_non_streamed_text_greedy(openai_client):
    full = openai_client.chat.completions.create(model=MODEL_NAME, messages=MESSAGES, max_tokens=24,
                                                 temperature=0)
    choice = full.choices[0]
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert full.usage.completion_tokens <= 24 and full.usage.prompt_tokens > 10
    assert full.usage.total_tokens == full.usage.prompt_tokens + full.usage.completion_tokens

    stream = openai_client.chat.completions.create(model=MODEL_NAME, messages=MESSAGES, max_tokens=24,
                                                   temperature=0, stream=True,
                                                   stream_options={"include_usage": True})
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    finish = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert text == choice.message.content
    assert finish == [choice.finish_reason]
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == full.usage.completion_tokens
    assert all(c.usage is None for c in chunks[:-1])


def test_completions_stream_equals_non_stream_and_echo(openai_client):
    prompt = "The capital of France is"
    full = openai_client.completions.create(model=MODEL_NAME, prompt=prompt, max_tokens=12, temperature=0)
    text = full.choices[0].text
    assert text and full.object == "text_completion"
    streamed = "".join(c.choices[0].text for c in openai_client.completions.create(
        model=MODEL_NAME, prompt=prompt, max_tokens=12, temperature=0, stream=True) if c.choices)
    assert streamed == text
    echoed = openai_client.completions.create(model=MODEL_NAME, prompt=prompt, max_tokens=12, temperature=0,
                                              echo=True)
    assert echoed.choices[0].text == prompt + text


def test_completions_several_prompts_keep_their_order(openai_client):
    prompts = ["One, two,", "Monday, Tuesday,"]
    batch = openai_client.completions.create(model=MODEL_NAME, prompt=prompts, max_tokens=6, temperature=0)
    alone = [openai_client.completions.create(model=MODEL_NAME, prompt=p, max_tokens=6, temperature=0)
             .choices[0].text for p in prompts]
    assert [c.index for c in batch.choices] == [0, 1]
    assert [c.text for c in batch.choices] == alone


def test_n_and_seed_are_reproducible(openai_client):
    kwargs = dict(model=MODEL_NAME, messages=MESSAGES, max_tokens=16, temperature=1.0, n=3, seed=1234)
    a = openai_client.chat.completions.create(**kwargs)
    b = openai_client.chat.completions.create(**kwargs)
    assert [c.index for c in a.choices] == [0, 1, 2]
    assert [c.message.content for c in a.choices] == [c.message.content for c in b.choices]
    assert len({c.message.content for c in a.choices}) > 1  # n samples differ (seed + i each)
    stream = openai_client.chat.completions.create(**kwargs, stream=True)
    texts = ["", "", ""]
    for chunk in stream:
        for c in chunk.choices:
            texts[c.index] += c.delta.content or ""
    assert texts == [c.message.content for c in a.choices]


def test_stop_string_ends_the_text(openai_client):
    free = openai_client.completions.create(model=MODEL_NAME, prompt="1, 2, 3, 4, 5,", max_tokens=16,
                                            temperature=0).choices[0].text
    assert " 7" in free
    stopped = openai_client.completions.create(model=MODEL_NAME, prompt="1, 2, 3, 4, 5,", max_tokens=16,
                                               temperature=0, stop=[" 7"])
    assert stopped.choices[0].text == free[:free.index(" 7")]
    assert stopped.choices[0].finish_reason == "stop"


def test_chat_logprobs(openai_client):
    r = openai_client.chat.completions.create(model=MODEL_NAME, messages=MESSAGES, max_tokens=5, temperature=0,
                                              logprobs=True, top_logprobs=3)
    content = r.choices[0].logprobs.content
    assert len(content) == r.usage.completion_tokens
    for entry in content:
        assert entry.logprob <= 0 and len(entry.top_logprobs) == 3
        # greedy: the chosen token is the most likely one
        assert entry.top_logprobs[0].logprob == pytest.approx(entry.logprob, abs=1e-5)
        assert entry.top_logprobs[0].token == entry.token


def test_completion_logprobs(openai_client):
    r = openai_client.completions.create(model=MODEL_NAME, prompt="Hello, my name", max_tokens=4,
                                         temperature=0, logprobs=2)
    lp = r.choices[0].logprobs
    assert len(lp.tokens) == len(lp.token_logprobs) == len(lp.top_logprobs) == 4
    assert "".join(lp.tokens) == r.choices[0].text
    assert all(len(t) == 2 for t in lp.top_logprobs)


PERSON = {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"},
                                           "colours": {"type": "array", "items": {"type": "string"},
                                                       "maxItems": 3}},
          "required": ["name", "age", "colours"], "additionalProperties": False}


def test_json_schema_output_parses_and_validates(openai_client):
    for stream in (False, True):
        kwargs = dict(model=MODEL_NAME, max_tokens=120, temperature=0,
                      messages=[{"role": "user", "content": "Describe a person as JSON."}],
                      response_format={"type": "json_schema",
                                       "json_schema": {"name": "person", "schema": PERSON, "strict": True}})
        if stream:
            text = "".join(c.choices[0].delta.content or "" for c in
                           openai_client.chat.completions.create(**kwargs, stream=True) if c.choices)
        else:
            text = openai_client.chat.completions.create(**kwargs).choices[0].message.content
        jsonschema.validate(json.loads(text), PERSON)


def test_json_object_mode(openai_client):
    r = openai_client.chat.completions.create(model=MODEL_NAME, max_tokens=80, temperature=0,
                                              messages=[{"role": "user", "content": "Give me a JSON object."}],
                                              response_format={"type": "json_object"})
    if r.choices[0].finish_reason == "stop":
        assert isinstance(json.loads(r.choices[0].message.content), dict)
    else:  # cut by max_tokens: still a valid JSON prefix starting with an object
        assert r.choices[0].message.content.startswith("{")


WEATHER = {"type": "function", "function": {
    "name": "get_weather", "description": "Current weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"},
                                                    "unit": {"type": "string", "enum": ["C", "F"]}},
                   "required": ["city", "unit"]}}}
TIME = {"type": "function", "function": {
    "name": "get_time", "description": "Current time in a timezone",
    "parameters": {"type": "object", "properties": {"tz": {"type": "string"}}, "required": ["tz"]}}}


@pytest.mark.parametrize("choice", [{"type": "function", "function": {"name": "get_weather"}}, "required"])
def test_forced_tool_call_is_parsed_into_tool_calls(openai_client, choice):
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]
    r = openai_client.chat.completions.create(model=MODEL_NAME, messages=messages, tools=[WEATHER, TIME],
                                              tool_choice=choice, max_tokens=60, temperature=0)
    c = r.choices[0]
    assert c.finish_reason == "tool_calls"
    call = c.message.tool_calls[0]
    assert call.type == "function" and call.id.startswith("call_")
    assert call.function.name in ("get_weather", "get_time")
    args = json.loads(call.function.arguments)
    tool = WEATHER if call.function.name == "get_weather" else TIME
    jsonschema.validate(args, tool["function"]["parameters"])
    if choice != "required":
        assert call.function.name == "get_weather"
    # streamed: the same call arrives as a tool_calls delta
    chunks = list(openai_client.chat.completions.create(model=MODEL_NAME, messages=messages, tools=[WEATHER, TIME],
                                                        tool_choice=choice, max_tokens=60, temperature=0,
                                                        stream=True))
    deltas = [tc for ch in chunks if ch.choices for tc in (ch.choices[0].delta.tool_calls or [])]
    assert deltas and deltas[0].function.name == call.function.name
    assert json.loads(deltas[0].function.arguments) == args
    assert [ch.choices[0].finish_reason for ch in chunks if ch.choices and ch.choices[0].finish_reason] == ["tool_calls"]
    # the call and its result go back into the conversation
    follow = openai_client.chat.completions.create(
        model=MODEL_NAME, max_tokens=20, temperature=0, tools=[WEATHER, TIME],
        messages=messages + [c.message.model_dump(exclude_none=True),
                             {"role": "tool", "tool_call_id": call.id, "content": '{"temp": 21}'}])
    assert follow.choices[0].message.content is not None or follow.choices[0].message.tool_calls


def test_extra_fields_are_ignored(openai_client):
    r = openai_client.chat.completions.create(model=MODEL_NAME, messages=MESSAGES, max_tokens=4, temperature=0,
                                              extra_body={"some_vendor_field": {"x": 1}, "top_k": 5})
    assert r.choices[0].message.content


def test_explicit_nulls_mean_defaults(live_server):
    import httpx

    body = {"model": MODEL_NAME, "messages": MESSAGES, "max_tokens": 3, "temperature": 0, "n": None,
            "stream": None, "logprobs": None, "presence_penalty": None, "frequency_penalty": None, "stop": None,
            "seed": None, "top_p": None, "user": None, "tools": None, "tool_choice": None, "response_format": None}
    r = httpx.post(live_server.v1 + "/chat/completions", json=body, timeout=60)
    assert r.status_code == 200, r.text
    assert len(r.json()["choices"]) == 1
