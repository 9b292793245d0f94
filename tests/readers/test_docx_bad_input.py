"""The DOCX reader on hostile or broken input: a clear ReportReadError, bounded memory."""

from __future__ import annotations

import contextlib
import io
import tracemalloc
import zipfile

import pytest

from govinfo_report._package import MAX_TOTAL_BYTES
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.readers.docx import DocxReader
from readers.docx_parts import document, p, package, patch_central_directory

READER = DocxReader()


def read_error(data: bytes) -> str:
    with pytest.raises(ReportReadError) as info:
        READER.read(data, source="bad.docx")
    message = str(info.value)
    assert "bad.docx" in message
    return message


def test_plain_text_is_not_a_docx() -> None:
    assert "not a .docx document" in read_error("2019年政府信息公开工作年度报告".encode())


def test_empty_input_says_it_is_empty() -> None:
    assert "is empty" in read_error(b"")


def test_binary_junk_is_not_a_docx() -> None:
    junk = bytes((i * 151 + 7) % 256 for i in range(4096))
    assert "not a .docx document" in read_error(junk)


def test_zip_without_a_word_document_is_named_as_such() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "你好")
    assert "no word/document.xml" in read_error(out.getvalue())


def test_truncated_zip_is_corrupt() -> None:
    data = package(p("一、总体情况"))
    assert "corrupt zip" in read_error(data[: len(data) // 2])


def test_bad_crc_is_corrupt() -> None:
    data = bytearray(package(p("一、总体情况"), compression=zipfile.ZIP_STORED))
    at = data.find("总体情况".encode())
    data[at] ^= 0xFF
    message = read_error(bytes(data))
    assert "word/document.xml" in message
    assert "corrupt" in message


def test_encrypted_word_document_in_a_compound_file_says_encrypted() -> None:
    # Word wraps a password-protected .docx in an OLE compound file whose directory
    # names the EncryptionInfo and EncryptedPackage streams.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(50)
    directory += "EncryptedPackage".encode("utf-16-le") + bytes(50)
    assert "encrypted (password-protected)" in read_error(header + directory)


def test_legacy_doc_is_refused_with_a_hint_to_save_as_docx() -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert "save it as .docx" in read_error(header + "WordDocument".encode("utf-16-le"))


def test_zip_asking_for_a_newer_zip_version_is_corrupt() -> None:
    # Found by the fuzz test: zipfile raises NotImplementedError("zip file version 8.4")
    # while reading the central directory.
    data = patch_central_directory(package(p("x")), extract_version=84)
    assert "corrupt zip" in read_error(data)


def test_zip_with_the_encryption_flag_says_encrypted() -> None:
    data = patch_central_directory(package(p("x")), flag_bits=0x1)
    assert "encrypted zip" in read_error(data)


def test_zip_bomb_is_refused_by_its_compression_ratio_before_inflating() -> None:
    bomb = document(p("0" * (8 * 1024 * 1024))).encode()
    data = package(document_xml=bomb)
    tracemalloc.start()
    try:
        message = read_error(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip bomb" in message
    assert peak < 4 * 1024 * 1024


def test_declared_total_beyond_the_cap_is_refused() -> None:
    entries = {f"word/media/image{i}.bin": bytes(range(256)) * 4 for i in range(8)}
    data = package(p("x"), parts=entries)
    # Claim 40 MB per entry with a plausible ratio: only the total gives it away.
    data = patch_central_directory(data, file_size=40 * 1024 * 1024, compress_size=400 * 1024)
    message = read_error(data)
    assert f"the limit is {MAX_TOTAL_BYTES}" in message


def test_entry_inflating_beyond_its_declared_size_is_refused() -> None:
    data = package(p("政府信息公开" * 2000))
    lying = patch_central_directory(data, "word/document.xml", file_size=200)
    assert "word/document.xml" in read_error(lying)


def test_doctype_with_entities_is_refused_and_never_resolved() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document ['
        '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{"http://schemas.openxmlformats.org/wordprocessingml/2006/main"}">'
        "<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
    )
    message = read_error(package(document_xml=laughs.encode()))
    assert "DOCTYPE" in message


def test_external_entity_is_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    message = read_error(package(document_xml=xxe.encode()))
    assert "DOCTYPE" in message
    assert "root:" not in message


def test_doctype_in_utf16_is_refused() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "y">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body/></w:document>"
    ).encode("utf-16")
    assert "DOCTYPE" in read_error(package(document_xml=xml))


def test_malformed_xml_is_named_with_its_part() -> None:
    message = read_error(package(document_xml=b"<w:document><w:body>"))
    assert "word/document.xml" in message
    assert "not well-formed XML" in message


def test_a_document_that_is_not_wordprocessingml_is_refused() -> None:
    message = read_error(package(document_xml=b"<html><body>hi</body></html>"))
    assert "not a WordprocessingML document" in message


def test_nesting_too_deep_is_refused() -> None:
    deep = "<w:sdt><w:sdtContent>" * 250 + p("x") + "</w:sdtContent></w:sdt>" * 250
    message = read_error(package(deep))
    assert "word/document.xml" in message


def test_read_report_detects_a_docx_and_reports_its_problem(tmp_path: object) -> None:
    data = patch_central_directory(package(p("x")), flag_bits=0x1)
    with pytest.raises(ReportReadError, match="encrypted"):
        read_report(data, name="报告.docx")


def test_sniff_accepts_a_docx_and_nothing_else() -> None:
    assert READER.sniff(package(p("x")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("content.xml", "<x/>")
    assert not READER.sniff(out.getvalue())
    assert not READER.sniff(b"PK\x03\x04 truncated")
    assert not READER.sniff(b"<html>")


# --- fuzzing ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from govinfo_report.errors import ReportLoadError  # noqa: E402
from readers.docx_parts import tbl, tc, tr  # noqa: E402

_SMALL_BODY = (
    p("沭阳县发展和改革局2023年政府信息公开年度报告", '<w:jc w:val="center"/>', "<w:b/>")
    + p("一、总体情况", rpr="<w:b/>")
    + p("正文。")
    + tbl(
        tr(tc("信息内容"), tc("本年制发件数")),
        tr(tc("规章", '<w:vMerge w:val="restart"/>'), tc("3", '<w:gridSpan w:val="2"/>')),
        tr(tc("", "<w:vMerge/>"), tc("4")),
        columns=2,
    )
)
_SEEDS = (
    package(_SMALL_BODY),
    # Stored (not deflated), so mutations reach the XML instead of failing the inflate.
    package(_SMALL_BODY, compression=zipfile.ZIP_STORED),
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "set", "insert", "delete"]))
        byte = draw(st.integers(0, 255))
        if action == "flip":
            data[at] ^= 1 << (byte % 8)
        elif action == "set":
            data[at] = byte
        elif action == "insert":
            data[at:at] = bytes([byte]) * draw(st.integers(1, 16))
        else:
            del data[at : at + draw(st.integers(1, 64))]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzzed_docx_gives_a_result_or_a_clear_error(data: bytes) -> None:
    # Any other exception (or a crash) fails the test.
    with contextlib.suppress(ReportReadError, ReportLoadError):
        READER.read(data, source="fuzz.docx")


def test_grid_inflated_by_forged_spans_is_refused() -> None:
    span = '<w:gridSpan w:val="1000"/>'
    row = tr(*(tc("x", span) for _ in range(5)))
    message = read_error(package(tbl(row, columns=1)))
    assert "grid columns" in message
