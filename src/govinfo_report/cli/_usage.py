"""argparse's usage errors in Chinese, as every other error of the command line is.

argparse words its errors in English (through :mod:`gettext`, for which Python ships no
Chinese catalogue). :func:`said` reads the English it gives :meth:`Parser.error
<govinfo_report.cli._parser.Parser.error>` against the templates of the argparse of
Python 3.11 to 3.13 and words the same facts in Chinese: the names, values and choices
are the command's, as argparse quoted them. A message no template fits (a newer
argparse, an error of a type function) is kept as it is, in English, rather than
guessed at.

The language is the one ``--lang`` asks for, read from the arguments as given
(:func:`language`): the error may be that the command line could not be parsed.
Imported only when there is a usage error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from govinfo_report.findings import Lang


def language(args: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for in ``args`` (the last one given wins, as in
    argparse, which also takes ``--la en`` and ``--lang=en``); Chinese by default, as for
    every command."""
    lang: Lang = "zh"
    given = list(args)
    for i, arg in enumerate(given):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):  # --l is --lang, as in argparse
            continue
        if not equals:
            value = given[i + 1] if i + 1 < len(given) else ""
        if value in ("zh", "en"):
            lang = "zh" if value == "zh" else "en"
    return lang


_TYPES = {"int": "整数", "float": "数"}
"""The Chinese of the types argparse names in "invalid int value"."""

# (argparse's English, a function of its match giving the Chinese): the message of an
# argument's error ("argument --jobs: …") is read after its "argument X: ".
_ARGUMENT: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
        lambda m: f"无效的取值 {m['value']}（可选：{m['choices']}）",
    ),
    (
        re.compile(r"invalid (?P<type>\w+) value: (?P<value>.*)"),
        lambda m: f"无效的{_TYPES.get(m['type'], m['type'] + ' ')}值 {m['value']}",
    ),
    (re.compile(r"expected one argument"), lambda m: "需要一个值"),
    (re.compile(r"expected at most one argument"), lambda m: "最多只能有一个值"),
    (re.compile(r"expected at least one argument"), lambda m: "至少需要一个值"),
    (
        re.compile(r"expected (?P<n>\d+) arguments?"),
        lambda m: f"需要 {m['n']} 个值",
    ),
    (
        re.compile(r"not allowed with argument (?P<other>.*)"),
        lambda m: f"不能与参数 {m['other']} 同时使用",
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.*)"),
        lambda m: f"不接受取值，却给出了 {m['value']}",
    ),
    # The type functions of our options (cli._options.positive).
    (
        re.compile(r"expected a whole number, got (?P<value>.*)"),
        lambda m: f"应为整数，实际为 {m['value']}",
    ),
    (
        re.compile(r"expected 1 or more, got (?P<value>.*)"),
        lambda m: f"应为 1 或更大的整数，实际为 {m['value']}",
    ),
)
_WHOLE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.*)"),
        lambda m: f"缺少必需的参数：{m['names']}",
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.*)"),
        lambda m: f"无法识别的参数：{m['args']}",
    ),
    (
        re.compile(r"one of the arguments (?P<names>.*) is required"),
        lambda m: f"以下参数必须给出其一：{m['names']}",
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"),
        lambda m: f"选项 {m['option']} 不明确，可以是：{m['matches']}",
    ),
    (
        re.compile(r"unexpected option string: (?P<option>.*)"),
        lambda m: f"意外的选项：{m['option']}",
    ),
)
_ARGUMENT_ERROR = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.DOTALL)


def said(message: str, lang: Lang) -> str:
    """argparse's error ``message`` in ``lang``: as it is in English, in Chinese when a
    template fits (else as it is)."""
    if lang == "en":
        return message
    argument = _ARGUMENT_ERROR.fullmatch(message)
    if argument is not None:
        inner = _translated(argument["message"], _ARGUMENT)
        if inner is None:
            return message
        name = argument["name"]
        if name == "COMMAND" and inner.startswith("无效的取值"):
            return "未知的命令 " + inner.removeprefix("无效的取值 ")
        return f"参数 {name}：{inner}"
    whole = _translated(message, _WHOLE)
    return message if whole is None else whole


def _translated(
    message: str, templates: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]
) -> str | None:
    for pattern, chinese in templates:
        found = pattern.fullmatch(message)
        if found is not None:
            return chinese(found)
    return None
