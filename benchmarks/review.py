"""The review page at corpus scale: file size, time to build it, time to open it in Chromium.

    python benchmarks/review.py [--reports 2000]

Builds the page for generated reports (``giaparse.rendering.corpus``), then opens it in
headless Chromium (Debian's ``chromium``, through Playwright) and times: the page loaded with
its summary table drawn, a re-sort of the table, and a report's view drawn.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import giaparse
from giaparse.testing import corpus

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    args = ap.parse_args()

    reports = corpus(args.reports, seed=1)
    t = time.perf_counter()
    html = giaparse.review(reports)
    built = time.perf_counter() - t
    path = Path(tempfile.mkdtemp()) / "review.html"
    path.write_text(html, encoding="utf-8")
    print(f"{args.reports} reports: {len(html.encode()) / 1e6:.1f} MB, built in {built:.2f} s")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page()
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("#summary tbody tr")
        print(f"opened (summary drawn): {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        page.click('#summary th[data-key="agency"]')
        page.wait_for_selector('#summary th[aria-sort="ascending"]')
        print(f"sorted by agency: {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        page.evaluate(f"location.hash = 'r-{args.reports - 1}'")
        page.wait_for_selector("#report table.report")
        print(f"a report's view drawn: {time.perf_counter() - t:.3f} s")
        browser.close()


if __name__ == "__main__":
    main()
