"""Structured records from directive chunks: quantitative targets (chỉ tiêu) and assigned tasks.

Why a separate pass: the search index answers questions, but "what is the 2025 target for
THCS?" or "what must Phòng KHTC deliver before mid-2024?" want a table, not passages. Half the
corpus is OCR that lost its diacritics ("Ti le truing dat chuin qu6c gia dat 90,14%"), so all
matching runs on accent-folded, OCR-normalised text whose character offsets equal the original
text's; the record keeps the words as written (for quoting) and adds normalised keys (for
filtering and charting), so an OCR copy and a clean copy give the same record.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from assistant.levels import LEVELS as LEVELS
from assistant.levels import levels_in as level_names
from assistant.levels import strip_levels
from ingest.appendix import parse_deadline
from ingest.sections import section_label
from ingest.text import fold_accents

# -- text normalisation ------------------------------------------------------------------------

# OCR puts digits for letters inside words: "qu6c" (quốc), "h9c" (học), "d8c" (đốc), "T14" (TH).
_DIGIT_AS_LETTER = str.maketrans({"6": "o", "0": "o", "9": "o", "8": "o", "4": "a", "1": "l"})
_MIXED_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


def _fix_word(m: re.Match) -> str:
    word = m.group(0)
    if word == "t14":  # "TH" read as T-1-4; keep the length so offsets still line up
        return "th "
    return word.translate(_DIGIT_AS_LETTER) if any(ch.isdigit() for ch in word) else word


def norm(text: str) -> str:
    """Folded, lower-case text with OCR digit-letters repaired, offsets equal to `text`'s.

    Length is preserved so a match found here can be cut out of the original text as written.
    """
    folded = fold_accents(text)
    if len(folded) != len(text):  # a character whose lower case changes length: rare, keep it
        folded = "".join(fold_accents(ch)[:1] or " " for ch in text)
    return _MIXED_WORD.sub(_fix_word, folded)


def key_of(text: str) -> str:
    """A comparison key: folded, OCR-repaired, punctuation dropped, spaces squeezed."""
    return " ".join(re.sub(r"[^a-z0-9%/]+", " ", norm(text)).split())


# -- known metrics: OCR variants are mapped onto these by fuzzy matching ------------------------

_METRIC_LABELS = (
    "tỷ lệ trường đạt chuẩn quốc gia",
    "tỷ lệ học sinh tiểu học học 2 buổi/ngày",
    "tỷ lệ học sinh hoàn thành chương trình lớp học",
    "học sinh lớp 5 hoàn thành chương trình tiểu học",
    "tỷ lệ học sinh trung học lên lớp thẳng",
    "tỷ lệ tốt nghiệp THPT",
    "học sinh đạt chuẩn năng lực ngoại ngữ",
    "học sinh đạt giải Olympic khu vực và quốc tế",
    "tỷ lệ trường và cơ sở giáo dục áp dụng hệ thống quản trị dựa trên dữ liệu và công nghệ số",
    "nguồn lực, chương trình và đối tượng giáo dục được quản lý trên môi trường số",
    "phổ cập giáo dục",
    "xóa mù chữ",
    "thành phố tham gia mạng lưới thành phố học tập toàn cầu UNESCO",
    "giáo viên đạt chuẩn trình độ đào tạo",
    "cơ sở giáo dục cập nhật dữ liệu",
    "tỷ lệ chi cho hoạt động giảng dạy và học tập trong tổng chi thường xuyên",
)
# folded key -> label as a reader writes it
KNOWN_METRICS: dict[str, str] = {key_of(label): label for label in _METRIC_LABELS}
KEY_DIGITAL = key_of(_METRIC_LABELS[9])
# Words that say which metric a phrase is about even when the OCR garbles the rest.
_METRIC_HINTS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"chu\w{0,2}n\s+\w{2,5}\s+gia"), "ty le truong dat chuan quoc gia"),
    (re.compile(r"2 bu\w{0,2}i"), "ty le hoc sinh tieu hoc hoc 2 buoi/ngay"),
    (re.compile(r"lop 5"), "hoc sinh lop 5 hoan thanh chuong trinh tieu hoc"),
    (re.compile(r"chuong trinh l\w{0,2}p hoc"), "ty le hoc sinh hoan thanh chuong trinh lop hoc"),
    (re.compile(r"len l\w{0,2}p"), "ty le hoc sinh trung hoc len lop thang"),
    (re.compile(r"t\w{0,2}t nghi\w{0,3}"), "ty le tot nghiep thpt"),
    (re.compile(r"ngoai ng"), "hoc sinh dat chuan nang luc ngoai ngu"),
    (re.compile(r"olympic"), "hoc sinh dat giai olympic khu vuc va quoc te"),
    (
        re.compile(r"quan tri d\w{0,3} tren"),
        "ty le truong va co so giao duc ap dung he thong quan tri dua tren du lieu va cong nghe so",
    ),
    (re.compile(r"moi t\w{1,6} so|^nguon luc"), KEY_DIGITAL),
    (re.compile(r"unesco"), "thanh pho tham gia mang luoi thanh pho hoc tap toan cau unesco"),
    (re.compile(r"ph\w{0,2} c\w{0,2}p"), "pho cap giao duc"),
    (re.compile(r"x\w{0,2}a m\w{0,2} ch"), "xoa mu chu"),
    (
        re.compile(r"chi thuong xuyen"),
        "ty le chi cho hoat dong giang day va hoc tap trong tong chi thuong xuyen",
    ),
    (re.compile(r"trinh do dao tao"), "giao vien dat chuan trinh do dao tao"),
    (re.compile(r"cap nhat (?:du|\S{1,3}) lieu"), "co so giao duc cap nhat du lieu"),
]


def metric_key(phrase: str) -> str:
    """Map a metric phrase (clean or OCR) to a known key; unknown phrases keep their own key.

    Cue words first (they survive OCR better than whole phrases), then a fuzzy match.
    """
    key = key_of(phrase)
    for pattern, known in _METRIC_HINTS:
        if pattern.search(key):
            return known
    best, score = key, 0.0
    for known in KNOWN_METRICS:
        ratio = SequenceMatcher(None, key, known).ratio()
        if ratio > score:
            best, score = known, ratio
    return best if score >= 0.75 else key


# -- levels -------------------------------------------------------------------------------------


def levels_in(text: str) -> list[str]:
    """School levels named in a phrase, in reading order ('cấp TH', 'THCS', 'trung học')."""
    return level_names(norm(text))


def _level_of(phrase: str, context: str) -> list[str]:
    """The phrase's own level wins ('tốt nghiệp THPT'); else the item's 'Đối với giáo dục X:'."""
    own = levels_in(phrase)
    if own:
        # "học sinh trung học" also contains "tiểu học"-free text; a phrase naming
        # "tiểu học" and "THCS" in one breath (PCGD TH, THCS) gives both.
        return own
    return levels_in(context)[:1] or ["all"]


# -- values -------------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_AT_LEAST_AFTER = re.compile(r"^\s*%?\s*(?:tr[^\s\d]{0,3}\s*l[e]n|tr[^\s\d]{0,2}l[e]n)\b")
_VALUE = re.compile(
    rf"(?P<pct>(?<![\d/.,-])(?P<pn>{_NUM})\s*%)"
    rf"|(?P<bare>(?<=ti le )(?P<bn>{_NUM})(?=\s*tr[^\s\d]{{0,3}}\s*len))"
    rf"|(?P<bare2>(?<=ty le )(?P<bn2>{_NUM})(?=\s*tr[^\s\d]{{0,3}}\s*len))"
    r"|(?P<cnt>(?<![\d/.,-])(?P<cn>\d{1,3})\s+(?P<cu>hoc sinh|thanh pho|truong(?: hoc)?|giao vien"
    r"|huyen))\b"
    r"|(?P<lvl>\bm[a-z]{1,4}\s+do\s+(?P<ln>[1-4])\b)"
)
_UNITS = {
    "hoc sinh": "học sinh",
    "thanh pho": "thành phố",
    "truong": "trường",
    "truong hoc": "trường",
    "giao vien": "giáo viên",
    "huyen": "huyện",
}
_BEFORE_AT_LEAST = re.compile(r"(?:toi thieu|it nhat|tren|ten)\s*$")
_BEFORE_AT_MOST = re.compile(r"(?:toi da|duoi|khong qua)\s*$")

# Leading and trailing filler around a metric phrase: "(1)", "phấn đấu", "trong đó", "đạt".
_LEAD_FILLER = re.compile(
    r"^(?:[\s,.;:()\-•]|\(\d\)|\d\)|phan\s+\S{1,3}u|duy tri|tap trung|nang|dam bao|trong do"
    r"|bao dam|co\b|va\b|den\s+\S{2,5}\s+20\d\d|giai doan 20\d\d\s*-\s*20\d\d|\bal\)|cap\b)+"
)
_TRAIL_FILLER = re.compile(r"(?:[\s,.;:()]|\bdat ti le|\bdat ty le|\bdat\b|\bla\b|\bvao\b|\bo\b)+$")
_HAS_AFTER = re.compile(r"(?:^|\s)(?:co|bao dam|dam bao)\s*$")  # "Quảng Ninh có 100% giáo viên …"
_DOI_VOI = re.compile(r"^\s*(?:\(\d\)\s*)?d\S{0,3}\s+v\S{0,3}\s+([^:;]{3,40}):")
_CLAUSE_SPLIT = re.compile(r";|\.(?=\s|$)(?<!\d\.)")

_YEAR_IN_SENTENCE = re.compile(r"\b(?:den|vao|het|toi|trong)\s+\S{2,5}\s+(20\d\d)\b")
_PERIOD = re.compile(r"\bgiai\s+doan\s+(20\d\d)\s*-\s*(20\d\d)\b")
_HEADING_YEAR = re.compile(r"\b(20\d\d)\b")
_SCHOOL_YEAR = re.compile(r"nam\s+hoc\s+(20\d\d)\s*-\s*(20\d\d)")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _heading_year(titles: list[str]) -> int | None:
    """Year from a heading on the path: 'Chỉ tiêu đến năm 2025' (OCR 'Chi tieu den Ham 2025')."""
    year = None
    for title in titles[:-1] if len(titles) > 1 else titles:
        key = norm(title)
        if len(key) < 80 and "tieu" in key and (m := _HEADING_YEAR.search(key)):
            year = int(m.group(1))
    return year


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: targets are listed one per ';'-separated clause."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _strip_filler(text: str, key: str) -> tuple[str, str]:
    """Cut filler words off both ends of a phrase, in step on the written and the folded text."""
    if m := _LEAD_FILLER.match(key):
        text, key = text[m.end() :], key[m.end() :]
    if m := _TRAIL_FILLER.search(key):
        text, key = text[: m.start()], key[: m.start()]
    return text.strip(), key.strip()


def _is_level_only(key: str) -> bool:
    rest = strip_levels(key)
    return not re.sub(r"\b(?:cap|va|al\)|trong do)\b|[\s,()]", "", rest)


def extract_targets(chunk: dict) -> list[dict]:
    """Every quantitative target in a chunk, one record per value and school level.

    A clause like "tỷ lệ trường đạt chuẩn quốc gia đạt 90,14%, trong đó cấp TH đạt 93,1%" gives
    the overall value and then per-level values that inherit the metric named before them.
    """
    text = chunk.get("text") or ""
    if not text or (chunk.get("section") or [""])[0] == "appendix":
        return []
    key_text = norm(text)
    titles = chunk.get("titles") or []
    heading_year = _heading_year(titles)
    context_level = ""
    if m := _DOI_VOI.match(key_text):
        context_level = m.group(1)
    doc = chunk.get("doc") or {}
    records: list[dict] = []
    for c_start, c_end in _clauses(text):
        clause, ckey = text[c_start:c_end], key_text[c_start:c_end]
        sentence_year = None
        period = None
        if m := _PERIOD.search(ckey):
            period = f"{m.group(1)}-{m.group(2)}"
            sentence_year = int(m.group(2))
        elif m := _YEAR_IN_SENTENCE.search(ckey):
            sentence_year = int(m.group(1))
        year = sentence_year or heading_year
        if not year and not period and (m := _SCHOOL_YEAR.search(norm(doc.get("title") or ""))):
            period = f"{m.group(1)}-{m.group(2)}"  # a plan for one school year: its targets too
        prev_end = 0
        last_metric: tuple[str, str] | None = None
        for vm in _VALUE.finditer(ckey):
            before_text, before_key = clause[prev_end : vm.start()], ckey[prev_end : vm.start()]
            # the metric phrase starts after the last ", " unless what follows it is only a level
            cut = 0
            for cm in re.finditer(r",\s+", before_key):
                if not _is_level_only(before_key[cm.end() :]) and re.search(
                    r"[a-z]{3}", before_key[cm.end() :]
                ):
                    cut = cm.end()
            if m := _DOI_VOI.match(before_key):
                cut = max(cut, m.end())
            phrase, phrase_key = _strip_filler(before_text[cut:], before_key[cut:])
            value_text = clause[vm.start() : vm.end()]
            after_key = ckey[vm.end() :]
            comparator = "exact"
            if am := _AT_LEAST_AFTER.match(after_key):
                value_text = clause[vm.start() : vm.end() + am.end()]
                comparator = "at_least"
            elif _BEFORE_AT_LEAST.search(before_key) or re.search(r"toi thieu|it nhat", before_key):
                comparator = "at_least"
            elif _BEFORE_AT_MOST.search(before_key):
                comparator = "at_most"
            if vm.group("pct"):
                number, unit = _number(vm.group("pn")), "%"
            elif vm.group("bare") or vm.group("bare2"):
                number, unit = _number(vm.group("bn") or vm.group("bn2")), "%"
            elif vm.group("cnt"):
                number, unit = float(vm.group("cn")), _UNITS[vm.group("cu")]
            else:
                number, unit = float(vm.group("ln")), "mức độ"
            level_words = phrase_key
            if vm.group("cnt"):  # "01 học sinh đạt giải Olympic…": the metric follows the number
                tail_start = vm.start("cu")
                phrase = clause[tail_start:].strip(" .;,")
                phrase_key = ckey[tail_start:].strip(" .;,")
            elif _HAS_AFTER.search(before_key[cut:]) and not _is_level_only(ckey[vm.end() :]):
                phrase = _words(clause[vm.end() :].strip(" .;,"))
                phrase_key = _words(ckey[vm.end() :].strip(" .;,"))
            elif not phrase_key or len(phrase_key) < 4 or _is_level_only(phrase_key):
                if last_metric and phrase_key:
                    phrase, phrase_key = last_metric
                elif not phrase_key:  # "100% nguồn lực … được quản lý trên môi trường số"
                    phrase = _words(clause[vm.end() :].strip(" .;,"))
                    phrase_key = _words(ckey[vm.end() :].strip(" .;,"))
                elif last_metric:
                    phrase, phrase_key = last_metric
            if not phrase_key:
                prev_end = vm.end()
                continue
            levels = _level_of(level_words or phrase_key, context_level)
            if last_metric and (phrase, phrase_key) == last_metric and not levels_in(level_words):
                levels = ["all"]
            last_metric = (phrase, phrase_key)
            mkey = metric_key(phrase_key)
            if mkey == "ty le truong dat chuan quoc gia" and unit == "mức độ":
                mkey = "truong dat chuan quoc gia muc do"
            for level in levels:
                records.append(
                    {
                        "metric": phrase,
                        "metric_key": mkey,
                        "metric_label": KNOWN_METRICS.get(mkey, phrase),
                        "level": level,
                        "value": value_text.strip(),
                        "number": number,
                        "unit": unit,
                        "comparator": comparator,
                        "year": year,
                        "period": period or (str(year) if year else None),
                        "province": doc.get("province"),
                        "source": chunk.get("source"),
                        "section": list(chunk.get("section") or []),
                        "section_label": section_label(chunk.get("section") or []),
                        "quote": clause.strip(),
                        "chunk_id": chunk.get("id"),
                    }
                )
            prev_end = vm.end() + (len(value_text) - (vm.end() - vm.start()))
    return records


def _words(text: str, limit: int = 24) -> str:
    """At most `limit` words: a metric that follows its value runs to the clause end."""
    return " ".join(text.split()[:limit])


# -- tasks --------------------------------------------------------------------------------------

_TEXT_DEADLINE = re.compile(
    r"(?:hoan\s+thanh\s+tr\S{1,4}|tr\S{1,4}\s+ngay|cham\s+nhat(?:\s+ngay)?)\s+(?:ngay\s+)?"
    r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4})"
)
_UNIT_TASKS = re.compile(r"(?m)^\s*-\s*([^:;()\n]{3,60}?):\s*(?=\(1\))")
_NUMBERED = re.compile(r"\((\d)\)\s*")


# Units that lead appendix tasks, so OCR spellings ("Pheng KIITC", "Ph6ng TCCBQLCL") group.
KNOWN_UNITS = (
    "Phòng KHTC",
    "Phòng TCCBQLCL",
    "Phòng GDPT",
    "Phòng GDTXGDMN",
    "Văn phòng Sở",
    "Văn phòng",
    "Tổ Nghị quyết",
    "Phòng GDĐT",
    "Thanh tra Sở",
)


def canonical_lead(lead: str | None) -> str | None:
    """The lead unit(s) with each OCR-garbled name mapped to the closest known unit name."""
    if not lead:
        return None
    names = []
    for piece in re.split(r"\s*;\s*", lead):
        key = key_of(piece)
        best, score = piece.strip(), 0.0
        for unit in KNOWN_UNITS:
            ratio = SequenceMatcher(None, key, key_of(unit)).ratio()
            if ratio > score:
                best, score = unit, ratio
        names.append(best if score >= 0.7 else piece.strip())
    return "; ".join(names)


def _task(
    chunk: dict,
    task: str,
    lead: str | None,
    deadline: str | None,
    partners: str | None = None,
    output: str | None = None,
) -> dict:
    section = list(chunk.get("section") or [])
    return {
        "task": " ".join(task.split()),
        "lead": lead,
        "lead_name": canonical_lead(lead),
        "partners": partners,
        "deadline": deadline,
        "deadline_date": parse_deadline(deadline),
        "output": output,
        "province": (chunk.get("doc") or {}).get("province"),
        "source": chunk.get("source"),
        "section": section,
        "section_label": section_label(section),
        "chunk_id": chunk.get("id"),
    }


def extract_tasks(chunk: dict) -> list[dict]:
    """Assigned tasks: each appendix row, each 'Unit: (1) …; (2) …' list, each 'hoàn thành
    trước dd/mm/yyyy' duty (its lead is the unit named in the heading it sits under)."""
    section = chunk.get("section") or []
    extra = chunk.get("extra") or {}
    if section[:1] == ["appendix"]:
        task = extra.get("task") or chunk.get("text") or ""
        return [
            _task(
                chunk,
                task,
                extra.get("lead"),
                extra.get("deadline"),
                extra.get("partners"),
                extra.get("output"),
            )
        ]
    text = chunk.get("text") or ""
    key_text = norm(text)
    tasks: list[dict] = []
    for m in _UNIT_TASKS.finditer(key_text):
        lead = text[m.start(1) : m.end(1)].strip()
        end = text.find("\n-", m.end())
        body = text[m.end() : end if end > 0 else len(text)]
        items = _NUMBERED.split(body)
        for number, item in zip(items[1::2], items[2::2], strict=False):
            item = item.strip(" ;.\n")
            if item:
                d = _TEXT_DEADLINE.search(norm(item))
                deadline = item[d.start(1) : d.end(1)] if d else None
                tasks.append(_task(chunk, item, lead, deadline) | {"item": number})
    for d in _TEXT_DEADLINE.finditer(key_text):
        if any(
            t["deadline"] and t["task"] in " ".join(text.split())
            for t in tasks
            if d.start() >= 0 and t["deadline"] == text[d.start(1) : d.end(1)]
        ):
            continue
        start = max(text.rfind("\n", 0, d.start()), text.rfind(";", 0, d.start())) + 1
        end_candidates = [i for i in (text.find("\n", d.end()), text.find(";", d.end())) if i >= 0]
        end = min(end_candidates) if end_candidates else len(text)
        sentence = text[start:end].strip(" -;.\n")
        titles = chunk.get("titles") or []
        lead = titles[-1] if titles else None
        tasks.append(_task(chunk, sentence, lead, text[d.start(1) : d.end(1)]))
    return tasks


