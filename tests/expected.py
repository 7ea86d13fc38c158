"""Every cell of the five seed reports, typed by hand from the seed texts.

Rows are written as tuples in printed column order; ``Z7`` is a 表三 row of seven zeros.
"""

from __future__ import annotations

from typing import Any

APP_COLS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)
REVIEW_COLS = ("upheld", "corrected", "other", "pending", "total")
APP_ROWS_COMMON_HEAD = (
    "new_requests",
    "carried_over",
    "granted",
    "partially_granted",
    "withheld_state_secret",
    "withheld_prohibited_by_law",
    "withheld_security_stability",
    "withheld_third_party",
    "withheld_internal_affairs",
    "withheld_process_info",
    "withheld_enforcement_files",
    "withheld_administrative_query",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "not_processed_complaint",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirmation",
)
APP_ROWS = {
    "2019": (*APP_ROWS_COMMON_HEAD, "other_handling", "total_processed", "carried_forward"),
    "2021": (
        *APP_ROWS_COMMON_HEAD,
        "other_no_correction",
        "other_unpaid_fee",
        "other_other",
        "total_processed",
        "carried_forward",
    ),
}
Z7 = (0,) * 7
N7 = (None,) * 7
Z5 = (0,) * 5


def money(amount: str, unit: str | None) -> dict[str, Any]:
    return {"amount": amount, "unit": unit}


def active_2019(regs, norm, lic, other, pen, coer, fees, proc, extra=()) -> dict[str, Any]:
    docs = ("new_made", "new_published", "total_published")
    items = ("previous_items", "change", "decisions")
    return {
        "regulations": dict(zip(docs, regs, strict=True)),
        "normative_documents": dict(zip(docs, norm, strict=True)),
        "licensing": dict(zip(items, lic, strict=True)),
        "other_services": dict(zip(items, other, strict=True)),
        "penalties": dict(zip(items, pen, strict=True)),
        "coercion": dict(zip(items, coer, strict=True)),
        "fees": dict(zip(("previous_items", "change"), fees, strict=True)),
        "procurement": dict(zip(("items", "amount"), proc, strict=True)),
        "extra_rows": [{"label": label, "cells": list(cells)} for label, cells in extra],
    }


def active_2021(regs, norm, lic, pen, coer, fee_amount) -> dict[str, Any]:
    docs = ("issued", "repealed", "in_force")
    return {
        "regulations": dict(zip(docs, regs, strict=True)),
        "normative_documents": dict(zip(docs, norm, strict=True)),
        "licensing": {"decisions": lic},
        "penalties": {"decisions": pen},
        "coercion": {"decisions": coer},
        "fees": {"amount": fee_amount},
        "extra_rows": [],
    }


def applications(template: str, **rows: tuple[int | None, ...]) -> dict[str, Any]:
    """Every row zero unless given."""
    return {key: dict(zip(APP_COLS, rows.get(key, Z7), strict=True)) for key in APP_ROWS[template]}


def reviews(admin=Z5, direct=Z5, after=Z5) -> dict[str, Any]:
    return {
        "administrative_review": dict(zip(REVIEW_COLS, admin, strict=True)),
        "litigation_direct": dict(zip(REVIEW_COLS, direct, strict=True)),
        "litigation_after_review": dict(zip(REVIEW_COLS, after, strict=True)),
    }


_BLANK_2002 = {key: N7 for key in APP_ROWS["2019"]}
_BLANK_2002.update(
    new_requests=Z7, carried_over=(*(None,) * 6, 0), carried_forward=(*(None,) * 6, 0)
)

