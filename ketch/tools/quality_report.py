"""One table for the formats of a model: file size, weights in memory, perplexity, decode and
prefill speed, each measured by ketch's own engine in this process.

The default text is the GPL-3 license (bundled verbatim, as its terms allow): fixed, English,
~8k tokens, and never part of the calibration text of ``ketch quantize``.
"""
from __future__ import annotations

import gc
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

DEFAULT_TEXT = Path(__file__).resolve().parents[1] / "data" / "gpl-3.0.txt"
_WEIGHT_FILES = ("*.gguf", "*.safetensors", "*.bin", "*.pt", "*.pth")


@dataclass(slots=True)
class FormatReport:
    model: str
    quantization: str
    file_bytes: int
    weight_bytes: int  # parameters and packed buffers as held in memory
    packed: bool
    dtype: str
    ppl: float
    decode_tok_s: float
    prefill_tok_s: float


def file_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for pattern in _WEIGHT_FILES for f in path.glob(pattern))


def weight_bytes(model: torch.nn.Module) -> int:
    """Bytes of every parameter and buffer (shared tensors once): what the weights cost in memory."""
    seen: set[int] = set()
    total = 0
    for t in list(model.parameters()) + list(model.buffers()):
        if t.data_ptr() in seen:
            continue
        seen.add(t.data_ptr())
        total += t.numel() * t.element_size()
    return total


def measure(model: str, text: str, ctx: int = 512, dtype: str = "auto", prompt_tokens: int = 128,
            new_tokens: int = 64, keep_quantized: bool | None = None) -> FormatReport:
    """Load ``model`` and measure it (perplexity over ``text``; speed on slices of the same text)."""
    from ketch.llm import LLM
    from ketch.sampling import SamplingParams
    from ketch.tools.perplexity import perplexity

    llm = LLM(model, dtype=dtype, keep_quantized=keep_quantized, max_model_len=max(ctx, prompt_tokens + new_tokens),
              enable_prefix_caching=False)
    try:
        engine = llm.engine
        ids = llm.get_tokenizer().encode(text)
        ppl = perplexity(engine, ids, ctx=ctx).ppl
        if len(ids) < 3 * prompt_tokens:
            raise ValueError(f"the text has {len(ids)} tokens; the speed runs need {3 * prompt_tokens}")
        prompts = [ids[i * prompt_tokens:(i + 1) * prompt_tokens] for i in range(3)]
        one = SamplingParams(temperature=0, max_tokens=1, ignore_eos=True)
        llm.generate({"prompt_token_ids": prompts[0]}, one, use_tqdm=False)  # warm-up
        prefill = []
        for p in prompts:
            t0 = time.perf_counter()
            llm.generate({"prompt_token_ids": p}, one, use_tqdm=False)
            prefill.append(len(p) / (time.perf_counter() - t0))
        out = llm.generate({"prompt_token_ids": prompts[1][:32]},
                           SamplingParams(temperature=0, max_tokens=new_tokens, ignore_eos=True), use_tqdm=False)[0]
        m = out.metrics
        decode = (len(out.outputs[0].token_ids) - 1) / (m.finished_time - m.first_token_time)
        return FormatReport(model, engine.source.quantization, file_bytes(engine.source.path),
                            weight_bytes(engine.model), engine.keep_packed, str(engine.dtype).removeprefix("torch."),
                            ppl, decode, max(prefill))
    finally:
        del llm
        gc.collect()


def report(models: list[str], text: str, **kwargs: Any) -> list[FormatReport]:
    return [measure(m, text, **kwargs) for m in models]


def print_report(rows: list[FormatReport], ctx: int) -> None:
    from rich.console import Console
    from rich.table import Table

    base = rows[0]
    table = Table(title=f"formats of one model (ppl: ctx {ctx}; speed: 1 stream, 2 threads)")
    for col in ("model", "quantization", "file MB", "weights MB", "vs file", "ppl", "ppl vs first",
                "decode tok/s", "prefill tok/s"):
        table.add_column(col, justify="left" if col in ("model", "quantization") else "right")
    for r in rows:
        table.add_row(Path(r.model).name, f"{r.quantization}{' (packed)' if r.packed else ''}",
                      f"{r.file_bytes / 1e6:.1f}", f"{r.weight_bytes / 1e6:.1f}",
                      f"{r.weight_bytes / r.file_bytes:.2f}x" if r.file_bytes else "-",
                      f"{r.ppl:.3f}", f"{r.ppl / base.ppl:.3f}x", f"{r.decode_tok_s:.1f}", f"{r.prefill_tok_s:.0f}")
    console = Console()
    if not console.is_terminal:  # piped: do not squeeze the table into 80 columns
        console = Console(width=160)
    console.print(table)


def as_json(rows: list[FormatReport]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
