"""Roman numerals of section labels (I., IV., XII.), as written and as OCR misreads them."""

from __future__ import annotations

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(token: str) -> int | None:
    """Value of a roman numeral read by OCR: '|', 'l' and a '1' beside roman letters are I."""
    token = token.replace("|", "I").replace("l", "I")
    if token[:1] == "T" and token[1:] in ("V", "X"):
        token = "I" + token[1:]  # "TV." is IV misread
    if any(ch in "IVX" for ch in token):  # "1I.", "1V.": a one beside roman letters is an I
        token = token.replace("1", "I")
    total = 0
    for i, ch in enumerate(token):
        value = ROMAN_VALUES.get(ch)
        if value is None:
            return None
        nxt = ROMAN_VALUES.get(token[i + 1], 0) if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total if 0 < total < 40 else None


def to_roman(value: int) -> str:
    out = ""
    for number, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += numeral
            value -= number
    return out
