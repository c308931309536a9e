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

from collections.abc import Callable

from eval.groups import anchor
from eval.perturb_facts import CorpusFacts
from eval.perturb_pinned import level_swap, topic_swap
from eval.perturb_swaps import number_swap, province_swap, year_swap
from ingest.text import fold_accents

KINDS = ("province", "year", "number", "level", "topic")


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
