"""Declarations the 2019 试行 and 2021 formats share, written once.

Table 3's columns and 22 of its rows, all of Table 4, and the six section headings are
the same in both formats; each format module composes its tables from these pieces and
adds what differs.
"""

from __future__ import annotations

from govinfo_report.formats._spec import Column, Row, RowGroup, SectionSpec

# Sections 二–四 carry the tables; the section heading is the table's title.
PROACTIVE_TITLE = "二、主动公开政府信息情况"
APPLICATIONS_TITLE = "三、收到和处理政府信息公开申请情况"
REVIEW_LITIGATION_TITLE = "四、政府信息公开行政复议、行政诉讼情况"

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(id="overview", number=1, heading="一、总体情况", english="Overview"),
    SectionSpec(
        id="proactive",
        number=2,
        heading=PROACTIVE_TITLE,
        english="Proactive disclosure",
        variants=("二、行政机关主动公开政府信息情况",),
        table="proactive",
    ),
    SectionSpec(
        id="applications",
        number=3,
        heading=APPLICATIONS_TITLE,
        english="Disclosure requests received and handled",
        variants=("三、行政机关收到和处理政府信息公开申请情况",),
        table="applications",
    ),
    SectionSpec(
        id="review_litigation",
        number=4,
        heading=REVIEW_LITIGATION_TITLE,
        english="Administrative reconsideration and litigation",
        variants=(
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "四、政府信息公开行政复议及行政诉讼情况",
        ),
        table="review_litigation",
    ),
    SectionSpec(
        id="problems",
        number=5,
        heading="五、存在的主要问题及改进情况",
        english="Main problems and improvements",
        variants=(
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、存在的主要问题及整改措施",
            "五、存在的主要问题及改进措施",
        ),
    ),
    SectionSpec(
        id="other",
        number=6,
        heading="六、其他需要报告的事项",
        english="Other matters",
        variants=("六、其他事项",),
    ),
)

# --- Table 2 pieces common to both formats -----------------------------------------

ART20 = "第二十条第（{}）项"
INFO_CONTENT = "信息内容"

RULES = Row(id="rules", label_path=("规章",), english="rules")
LICENSING = Row(id="licensing", label_path=("行政许可",), english="administrative licensing")
PENALTIES = Row(id="penalties", label_path=("行政处罚",), english="administrative penalties")
ENFORCEMENT = Row(id="enforcement", label_path=("行政强制",), english="administrative enforcement")
FEES = Row(id="fees", label_path=("行政事业性收费",), english="administrative fees")
"""Table 2 rows whose label is the same in both formats (their columns differ)."""

# --- Table 3 ---------------------------------------------------------------------

APPLICATIONS_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"

APPLICANT_COLUMNS: tuple[Column, ...] = (
    Column(id="natural_person", label="自然人", english="natural persons"),
    Column(
        id="commercial_enterprise",
        label="商业企业",
        english="commercial enterprises",
        parent=LEGAL_PERSONS,
    ),
    Column(
        id="research_institution",
        label="科研机构",
        english="research institutions",
        parent=LEGAL_PERSONS,
    ),
    Column(
        id="public_interest_org",
        label="社会公益组织",
        english="public-interest organizations",
        parent=LEGAL_PERSONS,
    ),
    Column(
        id="legal_service_org",
        label="法律服务机构",
        english="legal service institutions",
        parent=LEGAL_PERSONS,
    ),
    Column(id="other_org", label="其他", english="other", parent=LEGAL_PERSONS),
    Column(id="total", label="总计", english="total"),
)

OUTCOMES = "三、本年度办理结果"
WITHHELD = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER_HANDLING = "（六）其他处理"


def _outcome(row_id: str, english: str, *labels: str) -> Row:
    return Row(id=row_id, label_path=(OUTCOMES, *labels), english=english)


