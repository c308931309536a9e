"""An abbreviation's dot ends no sentence ('TP. Hồ Chí Minh', 'Tp. Huế'): read from the appendix
of a Prime Minister's dispatch in the development corpus, whose sentences list provinces with
their shares, some named 'TP.' or 'Tp.'."""

from __future__ import annotations

import pytest

from assistant.sentences import split_sentences
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
DISPATCH = DEVCORPUS / "distractors" / "220_CĐ-TTg__344b9eec106a648a.txt"


def _sentences() -> list[str]:
    if not DISPATCH.exists():
        pytest.skip(f"development corpus not found ({DISPATCH})")
    chunks = parse_document(DISPATCH.name, DISPATCH.read_text(encoding="utf-8")).chunks
    return [s for c in chunks for s in split_sentences(c.text)]


def test_a_city_named_tp_stays_in_its_sentence():
    listing = [s for s in _sentences() if "06/34 địa phương tỷ lệ đạt dưới 90% gồm:" in s]
    assert len(listing) == 1
    assert "TP. Hồ Chí Minh (87,73%), Sơn La (87,26%), TP. Hải Phòng (85,96%)" in listing[0]
    assert listing[0].endswith("Lai Châu (59,42%).")


def test_lower_case_tp_is_an_abbreviation_too():
    listing = [s for s in _sentences() if "không phụ thuộc địa giới trong phạm vi cấp tỉnh gồm:" in s]
    assert len(listing) == 1 and "Tp. Đà Nẵng, Tp. Huế, Hưng Yên, Lào Cai, Sơn La, Vĩnh Long." in listing[0]
    assert not any(s.endswith(("TP.", "Tp.")) for s in _sentences())
