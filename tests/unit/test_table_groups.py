"""A table's first group of rows is no part of its header: lines of catalogues of administrative
procedures and a spending table from the development corpus, flattened one cell per line."""

from __future__ import annotations

import pytest

from ingest.header_rows import first_group
from ingest.tables import find_tables

pytestmark = pytest.mark.unit


def test_a_group_letter_before_a_title_in_sentence_case_opens_the_rows():
    """'A' / 'Thủ tục hành chính cấp Thành phố' then '1' (a Hà Nội catalogue): six columns, and
    procedure 1 sits in group A."""
    lines = ["**STT**", "**Mã TTHC**", "**Tên thủ tục hành chính**",
             "**Tên Văn bản quy định việc bãi bỏ, hủy bỏ thủ tục hành chính**", "**Lĩnh vực**",
             "**Cơ quan thực hiện**", "**A**", "**Thủ tục hành chính cấp", "Thành phố**", "1",
             "1.012508", "Cấp lại chứng chỉ nghiệp vụ", "chuyên môn về đấu thầu",
             "Luật Đấu thầu số 22/2023/QH15", "Đấu thầu", "Sở Tài chính"]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns[-1] == "Cơ quan thực hiện" and len(table.columns) == 6
    group, first = table.rows[:2]
    assert (group.label, group.cells) == ("A", ["A", "Thủ tục hành chính cấp Thành phố"])
    assert first.label == "A.1" and first.parents == ["Thủ tục hành chính cấp Thành phố"]
    assert first.cells[2] == "Cấp lại chứng chỉ nghiệp vụ chuyên môn về đấu thầu"


def test_a_numbered_group_title_with_its_count_opens_the_rows():
    """'A. Thủ tục hành chính cấp tỉnh (01 TTHC)' under a header, then 'B. …' (a Cao Bằng
    catalogue of repealed procedures): each part's procedure 1 sits in its own part."""
    lines = ["**TT**", "**Tên thủ tục hành chính**", "**(Mã TTHC)**",
             "**Quyết định công bố** **danh mục thủ tục hành chính**",
             "**Căn cứ pháp lý** **bãi bỏ thủ tục hành chính**", "**A. Thủ tục hành chính cấp",
             "tỉnh (01 TTHC)**", "1", "Chấm dứt việc hưởng hỗ trợ",
             "phí bảo hiểm nông nghiệp và hoàn phí bảo hiểm nông nghiệp (1.005411)",
             "Quyết định số 1221/QĐ-UBND", "Quyết định số 13/2022/QĐ-TTg", "**B. Thủ tục hành chính cấp",
             "xã (01 TTHC)**", "1", "Phê duyệt đối tượng được hỗ", "trợ phí bảo hiểm nông nghiệp (1.005412)",
             "Quyết định số 1221/QĐ-UBND", "Quyết định số 13/2022/QĐ-TTg"]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns[1] == "Tên thủ tục hành chính (Mã TTHC)" and len(table.columns) == 4
    assert [r.label for r in table.rows] == ["A", "A.1", "B", "B.1"]
    assert table.rows[3].parents == ["B. Thủ tục hành chính cấp xã (01 TTHC)"]


def test_an_unnumbered_group_title_in_capitals_stands_above_the_rows():
    """'LĨNH VỰC PHÍ, LỆ PHÍ (02 TTHC)' under a sentence-case header (a Cao Bằng catalogue):
    both procedures sit under it, and the header keeps its four columns."""
    lines = ["**TT**", "**Mã TTHC**", "**Tên TTHC**", "**Ghi chú**", "**LĨNH VỰC PHÍ, LỆ PHÍ (02",
             "TTHC)**", "1", "1.008603", "Thủ tục kê khai, thẩm định tờ",
             "khai phí bảo vệ môi trường đối với nước thải", "2", "1.013040",
             "Thủ tục khai, nộp phí bảo vệ", "môi trường đối với khí thải"]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns == ["TT", "Mã TTHC", "Tên TTHC", "Ghi chú"]
    assert [(r.label, r.parents) for r in table.rows] == [
        ("1", ["LĨNH VỰC PHÍ, LỆ PHÍ (02 TTHC)"]),
        ("2", ["LĨNH VỰC PHÍ, LỆ PHÍ (02 TTHC)"]),
    ]


def test_header_cells_that_are_columns_stay_columns():
    """Column letters ('A', 'B' numbering the columns), a count-free bracket ('(nếu có)'), a
    header in capitals and a header of one row are no group."""
    assert first_group(["STT", "Nội dung", "Dự toán", "Ước thực hiện", "A", "B"]) is None
    assert first_group(["TT", "Mã TTHC", "Tên thủ tục hành chính", "Phí, lệ phí (nếu có)"]) is None
    assert first_group(["STT", "NỘI DUNG CÔNG VIỆC", "ĐƠN VỊ THỰC HIỆN", "THỜI GIAN"]) is None
    assert first_group(["TT", "Tên mỏ, điểm mỏ, vị trí địa lý", "Diện tích (ha)", "Ghi chú", "X(m)"]) is None


def test_a_row_numbering_the_columns_in_brackets_is_no_header_cell():
    """'TT, Cấp đào tạo, Số lượng, Chuyên ngành đào tạo, Ghi chú' then '(1)' … '(5)' and an empty
    row '1 | ...' (the form of a 2025 science-task proposal, a page saved from the web): five
    columns, none spanning the marks."""
    lines = ["TT", "Cấp đào tạo", "Số lượng", "Chuyên ngành đào tạo", "Ghi chú", "*(1)*", "*(2)*",
             "*(3)*", "*(4)*", "*(5)*", "1", "..."]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns == ["TT", "Cấp đào tạo", "Số lượng", "Chuyên ngành đào tạo", "Ghi chú"]
    assert [r.label for r in table.rows] == ["1"]


def test_lines_of_only_a_bar_are_cell_borders():
    """A Hà Nội resolution saved from the web keeps each cell's border as a line '|' (two close
    a row): no pipe table is read from them, and a cell ends at its border even when the next
    cell could continue it."""
    lines = ["|", "**TT**", "|", "**Nội dung**", "|", "**Mức chi**", "|", "|", "1", "|",
             "Nghệ sỹ từ đủ 05 năm", "công tác; Nghệ sỹ đạt huy chương Vàng cuộc thi, liên hoan nghệ thuật chuyên",
             "nghiệp do Hội chuyên ngành Trung ương, Bộ Quốc phòng, Bộ Công an tổ chức", "|", "30.000.000",
             "|", "|", "2", "|", "Nghệ sỹ đạt huy chương",
             "Vàng, huy chương Bạc, huy chương Đồng cuộc thi liên hoan, hội diễn nghệ thuật",
             "chuyên nghiệp do Bộ Văn hóa, Du lịch và Thể thao tổ chức", "|", "60.000.000", "|", "|", "3", "|", "Nghệ sỹ ưu tú", "|", "90.000.000", "|", "|", "4", "|", "Nghệ sỹ nhân dân",
             "|", "120.000.000", "|"]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns == ["TT", "Nội dung", "Mức chi"]
    assert [r.cells for r in table.rows][2:] == [["3", "Nghệ sỹ ưu tú", "90.000.000"],
                                                 ["4", "Nghệ sỹ nhân dân", "120.000.000"]]  # fmt: skip
    assert table.rows[0].cells[2] == "30.000.000"
