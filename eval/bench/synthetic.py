"""Synthetic corpora: the seed documents varied (province, years, document numbers), as files
for ingest, or as index points derived from real chunks that keep their real vectors."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from pathlib import Path

PROVINCES = ["Quảng Ninh", "Bắc Giang", "Hải Phòng"]
OTHER_PROVINCES = [
    "Thái Bình",
    "Nam Định",
    "Ninh Bình",
    "Hà Nam",
    "Hưng Yên",
    "Hải Dương",
    "Bắc Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Hà Giang",
    "Lào Cai",
    "Yên Bái",
    "Tuyên Quang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Thái Nguyên",
    "Bắc Kạn",
    "Sơn La",
    "Điện Biên",
    "Lai Châu",
    "Hòa Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau",
]
_DOC_NUMBER = re.compile(r"\b(\d{2,5})(/(?:KH|TB|CV|QĐ|SGDĐT|UBND|BGDĐT|KH-UBND|TB-SGDĐT))")
_YEAR = re.compile(r"\b(20[12]\d)\b")


def variant_text(text: str, n: int, rng: random.Random) -> str:
    """The seed text with its province, years and document numbers changed."""
    province = OTHER_PROVINCES[n % len(OTHER_PROVINCES)]
    for name in PROVINCES:
        text = text.replace(name, province).replace(name.upper(), province.upper())
    shift = 1 + n % 7
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return _DOC_NUMBER.sub(lambda m: f"{rng.randint(10, 9999)}{m.group(2)}", text)


def make_synthetic_corpus(seed_dir: Path, target: Path, chunks: int, seed_chunks: int) -> int:
    """Write variants of the seed documents to `target` until about `chunks` chunks; returns the
    number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    seeds = sorted(p for p in seed_dir.glob("*.txt") if p.is_file())
    copies = max(1, math.ceil(chunks / max(seed_chunks, 1)))
    rng = random.Random(13)
    written = 0
    for n in range(copies):
        for path in seeds:
            text = path.read_text(encoding="utf-8")
            (target / f"{path.stem}-v{n:04d}.txt").write_text(variant_text(text, n, rng), encoding="utf-8")
            written += 1
    return written


def _variant_source(source: str | None, n: int) -> str | None:
    if not source or n == 0:
        return source
    path = Path(source)
    return path.with_name(f"{path.stem}-v{n:04d}{path.suffix}").as_posix()


def variant_payload(payload: dict, n: int, rng: random.Random) -> dict:
    """The chunk as it would read in the n-th varied copy of its document (n=0: unchanged)."""
    from ingest.parsed import chunk_id

    if n == 0:
        return payload
    out = dict(payload)
    for key in ("text", "index_text", "heading_path", "section_title"):
        if isinstance(out.get(key), str):
            out[key] = variant_text(out[key], n, rng)
    doc = dict(out.get("doc") or {})
    if doc.get("province"):
        doc["province"] = OTHER_PROVINCES[n % len(OTHER_PROVINCES)]
    out["doc"] = doc
    out["source"] = _variant_source(payload["source"], n)
    out["duplicate_of"] = _variant_source(payload.get("duplicate_of"), n)
    out["id"] = chunk_id(out["source"], list(out.get("section") or []), out.get("part", 0))
    return out


def synthetic_points(
    seed_points: list[tuple[str, dict, dict]],
    copies: int,
    avgdl: float,
    dense: bool = True,
    sparse: bool = True,
    jitter: float = 0.02,
    reuse_sparse: bool = False,
) -> Iterator[tuple[str, dict, dict]]:
    """`copies` versions of the real indexed chunks: copy 0 is the real seed (so gold passages
    stay findable among distractors); copy n varies each chunk's text and payload, recomputes its
    BM25 vector from the varied text and reuses the real chunk's dense vector with a little noise
    (re-normalised), so the engine does the same work as on real embeddings. `reuse_sparse` keeps
    the real chunk's BM25 vector too (for very large corpora: tokenising is the slow part)."""
    import numpy as np

    from ingest.bm25 import doc_vector
    from ingest.index import DENSE, SPARSE

    noise = np.random.default_rng(13)
    for n in range(copies):
        rng = random.Random(n)
        for _pid, vectors, payload in seed_points:
            varied = variant_payload(payload, n, rng)
            text = varied.get("index_text") or varied.get("text", "")
            out: dict = {}
            if sparse:
                out[SPARSE] = vectors[SPARSE] if reuse_sparse else doc_vector(text, avgdl)
            if dense and DENSE in vectors:
                vector = np.asarray(vectors[DENSE], dtype=np.float32)
                if n:
                    vector = vector + noise.normal(0.0, jitter, vector.shape).astype(np.float32)
                out[DENSE] = (vector / np.linalg.norm(vector)).tolist()
            yield varied["id"], out, varied
