#!/usr/bin/env python3
"""Check the benchmark question set eval/questions.jsonl (stdlib only).

Verifies:
  - every line is a JSON object with the required fields and allowed values;
  - ids are unique;
  - gold sources exist in corpus/ and sections are lists of labels;
  - unanswerable questions have no gold and no must_contain; the others have both;
  - every must_contain string occurs in the text of the gold source file(s)
    (whole-file check; for cross_document questions a string must occur in at least
    one gold source, otherwise in every gold source);
  - a question answered by the Quang Ninh notice cites both copies (clean and OCR)
    with the same section, and its must_contain strings occur in both copies;
  - cross_document questions cite two or more documents (the two notice copies count as one);
  - proportions: >= 130 questions, >= 18% unanswerable, each language about a third,
    splits about half, every language and every kind present in both splits.
Prints the counts by lang, kind and split. Exit status 1 when a check fails.

Usage: python eval/check_questions.py [path/to/questions.jsonl]
       python eval/check_questions.py --set seeds   (eval/questions.jsonl with eval/sets/seeds.jsonl)
       python eval/check_questions.py --set devcorpus|recent|fresh|schoolyear [corpus root]
       (quote-gold sets: see eval/check_quoted.py; needs the project on the import path)
"""

import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: put the project on the import path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.question_checker import Checker
from eval.question_counts import print_counts, proportion_errors
from eval.question_file import (
    CORPUS,
    DEFAULT_FILE,
    FIELDS,
    ROOT,
    read_corpus,
    read_questions,
)

__all__ = ["CORPUS", "DEFAULT_FILE", "ROOT", "check_file", "main", "main_quoted"]


def main_quoted(set_name: str, root: Path | None = None) -> int:
    """Check a set whose gold is given by quotes (eval/check_quoted.py)."""
    from eval.check_quoted import check_set
    from eval.sets import get_set, load_set

    root = root or get_set(set_name).corpus
    problems, counts = check_set(load_set(set_name), root, set_name)
    print(json.dumps(counts, ensure_ascii=False))
    for p in problems:
        print("  " + p)
    print(f"\n{len(problems)} problem(s)" if problems else "\nOK")
    return 1 if problems else 0


def check_file(path: Path, corpus: Path = CORPUS, more: tuple[Path, ...] = ()) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the question file (and the `more` files read after it, as one set)
    against the corpus folder; prints the counts."""
    if not corpus.is_dir():
        return [f"corpus directory not found: {corpus}"], []
    corpus_text = read_corpus(corpus)
    errors: list[str] = []
    questions = [q for p in (path, *more) for q in read_questions(p, errors)]
    checker = Checker(corpus_text)
    for q in questions:
        checker.question(q)
    valid = [q for q in questions if all(k in q for k in FIELDS)]
    counts = print_counts(valid, corpus_text)
    errors += checker.errors + proportion_errors(len(questions), counts, corpus_text)
    return errors, checker.warnings


def main(argv):
    if len(argv) > 2 and argv[1] == "--set" and argv[2] == "seeds":
        from eval.sets import SEED_SUPPLEMENT

        errors, warnings = check_file(DEFAULT_FILE, more=(SEED_SUPPLEMENT,))
    elif len(argv) > 2 and argv[1] == "--set":
        return main_quoted(argv[2], Path(argv[3]) if len(argv) > 3 else None)
    else:
        errors, warnings = check_file(Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE)
    for w in warnings:
        print("warning:", w)
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
