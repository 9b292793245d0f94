"""How each statistic table is printed, per output: the grid declared once, as data.

A :class:`TableLayout` says, for one table of one format printed by one output
(:class:`Output`), what the printed grid is: its shape (:class:`Shape`), how many label
columns it has, its header rows with their spans, where each cell id sits, where extra
rows go, and the few settings only one output needs (the DOCX and XLSX column widths).
The DOCX and XLSX writers, both Markdown table modes and the readers' table placement
read it; none of them tests a table id.

:func:`printed` lays a table out as :class:`Line` s of :class:`Slot` s (the printed
cells, with their row and column spans), extra rows placed by one rule for every
output: **an extra row joins the group of the row it follows** — in Table 2 that row's
block; in Table 3 every label level above that row's own label, so an extra row after
8.属于行政查询事项 sits inside 三、本年度办理结果 and （三）不予公开, and its label spans
the remaining label columns; Table 4, printed sideways (its three rows side by side on
one line of 15 values), prints its extra rows below that line, each label spanning one
row's five columns. An extra row with no ``after`` (:data:`LEADING`) goes before the
first data row (in Table 2: in the first block, under its header), in Table 4 first among
the rows below the values line; every output prints it there and reads it back from there.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Protocol

import attrs

from govinfo_report.errors import ReportWriteError
from govinfo_report.formats import v2019
from govinfo_report.formats._spec import TableSpec


class Output(enum.Enum):
    """A printed form of the tables."""

    DOCX = "docx"
    """The Word document: the official grid with its merges."""
    HTML = "html"
    """Markdown with HTML tables (``tables="html"``): the official grid as well."""
    GFM = "gfm"
    """Markdown with GFM pipe tables: no merges, label paths joined."""
    XLSX = "xlsx"
    """The Excel workbook: the official grid with its merges, one table a sheet."""


class Shape(enum.Enum):
    """How a table's rows and columns are arranged on the page."""

    BLOCKS = "blocks"
    """One block per row group: a caption line across, a header line, then the rows
    (Table 2, one block per 第二十条 item)."""
    TREE = "tree"
    """Header lines over the value columns, and label columns holding each row's label
    path, outer levels merged over the rows that share them (Table 3)."""
    SIDEWAYS = "sideways"
    """Every row side by side on one line of values; the rows are named in the header
    lines above their columns (Table 4: 行政复议 | 行政诉讼 / 未经复议直接起诉 | …)."""
    FLAT = "flat"
    """One line per row, its label path joined in the first column (GFM)."""


class Keep(enum.Enum):
    """What a page break may not split (DOCX)."""

    BLOCK = "block"
    """Each block of a :attr:`Shape.BLOCKS` table stays on one page."""
    TABLE = "table"
    """The whole table stays on one page."""


class Leading(enum.Enum):
    """Where the extra rows with no ``after`` print."""

    BEFORE_ROWS = "before_rows"
    """Right before the first data line (in a blocks table: after the first block's
    header line)."""
    AFTER_ROWS = "after_rows"
    """After the last data line (before the extra rows that have an ``after``)."""


@attrs.frozen(kw_only=True)
class Slot:
    """One printed cell of a line: where it starts, what it spans, what it shows."""

    col: int
    """The first grid column it covers."""
    colspan: int = 1
    rowspan: int = 1
    """Lines it covers downwards (the lines below hold a ``covered`` slot for it)."""
    text: str = ""
    """A label or header text (empty for a value slot)."""
    covered: bool = False
    """A position under a cell that starts on a line above (a vertical merge)."""
    cell: str | None = None
    """The ``row.column`` id of the value it shows."""
    value: int | None = None
    """The index of the value it shows among its extra row's values."""
    filler: bool = False
    """Stands for the columns an extra row has no value for."""
    align_left: bool = False
    """A long label in the last label column, set flush left."""


