"""Measure the fusion of BM25 and dense rankings: choose weights on one split, report on another.

    python -m eval.tune_fusion [--set seeds|devcorpus] [--by split|group] [--corpus FOLDER]

Every candidate `FusionWeights` ranks as search does (fusion, boosts, duplicates collapsed) over
the ingested index; the Qdrant candidate lists are fetched once per question and reused, so a
grid costs seconds. The weights with the best hits@5 on the choosing split (MRR@10 breaks
ties; never worse than BM25 in any language; a dense weight per question language) are reported
on the other split, overall and per language, beside bm25 and dense alone, and with and without
the English glossary.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.fusion import DEFAULT_WEIGHTS, FusionWeights, fuse
from assistant.query import QueryAnalysis, analyse
from assistant.search import CANDIDATES, Passage, _passage, boost, collapse_duplicates
from eval.gold import resolve_gold
from eval.metrics import qrels_entry, ranked_keys, retrieval_scores, run_entry
from ingest.index import ChunkIndex, Hit

DENSE_GRID = (0.0, 0.1, 0.25, 0.5, 1.0)
RRF_K_GRID = (60, 20, 5)
METRICS = ("hits@1", "hits@5", "mrr@10")


class RecordedClient:
    """Qdrant's client with point look-ups remembered (duplicate collapsing repeats them)."""

    def __init__(self, client):
        self._client = client
        self._seen: dict[tuple, list] = {}

    def retrieve(self, collection, ids, with_payload=True):
        key = (collection, tuple(ids))
        if key not in self._seen:
            self._seen[key] = self._client.retrieve(collection, ids=ids, with_payload=with_payload)
        return self._seen[key]


@dataclass
class Candidates:
    """One question's analysis, gold and BM25 and dense candidate lists, fetched once."""

    question: dict
    analysis: QueryAnalysis
    sparse: list[Hit]
    dense: list[Hit]
    gold: dict[str, int]  # qrels entry: gold keys (source#section) or chunk ids
    by_id: bool = False  # gold given as chunk ids (quotes resolved) rather than sections


def fetch(service, questions: list[dict], glossary: bool = True) -> list[Candidates]:
    """Candidates for the questions that have gold: by section, or by quote resolved to chunks."""
    chunks_of = lru_cache(maxsize=None)(service.chunks)
    out = []
    for q in questions:
        if not q.get("gold"):
            continue
        by_id = any("quote" in g for g in q["gold"])
        gold = dict.fromkeys(resolve_gold(q["gold"], chunks_of), 1) if by_id else qrels_entry(q["gold"])
        analysis = analyse(q["question"], glossary)
        sparse = service.index.sparse_search(analysis.terms, CANDIDATES)
        vector = service.embedder.embed_query(analysis.search_text)
        dense = service.index.dense_search(vector, CANDIDATES)
        out.append(Candidates(q, analysis, sparse, dense, gold, by_id))
    return out


def ranking(index, c: Candidates, mode: str, weights: FusionWeights) -> list[Passage]:
    """search()'s order (fusion, boosts, duplicates collapsed) without the evidence scores."""
    sparse = c.sparse if mode in ("bm25", "hybrid") else []
    dense = c.dense if mode in ("dense", "hybrid") else []
    fused = fuse(sparse, dense, c.analysis.language, weights)
    passages = [_passage(pid, s * boost(c.analysis, p), p) for pid, (s, p) in fused.items()]
    return sorted(collapse_duplicates(index, passages), key=lambda p: p.score, reverse=True)[:20]


def score(index, cands: list[Candidates], mode: str, weights: FusionWeights = DEFAULT_WEIGHTS) -> dict:
    """hits@1, hits@5, MRR@10 overall and per language for one configuration."""
    runs, qrels, langs = {}, {}, {}
    for c in cands:
        qid = c.question["id"]
        passages = ranking(index, c, mode, weights)
        runs[qid] = run_entry([p.id for p in passages] if c.by_id else ranked_keys(passages))
        qrels[qid] = c.gold
        langs[qid] = c.question["lang"]
    _, per_question = retrieval_scores(qrels, runs, METRICS)
    table = {"all": _mean(per_question, list(per_question))}
    for lang in sorted(set(langs.values())):
        table[lang] = _mean(per_question, [i for i in per_question if langs[i] == lang])
    return table


def _mean(per_question: dict, ids: list[str]) -> dict:
    out = {m: sum(per_question[i][m] for i in ids) / len(ids) if ids else 0.0 for m in METRICS}
    return out | {"n": len(ids)}


