"""`accord demo`: set up the demo: the UN-OIC framework bootstrapped from the founding
resolution (`accord bootstrap accord/documents/demo/A_RES_73_135.md --yes`), then users
for each role (their logins are printed).

Later steps (the demo matrix) are added here as they land.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_RESOLUTION = Path(__file__).resolve().parents[3] / "documents" / "demo" / "A_RES_73_135.md"

DEMO_PASSWORD = "accord-demo"  # noqa: S105 - demo data only, printed on purpose


class Command(BaseCommand):
    help = "Create the demo users and data, and print the logins."

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("bootstrap", str(DEMO_RESOLUTION), yes=True, stdout=self.stdout)  # idempotent
        User = get_user_model()
        admin, created = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        self.stdout.write("Demo users (password for all: %s):" % DEMO_PASSWORD)
        self.stdout.write("  admin  (administrator)")
