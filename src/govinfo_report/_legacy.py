"""The legacy documents (.doc, .wps, .rtf, .xls, .et) of a batch of files (a survey
worker's, the files ``validate`` reads at a time) converted by one LibreOffice run
before the batch is read.

Each such document needs LibreOffice, and starting it costs most of a conversion: one
run for a batch converts each in about a quarter of the time of a run of its own
(:func:`govinfo_report.readers.doc.converted_together`). The documents are found by
their suffix and read once more here (the conversion dwarfs a read); a file unchanged
since the last run (its SHA-256 the known one) is left out, as it will not be read. A
document the batch did not convert is converted alone when it is read, so what is
reported of each file is what would be reported of it alone.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from govinfo_report._input import read_file
from govinfo_report.readers import MAX_SOURCE_BYTES

if TYPE_CHECKING:
    from govinfo_report._archive import Archive

LEGACY_SUFFIXES: Final = frozenset(
    (".doc", ".dot", ".rtf", ".wps", ".wpt", ".xls", ".xlt", ".et", ".ett")
)
"""The doc and xls readers' suffixes, named here so that a batch holding none imports
neither reader (a test keeps them the readers')."""


def _no_libreoffice() -> bool:
    from govinfo_report.readers.doc import soffice

    return soffice() is None


@contextlib.contextmanager
def converted_first(tasks: Sequence[tuple[str, str]]) -> Iterator[int]:
    """Within the block, the legacy documents of ``tasks`` (``(path, known SHA-256)``)
    are read from one LibreOffice run's conversions; yields how many were converted."""
    legacy = [(p, k) for p, k in tasks if Path(p).suffix.lower() in LEGACY_SUFFIXES]
    if len(legacy) < 2 or _no_libreoffice():
        yield 0  # nothing to batch, or nothing to batch with (each row says so)
        return
    from govinfo_report.readers.doc import MAX_BATCH_BYTES, converted_together

    documents: list[bytes] = []
    total = 0  # held at once: at most the batch's budget, however large the files
    for path, known in legacy:
        try:
            data = read_file(Path(path), MAX_SOURCE_BYTES)
        except OSError:
            continue  # reading it says why
        if len(data) > MAX_SOURCE_BYTES or total + len(data) > MAX_BATCH_BYTES:
            continue  # read, and converted, alone
        if known and hashlib.sha256(data).hexdigest() == known:
            continue
        documents.append(data)
        total += len(data)
    if len(documents) < 2:
        yield 0
        return

    with converted_together(documents) as converted:
        yield converted


@contextlib.contextmanager
def converted_members(archive: Archive) -> Iterator[int]:
    """Within the block, the legacy documents inside ``archive`` are read from one
    LibreOffice run's conversions (those that fit in
    :data:`~govinfo_report.readers.doc.MAX_BATCH_BYTES`); yields how many were."""
    from govinfo_report.readers.doc import MAX_BATCH_BYTES, converted_together

    documents = [
        data
        for _, data in archive.members(LEGACY_SUFFIXES, MAX_BATCH_BYTES)
        if isinstance(data, bytes)
    ]
    if len(documents) < 2:
        yield 0
        return
    with converted_together(documents) as converted:
        yield converted


__all__ = ["LEGACY_SUFFIXES", "converted_first", "converted_members"]
