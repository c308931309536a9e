"""The dense side of a search: the question's query vectors (for English, optionally its
Vietnamese rendering beside the question as asked), their ranking over the whole index, and the
re-score of BM25's own candidates by the model's cosine.

The re-score is a ranking of the passages BM25 already found, so it can lift a paraphrase BM25
placed low without letting the model bring in passages that share no word with the question.
Several query vectors' rankings are merged by reciprocal rank (a cosine to the English question
and one to its Vietnamese rendering live on different scales: the rendering, in the passages'
own language, scores higher on everything).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.fusion import wants_dense, wants_rescore
from assistant.fusion_weights import FusionWeights
from assistant.query import QueryAnalysis
from ingest.index import ChunkIndex, Filters, Hit

RANK_K = 60  # reciprocal-rank constant for merging the query vectors' rankings


@dataclass
class DenseRankings:
    """The model's ranking over the index, and BM25's candidates by cosine (either may be empty)."""

    ranked: list[Hit] = field(default_factory=list)
    rescored: list[Hit] = field(default_factory=list)


def query_texts(analysis: QueryAnalysis, weights: FusionWeights) -> list[str]:
    """What the model embeds: the question (with its expansions), and for English under
    `vietnamese_query` its Vietnamese rendering too."""
    texts = [analysis.search_text or analysis.question]
    if weights.vietnamese_query and analysis.language == "en" and analysis.vietnamese_text:
        texts.append(analysis.vietnamese_text)
    return texts


def merge_rankings(rankings: list[list[Hit]]) -> list[Hit]:
    """One ranking from several by reciprocal rank; a single ranking as it is."""
    if len(rankings) == 1:
        return rankings[0]
    merged: dict[str, tuple[float, Hit]] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking):
            score, first = merged.get(hit.id, (0.0, hit))
            merged[hit.id] = (score + 1.0 / (RANK_K + rank + 1), first)
    ordered = sorted(merged.values(), key=lambda sh: sh[0], reverse=True)
    return [Hit(hit.id, score, hit.payload) for score, hit in ordered]


def rescore(index: ChunkIndex, vector: list[float], candidates: list[Hit]) -> list[Hit]:
    """The candidates (BM25's hits) ordered by cosine to the query vector (their stored vectors
    and the query's are normalised); a candidate without a vector is left out."""
    stored = index.dense_vectors([hit.id for hit in candidates])
    if not stored:
        return []
    kept = [hit for hit in candidates if hit.id in stored]
    matrix = np.asarray([stored[hit.id] for hit in kept], dtype=np.float32)
    cosines = matrix @ np.asarray(vector, dtype=np.float32)
    order = np.argsort(-cosines, kind="stable")
    return [Hit(kept[i].id, float(cosines[i]), kept[i].payload) for i in order]


def model_ranking(
    index: ChunkIndex, embedder, analysis: QueryAnalysis, weights: FusionWeights, limit: int, filters=None
) -> list[Hit]:
    """The model's own ranking over the index (its query texts' rankings merged)."""
    vectors = [embedder.embed_query(text) for text in query_texts(analysis, weights)]
    return merge_rankings([index.dense_search(v, limit, filters) for v in vectors])


def guide_ranking(
    index: ChunkIndex, embedder, analysis: QueryAnalysis, weights: FusionWeights, *, mode: str, limit: int,
    filters: Filters | None = None,
) -> list[Hit]:  # fmt: skip
    """For an English question in hybrid search, the model's ranking fetched before BM25's, to
    choose the lexicon's renderings by (`assistant.rendering_choice`); else none."""
    if embedder is None or mode != "hybrid" or analysis.language != "en" or not weights.choose_renderings:
        return []
    return model_ranking(index, embedder, analysis, weights, limit, filters)


def dense_rankings(
    index: ChunkIndex,
    embedder,
    analysis: QueryAnalysis,
    sparse: list[Hit],
    weights: FusionWeights,
    *,
    mode: str = "hybrid",
    limit: int = 50,
    filters: Filters | None = None,
    ranked_already: list[Hit] | None = None,
) -> DenseRankings:
    """The dense rankings this search needs (none without a model or a dense vote); the model's
    own ranking is `ranked_already` when the search fetched it first."""
    ranked = wants_dense(mode, sparse, analysis, weights)
    rescored = wants_rescore(mode, sparse, analysis, weights)
    if embedder is None or not (ranked or rescored):
        return DenseRankings()
    vectors = [embedder.embed_query(text) for text in query_texts(analysis, weights)]
    if ranked and not ranked_already:
        ranked_already = merge_rankings([index.dense_search(v, limit, filters) for v in vectors])
    return DenseRankings(
        (ranked_already or []) if ranked else [],
        merge_rankings([rescore(index, v, sparse) for v in vectors]) if rescored else [],
    )
