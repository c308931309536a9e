"""The PrivateGPT-style pipeline the benchmark measures beside ours: fixed-size chunks from
llama-index's SentenceSplitter, dense vectors only (the same model as ours), qdrant-client's local
mode, top_k 2; no query analysis, no BM25, no answer step beyond returning the two chunks."""

from __future__ import annotations

import time
from pathlib import Path

from eval.bench.synthetic import synthetic_points

CHUNK_SIZE = 512  # llama-index tokens: fits the 512-token window of e5-small
OVERLAP = 64
TOP_K = 2


class PrivateGptBaseline:
    def __init__(self, corpus_dir: Path, embedder, max_tokens: int = 480, progress=None):
        from llama_index.core import Document
        from llama_index.core.node_parser import SentenceSplitter

        from eval.naive import map_to_task
        from ingest.pipeline import corpus_files, parse_file
        from ingest.read import UnreadableDocument

        self.embedder = embedder
        splitter = SentenceSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=OVERLAP)
        pieces: list[dict] = []
        for path in corpus_files(corpus_dir):
            try:
                doc = parse_file(path, corpus_dir, max_tokens)
            except UnreadableDocument:
                continue
            for n, node in enumerate(splitter.get_nodes_from_documents([Document(text=doc.text)])):
                text = node.get_content()
                section = map_to_task(doc.text, doc.chunks, text, node.start_char_idx, node.end_char_idx)
                pieces.append(
                    {
                        "id": f"{doc.source}#piece{n}",
                        "source": doc.source,
                        "section": section,
                        "part": n,
                        "text": text,
                        "doc": doc.chunks[0].doc if doc.chunks else {},
                    }
                )
        started = time.perf_counter()
        vectors = embedder.embed_passages([p["text"] for p in pieces])
        self.embed_s = time.perf_counter() - started
        self.seed_points = [(p["id"], {"dense": v}, p) for p, v in zip(pieces, vectors, strict=True)]
        self.index = None

    def build(self, copies: int = 1) -> int:
        """A fresh in-memory collection holding `copies` varied copies of the seed pieces."""
        from qdrant_client import QdrantClient

        from ingest.index.server import ClientIndex

        if self.index is not None:
            self.index.close()
        self.index = ClientIndex(QdrantClient(location=":memory:"), "privategpt")
        self.index.create(self.embedder.dimension)
        points = synthetic_points(self.seed_points, copies, 1.0, sparse=False)
        batch: list = []
        count = 0
        for cid, vectors, payload in points:
            batch.append((cid, vectors, payload))
            if len(batch) == 1024:
                self.index.upsert(batch)
                count, batch = count + len(batch), []
        self.index.upsert(batch)
        return count + len(batch)

    def ask(self, question: str) -> list[dict]:
        """The two nearest chunks by cosine: what the LLM would be given."""
        vector = self.embedder.embed_query(question)
        return [h.payload for h in self.index.dense_search(vector, TOP_K)]

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
