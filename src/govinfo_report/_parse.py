"""Interchange text → a plain tree, strictly: every syntax error and duplicate key is refused.

JSON and YAML let a mapping name a key twice and keep the last value without a word, so
a report edited by hand could lose a value silently (two ``year:`` lines, the first one
forgotten). Here a duplicate key is a problem with its path, like every other load
problem (``duplicate key 'year' @ $.metadata``); TOML's own parser already refuses them.
YAML is read safely, without aliases (a "billion laughs" file is refused, not
expanded). :func:`not_a_report` tells a document that parsed but holds no report from a
report with problems.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import orjson
import yaml

from govinfo_report.errors import ReportLoadError

Syntax: TypeAlias = Literal["json", "yaml", "toml"]
NAMES: dict[str, str] = {"json": "JSON", "yaml": "YAML", "toml": "TOML"}


class _Duplicates(Exception):
    """Duplicate keys, one ``duplicate key 'k' @ $.path`` problem each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.problems = problems


def _twice(keys: Iterator[Any]) -> list[Any]:
    """The keys that occur more than once, in the order of their second occurrence."""
    seen: set[Any] = set()
    twice: list[Any] = []
    for key in keys:
        if key in seen and key not in twice:
            twice.append(key)
        seen.add(key)
    return twice


def _step(path: str, key: Any) -> str:
    return f"{path}.{key}" if isinstance(key, str) else f"{path}[{key!r}]"


def _problems(found: list[tuple[list[Any], str]]) -> list[str]:
    return [f"duplicate key {key!r} @ {path}" for keys, path in found for key in keys]


# --- JSON -----------------------------------------------------------------------------


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a report can hold")


_PLAIN_JSON = json.JSONDecoder(parse_float=Decimal, parse_constant=_no_constant)


def load_json_plain(text: str) -> Any:
    """``text`` parsed as JSON without looking for repeated keys (the last one wins):
    for a caller that checks for them itself (the report loader counts the keys; see
    :func:`govinfo_report.serialize._text.loads`). Exact decimals, no inf or NaN.

    Raises:
        json.JSONDecodeError, ValueError, RecursionError: as :func:`json.loads`.
    """
    return _PLAIN_JSON.decode(text)


def load_json_native(text: str) -> Any:
    """``text`` parsed by orjson (native code, about 2.5x :func:`json.loads`), the last
    of a repeated key winning: for the report loader's fast path only, which counts the
    keys itself and accepts no ``float`` anywhere in the tree.

    Where orjson's tree differs from :func:`load_json_plain`'s, it holds a float: a
    number with a fraction or an exponent (``1.5``, ``1e2``; json gives an exact
    Decimal) or an integer beyond 64 bits (json gives it exactly). Everything else it
    takes, it reads as json does. What it refuses, json may take (a lone surrogate
    ``"\\ud800"``, ``NaN``, ``1e400``): the caller then parses the text with json.

    Raises:
        orjson.JSONDecodeError (a ValueError): what orjson does not read.
    """
    return orjson.loads(text)


def _load_json(text: str) -> Any:
    marked: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):  # rare: only then is anything more done
            marked[id(obj)] = (obj, _twice(k for k, _ in pairs))
        return obj

    # Exact decimals ("4068.200" keeps its digits); 1e999 never becomes inf.
    tree = json.loads(
        text, object_pairs_hook=mapping, parse_float=Decimal, parse_constant=_no_constant
    )
    if marked:
        raise _Duplicates(_problems(list(_locate_json(tree, marked))))
    return tree


def _locate_json(
    tree: Any, marked: dict[int, tuple[dict[str, Any], list[str]]]
) -> Iterator[tuple[list[Any], str]]:
    # Iterative: the tree may be as deep as the parser allowed. A marked mapping inside a
    # value that a duplicate key replaced is not in the tree; its parent is reported.
    stack: list[tuple[Any, str]] = [(tree, "$")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if id(node) in marked:
                yield marked[id(node)][1], path
            stack.extend((v, _step(path, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(node))))


# --- YAML -----------------------------------------------------------------------------


class _Strict(yaml.constructor.SafeConstructor):
    """Safe construction that collects duplicate keys with their node (a mixin of both
    loaders below)."""

    duplicates: list[tuple[yaml.MappingNode, list[Any]]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):
            # The keys were constructed above; construct_object returns them from its cache.
            keys = (self.construct_object(k) for k, _ in node.value)
            self.duplicates.append((node, _twice(keys)))
        return mapping

    def get_single_data(self) -> Any:
        node = self.get_single_node()  # type: ignore[attr-defined]
        if node is None:
            return None
        self.refuse_aliases(node)
        self.duplicates = []
        data = self.construct_document(node)
        if self.duplicates:
            raise _Duplicates(_problems(list(_locate_yaml(node, self.duplicates))))
        return data

    def refuse_aliases(self, node: yaml.Node) -> None:
        """Refuse the aliases composing let through (none: the composer refuses them)."""


class _YAMLLoader(_Strict, yaml.SafeLoader):
    """Safe YAML with no aliases, and duplicate keys collected with their node: the
    pure-Python loader, whose refusals are the ones reported."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.constructor.ConstructorError(
                None, None, "YAML aliases are not allowed in a report", event.start_mark
            )
        return super().compose_node(parent, index)


class _Refused(Exception):
    """The C loader met something the pure-Python loader words the refusal of."""


_FastYAMLLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CYAMLLoader(_Strict, yaml.CSafeLoader):
        """:class:`_YAMLLoader` on libyaml's parser and composer (as
        :class:`yaml.CSafeLoader`), 6x faster. libyaml composes an alias into the node
        it names, so a node met twice is an alias: refused."""

        def refuse_aliases(self, node: yaml.Node) -> None:
            seen: set[int] = set()
            stack = [node]
            while stack:
                current = stack.pop()
                if id(current) in seen:
                    raise _Refused("an alias")
                seen.add(id(current))
                if isinstance(current, yaml.MappingNode):
                    for key, value in current.value:
                        stack.extend((key, value))
                elif isinstance(current, yaml.SequenceNode):
                    stack.extend(current.value)

    _FastYAMLLoader = _CYAMLLoader


_NON_PRINTABLE: re.Pattern[str] = yaml.reader.Reader.NON_PRINTABLE
"""What the pure-Python reader refuses (its own expression): such text is left to it,
so that the refusal reads as it always did."""


def _load_yaml(text: str) -> Any:
    """The tree of a YAML document, read by libyaml when it can be; every refusal (a
    syntax error, an alias, a tag, nesting too deep) is the pure-Python loader's own."""
    if _FastYAMLLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            return yaml.load(text, Loader=_FastYAMLLoader)
        except (yaml.YAMLError, _Refused, RecursionError, ValueError):
            pass  # read again below, to be refused in the words of before
    return yaml.load(text, Loader=_YAMLLoader)


