"""The audit log: one row per request in SQLite (WAL), hash-chained so an edit or a deletion shows.

Each row's ``hash`` is SHA-256 over the previous row's hash and the row's own fields (canonical
JSON), so changing any stored field breaks that row's hash, and deleting a row breaks the next
row's link (and leaves a gap in ``seq``). Deleting the newest rows leaves a shorter chain that is
still consistent, so the writer also keeps the head (last ``seq`` and hash) in a side file,
``<db>.head``; ``verify`` compares the two. Someone who can rewrite both files and recompute every
hash defeats this, as any unkeyed chain; copying the head elsewhere (a log shipper, a WORM store)
is what makes that detectable too.

Rows are written by one background thread from a queue: ``record`` never waits on the disk, so the
event loop never blocks on SQLite. The key itself never reaches a row, only its id.
"""
from __future__ import annotations

import hashlib
import json
import logging
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger("ketch.security")
GENESIS = "0" * 64
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("ts", "request_id", "client_request_id", "key_id", "role", "model", "method", "route", "status",
           "prompt_tokens", "completion_tokens", "latency_ms", "guard", "redactions", "prompt_text", "output_text")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
    ts REAL NOT NULL, request_id TEXT NOT NULL, client_request_id TEXT, key_id TEXT, role TEXT, model TEXT,
    method TEXT, route TEXT, status INTEGER, prompt_tokens INTEGER, completion_tokens INTEGER,
    latency_ms REAL, guard TEXT, redactions TEXT, prompt_text TEXT, output_text TEXT,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_ts ON audit (ts);
