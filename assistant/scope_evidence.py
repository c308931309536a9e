"""Whether the unit that states the asked figure beside the rarest asked concept is for the asked
school level. A fee schedule lists one service per level ('Trang thiết bị bán trú: Mầm non
200.000; Tiểu học, THCS 133.000'): a question for that service at upper secondary level finds
rows of the asked kind holding the service, none for the level — and rows of other services
that do name the level. Judging the level on any unit of the asked kind
(kind_evidence.out_of_scope) lets those other rows answer for it; judging it on the units that
hold the rarest asked concept does not. Only the level is judged here: a year is often written
once in a document's header, not beside each figure."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer_ranking import answer_kind
from assistant.concept_held import shown_with_title
from assistant.levels import ALL_LEVELS, SECONDARY, levels_in
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.typed_evidence import best_unit, in_scope
from ingest.text import fold_accents

# the fitting passages whose lead units are judged: the three the refusal features read
SCOPE_UNIT_DEPTH = 3
# the fitting passages read for the asked school level: every one the decision may quote
LEVEL_DEPTH = 5
_GENERAL = re.compile(r"\bpho thong\b")  # 'giáo dục phổ thông': primary to upper secondary
_GENERAL_LEVELS = frozenset({"tiểu học", "THCS", "THPT"})
_SECONDARY_LEVELS = frozenset({"THCS", "THPT"})


def rare_unit_off_level(
    analysis: QueryAnalysis, fitting: list[Passage], idf: dict[str, float], kinds: tuple[str, ...]
) -> bool:
    """A figure of one of `kinds` is asked for a school level, some best passage leads with a
    unit stating one beside the rarest asked concept, and no such unit is for the asked level
    (its text, headings or a table's column names)."""
    kind = answer_kind(analysis)
    if kind not in kinds or not analysis.levels:
        return False
    leads = [(p, u) for p in fitting[:SCOPE_UNIT_DEPTH] if (u := best_unit(analysis, p, idf, kind))]
    rare = [(p, u) for p, u in leads if u.typed and u.rare]
    level_only = replace(analysis, years=[])
    return bool(rare) and not any(in_scope(level_only, p, u) for p, u in rare)


def stated_levels(passage: Passage) -> set[str]:
    """The school levels a passage speaks of — in its text, headings or its document's title; a
    general-education ('phổ thông') or secondary ('trung học') scope holds each level it spans."""
    folded = fold_accents("\n".join(shown_with_title(passage)))
    found = set(levels_in(folded))
    if SECONDARY in found:
        found |= _SECONDARY_LEVELS
    if _GENERAL.search(folded):
        found |= _GENERAL_LEVELS
    return found


def level_unstated(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """The question asks about a school level, some of the best passages speak level by level,
    and none speaks of the asked one: a resolution on preschool support does not answer for
    continuing education. Passages naming no level say nothing either way."""
    asked = {lv for lv in analysis.levels if lv not in (SECONDARY, ALL_LEVELS)}
    if not asked:
        return False
    stated = [s for p in fitting[:LEVEL_DEPTH] if (s := stated_levels(p))]
    return bool(stated) and not asked & set().union(*stated)
