"""Which cells of a table flattened one cell per line are row numbers: those that continue the
numbering of the rows above (1 -> 1.1 -> 1.1.1 -> 1.1.2 -> 1.2 -> 2; I -> 1 -> 2 -> II -> 1), or
start it again lower before a task's text (rows of a lost group).

Catalogues also letter their parts (A. THỦ TỤC CẤP TỈNH, B. THỦ TỤC CẤP XÃ): a letter followed by
a title in capitals. Letters stand either above the roman groups (B, then I, II … again) or
under them (I, then A, B … with the arabic numbering running on); which one is told by what
follows the first letter: a roman I starting again puts the letters above.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.roman import roman_value, to_roman

if TYPE_CHECKING:
    from ingest.tables import TableRow

MAX_GROUP_GAP = 6  # group rows missing from a copy: II then VII still opens group VII
MIN_TASK_CHARS = 30  # a cell this long after a lower row number is a task, not a figure
MIN_PART_TITLE = 5  # letters in a part's title
CAPITAL_SHARE = 0.9  # of a part title's letters written in capitals
ROW_NUMBER = re.compile(r"^(?:(?:Bước\s+)?\d{1,3}(?:\.\d{1,3}){0,3}|[IVX|l]{1,5})\.?$")  # OCR: l, | for I
STEP = "Bước "
_GROUP_HEADING = re.compile(r"^([IVX]{1,5})\.\s+(?=[^\W\d_])")
_PART = re.compile(r"^([A-H])\.?$")
_PART_HEADING = re.compile(r"^([A-H])\.\s+(?=[^\W\d_])")  # "A. Thủ tục hành chính cấp tỉnh"
_OCR_ROW_ONE = re.compile(r"^[l|](?=(?:\.\d{1,3}){1,3}\.?$)")
_CAPITAL_ONE_ROW = re.compile(r"^I\.(\d{1,3}(?:\.\d{1,3}){0,2})\.?$")


def read_row_number(cell: str) -> str:
    """A table row's dotted number whose leading 1 OCR read as a thin letter ('l.1', '|.1.2'),
    as written ('1.1', '1.1.2'); any other cell ('I.1': row 1 under group I) as it is."""
    return _OCR_ROW_ONE.sub("1", cell)


def capital_one_row(cell: str) -> tuple[int, ...] | None:
    """'I.2', 'I.3.1': a dotted row number read with a capital I for its leading 1 (clean text
    writes row 1 of group I so too: only the rows around it tell which), as numbers."""
    m = _CAPITAL_ONE_ROW.match(cell)
    return (1, *(int(p) for p in m.group(1).split("."))) if m else None


def is_part_title(text: str) -> bool:
    """A part's title, written in capitals: 'THỦ TỤC HÀNH CHÍNH CẤP XÃ'."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)  # a letter or two typed in lower case still counts
    return len(letters) >= MIN_PART_TITLE and capitals >= CAPITAL_SHARE * len(letters)


def _sentence_title(text: str) -> bool:
    """A title in sentence case: 'Thủ tục hành chính cấp Thành phố'."""
    return len(text.split()) >= 2 and text[:1].isupper() and sum(c.isalpha() for c in text) >= MIN_PART_TITLE


def _zero_padded(token: str) -> bool:
    return len(token) > 1 and token.startswith("0")


def _joined(*parts: str) -> str:
    return ".".join(p for p in parts if p)


