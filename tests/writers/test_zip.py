"""Zip archives from members deflated once: readable by zipfile, laid out as zipfile lays
them out, and a writer with a template deflates only the parts that change per report."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from govinfo_report import blank_report
from govinfo_report.writers import _zip
from govinfo_report.writers.docx import DocxWriter

PARTS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("word/document.xml", "<w:document>正文</w:document>".encode() * 200),
    ("word/媒体/图.xml", b""),
]


def archive_bytes(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    _zip.write_parts(parts, buffer)
    return buffer.getvalue()


def test_members_read_back_with_zipfile() -> None:
    with zipfile.ZipFile(io.BytesIO(archive_bytes(PARTS))) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == PARTS
        assert {i.date_time for i in archive.infolist()} == {_zip.EPOCH}


def test_archive_is_byte_for_byte_what_zipfile_writes_with_fixed_stamps() -> None:
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in PARTS:
            info = zipfile.ZipInfo(name, date_time=_zip.EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            archive.writestr(info, data)
    assert archive_bytes(PARTS) == expected.getvalue()


def test_a_member_deflated_once_is_written_into_many_archives() -> None:
    styles = _zip.member("word/styles.xml", b"<w:styles/>" * 1000)
    first, second = io.BytesIO(), io.BytesIO()
    _zip.write([styles, _zip.member("a.xml", b"1")], first)
    _zip.write([styles, _zip.member("a.xml", b"2")], second)
    for buffer, body in ((first, b"1"), (second, b"2")):
        with zipfile.ZipFile(buffer) as archive:
            assert archive.read("word/styles.xml") == b"<w:styles/>" * 1000
            assert archive.read("a.xml") == body


@pytest.fixture
def template(tmp_path: Path) -> Path:
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "某某局文件"
    path = tmp_path / "letterhead.docx"
    letterhead.save(path)
    return path


def test_rendering_with_a_template_deflates_only_body_and_properties(
    template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = DocxWriter(template=template)
    report = blank_report(year=2021)
    calls: list[int] = []
    compressobj = zlib.compressobj

    def counting(*args: int) -> zlib._Compress:
        calls.append(1)
        return compressobj(*args)

    monkeypatch.setattr(zlib, "compressobj", counting)
    data = writer.render(report)
    # document.xml, docProps/core.xml and docProps/custom.xml: not the template's parts
    assert len(calls) == 3
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(archive.infolist()) > 10


def test_the_template_file_is_not_read_again_for_each_report(template: Path) -> None:
    writer = DocxWriter(template=template)
    first = writer.render(blank_report(year=2021))
    template.unlink()
    assert writer.render(blank_report(year=2021)) == first
