"""Excel 97-2003 and WPS 表格 workbooks (``.xls``, ``.et``) read through LibreOffice into
the XLSX reader.

An ``.xls`` is an OLE2 compound file whose directory holds a ``Workbook`` stream
(``Book`` in Excel 5); WPS 表格 writes its ``.et`` the same way. Offices that fill the
report's tables in a spreadsheet still save them so. Reading one needs LibreOffice, run
as for a legacy Word document (:func:`govinfo_report.readers.doc.convert`: a private
profile in a temporary folder, a time limit, the converted file's size bounded;
LibreOffice runs no macros headless): ``soffice --headless --convert-to xlsx``, and the
workbook it writes is read by :class:`~govinfo_report.readers.xlsx.XlsxReader`, with
all of that reader's limits and findings. A workbook encrypted with a password is not taken,
the Office 2007 way (an ``EncryptedPackage`` stream) or the Excel 97 way (a ``FILEPASS``
record in its ``Workbook`` stream, :mod:`._ole2`): it is named as password-protected,
and LibreOffice, which cannot open it without the password, is not run.
"""

from __future__ import annotations

from typing import Final

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._ole2 import SIGNATURE as OLE2_SIGNATURE
from govinfo_report.readers._ole2 import password_protected
from govinfo_report.readers._registry import ReadResult
from govinfo_report.readers._unsupported import ole2_streams, unsupported

INSTALL_HINT: Final = (
    "install it (Debian/Ubuntu: apt-get install libreoffice-calc; "
    "others: https://www.libreoffice.org) so that soffice is on the PATH, "
    "or save the workbook as .xlsx in Excel or WPS"
)
INSTALL_HINT_ZH: Final = (
    "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc；"
    "其他系统：https://www.libreoffice.org），使 soffice 在 PATH 中，"
    "或在 Excel 或 WPS 中将工作簿另存为 .xlsx"
)
""":data:`INSTALL_HINT` in Chinese."""


def is_workbook_binary(data: bytes) -> bool:
    """An OLE2 compound file holding a workbook (``Workbook`` or ``Book``), not encrypted."""
    if not data.startswith(OLE2_SIGNATURE):
        return False
    streams = ole2_streams(data)
    return (
        bool(streams & {"Workbook", "Book"})
        and "EncryptedPackage" not in streams
        and password_protected(data) is None
    )


class XlsReader:
    """Excel 97-2003 (``.xls``) and WPS 表格 (``.et``) workbooks, through LibreOffice."""

    name = "xls"
    suffixes = (".xls", ".xlt", ".et", ".ett")

    def sniff(self, data: bytes) -> bool:
        """An OLE2 workbook (``Workbook`` or ``Book`` stream)."""
        return is_workbook_binary(data)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in the workbook, read as the XLSX LibreOffice makes of it.

        Raises:
            ReportReadError: not a workbook, LibreOffice missing or failing, or (as the
                XLSX reader) no report in the converted workbook.
        """
        from govinfo_report.readers.xlsx import XlsxReader

        return XlsxReader().read(to_xlsx(data, source), source=source)


def to_xlsx(data: bytes, source: str = "<bytes>") -> bytes:
    """The workbook ``data`` saved as ``.xlsx`` by LibreOffice (a workbook of departments
    stays one: ``import`` splits it as it splits an ``.xlsx``).

    Raises:
        ReportReadError: not a workbook, or LibreOffice missing or failing.
    """
    from govinfo_report.readers.doc import convert

    if not is_workbook_binary(data):
        if password_protected(data) is not None:
            raise ReportReadError(
                f"{source}: {unsupported(data, '.xls')}",
                zh=f"{source}：{unsupported(data, '.xls', lang='zh')}",
            )
        raise ReportReadError(
            f"{source} is not an Excel 97-2003 or WPS 表格 workbook: no OLE2 Workbook stream",
            zh=f"{source} 不是 Excel 97-2003 或 WPS 表格工作簿：没有 OLE2 Workbook 流",
        )
    what = ("an Excel 97-2003 workbook", "Excel 97-2003 工作簿")
    return convert(data, source, ".xls", "xlsx", what, (INSTALL_HINT, INSTALL_HINT_ZH))
