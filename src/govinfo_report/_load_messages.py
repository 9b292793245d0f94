"""Load problems in Chinese, with their paths kept apart.

A :class:`~govinfo_report.errors.ReportLoadError` lists its problems as the loader
words them, in English, each ending in its path (``expected a whole number, got str
'2024' @ $.metadata.year``). :func:`load_problem` splits one into its message and its
path and says the message in Chinese: the loader's phrasings are few and regular
("expected …, got …", "required key missing", "unknown key(s) …", "duplicate key …",
syntax errors), and each is translated by its shape, the values it quotes kept as
written. A phrasing this module does not know keeps its English text in the Chinese
message, never a guess.
"""

from __future__ import annotations

import re
from typing import Any, Final, NamedTuple

from govinfo_report.findings import Lang

_AT: Final = " @ "

_EXPECTED: Final = {
    "a whole number": "整数",
    "a string": "字符串",
    "a list of strings": "字符串列表",
    "a number, '' or '/'": "数字、'' 或 '/'",
    "a count (whole number), '' or '/'": "件数（整数）、'' 或 '/'",
    "an amount ('7730.28' or '251000元'), '' or '/'": "金额（'7730.28' 或 '251000元'）、'' 或 '/'",
    "a mapping of rows": "各行的映射",
    "a mapping of columns": "各列的映射",
    "a mapping with a report's keys": "含报告各项的映射",
    "a mapping": "映射",
    "a list of rows": "行的列表",
    "a list": "列表",
    "a date YYYY-MM-DD": "日期 YYYY-MM-DD",
    "true or false": "true 或 false",
    "a decimal number": "十进制数",
}
_TYPES: Final = {
    "str": "字符串",
    "int": "整数",
    "float": "小数",
    "bool": "布尔值",
    "list": "列表",
    "dict": "映射",
    "NoneType": "空值",
    "number": "数字",
    "date": "日期",
    "datetime": "日期时间",
}
_TOP_LEVEL: Final = {
    "a list": "列表",
    "a string": "字符串",
    "a boolean": "布尔值",
    "a number": "数字",
}
_GOT: Final = re.compile(r"got (\w+)(?: (.*))?$", re.S)
_EXPECTED_GOT: Final = re.compile(r"expected (.+), (got .*)$", re.S)
_KIND: Final = re.compile(r"an agency kind \((.*)\)$", re.S)
_VERSION: Final = re.compile(r"a format version \((.*)\)$", re.S)
_ROW_ID: Final = re.compile(r"a row id of (\w+)$")
_FIXED: Final = {
    "required key missing": "缺少必填项",
    "the document is empty": "文档为空",
    "a level-3 heading (1.…) has no subsections; write level-4 headings (（1）…) as paragraphs": (
        "三级标题（1.…）不能再有下级标题；四级标题（（1）…）请写作段落"
    ),
}


def _system_reason(reason: str) -> str:
    from govinfo_report._failures import reason_zh

    return reason_zh(reason)


def _meant(said: str) -> str:
    """``'x' for 'a', 'y' for 'b'`` → ``'x'（代替 'a'）、'y'（代替 'b'）``."""
    return re.sub(r"('[^']*') for ('[^']*')", r"\1（代替 \2）", said).replace("）, '", "）、'")


