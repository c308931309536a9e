"""The corpus-size section of `eduqa bench`: our pipeline and the PrivateGPT-style one on the same
corpora and questions — in-process latency, hit@5 on the questions with gold, and HTTP load.

Only the seed corpus is embedded for real (the bundled model embeds a few passages per second on
small machines); the larger corpora are derived from its indexed chunks and keep their real
vectors (see eval.bench.synthetic), so the engines do the work they would do on real data."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from eval.bench.load import ServerThread, http_load
from eval.metrics import item_key, percentile, ranked_keys

LARGE = 100_000  # from this size on, derived chunks keep their real BM25 vectors too
SYNTHETIC_NOTE = (
    "larger corpora: varied copies of the seed's indexed chunks (province, years, numbers "
    "changed; BM25 recomputed, or at 100,000 chunks and more kept from the real chunk), each "
    "reusing its real chunk's dense vector with small noise: the engines do real work on real "
    "vectors, but only the seed corpus was embedded by the model"
)


def time_questions(ask: Callable[[str], list], questions: list[dict]) -> dict:
    """Each question once: p50/p95 latency (ms) and hit@5 over the questions that have gold."""
    ask(questions[0]["question"])  # warm-up
    latencies, hits = [], []
    for q in questions:
        started = time.perf_counter()
        retrieved = ask(q["question"])
        latencies.append((time.perf_counter() - started) * 1000)
        if q.get("gold"):
            keys = ranked_keys(retrieved)[:5]
            hits.append(any(item_key(g) in keys for g in q["gold"]))
    return {
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "hit_at_5": sum(hits) / len(hits) if hits else math.nan,
        "questions": len(questions),
    }


def measure(name: str, service, baseline, ctx, baseline_chunks: int | None) -> dict:
    """Ours and the baseline on one corpus; then HTTP load on ours."""
    stages: dict[str, list[float]] = {"search": [], "answer": []}

    def ours(question: str) -> list:
        answer = service.ask(question, use_llm=False)
        for stage in stages:
            stages[stage].append(answer.timings_ms.get(stage, math.nan))
        return answer.retrieved

    chunks = service.index.count()
    ctx.console.print(f"[bold]{name}[/bold]: {chunks} chunks; {len(ctx.questions)} questions in-process …")
    mine = time_questions(ours, ctx.questions)
    result = {
        "name": name,
        "chunks": chunks,
        "dense": service.embedder is not None,
        "query_p50_ms": mine["p50_ms"],
        "query_p95_ms": mine["p95_ms"],
        "hit_at_5": mine["hit_at_5"],
        "stages_p50_ms": {k: percentile(v, 50) for k, v in stages.items()},
    }
    if service.embedder is not None:
        result["stages_p50_ms"]["embed_query"] = _query_embedding_p50(service.embedder, ctx.questions[:24])
    if baseline is not None and baseline_chunks:
        result |= _beside_baseline(baseline, ctx.questions, baseline_chunks, mine["p50_ms"])
    result["http"] = _http_levels(service, ctx) if ctx.http else {}
    result["peak_rss_mb"] = ctx.sampler.peak / 2**20
    return result


def _query_embedding_p50(embedder, questions: list[dict]) -> float:
    """Median time (ms) the model takes to embed one question."""
    embed = []
    for q in questions:
        started = time.perf_counter()
        embedder.embed_query(q["question"])
        embed.append((time.perf_counter() - started) * 1000)
    return percentile(embed, 50)


def _beside_baseline(baseline, questions: list[dict], baseline_chunks: int, ours_p50_ms: float) -> dict:
    """The PrivateGPT-style pipeline on the same questions, and how much slower it is than ours."""
    base = time_questions(baseline.ask, questions)
    return {
        "baseline_chunks": baseline_chunks,
        "baseline_query_p50_ms": base["p50_ms"],
        "baseline_query_p95_ms": base["p95_ms"],
        "baseline_hit_at_5": base["hit_at_5"],
        "baseline_over_ours_p50": base["p50_ms"] / ours_p50_ms,
    }


def _http_levels(service, ctx) -> dict[str, dict]:
    """Our server under each number of concurrent clients (after a warm-up)."""
    levels: dict[str, dict] = {}
    questions = [q["question"] for q in ctx.questions]
    with ServerThread(service.settings, service) as server:
        http_load(server.url, questions, 1, 2)  # warm-up
        for n in ctx.clients:
            ctx.console.print(f"  HTTP, {n} concurrent client(s), {max(ctx.requests, n)} requests …")
            levels[str(n)] = http_load(server.url, questions, n, ctx.requests)
    return levels


def build_synthetic(
    ctx, collection: str, state: dict, seed_points: list, size: int, dense_size: int | None
) -> Path:
    """A data folder whose index holds about `size` chunks derived from the seed's."""
    from eval.bench.synthetic import OTHER_PROVINCES, synthetic_points
    from ingest.index import open_index

    data_dir = ctx.root / f"synthetic-{size}" / "data"
    copies = max(1, math.ceil(size / len(seed_points)))
    ctx.console.print(f"building a {copies * len(seed_points)}-chunk index ({copies} copies of the seed) …")
    started = time.perf_counter()
    index = open_index(data_dir / "qdrant", collection, owner="eduqa bench")
    try:
        index.create(dense_size)
        reuse = size >= LARGE
        points = synthetic_points(seed_points, copies, state.get("avgdl", 200.0), dense=bool(dense_size),
                                  reuse_sparse=reuse)  # fmt: skip
        index.upsert(points)
        if hasattr(index, "optimize"):
            index.optimize()  # segments merged, vector index built, as after a real large ingest
    finally:
        index.close()
    ctx.results.setdefault("build_s", {})[str(size)] = round(time.perf_counter() - started, 1)
    varied = {OTHER_PROVINCES[n % len(OTHER_PROVINCES)] for n in range(1, copies)}
    state = state | {
        "df": {t: d * copies for t, d in state.get("df", {}).items()},
        "n_chunks": state.get("n_chunks", 1) * copies,
        "provinces": sorted(set(state.get("provinces", [])) | varied),
    }
    if not dense_size:
        state["embedding_model"] = None
    (data_dir / "ingest_state.json").write_text(json.dumps(state, ensure_ascii=False))
    return data_dir
