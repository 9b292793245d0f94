"""The conventions of our workbook (.xlsx) that the writer writes and the reader expects.

Both sides need them and the readers never import a writer, so they live here, below
both: the names of the sheets the workbook adds to the three tables, the fields of its
基本信息 sheet (one row each: label, value, a hint for whoever fills it in) and the
columns of its 检查结果 sheet. The reader finds the 基本信息 sheet by these labels, not
by its name or the rows' order, so a renamed sheet or moved rows still read.
"""

from __future__ import annotations

from typing import Final

import attrs

from govinfo_report._enums import AgencyKind, Severity
from govinfo_report.formats import FORMATS

METADATA_SHEET: Final = "基本信息"
"""The sheet of the report's metadata, first in the workbook."""
FINDINGS_SHEET: Final = "检查结果"
"""The sheet of the findings, last, when the report has any."""
FILLER_STYLE: Final = "无数值"
"""The named cell style of the cells an extra row has no value for (a short row filled
out): not a blank value. A name, since a spreadsheet keeps the names of cell styles
when it saves, not their numbers."""
METADATA_HEADER: Final = ("项目", "内容", "说明")
FINDINGS_HEADER: Final = ("代码", "级别", "状态", "单元格", "说明", "Description")
SEVERITY_LABELS: Final = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.NOTICE: "提示",
}
STATUS_LABELS: Final = {"fail": "不成立", "uncertain": "不确定"}


@attrs.frozen
class Field:
    """One row of the 基本信息 sheet."""

    key: str
    """Where the value goes: a metadata field, ``contact.*`` or ``processing_fee.*``."""
    label: str
    hint: str


_FORMATS_HINT = "；".join(
    f"{spec.version.value}：{spec.document}（{spec.first_year}"
    + (f"至{spec.last_year}年度）" if spec.last_year else "年度起）")
    for spec in sorted(FORMATS.values(), key=lambda s: s.first_year, reverse=True)
)

FIELDS: Final = (
    Field("agency", "机关名称", "机关全称，与标题和落款一致"),
    Field(
        "agency_kind",
        "机关类型",
        "、".join(f"“{kind.label}”" for kind in AgencyKind)
        + "之一（决定公布期限和必须报告的内容）",
    ),
    Field("year", "报告年度", "统计期限所在的年度，如 2024"),
    Field("format_version", "报告格式", _FORMATS_HINT),
    Field("title", "标题", "留空即为标准标题：机关名称＋年度＋“年政府信息公开工作年度报告”"),
    Field("signing_date", "成文日期", "落款日期，如 2025-01-20"),
    Field("publication_date", "发布日期", "在政府网站上发布的日期"),
    Field("contact.office", "联系机构", "受理政府信息公开事务的机构"),
    Field("contact.address", "联系地址", ""),
    Field("contact.postcode", "邮政编码", ""),
    Field("contact.phone", "联系电话", ""),
    Field("contact.email", "电子邮箱", ""),
    Field(
        "processing_fee.amount",
        "信息处理费（元）",
        "本年收取的信息处理费总额，单位元；未收取的填 0，报告未说明的留空",
    ),
    Field("processing_fee.applications", "收取信息处理费的申请（件）", "可留空"),
)
"""The rows of the 基本信息 sheet, in order."""

AGENCY_KINDS: Final = {kind.label: kind for kind in AgencyKind}
"""The agency kinds by the label the sheet shows."""

__all__ = [
    "AGENCY_KINDS",
    "FIELDS",
    "FILLER_STYLE",
    "FINDINGS_HEADER",
    "FINDINGS_SHEET",
    "METADATA_HEADER",
    "METADATA_SHEET",
    "SEVERITY_LABELS",
    "STATUS_LABELS",
    "Field",
]
