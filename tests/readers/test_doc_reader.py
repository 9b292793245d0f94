"""Legacy .doc through LibreOffice, and the formats no reader reads yet named in the error.

``fixtures/doc/report_2021.doc`` is ``examples/example_2021.yaml`` written by our DOCX
writer and saved as .doc by LibreOffice 7 (``soffice --convert-to doc``), so detection is
tested without LibreOffice; reading it is skipped when ``soffice`` is absent.
"""

from __future__ import annotations

import io
import stat
import time
import zipfile
from pathlib import Path

import pytest

from govinfo_report import load, render, write_report
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.readers import doc as doc_module
from govinfo_report.readers._ole2 import SIGNATURE as OLE2_SIGNATURE
from govinfo_report.readers._unsupported import ole2_streams, unsupported
from writers.libreoffice import has_calc

ROOT = Path(__file__).parents[2]
DOC = ROOT / "tests" / "fixtures" / "doc" / "report_2021.doc"
EXAMPLE_2021 = ROOT / "examples" / "example_2021.yaml"
EXAMPLE_2019 = ROOT / "examples" / "dongtou_2020.yaml"
WPS_WITHOUT_WORD = (
    "a .wps document that holds no Word document (a Microsoft Works file, or an old WPS format)"
)
needs_soffice = pytest.mark.skipif(
    doc_module.soffice() is None, reason="LibreOffice (soffice) is not installed"
)
needs_calc = pytest.mark.skipif(
    doc_module.soffice() is None or not has_calc(),
    reason="LibreOffice Calc (its spreadsheet module, which converts .xls) is not installed",
)


def ole2(*streams: str) -> bytes:
    """A minimal compound file: the header sector, then a directory sector whose entries
    carry ``streams`` (name and name length, the rest zero)."""
    header = OLE2_SIGNATURE + bytes(504)
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = encoded.ljust(64, b"\x00") + len(encoded).to_bytes(2, "little")
        entries += entry.ljust(128, b"\x00")
    return header + entries.ljust(512, b"\x00")


