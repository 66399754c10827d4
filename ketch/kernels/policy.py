"""Which CPU kernels run, decided once when a model loads and passed down frozen.

ISA levels, lowest first:

    avx2         AVX2 + FMA + F16C: int16 activations in the packed kernels (two int8 planes, the
                 same precision, on q4x16 weights); prompt rows and big batches as int16 GEMMs on
                 the packed codes (vpmaddwd, kernels/csrc/int16_gemm.cpp)
    avx_vnni     + 256-bit vpdpbusd (AVX-VNNI on client cores; AVX-512 VNNI machines run it in its
                 256-bit form): the q4x16 kernel on vpdpbusd, with the AVX2 kernel's bits; prompt
                 rows as the int8 GEMM in 256-bit vectors (kernels/csrc/int8_gemm256.cpp); the
                 rest as avx2
    avx512       AVX-512 F/BW/VL/DQ: the avx2 kernels (ketch has no AVX-512 kernels without VNNI)
    avx512_vnni  + VNNI: q4/q8 kernels on two int8 activation planes (vpdpbusd), many-row products
                 as int8 GEMMs on the packed codes
    amx          + AMX bf16 tiles: many-row products on tiles, weights dequantized 16 rows at a time

avx_vnni and avx512 are side by side (Alder Lake has the first, Skylake-X the second); avx512_vnni
includes both. ``at_least`` follows that inclusion, not the tuple's order.

The level is the CPU's best, or a lower one forced with ``KETCH_ISA`` (how tests prove every path
on one machine); ``KETCH_Q4_ACTS`` picks the q4/q8 activation rounding, ``KETCH_Q4_TILES=0`` keeps
q4 weights in the row layout, and ``KETCH_DISABLE_AMX=1`` keeps a CPU with AMX at ``avx512_vnni``. Below AVX2 the kernels are not used at all.

Below AMX, q4 linear weights are interleaved 16 rows at a time at load ("q4x16", kernels/csrc/
q4x16.cpp): the few-row kernels run 1.5-2.6x faster on them than on the row layout.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

import torch

log = logging.getLogger(__name__)

ISA_LEVELS = ("avx2", "avx_vnni", "avx512", "avx512_vnni", "amx")
# The levels each one includes (its kernels may run any of theirs).
_INCLUDES = {"avx2": {"avx2"}, "avx_vnni": {"avx2", "avx_vnni"}, "avx512": {"avx2", "avx512"},
             "avx512_vnni": {"avx2", "avx_vnni", "avx512", "avx512_vnni"}, "amx": set(ISA_LEVELS)}
# q4x16_linear's kernel codes (kernels/csrc/q4x16.h)
TILE_KERNELS = {"avx2": 0, "avx512_vnni": 1, "vnni256": 2}
# q4/q8 activation rounding per 32-block (packed.h's top): the code the kernels take.
ACT_MODES = {"int16": 0, "int8": 1, "int8x2": 2}
PROMPT_GEMMS = ("amx", "int8", "int16", "dense")
# Up to this many rows the packed kernel beats a many-row product (measured on SmolLM2's shapes).
MAX_KERNEL_ROWS = 8


@dataclass(frozen=True, slots=True)
class KernelConfig:
    """Kernel policy for one model: fixed at load, read by every packed layer."""

    isa: str = "avx2"  # one of ISA_LEVELS
    decode_acts: str = "int16"  # activation rounding of the few-row q4 kernels (ACT_MODES)
    # ... and of the few-row q8 kernels: int16 by default everywhere, since on Zen 4 its int16
    # path beat the VNNI one at 1-8 rows (SmolLM2's Q8_0 head: 903 vs 1,397 us at one row)
    q8_acts: str = "int16"
    prompt_gemm: str = "dense"  # many-row products of packed weights: one of PROMPT_GEMMS
    prompt_planes: int = 2  # int8 GEMM: activation planes per 32-block (2 = the decode kernels' precision)
    # A row's result never depends on which rows share its batch: generated-token rows go through
    # the packed kernels, prompt rows through row-independent products (AMX, int8 GEMM, or dense
    # GEMMs of a fixed row count).
    batch_invariant: bool = False
    gemm_dtype: torch.dtype | None = None  # dense many-row GEMMs (None: the activations' dtype)
    max_kernel_rows: int = MAX_KERNEL_ROWS  # products with more rows use prompt_gemm
    max_sample_rows: int = 0  # batch-invariant LM head: up to this many rows (one per sequence) in the kernel
    # q4 linear weights interleaved 16 rows at a time at load (kernels/csrc/q4x16.cpp); the
    # many-row product must read the layout (the int8 GEMM and the dense path do; AMX's panels not)
    q4_tiles: bool = False
    # q4x16 products of more than max_kernel_rows rows (a batch of generated tokens) run as the
    # int16 GEMM with the AVX2 q4x16 kernel's activation rounding: the kernel's bits exactly
    # (int16_gemm.h), so batch invariance holds, at 1.2-1.4x its speed from 12 to 32 rows on Zen 3
    tile_gemm: bool = False

    def __post_init__(self) -> None:
        if self.isa not in ISA_LEVELS:
            raise ValueError(f"unknown ISA level {self.isa!r} (one of {', '.join(ISA_LEVELS)})")
        for acts in (self.decode_acts, self.q8_acts):
            if acts not in ACT_MODES:
                raise ValueError(f"unknown activation mode {acts!r} (one of {', '.join(ACT_MODES)})")
            if acts != "int16" and not at_least(self.isa, "avx512_vnni"):
                raise ValueError(f"activation mode {acts} needs AVX-512 VNNI; the ISA level is {self.isa}")
        if self.prompt_gemm not in PROMPT_GEMMS:
            raise ValueError(f"unknown many-row product {self.prompt_gemm!r} (one of {', '.join(PROMPT_GEMMS)})")
        needs = {"amx": "amx", "int8": "avx_vnni"}.get(self.prompt_gemm)
        if needs and not at_least(self.isa, needs):
            raise ValueError(f"many-row product {self.prompt_gemm} needs ISA level {needs}, not {self.isa}")
        if self.prompt_planes not in (1, 2):
            raise ValueError(f"prompt_planes must be 1 or 2, got {self.prompt_planes}")
        if self.tile_gemm and not (self.q4_tiles and self.tile_kernel != "avx512_vnni" and self.tile_planes == 2):
            raise ValueError("tile_gemm needs q4 tiles and the AVX2 (or 256-bit VNNI) q4x16 kernel on two planes "
                             "(whose bits it reproduces)")
        if self.q4_tiles and self.prompt_gemm == "amx":
            raise ValueError("q4 tiles need the int8 or dense many-row product: AMX's panels read the row layout")

    @property
    def decode_mode(self) -> int:
        """The activation-mode code q4_linear takes."""
        return ACT_MODES[self.decode_acts]

    @property
    def gemm_width(self) -> int:
        """The int8 GEMM's vector bits: 512 with AVX-512 VNNI, else 256 (int8_gemm256.cpp)."""
        return 512 if at_least(self.isa, "avx512_vnni") else 256

    @property
    def many_row_path(self) -> str:
        """The kernel_calls() name of the many-row product (tests prove it ran by it)."""
        if self.prompt_gemm == "int8":
            return "int8_gemm" if self.gemm_width == 512 else "int8_gemm256"
        return {"amx": "amx", "int16": "int16_gemm", "dense": "dequantize"}[self.prompt_gemm]

    @property
    def tile_planes(self) -> int:
        """int8 activation planes of the q4x16 kernel: one for "int8", else two (int16's precision)."""
        return 1 if self.decode_acts == "int8" else 2

    @property
    def tile_kernel(self) -> str:
        """Which q4x16 kernel runs (TILE_KERNELS): AVX-512 VNNI, 256-bit VNNI at avx_vnni, else AVX2."""
        if at_least(self.isa, "avx512_vnni"):
            return "avx512_vnni"
        return "vnni256" if self.isa == "avx_vnni" else "avx2"

    @property
    def q8_tiles(self) -> bool:
        """Whether Q8_0-style weights (linears, an embedding and its tied head) are interleaved 16
        rows at a time (kernels/csrc/q8x16.cpp): with the q4 tiles, where AVX-512 VNNI runs them."""
        return self.q4_tiles and self.tile_kernel == "avx512_vnni"

    @property
    def tile_code(self) -> int:
        """The kernel code q4x16_linear takes."""
        return TILE_KERNELS[self.tile_kernel]

    @property
    def q8_mode(self) -> int:
        """The activation-mode code q8_linear takes."""
        return ACT_MODES[self.q8_acts]

    @classmethod
    def for_cpu(cls, *, batch_invariant: bool = False, max_sample_rows: int = 0,
                isa: str | None = None, decode_acts: str | None = None) -> KernelConfig:
        """The best policy this CPU runs (``isa``/``decode_acts`` default to KETCH_ISA/KETCH_Q4_ACTS)."""
        level = resolve_isa(isa if isa is not None else os.environ.get("KETCH_ISA") or None)
        if level == "amx" and _flag("KETCH_DISABLE_AMX"):
            level = "avx512_vnni"
        acts = _usable_acts(decode_acts or os.environ.get("KETCH_Q4_ACTS")
                            or ("int8x2" if at_least(level, "avx512_vnni") else "int16"), level)
        # int8 GEMMs where vpdpbusd runs: 1.2-1.3x the int16 one in its 256-bit form on Zen 4
        gemm = {"amx": "amx", "avx512_vnni": "int8", "avx_vnni": "int8"}.get(level, "int16")
        # AMX tiles multiply bf16; the dense GEMM stays fp32 elsewhere (bf16 is slower there).
        gemm_dtype = torch.bfloat16 if level == "amx" else None
        q8 = _usable_acts(os.environ.get("KETCH_Q8_ACTS") or "int16", level)
        # AMX keeps the row layout: its tile panels read rows (and the AMX path is measured there)
        tiles = gemm != "amx" and os.environ.get("KETCH_Q4_TILES", "1") != "0"
        tile_gemm = tiles and not at_least(level, "avx512_vnni")  # there acts are int16: two planes
        return cls(level, acts, q8, gemm, 2, batch_invariant, gemm_dtype, MAX_KERNEL_ROWS, max_sample_rows, tiles,
                   tile_gemm)

    def describe(self) -> str:
        return (f"ISA {self.isa}: decode activations {self.decode_acts} (q8: {self.q8_acts}), "
                f"many-row products {self.prompt_gemm}"
                + (f" ({self.prompt_planes} int8 planes, {self.gemm_width}-bit)" if self.prompt_gemm == "int8" else "")
                + (" (int16 activations)" if self.prompt_gemm == "int16" else "")
                + (f", q4{' and q8' if self.q8_tiles else ''} weights in 16-row tiles ({self.tile_kernel} kernel)"
                   if self.q4_tiles else "")
                + (" (batches of them as int16 GEMMs with the tile kernel's bits)" if self.tile_gemm else "")
                + (", batch-invariant" if self.batch_invariant else ""))


