"""English questions that name the kind of item asked ("where does the money come from") are
searched with the words directives head that item with ("Nguồn kinh phí"), never counted as the
passage's evidence; questions that do not ask it that way get no frame."""

from __future__ import annotations

import pytest

from assistant.query import analyse
from assistant.question_frames import frames_in

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "frame"),
    [("Where does the money for the meal support come from?", "funding source"),
     ("Who pays for the teachers' training courses?", "funding source"),
     ("How is the scholarship funded?", "funding source"),
     ("Who is eligible for the tuition exemption?", "who is covered"),
     ("Which pupils are covered by the transport support?", "who is covered"),
     ("Who can receive the allowance for boarding students?", "who is covered"),
     ("From which school year do the new fee levels apply?", "start of application"),
     ("When does the new procedure start to apply?", "start of application"),
     ("Since when is the rule applied?", "start of application")],
)  # fmt: skip
def test_the_question_form_names_the_item(question, frame):
    assert [f.name for f in frames_in(question)] == [frame]


@pytest.mark.parametrize(
    "question",
    ["How much is the monthly support for preschool teachers?", "Who signed the decision?",
     "What does the plan ask schools to do in 2025?", "Which unit leads the digital transformation plan?"],
)  # fmt: skip
def test_questions_about_a_topic_get_no_frame(question):
    assert frames_in(question) == []


def test_a_frame_is_searched_but_never_evidence():
    analysis = analyse("Where does the money for the preschool support come from?")
    frame = next(c for c in analysis.concepts if c.name == "nguon kinh phi")
    assert frame.constraint  # coverage (evidence) skips it: the passage must still be on topic
    assert {"nguon_kinh", "kinh_phi", "ngan_sach"} <= set(analysis.terms)
    assert "nguồn kinh phí" in analysis.vietnamese_text


def test_vietnamese_questions_get_no_frame():
    analysis = analyse("Nguồn kinh phí hỗ trợ trẻ mầm non lấy từ đâu?")
    assert analysis.language == "vi"
    assert "nguon kinh phi" not in {c.name for c in analysis.concepts}  # its own words are searched
    assert {"nguon", "kinh", "phi"} <= {c.name for c in analysis.concepts}
