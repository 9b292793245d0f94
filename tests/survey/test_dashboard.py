"""The survey's dashboard: what its tables say, built from hand-made survey exports.

Each test writes a small reports.csv and findings.jsonl with known counts, writes the
page, and reads its tables back (caption → rows of cell texts) to compare them with
what the rows say.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from govinfo_report.errors import ReportLoadError, ReportWriteError
from govinfo_report.survey._dashboard import write_dashboard
from govinfo_report.survey._dashboard._tally import tally

# reports.csv's columns before the rule columns, as the survey writes them (common.md).
COLUMNS = (
    "file", "sha256", "agency", "agency_key", "agency_kind", "year", "format", "status",
    "reason", "cells_read", "cells_stated", "errors", "warnings", "notices",
    "new_received", "carried_over", "total_outcomes", "disclosed", "partially_disclosed",
    "carried_forward", "review_total", "review_corrected", "litigation_total",
    "litigation_corrected", "fee_amount", "substantive_disclosure_rate",
    "review_correction_rate", "previous_file", "maybe_previous_file", "parent",
)  # fmt: skip


def row(file: str, **values: object) -> dict[str, str]:
    """A reports.csv row: a readable report with no findings unless ``values`` say so."""
    data = dict.fromkeys(COLUMNS, "")
    data.update(file=file, status="ok", format="2021", errors="0", warnings="0", notices="0")
    data.update(cells_read="90", cells_stated="90")
    data.update({k: str(v) for k, v in values.items()})
    return data


def unreadable(file: str, reason: str) -> dict[str, str]:
    data = dict.fromkeys(COLUMNS, "")
    data.update(file=file, status="unreadable", reason=reason)
    return data


def finding(file: str, code: str, status: str = "fail", severity: str = "error") -> dict[str, Any]:
    return {
        "code": code, "severity": severity, "status": status, "message_zh": "…",
        "message_en": "…", "paths": [], "reported": None, "computed": None,
        "difference": None, "file": file,
    }  # fmt: skip


def write_survey(
    folder: Path,
    rows: list[dict[str, str]],
    findings: list[dict[str, Any]] | None = None,
    rules: tuple[str, ...] = (),
) -> None:
    with (folder / "reports.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*COLUMNS, *(f"rule:{c}" for c in rules)], restval="")
        writer.writeheader()
        writer.writerows(rows)
    if findings is not None:
        lines = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in findings)
        (folder / "findings.jsonl").write_text(lines, encoding="utf-8")


class _Tables(HTMLParser):
    """Every table of a page: its caption's text → its body rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.tags: list[str] = []
        self._open: list[str] = []
        self._caption: list[str] | None = None
        self._rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append(tag)
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and "tbody" in self._open:
            self._rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass
        if tag == "caption" and self._caption is not None:
            self._current = " ".join(" ".join(self._caption).split())
            self._caption = None
        elif tag == "td" and self._cell is not None:
            self._rows[-1].append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self.tables[self._current] = self._rows

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)
        # Text in an SVG's <title> or <desc> is the chart's, not the cell's.
        elif self._cell is not None and not {"title", "desc"} & set(self._open):
            self._cell.append(data)


def tables(page: Path) -> _Tables:
    parser = _Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def data_rows(parsed: _Tables, caption_start: str) -> list[list[str]]:
    """The body rows of the one table whose caption starts with ``caption_start``."""
    [found] = [rows for c, rows in parsed.tables.items() if c.startswith(caption_start)]
    return found


# --- a small survey with known counts --------------------------------------------------------


