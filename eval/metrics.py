"""Benchmark metrics: retrieval (computed by ranx), answers, citations, refusals, CRAG-style
score, latency.

Runs and qrels are `{question_id: {key: score}}`. A record's keys are either chunk ids (gold
given by a quote, resolved to the chunks that hold it: `eval.gold`) or `"source#I/2/(3)"`
section keys (gold given by `{source, section}`: a retrieved chunk matches when its source and
section are equal). Several chunks with the same key count once, at the best rank.

An answer is correct when the question is answered (not refused) and every `must_contain` item
is in it (accents and case ignored; an item may be a list of accepted alternatives, e.g. two
spellings of a date). Refusal: positive = the assistant refused (`answerable: false`);
precision = share of refusals that were right, recall = share of unanswerable questions refused;
wrong refusals = share of answerable questions refused. CRAG-style score per question: +1 a
correct answer or a refused unanswerable question, 0 a refused answerable question, -1 a wrong
answer or an answer to an unanswerable question; averaged.
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


def answer_correct(answer: str, must_contain: Sequence[str | Sequence[str]]) -> bool | None:
    """Every required item in the answer (an item that is a list: any one of its alternatives),
    after accent folding and lower-casing; None when the question has nothing to check."""
    if not must_contain:
        return None
    folded = normalise(answer)
    alternatives = ([m] if isinstance(m, str) else list(m) for m in must_contain)
    return all(any(normalise(a) in folded for a in alts) for alts in alternatives)


def citation_precision(citations: Sequence, gold: Sequence) -> float | None:
    """Share of cited passages whose key is gold; None when nothing was cited or no gold."""
    if not citations or not gold:
        return None
    wanted = set(qrels_entry(gold))
    keys = [item_key(c) for c in citations]
    return sum(k in wanted for k in keys) / len(keys)


def refusal(rows: Sequence[tuple[bool, bool]]) -> dict[str, float | int]:
    """rows: (refused, should_refuse). Positive = refused (answerable false)."""
    tp = sum(1 for a, s in rows if a and s)
    fp = sum(1 for a, s in rows if a and not s)
    fn = sum(1 for a, s in rows if not a and s)
    answerable = sum(1 for _, s in rows if not s)
    return {
        "refusal_precision": tp / (tp + fp) if tp + fp else math.nan,
        "refusal_recall": tp / (tp + fn) if tp + fn else math.nan,
        "wrong_refusals": fp / answerable if answerable else math.nan,
        "n_wrong_refusals": fp,
        "n_answered_unanswerable": fn,
    }


def crag_score(refused: bool, unanswerable: bool, correct: bool | None) -> int:
    """+1 right (a correct answer, or refusing an unanswerable question), 0 refusing an
    answerable one, -1 wrong (a wrong answer, or answering an unanswerable question)."""
    if unanswerable:
        return 1 if refused else -1
    if refused:
        return 0
    return 1 if correct else -1


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


def gold_keys(record: dict) -> list[str]:
    """The keys gold passages have in this record's run: resolved chunk ids, else section keys."""
    if record.get("gold_keys") is not None:
        return list(record["gold_keys"])
    return list(qrels_entry(record["gold"]))


def summarise(records: Sequence[dict], retrieval_only: bool = False) -> dict[str, float | int]:
    """Aggregate one configuration's per-question records.

    A record: {"id", "kind", "gold", "must_contain", "retrieved": [keys], "citations": [keys],
    "answer", "answerable", "latency_ms"} and, when gold was resolved to chunk ids,
    "gold_keys" (then "retrieved" and "citations" hold chunk ids too). Adds per-question
    scores to each record in place (record["scores"]).
    """
    answerable_q = [r for r in records if r["kind"] != "unanswerable" and r["gold"]]
    qrels = {r["id"]: dict.fromkeys(gold_keys(r), 1) for r in answerable_q}
    run = {r["id"]: run_entry(r["retrieved"]) for r in answerable_q}
    means, per_q = retrieval_scores(qrels, run)
    out: dict[str, float | int] = dict(means)
    out["n"] = len(records)
    for r in records:
        r["scores"] = dict(per_q.get(r["id"], {}))
    if retrieval_only:
        return out
    correct, precisions, crag = [], [], []
    for r in records:
        unanswerable = r["kind"] == "unanswerable"
        ok = answer_correct(r.get("answer", ""), r.get("must_contain", []))
        if ok is not None and not unanswerable:
            ok = ok and bool(r["answerable"])
            r["scores"]["answer_correct"] = float(ok)
            correct.append(float(ok))
        cp = citation_precision(r.get("citations", []), gold_keys(r))
        if cp is not None and not unanswerable:
            r["scores"]["citation_precision"] = cp
            precisions.append(cp)
        r["scores"]["crag"] = crag_score(not r["answerable"], unanswerable, ok)
        crag.append(r["scores"]["crag"])
    out["answer_correct"] = mean(correct)
    out["citation_precision"] = mean(precisions)
    out.update(refusal([(not r["answerable"], r["kind"] == "unanswerable") for r in records]))
    out["crag_score"] = mean(crag)
    latencies = [r.get("latency_ms") for r in records if r.get("latency_ms") is not None]
    out["latency_p50_ms"] = percentile(latencies, 50)
    out["latency_p95_ms"] = percentile(latencies, 95)
    return out
