"""A question set run on OCR-like copies of its corpus, beside the clean run.

Every document of the set's corpus (distractors included) is written again as its seeded OCR-like
copy (`eval.ocr_noise`; the seed comes from the document's path, so a copy never changes) into
`<data>/ocr-copy/<set>/source`, indexed into its own folder `<data>/ocr-copy/<set>/<model>` and
asked the same questions. Gold quotes are resolved on the copy (`eval.gold`: folded, then on the
restored reading, then across OCR's letter confusions); the seed set's gold sections are first
turned into quotes taken from the clean parse of each section. A document that is not plain text
(PDF, Word) is indexed as it is and named in the report.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from eval.ocr_noise import ocr_copy

TEXT_SUFFIXES = (".txt", ".md")
OCR_TAG = "OCR copy"
QUOTE_CHARS = 90  # a quote taken from a clean section: about one line of a task


def copy_seed(relative: str) -> int:
    """The seed of one document's copy: from its path, so every run writes the same copy."""
    return int(hashlib.sha1(relative.encode("utf-8")).hexdigest()[:8], 16)


def write_ocr_copies(root: Path, dest: Path) -> list[str]:
    """Write the OCR-like copy of every text document under `root` into `dest` (same relative
    paths); an unchanged copy is not rewritten. Returns the documents copied as they are."""
    from ingest.corpus_state import corpus_files

    as_is = []
    wanted = set()
    for path in corpus_files(root):
        rel = path.relative_to(root).as_posix()
        wanted.add(rel)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() in TEXT_SUFFIXES:
            copy = ocr_copy(path.read_text(encoding="utf-8"), seed=copy_seed(rel)).encode("utf-8")
        else:
            copy = path.read_bytes()
            as_is.append(rel)
        if not target.exists() or target.read_bytes() != copy:
            target.write_bytes(copy)
    for stale in [p for p in dest.rglob("*") if p.is_file() and p.relative_to(dest).as_posix() not in wanted]:
        stale.unlink()
    return as_is


def ocr_settings(set_name: str, settings, corpus: Path | None = None) -> tuple:
    """(settings, clean root, copy root): the copy's own data and corpus folders and vector cache
    under `<data>/ocr-copy/<set>`, so neither the clean index nor a shared cache is written."""
    from eval.sets import get_set

    root = corpus or get_set(set_name).corpus or settings.corpus_dir
    if not Path(root).is_dir():
        raise ValueError(f"corpus folder {root} does not exist (set EDUQA_DEVCORPUS_DIR or pass --corpus)")
    model = settings.embedding_model
    tag = re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-")[-60:] if model else "bm25"
    home = settings.data_dir / "ocr-copy" / set_name
    data = home / tag
    update = {"data_dir": data, "corpus_dir": data / "corpus", "vector_cache": home.parent / "vectors.sqlite"}
    return settings.model_copy(update=update), Path(root), home / "source"


def section_quotes(questions: list[dict], root: Path, max_tokens: int) -> list[dict]:
    """The questions with gold given by `{source, section}` rewritten as `{source, quote}`: one
    quote (the first QUOTE_CHARS characters) from each clean chunk of the section (or, when the
    section has no chunk of its own, of the sections under it)."""
    from ingest.pipeline import parse_file

    parsed: dict[str, list] = {}
    out = []
    for q in questions:
        gold = q.get("gold") or []
        if not gold or all("quote" in g for g in gold):
            out.append(q)
            continue
        quotes = []
        for entry in gold:
            if entry["source"] not in parsed:
                chunks = parse_file(root / entry["source"], root, max_tokens).chunks
                parsed[entry["source"]] = chunks
            texts = _section_texts(parsed[entry["source"]], entry)
            quotes += [{"source": entry["source"], "quote": t} for t in texts]
        out.append(q | {"gold": quotes or gold})
    return out


def _section_texts(chunks: list, entry: dict) -> list[str]:
    wanted = list(entry.get("section") or [])
    own = [c for c in chunks if c.section == wanted]
    under = own or [c for c in chunks if c.section[: len(wanted)] == wanted]
    return [_head(c.text) for c in under if c.text.strip()]


def _head(text: str) -> str:
    """The first QUOTE_CHARS characters of a text, ending at a word."""
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_CHARS:
        return flat
    return flat[:QUOTE_CHARS].rsplit(" ", 1)[0]


def run_on_copy(
    settings, set_name: str, questions: list[dict], configs, console=None, corpus=None, reindex=False
):
    """The set's questions asked of an index of the OCR-like copies (its own folder)."""
    from assistant.service import AssistantService
    from eval.run import ALL_CONFIGS, run_eval
    from eval.setcorpus import prepare_index

    copy_settings, root, source = ocr_settings(set_name, settings, corpus)
    if console is not None:
        console.print(f"Writing the OCR-like copies of {root} into {source} …")
    as_is = write_ocr_copies(root, source)
    asked = section_quotes(questions, root, settings.embedding_max_tokens)
    wanted = [c for c in (configs or ALL_CONFIGS) if c != "naive-chunks"]
    service = AssistantService(copy_settings, owner="eduqa eval")
    try:
        left_out = prepare_index(service, source, console, reindex=reindex)
        result = run_eval(copy_settings, configs=wanted, console=console, service=service,
                          questions=asked, set_name=set_name)  # fmt: skip
    finally:
        service.close()
    result.meta.update(left_out=left_out, copied_as_is=as_is, source_corpus=str(root))
    result.meta["copy_corpus"] = str(source)
    return result


def copy_name(config: str) -> str:
    return f"{config} {OCR_TAG}"


def beside(clean, copy):
    """The clean result with the copy's configurations added as `<config> OCR copy` rows."""
    for name, entry in copy.configs.items():
        clean.configs[copy_name(name)] = entry
    for name, why in copy.skipped.items():
        clean.skipped[copy_name(name)] = why
    keys = ("gold_unresolved", "left_out", "copied_as_is", "copy_corpus", "corpus_dir")
    clean.meta["ocr_copy"] = {k: copy.meta.get(k) for k in keys}
    return clean
