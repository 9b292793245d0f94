"""The 2021 format (国办公开办函〔2021〕30号), for reports on 2021 onward.

Table 2 has 10 cells in four 第二十条 blocks (20(九) procurement was dropped), Table 3 has
25 rows × 7 columns (（六）其他处理 split into three), Table 4 is unchanged from 2019.
Labels are verbatim from the official table as reproduced by published reports
(format-spec §5).
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

_VERSION = FormatVersion.V2021

_DECISIONS = (Column(id="decisions", label="本年处理决定数量", english="decisions this year"),)

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
                Column(id="issued", label="本年制发件数", english="issued this year"),
                Column(id="repealed", label="本年废止件数", english="repealed this year"),
                Column(id="in_force", label="现行有效件数", english="currently in force"),
            ),
            rows=(
                c.RULES,
                Row(
                    id="normative_documents",
                    label_path=("行政规范性文件",),
                    english="administrative normative documents",
                ),
            ),
        ),
        RowGroup(
            id="art20_5",
            caption=c.ART20.format("五"),
            header_first_cell=c.INFO_CONTENT,
            columns=_DECISIONS,
            rows=(c.LICENSING,),
        ),
        RowGroup(
            id="art20_6",
            caption=c.ART20.format("六"),
            header_first_cell=c.INFO_CONTENT,
            columns=_DECISIONS,
            rows=(
                c.PENALTIES,
                c.ENFORCEMENT,
            ),
        ),
        RowGroup(
            id="art20_8",
            caption=c.ART20.format("八"),
            header_first_cell=c.INFO_CONTENT,
            columns=(
                Column(
                    id="amount",
                    label="本年收费金额（单位：万元）",
                    english="fees collected this year (10,000 yuan)",
                    kind=CellKind.MONEY,
                    unit="万元",
                ),
            ),
            rows=(c.FEES,),
        ),
    ),
)

_OTHER = (c.OUTCOMES, c.OTHER_HANDLING)

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
                    id="other_no_amendment",
                    label_path=(
                        *_OTHER,
                        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    ),
                    english="other handling: applicant failed to amend in time",
                ),
                Row(
                    id="other_unpaid_fee",
                    label_path=(
                        *_OTHER,
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    ),
                    english="other handling: applicant failed to pay the fee in time",
                ),
                Row(
                    id="other_other",
                    label_path=(*_OTHER, "3.其他"),
                    english="other handling: other",
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
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    sections=c.SECTIONS,
    proactive=PROACTIVE,
    applications=APPLICATIONS,
    review_litigation=REVIEW_LITIGATION,
)
