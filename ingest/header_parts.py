"""The parts of a directive around its numbered body, each its own chunk so that questions about
the document itself find the passage that states the answer:

- the opening: issuer, number, place-and-date line, type and title;
- each "Căn cứ …" clause of the preamble (the laws, decrees and decisions it is based on);
- the rest of the preamble ("Xét Tờ trình …", "Theo đề nghị …", "QUYẾT ĐỊNH:");
- in the closing, the recipients ("Nơi nhận: - …") and the signature block (role lines, name).

All keep the section `[]` of text outside the numbered items (DESIGN.md); which part a chunk is
sits in its `extra["header"]` and its section title (`Căn cứ`, `Nơi nhận`, `Người ký`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.lines import clean_line
from ingest.text import fold_accents

OPENING, BASIS, PREAMBLE, RECIPIENTS, SIGNATURE = "opening", "basis", "preamble", "recipients", "signature"
TITLES = {OPENING: "", BASIS: "Căn cứ", PREAMBLE: "", RECIPIENTS: "Nơi nhận", SIGNATURE: "Người ký"}
_CLAUSE_OPENERS = ("can cu ", "xet ", "theo de nghi", "theo de xuat", "theo to trinh")
_CLAUSE_ENDS = (";", ".", ":")


@dataclass
class HeaderPart:
    kind: str  # OPENING, BASIS, PREAMBLE, RECIPIENTS or SIGNATURE
    lines: list[str]
    first: int  # offset of its first line in the lines it was cut from

    @property
    def title(self) -> str:
        return TITLES[self.kind]


def _folded(line: str) -> str:
    return fold_accents(clean_line(line)).strip()


def opening_parts(lines: list[str]) -> list[HeaderPart]:
    """The text before the first numbered item, cut at each 'Căn cứ' clause: the opening, one
    part per clause, then what follows the clauses. Without clauses: the opening alone."""
    parts: list[HeaderPart] = []
    current = HeaderPart(OPENING, [], 0)
    for i, line in enumerate(lines):
        folded = _folded(line)
        clause_closed = current.kind == BASIS and clean_line(current.lines[-1]).rstrip(" *_").endswith(
            _CLAUSE_ENDS
        )
        if folded.startswith("can cu ") or (
            current.kind == BASIS and (clause_closed or folded.startswith(_CLAUSE_OPENERS))
        ):
            if current.lines:
                parts.append(current)
            current = HeaderPart(BASIS if folded.startswith("can cu ") else PREAMBLE, [], i)
        current.lines.append(line)
    if current.lines:
        parts.append(current)
    return parts


def closing_parts(lines: list[str]) -> list[HeaderPart]:
    """The closing cut into the recipients list ('Nơi nhận:' and its bullets) and the rest, the
    signature block (role lines and the signer's name, in whatever order the page put them)."""
    start = next((i for i, line in enumerate(lines) if _folded(line).startswith("noi nh")), None)
    if start is None:
        return [HeaderPart(SIGNATURE, list(lines), 0)] if lines else []
    end = start + 1
    while end < len(lines) and _is_recipient_line(lines[end], lines[end - 1]):
        end += 1
    parts = []
    before, after = lines[:start], lines[end:]
    if before:
        parts.append(HeaderPart(SIGNATURE, before, 0))
    parts.append(HeaderPart(RECIPIENTS, lines[start:end], start))
    if after:
        parts.append(HeaderPart(SIGNATURE, after, end))
    return parts


def _is_recipient_line(line: str, previous: str) -> bool:
    """A bullet of the list, or the wrapped rest of the bullet before it (that bullet not yet
    ended by ';' or '.'; an upper-case line only after a comma, else it is a signing role)."""
    text, before = clean_line(line).strip(), clean_line(previous).strip()
    if text.startswith(("-", "+", "•")):
        return True
    if not text or not before or before.endswith((";", ".", ":")):
        return False
    return text.upper() != text or before.endswith(",")
