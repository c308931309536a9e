"""Numbered labels alone on their line in real documents: a provincial plan's owners ('*2.3.' /
'Công an tỉnh*') own their items in the index, and over the development corpus every such label
followed by a title reads as its heading (eval.structure_misses, label_alone counts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.sets import set_corpus
from eval.structure_misses import misses
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS, needs_set_corpus

pytestmark = pytest.mark.integration
PLAN = set_corpus("recent") / "dongnai-kh182-2025.txt"


def owners(path: Path) -> dict[str, list[str]]:
    """Each owner task of part III.2: its title, then its items' labels."""
    found: dict[str, list[str]] = {}
    for chunk in parse_document(path.name, path.read_text(encoding="utf-8")).chunks:
        if chunk.section[:2] == ["III", "2"] and len(chunk.section) >= 3:
            entry = found.setdefault(chunk.section[2], [chunk.titles[2]])
            if len(chunk.section) == 4:
                entry.append(chunk.section[3])
    return found


@needs_set_corpus("recent")
def test_the_plans_police_owns_its_items_and_each_owner_is_its_own_task():
    found = owners(PLAN)
    assert found["2.3"] == ["Công an tỉnh", "a", "b", "c", "d", "đ"]
    assert found["2.2"] == ["Sở Nội vụ"]  # no item of Công an tỉnh filed under Sở Nội vụ
    assert [f"2.{n}" for n in range(1, 14)] == list(found)
    assert found["2.10"][0] == "Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh"
    assert found["2.13"][0] == "Ủy ban nhân dân xã, phường"
    assert found["2.9"] == ["Đề nghị Liên đoàn Lao động tỉnh"]


@pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="the development corpus is not on this machine")
def test_label_lines_of_the_development_corpus_read_as_headings():
    """Of 122 label-only lines with text after them, 118 open their task (99 before); the four
    left are a form's footnote mark above its signature block, two cross-references ending a
    sentence ('… như mục' / '2.3.', 'tại khoản 3 Điều' / '15.' / '2. Bãi bỏ …') and a clause
    numbered like the inner list before it."""
    counts, examples = misses(DEVCORPUS)
    assert counts["label_alone"] >= 120
    assert counts["label_alone"] - counts["label_alone_read"] <= 4, examples["label_alone"]
    assert counts["label_alone_lower_read"] == 0
    assert counts["cut_title"] == 0, examples["cut_title"][:5]
