"""Headings wrapped over lines, not in capitals, read whole: lines taken from real documents of
the development corpus (decisions of provincial people's committees and ministries)."""

from __future__ import annotations

import pytest

from ingest.heading_marks import bold_title
from ingest.heading_title import heading_title
from ingest.lines import clean_line
from ingest.structure import parse_structure
from ingest.task_tree import titles_along, walk

pytestmark = pytest.mark.unit


def node(lines: list[str], path: list[str]):
    [found] = [n for n in walk(parse_structure(lines)) if n.path == path]
    return found


def test_a_sentence_wrapped_after_its_first_word_is_no_heading():
    """'Điều 4. Chánh' / 'Văn phòng Ủy ban nhân dân tỉnh, …' (a Nghệ An decision): one word is
    never a whole heading; the article's title is its sentence's first clause."""
    lines = ["**Điều 4. **Chánh",
             "Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo; Chủ tịch Ủy",
             "ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm",
             "thi hành Quyết định này./."]  # fmt: skip
    assert (
        node(lines, ["Điều 4"]).title
        == "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo"
    )


def test_a_bold_title_wrapped_before_a_capital_reads_to_its_closing_mark():
    """'**Điều 2. Trách nhiệm của Sở' / 'Giáo dục và Đào tạo; Uỷ ban nhân dân các xã, phường**'
    (a Nghệ An catalogue): the bold pair holds the title; its clauses stay tasks of their own."""
    lines = ["**Điều 2. Trách nhiệm của Sở",
             "Giáo dục và Đào tạo; Uỷ ban nhân dân các xã, phường**",
             "1. Trách nhiệm của Sở Giáo dục",
             "và Đào tạo:"]  # fmt: skip
    article = node(lines, ["Điều 2"])
    assert article.title == "Trách nhiệm của Sở Giáo dục và Đào tạo; Uỷ ban nhân dân các xã, phường"
    assert [c.path for c in article.children] == [["Điều 2", "1"]]
    assert titles_along(article.children[0])[0] == article.title


def test_a_bold_title_closing_mid_line_stops_at_its_mark():
    """'**5. Cục' / 'Di sản văn hóa:**** **Chủ trì, …' (a ministry's notice) and '**1. Đề nghị
    Ban Tuyên giáo và' / 'Dân vận Tỉnh ủy: **Ban hành …': the owner named whole, not 'Cục'."""
    lines = ["**4. Văn", "phòng Bộ:**** **Thực hiện tốt công tác tiếp công dân, giải quyết khiếu",
             "nại, tố cáo.", "**5. Cục",
             "Di sản văn hóa:**** **Chủ trì, phối hợp với các cơ quan, đơn vị liên",
             "quan tham mưu Lãnh đạo Bộ các giải pháp nhằm phát huy giá trị văn hóa vật thể"]  # fmt: skip
    cleaned = [clean_line(line) for line in lines]
    assert heading_title(cleaned[:3], marked=bold_title(lines, 0)) == "Văn phòng Bộ"
    assert heading_title(cleaned[3:], marked=bold_title(lines, 3)) == "Cục Di sản văn hóa"


def test_a_level_word_alone_on_its_line_takes_its_number_from_the_next():
    """'**Điều' / '1. Phạm vi điều chỉnh và đối tượng áp dụng**' / '1.** **Phạm vi điều chỉnh'
    (a provincial decision): article 1 is titled, and its clause 1 is the next '1.', not the
    line that carried the article's number."""
    lines = ["**Điều", "1. Phạm vi điều chỉnh và đối tượng áp dụng**", "1.** **Phạm vi điều chỉnh",
             "Quyết định này quy định danh mục tài sản cố định đặc thù."]  # fmt: skip
    article = node(lines, ["Điều 1"])
    assert article.title == "Phạm vi điều chỉnh và đối tượng áp dụng"
    assert [(c.path, c.title) for c in article.children] == [(["Điều 1", "1"], "Phạm vi điều chỉnh")]
    carried = ["**Điều", "1**. Công bố kèm theo Quyết định này danh",
               "mục 01 thủ tục hành chính (TTHC) được sửa đổi, bổ sung."]  # fmt: skip
    assert node(carried, ["Điều 1"]).title.startswith("Công bố kèm theo Quyết định này danh mục 01")


def test_a_numbered_article_alone_keeps_its_first_clause():
    """'**Điều 7.**' then '1. Bộ Quốc phòng chủ trì, phối' (a consolidated decision): the
    article's number is on its line, so the next line is its clause 1."""
    lines = ["**Điều 7.**", "1. Bộ Quốc phòng chủ trì, phối",
             "hợp với Bộ Nội vụ, Bộ Tài chính chịu trách nhiệm hướng dẫn thực hiện Quyết định này."]  # fmt: skip
    assert [n.path for n in walk(parse_structure(lines))][1:] == [["Điều 7"], ["Điều 7", "1"]]


def test_short_headings_of_their_own_stay_short():
    """A one-word title bold from end to end ('**1.1. Lúa**', a statistics form) and a short
    plain heading before its sentence ('1. Phạm vi điều chỉnh' / 'Nghị quyết này …') are whole."""
    assert node(["**1.1. Lúa**", "**Vụ Đông Xuân**", "Tiến độ gieo trồng"], ["1.1"]).title == "Lúa"
    plain = ["1. Phạm vi điều chỉnh", "Nghị quyết này quy định mức hỗ trợ đối với trẻ em mầm non."]
    assert node(plain, ["1"]).title == "Phạm vi điều chỉnh"


def test_a_marked_procedure_title_keeps_its_name_after_the_colon():
    """'**1. Quy' / 'trình nội bộ giải quyết TTHC: Thi tuyển công chức (Mã TTHC: 1.014111)**' (a
    Cao Bằng annex): the procedure's name follows the colon; a count after one is dropped."""
    lines = ["**1. Quy", "trình nội bộ giải quyết TTHC: Thi tuyển công chức (Mã TTHC: 1.014111)**",
             "**Bước thực hiện**"]  # fmt: skip
    assert (
        node(lines, ["1"]).title
        == "Quy trình nội bộ giải quyết TTHC: Thi tuyển công chức (Mã TTHC: 1.014111)"
    )
    field = ["**I. LĨNH", "VỰC CÔNG CHỨC: 03 QUY TRÌNH.**", "**Quy", "trình số 01**"]
    assert node(field, ["I"]).title == "LĨNH VỰC CÔNG CHỨC"
