"""The reader registry: names, detection, and clear errors for what is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import UnknownFormatError, blank_report, render
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import _registry, available_readers, detect, get_reader, read_report
from govinfo_report.serialize import dumps


def test_every_builtin_reader_is_available() -> None:
    assert available_readers() == [
        "docx",
        "xlsx",
        "pdf",
        "ofd",
        "html",
        "mhtml",
        "doc",
        "xls",
        "json",
        "toml",
        "yaml",
        "markdown",
        "text",
    ]


def test_unknown_reader_lists_the_known_ones() -> None:
    with pytest.raises(
        UnknownFormatError,
        match="unknown input format 'odt'; expected one of 'docx', 'xlsx', 'pdf', 'ofd'",
    ):
        get_reader("odt")


def test_reader_with_a_missing_dependency_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_registry._BUILTINS, "broken", "govinfo_report.readers._nope:Reader")
    with pytest.raises(UnknownFormatError, match="the broken reader is not available: No module"):
        get_reader("broken")
    assert "broken" not in available_readers()


def test_a_file_of_a_reader_not_available_is_walked_and_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A folder walk takes the suffixes of every built-in reader: a PDF whose reader
    # cannot be imported (a broken install) is reported saying so, not passed over.
    from govinfo_report._scan import expand_paths

    monkeypatch.setitem(_registry._BUILTINS, "pdf", "govinfo_report.readers._nope:Reader")
    monkeypatch.delitem(_registry._cache, "pdf", raising=False)
    (tmp_path / "报告.pdf").write_bytes(b"not quite a PDF")
    assert [p for p, _ in expand_paths([tmp_path])] == [tmp_path / "报告.pdf"]
    with pytest.raises(ReportReadError, match=r"cannot read a \.pdf file: the pdf reader is not"):
        read_report(tmp_path / "报告.pdf")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (dumps(blank_report(year=2023), "json").encode(), "json"),
        (dumps(blank_report(year=2023), "yaml").encode(), "yaml"),
        (dumps(blank_report(year=2023), "toml").encode(), "toml"),
        (render(blank_report(year=2023, agency="某局"), "docx"), "docx"),
        (render(blank_report(year=2023, agency="某局"), "markdown"), "markdown"),
        (render(blank_report(year=2023, agency="某局"), "xlsx"), "xlsx"),
    ],
)
def test_detect_tells_formats_apart_by_content(data: bytes, name: str) -> None:
    assert detect(data).name == name


def test_bytes_that_are_no_report_are_a_clear_error() -> None:
    with pytest.raises(ReportReadError):
        read_report(b"\x00\x01\x02 not a report")


def test_recognising_readers_are_told_as_the_protocol_tells_them() -> None:
    from typing import Protocol, runtime_checkable

    from govinfo_report.readers import _registry
    from govinfo_report.readers._registry import _recognises

    @runtime_checkable
    class Recognising(Protocol):  # what detection asked with isinstance() before
        def recognise(self, data: bytes) -> object: ...

        def read_recognised(self, data: bytes, parsed: object, *, source: str) -> object: ...

    class Plain:
        name = "plain"
        suffixes = (".plain",)

        def sniff(self, data: bytes) -> bool:
            return False

        def read(self, data: bytes, *, source: str = "<bytes>") -> object:
            raise AssertionError

    class Parsing(Plain):
        def recognise(self, data: bytes) -> None:
            return None

        def read_recognised(self, data: bytes, parsed: object, *, source: str) -> None:
            raise AssertionError

    class HalfParsing(Plain):
        recognise = None  # not callable

        def read_recognised(self, data: bytes, parsed: object, *, source: str) -> None:
            raise AssertionError

    readers = [_registry.get_reader(n) for n in _registry.available_readers()]
    for reader in [*readers, Plain(), Parsing(), HalfParsing()]:
        assert _recognises(reader) == isinstance(reader, Recognising), reader  # type: ignore[arg-type]
    assert {r.name for r in readers if _recognises(r)} >= {"json", "yaml", "toml"}
    assert _recognises(Parsing())  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".zip", ""])
def test_a_zip_storing_a_report_uncompressed_is_named_a_zip_not_parsed(suffix: str) -> None:
    # Stored (not deflated), a YAML member's "metadata:" lines are in the zip's bytes:
    # they were taken for YAML, which then said "not UTF-8 text: byte 0x8c at offset 11".
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        # As a report file starts: a comment line, then "metadata:" at a line's start.
        text = "# 2023年报告\n" + dumps(blank_report(year=2023), "yaml")
        archive.writestr("各区/report.yaml", text)
    expected = "this is a zip archive" if suffix else "cannot tell what kind of document"
    with pytest.raises(ReportReadError, match=expected):
        read_report(buffer.getvalue(), suffix=suffix)
