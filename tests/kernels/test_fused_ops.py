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


def test_act_and_mul(ops):
    gu = torch.randn(3, 2 * 40) * 3
    g, u = gu.chunk(2, -1)
    torch.testing.assert_close(ops.act_and_mul(gu, 0), F.silu(g) * u)
    torch.testing.assert_close(ops.act_and_mul(gu, 1), F.gelu(g, approximate="tanh") * u)


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
