"""What each column of reports.csv holds, in Chinese: the 列说明 sheet of reports.xlsx.

reports.csv keeps its column names (``new_received``, ``rule:T3.1``) for programs; a
person opening reports.xlsx in WPS or Excel reads them in the second sheet, a row a
column: its name, its Chinese name and what it holds (docs/survey.md says the same in
English). A rule column is named by the rule's title from the catalog.
"""

from __future__ import annotations

from typing import Final

from govinfo_report.survey._columns import BASE_COLUMNS, RULE_CODES

SHEET: Final = "列说明"
"""The sheet's name."""
HEADER: Final = ("列", "中文名", "说明")
WIDTHS: Final = (30.0, 20.0, 100.0)
"""The columns' widths, in characters: the longest name, Chinese name and most notes
fit (a Chinese character is two)."""

_RATE_RULE = "保留 4 位小数；分母不足 30 件，或有运算数为空、为“/”时不计算（留空）"

NOTES: Final[dict[str, tuple[str, str]]] = {
    "file": (
        "文件",
        "调查时给出的文件路径；压缩包中的报告写作“压缩包#成员”，多部门工作簿写作“工作簿#工作表”",
    ),
    "sha256": ("SHA-256", "文件内容的 SHA-256 散列值，再次调查时据此判断文件是否变化"),
    "agency": ("机关名称", "报告写明的机关名称"),
    "agency_key": (
        "机关键",
        "规范化后的机关名称（不计空格、全角半角、“人民政府/政府”等差别），跨年度配对据此进行",
    ),
    "agency_kind": (
        "机关类型",
        "government 县级以上人民政府，department 政府部门，"
        "township 乡镇人民政府、街道办事处，other 其他",
    ),
    "year": ("年度", "报告年度"),
    "format": ("格式", "统一格式：2019（试行格式）或 2021"),
    "status": ("状态", "ok 无错误，errors 有错误，unreadable 无法读取"),
    "reason": ("原因（英文）", "无法读取的原因，英文"),
    "reason_zh": ("原因", "无法读取的原因"),
    "cells_read": ("已填单元格数", "三张统计表的标准单元格中，填写了数字或“/”的个数"),
    "cells_stated": ("单元格总数", "三张统计表的标准单元格总数（不含报告增加的行）"),
    "errors": ("错误数", "级别为“错误”的检查结果条数"),
    "warnings": ("警告数", "级别为“警告”的检查结果条数"),
    "notices": ("提示数", "级别为“提示”的检查结果条数"),
    "new_received": ("本年新收", "表三“一、本年新收政府信息公开申请数量”的总计"),
    "carried_over": ("上年结转", "表三“二、上年结转政府信息公开申请数量”的总计"),
    "total_outcomes": ("办理结果总计", "表三“三、本年度办理结果”的总计"),
    "disclosed": ("予以公开", "表三“（一）予以公开”的总计"),
    "partially_disclosed": ("部分公开", "表三“（二）部分公开”的总计"),
    "carried_forward": ("结转下年度", "表三“四、结转下年度继续办理”的总计"),
    "review_total": ("行政复议总计", "表四行政复议的总计"),
    "review_corrected": ("行政复议结果纠正", "表四行政复议的结果纠正"),
    "litigation_total": ("行政诉讼总计", "表四行政诉讼的总计：未经复议直接起诉与复议后起诉之和"),
    "litigation_corrected": ("行政诉讼结果纠正", "表四行政诉讼的结果纠正：两类之和"),
    "fee_amount": ("信息处理费（元）", "报告写明的信息处理费，单位为元"),
    "substantive_disclosure_rate": (
        "实质公开率",
        f"（予以公开 + 部分公开）÷ 办理结果总计，{_RATE_RULE}",
    ),
    "review_correction_rate": ("复议纠错率", f"结果纠正 ÷ 行政复议总计，{_RATE_RULE}"),
    "previous_file": ("上年报告文件", "与之配对核对（X.1–X.3）的同一机关上一年度报告"),
    "maybe_previous_file": (
        "可能的上年报告文件",
        "机关名称写法不同、可能是同一机关上一年度的报告：未配对，请人工判断（两个以上用“; ”分隔）",
    ),
    "parent": (
        "上级机关报告文件",
        "按层级（--hierarchy 给出的文件，或 auto），本机关的上级机关同一年度的报告",
    ),
}
"""Column → (its Chinese name, what it holds), for every column of BASE_COLUMNS."""

_RULE_VALUES = "pass 通过，fail 不通过，uncertain 待定（无法判定），n/a 不适用"


def column_notes() -> list[tuple[str, str, str]]:
    """The sheet's rows: each column of reports.csv, in order, with its Chinese name and
    what it holds."""
    from govinfo_report.catalog import describe

    rows = [(column, *NOTES[column]) for column in BASE_COLUMNS]
    for code in RULE_CODES:
        rows.append((f"rule:{code}", f"规则 {code}", f"{describe(code).title_zh}：{_RULE_VALUES}"))
    return rows


__all__ = ["HEADER", "NOTES", "SHEET", "column_notes"]
