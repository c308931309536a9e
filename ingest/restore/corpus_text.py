"""The clean Vietnamese text the restorer learns from, and the documents held out of it.

Held out, so the measurements are honest: every clean seed that has an OCR twin in the corpus
(it is the answer key of that twin), every file whose name says it is OCR, and one devcorpus
document in five (chosen by a hash of its path, so the split is fixed and names no file).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ingest.restore.syllables import lm_symbol, tokenize

HELD_OUT_SHARE = 5  # one devcorpus document in this many is held out


def is_held_out(relative_path: str) -> bool:
    digest = hashlib.sha1(relative_path.encode()).digest()
    return digest[0] % HELD_OUT_SHARE == 0


def _is_ocr_name(path: Path) -> bool:
    return "ocr" in path.name.lower()


def corpus_sources(corpus_dir: Path) -> list[Path]:
    """Clean seed files that have no OCR twin (a twin is `<stem>-ocr<suffix>`)."""
    files = sorted(p for p in corpus_dir.glob("*.txt") if p.name.lower() != "readme.md")
    return [p for p in files if not _is_ocr_name(p) and not p.with_name(f"{p.stem}-ocr{p.suffix}").exists()]


def devcorpus_sources(devcorpus: Path, held_out: bool = False) -> list[Path]:
    """Clean devcorpus documents: directives, distractors and the codified-law collection."""
    files = sorted(
        p
        for folder in ("directives", "distractors", "long")
        for p in (devcorpus / folder).glob("*")
        if p.suffix in {".txt", ".md"} and not _is_ocr_name(p)
    )
    return [p for p in files if is_held_out(p.relative_to(devcorpus).as_posix()) == held_out]


def article_texts(devcorpus: Path) -> Iterator[str]:
    path = devcorpus / "alqac2023" / "all_articles_2023.json"
    if path.exists():
        yield from json.loads(path.read_text(encoding="utf-8")).values()


def training_texts(corpus_dir: Path, devcorpus: Path | None) -> Iterator[str]:
    for path in corpus_sources(corpus_dir):
        yield path.read_text(encoding="utf-8")
    if devcorpus is not None and devcorpus.exists():
        for path in devcorpus_sources(devcorpus):
            yield path.read_text(encoding="utf-8")
        yield from article_texts(devcorpus)


def sentences(text: str) -> Iterator[list[str]]:
    """Model symbols of a clean text, cut at sentence and line breaks."""
    current: list[str] = []
    for token in tokenize(text.replace("*", " ").replace("#", " ")):
        spelt = token.kind == "word" or (token.kind == "code" and token.text.isalpha())
        symbol = token.text.lower() if spelt else lm_symbol(token)
        if symbol == "<s>":
            if current:
                yield current
            current = []
        elif symbol:
            current.append(symbol)
    if current:
        yield current
