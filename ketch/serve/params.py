"""From validated request bodies to SamplingParams; refuse what ketch does not implement."""
from __future__ import annotations

import logging
import secrets
from typing import Any

from pydantic import BaseModel

from ketch.sampling import SamplingParams, StructuredOutputParams
from ketch.serve.errors import APIError
from ketch.serve.protocol import (ChatCompletionRequest, CompletionRequest, SamplingFields, TGIParameters,
                                  TGIRequest)

log = logging.getLogger("ketch.serve")

# field -> values that mean "not used"; anything else is a feature ketch lacks.
_CHAT_UNSUPPORTED: dict[str, tuple] = {
    "audio": (None,), "modalities": (None, ["text"]), "prediction": (None,), "web_search_options": (None,),
    "reasoning_effort": (None,), "verbosity": (None,), "functions": (None, []), "function_call": (None, "none"),
    "store": (None, False),
}
_COMPLETION_UNSUPPORTED: dict[str, tuple] = {"suffix": (None, ""), "store": (None, False)}
_TGI_UNSUPPORTED: dict[str, tuple] = {"typical_p": (None, 1.0), "watermark": (False,), "best_of": (None, 1),
                                      "decoder_input_details": (False,), "adapter_id": (None, "")}


def reject_unsupported(body: BaseModel, table: dict[str, tuple], prefix: str = "") -> None:
    for name, defaults in table.items():
        value = getattr(body, name)
        if value not in defaults:
            raise APIError(400, f"'{prefix}{name}' is not supported by this server (got {value!r}); "
                                "leave it unset", param=prefix + name, code="unsupported_parameter")


def log_ignored(body: BaseModel, where: str, request_id: str, prefix: str = "") -> None:
    """Fields outside the schema are ignored (not an error), but the operator can see them."""
    extra = sorted((body.model_extra or {}).keys())
    if extra:
        log.info("request %s: %s ignored unknown fields: %s", request_id, where,
                 ", ".join(prefix + name for name in extra))


