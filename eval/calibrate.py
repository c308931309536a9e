"""`eduqa calibrate`: fit the refusal model (assistant/refusal.json) on the `dev` document group
of the benchmark sets and report refusal precision and recall on the `held-out` group.

Leave-documents-out (eval/groups.py): only questions about dev documents are fitted on.
Reproducible: same indexes, same questions -> same coefficients (plain gradient descent, no
randomness). A question whose `kind` is `unanswerable` should be refused. Questions a rule
refuses before the model (a province or year the corpus lacks, a near miss) are not fitted on,
but their wrong refusals count against the 10% the cut may refuse.

`--cv` only reports: leave-one-dev-document-out cross-validation of the fit for each L2
strength, with and without the rule-refused questions (eval/refusal_cv.py), beside dev and
held-out, the stored model's scores and how many dev answers of the stored model each refit
would lose; it writes nothing. A refit is worth committing only when grouped CV improves and it
loses no dev answer (calibrating prints the dev answers it loses against the model it replaces;
`--keep-answers` chooses the cut among those that lose none).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)
SETS = ("seeds", "devcorpus", "recent")
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


SetsOption = Annotated[
    list[str] | None, typer.Option("--set", help="Sets to use (repeatable): seeds, devcorpus, recent.")
]
NoDenseOption = Annotated[bool, typer.Option("--no-dense", help="BM25 only, as `eduqa eval --no-dense`.")]
OutOption = Annotated[Path | None, typer.Option(help="Where to write the model JSON.")]
KeepAnswersOption = Annotated[
    bool,
    typer.Option(
        "--keep-answers",
        help="Choose the cut among those that refuse no dev question the stored model answers "
        "(a refit then loses no dev answer).",
    ),
]
CvOption = Annotated[
    bool,
    typer.Option(
        "--cv",
        help="Only report: leave-one-dev-document-out cross-validation of the fit (L2 "
        "strength, rule-refused questions fitted on or not) beside dev and held-out, the "
        "stored model's too; writes nothing.",
    ),
]


def calibrate_cmd(
    sets: SetsOption = None,
    no_dense: NoDenseOption = False,
    out: OutOption = None,
    keep_answers: KeepAnswersOption = False,
    cv: CvOption = False,
) -> None:
    """Fit the calibrated refusal (logistic regression over evidence features) on the dev
    document group of the sets together, keeping only features whose fitted sign matches their
    documented direction; write assistant/refusal.json, and print refusal precision, recall and
    wrong refusals on both groups (the held-out one is the measure)."""
    chosen = sets or list(SETS)
    if unknown := set(chosen) - set(SETS):
        raise typer.BadParameter(f"unknown sets {sorted(unknown)}; known: {list(SETS)}", param_hint="--set")
    if cv:
        return cross_validation_report(chosen, no_dense)
    by_set = {name: _set_pairs(name, no_dense) for name in chosen}
    model, fitted_on = _refit([(q, d) for groups in by_set.values() for q, d in groups["dev"]], keep_answers)
    _write_model(model, out, fitted_on)
    for name, groups in by_set.items():
        for group, pairs in groups.items():
            console.print(f"{name} · {group}: {refusal_scores(pairs, model)}")


def _refit(dev: list[tuple[dict, object]], keep_answers: bool) -> tuple[object, int]:
    """The model fitted on the dev questions that reach scoring (those a rule refused count
    against the share the cut may refuse); `keep_answers` keeps every dev answer the stored model
    gives. Prints the dev answers the stored model gave and the refit refuses; returns the model
    and how many questions it was fitted on."""
    from assistant.refusal import load_model
    from assistant.refusal_fit import fit

    fit_rows = [(q, d) for q, d in dev if d.features and d.reason in SCORED]
    if not fit_rows:
        raise typer.BadParameter("no dev questions reach scoring", param_hint="--set")
    answerable = [q.get("kind") != "unanswerable" for q, _ in fit_rows]
    ruled = sum(q.get("kind") != "unanswerable" for q, _ in dev) - sum(answerable)  # refused by a rule
    previous = load_model()
    keep = None
    if keep_answers and previous is not None:  # the answers the stored model gives stay given
        keep = [a and not refused(d, previous) for (_, d), a in zip(fit_rows, answerable, strict=True)]
    model = fit([d.features for _, d in fit_rows], answerable, refused_before=ruled, keep=keep)
    if previous is not None:
        lost = [q["id"] for q, d in dev if q.get("kind") != "unanswerable" and refused(d, model)
                and not refused(d, previous)]  # fmt: skip
        console.print(f"dev answers the previous model gave and this fit refuses: {len(lost)} {lost}")
    return model, len(fit_rows)


def _write_model(model, out: Path | None, fitted_on: int) -> None:
    from assistant.refusal import MODEL_PATH, load_model

    target = out or MODEL_PATH
    target.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()
    console.print(f"fitted on {fitted_on} dev questions; wrote {target} (cut {model.cut})")


def cross_validation_report(sets: list[str], no_dense: bool) -> None:
    """Grouped CV of each configuration (eval/refusal_cv.py) fitted on the features of the
    calibration search (`--no-dense`: BM25) and judged on those of the default search, which
    `eduqa eval` measures; the stored model beside it and the configuration CV would choose."""
    from assistant.refusal import load_model
    from eval.refusal_cv import choose, configs, evaluate, lost_answers, per_set, refuses, rows_of

    rows = [r for name in sets for r in rows_of(name, _set_pairs(name, False))]
    fitted_on = [r for name in sets for r in rows_of(name, _set_pairs(name, True))] if no_dense else rows
    results = [evaluate(rows, config, fitted_on) for config in configs()]
    if (stored := load_model()) is not None:
        for group in ("dev", "held-out"):
            part = [r for r in rows if (r.group == "dev") == (group == "dev")]
            scored = per_set(part, [refuses(stored, r) for r in part])
            console.print(f"stored model · {group}: {_line(scored)}", soft_wrap=True)
    for result in results:
        c = result["config"]
        lost = len(lost_answers(rows, result, stored)) if stored is not None else 0
        console.print(f"l2 {c.l2:g} ruled {int(c.with_ruled)} soft {int(c.soft_rules)} · "
                      f"CV {_line(result['cv'])} · dev {_line(result['dev'])} · "
                      f"held-out {_line(result['held-out'])} · cut {result['model'].cut} · "
                      f"dev answers lost vs stored {lost}", soft_wrap=True)  # fmt: skip
    best = choose(results)["config"]
    console.print(
        "precision/recall/wrong refusals per set; CV: each dev document's questions decided "
        "by a model fitted without them"
    )
    console.print(f"chosen by grouped CV: l2 {best.l2:g}, rule-refused fitted on: {best.with_ruled}")


def _line(by_set: dict[str, dict[str, float]]) -> str:
    """'set precision/recall/wrong refusals' for each set."""
    return " ".join(
        f"{name} {s['precision']:.2f}/{s['recall']:.2f}/{s['wrong_refusals']:.3f}"
        for name, s in by_set.items()
    )
