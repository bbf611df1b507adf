"""Time the permissions module on a big matrix: list filters and per-row checks.

    .venv/bin/python bench/permissions.py                   # SQLite file in a temp dir
    DATABASE_URL=postgres://... .venv/bin/python bench/permissions.py   # a fresh test_<db> database
    .venv/bin/python bench/permissions.py --activities 10000 --updates 0 --runs 10

Builds the matrix of bench/matrix_query.py (one framework, 5 bienniums, 200 entities),
gives three users a role (the OIC coordinator, the focal point of a UN entity, a viewer),
then times for one biennium (about a fifth of the rows): ``editable``/``viewable`` lists
(one query each, plus the user and their memberships), and ``can_edit`` asked of every row (no query per row; the focal point's
rows come with their participants prefetched). Prints the median and the SQL count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import fresh_database  # noqa: E402  (after the path is set)


def roles(ctx: dict) -> dict:
    from django.contrib.auth import get_user_model

    from accord.accounts.models import Membership
    from accord.cooperation.models import Framework

    fw = Framework.objects.get(slug="un-oic")
    User = get_user_model()
    users = {
        name: User.objects.create_user(name)
        for name in ("coordinator", "focal", "viewer", "public")
    }
    Membership.objects.create(
        user=users["coordinator"], role="coordinator", framework=fw, organization=fw.partner
    )
    Membership.objects.create(
        user=users["focal"], role="focal_point", framework=fw, entity=ctx["entity"]
    )
    Membership.objects.create(user=users["viewer"], role="viewer", framework=fw)
    return users


def timed(fn, runs: int) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, n, queries = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as q:
            n = fn()
        timings.append((time.perf_counter() - start) * 1000)
        queries = len(q)
    return statistics.median(timings), n, queries


def cases(users: dict, ctx: dict, runs: int):
    from django.contrib.auth import get_user_model

    from accord.accounts import permissions as P
    from accord.cooperation.models import Activity

    b = ctx["biennium"]
    rows = Activity.objects.filter(biennium=b)

    def fresh(name):  # a new request: grants are read again
        return get_user_model().objects.get(pk=users[name].pk)

    for name in ("coordinator", "focal", "viewer", "public"):
        yield (
            f"editable list ({name})",
            timed(lambda n=name: len(list(P.editable(fresh(n), rows))), runs),
        )
        yield (
            f"viewable list ({name})",
            timed(lambda n=name: len(list(P.viewable(fresh(n), rows))), runs),
        )
    listed = list(rows.prefetch_related("participants"))
    for name in ("coordinator", "focal"):
        user = fresh(name)
        P.can_edit(user, listed[0])  # grants loaded once, as on a page
        yield (
            f"can_edit on each of {len(listed)} rows ({name})",
            timed(lambda u=user: sum(P.can_edit(u, a) for a in listed), runs),
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=0)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)

    with fresh_database() as connection:
        from bench.matrix_query import build

        ctx = build(args.activities, args.updates)
        users = roles(ctx)
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
        print(
            f"database: {connection.vendor}; {args.activities} activities, biennium {ctx['biennium']}, "
            f"{args.runs} runs each"
        )
        print(f"{'case':48} {'rows':>6} {'SQL':>4} {'median ms':>10}")
        for name, (ms, n, q) in cases(users, ctx, args.runs):
            print(f"{name:48} {n:>6} {q:>4} {ms:>10.1f}")


if __name__ == "__main__":
    main()
