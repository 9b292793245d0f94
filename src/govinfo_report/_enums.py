"""The library's plain enumerations, in a module that imports nothing of the library.

:class:`FormatVersion`, :class:`AgencyKind`, :class:`Severity` and :class:`Status` are
offered by their homes (:mod:`govinfo_report.formats`, :mod:`govinfo_report.model`,
:mod:`govinfo_report.findings`) and defined here, so that the command line's parser can
list their values (``--format``, ``--kind``, ``--min-severity``) without loading attrs,
the format declarations or the model: ``govinfo-report --help`` stays a fast start-up.
"""

from __future__ import annotations

import enum


class FormatVersion(enum.Enum):
    """Which statutory format a report uses."""

    V2019 = "2019"
    """《年度报告格式（试行）》, 国办公开办函〔2019〕60号: reports on 2019 and 2020."""
    V2021 = "2021"
    """《年度报告格式》, 国办公开办函〔2021〕30号: reports on 2021 onward."""


class AgencyKind(enum.Enum):
    """What kind of agency publishes the report; it decides deadline and required content."""

    GOVERNMENT = "government"
    """县级以上地方人民政府 (本级人民政府): published by 3月31日; must cover 考核、评议、追究."""
    DEPARTMENT = "department"
    """县级以上人民政府部门: published by 1月31日."""
    TOWNSHIP = "township"
    """乡镇人民政府、街道办事处: deadline set locally; a 人民政府 all the same."""
    OTHER = "other"
    """Any other body (e.g. a 派出机构 or public institution that reports on its own)."""

    @property
    def label(self) -> str:
        """The Chinese name of the kind."""
        return _AGENCY_KIND_LABELS[self]


_AGENCY_KIND_LABELS = {
    AgencyKind.GOVERNMENT: "本级人民政府",
    AgencyKind.DEPARTMENT: "政府部门",
    AgencyKind.TOWNSHIP: "乡镇人民政府、街道办事处",
    AgencyKind.OTHER: "其他",
}


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

    @property
    def label(self) -> str:
        """The Chinese name of the severity: 错误, 警告 or 提示."""
        return _SEVERITY_LABELS[self]

    def label_in(self, lang: str = "zh") -> str:
        """The name in Chinese (``"zh"``: 错误, 警告, 提示) or English (``"en"``: its value)."""
        return self.value if lang == "en" else _SEVERITY_LABELS[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}
_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.NOTICE: "提示"}


class Status(enum.Enum):
    """Whether a rule surely failed."""

    FAIL = "fail"
    """The rule was evaluated on numbers and does not hold."""
    UNCERTAIN = "uncertain"
    """The rule could not be decided: an operand is blank or "/", or a value could not be read."""
