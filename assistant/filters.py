"""Filter values folded and checked like questions: `province=Quang Ninh` (no accents) means the
province the documents spell with them, `type=ke hoach` means 'Kế hoạch', and a year must be a
year. The API and the page share this; unknown keys are refused by the request models.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.header import DOC_TYPES
from ingest.provinces import ALIASES, PROVINCES
from ingest.text import fold_accents

YEAR_PATTERN = r"^(19|20)\d{2}$"
_YEAR = re.compile(YEAR_PATTERN)
_SPACES = re.compile(r"[\s\-_.]+")


class FilterValueError(ValueError):
    """A filter value that cannot match anything, with the filter's name."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


def _key(value: str) -> str:
    return _SPACES.sub(" ", fold_accents(value)).strip()


def _canonical(value: str, names: Iterable[str], aliases: dict[str, str] | None = None) -> str:
    """The spelling in `names` whose folded form equals the value's, else the value unchanged."""
    table = {_key(n): n for n in names}
    table.update({_key(a): n for a, n in (aliases or {}).items()})
    return table.get(_key(value), value.strip())


def normalise_filters(filters: dict[str, str], provinces: Iterable[str] = ()) -> dict[str, str]:
    """Filters with values in the spelling stored in the index; FilterValueError for a year
    that is not a year."""
    out: dict[str, str] = {}
    for key, value in filters.items():
        value = str(value).strip()
        if not value:
            continue
        if key == "province":
            value = _canonical(value, [*provinces, *PROVINCES], ALIASES)
        elif key == "type":
            value = _canonical(value, DOC_TYPES.values())
        elif key == "year" and not _YEAR.match(value):
            raise FilterValueError(key, f"year must be a four-digit year such as 2025, not {value!r}")
        out[key] = value
    return out
