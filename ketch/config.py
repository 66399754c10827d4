"""Plain configuration dataclasses, validated once where they are built."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import torch


@dataclass(slots=True)
class ModelConfig:
    """Architecture hyper-parameters, in Hugging Face vocabulary, for every supported family."""

    architecture: str  # registry key, e.g. "LlamaForCausalLM"
    model_type: str  # "llama", "mistral", "qwen2", "gemma", "gemma2", "gemma3_text"
    vocab_size: int
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    head_dim: int
    max_position_embeddings: int
    rms_norm_eps: float = 1e-6
    rope_theta: float = 10000.0
    rope_scaling: dict[str, Any] | None = None
    rope_local_base_freq: float | None = None  # gemma3: rope base of sliding-window layers
    tie_word_embeddings: bool = False
    attention_bias: bool = False
    mlp_bias: bool = False
    hidden_act: str = "silu"
    sliding_window: int | None = None
    # One entry per layer: True where the layer attends only inside the sliding window.
    layer_is_sliding: list[bool] = field(default_factory=list)
    query_pre_attn_scalar: float | None = None  # gemma2/3: attention scale is this ** -0.5
    attn_logit_softcapping: float | None = None
    final_logit_softcapping: float | None = None
    use_qk_norm: bool = False
    bos_token_id: int | None = None
    eos_token_ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers",
                     "num_attention_heads", "num_key_value_heads", "head_dim"):
            if getattr(self, name) <= 0:
                raise ValueError(f"model config: {name} must be positive, got {getattr(self, name)}")
        if self.num_attention_heads % self.num_key_value_heads:
            raise ValueError("model config: num_attention_heads must be a multiple of num_key_value_heads")
        if not self.layer_is_sliding:
            self.layer_is_sliding = [self.sliding_window is not None] * self.num_hidden_layers
        if len(self.layer_is_sliding) != self.num_hidden_layers:
            raise ValueError("model config: layer_is_sliding needs one entry per layer")

    @property
    def attention_scale(self) -> float:
        base = self.query_pre_attn_scalar if self.query_pre_attn_scalar else self.head_dim
        return float(base) ** -0.5

    def kv_bytes_per_token(self, dtype: torch.dtype) -> int:
        if dtype == torch.int8:  # codes, then the row's fp32 scale (layers/kv_cache.py)
            row = self.head_dim + KV_INT8_SCALE_BYTES
        else:
            row = self.head_dim * torch.empty((), dtype=dtype).element_size()
        return 2 * self.num_hidden_layers * self.num_key_value_heads * row


KV_CACHE_DTYPES = ("auto", "float32", "float16", "bfloat16", "int8")
KV_INT8_SCALE_BYTES = 4  # an int8 cache row's fp32 scale, stored after its codes


@dataclass(slots=True)
class CacheConfig:
    """Paged KV cache: fixed-size blocks carved out of a memory budget."""

    block_size: int = 16
    # auto: float16 for weights kept packed on CPU, else the model's compute dtype; float16/bfloat16
    # halve an fp32 cache (and what decode reads of it), int8 (codes and a scale per token and kv
    # head) takes a little over a quarter
    kv_cache_dtype: str = "auto"
    # None: on CPU, room for the context window or 256 tokens per running sequence (at most 1 GiB);
    # on CUDA, half the memory free once the weights are loaded
    kv_cache_memory_bytes: int | None = None
    enable_prefix_caching: bool = True

    def __post_init__(self) -> None:
        if self.block_size <= 0 or self.block_size & (self.block_size - 1):
            raise ValueError(f"block_size must be a positive power of two, got {self.block_size}")
        if self.kv_cache_memory_bytes is not None and self.kv_cache_memory_bytes <= 0:
            raise ValueError("kv_cache_memory_bytes must be positive")
        if self.kv_cache_dtype not in KV_CACHE_DTYPES:
            raise ValueError(f"kv_cache_dtype must be one of {', '.join(KV_CACHE_DTYPES)}; got {self.kv_cache_dtype!r}")

    def resolve_kv_dtype(self, compute_dtype: torch.dtype, packed_cpu: bool = False) -> torch.dtype:
        """The cache's element type for a model computing in ``compute_dtype``; ``packed_cpu``:
        its weights stay packed for the CPU kernels (the default serving path)."""
        if self.kv_cache_dtype == "auto" and packed_cpu and compute_dtype == torch.float32:
            # Measured on SmolLM2 Q4_1 (README): perplexity within 0.01% of an fp32 cache, half
            # its memory, decode 1.2x (1,024 tokens of context) to 1.35x (4,000) its speed.
            return torch.float16
        if self.kv_cache_dtype == "int8":
            return torch.int8  # int8 codes with an fp32 scale per (token, kv head): layers/kv_cache.py
        return compute_dtype if self.kv_cache_dtype == "auto" else DTYPES[self.kv_cache_dtype]


@dataclass(slots=True)
class SchedulerConfig:
    """One rule per step: a token budget shared by decodes and prefill chunks."""

    max_num_batched_tokens: int = 512
    max_num_seqs: int = 64
    max_model_len: int = 0  # 0: the model's own context length

    def __post_init__(self) -> None:
        if self.max_num_batched_tokens <= 0:
            raise ValueError("max_num_batched_tokens must be positive")
        if self.max_num_seqs <= 0:
            raise ValueError("max_num_seqs must be positive")
        if self.max_model_len < 0:
            raise ValueError("max_model_len must be >= 0")


DTYPES = {"float32": torch.float32, "float": torch.float32, "fp32": torch.float32,
           "bfloat16": torch.bfloat16, "bf16": torch.bfloat16,
           "float16": torch.float16, "half": torch.float16, "fp16": torch.float16}


def resolve_device(device: str) -> torch.device:
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        dev = torch.device(device)
    except RuntimeError:
        raise ValueError(f"unsupported device {device!r}: use 'cpu', 'cuda' or 'auto'") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise ValueError("device='cuda' was asked for but no CUDA device is available")
    if dev.type not in ("cpu", "cuda"):
        raise ValueError(f"unsupported device {device!r}: use 'cpu', 'cuda' or 'auto'")
    return dev


def cpu_has_fast_bf16() -> bool:
    """AMX tiles make bf16 GEMM 2-4x faster than fp32; without them (AVX2) bf16 is 4x slower."""
    probe = getattr(torch.cpu, "_is_amx_tile_supported", None)
    return bool(probe and probe())


def resolve_dtype(dtype: str, device: torch.device) -> torch.dtype:
    """'auto': bfloat16 on CUDA and on CPUs with AMX, float32 on other CPUs."""
    if dtype == "auto":
        return torch.bfloat16 if device.type == "cuda" or cpu_has_fast_bf16() else torch.float32
    if dtype not in DTYPES:
        raise ValueError(f"unsupported dtype {dtype!r}: use one of auto, {', '.join(sorted(set(DTYPES)))}")
    return DTYPES[dtype]


def default_num_threads() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


DEFAULT_CPU_KV_CACHE_BYTES = 1 << 30  # the most the default KV pool takes on a CPU
DEFAULT_KV_TOKENS_PER_SEQ = 256  # default pool: this many tokens for each running sequence...


def default_cpu_kv_tokens(max_model_len: int, max_num_seqs: int) -> int:
    """Tokens the default CPU KV pool holds: one whole context window, or DEFAULT_KV_TOKENS_PER_SEQ
    for each of ``max_num_seqs`` sequences, whichever is more (before the byte cap); longer
    sequences than that share the pool, and the scheduler preempts when it runs dry."""
    return max(max_model_len, max_num_seqs * DEFAULT_KV_TOKENS_PER_SEQ)
DEFAULT_CUDA_KV_CACHE_FRACTION = 0.5  # of the memory still free once weights are loaded


@dataclass(frozen=True, slots=True)
class ModelKey:
    """The key of an encrypted model file (``ketch encrypt``); never shown by repr or in logs."""

    value: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.value, bytes) or len(self.value) != 32:
            raise ValueError("a model key is 32 bytes")


@dataclass(slots=True)
class EngineConfig:
    """Everything an engine needs to start: which model, where, and how it is cached and scheduled."""

    model: str = "smollm2-135m"
    dtype: str = "auto"
    device: str = "auto"
    # Keep GGUF block quants packed in memory: None = only with dtype "auto" (an explicit dtype is
    # the dequantized reference path).
    keep_quantized: bool | None = None
    # Packed weights: run every row count through the packed kernels, so a request's output does
    # not depend on what else shares its batch (16 concurrent greedy requests = each alone).
    # Off: many-row products dequantize and run a GEMM (faster for long prompts on AMX CPUs).
    batch_invariant: bool = True
    cache: CacheConfig = field(default_factory=CacheConfig)
    scheduler: SchedulerConfig = field(default_factory=SchedulerConfig)
    model_key: ModelKey | None = None  # decrypts an encrypted model file (.kenc) into memory

    def __post_init__(self) -> None:
        if not isinstance(self.model, str) or not self.model:
            raise ValueError("model must be a store name or a path")


def ketch_home() -> str:
    """Where ketch keeps state that is not a cache (key and audit databases): $KETCH_HOME, else ~/.ketch."""
    return os.environ.get("KETCH_HOME") or os.path.join(os.path.expanduser("~"), ".ketch")


@dataclass(slots=True)
class SecurityConfig:
    """What guards the server's edge (all off by default, as a local server on 127.0.0.1 needs none)."""

    auth: bool = False  # require an API key (Authorization: Bearer / x-api-key) on every route but the open ones
    auth_db: str | None = None  # the key database; default: <ketch home>/auth.db
    audit: bool | None = None  # one hash-chained row per request; None: on exactly when auth is
    audit_db: str | None = None  # default: <ketch home>/audit.db
    audit_text: bool = False  # also keep prompt and output text (after moderation's redaction)
    guard: bool = False  # prompt-injection defense and moderation of input and output
    guard_policy: str | None = None  # a TOML/YAML policy file; default: the shipped one

    def __post_init__(self) -> None:
        for name in ("auth_db", "audit_db"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise ValueError(f"{name} must be a path")
        if self.audit_text and not self.audit_on:
            raise ValueError("audit_text needs the audit log on")
        if self.guard_policy is not None and not self.guard:
            raise ValueError("a guard policy needs the guard on (--guard)")
        if self.guard_policy is not None and not os.path.isfile(self.guard_policy):
            raise FileNotFoundError(f"guard policy not found: {self.guard_policy}")

    @property
    def auth_db_path(self) -> str:
        return self.auth_db or os.path.join(ketch_home(), "auth.db")

    @property
    def audit_on(self) -> bool:
        return self.auth if self.audit is None else self.audit

    @property
    def audit_db_path(self) -> str:
        return self.audit_db or os.path.join(ketch_home(), "audit.db")


@dataclass(slots=True)
class ServerConfig:
    """The HTTP front: where it listens, how much it queues, how long it drains on SIGTERM."""

    engine: EngineConfig = field(default_factory=EngineConfig)
    host: str = "127.0.0.1"
    port: int = 8000
    served_model_name: str | None = None  # the name clients send as "model"; default: the model argument
    # Requests admitted beyond the engine's running slots wait here; past it the server answers 429.
    max_queue: int = 256
    drain_timeout: float = 30.0  # seconds SIGTERM waits for in-flight requests before cutting them
    max_body_bytes: int = 8 << 20
    access_log: bool = True
    security: SecurityConfig = field(default_factory=SecurityConfig)
    ssl_certfile: str | None = None  # TLS: both files, or neither
    ssl_keyfile: str | None = None
    # Browser origins allowed cross-origin requests (CORS); empty: none, so pages on other origins
    # cannot read responses. "*" allows any origin.
    allowed_origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.port, int) or not 0 <= self.port <= 65535:
            raise ValueError(f"port must be in [0, 65535], got {self.port!r}")
        if self.max_queue < 0:
            raise ValueError("max_queue must be >= 0")
        if self.drain_timeout < 0:
            raise ValueError("drain_timeout must be >= 0")
        if self.max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be positive")
        if self.served_model_name is not None and not self.served_model_name:
            raise ValueError("served_model_name must not be empty")
        if (self.ssl_certfile is None) != (self.ssl_keyfile is None):
            raise ValueError("TLS needs both --ssl-certfile and --ssl-keyfile")
        for path in (self.ssl_certfile, self.ssl_keyfile):
            if path is not None and not os.path.isfile(path):
                raise FileNotFoundError(f"TLS file not found: {path}")
        for origin in self.allowed_origins:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise ValueError(f"allowed origin {origin!r} must be '*' or start with http:// or https://")

    @property
    def model_name(self) -> str:
        return self.served_model_name or self.engine.model

    @property
    def max_concurrent(self) -> int:
        """Requests in the server at once: the engine's running slots plus the waiting queue."""
        return self.engine.scheduler.max_num_seqs + self.max_queue
