"""The JSON a survey writes and reads back itself: its cache's rows and rule statuses,
and findings.jsonl's lines.

orjson (native) writes and reads it in a fifth to a tenth of json's time. What orjson
will not write json writes: a number beyond 64 bits, and a string holding a lone
surrogate, which no UTF-8 text can hold, with the surrogate written as its byte
(:func:`govinfo_report._scan.shown`: a file name in GBK). What orjson will not read,
json reads. The trees read back hold strings only (rows, statuses), and of a findings
line the dashboard reads only its code, status and severity: orjson would differ from
json only on numbers beyond 64 bits, which it reads as floats.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from govinfo_report._scan import shown

_JSON = json.JSONEncoder(ensure_ascii=False)


def text(value: Any) -> str:
    """``value`` as compact JSON text, Chinese unescaped."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return _JSON.encode(_shown(value))


def line(value: Any) -> bytes:
    """``value`` as one JSON Lines line in UTF-8, compact, Chinese unescaped."""
    try:
        return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return (_JSON.encode(_shown(value)) + "\n").encode()


def _shown(value: Any) -> Any:
    """``value`` with every string :func:`~govinfo_report._scan.shown`."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {_shown(k): _shown(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_shown(v) for v in value]
    return value


def tree(value: str | bytes) -> Any:
    """The value of JSON text this survey wrote (:func:`text`)."""
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return json.loads(value)


__all__ = ["line", "text", "tree"]
