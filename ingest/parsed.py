"""What parsing a directive gives: its ParsedDocument (header metadata, chunks, text) and each
Chunk (one numbered task or table row with its heading path), as DESIGN.md's chunk listing and the
index payload show it. Chunks are made in ingest/chunks.py."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields

from ingest.header import DocumentMeta
from ingest.row_groups import without_group

__all__ = ["Chunk", "ParsedDocument", "chunk_id"]


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
