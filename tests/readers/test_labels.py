"""Label normalisation and matching (readers/_labels.py)."""

from __future__ import annotations

from govinfo_report.readers._labels import LabelIndex, distance, normalize


def test_normalize_folds_width_space_quotes_and_brackets() -> None:
    assert normalize("（三）不予公开\n 3.危及“三安全一稳定”") == normalize(
        '(三)不予公开3、危及"三安全一稳定"'
    )


def test_normalize_removes_line_breaks_inside_cells() -> None:
    assert normalize("本年新\n制作数量") == normalize("本年新制作数量")


def _index() -> LabelIndex[str]:
    return LabelIndex(
        [
            ("规章", "rules", False),
            ("上一年项目数量", "items", False),
            ("本年收费金额（单位：万元）", "amount", False),
            ("2.其他法律行政法规禁止公开", "prohibited", False),
            ("本年新制作数量", "made", False),
            ("本年新公开数量", "published", False),
            ("规范性文件", "normative", True),
        ]
    )


def test_exact_match() -> None:
    match = _index().match("规 章")
    assert match is not None
    assert (match.key, match.kind) == ("rules", "exact")


def test_fill_in_note_appended_matches_by_prefix() -> None:
    match = _index().match("规章（设区的市、自治州人民政府应提供相关数据）")
    assert match is not None
    assert (match.key, match.kind) == ("rules", "annotated")


def test_declared_note_left_out_matches() -> None:
    match = _index().match("本年收费金额")
    assert match is not None
    assert (match.key, match.kind) == ("amount", "annotated")


def test_dropped_character_matches_with_distance() -> None:
    match = _index().match("2.其他法律行政法规禁公开")
    assert match is not None
    assert (match.key, match.kind, match.distance) == ("prohibited", "fuzzy", 1)


def test_equally_close_labels_match_nothing() -> None:
    # "本年新公作数量" is one edit from 本年新制作数量 and one from 本年新公开数量.
    assert _index().match("本年新公作数量") is None


def test_short_labels_are_never_fuzzy() -> None:
    assert _index().match("规定") is None


def test_known_variant_is_reported_as_such() -> None:
    match = _index().match("规范性文件")
    assert match is not None
    assert match.kind == "variant"


def test_prefix_of_several_labels_lists_them_in_order() -> None:
    assert _index().prefixed("本年新") == ["made", "published"]


def test_distance_stops_at_the_limit() -> None:
    assert distance("abcdef", "abcxyz", 1) == 2
    assert distance("abc", "abd", 1) == 1
