"""How well the header reader reads documents it has never seen, on pages saved from a legal-text
website: the site's metadata table is the truth, and it is cut from each page before reading.

    python -m eval.header_accuracy FOLDER [--json out.json] [--examples 3]

Every `.md` / `.txt` page of FOLDER that holds a directive and the site's table is read as the
ingest reads it (`parse_document`); number, type, date, place (the province, or the issuing
body), signer and title are compared with the table and the page's title line. Prints accuracy
per field and the kinds of misses (missing / partial / wrong) with a few examples.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eval.header_truth import FIELDS, LegalPage, legal_page, matches, miss_kind, ours
from ingest.chunks import parse_document
from ingest.read import UnreadableDocument, read_document


def legal_pages(folder: Path) -> list[LegalPage]:
    pages = []
    for path in sorted([*folder.glob("*.md"), *folder.glob("*.txt")]):
        try:
            text = read_document(path).text
        except UnreadableDocument:
            continue
        if page := legal_page(path.name, text):
            pages.append(page)
    return pages


def score(pages: list[LegalPage], progress: bool = True) -> dict:
    """Per field: pages with a truth, right, and the misses (kind, page, truth, ours)."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: dict[str, list[dict]] = defaultdict(list)
    for n, page in enumerate(pages, 1):
        meta = parse_document(page.name, page.document).meta
        for name in FIELDS:
            if name not in page.truth:
                continue
            truth = page.truth[name]
            found = ours(meta, name, truth)
            total[name] += 1
            if matches(name, truth, found):
                right[name] += 1
            else:
                kind = miss_kind(name, truth, found)
                misses[name].append({"kind": kind, "page": page.name, "truth": truth, "ours": found})
        if progress and n % 25 == 0:
            print(f"  read {n}/{len(pages)} pages", file=sys.stderr)
    fields = {
        name: {"pages": total[name], "right": right[name], "accuracy": round(right[name] / total[name], 3)}
        for name in FIELDS
        if total[name]
    }
    return {"pages": len(pages), "fields": fields, "misses": dict(misses)}


def print_report(report: dict, examples: int) -> None:
    print(f"{report['pages']} legal pages (site table cut before reading)")
    print(f"{'field':8} {'right':>9} {'accuracy':>9}  misses by kind")
    for name, row in report["fields"].items():
        kinds = Counter(m["kind"] for m in report["misses"].get(name, []))
        shown = ", ".join(f"{k} {v}" for k, v in kinds.most_common()) or "-"
        print(f"{name:8} {row['right']:>4}/{row['pages']:<4} {row['accuracy']:>9.3f}  {shown}")
    for name, found in report["misses"].items():
        for miss in found[:examples]:
            ours_text = (miss["ours"] or "∅")[:90]
            print(
                f"  {name} {miss['kind']}: {miss['page']}: site {miss['truth'][:90]!r} / ours {ours_text!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.header_accuracy", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("folder", type=Path, help="folder of saved pages (.md / .txt)")
    parser.add_argument("--json", type=Path, help="also write the report (with every miss) here")
    parser.add_argument("--examples", type=int, default=3, help="misses shown per field (default 3)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: not a folder: {args.folder}", file=sys.stderr)
        return 2
    pages = legal_pages(args.folder)
    if not pages:
        print(
            f"error: no page in {args.folder} holds a directive and the site's metadata table",
            file=sys.stderr,
        )
        return 2
    report = score(pages)
    print_report(report, args.examples)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
