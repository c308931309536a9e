"""The points of an item that lists ('…, bao gồm:' then '- Dự án 1: …'), read from the fresh
set's Cần Thơ plan and the Bộ GDĐT circular on teachers' working regime as the reader chunks them;
and what counts as a count (not the '01' of a rate's period, not an article's number)."""

from __future__ import annotations

from assistant.inline_lists import inline_points
from assistant.item_lists import item_list, listing_quote
from assistant.lead_choice import counts
from assistant.sentences import split_sentences
from eval.sets import set_corpus
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS, needs_set_corpus
from tests.listing_checks import assert_counted_whole

pytestmark = needs_set_corpus("fresh")

FRESH = set_corpus("fresh")


def _chunks(name: str):
    path = FRESH / name
    return parse_document(name, path.read_text(encoding="utf-8")).chunks


def _chunk(name: str, section: list[str]):
    return next(c for c in _chunks(name) if c.section == section)


def test_every_point_of_a_listing_item_is_read_under_its_clause():
    listed = item_list(_chunk("cantho-kh153-2025.txt", ["IV", "1", "h"]).text)
    assert listed is not None
    assert listed.head.endswith("theo chỉ đạo của Bộ Công an, bao gồm:")
    assert [p.split(":")[0] for p in listed.points] == [
        "Dự án 1", "Dự án 2", "Dự án 4", "Dự án 5", "Dự án 7 (Tiểu dự án 2)", "Dự án 9",
    ]  # fmt: skip
    quote = listing_quote(listed, "vi")
    assert quote.count("\n- ") == 6 and "Quản lý, giám sát, đánh giá Chương trình" in quote


def test_a_long_list_is_counted_whole_and_says_how_many_are_not_shown():
    recipients = next(c for c in _chunks("cantho-kh153-2025.txt") if c.text.startswith("Nơi nhận:"))
    assert_counted_whole(item_list(recipients.text))


def test_an_item_without_points_under_a_colon_lists_nothing():
    assert item_list(_chunk("bgddt-tt05-2025.txt", ["Điều 8", "3", "b"]).text) is None
    rows = [c for c in _chunks("gialai-qd48-2025.txt") if (c.extra or {}).get("columns")]
    assert rows and all(item_list(c.text) is None for c in rows)  # a table row is no list


def test_a_count_is_a_number_of_something():
    circular = "bgddt-tt05-2025.txt"
    assert counts(_chunk(circular, ["Điều 8", "3", "b"]).text)  # 'Phó hiệu trưởng là 04 tiết.'
    principle = split_sentences(_chunk(circular, ["Điều 3", "1"]).text)[0]
    assert "trong 01 tuần" in principle and "tại Điều 7" in principle
    assert not counts(principle)
    formula = next(line for line in _chunk(circular, ["Điều 8", "2"]).text.split("\n") if " | " in line)
    assert not counts(formula)  # 'Định mức … trong 01 năm học | = | … trong 01 tuần | x | Số tuần …'


def test_points_under_an_items_own_heading_are_its_list():
    """The Bộ VHTTDL letter writes each '-' alone on its line: read as marks of the next line,
    the four points of item II.6 stand under its heading."""
    listed = item_list(_chunk("bvhttdl-cv6386-2025.txt", ["II", "6"]).text)
    assert listed is not None and listed.head == "6. Đẩy mạnh hội nhập quốc tế trong giáo dục đào tạo"
    assert len(listed.points) == 4
    assert listed.points[2].startswith("Xây dựng các chương trình liên kết đào tạo")


def test_points_written_inline_after_a_colon_are_counted():
    """The general education programme lists its common competences in one sentence after a
    colon; a clause with figures or long parts lists nothing."""
    path = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    item = next(c for c in chunks if c.section == ["III", "2", "a"])
    sentence = next(s for s in split_sentences(item.text) if "năng lực chung" in s)
    assert inline_points(sentence) == [
        "năng lực tự chủ và tự học", "năng lực giao tiếp và hợp tác", "năng lực giải quyết vấn đề và sáng tạo",
    ]  # fmt: skip
    assert inline_points("Thời gian: từ ngày 01/9, trong 02 tuần, không quá 9 tháng") == []
    assert inline_points("Nơi nhận: Như trên") == []
