"""Batch exports: every format read back agrees with the parsed reports; jobs; re-runs; frames."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from hypothesis import given

import giaparse
from giaparse.cli import main
from giaparse.export import COLUMNS, TABLES, Flat, flatten, read_table, run_batch, to_frame
from giaparse.export.writers import JsonlWriter
from giaparse.rendering.corpus import write_corpus
from giaparse.testing import reports

FORMATS = ["sqlite", "jsonl", "csv", "parquet"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(root, 40, seed=7)
    for seed in FIXTURES.glob("*.txt"):
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "zz-not-a-report.txt").write_text("今天天气很好。\n", encoding="utf-8")
    return sorted([*paths, *root.glob("0*.txt"), root / "zz-not-a-report.txt"])  # batch order


def _expected(paths: list[Path]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for p in paths:
        try:
            flat = flatten(str(p), giaparse.parse_file(p))
        except giaparse.ParseError:
            continue
        for t in TABLES:
            rows[t].extend(flat.table(t))
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_reads_back_as_parsed(tmp_path: Path, corpus: list[Path], fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"corpus.{fmt}"
    summary = run_batch([corpus[0].parent], out)
    assert (summary.parsed, summary.failed) == (45, 1)
    want = _expected(corpus)
    for table in ("facts", "diagnostics"):
        got = read_table(out, table)
        expected = want[table]
        if fmt == "csv":  # CSV has one empty field for "" and for no value: both read as None
            expected = [{k: None if v == "" else v for k, v in r.items()} for r in expected]
        assert got == expected, table  # typed values: 7 is not "7"
    reports = read_table(out, "reports")
    assert len(reports) == 46
    (bad,) = [r for r in reports if r["status"] == "failed"]
    assert bad["source"].endswith("zz-not-a-report.txt") and "应为" in bad["error"]


def test_facts_carry_labels_and_raw_text(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    run_batch([FIXTURES / "001_1ec50763975fa479.txt"], out)
    facts = read_table(out, "facts")
    (money,) = [f for f in facts if f["row"] == "procurement" and f["column"] == "amount"]
    assert (money["amount"], money["unit"], money["raw"]) == ("674.7294", "万元", "674.7294万元")
    assert (money["row_label"], money["column_label"]) == ("政府集中采购", "采购总金额")
    assert len(facts) == (6 * 3 + 2 * 2) + 23 * 7 + 15  # 表二 + 表三 + 表四 cells


def test_csv_has_a_bom_for_excel(tmp_path: Path) -> None:
    run_batch([FIXTURES], tmp_path / "c.csv")
    assert (tmp_path / "c.facts.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jobs_output_is_identical_to_serial(tmp_path: Path, corpus: list[Path], fmt: str) -> None:
    run_batch([corpus[0].parent], tmp_path / f"serial.{fmt}", jobs=1)
    run_batch([corpus[0].parent], tmp_path / f"pool.{fmt}", jobs=2)
    for table in TABLES:
        serial = (tmp_path / f"serial.{table}.{fmt}").read_bytes()
        assert (tmp_path / f"pool.{table}.{fmt}").read_bytes() == serial
    assert len(read_table(tmp_path / f"pool.{fmt}", "reports")) == len(corpus)


def test_sqlite_pool_stores_what_serial_stores_in_input_order(
    tmp_path: Path, corpus: list[Path]
) -> None:
    run_batch([corpus[0].parent], tmp_path / "serial.sqlite", jobs=1)
    run_batch([corpus[0].parent], tmp_path / "pool.sqlite", jobs=2)
    for table in TABLES:
        serial = read_table(tmp_path / "serial.sqlite", table)
        assert read_table(tmp_path / "pool.sqlite", table) == serial, table
    sources = [r["source"] for r in read_table(tmp_path / "pool.sqlite", "reports")]
    assert sources == [str(p) for p in corpus]


def test_second_sqlite_batch_replaces_shared_sources_and_appends_new_ones(tmp_path: Path) -> None:
    seeds = sorted(FIXTURES.glob("*.txt"))
    out = tmp_path / "c.sqlite"
    run_batch(seeds[:3], out, jobs=2)
    run_batch([seeds[1], seeds[3]], out)
    names = [Path(r["source"]).name[:3] for r in read_table(out, "reports")]
    assert names == ["000", "002", "001", "003"]
    facts = read_table(out, "facts")
    assert [Path(f["source"]).name[:3] for f in facts[:1] + facts[-1:]] == ["000", "003"]
    per_source = {n: sum(1 for f in facts if Path(f["source"]).name[:3] == n) for n in names}
    assert per_source["001"] == (6 * 3 + 2 * 2) + 23 * 7 + 15  # once, not twice


def test_rerun_replaces_rows_stored_with_sequential_rowids(tmp_path: Path) -> None:
    """Files written before rowids were per-file slots: their rows are found by source."""
    seeds = sorted(FIXTURES.glob("*.txt"))
    out = tmp_path / "old.sqlite"
    run_batch(seeds[:2], out)
    db = sqlite3.connect(out)
    for t in TABLES:  # the same rows, renumbered 1, 2, 3… as the earlier writer stored them
        db.execute(f'CREATE TEMP TABLE "old_{t}" AS SELECT * FROM "{t}" ORDER BY rowid')
        db.execute(f'DELETE FROM "{t}"')
        db.execute(f'INSERT INTO "{t}" SELECT * FROM "old_{t}"')
        db.execute(f'CREATE INDEX IF NOT EXISTS "{t}_source" ON "{t}" ("source")')
    db.commit()
    assert db.execute("SELECT max(rowid) FROM reports").fetchone() == (2,)
    db.close()
    before = {t: len(read_table(out, t)) for t in TABLES}
    run_batch(seeds[1:3], out, jobs=2)
    names = [Path(r["source"]).name[:3] for r in read_table(out, "reports")]
    assert names == ["000", "001", "002"]
    facts = read_table(out, "facts")
    assert len(facts) == before["facts"] + sum(
        1 for f in facts if Path(f["source"]).name[:3] == "002"
    )


def test_rerun_into_sqlite_does_not_duplicate(tmp_path: Path, corpus: list[Path]) -> None:
    out = tmp_path / "c.sqlite"
    run_batch([corpus[0].parent], out)
    first = {t: len(read_table(out, t)) for t in TABLES}
    run_batch([corpus[0].parent], out, jobs=2)
    assert {t: len(read_table(out, t)) for t in TABLES} == first


def test_globs_and_folders(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    run_batch([str(FIXTURES / "00[01]_*.txt")], out)
    assert [Path(r["source"]).name[:3] for r in read_table(out, "reports")] == ["000", "001"]


def test_batch_cli_summary_and_exit(tmp_path: Path, corpus: list[Path]) -> None:
    result = CliRunner().invoke(
        main, ["batch", str(corpus[0].parent), "-o", str(tmp_path / "c.sqlite"), "--jobs", "2"]
    )
    assert result.exit_code == 0
    assert "parsed 45 (with errors 0), failed 1" in result.output  # summary on stderr
    bad = CliRunner().invoke(main, ["batch", str(FIXTURES), "-o", str(tmp_path / "c.xlsx")])
    assert bad.exit_code == 2 and "unknown output format" in bad.output


def test_to_frame() -> None:
    pd = pytest.importorskip("pandas")
    assert giaparse.to_frame is to_frame  # the top-level name the README shows
    reports = [(p.name, giaparse.parse_file(p)) for p in sorted(FIXTURES.glob("*.txt"))]
    facts = giaparse.to_frame(reports, kind="facts")
    assert isinstance(facts, pd.DataFrame)
    row = facts[
        (facts.source == "001_1ec50763975fa479.txt")
        & (facts.row == "licensing")
        & (facts.column == "decisions")
    ]
    assert row["value"].tolist() == [3973]
    assert to_frame(reports, kind="reports")["year"].tolist() == [2020, 2020, 2020, 2021, 2023]
    diags = to_frame([r for _, r in reports], kind="diagnostics")
    assert diags["code"].tolist()[0] == "EXTRA_ROW" and diags["source"].tolist()[0] == "0"


def test_a_chunk_that_fails_to_encode_still_passes_its_turn(tmp_path: Path) -> None:
    """Otherwise the worker holding the next chunk would wait for it forever."""
    from giaparse.export.writers import AppendBytes, Turn

    def broken(flats: list) -> dict[str, bytes]:
        raise ValueError("cannot encode")

    turn = Turn()
    append = AppendBytes({"reports": str(tmp_path / "r.jsonl")}, broken, turn)
    with pytest.raises(ValueError, match="cannot encode"):
        append(0, [flatten("a", giaparse.parse_file(FIXTURES / "001_1ec50763975fa479.txt"))])
    with turn(1, 1):  # the next chunk's turn has come
        pass
    assert not (tmp_path / "r.jsonl").exists()


def _plain_jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


@given(reports(consistent=None))
def test_facts_jsonl_is_plain_json_encoding(report: giaparse.Report) -> None:
    """The facts encoder joins pre-encoded parts; its bytes are json.dumps's, row for row."""
    flats = [flatten("语料/一.txt", report), flatten("b.txt", attrs.evolve(report, agency=None))]
    encoded = JsonlWriter.encode(flats)
    for table in TABLES:
        assert encoded[table] == _plain_jsonl([r for f in flats for r in f.table(table)]), table


