"""Measure the fusion of BM25 and dense rankings: choose weights on one split, report on another.

    python -m eval.tune_fusion [--choose-on dev] [--report-on test] [--questions FILE]

Every candidate `FusionWeights` runs the real search (boosts, duplicate collapsing) over the
ingested index; the Qdrant candidate lists and question vectors are computed once per question
and reused, so a grid costs seconds. The weights with the best hits@5 on the choosing split
(MRR@10 breaks ties; never worse than BM25 in any language) are reported on the other split,
overall and per language, beside bm25 and dense alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from assistant.fusion import FusionWeights
from assistant.query import analyse
from assistant.search import search
from eval.metrics import qrels_entry, ranked_keys, retrieval_scores, run_entry
from eval.run import QUESTIONS, load_questions

DENSE_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
METRICS = ("hits@1", "hits@5", "mrr@10")


class RecordedIndex:
    """The index with its candidate lists remembered per query (the grid re-asks the same)."""

    def __init__(self, index):
        self._index = index
        self._seen: dict[tuple, list] = {}

    def __getattr__(self, name):
        return getattr(self._index, name)

    def sparse_search(self, terms, limit, flt=None):
        key = ("sparse", tuple(sorted(terms.items())), limit, repr(flt))
        if key not in self._seen:
            self._seen[key] = self._index.sparse_search(terms, limit, flt)
        return self._seen[key]

    def dense_search(self, vector, limit, flt=None):
        key = ("dense", tuple(vector), limit, repr(flt))
        if key not in self._seen:
            self._seen[key] = self._index.dense_search(vector, limit, flt)
        return self._seen[key]


def score(service, index, questions: list[dict], mode: str, weights: FusionWeights | None) -> dict:
    """hits@1, hits@5, MRR@10 overall and per language for one configuration."""
    runs, qrels, langs = {}, {}, {}
    for q in questions:
        if not q.get("gold"):
            continue
        passages = search(index, analyse(q["question"]), embedder=service.embedder, limit=20,
                          idf=service.idf, mode=mode, weights=weights)  # fmt: skip
        runs[q["id"]] = run_entry(ranked_keys(passages))
        qrels[q["id"]] = qrels_entry(q["gold"])
        langs[q["id"]] = q["lang"]
    _, per_question = retrieval_scores(qrels, runs, METRICS)
    table = {"all": _mean(per_question, list(per_question))}
    for lang in sorted(set(langs.values())):
        table[lang] = _mean(per_question, [i for i in per_question if langs[i] == lang])
    return table


def _mean(per_question: dict, ids: list[str]) -> dict:
    out = {m: sum(per_question[i][m] for i in ids) / len(ids) if ids else 0.0 for m in METRICS}
    return out | {"n": len(ids)}


def candidates() -> list[FusionWeights]:
    grid = itertools.product(DENSE_GRID, DENSE_GRID, (False, True))
    return [FusionWeights(dense={"vi": vi, "en": en}, ocr_gate=gate) for vi, en, gate in grid]


def choose(service, index, questions: list[dict]) -> tuple[FusionWeights, dict]:
    """Best hits@5 (then MRR@10) among the weights never below BM25 in any language."""
    bm25 = score(service, index, questions, "bm25", None)
    best, best_key, best_table = None, None, None
    for weights in candidates():
        table = score(service, index, questions, "hybrid", weights)
        safe = all(table[k]["hits@5"] >= bm25[k]["hits@5"] for k in bm25)
        key = (safe, round(table["all"]["hits@5"], 4), round(table["all"]["mrr@10"], 4))
        if best_key is None or key > best_key:
            best, best_key, best_table = weights, key, table
    return best, best_table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--choose-on", default="dev")
    parser.add_argument("--report-on", default="test")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    args = parser.parse_args(argv)
    from assistant.service import AssistantService
    from assistant.settings import Settings

    service = AssistantService(Settings(), owner="eduqa tune-fusion")
    try:
        if service.embedder is None:
            raise SystemExit("no dense model loaded: nothing to fuse")
        if service.is_stale():
            service.ingest()
        index = RecordedIndex(service.index)
        dev = load_questions(args.choose_on, path=args.questions)
        test = load_questions(args.report_on, path=args.questions)
        weights, dev_table = choose(service, index, dev)
        report = {"chosen": {"dense": weights.dense, "ocr_gate": weights.ocr_gate},
                  "choose_on": {args.choose_on: dev_table}, "report_on": {}}  # fmt: skip
        for name, mode, w in (("bm25", "bm25", None), ("dense", "dense", None),
                              ("hybrid-plain-rrf", "hybrid", FusionWeights({"vi": 1.0, "en": 1.0}, False)),
                              ("hybrid", "hybrid", weights)):  # fmt: skip
            report["report_on"][name] = score(service, index, test, mode, w)
        print(json.dumps(report, indent=1))
    finally:
        service.close()


if __name__ == "__main__":
    main()
