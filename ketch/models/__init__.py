"""Model families and the function that builds one from a ModelSource."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import torch
from tqdm import tqdm

from ketch.models.registry import get_model_class

if TYPE_CHECKING:
    from ketch.formats.loader import ModelSource


def load_model(source: "ModelSource", device: torch.device, dtype: torch.dtype) -> torch.nn.Module:
    """Instantiate the architecture on ``device`` in ``dtype`` and stream the weights in."""
    cls = get_model_class(source.config.architecture)
    with torch.device(device):
        prev = torch.get_default_dtype()
        torch.set_default_dtype(dtype)
        try:
            model = cls(source.config, device, dtype)
        finally:
            torch.set_default_dtype(prev)
    weights = tqdm(source.iter_weights(), desc=f"loading {source.path.name}", unit=" tensors",
                   disable=not sys.stderr.isatty(), leave=False)
    model.load_weights(weights)
    return model.eval().requires_grad_(False)


def count_parameters(model: torch.nn.Module) -> int:
    """Parameters as stored once (a tied LM head is not counted twice)."""
    return sum(p.numel() for p in model.parameters())
