"""The model runner's attention plan on real SmolLM2 weights: a prefix-cache hit's last few prompt
tokens are attended row by row with the decodes through the fused op, and stay on transformers'
greedy tokens."""
from __future__ import annotations

from ketch import SamplingParams
from ketch.engine.model_runner import PAGED_CHUNK_TOKENS
from tests.conftest import hf_greedy


def test_short_chunks_over_cached_context_join_the_fused_rows(smol_llm, hf_smol, monkeypatch):
    runner = smol_llm.engine.runner
    assert runner.fused_decode
    seen = []
    build = runner._attention_metadata

    def recording(batch, slots):  # the real builder; the plan is only read
        meta = build(batch, slots)
        seen.append(([n for _, n in batch], meta))
        return meta

    monkeypatch.setattr(runner, "_attention_metadata", recording)
    tok = smol_llm.get_tokenizer()
    shared = ("The history of the printing press begins in the fifteenth century, when a goldsmith in "
              "Mainz put together movable metal type, an oil-based ink and a wooden screw press, and")
    params = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True)
    smol_llm.generate(shared, params)  # its full blocks enter the prefix cache
    prompts = [shared + " Johannes", shared + " a goldsmith"]
    seen.clear()
    outs = smol_llm.generate(prompts, params)
    assert all(0 < o.num_cached_tokens for o in outs)
    first = seen[0]  # both prompts' uncached tails, no decodes yet
    sizes, meta = first
    assert meta.num_decodes == 0 and not meta.prefills and max(sizes) <= PAGED_CHUNK_TOKENS
    assert meta.paged_rows == sum(sizes) == meta.decode_block_table.shape[0]
    cached = [o.num_cached_tokens for o in outs]
    # each row attends up to its own position: context lengths run on from the cached tokens
    assert meta.decode_context_lens.tolist() == [c + i + 1 for c, n in zip(cached, sizes) for i in range(n)]
    assert [o.outputs[0].token_ids for o in outs] == [hf_greedy(hf_smol, tok.encode(p), 12) for p in prompts]
