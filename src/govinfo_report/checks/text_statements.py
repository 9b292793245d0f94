"""TX.1's data: the phrasings of the text of 一、总体情况 that state a table figure.

Precision over recall: a statement is read only where its words name one quantity of
the tables beyond doubt; everything else in the text is left alone. The patterns are
regular-expression fragments; :func:`statements` ties each to the cells it states.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo_report._numerals import NUMERAL_CHARS
from govinfo_report.checks._labels import ordinal
from govinfo_report.checks.report_rules import (
    Quantity,
    RowSum,
    Statement,
    row_sum,
)
from govinfo_report.checks.rules import (
    Text,
)
from govinfo_report.formats import (
    FormatSpec,
    Row,
    TableSpec,
)
from govinfo_report.model.authoring import TABLE3_DATA_COLUMNS, TABLE4_PARTS, outcome_rows
from govinfo_report.model.table import Table

# --- TX.1: the phrasings of the text of 一、总体情况 that state a table figure -------------
# Precision over recall: a statement is read only where its words name one quantity of
# the tables beyond doubt; everything else in the text is left alone.

_PIECES = r"\s*件(?!次)"
"""The number's unit: 件, not 件次 (a count of visits, not of requests)."""
_LINK = r"(?:的|了)?(?:申请)?(?:共计?|合计|总计)?\s*"
"""What may stand between a phrase and its number: 予以公开的申请共 258 件."""


def not_after(before: Sequence[str], *words: str) -> str:
    """Any of ``words``, but not right after what one of ``before`` matches (each a
    fixed-width expression): ``not_after(["其中"], "收到")`` is ``(?<!其中)收到``, written
    ``收(?<!其中收)到``, its first character first.

    The same matches, but an alternative that starts with a character lets ``re`` pass
    over it at a position that holds another one without trying it; one that starts
    with a look-behind is entered at every position a statement could start at (a
    third of the time of TX.1's scan of a paragraph of figures).
    """
    spelled = []
    for word in words:
        first = re.escape(word[0])
        guards = "".join(f"(?<!{b}{first})" for b in before)
        spelled.append(f"{first}{guards}{re.escape(word[1:])}")
    return spelled[0] if len(spelled) == 1 else f"(?:{'|'.join(spelled)})"


_LISTED = ("[及和与、或不]",)
"""Not the second item of a list ("予以公开、部分公开23件" states their sum, not 部分公开)."""
REQUESTS = (
    r"(?:政府信息公开申请|信息公开申请|依申请公开(?:政府信息)?的?申请"
    r"|依申请公开(?:政府信息)?|依申请信息公开(?:申请)?)"
)
"""How a text names disclosure requests: 政府信息公开申请, 依申请信息公开 (沭阳2023)."""
RECEIVED = (
    not_after(("其中", "[未不]"), "收到", "新收", "受理", "接收", "接到")
    + f"了?(?:各类)?{REQUESTS}"
)
NONE_RECEIVED = (
    not_after(("其中",), "未", "没有")
    + rf"(?:收到|接到)过?(?:任何)?{REQUESTS}"
    + rf"(?![的了]?(?:申请)?(?:共计?|合计|总计)?\s*[\d{NUMERAL_CHARS}])"
)
"""No request received, in words (本年度未收到政府信息公开申请): 0 new requests. Not
未受理 (not accepted), and not when a number follows (未收到…申请3件 is no statement of 0)."""
ANSWERED = not_after(("[未待]",), "办结", "答复") + f"了?(?:{REQUESTS}|申请)"
CARRIED_FORWARD = (
    r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理|答复)?的?(?:申请)?(?:共计?)?\s*{n}" + _PIECES,
    # "另有72件申请按照《条例》顺延到下年度答复" (上海2019): the number first, then
    # at most a few words (no punctuation, no other number) before 结转/顺延 to next year.
    r"(?<![\d零〇一二两三四五六七八九十百千.,]){n}\s*件(?:申请)?[^，,。；;、\d]{0,8}?"
    r"(?:结转|顺延)(?:至|到)?下一?年度?",
)
SKIP_BEFORE = (
    r"涉及|关于|有关|通过|网[络上]|当面|信函|传真|邮[件寄箱]|自然人|法人|企业|组织"
    r"|复议后|直接|未经复议|全[市区县省州镇乡]|各级|各[部单区县]|所属|下属|系统"
)
"""Words that, before a statement in its clause, make it about a part of the requests (by
channel, applicant or subject), one kind of lawsuit or other agencies: it is skipped."""
OTHER_TIME = r"上一?年(?!度?结转)|去年|前年|往年|历年|同期|同比|累计"
"""Words that, before a statement in its sentence, may make it about another time
(上年结转, the name of a row of Table 3, does not): it is skipped."""
CARRIED_OVER_INCLUDED = (
    r"\s*(?:[（(]\s*(?:其中)?(?:含|包含|包括)|[，,]?\s*其中)\s*(?:了)?上一?年度?结转"
)
"""Right after a number of requests received: it includes last year's (（含上年结转3件）)."""
CARRIED_OVER_APART = r"另有\s*上一?年度?结转"
"""Later in the sentence: last year's are stated apart (另有上年结转3件)."""
CARRY = r"上一?年度?(?:结转|遗留)|结转(?:自|来自)?上一?年|往年结转"
"""Any mention of last year's carried-over requests."""

