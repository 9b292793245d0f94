"""A finding's paths in words: :func:`describe_path` names what a path points at.

Findings point at what they involve by path: ``table.row.column`` for a cell
(``applications.new_received.natural_person``), ``table.row`` for a row, ``table`` for a
table, ``table.extra_rows[i]`` for a row a report added, ``metadata.field`` (and
``metadata.contact.field``), ``intro`` (``intro[k]``), ``sections[i]`` (and
``sections[i].subsections[j]``, its level-3 headings
``sections[i].subsections[j].subsections[m]``, ``sections[i].closing``, each with
``.paragraphs[k]``, ``.heading`` or ``[k]`` after it), ``sections.id``,
``processing_fee`` and its fields. A path of another report carries a prefix:
``previous.`` for last year's report (the cross-year rules), ``source.`` for the report
a migration started from (:func:`govinfo_report.migrate`). The table labels come from
the format declarations in :mod:`govinfo_report.formats`, as the checks' messages name
them; nothing here spells a table label.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from govinfo_report.formats import FORMATS, FormatSpec, FormatVersion, TableSpec, get_format

if TYPE_CHECKING:
    from govinfo_report.findings import Lang
    from govinfo_report.model import Report

_FIELDS: dict[str, tuple[str, str]] = {
    "metadata": ("元数据", "metadata"),
    "metadata.agency": ("机关名称", "agency name"),
    "metadata.year": ("报告年度", "report year"),
    "metadata.format_version": ("统一格式", "statutory format"),
    "metadata.agency_kind": ("机关类型", "kind of agency"),
    "metadata.signing_date": ("成文日期", "signing date"),
    "metadata.publication_date": ("发布日期", "publication date"),
    "metadata.title": ("标题", "title"),
    "metadata.contact": ("联系方式", "contact details"),
    "metadata.contact.office": ("联系方式：机构", "contact office"),
    "metadata.contact.address": ("联系方式：地址", "contact address"),
    "metadata.contact.postcode": ("联系方式：邮政编码", "contact postcode"),
    "metadata.contact.phone": ("联系方式：电话", "contact phone"),
    "metadata.contact.email": ("联系方式：电子邮箱", "contact email"),
    "intro": ("引言", "intro"),
    "sections": ("正文各部分", "sections"),
    "processing_fee": ("信息处理费", "processing fee"),
    "processing_fee.amount": ("信息处理费金额", "processing fee amount"),
    "processing_fee.applications": ("收取信息处理费的申请件数", "requests charged a fee"),
}
"""Every path outside the tables and the sections, in Chinese and English."""

_PREFIXES: dict[str, tuple[str, str]] = {
    "previous.": ("上年报告：", "last year's report: "),
    "source.": ("迁移前的报告：", "the report before migration: "),
}
_EXTRA = re.compile(
    r"^extra_rows\[(?P<index>\d+)\](?:\.(?:(?P<label>label)|values\[(?P<k>\d+)\]))?$"
)
_INTRO = re.compile(r"^intro\[(?P<k>\d+)\]$")
_SECTION = re.compile(
    r"^sections\[(?P<i>\d+)\](?:\.subsections\[(?P<j>\d+)\](?:\.subsections\[(?P<m>\d+)\])?)?"
    r"(?:\.(?P<part>paragraphs|closing|heading)(?:\[(?P<k>\d+)\])?)?$"
)


def describe_path(
    path: str,
    lang: Lang = "zh",
    *,
    version: FormatVersion | str | None = None,
    report: Report | None = None,
) -> str:
    """What ``path`` points at, in Chinese (``"zh"``) or English (``"en"``).

    ``describe_path("applications.new_received.natural_person")`` is
    ``三、收到和处理政府信息公开申请情况「一、本年新收政府信息公开申请数量 / 自然人」``, the way
    the checks' messages name that cell; in English ``Table 3 (Disclosure requests
    received and handled), new requests received this year / natural persons``.

    Args:
        path: a finding's path (see the module docstring for every kind).
        lang: the language of the description.
        version: the format of the report the path belongs to. A table path is looked
            up in that format first, then in the other; without ``version`` (or
            ``report``), in the newest format first. A ``source.`` path (the report a
            migration started from) is looked up in the other formats first.
        report: the report the path belongs to: its format is the default ``version``,
            and ``sections[i]`` and ``extra_rows[i]`` are named by their heading and
            label rather than their position.

    Raises:
        KeyError: ``path`` names nothing a report has; the message says what was
            expected.
        UnknownFormatError: ``version`` names no statutory format.
    """
    en = lang == "en"
    for prefix, (zh_name, en_name) in _PREFIXES.items():
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            older = prefix == "source."
            # Another report: its sections and extra rows are not ``report``'s.
            inner = _describe(rest, en, _order(version, report, older=older), None)
            return f"{en_name if en else zh_name}{inner}"
    return _describe(path, en, _order(version, report, older=False), report)


def _order(
    version: FormatVersion | str | None, report: Report | None, *, older: bool
) -> tuple[FormatSpec, ...]:
    """The formats to look a table path up in, the most likely first."""
    if version is None and report is not None:
        version = report.metadata.format_version
    newest = sorted(FORMATS.values(), key=lambda spec: spec.first_year, reverse=True)
    if version is None:
        return tuple(reversed(newest)) if older else tuple(newest)
    first = get_format(version)
    others = tuple(spec for spec in newest if spec is not first)
    return (*others, first) if older else (first, *others)


def _describe(path: str, en: bool, formats: tuple[FormatSpec, ...], report: Report | None) -> str:
    if path in _FIELDS:
        zh_name, en_name = _FIELDS[path]
        return en_name if en else zh_name
    intro = _INTRO.match(path)
    if intro is not None:
        k = int(intro["k"]) + 1
        return f"intro paragraph {k}" if en else f"引言第{k}段"
    if path.startswith("sections"):
        return _section(path, en, formats[0], report)
    table_id, _, rest = path.partition(".")
    if table_id not in ("proactive", "applications", "review_litigation"):
        raise KeyError(
            f"no such path {path!r}; expected a table path (table.row.column), "
            f"{', '.join(_FIELDS)}, sections[i] or sections.id"
        )
    for spec in formats:
        found = _in_table(spec.table(table_id), rest, en, report)
        if found is not None:
            return found
    versions = ", ".join(spec.version.value for spec in formats)
    raise KeyError(f"no {path!r} in table {table_id} of the {versions} formats")


def _in_table(table: TableSpec, rest: str, en: bool, report: Report | None) -> str | None:
    """The name of ``rest`` (a cell, a row, an extra row or nothing) in ``table``."""
    where = f"Table {table.number} ({table.english})" if en else table.title
    if not rest:
        return where
    extra = _EXTRA.match(rest)
    if extra is not None:
        index = int(extra["index"])
        rows = report.table(table.id).extra_rows if report is not None else ()
        if index < len(rows):
            label = rows[index].label
            named = f"{where}, extra row {label!r}" if en else f"{where}「附加行：{label}」"
        else:
            named = f"{where}, extra row {index + 1}" if en else f"{where}「第{index + 1}个附加行」"
        if extra["label"]:
            return f"{named}, label" if en else f"{named}的名称"
        if extra["k"] is not None:
            k = int(extra["k"]) + 1
            return f"{named}, value {k}" if en else f"{named}第{k}个数值"
        return named
    if rest in table.index:
        cell = table.cell(rest)
        if en:
            return f"{where}, {cell.row.english} / {cell.column.english}"
        return f"{where}「{' / '.join(cell.labels)}」"
    for group in table.groups:
        for row in group.rows:
            if row.id == rest:
                if en:
                    return f"{where}, {row.english}"
                labels = (group.caption, *row.label_path) if group.caption else row.label_path
                return f"{where}「{' / '.join(labels)}」"
    return None


def _section(path: str, en: bool, spec: FormatSpec, report: Report | None) -> str:
    section_id = path.removeprefix("sections.")
    for declared in spec.sections:
        if declared.id == section_id:
            return f"section {declared.number} ({declared.english})" if en else declared.heading
    match = _SECTION.match(path)
    if match is None:
        ids = ", ".join(s.id for s in spec.sections)
        raise KeyError(f"no such path {path!r}; expected sections[i] or sections.id ({ids})")
    i = int(match["i"])
    j = None if match["j"] is None else int(match["j"])
    section = report.sections[i] if report is not None and i < len(report.sections) else None
    if en:
        where = section.heading if section is not None else f"section at position {i + 1}"
    else:
        where = section.heading if section is not None else f"第{i + 1}个部分"
    sub = None
    if j is not None:
        if section is not None and j < len(section.subsections):
            sub = section.subsections[j]
            where = f"{where} / {sub.heading}"
        else:
            where = f"{where}, sub-heading {j + 1}" if en else f"{where}第{j + 1}个小标题"
    if match["m"] is not None:
        m = int(match["m"])
        if sub is not None and m < len(sub.subsections):
            where = f"{where} / {sub.subsections[m].heading}"
        else:
            where = f"{where}, level-3 heading {m + 1}" if en else f"{where}第{m + 1}个三级标题"
    part, k = match["part"], match["k"]
    if part == "heading":
        return f"{where}, heading" if en else f"{where}的标题"
    if part == "closing":
        where = f"{where}, closing paragraphs" if en else f"{where}的结尾段落"
    if k is not None:
        n = int(k) + 1
        return f"{where}, paragraph {n}" if en else f"{where}第{n}段"
    return where


__all__ = ["describe_path"]
