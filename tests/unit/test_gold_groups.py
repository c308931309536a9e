"""Gold quotes resolved against chunk texts, and the leave-documents-out groups."""

from __future__ import annotations

import pytest

from eval.gold import fold_for_match, resolve_gold, resolve_quote
from eval.groups import GROUPS, by_group, document_group, question_group
from eval.sets import load_set, set_corpus
from tests.conftest import needs_set_corpus

pytestmark = pytest.mark.unit

CHUNKS = [
    {"id": "c1", "text": "1.1.1 | Bữa sáng | Đồng/học sinh/ngày | 20.000"},
    {"id": "c2", "text": "1.1.2\n**Bữa trưa**\n35.000"},
    {"id": "c3", "text": "Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện"},
    {"id": "c4", "text": "Nghị quyết. Giám sát việc thực hiện Nghị quyết."},
]


def test_fold_ignores_accents_case_spacing_and_marks():
    assert fold_for_match("**Bữa trưa**\n| 35.000") == fold_for_match("bua   TRUA 35.000")


def test_quote_found_across_layouts():
    assert resolve_quote("Bữa trưa 35.000", CHUNKS) == ["c2"]
    assert resolve_quote("Bua sang Dong/hoc sinh/ngay 20.000", CHUNKS) == ["c1"]


def test_quote_straddling_two_chunks_goes_to_the_larger_part():
    quote = "tổ chức triển khai thực hiện Nghị quyết. Giám sát"
    assert resolve_quote(quote, CHUNKS) == ["c3"]


def test_unplaceable_quote_never_matches_a_passage():
    ids = resolve_gold(
        [{"source": "a.txt", "quote": "không có ở đâu cả trong văn bản này"}], lambda s: CHUNKS
    )
    assert ids == ["unresolved:a.txt"]


def test_groups_are_by_document_and_stable():
    questions = load_set("devcorpus")
    groups = by_group(questions)
    assert set(groups) == set(GROUPS) and all(groups.values())
    for q in questions:  # every question sits with its document
        doc = q["gold"][0]["source"] if q["gold"] else q["near"]
        assert question_group(q) == document_group(doc)
    sources = {q["gold"][0]["source"] for q in groups["dev"] if q["gold"]}
    held = {q["gold"][0]["source"] for q in groups["held-out"] if q["gold"]}
    assert not sources & held
    assert document_group("distractors/any.txt") == document_group("distractors/any.txt")


def test_seed_questions_keep_their_documents_together():
    groups = by_group(load_set("seeds"), "seeds")
    for group, questions in groups.items():
        for q in questions:
            for g in q["gold"][:1]:
                assert document_group(g["source"], "seeds") == group


@needs_set_corpus("recent")
def test_a_quoted_lead_in_resolves_to_the_points_under_it():

    from ingest.chunks import parse_document

    path = set_corpus("recent") / "vinhlong-nq20-2025.txt"
    chunks = [c.as_payload() for c in parse_document(path.name, path.read_text(encoding="utf-8")).chunks]
    section = {c["id"]: c["section"] for c in chunks}
    found = resolve_quote("5. Nghị quyết này bãi bỏ các Nghị quyết:", chunks)
    assert [section[i] for i in found] == [["Điều 3", "5", p] for p in "abc"]  # its text is its points
    assert len(resolve_quote("Nghị quyết này có hiệu lực từ ngày 28 tháng 11 năm 2025", chunks)) == 1
