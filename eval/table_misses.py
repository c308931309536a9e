"""Tables misread, as ingest's table reader reads them: a header holding a group of rows, a
header on two rows, cells after the closing 'Ghi chú' (eval/structure_misses.py counts them over a
folder)."""

from __future__ import annotations

import re
from collections import Counter

from ingest.tables import Table
from ingest.text import fold_accents

_GROUP_NUMBER = re.compile(r"^(?:[A-H]|[IVX]{1,5})\.?$|^(?:[A-H]|[IVX]{1,5})\.\s+[^\W\d_]")
_COUNT = re.compile(r"\(\s*\d{1,3}\s+[^\W\d_]+\s*\)$|:\s*\d{1,3}\s+[^\W\d_]+$")


def capitals(text: str) -> bool:
    letters = [c for c in text.partition("(")[0] if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def header_groups(columns: list[str]) -> list[str]:
    """Header cells that are really a group of rows."""
    words = [c for c in columns[1:] if sum(ch.isalpha() for ch in c) >= 6]
    capital_header = bool(words) and capitals(words[0])
    found = []
    for k, cell in enumerate(columns[2:], start=2):
        text = cell.strip("* ")
        following = columns[k + 1].strip("* ") if k + 1 < len(columns) else ""
        numbered = _GROUP_NUMBER.match(text) and (len(following.split()) >= 2 or " " in text)
        if numbered or _COUNT.search(text) or (capitals(text) and not capital_header):
            found.append(cell)
    return found


def count_table(table: Table, shown: str, counts: Counter, examples: dict[str, list[str]]) -> None:
    counts["tables"] += 1
    counts["rows"] += len(table.rows)
    if header_groups(table.columns):
        counts["header_group"] += 1
        counts["ungrouped_rows"] += len(table.rows)
        examples["header_group"].append(shown)
    if any(" › " in c for c in table.columns):
        counts["two_level"] += 1
        examples["two_level"].append(shown)
    notes = [k for k, c in enumerate(table.columns) if fold_accents(c.strip("* ")).startswith("ghi chu")]
    if notes and notes[0] < len(table.columns) - 1:
        counts["second_row_left"] += 1
        examples["second_row_left"].append(shown)
