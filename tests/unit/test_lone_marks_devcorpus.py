"""A bullet mark alone on its line ('-', then the item's text on the next line) opens that item,
read from documents CI has: a ministry letter of the development corpus whose saved page puts
some of its '-' on lines of their own, and a Prime Minister's dispatch whose table holds '-' as
an empty cell between figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunks import parse_document
from ingest.lines import join_lone_marks
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
LETTER = DEVCORPUS / "distractors" / "6225_BVHTTDL-VP__987cadc82373c854.txt"
DISPATCH = DEVCORPUS / "distractors" / "220_CĐ-TTg__344b9eec106a648a.txt"


def _lines(path: Path) -> list[str]:
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    return path.read_text(encoding="utf-8").split("\n")


def _item(path: Path, section: list[str]):
    chunks = parse_document(path.name, "\n".join(_lines(path))).chunks
    return next(c for c in chunks if c.section == section)


def test_the_document_writes_a_mark_alone_before_its_bullet():
    lines = _lines(LETTER)
    at = next(i for i, line in enumerate(lines) if line.startswith("Nghiêm túc thực hiện chế độ báo cáo"))
    assert lines[at - 1].strip() == "-"
    joined = join_lone_marks(lines)
    assert joined[at - 1] == "" and joined[at].startswith("- Nghiêm túc thực hiện chế độ báo cáo")
    assert len(joined) == len(lines)  # line numbers hold


def test_each_bullet_of_an_item_starts_its_own_line():
    item = _item(LETTER, ["1"])
    bullets = [line for line in item.text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3
    assert bullets[1].startswith("- Quyết tâm cao hơn, hành động quyết liệt hơn")
    assert bullets[1].endswith("gắn với kiểm tra, giám sát.")  # the next bullet is not run into it
    assert bullets[2].startswith("- Nghiêm túc thực hiện chế độ báo cáo theo Quy chế")


def test_an_item_whose_only_bullet_stands_on_a_lone_mark_keeps_it_as_a_bullet():
    item = _item(LETTER, ["3"])
    lines = item.text.splitlines()
    assert lines[0] == "3. Vụ Tổ chức cán bộ"
    assert lines[1].startswith("- Quán triệt, hướng dẫn các cơ quan, đơn vị")


def test_a_mark_between_figures_is_an_empty_cell_and_stays():
    lines = _lines(DISPATCH)
    at = next(
        i for i, line in enumerate(lines) if line == "Bộ Văn hóa, Thể thao và Du lịch" and lines[i + 2] == "-"
    )
    cells = lines[at + 1 : at + 5]
    assert cells == ["70", "-", "70", "66"]  # a ministry's row of figures, its second cell empty
    assert join_lone_marks(lines)[at + 1 : at + 5] == cells
