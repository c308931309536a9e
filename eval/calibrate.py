"""`eduqa calibrate`: fit the refusal model (assistant/refusal.json) on the `dev` document group
of the benchmark sets and report refusal precision and recall on the `held-out` group.

Leave-documents-out (eval/groups.py): only questions about dev documents are fitted on, with the
metamorphic negatives written from them (eval/perturb.py; `--no-twins` leaves them out).
Reproducible: same indexes, same questions -> same coefficients (plain gradient descent, no
randomness). A question whose `kind` is `unanswerable` should be refused. Questions a rule
refuses before the model (a province or year the corpus lacks, a near miss) are not fitted on.
The cut refuses the most unanswerable questions while wrongly refusing at most `--cap` of the
answerable ones the model decides, judged out of fold (eval/refusal_cv.grouped_fit).

`--cv` only reports: leave-one-dev-document-out cross-validation of the fit for each L2
strength, with and without the rule-refused questions (eval/refusal_cv.py), beside dev and
held-out, the stored model's scores and how many dev answers of the stored model each refit
would lose; it writes nothing. A refit is worth committing only when it loses at most one dev
answer on each set and no set's dev refusal recall drops (calibrating prints the dev answers it
loses against the model it replaces; `--keep-answers` lowers the cut until it loses none).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from assistant.refusal_fit import MAX_WRONG_REFUSALS

console = Console(stderr=True)
SETS = ("seeds", "devcorpus", "recent", "fresh")


SetsOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="Sets to use (repeatable): seeds, devcorpus, recent, fresh (default: all)."),
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
TwinsOption = Annotated[
    bool,
    typer.Option(
        "--twins/--no-twins",
        help="Fit on the metamorphic negatives written from the dev questions too "
        "(eval/perturb.py, every kind), and report refusal recall per kind.",
    ),
]
RowsCacheOption = Annotated[
    Path | None,
    typer.Option(
        "--rows-cache",
        help="A JSON file keeping every question's evidence features: read when it holds the "
        "same sets, search and twins, else written (a refit then searches nothing).",
    ),
]
CapOption = Annotated[
    float,
    typer.Option(
        "--cap",
        min=0.0,
        max=0.5,
        help="Share of the answerable dev questions the model decides that the cut may refuse "
        "(judged out of fold, each dev document decided by a model fitted without it).",
    ),
]
L2Option = Annotated[float, typer.Option("--l2", min=0.0, help="L2 strength of the fit.")]


def calibrate_cmd(
    sets: SetsOption = None,
    no_dense: NoDenseOption = False,
    out: OutOption = None,
    keep_answers: KeepAnswersOption = False,
    cv: CvOption = False,
    twins: TwinsOption = True,
    rows_cache: RowsCacheOption = None,
    cap: CapOption = MAX_WRONG_REFUSALS,
    l2: L2Option = 1.0,
) -> None:
    """Fit the calibrated refusal (logistic regression over evidence features, each weight held
    to its documented direction) on the dev document group of the sets together, its cut the
    one refusing the most unanswerable questions within a cap on wrong refusals judged by
    cross-validation grouped by document; write assistant/refusal.json, and print refusal
    precision, recall and wrong refusals on both groups (the held-out one is the measure)."""
    from eval.refusal_cv import Config
    from eval.refusal_rows import cached_rows

    chosen = sets or list(SETS)
    if unknown := set(chosen) - set(SETS):
        raise typer.BadParameter(f"unknown sets {sorted(unknown)}; known: {list(SETS)}", param_hint="--set")
    rows = cached_rows(chosen, no_dense, twins, rows_cache, console)
    if cv:
        return cross_validation_report(rows)
    model = _refit(rows, Config(l2=l2, cap=cap), keep_answers)
    _write_model(model, out, sum(r.group == "dev" and r.scored for r in rows))
    report_model(rows, model)


def _refit(rows, config, keep_answers: bool):
    """The model fitted on the dev rows (eval/refusal_cv.grouped_fit); `keep_answers` keeps
    every dev answer the stored model gives. Prints, per set, the dev answers the stored model
    gave and the refit refuses."""
    from assistant.refusal import RefusalModel, load_model
    from eval.refusal_cv import grouped_fit, refuses

    dev = [r for r in rows if r.group == "dev"]
    if not any(r.scored for r in dev):
        raise typer.BadParameter("no dev questions reach scoring", param_hint="--set")
    model = grouped_fit(dev, config)
    previous = load_model()
    if previous is None:
        return model
    kept = [r for r in dev if r.answerable and not refuses(previous, r)]
    if keep_answers and kept:
        floor = min(model.probability(r.features) for r in kept)
        model = RefusalModel(model.weights, model.bias, min(model.cut, floor), model.names)
    for name in sorted({r.set_name for r in dev}):
        lost = [r.question_id for r in kept if r.set_name == name and not r.perturb and refuses(model, r)]
        console.print(f"{name}: dev answers the stored model gave and this fit refuses: {len(lost)} {lost}")
    return model


def _write_model(model, out: Path | None, fitted_on: int) -> None:
    from assistant.refusal import MODEL_PATH, load_model

    target = out or MODEL_PATH
    target.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()
    console.print(f"fitted on {fitted_on} dev questions; wrote {target} (cut {model.cut})")


def report_model(rows, model) -> None:
    """Refusal precision / recall / wrong refusals per set and group on the sets' own questions,
    and refusal recall per kind of negative."""
    from eval.refusal_cv import per_set, refuses

    for group in ("dev", "held-out"):
        own = [r for r in rows if r.group == group and not r.perturb]
        console.print(f"{group}: {_line(per_set(own, [refuses(model, r) for r in own]))}", soft_wrap=True)
        twins = [r for r in rows if r.group == group and r.perturb]
        for name in sorted({r.set_name for r in twins}):
            mine = [r for r in twins if r.set_name == name]
            kinds = sorted({r.perturb for r in mine})
            cells = [f"{k} {sum(refuses(model, r) for r in mine if r.perturb == k)}/"
                     f"{sum(r.perturb == k for r in mine)}" for k in kinds]  # fmt: skip
            console.print(f"  {name} negatives refused: {' '.join(cells)}")


def cross_validation_report(rows) -> None:
    """Grouped CV of each configuration (eval/refusal_cv.py) beside dev and held-out, the stored
    model's scores, the dev answers each refit loses against it, and the configuration CV would
    choose."""
    from assistant.refusal import load_model
    from eval.refusal_cv import choose, configs, evaluate, lost_answers, per_set, refuses

    results = [evaluate(rows, config) for config in configs()]
    if (stored := load_model()) is not None:
        for group in ("dev", "held-out"):
            part = [r for r in rows if r.group == group and not r.perturb]
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
        "precision/recall/wrong refusals per set (the sets' own questions); CV: each dev "
        "document's questions decided by a model fitted without them"
    )
    console.print(f"chosen by grouped CV: l2 {best.l2:g}, rule-refused fitted on: {best.with_ruled}")


def _line(by_set: dict[str, dict[str, float]]) -> str:
    """'set precision/recall/wrong refusals' for each set."""
    return " ".join(
        f"{name} {s['precision']:.2f}/{s['recall']:.2f}/{s['wrong_refusals']:.3f}"
        for name, s in by_set.items()
    )
