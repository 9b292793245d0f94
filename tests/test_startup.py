"""Start-up: what a command imports, checked in a fresh interpreter.

``govinfo-report --help`` loads neither attrs nor the model (the parser takes the enum
values from :mod:`govinfo_report._enums`), and ``validate report.json`` loads no
document reader and none of their libraries (python-docx, lxml, markdown-it, pypdfium2):
the package root imports on first use (PEP 562) and the reader registry lets an
interchange suffix decide before importing any other reader.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import load
from govinfo_report.readers import _registry, get_reader

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "example_2021.yaml"
DOCUMENT_LIBRARIES = ("docx", "lxml", "markdown_it", "pypdfium2")
DOCUMENT_READERS = tuple(
    f"govinfo_report.readers.{name}"
    for name in ("docx", "doc", "html", "mhtml", "markdown", "pdf", "text", "xls", "xlsx")
)


def _modules_after(code: str) -> set[str]:
    """The modules loaded once ``code`` has run in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return set(loaded)


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def test_importing_the_package_imports_none_of_its_parts() -> None:
    modules = _modules_after("import govinfo_report")
    assert _loaded(modules, ("attrs", "govinfo_report.model", "govinfo_report.checks")) == []


def test_help_loads_neither_attrs_nor_the_model() -> None:
    modules = _modules_after(
        "import io\nfrom govinfo_report.cli import run\nrun(['--help'], io.StringIO(), io.StringIO())"
    )
    heavy = ("attrs", "attr", "govinfo_report.model", "govinfo_report.formats", "yaml", "cattrs")
    assert _loaded(modules, heavy) == []
    assert "typing" not in modules  # 2 ms of a 30 ms start-up (errors.py once imported it)
    assert _loaded(modules, ("govinfo_report.cli._validate",)) == []


def test_validate_json_loads_no_document_reader(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    govinfo_report.dump(load(EXAMPLE), path)
    modules = _modules_after(
        "import io\nfrom govinfo_report.cli import run\n"
        f"assert run(['validate', {str(path)!r}], io.StringIO(), io.StringIO()) == 0"
    )
    assert "govinfo_report.readers.interchange" in modules  # the command did run
    assert _loaded(modules, DOCUMENT_LIBRARIES + DOCUMENT_READERS) == []


def test_validate_and_survey_of_a_json_folder_load_no_document_reader(tmp_path: Path) -> None:
    # A folder walk knows the readers' suffixes without importing them: a survey's
    # workers no longer wait for the main process to import every reader.
    folder = tmp_path / "in"
    folder.mkdir()
    govinfo_report.dump(load(EXAMPLE), folder / "report.json")
    modules = _modules_after(
        "import io\nfrom govinfo_report.cli import run\n"
        f"assert run(['validate', {str(folder)!r}], io.StringIO(), io.StringIO()) == 0\n"
        "from govinfo_report.survey import survey\n"
        f"assert survey([{str(folder)!r}], {str(tmp_path / 'out')!r}, jobs=1).ok == 1"
    )
    assert _loaded(modules, DOCUMENT_LIBRARIES + DOCUMENT_READERS) == []


def test_checking_a_2021_report_builds_only_the_2021_rules() -> None:
    modules = _modules_after(
        "from govinfo_report import check, load\n"
        f"check(load({str(EXAMPLE)!r}))\n"
        "from govinfo_report.checks import rulesets\n"
        "assert rulesets._built.cache_info().currsize == 1, rulesets._built.cache_info()"
    )
    assert "govinfo_report.checks.rulesets" in modules


@pytest.mark.parametrize("name", list(_registry._BUILTINS))
def test_declared_suffixes_are_the_readers_own(name: str) -> None:
    assert _registry._SUFFIXES[name] == get_reader(name).suffixes


def test_every_lazy_export_is_in_all_and_in_dir() -> None:
    assert {*govinfo_report._HOMES, "__version__"} == set(govinfo_report.__all__)
    assert set(govinfo_report.__all__) <= set(dir(govinfo_report))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        govinfo_report.lod  # noqa: B018


def test_a_subpackage_is_an_attribute_of_the_root_as_before() -> None:
    # `import govinfo_report` then `govinfo_report.checks.check(...)`: the eager root
    # made every subpackage an attribute; the lazy one imports it on first use.
    _modules_after(
        "import govinfo_report, importlib\n"
        "assert govinfo_report.checks is importlib.import_module('govinfo_report.checks')\n"
        "assert govinfo_report.serialize.loads is govinfo_report.loads"
    )


def test_importing_a_submodule_named_like_an_export_keeps_the_export() -> None:
    # govinfo_report.aggregate is the module of aggregate(): importing it first must not
    # leave the module where the function is expected.
    _modules_after(
        "import types\nimport govinfo_report.aggregate\n"
        "from govinfo_report import aggregate\n"
        "assert not isinstance(aggregate, types.ModuleType), aggregate\n"
        "assert aggregate is govinfo_report.aggregate"
    )
