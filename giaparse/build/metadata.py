"""Report metadata: the reporting year and the reporting organ, and the sections' text.

Each value comes from an explicit rule; when no rule is sure, the value is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from giaparse.core.items import Prose

_YEAR = r"((?:19|20)\d{2})"
_REPORT = r"政府信息公开(?:工作)?(?:的)?(?:年度)?报告"
_TITLE = re.compile(_YEAR + r"\s*年(?:度)?[^。，,]{0,20}?" + _REPORT)
_BARE_TITLE = re.compile(r"([^。，,]{0,30}?)" + _REPORT)
# What a line may carry that is not the title: Markdown and list marks, a crawler's or page's
# field name (标题：, 发布机构：), emphasis.
_MARKUP = re.compile(r"^[\s#>*`\-+•·|]+|[\s*`|]+$")
_FIELD = re.compile(
    r"^(?:标\s*题|题\s*名|名\s*称|文\s*件\s*名|发布机构|发文机关|来\s*源|信息来源)\s*[:：]\s*"
)
_PUBLISHER = re.compile(r"^(?:发布机构|发文机关|发布单位|信息来源|来\s*源)\s*[:：]\s*(.+)$")
# An organisation's name ends in an organ word, and starts with none of the verbs and
# connectives that the sentence around a name begins with (紧紧围绕…党工委 is not a name).
ORGAN_ENDINGS = (
    "人民政府",
    "政府",
    "办公厅",
    "办公室",
    "委员会",
    "管委会",
    "管理委员会",
    "工委",
    "党委",
    "局",
    "委",
    "厅",
    "署",
    "院",
    "中心",
    "办",
    "街道办事处",
    "办事处",
    "街道",
    "镇",
    "乡",
)
_NOT_A_START = (
    "紧紧围绕",
    "围绕",
    "在",
    "聚焦",
    "根据",
    "按照",
    "依据",
    "依照",
    "为了",
    "为",
    "对",
    "以",
    "坚持",
    "认真",
    "全面",
    "进一步",
    "加强",
    "推进",
    "落实",
    "贯彻",
    "关于",
    "本",
    "我",
    "各",
    "全",
    "今年",
    "年度",
    "报告",
    "通过",
    "由",
    "经",
    "据",
    "和",
    "与",
    "及",
    "或",
    "并",
    "是",
    "等",
    "将",
    "已",
    "把",
    "向",
    "从",
    "于",
    "做好",
    "深入",
    "积极",
    "严格",
    "切实",
    "持续",
)
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff]{2,30}$")
_PERIOD = re.compile(
    r"统计期限[^。]{0,6}?" + _YEAR + r"\s*年"
    r"|截[止至](?:日期)?[为至:：]?\s*" + _YEAR + r"\s*年\s*12\s*月\s*31\s*日"
    r"|" + _YEAR + r"\s*年\s*1\s*月\s*1\s*日[起]?\s*至"
)
_ANY_YEAR = re.compile(_YEAR + r"\s*年")
_DATE_LINE = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
_PLACE = "省市县区州旗盟"
_PREFIX_MAX = 8  # characters of place name before 省/市/县…
_ORGAN = r"(?:委员会|办公室|局|委|厅|署|院|中心|政府|办)"
_BODY_ORGAN = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,8}?["
    + _PLACE
    + r"][\u4e00-\u9fff]{2,10}?"
    + _ORGAN
    + r")"
    r"(?=未|在|认真|高度|严格|按照|坚持|共|全年|本年|进一步|积极|始终|切实|深入|主动|依法|"
    r"紧紧|没有|无|[，,。、；;（(]|$)"
)
_TIDY = re.compile(r"[ \t\u3000\xa0]+")


def is_organ_name(text: str) -> bool:
    """Whether ``text`` is an organisation's name: CJK only (no digit, punctuation or
    markup), 2-30 characters, ending in an organ word and not starting like a sentence."""
    return (
        _NAME_CHARS.match(text) is not None
        and text.endswith(ORGAN_ENDINGS)
        and not text.startswith(_NOT_A_START)
    )


def _line_text(text: str) -> str:
    """A preamble line without markup and field names: ``# 标题：XX局…`` → ``XX局…``."""
    return _FIELD.sub("", _MARKUP.sub("", text)).strip()


