"""Where English retrieval can still gain, and what the dense side can add on dev.

    python -m eval.english_ceiling [--set seeds --set devcorpus --set recent]

For each set and group: how many English questions have their gold among BM25's 50 candidates,
among the model's own 50, in either (no fusion of these lists can pass that count), and in the
top 5 of bm25 and of the default hybrid. Then, on dev questions only (where a choice may be
made): the re-score of BM25's candidates by the question's cosine beside variants that use its
Vietnamese rendering too (the higher cosine, raw or standardised over the candidates, their
standardised sum, the rendering alone), per re-score weight; and the English weights with the
lexicon switched off (a stand-in for words the lexicon cannot render) beside the dev questions
each setting loses with the lexicon on.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace

import numpy as np

from assistant.copies import Passage
from assistant.copies import passage_from_payload as _passage
from assistant.dense_rankings import merge_rankings
from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from eval.fusion_candidates import Candidates, fetch, open_set, outcome, ranking, run_keys
from eval.metrics import ranked_keys
from ingest.index import Hit

RESCORE_WEIGHTS = (0.25, 0.5, 1.0)
OWN_GRID = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0)
RESCORE_GRID = (0.0, 0.25, 0.5, 1.0)


def gold_rank(c: Candidates, hits: list) -> int | None:
    """1-based rank of the first gold passage in a list of hits or passages."""
    passages = [h if isinstance(h, Passage) else _passage(h.id, h.score, h.payload) for h in hits]
    keys = ranked_keys(run_keys(c, passages))
    return next((i + 1 for i, key in enumerate(keys) if key in c.gold), None)


def list_counts(cands: list[Candidates]) -> dict[str, int]:
    """Gold among each candidate list, and in each configuration's top 5."""
    in_bm25 = [gold_rank(c, c.sparse) is not None for c in cands]
    in_model = [gold_rank(c, c.dense[0]) is not None for c in cands]
    top5 = {mode: sum((gold_rank(c, ranking(c, mode, DEFAULT_WEIGHTS)) or 99) <= 5 for c in cands)
            for mode in ("bm25", "hybrid")}  # fmt: skip
    return {"n": len(cands), "in BM25's 50": sum(in_bm25), "in the model's 50": sum(in_model),
            "in either": sum(a or b for a, b in zip(in_bm25, in_model, strict=True)),
            "top 5 bm25": top5["bm25"], "top 5 hybrid": top5["hybrid"]}  # fmt: skip


def _standard(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() + 1e-9)


def rescore_variants(c: Candidates, service) -> dict[str, list[Hit]]:
    """BM25's candidates ordered by the question's cosine and by each use of the rendering."""
    variants = {"question": c.rescored[0]}
    rendering = c.analysis.vietnamese_text
    stored = service.index.dense_vectors([h.id for h in c.sparse])
    kept = [h for h in c.sparse if h.id in stored]
    if not rendering or not kept:
        return variants
    matrix = np.asarray([stored[h.id] for h in kept], dtype=np.float32)
    texts = (c.analysis.search_text or c.analysis.question, rendering)
    asked, rendered = (matrix @ np.asarray(service.embedder.embed_query(t), dtype=np.float32) for t in texts)

    def order(scores: np.ndarray) -> list[Hit]:
        return [
            Hit(kept[i].id, float(scores[i]), kept[i].payload) for i in np.argsort(-scores, kind="stable")
        ]

    variants |= {"by rank": merge_rankings([order(asked), order(rendered)]),
                 "higher cosine": order(np.maximum(asked, rendered)),
                 "higher standardised": order(np.maximum(_standard(asked), _standard(rendered))),
                 "standardised sum": order(_standard(asked) + _standard(rendered)),
                 "rendering alone": order(rendered)}  # fmt: skip
    return variants


def english_weights(rescore: float, own: float | None = None) -> FusionWeights:
    own = DEFAULT_WEIGHTS.dense.get("en", 0.0) if own is None else own
    return replace(DEFAULT_WEIGHTS, dense={**DEFAULT_WEIGHTS.dense, "en": own},
                   rescore={**DEFAULT_WEIGHTS.rescore, "en": rescore})  # fmt: skip


def variant_table(dev: list[Candidates], services: dict) -> dict[tuple[str, float], int]:
    """Dev English questions in the top 5, per re-score variant and weight."""
    table: dict[tuple[str, float], int] = {}
    for c in dev:
        for name, hits in rescore_variants(c, services[c.key.split(":")[0]]).items():
            variant = replace(c, rescored=[hits])
            for weight in RESCORE_WEIGHTS:
                table[(name, weight)] = (
                    table.get((name, weight), 0) + outcome(variant, english_weights(weight)).hit5
                )
    return table


def lexicon_off_table(dev_all: list[Candidates], dev_plain: list[Candidates]) -> list[tuple]:
    """(own weight, re-score weight, dev questions lost with the lexicon, English top 5 without)."""
    base = {c.key: outcome(c, DEFAULT_WEIGHTS).hit5 for c in dev_all}
    rows = []
    for own, rescore in itertools.product(OWN_GRID, RESCORE_GRID):
        weights = english_weights(rescore, own)
        lost = sum(outcome(c, weights).hit5 < base[c.key] for c in dev_all)
        rows.append((own, rescore, lost, sum(outcome(c, weights).hit5 for c in dev_plain)))
    return rows


def main(argv: list[str] | None = None) -> None:
    from eval.groups import by_group
    from eval.sets import load_set

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=("seeds", "devcorpus", "recent", "fresh"),
                        help="Question set (repeatable); default: seeds, devcorpus and recent")  # fmt: skip
    args = parser.parse_args(argv)
    services, dev_en, dev_all, dev_plain = {}, [], [], []
    try:
        for name in args.set or ["devcorpus", "seeds", "recent"]:
            services[name] = service = open_set(name, None)
            for group, questions in by_group(load_set(name), name).items():
                english = [q for q in questions if q["lang"] == "en"]
                cands = fetch(service, english, set_name=name)
                print(f"{name} · {group} · English: {list_counts(cands)}")
                if group == "dev":
                    dev_en += cands
                    dev_all += fetch(service, questions, set_name=name)
                    dev_plain += fetch(service, english, glossary=False, set_name=name)
        print(f"\nDev English in the top 5 ({len(dev_en)}), re-score variant × weight:")
        for (variant, weight), hits in sorted(variant_table(dev_en, services).items()):
            print(f"  {variant:22} {weight:<5} {hits}")
        print(
            f"\nLexicon off ({len(dev_plain)} dev English): own, re-score, dev lost with it on, top 5 without"
        )
        for row in lexicon_off_table(dev_all, dev_plain):
            print("  " + "  ".join(str(v) for v in row))
    finally:
        for service in services.values():
            service.close()


if __name__ == "__main__":
    main()
