"""Is the asked kind of answer stated at all? A question asking a percentage or a procedure's
code is answered only by a passage that writes one ('98,5%', '1.001639'): when none of the best
fitting passages has a unit (sentence, list item or table row) stating that kind, whatever they
say about the topic, they do not give the asked figure — in any language, since the figure is
written the same way whatever the question's language.

Other kinds are left to the calibrated model (the `kind_stated` feature): an amount, a count, a
duration or a date is often written in words a pattern cannot see ('hằng năm' for how often, a
yes/no question about costs), so their absence proves less.

A school year named in the question ('năm học 2023-2024') is the document's scope: a document
whose own header or title names another school year answers for that one, and a passage of it
that merely mentions the asked year in passing is not an answer for it.
"""

from __future__ import annotations

from assistant.answer_ranking import answer_kind
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.typed_evidence import units

# kinds whose absence from every best passage is refused outright: chosen on the dev questions
# of both sets, where no answerable question of these kinds lacked a unit stating one, while
# money, count, duration and date questions did (their answers written in words)
REFUSED_WHEN_ABSENT = ("percent", "code")
# kinds the `kind_stated` feature speaks for (others: always 1, nothing to check)
STATED_KINDS = ("percent", "code", "money", "count", "duration", "date", "year")
KIND_DEPTH = 3  # the fitting passages searched for a unit of the asked kind (as typed_features)


def kind_stated(analysis: QueryAnalysis, fitting: list[Passage], idf: dict[str, float]) -> bool:
    """Some unit of the best fitting passages states the asked kind (True when no figure, code
    or date kind is asked)."""
    kind = answer_kind(analysis)
    if kind not in STATED_KINDS:
        return True
    return any(u.typed for p in fitting[:KIND_DEPTH] for u in units(analysis, p, idf, kind))


def kind_missing(analysis: QueryAnalysis, fitting: list[Passage], idf: dict[str, float]) -> bool:
    """A percentage or a code is asked and no best fitting passage states one."""
    return answer_kind(analysis) in REFUSED_WHEN_ABSENT and not kind_stated(analysis, fitting, idf)


def school_year_fits(passage: Passage, asked: list[str]) -> bool:
    """The passage may answer for the asked school years: its document names no school year
    of its own (header or title), or names an asked one."""
    own = passage.doc.get("school_year")
    return not asked or not own or own in asked
