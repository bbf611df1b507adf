"""Shared fixtures: the corpus folder (skipped with a printed reason when it is absent),
fast password hashing, and a test database that is migrated once per run.

Migrating a fresh database costs about 11 s of CPU (Django renders the model states of
every migration). On SQLite, `accord migrate` runs in a subprocess (the installed
console script, as a user runs it) into a template file kept in pytest's cache until the
migrations change (tests/template.py: started by the xdist controller before the workers
when it is missing); each xdist worker's test database, and each test that needs a fresh
database file, starts from a copy of it. On PostgreSQL, each worker's test database is a
copy of a migrated template database (tests/pg_template.py)."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from tests import snapshot, template

# ROOT and accord_command are imported from here by other test modules
from tests.template import ROOT, accord_command, migrations_digest

# The order of the test files under xdist, longest first (tests/ordering.py).
pytest_plugins = ["tests.ordering"]

CORPUS = ROOT.parent / "shared" / "corpus"
SQLITE = "django.db.backends.sqlite3"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(autouse=True)
def english_first():
    """Every test starts in English: a request for an /fr/ or /ar/ page (or an API call in
    the caller's language) leaves that language active in the thread, and reverse() and
    gettext in the next test would then follow it."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is absent: {CORPUS} (clone beside ../shared to run this test)")
    return CORPUS


@pytest.fixture(scope="session", autouse=True)
def fast_passwords():
    """PBKDF2 is slow on purpose (about 0.3 s a password); no test checks the hasher, and
    the demo and the personas set a dozen passwords. Subprocesses keep the real one."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=[FAST_HASHER]):
        yield


def _shared_dir(request: pytest.FixtureRequest, tmp_path_factory) -> Path:
    """A folder of this run shared by its xdist workers (each worker's basetemp is a
    subfolder of the run's own), or the basetemp itself without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(request.config, "workerinput") else base


@pytest.fixture(scope="session")
def migrated_sqlite(request, tmp_path_factory) -> Path:
    """The SQLite file migrated by `accord migrate` (tests/template.py): the first worker to
    ask builds it under a lock (or the xdist controller has started it), the others wait
    for it. It is kept in pytest's cache (.pytest_cache/d/accord-migrated/DIGEST.sqlite3)
    until a migration, the SDG data or Django changes, so a later run does not migrate
    again (--create-db or --cache-clear: afresh). Copy it; never write to it."""
    return template.build(
        _template_folder(request.config) or _shared_dir(request, tmp_path_factory)
    )


def _template_folder(config) -> Path | None:
    """The folder of the kept template, or None when the run keeps none (no cache, or
    --create-db: the run's own temporary folder then)."""
    cache = getattr(config, "cache", None)
    if cache is None or config.getvalue("create_db"):
        return None
    return cache.mkdir("accord-migrated")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, django_db_blocker, request, tmp_path_factory
):
    """On SQLite the test database is a file copied from the migrated template, in this
    worker's own temporary folder (so the live server of the browser tests reads it too).
    On PostgreSQL it is a copy of a migrated template database (tests/pg_template.py)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] == SQLITE:
        name = tmp_path_factory.getbasetemp() / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), name)
        db.setdefault("TEST", {})["NAME"] = str(name)
    elif _cloned_on_postgresql(request):
        from django.db import connection

        from tests.pg_template import clone_test_database

        cache = getattr(request.config, "cache", None)
        folder = cache.mkdir("accord-migrated") if cache else _shared_dir(request, tmp_path_factory)
        with django_db_blocker.unblock():
            name = clone_test_database(db, migrations_digest(), folder, accord_command())
        db.setdefault("TEST", {})["NAME"] = name
        connection.settings_dict.setdefault("TEST", {})["NAME"] = name


def _cloned_on_postgresql(request) -> bool:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" in engine and not request.config.getvalue("create_db")


@pytest.fixture(scope="session", autouse=True)
def postgresql_flush_by_delete():
    """On PostgreSQL, a transactional test's flush DELETEs instead of TRUNCATE (the
    reason and the figures: tests/pg_template.py)."""
    from django.conf import settings

    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        yield
        return
    from tests.pg_template import flush_by_delete

    restore = flush_by_delete()
    yield
    restore()


@pytest.fixture(scope="session")
def django_db_keepdb(request) -> bool:
    """Keep (do not recreate) the copy of the migrated template (SQLite file, PostgreSQL
    database): Django's migrate then only checks that nothing is left to apply.
    --create-db migrates afresh."""
    from django.conf import settings

    return (
        bool(request.config.getvalue("reuse_db"))
        or settings.DATABASES["default"]["ENGINE"] == SQLITE
        or _cloned_on_postgresql(request)
    )


_RESTORE_MIGRATION_ROWS: list = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's set-up, then what a transactional test's end writes back. On SQLite
    the whole database as it is now (tests/snapshot.py), written back instead of
    Django's flush; elsewhere a copy of the rows the migrations wrote (the SDGs; content
    types and permissions are written again by post_migrate after a flush)."""
    from django.apps import apps
    from django.core import serializers
    from django.db import connection, transaction

    if snapshot.on_sqlite():
        with django_db_blocker.unblock():
            clean = snapshot.take()
        yield from _written_back_on_sqlite(clean)
        return
    with django_db_blocker.unblock():
        rows = serializers.serialize(
            "json",
            [
                obj
                for model in apps.get_models()
                if model._meta.app_label not in {"contenttypes", "auth"} and not model._meta.proxy
                for obj in model._base_manager.order_by("pk")
            ],
        )

    def restore() -> None:
        with (
            django_db_blocker.unblock(),
            transaction.atomic(),
            connection.constraint_checks_disabled(),
        ):
            restored = list(serializers.deserialize("json", rows))
            by_model: dict = {}
            for obj in restored:  # one INSERT per model: the tables were just emptied
                by_model.setdefault(type(obj.object), []).append(obj.object)
            # A test skipped before its database was set up (the corpus absent) left the
            # tables as they were: only an emptied table is written again.
            emptied = {model for model in by_model if not model._base_manager.exists()}
            for model in emptied:
                model._base_manager.bulk_create(by_model[model])
            for obj in restored:
                if type(obj.object) in emptied:
                    for name, values in (obj.m2m_data or {}).items():
                        getattr(obj.object, name).set(values)

    _RESTORE_MIGRATION_ROWS[:] = [restore]
    yield


