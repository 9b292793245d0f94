"""What the published example reports print, cell by cell, typed once from the documents.

The three reports are 洞头区政务服务中心 2020 (``examples/01``), 上海市人民政府办公厅 2019
(``02``) and 沭阳县发展和改革局 2023 (``03``). Each table is a mapping from row id to the
row's values as printed, in column order; Table 3 rows hold the seven values 自然人, 商业企业,
科研机构, 社会公益组织, 法律服务机构, 其他, 总计; ``B`` marks a cell the page leaves empty.

This is the single source of those figures: the text, HTML and DOCX reader tests compare
what they read against it, and the checks tests build their reports from it
(``checks/_published.py``). A fixture that deliberately departs from the published
document (an invented extra row, a label variant) is tested as that departure, not by a
copy of these tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from govinfo_report.formats import TableSpec, get_format
from govinfo_report.model import BLANK, CellValue, Money, Table

B = BLANK

Rows = Mapping[str, tuple[CellValue, ...]]

SHANGHAI_2019_T2: dict[str, tuple[CellValue, ...]] = {
    "rules": (13, 13, 524),
    "normative_documents": (60, 60, 368),
    "licensing": (0, 0, 0),
    "other_services": (0, 0, 0),
    "penalties": (0, 0, 0),
    "enforcement": (0, 0, 0),
    "fees": (0, 0),
    "procurement": (6, Money(Decimal("251000"), "元")),
}

SHANGHAI_2019_T3: dict[str, tuple[CellValue, ...]] = {
    "new_received": (821, 35, B, B, 2, 1, 859),
    "carried_over": (18, B, B, B, B, B, 18),
    "disclosed": (258, 12, B, B, 1, 1, B),
    "partially_disclosed": (3, B, B, B, B, B, B),
    "withheld_state_secret": (14, B, B, B, B, B, B),
    "withheld_prohibited": (B, B, B, B, B, B, B),
    "withheld_security": (B, B, B, B, B, B, B),
    "withheld_third_party": (B, B, B, B, B, B, B),
    "withheld_internal": (5, B, B, B, B, B, B),
    "withheld_process": (3, 1, B, B, B, B, B),
    "withheld_enforcement": (B, B, B, B, B, B, B),
    "withheld_enquiry": (10, 2, B, B, B, B, B),
    "unavailable_not_held": (252, 12, B, B, 1, B, B),
    "unavailable_to_create": (44, 3, B, B, B, B, B),
    "unavailable_unclear": (25, B, B, B, B, B, B),
    "not_processed_petition": (148, 1, B, B, B, B, B),
    "not_processed_repeated": (5, 4, B, B, B, B, B),
    "not_processed_publication": (B, B, B, B, B, B, B),
    "not_processed_excessive": (B, B, B, B, B, B, B),
    "not_processed_confirmation": (B, B, B, B, B, B, B),
    "other_handling": (B, B, B, B, B, B, B),
    "total_outcomes": (767, 35, B, B, 2, 1, 805),
    "carried_forward": (72, B, B, B, B, B, 72),
}

SHANGHAI_2019_T4: dict[str, tuple[CellValue, ...]] = {
    "review": (5, B, B, 2, 7),
    "litigation_direct": (8, B, B, 1, 9),
    "litigation_after_review": (B, B, B, B, B),
}


def _natural_and_total(natural: int) -> tuple[CellValue, ...]:
    return (natural, B, B, B, B, B, natural)


SHUYANG_2023_T2: dict[str, tuple[CellValue, ...]] = {
    "rules": (0, 0, 0),
    "normative_documents": (8, 0, 18),
    "licensing": (0,),
    "penalties": (0,),
    "enforcement": (0,),
    "fees": (Money(Decimal("0")),),
}

SHUYANG_2023_T3: dict[str, tuple[CellValue, ...]] = {
    "new_received": _natural_and_total(26),
    "carried_over": _natural_and_total(0),
    "disclosed": _natural_and_total(26),
    "partially_disclosed": _natural_and_total(0),
    **{
        row: _natural_and_total(0)
        for row in (
            "withheld_state_secret",
            "withheld_prohibited",
            "withheld_security",
            "withheld_third_party",
            "withheld_internal",
            "withheld_process",
            "withheld_enforcement",
            "withheld_enquiry",
            "unavailable_not_held",
            "unavailable_to_create",
            "unavailable_unclear",
            "not_processed_petition",
            "not_processed_repeated",
            "not_processed_publication",
            "not_processed_excessive",
            "not_processed_confirmation",
            "other_no_amendment",
            "other_unpaid_fee",
            "other_other",
        )
    },
    "total_outcomes": _natural_and_total(26),
    "carried_forward": _natural_and_total(0),
}

SHUYANG_2023_T4: dict[str, tuple[CellValue, ...]] = {
    "review": (0, 0, 0, 1, 1),
    "litigation_direct": (0, 0, 0, 0, 0),
    "litigation_after_review": (0, 0, 0, 0, 0),
}


DONGTOU_2020_T2: dict[str, tuple[CellValue, ...]] = {
    "rules": (0, 0, B),
    "normative_documents": (0, 0, B),
    "licensing": (0, 0, B),
    "other_services": (0, 0, B),
    "penalties": (0, 0, B),
    "enforcement": (0, 0, B),
    "fees": (0, 0),
    "procurement": (0, Money(Decimal("0"))),
}
"""Table 2 rows print "规章 | 0 | 0 | |": two values for three cells, the first two placed."""

DONGTOU_2020_T3: dict[str, tuple[CellValue, ...]] = {
    row.id: (0, B, B, B, B, B, B) for row in get_format("2019").applications.rows
}
"""Every Table 3 row prints one value, 0, right after its labels."""

DONGTOU_2020_T4: dict[str, tuple[CellValue, ...]] = {
    "review": (0, 0, 0, B, B),
    "litigation_direct": (B, B, B, B, B),
    "litigation_after_review": (B, B, B, B, B),
}
"""Table 4 prints "0 | 0 | 0 |" (line 54): three values for fifteen cells."""


@attrs.frozen(kw_only=True)
class Published:
    """One published report: who, which year and format, and its three tables as printed."""

    agency: str
    year: int
    version: str
    proactive: Rows
    applications: Rows
    review_litigation: Rows

    def rows(self, table_id: str) -> Rows:
        """The printed rows of table ``proactive``, ``applications`` or ``review_litigation``."""
        tables = {
            "proactive": self.proactive,
            "applications": self.applications,
            "review_litigation": self.review_litigation,
        }
        return tables[table_id]

    def table(self, table_id: str) -> Table:
        """Table ``table_id`` holding the printed values, laid out by the report's format."""
        return table_of(get_format(self.version).table(table_id), self.rows(table_id))


