"""How the table rows of a folder of documents line up with their tables' columns: rows with as
many cells as columns, more, or fewer; with examples of each kind.

    python -m eval.table_alignment ../shared/devcorpus [--show fewer --limit 20]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ingest.layout import document_layout
from ingest.tables import Table, find_tables
from ingest.text import nfc

SUFFIXES = (".txt", ".md")


def document_tables(text: str) -> Iterator[Table]:
    """The tables of one document, read part by part as ingest reads them."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.replace("\f", "\n\f\n").split("\n") if "\f" in text else text.split("\n")
    layout = document_layout(lines)
    parts = [(0, layout.body_end), *((a.start, a.end) for a in layout.appendices)]
    for start, end in parts:
        yield from find_tables(lines[start:end])


def fit(cells: list[str], width: int) -> str:
    """'aligned', 'more' or 'fewer' cells than the table has columns."""
    return "aligned" if len(cells) == width else "more" if len(cells) > width else "fewer"


def alignment(folder: Path) -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {"aligned": [], "more": [], "fewer": []}
    for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md"):
        for table in document_tables(path.read_text(encoding="utf-8")):
            for row in table.rows:
                kind = fit(row.cells, len(table.columns))
                counts[kind] += 1
                examples[kind].append(f"{path.name}: {table.columns} <- {row.cells}")
    return counts, examples


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("folder", type=Path, help="a folder of .txt/.md documents (searched recursively)")
    parser.add_argument("--show", choices=["aligned", "more", "fewer"], help="print examples of this kind")
    parser.add_argument("--limit", type=int, default=20, help="how many examples to print")
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    counts, examples = alignment(args.folder)
    print(" ".join(f"{k}={counts[k]}" for k in ("aligned", "more", "fewer")))
    for line in examples.get(args.show, [])[: args.limit] if args.show else []:
        print(line[:400])


if __name__ == "__main__":
    main()
