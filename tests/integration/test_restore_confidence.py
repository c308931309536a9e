"""Restorations shown to readers are sure ones: on the real OCR notice beside its clean copy, on
the ingested seed OCR documents and their quotes in answers, and on the devcorpus OCR text."""

from __future__ import annotations

import pytest

from eval.restore_errors import WRONG_KINDS, judged_words, tally
from eval.restore_eval import seed_pairs
from ingest.chunks import parse_document
from ingest.restore.confidence import SHOWN_CONFIDENCE
from ingest.restore.document import check_digits, restore_document
from ingest.restore.judge import judge
from ingest.restore.model import load_restorer
from ingest.restore.syllables import fold, tokenize
from tests.conftest import CORPUS, DEVCORPUS, NOTICE_OCR, PLAN

pytestmark = pytest.mark.integration
PROGRAMME = "long/bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"  # OCR'd, with its marks


@pytest.fixture(scope="module")
def restorer():
    return load_restorer()


def wrong_share(counts) -> float:
    return sum(counts[k] for k in WRONG_KINDS) / counts["restored"]


def unsure_changes(restorer, original: str, shown: str, memory) -> list[tuple[str, str, float]]:
    """Words the shown reading changes although the model is not sure of them (or never chose).
    A word not read as a label or name shown as letters without marks is the reading where only the letters are
    sure (`ingest.restore.confidence.shown_reading`, tested on its own in tests/unit/test_restore.py):
    its letters were judged in the document's context, which this check does not rebuild."""
    ours, theirs = tokenize(original), tokenize(shown)
    assert len(ours) == len(theirs)  # restoration replaces words one for one
    _tokens, choices = restorer.choices(original, memory)
    unsure = []
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        if a.text.lower() == b.text.lower() or (a.kind == "code" and restorer.acronym(a)):
            continue  # as read (a stray capital set right), or an acronym's known spelling
        choice = choices.get(i)
        if not (a.text.isupper() or a.text[:1].isupper()) and b.text.lower() == fold(b.text):
            continue  # letters without marks, shown where only they are sure: no tone is guessed
        if choice is None or choice.chosen != b.text.lower() or choice.confidence < SHOWN_CONFIDENCE:
            unsure.append((a.text, b.text, choice.confidence if choice else 0.0))
    return unsure


def test_the_real_ocr_notice_shows_far_fewer_wrong_restorations(restorer):
    [(_name, ocr, clean)] = seed_pairs(CORPUS)
    words = judged_words(restorer, ocr, clean)
    every, shown = tally(words, 0.0), tally(words, SHOWN_CONFIDENCE)
    assert every["words"] > 1500 and every["right"] / every["words"] >= 0.89
    assert wrong_share(shown) <= 0.03 and wrong_share(shown) <= wrong_share(every) / 3
    assert shown["right"] / shown["words"] >= 0.8  # most words still read restored
    # a word left as read is exactly what OCR read, never a third spelling
    assert all(w.shown(SHOWN_CONFIDENCE) in (w.chosen, w.observed.lower()) for w in words)


@pytest.mark.parametrize("name", [PLAN, NOTICE_OCR])
def test_every_change_in_an_ocr_documents_reading_is_a_sure_restoration(restorer, name):
    parsed = parse_document(name, (CORPUS / name).read_text())
    assert restore_document(parsed, restorer).is_ocr
    memory = restorer.memory(parsed.text)
    kept = 0
    for chunk in parsed.chunks:
        check_digits(chunk.text, chunk.display_text)
        assert unsure_changes(restorer, chunk.text, chunk.display_text, memory) == []
        for title, shown in zip(chunk.titles, chunk.display_titles, strict=True):
            assert unsure_changes(restorer, title, shown, memory) == []
        _tokens, choices = restorer.choices(chunk.text, memory)
        kept += sum(
            c.confidence < SHOWN_CONFIDENCE and c.chosen != c.observed.lower() for c in choices.values()
        )
    assert kept > 0  # the rule bites on real OCR: some guesses are withheld


def test_answer_quotes_come_from_the_shown_reading(seed_service, restorer):
    answer = seed_service.ask("chỉ tiêu năm 2025 cho trung học là gì?")
    restored = [c for c in answer.citations if c.restored and c.display_quote]
    assert restored
    for citation in restored:
        for piece in citation.display_quote.split(" … "):
            assert piece.strip() in citation.display_text  # no quote restored apart from its passage
        assert citation.display_quote in answer.answer


def test_the_devcorpus_ocr_text_is_left_as_read_and_its_bare_copy_restored_with_care(restorer):
    if not DEVCORPUS.is_dir():
        pytest.skip("no devcorpus on this machine")
    text = (DEVCORPUS / PROGRAMME).read_text(encoding="utf-8")
    assert not judge(text, restorer.inventory.syllables).is_ocr  # it kept its marks: not rewritten
    part = text[20_000:50_000]
    bare = "".join(_bare(t.text) if t.kind == "word" else t.text for t in tokenize(part))
    words = judged_words(restorer, bare, part)  # the marks OCR kept are the reference
    every, shown = tally(words, 0.0), tally(words, SHOWN_CONFIDENCE)
    assert every["words"] > 5000 and every["right"] / every["words"] >= 0.9
    assert wrong_share(shown) <= 0.03 and wrong_share(shown) <= wrong_share(every) / 2


def _bare(word: str) -> str:
    from eval.restore_eval import _strip_marks

    return _strip_marks(word)
