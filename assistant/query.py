"""Understand a question before searching: its language, years, school levels and places, and the
terms to search with (its own words, acronyms both ways, English terms in Vietnamese)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.compounds import join_compounds
from assistant.concept import Concept, with_synonyms
from assistant.constraints import (
    SHORT_PLACES,
    Constraints,
    CorpusProfile,
    read_constraints,
    without_constraints,
)
from assistant.english import UNTRANSLATED_WEIGHT, detect_language, glossary, read_english, vietnamese_numbers
from assistant.levels import question_levels
from assistant.named_documents import title_concepts
from assistant.phrase_weight import shared_terms
from assistant.question_frames import exclusion_terms
from assistant.question_kind import asks_when
from ingest.acronyms import written_forms
from ingest.text import MARKED_FUNCTION_WORDS, STOPWORDS, fold_accents, has_diacritics, word_tokens

__all__ = ["UNTRANSLATED_WEIGHT", "Concept", "QueryAnalysis", "acronym_table", "analyse", "detect_language"]

_SYLLABLE_OR_NUMBER = re.compile(r"[^\W_]+(?:[.,/&-][^\W_]+)*")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\s*%|\b\d+[.,]\d+\b")
EXPANSION_WEIGHT = 0.6
# The title of a document the question names ('Nghị quyết 21/2025 về hỗ trợ trẻ mầm non') says
# what every item of it is about: its words select the document (assistant/lifts.py lifts it)
# rather than the item, and as words to match they weigh this much, never outweighing the
# question's own topic ('ai tổ chức triển khai'). Chosen on the dev questions of the five sets
# (hybrid and bm25): 0.3 answers two more and loses none; 0.5 answers one; 0.15 loses two under bm25.
NAMED_TITLE_WEIGHT = 0.3
_FIGURE_WORDS = ("bao nhieu", "ty le", "ti le", "chi tieu", "muc", "%", "how many", "how much",
                 "rate", "percentage", "target", "what share", "proportion", "khi nao",
                 "thoi han", "deadline", "ngay nao", "bao gio")  # fmt: skip
# whole words only (a plural too): 'rate' is not in 'illiterate', 'muc' not in 'much'
_FIGURE_CUE = re.compile(r"%|\b(?:" + "|".join(w for w in _FIGURE_WORDS if w != "%") + r")s?\b")


_METADATA = re.compile(
    r"\b(so hieu|so van ban|ngay ban hanh|ban hanh ngay|ky|nguoi ky|ai ky|gui|noi nhan|kinh gui|"
    r"signed|signer|sign|number|issued|date of|dated|sent to|recipients|who issued|which office)\b"
)


_LISTING = re.compile(
    r"\b(nhung (?:don vi|phong|nhiem vu|viec|noi dung|truong|co quan)|cac (?:don vi|nhiem vu) nao|"
    r"liet ke|ke ten|list (?:every|all|the)|which (?:units|offices|tasks)|what tasks|all (?:the )?tasks)\b"
)
_QUANTITY = re.compile(
    r"\b(bao nhieu|may|how many|how much|what percentage|what share|what proportion|what rate|"
    r"percent|percentage|ty le|ti le|muc do may|what level)\b"
)


@dataclass
class QueryAnalysis:
    question: str
    language: str  # "vi" or "en"
    typed_without_diacritics: bool
    years: list[str]
    levels: list[str]
    provinces: list[str]
    numbers: list[str]
    asks_figure: bool
    asks_metadata: bool
    asks_quantity: bool
    asks_list: bool = False  # "những đơn vị nào …", "list every task led by …"
    terms: dict[str, float] = field(default_factory=dict)  # BM25 term -> weight
    concepts: list[Concept] = field(default_factory=list)
    # the concepts as coverage is judged on them: a compound's syllables joined ('hoc phi')
    asked: list[Concept] = field(default_factory=list)
    search_text: str = ""  # what the dense model sees
    constraints: Constraints = field(default_factory=Constraints)
    # rarity-weighted share of an English question's content words rendered in Vietnamese
    translated_share: float = 1.0
    vietnamese_text: str = ""  # an English question rendered in Vietnamese words (a second dense query)


@lru_cache(maxsize=8)
def acronym_table(mined: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """Folded acronym -> folded long form: the glossary's, then those mined from the corpus
    ('giáo dục thường xuyên (GDTX)'), the glossary winning a clash."""
    table = {fold_accents(k): fold_accents(v) for k, v in mined}
    table.update({fold_accents(form): fold_accents(v) for k, v in glossary()["acronyms"].items()
                  for form in written_forms(k, v)})  # fmt: skip
    return table


def _vietnamese_concepts(question: str, table: dict[str, str]) -> list[Concept]:
    folded_q = fold_accents(question)
    reverse = {v: k for k, v in table.items()}
    concepts: list[Concept] = []
    consumed = folded_q
    for long_form, short in sorted(reverse.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(long_form)}\b", consumed):
            concepts.append(Concept(short, [long_form, short]))
            consumed = re.sub(rf"\b{re.escape(long_form)}\b", lambda m: " " * len(m.group()), consumed)
    for token, written in _tokens_as_written(consumed, question):
        if _function_word(token, written) or (len(token) < 2 and not token.isdigit()):
            continue
        if token in table:
            concepts.append(Concept(token, [token, table[token]]))
        else:
            concepts.append(Concept(token, [token]))
    return concepts


def _tokens_as_written(folded: str, question: str) -> list[tuple[str, str]]:
    """(folded token, the question's own spelling of it, or '' when it cannot be told) in order."""
    aligned = len(folded) == len(question) and has_diacritics(question)
    out = []
    for m in _SYLLABLE_OR_NUMBER.finditer(folded):
        tokens = word_tokens(m.group())
        written = question[m.start() : m.end()].lower() if aligned and len(tokens) == 1 else ""
        out.extend((token, written) for token in tokens)  # 'và/hoặc': judged folded, one by one
    return out


def _function_word(token: str, written: str) -> bool:
    """A word that carries no evidence: in a question typed with marks, a Vietnamese function
    word as written ('để', not the 'đề' of 'chủ đề'); otherwise any folded stopword."""
    return written in MARKED_FUNCTION_WORDS if written else token in STOPWORDS


def find_levels(question: str) -> list[str]:
    return question_levels(fold_accents(question))


def _without_places(question: str, provinces: list[str]) -> str:
    """Place names select documents (a constraint), they are not words to match."""
    folded_q = fold_accents(question)
    if not provinces or len(folded_q) != len(question):  # folding changed the length: keep as is
        return question
    keep = [True] * len(question)
    for name in provinces:
        words = fold_accents(name).replace("-", " ").split()
        spans = [
            m.span() for m in re.finditer(r"\b" + r"[\s\-.]*".join(map(re.escape, words)) + r"\b", folded_q)
        ]
        spans += [
            m.span() for pattern, short in SHORT_PLACES if short == name for m in pattern.finditer(question)
        ]
        for start, end in spans:
            keep[start:end] = [False] * (end - start)
    return "".join(ch if k else " " for ch, k in zip(question, keep, strict=True))


def _weighted_terms(concepts: list[Concept], language: str, titled: set[str]) -> dict[str, float]:
    terms: dict[str, float] = {}
    for concept in concepts:
        lighter = NAMED_TITLE_WEIGHT if concept.name in titled else 1.0
        for i, phrase in enumerate(concept.phrases):
            weight = concept.weight * lighter * (1.0 if i == 0 and language == "vi" else EXPANSION_WEIGHT)
            budget = None if language == "en" else 0  # an English rendering weighs as one concept
            for term, share in shared_terms(phrase, weight, budget).items():
                terms[term] = max(terms.get(term, 0.0), share)
    return terms


def analyse(question: str, profile: CorpusProfile | None = None, use_glossary: bool = True) -> QueryAnalysis:
    """The question's language, constraints (matched against `profile`, what the corpus
    covers) and the weighted terms to search with."""
    profile = profile or CorpusProfile()
    language = detect_language(question)
    constraints = read_constraints(question, profile)
    topic = _without_places(question, constraints.provinces)
    table = acronym_table(profile.acronyms)
    english = language == "en"
    topic = vietnamese_numbers(topic) if english else topic
    reading = read_english(topic, table, use_glossary) if english else None
    concepts = reading.concepts if reading else _vietnamese_concepts(topic, table)
    concepts += [Concept(year, [year]) for year in constraints.years]
    concepts = with_synonyms(list({c.name: c for c in reversed(concepts)}.values())[::-1])
    left = set(word_tokens(without_constraints(fold_accents(topic))))
    for concept in concepts:
        words = word_tokens(" ".join([concept.name, *concept.phrases]))
        concept.constraint = bool(words) and not left.intersection(words)
    folded_q = fold_accents(question)
    named = [d for d in profile.documents
             if d.source in constraints.documents and d.number in constraints.doc_numbers]  # fmt: skip
    titled = title_concepts(concepts, named)
    expansions = " ".join(p for c in concepts for p in c.phrases[1:])
    return QueryAnalysis(
        question=question,
        language=language,
        typed_without_diacritics=not has_diacritics(question),
        years=constraints.years,
        levels=find_levels(question),
        provinces=constraints.provinces,
        numbers=[n.strip() for n in _NUMBER.findall(vietnamese_numbers(question) if english else question)],
        asks_figure=bool(_FIGURE_CUE.search(folded_q)) or asks_when(folded_q),
        asks_metadata=bool(_METADATA.search(folded_q)),
        asks_quantity=bool(_QUANTITY.search(folded_q)),
        asks_list=bool(_LISTING.search(folded_q)),
        terms=_weighted_terms(concepts, language, titled) | exclusion_terms(question),
        concepts=concepts,
        asked=concepts if english else with_synonyms(join_compounds(concepts, topic)),
        search_text=f"{question} {expansions}".strip(),
        constraints=constraints,
        translated_share=reading.translated_share if reading else 1.0,
        vietnamese_text=" ".join([reading.rendering, *constraints.provinces]).strip() if reading else "",
    )