def publisher(preamble: Sequence[Prose]) -> str | None:
    """The organ a crawler's or page's own metadata names (发布机构：XX局), if it is one."""
    for line in preamble[:12]:
        m = _PUBLISHER.match(_MARKUP.sub("", line.text).strip())
        if m is not None:
            name = _TIDY.sub("", m.group(1)).strip('《》〈〉「」"“”')
            if is_organ_name(name):
                return name
    return None


def title_lines(preamble: Sequence[Prose]) -> tuple[int | None, str | None]:
    """Year and organ from a title such as 宁海县卫生健康局2020年政府信息公开工作年度报告."""
    lines = [_line_text(p.text) for p in preamble[:6]]
    for i, text in enumerate(lines):
        m = _TITLE.search(text) if len(text) <= 80 else None
        if m is not None:
            return int(m.group(1)), _agency_before(lines, i, text[: m.start()])
    for i, text in enumerate(lines):  # a title without a year: the whole line is the title
        m = _BARE_TITLE.fullmatch(text)
        if m is not None:
            return None, _agency_before(lines, i, m.group(1))
    return None, None


def _agency_before(lines: list[str], i: int, head: str) -> str | None:
    agency = _clean_agency(head)
    if not agency and i > 0 and len(lines[i - 1]) <= 30:
        agency = _clean_agency(lines[i - 1])
    return agency or None


def _clean_agency(text: str) -> str:
    text = _TIDY.sub("", _line_text(text)).strip('《》〈〉「」"“”:：,，.。 ')
    text = text.removesuffix("关于")
    return text if is_organ_name(text) else ""


def find_year(
    preamble: Sequence[Prose], body: Mapping[str, Sequence[Prose]], title_year: int | None
) -> int | None:
    if title_year is not None:
        return title_year
    everything = [*preamble, *(p for lines in body.values() for p in lines)]
    for line in everything:
        m = _PERIOD.search(line.text)
        if m is not None:
            return int(next(g for g in m.groups() if g))
    overview = [*preamble, *body.get("overview", ())]
    counts = Counter(int(y) for p in overview for y in _ANY_YEAR.findall(p.text))
    if counts:
        ranked = counts.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
    for line in reversed(everything[-4:]):
        m = _DATE_LINE.fullmatch(_TIDY.sub("", line.text))
        if m is not None:
            year, month = int(m.group(1)), int(m.group(2))
            return year - 1 if month <= 3 else year
    return None


def find_agency(
    title_agency: str | None, texts: Sequence[str], published_by: str | None = None
) -> str | None:
    """The title's organ, completed from the body when the title drops the place name; else
    the page's own 发布机构; else the body's one clear self-reference. Every answer is an
    organisation's name (:func:`is_organ_name`), or None."""
    if title_agency is None and published_by is not None:
        return published_by
    if title_agency is not None:
        if any(ch in title_agency for ch in _PLACE):
            return title_agency
        longer = re.compile(
            rf"([\u4e00-\u9fff]{{1,{_PREFIX_MAX}}}?[{_PLACE}])" + re.escape(title_agency)
        )
        found: Counter[str] = Counter()
        for t in texts:  # look only just before each mention, not along the whole line
            at = t.find(title_agency)
            while at != -1:
                m = longer.search(t, max(0, at - _PREFIX_MAX - 1), at + len(title_agency))
                if m is not None and is_organ_name(m.group(1) + title_agency):
                    found[m.group(1) + title_agency] += 1
                at = t.find(title_agency, at + len(title_agency))
        return _only(found) or title_agency
    found = Counter(
        m.group(1) for t in texts for m in _BODY_ORGAN.finditer(t) if is_organ_name(m.group(1))
    )
    return _only(found)


def _only(found: Counter[str]) -> str | None:
    """The one candidate, or the clear favourite; None when candidates disagree."""
    if not found:
        return None
    ranked = found.most_common()
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def section_text(lines: Sequence[Prose] | None) -> str | None:
    if lines is None:
        return None
    tidy = (_TIDY.sub(" ", p.text).strip() for p in lines)
    return "\n".join(t for t in tidy if t)
