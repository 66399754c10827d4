"""Encrypted model files at rest (``M.kenc``), decrypted into memory only, never back to disk.

Threat model: this protects model files at rest and in transit, and on a stolen disk or backup.
It does not protect against root (or anyone who can read the server's memory): the plaintext sits
in RAM while the model is served. Confidential computing (AMD SEV-SNP, Intel TDX) is out of
scope, but nothing here prevents running inside such a guest.

Format (integers big-endian)::

    b"KETCHENC" | version: 1 byte (1) | header length: 4 bytes | header JSON (UTF-8) | header tag: 16
    then num_chunks times:  ciphertext length: 4 bytes | ciphertext + 16-byte GCM tag

The header JSON holds format "ketch-enc", version, cipher "AES-256-GCM", chunk_size,
plaintext_size, num_chunks, sha256 (of the plaintext), original_name, created and file_id (16
random bytes, hex). Each file gets its own subkey, HKDF-SHA256(master key, salt=file_id,
info=b"ketch-enc v1"), so (key, nonce) pairs never repeat across files and nonces can be
deterministic: 4 bytes of purpose (0 header, 1 chunks) + the 8-byte chunk index. The header tag is
AES-GCM over an empty plaintext with everything before it as AAD, so a wrong key or an edited header
is caught before any chunk. Each chunk's AAD is file_id | index (8) | num_chunks (8) | final flag (1):
reordered, dropped, duplicated or foreign chunks fail, and so does truncation; bytes after the last
chunk are refused. An empty file is one empty final chunk.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO, Union

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
DEFAULT_CHUNK = 4 << 20
SUFFIX = ".kenc"
MAGIC = b"KETCHENC"
VERSION = 1
KEY_PREFIX = "ketch-model-key-v1:"
TAG = 16
MAX_CHUNK = 1 << 30  # below AES-GCM's per-call limit in cryptography (2**31 - 1)
MAX_HEADER = 64 << 10
_PREFIX = len(MAGIC) + 1 + 4
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_INFO = b"ketch-enc v1"
_FIELDS = {"format": str, "version": int, "cipher": str, "chunk_size": int, "plaintext_size": int,
           "num_chunks": int, "sha256": str, "original_name": str, "created": str, "file_id": str}
log = logging.getLogger("ketch.security")
PathLike = Union[str, os.PathLike]
Progress = Callable[[int, int], None]


class ModelCryptoError(ValueError):
    """Something the user can fix or must know about (wrong key, damaged file): the message says what."""


def _parse_key_text(text: str, where: str, bare_ok: bool) -> bytes:
    text = text.strip()
    if text.startswith(KEY_PREFIX):
        text = text[len(KEY_PREFIX):]
    elif not bare_ok:
        raise ModelCryptoError(f"{where}: not a ketch model key (expected '{KEY_PREFIX}<64 hex digits>')")
    if not _HEX64.fullmatch(text):  # the message never echoes the text: it may be most of a key
        raise ModelCryptoError(f"{where}: the key must be 64 hex digits (32 bytes)")
    return bytes.fromhex(text)


def load_key_file(path: PathLike) -> bytes:
    """Read a key written by ``create_key_file``; warns when others could read it too."""
    p = Path(path)
    try:
        with open(p, "rb") as f:
            raw = f.read(1024)
        mode = os.stat(p).st_mode
    except OSError as e:
        raise ModelCryptoError(f"key file {p}: cannot read it ({e.strerror or e})") from None
    if len(raw) >= 1024:
        raise ModelCryptoError(f"key file {p}: too large to be a ketch model key")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ModelCryptoError(f"key file {p}: not a ketch model key (not ASCII text)") from None
    if text.lstrip() != text:
        raise ModelCryptoError(f"key file {p}: not a ketch model key (leading whitespace)")
    key = _parse_key_text(text, f"key file {p}", bare_ok=False)
    if os.name == "posix" and mode & 0o077:
        log.warning("key file %s is readable by group or others (mode %o): chmod 600 it", p, mode & 0o777)
    return key


def create_key_file(path: PathLike) -> bytes:
    """Make a new random key, created 0o600 in one step so it is never briefly world-readable."""
    p = Path(path)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(p, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except FileExistsError:
        raise ModelCryptoError(f"key file {p} already exists: refusing to overwrite it") from None
    except OSError as e:
        raise ModelCryptoError(f"key file {p}: cannot create it ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(f"{KEY_PREFIX}{key.hex()}\n")
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        p.unlink(missing_ok=True)
        raise
    return key


def key_from_env(value: str) -> bytes:
    """The key from an environment variable's value: the key-file line or just the 64 hex digits."""
    return _parse_key_text(value, "model key from the environment", bare_ok=True)


