"""A refusal rule judged document by document within the dev group, the way eval/refusal_cv.py
judges the refusal model: each dev document is one fold. A rule has no weight to fit, so its
out-of-fold decision is its decision; what leave-one-document-out asks of it is that it loses an
answer on no dev document, and it is worth more the more dev documents it refuses unanswerable
questions on (the set's own and the metamorphic negatives of eval/perturb.py): a rule that helps
one document only may be fitted to that document.

    python -m eval.rule_folds BEFORE/results.json AFTER/results.json [--config hybrid]

compares two `eduqa eval` runs of the same questions (with or without `--perturb`)."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eval.groups import anchor

MIN_DOCUMENTS = 2  # gains on fewer dev documents than this are reported as weak evidence


@dataclass
class Fold:
    gained: list[str] = field(default_factory=list)  # unanswerable questions refused after, not before
    lost: list[str] = field(default_factory=list)  # answerable questions refused after, answered before
    undone: list[str] = field(default_factory=list)  # unanswerable questions answered after, refused before


def outcomes(path: Path, config: str) -> dict[str, tuple[dict, bool]]:
    """question id -> (question, refused) of one run's dev questions."""
    questions = json.loads(path.read_text(encoding="utf-8"))["questions"]
    return {
        q["id"]: (q, not q["configs"][config]["answerable"])
        for q in questions
        if q.get("group") == "dev" and config in q.get("configs", {})
    }


def folds(before: dict, after: dict) -> dict[str, Fold]:
    """Per dev document: what the change gained and lost (questions asked in both runs)."""
    out: dict[str, Fold] = defaultdict(Fold)
    for qid in sorted(before.keys() & after.keys()):
        question, was = before[qid]
        now = after[qid][1]
        fold = out[document_of(qid, before)]
        unanswerable = question.get("kind") == "unanswerable"
        if now and not was:
            (fold.gained if unanswerable else fold.lost).append(qid)
        elif was and not now and unanswerable:
            fold.undone.append(qid)
    return dict(out)


def document_of(qid: str, run: dict[str, tuple[dict, bool]]) -> str:
    """The dev document a question is about: its own, or its original's (a metamorphic negative
    'd015~number' goes with 'd015')."""
    question = run[qid][0]
    original = run.get(qid.split("~")[0], (question, False))[0]
    return anchor(question) or question.get("near") or anchor(original) or "(none)"


def verdict(by_document: dict[str, Fold]) -> str:
    gaining = sum(1 for f in by_document.values() if len(f.gained) > len(f.undone))
    lost = sum(len(f.lost) for f in by_document.values())
    if lost:
        return f"not taken: loses {lost} dev answer(s)"
    if not gaining:
        return "not taken: refuses no more unanswerable dev question"
    if gaining < MIN_DOCUMENTS:
        return "taken, loses no dev answer; weak evidence: gains on one dev document only"
    return f"taken: gains on {gaining} dev documents, loses no dev answer"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A refusal rule judged per dev document.")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--config", default="hybrid")
    args = parser.parse_args(argv)
    by_document = folds(outcomes(args.before, args.config), outcomes(args.after, args.config))
    for doc, fold in sorted(by_document.items()):
        if fold.gained or fold.lost or fold.undone:
            gained, undone, lost = len(fold.gained), len(fold.undone), len(fold.lost)
            print(f"{doc}: +{gained} refused, -{undone} refused, {lost} answers lost")
    print(verdict(by_document))


if __name__ == "__main__":
    main()
