"""The 2019 试行 format (国办公开办函〔2019〕60号), for reports on 2019 and 2020.

Table 2 has 22 cells in five 第二十条 blocks, Table 3 has 23 rows × 7 columns (（六）其他处理
is one row), Table 4 has 15 cells. Labels are verbatim from the official table as
reproduced by published reports (format-spec §4).
"""

from __future__ import annotations

from govinfo_report.formats import _common as c
from govinfo_report.formats._spec import (
    CellKind,
    Column,
    FormatSpec,
    FormatVersion,
    Row,
    RowGroup,
    TableSpec,
)

_VERSION = FormatVersion.V2019

_ITEMS = (
    Column(id="items_last_year", label="上一年项目数量", english="items last year", unit="项"),
    Column(
        id="change",
        label="本年增/减",
        english="change this year",
        kind=CellKind.SIGNED_COUNT,
        unit="项",
    ),
    Column(id="decisions", label="处理决定数量", english="decisions"),
)

PROACTIVE = TableSpec(
    id="proactive",
    number=2,
    version=_VERSION,
    title=c.PROACTIVE_TITLE,
    english="Proactive disclosure",
    groups=(
        RowGroup(
            id="art20_1",
            caption=c.ART20.format("一"),
            header_first_cell=c.INFO_CONTENT,
            columns=(
                Column(id="made", label="本年新制作数量", english="made this year"),
                Column(id="published", label="本年新公开数量", english="published this year"),
                Column(id="total_published", label="对外公开总数量", english="total published"),
            ),
            rows=(
                c.RULES,
                Row(
                    id="normative_documents",
                    label_path=("规范性文件",),
                    english="normative documents",
                ),
            ),
        ),
        RowGroup(
            id="art20_5",
            caption=c.ART20.format("五"),
            header_first_cell=c.INFO_CONTENT,
            columns=_ITEMS,
            rows=(
                c.LICENSING,
                Row(
                    id="other_services",
                    label_path=("其他对外管理服务事项",),
                    english="other external management services",
                ),
            ),
        ),
        RowGroup(
            id="art20_6",
            caption=c.ART20.format("六"),
            header_first_cell=c.INFO_CONTENT,
            columns=_ITEMS,
            rows=(
                c.PENALTIES,
                c.ENFORCEMENT,
            ),
        ),
        RowGroup(
            id="art20_8",
            caption=c.ART20.format("八"),
            header_first_cell=c.INFO_CONTENT,
            columns=_ITEMS[:2],
            rows=(c.FEES,),
        ),
        RowGroup(
            id="art20_9",
            caption=c.ART20.format("九"),
            header_first_cell=c.INFO_CONTENT,
            columns=(
                Column(
                    id="projects", label="采购项目数量", english="procurement projects", unit="项"
                ),
                Column(
                    id="amount",
                    label="采购总金额",
                    english="total procurement amount",
                    kind=CellKind.MONEY,
                    unit="",
                ),
            ),
            rows=(
                Row(
                    id="procurement",
                    label_path=("政府集中采购",),
                    english="centralized government procurement",
                ),
            ),
        ),
    ),
)

APPLICATIONS = TableSpec(
    id="applications",
    number=3,
    version=_VERSION,
    title=c.APPLICATIONS_TITLE,
    english="Disclosure requests received and handled",
    corner_note=c.APPLICATIONS_CORNER,
    column_group=c.APPLICANTS,
    groups=(
        RowGroup(
            id="applications",
            columns=c.APPLICANT_COLUMNS,
            rows=(
                *c.APPLICATION_ROWS_HEAD,
                Row(
                    id="other_handling",
                    label_path=(c.OUTCOMES, c.OTHER_HANDLING),
                    english="other handling",
                ),
                *c.APPLICATION_ROWS_TAIL,
            ),
        ),
    ),
)

REVIEW_LITIGATION = TableSpec(
    id="review_litigation",
    number=4,
    version=_VERSION,
    title=c.REVIEW_LITIGATION_TITLE,
    english="Administrative reconsideration and litigation",
    groups=(c.REVIEW_LITIGATION_GROUP,),
)

FORMAT = FormatSpec(
    version=_VERSION,
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    sections=c.SECTIONS,
    proactive=PROACTIVE,
    applications=APPLICATIONS,
    review_litigation=REVIEW_LITIGATION,
)
