"""Exceptions raised by govinfo-report.

Everything derives from :class:`GovinfoReportError`; each subclass also inherits the
builtin that fits, so ``except ValueError`` keeps working for callers who do not know
this library. Every error is defined here and exported from the package root; the
modules that raise them re-export them where they were first documented
(``govinfo_report.checks.PreviousReportMismatch``,
``govinfo_report.model.cells.AmountRangeError``).
"""

from __future__ import annotations

from collections.abc import Sequence

# Not typing.TYPE_CHECKING: importing typing is 2 ms of every start-up (`--help`), and
# mypy reads a constant of this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from govinfo_report._load_messages import LoadProblem
    from govinfo_report.findings import Lang


class GovinfoReportError(Exception):
    """Root of every error this library raises on purpose.

    Its text (``str(exc)``) is in English. Where the library words it in Chinese too,
    ``zh`` holds that text, and :meth:`message` gives either: the command line says an
    error in the language of ``--lang``, and a Python tool may do the same.
    """

    zh: str | None = None
    """The error in Chinese; None where it is only worded in English."""

    def __init__(self, *args: object, zh: str | None = None) -> None:
        super().__init__(*args)
        if zh is not None:
            self.zh = zh

    def message(self, lang: Lang = "zh") -> str:
        """The error in Chinese (``"zh"``) or English (``"en"``); in English where it
        has no Chinese wording."""
        if lang != "en" and self.zh is not None:
            return self.zh
        return str(self) or type(self).__name__


class UnknownFormatError(GovinfoReportError, LookupError):
    """A format version, output format or input format name that does not exist."""


class UnknownOptionError(GovinfoReportError, TypeError):
    """A writer (or other component) given an option it does not have.

    ``options`` lists the options it has; the message names them all.
    """

    def __init__(
        self, what: str, option: str, options: Sequence[str], *, what_zh: str | None = None
    ) -> None:
        self.what = what
        self.option = option
        self.options = tuple(options)
        has = f"its options are: {', '.join(self.options)}" if self.options else "it has none"
        has_zh = f"它的选项有：{'、'.join(self.options)}" if self.options else "它没有选项"
        super().__init__(
            f"{what} has no option {option!r}; {has}",
            zh=f"{what if what_zh is None else what_zh}没有选项 {option!r}；{has_zh}",
        )


class ReportLoadError(GovinfoReportError, ValueError):
    """An input file could not be turned into a report.

    ``problems`` lists every problem found, each with its path
    (``expected int @ $.applications.new_received.natural_person``).
    """

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"cannot load {source}: {len(self.problems)} problem(s)\n{listed}")

    @property
    def details(self) -> tuple[LoadProblem, ...]:
        """Each problem with its message in English and Chinese and its path apart."""
        from govinfo_report._load_messages import load_problem

        return tuple(load_problem(p) for p in self.problems)

    def message(self, lang: Lang = "zh") -> str:
        """The error in Chinese (``"zh"``) or English (``"en"``), the problems listed."""
        from govinfo_report._load_messages import load_error_text

        return load_error_text(self.source, self.details, lang)


class ReportValueError(GovinfoReportError, ValueError):
    """A report field set to a value no report can have (a year outside 1–9998)."""


class AmountRangeError(ReportValueError):
    """An amount with more digits than any report states.

    See :data:`govinfo_report.model.cells.MAX_INTEGER_DIGITS` and
    :data:`~govinfo_report.model.cells.MAX_DECIMAL_PLACES`.
    """


class PreviousReportMismatch(GovinfoReportError, ValueError):
    """``previous=`` is not the same agency's report on the year before."""


class SurveyError(GovinfoReportError, ValueError):
    """A survey cannot run: nothing to survey, or an output folder that is not one."""


class ReportWriteError(GovinfoReportError, OSError):
    """An output could not be written (bad template, unwritable destination, ...)."""


class ReportReadError(GovinfoReportError, ValueError):
    """A published document could not be read as a report (not a report, corrupt, too big)."""
