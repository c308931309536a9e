"""Leave-documents-out: every benchmark document belongs to one group, `dev` or `held-out`.

Rules, weights and thresholds are fitted on questions about `dev` documents only
(`dev_questions()`); the benchmark reports every metric on both groups side by side, and the
held-out numbers are the ones that say whether a rule generalises. Questions are never split on
their own: a question goes with its document — the first gold source, or for an unanswerable
question the document it looks like (`near`). The split, documented here once:

- seeds (`eval/questions.jsonl` and `eval/sets/seeds.jsonl`, `corpus/`): `dev` = the Quảng Ninh
  plan and the Hải Phòng letter; `held-out` = the Bắc Giang plan and the Quảng Ninh notice (both
  copies). Seed unanswerable questions name no document, so they keep the set's own `dev` /
  `test` split (`test` → `held-out`).
- devcorpus (`eval/sets/devcorpus.jsonl`, the development corpus): the ten education documents
  are paired by kind and one of each pair goes each way — fee schedules (Hà Nội 60 dev, Vĩnh
  Long 22 held-out), procedure tables (Nghệ An 3771 dev, 3760 held-out), short decisions (Cà Mau
  dev; Cao Bằng and the Prime Minister's 2536 held-out), support resolutions (Vĩnh Long 21 dev),
  long documents (the 2018 programme dev, the codified-law heading held-out). Any other document
  (the non-education ones) goes by the parity of the SHA-1 of its path, which never changes when
  questions are added.
- recent (`eval/sets/recent.jsonl`, `<set corpora>/recent/`): eight education documents of late
  2025 that no rule was written on, paired by kind: fee policies (Huế 36 dev, Vĩnh Long 20
  held-out), fee levels and finance of high-quality public schools (Hà Nội 58 dev, Hà Nội 59
  held-out), provincial plans (Đồng Nai 182 dev, Hà Tĩnh 624 held-out), national circular vs
  department letter (Bộ GDĐT 21 dev, Hà Nội Sở GDĐT 5095 held-out).
- fresh (`eval/sets/fresh.jsonl`, `<set corpora>/fresh/`): eight more education documents of 2025,
  paired by kind: provincial plans with targets (Cần Thơ 153 dev, TP Hồ Chí Minh 174 held-out),
  letters on school tasks (Bộ VHTTDL 6386 dev, Sở GDĐT TP Hồ Chí Minh 5155 held-out), provincial
  decisions (Gia Lai 48 with item tables dev, Cao Bằng 52 held-out), national circulars (Bộ GDĐT
  05/2025 dev, the amendment of the science-contest regulation held-out).
- schoolyear (`eval/sets/schoolyear.jsonl`, `<set corpora>/schoolyear/`): eight school-year texts,
  paired by kind: guidance for the year (Sở GDĐT Hà Nội 3628 dev, Sở GDĐT TP Hồ Chí Minh 2512
  held-out), school calendars (Tuyên Quang 986 dev, the table of 63 provinces' year ends
  held-out), school plan templates (a nursery professional group dev, a primary school's 20/11
  performance held-out), national texts (Thông tư 29/2024 on extra classes dev, Chỉ thị 26/CT-TTg
  held-out).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

GROUPS = ("dev", "held-out")

_SEED_GROUPS = {
    "quangninh-kh-thuchien-kh281-2023-11-ocr.txt": "dev",
    "haiphong-cv2501-gdtx-2024-08-19-ocr.txt": "dev",
    "bacgiang-kh-nhiemvu-namhoc-2023-2024.txt": "held-out",
    "quangninh-tb3677-2023-12-15.txt": "held-out",
    "quangninh-tb3677-2023-12-15-ocr.txt": "held-out",
}
_DEVCORPUS_GROUPS = {
    "directives/hanoi-nq60-2025.txt": "dev",
    "directives/vinhlong-nq22-2025.txt": "held-out",
    "directives/nghean-qd3771-2025.txt": "dev",
    "directives/nghean-qd3760-2025.txt": "held-out",
    "directives/camau-qd1814-2025.txt": "dev",
    "directives/caobang-qd53-2025.txt": "held-out",
    "directives/ttg-qd2536-2025.txt": "held-out",
    "directives/vinhlong-nq21-2025.txt": "dev",
    "long/bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md": "dev",
    "long/phapdien-de-muc-giao-duc.md": "held-out",
}
_RECENT_GROUPS = {
    "hue-nq36-2025.txt": "dev",
    "vinhlong-nq20-2025.txt": "held-out",
    "hanoi-nq58-2025.txt": "dev",
    "hanoi-nq59-2025.txt": "held-out",
    "dongnai-kh182-2025.txt": "dev",
    "hatinh-kh624-2025.txt": "held-out",
    "bgddt-tt21-2025.txt": "dev",
    "hanoi-cv5095-2025.txt": "held-out",
}
_FRESH_GROUPS = {
    "cantho-kh153-2025.txt": "dev",
    "hcm-kh174-2025.txt": "held-out",
    "bvhttdl-cv6386-2025.txt": "dev",
    "hcm-cv5155-2025.txt": "held-out",
    "gialai-qd48-2025.txt": "dev",
    "caobang-qd52-2025.txt": "held-out",
    "bgddt-tt05-2025.txt": "dev",
    "bgddt-tt-nckh-2025.txt": "held-out",
}
_SCHOOLYEAR_GROUPS = {
    "hanoi-cv3628-2025.txt": "dev",
    "hcm-cv2512-2025.txt": "held-out",
    "tuyenquang-qd986-2024.txt": "dev",
    "lich-nghi-he-2025.txt": "held-out",
    "mau-kh-tocm-mamnon-2025.txt": "dev",
    "mau-kh-vannghe-tieuhoc-2025.txt": "held-out",
    "bgddt-tt29-2024.txt": "dev",
    "ttg-ct26-2025.txt": "held-out",
}
_TABLES = {
    "seeds": _SEED_GROUPS,
    "devcorpus": _DEVCORPUS_GROUPS,
    "recent": _RECENT_GROUPS,
    "fresh": _FRESH_GROUPS,
    "schoolyear": _SCHOOLYEAR_GROUPS,
}
_SPLIT_TO_GROUP = {"dev": "dev", "test": "held-out"}


def document_group(source: str, set_name: str = "devcorpus") -> str:
    """The group of one document (path relative to its corpus root)."""
    table = _TABLES.get(set_name, {})
    if source in table:
        return table[source]
    return GROUPS[int(hashlib.sha1(source.encode("utf-8")).hexdigest(), 16) % 2]


def group_table(set_name: str) -> dict[str, str]:
    """The documents a set places by name (document -> group); others go by hash parity."""
    return dict(_TABLES.get(set_name, {}))


def anchor(question: dict) -> str | None:
    """The document a question belongs to: its first gold source, else the one it looks like."""
    if question.get("gold"):
        return question["gold"][0]["source"]
    return question.get("near")


def question_group(question: dict, set_name: str = "devcorpus") -> str:
    doc = anchor(question)
    if doc is not None:
        return document_group(doc, set_name)
    split = question.get("split")
    if split in _SPLIT_TO_GROUP:
        return _SPLIT_TO_GROUP[split]
    raise ValueError(f"question {question.get('id')!r} has no document and no split to place it")


def by_group(questions: Iterable[dict], set_name: str = "devcorpus") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {g: [] for g in GROUPS}
    for q in questions:
        out[question_group(q, set_name)].append(q)
    return out


def dev_questions(set_name: str = "devcorpus") -> list[dict]:
    """The questions to fit rules, weights and thresholds on (never the held-out group)."""
    from eval.sets import load_set

    return by_group(load_set(set_name), set_name)["dev"]


def held_out_questions(set_name: str = "devcorpus") -> list[dict]:
    """Only for reporting."""
    from eval.sets import load_set

    return by_group(load_set(set_name), set_name)["held-out"]
