"""What the indexed corpus holds, for writing metamorphic negatives (eval/perturb.py): each
document's province, number, years, title and folded text, the indexed tokens and their idf; and
which documents a question pins down by the province it names or the number it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.provinces import find_provinces
from ingest.text import fold_accents

CITED_NUMBER = re.compile(
    r"\b(\d{1,5})(?=(?:-[a-z]{1,5})?/(?:(?:19|20)\d\d/)?[a-z]{1,6}\b)"  # 53/2025/qd-ubnd, 281/kh
    r"|\b(?:quyet dinh|nghi quyet|ke hoach|thong bao|cong van|thong tu|chi thi|nghi dinh|decision|"
    r"resolution|plan|notice|letter|circular|directive|decree)s?\s+(?:so\s+|no\.?\s*|number\s+)?(\d{1,5})\b(?![.,]\d)"
)


@dataclass(frozen=True)
class Document:
    source: str
    province: str  # folded, "" when its header names none
    number: str  # folded header number
    years: frozenset[int]  # its date's year and its school year's years
    text: str  # folded: title and every chunk
    title: str  # as written


@dataclass(frozen=True)
class CorpusFacts:
    """What the indexed corpus holds, read from the ingest state and its chunks."""

    documents: tuple[Document, ...]
    mentioned: frozenset[str]  # every indexed token (numbers among them)
    idf: dict[str, float]

    @classmethod
    def of_service(cls, service) -> CorpusFacts:
        docs = []
        for source, info in sorted(service.state.get("files", {}).items()):
            doc = info.get("doc") or {}
            years = {
                int(y)
                for y in re.findall(
                    r"(?:19|20)\d\d", f"{doc.get('date') or ''} {doc.get('school_year') or ''}"
                )
            }
            text = " ".join(c.get("text") or "" for c in service.chunks(source))
            title = doc.get("title") or ""
            province, number = fold_accents(doc.get("province") or ""), fold_accents(doc.get("number") or "")
            folded = fold_accents(f"{title} {text}")
            docs.append(Document(source, province, number, frozenset(years), folded, title))
        return cls(tuple(docs), frozenset(service.state.get("df", {})), dict(service.idf))

    def by_source(self, source: str | None) -> Document | None:
        return next((d for d in self.documents if d.source == source), None)

    def pinned(self, question: str) -> list[Document]:
        """The documents the question pins down: those of the province it names, else the one
        whose number it cites; none when it names neither."""
        folded = fold_accents(question)
        named = {fold_accents(p) for p in find_provinces(question)}
        numbers = {n for m in CITED_NUMBER.finditer(folded) for n in m.groups() if n}
        return [d for d in self.documents if (d.province and d.province in named)
                or any(re.match(rf"0*{int(n)}\b", d.number) for n in numbers)]  # fmt: skip
