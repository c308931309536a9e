"""A word whose letters the restorer is sure of but not its marks shows its letters: 'uhan' on
the OCR-like copy of the development corpus's Vĩnh Long resolution (clean: 'công nhân') is nhận
or nhân to the model, but its letters are 'nhan' — shown so, with no guessed mark, never as the
misreading."""

from __future__ import annotations

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from ingest.restore.confidence import SHOWN_CONFIDENCE
from ingest.restore.model import load_restorer
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
RELATIVE = "directives/vinhlong-nq21-2025.txt"


def test_a_word_whose_letters_are_sure_but_not_its_marks_shows_its_letters():
    source = DEVCORPUS / RELATIVE
    if not source.exists():
        pytest.skip(f"development corpus not found ({source})")
    clean = source.read_text(encoding="utf-8")
    assert "công nhân, người lao động" in " ".join(clean.split())
    copy = ocr_copy(clean, seed=copy_seed(RELATIVE))
    line = next(line for line in copy.splitlines() if "cong uhan, người lao dong" in line)
    restorer = load_restorer()
    _tokens, choices = restorer.choices(line)
    misread = next(c for c in choices.values() if c.observed == "uhan")
    assert {misread.chosen, misread.runner_up} == {"nhận", "nhân"}
    assert misread.confidence < SHOWN_CONFIDENCE <= misread.letters_confidence
    shown = restorer.restore(line, SHOWN_CONFIDENCE)
    assert shown.startswith("công nhan, người lao động") and "uhan" not in shown
