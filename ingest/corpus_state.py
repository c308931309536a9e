"""The corpus folder as ingest sees it: which files, which changed, and the statistics of all.

A file whose size and modification time are the ones recorded keeps its recorded hash: an
unchanged corpus is checked without reading a byte. Corpus-wide statistics come from the
documents' profiles (`doc_profile`), never from the files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from ingest.read import SUPPORTED_SUFFIXES, is_sidecar
from ingest.text import word_tokens


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Directive files under the corpus folder (sidecars of extracted text excluded)."""
    if not corpus_dir.exists():
        return []
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not is_sidecar(p)
        and p.name.lower() != "readme.md"
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_stamp(path: Path) -> dict:
    """What says a file is unchanged without reading it: its size and modification time."""
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


def current_hash(path: Path, recorded: dict | None) -> str:
    """The file's hash: the recorded one while size and mtime are the recorded ones."""
    if recorded and recorded.get("hash") and all(recorded.get(k) == v for k, v in file_stamp(path).items()):
        return recorded["hash"]
    return file_hash(path)


def load_state(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text())
    return {"files": {}}


def save_state(path: Path, state: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1))
    tmp.replace(path)


def document_frequencies(texts: Iterable[str]) -> dict[str, int]:
    """How many chunks hold each folded word: the rarity that weighs a question's words."""
    df: dict[str, int] = {}
    for text in texts:
        for token in set(word_tokens(text)):
            df[token] = df.get(token, 0) + 1
    return df
