"""The Dask recipe on a LocalCluster with 2 worker processes equals the serial batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaparse.export import read_table, run_batch
from giaparse.rendering.corpus import write_corpus

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def _sorted(frame: pd.DataFrame) -> list[tuple]:
    frame = frame.astype(object).where(frame.notna(), None)
    return sorted(tuple(str(v) for v in row) for row in frame.itertuples(index=False))


def test_dask_recipe_equals_serial_batch(tmp_path: Path) -> None:
    from giaparse.export.dask import dtypes, facts_to_parquet, tables

    paths = write_corpus(tmp_path / "in", 30, seed=3)
    (tmp_path / "in" / "broken.txt").write_text("不是报告\n", encoding="utf-8")
    paths.append(tmp_path / "in" / "broken.txt")
    run_batch(paths, tmp_path / "serial.jsonl")
    serial = {
        t: pd.DataFrame(read_table(tmp_path / "serial.jsonl", t)).astype(dtypes(t))
        for t in ("reports", "facts")
    }

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        reports, facts, _ = tables(paths, partition_size=8)
        got_facts = facts.compute()
        got_reports = reports.compute()
        facts_to_parquet(paths, tmp_path / "facts.parquet", partition_size=8)

    assert len(got_facts) == len(serial["facts"]) > 0
    assert _sorted(got_facts[serial["facts"].columns]) == _sorted(serial["facts"])
    assert _sorted(got_reports[serial["reports"].columns]) == _sorted(serial["reports"])
    assert got_reports["status"].tolist().count("failed") == 1
    back = pd.read_parquet(tmp_path / "facts.parquet")
    assert len(back) == len(serial["facts"])
