"""Metamorphic negatives: unanswerable questions written by code from a set's answerable ones.

Each answerable question (one with gold) is rewritten, where it allows, in five ways, each of
which takes its answer out of the corpus while keeping its shape and language:

- `province`: the province it names becomes one no indexed document is of;
- `year`: its year or school year becomes one no document is dated or scoped for and its own
  document never writes;
- `number`: a document number it cites becomes one the corpus never writes;
- `level`: the grade or school level it asks about becomes one that no document it pins down
  (by the province or number it names) states anywhere;
- `topic`: its rarest asked compound word — the subject — becomes a topic of a distractor
  document (of another province), one no document it pins down holds (Vietnamese only: an
  English question's subject is a translation; not a question about a document's own facts or
  one citing its number, whose other words only describe the document).

A perturbed question goes with its original's document group (`near`), so dev and held-out are
reported apart; the originals are asked beside them and must still be answered. Nothing here
reads a question set: the questions come in, the rewrites go out (eval/perturb_run.py asks them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from assistant.compounds import question_compounds
from assistant.document_facts import asked_fact
from assistant.levels import levels_in, vocabulary
from eval.groups import anchor
from eval.perturb_facts import CITED_NUMBER, CorpusFacts, Document
from ingest.provinces import ALIASES, PROVINCES, find_provinces
from ingest.text import fold_accents, has_diacritics, word_tokens

KINDS = ("province", "year", "number", "level", "topic")
_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d\d)(\s*[-–/]\s*)(20\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d/])(19[5-9]\d|20\d\d)(?![\d/])")
_GRADE = re.compile(r"\b(lop|khoi|grade)\s+(\d{1,2})\b")
_ENGLISH_LEVEL = {"mầm non": "preschool", "tiểu học": "primary", "THCS": "lower secondary",
                  "THPT": "upper secondary", "GDTX": "continuing education"}  # fmt: skip
YEAR_REACH = 15


def _pick(options: list, key: str):
    """One of `options`, the same every run for the same question and kind."""
    return (
        options[int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % len(options)]
        if options
        else None
    )


def _swap(question: str, start: int, end: int, new: str) -> str:
    return f"{question[:start]}{new}{question[end:]}"


def _styled(written: str, canonical: str) -> str:
    """`canonical` written as `written` is: with diacritics or folded (title case kept)."""
    if has_diacritics(written):
        return canonical
    folded = fold_accents(canonical)
    return folded.title() if written[:1].isupper() else folded


def province_swap(question: str, facts: CorpusFacts, key: str) -> str | None:
    named = find_provinces(question)
    if not named:
        return None
    covered = {d.province for d in facts.documents if d.province}
    options = [p for p in PROVINCES if not any(fold_accents(p) in c or c in fold_accents(p) for c in covered)]
    new = _pick(options, key)
    folded = fold_accents(question)
    for form in [named[0], *(a for a, c in ALIASES.items() if c == named[0])]:
        words = fold_accents(form).replace("-", " ").replace(".", " ").split()
        if m := re.search(r"\b" + r"[\s\-.]*".join(map(re.escape, words)) + r"\b", folded):
            return _swap(question, m.start(), m.end(), _styled(question[m.start() : m.end()], new))
    return None


def _free_years(original: int, facts: CorpusFacts, own: Document | None, width: int) -> list[int]:
    dated = set().union(*(d.years for d in facts.documents))
    nearest = sorted(
        range(original - YEAR_REACH, original + YEAR_REACH + 1), key=lambda y: (abs(y - original), y)
    )
    return [y for y in nearest if not {y, y + width - 1} & dated and (own is None or str(y) not in own.text)]


def year_swap(question: str, facts: CorpusFacts, key: str, own: Document | None) -> str | None:
    folded = fold_accents(question)
    if (m := _SCHOOL_YEAR.search(folded)) and int(m.group(3)) - int(m.group(1)) == 1:
        free = _free_years(int(m.group(1)), facts, own, 2)
        return _swap(question, m.start(), m.end(), f"{free[0]}{m.group(2)}{free[0] + 1}") if free else None
    if m := _YEAR.search(folded):
        free = _free_years(int(m.group(1)), facts, own, 1)
        return _swap(question, m.start(), m.end(), str(free[0])) if free else None
    return None


def number_swap(question: str, facts: CorpusFacts, key: str) -> str | None:
    folded = fold_accents(question)
    m = CITED_NUMBER.search(folded)
    if not m:
        return None
    group = 1 if m.group(1) else 2
    digits = m.group(group)
    written = {re.sub(r"\D", "", d.number).lstrip("0") for d in facts.documents}
    for step in range(1, 1000):
        new = str(int(digits) + step).zfill(len(digits))
        if (
            new not in facts.mentioned
            and new.lstrip("0") not in facts.mentioned
            and new.lstrip("0") not in written
        ):
            return _swap(question, m.start(group), m.end(group), new)
    return None


def level_swap(question: str, facts: CorpusFacts, key: str, english: bool) -> str | None:
    pinned = facts.pinned(question)
    if not pinned:
        return None
    folded = fold_accents(question)
    stated = " ".join(d.text for d in pinned)
    if m := _GRADE.search(folded):
        grades = set(re.findall(r"\b(?:lop|khoi|grade)\s+(\d{1,2})\b", stated))
        new = _pick([g for g in range(1, 13) if str(g) not in grades], key)
        return None if new is None else _swap(question, m.start(2), m.end(2), str(new))
    asked = levels_in(folded, short_forms=False)
    if not asked or asked[0] not in _ENGLISH_LEVEL:
        return None
    held = set(levels_in(stated, short_forms=False))
    new = _pick([lv for lv in _ENGLISH_LEVEL if lv not in held and lv not in asked], key)
    for form in sorted(vocabulary()[asked[0]], key=len, reverse=True):
        if new and len(form) > 2 and (m := re.search(rf"\b{re.escape(form)}\b", folded)):
            written = _ENGLISH_LEVEL[new] if english else _styled(question[m.start() : m.end()], new)
            return _swap(question, m.start(), m.end(), written)
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
    topic = _distractor_topic(_pick(distractors, key), pinned, facts.idf)
    m = _compound_span(folded, subject)
    if topic is None or m is None:
        return None
    return _swap(question, m.start(), m.end(), topic if has_diacritics(question) else fold_accents(topic))


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


def perturbations(question: dict, facts: CorpusFacts) -> list[dict]:
    """The question's metamorphic negatives, one per kind that applies."""
    text, qid = question["question"], question["id"]
    if len(fold_accents(text)) != len(text):  # spans are found on the folded text
        return []
    own = facts.by_source(anchor(question))
    english = question.get("lang") == "en"
    writers: dict[str, Callable[[str], str | None]] = {
        "province": lambda k: province_swap(text, facts, k),
        "year": lambda k: year_swap(text, facts, k, own),
        "number": lambda k: number_swap(text, facts, k),
        "level": lambda k: level_swap(text, facts, k, english),
        "topic": lambda k: None if english else topic_swap(text, facts, k, own),
    }
    out = []
    for kind, write in writers.items():
        new = write(f"{qid}:{kind}")
        if new and new != text:
            out.append({"id": f"{qid}~{kind}", "question": new, "lang": question.get("lang"),
                        "kind": "unanswerable", "gold": [], "must_contain": [], "answer": "",
                        "near": anchor(question), "perturb": kind, "original": qid,
                        **({"split": question["split"]} if "split" in question else {})})  # fmt: skip
    return out


def perturbed_set(questions: list[dict], facts: CorpusFacts) -> tuple[list[dict], list[dict]]:
    """(the answerable originals, their negatives)."""
    originals = [q for q in questions if q.get("gold") and q.get("kind") != "unanswerable"]
    return originals, [p for q in originals for p in perturbations(q, facts)]
