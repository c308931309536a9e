"""Check a question set whose gold is given by quotes (eval/sets/devcorpus.jsonl).

Verifies: the fields and their values; unique ids; every gold quote (at most 200 characters)
occurs in its document (accents, case, spaces and Markdown/table marks ignored, as at eval
time); every must_contain item (or one of its alternatives) occurs in a gold document, except
for English renderings of an alternative; an unanswerable question has no gold nor
must_contain and names the existing document it looks like (`near`); proportions: at least
120 questions over at least 8 documents, at least 20% unanswerable, each language 28-40%, and
both document groups hold answerable and unanswerable questions. A smaller set of its own
(`recent`, `fresh`, `schoolyear`: eight documents each) has its own size and language bounds
(`SET_LIMITS`). Returns a list of problems.
"""

from __future__ import annotations

import collections
from pathlib import Path

from eval.gold import fold_for_match
from eval.groups import GROUPS, question_group
from ingest.text import has_diacritics

FIELDS = ("id", "question", "lang", "kind", "gold", "answer", "must_contain")
LANGS = ("vi", "vi-nodiac", "en")
MIN_QUESTIONS, MIN_DOCUMENTS, MIN_UNANSWERABLE = 120, 8, 0.20
MAX_QUOTE = 200
LANG_SHARE = (0.28, 0.40)
# Per-set (minimum questions, language share) where a set differs from the defaults above.
SET_LIMITS = {"recent": (60, (0.20, 0.50)), "fresh": (60, (0.20, 0.50)), "schoolyear": (60, (0.20, 0.50))}


class Documents:
    """Folded document texts, read once each."""

    def __init__(self, root: Path):
        self.root = root
        self._folded: dict[str, str | None] = {}

    def folded(self, source: str) -> str | None:
        if source not in self._folded:
            path = self.root / source
            self._folded[source] = (
                fold_for_match(path.read_text(encoding="utf-8")) if path.is_file() else None
            )
        return self._folded[source]


def check_question(q: dict, docs: Documents) -> list[str]:
    qid = q.get("id", "?")
    missing = [f for f in FIELDS if f not in q]
    if missing:
        return [f"{qid}: missing fields {missing}"]
    problems = []
    if q["lang"] not in LANGS:
        problems.append(f"{qid}: lang {q['lang']!r} not one of {LANGS}")
    if q["lang"] == "vi-nodiac" and has_diacritics(q["question"]):
        problems.append(f"{qid}: a vi-nodiac question has diacritics")
    if q["kind"] == "unanswerable":
        if q["gold"] or q["must_contain"]:
            problems.append(f"{qid}: an unanswerable question has gold or must_contain")
        if not q.get("near") or docs.folded(q["near"]) is None:
            problems.append(f"{qid}: `near` must name a document of the corpus, not {q.get('near')!r}")
        return problems
    if not q["gold"] or not q["must_contain"]:
        return [*problems, f"{qid}: an answerable question needs gold and must_contain"]
    texts = []
    for g in q["gold"]:
        text = docs.folded(g.get("source", ""))
        if text is None:
            problems.append(f"{qid}: gold source {g.get('source')!r} is not in the corpus")
            continue
        texts.append(text)
        quote = g.get("quote", "")
        if not quote or len(quote) > MAX_QUOTE:
            problems.append(f"{qid}: quote must be 1-{MAX_QUOTE} characters")
        elif fold_for_match(quote) not in text:
            problems.append(f"{qid}: quote not found in {g['source']}: {quote!r}")
        if "section" in g and not (
            isinstance(g["section"], list) and all(isinstance(s, str) for s in g["section"])
        ):
            problems.append(f"{qid}: section must be a list of labels")
    for item in q["must_contain"]:
        alternatives = [item] if isinstance(item, str) else list(item)
        if texts and not any(fold_for_match(a) in t for a in alternatives for t in texts):
            problems.append(f"{qid}: must_contain {item!r} is in no gold document")
    return problems


def check_set(questions: list[dict], root: Path, set_name: str = "devcorpus") -> tuple[list[str], dict]:
    """(problems, counts) for a whole set."""
    docs = Documents(root)
    problems = [p for q in questions for p in check_question(q, docs)]
    ids = collections.Counter(q.get("id") for q in questions)
    problems += [f"{qid}: duplicate id" for qid, n in ids.items() if n > 1]
    n = len(questions)
    min_questions, lang_share = SET_LIMITS.get(set_name, (MIN_QUESTIONS, LANG_SHARE))
    langs = collections.Counter(q.get("lang") for q in questions)
    unanswerable = sum(q.get("kind") == "unanswerable" for q in questions)
    documents = {g["source"] for q in questions for g in q.get("gold", [])}
    counts = {"questions": n, "documents": len(documents), "unanswerable": unanswerable, "lang": dict(langs)}
    if n < min_questions:
        problems.append(f"only {n} questions, need at least {min_questions}")
    if len(documents) < MIN_DOCUMENTS:
        problems.append(f"gold in only {len(documents)} documents, need at least {MIN_DOCUMENTS}")
    if n and unanswerable / n < MIN_UNANSWERABLE:
        problems.append(f"unanswerable share {unanswerable / n:.0%} below {MIN_UNANSWERABLE:.0%}")
    for lang in LANGS:
        if n and not lang_share[0] <= langs[lang] / n <= lang_share[1]:
            problems.append(f"language {lang} is {langs[lang] / n:.0%} of the questions, not in {lang_share}")
    groups = collections.Counter(
        (question_group(q, set_name), q.get("kind") == "unanswerable") for q in questions
    )
    counts["groups"] = {
        f"{g}/{'unanswerable' if u else 'answerable'}": c for (g, u), c in sorted(groups.items())
    }
    for group in GROUPS:
        for unans in (False, True):
            if not groups[(group, unans)]:
                problems.append(f"group {group} has no {'un' if unans else ''}answerable question")
    return problems, counts
