"""Document readers against the libraries they stand beside, on the same files, in one run.

    pip install -e '.[all]' pdfplumber
    python benchmarks/documents.py [--repeat 5]

PDF: giaparse's whole parse of each corpus PDF (text, tables, template, checks) against
pdfplumber's ``extract_tables`` alone on every page of the same file (what a user of
pdfplumber would run before any parsing), and pypdfium2 opening the file and reading its text
(the floor of any reader built on it). HTML: giaparse's whole parse against lxml's parse of
the page alone. Times are the best of ``--repeat`` runs, each library in alternation.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

import giaparse

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def pdfplumber_tables(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def pdfium_text(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def html_parse(data: bytes) -> None:
    from lxml import etree

    etree.fromstring(data, etree.HTMLParser())


def html_walk(data: bytes) -> None:
    """lxml's parse plus one Python visit of every element: the floor of any reader that
    looks at the page's elements from Python."""
    from lxml import etree

    for el in etree.fromstring(data, etree.HTMLParser()).iter():
        _ = el.text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    giaparse.parse_file(sorted(CORPUS.glob("*.pdf"))[0])  # warm: grammar, imports
    print(
        f"{'file':34} {'pages':>5} {'giaparse':>9} {'pdfplumber':>11} {'ratio':>6} {'pdfium text':>11}"
    )
    for path in sorted(CORPUS.glob("*.pdf")):
        data = path.read_bytes()
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(data))
        ours = best(lambda d=data: giaparse.parse_bytes(d), args.repeat)
        theirs = best(lambda d=data: pdfplumber_tables(d), args.repeat)
        floor = best(lambda d=data: pdfium_text(d), args.repeat)
        print(
            f"{path.name:34} {pages:5d} {ours * 1000:7.1f}ms {theirs * 1000:9.1f}ms "
            f"{theirs / ours:5.1f}x {floor * 1000:9.1f}ms   {pages / ours:6.0f} pages/s"
        )
    print(
        f"\n{'file':34} {'bytes':>8} {'giaparse':>9} {'lxml parse':>11} {'ratio':>6} "
        f"{'parse+walk':>11}"
    )
    for path in sorted(CORPUS.glob("*.html")):
        data = path.read_bytes()
        ours = best(lambda d=data: giaparse.parse_bytes(d), args.repeat)
        theirs = best(lambda d=data: html_parse(d), args.repeat)
        walk = best(lambda d=data: html_walk(d), args.repeat)
        print(
            f"{path.name:34} {len(data):8d} {ours * 1000:7.1f}ms {theirs * 1000:9.1f}ms "
            f"{ours / theirs:5.1f}x {walk * 1000:9.1f}ms"
        )


if __name__ == "__main__":
    main()
