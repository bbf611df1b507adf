"""Time the matrix query (accord.cooperation.selectors.matrix_rows) on a big matrix.

    .venv/bin/python bench/matrix_query.py                      # SQLite file in a temp dir
    DATABASE_URL=postgres://... .venv/bin/python bench/matrix_query.py   # a fresh test_<db> database
    .venv/bin/python bench/matrix_query.py --activities 10000 --updates 50000 --runs 30

Builds a fresh database (SQLite: a file in a temporary folder, WAL mode as in
production; PostgreSQL: Django's test database ``test_<name>``, dropped at the end),
generates one framework with 5 bienniums, 10 priority areas, 200 entities, the
activities (with 0-3 participants each) and the progress updates with bulk_create, then
runs each filter combination of one biennium ``--runs`` times and prints the median and
95th percentile of the wall time of evaluating the query (SQL plus building the rows),
the number of SQL queries (the same for 13 rows as for 2,000: no N+1), and the median of the SQL alone.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import fresh_database  # noqa: E402  (after the path is set)

WORDS = [
    "workshop",
    "training",
    "mediation",
    "dialogue",
    "refugees",
    "heritage",
    "water",
    "health",
    "statistics",
    "youth",
    "women",
    "counter-terrorism",
    "food",
    "security",
    "trade",
    "science",
    "education",
    "crafts",
    "census",
    "capacity",
]


def build(n_activities: int, n_updates: int, seed: int = 7) -> dict:
    """Write the generated matrix; return the objects the timed queries filter on."""
    from django.contrib.auth import get_user_model

    from accord.cooperation.models import (
        Activity,
        Biennium,
        Framework,
        PriorityArea,
        ProgressUpdate,
    )
    from accord.registry.models import Entity, Organization

    rng = random.Random(seed)
    user = get_user_model().objects.create_user("bench")
    un = Organization.objects.create(
        code="un", name_en="United Nations", acronym="UN", kind="universal"
    )
    oic = Organization.objects.create(
        code="oic", name_en="Organization of Islamic Cooperation", acronym="OIC"
    )
    fw = Framework.objects.create(slug="un-oic", name="UN-OIC", un_organization=un, partner=oic)
    bienniums = [
        Biennium.objects.create(framework=fw, start_year=y, end_year=y + 1)
        for y in range(2016, 2026, 2)
    ]
    areas = [
        PriorityArea.objects.create(framework=fw, code=f"pa{i}", name_en=f"Area {i}", order=i)
        for i in range(10)
    ]
    entities = Entity.objects.bulk_create(
        [
            Entity(
                organization=un if i % 2 == 0 else oic,
                name_en=f"Entity {i}",
                acronym=f"E{i}",
                kind="agency" if i % 2 == 0 else "subsidiary_organ",
            )
            for i in range(200)
        ]
    )
    un_side, oic_side = entities[0::2], entities[1::2]
    statuses = ["planned", "ongoing", "completed", "postponed", "cancelled"]
    acts = []
    for i in range(n_activities):
        b = bienniums[i % len(bienniums)]
        words = " ".join(rng.sample(WORDS, 4))
        acts.append(
            Activity(
                framework=fw,
                biennium=b,
                code=f"A{i:05d}",
                title=f"Joint {words}",
                description=f"Activity {i}: {' '.join(rng.sample(WORDS, 8))}.",
                priority_area=rng.choice(areas),
                un_lead=rng.choice(un_side),
                partner_lead=rng.choice(oic_side),
                status=rng.choice(statuses),
                start_on=datetime.date(b.start_year, rng.randint(1, 12), 1),
            )
        )
    acts = Activity.objects.bulk_create(acts, batch_size=1000)
    through = Activity.participants.through
    links = []
    for a in acts:
        for e in rng.sample(entities, rng.randint(0, 3)):
            links.append(through(activity_id=a.pk, entity_id=e.pk))
    through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    updates = []
    for _ in range(n_updates):
        a = rng.choice(acts)
        updates.append(
            ProgressUpdate(
                activity=a,
                date=datetime.date(a.biennium.start_year, 1, 1)
                + datetime.timedelta(days=rng.randint(0, 720)),
                text=f"Progress: {' '.join(rng.sample(WORDS, 6))}",
                status_after=rng.choice(statuses),
                author=user,
            )
        )
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    return {"biennium": bienniums[1], "area": areas[3], "entity": un_side[5], "word": "mediation"}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def sql_only(queryset, runs: int) -> float:
    """Median ms of running the compiled SQL and fetching the rows, without building objects."""
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        with connection.cursor() as cur:
            cur.execute(sql, params)
            cur.fetchall()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def time_cases(ctx: dict, runs: int) -> list[tuple[str, int, int, float, float, float]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accord.cooperation.selectors import matrix_rows, matrix_values

    b = ctx["biennium"]
    cases = {
        "whole biennium": {},
        "priority area": {"priority_area": ctx["area"]},
        "entity (either lead or participant)": {"entity": ctx["entity"]},
        "status ongoing": {"status": "ongoing"},
        "text search": {"text": ctx["word"]},
        "area + status + text": {
            "priority_area": ctx["area"],
            "status": ["ongoing", "planned"],
            "text": ctx["word"],
        },
        "entity + status, by last progress": {
            "entity": ctx["entity"],
            "status": "ongoing",
            "order": "-last_progress",
        },
    }
    results = []
    for name, kwargs in cases.items():
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                rows = list(matrix_rows(biennium=b, **kwargs))
                shown = [  # what a page shows: no extra query may happen here
                    (
                        r.priority_area.code,
                        r.un_lead and r.un_lead.acronym,
                        r.partner_lead and r.partner_lead.acronym,
                        r.last_progress_text,
                    )
                    for r in rows
                ]
                assert len(shown) == len(rows)
            timings.append((time.perf_counter() - start) * 1000)
        results.append(
            (
                name,
                len(rows),
                len(queries),
                statistics.median(timings),
                percentile(timings, 95),
                sql_only(matrix_rows(biennium=b, **kwargs), runs),
            )
        )
    # The whole biennium as plain values (exports, reports, one-page matrix).
    for name, kwargs in (
        ("whole biennium as values", {}),
        ("text search as values", {"text": ctx["word"]}),
    ):
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                rows = list(matrix_values(biennium=b, **kwargs))
            timings.append((time.perf_counter() - start) * 1000)
        results.append(
            (
                name,
                len(rows),
                len(queries),
                statistics.median(timings),
                percentile(timings, 95),
                sql_only(matrix_values(biennium=b, **kwargs), runs),
            )
        )
    # A page: the first 50 rows plus the total count.
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            qs = matrix_rows(biennium=b)
            total = qs.count()
            page = list(qs[:50])
        timings.append((time.perf_counter() - start) * 1000)
    results.append(
        (
            f"first page of 50 + count ({total})",
            len(page),
            len(queries),
            statistics.median(timings),
            percentile(timings, 95),
            sql_only(matrix_rows(biennium=b)[:50], runs),
        )
    )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)

    with fresh_database() as connection:
        start = time.perf_counter()
        ctx = build(args.activities, args.updates)
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        print(
            f"generated {args.activities} activities and {args.updates} progress updates "
            f"in {time.perf_counter() - start:.1f} s; biennium {ctx['biennium']}, {args.runs} runs each"
        )
        print(
            f"{'case':45} {'rows':>5} {'SQL':>4} {'median ms':>10} {'p95 ms':>8} {'SQL-only median ms':>19}"
        )
        for name, n, q, med, p95, sql_ms in time_cases(ctx, args.runs):
            print(f"{name:45} {n:5d} {q:4d} {med:10.1f} {p95:8.1f} {sql_ms:19.1f}")
        print(
            "median/p95: evaluating the queryset into rows (SQL + building objects or dicts); "
            "SQL-only: the same SQL run and fetched by the driver."
        )


if __name__ == "__main__":
    main()
