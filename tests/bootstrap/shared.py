"""The founding resolution bootstrapped once per test module, for the modules whose
tests all start from it: import the three fixtures into such a module. Each test gets
``bootstrapped`` and ``coordinator`` as copies, and what it writes is rolled back with
its savepoint; a test that needs an empty database goes in another module."""

from __future__ import annotations

import copy

import pytest
from django.test.utils import override_settings

from tests.world import written_once


def _bootstrap():
    from accord.documents.services import resolution_import
    from tests.bootstrap.conftest import DEMO, make_coordinator

    user = make_coordinator()
    return user, resolution_import(source=DEMO, user=user, confirm_all=True)


def written_in_media(django_db_blocker, tmp_path_factory, write):
    """``written_once(write)``, the files it stores in a media folder of the module's own
    (an upload's source file)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield from written_once(django_db_blocker, write)


@pytest.fixture(scope="module")
def bootstrapped_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """(Nadia, the result of bootstrapping the demo with --yes under her), the source
    file stored in the module's own media folder."""
    yield from written_in_media(django_db_blocker, tmp_path_factory, _bootstrap)


@pytest.fixture(name="coordinator")
def shared_coordinator(bootstrapped_once, db):
    return copy.deepcopy(bootstrapped_once[0])


@pytest.fixture(name="bootstrapped")
def shared_bootstrapped(bootstrapped_once, db):
    return copy.deepcopy(bootstrapped_once[1])
