"""Making the checks fast changed no finding (issue 10, item 6).

Two witnesses. ``golden_findings.json`` holds a fingerprint of every finding
``check()`` gave, before TX.1 was made fast, on every report the suite has (the count
of each code and a SHA-256 of them all; ``_golden.py`` says which reports and how to
regenerate it). And the TX.1 of before is kept here as the reference: its whole-text
``pattern.finditer`` and its order of tests, compared with today's TX.1 on reports whose
text Hypothesis writes from the words the statements are made of, and the fast
alternation is compared with the plain one match by match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import attrs
import pytest
from _golden import GOLDEN, ROOT, findings_data
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import load
from govinfo_report.checks import RULESETS
from govinfo_report.checks._text_scan import Dispatch
from govinfo_report.checks.rules import Context, lower
from govinfo_report.checks.text_rules import (
    _CLAUSE_END,
    _SENTENCE_END,
    _YEAR,
    TextMatchesTables,
    _head,
    _tail,
    parse_count,
)
from govinfo_report.findings import Finding, Status
from govinfo_report.formats import FormatVersion
from govinfo_report.model import Report
from strategies import consistent_reports, reports

GOLDEN_DATA = json.loads(GOLDEN.read_text(encoding="utf-8"))
NOW = findings_data()


@pytest.mark.parametrize("name", sorted(GOLDEN_DATA))
def test_findings_are_those_recorded_before(name: str) -> None:
    assert NOW.get(name) == GOLDEN_DATA[name]


def test_the_golden_file_covers_the_reports_with_text_findings() -> None:
    assert set(NOW) == set(GOLDEN_DATA)
    assert sum(found["codes"].get("TX.1", 0) for found in GOLDEN_DATA.values()) >= 10


# --- the reference: TX.1 as it was --------------------------------------------------------


def _reference(rule: TextMatchesTables, report: Report) -> Iterator[Finding]:
    """TX.1's findings as the implementation before issue 10 computed them."""
    for path, text in rule._texts(report):
        if "件" not in text and not any(mark in text for mark in rule.marks):
            continue
        for match in rule.pattern.finditer(text):
            found = _reference_check(rule, report, path, text, match)
            if found is not None:
                yield found


def _reference_check(
    rule: TextMatchesTables, report: Report, path: str, text: str, match: re.Match[str]
) -> Finding | None:
    key = match.lastgroup
    assert key is not None
    statement = rule.statements[int(key[1:])]
    # A statement in words (未收到…申请) states its value; the others their number.
    stated = (
        statement.value if statement.value is not None else parse_count(match.group(f"n{key[1:]}"))
    )
    if stated is None or rule.skip_before.search(_head(text, match.start(), _CLAUSE_END)):
        return None
    sentence_head = _head(text, match.start(), _SENTENCE_END)
    if rule.other_time.search(sentence_head) or any(
        int(y) != report.metadata.year for y in _YEAR.findall(sentence_head)
    ):
        return None
    quantity = statement.quantity
    if statement.including_carried_over is not None:
        tail = _tail(text, match.end())
        if rule.carry.search(sentence_head):
            return None
        if rule.carried_over_included.match(tail):
            quantity = statement.including_carried_over
        elif rule.carry.search(tail) and not rule.carried_over_apart.search(tail):
            return None
    value, cells, missing = quantity.evaluate(report)
    if value == stated:
        return None
    fragment = match.group(0)
    d = stated - value
    paths = (path, *cells)
    if not missing or value > stated:
        return Finding(  # the messages are compared by the golden file; here the numbers
            code=rule.code,
            severity=rule.severity,
            status=Status.FAIL,
            message_zh=fragment,
            message_en="",
            paths=paths,
            reported=stated,
            computed=value,
            difference=d,
        )
    return Finding(
        code=rule.code,
        severity=lower(rule.severity),
        status=Status.UNCERTAIN,
        message_zh=fragment,
        message_en="",
        paths=paths,
        reported=stated,
    )


