"""The front matter: the title (agency and year, on one to three lines), the dates
stated around it (info lines such as 发布日期：…, a date under the title), and the intro
before the first section heading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._document import Paragraph


@attrs.define
class Front:
    """What the blocks before the first section heading state."""

    title: _meta.Title | None = None
    title_text: str | None = None
    intro: list[str] = attrs.Factory(list)
    publication: dt.date | None = None
    signing: dt.date | None = None
    findings: list[Finding] = attrs.Factory(list)


def date_value(
    text: str,
    where: str,
    location: str,
    findings: list[Finding],
    path: str = "metadata.signing_date",
) -> dt.date | None:
    """The date ``text`` states, or None with a warning in ``findings`` if it is no real date."""
    value = _meta.parse_date(text)
    if isinstance(value, str):
        findings.append(
            rf.finding(
                rf.DATE,
                Severity.WARNING,
                f"{where}“{value}”不是有效日期，未读取",
                f"the {where} {value!r} is not a real date; not read",
                paths=(path,),
                reported=value,
                location=location,
                uncertain=True,
            )
        )
        return None
    return value


_INFO_KINDS = {
    **dict.fromkeys(_meta.PUBLICATION_LABELS, "publication"),
    **dict.fromkeys(_meta.SIGNING_LABELS, "signing"),
}
_KIND_ZH = {"publication": "发布日期", "signing": "成文日期"}
_KIND_EN = {"publication": "publication date", "signing": "signing date"}


def _info_dates(lines: Sequence[tuple[str, str]], front: Front) -> None:
    """The publication and signing dates that info lines near the title state.

    A date is taken only from a label that says which date it is (发布日期, 公开日期 →
    publication; 成文日期 → signing), and only when every line stating it agrees; a bare
    "日期：" or two different publication dates are reported and not read.
    """
    found: dict[str, dict[dt.date, str]] = {"publication": {}, "signing": {}}
    for text, location in lines:
        for label, value in _meta.info_line(text) or ():
            kind = _INFO_KINDS.get(label)
            if kind is not None:
                path = f"metadata.{kind}_date"
                date = date_value(value, label, location, front.findings, path)
                if date is not None:
                    found[kind].setdefault(date, text)
            elif label in _meta.UNCLEAR_LABELS and _meta.parse_date(value) is not None:
                front.findings.append(
                    rf.finding(
                        rf.DATE,
                        Severity.NOTICE,
                        f"标题旁的“{text.strip()}”没有说明是发布日期还是成文日期，未读取",
                        f"{text.strip()!r} near the title does not say whether it is the "
                        "publication or the signing date; not read",
                        paths=("metadata.publication_date", "metadata.signing_date"),
                        reported=value,
                        location=location,
                        uncertain=True,
                    )
                )
    for kind, dates in found.items():
        if len(dates) > 1:
            shown = sorted(dates)
            zh = "、".join(f"{d.year}年{d.month}月{d.day}日" for d in shown)
            front.findings.append(
                rf.finding(
                    rf.DATE,
                    Severity.NOTICE,
                    f"标题旁写了不同的{_KIND_ZH[kind]}（{zh}），未读取",
                    f"the lines near the title state different {_KIND_EN[kind]}s "
                    f"({', '.join(d.isoformat() for d in shown)}); none was read",
                    paths=(f"metadata.{kind}_date",),
                    reported=" / ".join(dates.values()),
                    uncertain=True,
                )
            )
        elif dates:
            [date] = dates
            if kind == "publication":
                front.publication = date
            else:
                front.signing = front.signing or date


def _find_title(
    paragraphs: Sequence[Paragraph], trusted: bool
) -> tuple[int, int, _meta.Title | None] | None:
    """(first, last, parsed) paragraphs of the title, or ``None``.

    A title may be one paragraph, or be broken over two or three short lines anywhere
    ("温州市洞头区政务服务中心" / "2020年政府信息公开工作年度报告", or
    "2019年上海市人民政府办公厅" / "政府信息公开工作年度报告").
    """
    if trusted:
        levels = [i for i, p in enumerate(paragraphs) if p.level == 0]
        if not levels:
            return None
        first = last = levels[0]
        while last + 1 < len(paragraphs) and paragraphs[last + 1].level == 0:
            last += 1
        joined = "".join(p.text for p in paragraphs[first : last + 1])
        return first, last, _meta.parse_title(joined)
    for i, p in enumerate(paragraphs):
        parsed = _meta.parse_title(p.text)
        if parsed is not None:
            if parsed.agency is None and i > 0 and _meta.looks_like_agency(paragraphs[i - 1].text):
                joined = paragraphs[i - 1].text.strip() + parsed.text
                parsed = _meta.parse_title(joined) or parsed
                if parsed.agency is not None:
                    return i - 1, i, parsed
            return i, i, parsed
        if not _meta.looks_like_agency(p.text):
            continue
        for size in (2, 3):
            span = paragraphs[i : i + size]
            if len(span) < size or not all(
                _meta.looks_like_agency(q.text) or q is span[-1] for q in span
            ):
                break
            parsed = _meta.parse_title("".join(q.text.strip() for q in span))
            if parsed is not None and parsed.agency is not None:
                return i, i + size - 1, parsed
    return None


def read_front(paragraphs: Sequence[Paragraph], trusted: bool) -> Front:
    """Title, the dates stated around it, and the intro.

    Info lines ("发布日期：2020-01-31　来源：…") are read only next to the title: the run
    just above it and the run between it and the intro's first paragraph (our own
    documents print none, so their text is never taken for one).
    """
    front = Front()
    found = _find_title(paragraphs, trusted)
    start = 0
    info: list[tuple[str, str]] = []
    if found is not None:
        first, last, parsed = found
        front.title = parsed
        title_par = paragraphs[last]
        if trusted:
            front.title_text = "".join(p.text for p in paragraphs[first : last + 1])
        elif parsed is not None:
            front.title_text = parsed.text
        else:
            front.title_text = "".join(p.text.strip() for p in paragraphs[first : last + 1])
        above = first
        while not trusted and above > 0 and _meta.info_line(paragraphs[above - 1].text):
            above -= 1
        info.extend((p.text, p.location or "") for p in paragraphs[above:first])
        if above > 0:
            skipped = paragraphs[:above]
            front.findings.append(
                rf.finding(
                    rf.PREAMBLE,
                    Severity.NOTICE,
                    f"标题之前的{len(skipped)}段文字（如“{skipped[0].text.strip()[:30]}”）"
                    "未作为报告内容读取",
                    f"{len(skipped)} paragraph(s) before the title (e.g. "
                    f"{skipped[0].text.strip()[:30]!r}) were not read as part of the report",
                    location=skipped[0].location,
                )
            )
        start = last + 1
        if parsed is not None and parsed.date_text:
            front.signing = date_value(
                parsed.date_text, "标题下的日期", title_par.location or "", front.findings
            )
        if parsed is not None and parsed.info:
            info.append((parsed.info, title_par.location or ""))
    for p in paragraphs[start:]:
        text = p.text if trusted else p.text.strip()
        if not text.strip() and not (trusted and p.role == "blank"):
            continue
        if trusted:
            front.intro.append(text)
            continue
        if not front.intro and _meta.info_line(text) is not None:
            info.append((text, p.location or ""))
            continue
        if not front.intro and _meta.is_date_line(text) and found is not None:
            front.signing = front.signing or date_value(
                text, "标题下的日期", p.location or "", front.findings
            )
            continue
        front.intro.append(text)
    _info_dates(info, front)
    return front
