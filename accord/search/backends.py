"""The full-text part of the index on each database, behind three functions:

    write(entries)   put the entries' terms in the full-text index (after their rows)
    erase(ids)       take them out
    match(query, filters, limit) -> [entry id], best first

SQLite: an FTS5 table ``search_fts(terms, scope)`` whose rowid is the entry's id, ranked
by bm25 of ``terms``; ``scope`` holds "pub" for a public entry and "f<id>" for its
framework, so that FTS5 keeps only what the visitor may read before ranking.
PostgreSQL: a stored generated column ``terms_tsv`` (``to_tsvector('simple', terms)``)
under a GIN index (and a second one over the public entries only), ranked by
ts_rank_cd. Both read the same terms (accord.search.text), so a query finds the same
rows on both.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection

from accord.search.query import to_fts5, to_tsquery

TABLE = "search_searchentry"


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def write(entries) -> None:
    if not is_sqlite():
        return  # the generated tsvector column follows the rows by itself
    rows = [(e.pk, e.terms, _scope(e)) for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
        cursor.executemany("INSERT INTO search_fts(rowid, terms, scope) VALUES (%s, %s, %s)", rows)


def _scope(entry) -> str:
    return " ".join(
        (["pub"] if entry.public else [])
        + ([f"f{entry.framework_id}"] if entry.framework_id else [])
    )


def erase(ids) -> None:
    if is_sqlite() and ids:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in ids])


def clear() -> None:
    if is_sqlite():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


def _readable_sql(readable) -> tuple[list[str], list]:
    """PostgreSQL: the readable entries (None: every row; else the public ones and those
    of these frameworks)."""
    if readable is None:
        return [], []
    frameworks = sorted(readable)
    marks = ", ".join(["%s"] * len(frameworks))
    return [f"(e.public OR e.framework_id IN ({marks}))" if frameworks else "e.public"], frameworks


def _readable_fts5(expr: str, readable) -> str:
    """SQLite: the MATCH expression on ``terms``, and on ``scope`` the readable entries.
    A member's are said as what to leave out (the unpublished entries of the frameworks
    they do not read): FTS5 then merges the small lists of the other frameworks rather
    than the large one of the member's own framework (twice the time of the search)."""
    if readable is None:
        return f"terms : ({expr})"
    if not readable:
        return f"terms : ({expr}) AND scope : pub"
    framework = apps.get_model("cooperation", "Framework")
    hidden = sorted(set(framework.objects.values_list("pk", flat=True)) - set(readable))
    if not hidden:
        return f"terms : ({expr})"
    others = " OR ".join(f"f{f}" for f in hidden)
    return f"terms : ({expr}) NOT (scope : ({others}) NOT scope : pub)"


def _filters(filters: dict) -> tuple[str, list]:
    sql, params = [], []
    if filters.get("framework") is not None:
        sql.append("(e.framework_id = %s OR e.framework_id IS NULL)")
        params.append(filters["framework"])
    if filters.get("kinds"):
        sql.append("e.kind IN (" + ", ".join(["%s"] * len(filters["kinds"])) + ")")
        params.extend(filters["kinds"])
    if filters.get("since"):
        sql.append("e.dated >= %s")
        params.append(filters["since"])
    if filters.get("until"):
        sql.append("e.dated <= %s")
        params.append(filters["until"])
    return "".join(f" AND {s}" for s in sql), params


def match(groups, filters: dict, limit: int, offset: int = 0) -> list[tuple[int, str, int]]:
    """(id, kind, object id) of the entries that match, best first (at most ``limit``,
    after the first ``offset``)."""
    where, params = _filters(filters)
    if is_sqlite():
        expr = to_fts5(groups)
        if expr is None:
            return []
        sql = (
            f"SELECT e.id, e.kind, e.object_id FROM search_fts JOIN {TABLE} e ON e.id = search_fts.rowid"
            f" WHERE search_fts MATCH %s{where}"
            " ORDER BY bm25(search_fts, 1.0, 0.0), e.id LIMIT %s OFFSET %s"
        )
        args = [_readable_fts5(expr, filters.get("readable")), *params, limit, offset]
    else:
        expr = to_tsquery(groups)
        if expr is None:
            return []
        extra, readable = _readable_sql(filters.get("readable"))
        where += "".join(f" AND {s}" for s in extra)
        params += readable
        sql = (
            f"SELECT e.id, e.kind, e.object_id FROM {TABLE} e, to_tsquery('simple', %s) q"
            f" WHERE e.terms_tsv @@ q{where}"
            " ORDER BY ts_rank_cd(e.terms_tsv, q) DESC, e.id LIMIT %s OFFSET %s"
        )
        args = [expr, *params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [tuple(row) for row in cursor.fetchall()]
