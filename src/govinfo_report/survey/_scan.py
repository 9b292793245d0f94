"""Which files a batch reads: files as given, folders walked for the suffixes readers take.

One scanner for ``validate DIR`` and ``survey PATH...``: a folder is walked recursively,
in sorted order (the same folder gives the same list on every machine), skipping hidden
files and folders (``.git``, our own temporary files, a survey's cache); a file given by
name is taken whatever its suffix, since the reader detects formats by content.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path


def expand_paths(paths: Sequence[Path]) -> Iterator[tuple[Path, str | None]]:
    """Files as given; folders recursively, keeping the suffixes some reader accepts.

    Each path comes with None, or with why it is unusable: a folder holding no report
    is one (``validate empty/`` must not say all is well).
    """
    for path in paths:
        if not path.is_dir():
            yield path, None
            continue
        suffixes = readable_suffixes()
        empty = True
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path).parts
            if any(part.startswith(".") for part in relative):
                continue  # hidden files, our own temporary files, .git
            if found.suffix.lower() in suffixes and found.is_file():
                empty = False
                yield found, None
        if empty:
            looked = ", ".join(sorted(suffixes))
            yield path, f"no report files in this folder or below (looked for {looked})"


@functools.cache
def readable_suffixes() -> frozenset[str]:
    """Every suffix some available reader accepts (``.docx``, ``.json``, ...)."""
    from govinfo_report.readers import available_readers, get_reader

    return frozenset(s for name in available_readers() for s in get_reader(name).suffixes)


__all__ = ["expand_paths", "readable_suffixes"]