def _known(folder: Path) -> None:
    rows = [
        row("a/2022.docx", agency="甲市教育局", agency_key="甲市教育局", year=2022,
            new_received=12000, total_outcomes=11000, disclosed=5000, partially_disclosed=1000,
            review_total=40, review_corrected=4, litigation_total=10, litigation_corrected=1,
            substantive_disclosure_rate="0.5455", review_correction_rate="0.1000",
            **{"rule:T3.1": "pass", "rule:B.1": "fail"}),
        row("a/2023.pdf", agency="甲市 教育局", agency_key="甲市教育局", year=2023,
            status="errors", errors=3, warnings=1, notices=2,
            new_received=12345, total_outcomes=12000, disclosed=6000, partially_disclosed="",
            review_total=50, review_corrected=10, litigation_total=8, litigation_corrected=0,
            review_correction_rate="0.2000", **{"rule:T3.1": "fail", "rule:B.1": "fail"}),
        row("b/2023.json", agency="乙区政府", agency_key="乙区政府", year=2023, warnings=2,
            new_received=5, total_outcomes=5, disclosed=1, partially_disclosed=1,
            review_total=0, review_corrected=0, litigation_total=0, litigation_corrected=0,
            cells_read=80, **{"rule:T3.1": "pass", "rule:B.1": "n/a"}),
        unreadable("c/scan.pdf", "the PDF has no text layer"),
    ]  # fmt: skip
    findings = [
        finding("a/2022.docx", "B.1", severity="notice"),
        *[finding("a/2023.pdf", "T3.1") for _ in range(3)],
        finding("a/2023.pdf", "T3.1", "uncertain", "warning"),
        finding("a/2023.pdf", "B.1", severity="notice"),
        finding("a/2023.pdf", "B.1", severity="notice"),
        finding("b/2023.json", "ZZ.9", "uncertain", "warning"),
        finding("b/2023.json", "ZZ.9", "uncertain", "warning"),
    ]
    write_survey(folder, rows, findings, rules=("T3.1", "B.1"))


@pytest.fixture
def known(tmp_path: Path) -> _Tables:
    _known(tmp_path)
    return tables(write_dashboard(tmp_path))


def test_the_page_is_written_as_index_html(tmp_path: Path) -> None:
    _known(tmp_path)
    assert write_dashboard(tmp_path) == tmp_path / "index.html"
    assert (tmp_path / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_reports_by_status_count_the_rows(known: _Tables) -> None:
    assert data_rows(known, "报告状态，全部报告") == [["全部 all", "2", "1", "1", "4"]]


def test_reports_by_year_put_the_unknown_year_last(known: _Tables) -> None:
    assert data_rows(known, "报告状态，按年度") == [
        ["2022", "1", "0", "0", "1"],
        ["2023", "1", "1", "0", "2"],
        ["未知 unknown", "0", "0", "1", "1"],
    ]


def test_reports_by_format_and_by_file_type(known: _Tables) -> None:
    assert data_rows(known, "报告状态，按格式") == [
        ["2021", "2", "1", "0", "3"],
        ["未知 unknown", "0", "0", "1", "1"],
    ]
    assert data_rows(known, "报告状态，按文件类型") == [
        ["docx", "1", "0", "0", "1"],
        ["json", "1", "0", "0", "1"],
        ["pdf", "0", "1", "1", "2"],
    ]


def test_findings_by_rule_count_fail_and_uncertain_with_the_rules_title(known: _Tables) -> None:
    assert data_rows(known, "各规则的发现数与报告数") == [
        ["T3.1", "表三列勾稽：一+二 = 三（七）+四 Table 3 column balance: new + carried over = "
         "outcomes + carried forward", "错误 error", "", "3", "1", "1", "0", "2", "0"],
        ["B.1", "单元格未填写 Cell left blank", "提示 notice", "", "3", "0", "2", "0", "0", "1"],
        ["ZZ.9", "—", "—", "", "0", "2", "", "", "", ""],
    ]  # fmt: skip


def test_worst_reports_most_errors_then_warnings(known: _Tables) -> None:
    rows = data_rows(known, "错误最多的 2 份报告")
    assert [[r[0], r[1], r[2], *r[4:]] for r in rows] == [
        ["1", "甲市 教育局", "2023", "3", "1", "2", "a/2023.pdf"],
        ["2", "乙区政府", "2023", "0", "2", "0", "b/2023.json"],
    ]


def test_totals_per_year_add_stated_figures_only_with_thousands_separators(
    known: _Tables,
) -> None:
    assert data_rows(known, "各年度合计") == [
        ["2022", "12,000", "1", "11,000", "1", "6,000", "1", "40", "1", "4", "1", "10", "1", "1", "1"],
        # 2023's 予以公开+部分公开: 甲's 部分公开 is blank, so only 乙's 1 + 1 counts.
        ["2023", "12,350", "2", "12,005", "2", "2", "1", "50", "2", "10", "2", "8", "2", "0", "2"],
    ]  # fmt: skip


def test_agencies_with_two_years_show_each_years_figures(known: _Tables) -> None:
    assert data_rows(known, "各机关逐年数字") == [
        [
            "甲市 教育局", "2022、2023", "12,000 → 12,345", "11,000 → 12,000", "6,000 → —",
            "40 → 50 纠正 corrected 4 → 10", "10 → 8 纠正 corrected 1 → 0",
        ]
    ]  # fmt: skip


def test_rates_are_counted_where_rated(known: _Tables) -> None:
    disclosure = data_rows(known, "实质公开率分布")
    assert disclosure[5] == ["50–60%", "1", "100.0%"]
    assert sum(int(r[1]) for r in disclosure) == 1
    review = data_rows(known, "复议纠错率分布")
    assert [r[1] for r in review] == ["0", "1", "1", *["0"] * 7]


def test_rates_summary_names_rated_and_not_rated(tmp_path: Path) -> None:
    _known(tmp_path)
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    # 实质公开率: one rated (甲 2022), two not rated; median 54.55 %.
    assert "<dd>1</dd>" in page
    assert "<dd>2</dd>" in page
    assert "<dd>54.55%</dd>" in page


def test_unreadable_files_are_listed_with_their_reason(known: _Tables) -> None:
    assert data_rows(known, "无法读取的文件") == [["c/scan.pdf", "the PDF has no text layer"]]


def test_overview_counts_agencies_and_cells(tmp_path: Path) -> None:
    _known(tmp_path)
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    assert "<b>96.3%</b>" in page  # 260 of 270 cells read, the unreadable file left out
    assert "260 / 270" in page
    assert "<b>2</b>" in page  # agencies 甲 and 乙
    assert "<b>9</b>" in page  # findings


def test_every_chart_has_a_title_and_a_description(tmp_path: Path) -> None:
    _known(tmp_path)
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    charts = page.count('role="img"')
    assert charts > 20
    assert page.count("<title id=") == charts
    assert page.count("<desc id=") == charts


def test_ids_are_unique(tmp_path: Path) -> None:
    _known(tmp_path)
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]*)"', page)
    assert len(ids) > 40
    assert len(ids) == len(set(ids))