def _stop(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    stops = [value] if isinstance(value, str) else list(value)
    if len(stops) > 16:
        raise APIError(400, "at most 16 stop sequences are supported", param="stop", code="invalid_value")
    if any(not s for s in stops):
        raise APIError(400, "stop sequences must be non-empty strings", param="stop", code="invalid_value")
    return stops


def _logit_bias(value: dict[str, float] | None) -> dict[int, float] | None:
    if not value:
        return None
    out: dict[int, float] = {}
    for key, bias in value.items():
        try:
            token = int(key)
        except ValueError:
            raise APIError(400, f"logit_bias keys must be token ids, got {key!r}", param="logit_bias",
                           code="invalid_value") from None
        if token < 0 or not -100 <= bias <= 100:
            raise APIError(400, "logit_bias maps token ids >= 0 to values in [-100, 100]", param="logit_bias",
                           code="invalid_value")
        out[token] = float(bias)
    return out


def _common(body: SamplingFields, max_num_seqs: int) -> dict[str, Any]:
    n = body.n or 1
    if n > max_num_seqs:
        raise APIError(400, f"n must be at most {max_num_seqs} on this server", param="n", code="invalid_value")
    if body.top_k is not None and body.top_k < -1:
        raise APIError(400, "top_k must be -1, 0 (off) or a positive integer", param="top_k", code="invalid_value")
    return dict(
        n=n,
        temperature=1.0 if body.temperature is None else float(body.temperature),
        top_p=1.0 if body.top_p is None else float(body.top_p),
        top_k=0 if body.top_k in (None, -1) else body.top_k,
        min_p=float(body.min_p or 0.0),
        repetition_penalty=float(body.repetition_penalty or 1.0),
        presence_penalty=float(body.presence_penalty or 0.0),
        frequency_penalty=float(body.frequency_penalty or 0.0),
        seed=body.seed,
        stop=_stop(body.stop),
        stop_token_ids=list(body.stop_token_ids or []),
        min_tokens=body.min_tokens,
        ignore_eos=body.ignore_eos,
        skip_special_tokens=body.skip_special_tokens,
        include_stop_str_in_output=body.include_stop_str_in_output,
        logit_bias=_logit_bias(body.logit_bias),
    )


def _build(fields: dict[str, Any]) -> SamplingParams:
    try:
        return SamplingParams(**fields)
    except ValueError as exc:
        raise APIError(400, str(exc), code="invalid_value") from None


def response_format_spec(body: ChatCompletionRequest) -> StructuredOutputParams | None:
    fmt = body.response_format
    if fmt is None or fmt.type == "text":
        return None
    try:
        if fmt.type == "json_object":
            return StructuredOutputParams(json_object=True)
        if fmt.json_schema is None or fmt.json_schema.schema_ is None:
            raise APIError(400, "response_format of type json_schema needs json_schema.schema",
                           param="response_format.json_schema", code="invalid_value")
        return StructuredOutputParams(json=fmt.json_schema.schema_)
    except ValueError as exc:
        raise APIError(400, str(exc), param="response_format", code="invalid_value") from None


def chat_params(body: ChatCompletionRequest, max_num_seqs: int,
                structured: StructuredOutputParams | None) -> SamplingParams:
    reject_unsupported(body, _CHAT_UNSUPPORTED)
    if body.top_logprobs is not None and not body.logprobs:
        raise APIError(400, "top_logprobs needs logprobs set to true", param="top_logprobs", code="invalid_value")
    fields = _common(body, max_num_seqs)
    fields["max_tokens"] = body.max_completion_tokens or body.max_tokens  # None: up to the context window
    fields["logprobs"] = (body.top_logprobs or 0) if body.logprobs else None
    fields["structured_outputs"] = structured
    return _build(fields)


def completion_params(body: CompletionRequest, max_num_seqs: int) -> SamplingParams:
    reject_unsupported(body, _COMPLETION_UNSUPPORTED)
    if body.best_of is not None and body.best_of != (body.n or 1):
        raise APIError(400, "best_of different from n is not supported", param="best_of",
                       code="unsupported_parameter")
    fields = _common(body, max_num_seqs)
    fields["max_tokens"] = body.max_tokens
    fields["logprobs"] = body.logprobs
    return _build(fields)


def tgi_params(body: TGIRequest) -> SamplingParams:
    p: TGIParameters = body.parameters
    reject_unsupported(p, _TGI_UNSUPPORTED, prefix="parameters.")
    # TGI samples when asked to, or when any warper is set; otherwise it is greedy.
    sample = p.do_sample or any(v is not None for v in (p.temperature, p.top_k, p.top_p))
    structured = None
    if p.grammar is not None:
        try:
            if p.grammar.type == "regex":
                if not isinstance(p.grammar.value, str):
                    raise ValueError("a regex grammar needs a string value")
                structured = StructuredOutputParams(regex=p.grammar.value)
            elif p.grammar.type == "json_object" or p.grammar.value in (None, {}):
                structured = StructuredOutputParams(json_object=True)
            else:
                structured = StructuredOutputParams(json=p.grammar.value)
        except ValueError as exc:
            raise APIError(400, str(exc), param="parameters.grammar", code="invalid_value") from None
    fields = dict(
        temperature=(float(p.temperature) if p.temperature is not None else 1.0) if sample else 0.0,
        top_k=p.top_k or 0, top_p=float(p.top_p or 1.0),
        repetition_penalty=float(p.repetition_penalty or 1.0),
        frequency_penalty=float(p.frequency_penalty or 0.0),
        # TGI reports the seed it sampled with, so pick one when the caller did not.
        seed=p.seed if p.seed is not None or not sample else secrets.randbits(63), stop=_stop(p.stop), max_tokens=p.max_new_tokens,
        logprobs=p.top_n_tokens or 0,  # every TGI token carries its logprob
        structured_outputs=structured,
    )
    return _build(fields)
