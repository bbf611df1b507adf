"""Load on gunicorn: many users at once, reads and writes mixed, against a bare view.

    .venv/bin/python -m bench.load                               # SQLite, 50 users, 60 s
    .venv/bin/python -m bench.load --users 50 --seconds 60 --writes 0.3
    DATABASE_URL=postgres://user:pw@127.0.0.1/accord .venv/bin/python -m bench.load

Stages:
1. a bench database (as ``bench.pages``: a fresh SQLite file in a temporary folder, or a
   new PostgreSQL database ``<name>_bench_pages`` beside DATABASE_URL, dropped at the
   end), migrated, filled with the web tests' scenario plus ``--activities`` activities,
   and ``--users`` signed-in sessions of the administrator (one per simulated user);
2. gunicorn on 127.0.0.1 (a free port, loopback only), 2 sync workers, production
   settings (DEBUG off) with one more URL, ``/bench/bare/``: a view that returns "ok"
   through the whole middleware stack, the ceiling of the server;
3. ``--users`` threads for ``--seconds`` seconds each: a read (the matrix page, the
   dashboard or an activity page) or, with probability ``--writes``, a write (read an
   activity's page for its version, then change its status with the version read, as
   the matrix's status menu does; a stale version is refused by Accord, which is
   correct, not an error); then the same load for the same time on the bare view: the
   same threads, the same mix, each read a GET of it and each write its GET then a POST;
4. a report: requests, errors (HTTP >= 400 or no answer), reads and writes per second,
   p50 and p95 of reads and of writes, the read throughput as a share of the bare
   view's read throughput under the same load (the issue's ceiling) and, as earlier
   runs printed it, as a share of all the bare view's requests per second, and lost
   updates: two saved versions of one activity with the same number (from the history
   table), which the version claim must make impossible.

Bounded: loopback only, a fixed number of threads and seconds, every request with a
timeout. Writes only the temporary folder or the bench database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.pages import free_port, postgres_bench_database

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VERSION = re.compile(r'name="version" value="(\d+)"')
STATUSES = ("planned", "ongoing", "completed", "postponed")


def fill(n_activities: int, n_users: int) -> dict:
    """In the child: the data (as bench.pages) and ``n_users`` admin sessions."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    from accord.accounts.middleware import SEEN
    from accord.cooperation.models import Activity
    from bench.pages import fill as fill_pages

    info = fill_pages(n_activities)
    user = get_user_model().objects.get(username="admin")
    sessions = []
    for _ in range(n_users):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store[SEEN] = int(time.time())
        store.create()
        sessions.append(store.session_key)
    ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True)[:200])
    return {"slug": info["slug"], "activities": ids, "sessions": sessions}


def lost_updates() -> dict:
    """In the child: saved versions per activity that appear twice in the history."""
    from django.db.models import Count

    from accord.cooperation.models import Activity

    history = Activity.history.model
    dupes = (
        history.objects.values("id", "version")
        .annotate(n=Count("history_id"))
        .filter(n__gt=1, history_type="~")
    )
    return {"lost": sum(d["n"] - 1 for d in dupes), "changes": history.objects.count()}


class Session:
    def __init__(self, base: str, key: str):
        self.base = base
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.cookie = f"sessionid={key}; csrftoken={self.csrf}"

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie, "HX-Request": "true"}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["X-CSRFToken"] = self.csrf
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.reads: list[float] = []
        self.writes: list[float] = []
        self.errors: list[str] = []
        self.refused_stale = 0

    def add(self, kind: str, ms: float) -> None:
        with self.lock:
            (self.reads if kind == "read" else self.writes).append(ms)


BARE = "/bench/bare/"


def _write(session: Session, slug: str, pk: int, rng: random.Random, tally: Tally, bare: bool):
    """Read an activity's page for its version, then change its status with it; on the
    bare run the same two requests (a GET, then a POST of the same form) go to the bare view."""
    page_path = BARE if bare else f"/f/{slug}/activities/{pk}/"
    status, page = session.request(page_path)
    found = VERSION.search(page)
    if status != 200 or not (found or bare):
        raise RuntimeError(f"activity {pk}: HTTP {status}, no version")
    status, row = session.request(
        BARE if bare else f"/f/{slug}/activities/{pk}/status/",
        {"status": rng.choice(STATUSES), "version": found.group(1) if found else "0"},
    )
    if status >= 400:
        raise RuntimeError(f"status of {pk}: HTTP {status}")
    if "were not saved" in row:
        tally.refused_stale += 1


