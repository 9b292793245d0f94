"""Findings: what a check or a reader found, and what each finding code means.

This module sits below both the checks and the readers, which both produce findings and
describe their codes with the same :class:`RuleInfo` entries; neither imports the other.

A finding names its rule by a stable ``code`` (``T3.1``, ``D.1``, ``R.CELL``…), says how
bad it is (``severity``) and whether the rule surely failed or could not be decided
because an operand was blank or "/" (``status``), in Chinese and English, and points at
every cell it involves (``paths`` such as ``applications.new_received.total``), with the
reported and computed values and their difference where there are numbers.
:class:`RuleInfo` says what a code means, why it matters and how to fix it; the codes
themselves are listed in :mod:`govinfo_report.checks.catalog` and
:mod:`govinfo_report.readers.catalog`, looked up together by
:func:`govinfo_report.describe`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NotRequired, TypedDict

import attrs

from govinfo_report._enums import Severity as Severity
from govinfo_report._enums import Status as Status

Number = int | Decimal
Lang = Literal["zh", "en"]


def _json_number(value: Number | str | None) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    return value


_VALUES: dict[Severity | Status, str] = {m: m.value for m in (*Severity, *Status)}
"""Each severity's and status's value, read without the enum's descriptor (a survey
writes every finding's, a published report has 200)."""


class FindingDict(TypedDict):
    """What :meth:`Finding.to_dict` gives and :meth:`Finding.from_dict` takes: JSON types
    only (numbers stay ints, a ``Decimal`` becomes its string)."""

    code: str
    severity: str
    """``error``, ``warning`` or ``notice``."""
    status: str
    """``fail`` or ``uncertain``."""
    message_zh: str
    message_en: str
    paths: list[str]
    reported: int | str | None
    computed: int | str | None
    difference: int | str | None
    location: NotRequired[str]
    expected: NotRequired[str]
    """Only for a finding of a reader (``line 23``, ``table 3 row 5``)."""


def _number(value: Any, what: str) -> Number | None:
    """A computed value or difference from JSON: an int, a Decimal's string, or None."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            pass
        else:
            if number.is_finite():
                return number
    raise ValueError(f"{what} must be an int, a decimal string or null, got {value!r}")


@attrs.frozen(kw_only=True)
class Finding:
    """One problem, precisely located.

    ``paths`` lists every operand (``table.row.column`` for cells, ``metadata.field`` or
    ``sections[3]`` elsewhere), the checked cell first. ``reported`` is what the report
    says, ``computed`` what the rule derives from the other operands, ``difference`` is
    ``reported - computed``. ``location`` says where in a source document a reader
    found the problem (``line 23``, ``table 3 row 5``), when it came from a reader.
    ``expected`` is what the rule required where that is not a number: Y.1's deadline
    (an ISO date, with ``difference`` the days late).
    """

    code: str
    severity: Severity
    status: Status
    message_zh: str
    message_en: str
    paths: tuple[str, ...] = ()
    reported: Number | str | None = None
    computed: Number | None = None
    difference: Number | None = None
    location: str | None = None
    expected: str | None = None

    def message(self, lang: Lang = "zh") -> str:
        """The message in Chinese (``"zh"``) or English (``"en"``)."""
        return self.message_en if lang == "en" else self.message_zh

    def location_in(self, lang: Lang = "zh") -> str | None:
        """:attr:`location` for a reader of ``lang``: ``"table 3 row 5"`` is
        ``"第 3 个表格第 5 行"`` in Chinese, and as recorded in English; None when the
        finding has no location."""
        if self.location is None:
            return None
        from govinfo_report._locations import location_in

        return location_in(self.location, lang)

    def to_dict(self) -> FindingDict:
        """A JSON-ready dict (numbers stay ints; Decimals become strings)."""
        data: FindingDict = {
            "code": self.code,
            "severity": _VALUES[self.severity],
            "status": _VALUES[self.status],
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "paths": list(self.paths),
            "reported": _json_number(self.reported),
            "computed": _json_number(self.computed),
            "difference": _json_number(self.difference),
        }
        if self.location is not None:
            data["location"] = self.location
        if self.expected is not None:
            data["expected"] = self.expected
        return data

    @classmethod
    def from_dict(cls, data: FindingDict | Mapping[str, Any]) -> Finding:
        """The finding :meth:`to_dict` gave ``data`` for (from JSON, JSON Lines, a
        survey's ``findings.jsonl``: extra keys such as ``file`` are ignored).

        ``computed`` and ``difference`` come back as ints or Decimals. ``reported`` is
        what the report says, a number or a text: a string stays a string, so an amount
        of money reported as ``Decimal("7730.28")`` comes back as ``"7730.28"``.

        Raises:
            KeyError: a key :meth:`to_dict` always writes is missing.
            ValueError: a severity, status or number that no finding has.
        """
        reported = data["reported"]
        if isinstance(reported, bool) or not isinstance(reported, int | str | None):
            raise ValueError(f"reported must be an int, a string or null, got {reported!r}")
        paths = data["paths"]
        if not isinstance(paths, list | tuple) or not all(isinstance(p, str) for p in paths):
            raise ValueError(f"paths must be a list of strings, got {paths!r}")
        location, expected = data.get("location"), data.get("expected")
        return cls(
            code=str(data["code"]),
            severity=Severity(data["severity"]),
            status=Status(data["status"]),
            message_zh=str(data["message_zh"]),
            message_en=str(data["message_en"]),
            paths=tuple(paths),
            reported=reported,
            computed=_number(data["computed"], "computed"),
            difference=_number(data["difference"], "difference"),
            location=None if location is None else str(location),
            expected=None if expected is None else str(expected),
        )

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        """Severity first, then code, then paths: a deterministic order."""
        return (self.severity.rank, self.code, self.paths)


@attrs.frozen(kw_only=True)
class RuleInfo:
    """What a finding code means, in both languages.

    ``severity`` is the severity of a failure; a finding whose status is "uncertain"
    (an operand was blank or "/") is one notch lower (error → warning → notice). The
    readers describe their codes with the same entries
    (:mod:`govinfo_report.readers.catalog`), ``severity`` being the most severe they give.
    """

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    meaning_zh: str
    meaning_en: str
    why_zh: str
    why_en: str
    fix_zh: str
    fix_en: str

    def title(self, lang: Lang = "zh") -> str:
        """The short title in Chinese (``"zh"``) or English (``"en"``)."""
        return self.title_en if lang == "en" else self.title_zh

    def fix(self, lang: Lang = "zh") -> str:
        """How to fix it, in Chinese (``"zh"``) or English (``"en"``)."""
        return self.fix_en if lang == "en" else self.fix_zh


def entry(catalog: Mapping[str, RuleInfo], code: str, what: str = "finding code") -> RuleInfo:
    """``catalog[code]``, or a KeyError that lists the codes ``catalog`` has.

    The one lookup behind every ``describe`` (the checks', the readers', the merged one).
    """
    try:
        return catalog[code]
    except KeyError:
        raise KeyError(f"unknown {what} {code!r}; expected one of {', '.join(catalog)}") from None


__all__ = [
    "Finding",
    "FindingDict",
    "Lang",
    "Number",
    "RuleInfo",
    "Severity",
    "Status",
    "entry",
]
