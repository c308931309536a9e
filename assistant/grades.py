"""The grade a question asks about ('lớp 1', 'khối 6', 'Grade 3') against the grades the best
passages state something for. Vietnamese directives give per-grade figures in two shapes: a
table whose columns name the grades ('Số tiết/năm học Lớp 1 | … | Lớp 5'), where a blank cell
says the grade has none, and rows or items that name their grade ('Khối 5 | 4.650.000'). When
the best passages speak grade by grade and none states anything for the asked grade, the asked
figure is not there: a figure for another grade is not its answer. Passages that name no grade
say nothing either way (a rule for every grade of a level does not name them)."""

from __future__ import annotations

import re

from assistant.search import Passage
from ingest.text import fold_accents

_GRADE = re.compile(r"\b(?:lop|khoi|grade)\s+(\d{1,2})\b")
_CELLS = re.compile(r"\s*\|\s*")
HIGHEST_GRADE = 12


def grades_in(text: str) -> set[int]:
    """The grades (1–12) the text names ('lớp 1', 'khối 6', 'grade 3'), accents folded."""
    found = {int(n) for n in _GRADE.findall(fold_accents(text).lower())}
    return {g for g in found if 1 <= g <= HIGHEST_GRADE}


def _column_grades(passage: Passage) -> set[int] | None:
    """For a table row whose columns name grades: the grades whose cell is filled; else None."""
    lines = passage.text.split("\n")
    if len(lines) < 2 or "|" not in lines[0]:
        return None
    header, row = _CELLS.split(lines[0].strip(" |")), _CELLS.split(lines[1].strip(" "))
    named = [grades_in(cell) for cell in header]
    if len(header) != len(row) or not any(len(g) == 1 for g in named):
        return None
    return {next(iter(g)) for g, cell in zip(named, row, strict=True) if len(g) == 1 and cell.strip()}


def stated_grades(passage: Passage) -> set[int] | None:
    """The grades a passage states something for: a grade table row's filled cells, else the
    grades its headings and text name; None when it names no grade at all."""
    columns = _column_grades(passage)
    if columns is not None:
        return columns
    named = grades_in(f"{passage.section_title}\n{passage.payload.get('heading_path', '')}\n{passage.text}")
    return named or None


def grade_missing(question: str, fitting: list[Passage], depth: int) -> bool:
    """The question asks about a grade, some of the best `depth` passages speak grade by grade,
    and none of them states anything for an asked grade. Where some are rows of a table by
    grade, those rows decide: an item naming a span of grades ('từ lớp 1 đến lớp 9') states
    no figure for each."""
    asked = grades_in(question)
    if not asked:
        return False
    best = fitting[:depth]
    tables = [g for p in best if (g := _column_grades(p)) is not None]
    stated = tables or [g for p in best if (g := stated_grades(p)) is not None]
    return bool(stated) and not asked & set().union(*stated)
