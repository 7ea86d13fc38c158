"""Documents that are broken, empty, huge or of a kind giaparse does not read: a clear exit 2 or
a partial report with diagnostics, in bounded time, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, seed_text

import giaparse
from giaparse.cli import main
from giaparse.export import read_table, run_batch
from giaparse.rendering import render

CORPUS = Path(__file__).parent / "corpus"
SEED = "001_1ec50763975fa479.txt"


def _cli(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["parse", str(path)])
    return result.exit_code, result.stdout, result.stderr


def _refused(path: Path, *words: str) -> None:
    code, out, err = _cli(path)
    assert code == 2 and out == ""
    (line,) = err.splitlines()  # one line, never a traceback
    assert line.startswith(f"giaparse: {path}: ")
    for word in words:
        assert word in line, line


def _pdf(pages: int, text: bool = False) -> bytes:
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_a_truncated_pdf(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    path = tmp_path / "cut.pdf"
    path.write_bytes((CORPUS / "hongze-2023.pdf").read_bytes()[:30_000])
    code, _, err = _cli(path)
    assert code in (0, 2) and "Traceback" not in err
    if code == 2:
        assert len(err.splitlines()) == 1


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(2))
    _refused(path, "没有文字层", "OCR")


def test_a_pdf_of_thousands_of_empty_pages(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(_pdf(3000))
    _refused(path, "没有文字层")


def test_a_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data/report.txt", seed_text(SEED))
    path = tmp_path / "report.docx"  # the name says .docx; the bytes say otherwise
    path.write_bytes(buf.getvalue())
    _refused(path, "ZIP 压缩包", "不是 Word .docx")


def test_a_damaged_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    path = tmp_path / "damaged.docx"
    path.write_bytes(buf.getvalue())
    _refused(path, "损坏")


def test_a_docx_with_no_tables_is_a_partial_report(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    report = giaparse.parse(seed_text(SEED))
    items = [i for i in giaparse.rendering.report_items(report) if isinstance(i, giaparse.Prose)]
    from giaparse.rendering.documents import to_docx

    path = tmp_path / "prose.docx"
    path.write_bytes(to_docx(items))
    again = giaparse.parse_file(path)
    assert again.sections.overview == report.sections.overview
    missing = [d.cells for d in again.diagnostics if d.code == "MISSING_TABLE"]
    assert missing == [("active_disclosure",), ("applications",), ("reviews",)]


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_word_97_and_wps_files_are_refused_with_how_to_convert(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    _refused(path, "Word 97-2003", "另存为 .docx", "libreoffice")


def test_an_html_page_with_no_report(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(
        "<html><body><div class=nav><a>首页</a></div><p>今天天气很好。</p>"
        "<table><tr><td>索引号</td><td>123</td></tr></table></body></html>",
        encoding="utf-8",
    )
    _refused(path, "应为一份政府信息公开工作年度报告")


def test_a_50_mb_html_page_still_gives_its_report(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    report = giaparse.parse(seed_text(SEED))
    nav = "<div class='nav'>" + "<p><a href='/x'>导航链接</a> 新闻动态 政务公开</p>\n" * 800_000
    page = render(report, "html").replace("<body>", "<body>" + nav + "</div>", 1)
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    again = giaparse.parse_file(path)
    assert again.applications == report.applications and again.agency == report.agency


def test_a_missing_extra_names_its_pip_install(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes((CORPUS / "hongze-2024.pdf").read_bytes())
    code = (
        "import sys; sys.modules['pypdfium2'] = None; sys.modules['pypdfium2.raw'] = None\n"
        "from giaparse.cli import main\n"
        f"sys.argv = ['giaparse', 'parse', {str(path)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert "pip install 'giaparse[pdf]'" in line


def test_a_batch_over_a_mixed_folder_writes_a_row_per_file(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("pypdfium2")
    folder = tmp_path / "mixed"
    folder.mkdir()
    report = giaparse.parse(seed_text(SEED))
    (folder / "a.txt").write_text(seed_text(SEED), encoding="utf-8")
    (folder / "b.html").write_text(render(report, "html"), encoding="utf-8")
    (folder / "c.docx").write_bytes(render(report, "docx"))
    (folder / "d.pdf").write_bytes((CORPUS / "hongze-2024.pdf").read_bytes())
    (folder / "e.pdf").write_bytes(b"%PDF-1.7\n" + b"\0" * 100)  # unreadable
    (folder / "f.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    out = tmp_path / "c.sqlite"
    summary = run_batch([folder], out)
    assert (summary.parsed, summary.failed) == (4, 2)
    rows = {Path(r["source"]).name: r for r in read_table(out, "reports")}
    assert {n: (r["kind"], r["status"]) for n, r in rows.items()} == {
        "a.txt": ("text", "ok"),
        "b.html": ("html", "ok"),
        "c.docx": ("docx", "ok"),
        "d.pdf": ("pdf", "ok"),
        "e.pdf": ("pdf", "failed"),
        "f.doc": (None, "failed"),
    }
    assert "Word 97-2003" in rows["f.doc"]["error"] and "另存为 .docx" in rows["f.doc"]["error"]
    facts = read_table(out, "facts")
    by_file = {}
    for f in facts:
        by_file.setdefault(Path(f["source"]).name, {})[(f["table"], f["row"], f["column"])] = f[
            "value"
        ]
    assert by_file["a.txt"] == by_file["b.html"] == by_file["c.docx"]
    assert by_file["d.pdf"][("applications", "new_requests", "total")] == 95


def test_seeds_still_read_as_text_whatever_their_name(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"  # a text file named .pdf: the bytes decide
    path.write_bytes((FIXTURES / SEED).read_bytes())
    assert giaparse.parse_file(path).layout == "newline"
