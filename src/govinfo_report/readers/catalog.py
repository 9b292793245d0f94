"""The catalog of finding codes the readers produce: what each means, why, how to fix it.

One :class:`~govinfo_report.findings.RuleInfo` per code, in Chinese and English,
the same entries the checks' catalog holds, for every code a reader can emit: the shared
engine's (:mod:`._findings`), and the DOCX, Markdown, PDF and XLSX readers' own. A reader
code may be given at more than one severity (``R.AGENCY`` is a warning when the name is
missing, a notice when title and signature differ); ``severity`` here is the most severe
one. ``docs/readers/index.md`` documents the same codes (a test keeps the two in step);
:func:`govinfo_report.catalog.describe` looks a code up in this catalog and the checks'.

The module is long because it is data: one entry per code, four texts in two languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from govinfo_report.findings import RuleInfo, Severity, entry
from govinfo_report.readers import _findings as rf

_E, _W, _N = Severity.ERROR, Severity.WARNING, Severity.NOTICE

_ENTRIES = (
    RuleInfo(
        code=rf.CELL,
        severity=_W,
        title_zh="表格数值未能读取",
        title_en="Table value not read",
        meaning_zh=(
            "某个数值无法确定应填入哪个单元格，或单元格的文字不是数值（“约5”“—”“十二”），"
            "或某个单元格在文中根本没有给出。提示引用原文并列出它可能属于的每个单元格"
            "（或未给出的那个单元格）；这些单元格保留为空，状态为“待定”。"
        ),
        meaning_en=(
            "A value could not be placed in a cell, or a cell's text is not a value "
            '("约5", "—", "十二"), or a cell is not given at all. The finding quotes the '
            "text and names every cell it could belong to (or the one cell not given); "
            "those cells stay blank. Status uncertain."
        ),
        why_zh=(
            "扁平化文本中的一行在少于列数的数值中夹有空字段、数值多于列数，或表头没有写出"
            "每一列；数值下没有列标题；一个数值跨多列合并；写的是文字而非数字；较短的扁平行"
            "最后一个数值之后的单元格（原文为空，或在扁平化时丢失）。强行填入就是猜测。"
        ),
        why_en=(
            "A flattened row with an empty field among fewer values than columns, more "
            "values than columns, or under a header that does not name every column; a "
            "value under no column header; one value merged over several columns; a word "
            "instead of a number; a cell after the last value of a short flattened row "
            "(blank in the original, or lost in flattening). Placing a value would be a guess."
        ),
        fix_zh="对照原始文件查出这些数值并填入；核对时空白单元格绝不按 0 计算。",
        fix_en=(
            "Look the values up in the original document and enter them; a blank is never "
            "read as 0 by the checks."
        ),
    ),
    RuleInfo(
        code=rf.SHORT_ROW,
        severity=_N,
        title_zh="数值少于单元格的行按顺序填入前几列",
        title_en="Short flattened row placed in its first columns",
        meaning_zh=(
            "扁平化文本中的一行给出的数值少于其单元格数，且数值之前和之间没有空字段；"
            "这 k 个数值按顺序填入该行前 k 列。提示引用这些数值并列出已填的单元格；"
            "该行其余每个单元格另有一条 R.CELL。"
        ),
        meaning_en=(
            "A flattened row gave fewer values than it has cells, with no empty field before "
            "or among them; its k values were placed in its first k columns, in order. The "
            "finding quotes the values and names the cells placed; each other cell of the "
            "row has its own R.CELL."
        ),
        why_zh=(
            "文本提取按从左到右的顺序写出一行的单元格，所以给出的数值就是该行的前几个"
            "单元格，其余的原为空或已丢失。统一格式的数据单元格从不合并，顺序即可确定列。"
        ),
        why_en=(
            "An extraction writes a row's cells left to right, so the values it gives are "
            "the row's first cells; the rest were blank or lost. The official data cells are "
            "never merged, so order determines their columns."
        ),
        fix_zh="对照原文核对已填入的数值，并补填文本中没有给出的单元格。",
        fix_en=(
            "Check the placed values against the original, and enter the cells the text does "
            "not give."
        ),
    ),
    RuleInfo(
        code=rf.CELL_CONFLICT,
        severity=_W,
        title_zh="同一单元格有两个不同数值",
        title_en="Two values for one cell",
        meaning_zh="同一单元格出现了两个不同的数值（某行印了两次，或一个表头下有两个单元格），保留第一个。",
        meaning_en=(
            "One cell was given two different values (a row printed twice, or two cells "
            "under one header). The first is kept."
        ),
        why_zh="行重复或表格错乱。",
        why_en="Duplicated or garbled rows.",
        fix_zh="核对原始表格。",
        fix_en="Check the original table.",
    ),
    RuleInfo(
        code=rf.ROW_MISSING,
        severity=_W,
        title_zh="表格缺少统一格式的某行",
        title_en="Row not found",
        meaning_zh="统一格式的某一行在表格中没有找到，其单元格保留为空。",
        meaning_en="A row of the format was not found in its table; its cells are blank.",
        why_zh="该行被漏印，或其标签与统一格式相差太远。",
        why_en="The row was left out, or its label is too far from the official one.",
        fix_zh="补填该行的数值，或报告无法识别的标签。",
        fix_en="Add the row's values, or report the unreadable label.",
    ),
    RuleInfo(
        code=rf.TABLE_MISSING,
        severity=_E,
        title_zh="缺少统计表",
        title_en="Table not found",
        meaning_zh=(
            "表二至表四中的某一张完全没有找到，其单元格保留为空；这是错误，"
            "没有读到统计表的文档不能通过校验。提示说明文档中有哪些表格"
            "（读作哪张统计表，几张不是统计表），或者根本没有表格。"
            "与找到了表格但单元格为空（R.CELL、R.ROW_MISSING）不同。"
        ),
        meaning_en=(
            "One of Tables 2–4 was not found at all; its cells are blank. This is an error: "
            "a document whose statistic tables were not read never validates clean. The "
            "message says what tables the document has instead (which table each was read "
            "as, how many are none of them) or that it has none. Distinct from a table "
            "found with blank cells (R.CELL, R.ROW_MISSING)."
        ),
        why_zh="表格以图片形式发布，或根本没有发布，或其标签与统一格式相差太远。",
        why_en=(
            "Published as an image, or not at all, or its labels are too far from the "
            "official ones."
        ),
        fix_zh="按原文录入该表；如原文有此表，请报告无法识别的标签。",
        fix_en="Enter the table from the original; if the original has it, report its labels.",
    ),
    RuleInfo(
        code=rf.EXTRA_ROW,
        severity=_N,
        title_zh="保留了统一格式之外的行",
        title_en="Row not in the format kept",
        meaning_zh="统一格式没有的行已作为附加行（ExtraRow）保留（如“其他主动公开文件”）。",
        meaning_en=(
            "A row the format does not declare was kept as `ExtraRow` (e.g. 其他主动公开文件)."
        ),
        why_zh="地方模板会增加行。",
        why_en="Local templates add rows.",
        fix_zh="无需处理；核对时忽略附加行。",
        fix_en="Nothing; the checks ignore extra rows.",
    ),
    RuleInfo(
        code=rf.LABEL_VARIANT,
        severity=_N,
        title_zh="标签经容差匹配",
        title_en="Label matched with tolerance",
        meaning_zh=(
            "某个标签只有在容差下才匹配：已知的变体写法、加上或省去括注、缺少序号（“予以公开”"
            "读作“（一）予以公开”）、相差一两个字，或在换行处被截断的表头（“本年新”/“本年新”"
            "按印刷顺序读作本年新制作数量/本年新公开数量）。与任何标签都不符的行，只有当其前后"
            "两行是统一格式中相邻两行之外仅隔的那一行、且文字相近时，才按位置读作该行"
            "（“2.其他法律行政止公开”读作“2.其他法律行政法规禁止公开”），提示写明前后两行。"
        ),
        meaning_en=(
            "A label matched only with tolerance: a known variant, a bracketed note added or "
            'dropped, its ordinal left out ("予以公开" for "（一）予以公开"), a character or '
            'two off, or a header cut at a line break ("本年新" / "本年新" read in printed '
            "order as 本年新制作数量 / 本年新公开数量). A row whose label matches none is read "
            "by its place only when the official rows matched just before and after it leave "
            "exactly one official row between them, printed nowhere else, and its label is "
            'close to that row\'s ("2.其他法律行政止公开" for "2.其他法律行政法规禁止公开"); '
            "the finding names both neighbours."
        ),
        why_zh="笔误、地方模板、文本提取。",
        why_en="Typos, local templates, text extraction.",
        fix_zh="核对匹配到的是否是应有的行或列。",
        fix_en="Check that the match is the intended row or column.",
    ),
    RuleInfo(
        code=rf.HEADER_MISSING,
        severity=_W,
        title_zh="表格没有列标题或列标题不全",
        title_en="Table without a (complete) column header",
        meaning_zh=(
            "表格没有印出列标题，或列标题只列出了部分列（如合并的“法人或其他组织”下没有各列）；"
            "数值按统一格式的列顺序读取，且只读取每列恰有一个数值（或字段）的行；列标题列出的列"
            "必须与该顺序一致。"
        ),
        meaning_en=(
            "A table printed no column header, or a header naming only some columns (a merged "
            "法人或其他组织 without its columns under it); values were read in the format's "
            "column order, and only rows with exactly one value (or field) per column, whose "
            "values under a named column sit where that order puts them."
        ),
        why_zh="粘贴表格时漏掉了表头，或提取时丢失了表头的一行。",
        why_en="Tables pasted without their header, or a header row lost in extraction.",
        fix_zh="对照原文核对列的顺序。",
        fix_en="Check the column order against the original.",
    ),
    RuleInfo(
        code=rf.TABLE_NOTE,
        severity=_N,
        title_zh="表格中的文字行未作为数据读取",
        title_en="Text-only table row not read",
        meaning_zh="表格中只有文字的一行（说明、多余的表题）未作为数据读取。",
        meaning_en="A text-only row inside a table (a note, a stray caption) was not read as data.",
        why_zh="说明文字写进了表格。",
        why_en="Notes typed into the table.",
        fix_zh="无需处理，除非该行含有数据。",
        fix_en="Nothing, unless the row held data.",
    ),
    RuleInfo(
        code=rf.TABLE_UNKNOWN,
        severity=_N,
        title_zh="其他表格未读取",
        title_en="Other table not read",
        meaning_zh="某张表格不是三张统计表中的任何一张，未读取。",
        meaning_en="A table is none of the three statistic tables and was not read.",
        why_zh="文件中还有其他表格。",
        why_en="Other tables in the document.",
        fix_zh="无需处理，除非它是标签无法识别的统计表。",
        fix_en="Nothing, unless it is a statistic table with unreadable labels.",
    ),
    RuleInfo(
        code=rf.SECTION_MISSING,
        severity=_W,
        title_zh="缺少部分标题",
        title_en="Section heading not found",
        meaning_zh="六个部分标题中的某一个没有找到。",
        meaning_en="One of the six section headings was not found.",
        why_zh="该部分缺失，或其标题无法识别。",
        why_en="The section is missing or its heading is not recognisable.",
        fix_zh="补上该部分；核对规则 SEC.1 也会报告。",
        fix_en="Add the section; the check SEC.1 reports it too.",
    ),
    RuleInfo(
        code=rf.HEADING_VARIANT,
        severity=_N,
        title_zh="部分标题为变体写法",
        title_en="Section heading variant",
        meaning_zh="某个部分标题按统一标题的变体写法读取。",
        meaning_en="A section heading was read as a variant of the standard one.",
        why_zh="报告使用了旧的或地方的写法。",
        why_en="Reports use older or local wordings.",
        fix_zh="无需处理；写出时使用统一标题。",
        fix_en="Nothing; a writer emits the standard heading.",
    ),
    RuleInfo(
        code=rf.TITLE,
        severity=_N,
        title_zh="没有找到标题",
        title_en="No title",
        meaning_zh="没有找到标题行。",
        meaning_en="No title line was found.",
        why_zh="文本提取时丢失了标题。",
        why_en="A text extraction without its title.",
        fix_zh="核对机关名称和年度。",
        fix_en="Check the agency and year.",
    ),
    RuleInfo(
        code=rf.AGENCY,
        severity=_W,
        title_zh="机关名称缺失或不一致",
        title_en="Agency name missing or inconsistent",
        meaning_zh="标题和落款都没有写明机关名称（警告），或两者不同（提示；采用标题中的名称）。",
        meaning_en=(
            "No agency name in the title or the signature (warning), or the two differ "
            "(notice; the title's is used)."
        ),
        why_zh="缺少标题或落款。",
        why_en="Missing title or signature.",
        fix_zh="设置 metadata.agency。",
        fix_en="Set `metadata.agency`.",
    ),
    RuleInfo(
        code=rf.AGENCY_KIND,
        severity=_N,
        title_zh="机关类型为推定",
        title_en="Agency kind inferred",
        meaning_zh="报告没有写明机关类型：按名称推定，或假定为政府部门。",
        meaning_en=(
            "The agency kind is not printed: it was inferred from the name or assumed to be "
            "a department."
        ),
        why_zh="机关类型决定公布期限（Y.1）和应有内容（SEC.1）。",
        why_en="The kind decides the deadline (Y.1) and required content (SEC.1).",
        fix_zh="推定有误时更正 metadata.agency_kind。",
        fix_en="Correct `metadata.agency_kind` if the assumption is wrong.",
    ),
    RuleInfo(
        code=rf.YEAR,
        severity=_W,
        title_zh="年度不是从标题读取",
        title_en="Year not from the title",
        meaning_zh="年度按成文日期推定（警告），或取自统计期限（提示）。",
        meaning_en=(
            "The year was assumed from the signing date (warning) or taken from the "
            "statistics period (notice)."
        ),
        why_zh="没有标题。",
        why_en="No title.",
        fix_zh="核对 metadata.year。",
        fix_en="Check `metadata.year`.",
    ),
    RuleInfo(
        code=rf.FORMAT,
        severity=_N,
        title_zh="格式版本按年度推定",
        title_en="Format version taken from the year",
        meaning_zh="表格标签不能说明所用格式，按年度确定。",
        meaning_en="The table labels do not tell the format; it was taken from the year.",
        why_zh="表格缺失或无法识别。",
        why_en="Tables missing or unreadable.",
        fix_zh="核对 metadata.format_version。",
        fix_en="Check `metadata.format_version`.",
    ),
    RuleInfo(
        code=rf.DATE,
        severity=_W,
        title_zh="日期缺失、无效或不明确",
        title_en="Date missing, invalid or unclear",
        meaning_zh=(
            "印出的日期不是真实的日期（警告，待定）；没有找到成文日期（提示）；标题旁的日期行"
            "没有说明是哪种日期（“日期：”），或写了两个不同的发布日期（提示，待定），未读取。"
        ),
        meaning_en=(
            "A printed date is not a real day (warning, uncertain); no signing date was found "
            '(notice); a date line next to the title does not say which date it is ("日期："), '
            "or states two different publication dates (notice, uncertain), and was not read."
        ),
        why_zh="缺少落款、日期笔误，或网页信息栏写法含糊。",
        why_en="Missing signature, a typo in the date, a portal's info line that is unclear.",
        fix_zh="设置 metadata.signing_date（成文日期）或 metadata.publication_date（发布日期）。",
        fix_en="Set `metadata.signing_date` or `metadata.publication_date`.",
    ),
    RuleInfo(
        code=rf.PREAMBLE,
        severity=_N,
        title_zh="标题之前的文字未读取",
        title_en="Text before the title not read",
        meaning_zh="标题之前的段落（导航、页面元素）未作为报告内容读取。",
        meaning_en="Paragraphs before the title (breadcrumbs, page furniture) were not read.",
        why_zh="门户网页和文本提取常带有这些内容。",
        why_en="Portal pages and extractions.",
        fix_zh="无需处理，除非丢失了报告正文。",
        fix_en="Nothing, unless report text was lost.",
    ),
    RuleInfo(
        code=rf.TRAILING,
        severity=_N,
        title_zh="落款之后的文字未读取",
        title_en="Text after the signature not read",
        meaning_zh="落款之后的段落未作为报告内容读取。",
        meaning_en="Paragraphs after the signature were not read.",
        why_zh="报告之后的页面元素。",
        why_en="Page furniture after the report.",
        fix_zh="无需处理，除非丢失了报告正文。",
        fix_en="Nothing, unless report text was lost.",
    ),
    RuleInfo(
        code=rf.CONTACT,
        severity=_N,
        title_zh="联系方式写法不一致",
        title_en="Contact details stated differently",
        meaning_zh="某项联系方式出现了不同的值，均未读取。",
        meaning_en="A contact detail was stated with different values; none was taken.",
        why_zh="写了两个电话号码或两个地址。",
        why_en="Two phone numbers, two addresses.",
        fix_zh="手工设置 metadata.contact。",
        fix_en="Set `metadata.contact` by hand.",
    ),
    RuleInfo(
        code=rf.FEE,
        severity=_N,
        title_zh="信息处理费从第六部分正文读取",
        title_en="Processing fee read from the text",
        meaning_zh=(
            "信息处理费（processing_fee）取自“六、其他需要报告的事项”中的明确表述（如“未收取"
            "信息处理费”“收取信息处理费120元”），提示引用该句；或第六部分的表述不明确（两个"
            "不同金额、金额没有写“元”或“万元”、与其他收费写在一起），未读取（待定）。"
        ),
        meaning_en=(
            "The information processing fee (`processing_fee`) was read from an explicit "
            "statement in section 六 (未收取信息处理费, 收取信息处理费120元), quoted in the "
            "finding; or section 六 states it ambiguously (two different amounts, an amount "
            "with neither 元 nor 万元, together with another kind of fee) and it was not read "
            "(uncertain)."
        ),
        why_zh=(
            "信息处理费有专门的字段（SEC.2 核对），但已发布的报告只在正文中写明；只采用关于"
            "信息处理费或政府信息公开收费的明确表述，绝不取自行政事业性收费等其他收费。"
        ),
        why_en=(
            "The fee has a field of its own (checked by SEC.2), but published reports state "
            "it only in prose; it is taken only from an unambiguous statement about the "
            "信息处理费 or 政府信息公开 fees, never from other fees such as 行政事业性收费."
        ),
        fix_zh="对照引用的句子核对 processing_fee；未读取时手工设置（金额以元为单位）。",
        fix_en=(
            "Check `processing_fee` against the quoted sentence; when it was not read, set "
            "it by hand (the amount in 元)."
        ),
    ),
    RuleInfo(
        code=rf.TRADITIONAL,
        severity=_N,
        title_zh="繁体中文报告，标签转为简体后匹配",
        title_en="Traditional Chinese report; labels matched after conversion",
        meaning_zh=(
            "文档以繁体字书写（政府資訊公開工作年度報告）；表格标签、部分标题和标题行转为简体"
            "后与格式标签匹配，正文按原文保留。"
        ),
        meaning_en=(
            "The document is written in Traditional characters (政府資訊公開工作年度報告); its "
            "table labels, section headings and title were matched against the format after "
            "conversion to Simplified, and its text is kept as printed."
        ),
        why_zh="报告以繁体字发布或转换过。",
        why_en="A report published in, or converted to, Traditional characters.",
        fix_zh="无需处理；如需简体文本，请自行转换正文。",
        fix_en="Nothing; convert the text yourself if you need it in Simplified.",
    ),
    RuleInfo(
        code=rf.DOCX_EMBEDDED,
        severity=_W,
        title_zh="DOCX 内嵌数据无法读取",
        title_en="Embedded DOCX data unreadable",
        meaning_zh=(
            "文档属性 govinfo-report 存在但无法读取（不是 JSON、版本未知、值有误），已忽略；"
            "印出的内容仍已全部读取。"
        ),
        meaning_en=(
            "The `govinfo-report` document property is present but unreadable (not JSON, an "
            "unknown version, a wrong value). It was ignored; everything printed was still read."
        ),
        why_zh=(
            "本库写出 DOCX 时把文档不印出的字段（机关类型、发布日期、联系方式、信息处理费）"
            "存在该属性中；属性被其他程序改坏。"
        ),
        why_en=(
            "Our DOCX writer keeps the fields a document does not print (agency kind, "
            "publication date, contact, 信息处理费) in that property; another program damaged it."
        ),
        fix_zh="如果文档由本库生成，请重新生成；否则在“文件 → 属性 → 自定义”中删除该属性。",
        fix_en=(
            "If the document came from this library, write it again; otherwise delete the "
            "property in File → Properties → Custom."
        ),
    ),
    RuleInfo(
        code=rf.MARKDOWN_FRONT_MATTER,
        severity=_W,
        title_zh="Markdown 文首元数据有误",
        title_en="Markdown front matter unusable",
        meaning_zh=(
            "本库写出的文首元数据（front matter）不是 YAML、某个值类型不对（未知的机关类型、"
            "不是数字的年度……），或其中的机关、年度与标准标题不一致。该项已忽略，正文已读取。"
        ),
        meaning_en=(
            "Our front matter is not YAML, holds a value of the wrong kind (an unknown agency "
            "kind, a year that is not a number, …), or its agency/year disagree with the "
            "standard title. The item was ignored; the body was read."
        ),
        why_zh="本库写出 Markdown 时把文档不印出的字段存在文首元数据中；手工编辑改坏了它。",
        why_en=(
            "Our Markdown writer keeps the fields a document does not print in the front "
            "matter; a hand edit broke it."
        ),
        fix_zh="重新生成文档，或改正文首元数据。",
        fix_en="Write the document again, or correct the front matter.",
    ),
    RuleInfo(
        code=rf.PDF_GLYPH,
        severity=Severity.ERROR,
        title_zh="PDF 字形无 Unicode 映射",
        title_en="PDF glyphs without Unicode",
        meaning_zh=(
            "PDF 某页上有字形没有 Unicode 映射（字体缺 ToUnicode 表，或映射为空），无法得知"
            "是什么字，已略去而不猜测；该页的文字和数值可能缺字。发现项给出页码和字形个数；"
            "某页十分之一以上的字形如此时为错误（该页基本无法读取），否则为警告。"
        ),
        meaning_en=(
            "Glyphs on a page of the PDF have no Unicode mapping (the font has no ToUnicode "
            "entry for them, or maps them to nothing), so what they are cannot be known; they "
            "were left out, never guessed, and the page's text and values may miss characters. "
            "The finding gives the page and how many: an error where a tenth of the page's "
            "glyphs or more have none (the page is mostly unreadable), else a warning."
        ),
        why_zh=(
            "导出 PDF 的程序嵌入了子集字体却未写 ToUnicode 表（常见于较旧的 WPS、一些 PDF 工具）。"
        ),
        why_en=(
            "The program that made the PDF embedded a subset font without a ToUnicode map "
            "(older WPS versions, some PDF tools)."
        ),
        fix_zh="对照原件核对该页的文字和数值；如有原始 DOCX，改读 DOCX，或重新导出 PDF。",
        fix_en=(
            "Check the page's text and values against the original; read the DOCX instead "
            "if there is one, or export the PDF again."
        ),
    ),
    RuleInfo(
        code=rf.OFD_GLYPH,
        severity=Severity.ERROR,
        title_zh="OFD 字符只是字形编号",
        title_en="OFD characters that are glyph numbers",
        meaning_zh=(
            "OFD 某页的文字里有字符只是字形编号（TextCode 写的是私用区字符或替换字符，真正的字"
            "只有内嵌字体知道），无法得知是什么字，已略去而不猜测；该页的文字和数值可能缺字。"
            "发现项给出页码和字符个数；某页十分之一以上的字符如此时为错误（该页基本无法读取），"
            "否则为警告。"
        ),
        meaning_en=(
            "Characters on a page of the OFD are glyph numbers only (its TextCode holds "
            "Private Use Area characters or U+FFFD; only the embedded font knows the text), so "
            "what they are cannot be known; they were left out, never guessed, and the page's "
            "text and values may miss characters. The finding gives the page and how many: an "
            "error where a tenth of the page's characters or more are such, else a warning."
        ),
        why_zh="生成 OFD 的程序（常见于由 PDF 转换）没有写出文字的 Unicode 编码，只写了字形。",
        why_en=(
            "The program that made the OFD (often a converter from PDF) wrote the glyphs but "
            "not the characters' Unicode."
        ),
        fix_zh="对照原件核对该页的文字和数值；如有 PDF 或 Word 版本，改读该版本，或重新导出 OFD。",
        fix_en=(
            "Check the page's text and values against the original; read the PDF or Word "
            "version instead if there is one, or export the OFD again."
        ),
    ),
    RuleInfo(
        code=rf.WATERMARK,
        severity=_N,
        title_zh="水印或印章文字已略去",
        title_en="Watermark or seal text left out",
        meaning_zh=(
            "PDF 或 OFD 某页上有文字压在正文上（比正文大得多、盖住正文的一行字）或倾斜排列"
            "（倾斜的水印、印章上的弧形文字），不是报告的文字，已略去，不混入正文和表格。"
            "发现项给出页码、字数和略去的文字。"
        ),
        meaning_en=(
            "Characters on a page of the PDF or OFD lie over the text (a line printed much "
            "larger than the text, across it) or are slanted (a diagonal watermark, the "
            "curved words of a seal); they are not the report's text and were left out, so "
            "that they do not mix into its paragraphs and tables. The finding gives the page, "
            "how many and the text left out."
        ),
        why_zh="发布前给文件加了水印（如“内部资料”“仅供参考”或网站名称），或盖了电子印章。",
        why_en=(
            "A watermark was added before publishing (内部资料, 仅供参考, the portal's name), "
            "or an electronic seal was stamped on it."
        ),
        fix_zh="无需处理；如略去的文字其实是报告的一部分，请对照原件核对该页。",
        fix_en=(
            "Nothing; if the text left out is part of the report, check the page against "
            "the original."
        ),
    ),
    RuleInfo(
        code=rf.XLSX_FORMULA,
        severity=_W,
        title_zh="公式没有保存计算结果",
        title_en="Formula without a saved result",
        meaning_zh=(
            "工作表中有公式单元格没有保存计算结果（缓存值）；这些单元格按空白读取，从不由本库"
            "重新计算。提示给出工作表和单元格。"
        ),
        meaning_en=(
            "Formula cells of a sheet have no saved result (cached value); they were read as "
            "blank, never computed by this library. The finding names the sheet and the cells."
        ),
        why_zh=(
            "电子表格软件在保存时写入每个公式的结果；由程序生成、从未在 Excel、WPS 或 "
            "LibreOffice 中打开保存过的工作簿（如用 openpyxl 填写的）没有这些结果。"
        ),
        why_en=(
            "A spreadsheet saves each formula's result along with it; a workbook written by a "
            "program and never opened and saved in Excel, WPS or LibreOffice (filled in with "
            "openpyxl, say) has none."
        ),
        fix_zh=(
            "在 Excel、WPS 或 LibreOffice 中打开并保存工作簿（或运行 soffice --headless "
            "--convert-to xlsx），再读取；或读取后用 fill_totals 计算合计。"
        ),
        fix_en=(
            "Open and save the workbook in Excel, WPS or LibreOffice (or run soffice --headless "
            "--convert-to xlsx) and read it again; or compute the totals with fill_totals."
        ),
    ),
    RuleInfo(
        code=rf.XLSX_META,
        severity=_W,
        title_zh="基本信息表中的值无法读取",
        title_en="Workbook metadata value unreadable",
        meaning_zh=(
            "“基本信息”工作表中某项的值不是该项应有的内容（年度不是数字、未知的机关类型、"
            "无法识别的日期……），或文档属性 govinfo-report 无法读取；该项未采用，按没有"
            "该工作簿的文档读取。"
        ),
        meaning_en=(
            "A value of the 基本信息 sheet is not what its row asks for (a year that is not a "
            "number, an unknown agency kind, a date that cannot be read, …), or the "
            "`govinfo-report` document property is unreadable; it was not used, and the "
            "report was read as from a workbook without it."
        ),
        why_zh="本库写出的工作簿在“基本信息”表中列出报告的元数据；手工填写时填错了格式。",
        why_en=(
            "Our workbook lists the report's metadata in its 基本信息 sheet; a value was typed "
            "in a form it cannot be read in."
        ),
        fix_zh="按该行“说明”列的格式改正，再读取。",
        fix_en="Correct the value as the row's 说明 column says, and read the workbook again.",
    ),
    RuleInfo(
        code=rf.XLSX_SHEET,
        severity=_N,
        title_zh="工作表未读取",
        title_en="Sheet not read",
        meaning_zh="工作簿中的某个工作表被隐藏，或不是工作表（图表工作表），未读取。",
        meaning_en="A sheet of the workbook is hidden, or no worksheet (a chart sheet); not read.",
        why_zh="只读取能看到的工作表：隐藏的工作表通常是辅助计算或旧数据，不属于报告。",
        why_en=(
            "Only the sheets one sees are read: a hidden sheet usually holds workings or old "
            "figures, not the report."
        ),
        fix_zh="如该工作表属于报告，取消隐藏后再读取。",
        fix_en="If the sheet is part of the report, unhide it and read the workbook again.",
    ),
    RuleInfo(
        code=rf.XLSX_ACTIVE,
        severity=_N,
        title_zh="工作簿含宏或外部链接，未运行、未跟随",
        title_en="Macros or external links neither run nor followed",
        meaning_zh=(
            "工作簿含有宏（.xlsm）或指向其他文件的外部链接；宏从不运行，链接从不跟随，读取的"
            "是单元格中保存的值。"
        ),
        meaning_en=(
            "The workbook holds macros (.xlsm) or links to other files; macros are never run "
            "and links never followed: the values saved in the cells were read."
        ),
        why_zh="读取来源不明的文件时，运行其中的代码或打开其指向的文件都不安全。",
        why_en=(
            "Running a file's code or opening the files it points to is unsafe for input "
            "from anywhere."
        ),
        fix_zh="无需处理；如链接的数据已更新，请在电子表格软件中更新链接并保存后再读取。",
        fix_en=(
            "Nothing; if the linked figures have changed, update the links in the spreadsheet, "
            "save it and read it again."
        ),
    ),
)

CATALOG: Mapping[str, RuleInfo] = MappingProxyType({info.code: info for info in _ENTRIES})
"""Every finding code the readers produce, in documentation order."""


def describe(code: str) -> RuleInfo:
    """The catalog entry for reader code ``code``.

    Raises:
        KeyError: no reader produces ``code``; the message lists the codes that exist.
    """
    return entry(CATALOG, code, "reader finding code")