APPLICATION_ROWS_HEAD: tuple[Row, ...] = (
    Row(
        id="new_received",
        label_path=("一、本年新收政府信息公开申请数量",),
        english="new requests received this year",
    ),
    Row(
        id="carried_over",
        label_path=("二、上年结转政府信息公开申请数量",),
        english="requests carried over from last year",
    ),
    _outcome("disclosed", "disclosed", "（一）予以公开"),
    _outcome(
        "partially_disclosed",
        "partially disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    _outcome("withheld_state_secret", "withheld: state secret", WITHHELD, "1.属于国家秘密"),
    _outcome(
        "withheld_prohibited",
        "withheld: other laws prohibit",
        WITHHELD,
        "2.其他法律行政法规禁止公开",
    ),
    _outcome(
        "withheld_security",
        'withheld: endangers the "three securities and one stability"',
        WITHHELD,
        "3.危及“三安全一稳定”",
    ),
    _outcome(
        "withheld_third_party", "withheld: third-party rights", WITHHELD, "4.保护第三方合法权益"
    ),
    _outcome(
        "withheld_internal",
        "withheld: internal affairs (three kinds)",
        WITHHELD,
        "5.属于三类内部事务信息",
    ),
    _outcome(
        "withheld_process",
        "withheld: process information (four kinds)",
        WITHHELD,
        "6.属于四类过程性信息",
    ),
    _outcome(
        "withheld_enforcement",
        "withheld: law-enforcement case files",
        WITHHELD,
        "7.属于行政执法案卷",
    ),
    _outcome(
        "withheld_enquiry",
        "withheld: administrative enquiry matters",
        WITHHELD,
        "8.属于行政查询事项",
    ),
    _outcome(
        "unavailable_not_held",
        "cannot be provided: agency does not hold it",
        UNAVAILABLE,
        "1.本机关不掌握相关政府信息",
    ),
    _outcome(
        "unavailable_to_create",
        "cannot be provided: would have to be newly made",
        UNAVAILABLE,
        "2.没有现成信息需要另行制作",
    ),
    _outcome(
        "unavailable_unclear",
        "cannot be provided: still unclear after amendment",
        UNAVAILABLE,
        "3.补正后申请内容仍不明确",
    ),
    _outcome(
        "not_processed_petition",
        "not processed: petitions, reports, complaints",
        NOT_PROCESSED,
        "1.信访举报投诉类申请",
    ),
    _outcome(
        "not_processed_repeated", "not processed: repeated request", NOT_PROCESSED, "2.重复申请"
    ),
    _outcome(
        "not_processed_publication",
        "not processed: asks for published material",
        NOT_PROCESSED,
        "3.要求提供公开出版物",
    ),
    _outcome(
        "not_processed_excessive",
        "not processed: large, repeated requests without good reason",
        NOT_PROCESSED,
        "4.无正当理由大量反复申请",
    ),
    _outcome(
        "not_processed_confirmation",
        "not processed: asks to confirm or re-issue information already obtained",
        NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
)
"""Table 3 rows up to （五）, identical in both formats."""

APPLICATION_ROWS_TAIL: tuple[Row, ...] = (
    _outcome("total_outcomes", "total outcomes", "（七）总计"),
    Row(
        id="carried_forward",
        label_path=("四、结转下年度继续办理",),
        english="carried over to next year",
    ),
)
"""Table 3 rows after （六）, identical in both formats."""

# --- Table 4 (identical in both formats) --------------------------------------------


REVIEW_LITIGATION_GROUP = RowGroup(
    id="review_litigation",
    columns=(
        Column(id="upheld", label="结果维持", english="upheld"),
        Column(id="corrected", label="结果纠正", english="corrected"),
        Column(id="other", label="其他结果", english="other outcome"),
        Column(id="pending", label="尚未审结", english="pending"),
        Column(id="total", label="总计", english="total"),
    ),
    rows=(
        Row(id="review", label_path=("行政复议",), english="administrative reconsideration"),
        Row(
            id="litigation_direct",
            label_path=("行政诉讼", "未经复议直接起诉"),
            english="litigation without prior reconsideration",
        ),
        Row(
            id="litigation_after_review",
            label_path=("行政诉讼", "复议后起诉"),
            english="litigation after reconsideration",
        ),
    ),
)
