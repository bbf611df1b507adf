"""Search at the scale the issue names: 10,000 activities, 50,000 progress updates and
the corpus's resolutions (every PDF of ../shared/corpus/pdf, stored as paragraphs),
indexed by ``accord reindex``; then the p95 of the search the page runs (index match and
ranking of the candidates, permissions filter, snippets; ``count`` is the matches, ">1000"
when the query is broad and only the candidates are ranked) for a set of queries, as the public, a member (a viewer of
the framework) and an administrator, beside
the baseline a plain database filter gives (``icontains`` on the same texts: what the
matrix's text filter does, with no ranking, no stemming and no snippets).

.venv/bin/python bench/search.py [--activities N] [--updates N] [--runs N] [--pdfs N] [--corpus DIR]
DATABASE_URL=postgres://... .venv/bin/python bench/search.py   # on PostgreSQL
.venv/bin/python bench/search.py --explain   # and the plan of each index query, with timings

``cpu p95`` is the p95 of this process's CPU time for the same search: on SQLite (the
database in the process) what the search costs without the time spent waiting for a core
on a loaded machine; on PostgreSQL it leaves out the server's share.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.database import fresh_database  # noqa: E402
from bench.matrix_query import build, percentile  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"
QUERIES = [
    "mediation",
    '"human rights"',
    "development -climate",
    "Secretary-General report",
    "coopération",
    "peacekeeping or mediation",
]


def store_corpus(corpus: Path, limit: int) -> int:
    """The corpus PDFs parsed and stored as resolutions with their paragraphs."""
    import resolutions
    from accord.cooperation.models import Framework
    from accord.documents.models import Paragraph, Resolution

    framework = Framework.objects.get(slug="un-oic")
    files = sorted(corpus.glob("*.pdf"))[:limit] if corpus.is_dir() else []
    for path in files:
        try:
            parsed = resolutions.parse(path)
        except resolutions.ResolutionError:
            continue
        r = Resolution.objects.create(
            framework=framework,
            symbol=parsed.symbol or path.stem,
            title=parsed.title[:500],
            session=parsed.session,
            adopted_on=parsed.adopted_on,
        )
        rows = [
            Paragraph(resolution=r, pid=p.id, kind="preamble", order=i, text=p.text)
            for i, p in enumerate(parsed.preamble)
        ] + [
            Paragraph(
                resolution=r,
                pid=p.id,
                kind="operative",
                order=1000 + i,
                number=p.number,
                text=p.text,
            )
            for i, p in enumerate(parsed.operative)
        ]
        Paragraph.objects.bulk_create(rows)
    return len(files)


def baseline(word: str) -> int:
    """The plain filter: rows whose text contains the word, no ranking."""
    from accord.cooperation.models import Activity, ProgressUpdate
    from accord.documents.models import Paragraph

    n = len(Paragraph.objects.filter(text__icontains=word).values_list("pk")[:50])
    n += len(Activity.objects.filter(title__icontains=word).values_list("pk")[:50])
    n += len(ProgressUpdate.objects.filter(text__icontains=word).values_list("pk")[:50])
    return n


def timed(fn, runs: int, clock=time.perf_counter) -> list[float]:
    out = []
    for _ in range(runs):
        t = clock()
        fn()
        out.append((clock() - t) * 1000)
    return out


def explain(q: str, user) -> None:
    """Print the database's plan of the index queries one search runs (EXPLAIN ANALYZE on
    PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accord.search.finder import find

    with CaptureQueriesContext(connection) as queries:
        find(q, user)
    for sql in (x["sql"] for x in queries.captured_queries):
        if "terms_tsv @@" not in sql and "search_fts MATCH" not in sql:
            continue
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) "
            if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN "
        )
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            print("   ", sql)
            for row in cursor.fetchall():
                print("     ", " | ".join(str(c) for c in row))


def analyze(connection) -> None:
    """Fresh planner statistics after the bulk load, and the dead rows of the first
    indexing (by the signals, before ``reindex`` wrote it all again) cleared, as autovacuum
    would soon do on PostgreSQL (without the statistics it guesses 156 matches where there
    are 27,000; with the dead rows the public's "mediation" took 100-150 ms or 16-27 ms
    depending on whether autovacuum had passed)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")


def visitors() -> list[tuple[str, object]]:
    """The public; a member (viewer of the framework: reads all of it, filtered by
    framework in SQL); an administrator (no filter)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    from accord.accounts.models import Membership
    from accord.cooperation.models import Framework

    users = get_user_model().objects
    admin = users.get(username="bench")
    admin.is_superuser = True  # reads everything: the permissions filter keeps all
    member, _ = users.get_or_create(username="bench-viewer")
    Membership.objects.get_or_create(
        user=member, role="viewer", framework=Framework.objects.get(slug="un-oic")
    )
    return [("public", AnonymousUser()), ("member", member), ("admin", admin)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--activities", type=int, default=10_000)
    ap.add_argument("--updates", type=int, default=50_000)
    ap.add_argument("--pdfs", type=int, default=350)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"the PDFs (default {CORPUS})")
    ap.add_argument("--explain", action="store_true", help="print the plan of each index query")
    args = ap.parse_args(argv)
    with fresh_database("accord-bench-search-") as connection:
        from accord.search.finder import find
        from accord.search.index import reindex
        from accord.search.models import SearchEntry

        build(args.activities, args.updates)
        stored = store_corpus(args.corpus, args.pdfs)
        started = time.perf_counter()
        counts = reindex()
        took = time.perf_counter() - started
        print(f"database: {connection.vendor}; {stored} corpus PDFs stored")
        print(f"reindex: {SearchEntry.objects.count()} entries in {took:.1f} s ({counts})")
        analyze(connection)
        print(
            f"{'query':32} {'who':7} {'hits':>5} {'count':>6} {'p50 ms':>8} {'p95 ms':>8}"
            f" {'base p95':>9} {'cpu p95':>8}"
        )
        for q in QUERIES:
            word = q.strip('"').split()[0]
            base = timed(lambda w=word: baseline(w), args.runs)
            for who, user in visitors():
                found = find(q, user)
                count = f"{'>' if found.capped else ''}{found.count}"
                times = timed(lambda u=user, q=q: find(q, u), args.runs)
                cpu = timed(lambda u=user, q=q: find(q, u), args.runs, time.process_time)
                print(
                    f"{q:32} {who:7} {len(found.hits):>5} {count:>6} {statistics.median(times):8.1f}"
                    f" {percentile(times, 95):8.1f} {percentile(base, 95):9.1f}"
                    f" {percentile(cpu, 95):8.1f}"
                )
                if args.explain:
                    explain(q, user)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
