"""The front matter of a Markdown report: ours gives what the body does not print.

YAML between ``---`` lines at the very top. Only a front matter that carries our key
(:data:`~govinfo_report._markdown_conventions.FRONT_MATTER_KEY`) is ours: it gives the format
version, the year and the agency (checked here, each on its own, so that one bad item
does not discard the others) and the unprinted fields, which :mod:`._md_document`
hands the engine as a :class:`~govinfo_report.readers._known.Known`. Someone else's
front matter (a static site generator's) is ignored. A problem with ours is a finding
(``R.MARKDOWN.FRONT_MATTER``), never an error: the body is still read. YAML aliases are
refused, as in a report file: a kilobyte of nested aliases (billion laughs) expands to
gigabytes once structured.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs
import yaml

from govinfo_report import _embedded
from govinfo_report._markdown_conventions import FRONT_MATTER_KEY
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import FormatVersion
from govinfo_report.readers._findings import finding

FRONT_MATTER: Final = "R.MARKDOWN.FRONT_MATTER"
"""Finding code: our front matter is present but (partly) unusable, or disagrees with the
title; the item was ignored and the body read."""

_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_EMBEDDED_KEYS: Final = (
    "agency_kind",
    "publication_date",
    "contact",
    "processing_fee",
    _embedded.CLOSING,
    _embedded.LEVEL3_RUN_IN,
    "printed",
)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OURS = re.compile(rf"^{re.escape(FRONT_MATTER_KEY)}\s*:", re.MULTILINE)
"""Our key at the top level: how a front matter with aliases is told to be ours."""


@attrs.define
class Front:
    """What our front matter says, checked."""

    ours: bool = False
    version: FormatVersion | None = None
    year: int | None = None
    agency: str | None = None
    embedded: dict[str, Any] = attrs.Factory(dict)


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, the rest, lines taken by the front matter)."""
    if not text.startswith("---\n"):
        return None, text, 0
    end = _END.search(text, 4)
    if end is None:
        return None, text, 0
    yaml_text = text[4 : end.start()]
    rest = text[end.end() :]
    return yaml_text, rest.removeprefix("\n"), yaml_text.count("\n") + 2


def problem(source: str, what: str) -> Finding:
    """The finding for an item of our front matter that was ignored."""
    return finding(
        FRONT_MATTER,
        Severity.WARNING,
        f"文首元数据（front matter）有误，已忽略相关项：{what}",
        f"the front matter has a problem and the item was ignored: {what}",
        paths=("metadata",),
        location=f"{source}: front matter",
        uncertain=True,
    )


def read(text: str | None, source: str, findings: list[Finding]) -> Front:
    """What the front matter ``text`` says; its problems are appended to ``findings``."""
    front = Front()
    if text is None:
        return front
    try:
        # Parsing yields each alias once, as an event; nothing is expanded yet.
        aliased = any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=_LOADER))
        if aliased:
            if _OURS.search(text) is not None:
                findings.append(problem(source, "YAML aliases (*name) are not allowed"))
            return front
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        findings.append(problem(source, f"not YAML: {exc}"))
        return front
    if not isinstance(data, dict) or FRONT_MATTER_KEY not in data:
        return front  # someone else's front matter (a static site generator's, say)
    front.ours = True
    problems = []
    version = data.get("format_version")
    if version is not None:
        try:
            front.version = FormatVersion(str(version))
        except ValueError:
            problems.append(f"format_version {version!r} is not '2019' or '2021'")
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        front.year = year
    elif year is not None:
        problems.append(f"year {year!r} is not a whole number")
    agency = data.get("agency")
    if isinstance(agency, str):
        front.agency = agency
    elif agency is not None:
        problems.append(f"agency {agency!r} is not text")
    front.embedded = {"version": data[FRONT_MATTER_KEY]} | {
        k: v for k, v in data.items() if k in _EMBEDDED_KEYS
    }
    findings.extend(problem(source, p) for p in problems)
    return front
