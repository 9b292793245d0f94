"""The text reader: reports extracted or converted to plain text, tables flattened to
pipe-separated lines or laid out in whitespace-aligned columns (``pdftotext -layout``).

Two layouts are read. The flattened extraction of a web page (one line per table row,
cells joined by ``|``, rows padded to the table's width, merged cells collapsed, header
cells cut at their line breaks: "本年新 | 本年新"), and the hand-made layout with
" | " separators, label paths joined by " / " in the first cell
("三、本年度办理结果 / （一）予以公开 | 258 | 12 | …"), a column header line starting
"列:" and a Table 4 header line "表头: 行政复议[结果维持 | …] | …". A line without ``|``
is a paragraph; consecutive ``|`` lines form one table. A flattened line does not say
where merged cells were, but the official data cells are never merged and a line lists a
row's cells left to right: the engine places a row with one value per column whole, and
a row of k values printed together right after its labels in its first k columns, every
other cell blank with an uncertain finding (see :mod:`._tables`). A value whose column
order does not determine (after an empty field in a short row, one too many) is reported,
never assigned to a column by guess.

Runs of lines without ``|`` are tried as layout text (:mod:`._layout_text`): where such a
run holds a table region (values lines among the pieces of known labels), its tables
become grids and its wrapped prose lines paragraphs; a run with no table region stays one
paragraph per line, as before.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GBK and GB18030. The tables of
one document hold at most :data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS`
cells, as in every reader.
"""

from __future__ import annotations

import codecs
from typing import Final

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._layout_text import layout_blocks
from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._registry import ReadResult

MAX_TEXT_BYTES: Final = 4 * 1024 * 1024
"""Text inputs larger than this are refused before decoding."""

_LABEL_PATH_SEPARATOR = " / "
_COLUMN_PREFIXES = ("列:", "列：", "表头:", "表头：")
_SNIFF_WORDS = ("政府信息公开", "信息公开工作年度报告", "主动公开政府信息情况")


def decode(data: bytes, source: str) -> str:
    """``data`` as text: by BOM, else UTF-8, else GB18030 (which covers GBK).

    Raises:
        ReportReadError: binary data (NUL bytes) or bytes valid in none of them.
    """
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        if b"\x00" in data[:65536]:
            raise ReportReadError(
                f"{source} is binary data, not text (it contains NUL bytes)",
                zh=f"{source} 是二进制数据，不是文本（含有 NUL 字节）",
            )
        encodings = ("utf-8", "gb18030")
    problem = problem_zh = ""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            problem = f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not {encoding}"
            problem_zh = f"偏移 {exc.start} 处的字节 0x{data[exc.start]:02x} 不是 {encoding}"
            continue
        if "\x00" in text:
            raise ReportReadError(
                f"{source} is binary data, not text (it contains NUL characters)",
                zh=f"{source} 是二进制数据，不是文本（含有 NUL 字符）",
            )
        return text
    raise ReportReadError(
        f"cannot decode {source} as UTF-8, GBK or GB18030 text ({problem})",
        zh=f"无法按 UTF-8、GBK 或 GB18030 文本解码 {source}（{problem_zh}）",
    )


def _expand_groups(parts: list[str]) -> list[str]:
    """ "行政复议[结果维持", "结果纠正", …, "总计]" → "行政复议 结果维持", "行政复议 结果纠正", …"""
    cells: list[str] = []
    prefix: str | None = None
    for part in parts:
        text = part.strip()
        if prefix is None and "[" in text:
            prefix, _, text = text.partition("[")
            prefix = prefix.strip()
        if prefix is not None:
            closing = text.endswith("]")
            cells.append(f"{prefix} {text.rstrip(']').strip()}")
            if closing:
                prefix = None
            continue
        cells.append(text)
    return cells


def split_row(line: str) -> list[str] | None:
    """The cells of a table line, or ``None`` for a Markdown separator line."""
    stripped = line.strip()
    parts = stripped.split("|")
    if stripped.startswith("|"):
        # A Markdown-style row "| a | b |": the outer pipes delimit, they add no cells.
        parts = parts[1:]
        if stripped.endswith("|") and len(parts) > 1:
            parts = parts[:-1]
        if all(set(p.strip()) <= set("-: ") and p.strip() for p in parts):
            return None
    cells = [p.strip() for p in parts]
    first = cells[0]
    for prefix in _COLUMN_PREFIXES:
        if first.startswith(prefix):
            cells[0] = first[len(prefix) :].strip()
            break
    if "[" in stripped and "]" in stripped:
        cells = _expand_groups(cells)
    head = cells[0]
    if _LABEL_PATH_SEPARATOR in head:
        cells = [p.strip() for p in head.split(_LABEL_PATH_SEPARATOR)] + cells[1:]
    return cells


def to_blocks(text: str, source: str = "<text>") -> list[Block]:
    """Paragraphs and grids of a text document, with line numbers as locations.

    Raises:
        ReportReadError: the tables hold more cells than a document may (see
            :data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS`).
    """
    budget = CellBudget(source)
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []

    def flush() -> None:
        if rows:
            location = f"lines {lines[0]}-{lines[-1]}" if len(lines) > 1 else f"line {lines[0]}"
            blocks.append(
                Grid(
                    cells=tuple(rows),
                    location=location,
                    row_locations=tuple(f"line {n}" for n in lines),
                )
            )
            rows.clear()
            lines.clear()

    plain: list[tuple[int, str]] = []

    def flush_plain() -> None:
        if not plain:
            return
        layout = layout_blocks(plain, budget)
        if layout is not None:
            blocks.extend(layout)
        else:
            for number, line in plain:
                stripped = line.strip().replace("\f", "")
                if stripped:
                    blocks.append(Paragraph(text=stripped, location=f"line {number}"))
        plain.clear()

    for number, line in enumerate(text.splitlines(), 1):
        if "|" in line:
            cells = split_row(line)
            if cells is not None:
                flush_plain()
                budget.take(
                    len(cells), f"the table row at line {number}", f"第 {number} 行的表格行"
                )
                rows.append(tuple(cells))
                lines.append(number)
            continue
        flush()
        plain.append((number, line))
    flush()
    flush_plain()
    return blocks


class TextReader:
    """Plain text (``.txt``): extracted or hand-converted reports with flattened tables."""

    name = "text"
    suffixes = (".txt", ".text")

    def sniff(self, data: bytes) -> bool:
        """Text (no NUL, not markup) that speaks of 政府信息公开 near its start."""
        head = data[:8192]
        if b"\x00" in head or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return False
        for encoding in ("utf-8", "gb18030"):
            try:
                text = head.decode(encoding, errors="ignore" if len(data) > 8192 else "strict")
            except UnicodeDecodeError:
                continue
            return any(word in text for word in _SNIFF_WORDS)
        return False

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a text document, with the reader's findings.

        Raises:
            ReportReadError: too large, binary, undecodable, or not a report.
        """
        from govinfo_report.readers._assemble import assemble

        if len(data) > MAX_TEXT_BYTES:
            raise ReportReadError(
                f"{source} is {len(data)} bytes; text reports larger than "
                f"{MAX_TEXT_BYTES} bytes are refused",
                zh=f"{source} 有 {len(data)} 字节；大于 {MAX_TEXT_BYTES} 字节的文本报告不予读取",
            )
        return assemble(to_blocks(decode(data, source), source), source=source)
