"""The notes under a table flattened one cell per line ('[1] Ban Chỉ đạo …') are no cells of its
last row: read from a ministry letter of the development corpus whose annex, a table of tasks,
ends with the note its text's '934[1]' points to."""

from __future__ import annotations

import pytest

from ingest.chunks import parse_document
from ingest.tables import find_tables
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
LETTER = DEVCORPUS / "distractors" / "6225_BVHTTDL-VP__987cadc82373c854.txt"


def _lines() -> list[str]:
    if not LETTER.exists():
        pytest.skip(f"development corpus not found ({LETTER})")
    return LETTER.read_text(encoding="utf-8").split("\n")


def test_the_table_ends_before_its_note():
    lines = _lines()
    note = lines.index("[1] Ban")
    assert lines[note - 1] == "31/12/2025"  # the last row's deadline, right above the note
    annex = find_tables(lines)[-1]
    assert annex.end == note
    assert [row.label for row in annex.rows] == [str(n) for n in range(1, 11)]
    assert annex.rows[-1].cells[-1] == "31/12/2025"


def test_the_note_is_no_row_text_and_stays_in_the_document():
    chunks = parse_document(LETTER.name, "\n".join(_lines())).chunks
    rows = [c for c in chunks if (c.extra or {}).get("columns")]
    assert len(rows) == 10 and not any("[1]" in c.text for c in rows)
    assert rows[-1].text.endswith("| 31/12/2025")
    noted = [c for c in chunks if "[1] Ban Chỉ đạo của Bộ Văn hóa, Thể thao và Du lịch" in c.text]
    assert len(noted) == 1 and noted[0].section == ["Phụ lục"]
