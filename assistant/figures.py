"""Targets and task records in answers: a question about a figure, an owner or a deadline gets
the value stated first, cited to the item it came from; a year or school level the cited items
give no target for is not answered."""

from __future__ import annotations

import re

from assistant.query import QueryAnalysis
from assistant.search import Passage
from ingest.text import fold_accents, word_tokens

_OWNER = re.compile(r"\b(ai|don vi nao|phong nao|chu tri|who|which unit|which office|lead|in charge)\b")
_DEADLINE = re.compile(r"\b(khi nao|bao gio|thoi han|han chot|truoc ngay|deadline|when|by when|due)\b")


def _level_matches(record_level: str, levels: list[str]) -> bool:
    if not levels:
        return True
    if record_level == "trung học":
        return any(lv in ("THCS", "THPT") for lv in levels)
    return record_level in levels


def _year_matches(record: dict, years: list[str]) -> bool:
    if not years or not (record.get("year") or record.get("period")):
        return True  # a target with no readable year does not contradict the question
    return str(record.get("year")) in years or any(y in str(record.get("period") or "") for y in years)


def matching_targets(analysis: QueryAnalysis, passage: Passage, targets: list[dict]) -> list[dict]:
    """The passage's targets for the asked year and level, those naming the asked metric first."""
    own = [
        t
        for t in targets
        if t.get("chunk_id") == passage.id
        and _year_matches(t, analysis.years)
        and _level_matches(t["level"], analysis.levels)
    ]
    words = {w for c in analysis.concepts for p in c.phrases for w in word_tokens(p)}

    def overlap(target: dict) -> int:
        return len(words & set(word_tokens(target.get("metric_key") or target["metric"])))

    best = max((overlap(t) for t in own), default=0)
    return [t for t in own if overlap(t) == best] if best else own


def lacks_asked_target(analysis: QueryAnalysis, passages: list[Passage], targets: list[dict]) -> bool:
    """True when the cited items are targets, yet none is for the asked year and level."""
    if not (analysis.asks_quantity and (analysis.years or analysis.levels)):
        return False
    with_targets = [p for p in passages if any(t.get("chunk_id") == p.id for t in targets)]
    return bool(with_targets) and not any(matching_targets(analysis, p, targets) for p in with_targets)


def figure_lines(
    analysis: QueryAnalysis, passages: list[Passage], targets: list[dict], tasks: list[dict]
) -> list[str]:
    """'Chỉ tiêu …: 98,5 % trở lên [1]' / 'Chủ trì: Phòng KHTC; thời hạn: Tháng 12/2023 [2]'."""
    english = analysis.language == "en"
    folded_q = fold_accents(analysis.question)
    lines: list[str] = []
    for n, passage in enumerate(passages, 1):
        if analysis.asks_figure or analysis.asks_quantity:
            for t in matching_targets(analysis, passage, targets)[:3]:
                when = t.get("period") or t.get("year") or ""
                head = "Target" if english else "Chỉ tiêu"
                lines.append(f"{head}: {t['metric_label']} ({t['level']}, {when}): {t['value']} [{n}]")
        if _OWNER.search(folded_q) or _DEADLINE.search(folded_q):
            for task in [k for k in tasks if k.get("chunk_id") == passage.id][:2]:
                parts = []
                if task.get("lead_name") or task.get("lead"):
                    lead = task.get("lead_name") or task["lead"]
                    parts.append(f"{'lead' if english else 'chủ trì'}: {lead}")
                if task.get("deadline"):
                    parts.append(f"{'deadline' if english else 'thời hạn'}: {task['deadline']}")
                if parts:
                    text = "; ".join(parts)
                    lines.append(text[0].upper() + text[1:] + f" [{n}]")
    return lines[:5]
