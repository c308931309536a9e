"""The rows the refusal model is fitted and judged on (`eduqa calibrate`): every question of a
set — and, with `twins`, the metamorphic negatives written from its answerable ones
(eval/perturb.py) — decided by the set's own service without the model, with its evidence
features, group, fold (its document) and, for a negative, the kind of rewrite.

Rows can be written to and read from a JSON file, so that fitting and cross-validation can be
repeated without searching again (`eduqa calibrate --rows-cache`)."""

from __future__ import annotations

import json
from pathlib import Path

from eval.refusal_cv import Row, rows_of


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


def set_rows(set_name: str, no_dense: bool, twins: bool, console=None) -> list[Row]:
    """The rows of one set on its own index (`no_dense`: BM25 search only), with the
    negatives written from its answerable questions when `twins`."""
    from assistant.settings import Settings
    from eval.askers import Askers
    from eval.groups import by_group
    from eval.perturb import CorpusFacts, perturbed_set
    from eval.sets import load_set

    settings = Settings()
    if no_dense:
        settings = settings.model_copy(update={"embedding_model": None, "reranker_model": None})
    with Askers(settings, set_name, ["hybrid"], console=console) as askers:
        questions = load_set(set_name)
        if twins:
            questions = questions + perturbed_set(questions, CorpusFacts.of_service(askers.service))[1]
        grouped = by_group(questions, set_name)
        return rows_of(set_name, {group: decisions(askers.service, qs) for group, qs in grouped.items()})


def cached_rows(sets: list[str], no_dense: bool, twins: bool, cache: Path | None, console=None) -> list[Row]:
    """The rows of every set, read from `cache` when it holds them all (same search, same
    twins), else computed (and written there)."""
    key = {"sets": sorted(sets), "no_dense": no_dense, "twins": twins}
    if cache is not None and cache.exists():
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}  # unreadable: computed again and written over
        if isinstance(data, dict) and data.get("key") == key:
            return [Row(**r) for r in data["rows"]]
    rows = [r for name in sets for r in set_rows(name, no_dense, twins, console)]
    if cache is not None:
        payload = {"key": key, "rows": [r.__dict__ for r in rows]}
        cache.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return rows
