"""Recognising a report in JSON, YAML or TOML by parsing it, never by its first bytes.

Without a telling suffix (bytes, standard input, a file named ``report``), a document
is an interchange report when it parses, in that syntax, to a mapping whose ``metadata``
is a mapping: where ``metadata`` comes in the file, what precedes it (a blank line, a
comment, ``%YAML 1.1``, ``--- # c``, a long intro) and how its keys are ordered do not
matter. That test is also what keeps flattened text out: almost any text is valid YAML
(a plain string), but not a mapping with a ``metadata`` mapping.

Parsing is bounded: the registry asks only when the cheap signatures of the document
readers (a DOCX zip, HTML markup) do not match; nothing over the interchange cap
(:data:`~govinfo_report.serialize.MAX_INPUT_BYTES`) is parsed; JSON is parsed only when
it starts with ``{``, YAML and TOML only when ``metadata`` occurs anywhere in them as
that syntax writes a key (``metadata:``; ``[metadata]``, ``metadata =``): a report's top
level names it, and flattened text, which is almost always valid YAML, is seldom
scanned. A report that spells the key with escapes or as ``? metadata`` needs a suffix
or a named format.

A document that does not parse, or parses to something else, but names a top-level
``metadata`` the way this syntax does (a ``metadata:`` line, a ``[metadata]`` table, a
``{`` ... ``"metadata"`` object) is still taken as this syntax, so that reading it
reports the syntax error, the duplicate key or the missing field, instead of the text
reader finding no report in it.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from govinfo_report._parse import is_report_tree
from govinfo_report.errors import ReportLoadError
from govinfo_report.serialize import MAX_INPUT_BYTES, Syntax, decode, parse

_JSON_OBJECT = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*\{")
# The key as each syntax writes it, anywhere: `metadata:` (YAML, block or flow),
# `[metadata]`, `metadata =`, `metadata.agency =` (TOML).
_KEY: dict[Syntax, re.Pattern[bytes]] = {
    "yaml": re.compile(rb"""metadata["']?[ \t]*:"""),
    "toml": re.compile(rb"""metadata["']?[ \t]*[\].=]"""),
}
_SIGNATURES: dict[Syntax, re.Pattern[bytes]] = {
    "json": re.compile(rb'"metadata"[ \t\r\n]*:'),
    "yaml": re.compile(rb"""(?m)^(?:metadata|"metadata"|'metadata')[ \t]*:(?:[ \t]|\r?$)"""),
    "toml": re.compile(
        rb"""(?m)^[ \t]*(?:\[[ \t]*(?:metadata|"metadata"|'metadata')[ \t]*\]"""
        rb"""|(?:metadata|"metadata"|'metadata')[ \t]*[=.])"""
    ),
}


@attrs.frozen
class Parsed:
    """A document recognised as a report in one syntax.

    ``tree`` is what it parsed to, or ``None`` when it only names its ``metadata`` as a
    report does but does not parse to a report: reading it again then says why.
    """

    tree: Any


def _may_be(data: bytes, syntax: Syntax) -> bool:
    """The cheap necessary condition for ``data`` to be a report in ``syntax``."""
    if syntax == "json":
        return _JSON_OBJECT.match(data) is not None
    return b"metadata" in data and _KEY[syntax].search(data) is not None


def _names_metadata(data: bytes, syntax: Syntax) -> bool:
    return _may_be(data, syntax) and _SIGNATURES[syntax].search(data) is not None


def recognise(data: bytes, syntax: Syntax) -> Parsed | None:
    """``data`` as a report in ``syntax``, or ``None`` if it is not one."""
    if not _may_be(data, syntax):
        return None
    if len(data) > MAX_INPUT_BYTES:  # never parsed; reading it says it is too large
        return Parsed(None) if _names_metadata(data, syntax) else None
    try:
        tree = parse(decode(data), syntax)
    except ReportLoadError:
        tree = None
    if is_report_tree(tree):
        return Parsed(tree)
    return Parsed(None) if _names_metadata(data, syntax) else None
