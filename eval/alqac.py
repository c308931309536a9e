"""ALQAC 2023 as an external retrieval benchmark: 100 legal questions whose gold articles were
chosen by the competition's organisers, searched over its 2,249 law articles.

Each article is one passage (`"<law>@<article>"`; indexed text: the law's name, the article
number and its text), in its own index under `<data>/eval-alqac/<model or bm25>/` — built once
and reused while the articles and the model stay the same. The same search code as the
assistant ranks them (bm25, dense and hybrid when a dense model is loaded); ranx scores the
rankings: hits@1/5/10, MRR@10, nDCG@10. A slice (`limit`, `extra_articles`) indexes only the
gold articles of the first questions plus some others, in a temporary folder (for tests).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from eval.metrics import retrieval_scores, run_entry
from eval.sets import devcorpus_root

ALQAC_DEFAULT = devcorpus_root() / "alqac2023"
METRICS = ("hits@1", "hits@5", "hits@10", "mrr@10", "ndcg@10")
COLLECTION = "alqac_articles"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    gold: tuple[str, ...]  # "<law>@<article>"
    kind: str


def load_questions(root: Path, limit: int | None = None) -> list[Question]:
    rows = json.loads((root / "train.json").read_text(encoding="utf-8"))
    questions = [
        Question(
            id=r["question_id"],
            text=r["text"],
            gold=tuple(f"{a['law_id']}@{a['article_id']}" for a in r["relevant_articles"]),
            kind=r.get("question_type", ""),
        )
        for r in rows
    ]
    return questions[:limit] if limit else questions


def load_articles(root: Path) -> dict[str, str]:
    return json.loads((root / "all_articles_2023.json").read_text(encoding="utf-8"))


def article_slice(articles: dict[str, str], questions: list[Question], extra: int) -> dict[str, str]:
    """The questions' gold articles plus the first `extra` others (a small, still ambiguous set)."""
    wanted = {g for q in questions for g in q.gold}
    others = [k for k in articles if k not in wanted][:extra]
    return {k: articles[k] for k in articles if k in wanted or k in others}


class ArticleIndex:
    """Law articles as passages in an embedded Qdrant collection (BM25, plus dense vectors when
    an embedder is given)."""

    def __init__(self, folder: Path, articles: dict[str, str], embedder=None, console=None):
        from qdrant_client import QdrantClient

        from ingest.index.server import ClientIndex

        folder.mkdir(parents=True, exist_ok=True)
        self.client = QdrantClient(path=str(folder / "qdrant"))
        self.index = ClientIndex(self.client, COLLECTION)
        self.embedder = embedder
        stamp = _stamp(articles, embedder)
        marker = folder / "built.json"
        if not (self.index.exists() and marker.exists() and json.loads(marker.read_text()) == stamp):
            if console is not None:
                console.print(f"Indexing {len(articles)} law articles into {folder} (once) …")
            self._build(articles)
            marker.write_text(json.dumps(stamp))
        self.n_articles = len(articles)

    def _build(self, articles: dict[str, str]) -> None:
        from qdrant_client import models

        from ingest.bm25 import average_length, doc_vector
        from ingest.index import DENSE, SPARSE

        self.index.create(self.embedder.dimension if self.embedder else None)
        keys = list(articles)
        texts = [_index_text(k, articles[k]) for k in keys]
        avgdl = average_length(texts)
        for start in range(0, len(keys), 64):
            batch = keys[start : start + 64]
            dense = self.embedder.embed_passages(texts[start : start + 64]) if self.embedder else None
            points = []
            for i, key in enumerate(batch):
                indices, values = doc_vector(texts[start + i], avgdl)
                vectors: dict = {SPARSE: models.SparseVector(indices=indices, values=values)}
                if dense is not None:
                    vectors[DENSE] = dense[i]
                points.append((f"alqac:{key}", vectors, _payload(key, articles[key], texts[start + i])))
            self.index.upsert(points)

    def search(self, question: str, mode: str, limit: int = 10) -> list[str]:
        from assistant.query import analyse
        from assistant.search import search

        passages = search(self.index, analyse(question), embedder=self.embedder, limit=limit, mode=mode)
        return [p.payload.get("article_key") or f"{p.source}@{p.section[0]}" for p in passages]

    def close(self) -> None:
        self.client.close()


def _index_text(key: str, text: str) -> str:
    law, article = key.split("@", 1)
    return f"{law} — Điều {article}. {text}"


def _payload(key: str, text: str, index_text: str) -> dict:
    law, article = key.split("@", 1)
    title = text.strip().split("\n", 1)[0]
    return {
        "id": f"alqac:{key}",
        "article_key": key,
        "source": law,
        "section": [article],
        "section_title": title,
        "titles": [title],
        "text": text,
        "index_text": index_text,
        "doc": {"title": law},
        "part": 0,
        "heading_path": law,
    }


def _stamp(articles: dict[str, str], embedder) -> dict:
    digest = hashlib.sha256(json.dumps(articles, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return {"articles": digest, "model": embedder.name if embedder else None}


def run_alqac(
    settings, root: Path = ALQAC_DEFAULT, limit: int | None = None, extra_articles: int | None = None,
    console=None,
) -> dict:  # fmt: skip
    """Rank the articles for each question under each configuration; ranx metrics per config."""
    from ingest.embedding import load_embedder

    questions = load_questions(root, limit)
    articles = load_articles(root)
    embedder = load_embedder(settings.embedding_model, settings.device, settings.embedding_query_prefix,
                             settings.embedding_passage_prefix,
                             cache_path=settings.vector_cache_path)  # fmt: skip
    tmp = None
    if extra_articles is not None:
        articles = article_slice(articles, questions, extra_articles)
        tmp = tempfile.TemporaryDirectory(prefix="eduqa-alqac-")
        folder = Path(tmp.name)
    else:
        folder = settings.data_dir / "eval-alqac" / (_tag(settings.embedding_model) if embedder else "bm25")
    index = ArticleIndex(folder, articles, embedder, console)
    try:
        return _score(index, questions, ["bm25", "dense", "hybrid"] if embedder else ["bm25"])
    finally:
        index.close()
        if tmp is not None:
            tmp.cleanup()


def _score(index: ArticleIndex, questions: list[Question], modes: list[str]) -> dict:
    qrels = {q.id: dict.fromkeys(q.gold, 1) for q in questions}
    out: dict = {"n_questions": len(questions), "n_articles": index.n_articles, "metrics": list(METRICS)}
    out["configs"], out["per_question"] = {}, {}
    for mode in modes:
        started = time.perf_counter()
        rankings = {q.id: index.search(q.text, mode) for q in questions}
        run = {qid: run_entry(keys) for qid, keys in rankings.items()}
        means, per_q = retrieval_scores(qrels, run, METRICS)
        means["latency_mean_ms"] = (time.perf_counter() - started) * 1000 / max(len(questions), 1)
        out["configs"][mode] = means
        out["per_question"][mode] = {
            qid: {"top": rankings[qid][:5], **per_q.get(qid, {})} for qid in rankings
        }
    return out


def _tag(model: str | None) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "-", model or "bm25").strip("-")[-60:]
