"""Measure the fusion of BM25 and dense rankings: choose weights on one split, report on another.

    python -m eval.tune_fusion [--set seeds] [--set devcorpus [--corpus FOLDER]]

Every candidate `FusionWeights` ranks as search does (fusion, boosts, duplicates collapsed) over
the ingested index; the Qdrant candidate lists are fetched once per question and reused, so a
grid costs seconds. The weights are chosen on the dev part (the seeds' `dev` split, the
devcorpus's `dev` document group) and reported on the rest (`test`, `held-out`), overall and per
language, beside bm25 and dense alone, and with and without the English glossary.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.copies import collapse_duplicates
from assistant.fusion import DEFAULT_WEIGHTS, RRF_K, FusionWeights, fuse
from assistant.query import QueryAnalysis, analyse
from assistant.search import CANDIDATES, Passage, _passage, boost
from eval.gold import resolve_gold
from eval.metrics import qrels_entry, ranked_keys, retrieval_scores, run_entry
from ingest.index import ChunkIndex, Hit

DENSE_GRID = (0.0, 0.1, 0.25, 0.5, 1.0)
RRF_K_GRID = (RRF_K,)  # (60, 20, 5) measured k=20 best for BM25 itself; kept at 60 (see fusion.py)
METRICS = ("hits@1", "hits@5", "mrr@10")
MIN_GAIN = 2  # dev questions a dense weight must add to the top 5: one is within a group's noise


@dataclass
class Candidates:
    """One question's analysis, gold and BM25 and dense candidate lists, fetched once."""

    question: dict
    analysis: QueryAnalysis
    sparse: list[Hit]
    dense: list[Hit]
    gold: dict[str, int]  # qrels entry: gold keys (source#section) or chunk ids
    by_id: bool  # gold given as chunk ids (quotes resolved) rather than sections
    index: ChunkIndex  # the set's index (for duplicate collapsing)


def fetch(service, questions: list[dict], glossary: bool = True) -> list[Candidates]:
    """Candidates for the questions that have gold: by section, or by quote resolved to chunks."""
    chunks_of = lru_cache(maxsize=None)(service.chunks)
    index = service.index  # in-process look-ups: duplicate collapsing repeats them cheaply
    out = []
    for q in questions:
        if not q.get("gold"):
            continue
        by_id = any("quote" in g for g in q["gold"])
        gold = dict.fromkeys(resolve_gold(q["gold"], chunks_of), 1) if by_id else qrels_entry(q["gold"])
        analysis = analyse(q["question"], service.profile, use_glossary=glossary)
        sparse = service.index.sparse_search(analysis.terms, CANDIDATES)
        vector = service.embedder.embed_query(analysis.search_text)
        dense = service.index.dense_search(vector, CANDIDATES)
        out.append(Candidates(q, analysis, sparse, dense, gold, by_id, index))
    return out


def ranking(c: Candidates, mode: str, weights: FusionWeights) -> list[Passage]:
    """search()'s order (fusion, boosts, duplicates collapsed) without the evidence scores."""
    sparse = c.sparse if mode in ("bm25", "hybrid") else []
    voting = mode == "dense" or (mode == "hybrid" and weights.dense_weight(c.analysis.language))
    dense = c.dense if voting else []  # as search(): no dense vote, no dense candidates
    fused = fuse(sparse, dense, c.analysis.language, weights)
    passages = [_passage(pid, s * boost(c.analysis, p), p) for pid, (s, p) in fused.items()]
    return sorted(collapse_duplicates(c.index, passages), key=lambda p: p.score, reverse=True)[:20]


def score(cands: list[Candidates], mode: str, weights: FusionWeights = DEFAULT_WEIGHTS) -> dict:
    """hits@1, hits@5, MRR@10 overall and per language for one configuration."""
    runs, qrels, langs = {}, {}, {}
    for c in cands:
        qid = c.question["id"]
        passages = ranking(c, mode, weights)
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
    """(never below BM25 and, unless equal to it, at least MIN_GAIN more questions in the top 5;
    questions in the top 5; MRR@10 summed) over these languages' questions."""
    rows = [(table[lang], bm25[lang]) for lang in langs if lang in table]
    hits = sum(r["hits@5"] * r["n"] for r, _ in rows)
    gain = hits - sum(b["hits@5"] * b["n"] for _, b in rows)
    safe = all(row["hits@5"] >= base["hits@5"] for row, base in rows) and (
        gain >= MIN_GAIN - 1e-9 or table is bm25
    )
    return safe, hits, sum(r["mrr@10"] * r["n"] for r, _ in rows)


