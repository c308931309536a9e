"""Vietnamese terms an English question writes itself ('… at high-quality schools (trường chất
lượng cao)'): the asker's own name for what is asked, not a translation the glossary guessed.
When no best fitting passage holds such a term (accents folded, words in a row), the passages
speak of something else, whatever else of the question they hold.

Place names are constraints, checked elsewhere (a province the corpus does not cover), and are
left out here."""

from __future__ import annotations

from assistant.concept_held import shown_with_title
from assistant.english import written_terms
from assistant.named_units import named_school_missing
from assistant.query import QueryAnalysis
from assistant.search import Passage
from ingest.text import fold_accents, word_tokens

TERM_DEPTH = 3  # the best fitting passages searched, as for the typed evidence


def own_terms(analysis: QueryAnalysis) -> list[str]:
    """The Vietnamese terms (folded) an English question writes (assistant/english.py); places
    left out."""
    if analysis.language != "en":
        return []
    places = {" ".join(word_tokens(p)) for p in analysis.provinces}
    folded = [" ".join(word_tokens(fold_accents(t))) for t in written_terms(analysis.question)]
    return [t for t in folded if t and not any(t in p or p in t for p in places)]


def own_term_missing(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """An English question names a Vietnamese term that none of the best fitting passages holds,
    or any question names a school none of them names (assistant/named_units.py)."""
    if named_school_missing(analysis, fitting):
        return True
    terms = own_terms(analysis)
    if not terms:
        return False
    texts = [_folded(p) for p in fitting[:TERM_DEPTH]]
    return any(not any(f" {t} " in text for text in texts) for t in terms)


def _folded(passage: Passage) -> str:
    """What the passage shows and its document's title, folded into words."""
    return " " + " ".join(word_tokens(fold_accents(" ".join(shown_with_title(passage))))) + " "
