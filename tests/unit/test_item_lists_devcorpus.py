"""The points of an item that lists, read from documents CI has: a ministry letter whose items
put their tasks as '-' points under a heading, a resolution's long list of recipients, the 2018
programme's lists written inline after a colon; and what counts as a count (not an article's
number a sentence refers to)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant.item_lists import inline_points, item_list, listing_quote
from assistant.lead_choice import counts
from assistant.sentences import split_sentences
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS
from tests.listing_checks import assert_counted_whole

pytestmark = pytest.mark.unit
LETTER = DEVCORPUS / "distractors" / "6278_BVHTTDL-VP__7f6efa59099bb33b.txt"
FEES = DEVCORPUS / "directives" / "hanoi-nq60-2025.txt"
PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"


@cache
def _chunks(path: Path) -> tuple:
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    return tuple(parse_document(path.name, path.read_text(encoding="utf-8")).chunks)


def _chunk(path: Path, section: list[str]):
    return next(c for c in _chunks(path) if c.section == section)


def test_points_under_an_items_own_heading_are_its_list():
    listed = item_list(_chunk(LETTER, ["8"]).text)
    assert listed is not None and listed.head == "8. Các đơn vị có TTHC"
    source = LETTER.read_text(encoding="utf-8")
    section = source[source.index("**8. Các\n") :].split("Nơi nhận")[0]  # the heading wraps
    assert len(listed.points) == 5 == section.count("\n- ")
    assert listed.points[0].startswith("Thực hiện nghiêm túc việc lấy")
    quote = listing_quote(listed, "vi")
    assert quote.count("\n- ") == 5


def test_a_long_list_is_counted_whole_and_says_how_many_are_not_shown():
    recipients = next(c for c in _chunks(FEES) if c.text.startswith("Nơi nhận:"))
    listed = item_list(recipients.text)
    assert listed is not None and listed.points[:2] == ["Ủy ban Thường vụ Quốc hội;", "Chính phủ;"]
    assert_counted_whole(listed)


def test_a_clause_with_a_colon_but_no_points_lists_nothing():
    budget = DEVCORPUS / "directives" / "vinhlong-nq22-2025.txt"
    clause = _chunk(budget, ["Điều 2", "5"])
    assert ": Mức chi bằng 80%" in clause.text
    assert item_list(clause.text) is None


def test_a_count_is_a_number_of_something_not_an_articles_number():
    approval = _chunk(DEVCORPUS / "directives" / "nghean-qd3760-2025.txt", ["Điều 1"]).text
    assert "05 quy trình nội bộ" in approval and counts(approval)
    publish = split_sentences(_chunk(DEVCORPUS / "directives" / "camau-qd1814-2025.txt", ["Điều 2"]).text)
    reference = next(s for s in publish if "nêu tại Điều 1" in s)
    assert not counts(reference)
    assert counts(next(s for s in publish if "03 ngày làm việc" in s))


def test_points_written_inline_after_a_colon_are_counted():
    qualities = next(
        s for s in split_sentences(_chunk(PROGRAMME, ["III", "1"]).text) if "phẩm chất chủ yếu" in s
    )
    assert inline_points(qualities) == ["yêu nước", "nhân ái", "chăm chỉ", "trung thực", "trách nhiệm"]
    groups = split_sentences(_chunk(PROGRAMME, ["IV", "2", "2.1"]).text)
    sciences = next(s for s in groups if "Nhóm môn khoa học tự nhiên:" in s)
    assert inline_points(sciences) == ["Vật lí", "Hoá học", "Sinh học"]
    assert inline_points("Thời gian: từ ngày 01/9, trong 02 tuần, không quá 9 tháng") == []