def _written_back_on_sqlite(clean):
    """Django's flush at a transactional test's end replaced by ``clean`` written back
    (the tables emptied and the SDGs written again by a flush and ``restore`` cost 90 ms
    a test; the backup 10-15 ms)."""
    from django.test import TransactionTestCase

    snapshot.keep_clean(clean)
    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda self: snapshot.put_clean()
    yield
    TransactionTestCase._fixture_teardown = flush


def _is_transactional(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(
            marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
        )
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (live server, threads) ends with Django emptying every table.
    Under xdist the next test of the same worker may come from any file and expects the
    SDGs that a migration loaded: write them back (pytest-django's ordering of
    transactional tests last only holds within one process's own order)."""
    result = yield
    if nextitem is not None and _RESTORE_MIGRATION_ROWS and _is_transactional(item):
        _RESTORE_MIGRATION_ROWS[0]()
    return result


def pytest_collection_modifyitems(items):
    """A test that reaches the database only through a module's world (a fixture asking
    ``django_db_setup``: ``once_per_module``, ``written_once``) and asks no ``db`` itself
    is marked ``django_db``: pytest-django sets up the test database only for marked
    tests, so with such a test selected alone (``-k``) the world was written into the
    database of the settings (a developer's var/accord.sqlite3)."""
    from tests.ordering import needs_database

    for item in items:
        if needs_database(item) and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)


# Python's cyclic garbage collector passes over the young objects after every 700
# allocations net of frees (gc.get_threshold()): in a test process, which holds Django,
# hypothesis, Playwright and the parsed corpus, that came to about 7 s of each xdist worker
# (5,000 passes, 17 full ones, timed with gc.callbacks). Every 20,000: about half that,
# and each worker's memory peak stays under 800 MB. The collector still runs; only the
# tests' processes are tuned (the app and the `accord` subprocesses keep Python's default).
GC_THRESHOLD = (20_000, 20, 20)


def pytest_configure(config):
    """The collector's threshold (GC_THRESHOLD); the browser suite's POST coverage check
    (tests/post_coverage.py); on SQLite, the migrated template started now when it is
    missing (tests/template.py), by the xdist controller (or the one process of a run
    without xdist)."""
    from tests.post_coverage import register

    gc.set_threshold(*GC_THRESHOLD)
    register(config)
    if hasattr(config, "workerinput"):
        return
    from django.conf import settings

    folder = _template_folder(config)
    if folder is not None and settings.DATABASES["default"]["ENGINE"] == SQLITE:
        config.stash[_BUILDING] = template.start_building(folder)


_BUILDING = pytest.StashKey()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """Tell each xdist worker whether the template was missing (tests/ordering.py then
    sends the files that need no database first)."""
    node.workerinput[template.COLD] = node.config.stash.get(_BUILDING, None) is not None


def pytest_unconfigure(config):
    """A run that ends early (a collection error) waits for the template it started."""
    building = config.stash.get(_BUILDING, None)
    if building is not None:
        building.join(timeout=900)


@pytest.fixture(autouse=True)
def _page_cache_of_this_test(settings):
    """The pages' cache (accord/web/cache.py) in this test process's memory, empty at the
    start of every test: no piece or token crosses tests or xdist workers."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"accord-pages-{os.getpid()}",
        },
    }
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()
