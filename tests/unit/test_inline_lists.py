"""Points listed on one line, read from the seed and development documents as the reader chunks
them: after a word that introduces them without a colon ('bao gồm', 'như'), in quotes after a
colon (a comma inside a quote parts nothing), and things of the asked kind named one after
another ('Thông tư … và Thông tư …'); and what is no list."""

from __future__ import annotations

import pytest

from assistant.inline_lists import inline_points
from assistant.listed_items import asked_noun, named_inline
from assistant.sentences import split_sentences
from ingest.chunks import parse_document
from tests.conftest import CORPUS, DEVCORPUS, HAIPHONG

pytestmark = pytest.mark.unit

PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"


def _sentences(path, words: str) -> list[str]:
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return [s for c in chunks for s in split_sentences(c.text) if words in s]


def _item(path, section: list[str], words: str) -> str:
    """The text of the item's chunk that holds `words` (a long item is chunked in parts)."""
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return next(c.text for c in chunks if c.section == section and words in " ".join(c.text.split()))


@pytest.mark.skipif(not PROGRAMME.is_file(), reason="development corpus not found")
def test_points_after_an_introducing_word_without_a_colon():
    aesthetic = _sentences(PROGRAMME, "Năng lực thẩm mĩ của học sinh bao gồm")[0]
    assert inline_points(aesthetic) == ["năng lực âm nhạc", "năng lực mĩ thuật", "năng lực văn học"]
    means = _sentences(PROGRAMME, "những phương tiện giao tiếp khác như")[0]
    assert inline_points(means)[:3] == ["hình ảnh", "biểu tượng", "kí hiệu"]


def test_quoted_points_are_read_whole_though_they_hold_commas():
    """Hải Phòng's letter (an OCR copy) lists the models a literacy class may use in quotes after
    'như:'; the first quote holds a comma, the last lost its closing mark to the OCR."""
    text = _item(CORPUS / HAIPHONG, ["II", "3", "d"], "mo hinh")
    sentence = next(s for s in split_sentences(" ".join(text.split())) if "mo hinh" in s)
    points = inline_points(sentence)
    assert len(points) == 3
    assert points[0].startswith("con chau") and points[0].endswith("ong ba")
    assert points[1] == "hoc vién givp do hoc vién"


def test_things_of_the_asked_kind_named_one_after_another():
    text = " ".join(_item(CORPUS / HAIPHONG, ["II", "1", "c"], "24/2023").split())
    sentence = next(s for s in split_sentences(text) if "24/2023" in s)
    question = "Hải Phòng đánh giá, công nhận đơn vị học tập theo các thông tư nào?"
    named = named_inline(question, sentence)
    assert len(named) == 2 and "24/2023/TT-BGDDT" in named[0] and "25/2023/TT-BGDDT" in named[1]
    assert all(n.lower().startswith("thong tu") for n in named)
    assert named_inline("Hải Phòng đánh giá, công nhận đơn vị học tập thế nào?", sentence) == []
    assert asked_noun(question) == "thông tư" and asked_noun("Which projects are listed?") == "projects"


def test_what_is_no_list():
    assert inline_points("Thực hiện như năm học trước.") == []  # a comparison, one part
    assert inline_points("Nơi nhận: Như trên") == []
    assert inline_points("Thời gian: từ ngày 01/9, trong 02 tuần, không quá 9 tháng") == []  # figures
    assert inline_points("đáp ứng nhu cầu học tập, vui chơi, giải trí của học sinh") == []  # 'nhu cầu'
    assert inline_points("thu gom rác thải, phân loại, xử lý") == []  # 'gom' is no 'gồm'
