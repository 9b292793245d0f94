"""Table 4 with every cell blank: its line of values is there, empty, not missing.

Table 4 prints its three rows side by side as one line of 15 values under a header.
When that line is blank (a report not yet filled in, an agency that had no case), the
grid still has it: the readers must read three blank rows, not report them missing
(R.ROW_MISSING), and our own documents must read back as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import blank_report, render
from govinfo_report.model import BLANK
from govinfo_report.readers import get_reader, read_report


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize(("writer", "suffix"), [("docx", ".docx"), ("xlsx", ".xlsx")])
def test_a_blank_report_reads_back_from_our_documents_without_findings(
    tmp_path: Path, version: str, writer: str, suffix: str
) -> None:
    report = blank_report(version, agency="某某区人民政府办公室", year=2020)
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(render(report, writer))
    result = read_report(path)
    assert [f.code for f in result.findings] == []
    assert result.report.review_litigation == report.review_litigation
    assert result.report.applications == report.applications
    assert result.report.proactive == report.proactive


def test_a_blank_table4_in_a_document_made_elsewhere_is_read_blank_not_missing() -> None:
    report = blank_report(agency="某某区人民政府办公室", year=2023)
    markdown = render(report, "markdown", tables="html").decode()
    # Without our front matter the document is one made elsewhere: the shared engine
    # reads its HTML tables as it reads a portal page's.
    body = markdown[markdown.index("\n---\n", 4) + len("\n---\n") :]
    assert "<table>" in body
    result = get_reader("markdown").read(body.encode(), source="page.md")
    codes = {f.code for f in result.findings}
    assert "R.ROW_MISSING" not in codes
    assert "R.CELL" not in codes
    assert set(result.report.review_litigation.values) == {BLANK}
