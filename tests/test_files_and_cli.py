"""Files in any encoding; the CLI's output and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, seed_text

import giaparse
import giaparse.export
from giaparse.cli import main

SEED = "001_1ec50763975fa479.txt"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_parse_file_detects_the_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(seed_text(SEED).encode(encoding))
    report = giaparse.parse_file(path)
    assert report.agency == "宁海县卫生健康局"
    assert report.active_disclosure.licensing.decisions == 3973


def test_cli_one_file_prints_one_json_object() -> None:
    result = CliRunner().invoke(main, ["parse", str(FIXTURES / SEED), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == giaparse.parse_file(FIXTURES / SEED).to_dict()


def test_cli_several_files_print_json_lines() -> None:
    paths = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    result = CliRunner().invoke(main, ["parse", *paths])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["year"] for line in lines] == [2020, 2020, 2020, 2021, 2023]
    assert lines[0]["source"] == paths[0]


def test_cli_text_format_shows_chinese_labels() -> None:
    result = CliRunner().invoke(main, ["parse", str(FIXTURES / SEED), "--format", "text"])
    assert result.exit_code == 0
    assert "行政许可" in result.output and "处理决定数量 3973" in result.output


NOT_REPORTS = {
    "empty": b"",
    "binary": bytes(range(256)) * 8,
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "prose": "今天天气很好。我们去公园散步，然后回家吃饭。\n第二天又下雨了。\n".encode(),
    "nul": b"\x00" * 500 + "一、总体情况".encode(),
}


@pytest.mark.parametrize("kind", sorted(NOT_REPORTS))
def test_not_a_report_exits_2_with_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(NOT_REPORTS[kind])
    proc = subprocess.run(
        [sys.executable, "-m", "giaparse", "parse", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"giaparse: {path}: ")
    assert "Traceback" not in proc.stderr


def test_parse_error_says_expected_found_and_line() -> None:
    with pytest.raises(giaparse.ParseError) as info:
        giaparse.parse("\n\n今天天气很好。\n")
    err = info.value
    assert err.line == 3 and "一、总体情况" in err.expected and "部分标题0个" in err.found
    assert str(err).startswith("第3行：应为一份政府信息公开工作年度报告")
    assert err.message_en.startswith("line 3: expected a 政府信息公开工作年度报告")
    assert "0 section heading" in err.message_en


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2


def _batch_with_stderr_on_a_terminal(out: Path) -> tuple[bytes, bytes]:
    """Run ``giaparse batch`` with stderr on a pseudo-terminal and stdout piped."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "giaparse", "batch", str(FIXTURES), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal's other end closed: the process is done with it
            break
        if not data:
            break
        seen += data
    stdout = proc.stdout.read() if proc.stdout else b""
    assert proc.wait(timeout=60) == 0
    os.close(master)
    return seen, stdout


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_batch_draws_its_progress_bar_on_the_terminal_and_nothing_on_stdout(
    tmp_path: Path,
) -> None:
    pytest.importorskip("rich")
    terminal, stdout = _batch_with_stderr_on_a_terminal(tmp_path / "c.jsonl")
    assert stdout == b""  # a pipe after `giaparse batch` gets no bar
    text = terminal.decode("utf-8", "replace")
    assert "parsing" in text and "5/5" in text  # the bar, with its count
    assert "parsed 5 (with errors 0), failed 0" in text  # then the summary


def test_batch_piped_prints_only_its_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert line.startswith("giaparse: ") and "parsed 5 (with errors 0), failed 0" in line


def test_readme_python_example_prints_what_its_comments_say(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).parent.parent
    block = (root / "README.md").read_text(encoding="utf-8").split("## In Python")[1]
    code = block.split("```python")[1].split("```")[0]
    monkeypatch.chdir(root)  # the example names examples/… relative to the repository
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    said = [ln.split("  # ", 1)[1] for ln in code.splitlines() if ln.startswith("print(")]
    assert len(said) == 4
    for out, comment in zip(printed[:3], said[:3], strict=True):  # the 4th prints the JSON
        assert out == comment  # the whole printed line, not a prefix of the comment


def test_parse_check_and_batch_pick_the_same_files_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text = seed_text(SEED)
    for name in ("a.txt", "b.md", "sub/c", "d.TEXT"):
        (folder / name).write_text(text, encoding="utf-8")
    for name in ("e.json", ".hidden.txt", "f.csv"):
        (folder / name).write_text("not a report", encoding="utf-8")
    want = [str(folder / n) for n in ("a.txt", "b.md", "d.TEXT", "sub/c")]

    parsed = CliRunner().invoke(main, ["parse", str(folder)])
    assert parsed.exit_code == 0, parsed.output
    assert [json.loads(line)["source"] for line in parsed.output.splitlines()] == want

    checked = CliRunner().invoke(main, ["check", str(folder), "--format", "json"])
    assert [json.loads(line)["source"] for line in checked.output.splitlines()] == want

    out = tmp_path / "c.jsonl"
    batch = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out)])
    assert batch.exit_code == 0
    rows = giaparse.export.read_table(out, "reports")
    assert [r["source"] for r in rows] == want
