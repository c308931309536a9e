"""The options of `eduqa eval`, each typed once (eval.commands uses them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SetName = Annotated[
    str,
    typer.Option(
        "--set",
        help="Question set: seeds (eval/questions.jsonl over corpus/), devcorpus "
        "(eval/sets/devcorpus.jsonl over the development corpus, indexed once into "
        "<data>/eval-devcorpus/), recent (eval/sets/recent.jsonl, eight documents no rule was "
        "written on), fresh (eval/sets/fresh.jsonl, eight more such documents), schoolyear "
        "(eval/sets/schoolyear.jsonl, eight school-year texts) — these three over their documents in "
        "EDUQA_SET_CORPORA_DIR (default ../shared/eval-corpora/<set>/) — or alqac (ALQAC 2023 law "
        "questions, retrieval only).",
    ),
]
Group = Annotated[
    str, typer.Option(help="Only one document group: dev, held-out or all (both, side by side).")
]
Split = Annotated[str, typer.Option(help="Seed set only: its own question split dev, test or all.")]
Limit = Annotated[int | None, typer.Option(help="Only the first N questions.", min=1)]
Url = Annotated[
    str | None,
    typer.Option(
        help="Ask a running server (POST {url}/api/ask) instead of in-process; only 'hybrid' "
        "(the server's own search) runs then. The server must hold the set's corpus."
    ),
]
Corpus = Annotated[
    Path | None,
    typer.Option(
        help="The set's corpus root (devcorpus: default $EDUQA_DEVCORPUS_DIR or ../shared/devcorpus)."
    ),
]
NoDense = Annotated[bool, typer.Option("--no-dense", help="BM25 only: do not load or use the dense model.")]
Reindex = Annotated[
    bool,
    typer.Option(
        "--reindex",
        help="Re-read and re-index the whole set's corpus from scratch (documents parsed by "
        "another version of the reader are read again without it).",
    ),
]
OcrCopy = Annotated[
    bool,
    typer.Option(
        "--ocr-copy",
        help="Also run the set on OCR-like copies of its whole corpus (eval.ocr_noise, seeded per "
        "document; indexed once into <data>/ocr-copy/<set>/) and report them beside the clean "
        "run as '<config> OCR copy' rows. In-process only.",
    ),
]
Perturb = Annotated[
    bool,
    typer.Option(
        "--perturb",
        help="Ask the set's answerable questions beside metamorphic negatives written from them "
        "(eval.perturb: province, year, document number, grade or level, topic swapped for one the "
        "corpus does not answer) and report refusal recall per kind. In-process only.",
    ),
]
JsonPath = Annotated[Path | None, typer.Option("--json", help="Also write the summary JSON here.")]
Configs = Annotated[
    list[str] | None,
    typer.Option(
        "--config",
        help="Configurations to compare (repeatable): bm25, dense, hybrid, "
        "hybrid+rerank, naive-chunks (seed set only). Default: all that can run.",
    ),
]
ReportsDir = Annotated[Path | None, typer.Option(help="Where report folders go.")]
