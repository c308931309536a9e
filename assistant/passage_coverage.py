"""How much of a question a passage expresses: each of the question's concepts, weighted by its
rarity, found in the passage's words (exactly, or one OCR slip away). `evidence` is the share
found, the score abstention reads; `missing_rarity` the rarest concept left unsaid."""

from __future__ import annotations

from assistant.deputy_titles import holds_phrase
from assistant.query import QueryAnalysis
from ingest.text import word_tokens

MAX_RARITY = 6.0


def concept_coverage(
    analysis: QueryAnalysis, passage_text: str, idf: dict[str, float], skip_years: bool = False
) -> list[tuple[float, bool]]:
    """(rarity weight, expressed?) for each of the question's concepts in the passage."""
    tokens = word_tokens(passage_text)
    text = " " + " ".join(tokens) + " "
    out = []
    for concept in analysis.concepts:
        if concept.constraint or (skip_years and concept.name in analysis.years):
            continue
        phrases = [p for p in (" ".join(word_tokens(p)) for p in concept.phrases) if p]
        if not phrases:
            continue
        rarity = max(idf.get(p.split()[0], 3.0) for p in phrases)
        found = any(holds_phrase(p, tokens, passage_text, text, analysis.question) for p in phrases) or any(
            f" {p} " not in text and ocr_match(p, tokens) for p in phrases
        )  # a phrase written only in a deputy's title ('phó hiệu trưởng') is not held
        out.append((concept.weight * min(rarity, MAX_RARITY), found))
    return out


def evidence(
    analysis: QueryAnalysis, passage_text: str, idf: dict[str, float], skip_years: bool = False
) -> float:
    """Share of the question's concepts (weighted by rarity) that the passage expresses."""
    coverage = concept_coverage(analysis, passage_text, idf, skip_years)
    total = sum(w for w, _ in coverage)
    return sum(w for w, found in coverage if found) / total if total else 0.0


def missing_rarity(analysis: QueryAnalysis, passage_text: str, idf: dict[str, float]) -> float:
    """The rarest question concept the passage does not express (0..1): a rare word missing is
    the mark of a question the passage only seems to answer."""
    missing = [w for w, found in concept_coverage(analysis, passage_text, idf) if not found]
    return max(missing, default=0.0) / MAX_RARITY


def near(word: str, token: str) -> bool:
    """One OCR slip apart ('truong'/'truing', 'quoc'/'qu6c'), for words long enough to tell."""
    if len(word) < 4 or word[0] != token[0] or abs(len(word) - len(token)) > 1 or word.isdigit():
        return False
    if len(word) == len(token):
        return sum(a != b for a, b in zip(word, token, strict=True)) == 1
    short, long = (word, token) if len(word) < len(token) else (token, word)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def ocr_match(phrase: str, tokens: list[str]) -> bool:
    """The phrase's words in a row, each exact or one OCR slip away."""
    words = phrase.split()
    if not words or len(words) > len(tokens):
        return False
    head = words[0][0]
    for start in range(len(tokens) - len(words) + 1):
        if tokens[start][0] != head:  # exact or one slip: both keep the first letter
            continue
        if all(w == t or near(w, t) for w, t in zip(words, tokens[start:], strict=False)):
            return True
    return False
