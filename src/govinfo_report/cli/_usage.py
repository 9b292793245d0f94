"""argparse's usage errors in Chinese, as every other error of the command line is.

argparse words its errors in English (through :mod:`gettext`, for which Python ships no
Chinese catalogue). :func:`said` reads the English it gives :meth:`Parser.error
<govinfo_report.cli._parser.Parser.error>` against the templates of the argparse of
Python 3.11 to 3.13 and words the same facts in Chinese: the names, values and choices
are the command's, as argparse quoted them. A message no template fits (a newer
argparse, an error of a type function) is kept as it is, in English, rather than
guessed at.

The language is the one ``--lang`` asks for, read from the arguments as given
(:func:`~govinfo_report.cli._help.language`): the error may be that the command line
could not be parsed.
Imported only when there is a usage error.
"""

from __future__ import annotations

import re
from typing import Any

from govinfo_report._load_messages import worded
from govinfo_report.cli._help import language

TYPE_CHECKING = False
if TYPE_CHECKING:
    from govinfo_report.findings import Lang


_TYPES = {"int": "整数", "float": "数"}
"""The Chinese of the types argparse names in "invalid int value"."""

# As govinfo_report._load_messages.worded reads them: (argparse's English, the Chinese
# template[, how each group is said]). The message of an argument's error ("argument
# --jobs: …") is read after its "argument X: ".
_ARGUMENT: tuple[tuple[Any, ...], ...] = (
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)$"), "无效的取值 {0}（可选：{1}）"),
    (
        re.compile(r"invalid (\w+) value: (.*)$"),
        "无效的{0}值 {1}",
        (lambda kind: _TYPES.get(kind, kind + " "), str),
    ),
    (re.compile(r"expected one argument$"), "需要一个值"),
    (re.compile(r"expected at most one argument$"), "最多只能有一个值"),
    (re.compile(r"expected at least one argument$"), "至少需要一个值"),
    (re.compile(r"expected (\d+) arguments?$"), "需要 {0} 个值"),
    (re.compile(r"not allowed with argument (.*)$"), "不能与参数 {0} 同时使用"),
    (re.compile(r"ignored explicit argument (.*)$"), "不接受取值，却给出了 {0}"),
    # The type functions of our options (cli._options.positive).
    (re.compile(r"expected a whole number, got (.*)$"), "应为整数，实际为 {0}"),
    (re.compile(r"expected 1 or more, got (.*)$"), "应为 1 或更大的整数，实际为 {0}"),
)
_WHOLE: tuple[tuple[Any, ...], ...] = (
    (re.compile(r"the following arguments are required: (.*)$"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)$"), "无法识别的参数：{0}"),
    (re.compile(r"one of the arguments (.*) is required$"), "以下参数必须给出其一：{0}"),
    (
        re.compile(r"ambiguous option: (\S+) could match (.*)$"),
        "选项 {0} 不明确，可以是：{1}",
    ),
    (re.compile(r"unexpected option string: (.*)$"), "意外的选项：{0}"),
)
_ARGUMENT_ERROR = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.DOTALL)


def said(message: str, lang: Lang) -> str:
    """argparse's error ``message`` in ``lang``: as it is in English, in Chinese when a
    template fits (else as it is)."""
    if lang == "en":
        return message
    argument = _ARGUMENT_ERROR.fullmatch(message)
    if argument is not None:
        inner = worded(argument["message"], _ARGUMENT)
        if inner is None:
            return message
        name = argument["name"]
        if name == "COMMAND" and inner.startswith("无效的取值"):
            return "未知的命令 " + inner.removeprefix("无效的取值 ")
        return f"参数 {name}：{inner}"
    whole = worded(message, _WHOLE)
    return message if whole is None else whole


__all__ = ["language", "said"]
