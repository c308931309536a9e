"""A table row's cells under its table's columns: the header's cells as the table names them, the
row's cells one per column, and the row's name (the cell that says what the row is about).

A table flattened one cell per line loses where a cell ends: a cell wrapped before a capital
('Sửa đổi, bổ sung, gia hạn' / 'Quyết định thành lập …') or a list of several items ('- Nộp hồ
sơ trực tiếp …', '- Nộp hồ sơ trực tuyến …') reads as several cells. When a row has more cells
than its table has columns, list items are joined into the list they continue and a cell that
stops mid-phrase into the next, until the counts agree; otherwise the row keeps its cells as read.
"""

from __future__ import annotations

import re

from ingest.lines import folded
from ingest.text import starts_list_item

_CODE = re.compile(r"^\d{1,2}\.\d{6}$")  # national procedure code: 1.001639, 3.000182
_FIGURE = re.compile(r"^[\d.,%/\s]+$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[A-H])\.?$")
_NAME_COLUMN = re.compile(r"^(?:ten\b|noi dung|danh muc|linh vuc)")
_ENDS_PHRASE = (".", ";", ":", "!", "?", ")")


def header_cells(cells: list[str]) -> list[str]:
    """The columns' names: a cell in brackets ('(nếu có)', '(km)') belongs to the cell before."""
    columns: list[str] = []
    for cell in cells:
        if columns and cell.startswith("(") and not columns[-1].endswith(")"):
            columns[-1] = f"{columns[-1]} {cell}"
        else:
            columns.append(cell)
    return columns


def aligned_cells(cells: list[str], width: int) -> list[str]:
    """The row's cells, joined where a cell was read as several, when that makes one per column;
    the cells as read otherwise."""
    if len(cells) <= width or width < 2:
        return cells
    joined = _join_lists(cells)
    while len(joined) > width:
        k = _wrapped_cell(joined)
        if k is None:
            return cells
        joined[k - 1 : k + 1] = [f"{joined[k - 1]} {joined[k]}"]
    return joined


def _join_lists(cells: list[str]) -> list[str]:
    """A list item, or a line wrapped out of one, joins the list it continues."""
    out: list[str] = []
    for cell in cells:
        after_item = bool(out) and starts_list_item(out[-1].rsplit("\n", 1)[-1])
        if out and after_item and (starts_list_item(cell) or not out[-1].endswith(_ENDS_PHRASE)):
            out[-1] = f"{out[-1]}\n{cell}" if starts_list_item(cell) else f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return out


def _wrapped_cell(cells: list[str]) -> int | None:
    """The first cell that continues the one before it: words after words that stop mid-phrase."""
    for k in range(2, len(cells)):
        before, cell = cells[k - 1], cells[k]
        if is_value(before) or is_value(cell) or starts_list_item(cell):
            continue
        if not before.endswith(_ENDS_PHRASE):
            return k
    return None


def is_value(cell: str) -> bool:
    """A code, a figure or a row number: a cell that never wraps text."""
    return bool(_CODE.match(cell) or _FIGURE.match(cell) or _ROW_NUMBER.match(cell))


def name_cell(cells: list[str], columns: list[str]) -> str:
    """What the row is about: the cell under a name column ('Tên thủ tục hành chính', 'Nội dung')
    when cells and columns agree, else the first cell of words (not a number, code or figure)."""
    if len(cells) == len(columns):
        for cell, column in zip(cells, columns, strict=True):
            if cell and _NAME_COLUMN.match(folded(column).strip("* ")) and not is_value(cell):
                return cell
    return next((c for c in cells if c and not is_value(c)), cells[0] if cells else "")