_PATTERNS: Final[tuple[tuple[Any, ...], ...]] = (
    # (pattern, template[, one function per group: how that part is said in Chinese])
    (
        re.compile(r"unknown key\(s\) (.*) \(did you mean (.*)\?\)$", re.S),
        "未知的项 {0}（是否应为 {1}？）",
        (str, _meant),
    ),
    (re.compile(r"unknown key\(s\) (.*)$", re.S), "未知的项 {0}"),
    (re.compile(r"duplicate key (.*)$", re.S), "项 {0} 重复"),
    (re.compile(r"an extra row needs a label, got (.*)$", re.S), "补充行须有标签，实际为 {0}"),
    (
        re.compile(r"year must be between (\d+) and (\d+), got (.*)$", re.S),
        "年份须在 {0} 到 {1} 之间，实际为 {2}",
    ),
    (
        re.compile(
            r"amount out of range: (\d+) digits before the decimal point \(at most (\d+)\)$"
        ),
        "金额超出范围：小数点前 {0} 位（最多 {1} 位）",
    ),
    (
        re.compile(r"amount out of range: (\d+) decimal places \(at most (\d+)\)$"),
        "金额超出范围：小数 {0} 位（最多 {1} 位）",
    ),
    (re.compile(r"amount out of range: (.*)$", re.S), "金额超出范围：{0}"),
    (re.compile(r"file is larger than (\d+) bytes$"), "文件大于 {0} 字节"),
    (re.compile(r"cannot read the file: (.*)$", re.S), "无法读取文件：{0}", (_system_reason,)),
    (re.compile(r"invalid (JSON|YAML|TOML): nested too deeply$"), "{0} 无效：嵌套过深"),
    (re.compile(r"invalid (JSON|YAML|TOML): (.*)$", re.S), "{0} 无效：{1}"),
    (
        re.compile(r"valid (JSON|YAML|TOML), but not a report: the document is empty or null$"),
        "{0} 有效，但不是报告：文档为空或为 null",
    ),
    (
        re.compile(
            r"valid (JSON|YAML|TOML), but not a report: no 'metadata' key at the top "
            r"level(?: \(it has (.*)\))?$",
            re.S,
        ),
        "{0} 有效，但不是报告：顶层没有 'metadata' 项{1}",
        (str, lambda keys: f"（其中有 {keys}）" if keys else ""),
    ),
    (
        re.compile(
            r"valid (JSON|YAML|TOML), but not a report: the top level is (.*), not a "
            r"mapping of a report's keys$",
            re.S,
        ),
        "{0} 有效，但不是报告：顶层是 {1}，而不是含报告各项的映射",
        (str, lambda kind: _TOP_LEVEL.get(kind, kind)),
    ),
)


def _at_line(where: str) -> str:
    """`` (line 3)`` → ``（第 3 行）``."""
    found = re.fullmatch(r" \(line (\d+)\)", where)
    return f"（第 {found.group(1)} 行）" if found else where


_ROLE: Final = {"a child": "下级机关名称", "a parent": "上级机关名称"}

# A hierarchy file's problems (survey --hierarchy, survey/_hierarchy.py), read after
# their "line N: " (see chinese()).
_HIERARCHY: Final[tuple[tuple[Any, ...], ...]] = (
    (
        re.compile(r"parent (.+?)( \(line \d+\))? is declared twice$", re.S),
        "上级机关 {0}{1}声明了两次",
        (str, _at_line),
    ),
    (
        re.compile(r"(.+?)( \(line \d+\))? is listed as its own child$", re.S),
        "{0}{1}被列为自己的下级",
        (str, _at_line),
    ),
    (
        re.compile(r"(.+?) has two parents: (.+?) and (.+?)( \(line \d+\))?$", re.S),
        "{0} 有两个上级机关：{1} 和 {2}{3}",
        (str, str, str, _at_line),
    ),
    (re.compile(r"(.+?) is its own ancestor$", re.S), "{0} 是自己的上级（层级成环）"),
    (re.compile(r"(a child|a parent) is blank$"), "{0}为空", (_ROLE.__getitem__,)),
    (
        re.compile(r"(a child|a parent) must be an agency name \(text\)$"),
        "{0}须为文本",
        (_ROLE.__getitem__,),
    ),
    (re.compile(r"children must be a list of agency names$"), "children 须为机关名称的列表"),
    (
        re.compile(r"(.+?) must map to a list of children or to children:$", re.S),
        "{0} 须对应下级机关的列表，或 children:",
    ),
    (
        re.compile(r"unknown key (.+?); expected children, whole_region$", re.S),
        "未知的项 {0}；应为 children、whole_region",
    ),
    (re.compile(r"(.+?) has no children:$", re.S), "{0} 没有 children:"),
    (re.compile(r"whole_region must be true or false$"), "whole_region 须为 true 或 false"),
    (re.compile(r"YAML anchors and aliases are refused$"), "不接受 YAML 的锚点和别名"),
    (re.compile(r"not YAML \((.*)\)$", re.S), "不是 YAML（{0}）"),
    (re.compile(r"expected parent: children mappings$"), "应为“上级机关: 下级机关”的映射"),
    (re.compile(r"not UTF-8 text \(byte (\d+)\)$"), "不是 UTF-8 文本（字节偏移 {0}）"),
)
_LINE = re.compile(r"line (\d+|\?): (.*)$", re.S)


