"""The full-text part of the index on each database, behind three functions:

    write(entries)   put the entries' terms in the full-text index (after their rows)
    erase(ids)       take them out
    ranking(query, filters) -> Ranking: .count, .capped, .page(limit, offset) best first

SQLite: an FTS5 table ``search_fts(terms, scope)`` whose rowid is the entry's id, ranked
by bm25 of ``terms``; ``scope`` holds "pub" for a public entry and "f<id>" for its
framework, so that FTS5 keeps only what the visitor may read before ranking.
PostgreSQL: a stored generated column ``terms_tsv`` (``to_tsvector('simple', terms)``)
under a GIN index (and a second one over the public entries only), ranked by
ts_rank_cd. Both read the same terms (accord.search.text), so a query finds the same
rows on both.

A broad query ("mediation": a third of the index) is not ranked whole: ranking 27,000
matches took 70-110 ms on either database. The candidates are the first ``RANKED``
matches in the index's own order, read without sorting (SQLite: the most recently
written, an entry being written again whenever its row changes; PostgreSQL: the table's
order), and up to ``RANKED`` more whose title matches the query; only those are ranked,
and the count says "more than RANKED". docs/search.md has the trade-off.
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
    rows = [(e.pk, e.terms, _scope(e), e.title_terms) for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
        cursor.executemany(
            "INSERT INTO search_fts(rowid, terms, scope, head) VALUES (%s, %s, %s, %s)", rows
        )


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


def _readable_fts5(expr: str, readable, title: bool = False) -> str:
    """SQLite: the MATCH expression on ``terms``, and on ``scope`` the readable entries.
    A member's are said as what to leave out (the unpublished entries of the frameworks
    they do not read): FTS5 then merges the small lists of the other frameworks rather
    than the large one of the member's own framework (twice the time of the search)."""
    matched = f"terms : ({expr})" + (f" AND head : ({expr})" if title else "")
    if readable is None:
        return matched
    if not readable:
        return f"{matched} AND scope : pub"
    framework = apps.get_model("cooperation", "Framework")
    hidden = sorted(set(framework.objects.values_list("pk", flat=True)) - set(readable))
    if not hidden:
        return matched
    others = " OR ".join(f"f{f}" for f in hidden)
    return f"({matched}) NOT (scope : ({others}) NOT scope : pub)"


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


RANKED = 500  # at most this many matches ranked (and as many more whose title matches)
Row = tuple[int, str, int]  # an entry's id, kind and object id


