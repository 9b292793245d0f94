"""Readers for the interchange files (JSON, YAML, TOML): exact, no findings of their own.

They share :func:`govinfo_report.serialize.decode` and :func:`~govinfo_report.serialize.loads`,
so the size cap, the UTF-8 rule, duplicate keys and "valid JSON, but not a report" are
the same whether a file comes through ``serialize.load`` or ``read_report``. Without a
suffix they recognise a document by parsing it (:mod:`govinfo_report.readers._sniff`),
and detection hands over what it parsed, so a document is parsed once.
"""

from __future__ import annotations

from govinfo_report.readers._registry import ReadResult
from govinfo_report.readers._sniff import Parsed, recognise
from govinfo_report.serialize import Syntax, decode, from_data, loads


class _InterchangeReader:
    name: str
    syntax: Syntax
    suffixes: tuple[str, ...]

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` parses as a report in this syntax (see :meth:`recognise`)."""
        return self.recognise(data) is not None

    def recognise(self, data: bytes) -> Parsed | None:
        """``data`` parsed as a report in this syntax, or ``None`` if it is not one."""
        return recognise(data, self.syntax)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in ``data``.

        Raises:
            ReportLoadError: not UTF-8, too large, a syntax error, a duplicate key, not
                a report, or every structural problem with its path.
        """
        return ReadResult(loads(decode(data, source=source), self.syntax, source=source))

    def read_recognised(self, data: bytes, parsed: Parsed, *, source: str) -> ReadResult:
        """The report in ``data``, which :meth:`recognise` has already parsed."""
        if parsed.tree is None:
            return self.read(data, source=source)  # not a report after all: say why
        return ReadResult(from_data(parsed.tree, source=source))


class JsonReader(_InterchangeReader):
    """JSON interchange files."""

    name = "json"
    syntax: Syntax = "json"
    suffixes = (".json",)


class YamlReader(_InterchangeReader):
    """YAML interchange files."""

    name = "yaml"
    syntax: Syntax = "yaml"
    suffixes = (".yaml", ".yml")


class TomlReader(_InterchangeReader):
    """TOML interchange files."""

    name = "toml"
    syntax: Syntax = "toml"
    suffixes = (".toml",)
