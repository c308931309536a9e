"""The "Chỉ tiêu" tab: targets by year × level, each metric's path across the years the documents
name, and the "Nhiệm vụ" table of tasks by lead unit and deadline. Every row names its source and
section so a reader can check the number in the directive itself; an OCR document's words read
as restored. The year choices are the years of the records indexed when the page loads.

Call `build_records_tab(get_service)` inside an open `gr.Blocks`; it returns the page-load update.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

import gradio as gr
import pandas as pd

from assistant.records import LEVELS, filter_targets, filter_tasks, year_choices
from assistant.records_api import service_records

TARGET_HEADERS = [
    "Năm",
    "Giai đoạn",
    "Cấp học",
    "Chỉ tiêu",
    "Giá trị",
    "Số",
    "Đơn vị",
    "So sánh",
    "Tỉnh",
    "Nguồn",
    "Mục",
    "Đoạn",
]
TASK_HEADERS = [
    "Đơn vị chủ trì",
    "Thời hạn",
    "Hạn (ISO)",
    "Nhiệm vụ",
    "Sản phẩm",
    "Nguồn",
    "Mục",
    "Đoạn",
]
# every column plain text except the last, a Markdown link to the passage
TARGET_TYPES = ["str"] * (len(TARGET_HEADERS) - 1) + ["markdown"]
TASK_TYPES = ["str"] * (len(TASK_HEADERS) - 1) + ["markdown"]
_COMPARATORS = {"at_least": "≥", "at_most": "≤", "exact": "="}


def passage_link(record: dict) -> str:
    """'[II.2.(3)](/api/chunks/<id>)': the row's section, linking to the passage it came from."""
    label = record.get("section_label") or "—"
    label = re.sub(r"([\\\[\]])", r"\\\1", label)
    chunk_id = record.get("chunk_id")
    return f"[{label}](/api/chunks/{quote(str(chunk_id), safe='')})" if chunk_id else label


def _target_order(t: dict) -> tuple:
    level = LEVELS.index(t["level"]) if t["level"] in LEVELS else len(LEVELS)
    return (t.get("metric_key") or "", t.get("year") or 0, level)


def targets_frame(targets: list[dict]) -> pd.DataFrame:
    rows = [
        [
            t.get("year") or "",
            t.get("period") or "",
            t["level"],
            t.get("metric_label") or t["metric"],
            t.get("display_value") or t["value"],
            t["number"],
            t["unit"],
            _COMPARATORS.get(t["comparator"], t["comparator"]),
            t.get("province") or "",
            t["source"],
            t["section_label"],
            passage_link(t),
        ]
        for t in sorted(targets, key=_target_order)
    ]
    return pd.DataFrame(rows, columns=TARGET_HEADERS)


def trend_frame(targets: list[dict]) -> pd.DataFrame:
    """One point per (metric, level, year) for percentage targets given for a single year."""
    points: dict[tuple, dict] = {}
    for t in targets:
        if t["unit"] != "%" or not t.get("year") or (t.get("period") or "").count("-"):
            continue
        series = f"{t.get('metric_label') or t['metric']} ({t['level']})"
        points.setdefault(
            (series, t["year"]),
            {"Năm": str(t["year"]), "Giá trị (%)": t["number"], "Chỉ tiêu": series},
        )
    frame = pd.DataFrame(list(points.values()), columns=["Năm", "Giá trị (%)", "Chỉ tiêu"])
    counts = frame.groupby("Chỉ tiêu")["Năm"].transform("count") if len(frame) else frame["Năm"]
    return frame[counts > 1].sort_values(["Chỉ tiêu", "Năm"]) if len(frame) else frame


def tasks_frame(tasks: list[dict]) -> pd.DataFrame:
    rows = [
        [
            t.get("lead_name") or t.get("lead") or "",
            t.get("deadline") or "",
            t.get("deadline_date") or "",
            t.get("display_task") or t["task"],
            t.get("output") or "",
            t["source"],
            t["section_label"],
            passage_link(t),
        ]
        for t in sorted(tasks, key=lambda t: (t.get("deadline_date") or "9999", t.get("lead_name") or ""))
    ]
    return pd.DataFrame(rows, columns=TASK_HEADERS)


def target_years(targets: list[dict]) -> list[str]:
    """The year dropdown's choices: any year, then the records' years, newest first."""
    return ["", *(str(year) for year in year_choices(targets))]


def _targets_section(records: Callable[[], tuple[list[dict], list[dict]]]):
    """The targets table and chart with their filters; the year dropdown, filled on load."""

    def show_targets(year, level, province, q):
        year_value = int(year) if str(year or "").strip().isdigit() else None
        wanted = {"level": level or None, "province": province or None, "q": q or None}
        rows = filter_targets(records()[0], year=year_value, **wanted)
        return targets_frame(rows), trend_frame(filter_targets(records()[0], **wanted))

    gr.Markdown("Chỉ tiêu định lượng trích từ văn bản; mỗi dòng kèm nguồn và mục.")
    with gr.Row():
        year = gr.Dropdown([""], value="", label="Năm", allow_custom_value=True,
                           elem_id="eduqa-target-year")  # fmt: skip
        level = gr.Dropdown(["", *LEVELS], value="", label="Cấp học")
        province = gr.Textbox(label="Tỉnh", placeholder="Cà Mau")
        query = gr.Textbox(label="Tìm (không cần dấu)", placeholder="chuan quoc gia")
    targets_table = gr.Dataframe(lambda: targets_frame(records()[0]), headers=TARGET_HEADERS,
                                 datatype=TARGET_TYPES, label="Chỉ tiêu", wrap=True,
                                 interactive=False)  # fmt: skip
    trend = gr.LinePlot(lambda: trend_frame(records()[0]), x="Năm", y="Giá trị (%)", color="Chỉ tiêu",
                        label="Chỉ tiêu qua các năm (%)", title="Chỉ tiêu qua các năm")  # fmt: skip
    for control in (year, level, province, query):
        control.change(show_targets, [year, level, province, query], [targets_table, trend])
    return year


def _tasks_section(records: Callable[[], tuple[list[dict], list[dict]]]) -> None:
    """The tasks table with its filters by lead unit, deadline and words."""

    def show_tasks(lead, before, q):
        rows = filter_tasks(records()[1], lead=lead or None, before=before or None, q=q or None)
        return tasks_frame(rows)

    with gr.Accordion("Nhiệm vụ", open=True):
        with gr.Row():
            lead = gr.Textbox(label="Đơn vị chủ trì", placeholder="Phòng KHTC")
            before = gr.Textbox(label="Hạn trước (YYYY-MM)", placeholder="2024-06")
            task_query = gr.Textbox(label="Tìm (không cần dấu)")
        tasks_table = gr.Dataframe(lambda: tasks_frame(records()[1]), headers=TASK_HEADERS,
                                   datatype=TASK_TYPES, label="Nhiệm vụ", wrap=True,
                                   interactive=False)  # fmt: skip
        for control in (lead, before, task_query):
            control.change(show_tasks, [lead, before, task_query], [tasks_table])


def build_records_tab(get_service: Callable[[], object]):
    """Add the "Chỉ tiêu" tab to the enclosing gr.Blocks; data is read when the page loads.

    Returns (fn, outputs) for the page's load event: the year choices of the indexed records."""

    def records():
        return service_records(get_service())

    with gr.Tab("Chỉ tiêu"):
        year = _targets_section(records)
        _tasks_section(records)

    def load_years():
        return gr.update(choices=target_years(records()[0]), value="")

    return load_years, [year]
