"""Measure the fusion of BM25 and dense rankings: choose the gate on dev questions, report held-out.

    python -m eval.tune_fusion --set all           # seeds, devcorpus and recent, chosen on their dev union
    python -m eval.tune_fusion --set both          # seeds and devcorpus only
    python -m eval.tune_fusion --set devcorpus [--corpus FOLDER] [--json]

Every candidate gate ranks as search does (fusion, boosts, duplicates collapsed) over the
ingested index; the candidate lists (BM25's, the model's for each query text, and the model's
re-score of BM25's candidates for each) are fetched once per question and reused, and each
question is ranked once per grid point (`eval.fusion_grid`), so the whole grid costs a few
minutes on two cores. The gate is chosen on the dev document group of every set given, jointly,
and reported on both groups of each set (held-out is the measure), overall and per language,
beside bm25 and dense alone, plain RRF, the chosen gate without the re-score and the second
query or without its windows, the default gate with and without its guard of BM25's first
passage, and BM25 without the English lexicon.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, replace
from functools import lru_cache, partial
from pathlib import Path

from assistant.answer_ranking import add_figure_ranking
from assistant.copies import Passage, collapse_duplicates
from assistant.copies import passage_from_payload as _passage
from assistant.dense_rankings import merge_rankings, query_texts, rescore
from assistant.fusion import DEFAULT_WEIGHTS, FusionWeights, fuse, wants_dense, wants_rescore
from assistant.query import QueryAnalysis, analyse
from assistant.search import CANDIDATES, LIFTS, add_fact_ranking, boost
from assistant.targeting import with_named
from eval.fusion_grid import Outcome, Question, choose
from eval.gold import resolve_gold
from eval.metrics import qrels_entry, ranked_keys, retrieval_scores, run_entry
from ingest.index import ChunkIndex, Hit

METRICS = ("hits@1", "hits@5", "mrr@10")
PLAIN_RRF = FusionWeights({"vi": 1.0, "en": 1.0})
EVERY_QUERY = FusionWeights(vietnamese_query=True)  # fetch every query text's rankings once
SET_GROUPS = {"both": ("seeds", "devcorpus"), "all": ("seeds", "devcorpus", "recent")}


@dataclass
class Candidates:
    """One question's analysis, gold and BM25 and dense candidate lists, fetched once."""

    question: dict
    analysis: QueryAnalysis
    sparse: list[Hit]
    dense: list[list[Hit]]  # per query text (the question; for English, its rendering too)
    rescored: list[list[Hit]]  # BM25's candidates by cosine, per query text
    gold: dict[str, int]  # qrels entry: gold keys (source#section) or chunk ids
    by_id: bool  # gold given as chunk ids (quotes resolved) rather than sections
    index: ChunkIndex  # the set's index (for duplicate collapsing)
    key: str = ""  # set name + question id


class SearchCache:
    """The index with its BM25 searches remembered: the grid ranks each question hundreds of
    times, and the asked figure's and fact's rankings search the same document each time."""

    def __init__(self, index: ChunkIndex):
        self._index = index
        self._hits: dict[tuple, list[Hit]] = {}

    def sparse_search(self, terms: dict[str, float], limit: int, filters=None) -> list[Hit]:
        key = (tuple(sorted(terms.items())), limit, json.dumps(filters, sort_keys=True, default=str))
        if key not in self._hits:
            self._hits[key] = self._index.sparse_search(terms, limit, filters)
        return list(self._hits[key])

    def __getattr__(self, name: str):
        return getattr(self._index, name)


