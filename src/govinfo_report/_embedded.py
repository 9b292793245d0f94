"""Report data that a published document does not print, carried inside our own output.

The agency kind, publication date, structured contact details and the structured
信息处理费 are not visible in a report's text. The DOCX writer stores them as a custom
document property named :data:`PROPERTY`, the Markdown writer in its front matter, so
that our own output reads back losslessly. Everything printed (title, text, tables,
signature) is read from the visible content, never from here.

One detail is unprinted in the DOCX only: it prints Table 4 sideways, its three rows as
one line of fifteen values, so an extra row after 行政复议 or 未经复议直接起诉 prints
below that line like one after 复议后起诉. The unprinted fields also record which row each
of those extra rows follows (:data:`SIDEWAYS_AFTER`); the Markdown writer leaves that
record out, as its tables print Table 4 row by row.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from govinfo_report.model import Report, Table
from govinfo_report.serialize import CONVERTER, Problem, structure_agency_kind

PROPERTY = "govinfo-report"
VERSION = 1
SIDEWAYS_AFTER = "review_litigation_after"
"""The key of the ``after`` of Table 4's extra rows below its line of values, in order."""


def unprinted(report: Report) -> dict[str, Any]:
    """The fields of ``report`` that its document does not print, as plain data.

    :data:`SIDEWAYS_AFTER` is there only when Table 4 has an extra row after 行政复议 or
    未经复议直接起诉, which only the DOCX cannot print.
    """
    meta = report.metadata
    data: dict[str, Any] = {"version": VERSION, "agency_kind": meta.agency_kind.value}
    # The identity, repeated from the title: a reader of our own output falls back on it
    # when a custom title does not print the year or agency. apply() does not use it.
    data["year"] = meta.year
    data["agency"] = meta.agency
    if meta.publication_date is not None:
        data["publication_date"] = meta.publication_date.isoformat()
    if meta.contact is not None:
        data["contact"] = CONVERTER.unstructure(meta.contact)
    if report.processing_fee is not None:
        data["processing_fee"] = CONVERTER.unstructure(report.processing_fee)
    table4 = report.review_litigation
    anchors = _below_line(table4)
    if any(after != table4.spec.rows[-1].id for after in anchors):
        data[SIDEWAYS_AFTER] = anchors
    return data


def dumps(report: Report) -> str:
    """:func:`unprinted` as compact JSON (for a document property)."""
    return json.dumps(unprinted(report), ensure_ascii=False, sort_keys=True)


def _below_line(table: Table) -> list[str]:
    """The ``after`` of each extra row printed below a sideways table's line of values,
    in print order: by the row they follow, in the table's row order."""
    return [row.id for row in table.spec.rows for e in table.extra_rows if e.after == row.id]


def _restore_after(table: Table, anchors: Any) -> Table:
    """``table`` whose extra rows below the line follow the rows ``anchors`` names.

    Only a table as read from the sideways print changes: one whose extra rows below the
    line all follow the last row, as many as the record names. Where extra rows were
    added or removed after writing, the record no longer says which is which, and the
    rows stay as printed; a table read from a print that shows its rows (Markdown) is
    right as it is.
    """
    row_ids = [r.id for r in table.spec.rows]
    if not isinstance(anchors, list) or not all(a in row_ids for a in anchors):
        raise Problem(f"embedded {SIDEWAYS_AFTER} must be a list of row ids of {table.spec.id}")
    below = [i for i, e in enumerate(table.extra_rows) if e.after is not None]
    as_printed = all(table.extra_rows[i].after == row_ids[-1] for i in below)
    if not as_printed or len(below) != len(anchors):
        return table
    rows = list(table.extra_rows)
    for i, after in zip(below, anchors, strict=True):
        rows[i] = attrs.evolve(rows[i], after=after)
    return attrs.evolve(table, extra_rows=tuple(rows))


def apply(report: Report, data: Any) -> Report:
    """``report`` with the unprinted fields taken from ``data`` (from :func:`unprinted`).

    Raises:
        Problem: ``data`` is not what :func:`unprinted` writes.
    """
    import datetime as dt

    from govinfo_report.model import Contact, ProcessingFee

    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise Problem(f"embedded {PROPERTY} data of an unknown version")
    meta = report.metadata
    changes: dict[str, Any] = {"agency_kind": structure_agency_kind(data.get("agency_kind"), None)}
    if "publication_date" in data:
        changes["publication_date"] = CONVERTER.structure(data["publication_date"], dt.date)
    if "contact" in data:
        changes["contact"] = CONVERTER.structure(data["contact"], Contact)
    fee = report.processing_fee
    if "processing_fee" in data:
        fee = CONVERTER.structure(data["processing_fee"], ProcessingFee)
    table4 = report.review_litigation
    if SIDEWAYS_AFTER in data:
        table4 = _restore_after(table4, data[SIDEWAYS_AFTER])
    return attrs.evolve(
        report,
        metadata=attrs.evolve(meta, **changes),
        processing_fee=fee,
        review_litigation=table4,
    )


def loads(report: Report, text: str) -> Report:
    """:func:`apply` with JSON text (a document property's value)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Problem(f"embedded {PROPERTY} data is not JSON: {exc.msg}") from None
    return apply(report, data)
