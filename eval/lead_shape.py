"""Does an answer lead with its direct answer? For an answered question asking for a figure, a
date, an owner or a list (assistant.question_kind), the answer's first line should state one
of that kind with its [n], or count the listed items that follow it ('Có 6 mục [1]:'). An
answer is `direct` when it does, `missed` when it does not although the item it cites first
holds one (the answer is there, it just is not led with), and not counted otherwise (refused,
no kind asked, or the cited item holds none either).

`eduqa eval` records each answer's shape and prints the counts per group; run on a report,
`python -m eval.lead_shape <results.json>` prints them for each configuration."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

from assistant.answer_type import figures_of
from assistant.item_lists import item_list
from assistant.query import analyse
from assistant.question_kind import asked_kind

DIRECT, MISSED = "direct", "missed"
_COUNTED_LIST = re.compile(r"^(?:Có \d+ mục|\d+ items)\b")
_MARKER = re.compile(r"\[\d+\]")


def lead_shape(question: str, answer: dict) -> str:
    """'direct', 'missed' or '' (not counted) for one answer (the API contract as a dict)."""
    citations = answer.get("citations") or []
    if not answer.get("answerable") or not citations:
        return ""
    analysis = analyse(question)
    kind = asked_kind(question, analysis.asks_list)
    if not kind:
        return ""
    first = (answer.get("answer") or "").split("\n", 1)[0]
    if _COUNTED_LIST.match(first) or (_MARKER.search(first) and _states(kind, first)):
        return DIRECT  # a counted list leads: its points follow, each cited
    return MISSED if _states(kind, citations[0].get("text") or "") else ""


def _states(kind: str, text: str) -> bool:
    if kind == "list":
        return bool(_COUNTED_LIST.match(text) or item_list(text))
    return bool(figures_of(kind, text))


def shape_counts(records: list[dict]) -> dict[str, int]:
    """How many records lead directly, and how many miss a direct answer their item holds."""
    counted = Counter(r.get("lead_shape") or "" for r in records)
    return {DIRECT: counted[DIRECT], MISSED: counted[MISSED]}


def shape_lines(records_by_config: dict[str, list[dict]]) -> list[str]:
    """'bm25 · dev: 40 lead with the asked kind, 3 do not though their first cited item states
    it' for each configuration and group."""
    lines = []
    for name, records in records_by_config.items():
        for group in sorted({r["group"] for r in records}):
            c = shape_counts([r for r in records if r["group"] == group])
            lines.append(f"{name} · {group}: {c[DIRECT]} lead with the asked kind, {c[MISSED]} do not "
                         "though their first cited item states it")  # fmt: skip
    return lines


def main(path: str) -> None:
    """The shape counts recorded in a report's results.json, per configuration and group."""
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    by_config: dict[str, list[dict]] = {}
    for question in result["questions"]:
        for name, outcome in question["configs"].items():
            by_config.setdefault(name, []).append({"group": question["group"], **outcome})
    print("\n".join(shape_lines(by_config)))


if __name__ == "__main__":
    main(sys.argv[1])
