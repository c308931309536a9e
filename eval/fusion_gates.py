"""Measure fusion variants on one document group of the four sets: the English coverage curve
(`FusionWeights.untranslated_slope`) and the two-level coverage gate (`translated_below`).

    python -m eval.fusion_gates [--group dev] [--set …] [--variant NAME …]

Prints, per variant, top-5 hits per set and language against the default, with the questions
gained and lost. Choose on `dev` (a variant must add dev questions and lose none); run
`--group held-out` only with the chosen variant(s) to report them.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace

from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from eval.english_ceiling import gold_rank
from eval.fusion_candidates import Candidates, fetch, open_set, ranking
from eval.fusion_phrases import SETS
from eval.run import load_questions

SLOPES = (0.0, 0.25, 0.5, 0.75, 1.0, 2.0)


def variants() -> dict[str, FusionWeights]:
    out = {"default": DEFAULT_WEIGHTS,
           "gate-0.8": replace(DEFAULT_WEIGHTS, translated_below=0.8,
                               dense=DEFAULT_WEIGHTS.dense | {"en-untranslated": 0.25},
                               rescore=DEFAULT_WEIGHTS.rescore | {"en-untranslated": 0.5})}  # fmt: skip
    for own, rescore in itertools.product(SLOPES, SLOPES):
        if own or rescore:
            out[f"slope-{own:g}-{rescore:g}"] = replace(DEFAULT_WEIGHTS, untranslated_slope=(own, rescore))
    return out


def top5(cands: list[Candidates], weights: FusionWeights) -> set[str]:
    return {c.key for c in cands if (gold_rank(c, ranking(c, "hybrid", weights)) or 99) <= 5}


def per_group(cands: list[Candidates], found: set[str]) -> dict[str, tuple[int, int]]:
    """set/language -> (questions in the top 5, questions)."""
    out: dict[str, tuple[int, int]] = {}
    for c in cands:
        group = f"{c.key.split(':')[0]}/{c.question['lang']}"
        n_in, n = out.get(group, (0, 0))
        out[group] = (n_in + (c.key in found), n + 1)
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS)
    parser.add_argument("--group", default="dev", choices=("dev", "held-out"))
    parser.add_argument("--variant", action="append")
    args = parser.parse_args(argv)
    cands: list[Candidates] = []
    for set_name in args.set or SETS:
        service = open_set(set_name, None)
        try:
            questions = [
                q for q in load_questions("all", set_name=set_name, group=args.group) if q.get("gold")
            ]
            cands += fetch(service, questions, set_name=set_name)
        finally:
            service.close()
    base = top5(cands, DEFAULT_WEIGHTS)
    print("default", " ".join(f"{group} {n_in}/{n}" for group, (n_in, n) in per_group(cands, base).items()))
    chosen = variants() if not args.variant else {n: variants()[n] for n in args.variant}
    for name, weights in chosen.items():
        found = top5(cands, weights)
        gained, lost = sorted(found - base), sorted(base - found)
        print(f"{name:22} {len(found) - len(base):+d} +{gained} -{lost}")


if __name__ == "__main__":
    main()