def _summary(finding: Finding) -> tuple[object, ...]:
    """What the reference and today's rule must agree on: all but the message wording
    (the fragment quoted stands for it; the golden file compares the messages)."""
    fragment = finding.message_zh
    if finding.message_en:  # today's rule: the fragment is quoted in the message
        fragment = finding.message_zh.split("“", 1)[1].split("”", 1)[0]
    return (
        finding.code,
        finding.severity,
        finding.status,
        fragment,
        finding.paths,
        finding.reported,
        finding.computed,
        finding.difference,
    )


WORDS = (
    "收到", "新收", "受理", "政府信息公开申请", "依申请公开", "信息公开申请", "予以公开",
    "及", "和", "、", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "办结",
    "答复", "结转", "下年度", "下一年", "继续办理", "顺延到", "行政复议", "行政诉讼", "案件",
    "共", "共计", "合计", "的", "了", "申请", "其中", "去年", "上年", "同比", "2023年",
    "2024年", "（含上年结转", "，其中上年结转", "另有上年结转", "上年度结转", "件", "件次",
    " ", "，", "。", "；", "：", "（", "）", "\n", "复议后", "涉及", "自然人", "全市",
    "0", "3", "5", "12", "70", "1,234", "十二", "二百零五", "两", "〇", "３", "未", "没有",
    "任何", "接到",
)  # fmt: skip
prose = st.lists(st.sampled_from(WORDS), max_size=60).map("".join)


HEADS = (
    "收到政府信息公开申请", "新收依申请公开", "全年共受理信息公开申请", "予以公开",
    "予以公开及部分公开", "予以公开、部分公开", "部分公开", "不予公开", "无法提供", "不予处理",
    "其他处理", "已办结政府信息公开申请", "答复申请", "结转下年度继续办理", "行政复议",
    "行政诉讼案件", "复议后行政诉讼", "涉及自然人申请", "其中收到", "未收到政府信息公开申请",
    "没有收到任何依申请公开申请", "",
)  # fmt: skip
LINKS = ("", "的", "了", "共", "共计", "合计", "申请共", " ")
UNITS = ("件", "件次", " 件", "件申请按照规定顺延到下年度", "件结转至下一年度")
TAILS = ("", "（含上年结转3件）", "，其中上年结转4件", "另有上年结转2件", "，上年结转1件")
BEFORE = ("", "2024年", "2023年", "去年", "同比", "其中", "全年", "全市", "上年结转", "累计")
ENDS = ("。", "，", "；", "、", "\n", "")


