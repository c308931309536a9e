"""The grade a question asks about against the grades real passages state something for: the
2018 programme's period tables (grade columns, blank cells where a subject is not taught) and a
Hanoi fee schedule whose rows name their grade ('Khối 5')."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from assistant.copies import Passage, passage_from_payload
from assistant.grades import grade_missing, grades_in, stated_grades
from eval.sets import set_corpus
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS, needs_set_corpus

pytestmark = [pytest.mark.unit, needs_set_corpus("recent")]
PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"
FEES = set_corpus("recent") / "hanoi-nq58-2025.txt"


@lru_cache(maxsize=4)
def passages(path: Path) -> tuple[Passage, ...]:
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return tuple(passage_from_payload(c.id, 1.0, c.as_payload()) for c in chunks)


def row(path: Path, *words: str) -> Passage:
    """The first table row holding every word (what a search would rank first)."""
    found = [p for p in passages(path) if "|" in p.text and all(w in p.text for w in words)]
    assert found, f"{path.name} has no row with {words}"
    return found[0]


def test_grades_named_in_either_language():
    assert grades_in("Học sinh lớp 1 học môn Tin học bao nhiêu tiết?") == {1}
    assert grades_in("hoc phi khoi 6 va khoi 7") == {6, 7}
    assert grades_in("What is the monthly tuition for Grade 6?") == {6}
    assert grades_in("Tuyển sinh lớp 10 năm 2024") == {10}
    assert grades_in("Kế hoạch năm học 2024-2025 số 15") == set()


def test_a_period_table_row_states_only_its_filled_grades():
    informatics = row(PROGRAMME, "Tin học và Công nghệ", "Lớp 1")
    assert stated_grades(informatics) == {3, 4, 5}
    assert grade_missing("Học sinh lớp 1 học Tin học và Công nghệ bao nhiêu tiết mỗi năm?", [informatics], 5)
    assert not grade_missing(
        "Học sinh lớp 4 học Tin học và Công nghệ bao nhiêu tiết mỗi năm?", [informatics], 5
    )


def test_a_fee_row_names_its_grade():
    fifth = [p for p in passages(FEES) if "Khối 5" in p.text]
    assert fifth and all(5 in (stated_grades(p) or set()) for p in fifth)
    assert grade_missing("What is the monthly tuition for Grade 6 at this primary school?", fifth, 5)
    assert not grade_missing("What is the monthly tuition for Grade 5 at this primary school?", fifth, 5)


def test_passages_naming_no_grade_decide_nothing():
    duration = [p for p in passages(PROGRAMME) if "mỗi tiết học 35 phút" in p.text]
    assert duration and all(stated_grades(p) is None for p in duration)
    assert not grade_missing("Mỗi tiết học của học sinh lớp 2 dài bao nhiêu phút?", duration, 5)
    assert not grade_missing("Mỗi tiết học dài bao nhiêu phút?", duration, 5)
