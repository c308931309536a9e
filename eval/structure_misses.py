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
import re
from collections import Counter
from pathlib import Path

from ingest.layout import document_layout
from ingest.structure import parse_structure
from ingest.tables import Table, blank_tables, find_tables
from ingest.task_tree import Node, walk
from ingest.text import fold_accents, nfc

SUFFIXES = (".txt", ".md")
KINDS = ("cut_title", "header_group", "ungrouped_rows", "two_level", "second_row_left")
LABEL_COUNTS = ("label_alone", "label_alone_read", "label_alone_lower", "label_alone_lower_read")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_MARK = re.compile(r"\*\*|\*")
_GROUP_NUMBER = re.compile(r"^(?:[A-H]|[IVX]{1,5})\.?$|^(?:[A-H]|[IVX]{1,5})\.\s+[^\W\d_]")
_LABEL = re.compile(r"^\W*(?:(?:Điều|Phần|PHẦN|Chương|CHƯƠNG)\s+\w+|[\dIVXA-H.]+)\W*")
_COUNT_AFTER = re.compile(r":\s*\d{1,3}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\W*$")
_COUNT = re.compile(r"\(\s*\d{1,3}\s+[^\W\d_]+\s*\)$|:\s*\d{1,3}\s+[^\W\d_]+$")
# a numbered label alone on its line, marks aside: "*2.3.", "III.", "a)", "(2)", "**Điều 5.**"
_LABEL_ALONE = re.compile(
    r"^[*_#\s]*(?:Điều\s+\d{1,3}\s*[.:]?|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]|[IVX]{1,5}\s*\.|"
    r"[a-hđ]\s?\)|\(\d{1,2}\))[*_\s]*$"
)


def document_lines(path: Path, keep_bars: bool = False) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    return [line for line in text.split("\n") if keep_bars or line.strip() != "|"]


def capitals(text: str) -> bool:
    letters = [c for c in text.partition("(")[0] if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def header_groups(columns: list[str]) -> list[str]:
    """Header cells that are really a group of rows."""
    words = [c for c in columns[1:] if sum(ch.isalpha() for ch in c) >= 6]
    capital_header = bool(words) and capitals(words[0])
    found = []
    for k, cell in enumerate(columns[2:], start=2):
        text = cell.strip("* ")
        following = columns[k + 1].strip("* ") if k + 1 < len(columns) else ""
        numbered = _GROUP_NUMBER.match(text) and (len(following.split()) >= 2 or " " in text)
        if numbered or _COUNT.search(text) or (capitals(text) and not capital_header):
            found.append(cell)
    return found


def _marks(text: str, mark: str) -> int:
    return sum(token == mark for token in _MARK.findall(text))


def bold_span(raw: list[str], first: int) -> str:
    """The text a bold or italic pair opened on raw[first] holds over several lines, if any."""
    line = raw[first].strip()
    mark = "**" if line.startswith("**") else "*"
    if not line.startswith(mark) or _marks(line, mark) % 2 == 0:
        return ""
    for k in range(first + 1, min(first + 4, len(raw))):
        if not raw[k].strip():
            return ""
        if _marks(raw[k], mark) % 2:
            held = " ".join([*raw[first:k], raw[k].rpartition(mark)[0]])
            quoted = mark == "*" and held.rstrip(" *")[-1:] in ".;:!?"  # an italic quotation
            return "" if quoted else held
    return ""


def cut_title(node: Node, raw: list[str]) -> bool:
    """A task whose title is one word while its text runs on, or shorter than its bold pair."""
    title = node.title
    if node.kind == "root" or not title or title.endswith("…"):
        return False
    words = len(_WORD.findall(title))
    label_line = raw[node.line_numbers[0]].strip()
    whole_bold = label_line.startswith("**") and label_line.endswith("**") and label_line.count("**") == 2
    if words == 1 and whole_bold:
        return False  # a one-word title set in bold from end to end is whole ("**1.1. Lúa**")
    held = bold_span(raw, node.line_numbers[0])
    held = _COUNT_AFTER.sub("", held.replace("*", "").strip())  # ': 05 QUY TRÌNH.' counts, names not
    held_words = len(_WORD.findall(_LABEL.sub("", held)))
    return (words == 1 and len(node.text) > len(title) + 20) or held_words > words + 1


def labels_alone(lines: list[str], opened: set[int], start: int) -> Counter:
    """Label-only lines outside tables (`lines` numbered from `start`) with text after them, how
    many open a task, and how many run on into a lower-case line (a sentence, not a title)."""
    counts: Counter = Counter()
    for k, line in enumerate(lines):
        if not _LABEL_ALONE.match(line):
            continue
        nxt = next((ln.strip("*_ |") for ln in lines[k + 1 : k + 3] if ln.strip("*_ |")), "")
        if not _LETTER.search(nxt) or _LABEL_ALONE.match(nxt):
            continue  # no text after it: a form's blank, a table's cell
        read = start + k in opened
        lower = nxt[:1].islower()
        counts.update({"label_alone": 1, "label_alone_read": read, "label_alone_lower": lower})
        counts["label_alone_lower_read"] += lower and read
    return counts


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
            _count_table(table, f"{path.name}: {table.columns}", counts, examples)
    return counts, examples


def _count_table(table: Table, shown: str, counts: Counter, examples: dict[str, list[str]]) -> None:
    counts["tables"] += 1
    counts["rows"] += len(table.rows)
    if header_groups(table.columns):
        counts["header_group"] += 1
        counts["ungrouped_rows"] += len(table.rows)
        examples["header_group"].append(shown)
    if any(" › " in c for c in table.columns):
        counts["two_level"] += 1
        examples["two_level"].append(shown)
    notes = [k for k, c in enumerate(table.columns) if fold_accents(c.strip("* ")).startswith("ghi chu")]
    if notes and notes[0] < len(table.columns) - 1:
        counts["second_row_left"] += 1
        examples["second_row_left"].append(shown)


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
