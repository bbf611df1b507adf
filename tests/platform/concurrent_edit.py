"""Run by test_stale_edit: two threads, each on its own database connection, save the
same activity from the same version at the same moment; print what happened as JSON.

Reads: the database Django's settings name (a fresh file SQLite in ACCORD_VAR_DIR when
the test runs it). Writes: a small framework, one activity and the two attempts.
"""

from __future__ import annotations

import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from accord.cooperation.models import Activity, Biennium, Framework, PriorityArea
    from accord.cooperation.services import activity_update
    from accord.core.errors import StaleEdit
    from accord.registry.models import Organization

    call_command("migrate", verbosity=0)
    users = [get_user_model().objects.create_user(name) for name in ("alice", "bob")]
    un = Organization.objects.create(code="un", name_en="United Nations")
    oic = Organization.objects.create(code="oic", name_en="Organization of Islamic Cooperation")
    framework = Framework.objects.create(
        slug="un-oic", name="UN-OIC", un_organization=un, partner=oic
    )
    biennium = Biennium.objects.create(framework=framework, start_year=2018, end_year=2019)
    area = PriorityArea.objects.create(framework=framework, code="peace", name_en="Peace")
    activity = Activity.objects.create(
        biennium=biennium, code="PS-01", title="First", priority_area=area
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
