"""Error bounds derived from the arithmetic of a path, for tests that compare against float64.

A dot product of length K summed in a float type with unit roundoff u is off from the exact sum
by at most gamma(K) * sum|x_k w_k|, gamma(n) = n u / (1 - n u) (Higham, Accuracy and Stability of
Numerical Algorithms, 3.1); inputs first rounded to a narrower type (bf16: u = 2^-8) add 2 u of
each product. These are worst cases, so they hold for every BLAS, blocking order and CPU.
"""
from __future__ import annotations

import torch

FP32_U = 2.0 ** -24
BF16_U = 2.0 ** -8


def gamma(n: int, u: float = FP32_U) -> float:
    assert n * u < 1
    return n * u / (1 - n * u)


def assert_within_gemm_bound(got: torch.Tensor, x: torch.Tensor, w: torch.Tensor,
                             bias: torch.Tensor | None = None, input_u: float = 0.0) -> None:
    """``got`` ~ x @ w.T (+ bias) computed in fp32 (inputs rounded with unit ``input_u`` first)."""
    x64, w64 = x.double(), w.double()
    want = x64 @ w64.T
    mag = x64.abs() @ w64.abs().T
    k = x.shape[-1]
    bound = (gamma(k + 1) + 2 * input_u + input_u ** 2) * mag
    if bias is not None:  # one more fp32 addition
        want = want + bias.double()
        bound = bound + FP32_U * (want.abs() + bound)
    err = (got.double() - want).abs()
    worst = float((err - bound).max())
    assert worst <= 0, f"off by up to {float(err.max()):.3g}, beyond the derived bound by {worst:.3g}"


def kernel_center(w) -> int:
    """What the packed kernels subtract from a weight's codes before the integer dot product (and
    add back through the block sums): the centering of unsigned codes."""
    if w.scheme == "q8":
        return w.offset
    return {"q4": 8, "q4x16": 8, "q5": 16, "q4_k": 8, "q5_k": 16, "q2_k": 2}.get(w.scheme, 0) if w.m is not None else 0


def assert_within_packed_bound(got: torch.Tensor, x: torch.Tensor, w, levels: int) -> None:
    """``got`` ~ x @ W.T from a packed kernel whose activations are rounded per 32-block with step
    max|x_block| / ``levels``, multiplying the centered integer part of each weight exactly.

    Rounding: each activation is off by at most step / 2, and it multiplies (code - center) * scale,
    so each output is off by sum |(code - center) scale| step / 2. Float sums: each output is a
    chain of at most K/4 + 16 rounded operations on terms no larger than |x| |W| (integer part and
    min/center part apart), so gamma(K/4 + 16) of those magnitudes covers every blocking order.
    """
    assert w.perm is None, "pass the weight in its planes' column order (and x permuted to it)"
    n, k = w.shape
    codes, scale, _ = w.decode()
    centered = ((codes.double() - kernel_center(w)) * scale.double()).reshape(n, k)
    dense = w.dequantize().double()
    offset = dense - centered  # what enters through the block sums
    m = x.shape[0]
    x64 = x.double()
    step = x64.view(m, k // 32, 32).abs().amax(-1) / levels  # [M, K/32]
    rounding = (centered.abs().view(n, k // 32, 32).sum(-1) @ (step / 2).T).T
    x_abs = x64.abs() + step.repeat_interleave(32, dim=1) / 2
    floats = gamma(k // 4 + 16) * (x_abs @ centered.abs().T + x64.abs() @ offset.abs().T)
    want = x64 @ dense.T
    err = (got.double() - want).abs()
    worst = float((err - rounding - floats).max())
    assert worst <= 0, f"off by up to {float(err.max()):.3g}, beyond the derived bound by {worst:.3g}"
