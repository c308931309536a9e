"""`eduqa calibrate`: fit the refusal model (assistant/refusal.json) on the `dev` document group
of the benchmark sets and report refusal precision and recall on the `held-out` group.

Leave-documents-out (eval/groups.py): only questions about dev documents are fitted on.
Reproducible: same indexes, same questions -> same coefficients (plain gradient descent, no
randomness). A question whose `kind` is `unanswerable` should be refused. Questions a rule
refuses before the model (a province or year the corpus lacks, a near miss) are not fitted on,
but their wrong refusals count against the 10% the cut may refuse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)
SETS = ("seeds", "devcorpus")
SCORED = ("", "weak")  # decisions left to the model (others were refused by a rule before it)


def decisions(service, questions: list[dict]) -> list[tuple[dict, object]]:
    """(question, decision) for each question through the service's own search and decision,
    uncalibrated: the features are what the model is fitted on."""
    from assistant.answer import decide
    from assistant.query import analyse

    out = []
    for q in questions:
        analysis = analyse(q["question"], service.profile)
        passages = service.search(q["question"], 20)
        decision = decide(analysis, passages[:5], service.profile, service.idf, None,
                          service.settings.abstain_threshold)  # fmt: skip
        out.append((q, decision))
    return out


def refused(decision, model) -> bool:
    """Refused before scoring (uncovered constraint, nothing fits), or scored below the cut."""
    if not decision.features or decision.reason not in SCORED:
        return True
    return model.probability(decision.features) < model.cut


def refusal_scores(pairs, model) -> dict[str, float]:
    said_no = [refused(d, model) for _, d in pairs]
    truth = [q.get("kind") == "unanswerable" for q, _ in pairs]
    hits = sum(r and t for r, t in zip(said_no, truth, strict=True))
    wrong = sum(r and not t for r, t in zip(said_no, truth, strict=True))
    return {
        "refusal_precision": round(hits / max(1, sum(said_no)), 3),
        "refusal_recall": round(hits / max(1, sum(truth)), 3),
        "wrong_refusals": round(wrong / max(1, sum(not t for t in truth)), 3),
        "n": len(pairs),
    }


def _set_pairs(set_name: str, no_dense: bool) -> dict[str, list]:
    """Per group, (question, decision) pairs of one set, on that set's own index."""
    from assistant.settings import Settings
    from eval.askers import Askers
    from eval.groups import by_group
    from eval.sets import load_set

    settings = Settings()
    if no_dense:
        settings = settings.model_copy(update={"embedding_model": None, "reranker_model": None})
    with Askers(settings, set_name, ["hybrid"], console=console) as askers:
        grouped = by_group(load_set(set_name), set_name)
        return {group: decisions(askers.service, qs) for group, qs in grouped.items()}


def calibrate_cmd(
    sets: Annotated[
        list[str] | None, typer.Option("--set", help="Sets to use (repeatable): seeds, devcorpus.")
    ] = None,
    no_dense: Annotated[
        bool, typer.Option("--no-dense", help="BM25 only, as `eduqa eval --no-dense`.")
    ] = False,
    out: Annotated[Path | None, typer.Option(help="Where to write the model JSON.")] = None,
) -> None:
    """Fit the calibrated refusal (logistic regression over evidence features) on the dev
    document group of the sets together, keeping only features whose fitted sign matches their
    documented direction; write assistant/refusal.json, and print refusal precision, recall and
    wrong refusals on both groups (the held-out one is the measure)."""
    from assistant.refusal import MODEL_PATH, load_model
    from assistant.refusal_fit import fit

    chosen = sets or list(SETS)
    if unknown := set(chosen) - set(SETS):
        raise typer.BadParameter(f"unknown sets {sorted(unknown)}; known: {list(SETS)}", param_hint="--set")
    by_set = {name: _set_pairs(name, no_dense) for name in chosen}
    dev = [(q, d) for groups in by_set.values() for q, d in groups["dev"]]
    fit_rows = [(q, d) for q, d in dev if d.features and d.reason in SCORED]
    if not fit_rows:
        raise typer.BadParameter("no dev questions reach scoring", param_hint="--set")
    answerable = [q.get("kind") != "unanswerable" for q, _ in fit_rows]
    ruled = sum(q.get("kind") != "unanswerable" for q, _ in dev) - sum(answerable)  # refused by a rule
    model = fit([d.features for _, d in fit_rows], answerable, refused_before=ruled)
    target = out or MODEL_PATH
    target.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()
    console.print(f"fitted on {len(fit_rows)} dev questions; wrote {target} (cut {model.cut})")
    for name, groups in by_set.items():
        for group, pairs in groups.items():
            console.print(f"{name} · {group}: {refusal_scores(pairs, model)}")
