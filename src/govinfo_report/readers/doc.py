"""Legacy Word documents (``.doc``, WPS 文字's ``.wps``, and RTF) read through LibreOffice
into the DOCX reader.

A ``.doc`` is an OLE2 compound file whose directory holds a ``WordDocument`` stream (an
``.xls`` or ``.ppt`` holds ``Workbook`` or ``PowerPoint Document`` instead and is not
taken). WPS 文字 (2003 and later) writes its ``.wps`` the same way, Word's binary format
with extensions of its own, which LibreOffice reads as a ``.doc`` (ignoring the
extensions); a ``.wps`` without that stream (Microsoft Works) is not taken. Reading one
needs LibreOffice: ``soffice --headless --convert-to docx`` runs in a private temporary
folder with its own profile (``-env:UserInstallation``, so a running LibreOffice does not
interfere and nothing is left behind), under a time limit (:data:`CONVERT_TIMEOUT`; the
whole process group is killed when it runs over), and a converted file over
:data:`~govinfo_report.readers._registry.MAX_SOURCE_BYTES` is refused. The DOCX it writes
is read by :class:`~govinfo_report.readers.docx.DocxReader`, with all of that reader's
limits. LibreOffice runs no macros when converting headless. Without ``soffice`` on the
``PATH`` the error names what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._registry import MAX_SOURCE_BYTES, ReadResult
from govinfo_report.readers._unsupported import OLE2_SIGNATURE, ole2_streams

CONVERT_TIMEOUT: Final = 120.0
"""Seconds LibreOffice may take to convert one document (its first start in a fresh
profile takes a few)."""

INSTALL_HINT: Final = (
    "install it (Debian/Ubuntu: apt-get install libreoffice-writer; "
    "others: https://www.libreoffice.org) so that soffice is on the PATH, "
    "or save the document as .docx in Word or WPS"
)


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def is_word_binary(data: bytes) -> bool:
    """An OLE2 compound file holding a Word document (not a workbook or presentation)."""
    if not data.startswith(OLE2_SIGNATURE):
        return False
    streams = ole2_streams(data)
    return "WordDocument" in streams and not streams & {
        "Workbook",
        "Book",
        "PowerPoint Document",
        "EncryptedPackage",
    }


def convert_to_docx(data: bytes, source: str, suffix: str = ".doc") -> bytes:
    """``data`` converted to DOCX by LibreOffice.

    Raises:
        ReportReadError: LibreOffice is missing, fails, runs over the time limit, writes
            nothing or too large a file.
    """
    return convert(data, source, suffix, "docx", "a legacy Word document", INSTALL_HINT)


def convert(data: bytes, source: str, suffix: str, target: str, what: str, hint: str) -> bytes:
    """``data`` (a document of ``suffix``, ``what``: how the error calls it) converted by
    LibreOffice to ``target`` (``docx``, ``xlsx``); ``hint`` says what to install.

    Raises:
        ReportReadError: LibreOffice is missing, fails, runs over the time limit, writes
            nothing or too large a file.
    """
    command = soffice()
    if command is None:
        raise ReportReadError(
            f"{source} is {what}; reading it needs LibreOffice, which is not installed: {hint}"
        )
    with tempfile.TemporaryDirectory(prefix="govinfo-doc-") as tmp:
        folder = Path(tmp)
        document = folder / f"report{suffix}"
        document.write_bytes(data)
        out = folder / "out"
        args = [
            command,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            *("--convert-to", target, "--outdir", str(out), str(document)),
        ]
        problem = _run(args, folder)
        converted = out / f"report.{target}"
        if problem is None and not converted.is_file():
            problem = "it wrote no document"
        if problem is not None:
            raise ReportReadError(f"LibreOffice could not convert {source} to .{target}: {problem}")
        size = converted.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ReportReadError(
                f"LibreOffice converted {source} to a {size}-byte .{target}; documents "
                f"larger than {MAX_SOURCE_BYTES} bytes are refused"
            )
        return converted.read_bytes()


def _run(args: list[str], cwd: Path) -> str | None:
    """Run LibreOffice in its own process group; what went wrong, or None."""
    env = {**os.environ, "HOME": str(cwd)}  # nothing written to the user's home
    try:
        process = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as exc:
        return f"cannot run {args[0]}: {exc.strerror or exc}"
    try:
        output, _ = process.communicate(timeout=CONVERT_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"it took longer than {CONVERT_TIMEOUT:g} seconds"
    if process.returncode != 0:
        tail = output.decode("utf-8", "replace").strip()[-300:]
        return f"soffice exited with status {process.returncode}" + (f": {tail}" if tail else "")
    return None


class DocReader:
    """Legacy Word documents (``.doc``, WPS 文字's ``.wps``) and RTF, through LibreOffice."""

    name = "doc"
    suffixes = (".doc", ".dot", ".rtf", ".wps", ".wpt")

    def sniff(self, data: bytes) -> bool:
        """An OLE2 Word document, or RTF (``{\\rtf``)."""
        return is_word_binary(data) or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a .doc (or RTF) document, read as the DOCX LibreOffice makes of it.

        Raises:
            ReportReadError: not a Word document, LibreOffice missing or failing, or no
                report in the converted document.
        """
        from govinfo_report.readers.docx import DocxReader

        rtf = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")
        if not rtf and not is_word_binary(data):
            raise ReportReadError(
                f"{source} is not a Word document (.doc, or a WPS 文字 .wps): no OLE2 "
                "WordDocument stream"
            )
        docx = convert_to_docx(data, source, ".rtf" if rtf else ".doc")
        return DocxReader().read(docx, source=source)
