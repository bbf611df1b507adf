"""``accord remind`` as a periodic task on the task backend (django-tasks).

``remind_daily`` runs the reminders of the day and, on a backend that can defer
(``ACCORD_TASKS_BACKEND=database``), queues itself for the next day at
``ACCORD_REMIND_HOUR`` (UTC): `accord remind --schedule` starts the chain once, and
`accord worker` runs it. Running it twice a day sends nothing twice.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task


def next_run(now: datetime.datetime) -> datetime.datetime:
    """The next ``ACCORD_REMIND_HOUR`` o'clock after ``now``."""
    hour = settings.ACCORD_REMIND_HOUR
    at = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return at if at > now else at + datetime.timedelta(days=1)


def run_reminders(on: datetime.date | None = None) -> tuple[int, int]:
    """Record what is due ``on`` (today) and mail it; returns (offered, mails)."""
    from accord.notifications.mail import send_due
    from accord.notifications.reminders import find_due

    on = on or timezone.localdate()
    offered = find_due(on)
    return offered, send_due(today=on)


def schedule() -> bool:
    """Queue ``remind_daily`` for its next run, if the backend can defer tasks."""
    if not default_task_backend.supports_defer:
        return False
    remind_daily.using(run_after=next_run(timezone.now())).enqueue()
    return True


@task()
def remind_daily() -> int:
    _offered, mails = run_reminders()
    schedule()
    return mails
