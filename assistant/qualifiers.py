"""The scope a question narrows by: who runs the school (public, private), where it stands
(disadvantaged areas, industrial zones), whom it serves (ethnic minorities, boarders), or higher
education. Vietnamese directives write these scopes in a handful of fixed phrases, in a title
('… cơ sở giáo dục mầm non, phổ thông công lập'), a heading or the item itself; a passage whose
document, headings and text hold none of the asked scope's phrases answers for another scope
(a public schools' fee is not a private university's).

An English question's scope is read from its translated concepts (glossary.json: 'private' ->
'tư thục', 'ngoài công lập'), so the same phrases serve both languages."""

from __future__ import annotations

import re
from types import MappingProxyType

from assistant.concept_held import shown_with_title
from assistant.query import QueryAnalysis
from assistant.search import Passage
from ingest.text import fold_accents, word_tokens

# scope -> its folded phrases; 'công lập' counts as public only when not 'ngoài công lập'
SCOPES = MappingProxyType({
    "private": ("ngoai cong lap", "tu thuc", "dan lap"),
    "public": ("cong lap",),
    "disadvantaged": ("vung kho khan", "dac biet kho khan", "mien nui", "hai dao", "vung sau vung xa",
                      "bien gioi"),
    "industrial": ("khu cong nghiep",),
    "minority": ("dan toc thieu so",),
    "boarding": ("noi tru", "ban tru"),
    "higher": ("dai hoc", "cao dang", "sau dai hoc"),
})  # fmt: skip
NOT_PUBLIC = "ngoai"  # the word that turns 'công lập' into its opposite
# the fitting passages searched for the asked scope: every one the decision may quote (3 and 5
# gave the same dev questions of both sets; an answering item ranked 4th or 5th must not be
# refused for a scope its own headings state)
SCOPE_DEPTH = 5


def scopes_in(text: str) -> set[str]:
    """The scopes whose phrases the text holds (accents folded)."""
    folded = " " + " ".join(word_tokens(fold_accents(text))) + " "
    found = set()
    for scope, phrases in SCOPES.items():
        for phrase in phrases:
            for match in re.finditer(f" {phrase} ", folded):
                if scope == "public" and folded[: match.start() + 1].endswith(f" {NOT_PUBLIC} "):
                    continue  # 'ngoài công lập' is the private scope, not the public one
                found.add(scope)
    return found


def asked_scopes(analysis: QueryAnalysis) -> set[str]:
    """The scopes the question narrows by: in its words, or in its concepts' Vietnamese phrases."""
    phrases = " | ".join(p for c in analysis.concepts for p in c.phrases)
    return scopes_in(f"{analysis.question} | {phrases}")


def context(passage: Passage) -> str:
    """Where a passage's scope is written: its document's title, its headings and its text (an
    OCR text's restored reading too)."""
    return "\n".join(shown_with_title(passage))


def scope_missing(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """The question narrows by a scope that none of the best fitting passages holds."""
    asked = asked_scopes(analysis)
    if not asked or not fitting:
        return False
    held = set().union(*(scopes_in(context(p)) for p in fitting[:SCOPE_DEPTH]))
    return not asked <= held
