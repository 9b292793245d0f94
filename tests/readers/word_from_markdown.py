"""Word documents as an agency types them, built with python-docx (not our writer) from
the blocks of a Markdown fixture: headings, paragraphs, and tables whose label paths
("行政诉讼 / 复议后起诉") print as their last label, as in Word."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document


def add_table(document: Document, rows: Sequence[Sequence[str]]) -> None:
    """A table of ``rows`` (one cell per text, nothing merged)."""
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text


def add_markdown(document: Document, text: str) -> None:
    """The blocks of Markdown ``text``: ``#`` the title, ``##`` headings, pipe tables,
    and every other block a paragraph."""
    for block in text.split("\n\n"):
        block = block.strip()
        if block.startswith("|"):
            add_table(
                document,
                [
                    [cell.strip().split(" / ")[-1] for cell in line.strip("|").split("|")]
                    for line in block.split("\n")
                    if not line.startswith("|---")
                ],
            )
        elif block.startswith("## "):
            document.add_heading(block[3:], level=1)
        elif block.startswith("# "):
            document.add_heading(block[2:], level=0)
        elif block:
            document.add_paragraph(block)
