"""`accord remind` as a periodic task: --schedule queues the daily task for the next
run hour on a backend that defers tasks, and says clearly why it cannot otherwise."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django_tasks import default_task_backend

from accord.notifications.tasks import next_run

pytestmark = pytest.mark.django_db


def test_schedule_queues_the_daily_task_at_the_remind_hour(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("remind", "--schedule")
    [result] = default_task_backend.results
    assert result.task.name == "remind_daily"
    assert result.task.run_after.hour == settings.ACCORD_REMIND_HOUR


def test_schedule_on_the_immediate_backend_is_refused_with_the_reason(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="ACCORD_TASKS_BACKEND=database"):
        call_command("remind", "--schedule")


def test_the_next_run_is_today_before_the_hour_and_tomorrow_after(settings):
    settings.ACCORD_REMIND_HOUR = 6
    early = datetime.datetime(2026, 12, 2, 5, 0, tzinfo=datetime.UTC)
    late = datetime.datetime(2026, 12, 2, 7, 0, tzinfo=datetime.UTC)
    assert next_run(early) == datetime.datetime(2026, 12, 2, 6, 0, tzinfo=datetime.UTC)
    assert next_run(late) == datetime.datetime(2026, 12, 3, 6, 0, tzinfo=datetime.UTC)


def test_a_bad_day_is_a_clear_error():
    with pytest.raises(CommandError, match="not a date"):
        call_command("remind", "--on=yesterday")