def test_many_years_keep_every_figure_in_the_table(tmp_path: Path) -> None:
    rows = [row(f"{y}.docx", year=y, new_received=10_000 + y) for y in range(2008, 2025)]
    write_survey(tmp_path, rows, [])
    totals = data_rows(tables(write_dashboard(tmp_path)), "各年度合计")
    assert [r[:3] for r in totals] == [[str(y), f"{10_000 + y:,}", "1"] for y in range(2008, 2025)]


# --- escaping, determinism, edge cases ---------------------------------------------------------


def test_agency_names_and_files_are_text_never_markup(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script>'
    rows = [
        row(f"{evil}.docx", agency=evil, agency_key="evil", year=2022, errors=1,
            status="errors", new_received=1, reason=evil),
        row("x&y.docx", agency=f"{evil}'\"", agency_key="evil", year=2023, new_received=2),
        unreadable("<img src=x onerror=alert(1)>.pdf", reason=evil),
    ]  # fmt: skip
    write_survey(tmp_path, rows, [finding(f"{evil}.docx", evil)])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    parsed = tables(tmp_path / "index.html")
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert data_rows(parsed, "无法读取的文件") == [["<img src=x onerror=alert(1)>.pdf", evil]]
    assert data_rows(parsed, "错误最多的")[0][1] == evil


def test_the_same_inputs_give_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    _known(tmp_path)
    first = write_dashboard(tmp_path).read_bytes()
    assert write_dashboard(tmp_path).read_bytes() == first
    script = "import sys, pathlib; from govinfo_report.survey._dashboard import write_dashboard; "
    script += "write_dashboard(pathlib.Path(sys.argv[1]))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env)
        assert (tmp_path / "index.html").read_bytes() == first


def test_an_empty_survey_says_so(tmp_path: Path) -> None:
    write_survey(tmp_path, [], [])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    assert "This survey holds no reports." in page
    assert "<table" not in page


def test_an_unreadable_only_survey_shows_status_and_says_the_rest_is_empty(
    tmp_path: Path,
) -> None:
    write_survey(tmp_path, [unreadable("a.pdf", "encrypted"), unreadable("b.doc", "")], [])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    parsed = tables(tmp_path / "index.html")
    assert data_rows(parsed, "报告状态，全部报告") == [["全部 all", "0", "0", "2", "2"]]
    assert data_rows(parsed, "无法读取的文件") == [["a.pdf", "encrypted"], ["b.doc", "—"]]
    for says in (
        "No findings at all.",
        "No report has an error or a warning.",
        "No readable report with a year.",
        "No agency has reports for two years or more.",
        "No report is rated (0 not rated).",
    ):
        assert says in page


def test_a_row_with_blank_figures_is_unknown_never_zero(tmp_path: Path) -> None:
    rows = [
        row("a.docx", agency="甲", agency_key="甲", year=2022),
        row("b.docx", agency="甲", agency_key="甲", year=2023, new_received=7, review_total="/"),
    ]
    write_survey(tmp_path, rows, [])
    parsed = tables(write_dashboard(tmp_path))
    assert data_rows(parsed, "各年度合计") == [
        ["2022", *["—", "0"] * 7],
        ["2023", "7", "1", *["—", "0"] * 6],
    ]
    assert data_rows(parsed, "各机关逐年数字")[0][2:4] == ["— → 7", "— → —"]
    assert "No report is rated (2 not rated)." in (tmp_path / "index.html").read_text("utf-8")


def test_of_two_files_for_one_agency_and_year_the_first_by_name_counts(tmp_path: Path) -> None:
    rows = [
        row("a1.docx", agency="甲", agency_key="甲", year=2022, new_received=1),
        row("a2.pdf", agency="甲", agency_key="甲", year=2022, new_received=100),
        row("a3.docx", agency="甲", agency_key="甲", year=2023, new_received=2),
    ]
    write_survey(tmp_path, rows, [])
    parsed = tables(write_dashboard(tmp_path))
    [agency] = data_rows(parsed, "各机关逐年数字")
    assert agency[0] == "甲 另有 1 份同年文件未计 · 1 more not counted"
    assert agency[2] == "1 → 2"


def test_without_findings_jsonl_the_page_says_so(tmp_path: Path) -> None:
    write_survey(tmp_path, [row("a.docx", year=2022)])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    assert "没有 findings.jsonl" in page


def test_only_the_worst_twenty_are_listed(tmp_path: Path) -> None:
    rows = [row(f"{i:03}.docx", status="errors", errors=i % 7, warnings=i) for i in range(150)]
    write_survey(tmp_path, rows, [])
    listed = data_rows(tables(write_dashboard(tmp_path)), "错误最多的 20 份报告")
    expected = sorted(range(150), key=lambda i: (-(i % 7), -i))[:20]
    assert [r[-1] for r in listed] == [f"{i:03}.docx" for i in expected]


def test_totals_per_year_count_one_file_per_agency_and_year(tmp_path: Path) -> None:
    rows = [
        row("a.html", agency="甲", agency_key="甲", year=2022, new_received=10,
            substantive_disclosure_rate="0.5500"),
        row("a.pdf", agency="甲", agency_key="甲", year=2022, new_received=10,  # a copy
            substantive_disclosure_rate="0.5500"),
        row("b.docx", agency="乙", agency_key="乙", year=2022, new_received=5),
        row("x.docx", year=2022, new_received=1, substantive_disclosure_rate="0.9000"),
        row("y.docx", year=2022, new_received=1),  # no agency: counted as it is
    ]  # fmt: skip
    write_survey(tmp_path, rows, [])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    parsed = tables(tmp_path / "index.html")
    [totals] = data_rows(parsed, "各年度合计")
    assert totals[:3] == ["2022", "17", "4"]
    assert "（1 份未计）" in page
    rated = [r[1] for r in data_rows(parsed, "实质公开率分布")]
    assert rated == ["0", "0", "0", "0", "0", "1", "0", "0", "0", "1"]
    assert "<dd>2</dd>" in page  # rated: 甲 once, x; not rated: 乙, y (also 2)


def test_files_are_shown_below_the_folder_they_all_share(tmp_path: Path) -> None:
    rows = [
        row("/data/survey-1/2022/a.docx", errors=1, status="errors"),
        row("/data/survey-1/2023/b.pdf", warnings=1),
        unreadable("/data/survey-2/c.pdf", "encrypted"),
    ]
    write_survey(tmp_path, rows, [])
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    parsed = tables(tmp_path / "index.html")
    assert [r[-1] for r in data_rows(parsed, "错误最多的")] == [
        "survey-1/2022/a.docx",
        "survey-1/2023/b.pdf",
    ]
    assert data_rows(parsed, "无法读取的文件") == [["survey-2/c.pdf", "encrypted"]]
    assert "<code>/data/</code>" in page
    assert 'title="/data/survey-2/c.pdf"' in page


def test_files_in_no_common_folder_are_shown_whole(tmp_path: Path) -> None:
    write_survey(
        tmp_path, [row("a.docx", errors=1, status="errors"), row("b/c.docx", warnings=1)], []
    )
    page = write_dashboard(tmp_path).read_text(encoding="utf-8")
    assert [r[-1] for r in data_rows(tables(tmp_path / "index.html"), "错误最多的")] == [
        "a.docx",
        "b/c.docx",
    ]
    assert "<code>" not in page


# --- bad input -------------------------------------------------------------------------------------


def test_a_missing_reports_csv_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportLoadError, match=r"(?s)reports\.csv.*cannot open it"):
        write_dashboard(tmp_path)
    assert not (tmp_path / "index.html").exists()


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    (tmp_path / "reports.csv").write_text("file,status\na.docx,ok\n", encoding="utf-8")
    with pytest.raises(ReportLoadError, match=r"line 1: no column agency, agency_key"):
        write_dashboard(tmp_path)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"status": "fine"}, r"line 3: status 'fine'; expected one of 'ok', 'errors'"),
        ({"errors": "many"}, r"line 3: column errors holds 'many'; expected a whole number"),
        ({"new_received": "1.5"}, r"line 3: column new_received holds '1.5'"),
        ({"year": "二〇二三"}, r"line 3: year '二〇二三'"),
        ({"review_correction_rate": "high"}, r"line 3: column review_correction_rate holds"),
        ({"rule:T3.1": "failed"}, r"line 3: column rule:T3.1 holds 'failed'; expected 'fail'"),
    ],
)
def test_a_bad_value_is_named_with_its_line(
    tmp_path: Path, values: dict[str, str], message: str
) -> None:
    write_survey(tmp_path, [row("a.docx"), row("b.docx", **values)], [], rules=("T3.1",))
    with pytest.raises(ReportLoadError, match=message):
        write_dashboard(tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"line 2: not JSON"),
        ("[1, 2]", r"line 2: expected a JSON object \(a finding\), got list"),
        ('{"code": "T3.1", "status": "fail"}', r"line 2: the finding has no severity"),
        ('{"code": "T3.1", "status": "bad", "severity": "error"}', r"line 2: status 'bad'"),
    ],
)
def test_a_bad_findings_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    write_survey(tmp_path, [row("a.docx")], [])
    good = json.dumps(finding("a.docx", "T3.1"))
    (tmp_path / "findings.jsonl").write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ReportLoadError, match=rf"(?s)findings\.jsonl.*{message}"):
        write_dashboard(tmp_path)


