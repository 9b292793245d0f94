"""Builds the printed lines of a :class:`~govinfo_report.formats.layout.TableLayout`.

One builder per :class:`~govinfo_report.formats.layout.Shape`, each returning the
header lines and the data lines, extra rows placed by the one rule the layout module
states (an extra row joins the group of the row it follows). Only the official shapes
(blocks, tree, sideways) are laid out as slots; a flat (GFM) table prints its rows as
they come.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from govinfo_report.formats._spec import Row, RowGroup, TableSpec
from govinfo_report.formats.layout import (
    DOCX_KEEP,
    DOCX_SMALL_TEXT,
    DOCX_WIDTHS,
    LEADING,
    SHAPES,
    XLSX_WIDTHS,
    ExtraLike,
    Leading,
    Line,
    Output,
    Shape,
    Slot,
    TableLayout,
)


def build(table: TableSpec, output: Output) -> TableLayout:
    """The layout of ``table`` for ``output``, its lines without extra rows included."""
    shape = SHAPES[output][table.id]
    first = table.groups[0]
    n = len(first.columns)
    official = output is not Output.GFM
    if shape is Shape.BLOCKS:
        labels, width, head, span = 1, 1 + max(len(g.columns) for g in table.groups), 2, 1
    elif shape is Shape.TREE:
        labels = max(len(r.label_path) for r in table.rows)
        width, head, span = labels + n, 3, 1
    elif shape is Shape.SIDEWAYS:
        # An extra row's label spans one row's worth of columns, its values the rest.
        labels, width, head, span = 0, n * len(first.rows), 3, n
    else:
        labels, width, head, span = 1, 1 + n, 1, 1
    layout = TableLayout(
        table=table,
        output=output,
        shape=shape,
        label_columns=labels,
        width=width,
        header_lines=head,
        extra_label_span=span,
        extra_room=width - max(labels, span),
        extra_spans=official,
        # A short extra row is filled out where a cell cannot just be missing.
        fill_short_extras=output in (Output.DOCX, Output.XLSX),
        leading=LEADING[shape],
        marks_after=output is Output.HTML and shape is Shape.SIDEWAYS,
        keep=DOCX_KEEP[table.id] if output is Output.DOCX else None,
        widths=_WIDTHS[output][table.id] if output in _WIDTHS else (),
        small_text=output is Output.DOCX and table.id in DOCX_SMALL_TEXT,
    )
    if shape is Shape.FLAT:
        return layout
    lines = tuple(lay_out(layout, ()))
    cell_at = {
        slot.cell: (i, slot.col) for i, line in enumerate(lines) for slot in line.slots if slot.cell
    }
    return _with(layout, lines, cell_at)


def _with(
    layout: TableLayout, lines: tuple[Line, ...], cell_at: Mapping[str, tuple[int, int]]
) -> TableLayout:
    # The lines are laid out from the layout itself, so they are filled in once, right
    # after construction (as attrs classes set derived fields in __attrs_post_init__).
    object.__setattr__(layout, "lines", lines)
    object.__setattr__(layout, "cell_at", cell_at)
    return layout


def lay_out(layout: TableLayout, extras: Sequence[ExtraLike]) -> Iterator[Line]:
    """Every printed line of ``layout``'s table with ``extras`` placed."""
    builder = _BUILDERS.get(layout.shape)
    if builder is None:
        raise ValueError(f"a {layout.shape.value} table is not laid out as slots")
    return builder(layout, extras)


def _by_after(extras: Sequence[ExtraLike]) -> dict[str | None, list[tuple[int, ExtraLike]]]:
    placed: dict[str | None, list[tuple[int, ExtraLike]]] = {}
    for i, extra in enumerate(extras):
        placed.setdefault(extra.after, []).append((i, extra))
    return placed


def _spans(count: int, room: int) -> list[int]:
    """Spans of ``count`` columns over ``room`` grid columns: the last one takes the rest."""
    return [1] * (count - 1) + [room - count + 1]