class LoadProblem(NamedTuple):
    """One load problem: its message in both languages and the path it is at."""

    message_en: str
    message_zh: str
    path: str
    """Where in the file (``$.metadata.year``); ``""`` when the problem has no path."""

    def message(self, lang: Lang = "zh") -> str:
        """The message in Chinese (``"zh"``) or English (``"en"``), without the path."""
        return self.message_en if lang == "en" else self.message_zh

    def text(self, lang: Lang = "zh") -> str:
        """The message and its path as the loader words them: ``message @ path``."""
        return f"{self.message(lang)}{_AT}{self.path}" if self.path else self.message(lang)


def load_problem(problem: str) -> LoadProblem:
    """``problem`` (``message @ path``, as a ReportLoadError lists it), split and said in
    Chinese too."""
    message, at, path = problem.rpartition(_AT)
    if not at or not path.startswith("$"):
        message, path = problem, ""
    return LoadProblem(message, chinese(message), path)


def chinese(message: str) -> str:
    """A loader's English problem message in Chinese (kept as is where unknown)."""
    line = _LINE.match(message)
    if line is not None:  # "line 3: …", as a hierarchy file's problems start
        return f"第 {line.group(1)} 行：{chinese(line.group(2))}"
    fixed = _FIXED.get(message)
    if fixed is not None:
        return fixed
    matched = _EXPECTED_GOT.match(message)
    if matched is not None:
        return f"应为{_expected(matched.group(1))}，{_got(matched.group(2))}"
    text = worded(message, _PATTERNS)
    if text is None:
        text = worded(message, _HIERARCHY)
    return message if text is None else text


def worded(message: str, patterns: tuple[tuple[Any, ...], ...]) -> str | None:
    """``message`` in Chinese by the first of ``patterns`` that matches it, or None.

    Each is (pattern, template[, one function per group: how that part is said in
    Chinese]); the template is filled with the groups in order (an unmatched one as
    ``""``)."""
    for pattern, template, *said in patterns:
        found = pattern.match(message)
        if found is not None:
            groups = [g or "" for g in found.groups()]
            if said:  # how each quoted part is said in Chinese
                groups = [say(g) for say, g in zip(said[0], groups, strict=True)]
            text: str = template.format(*groups)
            return text
    return None


def _expected(what: str) -> str:
    known = _EXPECTED.get(what)
    if known is not None:
        return known
    for pattern, zh in ((_KIND, "机关类型"), (_VERSION, "格式版本")):
        found = pattern.match(what)
        if found is not None:
            return f"{zh}（{found.group(1)}）"
    found = _ROW_ID.match(what)
    if found is not None:
        return f" {found.group(1)} 的行 id"
    return what


def _got(got: str) -> str:
    found = _GOT.match(got)
    if found is None:
        return got
    kind, value = found.group(1), found.group(2)
    named = _TYPES.get(kind, kind)
    return f"实际为{named} {value}" if value else f"实际为{named}"


def load_error_text(source: str, problems: tuple[LoadProblem, ...], lang: Lang) -> str:
    """The error of a file that could not be loaded, with its problems listed."""
    listed = "\n".join(f"  - {p.text(lang)}" for p in problems)
    if lang == "en":
        return f"cannot load {source}: {len(problems)} problem(s)\n{listed}"
    return f"无法读取 {source}：{len(problems)} 个问题\n{listed}"


__all__ = ["LoadProblem", "chinese", "load_error_text", "load_problem"]