class RowNumbering:
    """Which cells are row numbers: those that continue the numbering of the rows above."""

    def __init__(self) -> None:
        self.part = ""  # the lettered part (A, B …) of the rows
        self.part_above = False  # letters above the roman groups (else under them)
        self.lettered = False  # the last row opened was a part letter
        self.relabelled: tuple[str, str] | None = None  # a letter row's label once letters go above
        self.group = ""  # the roman group row the arabic rows sit under
        self.last: tuple[int, ...] = ()
        self.carried: tuple[int, ...] = ()  # the last top row number before the current group

    def next_label(self, text: str, following: str = "") -> str | None:
        """The row's label when `text` is a row number (`following`: the next cell)."""
        label = self._label(text, following)
        if label is not None:
            self.lettered = bool(_PART.match(text) or _PART_HEADING.match(text))
        return label

    def _label(self, text: str, following: str) -> str | None:
        part = _PART.match(text)
        first = not (self.part or self.group or self.last)  # a first group may be in any case
        titled = is_part_title(following) or (first and _sentence_title(following))
        if part and self._next_part(part.group(1)) and titled:
            return self._part(part.group(1))
        part = _PART_HEADING.match(text)
        if part and self._next_part(part.group(1)) and _sentence_title(text[part.end() :]):
            return self._part(part.group(1))
        heading = _GROUP_HEADING.match(text)
        if heading and (text.upper() == text or first):  # "II. THAM GIA ĐẠI HỘI", "I. Kinh tế số"
            return self._group(heading.group(1))
        if (read := capital_one_row(text)) and self._continues(read):  # 'I.2' after row 1.1: OCR's 1.2
            text = ".".join(map(str, read))
        if not ROW_NUMBER.match(text):
            return None
        step = text.startswith(STEP)
        token = text.rstrip(".").removeprefix(STEP)
        if not token.replace(".", "").isdigit():
            return self._group(token)
        number = tuple(int(part) for part in token.split("."))
        first_of_part = self.lettered and number == (1,)  # a part's rows may number from 1 again
        if not (first_of_part or self._continues(number) or self._restarts(token, number, following)):
            return None
        self.last = number
        if step:
            return text.rstrip(".")
        return self._under_groups(token)

    def _under_groups(self, token: str) -> str:
        if self.part_above:
            return _joined(self.part, self.group, token)
        return _joined(self.group, self.part, token)

    def _part(self, letter: str) -> str:
        if self.part_above:  # a new part above the groups: its groups start again
            self.group, self.last = "", ()
        self.part = letter
        return self._under_groups("")

    def _next_part(self, letter: str) -> bool:
        """A part letter continues the parts: A, B … (the first may be lost above the header)."""
        return ord(letter) == ord(self.part) + 1 if self.part else letter in "AB"

    def _continues(self, number: tuple[int, ...]) -> bool:
        last = self.last
        if number == (*last, 1):
            return True  # first child: 1 -> 1.1, or the first row under a group
        if not last and self.carried and number == (self.carried[0] + 1,):
            return True  # numbering running on across groups: I 1 2, II 3 4
        return any(number == (*last[:k], last[k] + 1) for k in range(len(last)))

    def _group(self, token: str) -> str | None:
        """A roman group row when it comes after the current group (a few may be lost)."""
        value = roman_value(token)
        group = roman_value(self.group) if self.group else 0
        if value == 1 and self.lettered:  # I right after a letter: the letters stand above the groups
            self.part_above = True
            self.relabelled = (_joined(self.group, self.part), self.part)
        elif value is None or not group < value <= group + MAX_GROUP_GAP:
            return None
        self.carried = self.last[:1] or self.carried  # the numbering may run on under the group
        self.group, self.last = to_roman(value), ()
        if not self.part_above:
            self.part = ""  # letters under a group start again under the next one
        return self._under_groups("")

    def _restarts(self, token: str, number: tuple[int, ...], following: str) -> bool:
        """Numbering that starts again lower (a group's heading row lost in the copy): a row
        when the next cell reads as a task, a capitalised sentence, not a figure. A number
        written with a leading zero ('02') is a quantity ('Bộ | 02'), never a row starting again."""
        restart = len(number) == 1 and bool(self.last) and number[0] < self.last[0]
        task = len(following) >= MIN_TASK_CHARS and following[:1].isupper()
        return restart and task and not _zero_padded(token)

    def parents_of(self, rows: list[TableRow], label: str) -> list[str]:
        """Titles of the rows whose label this one extends: 1 and 1.1 above 1.1.1."""
        return [row.title for row in rows if label.startswith(row.label + ".")]
