"""The ``giaparse`` command. Errors become one line on stderr and exit status 2, never a trace."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from giaparse.api import parse_file
from giaparse.core.diagnostics import SEVERITIES
from giaparse.core.errors import GiaparseError
from giaparse.model.report import Report
from giaparse.sources.files import iter_inputs

# 0 done; 1 reports have error diagnostics (check); 2 an input is not a report or cannot be
# read; 3 the output cannot be written
EXIT_OK, EXIT_DIAGNOSTICS, EXIT_NOT_A_REPORT, EXIT_OUTPUT = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="giaparse")
def main() -> None:
    """Read 政府信息公开工作年度报告 (text, web pages, Word and PDF files) into typed, checked data."""


_template_option = click.option(
    "--template", default=None, help="Force a registered template instead of detecting it."
)


def _reports(paths: Iterable[Path], template: str | None) -> Iterator[tuple[Path, Report | None]]:
    """Each file's report, or None after its one-line reason went to stderr."""
    for path in iter_inputs(paths):
        try:
            yield path, parse_file(path, template=template)
        except GiaparseError as err:
            _fail(path, err)
            yield path, None


@main.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: the report-json contract; text: tables for a person.",
)
@_template_option
def parse_cmd(paths: tuple[Path, ...], fmt: str, template: str | None) -> None:
    """Parse report files. One file: one JSON object; several: JSON Lines."""
    failed = False
    for path, report in _reports(paths, template):
        if report is None:
            failed = True
            continue
        if fmt == "text":
            from giaparse.rendering.text import render_text

            click.echo(render_text(report, source=str(path)))
        elif len(paths) == 1 and not Path(paths[0]).is_dir():
            click.echo(report.to_json(indent=2))
        else:
            click.echo(json.dumps({"source": str(path), **report.to_dict()}, ensure_ascii=False))
    sys.exit(EXIT_NOT_A_REPORT if failed else EXIT_OK)


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: grouped by file, in Chinese; json: one object per file.",
)
@click.option(
    "--severity",
    type=click.Choice(["error", "warning", "info"]),
    default="info",
    show_default=True,
    help="Show diagnostics of this severity and worse (error: errors only).",
)
@_template_option
def check_cmd(paths: tuple[Path, ...], fmt: str, severity: str, template: str | None) -> None:
    """Check report files. Exit 1 when any error diagnostic, 0 when clean, 2 when not a report."""
    shown = SEVERITIES[: SEVERITIES.index(severity) + 1]
    status = EXIT_OK
    for path, report in _reports(paths, template):
        if report is None:
            status = EXIT_NOT_A_REPORT
            continue
        if report.errors() and status == EXIT_OK:
            status = EXIT_DIAGNOSTICS
        if fmt == "json":
            click.echo(
                json.dumps(
                    {
                        "source": str(path),
                        "template": report.template,
                        "year": report.year,
                        "agency": report.agency,
                        "diagnostics": [
                            d for d in report.to_dict()["diagnostics"] if d["severity"] in shown
                        ],
                    },
                    ensure_ascii=False,
                )
            )
            continue
        counts = {
            s: sum(1 for d in report.diagnostics if d.severity == s)
            for s in ("error", "warning", "info")
        }
        click.echo(
            f"{path}  {report.agency or '—'} {report.year or '—'}年 模板{report.template or '—'}  "
            f"错误{counts['error']} 警告{counts['warning']} 提示{counts['info']}"
        )
        for d in report.diagnostics:
            if d.severity in shown:
                where = f"{d.location} " if d.location is not None else ""
                click.echo(f"  [{d.severity}] {d.code} {where}{d.message}")
    sys.exit(status)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="corpus.sqlite",
    show_default=True,
    help="Output by extension: .sqlite, .jsonl, .csv (one file per table), .parquet.",
)
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Worker processes.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: on when stderr is a terminal).",
)
@click.option(
    "--wide",
    is_flag=True,
    help="Also write the wide table: one row per report, one column per cell.",
)
def batch_cmd(
    inputs: tuple[str, ...], output: str, jobs: int, progress: bool | None, wide: bool
) -> None:
    """Parse files, folders and globs into reports, facts and diagnostics tables."""
    from giaparse.export.batch import run_batch
    from giaparse.export.progress import progress_bar

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with progress_bar(show) as tick:
            summary = run_batch(inputs, output, jobs=jobs, progress=tick, wide=wide)
        _warn_excel(output)
    except (OSError, sqlite3.Error) as err:  # the output: a folder, a disk, a locked file
        _fail(output, err)
        sys.exit(EXIT_OUTPUT)
    except (ValueError, RuntimeError) as err:  # the inputs or the options
        _fail(None, err)
        sys.exit(EXIT_NOT_A_REPORT)
    click.echo(f"giaparse: {output}: {summary.line()}", err=True)
    sys.exit(EXIT_OK)


@main.command("review")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="review.html",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The HTML file to write.",
)
@_template_option
def review_cmd(inputs: tuple[str, ...], output: Path, template: str | None) -> None:
    """Write a review page: report files, folders and globs, or a batch's SQLite or JSON Lines
    output (read without parsing again). One self-contained HTML file."""
    from giaparse.export.load import is_batch_output, load_entries
    from giaparse.export.review import Entry, review

    entries: list[Entry] = []
    files: list[str] = []
    for item in inputs:
        if Path(item).is_file() and is_batch_output(item):
            entries.extend(load_entries(item))
        else:
            files.append(item)
    for path in iter_inputs(files):
        try:
            entries.append(Entry(str(path), parse_file(path, template=template)))
        except GiaparseError as err:
            entries.append(Entry(str(path), None, _one_line(err)))
    try:
        page = review(entries)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
    except OSError as err:
        _fail(output, err)
        sys.exit(EXIT_OUTPUT)
    except GiaparseError as err:
        _fail(None, err)
        sys.exit(EXIT_NOT_A_REPORT)
    failed = sum(1 for e in entries if e.report is None)
    click.echo(f"giaparse: {output}: {len(entries)} reports ({failed} unreadable)", err=True)
    sys.exit(EXIT_OK)


def _warn_excel(output: str) -> None:
    """A facts CSV longer than an Excel sheet: say so (Excel drops the rest without a word)."""
    from giaparse.export.writers import EXCEL_ROWS, table_paths

    path = Path(output)
    if path.suffix.lower() != ".csv":
        return
    facts = table_paths(path)["facts"]
    with facts.open("rb") as fh:
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    if rows > EXCEL_ROWS:
        click.echo(
            f"giaparse: {facts}: {rows - 1} 行事实数据超过 Excel 工作表的 {EXCEL_ROWS - 1} 行上限，"
            "Excel 打开时会丢掉其余的行；请改用 --wide 的宽表（每份报告一行），或 SQLite / Parquet",
            err=True,
        )


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())


def _fail(where: Path | str | None, err: Exception) -> None:
    """The one line on stderr an error becomes: ``giaparse: [where: ]message``."""
    place = f"{where}: " if where is not None else ""
    click.echo(f"giaparse: {place}{_one_line(err)}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
