"""The title of a numbered task: its label line's first sentence or heading paragraph, as a
heading path shows it (`Điều 3. Phạm vi điều chỉnh` -> `Phạm vi điều chỉnh`)."""

from __future__ import annotations

from ingest.heading_marks import marked_heading, may_stand_alone
from ingest.heading_wrap import capital_heading, continues_heading
from ingest.levels import is_bare_label, match_label
from ingest.lines import clean_line
from ingest.text import join_wrapped

__all__ = ["heading_title"]


def heading_title(lines: list[str], limit: int = 160, whole: bool = False, marked: str = "") -> str:
    """The title of a task: its label line's first sentence or heading paragraph (`whole`: the
    whole heading paragraph, for a heading whose only text it is; `marked`: the text its marks
    hold together over lines, when known)."""
    label = match_label(clean_line(marked)) if marked else None
    if label and label.rest.strip(" .:;"):
        return _limited(marked_heading(label.rest, whole), limit)
    if len(lines) > 1 and is_bare_label(clean_line(lines[0])):  # "Điều" / "1. Công bố …"
        k = next((k for k in (1, 2) if k < len(lines) and lines[k].strip()), 1)
        lines = [f"{lines[0]} {lines[k]}", *lines[k + 1 :]]
    first_paragraph = _heading_paragraph(lines, whole)
    text = join_wrapped(first_paragraph)
    label = match_label(text)
    if label:
        text = label.rest
    if not text and label and len(first_paragraph) < len(lines):
        rest = lines[len(first_paragraph) :]
        return heading_title(rest[next((i for i, ln in enumerate(rest) if ln.strip()), 0) :], limit)
    return _limited(_first_sentence(text, () if whole else (": ", ". ", "; ")), limit)


def _heading_paragraph(lines: list[str], whole: bool) -> list[str]:
    """The label line and the lines its heading runs on to."""
    first_paragraph: list[str] = []
    capitals = bool(lines) and capital_heading(clean_line(lines[0]))
    for line in lines:
        if not line.strip() or (first_paragraph and match_label(clean_line(line))):
            break
        if first_paragraph and clean_line(line).startswith(("-", "+")):
            break
        if capitals and first_paragraph and not continues_heading(first_paragraph[-1], clean_line(line)):
            break  # a capital heading ends where its capital lines end
        if (
            not capitals
            and not whole
            and len(first_paragraph) == 1
            and _short_heading(first_paragraph[0], line)
        ):
            break
        first_paragraph.append(line)
    return first_paragraph


def _first_sentence(text: str, stops: tuple[str, ...]) -> str:
    for stop in stops:
        head, sep, _ = text.partition(stop)
        if sep and len(head) >= 12:
            text = head
            break
    return text.rstrip(" .:;")


def _limited(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _short_heading(label_line: str, next_line: str) -> bool:
    """'1. Phạm vi điều chỉnh' then 'Nghị quyết này quy định…': a short heading of its own,
    not a sentence wrapped onto the next line."""
    label = match_label(label_line)
    rest = label.rest if label else ""
    short = 0 < len(rest) <= 40 and rest[-1].isalpha() and "," not in rest and may_stand_alone(rest)
    return short and next_line[:1].isupper()
