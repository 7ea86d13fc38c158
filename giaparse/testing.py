"""Hypothesis strategies for giaparse reports and for the noise of real extracted text.

Public so that tools embedding giaparse can test themselves against generated reports::

    from hypothesis import given
    from giaparse.testing import reports, noisy_texts

    @given(reports())
    def test_my_tool(report): ...

Requires the ``test`` extra (hypothesis).
"""

from __future__ import annotations

import html
import io
import random
import re
import zipfile
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from giaparse.checks.rules import NOT_OUTCOMES
from giaparse.core.items import Item, Prose, Row
from giaparse.core.location import NOWHERE
from giaparse.core.values import Money, Unit
from giaparse.model.fields import DELTA, MONEY, row_fields, value_fields
from giaparse.model.labels import LOOKALIKES, normalize
from giaparse.model.report import Report, Sections
from giaparse.model.tables import ExtraRow
from giaparse.model.template import get_template, tables_template
from giaparse.rendering.documents import Cell, Slot, grid, groups, span_attributes, to_docx
from giaparse.rendering.layout import LAYOUTS, drop_repeats, lay_out
from giaparse.rendering.report import report_items
from giaparse.tokens.layouts import CRAWLER_LAYOUTS, GLUED

__all__ = [
    "LAYOUTS",
    "agencies",
    "corpus",
    "counts",
    "crawler_texts",
    "deltas",
    "misread",
    "money",
    "noisy_docx",
    "noisy_html",
    "noisy_items",
    "noisy_texts",
    "report_cells",
    "reports",
    "row_of",
    "sections",
    "spaced_text",
    "split_markdown",
    "wrong_without_warning",
]

PLACES = ("宁海县", "京山市", "尧都区", "浑江区", "鲁山县", "荆门市", "余姚市")
ORGANS = ("卫生健康局", "教育局", "财政局", "人民政府办公室", "交通运输局", "自然资源和规划局")
# Phrases with no year, number, place or organ name: prose that cannot change the metadata.
PHRASES = (
    "认真贯彻落实条例要求",
    "进一步加强政务公开工作",
    "持续完善信息发布机制",
    "做好政策解读和回应关切",
    "规范依申请公开办理流程",
    "加强平台建设和人员培训",
    "主动接受社会监督",
    "公开内容更加全面细致",
)


def counts(blank: bool = True) -> st.SearchStrategy[int | None]:
    ints = st.integers(0, 50_000)
    return st.one_of(st.none(), ints) if blank else ints


def deltas(blank: bool = True) -> st.SearchStrategy[int | None]:
    ints = st.integers(-5_000, 5_000)
    return st.one_of(st.none(), ints) if blank else ints


@st.composite
def _amounts(draw: st.DrawFn) -> Decimal:
    whole = draw(st.integers(0, 10**9))
    places = draw(st.integers(0, 6))
    if places == 0:
        return Decimal(whole)
    frac = draw(st.integers(0, 10**places - 1))
    return Decimal(f"{whole}.{frac:0{places}d}")


def money(
    units: tuple[Unit | None, ...] = ("元", "万元", None), blank: bool = True
) -> st.SearchStrategy[Money | None]:
    """Exact amounts with up to 6 decimals, in 元, 万元 or no unit."""
    amounts = st.builds(Money, _amounts(), st.sampled_from(units))
    return st.one_of(st.none(), amounts) if blank else amounts


def row_of(cls: type, blank: bool = True) -> st.SearchStrategy[Any]:
    """A row of ``cls`` with every column drawn according to its kind."""
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for f in value_fields(cls):
        kind = f.metadata["kind"]
        if kind == MONEY:
            unit = f.metadata.get("unit")
            kwargs[f.name] = money(("元", unit) if unit else ("元", "万元", None), blank)
        elif kind == DELTA:
            kwargs[f.name] = deltas(blank)
        else:
            kwargs[f.name] = counts(blank)
    return st.builds(cls, **kwargs)


_EXTRA_LABELS = ("其他主动公开文件", "政策解读", "部门文件汇编")


