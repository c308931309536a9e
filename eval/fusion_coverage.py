"""Choose the English gate by lexicon coverage on dev: how much the model's rankings vote when the
lexicon rendered little of a question (`FusionWeights.translated_below`, kind 'en-untranslated').

    python -m eval.fusion_coverage [--set seeds --set devcorpus --set recent --set fresh]

Lists each dev English question's rendered share and the rank of its gold under bm25, dense and
the default hybrid, then grids the share below which a question is 'en-untranslated' and that
kind's own-ranking and re-score weights, counting dev top-5 hits per set against the default
(a setting is only worth taking if it adds dev questions and loses none). Held-out English is
reported for the default and the best setting only.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace

from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from eval.english_ceiling import gold_rank
from eval.fusion_candidates import Candidates, fetch, open_set, ranking
from eval.fusion_phrases import SETS, english_questions

SHARES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
OWN = (0.1, 0.25, 0.5, 1.0)
RESCORE = (0.25, 0.5, 1.0)


def hits(cands: list[Candidates], weights: FusionWeights) -> set[str]:
    return {c.key for c in cands if (gold_rank(c, ranking(c, "hybrid", weights)) or 99) <= 5}


def gates() -> list[FusionWeights]:
    """Every two-level gate of the grid (the default's weights above the share)."""
    return [replace(DEFAULT_WEIGHTS, translated_below=share,
                    dense=DEFAULT_WEIGHTS.dense | {"en-untranslated": own},
                    rescore=DEFAULT_WEIGHTS.rescore | {"en-untranslated": rescore})
            for share, own, rescore in itertools.product(SHARES, OWN, RESCORE)]  # fmt: skip


def listing(cands: list[Candidates]) -> None:
    for c in sorted(cands, key=lambda c: c.analysis.translated_share):
        ranks = [gold_rank(c, ranking(c, mode, DEFAULT_WEIGHTS)) for mode in ("bm25", "dense", "hybrid")]
        print(f"  {c.key:16} share {c.analysis.translated_share:.2f} bm25/dense/hybrid {ranks}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS)
    args = parser.parse_args(argv)
    dev: list[Candidates] = []
    held: list[Candidates] = []
    for set_name in args.set or SETS:
        service = open_set(set_name, None)
        try:
            dev += fetch(service, english_questions(set_name, "dev"), set_name=set_name)
            held += fetch(service, english_questions(set_name, "held-out"), set_name=set_name)
        finally:
            service.close()
    listing(dev)
    base = hits(dev, DEFAULT_WEIGHTS)
    scored = []
    for weights in gates():
        found = hits(dev, weights)
        scored.append((len(found - base) - len(base - found), -len(base - found), weights, found))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    print(f"default: {len(base)} of {len(dev)} dev English in the top 5")
    for gain, _, weights, found in scored[:12]:
        print(f"  below {weights.translated_below:.2f} own {weights.dense['en-untranslated']:.2f} "
              f"rescore {weights.rescore['en-untranslated']:.2f}: {gain:+d} "
              f"(+{sorted(found - base)} -{sorted(base - found)})")  # fmt: skip
    best = scored[0][2]
    print(
        f"held-out English: default {len(hits(held, DEFAULT_WEIGHTS))}, best {len(hits(held, best))} "
        f"of {len(held)}"
    )


if __name__ == "__main__":
    main()
