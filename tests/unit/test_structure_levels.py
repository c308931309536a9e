"""Numbering levels, flattened tables and bounded parts, on lines taken from real documents."""

from __future__ import annotations

import pytest

from ingest.bounds import bounded_parts
from ingest.levels import match_label
from ingest.lines import clean_line
from ingest.structure import parse_structure
from ingest.tables import find_tables
from ingest.task_tree import walk
from ingest.text import join_wrapped

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "kind", "label"),
    [("**Điều 1. Phạm vi điều chỉnh**", "article", "Điều 1"),
     ("**Điều 2.** Danh mục các khoản", "article", "Điều 2"),
     ("Điều 13.1.LQ.1. Phạm vi điều chỉnh", "article", "Điều 13.1.LQ.1"),
     ("Chương II", "chapter", "Chương II"), ("MỤC 1. QUY ĐỊNH CHUNG", "heading", "Mục 1"),
     ("**A. DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH**", "alpha", "A"),
     ("II. NHIỆM VỤ", "roman", "II"), ("1.2. Các đơn vị", "dotted", "1.2"),
     ("đ) Công khai, minh bạch", "letter", "đ"), ("2/ Tổ chức thực hiện", "num", "2"),
     ("3) Kiểm tra", "num", "3"), ("b/ Báo cáo kết quả", "letter", "b"),
     ("a. Thời hạn giải quyết", "letter", "a")],
)  # fmt: skip
def test_levels_in_the_documents_words(line, kind, label):
    found = match_label(clean_line(line))
    assert found is not None and (found.kind, found.label) == (kind, label)


def test_a_wrapped_reference_is_not_a_heading():
    assert match_label("Mục 2 Phụ lục ban hành kèm theo") is None
    assert match_label("f) not a Vietnamese point letter") is None


def test_article_clause_point_with_hard_wraps():
    lines = [
        "**Điều 3. Nguồn kinh phí thực hiện**",
        "1. Nguồn kinh phí",
        "sự nghiệp giáo dục.",
        "**Điều",
        "4. Điều khoản thi hành**",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.",
        "2.",
        "Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
        "3. Nghị quyết này bãi bỏ",
        "các văn bản sau:",
        "a) Bãi bỏ khoản 2 Điều 1",
        "Nghị quyết số 246/NQ-HĐND.",
    ]
    paths = [node.path for node in walk(parse_structure(lines))][1:]
    assert paths == [["Điều 3"], ["Điều 3", "1"], ["Điều 4"], ["Điều 4", "1"], ["Điều 4", "2"],
                     ["Điều 4", "3"], ["Điều 4", "3", "a"]]  # fmt: skip


def test_chapters_stay_titles_where_articles_are_numbered():
    lines = ["Chương I", "", "NHỮNG QUY ĐỊNH CHUNG", "", "Điều 1. Phạm vi điều chỉnh", "Luật này."]
    article = walk(parse_structure(lines)).__next__().children[0].children[0]
    assert article.path == ["Điều 1"]
    assert article.parent is not None and article.parent.path == []


def test_flattened_fee_table_rows_by_shape():
    lines = ["**TT**", "**Danh mục dịch vụ", "phục vụ giáo dục**", "**Đơn vị tính**", "**Mức trần**",
             "**1**", "**Dịch vụ ăn uống, bán trú**", "1.1", "Dịch vụ tiền ăn của học sinh",
             "*1.1.1*", "*Bữa sáng*", "*Đồng/học sinh/ngày*", "*20.000*",
             "1.2", "Dịch vụ chăm sóc bán trú", "Đồng/học sinh/tháng", "235.000"]  # fmt: skip
    [table] = find_tables(lines)
    assert table.columns == ["TT", "Danh mục dịch vụ phục vụ giáo dục", "Đơn vị tính", "Mức trần"]
    assert [row.label for row in table.rows] == ["1", "1.1", "1.1.1", "1.2"]
    breakfast = table.rows[2]
    assert breakfast.cells == ["1.1.1", "Bữa sáng", "Đồng/học sinh/ngày", "20.000"]
    assert breakfast.parents == ["Dịch vụ ăn uống, bán trú", "Dịch vụ tiền ăn của học sinh"]


def test_long_task_split_at_items_then_sentences_nothing_lost():
    sentence = "Tổ chức kiểm tra việc thực hiện các khoản thu tại các cơ sở giáo dục. "
    lines = ["3. Nhiệm vụ", "- " + sentence * 40, "- " + sentence * 3]
    parts = bounded_parts(lines, 2000, 10_000)
    assert len(parts) > 2 and all(len(join_wrapped(p)) <= 2000 for p in parts)
    joined = " ".join(join_wrapped(p) for p in parts).split()
    assert joined == join_wrapped(lines).split()


def test_capital_heading_wrapped_over_lines_reads_whole():
    """Lines of a catalogue (a Nghệ An decision): the heading breaks after 'HÀNH'; the table's
    row-number column 'TT' that follows is no part of it."""
    lines = ["**A. DANH MỤC THỦ TỤC HÀNH", "CHÍNH CẤP TỈNH**", "**TT**", "**Mã hồ sơ TTHC**",
             "**Tên thủ tục hành chính**", "**I**", "**Lĩnh vực giáo dục, đào tạo với nước ngoài**"]  # fmt: skip
    [part] = parse_structure(lines).children
    assert (part.label, part.title) == ("A", "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH")


def test_capital_heading_ends_before_a_table_header_and_a_numbered_item():
    """A heading that fits its line keeps out the 'STT' below it; a heading broken inside a word
    pair ('LĨNH' / 'VỰC …') reads whole, and neither the plain line nor the numbered procedure
    after it is swallowed (lines of two provincial decisions)."""
    [catalogue] = parse_structure(
        ["**B. DANH MỤC THỦ TỤC HÀNH CHÍNH BÃI BỎ**", "**STT**", "**Mã số TTHC**"]
    ).children
    assert catalogue.title == "DANH MỤC THỦ TỤC HÀNH CHÍNH BÃI BỎ"
    lines = ["**I. LĨNH", "VỰC KHÍ TƯỢNG THỦY VĂN: 05 QUY TRÌNH.**", "**Quy", "trình số: 01**", "**1. Phê",
             "duyệt nội dung trao đổi thông tin, dữ liệu khí tượng thủy văn**"]  # fmt: skip
    [field] = parse_structure(lines).children
    assert field.title == "LĨNH VỰC KHÍ TƯỢNG THỦY VĂN"
    assert [(c.label, c.title) for c in field.children] == [
        ("1", "Phê duyệt nội dung trao đổi thông tin, dữ liệu khí tượng thủy văn")
    ]
