"""An English question the lexicon renders only in part, through the real bundled model on real
documents: the model's own ranking votes more the less of the question BM25 could read
(`FusionWeights.untranslated_slope`), and the passage both BM25 and the model rank first leads."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, model_service_over

RECENT = ROOT / "eval" / "corpora" / "recent"
DOCUMENTS = ("hanoi-nq58-2025.txt", "hanoi-nq59-2025.txt")  # Hà Nội's two resolutions on fees, late 2025
QUESTION = (
    "If the money a Hanoi school takes in for meals and care falls short of what it spends, "
    "who covers the shortfall?"
)
ANSWER = "Quy định về quản lý thu, chi"  # Điều 3.2.c of the high-quality schools' resolution


@pytest.fixture(scope="module")
def hanoi_service(tmp_path_factory):
    """Hà Nội's two fee resolutions ingested with the bundled model (vectors cached for the module)."""
    yield from model_service_over(
        tmp_path_factory.mktemp("english-coverage"), [RECENT / n for n in DOCUMENTS]
    )


def _first(service, analysis, weights, mode="hybrid") -> str:
    from assistant.search import search

    passages = search(service.index, analysis, embedder=service.embedder, mode=mode, weights=weights, limit=5)
    return " ".join(passages[0].text.split())


def test_the_model_votes_more_where_the_lexicon_rendered_less(hanoi_service):
    from assistant.fusion import DEFAULT_WEIGHTS
    from assistant.query import analyse

    partial = analyse(QUESTION, hanoi_service.profile)
    rendered = analyse("What is the online tuition fee in Hanoi?", hanoi_service.profile)
    assert partial.translated_share < 0.6 and rendered.translated_share == 1.0
    assert DEFAULT_WEIGHTS.dense_weight(partial) > DEFAULT_WEIGHTS.dense_weight(rendered)
    assert DEFAULT_WEIGHTS.dense_weight(rendered) == DEFAULT_WEIGHTS.dense["en"]  # fully rendered: as before
    vietnamese = analyse("Ai bù phần chi vượt nguồn thu của trường?", hanoi_service.profile)
    assert DEFAULT_WEIGHTS.dense_weight(vietnamese) == DEFAULT_WEIGHTS.dense["vi"]  # Vietnamese: untouched


def test_a_partly_rendered_question_leads_with_the_passage_bm25_and_the_model_agree_on(hanoi_service):
    from assistant.fusion import DEFAULT_WEIGHTS
    from assistant.query import analyse

    analysis = analyse(QUESTION, hanoi_service.profile)
    assert ANSWER in _first(hanoi_service, analysis, DEFAULT_WEIGHTS, mode="bm25")
    assert ANSWER in _first(hanoi_service, analysis, DEFAULT_WEIGHTS, mode="dense")
    assert ANSWER in _first(hanoi_service, analysis, DEFAULT_WEIGHTS)
