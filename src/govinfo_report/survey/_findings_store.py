"""A file's findings as a survey stores them: counted by severity, as rule statuses,
and as findings.jsonl lines packed for the cache (compressed only when long)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.survey._json import line

Counts = tuple[int, int, int]
"""Findings by severity: errors, warnings, notices."""


def counts(findings: Iterable[Finding]) -> Counts:
    """The number of errors, warnings and notices among ``findings``."""
    e = w = n = 0
    for f in findings:
        if f.severity is Severity.ERROR:
            e += 1
        elif f.severity is Severity.WARNING:
            w += 1
        else:
            n += 1
    return e, w, n


def rule_statuses(findings: Iterable[Finding], applied: Iterable[str]) -> dict[str, str]:
    """``pass``/``fail``/``uncertain`` for every rule code in ``applied``.

    ``fail`` when any finding of the code failed, ``uncertain`` when all of them are
    uncertain, ``pass`` when there is none. Codes not applied are left out (``n/a``).
    """
    statuses = dict.fromkeys(applied, "pass")
    for f in findings:
        if f.code not in statuses:
            continue
        if f.status is Status.FAIL:
            statuses[f.code] = "fail"
        elif statuses[f.code] == "pass":
            statuses[f.code] = "uncertain"
    return statuses


_PACK_FROM = 8192
"""Findings lines of at least this many bytes are stored compressed, shorter ones as
they are: zlib's set-up alone costs 40 µs a call, more than a few lines save."""


def findings_jsonl(name: str, findings: Iterable[Finding]) -> bytes:
    """``findings`` as findings.jsonl lines (the file first), packed (:func:`unpack`):
    compressed when long."""
    lines = [line({"file": name, **f.to_dict()}) for f in findings]
    if not lines:
        return b""
    data = b"".join(lines)
    return zlib.compress(data, 1) if len(data) >= _PACK_FROM else data


def unpack(blob: bytes) -> bytes:
    """The findings lines :func:`findings_jsonl` packed: as they are, or decompressed.

    JSON Lines of findings start with ``{``, a zlib stream never does (its first byte
    is 0x78 for the window size zlib.compress uses)."""
    return blob if not blob or blob[:1] == b"{" else zlib.decompress(blob)


__all__ = ["Counts", "counts", "findings_jsonl", "rule_statuses", "unpack"]
