"""Report data that a published document does not print, carried inside our own output.

The agency kind, publication date, structured contact details and the structured
信息处理费 are not visible in a report's text. The DOCX writer stores them as a custom
document property named :data:`PROPERTY`, the Markdown writer in its front matter, so
that our own output reads back losslessly. Everything printed (title, text, tables,
signature) is read from the visible content, never from here.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from govinfo_report.model import Report
from govinfo_report.serialize import CONVERTER, Problem, _structure_agency_kind

PROPERTY = "govinfo-report"
VERSION = 1


def unprinted(report: Report) -> dict[str, Any]:
    """The fields of ``report`` that its document does not print, as plain data."""
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
    return data


def dumps(report: Report) -> str:
    """:func:`unprinted` as compact JSON (for a document property)."""
    return json.dumps(unprinted(report), ensure_ascii=False, sort_keys=True)


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
    changes: dict[str, Any] = {"agency_kind": _structure_agency_kind(data.get("agency_kind"), None)}
    if "publication_date" in data:
        changes["publication_date"] = CONVERTER.structure(data["publication_date"], dt.date)
    if "contact" in data:
        changes["contact"] = CONVERTER.structure(data["contact"], Contact)
    fee = report.processing_fee
    if "processing_fee" in data:
        fee = CONVERTER.structure(data["processing_fee"], ProcessingFee)
    return attrs.evolve(report, metadata=attrs.evolve(meta, **changes), processing_fee=fee)


def loads(report: Report, text: str) -> Report:
    """:func:`apply` with JSON text (a document property's value)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Problem(f"embedded {PROPERTY} data is not JSON: {exc.msg}") from None
    return apply(report, data)
