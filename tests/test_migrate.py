"""migrate(): a 2019-format report in the 2021 format, every cell carried or reported."""

from __future__ import annotations

import io
import pickle
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from checks._checks_support import clean_report
from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    CellValue,
    ExtraRow,
    Finding,
    FormatVersion,
    Money,
    Report,
    Severity,
    UnknownFormatError,
    blank_report,
    check,
    describe,
    dumps,
    is_valid,
    load,
    loads,
    migrate,
)
from govinfo_report import cli as cli_module
from govinfo_report.formats import CellKind
from govinfo_report.formats.migration import V2019_TO_V2021
from govinfo_report.migrate import CATALOG, MigrationResult
from strategies import reports

ROOT = Path(__file__).resolve().parent.parent
DONGTOU = ROOT / "examples" / "dongtou_2020.yaml"


def _numbered(year: int = 2020) -> Report:
    """A 2019-format report whose every cell holds a number of its own (1, 2, 3 …)."""
    report = blank_report("2019", year=year, agency="某区某局")
    cells: dict[str, CellValue] = {}
    for table in report.tables:
        for cell in table.spec.cells:
            n = len(cells) + 1
            cells[f"{table.spec.id}.{cell.id}"] = (
                Money(Decimal(n)) if cell.kind is CellKind.MONEY else n
            )
    return report.with_cells(cells)


def _reported_paths(findings: tuple[Finding, ...]) -> set[str]:
    return {p for f in findings for p in f.paths}


def test_the_migrated_report_is_in_the_2021_format() -> None:
    new, _ = migrate(_numbered())
    assert new.metadata.format_version is FormatVersion.V2021
    assert new.proactive.spec is new.format.proactive


def test_every_2019_cell_lands_in_its_2021_cell_or_is_reported() -> None:
    old = _numbered()
    new, findings = migrate(old)
    reported = _reported_paths(findings)
    for move in V2019_TO_V2021.cells:
        if move.target is not None:
            assert new.cell(move.target) == old.cell(move.source), move
        else:
            assert f"source.{move.source}" in reported, move


@settings(max_examples=25, deadline=None)
@given(reports(FormatVersion.V2019))
def test_any_2019_report_lands_cell_by_cell(old: Report) -> None:
    new, findings = migrate(old)
    reported = _reported_paths(findings)
    for move in V2019_TO_V2021.cells:
        if move.target is None:
            assert f"source.{move.source}" in reported
        else:
            assert new.cell(move.target) == old.cell(move.source)
    for path in V2019_TO_V2021.target_only:
        assert new.cell(path) is BLANK


def test_no_number_is_made_up_for_cells_the_2019_format_lacks() -> None:
    new, findings = migrate(_numbered())
    blank = {p for f in findings if f.code == "MIG.BLANK" for p in f.paths}
    assert blank == set(V2019_TO_V2021.target_only)
    assert all(new.cell(path) is BLANK for path in V2019_TO_V2021.target_only)


def test_other_handling_goes_into_3_other_with_a_warning_saying_where() -> None:
    old = _numbered().with_cells({"applications.other_handling.natural_person": 5})
    new, findings = migrate(old)
    assert new.cell("applications.other_other.natural_person") == 5
    assert new.cell("applications.other_no_amendment.natural_person") is BLANK
    assert new.cell("applications.other_unpaid_fee.natural_person") is BLANK
    (split,) = [f for f in findings if f.code == "MIG.SPLIT"]
    assert split.severity is Severity.WARNING
    assert split.paths[0] == "applications.other_other.natural_person"
    assert "source.applications.other_handling.natural_person" in split.paths
    assert "applications.other_unpaid_fee.total" in split.paths
    assert "3.其他" in split.message_zh
    assert "'other handling: other'" in split.message_en


def test_a_dropped_cell_is_listed_with_its_value() -> None:
    old = _numbered().with_cells({"proactive.procurement.amount": Money(Decimal("251000"), "元")})
    _, findings = migrate(old)
    (dropped,) = [f for f in findings if "source.proactive.procurement.amount" in f.paths]
    assert dropped.code == "MIG.DROPPED"
    assert dropped.severity is Severity.WARNING
    assert "采购总金额（251000元）" in dropped.message_zh
    assert "2021 格式没有这一行" in dropped.message_zh


