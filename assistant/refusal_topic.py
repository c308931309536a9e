"""Refusal evidence that the question's subject is one the fitting passages treat at all.

A question can keep its shape and its province, year and figures while asking about a subject
the documents it pins down never treat (a subject taken from another document). The best
passage then still holds most of the frame words; what gives it away is that the subject — the
rarest asked words — is held by none of the passages that fit.

`joint_held`: rarity-weighted share of the asked concepts that at least one of the fitting
passages the decision may quote holds (each concept may be held by a different one). +1: more
of the question in the passages, likelier an answer. Measured (README, 'Why refits lost dev
answers'): alone it adds nothing to grouped cross-validation on the sets' own questions; fitted
with the metamorphic negatives it refuses two more dev `topic` negatives. A second candidate —
the same share held by the best passages' heading paths and document titles — changed nothing
and was left out."""

from __future__ import annotations

from assistant.concept_held import is_ocr, readable
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.typed_evidence import share_held, weighted_concepts

JOINT_DEPTH = 5  # the fitting passages the decision may quote


def topic_features(
    analysis: QueryAnalysis, fitting: list[Passage], idf: dict[str, float]
) -> dict[str, float]:
    weighted = weighted_concepts(analysis, idf)
    total = sum(w for w, _ in weighted)
    if not total:
        return {"joint_held": 1.0}
    texts = [(t, is_ocr(p)) for p in fitting[:JOINT_DEPTH] for t in readable(p)]
    joint = sum(w for w, c in weighted if any(share_held(analysis, [(1.0, c)], t, o) for t, o in texts))
    return {"joint_held": joint / total}
