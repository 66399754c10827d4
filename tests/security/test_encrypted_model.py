"""An encrypted SmolLM2 serves exactly like the plain file, from memory only; bad keys and files fail first."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from ketch import LLM, SamplingParams
from ketch.cli import app
from ketch.config import ModelKey
from ketch.security.crypto import ModelCryptoError, create_key_file, encrypt_file
from tests.serve.conftest import start_server, stop_server
from tests.text import squash

PROMPTS = ["The capital of France is", "def fibonacci(n):"]
GREEDY = SamplingParams(temperature=0, max_tokens=16)


@pytest.fixture(scope="module")
def encrypted(smollm2_path, tmp_path_factory):
    d = tmp_path_factory.mktemp("enc")
    key = create_key_file(d / "model.key")
    encrypt_file(smollm2_path, d / "smollm2.kenc", key, original_name=smollm2_path.name)
    return d / "smollm2.kenc", d / "model.key", key


def test_round_trip_gives_the_plain_models_greedy_tokens(smollm2_path, encrypted):
    path, _, key = encrypted
    plain = [o.outputs[0].token_ids for o in LLM(str(smollm2_path)).generate(PROMPTS, GREEDY)]
    ours = [o.outputs[0].token_ids for o in LLM(str(path), model_key=key).generate(PROMPTS, GREEDY)]
    assert ours == plain and all(len(t) == 16 for t in plain)


def test_wrong_key_flipped_byte_and_truncation_fail_before_serving(encrypted, tmp_path):
    path, _, key = encrypted
    with pytest.raises(ModelCryptoError, match="wrong key"):
        LLM(str(path), model_key=bytes(32))
    with pytest.raises(ValueError, match="encrypted model: give its key"):
        LLM(str(path))
    data = bytearray(path.read_bytes())
    flipped = tmp_path / "flipped.kenc"
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(data)
    with pytest.raises(ModelCryptoError, match="failed authentication"):
        LLM(str(flipped), model_key=key)
    cut = tmp_path / "cut.kenc"
    cut.write_bytes(path.read_bytes()[: len(data) - 1000])
    with pytest.raises(ModelCryptoError, match="truncated"):
        LLM(str(cut), model_key=key)


def _files(root: Path) -> dict[str, int]:
    out = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            p = os.path.join(dirpath, name)
            try:
                out[p] = os.path.getsize(p)
            except OSError:
                pass
    return out


def test_serving_writes_no_plaintext_anywhere(encrypted, smollm2_path):
    path, _, key = encrypted
    watched = [Path(tempfile.gettempdir()), smollm2_path.parent.parent]  # the temp dir and the model store
    before = {str(w): _files(w) for w in watched}
    live, server, thread = start_server(str(path), engine={"model_key": ModelKey(key)})
    try:
        r = httpx.post(live.url + "/v1/completions", json={"prompt": PROMPTS[0], "max_tokens": 4, "temperature": 0},
                       timeout=60)
        assert r.status_code == 200 and r.json()["choices"][0]["text"].strip()
        for w in watched:
            after = _files(w)
            new = {p: n for p, n in after.items() if p not in before[str(w)] and n > 1 << 20}
            assert not new, f"files over 1 MiB appeared while serving: {new}"
            for p in after:
                if p not in before[str(w)]:
                    with open(p, "rb") as fh:
                        assert fh.read(4) != b"GGUF", p
    finally:
        stop_server(server, thread)


def test_cli_refuses_an_encrypted_model_without_its_key(encrypted, tmp_path):
    path, key_file, _ = encrypted
    runner = CliRunner()
    no_key = runner.invoke(app, ["serve", str(path), "--port", "1"], env={"KETCH_MODEL_KEY": ""})
    assert no_key.exit_code == 1 and "is an encrypted model: give its key" in squash(no_key.output)
    other = create_key_file(tmp_path / "other.key")
    assert other
    wrong = runner.invoke(app, ["serve", str(path), "--model-key-file", str(tmp_path / "other.key"), "--port", "1"])
    assert wrong.exit_code == 1 and "wrong key" in squash(wrong.output)
    not_enc = runner.invoke(app, ["generate", "x", "--model-key-file", str(key_file)])
    assert not_enc.exit_code == 1 and "is for encrypted models" in squash(not_enc.output)


def test_cli_encrypt_then_generate(smollm2_path, tmp_path):
    runner = CliRunner()
    out = tmp_path / "m.kenc"
    made = runner.invoke(app, ["encrypt", str(smollm2_path), "--key-file", str(tmp_path / "k.key"), "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert made.stdout.strip().splitlines()[-1] == str(out) and (tmp_path / "k.key").exists()
    gen = runner.invoke(app, ["generate", "The capital of France is", "-m", str(out), "--model-key-file",
                              str(tmp_path / "k.key"), "--temperature", "0", "--max-tokens", "4"])
    assert gen.exit_code == 0, gen.output
    assert "Paris" in gen.stdout
    bad = runner.invoke(app, ["encrypt", str(tmp_path), "--key-file", str(tmp_path / "k.key")])
    assert bad.exit_code == 1 and "directory" in squash(bad.output)
