"""`accord demo`: set up the demo: users for each role (their logins are printed).

Later steps (framework bootstrap from the founding resolution, the demo matrix)
are added here as they land.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_PASSWORD = "accord-demo"  # noqa: S105 - demo data only, printed on purpose


class Command(BaseCommand):
    help = "Create the demo users and data, and print the logins."

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        admin, created = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        self.stdout.write("Demo users (password for all: %s):" % DEMO_PASSWORD)
        self.stdout.write("  admin  (administrator)")
