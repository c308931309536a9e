"""Which item an answer leads with. The item that states the asked kind beside the rarest asked
concept first; then the one stating the asked year and school level; then the one whose verified
record answers (a target for a figure question, an owner or a deadline for a responsibility
question); then the one that carries most of the question.

The items the refusal decision keeps are those whose lexical evidence is near the best; an OCR
item, or a plan's appendix row, may state the answer with few of the question's words. So an
item the search ranked among the answering passages, set aside only for its evidence, comes
back when it beats every kept item on those signals (`candidates`)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.decision import Decision, answers_kind
from assistant.figures import DEADLINE_QUESTION, OWNER_QUESTION, is_unit_name, matching_targets
from assistant.levels import levels_in, record_level_matches
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.sentences import best_sentences, sentence_score
from assistant.typed_evidence import Unit
from ingest.text import fold_accents


@dataclass(frozen=True)
class Records:
    targets: list[dict]
    tasks: list[dict]


def states_scope(analysis: QueryAnalysis, passage: Passage, unit: Unit) -> bool:
    """The asked years are stated by the unit or the headings above it; the asked school levels
    by those or by the document's title (a directive for continuing education speaks of it in
    every item without naming it)."""
    where = " ".join([unit.text, passage.section_title, passage.payload.get("heading_path", "")])
    if analysis.years and not any(y in where for y in analysis.years):
        return False
    if not analysis.levels:
        return True
    doc = passage.doc or {}
    titled = " ".join([where, doc.get("display_title") or "", doc.get("title") or ""])
    return any(record_level_matches(level, analysis.levels) for level in levels_in(fold_accents(titled)))


def has_record(analysis: QueryAnalysis, passage: Passage, records: Records, targets: bool = True) -> bool:
    """A verified record of the item answers: a target for the asked figure (when `targets`), or
    a task whose owner is a unit name (or that has a deadline) for a question asking who or when."""
    asks_figure = analysis.asks_figure or analysis.asks_quantity
    if targets and asks_figure and matching_targets(analysis, passage, records.targets):
        return True
    folded = fold_accents(analysis.question)
    asks_owner, asks_deadline = OWNER_QUESTION.search(folded), DEADLINE_QUESTION.search(folded)
    own = [k for k in records.tasks if k.get("chunk_id") == passage.id] if asks_owner or asks_deadline else []
    return any(
        (asks_owner and is_unit_name(k.get("lead_name") or k.get("lead")))
        or (asks_deadline and (k.get("display_deadline") or k.get("deadline")))
        for k in own
    )


def signals(
    analysis: QueryAnalysis, decision: Decision, passage: Passage, records: Records, targets: bool = True
) -> tuple:
    """The lead signals, best first when sorted: (answers the kind, states the kind, in scope,
    has a verified record) — each False is better (sorted ascending)."""
    unit = decision.leads.get(passage.id)
    typed = bool(decision.kind) and unit is not None and unit.typed
    scoped = unit is not None and states_scope(analysis, passage, unit)
    return (not answers_kind(unit, decision.kind), not typed, not scoped,
            not has_record(analysis, passage, records, targets))  # fmt: skip


def states_asked(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> bool:
    """The item's lead unit states the asked kind of answer, for the asked years and levels."""
    unit = decision.leads.get(passage.id)
    return bool(decision.kind) and unit is not None and unit.typed and states_scope(analysis, passage, unit)


def weight(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> float:
    """How much of the question the item carries: its lead unit's share (rarity-weighted, read
    restored for an OCR text), its best sentence's words, its search evidence."""
    unit = decision.leads.get(passage.id)
    sentences = best_sentences(analysis, passage.text, limit=1)
    carried = max((sentence_score(analysis, s) for s in sentences), default=0.0)
    covered = unit.coverage if unit is not None else 0.0
    return round(2 * covered + carried + 2 * passage.evidence, 1)


def candidates(
    analysis: QueryAnalysis, decision: Decision, ranked: list[Passage], records: Records
) -> list[Passage]:
    """The kept items, and the first answering passage set aside that beats all of them on the
    lead signals (a target record aside: a target naming one of the question's words is no
    reason to bring back an item the evidence set aside)."""
    kept = list(decision.passages)
    if not kept:
        return kept
    best = min(signals(analysis, decision, p, records, targets=False) for p in kept)
    ids = {p.id for p in kept}
    extra = [p for p in ranked if p.id in decision.leads and p.id not in ids
             and signals(analysis, decision, p, records, targets=False) < best]  # fmt: skip
    return kept + extra[:1]


def ordered(
    analysis: QueryAnalysis, decision: Decision, ranked: list[Passage], records: Records
) -> list[Passage]:
    """The candidates, the one to lead with first (search rank breaks ties)."""
    pool = candidates(analysis, decision, ranked, records)
    rank = {p.id: i for i, p in enumerate(ranked)}

    def key(p: Passage) -> tuple:
        return (*signals(analysis, decision, p, records), -weight(analysis, decision, p),
                rank.get(p.id, len(ranked)))  # fmt: skip

    return sorted(pool, key=key)
