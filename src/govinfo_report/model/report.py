"""The whole report: metadata, intro, the six sections, the three tables, the fee.

Every class is frozen; change a report with :func:`attrs.evolve`. Validators check only
local shape (types, table/format agreement), never arithmetic: a report is held exactly
as published, wrong totals and all, so that :mod:`govinfo_report.checks` can say what is
wrong with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report._enums import AgencyKind as AgencyKind
from govinfo_report.errors import ReportValueError
from govinfo_report.formats import FormatSpec, FormatVersion, get_format
from govinfo_report.model._tuples import as_tuple, check_strings, strings
from govinfo_report.model.cells import CellValue, check_amount
from govinfo_report.model.section import Section as Section
from govinfo_report.model.section import Subsection as Subsection
from govinfo_report.model.table import ExtraRow, Table


def _optional_str(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Contact:
    """Where the public can ask about the report (usually given in the intro paragraph)."""

    office: str | None = attrs.field(default=None, validator=_optional_str)
    address: str | None = attrs.field(default=None, validator=_optional_str)
    postcode: str | None = attrs.field(default=None, validator=_optional_str)
    phone: str | None = attrs.field(default=None, validator=_optional_str)
    email: str | None = attrs.field(default=None, validator=_optional_str)


MIN_YEAR = 1
MAX_YEAR = dt.MAXYEAR - 1
"""The last year a report can be on: its deadline falls in the year after, and Python's
dates end with 9999. Whether a year is plausible is for the checks (F.1, Y.1) to say."""


def check_year(value: Any) -> int:
    """``value`` if it is a year a report can be on (1–9998).

    Raises:
        TypeError: ``value`` is not an int.
        ReportValueError: the year is outside 1–9998, where no date arithmetic works.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"year must be an int, got {type(value).__name__}")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ReportValueError(
            f"year must be between {MIN_YEAR} and {MAX_YEAR}, got {value}",
            zh=f"年份须在 {MIN_YEAR} 到 {MAX_YEAR} 之间，实际为 {value}",
        )
    return value


@attrs.frozen(kw_only=True)
class Metadata:
    """Who reports, on which year, in which format, and when it was signed."""

    agency: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The agency's full name (机关全称), as in the title and the signature."""
    year: int = attrs.field(validator=lambda _i, _a, value: check_year(value))
    """The year reported on (统计期限 YYYY年1月1日至12月31日), 1–9998."""
    format_version: FormatVersion = attrs.field(
        validator=attrs.validators.instance_of(FormatVersion)
    )
    """The statutory format the report's tables follow (not necessarily the right one)."""
    agency_kind: AgencyKind = attrs.field(validator=attrs.validators.instance_of(AgencyKind))
    signing_date: dt.date | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(dt.date)),
    )
    """成文日期, the date under the signature; ``None`` if the report gives none."""
    publication_date: dt.date | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(dt.date)),
    )
    """发布日期 on the portal, if known."""
    title: str | None = attrs.field(default=None, validator=_optional_str)
    """The title as published, if it differs from the standard
    ``{agency}{year}年政府信息公开工作年度报告``; ``None`` means the standard title."""
    contact: Contact | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Contact))
    )

    @property
    def standard_title(self) -> str:
        """``{agency}{year}年政府信息公开工作年度报告``."""
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"


def _non_negative_decimal(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{attribute.name} must be a finite Decimal")
    check_amount(value)  # a billion-digit fee would cost gigabytes to print


@attrs.frozen(kw_only=True)
class ProcessingFee:
    """The 信息处理费 charged in the year (2021 format, section 六), in 元.

    ``amount`` 0 is a statement ("未收取信息处理费"); a report that says nothing has no
    ``ProcessingFee`` at all.
    """

    amount: Decimal = attrs.field(validator=_non_negative_decimal)
    """Total charged, in 元 (yuan)."""
    applications: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )
    """Number of requests that were charged, if stated."""


def _table_for(table_id: str) -> Any:
    def validate(instance: Report, _attribute: Any, value: Any) -> None:
        if not isinstance(value, Table):
            raise TypeError(f"{table_id} must be a Table, got {type(value).__name__}")
        expected = instance.format.table(table_id)
        if value.spec is not expected:
            raise ValueError(
                f"{table_id} is a {value.spec.id} table of the {value.spec.version.value} "
                f"format; a {instance.metadata.format_version.value}-format report needs "
                f"its {table_id} table"
            )

    return validate


def _section_tuple(value: tuple[Section, ...] | list[Section]) -> tuple[Section, ...]:
    return as_tuple(value)


def _sections(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, Section) for v in value):
        raise TypeError("sections must be a tuple of Section")


