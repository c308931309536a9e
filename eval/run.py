"""Run a benchmark question set through the same code path as the API and score it.

In-process (AssistantService.ask) by default, or over HTTP (POST {url}/api/ask) with `url`.
Configurations side by side: bm25, dense (when a dense model is loaded), hybrid, hybrid+rerank
(when a reranker is loaded) and, on the seed set, naive-chunks (`eval.naive`). Every metric is
reported on all questions and on each document group, `dev` and `held-out` (`eval.groups`):
each question's outcome is eval/outcomes.py, the run's result and summaries eval/result.py.
"""

from __future__ import annotations

import logging
import time
import warnings
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eval.groups import GROUPS, question_group
from eval.outcomes import answer_record
from eval.result import ALL_CONFIGS, EvalResult, score, worst_failures
from eval.sets import load_set

log = logging.getLogger(__name__)
DEFAULT_CONFIGS = ALL_CONFIGS
# EvalResult and worst_failures (eval/result.py) stay importable from here, the runner's home.
__all__ = ["DEFAULT_CONFIGS", "EvalResult", "load_questions", "run_eval", "worst_failures"]

warnings.filterwarnings("ignore", message=".*unsafe cast.*")


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


def progress_bar(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


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
