"""The Markdown reader on hostile or broken input: a report with findings or a clear
ReportReadError/ReportLoadError, never another exception, and bounded input size."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import blank_report, fill_totals, render
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import MAX_SOURCE_BYTES, read_report
from govinfo_report.readers.markdown import MarkdownReader
from readers.fuzzing import read_or_refuse, splice

READER = MarkdownReader()


def _read_or_refuse(data: bytes) -> None:
    read_or_refuse(READER, data, "fuzz.md")


_REPORT = render(fill_totals(blank_report(year=2023, agency="某县财政局", fill=3)), "markdown")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes_never_crash(data: bytes) -> None:
    _read_or_refuse(b"# \xe6\x94\xbf\xe5\xba\x9c 2023\xe5\xb9\xb4\n\n" + data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_REPORT)),
            st.integers(0, 300),
            st.sampled_from([b"", b"|", b"---\n", b"\n", b"**", b"<td rowspan=9>", b"#", b"\xff"]),
        ),
        max_size=8,
    )
)
def test_fuzz_mutated_report_never_crashes(edits: list[tuple[int, int, bytes]]) -> None:
    _read_or_refuse(splice(_REPORT, edits))


def test_deeply_nested_markdown_is_a_result_or_a_clear_error() -> None:
    _read_or_refuse(_REPORT + b"\n" + b"> " * 50_000 + b"x\n" + b"- " * 20_000 + b"y\n")


def test_input_over_the_size_cap_is_refused_before_parsing() -> None:
    with pytest.raises(ReportReadError, match="larger than"):
        read_report(b"#" * (MAX_SOURCE_BYTES + 1), "markdown")


def test_the_fuzzed_report_reads_cleanly_before_it_is_mutated() -> None:
    # Otherwise the mutation test would only ever exercise the refusal path.
    assert READER.read(_REPORT, source="clean.md").findings == ()
