"""Make the PDFs of tables drawn without ruling lines in this folder (needs Debian's chromium).

Each is a seed report rendered as HTML, its tables styled as Word and web pages print them
when no borders are drawn, printed to PDF by headless Chromium:

- ``centred-2021.pdf``: no lines, cells padded, text in the cells' middle (a web page's
  default); labels wrap over up to four lines above and below their values;
- ``word-2019.pdf``, ``word-2021.pdf``: no lines, Word's default cell margins (none above or
  below, 0.19 cm beside), text at the cells' top: a label's next line is as near as the next
  row;
- ``tight-2019.pdf``, ``tight-2021.pdf``: no lines, text in the cells' middle with no room
  between rows (14 pt, 1 pt padding): a label's line lies as near the next row as its own;
- ``rules-2019.pdf``: lines between rows only, none between columns;
- ``centred-blanks-2021.pdf``, ``word-blanks-2019.pdf``: as above, with the cells of
  ``BLANKS`` left blank (a blank prints nothing: the row has fewer values than its table's).

Narrative paragraphs are cut to their first sentence to keep the embedded font small.

    python tests/pdf/make_borderless.py
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import giaparse

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures"
BASE = (
    "body{font-family:'Noto Serif CJK SC';font-size:10.5pt;margin:2cm}"
    "table{border-collapse:collapse;width:100%} td{text-align:center}"
    "td:first-child{text-align:left}"
)
STYLES = {
    "centred": "td{border:none;padding:3pt 6pt}",
    "word": "td{border:none;padding:0 5.4pt;vertical-align:top}",
    "rules": "td{border:none;border-top:0.5pt solid #000;padding:2pt 5pt}",
    "tight": "body{font-family:'Noto Sans CJK SC';font-size:14pt} td{border:none;padding:1pt 5pt}",
}
MADE = {
    "centred-2021": "003_95eaafa52db6b695.txt",
    "word-2019": "000_c86ff80fd85f0836.txt",
    "word-2021": "004_e530588c4c56b619.txt",
    "rules-2019": "000_c86ff80fd85f0836.txt",
    "tight-2019": "000_c86ff80fd85f0836.txt",
    "tight-2021": "004_e530588c4c56b619.txt",
    "centred-blanks-2021": "003_95eaafa52db6b695.txt",
    "word-blanks-2019": "000_c86ff80fd85f0836.txt",
}
# (table, row, column) left blank: first, middle and last columns, and a 表二 row's second
# column (its name differs between the templates)
BLANKS: tuple[tuple[str, str, str | int], ...] = (
    ("applications", "new_requests", "natural_person"),
    ("applications", "granted", "commercial"),
    ("applications", "withheld_state_secret", "total"),
    ("applications", "unavailable_not_held", "research"),
    ("applications", "unavailable_not_held", "legal_services"),
    ("active_disclosure", "regulations", 1),
)


def blanked(report: giaparse.Report) -> giaparse.Report:
    """The report with the cells of ``BLANKS`` blank."""
    return giaparse.Report.from_dict(blank(report.to_dict()))


def blank(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a report's ``to_dict``) with the cells of ``BLANKS`` blank, in place."""
    for table, row, column in BLANKS:
        cells = data[table][row]
        cells[column if isinstance(column, str) else list(cells)[column]] = None
    return data


def _first_sentence(match: re.Match[str]) -> str:
    text = match.group(1)
    cut = text.find("。")
    return f"<p>{text[: cut + 1] if 0 <= cut < len(text) - 1 else text}</p>"


def main() -> None:
    for name, seed in MADE.items():
        report = giaparse.parse_file(FIXTURES / seed)
        if "blanks" in name:
            report = blanked(report)
        page = giaparse.render(report, layout="html").replace('<table border="1">', "<table>")
        page = re.sub(r"<p>([^<]{60,})</p>", _first_sentence, page)
        style = f"<style>{BASE}{STYLES[name.split('-')[0]]}</style>"
        with tempfile.TemporaryDirectory() as tmp:
            html = Path(tmp) / f"{name}.html"
            html.write_text(page.replace("</head>", style + "</head>"), encoding="utf-8")
            subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                 f"--print-to-pdf={HERE / (name + '.pdf')}", "--no-pdf-header-footer", str(html)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip


if __name__ == "__main__":
    main()
