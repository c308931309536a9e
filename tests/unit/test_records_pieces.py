"""The pieces records are read with, each on its own: the folded text, the vocabularies, the
values of one clause, the tasks of one chunk and the restored readings — on real seed chunks
and on sentences written the way directives write them."""

from __future__ import annotations

import pytest

from assistant.records import build_records, filter_targets, year_choices
from assistant.records_display import displayed, restored_piece
from assistant.records_targets import extract_targets
from assistant.records_tasks import extract_tasks
from assistant.records_text import key_of, level_of, norm
from assistant.records_values import Clause, clause_targets
from assistant.records_vocab import canonical_lead, group_metrics, metric_key
from tests.conftest import PLAN

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def plan_chunks(seed_service):
    return [c for c in seed_service.chunks() if c["source"] == PLAN]


def _chunk(plan_chunks, *section):
    return next(c for c in plan_chunks if c["section"] == list(section))


def test_norm_keeps_offsets_and_repairs_ocr_digits():
    text = "Tỷ lệ trường đạt chuẩn qu6c gia, h9c sinh T14"
    folded = norm(text)
    assert len(folded) == len(text)
    assert folded == "ty le truong dat chuan quoc gia, hoc sinh th "
    assert key_of("  Phòng  GD&ĐT; ") == "phong gd dt"


def test_level_of_prefers_the_phrase_then_the_item_context():
    assert level_of("tỷ lệ tốt nghiệp THPT", "") == ["THPT"]
    assert level_of("tỷ lệ trường đạt chuẩn", "giáo dục tiểu học") == ["tiểu học"]
    assert level_of("tỷ lệ trường đạt chuẩn", "") == ["all"]


def test_clause_values_with_floor_ceiling_count_and_level():
    text = "Tỷ lệ học sinh đi học đúng độ tuổi đạt tối thiểu 95%, trong đó cấp THCS đạt 97,5% trở lên"
    found = clause_targets(Clause(text, norm(text)), "")
    assert [(f.value, f.number, f.comparator, f.levels) for f in found] == [
        ("95%", 95.0, "at_least", ["all"]), ("97,5% trở lên", 97.5, "at_least", ["THCS"])]  # fmt: skip
    assert found[0].metric == found[1].metric  # the level's value inherits the metric
    assert found[0].metric.startswith("Tỷ lệ học sinh đi học đúng độ tuổi")
    text = "Có 03 trường đạt kiểm định mức độ 2"
    found = clause_targets(Clause(text, norm(text)), "")
    assert [(f.number, f.unit) for f in found] == [(3.0, "trường"), (2.0, "mức độ")]


def test_known_metrics_by_cue_words_and_own_keys_otherwise():
    assert metric_key("Ti le truing dat chuin qu6c gia") == "ty le truong dat chuan quoc gia"
    assert metric_key("truong dat chuan quoc gia", unit="mức độ") == "truong dat chuan quoc gia muc do"
    assert metric_key("đạt chuẩn phổ cập giáo dục THCS") == "pho cap giao duc"
    assert metric_key("mức phụ cấp ưu đãi") == "muc phu cap uu dai"  # an allowance, not phổ cập
    assert metric_key("tỉ lệ huy động trẻ") == metric_key("tỷ lệ huy động trẻ") == "ty le huy dong tre"


def test_lead_names_known_then_restored_then_as_written():
    assert canonical_lead("Van phong So") == "Văn phòng Sở"
    assert (
        canonical_lead("Phong KHTC; To Nghi quyet", "Phòng KHTC; Tổ Nghị quyết")
        == "Phòng KHTC; Tổ Nghị quyết"
    )
    assert canonical_lead("Phòng Giáo dục Mầm non") == "Phòng Giáo dục Mầm non"
    assert canonical_lead(None) is None


def test_ocr_slips_group_only_within_restored_text():
    def target(key, restored):
        return {"metric_key": key, "metric_label": key, "unit": "%", "restored": restored}

    ocr = [target("ty le tot nghiep thpt", True), target("ty le tot nghiep thpt", True),
           target("ty le tat nghiep thpt", True)]  # fmt: skip
    group_metrics(ocr)
    assert {t["metric_key"] for t in ocr} == {"ty le tot nghiep thpt"}
    clean = [target("cong nhan cong dong hoc tap cap huyen", False),
             target("cong nhan cong dong hoc tap cap xa", False)]  # fmt: skip
    group_metrics(clean)
    assert [t["metric_key"] for t in clean] == ["cong nhan cong dong hoc tap cap huyen",
                                                 "cong nhan cong dong hoc tap cap xa"]  # fmt: skip
    numbered = [target("mang 2 cap", True), target("mang 2 cap", True), target("mang 3 cap", True)]
    group_metrics(numbered)
    assert numbered[2]["metric_key"] == "mang 3 cap"


def test_restored_readings_of_an_ocr_target(plan_chunks):
    chunk = _chunk(plan_chunks, "II", "2", "(3)")
    assert chunk["restored"]
    target = next(t for t in extract_targets(chunk) if t["number"] == 98.5)
    assert target["value"] == "98,5 tra len" and target["value"] in target["quote"]  # as written
    assert target["display_value"] == "98,5 trở lên"
    assert "98,5 trở lên" in target["display_quote"]
    assert restored_piece(chunk["text"], chunk["display_text"], "no such words") is None
    assert displayed({"text": "a", "restored": False}, value="a") == {}


def test_a_restored_reading_never_shows_another_number():
    assert restored_piece("dat 90,14%", "đạt 90,15%", "dat 90,14%") is None


def test_tasks_of_an_appendix_row_and_a_unit_list(plan_chunks):
    (row,) = extract_tasks(_chunk(plan_chunks, "appendix", "8"))
    assert row["lead_name"] in ("Phòng KHTC", "Phong KHTC")  # restored, or as read if unsure
    assert row["deadline_date"] == "2024-06"
    office = [t for c in plan_chunks if c["section"][:1] == ["IV"] for t in extract_tasks(c)
              if t.get("item")]  # fmt: skip
    assert office and all(t["lead_name"] == "Văn phòng" for t in office)


def test_year_choices_and_restored_words_in_filters(plan_chunks):
    targets, _ = build_records(plan_chunks)
    # the milestones, and the starts of the periods III names ('giai đoạn 2020 - 2025', '2021-2025')
    assert year_choices(targets) == [2030, 2025, 2023, 2021, 2020]
    assert filter_targets(targets, q="trở lên", year=2025)  # the restored reading is searchable


def test_an_answer_states_an_ocr_target_as_restored_and_cites_it_as_written(seed_service):
    answer = seed_service.ask("chỉ tiêu năm 2025 cho trung học")
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("98,5 trở lên — ") and lead.endswith("[1]"), answer.answer
    assert "tra len" not in answer.answer
    cited = answer.citations[0]
    assert cited.restored and "98,5 tra len" in cited.text  # the check runs on the OCR text
