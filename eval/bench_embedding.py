"""Embedding cost, measured on the seed chunks: passages per second (the model itself, cache
bypassed), question latency, and the process's peak RSS with the model loaded."""

from __future__ import annotations

import time
from pathlib import Path

import psutil

from eval.metrics import percentile

SAMPLE_PASSAGES = 32
SAMPLE_QUESTIONS = 20


def seed_passages(corpus_dir: Path, limit: int) -> list[str]:
    """Chunk texts as ingest embeds them, spread over every document of the corpus."""
    from ingest.pipeline import corpus_files, parse_file
    from ingest.read import UnreadableDocument

    texts: list[str] = []
    for path in corpus_files(corpus_dir):
        try:
            texts += [c.index_text for c in parse_file(path, corpus_dir, 480).chunks]
        except UnreadableDocument:
            continue
    step = max(1, len(texts) // limit)
    return texts[::step][:limit]


def measure_embedding(settings, questions: list[str], console=None) -> dict:
    """{model, passages_per_s, mean_chars, query_p50_ms, query_p95_ms, load_s, rss_mb}."""
    from ingest.embedding import load_model

    started = time.perf_counter()
    model = load_model(settings.embedding_model, settings.device, settings.embedding_query_prefix,
                       settings.embedding_passage_prefix, settings.embedding_threads)  # fmt: skip
    load_s = time.perf_counter() - started
    if model is None:
        return {"model": None}
    texts = seed_passages(Path(settings.corpus_dir), SAMPLE_PASSAGES)
    if console is not None:
        console.print(f"[bold]embedding[/bold]: {model.name}, {len(texts)} passages, "
                      f"{SAMPLE_QUESTIONS} questions …")  # fmt: skip
    batch = settings.embedding_batch_size
    started = time.perf_counter()
    for start in range(0, len(texts), batch):
        model.passages(texts[start : start + batch])
    seconds = time.perf_counter() - started
    model.query(questions[0])  # warm-up
    latencies = []
    for question in questions[:SAMPLE_QUESTIONS]:
        t = time.perf_counter()
        model.query(question)
        latencies.append((time.perf_counter() - t) * 1000)
    return {
        "model": model.name,
        "passages": len(texts),
        "mean_chars": sum(map(len, texts)) / max(len(texts), 1),
        "passages_per_s": len(texts) / seconds if seconds else float("nan"),
        "query_p50_ms": percentile(latencies, 50),
        "query_p95_ms": percentile(latencies, 95),
        "load_s": load_s,
        "rss_mb": psutil.Process().memory_info().rss / 2**20,
    }
