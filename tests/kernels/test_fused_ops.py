"""Fused fp32 CPU ops equal the torch expressions they replace."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from ketch.layers.rotary import apply_rotary




def test_add_rms_norm(ops):
    x, res, w = torch.randn(5, 96), torch.randn(5, 96), torch.randn(96)
    torch.testing.assert_close(ops.add_rms_norm(x, None, w, 1e-6), F.rms_norm(x, (96,), w, 1e-6))
    want_res = x + res
    got = ops.add_rms_norm(x, res, w, 1e-5)
    torch.testing.assert_close(res, want_res)  # updated in place
    torch.testing.assert_close(got, F.rms_norm(want_res, (96,), w, 1e-5))


def test_rope_in_place_on_strided_views(ops):
    qkv = torch.randn(7, (4 + 2 + 2) * 16)
    q, k, _ = qkv.split([64, 32, 32], dim=-1)
    q, k = q.view(7, 4, 16), k.view(7, 2, 16)
    angles = torch.rand(7, 8) * 6
    cos, sin = torch.cat([angles.cos()] * 2, -1), torch.cat([angles.sin()] * 2, -1)
    want_q, want_k = apply_rotary(q, cos[:, None], sin[:, None]), apply_rotary(k, cos[:, None], sin[:, None])
    ops.rope_(q, k, cos, sin)
    torch.testing.assert_close(q, want_q)
    torch.testing.assert_close(k, want_k)


@pytest.mark.parametrize("width", [40, 43])  # 43: a tail past the 8-wide vectors
def test_act_and_mul(ops, width):
    gu = torch.randn(3, 2 * width) * 3
    gu[0, :6] = torch.tensor([0.0, -0.0, 90.0, -90.0, 1e-30, -200.0])  # exp's clamps and signed zero
    g, u = gu.chunk(2, -1)
    torch.testing.assert_close(ops.act_and_mul(gu, 0), F.silu(g) * u)
    torch.testing.assert_close(ops.act_and_mul(gu, 1), F.gelu(g, approximate="tanh") * u)
    with pytest.raises(RuntimeError, match="act must be"):
        ops.act_and_mul(gu, 2)


@pytest.mark.parametrize("window, softcap", [(0, 0.0), (5, 0.0), (0, 2.0)])
def test_paged_decode_attention(ops, window, softcap):
    torch.manual_seed(0)
    blocks, bs, hkv, hq, d = 12, 4, 2, 6, 16
    kc, vc = torch.randn(blocks, bs, hkv, d), torch.randn(blocks, bs, hkv, d)
    table = torch.tensor([[3, 7, 1, 0], [9, 2, 0, 0]])
    lens = torch.tensor([14, 6])
    q = torch.randn(2, hq, d)
    got = ops.paged_decode_attention(q, kc, vc, table, lens, 0.25, window, softcap)
    for b in range(2):
        n = int(lens[b])
        slots = torch.tensor([int(table[b, j // bs]) * bs + j % bs for j in range(n)])
        k = kc.view(-1, hkv, d)[slots].repeat_interleave(hq // hkv, dim=1)  # [n, hq, d]
        v = vc.view(-1, hkv, d)[slots].repeat_interleave(hq // hkv, dim=1)
        scores = torch.einsum("hd,nhd->hn", q[b], k) * 0.25
        if softcap:
            scores = softcap * torch.tanh(scores / softcap)
        if window:
            scores[:, : max(0, n - window)] = float("-inf")
        want = torch.einsum("hn,nhd->hd", scores.softmax(-1), v)
        torch.testing.assert_close(got[b], want, rtol=1e-5, atol=1e-5)


def _reference_decode(q, kc, vc, table, lens, bs, scale, window, softcap):
    """[B, Hq, D] attention of each q row over its sequence's cached keys, in plain torch."""
    hq, hkv, d = q.shape[1], kc.shape[2], q.shape[2]
    outs = []
    for b in range(q.shape[0]):
        n = int(lens[b])
        slots = torch.tensor([int(table[b, j // bs]) * bs + j % bs for j in range(n)])
        k = kc.view(-1, hkv, d)[slots].repeat_interleave(hq // hkv, dim=1)
        v = vc.view(-1, hkv, d)[slots].repeat_interleave(hq // hkv, dim=1)
        scores = torch.einsum("hd,nhd->hn", q[b], k) * scale
        if softcap:
            scores = softcap * torch.tanh(scores / softcap)
        if window:
            scores[:, : max(0, n - window)] = float("-inf")
        outs.append(torch.einsum("hn,nhd->hd", scores.softmax(-1), v))
    return torch.stack(outs)


@pytest.mark.parametrize("d, window, softcap", [(64, 0, 0.0), (64, 7, 0.0), (16, 0, 3.0), (128, 0, 0.0)])
def test_decode_attention_qkv_writes_the_cache_and_attends(ops, d, window, softcap):
    torch.manual_seed(1)
    blocks, bs, hkv, hq = 16, 4, 2, 6
    kc, vc = torch.randn(blocks, bs, hkv, d), torch.randn(blocks, bs, hkv, d)
    table = torch.tensor([[3, 7, 1, 0, 5], [9, 2, 12, 0, 0]])
    lens = torch.tensor([18, 9])  # each sequence's new token is its last position
    slots = torch.stack([table[b, (lens[b] - 1) // bs] * bs + (lens[b] - 1) % bs for b in range(2)])
    qkv = torch.randn(2, (hq + 2 * hkv) * d)
    angles = torch.rand(2, d // 2) * 6
    cos, sin = torch.cat([angles.cos()] * 2, -1), torch.cat([angles.sin()] * 2, -1)
    q, k, v = qkv.split([hq * d, hkv * d, hkv * d], dim=-1)
    q = apply_rotary(q.reshape(2, hq, d), cos[:, None], sin[:, None])
    k = apply_rotary(k.reshape(2, hkv, d), cos[:, None], sin[:, None])
    want_kc, want_vc = kc.clone(), vc.clone()
    want_kc.view(-1, hkv, d)[slots] = k
    want_vc.view(-1, hkv, d)[slots] = v.reshape(2, hkv, d)
    want = _reference_decode(q, want_kc, want_vc, table, lens, bs, 0.125, window, softcap)

    got = ops.decode_attention_qkv(qkv, cos, sin, kc, vc, slots, table, lens, hq, 0.125, window, softcap)
    torch.testing.assert_close(kc, want_kc)  # the new keys went in rotated, the values as they were
    torch.testing.assert_close(vc, want_vc)
    torch.testing.assert_close(got.view(2, hq, d), want, rtol=1e-5, atol=1e-5)
    with pytest.raises(RuntimeError, match="slot out of range"):
        ops.decode_attention_qkv(qkv, cos, sin, kc, vc, torch.tensor([0, blocks * bs]), table, lens, hq, 0.1, 0, 0.0)
    with pytest.raises(RuntimeError, match="features"):
        ops.decode_attention_qkv(qkv, cos, sin, kc, vc, slots, table, lens, hq + 2, 0.1, 0, 0.0)


def test_a_prompt_chunk_row_by_row_covers_every_row(ops):
    """A prompt chunk's rows as decodes (contexts 1..128, as the runner attends a fresh prompt):
    the thread pool splits them into runs of equal work, not equal count, and every row is the
    reference attention up to its own position."""
    torch.manual_seed(3)
    blocks, bs, hkv, hq, d, rows = 12, 16, 3, 9, 64, 128
    kc, vc = torch.randn(blocks, bs, hkv, d), torch.randn(blocks, bs, hkv, d)
    table = torch.randperm(blocks)[:rows // bs].repeat(rows, 1).contiguous()
    lens = torch.arange(1, rows + 1)
    q = torch.randn(rows, hq, d)
    got = ops.paged_decode_attention(q, kc, vc, table, lens, 0.125, 0, 0.0)
    torch.testing.assert_close(got, _reference_decode(q, kc, vc, table, lens, bs, 0.125, 0, 0.0),
                               rtol=1e-5, atol=1e-5)


def test_decode_attention_does_not_depend_on_the_batch(ops):
    """A long context runs on the thread pool, a short one on one thread: a sequence's result is
    bit-identical alone and next to others (batch invariance)."""
    torch.manual_seed(2)
    blocks, bs, hkv, hq, d = 300, 16, 3, 9, 64
    kc, vc = torch.randn(blocks, bs, hkv, d), torch.randn(blocks, bs, hkv, d)
    table = torch.randperm(blocks)[:256].view(2, 128)
    lens = torch.tensor([2000, 37])
    q = torch.randn(2, hq, d)
    both = ops.paged_decode_attention(q, kc, vc, table, lens, 0.125, 0, 0.0)
    for b in range(2):
        alone = ops.paged_decode_attention(q[b:b + 1], kc, vc, table[b:b + 1], lens[b:b + 1], 0.125, 0, 0.0)
        assert torch.equal(alone[0], both[b])
    torch.testing.assert_close(both, _reference_decode(q, kc, vc, table, lens, bs, 0.125, 0, 0.0),
                               rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kv_dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("d, window", [(64, 0), (64, 7), (24, 0)])
def test_narrow_caches_are_read_as_their_fp32_values(ops, kv_dtype, d, window):
    """fp16/bf16 caches: the new keys and values are written rounded (as torch's .to() rounds), and
    attention over them is bit-identical to attention over the same values held as fp32."""
    torch.manual_seed(3)
    blocks, bs, hkv, hq = 16, 4, 2, 6
    kc, vc = torch.randn(blocks, bs, hkv, d).to(kv_dtype), torch.randn(blocks, bs, hkv, d).to(kv_dtype)
    table = torch.tensor([[3, 7, 1, 0, 5], [9, 2, 12, 0, 0]])
    lens = torch.tensor([18, 9])
    slots = torch.stack([table[b, (lens[b] - 1) // bs] * bs + (lens[b] - 1) % bs for b in range(2)])
    qkv = torch.randn(2, (hq + 2 * hkv) * d)
    angles = torch.rand(2, d // 2) * 6
    cos, sin = torch.cat([angles.cos()] * 2, -1), torch.cat([angles.sin()] * 2, -1)
    wide_k, wide_v = kc.float(), vc.float()
    want = ops.decode_attention_qkv(qkv, cos, sin, wide_k, wide_v, slots, table, lens, hq, 0.125, window, 0.0)
    got = ops.decode_attention_qkv(qkv, cos, sin, kc, vc, slots, table, lens, hq, 0.125, window, 0.0)
    assert torch.equal(kc, wide_k.to(kv_dtype)) and torch.equal(vc, wide_v.to(kv_dtype))  # rounded writes
    q = torch.randn(2, hq, d)
    assert torch.equal(ops.paged_decode_attention(q, kc, vc, table, lens, 0.125, window, 0.0),
                       ops.paged_decode_attention(q, kc.float(), vc.float(), table, lens, 0.125, window, 0.0))
    # the step's own attention read its new key and value as rounded into the cache
    q_rot = apply_rotary(qkv[:, :hq * d].reshape(2, hq, d), cos[:, None], sin[:, None])
    rounded = ops.paged_decode_attention(q_rot, kc.float(), vc.float(), table, lens, 0.125, window, 0.0)
    # (q's rope here is torch's, the op's its own fma: the same tolerance as the fp32 test above)
    near = float((got.view(2, hq, d) - rounded).abs().max())
    assert near <= 1e-5 and near < float((got - want).abs().max()) / 10  # and not as an fp32 cache holds it
    with pytest.raises(RuntimeError, match="both of one type"):
        ops.paged_decode_attention(q, kc, vc.float(), table, lens, 0.125, 0, 0.0)


@pytest.mark.parametrize("d, window", [(64, 0), (64, 7), (24, 0)])
def test_int8_caches_are_written_as_torch_rounds_them_and_read_with_their_scales(ops, d, window):
    """int8 rows (codes, then an fp32 scale): the op's cache writes are byte-identical to
    kv_cache.quantize_rows, and attention over them equals attention over the dequantized rows
    (the scales move from the keys to the finished scores: fp32 rounding apart, the same sums)."""
    from ketch.layers import kv_cache

    torch.manual_seed(4)
    blocks, bs, hkv, hq = 16, 4, 2, 6
    kc = kv_cache.quantize_rows(torch.randn(blocks, bs, hkv, d) * 3)
    vc = kv_cache.quantize_rows(torch.randn(blocks, bs, hkv, d))
    assert kc.dtype == torch.int8 and kc.shape == (blocks, bs, hkv, d + 4)
    table = torch.tensor([[3, 7, 1, 0, 5], [9, 2, 12, 0, 0]])
    lens = torch.tensor([18, 9])
    slots = torch.stack([table[b, (lens[b] - 1) // bs] * bs + (lens[b] - 1) % bs for b in range(2)])
    qkv = torch.randn(2, (hq + 2 * hkv) * d)
    qkv[1, (hq + 1) * d:(hq + 2) * d] = 0.0  # an all-zero key row: scale 0, codes 0
    angles = torch.rand(2, d // 2) * 6
    cos, sin = torch.cat([angles.cos()] * 2, -1), torch.cat([angles.sin()] * 2, -1)
    want_k, want_v = kc.clone(), vc.clone()
    k_new = apply_rotary(qkv[:, hq * d:(hq + hkv) * d].reshape(2, hkv, d), cos[:, None], sin[:, None])
    kv_cache.write(want_k, slots, k_new)
    kv_cache.write(want_v, slots, qkv[:, (hq + hkv) * d:].reshape(2, hkv, d))
    got = ops.decode_attention_qkv(qkv, cos, sin, kc, vc, slots, table, lens, hq, 0.125, window, 0.0)
    # rope: torch's expression here, the op's own fma, so a code may sit one step apart
    assert torch.equal(vc, want_v)
    assert int((kc[..., :d].int() - want_k[..., :d].int()).abs().max()) <= 1
    q = torch.randn(2, hq, d)
    wide_k, wide_v = (kv_cache.dequantize_rows(c, torch.float32) for c in (kc, vc))
    torch.testing.assert_close(ops.paged_decode_attention(q, kc, vc, table, lens, 0.125, window, 0.0),
                               ops.paged_decode_attention(q, wide_k, wide_v, table, lens, 0.125, window, 0.0),
                               rtol=1e-5, atol=1e-5)
    q_rot = apply_rotary(qkv[:, :hq * d].reshape(2, hq, d), cos[:, None], sin[:, None])
    torch.testing.assert_close(got.view(2, hq, d), _reference_decode(q_rot, wide_k, wide_v, table, lens, bs, 0.125,
                                                                     window, 0.0), rtol=1e-5, atol=1e-5)


def test_int8_rows_round_trip_within_half_a_step():
    from ketch.layers import kv_cache

    x = torch.randn(50, 3, 40) * torch.logspace(-3, 3, 50)[:, None, None]
    x[0, 0] = 0.0
    rows = kv_cache.quantize_rows(x)
    back = kv_cache.dequantize_rows(rows, torch.float32)
    step = x.abs().amax(-1, keepdim=True) / 127
    # half a step of rounding, plus the fp32 roundings of x * (127 / max) and code * scale
    assert bool(((back - x).abs() <= step * (0.5 + 127 * 2 * 2.0 ** -23) + 1e-45).all())
    assert torch.equal(back[0, 0], torch.zeros(40))
    assert int(rows[..., :40].abs().max()) == 127