def _extra_rows() -> st.SearchStrategy[tuple[ExtraRow, ...]]:
    cell = st.integers(0, 999).map(str)
    row = st.builds(
        ExtraRow, st.sampled_from(_EXTRA_LABELS), st.lists(cell, min_size=1, max_size=3)
    )
    return st.lists(row, max_size=2, unique_by=lambda r: r.label).map(tuple)


def _active(cls: type, blanks: bool = True) -> st.SearchStrategy[Any]:
    kwargs: dict[str, Any] = {f.name: row_of(f.metadata["row"], blanks) for f in row_fields(cls)}
    if "extra_rows" in attrs.fields_dict(cls):
        kwargs["extra_rows"] = _extra_rows()
    return st.builds(cls, **kwargs)


@st.composite
def _applications(draw: st.DrawFn, cls: type, consistent: bool) -> Any:
    """表三; when consistent, every row total, column balance and outcome total holds."""
    rows = row_fields(cls)
    row_cls = rows[0].metadata["row"]
    cols = [f.name for f in value_fields(row_cls)]
    if not consistent:
        return cls(**{f.name: draw(row_of(row_cls)) for f in rows})
    parts = [c for c in cols if c != "total"]
    outcome_rows = [f.name for f in rows if f.name not in NOT_OUTCOMES]
    values: dict[str, dict[str, int]] = {r: {} for r in [f.name for f in rows]}
    small = st.integers(0, 30)
    for c in parts:
        for r in outcome_rows:
            values[r][c] = draw(small)
        processed = sum(values[r][c] for r in outcome_rows)
        forward = draw(small)
        over = draw(st.integers(0, processed + forward))
        values["total_processed"][c] = processed
        values["carried_forward"][c] = forward
        values["carried_over"][c] = over
        values["new_requests"][c] = processed + forward - over
    for r in values:
        values[r]["total"] = sum(values[r][c] for c in parts)
    return cls(**{r: row_cls(**v) for r, v in values.items()})


@st.composite
def _reviews(draw: st.DrawFn, cls: type, consistent: bool) -> Any:
    kwargs = {}
    for f in row_fields(cls):
        row_cls = f.metadata["row"]
        if consistent:
            parts = {
                c.name: draw(st.integers(0, 20)) for c in value_fields(row_cls) if c.name != "total"
            }
            kwargs[f.name] = row_cls(**parts, total=sum(parts.values()))
        else:
            kwargs[f.name] = draw(row_of(row_cls))
    return cls(**kwargs)


def _prose() -> st.SearchStrategy[str]:
    sentence = st.lists(st.sampled_from(PHRASES), min_size=1, max_size=3).map(
        lambda p: "，".join(p) + "。"
    )
    return st.lists(sentence, min_size=1, max_size=3).map("\n".join)


def sections(optional: bool = True) -> st.SearchStrategy[Sections]:
    """Narrative text for the six parts (一 to 五 always present; 六 sometimes absent)."""
    table_prose = st.one_of(st.just(""), _prose())
    return st.builds(
        Sections,
        overview=_prose(),
        active_disclosure=table_prose,
        applications=table_prose,
        reviews=table_prose,
        problems=_prose(),
        other_matters=st.one_of(st.none(), _prose()) if optional else _prose(),
    )


def agencies() -> st.SearchStrategy[str | None]:
    name = st.builds(lambda p, o: p + o, st.sampled_from(PLACES), st.sampled_from(ORGANS))
    return st.one_of(st.none(), name)


