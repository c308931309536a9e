"""A provincial plan of the development corpus read clean and as an OCR-like copy (eval.ocr_noise):
the OCR copy's numbered tasks are those of the clean copy, and the task table keeps a row per
task where the copy lost some group rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.ocr_noise import Noise, ocr_copy, strip_marks
from eval.sets import devcorpus_root
from ingest.levels import match_label
from ingest.lines import clean_line
from ingest.pipeline import parse_file
from ingest.structure import parse_structure
from ingest.tables import find_tables
from ingest.task_tree import walk

pytestmark = pytest.mark.unit
PLAN = "distractors/980_KH-UBND__c5d930a5fc8373cd.txt"


@pytest.fixture(scope="module")
def plan_text() -> str:
    path = devcorpus_root() / PLAN
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    return path.read_text(encoding="utf-8")


def _sections(path: Path) -> list[tuple[str, ...]]:
    parsed = parse_file(path, path.parent, 512)
    return [tuple(c.section) for c in parsed.chunks if c.section]


def test_ocr_copy_is_seeded_and_noisy(plan_text):
    copy = ocr_copy(plan_text, seed=3)
    assert copy == ocr_copy(plan_text, seed=3) and copy != ocr_copy(plan_text, seed=4)
    assert "**" not in copy and max(len(line) for line in copy.splitlines()) <= Noise().width + 12
    words = copy.split()
    assert 0.2 < sum(w == strip_marks(w) for w in words) / len(words) < 0.95
    assert any(
        line.startswith(("|.", "l.", "Il.", "11.", "lII.", "Ill.", "TV.")) for line in copy.splitlines()
    )


@pytest.mark.parametrize("seed", [0, 7, 11])
def test_ocr_copy_has_the_clean_copys_tasks(plan_text, tmp_path, seed):
    clean, ocr = tmp_path / "clean.txt", tmp_path / "scan.txt"
    clean.write_text(plan_text, encoding="utf-8")
    ocr.write_text(ocr_copy(plan_text, seed=seed), encoding="utf-8")
    body = [s for s in _sections(clean) if s[0] in ("I", "II", "III", "IV")]
    assert body[:2] == [("I", "1"), ("I", "2")] and ("IV", "5") in body
    assert [s for s in _sections(ocr) if s[0] in ("I", "II", "III", "IV")] == body


@pytest.mark.parametrize(
    ("lines", "path"),
    [(["I. MỤC TIÊU", "l. Mục đích", "Xác định phạm vi."], ["I", "1"]),
     (["II. NỘI DUNG", "I. Kiện toàn và hoàn thiện cơ chế."], ["II", "1"]),
     (["I. MỤC TIÊU", "1. Rà soát.", "II. NHIỆM VỤ", "1. Diễn tập.", "III. KINH PHÍ", "1. Ngân sách.",
       "TV. TỔ CHỨC THỰC HIỆN", "1. Các sở."], ["IV", "1"])],
)  # fmt: skip
def test_ocr_misread_labels(lines, path):
    nodes = [node.path for node in walk(parse_structure(lines))]
    assert path in nodes


def test_a_sentence_case_roman_one_stays_roman_outside_a_roman_part():
    nodes = [node.path for node in walk(parse_structure(["I. Mục tiêu chung", "1. Nâng cao chất lượng."]))]
    assert ["I", "1"] not in nodes and ["1"] in nodes
    assert match_label(clean_line("TV. TỔ CHỨC THỰC HIỆN")).label == "IV"


def test_task_table_rows_after_a_lost_group_heading(plan_text):
    lines = plan_text.splitlines()
    tables = find_tables(lines)
    rows = [row for table in tables for row in table.rows]
    labels = [row.label for row in rows]
    assert {"VII", "VII.1", "VII.2", "VIII", "VIII.1", "VIII.2"} <= set(labels)
    hotline = [row for row in rows if any("Tổng đài 112" in cell for cell in row.cells)]
    assert len(hotline) == 1 and hotline[0].cells[0] == "3"
    assert "Bộ CHQS tỉnh" in hotline[0].cells and not any("Diễn tập" in c for c in hotline[0].cells)
