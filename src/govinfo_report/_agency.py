"""Agency keys: one normalised name per agency, so that its reports pair across years.

Published reports spell one agency's name in several ways: full-width or half-width
brackets and digits, spaces between characters (``洞 头 区``), the report title run into
the name (``洞头区政务服务中心2020年政府信息公开工作年度报告``), ``人民政府`` shortened
to ``政府``. :func:`agency_key` maps all of these to one key; two names with the same key
are taken to be the same agency. It never guesses beyond that: a renamed agency (a
merger, ``…局`` becoming ``…中心``) gets a new key.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_TITLE = re.compile(
    r"(?:关于)?(?:(?:19|20)\d\d\s*年度?)?(?:的)?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告$"
)
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d\s*年度?")
_QUOTES = str.maketrans("", "", "《》〈〉“”\"'‘’「」『』")


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


def different_agencies(name: str, other: str) -> bool:
    """Whether ``name`` and ``other`` are surely two agencies: both name one and their
    keys differ (a blank name could be either, so it matches any)."""
    ours, theirs = agency_key(name), agency_key(other)
    return bool(ours and theirs and ours != theirs)


__all__ = ["agency_key", "different_agencies"]
