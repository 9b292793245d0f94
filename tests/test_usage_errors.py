"""argparse's usage errors are said in Chinese by default and in English with --lang en,
as the command line's other errors are (cli/_usage.py).

Each case is a real command line that argparse refuses; the Chinese names the same
option, value and choices as the English. A message no template fits stays English.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo_report import cli as cli_module
from govinfo_report.cli._help import columns
from govinfo_report.cli._usage import language, said


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def last_line(*args: str) -> str:
    code, out, err = cli(*args)
    assert (code, out) == (2, "")
    # The usage line first, in the language of the error.
    assert err.startswith("usage: " if language(args) == "en" else "用法： ")
    return err.splitlines()[-1]


CASES = [
    (
        ("validate",),
        "govinfo-report validate: error: 缺少必需的参数：FILE",
        "govinfo-report validate: error: the following arguments are required: FILE",
    ),
    (
        ("valdate", "a.yaml"),
        "govinfo-report: error: 未知的命令 'valdate'（可选：'validate', 'new', 'schema', "
        "'render', 'import', 'migrate', 'survey'）",
        "govinfo-report: error: argument COMMAND: invalid choice: 'valdate' (choose from "
        "'validate', 'new', 'schema', 'render', 'import', 'migrate', 'survey')",
    ),
    (
        ("validate", "a.yaml", "--jobs", "2"),
        "govinfo-report: error: 无法识别的参数：--jobs 2",
        "govinfo-report: error: unrecognized arguments: --jobs 2",
    ),
    (
        ("survey", "a"),
        "govinfo-report survey: error: 缺少必需的参数：-o/--output",
        "govinfo-report survey: error: the following arguments are required: -o/--output",
    ),
    (
        ("survey", "a", "-o", "out", "--jobs", "x"),
        "govinfo-report survey: error: 参数 -j/--jobs：应为整数，实际为 'x'",
        "govinfo-report survey: error: argument -j/--jobs: expected a whole number, got 'x'",
    ),
    (
        ("survey", "a", "-o", "out", "--jobs", "0"),
        "govinfo-report survey: error: 参数 -j/--jobs：应为 1 或更大的整数，实际为 0",
        "govinfo-report survey: error: argument -j/--jobs: expected 1 or more, got 0",
    ),
    (
        ("new", "--year", "二〇二四", "-o", "a.yaml"),
        "govinfo-report new: error: 参数 --year：无效的整数值 '二〇二四'",
        "govinfo-report new: error: argument --year: invalid int value: '二〇二四'",
    ),
    (
        ("validate", "--min-severity", "fatal", "a.yaml"),
        "govinfo-report validate: error: 参数 --min-severity/--severity：无效的取值 'fatal'"
        "（可选：'error', 'warning', 'notice'）",
        "govinfo-report validate: error: argument --min-severity/--severity: invalid choice: 'fatal' "
        "(choose from 'error', 'warning', 'notice')",
    ),
    (
        ("validate", "--json", "--jsonl", "a.yaml"),
        "govinfo-report validate: error: 参数 --jsonl：不能与参数 --json 同时使用",
        "govinfo-report validate: error: argument --jsonl: not allowed with argument --json",
    ),
    (
        ("validate", "a.yaml", "--previous"),
        "govinfo-report validate: error: 参数 --previous：需要一个值",
        "govinfo-report validate: error: argument --previous: expected one argument",
    ),
]


@pytest.mark.parametrize(("args", "zh", "en"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_is_said_in_the_language_asked_for(
    args: tuple[str, ...], zh: str, en: str
) -> None:
    assert last_line(*args) == zh
    assert last_line(*args, "--lang", "en") == en
    assert last_line(*args, "--lang", "zh") == zh


def test_no_command_at_all_is_said_in_chinese_or_in_the_language_asked_for() -> None:
    assert last_line() == "govinfo-report: error: 缺少必需的参数：COMMAND"
    assert last_line("--lang", "en") == (
        "govinfo-report: error: the following arguments are required: COMMAND"
    )


def test_the_usage_line_is_printed_before_the_error_in_either_language() -> None:
    _, _, err = cli("validate", "--lang", "en")
    assert err.startswith("usage: govinfo-report validate [-h] [--lang {zh,en}]")
    _, _, err = cli("validate")
    assert err.startswith("用法： govinfo-report validate [-h] [--lang {zh,en}]")
    # 用法： and a space take the seven columns of "usage: ": a long usage stays aligned.
    first, second = err.splitlines()[:2]
    assert columns(first[: first.index("[")]) == second.index("[") == 31


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "zh"),
        (("validate", "a"), "zh"),
        (("validate", "--lang", "en"), "en"),
        (("validate", "--lang=en"), "en"),
        (("validate", "--la", "en"), "en"),
        (("validate", "--l=en"), "en"),
        (("validate", "--lang", "en", "--lang", "zh"), "zh"),  # the last one, as argparse
        (("validate", "--lang", "fr"), "zh"),  # not a language: the default
        (("validate", "--lang"), "zh"),
        (("validate", "--", "--lang", "en"), "zh"),  # after --, a file named --lang
        (("validate", "-lang", "en"), "zh"),
        (("validate", "--language", "en"), "zh"),  # not an abbreviation of --lang
    ],
)
def test_the_language_is_read_from_the_arguments_as_given(
    args: tuple[str, ...], expected: str
) -> None:
    assert language(args) == expected


def test_a_message_no_template_fits_stays_english() -> None:
    assert said("argument X: something argparse has never said", "zh") == (
        "argument X: something argparse has never said"
    )
    assert said("a brand-new complaint", "zh") == "a brand-new complaint"
    assert said("the following arguments are required: FILE", "en") == (
        "the following arguments are required: FILE"
    )


def test_an_interruption_is_said_in_the_language_asked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("govinfo_report.cli._schema.run", interrupted)
    assert cli("schema") == (130, "", "govinfo-report: 已中断\n")
    assert cli("schema", "--lang", "en") == (130, "", "govinfo-report: interrupted\n")
