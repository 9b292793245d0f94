"""YAML is read by libyaml when PyYAML has it, and refused exactly as before.

The fast loader (libyaml's parser and composer, PyYAML's safe constructor) reads what
the pure-Python loader reads, to the same tree; anything it would refuse (a syntax
error, an alias, a tag, nesting too deep, a character YAML forbids) is read again by
the pure-Python loader, so that the refusal is worded as it always was.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings

from govinfo_report import _parse, dumps
from govinfo_report.errors import ReportLoadError
from govinfo_report.model import Report
from strategies import reports

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")


def _pure(text: str) -> Any:
    """What the pure-Python loader alone makes of ``text`` (the loader of before)."""
    fast, _parse._FastYAMLLoader = _parse._FastYAMLLoader, None
    try:
        return _now(text)
    finally:
        _parse._FastYAMLLoader = fast


def _now(text: str) -> Any:
    try:
        return _parse.parse(text, "yaml", source="<text>")
    except ReportLoadError as exc:
        return exc.problems


def test_the_fast_loader_is_libyamls() -> None:
    assert _parse._FastYAMLLoader is not None
    assert issubclass(_parse._FastYAMLLoader, yaml.CSafeLoader)


LAUGHS = "a: &a [lol, lol, lol]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"


@pytest.mark.parametrize(
    "text",
    [
        LAUGHS,
        "a: &x 1\nb: *x\n",
        "a: &x 1\n",  # an anchor no alias uses is allowed, as before
        "a: &x [1]\nb: *y\n",
        "metadata: !!python/object/apply:os.system ['true']\n",
        "metadata: !custom 1\n",
        "a: 1\na: 2\n",
        "m:\n  year: 1\n  'year': 2\n  k: [{x: 1, x: 2}]\n",
        "[" * 2000,
        "- " * 2000 + "x\n",
        "a: [1, 2\n",
        "a: \x01\n",
        "a: b: c\n",
        "\ufeffa: 1\n",
        "%YAML 1.1\n---\na: 2024-01-17\n",
        "a: 1\n---\nb: 2\n",
        "",
        "a: 1e400\nb: 0x1F\nc: 1_000\nd: .inf\ne: ~\nf: yes\n",
    ],
)
def test_documents_are_read_and_refused_as_before(text: str) -> None:
    assert _now(text) == _pure(text)


def test_an_alias_is_refused_at_its_place() -> None:
    (problem,) = _now("a: &x 1\nb: *x\n")
    assert problem.startswith("invalid YAML: YAML aliases are not allowed in a report")
    assert "line 2, column 4" in problem


@settings(max_examples=40, deadline=None)
@given(report=reports())
def test_every_report_reads_to_the_same_tree(report: Report) -> None:
    text = dumps(report, "yaml")
    assert _now(text) == _pure(text)
