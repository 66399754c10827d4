"""ketch's GGUF header reader against gguf-py's, and its errors on damaged files."""
from __future__ import annotations

import numpy as np
import pytest

from ketch.formats import gguf as kgguf
from ketch.formats.gguf_header import GGUFHeader
from tests.formats.gguf_writer import write_gguf
from tests.text import squash


@pytest.fixture(scope="module")
def mixed_gguf(tiny_models, tmp_path_factory):
    path, hf = tiny_models("llama")
    quant = {"attn_q": "Q8_0", "attn_k": "Q4_0", "ffn_gate": "Q4_1", "ffn_up": "Q5_1", "attn_v": "F16"}
    return write_gguf(hf, path, tmp_path_factory.mktemp("hdr") / "mixed.gguf", quant, add_bos=True)


def test_header_reads_what_gguf_py_reads(mixed_gguf):
    gguf = pytest.importorskip("gguf")
    ref = gguf.GGUFReader(str(mixed_gguf))
    ours = GGUFHeader(mixed_gguf)
    want = {k: f.contents() for k, f in ref.fields.items() if not k.startswith("GGUF.")}
    assert ours.fields == want
    assert isinstance(ours.fields["tokenizer.ggml.tokens"][0], str)
    assert ours.fields["tokenizer.ggml.add_bos_token"] is True
    assert [t.name for t in ours.tensors] == [t.name for t in ref.tensors]
    types = set()
    for a, b in zip(ours.tensors, ref.tensors):
        types.add(a.tensor_type.name)
        assert (a.tensor_type, a.shape, a.n_bytes) == (b.tensor_type, tuple(b.shape.tolist()), int(b.n_bytes))
        assert a.data.dtype == b.data.dtype and a.data.shape == b.data.shape
        assert np.array_equal(a.data, b.data)
        assert not a.data.flags.writeable  # a view of the file, not a copy
    assert {"F32", "F16", "Q8_0", "Q4_0", "Q4_1", "Q5_1"} <= types


@pytest.mark.parametrize("damage, message", [
    (lambda b: b[:0], "empty file"),
    (lambda b: b"GGML" + b[4:], "bad magic"),
    (lambda b: b[:4] + (7).to_bytes(4, "little") + b[8:], "GGUF version 7 is not supported"),
    (lambda b: b[:4096], "ends inside the header"),
    (lambda b: b[:-100], "runs past the end of the file"),
    (lambda b: b[:8] + (1 << 40).to_bytes(8, "little") + b[16:], "the file is"),
])
def test_damaged_files_get_a_clear_error(mixed_gguf, tmp_path, damage, message):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(damage(mixed_gguf.read_bytes()))
    with pytest.raises(kgguf.GGUFError) as err:
        kgguf.open_reader(bad)
    assert squash(message) in squash(str(err.value)) and str(bad) in str(err.value)
