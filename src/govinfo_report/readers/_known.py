"""What a source already knows about its report, outside its printed text.

Our own output carries the fields a report does not print (the DOCX writer in its
``govinfo-report`` custom document property, the Markdown writer in its front matter:
see :mod:`govinfo_report._embedded`), and its identity (agency, year) repeated from the
title. A reader passes them to the shared engine as one :class:`Known`, so that the
engine neither infers nor reports what it was told (no ``R.AGENCY_KIND``, no ``R.FEE``
finding), and no reader patches the report or its findings after assembling.

Everything printed (title, text, tables, signature) is still read from the visible
content: a :class:`Known` only fills what a document cannot print, decides the identity
when a custom title does not print it, and says which row each of Table 4's extra rows
follows where the sideways print cannot show it. A workbook shows its metadata in a
sheet of its own rather than in a text: its reader passes the title and signing date
it states that way too, and says that it carries no text to look for sections in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from govinfo_report import _embedded, _stated
from govinfo_report.formats import FORMATS, FormatVersion
from govinfo_report.model import AgencyKind, Contact, ProcessingFee, Section, Table
from govinfo_report.serialize import CONVERTER, Problem

UNPRINTED_VERSION: Final = _embedded.VERSION
"""The version of the unprinted-fields record this module reads."""
CLOSING: Final = _embedded.CLOSING
"""The record's key for the number of closing paragraphs of each section."""
PRINTED: Final = _embedded.PRINTED
"""The record's key for the sentences the writer added to the prose."""
LEVEL3_RUN_IN: Final = _embedded.LEVEL3_RUN_IN
"""The record's key for the run-in headings that are level-3 ones (our Markdown)."""
SIDEWAYS_AFTER: Final = _embedded.SIDEWAYS_AFTER
"""The record's key for the ``after`` of Table 4's extra rows below its line of values."""
_SECTION_IDS: Final = frozenset(s.id for fmt in FORMATS.values() for s in fmt.sections)
_TABLE4_ROWS: Final = frozenset(
    row.id for fmt in FORMATS.values() for row in fmt.review_litigation.rows
)


@attrs.frozen(kw_only=True)
class Known:
    """Facts about the report that the source states outside its printed text.

    Every field is optional: ``None`` (or ``False``) means the source does not say, and
    the engine reads (or infers, with a finding) as for any document.
    """

    agency: str | None = None
    """The agency, when the source records it (with ``year``): it is the report's, and
    the printed title is kept as a custom title unless it is the standard one for it."""
    year: int | None = None
    """The report year, when the source records it."""
    format_version: FormatVersion | None = None
    """The format the report is in; given, it is not detected from the table labels."""
    agency_kind: AgencyKind | None = None
    """The kind of agency; given, it is not inferred from the name."""
    publication_date: dt.date | None = None
    """The publication date, which a report does not print."""
    contact: Contact | None = None
    """The structured contact details."""
    states_fee: bool = False
    """The source records the structured 信息处理费 or its absence exactly: then
    ``processing_fee`` is the report's and the text of section 六 is not read for it."""
    processing_fee: ProcessingFee | None = None
    """The 信息处理费, when ``states_fee``."""
    printed: tuple[str, ...] = ()
    """The sentences our writer added to the prose for the contact and the fee
    (:data:`govinfo_report._stated.NAMES`): the engine takes them out again."""
    sideways_after: tuple[str | None, ...] | None = None
    """For a print of Table 4 sideways (our DOCX): the row each extra row below its line
    of values follows, in print order (see :func:`restore_after`)."""
    closing: tuple[tuple[str, int], ...] = ()
    level3_run_in: frozenset[int] = frozenset()
    """For our Markdown: which run-in headings, by their place among the document's
    run-in headings (0 for the first), are level-3 ones (1.…), not sub-headings."""
    """(section id, n): the last n paragraphs of that section close it, after its
    sub-headings (see :func:`restore_closing`)."""
    signing_date: dt.date | None = None
    """The signing date, when the source states it apart from its text (a workbook's
    基本信息 sheet); it is then the report's, whatever a date line says."""
    title: str | None = None
    """The title, when the source states it apart from its text: kept as the report's
    custom title unless it is the standard one."""
    prints_text: bool = True
    """``False`` for a source that carries no report text (a workbook: tables and
    metadata): no title line, signing date or section is then reported missing."""


def identity(data: Any) -> tuple[str, int] | None:
    """(agency, year) that a record of unprinted fields repeats, or ``None``.

    Read on its own, leniently: a record whose other fields are unusable still tells
    which report it belongs to.
    """
    if not isinstance(data, dict):
        return None
    agency, year = data.get("agency"), data.get("year")
    if isinstance(agency, str) and isinstance(year, int) and not isinstance(year, bool):
        return agency, year
    return None


