"""`eduqa bench`: speed, in sections that each add their figures to one result. The corpus
section (eval.bench.corpora) measures our pipeline beside a PrivateGPT-style one on the seed
corpus and on larger corpora derived from it; other sections add themselves to SECTIONS by name."""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from eval.bench.load import RssSampler, ServerThread, http_load
from eval.bench.synthetic import make_synthetic_corpus, variant_text

__all__ = [
    "SECTIONS",
    "BenchContext",
    "RssSampler",
    "ServerThread",
    "http_load",
    "make_synthetic_corpus",
    "run_bench",
    "variant_text",
]


@dataclass
class BenchContext:
    """What every section gets: settings, a scratch folder, the questions and the options."""

    settings: object
    root: Path
    questions: list[dict]
    console: Console
    sampler: RssSampler
    quick: bool = False
    sizes: list[int] = field(default_factory=lambda: [20000])
    dense_large: bool = True
    clients: list[int] = field(default_factory=lambda: [1, 4, 16])
    requests: int = 48
    http: bool = True
    plot: Path | None = None
    json_path: Path | None = None
    results: dict = field(default_factory=dict)

    def checkpoint(self) -> None:
        """Write the results so far (a long run keeps what it measured if it is stopped)."""
        if self.json_path:
            import json

            self.json_path.parent.mkdir(parents=True, exist_ok=True)
            self.json_path.write_text(json.dumps(self.results, indent=1))


Section = Callable[[BenchContext], None]


def _corpus_section(ctx: BenchContext) -> None:
    from eval.bench.corpora import corpus_section

    corpus_section(ctx)


def _embedding_section(ctx: BenchContext) -> None:
    from eval.bench_embedding import measure_embedding

    ctx.sampler.reset()
    embedding = measure_embedding(ctx.settings, [q["question"] for q in ctx.questions], ctx.console)
    ctx.results["embedding"] = embedding | {"peak_rss_mb": ctx.sampler.peak / 2**20}


def _devcorpus_ingest_section(ctx: BenchContext) -> None:
    from eval.bench_ingest import measure_devcorpus_ingest

    ctx.results["devcorpus_ingest"] = measure_devcorpus_ingest(ctx.settings, ctx.root, ctx.console)


def _load_section(ctx: BenchContext) -> None:
    from eval.bench_load import run_load_test

    ctx.results["load"] = (
        run_load_test(ctx.settings, quick=ctx.quick, console=ctx.console) if ctx.http else None
    )


SECTIONS: dict[str, Section] = {
    "embedding": _embedding_section,
    "corpus": _corpus_section,
    "devcorpus-ingest": _devcorpus_ingest_section,
    "load": _load_section,
}


def run_bench(
    settings,
    quick: bool = False,
    synthetic_chunks: int = 20000,
    clients: list[int] | None = None,
    requests: int = 48,
    http: bool = True,
    console: Console | None = None,
    workdir: Path | None = None,
    large: int = 0,
    dense_large: bool = True,
    plot: Path | None = None,
    sections: list[str] | None = None,
    json_path: Path | None = None,
) -> dict:
    """Run each section in one scratch folder; returns the merged results."""
    base = settings.model_copy(
        update={"qdrant_url": None, "llm_base_url": None, "vector_cache": settings.vector_cache_path}
    )  # never embed twice
    sizes = [s for s in (synthetic_chunks, large) if s]
    with tempfile.TemporaryDirectory(prefix="eduqa-bench-", dir=workdir) as tmp, RssSampler() as sampler:
        ctx = BenchContext(base, Path(tmp), _bench_questions(quick), console or Console(stderr=True),
                           sampler, quick, sizes, dense_large, clients or [1, 4, 16], requests, http,
                           plot, json_path)  # fmt: skip
        ctx.results = {
            "cpu_count": os.cpu_count(),
            "quick": quick,
            "requests_per_level": requests,
            "clients": ctx.clients,
            "embedding_model": settings.embedding_model,
            "corpora": [],
        }
        for name in sections or ["embedding", "corpus", "devcorpus-ingest"]:  # the CLI adds "load"
            SECTIONS[name](ctx)
            ctx.checkpoint()
        ctx.results["peak_rss_mb"] = sampler.overall / 2**20
    return ctx.results


def _bench_questions(quick: bool) -> list[dict]:
    """The seed questions in a fixed shuffled order (the first 24 for a quick run)."""
    from eval.run import load_questions

    questions = load_questions("all")
    random.Random(7).shuffle(questions)
    return questions[:24] if quick else questions