def fetch(service, questions: list[dict], glossary: bool = True, set_name: str = "") -> list[Candidates]:
    """Candidates for the questions that have gold: by section, or by quote resolved to chunks."""
    chunks_of = lru_cache(maxsize=None)(service.chunks)
    index = SearchCache(service.index)  # duplicate collapsing's look-ups are in-process and cheap
    out = []
    for q in questions:
        if not q.get("gold"):
            continue
        by_id = any("quote" in g for g in q["gold"])
        gold = dict.fromkeys(resolve_gold(q["gold"], chunks_of), 1) if by_id else qrels_entry(q["gold"])
        analysis = analyse(q["question"], service.profile, use_glossary=glossary)
        sparse = service.index.sparse_search(analysis.terms, CANDIDATES)
        sparse = with_named(index, analysis.terms, sparse, analysis.constraints.documents, CANDIDATES)
        vectors = [service.embedder.embed_query(t) for t in query_texts(analysis, EVERY_QUERY)]
        dense = [service.index.dense_search(v, CANDIDATES) for v in vectors]
        rescored = [rescore(service.index, v, sparse) for v in vectors]
        key = f"{set_name}:{q['id']}"
        out.append(Candidates(q, analysis, sparse, dense, rescored, gold, by_id, index, key))
    return out


def ranking(c: Candidates, mode: str, weights: FusionWeights) -> list[Passage]:
    """search()'s order (fusion, the asked fact's and figure's chunks, boosts, duplicates collapsed) without
    the evidence scores."""
    sparse = c.sparse if mode in ("bm25", "hybrid") else []
    used = len(query_texts(c.analysis, weights))  # as search(): dense_rankings()
    dense = merge_rankings(c.dense[:used]) if wants_dense(mode, sparse, c.analysis, weights) else []
    rescored = merge_rankings(c.rescored[:used]) if wants_rescore(mode, sparse, c.analysis, weights) else []
    fused = fuse(sparse, dense, c.analysis, weights, rescored)
    sources = add_fact_ranking(c.index, c.analysis, fused, weights.rrf_k, None)
    add_figure_ranking(c.index, c.analysis, fused, weights.rrf_k, LIFTS["figure"], partial(boost, c.analysis))
    passages = [_passage(pid, s * boost(c.analysis, p, None, sources), p) for pid, (s, p) in fused.items()]
    return sorted(collapse_duplicates(c.index, passages), key=lambda p: p.score, reverse=True)[:20]


def run_keys(c: Candidates, passages: list[Passage]) -> list[str]:
    return [p.id for p in passages] if c.by_id else ranked_keys(passages)


def outcome(c: Candidates, weights: FusionWeights) -> Outcome:
    """Gold in the top 5, and the reciprocal rank of the first gold in the top 10."""
    keys = ranked_keys(run_keys(c, ranking(c, "hybrid", weights)))[:10]
    rank = next((i for i, key in enumerate(keys) if key in c.gold), None)
    return Outcome(int(rank is not None and rank < 5), 0.0 if rank is None else 1.0 / (rank + 1))


def cached_ranker(cands: list[Candidates]):
    """outcome() by question key, computed once per effective setting of that question."""
    by_key = {c.key: c for c in cands}
    seen: dict[tuple, Outcome] = {}

    def rank(key: str, weights: FusionWeights) -> Outcome:
        c = by_key[key]
        w, rw = weights.dense_weight(c.analysis), weights.rescore_weight(c.analysis)
        setting = (key, w, rw, weights.rescore_shift(c.analysis), weights.rrf_k)
        setting += (weights.ocr_gate, weights.dense_only) if w else ()
        setting += (weights.vietnamese_query,) if (w or rw) and len(c.dense) > 1 else ()
        setting += (weights.keep_first,) if (w or rw) else ()
        if setting not in seen:
            seen[setting] = outcome(c, weights)
        return seen[setting]

    return rank


def score(cands: list[Candidates], mode: str, weights: FusionWeights = DEFAULT_WEIGHTS) -> dict:
    """hits@1, hits@5, MRR@10 overall and per language for one configuration."""
    runs, qrels, langs = {}, {}, {}
    for c in cands:
        runs[c.key] = run_entry(run_keys(c, ranking(c, mode, weights)))
        qrels[c.key] = c.gold
        langs[c.key] = c.question["lang"]
    _, per_question = retrieval_scores(qrels, runs, METRICS)
    table = {"all": _mean(per_question, list(per_question))}
    for lang in sorted(set(langs.values())):
        table[lang] = _mean(per_question, [i for i in per_question if langs[i] == lang])
    return table


