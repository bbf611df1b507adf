"""Fixtures for the bootstrap tests: the demo resolution (shipped with the project, so
no corpus is needed), its parse and proposals, and a database bootstrapped from it."""

from __future__ import annotations

from pathlib import Path

import pytest

import resolutions
from accord.documents.bootstrap.propose import propose

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "accord" / "documents" / "demo" / "A_RES_73_135.md"


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def demo_plan():
    return propose(resolutions.parse(DEMO))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Stored source files go to a temporary folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def make_coordinator():
    """Nadia, who sets frameworks up: the service asks the permissions module, and only
    an administrator may bootstrap a framework that does not exist yet."""
    from django.contrib.auth import get_user_model

    from accord.accounts.users import grant

    user = get_user_model().objects.create_user("nadia", first_name="Nadia", last_name="Karim")
    grant(user, "administrator")
    return user


@pytest.fixture
def coordinator(db):
    """Nadia (``make_coordinator``)."""
    return make_coordinator()


@pytest.fixture
def bootstrapped(db, coordinator):
    """The founding resolution bootstrapped with --yes, recorded under the coordinator."""
    from accord.documents.services import resolution_import

    return resolution_import(source=DEMO, user=coordinator, confirm_all=True)


def series_file(corpus: Path, symbol: str) -> Path:
    path = corpus / "text" / f"A_RES_{symbol.replace('/', '_')}.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent from the corpus")
    return path
