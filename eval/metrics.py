"""Benchmark metrics: retrieval (computed by ranx), answer accuracy, citation precision,
abstention, latency.

Runs and qrels are `{question_id: {doc_key: score}}` with `doc_key = "source#I/2/(3)"`: a
retrieved chunk matches a gold passage when its source and section are equal. Several chunks
with the same key (parts of one long task) count once, at the best rank.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ingest.text import fold_accents

RETRIEVAL_METRICS = ("hits@1", "hits@3", "hits@5", "mrr@10", "ndcg@10")
_EMPTY = "__no_result__"


def doc_key(source: str, section: Sequence[str]) -> str:
    return f"{source}#{'/'.join(section)}"


def item_key(item) -> str:
    """Key of a retrieved passage, citation or gold entry (dict or object with source/section)."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        return doc_key(item["source"], item.get("section") or [])
    return doc_key(item.source, item.section or [])


def ranked_keys(items: Iterable) -> list[str]:
    """Keys in rank order, each once (the best-ranked occurrence kept)."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item_key(item), None)
    return list(seen)


def run_entry(keys: Sequence[str]) -> dict[str, float]:
    """Scores that keep the given rank order (ranx sorts by score), duplicates counted once."""
    unique = ranked_keys(keys)
    return {k: float(len(unique) - i) for i, k in enumerate(unique)}


def qrels_entry(gold: Iterable) -> dict[str, int]:
    return {item_key(g): 1 for g in gold}


def retrieval_scores(
    qrels: dict[str, dict[str, int]],
    run: dict[str, dict[str, float]],
    metrics: Sequence[str] = RETRIEVAL_METRICS,
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """(mean per metric, per question per metric), by ranx; questions without gold are skipped."""
    from ranx import Qrels, Run, evaluate

    ids = [q for q in qrels if qrels[q]]
    if not ids:
        return dict.fromkeys(metrics, math.nan), {}
    qrels_dict = {q: dict(qrels[q]) for q in ids}
    run_dict = {q: dict(run.get(q) or {}) or {_EMPTY: 0.0} for q in ids}
    # ranx "hits@k" counts every gold passage in the top k; ours is binary (any gold in the top k),
    # which ranx calls "hit_rate@k".
    ranx_names = [m.replace("hits@", "hit_rate@") for m in metrics]
    scores = evaluate(Qrels(qrels_dict), Run(run_dict), ranx_names, return_mean=False, make_comparable=True)
    if len(metrics) == 1:
        scores = {ranx_names[0]: scores}
    scores = {m: scores[r] for m, r in zip(metrics, ranx_names, strict=True)}
    # ranx orders queries by its own sorted ids; map back explicitly.
    order = sorted(ids)
    per_question = {q: {m: float(scores[m][i]) for m in metrics} for i, q in enumerate(order)}
    means = {m: float(sum(per_question[q][m] for q in ids) / len(ids)) for m in metrics}
    return means, per_question


def normalise(text: str) -> str:
    return " ".join(fold_accents(text or "").split())


def answer_correct(answer: str, must_contain: Sequence[str]) -> bool | None:
    """All required strings in the answer, after accent folding and lower-casing; None when
    the question has nothing to check."""
    if not must_contain:
        return None
    folded = normalise(answer)
    return all(normalise(s) in folded for s in must_contain)


def citation_precision(citations: Sequence, gold: Sequence) -> float | None:
    """Share of cited passages whose key is gold; None when nothing was cited or no gold."""
    if not citations or not gold:
        return None
    wanted = set(qrels_entry(gold))
    keys = [item_key(c) for c in citations]
    return sum(k in wanted for k in keys) / len(keys)


def abstention(rows: Sequence[tuple[bool, bool]]) -> dict[str, float | int]:
    """rows: (abstained, should_abstain). Positive = abstained (answerable false)."""
    tp = sum(1 for a, s in rows if a and s)
    fp = sum(1 for a, s in rows if a and not s)
    fn = sum(1 for a, s in rows if not a and s)
    return {
        "abstention_precision": tp / (tp + fp) if tp + fp else math.nan,
        "abstention_recall": tp / (tp + fn) if tp + fn else math.nan,
        "false_abstentions": fp,
        "false_answers": fn,
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); nan for no values."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return math.nan
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def mean(values: Iterable) -> float:
    vals = [float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return sum(vals) / len(vals) if vals else math.nan


def summarise(records: Sequence[dict], retrieval_only: bool = False) -> dict[str, float | int]:
    """Aggregate one configuration's per-question records.

    A record: {"id", "kind", "gold", "must_contain", "retrieved": [keys], "citations": [keys],
    "answer", "answerable", "latency_ms"}. Adds per-question scores to each record in place
    (record["scores"]).
    """
    answerable_q = [r for r in records if r["kind"] != "unanswerable" and r["gold"]]
    qrels = {r["id"]: qrels_entry(r["gold"]) for r in answerable_q}
    run = {r["id"]: run_entry(r["retrieved"]) for r in answerable_q}
    means, per_q = retrieval_scores(qrels, run)
    out: dict[str, float | int] = dict(means)
    out["n"] = len(records)
    for r in records:
        r["scores"] = dict(per_q.get(r["id"], {}))
    if retrieval_only:
        return out
    correct = []
    precisions = []
    for r in records:
        ok = answer_correct(r.get("answer", ""), r.get("must_contain", []))
        if ok is not None and r["kind"] != "unanswerable":
            r["scores"]["answer_correct"] = float(ok)
            correct.append(float(ok))
        cp = citation_precision(r.get("citations", []), r["gold"])
        if cp is not None and r["kind"] != "unanswerable":
            r["scores"]["citation_precision"] = cp
            precisions.append(cp)
    out["answer_accuracy"] = mean(correct)
    out["citation_precision"] = mean(precisions)
    out.update(abstention([(not r["answerable"], r["kind"] == "unanswerable") for r in records]))
    latencies = [r.get("latency_ms") for r in records if r.get("latency_ms") is not None]
    out["latency_p50_ms"] = percentile(latencies, 50)
    out["latency_p95_ms"] = percentile(latencies, 95)
    return out
