"""What a document prints of a report's data beyond its prose: contact details, the fee.

A report holds its contact details (``metadata.contact``) and the 信息处理费
(``processing_fee``) as data. A published report states both in its text: the contact in
the intro ("如对本报告有疑问，请与…联系（地址：…，邮编：…，电话：…）。"), the fee in
六、其他需要报告的事项 ("本年度未收取政府信息公开信息处理费。"). Where the prose does not
state them already, the writers print one sentence for each, in that place:
:func:`as_printed` gives the report as its document prints it, and which sentences it
added. The contact sentence ends the intro; the fee sentence ends section 六's paragraphs,
before its first sub-heading (a report without section 六 has nowhere to state its fee,
and rule SEC.2 says so).

Whether the prose states them:

- the contact, when every detail given (office, address, postcode, phone, email) appears
  in the intro or a section (widths, spaces and dashes folded: 0527—83593059 is
  0527-83593059);
- the fee, when section 六 states an amount as :func:`govinfo_report._fee_text.read_fee`
  reads it (every sentence taken as one about 政府信息公开: "本机关未收取任何费用" states
  0). Whether that amount is the structured one is rule TX.2's question, not the
  writers': they never print a second, contradicting statement.

The writers record which sentences they added among the unprinted fields
(:mod:`govinfo_report._embedded`), and the readers of our own output take exactly those
out again (:func:`without_printed`), so that writing and reading back gives the same
report. A document read without that record (a PDF of our output) keeps the sentences
as prose: they state what the data says, and the readers take the contact and the fee
from them.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterator
from decimal import Decimal
from typing import Final

import attrs

from govinfo_report._fee_text import FeeReading, read_fee
from govinfo_report.model.report import Contact, Metadata, ProcessingFee, Report, Section

CONTACT: Final = "contact"
"""Name of the printed contact sentence (in :attr:`Printed.added` and the record)."""
FEE: Final = "processing_fee"
"""Name of the printed fee sentence."""
NAMES: Final = (CONTACT, FEE)
"""Every sentence a writer may add, in document order."""

FEE_SECTION: Final = "other"
"""The section that states the fee: 六、其他需要报告的事项."""

_CONTACT_FIELDS: Final = ("office", "address", "postcode", "phone", "email")
_DETAILS: Final = (
    ("address", "地址"),
    ("postcode", "邮编"),
    ("phone", "电话"),
    ("email", "电子邮箱"),
)
_NOISE = re.compile(r"[ \t\u3000\-—–－‐‑‒―]")
"""Spaces and dashes, left out when a contact detail is looked for in the prose."""


@attrs.frozen(kw_only=True)
class Printed:
    """A report as its document prints it, and the sentences that were added to it."""

    report: Report
    added: tuple[str, ...] = ()
    """Which of :data:`NAMES` were added, in document order."""


def contact_sentence(meta: Metadata) -> str | None:
    """The sentence stating ``meta.contact``, or ``None`` when it holds no detail.

    ``如对本报告有疑问，请与{office}联系（地址：…，邮编：…，电话：…，电子邮箱：…）。``: the
    office, or the agency when no office is given; only the details given.
    """
    contact = meta.contact
    if contact is None or not any(_given(contact, name) for name in _CONTACT_FIELDS):
        return None
    who = contact.office if _given(contact, "office") else meta.agency
    details = "，".join(
        f"{label}：{getattr(contact, name)}" for name, label in _DETAILS if _given(contact, name)
    )
    ask = f"请与{who}联系" if who else "请联系"
    return f"如对本报告有疑问，{ask}" + (f"（{details}）" if details else "") + "。"


def fee_sentence(fee: ProcessingFee) -> str:
    """The sentence stating ``fee``: ``本年度未收取政府信息公开信息处理费。`` for 0, else
    ``本年度收取政府信息公开信息处理费120元。`` (``本年度对3件政府信息公开申请收取信息处理费
    120元。`` when the number of requests charged is known)."""
    if fee.amount == 0:
        return "本年度未收取政府信息公开信息处理费。"
    amount = _yuan(fee.amount)
    if fee.applications is not None:
        return f"本年度对{fee.applications}件政府信息公开申请收取信息处理费{amount}元。"
    return f"本年度收取政府信息公开信息处理费{amount}元。"


def states_contact(report: Report) -> bool:
    """Whether the prose states every contact detail the report holds (see the module)."""
    contact = report.metadata.contact
    if contact is None:
        return True
    details = [getattr(contact, name) for name in _CONTACT_FIELDS if _given(contact, name)]
    texts = list(_prose(report))
    return all(
        any(detail in text for text in texts)  # as given: the common case, read fast
        or any(_detail_pattern(detail).search(text) for text in texts)
        for detail in details
    )


def fee_statement(report: Report, section_id: str = FEE_SECTION) -> tuple[FeeReading, str] | None:
    """What section 六's prose (or ``section_id``'s) says about the fee, and the path of
    the text quoted (``sections[5].paragraphs[0]``,
    ``sections[5].subsections[1].paragraphs[2]``); ``None`` when it says nothing.

    The reading may be one that could not be taken: its ``fee`` is then ``None`` and it
    gives the reason.
    """
    at = next((i for i, s in enumerate(report.sections) if s.id == section_id), None)
    if at is None:
        return None
    section = report.sections[at]
    reading = read_fee(_section_texts_only(section), assume_ogi=True)
    if reading is None:
        return None
    # The path of the paragraph quoted only: the others' are never written.
    texts = _section_texts(section, f"sections[{at}]")
    return reading, next(itertools.islice(texts, reading.paragraph, None))[0]


def stated_fee(report: Report) -> ProcessingFee | None:
    """The fee section 六's prose states, or ``None`` when it states none clearly."""
    statement = fee_statement(report)
    return None if statement is None else statement[0].fee


