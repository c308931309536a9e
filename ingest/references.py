"""An item that names what it applies to by reference to another item of the same document
('Đối tượng trẻ em quy định tại điểm a khoản 2 Điều 1 Nghị quyết này được hưởng mức hỗ trợ
160.000 đồng'): read alone, it has lost who it is about, and that is what a question asks ('trẻ
mầm non là con công nhân … được hỗ trợ bao nhiêu'). The referenced item's text is kept with it
(`extra.refers`, bounded), so the answering layer can read the item with what it refers to.

Only references to the document itself are followed: 'điểm a khoản 2 Điều 1 Nghị quyết này',
'khoản 3 Điều 2 Thông tư này'; 'khoản 3 Điều 8 của Nghị định số 105/2020/NĐ-CP' is another
document's item.
"""

from __future__ import annotations

import re

from ingest.parsed import Chunk

MAX_REFERRED_CHARS = 300  # of each referenced item's text
MAX_REFERENCES = 3  # an item listing many references is a legal basis, not its subject
_REFERENCE = re.compile(
    r"(?:điểm\s+(?P<point>[a-zđ])\s+)?khoản\s+(?P<clause>\d{1,2})\s+Điều\s+(?P<article>\d{1,3})\s+"
    r"(?:của\s+)?(?:(?:Nghị\s+quyết|Thông\s+tư|Quyết\s+định|Nghị\s+định|Luật|Quy\s+định|Chỉ\s+thị)\s+)?này\b",
    re.IGNORECASE,
)


def link_references(chunks: list[Chunk]) -> None:
    """Each chunk that refers to items of its own document keeps their texts in `extra.refers`."""
    by_section = {}
    for chunk in chunks:
        by_section.setdefault(tuple(chunk.section), chunk)
    for chunk in chunks:
        found = [by_section.get(section) for section in referenced_sections(chunk.text)]
        texts = [c.text[:MAX_REFERRED_CHARS] for c in found if c is not None and c is not chunk]
        if texts and len(texts) <= MAX_REFERENCES:
            chunk.extra = {**chunk.extra, "refers": list(dict.fromkeys(texts))}


def referenced_sections(text: str) -> list[tuple[str, ...]]:
    """('Điều 1', '2', 'a') of 'điểm a khoản 2 Điều 1 Nghị quyết này', for each such reference."""
    out = []
    for m in _REFERENCE.finditer(" ".join(text.split())):
        section = (f"Điều {m.group('article')}", m.group("clause"))
        out.append((*section, m.group("point").lower()) if m.group("point") else section)
    return out
