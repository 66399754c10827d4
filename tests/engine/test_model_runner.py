"""The model runner's attention plan on real SmolLM2 weights: a prefix-cache hit's last few prompt
tokens, and a fresh prompt's first chunk, are attended row by row with the decodes through the
fused op, and stay on transformers' greedy tokens."""
from __future__ import annotations

from ketch import SamplingParams
from ketch.engine.model_runner import PAGED_CHUNK_WORK, PAGED_PROMPT_ROWS
from tests.conftest import hf_greedy


def _recorded_plans(runner, monkeypatch) -> list:
    seen = []
    build = runner._attention_metadata

    def recording(batch, slots):  # the real builder; the plan is only read
        meta = build(batch, slots)
        seen.append(meta)
        return meta

    monkeypatch.setattr(runner, "_attention_metadata", recording)
    return seen


def test_short_chunks_over_cached_context_join_the_fused_rows(smol_llm, hf_smol, monkeypatch):
    runner = smol_llm.engine.runner
    assert runner.fused_decode
    seen = _recorded_plans(runner, monkeypatch)
    tok = smol_llm.get_tokenizer()
    shared = ("The history of the printing press begins in the fifteenth century, when a goldsmith in "
              "Mainz put together movable metal type, an oil-based ink and a wooden screw press, and")
    params = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True)
    smol_llm.generate(shared, params)  # its full blocks enter the prefix cache
    long_tail = " It spread across Europe within decades." * 12  # past the paged limit: stays dense
    prompts = [shared + " Johannes", shared + long_tail, shared + " a goldsmith who had borrowed money from Fust"]
    seen.clear()
    outs = smol_llm.generate(prompts, params)
    cached = [o.num_cached_tokens for o in outs]
    assert all(c > 0 for c in cached)
    tails = [len(tok.encode(p)) - c for p, c in zip(prompts, cached)]
    meta = seen[0]  # the three prompts' uncached tails, no decodes yet
    assert meta.num_decodes == 0
    short = [i for i in (0, 2) if tails[i] * (cached[i] + tails[i]) <= PAGED_CHUNK_WORK]
    assert short == [0, 2] and tails[1] * (cached[1] + tails[1]) > PAGED_CHUNK_WORK
    # the short chunks come first and join the fused rows; the long one is a dense span after them
    assert meta.paged_rows == tails[0] + tails[2] == meta.decode_block_table.shape[0]
    assert [(sp.start, sp.end) for sp in meta.prefills] == [(meta.paged_rows, meta.paged_rows + tails[1])]
    # each row attends up to its own position: context lengths run on from the cached tokens
    assert meta.decode_context_lens.tolist() == [cached[i] + j + 1 for i in (0, 2) for j in range(tails[i])]
    assert [o.outputs[0].token_ids for o in outs] == [hf_greedy(hf_smol, tok.encode(p), 12) for p in prompts]


def test_fresh_prompts_are_attended_row_by_row(smol_llm, hf_smol, monkeypatch):
    """Two new prompts in one step: every row goes through the fused op (no dense span), each up
    to its own position, and the greedy tokens are transformers'."""
    runner = smol_llm.engine.runner
    seen = _recorded_plans(runner, monkeypatch)
    tok = smol_llm.get_tokenizer()
    prompts = ["Seven ravens circled the old mill above the frozen river while the miller",
               "The quickest way to learn a language is"]
    params = SamplingParams(temperature=0, max_tokens=10, ignore_eos=True)
    outs = smol_llm.generate(prompts, params, use_tqdm=False)
    lens = [len(tok.encode(p)) for p in prompts]
    assert all(o.num_cached_tokens == 0 for o in outs) and max(lens) <= PAGED_PROMPT_ROWS
    meta = seen[0]
    assert meta.num_decodes == 0 and meta.prefills == []
    assert meta.paged_rows == sum(lens) == meta.decode_block_table.shape[0]
    assert meta.decode_context_lens.tolist() == [j + 1 for n in lens for j in range(n)]
    assert [o.outputs[0].token_ids for o in outs] == [hf_greedy(hf_smol, tok.encode(p), 10) for p in prompts]


def test_a_repeated_prompt_computes_only_its_last_token(smol_llm, hf_smol):
    """The second run of a prompt copies the cached tail's K/V into its own block and computes one
    token, yet gives transformers' greedy tokens; the first run's output is unchanged."""
    tok = smol_llm.get_tokenizer()
    prompt = "A lighthouse keeper kept a log of every ship that passed the rocky northern cape, and one night"
    ids = tok.encode(prompt)
    assert len(ids) % smol_llm.engine.block_manager.block_size >= 2
    params = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True)
    expected = hf_greedy(hf_smol, ids, 12)
    first = smol_llm.generate(prompt, params)[0]
    again = smol_llm.generate([prompt, prompt], params)  # one copy per request, in one step
    assert first.outputs[0].token_ids == expected
    assert [o.num_cached_tokens for o in again] == [len(ids) - 1] * 2
    assert [o.outputs[0].token_ids for o in again] == [expected] * 2
