"""reports.csv's columns and derived figures: one rule column per code, guarded ratios."""

from __future__ import annotations

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE
from govinfo_report.checks.catalog import CATALOG as CHECK_CATALOG
from govinfo_report.formats import FormatVersion
from govinfo_report.survey import REPORT_COLUMNS, RULE_CODES
from govinfo_report.survey._columns import BASE_COLUMNS, cells_template, headline, rate
from govinfo_report.survey.catalog import CATALOG as SURVEY_CATALOG


def test_one_rule_column_per_rule_code_of_the_checks_and_the_survey() -> None:
    assert (*CHECK_CATALOG, *SURVEY_CATALOG) == RULE_CODES
    assert (*BASE_COLUMNS, *(f"rule:{c}" for c in RULE_CODES)) == REPORT_COLUMNS


def test_the_contracts_fixed_columns_in_order() -> None:
    assert BASE_COLUMNS[:3] == ("file", "sha256", "agency")
    assert BASE_COLUMNS[-3:] == ("previous_file", "maybe_previous_file", "parent")
    assert BASE_COLUMNS.index("status") == 7


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (["20", "5"], "50", "0.5000"),
        (["1", "0"], "30", "0.0333"),  # N = 30 is rated
        (["1", "0"], "29", ""),  # below it, not
        (["2"], "3", ""),
        (["", "5"], "50", ""),  # an operand blank
        (["/", "5"], "50", ""),  # or not applicable
        (["5"], "/", ""),
        (["2", "0"], "300", "0.0067"),
        (["1"], "80000", "0.0000"),  # half to even at the fifth place: 0.0000125
    ],
)
def test_rates_are_rated_from_thirty_on_numbers_only(
    numerator: list[str], denominator: str, expected: str
) -> None:
    assert rate(numerator, denominator) == expected


def test_a_summed_headline_is_stated_only_when_every_part_is() -> None:
    assert headline((3, 4), (0, 1)) == "7"
    assert headline((3, BLANK), (0, 1)) == ""
    assert headline((3, NOT_APPLICABLE), (0, 1)) == ""
    assert headline((NOT_APPLICABLE, NOT_APPLICABLE), (0, 1)) == "/"
    assert headline((NOT_APPLICABLE,), (0,)) == "/"


@pytest.mark.parametrize("version", list(FormatVersion))
def test_the_cells_template_has_one_line_per_cell(version: FormatVersion) -> None:
    from govinfo_report.formats import get_format

    template, money = cells_template(version)
    cells = sum(len(t.cells) for t in get_format(version).tables)
    assert len(template) == 4 * cells
    assert "".join(template).count("\n") == cells
    assert len(money) == sum(
        c.kind.value == "money" for t in get_format(version).tables for c in t.cells
    )
