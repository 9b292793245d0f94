"""Levels of government: which agencies' reports add up to which (汇总), and rule H.1.

A :class:`Hierarchy` says, for each parent agency, which child agencies it has and
whether the parent's report covers the region as a whole (its tables then add up its
children's). It comes from a YAML file (:func:`load_hierarchy`) or from the agencies'
names (:func:`auto_hierarchy`). :func:`check_level` is rule H.1: where the parent reports
the region as a whole, each cell of its Table 3 and Table 4 equals the sum of its
children's.

The hierarchy file maps each parent's name to its children, in one of two forms::

    温州市洞头区人民政府:          # the long form
      whole_region: true          # its tables cover the children's (H.1 applies)
      children:
        - 温州市洞头区北岙街道办事处
        - 温州市洞头区东屏街道办事处
    温州市人民政府:                # the short form: only children, whole_region false
      - 温州市洞头区人民政府

Names are matched by :func:`~govinfo_report.survey.agency_key`, so spelling variants
(spaces, full-width brackets, 政府 for 人民政府) name the same agency. A child has one
parent; no agency is its own ancestor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs
import yaml

from govinfo_report._agency import agency_key
from govinfo_report._input import read_file
from govinfo_report.errors import ReportLoadError
from govinfo_report.survey._level_rule import CODE, check_level

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A hierarchy file bigger than this is refused (100,000 names take about 4 MB)."""


@attrs.frozen(kw_only=True)
class Level:
    """One parent and its children, names as written."""

    parent: str
    children: tuple[str, ...]
    whole_region: bool = False
    """Whether the parent's report covers the region as a whole (H.1 applies)."""
    line: int | None = None
    """Where the file declares the parent (1-based), if it came from a file."""


def _index(levels: tuple[Level, ...]) -> tuple[dict[str, Level], dict[str, str]]:
    by_parent: dict[str, Level] = {}
    parent_of: dict[str, str] = {}
    problems = []
    for level in levels:
        key = agency_key(level.parent)
        where = f" (line {level.line})" if level.line is not None else ""
        if key in by_parent:
            problems.append(f"parent {level.parent!r}{where} is declared twice")
        by_parent[key] = level
        for child in level.children:
            child_key = agency_key(child)
            if child_key == key:
                problems.append(f"{level.parent!r}{where} is listed as its own child")
            elif child_key in parent_of and parent_of[child_key] != key:
                other = by_parent[parent_of[child_key]].parent
                problems.append(f"{child!r} has two parents: {other!r} and {level.parent!r}{where}")
            parent_of[child_key] = key
    for start in by_parent:
        seen = {start}
        node = start
        while node in parent_of:
            node = parent_of[node]
            if node in seen:
                problems.append(f"{by_parent[start].parent!r} is its own ancestor")
                break
            seen.add(node)
    if problems:
        raise ValueError("; ".join(dict.fromkeys(problems)))
    return by_parent, parent_of


@attrs.frozen(kw_only=True)
class Hierarchy:
    """Parents and their children, looked up by agency key.

    Raises:
        ValueError: a parent declared twice, a child with two parents, a cycle.
    """

    levels: tuple[Level, ...] = ()
    _by_parent: Mapping[str, Level] = attrs.field(init=False, repr=False, eq=False)
    _parent_of: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_parent, parent_of = _index(self.levels)
        object.__setattr__(self, "_by_parent", by_parent)
        object.__setattr__(self, "_parent_of", parent_of)

    def __iter__(self) -> Iterator[Level]:
        return iter(self.levels)

    def __len__(self) -> int:
        return len(self.levels)

    def level(self, agency: str) -> Level | None:
        """The level whose parent is ``agency`` (any spelling), or ``None``."""
        return self._by_parent.get(agency_key(agency))

    def children_of(self, agency: str) -> tuple[str, ...]:
        """The agency keys of ``agency``'s children (none if it is no parent)."""
        level = self.level(agency)
        return tuple(agency_key(c) for c in level.children) if level else ()

    def parent_of(self, agency: str) -> str | None:
        """The agency key of ``agency``'s parent, or ``None``."""
        return self._parent_of.get(agency_key(agency))


# --- The hierarchy file -------------------------------------------------------------


def _problem(node: yaml.Node, text: str) -> str:
    return f"line {node.start_mark.line + 1}: {text}"


def _string(node: yaml.Node, what: str, problems: list[str]) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        if node.value.strip():
            return str(node.value).strip()
        problems.append(_problem(node, f"{what} is blank"))
        return None
    problems.append(_problem(node, f"{what} must be an agency name (text)"))
    return None


def _children(node: yaml.Node, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(node, "children must be a list of agency names"))
        return ()
    names = (_string(item, "a child", problems) for item in node.value)
    return tuple(n for n in names if n is not None)


