"""A condition an English question asks under ('… teachers who teach on public holidays', 'during
the summer break', 'in case of a natural disaster'): a rule for that case is answered only by
an item that speaks of it. When none of the best fitting passages holds the condition's words
(rendered in Vietnamese), they state the general rule, not the asked case.

Only English questions: a Vietnamese question's concepts are single syllables, which a passage
holds by chance; an English condition is rendered whole by the lexicon ('public holiday' ->
'ngày lễ', 'nghỉ lễ', 'lễ tết')."""

from __future__ import annotations

import re

from assistant.concept_held import holds, shown
from assistant.query import Concept, QueryAnalysis
from assistant.search import Passage

# a condition: a case ('in case of …') or a time off the ordinary ('on public holidays', 'during
# the summer break'), up to a clause's end or the next phrase; 'on' alone is a topic as often
# ('a cap on breakfast charges')
_CONDITION = re.compile(
    r"\b(?:(?:in case of|in the event of)\s+(?P<case>[^,.;:?()]+?)"
    r"|(?:on|during)\s+(?P<time>(?:[a-z-]+\s+){0,2}(?:holidays?|weekends?|sundays?|saturdays?|nights?"
    r"|breaks?|vacations?|tet|summer|days? off)))"
    r"(?=\s+(?:under|according|in|for|by|from|at|of|to|with|and|or)\b|[,.;:?()]|$)"
)
CONDITION_DEPTH = 3  # the best fitting passages searched, as for the typed evidence


def condition_concepts(analysis: QueryAnalysis) -> list[Concept]:
    """The asked concepts an English question's condition names (constraints aside)."""
    if analysis.language != "en":
        return []
    spans = [m.group("case") or m.group("time") for m in _CONDITION.finditer(analysis.question.lower())]
    return [c for c in analysis.concepts if not c.constraint and c.phrases and _named_in(c, spans)]


def _named_in(concept: Concept, spans: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(concept.name.lower())}\b", span) for span in spans)


def condition_missing(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """A condition the question asks under is held by none of the best fitting passages."""
    texts = [" ".join(shown(p)) for p in fitting[:CONDITION_DEPTH]]
    return any(not any(holds(analysis, c, t) for t in texts) for c in condition_concepts(analysis))
