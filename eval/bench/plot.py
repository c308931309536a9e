"""The PNG of query latency against corpus size: ours and the PrivateGPT-style pipeline."""

from __future__ import annotations

from pathlib import Path


def plot_latency(corpora: list[dict], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for prefix, label, colour in (
        ("", "eduqa (analysis + hybrid search + answer)", "tab:blue"),
        ("baseline_", "PrivateGPT-style (dense top-2)", "tab:orange"),
    ):
        rows = [c for c in corpora if c.get(f"{prefix}query_p50_ms") is not None]
        if not rows:
            continue
        sizes = [c[f"{prefix}chunks" if prefix else "chunks"] for c in rows]
        ax.plot(sizes, [c[f"{prefix}query_p50_ms"] for c in rows], "o-", color=colour, label=f"{label} p50")
        ax.plot(sizes, [c[f"{prefix}query_p95_ms"] for c in rows], "s--", color=colour, label=f"{label} p95")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the index")
    ax.set_ylabel("in-process question latency (ms)")
    ax.set_title("Question latency against corpus size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
