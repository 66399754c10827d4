"""Chat requests to prompt tokens, and tool calls: how they are offered and how they are read back.

A chat template that knows about tools gets them as ``tools=``; for one that does not (SmolLM2's),
the tools are described in the system message, Hermes style: the model answers with
``<tool_call>{"name": ..., "arguments": {...}}</tool_call>``. When the caller forces a call
(``tool_choice`` "required" or a named function) the output is constrained to that JSON by the
grammar, so it always parses.
"""
from __future__ import annotations

import json
from collections.abc import Callable
import re
import secrets
from dataclasses import dataclass
from typing import Any

from ketch.formats.chat_template import ChatTemplateError, render_chat
from ketch.formats.tokenizer import Tokenizer
from ketch.sampling import StructuredOutputParams
from ketch.serve.errors import APIError
from ketch.serve.protocol import ChatCompletionRequest, ChatMessage, ToolDef

TOOL_OPEN, TOOL_CLOSE = "<tool_call>", "</tool_call>"
_TOOL_BLOCK = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.DOTALL)


@dataclass(slots=True)
class ToolPlan:
    """What the request asks of tools: none, the model's choice, or a forced call."""

    tools: list[ToolDef]
    mode: str  # "none" | "auto" | "forced"
    structured: StructuredOutputParams | None = None  # the grammar of a forced call


def tool_plan(body: ChatCompletionRequest) -> ToolPlan:
    tools = body.tools or []
    choice = body.tool_choice
    if choice is None:
        choice = "auto" if tools else "none"
    if not tools:
        if choice not in ("none",):
            raise APIError(400, "tool_choice needs tools", param="tool_choice", code="invalid_value")
        return ToolPlan([], "none")
    names = [t.function.name for t in tools]
    if len(set(names)) != len(names):
        raise APIError(400, "tool names must be unique", param="tools", code="invalid_value")
    if choice == "none":
        return ToolPlan(tools, "none")
    if choice == "auto":
        return ToolPlan(tools, "auto")
    if choice == "required":
        forced = tools
    else:
        forced = [t for t in tools if t.function.name == choice.function.name]
        if not forced:
            raise APIError(400, f"tool_choice names {choice.function.name!r}, which is not in tools",
                           param="tool_choice", code="invalid_value")
    schemas = [_call_schema(t) for t in forced]
    schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    return ToolPlan(tools, "forced", StructuredOutputParams(json=schema))


def _call_schema(tool: ToolDef) -> dict[str, Any]:
    params = tool.function.parameters or {"type": "object", "properties": {}}
    return {"type": "object", "properties": {"name": {"const": tool.function.name}, "arguments": params},
            "required": ["name", "arguments"], "additionalProperties": False}


def _text_content(msg: ChatMessage, index: int) -> str:
    content = msg.content
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    parts = []
    for part in content:
        kind = part.get("type")
        if kind == "text" and isinstance(part.get("text"), str):
            parts.append(part["text"])
        elif kind in ("text", None):
            raise APIError(400, f"messages[{index}].content: a text part needs a string 'text'",
                           param=f"messages[{index}].content", code="invalid_value")
        else:
            raise APIError(400, f"messages[{index}].content: parts of type {kind!r} are not supported "
                                "by this text-only model", param=f"messages[{index}].content",
                           code="unsupported_content")
    return "".join(parts)


def _tools_system_text(tools: list[ToolDef]) -> str:
    listing = "\n".join(json.dumps(t.function.model_dump(exclude_none=True, exclude={"strict"}))
                        for t in tools)
    return ("You can call functions. The available functions are:\n<tools>\n" + listing + "\n</tools>\n"
            "To call a function, answer with only " + TOOL_OPEN +
            '{"name": <function name>, "arguments": <arguments as a JSON object>}' + TOOL_CLOSE + ".")


