"""Choose how much a long English rendering weighs in BM25 (`assistant.phrase_weight`), on dev.

    python -m eval.fusion_phrases [--set seeds --set devcorpus --set recent --set fresh] [--group dev]

For each budget of terms a rendered phrase may weigh (0: no sharing), the English questions of
the group are searched as search() does (BM25 alone and the default hybrid) and their top-5 hits
counted per set. Choose on `dev`; `held-out` only reports the chosen value.
"""

from __future__ import annotations

import argparse
from functools import partial

import assistant.phrase_weight as phrase_weight
import assistant.rendering_choice as rendering_choice
from assistant.fusion_weights import DEFAULT_WEIGHTS
from eval.english_ceiling import gold_rank
from eval.fusion_candidates import fetch, open_set, ranking
from eval.run import load_questions

BUDGETS = (0, 2, 3, 4, 6)
SETS = ("seeds", "devcorpus", "recent", "fresh")


def english_questions(set_name: str, group: str) -> list[dict]:
    from assistant.english import detect_language

    questions = load_questions("all", set_name=set_name, group=group)
    return [q for q in questions if q.get("gold") and detect_language(q["question"]) == "en"]


def top5(service, questions: list[dict], set_name: str, budget: float) -> dict[str, list[str]]:
    """The questions each mode has its gold in the top 5 for, under one budget."""
    phrase_weight.PHRASE_TERMS = budget
    cands = fetch(service, questions, set_name=set_name)
    return {mode: [c.question["id"] for c in cands if _in_top5(c, mode)] for mode in ("bm25", "hybrid")}


def _in_top5(c, mode: str) -> bool:
    return (gold_rank(c, ranking(c, mode, DEFAULT_WEIGHTS)) or 99) <= 5


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS)
    parser.add_argument("--group", default="dev", choices=("dev", "held-out"))
    parser.add_argument("--budget", action="append", type=float)
    parser.add_argument(
        "--whole-chosen",
        action="store_true",
        help="renderings the model's passages use keep their whole weight",
    )
    args = parser.parse_args(argv)
    if args.whole_chosen:
        rendering_choice.shared_terms = partial(phrase_weight.shared_terms, budget=0)
    budgets = args.budget or BUDGETS
    for set_name in args.set or SETS:
        service = open_set(set_name, None)
        try:
            questions = english_questions(set_name, args.group)
            base = None
            for budget in budgets:
                found = top5(service, questions, set_name, budget)
                base = base or found
                moved = {m: (sorted(set(found[m]) - set(base[m])), sorted(set(base[m]) - set(found[m])))
                         for m in found}  # fmt: skip
                print(
                    f"{set_name} {args.group} budget {budget:g}: n={len(questions)}",
                    " ".join(f"{m} {len(ids)} (+{moved[m][0]} -{moved[m][1]})" for m, ids in found.items()),
                )
        finally:
            service.close()


if __name__ == "__main__":
    main()
