"""Acronyms the documents define, learned through ingest in the forms documents write them: the
seed plan defines 'Bộ Giáo dục và Đào tạo (GDĐT)', and ingest learns it whole and in its '&' form;
a question writing 'GD&ĐT' is searched with the long form."""

from __future__ import annotations

import pytest

from tests.conftest import service_with


@pytest.fixture(scope="module")
def seed_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("acronym-forms"), []) as service:
        yield service


def test_ingest_learns_a_defined_acronym_whole_and_in_its_and_form(seed_service):
    mined = dict(seed_service.profile.acronyms)
    assert mined["GDĐT"] == mined["GD&ĐT"] == "giáo dục và đào tạo"


def test_a_question_writing_the_and_form_is_searched_with_the_long_form(seed_service):
    from assistant.query import analyse
    from assistant.search import search

    analysis = analyse(
        "Sở GD&ĐT Bắc Giang giao nhiệm vụ trọng tâm nào về chuyển đổi số?", seed_service.profile
    )
    concept = next(c for c in analysis.concepts if c.name == "gd&dt")
    assert "giao duc va dao tao" in concept.phrases
    passages = search(seed_service.index, analysis, limit=5)
    assert passages and "bacgiang" in passages[0].source
