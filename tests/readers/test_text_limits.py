"""The text reader's cell cap: the table lines of one document hold at most
MAX_DOCUMENT_CELLS cells, as in every reader (each row label costs the table engine a
fuzzy match: 480,000 rows fit in 16 MiB, the cap before, two minutes of work)."""

from __future__ import annotations

from pathlib import Path

from govinfo_report.readers._limits import MAX_DOCUMENT_CELLS
from govinfo_report.readers.text import to_blocks
from readers.bounded import cli_outcome, outcome

_LIMIT = f"the limit is {MAX_DOCUMENT_CELLS} cells per document"
_TITLE = "某县财政局2023年政府信息公开工作年度报告\n一、总体情况\n"
_ROWS = "".join(f"（一）予以公开{r} | 1 | 2\n" for r in range(40_000))
"""120,000 cells in 1.4 MB, each row with a label of its own."""


def test_table_lines_over_the_document_cap_are_refused() -> None:
    setup = (
        "from govinfo_report.readers.text import TextReader\n"
        f"data = ({_TITLE!r} + ''.join(f'（一）予以公开{{r}} | 1 | 2\\n' for r in range(40_000))).encode()"
    )
    kind, message = outcome(setup, "TextReader().read(data, source='rows.txt')")
    assert kind == "ReportReadError"
    assert message.startswith("rows.txt: the table row at line 33336 ")
    assert _LIMIT in message


def test_table_lines_under_the_cap_are_read() -> None:
    blocks = to_blocks(_TITLE + _ROWS[: len(_ROWS) // 4])
    assert len(blocks) == 3


def test_cli_names_the_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.txt"
    path.write_text(_TITLE + _ROWS, encoding="utf-8")
    code, stderr = cli_outcome(["validate", "--lang", "en", str(path)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {path}: the table row at line 33336 ")
    assert _LIMIT in stderr
