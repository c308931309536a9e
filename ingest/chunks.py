"""Where a chunk is made: one numbered task (or one table row), with its heading path, from one
directive's text, never longer than MAX_CHARS.

parse_document reads top to bottom: the layout (body, closing, appendices), the header metadata,
then the chunks of the body, of the closing, of each appendix, and of the seeds' task table.
What a chunk and a parsed document hold (the chunk listing contract): ingest/parsed.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.appendix import parse_appendix
from ingest.bounds import MAX_CHARS, approx_tokens, bounded_parts
from ingest.header import parse_header
from ingest.header_parts import HeaderPart, closing_parts, opening_parts
from ingest.headless_place import headless_province
from ingest.layout import body_end, document_layout
from ingest.lead_in import states_figure
from ingest.lines import clean_line, join_lone_marks
from ingest.page_furniture import read_page
from ingest.parsed import Chunk, ParsedDocument, chunk_id
from ingest.references import link_references
from ingest.row_groups import grouped_lines
from ingest.row_home import row_home
from ingest.sections import ROW_WORD, TASK_TABLE
from ingest.structure import parse_structure
from ingest.tables import Table, TableRow, blank_tables, find_tables, row_lines
from ingest.task_tree import Node, own_body, titles_along, walk
from ingest.text import join_wrapped, nfc

__all__ = ["Chunk", "ParsedDocument", "approx_tokens", "body_end", "chunk_id", "parse_document"]


def parse_document(source: str, text: str, max_tokens: int = 480) -> ParsedDocument:
    """Header metadata plus one chunk per numbered task, per table row and per task-table row."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    page = read_page(text)  # a page saved from a legal-text website: its document alone
    text = page.text
    # A page break (form feed) stands on its own line, so a page's first heading starts a line.
    lines = text.replace("\f", "\n\f\n").split("\n") if "\f" in text else text.split("\n")
    layout = document_layout(lines)
    meta = parse_header(lines, layout.body_end, layout.task_table, site=page.fields)
    meta.province = headless_province(meta, lines)
    maker = ChunkMaker(source, meta.as_dict(), lines, max_tokens)
    maker.add_part(0, layout.body_end, [])
    maker.add_closing(layout.body_end, layout.closing_end)
    for appendix in layout.appendices:
        maker.add_part(appendix.start, appendix.end, [appendix.label])
    if layout.task_table is not None:
        maker.add_task_table(layout.task_table)
    link_references(maker.chunks)  # an item read with the items of this document it refers to
    return ParsedDocument(source=source, meta=meta, chunks=maker.chunks, text=text)


@dataclass
class Piece:
    """What a chunk is made from: a numbered task, a table row, the closing."""

    section: list[str]
    title: str
    titles: list[str]  # the heading path, top first
    lines: list[str]  # cleaned lines: the text users read
    first_line: int
    extra: dict = field(default_factory=dict)


class ChunkMaker:
    """Makes the chunks of one document, each bounded, each id unique within it."""

    def __init__(self, source: str, doc: dict, lines: list[str], max_tokens: int) -> None:
        self.source, self.doc, self.lines, self.max_tokens = source, doc, lines, max_tokens
        self.chunks: list[Chunk] = []
        self.seen: dict[str, int] = {}
        self.pages = _page_of_lines(lines) if any(line == "\f" for line in lines) else None

    def add_part(self, start: int, end: int, prefix: list[str]) -> None:
        """A stretch of numbered text (the body, an appendix): its tasks, then its tables' rows."""
        part = self.lines[start:end]
        tables = find_tables(part)
        outside = blank_tables(part, tables)
        tree = parse_structure(join_lone_marks(outside), start, prefix)
        for node in walk(tree):
            if _is_task(node):
                self.add_task(node)
        for table in tables:
            node = _node_at(tree, start + table.start)
            for row in table.rows:
                self.add_row(node, table, row, start)

    def add_task(self, node: Node) -> None:
        if node.kind == "root" and not node.path:  # the opening: header, each 'Căn cứ' clause
            self.add_header_parts(opening_parts(node.lines), node.line_numbers[0])
            return
        title = node.title if node.kind != "root" else ""
        self.add(Piece(node.path, title, titles_along(node), node.lines, node.line_numbers[0]))

    def add_header_parts(self, parts: list[HeaderPart], first_line: int) -> None:
        for part in parts:
            titles = [part.title] if part.title else []
            extra = {"header": part.kind}
            self.add(Piece([], part.title, titles, part.lines, first_line + part.first, extra))

    def add_row(self, node: Node, table: Table, row: TableRow, start: int) -> None:
        """One table row: the columns' headers, then its cells; under its heading path."""
        label = row.label if " " in row.label else f"{ROW_WORD} {row.label}"  # "Bước 2" names itself
        home = row_home(node, row.label)
        titles = [*titles_along(home), *row.parents]
        first, extra = start + row.line_numbers[0], table.payload
        lines = grouped_lines(row_lines(row.cells), row.name, row.parents)
        self.add(Piece([*home.path, label], row.title, titles, lines, first, extra))

    def add_closing(self, start: int, end: int) -> None:
        """Signature and recipients: where 'who signed' and 'sent to whom' are answered."""
        closing = [clean_line(line) for line in join_lone_marks(self.lines[start:end]) if line.strip()]
        self.add_header_parts(closing_parts(closing), start)

    def add_task_table(self, start: int) -> None:
        title = "Phụ lục: nhiệm vụ cụ thể"
        for row in parse_appendix(self.lines[start:]):
            section = [TASK_TABLE, row.number]
            self.add(Piece(section, row.title, [title, row.title], [row.text], start + row.line, row.fields))

    def add(self, piece: Piece) -> None:
        """The piece's chunks: one, or its bounded parts, each repeating the heading path."""
        header = " | ".join(piece.extra.get("columns", []))
        budget = max(MAX_CHARS // 2, MAX_CHARS - len(header) - 1) if header else MAX_CHARS
        parts = bounded_parts(piece.lines, budget, self.max_tokens)
        page = self.pages[piece.first_line] if self.pages else None
        key = "/".join(piece.section)
        for part_no, part_lines in enumerate(parts):
            text = join_wrapped(part_lines)
            ordinal = self.seen.get(key, 0)
            self.seen[key] = ordinal + 1
            chunk = Chunk(
                id=chunk_id(self.source, piece.section, ordinal),
                source=self.source,
                section=list(piece.section),
                section_title=piece.title,
                titles=list(piece.titles),
                text=f"{header}\n{text}" if header else text,
                raw_text="\n".join(part_lines),
                doc=self.doc,
                page=page,
                part=part_no,
                extra=piece.extra,
            )
            self.chunks.append(chunk)


def _page_of_lines(lines: list[str]) -> list[int]:
    """1-based page of each line: pages are separated by form feeds."""
    pages, page = [], 1
    for line in lines:
        page += line == "\f"
        pages.append(page)
    return pages


def _node_at(tree: Node, line: int) -> Node:
    """The task a line sits in: the last one opened at or before it."""
    found = tree
    for node in walk(tree):
        if node.line_numbers and node.line_numbers[0] <= line:
            found = node
    return found


def _is_task(node: Node) -> bool:
    """A node becomes a chunk when it says something beyond its own heading."""
    if not node.line_numbers or not node.text.strip():
        return False
    if node.kind == "root":
        return True
    return not node.children or bool(own_body(node)) or states_figure(node)
