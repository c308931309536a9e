"""Named benchmark sets: which questions, over which corpus, indexed in which data folder.

- `seeds`: `eval/questions.jsonl` over the project's own `corpus/` (the settings' corpus and data
  folders), gold given by `{source, section}`, followed by `eval/sets/seeds.jsonl` (more questions
  on the dev documents, in the same shape).
- `devcorpus`: `eval/sets/devcorpus.jsonl` over the development corpus (directives, long
  documents and 268 non-education documents; `EDUQA_DEVCORPUS_DIR`, default a
  `shared/devcorpus` folder beside the repository), indexed once into `<data>/eval-devcorpus`; gold given by
  `{source, quote}` and resolved to chunks when the benchmark runs (`eval.gold`); followed by
  `eval/sets/devcorpus_en.jsonl` (English questions on the dev documents, in the same shape).
- `recent`: `eval/sets/recent.jsonl` over `<set corpora>/recent/` (eight education documents of
  late 2025 that no rule of the project was written on; see its README), indexed once into
  `<data>/eval-recent`; gold given by `{source, quote}` like `devcorpus`.
- `fresh`: `eval/sets/fresh.jsonl` over `<set corpora>/fresh/` (eight more education documents of
  2025 from the same crawl, cut the same way, none read when a rule was written; see its README),
  indexed once into `<data>/eval-fresh`; gold as in `recent`.
- `schoolyear`: `eval/sets/schoolyear.jsonl` over `<set corpora>/schoolyear/` (eight school-year
  texts: guidance for the year, school calendars, school plan templates, national texts; none
  read when a rule was written; see its README), indexed once into `<data>/eval-schoolyear`;
  gold as in `recent`.

The documents of `recent`, `fresh` and `schoolyear` are public pages taken from a public crawl;
they are kept outside the repository, in the set corpora folder (`EDUQA_SET_CORPORA_DIR`, default
a `shared/eval-corpora` folder beside the repository). Their provenance stays here, in
`eval/corpora/<set>/README.md`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[1]


def find_devcorpus() -> Path | None:
    """EDUQA_DEVCORPUS_DIR, else a `shared/devcorpus` folder beside the repository (or above it)."""
    candidates = [os.environ.get("EDUQA_DEVCORPUS_DIR", ""), REPO.parent / "shared" / "devcorpus",
                  REPO.parent.parent / "shared" / "devcorpus"]  # fmt: skip
    return next((Path(c) for c in candidates if c and (Path(c) / "directives").is_dir()), None)


def set_corpora_root() -> Path:
    """EDUQA_SET_CORPORA_DIR when set, else a `shared/eval-corpora` folder beside the repository
    (or above it); the one beside it when neither exists."""
    if chosen := os.environ.get("EDUQA_SET_CORPORA_DIR"):
        return Path(chosen)
    candidates = [REPO.parent / "shared" / "eval-corpora", REPO.parent.parent / "shared" / "eval-corpora"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def set_corpus(name: str) -> Path:
    """The folder holding the documents of a set with its own corpus (it may be absent)."""
    return set_corpora_root() / name


def missing_corpus(name: str, corpus: Path | None = None) -> str | None:
    """Why a set cannot run here (its documents are not where they should be), else None."""
    root = corpus or get_set(name).corpus
    if root is None or root.is_dir():
        return None
    folder = "set EDUQA_SET_CORPORA_DIR to the folder holding recent/, fresh/ and schoolyear/"
    hint = "" if corpus else f" ({folder}, or pass --corpus)"
    return f"the documents of set {name!r} are not at {root}{hint}"


@dataclass(frozen=True)
class EvalSet:
    name: str
    questions: Path
    corpus: Path | None  # None: the settings' corpus folder
    data_subdir: str | None  # None: the settings' data folder


def devcorpus_root() -> Path:
    return find_devcorpus() or REPO.parent / "shared" / "devcorpus"


def get_set(name: str) -> EvalSet:
    if name == "seeds":
        return EvalSet("seeds", HERE.parent / "questions.jsonl", None, None)
    if name == "devcorpus":
        return EvalSet("devcorpus", HERE / "devcorpus.jsonl", devcorpus_root(), "eval-devcorpus")
    if name == "recent":
        return EvalSet("recent", HERE / "recent.jsonl", set_corpus("recent"), "eval-recent")
    if name == "fresh":
        return EvalSet("fresh", HERE / "fresh.jsonl", set_corpus("fresh"), "eval-fresh")
    if name == "schoolyear":
        return EvalSet("schoolyear", HERE / "schoolyear.jsonl", set_corpus("schoolyear"), "eval-schoolyear")
    raise ValueError(f"unknown question set {name!r}; known: {', '.join(SET_NAMES)}, alqac")


SET_NAMES = ("seeds", "devcorpus", "recent", "fresh", "schoolyear")
SEED_SUPPLEMENT = HERE / "seeds.jsonl"  # read after eval/questions.jsonl as one seed set
# read after a set's own file, as one set
SUPPLEMENTS = {"seeds": SEED_SUPPLEMENT, "devcorpus": HERE / "devcorpus_en.jsonl"}


def load_set(name: str, path: Path | None = None) -> list[dict]:
    sources = [path or get_set(name).questions]
    if path is None and name in SUPPLEMENTS and SUPPLEMENTS[name].is_file():
        sources.append(SUPPLEMENTS[name])
    lines = [line for source in sources for line in source.read_text(encoding="utf-8").splitlines()]
    return [json.loads(line) for line in lines if line.strip()]


def settings_for(name: str, settings, corpus: Path | None = None) -> tuple:
    """(settings, source corpus root). For a set with its own corpus: a copy of the settings whose
    data folder is `<data>/<set folder>/<embedding model or "bm25">` (one cached index per model)
    and whose corpus folder is the linked copy inside it; the root is what gets linked."""
    spec = get_set(name)
    root = corpus or spec.corpus
    if root is None:
        return settings, None
    if not root.is_dir():
        raise ValueError(f"corpus folder {root} does not exist (set EDUQA_DEVCORPUS_DIR or pass --corpus)")
    model = settings.embedding_model
    tag = re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-")[-60:] if model else "bm25"
    data = settings.data_dir / (spec.data_subdir or f"eval-{name}") / tag
    return settings.model_copy(update={"data_dir": data, "corpus_dir": data / "corpus"}), root
