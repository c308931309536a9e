"""OCR restoration on small real cases: lines of the seed OCR notice, numbers and codes, clean text."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eval.restore_eval import corrupt, syllable_accuracy
from ingest.chunks import parse_document
from ingest.restore.confidence import SHOWN_CONFIDENCE, Choice, is_unsure, shown_reading
from ingest.restore.document import check_digits, numbers, restore_document
from ingest.restore.judge import judge
from ingest.restore.memory import DocumentMemory
from ingest.restore.model import load_restorer
from ingest.restore.syllables import fold, tokenize
from tests.conftest import BACGIANG, CORPUS, NOTICE, NOTICE_OCR, PLAN, needs_set_corpus

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def restorer():
    return load_restorer()


def ocr_line(name: str, start: str) -> str:
    return next(line.strip() for line in (CORPUS / name).read_text().splitlines() if line.startswith(start))


def test_a_line_of_the_ocr_notice_reads_as_the_clean_copy(restorer):
    clean = (CORPUS / NOTICE).read_text()
    line = ocr_line(NOTICE_OCR, "chirc HOi nghi quail triet")
    assert line.startswith("chirc HOi nghi quail triet, trien khai thuc hien Chi thi so 38-CT/TU")
    restored = restorer.restore(line)
    assert restored.startswith("chức Hội nghị quán triệt, triển khai thực hiện Chỉ thị số 38-CT/TU")
    assert restored in clean
    line = ocr_line(NOTICE_OCR, "Tham du hOi nghi")
    gold = clean[clean.index("Tham dự hội nghị") :][: len(line)]
    assert syllable_accuracy(line, gold).exact < 0.3
    assert syllable_accuracy(restorer.restore(line), gold).exact >= 0.9


def test_a_plan_heading_and_a_code_line_are_restored(restorer):
    line = ocr_line(PLAN, "Thuc hien Ke hoach hanh dOng s6")
    assert restorer.restore(line) == "Thực hiện Kế hoạch hành động số 281/KH-UBND ngày 10/11/2023 của"
    assert restorer.restore("CHI TIEU CO BAN") == "CHỈ TIÊU CƠ BẢN"


def test_numbers_dates_codes_and_percentages_pass_unchanged(restorer):
    text = "dat ti le 98,5% tra len; Ke hoach s6 276/KH-UBND ngay 05/9/2023, 38-CT/TU, UBND, THCS"
    restored = restorer.restore(text)
    for kept in ("98,5%", "276/KH-UBND", "05/9/2023", "38-CT/TU", "UBND", "THCS"):
        assert kept in restored
    assert "trở lên; Kế hoạch số 276/KH-UBND ngày 05/9/2023" in restored
    assert numbers(restored) == ["98,5", "276", "05/9/2023", "38"]
    line = ocr_line(PLAN, "(1) Ti le truing dat chuin")
    assert restorer.restore(line).startswith("(1) Tỉ lệ trường đạt chuẩn quốc gia đạt 90,14%, trong đó")


WORDS = st.sampled_from(
    "s6 ph6 d6n ciia Thtimg iiy hoach 0ng & | HOi nghi 2023 98,5 1.2 281/KH-UBND 12/12/2023 "
    "10% x2 3a A1 0,5 tra len 60 06 (1) II. a) ban-hanh".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", ", ", "\n", ": "])), max_size=25))
def test_no_digit_is_ever_changed(words):
    text = "".join(w + sep for w, sep in words)
    restored = load_restorer().restore(text)
    check_digits(text, restored)  # raises if a number is not in the original, in order
    multi_digit = [n for n in numbers(text) if len(re.sub(r"\D", "", n)) > 1 or not n.isdigit()]
    assert [n for n in numbers(restored) if n in multi_digit or len(n) > 1] == multi_digit


def test_tokens_join_back_to_the_text():
    text = (CORPUS / PLAN).read_text()[:5000]
    assert "".join(t.text for t in tokenize(text)) == text


def test_the_judge_tells_ocr_from_clean_seeds(restorer):
    vocabulary = restorer.inventory.syllables
    assert judge((CORPUS / NOTICE_OCR).read_text(), vocabulary).is_ocr
    assert judge((CORPUS / PLAN).read_text(), vocabulary).is_ocr
    assert not judge((CORPUS / NOTICE).read_text(), vocabulary).is_ocr
    assert not judge((CORPUS / BACGIANG).read_text(), vocabulary).is_ocr


def test_a_clean_document_is_left_unchanged(restorer):
    parsed = parse_document(BACGIANG, (CORPUS / BACGIANG).read_text())
    assert not restore_document(parsed, restorer).is_ocr
    assert all(not c.restored and c.display_text is None for c in parsed.chunks)
    assert all(c.display_index_text == c.index_text for c in parsed.chunks)


def test_an_ocr_document_gets_restored_chunks_and_titles(restorer):
    parsed = parse_document(PLAN, (CORPUS / PLAN).read_text())
    assert restore_document(parsed, restorer).is_ocr
    assert all(c.restored and c.display_text for c in parsed.chunks)
    assert "Kế hoạch" in parsed.chunks[0].doc["display_title"]
    assert any("TIÊU CƠ BẢN" in " ".join(c.display_titles) for c in parsed.chunks)
    for chunk in parsed.chunks:
        check_digits(chunk.text, chunk.display_text)
        assert chunk.as_listing()["restored"] is True


def test_the_corruptor_is_seeded_and_keeps_numbers():
    clean = (CORPUS / NOTICE).read_text()
    assert corrupt(clean, seed=3) == corrupt(clean, seed=3) != corrupt(clean, seed=4)
    assert syllable_accuracy(clean, clean).exact == 1.0
    assert syllable_accuracy(corrupt(clean), clean).exact < 0.6


def test_a_changed_number_is_caught():
    with pytest.raises(ValueError, match="changed a number"):
        check_digits("đạt 98,5% năm 2025", "đạt 98,6% năm 2025")
    with pytest.raises(ValueError, match="218"):
        check_digits("số 281/KH-UBND", "số 218/KH-UBND")
    assert check_digits("s6 281 ngay 10/11/2023", "số 281 ngày 10/11/2023")


def test_a_percent_sign_spaced_off_still_reads_as_a_percentage(restorer):
    line = ocr_line(PLAN, "dat ti le 98,5 tra len; ti le tat nghiep THPT dat 98,5 %")
    assert "THPT đạt 98,5 % trở lên" in restorer.restore(line)  # not 'đất' (land) before a figure


def test_unsure_words_stay_as_read_and_sure_ones_are_restored(restorer):
    line = ocr_line(NOTICE_OCR, "Sau khi nghe y  kin quan triet")
    _tokens, choices = restorer.choices(line)
    unsure = [c for c in choices.values() if is_unsure(c, SHOWN_CONFIDENCE)]
    sure = [c for c in choices.values() if c.confidence >= 0.99 and c.chosen != c.observed.lower()]
    assert unsure and sure
    shown = restorer.restore(line, SHOWN_CONFIDENCE)
    for choice in unsure:  # as read, or its letters without marks when only those are sure
        reading = shown_reading(choice, SHOWN_CONFIDENCE)
        assert (reading or choice.observed) in shown
        assert reading is None or reading == fold(reading)
    assert restorer.restore(line, 0.0) != shown
    check_digits(line, shown)


def test_a_document_remembers_the_readings_it_settles(restorer):
    text = (CORPUS / PLAN).read_text()
    memory = restorer.memory(text)
    assert memory.bonus("học") > memory.bonus("hóc")  # 'hoc' settles as học throughout the plan
    assert DocumentMemory().bonus("học") == 0.0


@needs_set_corpus("recent")
def test_a_word_whose_letters_are_sure_but_not_its_marks_shows_its_letters(restorer):
    """'nol' on the OCR-like copy of a real circular: nơi or nội the model cannot tell, but the
    letters are 'noi' (shown so, with no guessed mark), where 'nol' was shown before."""
    from eval.ocr_noise import ocr_copy
    from eval.ocr_sets import copy_seed
    from eval.sets import get_set

    name = "bgddt-tt21-2025.txt"
    copy = ocr_copy((get_set("recent").corpus / name).read_text(encoding="utf-8"), seed=copy_seed(name))
    line = next(line for line in copy.splitlines() if " nol " in line)
    _tokens, choices = restorer.choices(line)
    misread = next(c for c in choices.values() if c.observed == "nol")
    assert misread.confidence < SHOWN_CONFIDENCE <= misread.letters_confidence
    shown = restorer.restore(line, SHOWN_CONFIDENCE)
    assert " noi " in shown and " nol " not in shown
    label = Choice("IIl", "lu", 0.5, "lư", 0.99)  # a section label 'III.' OCR misread stays as read
    assert shown_reading(label, SHOWN_CONFIDENCE) is None


def test_a_code_wrapped_at_its_hyphen_is_shown_whole(restorer):
    """The OCR-like copy of the seed plan wraps 'Nghị quyết 65/2021/NQ-HĐND' at the hyphen; a
    quote from the passage shows the code whole again, as the text cites it (the shown reading
    itself keeps OCR's tokens, word for word with the original)."""
    from eval.ocr_noise import ocr_copy
    from eval.ocr_sets import copy_seed
    from ingest.restore.answer import passage_reading
    from ingest.restore.codes import rejoin_codes

    copy = ocr_copy((CORPUS / PLAN).read_text(encoding="utf-8"), seed=copy_seed(PLAN))
    parsed = parse_document(PLAN, copy)
    wrapped = [c for c in parsed.chunks if "65/2021/NQ- " in c.text]
    assert wrapped  # the copy wrapped it so
    restore_document(parsed, restorer)
    for chunk in wrapped:
        quote = chunk.text[chunk.text.index("65/2021/NQ- ") - 20 :][:60]
        reading = passage_reading(chunk.as_payload(), chunk.text, quote)
        assert "65/2021/NQ-HĐND" in reading.quote
    assert rejoin_codes("Quyết định số 131/QĐ- TTg ngày") == "Quyết định số 131/QĐ-TTg ngày"
    assert rejoin_codes("kế hoạch 12/KH- Trường học") == "kế hoạch 12/KH- Trường học"  # no code


def test_two_passages_restoring_one_text_differently_read_as_the_first_in_every_process():
    """The answer's reading must not depend on the process's string hashing."""
    import subprocess
    import sys

    script = (
        "from ingest.restore.answer import Reading, apply_readings\n"
        "first = Reading('Củng cố', [('Cung co chat luong', 'Củng cố chất lượng')])\n"
        "second = Reading('Cùng có', [('Cung co chat luong', 'Cùng có chất lượng')])\n"
        "print(apply_readings('Nhiệm vụ: Cung co chat luong giáo dục', [first, None, second]))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(6)
    }  # fmt: skip
    assert outputs == {"Nhiệm vụ: Củng cố chất lượng giáo dục"}