def _sentences(numbers: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Sentences built like the statements (and their near misses) around ``numbers``."""
    parts = (BEFORE, HEADS, LINKS)
    sentence = st.tuples(
        *(st.sampled_from(p) for p in parts),
        numbers,
        st.sampled_from(UNITS),
        st.sampled_from(TAILS),
        st.sampled_from(ENDS),
    ).map("".join)
    return st.lists(st.one_of(sentence, st.sampled_from(WORDS)), max_size=12).map("".join)


def _numbers(report: Report) -> st.SearchStrategy[str]:
    """The figures the statements compare with (so that text and tables often agree),
    the report's other figures, and any count, written as digits or in Chinese."""
    rule = RULESETS[report.metadata.format_version]["TX.1"]
    assert isinstance(rule, TextMatchesTables)
    quantities = [s.quantity for s in rule.statements] + [
        s.including_carried_over for s in rule.statements if s.including_carried_over
    ]
    stated = sorted({q.evaluate(report)[0] for q in quantities})
    figures = sorted(
        {
            v
            for t in (report.applications, report.review_litigation)
            for v in t.values
            if type(v) is int
        }
    )
    return st.one_of(
        st.sampled_from(stated).map(str),
        st.sampled_from(figures or [0]).map(str),
        st.integers(0, 300).map(str),
        st.sampled_from(["十二", "二百零五", "1,234", "两", "３", "〇"]),
    )


def _with_overview(report: Report, paragraphs: list[str]) -> Report:
    sections = tuple(
        attrs.evolve(s, paragraphs=tuple(paragraphs), subsections=()) if s.id == "overview" else s
        for s in report.sections
    )
    return attrs.evolve(report, sections=sections, intro=(paragraphs[0],) if paragraphs else ())


@settings(max_examples=300, deadline=None)
@given(report=st.one_of(consistent_reports(), reports()), data=st.data())
def test_text_rule_finds_what_the_reference_finds(report: Report, data: st.DataObject) -> None:
    paragraphs = data.draw(st.lists(_sentences(_numbers(report)), min_size=1, max_size=3))
    report = _with_overview(report, paragraphs)
    rule = RULESETS[report.metadata.format_version]["TX.1"]
    assert isinstance(rule, TextMatchesTables)
    expected = [_summary(f) for f in _reference(rule, report)]
    assert [_summary(f) for f in rule.findings(Context(report, None))] == expected


def _matches(pattern: re.Pattern[str] | Dispatch, text: str) -> list[tuple[object, ...]]:
    """Each match's span, alternative and groups (those that took part: an alternation
    for one text leaves out the statements it cannot hold, and their groups)."""
    return [
        (m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
        for m in pattern.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(prose, _sentences(st.integers(0, 99).map(str))),
    version=st.sampled_from(list(FormatVersion)),
)
def test_fast_alternation_matches_as_the_plain_one(text: str, version: FormatVersion) -> None:
    rule = RULESETS[version]["TX.1"]
    assert isinstance(rule, TextMatchesTables)
    assert rule.fast is not None  # the statements have the shape the fast alternation reads
    assert _matches(rule.fast, text) == _matches(rule.pattern, text)


def test_texts_with_more_word_sets_than_kept_match_as_before_without_compiling_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import itertools

    from govinfo_report.checks import _text_scan

    rule = RULESETS[FormatVersion.V2021]["TX.1"]
    assert isinstance(rule, TextMatchesTables)
    assert rule.fast is not None
    fresh = attrs.evolve(rule.fast)  # its own cache, empty
    monkeypatch.setattr(_text_scan, "_MAX_PATTERNS", 4)
    compiled: list[frozenset[str]] = []
    real = _text_scan.Dispatch._pattern

    def counted(self: Dispatch, present: frozenset[str]) -> re.Pattern[str] | None:
        compiled.append(present)
        return real(self, present)

    monkeypatch.setattr(_text_scan.Dispatch, "_pattern", counted)
    words = ["予以公开", "不予公开", "结转", "行政复议", "行政诉讼", "部分公开"]
    texts = [
        "，".join(f"{word}{n + 3}件" for n, word in enumerate(chosen)) + "。"
        for k in (1, 2, 3)
        for chosen in itertools.combinations(words, k)
    ]
    for text in texts * 2:  # the second time round, every set is one met before
        assert _matches(fresh, text) == _matches(rule.pattern, text), text
    assert len({frozenset(w for w in fresh.words if w in t) for t in texts}) > 20
    # Four sets, then the alternation of every statement: five compiled, once each.
    assert compiled[4] == frozenset(fresh.words)
    assert len(compiled) == len(set(compiled)) == 5


EXAMPLE = load(ROOT / "examples" / "example_2021.yaml")  # 新收 70, 上年结转 4


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("全年共收到政府信息公开申请3件。", 2),  # the intro and the overview say it
        ("全年共收到政府信息公开申请70件（含上年结转4件）。", 2),  # 70 includes the 4: 66 new
        ("全年共收到政府信息公开申请74件（含上年结转4件）。", 0),
        ("全年共收到政府信息公开申请70件，另有上年结转4件。", 0),
        ("全年共收到政府信息公开申请70件，上年结转4件。", 0),  # 结转 not read: skipped
        ("予以公开及部分公开36件，不予公开8件，其他处理3件次。", 4),
    ],
)
def test_example_statements_are_found_as_before(text: str, found: int) -> None:
    report = _with_overview(EXAMPLE, [text])
    rule = RULESETS[report.metadata.format_version]["TX.1"]
    assert isinstance(rule, TextMatchesTables)
    now = [_summary(f) for f in rule.findings(Context(report, None))]
    assert now == [_summary(f) for f in _reference(rule, report)]
    assert len(now) == found


def test_check_gathers_what_iter_findings_yields_in_its_order() -> None:
    from _golden import corpus

    from govinfo_report.checks import _engine

    for _, report in corpus():
        assert _engine.collect(report) == list(_engine.run(report))
