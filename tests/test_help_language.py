"""``--help`` in the language of ``--lang``: Chinese by default, wrapped by display
columns (cli/_help.py, cli/_help_zh.py); English as argparse has always printed it."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import cli as cli_module
from govinfo_report.cli._help import columns, wrap
from govinfo_report.cli._help_zh import ZH
from govinfo_report.cli._parser import _COMMANDS, Parser, build_parser

COMMANDS = sorted(_COMMANDS)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def parsers(lang: str) -> dict[str, Parser]:
    """The program's parser ("") and every command's, built in ``lang``."""
    parser = build_parser(io.StringIO(), io.StringIO(), [*COMMANDS, "--lang", lang])
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {"": parser, **action.choices}


def texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every text the help of ``parser`` prints that is ours or argparse's words."""
    found = [parser.description or "", *(parser.epilog or "").split("\n")]
    for group in parser._action_groups:
        if group._group_actions:
            found.append(group.title or "")
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found.extend(choice.help or "" for choice in action._choices_actions)
    return [text for text in found if text]


def test_every_text_of_every_command_has_its_chinese() -> None:
    english = parsers("en")
    chinese = parsers("zh")
    for name, parser in chinese.items():
        assert parser.help_texts.missing == [], name
        for text in texts(parser):
            assert any("\u4e00" <= char <= "\u9fff" for char in text), (name, text)
    # Every English text printed is in the catalogue, and the catalogue holds nothing else.
    printed = {text for parser in english.values() for text in texts(parser)}
    assert printed == set(ZH)


@pytest.mark.parametrize("width", [40, 60, 80, 132])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_no_chinese_line_is_wider_than_the_terminal(
    monkeypatch: pytest.MonkeyPatch, command: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, err = cli(*([command] if command else []), "--help")
    assert (code, err) == (0, "")
    assert "用法： govinfo-report" in out
    for line in out.splitlines():
        if line.startswith("用法：") or not any(char >= "\u3000" for char in line):
            continue  # the usage and the options' names: argparse's, from ASCII names
        assert columns(line) <= width - 2, line


def test_chinese_by_default_english_with_lang_en() -> None:
    code, out, _ = cli("validate", "--help")
    assert code == 0
    assert "-h, --help            显示本帮助并退出" in out
    assert "选项：" in out
    assert "位置参数：" in out
    assert "--json                在标准输出写一个 JSON 文档" in out
    for args in (("validate", "--help", "--lang", "en"), ("validate", "--lang=en", "--help")):
        code, out, _ = cli(*args)
        assert code == 0
        assert out.startswith("usage: govinfo-report validate")
        assert "-h, --help            show this help message and exit" in out
        assert "positional arguments:" in out
        assert "options:" in out
        assert "\u663e" not in out  # no 显示: English throughout


def test_the_program_s_help_lists_the_commands_in_either_language() -> None:
    _, out, _ = cli("--help")
    assert "命令：" in out
    assert re.search(r"\n    validate +按勾稽关系和其他规则检查报告\n", out)
    assert "退出码：0 无错误" in out
    for args in (("--help", "--lang", "en"), ("--lang", "en", "--help")):
        _, out, _ = cli(*args)
        assert "commands:" in out
        assert re.search(
            r"\n    validate +check reports against the 勾稽关系 and the other rules\n", out
        )


def test_lang_before_the_command_is_taken_for_the_command_too(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    assert cli("new", "--year", "2025", "-o", str(report))[0] == 0
    summary = {"en": "1 file(s) checked", "zh": "共检查 1 个文件"}
    for args, lang in (
        (("--lang", "en", "validate", str(report)), "en"),
        (("--lang", "en", "validate", "--lang", "zh", str(report)), "zh"),  # the last one
        (("--lang", "zh", "validate", str(report), "--lang", "en"), "en"),
        (("validate", str(report)), "zh"),
    ):
        code, out, _ = cli(*args)
        assert code == 0
        assert out.splitlines()[-1].startswith(summary[lang]), args


# --- wrapping by columns ---------------------------------------------------------------------


def test_columns_count_a_chinese_character_as_two() -> None:
    assert columns("abc") == 3
    assert columns("用法：") == 6
    assert columns("--force 替换") == 12


def test_chinese_breaks_between_characters_and_keeps_punctuation_to_its_neighbour() -> None:
    text = "替换已有文件，即使它是只读的（默认：否）。"
    lines = wrap(text, 12).split("\n")
    assert all(columns(line) <= 12 for line in lines)
    assert "".join(lines) == text
    assert not any(line[0] in "，。）：" for line in lines)
    assert not any(line[-1] == "（" for line in lines)


def test_words_stay_whole_and_spaces_go_at_a_break() -> None:
    assert wrap("用 --force 替换已有文件", 12) == "用 --force\n替换已有文件"
    assert wrap("one two  three", 7) == "one two\nthree"
    assert wrap("一二三四五", 4) == "一二\n三四\n五"
    assert wrap("a-very-long-word", 5) == "a-ver\ny-lon\ng-wor\nd"


_PIECES = st.lists(
    st.sampled_from(
        ["报告", "检查", "，", "。", "（", "）", "--force", "JSON", " ", "a", "“", "”"]
    ),
    max_size=40,
)


@given(_PIECES, st.integers(min_value=2, max_value=30))
def test_wrap_loses_nothing_and_fits(pieces: list[str], width: int) -> None:
    text = "".join(pieces)
    wrapped = wrap(text, width)
    assert "".join(wrapped.split()) == "".join(text.split())
    assert all(columns(line) <= width for line in wrapped.split("\n"))
