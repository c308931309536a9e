"""`eduqa eval --perturb`: a set's answerable questions asked beside their metamorphic negatives
(eval/perturb.py), with refusal recall per kind of negative and group, the originals' answers,
and whether each refusal is written in the question's language."""

from __future__ import annotations

from collections import defaultdict

from rich.table import Table

from eval.groups import GROUPS
from eval.perturb import KINDS, CorpusFacts, perturbed_set

REFUSAL_OPENINGS = {"en": "The documents do not say", "vi": "Không tìm thấy thông tin"}


def refusal_language_ok(record: dict) -> bool:
    """A refusal opens in the question's language (unaccented Vietnamese is answered in Vietnamese)."""
    language = "en" if record.get("lang") == "en" else "vi"
    return (record.get("answer") or "").startswith(REFUSAL_OPENINGS[language])


def run_perturbed(settings, set_name, questions, configs, console=None, corpus=None, reindex=False):
    """Index the set's corpus, write the negatives from the index's own facts, ask everything."""
    from assistant.service import AssistantService
    from eval.run import run_eval
    from eval.setcorpus import prepare_index
    from eval.sets import settings_for

    own_settings, root = settings_for(set_name, settings, corpus)
    service = AssistantService(own_settings, owner="eduqa eval")
    try:
        if root is not None:
            prepare_index(service, root, console, reindex=reindex)
        elif reindex or service.is_stale():
            service.ingest()
        originals, negatives = perturbed_set(questions, CorpusFacts.of_service(service))
        wanted = [c for c in (configs or ["bm25", "dense", "hybrid"]) if c != "naive-chunks"]
        result = run_eval(own_settings, configs=wanted, console=console, service=service,
                          questions=originals + negatives, set_name=set_name)  # fmt: skip
    finally:
        service.close()
    result.meta["perturb"] = perturb_summary(result, {q["id"]: q.get("perturb", "") for q in negatives})
    return result


def perturb_summary(result, kind_of: dict[str, str]) -> dict:
    """config -> group -> row ('original' and each kind) -> counts and shares."""
    out: dict = {}
    for name, entry in result.configs.items():
        rows: dict = defaultdict(
            lambda: defaultdict(lambda: {"n": 0, "refused": 0, "correct": 0, "language_ok": 0})
        )
        for r in entry["records"]:
            row = kind_of.get(r["id"]) or "original"
            cell = rows[r["group"]][row]
            cell["n"] += 1
            cell["refused"] += not r["answerable"]
            cell["correct"] += bool((r.get("scores") or {}).get("answer_correct"))
            cell["language_ok"] += (not r["answerable"]) and refusal_language_ok(r)
        out[name] = {g: {k: dict(v) for k, v in rows[g].items()} for g in GROUPS}
    return out


def perturb_table(summary: dict) -> Table:
    table = Table(
        title="Metamorphic negatives: refusal recall per kind (originals: wrong refusals, answer correct)"
    )
    for col in (
        "config",
        "group",
        "originals n",
        "wrong refusals",
        "answer",
        *KINDS,
        "all negatives",
        "refusal lang",
    ):
        table.add_column(col, justify="left" if col in ("config", "group") else "right")
    for name, groups in summary.items():
        for group, rows in groups.items():
            orig = rows.get("original", {"n": 0})
            negatives = [rows[k] for k in KINDS if k in rows]
            refused = sum(c["refused"] for c in negatives)
            table.add_row(
                name, group, str(orig["n"]), _share(orig.get("refused", 0), orig["n"]),
                _share(orig.get("correct", 0), orig["n"]),
                *[_recall(rows.get(k)) for k in KINDS],
                _recall({"n": sum(c["n"] for c in negatives), "refused": refused}),
                _share(sum(c["language_ok"] for c in negatives), refused),
            )  # fmt: skip
    return table


def _recall(cell: dict | None) -> str:
    if not cell or not cell["n"]:
        return "–"
    return f"{cell['refused'] / cell['n']:.2f} ({cell['refused']}/{cell['n']})"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "–"
