"""A file's findings as a survey stores them: counted by severity, as rule statuses,
and as findings.jsonl lines packed for the cache (compressed only when long)."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import orjson
import zstandard

from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.survey._json import line

Counts = tuple[int, int, int]
"""Findings by severity: errors, warnings, notices."""


def counts(findings: Iterable[Finding]) -> Counts:
    """The number of errors, warnings and notices among ``findings``."""
    e = w = n = 0
    error, warning = Severity.ERROR, Severity.WARNING  # a member read once, not per finding
    for f in findings:
        severity = f.severity
        if severity is error:
            e += 1
        elif severity is warning:
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
    fail = Status.FAIL
    for f in findings:
        code = f.code
        if code not in statuses:
            continue
        if f.status is fail:
            statuses[code] = "fail"
        elif statuses[code] == "pass":
            statuses[code] = "uncertain"
    return statuses


_PACK_FROM = 8192
"""Findings lines of at least this many bytes are stored compressed, shorter ones as
they are: a few lines save less than compressing them costs."""
_LEVEL = 1
"""zstd's fastest level: a published report's 200 findings (150 KB of lines) in 60 µs
and 8 KB, where zlib's fastest took 210 µs for 9.7 KB."""
_LOCAL = threading.local()
"""Each thread's compressor and decompressor (one is not to be shared between threads;
making one costs 8 µs, a tenth of compressing a report's findings)."""


Tally = dict[tuple[str, str, str], int]
"""Findings by (code, status, severity): what the dashboard counts of findings.jsonl."""


def findings_jsonl(name: str, findings: Iterable[Finding]) -> bytes:
    """``findings`` as findings.jsonl lines (the file first), packed (:func:`unpack`):
    compressed when long, after a line that tallies them (:func:`tally_of`)."""
    findings = list(findings)
    # Each line is {"file": name, **finding.to_dict()}: the file's key and value written
    # once and put before each finding's own object, the bytes orjson writes for the
    # whole (compact, no spaces) without a dict per finding. Whatever orjson refuses
    # (a lone surrogate, a count beyond 64 bits) goes through line(), as before.
    try:
        head: bytes | None = b'{"file":' + orjson.dumps(name) + b","
    except TypeError:
        head = None
    lines = []
    for finding in findings:
        if head is not None:
            try:
                lines.append(head + _dumped(finding))
                continue
            except TypeError:
                pass
        lines.append(line({"file": name, **finding.to_dict()}))
    if not lines:
        return b""
    packed = b"".join(lines)
    body = _compressor().compress(packed) if len(packed) >= _PACK_FROM else packed
    return b"#" + orjson.dumps([[*key, n] for key, n in _tallied(findings).items()]) + b"\n" + body


def _tallied(findings: Iterable[Finding]) -> Tally:
    # Keyed by what hashes in C (a string, a bool, an int), not by the enum members
    # (whose hash is a Python call), and their values put in at the end.
    fail, error, warning = Status.FAIL, Severity.ERROR, Severity.WARNING
    counted: dict[tuple[str, bool, int], int] = {}
    for f in findings:
        severity = f.severity
        key = (
            f.code,
            f.status is fail,
            0 if severity is error else 1 if severity is warning else 2,
        )
        counted[key] = counted.get(key, 0) + 1
    return {
        (code, _STATUS_VALUES[failed], _SEVERITY_VALUES[rank]): n
        for (code, failed, rank), n in counted.items()
    }


_STATUS_VALUES = {True: Status.FAIL.value, False: Status.UNCERTAIN.value}
_SEVERITY_VALUES = (Severity.ERROR.value, Severity.WARNING.value, Severity.NOTICE.value)


def tally_of(blob: bytes) -> Tally:
    """How many findings of each (code, status, severity) a packed blob holds, read
    from its first line: the survey's dashboard counts them so, without reading the
    lines again (a published report has 200)."""
    if not blob:
        return {}
    head = blob[1 : blob.index(b"\n")]
    return {(code, status, severity): n for code, status, severity, n in orjson.loads(head)}


_DUMPED: dict[int, tuple[Finding, bytes]] = {}
"""Findings met lately, by identity, with the bytes after the ``{`` of their orjson
dump: a blank cell's finding is one value for every report (the checks make it once),
and a published report has a hundred. The finding is kept with its bytes, so that its
identity is not another's while it is here."""
_DUMPED_MAX = 4096


def _dumped(finding: Finding) -> bytes:
    """``orjson.dumps(finding.to_dict())`` without its ``{``, a line's end after it.

    Raises:
        TypeError: orjson cannot write it (a lone surrogate, a count beyond 64 bits).
    """
    kept = _DUMPED.get(id(finding))
    if kept is not None and kept[0] is finding:
        return kept[1]
    dumped = orjson.dumps(finding.to_dict(), option=orjson.OPT_APPEND_NEWLINE)[1:]
    if len(_DUMPED) >= _DUMPED_MAX:
        _DUMPED.clear()  # the shared findings come back at once; the others do not
    _DUMPED[id(finding)] = (finding, dumped)
    return dumped


def unpack(blob: bytes) -> bytes:
    """The findings lines :func:`findings_jsonl` packed: as they are, or decompressed.

    After the tally's line (JSON, which holds no line feed), JSON Lines of findings
    start with ``{``, a zstd frame never does (it starts with its magic number,
    28 B5 2F FD)."""
    if not blob:
        return blob
    body = blob[blob.index(b"\n") + 1 :]
    return body if body[:1] == b"{" else _decompressor().decompress(body)


def _compressor() -> zstandard.ZstdCompressor:
    made: zstandard.ZstdCompressor | None = getattr(_LOCAL, "compressor", None)
    if made is None:
        made = _LOCAL.compressor = zstandard.ZstdCompressor(level=_LEVEL)
    return made


def _decompressor() -> zstandard.ZstdDecompressor:
    made: zstandard.ZstdDecompressor | None = getattr(_LOCAL, "decompressor", None)
    if made is None:
        made = _LOCAL.decompressor = zstandard.ZstdDecompressor()
    return made


__all__ = ["Counts", "Tally", "counts", "findings_jsonl", "rule_statuses", "tally_of", "unpack"]
