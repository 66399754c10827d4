"""GPTQ (Frantar et al., 2022): round one input column at a time and push each column's rounding
error onto the columns not yet rounded, weighted by the inverse Hessian of the layer's inputs.

For a linear layer with calibration inputs X [T, K], the Hessian of the output error is
H = X^T X. Rounding column i with error e changes the best remaining weights by
-e / Hinv[i, i] * Hinv[i, i:], which a Cholesky factor of Hinv gives row by row. Columns are
processed in blocks: inside a block updates are applied at once per column, the rest of the
matrix receives the block's accumulated error in one GEMM ("lazy batch" updates).
"""
from __future__ import annotations

import torch

from ketch.formats.gptq import group_index
from ketch.tools.quantize.rtn import grouped, minmax_params, num_groups, to_codes


class HessianAccumulator:
    """Running X^T X over calibration inputs of one layer (float64: sums over 10^4-10^5 tokens)."""

    def __init__(self, features: int) -> None:
        self.h = torch.zeros(features, features, dtype=torch.float64)
        self.tokens = 0

    def add(self, x: torch.Tensor) -> None:
        x = x.reshape(-1, x.shape[-1]).double()
        self.h.addmm_(x.T, x)
        self.tokens += x.shape[0]


def gptq_quantize(w: torch.Tensor, h: torch.Tensor, group: int, bits: int, damp: float = 0.01,
                  block: int = 128, act_order: bool = True) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """w [N, K], h [K, K] -> codes int32 [K, N], zeros int32 [G, N], scales float [G, N].

    Same grid and outputs as :func:`ketch.tools.quantize.rtn.rtn_quantize` (group -1: one group per output
    channel; a short last group when K is not a multiple of it); only the choice of codes differs.

    ``act_order`` rounds the columns with the largest input energy (diag H) first, while they can
    still pass their error on to many columns; without it, outlier channels late in the order get
    rounded with nobody left to absorb the error. Groups stay contiguous runs of the original
    columns ("static groups", fitted on the original weights), so the checkpoint needs no
    act-order ``g_idx`` and stays packable. Without ``act_order``, a group's parameters are fitted
    when its first column is reached, on the weights as GPTQ has updated them by then.
    """
    n, k = w.shape
    w = w.detach().float().clone()
    h = h.detach().double().clone()
    dead = h.diagonal() == 0  # inputs that never fire: their weights do not matter
    h[dead, dead] = 1.0
    w[:, dead] = 0.0
    h.diagonal().add_(damp * h.diagonal().mean())

    col_group = group_index(k, group)
    static = act_order or group == -1
    scales = torch.empty(num_groups(k, group), n)
    zeros = torch.empty(num_groups(k, group), n)
    if static:
        fitted = minmax_params(grouped(w, group), bits)  # [N, G] each
        scales.copy_(fitted[0].T)
        zeros.copy_(fitted[1].T)
        block = max(1, block)
    else:
        block = group * max(1, block // group)  # blocks hold whole groups, so a group's columns are all current
    order = torch.argsort(h.diagonal(), descending=True, stable=True) if act_order else torch.arange(k)
    w, h = w[:, order], h[order][:, order]
    hinv = _upper_cholesky_of_inverse(h).float()
    wt = w.T.contiguous()  # [K, N]: one input column per contiguous row, so every update is a dense BLAS call
    codes = torch.empty(k, n, dtype=torch.int32)
    threads = torch.get_num_threads()
    # The column loop is thousands of tiny ops: thread fork/join costs more than it saves, and
    # on a loaded machine a 2-thread op can wait milliseconds for its second core (measured 150x).
    torch.set_num_threads(1)
    try:
        _solve(wt, hinv, codes, scales, zeros, col_group[order].tolist(), None if static else group, block, bits)
    finally:
        torch.set_num_threads(threads)
    unpermuted = torch.empty_like(codes)
    unpermuted[order] = codes
    return unpermuted, zeros.to(torch.int32), scales


def _solve(wt: torch.Tensor, hinv: torch.Tensor, codes: torch.Tensor, scales: torch.Tensor, zeros: torch.Tensor,
           col_group: list[int], fit_group: int | None, block: int, bits: int) -> None:
    """The column loop over wt [K, N] (columns in processing order); ``fit_group`` set: fit each
    group's parameters at its first column."""
    k = wt.shape[0]
    for b0 in range(0, k, block):
        b1 = min(b0 + block, k)
        wb = wt[b0:b1]  # a view: updates land in wt
        errs = torch.empty_like(wb)
        hb = hinv[b0:b1, b0:b1]
        for i in range(b1 - b0):
            col = b0 + i
            gi = col_group[col]
            if fit_group is not None and col % fit_group == 0:
                scales[gi], zeros[gi] = minmax_params(wb[i:i + fit_group].T, bits)
            s, z = scales[gi], zeros[gi]
            q = to_codes(wb[i], s, z, bits)
            codes[col] = q.to(torch.int32)
            err = errs[i]
            torch.sub(wb[i], (q - z) * s, out=err)
            err.div_(hb[i, i])
            wb[i:].addr_(hb[i, i:], err, alpha=-1.0)
        if b1 < k:
            wt[b1:].addmm_(hinv[b0:b1, b1:].T, errs, alpha=-1.0)


def _upper_cholesky_of_inverse(h: torch.Tensor) -> torch.Tensor:
    """Upper Cholesky factor of H^-1; on a numerically indefinite H, add damping until it factors."""
    eye = torch.eye(h.shape[0], dtype=h.dtype)
    extra = 0.0
    for _ in range(8):
        try:
            lower = torch.linalg.cholesky(h + extra * eye)
            # cholesky_solve against I, not cholesky_inverse: same result, ~20x faster on CPU here
            return torch.linalg.cholesky(torch.cholesky_solve(eye, lower), upper=True)
        except torch.linalg.LinAlgError:
            extra = max(extra * 10, 1e-6 * float(h.diagonal().mean()))
    raise ValueError("the calibration Hessian is not positive definite even with damping; "
                     "use more (or more varied) calibration text")