@st.composite
def reports(
    draw: st.DrawFn,
    template: str | None = None,
    consistent: bool | None = True,
    blanks: bool = True,
) -> Report:
    """A whole report of a registered template (default: either built-in).

    ``consistent=True``: every arithmetic rule holds; ``False``: at least one total is off;
    ``None``: anything, blanks included. ``blanks=False``: no blank cell in 表二 either (what
    crawler text, which cannot show a blank, is tested on).
    """
    name = template or draw(st.sampled_from(["2019", "2021"]))
    tpl = get_template(name)
    agency = draw(agencies())
    year = (
        draw(st.integers(2019, 2030))
        if agency is not None
        else draw(st.one_of(st.none(), st.integers(2019, 2030)))
    )
    report = Report(
        template=name,
        year=year,
        agency=agency,
        layout=None,
        active_disclosure=draw(_active(tpl.active_disclosure, blanks)),
        applications=draw(_applications(tpl.applications, consistent is not None)),
        reviews=draw(_reviews(tpl.reviews, consistent is not None)),
        sections=draw(sections()),
    )
    if consistent is False:
        report = draw(_break_a_total(report))
    return report


@st.composite
def _break_a_total(draw: st.DrawFn, report: Report) -> Report:
    """Add 1 to 5 to one total cell: the inconsistency real reports print most often."""
    table = draw(st.sampled_from(["applications", "reviews"]))
    tbl = getattr(report, table)
    row = draw(st.sampled_from([f.name for f in row_fields(type(tbl))]))
    old = getattr(tbl, row)
    new_row = attrs.evolve(old, total=(old.total or 0) + draw(st.integers(1, 5)))
    return attrs.evolve(report, **{table: attrs.evolve(tbl, **{row: new_row})})


# ---- noise ---------------------------------------------------------------------------------

_BLANKS = ("", "\xa0", "\u3000", " ", "\xa0\xa0")
_FULL_WIDTH = str.maketrans("0123456789+-.()", "０１２３４５６７８９＋－．（）")
_FOOTERS = ("— 5 —", "- 4 -", "－12－", "第 3 页 共 9 页")


def _is_value(cell: str) -> bool:
    from giaparse.core.values import looks_like_value

    return looks_like_value(cell)


def _variants(template: str) -> dict[str, list[str]]:
    """Printed variants of each official row label, from the template's label data."""
    labels = get_template(template).label_table
    return {names[0]: list(names[1:]) for names in labels.row_labels.values() if len(names) > 1}


@st.composite
def noisy_items(
    draw: st.DrawFn, items: list[Item], template: str, verbatim: frozenset[str] = frozenset()
) -> list[Item]:
    """Value-preserving noise on rendered items, as real extraction leaves it.

    NBSP/U+3000 blanks, full-width digits and punctuation, spaces inside labels, wrapped header
    cells, extra merged-cell placeholders beside labels, trailing empty cells, printed label
    variants, page-footer lines inside tables, and prose paragraphs between tables.
    """
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    p = draw(st.floats(0.05, 0.5))
    variants = _variants(template)
    header_words = {"社会公益组织": "社会组织"}
    out: list[Item] = []
    for item in items:
        if isinstance(item, Prose) or (item.cells and item.cells[0] in verbatim):
            out.append(item)  # prose, and rows kept verbatim (extra rows), stay as they are
            continue
        cells = list(item.cells)
        label_at = max((i for i, c in enumerate(cells) if c and not _is_value(c)), default=-1)
        for i, cell in enumerate(cells):
            if cell == "":
                cells[i] = rnd.choice(_BLANKS)
            elif _is_value(cell):
                if rnd.random() < p:
                    cells[i] = cell.translate(_FULL_WIDTH)
                if rnd.random() < p:
                    cells[i] = rnd.choice(_BLANKS[1:]) + cells[i] + rnd.choice(_BLANKS)
            else:
                if cell in variants and rnd.random() < p:
                    cell = rnd.choice(variants[cell])
                if cell in header_words and rnd.random() < p:
                    cell = header_words[cell]
                if rnd.random() < p:
                    cell = cell.translate(_FULL_WIDTH) if rnd.random() < 0.5 else normalize(cell)
                if len(cell) > 3 and "\n" not in cell and rnd.random() < p:
                    k = rnd.randrange(1, len(cell))
                    cell = cell[:k] + rnd.choice([" ", "\u3000"]) + cell[k:]
                cells[i] = cell
        values = cells[label_at + 1 :]
        if rnd.random() < p and label_at >= 0 and any(values):
            cells.insert(label_at + 1, rnd.choice(_BLANKS))  # a merged-cell placeholder
        if rnd.random() < p and values and values[0].strip():
            cells.extend([""] * rnd.randint(1, 3))  # trailing empties: only unambiguous here
        out.append(Row(tuple(cells), (NOWHERE,) * len(cells)))
        if rnd.random() < p / 3:
            out.append(Prose(rnd.choice(_FOOTERS), NOWHERE))
    return out


