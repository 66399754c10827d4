"""End-to-end generation options on the real SmolLM2 weights."""
from __future__ import annotations

import pytest
import torch

from ketch import SamplingParams
from ketch.engine.detokenizer import IncrementalDetokenizer

PROMPT = "Once upon a time, in a land far away,"


def _greedy(llm, **kw):
    return llm.generate(PROMPT, SamplingParams(temperature=0, **kw))[0].outputs[0]


def test_max_tokens_and_ignore_eos_give_exact_lengths(smol_llm):
    out = _greedy(smol_llm, max_tokens=7, ignore_eos=True)
    assert len(out.token_ids) == 7 and out.finish_reason == "length"


def test_eos_stops_without_emitting_its_text(smol_llm):
    out = smol_llm.chat([{"role": "user", "content": "Say hi."}], SamplingParams(temperature=0, max_tokens=64))[0]
    comp = out.outputs[0]
    assert comp.finish_reason == "stop" and comp.stop_reason is None
    assert comp.token_ids[-1] in smol_llm.engine.eos_token_ids
    assert "<|im_end|>" not in comp.text


def test_text_matches_decoding_the_tokens(smol_llm):
    out = _greedy(smol_llm, max_tokens=40, ignore_eos=True)
    assert out.text == smol_llm.get_tokenizer().decode(out.token_ids)


def test_stop_token_id(smol_llm):
    ref = _greedy(smol_llm, max_tokens=20, ignore_eos=True)
    stop_id = ref.token_ids[5]
    first = ref.token_ids.index(stop_id)
    out = _greedy(smol_llm, max_tokens=20, ignore_eos=True, stop_token_ids=[stop_id])
    assert out.token_ids == ref.token_ids[:first + 1]
    assert out.finish_reason == "stop" and out.stop_reason == stop_id


def _boundary_stop(llm) -> tuple[str, str]:
    """A stop string that starts inside one token and ends inside the next."""
    tok = llm.get_tokenizer()
    ref = _greedy(llm, max_tokens=24, ignore_eos=True)
    pieces = [tok.decode(ref.token_ids[:i]) for i in range(len(ref.token_ids) + 1)]
    for i in range(3, len(pieces) - 1):
        a, b = pieces[i][len(pieces[i - 1]):], pieces[i + 1][len(pieces[i]):]
        if len(a) >= 2 and len(b) >= 2:
            return ref.text, a[-2:] + b[:2]
    raise AssertionError("no suitable token boundary in the reference text")


def test_stop_string_across_token_boundary_is_never_emitted(smol_llm):
    ref_text, stop = _boundary_stop(smol_llm)
    cut = ref_text.index(stop)
    engine = smol_llm.engine
    engine.add_request("stop-stream", PROMPT, SamplingParams(temperature=0, max_tokens=24, ignore_eos=True,
                                                              stop=[stop]))
    seen = []
    while engine.has_unfinished_requests():
        seen += [o.outputs[0].text for o in engine.step() if o.request_id == "stop-stream"]
    assert seen[-1] == ref_text[:cut]
    assert all(ref_text[:cut].startswith(t) for t in seen)  # never a character of the stop string
    out = _greedy(smol_llm, max_tokens=24, ignore_eos=True, stop=[stop], include_stop_str_in_output=True)
    assert out.text == ref_text[:cut + len(stop)] and out.stop_reason == stop and out.finish_reason == "stop"


def test_seed_reproducible_and_n_samples(smol_llm):
    params = SamplingParams(temperature=1.0, top_p=0.95, seed=1234, max_tokens=16, ignore_eos=True, n=3)
    a = smol_llm.generate(PROMPT, params)[0]
    b = smol_llm.generate(PROMPT, params)[0]
    assert [c.token_ids for c in a.outputs] == [c.token_ids for c in b.outputs]
    assert [c.index for c in a.outputs] == [0, 1, 2]
    assert len({tuple(c.token_ids) for c in a.outputs}) > 1
    other = smol_llm.generate(PROMPT, SamplingParams(temperature=1.0, seed=99, max_tokens=16, ignore_eos=True))[0]
    assert other.outputs[0].token_ids != a.outputs[0].token_ids


def test_seeded_request_unaffected_by_batch_neighbours(smol_llm):
    params = SamplingParams(temperature=0.9, seed=7, max_tokens=12, ignore_eos=True)
    alone = smol_llm.generate(PROMPT, params)[0].outputs[0].token_ids
    mixed = smol_llm.generate(["Hello there", PROMPT, "1, 2, 3,"],
                              [SamplingParams(temperature=1.0, max_tokens=12), params,
                               SamplingParams(temperature=0, max_tokens=12)])
    assert mixed[1].outputs[0].token_ids == alone


def test_logprobs_match_transformers(smol_llm, hf_smol):
    out = _greedy(smol_llm, max_tokens=3, ignore_eos=True, logprobs=5)
    ids = smol_llm.get_tokenizer().encode(PROMPT)
    with torch.inference_mode():
        ref = torch.log_softmax(hf_smol(torch.tensor([ids])).logits[0, -1].float(), -1)
    first = out.logprobs[0]
    assert len(first) == 5 and out.token_ids[0] in first
    top_ref = torch.topk(ref, 5)
    assert list(first) == top_ref.indices.tolist()
    for tid, lp in first.items():
        assert lp.logprob == pytest.approx(float(ref[tid]), abs=1e-3)
    assert first[out.token_ids[0]].rank == 1
    assert out.cumulative_logprob == pytest.approx(sum(d[t].logprob for d, t in zip(out.logprobs, out.token_ids)))


def test_penalties_change_greedy_output(smol_llm):
    base = _greedy(smol_llm, max_tokens=32, ignore_eos=True).token_ids
    for kw in ({"repetition_penalty": 1.5}, {"presence_penalty": 1.5}, {"frequency_penalty": 1.5}):
        out = _greedy(smol_llm, max_tokens=32, ignore_eos=True, **kw).token_ids
        assert out != base, kw
    rep = _greedy(smol_llm, max_tokens=32, ignore_eos=True, frequency_penalty=2.0).token_ids
    assert max(rep.count(t) for t in set(rep)) <= max(base.count(t) for t in set(base))


def test_min_tokens_postpones_eos(smol_llm):
    msgs = [{"role": "user", "content": "Say hi."}]
    short = smol_llm.chat(msgs, SamplingParams(temperature=0, max_tokens=64))[0].outputs[0]
    longer = smol_llm.chat(msgs, SamplingParams(temperature=0, max_tokens=64, min_tokens=len(short.token_ids) + 3))
    assert len(longer[0].outputs[0].token_ids) >= len(short.token_ids) + 3


def test_incremental_detokenizer_never_splits_utf8(smol_llm):
    tok = smol_llm.get_tokenizer()
    text = "naïve café — 你好，世界! 🤖🚀 done"
    ids = tok.encode(text)
    detok = IncrementalDetokenizer(tok, tok.encode("Prefix:"), skip_special_tokens=True)
    deltas = [detok.add(t) for t in ids]
    assert all("\ufffd" not in d for d in deltas)
    assert "".join(deltas) + detok.flush() == text
