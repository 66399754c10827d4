"""Model families and the function that builds one from a ModelSource."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import torch
from tqdm import tqdm

from ketch.models.registry import get_model_class
from ketch.quant.arena import gather_weights
from ketch.quant.linear import tile_linears

if TYPE_CHECKING:
    from ketch.formats.loader import ModelSource
    from ketch.kernels.policy import KernelConfig


def load_model(source: "ModelSource", device: torch.device, dtype: torch.dtype,
               keep_packed: bool = False, kernel_policy: "KernelConfig | None" = None) -> torch.nn.Module:
    """Instantiate the architecture on ``device`` in ``dtype`` and stream the weights in.

    With ``keep_packed``, weights the packed kernels read stay quantized in memory and run as
    ``kernel_policy`` says (default: the CPU's best, not batch-invariant).
    """
    cls = get_model_class(source.config.architecture)
    # Built on "meta": no memory until each weight arrives, so a packed model never holds a
    # float copy of itself and a big checkpoint is not allocated twice.
    with torch.device("meta"):
        prev = torch.get_default_dtype()
        torch.set_default_dtype(dtype)
        try:
            model = cls(source.config, device, dtype)
        finally:
            torch.set_default_dtype(prev)
    weights = tqdm(source.iter_weights(keep_packed), desc=f"loading {source.path.name}", unit=" tensors",
                   disable=not sys.stderr.isatty(), leave=False)
    model.load_weights(weights)
    if kernel_policy is not None:
        model.scratch.policy = kernel_policy
        tile_linears(model, kernel_policy)
    if device.type == "cpu":
        model.weight_arena = gather_weights(model)  # decode streams the weights: huge pages
    return model.eval().requires_grad_(False)


def count_parameters(model: torch.nn.Module) -> int:
    """Parameters as stored once (a tied LM head is not counted twice); packed weights count as
    the float weights they stand for."""
    dense = sum(p.numel() for p in model.parameters())
    return dense + sum(getattr(m, "num_weights", 0) for m in model.modules())
