"""API keys in a SQLite file: shown once, stored as SHA-256 hashes, with a role, models and limits.

A key is 256 random bits (``sk-ketch-`` + URL-safe base64), so a plain SHA-256 is enough to store
it: there is nothing to brute-force, and a fast hash keeps the per-request lookup cheap (a slow
password hash would cost milliseconds on every request). The lookup is by hash; the stored hash is
then compared with ``hmac.compare_digest``. The plaintext exists only in the return value of
``create``/``rotate`` and never reaches a log.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROLES = ("user", "admin")
_MAX_LIMIT = 1 << 53  # what SQLite's INTEGER and a JSON number both hold exactly
KEY_PREFIX = "sk-ketch-"
BOOTSTRAP_NAME = "bootstrap (KETCH_ADMIN_KEY)"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'admin')),
    hash TEXT NOT NULL UNIQUE,
    models TEXT,
    rpm INTEGER, tpm INTEGER, max_parallel INTEGER, daily_tokens INTEGER,
    created_at REAL NOT NULL, expires_at REAL, revoked_at REAL, rotated_at REAL
);
CREATE TABLE IF NOT EXISTS usage (
    key_id TEXT NOT NULL, day TEXT NOT NULL, tokens INTEGER NOT NULL,
    PRIMARY KEY (key_id, day)
);
"""


# what _record reads, in its order (the hash last, for lookup's comparison)
_COLUMNS = ("id, name, role, models, rpm, tpm, max_parallel, daily_tokens, created_at, expires_at, revoked_at, "
            "hash")


class KeyStoreError(ValueError):
    """A key operation the caller can fix (unknown id, bad argument): the message says what."""


class UnknownKey(KeyStoreError):
    """No key has the id given."""


@dataclass(frozen=True, slots=True)
class KeyLimits:
    """Per-key limits; None is unlimited."""

    rpm: int | None = None  # requests per minute
    tpm: int | None = None  # prompt + completion tokens per minute
    max_parallel: int | None = None  # requests in flight at once
    daily_tokens: int | None = None  # prompt + completion tokens per UTC day, kept across restarts

    def __post_init__(self) -> None:
        for name in ("rpm", "tpm", "max_parallel", "daily_tokens"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or not 1 <= value <= _MAX_LIMIT):
                raise ValueError(f"{name} must be an integer from 1 to {_MAX_LIMIT}, got {value!r}")

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.rpm, self.tpm, self.max_parallel, self.daily_tokens))


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """One key as stored (never its plaintext)."""

    id: str
    name: str
    role: str
    models: tuple[str, ...] | None  # None: every model
    limits: KeyLimits = field(default_factory=KeyLimits)
    created_at: float = 0.0
    expires_at: float | None = None
    revoked_at: float | None = None

    def status(self, now: float) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and now >= self.expires_at:
            return "expired"
        return "active"

    def allows_model(self, model: str) -> bool:
        return self.models is None or model in self.models

    def public(self, now: float) -> dict:
        """What ``keys list`` and the admin API show."""
        return {"id": self.id, "name": self.name, "role": self.role,
                "models": list(self.models) if self.models is not None else None,
                "rpm": self.limits.rpm, "tpm": self.limits.tpm, "max_parallel": self.limits.max_parallel,
                "daily_tokens": self.limits.daily_tokens, "created_at": self.created_at,
                "expires_at": self.expires_at, "revoked_at": self.revoked_at, "status": self.status(now)}


def _printable_text(text: str) -> bool:
    """Storable and showable: no control characters, no lone surrogates (which JSON cannot carry)."""
    return text.isprintable() and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_expiry(text: str, now: float) -> float:
    """``30d``, ``12h``, ``90m``, ``2w`` from now, or an ISO date/time (UTC unless it says otherwise)."""
    m = _DURATION.match(text)
    if m:
        seconds = int(m.group(1)) * _UNITS[m.group(2)] if len(m.group(1)) <= 12 else 0
        if not 0 < seconds <= 100 * 366 * 86400:
            raise ValueError(f"expiry must be in the future and within 100 years, got {text!r}")
        return now + seconds
    try:
        when = datetime.fromisoformat(text.strip())
    except (ValueError, OverflowError):
        raise ValueError(f"expiry must be a duration such as 30d, 12h or 90m, or an ISO date such as "
                         f"2027-01-31; got {text!r}") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    stamp = when.timestamp()
    if stamp <= now:
        raise ValueError(f"expiry {text!r} is in the past")
    return stamp


def utc_day(now: float) -> str:
    return datetime.fromtimestamp(now, timezone.utc).strftime("%Y-%m-%d")


