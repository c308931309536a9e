"""How many tables of figures with no row-number column (ingest/figure_grids.py) a folder of
documents holds, and whether the reader keeps them: each row read as a table row, each figure in
some chunk; and whether the rows of grouped tables name their group in their own text.

    python -m eval.figure_grids ../shared/devcorpus ../shared/eval-corpora/recent
    python -m eval.figure_grids /path/to/pages --legal-only   # only pages with a 'Số: …/…' line

Run it on the reader before and after a change to see what the change keeps.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eval.gold import fold_for_match
from eval.table_alignment import SUFFIXES, document_tables
from ingest.chunks import parse_document
from ingest.figure_grids import figure_grid
from ingest.text import nfc

_LEGAL_NUMBER = re.compile(r"^\W*Số\W*\s*\d+[^\n]{0,30}/", re.MULTILINE)  # 'Số: 36/2025/NQ-HĐND'


@dataclass
class GridCount:
    documents: int = 0
    counts: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # grouped rows whose chunk does not name the group


def grids_of(lines: list[str]) -> list:
    """The tables of figures in a document's lines, each once."""
    grids, i = [], 0
    while i < len(lines):
        grid = figure_grid(lines, i)
        if grid is not None:
            grids.append(grid)
            i = grid.end
        else:
            i += 1
    return grids


def count_document(name: str, text: str, tally: GridCount) -> None:
    """Adds one document's grids, rows and figures, and what the reader keeps of them."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.replace("\f", "\n\f\n").split("\n") if "\f" in text else text.split("\n")
    chunks = parse_document(name, text).chunks
    row_texts = [fold_for_match(c.text) for c in chunks if c.extra.get("columns")]
    all_texts = [fold_for_match(c.text) for c in chunks]
    c = tally.counts
    for grid in grids_of(lines):
        c["grids"] += 1
        for row in grid.rows:
            cells = [cell.text for cell in row]
            c["grid rows"] += 1
            c["figures"] += len(cells) - 1
            whole = fold_for_match(" ".join(cells))
            c["grid rows read as rows"] += any(whole in t for t in row_texts)
            lost = [f for f in cells[1:] if not any(fold_for_match(f) in t for t in all_texts)]
            c["figures lost"] += len(lost)
        if len(tally.examples) < 40:
            tally.examples.append(f"{name}: {grid.columns} <- {[cell.text for cell in grid.rows[0]]}")
    for table in document_tables(text):
        for row in (r for r in table.rows if r.parents and r.name):
            c["grouped rows"] += 1
            group, own = fold_for_match(row.parents[-1].rstrip("…")), fold_for_match(row.name)
            named = any(group in t and own in t for t in row_texts)
            c["grouped rows naming their group"] += named
            if not named and len(tally.unnamed) < 20:
                tally.unnamed.append(f"{name}: {row.label} {row.name[:80]!r} under {row.parents[-1][:80]!r}")


def count_folder(folder: Path, legal_only: bool) -> GridCount:
    tally = GridCount()
    for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if legal_only and not _LEGAL_NUMBER.search(text[:5000]):
            continue
        tally.documents += 1
        count_document(path.name, text, tally)
    return tally


KEYS = ("grids", "grid rows", "grid rows read as rows", "figures", "figures lost", "grouped rows")


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("folders", type=Path, nargs="+", help="folders of .txt/.md documents (recursive)")
    parser.add_argument("--legal-only", action="store_true", help="only pages with a 'Số: …/…' line")
    parser.add_argument("--show", type=int, default=0, help="print this many grids found")
    args = parser.parse_args()
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    for folder in args.folders:
        tally = count_folder(folder, args.legal_only)
        c = tally.counts
        fields = " ".join(f"{k.replace(' ', '_')}={c[k]}" for k in KEYS)
        print(f"{folder}: documents={tally.documents} {fields} "
              f"grouped_rows_naming_group={c['grouped rows naming their group']}")  # fmt: skip
        for line in tally.examples[: args.show] + tally.unnamed[: args.show]:
            print("   ", line[:300])


if __name__ == "__main__":
    main()
