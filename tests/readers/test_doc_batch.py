"""Legacy documents converted together: one LibreOffice run for a batch, each document
read from it as from a run of its own, and any the batch misses converted alone.

The fake ``soffice`` here "converts" by copying a DOCX written by our writer for every
input it is given, and logs each run's inputs, so the runs are counted without
LibreOffice; the tests marked ``needs_calc`` run the real one.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from govinfo_report import load, write_report
from govinfo_report.readers import doc as doc_module
from govinfo_report.readers import read_report
from govinfo_report.survey import survey
from readers.test_doc_reader import needs_calc, soffice_convert

ROOT = Path(__file__).parents[2]
DOC = ROOT / "tests" / "fixtures" / "doc" / "report_2021.doc"
XLS = ROOT / "tests" / "fixtures" / "xls" / "report_2021.xls"
EXAMPLE_2021 = ROOT / "examples" / "example_2021.yaml"


def fake_soffice(tmp_path: Path, *, fail_batches: bool = False, skip: str = "") -> Path:
    """A soffice that copies ``tmp_path/made.docx`` to OUTDIR/STEM.docx for each input
    (none for an input whose name holds ``skip``), logging one line of inputs per run;
    with ``fail_batches``, a run given more than one input exits 1."""
    write_report(load(EXAMPLE_2021), tmp_path / "made.docx")
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; shift 2\n'
        f'echo "$#" >> "{tmp_path}/runs.log"\n'
        + ('[ "$#" -gt 1 ] && exit 1\n' if fail_batches else "")
        + 'mkdir -p "$out"\n'
        'for f in "$@"; do\n'
        '  base=$(basename "$f"); stem="${base%.*}"\n'
        + (f'  case "$stem" in *{skip}*) continue;; esac\n' if skip else "")
        + f'  cp "{tmp_path}/made.docx" "$out/$stem.docx"\n'
        "done\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def use_fake_soffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, fail_batches: bool = False, skip: str = ""
) -> None:
    """:func:`fake_soffice`, made the one the doc reader runs."""
    command = fake_soffice(tmp_path, fail_batches=fail_batches, skip=skip)
    monkeypatch.setattr(doc_module, "soffice", lambda: str(command))


def runs(tmp_path: Path) -> list[int]:
    """How many inputs each run of the fake was given."""
    log = tmp_path / "runs.log"
    return [int(line) for line in log.read_text().split()] if log.exists() else []


def distinct_docs(n: int) -> list[bytes]:
    """``n`` different legacy Word documents (the fixture, a byte of padding apart:
    an OLE2 file's sectors are read by offset, so trailing bytes change nothing)."""
    return [DOC.read_bytes() + bytes(k) for k in range(n)]


def doc_folder(tmp_path: Path, n: int) -> Path:
    """``tmp_path/in`` holding :func:`distinct_docs` ``(n)`` as 局0.doc, 局1.doc ..."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k, data in enumerate(distinct_docs(n)):
        (folder / f"局{k}.doc").write_bytes(data)
    return folder


def test_documents_converted_together_take_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch)
    docs = distinct_docs(3)
    direct = read_report(tmp_path / "made.docx")
    with doc_module.converted_together(docs) as converted:
        assert converted == 3
        assert runs(tmp_path) == [3]
        for data in docs:
            assert read_report(data) == direct
        assert runs(tmp_path) == [3]  # read from the batch: no run of their own
    read_report(docs[0])
    assert runs(tmp_path) == [3, 1]  # after the block, a conversion of its own again


def test_a_failed_batch_leaves_each_to_convert_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch, fail_batches=True)
    docs = distinct_docs(2)
    with doc_module.converted_together(docs) as converted:
        assert converted == 0
        for data in docs:
            assert read_report(data).report == load(EXAMPLE_2021)
    assert runs(tmp_path) == [2, 1, 1]


def test_a_document_the_batch_missed_is_converted_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch, skip="00001")  # the second input: no output
    docs = distinct_docs(3)
    with doc_module.converted_together(docs) as converted:
        assert converted == 2
        for data in docs:
            assert read_report(data).report == load(EXAMPLE_2021)
    assert runs(tmp_path) == [3, 1]


def test_a_batch_holds_at_most_its_byte_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch)
    docs = distinct_docs(4)
    monkeypatch.setattr(doc_module, "MAX_BATCH_BYTES", 2 * len(docs[-1]))
    with doc_module.converted_together(docs) as converted:
        assert converted == 2
        assert runs(tmp_path) == [2]
        for data in docs:
            read_report(data)
    assert runs(tmp_path) == [2, 1, 1]


def test_one_document_or_none_legacy_is_not_batched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch)
    with doc_module.converted_together([DOC.read_bytes(), b'{"metadata": {}}']) as converted:
        assert converted == 0
    assert runs(tmp_path) == []


def test_the_legacy_suffixes_are_the_doc_and_xls_readers() -> None:
    from govinfo_report._legacy import LEGACY_SUFFIXES
    from govinfo_report.readers.doc import DocReader
    from govinfo_report.readers.xls import XlsReader

    assert frozenset((*DocReader.suffixes, *XlsReader.suffixes)) == LEGACY_SUFFIXES
    # And the workbooks' that may hold departments, named apart so that a JSON survey
    # or validate imports no workbook reader.
    from govinfo_report import _departments
    from govinfo_report.readers.xlsx import XlsxReader

    assert frozenset(XlsReader.suffixes) == _departments.OLD_WORKBOOK_SUFFIXES
    assert frozenset(XlsxReader.suffixes) == _departments.WORKBOOK_SUFFIXES


def test_without_libreoffice_nothing_is_batched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    with doc_module.converted_together(distinct_docs(2)) as converted:
        assert converted == 0


def test_a_survey_converts_a_batchs_legacy_documents_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch)
    folder = doc_folder(tmp_path, 8)
    result = survey([folder], tmp_path / "out", jobs=1, similar=False)
    assert (result.files, result.ok) == (8, 8)
    assert runs(tmp_path) == [8]  # one run for them all: a lone worker's single batch
    # Unchanged on a re-run: not read, so not converted either.
    assert survey([folder], tmp_path / "out", jobs=1, similar=False).read == 0
    assert runs(tmp_path) == [8]


def test_the_legacy_documents_are_cut_into_one_batch_a_worker() -> None:
    from govinfo_report.survey._run import _chunks

    todo = [f"局{k}.doc" for k in range(10)] + [f"局{k}.json" for k in range(16)]
    serial = [len(chunk) for chunk in _chunks(todo, {}, 1)]
    assert serial == [10, 4, 4, 4, 4]  # the rest still in quarters, for the progress bar
    two = list(_chunks(todo, {}, 2))
    assert [len(chunk) for chunk in two] == [5, 5, 2, 2, 2, 2, 2, 2, 2, 2]
    assert sorted(path for chunk in two for path, _ in chunk) == sorted(todo)


def test_validate_converts_the_legacy_documents_it_reads_at_a_time_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from govinfo_report.cli import run

    use_fake_soffice(tmp_path, monkeypatch)
    folder = doc_folder(tmp_path, 3)
    (folder / "other.json").write_text("{", encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["validate", str(folder)], stdout, stderr) == 2  # other.json is broken
    assert runs(tmp_path) == [3]
    assert stdout.getvalue().count("无错误") == 3
    # Another reader asked for: nothing converted beforehand.
    assert run(["validate", "--from", "text", str(folder)], stdout, stderr) == 2
    assert runs(tmp_path) == [3]


@needs_calc  # the batch holds an .xls
def test_libreoffice_converts_a_batch_as_it_converts_each(tmp_path: Path) -> None:
    write_report(load(EXAMPLE_2021), tmp_path / "r.docx")
    soffice_convert(tmp_path / "r.docx", "rtf", tmp_path)
    documents = [DOC.read_bytes(), (tmp_path / "r.rtf").read_bytes(), XLS.read_bytes()]
    alone = [read_report(data) for data in documents]
    with doc_module.converted_together([*documents, documents[0], documents[2]]) as converted:
        assert converted == 3
        together = [read_report(data) for data in documents]
    assert together == alone


def test_the_legacy_documents_inside_an_archive_take_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import zipfile

    from govinfo_report.cli import run

    use_fake_soffice(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "各单位.zip", "w") as z:
        for k, data in enumerate(distinct_docs(3)):
            z.writestr(f"局{k}.doc", data)
        z.writestr("说明.txt", "附件为各单位年报。")
    result = survey([folder], tmp_path / "out", jobs=1, similar=False)
    assert (result.files, result.ok) == (4, 3)  # the note is no report
    assert runs(tmp_path) == [3]
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["validate", str(folder / "各单位.zip")], stdout, stderr) == 2
    assert stdout.getvalue().count("无错误") == 3
    assert runs(tmp_path) == [3, 3]


def test_a_batch_that_breaks_leaves_each_to_convert_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_soffice(tmp_path, monkeypatch)

    def full_disk(*args: object) -> dict[str, bytes]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(doc_module, "_convert_batch", full_disk)
    docs = distinct_docs(2)
    with doc_module.converted_together(docs) as converted:
        assert converted == 0
        assert read_report(docs[0]).report == load(EXAMPLE_2021)
    assert runs(tmp_path) == [1]


def test_a_batch_stalled_on_one_document_is_stopped_at_one_documents_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    # Given several inputs, the fake prints its first line and then hangs (a document
    # LibreOffice never finishes); given one, it converts.
    write_report(load(EXAMPLE_2021), tmp_path / "made.docx")
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; shift 2\n'
        f'echo "$#" >> "{tmp_path}/runs.log"\n'
        'if [ "$#" -gt 1 ]; then echo "convert $1"; sleep 60 & sleep 60; fi\n'
        'mkdir -p "$out"; base=$(basename "$1")\n'
        f'cp "{tmp_path}/made.docx" "$out/${{base%.*}}.docx"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(doc_module, "soffice", lambda: str(script))
    monkeypatch.setattr(doc_module, "CONVERT_TIMEOUT", 0.5)
    docs = distinct_docs(4)  # the batch's own limit: 0.5 + 4 × 5 s
    start = time.monotonic()
    with doc_module.converted_together(docs) as converted:
        assert converted == 0
        assert time.monotonic() - start < 5  # stopped after 0.5 s without output
        for data in docs:
            assert read_report(data).report == load(EXAMPLE_2021)
    assert runs(tmp_path) == [4, 1, 1, 1, 1]


def test_a_survey_batch_holds_at_most_its_byte_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo_report import _legacy

    use_fake_soffice(tmp_path, monkeypatch)
    docs = distinct_docs(4)
    monkeypatch.setattr(doc_module, "MAX_BATCH_BYTES", 2 * len(docs[-1]))
    given: list[int] = []  # how many documents are held for the batch at once
    real = doc_module.converted_together

    def counting(documents: list[bytes]) -> object:
        given.append(len(documents))
        return real(documents)

    monkeypatch.setattr(doc_module, "converted_together", counting)
    tasks = []
    for k, data in enumerate(docs):
        (tmp_path / f"{k}.doc").write_bytes(data)
        tasks.append((str(tmp_path / f"{k}.doc"), ""))
    with _legacy.converted_first(tasks) as converted:
        assert converted == 2  # the first two; the others are read and converted alone
    assert given == [2]  # not all four held in memory, however large
    assert runs(tmp_path) == [2]


def test_without_libreoffice_the_files_are_not_even_read_for_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo_report import _legacy

    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    monkeypatch.setattr(_legacy, "read_file", lambda *a: pytest.fail("read"))
    tasks = [(str(tmp_path / "a.doc"), ""), (str(tmp_path / "b.xls"), "")]
    with _legacy.converted_first(tasks) as converted:
        assert converted == 0


def test_import_of_an_xls_that_fails_to_convert_runs_libreoffice_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from govinfo_report.cli import run

    use_fake_soffice(tmp_path, monkeypatch, skip="report")  # writes nothing for it
    stdout, stderr = io.StringIO(), io.StringIO()
    args = ["import", str(XLS), "-o", str(tmp_path / "r.yaml"), "--lang", "en"]
    assert run(args, stdout, stderr) == 2
    assert "LibreOffice could not convert" in stderr.getvalue()
    assert "it wrote no document" in stderr.getvalue()
    assert runs(tmp_path) == [1]
    assert not (tmp_path / "r.yaml").exists()
