"""Zip archives of reports, opened for the reports inside (``survey``, ``validate``).

Reports reach a supervising office bundled (各单位年报.zip), and a corpus downloaded
from portals holds such bundles beside single files. :class:`Archive` gives every
member whose suffix a folder walk takes, skipping what a walk skips (folders, hidden
names and ``__MACOSX``, Word's ``~$`` owner files), each named ``ARCHIVE#MEMBER`` by its
callers (as a workbook of departments gives ``PATH#SHEET``). Nothing is written to
disk, and nothing is unpacked beyond the limits below; an archive inside an archive is
named, not opened. Member names are decoded as the archive says (UTF-8 when flagged)
and otherwise as Windows in China writes them (GBK), not as the CP437 the zip format
defaults to.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import attrs

from govinfo_report._input import NotARegularFileError, open_regular
from govinfo_report._scan import OWNER_FILE, shown, walked_suffixes
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import MAX_SOURCE_BYTES

ARCHIVE_SUFFIX: Final = ".zip"
MAX_ARCHIVE_BYTES: Final = 4 * 1024**3
"""The archive's own size at most (4 GiB): larger, it is named, to be unpacked first."""
MAX_MEMBERS: Final = 10_000
"""Members at most (files and folders): more, and the archive is named, not read."""
MAX_INFLATED: Final = 8 * 1024**3
"""The members read may inflate to this many bytes in all (8 GiB): a zip bomb stops."""
_UTF8_FLAG: Final = 0x800
_ENCRYPTED_FLAG: Final = 0x1
_CHUNK: Final = 1024 * 1024
_UNPACK: Final = "unpack it and give the folder"
_UNPACK_ZH: Final = "请解压后给出文件夹"
SEPARATOR: Final = "#"
"""Between an archive's path and a member's name: ``ARCHIVE#MEMBER``."""
NO_REPORT: Final = (
    "a zip archive holding no report files (looked for the suffixes a folder walk takes)"
)
NO_REPORT_ZH: Final = "不含报告文件的 zip 压缩包（按遍历文件夹时读取的后缀查找）"
""":data:`NO_REPORT` in Chinese."""
_PACKAGE_PARTS: Final = frozenset(("[Content_Types].xml", "OFD.xml", "mimetype"))
"""Parts that make a zip a document (Office Open XML, OFD, OpenDocument), not a bundle:
a .docx saved as .zip is read as the document it is."""


