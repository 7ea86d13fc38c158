"""Time the hostile inputs of the fuzz suite: cost must grow linearly, never explode.

python benchmarks/hostile.py
"""

from __future__ import annotations

import time
from pathlib import Path

import giaparse

SEED = (Path(__file__).parent.parent / "tests" / "fixtures" / "000_c86ff80fd85f0836.txt").read_text(
    encoding="utf-8"
)


GLUED = (Path(__file__).parent.parent / "tests" / "crawler" / "glued-2021.txt").read_text(
    encoding="utf-8"
)


def cases() -> dict[str, str]:
    return {
        "10 MB: the report pasted ~1,700 times": SEED * (10_000_000 // len(SEED)),
        "10 MB: 300,000 unknown rows": "\n".join(f"行{i} | {i} | {i} |" for i in range(300_000))[
            :10_000_000
        ],
        "a 200,000-digit line": "9" * 200_000,
        "a 200,000-digit cell in a report": SEED.replace("| 32 |", "| " + "9" * 200_000 + " |"),
        "300,000 pipes on one line": "|" * 300_000,
        "a report + 300,000 pipes": SEED + "\n" + "|" * 300_000 + "\n",
        "300,000 tabs in a row": SEED.replace("规章 | 0", "规章 | 0" + "\t" * 300_000),
        "100,000 nested brackets": "（" * 100_000 + "一、总体情况" + "）" * 100_000,
        "a report + 100,000 page footers": SEED + "— 5 —\n说明\n" * 100_000,
        "a report + 100,000 docx bookmarks": SEED + "[bookmark: _Toc]\n" * 100_000,
        "glued: 表四's run a megabyte of digits": GLUED.replace(
            "1230116200022100012", "1" * 1_000_000
        ),
        "glued: a 表三 row's run of 100,000 digits": GLUED.replace("153010221", "7" * 100_000),
        "glued: the report pasted 2,000 times": GLUED * 2_000,
        "200,000 lines of bare numbers": "\n".join(str(i) for i in range(200_000)),
    }


def main() -> None:
    for name, text in cases().items():
        start = time.perf_counter()
        try:
            report = giaparse.parse(text)
            outcome = f"report, {len(report.diagnostics)} diagnostics"
        except giaparse.ParseError as err:
            outcome = f"ParseError: {str(err)[:60]}"
        print(
            f"{name:<42}{len(text) / 1e6:>7.2f} MB {time.perf_counter() - start:>7.2f} s  {outcome}"
        )


if __name__ == "__main__":
    main()
