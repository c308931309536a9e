"""A long list as the answer shows it, checked the same way for every document that has one."""

from __future__ import annotations

from assistant.item_lists import MAX_SHOWN, counted_lines, listing_quote


def assert_counted_whole(listed) -> None:
    """Every point is counted; the first MAX_SHOWN are shown, the rest said in a closing line,
    in Vietnamese and English answers and in the quote."""
    assert listed is not None and len(listed.points) > MAX_SHOWN
    rest = len(listed.points) - MAX_SHOWN
    lines = counted_lines(listed.points, "vi")
    assert lines[0] == f"Có {len(listed.points)} mục [1]:"
    assert len(lines) == MAX_SHOWN + 2 and lines[-1] == f"… và {rest} mục khác [1]"
    assert counted_lines(listed.points, "en")[-1] == f"… and {rest} more [1]"
    assert listing_quote(listed, "vi").endswith(f"… (và {rest} mục khác)")
