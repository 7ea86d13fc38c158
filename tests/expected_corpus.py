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
}
