"""The appendix table of tasks (TT | task | lead unit | partners | deadline | output), one record
per row, from a linearised OCR table or from Markdown pipe rows (DOCX and PDF tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.dates import parse_deadline
from ingest.lines import clean_line, folded, is_junk_line
from ingest.text import join_wrapped

_HEADER = re.compile(r"^(?:\|\s*)?(?:tt|stt)\s*(?:\|\s*)?nhi\S{0,4}\s*v")
_ROW_START = re.compile(r"^(\d{1,2})(?:\s*$|\s+(?=[A-ZĐ\u00c0-\u1ef8]))")
_HEADER_WORDS = {"nhiem vu", "don vi", "chu tri", "phoi hop", "thoi gian hoan", "thanh",
                 "san pham", "tt", "don vi chu tri", "don vi phoi hop", "thoi gian hoan thanh"}  # fmt: skip
_PARTNERS = re.compile(r"cac don vii?,?\s*thu\w{0,3}c?\s*s\w{0,2}\b\.?")
_LEAD = re.compile(
    r"(?:Ph\S{1,3}ng\s+[A-ZĐ][A-ZĐa-z]{2,}\w*(?:\s*;\s*T[oổ]\s+Ngh\S*\s+\S+)?"
    r"|V[aă]n\s+ph[oòO]ng(?:\s+S\S{0,2})?)"
)
_DEADLINE = re.compile(
    r"(Th\S{1,3}ng\s*\d{1,2}\s*/\s*\d{4}"
    r"|Qu\S{0,2}\s*,?\s*[\dIl1]{1,2}\s*/?\s*\d{4}"
    r"|Sau\s+khi\s+.+?(?=\s+(?:Quy\S*t\s+\S*nh|K\S{0,2}\s+ho\S*ch|Ngh\S*\s+\S*y\S*t|tinh\s)|$))"
)


@dataclass
class AppendixRow:
    number: str
    text: str
    raw: str
    line: int  # offset of the row's first line within the appendix lines
    fields: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        task = self.fields.get("task") or self.text
        return task if len(task) <= 160 else task[:160].rsplit(" ", 1)[0] + "…"


def find_appendix_start(lines: list[str]) -> int | None:
    """Index of the table header line ('TT Nhiệm vụ …'), if the document has such a table."""
    for i, line in enumerate(lines):
        if clean_line(line).lstrip("| ")[:1] not in ("T", "t", "S", "s"):
            continue  # cheap test first: folding every line of a long document is slow
        text = folded(line).strip()
        if _HEADER.match(text) or (
            text in {"tt", "stt"} and i + 1 < len(lines) and folded(lines[i + 1]).startswith("nhi")
        ):
            return i
    return None


def parse_appendix(lines: list[str]) -> list[AppendixRow]:
    if sum(line.strip().startswith("|") for line in lines) >= 2:
        return _pipe_rows(lines)
    return _linear_rows(lines)


def _pipe_rows(lines: list[str]) -> list[AppendixRow]:
    rows = []
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].isdigit():
            continue
        names = ("task", "lead", "partners", "deadline", "output")
        fields = {k: v for k, v in zip(names, cells[1:], strict=False) if v}
        text = "; ".join(cells[1:])
        rows.append(AppendixRow(cells[0], text, line, i, _with_parsed_deadline(fields)))
    return rows


def _linear_rows(lines: list[str]) -> list[AppendixRow]:
    rows: list[tuple[str, int, list[str]]] = []
    expected = 1
    for i, raw in enumerate(lines):
        line = clean_line(raw)
        m = _ROW_START.match(line)
        if m and int(m.group(1)) == expected:
            rows.append((m.group(1), i, [line[m.end() :].strip()] if line[m.end() :].strip() else []))
            expected += 1
            continue
        if not rows or not line or is_junk_line(line) or folded(line).strip(" -:") in _HEADER_WORDS:
            continue
        rows[-1][2].append(line)
    out = []
    for number, start, body in rows:
        text = join_wrapped(body).replace("\n", " ")
        raw = "\n".join(lines[start : start + 1 + len(body) + 8]).strip()
        out.append(AppendixRow(number, text, raw, start, read_row_fields(text)))
    return out


def read_row_fields(text: str) -> dict:
    """Split a linearised row into task, lead, partners, deadline and output where readable."""
    fields: dict = {}
    key = folded(text)
    partners = _PARTNERS.search(key)
    if not partners:
        return {"task": text}
    fields["partners"] = text[partners.start() : partners.end()].strip(" .")
    before, after = text[: partners.start()], text[partners.end() :]
    leads = list(_LEAD.finditer(before))
    if leads:
        lead = leads[-1]  # the column right before the partners, not a unit named in the task
        fields["lead"] = lead.group(0).strip(" .;")
        fields["task"] = before[: lead.start()].strip(" .;")
    else:
        fields["task"] = before.strip()
    if m := _DEADLINE.search(after):
        fields["deadline"] = re.sub(r"\s+", " ", m.group(1)).strip(" .,")
        output = (after[: m.start()] + " " + after[m.end() :]).strip(" .,•")
    else:
        output = after.strip(" .,•")
    if output:
        fields["output"] = re.sub(r"\s+", " ", output)
    return _with_parsed_deadline({k: v for k, v in fields.items() if v})


def _with_parsed_deadline(fields: dict) -> dict:
    """Add the ISO `deadline_date` where the deadline reads as a date, month or quarter."""
    if deadline_date := parse_deadline(fields.get("deadline")):
        fields["deadline_date"] = deadline_date
    return fields
