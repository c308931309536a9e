"""Table headers of real documents nobody here wrote (../shared/devcorpus): a header standing on
two rows names each column under the column spanning it, a row numbering the columns is neither
header nor data, and a one-row header is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.table_rows import row_answer, split_row
from ingest.chunks import Chunk, parse_document
from ingest.tables import find_tables
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration
DISTRACTORS = DEVCORPUS / "distractors"
if not DISTRACTORS.is_dir():
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


def one(pattern: str) -> Path:
    [path] = DISTRACTORS.glob(pattern)
    return path


def row_chunks(path: Path) -> list[Chunk]:
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return [c for c in chunks if c.extra.get("columns")]


def test_second_header_row_names_columns_under_the_spanning_one():
    """'Mức chi' spans 'Cấp Thành phố' and 'Cấp xã' (written after 'Ghi chú', the first header
    row's last cell): each row's two amounts stand in their own named columns."""
    rows = row_chunks(one("82_2025_NQ-HĐND__*.txt"))
    columns = ["STT", "Nội dung", "Mức chi › Cấp Thành phố", "Mức chi › Cấp xã", "Ghi chú"]
    assert rows and all(c.extra["columns"] == columns for c in rows)
    [leader] = [c for c in rows if c.body.startswith("4.1 | Trưởng đoàn kiểm tra")]
    question = "Trưởng đoàn kiểm tra, giám sát cấp xã được bồi dưỡng bao nhiêu?"
    answer = row_answer("money", leader.text, leader.extra["columns"], question=question)
    assert answer is not None
    assert (
        answer.line()
        == "Mức chi › Cấp xã: 240.000 đồng/người/ buổi; Nội dung: Trưởng đoàn kiểm tra, giám sát"
    )
    city = row_answer("money", leader.text, leader.extra["columns"], question="cấp thành phố")
    assert city is not None and city.value.startswith("300.000") and city.column.endswith("Cấp Thành phố")


def test_column_numbers_are_neither_header_nor_rows():
    """Under the header, 'A, B' and '1, 2, 3, 4' number its six columns; the first row is the
    first statistic, with its six cells."""
    text = one("1383_QĐ-BNV__*.txt").read_text(encoding="utf-8")
    [table] = find_tables(text.split("\n"))
    assert table.columns[0] == "STT" and len(table.columns) == 6
    assert table.columns[-1] == "Đơn vị chịu trách nhiệm phổ biến"
    first = table.rows[0]
    assert first.label == "1" and first.cells[1] == "Số đơn vị hành chính" and len(first.cells) == 6
    assert not any(len(row.cells) == 1 for row in table.rows)


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        (  # 'Ghi chú' last: one header row
            DEVCORPUS / "directives" / "hanoi-nq60-2025.txt",
            [
                "TT",
                "Danh mục dịch vụ phục vụ, hỗ trợ hoạt động giáo dục, đào tạo",
                "Đơn vị tính",
                "Mức trần",
                "Ghi chú",
            ],
        ),
        (  # cells after 'Ghi chú', but the rows do not have as many cells as spanned columns
            one("2581_QĐ-TTg__*.txt"),
            [
                "TT",
                "Tên mỏ, điểm mỏ, vị trí địa lý",
                "Tọa độ VN2000 KTT 105 múi chiếu 6 độ",
                "Diện tích (ha)",
            ],
        ),
    ],
    ids=lambda p: p.name if isinstance(p, Path) else "",
)
def test_header_read_as_written_when_rows_do_not_say_otherwise(path, columns):
    tables = find_tables(path.read_text(encoding="utf-8").split("\n"))
    assert any(t.columns[: len(columns)] == columns and " › " not in t.header for t in tables)


def test_row_short_of_its_empty_note_lines_up():
    """A fee row leaves its last column, 'Ghi chú', empty: it still reads by its columns."""
    hanoi = DEVCORPUS / "directives" / "hanoi-nq60-2025.txt"
    rows = row_chunks(hanoi)
    short = [c for c in rows if len(c.body.split(" | ")) == len(c.extra["columns"]) - 1]
    assert short
    for row in short:
        split = split_row(row.text, row.extra["columns"])
        assert split is not None and len(split[1]) == len(split[0]) and split[1][-1] == ""
