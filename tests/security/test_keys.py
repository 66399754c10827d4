"""The key store on a real SQLite file: hashes only, statuses, rotation, the bootstrap key."""
from __future__ import annotations

import sqlite3

import pytest

from ketch.security.keys import BOOTSTRAP_NAME, KeyLimits, KeyStore, UnknownKey, hash_key, parse_expiry

T0 = 1_800_000_000.0


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def store(tmp_path):
    clock = Clock()
    s = KeyStore(tmp_path / "auth.db", clock)
    yield s
    s.close()


def test_a_key_is_stored_only_as_its_hash(store, tmp_path):
    record, key = store.create("alice", "user", models=["m1"], limits=KeyLimits(rpm=5))
    assert key.startswith("sk-ketch-") and len(key) > 40
    raw = (tmp_path / "auth.db").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("auth.db-*"))
    assert key.encode() not in raw and key[9:].encode() not in raw
    rows = sqlite3.connect(tmp_path / "auth.db").execute("SELECT hash FROM keys").fetchall()
    assert rows == [(hash_key(key),)]
    assert store.lookup(key) == record
    assert record.models == ("m1",) and record.limits.rpm == 5 and record.role == "user"
    assert store.lookup(key + "x") is None and store.lookup("") is None


def test_two_keys_differ_and_each_finds_its_own_record(store):
    a, ka = store.create("a")
    b, kb = store.create("b", "admin")
    assert ka != kb and a.id != b.id
    assert store.lookup(ka).id == a.id and store.lookup(kb).role == "admin"


def test_revoke_expire_and_rotate(store):
    record, key = store.create("bob", expires_at=T0 + 60)
    assert record.status(store.clock()) == "active"
    store.clock.t = T0 + 61
    assert store.lookup(key).status(store.clock()) == "expired"
    store.clock.t = T0
    rotated, new = store.rotate(record.id)
    assert rotated.id == record.id and new != key
    assert store.lookup(key) is None and store.lookup(new).id == record.id
    store.revoke(record.id)
    assert store.lookup(new).status(store.clock()) == "revoked"
    with pytest.raises(ValueError, match="revoked"):
        store.rotate(record.id)
    with pytest.raises(UnknownKey, match="no key with id"):
        store.revoke("key_missing")


def test_bad_arguments_are_value_errors(store):
    with pytest.raises(ValueError, match="role"):
        store.create("x", "root")
    with pytest.raises(ValueError, match="name"):
        store.create("  ")
    with pytest.raises(ValueError, match="rpm"):
        KeyLimits(rpm=0)
    with pytest.raises(ValueError, match="at least one model"):
        store.create("x", models=[" "])
    with pytest.raises(ValueError, match="future"):
        store.create("x", expires_at=T0 - 1)


def test_bootstrap_key_is_admin_and_replaced_when_it_changes(store):
    first = store.ensure_bootstrap("a" * 32)
    assert first.role == "admin" and first.name == BOOTSTRAP_NAME
    assert store.ensure_bootstrap("a" * 32).id == first.id  # idempotent across restarts
    second = store.ensure_bootstrap("b" * 32)
    assert second.id != first.id
    assert store.get(first.id).status(store.clock()) == "revoked"
    with pytest.raises(ValueError, match="at least 24"):
        store.ensure_bootstrap("short")


def test_daily_usage_is_kept_in_the_file(tmp_path):
    s = KeyStore(tmp_path / "a.db", Clock())
    s.add_tokens("key_1", "2027-01-15", 40)
    s.add_tokens("key_1", "2027-01-15", 2)
    s.close()
    again = KeyStore(tmp_path / "a.db", Clock())
    assert again.tokens_used("key_1", "2027-01-15") == 42 and again.tokens_used("key_1", "2027-01-16") == 0


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "auth.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="not a usable key database"):
        KeyStore(bad)


@pytest.mark.parametrize("text,seconds", [("30d", 30 * 86400), ("12h", 43200), ("90m", 5400), ("2w", 14 * 86400),
                                          ("45s", 45)])
def test_parse_expiry_durations(text, seconds):
    assert parse_expiry(text, T0) == T0 + seconds


def test_parse_expiry_dates_and_errors():
    assert parse_expiry("2027-01-31", T0) == pytest.approx(1801353600.0)  # midnight UTC
    assert parse_expiry("2027-01-31T01:00:00+01:00", T0) == pytest.approx(1801353600.0)
    with pytest.raises(ValueError, match="duration"):
        parse_expiry("soon", T0)
    with pytest.raises(ValueError, match="past"):
        parse_expiry("2020-01-01", T0)