LANGUAGE_GROUPS = {"en": ("en",), "vi": ("vi", "vi-nodiac")}  # keyed as QueryAnalysis.language


def merit(table: dict, bm25: dict, langs: tuple[str, ...]) -> tuple[bool, float, float]:
    """(never below BM25, hits@5 summed, MRR@10 summed) over these languages' questions."""
    rows = [(table[lang], bm25[lang]) for lang in langs if lang in table]
    safe = all(row["hits@5"] >= base["hits@5"] for row, base in rows)
    return safe, sum(r["hits@5"] * r["n"] for r, _ in rows), sum(r["mrr@10"] * r["n"] for r, _ in rows)


def choose(index, cands: list[Candidates]) -> tuple[FusionWeights, dict, dict]:
    """Per language group, the dense weight with the best hits@5 (then MRR@10) among those never
    below BM25; RRF k and the OCR gate shared. Returns the weights, their table, BM25's table."""
    bm25 = score(index, cands, "bm25")
    best: tuple[tuple, FusionWeights] | None = None
    for k, gate in itertools.product(RRF_K_GRID, (False, True)):
        tables = {
            w: score(index, cands, "hybrid", FusionWeights({"vi": w, "en": w}, gate, k)) for w in DENSE_GRID
        }
        chosen = {
            group: max(DENSE_GRID, key=lambda w, langs=langs: merit(tables[w], bm25, langs))
            for group, langs in LANGUAGE_GROUPS.items()
        }
        merits = [merit(tables[chosen[g]], bm25, langs) for g, langs in LANGUAGE_GROUPS.items()]
        key = (all(m[0] for m in merits), sum(m[1] for m in merits), sum(m[2] for m in merits))
        if best is None or key > best[0]:
            best = (key, FusionWeights(chosen, gate, k))
    assert best is not None
    return best[1], score(index, cands, "hybrid", best[1]), bm25


def question_groups(args) -> tuple[list[dict], list[dict]]:
    """(choose on, report on): the seeds' dev/test split, or the set's document groups."""
    from eval.groups import by_group
    from eval.sets import load_set

    questions = load_set(args.set)
    if args.by == "group":
        groups = by_group(questions, args.set)
        return groups["dev"], groups["held-out"]
    return [q for q in questions if q.get("split") == "dev"], [
        q for q in questions if q.get("split") == "test"
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="seeds", choices=("seeds", "devcorpus"))
    parser.add_argument("--by", default=None, choices=("split", "group"),
                        help="split: dev/test split of the seeds; group: leave-documents-out")  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=None, help="Another corpus folder for the set.")
    args = parser.parse_args(argv)
    args.by = args.by or ("split" if args.set == "seeds" else "group")
    from assistant.service import AssistantService
    from assistant.settings import Settings
    from eval.sets import settings_for

    settings = settings_for(args.set, Settings(), args.corpus)
    settings, root = settings if isinstance(settings, tuple) else (settings, None)
    service = AssistantService(settings, owner="eduqa tune-fusion")
    try:
        if service.embedder is None:
            raise SystemExit("no dense model loaded: nothing to fuse")
        if root is not None:
            from eval.setcorpus import prepare_index

            prepare_index(service, root)
        elif service.is_stale():
            service.ingest()
        index = ChunkIndex(RecordedClient(service.client), service.index.collection)  # type: ignore[arg-type]
        dev_questions, test_questions = question_groups(args)
        dev = fetch(service, dev_questions)
        test = fetch(service, test_questions)
        test_plain = fetch(service, test_questions, glossary=False)
        weights, dev_table, dev_bm25 = choose(index, dev)
        plain_rrf = FusionWeights({"vi": 1.0, "en": 1.0}, ocr_gate=False)
        report = {"set": args.set, "by": args.by, "corpus": str(settings.corpus_dir),
                  "chosen": {"dense": weights.dense, "ocr_gate": weights.ocr_gate, "rrf_k": weights.rrf_k},
                  "choose_on": {"bm25": dev_bm25, "hybrid": dev_table}, "report_on": {
                      "bm25": score(index, test, "bm25"), "dense": score(index, test, "dense"),
                      "hybrid-plain-rrf": score(index, test, "hybrid", plain_rrf),
                      "hybrid": score(index, test, "hybrid", weights),
                      "bm25-no-glossary": score(index, test_plain, "bm25"),
                      "hybrid-no-glossary": score(index, test_plain, "hybrid", weights)}}  # fmt: skip
        print(json.dumps(report, indent=1))
    finally:
        service.close()


if __name__ == "__main__":
    main()
