"""The one test world. ``build_world`` writes it and returns a ``World`` (tests/world/base.py:
rows as attributes, personas in ``users``, named rows in ``objects``). Every world is built
on one base, ``build_base`` (base.py): the UN and the OIC (``un``, ``oic``: Organizations),
the un-oic framework (``framework``), six entities (``secretariat``, ``ohchr``, ``dppa``,
``unesco``, ``iphrc``, ``isdb``), two priority areas (``peace``, ``rights``) and a
biennium (``biennium``: 2018-2019, this year's in the pages' world), the same rows under
the same names in every world; its options add to it:

    build_world(bare=True)                    the base alone (the platform tests: their
                                              conftest adds alice, bob and one activity)
    build_world(activities=5)                 the pages' world: admin, coordinator, focal,
                                              viewer, the founding resolution parsed from
                                              ``DEMO``, ``activities`` activities, a meeting,
                                              action items, an agreement (scenario.py)
    build_world(reports=True, activities=12,  the reports' world: a second biennium, five
                action_items=8, bulk=False)   areas, ten entities (``un_entities``,
                                              ``oic_entities``), meetings, SDG targets,
                                              history on every row (reports.py)
    build_world(personas=True)                the seven personas (alice ... eve) in every
                                              role and a second framework, UN-AU
                                              (personas.py); the ``world`` fixture below
                                              builds it once per module (import ``world,
                                              world_once`` into a conftest)

``once_per_module(name, **options)`` makes such a module-scoped fixture for any world
(the report, web, search, notification and security tests use it), ``written_once`` the
same for any rows a class or a module of tests shares.

``PASSWORD`` is the password of its users, ``form_values`` the values a browser posts for
a page's form.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from accord.search.index import indexing_deferred
from tests import snapshot
from tests.world.base import PASSWORD, World, build_base, form_values
from tests.world.personas import PERSONAS, build_personas
from tests.world.reports import build_reports
from tests.world.scenario import DEMO, add_activities, build_pages, store_resolution

__all__ = [
    "DEMO",
    "PASSWORD",
    "PERSONAS",
    "World",
    "add_activities",
    "build_world",
    "form_values",
    "once_per_module",
    "store_resolution",
    "world",
    "world_once",
    "written_once",
]


def build_world(
    *,
    bare: bool = False,
    activities: int | None = None,
    personas: bool = False,
    reports: bool = False,
    action_items: int = 8,
    bulk: bool = False,
) -> World:
    """Write the test world into the database and return it: the pages' world with
    ``activities`` activities (5 unless told), or with ``reports`` the reports' world
    (12 activities unless told, ``action_items``, ``bulk_create`` with ``bulk``), or with
    ``personas`` the seven personas' world (its activities are fixed), or with ``bare``
    the base alone (``build_base``: what the three others are built on)."""
    if personas and (reports or activities is not None):
        raise ValueError("the personas' world has its own activities and no report data")
    if bare and (personas or reports or activities is not None):
        raise ValueError("the bare world is the base alone")
    # indexed in one pass at the end, as the app's bulk writes are (the same entries:
    # tests/search/test_deferred.py)
    with indexing_deferred():
        return _build(bare, activities, personas, reports, action_items, bulk)


def _build(bare, activities, personas, reports, action_items, bulk) -> World:
    if bare:
        return build_base()
    if personas:
        return build_personas()
    if reports:
        return build_reports(
            activities=12 if activities is None else activities,
            action_items=action_items,
            bulk=bulk,
        )
    return build_pages(5 if activities is None else activities)


def written_once(django_db_blocker, write: Callable[[], object]):
    """For a module- or class-scoped fixture: ``write()`` (its result yielded) inside a
    transaction rolled back when the fixture ends (each test's own transaction, from the
    ``db`` fixture, is a savepoint inside it)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield write()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _built(options: dict, then=None) -> World:
    built = build_world(**options)
    if then is not None:
        then(built)
    return built


def once_per_module(
    name: str, then: Callable[[World], object] | None = None, **options
) -> Callable:
    """A module-scoped fixture ``name``: ``build_world(**options)``, then ``then(world)``
    when given, written once per test module (``written_once``; on SQLite built once per
    worker and written back for each module, tests/snapshot.py). Ask it through a
    function fixture that also asks ``db`` and hands each test ``copy.deepcopy`` of it,
    so that what one test writes (rows: rolled back with its savepoint; attributes of
    the objects: a copy) never reaches the next. Every test of the module then sees the
    world, even one that asks only ``db``: a test that needs an empty database, or that
    commits (transaction=True, a live server, a worker reading what it wrote), goes in
    another module."""

    kept = snapshot.Worlds()  # on SQLite: built once per worker, written back per module

    def built(django_db_setup, django_db_blocker):
        if snapshot.on_sqlite():
            yield from _kept(django_db_blocker, kept, lambda: _built(options, then))
        else:
            yield from written_once(django_db_blocker, lambda: _built(options, then))

    return pytest.fixture(scope="module", name=name)(built)


def _kept(django_db_blocker, kept: snapshot.Worlds, build: Callable[[], World]):
    """``build()`` once per process, its database written back for each later module
    (tests/snapshot.py), and the clean database written back when the module ends."""
    with django_db_blocker.unblock():
        try:
            yield kept.get((), build)
        finally:
            snapshot.put_clean()


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    """The personas' world built once per test module (``written_once``)."""
    yield from written_once(django_db_blocker, lambda: build_world(personas=True))


@pytest.fixture
def world(world_once, db) -> World:
    """The personas' world (read-only in spirit: re-read objects before changing them)."""
    return world_once