def _one(session: Session, info: dict, rng: random.Random, p_write: float, tally: Tally, bare):
    """One user's step: a write with probability ``p_write``, else a read of the matrix,
    the dashboard or an activity page (the bare view for each on the bare run)."""
    slug = info["slug"]
    pk = rng.choice(info["activities"])
    start = time.perf_counter()
    if rng.random() < p_write:
        _write(session, slug, pk, rng, tally, bare)
        tally.add("write", (time.perf_counter() - start) * 1000)
        return
    path = rng.choice(
        [f"/f/{slug}/matrix/", f"/f/{slug}/", f"/f/{slug}/activities/{pk}/"],
    )
    status, _ = session.request(BARE if bare else path)
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    tally.add("read", (time.perf_counter() - start) * 1000)


def drive(base: str, info: dict, seconds: float, p_write: float, bare: bool) -> Tally:
    tally = Tally()
    stop = time.monotonic() + seconds

    def user(index: int, key: str) -> None:
        rng = random.Random(index)
        session = Session(base, key)
        while time.monotonic() < stop:
            try:
                _one(session, info, rng, p_write, tally, bare)
            except (OSError, RuntimeError) as exc:
                with tally.lock:
                    tally.errors.append(str(exc)[:200])

    threads = [
        threading.Thread(target=user, args=(i, key)) for i, key in enumerate(info["sessions"])
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return tally


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def report(tally: Tally, bare: Tally, seconds: float, lost: dict) -> None:
    reads, writes = len(tally.reads), len(tally.writes)
    print(
        f"requests: {reads} reads, {writes} writes in {seconds:.0f} s; errors {len(tally.errors)}"
    )
    for message in sorted(set(tally.errors))[:5]:
        print(f"  error: {message}")
    print(
        f"reads  {reads / seconds:7.1f}/s  p50 {statistics.median(tally.reads or [0]):7.1f} ms"
        f"  p95 {p95(tally.reads):7.1f} ms"
    )
    print(
        f"writes {writes / seconds:7.1f}/s  p50 {statistics.median(tally.writes or [0]):7.1f} ms"
        f"  p95 {p95(tally.writes):7.1f} ms  (refused as stale: {tally.refused_stale})"
    )
    ceiling = len(bare.reads) / seconds
    requests = (len(bare.reads) + 2 * len(bare.writes)) / seconds
    print(
        f"bare view, the same load: reads {ceiling:7.1f}/s  p95 {p95(bare.reads):7.1f} ms, "
        f"writes {len(bare.writes) / seconds:7.1f}/s, {requests:7.1f} requests/s; "
        f"errors {len(bare.errors)}"
    )
    print(f"read throughput / the bare view's under the same load: {reads / seconds / ceiling:.2f}")
    print(f"read throughput / all the bare view's requests: {reads / seconds / requests:.2f}")
    print(f"lost updates: {lost['lost']} (history rows: {lost['changes']})")


def _child(env: dict, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.load", "--child", *args],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _env(tmp: str) -> tuple[dict, object]:
    env = dict(
        os.environ,
        ACCORD_VAR_DIR=tmp,
        ACCORD_DEBUG="0",
        ACCORD_SECRET_KEY=secrets.token_urlsafe(40),
        ACCORD_ALLOWED_HOSTS="127.0.0.1",
        ACCORD_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="bench.load_settings",
        ACCORD_DB_CONN_MAX_AGE="60",
        PYTHONPATH=str(ROOT),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    dropper = None
    if env["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"], dropper = postgres_bench_database(env["DATABASE_URL"])
    return env, dropper


def _serve(env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "accord.wsgi:application", "-b", f"127.0.0.1:{port}"]
        + ["-w", "2", "--timeout", "60", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    return server, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writes", type=float, default=0.3)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        import django

        django.setup()
        what = args.child[0]
        out = fill(args.activities, args.users) if what == "fill" else lost_updates()
        print(json.dumps(out))
        return 0
    tmp = tempfile.TemporaryDirectory(prefix="accord-bench-load-")
    env, dropper = _env(tmp.name)
    print(
        f"database: {env['DATABASE_URL'].split('@')[-1]}; {args.users} users, "
        f"{args.writes:.0%} writes, {args.seconds:.0f} s, {args.activities} activities"
    )
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([str(BIN / "accord"), *command], env=env, check=True, cwd=ROOT)
    info = _child(env, "fill", "--activities", str(args.activities), "--users", str(args.users))
    server, base = _serve(env)
    try:
        tally = drive(base, info, args.seconds, args.writes, bare=False)
        bare = drive(base, info, args.seconds, args.writes, bare=True)
        lost = _child(env, "lost")
        report(tally, bare, args.seconds, lost)
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
        if dropper:
            dropper()
    return 0


if __name__ == "__main__":
    sys.exit(main())
