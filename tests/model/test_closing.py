"""Closing paragraphs: a section's text after its sub-headings, kept apart everywhere.

The model holds them (``Section.closing``), the interchange files carry them, the DOCX
and Markdown writers print them after the last sub-heading's paragraphs, and our own
documents read back with them in place, from the count their record keeps.
"""

from __future__ import annotations

import attrs
import pytest

from govinfo_report import (
    Report,
    Section,
    Subsection,
    check,
    describe_path,
    dumps,
    load,
    loads,
    read_report,
    render,
)
from govinfo_report.model.text import text_fields

DONGTOU = "examples/dongtou_2020.yaml"
CLOSING = "特此报告。"


def _with_closing(closing: tuple[str, ...] = (CLOSING,), section: int = 5) -> Report:
    """The 洞头 example with ``closing`` after section ``section``'s sub-headings."""
    report = load(DONGTOU)
    changed = attrs.evolve(report.sections[section], closing=closing)
    return attrs.evolve(
        report,
        sections=tuple(changed if i == section else s for i, s in enumerate(report.sections)),
    )


def test_a_section_keeps_closing_paragraphs_apart_from_its_last_subsection() -> None:
    section = Section(
        id="other",
        heading="六、其他需要报告的事项",
        subsections=[Subsection(heading="（一）", paragraphs=["一。"])],
        closing=["以上。"],
    )
    assert section.subsections[-1].paragraphs == ("一。",)
    assert section.closing == ("以上。",)
    assert section.texts == ("一。", "以上。")


def test_a_section_with_only_closing_text_is_not_empty() -> None:
    assert not Section(id="other", heading="六、", closing=("以上。",)).is_empty
    assert Section(id="other", heading="六、", closing=(" ",)).is_empty


def test_closing_paragraphs_travel_through_every_syntax() -> None:
    report = _with_closing()
    for syntax in ("json", "yaml", "toml"):
        assert loads(dumps(report, syntax), syntax) == report


def test_a_report_without_closing_paragraphs_writes_no_closing_key() -> None:
    assert '"closing"' not in dumps(load(DONGTOU), "json")
    assert dumps(_with_closing(), "json").count('"closing"') == 1


def test_the_fast_and_the_detailed_loader_read_closing_alike() -> None:
    text = dumps(_with_closing(), "json")
    duplicated = text.replace('"closing": [', '"closing": [\n"x",', 1)
    assert loads(text, "json").sections[5].closing == (CLOSING,)
    assert loads(duplicated, "json").sections[5].closing == ("x", CLOSING)
    broken = text.replace(f'"closing": [\n        "{CLOSING}"\n      ]', '"closing": "x"')
    assert broken != text
    with pytest.raises(ValueError, match=r"sections\[5\]\.closing"):
        loads(broken, "json")


@pytest.mark.parametrize(
    ("to", "options"), [("docx", {}), ("markdown", {}), ("markdown", {"tables": "html"})]
)
def test_our_documents_read_back_with_their_closing_paragraphs(
    to: str, options: dict[str, str]
) -> None:
    report = _with_closing(("第一段结尾。", "第二段结尾。"))
    back, _ = read_report(render(report, to, **options))
    assert back.sections == report.sections


@pytest.mark.parametrize("to", ["docx", "markdown"])
def test_a_section_without_subsections_keeps_paragraphs_and_closing_apart(to: str) -> None:
    report = load(DONGTOU)
    overview = attrs.evolve(report.sections[0], closing=("总体情况的结尾。",))
    report = attrs.evolve(report, sections=(overview, *report.sections[1:]))
    back, _ = read_report(render(report, to))
    assert back.sections[0] == overview


def test_closing_paragraphs_print_after_the_last_subsection() -> None:
    markdown = render(_with_closing(), "markdown").decode()
    last = load(DONGTOU).sections[5].subsections[-1].paragraphs[-1]
    assert markdown.index(CLOSING) > markdown.index(last)
    assert "closing:\n  other: 1\n" in markdown  # the front matter counts them


def test_a_document_read_without_its_record_keeps_them_in_the_last_subsection() -> None:
    # A published report (here our Markdown without its front matter) cannot say which
    # paragraphs close the section: they stay the last sub-heading's, as printed.
    markdown = render(_with_closing(), "markdown").decode()
    body = markdown.split("---\n", 2)[2]
    back, _ = read_report(body.encode(), "markdown")
    assert back.sections[5].closing == ()
    assert back.sections[5].subsections[-1].paragraphs[-1] == CLOSING


def test_the_checks_read_closing_paragraphs() -> None:
    report = load("examples/example_2021.yaml")
    overview = attrs.evolve(report.sections[0], closing=("全年共收到政府信息公开申请999件。",))
    report = attrs.evolve(report, sections=(overview, *report.sections[1:]))
    tx = [f for f in check(report) if f.code == "TX.1"]
    assert any("sections[0].closing" in f.paths for f in tx)


def test_closing_paragraphs_are_text_fields_with_paths_describe_path_names() -> None:
    report = _with_closing()
    paths = [path for path, text in text_fields(report) if text == CLOSING]
    assert paths == ["sections[5].closing[0]"]
    assert describe_path(paths[0], report=report) == "六、其他需要报告的事项的结尾段落第1段"
