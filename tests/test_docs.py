"""Every ```python block in README.md and docs/ runs, as written, as a test.

The rule for doc writers (stated at the top of docs/index.md): the blocks of one file run
in order and share one namespace, so a later block may use what an earlier one defined;
the working directory is a fresh scratch directory holding a copy of ``examples/`` and a
link to every other top-level directory of the repository, so ``examples/dongtou_2020.yaml``
and ``tests/fixtures/...`` resolve while files a block writes stay in the scratch
directory. Blocks that cannot run are fenced as ```text, ```console or ```yaml.

Each block is a test whose id names the file and the line of its opening fence. Run
alone (``-k``), a block first runs the blocks above it in its file.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)")


@attrs.frozen
class Block:
    """One fenced code block: the file, the line of its opening fence, its code."""

    path: Path
    line: int
    code: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def python_blocks(path: Path) -> list[Block]:
    """The ```python (or ```py) blocks of a Markdown file, in order."""
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            closing = _FENCE.match(lines[j])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            # CommonMark: remove up to the opening fence's indentation from each line.
            body.append(re.sub(rf"^ {{0,{indent}}}", "", lines[j]))
            j += 1
        if opening["info"].lower() in ("python", "py"):
            blocks.append(Block(path=path, line=i + 1, code="\n".join(body) + "\n"))
        i = j + 1
    return blocks


def doc_files() -> list[Path]:
    """README.md and every Markdown file under docs/, sorted."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def all_blocks() -> list[Block]:
    return [block for path in doc_files() if path.is_file() for block in python_blocks(path)]


@attrs.define
class _FileRun:
    """The state of one documentation file's blocks: its namespace and scratch dir."""

    namespace: dict[str, Any]
    workdir: Path
    done: int = 0
    failed_at: int | None = None


def _scratch(tmp: Path) -> Path:
    """A directory that looks like the repository root but keeps writes to itself."""
    # Directories only: a stray file at the root (say, a rendered report.docx) must not
    # be written through by a block that writes a file of the same name.
    for entry in ROOT.iterdir():
        if entry.is_dir() and entry.name != "examples" and not entry.name.startswith("."):
            (tmp / entry.name).symlink_to(entry, target_is_directory=True)
    shutil.copytree(ROOT / "examples", tmp / "examples")
    return tmp


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[Path, _FileRun]]:
    """Per documentation file, for the duration of this module.

    Docs may register writers (docs/extending.md does); the registry is restored
    afterwards so that no other test sees them.
    """
    from govinfo_report.writers import _registry

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_registry, "_registered", dict(_registry._registered))
        yield {}


def _execute(block: Block, namespace: dict[str, Any]) -> None:
    # Pad so that tracebacks give the line numbers of the Markdown file.
    source = "\n" * block.line + block.code
    exec(compile(source, str(block.path), "exec"), namespace)


BLOCKS = all_blocks()


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_doc_block_runs(
    block: Block,
    runs: dict[Path, _FileRun],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if block.path not in runs:
        workdir = _scratch(tmp_path_factory.mktemp("docs"))
        runs[block.path] = _FileRun(namespace={"__name__": "__docs__"}, workdir=workdir)
    run = runs[block.path]
    monkeypatch.chdir(run.workdir)
    blocks = python_blocks(block.path)
    index = next(i for i, b in enumerate(blocks) if b.line == block.line)
    while run.done < index:  # blocks above this one that have not run yet (e.g. under -k)
        earlier = blocks[run.done]
        run.done += 1
        if run.failed_at is None:
            try:
                _execute(earlier, run.namespace)
            except BaseException:
                run.failed_at = earlier.line
    if run.failed_at is not None:
        pytest.fail(f"an earlier block of this file failed (line {run.failed_at})")
    run.done = index + 1
    try:
        _execute(block, run.namespace)
    except BaseException:
        run.failed_at = block.line
        raise


# --- the collector itself ----------------------------------------------------------


def test_collects_python_blocks_with_their_fence_lines(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Title\n\n```python\nx = 1\n```\n\n```text\nnot code\n```\n\n"
        "````py\nprint('```')\ny = 2\n````\n",
        encoding="utf-8",
    )
    assert [(b.line, b.code) for b in python_blocks(doc)] == [
        (3, "x = 1\n"),
        (11, "print('```')\ny = 2\n"),
    ]


def test_indented_fence_body_loses_the_fence_indentation(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("- item\n\n  ```python\n  if True:\n      z = 3\n  ```\n", encoding="utf-8")
    assert [b.code for b in python_blocks(doc)] == ["if True:\n    z = 3\n"]


def test_a_failing_block_raises_with_the_markdown_line(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("text\n\n```python\nx = 1\nraise ValueError('boom')\n```\n", encoding="utf-8")
    (block,) = python_blocks(doc)
    with pytest.raises(ValueError, match="boom") as info:
        _execute(block, {})
    assert info.traceback[-1].lineno + 1 == 5


def test_readme_and_quickstart_have_runnable_blocks() -> None:
    files = {b.path.relative_to(ROOT).as_posix() for b in BLOCKS}
    assert {"README.md", "docs/quickstart.md", "docs/model.md"} <= files


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r'^readonly TEST_COMMAND="(.+)"$', ci, re.MULTILINE)
    assert command is not None
    assert f"\n{command[1]}\n" in readme
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_model_page_names_only_ids_the_formats_declare() -> None:
    from govinfo_report.formats import FORMATS

    known: set[str] = set()
    for spec in FORMATS.values():
        known |= {s.id for s in spec.sections}
        for table in spec.tables:
            known |= {table.id} | {r.id for r in table.rows}
            known |= {c.id for g in table.groups for c in g.columns}
    page = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    overview = page.partition("### Overview of the ids")[2].partition("\n### ")[0]
    ids = set(re.findall(r"`([a-z_0-9]+)`", overview))
    assert len(ids) > 40, "the overview of ids in docs/model.md was not found"
    assert ids - known == set()
