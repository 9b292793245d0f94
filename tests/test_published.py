"""The shared transcription of the published reports lays out as the formats do."""

from __future__ import annotations

import pytest

from govinfo_report.formats import get_format
from published import DONGTOU_2020, SHANGHAI_2019, SHUYANG_2023, Published, rows_of, table_of

TABLES = ("proactive", "applications", "review_litigation")


@pytest.mark.parametrize("published", [DONGTOU_2020, SHANGHAI_2019, SHUYANG_2023])
@pytest.mark.parametrize("table_id", TABLES)
def test_every_printed_value_lands_in_its_cell(published: Published, table_id: str) -> None:
    assert rows_of(published.table(table_id)) == published.rows(table_id)


def test_a_row_the_format_does_not_have_is_refused() -> None:
    rows = {**SHANGHAI_2019.applications, "other_no_amendment": (0,) * 7}
    with pytest.raises(KeyError, match="other_no_amendment"):
        table_of(get_format("2019").applications, rows)
