"""Checks across years: the same agency's consecutive reports must carry their numbers over."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from giaparse.checks.cells import chinese, columns, value
from giaparse.checks.evaluate import Outcome, Status
from giaparse.core.diagnostics import Severity

CARRY = "CROSS_YEAR_CARRY"
IN_FORCE = "CROSS_YEAR_IN_FORCE"
DUPLICATE = "SERIES_DUPLICATE"
GAP = "SERIES_GAP"
VARIANT = "SERIES_NAME_VARIANT"
SERIES_RULES: dict[str, tuple[Severity, str, str, str]] = {
    CARRY: (
        "error",
        "carried_over(Y) == carried_forward(Y-1)  (each column)",
        "上年结转数应等于上一年度报告的结转下年度继续办理数",
        "carried over this year equals last year's carried forward",
    ),
    IN_FORCE: (
        "warning",
        "in_force(Y) == in_force(Y-1) + issued(Y) - repealed(Y)  (2021 template)",
        "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
        "in force equals last year's in force plus issued minus repealed",
    ),
    DUPLICATE: (
        "warning",
        "one report per agency and year",
        "同一机关同一年度只应有一份报告",
        "one report per agency and year",
    ),
    GAP: (
        "warning",
        "no year missing between two",
        "两年之间不应缺少年度报告",
        "no year missing between two",
    ),
    VARIANT: ("warning", "one name per agency", "同一机关应使用同一名称", "one name per agency"),
}


def check_series(reports: Iterable[Any]) -> list[Outcome]:
    """Group by agency, order by year, and check each pair of consecutive years.

    Agency names that differ only by a known abbreviation (上海市科委 / 上海市科学技术委员会)
    are one agency, with a warning; two reports of one agency and year, and a year missing
    between two years, are warnings too (never a silent empty result).
    """
    by_agency: dict[str, dict[int, Any]] = defaultdict(dict)
    names: dict[str, set[str]] = defaultdict(set)
    outcomes: list[Outcome] = []
    for report in reports:
        if not (report.agency and report.year):
            continue
        key = canonical_agency(report.agency)
        names[key].add(report.agency)
        seen = by_agency[key].get(report.year)
        if seen is None:
            by_agency[key][report.year] = report
        else:
            outcomes.append(
                _warning(
                    DUPLICATE,
                    report.agency,
                    report.year,
                    f"{report.agency}{report.year}年有两份报告，跨年度核对只用第一份"
                    f"（{seen.source or '—'}；{report.source or '—'}） "
                    "(two reports of one agency and year; the first is used)",
                    (seen, report),
                )
            )
    for key, years in sorted(by_agency.items()):
        agency = min(names[key], key=len)
        if len(names[key]) > 1:
            outcomes.append(
                _warning(
                    VARIANT,
                    agency,
                    min(years),
                    f"机关名称「{'」「'.join(sorted(names[key]))}」只差已知的简称，按同一机关核对 "
                    "(agency names that differ only by a known abbreviation: checked as one)",
                    tuple(years[y] for y in sorted(years)),
                )
            )
        ordered = sorted(years)
        for before, after in itertools.pairwise(ordered):
            if after - before > 1:
                missing = "、".join(str(y) for y in range(before + 1, after))
                outcomes.append(
                    _warning(
                        GAP,
                        agency,
                        after,
                        f"{agency}缺少{missing}年的报告，{before}年与{after}年之间无法跨年度核对 "
                        f"(years missing between {before} and {after}: not checked across)",
                        (years[before], years[after]),
                    )
                )
        for year in ordered:
            previous = years.get(year - 1)
            if previous is None:
                continue
            outcomes.extend(_carry(agency, previous, years[year]))
            outcomes.extend(_in_force(agency, previous, years[year]))
    return outcomes


# Abbreviations agencies print for their own names, expanded when names are compared.
ABBREVIATIONS = (
    ("科委", "科学技术委员会"),
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("发改委", "发展和改革委员会"),
    ("人社局", "人力资源和社会保障局"),
    ("住建局", "住房和城乡建设局"),
    ("市监局", "市场监督管理局"),
    ("交通局", "交通运输局"),
    ("政府办", "人民政府办公室"),
    ("教体局", "教育和体育局"),
    ("科技局", "科学技术局"),
)


def canonical_agency(name: str) -> str:
    """The name with known abbreviations written out (the key names are compared by)."""
    for short, full in ABBREVIATIONS:
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def _warning(code: str, agency: str, year: int, message: str, pair: tuple[Any, ...]) -> Outcome:
    sources = tuple(str(r.source) for r in pair if getattr(r, "source", None) is not None)
    return Outcome(
        code,
        "fail",
        "warning",
        agency,
        (),
        None,
        None,
        (),
        message,
        None,
        agency,
        year,
        sources=sources,
    )


def _outcome(
    code: str,
    agency: str,
    year: int,
    cells: tuple[str, ...],
    expected: int | None,
    found: int | None,
    message: str,
    pair: tuple[Any, Any] = (None, None),
) -> Outcome:
    status: Status
    sev: Severity
    if expected is None or found is None:
        status, sev = "not_assessable", "info"
    elif expected == found:
        status, sev = "pass", "info"
    else:
        status, sev = "fail", SERIES_RULES[code][0]
    sources = tuple(str(r.source) for r in pair if getattr(r, "source", None) is not None)
    if sources and status == "fail":  # a cross-year failure names both files
        zh, _, en = message.partition(" (")
        message = f"{zh}（{'；'.join(sources)}） ({en}" if en else f"{zh}（{'；'.join(sources)}）"
    return Outcome(
        code,
        status,
        sev,
        cells[0],
        cells,
        expected,
        found,
        (),
        message,
        None,
        agency,
        year,
        sources=sources,
    )


def _carry(agency: str, prev: Any, cur: Any) -> Iterable[Outcome]:
    if not all(hasattr(r.applications, "carried_over") for r in (prev, cur)):
        return
    for col in columns(type(cur.applications.carried_over)):
        now_key, then_key = (
            f"applications.carried_over.{col}",
            f"applications.carried_forward.{col}",
        )
        found, expected = value(cur, now_key), value(prev, then_key)
        yield _outcome(
            CARRY,
            agency,
            cur.year,
            (now_key, then_key),
            expected,
            found,
            f"{agency}{cur.year}年{chinese(cur, now_key)}为{found}，"
            f"{prev.year}年{chinese(prev, then_key)}为{expected} "
            f"(carried over {found} vs last year's carried forward {expected})",
            (prev, cur),
        )


def _in_force(agency: str, prev: Any, cur: Any) -> Iterable[Outcome]:
    for row in ("regulations", "normative_documents"):
        before = getattr(prev.active_disclosure, row, None)
        now = getattr(cur.active_disclosure, row, None)
        if before is None or now is None or not hasattr(before, "in_force"):
            continue
        if not hasattr(now, "in_force"):
            continue
        parts = (before.in_force, now.issued, now.repealed)
        expected = None if None in parts else before.in_force + now.issued - now.repealed
        key = f"active_disclosure.{row}.in_force"
        yield _outcome(
            IN_FORCE,
            agency,
            cur.year,
            (key,),
            expected,
            now.in_force,
            f"{agency}{cur.year}年{chinese(cur, key)}为{now.in_force}，按上年{before.in_force}"
            f"加本年制发{now.issued}减废止{now.repealed}应为{expected} "
            f"(in force {now.in_force}; expected {expected})",
            (prev, cur),
        )
