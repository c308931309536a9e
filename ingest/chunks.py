"""Where a chunk is made: one numbered task, with its heading path, from one directive's text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field

from ingest.appendix import find_appendix_start, parse_appendix
from ingest.header import DocumentMeta, parse_header
from ingest.structure import (
    Node,
    clean_line,
    folded,
    own_body,
    parse_structure,
    titles_along,
    walk,
)
from ingest.text import join_wrapped, nfc, word_tokens

_LUU_VT = re.compile(r"^-?\s*l\S{0,3}u\s*:?\s*vt\b")


@dataclass
class Chunk:
    id: str
    source: str
    section: list[str]
    section_title: str
    titles: list[str]  # titles along the heading path, top first
    text: str  # wrapped lines joined: what users read
    raw_text: str  # the lines as they stand in the file
    doc: dict
    duplicate_of: str | None = None
    page: int | None = None
    part: int = 0
    extra: dict = field(default_factory=dict)  # appendix fields: lead, partners, deadline, output
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
    keys = ("title", "type", "number", "issuer", "province", "date", "signer")
    return {k: doc.get(k) for k in keys} | {"display_title": doc.get("display_title") or doc.get("title")}


def body_end(lines: list[str]) -> int:
    """Index of the first line after the body: after './.', or at 'Nơi nhận' / the 'Lưu: VT' list."""
    ends: list[int] = []
    for i, line in enumerate(lines):
        text = folded(line)
        if text.rstrip().endswith("./.") or text.rstrip().endswith("/."):
            ends.append(i + 1)
            break
    for i, line in enumerate(lines):
        text = folded(line).lstrip()
        if text.startswith("noi nh"):
            ends.append(i)
            break
        if _LUU_VT.match(text):
            start = i
            while start > 0 and (
                clean_line(lines[start - 1]).startswith("-") or not lines[start - 1].strip()
            ):
                start -= 1
            ends.append(start)
            break
    return min(ends) if ends else len(lines)


def chunk_id(source: str, section: list[str], ordinal: int) -> str:
    key = f"{source}|{'/'.join(section)}|{ordinal}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def approx_tokens(text: str) -> int:
    """Sub-word tokens a multilingual model sees: about 1.5 per Vietnamese syllable."""
    return int(len(word_tokens(text)) * 1.5) + 1


def split_long(lines: list[str], max_tokens: int) -> list[list[str]]:
    """Split a long task at its sub-items (bullets, paragraphs), never inside one."""
    items: list[list[str]] = []
    for line in lines:
        starts_item = line.startswith(("-", "+")) or (items and not items[-1][-1].strip())
        if not items or (starts_item and line.strip()):
            items.append([line])
        else:
            items[-1].append(line)
    parts: list[list[str]] = [[]]
    for item in items:
        candidate = parts[-1] + item
        if parts[-1] and approx_tokens(join_wrapped(candidate)) > max_tokens:
            parts.append(list(item))
        else:
            parts[-1] = candidate
    return [p for p in parts if join_wrapped(p).strip()]


def page_of(text_before: str) -> int:
    """1-based page of the text that follows: pages are separated by form feeds."""
    return text_before.count("\f") + 1


def parse_document(source: str, text: str, max_tokens: int = 480) -> ParsedDocument:
    """Header metadata plus one chunk per numbered task (and per appendix row)."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    has_pages = "\f" in text
    # A page break (form feed) stands on its own line, so a page's first heading starts a line.
    lines = text.replace("\f", "\n\f\n").split("\n") if has_pages else text.split("\n")
    appendix_start = find_appendix_start(lines)
    end = body_end(lines[:appendix_start] if appendix_start is not None else lines)
    meta = parse_header(lines, end, appendix_start)
    doc = meta.as_dict()
    tree = parse_structure(lines[:end])
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}

    def add(section, title, titles, part_lines, raw, page, part=0, extra=None):
        key = "/".join(section)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        chunks.append(
            Chunk(
                id=chunk_id(source, section, ordinal),
                source=source,
                section=list(section),
                section_title=title,
                titles=titles,
                text=join_wrapped(part_lines),
                raw_text="\n".join(raw),
                doc=doc,
                page=page,
                part=part,
                extra=extra or {},
            )
        )

    for node in walk(tree):
        if not _is_task(node):
            continue
        titles = titles_along(node)
        page = _page(lines, node, has_pages)
        raw = [lines[i] for i in range(node.line_numbers[0], node.line_numbers[-1] + 1)]
        parts = split_long(node.lines, max_tokens)
        for part_no, part_lines in enumerate(parts):
            add(
                node.path,
                node.title if node.kind != "root" else "",
                titles,
                part_lines,
                raw if len(parts) == 1 else part_lines,
                page,
                part_no,
            )
    closing_raw = [ln for ln in lines[end:appendix_start] if ln.strip()]
    if closing_raw:  # signature and recipients: where 'who signed' and 'sent to whom' are answered
        closing = [clean_line(ln) for ln in closing_raw]
        add([], "", [], closing, closing_raw, _page(lines, None, has_pages, end))
    if appendix_start is not None:
        appendix_title = "Phụ lục: nhiệm vụ cụ thể"
        for row in parse_appendix(lines[appendix_start:]):
            page = page_of("\n".join(lines[: appendix_start + row.line])) if has_pages else None
            add(
                ["appendix", row.number],
                row.title,
                [appendix_title, row.title],
                [row.text],
                row.raw.split("\n"),
                page,
                0,
                row.fields,
            )
    return ParsedDocument(source=source, meta=meta, chunks=chunks, text=text)


def _is_task(node: Node) -> bool:
    """A node becomes a chunk when it says something beyond its own heading."""
    if not node.line_numbers or not node.text.strip():
        return False
    if node.kind == "root":
        return True
    return not node.children or bool(own_body(node))


def _page(lines: list[str], node: Node | None, has_pages: bool, start: int = 0) -> int | None:
    if not has_pages:
        return None
    return page_of("\n".join(lines[: node.line_numbers[0] if node else start]))
