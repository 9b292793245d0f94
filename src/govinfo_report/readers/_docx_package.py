"""Opening a DOCX (or XLSX) input safely: the package guard with the reader's errors, and
its XML parsed with entities, DTDs and the network off.

The zip checks (entries, declared and inflated sizes, compression ratio, encryption, a
legacy ``.doc``) are :mod:`govinfo_report._package`'s, shared with the DOCX writer's
templates; here they raise :class:`~govinfo_report.errors.ReportReadError`, and the
parts the reader asks for are parsed without resolving any entity, with any DOCTYPE
refused, and no more XML than :data:`~govinfo_report._package.MAX_XML_BYTES` per
document.
"""

from __future__ import annotations

from typing import Any, Final

from lxml import etree

from govinfo_report import _package
from govinfo_report.errors import ReportReadError

_PARSER: Final = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


def looks_like_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip whose central directory names ``word/document.xml``.

    Reads only the local header signature and the central directory, never inflates.
    """
    return _package.names_part(data, "word/document.xml")


class Package(_package.Package):
    """The parts of one DOCX input, checked, inflated on demand and parsed safely.

    Raises:
        ReportReadError: (on construction) not a zip, encrypted, a legacy ``.doc``
            (``.xls``), corrupt, or declared sizes beyond the limits.
    """

    def __init__(self, data: bytes, source: str, kind: _package.Kind = _package.WORD) -> None:
        super().__init__(data, source, ReportReadError, kind)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed as XML; no entity is resolved, no DOCTYPE accepted.

        Raises:
            ReportReadError: as :meth:`read`, the document's XML over
                :data:`~govinfo_report._package.MAX_XML_BYTES`, or the part is not
                well-formed XML or declares a DOCTYPE/entities.
        """
        where, where_zh = self.where(name)
        kind = self.kind
        data = self.read_xml(name)
        return parse_xml(data, where, kind.program, where_zh=where_zh, program_zh=kind.program_zh)


def parse_xml(
    data: bytes,
    where: str,
    program: str = "Word",
    *,
    where_zh: str | None = None,
    program_zh: str | None = None,
) -> etree._Element:
    """``data`` parsed with entities, DTDs and the network off; any DOCTYPE refused.
    ``where_zh`` and ``program_zh`` say ``where`` and ``program`` in the Chinese of an
    error (the same unless given).

    Raises:
        ReportReadError: not well-formed, or declares a DOCTYPE or entities.
    """
    zh = where if where_zh is None else where_zh
    program_zh = program if program_zh is None else program_zh
    # Refused before parsing; the check after parsing catches encodings missed there.
    _package.refuse_doctype(
        data, where, ReportReadError, program, where_zh=zh, program_zh=program_zh
    )
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReportReadError(
            f"{where} is not well-formed XML: {exc}", zh=f"{zh} 是格式不正确的 XML：{exc}"
        ) from None
    if root is None:
        raise ReportReadError(f"{where} is empty", zh=f"{zh} 为空")
    docinfo: Any = root.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ReportReadError(
            f"{where} declares a DOCTYPE, which {program} never writes; refused",
            zh=f"{zh} 声明了 DOCTYPE，{program_zh} 从不写入 DOCTYPE；已拒绝",
        )
    return root