_CN_NUMBER = "〇一二三四五六七八九"


def _plain(label: str) -> str:
    """A label without its numbering and parenthesised note: "（二）部分公开（…）" → "部分公开"."""
    number = ordinal(label)
    text = label
    for prefix in (f"{number}、", number, f"{number}."):
        if number and text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return re.sub(r"（[^（）]*）$", "", text)


def _table_zh(table: TableSpec) -> str:
    return f"表{_CN_NUMBER[table.number]}"


def statements(spec: FormatSpec) -> tuple[Statement, ...]:
    """The statements TX.1 reads in the text of ``spec``'s reports, each tied to a figure."""
    t3, t4 = spec.applications, spec.review_litigation
    rows = {row.id: row for row in t3.rows}
    (t3_total,) = [c.id for c in t3.groups[0].columns if c.id not in TABLE3_DATA_COLUMNS]

    def t3_sum(*row_ids: str) -> tuple[RowSum, ...]:
        return tuple(row_sum(t3, r, t3_total, TABLE3_DATA_COLUMNS) for r in row_ids)

    def quantity(zh: str, en: str, sums: tuple[RowSum, ...]) -> Quantity:
        return Quantity(name=Text(zh, en), rows=sums)

    t3_zh, t3_en = _table_zh(t3), f"Table {t3.number}"
    new, carried = rows["new_received"], rows["carried_over"]
    received = quantity(f"{t3_zh}{_plain(new.label)}", f"{t3_en} {new.english}", t3_sum(new.id))
    received_all = quantity(
        f"{t3_zh}{_plain(new.label)}与{_plain(carried.label)}合计",
        f"{t3_en} {new.english} + {carried.english}",
        t3_sum(new.id, carried.id),
    )
    # The outcome rows by their level-2 heading: 予以公开, 部分公开, 不予公开 (8 rows) …
    groups: dict[str, list[Row]] = {}
    for row_id in outcome_rows(Table.blank(t3)):
        groups.setdefault(_plain(rows[row_id].label_path[1]), []).append(rows[row_id])

    def outcome(*keywords: str) -> Quantity:
        members = [row for k in keywords for row in groups[k]]
        # "withheld: state secret" → "withheld": the English of the level-2 heading.
        heads = dict.fromkeys(row.english.split(":")[0] for row in members)
        return quantity(
            f"{t3_zh}{'与'.join(keywords)}{'合计' if len(members) > 1 else ''}",
            f"{t3_en} {' + '.join(heads)}" + (" (sum of its rows)" if len(members) > 1 else ""),
            t3_sum(*(row.id for row in members)),
        )

    disclosed, partial = (
        _plain(rows[r].label_path[1]) for r in ("disclosed", "partially_disclosed")
    )
    statements = [
        Statement(
            pattern=rf"{RECEIVED}{_LINK}{{n}}{_PIECES}",
            quantity=received,
            including_carried_over=received_all,
        ),
        Statement(
            pattern=NONE_RECEIVED,
            quantity=received,
            value=0,
            marks=("未收到", "未接到", "没有收到", "没有接到"),
        ),
        Statement(
            pattern=rf"{not_after(_LISTED, disclosed)}(?:及|和|与|以及){re.escape(partial)}"
            rf"{_LINK}{{n}}{_PIECES}",
            quantity=outcome(disclosed, partial),
        ),
    ]
    for keyword in groups:
        statements.append(
            Statement(
                pattern=rf"{not_after(_LISTED, keyword)}{_LINK}{{n}}{_PIECES}",
                quantity=outcome(keyword),
            )
        )
    total, forward = rows["total_outcomes"], rows["carried_forward"]
    statements.append(
        Statement(
            pattern=rf"{ANSWERED}{_LINK}{{n}}{_PIECES}",
            quantity=quantity(
                f"{t3_zh}{_plain(total.label_path[0])}{_plain(total.label)}",
                f"{t3_en} {total.english}",
                t3_sum(total.id),
            ),
        )
    )
    forward_quantity = quantity(
        f"{t3_zh}{_plain(forward.label)}", f"{t3_en} {forward.english}", t3_sum(forward.id)
    )
    statements.extend(Statement(pattern=p, quantity=forward_quantity) for p in CARRIED_FORWARD)
    # Table 4: 行政复议 (one row), 行政诉讼 (its two rows, direct and after review).
    (t4_group,) = t4.groups
    (t4_total,) = [c for c in t4_group.columns if c.id not in TABLE4_PARTS]
    by_head: dict[str, list[Row]] = {}
    for row in t4_group.rows:
        by_head.setdefault(row.label_path[0], []).append(row)
    for head, members in by_head.items():
        parts = "与".join(r.label for r in members) if len(members) > 1 else ""
        statements.append(
            Statement(
                pattern=rf"{not_after((*_LISTED, '复议后'), head)}(?:案件)?{_LINK}{{n}}{_PIECES}",
                quantity=quantity(
                    f"{_table_zh(t4)}{head}{t4_total.label}"
                    + (f"（{parts}之和）" if parts else ""),
                    f"Table {t4.number} {' + '.join(r.english for r in members)}, "
                    f"{t4_total.english}",
                    tuple(row_sum(t4, r.id, t4_total.id, TABLE4_PARTS) for r in members),
                ),
            )
        )
    return tuple(statements)
