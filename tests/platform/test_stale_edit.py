"""Two people editing the same activity cannot overwrite each other silently."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

from accord.cooperation.models import Activity
from accord.cooperation.services import activity_update
from accord.core.errors import StaleEdit


@pytest.mark.django_db
def test_a_stale_edit_is_refused_naming_the_other_editor(activity, alice, bob):
    seen_by_alice = activity.version
    activity_update(
        activity=activity, user=bob, expected_version=activity.version, title="Bob's title"
    )
    with pytest.raises(StaleEdit) as caught:
        activity_update(
            activity=activity,
            user=alice,
            expected_version=seen_by_alice,
            title="Alice's title",
            status="completed",
        )
    message = str(caught.value)
    assert "Bob Haddad" in message
    assert "title" in message
    assert "version 1" in message and "version 2" in message
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.title == "Bob's title"
    assert fresh.status == "planned"
    assert fresh.version == 2
    assert fresh.history.count() == 2


@pytest.mark.django_db
def test_an_edit_on_the_current_version_goes_through_and_increments_it(activity, alice):
    updated = activity_update(
        activity=activity, user=alice, expected_version=1, description="Two days"
    )
    assert updated.version == 2
    assert Activity.objects.get(pk=activity.pk).description == "Two days"


@pytest.mark.django_db
def test_an_invalid_value_saves_nothing(activity, alice):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        activity_update(activity=activity, user=alice, expected_version=1, status="finished")
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.version == 1 and fresh.status == "planned"


def _check(result: dict) -> None:
    outcomes = result["outcomes"]
    assert sorted(outcomes.values()) == ["refused", "saved"], outcomes
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    assert result["title"] == f"title by {winner}"
    assert result["version"] == 2
    assert result["records"] == 2


def test_two_concurrent_updates_cannot_both_succeed_on_a_sqlite_file(migrated_sqlite, tmp_path):
    """Both writers saw version 1 and save at the same moment from their own connections
    (a real SQLite file in WAL mode, as in production), in a subprocess of its own on a
    copy of the session's migrated database file."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ACCORD_VAR_DIR"] = str(tmp_path)
    shutil.copyfile(migrated_sqlite, tmp_path / "accord.sqlite3")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("concurrent_edit.py"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["vendor"] == "sqlite"
    _check(result)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_updates_cannot_both_succeed_on_postgresql(activity, alice, bob):
    """The same race on the test database when it is PostgreSQL (each thread has its own connection)."""
    if connection.vendor != "postgresql":
        pytest.skip("the test database is not PostgreSQL (the SQLite race runs on a file above)")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def edit(user):
        try:
            barrier.wait(timeout=10)
            activity_update(
                activity=activity, user=user, expected_version=1, title=f"title by {user.username}"
            )
            outcomes[user.username] = "saved"
        except StaleEdit:
            outcomes[user.username] = "refused"
        except Exception as exc:  # reported in the assertion
            outcomes[user.username] = f"error: {exc!r}"
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(u,)) for u in (alice, bob)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    fresh = Activity.objects.get(pk=activity.pk)
    _check(
        {
            "outcomes": outcomes,
            "title": fresh.title,
            "version": fresh.version,
            "records": fresh.history.count(),
        }
    )
