"""The end of a semester asked in English over the real school calendars of the `schoolyear` set:
'end' has its own lexicon line ('kết thúc') though it is a word most questions have; the
semester's list item ('- Học kỳ I: Bắt đầu …; kết thúc …') is one unit, its ';' parting no
subject from its clause; and the item of the asked province leads before a national table's
row for another province. The questions are not the benchmark's."""

from __future__ import annotations

import pytest

from assistant.english import read_english
from assistant.lexicon import lexicon
from assistant.sentences import split_sentences
from eval.sets import set_corpus
from tests.asking import answered, lead
from tests.conftest import needs_set_corpus, service_with

pytestmark = pytest.mark.integration

SCHOOLYEAR = set_corpus("schoolyear")
CALENDAR = "tuyenquang-qd986-2024.txt"
NATIONAL = "lich-nghi-he-2025.txt"


@pytest.fixture(scope="module")
def calendar_service(tmp_path_factory):
    documents = (SCHOOLYEAR / name for name in (CALENDAR, NATIONAL))
    with service_with(tmp_path_factory.mktemp("calendars"), documents) as service:
        yield service


def test_common_words_with_their_own_lexicon_line_are_weak_concepts():
    """'end' and 'until' render as the lexicon says, weakly; a function word ('must' => 'phải',
    one syllable) and a stopword still make no concept."""
    concepts = {c.name: c for c in read_english("When must the semester end and last until?", {}).concepts}
    assert concepts["end"].phrases == ["ket thuc"] and concepts["end"].weight < 1.0
    assert concepts["until"].phrases == ["den ngay"]
    assert "must" not in concepts and "when" not in concepts
    assert lexicon().lookup("end") == ()  # the lexicon itself still passes it over alone


@needs_set_corpus("schoolyear")
def test_a_labelled_item_keeps_its_clauses_together():
    text = (SCHOOLYEAR / CALENDAR).read_text(encoding="utf-8")
    sentences = split_sentences(text)
    semester = next(s for s in sentences if "Học kỳ I:" in s)
    assert "06/9/2024" in semester and "kết thúc trước ngày 18/01/2025" in semester
    # an unlabelled clause list is still parted at ';'
    assert split_sentences("a) tăng cường quản lý; đổi mới phương pháp") == [
        "a) tăng cường quản lý",
        "đổi mới phương pháp",
    ]


@needs_set_corpus("schoolyear")
def test_the_end_of_semester_one_is_answered_from_the_asked_province(calendar_service):
    answer = answered(calendar_service, "When does semester I end in Tuyên Quang for 2024-2025?")
    assert "18/01/2025" in lead(answer)
    assert "Cà Mau" not in lead(answer)
