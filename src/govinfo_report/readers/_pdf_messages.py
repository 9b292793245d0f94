"""The PDF and OFD readers' errors, each worded in English and in Chinese.

Each function builds the :class:`~govinfo_report.errors.ReportReadError` its caller
raises: ``str()`` of it is the English, ``message("zh")`` the Chinese. A place in a
document is given in both languages (``where``: ``x.pdf: page 3``; ``where_zh``:
``x.pdf 第 3 页``: :func:`page_where` gives both); a caller that has only the English
one passes it for both.
"""

from __future__ import annotations

import unicodedata

from govinfo_report.errors import ReportReadError

Where = tuple[str, str]
"""A place in a document as the errors name it: in English, in Chinese."""


def page_where(source: str, number: int) -> Where:
    """Page ``number`` of ``source`` as an error names it: in English, in Chinese."""
    return f"{source}: page {number}", f"{source} 第 {number} 页"


def _subject(text: str) -> str:
    """``text`` (a file, a page) ahead of the Chinese words that follow it: with a space
    after a Latin letter, a digit or a sign (``x.pdf 有``), none after a Chinese
    character (``第 3 页有``)."""
    wide = bool(text) and unicodedata.east_asian_width(text[-1]) in "WF"
    return text if wide or not text else f"{text} "


# --- opening a PDF ---------------------------------------------------------------------


def encrypted(source: str) -> ReportReadError:
    """A PDF that needs a password to open."""
    return ReportReadError(
        f"{source} is an encrypted PDF that needs a password to open; save an "
        "unprotected copy (print to PDF, or remove the password) and read that",
        zh=f"{_subject(source)}是有密码加密的 PDF，需要密码才能打开；请另存一份不加密的副本"
        "（打印为 PDF，或去掉密码）再读取",
    )


def not_a_pdf(source: str, exc: Exception) -> ReportReadError:
    """A file PDFium cannot open (its error ``exc`` quoted)."""
    return ReportReadError(
        f"{source} is not a readable PDF (PDFium: {exc}); it is damaged or not a PDF",
        zh=f"{_subject(source)}不是可读取的 PDF（PDFium：{exc}）；文件已损坏或不是 PDF",
    )


def too_many_pages(source: str, pages: int, limit: int) -> ReportReadError:
    """A PDF of more than ``limit`` pages."""
    return ReportReadError(
        f"{source} has {pages} pages; the limit is {limit} pages, and a report has five to twenty",
        zh=f"{_subject(source)}有 {pages} 页；上限是 {limit} 页，一份报告只有五到二十页",
    )


def compression_bomb(source: str, content: bool, limit: int) -> ReportReadError:
    """Flate streams that inflate past ``limit`` bytes (``content``: the page content's)."""
    what, what_zh = ("page content", "页面内容") if content else ("compressed data", "压缩数据")
    return ReportReadError(
        f"{source}: its {what} inflates to more than {limit} bytes; the limit is "
        f"{limit} bytes, and a report's PDF holds a few megabytes (a compression bomb?)",
        zh=f"{_subject(source)}的{what_zh}解压后超过 {limit} 字节；上限是 {limit} 字节，"
        "一份报告的 PDF 只有几兆字节（可能是压缩炸弹）",
    )


# --- a PDF's pages -----------------------------------------------------------------------


def page_damaged(where: str, where_zh: str) -> ReportReadError:
    """A page PDFium cannot load."""
    return ReportReadError(
        f"{where} cannot be read; the PDF is damaged",
        zh=f"{_subject(where_zh)}无法读取；该 PDF 已损坏",
    )


def text_damaged(where: str, where_zh: str) -> ReportReadError:
    """A page whose text PDFium cannot load."""
    return ReportReadError(
        f"{where}: its text cannot be read; the PDF is damaged",
        zh=f"{_subject(where_zh)}的文字无法读取；该 PDF 已损坏",
    )


def page_objects(where: str, where_zh: str, limit: int) -> ReportReadError:
    """A PDF page of more than ``limit`` objects."""
    return ReportReadError(
        f"{where} has more than {limit} objects; the limit is {limit} a page, and a "
        "report's page has a few thousand",
        zh=f"{_subject(where_zh)}的对象超过 {limit} 个；每页上限是 {limit} 个，"
        "报告的一页只有几千个",
    )


def page_segments(where: str, where_zh: str, limit: int) -> ReportReadError:
    """A PDF page of more than ``limit`` path segments."""
    return ReportReadError(
        f"{where} has more than {limit} path segments; the limit is {limit} a page, and "
        "a report's page has a few thousand",
        zh=f"{_subject(where_zh)}的路径线段超过 {limit} 条；每页上限是 {limit} 条，"
        "报告的一页只有几千条",
    )


def page_chars(where: str, where_zh: str, count: int, limit: int) -> ReportReadError:
    """A PDF page of ``count`` characters, more than ``limit``."""
    return ReportReadError(
        f"{where} has {count} characters; the limit is {limit} a page, and a report's "
        "page has about 1,500",
        zh=f"{_subject(where_zh)}有 {count} 个字符；每页上限是 {limit} 个，报告的一页约有 1,500 个",
    )


def page_lines(where: str, where_zh: str, count: int, limit: int) -> ReportReadError:
    """A page of ``count`` distinct ruling lines, more than ``limit``."""
    return ReportReadError(
        f"{where} has {count} distinct ruling lines; the limit is {limit} a page, and a "
        "report's page has a few hundred",
        zh=f"{_subject(where_zh)}有 {count} 条不同的表格线；每页上限是 {limit} 条，"
        "报告的一页只有几百条",
    )


