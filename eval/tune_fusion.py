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
passage, without the English rendering choice and guarding BM25's first five passages, and BM25
without the English lexicon.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from pathlib import Path

from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from eval.fusion_candidates import Candidates, fetch, open_set, outcome, ranking, run_keys
from eval.fusion_grid import Outcome, Question, choose
from eval.metrics import retrieval_scores, run_entry

METRICS = ("hits@1", "hits@5", "mrr@10")
PLAIN_RRF = FusionWeights({"vi": 1.0, "en": 1.0})
SET_GROUPS = {"both": ("seeds", "devcorpus"), "all": ("seeds", "devcorpus", "recent")}


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
            "hybrid-default-no-rendering-choice": score(cands, "hybrid",
                                                        replace(DEFAULT_WEIGHTS, choose_renderings=0)),
            "hybrid-default-keep-top-5": score(cands, "hybrid", replace(DEFAULT_WEIGHTS, keep_top=5)),
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
    args = _arguments(argv)
    names = [n for s in args.set or ["all"] for n in SET_GROUPS.get(s, (s,))]
    services: list = []
    try:
        groups = _candidates(names, args.corpus, services)
        dev = [c for (_, group), (cands, _) in groups.items() if group == "dev" for c in cands]
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


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = (*SET_GROUPS, "seeds", "devcorpus", "recent", "fresh")
    parser.add_argument("--set", action="append", choices=names,
                        help="Question set (repeatable; 'both' = seeds and devcorpus, 'all' = those and "
                        "recent; default all); the gate is chosen on the dev groups of all of them "
                        "together.")  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=None, help="Another corpus folder for devcorpus.")
    parser.add_argument("--json", action="store_true", help="Print the whole report as JSON.")
    parser.add_argument("--full", action="store_true", help="Also grid the OCR gate and the dense-only vote.")
    return parser.parse_args(argv)


def _candidates(names: list[str], corpus: Path | None, services: list) -> dict[tuple, tuple[list, list]]:
    """(set, group) -> the candidates with the lexicon and without, each set's service opened
    into `services` (closed by the caller)."""
    from eval.groups import by_group
    from eval.sets import load_set

    groups = {}
    for name in dict.fromkeys(names):
        services.append(service := open_set(name, corpus if name == "devcorpus" else None))
        for group, questions in by_group(load_set(name), name).items():
            plain = fetch(service, questions, glossary=False, set_name=name)
            groups[(name, group)] = (fetch(service, questions, set_name=name), plain)
    return groups


if __name__ == "__main__":
    main()
