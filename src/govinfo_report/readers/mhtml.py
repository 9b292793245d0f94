"""Web pages saved whole (``.mht``, ``.mhtml``): the page inside read by the HTML reader.

A browser's "save as a single file" (Internet Explorer and Edge's ``.mht``, Chrome's
``.mhtml``) writes the page and its pictures and styles as one MIME message
(``multipart/related``, RFC 2557): the page is its root part, named by the ``start``
parameter or else the first ``text/html`` part, encoded as quoted-printable or base64 in
the page's charset (GB2312 or GBK on many portals). Supervisors keep the reports they
checked this way, as evidence of what was published. The root part is decoded, in the
charset its part header names when that decodes it (a page's own ``<meta charset>`` may
say otherwise after a browser re-encoded it), and read by
:class:`~govinfo_report.readers.html.HtmlReader`, with all of that reader's limits; the
other parts are never decoded. The message is parsed by the standard library's
:mod:`email` package, which fetches nothing.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import Message
from typing import Final

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._charsets import page_encoding
from govinfo_report.readers._registry import ReadResult

_HEADER_LINE: Final = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")
_HEAD_BYTES: Final = 4096


def _head(data: bytes) -> bytes | None:
    """The message's header block (its first 4 KB at most), lower-cased, if ``data``
    starts as a MIME message does; else None."""
    head = data[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not _HEADER_LINE.match(head):
        return None
    end = re.search(rb"\r?\n\r?\n", head)
    return (head[: end.start()] if end else head).lower()


def is_mhtml(data: bytes) -> bool:
    """A MIME message (``MIME-Version``) whose type is ``multipart/related`` or
    ``text/html``: a page saved whole."""
    head = _head(data)
    if head is None or b"mime-version:" not in head:
        return False
    content_type = re.search(rb"(?:^|\n)content-type:\s*([a-z]+/[a-z-]+)", head)
    return content_type is not None and content_type.group(1) in (
        b"multipart/related",
        b"text/html",
    )


def _root(message: Message) -> Message | None:
    """The page of a saved page: the part the ``start`` parameter names, else the first
    ``text/html`` part."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    start = message.get_param("start")
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>")
        for part in message.walk():
            if str(part.get("Content-ID", "")).strip().strip("<>") == wanted:
                return part if part.get_content_type() == "text/html" else None
    for part in message.walk():
        if not part.is_multipart() and part.get_content_type() == "text/html":
            return part
    return None


def page_bytes(data: bytes, source: str) -> bytes:
    """The page a saved page holds, as bytes the HTML reader decodes rightly: in UTF-8
    with a BOM when its part names a charset that decodes it, else as they are.

    Raises:
        ReportReadError: no page in it, or the page's part cannot be decoded.
    """
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    root = _root(message)
    if root is None:
        raise ReportReadError(
            f"{source} is a saved web page (MHTML) without an HTML page in it (no text/html part)",
            zh=f"{source} 是保存的网页（MHTML），但其中没有网页（没有 text/html 部分）",
        )
    payload = root.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ReportReadError(
            f"{source} is a saved web page (MHTML) whose page is empty",
            zh=f"{source} 是保存的网页（MHTML），其中的网页是空的",
        )
    label = root.get_content_charset()
    codec = page_encoding(label) if label else None
    if codec is None:
        return payload  # the page's BOM or <meta charset> decides, as for any page
    try:
        text = payload.decode(codec)
    except UnicodeDecodeError:
        return payload  # the part header is wrong: the page's own declaration decides
    return codecs.BOM_UTF8 + text.removeprefix("\ufeff").encode("utf-8")


class MhtmlReader:
    """Web pages saved whole (``.mht``, ``.mhtml``), as a browser saves a portal's page."""

    name = "mhtml"
    suffixes = (".mht", ".mhtml")

    def sniff(self, data: bytes) -> bool:
        """A MIME message of type ``multipart/related`` or ``text/html``."""
        return is_mhtml(data)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report on the page saved, with the HTML reader's findings.

        Raises:
            ReportReadError: not a saved page, no page in it, or (as the HTML reader)
                too large, undecodable or no report on the page.
        """
        from govinfo_report.readers._assemble import assemble
        from govinfo_report.readers.html import to_blocks

        if not is_mhtml(data):
            raise ReportReadError(
                f"{source} is not a saved web page (MHTML): no MIME-Version header with "
                "a multipart/related or text/html Content-Type",
                zh=f"{source} 不是保存的网页（MHTML）：没有 MIME-Version 标头，也没有 "
                "multipart/related 或 text/html 的 Content-Type",
            )
        return assemble(to_blocks(page_bytes(data, source), source), source=source)
