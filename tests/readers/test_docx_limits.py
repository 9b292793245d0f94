"""The DOCX reader's bounds: how much XML one document may give the parser, and numbers
in attributes (spans, sizes, list levels) read without int()'s surprises.

The hostile documents are read in a child capped at 1 GiB (see :mod:`readers.bounded`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report._package import MAX_XML_BYTES
from readers.bounded import cli_outcome, outcome
from readers.docx_parts import package, tiny_paragraphs_xml

_LIMIT = f"the limit is {MAX_XML_BYTES} (a long report has a few megabytes)"
_READ = "from govinfo_report.readers.docx import DocxReader"


@pytest.fixture(scope="module")
def big_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xml") / "big.docx"
    path.write_bytes(package(document_xml=tiny_paragraphs_xml()))
    return path


def test_document_xml_over_the_limit_is_refused_before_parsing(big_docx: Path) -> None:
    setup = f"{_READ}\ndata = open({str(big_docx)!r}, 'rb').read()"
    kind, message = outcome(setup, "DocxReader().read(data, source='big.docx')")
    assert kind == "ReportReadError"
    assert message.startswith("big.docx: part 'word/document.xml' brings the package's XML to ")
    assert _LIMIT in message


def test_cli_names_the_xml_limit(big_docx: Path) -> None:
    code, stderr = cli_outcome(["validate", str(big_docx)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {big_docx}: part 'word/document.xml' ")
    assert _LIMIT in stderr
