"""The one formatter of a section path: every shape of label the reader writes."""

import pytest

from ingest.sections import section_label


@pytest.mark.parametrize(
    ("section", "label"),
    [
        (["II", "2", "(3)"], "II.2.(3)"),
        (["IV", "1", "1.2"], "IV.1.2"),
        (["II", "5", "đ"], "II.5.đ"),
        (["I", "1", "(i1)"], "I.1.(i1)"),
        (["Điều 3", "2", "a"], "Điều 3.2.a"),
        (["Điều 5"], "Điều 5"),
        (["Chương II", "1"], "Chương II.1"),
        (["Phụ lục I", "dòng 6"], "Phụ lục I, dòng 6"),
        (["Điều 1", "2", "dòng 3"], "Điều 1.2, dòng 3"),
        (["appendix", "6"], "Phụ lục, dòng 6"),
        ([], "phần mở đầu"),
    ],
)
def test_vietnamese_labels(section, label):
    assert section_label(section) == label


@pytest.mark.parametrize(
    ("section", "label"),
    [
        (["II", "2", "(3)"], "II.2.(3)"),
        (["Điều 3", "2", "a"], "Article 3.2.a"),
        (["Phụ lục I", "dòng 6"], "Appendix I, row 6"),
        (["appendix", "6"], "Appendix, row 6"),
        ([], "opening text"),
    ],
)
def test_english_labels(section, label):
    assert section_label(section, "en") == label