DONGTOU_2020 = Published(
    agency="温州市洞头区政务服务中心",
    year=2020,
    version="2019",
    proactive=DONGTOU_2020_T2,
    applications=DONGTOU_2020_T3,
    review_litigation=DONGTOU_2020_T4,
)
SHANGHAI_2019 = Published(
    agency="上海市人民政府办公厅",
    year=2019,
    version="2019",
    proactive=SHANGHAI_2019_T2,
    applications=SHANGHAI_2019_T3,
    review_litigation=SHANGHAI_2019_T4,
)
SHUYANG_2023 = Published(
    agency="沭阳县发展和改革局",
    year=2023,
    version="2021",
    proactive=SHUYANG_2023_T2,
    applications=SHUYANG_2023_T3,
    review_litigation=SHUYANG_2023_T4,
)


def rows_of(table: Table) -> dict[str, tuple[CellValue, ...]]:
    """Every row of ``table`` as a tuple of its values, in column order."""
    out: dict[str, tuple[CellValue, ...]] = {}
    for group in table.spec.groups:
        for row in group.rows:
            out[row.id] = tuple(table.get(row.id, c.id) for c in group.columns)
    return out


def table_of(spec: TableSpec, rows: Rows) -> Table:
    """The table of ``spec`` whose rows hold ``rows``: the inverse of :func:`rows_of`.

    Raises:
        KeyError: ``rows`` misses a row of ``spec`` or names one it does not have.
        ValueError: a row has more or fewer values than its columns.
    """
    unknown = set(rows) - {row.id for row in spec.rows}
    if unknown:
        raise KeyError(f"table {spec.id} has no rows {sorted(unknown)}")
    cells: dict[str, CellValue] = {}
    for group in spec.groups:
        for row in group.rows:
            for column, value in zip(group.columns, rows[row.id], strict=True):
                cells[f"{row.id}.{column.id}"] = value
    return Table.from_mapping(spec, cells)
