"""Write a benchmark run to eval/reports/<YYYYmmdd-HHMMSS>/: report.md, results.json, plots
(eval/report_plots.py)."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

from eval.groups import question_group
from eval.metrics import RETRIEVAL_METRICS
from eval.report_plots import plots
from eval.result import EvalResult, worst_failures

REPORTS = Path(__file__).with_name("reports")
ANSWER_METRICS = (
    "answer_correct",
    "citation_precision",
    "refusal_precision",
    "refusal_recall",
    "wrong_refusals",
    "crag_score",
    "latency_p50_ms",
    "latency_p95_ms",
)
BREAKDOWN_METRICS = ("hits@5", "mrr@10", "answer_correct", "wrong_refusals", "crag_score")


def fmt(value, large_digits: int = 0) -> str:
    """A metric as tables show it: '–' when missing, 3 decimals below 10, else `large_digits`."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.{large_digits}f}"


def _table(rows: list[tuple[str, dict]], columns: list[str], first: str) -> list[str]:
    lines = [f"| {first} | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, values in rows:
        lines.append(f"| {name} | " + " | ".join(fmt(values.get(c)) for c in columns) + " |")
    return lines


def markdown(result: EvalResult) -> str:
    out = _run_md(result)
    out += ["", "## Dev and held-out document groups", ""]
    cols = ["n", *RETRIEVAL_METRICS, *ANSWER_METRICS]
    rows = [
        (f"{name} · {group}", summary)
        for name, c in result.configs.items()
        for group, summary in [*c["groups"].items(), ("all", c["summary"])]
    ]
    out += _table(rows, cols, "configuration · group")
    out += [
        "",
        "Retrieval metrics leave out unanswerable questions; naive-chunks is retrieval only. "
        "Rules, weights and thresholds may be fitted on `dev` only; `held-out` is the measure.",
        "",
    ]
    out += _breakdown_md(result)
    out += _failures_md(result)
    return "\n".join(out) + "\n"


def _run_md(result: EvalResult) -> list[str]:
    """The report's title and how the run went: where it asked, on which corpus, what it left out."""
    out = [f"# eduqa benchmark — set `{result.set_name}`, {len(result.questions)} questions", ""]
    out.append(
        f"Run {result.meta.get('started', '')}; "
        + (f"over HTTP at {result.meta['url']}" if result.meta.get("url") else "in-process")
        + f"; corpus {result.meta.get('source_corpus') or result.meta.get('corpus_dir', '')}."
    )
    for name, reason in result.skipped.items():
        out.append(f"- `{name}` skipped: {reason}")
    for source, why in (result.meta.get("left_out") or {}).items():
        out.append(f"- left out of the index, the reader fails on it: `{source}` ({why})")
    if result.meta.get("gold_unresolved"):
        out.append(
            f"- gold quote found in no chunk (counted as missed): {', '.join(result.meta['gold_unresolved'])}"
        )
    return out


def _breakdown_md(result: EvalResult) -> list[str]:
    """Each configuration's metrics by language and by kind of question, dev beside held-out."""
    out: list[str] = []
    for dim in ("lang", "kind"):
        out += [f"## By {dim}", ""]
        for name, entry in result.configs.items():
            metrics = [
                m for m in BREAKDOWN_METRICS if not entry.get("retrieval_only") or m in RETRIEVAL_METRICS
            ]
            columns = ["n"] + [f"{m} {g}" for m in metrics for g in ("dev", "held-out")]
            values = sorted(entry["by"][dim])
            rows = [(v, _by_group_row(entry, dim, v, metrics)) for v in values]
            out += [f"### {name}", "", *_table(rows, columns, dim), ""]
    return out


def _by_group_row(entry: dict, dim: str, value: str, metrics: list[str]) -> dict:
    row: dict = {"n": entry["by"][dim][value].get("n")}
    for g in ("dev", "held-out"):
        summary = entry["by_group"][g][dim].get(value, {})
        for m in metrics:
            row[f"{m} {g}"] = summary.get(m)
    return row


def _failures_md(result: EvalResult) -> list[str]:
    failures = worst_failures(result)
    if not failures:
        return []
    out = [
        f"## Worst failures ({failures[0]['config']}; dev questions only)",
        "",
        "| id | group | lang | kind | question | gold | first retrieved | MRR@10 | answer ok |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for f in failures:
        q = f["question"].replace("|", "/")
        gold = "<br>".join(g.replace("|", "/") for g in f["gold"]) or "(none)"
        out.append(
            f"| {f['id']} | {f['group']} | {f['lang']} | {f['kind']} | {q} | {gold} "
            f"| {f['first_retrieved']} | {fmt(f['mrr@10'])} | {fmt(f['answer_correct'])} |"
        )
    return out


def results_json(result: EvalResult) -> dict:
    return {
        "summary": result.summary(),
        "by": {n: c["by"] for n, c in result.configs.items()},
        "by_group": {n: c["by_group"] for n, c in result.configs.items()},
        "questions": [
            {
                "id": q["id"],
                "question": q["question"],
                "lang": q["lang"],
                "kind": q["kind"],
                "gold": q["gold"],
                "group": question_group(q, result.set_name),
                "must_contain": q.get("must_contain", []),
                "configs": {
                    name: {
                        k: r.get(k)
                        for k in (
                            "retrieved",
                            "retrieved_ids",
                            "retrieved_at",
                            "citations",
                            "answer",
                            "answerable",
                            "latency_ms",
                            "scores",
                            "gold_keys",
                            "lead_shape",
                        )
                    }
                    for name, c in result.configs.items()
                    for r in c["records"]
                    if r["id"] == q["id"]
                },
            }
            for q in result.questions
        ],
        "worst_failures": worst_failures(result),
    }


def write_report(result: EvalResult, root: Path = REPORTS) -> Path:
    folder = root / time.strftime("%Y%m%d-%H%M%S")
    n = 1
    while folder.exists():
        folder = root / f"{time.strftime('%Y%m%d-%H%M%S')}-{n}"
        n += 1
    folder.mkdir(parents=True)
    (folder / "report.md").write_text(markdown(result), encoding="utf-8")
    (folder / "results.json").write_text(
        json.dumps(_clean(results_json(result)), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    plots(result, folder)
    return folder


def write_summary(result: EvalResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_clean(result.summary()), ensure_ascii=False, indent=1), encoding="utf-8")


def _clean(value):
    """NaN is not JSON: write null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
