"""PDF tables drawn without lines: how much comes back, setting by setting.

    python benchmarks/pdf_layouts.py [--n 3000] [--blanks]

Generated reports (``giaparse.testing.reports``: consistent, without blank cells unless
``--blanks``) are set character by character as a PDF page holds them
(``tests/page_layout.py``), each in a table setting drawn from the report's draw: text at
the top or the middle of cells, 0-6 pt above and below, label columns 4-20 characters wide,
lines between rows or none. Each page goes through the reader of tables without lines and
the parse; the script counts, for text in the middle and at the top of cells, the reports
that come back exactly, the cells that do, and the cells read as another value (it must
print 0). Derandomized: the same reports on every run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from page_layout import Setting, laid_out

import giaparse
from giaparse.sources.pdf_aligned import aligned_items
from giaparse.sources.pdf_chars import text_lines
from giaparse.testing import report_cells, reports


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--blanks", action="store_true")
    args = ap.parse_args()
    count: Counter[str] = Counter()

    @settings(
        max_examples=args.n,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(reports(consistent=True, blanks=args.blanks), st.randoms(use_true_random=False))
    def run(report: giaparse.Report, rnd: object) -> None:
        setting = Setting.draw(rnd)  # type: ignore[arg-type]
        chars, rules = laid_out(report, setting)
        got = giaparse.parse_items(aligned_items(text_lines(chars), 1, 0, rules), layout="pdf")
        want, read = (
            report_cells(report),
            report_cells(got) if got.template == report.template else {},
        )
        where = "middle" if setting.middle else "top"
        count[f"{where} reports"] += 1
        count[f"{where} exact"] += want == read
        count[f"{where} cells"] += len(want)
        count[f"{where} cells right"] += sum(read.get(k) == v for k, v in want.items())
        count[f"{where} cells wrong"] += sum(
            read.get(k) is not None and read.get(k) != v for k, v in want.items()
        )

    run()
    for where in ("middle", "top"):
        n, cells = count[f"{where} reports"], count[f"{where} cells"]
        if n:
            print(
                f"text at the {where:6}  reports {n:5}  exact {count[f'{where} exact']:5} "
                f"({count[f'{where} exact'] / n:.1%})  cells right "
                f"{count[f'{where} cells right'] / cells:.2%}  cells wrong {count[f'{where} cells wrong']}"
            )


if __name__ == "__main__":
    main()
