"""A table row as an answer: its label, the value of the asked kind, the unit and the column the
value stands in ('Bữa sáng: 20.000 Đồng/học sinh/ngày (Mức trần)'); a row whose cells stand one
per column reads by its columns' names ('Tên thủ tục hành chính: Giải thể trường tiểu học;
Mã hồ sơ TTHC: 1.001639').

Rows are chunks whose first line is the table's header and whose next lines are the row's
cells, ' | ' between cells (ingest/tables.py); the header's cells are also kept in the payload
(`extra.columns`). A row with as many cells as columns keeps its empty cells (a row one cell
short of a last note column, 'Ghi chú', left it empty); otherwise an empty cell (a merged one) is
dropped, and cells are matched to columns only by name. A unit the table states once above its
header (`extra.unit`, 'Đơn vị tính: 1.000 đồng/trẻ,học sinh/tháng') is the unit of its bare
figures: '110' under it is an amount, and the answer says the unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer_type import expresses
from assistant.levels import levels_in
from ingest.row_groups import row_cells
from ingest.text import fold_accents

_ROW_NUMBER = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*|[IVXLC]+(?:\.[0-9]+)*|[a-zđ])[.)]?$")
_UNIT = re.compile(r"^(?:đồng|nghìn đồng|ngàn đồng|triệu đồng|vnđ)\b|^[^\d|]{0,40}/\s*\w", re.IGNORECASE)
_VALUE_COLUMN = re.compile(r"^(muc|so tien|gia|phi|le phi|kinh phi|don gia|thoi gian|thoi han|ty le)\b")
MAX_LABEL = 160
SHORT_LABEL = 40  # a label this short is read under its parent row


_CELL_SPLIT = re.compile(r"\s*\|\s*")
_NAME_COLUMN = re.compile(r"^(?:ten\b|noi dung|danh muc)")
_NOTE_COLUMN = re.compile(r"^ghi chu\b")
_WORD = re.compile(r"\w+")
_FIGURES = re.compile(r"^(?:\d[\d.,]*%?|[-–—])$")
_BARE_FIGURE = re.compile(r"^\d[\d.,]*$")
_MONEY_UNIT = re.compile(r"\b(?:dong|vnd)\b")


def unit_states(kind: str, unit: str) -> bool:
    """A table's unit makes its bare figures amounts of the asked kind ('Triệu đồng': money)."""
    return kind == "money" and bool(_MONEY_UNIT.search(fold_accents(unit).lower()))


def states(kind: str, cell: str, unit: str = "") -> bool:
    """The cell states the asked kind: written so, or a bare figure under a table's unit of it."""
    return expresses(kind, cell) or (unit_states(kind, unit) and bool(_BARE_FIGURE.match(cell.strip())))


@dataclass(frozen=True)
class RowAnswer:
    label: str
    value: str
    unit: str = ""
    column: str = ""
    name_column: str = ""  # the column the label stands in, when the row is read by columns

    def line(self) -> str:
        """'Bữa sáng: 20.000 Đồng/học sinh/ngày (Mức trần)', or by the columns' names: 'Tên thủ
        tục hành chính: Giải thể trường tiểu học; Mã hồ sơ TTHC: 1.001639'; a unit that is a
        multiple ('1.000 đồng/trẻ/tháng') multiplies the figure: '110 × 1.000 đồng/trẻ/tháng'."""
        times = " × " if self.unit[:1].isdigit() and self.value[:1].isdigit() else " "
        value = f"{self.value}{times}{self.unit}".strip()
        if self.name_column and self.column:
            return f"{self.column}: {value}; {self.name_column}: {self.label}"
        column = f" ({self.column})" if self.column else ""
        return f"{self.label}: {value}{column}" if self.label else f"{value}{column}"


def split_row(text: str, columns: list[str] | None = None) -> tuple[list[str], list[str]] | None:
    """(header cells, row cells) of a table-row chunk, or None when the text is no table row."""
    lines = text.split("\n")
    if len(lines) < 2 or " | " not in lines[0]:
        return None
    header = [c.strip() for c in lines[0].split(" | ")]
    if columns and [c.strip() for c in columns] != header:
        return None
    cells = row_cells(_CELL_SPLIT.split(" ".join(lines[1:]).strip()))  # the group read before: no cell
    if len(cells) == len(header) - 1 and _NOTE_COLUMN.match(fold_accents(header[-1]).strip("* ")):
        cells.append("")  # the note column, last, left empty: the row still lines up
    if len(cells) != len(header):
        cells = [c for c in cells if c]
    return (header, cells) if len([c for c in cells if c]) >= 2 else None