SEEDS: dict[str, dict[str, Any]] = {
    "000_c86ff80fd85f0836.txt": {
        "template": "2019",
        "year": 2020,
        "agency": "京山市卫生健康局",
        "layout": "pipe",
        "active_disclosure": active_2019(
            (0, 0, 0),
            (14, 3, 3),
            (33, -23, 10),
            (0, 0, 0),
            (24, 7, 31),
            (0, 0, 0),
            (0, 0),
            (32, money("395289.50", None)),
            extra=[("其他主动公开文件", ("16", "16", "16"))],
        ),
        "applications": applications("2019"),
        "reviews": reviews(),
        "diagnostic_codes": ["EXTRA_ROW"],
    },
    "001_1ec50763975fa479.txt": {
        "template": "2019",
        "year": 2020,
        "agency": "宁海县卫生健康局",
        "layout": "newline",
        "active_disclosure": active_2019(
            (0, 0, 0),
            (0, 0, 0),
            (63, -14, 3973),
            (6, 3, 8),
            (196, 0, 541),
            (22, 0, 2),
            (3, -1),
            (15, money("674.7294", "万元")),
        ),
        "applications": applications("2019"),
        "reviews": reviews(),
        "diagnostic_codes": [],
    },
    "002_d41b7d34cb4232dc.txt": {
        "template": "2019",
        "year": 2020,
        "agency": "尧都区卫生健康和体育局",
        "layout": "newline",
        "active_disclosure": active_2019(
            (0, 0, 0),
            (0, 0, 0),
            (0, 0, 0),
            (0, 0, 0),
            (132, 0, 240),
            (2, 0, 2),
            (0, 0),
            (2, money("7.6", "万元")),
        ),
        "applications": applications("2019", **_BLANK_2002),
        "reviews": reviews(
            admin=(None, None, None, None, 0),
            direct=(None, None, None, None, 0),
            after=(None, None, None, None, 0),
        ),
        # blanks count as 0 in the checks; blank totals cannot be checked
        "diagnostic_codes": ["BLANK_AS_ZERO", "NOT_ASSESSABLE"],
    },
    "003_95eaafa52db6b695.txt": {
        "template": "2021",
        "year": 2021,
        "agency": "鲁山县卫健委",
        "layout": "tab",
        "active_disclosure": active_2021((0, 0, 0), (0, 0, 0), 535, 154, 0, money("0", "万元")),
        "applications": applications("2021"),
        "reviews": reviews(),
        # （七）总计 and 四、结转 each print eight zeros under seven columns
        "diagnostic_codes": ["TOO_MANY_VALUES", "TOO_MANY_VALUES"],
    },
    "004_e530588c4c56b619.txt": {
        "template": "2021",
        "year": 2023,
        "agency": "浑江区卫生健康局",
        "layout": "newline",
        "active_disclosure": active_2021((0, 0, 0), (0, 0, 0), 116, 0, 0, money("0", "万元")),
        "applications": applications("2021"),
        "reviews": reviews(),
        # line 18 carries "[bookmark: _GoBack]" from the Word file
        "diagnostic_codes": ["ARTEFACT_REMOVED"],
    },
}

# First and last words of each section's text, as printed.
SECTIONS: dict[str, dict[str, tuple[str, str] | None]] = {
    "000_c86ff80fd85f0836.txt": {
        "overview": (
            "2020年,我局严格遵照",
            "确保了疫情期间舆情平稳。2020年,共协调处置相关网络舆情136件(其中阳光信访平台19件、荆门市市长信箱55件,12320卫生服务热线1件。接待上访群众7批61人次),未发生一起重大舆情事件。",
        ),
        "active_disclosure": ("2020年,本局累计主动公开政府信息193条", "其他信息44条。"),
        "applications": (
            "本局2020年度没有受理政府信息公开申请。",
            "本局2020年度没有受理政府信息公开申请。",
        ),
        "reviews": ("2020年,京山市卫生健康局未接到", "行政复议申请。"),
        "problems": ("今年,虽然我局政府信息公开工作取得一定成效", "2021年1月27日"),
        "other_matters": None,
    },
    "001_1ec50763975fa479.txt": {
        "overview": ("2020年，县卫生健康局认真贯彻落实", "整改问题及时到位。"),
        "active_disclosure": ("", ""),
        "applications": ("", ""),
        "reviews": ("", ""),
        "problems": ("2020年本单位政府信息公开工作虽然取得了一些成效", "促进有效传达。"),
        "other_matters": ("本年度无其他需要报告的事项。", "本年度无其他需要报告的事项。"),
    },
    "002_d41b7d34cb4232dc.txt": {
        "overview": ("2020年我局成立以党组书记、局长为组长", "主动公开信息7条。"),
        "active_disclosure": ("", ""),
        "applications": ("", ""),
        "reviews": ("", ""),
        "problems": ("2020年，我局政务公开工作整体水平有一定提升", "提高信息的准确性、实效性。"),
        "other_matters": ("无", "无"),
    },
    "003_95eaafa52db6b695.txt": {
        "overview": ("2021年，在县委县政府正确领导下", "办结率100%。"),
        "active_disclosure": ("", ""),
        "applications": ("", ""),
        "reviews": ("", ""),
        "problems": ("2021年,在上级的指导下", "让群众更加方便、快捷、及时查询到各类信息。"),
        "other_matters": ("无", "无"),
    },
    "004_e530588c4c56b619.txt": {
        "overview": ("(一)组织推动全区政府信息公开工作", "认真对待每一次评估与考核。"),
        "active_disclosure": ("", ""),
        "applications": ("", ""),
        "reviews": ("", ""),
        "problems": (
            "政府信息公开工作是一项长期、艰巨、复杂的系统工程。",
            "更好地搭建起政府与百姓政务信息沟通的桥梁。",
        ),
        "other_matters": ("2024年，我们将继续深化政务公开工作", "2023年12月31日"),
    },
}
