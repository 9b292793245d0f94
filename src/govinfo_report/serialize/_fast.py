"""The loader's fast path: a well-formed report's tree in one pass, its keys counted.

Nearly every file a survey loads is well-formed, and loading must stay within 2×
``json.loads`` of its text (issue 10). :func:`structure_report_fast` takes such a tree
with exact type tests (``type(x) is str``, a group of rows' cells all ``int`` in one
C-level test) and builds the model objects unchecked (:mod:`govinfo_report._unchecked`):
every value has been checked here as strictly as its validator and the converter's
hooks would.

It also returns the number of mapping keys in the tree, exact, because it looked at
every mapping in it: the JSON loader compares that number with the colons of the text
to know, without a Python hook per object, that no key was given twice
(:func:`govinfo_report.serialize._text.loads`).

Anything unusual (a missing or unknown key, an odd value) gives ``None``, and the
detailed path (:func:`~govinfo_report.serialize._report.structure_report`) then reports
every problem with its path. Both paths give equal reports (a test compares them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from govinfo_report._unchecked import builder
from govinfo_report.formats import TABLE_IDS, FormatVersion, get_format
from govinfo_report.model import (
    Contact,
    Metadata,
    ProcessingFee,
    Report,
    Section,
    Subsection,
)
from govinfo_report.model.report import MAX_YEAR, MIN_YEAR
from govinfo_report.model.text import texts
from govinfo_report.serialize._problems import Problem
from govinfo_report.serialize._scalars import KIND_BY_NAME, decimal
from govinfo_report.serialize._tables import structure_table_fast

_REPORT_KEYS = frozenset({"metadata", "intro", "sections", "processing_fee", *TABLE_IDS})
_SECTION_KEYS = frozenset(("id", "heading", "paragraphs", "subsections", "closing"))
_SUBSECTION_KEYS = frozenset(("heading", "paragraphs", "run_in", "subsections"))
_LEVEL3_KEYS = frozenset(("heading", "paragraphs", "run_in"))
_STR = frozenset({str})

_METADATA_KEYS = frozenset(attrs.fields_dict(Metadata))
_CONTACT_KEYS = frozenset(attrs.fields_dict(Contact))
_VERSIONS = {v.value: v for v in FormatVersion}
_OPTIONAL_STR = frozenset({str, type(None)})

_FEE_KEYS = frozenset(attrs.fields_dict(ProcessingFee))
_NONE: list[Any] = []  # the default of a missing list (never changed)

_build_fee = builder(ProcessingFee)
_build_metadata = builder(Metadata)
_build_contact = builder(Contact)
_build_report = builder(Report)
_build_section = builder(Section)
_build_subsection = builder(Subsection)


def _strings(value: Any) -> tuple[str, ...] | None:
    """A list of strings as a tuple; None if it is anything else."""
    if type(value) is not list:
        return None
    if value and not set(map(type, value)) <= _STR:
        return None
    return tuple(value)


def _date(value: Any) -> dt.date | bool | None:
    """A ``YYYY-MM-DD`` string as a date (None for None); False for anything else."""
    if value is None:
        return None
    if type(value) is not str:
        return False
    try:
        return dt.date.fromisoformat(value)  # as the converter's date hook
    except ValueError:
        return False


def _metadata(raw: dict[str, Any]) -> tuple[Metadata, int] | None:
    """The metadata and their keys (the contact's too), or None."""
    if not raw.keys() <= _METADATA_KEYS:
        return None
    agency, year = raw.get("agency"), raw.get("year")
    version, kind = raw.get("format_version"), raw.get("agency_kind")
    title, contact = raw.get("title"), raw.get("contact")
    if type(agency) is not str or type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if type(version) is not str or version not in _VERSIONS:
        return None  # the converter also takes 2021 as a number: the detailed path
    if type(kind) is not str or kind not in KIND_BY_NAME or type(title) not in _OPTIONAL_STR:
        return None
    signed, published = _date(raw.get("signing_date")), _date(raw.get("publication_date"))
    if signed is False or published is False:
        return None
    keys = len(raw)
    if contact is not None:
        if type(contact) is not dict or not contact.keys() <= _CONTACT_KEYS:
            return None
        fields = [contact.get(name) for name in _CONTACT_FIELDS]
        if not set(map(type, fields)) <= _OPTIONAL_STR:
            return None
        keys += len(contact)
        contact = _build_contact(*fields)
    metadata = _build_metadata(
        agency, year, _VERSIONS[version], KIND_BY_NAME[kind], signed, published, title, contact
    )
    return metadata, keys


_CONTACT_FIELDS = tuple(attrs.fields_dict(Contact))


def _sections(value: Any) -> tuple[tuple[Section, ...], int] | None:
    """The sections and their keys, or None. Every string is type-tested at the end, at
    once (one C-level test instead of one per list)."""
    if type(value) is not list:
        return None
    sections: list[Section] = []
    texts: list[Any] = []
    add, extend = texts.append, texts.extend
    keys = 0
    for item in value:
        if type(item) is not dict or not item.keys() <= _SECTION_KEYS:
            return None
        get = item.get
        section_id, heading = get("id"), get("heading")
        paragraphs, closing = get("paragraphs", _NONE), get("closing", _NONE)
        if type(paragraphs) is not list or type(closing) is not list:
            return None
        add(section_id)
        add(heading)
        extend(paragraphs)
        extend(closing)
        found = _subsections(get("subsections", _NONE), add, extend, nested=True)
        if found is None:
            return None
        keys += len(item) + found[1]
        sections.append(
            _build_section(section_id, heading, tuple(paragraphs), found[0], tuple(closing))
        )
    if texts and not set(map(type, texts)) <= _STR:
        return None  # a heading or an id missing (None), or a paragraph not a string
    return tuple(sections), keys


def _subsection(
    sub: Any, add: Callable[[Any], None], extend: Callable[[Any], None], *, nested: bool
) -> tuple[Subsection, int] | None:
    """A sub-heading (``nested``: with its level-3 headings; else a level-3 heading,
    which has none) and its keys, or None. Its strings go to ``add``/``extend``, for
    the caller to type-test at once."""
    if type(sub) is not dict or not sub.keys() <= (_SUBSECTION_KEYS if nested else _LEVEL3_KEYS):
        return None
    heading = sub.get("heading")
    paragraphs, run_in = sub.get("paragraphs", _NONE), sub.get("run_in", False)
    if type(paragraphs) is not list or type(run_in) is not bool:
        return None
    add(heading)
    extend(paragraphs)
    found = _subsections(sub.get("subsections", _NONE), add, extend, nested=False)
    if found is None:
        return None
    return _build_subsection(heading, tuple(paragraphs), run_in, found[0]), len(sub) + found[1]


def _subsections(
    value: Any, add: Callable[[Any], None], extend: Callable[[Any], None], *, nested: bool
) -> tuple[tuple[Subsection, ...], int] | None:
    """A list of sub-headings (``nested``: each with its level-3 headings) or of level-3
    headings, and their keys; or None."""
    if type(value) is not list:
        return None
    if not value:
        return (), 0
    subsections: list[Subsection] = []
    keys = 0
    for item in value:
        found = _subsection(item, add, extend, nested=nested)
        if found is None:
            return None
        subsections.append(found[0])
        keys += found[1]
    return tuple(subsections), keys


def _fee(raw: Any) -> tuple[ProcessingFee, int] | None:
    """The processing fee and its keys, or None."""
    if type(raw) is not dict or not raw.keys() <= _FEE_KEYS:
        return None
    applications = raw.get("applications")
    if "amount" not in raw or not (applications is None or type(applications) is int):
        return None
    if type(raw["amount"]) is float:
        return None  # the native parser's float is not exact; json's Decimal is
    try:
        amount = decimal(raw["amount"])  # as the converter's hook: finite, within range
    except Problem:
        return None
    return _build_fee(amount, applications), len(raw)


def structure_report_fast(tree: Any) -> tuple[Report, int] | None:
    """A well-formed report's tree as a :class:`Report`, with the number of mapping keys
    in ``tree``; None when anything is unusual (see the module docstring)."""
    if type(tree) is not dict or not tree.keys() <= _REPORT_KEYS:
        return None
    raw_metadata = tree.get("metadata")
    if type(raw_metadata) is not dict:
        return None
    found = _metadata(raw_metadata)
    if found is None:
        return None
    metadata, keys = found
    keys += len(tree)
    intro = _strings(tree.get("intro", []))
    sections = _sections(tree.get("sections"))
    if intro is None or sections is None:
        return None
    keys += sections[1]
    spec = get_format(metadata.format_version)
    tables = []
    for table_spec in spec.tables:
        table = structure_table_fast(tree.get(table_spec.id), table_spec)
        if table is None:
            return None
        tables.append(table[0])
        keys += table[1]
    fee = None
    raw_fee = tree.get("processing_fee")
    if raw_fee is not None:
        found_fee = _fee(raw_fee)
        if found_fee is None:
            return None
        fee = found_fee[0]
        keys += found_fee[1]
    proactive, applications, review_litigation = tables
    report = _build_report(
        metadata, intro, sections[0], proactive, applications, review_litigation, fee
    )
    return report, keys


def string_colons(report: Report) -> int:
    """The ``:`` in the strings of ``report``: every one of them is a string of the tree
    (or, for a money unit, part of one), so none is counted that the text lacks."""
    return "".join(texts(report)).count(":")


__all__ = ["string_colons", "structure_report_fast"]
