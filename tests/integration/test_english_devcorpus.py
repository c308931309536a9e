"""English questions over real directives nobody here wrote (../shared/devcorpus), indexed with
the real engine beside the seed documents: the lexicon finds the article that answers."""

from __future__ import annotations

import shutil

import pytest

from assistant.service import AssistantService
from tests.conftest import DEVCORPUS, make_settings

pytestmark = pytest.mark.integration
DIRECTIVES = ["caobang-qd53-2025.txt", "vinhlong-nq21-2025.txt", "hanoi-nq60-2025.txt"]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    if not (DEVCORPUS / "directives").is_dir():
        pytest.skip("development corpus not on this machine")
    settings = make_settings(tmp_path_factory.mktemp("english"))
    for name in DIRECTIVES:
        shutil.copy(DEVCORPUS / "directives" / name, settings.corpus_dir / name)
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


@pytest.mark.parametrize(
    ("question", "source", "section"),
    [
        ("How often must the Department of Education and Training report to the provincial "
         "People's Committee on the tasks delegated to it in Cao Bằng?",
         "caobang-qd53-2025.txt", ["Điều 3", "1"]),
        ("What is the monthly support level for preschool teachers at private kindergartens "
         "in places with many workers in Vĩnh Long?",
         "vinhlong-nq21-2025.txt", ["Điều 2", "2"]),
    ],
)  # fmt: skip
def test_english_question_finds_the_article(service, question, source, section):
    assert service.ask(question).language == "en"
    found = [(p.source, p.section) for p in service.search(question, top_k=5)]
    assert (source, section) in found, found
