"""Run a benchmark question set through the same code path as the API and score it.

In-process (AssistantService.ask) by default, or over HTTP (POST {url}/api/ask) with `url`.
Configurations side by side: bm25, dense (when a dense model is loaded), hybrid, hybrid+rerank
(when a reranker is loaded) and, on the seed set, naive-chunks (`eval.naive`). Every metric is
reported on all questions and on each document group, `dev` and `held-out` (`eval.groups`).
"""

from __future__ import annotations

import logging
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eval.groups import GROUPS, question_group
from eval.metrics import item_key, ranked_keys, summarise
from eval.sets import get_set, load_set

log = logging.getLogger(__name__)
QUESTIONS = get_set("seeds").questions
ALL_CONFIGS = ("bm25", "dense", "hybrid", "hybrid+rerank", "naive-chunks")
DEFAULT_CONFIGS = ALL_CONFIGS
BREAKDOWNS = ("lang", "kind")

warnings.filterwarnings("ignore", message=".*unsafe cast.*")


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


def load_questions(
    split: str = "all",
    limit: int | None = None,
    path: Path | None = None,
    set_name: str = "seeds",
    group: str = "all",
) -> list[dict]:
    """A set's questions, optionally only one document group (`dev`, `held-out`) or, on the seed
    set, one of its own question splits (`dev`, `test`)."""
    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    if group not in ("all", *GROUPS):
        raise ValueError(f"group must be dev, held-out or all, not {group!r}")
    questions = load_set(set_name, path)
    if split != "all":
        questions = [q for q in questions if q.get("split") == split]
    if group != "all":
        questions = [q for q in questions if question_group(q, set_name) == group]
    return questions[:limit] if limit else questions


def _record(q: dict, set_name: str, gold_keys: list[str] | None) -> dict:
    keys = ("id", "question", "lang", "kind", "gold", "must_contain", "answer")
    return {k: q.get(k) for k in keys} | {
        "expected_answer": q.get("answer"),
        "answer": "",
        "group": question_group(q, set_name),
        "gold_keys": gold_keys,
    }


def answer_record(q: dict, answer: dict, set_name: str = "seeds", gold_keys: list[str] | None = None) -> dict:
    """One question's outcome from an answer (the API contract as a dict). With `gold_keys`
    (chunk ids) the run is compared by chunk id, else by section key."""
    rec = _record(q, set_name, gold_keys)
    retrieved = answer.get("retrieved", [])
    by_id = gold_keys is not None
    rec.update(
        retrieved=ranked_keys(r["id"] for r in retrieved) if by_id else ranked_keys(retrieved),
        retrieved_ids=[r.get("id") for r in retrieved],
        retrieved_at=[item_key(r) for r in retrieved],
        citations=[c["id"] if by_id else item_key(c) for c in answer.get("citations", [])],
        answer=answer.get("answer", ""),
        answerable=bool(answer.get("answerable")),
        latency_ms=(answer.get("timings_ms") or {}).get("total"),
    )
    return rec


def naive_record(q: dict, passages: list, latency_ms: float, set_name: str = "seeds") -> dict:
    return _record(q, set_name, None) | {
        "retrieved": ranked_keys(passages),
        "retrieved_ids": [p.id for p in passages],
        "citations": [],
        "answerable": True,
        "latency_ms": latency_ms,
    }


def progress_bar(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


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


def run_eval(
    settings,
    split: str = "all",
    limit: int | None = None,
    url: str | None = None,
    configs: list[str] | None = None,
    console: Console | None = None,
    service=None,
    questions: list[dict] | None = None,
    set_name: str = "seeds",
    corpus: Path | None = None,
    reindex: bool = False,
) -> EvalResult:
    """Ask every question under every wanted configuration and score them."""
    from eval.askers import Askers

    wanted = list(configs or DEFAULT_CONFIGS)
    unknown = set(wanted) - set(ALL_CONFIGS)
    if unknown:
        raise ValueError(f"unknown configurations {sorted(unknown)}; known: {list(ALL_CONFIGS)}")
    questions = questions if questions is not None else load_questions(split, limit, set_name=set_name)
    result = EvalResult(split=split, questions=questions, set_name=set_name)
    result.meta = {"url": url, "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    with Askers(settings, set_name, wanted, url, console, service, corpus, reindex) as askers:
        gold = askers.resolve_gold(questions)
        result.skipped.update(askers.skipped)
        result.meta.update(askers.meta)
        with progress_bar(console) as bar:
            for name, ask in askers.askers.items():
                task = bar.add_task(name, total=len(questions))
                records = []
                for q in questions:
                    records.append(answer_record(q, ask(q["question"]), set_name, gold.get(q["id"])))
                    bar.advance(task)
                result.configs[name] = {"records": records}
            if "naive-chunks" in wanted and "naive-chunks" not in result.skipped:
                result.configs["naive-chunks"] = askers.run_naive(questions, bar)
    score(result)
    return result


def worst_failures(result: EvalResult, config: str | None = None, n: int = 10) -> list[dict]:
    """The questions the chosen configuration did worst on: gold not retrieved (by MRR), wrong
    answers, then answers to unanswerable questions."""
    if not result.configs:
        return []
    config = config or next(
        (c for c in ("hybrid+rerank", "hybrid", "bm25") if c in result.configs), next(iter(result.configs))
    )
    rows = []
    for r in result.configs[config]["records"]:
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
