"""Metadata a saved web page states outright: a 'Số hiệu | 43/2019/QH14' table, a front matter."""

from __future__ import annotations

import re

from ingest.dates import any_date
from ingest.header.lines import strip_marks
from ingest.text import fold_accents

FIELDS = {"so hieu": "number", "loai van ban": "type", "noi ban hanh": "issuer", "co quan ban hanh": "issuer",
          "nguoi ky": "signer", "ngay ban hanh": "date"}  # fmt: skip
_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|?\s*$")


def metadata_table(lines: list[str], limit: int = 60) -> dict[str, str]:
    """Fields of a two-column key/value table near the top ('| **Số hiệu** | 43/2019/QH14')."""
    found: dict[str, str] = {}
    for line in lines[:limit]:
        m = _ROW.match(line.strip())
        if not m:
            continue
        key = fold_accents(strip_marks(m.group(1))).strip(" :")
        value = strip_marks(m.group(2))
        if key in FIELDS and value:
            name = FIELDS[key]
            found[name] = any_date(value) if name == "date" else value
    return {k: v for k, v in found.items() if v}


def front_matter_title(lines: list[str]) -> str | None:
    """`title:` of a YAML front matter ('---' … '---') at the very top."""
    if not lines or lines[0].strip() != "---":
        return None
    for line in lines[1:30]:
        if line.strip() == "---":
            return None
        if line.lower().startswith("title:"):
            return line.split(":", 1)[1].strip().strip("\"'") or None
    return None