def _level(key: yaml.Node, value: yaml.Node, problems: list[str]) -> Level | None:
    parent = _string(key, "a parent", problems)
    line = key.start_mark.line + 1
    if isinstance(value, yaml.SequenceNode):
        children = _children(value, problems)
        return Level(parent=parent, children=children, line=line) if parent else None
    if not isinstance(value, yaml.MappingNode):
        problems.append(
            _problem(value, f"{parent!r} must map to a list of children or to children:")
        )
        return None
    fields: dict[str, yaml.Node] = {}
    for k, v in value.value:
        name = k.value if isinstance(k, yaml.ScalarNode) else None
        if name not in ("children", "whole_region"):
            problems.append(_problem(k, f"unknown key {name!r}; expected children, whole_region"))
        elif name in fields:
            problems.append(_problem(k, f"duplicate key {name!r}"))
        else:
            fields[name] = v
    if "children" not in fields:
        problems.append(_problem(value, f"{parent!r} has no children:"))
        return None
    children = _children(fields["children"], problems)
    whole = fields.get("whole_region")
    whole_region = False
    if whole is not None:
        if isinstance(whole, yaml.ScalarNode) and whole.tag == "tag:yaml.org,2002:bool":
            whole_region = whole.value.lower() in ("true", "yes", "on")
        else:
            problems.append(_problem(whole, "whole_region must be true or false"))
    if parent is None:
        return None
    return Level(parent=parent, children=children, whole_region=whole_region, line=line)


def _no_aliases(text: str, source: str) -> None:
    # An alias would let a small file name a child list many times over.
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            line = event.start_mark.line + 1 if event.start_mark else "?"
            raise ReportLoadError(source, [f"line {line}: YAML anchors and aliases are refused"])


def parse_hierarchy(text: str, *, source: str = "<hierarchy>") -> Hierarchy:
    """The :class:`Hierarchy` a hierarchy file's text declares.

    Raises:
        ReportLoadError: not YAML, or not of the documented shape; every problem is
            listed with its line.
    """
    try:
        _no_aliases(text, source)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or error
        raise ReportLoadError(source, [f"{where}not YAML ({problem})"]) from None
    if root is None:
        return Hierarchy()
    if not isinstance(root, yaml.MappingNode):
        raise ReportLoadError(source, [_problem(root, "expected parent: children mappings")])
    problems: list[str] = []
    levels = [_level(k, v, problems) for k, v in root.value]
    if problems:
        raise ReportLoadError(source, problems)
    try:
        return Hierarchy(levels=tuple(level for level in levels if level is not None))
    except ValueError as error:
        raise ReportLoadError(source, str(error).split("; ")) from None


def load_hierarchy(path: str | Path) -> Hierarchy:
    """The :class:`Hierarchy` of the YAML file at ``path`` (format in the module docstring).

    Raises:
        ReportLoadError: the file cannot be read, is not YAML, or is not of the
            documented shape; every problem is listed with its line.
    """
    path = Path(path)
    try:
        data = read_file(path, MAX_FILE_BYTES)
        text = data.decode("utf-8-sig")
    except OSError as error:
        # Worded as the report loader words it, which says the reason in Chinese too.
        reason = error.strerror or str(error)
        raise ReportLoadError(str(path), [f"cannot read the file: {reason}"]) from None
    except UnicodeDecodeError as error:
        raise ReportLoadError(str(path), [f"not UTF-8 text (byte {error.start})"]) from None
    return parse_hierarchy(text, source=str(path))


# --- From names ---------------------------------------------------------------------

_GOVERNMENT = re.compile(r"^(?P<place>.+?)(?:政府|办事处)$")
_TOWNSHIP = re.compile(r"(?:镇|乡|街道)$")
_COUNTY = re.compile(r"(?:区|县|市|旗)$")
_COUNTY_PARENT = re.compile(r"(?:区|县|市|旗)$")
_CITY_PARENT = re.compile(r"(?:市|州|盟|地区|省|自治区)$")


def auto_hierarchy(agencies: Iterable[str]) -> Hierarchy:
    """The hierarchy that the agencies' names make certain, and nothing more.

    Only governments are placed: a 乡/镇/街道 government (人民政府, 办事处) under the
    区/县/市 government whose full name starts its name, a 区/县/市 government under the
    市/州/省 government whose name starts its name — and only when that parent is among
    ``agencies``. Departments (市XX局, 区XX中心) are placed under nobody: whether a
    department's report is part of its government's is not in the name. No level is
    ``whole_region``: whether a parent's tables cover its children is not in the names
    either, so H.1 needs a hierarchy file.
    """
    names: dict[str, str] = {}
    for name in agencies:
        names.setdefault(agency_key(name), name)
    places = {}
    for key in names:
        match = _GOVERNMENT.match(key)
        if match:
            places[match.group("place")] = key
    children: dict[str, list[str]] = {}
    for place, key in places.items():
        parent_pattern = (
            _COUNTY_PARENT
            if _TOWNSHIP.search(place)
            else _CITY_PARENT
            if _COUNTY.search(place)
            else None
        )
        if parent_pattern is None:
            continue
        for end in range(len(place) - 1, 1, -1):
            prefix = place[:end]
            if prefix in places and parent_pattern.search(prefix):
                children.setdefault(places[prefix], []).append(names[key])
                break
    levels = tuple(
        Level(parent=names[parent], children=tuple(sorted(kids)))
        for parent, kids in sorted(children.items())
    )
    return Hierarchy(levels=levels)


__all__ = [
    "CODE",
    "Hierarchy",
    "Level",
    "auto_hierarchy",
    "check_level",
    "load_hierarchy",
    "parse_hierarchy",
]
