"""What the published example reports print, cell by cell, typed from the documents.

Table 3 rows are listed with the seven values as printed (自然人, 商业企业, 科研机构,
社会公益组织, 法律服务机构, 其他, 总计); ``B`` marks a blank cell. Shared by the text and
HTML reader tests, since the HTML fixtures lay out the same reports.
"""

from __future__ import annotations

from decimal import Decimal

from govinfo_report.model import BLANK, CellValue, Money, Table

B = BLANK

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


def _zeros_natural_and_total(natural: int) -> tuple[CellValue, ...]:
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
    "new_received": _zeros_natural_and_total(26),
    "carried_over": _zeros_natural_and_total(0),
    "disclosed": _zeros_natural_and_total(26),
    "partially_disclosed": _zeros_natural_and_total(0),
    **{
        row: _zeros_natural_and_total(0)
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
    "total_outcomes": _zeros_natural_and_total(26),
    "carried_forward": _zeros_natural_and_total(0),
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

DONGTOU_2020_T2_SHORT: dict[str, int] = {
    "rules": 7,
    "normative_documents": 8,
    "licensing": 11,
    "other_services": 12,
    "penalties": 15,
    "enforcement": 16,
}
"""The short rows of Table 2 and the line each is printed on."""

DONGTOU_2020_T3_LINES: dict[str, int] = {
    "new_received": 27,
    "carried_over": 28,
    "disclosed": 29,
    "partially_disclosed": 30,
    "withheld_state_secret": 31,
    "withheld_prohibited": 32,
    "withheld_security": 33,
    "withheld_third_party": 34,
    "withheld_internal": 35,
    "withheld_process": 36,
    "withheld_enforcement": 37,
    "withheld_enquiry": 38,
    "unavailable_not_held": 39,
    "unavailable_to_create": 40,
    "unavailable_unclear": 41,
    "not_processed_petition": 42,
    "not_processed_repeated": 43,
    "not_processed_publication": 44,
    "not_processed_excessive": 45,
    "not_processed_confirmation": 46,
    "other_handling": 47,
    "total_outcomes": 48,
    "carried_forward": 49,
}
"""Every Table 3 row prints one value, 0, right after its labels; the line of each."""

DONGTOU_2020_T3: dict[str, tuple[CellValue, ...]] = dict.fromkeys(
    DONGTOU_2020_T3_LINES, (0, B, B, B, B, B, B)
)

DONGTOU_2020_T4: dict[str, tuple[CellValue, ...]] = {
    "review": (0, 0, 0, B, B),
    "litigation_direct": (B, B, B, B, B),
    "litigation_after_review": (B, B, B, B, B),
}
"""Table 4 prints "0 | 0 | 0 |" (line 54): three values for fifteen cells."""


def rows_of(table: Table) -> dict[str, tuple[CellValue, ...]]:
    """Every row of ``table`` as a tuple of its values, in column order."""
    out: dict[str, tuple[CellValue, ...]] = {}
    for group in table.spec.groups:
        for row in group.rows:
            out[row.id] = tuple(table.get(row.id, c.id) for c in group.columns)
    return out
