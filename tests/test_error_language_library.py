"""The library's own errors (not a reader's, not the command line's) in both languages:
``str(exc)`` the English, ``exc.message("zh")`` the Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govinfo_report import (
    GovinfoReportError,
    PreviousReportMismatch,
    ReportValueError,
    UnknownFormatError,
    UnknownOptionError,
    aggregate,
    check,
    load,
)
from govinfo_report.aggregate import sum_cells
from govinfo_report.formats import format_for_year, get_format
from govinfo_report.model.cells import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS, Money, check_amount
from govinfo_report.serialize import dumps
from govinfo_report.writers import get_writer, writer_for_path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "example_2021.yaml"


def _raised(
    kind: type[GovinfoReportError], call: object, *args: object, **kw: object
) -> GovinfoReportError:
    with pytest.raises(kind) as caught:
        call(*args, **kw)  # type: ignore[operator]
    return caught.value


def test_a_previous_report_of_another_year_or_agency() -> None:
    report = load(EXAMPLE)
    older = attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=2019))
    error = _raised(PreviousReportMismatch, check, report, previous=older)
    assert str(error) == "previous= must be the report on 2023, got a report on 2019"
    assert error.message("zh") == "previous= 应为 2023 年度的报告，实际为 2019 年度的"
    other = attrs.evolve(
        report, metadata=attrs.evolve(report.metadata, agency="某某市民政局", year=2023)
    )
    error = _raised(PreviousReportMismatch, check, report, previous=other)
    assert error.message("zh").startswith("previous= 是 '某某市民政局' 的报告，不是 ")
    assert error.message("zh").endswith("或用 other_agency=True 仍然比较")


def test_aggregating_what_cannot_be_added() -> None:
    report = load(EXAMPLE)
    error = _raised(ReportValueError, aggregate, [])
    assert (str(error), error.message("zh")) == (
        "nothing to aggregate: no reports given",
        "没有可汇总的报告",
    )
    other = attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=2023))
    error = _raised(ReportValueError, aggregate, [report, other])
    assert str(error).startswith("cannot aggregate reports of different years (")
    assert error.message("zh").startswith("不能汇总年度不同的报告（")
    error = _raised(ReportValueError, sum_cells, [3, Money(Decimal(5), "元")], names=["甲", "乙"])
    assert error.message("zh") == "不能把件数与金额相加：甲 中是件数"


def test_format_and_syntax_names() -> None:
    error = _raised(UnknownFormatError, get_format, "2030")
    assert error.message("zh") == "没有格式版本 '2030'；可用的有 '2019', '2021'"
    error = _raised(UnknownFormatError, format_for_year, 2018)
    assert error.message("zh") == "2018 年度的报告没有法定格式；最早的格式适用于 2019 年度"
    error = _raised(UnknownFormatError, dumps, load(EXAMPLE), "xml")
    assert error.message("zh").startswith("没有语法 'xml'；可用的有 ")


def test_writer_names_and_options() -> None:
    error = _raised(UnknownFormatError, get_writer, "pdf")
    assert error.message("zh").startswith("没有输出格式 'pdf'；可用的有 ")
    error = _raised(UnknownFormatError, writer_for_path, "r.pptx")
    assert error.message("zh").startswith("没有写后缀为 '.pptx' 的文件的写出器；可用的有 ")
    error = _raised(UnknownOptionError, get_writer, "docx", bogus=1)
    assert (
        str(error)
        == "writer 'docx' has no option 'bogus'; its options are: template, template_layout"
    )
    assert (
        error.message("zh")
        == "写出器 'docx' 没有选项 'bogus'；它的选项有：template、template_layout"
    )


def test_an_amount_out_of_range() -> None:
    error = _raised(ReportValueError, check_amount, Decimal("1" * 30))
    assert error.message("zh") == f"金额超出范围：小数点前 30 位（最多 {MAX_INTEGER_DIGITS} 位）"
    error = _raised(ReportValueError, check_amount, Decimal("0." + "1" * 12))
    assert MAX_DECIMAL_PLACES < 12
    assert error.message("zh") == f"金额超出范围：小数 12 位（最多 {MAX_DECIMAL_PLACES} 位）"