def soffice_convert(source: Path, target: str, folder: Path) -> None:
    """``source`` saved as ``target`` (``doc``, ``rtf``, ``xls``) into ``folder`` by the
    real LibreOffice, with a profile of its own beside ``source``."""
    import subprocess

    command = doc_module.soffice()
    assert command is not None
    subprocess.run(
        [
            command,
            f"-env:UserInstallation={(source.parent / 'profile').as_uri()}",
            "--headless",
            *("--convert-to", target, "--outdir", str(folder), str(source)),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buffer.getvalue()


# --- detection (no LibreOffice needed) ----------------------------------------------------


def test_the_doc_fixture_is_detected_by_content_and_by_suffix() -> None:
    data = DOC.read_bytes()
    assert ole2_streams(data) == {"WordDocument"}
    assert detect(data).name == "doc"
    assert detect(data, ".doc").name == "doc"
    assert detect(data, ".txt").name == "doc"  # the content wins over a wrong suffix


def test_a_stream_name_in_the_text_is_no_directory_entry() -> None:
    text = "Workbook".encode("utf-16-le") + b"\x00\x00"
    data = ole2("WordDocument") + b"\x00" * 3 + text + bytes(200)
    assert ole2_streams(data) == {"WordDocument"}


@pytest.mark.parametrize(
    ("data", "suffix", "what"),
    [
        (ole2("PowerPoint Document"), "", "a PowerPoint presentation (.ppt)"),
        (ole2("Something"), "", "an old Office compound file that is no Word document"),
        (zipped("ppt/presentation.xml"), "", "a PowerPoint presentation (.pptx)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "", "a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(40), ".jpg", "a JPEG image"),
        (b"\x00\x01binary", ".wps", WPS_WITHOUT_WORD),
        (ole2("CONTENTS", "SPELLING"), ".wps", WPS_WITHOUT_WORD),
        (b"\x00\x01binary", ".ODT", "an OpenDocument text (.odt)"),
        (zipped("a.docx", "b.pdf"), ".zip", "a zip archive (.zip)"),
        (b"Rar!\x1a\x07\x01\x00" + bytes(20), "", "a RAR archive (.rar)"),
        (b"7z\xbc\xaf\x27\x1c" + bytes(20), ".bin", "a 7-Zip archive (.7z)"),
    ],
)
def test_unsupported_formats_are_named(data: bytes, suffix: str, what: str) -> None:
    with pytest.raises(ReportReadError, match=r"^this is ") as info:
        detect(data, suffix)
    assert str(info.value).startswith(f"this is {what}; not supported yet: ")


def test_a_password_protected_package_is_no_unsupported_format() -> None:
    # Its format is read; the password is what stands in the way.
    with pytest.raises(ReportReadError) as info:
        detect(ole2("EncryptedPackage"), ".docx")
    assert str(info.value) == (
        "this is a password-protected Office document: save an unprotected copy and read that"
    )


def test_an_image_says_ocr_it_first(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    with pytest.raises(ReportReadError, match="OCR it first"):
        read_report(path)


def test_only_a_zip_named_so_is_called_an_archive() -> None:
    # A damaged .docx is a zip too: the DOCX reader says what is wrong with it.
    assert unsupported(zipped("a.txt"), ".docx") is None
    assert unsupported(zipped("a.txt"), "") is None
    with pytest.raises(ReportReadError, match=r"word/document\.xml"):
        read_report(zipped("a.txt"), suffix=".docx")


def test_unknown_bytes_are_still_unknown() -> None:
    assert unsupported(b"\x00\x01", "") is None
    with pytest.raises(ReportReadError, match=r"^cannot tell what kind of document"):
        detect(b"\x00\x01")


# --- reading through LibreOffice ------------------------------------------------------------


def test_without_libreoffice_the_error_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    with pytest.raises(ReportReadError) as info:
        read_report(DOC)
    message = str(info.value)
    assert message.startswith(
        f"{DOC} is a legacy Word document; reading it needs LibreOffice, which is not installed"
    )
    assert "apt-get install libreoffice-writer" in message


def test_a_workbook_named_doc_is_not_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: pytest.fail("soffice was run"))
    with pytest.raises(ReportReadError, match="not a Word document"):
        read_report(ole2("Workbook"), "doc")


def fake_soffice(tmp_path: Path, script: str) -> str:
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_a_conversion_over_the_time_limit_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A child that outlives its parent shell is killed with the process group.
    command = fake_soffice(tmp_path, "sleep 60 &\nsleep 60\n")
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    monkeypatch.setattr(doc_module, "CONVERT_TIMEOUT", 0.5)
    start = time.monotonic()
    with pytest.raises(ReportReadError, match=r"took longer than 0\.5 seconds"):
        read_report(DOC)
    assert time.monotonic() - start < 10


def test_a_failing_conversion_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 1\n")
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    with pytest.raises(ReportReadError) as info:
        read_report(DOC)
    assert "LibreOffice could not convert" in str(info.value)
    assert "status 1: Error: source file could not be loaded" in str(info.value)


def test_a_conversion_that_writes_nothing_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = fake_soffice(tmp_path, "exit 0\n")
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    with pytest.raises(ReportReadError, match="it wrote no document"):
        read_report(DOC)


def test_too_large_a_conversion_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fake writes a 2 KiB report.docx where --outdir says.
    command = fake_soffice(
        tmp_path,
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'mkdir -p "$2" && head -c 2048 /dev/zero > "$2/report.docx"\n',
    )
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    monkeypatch.setattr(doc_module, "MAX_SOURCE_BYTES", 1024)
    with pytest.raises(ReportReadError, match=r"to a 2048-byte \.docx; documents larger than 1024"):
        read_report(DOC)


@needs_soffice
def test_the_doc_fixture_reads_as_the_report_it_was_made_from() -> None:
    result = read_report(DOC)
    assert result.report == load(EXAMPLE_2021)
    assert result.findings == ()


def test_a_wps_holding_a_word_document_goes_to_the_doc_reader() -> None:
    # WPS 文字 (2003 on) writes Word's binary format with extensions of its own.
    data = DOC.read_bytes()
    assert detect(data, ".wps").name == "doc"
    assert detect(data, ".WPT").name == "doc"
    assert ".wps" in detect(data).suffixes  # so that a folder walk takes .wps files


@needs_soffice
def test_a_wps_file_in_a_folder_is_read_as_its_doc_is(tmp_path: Path) -> None:
    from govinfo_report._scan import expand_paths

    (tmp_path / "局.wps").write_bytes(DOC.read_bytes())
    walked = [path for path, reason in expand_paths([tmp_path]) if reason is None]
    assert walked == [tmp_path / "局.wps"]
    result = read_report(walked[0])
    assert result.report == load(EXAMPLE_2021)
    assert result.findings == ()


@needs_soffice
@pytest.mark.parametrize("target", ["doc", "rtf"])
def test_a_doc_made_from_our_docx_reads_back(tmp_path: Path, target: str) -> None:
    report = load(EXAMPLE_2019)
    write_report(report, tmp_path / "r.docx")
    soffice_convert(tmp_path / "r.docx", target, tmp_path)
    direct = read_report(tmp_path / "r.docx")
    assert detect((tmp_path / f"r.{target}").read_bytes()).name == "doc"
    assert read_report(tmp_path / f"r.{target}") == direct


def test_a_run_in_heading_split_over_runs_is_read_whole() -> None:
    """LibreOffice splits our Run-in Heading run where the script changes when it saves a
    .doc ("(" | "一)存在的主要问题。"); the DOCX reader takes every such run at the start."""
    report = load(EXAMPLE_2019)
    source = io.BytesIO(render(report, "docx"))
    out = io.BytesIO()
    style = '<w:r><w:rPr><w:rStyle w:val="RunInHeading"/></w:rPr>'
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                whole = f'{style}<w:t xml:space="preserve">(一)存在的主要问题。</w:t></w:r>'
                assert whole in text
                split = (
                    f'{style}<w:t xml:space="preserve">(</w:t></w:r>'
                    f'{style}<w:t xml:space="preserve">一)存在的主要问题。</w:t></w:r>'
                )
                data = text.replace(whole, split).encode()
            zout.writestr(item, data)
    assert read_report(out.getvalue()).report == read_report(source.getvalue()).report