CREATE INDEX IF NOT EXISTS audit_key ON audit (key_id, ts);
"""


@dataclass(slots=True)
class AuditEntry:
    """One request as the audit log keeps it. ``guard`` lists the guards' decisions (each a dict with
    ``guard``, ``action``, ``score``, ``reason``); ``redactions`` counts what moderation removed, by
    category, never the removed text."""

    ts: float
    request_id: str
    method: str
    route: str
    status: int
    client_request_id: str | None = None
    key_id: str | None = None
    role: str | None = None
    model: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    guard: list[dict] = field(default_factory=list)
    redactions: dict[str, int] = field(default_factory=dict)
    prompt_text: str | None = None
    output_text: str | None = None


def _clean(value: object) -> object:
    """Text as SQLite and JSON can hold it: a lone surrogate (from a client's escaped JSON) becomes U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


def _stored(entry: AuditEntry) -> tuple:
    d = {k: _clean(v) for k, v in asdict(entry).items()}
    d["guard"] = json.dumps(d["guard"], sort_keys=True, ensure_ascii=False) if d["guard"] else None
    d["redactions"] = json.dumps(d["redactions"], sort_keys=True) if d["redactions"] else None
    d["latency_ms"] = round(float(d["latency_ms"]), 3)
    return tuple(d[f] for f in _FIELDS)


def row_hash(prev_hash: str, seq: int, values: tuple) -> str:
    payload = json.dumps([seq, *values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(prev_hash.encode() + payload.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    rows: int
    problems: list[str]


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(_SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path} is not a usable audit database: {exc}") from None
    return db


class AuditLog:
    """The writer: ``record`` queues a row; a thread appends it to the chain."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = _connect(self.path)
        try:
            self.path.chmod(0o600)
        except OSError:
            pass
        self._queue: queue.Queue[AuditEntry | None] = queue.Queue()
        self._idle = threading.Condition()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name="ketch-audit", daemon=True)
        self._thread.start()

    @property
    def head_path(self) -> Path:
        return self.path.with_name(self.path.name + ".head")

    def record(self, entry: AuditEntry) -> None:
        """Queue one row (returns at once)."""
        with self._idle:
            self._pending += 1
        self._queue.put(entry)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued row is written; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def close(self) -> None:
        self.flush()
        self._queue.put(None)
        self._thread.join(timeout=10)
        self._db.close()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < 256:  # one transaction for what queued up meanwhile
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)
                    break
                batch.append(more)
            self._write(batch)
            with self._idle:
                self._pending -= len(batch)
                self._idle.notify_all()

    def _write(self, batch: list[AuditEntry]) -> None:
        """Append ``batch`` to the chain; a failure is logged and never stops the writer thread."""
        marks = ", ".join("?" * (len(_FIELDS) + 3))
        try:
            self._db.execute("BEGIN IMMEDIATE")
            # the chain's end as the file has it: another server may share this file
            row = self._db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
            seq, head = (row[0], row[1]) if row else (0, GENESIS)
            rows = []
            for entry in batch:
                seq += 1
                values = _stored(entry)
                digest = row_hash(head, seq, values)
                rows.append((seq, *values, head, digest))
                head = digest
            self._db.executemany(f"INSERT INTO audit (seq, {', '.join(_FIELDS)}, prev_hash, hash) VALUES ({marks})",
                                 rows)
            self._db.execute("COMMIT")
            tmp = self.head_path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"seq": seq, "hash": head}))
            tmp.replace(self.head_path)
        except Exception:  # noqa: BLE001 - a disk error must not end auditing for the server's life
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            log.exception("audit: %d rows could not be written", len(batch))


class AuditReader:
    """Queries and verification over an audit file (the CLI's and the admin endpoint's)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no audit log at {self.path} (it is written by `ketch serve --auth`, "
                                    "or --audit)")
        self._db = _connect(self.path)

    def close(self) -> None:
        self._db.close()

    def query(self, *, key_id: str | None = None, since: float | None = None, until: float | None = None,
              status: int | None = None, guard_action: str | None = None, limit: int = 100) -> list[dict]:
        """Newest first."""
        where, args = [], []
        for clause, value in (("key_id = ?", key_id), ("ts >= ?", since), ("ts < ?", until), ("status = ?", status)):
            if value is not None:
                where.append(clause)
                args.append(value)
        if guard_action is not None:
            where.append("guard LIKE ?")
            args.append(f'%"action": "{guard_action}"%')
        sql = (f"SELECT seq, {', '.join(_FIELDS)}, hash FROM audit"
               + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY seq DESC LIMIT ?")
        rows = self._db.execute(sql, (*args, max(1, min(int(limit), 10_000)))).fetchall()
        out = []
        for row in rows:
            d = dict(zip(("seq", *_FIELDS, "hash"), row))
            d["guard"] = json.loads(d["guard"]) if d["guard"] else []
            d["redactions"] = json.loads(d["redactions"]) if d["redactions"] else {}
            out.append(d)
        return out

    def verify(self) -> VerifyResult:
        """Walk the chain: every link, every hash, no gap, and the head file's last row present."""
        problems: list[str] = []
        prev_seq, prev_hash, rows = 0, GENESIS, 0
        for row in self._iter():
            seq, values, stored_prev, stored_hash = row[0], row[1:-2], row[-2], row[-1]
            rows += 1
            if seq != prev_seq + 1:
                problems.append(f"rows {prev_seq + 1}..{seq - 1} are missing (deleted)")
            elif stored_prev != prev_hash:
                problems.append(f"row {seq}: its link to row {prev_seq} does not match (a row was replaced)")
            if row_hash(stored_prev, seq, tuple(values)) != stored_hash:
                problems.append(f"row {seq}: its content does not match its hash (edited)")
            prev_seq, prev_hash = seq, stored_hash
        head = self.path.with_name(self.path.name + ".head")
        if head.exists():
            try:
                mark = json.loads(head.read_text())
                if mark["seq"] > prev_seq:
                    problems.append(f"rows {prev_seq + 1}..{mark['seq']} are missing at the end (the head file "
                                    f"records row {mark['seq']})")
                else:  # the row the head records must still carry the hash it had then
                    at = self._db.execute("SELECT hash FROM audit WHERE seq = ?", (mark["seq"],)).fetchone()
                    if mark["seq"] > 0 and (at is None or at[0] != mark["hash"]):
                        problems.append(f"row {mark['seq']}: differs from the head file's record of it "
                                        "(it or a row before it was rewritten)")
            except (ValueError, KeyError, TypeError):
                problems.append(f"{head} is unreadable")
        elif rows:
            problems.append(f"{head} is missing, so deleted newest rows cannot be detected")
        return VerifyResult(not problems, rows, problems)

    def _iter(self) -> Iterator[tuple]:
        cur = self._db.execute(f"SELECT seq, {', '.join(_FIELDS)}, prev_hash, hash FROM audit ORDER BY seq")
        while batch := cur.fetchmany(1000):
            yield from batch
