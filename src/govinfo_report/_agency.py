"""Agency keys: one normalised name per agency, so that its reports pair across years.

Published reports spell one agency's name in several ways: full-width or half-width
brackets and digits, spaces between characters (``洞 头 区``), the report title run into
the name (``洞头区政务服务中心2020年政府信息公开工作年度报告``), ``人民政府`` shortened
to ``政府``. :func:`agency_key` maps all of these to one key; two names with the same key
are taken to be the same agency. It never guesses beyond that: a renamed agency (a
merger, ``…局`` becoming ``…中心``) gets a new key.

One name written with its region in front (``温州市洞头区政务服务中心``) and without it
(``洞头区政务服务中心``) also gets two keys: the shorter one can belong to two agencies
(北京市朝阳区政府, 长春市朝阳区政府), so a survey never pairs them by itself.
:func:`shorter_names` lists the forms a key may also take, and
:func:`different_agencies` does not call two such names different: a person who gives
one as the other's previous report has judged them one agency.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SPACE = re.compile(r"\s+")
_TITLE = re.compile(
    r"(?:关于)?(?:(?:19|20)\d\d\s*年度?)?(?:的)?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告$"
)
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d\s*年度?")
_QUOTES = str.maketrans("", "", "《》〈〉“”\"'‘’「」『』")
_REGION_ENDS: Final = frozenset("省市区县州盟旗")
_PLACES: Final = (*"省市区县州盟旗镇乡", "街道")
_SHORTEST: Final = 4


def agency_key(name: str) -> str:
    """The normalised key of an agency name (``""`` for a blank name).

    NFKC (full-width forms become their ASCII twins), whitespace and quotation marks
    removed, a trailing report title and a leading year dropped, ``人民政府`` written
    ``政府``, Latin letters lower-cased.

    >>> agency_key("温州市洞头区 人民政府")
    '温州市洞头区政府'
    >>> agency_key("温州市洞头区人民政府2023年政府信息公开工作年度报告")
    '温州市洞头区政府'
    >>> agency_key("（温州市）洞头区政务服务中心") == agency_key("(温州市)洞头区政务服务中心")
    True
    """
    text = unicodedata.normalize("NFKC", name)
    text = _SPACE.sub("", text).translate(_QUOTES)
    text = _TITLE.sub("", text)
    text = _YEAR_PREFIX.sub("", text)
    text = text.replace("人民政府", "政府")
    return text.casefold()


def shorter_names(key: str) -> list[str]:
    """The keys ``key`` may also be written as without its region in front.

    A shorter key is what follows one of the region ends 省 市 区 县 州 盟 旗 (but not
    one followed by another: the 州 of 温州市 is part of a name), and only where it
    still names a place (it holds 省, 市, 区, 县, 州, 盟, 旗, 镇, 乡 or 街道) in at least
    four characters, so that 政务服务中心 alone is never taken for an agency.

    >>> shorter_names("温州市洞头区政务服务中心")
    ['洞头区政务服务中心']
    >>> shorter_names("洞头区政务服务中心")
    []
    """
    found = []
    for i, char in enumerate(key[:-1]):
        if char in _REGION_ENDS and key[i + 1] not in _REGION_ENDS:
            # (Not 温州|市: a region end before another is part of a name.)
            rest = key[i + 1 :]
            if len(rest) >= _SHORTEST and any(place in rest for place in _PLACES):
                found.append(rest)
    return found


def different_agencies(name: str, other: str) -> bool:
    """Whether ``name`` and ``other`` are surely two agencies: both name one, their
    keys differ, and neither key is the other with a region in front (a blank name
    could be either, so it matches any; see :func:`shorter_names`).

    >>> different_agencies("洞头区政务服务中心", "洞头区数据管理中心")
    True
    >>> different_agencies("温州市洞头区政务服务中心", "洞头区政务服务中心")
    False
    """
    ours, theirs = agency_key(name), agency_key(other)
    if not (ours and theirs) or ours == theirs:
        return False
    return theirs not in shorter_names(ours) and ours not in shorter_names(theirs)


__all__ = ["agency_key", "different_agencies", "shorter_names"]
