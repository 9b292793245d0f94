"""The paragraph cap every reader shares: one document holds at most
MAX_DOCUMENT_PARAGRAPHS paragraphs (a report has a few hundred; before the cap an 8 MiB
page of empty paragraphs took 27 s and 650 MB, a 4 MiB text of one-letter lines 36 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.readers import read_report
from govinfo_report.readers._limits import MAX_DOCUMENT_PARAGRAPHS
from readers.bounded import cli_outcome, outcome

_LIMIT = f"the limit is {MAX_DOCUMENT_PARAGRAPHS} per document"
_TITLE = "某县财政局2023年政府信息公开工作年度报告"


def _html(paragraphs: int) -> bytes:
    return (f"<html><body><p>{_TITLE}</p>" + "<p>x</p>" * paragraphs + "</body></html>").encode()


def _text(lines: int) -> bytes:
    return (_TITLE + "\n一、总体情况\n" + "x\n\n" * lines).encode()


@pytest.mark.parametrize(
    ("reader", "data"),
    [("html", "_html(200_000)"), ("text", "_text(200_000)")],
)
def test_a_document_over_the_paragraph_cap_is_refused(reader: str, data: str) -> None:
    setup = (
        "from govinfo_report.readers import read_report\n"
        f"T = {_TITLE!r}\n"
        f"def _html(n): return (f'<html><body><p>{{T}}</p>' + '<p>x</p>' * n + '</body></html>').encode()\n"
        "def _text(n): return (T + '\\n一、总体情况\\n' + 'x\\n\\n' * n).encode()\n"
        f"data = {data}"
    )
    kind, message = outcome(setup, f"read_report(data, {reader!r}, name='big')")
    assert kind == "ReportReadError"
    assert message.startswith("big has 2000")
    assert _LIMIT in message


def test_a_document_at_the_cap_is_read_past_it() -> None:
    # At the cap the document is read (it is no report, and says so), not refused for size.
    with pytest.raises(ValueError, match="does not look like a report"):
        read_report(_html(MAX_DOCUMENT_PARAGRAPHS - 1), "html", name="at-cap")


def test_cli_names_the_paragraph_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.html"
    path.write_bytes(_html(MAX_DOCUMENT_PARAGRAPHS + 1))
    code, stderr = cli_outcome(["validate", "--lang", "en", str(path)])
    assert code == 2
    assert f"has {MAX_DOCUMENT_PARAGRAPHS + 2} paragraphs" in stderr
    assert _LIMIT in stderr
