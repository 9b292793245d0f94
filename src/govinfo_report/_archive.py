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

from govinfo_report._input import NotARegularFileError, open_regular
from govinfo_report._scan import OWNER_FILE, shown, walked_suffixes
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
SEPARATOR: Final = "#"
"""Between an archive's path and a member's name: ``ARCHIVE#MEMBER``."""
NO_REPORT: Final = (
    "a zip archive holding no report files (looked for the suffixes a folder walk takes)"
)
_PACKAGE_PARTS: Final = frozenset(("[Content_Types].xml", "OFD.xml", "mimetype"))
"""Parts that make a zip a document (Office Open XML, OFD, OpenDocument), not a bundle:
a .docx saved as .zip is read as the document it is."""


class ArchiveError(Exception):
    """The archive as a whole cannot be read: why (a message naming it)."""


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
            ArchiveError: not a regular file, unreadable, over :data:`MAX_ARCHIVE_BYTES`,
                not a zip, or more than :data:`MAX_MEMBERS` entries.
        """
        try:
            self._stream = open_regular(path)
        except NotARegularFileError as exc:
            raise ArchiveError(
                f"cannot read {name}: it is {exc.kind}, not a regular file"
            ) from None
        except OSError as exc:
            raise ArchiveError(f"cannot read {name}: {shown(str(exc.strerror or exc))}") from None
        try:
            self.sha256 = self._open(name)
        except BaseException:
            self._stream.close()
            raise

    def _open(self, name: str) -> str:
        stream = self._stream
        size = stream.seek(0, 2)
        if size > MAX_ARCHIVE_BYTES:
            raise ArchiveError(
                f"{name} is an archive of {size} bytes, over the {MAX_ARCHIVE_BYTES} "
                f"that are opened: {_UNPACK}"
            )
        stream.seek(0)
        digest = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
        stream.seek(0)
        try:
            self._zip = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ArchiveError(f"{name} is not a readable zip archive: {exc}") from None
        self._infos = self._zip.infolist()
        # Whether the zip is a document's package rather than a bundle of files.
        self.document = any(info.filename in _PACKAGE_PARTS for info in self._infos)
        if len(self._infos) > MAX_MEMBERS:
            self._zip.close()
            raise ArchiveError(
                f"{name} holds {len(self._infos)} entries, over the {MAX_MEMBERS} that are "
                f"opened: {_UNPACK}"
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
    ) -> Iterator[tuple[str, bytes | str]]:
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
                yield member, "it is encrypted in the archive: unpack it with its password"
                continue
            if info.file_size > MAX_SOURCE_BYTES:
                yield member, f"it is larger than {MAX_SOURCE_BYTES} bytes"
                continue
            if inflated + info.file_size > MAX_INFLATED:
                yield member, f"the archive inflates to more than {MAX_INFLATED} bytes: {_UNPACK}"
                continue
            inflated += info.file_size
            yield member, _inflate(self._zip, info)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | str:
    """The member's bytes, never more than it declares; or why it cannot be read."""
    out = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                out += chunk
                if len(out) > info.file_size:
                    return "it inflates beyond its declared size (a zip bomb or a damaged archive)"
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        return f"it is damaged in the archive: {exc}"
    except NotImplementedError as exc:  # a compression method zipfile lacks (Deflate64)
        return f"it is compressed in a way this reader cannot undo ({exc}): {_UNPACK}"
    except RuntimeError as exc:  # encrypted without the flag set
        return f"it cannot be read from the archive: {exc}"
    return bytes(out)


__all__ = [
    "ARCHIVE_SUFFIX",
    "MAX_ARCHIVE_BYTES",
    "MAX_INFLATED",
    "MAX_MEMBERS",
    "NO_REPORT",
    "SEPARATOR",
    "Archive",
    "ArchiveError",
    "member_name",
]
