"""The benchmark's table: figures side by side, ratios oriented so that > 1 favours ketch."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from ketch.tools.bench.common import OfflineBenchConfig

def _ratio(ketch: float | None, anchor: float | None, lower_is_better: bool = False) -> float | None:
    if not ketch or not anchor:
        return None
    return anchor / ketch if lower_is_better else ketch / anchor


def _get(res: dict[str, Any] | None, key: str, c: int | None = None) -> float | None:
    if not res or "error" in res:
        return None
    v = res.get(key)
    if c is not None:
        v = (v or {}).get(c)
    return v


def _rows(cfg: OfflineBenchConfig) -> list[tuple[str, str, int | None, bool]]:
    rows = [(f"TTFT ms, {cfg.prompt_len}-tok prompt (lower=better)", "ttft_s", None, True)]
    if cfg.pp_len:
        rows.append((f"prompt processing tok/s, {cfg.pp_len}-tok prompt", "pp_tok_s", None, False))
    rows.append(("single-stream decode tok/s", "decode_tok_s", None, False))
    rows += [(f"output tok/s, {c} concurrent", "throughput_tok_s", c, False) for c in cfg.concurrency]
    return rows


def _ratios(cfg, ketch, hf, lcpp) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, anchor in (("hf", hf), ("llama_cpp", lcpp)):
        r: dict[str, Any] = {}
        for _, key, c, lower in _rows(cfg):
            v = _ratio(_get(ketch, key, c), _get(anchor, key, c), lower)
            if c is None:
                r[key] = v
            else:
                r.setdefault(key, {})[c] = v
        out[name] = r
    return out


def _print_table(cfg: OfflineBenchConfig, results: dict[str, Any]) -> None:
    m = results["machine"]
    ketch, hf, lcpp = results["ketch"], results["hf"], results["llama_cpp"]
    table = Table(title=f"ketch bench offline: {cfg.model} ({results['quantization']} "
                        f"{results['model_format']}, run as {ketch['dtype']} on {ketch['device']})",
                  caption="ratio columns: > 1 means ketch is better (ketch/anchor for tok/s, "
                          "anchor/ketch for TTFT, where lower is better)")
    table.add_column("metric")
    for col in ("ketch", "HF", "ketch vs HF", "llama.cpp", "ketch vs llama.cpp"):
        table.add_column(col, justify="right")

    def fmt(v: float | None, key: str) -> str:
        if v is None:
            return "-"
        return f"{v * 1e3:.1f}" if key == "ttft_s" else f"{v:.1f}"

    def fmt_ratio(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}x"

    for label, key, c, lower in _rows(cfg):
        k, h, l = _get(ketch, key, c), _get(hf, key, c), _get(lcpp, key, c)
        table.add_row(label, fmt(k, key), fmt(h, key), fmt_ratio(_ratio(k, h, lower)),
                      fmt(l, key), fmt_ratio(_ratio(k, l, lower)))
    out = Console()
    if not out.is_terminal:
        out = Console(width=120)  # a file or pipe: do not wrap the table at 80 columns
    out.print(table)
    notes = [f"machine: {m['cpu']}; {m['cpu_count']} CPUs, {m['available_cores']} available; "
             f"{m['threads']} threads for every engine; torch {m['torch']}, transformers {m['transformers']}, "
             f"llama-cpp-python {m['llama_cpp']}; cores busy with other work just before the run: "
             + ("?" if m["busy_cores_before"] is None else f"{m['busy_cores_before']:.2f}"),
             f"prompts: {max(cfg.concurrency)} distinct windows of {cfg.prompt_len} tokens; greedy, "
             f"{cfg.new_tokens} new tokens (EOS ignored); ketch prefix caching off "
             f"({ketch['prefix_cache_hit_tokens']} cached prompt tokens)"]
    notes.append(f"ketch kernels: {ketch.get('kernels', '?')}")
    if "decode_bound_tok_s" in ketch:
        notes.append(f"memory read bandwidth {m['read_bandwidth_bytes_s'] / 1e9:.1f} GB/s (probed right after ketch's "
                     f"single-stream decode): reading ketch's "
                     f"{ketch['weight_bytes'] / 1e6:.1f} MB of weights per token bounds decode at "
                     f"{ketch['decode_bound_tok_s']:.0f} tok/s; ketch decodes at "
                     f"{100 * ketch['decode_fraction_of_bound']:.0f}% of that")
    if hf and "error" not in hf:
        notes.append(f"HF greedy tokens match ketch for {hf['greedy_match_tokens']}/{cfg.new_tokens}")
    elif hf:
        notes.append(f"HF failed: {hf['error']}")
    if lcpp and "error" not in lcpp and lcpp.get("tool") == "llama-bench":
        pp = f", pp{cfg.pp_len}" if cfg.pp_len else ""
        notes.append(f"llama.cpp: llama-bench pp{cfg.prompt_len} ({lcpp['prompt_tok_s']:.0f} tok/s, TTFT = "
                     f"{cfg.prompt_len} / that){pp} and tg{cfg.new_tokens}, llama-batched-bench for the concurrent rows; "
                     f"build {lcpp['build']} ({lcpp.get('isa') or 'ISA unknown'}), run without ketch's environment")
    elif lcpp and "error" not in lcpp:
        ketch_weights = "keeps it packed" if ketch.get("packed_weights") else "dequantizes it"
        notes.append(f"llama.cpp runs the GGUF quantized ({results['quantization']}); ketch {ketch_weights}, "
                     f"HF dequantizes it; "
                     f"greedy text matches ketch for {lcpp['greedy_match_chars']}/{len(ketch['greedy_text'])} chars"
                     + ("" if lcpp["use_extra_bufts"] else "; run with use_extra_bufts=False (default crashed)")
                     + f"; llama.cpp's ISA: {lcpp.get('isa', 'unknown')}; run in its own process without ketch's environment")
    elif lcpp:
        notes.append(f"llama.cpp failed: {lcpp['error']}")
    for line in notes:
        out.print(line, highlight=False)

