"""``ketch keys``: the secret once on stdout's last line, never in a list; revoke and rotate by id."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from ketch.cli import app
from ketch.security.keys import KeyStore
from tests.text import squash

runner = CliRunner()


def test_create_list_rotate_revoke(tmp_path):
    db = str(tmp_path / "auth.db")
    made = runner.invoke(app, ["keys", "create", "--name", "ci bot", "--role", "admin", "--models", "a,b",
                               "--rpm", "10", "--daily-tokens", "5000", "--expires", "30d", "--auth-db", db])
    assert made.exit_code == 0, made.output
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("sk-ketch-")
    record = KeyStore(db).lookup(key)
    assert record.role == "admin" and record.models == ("a", "b") and record.limits.daily_tokens == 5000

    listed = runner.invoke(app, ["keys", "list", "--json", "--auth-db", db])
    assert listed.exit_code == 0 and key not in listed.output
    (row,) = json.loads(listed.stdout)
    assert row["id"] == record.id and row["status"] == "active" and row["rpm"] == 10

    table = runner.invoke(app, ["keys", "list", "--auth-db", db], env={"COLUMNS": "30"})
    header, line = [r.split("\t") for r in table.stdout.splitlines()]
    assert header[:4] == ["id", "name", "role", "status"] and line[:5] == [record.id, "ci bot", "admin", "active", "a,b"]

    rotated = runner.invoke(app, ["keys", "rotate", record.id, "--auth-db", db])
    assert rotated.exit_code == 0, rotated.output
    new = rotated.stdout.strip().splitlines()[-1]
    assert new != key and KeyStore(db).lookup(key) is None and KeyStore(db).lookup(new).id == record.id

    revoked = runner.invoke(app, ["keys", "revoke", record.id, "--auth-db", db])
    assert revoked.exit_code == 0
    assert KeyStore(db).lookup(new).revoked_at is not None


def test_mistakes_are_one_line_errors(tmp_path):
    db = str(tmp_path / "auth.db")
    for argv, message in ((["keys", "create", "--name", "x", "--role", "root"], "role must be one of user, admin"),
                          (["keys", "create", "--name", "x", "--expires", "soon"], "expiry must be a duration"),
                          (["keys", "create", "--name", "x", "--tpm", "0"], "tpm must be an integer from 1 to"),
                          (["keys", "revoke", "key_nope"], "no key with id 'key_nope'"),
                          (["keys", "rotate", "key_nope"], "no key with id 'key_nope'")):
        result = runner.invoke(app, [*argv, "--auth-db", db])
        assert result.exit_code == 1, (argv, result.output)
        assert message in squash(result.output), (argv, result.output)


def test_serve_auth_db_needs_auth(tmp_path):
    result = runner.invoke(app, ["serve", "--auth-db", str(tmp_path / "a.db"), "--port", "1"])
    assert result.exit_code == 1 and "--auth-db needs --auth" in squash(result.output)
