"""Refusal evidence from the question's compound words (assistant/compounds.py): are the asked
words held whole by the best passages, or only their syllables, apart?"""

from __future__ import annotations

from assistant.compounds import is_compound, split_in
from assistant.concept import Concept
from assistant.concept_held import holds_read, restored_text
from assistant.query import QueryAnalysis
from assistant.search import MAX_RARITY, Passage
from assistant.typed_evidence import weighted_concepts


def compound_features(
    analysis: QueryAnalysis, best: list[Passage], idf: dict[str, float]
) -> dict[str, float]:
    """Over the best passages:
    - `compounds_held`: rarity-weighted share of the asked compounds one of them holds together
      (1 when none is asked);
    - `rare_compound_held`: the rarest asked compound is in one of them (1 when none is asked);
    - `rare_split`: the rarest asked concept is a compound none holds together while one holds
      all its syllables apart;
    - `missing_word`: rarity (0..1) of the rarest asked word of several syllables none holds."""
    weighted = weighted_concepts(analysis, idf)
    compounds = [(w, c) for w, c in weighted if is_compound(c)]

    def held(concept: Concept) -> bool:
        return any(holds_read(analysis, concept, p.index_text, restored_text(p)) for p in best)

    total = sum(w for w, _ in compounds)
    rare = weighted[0][1] if weighted else None
    words = [(w, c) for w, c in weighted if all(len(p.split()) > 1 for p in c.phrases)]
    return {
        "compounds_held": sum(w for w, c in compounds if held(c)) / total if total else 1.0,
        "rare_compound_held": float(not compounds or held(compounds[0][1])),
        "rare_split": float(
            is_compound(rare) and not held(rare) and any(split_in(rare, p.index_text) for p in best)
        ),
        "missing_word": max((w for w, c in words if not held(c)), default=0.0) / MAX_RARITY,
    }
