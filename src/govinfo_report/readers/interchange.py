"""Readers for the interchange files (JSON, YAML, TOML): exact, no findings of their own.

They share :func:`govinfo_report.serialize.decode`, so the size cap and the UTF-8 rule
are the same whether a file comes through ``serialize.load`` or ``read_report``.
"""

from __future__ import annotations

from govinfo_report.readers._registry import ReadResult
from govinfo_report.serialize import Syntax, decode, loads


class _InterchangeReader:
    name: str
    syntax: Syntax
    suffixes: tuple[str, ...]

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        return ReadResult(loads(decode(data, source=source), self.syntax, source=source))


class JsonReader(_InterchangeReader):
    """JSON interchange files."""

    name = "json"
    syntax: Syntax = "json"
    suffixes = (".json",)

    def sniff(self, data: bytes) -> bool:
        head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
        return head.startswith(b"{") and b'"metadata"' in data[:4096]


class YamlReader(_InterchangeReader):
    """YAML interchange files."""

    name = "yaml"
    syntax: Syntax = "yaml"
    suffixes = (".yaml", ".yml")

    def sniff(self, data: bytes) -> bool:
        head = data[:4096].lstrip(b"\xef\xbb\xbf")
        return head.startswith((b"metadata:", b"---\nmetadata:", b"# ")) and b"metadata:" in head


class TomlReader(_InterchangeReader):
    """TOML interchange files."""

    name = "toml"
    syntax: Syntax = "toml"
    suffixes = (".toml",)

    def sniff(self, data: bytes) -> bool:
        return b"[metadata]" in data[:4096]
