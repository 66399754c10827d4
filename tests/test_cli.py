"""The ``ketch`` command, run for real (in-process through typer's runner)."""
from __future__ import annotations

from typer.testing import CliRunner

from ketch.cli import app
from tests.text import squash

runner = CliRunner()


def test_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for cmd in ("pull", "list", "generate", "chat", "bench", "serve"):
        assert cmd in result.output


def test_list_shows_default_model(smollm2_path):
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert "smollm2-135m" in result.output and "Q4_1" in result.output and "134.5M" in result.output


def test_list_off_a_terminal_is_whole_tab_separated_lines_at_any_width(smollm2_path):
    result = runner.invoke(app, ["list"], env={"COLUMNS": "30"})
    assert result.exit_code == 0, result.output
    header, *rows = [line.split("\t") for line in result.output.splitlines()]
    assert header == ["name", "format", "size", "parameters", "quantization", "path"]
    row = next(r for r in rows if r[0] == "smollm2-135m")
    assert row[1] == "gguf" and row[2].endswith(" MB") and row[3:5] == ["134.5M", "Q4_1"]
    assert row[5] == str(smollm2_path)


def test_generate_streams_greedy_answer(smollm2_path):
    result = runner.invoke(app, ["generate", "What is the capital of France?", "--chat", "--temperature", "0",
                                 "--max-tokens", "24", "--dtype", "float32"])
    assert result.exit_code == 0, result.output
    assert "Paris" in result.stdout


def test_generate_bad_argument_is_a_clear_error(smollm2_path):
    result = runner.invoke(app, ["generate", "hi", "--top-p", "7"])
    assert result.exit_code == 1
    assert "top_p" in squash(result.output)


def test_chat_keeps_history_and_exits(smollm2_path):
    result = runner.invoke(app, ["chat", "--temperature", "0", "--max-tokens", "24", "--dtype", "float32"],
                           input="What is the capital of France?\nAnd what country is it in?\n/exit\n")
    assert result.exit_code == 0, result.output
    assert "Paris" in result.stdout
    assert result.stdout.count(">>> ") == 3


def test_serve_help_explains_the_limits():
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    for flag in ("--port", "--max-model-len", "--max-num-seqs", "--max-queue", "--kv-cache-gb", "--drain-timeout"):
        assert flag in result.output


def test_serve_rejects_bad_options_before_loading():
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 1
    assert "port must be in" in squash(result.output)
    result = runner.invoke(app, ["serve", "--log-level", "loud"])
    assert result.exit_code == 1 and "log level" in squash(result.output)


def test_eval_ppl_prints_last_line(smollm2_path, tmp_path):
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "declaration.txt").read_text()
    result = runner.invoke(app, ["eval", "ppl", str(smollm2_path), "--file", str(Path(__file__).parent / "data" /
                                                                             "declaration.txt"),
                                 "--ctx", "128", "--dtype", "float32"])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("ppl = ") and 5 < float(last.split("=")[1]) < 60
    assert text  # the fixture text is non-empty
    missing = runner.invoke(app, ["eval", "ppl", str(smollm2_path), "--file", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "cannot read" in squash(missing.output)


def test_errors_are_one_unwrapped_line_at_any_width(tmp_path):
    """A narrow terminal must not break the message (or the path in it) across lines, and brackets
    in it are text, not rich markup."""
    deep = tmp_path / ("a-rather-long-directory-name-" * 4) / "[weights]" / "missing.gguf"
    result = runner.invoke(app, ["serve", str(deep)], env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and str(deep) in lines[0] and "not found" in lines[0]