def _locate_yaml(
    root: yaml.Node, duplicates: list[tuple[yaml.MappingNode, list[Any]]]
) -> Iterator[tuple[list[Any], str]]:
    wanted = {id(node): keys for node, keys in duplicates}
    stack: list[tuple[yaml.Node, str]] = [(root, "$")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            if id(node) in wanted:
                yield wanted[id(node)], path
            children = [
                (v, _step(path, k.value if isinstance(k, yaml.ScalarNode) else "?"))
                for k, v in node.value
            ]
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(v, f"{path}[{i}]") for i, v in enumerate(node.value)]))


# --- all syntaxes ---------------------------------------------------------------------


EMPTY = "the document is empty"
"""The problem of a text that holds nothing but white space."""


def parse(text: str, syntax: Syntax, *, source: str) -> Any:
    """Parse ``text`` into a plain tree.

    Raises:
        ReportLoadError: an empty text, a syntax error, a number out of Python's range,
            nesting too deep, or duplicate keys (each with its path).
        ValueError: ``syntax`` is none of the three.
    """
    if not text.strip():
        # Said as it is, not as JSON's "Expecting value" or TOML's "no 'metadata' key".
        raise ReportLoadError(source, [EMPTY])
    try:
        if syntax == "json":
            return _load_json(text)
        if syntax == "yaml":
            return _load_yaml(text)
        if syntax == "toml":
            return tomllib.loads(text, parse_float=Decimal)
    except _Duplicates as exc:
        raise ReportLoadError(source, exc.problems) from None
    except json.JSONDecodeError as exc:
        raise ReportLoadError(
            source, [f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]
        ) from None
    except yaml.YAMLError as exc:
        raise ReportLoadError(source, [f"invalid YAML: {' '.join(str(exc).split())}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ReportLoadError(source, [f"invalid TOML: {exc}"]) from None
    except RecursionError:
        raise ReportLoadError(source, [f"invalid {NAMES[syntax]}: nested too deeply"]) from None
    except ValueError as exc:  # int() refuses numbers of more than 4300 digits
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise ReportLoadError(source, [f"invalid {NAMES[syntax]}: {reason}"]) from None
    raise ValueError(f"unknown syntax {syntax!r}")


def is_report_tree(tree: Any) -> bool:
    """Whether ``tree`` is shaped like a report: a mapping with a ``metadata`` mapping."""
    return isinstance(tree, Mapping) and isinstance(tree.get("metadata"), Mapping)


def not_a_report(tree: Any, syntax: Syntax) -> str | None:
    """Why a parsed document is no report at all, or ``None`` if it is one (maybe broken).

    A mapping with a ``metadata`` key is a report, whatever its problems; anything else
    (a list, a scalar, an empty document, a mapping of other keys) is not.
    """
    if isinstance(tree, Mapping) and "metadata" in tree:
        return None
    if tree is None:
        why = "the document is empty or null"
    elif isinstance(tree, Mapping):
        keys = [_short(k) for k in list(tree)[:5]]
        has = f" (it has {', '.join(keys)}{', ...' if len(tree) > 5 else ''})" if keys else ""
        why = f"no 'metadata' key at the top level{has}"
    else:
        kind = _KINDS.get(type(tree), type(tree).__name__)
        why = f"the top level is {kind}, not a mapping of a report's keys"
    return f"valid {NAMES[syntax]}, but not a report: {why} @ $"


_KINDS = {list: "a list", str: "a string", bool: "a boolean", int: "a number"}
_KINDS |= {float: "a number", Decimal: "a number"}


def _short(key: Any) -> str:
    text = repr(key)
    return text if len(text) <= 40 else text[:37] + "..."
