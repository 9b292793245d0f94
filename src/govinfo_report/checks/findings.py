"""Findings: what a check or a reader found, as frozen, JSON-serializable values.

A finding names its rule by a stable ``code`` (``T3.1``, ``D.1``, ``R.CELL``…), says how
bad it is (``severity``) and whether the rule surely failed or could not be decided
because an operand was blank or "/" (``status``), in Chinese and English, and points at
every cell it involves (``paths`` such as ``applications.new_received.total``), with the
reported and computed values and their difference where there are numbers.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Literal

import attrs

Number = int | Decimal
Lang = Literal["zh", "en"]


class Severity(enum.Enum):
    """How much a finding matters."""

    ERROR = "error"
    """The report is wrong: a broken 勾稽关系, an impossible value, the wrong format."""
    WARNING = "warning"
    """Probably wrong or missing; a person should look."""
    NOTICE = "notice"
    """Worth knowing (a blank cell, a label variant); not a fault by itself."""

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for notices: the order findings are shown in."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


class Status(enum.Enum):
    """Whether a rule surely failed."""

    FAIL = "fail"
    """The rule was evaluated on numbers and does not hold."""
    UNCERTAIN = "uncertain"
    """The rule could not be decided: an operand is blank or "/", or a value could not be read."""


def _json_number(value: Number | str | None) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    return value


@attrs.frozen(kw_only=True)
class Finding:
    """One problem, precisely located.

    ``paths`` lists every operand (``table.row.column`` for cells, ``metadata.field`` or
    ``sections[3]`` elsewhere), the checked cell first. ``reported`` is what the report
    says, ``computed`` what the rule derives from the other operands, ``difference`` is
    ``reported - computed``. ``location`` says where in a source document a reader
    found the problem (``line 23``, ``table 3 row 5``), when it came from a reader.
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

    def message(self, lang: Lang = "zh") -> str:
        """The message in Chinese (``"zh"``) or English (``"en"``)."""
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (numbers stay ints; Decimals become strings)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "status": self.status.value,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "paths": list(self.paths),
            "reported": _json_number(self.reported),
            "computed": _json_number(self.computed),
            "difference": _json_number(self.difference),
        }
        if self.location is not None:
            data["location"] = self.location
        return data

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        """Severity first, then code, then paths: a deterministic order."""
        return (self.severity.rank, self.code, self.paths)
