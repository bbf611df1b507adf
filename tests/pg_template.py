"""PostgreSQL test databases cloned from a migrated template (tests/conftest.py).

Migrating a PostgreSQL database takes each xdist worker about as long as the SQLite
file (Django renders the model states of every migration), and both workers did it at
the start of every run. Instead, `accord migrate` (the installed script, in a
subprocess) migrates one template database, ``<test name>_tpl_<digest>``, kept between
runs until the migrations change (the digest of tests/conftest.py's MIGRATION_INPUTS);
each worker's test database is made with ``CREATE DATABASE ... TEMPLATE``, a file copy
on the server that takes well under a second."""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def clone_test_database(db: dict, digest: str, lock_folder: Path, command: list[str]) -> str:
    """Make the test database of ``db`` (settings.DATABASES["default"]) a fresh copy of
    the migrated template; return its name."""
    from django.db import connection

    name = db.get("TEST", {}).get("NAME") or f"test_{db['NAME']}"
    base = name.split("_gw")[0]
    template = f"{base}_tpl_{digest}"
    with open(lock_folder / "pg-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds or copies at a time
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database")
            templates = {row[0] for row in cursor.fetchall() if row[0].startswith(f"{base}_tpl_")}
            if template not in templates:
                for old in templates:  # the templates of older migrations
                    cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
                cursor.execute(f'CREATE DATABASE "{template}"')
                try:
                    _migrate(template, command)
                except BaseException:  # never keep a half-migrated template
                    cursor.execute(f'DROP DATABASE "{template}"')
                    raise
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def _migrate(template: str, command: list[str]) -> None:
    parts = urlsplit(os.environ["DATABASE_URL"])
    url = urlunsplit(parts._replace(path=f"/{template}"))
    subprocess.run(
        [*command, "migrate", "--noinput", "-v0"],
        env={**os.environ, "DATABASE_URL": url},
        check=True,
        capture_output=True,
        timeout=900,
    )


def flush_by_delete():
    """Make Django's flush (after every transactional test: the browser tests, the race
    tests) DELETE the rows of each table instead of one TRUNCATE of all 89: TRUNCATE
    replaces every table's and index's files, 4.5 s at load 9 against 40-60 ms for the
    DELETEs of a test's few rows (psql, 2026-12-03). The foreign keys Django makes are
    DEFERRABLE INITIALLY DEFERRED and flush runs in one transaction, so the order of the
    tables does not matter. Returns a function that puts TRUNCATE back. A flush asked to
    reset the sequences keeps TRUNCATE ... RESTART IDENTITY."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = [f"DELETE FROM {self.quote_name(table)};" for table in tables]
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign]

    def restore() -> None:
        DatabaseOperations.sql_flush = truncate  # type: ignore[method-assign]

    return restore
