"""`ketch eval report` / `ketch quantize --report`: one row per format, each figure measured."""
from __future__ import annotations

import json
import math

from typer.testing import CliRunner

from ketch.cli import app
from ketch.tools.quantize.quantize import QuantizeConfig, quantize_model
from ketch.tools.quality_report import DEFAULT_TEXT, measure
from tests.text import squash


def test_report_rows_measure_each_format(tiny_models, tmp_path):
    path, _ = tiny_models("llama")
    quantized = quantize_model(str(path), tmp_path / "q4", QuantizeConfig(bits=4, group_size=32), quiet=True)
    text = DEFAULT_TEXT.read_text()[:2500]
    float_row = measure(str(path), text, ctx=64, dtype="float32")
    q_row = measure(str(quantized), text, ctx=64)
    assert float_row.quantization == "FLOAT32" and not float_row.packed
    assert q_row.quantization == "GPTQ 4-bit" and q_row.packed
    for row in (float_row, q_row):
        assert row.file_bytes > 0 and row.weight_bytes > 0
        assert math.isfinite(row.ppl) and row.ppl > 1
        assert row.decode_tok_s > 0 and row.prefill_tok_s > 0
    assert q_row.weight_bytes < float_row.weight_bytes and q_row.file_bytes < float_row.file_bytes
    assert q_row.ppl != float_row.ppl  # measured, not copied


def test_eval_report_cli_json_and_errors(tiny_models, tmp_path):
    path, _ = tiny_models("llama")
    text = tmp_path / "t.txt"
    text.write_text(DEFAULT_TEXT.read_text()[:2500])
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "report", str(path), "--file", str(text), "--ctx", "64", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout[res.stdout.index("["):])
    assert len(rows) == 1 and rows[0]["ppl"] > 1 and rows[0]["weight_bytes"] > 0
    bad = runner.invoke(app, ["eval", "report", str(path), "--file", str(tmp_path / "missing.txt")])
    assert bad.exit_code == 1 and "cannot read" in squash(bad.output)