def row_answer(
    kind: str,
    text: str,
    columns: list[str] | None = None,
    parent: str = "",
    question: str = "",
    unit: str = "",
) -> RowAnswer | None:
    """The row's label and its value of the asked kind; None when the row states none. A short
    label ('Bữa trưa') is named under its parent row ('Dịch vụ tiền ăn của học sinh › Bữa trưa').
    Of several cells of the asked kind, the one whose column the question names ('lớp 8', 'THCS').
    `unit` is the table's own, stated above its header."""
    split = split_row(text, columns)
    if split is None or not kind:
        return None
    header, cells = split
    if len(cells) == len(header) and (named := _by_columns(kind, header, cells, question, unit)):
        return _under(named, parent)
    start = 1 if _ROW_NUMBER.match(cells[0]) else 0
    for i in range(start, len(cells)):
        if _UNIT.match(cells[i]) or not states(kind, cells[i], unit) or i == start:
            continue
        labels = [c for c in cells[start:i] if c and not _UNIT.match(c)]
        units = [c for c in cells[start:i] + cells[i + 1 : i + 2] if _UNIT.match(c)] or [unit]
        label = " — ".join(_short(c) for c in labels)
        if parent and len(label) <= SHORT_LABEL and parent not in label:
            label = f"{_short(parent)} › {label}"
        return RowAnswer(label, cells[i], units[0], _column(header, cells, i))
    return None


def _by_columns(kind: str, header: list[str], cells: list[str], question: str, unit: str) -> RowAnswer | None:
    """A row read by its columns: the cell of the asked kind (in the column the question names,
    when it names one: by its school level, then by its words) and the row's name cell."""
    named = [i for i, h in enumerate(header) if _NAME_COLUMN.match(fold_accents(h).strip())]
    if not named and not _ROW_NUMBER.match(cells[0]) and all(_FIGURES.match(c) for c in cells[1:]):
        named = [0]  # a table of figures: its first column names the row ('Đô thị | 190 | 110')
    units = [c for c in cells if c and _UNIT.match(c)]  # 'Đồng/học sinh/giờ' in its own column
    typed = [i for i, c in enumerate(cells) if c and c not in units and i not in named]
    typed = [i for i in typed if states(kind, cells[i], unit)]
    if not named or not typed or not cells[named[0]]:
        return None
    best = max(typed, key=lambda i: _column_named(question, header[i]))
    label = _short(cells[named[0]])
    return RowAnswer(label, cells[best], (units or [unit])[0], header[best], header[named[0]])


def _column_named(question: str, column: str) -> tuple[int, int]:
    """How plainly the question names a column: the school levels both name ('THCS' asked, the
    column 'Trung học cơ sở'), then the words they share."""
    asked, named = fold_accents(question).lower(), fold_accents(column).lower()
    levels = len(set(levels_in(asked)) & set(levels_in(named)))
    return levels, len(set(_WORD.findall(asked)) & set(_WORD.findall(named)))


def _under(answer: RowAnswer, parent: str) -> RowAnswer:
    """A short row name ('Bữa sáng') named under its parent row, as a row read by position is."""
    if not parent or len(answer.label) > SHORT_LABEL or parent in answer.label:
        return answer
    label = f"{_short(parent)} › {answer.label}"
    return RowAnswer(label, answer.value, answer.unit, answer.column, answer.name_column)


def _column(header: list[str], cells: list[str], i: int) -> str:
    """The name of the column cell `i` stands in, when that can be told."""
    if len(cells) == len(header) or (i < len(header) and _VALUE_COLUMN.match(fold_accents(header[i]))):
        return header[i]  # aligned (or the trailing cells, notes, left empty)
    named = [h for h in header if _VALUE_COLUMN.match(fold_accents(h))]
    return named[0] if len(named) == 1 else ""


def _short(cell: str) -> str:
    return cell if len(cell) <= MAX_LABEL else cell[:MAX_LABEL].rsplit(" ", 1)[0] + " …"
