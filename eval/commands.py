"""`eduqa eval` and `eduqa bench`: registered by eduqa.cli."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console

from eval.bench.cli import bench_cmd  # noqa: F401  (registered by eduqa.cli as `eduqa bench`)
from eval.eval_options import (
    Configs,
    Corpus,
    Group,
    JsonPath,
    Limit,
    NoDense,
    OcrCopy,
    Perturb,
    Reindex,
    ReportsDir,
    SetName,
    Split,
    Url,
)

console = Console(stderr=True)


def eval_cmd(
    set_name: SetName = "seeds",
    group: Group = "all",
    split: Split = "all",
    limit: Limit = None,
    url: Url = None,
    corpus: Corpus = None,
    no_dense: NoDense = False,
    reindex: Reindex = False,
    ocr_copy: OcrCopy = False,
    perturb: Perturb = False,
    json_path: JsonPath = None,
    configs: Configs = None,
    reports_dir: ReportsDir = None,
) -> None:
    """Score retrieval (hits@k, MRR, nDCG), answers, citations, refusals and a CRAG-style score,
    configurations side by side, on the dev and held-out document groups; writes
    eval/reports/<timestamp>/ (report.md, results.json, plots)."""
    settings = _settings(no_dense)
    if set_name == "alqac":
        _alqac(settings, limit, corpus, json_path)
        return
    if problem := _missing_corpus(set_name, corpus) or _clashing_options(url, ocr_copy, perturb):
        console.print(f"[red]error:[/red] {problem}")
        raise typer.Exit(2)
    run = _Run(settings, set_name, group, split, limit, url, corpus, reindex, configs)
    result = run.perturbed() if perturb else run.with_ocr_copy() if ocr_copy else run.clean()
    from eval.eval_print import print_result
    from eval.report import REPORTS, write_report, write_summary

    folder = write_report(result, reports_dir or REPORTS)
    if json_path:
        write_summary(result, json_path)
    print_result(result)
    Console().print(f"\nReport: {folder}")


def _clashing_options(url: str | None, ocr_copy: bool, perturb: bool) -> str:
    """Why the options cannot run together; '' when they can."""
    if perturb and (url or ocr_copy):
        return "--perturb runs alone and in-process (not with --url or --ocr-copy)"
    if ocr_copy and url:
        return "--ocr-copy indexes its own copies; it cannot ask a server (--url)"
    return ""


def _settings(no_dense: bool):
    from assistant.settings import Settings

    settings = Settings()
    if no_dense:
        settings = settings.model_copy(update={"embedding_model": None, "reranker_model": None})
    return settings


@dataclass
class _Run:
    """One `eduqa eval` run: the clean set and, asked for, its OCR-like copy beside it."""

    settings: object
    set_name: str
    group: str
    split: str
    limit: int | None
    url: str | None
    corpus: Path | None
    reindex: bool
    configs: list[str] | None

    def clean(self):
        from eval.run import run_eval

        def run(questions: list[dict]):
            return run_eval(
                self.settings, split=self.split, url=self.url, configs=self.configs or None,
                console=console, questions=questions, set_name=self.set_name, corpus=self.corpus,
                reindex=self.reindex,
            )  # fmt: skip

        return self._guarded(run)

    def perturbed(self):
        from eval.perturb_run import run_perturbed

        return self._guarded(
            lambda questions: run_perturbed(
                self.settings, self.set_name, questions, self.configs, console, self.corpus, self.reindex
            )
        )

    def with_ocr_copy(self):
        from eval.ocr_sets import beside, run_on_copy

        clean = self.clean()
        copy = self._guarded(
            lambda questions: run_on_copy(
                self.settings, self.set_name, questions, self.configs, console, self.corpus, self.reindex
            )
        )
        return beside(clean, copy)

    def _guarded(self, run):
        from eval.run import load_questions
        from ingest.index import IndexBusy

        try:
            return run(load_questions(self.split, self.limit, set_name=self.set_name, group=self.group))
        except IndexBusy as exc:
            console.print(f"[red]error:[/red] {exc}\nOr point EDUQA_DATA_DIR at another folder.")
            raise typer.Exit(2) from None
        except ValueError as exc:
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None


def _missing_corpus(set_name: str, corpus: Path | None) -> str | None:
    from eval.sets import missing_corpus

    try:
        return missing_corpus(set_name, corpus)
    except ValueError as exc:  # an unknown set name
        return str(exc)


def _alqac(settings, limit, corpus, json_path) -> None:
    from eval.alqac import ALQAC_DEFAULT, run_alqac
    from eval.eval_print import print_alqac

    root = corpus or ALQAC_DEFAULT
    if not (root / "train.json").exists():
        console.print(f"[red]error:[/red] no ALQAC train.json under {root} (pass --corpus)")
        raise typer.Exit(2)
    out = run_alqac(settings, root, limit=limit, console=console)
    print_alqac(out)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(out, ensure_ascii=False, indent=1))
