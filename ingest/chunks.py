"""Where a chunk is made: one numbered task (or one table row), with its heading path, from one
directive's text, never longer than MAX_CHARS.

parse_document reads top to bottom: the layout (body, closing, appendices), the header metadata,
then the chunks of the body, of the closing, of each appendix, and of the seeds' task table.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields

from ingest.appendix import parse_appendix
from ingest.bounds import MAX_CHARS, approx_tokens, bounded_parts
from ingest.header import DocumentMeta, parse_header
from ingest.header_parts import HeaderPart, closing_parts, opening_parts
from ingest.layout import body_end, document_layout
from ingest.lines import clean_line
from ingest.page_furniture import read_page
from ingest.row_groups import grouped_lines, without_group
from ingest.row_home import row_home
from ingest.sections import ROW_WORD, TASK_TABLE
from ingest.structure import parse_structure
from ingest.tables import Table, TableRow, blank_tables, find_tables, row_lines
from ingest.task_tree import Node, own_body, titles_along, walk
from ingest.text import join_wrapped, nfc

__all__ = ["Chunk", "ParsedDocument", "approx_tokens", "body_end", "chunk_id", "parse_document"]


@dataclass
class Chunk:
    id: str
    source: str
    section: list[str]
    section_title: str
    titles: list[str]  # titles along the heading path, top first
    text: str  # wrapped lines joined: what users read
    raw_text: str  # the chunk's lines before wrapped lines are joined
    doc: dict
    duplicate_of: str | None = None
    page: int | None = None
    part: int = 0
    extra: dict = field(default_factory=dict)  # table rows: columns; task rows: lead, deadline…
    # OCR documents: the restored reading (diacritics, misread letters) shown beside the original
    restored: bool = False
    display_text: str | None = None
    display_section_title: str | None = None
    display_titles: list[str] | None = None

    @property
    def heading_path(self) -> str:
        return " > ".join(t for t in self.titles if t)

    @property
    def display_index_text(self) -> str:
        """What the dense side embeds: the restored reading of an OCR chunk, else index_text."""
        if not self.restored:
            return self.index_text
        path = " > ".join(t for t in self.display_titles or [] if t)
        return f"{path}\n{self.display_text}" if path else self.display_text or ""

    @property
    def index_text(self) -> str:
        """What search sees: the heading path gives a task the context its text leaves out."""
        return f"{self.heading_path}\n{self.text}" if self.heading_path else self.text

    @property
    def body(self) -> str:
        """The chunk's own text: without the column headers and the group a table row repeats."""
        columns = self.extra.get("columns")
        return without_group(self.text.split("\n", 1)[1]) if columns else self.text

    def as_listing(self) -> dict:
        """The chunk listing contract of DESIGN.md."""
        return {
            "id": self.id,
            "source": self.source,
            "section": self.section,
            "section_title": self.section_title,
            "text": self.text,
            "display_text": self.display_text or self.text,
            "display_section_title": self.display_section_title or self.section_title,
            "restored": self.restored,
            "duplicate_of": self.duplicate_of,
            "doc": _contract_doc(self.doc),
        }

    def as_payload(self) -> dict:
        return asdict(self) | {"heading_path": self.heading_path}


@dataclass
class ParsedDocument:
    source: str
    meta: DocumentMeta
    chunks: list[Chunk]
    text: str


def _contract_doc(doc: dict) -> dict:
    keys = [f.name for f in fields(DocumentMeta) if f.name != "recipients"]
    return {k: doc.get(k) for k in keys} | {"display_title": doc.get("display_title") or doc.get("title")}


def chunk_id(source: str, section: list[str], ordinal: int) -> str:
    key = f"{source}|{'/'.join(section)}|{ordinal}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def page_of(text_before: str) -> int:
    """1-based page of the text that follows: pages are separated by form feeds."""
    return text_before.count("\f") + 1


def parse_document(source: str, text: str, max_tokens: int = 480) -> ParsedDocument:
    """Header metadata plus one chunk per numbered task, per table row and per task-table row."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    page = read_page(text)  # a page saved from a legal-text website: its document alone
    text = page.text
    # A page break (form feed) stands on its own line, so a page's first heading starts a line.
    lines = text.replace("\f", "\n\f\n").split("\n") if "\f" in text else text.split("\n")
    layout = document_layout(lines)
    meta = parse_header(lines, layout.body_end, layout.task_table, site=page.fields)
    maker = ChunkMaker(source, meta.as_dict(), lines, max_tokens)
    maker.add_part(0, layout.body_end, [])
    maker.add_closing(layout.body_end, layout.closing_end)
    for appendix in layout.appendices:
        maker.add_part(appendix.start, appendix.end, [appendix.label])
    if layout.task_table is not None:
        maker.add_task_table(layout.task_table)
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
        tree = parse_structure(outside, start, prefix)
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
        closing = [clean_line(line) for line in self.lines[start:end] if line.strip()]
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
    return not node.children or bool(own_body(node))
