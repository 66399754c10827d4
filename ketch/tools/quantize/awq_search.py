"""AWQ (Lin et al., 2023): protect the input channels that carry large activations by scaling them.

A linear layer computes W x = (W diag(s)) (x / s). Scaling a channel's weights up by s before
rounding divides that channel's relative rounding error by s; the 1/s on the input is folded into
the op that produces x (an RMSNorm weight, or the rows of the previous linear), so it costs
nothing at run time. The scale per channel is ``mean|x|^a / mean|w_normalized|^(1-a)``, with the
exponent ``a`` picked on a grid to minimise the layer's output error on calibration inputs.
A second search then clips each group's weight range (shrinking its max |w|) where that lowers the
output error.
"""
from __future__ import annotations

import torch

from ketch.tools.quantize.rtn import fake_quantize, grouped, minmax_params, to_codes, ungrouped

GRID = 20


def search_scales(x: torch.Tensor, w: torch.Tensor, group: int, bits: int, grid: int = GRID) -> torch.Tensor:
    """Best per-input-channel scales [K] for weight w [N, K] fed by inputs x [T, K].

    Several layers fed by the same input (q/k/v, gate/up) are searched together as one stacked w.
    """
    n, k = w.shape
    x_mean = x.abs().mean(0)
    wg = grouped(w.abs(), group)
    w_mean = (wg / wg.amax(-1, keepdim=True).clamp(min=1e-8)).reshape(n, -1)[:, :k].mean(0)
    reference = x @ w.T
    best, best_loss = torch.ones(k), float("inf")
    for step in range(grid):
        a = step / grid
        s = (x_mean.pow(a) / (w_mean.pow(1 - a) + 1e-4)).clamp(min=1e-4)
        s = s / (s.max() * s.min()).sqrt()  # centre the scales around 1 (keeps fp16 ranges sane)
        wq = fake_quantize(w * s, group, bits) / s
        loss = float((x @ wq.T - reference).pow(2).mean())
        if loss < best_loss:
            best, best_loss = s, loss
    return best


def search_clip(x: torch.Tensor, w: torch.Tensor, group: int, bits: int, grid: int = GRID,
                max_shrink: float = 0.5, rows_per_pass: int = 256) -> torch.Tensor:
    """Per (output row, group) clip value [N, K/g] for w [N, K] with inputs x [T, K].

    Each group's partial output sum_j x_j w_j is compared before and after rounding the clipped
    weights; groups are independent, so each keeps its own best clip.
    """
    n, k = w.shape
    xg = grouped(x, group)
    if xg.shape[-2] * xg.shape[-1] != k:  # a short last group: padded inputs must add nothing
        xg = grouped(torch.cat((x, x.new_zeros(x.shape[0], xg.shape[-2] * xg.shape[-1] - k)), 1), group)
    result = torch.empty(n, xg.shape[1])
    for r0 in range(0, n, rows_per_pass):
        wr = grouped(w[r0:r0 + rows_per_pass], group)
        full = wr.abs().amax(-1)  # [n_r, G]
        reference = torch.einsum("tgj,ngj->ntg", xg, wr)
        best, best_err = full.clone(), torch.full_like(full, float("inf"))
        for step in range(int(max_shrink * grid)):
            limit = full * (1 - step / grid)
            clipped = torch.maximum(torch.minimum(wr, limit.unsqueeze(-1)), -limit.unsqueeze(-1))
            scale, zero = minmax_params(clipped, bits)
            scale, zero = scale.unsqueeze(-1), zero.unsqueeze(-1)
            wq = (to_codes(clipped, scale, zero, bits) - zero) * scale
            err = (torch.einsum("tgj,ngj->ntg", xg, wq) - reference).pow(2).mean(1)
            better = err < best_err
            best_err = torch.where(better, err, best_err)
            best = torch.where(better, limit, best)
        result[r0:r0 + rows_per_pass] = best
    return result


def apply_clip(w: torch.Tensor, limit: torch.Tensor, group: int) -> torch.Tensor:
    """Clamp each (row, group) of w [N, K] to ±limit [N, G]."""
    lim = ungrouped(limit.unsqueeze(-1).expand(*grouped(w, group).shape), w.shape[1])
    return torch.maximum(torch.minimum(w, lim), -lim)
