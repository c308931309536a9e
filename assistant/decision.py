"""Whether the passages answer: constraints the corpus does not cover are refused, passages
that do not fit the asked province, year or figures are set aside, the rest is judged by the
calibrated refusal model (assistant/refusal.py); when they answer, which items may answer and
the unit each would lead with."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer_ranking import answer_kind
from assistant.coded_numbers import CITED_DEPTH, borne_numbers, unknown_year_coded, unnamed_cited
from assistant.concept_held import shown_with_title
from assistant.conditions import condition_missing
from assistant.constraint_fits import province_fits, school_year_fits, span_fits, spans_in, year_fits
from assistant.constraints import CorpusProfile, is_type_word
from assistant.definitions import definition_given
from assistant.grades import grade_missing
from assistant.kind_evidence import (
    SCOPED_KINDS,
    counted_missing,
    deadline_missing,
    kind_missing,
    out_of_scope,
)
from assistant.own_terms import own_term_missing
from assistant.qualifiers import scope_missing
from assistant.query import QueryAnalysis
from assistant.refusal import RefusalModel, features
from assistant.scope_evidence import level_unstated, rare_unit_off_level
from assistant.search import Passage
from assistant.typed_evidence import Unit, best_unit, rarest_concept

MAX_ANSWER_PASSAGES = 3
POOL = 8
GRADE_DEPTH = 5  # the fitting passages judged for the asked grade: every one the decision may quote
SPAN_DEPTH = 5  # the fitting passages read for the asked school year or period
ANSWER_FLOOR = 0.8  # items within this share of the best evidence may answer
LIST_FLOOR = 0.6
# kinds asked as a figure: answered only where a passage states a figure of that kind beside
# the rarest asked concept, or holds that concept at all (a fee the schedule does not list)
FIGURE_KINDS = ("money", "percent", "duration", "count")
# ... unless a best passage holds most of the question (rarity-weighted): then the one missing
# word is the question's own phrasing, not a topic the documents lack. Every value in 0.7–0.8
# gave the same dev questions of both sets, the best combined CRAG-style score (0.65 and below
# lose a dev refusal, 0.9 and above keep the wrong refusals): the middle of that range. With
# compound words judged whole, 0.7 and 0.75 still give the best dev results of both sets (0.65
# and below, 0.8 and above, lose on one set or the other).
NEAR_MISS_HELD_SHARE = 0.75
# Any kind of question, asked in Vietnamese: a word of several syllables it asks is in none of the
# best passages ('điện thoại di động', 'Tết Nguyên đán') and no fitting passage holds this share of
# the question (rarity-weighted). On the dev questions of all five sets the Vietnamese questions
# the model answers split cleanly: the unanswerable ones hold 0.15 and 0.26, the lowest answerable
# one 0.54; the middle of that gap. English is left to the model, as for the near miss.
TOPIC_ABSENT_HELD_SHARE = 0.4
# ... and only when the question asks about two things or more besides a kind of document: where
# one word carries the whole topic ('Nghị quyết 60/2025 bãi bỏ nghị quyết nào?') its absence may
# be the asker's paraphrase (the resolution writes 'hết hiệu lực')
TOPIC_ABSENT_MIN_CONCEPTS = 2
# The near miss judges the best 3 fitting passages. Judging whether the rarest concept and
# compound word are held over the 5 the decision may quote was measured (default hybrid): the one
# answerable dev question whose answering item ranks 4th passes the rule but the model still
# refuses it, no other dev question changes, grouped CV is unchanged and two held-out
# unanswerable questions are answered: not taken.


@dataclass
class Decision:
    answerable: bool
    passages: list[Passage]  # the ones the answer quotes (or the related ones when not)
    reason: str = ""
    probability: float | None = None
    features: dict[str, float] = field(default_factory=dict)
    kind: str = ""  # the kind of answer asked for (assistant/answer_type.py)
    leads: dict[str, Unit] = field(default_factory=dict)  # passage id -> the unit it answers with


def uncovered(analysis: QueryAnalysis, profile: CorpusProfile, idf: dict[str, float] | None = None) -> str:
    """'province:X', 'year:Y' or 'number:N' when the corpus holds nothing for it (a number
    asked with its year: no document of that number and year, assistant/coded_numbers.py); else ''."""
    c = analysis.constraints
    for province in c.provinces:
        if not profile.covers_province(province):
            return f"province:{province}"
    for year in c.years:
        if not profile.covers_year(year):
            return f"year:{year}"
    for number in c.doc_numbers:
        if not profile.covers_number(number):
            return f"number:{number}"
    for number in unknown_year_coded(analysis.question, idf or {}):
        return f"number:{number}"
    return ""


def fitting_passages(analysis: QueryAnalysis, passages: list[Passage]) -> tuple[list[Passage], str]:
    """The passages that fit the asked province, year, school year and stated figures, or why
    none does."""
    pool = [p for p in passages[:POOL] if province_fits(p.doc, analysis.provinces)]
    if not pool:
        return [], f"province:{', '.join(analysis.provinces)}"
    dated = [p for p in pool if year_fits(p.index_text, p.doc, analysis.years)]
    if not dated:
        return [], f"year:{', '.join(analysis.years)}"
    asked = analysis.constraints.school_years
    dated = [p for p in dated if school_year_fits(p.doc, asked, p.text)]
    if not dated:
        return [], f"year:{', '.join(asked)}"
    spans = spans_in(analysis.question)
    if not span_fits(["\n".join(shown_with_title(p)) for p in dated[:SPAN_DEPTH]], spans):
        return [], "year:" + ", ".join(f"{a}-{b}" for a, b in sorted(spans))
    for number in analysis.numbers:
        dated = [p for p in dated if number.replace("%", "").strip() in p.index_text]
        if not dated:
            return [], f"number:{number}"
    return dated, ""


def decide(
    analysis: QueryAnalysis,
    passages: list[Passage],
    profile: CorpusProfile,
    idf: dict[str, float],
    model: RefusalModel | None,
    threshold: float,
) -> Decision:
    related = passages[:MAX_ANSWER_PASSAGES]
    if not passages:
        return Decision(False, [], "no passage")
    if reason := uncovered(analysis, profile, idf):
        return Decision(False, related, reason)
    fitting, reason = fitting_passages(analysis, passages)
    if not fitting:
        return Decision(False, related, reason)
    if cited := cited_elsewhere(analysis, fitting, profile):  # a document neither held nor cited
        return Decision(False, related, f"number:{cited}")
    feats = features(analysis, fitting, passages, idf)
    if figure_refused(analysis, fitting, feats, idf):
        return Decision(False, related, "figure", None, feats)
    absent = topic_absent(analysis, feats) or own_term_missing(analysis, fitting)
    if absent or condition_missing(analysis, fitting):  # not there
        return Decision(False, related, "term", None, feats)
    if scope_missing(analysis, fitting) or level_unstated(analysis, fitting):  # another scope or level
        return Decision(False, related, "scope", None, feats)
    if model is not None:
        probability = model.probability(feats)
        answerable = probability >= model.cut
    else:  # not calibrated yet: the evidence threshold alone
        probability = None
        answerable = feats["best_evidence"] >= threshold and feats["figure_sentence"] > 0
    if not answerable and not definition_given(analysis, fitting):  # a term's defining item
        return Decision(False, related, "weak", probability, feats)
    kind = answer_kind(analysis)
    leads = {p.id: unit for p in fitting if (unit := best_unit(analysis, p, idf, kind))}
    best = max(p.evidence for p in fitting)
    floor = LIST_FLOOR if analysis.asks_list else ANSWER_FLOOR
    chosen = [p for p in fitting if p.evidence >= best * floor or answers_kind(leads.get(p.id), kind)]
    return Decision(True, chosen, "", probability, feats, kind, leads)


def cited_elsewhere(analysis: QueryAnalysis, fitting: list[Passage], profile: CorpusProfile) -> str:
    """A document number the question cites that no indexed document bears and no best fitting
    passage writes (assistant/coded_numbers.py); else ''."""
    best = fitting[:CITED_DEPTH]
    texts = [t for p in best for t in shown_with_title(p)] + [(p.doc or {}).get("number") or "" for p in best]
    borne = borne_numbers([(d.source, d.number) for d in profile.documents])
    cited = unnamed_cited(analysis.constraints.doc_numbers, borne, texts)
    return cited[0] if cited else ""


def figure_refused(
    analysis: QueryAnalysis, fitting: list[Passage], feats: dict[str, float], idf: dict[str, float]
) -> bool:
    """The asked figure is not among the best passages: a near miss, one stated only for other
    grades than the asked one (assistant/grades.py) or, beside the rarest asked concept, only for
    another school level (assistant/scope_evidence.py), a percentage, code, amount or count written
    nowhere in them, one stated only for another year or school level, or a deadline asked
    where no date speaks of the question (assistant/kind_evidence.py)."""
    return (
        near_miss(analysis, feats, idf)
        or (answer_kind(analysis) in FIGURE_KINDS and grade_missing(analysis.question, fitting, GRADE_DEPTH))
        or rare_unit_off_level(analysis, fitting, idf, SCOPED_KINDS)
        or kind_missing(analysis, fitting, idf)
        or counted_missing(analysis, fitting)
        or out_of_scope(analysis, feats)
        or deadline_missing(analysis, feats)
    )


def near_miss(analysis: QueryAnalysis, feats: dict[str, float], idf: dict[str, float]) -> bool:
    """A figure is asked in Vietnamese, no best passage states one beside the rarest asked
    concept or holds that concept at all — or none holds the rarest asked compound word ('học
    phí' asked, the passages with 'học' and 'phí' apart) — and none holds most of the question
    (English questions are left to the model: their concepts are translations, whose absence
    proves little)."""
    rare = rarest_concept(analysis, idf)
    return (
        analysis.language == "vi"  # an English question's concepts are translations: no proof
        and answer_kind(analysis) in FIGURE_KINDS
        and rare is not None
        and (not (feats["type_and_rare"] or feats["rare_held"]) or not feats["rare_compound_held"])
        and feats["held_share"] < NEAR_MISS_HELD_SHARE
    )


def topic_absent(analysis: QueryAnalysis, feats: dict[str, float]) -> bool:
    """A Vietnamese question of several topic words, whose asked word of several syllables no
    best passage holds, and of which no fitting passage holds even `TOPIC_ABSENT_HELD_SHARE`: the
    passages speak of something else."""
    return (
        analysis.language == "vi"
        and sum(not c.constraint and not is_type_word(c.name) for c in analysis.asked)
        >= TOPIC_ABSENT_MIN_CONCEPTS
        and feats["missing_word"] > 0
        and feats["joint_held"] < TOPIC_ABSENT_HELD_SHARE
    )


def answers_kind(unit: Unit | None, kind: str) -> bool:
    """The unit states the asked kind of answer beside the rarest asked concept."""
    return bool(kind) and unit is not None and unit.typed and unit.rare