def test_dropping_only_blank_cells_is_a_notice() -> None:
    old = _numbered().with_cells(
        {"proactive.fees.items_last_year": BLANK, "proactive.fees.change": BLANK}
    )
    _, findings = migrate(old)
    (dropped,) = [f for f in findings if "source.proactive.fees.change" in f.paths]
    assert dropped.severity is Severity.NOTICE
    assert "2021 格式没有这些栏目" in dropped.message_zh


def test_a_renamed_column_is_carried_over_with_a_notice() -> None:
    old = _numbered().with_cells({"proactive.rules.made": 3})
    new, findings = migrate(old)
    assert new.cell("proactive.rules.issued") == 3
    (renamed,) = [f for f in findings if "proactive.rules.issued" in f.paths]
    assert renamed.code == "MIG.RENAMED"
    assert renamed.severity is Severity.NOTICE
    assert "“规章 / 本年新制作数量”→“规章 / 本年制发件数”" in renamed.message_zh


def test_not_applicable_stays_not_applicable() -> None:
    old = _numbered().with_cells({"applications.disclosed.research_institution": NOT_APPLICABLE})
    new, _ = migrate(old)
    assert new.cell("applications.disclosed.research_institution") is NOT_APPLICABLE


def test_text_metadata_and_fee_stay_as_they_are() -> None:
    old = load(DONGTOU)
    new, _ = migrate(old)
    assert (new.intro, new.sections, new.processing_fee) == (
        old.intro,
        old.sections,
        old.processing_fee,
    )
    assert attrs.evolve(new.metadata, format_version=FormatVersion.V2019) == old.metadata


def test_dongtou_migrated_validates_with_no_error_but_f1_which_a_notice_announces() -> None:
    old = load(DONGTOU)
    new, findings = migrate(old)
    assert [f.code for f in check(old) if f.severity is Severity.ERROR] == []
    assert [f.code for f in check(new) if f.severity is Severity.ERROR] == ["F.1"]
    assert "MIG.YEAR" in {f.code for f in findings}
    assert loads(dumps(new, "yaml"), "yaml") == new


def test_a_2019_format_report_on_2021_migrates_to_a_valid_report() -> None:
    old = clean_report("2019", year=2021)
    assert [f.code for f in check(old) if f.severity is Severity.ERROR] == ["F.1"]
    new, findings = migrate(old)
    assert is_valid(new)
    assert "MIG.YEAR" not in {f.code for f in findings}


def test_a_table_2_extra_row_moves_with_its_blocks_columns() -> None:
    old = _numbered()
    rows = (
        ExtraRow(label="其他主动公开文件", values=(4, 4, 16), after="normative_documents"),
        ExtraRow(label="其他事项", values=(1, 2, 3), after="other_services"),
    )
    old = attrs.evolve(old, proactive=attrs.evolve(old.proactive, extra_rows=rows))
    new, findings = migrate(old)
    assert new.proactive.extra_rows == (
        ExtraRow(label="其他主动公开文件", values=(4,), after="normative_documents"),
        ExtraRow(label="其他事项", values=(3,), after="licensing"),
    )
    extra = [f for f in findings if f.code == "MIG.EXTRA"]
    assert [f.paths for f in extra] == [
        ("proactive.extra_rows[0]", "source.proactive.extra_rows[0]"),
        ("proactive.extra_rows[1]", "source.proactive.extra_rows[1]"),
    ]
    assert "“本年新制作数量”→“本年制发件数”" in extra[0].message_zh
    assert "“本年新公开数量”（4）、“对外公开总数量”（16）" in extra[0].message_zh
    assert "原在“其他对外管理服务事项”之后，现在“行政许可”之后" in extra[1].message_zh
    assert all(f.severity is Severity.WARNING for f in extra)


def test_a_table_3_extra_row_after_other_handling_follows_3_other() -> None:
    old = _numbered()
    row = ExtraRow(label="其他情形", values=(1, 0, 0, 0, 0, 0, 1), after="other_handling")
    old = attrs.evolve(old, applications=attrs.evolve(old.applications, extra_rows=(row,)))
    new, findings = migrate(old)
    assert new.applications.extra_rows == (attrs.evolve(row, after="other_other"),)
    (extra,) = [f for f in findings if f.code == "MIG.EXTRA"]
    assert extra.severity is Severity.NOTICE


