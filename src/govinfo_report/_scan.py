"""Which files a batch reads: files as given, folders walked for the suffixes readers take.

One scanner for ``validate DIR``, ``render DIR`` and ``survey PATH...``: each file once
however often it is named, and a folder walked recursively, in sorted order (the same
folder gives the same list on every machine), skipping hidden files and folders
(``.git``, our own temporary files), the owner files Word leaves beside open documents
(``~$报告.docx``) and a survey's output folder (its workbook and dashboard are no
reports); a file given by name is taken whatever its suffix, since the reader detects
formats by content. A folder's documents of a format no reader reads yet (``.odt``,
``.pptx``, ``.zip`` ...) are taken too, so that reading them says what each is and what
to do, and a survey's count of a folder is the count of its documents; so are the
entries named like reports that cannot be read as files (a link to nothing, a FIFO),
which reading names.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

SURVEY_CACHE = ".survey-cache.sqlite3"
"""The cache a survey keeps in its output folder: a folder holding it holds a survey's
outputs (reports.xlsx, index.html ...), which are not reports, and is not walked."""

_SURVEY_FOLDER: Final = "a survey's output folder: its files are the survey's outputs, not reports"
_SURVEY_FOLDER_ZH: Final = "这是调查的输出文件夹：其中的文件是调查的输出，不是报告"

OWNER_FILE = "~$"
"""How the name of an owner file begins: Word and Excel write ``~$报告.docx`` (162 bytes,
who has the document open) beside a document while it is open, and leave it behind
after a crash. In the shared folders reports are gathered in it is no report, and is
not walked (given by name, it is read, and refused as not a document)."""


def shown(text: str) -> str:
    """``text`` (a file name, or a message naming one) as text any UTF-8 output can hold.

    A name the file system keeps in another encoding than UTF-8 (GBK, from an archive
    made on Windows) comes to Python with each byte it cannot decode as a lone surrogate
    (``\\udcc4``), which no CSV, JSON or database text can hold; each such byte is
    written ``\\xc4`` instead. Any other text is returned as it is.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate no file system gave: said as \\udXXX
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return text


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, str | None]]:
    """Files as given; folders recursively, keeping the suffixes some reader accepts
    and those of the documents no reader reads yet (:func:`walked_suffixes`).

    Each path comes with None, or with why it is unusable: a folder holding no report
    is one (``validate empty/`` must not say all is well). A given path becomes a
    :class:`~pathlib.Path` only when it is reached (a list of 100,000 file names is not
    copied as as many paths). Each file comes once, however often it is named: given
    again (``a.json ./a.json``), or given and also under a folder given, or under two
    folders given (one inside the other); paths are compared as written, so ``a.json``
    and ``/abs/a.json`` are two names.
    """
    for _, path, reason in expand_given(paths):
        yield path, reason


def expand_given(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, Path, str | None]]:
    """:func:`expand_paths`, each file with the path given that it was found by (itself,
    or the folder it was found under)."""
    given_files: set[str] = set()
    folders: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            name = str(path)
            if name in given_files or (folders and _inside(path, folders)):
                continue
            given_files.add(name)
            yield path, path, None
            continue
        if path in folders or _inside(path, folders):
            continue  # walked already, as or within a folder given before
        inner = {f for f in folders if path in f.parents}  # walked before, inside this one
        folders.add(path)
        if (path / SURVEY_CACHE).is_file():
            yield path, path, _SURVEY_FOLDER
            continue
        suffixes = walked_suffixes()
        empty = True
        for folder, name in _walk(path):
            if _suffix(name).lower() in suffixes:
                empty = False
                file = folder / name
                if (given_files and str(file) in given_files) or (inner and _inside(file, inner)):
                    continue
                yield path, file, None
        if empty:
            yield path, path, _no_reports()[0]


def _inside(path: Path, folders: set[Path]) -> bool:
    """Whether ``path`` lies below one of ``folders`` (as written, not resolved)."""
    return any(parent in folders for parent in path.parents)