def _subkey(key: bytes, file_id: bytes) -> AESGCM:
    if not isinstance(key, (bytes, bytearray)) or len(key) != KEY_BYTES:
        raise ModelCryptoError(f"the model key must be {KEY_BYTES} bytes")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=file_id, info=_INFO)
    return AESGCM(hkdf.derive(bytes(key)))


def _nonce(purpose: int, index: int) -> bytes:
    return purpose.to_bytes(4, "big") + index.to_bytes(8, "big")


def _aad(file_id: bytes, index: int, num_chunks: int) -> bytes:
    final = b"\x01" if index == num_chunks - 1 else b"\x00"
    return file_id + index.to_bytes(8, "big") + num_chunks.to_bytes(8, "big") + final


def _count(size: int, chunk_size: int) -> int:
    return max(1, -(-size // chunk_size))


def _read_exact(f: BinaryIO, n: int, what: str) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise ModelCryptoError(f"the file is truncated inside {what}")
    return data


def _read_prefix(f: BinaryIO) -> tuple[dict[str, Any], bytes, bytes]:
    """Header dict, the bytes the header tag covers, and the tag: parsed, not yet authenticated."""
    magic = f.read(len(MAGIC))
    if magic != MAGIC:
        raise ModelCryptoError("not a ketch encrypted model (bad magic)")
    fixed = magic + _read_exact(f, 5, "the header")
    if fixed[8] != VERSION:
        raise ModelCryptoError(f"unsupported ketch encrypted model version {fixed[8]} (this ketch reads {VERSION})")
    length = int.from_bytes(fixed[9:13], "big")
    if length > MAX_HEADER:
        raise ModelCryptoError(f"the header claims {length} bytes (at most {MAX_HEADER}): the file is corrupted")
    body = _read_exact(f, length, "the header")
    tag = _read_exact(f, TAG, "the header")
    try:
        header = json.loads(body.decode("utf-8"))
    except ValueError:
        raise ModelCryptoError("the header is not valid JSON: the file is corrupted or was modified") from None
    if not isinstance(header, dict):
        raise ModelCryptoError("the header is not a JSON object: the file is corrupted or was modified")
    for name, kind in _FIELDS.items():
        if not isinstance(header.get(name), kind) or isinstance(header.get(name), bool):
            raise ModelCryptoError(f"the header's {name!r} is missing or not a {kind.__name__}")
    if not re.fullmatch(r"[0-9a-f]{32}", header["file_id"]):
        raise ModelCryptoError("the header's file_id is not 16 bytes of hex")
    return header, fixed + body, tag


def _check_header(h: dict[str, Any]) -> None:
    """Consistent, sane numbers, checked before anything is allocated from them."""
    if (h["format"], h["version"], h["cipher"]) != ("ketch-enc", VERSION, "AES-256-GCM"):
        raise ModelCryptoError(f"unsupported format {h['format']!r} v{h['version']} cipher {h['cipher']!r}")
    if not 1 <= h["chunk_size"] <= MAX_CHUNK or h["plaintext_size"] < 0:
        raise ModelCryptoError(f"absurd header: chunk_size {h['chunk_size']}, plaintext_size {h['plaintext_size']}")
    if h["num_chunks"] != _count(h["plaintext_size"], h["chunk_size"]):
        raise ModelCryptoError(f"inconsistent header: {h['num_chunks']} chunks cannot hold exactly "
                               f"{h['plaintext_size']} bytes in chunks of {h['chunk_size']}")
    if not re.fullmatch(r"[0-9a-f]{64}", h["sha256"]):
        raise ModelCryptoError("the header's sha256 is not 32 bytes of hex")


def read_header(path: PathLike) -> dict[str, Any]:
    """The header without the key; unauthenticated, so trust it only after ``decrypt_to_memory``."""
    with open(path, "rb") as f:
        header, covered, _ = _read_prefix(f)
    _check_header(header)
    return header


def check_key(path: PathLike, key: bytes) -> dict[str, Any]:
    """The header, once ``key`` is shown to be the file's (the header tag only: cheap, no chunk read)."""
    with open(path, "rb") as f:
        header, covered, tag = _read_prefix(f)
    try:
        _subkey(key, bytes.fromhex(header["file_id"])).decrypt(_nonce(0, 0), tag, covered)
    except InvalidTag:
        raise ModelCryptoError("wrong key, or the header was modified") from None
    _check_header(header)
    return header


def is_encrypted(path: PathLike) -> bool:
    """Cheap sniff (magic only), to pick the decrypting loader."""
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def encrypt_file(src: PathLike, dst: PathLike, key: bytes, *, chunk_size: int = DEFAULT_CHUNK,
                 original_name: str | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """Encrypt ``src`` into ``dst`` (temp file beside it, then ``os.replace``), chunk by chunk.

    Two passes over ``src``: the first finds its size and SHA-256, which the header (written first)
    and every chunk's AAD need; the second encrypts and hashes again, so a file that changed in
    between is refused rather than sealed with a wrong digest.
    """
    if not 1 <= chunk_size <= MAX_CHUNK:
        raise ModelCryptoError(f"chunk_size must be 1..{MAX_CHUNK}, not {chunk_size}")
    src, dst = Path(src), Path(dst)
    digest, size = hashlib.sha256(), 0
    with open(src, "rb") as f:
        while block := f.read(chunk_size):
            digest.update(block)
            size += len(block)
    file_id = secrets.token_bytes(16)
    aead = _subkey(key, file_id)
    n = _count(size, chunk_size)
    header = {"format": "ketch-enc", "version": VERSION, "cipher": "AES-256-GCM", "chunk_size": chunk_size,
              "plaintext_size": size, "num_chunks": n, "sha256": digest.hexdigest(),
              "original_name": src.name if original_name is None else original_name,
              "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "file_id": file_id.hex()}
    body = json.dumps(header, separators=(",", ":")).encode("utf-8")
    covered = MAGIC + bytes([VERSION]) + len(body).to_bytes(4, "big") + body
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
            out.write(covered + aead.encrypt(_nonce(0, 0), b"", covered))
            again, done = hashlib.sha256(), 0
            for i in range(n):
                block = f.read(min(chunk_size, size - done))
                if len(block) != min(chunk_size, size - done):
                    raise ModelCryptoError(f"{src} changed while it was being encrypted")
                again.update(block)
                sealed = aead.encrypt(_nonce(1, i), block, _aad(file_id, i, n))
                out.write(len(sealed).to_bytes(4, "big") + sealed)
                done += len(block)
                if progress:
                    progress(done, size)
            if f.read(1) or again.hexdigest() != header["sha256"]:
                raise ModelCryptoError(f"{src} changed while it was being encrypted")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return header


def _chunks_present(f: BinaryIO, start: int, end: int, n: int) -> int:
    """How many whole chunks lie between start and end, by their length fields (for the message)."""
    pos, count = start, 0
    while count < n and pos + 4 <= end:
        f.seek(pos)
        pos += 4 + int.from_bytes(f.read(4), "big")
        if pos > end:
            break
        count += 1
    return count


def decrypt_to_memory(path: PathLike, key: bytes, *, progress: Progress | None = None
                      ) -> tuple[dict[str, Any], bytearray]:
    """Decrypt into one preallocated bytearray, verified in full before it is returned.

    Nothing touches the disk but the encrypted file. Wrap the result without a copy
    (``memoryview(buf)``, ``numpy.frombuffer(buf, dtype=numpy.uint8)``) to hand it to a loader.
    """
    with open(path, "rb") as f:
        header, covered, tag = _read_prefix(f)
        file_id = bytes.fromhex(header["file_id"])
        aead = _subkey(key, file_id)
        try:
            aead.decrypt(_nonce(0, 0), tag, covered)
        except InvalidTag:
            raise ModelCryptoError("wrong key, or the header was modified") from None
        _check_header(header)
        n, size, chunk = header["num_chunks"], header["plaintext_size"], header["chunk_size"]
        start, end = len(covered) + TAG, os.fstat(f.fileno()).st_size
        expected = start + size + n * (4 + TAG)  # exact, so it also caps the bytearray by the file's size
        if end < expected:
            raise ModelCryptoError(f"the file is truncated: {_chunks_present(f, start, end, n)} of {n} "
                                   "chunks present")
        if end > expected:
            raise ModelCryptoError(f"{end - expected} unexpected bytes after the last chunk: the file was modified")
        f.seek(start)
        buf, digest, done = bytearray(size), hashlib.sha256(), 0
        for i in range(n):
            want = min(chunk, size - done) + TAG
            got = int.from_bytes(_read_exact(f, 4, f"chunk {i}"), "big")
            if got != want:
                raise ModelCryptoError(f"chunk {i} has length {got}, expected {want}: the file is corrupted, "
                                       "or chunks were dropped, duplicated or reordered")
            try:
                plain = aead.decrypt(_nonce(1, i), _read_exact(f, want, f"chunk {i}"), _aad(file_id, i, n))
            except InvalidTag:
                raise ModelCryptoError(f"chunk {i} failed authentication: the file is corrupted or was "
                                       "modified") from None
            buf[done:done + len(plain)] = plain  # same length: a copy in place, never a resize
            digest.update(plain)
            done += len(plain)
            if progress:
                progress(done, size)
        if f.read(1):
            raise ModelCryptoError("unexpected bytes after the last chunk: the file was modified")
    if done != size or digest.hexdigest() != header["sha256"]:
        raise ModelCryptoError("the decrypted model's SHA-256 does not match the header")
    return header, buf
