"""Encrypted model files on real files: round trips, and every kind of damage refused with a clear error."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ketch.security.crypto import (DEFAULT_CHUNK, KEY_BYTES, SUFFIX, ModelCryptoError, create_key_file,
                                   decrypt_to_memory, encrypt_file, is_encrypted, key_from_env, load_key_file,
                                   read_header)

CHUNK = 1024
KEY = bytes(range(KEY_BYTES))


def _encrypted(tmp_path: Path, data: bytes, name: str = "m.gguf", key: bytes = KEY) -> tuple[Path, dict]:
    src = tmp_path / name
    src.write_bytes(data)
    dst = tmp_path / (name + SUFFIX)
    return dst, encrypt_file(src, dst, key, chunk_size=CHUNK)


def _layout(blob: bytes) -> dict:
    """Offsets read from the bytes as the module docstring describes them, not from the module."""
    hlen = int.from_bytes(blob[9:13], "big")
    tag = 13 + hlen
    chunks, pos = [], tag + 16
    while pos < len(blob):
        length = int.from_bytes(blob[pos:pos + 4], "big")
        chunks.append((pos, length))  # (offset of the length field, ciphertext+tag length)
        pos += 4 + length
    assert pos == len(blob)
    return {"json": 13, "tag": tag, "chunks": chunks}


def _chunk_bytes(blob: bytes, lay: dict, i: int) -> bytes:
    pos, length = lay["chunks"][i]
    return blob[pos:pos + 4 + length]


def _refused(path: Path, match: str | None = None, key: bytes = KEY) -> ModelCryptoError:
    with pytest.raises(ModelCryptoError, match=match) as e:
        decrypt_to_memory(path, key)
    return e.value


def _seal(key: bytes, header: dict) -> bytes:
    """A header sealed with the documented construction, independently of the module."""
    body = json.dumps(header).encode()
    covered = b"KETCHENC" + bytes([1]) + len(body).to_bytes(4, "big") + body
    sub = HKDF(algorithm=hashes.SHA256(), length=32, salt=bytes.fromhex(header["file_id"]),
               info=b"ketch-enc v1").derive(key)
    return covered + AESGCM(sub).encrypt(bytes(12), b"", covered)


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_round_trip_and_header(tmp_path, size):
    data = secrets.token_bytes(size)
    dst, header = _encrypted(tmp_path, data, name="model.safetensors")
    got_header, buf = decrypt_to_memory(dst, KEY)
    assert isinstance(buf, bytearray) and buf == data
    assert got_header == header == read_header(dst)
    assert header["plaintext_size"] == size
    assert header["num_chunks"] == max(1, -(-size // CHUNK)) == len(_layout(dst.read_bytes())["chunks"])
    assert header["sha256"] == hashlib.sha256(data).hexdigest()
    assert header["original_name"] == "model.safetensors"
    assert (header["format"], header["version"], header["cipher"], header["chunk_size"]) == \
        ("ketch-enc", 1, "AES-256-GCM", CHUNK)
    assert len(bytes.fromhex(header["file_id"])) == 16
    if size >= 16:
        assert data[:16] not in dst.read_bytes()  # the plaintext is not stored
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.safetensors", "model.safetensors.kenc"]


def test_independent_decoder_follows_the_documented_format(tmp_path):
    data = secrets.token_bytes(2 * CHUNK + 5)
    dst, header = _encrypted(tmp_path, data)
    blob, lay = dst.read_bytes(), _layout(dst.read_bytes())
    file_id = bytes.fromhex(header["file_id"])
    sub = AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=file_id, info=b"ketch-enc v1").derive(KEY))
    assert sub.decrypt(bytes(12), blob[lay["tag"]:lay["tag"] + 16], blob[:lay["tag"]]) == b""
    out, n = b"", len(lay["chunks"])
    for i, (pos, length) in enumerate(lay["chunks"]):
        aad = file_id + i.to_bytes(8, "big") + n.to_bytes(8, "big") + bytes([i == n - 1])
        nonce = (1).to_bytes(4, "big") + i.to_bytes(8, "big")
        out += sub.decrypt(nonce, blob[pos + 4:pos + 4 + length], aad)
    assert out == data


def test_original_name_and_defaults(tmp_path):
    src = tmp_path / "weights.bin"
    src.write_bytes(b"abc")
    header = encrypt_file(src, tmp_path / "x.kenc", KEY, original_name="Llama-3.gguf")
    assert header["original_name"] == "Llama-3.gguf" and header["chunk_size"] == DEFAULT_CHUNK == 4 << 20
    assert decrypt_to_memory(tmp_path / "x.kenc", KEY)[1] == b"abc"


def test_wrong_key_refused_at_the_header(tmp_path):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK))
    seen = []
    with pytest.raises(ModelCryptoError, match="wrong key"):
        decrypt_to_memory(dst, secrets.token_bytes(KEY_BYTES), progress=lambda d, t: seen.append(d))
    assert seen == []  # refused before any chunk
    with pytest.raises(ModelCryptoError, match="32 bytes"):
        decrypt_to_memory(dst, KEY[:16])


FLIPS = ["magic", "version", "header_length", "header_json_start", "header_json_mid", "header_json_end",
         "header_tag", "chunk0_length", "chunk0_ciphertext", "chunk0_tag", "chunk2_ciphertext",
         "last_length", "last_ciphertext", "last_tag"]


def _offset(lay: dict, where: str) -> int:
    fixed = {"magic": 3, "version": 8, "header_length": 12, "header_json_start": 13,
             "header_json_mid": (13 + lay["tag"]) // 2, "header_json_end": lay["tag"] - 1,
             "header_tag": lay["tag"] + 7}
    if where in fixed:
        return fixed[where]
    i = {"chunk0": 0, "chunk2": 2, "last": -1}[where.split("_")[0]]
    pos, length = lay["chunks"][i]
    return {"length": pos + 3, "ciphertext": pos + 4 + (length - 16) // 2, "tag": pos + 4 + length - 1}[
        where.split("_")[1]]


@pytest.mark.parametrize("where", FLIPS)
def test_flipped_byte_refused(tmp_path, where):
    data = secrets.token_bytes(3 * CHUNK + 17)
    dst, _ = _encrypted(tmp_path, data)
    blob = bytearray(dst.read_bytes())
    blob[_offset(_layout(bytes(blob)), where)] ^= 0x01
    dst.write_bytes(blob)
    _refused(dst)


def test_every_single_bit_flip_refused(tmp_path):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(CHUNK + 3))
    original = dst.read_bytes()
    for i in range(len(original)):  # every byte of a two-chunk file: header, tags, lengths, ciphertext
        blob = bytearray(original)
        blob[i] ^= 0x80
        dst.write_bytes(blob)
        with pytest.raises(ModelCryptoError):
            decrypt_to_memory(dst, KEY)


def test_specific_messages(tmp_path):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK + 17))
    blob, lay = dst.read_bytes(), _layout(dst.read_bytes())
    pos, _ = lay["chunks"][2]
    bad = bytearray(blob)
    bad[pos + 10] ^= 0xFF
    dst.write_bytes(bad)
    _refused(dst, "chunk 2 failed authentication: the file is corrupted or was modified")
    dst.write_bytes(blob[:8] + bytes([2]) + blob[9:])
    _refused(dst, "unsupported .*version 2")


@pytest.mark.parametrize("cut", ["in_magic", "in_length", "in_json", "in_tag", "after_header", "between_chunks",
                                 "in_last_length", "in_last_chunk", "one_byte_short"])
def test_truncation_refused(tmp_path, cut):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK + 17))
    blob = dst.read_bytes()
    lay = _layout(blob)
    last_pos, last_len = lay["chunks"][-1]
    at = {"in_magic": 4, "in_length": 11, "in_json": lay["tag"] - 20, "in_tag": lay["tag"] + 8,
          "after_header": lay["chunks"][0][0], "between_chunks": lay["chunks"][2][0], "in_last_length": last_pos + 2,
          "in_last_chunk": last_pos + 4 + last_len // 2, "one_byte_short": len(blob) - 1}[cut]
    dst.write_bytes(blob[:at])
    err = _refused(dst)
    if cut != "in_magic":
        assert "truncated" in str(err)
    if cut == "between_chunks":
        assert "2 of 4 chunks present" in str(err)
    if cut == "in_magic":
        assert "not a ketch encrypted model" in str(err)


@pytest.mark.parametrize("garbage", [b"\x00", b"x" * 100, None])
def test_appended_bytes_refused(tmp_path, garbage):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(2 * CHUNK))
    blob = dst.read_bytes()
    if garbage is None:  # a whole extra chunk: the last one, repeated
        garbage = _chunk_bytes(blob, _layout(blob), -1)
    dst.write_bytes(blob + garbage)
    _refused(dst, "after the last chunk")


def _rebuilt(dst: Path, order: list[bytes]) -> None:
    blob = dst.read_bytes()
    lay = _layout(blob)
    dst.write_bytes(blob[:lay["chunks"][0][0]] + b"".join(order))


def test_swapped_chunks_refused(tmp_path):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK + 17))
    blob, lay = dst.read_bytes(), _layout(dst.read_bytes())
    c = [_chunk_bytes(blob, lay, i) for i in range(4)]
    _rebuilt(dst, [c[1], c[0], c[2], c[3]])
    _refused(dst, "chunk 0 failed authentication")


def test_dropped_and_duplicated_chunks_refused(tmp_path):
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK + 17))
    blob, lay = dst.read_bytes(), _layout(dst.read_bytes())
    c = [_chunk_bytes(blob, lay, i) for i in range(4)]
    _rebuilt(dst, [c[0], c[2], c[3]])  # dropped from the middle, nothing else fixed up
    _refused(dst, "truncated")
    _rebuilt(dst, [c[0], c[1], c[2]])  # the final chunk dropped
    _refused(dst, "3 of 4 chunks present")
    dst.write_bytes(blob)
    _rebuilt(dst, [c[0], c[1], c[1], c[3]])  # a duplicate in place of chunk 2, sizes all right
    _refused(dst, "chunk 2 failed authentication")
    dst.write_bytes(blob)
    assert decrypt_to_memory(dst, KEY)[1]  # the pieces themselves were fine


def test_chunk_from_another_file_refused(tmp_path):
    a, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK), name="a.gguf")
    b, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK), name="b.gguf")
    blob_a, blob_b = a.read_bytes(), b.read_bytes()
    lay_a, lay_b = _layout(blob_a), _layout(blob_b)
    assert lay_b["chunks"][1][1] == lay_a["chunks"][1][1]
    _rebuilt(a, [_chunk_bytes(blob_a, lay_a, 0), _chunk_bytes(blob_b, lay_b, 1), _chunk_bytes(blob_a, lay_a, 2)])
    _refused(a, "chunk 1 failed authentication")


def test_authentic_but_absurd_header_refused_before_allocating(tmp_path):
    dst, header = _encrypted(tmp_path, secrets.token_bytes(CHUNK))
    blob, lay = dst.read_bytes(), _layout(dst.read_bytes())
    chunks = blob[lay["chunks"][0][0]:]
    cases = [({"plaintext_size": 1 << 40}, "inconsistent"),  # num_chunks no longer matches
             ({"plaintext_size": 1 << 40, "num_chunks": (1 << 40) // CHUNK}, "truncated"),  # would be 1 TiB
             ({"chunk_size": 0}, "absurd"), ({"plaintext_size": -1}, "absurd"), ({"cipher": "ROT13"}, "cipher")]
    for change, match in cases:
        dst.write_bytes(_seal(KEY, {**header, **change}) + chunks)
        _refused(dst, match)
    dst.write_bytes(_seal(KEY, header) + chunks)  # the same construction, unchanged, still decrypts
    assert decrypt_to_memory(dst, KEY)[0] == header


def test_not_a_kenc_file(tmp_path):
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF\x03\x00\x00\x00" + bytes(40))
    dst, _ = _encrypted(tmp_path, b"hello")
    assert is_encrypted(dst) and not is_encrypted(gguf)
    for call in (lambda: decrypt_to_memory(gguf, KEY), lambda: read_header(gguf)):
        with pytest.raises(ModelCryptoError, match="not a ketch encrypted model"):
            call()
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert not is_encrypted(empty)
    _refused(empty, "not a ketch encrypted model")


def test_decrypt_writes_no_files(tmp_path, monkeypatch):
    watched = tmp_path / "tmp"
    watched.mkdir()
    monkeypatch.setenv("TMPDIR", str(watched))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    assert Path(tempfile.gettempdir()) == watched
    dst, _ = _encrypted(tmp_path, secrets.token_bytes(3 * CHUNK + 1))
    before = (sorted(tmp_path.rglob("*")), sorted(os.listdir(tempfile.gettempdir())))
    _, buf = decrypt_to_memory(dst, KEY)
    assert len(buf) == 3 * CHUNK + 1
    assert (sorted(tmp_path.rglob("*")), sorted(os.listdir(tempfile.gettempdir()))) == before


def test_failed_encrypt_leaves_nothing(tmp_path):
    src = tmp_path / "m.gguf"
    src.write_bytes(b"x" * 5000)
    with pytest.raises(ModelCryptoError):
        encrypt_file(src, tmp_path / "m.kenc", b"short", chunk_size=CHUNK)
    with pytest.raises(ModelCryptoError):
        encrypt_file(src, tmp_path / "m.kenc", KEY, chunk_size=0)
    assert [p.name for p in tmp_path.iterdir()] == ["m.gguf"]


@pytest.mark.parametrize("size", [0, 5, 3 * CHUNK + 17])
def test_progress_reaches_the_total(tmp_path, size):
    src = tmp_path / "m.bin"
    src.write_bytes(secrets.token_bytes(size))
    enc, dec = [], []
    encrypt_file(src, tmp_path / "m.kenc", KEY, chunk_size=CHUNK, progress=lambda d, t: enc.append((d, t)))
    decrypt_to_memory(tmp_path / "m.kenc", KEY, progress=lambda d, t: dec.append((d, t)))
    for seen in (enc, dec):
        assert len(seen) == max(1, -(-size // CHUNK))
        assert all(t == size for _, t in seen) and seen[-1][0] == size
        assert all(a < b for (a, _), (b, _) in zip(seen, seen[1:]))


def test_key_file_round_trip_and_mode(tmp_path):
    path = tmp_path / "model.key"
    key = create_key_file(path)
    assert len(key) == KEY_BYTES and load_key_file(path) == key
    assert path.read_text() == f"ketch-model-key-v1:{key.hex()}\n"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ModelCryptoError, match="already exists"):
        create_key_file(path)
    assert load_key_file(path) == key  # untouched
    assert create_key_file(tmp_path / "other.key") != key
    with pytest.raises(ModelCryptoError, match="cannot create"):
        create_key_file(tmp_path / "no" / "such" / "dir.key")


def test_key_file_tolerates_trailing_whitespace(tmp_path):
    path = tmp_path / "k"
    path.write_text(f"ketch-model-key-v1:{KEY.hex().upper()}  \r\n\n")
    os.chmod(path, 0o600)
    assert load_key_file(path) == KEY


@pytest.mark.parametrize("content", [
    b"", b"\n", KEY.hex().encode(), b"ketch-model-key-v1:" + KEY.hex()[:-2].encode(),
    b"ketch-model-key-v1:" + KEY.hex().encode() + b"00", b"ketch-model-key-v1:" + b"zz" * 32,
    b"ketch-model-key-v2:" + KEY.hex().encode(), b"ketch-model-key-v1: " + KEY.hex().encode(),
    b"ketch-model-key-v1:" + KEY.hex().encode() + b"\nextra", b"\xff\xfe" + KEY.hex().encode(),
    b"ketch-model-key-v1:" + KEY.hex().encode() * 40])
def test_bad_key_files_refused(tmp_path, content):
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    with pytest.raises(ModelCryptoError, match="bad.key") as e:
        load_key_file(path)
    assert KEY.hex()[:32] not in str(e.value)  # key material never lands in a message


def test_missing_key_file_named(tmp_path):
    with pytest.raises(ModelCryptoError, match="nope.key"):
        load_key_file(tmp_path / "nope.key")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_readable_key_file_warns(tmp_path, caplog):
    path = tmp_path / "k"
    create_key_file(path)
    with caplog.at_level(logging.WARNING, logger="ketch.security"):
        load_key_file(path)
    assert not caplog.records
    os.chmod(path, 0o644)
    with caplog.at_level(logging.WARNING, logger="ketch.security"):
        load_key_file(path)
    assert any("readable by group or others" in r.getMessage() and r.name == "ketch.security"
               for r in caplog.records)


def test_key_from_env():
    assert key_from_env(f"ketch-model-key-v1:{KEY.hex()}") == KEY
    assert key_from_env(KEY.hex()) == KEY
    assert key_from_env(f"  {KEY.hex().upper()}\n") == KEY
    for junk in ["", "abc", KEY.hex()[:-1], KEY.hex() + "0", "g" * 64, f"other:{KEY.hex()}",
                 f"ketch-model-key-v1:{KEY.hex()[:-2]}", f"ketch-model-key-v1:{'x' * 64}"]:
        with pytest.raises(ModelCryptoError, match="environment") as e:
            key_from_env(junk)
        assert not junk or junk.strip() not in str(e.value)


def test_encrypted_key_files_work_together(tmp_path):
    key = create_key_file(tmp_path / "k")
    data = secrets.token_bytes(CHUNK * 2 + 9)
    dst, _ = _encrypted(tmp_path, data, key=load_key_file(tmp_path / "k"))
    assert decrypt_to_memory(dst, key_from_env((tmp_path / "k").read_text()))[1] == data
