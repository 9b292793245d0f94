"""Which files a batch reads: the walk gives rglob's sorted order without holding it."""

from __future__ import annotations

from pathlib import Path

from govinfo_report._scan import expand_paths, readable_suffixes


def _reference(folder: Path) -> list[Path]:
    """What the scanner read before it walked one folder at a time."""
    suffixes = readable_suffixes()
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.suffix.lower() in suffixes and path.is_file():
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


def test_an_empty_folder_is_one_unusable_entry(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden.json").write_text("{}", encoding="utf-8")
    assert [reason is not None for _, reason in expand_paths([tmp_path])] == [True]
