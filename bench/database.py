"""A fresh, migrated database for one bench run, removed afterwards.

SQLite: a file in a temporary folder (ACCORD_VAR_DIR). PostgreSQL (DATABASE_URL set):
a ``test_<name>`` database made by Django's test machinery, dropped at the end. Sets up
Django on entry, so callers import models inside the ``with`` block.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def fresh_database(prefix: str = "accord-bench-") -> Iterator[object]:
    """Yield Django's default connection to a new, migrated database."""
    tmp = tempfile.TemporaryDirectory(prefix=prefix)
    os.environ["ACCORD_VAR_DIR"] = tmp.name
    os.environ["ACCORD_MEDIA_ROOT"] = str(Path(tmp.name) / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    postgres = connection.vendor == "postgresql"
    old_name = connection.settings_dict["NAME"]
    if postgres:
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=False, serialize=False
        )
    else:
        call_command("migrate", verbosity=0)
    try:
        yield connection
    finally:
        if postgres:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        connection.close()
        tmp.cleanup()
