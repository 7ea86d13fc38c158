"""The review page, tested as a person uses it: in a real headless Chromium (Debian's
``chromium``; ``.ci/run`` installs it), through Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from conftest import seed_text

import giaparse
import giaparse.export.review
from giaparse.cli import main
from giaparse.export import run_batch
from giaparse.rendering import render
from giaparse.testing import corpus

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED = "003_95eaafa52db6b695.txt"  # a 2021 report, tab layout


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser: Any, html: str, tmp_path: Path, hash_: str = "") -> Any:
    path = tmp_path / "review.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri() + hash_)
    page.dialogs = dialogs
    return page


def broken_report() -> giaparse.Report:
    """Seed 003 with （七）总计 for 自然人 printed 5 too high: a real parse of real text."""
    base = giaparse.parse(seed_text(SEED))
    row = base.applications.total_processed
    wrong = attrs.evolve(row, natural_person=(row.natural_person or 0) + 5)
    applications = attrs.evolve(base.applications, total_processed=wrong)
    return giaparse.parse(render(attrs.evolve(base, applications=applications), "tab"))


def test_a_broken_total_is_highlighted_with_its_message(browser: Any, tmp_path: Path) -> None:
    report = broken_report()
    (failure,) = [d for d in report.errors() if d.code == "T3_COLUMN_BALANCE"]
    page = open_page(browser, giaparse.review([("broken.txt", report)]), tmp_path)
    cell = page.locator('td[data-key="applications.total_processed.natural_person"]')
    assert "fail" in cell.get_attribute("class")
    assert failure.message in cell.get_attribute("title")
    assert cell.get_attribute("tabindex") == "0"  # reachable by keyboard: the message on focus
    visible = cell.inner_text()
    assert visible.startswith(str(report.applications.total_processed.natural_person))
    # the diagnostics list links to the cell
    link = page.locator("ol.findings a", has_text="T3_COLUMN_BALANCE").first
    link.click()
    # a click that changes the hash is handled in a later task (hashchange): wait for it
    page.wait_for_function("document.activeElement && document.activeElement.dataset.key")
    assert page.evaluate("document.activeElement.dataset.key") == failure.cells[0]
    first = page.locator(f'td[data-key="{failure.cells[0]}"]')
    assert failure.message in first.inner_text()  # the message printed beside its cell
    # a passing cell is not marked
    ok = page.locator('td[data-key="applications.new_requests.commercial"]')
    assert ok.get_attribute("class") == "value"
    page.close()


def test_a_blank_cell_and_a_zero_cell_look_different(browser: Any, tmp_path: Path) -> None:
    base = giaparse.parse(seed_text(SEED))
    row = attrs.evolve(base.applications.granted, commercial=None, research=0)
    report = attrs.evolve(base, applications=attrs.evolve(base.applications, granted=row))
    page = open_page(browser, giaparse.review([report]), tmp_path)
    blank = page.locator('td[data-key="applications.granted.commercial"]')
    zero = page.locator('td[data-key="applications.granted.research"]')
    assert (blank.inner_text(), zero.inner_text()) == ("空", "0")
    style = "e => [getComputedStyle(e).backgroundImage, getComputedStyle(e).color, getComputedStyle(e).fontStyle]"
    assert blank.evaluate(style) != zero.evaluate(style)
    page.close()


def test_every_view_draws_for_the_seeds_examples_and_published_reports(
    browser: Any, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parent.parent
    paths = [
        *sorted((root / "tests" / "fixtures").glob("*.txt")),
        *sorted((root / "examples").glob("*")),
        *sorted(p for p in (root / "tests" / "corpus").glob("*") if p.suffix in (".pdf", ".html")),
    ]
    reports = [(p.name, giaparse.parse_file(p)) for p in paths]
    page = open_page(browser, giaparse.review(reports), tmp_path)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for i, (_, report) in enumerate(reports):
        page.evaluate(f"location.hash = 'r-{i}'")
        assert page.locator("#report table.report").count() == 3
        drawn = page.locator("#report td.value").count()
        assert drawn == len(giaparse.export.review.shape(report.template)["keys"]) + sum(
            len(x.cells) for x in getattr(report.active_disclosure, "extra_rows", ())
        )
        findings = page.locator("#report ol.findings li").count()
        assert findings == len(report.diagnostics)
    assert errors == []
    page.close()


def test_the_corpus_table_sorts_filters_and_opens_a_report(browser: Any, tmp_path: Path) -> None:
    reports = corpus(30, seed=1)
    reports.append(("broken.txt", broken_report()))
    page = open_page(browser, giaparse.review(reports), tmp_path)
    rows = page.locator("#summary tbody tr")
    assert rows.count() == 31
    assert rows.first.get_attribute("data-source") == "broken.txt"  # worst first
    page.click('#summary th[data-key="year"]')
    page.locator('#summary th[data-key="year"][aria-sort="ascending"]').wait_for()
    years = [int(y) for y in rows.evaluate_all("rs => rs.map(r => r.dataset.year)")]
    assert years == sorted(years)
    page.click('#summary th[data-key="year"]')
    page.locator('#summary th[data-key="year"][aria-sort="descending"]').wait_for()
    years = [int(y) for y in rows.evaluate_all("rs => rs.map(r => r.dataset.year)")]
    assert years == sorted(years, reverse=True)
    agency = reports[3][1].agency
    page.fill("#filter", agency)
    shown = rows.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.agency)")
    assert shown and all(agency in a for a in shown)
    page.locator("#summary tbody tr:not([hidden]) a").first.click()
    assert page.locator("#report h2").inner_text().startswith(agency)
    assert page.locator("#report table.report").count() == 3  # 表二, 表三, 表四
    page.close()


def test_a_script_in_a_report_never_runs(browser: Any, tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    base = giaparse.parse(seed_text(SEED))
    report = attrs.evolve(
        base,
        agency=f"鲁山县{evil}卫健委",
        sections=attrs.evolve(base.sections, overview=f"正文{evil}<img src=x onerror=alert(2)>"),
    )
    page = open_page(browser, giaparse.review([(f"{evil}.txt", report)]), tmp_path)
    page.click("#report details summary")
    assert evil in page.locator("#report details").inner_text()  # shown as text
    assert evil in page.locator("#summary").inner_text()
    assert page.locator("script").count() == 2  # the page's data and its own script, no other
    assert page.locator("img").count() == 0
    assert page.dialogs == []
    page.close()


def test_several_years_of_one_agency_side_by_side(browser: Any, tmp_path: Path) -> None:
    base = giaparse.parse(seed_text(SEED))
    carried = attrs.evolve(base.applications.carried_forward, natural_person=4, total=4)
    first = attrs.evolve(
        base, year=2021, applications=attrs.evolve(base.applications, carried_forward=carried)
    )
    second = attrs.evolve(base, year=2022)  # carries over 0, not last year's 4
    page = open_page(browser, giaparse.review([("a.txt", first), ("b.txt", second)]), tmp_path)
    article = page.locator("#series article")
    assert article.locator("h3").inner_text() == base.agency
    assert article.locator("thead th").all_inner_texts()[1:] == ["2021年", "2022年"]
    # 2022's 上年结转 and 2021's 结转下年 disagree: both cells are marked, in their own years
    failing = article.locator("td.fail")
    assert failing.count() == 2
    rows = article.locator("tbody tr")
    labels = article.locator("tbody th").all_inner_texts()
    carried_over = rows.nth(labels.index("上年结转")).locator("td")
    carried_forward = rows.nth(labels.index("结转下年")).locator("td")
    assert "fail" in (carried_over.nth(1).get_attribute("class") or "")  # 2022
    assert "fail" in (carried_forward.nth(0).get_attribute("class") or "")  # 2021
    assert "上年结转" in failing.first.get_attribute("title")
    assert article.locator("svg polyline").count() == 4
    assert "CROSS_YEAR_CARRY" in article.locator("ol.findings").inner_text()
    page.close()


def test_review_reads_a_batch_without_parsing_again(tmp_path: Path) -> None:
    out = tmp_path / "out" / "corpus.sqlite"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text(SEED), encoding="utf-8")
    (folder / "b.txt").write_text("不是报告", encoding="utf-8")
    run_batch([folder], out)
    page = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "鲁山县卫健委" in html and "b.txt" in html and "应为" in html


def test_a_2000_report_corpus_opens(browser: Any, tmp_path: Path) -> None:
    html = giaparse.review(corpus(2000, seed=1))
    size = len(html.encode("utf-8"))
    assert size < 8_000_000  # measured and reported in docs/review.md
    page = open_page(browser, html, tmp_path, "#sort=errors&dir=desc")
    assert page.locator("#summary tbody tr").count() == 2000
    page.goto(page.url.split("#")[0] + "#r-1999")
    page.locator("#report h2").wait_for()
    assert page.locator("#report table.report").count() == 3
    page.close()
