"""What is indexed, as the API, the CLI and the page list it: documents with their chunk counts
and copies, one document's sections as a tree, a chunk by id."""

from __future__ import annotations

from ingest.index import ChunkIndex, source_filter

__all__ = ["DocumentNotFound", "chunk_payload", "document_view", "indexed_chunks", "indexed_documents",
           "section_tree"]  # fmt: skip


class DocumentNotFound(KeyError):
    pass


def indexed_documents(index: ChunkIndex) -> list[dict]:
    """Each indexed document: its header, its chunk count, its copies and what it copies."""
    hits = index.scroll()
    by_source: dict[str, dict] = {}
    for hit in hits:
        p = hit.payload
        entry = by_source.setdefault(p["source"], {"id": p["source"], "source": p["source"],
                                     "doc": p.get("doc", {}), "chunks": 0,
                                     "duplicate_of": p.get("duplicate_of")})  # fmt: skip
        entry["chunks"] += 1
    for entry in by_source.values():
        entry["duplicates"] = sorted(s for s, e in by_source.items()
                                     if e["duplicate_of"] == entry["source"])  # fmt: skip
    return sorted(by_source.values(), key=lambda e: e["source"])


def indexed_chunks(index: ChunkIndex, source: str | None = None) -> list[dict]:
    """Chunk payloads (of one document, or all) in document order."""
    hits = index.scroll(source_filter(source) if source else None)
    payloads = [h.payload for h in hits]
    return sorted(payloads, key=lambda p: (p["source"], p.get("order", 0)))


def document_view(index: ChunkIndex, source: str) -> dict:
    """One document: its header, what it copies, its sections as a tree."""
    chunks = indexed_chunks(index, source)
    if not chunks:
        raise DocumentNotFound(source)
    return {"id": source, "source": source, "doc": chunks[0].get("doc", {}),
            "duplicate_of": chunks[0].get("duplicate_of"), "sections": section_tree(chunks)}  # fmt: skip


def chunk_payload(index: ChunkIndex, chunk_id: str) -> dict:
    hits = index.retrieve([chunk_id])
    if not hits:
        raise DocumentNotFound(chunk_id)
    return hits[0].payload


def section_tree(chunks: list[dict]) -> list[dict]:
    """Sections as a tree: each node has label, title, chunk ids, children."""
    root: dict = {"children": {}}
    for c in chunks:
        node = root
        for depth, label in enumerate(c["section"]):
            titles = c.get("titles") or []
            node = node["children"].setdefault(label, {
                "label": label, "section": c["section"][: depth + 1],
                "title": titles[depth] if depth < len(titles) else "", "chunks": [], "children": {},
            })  # fmt: skip
        node.setdefault("chunks", []).append(c["id"])

    def listify(node: dict) -> list[dict]:
        return [{**child, "children": listify(child)} for child in node["children"].values()]

    return [{"label": "", "section": [], "title": "", "chunks": root.get("chunks", []),
             "children": []}] * bool(root.get("chunks")) + listify(root)  # fmt: skip
