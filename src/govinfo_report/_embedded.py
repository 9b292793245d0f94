"""Report data that a published document does not print, carried inside our own output.

The agency kind, publication date, structured contact details and the structured
信息处理费 are not visible in a report's text (the writers print the contact and the fee
in a sentence where the prose does not state them: :mod:`govinfo_report._stated`; the
record says which sentences they added, under :data:`PRINTED`, for the readers to take
out again). The DOCX writer stores them as a custom
document property named :data:`PROPERTY`, the Markdown writer in its front matter, so
that our own output reads back losslessly (the readers turn the record into a
:class:`~govinfo_report.readers._known.Known`). Everything printed (title, text, tables,
signature) is read from the visible content, never from here.

Which paragraphs close a section, after its sub-headings (``Section.closing``), is
unprinted too: they print as the paragraphs after the last sub-heading's, as in any
report, so the record counts them per section (:data:`CLOSING`) and a reader of our own
output takes that many of the section's last paragraphs as its closing ones.

Markdown prints a run-in heading (``**heading** text``) alike at either level, so its
front matter lists which run-in headings are level-3 ones (:data:`LEVEL3_RUN_IN`).

One detail is unprinted in the DOCX only: it prints Table 4 sideways, its three rows as
one line of fifteen values, so an extra row after 行政复议 or 未经复议直接起诉, or after no
row, prints below that line like one after 复议后起诉. The unprinted fields also record
which row each of those extra rows follows (:data:`SIDEWAYS_AFTER`, ``null`` for none); the
Markdown writer leaves that record out, as its tables say it in ``data-after``.
"""

from __future__ import annotations

import json
from typing import Any

from govinfo_report import _stated
from govinfo_report.model import Report, Table
from govinfo_report.serialize import CONVERTER

PROPERTY = "govinfo-report"
COLLECTION_PROPERTY = "govinfo-report-collection"
"""Marks a workbook of one sheet per department (its value: how many), which the XLSX
reader reads as one report a sheet."""
VERSION = 1
PRINTED = "printed"
"""The key of the sentences the writer added to the prose (:data:`_stated.NAMES`), in
document order; absent when it added none."""
SIDEWAYS_AFTER = "review_litigation_after"
"""The key of the ``after`` of Table 4's extra rows below its line of values, in order."""
CLOSING = "closing"
"""The key of ``{section id: number of closing paragraphs}``, for the sections that have
some (a section id the report gives twice is left out: the count could not say whose)."""

LEVEL3_RUN_IN = "level3_run_in"
"""The key of the run-in headings that are level-3 ones (1.…), by their place among all
run-in headings of the document (0 for the first), in the Markdown front matter only:
Markdown prints a run-in heading of either level as ``**heading** text``, the DOCX in a
character style of its own."""


def level3_run_ins(report: Report) -> list[int]:
    """:data:`LEVEL3_RUN_IN` of ``report``: where its run-in level-3 headings are among
    its run-in headings (sub-headings and level-3 headings), in print order."""
    found: list[int] = []
    n = 0
    for section in report.sections:
        for sub in section.subsections:
            n += sub.run_in
            for level3 in sub.subsections:
                if level3.run_in:
                    found.append(n)
                    n += 1
    return found


def unprinted(report: Report, added: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The fields of ``report`` that its document does not print, as plain data.

    :data:`PRINTED` lists the sentences the writers add to the prose for the contact
    and the fee, when they add any: ``added`` if the writer has them at hand, else
    :func:`govinfo_report._stated.as_printed`'s.
    :data:`SIDEWAYS_AFTER` is there only when Table 4 has an extra row after 行政复议,
    未经复议直接起诉 or no row, which only the DOCX cannot print.
    """
    meta = report.metadata
    data: dict[str, Any] = {"version": VERSION, "agency_kind": meta.agency_kind.value}
    # The identity, repeated from the title: a reader of our own output falls back on it
    # when a custom title does not print the year or agency.
    data["year"] = meta.year
    data["agency"] = meta.agency
    if meta.publication_date is not None:
        data["publication_date"] = meta.publication_date.isoformat()
    if meta.contact is not None:
        data["contact"] = CONVERTER.unstructure(meta.contact)
    if report.processing_fee is not None:
        data["processing_fee"] = CONVERTER.unstructure(report.processing_fee)
    ids = [section.id for section in report.sections]
    closing = {
        section.id: len(section.closing)
        for section in report.sections
        if section.closing and ids.count(section.id) == 1
    }
    if closing:
        data[CLOSING] = closing
    if added is None:
        added = _stated.as_printed(report).added
    if added:
        data[PRINTED] = list(added)
    table4 = report.review_litigation
    anchors = _below_line(table4)
    if any(after != table4.spec.rows[-1].id for after in anchors):
        data[SIDEWAYS_AFTER] = anchors
    return data


def dumps(report: Report, added: tuple[str, ...] | None = None) -> str:
    """:func:`unprinted` as compact JSON (for a document property)."""
    return json.dumps(unprinted(report, added), ensure_ascii=False, sort_keys=True)


def _below_line(table: Table) -> list[str | None]:
    """The ``after`` of each extra row printed below a sideways table's line of values,
    in print order: those that follow no row first, then by the row they follow, in the
    table's row order."""
    anchors = (None, *(row.id for row in table.spec.rows))
    return [after for after in anchors for e in table.extra_rows if e.after == after]
