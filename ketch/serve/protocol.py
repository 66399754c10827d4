"""Request bodies of the OpenAI and TGI APIs as pydantic models (the OpenAPI schema at /docs).

Fields outside the schemas are accepted and ignored (logged by the routes), as vLLM does, so that
clients sending vendor extras keep working. OpenAI fields that ketch does not implement are part
of the schema and rejected with a 400 naming them when set to anything but their default.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Number = float


class _Open(BaseModel):
    """Unknown fields are kept in ``model_extra`` so the route can log (not fail) on them."""

    model_config = ConfigDict(extra="allow")


# ---- OpenAI: shared ---------------------------------------------------------------------------

class StreamOptions(_Open):
    include_usage: bool = False


class FunctionDef(_Open):
    name: str = Field(min_length=1, max_length=64)
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class ToolDef(_Open):
    type: Literal["function"] = "function"
    function: FunctionDef


class NamedFunction(_Open):
    name: str


class NamedToolChoice(_Open):
    type: Literal["function"] = "function"
    function: NamedFunction


class JsonSchemaFormat(_Open):
    name: str = "response"
    description: str | None = None
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    strict: bool | None = None


class ResponseFormat(_Open):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: JsonSchemaFormat | None = None


class SamplingFields(_Open):
    """Decoding fields shared by chat and completions, OpenAI's plus vLLM's extensions."""

    model: str | None = None
    temperature: Number | None = Field(default=None, ge=0, le=2)
    top_p: Number | None = Field(default=None, gt=0, le=1)
    n: int | None = Field(default=1, ge=1, le=128)  # OpenAI's nullable fields: null = the default
    stop: str | list[str] | None = None
    seed: int | None = None
    presence_penalty: Number | None = Field(default=0.0, ge=-2, le=2)
    frequency_penalty: Number | None = Field(default=0.0, ge=-2, le=2)
    logit_bias: dict[str, Number] | None = None
    stream: bool | None = False
    stream_options: StreamOptions | None = None
    user: str | None = None
    # vLLM-style extensions
    top_k: int | None = None
    min_p: Number | None = Field(default=None, ge=0, le=1)
    repetition_penalty: Number | None = Field(default=None, gt=0)
    min_tokens: int = Field(default=0, ge=0)
    ignore_eos: bool = False
    stop_token_ids: list[int] | None = None
    skip_special_tokens: bool = True
    include_stop_str_in_output: bool = False
    # OpenAI fields accepted because they change nothing a caller can observe here
    service_tier: str | None = None
    prompt_cache_key: str | None = None
    safety_identifier: str | None = None
    metadata: dict[str, str] | None = None
    store: bool | None = None


# ---- OpenAI: chat -----------------------------------------------------------------------------

class ChatMessage(_Open):
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None
    name: str | None = None
    tool_calls: list[dict[str, Any]] | None = None
    tool_call_id: str | None = None


class ChatCompletionRequest(SamplingFields):
    messages: list[ChatMessage] = Field(min_length=1)
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    logprobs: bool | None = False
    top_logprobs: int | None = Field(default=None, ge=0, le=20)
    response_format: ResponseFormat | None = None
    tools: list[ToolDef] | None = None
    tool_choice: Literal["none", "auto", "required"] | NamedToolChoice | None = None
    parallel_tool_calls: bool | None = None
    # OpenAI fields ketch does not implement: a non-default value is a 400 naming the field
    audio: dict[str, Any] | None = None
    modalities: list[str] | None = None
    prediction: dict[str, Any] | None = None
    web_search_options: dict[str, Any] | None = None
    reasoning_effort: str | None = None
    verbosity: str | None = None
    functions: list[dict[str, Any]] | None = None
    function_call: str | dict[str, Any] | None = None
    # extensions
    add_generation_prompt: bool = True
    continue_final_message: bool = False
    chat_template_kwargs: dict[str, Any] | None = None


# ---- OpenAI: completions ----------------------------------------------------------------------

class CompletionRequest(SamplingFields):
    prompt: str | list[str] | list[int] | list[list[int]]
    max_tokens: int | None = Field(default=16, ge=1)
    logprobs: int | None = Field(default=None, ge=0, le=20)
    echo: bool | None = False
    best_of: int | None = Field(default=None, ge=1)
    suffix: str | None = None


# ---- tokenizer endpoints (vLLM's shapes) --------------------------------------------------------

class TokenizeRequest(_Open):
    model: str | None = None
    prompt: str | None = None
    messages: list[ChatMessage] | None = None
    add_special_tokens: bool = True
    add_generation_prompt: bool = True


class DetokenizeRequest(_Open):
    model: str | None = None
    tokens: list[int]


# ---- TGI --------------------------------------------------------------------------------------

class TGIGrammar(_Open):
    type: Literal["json", "json_object", "regex"]
    value: Any = None


class TGIParameters(_Open):
    max_new_tokens: int | None = Field(default=100, ge=1)
    do_sample: bool = False
    temperature: Number | None = Field(default=None, gt=0)
    top_k: int | None = Field(default=None, gt=0)
    top_p: Number | None = Field(default=None, gt=0, lt=1)
    repetition_penalty: Number | None = Field(default=None, gt=0)
    frequency_penalty: Number | None = Field(default=None, ge=-2, le=2)
    seed: int | None = Field(default=None, ge=0)
    stop: list[str] = Field(default_factory=list)
    details: bool = False
    return_full_text: bool | None = False
    top_n_tokens: int | None = Field(default=None, ge=0, le=20)
    truncate: int | None = Field(default=None, ge=1)
    grammar: TGIGrammar | None = None
    # TGI fields ketch does not implement: a non-default value is a 400 naming the field
    typical_p: Number | None = None
    watermark: bool = False
    best_of: int | None = None
    decoder_input_details: bool = False
    adapter_id: str | None = None


class TGIRequest(_Open):
    inputs: str
    parameters: TGIParameters = Field(default_factory=TGIParameters)
    stream: bool = False
