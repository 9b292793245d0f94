"""Metadata from a report's text: title, year, dates, contact details, agency kind.

Regular expressions here run on plain paragraph text (never on markup). Each function
returns what the text states, or ``None``; guessing is left to the assembler, which
reports it as a finding.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import attrs

from govinfo_report._numerals import parse_numeral
from govinfo_report._traditional import fold as fold  # the readers' home of it
from govinfo_report.model import AgencyKind, Contact

_REPORT = r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告"
_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年度?"
_TITLE_AGENCY_FIRST = re.compile(rf"^(?P<agency>.*?\S)\s*{_YEAR}\s*{_REPORT}$")
_TITLE_YEAR_FIRST = re.compile(rf"^{_YEAR}\s*(?P<agency>.*?)\s*{_REPORT}$")
_TRAILING_DATE = re.compile(r"\s*[（(]\s*([^（）()]{6,20}日)\s*[）)]\s*$")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九OoＯ]{4})年")
_DATE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"
)
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九OoＯ]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*"
    r"(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日"
)
PUBLICATION_LABELS = ("发布日期", "发布时间", "公开日期", "公开时间")
"""Labels of a portal's info line that date the publication (发布日期：2020-01-31)."""
SIGNING_LABELS = ("成文日期", "印发日期")
"""Labels of an info line that date the signing (成文日期)."""
UNCLEAR_LABELS = ("日期", "时间")
"""Labels that give a date without saying which: neither date is taken from them."""
_OTHER_LABELS = (
    "信息来源",
    "来源",
    "发布机构",
    "发布单位",
    "作者",
    "浏览次数",
    "访问次数",
    "阅读次数",
    "点击数",
    "点击量",
    "索引号",
    "发文字号",
    "文号",
)
# Longest first, so that 发布日期 is one label and not 发布 + 日期.
_INFO_LABELS = sorted(
    (*PUBLICATION_LABELS, *SIGNING_LABELS, *UNCLEAR_LABELS, *_OTHER_LABELS), key=len, reverse=True
)
_INFO_FIELD = re.compile(rf"({'|'.join(_INFO_LABELS)})\s*[:：]")
_INFO_MAX = 80
_DATED_LABELS = "|".join((*PUBLICATION_LABELS, *SIGNING_LABELS))
_TRAILING_INFO = re.compile(
    rf"\s*[（(]\s*((?:{_DATED_LABELS})\s*[:：][^（）()]{{6,24}}?)\s*[）)]\s*$"
)
_PHONE = re.compile(
    r"(?:联系|咨询|监督|办公)?电话(?:号码)?\s*[:：]?\s*"
    r"((?:[（(]?\d{3,4}[）)]?\s*[-—－–]{0,2}\s*)?\d{7,8}(?:\s*[-—－–转]\s*\d{1,5})?)"
)
_POSTCODE = re.compile(r"(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)")
_ADDRESS = re.compile(r"(?:通讯|联系|办公)?地址\s*[:：]\s*([^，,；;。）)\s]{4,60})")
_EMAIL = re.compile(
    r"(?:电子邮箱|电子邮件|邮箱|E-?mail)\s*[:：]?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"(?:可联系|请联系|请与|联系单位\s*[:：]|联系部门\s*[:：])\s*([^，,。；;：:（(）)\s]{4,40}?)(?:联系)?\s*[（(，,。]"
)
_GOVERNMENT_SUFFIX = "人民政府"
_TOWNSHIP_ENDINGS = ("乡人民政府", "镇人民政府", "街道办事处", "乡政府", "镇政府")
_TOWNSHIP_NAMES = ("乡", "镇", "街道")


@attrs.frozen
class Title:
    """What a title line says."""

    text: str
    """The title as printed, without a bracketed date after it."""
    agency: str | None
    year: int
    date_text: str | None = None
    """A date printed in brackets after the title ("（2026年1月23日）")."""
    info: str | None = None
    """A labelled date in brackets after the title ("（发布日期：2026年1月23日）")."""


_HEADING_MARK = re.compile(r"^[#＃]{1,6}[ \t\u3000]*")


def parse_title(text: str) -> Title | None:
    """The agency and year of a title line, or ``None`` if the line is not a title.

    Accepts "{agency}{YYYY}年政府信息公开工作年度报告", the year first
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告"), 年度, without 工作, a date
    in brackets after it, and a Markdown heading mark left before it ("# …").
    """
    core = "".join(line.strip() for line in text.splitlines())
    # A Markdown heading mark left in pasted text ("# 某某局2023年…") is not the agency's.
    core = _HEADING_MARK.sub("", core)
    date_text = info = None
    labelled = _TRAILING_INFO.search(core)
    trailing = labelled or _TRAILING_DATE.search(core)
    if trailing is not None:
        if labelled is not None:
            info = labelled.group(1)  # says which date it is: never taken as the signing date
        else:
            date_text = trailing.group(1)
        core = core[: trailing.start()].strip()
    line = fold(core)
    line = _CN_YEAR.sub(lambda m: f"{parse_numeral(m.group(1).upper().replace('O', '〇'))}年", line)
    if len(line) > 80:
        return None
    for pattern in (_TITLE_YEAR_FIRST, _TITLE_AGENCY_FIRST):
        match = pattern.match(line)
        if match is not None:
            start, end = _original_span(core, match.start("agency"), match.end("agency"))
            agency = core[start:end].strip(" \u3000：:—-") or None
            return Title(core, agency, int(match.group("year")), date_text, info)
    return None


def _original_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that became ``fold(text)[start:end]``.

    The title is matched on width-folded text, but the agency must be returned as
    printed ("（筹）", full-width letters): folding is per character here, so offsets map
    back through each character's folded length. Where they do not (a composition across
    characters), the folded span is returned as it is.
    """
    if fold(text) != "".join(fold(ch) for ch in text):
        return start, end  # pragma: no cover - composing sequences do not occur in titles
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(fold(ch)))
    return bisect.bisect_right(offsets, start) - 1, bisect.bisect_left(offsets, end)


def parse_date(text: str) -> dt.date | str | None:
    """The first date in ``text``: a date, ``None`` if there is none, or the printed text
    when it names no real day ("2021年2月30日")."""
    folded = fold(text)
    match = _DATE.search(folded)
    if match is not None:
        groups = match.groups()
        y, m, d = groups[0:3] if groups[0] else groups[3:6]
        try:
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            return match.group(0)
    match = _CN_DATE.search(folded)
    if match is not None:
        year = parse_numeral(match.group(1).upper().replace("O", "〇"))
        month = parse_numeral(match.group(2))
        day = parse_numeral(match.group(3))
        if year is None or month is None or day is None:
            return match.group(0)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return match.group(0)
    return None


def is_date_line(text: str) -> bool:
    """Whether the paragraph is a date and nothing else ("2021年 1月22日", "（2024年1月17日）")."""
    folded = fold(text).strip().strip("（）() ")
    if not folded or len(folded) > 24:
        return False
    match = _DATE.fullmatch(folded) or _CN_DATE.fullmatch(folded)
    return match is not None


def info_line(text: str) -> tuple[tuple[str, str], ...] | None:
    """The labelled fields of a page's info line, or ``None`` if ``text`` is not one.

    An info line is short and made of ``label：value`` fields only, starting with one:
    "发布日期：2020-01-31　来源：上海市人民政府办公厅", "来源：某局 发布时间：2024-01-17
    10:30 浏览次数：128", "公开日期：2024年1月17日". Labels are those of
    :data:`PUBLICATION_LABELS`, :data:`SIGNING_LABELS`, :data:`UNCLEAR_LABELS` and the
    other fields portals print (来源, 浏览次数, 索引号…); values are returned as printed.
    """
    line = fold(text).strip().strip("【】[]")
    if len(line) > _INFO_MAX:
        return None
    fields = list(_INFO_FIELD.finditer(line))
    if not fields or fields[0].start() != 0:
        return None
    ends = [m.start() for m in fields[1:]] + [len(line)]
    return tuple(
        (m.group(1), line[m.end() : end].strip(" |/丨【】[]"))
        for m, end in zip(fields, ends, strict=True)
    )


def statistics_year(text: str) -> int | None:
    """The year of "统计期限从2020年1月1日至12月31日止", if the text states one."""
    match = _PERIOD.search(fold(text))
    if match is None:
        return None
    return int(match.group(1))


def contact(texts: list[str]) -> tuple[Contact | None, list[str]]:
    """Contact details stated in ``texts`` and the fields stated ambiguously.

    A field is taken only when every statement of it agrees; a field stated with
    different values is left out and named in the second element.
    """
    found: dict[str, set[str]] = {}
    for text in texts:
        folded = fold(text)
        for name, pattern in (
            ("phone", _PHONE),
            ("postcode", _POSTCODE),
            ("address", _ADDRESS),
            ("email", _EMAIL),
            ("office", _OFFICE),
        ):
            for match in pattern.finditer(folded):
                value = match.group(1).strip()
                if value:
                    found.setdefault(name, set()).add(value)
    fields = {name: next(iter(values)) for name, values in found.items() if len(values) == 1}
    ambiguous = sorted(name for name, values in found.items() if len(values) > 1)
    if not fields:
        return None, ambiguous
    return Contact(**fields), ambiguous


def agency_kind(agency: str) -> AgencyKind | None:
    """The kind an agency name shows, or ``None`` when the name does not show it.

    "…镇人民政府" and "…街道办事处" are townships; "…市/县/区人民政府" is a government;
    "…人民政府办公室/办公厅" and every other name is not decided here (a 办公室 is a
    department, but many names do not say what they are).
    """
    name = agency.strip()
    if not name:
        return None
    if name.endswith(_TOWNSHIP_ENDINGS):
        return AgencyKind.TOWNSHIP
    if name.endswith(_GOVERNMENT_SUFFIX):
        return AgencyKind.GOVERNMENT
    if name.endswith(_TOWNSHIP_NAMES) and len(name) <= 12:
        return AgencyKind.TOWNSHIP
    return None


def looks_like_agency(text: str) -> bool:
    """Whether a short paragraph could be an agency name under the text (a signature)."""
    line = fold(text).strip()
    if not line or len(line) > 40:
        return False
    return not any(mark in line for mark in "。；;：:！!？?,，>›»|/")
