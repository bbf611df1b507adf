"""Time the combined report of the Secretary-General: 20 frameworks of 500 activities.

    .venv/bin/python -m bench.report_combined                 # SQLite file in a temp dir
    .venv/bin/python -m bench.report_combined --frameworks 20 --activities 500 --runs 3
    .venv/bin/python -m bench.report_combined --samples docs/report-samples

Builds a fresh database (migrations, then one UN organization with six entities and
``--frameworks`` partner organizations, each with its framework: five priority areas, a
biennium, ``--activities`` activities with a participant and a progress update, a
general meeting with recommendations and action items, a resolution with its agenda
sub-item "128 (a)", "128 (b)", ... and the mandate that requests the report; written with
bulk_create, so without history records: the report reads those rows as they are), then
times, ``--runs`` times (the median is printed): reading and writing the combined report
(data and charts), Word (target < 15 s) and PDF (target < 30 s). With ``--samples DIR``,
writes PNG renderings of the first page of the combined report in English, French and
Arabic into DIR. ``--profile docx|pdf`` prints where one run spends its time (cProfile).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
STATUSES = ["planned", "ongoing", "ongoing", "completed", "completed", "postponed"]


def timed(runs: int, fn):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def build(frameworks: int, activities: int) -> None:
    from accord.registry.models import Entity, Organization
    from tests.world.reports import un_entity_rows

    un = Organization.objects.create(
        code="un",
        name_en="United Nations",
        name_fr="Organisation des Nations Unies",
        name_ar="الأمم المتحدة",
        acronym="UN",
        kind="universal",
    )
    un_entities = [
        Entity.objects.create(
            organization=un, acronym=a, name_en=en, name_fr=fr, name_ar=ar, kind=k
        )
        for a, en, fr, ar, k in un_entity_rows()
    ]
    for i in range(frameworks):
        _framework(i, un, un_entities, activities)


def _framework(i: int, un, un_entities, activities: int) -> None:
    from accord.cooperation.models import (
        ActionItem,
        Activity,
        Biennium,
        Decision,
        Framework,
        Meeting,
        PriorityArea,
        ProgressUpdate,
    )
    from accord.documents.models import Mandate, Paragraph, Resolution
    from accord.registry.models import Entity, Organization

    letter = string.ascii_lowercase[i % 26]
    partner = Organization.objects.create(
        code=f"org{i}",
        name_en=f"Regional Organization {i + 1}",
        name_fr=f"Organisation régionale {i + 1}",
        name_ar=f"المنظمة الإقليمية {i + 1}",
        acronym=f"RO{i + 1}",
    )
    fw = Framework.objects.create(
        slug=f"un-ro{i + 1}", name=f"UN-RO{i + 1}", un_organization=un, partner=partner
    )
    bodies = [
        Entity.objects.create(
            organization=partner, acronym=f"RO{i + 1}-{k}", name_en=f"Body {k}", kind="other"
        )
        for k in range(3)
    ]
    areas = [
        PriorityArea.objects.create(
            framework=fw,
            code=f"a{k}",
            name_en=f"Area {k}",
            name_fr=f"Domaine {k}",
            name_ar=f"المجال {k}",
            order=k,
        )  # fmt: skip
        for k in range(5)
    ]
    b = Biennium.objects.create(framework=fw, start_year=2018, end_year=2019)
    res = Resolution.objects.create(
        framework=fw, symbol=f"A/RES/73/{200 + i}", session=73, number=str(200 + i),
        adopted_on=datetime.date(2018, 12, 10), agenda_items=[f"128 ({letter})"],
    )  # fmt: skip
    para = Paragraph.objects.create(
        resolution=res, pid="op-20", kind="operative", number=20, order=1,
        text="Requests the Secretary-General to submit a report on cooperation.",
    )  # fmt: skip
    Mandate.objects.create(
        resolution=res, paragraph=para, due_session=75, due_year=2020, action="submit a report"
    )
    rows = [
        Activity(
            framework=fw,
            biennium=b,
            code=f"A-{n:04d}",
            title=f"Joint activity {n}",
            priority_area=areas[n % 5],
            un_lead=un_entities[n % len(un_entities)],
            partner_lead=bodies[n % 3],
            start_on=datetime.date(2018, 10, 1),
            end_on=datetime.date(2019, 12, 31),
            status=STATUSES[n % len(STATUSES)],
        )  # fmt: skip
        for n in range(activities)
    ]
    Activity.objects.bulk_create(rows, batch_size=500)
    made = list(Activity.objects.filter(biennium=b).order_by("id"))
    through = Activity.participants.through
    through.objects.bulk_create(
        [
            through(activity_id=a.pk, entity_id=un_entities[(n + 2) % 6].pk)
            for n, a in enumerate(made)
        ]
    )
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(activity=a, date=datetime.date(2019, 1 + n % 12, 10), text=f"Note {n}.")
            for n, a in enumerate(made)
        ]
    )
    gm = Meeting.objects.create(
        framework=fw, kind="general", title="General meeting", place="Geneva",
        start_on=datetime.date(2019, 5, 6), end_on=datetime.date(2019, 5, 8),
    )  # fmt: skip
    decisions = [Decision.objects.create(meeting=gm, number=str(k), text="…") for k in range(5)]
    ActionItem.objects.bulk_create(
        [
            ActionItem(
                framework=fw,
                decision=decisions[k % 5],
                title=f"Item {k}",
                due_on=datetime.date(2020, 1, 1),
                status=["open", "done"][k % 2],
                closed_on=datetime.date(2019, 11, 1) if k % 2 else None,
                created_at=datetime.datetime(2019, 5, 9, tzinfo=datetime.UTC),
            )  # fmt: skip
            for k in range(20)
        ]
    )


def samples(folder: Path) -> None:
    import pypdfium2 as pdfium

    from accord.reports.combined import build_combined_report
    from accord.reports.render import render

    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "fr", "ar"):
        doc = build_combined_report(START, END, lang, on=datetime.date(2020, 7, 15))
        pdf = pdfium.PdfDocument(render(doc, "pdf"))
        path = folder / f"sg-combined-{lang}-page1.png"
        pdf[0].render(scale=1.2).to_pil().convert("RGB").quantize(colors=64).save(
            path, optimize=True
        )
        pdf.close()
        print(f"wrote {path}")


def profile(fn) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(fn)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(25)
    stats.print_stats(r"accord/|docx/", 40)  # our code and python-docx's


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frameworks", type=int, default=20)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--samples", type=Path, help="write PNG first pages into this folder")
    parser.add_argument(
        "--profile",
        choices=("docx", "pdf"),
        help="instead of timing, print the 25 functions cProfile finds slowest (cumulative)",
    )
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="accord-bench-")
    os.environ["ACCORD_VAR_DIR"] = tmp.name
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from accord.reports.combined import build_combined_report
    from accord.reports.render import render

    t = time.perf_counter()
    build(args.frameworks, args.activities)
    print(
        f"generated {args.frameworks} frameworks of {args.activities} activities in "
        f"{time.perf_counter() - t:.1f} s; median of {args.runs} runs"
    )
    if args.samples:
        samples(args.samples)

    def report():
        return build_combined_report(START, END, "en")

    if args.profile:
        profile(lambda: render(report(), args.profile))
        return
    rows = []
    seconds, doc = timed(args.runs, report)
    rows.append(("combined report: data and charts", seconds, None))
    seconds, data = timed(args.runs, lambda: render(report(), "docx"))
    rows.append(("combined report, Word (.docx), en", seconds, 15.0))
    seconds, pdf = timed(args.runs, lambda: render(report(), "pdf"))
    rows.append(("combined report, PDF, en", seconds, 30.0))
    print(f"{'case':40} {'seconds':>8} {'target':>7}")
    for name, seconds, target in rows:
        mark = "" if target is None else ("ok" if seconds < target else "SLOW")
        print(f"{name:40} {seconds:8.2f} {'' if target is None else f'< {target:g}':>7} {mark}")
    print(f"{len(doc.sections)} chapters; Word {len(data) // 1024} KB, PDF {len(pdf) // 1024} KB")


if __name__ == "__main__":
    main()
