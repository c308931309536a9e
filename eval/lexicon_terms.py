"""The Vietnamese words and 2-4-word phrases that directives use most: the list the English
lexicon (`assistant/lexicon.tsv`) was written from.

Counted by document frequency (how many documents use a phrase, so one long document does not
dominate) over the development corpus (directives, distractors, the long documents, the ALQAC
law articles grouped by law; never its questions) and the seed documents. A phrase that starts
or ends on a function word is dropped, and so is a shorter phrase seen almost only inside one
longer phrase. Run: `python -m eval.lexicon_terms [--top 4000] > terms.tsv`.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from eval.sets import devcorpus_root
from ingest.text import STOPWORDS, fold_accents, nfc

_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # words between punctuation and numbers
_FOLDED_STOP = STOPWORDS | {"nay", "tai", "cua", "ve", "so", "ngay", "thang", "nam"}


FOLDERS = ("directives", "distractors", "long")


def documents(devcorpus: Path, seeds: Path, folders: tuple[str, ...] = FOLDERS) -> Iterator[str]:
    """Every document's text: files of the corpus folders and seeds, ALQAC articles per law."""
    for folder in folders:
        for path in sorted((devcorpus / folder).glob("*")):
            if path.suffix in {".txt", ".md"}:
                yield path.read_text(encoding="utf-8", errors="replace")
    if folders != FOLDERS:
        return
    laws: dict[str, list[str]] = {}
    articles = json.loads((devcorpus / "alqac2023" / "all_articles_2023.json").read_text(encoding="utf-8"))
    for key, text in articles.items():
        laws.setdefault(key.split("@")[0], []).append(text)
    yield from ("\n".join(texts) for texts in laws.values())
    for path in sorted(seeds.glob("*")):
        if path.suffix in {".txt", ".md"} and path.name != "README.md":
            yield path.read_text(encoding="utf-8", errors="replace")


def phrases(text: str, longest: int = 4) -> set[str]:
    """The document's distinct 1..`longest`-word phrases, lower case, within punctuation."""
    found: set[str] = set()
    for run in _RUN.findall(nfc(text).lower()):
        words = run.split()
        for n in range(1, longest + 1):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if fold_accents(gram[0]) in _FOLDED_STOP or fold_accents(gram[-1]) in _FOLDED_STOP:
                    continue
                found.add(" ".join(gram))
    return found


def frequent_phrases(docs: list[str], top: int, min_df: int = 4) -> list[tuple[str, int]]:
    df: Counter[str] = Counter()
    for text in docs:
        df.update(phrases(text))
    kept = {p: n for p, n in df.items() if n >= min_df and all(len(w) > 1 for w in p.split())}
    inside: Counter[str] = Counter()  # best df of a longer phrase containing each phrase
    for phrase, n in kept.items():
        words = phrase.split()
        for k in range(1, len(words)):
            for i in range(len(words) - k + 1):
                part = " ".join(words[i : i + k])
                inside[part] = max(inside[part], n)
    ranked = [(p, n) for p, n in kept.items() if inside[p] < 0.9 * n]
    return sorted(ranked, key=lambda pn: (-pn[1], pn[0]))[:top]


def unrendered(ranked: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The frequent phrases no lexicon line renders (folded, nor inside a rendering)."""
    from assistant.lexicon import lexicon

    table = lexicon()
    known = {fold_accents(v) for vs in [*table.renderings.values(), *table.glossary.values()] for v in vs}
    text = f" {' | '.join(known)} "
    return [(p, n) for p, n in ranked if f" {fold_accents(p)} " not in text]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--devcorpus", type=Path, default=None, help="default $EDUQA_DEVCORPUS_DIR or ../shared/devcorpus"
    )
    parser.add_argument("--seeds", type=Path, default=Path("corpus"))
    parser.add_argument("--top", type=int, default=4000)
    parser.add_argument("--folder", action="append", help="only these devcorpus folders (and seeds)")
    parser.add_argument("--unrendered", action="store_true", help="only phrases the lexicon lacks")
    args = parser.parse_args()
    devcorpus = args.devcorpus or devcorpus_root()
    if not (devcorpus / "alqac2023").is_dir():
        raise SystemExit(f"no development corpus at {devcorpus}: give --devcorpus or EDUQA_DEVCORPUS_DIR")
    docs = list(documents(devcorpus, args.seeds, tuple(args.folder or FOLDERS)))
    ranked = frequent_phrases(docs, args.top, min_df=2 if args.folder else 4)
    for phrase, n in unrendered(ranked) if args.unrendered else ranked:
        print(f"{n}\t{phrase}")


if __name__ == "__main__":
    main()
