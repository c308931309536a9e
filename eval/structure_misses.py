"""How often headings and tables of a folder of documents are misread, counted as ingest reads them.

    python -m eval.structure_misses ../shared/devcorpus [--show cut_title --limit 20]

Counts, over every document (.txt/.md, searched recursively):
- cut_title: a task whose title is cut short: one word ("Điều 4. Chánh" read without "Văn phòng
  Ủy ban nhân dân …"), or fewer words than the bold pair that holds its title over several lines;
- header_group: a table whose header holds a group of rows: a group number ('A', 'II') before a
  title, a numbered group title ('A. Thủ tục hành chính cấp tỉnh'), a count of items ('(02 TTHC)'), or a
  title in capitals under a header that is not;
- ungrouped_rows: rows of such tables (their group lost);
- two_level: tables whose header stands on two rows, read as such (a column named 'X › Y');
- second_row_left: tables with cells after the closing 'Ghi chú' still read as columns;
- label_alone: lines holding only a numbered label ("*2.3.", "III.", "a)", "**Điều 5.**") with
  text on a line after them; label_alone_read: those that open a task; label_alone_lower: those
  whose next line starts in lower case (a sentence running on), label_alone_lower_read: of
  these, the ones read as a task;
plus tables and rows read. `--contains` keeps only documents holding a phrase (the legal
pages of a crawl: "CỘNG HÒA XÃ HỘI"). Lines of only "|" (a saved web page's table furniture) are dropped
unless --keep-bars.
The counts rely only on what ingest returns, so one script measures before and after a change.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval.heading_misses import cut_title, labels_alone
from eval.table_misses import count_table
from ingest.layout import document_layout
from ingest.structure import parse_structure
from ingest.tables import blank_tables, find_tables
from ingest.task_tree import walk
from ingest.text import nfc

SUFFIXES = (".txt", ".md")
KINDS = ("cut_title", "header_group", "ungrouped_rows", "two_level", "second_row_left")
LABEL_COUNTS = ("label_alone", "label_alone_read", "label_alone_lower", "label_alone_lower_read")


def document_lines(path: Path, keep_bars: bool = False) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    return [line for line in text.split("\n") if keep_bars or line.strip() != "|"]


def document_misses(path: Path, keep_bars: bool = False) -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {kind: [] for kind in (*KINDS, "label_alone")}
    lines = nfc("\n".join(document_lines(path, keep_bars))).split("\n")
    layout = document_layout(lines)
    for start, end in [(0, layout.body_end), *((a.start, a.end) for a in layout.appendices)]:
        tables = find_tables(lines[start:end])
        opened: set[int] = set()
        outside = blank_tables(lines[start:end], tables)
        for node in walk(parse_structure(outside, start)):
            if node.line_numbers:
                opened.add(node.line_numbers[0])
            if cut_title(node, lines):
                counts["cut_title"] += 1
                examples["cut_title"].append(f"{path.name}: {node.path} {node.title!r}")
        found = labels_alone(outside, opened, start)
        counts.update(found)
        if found["label_alone"] > found["label_alone_read"]:
            unread = found["label_alone"] - found["label_alone_read"]
            examples["label_alone"].append(f"{path.name}: {unread} unread")
        for table in tables:
            count_table(table, f"{path.name}: {table.columns}", counts, examples)
    return counts, examples


def misses(folder: Path, keep_bars: bool = False, contains: str = "") -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {kind: [] for kind in (*KINDS, "label_alone")}
    paths = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md")
    for path in paths:
        if contains and contains not in path.read_text(encoding="utf-8", errors="replace"):
            continue
        found, shown = document_misses(path, keep_bars)
        counts.update(found)
        counts["documents"] += 1
        for kind in examples:
            examples[kind].extend(shown[kind])
    return counts, examples


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("folder", type=Path, help="a folder of .txt/.md documents (searched recursively)")
    parser.add_argument("--show", choices=(*KINDS, "label_alone"), help="print examples of this kind")
    parser.add_argument("--limit", type=int, default=20, help="how many examples to print")
    keep = 'keep lines of only "|", as ingest reads them'
    parser.add_argument("--keep-bars", action="store_true", help=keep)
    phrase = 'only documents holding this phrase ("CỘNG HÒA XÃ HỘI")'
    parser.add_argument("--contains", default="", help=phrase)
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    counts, examples = misses(args.folder, args.keep_bars, args.contains)
    print(" ".join(f"{k}={counts[k]}" for k in ("documents", "tables", "rows", *KINDS, *LABEL_COUNTS)))
    for line in examples[args.show][: args.limit] if args.show else []:
        print(line[:400])


if __name__ == "__main__":
    main()