class Ranking:
    """The candidates of one search, on either database: every match when there are at
    most ``RANKED``; else the first ``RANKED`` the index reads and up to ``RANKED`` more
    whose title matches (``capped``). ``count`` is the number of matches, at most ``RANKED``;
    ``page(limit, offset)`` the candidates best first, the same order on every page."""

    def __init__(self, groups, filters: dict):
        self.where, self.params = _filters(filters)
        self.readable = filters.get("readable")
        self.sqlite = is_sqlite()
        self.expr = to_fts5(groups) if self.sqlite else to_tsquery(groups)
        if self.sqlite and self.expr is not None:  # the MATCH expressions, read once
            self.matched = _readable_fts5(self.expr, self.readable)
            self.matched_titles = _readable_fts5(self.expr, self.readable, title=True)
        self.titled: list[int] = []  # more candidates: matches whose title matches
        first = self._ids(False, RANKED + 1) if self.expr is not None else []
        self.count = min(len(first), RANKED)
        self.capped = len(first) > RANKED
        self.first = first[:RANKED]  # the first candidates the index reads
        self.cut = min(self.first, default=0)  # SQLite: the oldest of them
        if self.capped:  # PostgreSQL reads the first ones again: they are left out here
            seen = set(self.first)
            titled = self._ids(True, RANKED if self.sqlite else 2 * RANKED)
            self.titled = [i for i in titled if i not in seen][:RANKED]

    def _query(self, title: bool = False) -> tuple[str, str, list]:
        """(FROM, WHERE, params) of the entries that match and pass the filters; with
        ``title``, only those whose title matches too."""
        if self.sqlite:
            match = self.matched_titles if title else self.matched
            source = f"search_fts JOIN {TABLE} e ON e.id = search_fts.rowid"
            return source, f"search_fts MATCH %s{self.where}", [match, *self.params]
        extra, readable = _readable_sql(self.readable)
        where = "e.terms_tsv @@ q" + (" AND e.title_tsv @@ q" if title else "") + self.where
        where += "".join(f" AND {s}" for s in extra)
        source = f"{TABLE} e, to_tsquery('simple', %s) q"
        return source, where, [self.expr, *self.params, *readable]

    def _ids(self, title: bool, limit: int) -> list[int]:
        """The ids of the first matches the index reads (with ``title``, of those whose
        title matches, beyond the first candidates). SQLite: newest first, in FTS5's rowid
        order, which it reads without sorting. PostgreSQL: in the table's order, without
        sorting, in a MATERIALIZED CTE: planned as if every match were read (a bitmap of
        the GIN index) and read only up to the LIMIT. With the LIMIT in view the planner
        walked the primary key or the table through all 75,000 rows (280 ms) for the
        public's 64 matches of "mediation", its estimate being 5,534."""
        source, where, params = self._query(title)
        order = ""
        if self.sqlite:
            order = " ORDER BY search_fts.rowid DESC"
            if title:
                where += " AND search_fts.rowid < %s"
                params.append(self.cut)
        sql = f"SELECT e.id FROM {source} WHERE {where}{order} LIMIT %s"
        if not self.sqlite:  # planned for every match (the GIN index), read only to LIMIT
            sql = f"WITH m AS MATERIALIZED (SELECT e.id FROM {source} WHERE {where}) "
            sql += "SELECT id FROM m LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [row[0] for row in cursor.fetchall()]

    def page(self, limit: int, offset: int = 0) -> list[Row]:
        if self.expr is None:
            return []
        sql, params = self._sqlite_page() if self.sqlite else self._postgres_page()
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [tuple(row) for row in cursor.fetchall()]

    def _sqlite_page(self) -> tuple[str, list]:
        """bm25 of the candidates: every match; or, when capped, the matches from ``cut``
        on and the titled ones (the title matches in their range of rowids), two FTS5
        reads of a range of rowids each, without ranking the rest."""
        score = "bm25(search_fts, 1.0, 0.0, 0.0)"
        if not self.capped:
            source, where, params = self._query()
            return (
                f"SELECT e.id, e.kind, e.object_id FROM {source} WHERE {where}"
                f" ORDER BY {score}, e.id LIMIT %s OFFSET %s"
            ), params
        low = min(self.titled, default=self.cut)
        fts = f"SELECT rowid AS r, {score} AS s FROM search_fts WHERE search_fts MATCH %s"
        return (
            f"SELECT e.id, e.kind, e.object_id FROM ({fts} AND rowid >= %s"
            f" UNION ALL {fts} AND rowid >= %s AND rowid < %s) c"
            f" JOIN {TABLE} e ON e.id = c.r WHERE 1 = 1{self.where}"
            " ORDER BY c.s, e.id LIMIT %s OFFSET %s"
        ), [self.matched, self.cut, self.matched_titles, low, self.cut, *self.params]

    def _postgres_page(self) -> tuple[str, list]:
        """ts_rank_cd of the candidates: every match; or, when capped, the candidates
        read by their ids (they match and pass the filters already)."""
        order = " ORDER BY ts_rank_cd(e.terms_tsv, q) DESC, e.id LIMIT %s OFFSET %s"
        if not self.capped:
            source, where, params = self._query()
            return f"SELECT e.id, e.kind, e.object_id FROM {source} WHERE {where}{order}", params
        return (
            f"SELECT e.id, e.kind, e.object_id FROM {TABLE} e, to_tsquery('simple', %s) q"
            f" WHERE e.id = ANY(%s){order}"
        ), [self.expr, self.first + self.titled]


def ranking(groups, filters: dict) -> Ranking:
    """The bounded candidate set of a search (one or two index reads)."""
    return Ranking(groups, filters)
