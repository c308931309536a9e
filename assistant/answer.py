"""Where a question is answered: decide whether the passages answer it (constraints the corpus
does not cover are refused; the rest by a calibrated score), then lead with the direct answer —
the figure, owner, date or list in the item that answers, quoted with its [n] — and add other
items only when they add something (worded by assistant/answer_text.py; the answer contract is
built by assistant/answer_contract.py)."""

from __future__ import annotations

from assistant.answer_text import Composed, compose
from assistant.decision import MAX_ANSWER_PASSAGES, Decision, decide, fitting_passages
from assistant.fact_answers import fact_answer
from assistant.figures import lacks_asked_target
from assistant.lead_choice import Records, ordered
from assistant.lead_traits import states_asked
from assistant.query import QueryAnalysis
from assistant.search import Passage

__all__ = ["Composed", "Decision", "compose", "decide", "extracted", "fitting_passages", "lead_first"]
MAX_LISTED = 12


def lead_first(
    analysis: QueryAnalysis,
    decision: Decision,
    targets: list[dict],
    ranked: list[Passage] | None = None,
    tasks: list[dict] | None = None,
) -> Decision:
    """Order the answering items (the one that states the asked kind, year and level, or whose
    verified record answers, then the one carrying most of the question, then search rank) and
    keep as many as needed; an answering passage `ranked` by the search but set aside for its
    evidence comes back when it beats every kept item (assistant/lead_choice.py)."""
    if not decision.answerable:
        return decision
    records = Records(targets, tasks or [])
    chosen = ordered(analysis, decision, ranked or decision.passages, records)
    limit = MAX_LISTED if analysis.asks_list else MAX_ANSWER_PASSAGES
    return Decision(True, chosen[:limit], "", decision.probability, decision.features, decision.kind,
                    decision.leads)  # fmt: skip


def refuse_missing_target(
    analysis: QueryAnalysis, decision: Decision, led: Decision, targets: list[dict]
) -> Decision:
    """The cited items hold targets, but none for the asked year or level, and the item led with
    (`led`, the decision ordered) does not state the asked kind for them: not an answer."""
    if (decision.answerable and lacks_asked_target(analysis, decision.passages, targets)
            and not states_asked(analysis, led, led.passages[0])):  # fmt: skip
        return Decision(False, decision.passages, "target", decision.probability, decision.features)
    return led


def extracted(
    analysis: QueryAnalysis,
    passages: list[Passage],
    decision: Decision,
    records: tuple[list[dict], list[dict]],
) -> tuple[Decision, Composed]:
    """The extractive answer and the decision it cites: a document fact stated, or the answering
    items led with the one that answers (a missing target refused), composed."""
    if stated := fact_answer(analysis, passages, decision.answerable, decision.reason):
        return Decision(True, stated[0], "", decision.probability, decision.features), Composed(*stated[1:])
    led = lead_first(analysis, decision, records[0], passages, records[1])
    decision = refuse_missing_target(analysis, decision, led, records[0])
    return decision, compose(analysis, decision, *records)
