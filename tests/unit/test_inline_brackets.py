"""A comma inside brackets does not part a listed point: the general education programme
(development corpus) lists its technology-and-arts group of upper-secondary elective subjects as
'Công nghệ, Tin học, Nghệ thuật (Âm nhạc, Mĩ thuật)': three subjects, not four."""

from __future__ import annotations

import pytest

from assistant.inline_lists import inline_points
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"


def test_a_bracketed_point_is_one_subject():
    line = next(
        line.strip()
        for line in PROGRAMME.read_text(encoding="utf-8").splitlines()
        if "Nhóm môn công nghệ và nghệ thuật:" in line
    )
    assert inline_points(line) == ["Công nghệ", "Tin học", "Nghệ thuật (Âm nhạc, Mĩ thuật)"]


def test_commas_outside_brackets_still_part_points():
    assert inline_points("Các phẩm chất chủ yếu: yêu nước, nhân ái (thương người), chăm chỉ") == [
        "yêu nước",
        "nhân ái (thương người)",
        "chăm chỉ",
    ]
