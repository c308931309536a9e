"""The figures of a benchmark run's report (eval/report.py): bars per configuration."""

from __future__ import annotations

import math
from pathlib import Path

from eval.metrics import RETRIEVAL_METRICS
from eval.result import EvalResult

__all__ = ["plots"]

PLOT_METRICS = (*RETRIEVAL_METRICS, "answer_correct")


def plots(result: EvalResult, folder: Path) -> list[Path]:
    """The run's two figures: each metric by configuration, hits@5 by question language."""
    import matplotlib

    matplotlib.use("Agg")
    return [_metrics_by_config(result, folder), _hits_by_language(result, folder)]


def _metrics_by_config(result: EvalResult, folder: Path) -> Path:
    names = list(result.configs)
    bars = {name: [result.configs[name]["summary"].get(m, math.nan) for m in PLOT_METRICS] for name in names}
    title = f"Metrics by configuration ({result.set_name}, {len(result.questions)} questions)"
    return _bar_chart(bars, list(PLOT_METRICS), title, "", folder / "metrics_by_config.png", (10, 4.5))


def _hits_by_language(result: EvalResult, folder: Path) -> Path:
    langs = sorted({q["lang"] for q in result.questions})
    bars = {
        name: [entry["by"]["lang"].get(lang, {}).get("hits@5", math.nan) for lang in langs]
        for name, entry in result.configs.items()
    }
    return _bar_chart(
        bars, langs, "hits@5 by question language", "hits@5", folder / "hits5_by_lang.png", (8, 4)
    )


def _bar_chart(bars: dict[str, list], ticks: list[str], title: str, ylabel: str, path: Path, size) -> Path:
    """Grouped bars, one group per tick, one bar per configuration; a missing value as 0."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size)
    width = 0.8 / max(len(bars), 1)
    for i, (name, values) in enumerate(bars.items()):
        values = [0.0 if v is None or math.isnan(v) else v for v in values]
        ax.bar([x + i * width for x in range(len(ticks))], values, width, label=name)
    ax.set_xticks([x + width * (len(bars) - 1) / 2 for x in range(len(ticks))], ticks)
    ax.set_ylim(0, 1.05)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
