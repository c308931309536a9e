"""The word-level part of `eduqa restore --report`: what each restoration did, against the clean
original, with every guess shown and with unsure words left as read."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eval.restore_errors import WRONG_KINDS, Judged, frequent_errors, tally

VERDICTS = ("right", "kept", *WRONG_KINDS)


def verdict_row(words: list[Judged], min_confidence: float) -> dict:
    """Word counts and shares by verdict, and the share of shown restorations that are wrong."""
    counts = tally(words, min_confidence)
    total = max(counts["words"], 1)
    wrong = sum(counts[k] for k in WRONG_KINDS)
    return {"words": counts["words"], "restored": counts["restored"],
            **{k: counts[k] for k in VERDICTS}, "accuracy": round(counts["right"] / total, 4),
            "wrong_share_of_restorations": round(wrong / max(counts["restored"], 1), 4)}  # fmt: skip


def verdict_table(groups: dict[str, list[Judged]], thresholds: dict[str, float]) -> tuple[Table, list]:
    """One row per (group, reading): how many words end right, kept as read, or wrong by type."""
    table = Table(title="Word by word against the clean original (wrong: tone / mark / letter)")
    for column in ("words", "reading", "restored", "right", "kept", "tone", "mark", "letter",
                   "accuracy", "wrong / restored"):  # fmt: skip
        table.add_column(column, justify="left" if column in ("words", "reading") else "right")
    rows = []
    for group, words in groups.items():
        for reading, threshold in thresholds.items():
            row = verdict_row(words, threshold) | {"group": group, "reading": reading}
            rows.append(row)
            table.add_row(group, reading, *(str(row[k]) for k in ("restored", *VERDICTS)),
                          f"{row['accuracy']:.1%}", f"{row['wrong_share_of_restorations']:.1%}")  # fmt: skip
    return table, rows


def errors_table(words: list[Judged], min_confidence: float, title: str, top: int = 15) -> Table:
    table = Table(title=title)
    for column in ("type", "clean", "shown", "times"):
        table.add_column(column, justify="right" if column == "times" else "left")
    for kind, clean, shown, times in frequent_errors(words, min_confidence, top):
        table.add_row(kind, clean, shown, str(times))
    return table


def print_word_report(groups: dict[str, list[Judged]], shown: float) -> list[dict]:
    """Print the verdicts (every guess shown; unsure words as read) and the frequent errors."""
    out = Console(width=160)
    table, rows = verdict_table(groups, {"every guess": 0.0, f"shown (>= {shown})": shown})
    out.print(table)
    for group, words in groups.items():
        for reading, threshold in (("every guess", 0.0), ("shown", shown)):
            out.print(errors_table(words, threshold, f"{group}: most frequent wrong restorations, {reading}"))
    return rows
