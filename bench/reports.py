"""Time the reports on a biennium of 1,000 activities and 300 action items.

    .venv/bin/python bench/reports.py                  # SQLite file in a temp dir
    .venv/bin/python bench/reports.py --runs 5
    .venv/bin/python bench/reports.py --activities 12 --action-items 8 --samples docs/report-samples

Builds a fresh database (migrations, then the reports world of tests/world/reports.py
written with bulk_create), then times, each ``--runs`` times (the median is printed):
the Secretary-General's report in Word (target < 5 s) and PDF (< 10 s), building its
data alone, the review pack in Word and PDF (no target), the matrix export to .xlsx (< 2 s) and .csv, and the import of the
exported workbook (< 5 s): unchanged (preview, nothing to write) and with 100 edited
rows applied. With ``--samples DIR``, also writes PNG renderings of the first pages of
each report as PDF (SG report in English, French and Arabic; review pack) into DIR, and,
when LibreOffice's ``soffice`` is installed, of the Word files (``*-word-page1.png``).
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)


def timed(runs: int, fn):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def edited_copy(data: bytes, rows: int) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb["Matrix"]
    for r in range(2, 2 + rows):
        ws.cell(row=r, column=2, value=f"{ws.cell(row=r, column=2).value} (revised)")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def samples(world, folder: Path) -> None:
    import pypdfium2 as pdfium

    from accord.reports.render import render
    from accord.reports.review_pack import build_review_pack
    from accord.reports.sg_report import build_sg_report

    folder.mkdir(parents=True, exist_ok=True)
    docs = {
        f"sg-report-{lang}": build_sg_report(
            world.framework, START, END, lang, on=datetime.date(2020, 7, 15)
        )
        for lang in ("en", "fr", "ar")
    }
    docs["review-pack-en"] = build_review_pack(world.meetings["next"], "en")
    pdfs = {name: render(doc, "pdf") for name, doc in docs.items()}
    soffice = shutil.which("soffice")
    if soffice:  # the Word files as LibreOffice lays them out, when it is installed
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("sg-report-en", "sg-report-ar"):
                source = Path(tmp) / f"{name}-word.docx"
                source.write_bytes(render(docs[name], "docx"))
                subprocess.run(
                    [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
                pdfs[f"{name}-word"] = (Path(tmp) / f"{name}-word.pdf").read_bytes()
    for name, data in pdfs.items():
        pdf = pdfium.PdfDocument(data)
        for index in range(min(1 if name.endswith("-word") else 2, len(pdf))):
            path = folder / f"{name}-page{index + 1}.png"
            pdf[index].render(scale=1.2).to_pil().convert("RGB").quantize(colors=64).save(
                path, optimize=True
            )
            print(f"wrote {path}")
        pdf.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--action-items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--samples", type=Path, help="write PNG pages of the reports into this folder"
    )
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="accord-bench-")
    os.environ["ACCORD_VAR_DIR"] = tmp.name
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from accord.accounts.permissions import SYSTEM
    from accord.cooperation.models import Activity
    from accord.reports.matrix import export_matrix, import_matrix
    from accord.reports.render import render
    from accord.reports.sg_report import build_sg_report
    from tests.world import build_world

    t = time.perf_counter()
    world = build_world(
        reports=True, activities=args.activities, action_items=args.action_items, bulk=True
    )
    print(
        f"database: {connection.vendor}; generated {args.activities} activities and {args.action_items} "
        f"action items in {time.perf_counter() - t:.1f} s; median of {args.runs} runs"
    )
    if args.samples:
        samples(world, args.samples)

    def report():
        return build_sg_report(world.framework, START, END, "en")

    rows = []
    seconds, doc = timed(args.runs, report)
    rows.append(("SG report: data and charts", seconds, None))
    seconds, data = timed(args.runs, lambda: render(report(), "docx"))
    rows.append(("SG report, Word (.docx), en", seconds, 5.0))
    seconds, _ = timed(
        args.runs, lambda: render(build_sg_report(world.framework, START, END, "ar"), "docx")
    )
    rows.append(("SG report, Word (.docx), ar", seconds, 5.0))
    seconds, pdf = timed(args.runs, lambda: render(report(), "pdf"))
    rows.append(("SG report, PDF, en", seconds, 10.0))
    from accord.reports.review_pack import build_review_pack

    seconds, _ = timed(
        args.runs, lambda: render(build_review_pack(world.meetings["next"], "en"), "docx")
    )
    rows.append((f"review pack, Word ({args.activities} rows)", seconds, None))
    seconds, _ = timed(
        args.runs, lambda: render(build_review_pack(world.meetings["next"], "en"), "pdf")
    )
    rows.append((f"review pack, PDF ({args.activities} rows)", seconds, None))
    seconds, xlsx = timed(args.runs, lambda: export_matrix(world.biennium, "xlsx", user=SYSTEM))
    rows.append((f"matrix export .xlsx ({len(xlsx) // 1024} KB)", seconds, 2.0))
    seconds, _ = timed(args.runs, lambda: export_matrix(world.biennium, "csv", user=SYSTEM))
    rows.append(("matrix export .csv", seconds, 2.0))
    seconds, plan = timed(args.runs, lambda: import_matrix(xlsx, "xlsx", user=SYSTEM, apply=True))
    assert plan.is_valid and plan.count("unchanged") == args.activities, plan.summary()
    rows.append(("matrix import .xlsx, unchanged", seconds, 5.0))
    edited = edited_copy(xlsx, min(100, args.activities))
    t = time.perf_counter()
    plan = import_matrix(edited, "xlsx", user=SYSTEM, apply=True)
    rows.append(
        (
            f"matrix import .xlsx, {plan.count('update')} rows changed, applied",
            time.perf_counter() - t,
            5.0,
        )
    )
    assert plan.applied and Activity.objects.filter(
        title__endswith="(revised)"
    ).count() == plan.count("update")

    print(f"{'case':52} {'seconds':>8} {'target':>7}")
    for name, seconds, target in rows:
        mark = "" if target is None else ("ok" if seconds < target else "SLOW")
        print(f"{name:52} {seconds:8.2f} {'' if target is None else f'< {target:g}':>7} {mark}")
    import pypdfium2 as pdfium

    print(
        f"PDF: {len(pdfium.PdfDocument(pdf))} pages, {len(pdf) // 1024} KB; Word: {len(data) // 1024} KB"
    )


if __name__ == "__main__":
    main()
