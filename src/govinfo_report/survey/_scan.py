"""Which files a batch reads: files as given, folders walked for the suffixes readers take.

One scanner for ``validate DIR`` and ``survey PATH...``: a folder is walked recursively,
in sorted order (the same folder gives the same list on every machine), skipping hidden
files and folders (``.git``, our own temporary files, a survey's cache); a file given by
name is taken whatever its suffix, since the reader detects formats by content.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, str | None]]:
    """Files as given; folders recursively, keeping the suffixes some reader accepts.

    Each path comes with None, or with why it is unusable: a folder holding no report
    is one (``validate empty/`` must not say all is well). A given path becomes a
    :class:`~pathlib.Path` only when it is reached (a list of 100,000 file names is not
    copied as as many paths).
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, None
            continue
        suffixes = readable_suffixes()
        empty = True
        for found in _walk(path):
            if found.suffix.lower() in suffixes and found.is_file():
                empty = False
                yield found, None
        if empty:
            looked = ", ".join(sorted(suffixes))
            yield path, f"no report files in this folder or below (looked for {looked})"


def _walk(folder: Path) -> Iterator[Path]:
    """Everything below ``folder``, in sorted order (``sorted(folder.rglob("*"))``'s:
    each folder's entries by name, a folder's contents right after it), without hidden
    entries (``.git``, our own temporary files, a survey's cache) and without entering
    linked folders, as ``rglob`` does not. One folder's entries are held at a time, not
    the whole tree: a survey of 100,000 files holds no list of them here."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (folder / e.name, e.is_dir(follow_symlinks=False))
                for e in listing
                if not e.name.startswith(".")
            )
    except OSError:
        return  # unreadable or gone: as rglob, nothing below it
    for found, is_folder in entries:  # sorted as paths are (case-blind on Windows)
        yield found
        if is_folder:
            yield from _walk(found)


@functools.cache
def readable_suffixes() -> frozenset[str]:
    """Every suffix some available reader accepts (``.docx``, ``.json``, ...)."""
    from govinfo_report.readers import available_readers, get_reader

    return frozenset(s for name in available_readers() for s in get_reader(name).suffixes)


__all__ = ["expand_paths", "readable_suffixes"]
