"""Acronyms the documents define, learned in every form the documents write them: whole, with
'&' for 'và', parted by a hyphen or a dot, or broken over a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.query import acronym_table, analyse
from ingest.acronyms import mine_acronyms, written_forms

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bacgiang-kh-nhiemvu-namhoc-2023-2024.txt"  # defines "(GDĐT)"


def _definition_line() -> str:
    return next(line for line in SEED.read_text(encoding="utf-8").splitlines() if "(GDĐT)" in line)


def test_a_whole_definition_is_also_known_by_its_and_form():
    mined = mine_acronyms(SEED.read_text(encoding="utf-8"))
    assert mined["GDĐT"] == mined["GD&ĐT"] == "giáo dục và đào tạo"


@pytest.mark.parametrize("written", ["GD&ĐT", "GD-ĐT", "GD.ĐT", "GD\nĐT"])
def test_a_definition_written_in_parts_is_learned_like_a_whole_one(written):
    line = _definition_line().replace("(GDĐT)", f"({written})")
    mined = mine_acronyms(line)
    assert mined["GDĐT"] == "giáo dục và đào tạo"


def test_a_list_in_brackets_is_no_acronym():
    text = "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KHCN,\nĐMST, CĐS)"
    assert mine_acronyms(text) == {}


def test_written_forms_put_and_where_the_long_form_says_va():
    assert written_forms("VHTTDL", "văn hóa, thể thao và du lịch") == ["VHTT&DL", "VHTTDL"]
    assert written_forms("GDTX", "giáo dục thường xuyên") == ["GDTX"]


def test_a_question_writing_the_and_form_is_expanded_to_the_long_form():
    assert acronym_table()["gd&dt"] == "giao duc va dao tao"
    analysis = analyse("Sở GD&ĐT giao những nhiệm vụ gì cho các trường?")
    concept = next(c for c in analysis.concepts if c.name == "gd&dt")
    assert "giao duc va dao tao" in concept.phrases
