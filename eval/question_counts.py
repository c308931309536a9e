"""The seed question set as a whole: counts by language, kind, split and source, and the
proportions it must keep."""

import collections

from eval.question_file import KINDS, LANGS, MIN_QUESTIONS, MIN_UNANSWERABLE, SPLITS


def print_counts(valid: list[dict], corpus_text: dict[str, str]) -> dict:
    """Print the counts by language, kind, split and gold source; return them."""
    counts = {
        "lang": collections.Counter(q["lang"] for q in valid),
        "kind": collections.Counter(q["kind"] for q in valid),
        "split": collections.Counter(q["split"] for q in valid),
        "split_lang": collections.Counter((q["split"], q["lang"]) for q in valid),
        "split_kind": collections.Counter((q["split"], q["kind"]) for q in valid),
        "source": collections.Counter(
            gd["source"] for q in valid for gd in q["gold"] if isinstance(gd, dict) and "source" in gd
        ),
    }
    print(f"questions: {len(valid)}")
    for name, values in (("lang", LANGS), ("kind", KINDS), ("split", SPLITS)):
        print(f"by {name}: ".ljust(10) + ", ".join(f"{k}={counts[name][k]}" for k in sorted(values)))
    for sp in sorted(SPLITS):
        langs = ", ".join(f"{k}={counts['split_lang'][(sp, k)]}" for k in sorted(LANGS))
        kinds = ", ".join(f"{k}={counts['split_kind'][(sp, k)]}" for k in sorted(KINDS))
        print(f"  {sp}: lang {langs} | kind {kinds}")
    print("gold passages by source:")
    for s in sorted(corpus_text):
        print(f"  {s}: {counts['source'][s]}")
    return counts


def proportion_errors(n: int, counts: dict, corpus_text: dict[str, str]) -> list[str]:
    """Size, unanswerable share, language thirds, split halves, every language and kind in
    both splits, every corpus file cited."""
    errors = []
    if n < MIN_QUESTIONS:
        errors.append(f"only {n} questions, need at least {MIN_QUESTIONS}")
    if n:
        share = counts["kind"]["unanswerable"] / n
        print(f"unanswerable share: {share:.1%}")
        if share < MIN_UNANSWERABLE:
            errors.append(f"unanswerable share {share:.1%} below {MIN_UNANSWERABLE:.0%}")
        for lang in sorted(LANGS):
            if not 0.25 <= counts["lang"][lang] / n <= 0.42:
                errors.append(f"lang {lang} share {counts['lang'][lang] / n:.1%} is not about a third")
        if not 0.4 <= counts["split"]["dev"] / n <= 0.6:
            errors.append(f"dev share {counts['split']['dev'] / n:.1%} is not about half")
    for sp in sorted(SPLITS):
        errors += [
            f"split {sp} has no {lang} question"
            for lang in sorted(LANGS)
            if not counts["split_lang"][(sp, lang)]
        ]
        errors += [
            f"split {sp} has no {kind} question"
            for kind in sorted(KINDS)
            if not counts["split_kind"][(sp, kind)]
        ]
    errors += [f"no question cites {s}" for s in corpus_text if not counts["source"][s]]
    return errors
