"""Copies of the SQLite test database in memory, written back with SQLite's backup API
(``sqlite3.Connection.backup``: the pages copied as they are, 10-15 ms for the 2.4 MB
migrated database).

Two uses, both on SQLite only (on PostgreSQL the tests flush and build as before):

- a transactional test (a live server, threads, a worker) ends with the database written
  back to what it was when the worker's session began (``clean``, taken once), instead
  of Django's flush (a DELETE per table, the post_migrate signal writing the content
  types and permissions again) and the SDG rows written back after it: 90 ms a test;
- a world that tests build afresh each time (the browser tests' pages world, 0.2 s a
  test) or once per module (``once_per_module``: the pages' world of tests/web in each of
  its modules) is built once per worker; the next test or module gets the database as
  that build left it and a deep copy of the ``World`` as it was returned (``Worlds``),
  and a module's world is taken away at its end by writing back the clean database.

The backup replaces every page of the database, the sequences of the primary keys
included: a test that follows another sees the same rows under the same keys as if the
world had just been built for it, which is what it was written against."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable, Hashable

from django.db import connection, transaction


def on_sqlite() -> bool:
    return connection.vendor == "sqlite"


def take() -> sqlite3.Connection:
    """The test database as it is now, copied into memory."""
    connection.ensure_connection()
    kept = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(kept)
    return kept


def put(kept: sqlite3.Connection) -> None:
    """Write ``kept`` back over the test database (every table, as it was taken). The
    connection must be outside a transaction, as a transactional test's is."""
    connection.ensure_connection()
    kept.backup(connection.connection)


_CLEAN: list[sqlite3.Connection] = []


def keep_clean(kept: sqlite3.Connection) -> None:
    """Remember ``kept`` as the database a test leaves behind (the session's start)."""
    _CLEAN[:] = [kept]


def put_clean() -> None:
    """Write back the database as the session began (``keep_clean``)."""
    put(_CLEAN[0])


class Worlds:
    """Worlds built once per process and handed out again: ``get(key, build)`` builds the
    first time (``build()``, then the database taken), and later writes that database
    back and returns a deep copy of the world as ``build`` returned it. Off SQLite it
    builds every time."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[sqlite3.Connection, object]] = {}

    def get(self, key: Hashable, build: Callable[[], object]):
        if not on_sqlite():
            return build()
        if key in self._kept:
            kept, world = self._kept[key]
            put(kept)
            return copy.deepcopy(world)
        with transaction.atomic():
            world = build()
        self._kept[key] = (take(), copy.deepcopy(world))
        return world
