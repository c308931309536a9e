"""A numbered label alone on its line, its title on the next, reads as one heading: lines taken
from real pages (a provincial plan, decisions, an official letter) as the web saved them."""

from __future__ import annotations

import pytest

from ingest.heading_marks import bold_title
from ingest.structure import parse_structure
from ingest.task_tree import walk

pytestmark = pytest.mark.unit


def tree(lines: list[str]) -> list[tuple[str, str]]:
    return [("/".join(n.path), n.title) for n in walk(parse_structure(lines))][1:]


OWNERS = [
    "*2.1. Sở",
    "Tài chính*",
    "",
    "a) Tham mưu Ủy ban nhân dân tỉnh",
    "trình Hội đồng nhân dân cấp tỉnh quyết định.",
    "",
    "*2.2. Sở",
    "Nội vụ*",
    "",
    "- Phối hợp Công an tỉnh tham",
    "mưu Ủy ban nhân dân tỉnh kịp thời động viên, khen thưởng các tập thể, cá nhân",
    "có thành tích xuất sắc trong công tác phòng, chống ma túy.",
    "",
    "*2.3.",
    "Công an tỉnh*",
    "",
    "a) Chủ trì, phối hợp với các đơn",
    "vị liên quan tham mưu Ủy ban nhân dân tỉnh thực hiện chức năng chủ quản Chương",
    "trình MTQG tại địa phương.",
    "",
    "*2.4.",
    "Bộ Chỉ huy Quân sự tỉnh*",
    "",
    "a) Chủ trì, phối hợp với các đơn vị, địa phương có liên quan.",
]


def test_an_italic_label_line_and_its_title_line_open_the_owners_task():
    """'*2.3.' / 'Công an tỉnh*' (a provincial plan's owners): 2.3 is a task of its own, and
    its item a) is Công an tỉnh's, not Sở Nội vụ's; the italic pair holds '2.2. Sở' / 'Nội vụ'."""
    found = tree(OWNERS)
    assert [path for path, _ in found] == ["2.1", "2.1/a", "2.2", "2.3", "2.3/a", "2.4", "2.4/a"]
    titles = dict(found)
    assert (titles["2.1"], titles["2.2"], titles["2.3"]) == ("Sở Tài chính", "Sở Nội vụ", "Công an tỉnh")
    assert titles["2.4"] == "Bộ Chỉ huy Quân sự tỉnh"


def test_a_roman_part_alone_on_its_line_heads_its_tasks():
    """'**I.' / 'ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI**' (a relief plan), 'NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU'
    (a provincial plan for the sea) and '**I.' /
    'Lĩnh vực Đầu tư theo phương thức PPP**' (a decision, a title in sentence case its bold
    pair holds): the part opens, and '**1.' / its title below is its first task."""
    plan = ["**I.", "ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI**", "", "- Từ ngày 15/11 đến ngày",
            "20/11/2025, trên địa bàn tỉnh xảy ra đợt mưa rất lớn trên diện rộng.", "",
            "**II.", "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU**", "", "**1.",
            "Công tác quán triệt, tuyên truyền, phổ biến thông tin để triển khai thực hiện",
            "Kế hoạch**"]  # fmt: skip
    assert [p for p, _ in tree(plan)] == ["I", "II", "II/1"]
    assert tree(plan)[1][1] == "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"
    decision = ["**I.", "Lĩnh vực Đầu tư theo phương thức PPP**", "**1.",
                "Trình tự chuẩn bị dự án đầu tư do nhà đầu tư đề xuất**"]  # fmt: skip
    assert tree(decision) == [
        ("I", "Lĩnh vực Đầu tư theo phương thức PPP"),
        ("I/1", "Trình tự chuẩn bị dự án đầu tư do nhà đầu tư đề xuất"),
    ]


def test_a_number_that_ends_a_reference_opens_nothing():
    """'… tại khoản 3' / 'Điều 1.' / '3. Thay thế …' (a resolution amending another): 'Điều 1.'
    ends the sentence above, so clause 3 follows clause 2, and no article 1 opens."""
    lines = ["**Điều 3. Thay thế, bãi bỏ một số từ, cụm từ**", "",
             "1. Thay thế cụm từ “Ban Dân tộc”", "thành “Sở Nội vụ” tại khoản 3 Điều 1.", "",
             "2. Thay thế cụm từ “Liên minh Hợp",
             "tác xã tỉnh” thành “Liên minh Hợp tác xã thành phố” tại khoản 3", "Điều 1.", "",
             "3. Thay thế cụm từ “Sở Thông",
             "tin và Truyền thông” thành “Sở Khoa học và Công nghệ” tại khoản"]  # fmt: skip
    assert [p for p, _ in tree(lines)] == ["Điều 3", "Điều 3/1", "Điều 3/2", "Điều 3/3"]


def test_an_article_number_alone_after_a_finished_line_keeps_its_first_clause():
    """'theo quy định của pháp luật.' / 'Điều 7.' / '1. Bộ Quốc phòng …' (a consolidated
    decision): the article opens and '1.' is its clause."""
    lines = ["Điều 6. Hồ sơ", "theo quy định của pháp luật.", "Điều 7.", "1. Bộ Quốc phòng chủ trì, phối",
             "hợp với Bộ Nội vụ hướng dẫn thực hiện."]  # fmt: skip
    assert [p for p, _ in tree(lines)] == ["Điều 6", "Điều 7", "Điều 7/1"]


def test_an_italic_quotation_holds_no_title():
    """'*a) Đối với hàng hóa đang làm thủ tục' / 'hải quan: trước thời điểm …;*' (an official
    letter quoting a decree): the italic pair holds a quoted clause, so the item's title is its
    own first clause."""
    lines = ["*a) Đối với hàng hóa đang làm thủ tục",
             "hải quan: trước thời điểm cơ quan hải quan thông báo việc kiểm tra trực tiếp hồ",
             "sơ hải quan;*"]  # fmt: skip
    assert bold_title(lines, 0) == ""
    assert bold_title(["*2.3.", "Công an tỉnh*"], 0) == "*2.3. Công an tỉnh"
    assert tree(lines) == [("a", "Đối với hàng hóa đang làm thủ tục hải quan")]
