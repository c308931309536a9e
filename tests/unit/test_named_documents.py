"""Reading which document a question names, and which fact about it it asks, against the real
headers of the development corpus's directives and distractors (read by the real parser)."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.constraints import CorpusProfile, read_constraints
from assistant.document_facts import asked_fact
from assistant.named_documents import DocumentKey
from ingest.chunks import parse_document
from ingest.text import bm25_terms
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit

DIRECTIVES = sorted((DEVCORPUS / "directives").glob("*.txt"))
DISTRACTORS = sorted((DEVCORPUS / "distractors").glob("*.txt"))[:60]
if not DIRECTIVES:
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


@cache
def profile() -> CorpusProfile:
    """A profile as ingest states it: each document's own header, read by the parser."""
    files, df = {}, {}
    for path in DIRECTIVES + DISTRACTORS:
        source = f"{path.parent.name}/{path.name}"
        parsed = parse_document(source, path.read_text(encoding="utf-8"))
        files[source] = {"doc": parsed.meta.as_dict()}
        df.update(dict.fromkeys(bm25_terms(parsed.text), 1))
    return CorpusProfile.from_state({"files": files, "df": df})


def named(question: str) -> list[str]:
    return read_constraints(question, profile()).documents


def test_profile_keys_come_from_headers():
    keys = {k.source: k for k in profile().documents}
    caobang = keys["directives/caobang-qd53-2025.txt"]
    title = "quy dinh viec phan cap cho so giao duc va dao tao thuc hien mot so nhiem vu trong linh vuc"
    assert caobang == DocumentKey(caobang.source, "53", "Quyết định", "cao bang", "2025", caobang.title)
    assert caobang.title.startswith(title)  # folded, from the header
    assert keys["directives/camau-qd1814-2025.txt"].number == "1814"  # "01814/QĐ-UBND"


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Ai ký Quyết định 53/2025/QĐ-UBND của Cao Bằng?", "directives/caobang-qd53-2025.txt"),
        ("quyet dinh 01814 cua Ca Mau co hieu luc khi nao", "directives/camau-qd1814-2025.txt"),
        ("quyết định 1814 công bố thủ tục gì?", "directives/camau-qd1814-2025.txt"),
        ("What does Hanoi's resolution 60 say about fees?", "directives/hanoi-nq60-2025.txt"),
        ("Số 3760/QĐ-UBND phê duyệt gì?", "directives/nghean-qd3760-2025.txt"),
        # the short forms a teacher types for the type
        ("QĐ 1814 của Cà Mau công bố bao nhiêu thủ tục?", "directives/camau-qd1814-2025.txt"),
        (
            "NQ 21/2025 Vinh Long xac dinh noi co nhieu lao dong theo dieu nao?",
            "directives/vinhlong-nq21-2025.txt",
        ),
        ("nq 22/2025 cua Vinh Long quy dinh hoc phi the nao?", "directives/vinhlong-nq22-2025.txt"),
    ],
)
def test_a_named_number_names_its_document(question, source):
    assert named(question) == [source]


def test_a_short_form_is_a_type_only_before_a_number():
    """'TT 29/2024' is a circular; 'tt' alone shortens 'thông tin', 'kh' alone 'khoa học'."""
    typed = read_constraints("Theo TT 29/2024, giao vien co duoc day them khong?", profile())
    assert typed.doc_types == ["Thông tư"] and typed.doc_numbers == ["29"]
    alone = read_constraints("Truong cap nhat tt tuyen sinh va kh giao duc the nao?", profile())
    assert alone.doc_types == [] and alone.doc_numbers == []


def test_a_number_written_without_its_leading_zero_is_covered():
    """The Cà Mau decision is numbered '01814/QĐ-UBND'; 'Quyết định 1814' is that decision."""
    assert profile().covers_number("1814") and profile().covers_number("01814")


def test_type_narrows_a_number_two_documents_share():
    """Resolution 21 and 22 of Vĩnh Long differ by number; the type and province agree."""
    assert named("Nghị quyết 22/2025/NQ-HĐND tỉnh Vĩnh Long") == ["directives/vinhlong-nq22-2025.txt"]


def test_type_and_province_name_a_document_only_when_few_fit():
    assert named("Nghị quyết của tỉnh Vĩnh Long năm 2025") == [
        "directives/vinhlong-nq21-2025.txt",
        "directives/vinhlong-nq22-2025.txt",
    ]
    assert named("học phí ở Hà Nội là bao nhiêu") == []  # no type, no number: names nothing


def test_a_number_the_corpus_lacks_names_nothing():
    c = read_constraints("Quyết định 98765/QĐ-UBND quy định gì?", profile())
    assert c.documents == []
    assert not profile().covers_number("98765")  # the refusal path: a number the corpus lacks


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Ai ký Quyết định 53/2025/QĐ-UBND?", "signer"),
        ("Ai ky quyet dinh 53/2025?", "signer"),
        ("Who signed Decision 53/2025/QĐ-UBND?", "signer"),
        ("Nghị quyết 60 ban hành ngày nào?", "date"),
        ("When was Nghe An decision 3771 issued?", "date"),
        ("Nghi quyet 22 co hieu luc tu ngay nao?", "effective"),
        ("When does resolution 22 take effect?", "effective"),
        ("Quyết định 53 căn cứ những văn bản nào?", "basis"),
        ("Which decree is decision 2536 based on?", "basis"),
        ("Quyết định 3760 gửi những nơi nào?", "recipients"),
        ("What is the breakfast fee cap in Hanoi?", ""),
        ("Mức hỗ trợ giáo viên mầm non là bao nhiêu?", ""),
        # which text ceases asks for that text, not a date of effect
        ("Nghị quyết 60 làm hết hiệu lực nghị quyết nào?", ""),
        ("QD 48/2025 lam het hieu luc quyet dinh nao?", ""),
        ("Quyết định nào không còn hiệu lực?", ""),
        ("Which resolution is no longer in force?", ""),
        ("Nghị quyết này hiệu lực từ khi nào?", "effective"),
    ],
)
def test_the_asked_fact(question, fact):
    assert asked_fact(question) == fact
