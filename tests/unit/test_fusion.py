"""The fusion gate on real rankings of the seed corpus: which kind of question a question is, how
much the dense ranking may vote for it, per passage (OCR text, found by BM25 or not), that a
kind with no dense vote keeps BM25's own order, the re-score of BM25's candidates as a second
vote, and the merging of two query vectors' rankings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.dense_rankings import DenseRankings, dense_rankings, merge_rankings, query_texts
from assistant.fusion import fuse, text_cleanliness, wants_dense, wants_rescore
from assistant.fusion_weights import DEFAULT_WEIGHTS, RRF_K, FusionWeights, question_kind, weights_for
from assistant.query import analyse
from assistant.search import CANDIDATES
from tests.conftest import BACGIANG, PLAN

pytestmark = pytest.mark.unit
VIETNAMESE = "Tỷ lệ trường mầm non đạt chuẩn quốc gia năm 2025 là bao nhiêu?"
NO_DIACRITICS = "Ty le truong mam non dat chuan quoc gia nam 2025 la bao nhieu?"
ENGLISH = "What share of kindergartens should meet national standards by 2025?"
UNRENDERED = "Which embroidery guild sponsors the annual kite regatta?"  # nothing a directive says


def rankings(service, question: str, other: str) -> tuple:
    """(analysis, BM25 hits for the question, BM25 hits for another question): two real rankings
    of the seed index, the second standing in for a dense ranking that disagrees with the first."""
    analysis = analyse(question, service.profile)
    sparse = service.index.sparse_search(analysis.terms, CANDIDATES)
    second = service.index.sparse_search(analyse(other, service.profile).terms, CANDIDATES)
    return analysis, sparse, second


def test_question_kinds(seed_service):
    kinds = {q: question_kind(analyse(q, seed_service.profile), 0.5) for q in
             (VIETNAMESE, NO_DIACRITICS, ENGLISH, UNRENDERED)}  # fmt: skip
    assert kinds == {
        VIETNAMESE: "vi",
        NO_DIACRITICS: "vi-nodiac",
        ENGLISH: "en",
        UNRENDERED: "en-untranslated",
    }
    # without a threshold English questions are one kind
    assert question_kind(analyse(UNRENDERED, seed_service.profile), 0.0) == "en"


def test_weights_fall_back_to_the_parent_kind(seed_service):
    weights = FusionWeights({"vi": 0.2, "en": 0.7}, translated_below=0.5)
    analyses = {q: analyse(q, seed_service.profile) for q in (NO_DIACRITICS, UNRENDERED)}
    assert weights.dense_weight(analyses[NO_DIACRITICS]) == 0.2
    assert weights.dense_weight(analyses[UNRENDERED]) == 0.7
    gated = FusionWeights(
        {"vi": 0.2, "vi-nodiac": 0.0, "en": 0.1, "en-untranslated": 1.0}, translated_below=0.5
    )
    assert gated.dense_weight(analyses[NO_DIACRITICS]) == 0.0
    assert gated.dense_weight(analyses[UNRENDERED]) == 1.0


def test_no_dense_vote_keeps_the_bm25_order(seed_service):
    analysis, sparse, other = rankings(seed_service, NO_DIACRITICS, ENGLISH)
    weights = FusionWeights({"vi": 1.0, "vi-nodiac": 0.0})
    fused = fuse(sparse, other, analysis, weights)
    bm25_order = [h.id for h in sparse]
    assert sorted(fused, key=lambda i: fused[i][0], reverse=True)[: len(bm25_order)] == bm25_order
    voted = fuse(sparse, other, analysis, FusionWeights({"vi": 1.0}))
    assert sorted(voted, key=lambda i: voted[i][0], reverse=True)[:10] != bm25_order[:10]


def test_dense_alone_is_ranked_as_it_is(seed_service):
    analysis, _, other = rankings(seed_service, VIETNAMESE, ENGLISH)
    fused = fuse([], other, analysis, FusionWeights({"vi": 0.0}, ocr_gate=True))
    assert sorted(fused, key=lambda i: fused[i][0], reverse=True) == [h.id for h in other]


def test_ocr_text_votes_less_than_clean_text(seed_service):
    analysis, sparse, other = rankings(seed_service, VIETNAMESE, "kế hoạch thực hiện chuyển đổi số")
    ocr = next(h for h in other if h.payload["source"] == PLAN)
    clean = next(h for h in other if h.payload["source"] == BACGIANG)
    assert text_cleanliness(ocr.payload["text"]) < 0.5 < text_cleanliness(clean.payload["text"]) == 1.0
    plain = fuse(sparse, [ocr, clean], analysis, FusionWeights({"vi": 1.0}))
    gated = fuse(sparse, [ocr, clean], analysis, FusionWeights({"vi": 1.0}, ocr_gate=True))
    assert plain[clean.id][0] == gated[clean.id][0]
    assert gated[ocr.id][0] < plain[ocr.id][0]


def test_dense_only_candidates_are_scaled(seed_service):
    analysis, sparse, other = rankings(seed_service, VIETNAMESE, "phòng chống đuối nước cho học sinh")
    found = {h.id for h in sparse}
    new = next(h for h in other if h.id not in found)
    shared = next(h for h in other if h.id in found)
    full = fuse(sparse, other, analysis, FusionWeights({"vi": 1.0}))
    half = fuse(sparse, other, analysis, FusionWeights({"vi": 1.0}, dense_only=0.5))
    assert half[new.id][0] == pytest.approx(full[new.id][0] / 2)
    assert half[shared.id][0] == full[shared.id][0]


def test_settings_weights_keep_the_measured_gate():
    weights = weights_for({"vi": 0.3, "en": 1.0})
    assert weights.dense == {"vi": 0.3, "en": 1.0}
    assert weights == replace(DEFAULT_WEIGHTS, dense={"vi": 0.3, "en": 1.0})
    assert weights_for(None) is DEFAULT_WEIGHTS


def test_search_with_the_default_gate_and_no_model_is_bm25(seed_service):
    hybrid = [p.id for p in seed_service.search(ENGLISH, 10)]
    bm25 = [p.id for p in seed_service.search(ENGLISH, 10, mode="bm25")]
    assert hybrid == bm25


def test_dense_ranking_is_wanted_where_it_votes_or_bm25_found_nothing(seed_service):
    off = FusionWeights()
    analysis, sparse, _ = rankings(seed_service, VIETNAMESE, ENGLISH)
    assert sparse and not wants_dense("hybrid", sparse, analysis, off)
    assert wants_dense("hybrid", sparse, analysis, FusionWeights({"vi": 0.5}))
    assert wants_dense("dense", [], analysis, off) and not wants_dense("bm25", [], analysis, off)
    nothing = analyse("zyxwvut qqqjjj", seed_service.profile)
    found = seed_service.index.sparse_search(nothing.terms, CANDIDATES)
    assert found == [] and wants_dense("hybrid", found, nothing, off)  # dense stands alone


def test_rescored_candidates_vote_with_their_kinds_weight_only(seed_service):
    analysis, sparse, _ = rankings(seed_service, ENGLISH, VIETNAMESE)
    rescored = sparse[1:] + sparse[:1]  # BM25's own candidates in another order, as the model gives
    plain = fuse(sparse, [], analysis, FusionWeights())
    assert fuse(sparse, [], analysis, FusionWeights(rescore={"vi": 1.0, "en": 0.0}), rescored) == plain
    voted = fuse(sparse, [], analysis, FusionWeights(rescore={"en": 0.5}), rescored)
    assert set(voted) == set(plain)  # the re-score brings in no passage of its own
    first, moved = sparse[0].id, sparse[1].id
    assert voted[moved][0] == pytest.approx(plain[moved][0] + 0.5 / (RRF_K + 1))
    assert voted[first][0] == pytest.approx(plain[first][0] + 0.5 / (RRF_K + len(sparse)))
    assert fuse([], [], analysis, FusionWeights(rescore={"en": 1.0}), rescored) == {}  # BM25's or none


def test_rescore_is_wanted_for_hybrid_search_of_a_kind_with_a_weight(seed_service):
    analysis, sparse, _ = rankings(seed_service, ENGLISH, VIETNAMESE)
    weights = FusionWeights(rescore={"en": 0.5})
    assert wants_rescore("hybrid", sparse, analysis, weights)
    assert not wants_rescore("bm25", sparse, analysis, weights)
    assert not wants_rescore("hybrid", [], analysis, weights)  # nothing to re-score
    assert not wants_rescore("hybrid", sparse, analysis, FusionWeights())
    assert not wants_rescore("hybrid", sparse, analyse(VIETNAMESE, seed_service.profile), weights)
    nothing = dense_rankings(seed_service.index, None, analysis, sparse, weights)
    assert nothing == DenseRankings()  # no model: no dense ranking of either kind


def test_two_query_rankings_merge_by_reciprocal_rank(seed_service):
    _, first, second = rankings(seed_service, VIETNAMESE, "kế hoạch thực hiện chuyển đổi số")
    assert merge_rankings([first]) is first
    merged = merge_rankings([first, second])
    assert {h.id for h in merged} == {h.id for h in first + second}
    assert [h.score for h in merged] == sorted((h.score for h in merged), reverse=True)
    orders = [[h.id for h in ranking] for ranking in (first, second)]
    for hit in merged[:5]:
        ranks = [order.index(hit.id) for order in orders if hit.id in order]
        assert hit.score == pytest.approx(sum(1 / (RRF_K + r + 1) for r in ranks))


def test_english_questions_may_add_their_rendering_as_a_second_query(seed_service):
    english, vietnamese = (analyse(q, seed_service.profile) for q in (ENGLISH, VIETNAMESE))
    assert query_texts(english, FusionWeights()) == [english.search_text]
    both = query_texts(english, FusionWeights(vietnamese_query=True))
    assert both == [english.search_text, english.vietnamese_text] and "mầm non" in both[1]
    assert query_texts(vietnamese, FusionWeights(vietnamese_query=True)) == [vietnamese.search_text]


def ranked(fused: dict) -> list[str]:
    return sorted(fused, key=lambda i: fused[i][0], reverse=True)


def test_a_windowed_rescore_cannot_push_bm25s_first_passage_far(seed_service):
    analysis, sparse, _ = rankings(seed_service, VIETNAMESE, ENGLISH)
    swapped = sparse[-1:] + sparse[1:-1] + sparse[:1]  # the model puts BM25's first last, its last first
    unbounded = ranked(fuse(sparse, [], analysis, FusionWeights(rescore={"vi": 1.0}), swapped))
    shift = 2.0
    windowed = FusionWeights(rescore={"vi": 1.0}, window={"vi": shift})
    bounded = ranked(fuse(sparse, [], analysis, windowed, swapped))
    first, last = sparse[0].id, sparse[-1].id
    assert unbounded.index(first) > 5  # a reciprocal-rank vote can bury BM25's first passage
    assert bounded.index(first) <= 2 * shift  # the window keeps it in the top five
    for rank, hit in enumerate(sparse):  # no passage moves further than twice the window
        assert abs(bounded.index(hit.id) - rank) <= 2 * shift
    assert 0 < len(sparse) - 1 - bounded.index(last) <= 2 * shift  # the model's first rises, boundedly


def test_a_windowed_rescore_agreeing_with_bm25_keeps_its_order(seed_service):
    analysis, sparse, _ = rankings(seed_service, VIETNAMESE, ENGLISH)
    windowed = FusionWeights(rescore={"vi": 1.0}, window={"vi": 4.0})
    assert ranked(fuse(sparse, [], analysis, windowed, list(sparse))) == [h.id for h in sparse]
    assert windowed.rescore_shift(analysis) == 4.0
    english = analyse(ENGLISH, seed_service.profile)
    assert replace(windowed, window={"vi": 4.0, "en": 0.0}).rescore_shift(english) == 0.0


def test_bm25s_first_passage_stays_first_under_the_models_votes(seed_service):
    analysis, sparse, other = rankings(seed_service, VIETNAMESE, "kế hoạch thực hiện chuyển đổi số")
    swapped = sparse[1:] + sparse[:1]  # the model's re-score puts BM25's first passage last
    votes = FusionWeights({"vi": 1.0}, rescore={"vi": 1.0})
    buried = ranked(fuse(sparse, other, analysis, votes, swapped))
    assert buried.index(sparse[0].id) > 5  # unguarded, the votes bury it
    kept = ranked(fuse(sparse, other, analysis, replace(votes, keep_first=1), swapped))
    assert kept[0] == sparse[0].id
    assert kept[1:] == [i for i in buried if i != sparse[0].id]  # the rest as the votes ordered them
    within = ranked(fuse(sparse, other, analysis, replace(votes, keep_first=3), swapped))
    assert within.index(sparse[0].id) == 2
    alone = fuse(sparse, [], analysis, replace(DEFAULT_WEIGHTS, rescore={}, dense={}))
    assert ranked(alone) == [h.id for h in sparse]  # no vote: nothing to guard, BM25's order
