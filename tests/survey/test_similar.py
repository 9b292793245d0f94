"""DUP.1: sections copied from last year's report or from another agency's."""

from __future__ import annotations

import doctest
import json
import pickle
import random
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Report, Severity, Status, load
from govinfo_report.survey import _similar, _similar_index, _similar_text
from govinfo_report.survey._similar import (
    BINS,
    SimilarIndex,
    Sketch,
    agency_names,
    compare_previous,
    estimated_similarity,
    normalise,
    signature,
    sketch,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BASE = load(EXAMPLES / "example_2021.yaml")
OTHER = load(EXAMPLES / "dongtou_2020.yaml")


def _noise(seed: int, n: int = 300) -> str:
    """Text no other seed shares: random common Chinese characters."""
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))


def _as(report: Report, agency: str, year: int | None = None) -> Report:
    meta = attrs.evolve(report.metadata, agency=agency, year=year or report.metadata.year)
    return attrs.evolve(report, metadata=meta)


def _with_overview(report: Report, text: str) -> Report:
    return report.with_section("overview", paragraphs=(text,), subsections=())


def test_doctests() -> None:
    assert doctest.testmod(_similar_text).failed == 0


def test_names_numbers_and_spaces_are_normalised_away() -> None:
    names = agency_names("温州市洞头区人民政府")
    assert {"温州市洞头区人民政府", "温州市洞头区政府", "温州市", "洞头区", "洞头"} <= set(names)
    a = normalise("洞头区2023年共收到申请 12 件，办结 10 件。", names)
    b = normalise("洞头区 2024 年共收到申请 15 件，办结 14 件。", names)
    assert a == b == "@#年共收到申请#件,办结#件。"


@given(
    st.lists(
        st.sampled_from(["1", "23", "٣", "３", ".", ",", "年", "二", "〇", "零", "九", "x", "，"]),
        max_size=40,
    ).map("".join)
)
def test_numbers_and_years_are_marked_as_the_plain_expressions_mark_them(text: str) -> None:
    import re
    import unicodedata

    number = re.compile(r"\d+(?:[.,]\d+)*")  # the expressions as first written
    year = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    expected = number.sub("#", year.sub("#", plain))
    assert _similar_text.normalise(text) == expected


def test_last_years_text_with_new_figures_is_a_copy() -> None:
    text = _similar.section_text(BASE.section("overview"))  # type: ignore[arg-type]
    previous = _with_overview(_as(BASE, BASE.metadata.agency, BASE.metadata.year - 1), text)
    current = _with_overview(BASE, text.replace("2024", "2025").replace("70", "81"))
    findings = compare_previous(current, previous)
    assert {f.paths for f in findings} >= {("sections[0]",)}
    first = findings[0]
    assert (first.code, first.severity, first.status) == ("DUP.1", Severity.WARNING, Status.FAIL)
    assert f"{previous.metadata.year}年" in first.message_zh


def test_rewritten_sections_are_not_copies() -> None:
    current = BASE
    for section_id in ("overview", "problems", "other"):
        current = current.with_section(section_id, paragraphs=(_noise(hash(section_id) % 97),))
    assert compare_previous(current, BASE) == ()


def test_short_sections_are_not_judged() -> None:
    short = _with_overview(BASE, "本年度未收取信息处理费。")
    assert all(s.section != "overview" for s in sketch(short).sections)
    assert all(f.paths != ("sections[0]",) for f in compare_previous(short, short))


def test_a_sketch_is_small_and_picklable() -> None:
    result = sketch(BASE)
    assert [s.section for s in result.sections] == ["overview", "problems", "other"]
    assert all(len(s.signature) == BINS for s in result.sections)
    assert pickle.loads(pickle.dumps(result)) == result
    assert len(pickle.dumps(result)) < 600


def _sketch_in_another_process(path: Path) -> Sketch:
    return sketch(load(path))


def test_sketches_agree_across_processes() -> None:
    # A new interpreter has another str hash seed: the signature must not depend on it.
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        theirs = pool.submit(_sketch_in_another_process, EXAMPLES / "example_2021.yaml").result()
    assert theirs == sketch(BASE)


def _jaccard(a: str, b: str) -> float:
    sa = {a[i : i + 5] for i in range(len(a) - 4)}
    sb = {b[i : i + 5] for i in range(len(b) - 4)}
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize("changed", [0, 10, 40, 100, 200, 400])
def test_the_estimate_follows_the_jaccard_similarity(changed: int) -> None:
    a = _noise(1, 600)
    b = a[: 600 - changed] + _noise(2, changed)
    estimate = estimated_similarity(signature(a), signature(b))
    assert abs(estimate - _jaccard(a, b)) < 0.2


def _template(i: int) -> Report:
    """Township i's report: one template with its own name and figures."""
    agency = f"某县第{i}镇人民政府"
    text = (
        f"{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息{i % 97}条，"
        f"收到政府信息公开申请{i % 13}件，均已按时办结。{_noise(0, 200)}"
    )
    return _with_overview(_as(BASE, agency), text)


