"""Page furniture every source meets: page numbers that PDF, Word and their text exports leave.

One pattern, used by the text tokenizer (footer lines) and the PDF reader (page bands).
"""

from __future__ import annotations

import re

# "— 5 —", "- 4 -", "－12－", "第 3 页", "第3页 共9页"; a line that is nothing else is furniture.
# No page 0, and at most one space inside the dashes: "-     0     -" or "-   5   -" is a row of
# values (blank, 5, blank) as an extractor prints it, cells apart by runs of spaces.
PAGE_NUMBER = re.compile(
    r"[ \t\u3000\xa0]*(?:[-—–－‒―]{1,3}[ \t\u3000\xa0]?[1-9]\d{0,3}[ \t\u3000\xa0]?[-—–－‒―]{1,3}"
    r"|第[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页(?:[ \t\u3000\xa0]*[,，/]?[ \t\u3000\xa0]*"
    r"共[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页)?)[ \t\u3000\xa0]*"
)
MAX_FOOTER = 40  # characters: a longer line is text, whatever it starts with


def is_page_number(line: str) -> bool:
    return len(line) < MAX_FOOTER and PAGE_NUMBER.fullmatch(line) is not None
