"""A report's prose: a numbered section, its sub-headings and their level-3 headings.

GB/T 9704 numbers a document's headings "一、" "（一）" "1." "（1）". A :class:`Section`
holds the first level and its text; a :class:`Subsection` a second-level heading
(（一）…) and its text, and under it, in ``subsections``, its level-3 headings (1.…),
each a :class:`Subsection` of its own without further nesting: the fourth level
("（1）") is written as paragraphs.
"""

from __future__ import annotations

from typing import Any

import attrs

from govinfo_report.errors import ReportValueError
from govinfo_report.model._tuples import as_tuple, check_strings, strings


def _subsection_tuple(value: tuple[Subsection, ...] | list[Subsection]) -> tuple[Subsection, ...]:
    return as_tuple(value)


def _subsections(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, Subsection) for v in value):
        raise TypeError("subsections must be a tuple of Subsection")


def _level3(_instance: Any, _attribute: Any, value: Any) -> None:
    _subsections(_instance, _attribute, value)
    for n, sub in enumerate(value):
        if sub.subsections:
            raise ReportValueError(
                f"subsections[{n}] ({sub.heading!r}) is a level-3 heading (1.…) and has "
                "subsections of its own; only one level nests under a sub-heading: write "
                "level-4 headings (（1）…) as paragraphs",
                zh=f"subsections[{n}]（{sub.heading!r}）是三级标题（1.…），却有自己的下级标题；"
                "二级标题下只能再嵌套一级：四级标题（（1）…）请写作段落",
            )


@attrs.frozen(kw_only=True)
class Subsection:
    """A numbered sub-heading (（一）…) and the paragraphs under it.

    ``run_in`` keeps a heading that the report ran into its first paragraph
    ("（一）存在的主要问题。一是……") as one paragraph when written back. ``subsections``
    are its level-3 headings (1.…), printed after its ``paragraphs``; the paragraphs
    after the last level-3 heading are that heading's. A level-3 heading is a
    ``Subsection`` too, with a heading, paragraphs and ``run_in``, and no subsections.
    """

    heading: str = attrs.field(validator=attrs.validators.instance_of(str))
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=check_strings
    )
    run_in: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    subsections: tuple[Subsection, ...] = attrs.field(
        default=(), converter=_subsection_tuple, validator=_level3
    )
    """The level-3 headings (1.…) under this one, in order."""

    @property
    def texts(self) -> tuple[str, ...]:
        """Its paragraphs in print order: its own, then each level-3 heading's (the
        headings left out)."""
        if not self.subsections:
            return self.paragraphs
        return (*self.paragraphs, *(p for s in self.subsections for p in s.paragraphs))

    @property
    def is_empty(self) -> bool:
        """Whether it has no heading and no text (blank ones count as none)."""
        return (
            not self.heading.strip()
            and not any(p.strip() for p in self.paragraphs)
            and all(s.is_empty for s in self.subsections)
        )


@attrs.frozen(kw_only=True)
class Section:
    """One of the six numbered sections, as written.

    ``id`` is the section's id in the format (``overview``, ``proactive``,
    ``applications``, ``review_litigation``, ``problems``, ``other``); ``heading`` is the
    heading as printed, which may be a variant of the standard one. ``paragraphs`` come
    before the first sub-heading, ``closing`` after the last sub-heading's paragraphs
    ("以上为2020年度政府信息公开工作报告……"), belonging to the section rather than to that
    sub-heading. The statistic tables of sections 二–四 live on the report, not here.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    heading: str = attrs.field(validator=attrs.validators.instance_of(str))
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=check_strings
    )
    subsections: tuple[Subsection, ...] = attrs.field(
        default=(), converter=_subsection_tuple, validator=_subsections
    )
    closing: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_strings)
    """Paragraphs after the sub-headings, printed after the last one's paragraphs."""

    @property
    def is_empty(self) -> bool:
        """Whether the section has no text at all (blank paragraphs count as none)."""
        return (
            not any(p.strip() for p in self.paragraphs)
            and all(s.is_empty for s in self.subsections)
            and not any(p.strip() for p in self.closing)
        )

    @property
    def texts(self) -> tuple[str, ...]:
        """The section's paragraphs in print order: its own, each sub-heading's and its
        level-3 headings' (the headings left out), the closing ones."""
        inner = tuple(p for s in self.subsections for p in s.texts)
        return (*self.paragraphs, *inner, *self.closing)


__all__ = ["Section", "Subsection"]
