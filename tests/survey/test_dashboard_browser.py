"""The dashboard looked at in a real browser: headless Chromium takes a screenshot.

The survey is realistic (300 documents over 60 agencies and three years, some
unreadable, real finding codes) and generated from a fixed seed. The test skips when
Chromium is not installed; it checks that the screenshot exists and is not blank.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from govinfo_report._agency import agency_key
from govinfo_report.catalog import CATALOG, CHECK_CATALOG
from govinfo_report.survey._columns import BASE_COLUMNS
from govinfo_report.survey._dashboard import write_dashboard

# reports.csv's columns before the rule columns, as the survey writes them.
COLUMNS = list(BASE_COLUMNS)

_PLACES = (
    "温州市洞头区",
    "杭州市西湖区",
    "宁波市鄞州区",
    "绍兴市柯桥区",
    "嘉兴市南湖区",
    "台州市路桥区",
)
_BODIES = (
    ("人民政府", "government"),
    ("教育局", "department"),
    ("民政局", "department"),
    ("自然资源和规划局", "department"),
    ("住房和城乡建设局", "department"),
    ("市场监督管理局", "department"),
    ("卫生健康局", "department"),
    ("交通运输局", "department"),
    ("生态环境分局", "department"),
    ("北岙街道办事处", "township"),
)
_SUFFIXES = ("docx", "pdf", "html", "json", "md", "txt")
_REASONS = (
    "not a report: no statistics table (Table 3) was found",
    "the PDF has no text layer (a scanned image); OCR it first",
    "the file is encrypted",
    "corrupt DOCX: not a zip archive",
)


def _rate(part: int | None, whole: int | None) -> str:
    if part is None or whole is None or whole < 30:
        return ""
    return f"{part / whole:.4f}"


def write_sample_survey(folder: Path, seed: int = 10) -> None:
    """A survey's reports.csv and findings.jsonl: 300 documents, 60 agencies, 2021-2023."""
    rng = random.Random(seed)
    codes = list(CHECK_CATALOG)
    weighted = [
        c for c in CATALOG for _ in range(6 if c in ("B.1", "TX.1", "R.CELL", "T3.2") else 1)
    ]
    agencies = [f"{place}{body}" for place in _PLACES for body, _ in _BODIES]
    kinds = {f"{place}{body}": kind for place in _PLACES for body, kind in _BODIES}
    slots = [(a, y) for a in agencies for y in (2021, 2022, 2023)]
    files = [(a, y, rng.choice(_SUFFIXES)) for a, y in slots if rng.random() < 0.93]
    while len(files) < 300:
        a, y = rng.choice(slots)
        files.append((a, y, rng.choice(_SUFFIXES)))
    files = files[:300]
    base = {a: rng.choice((8, 20, 45, 120, 400, 1500)) for a in agencies}
    rows, findings = [], []
    for n, (agency, year, suffix) in enumerate(files):
        place = next(p for p in _PLACES if agency.startswith(p))
        file = f"{place}/{year}/{agency}{year}年政府信息公开工作年度报告-{n:03d}.{suffix}"
        row = dict.fromkeys(COLUMNS, "")
        row.update(file=file, sha256=f"{rng.getrandbits(256):064x}", year=str(year))
        if rng.random() < 0.05:
            row.update(status="unreadable", reason=rng.choice(_REASONS), year="")
            rows.append(row)
            continue
        scale = base[agency] * (1 + 0.15 * (year - 2021)) * rng.uniform(0.8, 1.2)
        new = int(scale)
        carried = int(new * rng.uniform(0, 0.1))
        outcomes = new + carried - int(new * 0.05)
        disclosed = int(outcomes * rng.uniform(0.3, 0.7))
        partial = int(outcomes * rng.uniform(0.05, 0.2))
        review = int(new * rng.uniform(0.01, 0.08))
        corrected = int(review * rng.uniform(0, 0.3))
        lawsuits = int(new * rng.uniform(0.01, 0.05))
        sued_corrected = int(lawsuits * rng.uniform(0, 0.2))
        figures: dict[str, int | None] = {
            "new_received": new,
            "carried_over": carried,
            "total_outcomes": outcomes,
            "disclosed": disclosed,
            "partially_disclosed": partial,
            "carried_forward": new + carried - outcomes,
            "review_total": review,
            "review_corrected": corrected,
            "litigation_total": lawsuits,
            "litigation_corrected": sued_corrected,
        }
        if rng.random() < 0.06:
            figures["partially_disclosed"] = None
        if rng.random() < 0.04:
            figures["review_total"] = None
        mine = [rng.choice(weighted) for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8, 13)))]
        counts = {"error": 0, "warning": 0, "notice": 0}
        for code in mine:
            info = CATALOG[code]
            status = "uncertain" if rng.random() < 0.3 else "fail"
            severity = info.severity.value
            if status == "uncertain":
                severity = {"error": "warning", "warning": "notice"}.get(severity, "notice")
            counts[severity] += 1
            findings.append(
                {
                    "code": code,
                    "severity": severity,
                    "status": status,
                    "message_zh": f"{info.title_zh}（第 {n} 份）",
                    "message_en": info.title_en,
                    "paths": [],
                    "reported": None,
                    "computed": None,
                    "difference": None,
                    "file": file,
                }
            )
        stated = 90 if year >= 2021 else 84
        row.update(
            agency=agency,
            agency_key=agency_key(agency),
            agency_kind=kinds[agency],
            format="2021",
            status="errors" if counts["error"] else "ok",
            cells_read=str(stated - rng.choice((0, 0, 0, 2, 7))),
            cells_stated=str(stated),
            errors=str(counts["error"]),
            warnings=str(counts["warning"]),
            notices=str(counts["notice"]),
            fee_amount=rng.choice(("0", "", "0.02")),
            substantive_disclosure_rate=_rate(
                None if figures["partially_disclosed"] is None else disclosed + partial, outcomes
            ),
            review_correction_rate=_rate(corrected, figures["review_total"]),
        )
        row.update({k: "" if v is None else str(v) for k, v in figures.items()})
        for code in codes:
            row[f"rule:{code}"] = "fail" if code in mine else rng.choice(("pass", "pass", "n/a"))
        rows.append(row)
    rows.sort(key=lambda r: r["file"])
    with (folder / "reports.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*COLUMNS, *(f"rule:{c}" for c in codes)])
        writer.writeheader()
        writer.writerows(rows)
    findings.sort(key=lambda f: (f["file"], f["code"]))
    with (folder / "findings.jsonl").open("w", encoding="utf-8") as handle:
        for finding in findings:
            handle.write(json.dumps(finding, ensure_ascii=False) + "\n")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page: Path, png: Path, size: str = "1280,2400") -> None:
    """Take a screenshot of ``page`` with headless Chromium (which must be installed)."""
    browser = _chromium()
    assert browser is not None
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={png}",
            f"--window-size={size}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed")