def _usable_acts(acts: str, level: str) -> str:
    """``acts``, or int16 where an int8 mode is asked for and VNNI is not in use (the only other path)."""
    return acts if acts == "int16" or at_least(level, "avx512_vnni") else "int16"


def at_least(isa: str, level: str) -> bool:
    """Whether level ``isa`` includes ``level`` (runs its kernels)."""
    return level in _INCLUDES[isa]


def _flag(name: str) -> bool:
    value = os.environ.get(name, "")
    return bool(value) and value != "0"


@lru_cache(maxsize=1)
def cpu_isa() -> str | None:
    """The highest level of ISA_LEVELS this CPU (and OS) runs, from the kernels' CPUID probe; None
    when the kernels are unavailable (no AVX2/FMA/F16C, no compiler)."""
    from ketch.kernels import load_kernels

    kernels = load_kernels()
    if kernels is None:
        return None
    feats = kernels.cpu_features()
    level = "avx_vnni" if feats["avx_vnni"] else "avx2"
    if feats["avx512"]:
        level = "avx512"
        if feats["avx512_vnni"]:
            level = "avx512_vnni"
            if feats["amx"]:
                level = "amx"
    log.info("ketch: CPU kernels at ISA level %s (features: %s)", level,
             ", ".join(k for k, v in feats.items() if v))
    return level


def resolve_isa(requested: str | None) -> str:
    """``requested`` (a level at or below the CPU's), or the CPU's own; a clear error otherwise."""
    best = cpu_isa()
    if best is None:
        raise ValueError("the CPU kernels are unavailable here (they need AVX2, FMA and F16C and a C++ compiler)")
    if requested is None or requested == "auto":
        return best
    if requested not in ISA_LEVELS:
        raise ValueError(f"KETCH_ISA must be one of auto, {', '.join(ISA_LEVELS)}; got {requested!r}")
    if not at_least(best, requested):
        raise ValueError(f"KETCH_ISA={requested} is above what this CPU runs ({best}: "
                         f"{', '.join(supported_isas())})")
    return requested


def default_policy() -> KernelConfig:
    """The best kernel policy of this CPU (a plain one where the kernels are unavailable)."""
    return KernelConfig.for_cpu() if cpu_isa() is not None else KernelConfig()


def supported_isas() -> list[str]:
    """Every level this machine can run, lowest first (tests force each one)."""
    best = cpu_isa()
    return [] if best is None else [level for level in ISA_LEVELS if at_least(best, level)]
