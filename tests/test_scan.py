"""Which files a batch reads: the walk gives rglob's sorted order without holding it."""

from __future__ import annotations

import os
from pathlib import Path

from govinfo_report._scan import expand_paths, readable_suffixes, walked_suffixes


def _reference(folder: Path) -> list[Path]:
    """What rglob lists with a report's suffix, hidden entries and folders (linked ones
    too) left out: what the scanner read before it walked one folder at a time, and the
    entries that are no regular file (a link to nothing, a FIFO), named when read."""
    suffixes = walked_suffixes()
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.suffix.lower() in suffixes and not path.is_dir():
            found.append(path)
    return found


def test_a_folder_is_walked_in_rglobs_sorted_order_without_hidden_entries(
    tmp_path: Path,
) -> None:
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    for name in (
        "b.json", "B.json", "a.yaml", "sub/y.json", "sub-x/z.json", "sub/deep/w.md",
        "sub.json", ".hidden.json", ".git/x.json", "sub/.cache/v.json", "notes.txt~",
        "README", "x.JSON", "a.tar.json",
    ):  # fmt: skip
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    (elsewhere / "inside").mkdir(parents=True)
    (elsewhere / "inside" / "r.json").write_text("{}", encoding="utf-8")
    (corpus / "linked").symlink_to(elsewhere / "inside")  # a linked folder: not entered
    (corpus / "link.json").symlink_to(elsewhere / "inside" / "r.json")  # a linked file: read
    walked = [path for path, reason in expand_paths([corpus]) if reason is None]
    assert walked == _reference(corpus)
    assert corpus / "link.json" in walked
    assert corpus / "sub" / "deep" / "w.md" in walked
    assert not any(part.startswith(".") for p in walked for part in p.parts[-2:])


def test_entries_named_like_reports_that_are_no_files_are_walked_to_be_named(
    tmp_path: Path,
) -> None:
    # A folder listing shows them: a survey's count must too, and reading each says why
    # it is unreadable. A linked folder is not entered, whatever its name.
    (tmp_path / "ok.yaml").write_text("{}", encoding="utf-8")
    (tmp_path / "gone.json").symlink_to(tmp_path / "nothing.json")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "r.json").write_text("{}", encoding="utf-8")
    (tmp_path / "folder.json").symlink_to(tmp_path / "real")
    expected = ["gone.json", "ok.yaml", "real/r.json"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        expected.append("pipe.json")
    walked = [path for path, reason in expand_paths([tmp_path]) if reason is None]
    assert [p.relative_to(tmp_path).as_posix() for p in walked] == sorted(expected)
    assert walked == _reference(tmp_path)


def test_documents_no_reader_reads_are_walked_and_images_are_not(tmp_path: Path) -> None:
    # So that a survey counts them and says what each is, rather than passing over them.
    names = ["a.json", "b.xls", "c.OFD", "d.zip", "e.pptx", "f.et", "g.rar", "h.7z", "i.odt"]
    for name in [*names, "scan.png", "photo.JPG", "page_files/logo.gif", "x.exe"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    walked = [path.name for path, reason in expand_paths([tmp_path]) if reason is None]
    assert walked == names
    assert not {".odt", ".zip", ".pptx"} & readable_suffixes()  # no reader claims them


def test_a_folder_of_unsupported_documents_only_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "报告.odt").write_bytes(b"PK\x03\x04")
    assert list(expand_paths([tmp_path])) == [(tmp_path / "报告.odt", None)]
    (tmp_path / "报告.odt").unlink()
    (tmp_path / "scan.png").write_bytes(b"x")
    [(_, reason)] = expand_paths([tmp_path])
    assert reason is not None
    assert reason.startswith("no report files")


def test_words_owner_files_are_not_walked_but_read_when_given_by_name(tmp_path: Path) -> None:
    # Word writes ~$name.docx beside a document while it is open (who has it open, 162
    # bytes); a folder of reports gathered on a shared drive holds them.
    (tmp_path / "局.docx").write_bytes(b"PK")
    owner = tmp_path / "~$局.docx"
    owner.write_bytes(b"\x0bAdministrator" + b"\x00" * 149)
    (tmp_path / "~$folder").mkdir()  # a folder so named is no owner file: walked
    (tmp_path / "~$folder" / "r.json").write_text("{}", encoding="utf-8")
    walked = [path for path, reason in expand_paths([tmp_path]) if reason is None]
    assert walked == [tmp_path / "~$folder" / "r.json", tmp_path / "局.docx"]
    assert list(expand_paths([owner])) == [(owner, None)]


def test_each_file_comes_once_however_often_it_is_named(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    for name in ("a.json", "sub/b.json", "sub/deep/c.json"):
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text("{}", encoding="utf-8")
    a, b, c = reports / "a.json", reports / "sub" / "b.json", reports / "sub" / "deep" / "c.json"
    missing = tmp_path / "missing.json"

    def walked(*given: Path | str) -> list[Path]:
        return [path for path, _ in expand_paths(given)]

    assert walked(a, reports / "." / "a.json", str(a)) == [a]
    assert walked(a, reports) == [a, b, c]  # a by name, then the rest of the folder
    assert walked(reports, a, reports, reports / "sub", c) == [a, b, c]
    # A folder inside one given after it: its files come first, and not again.
    assert walked(reports / "sub", reports) == [b, c, a]
    assert walked(missing, missing) == [missing]
    # As written: another spelling of the same file is another name.
    assert walked(a, tmp_path / "reports" / "sub" / ".." / "a.json") == [
        a,
        tmp_path / "reports" / "sub" / ".." / "a.json",
    ]


def test_an_empty_folder_is_one_unusable_entry(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden.json").write_text("{}", encoding="utf-8")
    assert [reason is not None for _, reason in expand_paths([tmp_path])] == [True]


def test_a_survey_output_folder_is_not_walked_and_given_alone_is_named(tmp_path: Path) -> None:
    from govinfo_report import survey

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    example = Path(__file__).parent.parent / "examples" / "example_2021.yaml"
    (corpus / "r.yaml").write_bytes(example.read_bytes())
    survey([corpus / "r.yaml"], corpus / "survey", jobs=1)
    assert (corpus / "survey" / "reports.xlsx").is_file()  # a workbook no reader takes
    assert (corpus / "survey" / "index.html").is_file()  # a page the HTML reader refuses
    walked = list(expand_paths([corpus]))
    assert walked == [(corpus / "r.yaml", None)]
    [(path, reason)] = expand_paths([corpus / "survey"])
    assert path == corpus / "survey"
    assert reason is not None
    assert "survey's output folder" in reason


def test_validate_over_a_folder_holding_a_survey_reads_only_the_reports(tmp_path: Path) -> None:
    import io
    import json

    from govinfo_report import survey
    from govinfo_report.cli import run

    example = Path(__file__).parent.parent / "examples" / "example_2021.yaml"
    (tmp_path / "r.yaml").write_bytes(example.read_bytes())
    survey([tmp_path / "r.yaml"], tmp_path / "out", jobs=1)
    out, err = io.StringIO(), io.StringIO()
    code = run(["validate", "--json", str(tmp_path)], out, err)
    assert code == 0, err.getvalue()
    files = [entry["file"] for entry in json.loads(out.getvalue())["files"]]
    assert files == [str(tmp_path / "r.yaml")]