@attrs.frozen(kw_only=True)
class Line:
    """One printed line (a table row) of a laid-out table."""

    slots: tuple[Slot, ...]
    head: bool = False
    """A caption or header line (HTML ``th`` cells)."""
    repeat: bool = False
    """A header line repeated at the top of every page (DOCX)."""
    block: int = -1
    """The row group it belongs to (:attr:`Shape.BLOCKS`); -1 outside every block."""
    row: str | None = None
    """The id of the data row it prints, if it prints exactly one."""
    extra: int | None = None
    """The index of the extra row it prints, if any."""
    after: str | None = None
    """For an extra row: the ``after`` it was placed by."""


@attrs.frozen(kw_only=True)
class TableLayout:
    """How one table is printed by one output."""

    table: TableSpec
    output: Output
    shape: Shape
    label_columns: int
    """Grid columns holding row labels (0 when the rows are named in the header)."""
    width: int
    """Grid columns in all."""
    header_lines: int
    """Lines before the first data line (for :attr:`Shape.BLOCKS`: per block)."""
    extra_label_span: int
    """Grid columns an extra row's label spans at least (the rest of the label columns
    of its group in a tree)."""
    extra_room: int
    """Values an extra row can print, one per grid column after its label."""
    extra_spans: bool
    """An extra row with one value per column of its group prints them under those
    columns, with their spans (else one grid column each)."""
    fill_short_extras: bool
    """An extra row with fewer values than room gets a filler slot over the rest (a
    reader then tells "no value" from a blank value)."""
    leading: Leading
    """Where extra rows with no ``after`` print."""
    marks_after: bool
    """Each extra row of a sideways table carries its ``after`` (HTML: ``data-after``),
    since its place below the values line does not tell."""
    keep: Keep | None
    widths: tuple[int, ...] = ()
    """Grid column widths in the output's unit: twips for DOCX (each table fills the
    156 mm text width), characters for XLSX (Excel's column width); empty otherwise."""
    small_text: bool = False
    """Printed in the smaller table text style (DOCX)."""
    lines: tuple[Line, ...] = attrs.field(eq=False, repr=False, default=())
    """The printed lines with no extra rows (header lines included)."""
    cell_at: Mapping[str, tuple[int, int]] = attrs.field(eq=False, repr=False, factory=dict)
    """Cell id → (line, grid column) where its value is printed, with no extra rows."""

    @property
    def rows_in_header(self) -> bool:
        """Whether the header names the rows too (a reader matches them there)."""
        return self.shape is Shape.SIDEWAYS


# --- the declaration ------------------------------------------------------------------

_OFFICIAL: Mapping[str, Shape] = {
    "proactive": Shape.BLOCKS,
    "applications": Shape.TREE,
    "review_litigation": Shape.SIDEWAYS,
}
SHAPES: Mapping[Output, Mapping[str, Shape]] = {
    Output.DOCX: _OFFICIAL,
    Output.HTML: _OFFICIAL,
    Output.XLSX: _OFFICIAL,
    Output.GFM: {
        "proactive": Shape.BLOCKS,
        "applications": Shape.FLAT,
        "review_litigation": Shape.FLAT,
    },
}
"""Output → table id → shape. DOCX, HTML and XLSX print the official grid."""

LEADING: Mapping[Shape, Leading] = {
    # One rule for every output, so that a report prints its rows in the same place in
    # the Word document and on a web page, and each reader reads them back from there.
    Shape.BLOCKS: Leading.BEFORE_ROWS,
    Shape.TREE: Leading.BEFORE_ROWS,
    Shape.FLAT: Leading.BEFORE_ROWS,
    Shape.SIDEWAYS: Leading.AFTER_ROWS,
}
"""Shape → where extra rows with no ``after`` print."""

DOCX_WIDTHS: Mapping[str, tuple[int, ...]] = {
    "proactive": (2544, 2100, 2100, 2100),
    "applications": (700, 1400, 2124, *([660] * 7)),
    "review_litigation": (*([590] * 14), 584),
}
"""Grid column widths in twips per table (the sum is the 156 mm text width)."""

