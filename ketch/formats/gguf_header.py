"""A lean GGUF header reader: metadata as plain Python values, tensors as views of the file.

gguf-py's ``GGUFReader`` keeps one numpy array per metadata item and per string part: for a
49k-token vocabulary that is ~100k small arrays, 165 MB while the file is open, and enough
fragmented heap left behind that a loaded SmolLM2 kept 93 MB more than its tensors after the
reader was gone. Here the header is parsed once into lists of ``str``/numbers and each tensor
is a read-only ``numpy`` view of the memory-mapped file, shaped as gguf-py shapes it (so its
``dequantize`` reads it unchanged). The type tables still come from gguf-py.
"""
from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType, GGUFValueType

_MAGIC = b"GGUF"
_SCALARS = {  # value type -> struct code
    GGUFValueType.UINT8: "B", GGUFValueType.INT8: "b", GGUFValueType.UINT16: "H",
    GGUFValueType.INT16: "h", GGUFValueType.UINT32: "I", GGUFValueType.INT32: "i",
    GGUFValueType.FLOAT32: "f", GGUFValueType.BOOL: "?", GGUFValueType.UINT64: "Q",
    GGUFValueType.INT64: "q", GGUFValueType.FLOAT64: "d",
}
_TYPED = {  # tensor types gguf-py exposes as typed elements; every other type is raw bytes
    GGMLQuantizationType.F32: np.float32, GGMLQuantizationType.F16: np.float16,
    GGMLQuantizationType.F64: np.float64, GGMLQuantizationType.I8: np.int8,
    GGMLQuantizationType.I16: np.int16, GGMLQuantizationType.I32: np.int32,
    GGMLQuantizationType.I64: np.int64,
}


class GGUFFormatError(ValueError):
    """The bytes are not a GGUF file this reader understands."""


@dataclass(frozen=True, slots=True)
class GGUFTensor:
    """One tensor: ``shape`` in GGUF order (innermost first), ``data`` a view of the file."""

    name: str
    tensor_type: GGMLQuantizationType
    shape: tuple[int, ...]
    n_bytes: int
    data: np.ndarray


