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

Starting LibreOffice costs most of a conversion (about 0.9 s of 1 s here), so a caller
that reads many legacy documents converts them together first
(:func:`converted_together`: one LibreOffice run for a batch, a quarter of the time
each); what that run made is then taken by :func:`convert` instead of running
LibreOffice again. A document the batch did not convert (the run failed or ran over
the time limit, or wrote nothing for it) is converted alone, so its error is its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from govinfo_report._failures import os_reason
from govinfo_report.errors import ReportReadError
from govinfo_report.readers._ole2 import SIGNATURE as OLE2_SIGNATURE
from govinfo_report.readers._ole2 import password_protected
from govinfo_report.readers._registry import MAX_SOURCE_BYTES, ReadResult
from govinfo_report.readers._unsupported import ole2_streams, unsupported

CONVERT_TIMEOUT: Final = 120.0
"""Seconds LibreOffice may take to convert one document (its first start in a fresh
profile takes a few)."""

INSTALL_HINT: Final = (
    "install it (Debian/Ubuntu: apt-get install libreoffice-writer; "
    "others: https://www.libreoffice.org) so that soffice is on the PATH, "
    "or save the document as .docx in Word or WPS"
)
INSTALL_HINT_ZH: Final = (
    "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer；"
    "其他系统：https://www.libreoffice.org），使 soffice 在 PATH 中，"
    "或在 Word 或 WPS 中将文档另存为 .docx"
)
""":data:`INSTALL_HINT` in Chinese."""

Problem = tuple[str, str]
"""What went wrong with a LibreOffice run, in English and in Chinese."""


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def is_word_binary(data: bytes) -> bool:
    """An OLE2 compound file holding a Word document (not a workbook or presentation),
    not encrypted with a password."""
    if not data.startswith(OLE2_SIGNATURE):
        return False
    streams = ole2_streams(data)
    return (
        "WordDocument" in streams
        and not streams & {"Workbook", "Book", "PowerPoint Document", "EncryptedPackage"}
        and password_protected(data) is None
    )