@st.composite
def noisy_texts(draw: st.DrawFn, report: Report, layout: str | None = None) -> str:
    """``report`` rendered with noise in a layout (drawn when not given), CRLF or LF."""
    layout = layout or draw(st.sampled_from(LAYOUTS))
    extra = frozenset(r.label for r in getattr(report.active_disclosure, "extra_rows", ()))
    items = draw(noisy_items(report_items(report), tables_template(report).name, extra))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return lay_out(items, layout, newline=newline)


_WRONG_HEADERS = (
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
    "|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |",
)


def split_markdown(text: str, rnd: random.Random, breaks: int = 2) -> str:
    """Markdown of a report as converters print it across page breaks: tables split at
    ``breaks`` rows, each new part under a header row that is made up (``数据1 | 数据2``),
    the table's own header again, a header of another table, or the part's first row made
    the header; and 表四 printed as three tables, one per group, each under its own header
    (when it has no blank cell)."""
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if ln.startswith("|") and not ln.startswith("|-")]
    rows = [i for i in rows if i > 0 and lines[i - 1].startswith("|")]  # not a table's first
    headers: dict[int, str] = {}  # each row: its table's header row
    top = ""
    for i, ln in enumerate(lines):
        if ln.startswith("|-"):
            top = lines[i - 1]
        headers[i] = top
    out = list(lines)
    for i in sorted(rnd.sample(rows, min(breaks, len(rows))), reverse=True):
        width = out[i].count("|") - 1
        kind = rnd.randrange(4)
        if kind == 3:  # the part's first row taken for its header
            out[i + 1 : i + 1] = ["|" + "---|" * width]
            out[i:i] = [""]
            continue
        if kind == 0:
            header = "| " + " | ".join(f"数据{n + 1}" for n in range(width)) + " |"
        elif kind == 1:
            header = headers[i]
        else:
            header = rnd.choice(_WRONG_HEADERS)
        out[i:i] = ["", header, "|" + "---|" * (header.count("|") - 1)]
    return "\n".join(_reviews_in_three("\n".join(out).split("\n")))


def _reviews_in_three(lines: list[str]) -> list[str]:
    """表四's one row of fifteen values as three tables of five under their group's name."""
    for i, ln in enumerate(lines):
        cells = [c.strip() for c in ln.strip().strip("|").split("|")] if ln.startswith("|") else []
        if len(cells) != 15 or not all(c and _is_value(c) for c in cells):
            continue  # (a blank cell: a part of blanks alone is a row a converter drops)
        start = i
        while start > 0 and lines[start - 1].startswith("|"):
            start -= 1
        new: list[str] = []
        for g, name in enumerate(("行政复议", "未经复议直接起诉", "复议后起诉")):
            part = cells[5 * g : 5 * g + 5]
            new += ["", f"| {name} |  |  |  |  |", "|---|---|---|---|---|"]
            new += ["| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"]
            new += ["| " + " | ".join(part) + " |"]
        return [*lines[:start], *new, *lines[i + 1 :]]
    return lines


# -- documents: portal pages and Word files ------------------------------------------------

_CHROME_HEAD = (
    '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> '
    '<a href="/xxgk">信息公开</a></div>'
    '<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'
    '<table class="meta"><tr><td>索 引 号</td><td>11350300-2024-00012</td><td>发布机构</td>'
    "<td>{agency}</td></tr><tr><td>生成日期</td><td>2025-01-09</td><td>有效性</td><td>有效</td>"
    "</tr></table><h1>{title}</h1>"
    '<div class="TRS_Editor"><div class="Section0">'
)
_CHROME_TAIL = (
    "</div></div>"
    '<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>'
    '<div class="tools">【<a>打印</a>】【<a>关闭</a>】 字号：<a>大</a> <a>中</a> <a>小</a></div>'
    '<div class="footer">主办单位：某市人民政府办公室 版权所有 网站地图</div>'
    '<script>document.write("<p>不是报告</p>")</script>'
)