def test_facts_jsonl_escapes_what_json_escapes() -> None:
    odd = ['"引号"', "back\\slash", "行\n尾", "\u2028", "😀", "\x00"]
    facts = [
        dict(
            zip(
                COLUMNS["facts"],
                [
                    odd[0],
                    odd[1],
                    2020,
                    "2021",
                    "t",
                    odd[2],
                    odd[3],
                    None,
                    "1.5",
                    "万元",
                    odd[4],
                    odd[5],
                    None,
                ],
                strict=True,
            )
        ),
        dict(
            zip(
                COLUMNS["facts"],
                [odd[0], odd[1], 2020, "2021", "t", "r", "c", -7, None, None, "", "行", "列"],
                strict=True,
            )
        ),
    ]
    flat = Flat([], facts, [])
    assert JsonlWriter.encode([flat])["facts"] == _plain_jsonl(facts)


def test_facts_jsonl_memos_stay_bounded() -> None:
    from giaparse.export import writers

    rows = [
        dict(
            zip(
                COLUMNS["facts"],
                [
                    "s",
                    "a",
                    2020,
                    "2021",
                    "t",
                    f"extra_rows[{i}]",
                    "0",
                    None,
                    None,
                    None,
                    f"单元格{i}" * 20,
                    f"行名{i}",
                    None,
                ],
                strict=True,
            )
        )
        for i in range(3 * writers._MAX_CELLS)
    ]
    assert JsonlWriter.encode([Flat([], rows, [])])["facts"] == _plain_jsonl(rows)
    assert len(writers._CELLS) <= writers._MAX_CELLS
    assert len(writers._STRINGS) <= writers._MAX_STRINGS
    assert all(len(k) <= writers._SHORT for k in writers._STRINGS)
