"""English questions: rendered in Vietnamese terms, and how much of each was rendered."""

from __future__ import annotations

import pytest

from assistant.query import analyse

pytestmark = pytest.mark.unit


def test_vietnamese_questions_are_wholly_translated():
    assert analyse("chỉ tiêu năm 2025 cho trung học là gì?").translated_share == 1.0
    assert analyse("chi tieu nam 2025 cho trung hoc la gi").translated_share == 1.0


def test_translated_share_falls_with_words_nothing_renders():
    known = analyse("what is the 2025 target for secondary schools")
    unknown = analyse("what is the 2025 target for zorbling quibbits")
    assert known.language == unknown.language == "en"
    assert known.translated_share == 1.0
    assert 0.0 <= unknown.translated_share < 0.7
