"""Delta outputs: each step hands over only what is new, and the pieces add up to the whole."""
from __future__ import annotations

import pytest

from ketch import SamplingParams

PROMPT = "Once upon a time, in a small village by the sea,"


@pytest.mark.parametrize("params", [
    SamplingParams(temperature=0, max_tokens=24, logprobs=2, output_kind="delta"),
    SamplingParams(temperature=0.8, seed=3, n=2, max_tokens=20, output_kind="delta"),
    # SmolLM2 greedily writes "... named Thorold. He lived in a tower ...": the stop string is held
    # back while it may be forming ("surr") and never sent
    SamplingParams(temperature=0, max_tokens=40, stop=["surrounded"], logprobs=0, output_kind="delta"),
])
def test_deltas_add_up_to_the_sequences_whole_output(smol_llm, params):
    engine = smol_llm.engine
    req = engine.add_request(f"delta-{id(params)}", PROMPT, params)
    deltas = []
    while engine.has_unfinished_requests():
        deltas.extend(o for o in engine.step() if o.request_id == req.request_id)
    assert len(deltas) > 3 and deltas[-1].finished and not any(d.finished for d in deltas[:-1])
    for seq in req.seqs:
        parts = [o for d in deltas for o in d.outputs if o.index == seq.index]
        assert "".join(p.text for p in parts) == seq.output_text
        assert [t for p in parts for t in p.token_ids] == seq.output_token_ids
        if seq.logprobs is not None:
            assert [lp for p in parts for lp in p.logprobs] == seq.logprobs
        assert parts[-1].finish_reason == seq.status.finish_reason
        assert max(len(p.token_ids) for p in parts) < len(seq.output_token_ids)  # pieces, not the whole
    if params.stop:
        assert deltas[-1].outputs[0].finish_reason == "stop"
        assert "surr" not in "".join(o.text for d in deltas for o in d.outputs)


def test_output_kind_is_checked():
    with pytest.raises(ValueError, match="output_kind"):
        SamplingParams(output_kind="final")
