"""Time `accord remind` on a big installation: 20 frameworks, 5,000 users, 20,000 open
action items.

    .venv/bin/python bench/remind.py                     # SQLite file in a temp dir
    DATABASE_URL=postgres://... .venv/bin/python bench/remind.py

Each framework has 20 entities (10 per side), 2 coordinators, 10 focal points per
entity (200) and 48 viewers: 250 users, 5,000 in all, each with an e-mail address.
Each framework has 1,000 open action items spread over 20 weeks around today (a
quarter overdue, some due within 7 days), and 5 agreements expiring within 90 days.
Runs the reminders twice for the same day (mails to the locmem backend): prints the
wall time, the SQL count and the peak resident memory of the process, the
notifications recorded and the mails sent; the second run must send nothing.
"""

from __future__ import annotations

import datetime
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import fresh_database  # noqa: E402  (after the path is set)

FRAMEWORKS, ENTITIES, FOCAL_PER_ENTITY, VIEWERS, ITEMS = 20, 20, 10, 48, 1000


def build(today: datetime.date) -> None:
    from django.contrib.auth import get_user_model

    from accord.accounts.models import Membership
    from accord.cooperation.models import ActionItem, Framework
    from accord.registry.models import Agreement, Entity, Organization

    User = get_user_model()
    un = Organization.objects.create(code="un", name_en="United Nations", acronym="UN")
    for f in range(FRAMEWORKS):
        partner = Organization.objects.create(code=f"p{f}", name_en=f"Partner {f}")
        fw = Framework.objects.create(
            slug=f"un-p{f}", name=f"UN-P{f}", un_organization=un, partner=partner
        )
        entities = Entity.objects.bulk_create(
            Entity(organization=un if e % 2 else partner, acronym=f"E{f}-{e}", name_en=f"E{f}-{e}")
            for e in range(ENTITIES)
        )
        users = User.objects.bulk_create(
            User(username=f"u{f}-{i}", email=f"u{f}-{i}@example.org")
            for i in range(2 + ENTITIES * FOCAL_PER_ENTITY + VIEWERS)
        )
        roles = [
            Membership(user=users[0], role="coordinator", framework=fw, organization=un),
            Membership(user=users[1], role="coordinator", framework=fw, organization=partner),
        ]
        roles += [
            Membership(
                user=users[2 + i], role="focal_point", framework=fw, entity=entities[i % ENTITIES]
            )
            for i in range(ENTITIES * FOCAL_PER_ENTITY)
        ]
        roles += [
            Membership(user=u, role="viewer", framework=fw)
            for u in users[2 + ENTITIES * FOCAL_PER_ENTITY :]
        ]
        Membership.objects.bulk_create(roles)
        ActionItem.objects.bulk_create(
            ActionItem(
                framework=fw,
                title=f"Item {f}-{i}",
                owner=entities[i % ENTITIES],
                due_on=today + datetime.timedelta(days=i % 140 - 35),
            )
            for i in range(ITEMS)
        )
        for a in range(5):
            agreement = Agreement.objects.create(
                framework=fw,
                title=f"MoU {f}-{a}",
                expires_on=today + datetime.timedelta(days=10 + a * 20),
                status="in_force",
            )
            agreement.parties.set(entities[a : a + 2])


def run(today):
    from django.db import connection

    from accord.notifications.tasks import run_reminders

    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    start, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counter):
        offered, mails = run_reminders(today)
    return time.perf_counter() - start, time.process_time() - cpu, count[0], offered, mails


def main() -> None:
    with fresh_database():
        from django.conf import settings
        from django.core import mail
        from django.utils import timezone

        from accord.notifications.models import Notification

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mail.outbox = []
        today = timezone.localdate()
        build(today)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"built: peak {peak:.0f} MB so far")
        for label in ("first run", "second run, same day"):
            seconds, cpu, queries, offered, mails = run(today)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{label:22} {seconds:6.1f} s (CPU {cpu:5.1f} s)  {queries:5d} queries  peak {peak:5.0f} MB  "
                f"{offered} offered, {Notification.objects.count()} recorded, {mails} mails"
            )


if __name__ == "__main__":
    if "--profile" in sys.argv:
        import cProfile

        cProfile.run("main()", sort="cumulative")
    else:
        main()