def _mean(per_question: dict, ids: list[str]) -> dict:
    out = {m: sum(per_question[i][m] for i in ids) / len(ids) if ids else 0.0 for m in METRICS}
    return out | {"n": len(ids)}


def open_set(name: str, corpus: Path | None):
    """A service over the set's own index, ingested if needed."""
    from assistant.service import AssistantService
    from assistant.settings import Settings
    from eval.sets import settings_for

    settings, root = settings_for(name, Settings(), corpus)
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


def report_on(cands: list[Candidates], plain: list[Candidates], weights: FusionWeights) -> dict:
    """Every configuration's table on one group of one set."""
    bm25 = FusionWeights(rrf_k=weights.rrf_k)
    return {"bm25": score(cands, "bm25", bm25), "bm25-k60": score(cands, "bm25"),
            "dense": score(cands, "dense"), "hybrid-plain-rrf": score(cands, "hybrid", PLAIN_RRF),
            "hybrid": score(cands, "hybrid", weights),
            "hybrid-no-rescore": score(cands, "hybrid", replace(weights, rescore={}, vietnamese_query=False)),
            "hybrid-unbounded": score(cands, "hybrid", replace(weights, window={})),
            "hybrid-default": score(cands, "hybrid", DEFAULT_WEIGHTS),
            "hybrid-default-unguarded": score(cands, "hybrid", replace(DEFAULT_WEIGHTS, keep_first=0)),
            "bm25-no-lexicon": score(plain, "bm25", bm25),
            "hybrid-no-lexicon": score(plain, "hybrid", weights)}  # fmt: skip


def markdown(report: dict) -> str:
    """hits@5 / MRR@10 per configuration, set and group, overall and per language."""
    lines = [f"Chosen: {json.dumps(report['chosen'])}", ""]
    for (set_name, group), tables in report["report_on"].items():
        langs = [lang for lang in ("all", "en", "vi", "vi-nodiac") if lang in tables["bm25"]]
        head = " | ".join(f"{lang} (n={tables['bm25'][lang]['n']})" for lang in langs)
        lines += [f"{set_name} · {group} (hits@5 / MRR@10)", "", f"| configuration | {head} |",
                  "|---" * (len(langs) + 1) + "|"]  # fmt: skip
        for config, table in tables.items():
            cells = [f"{table[lang]['hits@5']:.3f} / {table[lang]['mrr@10']:.3f}" for lang in langs]
            lines.append(f"| {config} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    from eval.groups import by_group
    from eval.sets import load_set

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=(*SET_GROUPS, "seeds", "devcorpus", "recent"),
                        help="Question set (repeatable; 'both' = seeds and devcorpus, 'all' = those and "
                        "recent; default all); the gate is chosen on the dev groups of all of them "
                        "together.")  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=None, help="Another corpus folder for devcorpus.")
    parser.add_argument("--json", action="store_true", help="Print the whole report as JSON.")
    parser.add_argument("--full", action="store_true", help="Also grid the OCR gate and the dense-only vote.")
    args = parser.parse_args(argv)
    names = [n for s in args.set or ["all"] for n in SET_GROUPS.get(s, (s,))]
    services, dev, groups = [], [], {}
    try:
        for name in dict.fromkeys(names):
            services.append(service := open_set(name, args.corpus if name == "devcorpus" else None))
            for group, questions in by_group(load_set(name), name).items():
                plain = fetch(service, questions, glossary=False, set_name=name)
                groups[(name, group)] = (fetch(service, questions, set_name=name), plain)
            dev += groups[(name, "dev")][0]
        questions = [Question(c.key, (c.key.split(":")[0], c.question["lang"]), c.analysis) for c in dev]
        weights, gains = choose(questions, cached_ranker(dev), full=args.full)
        report = {"chosen": asdict(weights), "dev_gains": gains,
                  "report_on": {g: report_on(c, p, weights) for g, (c, p) in groups.items()}}  # fmt: skip
        if args.json:
            report["report_on"] = {f"{s} {g}": t for (s, g), t in report["report_on"].items()}
            print(json.dumps(report, indent=1))
        else:
            print(markdown(report))
    finally:
        for service in services:
            service.close()


if __name__ == "__main__":
    main()
