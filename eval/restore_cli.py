"""`eduqa restore`: print a restored OCR text, build the restoration model, or report its accuracy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eval.sets import devcorpus_root

console = Console(stderr=True)
DEVCORPUS = devcorpus_root()


def restore_cmd(
    file: Annotated[Path | None, typer.Argument(help="Text, Markdown, docx or PDF file to restore.")] = None,
    force: Annotated[bool, typer.Option(help="Restore even a text judged clean.")] = False,
    build: Annotated[bool, typer.Option("--build", help="Build the model from clean text.")] = False,
    report: Annotated[bool, typer.Option("--report", help="Measure syllable accuracy.")] = False,
    choose: Annotated[
        bool, typer.Option("--choose", help="Choose the shown-confidence threshold on held-out copies.")
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Restore only words at least this likely (default: as shown)."),
    ] = None,
    corpus: Annotated[Path, typer.Option(help="Seed folder (clean seeds train, OCR twins test).")] = Path(
        "corpus"
    ),
    devcorpus: Annotated[
        Path, typer.Option(help="Devcorpus folder (training and held-out text).")
    ] = DEVCORPUS,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the report JSON here.")] = None,
) -> None:
    """Restore diacritics and OCR slips of a Vietnamese OCR text (numbers, dates and codes are never
    changed; a word the model is unsure of stays as read). --build trains the model; --report
    prints its accuracy on held-out documents, word by word; --choose picks the threshold."""
    if build:
        return _build(corpus, devcorpus)
    if report:
        return _report(corpus, devcorpus, json_path)
    if choose:
        return _choose(devcorpus)
    if file is None:
        raise typer.BadParameter("give a FILE to restore, or --build, --report or --choose")
    typer.echo(_restore_file(file, force, min_confidence), nl=False)


def _restorer():
    from ingest.restore.model import ModelMissing, load_restorer

    try:
        return load_restorer()
    except ModelMissing as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _restore_file(file: Path, force: bool, min_confidence: float | None) -> str:
    from ingest.read import UnreadableDocument, read_document
    from ingest.restore.document import restore_checked
    from ingest.restore.judge import judge

    if not file.is_file():
        console.print(f"[red]error:[/red] no such file: {file}")
        raise typer.Exit(2)
    try:
        text = read_document(file).text
    except (UnreadableDocument, ValueError, OSError) as exc:
        console.print(f"[red]error:[/red] cannot read {file}: {exc}")
        raise typer.Exit(2) from None
    restorer = _restorer()
    verdict = judge(text, restorer.inventory.syllables)
    share = f"{verdict.invalid_share:.0%} of {verdict.words} words are no valid syllable"
    if not verdict.is_ocr and not force:
        console.print(f"judged clean ({share}); printed as it is (--force restores anyway)")
        return text
    console.print(f"judged OCR ({share}); restoring" if verdict.is_ocr else f"restoring ({share})")
    from ingest.restore.confidence import SHOWN_CONFIDENCE

    threshold = SHOWN_CONFIDENCE if min_confidence is None else min_confidence
    return restore_checked(restorer, text, threshold, restorer.memory(text))


def _build(corpus: Path, devcorpus: Path) -> None:
    from ingest.restore.model import MODEL_PATH, build

    if not corpus.is_dir():
        console.print(f"[red]error:[/red] no corpus folder at {corpus}")
        raise typer.Exit(2)
    if not devcorpus.is_dir():  # the seeds alone are too little text: keep the model as it is
        console.print(f"[red]error:[/red] no devcorpus at {devcorpus}; pass --devcorpus PATH")
        raise typer.Exit(2)
    stats = build(corpus, devcorpus, progress=console.print)
    console.print(f"wrote {MODEL_PATH}: " + ", ".join(f"{k} {v:,}" for k, v in stats.items()))


def _report(corpus: Path, devcorpus: Path, json_path: Path | None) -> None:
    from eval.restore_eval import held_out_pairs, measure_pair, pooled, seed_pairs

    restorer = _restorer()
    pairs = seed_pairs(corpus) + (held_out_pairs(devcorpus) if devcorpus.is_dir() else [])
    results = []
    with console.status("restoring") as status:
        for i, (name, ocr, clean) in enumerate(pairs, 1):
            status.update(f"restoring {i}/{len(pairs)}: {name}")
            results.append(measure_pair(name, ocr, clean, restorer))
    words = _word_report(restorer, pairs)
    table = Table(title="OCR restoration: syllable accuracy against the clean original")
    for column in ("document", "syllables", "raw exact", "raw folded", "restored exact",
                   "restored folded", "syll/s"):  # fmt: skip
        table.add_column(column, justify="left" if column == "document" else "right")
    real = [r for r in results if not r.name.startswith("devcorpus:")]
    synthetic = [r for r in results if r.name.startswith("devcorpus:")]
    rows = [(r.name, r.raw, r.restored, r.raw.syllables / max(r.seconds, 1e-9)) for r in results]
    if synthetic:
        seconds = sum(r.seconds for r in synthetic)
        rate = sum(r.raw.syllables for r in synthetic) / max(seconds, 1e-9)
        rows.append(
            ("OCR-like copies, pooled", pooled(synthetic, "raw"), pooled(synthetic, "restored"), rate)
        )
    for name, raw, restored, rate in rows:
        table.add_row(name, str(raw.syllables), f"{raw.exact:.1%}", f"{raw.folded:.1%}",
                      f"{restored.exact:.1%}", f"{restored.folded:.1%}", f"{rate:,.0f}")  # fmt: skip
    Console(width=160).print(table)
    if json_path:
        summary = {"real": [_row(r) for r in real], "synthetic": [_row(r) for r in synthetic],
                   "words": words}  # fmt: skip
        json_path.write_text(json.dumps(summary, ensure_ascii=False, indent=1))


def _row(result) -> dict:
    return {"document": result.name, "raw": result.raw.__dict__, "restored": result.restored.__dict__,
            "syllables_per_s": round(result.raw.syllables / max(result.seconds, 1e-9))}  # fmt: skip


def _word_report(restorer, pairs: list[tuple[str, str, str]]) -> list[dict]:
    from eval.restore_errors import judged_words
    from eval.restore_report import print_word_report
    from ingest.restore.confidence import SHOWN_CONFIDENCE

    groups: dict[str, list] = {}
    for name, ocr, clean in pairs:
        group = "OCR-like copies" if name.startswith("devcorpus:") else f"real OCR: {name}"
        groups.setdefault(group, []).extend(judged_words(restorer, ocr, clean))
    return print_word_report(groups, SHOWN_CONFIDENCE)


def _choose(devcorpus: Path) -> None:
    from eval.restore_errors import WRONG_COST, choose_confidence, judged_words, shown_cost
    from eval.restore_eval import choice_pairs
    from ingest.restore.confidence import SHOWN_CONFIDENCE

    if not devcorpus.is_dir():
        console.print(f"[red]error:[/red] no devcorpus at {devcorpus}; pass --devcorpus PATH")
        raise typer.Exit(2)
    restorer = _restorer()
    pairs = choice_pairs(devcorpus)
    words = []
    with console.status("restoring") as status:
        for i, (name, ocr, clean) in enumerate(pairs, 1):
            status.update(f"restoring {i}/{len(pairs)}: {name}")
            words.extend(judged_words(restorer, ocr, clean))
    best = choose_confidence(words)
    console.print(f"{len(pairs)} held-out documents, {len(words):,} words; cost = {WRONG_COST:g} x wrong "
                  f"restorations shown + right ones left as read")  # fmt: skip
    for threshold in sorted({0.0, 0.5, 0.8, best, SHOWN_CONFIDENCE, 0.95}):
        console.print(f"  shown >= {threshold:.2f}: cost {shown_cost(words, threshold):,.0f}")
    typer.echo(f"chosen {best:.2f} (in use: {SHOWN_CONFIDENCE})")
