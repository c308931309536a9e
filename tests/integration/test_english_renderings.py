"""English paraphrase questions through the real bundled model on real documents: the lexicon's
renderings that the model's first passages use become the question's own BM25 words, and the
hybrid search finds the passage the question asks about."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from tests.conftest import model_service_over, needs_set_corpus

pytestmark = needs_set_corpus("recent")

RECENT = set_corpus("recent")
DOCUMENTS = ("hanoi-nq58-2025.txt", "hue-nq36-2025.txt")  # two tuition resolutions of late 2025


@pytest.fixture(scope="module")
def tuition_service(tmp_path_factory):
    """Two tuition resolutions ingested with the bundled model (vectors cached for the module)."""
    yield from model_service_over(
        tmp_path_factory.mktemp("english-renderings"), [RECENT / n for n in DOCUMENTS]
    )


QUESTION = (
    "Which fee applies in a month when a high-quality school in Hanoi teaches online for at least two weeks?"
)


def test_renderings_the_models_passages_use_become_the_questions_own_words(tuition_service):
    from assistant.dense_rankings import guide_ranking
    from assistant.fusion_weights import DEFAULT_WEIGHTS
    from assistant.query import analyse
    from assistant.rendering_choice import USED_WEIGHT, chosen_terms

    service = tuition_service
    analysis = analyse(QUESTION, service.profile)
    guide = guide_ranking(service.index, service.embedder, analysis, DEFAULT_WEIGHTS, mode="hybrid", limit=50)
    assert guide and all(hit.payload.get("text") for hit in guide)
    terms = chosen_terms(analysis, guide, DEFAULT_WEIGHTS.choose_renderings)
    assert set(terms) == set(analysis.terms)  # the same words, only weighed anew
    assert all(terms[t] >= analysis.terms[t] for t in terms)  # a rendering is raised, never lowered
    raised = {t for t in terms if terms[t] > analysis.terms[t]}
    assert "truc_tuyen" in raised and terms["truc_tuyen"] == USED_WEIGHT  # 'online' as the documents write it
    shown = " ".join(h.payload.get("index_text") or h.payload["text"] for h in guide[:10])
    assert all(t.replace("_", " ") in fold(shown) for t in raised)  # every raised word is in those passages
    assert (
        guide_ranking(service.index, service.embedder, analysis, DEFAULT_WEIGHTS, mode="bm25", limit=50) == []
    )


def test_hybrid_search_finds_the_passage_an_english_paraphrase_asks_about(tuition_service):
    from assistant.query import analyse
    from assistant.search import search

    service = tuition_service
    analysis = analyse(QUESTION, service.profile)
    passages = search(service.index, analysis, embedder=service.embedder, mode="hybrid", limit=5)
    assert any("trực tuyến từ 14 ngày trở lên" in " ".join(p.text.split()) for p in passages)


def test_a_vietnamese_question_keeps_its_terms(tuition_service):
    from assistant.dense_rankings import guide_ranking
    from assistant.fusion_weights import DEFAULT_WEIGHTS
    from assistant.query import analyse
    from assistant.rendering_choice import chosen_terms

    analysis = analyse("Học phí học trực tuyến bằng bao nhiêu phần trăm học phí trực tiếp?")
    service = tuition_service
    assert (
        guide_ranking(service.index, service.embedder, analysis, DEFAULT_WEIGHTS, mode="hybrid", limit=50)
        == []
    )
    assert chosen_terms(analysis, [], DEFAULT_WEIGHTS.choose_renderings) is analysis.terms


def fold(text: str) -> str:
    from ingest.text import word_tokens

    return " ".join(word_tokens(text))
