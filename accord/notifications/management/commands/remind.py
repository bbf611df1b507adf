"""accord remind: record and mail the reminders due today (idempotent)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from accord.notifications.tasks import run_reminders, schedule


class Command(BaseCommand):
    help = (
        "Record the notifications due today (action items due in 7 days or overdue, report "
        "obligations due at the next session, agreements expiring in 90 and 30 days) and "
        "mail what is due (immediate mails, today's daily and this week's weekly digests). "
        "Running it twice a day sends nothing twice. --schedule queues the daily task for "
        "`accord worker` instead (ACCORD_TASKS_BACKEND=database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--on", help="the day to remind for, YYYY-MM-DD (default: today)")
        parser.add_argument("--schedule", action="store_true", help="queue the daily task")

    def handle(self, *args, **options):
        if options["schedule"]:
            if not schedule():
                raise CommandError(
                    "the task backend cannot defer tasks: set ACCORD_TASKS_BACKEND=database "
                    "(or run `accord remind` from cron)"
                )
            self.stdout.write("remind_daily queued for accord worker")
            return
        on = None
        if options["on"]:
            try:
                on = datetime.date.fromisoformat(options["on"])
            except ValueError as exc:
                raise CommandError(f"--on: not a date (YYYY-MM-DD): {options['on']}") from exc
        offered, mails = run_reminders(on)
        self.stdout.write(f"{offered} notifications due, {mails} mails sent")
