"""Word's automatic list numbers ("1.", "a)", "II."), which python-docx leaves out of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool


class ListNumbering:
    """Word's automatic list numbers, which python-docx leaves out of `Paragraph.text`.

    Directives typed in Word often number their tasks this way; without the numbers the task
    parser would see "Tiếp tục tuyên truyền..." instead of "1. Tiếp tục tuyên truyền...".
    Covers the common OOXML rules: numbering from the paragraph or its style chain, counters
    per abstract list shared by the list instances (w:num) that use it, w:startOverride
    restarting a level the first time its instance is used, deeper levels restarting when a
    shallower one advances, %N placeholders in w:lvlText, w:isLgl. Bullets become "-".
    """

    def __init__(self, document: DocxDocument) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, _Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: nothing is auto-numbered
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[self._int(lvl.get(qn("w:ilvl")), 0)] = _Level(
                    start=self._int(self._val(lvl, "w:start"), 1),
                    fmt=self._val(lvl, "w:numFmt") or "decimal",
                    text=self._val(lvl, "w:lvlText") or "",
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            self._abstract_of[num_id] = self._val(num, "w:abstractNumId") or ""
            for override in num.findall(qn("w:lvlOverride")):
                start = self._val(override, "w:startOverride")
                if start is not None:
                    ilvl = self._int(override.get(qn("w:ilvl")), 0)
                    self._overrides.setdefault(num_id, {})[ilvl] = self._int(start, 1)

    def _val(self, element: _Element, tag: str) -> str | None:
        child = element.find(self._qn(tag))
        return None if child is None else child.get(self._qn("w:val"))

    @staticmethod
    def _int(value: str | None, default: int) -> int:
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own w:numPr, else from its style chain."""
        num_id: str | None = None
        ilvl: int | None = None
        elements = [paragraph._p]
        style = paragraph.style
        while style is not None:
            elements.append(style.element)
            style = style.base_style
        for element in elements:
            num_pr = element.find(f"{self._qn('w:pPr')}/{self._qn('w:numPr')}")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = self._val(num_pr, "w:numId")
            if ilvl is None and self._val(num_pr, "w:ilvl") is not None:
                ilvl = self._int(self._val(num_pr, "w:ilvl"), 0)
            if num_id is not None and ilvl is not None:
                break
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        return num_id, ilvl or 0

    def label(self, paragraph: Paragraph) -> str:
        """The number Word shows in front of `paragraph` ("" if none); advances the counters."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        abstract = self._abstract_of.get(num_id, "")
        levels = self._levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level_no, start in self._overrides.get(num_id, {}).items():
                counters[level_no] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "-"

        def placeholder(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            of = levels.get(n, level)
            value = counters.get(n, of.start)
            return format_number(value, "decimal" if level.legal else of.fmt)

        return re.sub(r"%([1-9])", placeholder, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in {"lowerLetter", "upperLetter"} and value > 0:
        # Word goes a..z, then aa..zz, aaa..
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in {"lowerRoman", "upperRoman"} and 0 < value < 4000:
        numeral = roman(value)
        return numeral.lower() if fmt == "lowerRoman" else numeral
    return str(value)  # decimal and the many formats we do not spell out


def roman(value: int) -> str:
    digits = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for number, numeral in digits:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)