def choose(cands: list[Candidates]) -> tuple[FusionWeights, dict, dict]:
    """First RRF k on BM25 alone (it sets how much the year/level/province boosts weigh against
    rank), then per language group the dense weight with the best hits@5 (then MRR@10) among
    those never below BM25 at that k, with or without the OCR gate. Ties go to the smaller
    weight. Returns the weights, their table and BM25's table."""
    whole = ("en", "vi", "vi-nodiac")
    k = max(RRF_K_GRID, key=lambda k: merit(*[score(cands, "bm25", FusionWeights(rrf_k=k))] * 2, whole)[1:])
    bm25 = score(cands, "bm25", FusionWeights(rrf_k=k))
    best: tuple[tuple, FusionWeights] | None = None
    for gate in (False, True):
        tables = {w: score(cands, "hybrid", FusionWeights({"vi": w, "en": w}, gate, k)) for w in DENSE_GRID}
        tables[0.0] = bm25  # no dense vote: BM25's own ranking
        chosen = {
            group: max(DENSE_GRID, key=lambda w, langs=langs: merit(tables[w], bm25, langs))
            for group, langs in LANGUAGE_GROUPS.items()
        }
        merits = [merit(tables[chosen[g]], bm25, langs) for g, langs in LANGUAGE_GROUPS.items()]
        key = (all(m[0] for m in merits), sum(m[1] for m in merits), sum(m[2] for m in merits))
        if best is None or key > best[0]:
            best = (key, FusionWeights(chosen, gate, k))
    assert best is not None
    return best[1], score(cands, "hybrid", best[1]), bm25


def open_set(name: str, corpus: Path | None):
    """A service over the set's own index, ingested if needed."""
    from assistant.service import AssistantService
    from assistant.settings import Settings
    from eval.sets import settings_for

    settings = settings_for(name, Settings(), corpus)
    settings, root = settings if isinstance(settings, tuple) else (settings, None)
    service = AssistantService(settings, owner="eduqa tune-fusion")
    if service.embedder is None:
        service.close()
        raise SystemExit("no dense model loaded: nothing to fuse")
    if root is not None:
        from eval.setcorpus import prepare_index

        prepare_index(service, root)
    elif service.is_stale():
        service.ingest()
    return service


def question_groups(name: str) -> tuple[list[dict], list[dict]]:
    """(choose on, report on): the seeds' own dev/test split, the devcorpus's document groups."""
    from eval.groups import by_group
    from eval.sets import load_set

    questions = load_set(name)
    if name == "seeds":
        return [q for q in questions if q.get("split") == "dev"], [
            q for q in questions if q.get("split") == "test"
        ]
    groups = by_group(questions, name)
    return groups["dev"], groups["held-out"]


def report_on(test: list[Candidates], plain: list[Candidates], weights: FusionWeights) -> dict:
    bm25 = FusionWeights(rrf_k=weights.rrf_k)
    plain_rrf = FusionWeights({"vi": 1.0, "en": 1.0}, ocr_gate=False)
    return {"bm25": score(test, "bm25", bm25), "bm25-k60": score(test, "bm25"),
            "dense": score(test, "dense"), "hybrid-plain-rrf": score(test, "hybrid", plain_rrf),
            "hybrid": score(test, "hybrid", weights),
            "bm25-no-glossary": score(plain, "bm25", bm25),
            "hybrid-no-glossary": score(plain, "hybrid", weights)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=("seeds", "devcorpus"),
                        help="Question set (repeatable; default seeds); weights are chosen on the "
                        "dev part of all of them together.")  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=None, help="Another corpus folder for devcorpus.")
    args = parser.parse_args(argv)
    services, dev, tests = [], [], {}
    try:
        for name in args.set or ["seeds"]:
            services.append(service := open_set(name, args.corpus if name == "devcorpus" else None))
            dev_questions, test_questions = question_groups(name)
            dev += fetch(service, dev_questions)
            tests[name] = (fetch(service, test_questions), fetch(service, test_questions, glossary=False))
        weights, dev_table, dev_bm25 = choose(dev)
        report = {"sets": list(tests), "corpora": [str(s.settings.corpus_dir) for s in services],
                  "chosen": {"dense": weights.dense, "ocr_gate": weights.ocr_gate, "rrf_k": weights.rrf_k},
                  "choose_on": {"bm25": dev_bm25, "hybrid": dev_table},
                  "report_on": {n: report_on(t, p, weights) for n, (t, p) in tests.items()}}  # fmt: skip
        print(json.dumps(report, indent=1))
    finally:
        for service in services:
            service.close()


if __name__ == "__main__":
    main()
