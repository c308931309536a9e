"""A document number's code that OCR (or a scan's line wrap) broke at its hyphen: the wrap joined
with a space ('65/2021/NQ- HĐND', '3280/UBND- VX') is written whole again in the shown reading."""

from __future__ import annotations

import re

# a number, its year, the code parts up to a hyphen at the wrap, then the code's next part
_WRAPPED_CODE = re.compile(
    r"(\b\d{1,6}/(?:\d{4}/)?[A-ZĐ&]{1,12}(?:-[A-ZĐ&]{1,12})*-)\s+([A-ZĐ]{2}[A-Za-zĐđ0-9]{0,10})\b"
)


def rejoin_codes(text: str) -> str:
    """'Nghị quyết 65/2021/NQ- HĐND' -> 'Nghị quyết 65/2021/NQ-HĐND'; other text as it is."""
    return _WRAPPED_CODE.sub(r"\1\2", text) if text else text
