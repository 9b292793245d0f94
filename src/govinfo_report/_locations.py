"""Where in a document a reader found something, said in Chinese.

The readers record a finding's place in fixed English words (``Finding.location``):
``line 23``, ``lines 40-52``, ``table 3 row 5``, ``paragraph 7``, ``page 2, table 1``,
``pages 3-4, table 2 row 6``, ``sheet '表三' B4:H30``, ``sheet '表三' row 12``, sometimes
after the source's name (``report.docx: docProps/custom.xml``). That stays the machine
form (``validate --json``, ``findings.jsonl``); :func:`location_in` words it for a person
reading Chinese: 第 23 行, 第 40–52 行, 第 3 个表格第 5 行, 第 7 段, 第 2 页第 1 个表格,
工作表 '表三' B4:H30. Words it does not know stay as they are.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from govinfo_report.findings import Lang

_PART = re.compile(
    r"\b(?P<unit>lines?|pages?|table|row|paragraph) (?P<first>\d+)(?:-(?P<last>\d+))?"
    r"|\bsheet (?=['\"]|$)|\bfront matter\b"
)
_COUNTED = {"line": "行", "page": "页", "table": "个表格", "row": "行", "paragraph": "段"}
_JOINED = re.compile(r"(?<=[行页格段]),? (?=第)")
"""The ", " or " " between two parts both said in Chinese (``page 2, table 1 row 3``)."""


_QUOTED = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
"""A sheet's name as ``repr`` quotes it: never worded (a sheet may be named "table 1")."""


def location_in(location: str, lang: Lang) -> str:
    """``location`` as a reader recorded it (``lang="en"``), or in Chinese.

    Only the place is worded: a source's name before the last ``": "`` and a quoted
    sheet name stay as they are, whatever words they hold."""
    if lang == "en":
        return location
    source, colon, place = location.rpartition(": ")
    parts = _QUOTED.split(place)  # odd positions: the quoted names
    worded = "".join(p if i % 2 else _PART.sub(_part, p) for i, p in enumerate(parts))
    return source + colon + _JOINED.sub("", worded)


def _part(found: re.Match[str]) -> str:
    unit = found["unit"]
    if unit is None:
        return "工作表 " if found[0].startswith("sheet") else "文首元数据"
    span = found["first"] if found["last"] is None else f"{found['first']}–{found['last']}"
    return f"第 {span} {_COUNTED[unit.removesuffix('s')]}"
