"""A DOCX template goes through the DOCX input's package guard before python-docx opens it.

python-docx inflates and parses every part a template refers to with no limit of its
own: a 1.5 MB template whose image inflates to 1.5 GB reached 3.7 GB. The hostile
templates are opened in a child capped at 1 GiB (see :mod:`readers.bounded`), so a
regression fails fast instead of eating the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govinfo_report import _package
from govinfo_report.errors import ReportWriteError
from govinfo_report.writers.docx import DocxWriter
from readers.bounded import cli_outcome, outcome
from readers.docx_parts import tiny_paragraphs_xml
from writers.hostile_templates import base_parts, package, with_image, zeros_deflated

REPORT = Path(__file__).parent.parent / "fixtures" / "cli" / "report_2021.yaml"
_IMAGE = "word/media/image1.png"
_OPEN = "from govinfo_report.writers.docx import DocxWriter"


def _write(tmp_path: Path, data: bytes, name: str = "template.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _bomb(tmp_path: Path, *, declared: int | None = None) -> Path:
    """The issue's template: 1.5 MB, its image inflating to 1.5 GB (declared as such, or
    as ``declared`` bytes: a header that lies)."""
    size = 1500 << 20
    raw = {_IMAGE: (zeros_deflated(1500), size if declared is None else declared)}
    return _write(tmp_path, package(with_image(base_parts()), raw), "bomb.docx")


def _refusal(path: Path, timeout: float = 30) -> str:
    kind, message = outcome(_OPEN, f"DocxWriter(template={str(path)!r})", timeout=timeout)
    assert kind == "ReportWriteError"
    return message


def test_a_valid_template_with_an_image_passes_the_guard(tmp_path: Path) -> None:
    parts = with_image(base_parts()) | {_IMAGE: b"\x89PNG\r\n\x1a\n" + bytes(64)}
    writer = DocxWriter(template=_write(tmp_path, package(parts)))
    assert writer.template is not None


def test_zip_bomb_template_is_refused_before_inflating(tmp_path: Path) -> None:
    path = _bomb(tmp_path)
    message = _refusal(path)
    assert message.startswith(f"template {path} looks like a zip bomb: entry '{_IMAGE}' ")
    assert f"(ratio limit {_package.MAX_RATIO})" in message


def test_template_entry_inflating_beyond_its_declared_size_is_refused(tmp_path: Path) -> None:
    # The header says 1 MB (a plausible ratio); zipfile inflated all 1.5 GB in one call.
    path = _bomb(tmp_path, declared=1 << 20)
    message = _refusal(path)
    assert message.startswith(f"template {path}: part '{_IMAGE}' ")


def test_template_with_more_entries_than_the_limit_is_refused(tmp_path: Path) -> None:
    parts = base_parts() | {f"customXml/item{i}.bin": b"x" for i in range(_package.MAX_ENTRIES)}
    path = _write(tmp_path, package(parts))
    with pytest.raises(ReportWriteError) as info:
        DocxWriter(template=path)
    assert str(info.value) == (
        f"template {path} has {len(parts)} zip entries; a Word document has far fewer "
        f"(limit {_package.MAX_ENTRIES})"
    )


def test_template_declaring_more_than_the_total_limit_is_refused(tmp_path: Path) -> None:
    # Five unreferenced entries of 41 MiB each at a plausible ratio: only the total tells.
    junk = os.urandom(300 * 1024)
    raw = {f"word/media/big{i}.bin": (junk, 41 << 20) for i in range(5)}
    path = _write(tmp_path, package(base_parts(), raw))
    with pytest.raises(ReportWriteError) as info:
        DocxWriter(template=path)
    assert str(info.value).startswith(f"template {path} declares ")
    assert f"the limit is {_package.MAX_TOTAL_BYTES}" in str(info.value)


def test_template_xml_with_a_doctype_is_refused(tmp_path: Path) -> None:
    parts = base_parts()
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"?>", b'?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">]>', 1
    )
    path = _write(tmp_path, package(parts))
    with pytest.raises(ReportWriteError) as info:
        DocxWriter(template=path)
    assert str(info.value).startswith(
        f"template {path}: part 'word/styles.xml' declares a DOCTYPE or entities"
    )


def test_encrypted_word_document_as_template_says_encrypted(tmp_path: Path) -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path = _write(tmp_path, header + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ReportWriteError, match="encrypted \\(password-protected\\)"):
        DocxWriter(template=path)


def test_fifo_as_template_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "template.docx"
    os.mkfifo(fifo)
    assert _refusal(fifo, timeout=10) == f"cannot read template {fifo}: not a regular file"


def test_template_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as fh:
        fh.truncate(_package.MAX_PACKAGE_BYTES + 1)  # sparse: no disk used
    message = _refusal(path, timeout=10)
    assert message == f"template {path} is larger than {_package.MAX_PACKAGE_BYTES} bytes; refused"


def test_template_with_xml_over_the_limit_is_refused(tmp_path: Path) -> None:
    # python-docx parses every XML part a template refers to: ~400 MB for 16 MiB.
    parts = base_parts() | {"word/document.xml": tiny_paragraphs_xml()}
    path = _write(tmp_path, package(parts))
    message = _refusal(path)
    assert message.startswith(f"template {path}: part 'word/document.xml' brings the package's ")
    assert f"the limit is {_package.MAX_XML_BYTES} " in message


def test_cli_render_refuses_a_zip_bomb_template(tmp_path: Path) -> None:
    path = _bomb(tmp_path)
    out = tmp_path / "out.docx"
    args = ["render", str(REPORT), "--to", "docx", "-o", str(out), "--template", str(path)]
    code, stderr = cli_outcome([*args, "--lang", "en"])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: template {path} looks like a zip bomb")
    assert not out.exists()
