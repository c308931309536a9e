"""`eduqa calibrate`: fit the refusal model (assistant/refusal.json) on one group of questions and
report refusal precision and recall on another (the held-out group).

Reproducible: same index, same questions -> same coefficients (plain gradient descent, no
randomness). Questions come from a JSONL file with a `split` (or `group`) field; a question whose
`kind` is `unanswerable` should be refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)
QUESTIONS = Path(__file__).with_name("questions.jsonl")


def _group(q: dict) -> str:
    return str(q.get("group") or q.get("split") or "")


def decisions(service, questions: list[dict], model) -> list[tuple[dict, object]]:
    """(question, decision) for each question, through the service's own search and decision."""
    from assistant.answer import decide
    from assistant.query import analyse

    out = []
    for q in questions:
        analysis = analyse(q["question"], service.profile)
        passages = service.search(q["question"], 20)
        decision = decide(analysis, passages[:5], service.profile, service.idf, model,
                          service.settings.abstain_threshold)  # fmt: skip
        out.append((q, decision))
    return out


def refusal_scores(pairs) -> dict[str, float]:
    refused = [not d.answerable for _, d in pairs]
    truth = [q.get("kind") == "unanswerable" for q, _ in pairs]
    hits = sum(r and t for r, t in zip(refused, truth, strict=True))
    return {
        "refusal_precision": round(hits / max(1, sum(refused)), 3),
        "refusal_recall": round(hits / max(1, sum(truth)), 3),
        "wrong_refusals": round(
            sum(r and not t for r, t in zip(refused, truth, strict=True)) / max(1, sum(not t for t in truth)),
            3,
        ),
        "n": len(pairs),
    }


def calibrate_cmd(
    questions_path: Annotated[Path, typer.Option("--questions", help="Questions (JSONL).")] = QUESTIONS,
    fit_group: Annotated[str, typer.Option("--fit", help="Group (split) to fit on.")] = "dev",
    report_group: Annotated[str, typer.Option("--report", help="Held-out group to report on.")] = "test",
    out: Annotated[Path | None, typer.Option(help="Where to write the model JSON.")] = None,
) -> None:
    """Fit the calibrated refusal (logistic regression over evidence features) on the --fit
    group, write assistant/refusal.json, and print refusal precision/recall on both groups."""
    from assistant.refusal import MODEL_PATH, fit, load_model
    from assistant.service import AssistantService
    from assistant.settings import Settings

    if not questions_path.exists():
        raise typer.BadParameter(f"{questions_path} does not exist", param_hint="--questions")
    questions = [
        json.loads(line) for line in questions_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    fit_qs = [q for q in questions if _group(q) == fit_group]
    held = [q for q in questions if _group(q) == report_group]
    if not fit_qs:
        raise typer.BadParameter(f"no questions in group {fit_group!r}", param_hint="--fit")
    service = AssistantService(Settings(), load_models=True)
    try:
        pairs = [(q, d) for q, d in decisions(service, fit_qs, None) if d.features]
        console.print(f"fitting on {len(pairs)} of {len(fit_qs)} {fit_group} questions "
                      "(the rest are refused before scoring: uncovered place, year or document)")  # fmt: skip
        model = fit([d.features for _, d in pairs], [q.get("kind") != "unanswerable" for q, _ in pairs])
        target = out or MODEL_PATH
        target.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        load_model.cache_clear()
        console.print(f"wrote {target}: cut {model.cut}")
        for name, group in ((fit_group, fit_qs), (report_group, held)):
            if group:
                console.print(f"{name}: {refusal_scores(decisions(service, group, model))}")
    finally:
        service.close()
