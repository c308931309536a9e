"""Metamorphic negatives that swap what the documents a question pins down (by the province or
number it names) do not state (eval/perturb.py): its grade or school level, and its subject (its
rarest asked compound word, for a topic of a distractor document of another province)."""

from __future__ import annotations

import re

from assistant.compounds import question_compounds
from assistant.document_facts import asked_fact
from assistant.levels import levels_in, vocabulary
from eval.perturb_facts import CITED_NUMBER, CorpusFacts, Document
from eval.perturb_swaps import pick, styled, swap
from ingest.text import fold_accents, has_diacritics, word_tokens

_GRADE = re.compile(r"\b(lop|khoi|grade)\s+(\d{1,2})\b")
_ENGLISH_LEVEL = {"mầm non": "preschool", "tiểu học": "primary", "THCS": "lower secondary",
                  "THPT": "upper secondary", "GDTX": "continuing education"}  # fmt: skip


def level_swap(question: str, facts: CorpusFacts, key: str, english: bool) -> str | None:
    pinned = facts.pinned(question)
    if not pinned:
        return None
    folded = fold_accents(question)
    stated = " ".join(d.text for d in pinned)
    if m := _GRADE.search(folded):
        grades = set(re.findall(r"\b(?:lop|khoi|grade)\s+(\d{1,2})\b", stated))
        new = pick([g for g in range(1, 13) if str(g) not in grades], key)
        return None if new is None else swap(question, m.start(2), m.end(2), str(new))
    asked = levels_in(folded, short_forms=False)
    if not asked or asked[0] not in _ENGLISH_LEVEL:
        return None
    held = set(levels_in(stated, short_forms=False))
    new = pick([lv for lv in _ENGLISH_LEVEL if lv not in held and lv not in asked], key)
    for form in sorted(vocabulary()[asked[0]], key=len, reverse=True):
        if new and len(form) > 2 and (m := re.search(rf"\b{re.escape(form)}\b", folded)):
            written = _ENGLISH_LEVEL[new] if english else styled(question[m.start() : m.end()], new)
            return swap(question, m.start(), m.end(), written)
    return None


def _compound_span(folded: str, compound: str) -> re.Match | None:
    return re.search(r"\b" + r"\s+".join(map(re.escape, compound.split())) + r"\b", folded)


def _rarity(compound: str, idf: dict[str, float]) -> float:
    return sum(idf.get(s, 0.0) for s in compound.split())


def topic_swap(question: str, facts: CorpusFacts, key: str, own: Document | None) -> str | None:
    pinned = facts.pinned(question)
    folded = fold_accents(question)
    if not pinned or own is None or asked_fact(question) or CITED_NUMBER.search(folded):
        return None  # a question about a document named by its number or facts: its words describe it
    content = {w for w in word_tokens(folded) if w.isalpha()}
    compounds = question_compounds(question, content)
    subjects = [c for c in compounds if " " in c and c in own.text and not levels_in(c)]
    if not subjects:
        return None
    subject = max(subjects, key=lambda c: _rarity(c, facts.idf))
    provinces = {d.province for d in pinned}
    distractors = [d for d in facts.documents if d not in pinned and d.province not in provinces and d.title]
    topic = _distractor_topic(pick(distractors, key), pinned, facts.idf)
    m = _compound_span(folded, subject)
    if topic is None or m is None:
        return None
    return swap(question, m.start(), m.end(), topic if has_diacritics(question) else fold_accents(topic))


def _distractor_topic(doc: Document | None, pinned: list[Document], idf: dict[str, float]) -> str | None:
    """The distractor's rarest title compound that no pinned document holds, as its title writes it."""
    if doc is None:
        return None
    folded = fold_accents(doc.title)
    words = {w for w in word_tokens(folded) if w.isalpha()}
    held = [
        c for c in question_compounds(doc.title, words) if " " in c and not any(c in d.text for d in pinned)
    ]
    if not held:
        return None
    m = _compound_span(folded, max(held, key=lambda c: _rarity(c, idf)))
    return doc.title[m.start() : m.end()].lower() if m and len(folded) == len(doc.title) else None