def build_messages(body: ChatCompletionRequest, template: str | None,
                   plan: ToolPlan) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Plain dict messages for the template, plus extra template variables (``tools``)."""
    native_tools = bool(template) and "tools" in template
    messages: list[dict[str, Any]] = []
    for i, msg in enumerate(body.messages):
        role = "system" if msg.role == "developer" else ("tool" if msg.role == "function" else msg.role)
        out: dict[str, Any] = {"role": role, "content": _text_content(msg, i)}
        if msg.name:
            out["name"] = msg.name
        if msg.tool_call_id:
            out["tool_call_id"] = msg.tool_call_id
        if msg.tool_calls:
            if native_tools:
                out["tool_calls"] = msg.tool_calls
            else:  # show the model its earlier calls the way it is asked to make them
                calls = "".join(TOOL_OPEN + json.dumps(_call_payload(c, i)) + TOOL_CLOSE for c in msg.tool_calls)
                out["content"] = (out["content"] + calls) if out["content"] else calls
        messages.append(out)
    extra: dict[str, Any] = dict(body.chat_template_kwargs or {})
    taken = sorted(set(extra) & _TEMPLATE_OWN)
    if taken:
        raise APIError(400, f"chat_template_kwargs cannot set {', '.join(taken)}: ketch sets "
                            f"{'it' if len(taken) == 1 else 'them'} from the request and the tokenizer",
                       param="chat_template_kwargs", code="invalid_value")
    if plan.tools and plan.mode != "none":
        if native_tools:
            extra["tools"] = [t.model_dump(exclude_none=True) for t in plan.tools]
        else:
            text = _tools_system_text(plan.tools)
            if messages[0]["role"] == "system":
                messages[0] = {**messages[0], "content": messages[0]["content"] + "\n\n" + text}
            else:
                messages.insert(0, {"role": "system", "content": text})
    return messages, extra


# Template variables ketch passes itself (messages, tools and add_generation_prompt have request fields).
_TEMPLATE_OWN = frozenset({"messages", "add_generation_prompt", "bos_token", "eos_token", "tools"})


def _call_payload(call: dict[str, Any], index: int) -> dict[str, Any]:
    fn = call.get("function") if isinstance(call, dict) else None
    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
        raise APIError(400, f"messages[{index}].tool_calls: each call needs function.name",
                       param=f"messages[{index}].tool_calls", code="invalid_value")
    args = fn.get("arguments", "{}")
    if isinstance(args, str):
        try:
            args = json.loads(args) if args.strip() else {}
        except json.JSONDecodeError:
            pass  # keep the caller's string as is
    return {"name": fn["name"], "arguments": args}


def encode_chat(tokenizer: Tokenizer, body: ChatCompletionRequest, plan: ToolPlan,
                guard: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None) -> list[int]:
    """The prompt's token ids; ``guard`` checks (and may rewrite) the messages before rendering."""
    messages, extra = build_messages(body, tokenizer.chat_template, plan)
    if guard is not None:
        messages = guard(messages)
    add_generation_prompt = body.add_generation_prompt and not body.continue_final_message
    if body.continue_final_message and messages[-1]["role"] != "assistant":
        raise APIError(400, "continue_final_message needs the last message to be the assistant's",
                       param="messages", code="invalid_value")
    try:
        text = render_chat(tokenizer.chat_template, messages, add_generation_prompt=add_generation_prompt,
                           bos_token=tokenizer.bos_token, eos_token=tokenizer.eos_token, **extra)
    except ChatTemplateError as exc:
        raise APIError(400, str(exc), param="messages", code="invalid_value") from None
    if body.continue_final_message:
        # Drop what the template closes the last turn with, so the model continues that turn.
        last = messages[-1]["content"]
        cut = text.rfind(last)
        if last and cut >= 0:
            text = text[:cut + len(last)]
    # The template already holds any BOS it wants; adding special tokens would double it.
    return tokenizer.encode(text, add_special_tokens=False)


def new_call_id() -> str:
    return "call_" + secrets.token_hex(12)


def parse_tool_calls(text: str, plan: ToolPlan) -> tuple[str | None, list[dict[str, Any]]]:
    """Split generated text into (content, tool_calls); only names from ``tools`` count as calls."""
    if plan.mode == "none" or not plan.tools:
        return text, []
    names = {t.function.name for t in plan.tools}
    tagged = plan.mode == "auto" and TOOL_OPEN in text
    if plan.mode == "forced":
        candidates = [text]
    elif tagged:
        candidates = [m.group(1) for m in _TOOL_BLOCK.finditer(text)]
    else:  # a bare JSON call, as some models answer
        candidates = [text.strip()] if text.strip().startswith("{") else []
    calls = []
    for raw in candidates:
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if not isinstance(obj, dict) or obj.get("name") not in names:
            continue
        args = obj.get("arguments", obj.get("parameters", {}))
        calls.append({"id": new_call_id(), "type": "function",
                      "function": {"name": obj["name"],
                                   "arguments": args if isinstance(args, str) else json.dumps(args)}})
    if not calls:
        return text, []
    content = _TOOL_BLOCK.sub("", text).strip() if tagged else ""
    return content or None, calls


def could_start_tool_call(text: str) -> bool:
    """Whether streamed text so far may still become a tool call (hold it back until known)."""
    s = text.lstrip()
    return (TOOL_OPEN.startswith(s) or s.startswith(TOOL_OPEN) or s.startswith("{")) if s else True