def _walk(folder: Path) -> Iterator[tuple[Path, str]]:
    """(folder, name) of every entry below ``folder`` that is not a folder, in sorted
    order (``sorted(folder.rglob("*"))``'s: each folder's entries by name, a folder's
    contents right after it), without hidden entries (``.git``, our own temporary
    files), Office's owner files (:data:`OWNER_FILE`) and folders holding a survey's
    outputs (:data:`SURVEY_CACHE`), and without entering linked folders, as ``rglob``
    does not. A link to a file is a file; a link to nothing, a FIFO, a socket or a
    device is given too, for reading it to say what it is (a report the folder shows
    but that cannot be read is never passed over in silence). One folder's entries are
    held at a time, not the whole tree, and what the directory listing tells (file or
    folder) is not asked again."""
    try:
        with os.scandir(folder) as listing:
            # Sorted as paths sort (os.path.normcase: case-blind on Windows), by their
            # names: comparing Path objects costs a microsecond a comparison.
            entries = []
            for e in listing:
                if e.name.startswith("."):
                    if e.name == SURVEY_CACHE:
                        return  # a survey's output folder: its outputs are no reports
                    continue
                is_folder = e.is_dir(follow_symlinks=False)
                if e.name.startswith(OWNER_FILE) and not is_folder:
                    continue  # Word's lock beside an open document: no report
                entries.append((os.path.normcase(e.name), e.name, is_folder, _linked_folder(e)))
            entries.sort()
    except OSError:
        return  # unreadable or gone: as rglob, nothing below it
    for _, name, is_folder, linked_folder in entries:
        if is_folder:
            yield from _walk(folder / name)
        elif not linked_folder:
            yield folder, name


def _linked_folder(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a link to a folder (not entered, as by rglob)."""
    try:
        return entry.is_symlink() and entry.is_dir()  # is_dir() follows the link
    except OSError:
        return False  # a link that cannot be followed is given, to be named when read


def _suffix(name: str) -> str:
    """``Path(name).suffix``, without making the path."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def document_suffix(file: str) -> str:
    """The suffix of the document a survey's ``file`` names, lower case, without its dot
    ("" for none); / or \\ separated. A report inside another file is named after both,
    joined by ``#`` (``ARCHIVE.zip#各区/局.docx``, ``REGION.xlsx#东区局`` for a workbook's
    department): its suffix is the last part's that is one a walk takes (``docx``,
    ``xlsx``), not what follows the last dot (``xlsx#东区局``)."""
    name = file.rpartition("/")[2].rpartition("\\")[2]
    if "#" in file:
        walked = walked_suffixes()
        for part in reversed(file.split("#")):
            leaf = part.rpartition("/")[2].rpartition("\\")[2]
            stem, dot, suffix = leaf.rpartition(".")
            if dot and stem.strip(".") and f".{suffix.lower()}" in walked:
                return suffix.lower()
    stem, dot, suffix = name.rpartition(".")
    return suffix.lower() if dot and stem.strip(".") else ""


@functools.cache
def readable_suffixes() -> frozenset[str]:
    """Every suffix a built-in reader accepts (``.docx``, ``.json``, ...), told without
    importing the readers (:func:`govinfo_report.readers.builtin_suffixes`)."""
    from govinfo_report.readers import builtin_suffixes

    return builtin_suffixes()


@functools.cache
def walked_suffixes() -> frozenset[str]:
    """The suffixes a folder walk takes: :func:`readable_suffixes`, and those of the
    documents and archives no reader reads yet
    (:data:`~govinfo_report.readers.UNSUPPORTED_SUFFIXES`), which reading names."""
    from govinfo_report.readers import UNSUPPORTED_SUFFIXES

    return readable_suffixes() | UNSUPPORTED_SUFFIXES


def _no_reports() -> tuple[str, str]:
    """Why a folder holding no report is unusable, in English and Chinese."""
    looked = ", ".join(sorted(readable_suffixes()))
    return (
        f"no report files in this folder or below (looked for {looked})",
        f"此文件夹及其下各级文件夹中没有报告文件（查找的后缀：{looked}）",
    )


def unusable_zh(reason: str) -> str:
    """A reason :func:`expand_given` gives, in Chinese (``reason`` itself if another)."""
    if reason == _SURVEY_FOLDER:
        return _SURVEY_FOLDER_ZH
    english, chinese = _no_reports()
    return chinese if reason == english else reason


__all__ = [
    "SURVEY_CACHE",
    "document_suffix",
    "expand_given",
    "expand_paths",
    "readable_suffixes",
    "unusable_zh",
    "walked_suffixes",
]
