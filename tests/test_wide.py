"""The wide table: one row per report, a column per cell; the same types by every path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED_NAMES

import giaparse
from giaparse.cli import main

pd = pytest.importorskip("pandas")
CORPUS = Path(__file__).parent / "corpus"


def _paths() -> list[Path]:
    return [FIXTURES / n for n in SEED_NAMES] + [CORPUS / "hongze-2024.pdftotext-layout.txt"]


def test_to_frame_wide_has_a_row_per_report_and_typed_cells() -> None:
    frame = giaparse.to_frame([(str(p), giaparse.parse_file(p)) for p in _paths()], kind="wide")
    assert len(frame) == 6 and frame["source"].tolist() == [str(p) for p in _paths()]
    assert str(frame["applications.new_requests.total"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    last = frame.iloc[-1]
    assert last["applications.new_requests.total"] == 95
    assert last["active_disclosure.fees.amount"] == "7545"
    assert last["active_disclosure.fees.amount.unit"] == "万元"
    assert last["active_disclosure.fees.amount_yuan"] == Decimal("75450000")
    # a cell of the other template is empty, never 0
    assert pd.isna(last["active_disclosure.licensing.previous_items"])
    first = frame.iloc[0]  # a 2019 report: its procurement money in yuan, no unit printed
    assert first["active_disclosure.procurement.amount"] == "395289.50"
    assert pd.isna(first["active_disclosure.procurement.amount_yuan"])


@pytest.mark.parametrize("suffix", [".sqlite", ".jsonl", ".csv", ".parquet"])
def test_batch_wide_reads_back_as_to_frame_gives_it(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    for p in _paths():
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / f"corpus{suffix}"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--wide"])
    assert result.exit_code == 0, result.output
    from giaparse.export.wide import read_wide

    got = read_wide(out)
    sources = sorted(folder.iterdir())
    want = giaparse.to_frame([(str(p), giaparse.parse_file(p)) for p in sources], kind="wide")
    got = got.set_index("source").loc[want["source"].tolist()].reset_index()
    assert (got.dtypes == want.dtypes).all()
    assert got.equals(want)