def as_printed(report: Report) -> Printed:
    """``report`` as a document prints it: the contact and fee sentences the prose lacks
    added (see the module)."""
    added: list[str] = []
    intro = report.intro
    sentence = contact_sentence(report.metadata)
    if sentence is not None and not states_contact(report):
        intro = (*intro, sentence)
        added.append(CONTACT)
    sections = report.sections
    fee, other = report.processing_fee, report.section(FEE_SECTION)
    if fee is not None and other is not None and stated_fee(report) is None:
        printed = attrs.evolve(other, paragraphs=(*other.paragraphs, fee_sentence(fee)))
        sections = tuple(printed if s is other else s for s in sections)
        added.append(FEE)
    if not added:
        return Printed(report=report)
    return Printed(report=attrs.evolve(report, intro=intro, sections=sections), added=tuple(added))


def without_printed(report: Report, added: Collection[str]) -> Report:
    """``report`` as read from a document of ours, without the sentences its writer
    added (``added``, as recorded): the inverse of :func:`as_printed`.

    A sentence is taken out only where the writer put it and as it wrote it, from the
    data the record restores; one that was edited since stays, as prose.
    """
    intro, sections = report.intro, report.sections
    sentence = contact_sentence(report.metadata) if CONTACT in added else None
    if sentence is not None and intro and intro[-1] == sentence:
        intro = intro[:-1]
    fee, other = report.processing_fee, report.section(FEE_SECTION)
    if (
        FEE in added
        and fee is not None
        and other is not None
        and other.paragraphs
        and other.paragraphs[-1] == fee_sentence(fee)
    ):
        kept = attrs.evolve(other, paragraphs=other.paragraphs[:-1])
        sections = tuple(kept if s is other else s for s in sections)
    if intro is report.intro and sections is report.sections:
        return report
    return attrs.evolve(report, intro=intro, sections=sections)


def _given(contact: Contact, name: str) -> bool:
    value: str | None = getattr(contact, name)
    return bool(value and value.strip())


_GAP = "[ \\t\\u3000\\-—–－‐‑‒―]*"
"""What may stand between two characters of a contact detail in the prose."""


@functools.lru_cache(maxsize=512)
def _detail_pattern(detail: str) -> re.Pattern[str]:
    """Finds ``detail`` in the prose whatever its width, spaces and dashes: each ASCII
    character also in its full-width form, spaces and dashes anywhere between.

    Built per detail, rather than folding the whole prose, which (NFKC and the
    Traditional table over every paragraph) cost more than writing the document.
    """
    parts = []
    for char in unicodedata.normalize("NFKC", detail):
        if _NOISE.fullmatch(char):
            continue
        if "!" <= char <= "~":
            wide = chr(ord(char) + 0xFEE0)
            parts.append(f"[{re.escape(char)}{re.escape(wide)}]")
        else:
            parts.append(re.escape(char))
    return re.compile(_GAP.join(parts))


def _yuan(amount: Decimal) -> str:
    """The amount as digits, never in exponent form (``Decimal("1E+2")`` is 100)."""
    return format(amount, "f")


def _section_texts(section: Section, path: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every text of ``section`` after its heading, in document order."""
    for j, text in enumerate(section.paragraphs):
        yield f"{path}.paragraphs[{j}]", text
    for k, sub in enumerate(section.subsections):
        yield f"{path}.subsections[{k}].heading", sub.heading
        for j, text in enumerate(sub.paragraphs):
            yield f"{path}.subsections[{k}].paragraphs[{j}]", text
        for m, level3 in enumerate(sub.subsections):
            at = f"{path}.subsections[{k}].subsections[{m}]"
            yield f"{at}.heading", level3.heading
            for j, text in enumerate(level3.paragraphs):
                yield f"{at}.paragraphs[{j}]", text


def _section_texts_only(section: Section) -> Iterator[str]:
    """The texts of :func:`_section_texts`, in its order, without their paths."""
    yield from section.paragraphs
    for sub in section.subsections:
        yield sub.heading
        yield from sub.paragraphs
        for level3 in sub.subsections:
            yield level3.heading
            yield from level3.paragraphs


def _prose(report: Report) -> Iterator[str]:
    """Every text a document of the report prints as prose, each once."""
    yield from report.intro
    for section in report.sections:
        yield section.heading
        yield from _section_texts_only(section)
