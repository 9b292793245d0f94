"""The package conventions (OPC) that a Word document and a workbook share: how a part
names the parts it relates to, and our own custom document property.

A relationship of ``TargetMode="External"`` (a linked file, a web address) is never
followed: it names nothing inside the package.
"""

from __future__ import annotations

import posixpath
from typing import Final

from lxml import etree

from govinfo_report import _embedded
from govinfo_report.readers._docx_package import Package

REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


def relationships(package: Package, rels: str) -> dict[str, tuple[str, str]]:
    """``{id: (type suffix, target)}`` of a ``.rels`` part, external targets left out
    (empty if the part is absent)."""
    if rels not in package:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in package.xml(rels).iter(f"{{{REL_NS}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind and target and rel.get("TargetMode") != "External":
            found.setdefault(rel.get("Id", ""), (kind, target))
    return found


def by_type(package: Package, rels: str) -> dict[str, str]:
    """``{type suffix: target}`` of a ``.rels`` part: the first target of each type."""
    found: dict[str, str] = {}
    for kind, target in relationships(package, rels).values():
        found.setdefault(kind, target)
    return found


def resolve(base_dir: str, target: str) -> str:
    """The part a relationship's target names, from the folder of the part it is in."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def rels_of(part: str) -> str:
    """The ``.rels`` part of ``part``: ``xl/workbook.xml`` → ``xl/_rels/workbook.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def optional_xml(package: Package, name: str | None) -> etree._Element | None:
    """Part ``name`` parsed, or ``None`` if there is no such part."""
    if name is None or name not in package:
        return None
    return package.xml(name)


def custom_property(
    package: Package, name: str | None, wanted: str = _embedded.PROPERTY
) -> str | None:
    """The custom property ``wanted`` (ours, :data:`~govinfo_report._embedded.PROPERTY`,
    by default) in the custom properties part ``name``, or ``None`` if it is not there."""
    root = optional_xml(package, name)
    if root is None:
        return None
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == wanted:
            for value in prop:
                return value.text or ""
    return None


__all__ = ["by_type", "custom_property", "optional_xml", "relationships", "rels_of", "resolve"]
