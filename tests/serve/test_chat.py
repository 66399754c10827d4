"""Tool plans, tool-call parsing and prompt building, without a server."""
from __future__ import annotations

import json

import pytest

from ketch.serve.chat import ToolPlan, build_messages, could_start_tool_call, parse_tool_calls, tool_plan
from ketch.serve.errors import APIError
from ketch.serve.protocol import ChatCompletionRequest

TOOLS = [{"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]


def _req(**kwargs) -> ChatCompletionRequest:
    return ChatCompletionRequest(messages=[{"role": "user", "content": "weather in Paris?"}], **kwargs)


def test_auto_mode_parses_tagged_and_bare_calls_and_keeps_other_text():
    plan = tool_plan(_req(tools=TOOLS))
    assert plan.mode == "auto" and plan.structured is None
    content, calls = parse_tool_calls('Sure. <tool_call>{"name": "get_weather", "arguments": {"city": "Paris"}}'
                                      '</tool_call>', plan)
    assert content == "Sure."
    assert calls[0]["function"]["name"] == "get_weather"
    assert json.loads(calls[0]["function"]["arguments"]) == {"city": "Paris"}
    content, calls = parse_tool_calls('{"name": "get_weather", "parameters": {"city": "Rome"}}', plan)
    assert content is None and json.loads(calls[0]["function"]["arguments"]) == {"city": "Rome"}
    # unknown names and broken JSON stay text
    assert parse_tool_calls('<tool_call>{"name": "rm_rf", "arguments": {}}</tool_call>', plan)[1] == []
    assert parse_tool_calls("<tool_call>{not json", plan) == ("<tool_call>{not json", [])
    assert parse_tool_calls("It is sunny.", plan) == ("It is sunny.", [])


def test_forced_modes_build_a_grammar_of_the_call():
    named = tool_plan(_req(tools=TOOLS, tool_choice={"type": "function", "function": {"name": "get_weather"}}))
    assert named.mode == "forced"
    schema = named.structured.json
    assert schema["properties"]["name"] == {"const": "get_weather"}
    assert tool_plan(_req(tools=TOOLS, tool_choice="required")).mode == "forced"
    assert tool_plan(_req(tools=TOOLS, tool_choice="none")).mode == "none"
    with pytest.raises(APIError):
        tool_plan(_req(tools=TOOLS + TOOLS))  # duplicate names


def test_streamed_text_is_held_only_while_it_may_become_a_call():
    assert could_start_tool_call("")
    assert could_start_tool_call("  <tool")
    assert could_start_tool_call('<tool_call>{"na')
    assert could_start_tool_call('{"name"')
    assert not could_start_tool_call("The weather")


def test_tools_go_into_the_system_message_when_the_template_lacks_them():
    req = _req(tools=TOOLS)
    messages, extra = build_messages(req, "{{ messages }}", ToolPlan(tool_plan(req).tools, "auto"))
    assert messages[0]["role"] == "system" and "get_weather" in messages[0]["content"]
    assert "tools" not in extra
    messages, extra = build_messages(req, "{% if tools %}{{ tools }}{% endif %}", tool_plan(req))
    assert messages[0]["role"] == "user" and extra["tools"][0]["function"]["name"] == "get_weather"
