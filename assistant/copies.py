"""A ranked passage, and one entry per passage when a document is in the corpus twice (an OCR
copy beside its clean text): a passage of the copy is shown as the same section of the copy
preferred for display."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.dedupe import numbers_agree
from ingest.index import ChunkIndex
from ingest.parsed import chunk_id


@dataclass
class Passage:
    id: str
    source: str
    section: list[str]
    section_title: str
    text: str
    doc: dict
    score: float
    evidence: float = 0.0
    payload: dict = field(default_factory=dict)

    @property
    def index_text(self) -> str:
        return self.payload.get("index_text", self.text)


def passage_from_payload(pid: str, score: float, payload: dict) -> Passage:
    return Passage(
        id=payload.get("id", pid),
        source=payload.get("source", ""),
        section=list(payload.get("section", [])),
        section_title=payload.get("section_title", ""),
        text=payload.get("text", ""),
        doc=payload.get("doc", {}),
        score=score,
        payload=payload,
    )


def collapse_duplicates(index: ChunkIndex, passages: list[Passage]) -> list[Passage]:
    """A passage from an OCR copy is shown as the same section of the clean copy, once."""
    best: dict[str, Passage] = {}
    seconded: set[str] = set()
    for p in passages:
        preferred = p.payload.get("duplicate_of")
        if preferred:
            twin = _twin(index, preferred, p.section)
            if twin is not None and _part(twin) == _part(p) and _same_number(twin.doc, p.doc):
                twin.score = p.score
                p = twin
        key = p.id  # one entry per chunk: a document has several unnumbered ones (opening, Căn cứ …)
        if key not in best or best[key].score < p.score:
            best[key] = p
        elif key not in seconded:  # found through a second copy: a little more, once
            best[key].score += p.score * 0.1
            seconded.add(key)
    return list(best.values())


def _same_number(a: dict, b: dict) -> bool:
    """The ingest rule for copies (`ingest.dedupe.numbers_agree`), checked again on the two
    documents' headers as the index holds them."""
    return numbers_agree(a.get("number"), b.get("number"))


def _part(passage: Passage) -> str | None:
    """Which unnumbered part a chunk is (opening, a Căn cứ clause, signature …): only the same
    part of the clean copy stands for it."""
    return (passage.payload.get("extra") or {}).get("header")


def _twin(index: ChunkIndex, source: str, section: list[str]) -> Passage | None:
    hits = index.retrieve([chunk_id(source, section, 0)])
    return passage_from_payload(hits[0].id, 0.0, hits[0].payload) if hits else None
