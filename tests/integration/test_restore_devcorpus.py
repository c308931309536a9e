"""OCR restoration across the devcorpus: no clean document is judged OCR, and an OCR-like copy of
a document the model never saw reads like the original again."""

from __future__ import annotations

import pytest

from eval.restore_eval import corrupt, held_out_pairs, syllable_accuracy
from ingest.restore.corpus_text import devcorpus_sources
from ingest.restore.document import check_digits
from ingest.restore.judge import judge
from ingest.restore.model import load_restorer
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def restorer():
    if not DEVCORPUS.is_dir():
        pytest.skip("no devcorpus on this machine")
    return load_restorer()


def test_no_clean_devcorpus_document_is_judged_ocr(restorer):
    files = devcorpus_sources(DEVCORPUS) + devcorpus_sources(DEVCORPUS, held_out=True)
    assert len(files) > 200
    judged = {p.name: judge(p.read_text(encoding="utf-8"), restorer.inventory.syllables) for p in files}
    assert not [name for name, verdict in judged.items() if verdict.is_ocr]
    # while an OCR-like copy of any of them is
    sample = files[:: max(1, len(files) // 10)]
    assert all(
        judge(corrupt(p.read_text(encoding="utf-8")), restorer.inventory.syllables).is_ocr for p in sample
    )


def test_an_unseen_document_copy_is_restored(restorer):
    name, ocr, clean = held_out_pairs(DEVCORPUS, limit=1)[0]
    assert name.startswith("devcorpus:directives/")  # an education directive held out of training
    restored = check_digits(ocr, restorer.restore(ocr))
    assert syllable_accuracy(ocr, clean).exact < 0.5
    assert syllable_accuracy(restored, clean).exact >= 0.9
