"""The writer registry: built-ins, registered writers and entry-point plugins by name."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from govinfo_report import (
    GovinfoReportError,
    Report,
    UnknownFormatError,
    UnknownOptionError,
    blank_report,
)
from govinfo_report.writers import (
    ENTRY_POINT_GROUP,
    Writer,
    _registry,
    available_writers,
    get_writer,
    register_writer,
    render,
    write_report,
    writer_for_path,
)
from govinfo_report.writers.docx import DocxWriter
from govinfo_report.writers.markdown import MarkdownWriter

PLUGIN = '''
class TitleWriter:
    """Writes the report's title, upper-cased, and the number of tables."""

    name = "title"
    suffix = ".title"
    binary = False

    def __init__(self, *, prefix=""):
        self.prefix = prefix

    def write(self, report, dest):
        dest.write(f"{self.prefix}{report.title}|{len(report.tables)}".encode("utf-8"))
'''


@pytest.fixture
def report() -> Report:
    return blank_report(year=2021, agency="某某局")


@pytest.fixture(autouse=True)
def _no_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    # register_writer changes process state; each test starts from an empty registry.
    monkeypatch.setattr(_registry, "_registered", {})


def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, module: str = "") -> None:
    """A distribution installed the way pip does: a module and a dist-info on sys.path."""
    site = tmp_path / "site"
    info = site / "govinfo_title_writer-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: govinfo-title-writer\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{entry}\n", encoding="utf-8")
    if module:
        (site / "govinfo_title_writer.py").write_text(module, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    install(tmp_path, monkeypatch, "title = govinfo_title_writer:TitleWriter", PLUGIN)
    yield
    sys.modules.pop("govinfo_title_writer", None)


def test_builtin_writers_are_listed() -> None:
    assert {"docx", "markdown", "xlsx"} <= set(available_writers())


def test_available_writers_are_sorted() -> None:
    names = available_writers()
    assert names == sorted(names)


def test_unknown_writer_is_an_error_listing_the_available_ones() -> None:
    with pytest.raises(
        UnknownFormatError, match="unknown output format 'pdf'; expected one of"
    ) as exc:
        get_writer("pdf")
    assert "'docx'" in str(exc.value)
    assert "'markdown'" in str(exc.value)


def test_unknown_writer_error_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        get_writer("pdf")


def test_text_and_binary_writers_are_told_apart() -> None:
    assert get_writer("docx").binary is True
    assert get_writer("xlsx").binary is True
    assert get_writer("markdown").binary is False


@pytest.mark.parametrize("name", ["docx", "markdown", "xlsx"])
def test_builtin_writers_satisfy_the_protocol(name: str) -> None:
    writer = get_writer(name)
    assert isinstance(writer, Writer)
    assert writer.name == name


def test_options_are_passed_to_the_writer(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(DocxWriter().render(blank_report(year=2021)))
    writer = get_writer("docx", template=template)
    assert isinstance(writer, DocxWriter)
    assert writer.template == template


def test_option_a_writer_does_not_take_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        get_writer("docx", colour="red")


def test_wrong_option_is_a_library_error_naming_the_valid_ones(report: Report) -> None:
    with pytest.raises(UnknownOptionError) as info:
        render(report, "markdown", tempalte="t.docx")
    assert str(info.value) == "writer 'markdown' has no option 'tempalte'; its options are: tables"
    assert isinstance(info.value, GovinfoReportError)
    assert info.value.options == ("tables",)


def test_wrong_option_of_get_writer_names_the_docx_options() -> None:
    with pytest.raises(
        UnknownOptionError,
        match=r"^writer 'docx' has no option 'tables'; its options are: template, template_layout$",
    ):
        get_writer("docx", tables="html")


def test_option_of_a_writer_without_options_says_it_has_none() -> None:
    class Bare:
        name = "bare"
        suffix = ".bare"
        binary = False

        def write(self, report: Report, dest: BinaryIO) -> None:
            dest.write(b"")

    register_writer("bare", Bare)
    with pytest.raises(UnknownOptionError, match=r"^writer 'bare' has no option 'x'; it has none$"):
        get_writer("bare", x=1)


def test_a_factory_taking_any_keyword_decides_itself() -> None:
    seen: dict[str, object] = {}

    def factory(**options: object) -> Writer:
        seen.update(options)
        return MarkdownWriter()

    register_writer("anykw", factory)
    get_writer("anykw", colour="red")
    assert seen == {"colour": "red"}


def test_registered_writer_is_listed_and_renders(report: Report) -> None:
    class Count:
        name = "count"
        suffix = ".count"
        binary = False

        def write(self, report: Report, dest: BinaryIO) -> None:
            dest.write(str(len(report.sections)).encode())

    register_writer("count", Count)
    assert "count" in available_writers()
    assert render(report, "count") == b"6"


def test_registered_writer_takes_precedence_over_a_builtin(report: Report) -> None:
    class Fake:
        name = "docx"
        suffix = ".docx"
        binary = True

        def write(self, report: Report, dest: BinaryIO) -> None:
            dest.write(b"fake")

    register_writer("docx", Fake)
    assert render(report, "docx") == b"fake"


@pytest.mark.usefixtures("plugin")
def test_plugin_from_an_installed_distribution_is_listed() -> None:
    assert "title" in available_writers()


@pytest.mark.usefixtures("plugin")
def test_plugin_renders_with_its_options(report: Report) -> None:
    assert (
        render(report, "title", prefix="> ") == "> 某某局2021年政府信息公开工作年度报告|3".encode()
    )


@pytest.mark.usefixtures("plugin")
def test_plugin_is_chosen_by_its_suffix(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "report.title"
    assert writer_for_path(out) == "title"
    write_report(report, out)
    assert out.read_text(encoding="utf-8") == "某某局2021年政府信息公开工作年度报告|3"


def test_plugin_is_unknown_once_uninstalled() -> None:
    assert "title" not in available_writers()


def test_broken_plugin_does_not_hide_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(tmp_path, monkeypatch, "broken = no_such_module_anywhere:Writer")
    assert {"broken", "docx", "markdown"} <= set(available_writers())
    assert writer_for_path("a.docx") == "docx"
    with pytest.raises(ImportError):
        get_writer("broken")


def test_suffix_no_writer_claims_is_an_error() -> None:
    with pytest.raises(UnknownFormatError, match=r"no writer for suffix '\.pdf'"):
        writer_for_path("report.pdf")


@pytest.mark.parametrize(
    ("path", "name"),
    [("a.docx", "docx"), ("a.md", "markdown"), ("A.DOCX", "docx"), ("a.xlsx", "xlsx")],
)
def test_builtin_suffixes(path: str, name: str) -> None:
    assert writer_for_path(path) == name