def page_size(
    where: str, where_zh: str, width: float, height: float, limit: float
) -> ReportReadError:
    """A page larger than ``limit`` points a side, or whose size is not a number."""
    size, most = f"{width:g} × {height:g} pt", f"{limit:,.0f} pt"
    return ReportReadError(
        f"{where} is {size}; the limit is {most} a side (200 inches), and a report's "
        "page is A4 (595 × 842)",
        zh=f"{_subject(where_zh)}的大小是 {size}；每边上限是 {most}（200 英寸），"
        "报告的页面是 A4（595 × 842）",
    )


# --- a document's text -----------------------------------------------------------------


def document_chars(source: str, pages: int, limit: int) -> ReportReadError:
    """More than ``limit`` characters in the first ``pages`` pages."""
    return ReportReadError(
        f"{source} has more than {limit} characters in its first {pages} pages; the "
        f"limit is {limit} a document, and a report has a few tens of thousands",
        zh=f"{_subject(source)}前 {pages} 页的字符已超过 {limit} 个；每个文档上限是 {limit} 个，"
        "一份报告只有几万个",
    )


def document_lines(source: str, pages: int, limit: int) -> ReportReadError:
    """More than ``limit`` ruling lines in the first ``pages`` pages."""
    return ReportReadError(
        f"{source} has more than {limit} ruling lines in its first {pages} pages; the "
        f"limit is {limit} a document, and a report has a few thousand",
        zh=f"{_subject(source)}前 {pages} 页的表格线已超过 {limit} 条；每个文档上限是 {limit} 条，"
        "一份报告只有几千条",
    )


def scanned(
    source: str, pages: int, missing: tuple[str, str], ocr: tuple[str, str]
) -> ReportReadError:
    """A document whose pages are images: ``missing`` what it lacks and ``ocr`` an example
    of how to OCR it (Chinese, English)."""
    return ReportReadError(
        f"{source} has no {missing[1]}: its {pages} page(s) are images (a scan); "
        f"run OCR on it first{ocr[1]} and read the result",
        zh=f"{_subject(source)}没有{missing[0]}：它的 {pages} 页是图像（扫描件）；"
        f"请先做 OCR 文字识别{ocr[0]}，再读取识别结果",
    )


def textless(source: str, pages: int, chars: int) -> ReportReadError:
    """A document of ``pages`` pages that hold only ``chars`` characters."""
    return ReportReadError(
        f"{source} has no text: its {pages} page(s) hold {chars} character(s), "
        "and a report holds thousands",
        zh=f"{_subject(source)}没有文字：它的 {pages} 页共有 {chars} 个字符，而一份报告有几千个",
    )


# --- OFD ---------------------------------------------------------------------------------


def ofd_pages(source: str, pages: int, limit: int) -> ReportReadError:
    """An OFD document listing more than ``limit`` pages."""
    return ReportReadError(
        f"{source} has {pages} pages; the limit is {limit}",
        zh=f"{_subject(source)}有 {pages} 页；上限是 {limit} 页",
    )


def ofd_objects(where: str, where_zh: str, limit: int) -> ReportReadError:
    """An OFD page (or template) of more than ``limit`` objects."""
    return ReportReadError(
        f"{where} has more than {limit} objects; refused",
        zh=f"{_subject(where_zh)}的对象超过 {limit} 个，不予读取",
    )


def ofd_chars(where: str, where_zh: str, limit: int) -> ReportReadError:
    """An OFD page of more than ``limit`` characters."""
    return ReportReadError(
        f"{where} has more than {limit} characters; the limit is that a page, and a "
        "report's page has about 1,500",
        zh=f"{_subject(where_zh)}的字符超过 {limit} 个；这是每页的上限，报告的一页约有 1,500 个",
    )


def ofd_segments(where: str, where_zh: str, limit: int) -> ReportReadError:
    """An OFD page of more than ``limit`` path segments."""
    return ReportReadError(
        f"{where} has more than {limit} path segments",
        zh=f"{_subject(where_zh)}的路径线段超过 {limit} 条",
    )


def no_part(where: str, where_zh: str) -> ReportReadError:
    """A reference to a part of the package that names none."""
    return ReportReadError(f"{where} names no part", zh=f"{_subject(where_zh)}没有指明部件")


def outside_package(where: str, where_zh: str, location: str) -> ReportReadError:
    """A reference to a part outside the package."""
    return ReportReadError(
        f"{where} names {location!r}, outside the package",
        zh=f"{_subject(where_zh)}指向包外的 {location!r}",
    )


def glyphs_only(source: str, glyphs: int) -> ReportReadError:
    """An OFD document whose text is ``glyphs`` glyph numbers and nothing else."""
    return ReportReadError(
        f"{source} holds no readable text: its {glyphs} character(s) are glyph numbers "
        "only (Private Use Area), which only its embedded fonts can tell; export it "
        "again from the program that made it, or read the PDF or Word version",
        zh=f"{_subject(source)}没有可读取的文字：它的 {glyphs} 个字符都只是字形编号（私用区字符），"
        "只有内嵌字体才知道是什么字；请用生成它的程序重新导出，或改为读取 PDF 或 Word 版本",
    )


def missing_glyphs(exc: ReportReadError, glyphs: int, total: int) -> ReportReadError:
    """``exc`` (no report found) with why: ``glyphs`` of ``total`` characters are glyph
    numbers."""
    return ReportReadError(
        f"{exc}; {glyphs} of its {total} characters are glyph numbers only "
        "(Private Use Area), which only its embedded fonts can tell",
        zh=f"{exc.message('zh')}；它的 {total} 个字符中有 {glyphs} 个只是字形编号（私用区字符），"
        "只有内嵌字体才知道是什么字",
    )