def from_unprinted(
    data: Any,
    *,
    agency: str | None = None,
    year: int | None = None,
    format_version: FormatVersion | None = None,
) -> Known:
    """The :class:`Known` of a record of unprinted fields (``_embedded.unprinted``).

    Args:
        data: the record as plain data (parsed JSON or YAML).
        agency: the identity the source records, if any.
        year: the identity the source records, if any.
        format_version: the format the source records, if any.

    Raises:
        Problem: ``data`` is not such a record (an unknown version, a bad value).
        ExceptionGroup: cattrs' detailed errors for a structured field (contact, fee).
    """
    if not isinstance(data, dict) or data.get("version") != UNPRINTED_VERSION:
        raise Problem("embedded govinfo-report data of an unknown version")
    publication = data.get("publication_date")
    contact = data.get("contact")
    fee = data.get("processing_fee")
    anchors = data.get(SIDEWAYS_AFTER)
    printed = data.get(PRINTED, [])
    if not isinstance(printed, list) or not all(p in _stated.NAMES for p in printed):
        names = ", ".join(repr(n) for n in _stated.NAMES)
        raise Problem(f"embedded {PRINTED} must be a list of {names}")
    if anchors is not None and (
        not isinstance(anchors, list) or not all(a is None or a in _TABLE4_ROWS for a in anchors)
    ):
        raise Problem(
            f"embedded {SIDEWAYS_AFTER} must be a list of row ids of review_litigation or nulls"
        )
    closing = data.get(CLOSING, {})
    if not isinstance(closing, dict) or not all(
        key in _SECTION_IDS and isinstance(n, int) and not isinstance(n, bool) and n > 0
        for key, n in closing.items()
    ):
        raise Problem(
            f"embedded {CLOSING} must map section ids to numbers of paragraphs (1 or more)"
        )
    level3 = data.get(LEVEL3_RUN_IN, [])
    if not isinstance(level3, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in level3
    ):
        raise Problem(f"embedded {LEVEL3_RUN_IN} must be a list of numbers (0 or more)")
    return Known(
        agency=agency,
        year=year,
        format_version=format_version,
        closing=tuple(closing.items()),
        level3_run_in=frozenset(level3),
        agency_kind=CONVERTER.structure(data.get("agency_kind"), AgencyKind),
        publication_date=None if publication is None else CONVERTER.structure(publication, dt.date),
        contact=None if contact is None else CONVERTER.structure(contact, Contact),
        states_fee=True,
        processing_fee=None if fee is None else CONVERTER.structure(fee, ProcessingFee),
        printed=tuple(printed),
        sideways_after=None if anchors is None else tuple(anchors),
    )


def restore_after(table: Table, anchors: tuple[str | None, ...]) -> Table:
    """``table`` whose extra rows below the line follow the rows ``anchors`` names
    (``None``: no row).

    Rows read from above the line follow no row already (a DOCX written before extra rows
    with no ``after`` moved below the line); the record then names only those below.

    Only a table as read from the sideways print changes: one whose extra rows below the
    line all follow the last row, as many as the record names. Where extra rows were
    added or removed after writing, the record no longer says which is which, and the
    rows stay as printed; a table read from a print that shows its rows (Markdown) is
    right as it is.
    """
    row_ids = [r.id for r in table.spec.rows]
    below = [i for i, e in enumerate(table.extra_rows) if e.after is not None]
    as_printed = all(table.extra_rows[i].after == row_ids[-1] for i in below)
    if not as_printed or len(below) != len(anchors):
        return table
    rows = list(table.extra_rows)
    for i, after in zip(below, anchors, strict=True):
        rows[i] = attrs.evolve(rows[i], after=after)
    return attrs.evolve(table, extra_rows=tuple(rows))


def restore_closing(section: Section, count: int) -> Section:
    """``section`` whose last ``count`` paragraphs (the last sub-heading's, or its last
    level-3 heading's when it has some, or its own when it has none) are its closing
    paragraphs, as the record of our own output says.

    A document edited after writing may have fewer: then as many as there are.
    """
    if not section.subsections:
        keep = max(len(section.paragraphs) - count, 0)
        return attrs.evolve(
            section, paragraphs=section.paragraphs[:keep], closing=section.paragraphs[keep:]
        )
    last = section.subsections[-1]
    if last.subsections:  # printed after the last level-3 heading's paragraphs
        inner = last.subsections[-1]
        keep = max(len(inner.paragraphs) - count, 0)
        shortened_inner = attrs.evolve(inner, paragraphs=inner.paragraphs[:keep])
        shortened = attrs.evolve(last, subsections=(*last.subsections[:-1], shortened_inner))
        closing = inner.paragraphs[keep:]
    else:
        keep = max(len(last.paragraphs) - count, 0)
        shortened = attrs.evolve(last, paragraphs=last.paragraphs[:keep])
        closing = last.paragraphs[keep:]
    return attrs.evolve(
        section, subsections=(*section.subsections[:-1], shortened), closing=closing
    )
