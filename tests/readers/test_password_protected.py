"""Word 97-2003 documents and Excel 97-2003 workbooks encrypted with a password.

``fixtures/protected/`` holds the .doc and .xls fixtures saved again by LibreOffice with
a password (``make.py`` beside them). They encrypt inside the document's own stream
(RC4), not into an ``EncryptedPackage``: only the start of the stream tells (the FIB's
``fEncrypted`` bit, a ``FILEPASS`` record after the workbook's ``BOF``). LibreOffice
cannot open them and says only "source file could not be loaded": they are named for
what they are, and LibreOffice is not run.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.cli import run
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.readers import doc as doc_module
from govinfo_report.readers._ole2 import password_protected, stream_head
from govinfo_report.survey import summarise
from readers.test_doc_reader import ole2

FIXTURES = Path(__file__).parents[1] / "fixtures"
PROTECTED_DOC = FIXTURES / "protected" / "report_2021.doc"
PROTECTED_XLS = FIXTURES / "protected" / "report_2021.xls"
DOC = FIXTURES / "doc" / "report_2021.doc"
XLS = FIXTURES / "xls" / "report_2021.xls"
WORD = (
    "this is a password-protected Word 97-2003 document (.doc, .wps): open it with its "
    "password in Word or WPS, save an unprotected copy and read that"
)
BOOK = (
    "this is a password-protected Excel 97-2003 workbook (.xls, .et): open it with its "
    "password in Excel or WPS, save an unprotected copy and read that"
)


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever these files are, LibreOffice is never asked to open them."""
    monkeypatch.setattr(doc_module, "soffice", lambda: pytest.fail("LibreOffice was run"))


def test_the_fixtures_are_told_apart_from_the_unprotected_ones() -> None:
    assert password_protected(PROTECTED_DOC.read_bytes()) == "word"
    assert password_protected(PROTECTED_XLS.read_bytes()) == "workbook"
    assert password_protected(DOC.read_bytes()) is None
    assert password_protected(XLS.read_bytes()) is None


def test_the_start_of_a_stream_is_read_through_the_fat_and_the_mini_fat() -> None:
    # A Word document's stream is over 4,096 bytes (sectors of the FAT); this small
    # workbook's is under (the mini stream): the FIB's wIdent, the workbook's BOF.
    assert stream_head(DOC.read_bytes(), "WordDocument", 2) == b"\xec\xa5"
    book = stream_head(XLS.read_bytes(), "Workbook", 8)
    assert book is not None
    assert struct.unpack_from("<H", book)[0] == 0x0809
    assert stream_head(DOC.read_bytes(), "Workbook") is None


@pytest.mark.parametrize(
    ("path", "suffix", "message"),
    [
        (PROTECTED_DOC, ".doc", WORD),
        (PROTECTED_DOC, ".wps", WORD),  # WPS 文字 writes the Word format
        (PROTECTED_DOC, "", WORD),
        (PROTECTED_XLS, ".xls", BOOK),
        (PROTECTED_XLS, ".et", BOOK),  # WPS 表格 writes the Excel format
        (PROTECTED_XLS, ".doc", BOOK),  # the content wins over a wrong suffix
    ],
)
def test_a_protected_document_is_named_so(path: Path, suffix: str, message: str) -> None:
    with pytest.raises(ReportReadError) as info:
        detect(path.read_bytes(), suffix)
    assert str(info.value) == message


@pytest.mark.parametrize(("path", "reader"), [(PROTECTED_DOC, "doc"), (PROTECTED_XLS, "xls")])
def test_the_reader_asked_for_by_name_says_so_too(path: Path, reader: str) -> None:
    with pytest.raises(ReportReadError, match="password-protected") as info:
        read_report(path, reader)
    assert "no OLE2" not in str(info.value)


def test_validate_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "局.doc"
    data = PROTECTED_DOC.read_bytes()
    path.write_bytes(data)
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["validate", "--lang", "en", str(path)], stdout, stderr) == 2
    assert f"{path}: {WORD}" in stderr.getvalue()
    chinese = "这是密码加密的 Word 97-2003 文档（.doc、.wps）：请在 Word 或 WPS 中用密码打开"
    assert run(["validate", str(path)], stdout, stderr) == 2
    assert f"{path}: {chinese}" in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    assert path.read_bytes() == data


def test_a_survey_row_says_why(tmp_path: Path) -> None:
    path = tmp_path / "局.xls"
    path.write_bytes(PROTECTED_XLS.read_bytes())
    result = summarise(path)
    assert not isinstance(result, str)
    assert result.status == "unreadable"
    assert json.loads(result.row)["reason"].endswith(BOOK)


def test_a_batch_conversion_leaves_them_out() -> None:
    assert doc_module.conversion_target(PROTECTED_DOC.read_bytes()) is None
    assert doc_module.conversion_target(PROTECTED_XLS.read_bytes()) is None


def test_the_stream_names_alone_do_not_make_a_document_protected() -> None:
    # A directory without a well-formed header, FAT or stream: not known to be
    # encrypted, so read as before (the doc reader's, and its error, not this one's).
    assert password_protected(ole2("WordDocument")) is None
    assert password_protected(ole2("Workbook")) is None
    assert detect(ole2("WordDocument")).name == "doc"


def _loop_fat(data: bytes) -> bytes:
    """``data`` with the first FAT entry of its directory's chain pointing to itself."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    size = 1 << shift
    directory = struct.unpack_from("<I", data, 0x30)[0]
    fat_sector = struct.unpack_from("<I", data, 0x4C)[0]
    at = (fat_sector + 1) * size + 4 * directory
    return data[:at] + struct.pack("<I", directory) + data[at + 4 :]


@pytest.mark.parametrize("path", [PROTECTED_DOC, PROTECTED_XLS, DOC, XLS])
def test_a_damaged_compound_file_is_never_called_protected_nor_raises(path: Path) -> None:
    data = path.read_bytes()
    for cut in (0, 8, 511, 512, 600, 4096, len(data) // 2, len(data) - 1):
        password_protected(data[:cut])  # no exception, whatever is left
    assert password_protected(_loop_fat(data)) is None  # the directory cannot be read
    sector_out_of_file = data[:0x30] + struct.pack("<I", 0xFFFF0) + data[0x34:]
    assert password_protected(sector_out_of_file) is None


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([PROTECTED_DOC, PROTECTED_XLS, XLS]),
    st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 255)), max_size=8),
)
def test_random_damage_never_raises(path: Path, changes: list[tuple[int, int]]) -> None:
    data = bytearray(path.read_bytes())
    for at, value in changes:
        if at < len(data):
            data[at] = value
    assert password_protected(bytes(data)) in (None, "word", "workbook")
