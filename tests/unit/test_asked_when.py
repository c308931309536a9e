"""English 'when' asks a date only as the question word, and a yes/no question asks no amount:
read on the shape of questions teachers type, checked against the real kind reader."""

from __future__ import annotations

import pytest

from assistant.figures import asks_who_or_when
from assistant.query import analyse
from assistant.question_kind import asked_kind, asks_whether

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When does the 2025-2026 school year start in Tuyên Quang?", "date"),
        ("For working out teachers' overtime, when does the school year start and finish?", "date"),
        ("Who leads the plan on digital transformation in Quang Ninh, and when?", "date"),
        ("Which unit runs the sub-project and by when must it report?", "date"),
        # 'when' joining a clause asks nothing: the question's own words decide
        ("How much do families in Huế pay when a public school teaches online?", "money"),
        ("In Quang Ninh, which exam results count as a key yardstick when schools' quality is graded?", ""),
        ("What must a head teacher do when a teacher's extra lessons pass the limit?", ""),
        # a yes/no question names a fee as its topic, it does not ask an amount
        ("Can Hanoi schools still collect the service charges when classes move online?", ""),
        ("May teachers at public schools manage extra-tuition classes run outside the school?", ""),
        ("How much is the tuition at a public upper secondary school in Hanoi?", "money"),
        # Vietnamese typed without marks is not English: 'can bo' is 'cán bộ'
        ("can bo quan ly khong tao duoc chuyen bien trong bao nhieu nam hoc thi bi thay the?", "count"),
        ("Khi nào học sinh Tuyên Quang bắt đầu năm học mới?", "date"),
    ],
)
def test_the_kind_asked(question, kind):
    assert asked_kind(question) == kind


def test_yes_no_questions_in_both_languages():
    assert asks_whether("Có được tổ chức dạy thêm cho học sinh tiểu học không?")
    assert asks_whether("Co duoc xep gio day them xen ke voi thoi khoa bieu chinh khoa khong?")
    assert asks_whether("Can Hanoi schools still collect the service charges?")
    assert not asks_whether("can bo quan ly bi thay the sau bao nhieu nam?")
    assert not asks_whether("How much is the fee?")


def test_a_clause_when_asks_no_deadline_and_no_figure():
    joined = analyse("Which language framework must the centres follow when they write their programmes?")
    asked = analyse("Which unit leads the plan, and by when?")
    assert not asks_who_or_when(joined) and not joined.asks_figure
    assert asks_who_or_when(asked) and asked.asks_figure


def test_figure_words_are_read_whole():
    """'rate' inside 'illiterate' asks no figure; a plural cue ('targets', 'rates') still does."""
    assert not analyse(
        "Whom should Hai Phong rely on to persuade illiterate people to join literacy classes?"
    ).asks_figure
    assert analyse("What graduation rates are targeted for 2030?").asks_figure
    assert analyse("What are Quang Ninh's 2030 national-standard school targets?").asks_figure
    assert analyse("Tỷ lệ trường đạt chuẩn năm 2025?").asks_figure
