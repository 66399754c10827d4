"""Kernel policies for every ISA level this machine runs, so one machine tests every path."""
from __future__ import annotations

from dataclasses import replace

import pytest

from ketch.kernels.policy import KernelConfig, supported_isas
from ketch.quant.linear import DequantScratch


def isa_params() -> list:
    """pytest params over ISA_LEVELS, skipped where this CPU truly lacks the level."""
    from ketch.kernels.policy import ISA_LEVELS

    have = set(supported_isas())
    return [pytest.param(level, marks=pytest.mark.skipif(level not in have, reason=f"this CPU lacks {level}"))
            for level in ISA_LEVELS]


def policy_for(isa: str, **fields) -> KernelConfig:
    return replace(KernelConfig.for_cpu(isa=isa), **fields)


def scratch_for(isa: str, **fields) -> DequantScratch:
    return DequantScratch(policy_for(isa, **fields))
