"""Pairing across years: agency-years in order, and the X.* part of check(previous=)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govinfo_report as g
from fixtures.survey.corpus import BASE_2019, BASE_2021, BASE_AGENCY_2019, BASE_AGENCY_2021, vary
from govinfo_report.survey._pairing import cross_year_findings, cross_year_on_tables, groups
from govinfo_report.survey._payload import decode_tables, encode_tables, lite_report


def _x_part(report: g.Report, previous: g.Report) -> tuple[g.Finding, ...]:
    return tuple(f for f in g.check(report, previous=previous) if f.code.startswith("X."))


@pytest.mark.parametrize("carried", [3, 4])  # 3: consistent with last year; 4: X.1 fails
@pytest.mark.parametrize(
    ("base", "agency", "year"),
    [(BASE_2021, BASE_AGENCY_2021, 2022), (BASE_2019, BASE_AGENCY_2019, 2020)],
)
def test_the_stored_tables_give_the_x_part_of_check_with_previous(
    base: object, agency: str, year: int, carried: int
) -> None:
    source = g.load(base)  # type: ignore[arg-type]
    before = vary(source, agency, agency="某局", year=year - 1, seed=3, carried_over=2)
    now = vary(source, agency, agency="某局", year=year, seed=8, carried_over=carried)
    expected = _x_part(now, before)
    assert (carried == 4) == any(f.status is g.Status.FAIL and f.code == "X.1" for f in expected)
    version = now.metadata.format_version.value
    stored = cross_year_on_tables(
        version, decode_tables(encode_tables(now)), version, decode_tables(encode_tables(before))
    )
    assert stored == expected
    assert cross_year_findings(now, before) == expected


def test_stored_tables_keep_every_value_exactly() -> None:
    report = g.load(BASE_2021)
    t2 = report.proactive.replace(
        {
            "fees.amount": g.Money.parse("251000元"),
            "rules.issued": g.BLANK,
            "rules.repealed": g.NOT_APPLICABLE,
        }
    )
    report = attrs.evolve(report, proactive=t2)
    stored = decode_tables(encode_tables(report))
    assert [tuple(t.values) for t in stored] == [t.values for t in report.tables]
    assert [[t.values[i] for i in range(len(t.values))] for t in stored] == [
        list(t.values) for t in report.tables
    ]


@pytest.mark.parametrize(
    ("table", "cell", "value"),
    [
        ("applications", "new_received.natural_person", 2**64 + 1),  # beyond orjson: by json
        ("applications", "new_received.natural_person", 2**64 - 1),  # the largest orjson reads
        # A unit with a lone surrogate (a name in GBK read as UTF-8), which orjson refuses.
        ("proactive", "fees.amount", g.Money(amount=Decimal(12), unit="万元\udcc4")),
    ],
)
def test_stored_tables_keep_what_orjson_will_not_write_exactly(
    table: str, cell: str, value: g.CellValue
) -> None:
    report = g.load(BASE_2021)
    report = attrs.evolve(report, **{table: getattr(report, table).replace({cell: value})})
    stored = encode_tables(report)
    assert [tuple(t.values) for t in decode_tables(stored)] == [t.values for t in report.tables]
    lite = lite_report(agency="某局", year=2024, version="2021", kind="department", tables=stored)
    assert [t.values for t in lite.tables] == [t.values for t in report.tables]


def _rows(*rows: tuple[str, int, str]) -> list[tuple[str, int, str, str, str]]:
    tables = encode_tables(g.load(BASE_2021))
    return [(key, year, path, "2021", tables) for key, year, path in rows]


def test_groups_pair_consecutive_years_of_one_key_only() -> None:
    rows = _rows(
        ("a", 2021, "a21"),
        ("a", 2022, "a22.docx"),
        ("a", 2022, "a22.json"),
        ("a", 2024, "a24"),  # 2023 missing: no pair
        ("b", 2025, "b25"),  # another agency right after a's last year
    )
    found = [(g.files, None if b is None else b.files[0]) for g, b in groups(iter(rows))]
    assert found == [
        (["a21"], None),
        (["a22.docx", "a22.json"], "a21"),
        (["a24"], None),
        (["b25"], None),
    ]