def test_a_cluster_of_copies_is_reported_with_its_size_and_examples() -> None:
    index = SimilarIndex()
    for i in range(5):
        index.add(i, f"第{i}镇", 2024, sketch(_template(i)))
    index.add(5, "独立局", 2024, sketch(_with_overview(_as(BASE, "独立局"), _noise(7))))
    found = index.findings()
    assert 5 not in found or all(f.paths != ("sections[0]",) for f in found[5])
    overview = [f for f in found[0] if f.paths == ("sections[0]",)]
    assert [f.reported for f in overview] == [4]
    assert "如 第1镇、第2镇" in overview[0].message_zh
    assert "4 other agencies' reports of the same year, e.g. 第1镇, 第2镇" in overview[0].message_en


def test_one_agencys_copies_of_one_report_are_not_copying() -> None:
    index = SimilarIndex()
    index.add(0, "甲局", 2024, sketch(BASE))
    index.add(1, "甲局", 2024, sketch(BASE))  # the .docx and the .pdf of one report
    assert index.findings() == {}


def test_other_years_are_not_compared_across_agencies() -> None:
    index = SimilarIndex()
    index.add(0, "甲局", 2024, sketch(BASE))
    index.add(1, "乙局", 2023, sketch(BASE))
    assert index.findings() == {}


def test_the_index_compares_an_agency_with_its_previous_year() -> None:
    index = SimilarIndex()
    index.add(7, "甲局", 2024, sketch(BASE))
    index.add(3, "甲局", 2023, sketch(BASE))
    index.add(4, "甲局", 2021, sketch(OTHER))  # not the year before: not compared
    found = index.findings()
    assert list(found) == [7]
    assert all("本机关2023年报告" in f.message_zh for f in found[7])
    assert SimilarIndex(previous=False).findings() == {}


def test_different_reports_give_no_findings() -> None:
    index = SimilarIndex()
    index.add(0, "甲局", 2024, sketch(BASE))
    index.add(1, "乙局", 2024, sketch(_as(OTHER, "乙局", 2024)))
    assert index.findings() == {}


def test_a_signature_of_another_size_is_refused() -> None:
    bad = Sketch(
        sections=(_similar.SectionSketch(index=0, section="overview", length=60, signature=b"x"),)
    )
    with pytest.raises(ValueError, match="expected 64"):
        SimilarIndex().add(0, "甲", 2024, bad)


def test_two_thousand_copies_cost_linear_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2,000 townships filling in one template: one cluster, found without 2000² pairs.
    sketches = [sketch(_template(i)) for i in range(2000)]
    compared: list[int] = []
    equal_bytes = _similar_index._equal_bytes

    def counted(signatures, a, b):  # type: ignore[no-untyped-def]
        compared.append(len(a))
        return equal_bytes(signatures, a, b)

    monkeypatch.setattr(_similar_index, "_equal_bytes", counted)
    index = SimilarIndex(previous=False)
    for i, s in enumerate(sketches):
        index.add(i, f"第{i}镇", 2024, s)
    found = index.findings()
    assert len(found) == 2000
    assert {f.reported for fs in found.values() for f in fs if f.paths == ("sections[0]",)} == {
        1999
    }
    sections = len(index)
    # At most each entry against 4 representatives in each band, and pairs already in
    # one cluster are not compared again: the first band joins nearly everything.
    assert 0 < sum(compared) <= 4 * (BINS // 4) * sections
    assert sum(compared) <= 8 * sections


def test_the_index_holds_under_100_bytes_per_judged_section() -> None:
    sketches = [sketch(_template(i)) for i in range(50)]
    index = SimilarIndex()
    for i in range(1000):
        index.add(i, f"第{i}镇", 2024, sketches[i % 50])
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(1000, 10000):
        index.add(i, f"第{i}镇", 2024, sketches[i % 50])
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    sections = len(index) - 1000 * len(sketches[0].sections)
    # The agency keys themselves are the caller's strings; the index adds ~75 bytes a section
    # and a dict entry per agency.
    assert grown / sections < 100 + 150 / len(sketches[0].sections)


# --- nfkc: NFKC, exactly, faster on Chinese prose ------------------------------------------

_NFKC_ALPHABET = (
    "，（）：；！？％　…。、“”—·年件的公开申请"  # prose and its compatibility characters
    "０１９ＡＺａｚ＃＄～＿"  # other full-width forms
    "\u0301\u0308\u0323\u3099\u309a"  # combining marks (also after a replaced character)
    "ｶﾞﾟ\u2460\u2474\u3250\uf900\u2f00\u00a0\u00bd\ufb01Åé"  # other compatibility forms
    "ae 1,.:"
)


@given(st.text(alphabet=_NFKC_ALPHABET, max_size=40))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    import unicodedata

    assert _similar.nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.text(max_size=30))