def test_a_table_4_extra_row_moves_unchanged_and_unremarked() -> None:
    old = _numbered()
    row = ExtraRow(label="行政赔偿", values=(1, 0, 0, 0, 1), after="review")
    old = attrs.evolve(
        old, review_litigation=attrs.evolve(old.review_litigation, extra_rows=(row,))
    )
    new, findings = migrate(old)
    assert new.review_litigation.extra_rows == (row,)
    assert [f for f in findings if f.code == "MIG.EXTRA"] == []


@pytest.mark.parametrize("cited", ["国办公开办函〔2019〕60号", "国办公开办函[2019] 60号"])
def test_text_citing_the_2019_format_is_pointed_at(cited: str) -> None:
    old = attrs.evolve(_numbered(), intro=(f"本报告根据《格式（试行）》（{cited}）编制。",))
    _, findings = migrate(old)
    (text,) = [f for f in findings if f.code == "MIG.TEXT"]
    assert text.paths == ("intro",)
    assert "国办公开办函〔2021〕30号" in text.message_zh


def test_a_2021_report_comes_back_as_it_is() -> None:
    report = clean_report("2021")
    assert migrate(report) == MigrationResult(report, ())


def test_no_migration_back_to_2019_is_declared() -> None:
    with pytest.raises(UnknownFormatError, match="no migration from the 2021 format to the 2019"):
        migrate(clean_report("2021"), "2019")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(UnknownFormatError, match="unknown format version '2030'"):
        migrate(_numbered(), "2030")


def test_every_finding_code_is_described_and_no_more_severe_than_its_entry() -> None:
    old = attrs.evolve(_numbered(), intro=("国办公开办函〔2019〕60号",))
    rows = (ExtraRow(label="其他", values=(1, 2, 3), after="rules"),)
    old = attrs.evolve(old, proactive=attrs.evolve(old.proactive, extra_rows=rows))
    _, findings = migrate(old)
    assert {f.code for f in findings} == set(CATALOG)
    for finding in findings:
        assert finding.severity.rank >= CATALOG[finding.code].severity.rank
        assert describe(finding.code) is CATALOG[finding.code]


def test_the_rule_reference_documents_every_migration_code() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert [c for c, info in CATALOG.items() if f"### {c} {info.title_zh}" not in text] == []


def test_the_result_unpacks_and_pickles() -> None:
    result = migrate(_numbered())
    report, findings = result
    assert pickle.loads(pickle.dumps(result)) == (report, findings)


# --- the command line ----------------------------------------------------------------------


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_migrate_writes_the_2021_report_and_lists_the_findings(tmp_path: Path) -> None:
    output = tmp_path / "new.yaml"
    code, out, err = _cli("migrate", DONGTOU, "-o", output)
    assert (code, out) == (0, "")
    assert load(output) == migrate(load(DONGTOU)).report
    assert f"{DONGTOU}: 警告 MIG.SPLIT applications.other_other.natural_person: " in err
    assert err.endswith(f"已写入 {output}（2019 → 2021 格式，17 条检查结果）\n")
    code, out, err = _cli("migrate", DONGTOU, "-o", output, "--force", "--lang", "en")
    assert err.endswith(f"wrote {output} (2019 → 2021 format, 17 findings)\n")


def test_migrate_in_english_to_stdout(tmp_path: Path) -> None:
    code, out, err = _cli("migrate", DONGTOU, "-o", "-", "--lang", "en")
    assert code == 0
    assert loads(out, "yaml").metadata.format_version is FormatVersion.V2021
    assert ": notice MIG.YEAR metadata.format_version: the report is on 2020" in err


def test_migrate_refuses_an_existing_output_without_force(tmp_path: Path) -> None:
    output = tmp_path / "new.json"
    output.write_text("{}")
    code, _, err = _cli("migrate", DONGTOU, "-o", output, "--lang", "en")
    assert code == 2
    assert "already exists; use --force" in err
    assert _cli("migrate", DONGTOU, "-o", output, "--force")[0] == 0
    assert load(output).metadata.format_version is FormatVersion.V2021


def test_migrate_a_2021_report_says_it_is_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(dumps(clean_report("2021"), "yaml"))
    code, _, err = _cli("migrate", "--lang", "en", source, "-o", tmp_path / "same.yaml")
    assert code == 0
    assert err.endswith("(already in the 2021 format, unchanged)\n")
    assert load(tmp_path / "same.yaml") == load(source)
