"""Rules about fields on their own: text that every output can store (CH.1), an agency
name (M.1).

Neither compares one field with another: a value is wrong by itself. Like the document
rules of :mod:`~govinfo_report.checks.report_rules`, each is a small frozen value with a
``code``, a ``severity``, the ``paths`` it reads and ``findings(ctx)``.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from govinfo_report.checks.rules import Context, Text, severity_of
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.model.text import UNSTORABLE, text_fields, texts

_CONTEXT = 12
"""How many characters before the offending one a message quotes, to find it by."""


def _kind(char: str) -> Text:
    """What kind of character no output can store ``char`` is."""
    point = ord(char)
    if 0xD800 <= point <= 0xDFFF:
        return Text("孤立的代理码元", "a lone surrogate")
    if point in (0xFFFE, 0xFFFF):
        return Text("非字符", "the non-character")
    return Text("控制字符", "the control character")


@attrs.frozen(kw_only=True)
class TextStorable:
    """CH.1: no text of the report holds a character that no output can store.

    Every string of the model is read (:func:`govinfo_report.model.text.text_fields`):
    metadata, intro, headings and paragraphs, extra rows, the units of money cells.
    """

    code: str
    severity: Severity
    paths: tuple[str, ...] = (
        "metadata",
        "intro",
        "sections",
        "proactive",
        "applications",
        "review_litigation",
    )

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """One finding per field that holds such a character, at its first one."""
        # One pass over all the text, as nearly every report has none of them. Every such
        # character is unprintable (Cc, Cs, Cn), and isprintable() is twice as fast as the
        # search and stops at the first unprintable one (a line feed, U+3000…).
        text = "".join(texts(ctx.report))
        if text.isprintable() or UNSTORABLE.search(text) is None:
            return iter(())
        return self._findings(ctx)

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        for path, text in text_fields(ctx.report):
            found = UNSTORABLE.search(text)
            if found is None:
                continue
            start = found.start()
            point = f"U+{ord(found.group()):04X}"
            kind = _kind(found.group())
            # The text just before it, on its line (clean: this is the first such character).
            before = text[max(0, start - _CONTEXT) : start].replace("\r", "\n").rsplit("\n")[-1]
            where = Text(f"（“{before}”之后）", f" (after {before!r})") if before else Text("", "")
            count = len(UNSTORABLE.findall(text))
            more = Text(f"，共 {count} 处", f"; {count} in all") if count > 1 else Text("", "")
            yield Finding(
                code=self.code,
                severity=self.severity,
                status=Status.FAIL,
                message_zh=(
                    f"{path} 第 {start + 1} 个字符{where.zh}是{kind.zh} {point}，"
                    f"无法写入 Word 或 Markdown 文档{more.zh}"
                ),
                message_en=(
                    f"{path} holds {kind.en} {point} at character {start + 1}{where.en}, "
                    f"which cannot be written to Word or Markdown{more.en}"
                ),
                paths=(path,),
                reported=point,
            )


def text_storable(code: str = "CH.1", *, severity: Severity | None = None) -> TextStorable:
    """The rule that every text of the report can be written to every output."""
    return TextStorable(code=code, severity=severity_of(code, severity))


@attrs.frozen(kw_only=True)
class AgencyNamed:
    """M.1: the report names its agency (机关全称), as its title and signature must."""

    code: str
    severity: Severity
    paths: tuple[str, ...] = ("metadata.agency",)

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when the agency name is empty or only spaces."""
        if ctx.report.metadata.agency.strip():
            return iter(())
        year = ctx.report.metadata.year
        return iter(
            (
                Finding(
                    code=self.code,
                    severity=self.severity,
                    status=Status.FAIL,
                    message_zh=(
                        f"没有机关名称：标题（机关全称+“{year}年政府信息公开工作年度报告”）"
                        "和落款都应写明机关全称"
                    ),
                    message_en=(
                        "the agency name is empty: the title and the signature must give "
                        "the agency's full name"
                    ),
                    paths=self.paths,
                ),
            )
        )


def agency_named(code: str = "M.1", *, severity: Severity | None = None) -> AgencyNamed:
    """The rule that the agency name is given."""
    return AgencyNamed(code=code, severity=severity_of(code, severity))
