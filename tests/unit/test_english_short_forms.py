"""An English phrase rendered as a body's or a school kind's full Vietnamese name is searched by
the acronym the documents write for it too, as a Vietnamese question's long form is; a two-word
term's acronym (KH, HS), which also stands in every document number, is not added."""

from __future__ import annotations

from assistant.english import short_forms
from assistant.query import acronym_table, analyse


def test_a_long_name_brings_its_acronym():
    terms = analyse("How many students attend the ethnic boarding schools?").terms
    assert "dtnt" in terms and "noi_tru" in terms


def test_a_mined_acronym_of_a_body_is_found_from_its_rendering():
    table = acronym_table((("VHTTDL", "văn hóa, thể thao và du lịch"),))
    assert short_forms(["van hoa the thao va du lich"], table) == ["vhttdl"]


def test_a_short_terms_acronym_is_not_added():
    terms = analyse("Which plan must the students follow?").terms
    assert "ke_hoach" in terms and "hoc_sinh" in terms
    assert not {"kh", "hs"} & set(terms)
    assert short_forms(["ke hoach", "hoc sinh"], acronym_table()) == []
