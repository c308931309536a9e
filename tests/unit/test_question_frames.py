"""English questions that name the kind of item asked ("where does the money come from") are
searched with the words directives head that item with ("Nguồn kinh phí"), never counted as the
passage's evidence; questions that do not ask it that way get no frame."""

from __future__ import annotations

import pytest

from assistant.query import analyse
from assistant.question_frames import frames_in
from eval.sets import set_corpus
from tests.conftest import needs_set_corpus

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


@pytest.mark.parametrize(
    "question",
    ["Thông tư này không áp dụng đối với nhà giáo trong những cơ sở nào?",
     "Thong tu nay khong ap dung doi voi nha giao o co so nao?",
     "Which teachers does the circular on overtime pay not apply to?"],
)  # fmt: skip
def test_an_exclusion_question_is_searched_with_the_exclusion_clause(question):
    terms = analyse(question).terms
    assert {"khong_ap", "ap_dung"} <= set(terms)  # "không" alone is a function word, never searched


def test_a_scope_question_without_negation_gets_no_exclusion_terms():
    assert "khong_ap" not in analyse("Thông tư này áp dụng đối với nhà giáo nào?").terms


@needs_set_corpus("recent")
def test_the_exclusion_clause_outranks_the_scope_clause_beside_it(tmp_path):
    """A circular of late 2025 states its scope and, in the next clause, whom it does not cover:
    the clauses share nearly every word; the question's negation decides."""
    from assistant.service import AssistantService
    from tests.conftest import make_settings

    settings = make_settings(tmp_path)
    corpus = tmp_path / "circular"
    corpus.mkdir()
    (corpus / "tt21.txt").write_text((set_corpus("recent") / "bgddt-tt21-2025.txt").read_text("utf-8"))
    service = AssistantService(settings.model_copy(update={"corpus_dir": corpus}), owner="pytest")
    try:
        service.ingest()
        for question in ("Which teachers does the circular on overtime pay not apply to?",
                         "Tiền lương dạy thêm giờ không áp dụng cho nhà giáo thuộc cơ sở nào?"):  # fmt: skip
            top = service.search(question, 3)
            assert "không áp dụng đối với nhà giáo" in top[0].text  # without the frame: 4th in English
    finally:
        service.close()