@attrs.frozen(kw_only=True)
class Report:
    """A 政府信息公开工作年度报告, exactly as written or published.

    Build one with :func:`govinfo_report.blank_report` and :func:`attrs.evolve`, load
    one with :mod:`govinfo_report.serialize`, or read a published document with
    :func:`govinfo_report.read_report`.
    """

    metadata: Metadata = attrs.field(validator=attrs.validators.instance_of(Metadata))
    intro: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_strings)
    """The unnumbered paragraph(s) before 一、总体情况."""
    sections: tuple[Section, ...] = attrs.field(converter=_section_tuple, validator=_sections)
    """The numbered sections in document order (normally six)."""
    proactive: Table = attrs.field(validator=_table_for("proactive"))
    """Table 2, 主动公开政府信息情况."""
    applications: Table = attrs.field(validator=_table_for("applications"))
    """Table 3, 收到和处理政府信息公开申请情况."""
    review_litigation: Table = attrs.field(validator=_table_for("review_litigation"))
    """Table 4, 政府信息公开行政复议、行政诉讼情况."""
    processing_fee: ProcessingFee | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ProcessingFee)),
    )
    """信息处理费 charged, as data beside section 六's prose; ``None`` if not stated."""

    @property
    def format(self) -> FormatSpec:
        """The declaration of the format this report's tables follow."""
        return get_format(self.metadata.format_version)

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        """Tables 2, 3 and 4."""
        return (self.proactive, self.applications, self.review_litigation)

    @property
    def title(self) -> str:
        """The title as published, or the standard one."""
        return self.metadata.title or self.metadata.standard_title

    def section(self, section_id: str) -> Section | None:
        """The first section with id ``section_id``, or ``None`` if the report lacks it."""
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def table(self, table_id: str) -> Table:
        """Table ``proactive``, ``applications`` or ``review_litigation``."""
        if table_id not in ("proactive", "applications", "review_litigation"):
            raise KeyError(
                f"no table {table_id!r}; expected 'proactive', 'applications' "
                "or 'review_litigation'"
            )
        table: Table = getattr(self, table_id)
        return table

    def cell(self, path: str) -> CellValue:
        """The value at ``table.row.column`` (e.g. ``applications.new_received.total``)."""
        table_id, _, cell_id = path.partition(".")
        return self.table(table_id)[cell_id]

    def with_cells(self, changes: Mapping[str, CellValue]) -> Report:
        """A copy with the cells at ``table.row.column`` paths set, across all tables.

        ``report.with_cells({"applications.new_received.natural_person": 12,
        "proactive.licensing.decisions": 312})``. Nothing else changes: totals are only
        computed by an explicit :func:`~govinfo_report.fill_totals`.

        Raises:
            KeyError: a path names no table or no cell of it.
        """
        by_table: dict[str, dict[str, CellValue]] = {}
        for path, value in changes.items():
            table_id, _, cell_id = path.partition(".")
            self.table(table_id)  # a descriptive KeyError for an unknown table
            by_table.setdefault(table_id, {})[cell_id] = value
        tables: dict[str, Any] = {t: self.table(t).replace(cells) for t, cells in by_table.items()}
        return attrs.evolve(self, **tables)

    def with_metadata(self, **changes: Any) -> Report:
        """A copy with the metadata fields named in ``changes`` set.

        ``report.with_metadata(agency="某区某局", signing_date=dt.date(2025, 1, 20))``.
        A contact is a :class:`Contact`. The format is not a field to set: a report's
        tables belong to their format, and :func:`govinfo_report.migrate` moves them.

        Raises:
            TypeError: a name is no metadata field, or a value has the wrong type.
            ReportValueError: a year outside 1–9998.
        """
        if "format_version" in changes and changes["format_version"] is not (
            self.metadata.format_version
        ):
            raise TypeError(
                "with_metadata cannot change format_version: the tables belong to their "
                "format; use govinfo_report.migrate(report) to move them to another"
            )
        fields = attrs.fields_dict(Metadata)
        unknown = [name for name in changes if name not in fields]
        if unknown:
            raise TypeError(
                f"no metadata field {unknown[0]!r}; expected one of {', '.join(fields)}"
            )
        return attrs.evolve(self, metadata=attrs.evolve(self.metadata, **changes))

    def with_extra_rows(self, table_id: str, rows: tuple[ExtraRow, ...] | list[ExtraRow]) -> Report:
        """A copy whose table ``table_id`` has ``rows`` as its extra rows (replacing any).

        ``report.with_extra_rows("proactive", [ExtraRow(label="其他主动公开文件",
        values=[4, 4, 16], after="normative_documents")])``.

        Raises:
            KeyError: no such table.
            ValueError: a row's ``after`` names no row of the table.
        """
        table = self.table(table_id)
        changed: dict[str, Any] = {table_id: attrs.evolve(table, extra_rows=rows)}
        return attrs.evolve(self, **changed)

    def with_section(
        self,
        section_id: str,
        *,
        paragraphs: tuple[str, ...] | list[str] | None = None,
        subsections: tuple[Subsection, ...] | list[Subsection] | None = None,
        heading: str | None = None,
        closing: tuple[str, ...] | list[str] | None = None,
    ) -> Report:
        """A copy with section ``section_id``'s text replaced (only what is given).

        ``report.with_section("problems", paragraphs=("一是……",))``. A section the report
        lacks is added in its place among the six, with the format's standard heading
        unless ``heading`` is given.

        Raises:
            KeyError: ``section_id`` is not one of the format's six section ids.
        """
        specs = {s.id: s for s in self.format.sections}
        if section_id not in specs:
            raise KeyError(
                f"no section {section_id!r}; expected one of {', '.join(map(repr, specs))}"
            )
        changes: dict[str, Any] = {}
        if paragraphs is not None:
            changes["paragraphs"] = paragraphs
        if subsections is not None:
            changes["subsections"] = subsections
        if heading is not None:
            changes["heading"] = heading
        if closing is not None:
            changes["closing"] = closing
        current = self.section(section_id)
        if current is not None:
            updated = attrs.evolve(current, **changes)
            sections = tuple(updated if s is current else s for s in self.sections)
        else:
            changes.setdefault("heading", specs[section_id].heading)
            added = Section(id=section_id, **changes)
            order = list(specs)
            # Insert before the first present section that comes later in the format.
            rank = order.index(section_id)
            at = next(
                (
                    i
                    for i, s in enumerate(self.sections)
                    if s.id in specs and order.index(s.id) > rank
                ),
                len(self.sections),
            )
            sections = (*self.sections[:at], added, *self.sections[at:])
        return attrs.evolve(self, sections=sections)