def _value_slots(layout: TableLayout, start: int, extra: ExtraLike, group: RowGroup) -> list[Slot]:
    """An extra row's value slots from grid column ``start``."""
    count = len(extra.values)
    room = layout.width - start
    if layout.extra_spans and layout.shape is Shape.BLOCKS and count == len(group.columns):
        spans = _spans(count, room)
    else:
        spans = [1] * count
    slots, col = [], start
    for k, span in enumerate(spans):
        slots.append(Slot(col=col, colspan=span, value=k))
        col += span
    if layout.fill_short_extras and col < layout.width:
        slots.append(Slot(col=col, colspan=layout.width - col, filler=True))
    return slots


def _extra_line(
    layout: TableLayout, index: int, extra: ExtraLike, group: RowGroup, block: int = -1
) -> Line:
    span = layout.extra_label_span
    slots = [Slot(col=0, colspan=span, text=extra.label)]
    slots += _value_slots(layout, span, extra, group)
    return Line(slots=tuple(slots), block=block, extra=index, after=extra.after)


def _blocks(layout: TableLayout, extras: Sequence[ExtraLike]) -> Iterator[Line]:
    table, width = layout.table, layout.width
    placed = _by_after(extras)
    for b, group in enumerate(table.groups):
        spans = _spans(len(group.columns), width - 1)
        yield Line(
            slots=(Slot(col=0, colspan=width, text=group.caption or ""),), head=True, block=b
        )
        head = [Slot(col=0, text=group.header_first_cell or "")]
        head += _spread(spans, (c.label for c in group.columns), None)
        yield Line(slots=tuple(head), head=True, block=b)
        if b == 0:  # no ``after``: in the first block, before its first row
            for index, extra in placed.pop(None, ()):
                yield _extra_line(layout, index, extra, group, b)
        for row in group.rows:
            cells = (f"{row.id}.{c.id}" for c in group.columns)
            slots = [Slot(col=0, text=row.label), *_spread(spans, None, cells)]
            yield Line(slots=tuple(slots), block=b, row=row.id)
            for index, extra in placed.get(row.id, ()):
                yield _extra_line(layout, index, extra, group, b)


def _spread(
    spans: Sequence[int], texts: Iterator[str] | None, cells: Iterator[str] | None
) -> list[Slot]:
    slots, col = [], 1
    for span in spans:
        text = next(texts) if texts is not None else ""
        cell = next(cells) if cells is not None else None
        slots.append(Slot(col=col, colspan=span, text=text, cell=cell))
        col += span
    return slots


def _tree(layout: TableLayout, extras: Sequence[ExtraLike]) -> Iterator[Line]:
    table = layout.table
    group = table.groups[0]
    labels, columns = layout.label_columns, group.columns
    corner = Slot(col=0, colspan=labels, covered=True)
    first = [
        Slot(col=0, colspan=labels, rowspan=3, text=table.corner_note or ""),
        Slot(col=labels, colspan=len(columns), text=table.column_group or ""),
    ]
    second, third = [corner], [corner]
    i = 0
    while i < len(columns):
        col, parent = labels + i, columns[i].parent
        if parent is None:  # 自然人, 总计: one label over both header rows
            second.append(Slot(col=col, rowspan=2, text=columns[i].label))
            third.append(Slot(col=col, covered=True))
            i += 1
            continue
        j = i
        while j < len(columns) and columns[j].parent == parent:
            third.append(Slot(col=labels + j, text=columns[j].label))
            j += 1
        second.append(Slot(col=col, colspan=j - i, text=parent))
        i = j
    for slots in (first, second, third):
        yield Line(slots=tuple(slots), head=True, repeat=True)
    # The physical lines: (label path, row, extra). An extra row joins the label group
    # of the row it follows: every level above that row's own label.
    placed = _by_after(extras)
    body: list[tuple[tuple[str, ...], Row | None, tuple[int, ExtraLike] | None]] = [
        ((extra.label,), None, (i, extra)) for i, extra in placed.get(None, ())
    ]
    for row in group.rows:
        body.append((row.label_path, row, None))
        body.extend(
            ((*row.label_path[:-1], e.label), None, (i, e)) for i, e in placed.get(row.id, ())
        )
    paths = [path for path, _, _ in body]
    for k, (_, line_row, item) in enumerate(body):
        slots = _label_slots(paths, k, labels)
        if line_row is not None:
            rid = line_row.id
            slots += [Slot(col=labels + j, cell=f"{rid}.{c.id}") for j, c in enumerate(columns)]
            yield Line(slots=tuple(slots), row=rid)
        elif item is not None:
            index, extra = item
            slots += _value_slots(layout, labels, extra, group)
            yield Line(slots=tuple(slots), extra=index, after=extra.after)


