"""The result of a benchmark run (eval/run.py) and its summaries: per configuration overall,
per document group (`dev`, `held-out`), by language and kind; the questions it did worst on."""

from __future__ import annotations

from dataclasses import dataclass, field

from eval.groups import GROUPS
from eval.metrics import item_key, summarise

__all__ = ["ALL_CONFIGS", "BREAKDOWNS", "EvalResult", "score", "worst_failures"]

ALL_CONFIGS = ("bm25", "dense", "hybrid", "hybrid+rerank", "naive-chunks")
BREAKDOWNS = ("lang", "kind")


@dataclass
class EvalResult:
    split: str
    questions: list[dict]
    configs: dict[str, dict] = field(default_factory=dict)  # name -> {"summary", "groups", "records", ...}
    skipped: dict[str, str] = field(default_factory=dict)  # name -> reason
    meta: dict = field(default_factory=dict)
    set_name: str = "seeds"

    def summary(self) -> dict:
        return {
            "set": self.set_name,
            "configs": {n: c["summary"] for n, c in self.configs.items()},
            "groups": {n: c["groups"] for n, c in self.configs.items()},
            "split": self.split,
            "n_questions": len(self.questions),
            "skipped": self.skipped,
            "meta": self.meta,
        }


def score(result: EvalResult) -> None:
    """Summaries per configuration: overall, per group, and by language and kind."""
    order = [n for n in ALL_CONFIGS if n in result.configs]
    result.configs = {n: result.configs[n] for n in order}
    for entry in result.configs.values():
        only = entry.get("retrieval_only", False)
        records = entry["records"]
        entry["summary"] = summarise(records, retrieval_only=only)
        entry["groups"] = {g: summarise([r for r in records if r["group"] == g], only) for g in GROUPS}
        entry["by"] = {dim: _breakdown(records, dim, only) for dim in BREAKDOWNS}
        entry["by_group"] = {
            g: {dim: _breakdown([r for r in records if r["group"] == g], dim, only) for dim in BREAKDOWNS}
            for g in GROUPS
        }


def _breakdown(records: list[dict], dim: str, only: bool) -> dict:
    values = sorted({r[dim] for r in records})
    return {v: summarise([r for r in records if r[dim] == v], only) for v in values}


def worst_failures(result: EvalResult, config: str | None = None, n: int = 10) -> list[dict]:
    """The dev questions the chosen configuration did worst on: gold not retrieved (by MRR),
    wrong answers, then answers to unanswerable questions. Held-out questions are never listed:
    their failures would invite rules fitted to them, and only their numbers are reported."""
    if not result.configs:
        return []
    config = config or next(
        (c for c in ("hybrid+rerank", "hybrid", "bm25") if c in result.configs), next(iter(result.configs))
    )
    rows = []
    for r in result.configs[config]["records"]:
        if r["group"] == "held-out":
            continue
        s = r.get("scores", {})
        if r["kind"] == "unanswerable":
            if r["answerable"]:
                rows.append((1.5, r))
            continue
        badness = s.get("mrr@10", 0.0) + (0.0 if s.get("answer_correct", 1.0) < 1.0 else 1.0)
        if badness < 2.0:
            rows.append((badness, r))
    rows.sort(key=lambda x: x[0])
    return [_failure(config, r) for _, r in rows[:n]]


def _failure(config: str, r: dict) -> dict:
    gold = [f"{g['source']} «{g['quote']}»" if g.get("quote") else item_key(g) for g in r["gold"]]
    return {
        "config": config,
        "id": r["id"],
        "group": r["group"],
        "question": r["question"],
        "kind": r["kind"],
        "lang": r["lang"],
        "gold": gold,
        "first_retrieved": (r.get("retrieved_at") or r["retrieved"] or [None])[0],
        "mrr@10": r.get("scores", {}).get("mrr@10"),
        "answer_correct": r.get("scores", {}).get("answer_correct"),
        "answerable": r["answerable"],
    }
