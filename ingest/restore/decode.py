"""Restore a text: candidates per word, a beam through them scored by the language model."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ingest.restore.candidates import Inventory
from ingest.restore.confidence import Choice, local_posteriors, shown_reading
from ingest.restore.cues import has_mark_hint, is_marked_syllable, percent_follows
from ingest.restore.lm import NgramModel
from ingest.restore.memory import SETTLED, DocumentMemory
from ingest.restore.syllables import (
    Token,
    apply_case,
    fold,
    is_upper_word,
    lm_symbol,
    tokenize,
)

EDIT_WEIGHT = 2.0  # log10 penalty per unit of edit cost
MARK_BONUS = 1.0  # the observed word already is this syllable, marks and all
MARK_HINT = 0.4  # the observed word shows a mark (an apostrophe, a capital inside the word)
SLIP_COST = 0.6  # the dearest edit still tried on a word that already is a valid folded syllable
MAX_CANDIDATES = 12
BEAM = 10
CACHE_LIMIT = 200_000  # words whose candidates are remembered between texts


@dataclass
class Slot:
    token: Token
    options: list[tuple[str, int, float]]  # (syllable, model id, emission log10)


class Restorer:
    def __init__(self, model: NgramModel, inventory: Inventory, acronyms: dict[str, str]):
        self.model = model
        self.inventory = inventory
        self.acronyms = acronyms  # folded acronym -> the marked spelling of clean text
        self._candidates: dict[str, list[tuple[str, int, float]]] = {}

    def candidates(self, token: Token) -> list[tuple[str, int, float]]:
        """The syllables a word may stand for, best first, with their emission log10."""
        if len(self._candidates) > CACHE_LIMIT:
            self._candidates.clear()
        if token.text not in self._candidates:
            self._candidates[token.text] = self._rank(token)
        return self._candidates[token.text]

    def _rank(self, token: Token) -> list[tuple[str, int, float]]:
        skeleton = token.skeleton
        if not skeleton.isalpha():
            return []
        observed = unicodedata.normalize("NFC", token.text.lower())
        hint = has_mark_hint(token.text)
        near = self.inventory.near_keys(skeleton)
        if skeleton in near:  # a valid folded syllable: only marks and typical OCR slips change
            near = {key: cost for key, cost in near.items() if cost <= SLIP_COST}
        scored = []
        if observed not in self.inventory.syllables and is_marked_syllable(observed):
            scored.append((0.0, observed, -1, MARK_BONUS))  # a name the model never saw
        for key, cost in near.items():
            for syllable in self.inventory.by_key[key]:
                emission = -EDIT_WEIGHT * cost
                if syllable == observed:
                    emission += MARK_BONUS
                elif hint and syllable != key:
                    emission += MARK_HINT
                wid = self.model.ids.get(syllable, -1)
                scored.append((emission + self.model.unigram_logp(wid), syllable, wid, emission))
        scored.sort(reverse=True)
        return [(s, wid, e) for _, s, wid, e in scored[:MAX_CANDIDATES]]

    def acronym(self, token: Token) -> str | None:
        """The marked spelling of an upper-case acronym OCR read without its mark (GDDT)."""
        if token.kind != "code" or not token.text.isalpha() or not is_upper_word(token.text):
            return None
        return self.acronyms.get(fold(token.text))

    def _fixed_id(self, token: Token) -> int | None:
        symbol = lm_symbol(token)
        if token.kind in ("code", "word"):
            symbol = self.acronym(token) or token.text.lower()
            symbol = symbol if symbol in self.model.ids else "<c>"
        return None if symbol is None else self.model.ids.get(symbol, -1)

    def _slots(self, tokens: list[Token], memory: DocumentMemory | None = None) -> list[Slot | int]:
        slots: list[Slot | int] = []
        for i, token in enumerate(tokens):
            options = self.candidates(token) if token.kind == "word" else []
            if options and memory is not None:
                options = memory.adjust(options)
            if options:
                slots.append(Slot(token, options))
            elif token.kind == "number" and percent_follows(tokens, i):
                slots.append(self.model.ids["<p>"])  # '98,5 %': OCR spaced the percent sign off
            else:
                fixed = self._fixed_id(token)
                if fixed is not None:
                    slots.append(fixed)
        return slots

    def _decode(self, slots: list[Slot | int]) -> list[str]:
        boundary = self.model.ids["<s>"]
        beam: list[tuple[float, int, int, tuple]] = [(0.0, -1, boundary, ())]
        for slot in slots:
            if isinstance(slot, int):
                if slot == boundary:
                    best = max(beam)
                    beam = [(best[0], -1, boundary, best[3])]
                else:
                    beam = [(s + self.model.logp(a, b, slot), b, slot, p) for s, a, b, p in beam]
                continue
            grown = [
                (s + emission + self.model.logp(a, b, wid), b, wid, (p, syllable))
                for s, a, b, p in beam
                for syllable, wid, emission in slot.options
            ]
            grown.sort(key=lambda state: state[0], reverse=True)
            seen: set[tuple[int, int]] = set()
            beam = []
            for state in grown:
                if (state[1], state[2]) not in seen:
                    seen.add((state[1], state[2]))
                    beam.append(state)
                    if len(beam) == BEAM:
                        break
        chosen: list[str] = []
        path = max(beam)[3]
        while path:
            path, syllable = path
            chosen.append(syllable)
        return chosen[::-1]

    def choices(
        self, text: str, memory: DocumentMemory | None = None
    ) -> tuple[list[Token], dict[int, Choice]]:
        """The text's tokens and, for each restored word (by token index), the model's choice."""
        tokens = tokenize(text)
        slots = self._slots(tokens, memory)
        chosen = self._decode(slots)
        restorable = [slot for slot in slots if isinstance(slot, Slot)]
        pairs = zip(restorable, chosen, strict=True)
        ids = {id(slot): {s: w for s, w, _e in slot.options}[c] for slot, c in pairs}
        seq = [ids[id(slot)] if isinstance(slot, Slot) else slot for slot in slots]
        by_token = {id(slot.token): (n, slot) for n, slot in enumerate(slots) if isinstance(slot, Slot)}
        found: dict[int, Choice] = {}
        picks = iter(chosen)
        for i, token in enumerate(tokens):
            if id(token) not in by_token:
                continue
            n, slot = by_token[id(token)]
            pick = next(picks)
            posterior = local_posteriors(self.model, seq, n, slot.options)
            ranked = sorted(zip(posterior, (o[0] for o in slot.options), strict=True), reverse=True)
            mine = sum(p for p, s in ranked if s == pick)
            other = next((s for _p, s in ranked if s != pick), None)
            letters = sum(p for p, s in ranked if fold(s) == fold(pick))
            found[i] = Choice(token.text, pick, mine, other, letters)
        return tokens, found

    def memory(self, text: str) -> DocumentMemory:
        """A first pass over a whole document: the readings it settles."""
        memory = DocumentMemory()
        for choice in self.choices(text)[1].values():
            as_printed = choice.chosen == choice.observed.lower() != fold(choice.chosen)
            if choice.confidence >= SETTLED or as_printed:  # sure, or OCR kept the marks
                memory.settle(choice.chosen)
        return memory

    def restore(self, text: str, min_confidence: float = 0.0, memory: DocumentMemory | None = None) -> str:
        """The text with each OCR word replaced by its most likely syllable; all else as it was.
        A word the model is less sure of than `min_confidence` stays as OCR read it; `memory`
        holds the readings the rest of the document settles."""
        tokens, found = self.choices(text, memory)
        words = [i for i, t in enumerate(tokens) if t.kind == "word"]
        out = [(self.acronym(t) or "").upper() or t.text for t in tokens]
        for n, i in enumerate(words):
            shown = shown_reading(found[i], min_confidence) if i in found else None
            if shown is None:
                continue
            neighbours = [tokens[words[k]] for k in (n - 1, n + 1) if 0 <= k < len(words)]
            upper = any(is_upper_word(t.text) and t.skeleton in self.inventory for t in neighbours)
            out[i] = apply_case(shown, tokens[i].text, upper)
        return "".join(out)