class KeyStore:
    """The keys table (and the daily token usage) of one SQLite file, safe to share between threads.

    Every lookup reads the file, so ``ketch keys revoke`` from another process takes effect on a
    running server at its next request."""

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"{self.path} is not a usable key database: {exc}") from None
        self._lock = threading.Lock()
        try:
            self.path.chmod(0o600)  # hashes only, but nobody else needs to read them
        except OSError:
            pass

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ---- reading ----------------------------------------------------------------------------

    def _select(self, where: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(f"SELECT {_COLUMNS} FROM keys {where}", args).fetchall()

    def lookup(self, key: str) -> KeyRecord | None:
        """The record of a presented key (any status), or None when no key has its hash."""
        digest = hash_key(key)
        rows = self._select("WHERE hash = ?", (digest,))
        if not rows or not hmac.compare_digest(rows[0][11], digest):
            return None
        return _record(rows[0])

    def get(self, key_id: str) -> KeyRecord:
        rows = self._select("WHERE id = ?", (key_id,))
        if not rows:
            raise UnknownKey(f"no key with id {key_id!r} (see `ketch keys list`)")
        return _record(rows[0])

    def list(self) -> list[KeyRecord]:
        return [_record(r) for r in self._select("ORDER BY created_at, id")]

    # ---- writing ----------------------------------------------------------------------------

    def create(self, name: str, role: str = "user", *, models: list[str] | None = None,
               limits: KeyLimits = KeyLimits(), expires_at: float | None = None) -> tuple[KeyRecord, str]:
        """A new key: its record and its plaintext (shown to the caller once, stored nowhere)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        if not isinstance(name, str) or not name.strip() or len(name) > 200 or not _printable_text(name):
            raise ValueError("a key needs a name of 1 to 200 printable characters")
        if models is not None:
            models = [m.strip() for m in models if m.strip()]
            if not all(_printable_text(m) and len(m) <= 500 for m in models):
                raise ValueError("model names must be printable text of at most 500 characters")
            if not models:
                raise ValueError("models must name at least one model (leave it out to allow all)")
        now = self.clock()
        if expires_at is not None and expires_at <= now:
            raise ValueError("expires_at must be in the future")
        key = new_key()
        key_id = "key_" + secrets.token_hex(6)
        with self._lock:
            self._db.execute(
                "INSERT INTO keys (id, name, role, hash, models, rpm, tpm, max_parallel, daily_tokens, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key_id, name.strip(), role, hash_key(key), json.dumps(models) if models is not None else None,
                 limits.rpm, limits.tpm, limits.max_parallel, limits.daily_tokens, now, expires_at))
        return self.get(key_id), key

    def revoke(self, key_id: str) -> KeyRecord:
        """Refuse the key from now on (the row stays, so its audit trail keeps a name)."""
        self.get(key_id)
        with self._lock:
            self._db.execute("UPDATE keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                             (self.clock(), key_id))
        return self.get(key_id)

    def rotate(self, key_id: str) -> tuple[KeyRecord, str]:
        """A new secret for the same key id, role, models and limits; the old secret stops working."""
        record = self.get(key_id)
        if record.revoked_at is not None:
            raise KeyStoreError(f"key {key_id} is revoked; create a new one")
        key = new_key()
        with self._lock:
            self._db.execute("UPDATE keys SET hash = ?, rotated_at = ? WHERE id = ?",
                             (hash_key(key), self.clock(), key_id))
        return self.get(key_id), key

    def ensure_bootstrap(self, key: str) -> KeyRecord:
        """Make ``key`` (from KETCH_ADMIN_KEY) an admin key; a different earlier one is revoked."""
        if len(key) < 24:
            raise ValueError("KETCH_ADMIN_KEY must be at least 24 characters (use `ketch keys create --role "
                             "admin` for a generated one)")
        existing = self.lookup(key)
        if existing is not None:
            if existing.role != "admin" or existing.status(self.clock()) != "active":
                raise ValueError(f"KETCH_ADMIN_KEY is key {existing.id}, which is {existing.status(self.clock())} "
                                 f"or not an admin key")
            return existing
        now = self.clock()
        with self._lock:
            self._db.execute("UPDATE keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                             (now, BOOTSTRAP_NAME))
            key_id = "key_" + secrets.token_hex(6)
            self._db.execute("INSERT INTO keys (id, name, role, hash, created_at) VALUES (?, ?, 'admin', ?, ?)",
                             (key_id, BOOTSTRAP_NAME, hash_key(key), now))
        return self.get(key_id)

    # ---- daily usage (what must survive a restart) ------------------------------------------

    def tokens_used(self, key_id: str, day: str) -> int:
        with self._lock:
            row = self._db.execute("SELECT tokens FROM usage WHERE key_id = ? AND day = ?", (key_id, day)).fetchone()
        return int(row[0]) if row else 0

    def add_tokens(self, key_id: str, day: str, tokens: int) -> None:
        if tokens <= 0:
            return
        with self._lock:
            self._db.execute("INSERT INTO usage (key_id, day, tokens) VALUES (?, ?, ?) ON CONFLICT (key_id, day) "
                             "DO UPDATE SET tokens = tokens + excluded.tokens", (key_id, day, tokens))


def _record(row: tuple) -> KeyRecord:
    models = tuple(json.loads(row[3])) if row[3] is not None else None
    return KeyRecord(id=row[0], name=row[1], role=row[2], models=models,
                     limits=KeyLimits(rpm=row[4], tpm=row[5], max_parallel=row[6], daily_tokens=row[7]),
                     created_at=row[8], expires_at=row[9], revoked_at=row[10])
