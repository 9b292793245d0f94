"""The catalog of the migration's finding codes (MIG.*): what each means, why, what to do.

The same :class:`~govinfo_report.findings.RuleInfo` entries as the checks', the
readers' and the survey's catalogs; :mod:`govinfo_report.catalog` merges them into one
lookup, and ``docs/rules.md`` documents them (a test keeps the two in step). A code
given at two severities (a warning when a figure is concerned, a notice when only blank
cells are) has the more severe one here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from govinfo_report.findings import RuleInfo, Severity, entry

RENAMED: Final = "MIG.RENAMED"
SPLIT: Final = "MIG.SPLIT"
DROPPED: Final = "MIG.DROPPED"
BLANK: Final = "MIG.BLANK"
EXTRA: Final = "MIG.EXTRA"
YEAR: Final = "MIG.YEAR"
TEXT: Final = "MIG.TEXT"

_ENTRIES = (
    RuleInfo(
        code=RENAMED,
        severity=Severity.NOTICE,
        title_zh="栏目改名，数字照原样迁移",
        title_en="Renamed row or column, figure carried over",
        meaning_zh=(
            "新格式给这一行或这一栏改了名称（规范性文件→行政规范性文件，本年新制作数量→"
            "本年制发件数，处理决定数量→本年处理决定数量），所计的仍是同一数字，已照原样迁移。"
        ),
        meaning_en=(
            "The newer format renamed the row or column (规范性文件 → 行政规范性文件, "
            "本年新制作数量 → 本年制发件数, 处理决定数量 → 本年处理决定数量); it counts the "
            "same thing, and the figure was carried over as it is."
        ),
        why_zh="名称变了，口径可能随之有细微变化；迁移不改数字，只提醒核对。",
        why_en=(
            "With the name the definition may have shifted slightly; the migration never "
            "changes a figure, it only asks for a check."
        ),
        fix_zh="按新格式的栏目名称核对数字，必要时改正。",
        fix_en="Check the figure against the new label and correct it if need be.",
    ),
    RuleInfo(
        code=SPLIT,
        severity=Severity.WARNING,
        title_zh="一行数字并入新格式的“其他”行",
        title_en="One row's figures put into the newer format's 'other' row",
        meaning_zh=(
            "2019 试行格式表三只有一行（六）其他处理，2021 格式分为 1.申请人无正当理由逾期"
            "不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他三行。原来的数字全部填入"
            "最一般的“3.其他”，1. 和 2. 留空。"
        ),
        meaning_en=(
            "The 2019 format's Table 3 has one row （六）其他处理; the 2021 format has "
            "three (1. failed to amend in time, 2. failed to pay the fee in time, 3. other). "
            "The figures all went to the most general, 3.其他; 1. and 2. stay blank."
        ),
        why_zh="原报告没有区分三种情形，任何拆分都是猜测；放入“其他”不会错记到具体情形。",
        why_en=(
            "The old report does not tell the three apart, so any split would be a guess; "
            "'other' never attributes a case to a specific reason it may not have had."
        ),
        fix_zh="按办理记录把（六）其他处理的件数拆分到三行，并核对（七）总计。",
        fix_en="Split the figures over the three rows from the case files; check （七）总计.",
    ),
    RuleInfo(
        code=DROPPED,
        severity=Severity.WARNING,
        title_zh="原格式的单元格在新格式中没有位置",
        title_en="Cells with no place in the newer format",
        meaning_zh=(
            "这些单元格是旧格式独有的栏目（如 2019 表二的本年新公开数量、对外公开总数量、"
            "上一年项目数量、本年增/减、其他对外管理服务事项、政府集中采购），新格式没有，"
            "未迁移；提示列出每个单元格及其数值。只涉及空白单元格时为“提示”。"
        ),
        meaning_en=(
            "The cells belong to rows or columns only the older format has (2019 Table 2's "
            "本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, 其他对外管理服务事项, "
            "政府集中采购); the newer format has none, so they were left out. The finding "
            "lists each cell with its value; a notice when all of them are blank."
        ),
        why_zh="新格式改变了表二的统计内容，这些数字无处可填，也不能换算成新栏目的数字。",
        why_en=(
            "The newer format counts other things in Table 2; these figures have no place "
            "and cannot be converted into the new columns' figures."
        ),
        fix_zh="如需保留，可写入正文；新栏目按新格式的口径另行统计填写。",
        fix_en=(
            "Keep them in the text if they matter; fill in the new columns from the "
            "records, as the newer format defines them."
        ),
    ),
    RuleInfo(
        code=BLANK,
        severity=Severity.NOTICE,
        title_zh="新格式新增的单元格，留空待填",
        title_en="Cells new in the newer format, left blank",
        meaning_zh=(
            "旧格式没有这些行或栏目（如 2021 表二的本年废止件数、现行有效件数、本年收费金额，"
            "表三（六）的 1. 和 2.），迁移后为空，从不按 0 填写。"
        ),
        meaning_en=(
            "The older format has no such rows or columns (2021 Table 2's 本年废止件数, "
            "现行有效件数, 本年收费金额, Table 3's （六） 1. and 2.); they are blank after "
            "the migration, never 0."
        ),
        why_zh="旧报告没有这些数字，填 0 就是编造。",
        why_en="The old report does not give these figures; a 0 would be made up.",
        fix_zh="按记录填写这些单元格；校验会对空白单元格给出提示（B.1）。",
        fix_en="Fill them in from the records; the checks give a B.1 notice for each blank.",
    ),
    RuleInfo(
        code=EXTRA,
        severity=Severity.WARNING,
        title_zh="附加行的位置或数值随新格式调整",
        title_en="An extra row moved or its values re-placed",
        meaning_zh=(
            "报告自行增加的行（附加行）跟随的行在新格式中没有或改了位置，或其数值所在的栏目"
            "在新格式中改变：位置改到最近的对应行之后，数值随栏目迁移，没有对应栏目的数值"
            "未迁移（此时为“警告”）。"
        ),
        meaning_en=(
            "A row the report added follows a row that the newer format lacks or moved, or "
            "its values stand under columns the newer format changed: it now follows the "
            "nearest row that moved, its values move with their columns, and a value whose "
            "column has no place is left out (a warning then)."
        ),
        why_zh="附加行的数值按所在栏目理解，栏目变了，数值的含义也随之变化。",
        why_en="An extra row's values mean what their columns mean; the columns changed.",
        fix_zh="核对附加行的位置和数值，必要时改写或删除。",
        fix_en="Check the row's place and values; rewrite or remove it if need be.",
    ),
    RuleInfo(
        code=YEAR,
        severity=Severity.NOTICE,
        title_zh="报告年度适用的是旧格式",
        title_en="The report's year is one of the older format",
        meaning_zh=(
            "报告年度应使用旧格式（如 2020 年度报告应使用 2019 试行格式），迁移不改年度，"
            "所以校验将对迁移后的报告给出 F.1。"
        ),
        meaning_en=(
            "The older format is the one prescribed for the report's year (a report on 2020 "
            "uses the 2019 format); the migration keeps the year, so the checks give F.1 "
            "on the migrated report."
        ),
        why_zh="年度是报告的事实，迁移不会改动；迁移多用于对比或作为新年度报告的起点。",
        why_en=(
            "The year is a fact of the report, which a migration never changes; migrations "
            "serve comparisons, or a start for a later year's report."
        ),
        fix_zh="以之为新年度报告的起点时，改为新年度并更新数字、日期和文字。",
        fix_en=(
            "When starting a later year's report from it, set the new year and update the "
            "figures, dates and text."
        ),
    ),
    RuleInfo(
        code=TEXT,
        severity=Severity.NOTICE,
        title_zh="正文引用了旧格式",
        title_en="The text cites the older format",
        meaning_zh=("引言或正文写有旧格式的文号（如国办公开办函〔2019〕60号），表格已改为新格式。"),
        meaning_en=(
            "The intro or a section names the older format's document (国办公开办函〔2019〕"
            "60号), while the tables now follow the newer format."
        ),
        why_zh="迁移不改文字，文字与表格所依据的格式不一致。",
        why_en="The migration never changes the text, which now disagrees with the tables.",
        fix_zh="把文号改为新格式的文号（国办公开办函〔2021〕30号）。",
        fix_en="Cite the newer format's document (国办公开办函〔2021〕30号) instead.",
    ),
)

CATALOG: Mapping[str, RuleInfo] = MappingProxyType({e.code: e for e in _ENTRIES})
"""Every code :func:`govinfo_report.migrate` gives, in documentation order."""


def describe(code: str) -> RuleInfo:
    """The catalog entry for a migration code.

    Raises:
        KeyError: no such code; the message lists the codes there are.
    """
    return entry(CATALOG, code, "migration finding code")


__all__ = ["BLANK", "CATALOG", "DROPPED", "EXTRA", "RENAMED", "SPLIT", "TEXT", "YEAR", "describe"]