XLSX_WIDTHS: Mapping[str, tuple[int, ...]] = {
    # Excel widths are in characters of the default font; a Chinese character takes two.
    # The last label column of Table 3 holds the longest labels (up to 38 characters,
    # wrapped on two lines); Table 4's 15 columns each hold a four-character label.
    "proactive": (22, 16, 16, 16),
    "applications": (6, 14, 36, *([9] * 7)),
    "review_litigation": (9,) * 15,
}
"""Grid column widths in characters per table, for the workbook."""

DOCX_KEEP: Mapping[str, Keep] = {
    "proactive": Keep.BLOCK,
    # Tables 3 and 4 fit on a page: keep each whole rather than leave a header and
    # three rows at the foot of one page.
    "applications": Keep.TABLE,
    "review_litigation": Keep.TABLE,
}
DOCX_SMALL_TEXT: frozenset[str] = frozenset({"applications", "review_litigation"})

ROW_VARIANTS: Mapping[tuple[str, str], tuple[tuple[str, str], ...]] = {
    # 2021 行政规范性文件 is often printed with the 2019 label 规范性文件 (沭阳发改局2023):
    # the label is taken from the 2019 declaration.
    ("2021", "proactive"): (
        (
            next(r.label for r in v2019.FORMAT.proactive.rows if r.id == "normative_documents"),
            "normative_documents",
        ),
    ),
}
"""(format version, table id) → (printed label, row id): labels reports print for a row
besides its own."""


def layout_of(table: TableSpec, output: Output = Output.DOCX) -> TableLayout:
    """How ``table`` is printed by ``output`` (built once per table and output)."""
    key = (id(table), output)
    cached = _CACHE.get(key)
    if cached is None or cached.table is not table:
        cached = _CACHE[key] = _printed.build(table, output)
    return cached


class ExtraLike(Protocol):
    """What the layout needs of an extra row (the model's ``ExtraRow``)."""

    @property
    def label(self) -> str: ...
    @property
    def after(self) -> str | None: ...
    @property
    def values(self) -> Sequence[object]: ...


def printed(layout: TableLayout, extras: Sequence[ExtraLike] = ()) -> tuple[Line, ...]:
    """The printed lines of ``layout``'s table, header lines first, ``extras`` (the
    table's extra rows) placed by the rule in the module docs.

    Raises:
        ValueError: ``layout`` is :attr:`Shape.FLAT` (printed as its rows come).
    """
    if not extras and layout.lines:
        return layout.lines
    return tuple(_printed.lay_out(layout, extras))


def check_room(layout: TableLayout, extras: Sequence[ExtraLike]) -> None:
    """Refuse ``extras`` when one has more values than ``layout`` prints for an extra row
    (the writers of a grid, DOCX and XLSX, print none of them rather than lose some).

    Raises:
        ReportWriteError: an extra row has more values than the table has room for.
    """
    for extra in extras:
        if len(extra.values) > layout.extra_room:
            raise ReportWriteError(
                f"extra row {extra.label!r} of table {layout.table.number} has "
                f"{len(extra.values)} values; the table has room for {layout.extra_room}",
                zh=f"表{layout.table.number}的补充行 {extra.label!r} 有 {len(extra.values)} "
                f"个数值；该表只容得下 {layout.extra_room} 个",
            )


def row_variants(table: TableSpec) -> tuple[tuple[str, str], ...]:
    """The known printed variants of ``table``'s row labels: (label, row id)."""
    return ROW_VARIANTS.get((table.version.value, table.id), ())


_CACHE: dict[tuple[int, Output], TableLayout] = {}

# The builders need the classes above.
from govinfo_report.formats import _printed  # noqa: E402

__all__ = [
    "DOCX_KEEP",
    "DOCX_SMALL_TEXT",
    "DOCX_WIDTHS",
    "LEADING",
    "ROW_VARIANTS",
    "SHAPES",
    "XLSX_WIDTHS",
    "ExtraLike",
    "Keep",
    "Leading",
    "Line",
    "Output",
    "Shape",
    "Slot",
    "TableLayout",
    "check_room",
    "layout_of",
    "printed",
    "row_variants",
]
