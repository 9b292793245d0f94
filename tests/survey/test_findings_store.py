"""A file's findings lines as the survey stores them: what findings.jsonl says of each
finding, packed for the cache and unpacked again unchanged."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
import zstandard

from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.survey._findings_store import findings_jsonl, tally_of, unpack
from govinfo_report.survey._json import line


def _finding(n: int, message: str = "单元格为空") -> Finding:
    return Finding(
        code="B.1",
        severity=Severity.NOTICE,
        status=Status.FAIL,
        message_zh=f"{message} {n}",
        message_en=f"cell {n} is blank",
        paths=(f"applications.row{n}.total", "applications.x"),
        reported="" if n % 2 else Decimal("1.50"),
        computed=n,
        difference=None if n % 3 else -n,
        location=None if n % 5 else f"page {n}",
    )


@pytest.mark.parametrize("many", [1, 300])  # stored as they are; compressed
def test_lines_are_each_findings_dict_after_its_file(many: int) -> None:
    findings = [_finding(n) for n in range(many)]
    packed = findings_jsonl("某局/报告.json", findings)
    expected = b"".join(line({"file": "某局/报告.json", **f.to_dict()}) for f in findings)
    assert unpack(packed) == expected
    assert packed.endswith(expected) is (many == 1)  # long lines are stored compressed
    assert len(packed) < len(expected) / 5 or many == 1
    assert tally_of(packed) == {("B.1", "fail", "notice"): many}


def test_the_tally_counts_each_code_status_and_severity() -> None:
    base = _finding(1)
    findings = [
        base,
        attrs.evolve(base, status=Status.UNCERTAIN, severity=Severity.WARNING),
        attrs.evolve(base, code="T3.1", severity=Severity.ERROR),
        base,
        attrs.evolve(base, code="T3.1", severity=Severity.ERROR),
    ]
    assert tally_of(findings_jsonl("a.json", findings)) == {
        ("B.1", "fail", "notice"): 2,
        ("B.1", "uncertain", "warning"): 1,
        ("T3.1", "fail", "error"): 2,
    }
    assert tally_of(b"") == {}


def test_what_orjson_refuses_is_written_as_before() -> None:
    """A lone surrogate (a file name or message from a broken document) and a count
    beyond 64 bits go through line(), as every line did."""
    big = attrs.evolve(_finding(2), reported=2**70, difference=2**70)
    findings = [_finding(1, "\udc80坏"), _finding(2), big]
    for name in ("a.json", "坏\udc81.json"):
        expected = b"".join(line({"file": name, **f.to_dict()}) for f in findings)
        assert unpack(findings_jsonl(name, findings)) == expected


def test_findings_lines_are_stored_as_they_are_when_short_and_compressed_when_long() -> None:
    one = attrs.evolve(_finding(1), severity=Severity.ERROR)
    short = findings_jsonl("a.json", [one])
    head, body = short.split(b"\n", 1)  # the tally's line, then the lines themselves
    assert head == b'#[["B.1","fail","error",1]]'
    assert body.startswith(b'{"file":"a.json"')
    long = findings_jsonl("a.json", [one] * 100)
    head, body = long.split(b"\n", 1)
    assert head == b'#[["B.1","fail","error",100]]'
    assert zstandard.ZstdDecompressor().decompress(body) == unpack(long)  # a zstd frame
    for packed, n in ((short, 1), (long, 100)):
        lines = unpack(packed).decode().splitlines()
        assert len(lines) == n
        assert json.loads(lines[0]) == {"file": "a.json", **one.to_dict()}
    assert unpack(b"") == b""
    assert findings_jsonl("a.json", []) == b""


def test_a_findings_line_holds_a_number_beyond_64_bits() -> None:
    """orjson writes no integer beyond 64 bits; json writes that line instead."""
    big = attrs.evolve(
        _finding(1), code="T3.1", reported=2**70, computed=-(2**64), difference=2**70 + 2**64
    )
    small = attrs.evolve(big, reported=1, computed=2, difference=-1)
    lines = unpack(findings_jsonl("a.json", [small, big, small])).decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"file": "a.json", **f.to_dict()} for f in (small, big, small)
    ]


def test_a_finding_met_before_is_written_as_it_is_and_no_other_as_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Findings are written from bytes kept by identity: each is kept with them, so that
    no other (made after one is dropped, at the same address) is taken for it."""
    from govinfo_report.survey import _findings_store

    monkeypatch.setattr(_findings_store, "_DUMPED", {})
    monkeypatch.setattr(_findings_store, "_DUMPED_MAX", 3)
    shared = _finding(7)
    for n in range(50):
        transient = _finding(n, message=f"第{n}个")  # dropped at the end of the turn
        got = unpack(findings_jsonl("a.json", [shared, transient]))
        assert got == line({"file": "a.json", **shared.to_dict()}) + line(
            {"file": "a.json", **transient.to_dict()}
        )
    assert len(_findings_store._DUMPED) <= 3
