"""Acronyms a real document defines, learned through ingest in the forms documents write them: the
Bộ VHTTDL's letter defines 'Bộ Văn hóa, Thể thao và Du lịch (VHTTDL)', and a question writing
'VHTT&DL' is searched with the ministry's full name."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, service_with

LETTER = ROOT / "eval" / "corpora" / "fresh" / "bvhttdl-cv6386-2025.txt"


@pytest.fixture(scope="module")
def letter_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("acronym-forms"), [LETTER]) as service:
        yield service


def test_ingest_learns_the_and_form_of_a_defined_acronym(letter_service):
    from assistant.query import acronym_table

    table = acronym_table(letter_service.profile.acronyms)
    assert table["vhttdl"] == table["vhtt&dl"] == "van hoa, the thao va du lich"


def test_a_question_writing_the_and_form_finds_the_ministrys_letter(letter_service):
    from assistant.query import analyse
    from assistant.search import search

    analysis = analyse(
        "Bộ VHTT&DL yêu cầu các cơ sở đào tạo báo cáo kết quả trước ngày nào?", letter_service.profile
    )
    concept = next(c for c in analysis.concepts if c.name == "vhtt&dl")
    assert "van hoa, the thao va du lich" in concept.phrases
    passages = search(letter_service.index, analysis, limit=5)
    assert passages and all(p.source == LETTER.name for p in passages[:3])
