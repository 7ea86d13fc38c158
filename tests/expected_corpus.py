"""Every cell of the real published reports in tests/corpus/, read by eye from the documents.

The HTML pages were read in a browser and in their source; the PDFs page by page as rendered
(pdftoppm). Blank cells are None.
"""

from __future__ import annotations

from typing import Any

from expected import Z5, active_2019, active_2021, applications, money, reviews

CORPUS: dict[str, dict[str, Any]] = {
    "putian-kejiju-2020.html": {
        "template": "2019",
        "year": 2020,
        "agency": "莆田市科技局",
        "layout": "html",
        "active_disclosure": active_2019(
            (0, 0, 0),
            (3, 3, 6),
            (60, -3, 57),
            (7, -7, 0),
            (0, 0, 0),
            (0, 0, 0),
            (0, 0),
            (5, money("142512", "元")),
        ),
        "applications": applications("2019"),
        "reviews": reviews(Z5, Z5, Z5),
        "diagnostic_codes": [],
    },
    "putian-haiyangyuyeju-2024.html": {
        "template": "2021",
        "year": 2024,
        "agency": "莆田市海洋与渔业局",
        "layout": "html",
        "active_disclosure": active_2021((0, 0, 0), (0, 0, 7), 469, 118, 0, money("0", "万元")),
        "applications": applications("2021"),
        "reviews": reviews(Z5, Z5, Z5),
        "diagnostic_codes": [],
    },
    # 2.其他法律行政止公开 is misprinted in both (for 2.其他法律行政法规禁止公开); （六）其他处理
    # is printed as the 2019 template's one row, all zeros. The 2023 表四 prints totals of 0
    # beside 10 + 1 upheld/corrected and 5 upheld: the report's own inconsistency.
    "hongze-2023.pdf": {
        "template": "2021",
        "year": 2023,
        "agency": "洪泽区人民政府",
        "layout": "pdf",
        "active_disclosure": active_2021(
            (0, 0, 0), (0, 5, 5), 550, 4119, 195, money("7730.28", "万元")
        ),
        "applications": applications(
            "2021",
            new_requests=(21, 0, 0, 0, 0, 0, 21),
            partially_granted=(4, 0, 0, 0, 0, 0, 4),
            withheld_state_secret=(1, 0, 0, 0, 0, 0, 1),
            withheld_process_info=(1, 0, 0, 0, 0, 0, 1),
            withheld_enforcement_files=(1, 0, 0, 0, 0, 0, 1),
            unavailable_not_held=(10, 0, 0, 0, 0, 0, 10),
            unavailable_needs_creation=(3, 0, 0, 0, 0, 0, 3),
            not_processed_complaint=(1, 0, 0, 0, 0, 0, 1),
            total_processed=(21, 0, 0, 0, 0, 0, 21),
        ),
        "reviews": reviews((10, 1, 0, 0, 0), Z5, (5, 0, 0, 0, 0)),
        "diagnostic_codes": [
            "LABEL_MISPRINTED",
            "AGGREGATE_ROW_ZEROS",
            "T4_GROUP_TOTAL",
            "T4_GROUP_TOTAL",
        ],
    },
    "hongze-2024.pdf": {
        "template": "2021",
        "year": 2024,
        "agency": "淮安市洪泽区人民政府",
        "layout": "pdf",
        "active_disclosure": active_2021(
            (0, 0, 0), (3, 0, 8), 9487, 2776, 84, money("7545", "万元")
        ),
        "applications": applications(
            "2021",
            new_requests=(95, 0, 0, 0, 0, 0, 95),
            granted=(50, 0, 0, 0, 0, 0, 50),
            partially_granted=(9, 0, 0, 0, 0, 0, 9),
            withheld_security_stability=(1, 0, 0, 0, 0, 0, 1),
            withheld_process_info=(1, 0, 0, 0, 0, 0, 1),
            withheld_enforcement_files=(1, 0, 0, 0, 0, 0, 1),
            unavailable_not_held=(31, 0, 0, 0, 0, 0, 31),
            unavailable_needs_creation=(1, 0, 0, 0, 0, 0, 1),
            not_processed_complaint=(1, 0, 0, 0, 0, 0, 1),
            total_processed=(95, 0, 0, 0, 0, 0, 95),
        ),
        "reviews": reviews((1, 1, 0, 0, 2), (1, 0, 0, 0, 1), (2, 0, 1, 0, 3)),
        "diagnostic_codes": ["LABEL_MISPRINTED", "AGGREGATE_ROW_ZEROS"],
    },
}
