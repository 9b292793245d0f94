"""Numbers in a document's text that int() refuses: a run of 5,000 digits in a table
cell or in section 六 is no count (a finding, or not read), never an internal error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from govinfo_report._fee_text import read_fee
from govinfo_report.formats import CellKind
from govinfo_report.model import BLANK, ProcessingFee
from govinfo_report.readers import read_report
from govinfo_report.readers._cells import parse
from readers.bounded import cli_outcome

FIXTURES = Path(__file__).parent.parent / "fixtures"
SHANGHAI = FIXTURES / "html" / "shanghai_2019.html"
_DIGITS = "9" * 5000


def test_a_count_of_5000_digits_is_no_value() -> None:
    assert parse(_DIGITS, CellKind.COUNT) is None
    assert parse("1" + ",000" * 1700, CellKind.COUNT) is None


def test_a_count_of_18_digits_is_still_read() -> None:
    assert parse("9" * 18, CellKind.COUNT) == 10**18 - 1
    assert parse("999,999,999,999,999,999", CellKind.COUNT) == 10**18 - 1


def test_a_table_cell_of_5000_digits_is_a_cell_finding() -> None:
    page = SHANGHAI.read_text(encoding="utf-8").replace("<td>13</td>", f"<td>{_DIGITS}</td>", 1)
    report, findings = read_report(page.encode(), "html")
    (cell,) = [f for f in findings if f.code == "R.CELL" and f.reported == _DIGITS]
    assert report.proactive[cell.paths[0].removeprefix("proactive.")] is BLANK


def test_a_fee_sentence_with_a_5000_digit_count_reads_the_fee_only() -> None:
    reading = read_fee([f"对{_DIGITS}件申请收取信息处理费120元。"])
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(120))


def test_cli_reads_a_page_with_a_5000_digit_cell(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    page = SHANGHAI.read_text(encoding="utf-8").replace("<td>13</td>", f"<td>{_DIGITS}</td>", 1)
    path.write_text(page, encoding="utf-8")
    code, stderr = cli_outcome(["validate", str(path)])
    assert "error" not in stderr
    assert code in (0, 1)
