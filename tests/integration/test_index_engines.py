"""The same index behaviour over both engines behind the seam: Qdrant Edge in-process and
qdrant-client (here in its local mode, the smallest real stand-in for a Qdrant server), each
filled by the real ingest of the seed corpus."""

from __future__ import annotations

import threading

import pytest
from qdrant_client import QdrantClient

from ingest.bm25 import term_id
from ingest.index import DENSE, FILTER_FIELDS, SPARSE
from ingest.index.edge import EdgeIndex
from ingest.index.server import ClientIndex
from ingest.pipeline import ingest
from tests.conftest import BACGIANG, NOTICE, NOTICE_OCR, copy_corpus

pytestmark = pytest.mark.integration
ENGINES = ["edge", "client-local"]
TERMS = {"chi": 1.0, "giang": 1.0, "day": 1.0, "thuong": 0.8, "xuyen": 0.8}


def make_index(engine: str, folder):
    if engine == "edge":
        return EdgeIndex(folder / "edge" / "chunks")
    return ClientIndex(QdrantClient(path=str(folder / "local")), "chunks")


@pytest.fixture(scope="module", params=ENGINES)
def seeded(request, tmp_path_factory):
    """(index, corpus folder, state file) after a real ingest of the seed corpus."""
    folder = tmp_path_factory.mktemp(request.param)
    corpus = copy_corpus(folder / "corpus")
    index = make_index(request.param, folder)
    ingest(corpus, index, folder / "state.json", None)
    yield index, corpus, folder / "state.json"
    index.close()


def test_layout_is_bm25_with_idf_and_dense_cosine(engine_pair):
    common, rare = term_id("common"), term_id("rare")
    for index in engine_pair:
        index.create(3)
        assert index.exists() and index.dense_size() == 3
        index.upsert([("a", {SPARSE: ([common], [1.0]), DENSE: [1.0, 0.0, 0.0]}, {"id": "a", "source": "x"}),
                      ("b", {SPARSE: ([rare], [0.6]), DENSE: [0.0, 5.0, 0.0]}, {"id": "b", "source": "y"}),
                      ("c", {SPARSE: ([common, 7], [1.0, 1.0]), DENSE: [0.0, 0.0, 1.0]}, {"id": "c", "source": "y"})])  # fmt: skip
        # cosine, not dot product: b's long vector does not win against a's direction
        assert [h.payload["id"] for h in index.dense_search([0.9, 0.5, 0.0], 2)] == ["a", "b"]
        # stored vectors come back normalised (a cosine is their dot product with a normalised query)
        by_chunk = {h.payload["id"]: h.id for h in index.dense_search([0.9, 0.5, 0.0], 3)}
        stored = index.dense_vectors(list(by_chunk.values()))
        assert stored[by_chunk["b"]] == pytest.approx([0.0, 1.0, 0.0]) and len(stored) == 3
        assert index.dense_vectors([]) == {}
        # IDF: the rare term (1 point of 3) outweighs the common one (2 of 3) despite a lower weight
        assert index.sparse_search({"common": 1.0, "rare": 1.0}, 3)[0].payload["id"] == "b"
        index.create(None)
        assert index.dense_size() is None and index.count() == 0


def test_edge_builds_payload_indexes_on_the_filter_fields(tmp_path):
    index = EdgeIndex(tmp_path / "shard")
    try:
        index.create(None)
        assert set(index.shard.info().payload_schema) == set(FILTER_FIELDS)
    finally:
        index.close()


def test_both_engines_rank_the_seed_corpus_alike(tmp_path_factory):
    results = {}
    for engine in ENGINES:
        folder = tmp_path_factory.mktemp(f"rank-{engine}")
        index = make_index(engine, folder)
        try:
            summary = ingest(copy_corpus(folder / "corpus"), index, folder / "state.json", None)
            results[engine] = (
                index.count(),
                summary.chunks,
                [h.payload["id"] for h in index.sparse_search(TERMS, 10)],
            )
        finally:
            index.close()
    (edge_count, edge_chunks, edge_top), (local_count, _, local_top) = results.values()
    assert edge_count == local_count == edge_chunks > 100
    assert edge_top[:3] == local_top[:3] and len(set(edge_top) & set(local_top)) >= 8


def test_plain_filters_value_and_any_of(seeded):
    index, _, _ = seeded
    provinces = {h.payload["doc"]["province"] for h in index.scroll() if h.payload["doc"].get("province")}
    assert len(provinces) >= 2
    one = sorted(provinces)[0]
    hits = index.sparse_search(TERMS, 50, {"doc.province": one})
    assert hits and {h.payload["doc"]["province"] for h in hits} == {one}
    both = index.scroll({"source": [NOTICE, NOTICE_OCR]})
    assert {h.payload["source"] for h in both} == {NOTICE, NOTICE_OCR}
    assert len(index.scroll({"source": NOTICE})) + len(index.scroll({"source": NOTICE_OCR})) == len(both)
    assert index.retrieve([both[0].payload["id"]])[0].payload == both[0].payload


def test_reingest_swaps_a_document_without_a_gap(seeded):
    """A reader counting a changed document's passages never sees zero while it is re-indexed."""
    index, corpus, state = seeded
    before = len(index.scroll({"source": BACGIANG}))
    seen: list[int] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            seen.append(len(index.scroll({"source": BACGIANG})))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        path = corpus / BACGIANG
        path.write_text(path.read_text(encoding="utf-8").replace("19%", "27%"), encoding="utf-8")
        summary = ingest(corpus, index, state, None)
    finally:
        done.set()
        thread.join()
    assert summary.indexed == [BACGIANG]
    assert seen and min(seen) > 0
    texts = [h.payload["text"] for h in index.scroll({"source": BACGIANG})]
    assert len(texts) == before and any("27%" in t for t in texts) and not any("19%" in t for t in texts)


@pytest.fixture
def engine_pair(tmp_path):
    pair = [make_index(engine, tmp_path / engine) for engine in ENGINES]
    yield pair
    for index in pair:
        index.close()