def _spans(text: str, rnd: random.Random, p: float) -> str:
    """Text as Word exports it: split over ``<span>``s (one character each, at times)."""
    if len(text) < 2 or rnd.random() >= p:
        return html.escape(text).replace("\n", "<br>")
    cuts = sorted(rnd.sample(range(1, len(text)), k=min(len(text) - 1, rnd.randint(1, 4))))
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "".join(
        f'<span style="mso-bidi-font-size:10.5pt;font-family:宋体">{html.escape(x)}</span>'
        "<o:p></o:p>"
        for x in parts
    ).replace("\n", "<br>")


def _cut_rows(slots: list[list[Slot]]) -> list[int]:
    """Row indices where a table can be split in two without cutting a merged cell."""
    ends = [0] * (len(slots) + 1)
    for i, row in enumerate(slots):
        for slot in row:
            if isinstance(slot, Cell):
                ends[i] = max(ends[i], i + slot.rows)
    cuts, reach = [], 0
    for i in range(len(slots)):
        if i and reach <= i:
            cuts.append(i)
        reach = max(reach, ends[i])
    return cuts


@st.composite
def noisy_html(draw: st.DrawFn, report: Report) -> str:
    """``report`` as a Word-exported portal page: navigation, a metadata table and share bar
    around it, labels split over spans, ``&nbsp;`` blanks, a table split in two."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    p = draw(st.floats(0.0, 0.6))
    chrome, nbsp, split = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
    items = report_items(report)
    title = items[0].text if items and isinstance(items[0], Prose) else ""
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>', html.escape(title)]
    out.append("_政府信息公开年报</title><style>p.MsoNormal{margin:0}</style></head><body>")
    if chrome:
        out.append(_CHROME_HEAD.format(agency=html.escape(report.agency or ""), title=title))
    for group in groups(items):
        if isinstance(group, Prose):
            out.append(f'<p class="MsoNormal">{_spans(group.text, rnd, p)}</p>')
            continue
        slots = grid(group)
        cuts = _cut_rows(slots)
        cut = rnd.choice(cuts) if split and cuts else -1
        out.append('<table class="MsoNormalTable" border="1"><tbody>')
        for i, row in enumerate(slots):
            if i == cut:
                out.append('</tbody></table><p class="MsoNormal">&nbsp;</p><table border="1">')
            cells = []
            for slot in row:
                if not isinstance(slot, Cell):
                    continue
                span = span_attributes(slot)
                body = _spans(slot.text, rnd, p) if slot.text else ("&nbsp;" if nbsp else "")
                cells.append(f'<td{span} style="mso-border-alt:solid windowtext .5pt">{body}</td>')
            tag = "th" if i == 0 and rnd.random() < p else "td"
            out.append("<tr>" + "".join(cells).replace("<td", f"<{tag}") + "</tr>")
        out.append("</tbody></table>")
    if chrome:
        out.append(_CHROME_TAIL)
    out.append("</body></html>")
    return "\n".join(out)


_RUN = re.compile(r'<w:r><w:t xml:space="preserve">([^<]{2,})</w:t>')


@st.composite
def noisy_docx(draw: st.DrawFn, report: Report) -> bytes:
    """``report`` as a Word file with the XML of real ones: labels split over runs, insertions,
    deleted text, a text box and a header with page numbers (neither is report text)."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    p = draw(st.floats(0.0, 0.6))
    with zipfile.ZipFile(io.BytesIO(to_docx(report_items(report)))) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}

    def split_run(m: re.Match[str]) -> str:
        text = m.group(1)
        if rnd.random() >= p:
            return m.group(0)
        k = rnd.randrange(1, len(text))
        first = f'<w:r><w:t xml:space="preserve">{text[:k]}</w:t></w:r>'
        second = f'<w:r><w:t xml:space="preserve">{text[k:]}</w:t>'
        if rnd.random() < 0.5:
            first = f'<w:ins w:id="1" w:author="x">{first}</w:ins>'
        if rnd.random() < 0.5:
            first += (
                '<w:del w:id="2" w:author="x"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
            )
        return first + second

    document = _RUN.sub(split_run, parts["word/document.xml"])
    if draw(st.booleans()):
        box = (
            "<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>"
            "</w:txbxContent></w:drawing></w:r></w:p>"
        )
        document = document.replace("<w:body>", "<w:body>" + box, 1)
    parts["word/document.xml"] = document
    parts["word/header1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:p><w:r><w:t>第 1 页</w:t></w:r></w:p></w:hdr>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def corpus(n: int, seed: int = 0) -> list[tuple[str, Report]]:
    """``n`` generated reports of both templates, deterministic for a seed (no Hypothesis):
    a corpus for trying a tool at scale, e.g. ``giaparse.review(corpus(2000))``."""
    from giaparse.rendering.corpus import random_report

    rnd = random.Random(seed)
    return [(f"generated-{i:05d}.txt", random_report(rnd)) for i in range(n)]


def spaced_text(
    report: Report,
    *,
    traditional: bool = False,
    seed: int = 0,
    lookalikes: float = 0.0,
    labels_first: float = 0.0,
    broken_groups: float = 0.0,
    notes: float = 0.0,
    marks: bool = False,
) -> str:
    """``report`` as an extractor prints it with no separators (``pdftotext -layout``):
    cells apart by runs of spaces, a blank value as ``-``, covered cells not printed, page
    numbers and the title repeated inside the tables, labels in traditional characters if
    asked, each label character OCR confuses misread with chance ``lookalikes``, and with
    chance ``labels_first`` a block of two to four rows printed as its labels (each on a line,
    a long one at times wrapped over two) and then its values, and with chance
    ``broken_groups`` a merged label that spans rows (三、本年度办理结果, （四）无法提供) broken
    in two: its end printed with the next row, or on a line of its own before it
    (``三、本年度办`` … ``理结果``). With chance ``notes`` a count
    gets a note, beside it (``16（其中修订2件）``) or on a line of its own under its row; with
    ``marks``, a blank is printed as any of the placeholder marks (``-``, ``—``, ``/``, ``无``,
    ``——``), not only ``-``."""
    rnd = random.Random(seed)
    blank_marks = marks
    items = report_items(report)
    title = items[0].text if items and isinstance(items[0], Prose) else ""
    verbatim = {r.label for r in getattr(report.active_disclosure, "extra_rows", ())}
    out: list[str] = []
    block: list[list[str]] = []  # rows of a block whose labels are printed first

    def gap() -> str:
        return " " * rnd.randint(2, 5)

    def flush() -> None:
        if len(block) == 1:  # a block of one row is a row
            out.append(gap().join(block[0]))
            block.clear()
        for label in (c for cells in block for c in cells if not _is_value(c)):
            if len(label) > 8 and rnd.random() < 0.3:  # a long label wrapped over two lines
                cut = rnd.randint(2, len(label) - 2)
                out.extend((label[:cut], label[cut:]))
            else:
                out.append(label)
        out.extend(gap().join(c for c in cells if _is_value(c)) for cells in block)
        block.clear()

    carry: str | None = None  # the end of a merged label, for the next row
    for n, item in enumerate(items):
        if isinstance(item, Prose):
            flush()
            out.append(item.text)
            continue
        row_marks = item.marks or ("own",) * len(item.cells)
        following = items[n + 1] if n + 1 < len(items) else None
        texts = list(item.cells)
        for i, (text, mark) in enumerate(zip(texts, row_marks, strict=True)):
            spans = (
                isinstance(following, Row)
                and following.marks is not None
                and i < len(following.marks)
                and following.marks[i] == "rowspan"
            )
            label = mark == "own" and len(text) >= 4 and not _is_value(text)
            data = bool(item.cells[-1]) and _is_value(item.cells[-1])  # not a header row
            if label and spans and data and rnd.random() < broken_groups:
                cut = rnd.randint(2, len(text) - 2)
                texts[i], carry_next = text[:cut], text[cut:]
                break
        else:
            carry_next = None
        cells = [
            (c or (rnd.choice(_MARKS) if blank_marks else "-")).replace("\n", "")
            for c, m in zip(texts, row_marks, strict=True)
            if m == "own"
        ]
        under: list[str] = []  # notes printed on a line of their own under the row
        if notes and item.cells[0] not in verbatim:
            for i, c in enumerate(cells):
                if c.isdigit() and i and rnd.random() < notes:
                    note = rnd.choice(_NOTES).format(rnd.randint(1, 9))
                    if rnd.random() < 0.5:
                        cells[i] = c + note
                    else:
                        under.append(note)
        if carry is not None:
            if rnd.random() < 0.5:
                cells.insert(0, carry)  # beside the next row's cells
            else:
                flush()
                out.append(carry)  # on a line of its own
        carry = carry_next
        if traditional and item.cells[0] not in verbatim:  # extra rows are kept as printed
            cells = [c.translate(_TRADITIONAL) for c in cells]
        if lookalikes and item.cells[0] not in verbatim:
            cells = [c if _is_value(c) else misread(c, rnd, lookalikes) for c in cells]
        labelled = (
            item.cells[0] not in verbatim
            and not _is_value(cells[0])
            and _is_value(cells[-1])
            and all(
                _is_value(c) for c in cells[next(i for i, c in enumerate(cells) if _is_value(c)) :]
            )
        )
        if block and (not labelled or len(block) == 4):
            flush()
        if labelled and (block or rnd.random() < labels_first):
            block.append(cells)
        else:
            out.append((" " * rnd.randint(0, 6)) + gap().join(cells))
            out.extend(under)
        if n % 17 == 16 and not block:  # a page break inside a table: its number, the title
            out += ["", f"- {n // 17 + 1} -", "", title]
    flush()
    return "\n".join(out) + "\n"


_MARKS = ("-", "—", "/", "无", "——")
_NOTES = ("（其中修订{}件）", "（含自然失效{}件）", "（其中主动公开{}件）")
_MISREAD = {c: group.replace(c, "") for group in LOOKALIKES for c in group}


def misread(text: str, rnd: random.Random, p: float = 0.3) -> str:
    """``text`` as OCR may read it: each character that has look-alikes (:data:`LOOKALIKES`:
    予/子, 申/中, 本/木, 第/笫 …) replaced by one of them with chance ``p``."""
    return "".join(
        rnd.choice(_MISREAD[c]) if c in _MISREAD and rnd.random() < p else c for c in text
    )


_CRAWLER_HEAD = (
    "首页 > 政务公开 > 法定主动公开内容 > 政府信息公开年报",
    "标题：{title}",
    "发布时间：2024-01-20 10:00",
    "原文链接：http://www.example.gov.cn/art/2024/1/20/art_7.html",
    "字号：大 中 小",
)
_CRAWLER_TAIL = (
    "【打印】【关闭】",
    "分享到：微信 微博 QQ空间",
    "主办：某某人民政府办公室 网站标识码：1234567890",
)
_CJK_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")
_DIGITS = re.compile(r"[+-]?\d+")


@st.composite
def crawler_texts(draw: st.DrawFn, report: Report, layout: str | None = None) -> str:
    """``report`` as a crawler that kept only the page's text prints it.

    ``glued``: each table's rows run together on a few long lines, cells glued, some apart by
    one space, stray spaces inside labels (商业 企业). ``lines``: one cell per line with no
    tab, blank lines between rows or not, labels and values broken over two lines (1 / 62),
    and, sometimes, every line equal to the line before dropped. Either may come with the
    crawler's header lines (标题：, 发布时间：, 原文链接：) and the portal's chrome around it.
    A blank cell leaves no trace (crawler text cannot show one).
    """
    layout = layout or draw(st.sampled_from(CRAWLER_LAYOUTS))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    items = report_items(report)
    title = items[0].text if items and isinstance(items[0], Prose) else ""
    out: list[str] = []
    if draw(st.booleans()):
        out.extend(line.format(title=title) for line in _CRAWLER_HEAD)
    if layout == GLUED:
        out.extend(_glued_lines(items, rnd))
    else:
        out.extend(_cell_lines(items, rnd, blank_rows=draw(st.booleans())))
        if draw(st.booleans()):  # the crawler dropped repeated lines
            out = drop_repeats(out)
    if draw(st.booleans()):
        out.extend(_CRAWLER_TAIL)
    return "\n".join(out) + "\n"


def _stray_space(label: str, rnd: random.Random) -> str:
    """A space where a crawler put one inside a label: 商业 企业, 三、本年度办 理结果."""
    gaps = [m.start() for m in _CJK_PAIR.finditer(label)]
    if not gaps or rnd.random() > 0.2:
        return label
    at = rnd.choice(gaps)
    return label[:at] + " " + label[at:]


def _glued_lines(items: list[Item], rnd: random.Random) -> list[str]:
    out: list[str] = []
    line = ""
    for item in items:
        if isinstance(item, Prose):
            if line:
                out.append(line)
                line = ""
            out.append(item.text)
            continue
        if line and rnd.random() < 0.1:  # the table goes on on the next line
            out.append(line)
            line = ""
        previous_value = False
        for cell in item.cells:
            cell = cell.replace("\n", "")
            if not cell:
                continue
            value = _is_value(cell)
            if value and previous_value and rnd.random() < 0.15:
                line += " "
            line += cell if value else _stray_space(cell, rnd)
            previous_value = value
    if line:
        out.append(line)
    return out


def _cell_lines(items: list[Item], rnd: random.Random, blank_rows: bool) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, Prose):
            out.append(item.text)
            continue
        for cell in item.cells:
            if not cell:
                continue
            number = _DIGITS.match(cell) if _is_value(cell) else None
            if number is not None and len(number.group().lstrip("+-")) >= 2 and rnd.random() < 0.2:
                first = 1 + (cell[0] in "+-")  # a value broken over two lines: 1 / 62
                at = rnd.randint(first, number.end() - 1)
                if cell[:at] != cell[at:]:  # 9 / 9 under a crawler that drops repeats is lost
                    out.extend([cell[:at], cell[at:]])
                else:
                    out.append(cell)
            elif number is None and len(cell) >= 4 and rnd.random() < 0.2:
                at = rnd.randint(1, len(cell) - 1)  # a label broken over two lines
                out.extend(p for p in (cell[:at].strip(), cell[at:].strip()) if p)
            else:
                out.extend(cell.split("\n"))
        if blank_rows:
            out.append("")
    return out


_TRADITIONAL = str.maketrans(
    "许开决处区复总结转继续办数项规计诉议务审", "許開決處區複總結轉繼續辦數項規計訴議務審"
)


def report_cells(report: Report) -> dict[str, Any]:
    """Every table cell of ``report`` by its key (``applications.granted.total``)."""
    out = {}
    for table in ("active_disclosure", "applications", "reviews"):
        tbl = getattr(report, table)
        for f in row_fields(type(tbl)):
            row = getattr(tbl, f.name)
            for c in value_fields(type(row)):
                out[f"{table}.{f.name}.{c.name}"] = getattr(row, c.name)
    return out


def wrong_without_warning(expected: Report, parsed: Report) -> dict[str, tuple[Any, Any]]:
    """The cells ``parsed`` reads differently from ``expected`` with no warning or error
    naming them (their cell, row or table): what a parse must never give."""
    warned = {c for d in parsed.diagnostics if d.severity != "info" for c in d.cells}
    want, got = report_cells(expected), report_cells(parsed)
    return {
        k: (v, got[k])
        for k, v in want.items()
        if got[k] != v and not {k, k.rsplit(".", 1)[0], k.split(".")[0]} & warned
    }
