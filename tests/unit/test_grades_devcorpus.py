"""The grade a question asks about against the grades real passages state something for, on the
2018 programme's period tables (columns 'Lớp 1' … 'Lớp 9', a blank cell where a subject is not
taught in that grade): a row states only its filled grades; a passage naming no grade decides
nothing."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.copies import Passage, passage_from_payload
from assistant.grades import grade_missing, grades_in, stated_grades
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"


@cache
def passages() -> tuple[Passage, ...]:
    if not PROGRAMME.exists():
        pytest.skip(f"development corpus not found ({PROGRAMME})")
    chunks = parse_document(PROGRAMME.name, PROGRAMME.read_text(encoding="utf-8")).chunks
    return tuple(passage_from_payload(c.id, 1.0, c.as_payload()) for c in chunks)


def row(level: str, subject: str) -> Passage:
    """The row of a compulsory `subject` in the period table of one level (section IV.1.<level>)."""
    found = [
        p for p in passages() if p.section[:3] == ["IV", "1", level] and f"bắt buộc › {subject} |" in p.text
    ]
    assert len(found) == 1, f"no single {subject} row under IV.1.{level}"
    return found[0]


def test_grades_named_in_either_language():
    assert grades_in("Học sinh lớp 4 học môn Lịch sử và Địa lí bao nhiêu tiết?") == {4}
    assert grades_in("so tiet mon Toan lop 6 va lop 7") == {6, 7}
    assert grades_in("How many periods of History and Geography do Grade 3 pupils have?") == {3}
    assert grades_in("Chương trình giáo dục phổ thông 2018 có mấy môn?") == set()


def test_a_period_table_row_states_only_its_filled_grades():
    history = row("1.1", "Lịch sử và Địa lí")
    assert history.text.split("\n")[-1].endswith("| | | | 70 | 70")  # taught in grades 4 and 5 only
    assert stated_grades(history) == {4, 5}
    assert grade_missing("Học sinh lớp 3 học Lịch sử và Địa lí bao nhiêu tiết mỗi năm?", [history], 5)
    assert not grade_missing("Học sinh lớp 5 học Lịch sử và Địa lí bao nhiêu tiết mỗi năm?", [history], 5)


def test_an_optional_subject_row_of_the_first_grades():
    compulsory = row("1.1", "Ngoại ngữ 1")
    assert stated_grades(compulsory) == {3, 4, 5}
    elective = [p for p in passages() if "Môn học tự chọn › Ngoại ngữ 1" in p.text]
    assert len(elective) == 1 and stated_grades(elective[0]) == {1, 2}
    assert grade_missing("How many periods of foreign language do Grade 4 pupils have?", elective, 5)


def test_a_lower_secondary_row_states_grades_six_to_nine():
    technology = row("1.2", "Công nghệ")
    assert stated_grades(technology) == {6, 7, 8, 9}
    assert not grade_missing("Học sinh lớp 8 học Công nghệ bao nhiêu tiết?", [technology], 5)
    assert grade_missing("Học sinh lớp 4 học Công nghệ bao nhiêu tiết?", [technology], 5)


def test_passages_naming_no_grade_decide_nothing():
    duration = [p for p in passages() if "mỗi tiết học 35 phút" in p.text]
    assert duration and all(stated_grades(p) is None for p in duration)
    assert not grade_missing("Mỗi tiết học của học sinh lớp 2 dài bao nhiêu phút?", duration, 5)
