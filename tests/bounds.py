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
