"""reports.xlsx's writer: a workbook spreadsheet programs read back exactly, and reproducibly."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report.survey._xlsx import Sheet, column_letters, write_xlsx

openpyxl = pytest.importorskip("openpyxl")

HEADER = ["file", "agency", "year", "rate", "note"]
ROWS = [
    ["a.json", "<script>alert(1)</script> & 局", 2021, Decimal("0.5072"), None],
    ["b.docx", " 前后有空格 ", 2022, None, 'say "hi"'],
    ["c.md", "控制\x01字符\x0b", 0, Decimal("1"), "/"],
]


def _read(path: Path) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        # Read-only sheets end a row at its last value: pad to the header's width.
        rows = workbook["reports"].iter_rows(values_only=True)
        return [(*r, *(None,) * (len(HEADER) - len(r))) for r in rows]
    finally:
        workbook.close()


def test_every_value_reads_back_typed(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(path, "reports", HEADER, ROWS)
    rows = _read(path)
    assert rows[0] == tuple(HEADER)
    assert rows[1] == ("a.json", "<script>alert(1)</script> & 局", 2021, 0.5072, None)
    assert rows[2] == ("b.docx", " 前后有空格 ", 2022, None, 'say "hi"')
    # Characters XML cannot hold become U+FFFD rather than a broken workbook.
    assert rows[3] == ("c.md", "控制\ufffd字符\ufffd", 0, 1, "/")


def test_more_sheets_follow_the_first_with_their_widths(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    notes = Sheet(
        "列说明", ["列", "说明"], [["file", "文件 & 路径"], ["year", "年度"]], (12.0, 60.0)
    )
    write_xlsx(path, "reports", HEADER, ROWS, more=[notes])
    assert _read(path)[0] == tuple(HEADER)  # the first sheet as before
    workbook = openpyxl.load_workbook(path)
    try:
        assert workbook.sheetnames == ["reports", "列说明"]
        sheet = workbook["列说明"]
        assert [tuple(c.value for c in row) for row in sheet.iter_rows()] == [
            ("列", "说明"),
            ("file", "文件 & 路径"),
            ("year", "年度"),
        ]
        assert (sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width) == (
            12.0,
            60.0,
        )
        assert sheet["A1"].font.b  # the header bold, as the first sheet's
    finally:
        workbook.close()
    with zipfile.ZipFile(path) as package:  # the first sheet keeps the default widths
        assert b"<cols>" not in package.read("xl/worksheets/sheet1.xml")
        assert b"<cols>" in package.read("xl/worksheets/sheet2.xml")


def test_the_same_rows_give_the_same_bytes(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx", "reports", HEADER, ROWS)
    write_xlsx(tmp_path / "b.xlsx", "reports", HEADER, ROWS)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_many_rows_are_all_there(tmp_path: Path) -> None:
    rows = [[f"f{i}.json", "局", i, None, None] for i in range(3000)]
    write_xlsx(tmp_path / "r.xlsx", "reports", HEADER, rows)
    back = _read(tmp_path / "r.xlsx")
    assert len(back) == 3001
    assert back[-1][:3] == ("f2999.json", "局", 2999)


@pytest.mark.parametrize(
    ("n", "letters"),
    [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")],
)
def test_column_letters(n: int, letters: str) -> None:
    assert column_letters(n) == letters