def is_rtf(data: bytes) -> bool:
    """An RTF document (``{\\rtf``, after a byte-order mark or blank space)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def _soffice_args(command: str, folder: Path, target: str, out: Path, *inputs: str) -> list[str]:
    """LibreOffice converting ``inputs`` to ``target`` into ``out``, with a private
    profile in ``folder`` (a running LibreOffice does not interfere)."""
    return [
        command,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        *("--convert-to", target, "--outdir", str(out), *inputs),
    ]


def convert_to_docx(data: bytes, source: str, suffix: str = ".doc") -> bytes:
    """``data`` converted to DOCX by LibreOffice.

    Raises:
        ReportReadError: LibreOffice is missing, fails, runs over the time limit, writes
            nothing or too large a file.
    """
    what = ("a legacy Word document", "旧版 Word 文档")
    return convert(data, source, suffix, "docx", what, (INSTALL_HINT, INSTALL_HINT_ZH))


def convert(
    data: bytes,
    source: str,
    suffix: str,
    target: str,
    what: str | tuple[str, str],
    hint: str | tuple[str, str],
) -> bytes:
    """``data`` (a document of ``suffix``, ``what``: how the error calls it) converted by
    LibreOffice to ``target`` (``docx``, ``xlsx``); ``hint`` says what to install. Each
    of ``what`` and ``hint`` is said in English, or in English and in Chinese.

    Raises:
        ReportReadError: LibreOffice is missing, fails, runs over the time limit, writes
            nothing or too large a file.
    """
    command = soffice()
    if command is None:
        what, what_zh = (what, what) if isinstance(what, str) else what
        hint, hint_zh = (hint, hint) if isinstance(hint, str) else hint
        gap = " " if what_zh[:1].isascii() else ""
        raise ReportReadError(
            f"{source} is {what}; reading it needs LibreOffice, which is not installed: {hint}",
            zh=f"{source} 是{gap}{what_zh}，读取它需要 LibreOffice，但未安装：{hint_zh}",
        )
    if _together:
        made = _together.get((hashlib.sha256(data).hexdigest(), target))
        if made is not None:
            return made
    with tempfile.TemporaryDirectory(prefix="govinfo-doc-") as tmp:
        folder = Path(tmp)
        document = folder / f"report{suffix}"
        document.write_bytes(data)
        out = folder / "out"
        problem = _run(_soffice_args(command, folder, target, out, str(document)), folder)
        converted = out / f"report.{target}"
        if problem is None and not converted.is_file():
            problem = ("it wrote no document", "它没有写出任何文档")
        if problem is not None:
            raise ReportReadError(
                f"LibreOffice could not convert {source} to .{target}: {problem[0]}",
                zh=f"LibreOffice 无法将 {source} 转换为 .{target}：{problem[1]}",
            )
        size = converted.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ReportReadError(
                f"LibreOffice converted {source} to a {size}-byte .{target}; documents "
                f"larger than {MAX_SOURCE_BYTES} bytes are refused",
                zh=f"LibreOffice 将 {source} 转换成了 {size} 字节的 .{target}；大于 "
                f"{MAX_SOURCE_BYTES} 字节的文档不予读取",
            )
        return converted.read_bytes()


BATCH_SECONDS: Final = 5.0
"""Seconds a batch conversion may take per document, beyond :data:`CONVERT_TIMEOUT`
(a document takes a fraction of a second once LibreOffice has started)."""

MAX_BATCH_BYTES: Final = 256 * 1024 * 1024
"""The documents converted together, and what they convert to, hold at most this many
bytes in all (256 MiB); the rest convert alone when they are read."""

_together: dict[tuple[str, str], bytes] = {}
"""(SHA-256 of a document, target) → what a batch conversion made of it, while
:func:`converted_together` is in force."""


def conversion_target(data: bytes) -> tuple[str, str] | None:
    """(the suffix LibreOffice is given, the target) for a legacy document
    (``(".doc", "docx")``, ``(".rtf", "docx")``, ``(".xls", "xlsx")``), or None."""
    from govinfo_report.readers.xls import is_workbook_binary

    if is_rtf(data):
        return ".rtf", "docx"
    if is_word_binary(data):
        return ".doc", "docx"
    if is_workbook_binary(data):
        return ".xls", "xlsx"
    return None


@contextlib.contextmanager
def converted_together(documents: Iterable[bytes]) -> Iterator[int]:
    """Convert the legacy ones of ``documents`` (Word, RTF, workbooks) in one LibreOffice
    run per target; within the block, :func:`convert` of any of them returns what that
    run made. Yields how many were converted. Without LibreOffice, or for fewer than
    two, nothing is done here: each converts alone, when it is read; so for the
    documents beyond :data:`MAX_BATCH_BYTES`."""
    batches: dict[str, dict[str, tuple[bytes, str]]] = {}
    wanted: dict[str, int] = {}  # conversions asked for by target, the same one twice too
    total = 0
    for data in documents:
        kind = conversion_target(data)
        if kind is not None and total + len(data) <= MAX_BATCH_BYTES:
            total += len(data)
            batches.setdefault(kind[1], {})[hashlib.sha256(data).hexdigest()] = data, kind[0]
            wanted[kind[1]] = wanted.get(kind[1], 0) + 1
    command = soffice()
    added: list[tuple[str, str]] = []
    try:
        for target, batch in batches.items():
            if command is not None and wanted[target] >= 2:
                try:
                    converted = _convert_batch(command, batch, target)
                except Exception:  # an optimisation must never stop a read: each
                    converted = {}  # document then converts alone, and says why
                for digest, made in converted.items():
                    if (digest, target) not in _together:
                        _together[digest, target] = made
                        added.append((digest, target))
        yield len(added)
    finally:
        for key in added:
            _together.pop(key, None)


def _convert_batch(
    command: str, batch: dict[str, tuple[bytes, str]], target: str
) -> dict[str, bytes]:
    """SHA-256 → converted bytes of what one LibreOffice run converted of ``batch``
    (SHA-256 → (data, suffix)); nothing when the run fails or runs over the time limit
    (a file it wrote then may be cut short)."""
    with tempfile.TemporaryDirectory(prefix="govinfo-doc-") as tmp:
        folder = Path(tmp)
        inputs = folder / "in"
        inputs.mkdir()
        names = {}
        for k, (digest, (data, suffix)) in enumerate(batch.items()):
            (inputs / f"{k:05d}{suffix}").write_bytes(data)
            names[digest] = f"{k:05d}.{target}"
        out = folder / "out"
        files = sorted(str(p) for p in inputs.iterdir())
        args = _soffice_args(command, folder, target, out, *files)
        # Stopped when one document takes as long as one alone may (it prints a line for
        # each), or when the whole runs well past what the documents should take.
        limit = CONVERT_TIMEOUT + BATCH_SECONDS * len(batch)
        if _run(args, folder, limit, idle=CONVERT_TIMEOUT) is not None:
            return {}
        made, total = {}, 0
        for digest, name in names.items():
            converted = out / name
            size = converted.stat().st_size if converted.is_file() else MAX_SOURCE_BYTES + 1
            if size <= MAX_SOURCE_BYTES and total + size <= MAX_BATCH_BYTES:
                total += size
                made[digest] = converted.read_bytes()
        return made


def _run(
    args: list[str], cwd: Path, timeout: float | None = None, idle: float | None = None
) -> Problem | None:
    """Run LibreOffice in its own process group, stopped after ``timeout`` seconds
    (default :data:`CONVERT_TIMEOUT`), or once it has printed nothing for ``idle``
    seconds (it prints a line per document converted); what went wrong, or None."""
    if timeout is None:
        timeout = CONVERT_TIMEOUT
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
        return (
            f"cannot run {args[0]}: {os_reason(exc)}",
            f"无法运行 {args[0]}：{os_reason(exc, 'zh')}",
        )
    try:
        output, problem = _communicate(process, timeout, idle)
        if problem is not None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return problem
    finally:
        assert process.stdout is not None
        process.stdout.close()
    if process.returncode != 0:
        tail = output.decode("utf-8", "replace").strip()[-300:]
        return (
            f"soffice exited with status {process.returncode}" + (f": {tail}" if tail else ""),
            f"soffice 退出，状态码为 {process.returncode}" + (f"：{tail}" if tail else ""),
        )
    return None


def _communicate(
    process: subprocess.Popen[bytes], timeout: float, idle: float | None
) -> tuple[bytes, Problem | None]:
    """The end of what ``process`` printed (its last 4 KiB) once it has exited, or why it
    was stopped: over ``timeout`` seconds in all, or ``idle`` seconds without a byte.
    Its output is at its end only when every process of its group has closed it."""
    assert process.stdout is not None
    start = last = time.monotonic()
    tail = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            now = time.monotonic()
            if now - start >= timeout:
                return tail, _too_long(timeout)
            if idle is not None and now - last >= idle:
                return tail, (
                    f"it printed nothing for {idle:g} seconds",
                    f"它连续 {idle:g} 秒没有任何输出",
                )
            wait = timeout - (now - start)
            if idle is not None:
                wait = min(wait, idle - (now - last))
            if not selector.select(wait):
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            last = time.monotonic()
            tail = (tail + chunk)[-4096:]
    try:
        process.wait(timeout=max(0.0, timeout - (time.monotonic() - start)))
    except subprocess.TimeoutExpired:
        return tail, _too_long(timeout)
    return tail, None


def _too_long(timeout: float) -> Problem:
    return f"it took longer than {timeout:g} seconds", f"它用时超过 {timeout:g} 秒"


class DocReader:
    """Legacy Word documents (``.doc``, WPS 文字's ``.wps``) and RTF, through LibreOffice."""

    name = "doc"
    suffixes = (".doc", ".dot", ".rtf", ".wps", ".wpt")

    def sniff(self, data: bytes) -> bool:
        """An OLE2 Word document, or RTF (``{\\rtf``)."""
        return is_word_binary(data) or is_rtf(data)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a .doc (or RTF) document, read as the DOCX LibreOffice makes of it.

        Raises:
            ReportReadError: not a Word document, LibreOffice missing or failing, or no
                report in the converted document.
        """
        from govinfo_report.readers.docx import DocxReader

        rtf = is_rtf(data)
        if not rtf and not is_word_binary(data):
            if password_protected(data) is not None:
                raise ReportReadError(
                    f"{source}: {unsupported(data, '.doc')}",
                    zh=f"{source}：{unsupported(data, '.doc', lang='zh')}",
                )
            raise ReportReadError(
                f"{source} is not a Word document (.doc, or a WPS 文字 .wps): no OLE2 "
                "WordDocument stream",
                zh=f"{source} 不是 Word 文档（.doc，或 WPS 文字的 .wps）：没有 OLE2 "
                "WordDocument 流",
            )
        docx = convert_to_docx(data, source, ".rtf" if rtf else ".doc")
        return DocxReader().read(docx, source=source)
