"""A bullet mark standing alone on its line ('-', then the item's text on the next line) opens
that item: read from the fresh set's Bộ VHTTDL letter and the recent set's Hà Nội letter, whose
saved pages put each '-' on a line of its own."""

from __future__ import annotations

from eval.sets import set_corpora_root
from ingest.chunks import parse_document
from ingest.lines import join_lone_marks
from tests.conftest import needs_set_corpus

CORPORA = set_corpora_root()


def _chunks(path):
    return parse_document(path.name, path.read_text(encoding="utf-8")).chunks


@needs_set_corpus("fresh")
def test_each_bullet_of_an_item_starts_its_own_line():
    letter = CORPORA / "fresh" / "bvhttdl-cv6386-2025.txt"
    item = next(c for c in _chunks(letter) if c.section == ["II", "1"])
    bullets = [line for line in item.text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3
    assert bullets[1].startswith("- Nghiên cứu, hoàn thiện các quy định về tăng quyền tự chủ")
    assert bullets[2].startswith("- Nghiêm túc thực hiện đúng các quy định về quản lý thu chi")


@needs_set_corpus("recent")
def test_a_lone_mark_never_runs_the_next_bullet_into_the_one_above():
    letter = CORPORA / "recent" / "hanoi-cv5095-2025.txt"
    holding = next(c for c in _chunks(letter) if "ô nhiễm nghiêm trọng" in c.text)
    lines = holding.text.splitlines()
    above = next(line for line in lines if "ở mức “Xấu” trở lên." in line)
    assert above.endswith("trở lên.")  # the next bullet is not on this line
    assert any(line.startswith("- Trường hợp chất lượng môi trường không khí") for line in lines)


def test_a_mark_before_a_figure_or_a_label_stays_where_it_is():
    """A table's empty cell ('-' above a figure) and a mark above a numbered label are kept."""
    lines = ["70", "-", "70", "-", "a) Tổ chức", "-", "Nghiên cứu"]
    assert join_lone_marks(lines) == ["70", "-", "70", "-", "a) Tổ chức", "", "- Nghiên cứu"]
