"""A refusal model refitted on the seed set's dev questions and the negatives written from
them (eval/perturb.py), through the real search over the seed documents, refuses a question
whose subject was swapped for one its documents never treat (a `topic` negative) while still
answering the dev question it was written from."""

from __future__ import annotations

import pytest

from assistant.answer import decide
from assistant.query import analyse
from eval.refusal_cv import Config, grouped_fit

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def refit(seed_service):
    """(the refitted model, the dev questions, their negatives)."""
    from eval.groups import by_group
    from eval.perturb import CorpusFacts, perturbed_set
    from eval.refusal_cv import rows_of
    from eval.refusal_rows import decisions
    from eval.sets import load_set

    dev = by_group(load_set("seeds"), "seeds")["dev"]
    twins = perturbed_set(dev, CorpusFacts.of_service(seed_service))[1]
    rows = rows_of("seeds", {"dev": decisions(seed_service, dev + twins)})
    return grouped_fit(rows, Config()), {q["id"]: q for q in dev}, twins


def answers(service, question: str, model) -> bool:
    analysis = analyse(question, service.profile)
    passages = service.search(question, 20)[:5]
    threshold = service.settings.abstain_threshold
    return decide(analysis, passages, service.profile, service.idf, model, threshold).answerable


def test_a_refit_refuses_a_topic_negative_and_answers_its_original(seed_service, refit):
    model, originals, twins = refit
    topic = [t for t in twins if t["perturb"] == "topic"]
    assert topic  # the seed dev questions give topic negatives
    caught = [t for t in topic if not answers(seed_service, t["question"], model)
              and answers(seed_service, originals[t["original"]]["question"], model)]  # fmt: skip
    assert caught, "no topic negative refused whose original is answered"
