"""The package's NFKC: unicodedata's, exactly (the shortcut for Chinese prose included)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._traditional import fold, simplified
from govinfo_report._unicode import nfkc

_ALPHABET = "，（）：；！？％　…。、“”年件的公开申请資訊費０１ＡＺ\u0301\u3099ｶﾞ\u2460\uf900①½ae 1,."


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_simplified_and_fold_are_the_table_applied_to_every_character(text: str) -> None:
    from govinfo_report import _traditional

    whole = text.translate(_traditional._TABLE)
    assert simplified(text) == whole.replace("资讯", "信息")
    assert fold(text) == simplified(unicodedata.normalize("NFKC", text)).replace("\u3000", " ")
