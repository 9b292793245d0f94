"""The standard statistic sentences of a report, written from its tables.

A published report states its main figures in prose as well as in the tables, in a
register every office uses ("2024年，本机关新收政府信息公开申请26件，另有上年结转政府信息公开申请
2件；办结政府信息公开申请27件，其中予以公开26件……"). :func:`compose` writes those sentences
from Tables 2, 3 and 4, so that an author starts from text that matches the tables;
:func:`with_composed_text` puts them into the report.

Only what the tables hold is printed: a figure is a filled cell, or the sum of filled
cells where the sentence names a group of rows (不予公开 = the eight rows of （三）, 行政诉讼
= 未经复议直接起诉 + 复议后起诉), and a figure with a blank or "/" cell in it is left out
with its clause, never printed as 0. The figures are the quantities rule TX.1 compares
the text with, in the words it reads, so TX.1 finds nothing in composed text.

The row names come from the format declarations (规章, 行政规范性文件, 行政许可 …); the
phrasing is in :mod:`govinfo_report._sentences` (and ``_sentences_en``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

import attrs

from govinfo_report import _sentences, _sentences_en
from govinfo_report.findings import Lang
from govinfo_report.model import Report, Section, Subsection

TABLE_SECTIONS: Final = ("proactive", "applications", "review_litigation")
"""The keys of :func:`compose`: the ids of the sections whose tables the sentences state."""

Where = Literal["overview", "sections"]

PROACTIVE_HEADING: Final = "（一）主动公开"
"""The sub-heading of 一、总体情况 that :func:`with_composed_text` creates for Table 2's
sentences when the section has no sub-headings."""
APPLICATIONS_HEADING: Final = "（二）依申请公开"
"""The sub-heading it creates for the sentences of Tables 3 and 4."""


def compose(report: Report, lang: Lang = "zh") -> dict[str, tuple[str, ...]]:
    """The standard statistic sentences of ``report``, from its tables.

    Args:
        report: the report; its tables need not add up, and blank or "/" cells are
            left out, as is a sum over a negative count (a sentence is never given a
            number the table does not hold).
        lang: ``"zh"`` for the register of real reports; ``"en"`` for a reader who
            does not read Chinese (TX.1 reads only the Chinese).

    Returns:
        Per section id of :data:`TABLE_SECTIONS` (``proactive``, ``applications``,
        ``review_litigation``), the paragraphs that state its table's figures: one
        each, or none when the table has nothing to state.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}; expected 'zh' or 'en'")
    year = report.metadata.year
    writers = _sentences.ZH if lang == "zh" else _sentences_en.EN
    out: dict[str, tuple[str, ...]] = {}
    for section_id in TABLE_SECTIONS:
        table = report.table(section_id)
        text = writers[section_id](_sentences.Cells(table), year)
        out[section_id] = (text,) if text else ()
    return out


def with_composed_text(report: Report, *, into: Where = "overview") -> Report:
    """``report`` with the Chinese sentences of :func:`compose` in its text.

    Args:
        report: the report.
        into: ``"overview"`` (the default): into 一、总体情况, where reports state these
            figures and rule TX.1 reads them. Table 2's sentence goes under the
            sub-heading that names 主动公开, those of Tables 3 and 4 under the one that
            names 依申请; when 一 has no sub-headings, ``（一）主动公开`` and
            ``（二）依申请公开`` are created first; when it has others, the sentences go
            before its first sub-heading and the author's headings stay as they are.
            ``"sections"``: each table's sentence at the end of the text of its own
            section (二、三、四), just before the table.

    A paragraph the text already holds is not added again, so composing twice changes
    nothing; after changing the tables, compose from the report without the old
    sentences (or TX.1 will point at them).
    """
    composed = compose(report)
    if into == "sections":
        for section_id, paragraphs in composed.items():
            section = report.section(section_id)
            current = section.paragraphs if section is not None else ()
            if paragraphs:
                report = report.with_section(
                    section_id, paragraphs=(*current, *_new(current, paragraphs))
                )
        return report
    if into != "overview":
        raise ValueError(f"unknown place {into!r}; expected 'overview' or 'sections'")
    proactive = composed["proactive"]
    applications = (*composed["applications"], *composed["review_litigation"])
    if not proactive and not applications:
        return report
    overview = report.section("overview") or Section(id="overview", heading="")
    subs = list(overview.subsections)
    first = _matching(subs, "主动公开")
    second = _matching(subs, "依申请")
    if not subs:
        subs = [
            Subsection(heading=PROACTIVE_HEADING, paragraphs=proactive),
            Subsection(heading=APPLICATIONS_HEADING, paragraphs=applications),
        ]
        subs = [s for s in subs if s.paragraphs]
        return report.with_section("overview", subsections=tuple(subs))
    loose: list[str] = list(overview.paragraphs)
    for index, paragraphs in ((first, proactive), (second, applications)):
        if index is None:
            loose.extend(_new(loose, paragraphs))
        else:
            sub = subs[index]
            subs[index] = attrs.evolve(
                sub, paragraphs=(*sub.paragraphs, *_new(sub.texts, paragraphs))
            )
    return report.with_section("overview", paragraphs=tuple(loose), subsections=tuple(subs))


def _matching(subs: Sequence[Subsection], word: str) -> int | None:
    return next((i for i, s in enumerate(subs) if word in s.heading), None)


def _new(present: Sequence[str], paragraphs: Sequence[str]) -> list[str]:
    return [p for p in paragraphs if p not in present]
