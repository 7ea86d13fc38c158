"""What people embedding or scripting giaparse hit: output folders, exit statuses, filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

import giaparse
from giaparse.cli import main

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("suffix", [".sqlite", ".jsonl", ".csv", ".parquet"])
def test_batch_into_a_folder_that_does_not_exist_yet(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / "new" / "deeper" / f"corpus{suffix}"
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert giaparse.export.read_table(out, "reports")


def test_an_output_that_cannot_be_written_exits_3_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "corpus.sqlite"
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(out), "--no-progress"])
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"giaparse: {out}: ")


def test_check_filters_by_severity(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    pdf = str(CORPUS / "hongze-2023.pdf")
    every = CliRunner().invoke(main, ["check", pdf]).output
    errors = CliRunner().invoke(main, ["check", pdf, "--severity", "error"]).output
    assert "[warning]" in every and "[info]" in every
    assert "[warning]" not in errors and "[info]" not in errors and errors.count("[error]") == 2
    data = json.loads(
        CliRunner().invoke(main, ["check", pdf, "--format", "json", "--severity", "warning"]).output
    )
    assert {d["severity"] for d in data["diagnostics"]} == {"error", "warning"}


def test_an_unreadable_file_is_an_os_error_naming_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(OSError) as caught:
        giaparse.parse_file(missing)
    assert isinstance(caught.value, giaparse.UnreadableFileError)
    assert str(missing) in str(caught.value) and caught.value.filename == str(missing)
    result = CliRunner().invoke(main, ["parse", str(missing)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


def test_errors_warnings_and_infos() -> None:
    pytest.importorskip("pypdfium2")
    report = giaparse.parse_file(CORPUS / "hongze-2023.pdf")
    assert [d.code for d in report.errors()] == ["T4_GROUP_TOTAL", "T4_GROUP_TOTAL"]
    assert [d.code for d in report.warnings()] == ["LABEL_MISPRINTED"]
    assert [d.code for d in report.infos()] == ["AGGREGATE_ROW_ZEROS"]


def test_csv_keeps_printed_signs_as_text_for_excel_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "c.csv"
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0
    text = (tmp_path / "c.facts.csv").read_text(encoding="utf-8-sig")
    assert '"=""+7"""' in text or '="+7"' in text  # a printed +7 stays text in Excel
    facts = giaparse.export.read_table(out, "facts")
    printed = {f["raw"] for f in facts if f["raw"]}
    assert "+7" in printed and not any(str(r).startswith("=") for r in printed)


def test_a_facts_csv_longer_than_an_excel_sheet_is_said(tmp_path: Path, monkeypatch) -> None:
    from giaparse.export import writers

    monkeypatch.setattr(writers, "EXCEL_ROWS", 100)  # a small sheet: five reports overflow it
    out = tmp_path / "c.csv"
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0
    warning = [ln for ln in result.stderr.splitlines() if "Excel" in ln]
    assert len(warning) == 1 and "--wide" in warning[0]