def test_a_findings_line_that_is_not_utf8_is_named_by_its_own_number(tmp_path: Path) -> None:
    write_survey(tmp_path, [row("a.docx")], [])
    good = json.dumps(finding("a.docx", "T3.1"), ensure_ascii=False).encode()
    bad = json.dumps(finding("a.docx", "T3.2")).encode().replace(b"\\u2026", b"\xff")
    (tmp_path / "findings.jsonl").write_bytes(good + b"\n" + good + b"\n" + bad + b"\n" + good)
    with pytest.raises(ReportLoadError, match=r"(?s)findings\.jsonl.*line 3: not UTF-8"):
        write_dashboard(tmp_path)


def test_findings_lines_are_read_as_a_text_file_reads_them(tmp_path: Path) -> None:
    """Lines ended by a lone carriage return, blank lines of any white space and a lone
    surrogate (which orjson refuses) are read as before the lines were read as bytes."""
    write_survey(tmp_path, [row("a.docx")], [])
    lone = json.dumps(finding("a.docx\udc80", "T3.2"))  # \udc80 escaped: json reads it
    lines = [json.dumps(finding("a.docx", "T3.1")), json.dumps(finding("a.docx", "T3.3"))]
    text = f"{lines[0]}\r{lines[1]}\n\u3000\n{lone}\r\n"
    (tmp_path / "findings.jsonl").write_text(text, encoding="utf-8", newline="")
    survey = tally(tmp_path)
    assert {code: dict(n) for code, n in survey.findings.items()} == {
        "T3.1": {"fail": 1},
        "T3.2": {"fail": 1},
        "T3.3": {"fail": 1},
    }


def test_an_unwritable_index_html_is_refused_by_name(tmp_path: Path) -> None:
    write_survey(tmp_path, [row("a.docx")], [])
    (tmp_path / "index.html").mkdir()
    with pytest.raises(ReportWriteError, match=r"index\.html: it is a folder"):
        write_dashboard(tmp_path)