def _shares(path: tuple[str, ...], level: int, key: tuple[str, ...]) -> bool:
    """Whether a line's label path has ``key`` as an outer (merged) level."""
    return level < len(path) - 1 and path[: level + 1] == key


def _label_slots(paths: Sequence[tuple[str, ...]], k: int, labels: int) -> list[Slot]:
    """The label slots of line ``k``: outer levels merged with the neighbouring lines that
    share them, the last level spanning the remaining label columns."""
    path = paths[k]
    slots: list[Slot] = []
    for level, label in enumerate(path):
        if level == len(path) - 1:
            left = level == labels - 1
            slots.append(Slot(col=level, colspan=labels - level, text=label, align_left=left))
            break
        key = path[: level + 1]
        if k and _shares(paths[k - 1], level, key):
            slots.append(Slot(col=level, covered=True))
            continue
        span = 1
        while k + span < len(paths) and _shares(paths[k + span], level, key):
            span += 1
        slots.append(Slot(col=level, rowspan=span, text=label))
    return slots


def _sideways(layout: TableLayout, extras: Sequence[ExtraLike]) -> Iterator[Line]:
    """Table 4: groups, sub-groups and column labels over one line of every row's values."""
    group = layout.table.groups[0]
    columns, n = group.columns, len(group.columns)
    top: list[Slot] = []
    second: list[Slot] = []
    third: list[Slot] = []
    for r, row in enumerate(group.rows):
        col = r * n
        if top and top[-1].text == row.label_path[0] and len(row.label_path) > 1:
            top[-1] = Slot(col=top[-1].col, colspan=top[-1].colspan + n, text=top[-1].text)
        else:
            top.append(Slot(col=col, colspan=n, text=row.label_path[0]))
        if len(row.label_path) == 1:
            second += [Slot(col=col + j, rowspan=2, text=c.label) for j, c in enumerate(columns)]
            third += [Slot(col=col + j, covered=True) for j in range(n)]
        else:
            second.append(Slot(col=col, colspan=n, text=row.label_path[1]))
            third += [Slot(col=col + j, text=c.label) for j, c in enumerate(columns)]
    for slots in (top, second, third):
        yield Line(slots=tuple(slots), head=True, repeat=True)
    placed = _by_after(extras)
    if layout.leading is Leading.BEFORE_ROWS:
        for index, extra in placed.pop(None, ()):
            yield _extra_line(layout, index, extra, group)
    values = [
        Slot(col=r * n + j, cell=f"{row.id}.{c.id}")
        for r, row in enumerate(group.rows)
        for j, c in enumerate(columns)
    ]
    yield Line(slots=tuple(values))
    for after in (None, *(row.id for row in group.rows)):
        for index, extra in placed.get(after, ()):
            yield _extra_line(layout, index, extra, group)


_WIDTHS = {Output.DOCX: DOCX_WIDTHS, Output.XLSX: XLSX_WIDTHS}

_BUILDERS = {Shape.BLOCKS: _blocks, Shape.TREE: _tree, Shape.SIDEWAYS: _sideways}
