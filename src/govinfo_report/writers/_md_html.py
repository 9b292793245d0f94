"""HTML tables for the Markdown writer (``tables="html"``): the official grid, merges kept.

Each table is printed as :mod:`govinfo_report.formats.layout` lays it out for
:attr:`~govinfo_report.formats.layout.Output.HTML` — the same grid and the same merges
as the DOCX: Table 2 block by block (caption line, 信息内容 header line, the last column
of a narrower block spanning the rest of the width), Table 3 under its three header
lines with its label levels merged (三、本年度办理结果 rowspan 22 in 2021, 20 in 2019, the
（三）–（六） groups), Table 4 sideways with its 15 values on one line. An extra row joins
the group of the row it follows; below Table 4's values line, each carries its
``after`` in a ``data-after`` attribute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govinfo_report.formats.layout import Output, layout_of, printed
from govinfo_report.model import Empty, Table
from govinfo_report.writers._md_escape import cell_text, escape_html

if TYPE_CHECKING:
    from govinfo_report.writers.markdown import MarkdownWriter


def _td(text: str, tag: str = "td", rowspan: int = 1, colspan: int = 1) -> str:
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    return f"<{tag}{attrs}>{escape_html(text)}</{tag}>"


def _value_td(value: Any, colspan: int = 1) -> str:
    # The common cells (counts, blank, "/") need no escaping.
    if colspan == 1:
        if isinstance(value, int):
            return f"<td>{value}</td>"
        if isinstance(value, Empty):
            return f"<td>{value.value}</td>"
    return _td(cell_text(value), colspan=colspan)


def html_table(writer: MarkdownWriter, table: Table) -> str:
    """One statistic table as an HTML ``<table>`` laid out as the official grid."""
    layout = layout_of(table.spec, Output.HTML)
    values, index, extras = table.values, table.spec.index, table.extra_rows
    out = ["<table>"]
    for line in printed(layout, extras):
        tag = "th" if line.head else "td"
        cells: list[str] = []
        for slot in line.slots:
            if slot.covered or slot.filler:
                continue  # covered by a cell above; a short row just ends
            if slot.cell is not None:
                cells.append(_value_td(values[index[slot.cell]], slot.colspan))
            elif slot.value is not None and line.extra is not None:
                cells.append(_value_td(extras[line.extra].values[slot.value], slot.colspan))
            else:
                cells.append(_td(slot.text, tag, slot.rowspan, slot.colspan))
        attrs = ""
        if layout.marks_after and line.extra is not None and line.after is not None:
            attrs = f' data-after="{escape_html(line.after)}"'
        out.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    out.append("</table>")
    return "\n".join(out)