class GGUFHeader:
    """An open GGUF file: ``fields`` (key -> value) and ``tensors`` in file order."""

    def __init__(self, path: str | Path, data: bytearray | bytes | None = None) -> None:
        """``data``: the file's bytes already in memory (a decrypted model), read instead of ``path``."""
        self.path = Path(path)
        if data is not None:
            if not data:
                raise GGUFFormatError("empty file")
            self._map = data
        else:
            with open(self.path, "rb") as fh:
                try:
                    self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                except ValueError as exc:  # an empty file cannot be mapped
                    raise GGUFFormatError(f"empty file ({exc})") from exc
        self._pos = 4
        if self._map[:4] != _MAGIC:
            raise GGUFFormatError(f"bad magic {bytes(self._map[:4])!r} (expected {_MAGIC!r})")
        self._end = "<"
        version = self._read("I")
        if version & 0xFFFF == 0:  # written on a big-endian machine
            self._end = ">"
            version = struct.unpack(">I", struct.pack("<I", version))[0]
        if version not in (2, 3):
            raise GGUFFormatError(f"GGUF version {version} is not supported (2 or 3)")
        n_tensors, n_fields = self._read("Q"), self._read("Q")
        # every field and tensor takes at least 8 bytes: reject counts the file cannot hold
        if (n_tensors + n_fields) * 8 > len(self._map):
            raise GGUFFormatError(f"header claims {n_fields} fields and {n_tensors} tensors; the file is "
                                  f"{len(self._map)} bytes")
        self.fields: dict[str, Any] = {}
        for _ in range(n_fields):
            key = self._string()
            self.fields[key] = self._value(self._read("I"))
        infos = [self._tensor_info() for _ in range(n_tensors)]
        align = int(self.fields.get("general.alignment", 32))
        if align <= 0 or align & (align - 1):
            raise GGUFFormatError(f"general.alignment {align} is not a power of two")
        start = -(-self._pos // align) * align
        self.tensors = [self._tensor(start, *info) for info in infos]

    # ---- primitives ---------------------------------------------------------------------------

    def _read(self, code: str) -> Any:
        size = struct.calcsize(code)
        if self._pos + size > len(self._map):
            raise GGUFFormatError(f"file ends inside the header (at byte {self._pos} of {len(self._map)})")
        value = struct.unpack_from(self._end + code, self._map, self._pos)[0]
        self._pos += size
        return value

    def _string(self) -> str:
        n = self._read("Q")
        if self._pos + n > len(self._map):
            raise GGUFFormatError(f"a string of {n} bytes runs past the end of the file")
        raw = self._map[self._pos:self._pos + n]
        self._pos += n
        return raw.decode("utf-8", errors="replace")

    def _value(self, vtype: int) -> Any:
        try:
            vtype = GGUFValueType(vtype)
        except ValueError as exc:
            raise GGUFFormatError(f"unknown metadata value type {vtype}") from exc
        if vtype == GGUFValueType.STRING:
            return self._string()
        if vtype != GGUFValueType.ARRAY:
            return self._read(_SCALARS[vtype])
        etype, n = self._read("I"), self._read("Q")
        if etype == GGUFValueType.STRING:
            return [self._string() for _ in range(n)]
        if etype == GGUFValueType.ARRAY:
            return [self._value(GGUFValueType.ARRAY) for _ in range(n)]
        try:
            code = _SCALARS[GGUFValueType(etype)]
        except (ValueError, KeyError) as exc:
            raise GGUFFormatError(f"unknown array element type {etype}") from exc
        size = struct.calcsize(code)
        if self._pos + n * size > len(self._map):
            raise GGUFFormatError(f"an array of {n} items runs past the end of the file")
        dtype = np.dtype(code).newbyteorder(self._end)
        values = np.frombuffer(self._map, dtype, n, self._pos).tolist()  # plain ints/floats, no view kept
        self._pos += n * size
        return values

    def _tensor_info(self) -> tuple[str, tuple[int, ...], int, int]:
        name = self._string()
        n_dims = self._read("I")
        if n_dims > 8:
            raise GGUFFormatError(f"tensor {name!r} has {n_dims} dimensions")
        dims = tuple(self._read("Q") for _ in range(n_dims))
        return name, dims, self._read("I"), self._read("Q")

    def _tensor(self, start: int, name: str, dims: tuple[int, ...], raw_type: int, offset: int) -> GGUFTensor:
        try:
            ttype = GGMLQuantizationType(raw_type)
        except ValueError as exc:
            raise GGUFFormatError(f"tensor {name!r} has unknown type {raw_type}") from exc
        block, type_size = GGML_QUANT_SIZES[ttype]
        n_elems = int(np.prod(dims, dtype=np.int64)) if dims else 1
        np_dims = tuple(reversed(dims))
        if np_dims and np_dims[-1] % block:
            raise GGUFFormatError(f"tensor {name!r}: {np_dims[-1]} columns are not whole {ttype.name} blocks")
        n_bytes = n_elems // block * type_size
        at = start + offset
        if at + n_bytes > len(self._map):
            raise GGUFFormatError(f"tensor {name!r} ({n_bytes} bytes at {at}) runs past the end of the "
                                  f"file ({len(self._map)} bytes): truncated?")
        if ttype in _TYPED:
            dtype = np.dtype(_TYPED[ttype]).newbyteorder(self._end)
            data = np.frombuffer(self._map, dtype, n_elems, at).reshape(np_dims)
        else:
            shape = (*np_dims[:-1], np_dims[-1] // block * type_size) if np_dims else (n_bytes,)
            data = np.frombuffer(self._map, np.uint8, n_bytes, at).reshape(shape)
        return GGUFTensor(name, ttype, dims, n_bytes, data)
