"""The DOCX reader: reports written in Word or WPS (and by our own DOCX writer).

The document is opened safely (:mod:`._docx_package`: size, ratio and encryption checks
before inflating, XML without entities or DOCTYPE), its body is turned into neutral
blocks (:mod:`._docx_blocks`: paragraphs with heading hints, tables with merges
expanded), and the shared assembler finds the title, sections, tables and signature by
their labels. Fields a document does not print (agency kind, publication date, contact,
structured 信息处理费) are taken from our own custom document property when present;
everything printed is read from the visible content.
"""

from __future__ import annotations

import json
import posixpath
from typing import Final

import attrs
from lxml import etree

from govinfo_report import _embedded
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _opc as opc
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._document import Block
from govinfo_report.readers._docx_blocks import RUN_IN_STYLE, Extractor
from govinfo_report.readers._docx_package import Package, looks_like_docx
from govinfo_report.readers._docx_styles import W_MAIN, W_STRICT, Numbering, Styles
from govinfo_report.readers._known import Known, from_unprinted, identity
from govinfo_report.readers._registry import ReadResult

_MAIN_DOCUMENT: Final = "word/document.xml"

EMBEDDED_CODE: Final = rf.DOCX_EMBEDDED
"""Finding code: our custom document property is present but unreadable."""


@attrs.frozen
class DocxContent:
    """What a DOCX holds for the assembler: blocks, and our embedded data if any."""

    blocks: tuple[Block, ...]
    embedded: str | None = None
    """The value of the :data:`govinfo_report._embedded.PROPERTY` custom property."""
    ours: bool = False
    """Written by our DOCX writer: paragraph levels and roles are exact."""


def extract(data: bytes, source: str = "<bytes>") -> DocxContent:
    """The blocks of a DOCX and its embedded data, without assembling a report.

    Raises:
        ReportReadError: not a readable Word document (see :class:`Package`).
    """
    package = Package(data, source)
    top = opc.by_type(package, "_rels/.rels")
    main = opc.resolve("", top.get("officeDocument", _MAIN_DOCUMENT))
    if main not in package:
        raise ReportReadError(
            f"{source} is a zip but not a Word document: it has no {_MAIN_DOCUMENT}",
            zh=f"{source} 是 zip，但不是 Word 文档：没有 {_MAIN_DOCUMENT}",
        )
    root = package.xml(main)
    w = etree.QName(root).namespace
    if w not in (W_MAIN, W_STRICT):
        raise ReportReadError(
            f"{source}: {main} is not a WordprocessingML document (root {root.tag!r})",
            zh=f"{source}：{main} 不是 WordprocessingML 文档（根元素 {root.tag!r}）",
        )
    body = root.find(f"{{{w}}}body")
    if body is None:
        raise ReportReadError(
            f"{source}: {main} has no document body", zh=f"{source}：{main} 没有文档正文"
        )
    main_dir = posixpath.dirname(main)
    related = opc.by_type(package, opc.rels_of(main))
    styles = Styles(
        opc.optional_xml(package, opc.resolve(main_dir, related.get("styles", "styles.xml"))), w
    )
    numbering = Numbering(
        opc.optional_xml(package, opc.resolve(main_dir, related.get("numbering", "numbering.xml"))),
        w,
    )
    custom = opc.resolve("", top.get("custom-properties", "docProps/custom.xml"))
    embedded = opc.custom_property(package, custom)
    # Our writer's output: the embedded property and the writer's own run-in style.
    ours = embedded is not None and RUN_IN_STYLE in styles.names.values()
    extractor = Extractor(
        w, styles, numbering, where=f"{source}: {main}", where_zh=f"{source}：{main}", trusted=ours
    )
    try:
        extractor.container(body)
    except RecursionError:
        raise ReportReadError(
            f"{source}: {main} is nested too deeply to be a report",
            zh=f"{source}：{main} 嵌套层次太深，不可能是报告",
        ) from None
    return DocxContent(tuple(extractor.blocks), embedded, ours)


def _embedded_finding(source: str, problem: str) -> Finding:
    return Finding(
        code=EMBEDDED_CODE,
        severity=Severity.WARNING,
        status=Status.UNCERTAIN,
        message_zh=f"文档属性 {_embedded.PROPERTY} 无法读取，已忽略（{problem}）",
        message_en=f"the {_embedded.PROPERTY} document property is unreadable and was "
        f"ignored ({problem})",
        paths=("metadata",),
        location=f"{source}: docProps/custom.xml",
    )


def _describe(problem: Exception) -> str:
    if isinstance(problem, ExceptionGroup):
        return "; ".join(_describe(e) for e in problem.exceptions if isinstance(e, Exception))
    return str(problem) or type(problem).__name__


class DocxReader:
    """Word documents (``.docx``) made by Word, WPS, LibreOffice or our DOCX writer."""

    name = "docx"
    suffixes = (".docx", ".docm", ".dotx", ".dotm")

    def sniff(self, data: bytes) -> bool:
        """A zip whose central directory names ``word/document.xml``."""
        return looks_like_docx(data)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a DOCX document, with the reader's findings.

        Raises:
            ReportReadError: not a zip, encrypted, corrupt, a zip bomb, XML with a
                DOCTYPE, or no report in it.
        """
        content = extract(data, source)
        known, problem = _known_facts(content)
        result = assemble(content.blocks, source=source, trusted_levels=content.ours, known=known)
        if problem is None:
            return result
        return ReadResult(result.report, (*result.findings, _embedded_finding(source, problem)))


def _known_facts(content: DocxContent) -> tuple[Known | None, str | None]:
    """What our embedded property tells the engine, and why it was ignored, if it was.

    The identity (agency, year) is taken from our own output even when the rest of the
    record is unusable; an unusable record is otherwise ignored whole, and the report
    read from its printed text alone.
    """
    if content.embedded is None:
        return None, None
    problem: str | None = None
    try:
        data = json.loads(content.embedded)
    except json.JSONDecodeError as exc:
        data, problem = None, f"embedded {_embedded.PROPERTY} data is not JSON: {exc.msg}"
    found = identity(data) if content.ours else None
    agency, year = found if found is not None else (None, None)
    if problem is not None:
        return Known(agency=agency, year=year), problem
    try:
        return from_unprinted(data, agency=agency, year=year), None
    except (ValueError, TypeError, KeyError, ExceptionGroup) as exc:
        # Problem (a ValueError) from _known itself; cattrs' validation errors
        # (ExceptionGroups) or ValueErrors from structuring the values.
        return Known(agency=agency, year=year), _describe(exc)