# -- the whole corpus ----------------------------------------------------------------------------


def build_records(chunks: list[dict]) -> tuple[list[dict], list[dict]]:
    """Targets and tasks of all chunks, skipping duplicate copies (the clean copy is enough).

    Within one chunk a value restated twice is kept once.
    """
    targets: list[dict] = []
    tasks: list[dict] = []
    for chunk in chunks:
        if chunk.get("duplicate_of"):
            continue
        seen: set[tuple] = set()
        for t in extract_targets(chunk):
            key = (t["metric_key"], t["level"], t["number"], t["year"], t["quote"])
            if key not in seen:
                seen.add(key)
                targets.append(t)
        tasks.extend(extract_tasks(chunk))
    return targets, tasks


def _matches(q: str | None, *fields: Any) -> bool:
    if not q:
        return True
    needle = key_of(q)
    return any(needle in key_of(str(f)) for f in fields if f)


def filter_targets(
    targets: list[dict],
    year: int | str | None = None,
    level: str | None = None,
    province: str | None = None,
    q: str | None = None,
) -> list[dict]:
    """Targets for a year (or a period covering it), a level, a province, words (any accents)."""
    out = []
    for t in targets:
        if year is not None and str(year).strip():
            y = int(str(year).strip())
            period = t.get("period") or ""
            bounds = [int(p) for p in re.findall(r"20\d\d", period)]
            if t.get("year") != y and not (len(bounds) == 2 and bounds[0] <= y <= bounds[1]):
                continue
        if level and key_of(level) != key_of(t["level"]):
            continue
        if province and key_of(province) != key_of(t.get("province") or ""):
            continue
        if not _matches(q, t["metric"], t.get("metric_label"), t["quote"], t["metric_key"]):
            continue
        out.append(t)
    return out


def filter_tasks(
    tasks: list[dict], lead: str | None = None, before: str | None = None, q: str | None = None
) -> list[dict]:
    """Tasks of a lead unit (any accents, part of the name), due by `before` (ISO date, month or
    year), and mentioning words. Tasks without a readable date are left out when `before` is set.
    """
    out = []
    for t in tasks:
        if lead and not _matches(lead, t.get("lead"), t.get("lead_name")):
            continue
        if before:
            date = t.get("deadline_date")
            if not date or date[: len(before)] > before:
                continue
        if not _matches(q, t["task"], t.get("output"), t.get("lead"), t.get("lead_name")):
            continue
        out.append(t)
    return out


def service_records(service) -> tuple[list[dict], list[dict]]:
    """(targets, tasks) of the service's indexed documents, made at ingest (see records_store)."""
    return service.records()
