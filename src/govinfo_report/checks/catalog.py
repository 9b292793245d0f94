"""The catalog of finding codes the checks produce: what each means, why, how to fix it.

One :class:`RuleInfo` per code, in Chinese and English. The rule factories take their
default severity from here, the CLI prints ``title`` and ``fix`` next to a finding, and
``docs/rules.md`` documents the same codes (a test keeps the two in step).
:class:`RuleInfo` and :func:`entry` live in :mod:`govinfo_report.findings`, which the
readers' catalog shares; they stay importable from here.

The module is long because it is data: one entry per code, four texts in two languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from govinfo_report.findings import RuleInfo, Severity, entry

_E, _W, _N = Severity.ERROR, Severity.WARNING, Severity.NOTICE

_ENTRIES = (
    RuleInfo(
        code="T3.1",
        severity=_E,
        title_zh="表三列勾稽：一+二 = 三（七）+四",
        title_en="Table 3 column balance: new + carried over = outcomes + carried forward",
        meaning_zh="表三某一列中，本年新收与上年结转之和，不等于办理结果总计与结转下年度之和。",
        meaning_en=(
            "In one column of Table 3, new requests plus requests carried over from last "
            "year differ from total outcomes plus requests carried over to next year."
        ),
        why_zh="表三左上角注明“第一项加第二项之和，等于第三项加第四项之和”，这是统一格式明示的勾稽关系。",
        why_en=(
            "The format prints this identity in Table 3's top-left cell (第一项加第二项之和，"
            "等于第三项加第四项之和); every request received must end up handled or carried over."
        ),
        fix_zh="逐列核对一、二、三（七）、四四项数字，改正录入错误或漏填的数字。",
        fix_en="Re-count the four figures of the column and correct the wrong or missing one.",
    ),
    RuleInfo(
        code="T3.2",
        severity=_E,
        title_zh="表三（七）总计 = （一）至（六）各项之和",
        title_en="Table 3 total outcomes = sum of the outcome rows",
        meaning_zh="表三某一列的“（七）总计”不等于“（一）予以公开”至“（六）其他处理”各项之和。",
        meaning_en=(
            "In one column of Table 3, (7) total outcomes differs from the sum of the "
            "outcome rows (1) disclosed to (6) other handling."
        ),
        why_zh="“总计”即各办理结果之和；总计错误会连带导致列勾稽（T3.1）失真。",
        why_en=(
            "A total is the sum of its parts; a wrong total also corrupts the column balance "
            "(T3.1) that supervisors check first."
        ),
        fix_zh="重新加总该列各办理结果，或补正漏计的办理结果行。",
        fix_en="Re-add the outcome rows of the column, or add the outcome row that was missed.",
    ),
    RuleInfo(
        code="T3.3",
        severity=_E,
        title_zh="表三总计列 = 六类申请人之和",
        title_en="Table 3 total column = sum of the six applicant columns",
        meaning_zh="表三某一行的“总计”不等于自然人与五类法人或其他组织之和。",
        meaning_en=(
            "In one row of Table 3, the total column differs from natural persons plus the "
            "five kinds of legal persons and other organizations."
        ),
        why_zh="“总计”列是各类申请人之和；漏填法人或其他组织列是常见错误。",
        why_en=(
            "The total column is the sum of the applicant columns; leaving the legal-person "
            "columns unfilled is a common error in published reports."
        ),
        fix_zh="重新加总该行，或补填留空的申请人列（没有申请的填 0）。",
        fix_en="Re-add the row, or fill the applicant columns left empty (write 0 for none).",
    ),
    RuleInfo(
        code="T4.1",
        severity=_E,
        title_zh="表四总计 = 结果维持+结果纠正+其他结果+尚未审结",
        title_en="Table 4 total = upheld + corrected + other outcome + pending",
        meaning_zh="表四行政复议、未经复议直接起诉或复议后起诉的“总计”不等于四种结果之和。",
        meaning_en=(
            "For reconsideration, direct litigation or litigation after reconsideration, "
            "the total differs from the sum of its four outcomes."
        ),
        why_zh="每一件复议或诉讼都有且只有一种结果（含尚未审结）；实践中常见总计留 0 而明细有数。",
        why_en=(
            "Every case has exactly one outcome (pending included); published reports often "
            "leave the total at 0 while the detail cells are not."
        ),
        fix_zh="按结果重新清点案件，填写正确的总计。",
        fix_en="Re-count the cases by outcome and write the correct total.",
    ),
    RuleInfo(
        code="D.1",
        severity=_E,
        title_zh="件数不得为负",
        title_en="Counts are not negative",
        meaning_zh="一个计数单元格（件数、项数）填了负数。",
        meaning_en="A count cell (requests, cases, items) holds a negative number.",
        why_zh="件数只能是 0 或正整数；只有 2019 试行格式的“本年增/减”可以为负。",
        why_en=(
            "A count is 0 or more; only the 2019 format's 本年增/减 (change this year) may "
            "be negative."
        ),
        fix_zh="改为实际件数；如要表示减少，只能写在“本年增/减”栏。",
        fix_en="Write the actual count; a decrease belongs only in 本年增/减.",
    ),
    RuleInfo(
        code="D.2",
        severity=_E,
        title_zh="金额不得为负",
        title_en="Amounts are not negative",
        meaning_zh="一个金额单元格（本年收费金额、采购总金额）填了负数。",
        meaning_en="An amount cell (fees collected, procurement amount) holds a negative number.",
        why_zh="收费金额和采购金额不可能为负。",
        why_en="Fees collected and procurement amounts cannot be negative.",
        fix_zh="填写实际金额（2021 格式以万元为单位）。",
        fix_en="Write the actual amount (in 万元, 10,000 yuan, in the 2021 format).",
    ),
    RuleInfo(
        code="CH.1",
        severity=_E,
        title_zh="文本含有无法保存的字符",
        title_en="Text holds a character no output can store",
        meaning_zh=(
            "报告的某段文字（标题、机关名称、联系方式、正文段落、小标题、附加行、金额单位等）"
            "含有控制字符（制表、换行、回车以外的 U+0000–U+001F、U+007F–U+009F）、孤立的代理码元"
            "（U+D800–U+DFFF）或非字符 U+FFFE、U+FFFF。"
        ),
        meaning_en=(
            "A text of the report (title, agency, contact, a paragraph, a heading, an extra "
            "row, a money unit…) holds a control character (U+0000–U+001F other than tab, "
            "line feed and carriage return, U+007F–U+009F), a lone surrogate "
            "(U+D800–U+DFFF) or the non-character U+FFFE or U+FFFF."
        ),
        why_zh=(
            "Word 文件（XML）或 Markdown 无法保存这些字符，两个输出格式都拒绝写入，生成文档时"
            "会失败；它们通常是从 PDF 或网页复制文字时带入的，读者看不见。"
        ),
        why_en=(
            "A Word file (XML) or Markdown cannot hold them, and both writers refuse them "
            "all, so writing the report fails; they usually come from text copied out of a "
            "PDF or a web page, where no reader sees them."
        ),
        fix_zh="删除该字符（消息给出其位置和前面的文字），需要换行的改用正常换行。",
        fix_en=(
            "Delete the character (the message gives its position and the text before it); "
            "where it stood for a line break, use a normal line break."
        ),
    ),
    RuleInfo(
        code="F.1",
        severity=_E,
        title_zh="统一格式与报告年度相符",
        title_en="The format matches the report year",
        meaning_zh="报告所用的统一格式不是该年度应当使用的格式。",
        meaning_en="The report uses a statutory format other than the one prescribed for its year.",
        why_zh=(
            "2019、2020 年度报告适用《年度报告格式（试行）》（国办公开办函〔2019〕60号），"
            "2021 年度起适用《年度报告格式》（国办公开办函〔2021〕30号）；用旧表会缺少新栏目。"
        ),
        why_en=(
            "Reports on 2019 and 2020 use the 2019 trial format (国办公开办函〔2019〕60号); "
            "reports on 2021 onward the 2021 format (国办公开办函〔2021〕30号). An outdated "
            "table lacks the rows and columns the current format asks for."
        ),
        fix_zh="按报告年度改用正确格式的表格重新填报。",
        fix_en="Re-enter the tables in the format prescribed for the report year.",
    ),
    RuleInfo(
        code="Y.1",
        severity=_W,
        title_zh="成文/发布日期在法定期限内",
        title_en="Signed and published within the statutory deadline",
        meaning_zh=(
            "成文日期或发布日期不在报告年度之后，或晚于《条例》第四十九条的期限"
            "（政府部门1月31日，本级人民政府3月31日）。乡镇、街道及其他机关无法定期限，"
            "以3月31日为参照，仅作提示。"
        ),
        meaning_en=(
            "The signing or publication date is not after the report year, or is later than "
            "the Article 49 deadline (departments 31 January, people's governments 31 March). "
            "Townships, sub-districts and other bodies have no statutory deadline; 31 March is "
            "used as a reference and the finding is only a notice."
        ),
        why_zh="《条例》第四十九条规定了年度报告的公布期限；逾期公布是评估中最常见的问题之一。",
        why_en=(
            "Article 49 of the OGI Regulations sets the publication deadline; late publication "
            "is among the most frequent failings assessments find."
        ),
        fix_zh="核对成文日期是否录入有误；如确已逾期，应说明原因并尽快公布。",
        fix_en="Check that the date was entered correctly; if the report is late, publish it now.",
    ),
    RuleInfo(
        code="Y.2",
        severity=_W,
        title_zh="缺少成文日期",
        title_en="No signing date",
        meaning_zh="报告没有成文日期，因而无法核对是否按期。",
        meaning_en="The report gives no signing date, so its timeliness cannot be checked.",
        why_zh="GB/T 9704 要求公文在署名下标注成文日期；期限核对（Y.1）依赖该日期。",
        why_en=(
            "GB/T 9704 puts the signing date under the signature; the deadline check (Y.1) "
            "needs it."
        ),
        fix_zh="在署名下补写成文日期，如“2024年1月17日”。",
        fix_en="Add the signing date under the signature, e.g. 2024年1月17日.",
    ),
    RuleInfo(
        code="Y.3",
        severity=_W,
        title_zh="标题年度与报告年度一致",
        title_en="The title names the report year",
        meaning_zh="报告标题中写的年度与报告所统计的年度不一致。",
        meaning_en="The year written in the title differs from the year the report covers.",
        why_zh="套用往年报告而忘改年份是已见报道的错误（如照搬上年报告仅改年份）。",
        why_en=(
            "Copying last year's report and missing the year is a documented failing "
            "(reports identical to earlier years except for the year)."
        ),
        fix_zh="改正标题年度，并核对正文中的年份。",
        fix_en="Correct the year in the title and check the years in the text.",
    ),
    RuleInfo(
        code="M.1",
        severity=_W,
        title_zh="缺少机关名称",
        title_en="No agency name",
        meaning_zh=(
            "报告没有填写机关名称（metadata.agency 为空），如用 govinfo-report new 新建"
            "而未给 --agency。"
        ),
        meaning_en=(
            "The report gives no agency name (metadata.agency is empty), e.g. one made by "
            "`govinfo-report new` without --agency."
        ),
        why_zh=(
            "年度报告是“本行政机关”的报告（《条例》第四十九条）：标题为“机关全称+年度+政府信息"
            "公开工作年度报告”，落款也是机关名称；没有名称，读者无从知道是谁的报告。"
        ),
        why_en=(
            "The report is the agency's own (Article 49): its title is the agency's full name, "
            "the year and 政府信息公开工作年度报告, and the signature names the agency; "
            "without it nobody can tell whose report it is."
        ),
        fix_zh="填写机关全称（metadata.agency），如“某某县人民政府办公室”。",
        fix_en="Fill in the agency's full name (metadata.agency), e.g. 某某县人民政府办公室.",
    ),
    RuleInfo(
        code="SEC.1",
        severity=_W,
        title_zh="六个部分齐全、有序、有内容",
        title_en="All six sections present, in order, not empty",
        meaning_zh=(
            "缺少统一格式规定的某一部分、各部分顺序不对、某部分没有内容，或人民政府的报告"
            "没有写工作考核、社会评议和责任追究结果情况。"
        ),
        meaning_en=(
            "A section the format requires is missing, the sections are out of order, a "
            "section has no text, or a people's government report does not cover performance "
            "review, public evaluation and accountability."
        ),
        why_zh=(
            "《条例》第五十条规定了年度报告的内容；第五十条第（四）项要求各级人民政府的报告"
            "包括工作考核、社会评议和责任追究结果情况。"
        ),
        why_en=(
            "Article 50 of the OGI Regulations lists the report's contents; Article 50(4) "
            "requires people's governments at every level to report on performance review, "
            "public evaluation and accountability."
        ),
        fix_zh="按统一格式补齐缺少的部分和内容；人民政府报告在“总体情况”或“存在的主要问题及改进情况”中写明考核、评议、追究情况。",
        fix_en=(
            "Add the missing section or text; a people's government report states its "
            "performance review, public evaluation and accountability results in section 一 "
            "or 五."
        ),
    ),
    RuleInfo(
        code="SEC.2",
        severity=_W,
        title_zh="说明信息处理费收取情况",
        title_en="The information processing fee is stated",
        meaning_zh=(
            "2021 格式的报告印出的“其他需要报告的事项”没有说明收取信息处理费的情况：正文未提及，"
            "也没有可据以印出的 processing_fee（或报告缺少该部分，processing_fee 无处印出）。"
        ),
        meaning_en=(
            "A 2021-format report as printed does not state the information processing fee "
            "charged: section 六 does not mention it and there is no processing_fee for the "
            "writers to print there (or the report has no section 六 to print it in)."
        ),
        why_zh=(
            "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）施行后，2021 格式要求在"
            "第六部分报告信息处理费收取情况，未收取也应写明“0 元”。"
        ),
        why_en=(
            "Since the fee rules of 国办函〔2020〕109号, the 2021 format has section 六 report "
            "the fee charged, even when it is 0 yuan."
        ),
        fix_zh=(
            "在“六、其他需要报告的事项”中写明本年度收取信息处理费的金额（如“未收取信息处理费”），"
            "或设置 processing_fee，由写出的文档印出。"
        ),
        fix_en=(
            "State the fee charged this year in section 六 (e.g. 未收取信息处理费, none charged), "
            "or set processing_fee for the writers to print it."
        ),
    ),
    RuleInfo(
        code="TX.1",
        severity=_W,
        title_zh="总体情况中的数字与表格一致",
        title_en="Figures stated in the overview match the tables",
        meaning_zh=(
            "“一、总体情况”（或报告开头）写明的某个申请或复议、诉讼件数，与表三、表四的相应"
            "数字不一致，如正文“予以公开及部分公开258件”而表三予以公开与部分公开合计275件。"
        ),
        meaning_en=(
            "A count of requests, reconsiderations or lawsuits stated in section 一 (or the "
            "intro) differs from the matching figure of Table 3 or 4, e.g. the text says 258 "
            "disclosed or partially disclosed while Table 3 adds up to 275."
        ),
        why_zh=(
            "正文与统计表互相矛盾，读者无从判断哪个数字正确；这是已发布报告中实际出现的错误"
            "（如上海市人民政府办公厅2019年报告）。"
        ),
        why_en=(
            "When text and tables disagree a reader cannot tell which figure is right; "
            "published reports do contain such errors (上海市人民政府办公厅 2019)."
        ),
        fix_zh="核对正文所述件数与表三、表四，改正错误的一方；统计口径不同的，在正文中写明口径。",
        fix_en=(
            "Compare the figure in the text with Tables 3 and 4 and correct whichever is "
            "wrong; where the text counts differently, say so in the text."
        ),
    ),
    RuleInfo(
        code="TX.2",
        severity=_W,
        title_zh="正文所述信息处理费与 processing_fee 一致",
        title_en="The fee stated in the text matches processing_fee",
        meaning_zh=(
            "“六、其他需要报告的事项”写明的信息处理费（或收费的申请件数）与结构化的 "
            "processing_fee 不同，如正文写“未收取信息处理费”而 processing_fee 为 120 元。"
        ),
        meaning_en=(
            "The information processing fee (or the number of requests charged) that section "
            "六 states differs from the structured processing_fee, e.g. the text says 未收取 "
            "(none charged) while processing_fee is 120 yuan."
        ),
        why_zh=(
            "文档印出的是正文，数据汇总用的是 processing_fee：两者不一致时，公开的报告与上报的"
            "数据互相矛盾；正文已写明收费情况时，写出的文档不会再印一句 processing_fee。"
        ),
        why_en=(
            "The document prints the text, while tallies use processing_fee: when they "
            "differ, the published report contradicts the data; where the text states the "
            "fee, the writers do not print processing_fee beside it."
        ),
        fix_zh="核对实际收取的信息处理费，改正正文或 processing_fee 中错误的一方。",
        fix_en="Check the fee actually charged and correct the text or processing_fee.",
    ),
    RuleInfo(
        code="B.1",
        severity=_N,
        title_zh="单元格未填写",
        title_en="Cell left blank",
        meaning_zh="表格中有单元格为空。空白不视为 0，涉及该单元格的勾稽关系只能判为“不确定”。",
        meaning_en=(
            "A table cell is empty. A blank is not read as 0, so every cross-check that needs "
            "the cell is reported as uncertain."
        ),
        why_zh="统一格式的每个单元格都应填写；空白会让读者无法判断是 0 还是漏填。",
        why_en=(
            "Every cell of the format should be filled; a blank "
            "leaves readers unsure whether it means 0."
        ),
        fix_zh="填写实际数字，没有的填 0。",
        fix_en="Write the figure, 0 when there is none.",
    ),
    RuleInfo(
        code="B.2",
        severity=_N,
        title_zh="单元格标为“/”",
        title_en='Cell marked "/"',
        meaning_zh="表格中有单元格填写“/”（不适用）。涉及该单元格的勾稽关系只能判为“不确定”。",
        meaning_en=(
            'A table cell is marked "/" (not applicable); every cross-check that needs it '
            "is reported as uncertain."
        ),
        why_zh="统计表中的件数应为数字；“/”无法参与加总。",
        why_en='The table asks for numbers; "/" cannot be added up.',
        fix_zh="确实不适用的可保留“/”；否则填写数字（没有的填 0）。",
        fix_en='Keep "/" only where the item truly does not apply; otherwise write the number.',
    ),
    RuleInfo(
        code="E.1",
        severity=_N,
        title_zh="非统一格式的附加行",
        title_en="Row not in the format",
        meaning_zh="表格中有统一格式之外的行（如“其他主动公开文件”），已保留但不参与勾稽核对。",
        meaning_en=(
            "A table has a row the format does not (e.g. 其他主动公开文件); it is kept but "
            "takes no part in the cross-checks."
        ),
        why_zh="统一格式的表格不应增删行，附加行会使不同机关的报告无法比较。",
        why_en="The format's tables are fixed; added rows make reports hard to compare.",
        fix_zh="将附加内容移到正文中说明，表格保持统一格式。",
        fix_en="Move the added figures into the text and keep the table as the format prints it.",
    ),
    RuleInfo(
        code="X.1",
        severity=_W,
        title_zh="上年结转 = 上年报告的结转下年度",
        title_en="Carried over = last year's carried forward",
        meaning_zh="表三“二、上年结转政府信息公开申请数量”与上一年度报告的“四、结转下年度继续办理”不一致。",
        meaning_en=(
            "Table 3's requests carried over from last year differ from last year's report's "
            "requests carried over to next year."
        ),
        why_zh="两年报告应当前后衔接；如上年数字有误需更正，应在正文说明。",
        why_en=(
            "Consecutive reports must connect; a restated figure should be explained in the text."
        ),
        fix_zh="核对两年的结转数字，改正错误或在正文说明差异原因。",
        fix_en="Check both years' figures; correct one or explain the difference in the text.",
    ),
    RuleInfo(
        code="X.2",
        severity=_W,
        title_zh="现行有效件数前后衔接",
        title_en="Documents in force carry over",
        meaning_zh=(
            "2021 格式表二第二十条第（一）项：现行有效件数不等于上年现行有效件数加本年制发件数减"
            "本年废止件数；没有上年报告时，现行有效件数小于本年制发件数减本年废止件数。"
        ),
        meaning_en=(
            "2021 format, Table 2 Art. 20(1): documents in force differ from last year's in "
            "force plus issued minus repealed this year; without last year's report, documents "
            "in force are fewer than issued minus repealed this year."
        ),
        why_zh="现行有效件数是存量，应与上年存量和本年增减衔接。",
        why_en="Documents in force are a stock: last year's stock plus this year's changes.",
        fix_zh="核对制发、废止和现行有效件数；有上年报告的，对照上年数字。",
        fix_en=(
            "Check issued, repealed and in-force counts, against last year's report if available."
        ),
    ),
    RuleInfo(
        code="X.3",
        severity=_W,
        title_zh="上一年项目数量前后衔接",
        title_en="Item counts carry over",
        meaning_zh=(
            "2019 试行格式表二：上一年项目数量加本年增/减为负数，或不等于上年报告的上一年项目"
            "数量加其本年增/减。"
        ),
        meaning_en=(
            "2019 format, Table 2: items last year plus this year's change is negative, or "
            "differs from last year's report's items plus its change."
        ),
        why_zh="项目数量是存量，增减后不可能为负，且应与上年报告衔接。",
        why_en=(
            "Item counts are a stock: never negative after the change, and continuous across years."
        ),
        fix_zh="核对上一年项目数量和本年增/减（减少用负数表示）。",
        fix_en=(
            "Check the items last year and the change (a decrease is written as a negative number)."
        ),
    ),
    RuleInfo(
        code="S.1",
        severity=_W,
        title_zh="本年新制作/新公开数量不大于对外公开总数量",
        title_en="Made or published this year ≤ total published",
        meaning_zh=(
            "2019 试行格式表二第二十条第（一）项：本年新制作或新公开数量大于对外公开总数量。"
        ),
        meaning_en=(
            "2019 format, Table 2 Art. 20(1): documents made or published this year exceed "
            "the total published."
        ),
        why_zh="对外公开总数量通常包含本年新公开的文件；如有废止导致例外，应在正文说明。",
        why_en=(
            "The total published normally includes this year's documents; repeals can explain "
            "an exception, which the text should then state."
        ),
        fix_zh="核对三栏数字，或在正文说明原因。",
        fix_en="Check the three columns, or explain the exception in the text.",
    ),
)

CATALOG: Mapping[str, RuleInfo] = MappingProxyType({info.code: info for info in _ENTRIES})
"""Every finding code the checks produce, in documentation order."""


def describe(code: str) -> RuleInfo:
    """The catalog entry for ``code``.

    Raises:
        KeyError: no check produces ``code``; the message lists the codes that exist.
    """
    return entry(CATALOG, code)


__all__ = ["CATALOG", "RuleInfo", "describe", "entry"]