@attrs.frozen
class Unreadable:
    """Why a member cannot be read from its archive, in English and Chinese."""

    en: str
    zh: str

    def error(self, where: str) -> ReportReadError:
        """The error of the member, called ``where`` (``ARCHIVE#MEMBER``)."""
        return ReportReadError(f"cannot read {where}: {self.en}", zh=f"无法读取 {where}：{self.zh}")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its writer meant it: UTF-8 when flagged so (or when its
    bytes are UTF-8), else GBK (GB18030), which zip tools on Chinese Windows write;
    CP437, the format's default, only when neither decodes it."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437")  # zipfile decoded the bytes as CP437
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _taken(name: str) -> bool:
    """Whether a folder walk would take a file so named inside a folder."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or name.endswith(("/", "\\")):
        return False  # a folder
    if any(part.startswith(".") or part == "__MACOSX" for part in parts):
        return False
    leaf = parts[-1]
    if leaf.startswith(OWNER_FILE):
        return False
    dot = leaf.rfind(".")
    return 0 < dot < len(leaf) - 1 and leaf[dot:].lower() in walked_suffixes()


class Archive:
    """An open zip archive: its SHA-256 and the members a walk takes. Close it (or use
    it in a ``with`` block) whether or not its members are read."""

    def __init__(self, path: Path, name: str) -> None:
        """Open the archive at ``path`` (``name``: how messages call it).

        Raises:
            ReportReadError: not a regular file, unreadable, over :data:`MAX_ARCHIVE_BYTES`,
                not a zip, or more than :data:`MAX_MEMBERS` entries.
        """
        try:
            self._stream = open_regular(path)
        except NotARegularFileError as exc:
            raise ReportReadError(
                f"cannot read {name}: it is {exc.kind}, not a regular file",
                zh=f"无法读取 {name}：它是{exc.kind_zh}，不是普通文件",
            ) from None
        except OSError as exc:
            from govinfo_report._failures import os_reason

            raise ReportReadError(
                f"cannot read {name}: {shown(os_reason(exc))}",
                zh=f"无法读取 {name}：{shown(os_reason(exc, 'zh'))}",
            ) from None
        try:
            self.sha256 = self._open(name)
        except BaseException:
            self._stream.close()
            raise

    def _open(self, name: str) -> str:
        stream = self._stream
        size = stream.seek(0, 2)
        if size > MAX_ARCHIVE_BYTES:
            raise ReportReadError(
                f"{name} is an archive of {size} bytes, over the {MAX_ARCHIVE_BYTES} "
                f"that are opened: {_UNPACK}",
                zh=f"{name} 是 {size} 字节的压缩包，超过可打开的 {MAX_ARCHIVE_BYTES} 字节："
                f"{_UNPACK_ZH}",
            )
        stream.seek(0)
        digest = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
        stream.seek(0)
        try:
            self._zip = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ReportReadError(
                f"{name} is not a readable zip archive: {exc}",
                zh=f"{name} 不是可读取的 zip 压缩包：{exc}",
            ) from None
        self._infos = self._zip.infolist()
        # Whether the zip is a document's package rather than a bundle of files.
        self.document = any(info.filename in _PACKAGE_PARTS for info in self._infos)
        if len(self._infos) > MAX_MEMBERS:
            self._zip.close()
            raise ReportReadError(
                f"{name} holds {len(self._infos)} entries, over the {MAX_MEMBERS} that are "
                f"opened: {_UNPACK}",
                zh=f"{name} 有 {len(self._infos)} 个条目，超过可打开的 {MAX_MEMBERS} 个："
                f"{_UNPACK_ZH}",
            )
        return digest.hexdigest()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._stream.close()

    def _walked(self) -> Iterator[tuple[zipfile.ZipInfo, str]]:
        """(entry, name) of each member a walk takes, in the archive's order."""
        for info in self._infos:
            if not info.is_dir() and _taken(name := member_name(info)):
                yield info, name

    def holds_reports(self) -> bool:
        """Whether any member is one a walk takes (none is inflated to tell)."""
        return any(True for _ in self._walked())

    def names(self) -> list[str]:
        """The names of the members a walk takes, in :meth:`members`' order (none is
        inflated to tell)."""
        return [name for _, name in self._walked()]

    def members(
        self, suffixes: frozenset[str] | None = None, budget: int | None = None
    ) -> Iterator[tuple[str, bytes | Unreadable]]:
        """Each member a walk takes as ``(member name, its bytes or why it cannot be
        read)``, in the archive's order; only those of ``suffixes`` (lower case) if
        given, and with a ``budget``, only the readable ones whose bytes fit in it in
        all (the rest passed over, not named)."""
        inflated = 0
        for info, member in self._walked():
            if suffixes is not None and Path(member).suffix.lower() not in suffixes:
                continue
            if budget is not None and (
                info.flag_bits & _ENCRYPTED_FLAG or inflated + info.file_size > budget
            ):
                continue
            if info.flag_bits & _ENCRYPTED_FLAG:
                yield (
                    member,
                    Unreadable(
                        "it is encrypted in the archive: unpack it with its password",
                        "它在压缩包中已加密：请用密码解压",
                    ),
                )
                continue
            if info.file_size > MAX_SOURCE_BYTES:
                yield (
                    member,
                    Unreadable(
                        f"it is larger than {MAX_SOURCE_BYTES} bytes",
                        f"它大于 {MAX_SOURCE_BYTES} 字节",
                    ),
                )
                continue
            if inflated + info.file_size > MAX_INFLATED:
                yield (
                    member,
                    Unreadable(
                        f"the archive inflates to more than {MAX_INFLATED} bytes: {_UNPACK}",
                        f"压缩包解压后超过 {MAX_INFLATED} 字节：{_UNPACK_ZH}",
                    ),
                )
                continue
            inflated += info.file_size
            yield member, _inflate(self._zip, info)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | Unreadable:
    """The member's bytes, never more than it declares; or why it cannot be read."""
    out = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                out += chunk
                if len(out) > info.file_size:
                    return Unreadable(
                        "it inflates beyond its declared size (a zip bomb or a damaged archive)",
                        "它解压后超过声明的大小（压缩炸弹或已损坏的压缩包）",
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        return Unreadable(f"it is damaged in the archive: {exc}", f"它在压缩包中已损坏：{exc}")
    except NotImplementedError as exc:  # a compression method zipfile lacks (Deflate64)
        return Unreadable(
            f"it is compressed in a way this reader cannot undo ({exc}): {_UNPACK}",
            f"它的压缩方式无法解开（{exc}）：{_UNPACK_ZH}",
        )
    except RuntimeError as exc:  # encrypted without the flag set
        return Unreadable(
            f"it cannot be read from the archive: {exc}", f"无法从压缩包中读出它：{exc}"
        )
    return bytes(out)


__all__ = [
    "ARCHIVE_SUFFIX",
    "MAX_ARCHIVE_BYTES",
    "MAX_INFLATED",
    "MAX_MEMBERS",
    "NO_REPORT",
    "NO_REPORT_ZH",
    "SEPARATOR",
    "Archive",
    "Unreadable",
    "member_name",
]
