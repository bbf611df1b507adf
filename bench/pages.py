"""Time the web pages served by gunicorn with a big matrix.

    .venv/bin/python bench/pages.py                          # SQLite file in a temp dir
    .venv/bin/python bench/pages.py --activities 5000 --runs 50
    DATABASE_URL=postgres://user:pw@127.0.0.1/accord_bench .venv/bin/python bench/pages.py

Stages:
1. make a bench database: SQLite in a fresh temporary folder (WAL mode, as in
   production), or, with a PostgreSQL DATABASE_URL, a new database
   ``<name>_bench_pages`` created beside it (the role needs CREATEDB) and dropped at
   the end; ``accord migrate`` it;
2. fill it (one child process with Django set up): the scenario of the web tests (two
   organizations, entities, the founding resolution with its mandates, a meeting,
   people in every role) plus ``--activities`` activities in one biennium, written with
   bulk_create, each with two progress updates, an indicator, a participant and a mandate;
   then the search index and ANALYZE (as a live database has both) and sign in the focal point and the administrator (their session keys are printed
   to the parent);
3. serve it with gunicorn on 127.0.0.1, a free port, 2 sync workers;
4. request the matrix (first page, a filtered page), the dashboard and an activity page
   ``--runs`` times each per user with the session cookie (after warm-up requests) and
   print the median and 95th percentile of the time to the last byte. That time is an
   upper bound of the server time (it adds the loopback round trip).

Reads: nothing of the repository's database. Writes: only the temporary folder (or the
database of DATABASE_URL), removed or left as it is at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET_MS = 100


def fill(n_activities: int) -> dict:
    """Runs in the child process: write the data, return ids and session keys."""
    import datetime
    import random

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone

    from accord.cooperation.models import Activity, Indicator, ProgressUpdate
    from accord.search.index import reindex
    from tests.world import build_world

    w = build_world(activities=0)
    rng = random.Random(5)
    words = [
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
        "food",
        "security",
        "trade",
        "science",
        "education",
    ]
    leads_un, leads_partner = [w.ohchr, w.dppa], [w.iphrc, w.isdb]
    rows = []
    for i in range(n_activities):
        rows.append(
            Activity(
                framework=w.framework,
                biennium=w.biennium,
                code=f"B-{i:05d}",
                title=" ".join(rng.choice(words) for _ in range(5)).capitalize(),
                description=" ".join(rng.choice(words) for _ in range(40)),
                priority_area=rng.choice([w.peace, w.rights]),
                un_lead=rng.choice(leads_un),
                partner_lead=rng.choice(leads_partner),
                status=rng.choice(Activity.Status.values),
                start_on=datetime.date(w.biennium.start_year, rng.randint(1, 12), 1),
                is_demo=True,
            )
        )
    Activity.objects.bulk_create(rows, batch_size=1000)
    ids = list(Activity.objects.filter(biennium=w.biennium).values_list("pk", flat=True))
    through = Activity.participants.through
    through.objects.bulk_create(
        [through(activity_id=pk, entity_id=w.isdb.pk) for pk in ids], batch_size=2000
    )
    mandates = Activity.mandates.through
    mandates.objects.bulk_create(
        [mandates(activity_id=pk, mandate_id=w.mandate.pk) for pk in ids], batch_size=2000
    )
    today = timezone.localdate()
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(
                activity_id=pk,
                date=today - datetime.timedelta(days=d),
                text=f"Update {d} on {pk}",
                author=w.admin,
            )
            for pk in ids
            for d in (3, 40)
        ],
        batch_size=2000,
    )
    Indicator.objects.bulk_create(
        [Indicator(activity_id=pk, name="People trained", target=10) for pk in ids], batch_size=2000
    )
    reindex()  # the search index, as a live database has it (bulk_create skips the signals)
    with (
        connection.cursor() as cursor
    ):  # statistics, as a live database has them (autovacuum, ANALYZE)
        cursor.execute("ANALYZE")
    sessions = {}
    for user in (w.focal, w.admin):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[user.username] = store.session_key
    return {"slug": w.framework.slug, "activity": ids[len(ids) // 2], "sessions": sessions}


def postgres_bench_database(url: str):
    """Create an empty database beside the one of ``url``; return its URL and a function
    that drops it."""
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    name = name.split("?")[0]
    bench = f"{name}_bench_pages"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(bench))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(bench)))

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(bench))
            )

    return f"{base}/{bench}", drop


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_get(url: str, cookie: str) -> float:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(fill(args.activities)))
        return 0

    tmp = tempfile.TemporaryDirectory(prefix="accord-bench-pages-")
    # Production settings (DEBUG off, hashed static files), minus HTTPS: gunicorn speaks plain HTTP here.
    env = dict(
        os.environ,
        ACCORD_VAR_DIR=tmp.name,
        ACCORD_DEBUG="0",
        ACCORD_SECRET_KEY=secrets.token_urlsafe(40),
        ACCORD_ALLOWED_HOSTS="127.0.0.1",
        ACCORD_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="accord.settings",
        ACCORD_DB_CONN_MAX_AGE="60",
        PYTHONPATH=str(ROOT),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp.name}/bench.sqlite3")
    dropper = None
    if env["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"], dropper = postgres_bench_database(env["DATABASE_URL"])
    database = env["DATABASE_URL"].split("@")[-1]
    print(f"database: {database}; {args.activities} activities; {args.runs} runs per page and user")
    subprocess.run(
        [str(BIN / "accord"), "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
    )
    subprocess.run(
        [str(BIN / "accord"), "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--activities", str(args.activities)],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    info = json.loads(out.strip().splitlines()[-1])
    print(f"filled in {time.perf_counter() - start:.1f} s")

    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "accord.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        slug = info["slug"]
        pages = {
            "matrix (first page)": f"/f/{slug}/matrix/",
            "matrix filtered (text, status)": f"/f/{slug}/matrix/?q=water+health&status=ongoing",
            "matrix grouped, page 10": f"/f/{slug}/matrix/?group=on&page=10",
            "dashboard": f"/f/{slug}/",
            "activity": f"/f/{slug}/activities/{info['activity']}/",
        }
        print(f"{'page':34} {'user':6} {'p50 ms':>8} {'p95 ms':>8}")
        worst = 0.0
        for name, path in pages.items():
            for user, cookie in info["sessions"].items():
                for _ in range(3):  # warm-up: both workers, caches
                    timed_get(base + path, cookie)
                times = sorted(timed_get(base + path, cookie) for _ in range(args.runs))
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                worst = max(worst, p95)
                print(f"{name:34} {user:6} {statistics.median(times):8.1f} {p95:8.1f}")
        verdict = "under" if worst < TARGET_MS else "OVER"
        print(f"worst p95: {worst:.1f} ms ({verdict} the {TARGET_MS} ms target)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
        if dropper:
            dropper()
    return 0


if __name__ == "__main__":
    sys.exit(main())
