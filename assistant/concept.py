"""A concept: one thing a question asks about, with the folded phrases that express it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Concept:
    """One thing the question asks about, with the folded phrases that express it."""

    name: str
    phrases: list[str]
    weight: float = 1.0
    constraint: bool = False  # a year, place or document reference: judged on the document
