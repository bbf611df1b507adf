"""Run by test_stale_edit: two threads, each on its own database connection, save the
same activity from the same version at the same moment; print what happened as JSON.

Reads: the database Django's settings name (a fresh file SQLite in ACCORD_VAR_DIR when
the test runs it). Writes: the base of every test world (tests/world/base.py
``build_base``), one activity and the two attempts.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from accord.cooperation.models import Activity
    from accord.cooperation.services import activity_update
    from accord.core.errors import StaleEdit

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script
    from tests.world.base import build_base

    call_command("migrate", verbosity=0)
    users = [get_user_model().objects.create_user(name) for name in ("alice", "bob")]
    world = build_base()
    activity = Activity.objects.create(
        biennium=world.biennium, code="PS-01", title="First", priority_area=world.peace
    )
    connection.close()

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
        except Exception as exc:  # reported to the test as is
            outcomes[user.username] = f"error: {exc!r}"
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    fresh = Activity.objects.get(pk=activity.pk)
    json.dump(
        {
            "outcomes": outcomes,
            "title": fresh.title,
            "version": fresh.version,
            "records": fresh.history.count(),
            "vendor": connection.vendor,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
