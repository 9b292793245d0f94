"""The catalog of the survey's own finding codes: H.1 (levels) and DUP.1 (copied text).

The same :class:`~govinfo_report.findings.RuleInfo` entries as the checks' and the
readers' catalogs; :mod:`govinfo_report.catalog` merges all three into one lookup, and
``docs/rules.md`` documents them (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from govinfo_report.findings import RuleInfo, Severity, entry

_ENTRIES = (
    RuleInfo(
        code="H.1",
        severity=Severity.WARNING,
        title_zh="本级报告表三、表四 = 下级报告之和",
        title_en="A region's Tables 3 and 4 = the sum of its children's",
        meaning_zh=(
            "按层级文件，本级报告覆盖全辖区，但其表三或表四某一单元格不等于各下级机关报告"
            "同一单元格之和（或仅已知部分之和已超过本级数字）。"
        ),
        meaning_en=(
            "The hierarchy file says the report covers its region as a whole, but a cell "
            "of its Table 3 or Table 4 differs from the sum of the same cell in its "
            "children's reports (or the known part of that sum already exceeds it)."
        ),
        why_zh=(
            "汇总报告的数字来自下级报告；不一致说明汇总漏报、重复计算或下级报告数字有误。"
            "缺少下级报告或单元格未填写时无法核对，结果为“不确定”并列出缺少的下级。"
        ),
        why_en=(
            "A region's figures are collected from its children's reports; a difference "
            "means a report was left out or counted twice, or a child's figure is wrong. "
            "With a child's report missing or a cell blank the rule is uncertain, and the "
            "missing children are named."
        ),
        fix_zh="逐一核对下级报告的数字和汇总口径（是否含本级机关自身），改正汇总或下级报告。",
        fix_en=(
            "Re-collect the children's figures and check what the total covers (the "
            "parent's own offices included or not); correct the total or the child's report."
        ),
    ),
    RuleInfo(
        code="DUP.1",
        severity=Severity.WARNING,
        title_zh="报告内容雷同",
        title_en="Copied text (雷同)",
        meaning_zh=(
            "某一部分的文字（去除机关名称、数字和年份后）与本机关上一年度报告，"
            "或与同年度其他机关的报告基本相同。"
        ),
        meaning_en=(
            "A section's text, once agency names, numbers and years are removed, is nearly "
            "identical to the same agency's previous report or to another agency's report "
            "of the same year."
        ),
        why_zh=(
            "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
            "把“内容雷同、敷衍塞责”列为追责情形，年报评估对雷同扣分。"
        ),
        why_en=(
            "The 2021 format (国办公开办函〔2021〕30号) names 内容雷同 (copied content) among "
            "the failings it holds agencies accountable for, and evaluators deduct for it."
        ),
        fix_zh="按本年度实际工作重写该部分，写明本机关本年的具体做法、问题和改进措施。",
        fix_en=(
            "Rewrite the section from this year's work: what this agency did, the problems "
            "it found and how it will address them."
        ),
    ),
)

CATALOG: Mapping[str, RuleInfo] = MappingProxyType({info.code: info for info in _ENTRIES})
"""The survey's finding codes, in documentation order."""


def describe(code: str) -> RuleInfo:
    """The catalog entry for a survey finding code (``H.1``, ``DUP.1``).

    Raises:
        KeyError: the survey produces no ``code``; the message lists the codes it does.
    """
    return entry(CATALOG, code, "survey finding code")


__all__ = ["CATALOG", "describe"]