def test_nfkc_is_unicodedata_nfkc_on_any_text(text: str) -> None:
    import unicodedata

    assert _similar.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_of_a_report_section_equals_unicodedata() -> None:
    import unicodedata

    texts = [_similar.section_text(s) for s in (*BASE.sections, *OTHER.sections)]
    assert sum("，" in t for t in texts) >= 3  # the prose the shortcut is for
    for text in texts:
        assert _similar.nfkc(text) == unicodedata.normalize("NFKC", text)


@given(
    st.integers(min_value=1, max_value=40).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        )
    )
)
def test_components_are_the_smallest_entry_of_each_connected_set(
    graph: tuple[int, list[tuple[int, int]]],
) -> None:
    import numpy as np

    n, edges = graph
    parent = list(range(n))  # a plain union-find, as the reference

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    a = np.array([e[0] for e in edges], dtype=np.intp)
    b = np.array([e[1] for e in edges], dtype=np.intp)
    labels = _similar_index._components(n, a, b)
    assert labels.tolist() == [find(x) for x in range(n)]


@given(
    st.lists(
        st.text(alphabet="的公开申请件年政府信息一二三abc，。 ", max_size=150),
        min_size=1,
        max_size=6,
    )
)
def test_signatures_of_texts_together_are_their_signatures_one_by_one(texts: list[str]) -> None:
    # Shingles that would straddle two texts are left out; short texts are densified.
    together = _similar.signatures(texts)
    assert together == [_similar.signatures([t])[0] for t in texts]
    assert all(len(s) == BINS for s in together)


def test_white_space_removed_is_every_character_regex_calls_white_space() -> None:
    import re
    import sys

    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c))
    assert spaces == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert normalise(f"a{spaces}b") == "ab"


@given(
    st.integers(min_value=1, max_value=30).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n),
        )
    )
)
def test_components_joined_in_two_steps_are_those_of_all_edges(
    graph: tuple[int, list[tuple[int, int]], list[tuple[int, int]]],
) -> None:
    import numpy as np

    n, first, second = graph

    def arrays(edges: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[type-arg]
        return (
            np.array([e[0] for e in edges], dtype=np.intp),
            np.array([e[1] for e in edges], dtype=np.intp),
        )

    step = _similar_index._components(n, *arrays(first))
    joined = _similar_index._components(n, *arrays(second), step)
    assert joined.tolist() == _similar_index._components(n, *arrays(first + second)).tolist()


def test_a_batch_is_sketched_as_its_files_one_at_a_time(tmp_path: Path) -> None:
    from govinfo_report.survey._summary import FileResult, summarise, summarise_batch

    example = load(EXAMPLES / "example_2021.yaml")
    paths = []
    own = (
        "加强组织领导，健全工作机制。",
        "推进政策解读，回应社会关切。",
        "规范依申请公开办理流程。",
    )
    for k, agency in enumerate(("甲县乙局", "丙市丁委员会", "戊区人民政府办公室")):
        report = attrs.evolve(example, metadata=attrs.evolve(example.metadata, agency=agency))
        report = report.with_section("problems", paragraphs=(own[k] * 20,), subsections=())
        path = tmp_path / f"r{k}.json"
        govinfo_report.dump(report, path)
        paths.append(path)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    tasks = [(str(p), "") for p in (*paths, tmp_path / "bad.json")]
    batch = summarise_batch(tasks, similar=True)
    alone = [summarise(path, similar=True) for path, _ in tasks]
    assert batch == alone
    sketched = [r for r in batch if isinstance(r, FileResult) and r.sketch is not None]
    assert len(sketched) == 3
    assert len({r.sketch for r in sketched}) == 3  # their section 五 differs


def test_a_batch_whose_sketching_fails_sketches_each_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo_report.survey import _similar
    from govinfo_report.survey._summary import FileResult, summarise_batch

    example = load(EXAMPLES / "example_2021.yaml")
    for k in range(3):
        govinfo_report.dump(example, tmp_path / f"r{k}.json")
    real = _similar.sketches

    def failing(reports: list[_similar.Judged]) -> list[_similar.Sketch]:
        if len(reports) > 1:
            raise RuntimeError("a bug in the batch")
        return real(reports)

    monkeypatch.setattr(_similar, "sketches", failing)
    tasks = [(str(tmp_path / f"r{k}.json"), "") for k in range(3)]
    results = summarise_batch(tasks, similar=True)
    assert all(isinstance(r, FileResult) and r.sketch is not None for r in results)
    monkeypatch.setattr(_similar, "sketches", lambda reports: 1 / 0)
    [broken, *_] = summarise_batch(tasks, similar=True)
    assert isinstance(broken, FileResult)
    assert broken.status == "unreadable"
    assert broken.internal_error
    assert "internal error while sketching: ZeroDivisionError" in json.loads(broken.row)["reason"]
