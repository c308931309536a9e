"""A day of a month is no count: a line of a Ministry of Finance circular (development corpus)
hard-wrapped before its year ('… Nghị định số 79/2025/NĐ-CP ngày 01 tháng 4') states no number
of anything, while a count beside such a date still counts."""

from __future__ import annotations

import pytest

from assistant.lead_traits import counts
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
CIRCULAR = DEVCORPUS / "distractors" / "111_2025_TT-BTC__7a366df87c42d3de.txt"


def test_a_day_of_a_month_wrapped_before_its_year_is_no_count():
    line = next(
        line for line in CIRCULAR.read_text(encoding="utf-8").splitlines() if line.endswith("ngày 01 tháng 4")
    )
    assert not counts(line)
    assert not counts("hạn nộp báo cáo trước 15/12")
    assert counts(line + " có 05 quy trình nội bộ")
