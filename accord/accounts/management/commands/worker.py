"""accord worker: run queued tasks (reports) from the database, for ACCORD_TASKS_BACKEND=database."""

from django.conf import settings
from django.core.management import CommandError
from django_tasks_db.management.commands.db_worker import Command as DBWorker


class Command(DBWorker):
    help = (
        "Run the jobs queued in the database (ACCORD_TASKS_BACKEND=database). Start one or "
        "more on any machine that reaches the database; stop with Ctrl-C or SIGTERM."
    )

    def handle(self, *args, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db"):
            raise CommandError(
                f"ACCORD_TASKS_BACKEND is {backend}: jobs run at once, no worker is needed; "
                "set ACCORD_TASKS_BACKEND=database to queue them"
            )
        return super().handle(*args, **options)