def test_the_dashboard_renders_in_chromium(tmp_path: Path) -> None:
    write_sample_survey(tmp_path)
    page = write_dashboard(tmp_path)
    png = tmp_path / "dashboard.png"
    screenshot(page, png)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    colours = _colours(data)
    [(_, most)] = colours.most_common(1)
    assert len(colours) > 16  # text, bars in several colours, hatching: not blank
    assert most < 0.97 * colours.total()  # more than a few specks on a blank page


def _colours(png: bytes) -> Counter[bytes]:
    """How many pixels of each colour an 8-bit, non-interlaced RGB(A) PNG has (stdlib only)."""
    pos, chunks = 8, []
    width = height = channels = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, interlace) == (8, 0), (depth, interlace)
            assert colour in (2, 6), colour  # RGB or RGBA, as Chromium writes
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    colours: Counter[bytes] = Counter()
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        colours.update(bytes(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return colours


def _unfilter(kind: int, line: bytearray, up: bytearray, bpp: int) -> bytearray:
    """One scanline with PNG filter ``kind`` undone (RFC 2083, section 6)."""
    if kind == 2:
        return bytearray((a + b) & 0xFF for a, b in zip(line, up, strict=True))
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up[i]) // 2) & 0xFF
        elif kind == 4:
            corner = up[i - bpp] if i >= bpp else 0
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            line[i] = (
                line[i] + (left if pa <= pb and pa <= pc else up[i] if pb <= pc else corner)
            ) & 0xFF
    return line
