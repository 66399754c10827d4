"""The audit log on a real SQLite file: rows, queries, and a chain that catches edits and deletions."""
from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from ketch.cli import app
from ketch.security.audit import AuditEntry, AuditLog, AuditReader
from tests.text import squash

runner = CliRunner()


def _entry(i: int, **kw) -> AuditEntry:
    return AuditEntry(ts=1_800_000_000.0 + i, request_id=f"r{i}", method="POST", route="/v1/chat/completions",
                      status=200, key_id=f"key_{i % 2}", role="user", model="m", prompt_tokens=i,
                      completion_tokens=2 * i, latency_ms=1.5 * i, **kw)


def _written(tmp_path, n: int = 6) -> str:
    db = tmp_path / "audit.db"
    log = AuditLog(db)
    for i in range(1, n + 1):
        log.record(_entry(i, guard=[{"guard": "injection", "action": "block", "score": 0.9}] if i == 3 else []))
    log.close()
    return str(db)


def test_rows_are_written_and_queried(tmp_path):
    db = _written(tmp_path)
    reader = AuditReader(db)
    rows = reader.query()
    assert [r["seq"] for r in rows] == [6, 5, 4, 3, 2, 1]
    assert rows[-1]["prompt_tokens"] == 1 and rows[-1]["completion_tokens"] == 2
    assert [r["seq"] for r in reader.query(key_id="key_1")] == [5, 3, 1]
    assert [r["seq"] for r in reader.query(guard_action="block")] == [3]
    assert [r["seq"] for r in reader.query(since=1_800_000_004.0, until=1_800_000_006.0)] == [5, 4]
    assert reader.verify().ok and reader.verify().rows == 6


def test_verify_catches_an_edited_row(tmp_path):
    db = _written(tmp_path)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE audit SET status = 200, prompt_tokens = 0 WHERE seq = 4")
    result = AuditReader(db).verify()
    assert not result.ok and any("row 4" in p and "edited" in p for p in result.problems)


def test_verify_catches_a_deleted_row_and_a_cut_tail(tmp_path):
    db = _written(tmp_path)
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM audit WHERE seq = 2")
    result = AuditReader(db).verify()
    assert not result.ok and any("2..2" in p and "missing" in p for p in result.problems)

    (tmp_path / "b").mkdir()
    db = _written(tmp_path / "b")
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM audit WHERE seq >= 5")  # the newest rows: the chain alone still links
    result = AuditReader(db).verify()
    assert not result.ok and any("5..6" in p and "at the end" in p for p in result.problems)


def test_verify_catches_a_rewritten_row_with_a_fresh_hash(tmp_path):
    """Recomputing the edited row's own hash is not enough: the next row's link breaks."""
    from ketch.security.audit import row_hash

    db = _written(tmp_path)
    with sqlite3.connect(db) as c:
        seq, *values, prev, _ = c.execute("SELECT seq, ts, request_id, client_request_id, key_id, role, model, "
                                          "method, route, status, prompt_tokens, completion_tokens, latency_ms, "
                                          "guard, redactions, prompt_text, output_text, prev_hash, hash FROM audit "
                                          "WHERE seq = 3").fetchone()
        values[8] = 500  # status
        c.execute("UPDATE audit SET status = 500, hash = ? WHERE seq = 3", (row_hash(prev, seq, tuple(values)),))
    result = AuditReader(db).verify()
    assert not result.ok and any("row 4" in p and "link" in p for p in result.problems)


def test_record_never_waits_on_the_database(tmp_path):
    db = tmp_path / "audit.db"
    log = AuditLog(db)
    blocker = sqlite3.connect(db, isolation_level=None, timeout=30)
    blocker.execute("BEGIN EXCLUSIVE")  # nobody else can write until this ends
    for i in range(1, 51):  # returns while the file is locked: record() only queues
        log.record(_entry(i))
    assert not log.flush(timeout=0.2)  # nothing could be written while the lock held
    blocker.execute("COMMIT")
    assert log.flush(timeout=30)
    log.close()
    assert AuditReader(db).verify().rows == 50


def test_cli_query_and_verify(tmp_path):
    db = _written(tmp_path)
    shown = runner.invoke(app, ["audit", "--audit-db", db, "--key", "key_0", "--json"])
    assert shown.exit_code == 0, shown.output
    assert [json.loads(line)["seq"] for line in shown.stdout.splitlines()] == [6, 4, 2]
    ok = runner.invoke(app, ["audit", "verify", "--audit-db", db])
    assert ok.exit_code == 0 and "6 rows, chain intact" in ok.stdout
    with sqlite3.connect(db) as c:
        c.execute("UPDATE audit SET key_id = 'key_9' WHERE seq = 1")
    bad = runner.invoke(app, ["audit", "verify", "--audit-db", db])
    assert bad.exit_code == 1 and "row 1" in squash(bad.output)
    missing = runner.invoke(app, ["audit", "--audit-db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no audit log at" in squash(missing.output)


def test_verify_catches_a_rewrite_followed_by_new_rows(tmp_path):
    """Rewriting row 2 and every hash after it, then appending: the head file's row no longer matches."""
    from ketch.security.audit import GENESIS, row_hash

    db = _written(tmp_path, n=4)
    cols = ("ts, request_id, client_request_id, key_id, role, model, method, route, status, prompt_tokens, "
            "completion_tokens, latency_ms, guard, redactions, prompt_text, output_text")
    with sqlite3.connect(db) as c:
        c.execute("UPDATE audit SET key_id = 'key_forged' WHERE seq = 2")
        prev = GENESIS
        for seq, *values in c.execute(f"SELECT seq, {cols} FROM audit ORDER BY seq").fetchall():
            digest = row_hash(prev, seq, tuple(values))
            c.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
            prev = digest
        values = list(c.execute(f"SELECT {cols} FROM audit WHERE seq = 4").fetchone())
        values[1] = "r5"
        digest = row_hash(prev, 5, tuple(values))
        c.execute(f"INSERT INTO audit (seq, {cols}, prev_hash, hash) VALUES (5, {', '.join('?' * 16)}, ?, ?)",
                  (*values, prev, digest))
    result = AuditReader(db).verify()
    assert not result.ok and any("row 4" in p and "head file" in p for p in result.problems)


def test_the_writer_survives_text_sqlite_cannot_store(tmp_path):
    log = AuditLog(tmp_path / "audit.db")
    log.record(_entry(1, prompt_text="lone \ud800 surrogate"))
    log.record(_entry(2))
    log.close()
    reader = AuditReader(tmp_path / "audit.db")
    rows = reader.query()
    assert [r["seq"] for r in rows] == [2, 1] and rows[1]["prompt_text"] == "lone \ufffd surrogate"
    assert reader.verify().ok


def test_two_writers_on_one_file_keep_one_chain(tmp_path):
    a, b = AuditLog(tmp_path / "audit.db"), AuditLog(tmp_path / "audit.db")
    for i in range(1, 21):
        (a if i % 2 else b).record(_entry(i))
        (a if i % 2 else b).flush()
    a.close()
    b.close()
    reader = AuditReader(tmp_path / "audit.db")
    assert len(reader.query(limit=100)) == 20 and reader.verify().ok
