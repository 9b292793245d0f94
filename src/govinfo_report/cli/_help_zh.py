"""The Chinese of the command line's ``--help``: each English text, as the parser is
given it, and its Chinese (a catalogue keyed by the English, as :mod:`gettext`'s is).

A text missing here is printed in English; ``tests/test_help_language.py`` builds every
command's parser and fails on any.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # The program, its commands, and what argparse itself would say in English.
    "政府信息公开工作年度报告: validate, create, import and render reports.": (
        "政府信息公开工作年度报告：检查、新建、导入和生成报告。"
    ),
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "language of this help and of the command (also after the command)": (
        "本帮助和命令的语言：zh 中文，en 英文（也可写在命令之后）"
    ),
    "positional arguments": "位置参数",
    "options": "选项",
    "commands": "命令",
    "check reports against the 勾稽关系 and the other rules": "按勾稽关系和其他规则检查报告",
    "write a blank report to fill in, or start one from last year's": (
        "生成待填写的空白报告，或以上一年度的报告为起点"
    ),
    "print the JSON Schema of the report file format": "输出报告文件格式的 JSON Schema",
    "write a report as a Word document, Markdown or an Excel workbook": (
        "把报告生成为 Word 文档、Markdown 或 Excel 工作簿"
    ),
    "read a published report (Word, web page, text) into a report file": (
        "把已发布的报告（Word、网页、文本等）导入为报告文件"
    ),
    "move a 2019-format report into the 2021 format": "把 2019 年格式的报告转换为 2021 年格式",
    "check a corpus in parallel, pair years and levels, export tables and a dashboard": (
        "并行检查一批报告，按年度和层级配对，导出表格和总览页面"
    ),
    # Exit codes and the output policy, in every epilog.
    "Exit codes: 0 no errors, 1 a report has errors, 2 unusable input or failure.": (
        "退出码：0 无错误，1 有报告存在错误，2 输入无法使用或运行失败。"
    ),
    "Output (-o): - is stdout (text only); an existing file is replaced only with --force, "
    "atomically, keeping its mode; the input is never overwritten; a device or FIFO is "
    "written in place, a folder or socket refused.": (
        "输出（-o）：- 为标准输出（仅限文本）；已有文件只有加 --force 才会被替换，替换是原子的，"
        "并保留其权限；绝不覆盖输入文件；设备或 FIFO 直接写入，文件夹或套接字拒绝写入。"
    ),
    "Exit codes: 0 written and no report has errors, 1 written but a report has errors, "
    "2 unusable input or refused output (in a batch: any file).": (
        "退出码：0 已写入且报告均无错误，1 已写入但有报告存在错误，"
        "2 输入无法使用或输出被拒绝（批量时：任一文件如此）。"
    ),
    "Exit codes: 0 written, 1 written but the reader reported an error in the input, "
    "2 unusable input.": "退出码：0 已写入，1 已写入但读取时发现输入有错误，2 输入无法使用。",
    "Exit codes: 0 the outputs are written (whatever the reports hold), "
    "2 the survey could not run.": "退出码：0 输出已写入（不论报告内容如何），2 无法完成调查。",
    # validate
    "Check reports (files or folders) and print every finding.": (
        "检查报告（文件或文件夹），列出全部检查结果。"
    ),
    "report file or folder (- = stdin)": "报告文件或文件夹（- 为标准输入）",
    "message language": "消息语言：zh 中文，en 英文",
    "one JSON document on stdout": "在标准输出写一个 JSON 文档",
    "JSON Lines: one line per file as it is checked, then a summary line "
    "(for large batches)": "JSON Lines：每检查完一个文件写一行，最后写一行汇总（适合大批量）",
    "show findings of this severity and worse (the exit code counts all)": (
        "只显示该级别及更严重的检查结果：error 错误，warning 警告，notice 提示（退出码仍计入全部）"
    ),
    "the same agency's report on the year before": "同一机关上一年度的报告",
    "compare with --previous even when it is another agency's report": (
        "即使 --previous 是另一机关的报告，也进行比较"
    ),
    "input format (default: detect)": "输入格式（默认：自动识别）",
    "print how to fix each finding": "说明每条检查结果如何改正",
    # new
    "Write a blank report (every cell blank, the six standard headings), or, with --from, "
    "this year's report started from last year's: agency, kind, contact, the section "
    "headings, 上年结转 = last year's 结转下年度, 现行有效件数 carried.": (
        "生成空白报告（单元格全部空白，六个标准标题）；或用 --from 以上一年度的报告为起点"
        "生成本年度报告：沿用机关名称、机关类型、联系方式和各部分标题，"
        "上年结转 取上一年度的结转下年度，现行有效件数 照转。"
    ),
    "the year reported on (with --from: default the year after)": (
        "报告年度（用 --from 时默认为其下一年度）"
    ),
    "last year's report (any format import reads), to start from": (
        "作为起点的上一年度报告（import 能读取的任何格式）"
    ),
    "statutory format (default: the one prescribed for --year)": (
        "法定格式（默认：--year 所对应的格式）"
    ),
    ".yaml, .json, .toml (- = YAML) or .xlsx (the fill-in workbook)": (
        ".yaml、.json、.toml（- 为 YAML）或 .xlsx（填报工作簿）"
    ),
    "report: a report file (YAML, JSON, TOML); xlsx: the fill-in workbook "
    "(default: from the suffix of -o)": (
        "report：报告文件（YAML、JSON、TOML）；xlsx：填报工作簿（默认：按 -o 的后缀）"
    ),
    "xlsx: a text file of department names, one a line: one sheet per department": (
        "xlsx：部门名称的文本文件，每行一个；每个部门一张工作表"
    ),
    "the agency's full name (default: --from's, or none)": (
        "机关全称（默认：取 --from 报告中的，否则空白）"
    ),
    "agency kind, deciding deadline and required content (default: --from's, or department)": (
        "机关类型，决定报送期限和必备内容：government 县级以上人民政府，department 政府部门，"
        "township 乡镇人民政府、街道办事处，other 其他"
        "（默认：取 --from 报告中的，否则为 department）"
    ),
    "replace an existing file, even a read-only one": "替换已有文件，即使它是只读的",
    "language of the messages": "消息语言：zh 中文，en 英文",
    # schema
    "Print the JSON Schema (draft 2020-12) of a report file.": (
        "输出报告文件的 JSON Schema（draft 2020-12）。"
    ),
    "one format only (default: either, chosen by metadata.format_version)": (
        "只输出一种格式的（默认：两种均可，按 metadata.format_version 选择）"
    ),
    "write to a file instead of stdout": "写入文件，而不是标准输出",
    "language of the errors": "错误信息的语言：zh 中文，en 英文",
    # render
    "Render a report with a writer (docx, markdown, xlsx or a plugin); given folders or "
    "several files, render every report among them into the folder -o, one file each at "
    "the same relative path, with one writer.": (
        "用一种写出器（docx、markdown、xlsx 或插件）生成报告；给出文件夹或多个文件时，"
        "用同一种写出器把其中每份报告生成到文件夹 -o 中，每份一个文件，相对路径不变。"
    ),
    "the report (- = stdin), or folders and files of reports to render in a batch": (
        "报告（- 为标准输入），或批量生成的报告文件和文件夹"
    ),
    "docx, markdown, xlsx, ... (default: from -o)": "docx、markdown、xlsx……（默认：按 -o 的后缀）",
    "output file (default: FILE with the writer's suffix; - = stdout); "
    "in a batch, the output folder": (
        "输出文件（默认：FILE 换成写出器的后缀；- 为标准输出）；批量时为输出文件夹"
    ),
    "batch: worker processes (default: 1, in this process)": (
        "批量：工作进程数（默认：1，在本进程中）"
    ),
    "Word template (docx)": "Word 模板（docx）",
    "docx: the template's page setup and styles instead of GB/T 9704's": (
        "docx：用模板的页面设置和样式，而不是 GB/T 9704 的"
    ),
    "Markdown: HTML tables with exact merges": "Markdown：用 HTML 表格，准确合并单元格",
    "language of the findings and errors": "检查结果和错误信息的语言：zh 中文，en 英文",
    # import
    "Read a report and write it as YAML, JSON or TOML.": "读取报告，写成 YAML、JSON 或 TOML。",
    "the published report (- = stdin)": "已发布的报告（- 为标准输入）",
    ".yaml, .json or .toml (- = YAML); for a workbook of departments, a folder": (
        ".yaml、.json 或 .toml（- 为 YAML）；多部门工作簿则为文件夹"
    ),
    "compute every 总计 from its parts (a workbook filled in by a program has no saved "
    "formula results); a total typed that its parts contradict is listed": (
        "由各分项计算每个总计（程序填写的工作簿没有保存公式结果）；填写的总计与分项不符的，逐一列出"
    ),
    # migrate
    "Move a report in the 2019 试行 format into the 2021 format: every row and column the "
    "formats share is carried over, the one 2019 （六）其他处理 row goes into 3.其他, and no "
    "number is made up. What did not carry over as it was is listed on stderr (MIG.* codes; "
    "see --explain in validate).": (
        "把 2019 年试行格式的报告转换为 2021 年格式：两种格式共有的行和列照转，"
        "2019 年的（六）其他处理 一行转入 3.其他，不编造任何数字。"
        "未能原样转换的内容列在标准错误中（MIG.* 代码；见 validate 的 --explain）。"
    ),
    "the report (- = stdin)": "报告（- 为标准输入）",
    ".yaml, .json or .toml (- = YAML)": ".yaml、.json 或 .toml（- 为 YAML）",
    "the format to move to (default: 2021)": "转换到的格式（默认：2021）",
    # survey
    "Read and check every report under PATH (files and folders, any mix of formats), pair "
    "each with its agency's previous year, and write reports.csv, reports.xlsx, cells.csv, "
    "findings.jsonl and index.html into OUTDIR, which also caches what was read: a re-run "
    "reads only the files that changed.": (
        "读取并检查 PATH 下的每份报告（文件和文件夹，格式不限），与同一机关上一年度的报告配对，"
        "把 reports.csv、reports.xlsx、cells.csv、findings.jsonl 和 index.html 写入 OUTDIR；"
        "OUTDIR 同时缓存已读取的内容，再次运行只读取有变化的文件。"
    ),
    "report file or folder": "报告文件或文件夹",
    "output folder": "输出文件夹",
    "worker processes (default: all cores; 1 = in this process)": (
        "工作进程数（默认：全部 CPU 核心；1 为在本进程中）"
    ),
    "parent → children agencies (YAML), or auto (from the names), for rule H.1": (
        "上级机关 → 下级机关（YAML），或 auto（按名称推断），用于规则 H.1"
    ),
    "do not judge copied text (DUP.1, 雷同)": "不判断文字雷同（DUP.1）",
    "no progress bar": "不显示进度条",
    "language of the summary and errors": "汇总和错误信息的语言：zh 中文，en 英文",
}
