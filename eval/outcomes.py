"""One question's outcome in a benchmark run: what was retrieved, cited and answered, beside
what the question expects (its gold passages, its group)."""

from __future__ import annotations

from eval.groups import question_group
from eval.lead_shape import lead_shape
from eval.metrics import item_key, ranked_keys

__all__ = ["answer_record", "naive_record"]


def _record(q: dict, set_name: str, gold_keys: list[str] | None) -> dict:
    keys = ("id", "question", "lang", "kind", "gold", "must_contain", "answer")
    return {k: q.get(k) for k in keys} | {
        "expected_answer": q.get("answer"),
        "answer": "",
        "group": question_group(q, set_name),
        "gold_keys": gold_keys,
    }


def answer_record(q: dict, answer: dict, set_name: str = "seeds", gold_keys: list[str] | None = None) -> dict:
    """One question's outcome from an answer (the API contract as a dict). With `gold_keys`
    (chunk ids) the run is compared by chunk id, else by section key."""
    rec = _record(q, set_name, gold_keys)
    retrieved = answer.get("retrieved", [])
    by_id = gold_keys is not None
    rec.update(
        retrieved=ranked_keys(r["id"] for r in retrieved) if by_id else ranked_keys(retrieved),
        retrieved_ids=[r.get("id") for r in retrieved],
        retrieved_at=[item_key(r) for r in retrieved],
        citations=[c["id"] if by_id else item_key(c) for c in answer.get("citations", [])],
        answer=answer.get("answer", ""),
        answerable=bool(answer.get("answerable")),
        latency_ms=(answer.get("timings_ms") or {}).get("total"),
        lead_shape=lead_shape(q["question"], answer),  # eval/lead_shape.py
    )
    return rec


def naive_record(q: dict, passages: list, latency_ms: float, set_name: str = "seeds") -> dict:
    return _record(q, set_name, None) | {
        "retrieved": ranked_keys(passages),
        "retrieved_ids": [p.id for p in passages],
        "citations": [],
        "answerable": True,
        "latency_ms": latency_ms,
    }
