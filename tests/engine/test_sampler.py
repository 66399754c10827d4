"""Sampler on crafted logits: each option changes the choice exactly as specified."""
from __future__ import annotations

import pytest
import torch

from ketch.engine.sampler import Sampler
from ketch.sampling import SamplingParams
from tests.engine.factories import make_seq

EOS = 9


def _sample(logits: list[float], params: SamplingParams, tokens=(0,), outputs=(), generator=None):
    seq = make_seq(list(tokens), params)
    seq.token_ids.extend(outputs)
    seq.generator = generator
    return Sampler([EOS])(torch.tensor([logits]), [seq])[0]


def test_greedy_is_argmax():
    assert _sample([0.1, 3.0, 2.0], SamplingParams(temperature=0)).token_id == 1


def test_top_k_one_and_tiny_top_p_and_min_p_one_are_greedy():
    logits = [1.0, 2.5, 2.4, 0.3]
    for params in (SamplingParams(top_k=1, seed=0), SamplingParams(top_p=1e-6, seed=0),
                   SamplingParams(min_p=1.0, seed=0)):
        picks = {_sample(logits, params, generator=torch.Generator().manual_seed(s)).token_id for s in range(20)}
        assert picks == {1}, params


def test_top_k_restricts_support():
    picks = {_sample([5.0, 4.9, 4.8, 4.7], SamplingParams(top_k=2), generator=torch.Generator().manual_seed(s)).token_id
             for s in range(60)}
    assert picks == {0, 1}


def test_top_p_keeps_smallest_prefix_reaching_p():
    # probs ~ [0.5, 0.3, 0.2]: top_p=0.6 keeps tokens 0 and 1.
    logits = torch.log(torch.tensor([0.5, 0.3, 0.2])).tolist()
    picks = {_sample(logits, SamplingParams(top_p=0.6), generator=torch.Generator().manual_seed(s)).token_id
             for s in range(80)}
    assert picks == {0, 1}


def test_min_p_drops_unlikely_tokens():
    logits = torch.log(torch.tensor([0.6, 0.3, 0.1])).tolist()
    picks = {_sample(logits, SamplingParams(min_p=0.4), generator=torch.Generator().manual_seed(s)).token_id
             for s in range(80)}
    assert picks == {0, 1}  # 0.1 < 0.4 * 0.6


def test_temperature_sharpens_and_flattens():
    logits = [2.0, 1.0]
    cold = [_sample(logits, SamplingParams(temperature=0.05), generator=torch.Generator().manual_seed(s)).token_id
            for s in range(50)]
    hot = [_sample(logits, SamplingParams(temperature=5.0), generator=torch.Generator().manual_seed(s)).token_id
           for s in range(200)]
    assert set(cold) == {0}
    assert 60 < hot.count(1) < 140  # close to a coin flip


def test_same_seed_same_choice():
    logits = [1.0] * 8
    a = [_sample(logits, SamplingParams(), generator=torch.Generator().manual_seed(5)).token_id for _ in range(5)]
    assert len(set(a)) == 1


def test_repetition_penalty_demotes_seen_tokens():
    params = SamplingParams(temperature=0, repetition_penalty=2.0)
    assert _sample([3.0, 2.0, 0.0], params, tokens=(0,)).token_id == 1  # 3/2 < 2
    assert _sample([-1.0, -1.5, -9.0], params, tokens=(0,)).token_id == 1  # -1*2 < -1.5


def test_presence_and_frequency_penalties_use_output_counts():
    presence = SamplingParams(temperature=0, presence_penalty=1.5)
    assert _sample([3.0, 2.0], presence, outputs=(0,)).token_id == 1
    assert _sample([3.0, 2.0], presence, tokens=(0,)).token_id == 0  # prompt tokens are not penalized
    freq = SamplingParams(temperature=0, frequency_penalty=0.4)
    assert _sample([3.0, 2.0], freq, outputs=(0,)).token_id == 0  # 3 - 0.4 > 2
    assert _sample([3.0, 2.0], freq, outputs=(0, 0, 0)).token_id == 1  # 3 - 1.2 < 2


def test_min_tokens_masks_eos_and_stop_ids():
    logits = [0.0] * 10
    logits[EOS] = 10.0
    logits[4] = 9.0
    params = SamplingParams(temperature=0, min_tokens=2, stop_token_ids=[4])
    assert _sample(logits, params, outputs=(1,)).token_id not in (EOS, 4)
    assert _sample(logits, params, outputs=(1, 1)).token_id == EOS


def test_logprobs_are_raw_log_softmax_with_rank():
    logits = [1.0, 3.0, 2.0, 0.0]
    res = _sample(logits, SamplingParams(temperature=0, logprobs=2))
    ref = torch.log_softmax(torch.tensor(logits), -1)
    assert res.token_id == 1 and res.rank == 1
    assert res.logprob == pytest.approx(float(ref[1]))
    assert [t for t, _ in res.top_logprobs] == [1, 2]
    assert res.top_logprobs[1][1] == pytest.approx(float(ref[2]))
