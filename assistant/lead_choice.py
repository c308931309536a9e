"""Which item an answer leads with. For a question asking who or when, a plan's task row whose
record names the unit in charge or the deadline first; then the item that states the asked kind
beside the rarest asked concept (a document asked for: one the question does not name already);
then the one stating the asked year and school level; then the one whose verified target answers;
then the one that carries most of the question.

The items the refusal decision keeps are those whose lexical evidence is near the best; an OCR
item, or a plan's appendix row, may state the answer with few of the question's words. So an
item the search ranked among the answering passages, set aside only for its evidence, comes
back when it beats every kept item on those signals (`candidates`). What each signal tests of an
item is in assistant/lead_traits.py."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.decision import Decision, answers_kind
from assistant.definitions import asks_definition, defines_asked
from assistant.figures import asks_who_or_when
from assistant.lead_traits import (
    cites_another,
    counts,
    counts_asked,
    has_target,
    has_task,
    heads_frame,
    in_place,
    of_asked_type,
)
from assistant.listed_items import listed_items
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.sentences import best_sentences, sentence_score
from assistant.typed_evidence import in_scope

SHORT_POINT = 12  # words: a point this short names its subject only in the clause above it


@dataclass(frozen=True)
class Records:
    targets: list[dict]
    tasks: list[dict]


def signals(
    analysis: QueryAnalysis, decision: Decision, passage: Passage, records: Records, targets: bool = True
) -> tuple:
    """The lead signals, best first when sorted (each False is better): for a question asking
    what a term covers, the item defining it; for one asking for the items of a kind, the item
    listing them; for an English question asking the kind of item (its funding source, who
    it covers), the item under that heading; for a question asking who or when, a task row
    answers it; then answers the asked kind (beside the rarest asked concept), states the asked
    kind, is in the asked scope, has a verified target (when `targets`). A document asked for is
    answered by one the question does not name."""
    unit = decision.leads.get(passage.id)
    typed = bool(decision.kind) and unit is not None and unit.typed
    answers = answers_kind(unit, decision.kind) and (decision.kind != "count" or counts(unit.text))
    counted = decision.kind != "count" or (unit is not None and counts_asked(analysis.question, unit.text))
    if decision.kind == "document" and unit is not None:
        other = cites_another(analysis, passage, unit.text)
        typed, answers = typed and other, answers and other
    scoped = unit is not None and in_scope(analysis, passage, unit, titled=True)
    task = asks_who_or_when(analysis) and has_task(analysis, passage, records.tasks)
    defines = not asks_definition(analysis) or defines_asked(analysis, passage)
    lists = bool(listed_items(analysis.question, passage.text))  # 'những dự án nào': the item listing them
    framed = heads_frame(analysis, passage)  # 'where does the money come from': under 'Nguồn kinh phí'
    placed = in_place(analysis, passage, unit.text if unit is not None else "")
    kinded = of_asked_type(analysis, passage)
    whole = unit is not None and unit.coverage >= 1.0  # the unit holds every asked concept
    return (not defines, not lists, not framed, asks_who_or_when(analysis) and not task,
            not answers, not counted, not typed, not scoped, not placed, not kinded, not whole,
            not (targets and has_target(analysis, passage, records.targets)))  # fmt: skip


def heading_above(passage: Passage) -> str:
    """The clause heading a point too short to name what it is about ('b) Phó hiệu trưởng là 04
    tiết.' under '3. Định mức tiết dạy trung bình trong 01 tuần'); '' for a longer item, which
    says what it is about itself."""
    titles = passage.payload.get("titles") or []
    return titles[-2] if len(titles) > 1 and len(passage.text.split()) <= SHORT_POINT else ""


def weight(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> float:
    """How much of the question the item carries: its lead unit's share (rarity-weighted, read
    restored for an OCR text), its best sentence's words (a short point read under the clause
    heading it), its search evidence."""
    unit = decision.leads.get(passage.id)
    sentences = best_sentences(analysis, passage.text, limit=1)
    above = heading_above(passage)
    carried = max((sentence_score(analysis, f"{above} {s}") for s in sentences), default=0.0)
    covered = unit.coverage if unit is not None else 0.0
    return round(2 * covered + carried + 2 * passage.evidence, 1)


def candidates(
    analysis: QueryAnalysis, decision: Decision, ranked: list[Passage], records: Records
) -> list[Passage]:
    """The kept items, and the best answering passage set aside that beats all of them on the
    lead signals (a target record aside: a target naming one of the question's words is no
    reason to bring back an item the evidence set aside)."""
    kept = list(decision.passages)
    if not kept:
        return kept
    best = min(signals(analysis, decision, p, records, targets=False) for p in kept)
    ids = {p.id for p in kept}
    extra = [p for p in ranked if p.id in decision.leads and p.id not in ids
             and signals(analysis, decision, p, records, targets=False) < best]  # fmt: skip
    return kept + sorted(extra, key=lambda p: signals(analysis, decision, p, records, targets=False))[:1]


def lead_key(analysis: QueryAnalysis, decision: Decision, ranked: list[Passage], records: Records,
             targets: bool = True):  # fmt: skip
    """Sort key: the lead signals, then the weight carried, then search rank."""
    rank = {p.id: i for i, p in enumerate(ranked)}

    def key(p: Passage) -> tuple:
        return (*signals(analysis, decision, p, records, targets), -weight(analysis, decision, p),
                rank.get(p.id, len(ranked)))  # fmt: skip

    return key


def ordered(
    analysis: QueryAnalysis, decision: Decision, ranked: list[Passage], records: Records
) -> list[Passage]:
    """The candidates, the one to lead with first (search rank breaks ties)."""
    pool = candidates(analysis, decision, ranked, records)
    return sorted(pool, key=lead_key(analysis, decision, ranked, records))
