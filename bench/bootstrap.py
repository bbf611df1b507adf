"""Time the bootstrap of the founding resolution (target: under 2 s).

    .venv/bin/python bench/bootstrap.py              # SQLite file in a temp dir
    .venv/bin/python bench/bootstrap.py --runs 5 --profile

Builds a fresh database (SQLite in a temporary folder, WAL mode as in production;
PostgreSQL through DATABASE_URL: Django's test database ``test_<name>``, dropped at the
end), then times ``resolution_import`` of accord/documents/demo/A_RES_73_135.md with
--yes: the first run (parse, propose, write everything with history) and the second
run (parse, propose, find everything unchanged). Each timed run starts from a fresh
database (the first: each pair of runs is rolled back) or the bootstrapped one (the
second). Prints the medians, the
parse time alone, and the number of SQL queries of each run.
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

DEMO = ROOT / "accord" / "documents" / "demo" / "A_RES_73_135.md"


def run(runs: int, profile: bool) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    import resolutions
    from accord.accounts.permissions import SYSTEM
    from accord.documents.services import resolution_import

    user = SYSTEM  # as `accord bootstrap` without --user: the operator, every right
    parse_times, first, second, queries = [], [], [], [0, 0]
    for _ in range(runs):
        start = time.perf_counter()
        resolutions.parse(DEMO)
        parse_times.append(time.perf_counter() - start)
    for _ in range(runs):
        with transaction.atomic():  # rolled back: every first run starts from an empty database
            with CaptureQueriesContext(connection) as q1:
                start = time.perf_counter()
                resolution_import(source=DEMO, user=user, confirm_all=True)
                first.append(time.perf_counter() - start)
            with CaptureQueriesContext(connection) as q2:
                start = time.perf_counter()
                resolution_import(source=DEMO, user=user, confirm_all=True)
                second.append(time.perf_counter() - start)
            queries = [len(q1), len(q2)]
            transaction.set_rollback(True)
    print(f"database: {connection.vendor}; {runs} runs; A/RES/73/135 (demo copy), --yes")
    print(f"parse alone           median {statistics.median(parse_times) * 1000:7.1f} ms")
    print(
        f"bootstrap, first run  median {statistics.median(first) * 1000:7.1f} ms  ({queries[0]} SQL queries)"
    )
    print(
        f"bootstrap, second run median {statistics.median(second) * 1000:7.1f} ms  ({queries[1]} SQL queries, "
        "nothing written)"
    )
    print(
        f"target: first run under 2000 ms -> {'met' if statistics.median(first) < 2 else 'NOT met'}"
    )
    if profile:
        import cProfile
        import pstats

        with transaction.atomic():
            prof = cProfile.Profile()
            prof.runcall(resolution_import, source=DEMO, user=user, confirm_all=True)
            transaction.set_rollback(True)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one first run")
    args = parser.parse_args(argv)

    with fresh_database():
        run(args.runs, args.profile)


if __name__ == "__main__":
    main()
