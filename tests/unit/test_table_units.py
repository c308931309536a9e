"""A table's unit stated once above its header ('Đơn vị tính: …') is kept with every row it
heads, read from real documents: the recent set's fee resolutions and devcorpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.listed_items import asked_items, listed_items
from assistant.table_rows import row_answer
from eval.sets import set_corpus
from ingest.chunks import parse_document
from ingest.table_units import unit_above, unit_of
from tests.conftest import DEVCORPUS, needs_set_corpus

pytestmark = needs_set_corpus("recent")

RECENT = set_corpus("recent")


def _rows(path: Path) -> list:
    parsed = parse_document(path.name, path.read_text(encoding="utf-8"))
    return [c for c in parsed.chunks if "columns" in (c.extra or {})]


@pytest.mark.parametrize(
    ("path", "unit", "least"),
    [
        (RECENT / "hue-nq36-2025.txt", "1.000 đồng/trẻ,học sinh/tháng", 3),
        (RECENT / "vinhlong-nq20-2025.txt", "Nghìn đồng/người học/tháng", 2),  # wrapped; rows 1 and 2
        (RECENT / "hanoi-nq58-2025.txt", "Đồng/học sinh/tháng", 50),  # '*Đơn vị: Đồng/học' / 'sinh/tháng*'
        (DEVCORPUS / "distractors" / "78_2025_NQ-HĐND__d2ab0055765c27e8.txt", "Triệu đồng", 10),
    ],
)
def test_every_row_of_a_table_keeps_the_unit_stated_above_it(path, unit, least):
    units = [c.extra.get("unit") for c in _rows(path)]
    assert units.count(unit) >= least


def test_a_table_with_no_unit_line_has_none():
    path = DEVCORPUS / "directives"
    rows = [r for p in sorted(path.glob("*.txt"))[:20] for r in _rows(p)]
    lines = {p.name: p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))[:20]}
    without = [r for r in rows if "Đơn vị" not in lines[r.source] and "ĐVT" not in lines[r.source]]
    assert without and not any(r.extra.get("unit") for r in without)


def test_a_line_naming_an_organisation_is_no_unit():
    assert unit_of("Đơn vị: Sở Giáo dục và Đào tạo") == ""
    assert unit_of("**(ĐVT: đồng)**") == "đồng"
    assert unit_above(["Đơn vị tính: Triệu đồng", "", "**STT**"], 2) == "Triệu đồng"


def test_a_bare_figure_under_a_unit_of_money_answers_in_the_asked_level_column():
    row = next(
        c for c in _rows(RECENT / "hue-nq36-2025.txt") if c.text.split("\n")[1].startswith("Nông thôn")
    )
    answer = row_answer(
        "money", row.text, row.extra["columns"], "", "học phí tiểu học ở nông thôn", row.extra["unit"]
    )
    assert answer is not None and answer.value == "140" and answer.column == "Tiểu học"
    assert answer.line() == "Tiểu học: 140 × 1.000 đồng/trẻ,học sinh/tháng; Địa bàn: Nông thôn"
    upper = row_answer("money", row.text, row.extra["columns"], "", "high school tuition", row.extra["unit"])
    assert upper is not None and upper.value == "115"  # 'high school': the THPT column
    assert (
        row_answer("money", row.text, row.extra["columns"], "", "học phí tiểu học") is None
    )  # no unit: no amount


def test_the_item_listing_the_asked_kind_is_read_line_by_line():
    path = RECENT / "dongnai-kh182-2025.txt"
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    question = "Công an tỉnh triển khai những dự án nào?"
    assert asked_items(question) == "du an" and asked_items("Which projects does the police run?") == "du an"
    listing = [c for c in chunks if listed_items(question, c.text)]
    assert len(listing) == 1
    items = listed_items(question, listing[0].text)
    assert len(items) == 6 and items[0].startswith("Dự án 1") and items[-1].startswith("Dự án 9")
    assert listed_items("Công an tỉnh có nhiệm vụ gì?", listing[0].text) == []  # no kind of item asked


def test_where_the_money_comes_from_asks_a_source_not_a_place():
    from assistant.question_kind import asked_kind

    assert asked_kind("Where does the money for the school meals come from?") != "place"
    assert asked_kind("Where is the exam held?") == "place"
